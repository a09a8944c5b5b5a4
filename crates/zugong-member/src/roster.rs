//! The members in bulk: for every unit of the tree, its whole subtree's members by 党籍 stage
//! (正常, 转接中, 停止党籍, 除名), the 流动党员 among them, and those in arrears with their dues
//! and six months or more behind — one pass over flat rows, one over the tree.

use serde::Serialize;
use zugong_core::OrgTree;

use crate::{MembershipStage, PipelineError};

/// One member, flat: the unit slot of their organization, their 党籍 stage, whether they are a
/// 流动党员, and the months of dues unpaid in a row (saturating at 255).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct MemberRow {
    /// The organization's `UnitSlot` index in the tree.
    pub unit: u32,
    /// Where their 党籍 stands.
    pub stage: MembershipStage,
    /// Away six months or more without the relation transferred.
    pub mobile: bool,
    /// Months of dues unpaid in a row.
    pub unpaid_months: u8,
}

impl MemberRow {
    /// A row.
    #[must_use]
    pub const fn new(unit: u32, stage: MembershipStage, mobile: bool, unpaid_months: u8) -> Self {
        Self {
            unit,
            stage,
            mobile,
            unpaid_months,
        }
    }
}

/// The members of one unit's subtree.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct MemberCounts {
    /// Members at each stage, in [`MembershipStage`] declaration order (未编入, 正常, 转接中,
    /// 停止党籍, 除名).
    pub by_stage: [u64; 5],
    /// 流动党员.
    pub mobile: u64,
    /// With at least one month of dues unpaid.
    pub in_arrears: u64,
    /// With at least `lapse_months` unpaid in a row (the 除名 review of 条例 Art 31).
    pub lapsed: u64,
}

impl MemberCounts {
    fn add(&mut self, o: &Self) {
        for (a, b) in self.by_stage.iter_mut().zip(o.by_stage) {
            *a = a.saturating_add(b);
        }
        self.mobile = self.mobile.saturating_add(o.mobile);
        self.in_arrears = self.in_arrears.saturating_add(o.in_arrears);
        self.lapsed = self.lapsed.saturating_add(o.lapsed);
    }

    /// Members at `stage`.
    #[must_use]
    pub fn at(&self, stage: MembershipStage) -> u64 {
        self.by_stage.get(stage as usize).copied().unwrap_or(0)
    }
}

/// For every unit (by slot), the members of its whole subtree; `lapse_months` is the dues
/// policy's signal (6).
///
/// ```
/// use zugong_core::*;
/// use zugong_member::{MemberRow, MembershipStage, member_rollup};
/// let id = |n: u128| OrgUnitId::from_uuid(uuid::Uuid::from_u128(n));
/// let tree = OrgTree::from_units(vec![
///     OrgUnit::new(id(1), "中共望洪镇委员会", OrgKind::Committee, AdminLevel::Township),
///     OrgUnit::new(id(2), "东和村党支部", OrgKind::Branch, AdminLevel::Village).with_parent(id(1)),
/// ])?;
/// let village = tree.slot(id(2)).unwrap().index() as u32;
/// let rows = [
///     MemberRow::new(village, MembershipStage::Active, true, 0),
///     MemberRow::new(village, MembershipStage::Active, false, 6),
///     MemberRow::new(village, MembershipStage::InTransfer, false, 1),
/// ];
/// let counts = member_rollup(&tree, &rows, 6)?;
/// let town = &counts[tree.slot(id(1)).unwrap().index()];
/// assert_eq!((town.at(MembershipStage::Active), town.mobile, town.in_arrears, town.lapsed), (2, 1, 2, 1));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// [`PipelineError::UnknownUnit`] for a row outside the tree.
pub fn member_rollup(
    tree: &OrgTree,
    rows: &[MemberRow],
    lapse_months: u8,
) -> Result<Vec<MemberCounts>, PipelineError> {
    let units = tree.len();
    let mut own = vec![MemberCounts::default(); units];
    for (row, r) in rows.iter().enumerate() {
        let Some(c) = own.get_mut(r.unit as usize) else {
            return Err(PipelineError::UnknownUnit {
                row,
                unit: r.unit,
                units,
            });
        };
        if let Some(s) = c.by_stage.get_mut(r.stage as usize) {
            *s += 1;
        }
        c.mobile += u64::from(r.mobile);
        c.in_arrears += u64::from(r.unpaid_months > 0);
        c.lapsed += u64::from(r.unpaid_months >= lapse_months);
    }
    tree.rollup_in_place(&mut own, MemberCounts::add)?;
    Ok(own)
}
