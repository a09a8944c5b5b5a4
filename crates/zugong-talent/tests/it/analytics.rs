use zugong_core::journal::Journal;
use zugong_core::*;
use zugong_talent::*;

use crate::support::*;

fn record(
    n: u128,
    birth: chrono::NaiveDate,
    employer: InstitutionId,
    steps: &[(RecordCommand, chrono::NaiveDate)],
) -> TalentRecord {
    let office = Authority::organization_department(id(1));
    let (mut rec, mut j) = (TalentRecord::default(), Journal::new());
    let mut all = vec![(
        RecordCommand::Register {
            talent: talent(n),
            name: format!("人才{n}"),
            birth_date: birth,
            engagement: Engagement::Employed { employer },
        },
        d(2020, 1, 1),
    )];
    all.extend(steps.iter().cloned());
    for (cmd, on) in all {
        crate::support::run(&mut rec, &mut j, &cmd, &Places::new().record(), on, office).unwrap();
    }
    rec
}

fn agreement(
    tier: TalentTier,
    starts_on: chrono::NaiveDate,
    years: u32,
    industry: &str,
) -> Agreement {
    Agreement {
        tier,
        programme: tier.to_string(),
        batch: 1,
        starts_on,
        cycle_years: Some(years),
        grant: Yuan(0),
        shares: vec![],
        industry: Some(industry.into()),
        basis: recorded(),
    }
}

#[test]
fn pool_pipeline_and_due() {
    let a = record(
        1,
        d(1991, 6, 1),
        inst(3),
        &[(
            RecordCommand::Start(agreement(
                TalentTier::YoungNurtured,
                d(2024, 10, 1),
                3,
                "wine",
            )),
            d(2024, 10, 1),
        )],
    );
    let b = record(
        2,
        d(1975, 1, 1),
        inst(4),
        &[
            (
                RecordCommand::Start(agreement(
                    TalentTier::YoungTopTalent,
                    d(2022, 1, 1),
                    3,
                    "goji",
                )),
                d(2022, 1, 1),
            ),
            (
                RecordCommand::Promote(agreement(
                    TalentTier::IndustryLeader,
                    d(2025, 3, 1),
                    4,
                    "goji",
                )),
                d(2025, 3, 1),
            ),
        ],
    );
    let c = record(
        3,
        d(1980, 1, 1),
        inst(3),
        &[
            (
                RecordCommand::Start(agreement(
                    TalentTier::IndustryLeader,
                    d(2021, 1, 1),
                    4,
                    "wine",
                )),
                d(2021, 1, 1),
            ),
            (
                RecordCommand::Exit {
                    reason: "调离".into(),
                },
                d(2025, 5, 1),
            ),
        ],
    );
    let records = vec![a, b, c];
    let as_of = d(2025, 12, 31);

    let m = pool_matrix(&records, as_of);
    assert_eq!(m.values().sum::<u32>(), 2);
    assert_eq!(
        m[&PoolCell {
            tier: TalentTier::YoungNurtured,
            industry: Some("wine".into()),
            age_band: AgeBand::UpTo35
        }],
        1
    );
    assert_eq!(
        m[&PoolCell {
            tier: TalentTier::IndustryLeader,
            industry: Some("goji".into()),
            age_band: AgeBand::From46To55
        }],
        1
    );

    let registry = registry();
    let by_institution = pool_by_institution(&registry, &records).unwrap();
    let at = |n| by_institution[registry.slot(inst(n)).unwrap().index()];
    assert_eq!(at(1), [1, 0, 1, 0], "the region counts everyone active");
    assert_eq!(
        at(2),
        [1, 0, 0, 0],
        "the city counts its enterprise's talent"
    );
    assert_eq!(at(4), [0, 0, 1, 0], "the university counts its own");

    let p = pipeline(&records, 2025, as_of);
    assert_eq!(
        p.promotions[&(TalentTier::YoungTopTalent, TalentTier::IndustryLeader)],
        1
    );
    assert_eq!(p.ended["exited"], 1);
    assert_eq!(p.started[&TalentTier::IndustryLeader], 1);
    assert_eq!(p.active.values().sum::<u32>(), 2);

    // Mid-term of the 3-year tenure started 2024-10-01 falls on 2026-04-01; the 青年托举 talent
    // born 1991-06-01 passes 35 on 2027-06-01.
    let programmes = [ProgrammeDefinition::young_nurtured()];
    let due = due_within(&records, &programmes, d(2026, 1, 1), 120);
    assert_eq!(
        due.iter()
            .map(|x| (x.talent, x.kind, x.on))
            .collect::<Vec<_>>(),
        [(talent(1), DueKind::MidTermEvaluation, d(2026, 4, 1))]
    );
    let due = due_within(&records, &programmes, d(2027, 5, 1), 60);
    assert!(
        due.iter()
            .any(|x| x.kind == DueKind::AgeingOut && x.on == d(2027, 6, 1))
    );
    assert!(due.iter().all(|x| x.kind != DueKind::MidTermEvaluation));
    let ghost = InstitutionRegistry::default();
    assert!(pool_by_institution(&ghost, &records).is_err());
    assert_eq!(AgeBand::of(35), AgeBand::UpTo35);
    assert_eq!(AgeBand::of(36), AgeBand::From36To45);
}
