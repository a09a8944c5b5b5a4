//! Organizational life: each threshold on both sides, quorums, the secretary's lecture, the
//! weak-branch detection reading the check, and the invariants of the count.

use chrono::NaiveDate;
use proptest::prelude::*;
use zugong_branch::*;
use zugong_core::OrgUnitId;
use zugong_core::journal::{Language, Refusal};
use zugong_core::policy::Policy;

fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, dd).unwrap()
}

fn branch() -> OrgUnitId {
    OrgUnitId::from_uuid(uuid::Uuid::from_u128(42))
}

fn meeting(kind: MeetingKind, day: NaiveDate) -> Meeting {
    Meeting::held(branch(), kind, day, 20, 15, "学习").unwrap()
}

/// Only the requirement for `kind`, as the national policy has it.
fn only(kind: MeetingKind) -> LifePolicy {
    let mut policy = LifePolicy::default();
    policy.requirements.retain(|r| r.kind == kind);
    policy.secretary_lectures_per_year = 0;
    policy
}

const ALONE: BranchBodies = BranchBodies::new(Committee::SecretaryOnly, 0);

#[test]
fn a_quarter_without_a_member_assembly_is_named_and_the_last_day_of_a_quarter_counts() {
    let year = LifePeriod::year(2026).unwrap();
    let held = vec![
        meeting(MeetingKind::MemberAssembly, d(2026, 3, 31)),
        // Q2: none. Q3 on its first day, Q4 on its last.
        meeting(MeetingKind::MemberAssembly, d(2026, 7, 1)),
        meeting(MeetingKind::MemberAssembly, d(2026, 12, 31)),
    ];
    let c = check_life(
        branch(),
        year,
        None,
        ALONE,
        &held,
        &only(MeetingKind::MemberAssembly),
    )
    .unwrap();
    assert_eq!((c.required, c.met), (4, 3));
    assert_eq!(c.missed.len(), 1);
    let missed = &c.missed[0];
    assert_eq!(
        (missed.from, missed.to, missed.held, missed.required),
        (d(2026, 4, 1), d(2026, 6, 30), 0, 1)
    );
    assert!(missed.citation.to_string().contains("第十一条"));
    assert!(!c.is_complete());
}

#[test]
fn an_assembly_without_its_quorum_does_not_count_and_is_named() {
    let year = LifePeriod::year(2026).unwrap();
    let mut held: Vec<Meeting> = [2, 5, 8, 11]
        .iter()
        .map(|m| meeting(MeetingKind::MemberAssembly, d(2026, *m, 10)))
        .collect();
    // Exactly half present: 半数以上 (at least half) is met.
    held[0] = Meeting::held(
        branch(),
        MeetingKind::MemberAssembly,
        d(2026, 2, 10),
        20,
        10,
        "学习",
    )
    .unwrap();
    // One short of half: not a valid meeting.
    held[1] = Meeting::held(
        branch(),
        MeetingKind::MemberAssembly,
        d(2026, 5, 10),
        20,
        9,
        "学习",
    )
    .unwrap();
    let c = check_life(
        branch(),
        year,
        None,
        ALONE,
        &held,
        &only(MeetingKind::MemberAssembly),
    )
    .unwrap();
    assert_eq!((c.required, c.met), (4, 3));
    assert_eq!(c.under_attended.len(), 1);
    assert_eq!(
        (c.under_attended[0].present, c.under_attended[0].expected),
        (9, 20)
    );
    assert_eq!(c.missed[0].from, d(2026, 4, 1));
}

#[test]
fn committee_and_group_meetings_are_required_only_where_there_is_a_committee_or_a_group() {
    let year = LifePeriod::year(2026).unwrap();
    let mut policy = LifePolicy::default();
    policy
        .requirements
        .retain(|r| matches!(r.kind, MeetingKind::Committee | MeetingKind::GroupMeeting));
    policy.secretary_lectures_per_year = 0;
    let alone = check_life(branch(), year, None, ALONE, &[], &policy).unwrap();
    assert_eq!(alone.required, 0);
    let with = BranchBodies::new(Committee::Elected, 2);
    let c = check_life(branch(), year, None, with, &[], &policy).unwrap();
    assert_eq!((c.required, c.met, c.missed.len()), (24, 0, 24));
}

#[test]
fn a_branch_set_up_mid_year_is_held_only_to_the_whole_intervals_after() {
    let year = LifePeriod::year(2026).unwrap();
    let held = vec![meeting(MeetingKind::ThemedPartyDay, d(2026, 6, 20))];
    let c = check_life(
        branch(),
        year,
        Some(d(2026, 5, 15)),
        ALONE,
        &held,
        &only(MeetingKind::ThemedPartyDay),
    )
    .unwrap();
    // June to December: seven months; May is not whole after the set-up day.
    assert_eq!((c.required, c.met), (7, 1));
    // A meeting before the branch existed is refused, naming the rule.
    let early = vec![meeting(MeetingKind::ThemedPartyDay, d(2026, 5, 14))];
    let err = check_life(
        branch(),
        year,
        Some(d(2026, 5, 15)),
        ALONE,
        &early,
        &only(MeetingKind::ThemedPartyDay),
    )
    .unwrap_err();
    assert!(matches!(err, LifeError::BeforeEstablished { .. }));
    assert!(err.message(Language::Chinese).contains("支部成立日"));
    assert!(err.citation().to_string().contains("支部工作条例"));
}

#[test]
fn the_secretary_gives_a_lecture_each_year() {
    let year = LifePeriod::year(2026).unwrap();
    let mut policy = only(MeetingKind::PartyLecture);
    policy.secretary_lectures_per_year = 1;
    let by = |l| {
        meeting(MeetingKind::PartyLecture, d(2026, 3, 1))
            .given_by(l)
            .unwrap()
    };
    let c = check_life(branch(), year, None, ALONE, &[by(Lecturer::Guest)], &policy).unwrap();
    assert_eq!(c.secretary_lectures.len(), 1);
    assert_eq!(c.secretary_lectures[0].year, 2026);
    let c = check_life(
        branch(),
        year,
        None,
        ALONE,
        &[by(Lecturer::BranchSecretary)],
        &policy,
    )
    .unwrap();
    assert!(c.secretary_lectures.is_empty());
    // Three quarters without a lecture are still missed.
    assert_eq!(c.missed.len(), 3);
}

#[test]
fn bad_records_are_refused_with_their_rule() {
    let day = d(2026, 3, 1);
    assert_eq!(
        Meeting::held(branch(), MeetingKind::Committee, day, 5, 6, "议题"),
        Err(MeetingError::PresentAboveExpected {
            present: 6,
            expected: 5
        })
    );
    assert_eq!(
        Meeting::held(branch(), MeetingKind::Committee, day, 0, 0, "议题"),
        Err(MeetingError::NobodyExpected)
    );
    assert_eq!(
        Meeting::held(branch(), MeetingKind::Committee, day, 5, 3, "  "),
        Err(MeetingError::BlankTopic)
    );
    let not_a_lecture = meeting(MeetingKind::Committee, day).given_by(Lecturer::BranchSecretary);
    assert!(matches!(
        not_a_lecture,
        Err(MeetingError::LecturerOutsideLecture { .. })
    ));
    // Deserialization holds records to the same rules.
    let good = serde_json::to_string(
        &meeting(MeetingKind::PartyLecture, day)
            .given_by(Lecturer::Member)
            .unwrap(),
    )
    .unwrap();
    let back: Meeting = serde_json::from_str(&good).unwrap();
    assert_eq!(serde_json::to_string(&back).unwrap(), good);
    let bad = good.replace("\"present\":15", "\"present\":25");
    assert!(serde_json::from_str::<Meeting>(&bad).is_err());
    // Another branch's meeting, a period backwards.
    let other = Meeting::held(
        OrgUnitId::from_uuid(uuid::Uuid::from_u128(7)),
        MeetingKind::Committee,
        day,
        5,
        5,
        "x",
    )
    .unwrap();
    let year = LifePeriod::year(2026).unwrap();
    assert_eq!(
        check_life(
            branch(),
            year,
            None,
            ALONE,
            &[other],
            &LifePolicy::default()
        ),
        Err(LifeError::OtherBranch)
    );
    assert!(matches!(
        LifePeriod::new(d(2026, 2, 1), d(2026, 1, 1)),
        Err(LifeError::PeriodBackwards { .. })
    ));
    assert!(serde_json::from_str::<LifePeriod>("[\"2026-02-01\",\"2026-01-01\"]").is_err());
}

#[test]
fn a_province_may_tighten_the_frequencies_but_not_loosen_them() {
    assert!(LifePolicy::default().validate().is_ok());
    let mut tighter = LifePolicy::default();
    // 党课 monthly instead of quarterly.
    for r in &mut tighter.requirements {
        if r.kind == MeetingKind::PartyLecture {
            *r = LifeRequirement::new(
                MeetingKind::PartyLecture,
                Cadence::Monthly,
                1,
                0,
                r.citation.clone(),
            );
        }
    }
    assert!(tighter.validate().is_ok());
    let mut looser = LifePolicy::default();
    looser
        .requirements
        .retain(|r| r.kind != MeetingKind::ThemedPartyDay);
    assert!(looser.validate().is_err());
    let mut quarterly_committee = LifePolicy::default();
    for r in &mut quarterly_committee.requirements {
        if r.kind == MeetingKind::Committee {
            *r = LifeRequirement::new(
                MeetingKind::Committee,
                Cadence::Quarterly,
                1,
                500,
                r.citation.clone(),
            );
        }
    }
    assert!(quarterly_committee.validate().is_err());
    let mut no_lecture = LifePolicy::default();
    no_lecture.secretary_lectures_per_year = 0;
    assert!(no_lecture.validate().is_err());
}

#[test]
fn weak_branch_detection_reads_the_check_not_a_boolean() {
    let year = LifePeriod::year(2026).unwrap();
    let policy = WeakBranchPolicy::default();
    // Two 党员大会 of four: half met, not below half.
    let held = vec![
        meeting(MeetingKind::MemberAssembly, d(2026, 1, 5)),
        meeting(MeetingKind::MemberAssembly, d(2026, 4, 5)),
    ];
    let half = check_life(
        branch(),
        year,
        None,
        ALONE,
        &held,
        &only(MeetingKind::MemberAssembly),
    )
    .unwrap();
    let facts = BranchFacts {
        organizational_life: half.summary(),
        ..Default::default()
    };
    assert!(detect_weakness(&facts, d(2026, 12, 31), &policy).is_empty());
    // One of four: designated, with the counts.
    let quarter = check_life(
        branch(),
        year,
        None,
        ALONE,
        &held[..1],
        &only(MeetingKind::MemberAssembly),
    )
    .unwrap();
    let facts = BranchFacts {
        organizational_life: quarter.summary(),
        ..Default::default()
    };
    let found = detect_weakness(&facts, d(2026, 12, 31), &policy);
    assert_eq!(found.len(), 1);
    assert_eq!(
        found[0].basis,
        WeakBasis::NoOrganizationalLife {
            met: 1,
            required: 4
        }
    );
    assert!(found[0].direct);
    // Not checked at all: never flagged.
    assert!(detect_weakness(&BranchFacts::default(), d(2026, 12, 31), &policy).is_empty());
}

proptest! {
    /// Every meeting counts at most once, and only inside the period; met plus missed is
    /// what was required; nothing is counted for a kind that has no meeting.
    #[test]
    fn completeness_counts_each_meeting_once_and_only_in_its_period(
        days in proptest::collection::vec((0u32..7, 0i64..800), 0..80),
        start in 0i64..400,
        len in 0i64..500,
    ) {
        let origin = d(2025, 1, 1);
        let meetings: Vec<Meeting> = days
            .iter()
            .map(|(k, offset)| meeting(MEETING_KINDS[*k as usize], origin + chrono::Days::new(*offset as u64)))
            .collect();
        let from = origin + chrono::Days::new(start as u64);
        let period = LifePeriod::new(from, from + chrono::Days::new(len as u64)).unwrap();
        let bodies = BranchBodies::new(Committee::Elected, 1);
        let policy = LifePolicy::default();
        let c = check_life(branch(), period, None, bodies, &meetings, &policy).unwrap();
        prop_assert_eq!(c.required, c.met + u32::try_from(c.missed.len()).unwrap());
        let inside = meetings.iter().filter(|m| period.from() <= m.held && m.held <= period.to()).count();
        let missed_held: u32 = c.missed.iter().map(|m| m.held).sum();
        prop_assert!(missed_held as usize <= inside);
        for m in &c.missed {
            prop_assert!(period.from() <= m.from && m.to <= period.to());
            prop_assert!(m.held < m.required);
        }
        // A meeting outside the period changes nothing.
        let mut more = meetings.clone();
        if let Some(before) = period.from().pred_opt() {
            more.push(meeting(MeetingKind::MemberAssembly, before));
        }
        let again = check_life(branch(), period, None, bodies, &more, &policy).unwrap();
        prop_assert_eq!((again.required, again.met), (c.required, c.met));
        // The bulk count is the full check's.
        let checker = LifeChecker::new(period, &policy);
        let rows: Vec<MeetingRow> = meetings.iter().map(MeetingRow::from).collect();
        prop_assert_eq!(checker.summarize(None, bodies, &rows), c.summary());
        // With two requirements of one kind (a province's extra: two 党员大会 a year) the
        // counts take the general path; they are the full check's too, whatever day the
        // period ends on.
        let mut doubled = LifePolicy::default();
        doubled.requirements.push(LifeRequirement::new(
            MeetingKind::MemberAssembly,
            Cadence::Yearly,
            2,
            500,
            zugong_core::Citation::new("某省实施办法", "第一条", zugong_core::SourceStatus::Provisional),
        ));
        let full = check_life(branch(), period, None, bodies, &meetings, &doubled).unwrap();
        let checker = LifeChecker::new(period, &doubled);
        prop_assert_eq!(checker.summarize(None, bodies, &rows), full.summary());
        // Serialization round-trips exactly.
        let text = serde_json::to_string(&c).unwrap();
        let back: LifeCompleteness = serde_json::from_str(&text).unwrap();
        prop_assert_eq!(back, c);
    }
}

const MEETING_KINDS: [MeetingKind; 7] = [
    MeetingKind::MemberAssembly,
    MeetingKind::Committee,
    MeetingKind::GroupMeeting,
    MeetingKind::PartyLecture,
    MeetingKind::ThemedPartyDay,
    MeetingKind::LifeMeeting,
    MeetingKind::MemberAppraisal,
];
