use zugong_core::*;

use crate::support::{d, unit_id};

fn person() -> Person {
    Person::new(
        PersonId::from_uuid(uuid::Uuid::from_u128(5)),
        "马建国",
        Sex::Male,
        d(1980, 3, 1),
    )
    .unwrap()
}

#[test]
fn three_ages_at_their_thresholds() {
    let mut p = person();
    p.set_work_start(Some(d(2001, 7, 1))).unwrap();
    p.set_party_dates(Some(d(2000, 6, 1)), Some(d(2001, 6, 1)))
        .unwrap();
    // 工龄 reaches 5 on the fifth anniversary, not the day before.
    assert_eq!(p.work_years_on(d(2006, 6, 30)), Some(4));
    assert_eq!(p.work_years_on(d(2006, 7, 1)), Some(5));
    // 党龄 counts from 转正, not from 入党.
    assert_eq!(p.party_standing_on(d(2006, 5, 31)), Some(4));
    assert_eq!(p.party_standing_on(d(2006, 6, 1)), Some(5));
    assert_eq!(p.party_standing_on(d(2001, 5, 1)), None);
    assert_eq!(p.age_on(d(2026, 2, 28)), 45);
    assert_eq!(p.age_on(d(2026, 3, 1)), 46);
}

#[test]
fn inconsistent_dates_are_refused_and_nothing_changes() {
    let mut p = person();
    let before = p.clone();
    assert_eq!(
        p.set_work_start(Some(d(1979, 1, 1))),
        Err(PersonError::DatesOutOfOrder {
            earlier: FactKind::BirthDate,
            earlier_date: d(1980, 3, 1),
            later: FactKind::WorkStart,
            later_date: d(1979, 1, 1)
        })
    );
    assert_eq!(
        p.set_party_dates(None, Some(d(2001, 1, 1))),
        Err(PersonError::FullMembershipWithoutJoining)
    );
    assert!(matches!(
        p.set_party_dates(Some(d(2002, 1, 1)), Some(d(2001, 1, 1))),
        Err(PersonError::DatesOutOfOrder {
            earlier: FactKind::PartyJoin,
            ..
        })
    ));
    assert_eq!(p, before);
    assert_eq!(
        Person::new(
            PersonId::from_uuid(uuid::Uuid::nil()),
            " ",
            Sex::Female,
            d(1990, 1, 1)
        ),
        Err(PersonError::EmptyField { field: "name" })
    );
    assert_eq!(
        Ethnicity::new(""),
        Err(PersonError::EmptyField { field: "ethnicity" })
    );
}

#[test]
fn recognitions_are_recorded_decisions() {
    let mut p = person();
    let rec = FactRecognition {
        fact: FactKind::BirthDate,
        value: d(1979, 11, 2),
        evidence: "1994年入团志愿书".into(),
        decided_by: unit_id(1),
        decided_on: d(2020, 5, 6),
    };
    p.recognize(rec.clone()).unwrap();
    assert_eq!(p.birth_date(), d(1979, 11, 2));
    assert_eq!(p.recognitions(), std::slice::from_ref(&rec));
    let blank = FactRecognition {
        evidence: " ".into(),
        ..rec
    };
    assert_eq!(
        p.recognize(blank),
        Err(PersonError::RecognitionWithoutEvidence {
            fact: FactKind::BirthDate
        })
    );
    assert_eq!(p.recognitions().len(), 1);
}

#[test]
fn education_levels_order_and_attainment() {
    let mut p = person();
    assert_eq!(p.highest_education(), None);
    let course = |level, completion| EducationRecord {
        level,
        degree: None,
        mode: StudyMode::FullTime,
        completion,
        institution: "宁夏大学".into(),
        major: "法学".into(),
        finished_on: None,
    };
    p.add_education(course(EducationLevel::JuniorCollege, Completion::Graduated));
    p.add_education(course(EducationLevel::Postgraduate, Completion::Incomplete));
    p.add_education(course(EducationLevel::Undergraduate, Completion::Graduated));
    assert_eq!(p.highest_education(), Some(EducationLevel::Undergraduate));
    assert!(EducationLevel::Undergraduate >= EducationLevel::JuniorCollege);
}

#[test]
fn persons_are_validated_when_read() {
    let json = r#"{"id":"00000000-0000-0000-0000-000000000005","name":"马建国","sex":"male","birth_date":"1980-03-01","political_status":"cpc_member","citizen_id":"640104198003010011"}"#;
    let err = serde_json::from_str::<Person>(json).unwrap_err();
    assert!(err.to_string().contains("check character"), "{err}");
    let json = r#"{"id":"00000000-0000-0000-0000-000000000005","name":"马建国","sex":"male","birth_date":"1980-03-01","political_status":"cpc_member","work_started_on":"1970-01-01"}"#;
    let err = serde_json::from_str::<Person>(json).unwrap_err();
    assert!(err.to_string().contains("cannot be before"), "{err}");
    assert!(serde_json::from_str::<Person>("{\"id\": 3").is_err());
}

#[test]
fn membership_age_and_probation() {
    let p = MembershipPolicy::default();
    let d = |y, m, dd| chrono::NaiveDate::from_ymd_opt(y, m, dd).unwrap();
    // Joining on the 18th birthday is allowed, the day before is not (党章 第一条).
    assert!(p.old_enough(d(2004, 6, 15), d(2022, 6, 15)));
    assert!(!p.old_enough(d(2004, 6, 15), d(2022, 6, 14)));
    // The probation ends a year after joining (第七条).
    assert_eq!(p.probation_ends(d(2025, 7, 1)), Some(d(2026, 7, 1)));
    assert_eq!(p.validate(), Ok(()));
    let bad = MembershipPolicy {
        probation_years: 0,
        ..p
    };
    assert!(matches!(
        bad.validate(),
        Err(PolicyError::OutOfRange {
            field: "probation_years",
            ..
        })
    ));
    let cited: Vec<&str> = p.citations().iter().map(|(f, _)| *f).collect();
    assert_eq!(cited, ["min_age_years", "probation_years"]);
}

/// 党章: 年满十八岁 and a 预备期 of one year; a policy that loosens either is refused where it
/// is read.
#[test]
fn membership_policy_refuses_loosening_where_it_is_read() {
    let read = |text: &str| serde_json::from_str::<MembershipPolicy>(text);
    assert!(read(r#"{"min_age_years":18,"probation_years":1}"#).is_ok());
    assert!(read(r#"{"min_age_years":20,"probation_years":1}"#).is_ok());
    let e = read(r#"{"min_age_years":16,"probation_years":1}"#).unwrap_err();
    assert!(e.to_string().contains("loosens"), "{e}");
    assert!(read(r#"{"min_age_years":18,"probation_years":0}"#).is_err());
    assert!(read(r#"{"min_age_years":18,"probation_years":2}"#).is_err());
}
