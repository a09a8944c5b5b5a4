use thiserror::Error;

use super::{AdminLevel, OrgKind};
use crate::OrgUnitId;

/// A refused change to, or query of, the organization tree. A refused change leaves the tree
/// as it was.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum OrgTreeError {
    /// No unit with this identifier is in the tree.
    #[error("unknown org unit {0}")]
    UnknownUnit(OrgUnitId),
    /// The parent named by a unit is not in the tree (nor in the batch being loaded).
    #[error("unit {unit} names unknown parent {parent}")]
    UnknownParent {
        /// The unit being inserted.
        unit: OrgUnitId,
        /// The parent it names.
        parent: OrgUnitId,
    },
    /// A unit with this identifier is already in the tree.
    #[error("unit {0} is already in the tree")]
    DuplicateUnit(OrgUnitId),
    /// The change would make a unit its own ancestor.
    #[error("placing {unit} under {parent} would make a cycle")]
    Cycle {
        /// The unit being placed.
        unit: OrgUnitId,
        /// The parent that lies inside its subtree.
        parent: OrgUnitId,
    },
    /// A child would rank above its parent: a kind that may not sit under the parent's kind
    /// (e.g. a 党委 under a 党支部) or a higher administrative level.
    #[error(
        "{child_kind} at {child_level} ({unit}) may not sit under {parent_kind} at {parent_level}"
    )]
    RanksAboveParent {
        /// The unit being placed.
        unit: OrgUnitId,
        /// Its kind.
        child_kind: OrgKind,
        /// Its level.
        child_level: AdminLevel,
        /// The parent's kind.
        parent_kind: OrgKind,
        /// The parent's level.
        parent_level: AdminLevel,
    },
    /// A unit without a name.
    #[error("unit {0} has an empty name")]
    EmptyName(OrgUnitId),
    /// The tree cannot address more units (u32 slots).
    #[error("the tree is full")]
    Full,
    /// A per-unit value slice does not have one value per unit.
    #[error("expected one value per unit ({expected}), got {found}")]
    LengthMismatch {
        /// Units in the tree.
        expected: usize,
        /// Values given.
        found: usize,
    },
}
