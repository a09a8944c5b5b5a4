//! The development pipeline in bulk: for every unit of the tree, the applicants at each stage
//! and the steps overdue in its whole subtree — one pass over flat rows, one over the tree.

use serde::Serialize;
use thiserror::Error;
use zugong_core::{OrgTree, OrgTreeError};

use crate::DevelopmentStage;

/// One applicant, flat: the unit slot of their branch, their stage, whether a step is overdue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DevelopmentRow {
    /// The branch's `UnitSlot` index in the tree.
    pub unit: u32,
    /// Where the path stands.
    pub stage: DevelopmentStage,
    /// A step past its deadline (审批 beyond its window, the talk later than a month…).
    pub overdue: bool,
}

/// The pipeline of one unit's subtree.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Pipeline {
    /// Paths at each stage, in [`DevelopmentStage::ALL`] order (the stages' declaration order,
    /// so `stage as usize` is the index).
    pub by_stage: [u64; 8],
    /// Paths with a step overdue.
    pub overdue: u64,
}

impl Pipeline {
    fn add(&mut self, o: &Self) {
        for (a, b) in self.by_stage.iter_mut().zip(o.by_stage) {
            *a = a.saturating_add(b);
        }
        self.overdue = self.overdue.saturating_add(o.overdue);
    }

    /// Paths at `stage`.
    #[must_use]
    pub fn at(&self, stage: DevelopmentStage) -> u64 {
        self.by_stage.get(stage as usize).copied().unwrap_or(0)
    }
}

/// A row outside the tree, or a tree refusal.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum PipelineError {
    /// A row names a slot the tree does not have.
    #[error("row {row} names unit slot {unit}, but the tree has {units} units")]
    UnknownUnit {
        /// Row index.
        row: usize,
        /// The slot.
        unit: u32,
        /// Units in the tree.
        units: usize,
    },
    /// The tree refused.
    #[error(transparent)]
    Tree(#[from] OrgTreeError),
}

/// For every unit (by slot), the development pipeline of its whole subtree.
///
/// ```
/// use zugong_core::*;
/// use zugong_member::{DevelopmentRow, DevelopmentStage, development_rollup};
/// let id = |n: u128| OrgUnitId::from_uuid(uuid::Uuid::from_u128(n));
/// let tree = OrgTree::from_units(vec![
///     OrgUnit::new(id(1), "中共望洪镇委员会", OrgKind::Committee, AdminLevel::Township),
///     OrgUnit::new(id(2), "东和村党支部", OrgKind::Branch, AdminLevel::Village).with_parent(id(1)),
/// ])?;
/// let branch = tree.slot(id(2)).unwrap().index() as u32;
/// let rows = [
///     DevelopmentRow { unit: branch, stage: DevelopmentStage::Activist, overdue: false },
///     DevelopmentRow { unit: branch, stage: DevelopmentStage::AwaitingApproval, overdue: true },
/// ];
/// let p = development_rollup(&tree, &rows)?;
/// let town = &p[tree.slot(id(1)).unwrap().index()];
/// assert_eq!(town.at(DevelopmentStage::Activist), 1);
/// assert_eq!(town.overdue, 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// [`PipelineError::UnknownUnit`] for a row outside the tree.
pub fn development_rollup(
    tree: &OrgTree,
    rows: &[DevelopmentRow],
) -> Result<Vec<Pipeline>, PipelineError> {
    let units = tree.len();
    let mut own = vec![Pipeline::default(); units];
    for (row, r) in rows.iter().enumerate() {
        let Some(p) = own.get_mut(r.unit as usize) else {
            return Err(PipelineError::UnknownUnit {
                row,
                unit: r.unit,
                units,
            });
        };
        if let Some(c) = p.by_stage.get_mut(r.stage as usize) {
            *c += 1;
        }
        p.overdue += u64::from(r.overdue);
    }
    tree.rollup_in_place(&mut own, Pipeline::add)?;
    Ok(own)
}
