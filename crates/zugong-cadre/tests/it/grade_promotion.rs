//! 职级晋升 (《公务员职务与职级并行规定》 第十八条、第二十条): its own procedure, its own years,
//! the 影响期, and a 公示 of at least five working days — through the lifecycle.

use chrono::NaiveDate;
use zugong_cadre::*;
use zugong_core::journal::{ExecuteError, Journal, Language, Refusal};
use zugong_core::publicity::{ObjectionId, ObjectionOutcome, PublicityError};
use zugong_core::*;

use crate::support::*;

struct World {
    tree: OrgTree,
    registry: InstitutionRegistry,
    policy: GradePromotionPolicy,
    effects: EffectPeriodPolicy,
    calendar: WorkCalendar,
    files: CadreFiles,
}

const GID: GradePromotionId = GradePromotionId::from_uuid(uuid::Uuid::from_u128(950));

impl World {
    fn new(file: CadreFile) -> Self {
        let area: DivisionCode = "640121".parse().unwrap();
        let registry = InstitutionRegistry::from_institutions(vec![
            Institution::new(
                inst(3),
                "永宁县教育局",
                InstitutionKind::GovernmentDepartment,
                area,
            )
            .led_by(id(3)),
            Institution::new(inst(4), "永宁县望洪镇", InstitutionKind::Township, area),
        ])
        .unwrap();
        Self {
            tree: tree(),
            registry,
            policy: GradePromotionPolicy::default(),
            effects: EffectPeriodPolicy::default(),
            calendar: WorkCalendar::official(),
            files: CadreFiles::from_files([file]),
        }
    }

    fn ctx(&self) -> GradePromotionContext<'_> {
        GradePromotionContext {
            tree: &self.tree,
            registry: &self.registry,
            policy: &self.policy,
            effects: &self.effects,
            calendar: &self.calendar,
            files: &self.files,
        }
    }

    fn run(
        &self,
        j: &mut Journal<GradePromotion>,
        cmd: GradePromotionCommand,
        on: NaiveDate,
        who: Authority,
    ) -> Result<Vec<GradePromotionEvent>, GradePromotionError> {
        let before = j.len();
        let r = j
            .execute(GID, cmd, act(on, who), "职级晋升", &self.ctx())
            .map_err(|e| match e {
                ExecuteError::Refused(e) => e,
                ExecuteError::Journal(e) => panic!("{e}"),
            });
        if let Err(e) = &r {
            crate::support::assert_plain_refusal(e);
            assert_eq!(j.len(), before, "a refused command was recorded");
        }
        r
    }
}

fn county() -> Authority {
    Authority::party_committee(id(2))
}

/// 一级科员 since `since`.
fn clerk(since: NaiveDate) -> CadreFile {
    let mut f = eligible_file(1);
    f.profile.posts[0].from = since;
    f
}

fn plan(institution: InstitutionId) -> GradePromotionCommand {
    GradePromotionCommand::Plan {
        cadre: cadre(1),
        institution,
        to: CivilServiceGrade::FourthClassPrincipalStaff,
        plan: "2026年职级晋升工作方案".into(),
    }
}

fn through_inspection(w: &World, j: &mut Journal<GradePromotion>) {
    w.run(j, plan(inst(3)), d(2026, 3, 2), county()).unwrap();
    w.run(
        j,
        GradePromotionCommand::Recommend {
            method: GradeVoteMethod::Evaluation,
            present: 20,
            agree: 15,
        },
        d(2026, 3, 9),
        county(),
    )
    .unwrap();
    w.run(
        j,
        GradePromotionCommand::Inspect {
            findings: "德才表现好，考核称职以上".into(),
        },
        d(2026, 3, 16),
        county(),
    )
    .unwrap();
}

#[test]
fn a_grade_promotion_goes_through_its_own_five_steps_with_a_publicity() {
    let w = World::new(clerk(d(2024, 3, 2)));
    let mut j = Journal::new();
    // The steps in order: no 审批 before the 公示.
    assert_eq!(
        w.run(
            &mut j,
            GradePromotionCommand::Approve,
            d(2026, 3, 2),
            county()
        ),
        Err(GradePromotionError::NotStarted)
    );
    through_inspection(&w, &mut j);
    assert!(matches!(
        w.run(
            &mut j,
            GradePromotionCommand::Approve,
            d(2026, 3, 17),
            county()
        ),
        Err(GradePromotionError::OutOfOrder { .. })
    ));
    w.run(
        &mut j,
        GradePromotionCommand::StartPublicity,
        d(2026, 3, 17),
        county(),
    )
    .unwrap();
    let until = j.state(GID).unwrap().publicity().unwrap().until();
    assert_eq!(
        until,
        d(2026, 3, 23),
        "five working days from Tuesday 17 March"
    );
    assert_eq!(
        w.run(&mut j, GradePromotionCommand::Approve, until, county()),
        Err(GradePromotionError::Publicity(PublicityError::NotOver {
            until,
            on: until
        }))
    );
    w.run(
        &mut j,
        GradePromotionCommand::Approve,
        d(2026, 3, 24),
        county(),
    )
    .unwrap();
    let done = zugong_testkit::verified_all(&j, || w.ctx())
        .remove(&GID)
        .unwrap();
    assert_eq!(done.stage(), GradePromotionStage::Approved);
    assert_eq!(done.approved_on(), Some(d(2026, 3, 24)));
    assert_eq!(
        done.from(),
        Some(RankOrGrade::Grade(CivilServiceGrade::FirstClassStaff))
    );
}

#[test]
fn the_years_in_the_grade_below_are_counted_on_the_day_on_both_sides() {
    // 一级科员 → 四级主任科员: two years (第十八条). On 2 March 2026, since 2 March 2024 is two
    // years; since 3 March 2024 is a day short.
    let w = World::new(clerk(d(2024, 3, 3)));
    let mut j = Journal::new();
    let err = w
        .run(&mut j, plan(inst(3)), d(2026, 3, 2), county())
        .unwrap_err();
    assert_eq!(
        err,
        GradePromotionError::TooFewYears {
            from: RankOrGrade::Grade(CivilServiceGrade::FirstClassStaff),
            to: CivilServiceGrade::FourthClassPrincipalStaff,
            months: 23,
            required: 24
        }
    );
    assert!(err.citation().article.contains("第十八条"));
    assert!(err.message(Language::Chinese).contains("须满 24 个月"));
    let w = World::new(clerk(d(2024, 3, 2)));
    w.run(&mut j, plan(inst(3)), d(2026, 3, 2), county())
        .unwrap();
    // No path from 一级科员 straight to 三级主任科员.
    let mut j = Journal::new();
    let skip = GradePromotionCommand::Plan {
        cadre: cadre(1),
        institution: inst(3),
        to: CivilServiceGrade::ThirdClassPrincipalStaff,
        plan: "方案".into(),
    };
    assert!(matches!(
        w.run(&mut j, skip, d(2026, 3, 2), county()),
        Err(GradePromotionError::NoPath { .. })
    ));
}

#[test]
fn a_sanction_during_the_procedure_bars_the_approval() {
    // 记过 on 10 March 2026: twelve months of 影响期 (政务处分法 第八条) from the day it took
    // effect; the 审批 is refused, though the plan before it was not.
    let file = clerk(d(2024, 3, 2)).with_effect(EffectRecord::new(
        Effect::GovernmentDemerit,
        d(2026, 3, 10),
        None,
    ));
    let w = World::new(file);
    let mut j = Journal::new();
    through_inspection(&w, &mut j);
    w.run(
        &mut j,
        GradePromotionCommand::StartPublicity,
        d(2026, 3, 17),
        county(),
    )
    .unwrap();
    let err = w
        .run(
            &mut j,
            GradePromotionCommand::Approve,
            d(2026, 3, 24),
            county(),
        )
        .unwrap_err();
    assert!(
        matches!(err, GradePromotionError::EffectRunning { until, .. } if until == d(2027, 3, 9)),
        "{err:?}"
    );
    assert!(err.citation().article.contains("第八条"));
}

#[test]
fn the_body_publicity_and_vote_are_held_to_the_rule() {
    let mut w = World::new(clerk(d(2024, 3, 2)));
    let mut j = Journal::new();
    // Another county's committee may not act for the bureau; a 单位 with no leading Party
    // organization on record cannot be acted for at all.
    assert!(matches!(
        w.run(
            &mut j,
            plan(inst(3)),
            d(2026, 3, 2),
            Authority::party_committee(id(5))
        ),
        Err(GradePromotionError::Authority(_))
    ));
    assert_eq!(
        w.run(&mut j, plan(inst(4)), d(2026, 3, 2), county()),
        Err(GradePromotionError::NoLeadingOrganization(inst(4)))
    );
    // A vote without a majority ends the promotion.
    w.run(&mut j, plan(inst(3)), d(2026, 3, 2), county())
        .unwrap();
    assert!(matches!(
        w.run(
            &mut j,
            GradePromotionCommand::Recommend {
                method: GradeVoteMethod::Recommendation,
                present: 10,
                agree: 11
            },
            d(2026, 3, 9),
            county()
        ),
        Err(GradePromotionError::BadVote { .. })
    ));
    w.run(
        &mut j,
        GradePromotionCommand::Recommend {
            method: GradeVoteMethod::Recommendation,
            present: 10,
            agree: 5,
        },
        d(2026, 3, 9),
        county(),
    )
    .unwrap();
    assert_eq!(
        j.state(GID).unwrap().stage(),
        GradePromotionStage::Ended,
        "half is not more than half"
    );
    // A 公示 of four working days is refused where the policy is read; an upheld objection
    // ends the promotion.
    let short = GradePromotionPolicy {
        publicity_working_days: 4,
        ..GradePromotionPolicy::default()
    };
    let err = short.validate().unwrap_err();
    assert!(matches!(err, PolicyError::Loosens { .. }), "{err:?}");
    assert!(err.to_string().contains("publicity_working_days"));
    let mut json = serde_json::to_value(GradePromotionPolicy::default()).unwrap();
    json["publicity_working_days"] = 4.into();
    assert!(serde_json::from_value::<GradePromotionPolicy>(json).is_err());
    w.policy.publicity_working_days = 6;
    let mut j = Journal::new();
    through_inspection(&w, &mut j);
    w.run(
        &mut j,
        GradePromotionCommand::StartPublicity,
        d(2026, 3, 17),
        county(),
    )
    .unwrap();
    assert_eq!(
        j.state(GID).unwrap().publicity().unwrap().until(),
        d(2026, 3, 24),
        "six working days from Tuesday 17 March: 17–20 and 23–24"
    );
    w.run(
        &mut j,
        GradePromotionCommand::Object {
            text: "反映工作作风问题".into(),
        },
        d(2026, 3, 18),
        county(),
    )
    .unwrap();
    w.run(
        &mut j,
        GradePromotionCommand::ResolveObjection {
            objection: ObjectionId::new(1).unwrap(),
            outcome: ObjectionOutcome::Upheld,
        },
        d(2026, 3, 20),
        county(),
    )
    .unwrap();
    assert!(matches!(
        w.run(
            &mut j,
            GradePromotionCommand::Approve,
            d(2026, 3, 24),
            county()
        ),
        Err(GradePromotionError::Ended(_))
    ));
    assert_eq!(
        zugong_testkit::verified_all(&j, || w.ctx())
            .remove(&GID)
            .unwrap()
            .stage(),
        GradePromotionStage::Ended
    );
}

proptest::proptest! {
    /// Random years in grade, a sanction on a random day, random step days: a promotion that
    /// reaches 审批 always had its two years on the day and no 影响期 running, and its 公示
    /// lasted five working days before it.
    #[test]
    fn no_grade_is_approved_the_rules_would_refuse(
        since in 0u64..1_200,
        sanction in proptest::option::of(0u64..400),
        gaps in proptest::collection::vec(0u64..20, 5),
    ) {
        let mut file = clerk(d(2023, 6, 1) + chrono::Days::new(since));
        if let Some(at) = sanction {
            file = file.with_effect(EffectRecord::new(
                Effect::GovernmentWarning,
                d(2025, 9, 1) + chrono::Days::new(at),
                None,
            ));
        }
        let w = World::new(file);
        let mut j = Journal::new();
        let mut on = d(2026, 1, 5);
        let steps = [
            plan(inst(3)),
            GradePromotionCommand::Recommend { method: GradeVoteMethod::Evaluation, present: 9, agree: 8 },
            GradePromotionCommand::Inspect { findings: "称职".into() },
            GradePromotionCommand::StartPublicity,
            GradePromotionCommand::Approve,
        ];
        for (cmd, gap) in steps.into_iter().zip(gaps) {
            on = on + chrono::Days::new(gap);
            let _ = w.run(&mut j, cmd, on, county());
        }
        let state = j.state(GID).cloned().unwrap_or_default();
        if let Some(approved_on) = state.approved_on() {
            let f = w.files.get(cadre(1)).unwrap();
            let held = f.profile.posts[0].from;
            proptest::prop_assert!(zugong_core::dates::completed_months(held, approved_on) >= 24);
            let running = f.effects.iter().any(|e| {
                e.effective_on <= approved_on
                    && zugong_core::dates::add_months(e.effective_on, 6).unwrap() > approved_on
            });
            proptest::prop_assert!(!running);
            let p = state.publicity().unwrap();
            proptest::prop_assert!(w.calendar.working_days_in(p.from(), p.until()).unwrap() >= 5);
            proptest::prop_assert!(approved_on > p.until());
        }
        proptest::prop_assert_eq!(zugong_testkit::verified_all(&j, || w.ctx()).remove(&GID).unwrap_or_default(), state);
    }
}
