use chrono::NaiveDate;
use zugong_core::journal::Act;
use zugong_core::*;

pub fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, dd).unwrap()
}

pub fn id(n: u128) -> OrgUnitId {
    OrgUnitId::from_uuid(uuid::Uuid::from_u128(n))
}

pub fn cadre(n: u128) -> CadreId {
    CadreId::from_uuid(uuid::Uuid::from_u128(n))
}

/// The act of a clerk for `who` on `on`, at 09:00 China Standard Time.
pub fn act(on: NaiveDate, who: Authority) -> Act {
    Act::on_day(on, 0, ActorId::from_uuid(uuid::Uuid::from_u128(1)), who)
}

/// City 1 → county 2 → bureau 3 (county level) and township 4; county 5 elsewhere.
pub fn tree() -> OrgTree {
    OrgTree::from_units(vec![
        OrgUnit::new(
            id(1),
            "中共银川市委员会",
            OrgKind::Committee,
            AdminLevel::Prefectural,
        ),
        OrgUnit::new(
            id(2),
            "中共永宁县委员会",
            OrgKind::Committee,
            AdminLevel::County,
        )
        .with_parent(id(1)),
        OrgUnit::new(
            id(3),
            "县教育局党组",
            OrgKind::LeadingGroup,
            AdminLevel::County,
        )
        .with_parent(id(2)),
        OrgUnit::new(
            id(4),
            "中共望洪镇委员会",
            OrgKind::Committee,
            AdminLevel::Township,
        )
        .with_parent(id(2)),
        OrgUnit::new(
            id(5),
            "中共贺兰县委员会",
            OrgKind::Committee,
            AdminLevel::County,
        )
        .with_parent(id(1)),
    ])
    .unwrap()
}

pub use zugong_testkit::{assert_plain_refusal, run, stream, verified};
