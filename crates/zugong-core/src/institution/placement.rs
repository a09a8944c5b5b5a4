//! Where each 单位 sits in the Party tree: the Party organization set up in it (所在单位), and
//! the local committee of each area — what a rule needs to find the committee over an
//! institution's matters (its talents, its posts under 下管一级).

use std::collections::HashMap;

use crate::{DivisionCode, InstitutionId, InstitutionRegistry, OrgKind, OrgTree, OrgUnitId};

/// The Party side of the 单位 registry, indexed once from the tree: for each institution the
/// Party organization set up in it (the highest-tier one — a 党组 or 党委 before a branch —
/// the first in tree order among equals), and for each area code its local Party committee
/// (a 党委 with that division code).
///
/// ```
/// use zugong_core::*;
/// let unit = |n: u128| OrgUnitId::from_uuid(uuid::Uuid::from_u128(n));
/// let inst = |n: u128| InstitutionId::from_uuid(uuid::Uuid::from_u128(n));
/// let area: DivisionCode = "640121".parse()?;
/// let registry = InstitutionRegistry::from_institutions(vec![
///     Institution::new(inst(1), "永宁县人民政府", InstitutionKind::Government, area),
///     Institution::new(inst(2), "永宁县第一中学", InstitutionKind::PublicInstitution, area)
///         .under(inst(1), Attachment::Administered),
///     Institution::new(inst(3), "永宁县交通运输局", InstitutionKind::GovernmentDepartment, area)
///         .under(inst(1), Attachment::WorkingDepartment),
/// ])?;
/// let tree = OrgTree::from_units(vec![
///     OrgUnit::new(unit(1), "中共永宁县委员会", OrgKind::Committee, AdminLevel::County).with_division(area),
///     OrgUnit::new(unit(2), "永宁县交通运输局机关党支部", OrgKind::Branch, AdminLevel::County)
///         .with_parent(unit(1)).in_institution(inst(3)),
/// ])?;
/// let placement = PartyPlacement::new(&tree);
/// // The bureau has its own branch; the school has none, nor its government: the county's
/// // committee, by area.
/// assert_eq!(placement.anchor(&registry, inst(3)), Some(unit(2)));
/// assert_eq!(placement.anchor(&registry, inst(2)), Some(unit(1)));
/// assert_eq!(placement.set_up_in(inst(2)), None);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PartyPlacement {
    set_up_in: HashMap<InstitutionId, (u8, OrgUnitId)>,
    area_committee: HashMap<DivisionCode, OrgUnitId>,
}

impl PartyPlacement {
    /// Indexes `tree` (one pass).
    #[must_use]
    pub fn new(tree: &OrgTree) -> Self {
        let mut set_up_in = HashMap::new();
        let mut area_committee = HashMap::new();
        for unit in tree.units() {
            if let Some(i) = unit.institution {
                let tier = unit.kind.tier();
                set_up_in
                    .entry(i)
                    .and_modify(|e: &mut (u8, OrgUnitId)| {
                        if tier < e.0 {
                            *e = (tier, unit.id);
                        }
                    })
                    .or_insert((tier, unit.id));
            }
            if unit.kind == OrgKind::Committee
                && let Some(d) = unit.division
            {
                area_committee.entry(d).or_insert(unit.id);
            }
        }
        Self {
            set_up_in,
            area_committee,
        }
    }

    /// The Party organization set up in `institution`, if any.
    #[must_use]
    pub fn set_up_in(&self, institution: InstitutionId) -> Option<OrgUnitId> {
        self.set_up_in.get(&institution).map(|e| e.1)
    }

    /// The local Party committee of `area`, if the tree has one.
    #[must_use]
    pub fn area_committee(&self, area: DivisionCode) -> Option<OrgUnitId> {
        self.area_committee.get(&area).copied()
    }

    /// The Party organization an institution's matters hang from: the one that leads it
    /// (领导关系, [`crate::Institution::led_by`]) or is set up in it, else the same of the
    /// nearest institution above it that has one, else the committee of its area (属地管理).
    /// `None` for an institution the registry does not hold, or one with none of these.
    #[must_use]
    pub fn anchor(
        &self,
        registry: &InstitutionRegistry,
        institution: InstitutionId,
    ) -> Option<OrgUnitId> {
        let own = registry.get(institution)?;
        std::iter::once(own)
            .chain(registry.ancestors(institution).ok()?)
            .find_map(|i| i.led_by.or_else(|| self.set_up_in(i.id)))
            .or_else(|| self.area_committee(own.area))
    }
}
