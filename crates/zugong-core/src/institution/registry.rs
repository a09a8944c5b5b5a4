//! The institutions and their index: one tree (or forest) by what each belongs to, kept in
//! preorder so that a subtree is a contiguous run of slots and a roll-up is one backward pass.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::{Attachment, InstitutionKind, Management};
use crate::journal::{Language, Refusal};
use crate::{
    Citation, DivisionCode, InstitutionId, LeadershipRank, OrgUnitId, SourceStatus, TownshipCode,
};

/// 机构编制: institutions are set up, graded and attached by the 机构编制 bodies (the 三定规定).
const ESTABLISHMENT_RULE: Citation = Citation::new(
    "《中国共产党机构编制工作条例》(2019)",
    "第十七条至第十九条（机构设置、规格）",
    SourceStatus::Secondary,
);

/// 单位: one institution — a kind, a 规格, an area, what it belongs to and who manages it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Institution {
    /// Identifier.
    pub id: InstitutionId,
    /// Official name (全称), e.g. `新庄县交通运输局`.
    pub name: String,
    /// 单位类别.
    pub kind: InstitutionKind,
    /// 规格: the rank of its principal post (a 正科级 bureau is led at 乡科级正职), if graded.
    #[serde(default)]
    pub grade: Option<LeadershipRank>,
    /// The administrative area it serves (GB/T 2260).
    pub area: DivisionCode,
    /// The 乡、镇 or 街道 it serves (GB/T 10114), for an organ of township level or below:
    /// the area its principal posts' 地域回避 counts at (《公务员法》 第七十五条). Inside
    /// `area` (the registry refuses another county's township).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub township: Option<TownshipCode>,
    /// The institution it belongs to, and how; `None` for a root (a county government).
    #[serde(default)]
    pub parent: Option<BelongsTo>,
    /// 属地管理, 垂直管理 or 双重领导.
    #[serde(default)]
    pub management: Management,
    /// 领导关系: the Party organization that leads it — its 党组, its 机关党委, or the
    /// 基层党组织 of a village, enterprise or school (checked by [`crate::check_links`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub led_by: Option<OrgUnitId>,
    /// 编制: the staff establishment the 编办 approved (核定编制数), if recorded. 领导职数 are
    /// counted inside it; [`InstitutionRegistry::establishment_rollup`] totals a subtree.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub establishment: Option<u32>,
}

impl Institution {
    /// A root institution with no 规格 and local management.
    #[must_use]
    pub fn new(
        id: InstitutionId,
        name: impl Into<String>,
        kind: InstitutionKind,
        area: DivisionCode,
    ) -> Self {
        Self {
            id,
            name: name.into(),
            kind,
            grade: None,
            area,
            township: None,
            parent: None,
            management: Management::Local,
            led_by: None,
            establishment: None,
        }
    }

    /// The same institution, led by the Party organization `unit` (领导关系).
    #[must_use]
    pub fn led_by(mut self, unit: OrgUnitId) -> Self {
        self.led_by = Some(unit);
        self
    }

    /// The same institution, serving the township `township`; its `area` becomes the
    /// township's county.
    #[must_use]
    pub fn in_township(mut self, township: TownshipCode) -> Self {
        self.area = township.county();
        self.township = Some(township);
        self
    }

    /// The same institution, with an approved establishment of `staff` (核定编制).
    #[must_use]
    pub fn with_establishment(mut self, staff: u32) -> Self {
        self.establishment = Some(staff);
        self
    }

    /// The same institution with its 规格.
    #[must_use]
    pub fn graded(mut self, grade: LeadershipRank) -> Self {
        self.grade = Some(grade);
        self
    }

    /// The same institution, belonging to `parent` as `attachment`.
    #[must_use]
    pub fn under(mut self, parent: InstitutionId, attachment: Attachment) -> Self {
        self.parent = Some(BelongsTo {
            institution: parent,
            attachment,
        });
        self
    }

    /// The same institution, managed as `management`.
    #[must_use]
    pub fn managed(mut self, management: Management) -> Self {
        self.management = management;
        self
    }
}

/// What an institution belongs to, and how.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct BelongsTo {
    /// The institution above.
    pub institution: InstitutionId,
    /// 工作部门, 内设机构, 直属单位 or 归口管理.
    pub attachment: Attachment,
}

/// A refused registry: nothing is built.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum InstitutionError {
    /// Two institutions with one identifier.
    #[error("institution {0} appears twice")]
    Duplicate(InstitutionId),
    /// An institution names a parent that is not in the registry.
    #[error("institution {institution} belongs to {parent}, which is not in the registry")]
    UnknownParent {
        /// The institution.
        institution: InstitutionId,
        /// The parent it names.
        parent: InstitutionId,
    },
    /// An institution under itself, directly or through others.
    #[error("institution {0} would be under itself")]
    Cycle(InstitutionId),
    /// A vertical or dual manager that is not in the registry, or is the institution itself.
    #[error(
        "institution {institution} is managed from {manager}, which is not another institution of the registry"
    )]
    UnknownManager {
        /// The institution.
        institution: InstitutionId,
        /// The manager it names.
        manager: InstitutionId,
    },
    /// An internal office graded above the organ it is inside.
    #[error("institution {institution} is graded above the organ it belongs to")]
    GradedAboveParent {
        /// The institution.
        institution: InstitutionId,
    },
    /// A township outside the institution's own county.
    #[error("institution {institution} serves township {township}, outside its area {area}")]
    TownshipOutsideArea {
        /// The institution.
        institution: InstitutionId,
        /// The township given.
        township: TownshipCode,
        /// The institution's area.
        area: DivisionCode,
    },
    /// An identifier the registry does not hold.
    #[error("institution {0} is not in the registry")]
    Unknown(InstitutionId),
    /// A per-institution table of the wrong length.
    #[error("{found} values for {expected} institutions")]
    LengthMismatch {
        /// Institutions.
        expected: usize,
        /// Values given.
        found: usize,
    },
}

impl Refusal for InstitutionError {
    fn citation(&self) -> Citation {
        ESTABLISHMENT_RULE
    }

    fn message(&self, language: Language) -> String {
        let cite = self.citation();
        match (language, self) {
            (Language::English, _) => format!("{self} ({cite})"),
            (Language::Chinese, Self::Duplicate(_)) => format!("单位编号重复（{cite}）"),
            (Language::Chinese, Self::UnknownParent { .. }) => {
                format!("所属上级单位不在单位名录中（{cite}）")
            }
            (Language::Chinese, Self::Cycle(_)) => {
                format!("单位不能隶属于自身或其下属单位（{cite}）")
            }
            (Language::Chinese, Self::UnknownManager { .. }) => {
                format!("垂直管理或双重领导的上级单位不在单位名录中（{cite}）")
            }
            (Language::Chinese, Self::GradedAboveParent { .. }) => {
                format!("单位规格不能高于其所属单位（{cite}）")
            }
            (Language::Chinese, Self::TownshipOutsideArea { .. }) => {
                format!("单位所在乡镇不在其所属行政区划内（{cite}）")
            }
            (Language::Chinese, Self::Unknown(_)) => format!("单位不在单位名录中（{cite}）"),
            (Language::Chinese, Self::LengthMismatch { expected, found }) => {
                format!("逐单位数据 {found} 条，单位 {expected} 个，数量不符")
            }
        }
    }
}

/// An institution's position in the registry's preorder: a dense index for bulk tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct InstitutionSlot(u32);

impl InstitutionSlot {
    /// The slot as an index into a per-institution table.
    #[must_use]
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// The 单位 registry: every institution once, in preorder (each after the one it belongs to,
/// a subtree contiguous), with its parent slot and subtree end. `Default` is the empty
/// registry.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct InstitutionRegistry {
    institutions: Vec<Institution>,
    #[serde(skip)]
    slots: HashMap<InstitutionId, u32>,
    #[serde(skip)]
    parents: Vec<u32>,
    /// One past the last slot of each institution's subtree.
    #[serde(skip)]
    ends: Vec<u32>,
}

const NO_PARENT: u32 = u32::MAX;

impl InstitutionRegistry {
    /// Builds the registry from institutions in any order.
    ///
    /// # Errors
    /// [`InstitutionError`] for a duplicate, an unknown parent or manager, a cycle, or an
    /// institution graded above the one it belongs to; nothing is built.
    pub fn from_institutions(list: Vec<Institution>) -> Result<Self, InstitutionError> {
        let mut index: HashMap<InstitutionId, usize> = HashMap::with_capacity(list.len());
        for (i, inst) in list.iter().enumerate() {
            if index.insert(inst.id, i).is_some() {
                return Err(InstitutionError::Duplicate(inst.id));
            }
        }
        let mut children: Vec<Vec<usize>> = vec![Vec::new(); list.len()];
        let mut roots = Vec::new();
        for (i, inst) in list.iter().enumerate() {
            if let Some(township) = inst.township
                && township.county() != inst.area
            {
                return Err(InstitutionError::TownshipOutsideArea {
                    institution: inst.id,
                    township,
                    area: inst.area,
                });
            }
            match inst.parent.map(|b| b.institution) {
                Some(p) if p == inst.id => return Err(InstitutionError::Cycle(inst.id)),
                Some(p) => {
                    let pi = *index.get(&p).ok_or(InstitutionError::UnknownParent {
                        institution: inst.id,
                        parent: p,
                    })?;
                    if let (Some(g), Some(pg)) = (inst.grade, list.get(pi).and_then(|x| x.grade))
                        && g > pg
                    {
                        return Err(InstitutionError::GradedAboveParent {
                            institution: inst.id,
                        });
                    }
                    if let Some(c) = children.get_mut(pi) {
                        c.push(i);
                    }
                }
                None => roots.push(i),
            }
            if let Some(m) = inst.management.from_above()
                && (m == inst.id || !index.contains_key(&m))
            {
                return Err(InstitutionError::UnknownManager {
                    institution: inst.id,
                    manager: m,
                });
            }
        }
        // Preorder from the roots; an institution never reached sits on a cycle.
        let mut order = Vec::with_capacity(list.len());
        let mut stack: Vec<usize> = roots.into_iter().rev().collect();
        while let Some(i) = stack.pop() {
            order.push(i);
            if let Some(c) = children.get(i) {
                stack.extend(c.iter().rev());
            }
        }
        if order.len() != list.len() {
            let mut reached = vec![false; list.len()];
            for &i in &order {
                if let Some(r) = reached.get_mut(i) {
                    *r = true;
                }
            }
            let on_cycle = reached
                .iter()
                .position(|r| !r)
                .and_then(|i| list.get(i))
                .map_or_else(|| InstitutionId::from_uuid(uuid::Uuid::nil()), |x| x.id);
            return Err(InstitutionError::Cycle(on_cycle));
        }
        let mut slot_of = vec![0u32; list.len()];
        for (slot, &i) in order.iter().enumerate() {
            if let Some(s) = slot_of.get_mut(i) {
                *s = u32::try_from(slot).unwrap_or(u32::MAX);
            }
        }
        let mut by_slot: Vec<Option<Institution>> = list.into_iter().map(Some).collect();
        let institutions: Vec<Institution> = order
            .iter()
            .filter_map(|&i| by_slot.get_mut(i).and_then(Option::take))
            .collect();
        let slots: HashMap<InstitutionId, u32> = institutions
            .iter()
            .enumerate()
            .map(|(s, x)| (x.id, u32::try_from(s).unwrap_or(u32::MAX)))
            .collect();
        let parents: Vec<u32> = institutions
            .iter()
            .map(|x| {
                x.parent
                    .and_then(|b| slots.get(&b.institution).copied())
                    .unwrap_or(NO_PARENT)
            })
            .collect();
        // Subtree ends: each slot's end is the largest end among its descendants, found in one
        // backward pass (a child's slot is after its parent's in preorder).
        let mut ends: Vec<u32> = (1..=institutions.len())
            .map(|e| u32::try_from(e).unwrap_or(u32::MAX))
            .collect();
        for s in (0..institutions.len()).rev() {
            let (Some(&p), Some(&end)) = (parents.get(s), ends.get(s)) else {
                continue;
            };
            if p != NO_PARENT
                && let Some(pe) = ends.get_mut(p as usize)
            {
                *pe = (*pe).max(end);
            }
        }
        Ok(Self {
            institutions,
            slots,
            parents,
            ends,
        })
    }

    /// Institutions held.
    #[must_use]
    pub fn len(&self) -> usize {
        self.institutions.len()
    }

    /// Whether the registry is empty.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.institutions.is_empty()
    }

    /// Every institution, in preorder (slot order).
    #[must_use]
    pub fn institutions(&self) -> &[Institution] {
        &self.institutions
    }

    /// The institution with `id`.
    #[must_use]
    pub fn get(&self, id: InstitutionId) -> Option<&Institution> {
        self.slot(id).and_then(|s| self.institutions.get(s.index()))
    }

    /// The slot of `id`.
    #[must_use]
    pub fn slot(&self, id: InstitutionId) -> Option<InstitutionSlot> {
        self.slots.get(&id).copied().map(InstitutionSlot)
    }

    /// The slot of the institution `slot` belongs to.
    #[must_use]
    pub fn parent_slot(&self, slot: InstitutionSlot) -> Option<InstitutionSlot> {
        self.parents
            .get(slot.index())
            .copied()
            .filter(|p| *p != NO_PARENT)
            .map(InstitutionSlot)
    }

    fn lookup(&self, id: InstitutionId) -> Result<InstitutionSlot, InstitutionError> {
        self.slot(id).ok_or(InstitutionError::Unknown(id))
    }

    /// `id` and everything that belongs to it, directly or not, in preorder.
    ///
    /// # Errors
    /// [`InstitutionError::Unknown`].
    pub fn subtree(
        &self,
        id: InstitutionId,
    ) -> Result<impl Iterator<Item = &Institution>, InstitutionError> {
        let s = self.lookup(id)?;
        let end = self.ends.get(s.index()).copied().unwrap_or(0) as usize;
        Ok(self
            .institutions
            .get(s.index()..end)
            .unwrap_or_default()
            .iter())
    }

    /// The institutions `id` belongs to, nearest first.
    ///
    /// # Errors
    /// [`InstitutionError::Unknown`].
    pub fn ancestors(
        &self,
        id: InstitutionId,
    ) -> Result<impl Iterator<Item = &Institution>, InstitutionError> {
        let s = self.lookup(id)?;
        Ok(
            std::iter::successors(self.parent_slot(s), |p| self.parent_slot(*p))
                .filter_map(|p| self.institutions.get(p.index())),
        )
    }

    /// Whether `id` is `scope` or belongs to it.
    ///
    /// # Errors
    /// [`InstitutionError::Unknown`] for either.
    pub fn is_within(
        &self,
        id: InstitutionId,
        scope: InstitutionId,
    ) -> Result<bool, InstitutionError> {
        let s = self.lookup(id)?.index();
        let sc = self.lookup(scope)?.index();
        let end = self.ends.get(sc).copied().unwrap_or(0) as usize;
        Ok(s >= sc && s < end)
    }

    /// 编制 by subtree, one total per slot: each institution's own approved establishment
    /// plus that of everything under it (a government's total is its departments' and
    /// their units'). An institution without a recorded establishment adds nothing.
    ///
    /// ```
    /// use zugong_core::*;
    /// let id = |n: u128| InstitutionId::from_uuid(uuid::Uuid::from_u128(n));
    /// let area = DivisionCode::from_number(640_121)?;
    /// let registry = InstitutionRegistry::from_institutions(vec![
    ///     Institution::new(id(1), "新庄县人民政府", InstitutionKind::Government, area).with_establishment(20),
    ///     Institution::new(id(2), "新庄县交通运输局", InstitutionKind::GovernmentDepartment, area)
    ///         .under(id(1), Attachment::WorkingDepartment).with_establishment(15),
    ///     Institution::new(id(3), "新庄县公路养护中心", InstitutionKind::PublicInstitution, area)
    ///         .under(id(2), Attachment::DirectlyAffiliated),
    /// ])?;
    /// let totals = registry.establishment_rollup();
    /// let at = |n| registry.slot(id(n)).map(|s| totals[s.index()]);
    /// assert_eq!((at(1), at(2), at(3)), (Some(35), Some(15), Some(0)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn establishment_rollup(&self) -> Vec<u64> {
        let mut totals: Vec<u64> = self
            .institutions
            .iter()
            .map(|i| u64::from(i.establishment.unwrap_or(0)))
            .collect();
        // One value per institution by construction: the length always matches.
        let _ = self.rollup_in_place(&mut totals, |acc, child| *acc = acc.saturating_add(*child));
        totals
    }

    /// Rolls per-institution values (one per slot) up the registry: each becomes its whole
    /// subtree's, by `combine(parent_total, child_total)`, in one backward pass.
    ///
    /// # Errors
    /// [`InstitutionError::LengthMismatch`] unless `values` holds one value per institution;
    /// `values` is then left as it was.
    pub fn rollup_in_place<T>(
        &self,
        values: &mut [T],
        mut combine: impl FnMut(&mut T, &T),
    ) -> Result<(), InstitutionError> {
        if values.len() != self.institutions.len() {
            return Err(InstitutionError::LengthMismatch {
                expected: self.institutions.len(),
                found: values.len(),
            });
        }
        for s in (1..values.len()).rev() {
            let Some(&p) = self.parents.get(s) else {
                continue;
            };
            if p == NO_PARENT {
                continue;
            }
            let p = p as usize;
            if p < s {
                let (head, tail) = values.split_at_mut(s);
                if let (Some(acc), Some(child)) = (head.get_mut(p), tail.first()) {
                    combine(acc, child);
                }
            }
        }
        Ok(())
    }
}

impl<'de> Deserialize<'de> for InstitutionRegistry {
    /// A registry deserializes from its list of institutions and is checked like
    /// [`InstitutionRegistry::from_institutions`]: an invalid list is refused.
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Wire {
            institutions: Vec<Institution>,
        }
        let w = Wire::deserialize(d)?;
        Self::from_institutions(w.institutions).map_err(serde::de::Error::custom)
    }
}
