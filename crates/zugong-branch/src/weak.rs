//! Weak and lax Party organizations (软弱涣散基层党组织): detection and rectification (整顿).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use thiserror::Error;
use zugong_core::dates::{add_months, add_years};
use zugong_core::journal::{Act, Applying, Language, Lifecycle, Peers, Refusal};
use zugong_core::policy::{Policy, PolicyError};
use zugong_core::{AuthorityError, Citation, OrgTree, OrgUnitId, RectificationId, SourceStatus};

use crate::LifeSummary;

/// The national categories (中组部, 2014 onward; domain brief §4.4, provisional).
const NATIONAL_CATEGORIES: Citation = Citation::new(
    "中组部关于软弱涣散基层党组织整顿的通知(2014起)",
    "十类情形",
    SourceStatus::Provisional,
);
/// A local standard with 直接认定 items (a 州, 2019, "3项17条"; secondary).
const DIRECT_DESIGNATION: Citation = Citation::new(
    "某州软弱涣散基层党组织认定标准(2019)",
    "直接认定情形",
    SourceStatus::Secondary,
);

/// 软弱涣散 categories (national, best knowledge).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WeakCategory {
    /// 班子配备不齐、书记长期缺职、工作处于停滞状态.
    IncompleteLeadership,
    /// 书记不胜任现职、工作不在状态.
    UnfitSecretary,
    /// 班子不团结、内耗严重.
    DisunitedTeam,
    /// 组织制度形同虚设、不开展组织活动.
    NoOrganizationalLife,
    /// 换届选举拉票贿选问题突出.
    ElectionMisconduct,
    /// 宗族宗教和黑恶势力干扰渗透严重.
    ClanOrCriminalInterference,
    /// 村务财务公开和民主管理混乱.
    DisorderedVillageAffairs,
    /// 社会治安问题和信访矛盾纠纷集中.
    PublicOrderProblems,
    /// 经济社会发展滞后、群众反映强烈.
    LaggingDevelopment,
    /// 其他.
    Other,
}

zugong_core::official_terms!(WeakCategory, "软弱涣散情形 (weak category)", {
    IncompleteLeadership => "班子配备不齐、书记长期缺职、工作处于停滞状态",
    UnfitSecretary => "书记不胜任现职、工作不在状态",
    DisunitedTeam => "班子不团结、内耗严重",
    NoOrganizationalLife => "组织制度形同虚设、不开展组织活动",
    ElectionMisconduct => "换届选举拉票贿选问题突出",
    ClanOrCriminalInterference => "宗族宗教和黑恶势力干扰渗透严重",
    DisorderedVillageAffairs => "村务财务公开和民主管理混乱",
    PublicOrderProblems => "社会治安问题和信访矛盾纠纷集中",
    LaggingDevelopment => "经济社会发展滞后、群众反映强烈",
    Other => "其他",
});

/// The facts the detectors read about one organization.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BranchFacts {
    /// Since when the secretary post is vacant (出缺), if it is.
    pub secretary_vacant_since: Option<NaiveDate>,
    /// When the organization last had a 发展对象 (villages), if ever.
    pub last_development_candidate: Option<NaiveDate>,
    /// Whether it is a village organization (the 发展对象 rule is for villages).
    pub village: bool,
    /// 群众满意度测评: (satisfied, surveyed).
    pub satisfaction: Option<(u32, u32)>,
    /// 年度绩效考核排名: (rank, of), 1 being first.
    pub assessment_rank: Option<(u32, u32)>,
    /// How much of its required organizational life (三会一课, 主题党日, 组织生活会, 民主评议)
    /// the organization held this year: [`crate::LifeCompleteness::summary`] of its meeting
    /// records, or [`LifeSummary::reported`] where only a yes/no is recorded. The default
    /// (nothing required) is an organization whose life was not checked: never flagged.
    pub organizational_life: LifeSummary,
    /// Categories found by inspection (the national list).
    pub inspected_categories: Vec<WeakCategory>,
}

/// Why an organization is flagged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WeakBasis {
    /// 直接认定: secretary vacant longer than the limit.
    SecretaryVacant {
        /// Vacant since.
        since: NaiveDate,
    },
    /// 直接认定: no 发展对象 for the number of years.
    NoDevelopmentCandidates {
        /// Last candidate, if any.
        last: Option<NaiveDate>,
    },
    /// 直接认定: satisfaction below the bar.
    LowSatisfaction {
        /// Satisfied.
        satisfied: u32,
        /// Surveyed.
        surveyed: u32,
    },
    /// 直接认定: last place in the annual assessment.
    LastInAssessment {
        /// Rank.
        rank: u32,
        /// Out of.
        of: u32,
    },
    /// 直接认定: no regular organizational life — fewer of the required intervals met than
    /// the policy's share.
    NoOrganizationalLife {
        /// Intervals met.
        met: u32,
        /// Intervals required.
        required: u32,
    },
    /// A national category found by inspection.
    Category(WeakCategory),
}

/// A finding with its rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WeakFinding {
    /// What was found.
    pub basis: WeakBasis,
    /// Whether it designates on its own (直接认定).
    pub direct: bool,
    /// The rule.
    pub citation: Citation,
}

/// The thresholds of the 直接认定 detectors.
///
/// # Provisional
/// Only a local standard is sourced (domain brief §4.4, secondary); the national list is best
/// knowledge. Defaults: secretary vacant more than 3 months; no 发展对象 for 2 years (villages);
/// satisfaction below 60%; last place in the annual assessment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(remote = "Self")]
pub struct WeakBranchPolicy {
    /// 书记出缺超过 N 个月 (exclusive: exactly 3 months is not yet over).
    pub secretary_vacancy_months: u32,
    /// 连续 N 年以上无发展对象.
    pub no_candidate_years: u32,
    /// 满意率低于 N‰.
    pub satisfaction_min_permille: u32,
    /// Whether last place in the annual assessment (年度绩效考核排名末位) designates the
    /// organization directly.
    ///
    /// A policy choice, not a national rule: the 十类情形 of the national notice do not name a
    /// ranking, while the cited local standard (某州, 2019, 直接认定情形) lists 排名末位 among
    /// its direct designations. The default, `true`, follows that source; a province whose
    /// standard treats a low ranking as a sign to investigate rather than a designation sets
    /// `false`.
    pub last_place_designates: bool,
    /// 组织制度形同虚设: designated when fewer than N‰ of the required intervals of
    /// organizational life were met.
    ///
    /// # Provisional
    /// The local standard names the case, not a number; default 500 (less than half held).
    pub organizational_life_min_permille: u32,
    /// Months allowed for rectification (整顿期限).
    ///
    /// # Provisional
    /// Local; default 12.
    pub rectification_months: u32,
}

zugong_core::validated_policy_serde!(WeakBranchPolicy);

impl Default for WeakBranchPolicy {
    fn default() -> Self {
        Self {
            secretary_vacancy_months: 3,
            no_candidate_years: 2,
            satisfaction_min_permille: 600,
            last_place_designates: true,
            organizational_life_min_permille: 500,
            rectification_months: 12,
        }
    }
}

impl Policy for WeakBranchPolicy {
    fn citations(&self) -> Vec<(&'static str, Citation)> {
        vec![
            ("secretary_vacancy_months", DIRECT_DESIGNATION),
            ("no_candidate_years", DIRECT_DESIGNATION),
            ("satisfaction_min_permille", DIRECT_DESIGNATION),
            ("last_place_designates", DIRECT_DESIGNATION),
            ("organizational_life_min_permille", DIRECT_DESIGNATION),
            ("rectification_months", NATIONAL_CATEGORIES),
        ]
    }

    fn validate(&self) -> Result<(), PolicyError> {
        if self.organizational_life_min_permille > 1000 {
            return Err(PolicyError::OutOfRange {
                field: "organizational_life_min_permille",
                value: i64::from(self.organizational_life_min_permille),
                min: 0,
                max: 1000,
            });
        }
        if self.satisfaction_min_permille > 1000 {
            return Err(PolicyError::OutOfRange {
                field: "satisfaction_min_permille",
                value: i64::from(self.satisfaction_min_permille),
                min: 0,
                max: 1000,
            });
        }
        Ok(())
    }
}

/// Runs every detector over `facts` on `as_of`.
///
/// ```
/// use chrono::NaiveDate;
/// use zugong_branch::*;
/// let d = |m, dd| NaiveDate::from_ymd_opt(2026, m, dd).unwrap();
/// let facts = BranchFacts { secretary_vacant_since: Some(d(1, 10)), ..Default::default() };
/// let policy = WeakBranchPolicy::default();
/// assert!(detect_weakness(&facts, d(4, 10), &policy).is_empty()); // exactly 3 months
/// assert_eq!(detect_weakness(&facts, d(4, 11), &policy).len(), 1); // over 3 months
/// ```
#[must_use]
pub fn detect_weakness(
    facts: &BranchFacts,
    as_of: NaiveDate,
    policy: &WeakBranchPolicy,
) -> Vec<WeakFinding> {
    let direct = |basis| WeakFinding {
        basis,
        direct: true,
        citation: DIRECT_DESIGNATION,
    };
    let mut out = Vec::new();
    if let Some(since) = facts.secretary_vacant_since
        && add_months(since, policy.secretary_vacancy_months).is_some_and(|limit| as_of > limit)
    {
        out.push(direct(WeakBasis::SecretaryVacant { since }));
    }
    if facts.village {
        let overdue = match facts.last_development_candidate {
            Some(last) => {
                add_years(last, policy.no_candidate_years).is_some_and(|limit| as_of >= limit)
            }
            None => true,
        };
        if overdue {
            out.push(direct(WeakBasis::NoDevelopmentCandidates {
                last: facts.last_development_candidate,
            }));
        }
    }
    if let Some((satisfied, surveyed)) = facts.satisfaction.filter(|(_, n)| *n > 0)
        && u64::from(satisfied) * 1000
            < u64::from(policy.satisfaction_min_permille) * u64::from(surveyed)
    {
        out.push(direct(WeakBasis::LowSatisfaction {
            satisfied,
            surveyed,
        }));
    }
    if let Some((rank, of)) = facts.assessment_rank
        && policy.last_place_designates
        && of > 1
        && rank >= of
    {
        out.push(direct(WeakBasis::LastInAssessment { rank, of }));
    }
    let life = facts.organizational_life;
    if life.below(policy.organizational_life_min_permille) {
        out.push(direct(WeakBasis::NoOrganizationalLife {
            met: life.met,
            required: life.required,
        }));
    }
    for c in &facts.inspected_categories {
        out.push(WeakFinding {
            basis: WeakBasis::Category(*c),
            direct: false,
            citation: NATIONAL_CATEGORIES,
        });
    }
    out
}

/// 整顿方案: the rectification plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RectificationPlan {
    /// Deadline.
    pub deadline: NaiveDate,
    /// The responsible leader (包联领导), by name.
    pub responsible: String,
    /// Measures.
    pub measures: Vec<String>,
}

/// Where a rectification stands.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RectificationStatus {
    /// Not designated.
    #[default]
    None,
    /// Designated; rectification under way.
    UnderRectification,
    /// 销号: closed after a passed review.
    Closed,
}

zugong_core::official_terms!(RectificationStatus, "整顿状态 (rectification status)", {
    None => "未列入",
    UnderRectification => "整顿中",
    Closed => "已销号",
});

impl Refusal for RectificationError {
    fn citation(&self) -> Citation {
        match self {
            Self::Authority(e) => e.citation(),
            _ => DIRECT_DESIGNATION,
        }
    }

    fn message(&self, language: Language) -> String {
        let (zh, en): (String, String) = match self {
            Self::Authority(e) => return e.message(language),
            Self::NotDesignated => (
                "该组织尚未被确定为软弱涣散基层党组织".into(),
                "the organization has not been designated weak and lax".into(),
            ),
            Self::AlreadyDesignated => (
                "该组织已被确定为软弱涣散基层党组织".into(),
                "the organization is already designated".into(),
            ),
            Self::Closed => (
                "整顿已销号，不能再记录".into(),
                "the rectification is closed (销号)".into(),
            ),
            Self::NoFindings => (
                "确定软弱涣散须列明至少一项具体表现".into(),
                "a designation lists at least one finding".into(),
            ),
            Self::InvalidPlan(w) => (
                format!("整顿方案不完整：{w}"),
                format!("the rectification plan is incomplete: {w}"),
            ),
            Self::MissingNote => ("须写明情况说明".into(), "a note is required".into()),
            Self::MissingDeadline => (
                "验收未通过须重新确定整顿期限（晚于今天）".into(),
                "a failed review sets a new deadline after today".into(),
            ),
        };
        let cite = self.citation();
        match language {
            Language::Chinese => format!("{zh}（{cite}）"),
            Language::English => format!("{en} ({cite})"),
        }
    }
}

/// 整顿: the designation of one organization and its rectification, built from its events.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Rectification {
    branch: Option<OrgUnitId>,
    status: RectificationStatus,
    findings: Vec<WeakFinding>,
    plan: Option<RectificationPlan>,
    progress: Vec<(NaiveDate, String)>,
    reviews: Vec<RectificationReview>,
    closed_on: Option<NaiveDate>,
}

impl Rectification {
    /// The organization.
    #[must_use]
    pub fn branch(&self) -> Option<OrgUnitId> {
        self.branch
    }
    /// Status.
    #[must_use]
    pub fn status(&self) -> RectificationStatus {
        self.status
    }
    /// The findings behind the designation.
    #[must_use]
    pub fn findings(&self) -> &[WeakFinding] {
        &self.findings
    }
    /// The plan in force.
    #[must_use]
    pub fn plan(&self) -> Option<&RectificationPlan> {
        self.plan.as_ref()
    }
    /// Progress notes.
    #[must_use]
    pub fn progress(&self) -> &[(NaiveDate, String)] {
        &self.progress
    }
    /// Reviews: date, passed, note.
    #[must_use]
    pub fn reviews(&self) -> &[RectificationReview] {
        &self.reviews
    }
    /// Whether the deadline has passed without closure on `as_of`.
    #[must_use]
    pub fn is_overdue(&self, as_of: NaiveDate) -> bool {
        self.status == RectificationStatus::UnderRectification
            && self.plan.as_ref().is_some_and(|p| as_of > p.deadline)
    }
}

/// What may be asked of a rectification.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RectificationCommand {
    /// 认定: designate the organization, with the findings and the plan.
    Designate {
        /// The organization.
        branch: OrgUnitId,
        /// Why.
        findings: Vec<WeakFinding>,
        /// The plan.
        plan: RectificationPlan,
    },
    /// Note progress.
    ReportProgress {
        /// What was done.
        note: String,
    },
    /// Review: passed → 销号; failed → stays, with a new deadline.
    Review {
        /// What the 验收 found.
        outcome: ReviewOutcome,
        /// The reviewers' note.
        note: String,
        /// New deadline if failed.
        new_deadline: Option<NaiveDate>,
    },
}

/// What a 验收 (review of a rectification) found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReviewOutcome {
    /// 验收合格: 销号.
    Passed,
    /// 验收不合格: the rectification goes on to a new deadline.
    Failed,
}

zugong_core::official_terms!(ReviewOutcome, "验收结果 (review outcome)", {
    Passed => "验收合格",
    Failed => "验收不合格",
});

/// One 验收 of a rectification.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RectificationReview {
    /// The day.
    pub on: NaiveDate,
    /// What it found.
    pub outcome: ReviewOutcome,
    /// The reviewers' note.
    pub note: String,
}

/// What happened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RectificationEvent {
    /// Designated.
    Designated {
        /// The organization.
        branch: OrgUnitId,
        /// Why.
        findings: Vec<WeakFinding>,
        /// The plan.
        plan: RectificationPlan,
    },
    /// Progress noted.
    ProgressReported {
        /// When.
        on: NaiveDate,
        /// What.
        note: String,
    },
    /// Reviewed.
    Reviewed {
        /// When.
        on: NaiveDate,
        /// What the 验收 found.
        outcome: ReviewOutcome,
        /// Note.
        note: String,
        /// New deadline if failed.
        new_deadline: Option<NaiveDate>,
    },
}

/// What the rectification rules need.
#[derive(Debug, Clone, Copy)]
pub struct RectificationContext<'c> {
    /// The tree.
    pub tree: &'c OrgTree,
}

/// A rectification command refused.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum RectificationError {
    /// Not designated yet.
    #[error("the organization has not been designated")]
    NotDesignated,
    /// Designated already (and not closed).
    #[error("the organization is already designated")]
    AlreadyDesignated,
    /// Closed already.
    #[error("the rectification is closed (销号)")]
    Closed,
    /// Designation without any finding.
    #[error("a designation needs at least one finding")]
    NoFindings,
    /// A plan without a responsible leader, measures, or with a deadline before today.
    #[error("invalid rectification plan: {0}")]
    InvalidPlan(&'static str),
    /// A blank note.
    #[error("a note is required")]
    MissingNote,
    /// A failed review must set a new deadline after today.
    #[error("a failed review sets a new deadline after today")]
    MissingDeadline,
    /// Authority refused.
    #[error("authority refused: {0}")]
    Authority(#[from] AuthorityError),
}

impl Lifecycle for Rectification {
    type Id = RectificationId;
    type Stage = RectificationStatus;
    type Command = RectificationCommand;
    type Event = RectificationEvent;
    type Context<'c> = RectificationContext<'c>;
    type Error = RectificationError;

    fn stage(&self) -> RectificationStatus {
        self.status()
    }

    fn opens(command: &Self::Command) -> bool {
        matches!(command, RectificationCommand::Designate { .. })
    }

    fn decide(
        &self,
        command: &RectificationCommand,
        act: &Act,
        ctx: &RectificationContext<'_>,
        _peers: &Peers<'_, Self>,
    ) -> Result<Vec<RectificationEvent>, RectificationError> {
        match command {
            RectificationCommand::Designate {
                branch,
                findings,
                plan,
            } => {
                if self.status == RectificationStatus::UnderRectification {
                    return Err(RectificationError::AlreadyDesignated);
                }
                if self.status == RectificationStatus::Closed {
                    return Err(RectificationError::Closed);
                }
                act.authority().check_unit(ctx.tree, *branch)?;
                if findings.is_empty() {
                    return Err(RectificationError::NoFindings);
                }
                if plan.responsible.trim().is_empty() {
                    return Err(RectificationError::InvalidPlan("no responsible leader"));
                }
                if plan.measures.iter().all(|m| m.trim().is_empty()) {
                    return Err(RectificationError::InvalidPlan("no measures"));
                }
                if plan.deadline <= act.day() {
                    return Err(RectificationError::InvalidPlan(
                        "the deadline is not after today",
                    ));
                }
                Ok(vec![RectificationEvent::Designated {
                    branch: *branch,
                    findings: findings.clone(),
                    plan: plan.clone(),
                }])
            }
            RectificationCommand::ReportProgress { note } => {
                let branch = self.open_branch()?;
                act.authority().check_unit(ctx.tree, branch)?;
                if note.trim().is_empty() {
                    return Err(RectificationError::MissingNote);
                }
                Ok(vec![RectificationEvent::ProgressReported {
                    on: act.day(),
                    note: note.clone(),
                }])
            }
            RectificationCommand::Review {
                outcome,
                note,
                new_deadline,
            } => {
                let branch = self.open_branch()?;
                act.authority().check_unit(ctx.tree, branch)?;
                if note.trim().is_empty() {
                    return Err(RectificationError::MissingNote);
                }
                if *outcome == ReviewOutcome::Failed && new_deadline.is_none_or(|d| d <= act.day())
                {
                    return Err(RectificationError::MissingDeadline);
                }
                Ok(vec![RectificationEvent::Reviewed {
                    on: act.day(),
                    outcome: *outcome,
                    note: note.clone(),
                    new_deadline: if *outcome == ReviewOutcome::Passed {
                        None
                    } else {
                        *new_deadline
                    },
                }])
            }
        }
    }

    fn apply(&mut self, event: &RectificationEvent, _: &Applying) {
        match event {
            RectificationEvent::Designated {
                branch,
                findings,
                plan,
            } => {
                self.branch = Some(*branch);
                self.findings = findings.clone();
                self.plan = Some(plan.clone());
                self.status = RectificationStatus::UnderRectification;
            }
            RectificationEvent::ProgressReported { on, note } => {
                self.progress.push((*on, note.clone()))
            }
            RectificationEvent::Reviewed {
                on,
                outcome,
                note,
                new_deadline,
            } => {
                self.reviews.push(RectificationReview {
                    on: *on,
                    outcome: *outcome,
                    note: note.clone(),
                });
                if *outcome == ReviewOutcome::Passed {
                    self.status = RectificationStatus::Closed;
                    self.closed_on = Some(*on);
                } else if let (Some(plan), Some(d)) = (self.plan.as_mut(), new_deadline) {
                    plan.deadline = *d;
                }
            }
        }
    }
}

impl Rectification {
    fn open_branch(&self) -> Result<OrgUnitId, RectificationError> {
        match (self.status, self.branch) {
            (RectificationStatus::UnderRectification, Some(b)) => Ok(b),
            (RectificationStatus::Closed, _) => Err(RectificationError::Closed),
            _ => Err(RectificationError::NotDesignated),
        }
    }
}
