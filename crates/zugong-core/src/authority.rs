//! Authority and jurisdiction (管理权限, 下管一级): who may act on what.
//!
//! Every mutating command in zugong is issued by an actor acting for an [`Authority`]: a
//! Party committee (党委/党组) or its organization department (组织部) at an org unit. An
//! authority acts only inside its org subtree; for cadre posts it manages only the ranks its
//! level manages under 下管一级. Anything outside is refused with an [`AuthorityError`],
//! never silently accepted.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::citation::{Citation, sources};
use crate::official_terms;
use crate::policy::{Policy, PolicyError};
use crate::{ActorId, AdminLevel, LeadershipRank, OrgKind, OrgTree, OrgUnitId, RankLevel};

/// Which body of the org unit acts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AuthorityBody {
    /// 党委（党组）: the committee itself, e.g. deciding an appointment (讨论决定).
    PartyCommittee,
    /// 组织部: the committee's organization department, doing the work on its behalf.
    OrganizationDepartment,
    /// 纪委（监委）: the committee's commission for discipline inspection. It acts on cadre
    /// posts only where the management list gives it the nomination and inspection of a
    /// 纪检监察 post (提名考察以上级纪委会同组织部门为主, [`crate::NominationLead`]); it runs no other
    /// process of the committee.
    DisciplineCommission,
}

official_terms!(AuthorityBody, "权力主体 (authority body)", {
    PartyCommittee => "党委（党组）" | "党委" | "党组",
    OrganizationDepartment => "组织部" | "组织部门",
    DisciplineCommission => "纪委（监委）" | "纪委" | "纪委监委",
});

/// 管理主体: a Party committee or its organization department at an org unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Authority {
    /// The unit whose committee it is (a 党委, 党工委, 党组 or 基层党委).
    pub unit: OrgUnitId,
    /// Committee or organization department.
    pub body: AuthorityBody,
}

/// 经办人: a person acting for an authority.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Actor {
    /// Who.
    pub id: ActorId,
    /// For whom.
    pub authority: Authority,
}

/// 管理权限 parameters.
///
/// Default: 下管一级 — a committee manages the leaders one level below its own
/// (中央书记处 1984, secondary; domain brief §1.5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(remote = "Self")]
pub struct JurisdictionPolicy {
    /// How many rank levels below its own an authority manages: 1 is 下管一级 (default),
    /// 2 would be the older 下管两级.
    pub levels_down: u8,
}

crate::validated_policy_serde!(JurisdictionPolicy);

impl Default for JurisdictionPolicy {
    fn default() -> Self {
        Self { levels_down: 1 }
    }
}

impl Policy for JurisdictionPolicy {
    fn citations(&self) -> Vec<(&'static str, Citation)> {
        vec![("levels_down", sources::ONE_LEVEL_DOWN_1984)]
    }

    fn validate(&self) -> Result<(), PolicyError> {
        if (1..=4).contains(&self.levels_down) {
            Ok(())
        } else {
            Err(PolicyError::OutOfRange {
                field: "levels_down",
                value: i64::from(self.levels_down),
                min: 1,
                max: 4,
            })
        }
    }
}

/// A command refused because the authority may not act on its target. Messages name units
/// by their names, never by their ids.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum AuthorityError {
    /// The authority's unit or the target is not in the org tree (the id is kept for the
    /// caller; the message does not show it).
    #[error("a unit the command names is not in the organization tree")]
    UnknownUnit(OrgUnitId),
    /// The authority's unit is not a committee that can hold 管理权限 (e.g. a 党支部).
    #[error("{name} is a {kind}, which holds no management authority")]
    NotACommittee {
        /// The unit.
        unit: OrgUnitId,
        /// Its name.
        name: String,
        /// Its kind.
        kind: OrgKind,
    },
    /// The body does not do this work: a 纪委 acts on the nomination and inspection of
    /// 纪检监察 posts only, never on branches, members, classes or ratings.
    #[error(
        "the {body} does not do this work: the Party committee or its organization department does"
    )]
    NotItsWork {
        /// The body that tried.
        body: AuthorityBody,
    },
    /// The target lies outside the authority's org subtree.
    #[error(
        "{target_name} is outside the jurisdiction of {authority_name} (not in its org subtree)"
    )]
    OutsideSubtree {
        /// The authority's unit.
        authority: OrgUnitId,
        /// Its name.
        authority_name: String,
        /// The target unit.
        target: OrgUnitId,
        /// Its name.
        target_name: String,
    },
    /// The post's rank is not one this authority's level manages (下管一级).
    #[error("a committee at {authority_level} does not manage {rank} posts (下管一级)")]
    RankOutsideJurisdiction {
        /// The post's rank.
        rank: LeadershipRank,
        /// The authority's administrative level.
        authority_level: AdminLevel,
    },
}

impl AuthorityError {
    /// The rule that refused.
    #[must_use]
    pub fn citation(&self) -> Citation {
        sources::ONE_LEVEL_DOWN_1984
    }
}

impl crate::journal::Refusal for AuthorityError {
    fn citation(&self) -> Citation {
        sources::ONE_LEVEL_DOWN_1984
    }

    fn message(&self, language: crate::journal::Language) -> String {
        let cite = sources::ONE_LEVEL_DOWN_1984;
        if language == crate::journal::Language::English {
            return format!("{self}: the body that manages the unit may issue this ({cite})");
        }
        match self {
            Self::UnknownUnit(_) => format!("命令所涉单位不在组织树中：先将其录入组织树（{cite}）"),
            Self::NotACommittee { name, kind, .. } => {
                format!("{name}是{kind}，不具有干部管理权限：应由其上级党委（党组）办理（{cite}）")
            }
            Self::NotItsWork { body } => {
                format!("{body}不办理此项工作：应由党委（党组）或其组织部门办理（{cite}）")
            }
            Self::OutsideSubtree {
                authority_name,
                target_name,
                ..
            } => format!(
                "{target_name}不在{authority_name}的管理范围内：应由管理该单位的党组织办理（{cite}）"
            ),
            Self::RankOutsideJurisdiction {
                rank,
                authority_level,
            } => format!(
                "{authority_level}党委不管理{rank}职务（下管一级）：应由管理该层次干部的党委办理（{cite}）"
            ),
        }
    }
}

impl Authority {
    /// The commission for discipline inspection (纪委（监委）) of `unit`'s committee.
    #[must_use]
    pub const fn discipline_commission(unit: OrgUnitId) -> Self {
        Self {
            unit,
            body: AuthorityBody::DisciplineCommission,
        }
    }

    /// The organization department of `unit`.
    #[must_use]
    pub const fn organization_department(unit: OrgUnitId) -> Self {
        Self {
            unit,
            body: AuthorityBody::OrganizationDepartment,
        }
    }

    /// The Party committee of `unit`.
    #[must_use]
    pub const fn party_committee(unit: OrgUnitId) -> Self {
        Self {
            unit,
            body: AuthorityBody::PartyCommittee,
        }
    }

    /// Checks that the authority may act on `target` (a branch, member, class…): its unit is a
    /// committee and `target` lies in its subtree.
    ///
    /// # Errors
    /// [`AuthorityError::NotItsWork`] for a 纪委, [`AuthorityError::UnknownUnit`],
    /// [`AuthorityError::NotACommittee`] or [`AuthorityError::OutsideSubtree`].
    pub fn check_unit(&self, tree: &OrgTree, target: OrgUnitId) -> Result<(), AuthorityError> {
        if self.body == AuthorityBody::DisciplineCommission {
            return Err(AuthorityError::NotItsWork { body: self.body });
        }
        let unit = tree
            .get(self.unit)
            .ok_or(AuthorityError::UnknownUnit(self.unit))?;
        if !unit.kind.is_committee() {
            return Err(AuthorityError::NotACommittee {
                unit: self.unit,
                name: unit.name.clone(),
                kind: unit.kind,
            });
        }
        if tree
            .is_within(target, self.unit)
            .map_err(|_| AuthorityError::UnknownUnit(target))?
        {
            Ok(())
        } else {
            Err(AuthorityError::OutsideSubtree {
                authority: self.unit,
                authority_name: unit.name.clone(),
                target,
                target_name: tree.get(target).map(|u| u.name.clone()).unwrap_or_default(),
            })
        }
    }

    /// The rank levels this authority manages under `policy`: those below its own level, at
    /// most `levels_down` of them (a county committee manages 乡科级 posts).
    ///
    /// # Errors
    /// [`AuthorityError::UnknownUnit`] when the authority's unit is not in the tree.
    pub fn managed_rank_levels(
        &self,
        tree: &OrgTree,
        policy: &JurisdictionPolicy,
    ) -> Result<Vec<RankLevel>, AuthorityError> {
        let unit = tree
            .get(self.unit)
            .ok_or(AuthorityError::UnknownUnit(self.unit))?;
        let mut levels = Vec::new();
        let mut next = unit.level.own_rank_level().and_then(RankLevel::below);
        while let Some(level) = next {
            if levels.len() >= usize::from(policy.levels_down) {
                break;
            }
            levels.push(level);
            next = level.below();
        }
        Ok(levels)
    }

    /// Checks that the authority may appoint, assess or remove the holder of a post of `rank`
    /// in `post_unit`: the unit lies in its subtree and the rank is one it manages
    /// (下管一级, [`JurisdictionPolicy`]).
    ///
    /// ```
    /// use zugong_core::*;
    ///
    /// let id = |n: u128| OrgUnitId::from_uuid(uuid::Uuid::from_u128(n));
    /// let tree = OrgTree::from_units(vec![
    ///     OrgUnit::new(id(1), "中共银川市委员会", OrgKind::Committee, AdminLevel::Prefectural),
    ///     OrgUnit::new(id(2), "中共永宁县委员会", OrgKind::Committee, AdminLevel::County).with_parent(id(1)),
    ///     OrgUnit::new(id(3), "中共望洪镇委员会", OrgKind::Committee, AdminLevel::Township).with_parent(id(2)),
    /// ])?;
    /// let county = Authority::organization_department(id(2));
    /// let policy = JurisdictionPolicy::default();
    /// // The county manages a township's 乡科级 leaders...
    /// assert!(county.check_post(&tree, &policy, id(3), LeadershipRank::TownshipSectionChief).is_ok());
    /// // ...but not its own 县处级 leaders, whom the city manages.
    /// assert!(county.check_post(&tree, &policy, id(2), LeadershipRank::CountyDivisionDeputy).is_err());
    /// let city = Authority::organization_department(id(1));
    /// assert!(city.check_post(&tree, &policy, id(2), LeadershipRank::CountyDivisionDeputy).is_ok());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// As [`Authority::check_unit`], or [`AuthorityError::RankOutsideJurisdiction`].
    pub fn check_post(
        &self,
        tree: &OrgTree,
        policy: &JurisdictionPolicy,
        post_unit: OrgUnitId,
        rank: LeadershipRank,
    ) -> Result<(), AuthorityError> {
        self.check_unit(tree, post_unit)?;
        let levels = self.managed_rank_levels(tree, policy)?;
        if levels.contains(&rank.level()) {
            Ok(())
        } else {
            let authority_level = tree.get(self.unit).map_or(AdminLevel::Central, |u| u.level);
            Err(AuthorityError::RankOutsideJurisdiction {
                rank,
                authority_level,
            })
        }
    }
}
