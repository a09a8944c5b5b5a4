//! A person's hours ledger (学时档案): credits, and reversals that correct them.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use thiserror::Error;
use zugong_core::journal::{Act, Applying, Language, Lifecycle, Peers, Refusal};
use zugong_core::{
    AuthorityError, Citation, HoursLedgerId, MemberId, OrgTree, OrgUnitId, TrainingClassId,
};

use crate::{StudyHours, TrainingKind, TrainingMode, TrainingTier};

/// One credit of training: what was done, when, at which tier, and how much.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Credit {
    /// The class it comes from, if any (self-study or another body's record may have none).
    pub class: Option<TrainingClassId>,
    /// The day it was earned (the class's last day).
    pub on: NaiveDate,
    /// The tier that organized it (`None` for training outside the three tiers, e.g. 上级调训).
    pub tier: Option<TrainingTier>,
    /// Kind.
    pub kind: TrainingKind,
    /// Mode.
    pub mode: TrainingMode,
    /// 学时 credited.
    pub hours: StudyHours,
    /// Training days credited (for "3个月" and "12天" requirements).
    pub days: u32,
}

/// A ledger line: a credit and whether it has since been reversed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LedgerLine {
    /// The credit.
    pub credit: Credit,
    /// The entry that reversed it, if any.
    pub reversed_by: Option<u64>,
}

/// 学时档案: a person's credited training. Lines are never edited: a wrong credit is reversed
/// by a compensating entry and, if needed, credited again correctly.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct HoursLedger {
    owner: Option<(MemberId, OrgUnitId)>,
    /// Lines by entry number (1, 2, 3… in the order recorded).
    lines: BTreeMap<u64, LedgerLine>,
    next_entry: u64,
}

/// Totals over a period.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct HoursSummary {
    /// Every 学时 credited.
    pub hours: StudyHours,
    /// 学时 by tier (training outside the tiers is in `hours` only).
    pub by_tier: BTreeMap<TrainingTier, StudyHours>,
    /// 学时 by mode.
    pub by_mode: BTreeMap<TrainingMode, StudyHours>,
    /// 学时 by kind.
    pub by_kind: BTreeMap<TrainingKind, StudyHours>,
    /// Training days of 集中 or 脱产 training.
    pub concentrated_days: u32,
    /// 学时 of 集中 or 脱产 training.
    pub concentrated_hours: StudyHours,
    /// Number of 集中 or 脱产 credits (sessions).
    pub concentrated_sessions: u32,
}

impl HoursLedger {
    /// Whose ledger it is, and their unit.
    #[must_use]
    pub fn owner(&self) -> Option<(MemberId, OrgUnitId)> {
        self.owner
    }

    /// Every line by entry number.
    #[must_use]
    pub fn lines(&self) -> &BTreeMap<u64, LedgerLine> {
        &self.lines
    }

    /// The credits in force (not reversed).
    pub fn credits(&self) -> impl Iterator<Item = &Credit> {
        self.lines
            .values()
            .filter(|l| l.reversed_by.is_none())
            .map(|l| &l.credit)
    }

    /// Totals of the credits in force earned from `from` to `to`, both included.
    #[must_use]
    pub fn summary(&self, from: NaiveDate, to: NaiveDate) -> HoursSummary {
        let mut s = HoursSummary::default();
        for c in self.credits().filter(|c| c.on >= from && c.on <= to) {
            s.hours += c.hours;
            if let Some(t) = c.tier {
                *s.by_tier.entry(t).or_default() += c.hours;
            }
            *s.by_mode.entry(c.mode).or_default() += c.hours;
            *s.by_kind.entry(c.kind).or_default() += c.hours;
            if c.mode.is_concentrated() {
                s.concentrated_days = s.concentrated_days.saturating_add(c.days);
                s.concentrated_hours += c.hours;
                s.concentrated_sessions = s.concentrated_sessions.saturating_add(1);
            }
        }
        s
    }

    /// 学时 of the credits in force earned in `from..=to` in one of `modes`.
    #[must_use]
    pub fn hours_in(&self, from: NaiveDate, to: NaiveDate, modes: &[TrainingMode]) -> StudyHours {
        self.credits()
            .filter(|c| c.on >= from && c.on <= to && modes.contains(&c.mode))
            .map(|c| c.hours)
            .sum()
    }
}

/// What may be asked of a ledger.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LedgerCommand {
    /// Open the ledger of a member of `unit`.
    Open {
        /// The member.
        member: MemberId,
        /// The member's branch.
        unit: OrgUnitId,
    },
    /// Credit training.
    Credit(Credit),
    /// Reverse an earlier credit (a compensating entry).
    Reverse {
        /// The entry to reverse.
        entry: u64,
    },
}

/// What happened to a ledger.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LedgerEvent {
    /// The ledger was opened.
    Opened {
        /// The member.
        member: MemberId,
        /// The member's branch.
        unit: OrgUnitId,
    },
    /// A credit was recorded as `entry`.
    Credited {
        /// Entry number.
        entry: u64,
        /// The credit.
        credit: Credit,
    },
    /// Entry `of` was reversed by entry `entry`.
    Reversed {
        /// The reversing entry's number.
        entry: u64,
        /// The entry reversed.
        of: u64,
    },
}

/// What the ledger rules need from outside.
#[derive(Debug, Clone, Copy)]
pub struct LedgerContext<'c> {
    /// The organization tree.
    pub tree: &'c OrgTree,
}

/// A ledger command refused.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum LedgerError {
    /// The ledger is not open yet.
    #[error("the ledger has not been opened")]
    NotOpen,
    /// The ledger is already open.
    #[error("the ledger is already open")]
    AlreadyOpen,
    /// The authority does not manage the member's unit.
    #[error("authority refused: {0}")]
    Authority(#[from] AuthorityError),
    /// A credit of zero 学时.
    #[error("a credit needs a positive number of 学时")]
    ZeroHours,
    /// No such entry.
    #[error("no ledger entry {0}")]
    UnknownEntry(u64),
    /// The entry was already reversed (or is itself a reversal).
    #[error("entry {0} is already reversed")]
    AlreadyReversed(u64),
}

/// Whether a ledger is open.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LedgerStage {
    /// Not opened.
    #[default]
    NotOpened,
    /// 记录中: open, credits recorded.
    Open,
}

zugong_core::official_terms!(LedgerStage, "学时台账状态 (ledger stage)", {
    NotOpened => "未建账",
    Open => "记录中",
});

impl Refusal for LedgerError {
    fn citation(&self) -> Citation {
        match self {
            Self::Authority(e) => e.citation(),
            _ => crate::policy::MEMBER_EDUCATION_ART_20,
        }
    }

    fn message(&self, language: Language) -> String {
        let (zh, en): (String, String) = match self {
            Self::Authority(e) => return e.message(language),
            Self::NotOpen => (
                "学时档案尚未建立".into(),
                "the ledger has not been opened".into(),
            ),
            Self::AlreadyOpen => ("学时档案已建立".into(), "the ledger is already open".into()),
            Self::ZeroHours => (
                "登记学时须大于零".into(),
                "a credit needs a positive number of 学时".into(),
            ),
            Self::UnknownEntry(n) => (
                format!("没有第 {n} 条学时记录"),
                format!("there is no ledger entry {n}"),
            ),
            Self::AlreadyReversed(n) => (
                format!("第 {n} 条学时记录已冲销"),
                format!("entry {n} is already reversed"),
            ),
        };
        let cite = self.citation();
        match language {
            Language::Chinese => format!("{zh}（{cite}）"),
            Language::English => format!("{en} ({cite})"),
        }
    }
}

impl Lifecycle for HoursLedger {
    type Id = HoursLedgerId;
    type Stage = LedgerStage;
    type Command = LedgerCommand;
    type Event = LedgerEvent;
    type Context<'c> = LedgerContext<'c>;
    type Error = LedgerError;

    fn stage(&self) -> LedgerStage {
        if self.owner.is_some() {
            LedgerStage::Open
        } else {
            LedgerStage::NotOpened
        }
    }

    fn opens(command: &Self::Command) -> bool {
        matches!(command, LedgerCommand::Open { .. })
    }

    fn decide(
        &self,
        command: &LedgerCommand,
        act: &Act,
        ctx: &LedgerContext<'_>,
        _peers: &Peers<'_, Self>,
    ) -> Result<Vec<LedgerEvent>, LedgerError> {
        if let LedgerCommand::Open { member, unit } = command {
            if self.owner.is_some() {
                return Err(LedgerError::AlreadyOpen);
            }
            act.authority().check_unit(ctx.tree, *unit)?;
            return Ok(vec![LedgerEvent::Opened {
                member: *member,
                unit: *unit,
            }]);
        }
        let (_, unit) = self.owner.ok_or(LedgerError::NotOpen)?;
        act.authority().check_unit(ctx.tree, unit)?;
        let entry = self.next_entry.saturating_add(1);
        match command {
            LedgerCommand::Open { .. } => Err(LedgerError::AlreadyOpen),
            LedgerCommand::Credit(credit) => {
                if credit.hours == StudyHours::ZERO {
                    return Err(LedgerError::ZeroHours);
                }
                Ok(vec![LedgerEvent::Credited {
                    entry,
                    credit: credit.clone(),
                }])
            }
            LedgerCommand::Reverse { entry: of } => {
                let line = self.lines.get(of).ok_or(LedgerError::UnknownEntry(*of))?;
                if line.reversed_by.is_some() {
                    return Err(LedgerError::AlreadyReversed(*of));
                }
                Ok(vec![LedgerEvent::Reversed { entry, of: *of }])
            }
        }
    }

    fn apply(&mut self, event: &LedgerEvent, _: &Applying) {
        match event {
            LedgerEvent::Opened { member, unit } => self.owner = Some((*member, *unit)),
            LedgerEvent::Credited { entry, credit } => {
                self.lines.insert(
                    *entry,
                    LedgerLine {
                        credit: credit.clone(),
                        reversed_by: None,
                    },
                );
                self.next_entry = self.next_entry.max(*entry);
            }
            LedgerEvent::Reversed { entry, of } => {
                if let Some(line) = self.lines.get_mut(of) {
                    line.reversed_by = Some(*entry);
                }
                self.next_entry = self.next_entry.max(*entry);
            }
        }
    }
}
