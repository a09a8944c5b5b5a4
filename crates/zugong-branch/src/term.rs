//! 换届: the terms of Party organizations' committees (届期), their reminders and shifts, and
//! the election that renews them.
//!
//! | rule | default | source |
//! |---|---|---|
//! | 届期: 党支部 and 党总支 | 3 years | 支部工作条例 第二十一条 (secondary) |
//! | 届期: 村、社区 党组织, 乡镇党委, 基层党委 | 5 years | 支部工作条例 第二十一条; 农村基层组织工作条例 (2019) 第二章 (secondary) |
//! | reminder before the term ends | 6 months (一般提前6个月) | 支部工作条例 第六章 (secondary) |
//! | 延期 or 提前 换届 | with the upper organization's approval, by at most 1 year | 基层组织选举工作条例 (2020) 第三条 (confirmed) |
//! | quorum of an election | more than 4/5 of those entitled to vote present | 基层组织选举工作条例 (secondary) |
//! | 差额 | candidates at least 20% more than places, rounded up (进一法) | 基层组织选举工作条例 (secondary) |
//! | elected | more than half of those present in favour (基层组织: 实到会) | 基层组织选举工作条例 (secondary) |

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use thiserror::Error;
use zugong_core::dates::{add_months, add_years};
use zugong_core::journal::{Language, Refusal};
use zugong_core::policy::{Policy, PolicyError};
use zugong_core::{Citation, OrgUnitId, PersonId, SourceStatus};

const ELECTION_RULES: &str = "《中国共产党基层组织选举工作条例》(2020)";

/// 届期 by kind of organization: 支部工作条例 第二十一条 (secondary).
pub(crate) const TERM_RULE: Citation = Citation::new(
    "《中国共产党支部工作条例（试行）》(2018)",
    "第二十一条",
    SourceStatus::Secondary,
);
/// 延期或者提前进行换届选举, 应当报上级党组织批准, 一般不超过1年: 选举工作条例 第三条.
pub(crate) const SHIFT_RULE: Citation =
    Citation::new(ELECTION_RULES, "第三条", SourceStatus::Confirmed);
/// The quorum, 差额 and majority of an election (article numbers not yet confirmed).
pub(crate) const ELECTION_RULE: Citation =
    Citation::new(ELECTION_RULES, "选举的实施", SourceStatus::Secondary);

/// The kind of organization a committee's term is set for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TermBody {
    /// 党支部 (机关、企业、学校…).
    Branch,
    /// 党总支.
    GeneralBranch,
    /// 村、社区 党组织.
    VillageOrCommunity,
    /// 基层党委 (乡镇党委, 机关、企事业单位的基层委员会).
    GrassrootsCommittee,
}

zugong_core::official_terms!(TermBody, "换届组织类型 (term body)", {
    Branch => "党支部",
    GeneralBranch => "党总支",
    VillageOrCommunity => "村（社区）党组织",
    GrassrootsCommittee => "基层党委",
});

/// The term rules. Defaults are the national rules (see the module table); a province may
/// remind earlier, narrow the shifts allowed, and ask a higher quorum or a wider 差额, never
/// the reverse ([`TermPolicy::validate`]); the terms themselves are national.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(remote = "Self")]
#[non_exhaustive]
pub struct TermPolicy {
    /// 届期 of a 党支部 or 党总支, in years: 3.
    pub branch_years: u32,
    /// 届期 of a 村、社区 党组织 or a 基层党委, in years: 5.
    pub committee_years: u32,
    /// How long before the term ends the upper organization reminds: 6 months.
    pub reminder_months: u32,
    /// How far a 换届 may be moved (延期 or 提前), with approval: 12 months.
    pub max_shift_months: u32,
    /// The quorum: more than this share (‰) of those entitled present: 800 (4/5).
    pub quorum_above_permille: u32,
    /// 差额: candidates at least this share (‰) more than places, rounded up: 200.
    pub competition_permille: u32,
}

zugong_core::validated_policy_serde!(TermPolicy);

impl Default for TermPolicy {
    fn default() -> Self {
        Self {
            branch_years: 3,
            committee_years: 5,
            reminder_months: 6,
            max_shift_months: 12,
            quorum_above_permille: 800,
            competition_permille: 200,
        }
    }
}

impl Policy for TermPolicy {
    fn citations(&self) -> Vec<(&'static str, Citation)> {
        vec![
            ("branch_years", TERM_RULE),
            ("committee_years", TERM_RULE),
            ("reminder_months", TERM_RULE),
            ("max_shift_months", SHIFT_RULE),
            ("quorum_above_permille", ELECTION_RULE),
            ("competition_permille", ELECTION_RULE),
        ]
    }

    fn validate(&self) -> Result<(), PolicyError> {
        let n = Self::default();
        let range = PolicyError::check_range;
        // Terms are set nationally; a reminder may come earlier; shifts may be narrower; the
        // quorum and the 差额 may be stricter.
        range(
            "branch_years",
            self.branch_years,
            n.branch_years,
            n.branch_years,
        )?;
        range(
            "committee_years",
            self.committee_years,
            n.committee_years,
            n.committee_years,
        )?;
        range(
            "reminder_months",
            self.reminder_months,
            n.reminder_months,
            24,
        )?;
        range(
            "max_shift_months",
            self.max_shift_months,
            0,
            n.max_shift_months,
        )?;
        range(
            "quorum_above_permille",
            self.quorum_above_permille,
            n.quorum_above_permille,
            999,
        )?;
        range(
            "competition_permille",
            self.competition_permille,
            n.competition_permille,
            1000,
        )
    }
}

/// One committee's term (届): elected on a day, for the years its kind of organization has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Term {
    /// The organization.
    pub organization: OrgUnitId,
    /// Its kind.
    pub body: TermBody,
    /// The day the committee was elected (the term's first day).
    pub elected_on: NaiveDate,
    /// The day its next 换届 is due (the term's end, or the day an approved shift set).
    pub due: NaiveDate,
}

/// Where a term stands on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TermStanding {
    /// More than the reminder's lead before it is due.
    Current,
    /// Within the reminder's lead: the upper organization reminds (提醒).
    ReminderDue {
        /// Days until due.
        days_left: i64,
    },
    /// Past due without a 换届 (逾期未换届).
    Overdue {
        /// Days past due.
        days: i64,
    },
}

/// Why a term cannot be set or moved.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum TermError {
    /// A shift without the upper organization's approval.
    #[error("moving a 换届 (延期 or 提前) needs the upper Party organization's approval")]
    ShiftNotApproved,
    /// A shift by more than the policy allows.
    #[error("a 换届 may be moved by at most {max_months} months; {requested} was asked")]
    ShiftTooFar {
        /// The most allowed.
        max_months: u32,
        /// The day asked for.
        requested: NaiveDate,
    },
    /// A new term that starts before the previous one started.
    #[error(
        "a term elected on {elected_on} starts before the previous one ({previous}): terms follow one another"
    )]
    Overlapping {
        /// The new term's first day.
        elected_on: NaiveDate,
        /// The previous term's first day.
        previous: NaiveDate,
    },
    /// A date beyond the calendar chrono holds.
    #[error("the term's dates fall outside the calendar")]
    OutOfRange,
}

impl Refusal for TermError {
    fn citation(&self) -> Citation {
        match self {
            Self::ShiftNotApproved | Self::ShiftTooFar { .. } => SHIFT_RULE,
            Self::Overlapping { .. } | Self::OutOfRange => TERM_RULE,
        }
    }

    fn message(&self, language: Language) -> String {
        match (language, self) {
            (Language::English, _) => format!("{self} ({})", self.citation()),
            (Language::Chinese, Self::ShiftNotApproved) => {
                format!("延期或提前换届须报上级党组织批准（{}）", self.citation())
            }
            (
                Language::Chinese,
                Self::ShiftTooFar {
                    max_months,
                    requested,
                },
            ) => format!(
                "换届延长或提前一般不超过 {max_months} 个月，所请日期 {requested} 超出（{}）",
                self.citation()
            ),
            (
                Language::Chinese,
                Self::Overlapping {
                    elected_on,
                    previous,
                },
            ) => format!(
                "新一届选举日 {elected_on} 早于上一届 {previous}：届期须前后相接（{}）",
                self.citation()
            ),
            (Language::Chinese, Self::OutOfRange) => "届期日期超出日历范围".into(),
        }
    }
}

/// Whether the upper Party organization approved a shift (批准).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ShiftApproval {
    /// 已报上级党组织批准, on this day.
    Approved(NaiveDate),
    /// Not approved.
    NotApproved,
}

impl Term {
    /// The term of `body`'s committee elected on `elected_on`, due after its years.
    ///
    /// # Errors
    /// [`TermError::OutOfRange`] at the calendar's end.
    pub fn elected(
        organization: OrgUnitId,
        body: TermBody,
        elected_on: NaiveDate,
        policy: &TermPolicy,
    ) -> Result<Self, TermError> {
        let years = match body {
            TermBody::Branch | TermBody::GeneralBranch => policy.branch_years,
            TermBody::VillageOrCommunity | TermBody::GrassrootsCommittee => policy.committee_years,
        };
        let due = add_years(elected_on, years).ok_or(TermError::OutOfRange)?;
        Ok(Self {
            organization,
            body,
            elected_on,
            due,
        })
    }

    /// Where the term stands on `day`.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use zugong_branch::{Term, TermBody, TermPolicy, TermStanding};
    /// let org = zugong_core::OrgUnitId::from_uuid(uuid::Uuid::from_u128(1));
    /// let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
    /// let term = Term::elected(org, TermBody::Branch, d(2024, 1, 10), &TermPolicy::default()).unwrap();
    /// assert_eq!(term.due, d(2027, 1, 10));
    /// assert_eq!(term.standing(d(2026, 12, 11), &TermPolicy::default()), TermStanding::ReminderDue { days_left: 30 });
    /// ```
    #[must_use]
    pub fn standing(&self, day: NaiveDate, policy: &TermPolicy) -> TermStanding {
        let left = (self.due - day).num_days();
        if left < 0 {
            return TermStanding::Overdue { days: -left };
        }
        let lead = add_months(day, policy.reminder_months).is_some_and(|d| d >= self.due);
        if lead {
            TermStanding::ReminderDue { days_left: left }
        } else {
            TermStanding::Current
        }
    }

    /// The same term with its 换届 moved to `to` (延期 or 提前).
    ///
    /// # Errors
    /// [`TermError::ShiftNotApproved`]; [`TermError::ShiftTooFar`] beyond the policy's months
    /// either way.
    pub fn shifted(
        self,
        to: NaiveDate,
        approval: ShiftApproval,
        policy: &TermPolicy,
    ) -> Result<Self, TermError> {
        if approval == ShiftApproval::NotApproved {
            return Err(TermError::ShiftNotApproved);
        }
        let natural = Self::elected(self.organization, self.body, self.elected_on, policy)?.due;
        let latest = add_months(natural, policy.max_shift_months).ok_or(TermError::OutOfRange)?;
        let earliest = natural
            .checked_sub_months(chrono::Months::new(policy.max_shift_months))
            .ok_or(TermError::OutOfRange)?;
        if to > latest || to < earliest {
            return Err(TermError::ShiftTooFar {
                max_months: policy.max_shift_months,
                requested: to,
            });
        }
        Ok(Self { due: to, ..self })
    }
}

/// 届次: one organization's terms in order. Each new term begins when the committee is
/// elected and ends the previous one: terms never overlap.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct TermHistory {
    terms: Vec<Term>,
}

impl TermHistory {
    /// An empty history.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds the next term.
    ///
    /// # Errors
    /// [`TermError::Overlapping`] for a term elected on or before the current one's first day,
    /// or of another organization.
    pub fn push(&mut self, term: Term) -> Result<(), TermError> {
        if let Some(last) = self.terms.last()
            && (term.elected_on <= last.elected_on || term.organization != last.organization)
        {
            return Err(TermError::Overlapping {
                elected_on: term.elected_on,
                previous: last.elected_on,
            });
        }
        self.terms.push(term);
        Ok(())
    }

    /// Each term with the day it ended (the next election; `None` for the current one).
    pub fn periods(&self) -> impl Iterator<Item = (&Term, Option<NaiveDate>)> {
        self.terms
            .iter()
            .enumerate()
            .map(|(i, t)| (t, self.terms.get(i + 1).map(|n| n.elected_on)))
    }

    /// The current term.
    #[must_use]
    pub fn current(&self) -> Option<&Term> {
        self.terms.last()
    }
}

/// How an election was held: 差额 (more candidates than places) or 等额.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ElectionMethod {
    /// 差额选举.
    Competitive,
    /// 等额选举 (where the rules allow it, e.g. 书记 by the committee).
    Uncontested,
}

zugong_core::official_terms!(ElectionMethod, "选举方式 (election method)", {
    Competitive => "差额选举" | "差额",
    Uncontested => "等额选举" | "等额",
});

/// The count of an election (计票): who was entitled, who was present, the places, and each
/// candidate's votes in favour.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ElectionCount {
    /// 应到会有选举权的党员.
    pub entitled: u32,
    /// 实到会有选举权的党员.
    pub present: u32,
    /// 应选名额.
    pub places: u32,
    /// 差额 or 等额.
    pub method: ElectionMethod,
    /// Each candidate and the votes in favour (赞成票).
    pub votes: Vec<CandidateVotes>,
}

/// One candidate's votes in favour (赞成票).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CandidateVotes {
    /// The candidate.
    pub candidate: PersonId,
    /// Votes in favour.
    pub votes: u32,
}

impl CandidateVotes {
    /// `votes` in favour of `candidate`.
    #[must_use]
    pub const fn new(candidate: PersonId, votes: u32) -> Self {
        Self { candidate, votes }
    }
}

impl ElectionCount {
    /// A count.
    #[must_use]
    pub const fn new(
        entitled: u32,
        present: u32,
        places: u32,
        method: ElectionMethod,
        votes: Vec<CandidateVotes>,
    ) -> Self {
        Self {
            entitled,
            present,
            places,
            method,
            votes,
        }
    }
}

/// Why an election does not stand.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum ElectionError {
    /// Not more than the quorum present.
    #[error(
        "{present} of {entitled} entitled to vote present: an election needs more than {quorum_permille}‰ present"
    )]
    NoQuorum {
        /// Present.
        present: u32,
        /// Entitled.
        entitled: u32,
        /// The share that must be exceeded.
        quorum_permille: u32,
    },
    /// Too few candidates for a 差额 election.
    #[error("{candidates} candidates for {places} places: a 差额 election needs at least {needed}")]
    TooFewCandidates {
        /// Candidates.
        candidates: u32,
        /// Places.
        places: u32,
        /// At least.
        needed: u32,
    },
    /// More present than entitled, or more votes than present.
    #[error("the count does not add up: {0}")]
    Inconsistent(&'static str),
}

impl Refusal for ElectionError {
    fn citation(&self) -> Citation {
        ELECTION_RULE
    }

    fn message(&self, language: Language) -> String {
        match (language, self) {
            (Language::English, _) => format!("{self} ({})", self.citation()),
            (
                Language::Chinese,
                Self::NoQuorum {
                    present,
                    entitled,
                    quorum_permille,
                },
            ) => format!(
                "应到会有选举权党员 {entitled} 名，实到 {present} 名：实到人数须超过应到人数的 {}.{}% 方能进行选举（{}）",
                quorum_permille / 10,
                quorum_permille % 10,
                self.citation()
            ),
            (
                Language::Chinese,
                Self::TooFewCandidates {
                    candidates,
                    places,
                    needed,
                },
            ) => format!(
                "应选 {places} 名，候选人 {candidates} 名：差额选举候选人应不少于 {needed} 名（{}）",
                self.citation()
            ),
            (Language::Chinese, Self::Inconsistent(what)) => {
                format!("计票数据不一致：{what}（{}）", self.citation())
            }
        }
    }
}

/// The outcome of an election that stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ElectionResult {
    /// The candidates elected, most votes first.
    pub elected: Vec<PersonId>,
    /// Places left for 另行选举 (fewer than the places had more than half the votes).
    pub unfilled: u32,
    /// Candidates tied for the last place, to be voted on again (再次投票).
    pub tied: Vec<PersonId>,
}

/// Decides an election from its count: the quorum (more than 4/5 present), the 差额 (at least
/// 20% more candidates, rounded up), and who is elected (more than half of those present in
/// favour, by votes up to the places; a tie at the last place is voted on again).
///
/// ```
/// use zugong_branch::*;
/// use zugong_core::PersonId;
/// let policy = TermPolicy::default();
/// let votes: Vec<CandidateVotes> = (1..=6)
///     .map(|n| CandidateVotes::new(PersonId::from_uuid(uuid::Uuid::from_u128(n)), 70))
///     .collect();
/// // 79 of 100 present: refused.
/// let count = ElectionCount::new(100, 79, 5, ElectionMethod::Competitive, votes.clone());
/// assert!(matches!(decide_election(&count, &policy), Err(ElectionError::NoQuorum { .. })));
/// ```
///
/// # Errors
/// [`ElectionError::NoQuorum`], [`ElectionError::TooFewCandidates`],
/// [`ElectionError::Inconsistent`].
pub fn decide_election(
    count: &ElectionCount,
    policy: &TermPolicy,
) -> Result<ElectionResult, ElectionError> {
    if count.present > count.entitled {
        return Err(ElectionError::Inconsistent("more present than entitled"));
    }
    if count.votes.iter().any(|c| c.votes > count.present) {
        return Err(ElectionError::Inconsistent(
            "a candidate has more votes than voters present",
        ));
    }
    if u64::from(count.present) * 1000
        <= u64::from(policy.quorum_above_permille) * u64::from(count.entitled)
    {
        return Err(ElectionError::NoQuorum {
            present: count.present,
            entitled: count.entitled,
            quorum_permille: policy.quorum_above_permille,
        });
    }
    let candidates = u32::try_from(count.votes.len()).unwrap_or(u32::MAX);
    if count.method == ElectionMethod::Competitive {
        let extra =
            (u64::from(count.places) * u64::from(policy.competition_permille)).div_ceil(1000);
        let needed = u32::try_from(u64::from(count.places) + extra).unwrap_or(u32::MAX);
        if candidates < needed {
            return Err(ElectionError::TooFewCandidates {
                candidates,
                places: count.places,
                needed,
            });
        }
    }
    let mut passing: Vec<(PersonId, u32)> = count
        .votes
        .iter()
        .filter(|c| u64::from(c.votes) * 2 > u64::from(count.present))
        .map(|c| (c.candidate, c.votes))
        .collect();
    passing.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let places = usize::try_from(count.places).unwrap_or(usize::MAX);
    if passing.len() <= places {
        let elected: Vec<PersonId> = passing.iter().map(|(c, _)| *c).collect();
        let unfilled = count.places - u32::try_from(elected.len()).unwrap_or(count.places);
        return Ok(ElectionResult {
            elected,
            unfilled,
            tied: Vec::new(),
        });
    }
    // More passed than there are places: by votes; a tie across the last place is voted on
    // again.
    let last = passing.get(places.saturating_sub(1)).map_or(0, |(_, v)| *v);
    let first_out = passing.get(places).map_or(0, |(_, v)| *v);
    let (elected, tied) = if places > 0 && last == first_out {
        let elected: Vec<PersonId> = passing
            .iter()
            .filter(|(_, v)| *v > last)
            .map(|(c, _)| *c)
            .collect();
        let tied = passing
            .iter()
            .filter(|(_, v)| *v == last)
            .map(|(c, _)| *c)
            .collect();
        (elected, tied)
    } else {
        (
            passing.iter().take(places).map(|(c, _)| *c).collect(),
            Vec::new(),
        )
    };
    let unfilled = if tied.is_empty() {
        0
    } else {
        count.places - u32::try_from(elected.len()).unwrap_or(count.places)
    };
    Ok(ElectionResult {
        elected,
        unfilled,
        tied,
    })
}
