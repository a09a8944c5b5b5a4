use chrono::NaiveDate;
use zugong_core::*;
use zugong_talent::*;

pub fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, dd).unwrap()
}

pub fn id(n: u128) -> OrgUnitId {
    OrgUnitId::from_uuid(uuid::Uuid::from_u128(n))
}

pub fn talent(n: u128) -> TalentId {
    TalentId::from_uuid(uuid::Uuid::from_u128(n))
}

/// Region 1 → city 2 → employer 3 (under the city); employer 4 directly under the region.
pub fn tree() -> OrgTree {
    OrgTree::from_units(vec![
        OrgUnit::new(
            id(1),
            "中共宁夏回族自治区委员会",
            OrgKind::Committee,
            AdminLevel::Provincial,
        ),
        OrgUnit::new(
            id(2),
            "中共银川市委员会",
            OrgKind::Committee,
            AdminLevel::Prefectural,
        )
        .with_parent(id(1)),
        OrgUnit::new(
            id(3),
            "银川某企业党委",
            OrgKind::GrassrootsCommittee,
            AdminLevel::Prefectural,
        )
        .with_parent(id(2)),
        OrgUnit::new(
            id(4),
            "宁夏大学党委",
            OrgKind::GrassrootsCommittee,
            AdminLevel::Provincial,
        )
        .with_parent(id(1)),
    ])
    .unwrap()
}

pub fn applicant(n: u128, birth: NaiveDate, field: ResearchField) -> Applicant {
    Applicant {
        talent: talent(n),
        name: format!("申报人{n}"),
        birth_date: birth,
        education: Some(EducationLevel::Postgraduate),
        title: Some(ProfessionalTitle::Intermediate),
        field,
        industry: Some("wine".into()),
        current_tiers: vec![],
        non_professional_leader: false,
        engagement: Engagement::Employed { employer: id(3) },
    }
}

pub use zugong_testkit::{run, stream, verified};
