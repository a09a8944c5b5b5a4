use std::collections::HashMap;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::id_hash::IdHashBuilder;
use super::index::{NO_PARENT, PreorderIndex};
use super::{OrgTreeError, OrgUnit};
use crate::OrgUnitId;

/// A unit's dense position in an [`OrgTree`] (0..len), for bulk work over flat arrays: a
/// per-unit value is `values[slot.index()]`. Slots are stable while the tree only grows and
/// moves units; they follow the order units were inserted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct UnitSlot(u32);

impl UnitSlot {
    /// The position as an index into per-unit arrays.
    #[must_use]
    pub fn index(self) -> usize {
        usize::try_from(self.0).unwrap_or(usize::MAX)
    }
}

/// 组织体系: the organization tree — Party organizations linked to their parents.
///
/// Inserting refuses unknown parents, duplicates, cycles (when moving a unit) and a child that
/// ranks above its parent; a refused change leaves the tree untouched. Queries (parent,
/// ancestors, children, subtree, depth, [`OrgTree::is_within`]) use a preorder index built in
/// O(n) after a change, so "is A inside B" is O(1) and a subtree rollup is one pass over a flat
/// array, at any size. The tree may be a forest (several roots), e.g. one county's units
/// without the city above.
///
/// Serializes as the list of its units in insertion order, and validates that list when read.
///
/// ```
/// use zugong_core::{AdminLevel, OrgKind, OrgTree, OrgUnit, OrgUnitId};
///
/// let id = |n: u128| OrgUnitId::from_uuid(uuid::Uuid::from_u128(n));
/// let mut tree = OrgTree::new();
/// tree.insert(OrgUnit::new(id(1), "中共永宁县委员会", OrgKind::Committee, AdminLevel::County))?;
/// tree.insert(OrgUnit::new(id(2), "中共望洪镇委员会", OrgKind::Committee, AdminLevel::Township).with_parent(id(1)))?;
/// tree.insert(OrgUnit::new(id(3), "东和村党支部", OrgKind::Branch, AdminLevel::Village).with_parent(id(2)))?;
///
/// assert!(tree.is_within(id(3), id(1))?);
/// assert_eq!(tree.depth(id(3))?, 2);
/// let names: Vec<_> = tree.ancestors(id(3))?.map(|u| u.name.as_str()).collect();
/// assert_eq!(names, ["中共望洪镇委员会", "中共永宁县委员会"]);
///
/// // A branch may not hold a committee, and nothing may become its own ancestor.
/// let bad = OrgUnit::new(id(4), "某党委", OrgKind::Committee, AdminLevel::Village).with_parent(id(3));
/// assert!(tree.insert(bad).is_err());
/// assert!(tree.move_unit(id(1), id(3)).is_err());
///
/// // Member counts per unit, rolled up the tree.
/// let own = vec![0u64, 12, 35];
/// let total = tree.rollup(&own)?;
/// assert_eq!(total, [47, 47, 35]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Default, Serialize, Deserialize)]
#[serde(try_from = "Vec<OrgUnit>", into = "Vec<OrgUnit>")]
pub struct OrgTree {
    units: Vec<OrgUnit>,
    parents: Vec<u32>,
    slots: HashMap<OrgUnitId, u32, IdHashBuilder>,
    index: OnceLock<PreorderIndex>,
}

impl std::fmt::Debug for OrgTree {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OrgTree")
            .field("units", &self.units)
            .finish()
    }
}

impl PartialEq for OrgTree {
    fn eq(&self, other: &Self) -> bool {
        self.units == other.units
    }
}

impl Eq for OrgTree {}

impl TryFrom<Vec<OrgUnit>> for OrgTree {
    type Error = OrgTreeError;
    fn try_from(units: Vec<OrgUnit>) -> Result<Self, Self::Error> {
        Self::from_units(units)
    }
}

impl From<OrgTree> for Vec<OrgUnit> {
    fn from(tree: OrgTree) -> Self {
        tree.units
    }
}

fn slot_u32(len: usize) -> Result<u32, OrgTreeError> {
    u32::try_from(len)
        .ok()
        .filter(|s| *s != NO_PARENT)
        .ok_or(OrgTreeError::Full)
}

fn check_rank(unit: &OrgUnit, parent: &OrgUnit) -> Result<(), OrgTreeError> {
    if unit.may_sit_under(parent) {
        Ok(())
    } else {
        Err(OrgTreeError::RanksAboveParent {
            unit: unit.id,
            child_kind: unit.kind,
            child_level: unit.level,
            parent_kind: parent.kind,
            parent_level: parent.level,
        })
    }
}

impl OrgTree {
    /// An empty tree.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Builds a tree from units in any order (a parent may come after its child), checking
    /// every unit. O(n).
    ///
    /// # Errors
    /// The first fault in list order: [`OrgTreeError::EmptyName`],
    /// [`OrgTreeError::DuplicateUnit`], [`OrgTreeError::UnknownParent`],
    /// [`OrgTreeError::RanksAboveParent`] or [`OrgTreeError::Cycle`].
    pub fn from_units(units: Vec<OrgUnit>) -> Result<Self, OrgTreeError> {
        slot_u32(units.len())?;
        let mut slots = HashMap::with_capacity_and_hasher(units.len(), IdHashBuilder);
        for (i, u) in units.iter().enumerate() {
            if u.name.trim().is_empty() {
                return Err(OrgTreeError::EmptyName(u.id));
            }
            if slots.insert(u.id, slot_u32(i)?).is_some() {
                return Err(OrgTreeError::DuplicateUnit(u.id));
            }
        }
        let mut parents = Vec::with_capacity(units.len());
        for u in &units {
            match u.parent {
                None => parents.push(NO_PARENT),
                Some(p) => {
                    let ps = *slots.get(&p).ok_or(OrgTreeError::UnknownParent {
                        unit: u.id,
                        parent: p,
                    })?;
                    let parent = units
                        .get(usize::try_from(ps).unwrap_or(usize::MAX))
                        .ok_or(OrgTreeError::UnknownUnit(p))?;
                    check_rank(u, parent)?;
                    parents.push(ps);
                }
            }
        }
        find_cycle(&units, &parents)?;
        Ok(Self {
            units,
            parents,
            slots,
            index: OnceLock::new(),
        })
    }

    /// Inserts a unit under a parent already in the tree (or as a root). O(1); the index is
    /// rebuilt on the next query that needs it.
    ///
    /// # Errors
    /// [`OrgTreeError::EmptyName`], [`OrgTreeError::DuplicateUnit`],
    /// [`OrgTreeError::UnknownParent`], [`OrgTreeError::RanksAboveParent`] or
    /// [`OrgTreeError::Full`]; the tree is unchanged.
    pub fn insert(&mut self, unit: OrgUnit) -> Result<UnitSlot, OrgTreeError> {
        if unit.name.trim().is_empty() {
            return Err(OrgTreeError::EmptyName(unit.id));
        }
        if self.slots.contains_key(&unit.id) {
            return Err(OrgTreeError::DuplicateUnit(unit.id));
        }
        let slot = slot_u32(self.units.len())?;
        let parent_slot = match unit.parent {
            None => NO_PARENT,
            Some(p) => {
                let (ps, parent) = self.lookup(p).map_err(|_| OrgTreeError::UnknownParent {
                    unit: unit.id,
                    parent: p,
                })?;
                check_rank(&unit, parent)?;
                ps
            }
        };
        self.slots.insert(unit.id, slot);
        self.units.push(unit);
        self.parents.push(parent_slot);
        self.index = OnceLock::new();
        Ok(UnitSlot(slot))
    }

    /// Inserts many units at once (in any order among themselves); all or nothing.
    ///
    /// # Errors
    /// As [`OrgTree::from_units`]; the tree is unchanged.
    pub fn extend(&mut self, units: impl IntoIterator<Item = OrgUnit>) -> Result<(), OrgTreeError> {
        let mut all = self.units.clone();
        all.extend(units);
        *self = Self::from_units(all)?;
        Ok(())
    }

    /// Moves a unit (with its subtree) under a new parent, e.g. when townships merge (撤并).
    ///
    /// # Errors
    /// [`OrgTreeError::UnknownUnit`] or [`OrgTreeError::UnknownParent`];
    /// [`OrgTreeError::Cycle`] when the new parent lies inside the unit's own subtree;
    /// [`OrgTreeError::RanksAboveParent`]. The tree is unchanged.
    pub fn move_unit(
        &mut self,
        unit: OrgUnitId,
        new_parent: OrgUnitId,
    ) -> Result<(), OrgTreeError> {
        let (us, u) = self.lookup(unit)?;
        let (ps, p) = self
            .lookup(new_parent)
            .map_err(|_| OrgTreeError::UnknownParent {
                unit,
                parent: new_parent,
            })?;
        if self.index().is_within(ps, us) {
            return Err(OrgTreeError::Cycle {
                unit,
                parent: new_parent,
            });
        }
        check_rank(u, p)?;
        let ui = usize::try_from(us).unwrap_or(usize::MAX);
        if let (Some(u), Some(pp)) = (self.units.get_mut(ui), self.parents.get_mut(ui)) {
            u.parent = Some(new_parent);
            *pp = ps;
        }
        self.index = OnceLock::new();
        Ok(())
    }

    fn index(&self) -> &PreorderIndex {
        self.index
            .get_or_init(|| PreorderIndex::build(&self.parents))
    }

    fn lookup(&self, id: OrgUnitId) -> Result<(u32, &OrgUnit), OrgTreeError> {
        let s = *self.slots.get(&id).ok_or(OrgTreeError::UnknownUnit(id))?;
        let u = self.unit_at(s).ok_or(OrgTreeError::UnknownUnit(id))?;
        Ok((s, u))
    }

    fn unit_at(&self, s: u32) -> Option<&OrgUnit> {
        self.units.get(usize::try_from(s).ok()?)
    }

    /// Number of units.
    #[must_use]
    pub fn len(&self) -> usize {
        self.units.len()
    }

    /// Whether the tree has no units.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.units.is_empty()
    }

    /// Every unit, in insertion order (slot order).
    #[must_use]
    pub fn units(&self) -> &[OrgUnit] {
        &self.units
    }

    /// The unit with this identifier.
    #[must_use]
    pub fn get(&self, id: OrgUnitId) -> Option<&OrgUnit> {
        self.lookup(id).ok().map(|(_, u)| u)
    }

    /// Whether a unit is in the tree.
    #[must_use]
    pub fn contains(&self, id: OrgUnitId) -> bool {
        self.slots.contains_key(&id)
    }

    /// The unit's parent (`None` for a root).
    ///
    /// # Errors
    /// [`OrgTreeError::UnknownUnit`].
    pub fn parent(&self, id: OrgUnitId) -> Result<Option<&OrgUnit>, OrgTreeError> {
        let (_, u) = self.lookup(id)?;
        Ok(u.parent.and_then(|p| self.get(p)))
    }

    /// The unit's ancestors, nearest first (the unit itself excluded).
    ///
    /// # Errors
    /// [`OrgTreeError::UnknownUnit`].
    pub fn ancestors(&self, id: OrgUnitId) -> Result<impl Iterator<Item = &OrgUnit>, OrgTreeError> {
        let (_, u) = self.lookup(id)?;
        Ok(std::iter::successors(
            u.parent.and_then(|p| self.get(p)),
            |u| u.parent.and_then(|p| self.get(p)),
        ))
    }

    /// The unit's children, in insertion order.
    ///
    /// # Errors
    /// [`OrgTreeError::UnknownUnit`].
    pub fn children(&self, id: OrgUnitId) -> Result<impl Iterator<Item = &OrgUnit>, OrgTreeError> {
        let (s, _) = self.lookup(id)?;
        Ok(self
            .index()
            .children(s)
            .iter()
            .filter_map(|&c| self.unit_at(c)))
    }

    /// The unit and everything below it, in preorder (the unit first).
    ///
    /// # Errors
    /// [`OrgTreeError::UnknownUnit`].
    pub fn subtree(&self, id: OrgUnitId) -> Result<impl Iterator<Item = &OrgUnit>, OrgTreeError> {
        let (s, _) = self.lookup(id)?;
        Ok(self
            .index()
            .subtree(s)
            .iter()
            .filter_map(|&c| self.unit_at(c)))
    }

    /// Depth below the root (a root is 0).
    ///
    /// # Errors
    /// [`OrgTreeError::UnknownUnit`].
    pub fn depth(&self, id: OrgUnitId) -> Result<u32, OrgTreeError> {
        let (s, _) = self.lookup(id)?;
        Ok(self
            .index()
            .depth
            .get(usize::try_from(s).unwrap_or(usize::MAX))
            .copied()
            .unwrap_or(0))
    }

    /// Whether `unit` lies inside the subtree of `scope` (a unit is within itself). O(1).
    ///
    /// # Errors
    /// [`OrgTreeError::UnknownUnit`] for either identifier.
    pub fn is_within(&self, unit: OrgUnitId, scope: OrgUnitId) -> Result<bool, OrgTreeError> {
        let a = *self
            .slots
            .get(&unit)
            .ok_or(OrgTreeError::UnknownUnit(unit))?;
        let b = *self
            .slots
            .get(&scope)
            .ok_or(OrgTreeError::UnknownUnit(scope))?;
        Ok(self.index().is_within(a, b))
    }

    /// The nearest unit, starting with `id` itself and going up, that satisfies `pred`.
    ///
    /// # Errors
    /// [`OrgTreeError::UnknownUnit`].
    pub fn nearest(
        &self,
        id: OrgUnitId,
        mut pred: impl FnMut(&OrgUnit) -> bool,
    ) -> Result<Option<&OrgUnit>, OrgTreeError> {
        let (_, u) = self.lookup(id)?;
        if pred(u) {
            return Ok(Some(u));
        }
        Ok(self.ancestors(id)?.find(|u| pred(u)))
    }

    // ---- Slot-level API for bulk work -------------------------------------------------

    /// The slot of a unit.
    #[must_use]
    pub fn slot(&self, id: OrgUnitId) -> Option<UnitSlot> {
        self.slots.get(&id).copied().map(UnitSlot)
    }

    /// The slot at a dense index (0..len), for per-unit tables that store slots as numbers.
    #[must_use]
    pub fn slot_at(&self, index: usize) -> Option<UnitSlot> {
        (index < self.units.len()).then(|| UnitSlot(u32::try_from(index).unwrap_or(u32::MAX)))
    }

    /// The unit at a slot.
    #[must_use]
    pub fn unit(&self, slot: UnitSlot) -> Option<&OrgUnit> {
        self.unit_at(slot.0)
    }

    /// The parent slot of a slot (`None` for a root or an unknown slot).
    #[must_use]
    pub fn parent_slot(&self, slot: UnitSlot) -> Option<UnitSlot> {
        self.parents
            .get(slot.index())
            .copied()
            .filter(|p| *p != NO_PARENT)
            .map(UnitSlot)
    }

    /// [`OrgTree::is_within`] on slots: O(1), no hashing. Unknown slots are never within.
    #[must_use]
    pub fn is_within_slot(&self, unit: UnitSlot, scope: UnitSlot) -> bool {
        self.index().is_within(unit.0, scope.0)
    }

    /// The slots of a subtree in preorder (the root of the subtree first).
    pub fn subtree_slots(&self, scope: UnitSlot) -> impl ExactSizeIterator<Item = UnitSlot> + '_ {
        self.index().subtree(scope.0).iter().map(|&s| UnitSlot(s))
    }

    /// Every slot in preorder: each parent before its children.
    pub fn preorder(&self) -> impl ExactSizeIterator<Item = UnitSlot> + '_ {
        self.index().order.iter().map(|&s| UnitSlot(s))
    }

    /// Rolls per-unit values up the tree: the result for each unit combines its own value
    /// with those of its whole subtree, by `combine(parent_acc, child_total)`. One pass over
    /// the units in reverse preorder; `values` and the result are indexed by slot.
    ///
    /// # Errors
    /// [`OrgTreeError::LengthMismatch`] unless there is one value per unit.
    pub fn rollup_with<T: Clone>(
        &self,
        values: &[T],
        combine: impl FnMut(&mut T, &T),
    ) -> Result<Vec<T>, OrgTreeError> {
        let mut out = values.to_vec();
        self.rollup_in_place(&mut out, combine)?;
        Ok(out)
    }

    /// [`OrgTree::rollup_with`] without a copy: `values` (one per unit, by slot) are replaced
    /// by their subtree totals. The bulk form for large per-unit tables.
    ///
    /// # Errors
    /// [`OrgTreeError::LengthMismatch`] unless there is one value per unit; `values` is then
    /// left as it was.
    pub fn rollup_in_place<T: Clone>(
        &self,
        values: &mut [T],
        mut combine: impl FnMut(&mut T, &T),
    ) -> Result<(), OrgTreeError> {
        if values.len() != self.units.len() {
            return Err(OrgTreeError::LengthMismatch {
                expected: self.units.len(),
                found: values.len(),
            });
        }
        let out = values;
        let index = self.index();
        if index.topological {
            // Parents precede children: one sequential pass over the slots, backwards.
            for (s, &p) in self.parents.iter().enumerate().rev() {
                if p == NO_PARENT {
                    continue;
                }
                let Some((head, tail)) = out.split_at_mut_checked(s) else {
                    continue;
                };
                if let (Some(acc), Some(child)) = (head.get_mut(p as usize), tail.first()) {
                    combine(acc, child);
                }
            }
        } else {
            for &s in index.order.iter().rev() {
                let su = usize::try_from(s).unwrap_or(usize::MAX);
                let Some(&p) = self.parents.get(su) else {
                    continue;
                };
                if p == NO_PARENT {
                    continue;
                }
                let Some(child) = out.get(su).cloned() else {
                    continue;
                };
                if let Some(acc) = out.get_mut(usize::try_from(p).unwrap_or(usize::MAX)) {
                    combine(acc, &child);
                }
            }
        }
        Ok(())
    }

    /// Sums per-unit values up the tree ([`OrgTree::rollup_with`] with `+=`).
    ///
    /// # Errors
    /// [`OrgTreeError::LengthMismatch`] unless there is one value per unit.
    pub fn rollup<T: Copy + std::ops::AddAssign>(
        &self,
        values: &[T],
    ) -> Result<Vec<T>, OrgTreeError> {
        self.rollup_with(values, |acc, v| *acc += *v)
    }
}

/// Finds a cycle in parent links, O(n): each unit is walked up until a unit already known to
/// reach a root; meeting a unit of the current walk again is a cycle.
fn find_cycle(units: &[OrgUnit], parents: &[u32]) -> Result<(), OrgTreeError> {
    const UNSEEN: u8 = 0;
    const ON_WALK: u8 = 1;
    const DONE: u8 = 2;
    let mut state = vec![UNSEEN; parents.len()];
    let mut walk = Vec::new();
    for start in 0..parents.len() {
        let mut cur = start;
        walk.clear();
        loop {
            match state.get(cur).copied() {
                Some(UNSEEN) => {
                    if let Some(st) = state.get_mut(cur) {
                        *st = ON_WALK;
                    }
                    walk.push(cur);
                    match parents.get(cur).copied() {
                        Some(p) if p != NO_PARENT => cur = usize::try_from(p).unwrap_or(usize::MAX),
                        _ => break,
                    }
                }
                Some(ON_WALK) => {
                    let unit = units.get(cur).map(|u| u.id);
                    let parent = units.get(cur).and_then(|u| u.parent);
                    if let (Some(unit), Some(parent)) = (unit, parent) {
                        return Err(OrgTreeError::Cycle { unit, parent });
                    }
                    break;
                }
                _ => break,
            }
        }
        for &w in &walk {
            if let Some(st) = state.get_mut(w) {
                *st = DONE;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slots_are_bounded() {
        assert_eq!(
            slot_u32(usize::try_from(u32::MAX).unwrap()),
            Err(OrgTreeError::Full)
        );
        assert_eq!(slot_u32(7), Ok(7));
    }
}
