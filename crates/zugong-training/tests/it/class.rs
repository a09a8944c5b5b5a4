use proptest::prelude::*;
use zugong_core::journal::{ExecuteError, Journal, Refusal};
use zugong_core::*;
use zugong_training::*;

use crate::support::*;

/// A class's context, with the day and the body a command is issued on (the act's parts).
#[derive(Clone, Copy)]
struct Desk<'a> {
    ctx: ClassContext<'a>,
    on: chrono::NaiveDate,
    who: Authority,
}

fn county_ctx<'a>(
    tree: &'a OrgTree,
    policy: &'a TrainingPolicy,
    on: chrono::NaiveDate,
) -> Desk<'a> {
    Desk {
        ctx: ClassContext { tree, policy },
        on,
        who: Authority::organization_department(id(1)),
    }
}

/// A class together with the journal its state comes from.
#[derive(Default)]
struct Class {
    state: TrainingClass,
    journal: Journal<TrainingClass>,
}

impl std::ops::Deref for Class {
    type Target = TrainingClass;
    fn deref(&self) -> &TrainingClass {
        &self.state
    }
}

fn planned(tree: &OrgTree, policy: &TrainingPolicy, hours: u32, capacity: u32) -> Class {
    planned_as(tree, policy, hours, capacity, TrainingMode::Concentrated)
}

fn planned_as(
    tree: &OrgTree,
    policy: &TrainingPolicy,
    hours: u32,
    capacity: u32,
    mode: TrainingMode,
) -> Class {
    let mut class = Class::default();
    let cmd = ClassCommand::Plan(ClassPlan {
        mode,
        ..plan(id(1), TrainingTier::CountyUniversal, hours, capacity)
    });
    run(&mut class, cmd, &county_ctx(tree, policy, d(5, 1))).unwrap();
    class
}

fn run(
    class: &mut Class,
    cmd: ClassCommand,
    desk: &Desk<'_>,
) -> Result<Vec<ClassEvent>, ClassError> {
    let before = class.state.clone();
    let r = crate::support::run(
        &mut class.state,
        &mut class.journal,
        &cmd,
        &desk.ctx,
        desk.on,
        desk.who,
    )
    .map_err(|e| match e {
        ExecuteError::Refused(e) => e,
        ExecuteError::Journal(e) => panic!("{e}"),
    });
    if r.is_err() {
        assert_eq!(class.state, before, "a refused command changed the class");
    }
    r
}

#[test]
fn leave_of_exactly_one_seventh_is_allowed() {
    let (tree, policy) = (tree(), TrainingPolicy::default());
    let ctx = county_ctx(&tree, &policy, d(5, 12));
    // 第十五条 binds 脱产培训: the class is full-time off the job.
    let mut class = planned_as(&tree, &policy, 14, 10, TrainingMode::FullTimeOffJob);
    run(
        &mut class,
        ClassCommand::Enrol {
            member: member(1),
            unit: id(100),
        },
        &ctx,
    )
    .unwrap();
    run(
        &mut class,
        ClassCommand::Enrol {
            member: member(2),
            unit: id(101),
        },
        &ctx,
    )
    .unwrap();
    // 14学时: 2学时 of leave is exactly one seventh.
    let ev = run(
        &mut class,
        ClassCommand::RecordLeave {
            member: member(1),
            hours: StudyHours::whole(2),
        },
        &ctx,
    )
    .unwrap();
    assert_eq!(ev.len(), 1);
    assert_eq!(
        class.participants()[&member(1)].status,
        ParticipantStatus::Enrolled
    );
    // 2.1学时 is above it: 退学.
    let ev = run(
        &mut class,
        ClassCommand::RecordLeave {
            member: member(2),
            hours: StudyHours::from_tenths(21),
        },
        &ctx,
    )
    .unwrap();
    assert!(matches!(ev[1], ClassEvent::Withdrawn { .. }));
    assert_eq!(
        class.participants()[&member(2)].status,
        ParticipantStatus::Withdrawn
    );
    let err = run(
        &mut class,
        ClassCommand::RecordAttendance {
            member: member(2),
            hours: StudyHours::whole(1),
        },
        &ctx,
    )
    .unwrap_err();
    assert_eq!(err, ClassError::Withdrawn(member(2)));
    assert!(err.citation().article.contains("第十五条"));
    run(
        &mut class,
        ClassCommand::RecordAttendance {
            member: member(1),
            hours: StudyHours::whole(12),
        },
        &ctx,
    )
    .unwrap();
    let close_ctx = county_ctx(&tree, &policy, d(5, 15));
    run(&mut class, ClassCommand::Close, &close_ctx).unwrap();
    assert_eq!(
        class.participants()[&member(1)].credited,
        StudyHours::whole(12)
    );
    assert_eq!(class.participants()[&member(2)].credited, StudyHours::ZERO);
    assert_eq!(class.status(), ClassStatus::Closed);
}

#[test]
fn every_refusal() {
    let (tree, policy) = (tree(), TrainingPolicy::default());
    let ctx = county_ctx(&tree, &policy, d(5, 12));
    let mut fresh = Class::default();
    assert_eq!(
        run(&mut fresh, ClassCommand::Close, &ctx),
        Err(ClassError::NotPlanned)
    );
    // A township may not plan the county's class; a branch holds no authority at all.
    let town = Desk {
        who: Authority::organization_department(id(10)),
        ..ctx
    };
    let err = run(
        &mut fresh,
        ClassCommand::Plan(plan(id(1), TrainingTier::CountyUniversal, 14, 1)),
        &town,
    )
    .unwrap_err();
    assert!(matches!(
        err,
        ClassError::Authority(AuthorityError::OutsideSubtree { .. })
    ));
    // Tier must match the organizer's level.
    let err = run(
        &mut fresh,
        ClassCommand::Plan(plan(id(1), TrainingTier::CityKey, 14, 1)),
        &ctx,
    )
    .unwrap_err();
    assert_eq!(
        err,
        ClassError::TierMismatch {
            organizer: id(1),
            expected: Some(TrainingTier::CountyUniversal),
            found: TrainingTier::CityKey
        }
    );
    for (bad, why) in [
        (
            ClassPlan {
                name: " ".into(),
                ..plan(id(1), TrainingTier::CountyUniversal, 14, 1)
            },
            "name",
        ),
        (
            ClassPlan {
                ends_on: d(5, 1),
                ..plan(id(1), TrainingTier::CountyUniversal, 14, 1)
            },
            "ends",
        ),
        (plan(id(1), TrainingTier::CountyUniversal, 0, 1), "学时"),
        (plan(id(1), TrainingTier::CountyUniversal, 14, 0), "seat"),
        // Five days hold at most 120 学时; one day at most 24.
        (
            plan(id(1), TrainingTier::CountyUniversal, 121, 1),
            "24 学时",
        ),
        (
            ClassPlan {
                days: 1,
                ..plan(id(1), TrainingTier::CountyUniversal, 25, 1)
            },
            "24 学时",
        ),
        (
            ClassPlan {
                days: 6,
                ..plan(id(1), TrainingTier::CountyUniversal, 14, 1)
            },
            "training days",
        ),
        (
            ClassPlan {
                targets: vec![],
                ..plan(id(1), TrainingTier::CountyUniversal, 14, 1)
            },
            "group",
        ),
    ] {
        let err = run(&mut fresh, ClassCommand::Plan(bad), &ctx).unwrap_err();
        assert!(
            matches!(err, ClassError::InvalidPlan(m) if m.contains(why)),
            "{err}"
        );
    }

    // Exactly 24 学时 a day is a full day, not a fiction.
    let mut full = Class::default();
    assert!(
        run(
            &mut full,
            ClassCommand::Plan(plan(id(1), TrainingTier::CountyUniversal, 120, 1)),
            &ctx
        )
        .is_ok()
    );
    let mut class = planned(&tree, &policy, 14, 1);
    assert_eq!(
        run(
            &mut class,
            ClassCommand::Plan(plan(id(1), TrainingTier::CountyUniversal, 14, 1)),
            &ctx
        ),
        Err(ClassError::AlreadyPlanned)
    );
    let outside = OrgUnitId::from_uuid(uuid::Uuid::from_u128(999));
    assert!(
        run(
            &mut class,
            ClassCommand::Enrol {
                member: member(1),
                unit: outside
            },
            &ctx
        )
        .is_err()
    );
    run(
        &mut class,
        ClassCommand::Enrol {
            member: member(1),
            unit: id(100),
        },
        &ctx,
    )
    .unwrap();
    assert_eq!(
        run(
            &mut class,
            ClassCommand::Enrol {
                member: member(1),
                unit: id(100)
            },
            &ctx
        ),
        Err(ClassError::AlreadyEnrolled(member(1)))
    );
    assert_eq!(
        run(
            &mut class,
            ClassCommand::Enrol {
                member: member(2),
                unit: id(101)
            },
            &ctx
        ),
        Err(ClassError::Full { capacity: 1 })
    );
    assert_eq!(
        run(
            &mut class,
            ClassCommand::RecordAttendance {
                member: member(2),
                hours: StudyHours::whole(1)
            },
            &ctx
        ),
        Err(ClassError::NotEnrolled(member(2)))
    );
    assert_eq!(
        run(
            &mut class,
            ClassCommand::RecordAttendance {
                member: member(1),
                hours: StudyHours::ZERO
            },
            &ctx
        ),
        Err(ClassError::ZeroHours)
    );
    assert!(matches!(
        run(
            &mut class,
            ClassCommand::RecordAttendance {
                member: member(1),
                hours: StudyHours::whole(15)
            },
            &ctx
        ),
        Err(ClassError::HoursExceedClass { .. })
    ));
    let late = county_ctx(&tree, &policy, d(6, 1));
    assert!(matches!(
        run(
            &mut class,
            ClassCommand::RecordAttendance {
                member: member(1),
                hours: StudyHours::whole(1)
            },
            &late
        ),
        Err(ClassError::OutsideClassDates { .. })
    ));
    assert!(matches!(
        run(
            &mut class,
            ClassCommand::Enrol {
                member: member(3),
                unit: id(110)
            },
            &late
        ),
        Err(ClassError::Full { .. }) | Err(ClassError::OutsideClassDates { .. })
    ));
    assert_eq!(
        run(&mut class, ClassCommand::Close, &ctx),
        Err(ClassError::ClosedEarly {
            on: d(5, 12),
            ends_on: d(5, 15)
        })
    );
    run(
        &mut class,
        ClassCommand::RecordAttendance {
            member: member(1),
            hours: StudyHours::whole(3),
        },
        &ctx,
    )
    .unwrap();
    assert_eq!(
        run(&mut class, ClassCommand::Cancel, &ctx),
        Err(ClassError::AlreadyRan)
    );
    run(&mut class, ClassCommand::Close, &late).unwrap();
    assert_eq!(
        run(&mut class, ClassCommand::Cancel, &late),
        Err(ClassError::Finished(ClassStatus::Closed))
    );

    // A township class may not enrol another township's member.
    let mut town_class = Class::default();
    let town_ctx = Desk {
        who: Authority::organization_department(id(10)),
        ..ctx
    };
    run(
        &mut town_class,
        ClassCommand::Plan(plan(id(10), TrainingTier::GrassrootsFallback, 8, 5)),
        &town_ctx,
    )
    .unwrap();
    assert_eq!(
        run(
            &mut town_class,
            ClassCommand::Enrol {
                member: member(5),
                unit: id(110)
            },
            &town_ctx
        ),
        Err(ClassError::OutsideOrganizer {
            unit: id(110),
            organizer: id(10)
        })
    );
    run(&mut town_class, ClassCommand::Cancel, &town_ctx).unwrap();
    assert_eq!(town_class.status(), ClassStatus::Cancelled);
}

#[derive(Debug, Clone)]
enum Op {
    Enrol(u8),
    Attend(u8, u32),
    Leave(u8, u32),
    Close,
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (0u8..6).prop_map(Op::Enrol),
        (0u8..6, 0u32..60).prop_map(|(m, h)| Op::Attend(m, h)),
        (0u8..6, 0u32..30).prop_map(|(m, h)| Op::Leave(m, h)),
        Just(Op::Close),
    ]
}

proptest! {
    #[test]
    fn random_sequences_keep_hours_within_the_class(ops in prop::collection::vec(op(), 0..40), hours in 1u32..30, capacity in 1u32..5) {
        let (tree, policy) = (tree(), TrainingPolicy::default());
        let mut class = planned(&tree, &policy, hours, capacity);
        let units = [id(100), id(101), id(110)];
        // Time only moves forward: commands during the class, and from the close on its last day.
        let mut today = d(5, 13);
        for op in ops {
            if matches!(op, Op::Close) { today = d(5, 15) }
            let desk = county_ctx(&tree, &policy, today);
            let cmd = match op {
                Op::Enrol(m) => ClassCommand::Enrol { member: member(m.into()), unit: units[usize::from(m) % 3] },
                Op::Attend(m, h) => ClassCommand::RecordAttendance { member: member(m.into()), hours: StudyHours::from_tenths(h * 5) },
                Op::Leave(m, h) => ClassCommand::RecordLeave { member: member(m.into()), hours: StudyHours::from_tenths(h * 5) },
                Op::Close => ClassCommand::Close,
            };
            let _ = run(&mut class, cmd, &desk);
            let plan_hours = class.plan().unwrap().hours;
            prop_assert!(class.seats_taken() <= capacity as usize);
            for p in class.participants().values() {
                prop_assert!(p.attended + p.leave <= plan_hours);
                prop_assert!(p.credited <= plan_hours);
                if p.status == ParticipantStatus::Withdrawn {
                    prop_assert!(policy.leave_limit.is_exceeded_by(p.leave, plan_hours));
                    prop_assert_eq!(p.credited, StudyHours::ZERO);
                }
            }
        }
        // The stored journal, read back by deciding every command again, rebuilds the class.
        let again = verified(&class.journal, || ClassContext { tree: &tree, policy: &policy });
        prop_assert_eq!(&again, &class.state);
    }
}

/// Leave from a class that is not 脱产 is recorded, never a cause of 退学 (第十五条 binds
/// 脱产培训 only).
#[test]
fn leave_from_a_class_on_the_job_never_withdraws() {
    let (tree, policy) = (tree(), TrainingPolicy::default());
    let ctx = county_ctx(&tree, &policy, d(5, 12));
    let mut class = planned(&tree, &policy, 14, 10);
    run(
        &mut class,
        ClassCommand::Enrol {
            member: member(1),
            unit: id(100),
        },
        &ctx,
    )
    .unwrap();
    let ev = run(
        &mut class,
        ClassCommand::RecordLeave {
            member: member(1),
            hours: StudyHours::whole(7),
        },
        &ctx,
    )
    .unwrap();
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(
        class.participants()[&member(1)].status,
        ParticipantStatus::Enrolled
    );
}
