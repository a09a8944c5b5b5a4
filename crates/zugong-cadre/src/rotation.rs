//! Rotation (交流): flags for tenure limits, and rotation plans checked against quotas.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use zugong_core::dates::{add_years, completed_months};
use zugong_core::policy::{Policy, PolicyError};
use zugong_core::{
    AdminLevel, CadreId, Citation, DivisionLevel, InstitutionKind, InstitutionRegistry, OrgTree,
    PostHolder, PostSeniority, RankOrGrade, SourceStatus,
};

use crate::{Post, QuotaBook};

const EXCHANGE_2014_54: Citation = Citation::new(
    "《党政领导干部选拔任用工作条例》(2014)",
    "第五十四条（2019年条例第九章沿用）",
    SourceStatus::Confirmed,
);
/// 2019: 地方党委、政府领导成员在同一职位上任职满十年的，必须交流 (the 2014 text bound every
/// 党政领导干部).
const EXCHANGE_2019: Citation = Citation::new(
    "《党政领导干部选拔任用工作条例》(2019)",
    "第九章 交流、回避",
    SourceStatus::Secondary,
);
/// 《党政领导干部职务任期暂行规定》(2006) 第六条: two terms in the same post.
const TENURE_2006_ART_6: Citation = Citation::new(
    "《党政领导干部职务任期暂行规定》(2006)",
    "第六条",
    SourceStatus::Confirmed,
);
/// 《党政领导干部职务任期暂行规定》(2006) 第七条: fifteen years at one level.
const TENURE_2006_ART_7: Citation = Citation::new(
    "《党政领导干部职务任期暂行规定》(2006)",
    "第七条",
    SourceStatus::Confirmed,
);
/// 《党政领导干部职务任期暂行规定》(2006) 第三条: a term is five years.
const TENURE_2006_ART_3: Citation = Citation::new(
    "《党政领导干部职务任期暂行规定》(2006)",
    "第三条",
    SourceStatus::Confirmed,
);

/// Tenure limits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(remote = "Self")]
pub struct RotationPolicy {
    /// 在同一职位上任职满十年的，必须交流: 10.
    pub must_rotate_years: u32,
    /// 任期: 5 years (任期规定 2006).
    pub term_years: u32,
    /// 同一职位连续任职达到两个任期，不再推荐、提名或者任命担任同一职务: 2.
    pub max_consecutive_terms: u32,
    /// 同一职务层次累计任职达到十五年的，不再推荐、提名或者任命担任同一层次领导职务: 15.
    pub max_years_at_level: u32,
}

zugong_core::validated_policy_serde!(RotationPolicy);

impl Default for RotationPolicy {
    fn default() -> Self {
        Self {
            must_rotate_years: 10,
            term_years: 5,
            max_consecutive_terms: 2,
            max_years_at_level: 15,
        }
    }
}

impl Policy for RotationPolicy {
    fn citations(&self) -> Vec<(&'static str, Citation)> {
        vec![
            ("must_rotate_years", EXCHANGE_2019),
            ("term_years", TENURE_2006_ART_3),
            ("max_consecutive_terms", TENURE_2006_ART_6),
            ("max_years_at_level", TENURE_2006_ART_7),
        ]
    }

    fn validate(&self) -> Result<(), PolicyError> {
        let national = Self::default();
        PolicyError::at_most(
            "must_rotate_years",
            self.must_rotate_years,
            national.must_rotate_years,
            EXCHANGE_2019,
        )?;
        PolicyError::within("must_rotate_years", self.must_rotate_years, 1, u32::MAX)?;
        PolicyError::within("term_years", self.term_years, 1, 10)?;
        PolicyError::at_most(
            "max_consecutive_terms",
            self.max_consecutive_terms,
            national.max_consecutive_terms,
            TENURE_2006_ART_6,
        )?;
        PolicyError::within(
            "max_consecutive_terms",
            self.max_consecutive_terms,
            1,
            u32::MAX,
        )?;
        PolicyError::at_most(
            "max_years_at_level",
            self.max_years_at_level,
            national.max_years_at_level,
            TENURE_2006_ART_7,
        )?;
        PolicyError::within("max_years_at_level", self.max_years_at_level, 1, u32::MAX)?;
        Ok(())
    }
}

/// Which tenure limits bind a post.
///
/// 《党政领导干部职务任期暂行规定》(2006) 第二条 puts under the two-term (第六条) and
/// fifteen-year (第七条) limits the 县级以上地方党委、政府领导成员 and the 正职 of the work
/// departments, 纪委, courts and procuratorates; the ten-year rotation rule (交流) binds the
/// 地方党委和政府领导成员 in the same post. Other posts are under none of them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TenureScope {
    /// 县级以上地方党委、政府领导成员: all three limits.
    LocalLeadership,
    /// A 正职 of a work department, 纪委, court or procuratorate: two terms and fifteen years.
    Principal,
    /// Under none of the limits (the default).
    #[default]
    Other,
}

zugong_core::official_terms!(TenureScope, "任期管理范围 (tenure scope)", {
    LocalLeadership => "地方党委、政府领导成员",
    Principal => "正职领导成员",
    Other => "其他",
});

impl TenureScope {
    /// The scope of `post` under 第二条:
    ///
    /// - a leadership post of a county-or-higher local Party committee (an area's own, hosted
    ///   by no 单位) or of a county-or-higher government: [`TenureScope::LocalLeadership`];
    /// - the 正职 of a 纪委（监委）, court or procuratorate, and the 正职 of a work department or
    ///   body of a province's or a city's Party committee, 人大常委会, government or 政协:
    ///   [`TenureScope::Principal`];
    /// - anything else (a county bureau's head, a 乡镇's posts, deputies outside the local
    ///   leadership): [`TenureScope::Other`].
    #[must_use]
    pub fn of(post: &Post, tree: &OrgTree, registry: &InstitutionRegistry) -> Self {
        let Some(rank) = post.leadership_rank() else {
            return Self::Other;
        };
        let chief = rank.seniority() == PostSeniority::Chief;
        match post.holder {
            PostHolder::PartyCommittee(u) => {
                let local = tree.get(u).is_some_and(|u| {
                    crate::is_local_committee(u, registry) && u.level >= AdminLevel::County
                });
                if local {
                    Self::LocalLeadership
                } else {
                    Self::Other
                }
            }
            PostHolder::Institution(i) => {
                let Some(i) = registry.get(i) else {
                    return Self::Other;
                };
                let above_county = i.area.level() != DivisionLevel::County;
                match i.kind {
                    // A 乡镇 government is a `Township`: the registry's governments are the
                    // county's and above.
                    InstitutionKind::Government => Self::LocalLeadership,
                    InstitutionKind::Supervision
                    | InstitutionKind::Court
                    | InstitutionKind::Procuratorate
                        if chief =>
                    {
                        Self::Principal
                    }
                    InstitutionKind::GovernmentDepartment
                    | InstitutionKind::PartyOrgan
                    | InstitutionKind::PeoplesCongressOrgan
                    | InstitutionKind::CppccOrgan
                        if chief && above_county =>
                    {
                        Self::Principal
                    }
                    _ => Self::Other,
                }
            }
            PostHolder::LeadingGroup(_) => Self::Other,
        }
    }
}

/// A cadre's tenure in the current post and level.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostTenure {
    /// The cadre.
    pub cadre: CadreId,
    /// In the same post since.
    pub in_post_since: NaiveDate,
    /// Periods at the current 职务层次 (any post), oldest first; `None` end: ongoing.
    pub level_periods: Vec<(NaiveDate, Option<NaiveDate>)>,
    /// The 届 (任期) served in the post, counted from the body's 换届 records — a 届 is the
    /// body's term, not five years of the cadre's own.
    #[serde(default)]
    pub terms_served: u32,
    /// Which limits bind the post.
    #[serde(default)]
    pub scope: TenureScope,
}

/// A tenure flag as of a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RotationFlag {
    /// 任职满十年，必须交流 (since the day the tenth year completed).
    MustRotate {
        /// Day the limit was reached.
        since: NaiveDate,
    },
    /// Two full terms in the same post: no further term in it.
    TwoTermsReached,
    /// 15 years at the same level: no further post at that level.
    LevelLimitReached {
        /// Years at the level.
        years: u32,
    },
    /// 原则上任满一届: a move now would come before the first term ends.
    TermNotCompleted {
        /// The day the first term completes.
        term_ends: NaiveDate,
    },
}

impl RotationFlag {
    /// The rule.
    #[must_use]
    pub fn citation(&self) -> Citation {
        match self {
            Self::MustRotate { .. } => EXCHANGE_2019,
            Self::TwoTermsReached => TENURE_2006_ART_6,
            Self::TermNotCompleted { .. } => EXCHANGE_2014_54,
            Self::LevelLimitReached { .. } => TENURE_2006_ART_7,
        }
    }
}

/// The flags of a tenure as of `as_of`.
///
/// ```
/// use chrono::NaiveDate;
/// use zugong_cadre::*;
/// use zugong_core::CadreId;
/// let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
/// let t = PostTenure { cadre: CadreId::from_uuid(uuid::Uuid::nil()), in_post_since: d(2016, 6, 1),
///     level_periods: vec![(d(2016, 6, 1), None)], terms_served: 2, scope: TenureScope::LocalLeadership };
/// let policy = RotationPolicy::default();
/// assert!(!rotation_flags(&t, d(2026, 5, 31), &policy).iter().any(|f| matches!(f, RotationFlag::MustRotate { .. })));
/// assert!(rotation_flags(&t, d(2026, 6, 1), &policy).contains(&RotationFlag::MustRotate { since: d(2026, 6, 1) }));
/// ```
#[must_use]
pub fn rotation_flags(
    t: &PostTenure,
    as_of: NaiveDate,
    policy: &RotationPolicy,
) -> Vec<RotationFlag> {
    let mut out = Vec::new();
    let limited = t.scope != TenureScope::Other;
    if t.scope == TenureScope::LocalLeadership
        && let Some(since) =
            add_years(t.in_post_since, policy.must_rotate_years).filter(|d| *d <= as_of)
    {
        out.push(RotationFlag::MustRotate { since });
    }
    if limited && t.terms_served >= policy.max_consecutive_terms {
        out.push(RotationFlag::TwoTermsReached);
    }
    let level_months: u32 = t
        .level_periods
        .iter()
        .map(|(from, to)| completed_months(*from, to.unwrap_or(as_of).min(as_of)))
        .fold(0, u32::saturating_add);
    if limited && level_months >= policy.max_years_at_level.saturating_mul(12) {
        out.push(RotationFlag::LevelLimitReached {
            years: level_months / 12,
        });
    }
    if let Some(term_ends) = add_years(t.in_post_since, policy.term_years).filter(|d| *d > as_of) {
        out.push(RotationFlag::TermNotCompleted { term_ends });
    }
    out
}

/// One move of a rotation plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RotationMove {
    /// Who.
    pub cadre: CadreId,
    /// From this post.
    pub from: Post,
    /// To this post.
    pub to: Post,
}

/// A problem with a rotation plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RotationProblem {
    /// After every move, a holder would have more than its quota for a rank filled.
    OverQuota {
        /// The 单位, Party committee or 党组.
        holder: PostHolder,
        /// Rank.
        rank: RankOrGrade,
        /// Holders after the plan.
        after: u32,
        /// Approved.
        allotted: u32,
    },
    /// A cadre moved twice.
    MovedTwice(CadreId),
}

/// Checks a rotation plan against the quotas on both sides, all moves at once: every move frees
/// its old post and fills its new one, and no (holder, rank) ends above its approved number.
///
/// # Errors
/// Every [`RotationProblem`].
pub fn check_rotation_plan(
    moves: &[RotationMove],
    quota: &QuotaBook,
) -> Result<(), Vec<RotationProblem>> {
    let mut problems = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    let mut delta: BTreeMap<(PostHolder, String), (RankOrGrade, i64)> = BTreeMap::new();
    for m in moves {
        if !seen.insert(m.cadre) {
            problems.push(RotationProblem::MovedTwice(m.cadre));
        }
        delta
            .entry((m.from.holder, format!("{:?}", m.from.rank)))
            .or_insert((m.from.rank, 0))
            .1 -= 1;
        delta
            .entry((m.to.holder, format!("{:?}", m.to.rank)))
            .or_insert((m.to.rank, 0))
            .1 += 1;
    }
    for ((holder, _), (rank, d)) in delta {
        let line = quota.line(holder, rank).unwrap_or_default();
        let after = i64::from(line.occupied) + d;
        if after > i64::from(line.allotted) {
            problems.push(RotationProblem::OverQuota {
                holder,
                rank,
                after: u32::try_from(after).unwrap_or(u32::MAX),
                allotted: line.allotted,
            });
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}
