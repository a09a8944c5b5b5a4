use serde::{Deserialize, Serialize};

use super::{AdminLevel, OrgKind, UnitKind};
use crate::{DivisionCode, OrgUnitId};

/// 组织单位: one node of the organization tree — a Party organization at an administrative
/// level, hosted by a unit of some kind, under a parent.
///
/// Fields are public; the [`crate::OrgTree`] checks them when the unit is inserted (name not
/// blank, parent known, kind and level not above the parent's).
///
/// ```
/// use zugong_core::{AdminLevel, OrgKind, OrgUnit, OrgUnitId, UnitKind};
///
/// let county = OrgUnit::new(OrgUnitId::from_uuid(uuid::Uuid::from_u128(1)), "中共永宁县委员会", OrgKind::Committee, AdminLevel::County);
/// let village = OrgUnit::new(OrgUnitId::from_uuid(uuid::Uuid::from_u128(2)), "望洪镇东和村党支部", OrgKind::Branch, AdminLevel::Village)
///     .with_parent(county.id)
///     .with_host(UnitKind::Village);
/// assert_eq!(village.parent, Some(county.id));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrgUnit {
    /// Identifier.
    pub id: OrgUnitId,
    /// Official name (全称), e.g. `中共永宁县委员会`.
    pub name: String,
    /// Kind of Party organization.
    pub kind: OrgKind,
    /// Administrative level at which it sits.
    pub level: AdminLevel,
    /// Kind of the host unit (单位类型), if recorded.
    #[serde(default)]
    pub host: Option<UnitKind>,
    /// Parent organization; `None` for a root of the tree (or forest).
    #[serde(default)]
    pub parent: Option<OrgUnitId>,
    /// Administrative division code of the area, if recorded.
    #[serde(default)]
    pub division: Option<DivisionCode>,
    /// 所在单位: the institution it is set up in, where it has one (a 机关党支部 in its organ,
    /// a 村党支部 in its village); checked against the 单位 registry by
    /// [`crate::check_links`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub institution: Option<crate::InstitutionId>,
}

impl OrgUnit {
    /// A root unit with no host kind or division code.
    #[must_use]
    pub fn new(id: OrgUnitId, name: impl Into<String>, kind: OrgKind, level: AdminLevel) -> Self {
        Self {
            id,
            name: name.into(),
            kind,
            level,
            host: None,
            parent: None,
            division: None,
            institution: None,
        }
    }

    /// Sets the parent.
    #[must_use]
    pub fn with_parent(mut self, parent: OrgUnitId) -> Self {
        self.parent = Some(parent);
        self
    }

    /// Sets the host unit kind.
    #[must_use]
    pub fn with_host(mut self, host: UnitKind) -> Self {
        self.host = Some(host);
        self
    }

    /// Sets the institution it is set up in (所在单位).
    #[must_use]
    pub fn in_institution(mut self, institution: crate::InstitutionId) -> Self {
        self.institution = Some(institution);
        self
    }

    /// Sets the division code.
    #[must_use]
    pub fn with_division(mut self, division: DivisionCode) -> Self {
        self.division = Some(division);
        self
    }

    /// Whether this unit may sit directly under `parent`: its kind fits under the parent's
    /// kind ([`OrgKind::may_contain`]) and its level is not above the parent's.
    #[must_use]
    pub fn may_sit_under(&self, parent: &OrgUnit) -> bool {
        parent.kind.may_contain(self.kind) && self.level <= parent.level
    }
}
