use chrono::NaiveDate;
use zugong_core::*;
use zugong_training::*;

pub fn d(m: u32, dd: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, dd).unwrap()
}

pub fn id(n: u128) -> OrgUnitId {
    OrgUnitId::from_uuid(uuid::Uuid::from_u128(n))
}

pub fn member(n: u128) -> MemberId {
    MemberId::from_uuid(uuid::Uuid::from_u128(n))
}

/// County 1 → townships 10, 11 → branches 100, 101 (under 10) and 110 (under 11); city 0 above.
pub fn tree() -> OrgTree {
    OrgTree::from_units(vec![
        OrgUnit::new(
            id(0),
            "中共银川市委员会",
            OrgKind::Committee,
            AdminLevel::Prefectural,
        ),
        OrgUnit::new(
            id(1),
            "中共永宁县委员会",
            OrgKind::Committee,
            AdminLevel::County,
        )
        .with_parent(id(0)),
        OrgUnit::new(
            id(10),
            "中共望洪镇委员会",
            OrgKind::Committee,
            AdminLevel::Township,
        )
        .with_parent(id(1)),
        OrgUnit::new(
            id(11),
            "中共杨和镇委员会",
            OrgKind::Committee,
            AdminLevel::Township,
        )
        .with_parent(id(1)),
        OrgUnit::new(
            id(100),
            "东和村党支部",
            OrgKind::Branch,
            AdminLevel::Village,
        )
        .with_parent(id(10)),
        OrgUnit::new(
            id(101),
            "西和村党支部",
            OrgKind::Branch,
            AdminLevel::Village,
        )
        .with_parent(id(10)),
        OrgUnit::new(
            id(110),
            "红星村党支部",
            OrgKind::Branch,
            AdminLevel::Village,
        )
        .with_parent(id(11)),
    ])
    .unwrap()
}

pub fn plan(organizer: OrgUnitId, tier: TrainingTier, hours: u32, capacity: u32) -> ClassPlan {
    ClassPlan {
        id: TrainingClassId::from_uuid(uuid::Uuid::from_u128(500)),
        name: "2026年党员集中轮训".into(),
        organizer,
        delivered_by: None,
        tier,
        kind: TrainingKind::Rotational,
        mode: TrainingMode::Concentrated,
        targets: vec![MemberGroup::Member, MemberGroup::Secretary],
        starts_on: d(5, 11),
        ends_on: d(5, 15),
        days: 5,
        hours: StudyHours::whole(hours),
        capacity,
    }
}

pub use zugong_testkit::{run, stream, verified};
