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
//!     ManagementEntry::for_class(inst(2), LeadershipRank::TownshipSectionDeputy, county_committee),
//! ]);
//! let entry = list.lookup(PositionId::from_uuid(uuid::Uuid::from_u128(9)), inst(2), LeadershipRank::TownshipSectionDeputy)
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
    Authority, AuthorityBody, Citation, InstitutionId, LeadershipRank, OrgUnitId, PositionId,
    SourceStatus, WorkCalendar,
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

/// The posts an entry covers: one post, or a class — the posts of an institution at a rank
/// (县直部门正职, 乡镇党委副书记…).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "covers", rename_all = "snake_case")]
pub enum PostClass {
    /// One post.
    Post {
        /// The post.
        post: PositionId,
    },
    /// The posts of `institution` at `rank`.
    Class {
        /// The institution.
        institution: InstitutionId,
        /// The rank.
        rank: LeadershipRank,
    },
}

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
        }
    }

    /// A row for the posts of `institution` at `rank`, managed by `manager`.
    #[must_use]
    pub const fn for_class(
        institution: InstitutionId,
        rank: LeadershipRank,
        manager: OrgUnitId,
    ) -> Self {
        Self {
            posts: PostClass::Class { institution, rank },
            manager,
            co_manager: None,
            filed_with: None,
        }
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

    /// Whether `authority` may do the work for the managing committee (动议, 考察, 任职谈话,
    /// 备案 paperwork): the committee or its organization department.
    ///
    /// # Errors
    /// [`ManagementError::NotTheManager`].
    pub fn check_work(&self, authority: Authority) -> Result<(), ManagementError> {
        if authority.unit == self.manager {
            Ok(())
        } else {
            Err(ManagementError::NotTheManager {
                manager: self.manager,
            })
        }
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

    /// The row that covers `post` (of `institution`, at `rank`): the post's own row, else its
    /// class's; `None` when the list does not cover it.
    #[must_use]
    pub fn lookup(
        &self,
        post: PositionId,
        institution: InstitutionId,
        rank: LeadershipRank,
    ) -> Option<&ManagementEntry> {
        self.entries
            .iter()
            .find(|e| e.posts == PostClass::Post { post })
            .or_else(|| {
                self.entries
                    .iter()
                    .find(|e| e.posts == PostClass::Class { institution, rank })
            })
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
#[non_exhaustive]
pub struct CoManagementPolicy {
    /// Working days the co-manager has to answer: 10 (provisional).
    pub reply_working_days: u32,
}

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
    #[error("the post is managed by {manager}'s committee under the management list")]
    NotTheManager {
        /// The managing committee.
        manager: OrgUnitId,
    },
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
            Self::NotTheManager { .. } => LIST_RULE,
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
