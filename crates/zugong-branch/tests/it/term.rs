//! 换届: terms due and reminded, shifts approved and bounded, elections on both sides of
//! their quorum, 差额 and majority, and terms that never overlap.

use chrono::NaiveDate;
use proptest::prelude::*;
use zugong_branch::*;
use zugong_core::journal::{Language, Refusal};
use zugong_core::policy::Policy;
use zugong_core::{OrgUnitId, PersonId};

fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, dd).unwrap()
}

fn person(n: u128) -> PersonId {
    PersonId::from_uuid(uuid::Uuid::from_u128(n))
}

fn votes(v: &[(u128, u32)]) -> Vec<CandidateVotes> {
    v.iter()
        .map(|(c, n)| CandidateVotes::new(person(*c), *n))
        .collect()
}

fn people(v: &[u128]) -> Vec<PersonId> {
    v.iter().map(|n| person(*n)).collect()
}

fn org() -> OrgUnitId {
    OrgUnitId::from_uuid(uuid::Uuid::from_u128(9))
}

#[test]
fn terms_are_three_years_for_branches_and_five_for_villages_and_committees() {
    let p = TermPolicy::default();
    assert_eq!(
        Term::elected(org(), TermBody::Branch, d(2024, 3, 1), &p)
            .unwrap()
            .due,
        d(2027, 3, 1)
    );
    assert_eq!(
        Term::elected(org(), TermBody::GeneralBranch, d(2024, 3, 1), &p)
            .unwrap()
            .due,
        d(2027, 3, 1)
    );
    assert_eq!(
        Term::elected(org(), TermBody::VillageOrCommunity, d(2021, 3, 1), &p)
            .unwrap()
            .due,
        d(2026, 3, 1)
    );
    assert_eq!(
        Term::elected(org(), TermBody::GrassrootsCommittee, d(2021, 3, 1), &p)
            .unwrap()
            .due,
        d(2026, 3, 1)
    );
    // Elected on 29 February: due on the last day of February.
    assert_eq!(
        Term::elected(org(), TermBody::Branch, d(2024, 2, 29), &p)
            .unwrap()
            .due,
        d(2027, 2, 28)
    );
    assert!(matches!(
        Term::elected(org(), TermBody::Branch, NaiveDate::MAX, &p),
        Err(TermError::OutOfRange)
    ));
}

#[test]
fn a_term_due_in_thirty_days_is_reminded_and_one_past_due_is_overdue() {
    let p = TermPolicy::default();
    let term = Term::elected(org(), TermBody::Branch, d(2024, 1, 10), &p).unwrap();
    assert_eq!(
        term.standing(d(2026, 12, 11), &p),
        TermStanding::ReminderDue { days_left: 30 }
    );
    // Six months and a day before: not yet.
    assert_eq!(term.standing(d(2026, 7, 9), &p), TermStanding::Current);
    assert_eq!(
        term.standing(d(2026, 7, 10), &p),
        TermStanding::ReminderDue { days_left: 184 }
    );
    assert_eq!(
        term.standing(d(2027, 1, 10), &p),
        TermStanding::ReminderDue { days_left: 0 }
    );
    assert_eq!(
        term.standing(d(2027, 1, 11), &p),
        TermStanding::Overdue { days: 1 }
    );
}

#[test]
fn a_change_of_term_needs_approval_and_stays_within_a_year() {
    let p = TermPolicy::default();
    let term = Term::elected(org(), TermBody::Branch, d(2024, 1, 10), &p).unwrap();
    let approved = ShiftApproval::Approved(d(2026, 11, 1));
    assert_eq!(
        term.shifted(d(2028, 1, 10), approved, &p).unwrap().due,
        d(2028, 1, 10)
    );
    assert_eq!(
        term.shifted(d(2026, 1, 10), approved, &p).unwrap().due,
        d(2026, 1, 10)
    );
    let far = term.shifted(d(2028, 1, 11), approved, &p).unwrap_err();
    assert!(matches!(far, TermError::ShiftTooFar { .. }));
    assert!(far.citation().to_string().contains("第三条"));
    let unapproved = term
        .shifted(d(2027, 6, 1), ShiftApproval::NotApproved, &p)
        .unwrap_err();
    assert_eq!(unapproved, TermError::ShiftNotApproved);
    assert!(
        unapproved
            .message(Language::Chinese)
            .contains("上级党组织批准")
    );
}

#[test]
fn an_election_with_79_percent_present_is_refused_and_81_percent_stands() {
    let p = TermPolicy::default();
    let votes = votes(&[(1, 60), (2, 58), (3, 55), (4, 52), (5, 50), (6, 30)]);
    let short = ElectionCount::new(100, 79, 5, ElectionMethod::Competitive, votes.clone());
    let err = decide_election(&short, &p).unwrap_err();
    assert!(matches!(err, ElectionError::NoQuorum { present: 79, .. }));
    assert!(err.message(Language::Chinese).contains("方能进行选举"));
    // Exactly 4/5 is not more than 4/5.
    let exactly = ElectionCount::new(100, 80, 5, ElectionMethod::Competitive, votes.clone());
    assert!(matches!(
        decide_election(&exactly, &p),
        Err(ElectionError::NoQuorum { .. })
    ));
    let enough = ElectionCount::new(100, 81, 5, ElectionMethod::Competitive, votes);
    let r = decide_election(&enough, &p).unwrap();
    // More than half of the 81 present: 41 votes. Candidates 1–5 pass, 6 does not.
    assert_eq!(r.elected, people(&[1, 2, 3, 4, 5]));
    assert_eq!(r.unfilled, 0);
}

#[test]
fn a_competitive_election_needs_a_fifth_more_candidates_rounded_up() {
    let p = TermPolicy::default();
    // 5 places: 5 × 20% = 1 more → 6 candidates.
    let five = |n: u32| {
        ElectionCount::new(
            10,
            10,
            5,
            ElectionMethod::Competitive,
            (1..=n)
                .map(|c| CandidateVotes::new(person(u128::from(c)), 9))
                .collect(),
        )
    };
    assert!(matches!(
        decide_election(&five(5), &p),
        Err(ElectionError::TooFewCandidates { needed: 6, .. })
    ));
    assert!(decide_election(&five(6), &p).is_ok());
    // 3 places: 0.6 rounds up to 1 → 4.
    let three = ElectionCount::new(
        10,
        10,
        3,
        ElectionMethod::Competitive,
        votes(&[(1, 9), (2, 9), (3, 9)]),
    );
    assert!(matches!(
        decide_election(&three, &p),
        Err(ElectionError::TooFewCandidates { needed: 4, .. })
    ));
    // 等额 (where allowed) needs no extra candidates.
    let uncontested = ElectionCount::new(10, 10, 1, ElectionMethod::Uncontested, votes(&[(1, 9)]));
    assert_eq!(
        decide_election(&uncontested, &p).unwrap().elected,
        people(&[1])
    );
}

#[test]
fn majorities_ties_and_places_left_for_another_vote() {
    let p = TermPolicy::default();
    // 10 present: 5 votes is not more than half; 6 is.
    let count = ElectionCount::new(
        10,
        10,
        3,
        ElectionMethod::Competitive,
        votes(&[(1, 6), (2, 5), (3, 9), (4, 2)]),
    );
    let r = decide_election(&count, &p).unwrap();
    assert_eq!(r.elected, people(&[3, 1]));
    assert_eq!(r.unfilled, 1);
    // A tie across the last place: voted on again.
    let tie = ElectionCount::new(
        10,
        10,
        2,
        ElectionMethod::Competitive,
        votes(&[(1, 9), (2, 7), (3, 7)]),
    );
    let r = decide_election(&tie, &p).unwrap();
    assert_eq!(
        (r.elected, r.tied, r.unfilled),
        (people(&[1]), people(&[2, 3]), 1)
    );
    let bad = ElectionCount::new(10, 11, 1, ElectionMethod::Uncontested, votes(&[(1, 9)]));
    assert!(matches!(
        decide_election(&bad, &p),
        Err(ElectionError::Inconsistent(_))
    ));
}

#[test]
fn an_election_seats_the_committee_and_leaves_unfilled_places_vacant() {
    let p = TermPolicy::default();
    let count = ElectionCount::new(
        10,
        10,
        5,
        ElectionMethod::Competitive,
        votes(&[(1, 9), (2, 8), (3, 7), (4, 6), (5, 5), (6, 4)]),
    );
    let result = decide_election(&count, &p).unwrap();
    assert_eq!(result.unfilled, 1, "5 of 10 is not more than half");
    let mut branch = Branch {
        unit: org(),
        kind: zugong_core::UnitKind::Village,
        full_members: 10,
        probationary_members: 0,
        seats: vec![],
    };
    let roles = [
        SeatAssignment::new(CommitteeRole::Secretary, person(1)),
        SeatAssignment::new(CommitteeRole::Organization, person(2)),
    ];
    branch.seat_elected(&result, &roles, d(2026, 3, 1)).unwrap();
    assert_eq!(branch.seats.len(), 5);
    assert_eq!(branch.seats[0].holder, Some(person(1)));
    let vacant: Vec<_> = branch.seats.iter().filter(|s| s.holder.is_none()).collect();
    assert_eq!(vacant.len(), 1);
    assert_eq!(vacant[0].vacant_since, Some(d(2026, 3, 1)));
    assert!(
        branch
            .structure_findings(&BranchStructurePolicy::default())
            .contains(&StructureFinding::VacantSeat {
                role: CommitteeRole::Member,
                since: Some(d(2026, 3, 1))
            })
    );
    // A role for someone not elected, two roles for one, a secretary twice: refused, seats kept.
    let before = branch.seats.clone();
    for bad in [
        vec![SeatAssignment::new(CommitteeRole::Secretary, person(6))],
        vec![
            SeatAssignment::new(CommitteeRole::Secretary, person(1)),
            SeatAssignment::new(CommitteeRole::Publicity, person(1)),
        ],
        vec![
            SeatAssignment::new(CommitteeRole::Secretary, person(1)),
            SeatAssignment::new(CommitteeRole::Secretary, person(2)),
        ],
    ] {
        assert!(branch.seat_elected(&result, &bad, d(2026, 3, 1)).is_err());
        assert_eq!(branch.seats, before);
    }
    // No secretary given: the seat is vacant.
    branch.seat_elected(&result, &[], d(2026, 3, 1)).unwrap();
    assert_eq!(branch.secretary_vacant_since(), Some(d(2026, 3, 1)));
}

#[test]
fn a_province_may_tighten_the_election_rules_not_loosen_them() {
    let mut p = TermPolicy::default();
    assert!(p.validate().is_ok());
    p.quorum_above_permille = 900;
    p.competition_permille = 300;
    p.reminder_months = 9;
    assert!(p.validate().is_ok());
    let mut looser = TermPolicy::default();
    looser.quorum_above_permille = 700;
    assert!(looser.validate().is_err());
    let mut longer = TermPolicy::default();
    longer.branch_years = 4;
    assert!(longer.validate().is_err());
    let mut wider = TermPolicy::default();
    wider.max_shift_months = 18;
    assert!(wider.validate().is_err());
}

proptest! {
    /// However elections follow one another, an organization's terms never overlap: each
    /// ends the day the next one is elected, and the history refuses one out of order.
    #[test]
    fn terms_never_overlap(gaps in proptest::collection::vec(-400i64..2000, 1..12)) {
        let p = TermPolicy::default();
        let mut history = TermHistory::new();
        let mut day = d(2000, 1, 1);
        for gap in gaps {
            day = day + chrono::Days::new(gap.unsigned_abs());
            let next = if gap < 0 { day - chrono::Days::new(2 * gap.unsigned_abs()) } else { day };
            let term = Term::elected(org(), TermBody::Branch, next, &p).unwrap();
            let before = history.current().map(|t| t.elected_on);
            match history.push(term) {
                Ok(()) => prop_assert!(before.is_none_or(|b| b < next)),
                Err(TermError::Overlapping { .. }) => prop_assert!(before.is_some_and(|b| b >= next)),
                Err(e) => prop_assert!(false, "{e}"),
            }
        }
        let periods: Vec<_> = history.periods().collect();
        for pair in periods.windows(2) {
            let (a, end) = pair[0];
            let (b, _) = pair[1];
            prop_assert_eq!(end, Some(b.elected_on));
            prop_assert!(a.elected_on < b.elected_on);
        }
    }
}
