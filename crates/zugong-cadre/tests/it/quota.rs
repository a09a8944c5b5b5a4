use proptest::prelude::*;
use zugong_cadre::*;
use zugong_core::journal::{ExecuteError, Journal, MemoryJournal, execute, replay};
use zugong_core::*;

use crate::support::*;

const DEPUTY: RankOrGrade = RankOrGrade::Leadership(LeadershipRank::TownshipSectionDeputy);

fn run(
    book: &mut QuotaBook,
    j: &mut MemoryJournal<QuotaEvent>,
    tree: &OrgTree,
    cmd: QuotaCommand,
    who: Authority,
) -> Result<(), QuotaError> {
    let before = book.clone();
    let r = execute(
        book,
        j,
        &cmd,
        &QuotaContext {
            authority: who,
            tree,
        },
        stamp(d(2026, 1, 5), who),
    )
    .map(|_| ())
    .map_err(|e| match e {
        ExecuteError::Refused(e) => e,
        ExecuteError::Journal(e) => panic!("{e}"),
    });
    if r.is_err() {
        assert_eq!(*book, before);
    }
    r
}

#[test]
fn pools_vacancies_and_refusals() {
    let tree = tree();
    let county = Authority::organization_department(id(2));
    let (mut b, mut j) = (QuotaBook::default(), MemoryJournal::new());
    assert_eq!(
        run(
            &mut b,
            &mut j,
            &tree,
            QuotaCommand::Occupy {
                unit: id(3),
                rank: DEPUTY
            },
            county
        ),
        Err(QuotaError::NoQuota {
            unit: id(3),
            rank: DEPUTY
        })
    );
    // The county's pool of 3 deputies: 2 to the bureau, 1 to the township; no more.
    run(
        &mut b,
        &mut j,
        &tree,
        QuotaCommand::Allot {
            unit: id(2),
            rank: DEPUTY,
            count: 3,
        },
        county,
    )
    .unwrap();
    run(
        &mut b,
        &mut j,
        &tree,
        QuotaCommand::Allot {
            unit: id(3),
            rank: DEPUTY,
            count: 2,
        },
        county,
    )
    .unwrap();
    run(
        &mut b,
        &mut j,
        &tree,
        QuotaCommand::Allot {
            unit: id(4),
            rank: DEPUTY,
            count: 1,
        },
        county,
    )
    .unwrap();
    let err = run(
        &mut b,
        &mut j,
        &tree,
        QuotaCommand::Allot {
            unit: id(4),
            rank: DEPUTY,
            count: 2,
        },
        county,
    )
    .unwrap_err();
    assert!(matches!(err, QuotaError::PoolExceeded { reason, .. } if reason.contains("above")));
    assert_eq!(err.citation().article, "第四十三条");
    // The county itself has nothing left to fill.
    assert!(matches!(
        run(
            &mut b,
            &mut j,
            &tree,
            QuotaCommand::Occupy {
                unit: id(2),
                rank: DEPUTY
            },
            county
        ),
        Err(QuotaError::NoVacancy { .. })
    ));
    run(
        &mut b,
        &mut j,
        &tree,
        QuotaCommand::Occupy {
            unit: id(3),
            rank: DEPUTY,
        },
        county,
    )
    .unwrap();
    run(
        &mut b,
        &mut j,
        &tree,
        QuotaCommand::Occupy {
            unit: id(3),
            rank: DEPUTY,
        },
        county,
    )
    .unwrap();
    assert_eq!(
        run(
            &mut b,
            &mut j,
            &tree,
            QuotaCommand::Occupy {
                unit: id(3),
                rank: DEPUTY
            },
            county
        ),
        Err(QuotaError::NoVacancy {
            unit: id(3),
            rank: DEPUTY,
            allotted: 2,
            occupied: 2
        })
    );
    // Cutting an allotment below its use is refused.
    assert!(matches!(
        run(
            &mut b,
            &mut j,
            &tree,
            QuotaCommand::Allot {
                unit: id(3),
                rank: DEPUTY,
                count: 1
            },
            county
        ),
        Err(QuotaError::PoolExceeded { .. })
    ));
    run(
        &mut b,
        &mut j,
        &tree,
        QuotaCommand::PlanDeparture {
            unit: id(3),
            rank: DEPUTY,
            planned: true,
        },
        county,
    )
    .unwrap();
    let line = b.line(id(3), DEPUTY).unwrap();
    assert_eq!((line.vacancies(), line.forthcoming_vacancies()), (0, 1));
    run(
        &mut b,
        &mut j,
        &tree,
        QuotaCommand::Release {
            unit: id(3),
            rank: DEPUTY,
        },
        county,
    )
    .unwrap();
    assert_eq!(b.line(id(3), DEPUTY).unwrap().vacancies(), 1);
    assert_eq!(
        run(
            &mut b,
            &mut j,
            &tree,
            QuotaCommand::Release {
                unit: id(4),
                rank: DEPUTY
            },
            county
        ),
        Err(QuotaError::NothingToRelease {
            unit: id(4),
            rank: DEPUTY
        })
    );
    // Another county's department may not touch these lines.
    let other = Authority::organization_department(id(5));
    assert!(matches!(
        run(
            &mut b,
            &mut j,
            &tree,
            QuotaCommand::Occupy {
                unit: id(3),
                rank: DEPUTY
            },
            other
        ),
        Err(QuotaError::Authority(_))
    ));
    assert_eq!(replay::<QuotaBook>(j.events()), b);
    let json = serde_json::to_string(&b).unwrap();
    assert_eq!(serde_json::from_str::<QuotaBook>(&json).unwrap(), b);
}

proptest! {
    #[test]
    fn random_sequences_never_exceed_a_quota(ops in prop::collection::vec((0u8..4, 0usize..3, 0u32..5, any::<bool>()), 0..60)) {
        let tree = tree();
        let city = Authority::organization_department(id(1));
        let (mut b, mut j) = (QuotaBook::default(), MemoryJournal::new());
        let units = [id(2), id(3), id(4)];
        for (kind, u, n, flag) in ops {
            let unit = units[u];
            let cmd = match kind {
                0 => QuotaCommand::Allot { unit, rank: DEPUTY, count: n },
                1 => QuotaCommand::Occupy { unit, rank: DEPUTY },
                2 => QuotaCommand::Release { unit, rank: DEPUTY },
                _ => QuotaCommand::PlanDeparture { unit, rank: DEPUTY, planned: flag },
            };
            let _ = run(&mut b, &mut j, &tree, cmd, city);
            for (unit, rank, line) in b.lines() {
                prop_assert!(line.occupied <= line.allotted);
                prop_assert!(b.used(&tree, unit, rank) <= line.allotted, "{unit} uses more than allotted");
                prop_assert!(line.planned_departures <= line.occupied);
            }
        }
        prop_assert_eq!(replay::<QuotaBook>(j.events()), b);
    }
}
