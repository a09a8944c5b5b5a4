//! Star distributions and weak-branch counts rolled up the organization tree.

use serde::{Deserialize, Serialize};
use thiserror::Error;
use zugong_core::{OrgTree, OrgTreeError};

use crate::{RectificationStatus, StarLevel};

/// One rated organization as a row of a flat table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct BranchRow {
    /// The organization's slot in the org tree.
    pub unit: u32,
    /// Stars in force.
    pub stars: StarLevel,
    /// 软弱涣散 status.
    pub rectification: RectificationStatus,
    /// Whether a re-inspection (复验) is due.
    pub reinspection_due: bool,
}

/// The figures of one unit's subtree.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StarDistribution {
    /// Organizations at each level, index = stars (0 = 无星级).
    pub by_stars: [u64; 6],
    /// Organizations under rectification.
    pub weak_open: u64,
    /// Organizations whose rectification closed (销号).
    pub weak_closed: u64,
    /// Organizations due for re-inspection.
    pub reinspection_due: u64,
}

impl StarDistribution {
    fn add(&mut self, o: &StarDistribution) {
        for (a, b) in self.by_stars.iter_mut().zip(o.by_stars) {
            *a = a.saturating_add(b);
        }
        self.weak_open = self.weak_open.saturating_add(o.weak_open);
        self.weak_closed = self.weak_closed.saturating_add(o.weak_closed);
        self.reinspection_due = self.reinspection_due.saturating_add(o.reinspection_due);
    }

    /// Organizations counted.
    #[must_use]
    pub fn total(&self) -> u64 {
        self.by_stars.iter().fold(0u64, |a, b| a.saturating_add(*b))
    }

    /// The change from an earlier year's figures, per level (趋势).
    #[must_use]
    pub fn change_from(&self, earlier: &StarDistribution) -> [i64; 6] {
        let mut out = [0i64; 6];
        for ((o, now), then) in out.iter_mut().zip(self.by_stars).zip(earlier.by_stars) {
            *o = i64::try_from(now)
                .unwrap_or(i64::MAX)
                .saturating_sub(i64::try_from(then).unwrap_or(i64::MAX));
        }
        out
    }
}

/// A row naming a unit outside the tree, or a tree refusal.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum BranchRollupError {
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

/// For every unit (by slot), the star distribution, weak organizations and re-inspections due
/// of its whole subtree: one pass over the rows and one over the tree.
///
/// # Errors
/// [`BranchRollupError::UnknownUnit`] for a row outside the tree.
pub fn star_rollup(
    tree: &OrgTree,
    rows: &[BranchRow],
) -> Result<Vec<StarDistribution>, BranchRollupError> {
    let units = tree.len();
    let mut own = vec![StarDistribution::default(); units];
    for (row, r) in rows.iter().enumerate() {
        let Some(d) = own.get_mut(r.unit as usize) else {
            return Err(BranchRollupError::UnknownUnit {
                row,
                unit: r.unit,
                units,
            });
        };
        if let Some(c) = d.by_stars.get_mut(usize::from(r.stars.get())) {
            *c += 1;
        }
        match r.rectification {
            RectificationStatus::UnderRectification => d.weak_open += 1,
            RectificationStatus::Closed => d.weak_closed += 1,
            RectificationStatus::None => {}
        }
        d.reinspection_due += u64::from(r.reinspection_due);
    }
    tree.rollup_in_place(&mut own, StarDistribution::add)?;
    Ok(own)
}
