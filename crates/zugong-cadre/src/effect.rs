//! 影响期: the periods after a sanction (政务处分, 党纪处分), an admonition (诫勉), an
//! organizational measure (组织处理) or an accountable exit (引咎辞职, 责令辞职, 问责免职) during
//! which a cadre may not be promoted — or, in the first year after an exit, hold a leadership
//! post at all.
//!
//! Each record is a dated fact of the cadre's file ([`EffectRecord`]); [`check_effects`] reads
//! the records in force on a day and lists every bar with its last day and its rule. Records
//! dated after the day are not yet in force, so re-deciding an old step with today's file gives
//! the old answer.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use zugong_core::dates::add_months;
use zugong_core::policy::{Policy, PolicyError};
use zugong_core::{Citation, LeadershipRank, SourceStatus};

use crate::{AccountableExit, CoolingOffBar, CoolingOffPolicy, ResignationKind, check_cooling_off};

/// 《中华人民共和国公职人员政务处分法》(2020) 第八条: the periods of 政务处分.
pub(crate) const GOVERNMENT_SANCTIONS_ART_8: Citation = Citation::new(
    "《中华人民共和国公职人员政务处分法》(2020)",
    "第八条",
    SourceStatus::Confirmed,
);
/// 《中国共产党纪律处分条例》(2023) 第十条: 警告 one year, 严重警告 one and a half.
pub(crate) const PARTY_SANCTIONS_ART_10: Citation = Citation::new(
    "《中国共产党纪律处分条例》(2023)",
    "第十条",
    SourceStatus::Confirmed,
);
/// 《中国共产党纪律处分条例》(2023) 第十一条: 撤销党内职务, two years.
pub(crate) const PARTY_SANCTIONS_ART_11: Citation = Citation::new(
    "《中国共产党纪律处分条例》(2023)",
    "第十一条",
    SourceStatus::Secondary,
);
/// 《关于对党员领导干部进行诫勉的规定》(2019): six months without promotion.
pub(crate) const ADMONITION: Citation = Citation::new(
    "《关于对党员领导干部进行诫勉的规定》(2019)",
    "",
    SourceStatus::Secondary,
);
/// 《中国共产党组织处理规定（试行）》(2021): the periods after 调整职务 and 降职.
pub(crate) const ORGANIZATIONAL_MEASURES: Citation = Citation::new(
    "《中国共产党组织处理规定（试行）》(2021)",
    "",
    SourceStatus::Provisional,
);

/// What started an 影响期: a 政务处分 (政务处分法 第七条), a 党纪处分 with a promotion bar
/// (纪律处分条例 第八条), 诫勉 or a 组织处理 measure, or an accountable exit.
///
/// 开除 ends the service and 留党察看/开除党籍 end Party posts: they have no 影响期 to wait out
/// here (the member crate's 党籍 rules hold them). Written as its code (`government_demerit`)
/// in serde, its term (`政务记过`, parsed also as `记过处分`) in `Display` and `FromStr`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Effect {
    /// 政务处分 警告: 6 months.
    GovernmentWarning,
    /// 政务处分 记过: 12 months.
    GovernmentDemerit,
    /// 政务处分 记大过: 18 months.
    GovernmentMajorDemerit,
    /// 政务处分 降级: 24 months.
    GovernmentDemotion,
    /// 政务处分 撤职: 24 months.
    GovernmentDismissal,
    /// 党纪 警告: a year without promotion (第十条).
    PartyWarning,
    /// 党纪 严重警告: a year and a half (第十条).
    PartySeriousWarning,
    /// 撤销党内职务: two years without a Party post equal to or above the old one (第十一条).
    PartyPostRemoval,
    /// 诫勉: six months without promotion.
    Admonition,
    /// 组织处理 调整职务: a year without promotion.
    Reassignment,
    /// 组织处理 降职: two years without promotion.
    Demotion,
    /// 引咎辞职: the cooling-off of [`check_cooling_off`].
    ResignationTakingResponsibility,
    /// 责令辞职: the same cooling-off.
    OrderedResignation,
    /// 问责免职: the same cooling-off.
    AccountabilityRemoval,
}

zugong_core::official_terms!(Effect, "影响期事由 (effect)", {
    GovernmentWarning => "政务警告" | "警告处分",
    GovernmentDemerit => "政务记过" | "记过处分" | "记过",
    GovernmentMajorDemerit => "政务记大过" | "记大过处分" | "记大过",
    GovernmentDemotion => "政务降级" | "降级处分" | "降级",
    GovernmentDismissal => "政务撤职" | "撤职处分" | "撤职",
    PartyWarning => "党内警告",
    PartySeriousWarning => "党内严重警告" | "严重警告",
    PartyPostRemoval => "撤销党内职务",
    Admonition => "诫勉",
    Reassignment => "调整职务",
    Demotion => "降职",
    ResignationTakingResponsibility => "引咎辞职",
    OrderedResignation => "责令辞职",
    AccountabilityRemoval => "问责免职",
});

impl Effect {
    /// The accountable exit this effect is, if it is one (its periods are the cooling-off's).
    #[must_use]
    pub const fn exit(self) -> Option<AccountableExit> {
        match self {
            Self::ResignationTakingResponsibility => Some(AccountableExit::Resignation(
                ResignationKind::TakingResponsibility,
            )),
            Self::OrderedResignation => {
                Some(AccountableExit::Resignation(ResignationKind::Ordered))
            }
            Self::AccountabilityRemoval => Some(AccountableExit::AccountabilityRemoval),
            _ => None,
        }
    }
}

/// One dated fact of a cadre's file that starts an 影响期.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct EffectRecord {
    /// What happened.
    pub effect: Effect,
    /// The day the decision took effect: the period runs from it (政务处分法 第八条).
    pub effective_on: NaiveDate,
    /// The leadership rank held when it took effect: 撤销党内职务 and the cooling-off bar posts
    /// at or above it. `None` when the cadre held no leadership post.
    pub rank_before: Option<LeadershipRank>,
}

impl EffectRecord {
    /// A record of `effect` taking effect on `effective_on`, the cadre then holding
    /// `rank_before`.
    #[must_use]
    pub const fn new(
        effect: Effect,
        effective_on: NaiveDate,
        rank_before: Option<LeadershipRank>,
    ) -> Self {
        Self {
            effect,
            effective_on,
            rank_before,
        }
    }
}

/// The months of each 影响期. `Default` is the national rule; a province may lengthen a
/// period, never shorten it ([`Policy::validate`] runs on every deserialization).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(remote = "Self")]
pub struct EffectPeriodPolicy {
    /// 政务处分 警告 (第八条): 6.
    pub government_warning_months: u32,
    /// 政务处分 记过 (第八条): 12.
    pub government_demerit_months: u32,
    /// 政务处分 记大过 (第八条): 18.
    pub government_major_demerit_months: u32,
    /// 政务处分 降级 and 撤职 (第八条): 24.
    pub government_demotion_months: u32,
    /// 党纪 警告 (第十条): 12.
    pub party_warning_months: u32,
    /// 党纪 严重警告 (第十条): 18.
    pub party_serious_warning_months: u32,
    /// 撤销党内职务 (第十一条): 24.
    ///
    /// # Provisional
    /// The two-year bar is from a 中央纪委 Q&A (domain brief §13, secondary).
    pub party_post_removal_months: u32,
    /// 诫勉: 6.
    ///
    /// # Provisional
    /// The national text was not found; a local rule gives six months (domain brief §13).
    pub admonition_months: u32,
    /// 调整职务: 12.
    ///
    /// # Provisional
    /// The article of 组织处理规定 was not found (domain brief §13).
    pub reassignment_months: u32,
    /// 降职: 24.
    ///
    /// # Provisional
    /// As `reassignment_months`.
    pub demotion_months: u32,
}

zugong_core::validated_policy_serde!(EffectPeriodPolicy);

impl Default for EffectPeriodPolicy {
    fn default() -> Self {
        Self {
            government_warning_months: 6,
            government_demerit_months: 12,
            government_major_demerit_months: 18,
            government_demotion_months: 24,
            party_warning_months: 12,
            party_serious_warning_months: 18,
            party_post_removal_months: 24,
            admonition_months: 6,
            reassignment_months: 12,
            demotion_months: 24,
        }
    }
}

impl EffectPeriodPolicy {
    /// The last day of the 影响期 `record` starts, and its rule: the period runs from the day
    /// the decision took effect for the effect's months (政务处分法 第八条), so the last day is
    /// the day before the same day that many months later. `None` for an exit, whose periods
    /// are the [`CoolingOffPolicy`]'s. A period running past the calendar ends on
    /// `NaiveDate::MAX`.
    #[must_use]
    pub fn last_day(&self, record: &EffectRecord) -> Option<(NaiveDate, Citation)> {
        let (months, citation) = self.period(record.effect)?;
        let until = add_months(record.effective_on, months)
            .and_then(|d| d.pred_opt())
            .unwrap_or(NaiveDate::MAX);
        Some((until, citation))
    }

    /// The months and the rule of an effect; `None` for an exit, whose periods are the
    /// [`CoolingOffPolicy`]'s.
    #[must_use]
    pub const fn period(&self, effect: Effect) -> Option<(u32, Citation)> {
        Some(match effect {
            Effect::GovernmentWarning => {
                (self.government_warning_months, GOVERNMENT_SANCTIONS_ART_8)
            }
            Effect::GovernmentDemerit => {
                (self.government_demerit_months, GOVERNMENT_SANCTIONS_ART_8)
            }
            Effect::GovernmentMajorDemerit => (
                self.government_major_demerit_months,
                GOVERNMENT_SANCTIONS_ART_8,
            ),
            Effect::GovernmentDemotion | Effect::GovernmentDismissal => {
                (self.government_demotion_months, GOVERNMENT_SANCTIONS_ART_8)
            }
            Effect::PartyWarning => (self.party_warning_months, PARTY_SANCTIONS_ART_10),
            Effect::PartySeriousWarning => {
                (self.party_serious_warning_months, PARTY_SANCTIONS_ART_10)
            }
            Effect::PartyPostRemoval => (self.party_post_removal_months, PARTY_SANCTIONS_ART_11),
            Effect::Admonition => (self.admonition_months, ADMONITION),
            Effect::Reassignment => (self.reassignment_months, ORGANIZATIONAL_MEASURES),
            Effect::Demotion => (self.demotion_months, ORGANIZATIONAL_MEASURES),
            Effect::ResignationTakingResponsibility
            | Effect::OrderedResignation
            | Effect::AccountabilityRemoval => return None,
        })
    }
}

impl Policy for EffectPeriodPolicy {
    fn citations(&self) -> Vec<(&'static str, Citation)> {
        vec![
            ("government_warning_months", GOVERNMENT_SANCTIONS_ART_8),
            ("government_demerit_months", GOVERNMENT_SANCTIONS_ART_8),
            (
                "government_major_demerit_months",
                GOVERNMENT_SANCTIONS_ART_8,
            ),
            ("government_demotion_months", GOVERNMENT_SANCTIONS_ART_8),
            ("party_warning_months", PARTY_SANCTIONS_ART_10),
            ("party_serious_warning_months", PARTY_SANCTIONS_ART_10),
            ("party_post_removal_months", PARTY_SANCTIONS_ART_11),
            ("admonition_months", ADMONITION),
            ("reassignment_months", ORGANIZATIONAL_MEASURES),
            ("demotion_months", ORGANIZATIONAL_MEASURES),
        ]
    }

    fn validate(&self) -> Result<(), PolicyError> {
        let n = Self::default();
        for (field, value, floor, citation) in [
            (
                "government_warning_months",
                self.government_warning_months,
                n.government_warning_months,
                GOVERNMENT_SANCTIONS_ART_8,
            ),
            (
                "government_demerit_months",
                self.government_demerit_months,
                n.government_demerit_months,
                GOVERNMENT_SANCTIONS_ART_8,
            ),
            (
                "government_major_demerit_months",
                self.government_major_demerit_months,
                n.government_major_demerit_months,
                GOVERNMENT_SANCTIONS_ART_8,
            ),
            (
                "government_demotion_months",
                self.government_demotion_months,
                n.government_demotion_months,
                GOVERNMENT_SANCTIONS_ART_8,
            ),
            (
                "party_warning_months",
                self.party_warning_months,
                n.party_warning_months,
                PARTY_SANCTIONS_ART_10,
            ),
            (
                "party_serious_warning_months",
                self.party_serious_warning_months,
                n.party_serious_warning_months,
                PARTY_SANCTIONS_ART_10,
            ),
            (
                "party_post_removal_months",
                self.party_post_removal_months,
                n.party_post_removal_months,
                PARTY_SANCTIONS_ART_11,
            ),
            (
                "admonition_months",
                self.admonition_months,
                n.admonition_months,
                ADMONITION,
            ),
            (
                "reassignment_months",
                self.reassignment_months,
                n.reassignment_months,
                ORGANIZATIONAL_MEASURES,
            ),
            (
                "demotion_months",
                self.demotion_months,
                n.demotion_months,
                ORGANIZATIONAL_MEASURES,
            ),
        ] {
            PolicyError::at_least(field, value, floor, citation)?;
        }
        Ok(())
    }
}

/// What a running 影响期 forbids.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Barred {
    /// 不得提拔: no post above the rank held now.
    Promotion,
    /// No Party post at or above the rank held before (撤销党内职务).
    PartyPostAtOrAbove(LeadershipRank),
    /// 不安排领导职务: no leadership post at all (the first year after an accountable exit).
    AnyLeadershipPost,
    /// 不得担任高于原任职务层次的领导职务 (the second year after an accountable exit).
    AboveRank(LeadershipRank),
}

/// One running 影响期 that bars the post asked about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct EffectBar {
    /// What started it.
    pub effect: Effect,
    /// What it forbids.
    pub barred: Barred,
    /// Its last day: the post may be taken the day after.
    pub until: NaiveDate,
    /// The rule.
    pub citation: Citation,
}

impl std::fmt::Display for EffectBar {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let what = match self.barred {
            Barred::Promotion => "不得提拔".to_owned(),
            Barred::PartyPostAtOrAbove(r) => format!("不得担任{r}及以上党内职务"),
            Barred::AnyLeadershipPost => "不安排领导职务".to_owned(),
            Barred::AboveRank(r) => format!("不得担任高于{r}的领导职务"),
        };
        write!(
            f,
            "{}影响期至 {}，{what}（{}）",
            self.effect, self.until, self.citation
        )
    }
}

/// The post a cadre is considered for, as the 影响期 rules see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct ConsideredPost {
    /// The rank of the post.
    pub rank: LeadershipRank,
    /// Whether it is a Party post (a committee's or a 党组's): 撤销党内职务 bars those.
    pub party_post: bool,
}

impl ConsideredPost {
    /// A post of `rank`, a Party post or not.
    #[must_use]
    pub const fn new(rank: LeadershipRank, party_post: bool) -> Self {
        Self { rank, party_post }
    }
}

/// Every 影响期 in force on `on` that bars `post` for a cadre now holding `current` (`None`: no
/// leadership post, so any leadership post is a promotion), with the periods of `effects` and
/// `cooling_off`. Records that take effect after `on` are not yet in force.
///
/// ```
/// use chrono::NaiveDate;
/// use zugong_cadre::*;
/// use zugong_core::LeadershipRank;
/// let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
/// let deputy = LeadershipRank::TownshipSectionDeputy;
/// let chief = ConsideredPost::new(LeadershipRank::TownshipSectionChief, false);
/// let record = EffectRecord::new(Effect::GovernmentDemerit, d(2025, 3, 1), Some(deputy));
/// let periods = EffectPeriodPolicy::default();
/// let cooling = CoolingOffPolicy::default();
/// // 记过: twelve months from 1 March 2025, so the last barred day is 28 February 2026.
/// let bars = check_effects(&[record.clone()], Some(deputy), chief, d(2026, 2, 28), &periods, &cooling);
/// assert_eq!(bars[0].until, d(2026, 2, 28));
/// assert!(check_effects(&[record], Some(deputy), chief, d(2026, 3, 1), &periods, &cooling).is_empty());
/// ```
#[must_use]
pub fn check_effects(
    records: &[EffectRecord],
    current: Option<LeadershipRank>,
    post: ConsideredPost,
    on: NaiveDate,
    effects: &EffectPeriodPolicy,
    cooling_off: &CoolingOffPolicy,
) -> Vec<EffectBar> {
    let promotion = current.is_none_or(|c| post.rank.step() > c.step());
    let mut bars = Vec::new();
    for r in records.iter().filter(|r| r.effective_on <= on) {
        if let Some(exit) = r.effect.exit() {
            let previous = r.rank_before.unwrap_or(post.rank);
            if let Err(bar) =
                check_cooling_off(exit, r.effective_on, previous, post.rank, on, cooling_off)
            {
                let citation = bar.citation();
                let (barred, until) = match bar {
                    CoolingOffBar::NoLeadershipPost { until } => (Barred::AnyLeadershipPost, until),
                    CoolingOffBar::NothingHigher { until, previous } => {
                        (Barred::AboveRank(previous), until)
                    }
                };
                bars.push(EffectBar {
                    effect: r.effect,
                    barred,
                    until,
                    citation,
                });
            }
            continue;
        }
        let Some((until, citation)) = effects.last_day(r) else {
            continue;
        };
        if on > until {
            continue;
        }
        let barred = match (r.effect, r.rank_before) {
            (Effect::PartyPostRemoval, Some(before))
                if post.party_post && post.rank.step() >= before.step() =>
            {
                Some(Barred::PartyPostAtOrAbove(before))
            }
            _ if promotion => Some(Barred::Promotion),
            _ => None,
        };
        if let Some(barred) = barred {
            bars.push(EffectBar {
                effect: r.effect,
                barred,
                until,
                citation,
            });
        }
    }
    bars
}
