use chrono::NaiveDate;
use zugong_core::journal::Journal;
use zugong_core::*;
use zugong_training::*;

use crate::support::*;

fn ledger_with(credits: &[Credit]) -> HoursLedger {
    let tree = tree();
    let mut ledger = HoursLedger::default();
    let mut journal = Journal::new();
    let ctx = LedgerContext { tree: &tree };
    let s = (d(1, 1), Authority::organization_department(id(1)));
    crate::support::run(
        &mut ledger,
        &mut journal,
        &LedgerCommand::Open {
            member: member(1),
            unit: id(100),
        },
        &ctx,
        s.0,
        s.1,
    )
    .unwrap();
    for c in credits {
        crate::support::run(
            &mut ledger,
            &mut journal,
            &LedgerCommand::Credit(c.clone()),
            &ctx,
            s.0,
            s.1,
        )
        .unwrap();
    }
    ledger
}

fn c(tenths: u32, days: u32, on: NaiveDate, kind: TrainingKind, mode: TrainingMode) -> Credit {
    Credit {
        class: None,
        on,
        tier: None,
        kind,
        mode,
        hours: StudyHours::from_tenths(tenths),
        days,
    }
}

fn concentrated(tenths: u32, on: NaiveDate) -> Credit {
    c(
        tenths,
        1,
        on,
        TrainingKind::Rotational,
        TrainingMode::Concentrated,
    )
}

#[test]
fn members_need_exactly_32() {
    let policy = TrainingPolicy::default();
    let member_only = TrainingProfile {
        member: true,
        ..Default::default()
    };
    let exactly = ledger_with(&[concentrated(200, d(3, 1)), concentrated(120, d(9, 1))]);
    let check = &check_requirements(&member_only, &exactly, d(12, 31), &policy)[0];
    assert!(check.is_met());
    assert_eq!(check.missing.hours, StudyHours::ZERO);
    let short = ledger_with(&[concentrated(200, d(3, 1)), concentrated(119, d(9, 1))]);
    let check = &check_requirements(&member_only, &short, d(12, 31), &policy)[0];
    assert_eq!(check.status, RequirementStatus::Due { by: d(12, 31) });
    assert_eq!(check.missing.hours, StudyHours::from_tenths(1));
    let check = &check_requirements(
        &member_only,
        &short,
        NaiveDate::from_ymd_opt(2027, 1, 1).unwrap(),
        &policy,
    )[0];
    assert_eq!(
        check.achieved.hours,
        StudyHours::ZERO,
        "a new year starts from zero"
    );
    // Online hours do not count toward the 32 by default.
    let online = ledger_with(&[c(
        320,
        0,
        d(3, 1),
        TrainingKind::Thematic,
        TrainingMode::Online,
    )]);
    assert!(!check_requirements(&member_only, &online, d(12, 31), &policy)[0].is_met());
    assert_eq!(check.citation.article, "第二十条");
}

#[test]
fn secretaries_need_56_with_a_concentrated_session_and_early_appointment_training() {
    let policy = TrainingPolicy::default();
    let secretary = TrainingProfile {
        member: true,
        secretary_since: Some(d(3, 1)),
        ..Default::default()
    };
    let online_only = ledger_with(&[c(
        560,
        0,
        d(4, 1),
        TrainingKind::Thematic,
        TrainingMode::Online,
    )]);
    let checks = check_requirements(&secretary, &online_only, d(12, 31), &policy);
    let find = |r| checks.iter().find(|c| c.requirement == r).unwrap();
    assert!(find(Requirement::SecretaryYearlyHours).is_met());
    assert_eq!(
        find(Requirement::SecretaryConcentratedSession)
            .missing
            .sessions,
        1
    );
    assert_eq!(
        find(Requirement::NewSecretaryTraining).status,
        RequirementStatus::Overdue { since: d(9, 1) }
    );
    assert!(
        checks
            .iter()
            .all(|c| c.requirement != Requirement::MemberYearlyHours)
    );

    let trained = ledger_with(&[
        c(
            240,
            3,
            d(8, 31),
            TrainingKind::Appointment,
            TrainingMode::Concentrated,
        ),
        concentrated(320, d(10, 1)),
    ]);
    let checks = check_requirements(&secretary, &trained, d(12, 31), &policy);
    assert!(checks.iter().all(RequirementCheck::is_met), "{checks:#?}");
    // Before the six months are up the training is only due.
    let checks = check_requirements(&secretary, &ledger_with(&[]), d(5, 1), &policy);
    let new = checks
        .iter()
        .find(|c| c.requirement == Requirement::NewSecretaryTraining)
        .unwrap();
    assert_eq!(new.status, RequirementStatus::Due { by: d(9, 1) });
    // The requirement ends with its window: overdue through the year it closed in, then no
    // longer a new secretary's.
    let next_year = NaiveDate::from_ymd_opt(2027, 1, 1).unwrap();
    let checks = check_requirements(&secretary, &ledger_with(&[]), next_year, &policy);
    assert!(
        checks
            .iter()
            .all(|c| c.requirement != Requirement::NewSecretaryTraining),
        "{checks:#?}"
    );
}

#[test]
fn senior_cadres_need_550_hours_or_three_calendar_months_in_five_years() {
    let policy = TrainingPolicy::default();
    let senior = TrainingProfile {
        cadre: Some(CadreStanding {
            rank: Some(LeadershipRank::CountyDivisionDeputy),
            grade: None,
            promoted_on: None,
        }),
        ..Default::default()
    };
    // The window is the plan cycle (2023–2027), not five years back from the day.
    let old = NaiveDate::from_ymd_opt(2022, 12, 31).unwrap();
    let window_start = NaiveDate::from_ymd_opt(2023, 1, 1).unwrap();
    let window_end = NaiveDate::from_ymd_opt(2027, 12, 31).unwrap();
    let hours = ledger_with(&[
        concentrated(5000, window_start),
        concentrated(500, d(6, 1)),
        concentrated(3000, old),
    ]);
    let check = &check_requirements(&senior, &hours, d(12, 31), &policy)[0];
    assert_eq!(check.requirement, Requirement::SeniorCadreWindow);
    assert_eq!(check.period, (window_start, window_end));
    assert!(check.is_met(), "{check:?}");
    // 3个月 are calendar months: a class from 1 February to 30 April is three months in 89
    // days; one from 1 March to 30 May falls a day short of its three months (92 days).
    let off_job = |tenths, days, on| {
        c(
            tenths,
            days,
            on,
            TrainingKind::Thematic,
            TrainingMode::FullTimeOffJob,
        )
    };
    let february = ledger_with(&[off_job(10, 89, d(4, 30))]);
    let check = &check_requirements(&senior, &february, d(12, 31), &policy)[0];
    assert!(check.is_met(), "{check:?}");
    assert_eq!(check.required.days, 89);
    let short = ledger_with(&[off_job(5490, 91, d(5, 30))]);
    let check = &check_requirements(&senior, &short, d(12, 31), &policy)[0];
    assert_eq!(check.required.days, 92);
    assert_eq!(
        check.missing,
        TrainingAmount {
            hours: StudyHours::whole(1),
            days: 1,
            sessions: 0
        }
    );
    let full = ledger_with(&[off_job(10, 92, d(5, 31))]);
    assert!(check_requirements(&senior, &full, d(12, 31), &policy)[0].is_met());
    // Short in 2026: due by the cycle's end, not overdue every day of it.
    assert_eq!(check.status, RequirementStatus::Due { by: window_end });
    let next = NaiveDate::from_ymd_opt(2028, 1, 1).unwrap();
    let check = &check_requirements(&senior, &short, next, &policy)[0];
    assert_eq!(check.period.0, next, "a new cycle starts in 2028");
    // A province on its own cycle (2024–2028).
    let own = TrainingPolicy {
        senior_cadre_cycle_start_year: 2024,
        ..policy.clone()
    };
    let check = &check_requirements(&senior, &short, d(12, 31), &own)[0];
    assert_eq!(check.period.0, NaiveDate::from_ymd_opt(2024, 1, 1).unwrap());
    // Newly promoted: a year to catch up, or the cycle's end if later.
    let promoted = TrainingProfile {
        cadre: Some(CadreStanding {
            rank: Some(LeadershipRank::CountyDivisionDeputy),
            grade: None,
            promoted_on: Some(d(3, 1)),
        }),
        ..Default::default()
    };
    let check = &check_requirements(&promoted, &short, d(12, 31), &policy)[0];
    assert_eq!(check.status, RequirementStatus::Due { by: window_end });
    // 四级调研员 counts as senior; 一级主任科员 does not.
    assert!(
        CadreStanding {
            rank: None,
            grade: Some(CivilServiceGrade::FourthClassResearcher),
            promoted_on: None
        }
        .is_senior()
    );
    assert!(
        !CadreStanding {
            rank: None,
            grade: Some(CivilServiceGrade::FirstClassPrincipalStaff),
            promoted_on: None
        }
        .is_senior()
    );
}

#[test]
fn junior_cadres_need_12_days_or_90_hours_a_year() {
    let policy = TrainingPolicy::default();
    let junior = TrainingProfile {
        cadre: Some(CadreStanding {
            rank: Some(LeadershipRank::TownshipSectionChief),
            grade: None,
            promoted_on: None,
        }),
        ..Default::default()
    };
    let days = ledger_with(&[c(
        100,
        12,
        d(4, 1),
        TrainingKind::InService,
        TrainingMode::Concentrated,
    )]);
    assert!(check_requirements(&junior, &days, d(12, 31), &policy)[0].is_met());
    let hours = ledger_with(&[c(
        900,
        2,
        d(4, 1),
        TrainingKind::InService,
        TrainingMode::Concentrated,
    )]);
    assert!(check_requirements(&junior, &hours, d(12, 31), &policy)[0].is_met());
    let neither = ledger_with(&[c(
        899,
        11,
        d(4, 1),
        TrainingKind::InService,
        TrainingMode::Concentrated,
    )]);
    let check = &check_requirements(&junior, &neither, d(12, 31), &policy)[0];
    assert_eq!(check.requirement, Requirement::JuniorCadreYearly);
    assert_eq!(
        check.missing,
        TrainingAmount {
            hours: StudyHours::from_tenths(1),
            days: 1,
            sessions: 0
        }
    );
}

#[test]
fn policy_values_are_checked() {
    use zugong_core::Policy;
    let mut p = TrainingPolicy::default();
    assert_eq!(p.days_to_hours(3), None);
    p.hours_per_day = Some(StudyHours::whole(8));
    assert_eq!(p.days_to_hours(3), Some(StudyHours::whole(24)));
    p.leave_limit = Fraction {
        numerator: 1,
        denominator: 0,
    };
    assert!(matches!(
        p.validate(),
        Err(PolicyError::Invalid {
            field: "leave_limit",
            ..
        })
    ));
    let p = TrainingPolicy {
        senior_cadre_window_years: 0,
        ..Default::default()
    };
    assert!(matches!(p.validate(), Err(PolicyError::OutOfRange { .. })));
    let p = TrainingPolicy {
        member_counted_modes: vec![],
        ..Default::default()
    };
    assert!(p.validate().is_err());
    assert!(
        TrainingPolicy::default()
            .citations()
            .iter()
            .all(|(_, c)| !c.regulation.is_empty())
    );
    let json = serde_json::to_string(&TrainingPolicy::default()).unwrap();
    assert_eq!(
        serde_json::from_str::<TrainingPolicy>(&json).unwrap(),
        TrainingPolicy::default()
    );
    assert!("3.55".parse::<StudyHours>().is_err());
    assert!("abc".parse::<StudyHours>().is_err());
    assert_eq!(
        "32学时".parse::<StudyHours>().unwrap(),
        StudyHours::whole(32)
    );
    for t in TrainingTier::ALL {
        assert_eq!(t.to_string().parse::<TrainingTier>().unwrap(), *t);
    }
}

/// The training policy refuses what loosens 第十四条, 第十五条 and 第二十条, where it is read.
#[test]
fn training_policy_refuses_loosening_where_it_is_read() {
    use zugong_core::Policy;
    let with = |field: &str, value: serde_json::Value| {
        let mut v = serde_json::to_value(TrainingPolicy::default()).unwrap();
        v[field] = value;
        serde_json::from_value::<TrainingPolicy>(v)
    };
    // 32 学时 a year, in tenths: 320. A province may ask more, never less, never none.
    assert!(with("member_yearly_hours", serde_json::json!(400)).is_ok());
    assert!(with("member_yearly_hours", serde_json::json!(0)).is_err());
    assert!(with("member_yearly_hours", serde_json::json!(319)).is_err());
    assert!(with("junior_cadre_yearly_days", serde_json::json!(11)).is_err());
    // A day converts to at most 24 学时.
    assert!(with("hours_per_day", serde_json::json!(240)).is_ok());
    assert!(with("hours_per_day", serde_json::json!(241)).is_err());
    assert!(with("hours_per_day", serde_json::json!(0)).is_err());
    // Leave: at most 1/7.
    assert!(
        with(
            "leave_limit",
            serde_json::json!({"numerator": 1, "denominator": 10})
        )
        .is_ok()
    );
    assert!(
        with(
            "leave_limit",
            serde_json::json!({"numerator": 1, "denominator": 6})
        )
        .is_err()
    );
    // Counting a mode 第二十条 does not count loosens it.
    let mut p = TrainingPolicy::default();
    p.member_counted_modes.push(TrainingMode::Online);
    assert!(p.validate().is_err());
    p.member_counted_modes = vec![TrainingMode::Concentrated];
    assert!(p.validate().is_ok());
}
