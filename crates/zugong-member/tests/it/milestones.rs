//! Development rosters: each threshold on both sides; records that cannot be a path refused.

use chrono::NaiveDate;
use proptest::prelude::*;
use zugong_core::OrgUnitId;
use zugong_core::journal::{Language, Refusal};
use zugong_member::*;

fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, dd).unwrap()
}

fn branch() -> OrgUnitId {
    OrgUnitId::from_uuid(uuid::Uuid::from_u128(2))
}

fn kinds(found: &[MilestoneFinding]) -> Vec<&'static str> {
    found
        .iter()
        .map(|f| match f {
            MilestoneFinding::UnderAge { .. } => "age",
            MilestoneFinding::TalkLate { .. } => "talk",
            MilestoneFinding::ActivistTooShort { .. } => "activist",
            MilestoneFinding::ApprovalOverdue { .. } => "approval",
            MilestoneFinding::FullTooEarly { .. } => "early",
            MilestoneFinding::ProbationOver { .. } => "probation",
            _ => "other",
        })
        .collect()
}

#[test]
fn eleven_months_as_an_activist_is_too_short_twelve_is_not() {
    let p = DevelopmentPolicy::default();
    let base = Milestones::applied(branch(), d(2024, 1, 2))
        .talked(d(2024, 1, 20))
        .activist(d(2024, 3, 1));
    let short = base.candidate(d(2025, 2, 28));
    assert_eq!(
        kinds(&short.check(d(2025, 3, 1), &p).unwrap()),
        ["activist"]
    );
    let year = base.candidate(d(2025, 3, 1));
    assert!(year.check(d(2025, 3, 1), &p).unwrap().is_empty());
}

#[test]
fn the_talk_is_due_within_a_month() {
    let p = DevelopmentPolicy::default();
    let applied = Milestones::applied(branch(), d(2026, 1, 15));
    assert!(
        applied
            .talked(d(2026, 2, 15))
            .check(d(2026, 3, 1), &p)
            .unwrap()
            .is_empty()
    );
    let late = applied
        .talked(d(2026, 2, 16))
        .check(d(2026, 3, 1), &p)
        .unwrap();
    assert_eq!(kinds(&late), ["talk"]);
    // Not held: overdue from the day after it was due.
    assert!(applied.check(d(2026, 2, 15), &p).unwrap().is_empty());
    let pending = applied.check(d(2026, 2, 16), &p).unwrap();
    assert_eq!(kinds(&pending), ["talk"]);
    assert!(pending[0].describe(Language::Chinese).contains("至今未谈"));
    assert_eq!(pending[0].citation().article, "第七条");
}

#[test]
fn approval_on_the_last_allowed_day_is_on_time_a_day_later_is_not() {
    let p = DevelopmentPolicy::default();
    let admitted = Milestones::applied(branch(), d(2024, 1, 2))
        .talked(d(2024, 1, 10))
        .activist(d(2024, 2, 1))
        .candidate(d(2025, 3, 1))
        .admitted(d(2025, 6, 10));
    assert!(
        admitted
            .approved(d(2025, 9, 10))
            .check(d(2025, 10, 1), &p)
            .unwrap()
            .is_empty()
    );
    let late = admitted
        .approved(d(2025, 9, 11))
        .check(d(2025, 10, 1), &p)
        .unwrap();
    assert_eq!(kinds(&late), ["approval"]);
    assert_eq!(
        admitted.stage(d(2025, 7, 1)),
        DevelopmentStage::AwaitingApproval
    );
    // A 转正 before the year from the 支部大会 is over, and a 预备期 over with no 转正.
    let approved = admitted.approved(d(2025, 8, 1));
    let early = approved
        .full_member(d(2026, 6, 9))
        .check(d(2026, 11, 30), &p)
        .unwrap();
    assert_eq!(kinds(&early), ["early"]);
    assert!(
        approved
            .full_member(d(2026, 6, 10))
            .check(d(2026, 11, 30), &p)
            .unwrap()
            .is_empty()
    );
    assert!(approved.check(d(2026, 6, 10), &p).unwrap().is_empty());
    assert_eq!(
        kinds(&approved.check(d(2026, 6, 11), &p).unwrap()),
        ["probation"]
    );
    assert_eq!(
        approved.stage(d(2026, 6, 11)),
        DevelopmentStage::Probationary
    );
}

#[test]
fn an_applicant_under_eighteen_is_found() {
    let p = DevelopmentPolicy::default();
    let path = Milestones::applied(branch(), d(2026, 5, 1)).talked(d(2026, 5, 2));
    assert_eq!(
        kinds(&path.born(d(2008, 5, 2)).check(d(2026, 6, 1), &p).unwrap()),
        ["age"]
    );
    assert!(
        path.born(d(2008, 5, 1))
            .check(d(2026, 6, 1), &p)
            .unwrap()
            .is_empty()
    );
}

#[test]
fn records_that_cannot_be_a_path_are_refused_with_the_rule() {
    let p = DevelopmentPolicy::default();
    let applied = Milestones::applied(branch(), d(2025, 1, 2));
    let skipped = applied.candidate(d(2026, 3, 1));
    let e = skipped.check(d(2026, 11, 30), &p).unwrap_err();
    assert_eq!(
        e,
        MilestoneError::Missing {
            milestone: Milestone::Candidate,
            needs: Milestone::Activist
        }
    );
    assert!(e.message(Language::Chinese).contains("须按程序逐步进行"));
    let backwards = applied.activist(d(2024, 12, 1));
    assert!(matches!(
        backwards.check(d(2026, 11, 30), &p),
        Err(MilestoneError::OutOfOrder { .. })
    ));
    let future = applied.talked(d(2027, 1, 1));
    assert!(matches!(
        future.check(d(2026, 11, 30), &p),
        Err(MilestoneError::InFuture { .. })
    ));
}

proptest! {
    /// Whatever the days, a path that checks has its deciding milestones in order, and its
    /// stage on the record's day is the last milestone reached.
    #[test]
    fn a_path_that_checks_is_in_order(offsets in proptest::collection::vec(proptest::option::of(0i64..800), 6)) {
        let start = d(2022, 1, 1);
        let day = |i: usize| offsets[i].map(|o| start + chrono::Duration::days(o));
        let mut m = Milestones::applied(branch(), start);
        if let Some(x) = day(0) { m = m.activist(x); }
        if let Some(x) = day(1) { m = m.candidate(x); }
        if let Some(x) = day(2) { m = m.admitted(x); }
        if let Some(x) = day(3) { m = m.approved(x); }
        if let Some(x) = day(4) { m = m.full_member(x); }
        if let Some(x) = day(5) { m = m.talked(x); }
        let as_of = d(2026, 11, 30);
        if m.check(as_of, &DevelopmentPolicy::default()).is_ok() {
            let chain = [Some(start), m.activist_on, m.candidate_on, m.admitted_on, m.approved_on, m.full_on];
            let reached: Vec<NaiveDate> = chain.iter().map_while(|x| *x).collect();
            prop_assert!(reached.windows(2).all(|w| w[0] <= w[1]));
            prop_assert_eq!(reached.len(), chain.iter().filter(|x| x.is_some()).count());
            let expected = [
                DevelopmentStage::Applicant, DevelopmentStage::Activist, DevelopmentStage::Candidate,
                DevelopmentStage::AwaitingApproval, DevelopmentStage::Probationary, DevelopmentStage::FullMember,
            ][reached.len() - 1];
            prop_assert_eq!(m.stage(as_of), expected);
        }
    }
}
