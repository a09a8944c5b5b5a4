//! Organizational life (组织生活): the meetings a branch holds — 三会一课 (支部党员大会, 支部委员会,
//! 党小组会, 党课), 主题党日, 组织生活会 and 民主评议党员 — as records, and the check of a branch
//! over a period that names each meeting missed and each one held without its quorum.
//!
//! The required frequencies are a [`LifePolicy`] whose default is the national rule:
//!
//! | meeting | at least | source |
//! |---|---|---|
//! | 支部党员大会 | once a quarter (一般每季度1次), quorum half of the members | 支部工作条例 第十一条 (confirmed) |
//! | 支部委员会 | once a month (一般每月1次), quorum half of the committee | 第十二条 (confirmed) |
//! | 党小组会 | once a month (一般每月1次), where the branch has 党小组 | 第十三条 (confirmed) |
//! | 党课 | once a quarter; the secretary at least once a year | local practice (provisional: the 条例 sets no frequency) |
//! | 主题党日 | once a month (每月1次) | 党员教育管理工作条例 第十六条 (confirmed) |
//! | 组织生活会 | once a year (每年至少1次) | 党员教育管理工作条例 第十七条 (confirmed) |
//! | 民主评议党员 | once a year (一般每年1次) | 党员教育管理工作条例 第十八条 (confirmed) |
//!
//! A period is checked interval by interval (each calendar month, quarter or year that lies
//! wholly inside the period and after the branch was set up); a meeting counts once, for its
//! kind, in the one interval its day falls in.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use thiserror::Error;
use zugong_core::journal::{Language, Refusal};
use zugong_core::policy::{Policy, PolicyError};
use zugong_core::{Citation, OrgUnitId, SourceStatus};

const BRANCH_RULES: &str = "《中国共产党支部工作条例（试行）》(2018)";
const MEMBER_RULES: &str = "《中国共产党党员教育管理工作条例》(2019)";

/// 支部工作条例 第十一条: 党员大会一般每季度召开1次; 半数以上有表决权的党员到会.
pub(crate) const ASSEMBLY_RULE: Citation =
    Citation::new(BRANCH_RULES, "第十一条", SourceStatus::Confirmed);
/// 支部工作条例 第十二条: 支部委员会会议一般每月召开1次; 半数以上委员到会.
pub(crate) const COMMITTEE_RULE: Citation =
    Citation::new(BRANCH_RULES, "第十二条", SourceStatus::Confirmed);
/// 支部工作条例 第十三条: 党小组会一般每月召开1次.
pub(crate) const GROUP_RULE: Citation =
    Citation::new(BRANCH_RULES, "第十三条", SourceStatus::Confirmed);
/// 党课 each quarter and the secretary's lecture each year: local practice (the 条例 sets no
/// frequency; its Art 16 asks 党委（党组）书记 for at least one lecture a year).
pub(crate) const LECTURE_RULE: Citation = Citation::new(
    "党课制度（各地实施办法，第十六条另规定党委（党组）书记每年至少讲1次党课）",
    "每季度1次；支部书记每年至少1次",
    SourceStatus::Provisional,
);
/// 党员教育管理工作条例 第十六条: 主题党日每月1次.
pub(crate) const THEMED_DAY_RULE: Citation =
    Citation::new(MEMBER_RULES, "第十六条", SourceStatus::Confirmed);
/// 党员教育管理工作条例 第十七条: 组织生活会每年至少1次.
pub(crate) const LIFE_MEETING_RULE: Citation =
    Citation::new(MEMBER_RULES, "第十七条", SourceStatus::Confirmed);
/// 党员教育管理工作条例 第十八条: 民主评议党员一般每年1次.
pub(crate) const APPRAISAL_RULE: Citation =
    Citation::new(MEMBER_RULES, "第十八条", SourceStatus::Confirmed);

/// 组织生活类型: the kinds of meeting a branch holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MeetingKind {
    /// 支部党员大会: all members; the branch's deciding body.
    MemberAssembly,
    /// 支部委员会: the committee's meeting.
    Committee,
    /// 党小组会: a Party group's meeting.
    GroupMeeting,
    /// 党课: a Party lecture.
    PartyLecture,
    /// 主题党日: the monthly themed Party day.
    ThemedPartyDay,
    /// 组织生活会: criticism and self-criticism, at least yearly.
    LifeMeeting,
    /// 民主评议党员: the yearly democratic appraisal of members.
    MemberAppraisal,
}

zugong_core::official_terms!(MeetingKind, "组织生活类型 (meeting kind)", {
    MemberAssembly => "支部党员大会",
    Committee => "支部委员会",
    GroupMeeting => "党小组会",
    PartyLecture => "党课",
    ThemedPartyDay => "主题党日",
    LifeMeeting => "组织生活会",
    MemberAppraisal => "民主评议党员",
});

/// 党课主讲人: who gave a Party lecture.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lecturer {
    /// 支部书记.
    BranchSecretary,
    /// 党员领导干部 (a leading cadre, e.g. at a 双重组织生活).
    LeadingCadre,
    /// 党员 (another member of the branch).
    Member,
    /// 外请讲师 (a guest: a Party school teacher, a model worker).
    Guest,
}

zugong_core::official_terms!(Lecturer, "党课主讲人 (lecturer)", {
    BranchSecretary => "支部书记",
    LeadingCadre => "党员领导干部",
    Member => "党员",
    Guest => "外请讲师",
});

/// How often a requirement recurs: each calendar month, quarter or year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Cadence {
    /// 每月.
    Monthly,
    /// 每季度.
    Quarterly,
    /// 每年.
    Yearly,
}

zugong_core::official_terms!(Cadence, "频次 (cadence)", {
    Monthly => "每月",
    Quarterly => "每季度",
    Yearly => "每年",
});

impl Cadence {
    /// The calendar interval of this cadence that holds `day`: its first and last day.
    fn interval(self, day: NaiveDate) -> Option<(NaiveDate, NaiveDate)> {
        let (year, first_month, months) = match self {
            Self::Monthly => (day.year(), day.month(), 1),
            Self::Quarterly => (day.year(), (day.month0() / 3) * 3 + 1, 3),
            Self::Yearly => (day.year(), 1, 12),
        };
        let start = NaiveDate::from_ymd_opt(year, first_month, 1)?;
        let end = zugong_core::dates::add_months(start, months)?.pred_opt()?;
        Some((start, end))
    }
}

/// Why a meeting record cannot be made.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum MeetingError {
    /// More present than expected.
    #[error(
        "{present} present but only {expected} expected: the present are counted among those expected (应到/实到)"
    )]
    PresentAboveExpected {
        /// Present.
        present: u32,
        /// Expected.
        expected: u32,
    },
    /// Nobody was expected.
    #[error("a meeting expects at least one member (应到人数 at least 1)")]
    NobodyExpected,
    /// A lecturer given for a meeting that is not a 党课.
    #[error("a lecturer is recorded only for a 党课, not for a {kind}")]
    LecturerOutsideLecture {
        /// The meeting's kind.
        kind: MeetingKind,
    },
    /// The topic is blank.
    #[error("every meeting records its topic (议题/主题); give one that is not blank")]
    BlankTopic,
}

impl Refusal for MeetingError {
    fn citation(&self) -> Citation {
        ASSEMBLY_RULE
    }

    fn message(&self, language: Language) -> String {
        match (language, self) {
            (Language::English, _) => format!("{self} ({})", self.citation()),
            (Language::Chinese, Self::PresentAboveExpected { present, expected }) => {
                format!("实到 {present} 人多于应到 {expected} 人：实到人数须在应到人数之内")
            }
            (Language::Chinese, Self::NobodyExpected) => "应到人数至少为 1".into(),
            (Language::Chinese, Self::LecturerOutsideLecture { kind }) => {
                format!("只有党课记录主讲人，{kind}不记")
            }
            (Language::Chinese, Self::BlankTopic) => "每次会议须记录议题或主题，不得为空".into(),
        }
    }
}

/// 会议记录: one meeting a branch held — its kind, the day it was planned for and the day it
/// was held, how many were expected (应到) and present (实到), its topic, and for a 党课 who gave
/// it. Made by [`Meeting::held`]; deserialization checks the same rules.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "MeetingFields")]
#[non_exhaustive]
pub struct Meeting {
    /// The branch that held it.
    pub branch: OrgUnitId,
    /// The kind.
    pub kind: MeetingKind,
    /// The day it was planned for, if it was planned (计划日期).
    pub planned: Option<NaiveDate>,
    /// The day it was held.
    pub held: NaiveDate,
    /// 应到: the members (or committee members) expected.
    pub expected: u32,
    /// 实到: those present, at most `expected`.
    pub present: u32,
    /// 议题/主题.
    pub topic: String,
    /// 主讲人, for a 党课 only.
    pub lecturer: Option<Lecturer>,
}

#[derive(Deserialize)]
struct MeetingFields {
    branch: OrgUnitId,
    kind: MeetingKind,
    planned: Option<NaiveDate>,
    held: NaiveDate,
    expected: u32,
    present: u32,
    topic: String,
    lecturer: Option<Lecturer>,
}

impl TryFrom<MeetingFields> for Meeting {
    type Error = MeetingError;
    fn try_from(f: MeetingFields) -> Result<Self, MeetingError> {
        let mut m = Self::held(f.branch, f.kind, f.held, f.expected, f.present, f.topic)?;
        m.planned = f.planned;
        match f.lecturer {
            Some(l) => m.given_by(l),
            None => Ok(m),
        }
    }
}

impl Meeting {
    /// A meeting of `kind` held by `branch` on `held`, with `present` of `expected` there.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use zugong_branch::{Meeting, MeetingError, MeetingKind};
    /// let branch = zugong_core::OrgUnitId::from_uuid(uuid::Uuid::from_u128(1));
    /// let day = NaiveDate::from_ymd_opt(2026, 3, 31).unwrap();
    /// assert!(Meeting::held(branch, MeetingKind::MemberAssembly, day, 20, 15, "学习贯彻").is_ok());
    /// assert_eq!(
    ///     Meeting::held(branch, MeetingKind::MemberAssembly, day, 20, 21, "学习贯彻"),
    ///     Err(MeetingError::PresentAboveExpected { present: 21, expected: 20 })
    /// );
    /// ```
    ///
    /// # Errors
    /// [`MeetingError::PresentAboveExpected`], [`MeetingError::NobodyExpected`],
    /// [`MeetingError::BlankTopic`].
    pub fn held(
        branch: OrgUnitId,
        kind: MeetingKind,
        held: NaiveDate,
        expected: u32,
        present: u32,
        topic: impl Into<String>,
    ) -> Result<Self, MeetingError> {
        let topic = topic.into();
        if expected == 0 {
            return Err(MeetingError::NobodyExpected);
        }
        if present > expected {
            return Err(MeetingError::PresentAboveExpected { present, expected });
        }
        if topic.trim().is_empty() {
            return Err(MeetingError::BlankTopic);
        }
        Ok(Self {
            branch,
            kind,
            planned: None,
            held,
            expected,
            present,
            topic,
            lecturer: None,
        })
    }

    /// The same meeting, planned for `day`.
    #[must_use]
    pub fn planned_for(mut self, day: NaiveDate) -> Self {
        self.planned = Some(day);
        self
    }

    /// The same 党课, given by `lecturer`.
    ///
    /// # Errors
    /// [`MeetingError::LecturerOutsideLecture`] for any other kind of meeting.
    pub fn given_by(mut self, lecturer: Lecturer) -> Result<Self, MeetingError> {
        if self.kind != MeetingKind::PartyLecture {
            return Err(MeetingError::LecturerOutsideLecture { kind: self.kind });
        }
        self.lecturer = Some(lecturer);
        Ok(self)
    }
}

/// A meeting as the bulk check reads it: 16 bytes, without the branch (the caller gives each
/// branch its own rows) and without the topic. `From<&Meeting>` makes one from a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MeetingRow {
    /// The day it was held.
    pub held: NaiveDate,
    /// 应到.
    pub expected: u32,
    /// 实到 (at most `expected`).
    pub present: u32,
    /// The kind.
    pub kind: MeetingKind,
    /// 主讲人, for a 党课.
    pub lecturer: Option<Lecturer>,
}

impl From<&Meeting> for MeetingRow {
    fn from(m: &Meeting) -> Self {
        Self {
            held: m.held,
            expected: m.expected,
            present: m.present,
            kind: m.kind,
            lecturer: m.lecturer,
        }
    }
}

/// One required frequency: at least `at_least` meetings of `kind` in every interval of
/// `cadence`, each with at least `quorum_permille` ‰ of those expected present (0: no quorum).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct LifeRequirement {
    /// The kind of meeting.
    pub kind: MeetingKind,
    /// How often.
    pub cadence: Cadence,
    /// How many in each interval.
    pub at_least: u32,
    /// The share of those expected that must be present for the meeting to count (‰; 500 is
    /// "半数以上", read as at least half).
    pub quorum_permille: u32,
    /// The rule.
    pub citation: Citation,
}

impl LifeRequirement {
    /// A requirement.
    #[must_use]
    pub const fn new(
        kind: MeetingKind,
        cadence: Cadence,
        at_least: u32,
        quorum_permille: u32,
        citation: Citation,
    ) -> Self {
        Self {
            kind,
            cadence,
            at_least,
            quorum_permille,
            citation,
        }
    }
}

/// The frequencies of organizational life a branch is held to. The default is the national
/// rule (see the module table); a province may add requirements or raise numbers, not lower
/// them ([`LifePolicy::validate`] refuses a default requirement removed or loosened).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(remote = "Self")]
#[non_exhaustive]
pub struct LifePolicy {
    /// Every requirement.
    pub requirements: Vec<LifeRequirement>,
    /// 党课 the branch secretary must give each calendar year.
    pub secretary_lectures_per_year: u32,
}

zugong_core::validated_policy_serde!(LifePolicy);

impl Default for LifePolicy {
    fn default() -> Self {
        use Cadence::{Monthly, Quarterly, Yearly};
        use MeetingKind::*;
        Self {
            requirements: vec![
                LifeRequirement::new(MemberAssembly, Quarterly, 1, 500, ASSEMBLY_RULE),
                LifeRequirement::new(Committee, Monthly, 1, 500, COMMITTEE_RULE),
                LifeRequirement::new(GroupMeeting, Monthly, 1, 0, GROUP_RULE),
                LifeRequirement::new(PartyLecture, Quarterly, 1, 0, LECTURE_RULE),
                LifeRequirement::new(ThemedPartyDay, Monthly, 1, 0, THEMED_DAY_RULE),
                LifeRequirement::new(LifeMeeting, Yearly, 1, 0, LIFE_MEETING_RULE),
                LifeRequirement::new(MemberAppraisal, Yearly, 1, 0, APPRAISAL_RULE),
            ],
            secretary_lectures_per_year: 1,
        }
    }
}

/// The number of `cadence` intervals in a year (to compare requirements of different
/// cadences: one a month is stricter than one a quarter).
const fn per_year(cadence: Cadence) -> u32 {
    match cadence {
        Cadence::Monthly => 12,
        Cadence::Quarterly => 4,
        Cadence::Yearly => 1,
    }
}

impl Policy for LifePolicy {
    fn citations(&self) -> Vec<(&'static str, Citation)> {
        let mut out: Vec<(&'static str, Citation)> = self
            .requirements
            .iter()
            .map(|r| ("requirements", r.citation.clone()))
            .collect();
        out.push(("secretary_lectures_per_year", LECTURE_RULE));
        out
    }

    fn validate(&self) -> Result<(), PolicyError> {
        let national = Self::default();
        for base in &national.requirements {
            // Tightening only: the kind stays required at least as often, with at least the
            // same quorum.
            let kept = self.requirements.iter().any(|r| {
                r.kind == base.kind
                    && r.at_least.saturating_mul(per_year(r.cadence))
                        >= base.at_least.saturating_mul(per_year(base.cadence))
                    && r.quorum_permille >= base.quorum_permille
            });
            if !kept {
                return Err(PolicyError::OutOfRange {
                    field: "requirements",
                    value: 0,
                    min: i64::from(base.at_least.saturating_mul(per_year(base.cadence))),
                    max: i64::MAX,
                });
            }
        }
        if let Some(r) = self.requirements.iter().find(|r| r.quorum_permille > 1000) {
            return Err(PolicyError::OutOfRange {
                field: "requirements",
                value: i64::from(r.quorum_permille),
                min: 0,
                max: 1000,
            });
        }
        if self.secretary_lectures_per_year < national.secretary_lectures_per_year {
            return Err(PolicyError::OutOfRange {
                field: "secretary_lectures_per_year",
                value: i64::from(self.secretary_lectures_per_year),
                min: i64::from(national.secretary_lectures_per_year),
                max: i64::from(u32::MAX),
            });
        }
        Ok(())
    }
}

/// What a branch has, that decides which requirements apply to it: a committee (支委会 and its
/// monthly meeting), and how many 党小组 (their monthly meetings; none: not required).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct BranchBodies {
    /// Whether the branch has a committee (支部委员会), rather than a secretary alone.
    pub committee: Committee,
    /// Its 党小组.
    pub groups: u32,
}

/// Whether a branch has a committee.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Committee {
    /// 设支部委员会.
    Elected,
    /// 不设支委会, 只设书记 (fewer than 7 full members).
    SecretaryOnly,
}

impl BranchBodies {
    /// A branch's bodies.
    #[must_use]
    pub const fn new(committee: Committee, groups: u32) -> Self {
        Self { committee, groups }
    }

    fn requires(self, kind: MeetingKind) -> bool {
        match kind {
            MeetingKind::Committee => matches!(self.committee, Committee::Elected),
            MeetingKind::GroupMeeting => self.groups > 0,
            _ => true,
        }
    }
}

/// The days a check covers, both included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "(NaiveDate, NaiveDate)", into = "(NaiveDate, NaiveDate)")]
pub struct LifePeriod {
    from: NaiveDate,
    to: NaiveDate,
}

impl LifePeriod {
    /// The days from `from` to `to`, both included.
    ///
    /// # Errors
    /// [`LifeError::PeriodBackwards`] when `to` is before `from`.
    pub fn new(from: NaiveDate, to: NaiveDate) -> Result<Self, LifeError> {
        if to < from {
            return Err(LifeError::PeriodBackwards { from, to });
        }
        Ok(Self { from, to })
    }

    /// A calendar year (`None` outside the dates chrono can hold).
    #[must_use]
    pub fn year(year: i32) -> Option<Self> {
        Some(Self {
            from: NaiveDate::from_ymd_opt(year, 1, 1)?,
            to: NaiveDate::from_ymd_opt(year, 12, 31)?,
        })
    }

    /// The first day.
    #[must_use]
    pub const fn from(self) -> NaiveDate {
        self.from
    }

    /// The last day.
    #[must_use]
    pub const fn to(self) -> NaiveDate {
        self.to
    }

    fn contains(self, day: NaiveDate) -> bool {
        self.from <= day && day <= self.to
    }
}

impl TryFrom<(NaiveDate, NaiveDate)> for LifePeriod {
    type Error = LifeError;
    fn try_from((from, to): (NaiveDate, NaiveDate)) -> Result<Self, LifeError> {
        Self::new(from, to)
    }
}

impl From<LifePeriod> for (NaiveDate, NaiveDate) {
    fn from(p: LifePeriod) -> Self {
        (p.from, p.to)
    }
}

/// Why a branch's organizational life cannot be checked.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum LifeError {
    /// The period ends before it starts.
    #[error(
        "the period from {from} to {to} ends before it starts: give the first day, then the last"
    )]
    PeriodBackwards {
        /// First day.
        from: NaiveDate,
        /// Last day.
        to: NaiveDate,
    },
    /// A meeting of another branch was given.
    #[error("a meeting of another branch was given: check each branch with its own meetings")]
    OtherBranch,
    /// A meeting held before the branch was set up.
    #[error(
        "a {kind} held on {held}, before the branch was set up on {established}: a branch holds meetings from the day it is set up"
    )]
    BeforeEstablished {
        /// The meeting's kind.
        kind: MeetingKind,
        /// When it was held.
        held: NaiveDate,
        /// When the branch was set up.
        established: NaiveDate,
    },
}

impl Refusal for LifeError {
    fn citation(&self) -> Citation {
        ASSEMBLY_RULE
    }

    fn message(&self, language: Language) -> String {
        match (language, self) {
            (Language::English, _) => format!("{self} ({})", self.citation()),
            (Language::Chinese, Self::PeriodBackwards { from, to }) => {
                format!("期间 {from} 至 {to} 的结束早于开始：请先写起始日，再写结束日")
            }
            (Language::Chinese, Self::OtherBranch) => {
                "给出了其他支部的会议：每个支部只用其本支部的会议核查".into()
            }
            (
                Language::Chinese,
                Self::BeforeEstablished {
                    kind,
                    held,
                    established,
                },
            ) => format!(
                "{kind}召开于 {held}，早于支部成立日 {established}：支部自成立之日起开展组织生活"
            ),
        }
    }
}

/// An interval in which a required meeting was not held (enough times, with its quorum).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MissedMeeting {
    /// The kind.
    pub kind: MeetingKind,
    /// The interval's first day.
    pub from: NaiveDate,
    /// Its last day.
    pub to: NaiveDate,
    /// Meetings of the kind held there with their quorum.
    pub held: u32,
    /// Meetings required there.
    pub required: u32,
    /// The rule.
    pub citation: Citation,
}

/// A meeting held without its quorum: it does not count toward its requirement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UnderAttended {
    /// The kind.
    pub kind: MeetingKind,
    /// When it was held.
    pub held: NaiveDate,
    /// 实到.
    pub present: u32,
    /// 应到.
    pub expected: u32,
    /// The quorum it needed (‰ of those expected).
    pub quorum_permille: u32,
    /// The rule.
    pub citation: Citation,
}

/// A calendar year in which the branch secretary gave fewer 党课 than required.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SecretaryLectureShort {
    /// The year.
    pub year: i32,
    /// 党课 the secretary gave.
    pub given: u32,
    /// Required.
    pub required: u32,
}

/// 组织生活完成情况: a branch's organizational life over a period — every required interval
/// counted, every one missed named, every meeting without its quorum named.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct LifeCompleteness {
    /// The branch.
    pub branch: OrgUnitId,
    /// The period checked.
    pub period: LifePeriod,
    /// Intervals checked, over every requirement that applies.
    pub required: u32,
    /// Intervals met.
    pub met: u32,
    /// Each interval missed, by requirement then time.
    pub missed: Vec<MissedMeeting>,
    /// Each meeting held without its quorum, in the order given.
    pub under_attended: Vec<UnderAttended>,
    /// Each whole year in which the secretary gave too few 党课.
    pub secretary_lectures: Vec<SecretaryLectureShort>,
}

impl LifeCompleteness {
    /// Whether nothing was missed.
    #[must_use]
    pub fn is_complete(&self) -> bool {
        self.missed.is_empty() && self.secretary_lectures.is_empty()
    }

    /// The counts the weak-branch detection and the rubric read.
    #[must_use]
    pub const fn summary(&self) -> LifeSummary {
        LifeSummary {
            required: self.required,
            met: self.met,
        }
    }
}

/// How much of its required organizational life a branch held: intervals required and met.
/// `LifeSummary::default()` (nothing required) is a branch whose life was not checked.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct LifeSummary {
    /// Intervals required.
    pub required: u32,
    /// Intervals met.
    pub met: u32,
}

impl LifeSummary {
    /// What a dataset that records only whether organizational life was held says: held is
    /// one interval met of one, not held is none of one.
    #[must_use]
    pub const fn reported(held: bool) -> Self {
        Self {
            required: 1,
            met: if held { 1 } else { 0 },
        }
    }

    /// Whether fewer than `min_permille` ‰ of the required intervals were met (nothing
    /// required: never).
    #[must_use]
    pub const fn below(self, min_permille: u32) -> bool {
        self.required > 0
            && (self.met as u64) * 1000 < (min_permille as u64) * (self.required as u64)
    }
}

/// The calendar intervals of `cadence` that lie wholly within `from..=to`, in order.
fn intervals(cadence: Cadence, from: NaiveDate, to: NaiveDate) -> Vec<(NaiveDate, NaiveDate)> {
    let mut out = Vec::new();
    let mut day = from;
    while let Some((start, end)) = cadence.interval(day) {
        if end > to {
            break;
        }
        if start >= from {
            out.push((start, end));
        }
        match end.succ_opt() {
            Some(next) => day = next,
            None => break,
        }
    }
    out
}

/// Checks a branch's organizational life over `period`: every interval of every requirement
/// that applies to it (`bodies`) and lies wholly inside the period and after `established`
/// (the day the branch was set up, if known), against the meetings it held.
///
/// ```
/// use chrono::NaiveDate;
/// use zugong_branch::*;
/// let branch = zugong_core::OrgUnitId::from_uuid(uuid::Uuid::from_u128(1));
/// let d = |m, dd| NaiveDate::from_ymd_opt(2026, m, dd).unwrap();
/// let mut policy = LifePolicy::default();
/// policy.requirements.truncate(1); // 党员大会 only
/// // 党员大会 on the last day of Q1, none in Q2.
/// let held = vec![Meeting::held(branch, MeetingKind::MemberAssembly, d(3, 31), 20, 12, "学习").unwrap()];
/// let period = LifePeriod::new(d(1, 1), d(6, 30)).unwrap();
/// let bodies = BranchBodies::new(Committee::SecretaryOnly, 0);
/// let c = check_life(branch, period, None, bodies, &held, &policy).unwrap();
/// assert_eq!((c.required, c.met), (2, 1));
/// assert_eq!(c.missed[0].from, d(4, 1));
/// ```
///
/// # Errors
/// [`LifeError::OtherBranch`] for a meeting of another branch; [`LifeError::BeforeEstablished`]
/// for a meeting held before the branch was set up.
pub fn check_life(
    branch: OrgUnitId,
    period: LifePeriod,
    established: Option<NaiveDate>,
    bodies: BranchBodies,
    meetings: &[Meeting],
    policy: &LifePolicy,
) -> Result<LifeCompleteness, LifeError> {
    LifeChecker::new(period, policy).check(branch, established, bodies, meetings)
}

/// The check of [`check_life`] prepared once for a period and a policy (every requirement's
/// intervals laid out), to check many branches: a province's 300,000 in one pass each.
///
/// ```
/// use zugong_branch::*;
/// let policy = LifePolicy::default();
/// let checker = LifeChecker::new(LifePeriod::year(2026).unwrap(), &policy);
/// let branch = zugong_core::OrgUnitId::from_uuid(uuid::Uuid::from_u128(1));
/// let c = checker.check(branch, None, BranchBodies::new(Committee::Elected, 0), &[]).unwrap();
/// // 4 党员大会, 12 支委会, 4 党课, 12 主题党日, 1 组织生活会, 1 民主评议.
/// assert_eq!((c.required, c.met), (34, 0));
/// ```
#[derive(Debug, Clone)]
pub struct LifeChecker<'p> {
    policy: &'p LifePolicy,
    period: LifePeriod,
    /// Every requirement's intervals, one after another.
    intervals: Vec<(NaiveDate, NaiveDate)>,
    /// Each requirement's range in `intervals`.
    ranges: Vec<std::ops::Range<usize>>,
    /// The requirements of each kind (by the kind's place in [`MeetingKind`]).
    by_kind: [Vec<usize>; 7],
    /// Where each kind has at most one requirement (the national policy and most provinces'):
    /// each kind's requirement laid out for counting by month arithmetic.
    slots: Option<[Slot; 7]>,
}

/// One kind's requirement, for counting a row without a search: its intervals start at
/// `first_month` (months since year 0) and last `months` each.
#[derive(Debug, Clone, Copy, Default)]
struct Slot {
    required: bool,
    quorum_permille: u32,
    start: usize,
    len: usize,
    first_month: i64,
    months: i64,
}

const fn months_of(cadence: Cadence) -> i64 {
    match cadence {
        Cadence::Monthly => 1,
        Cadence::Quarterly => 3,
        Cadence::Yearly => 12,
    }
}

fn month_number(day: NaiveDate) -> i64 {
    i64::from(day.year()) * 12 + i64::from(day.month0())
}

impl<'p> LifeChecker<'p> {
    /// Lays out every requirement's intervals in `period`.
    #[must_use]
    pub fn new(period: LifePeriod, policy: &'p LifePolicy) -> Self {
        let mut all = Vec::new();
        let mut ranges = Vec::with_capacity(policy.requirements.len());
        let mut by_kind: [Vec<usize>; 7] = Default::default();
        for (i, r) in policy.requirements.iter().enumerate() {
            let start = all.len();
            all.extend(intervals(r.cadence, period.from, period.to));
            ranges.push(start..all.len());
            if let Some(list) = by_kind.get_mut(r.kind as usize) {
                list.push(i);
            }
        }
        let slots = by_kind.iter().all(|k| k.len() <= 1).then(|| {
            let mut slots = [Slot::default(); 7];
            for (kind, list) in by_kind.iter().enumerate() {
                let (Some(&r), Some(slot)) = (list.first(), slots.get_mut(kind)) else {
                    continue;
                };
                let (Some(requirement), Some(range)) = (policy.requirements.get(r), ranges.get(r))
                else {
                    continue;
                };
                *slot = Slot {
                    required: true,
                    quorum_permille: requirement.quorum_permille,
                    start: range.start,
                    len: range.len(),
                    first_month: all
                        .get(range.start)
                        .map_or(0, |(from, _)| month_number(*from)),
                    months: months_of(requirement.cadence),
                };
            }
            slots
        });
        Self {
            policy,
            period,
            intervals: all,
            ranges,
            by_kind,
            slots,
        }
    }

    /// Checks one branch (see [`check_life`]).
    ///
    /// # Errors
    /// As [`check_life`].
    pub fn check(
        &self,
        branch: OrgUnitId,
        established: Option<NaiveDate>,
        bodies: BranchBodies,
        meetings: &[Meeting],
    ) -> Result<LifeCompleteness, LifeError> {
        if meetings.iter().any(|m| m.branch != branch) {
            return Err(LifeError::OtherBranch);
        }
        self.check_rows(
            branch,
            established,
            bodies,
            meetings.iter().map(MeetingRow::from),
        )
    }

    /// A zeroed count per interval: on the stack for any policy of up to 64 intervals (the
    /// national one has 47 a year), else on the heap.
    fn counts<'b>(&self, on_stack: &'b mut [u32; 64], on_heap: &'b mut Vec<u32>) -> &'b mut [u32] {
        match on_stack.get_mut(..self.intervals.len()) {
            Some(c) => c,
            None => {
                on_heap.resize(self.intervals.len(), 0);
                on_heap
            }
        }
    }

    /// The place in the counts of requirement `r`'s interval that holds `day`, if one does
    /// (a day before the first whole interval or after the last one is in none).
    fn interval_of(&self, r: usize, day: NaiveDate) -> Option<usize> {
        let range = self.ranges.get(r)?;
        let slice = self.intervals.get(range.clone())?;
        let i = slice.partition_point(|(_, to)| *to < day);
        let (from, _) = slice.get(i)?;
        (*from <= day).then_some(range.start + i)
    }

    /// The counts alone of [`LifeChecker::check_rows`] — intervals required and met — without
    /// naming what was missed and without allocating: the bulk roll-up of a province's
    /// branches. Rows held before `established` or outside the period are not counted (use
    /// [`LifeChecker::check_rows`] to have them refused).
    #[must_use]
    pub fn summarize(
        &self,
        established: Option<NaiveDate>,
        bodies: BranchBodies,
        rows: &[MeetingRow],
    ) -> LifeSummary {
        let period = self.period;
        let start = established.map_or(period.from, |e| e.max(period.from));
        let mut on_stack = [0u32; 64];
        let mut on_heap = Vec::new();
        let counts = self.counts(&mut on_stack, &mut on_heap);
        if let Some(slots) = &self.slots {
            for m in rows {
                let Some(slot) = slots.get(m.kind as usize).filter(|s| s.required) else {
                    continue;
                };
                if m.held < start
                    || m.held > period.to
                    || u64::from(m.present) * 1000
                        < u64::from(slot.quorum_permille) * u64::from(m.expected)
                {
                    continue;
                }
                let offset = (month_number(m.held) - slot.first_month).div_euclid(slot.months);
                if let Ok(i) = usize::try_from(offset)
                    && i < slot.len
                    && let Some(count) = counts.get_mut(slot.start + i)
                {
                    *count = count.saturating_add(1);
                }
            }
        }
        for m in rows.iter().filter(|_| self.slots.is_none()) {
            if m.held < start || m.held > period.to {
                continue;
            }
            for &r in self
                .by_kind
                .get(m.kind as usize)
                .map_or(&[][..], Vec::as_slice)
            {
                let Some(requirement) = self.policy.requirements.get(r) else {
                    continue;
                };
                if u64::from(m.present) * 1000
                    < u64::from(requirement.quorum_permille) * u64::from(m.expected)
                {
                    continue;
                }
                if let Some(count) = self.interval_of(r, m.held).and_then(|i| counts.get_mut(i)) {
                    *count = count.saturating_add(1);
                }
            }
        }
        let mut summary = LifeSummary::default();
        for (requirement, range) in self.policy.requirements.iter().zip(&self.ranges) {
            if !bodies.requires(requirement.kind) {
                continue;
            }
            let slice = self.intervals.get(range.clone()).unwrap_or_default();
            let first = slice.partition_point(|(from, _)| *from < start);
            let held = counts
                .get(range.start + first..range.end)
                .unwrap_or_default();
            summary.required += u32::try_from(held.len()).unwrap_or(u32::MAX);
            summary.met +=
                u32::try_from(held.iter().filter(|n| **n >= requirement.at_least).count())
                    .unwrap_or(u32::MAX);
        }
        summary
    }

    /// Checks one branch from its meetings as compact rows (the bulk path: a province's
    /// meetings held as [`MeetingRow`]s, branch by branch). The rows are taken to be the
    /// branch's own.
    ///
    /// # Errors
    /// [`LifeError::BeforeEstablished`] for a row held before the branch was set up.
    pub fn check_rows(
        &self,
        branch: OrgUnitId,
        established: Option<NaiveDate>,
        bodies: BranchBodies,
        rows: impl IntoIterator<Item = MeetingRow>,
    ) -> Result<LifeCompleteness, LifeError> {
        let period = self.period;
        let start = established.map_or(period.from, |e| e.max(period.from));
        let mut out = LifeCompleteness {
            branch,
            period,
            required: 0,
            met: 0,
            missed: Vec::new(),
            under_attended: Vec::new(),
            secretary_lectures: Vec::new(),
        };
        let mut on_stack = [0u32; 64];
        let mut on_heap = Vec::new();
        let counts = self.counts(&mut on_stack, &mut on_heap);
        let mut secretary: Vec<(i32, u32)> = Vec::new();
        for m in rows {
            if let Some(established) = established
                && m.held < established
            {
                return Err(LifeError::BeforeEstablished {
                    kind: m.kind,
                    held: m.held,
                    established,
                });
            }
            if !period.contains(m.held) {
                continue;
            }
            if m.kind == MeetingKind::PartyLecture && m.lecturer == Some(Lecturer::BranchSecretary)
            {
                match secretary.iter_mut().find(|(y, _)| *y == m.held.year()) {
                    Some((_, n)) => *n = n.saturating_add(1),
                    None => secretary.push((m.held.year(), 1)),
                }
            }
            let Some(requirements) = self.by_kind.get(m.kind as usize) else {
                continue;
            };
            for &r in requirements {
                let Some(requirement) = self.policy.requirements.get(r) else {
                    continue;
                };
                if !bodies.requires(requirement.kind) {
                    continue;
                }
                if u64::from(m.present) * 1000
                    < u64::from(requirement.quorum_permille) * u64::from(m.expected)
                {
                    out.under_attended.push(UnderAttended {
                        kind: m.kind,
                        held: m.held,
                        present: m.present,
                        expected: m.expected,
                        quorum_permille: requirement.quorum_permille,
                        citation: requirement.citation.clone(),
                    });
                    continue;
                }
                if let Some(count) = self.interval_of(r, m.held).and_then(|i| counts.get_mut(i)) {
                    *count = count.saturating_add(1);
                }
            }
        }
        for (requirement, range) in self.policy.requirements.iter().zip(&self.ranges) {
            if !bodies.requires(requirement.kind) {
                continue;
            }
            let slice = self.intervals.get(range.clone()).unwrap_or_default();
            // Intervals that began before the branch was set up are not its to hold.
            let first = slice.partition_point(|(from, _)| *from < start);
            for (offset, (from, to)) in slice.iter().enumerate().skip(first) {
                let held = counts.get(range.start + offset).copied().unwrap_or(0);
                out.required += 1;
                if held >= requirement.at_least {
                    out.met += 1;
                } else {
                    out.missed.push(MissedMeeting {
                        kind: requirement.kind,
                        from: *from,
                        to: *to,
                        held,
                        required: requirement.at_least,
                        citation: requirement.citation.clone(),
                    });
                }
            }
        }
        if self.policy.secretary_lectures_per_year > 0 {
            for year in start.year()..=period.to.year() {
                let Some(whole) = LifePeriod::year(year) else {
                    continue;
                };
                if whole.from < start || whole.to > period.to {
                    continue;
                }
                let given = secretary
                    .iter()
                    .find(|(y, _)| *y == year)
                    .map_or(0, |(_, n)| *n);
                if given < self.policy.secretary_lectures_per_year {
                    out.secretary_lectures.push(SecretaryLectureShort {
                        year,
                        given,
                        required: self.policy.secretary_lectures_per_year,
                    });
                }
            }
        }
        Ok(out)
    }
}
