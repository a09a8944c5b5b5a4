//! 能上能下: the situations in which a cadre no longer fits the post, the ways of adjusting,
//! removal (免职), resignation (辞职) and the cooling-off after it.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use zugong_core::dates::add_years;
use zugong_core::{Citation, LeadershipRank, SourceStatus};

/// 《推进领导干部能上能下规定》 (2022).
const UP_DOWN_2022: Citation = Citation::new(
    "《推进领导干部能上能下规定》(2022)",
    "第五条",
    SourceStatus::Confirmed,
);
const UP_DOWN_2022_LATE: Citation = Citation::new(
    "《推进领导干部能上能下规定》(2022)",
    "第五条（第九至十五项）",
    SourceStatus::Provisional,
);
/// 选拔任用条例 Ch 10.
pub(crate) const REMOVAL: Citation = Citation::new(
    "《党政领导干部选拔任用工作条例》(2019)",
    "第十章 免职、辞职、降职",
    SourceStatus::Secondary,
);
const COOLING_OFF: Citation = Citation::new(
    "《党政领导干部选拔任用工作条例》(2019)",
    "引咎辞职、责令辞职和问责免职后的任职限制",
    SourceStatus::Provisional,
);

/// 不适宜担任现职的情形: the 15 situations of the 2022 rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnsuitabilityCase {
    /// 1 政治能力不过硬.
    WeakPoliticalCapacity,
    /// 2 理想信念动摇.
    WaveringConviction,
    /// 3 担当和斗争精神不强.
    LacksCommitment,
    /// 4 政绩观存在偏差.
    DistortedPerformanceView,
    /// 5 违背民主集中制原则.
    ViolatesDemocraticCentralism,
    /// 6 组织观念淡薄 (incl. refusing assignments and transfers without good reason).
    WeakOrganizationalDiscipline,
    /// 7 事业心和责任感不强.
    LacksDedication,
    /// 8 领导能力不足.
    InsufficientLeadership,
    /// 9 落实全面从严治党责任不力.
    WeakPartyDisciplineResponsibility,
    /// 10 不正确履行职责 / 法治意识淡薄.
    ImproperPerformance,
    /// 11 违背中央八项规定精神.
    BreachesEightRules,
    /// 12 品行不端.
    PoorConduct,
    /// 13 配偶已移居国（境）外，或者没有配偶但子女均已移居国（境）外 (裸官).
    FamilyAbroad,
    /// 14 因配偶、子女及其配偶经商办企业等情况需要组织调整.
    FamilyBusiness,
    /// 15 其他不适宜担任现职的情形.
    Other,
}

zugong_core::official_terms!(UnsuitabilityCase, "不适宜担任现职情形 (unsuitability case)", {
    WeakPoliticalCapacity => "政治能力不过硬",
    WaveringConviction => "理想信念动摇",
    LacksCommitment => "担当和斗争精神不强",
    DistortedPerformanceView => "政绩观存在偏差",
    ViolatesDemocraticCentralism => "违背民主集中制原则",
    WeakOrganizationalDiscipline => "组织观念淡薄",
    LacksDedication => "事业心和责任感不强",
    InsufficientLeadership => "领导能力不足",
    WeakPartyDisciplineResponsibility => "落实全面从严治党责任不力",
    ImproperPerformance => "不正确履行职责",
    BreachesEightRules => "违背中央八项规定精神",
    PoorConduct => "品行不端",
    FamilyAbroad => "配偶子女移居国（境）外",
    FamilyBusiness => "配偶子女经商办企业需调整",
    Other => "其他不适宜担任现职情形",
});

impl UnsuitabilityCase {
    /// Whether the item's wording is not verified against the primary text (items 9–15 except
    /// 14, which a secondary source confirms): such items carry a `needs verification` mark.
    #[must_use]
    pub const fn needs_verification(self) -> bool {
        matches!(
            self,
            Self::WeakPartyDisciplineResponsibility
                | Self::ImproperPerformance
                | Self::BreachesEightRules
                | Self::PoorConduct
                | Self::FamilyAbroad
                | Self::Other
        )
    }

    /// The rule, with its status.
    #[must_use]
    pub fn citation(self) -> Citation {
        if self.needs_verification() || self == Self::FamilyBusiness {
            UP_DOWN_2022_LATE
        } else {
            UP_DOWN_2022
        }
    }
}

/// 调整方式: how a cadre is adjusted. Every adjustment vacates the post: an appointment's
/// adjustment is [`crate::SelectionCommand::Adjust`], one entry that also frees the quota
/// place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AdjustmentKind {
    /// 调离岗位.
    Transfer,
    /// 改任 (e.g. to a non-leadership 职级).
    Reassignment,
    /// 免职.
    Removal,
    /// 降职.
    Demotion,
}

zugong_core::official_terms!(AdjustmentKind, "调整方式 (adjustment kind)", {
    Transfer => "调离岗位",
    Reassignment => "改任",
    Removal => "免职",
    Demotion => "降职",
});

/// 免职 cases (一般应当免去现职; 2019 list, secondary).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RemovalCase {
    /// 达到任职年龄界限或者退休年龄界限.
    AgeLimit,
    /// 受到责任追究应当免职.
    Accountability,
    /// 不适宜担任现职应当免职.
    Unsuitable,
    /// 因违纪违法应当免职.
    Violation,
    /// 辞职或者调出.
    ResignedOrTransferred,
    /// 非组织选派，个人申请离职学习期限超过一年.
    StudyLeaveOverOneYear,
    /// 因健康原因，无法正常履行工作职责一年以上.
    IllHealthOneYear,
    /// 因工作需要或者其他原因应当免去现职.
    WorkNeeds,
}

zugong_core::official_terms!(RemovalCase, "免职情形 (removal case)", {
    AgeLimit => "达到任职年龄界限或者退休年龄界限",
    Accountability => "受到责任追究应当免职",
    Unsuitable => "不适宜担任现职应当免职",
    Violation => "因违纪违法应当免职",
    ResignedOrTransferred => "辞职或者调出",
    StudyLeaveOverOneYear => "个人申请离职学习期限超过一年",
    IllHealthOneYear => "因健康原因无法正常履行工作职责一年以上",
    WorkNeeds => "因工作需要或者其他原因应当免去现职",
});

impl RemovalCase {
    /// The rule.
    #[must_use]
    pub fn citation(self) -> Citation {
        REMOVAL
    }
}

/// 辞职 kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ResignationKind {
    /// 因公辞职.
    ForWork,
    /// 自愿辞职.
    Voluntary,
    /// 引咎辞职.
    TakingResponsibility,
    /// 责令辞职.
    Ordered,
}

zugong_core::official_terms!(ResignationKind, "辞职类型 (resignation kind)", {
    ForWork => "因公辞职",
    Voluntary => "自愿辞职",
    TakingResponsibility => "引咎辞职",
    Ordered => "责令辞职",
});

/// An exit that starts a cooling-off period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AccountableExit {
    /// 引咎辞职 or 责令辞职.
    Resignation(ResignationKind),
    /// 问责免职.
    AccountabilityRemoval,
}

/// Why a new post is barred after an accountable exit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum CoolingOffBar {
    /// 一年内不安排领导职务: no leadership post until `until`.
    NoLeadershipPost {
        /// Last barred day.
        until: NaiveDate,
    },
    /// 两年内不得担任高于原任职务层次的领导职务.
    NothingHigher {
        /// Last barred day.
        until: NaiveDate,
        /// The rank held before.
        previous: LeadershipRank,
    },
}

impl CoolingOffBar {
    /// The rule.
    #[must_use]
    pub fn citation(&self) -> Citation {
        COOLING_OFF
    }
}

/// The cooling-off after 引咎辞职, 责令辞职 or 问责免职.
///
/// # Provisional
/// The article is not verified; a secondary summary agrees on 一年内不安排领导职务，两年内不得担任
/// 高于原任职务层次的领导职务 (domain brief §2.11).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(remote = "Self")]
pub struct CoolingOffPolicy {
    /// Years with no leadership post: 1.
    pub no_leadership_years: u32,
    /// Years with nothing higher than the rank held before: 2.
    pub nothing_higher_years: u32,
}

zugong_core::validated_policy_serde!(CoolingOffPolicy);

impl Default for CoolingOffPolicy {
    fn default() -> Self {
        Self {
            no_leadership_years: 1,
            nothing_higher_years: 2,
        }
    }
}

impl zugong_core::Policy for CoolingOffPolicy {
    fn citations(&self) -> Vec<(&'static str, Citation)> {
        vec![
            ("no_leadership_years", COOLING_OFF),
            ("nothing_higher_years", COOLING_OFF),
        ]
    }

    fn validate(&self) -> Result<(), zugong_core::PolicyError> {
        let national = Self::default();
        zugong_core::PolicyError::at_least(
            "no_leadership_years",
            self.no_leadership_years,
            national.no_leadership_years,
            COOLING_OFF,
        )?;
        zugong_core::PolicyError::at_least(
            "nothing_higher_years",
            self.nothing_higher_years,
            national.nothing_higher_years,
            COOLING_OFF,
        )?;
        if self.no_leadership_years > self.nothing_higher_years {
            return Err(zugong_core::PolicyError::Invalid {
                field: "no_leadership_years",
                reason: "longer than the period with nothing higher".into(),
            });
        }
        Ok(())
    }
}

/// Checks a new post of `rank` on `on` after an accountable exit on `exited_on` from
/// `previous`, under `policy`. 因公辞职 and 自愿辞职 start no cooling-off.
///
/// # Errors
/// The [`CoolingOffBar`] that applies.
pub fn check_cooling_off(
    exit: AccountableExit,
    exited_on: NaiveDate,
    previous: LeadershipRank,
    rank: LeadershipRank,
    on: NaiveDate,
    policy: &CoolingOffPolicy,
) -> Result<(), CoolingOffBar> {
    if matches!(
        exit,
        AccountableExit::Resignation(ResignationKind::ForWork | ResignationKind::Voluntary)
    ) {
        return Ok(());
    }
    let last_day = |years: u32| {
        add_years(exited_on, years)
            .and_then(|d| d.pred_opt())
            .unwrap_or(exited_on)
    };
    let one = last_day(policy.no_leadership_years);
    let two = last_day(policy.nothing_higher_years);
    if on <= one {
        return Err(CoolingOffBar::NoLeadershipPost { until: one });
    }
    if on <= two && rank > previous {
        return Err(CoolingOffBar::NothingHigher {
            until: two,
            previous,
        });
    }
    Ok(())
}
