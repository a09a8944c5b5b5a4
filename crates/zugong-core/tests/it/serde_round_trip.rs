use chrono::NaiveDate;
use proptest::prelude::*;
use serde::{Serialize, de::DeserializeOwned};
use zugong_core::*;

use crate::support::{county_tree, d, unit_id, valid_citizen_id};

fn round_trip<T: Serialize + DeserializeOwned + PartialEq + std::fmt::Debug>(value: &T) {
    let json = serde_json::to_string(value).unwrap();
    let back: T = serde_json::from_str(&json).unwrap();
    assert_eq!(&back, value, "{json}");
}

fn check_terms<T>(all: &[T])
where
    T: Serialize
        + DeserializeOwned
        + PartialEq
        + std::fmt::Debug
        + std::fmt::Display
        + std::str::FromStr,
    <T as std::str::FromStr>::Err: std::fmt::Debug,
{
    for v in all {
        round_trip(v);
        assert_eq!(&v.to_string().parse::<T>().unwrap(), v);
        // serde codes are snake_case ASCII, never the Chinese term.
        let code = serde_json::to_string(v).unwrap();
        assert!(
            code.bytes()
                .all(|b| b.is_ascii_lowercase() || b == b'_' || b == b'"'),
            "{code}"
        );
    }
}

#[test]
fn every_closed_enum() {
    check_terms(LeadershipRank::ALL);
    check_terms(CivilServiceGrade::ALL);
    check_terms(RankLevel::ALL);
    check_terms(PostSeniority::ALL);
    check_terms(AdminLevel::ALL);
    check_terms(OrgKind::ALL);
    check_terms(EducationLevel::ALL);
    check_terms(Degree::ALL);
    check_terms(StudyMode::ALL);
    check_terms(Completion::ALL);
    check_terms(Sex::ALL);
    check_terms(FactKind::ALL);
    check_terms(DemocraticParty::ALL);
    check_terms(AuthorityBody::ALL);
    let statuses: Vec<PoliticalStatus> = (1..=13).filter_map(PoliticalStatus::from_code).collect();
    for s in &statuses {
        round_trip(s);
        assert_eq!(&s.to_string().parse::<PoliticalStatus>().unwrap(), s);
    }
    for r in [
        RankOrGrade::Leadership(LeadershipRank::CountyDivisionChief),
        RankOrGrade::Grade(CivilServiceGrade::FirstClassStaff),
    ] {
        round_trip(&r);
        assert_eq!(r.to_string().parse::<RankOrGrade>().unwrap(), r);
    }
}

#[test]
fn literal_json_both_ways() {
    let status = PoliticalStatus::DemocraticParty(DemocraticParty::JiusanSociety);
    assert_eq!(
        serde_json::to_string(&status).unwrap(),
        r#"{"democratic_party":"jiusan_society"}"#
    );
    assert_eq!(
        serde_json::from_str::<PoliticalStatus>(r#""cpc_member""#).unwrap(),
        PoliticalStatus::CpcMember
    );
    assert_eq!(
        serde_json::to_string(&RankOrGrade::Grade(
            CivilServiceGrade::FourthClassResearcher
        ))
        .unwrap(),
        r#"{"grade":"fourth_class_researcher"}"#
    );
    let authority = Authority::organization_department(unit_id(1));
    assert_eq!(
        serde_json::to_string(&authority).unwrap(),
        r#"{"unit":"00000000-0000-0000-0000-000000000001","body":"organization_department"}"#
    );
    let unit: OrgUnit = serde_json::from_str(
        r#"{"id":"00000000-0000-0000-0000-000000000002","name":"东和村党支部","kind":"branch","level":"village","host":"village","parent":"00000000-0000-0000-0000-000000000001","division":"640121"}"#,
    )
    .unwrap();
    assert_eq!(unit.host, Some(UnitKind::Village));
    assert_eq!(unit.division.unwrap().to_string(), "640121");
    assert!(
        serde_json::from_str::<OrgUnit>(
            r#"{"id":"x","name":"a","kind":"branch","level":"village"}"#
        )
        .is_err()
    );
    assert!(serde_json::from_str::<OrgUnit>(r#"{"id":"00000000-0000-0000-0000-000000000002","name":"a","kind":"支部","level":"village"}"#).is_err());
    assert_eq!(
        serde_json::from_str::<UnitKind>(r#""物业公司""#).unwrap(),
        UnitKind::Other("物业公司".into())
    );
}

#[test]
fn composite_values() {
    round_trip(&county_tree());
    round_trip(&WorkCalendar::official());
    round_trip(&WorkCalendar::weekends_only());
    round_trip(&GradePromotionPolicy::default());
    round_trip(&JurisdictionPolicy::default());
    round_trip(&Citation::owned(
        "《宁夏某规定》".into(),
        "第三条".into(),
        SourceStatus::Provisional,
    ));
    round_trip(&Actor {
        id: ActorId::from_uuid(uuid::Uuid::from_u128(3)),
        authority: Authority::party_committee(unit_id(1)),
    });
    round_trip(&DivisionCode::new("640000").unwrap());
    for k in [
        UnitKind::Organ,
        UnitKind::NewEmploymentGroup,
        UnitKind::Other("律师事务所".into()),
    ] {
        round_trip(&k);
    }
    let at = "2026-03-01T08:00:00Z".parse().unwrap();
    for id in [CadreId::from_parts(at, 1), CadreId::new_v7(at)] {
        round_trip(&id);
        assert_eq!(id.to_string().parse::<CadreId>().unwrap(), id);
        assert_eq!(id.as_uuid().get_version_num(), 7);
    }
    assert_eq!(CadreId::from_parts(at, 1), CadreId::from_parts(at, 1));
    assert_ne!(CadreId::from_parts(at, 1), CadreId::from_parts(at, 2));
}

fn date_between(from: NaiveDate, days: u64) -> impl Strategy<Value = NaiveDate> {
    (0..days).prop_map(move |k| from + chrono::Days::new(k))
}

prop_compose! {
    fn arb_person()(
        n in any::<u128>(),
        name in "[\\u4e00-\\u9fa5]{2,4}",
        male in any::<bool>(),
        birth in date_between(d(1950, 1, 1), 20_000),
        work_after in prop::option::of(6_000u64..9_000),
        party in prop::option::of((6_000u64..12_000, prop::option::of(300u64..500))),
        status in 1u8..=13,
        id in prop::option::of(valid_citizen_id()),
        levels in prop::collection::vec(0usize..8, 0..3),
    ) -> Person {
        let sex = if male { Sex::Male } else { Sex::Female };
        let mut p = Person::new(PersonId::from_uuid(uuid::Uuid::from_u128(n)), name, sex, birth).unwrap();
        p.set_work_start(work_after.map(|k| birth + chrono::Days::new(k))).unwrap();
        if let Some((join, full)) = party {
            let joined = birth + chrono::Days::new(join);
            p.set_party_dates(Some(joined), full.map(|f| joined + chrono::Days::new(f))).unwrap();
        }
        p.set_political_status(PoliticalStatus::from_code(status).unwrap());
        p.set_citizen_id(id.map(|s| s.parse().unwrap()));
        p.set_ethnicity(Some(Ethnicity::new("回族").unwrap()));
        for l in levels {
            p.add_education(EducationRecord {
                level: EducationLevel::ALL[l],
                degree: Some(Degree::Master),
                mode: StudyMode::InService,
                completion: Completion::Graduated,
                institution: "中共宁夏区委党校".into(),
                major: "公共管理".into(),
                finished_on: Some(birth + chrono::Days::new(9_000)),
            });
        }
        p
    }
}

proptest! {
    #[test]
    fn persons_round_trip(p in arb_person()) {
        let json = serde_json::to_string(&p).unwrap();
        prop_assert_eq!(serde_json::from_str::<Person>(&json).unwrap(), p.clone());
        // Debug never shows the full citizen ID number.
        if let Some(id) = p.citizen_id() {
            let shown = format!("{:?}", p);
            prop_assert!(!shown.contains(id.expose()));
        }
    }

    #[test]
    fn random_json_never_panics(s in "\\PC{0,64}") {
        let _ = serde_json::from_str::<Person>(&s);
        let _ = serde_json::from_str::<OrgTree>(&s);
        let _ = serde_json::from_str::<WorkCalendar>(&s);
    }
}
