//! 干部管理权限 as data: the management list (干部职务名称表) that says, for each post or class of
//! posts, which Party committee manages it (主管), which co-manages it (协管) and where its
//! appointments are filed (备案) — a list the Party committees set, not a consequence of either
//! tree. Under 双重管理 the co-manager is consulted before a decision; its answer, or its
//! silence past a period, is recorded.
//!
//! ```
//! use chrono::NaiveDate;
//! use zugong_core::*;
//! let unit = |n: u128| OrgUnitId::from_uuid(uuid::Uuid::from_u128(n));
//! let inst = |n: u128| InstitutionId::from_uuid(uuid::Uuid::from_u128(n));
//! let county_committee = unit(1);
//! let list = ManagementList::new(vec![
//!     // The county committee manages the leaders of the county's transport bureau.
//!     ManagementEntry::for_class(PostHolder::Institution(inst(2)), LeadershipRank::TownshipSectionDeputy, county_committee),
//! ]);
//! let post = PositionId::from_uuid(uuid::Uuid::from_u128(9));
//! let entry = list
//!     .lookup(post, PostHolder::Institution(inst(2)), Some(LeadershipRank::TownshipSectionDeputy))
//!     .ok_or("no entry")?;
//! // Only the committee itself decides; its organization department does the work.
//! assert!(entry.check_decision(Authority::party_committee(county_committee)).is_ok());
//! assert!(entry.check_decision(Authority::organization_department(county_committee)).is_err());
//! assert!(entry.check_decision(Authority::party_committee(unit(3))).is_err());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::journal::{Language, Refusal};
use crate::policy::{Policy, PolicyError};
use crate::{
    Authority, AuthorityBody, Citation, InstitutionRegistry, JurisdictionPolicy, LeadershipRank,
    OrgKind, OrgTree, OrgUnitId, PartyPlacement, PositionId, PostHolder, SourceStatus,
    WorkCalendar,
};

/// 干部管理权限: 党管干部 and 分级管理 by the management list (干部任用条例 第四条, 第五十八条).
const LIST_RULE: Citation = Citation::new(
    "《党政领导干部选拔任用工作条例》(2019)",
    "第四条（党管干部）；干部管理权限",
    SourceStatus::Secondary,
);
/// 讨论决定 by the Party committee (常委会) or 党组 (干部任用条例 第六章).
const DECISION_RULE: Citation = Citation::new(
    "《党政领导干部选拔任用工作条例》(2019)",
    "第六章（讨论决定）",
    SourceStatus::Confirmed,
);
/// 双重管理: the co-manager's views are sought before a decision.
const CO_MANAGEMENT_RULE: Citation = Citation::new(
    "双重管理干部的管理办法（主管方征求协管方意见）",
    "征求协管方意见",
    SourceStatus::Provisional,
);

/// The posts an entry covers: one post, or a class — the posts of a holder (a 单位, a Party
/// committee or a 党组) at a rank (县直部门正职, 乡镇党委副书记…).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "covers", rename_all = "snake_case")]
pub enum PostClass {
    /// One post.
    Post {
        /// The post.
        post: PositionId,
    },
    /// The posts of `holder` at `rank`.
    Class {
        /// The 单位, Party committee or 党组 the posts belong to.
        holder: PostHolder,
        /// The rank.
        rank: LeadershipRank,
    },
}

/// 提名考察: who leads the nomination and inspection of the posts an entry covers.
///
/// For the 纪委书记 and 副书记 below it, the upper 纪委 (监委) leads, together with the
/// organization department (提名考察以上级纪委会同组织部门为主: 《中国共产党纪律检查机关
/// 监督执纪工作规则》and the 2015 rules on the nomination of 纪委 leaders; secondary). The
/// decision stays with the managing committee either way.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NominationLead {
    /// The managing committee's organization department (the rule for most posts).
    #[default]
    OrganizationDepartment,
    /// The managing committee's 纪委 (监委), with the organization department.
    DisciplineCommission,
}

crate::official_terms!(NominationLead, "提名考察 (nomination and inspection)", {
    OrganizationDepartment => "组织部门提名考察" | "组织部门",
    DisciplineCommission => "纪委会同组织部门提名考察" | "纪委",
});

/// One row of the management list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ManagementEntry {
    /// The posts it covers.
    pub posts: PostClass,
    /// 主管: the Party committee (or 党组) that manages them and decides.
    pub manager: OrgUnitId,
    /// 协管: the co-manager consulted before a decision, under 双重管理.
    #[serde(default)]
    pub co_manager: Option<OrgUnitId>,
    /// 备案: the body appointments are filed with.
    #[serde(default)]
    pub filed_with: Option<OrgUnitId>,
    /// Who leads the nomination and inspection.
    #[serde(default)]
    pub nomination: NominationLead,
}

impl ManagementEntry {
    /// A row for one post, managed by `manager`.
    #[must_use]
    pub const fn for_post(post: PositionId, manager: OrgUnitId) -> Self {
        Self {
            posts: PostClass::Post { post },
            manager,
            co_manager: None,
            filed_with: None,
            nomination: NominationLead::OrganizationDepartment,
        }
    }

    /// A row for the posts of `holder` at `rank`, managed by `manager`.
    #[must_use]
    pub const fn for_class(holder: PostHolder, rank: LeadershipRank, manager: OrgUnitId) -> Self {
        Self {
            posts: PostClass::Class { holder, rank },
            manager,
            co_manager: None,
            filed_with: None,
            nomination: NominationLead::OrganizationDepartment,
        }
    }

    /// The same row, nominated and inspected as `nomination` says.
    #[must_use]
    pub const fn nominated_by(mut self, nomination: NominationLead) -> Self {
        self.nomination = nomination;
        self
    }

    /// The same row, co-managed by `co_manager` (双重管理).
    #[must_use]
    pub const fn co_managed_by(mut self, co_manager: OrgUnitId) -> Self {
        self.co_manager = Some(co_manager);
        self
    }

    /// The same row, filed with `body` (备案).
    #[must_use]
    pub const fn filed_with(mut self, body: OrgUnitId) -> Self {
        self.filed_with = Some(body);
        self
    }

    /// Whether `authority` may 讨论决定 an appointment to these posts: the managing committee
    /// itself (its 常委会, or the 党组), not its organization department, and no other body.
    ///
    /// # Errors
    /// [`ManagementError::NotTheManager`] or [`ManagementError::DepartmentCannotDecide`].
    pub fn check_decision(&self, authority: Authority) -> Result<(), ManagementError> {
        if authority.unit != self.manager {
            return Err(ManagementError::NotTheManager {
                manager: self.manager,
            });
        }
        if authority.body != AuthorityBody::PartyCommittee {
            return Err(ManagementError::DepartmentCannotDecide);
        }
        Ok(())
    }

    /// Whether `authority` may do the work for the managing committee (公示, 任职谈话, 备案
    /// paperwork): the committee or its organization department.
    ///
    /// # Errors
    /// [`ManagementError::NotTheManager`], or [`ManagementError::NotItsWork`] for a 纪委.
    pub fn check_work(&self, authority: Authority) -> Result<(), ManagementError> {
        if authority.unit != self.manager {
            return Err(ManagementError::NotTheManager {
                manager: self.manager,
            });
        }
        if authority.body == AuthorityBody::DisciplineCommission {
            return Err(ManagementError::NotItsWork {
                body: authority.body,
            });
        }
        Ok(())
    }

    /// Whether `authority` may nominate and inspect (动议, 民主推荐, 确定考察对象, 考察): the
    /// committee or its organization department; for a row whose [`NominationLead`] is the 纪委's,
    /// the committee's 纪委 as well.
    ///
    /// # Errors
    /// [`ManagementError::NotTheManager`], or [`ManagementError::NotItsWork`] for a 纪委 on a
    /// row the organization department nominates.
    pub fn check_nomination(&self, authority: Authority) -> Result<(), ManagementError> {
        if authority.unit == self.manager
            && authority.body == AuthorityBody::DisciplineCommission
            && self.nomination == NominationLead::DisciplineCommission
        {
            return Ok(());
        }
        self.check_work(authority)
    }
}

/// The management list: rows for posts and classes of posts. A row for the post itself comes
/// before a row for its class.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ManagementList {
    /// The rows.
    pub entries: Vec<ManagementEntry>,
}

impl ManagementList {
    /// A list of `entries`.
    #[must_use]
    pub const fn new(entries: Vec<ManagementEntry>) -> Self {
        Self { entries }
    }

    /// The row that covers `post` (of `holder`, at `rank`): the post's own row, else its
    /// class's; `None` when the list does not cover it. A post that carries a 职级 and no
    /// leadership rank (`rank: None`) is covered only by a row of its own.
    #[must_use]
    pub fn lookup(
        &self,
        post: PositionId,
        holder: PostHolder,
        rank: Option<LeadershipRank>,
    ) -> Option<&ManagementEntry> {
        self.entries
            .iter()
            .find(|e| e.posts == PostClass::Post { post })
            .or_else(|| {
                let rank = rank?;
                self.entries
                    .iter()
                    .find(|e| e.posts == PostClass::Class { holder, rank })
            })
    }

    /// The committee that keeps the records of `holder`'s posts at `rank` (its 职数 book, its
    /// annual assessment): the manager of the class's row; for a 职级 or a rank without a row,
    /// the manager of any class row of the holder; for a Party committee or 党组 without a
    /// row, the body itself. `None` when the list says nothing of a 单位.
    #[must_use]
    pub fn keeper(&self, holder: PostHolder, rank: Option<LeadershipRank>) -> Option<OrgUnitId> {
        let class = rank.and_then(|rank| {
            self.entries
                .iter()
                .find(|e| e.posts == PostClass::Class { holder, rank })
        });
        class
            .or_else(|| {
                self.entries
                    .iter()
                    .find(|e| matches!(e.posts, PostClass::Class { holder: h, .. } if h == holder))
            })
            .map(|e| e.manager)
            .or_else(|| holder.party_organization())
    }

    /// The list 下管一级 makes for `classes` (each a holder and a rank): for each class, the
    /// nearest local Party committee (党委, not a 工委 or 基层党委) above the holder whose level
    /// manages the rank under `policy` — a county committee manages the 乡科级 leaders of its
    /// bureaus and townships, the city committee the county's 县处级 leaders.
    ///
    /// - A 单位's posts are placed by the Party organization set up in it (所在单位), else in
    ///   the nearest institution above it that has one, else by the committee of its area
    ///   (属地管理, the committee whose division code is the institution's).
    /// - 垂直管理: the Party organization set up in the managing institution above manages;
    ///   the local committee co-manages (协管). 双重领导: the local committee manages and the
    ///   one above co-manages.
    /// - The posts of a 监察委员会 are nominated and inspected with the 纪委
    ///   ([`NominationLead::DisciplineCommission`]).
    /// - A class for which no committee is found gets no row: a later [`Self::lookup`] finds
    ///   nothing, and the lifecycles refuse it as not on the list.
    ///
    /// Duplicate classes give one row. Work is linear in the tree, the registry and `classes`.
    ///
    /// ```
    /// use zugong_core::*;
    /// let unit = |n: u128| OrgUnitId::from_uuid(uuid::Uuid::from_u128(n));
    /// let inst = |n: u128| InstitutionId::from_uuid(uuid::Uuid::from_u128(n));
    /// let area: DivisionCode = "640121".parse()?;
    /// let registry = InstitutionRegistry::from_institutions(vec![
    ///     Institution::new(inst(1), "永宁县人民政府", InstitutionKind::Government, area),
    ///     Institution::new(inst(2), "永宁县交通运输局", InstitutionKind::GovernmentDepartment, area)
    ///         .under(inst(1), Attachment::WorkingDepartment),
    /// ])?;
    /// let tree = OrgTree::from_units(vec![
    ///     OrgUnit::new(unit(1), "中共银川市委员会", OrgKind::Committee, AdminLevel::Prefectural),
    ///     OrgUnit::new(unit(2), "中共永宁县委员会", OrgKind::Committee, AdminLevel::County)
    ///         .with_parent(unit(1)).with_division(area),
    ///     OrgUnit::new(unit(3), "中共永宁县直属机关工作委员会", OrgKind::WorkingCommittee, AdminLevel::County)
    ///         .with_parent(unit(2)),
    ///     OrgUnit::new(unit(4), "永宁县交通运输局机关党支部", OrgKind::Branch, AdminLevel::County)
    ///         .with_parent(unit(3)).with_host(UnitKind::Organ).in_institution(inst(2)),
    /// ])?;
    /// let bureau = PostHolder::Institution(inst(2));
    /// let county = PostHolder::PartyCommittee(unit(2));
    /// let list = ManagementList::one_level_down(&tree, &registry, &JurisdictionPolicy::default(), [
    ///     (bureau, LeadershipRank::TownshipSectionChief),
    ///     (county, LeadershipRank::CountyDivisionChief),
    /// ]);
    /// let post = PositionId::from_uuid(uuid::Uuid::from_u128(9));
    /// // The bureau's 局长 is the county committee's, not the 机关工委's.
    /// let row = list.lookup(post, bureau, Some(LeadershipRank::TownshipSectionChief)).ok_or("no row")?;
    /// assert_eq!(row.manager, unit(2));
    /// // The county's own 县委书记 is the city's.
    /// let row = list.lookup(post, county, Some(LeadershipRank::CountyDivisionChief)).ok_or("no row")?;
    /// assert_eq!(row.manager, unit(1));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn one_level_down(
        tree: &OrgTree,
        registry: &InstitutionRegistry,
        policy: &JurisdictionPolicy,
        classes: impl IntoIterator<Item = (PostHolder, LeadershipRank)>,
    ) -> Self {
        let placement = PartyPlacement::new(tree);
        let places = Places {
            placement: &placement,
        };
        let mut seen = std::collections::HashSet::new();
        let mut entries = Vec::new();
        for (holder, rank) in classes {
            if !seen.insert((holder, rank)) {
                continue;
            }
            if let Some(entry) = places.entry(tree, registry, policy, holder, rank) {
                entries.push(entry);
            }
        }
        Self { entries }
    }
}

/// The manager of a class under 下管一级, for [`ManagementList::one_level_down`].
struct Places<'p> {
    placement: &'p PartyPlacement,
}

impl Places<'_> {
    /// The nearest local committee at or above `from` that manages `rank`.
    fn manager(
        tree: &OrgTree,
        policy: &JurisdictionPolicy,
        from: OrgUnitId,
        rank: LeadershipRank,
    ) -> Option<OrgUnitId> {
        let own = tree.get(from)?;
        std::iter::once(own)
            .chain(tree.ancestors(from).ok()?)
            .filter(|u| u.kind == OrgKind::Committee)
            .find(|u| {
                Authority::party_committee(u.id)
                    .managed_rank_levels(tree, policy)
                    .is_ok_and(|levels| levels.contains(&rank.level()))
            })
            .map(|u| u.id)
    }

    fn entry(
        &self,
        tree: &OrgTree,
        registry: &InstitutionRegistry,
        policy: &JurisdictionPolicy,
        holder: PostHolder,
        rank: LeadershipRank,
    ) -> Option<ManagementEntry> {
        let (local, above, supervision) = match holder {
            PostHolder::PartyCommittee(u) | PostHolder::LeadingGroup(u) => (Some(u), None, false),
            PostHolder::Institution(i) => {
                let inst = registry.get(i)?;
                let above = inst
                    .management
                    .from_above()
                    .and_then(|by| self.placement.set_up_in(by));
                (
                    self.placement.anchor(registry, i),
                    above.map(|a| (a, inst.management)),
                    inst.kind == crate::InstitutionKind::Supervision,
                )
            }
        };
        let local_manager = local.and_then(|l| Self::manager(tree, policy, l, rank));
        let mut entry = match above {
            Some((system, crate::Management::Vertical(_))) => {
                let mut e = ManagementEntry::for_class(holder, rank, system);
                e.co_manager = local_manager;
                e
            }
            Some((system, _)) => {
                let mut e = ManagementEntry::for_class(holder, rank, local_manager?);
                e.co_manager = Some(system);
                e
            }
            None => ManagementEntry::for_class(holder, rank, local_manager?),
        };
        if supervision {
            entry.nomination = NominationLead::DisciplineCommission;
        }
        Some(entry)
    }
}

/// The co-manager's answer to a consultation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CoManagerAnswer {
    /// 同意.
    Agreed,
    /// 不同意 (the manager decides, with the objection on record).
    Objected,
}

crate::official_terms!(CoManagerAnswer, "协管方意见 (co-manager's answer)", {
    Agreed => "同意",
    Objected => "不同意",
});

/// A consultation of the co-manager (征求协管方意见): when it was asked and, if it answered,
/// how and when.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Consultation {
    /// The co-manager consulted.
    pub co_manager: OrgUnitId,
    /// The day the views were sought.
    pub asked_on: NaiveDate,
    /// The answer, if any.
    pub answer: Option<CoManagerReply>,
}

/// The co-manager's reply: its answer and the day it came.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CoManagerReply {
    /// 同意 or 不同意.
    pub answer: CoManagerAnswer,
    /// The day.
    pub on: NaiveDate,
}

impl Consultation {
    /// Views sought from `co_manager` on `asked_on`, not yet answered.
    #[must_use]
    pub const fn asked(co_manager: OrgUnitId, asked_on: NaiveDate) -> Self {
        Self {
            co_manager,
            asked_on,
            answer: None,
        }
    }

    /// The same consultation, answered `answer` on `on`.
    #[must_use]
    pub const fn answered(mut self, answer: CoManagerAnswer, on: NaiveDate) -> Self {
        self.answer = Some(CoManagerReply { answer, on });
        self
    }
}

/// The co-management rule: how long the co-manager has to answer before its silence counts as
/// no objection. Provisional: no national figure was found; a province sets its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(remote = "Self")]
#[non_exhaustive]
pub struct CoManagementPolicy {
    /// Working days the co-manager has to answer: 10 (provisional).
    pub reply_working_days: u32,
}

crate::validated_policy_serde!(CoManagementPolicy);

impl Default for CoManagementPolicy {
    fn default() -> Self {
        Self {
            reply_working_days: 10,
        }
    }
}

impl Policy for CoManagementPolicy {
    fn citations(&self) -> Vec<(&'static str, Citation)> {
        vec![("reply_working_days", CO_MANAGEMENT_RULE)]
    }

    /// A province may give the co-manager longer, never less than 5 working days.
    fn validate(&self) -> Result<(), PolicyError> {
        PolicyError::check_range("reply_working_days", self.reply_working_days, 5, 60)
    }
}

impl ManagementEntry {
    /// Checks that the co-manager (if the row has one) was consulted before a decision on
    /// `decided_on`: it answered before that day, or its period ran out without an answer
    /// (counted in working days on `calendar`). A row without a co-manager needs nothing.
    ///
    /// # Errors
    /// [`ManagementError::NotConsulted`] without a consultation of the row's co-manager;
    /// [`ManagementError::ConsultationPending`] while the co-manager may still answer.
    pub fn check_consulted(
        &self,
        consultation: Option<&Consultation>,
        decided_on: NaiveDate,
        calendar: &WorkCalendar,
        policy: &CoManagementPolicy,
    ) -> Result<(), ManagementError> {
        let Some(co) = self.co_manager else {
            return Ok(());
        };
        let Some(c) = consultation.filter(|c| c.co_manager == co && c.asked_on < decided_on) else {
            return Err(ManagementError::NotConsulted { co_manager: co });
        };
        if c.answer.is_some_and(|r| r.on <= decided_on) {
            return Ok(());
        }
        let day = calendar
            .add_working_days(c.asked_on, policy.reply_working_days)
            .map_err(ManagementError::Calendar)?;
        if decided_on > day {
            Ok(())
        } else {
            Err(ManagementError::ConsultationPending { until: day })
        }
    }
}

/// Why a management check refuses.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum ManagementError {
    /// The body is not the one the list names.
    #[error("the post is managed by another committee under the management list")]
    NotTheManager {
        /// The managing committee.
        manager: OrgUnitId,
    },
    /// A body that does not do this work (a 纪委 outside the nomination it is given).
    #[error("the {body} does not do this work for the committee")]
    NotItsWork {
        /// The body that tried.
        body: AuthorityBody,
    },
    /// The post is not on the management list.
    #[error("the post is not on the management list: add its row (or its class's) first")]
    NotListed,
    /// An organization department may do the work, not decide.
    #[error(
        "an organization department works for its committee; only the committee (常委会 or 党组) decides"
    )]
    DepartmentCannotDecide,
    /// The co-manager was not consulted.
    #[error("the co-manager was not consulted before the decision")]
    NotConsulted {
        /// The co-manager.
        co_manager: OrgUnitId,
    },
    /// The co-manager may still answer.
    #[error("the co-manager may answer until {until}")]
    ConsultationPending {
        /// The last day it may answer.
        until: NaiveDate,
    },
    /// The calendar cannot count the period (a year it does not cover, a date out of range).
    #[error(transparent)]
    Calendar(crate::CalendarError),
}

impl Refusal for ManagementError {
    fn citation(&self) -> Citation {
        match self {
            Self::NotTheManager { .. } | Self::NotItsWork { .. } | Self::NotListed => LIST_RULE,
            Self::DepartmentCannotDecide => DECISION_RULE,
            Self::NotConsulted { .. } | Self::ConsultationPending { .. } | Self::Calendar(_) => {
                CO_MANAGEMENT_RULE
            }
        }
    }

    fn message(&self, language: Language) -> String {
        let cite = self.citation();
        match (language, self) {
            (Language::English, _) => format!("{self} ({cite})"),
            (Language::Chinese, Self::NotTheManager { .. }) => {
                format!("按干部管理权限，该职务由其他党委管理（{cite}）")
            }
            (Language::Chinese, Self::NotItsWork { body }) => {
                format!("{body}不办理此项工作：由党委（党组）或其组织部门办理（{cite}）")
            }
            (Language::Chinese, Self::NotListed) => {
                format!("该职务不在干部职务名称表中：先列入名称表（职务或其类别）（{cite}）")
            }
            (Language::Chinese, Self::DepartmentCannotDecide) => {
                format!("组织部门受党委委托办理，讨论决定须由党委（常委会）或党组作出（{cite}）")
            }
            (Language::Chinese, Self::NotConsulted { .. }) => {
                format!("双重管理职务，决定前须征求协管方意见（{cite}）")
            }
            (Language::Chinese, Self::ConsultationPending { until }) => {
                format!("协管方可在 {until} 前回复意见，期满前不得决定（{cite}）")
            }
            (Language::Chinese, Self::Calendar(e)) => format!("无法计算答复期限：{e}（{cite}）"),
        }
    }
}
