use proptest::prelude::*;
use zugong_core::journal::{ExecuteError, Journal, Refusal};
use zugong_core::*;
use zugong_talent::*;

use crate::support::*;

fn office() -> Authority {
    Authority::organization_department(id(1))
}

fn agreement(tier: TalentTier, starts_on: chrono::NaiveDate, years: u32, grant: Yuan) -> Agreement {
    Agreement {
        tier,
        programme: tier.to_string(),
        batch: 1,
        starts_on,
        cycle_years: Some(years),
        grant,
        shares: vec![
            (FundingSource::TalentFund, 500),
            (FundingSource::SciTechFund, 500),
        ],
        industry: Some("hydrogen".into()),
        basis: recorded(),
    }
}

fn run(
    rec: &mut TalentRecord,
    j: &mut Journal<TalentRecord>,
    tree: &Places,
    cmd: RecordCommand,
    on: chrono::NaiveDate,
) -> Result<Vec<RecordEvent>, RecordError> {
    let before = (rec.clone(), j.len());
    let r = crate::support::run(rec, j, &cmd, &tree.record(), on, office()).map_err(|e| match e {
        ExecuteError::Refused(e) => e,
        ExecuteError::Journal(e) => panic!("{e}"),
    });
    if r.is_err() {
        assert_eq!((rec.clone(), j.len()), before);
    }
    r
}

fn registered(tree: &Places, engagement: Engagement) -> (TalentRecord, Journal<TalentRecord>) {
    let (mut rec, mut j) = (TalentRecord::default(), Journal::new());
    run(
        &mut rec,
        &mut j,
        tree,
        RecordCommand::Register {
            talent: talent(1),
            name: "杨立新".into(),
            birth_date: d(1970, 5, 1),
            engagement,
        },
        d(2022, 12, 1),
    )
    .unwrap();
    (rec, j)
}

#[test]
fn distinguished_tenure_with_flexible_engagement() {
    let tree = Places::new();
    // 不求我有、但求我用: employed elsewhere, hosted by 宁夏大学 for 60 days a year.
    let flexible = Engagement::Flexible {
        host: inst(4),
        home_institution: "某部属高校".into(),
        days_per_year: 60,
    };
    let (mut rec, mut j) = registered(&tree, flexible);
    assert_eq!(
        run(
            &mut rec,
            &mut j,
            &tree,
            RecordCommand::Pay {
                source: FundingSource::TalentFund,
                amount: Yuan::wan(1)
            },
            d(2023, 1, 1)
        ),
        Err(RecordError::NoTenure)
    );
    run(
        &mut rec,
        &mut j,
        &tree,
        RecordCommand::Start(agreement(
            TalentTier::DistinguishedSciTech,
            d(2023, 1, 1),
            5,
            Yuan::wan(600),
        )),
        d(2023, 1, 1),
    )
    .unwrap();
    assert_eq!(
        run(
            &mut rec,
            &mut j,
            &tree,
            RecordCommand::Start(agreement(
                TalentTier::IndustryLeader,
                d(2023, 1, 1),
                5,
                Yuan::wan(10)
            )),
            d(2023, 1, 2)
        ),
        Err(RecordError::TenureInProgress(
            TalentTier::DistinguishedSciTech
        ))
    );
    // Each source pays 100万元 on signing, the rest by progress.
    for (amount, on) in [(100, d(2023, 1, 10)), (200, d(2024, 1, 10))] {
        for source in [FundingSource::TalentFund, FundingSource::SciTechFund] {
            run(
                &mut rec,
                &mut j,
                &tree,
                RecordCommand::Pay {
                    source,
                    amount: Yuan::wan(amount),
                },
                on,
            )
            .unwrap();
        }
    }
    assert_eq!(rec.active().unwrap().total_paid(), Yuan::wan(600));
    assert_eq!(
        run(
            &mut rec,
            &mut j,
            &tree,
            RecordCommand::Pay {
                source: FundingSource::TalentFund,
                amount: Yuan(1)
            },
            d(2025, 1, 10)
        ),
        Err(RecordError::OverGrant {
            source_of_funds: FundingSource::TalentFund,
            amount: Yuan(1),
            cap: Yuan::wan(300)
        })
    );
    assert_eq!(
        run(
            &mut rec,
            &mut j,
            &tree,
            RecordCommand::Pay {
                source: FundingSource::Employer,
                amount: Yuan(1)
            },
            d(2025, 1, 10)
        ),
        Err(RecordError::OverGrant {
            source_of_funds: FundingSource::Employer,
            amount: Yuan(1),
            cap: Yuan(0)
        })
    );
    assert_eq!(
        run(
            &mut rec,
            &mut j,
            &tree,
            RecordCommand::Pay {
                source: FundingSource::TalentFund,
                amount: Yuan(0)
            },
            d(2025, 1, 10)
        ),
        Err(RecordError::ZeroPayment)
    );
    let mid_graduate = RecordCommand::Evaluate {
        kind: EvaluationKind::MidTerm,
        outcome: EvaluationOutcome::Graduate,
    };
    assert!(matches!(
        run(&mut rec, &mut j, &tree, mid_graduate, d(2025, 7, 1)),
        Err(RecordError::Evaluation(_))
    ));
    run(
        &mut rec,
        &mut j,
        &tree,
        RecordCommand::Evaluate {
            kind: EvaluationKind::MidTerm,
            outcome: EvaluationOutcome::Warn,
        },
        d(2025, 7, 1),
    )
    .unwrap();
    // The five years run to 31 December 2027.
    let final_ = RecordCommand::Evaluate {
        kind: EvaluationKind::Final,
        outcome: EvaluationOutcome::Graduate,
    };
    assert!(matches!(
        run(&mut rec, &mut j, &tree, final_.clone(), d(2027, 12, 30)),
        Err(RecordError::Evaluation(_))
    ));
    assert!(matches!(
        run(
            &mut rec,
            &mut j,
            &tree,
            RecordCommand::Evaluate {
                kind: EvaluationKind::Final,
                outcome: EvaluationOutcome::Continue
            },
            d(2027, 12, 31)
        ),
        Err(RecordError::Evaluation(_))
    ));
    run(&mut rec, &mut j, &tree, final_, d(2027, 12, 31)).unwrap();
    assert_eq!(rec.tier(), None);
    assert_eq!(
        rec.tenures()[0].ended,
        Some((d(2027, 12, 31), TenureEnd::Graduated))
    );
    assert_eq!(
        run(
            &mut rec,
            &mut j,
            &tree,
            RecordCommand::Exit { reason: "x".into() },
            d(2028, 1, 1)
        ),
        Err(RecordError::NoTenure)
    );
    run(
        &mut rec,
        &mut j,
        &tree,
        RecordCommand::RecordTitle {
            title: ProfessionalTitle::FullSenior,
            series: "工程".into(),
        },
        d(2028, 1, 1),
    )
    .unwrap();
    assert_eq!(
        run(
            &mut rec,
            &mut j,
            &tree,
            RecordCommand::RecordTitle {
                title: ProfessionalTitle::FullSenior,
                series: "".into()
            },
            d(2028, 1, 1)
        ),
        Err(RecordError::Blank("series"))
    );
    assert_eq!(
        j.state(crate::support::stream::<TalentRecord>())
            .cloned()
            .unwrap_or_default(),
        rec
    );
}

#[test]
fn promotion_and_refusals() {
    let tree = Places::new();
    let (mut rec, mut j) = registered(&tree, Engagement::Employed { employer: inst(3) });
    let other_tree_authority = Authority::organization_department(id(4));
    let err = crate::support::run(
        &mut rec,
        &mut j,
        &RecordCommand::Exit { reason: "x".into() },
        &tree.record(),
        d(2023, 1, 1),
        other_tree_authority,
    )
    .unwrap_err();
    assert!(matches!(
        err,
        ExecuteError::Refused(RecordError::Authority(_))
    ));
    assert_eq!(
        run(
            &mut rec,
            &mut j,
            &tree,
            RecordCommand::Register {
                talent: talent(1),
                name: "x".into(),
                birth_date: d(1970, 1, 1),
                engagement: Engagement::Employed { employer: inst(3) }
            },
            d(2023, 1, 1)
        ),
        Err(RecordError::AlreadyRegistered)
    );
    let mut bad = agreement(TalentTier::YoungTopTalent, d(2023, 1, 1), 3, Yuan::wan(20));
    bad.shares[0].1 = 400;
    assert!(matches!(
        run(
            &mut rec,
            &mut j,
            &tree,
            RecordCommand::Start(bad),
            d(2023, 1, 1)
        ),
        Err(RecordError::InvalidAgreement(_))
    ));
    run(
        &mut rec,
        &mut j,
        &tree,
        RecordCommand::Start(agreement(
            TalentTier::YoungTopTalent,
            d(2023, 1, 1),
            3,
            Yuan::wan(20),
        )),
        d(2023, 1, 1),
    )
    .unwrap();
    assert_eq!(
        run(
            &mut rec,
            &mut j,
            &tree,
            RecordCommand::Promote(agreement(
                TalentTier::YoungNurtured,
                d(2024, 1, 1),
                3,
                Yuan::wan(3)
            )),
            d(2024, 1, 1)
        ),
        Err(RecordError::NotAPromotion {
            from: TalentTier::YoungTopTalent,
            to: TalentTier::YoungNurtured
        })
    );
    run(
        &mut rec,
        &mut j,
        &tree,
        RecordCommand::Promote(agreement(
            TalentTier::IndustryLeader,
            d(2024, 1, 1),
            5,
            Yuan::wan(50),
        )),
        d(2024, 1, 1),
    )
    .unwrap();
    assert_eq!(rec.tier(), Some(TalentTier::IndustryLeader));
    assert_eq!(
        rec.tenures()[0].ended,
        Some((d(2024, 1, 1), TenureEnd::Promoted))
    );
    assert_eq!(
        run(
            &mut rec,
            &mut j,
            &tree,
            RecordCommand::Exit { reason: " ".into() },
            d(2024, 6, 1)
        ),
        Err(RecordError::Blank("reason"))
    );
    run(
        &mut rec,
        &mut j,
        &tree,
        RecordCommand::Exit {
            reason: "调离宁夏".into(),
        },
        d(2024, 6, 1),
    )
    .unwrap();
    assert_eq!(rec.tier(), None);
}

#[derive(Debug, Clone)]
enum Op {
    Start(usize, u64),
    Pay(bool, u64),
    Evaluate(bool, usize),
    Promote(usize),
    Exit,
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (0usize..4, 1u64..1000).prop_map(|(t, g)| Op::Start(t, g)),
        (any::<bool>(), 1u64..400).prop_map(|(s, a)| Op::Pay(s, a)),
        (any::<bool>(), 0usize..4).prop_map(|(f, o)| Op::Evaluate(f, o)),
        (0usize..4).prop_map(Op::Promote),
        Just(Op::Exit),
    ]
}

proptest! {
    #[test]
    fn funds_never_exceed_the_grant_and_one_tier_at_a_time(ops in prop::collection::vec(op(), 0..40)) {
        let tree = Places::new();
        let (mut rec, mut j) = registered(&tree, Engagement::Employed { employer: inst(3) });
        let tiers = [TalentTier::YoungNurtured, TalentTier::YoungTopTalent, TalentTier::IndustryLeader, TalentTier::DistinguishedSciTech];
        let outcomes = [EvaluationOutcome::Continue, EvaluationOutcome::Warn, EvaluationOutcome::Terminate, EvaluationOutcome::Graduate];
        let mut on = d(2023, 1, 1);
        for op in ops {
            on = on + chrono::Days::new(200);
            let cmd = match op {
                Op::Start(t, g) => RecordCommand::Start(agreement(tiers[t], on, 1, Yuan::wan(g))),
                Op::Pay(s, a) => RecordCommand::Pay { source: if s { FundingSource::TalentFund } else { FundingSource::SciTechFund }, amount: Yuan::wan(a) },
                Op::Evaluate(f, o) => RecordCommand::Evaluate { kind: if f { EvaluationKind::Final } else { EvaluationKind::MidTerm }, outcome: outcomes[o] },
                Op::Promote(t) => RecordCommand::Promote(agreement(tiers[t], on, 1, Yuan::wan(100))),
                Op::Exit => RecordCommand::Exit { reason: "退出".into() },
            };
            let _ = run(&mut rec, &mut j, &tree, cmd, on);
            prop_assert!(rec.tenures().iter().filter(|t| t.ended.is_none()).count() <= 1);
            for t in rec.tenures() {
                prop_assert!(t.total_paid() <= t.agreement.grant);
                for (s, paid) in &t.paid {
                    let share = t.agreement.shares.iter().find(|(x, _)| x == s).map_or(0, |(_, p)| *p);
                    prop_assert!(paid.0 * 1000 <= t.agreement.grant.0 * u64::from(share));
                }
            }
        }
        prop_assert_eq!(j.state(crate::support::stream::<TalentRecord>()).cloned().unwrap_or_default(), rec.clone());
        prop_assert_eq!(crate::support::verified(&j, || tree.record()), rec);
    }
}

#[test]
fn an_employer_outside_the_registry_has_nobody_to_keep_the_record() {
    let tree = Places::new();
    let (mut rec, mut j) = (TalentRecord::default(), Journal::new());
    let err = run(
        &mut rec,
        &mut j,
        &tree,
        RecordCommand::Register {
            talent: talent(9),
            name: "王强".into(),
            birth_date: d(1985, 1, 1),
            engagement: Engagement::Employed { employer: inst(99) },
        },
        d(2026, 1, 5),
    )
    .unwrap_err();
    assert_eq!(err, RecordError::UnplacedInstitution(inst(99)));
    assert!(
        zugong_core::journal::Refusal::message(&err, zugong_core::journal::Language::Chinese)
            .contains("单位名录")
    );
    // The university's talent is kept by the region's office, whose subtree holds the
    // university's committee; the city's office may not.
    let city = Authority::organization_department(id(2));
    let university = Engagement::Employed { employer: inst(4) };
    let (mut rec, mut j) = (TalentRecord::default(), Journal::new());
    let refused = crate::support::run(
        &mut rec,
        &mut j,
        &RecordCommand::Register {
            talent: talent(10),
            name: "李敏".into(),
            birth_date: d(1985, 1, 1),
            engagement: university,
        },
        &tree.record(),
        d(2026, 1, 5),
        city,
    );
    assert!(matches!(
        refused,
        Err(ExecuteError::Refused(RecordError::Authority(_)))
    ));
}

/// An agreement is held to its programme: the 杰出科技人才 programme's most is 600万元, its
/// cycle five years, its shares half and half, and 100万元 from each source on signing.
#[test]
fn an_agreement_is_held_to_its_programme() {
    let mut places = Places::new();
    let programme = ProgrammeDefinition::distinguished_sci_tech();
    places.programmes = vec![programme.clone()];
    let good = Agreement {
        tier: TalentTier::DistinguishedSciTech,
        programme: programme.name.clone(),
        batch: 1,
        starts_on: d(2023, 1, 1),
        cycle_years: Some(5),
        grant: Yuan::wan(600),
        shares: vec![
            (FundingSource::SciTechFund, 500),
            (FundingSource::TalentFund, 500),
        ],
        industry: None,
        basis: recorded(),
    };
    let start = |a: Agreement| {
        let (mut rec, mut j) = registered(&places, Engagement::Employed { employer: inst(3) });
        run(
            &mut rec,
            &mut j,
            &places,
            RecordCommand::Start(a),
            d(2023, 1, 1),
        )
        .map(|_| (rec, j))
    };
    let over = start(Agreement {
        grant: Yuan::wan(700),
        ..good.clone()
    })
    .unwrap_err();
    assert!(
        matches!(over, RecordError::OverProgrammeGrant { grant, max, .. } if grant == Yuan::wan(700) && max == Yuan::wan(600)),
        "{over}"
    );
    assert_eq!(over.citation(), programme.source);
    assert!(matches!(
        start(Agreement {
            shares: vec![(FundingSource::TalentFund, 1000)],
            ..good.clone()
        }),
        Err(RecordError::SharesDiffer { .. })
    ));
    assert!(matches!(
        start(Agreement {
            cycle_years: Some(3),
            ..good.clone()
        }),
        Err(RecordError::CycleDiffers { .. })
    ));
    assert!(matches!(
        start(Agreement {
            programme: "别的项目".into(),
            ..good.clone()
        }),
        Err(RecordError::UnknownProgramme { .. })
    ));
    assert_eq!(
        start(Agreement {
            basis: TenureBasis::Recorded {
                document: " ".into()
            },
            ..good.clone()
        })
        .unwrap_err(),
        RecordError::Blank("document")
    );
    // Exactly the most is accepted; the first tranche of a source is at most 100万元.
    let (mut rec, mut j) = start(good).unwrap();
    let pay = |amount| RecordCommand::Pay {
        source: FundingSource::TalentFund,
        amount,
    };
    assert!(matches!(
        run(
            &mut rec,
            &mut j,
            &places,
            pay(Yuan::wan(101)),
            d(2023, 1, 2)
        ),
        Err(RecordError::FirstPaymentOver { .. })
    ));
    run(
        &mut rec,
        &mut j,
        &places,
        pay(Yuan::wan(100)),
        d(2023, 1, 2),
    )
    .unwrap();
    run(
        &mut rec,
        &mut j,
        &places,
        pay(Yuan::wan(150)),
        d(2024, 1, 2),
    )
    .unwrap();
}

/// A round-based tenure starts only from the cohort the round confirmed: the talent in it,
/// in its programme and batch.
#[test]
fn a_tenure_starts_only_from_a_confirmed_cohort() {
    let round = TalentRoundId::from_uuid(uuid::Uuid::from_u128(40));
    let mut places = Places::new();
    let basis = TenureBasis::Round { round };
    let start = |places: &Places, batch| {
        let (mut rec, mut j) = registered(places, Engagement::Employed { employer: inst(3) });
        let a = Agreement {
            batch,
            basis: basis.clone(),
            shares: vec![],
            ..agreement(TalentTier::YoungTopTalent, d(2024, 10, 1), 3, Yuan(0))
        };
        run(
            &mut rec,
            &mut j,
            places,
            RecordCommand::Start(a),
            d(2024, 10, 1),
        )
    };
    // No confirmed round: refused.
    assert_eq!(
        start(&places, 1).unwrap_err(),
        RecordError::NotRecognized(round)
    );
    places.cohorts = serde_json::from_value(serde_json::json!({
        "rounds": { round.to_string(): {
            "tier": "young_top_talent", "programme": TalentTier::YoungTopTalent.to_string(),
            "batch": 1, "talents": [talent(1)]
        }}
    }))
    .unwrap();
    assert!(start(&places, 1).is_ok());
    // Another batch of the same programme is not this cohort.
    assert_eq!(
        start(&places, 2).unwrap_err(),
        RecordError::NotRecognized(round)
    );
}
