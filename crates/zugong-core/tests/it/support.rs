//! Shared fixtures and generators.

use chrono::NaiveDate;
use proptest::prelude::*;
use zugong_core::*;

pub fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, dd).unwrap()
}

pub fn unit_id(n: u128) -> OrgUnitId {
    OrgUnitId::from_uuid(uuid::Uuid::from_u128(n))
}

/// Computes the GB 11643 check character of 17 digits.
pub fn check_char(body: &str) -> char {
    const W: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    let s: u32 = body
        .bytes()
        .zip(W)
        .map(|(b, w)| u32::from(b - b'0') * w)
        .sum();
    char::from(b"10X98765432"[(s % 11) as usize])
}

/// Valid 18-character citizen ID numbers.
pub fn valid_citizen_id() -> impl Strategy<Value = String> {
    (
        prop::sample::select(PROVINCE_PREFIXES.to_vec()),
        0u32..10_000,
        1850i32..2025,
        1u32..=12,
        1u32..=31,
        0u32..1000,
    )
        .prop_filter_map("real date", |(p, rest, y, m, dd, seq)| {
            NaiveDate::from_ymd_opt(y, m, dd)?;
            let body = format!("{p:02}{rest:04}{y:04}{m:02}{dd:02}{seq:03}");
            Some(format!("{body}{}", check_char(&body)))
        })
}

/// A three-level county tree: county committee → township committees → village branches.
pub fn county_tree() -> OrgTree {
    let mut units = vec![OrgUnit::new(
        unit_id(1),
        "中共永宁县委员会",
        OrgKind::Committee,
        AdminLevel::County,
    )];
    units.push(
        OrgUnit::new(
            unit_id(10),
            "中共望洪镇委员会",
            OrgKind::Committee,
            AdminLevel::Township,
        )
        .with_parent(unit_id(1)),
    );
    units.push(
        OrgUnit::new(
            unit_id(11),
            "中共杨和镇委员会",
            OrgKind::Committee,
            AdminLevel::Township,
        )
        .with_parent(unit_id(1)),
    );
    units.push(
        OrgUnit::new(
            unit_id(100),
            "东和村党支部",
            OrgKind::Branch,
            AdminLevel::Village,
        )
        .with_parent(unit_id(10))
        .with_host(UnitKind::Village),
    );
    units.push(
        OrgUnit::new(
            unit_id(101),
            "西河村党支部",
            OrgKind::Branch,
            AdminLevel::Village,
        )
        .with_parent(unit_id(11))
        .with_host(UnitKind::Village),
    );
    OrgTree::from_units(units).unwrap()
}
