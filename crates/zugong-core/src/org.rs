//! The organization tree (组织体系): Party organizations from the provincial committee down to
//! the Party group, at their administrative levels, with an index for bulk work.

mod error;
mod id_hash;
mod index;
mod kind;
mod tree;
mod unit;

pub use error::OrgTreeError;
pub use kind::{AdminLevel, OrgKind, UnitKind};
pub use tree::{OrgTree, UnitSlot};
pub use unit::OrgUnit;
