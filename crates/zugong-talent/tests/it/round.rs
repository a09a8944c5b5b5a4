use proptest::prelude::*;
use zugong_core::journal::{ExecuteError, Journal};
use zugong_core::*;
use zugong_talent::*;

use crate::support::*;
use zugong_core::publicity::{ObjectionId, ObjectionOutcome, PublicityDays, PublicityError};

fn office() -> Authority {
    Authority::organization_department(id(1))
}

fn run(
    round: &mut SelectionRound,
    j: &mut Journal<SelectionRound>,
    tree: &OrgTree,
    cmd: RoundCommand,
    on: chrono::NaiveDate,
    who: Authority,
) -> Result<Vec<RoundEvent>, RoundError> {
    let before = (round.clone(), j.len());
    let r = crate::support::run(
        round,
        j,
        &cmd,
        &RoundContext {
            tree,
            calendar: &WorkCalendar::official(),
        },
        on,
        who,
    )
    .map_err(|e| match e {
        ExecuteError::Refused(e) => e,
        ExecuteError::Journal(e) => panic!("{e}"),
    });
    if r.is_err() {
        assert_eq!((round.clone(), j.len()), before);
    }
    r
}

fn small_programme(humanities: u32, sciences: u32) -> ProgrammeDefinition {
    let mut p = ProgrammeDefinition::young_nurtured();
    p.cohort = vec![
        FieldQuota {
            field: ResearchField::HumanitiesAndArts,
            seats: humanities,
        },
        FieldQuota {
            field: ResearchField::NaturalSciences,
            seats: sciences,
        },
    ];
    p
}

#[test]
fn a_round_and_its_refusals() {
    let tree = tree();
    let (mut r, mut j) = (SelectionRound::default(), Journal::new());
    let open = RoundCommand::Open {
        programme: small_programme(1, 2),
        organizer: id(1),
        batch: 2024,
        deadline: d(2024, 7, 31),
    };
    assert_eq!(
        run(
            &mut r,
            &mut j,
            &tree,
            RoundCommand::CloseApplications,
            d(2024, 6, 1),
            office()
        ),
        Err(RoundError::NotOpened)
    );
    let city = Authority::organization_department(id(2));
    assert!(matches!(
        run(&mut r, &mut j, &tree, open.clone(), d(2024, 6, 1), city),
        Err(RoundError::Authority(_))
    ));
    run(&mut r, &mut j, &tree, open.clone(), d(2024, 6, 1), office()).unwrap();
    assert_eq!(
        run(&mut r, &mut j, &tree, open, d(2024, 6, 1), office()),
        Err(RoundError::AlreadyOpened)
    );
    let old = applicant(9, d(1980, 1, 1), ResearchField::NaturalSciences);
    assert!(
        matches!(run(&mut r, &mut j, &tree, RoundCommand::Apply(old), d(2024, 7, 1), office()), Err(RoundError::Ineligible(u)) if u.len() == 1)
    );
    for (n, field) in [
        (1, ResearchField::NaturalSciences),
        (2, ResearchField::NaturalSciences),
        (3, ResearchField::NaturalSciences),
        (4, ResearchField::HumanitiesAndArts),
    ] {
        run(
            &mut r,
            &mut j,
            &tree,
            RoundCommand::Apply(applicant(n, d(1992, 1, 1), field)),
            d(2024, 7, 1),
            office(),
        )
        .unwrap();
    }
    assert_eq!(
        run(
            &mut r,
            &mut j,
            &tree,
            RoundCommand::Apply(applicant(1, d(1992, 1, 1), ResearchField::NaturalSciences)),
            d(2024, 7, 2),
            office()
        ),
        Err(RoundError::DuplicateApplication(talent(1)))
    );
    assert_eq!(
        run(
            &mut r,
            &mut j,
            &tree,
            RoundCommand::Apply(applicant(5, d(1992, 1, 1), ResearchField::NaturalSciences)),
            d(2024, 8, 1),
            office()
        ),
        Err(RoundError::PastDeadline {
            deadline: d(2024, 7, 31)
        })
    );
    assert!(matches!(
        run(
            &mut r,
            &mut j,
            &tree,
            RoundCommand::Score {
                talent: talent(1),
                score: 1
            },
            d(2024, 8, 1),
            office()
        ),
        Err(RoundError::OutOfOrder { .. })
    ));
    run(
        &mut r,
        &mut j,
        &tree,
        RoundCommand::CloseApplications,
        d(2024, 8, 1),
        office(),
    )
    .unwrap();
    assert_eq!(
        run(
            &mut r,
            &mut j,
            &tree,
            RoundCommand::Score {
                talent: talent(9),
                score: 1
            },
            d(2024, 8, 2),
            office()
        ),
        Err(RoundError::UnknownApplicant(talent(9)))
    );
    assert_eq!(
        run(
            &mut r,
            &mut j,
            &tree,
            RoundCommand::Score {
                talent: talent(1),
                score: 1001
            },
            d(2024, 8, 2),
            office()
        ),
        Err(RoundError::ScoreOutOfRange(1001))
    );
    for (n, s) in [(1, 700), (2, 900), (3, 700)] {
        run(
            &mut r,
            &mut j,
            &tree,
            RoundCommand::Score {
                talent: talent(n),
                score: s,
            },
            d(2024, 8, 2),
            office(),
        )
        .unwrap();
    }
    assert_eq!(
        run(
            &mut r,
            &mut j,
            &tree,
            RoundCommand::Publicize {
                days: PublicityDays::Calendar(5)
            },
            d(2024, 8, 3),
            office()
        ),
        Err(RoundError::NotReady("every application needs a score"))
    );
    run(
        &mut r,
        &mut j,
        &tree,
        RoundCommand::Score {
            talent: talent(4),
            score: 500,
        },
        d(2024, 8, 2),
        office(),
    )
    .unwrap();
    run(
        &mut r,
        &mut j,
        &tree,
        RoundCommand::Publicize {
            days: PublicityDays::Calendar(5),
        },
        d(2024, 8, 5),
        office(),
    )
    .unwrap();
    // Two science seats: the 900 and the earlier of the two 700s; one humanities seat.
    assert_eq!(r.selected(), [talent(4), talent(2), talent(1)]);
    assert_eq!(
        run(
            &mut r,
            &mut j,
            &tree,
            RoundCommand::Confirm,
            d(2024, 8, 9),
            office()
        ),
        Err(RoundError::Publicity(PublicityError::NotOver {
            until: d(2024, 8, 9),
            on: d(2024, 8, 9)
        }))
    );
    assert_eq!(
        run(
            &mut r,
            &mut j,
            &tree,
            RoundCommand::Remove {
                talent: talent(3),
                reason: "x".into()
            },
            d(2024, 8, 6),
            office()
        ),
        Err(RoundError::NotSelected(talent(3)))
    );
    assert_eq!(
        run(
            &mut r,
            &mut j,
            &tree,
            RoundCommand::Remove {
                talent: talent(1),
                reason: " ".into()
            },
            d(2024, 8, 6),
            office()
        ),
        Err(RoundError::MissingReason)
    );
    run(
        &mut r,
        &mut j,
        &tree,
        RoundCommand::Remove {
            talent: talent(1),
            reason: "学术不端举报查实".into(),
        },
        d(2024, 8, 6),
        office(),
    )
    .unwrap();
    // An objection about a candidate holds the confirmation until it is checked.
    run(
        &mut r,
        &mut j,
        &tree,
        RoundCommand::Object {
            talent: talent(2),
            text: "反映其论文署名有误".into(),
        },
        d(2024, 8, 7),
        office(),
    )
    .unwrap();
    let first = ObjectionId::new(1).unwrap();
    assert_eq!(r.objected(first), Some(talent(2)));
    assert_eq!(
        run(
            &mut r,
            &mut j,
            &tree,
            RoundCommand::Confirm,
            d(2024, 8, 10),
            office()
        ),
        Err(RoundError::Publicity(PublicityError::OpenObjection(first)))
    );
    run(
        &mut r,
        &mut j,
        &tree,
        RoundCommand::ResolveObjection {
            objection: first,
            outcome: ObjectionOutcome::Unfounded,
        },
        d(2024, 8, 10),
        office(),
    )
    .unwrap();
    run(
        &mut r,
        &mut j,
        &tree,
        RoundCommand::Confirm,
        d(2024, 8, 10),
        office(),
    )
    .unwrap();
    assert_eq!(r.selected(), [talent(4), talent(2)]);
    assert_eq!(r.stage(), RoundStage::Confirmed);
    assert_eq!(
        j.state(crate::support::stream::<SelectionRound>())
            .cloned()
            .unwrap_or_default(),
        r
    );
}

proptest! {
    #[test]
    fn cohorts_never_exceed_the_quota(
        people in prop::collection::vec((any::<bool>(), 0u32..=1000, 1960i32..2000), 0..40),
        seats in (0u32..5, 1u32..8),
    ) {
        let tree = tree();
        let (mut r, mut j) = (SelectionRound::default(), Journal::new());
        run(&mut r, &mut j, &tree, RoundCommand::Open { programme: small_programme(seats.0, seats.1), organizer: id(1), batch: 1, deadline: d(2024, 7, 31) }, d(2024, 6, 1), office()).unwrap();
        for (n, (hum, _, year)) in people.iter().enumerate() {
            let field = if *hum { ResearchField::HumanitiesAndArts } else { ResearchField::NaturalSciences };
            let a = applicant(n as u128 + 10, d(*year, 3, 1), field);
            let eligible = check_eligibility(r.programme().unwrap(), &a, d(2024, 7, 31)).is_empty();
            prop_assert_eq!(run(&mut r, &mut j, &tree, RoundCommand::Apply(a), d(2024, 7, 1), office()).is_ok(), eligible);
        }
        run(&mut r, &mut j, &tree, RoundCommand::CloseApplications, d(2024, 8, 1), office()).unwrap();
        for (n, (_, score, _)) in people.iter().enumerate() {
            let _ = run(&mut r, &mut j, &tree, RoundCommand::Score { talent: talent(n as u128 + 10), score: *score }, d(2024, 8, 2), office());
        }
        run(&mut r, &mut j, &tree, RoundCommand::Publicize { days: PublicityDays::Calendar(5) }, d(2024, 8, 5), office()).unwrap();
        run(&mut r, &mut j, &tree, RoundCommand::Confirm, d(2024, 8, 10), office()).unwrap();
        let apps = r.applications();
        let in_field = |f| r.selected().iter().filter(|t| apps[t].applicant.field == f).count() as u32;
        prop_assert!(in_field(ResearchField::HumanitiesAndArts) <= seats.0);
        prop_assert!(in_field(ResearchField::NaturalSciences) <= seats.1);
        // Nobody left out scored above someone selected in the same field.
        for t in r.selected() {
            let a = &apps[t];
            prop_assert!(apps.values().filter(|b| b.applicant.field == a.applicant.field && !r.selected().contains(&b.applicant.talent)).all(|b| b.score <= a.score));
        }
        prop_assert_eq!(j.state(crate::support::stream::<SelectionRound>()).cloned().unwrap_or_default(), r.clone());
        let calendar = WorkCalendar::official();
        prop_assert_eq!(crate::support::verified(&j, || RoundContext { tree: &tree, calendar: &calendar }), r);
    }
}
