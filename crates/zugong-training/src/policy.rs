//! The numbers of the training rules, with the regulations' values as defaults.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use zugong_core::policy::{Policy, PolicyError};
use zugong_core::{Citation, SourceStatus};

use crate::{MemberGroup, StudyHours, TrainingMode};

/// 《干部教育培训工作条例》(2023).
pub(crate) const CADRE_TRAINING_ART_14: Citation = Citation::new(
    "《干部教育培训工作条例》(2023)",
    "第十四条",
    SourceStatus::Confirmed,
);
/// 《干部教育培训工作条例》(2023) 第十五条: leave during 脱产培训.
pub(crate) const CADRE_TRAINING_ART_15: Citation = Citation::new(
    "《干部教育培训工作条例》(2023)",
    "第十五条",
    SourceStatus::Confirmed,
);
/// 《中国共产党党员教育管理工作条例》(2019) 第二十条: 32学时 a year, 集中轮训.
pub(crate) const MEMBER_EDUCATION_ART_20: Citation = Citation::new(
    "《中国共产党党员教育管理工作条例》(2019)",
    "第二十条",
    SourceStatus::Confirmed,
);
/// 《中国共产党党员教育管理工作条例》(2019) 第四十条: the 基层党委 organizes member training.
pub(crate) const MEMBER_EDUCATION_ART_40: Citation = Citation::new(
    "《中国共产党党员教育管理工作条例》(2019)",
    "第四十条",
    SourceStatus::Confirmed,
);
/// 《2019—2023年全国党员教育培训工作规划》: secretaries' 56学时 and new secretaries' training.
pub(crate) const MEMBER_TRAINING_PLAN: Citation = Citation::new(
    "《2019—2023年全国党员教育培训工作规划》",
    "",
    SourceStatus::Secondary,
);
/// 《公务员法》 第六十七条: 任职培训 before or within a year of promotion.
pub(crate) const CIVIL_SERVANT_LAW_ART_67: Citation = Citation::new(
    "《中华人民共和国公务员法》(2018)",
    "第六十七条",
    SourceStatus::Confirmed,
);

/// An exact fraction, for limits such as "请假不超过总学时的七分之一".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fraction {
    /// Numerator.
    pub numerator: u32,
    /// Denominator (never zero in a valid policy).
    pub denominator: u32,
}

impl Fraction {
    /// Whether `part` exceeds this fraction of `whole` (`part / whole > n / d`), exactly.
    #[must_use]
    pub fn is_exceeded_by(self, part: StudyHours, whole: StudyHours) -> bool {
        u64::from(part.tenths()) * u64::from(self.denominator)
            > u64::from(whole.tenths()) * u64::from(self.numerator)
    }
}

/// The training requirements and limits. `Default` is the national rule.
///
/// ```
/// use zugong_training::{StudyHours, TrainingPolicy};
/// use zugong_core::Policy;
/// let p = TrainingPolicy::default();
/// assert_eq!(p.member_yearly_hours, StudyHours::whole(32));
/// assert!(p.validate().is_ok());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(remote = "Self")]
pub struct TrainingPolicy {
    /// 党员每年集中学习培训时间一般不少于32学时 (《党员教育管理工作条例》 第二十条).
    pub member_yearly_hours: StudyHours,
    /// The modes that count toward the members' yearly hours: 集中 by default (第二十条 says
    /// 集中学习培训).
    pub member_counted_modes: Vec<TrainingMode>,
    /// 基层党组织书记和班子成员每年不少于56学时 (规划 2019–2023, secondary).
    pub secretary_yearly_hours: StudyHours,
    /// ... including at least this many 集中培训 (规划 2019–2023, secondary): 1.
    pub secretary_min_concentrated_sessions: u32,
    /// A new secretary receives 任职培训 within this many months (规划 2019–2023, secondary): 6.
    pub new_secretary_training_months: u32,
    /// 县处级以上 cadres: the window, in years (《干部教育培训工作条例》 第十四条): 5.
    pub senior_cadre_window_years: u32,
    /// The first year of a plan cycle: the five-year windows follow the national 规划's cycles
    /// (《全国干部教育培训规划（2023—2027年）》: 2023), not a rolling window back from the day.
    ///
    /// # Provisional
    /// The cycle's years are from the plan's title; a province on its own cycle sets it here.
    #[serde(default = "default_cycle_start")]
    pub senior_cadre_cycle_start_year: i32,
    /// ... 累计不少于3个月 (第十四条): this many calendar months of 脱产/集中培训, counted from
    /// the first day of the cadre's first such class in the window — a class from 1 February
    /// to 30 April (89 days) is three months, as is one from 1 March to 31 May (92 days).
    /// [`TrainingPolicy::senior_cadre_days_from`] gives the days the months make.
    ///
    /// # Provisional
    /// The article says 3个月 and no more: reading a cumulative total of separate classes from
    /// the first class's first day is zugong's. Without any class, the months are counted
    /// from the window's first day.
    pub senior_cadre_months: u32,
    /// ... 或者550学时 (第十四条).
    pub senior_cadre_hours: StudyHours,
    /// 乡科级 cadres and 一级主任科员 and below: 每年累计不少于12天 (第十四条).
    pub junior_cadre_yearly_days: u32,
    /// ... 或者90学时 (第十四条).
    pub junior_cadre_yearly_hours: StudyHours,
    /// A cadre promoted before meeting the requirement completes it within this many months
    /// (第十四条; 《公务员法》 第六十七条): 12.
    pub promotion_catch_up_months: u32,
    /// Leave during a class may not exceed this share of its 学时, else 退学 (第十五条): 1/7.
    pub leave_limit: Fraction,
    /// 学时 per training day, where a province converts between them.
    ///
    /// # Provisional
    /// No national figure (domain brief §5.1); `None` by default, so classes state both days
    /// and 学时.
    pub hours_per_day: Option<StudyHours>,
}

impl TrainingPolicy {
    /// The days that [`TrainingPolicy::senior_cadre_months`] calendar months make from
    /// `start` (3 months from 1 February: 89; from 1 March: 92). Saturates at the end of the
    /// calendar instead of failing: a start near `NaiveDate::MAX` counts the days left.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use zugong_training::TrainingPolicy;
    /// let p = TrainingPolicy::default();
    /// let d = |m| NaiveDate::from_ymd_opt(2026, m, 1).unwrap();
    /// assert_eq!(p.senior_cadre_days_from(d(2)), 89);
    /// assert_eq!(p.senior_cadre_days_from(d(3)), 92);
    /// ```
    #[must_use]
    pub fn senior_cadre_days_from(&self, start: NaiveDate) -> u32 {
        let end = zugong_core::dates::add_months(start, self.senior_cadre_months)
            .unwrap_or(NaiveDate::MAX);
        u32::try_from((end - start).num_days()).unwrap_or(u32::MAX)
    }
}

zugong_core::validated_policy_serde!(TrainingPolicy);

impl Default for TrainingPolicy {
    fn default() -> Self {
        Self {
            member_yearly_hours: StudyHours::whole(32),
            member_counted_modes: vec![TrainingMode::Concentrated, TrainingMode::FullTimeOffJob],
            secretary_yearly_hours: StudyHours::whole(56),
            secretary_min_concentrated_sessions: 1,
            new_secretary_training_months: 6,
            senior_cadre_window_years: 5,
            senior_cadre_cycle_start_year: default_cycle_start(),
            senior_cadre_months: 3,
            senior_cadre_hours: StudyHours::whole(550),
            junior_cadre_yearly_days: 12,
            junior_cadre_yearly_hours: StudyHours::whole(90),
            promotion_catch_up_months: 12,
            leave_limit: Fraction {
                numerator: 1,
                denominator: 7,
            },
            hours_per_day: None,
        }
    }
}

const fn default_cycle_start() -> i32 {
    2023
}

impl TrainingPolicy {
    /// The plan cycle containing `on`: its first and last day. The cycles run
    /// `senior_cadre_window_years` from `senior_cadre_cycle_start_year`, backwards too.
    #[must_use]
    pub fn cycle_of(&self, on: NaiveDate) -> (NaiveDate, NaiveDate) {
        let len = i32::try_from(self.senior_cadre_window_years.max(1)).unwrap_or(5);
        let offset = (on.year() - self.senior_cadre_cycle_start_year).rem_euclid(len);
        let first = on.year() - offset;
        let start = NaiveDate::from_ymd_opt(first, 1, 1).unwrap_or(on);
        let end = NaiveDate::from_ymd_opt(first.saturating_add(len - 1), 12, 31).unwrap_or(on);
        (start, end)
    }

    /// Converts training days to 学时 with [`TrainingPolicy::hours_per_day`], if set.
    #[must_use]
    pub fn days_to_hours(&self, days: u32) -> Option<StudyHours> {
        self.hours_per_day
            .and_then(|h| h.tenths().checked_mul(days))
            .map(StudyHours::from_tenths)
    }
}

impl Policy for TrainingPolicy {
    fn citations(&self) -> Vec<(&'static str, Citation)> {
        vec![
            ("member_yearly_hours", MEMBER_EDUCATION_ART_20),
            ("member_counted_modes", MEMBER_EDUCATION_ART_20),
            ("secretary_yearly_hours", MEMBER_TRAINING_PLAN),
            ("secretary_min_concentrated_sessions", MEMBER_TRAINING_PLAN),
            ("new_secretary_training_months", MEMBER_TRAINING_PLAN),
            ("senior_cadre_window_years", CADRE_TRAINING_ART_14),
            ("senior_cadre_cycle_start_year", CADRE_TRAINING_ART_14),
            ("senior_cadre_months", CADRE_TRAINING_ART_14),
            ("senior_cadre_hours", CADRE_TRAINING_ART_14),
            ("junior_cadre_yearly_days", CADRE_TRAINING_ART_14),
            ("junior_cadre_yearly_hours", CADRE_TRAINING_ART_14),
            ("promotion_catch_up_months", CADRE_TRAINING_ART_14),
            ("promotion_catch_up_months", CIVIL_SERVANT_LAW_ART_67),
            ("leave_limit", CADRE_TRAINING_ART_15),
        ]
    }

    fn validate(&self) -> Result<(), PolicyError> {
        let national = Self::default();
        let hours = |field, value: StudyHours, floor: StudyHours, citation| {
            PolicyError::at_least(field, value.tenths(), floor.tenths(), citation)
        };
        hours(
            "member_yearly_hours",
            self.member_yearly_hours,
            national.member_yearly_hours,
            MEMBER_EDUCATION_ART_20,
        )?;
        hours(
            "secretary_yearly_hours",
            self.secretary_yearly_hours,
            national.secretary_yearly_hours,
            MEMBER_TRAINING_PLAN,
        )?;
        hours(
            "senior_cadre_hours",
            self.senior_cadre_hours,
            national.senior_cadre_hours,
            CADRE_TRAINING_ART_14,
        )?;
        hours(
            "junior_cadre_yearly_hours",
            self.junior_cadre_yearly_hours,
            national.junior_cadre_yearly_hours,
            CADRE_TRAINING_ART_14,
        )?;
        PolicyError::at_least(
            "secretary_min_concentrated_sessions",
            self.secretary_min_concentrated_sessions,
            national.secretary_min_concentrated_sessions,
            MEMBER_TRAINING_PLAN,
        )?;
        PolicyError::at_most(
            "new_secretary_training_months",
            self.new_secretary_training_months,
            national.new_secretary_training_months,
            MEMBER_TRAINING_PLAN,
        )?;
        PolicyError::within(
            "new_secretary_training_months",
            self.new_secretary_training_months,
            1,
            u32::MAX,
        )?;
        PolicyError::at_least(
            "senior_cadre_months",
            self.senior_cadre_months,
            national.senior_cadre_months,
            CADRE_TRAINING_ART_14,
        )?;
        PolicyError::at_least(
            "junior_cadre_yearly_days",
            self.junior_cadre_yearly_days,
            national.junior_cadre_yearly_days,
            CADRE_TRAINING_ART_14,
        )?;
        PolicyError::at_most(
            "promotion_catch_up_months",
            self.promotion_catch_up_months,
            national.promotion_catch_up_months,
            CADRE_TRAINING_ART_14,
        )?;
        PolicyError::within(
            "promotion_catch_up_months",
            self.promotion_catch_up_months,
            1,
            u32::MAX,
        )?;
        // The window is the plan cycle: a province on a shorter cycle tightens the rule.
        PolicyError::at_most(
            "senior_cadre_window_years",
            self.senior_cadre_window_years,
            national.senior_cadre_window_years,
            CADRE_TRAINING_ART_14,
        )?;
        PolicyError::within(
            "senior_cadre_window_years",
            self.senior_cadre_window_years,
            1,
            u32::MAX,
        )?;
        let l = self.leave_limit;
        let nl = national.leave_limit;
        if l.denominator == 0 || l.numerator > l.denominator {
            return Err(PolicyError::Invalid {
                field: "leave_limit",
                reason: format!(
                    "{}/{} is not a share between 0 and 1",
                    l.numerator, l.denominator
                ),
            });
        }
        if u64::from(l.numerator) * u64::from(nl.denominator)
            > u64::from(nl.numerator) * u64::from(l.denominator)
        {
            return Err(PolicyError::Invalid {
                field: "leave_limit",
                reason: format!(
                    "{}/{} allows more leave than the national {}/{} ({CADRE_TRAINING_ART_15})",
                    l.numerator, l.denominator, nl.numerator, nl.denominator
                ),
            });
        }
        if let Some(per_day) = self.hours_per_day {
            // A training day of more than 24 hours is not a day; of none, no conversion.
            PolicyError::within("hours_per_day", per_day.tenths(), 1, 240)?;
        }
        if self.member_counted_modes.is_empty() {
            return Err(PolicyError::Invalid {
                field: "member_counted_modes",
                reason: "no mode would count".into(),
            });
        }
        if let Some(extra) = self
            .member_counted_modes
            .iter()
            .find(|m| !national.member_counted_modes.contains(m))
        {
            return Err(PolicyError::Invalid {
                field: "member_counted_modes",
                reason: format!(
                    "{extra} does not count nationally ({MEMBER_EDUCATION_ART_20}: 集中学习培训): a province may count fewer modes, never more"
                ),
            });
        }
        Ok(())
    }
}

/// Which groups each tier takes first when planning coverage (兜底): local policy, by city.
///
/// # Provisional
/// The split of audiences between tiers is not set nationally (domain brief §5.4). Default:
/// the city takes secretaries, committee members, new members and development candidates; the
/// county takes every member it can seat; the grassroots committee takes the rest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(remote = "Self")]
pub struct TierPolicy {
    /// Groups the city-level key training seats.
    pub city_groups: Vec<MemberGroup>,
    /// Groups the county-level universal training seats.
    pub county_groups: Vec<MemberGroup>,
}

zugong_core::validated_policy_serde!(TierPolicy);

impl Default for TierPolicy {
    fn default() -> Self {
        use MemberGroup::*;
        Self {
            city_groups: vec![Secretary, CommitteeMember, NewMember, DevelopmentCandidate],
            county_groups: vec![
                Secretary,
                CommitteeMember,
                NewMember,
                DevelopmentCandidate,
                Member,
            ],
        }
    }
}

impl Policy for TierPolicy {
    fn citations(&self) -> Vec<(&'static str, Citation)> {
        vec![
            ("city_groups", MEMBER_EDUCATION_ART_20),
            ("county_groups", MEMBER_EDUCATION_ART_20),
        ]
    }

    fn validate(&self) -> Result<(), PolicyError> {
        Ok(())
    }
}
