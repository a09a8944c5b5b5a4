//! What the member tests share: days, members and one tree.

use chrono::NaiveDate;
use zugong_core::*;
use zugong_testkit::unit;

pub fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, dd).unwrap()
}

pub fn member(n: u128) -> MemberId {
    MemberId::from_uuid(uuid::Uuid::from_u128(n))
}

/// Township 1 → branches 2 and 6; township 3 → branch 4.
pub fn tree() -> OrgTree {
    OrgTree::from_units(vec![
        OrgUnit::new(
            unit(1),
            "中共望洪镇委员会",
            OrgKind::Committee,
            AdminLevel::Township,
        ),
        OrgUnit::new(
            unit(2),
            "东和村党支部",
            OrgKind::Branch,
            AdminLevel::Village,
        )
        .with_parent(unit(1)),
        OrgUnit::new(
            unit(6),
            "西和村党支部",
            OrgKind::Branch,
            AdminLevel::Village,
        )
        .with_parent(unit(1)),
        OrgUnit::new(
            unit(3),
            "中共杨和镇委员会",
            OrgKind::Committee,
            AdminLevel::Township,
        ),
        OrgUnit::new(
            unit(4),
            "红星村党支部",
            OrgKind::Branch,
            AdminLevel::Village,
        )
        .with_parent(unit(3)),
    ])
    .unwrap()
}
