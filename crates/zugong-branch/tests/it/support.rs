use chrono::NaiveDate;
use zugong_branch::*;
use zugong_core::*;

pub fn d(m: u32, dd: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, dd).unwrap()
}

pub fn id(n: u128) -> OrgUnitId {
    OrgUnitId::from_uuid(uuid::Uuid::from_u128(n))
}

/// County 1 → towns 10, 11 → branches 100 (town 10), 110 (town 11).
pub fn tree() -> OrgTree {
    OrgTree::from_units(vec![
        OrgUnit::new(
            id(1),
            "中共永宁县委员会",
            OrgKind::Committee,
            AdminLevel::County,
        ),
        OrgUnit::new(
            id(10),
            "中共闽宁镇委员会",
            OrgKind::Committee,
            AdminLevel::Township,
        )
        .with_parent(id(1)),
        OrgUnit::new(
            id(11),
            "中共望洪镇委员会",
            OrgKind::Committee,
            AdminLevel::Township,
        )
        .with_parent(id(1)),
        OrgUnit::new(
            id(100),
            "原隆村党支部",
            OrgKind::Branch,
            AdminLevel::Village,
        )
        .with_parent(id(10)),
        OrgUnit::new(
            id(110),
            "东和村党支部",
            OrgKind::Branch,
            AdminLevel::Village,
        )
        .with_parent(id(11)),
    ])
    .unwrap()
}

/// Scores every indicator at `per_mille` of its maximum (rounded down to tenths), with evidence.
pub fn sheet(rubric: &Rubric, per_mille: u32) -> Scoresheet {
    let mut s = Scoresheet::default();
    for ind in rubric.data().dimensions.iter().flat_map(|x| &x.indicators) {
        s.scores.insert(
            ind.code.clone(),
            Points::from_tenths(ind.max.tenths() * per_mille / 1000),
        );
        s.evidence.insert(ind.code.clone(), vec!["台账".into()]);
    }
    s
}

/// A sheet for the 110-point preset whose indicators add up to exactly `tenths`.
pub fn sheet_110(rubric: &Rubric, tenths: u32) -> Scoresheet {
    let mut s = Scoresheet::default();
    let mut left = tenths;
    for ind in rubric.data().dimensions.iter().flat_map(|x| &x.indicators) {
        let give = left.min(ind.max.tenths());
        left -= give;
        s.scores.insert(ind.code.clone(), Points::from_tenths(give));
        s.evidence.insert(ind.code.clone(), vec!["台账".into()]);
    }
    assert_eq!(left, 0, "more than the indicators can hold");
    s
}

pub use zugong_testkit::{run, stream, verified, verified_all};
