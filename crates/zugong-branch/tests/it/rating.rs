use chrono::NaiveDate;
use proptest::prelude::*;
use zugong_branch::*;
use zugong_core::journal::{ExecuteError, Journal, Refusal};
use zugong_core::*;

use crate::support::*;
use zugong_core::publicity::{ObjectionId, ObjectionOutcome, PublicityError};

/// The first objection of a publicity.
fn first() -> ObjectionId {
    ObjectionId::new(1).unwrap()
}

struct World {
    tree: OrgTree,
    rubric: Rubric,
    calendar: WorkCalendar,
}

impl World {
    fn ctx(&self) -> RatingContext<'_> {
        RatingContext {
            tree: &self.tree,
            rubric: &self.rubric,
            calendar: &self.calendar,
        }
    }

    fn new(rubric: Rubric) -> Self {
        Self {
            tree: tree(),
            rubric,
            calendar: WorkCalendar::official(),
        }
    }

    fn run(
        &self,
        round: &mut RatingRound,
        journal: &mut Journal<RatingRound>,
        cmd: RatingCommand,
        who: Authority,
        on: NaiveDate,
    ) -> Result<Vec<RatingEvent>, RatingError> {
        let ctx = self.ctx();
        let before = (round.clone(), journal.len());
        let r = crate::support::run(round, journal, &cmd, &ctx, on, who).map_err(|e| match e {
            ExecuteError::Refused(e) => e,
            ExecuteError::Journal(e) => panic!("{e}"),
        });
        if r.is_err() {
            assert_eq!(
                (round.clone(), journal.len()),
                before,
                "a refused command changed the round"
            );
        }
        r
    }
}

fn town() -> Authority {
    Authority::party_committee(id(10))
}

fn branch() -> Authority {
    Authority::party_committee(id(100))
}

/// Runs a five-star round up to the start of publicity on `start`.
fn to_publicity(
    w: &World,
    round: &mut RatingRound,
    journal: &mut Journal<RatingRound>,
    start: NaiveDate,
) {
    let mut s = sheet(&w.rubric, 1000);
    s.bonuses.push("innovation_project".into());
    w.run(
        round,
        journal,
        RatingCommand::Open {
            branch: id(100),
            year: 2026,
        },
        town(),
        d(9, 1),
    )
    .unwrap();
    w.run(
        round,
        journal,
        RatingCommand::SelfAssess {
            sheet: s.clone(),
            proposed: StarLevel::FIVE,
        },
        branch(),
        d(9, 2),
    )
    .unwrap();
    w.run(
        round,
        journal,
        RatingCommand::Review {
            sheet: s,
            methods: vec![ReviewMethod::Interview],
        },
        town(),
        d(9, 10),
    )
    .unwrap();
    w.run(
        round,
        journal,
        RatingCommand::Approve { stars: None },
        town(),
        d(9, 11),
    )
    .unwrap();
    w.run(round, journal, RatingCommand::StartPublicity, town(), start)
        .unwrap();
}

#[test]
fn steps_in_order_and_every_refusal() {
    let w = World::new(presets::five_star_110().unwrap());
    let mut round = RatingRound::default();
    let mut j = Journal::new();
    assert_eq!(
        w.run(&mut round, &mut j, RatingCommand::Award, town(), d(9, 1)),
        Err(RatingError::NotOpened)
    );
    // Another town may not open this branch's round.
    let other = Authority::party_committee(id(11));
    assert!(matches!(
        w.run(
            &mut round,
            &mut j,
            RatingCommand::Open {
                branch: id(100),
                year: 2026
            },
            other,
            d(9, 1)
        ),
        Err(RatingError::Authority(
            AuthorityError::OutsideSubtree { .. }
        ))
    ));
    w.run(
        &mut round,
        &mut j,
        RatingCommand::Open {
            branch: id(100),
            year: 2026,
        },
        town(),
        d(9, 1),
    )
    .unwrap();
    assert_eq!(
        w.run(
            &mut round,
            &mut j,
            RatingCommand::Open {
                branch: id(100),
                year: 2026
            },
            town(),
            d(9, 1)
        ),
        Err(RatingError::AlreadyOpened)
    );
    let err = w
        .run(
            &mut round,
            &mut j,
            RatingCommand::Approve { stars: None },
            town(),
            d(9, 1),
        )
        .unwrap_err();
    assert!(matches!(
        err,
        RatingError::OutOfOrder {
            stage: RatingStage::Opened,
            ..
        }
    ));
    assert!(!err.citation().regulation.is_empty());
    let s = sheet(&w.rubric, 850);
    w.run(
        &mut round,
        &mut j,
        RatingCommand::SelfAssess {
            sheet: s.clone(),
            proposed: StarLevel::new(4).unwrap(),
        },
        branch(),
        d(9, 2),
    )
    .unwrap();
    // A branch holds no authority beyond its own 自评.
    assert!(matches!(
        w.run(
            &mut round,
            &mut j,
            RatingCommand::Review {
                sheet: s.clone(),
                methods: vec![ReviewMethod::SiteVisit]
            },
            branch(),
            d(9, 3)
        ),
        Err(RatingError::Authority(AuthorityError::NotACommittee { .. }))
    ));
    assert_eq!(
        w.run(
            &mut round,
            &mut j,
            RatingCommand::Review {
                sheet: s.clone(),
                methods: vec![]
            },
            town(),
            d(9, 3)
        ),
        Err(RatingError::NoReviewMethod)
    );
    let mut bad = s.clone();
    bad.scores.insert("nope".into(), Points::whole(1));
    assert!(matches!(
        w.run(
            &mut round,
            &mut j,
            RatingCommand::Review {
                sheet: bad,
                methods: vec![ReviewMethod::SiteVisit]
            },
            town(),
            d(9, 3)
        ),
        Err(RatingError::Score(_))
    ));
    w.run(
        &mut round,
        &mut j,
        RatingCommand::Review {
            sheet: s,
            methods: vec![ReviewMethod::SiteVisit, ReviewMethod::DocumentReview],
        },
        town(),
        d(9, 3),
    )
    .unwrap();
    assert_eq!(round.review().unwrap().0.stars, StarLevel::new(4).unwrap());
    assert_eq!(
        w.run(
            &mut round,
            &mut j,
            RatingCommand::Approve {
                stars: Some(StarLevel::FIVE)
            },
            town(),
            d(9, 4)
        ),
        Err(RatingError::AboveReview {
            decided: StarLevel::FIVE,
            reviewed: StarLevel::new(4).unwrap()
        })
    );
    w.run(
        &mut round,
        &mut j,
        RatingCommand::Approve { stars: None },
        town(),
        d(9, 4),
    )
    .unwrap();
    assert!(matches!(
        w.run(
            &mut round,
            &mut j,
            RatingCommand::Object { text: "x".into() },
            town(),
            d(9, 4)
        ),
        Err(RatingError::OutOfOrder { .. })
    ));
    w.run(
        &mut round,
        &mut j,
        RatingCommand::StartPublicity,
        town(),
        d(9, 7),
    )
    .unwrap();
    let period = |r: &RatingRound| r.publicity().map(|p| (p.from(), p.until()));
    assert_eq!(period(&round), Some((d(9, 7), d(9, 11))));
    assert!(matches!(
        w.run(
            &mut round,
            &mut j,
            RatingCommand::Object { text: "x".into() },
            town(),
            d(9, 12)
        ),
        Err(RatingError::Publicity(PublicityError::OutsidePeriod { .. }))
    ));
    assert_eq!(
        w.run(
            &mut round,
            &mut j,
            RatingCommand::Object { text: " ".into() },
            town(),
            d(9, 8)
        ),
        Err(RatingError::Publicity(PublicityError::BlankObjection))
    );
    w.run(
        &mut round,
        &mut j,
        RatingCommand::Object {
            text: "群众反映活动台账不实".into(),
        },
        town(),
        d(9, 8),
    )
    .unwrap();
    assert_eq!(
        w.run(&mut round, &mut j, RatingCommand::Award, town(), d(9, 12)),
        Err(RatingError::Publicity(PublicityError::OpenObjection(
            first()
        )))
    );
    assert_eq!(
        w.run(
            &mut round,
            &mut j,
            RatingCommand::ResolveObjection {
                objection: ObjectionId::new(3).unwrap(),
                outcome: ObjectionOutcome::Unfounded
            },
            town(),
            d(9, 9)
        ),
        Err(RatingError::Publicity(PublicityError::UnknownObjection(
            ObjectionId::new(3).unwrap()
        )))
    );
    w.run(
        &mut round,
        &mut j,
        RatingCommand::ResolveObjection {
            objection: first(),
            outcome: ObjectionOutcome::Unfounded,
        },
        town(),
        d(9, 9),
    )
    .unwrap();
    assert_eq!(
        w.run(&mut round, &mut j, RatingCommand::Award, town(), d(9, 11)),
        Err(RatingError::Publicity(PublicityError::NotOver {
            until: d(9, 11),
            on: d(9, 11)
        }))
    );
    w.run(&mut round, &mut j, RatingCommand::Award, town(), d(9, 12))
        .unwrap();
    assert_eq!(round.stars(), StarLevel::new(4).unwrap());
    assert_eq!(
        w.run(
            &mut round,
            &mut j,
            RatingCommand::Withdraw {
                stars: 5,
                reason: "x".into()
            },
            town(),
            d(10, 1)
        ),
        Err(RatingError::BadWithdrawal {
            asked: 5,
            have: StarLevel::new(4).unwrap()
        })
    );
    assert_eq!(
        w.run(
            &mut round,
            &mut j,
            RatingCommand::Withdraw {
                stars: 1,
                reason: "".into()
            },
            town(),
            d(10, 1)
        ),
        Err(RatingError::MissingReason)
    );
    assert_eq!(
        w.run(
            &mut round,
            &mut j,
            RatingCommand::Revoke { reason: " ".into() },
            town(),
            d(10, 1)
        ),
        Err(RatingError::MissingReason)
    );
    assert_eq!(
        j.state(crate::support::stream::<RatingRound>())
            .cloned()
            .unwrap_or_default(),
        round
    );
}

#[test]
fn a_rated_committee_cannot_review_itself() {
    let w = World::new(presets::five_star_110().unwrap());
    let (mut round, mut j) = (RatingRound::default(), Journal::new());
    let county = Authority::party_committee(id(1));
    let s = sheet(&w.rubric, 900);
    w.run(
        &mut round,
        &mut j,
        RatingCommand::Open {
            branch: id(10),
            year: 2026,
        },
        county,
        d(9, 1),
    )
    .unwrap();
    w.run(
        &mut round,
        &mut j,
        RatingCommand::SelfAssess {
            sheet: s.clone(),
            proposed: StarLevel::FIVE,
        },
        town(),
        d(9, 2),
    )
    .unwrap();
    assert_eq!(
        w.run(
            &mut round,
            &mut j,
            RatingCommand::Review {
                sheet: s.clone(),
                methods: vec![ReviewMethod::SiteVisit]
            },
            town(),
            d(9, 3)
        ),
        Err(RatingError::WrongBody(
            "an organization cannot review its own rating"
        ))
    );
    w.run(
        &mut round,
        &mut j,
        RatingCommand::Review {
            sheet: s,
            methods: vec![ReviewMethod::SiteVisit],
        },
        county,
        d(9, 3),
    )
    .unwrap();
}

#[test]
fn an_upheld_objection_sends_the_round_back_to_review() {
    let w = World::new(presets::five_star_110().unwrap());
    let (mut round, mut j) = (RatingRound::default(), Journal::new());
    to_publicity(&w, &mut round, &mut j, d(9, 14));
    w.run(
        &mut round,
        &mut j,
        RatingCommand::Object {
            text: "创新项目系他村成果".into(),
        },
        town(),
        d(9, 15),
    )
    .unwrap();
    w.run(
        &mut round,
        &mut j,
        RatingCommand::ResolveObjection {
            objection: first(),
            outcome: ObjectionOutcome::Upheld,
        },
        town(),
        d(9, 16),
    )
    .unwrap();
    assert_eq!(round.stage(), RatingStage::SelfAssessed);
    assert!(matches!(
        w.run(&mut round, &mut j, RatingCommand::Award, town(), d(9, 30)),
        Err(RatingError::OutOfOrder { .. })
    ));
    let s = sheet(&w.rubric, 1000); // re-reviewed without the innovation project: 四星
    w.run(
        &mut round,
        &mut j,
        RatingCommand::Review {
            sheet: s,
            methods: vec![ReviewMethod::SiteVisit],
        },
        town(),
        d(9, 20),
    )
    .unwrap();
    w.run(
        &mut round,
        &mut j,
        RatingCommand::Approve { stars: None },
        town(),
        d(9, 21),
    )
    .unwrap();
    w.run(
        &mut round,
        &mut j,
        RatingCommand::StartPublicity,
        town(),
        d(9, 22),
    )
    .unwrap();
    w.run(&mut round, &mut j, RatingCommand::Award, town(), d(9, 27))
        .unwrap();
    assert_eq!(round.stars(), StarLevel::new(4).unwrap());
}

#[test]
fn publicity_in_working_days_spans_the_holiday() {
    let mut data = RubricData::from(presets::five_star_110().unwrap());
    data.publicity = PublicityRule {
        days: 5,
        working_days: true,
    };
    let w = World::new(Rubric::new(data).unwrap());
    let (mut round, mut j) = (RatingRound::default(), Journal::new());
    to_publicity(&w, &mut round, &mut j, d(9, 30));
    assert_eq!(
        round.publicity().map(|p| (p.from(), p.until())),
        Some((d(9, 30), d(10, 12)))
    );
    assert!(
        w.run(&mut round, &mut j, RatingCommand::Award, town(), d(10, 12))
            .is_err()
    );
    w.run(&mut round, &mut j, RatingCommand::Award, town(), d(10, 13))
        .unwrap();
    assert_eq!(round.stars(), StarLevel::FIVE);
}

#[test]
fn reinspection_downgrades_and_revokes() {
    let w = World::new(presets::five_star_110().unwrap());
    let (mut round, mut j) = (RatingRound::default(), Journal::new());
    to_publicity(&w, &mut round, &mut j, d(9, 14));
    w.run(&mut round, &mut j, RatingCommand::Award, town(), d(9, 19))
        .unwrap();
    // 复验 at 75 points: 三星.
    w.run(
        &mut round,
        &mut j,
        RatingCommand::Reinspect {
            sheet: sheet_110(&w.rubric, 750),
        },
        town(),
        d(12, 1),
    )
    .unwrap();
    assert_eq!(round.stars(), StarLevel::new(3).unwrap());
    assert_eq!(
        round.changes().last().unwrap().change,
        StarChange::Downgrade
    );
    // A better re-inspection does not raise stars: that takes a new round with publicity.
    w.run(
        &mut round,
        &mut j,
        RatingCommand::Reinspect {
            sheet: sheet_110(&w.rubric, 1000),
        },
        town(),
        d(12, 2),
    )
    .unwrap();
    assert_eq!(round.stars(), StarLevel::new(3).unwrap());
    let mut vetoed = sheet_110(&w.rubric, 1000);
    vetoed.vetoes.push("serious_discipline_case".into());
    w.run(
        &mut round,
        &mut j,
        RatingCommand::Reinspect { sheet: vetoed },
        town(),
        d(12, 3),
    )
    .unwrap();
    assert_eq!(round.stars(), StarLevel::NONE);
    assert_eq!(round.changes().last().unwrap().change, StarChange::Revoke);
    assert_eq!(
        j.state(crate::support::stream::<RatingRound>())
            .cloned()
            .unwrap_or_default(),
        round
    );
    assert_eq!(crate::support::verified(&j, || w.ctx()), round);
}

#[derive(Debug, Clone)]
enum Op {
    SelfAssess(u32),
    Review(u32),
    Approve,
    Publicize,
    Object,
    Resolve(bool),
    Award,
    Reinspect(u32),
    Withdraw(u8),
    Upgrade,
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (0u32..=1000).prop_map(Op::SelfAssess),
        (0u32..=1000).prop_map(Op::Review),
        Just(Op::Approve),
        Just(Op::Publicize),
        Just(Op::Object),
        any::<bool>().prop_map(Op::Resolve),
        Just(Op::Award),
        (0u32..=1000).prop_map(Op::Reinspect),
        (0u8..4).prop_map(Op::Withdraw),
        Just(Op::Upgrade),
    ]
}

proptest! {
    #[test]
    fn stars_only_after_a_completed_publicity(ops in prop::collection::vec((op(), 0u64..4), 0..30)) {
        let w = World::new(presets::five_star_110().unwrap());
        let (mut round, mut j) = (RatingRound::default(), Journal::new());
        w.run(&mut round, &mut j, RatingCommand::Open { branch: id(100), year: 2026 }, town(), d(3, 1)).unwrap();
        let mut on = d(3, 2);
        let mut awarded = false;
        for (op, step) in ops {
            on = on + chrono::Days::new(step);
            let (cmd, who) = match op {
                Op::SelfAssess(p) => (RatingCommand::SelfAssess { sheet: sheet(&w.rubric, p), proposed: StarLevel::FIVE }, branch()),
                Op::Review(p) => (RatingCommand::Review { sheet: sheet(&w.rubric, p), methods: vec![ReviewMethod::Survey] }, town()),
                Op::Approve => (RatingCommand::Approve { stars: None }, town()),
                Op::Publicize => (RatingCommand::StartPublicity, town()),
                Op::Object => (RatingCommand::Object { text: "异议".into() }, town()),
                Op::Resolve(u) => {
                    let last = round.publicity().and_then(|p| p.objections().last()).map_or(first(), |o| o.id);
                    let outcome = if u { ObjectionOutcome::Upheld } else { ObjectionOutcome::Unfounded };
                    (RatingCommand::ResolveObjection { objection: last, outcome }, town())
                }
                Op::Award => (RatingCommand::Award, town()),
                Op::Reinspect(p) => (RatingCommand::Reinspect { sheet: sheet(&w.rubric, p) }, town()),
                Op::Withdraw(n) => (RatingCommand::Withdraw { stars: n, reason: "问题".into() }, town()),
                Op::Upgrade => (RatingCommand::ProposeUpgrade, town()),
            };
            let before = round.clone();
            if let Ok(events) = w.run(&mut round, &mut j, cmd, who, on) {
                for e in events {
                    if let RatingEvent::StarsChanged(c) = e {
                        if matches!(c.change, StarChange::Award | StarChange::Upgrade) {
                            // Only after the last day of a publicity with no open objection.
                            let p = before.publicity().unwrap();
                            prop_assert!(c.on > p.until());
                            prop_assert!(p.objections().iter().all(|o| o.outcome.is_some()));
                            prop_assert!(c.to >= c.from);
                            if c.change == StarChange::Upgrade {
                                prop_assert!(c.to > c.from);
                            }
                            awarded = true;
                        } else {
                            prop_assert!(c.to < c.from);
                        }
                    }
                }
            }
            prop_assert!(round.stars().get() <= 5);
            if !awarded {
                prop_assert_eq!(round.stars(), StarLevel::NONE);
            }
        }
        prop_assert_eq!(j.state(crate::support::stream::<RatingRound>()).cloned().unwrap_or_default(), round.clone());
        prop_assert_eq!(crate::support::verified(&j, || w.ctx()), round);
    }
}

#[test]
fn five_stars_respect_the_enforced_cap_of_the_rounds_of_the_year() {
    // The 2024 university scheme caps five stars at 30%, enforced: of two rounds, ⌊0.6⌋ = 0
    // may be five-star; the 110-point scheme has no cap.
    for (rubric, capped) in [
        (presets::university_2024().unwrap(), true),
        (presets::five_star_110().unwrap(), false),
    ] {
        let w = World::new(rubric);
        let ctx = w.ctx();
        let mut j = Journal::<RatingRound>::new();
        let rounds = [
            (
                RatingRoundId::from_uuid(uuid::Uuid::from_u128(1)),
                id(100),
                town(),
                branch(),
            ),
            (
                RatingRoundId::from_uuid(uuid::Uuid::from_u128(2)),
                id(110),
                Authority::party_committee(id(11)),
                Authority::party_committee(id(110)),
            ),
        ];
        let mut s = sheet(&w.rubric, 1000);
        if w.rubric
            .data()
            .bonuses
            .iter()
            .any(|b| b.code == "innovation_project")
        {
            s.bonuses.push("innovation_project".into());
        }
        let exec = |j: &mut Journal<RatingRound>, id, cmd, who, on| {
            let step = u32::try_from(j.len()).unwrap();
            let act = zugong_core::journal::Act::on_day(
                on,
                step,
                ActorId::from_uuid(uuid::Uuid::nil()),
                who,
            );
            j.execute(id, cmd, act, "评星", &ctx).map_err(|e| match e {
                ExecuteError::Refused(e) => e,
                ExecuteError::Journal(e) => panic!("{e}"),
            })
        };
        for (rid, b, upper, _) in rounds {
            let open = RatingCommand::Open {
                branch: b,
                year: 2026,
            };
            exec(&mut j, rid, open, upper, d(9, 1)).unwrap();
        }
        for (rid, _, _, own) in rounds {
            let assess = RatingCommand::SelfAssess {
                sheet: s.clone(),
                proposed: StarLevel::FIVE,
            };
            exec(&mut j, rid, assess, own, d(9, 2)).unwrap();
        }
        for (rid, _, upper, _) in rounds {
            let review = RatingCommand::Review {
                sheet: s.clone(),
                methods: vec![ReviewMethod::Interview],
            };
            exec(&mut j, rid, review, upper, d(9, 10)).unwrap();
        }
        let (rid, _, upper, _) = rounds[0];
        let five = exec(
            &mut j,
            rid,
            RatingCommand::Approve { stars: None },
            upper,
            d(9, 11),
        );
        if capped {
            let err = five.unwrap_err();
            assert!(
                matches!(
                    err,
                    RatingError::FiveStarCapReached {
                        cap_permille: 300,
                        rated: 2,
                        allowed: 0,
                        ..
                    }
                ),
                "{err:?}"
            );
            assert_eq!(err.citation(), w.rubric.data().source);
            // Four stars are within the cap.
            let four = StarLevel::FIVE.down(1);
            exec(
                &mut j,
                rid,
                RatingCommand::Approve { stars: Some(four) },
                upper,
                d(9, 11),
            )
            .unwrap();
            assert_eq!(j.state(rid).and_then(RatingRound::approved), Some(four));
        } else {
            five.unwrap();
            let (rid2, _, upper2, _) = rounds[1];
            exec(
                &mut j,
                rid2,
                RatingCommand::Approve { stars: None },
                upper2,
                d(9, 11),
            )
            .unwrap();
        }
        assert_eq!(crate::support::verified_all(&j, || w.ctx()).len(), 2);
    }
}
