//! Roll-ups of training up the organization tree, at province scale.

use serde::{Deserialize, Serialize};
use thiserror::Error;
use zugong_core::{OrgTree, OrgTreeError, UnitSlot};

use crate::{StudyHours, TrainingTier};

/// One member, as a row of a flat table: the member's branch and the 学时 required of them
/// this year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberRow {
    /// The member's branch (a slot of the org tree).
    pub unit: u32,
    /// 学时 required this year (e.g. 32, or 56 for a secretary).
    pub required: StudyHours,
}

/// One attendance record: a member (row index into the member table), the tier, the 学时.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttendanceRow {
    /// Index of the member in the member table.
    pub member: u32,
    /// Tier that organized the training.
    pub tier: TrainingTier,
    /// 学时 credited.
    pub hours: StudyHours,
}

/// Training figures of one org unit's subtree.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitTraining {
    /// Members.
    pub members: u64,
    /// Members with any credited 学时.
    pub trained: u64,
    /// Members who met their requirement.
    pub met: u64,
    /// Members reached by each tier (city, county, grassroots).
    pub reached_by_tier: [u64; 3],
    /// Tenths of 学时 credited, by tier.
    pub tenths_by_tier: [u64; 3],
    /// Tenths of 学时 still missing over all members short of their requirement.
    pub shortfall_tenths: u64,
}

impl UnitTraining {
    fn add(&mut self, o: &UnitTraining) {
        self.members = self.members.saturating_add(o.members);
        self.trained = self.trained.saturating_add(o.trained);
        self.met = self.met.saturating_add(o.met);
        for (a, b) in self.reached_by_tier.iter_mut().zip(o.reached_by_tier) {
            *a = a.saturating_add(b);
        }
        for (a, b) in self.tenths_by_tier.iter_mut().zip(o.tenths_by_tier) {
            *a = a.saturating_add(b);
        }
        self.shortfall_tenths = self.shortfall_tenths.saturating_add(o.shortfall_tenths);
    }

    /// Members short of their requirement.
    #[must_use]
    pub fn short(&self) -> u64 {
        self.members.saturating_sub(self.met)
    }

    /// Completion rate in per-mille (met ÷ members, rounded down); `None` for no members.
    #[must_use]
    pub fn completion_permille(&self) -> Option<u64> {
        (self.members > 0).then(|| self.met.saturating_mul(1000) / self.members)
    }

    /// Total 学时 credited.
    #[must_use]
    pub fn hours(&self) -> u64 {
        self.tenths_by_tier
            .iter()
            .fold(0u64, |a, b| a.saturating_add(*b))
            / 10
    }
}

/// Bad bulk input.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum RollupError {
    /// A member row names a unit slot outside the tree.
    #[error("member row {row} names unit slot {unit}, but the tree has {units} units")]
    UnknownUnit {
        /// Row index.
        row: usize,
        /// The slot named.
        unit: u32,
        /// Units in the tree.
        units: usize,
    },
    /// An attendance row names a member outside the member table.
    #[error("attendance row {row} names member {member}, but there are {members} members")]
    UnknownMember {
        /// Row index.
        row: usize,
        /// The member index named.
        member: u32,
        /// Members in the table.
        members: usize,
    },
    /// The tree refused the roll-up.
    #[error(transparent)]
    Tree(#[from] OrgTreeError),
}

/// Per-member totals, then per-unit figures, rolled up the tree: for each unit (by slot), the
/// figures of its whole subtree. Two passes over flat arrays and one over the tree.
///
/// ```
/// use zugong_core::*;
/// use zugong_training::*;
/// let id = |n: u128| OrgUnitId::from_uuid(uuid::Uuid::from_u128(n));
/// let tree = OrgTree::from_units(vec![
///     OrgUnit::new(id(1), "中共某镇委员会", OrgKind::Committee, AdminLevel::Township),
///     OrgUnit::new(id(2), "某村党支部", OrgKind::Branch, AdminLevel::Village).with_parent(id(1)),
/// ])?;
/// let members = [MemberRow { unit: 1, required: StudyHours::whole(32) }; 2];
/// let attendance = [AttendanceRow { member: 0, tier: TrainingTier::CountyUniversal, hours: StudyHours::whole(32) }];
/// let totals = training_rollup(&tree, &members, &attendance)?;
/// assert_eq!((totals[0].members, totals[0].met, totals[0].shortfall_tenths), (2, 1, 320));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// [`RollupError::UnknownUnit`] or [`RollupError::UnknownMember`] for rows that point outside
/// their tables; nothing is computed.
pub fn training_rollup(
    tree: &OrgTree,
    members: &[MemberRow],
    attendance: &[AttendanceRow],
) -> Result<Vec<UnitTraining>, RollupError> {
    let units = tree.len();
    if let Some((row, m)) = members
        .iter()
        .enumerate()
        .find(|(_, m)| m.unit as usize >= units)
    {
        return Err(RollupError::UnknownUnit {
            row,
            unit: m.unit,
            units,
        });
    }
    // Per member: tenths by tier.
    let mut per_member = vec![[0u32; 3]; members.len()];
    for (row, a) in attendance.iter().enumerate() {
        let Some(acc) = per_member.get_mut(a.member as usize) else {
            return Err(RollupError::UnknownMember {
                row,
                member: a.member,
                members: members.len(),
            });
        };
        if let Some(t) = acc.get_mut(a.tier as usize) {
            *t = t.saturating_add(a.hours.tenths());
        }
    }
    // Per unit: own figures.
    let mut own = vec![UnitTraining::default(); units];
    for (m, hours) in members.iter().zip(&per_member) {
        let Some(u) = own.get_mut(m.unit as usize) else {
            continue;
        };
        let total: u32 = hours.iter().fold(0u32, |a, h| a.saturating_add(*h));
        u.members += 1;
        u.trained += u64::from(total > 0);
        let required = m.required.tenths();
        if total >= required {
            u.met += 1;
        } else {
            u.shortfall_tenths += u64::from(required - total);
        }
        for ((reached, tenths), h) in u
            .reached_by_tier
            .iter_mut()
            .zip(u.tenths_by_tier.iter_mut())
            .zip(hours)
        {
            *reached += u64::from(*h > 0);
            *tenths += u64::from(*h);
        }
    }
    tree.rollup_in_place(&mut own, UnitTraining::add)?;
    Ok(own)
}

/// The slot of a unit for [`MemberRow::unit`].
#[must_use]
pub fn unit_row(slot: UnitSlot) -> u32 {
    u32::try_from(slot.index()).unwrap_or(u32::MAX)
}
