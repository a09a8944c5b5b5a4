//! Training requirements (培训要求), checked per person as of a date.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use zugong_core::dates::add_months;
use zugong_core::{Citation, CivilServiceGrade, LeadershipRank};

use crate::policy::{CADRE_TRAINING_ART_14, MEMBER_EDUCATION_ART_20, MEMBER_TRAINING_PLAN};
use crate::{HoursLedger, StudyHours, TrainingKind, TrainingPolicy};

/// A cadre's standing, as the training rules group cadres.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CadreStanding {
    /// Leadership rank held, if any.
    pub rank: Option<LeadershipRank>,
    /// 职级 held, if any.
    pub grade: Option<CivilServiceGrade>,
    /// When the cadre was last promoted to a leadership post (for the one-year catch-up).
    pub promoted_on: Option<NaiveDate>,
}

impl CadreStanding {
    /// Whether the five-year rule applies: 县处级以上 leaders, or 四级调研员 and above
    /// (《干部教育培训工作条例》(2023) 第十四条).
    #[must_use]
    pub fn is_senior(&self) -> bool {
        self.rank
            .is_some_and(|r| r >= LeadershipRank::CountyDivisionDeputy)
            || self
                .grade
                .is_some_and(|g| g >= CivilServiceGrade::FourthClassResearcher)
    }
}

/// Who a person is, for the training rules.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrainingProfile {
    /// A Party member (full or probationary).
    pub member: bool,
    /// Secretary of a grassroots organization since this date.
    pub secretary_since: Option<NaiveDate>,
    /// A member of a grassroots committee or branch committee.
    pub committee_member: bool,
    /// A cadre, and how the rules group them.
    pub cadre: Option<CadreStanding>,
}

/// The requirements zugong checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Requirement {
    /// 党员每年集中学习培训不少于32学时.
    MemberYearlyHours,
    /// 书记和班子成员每年不少于56学时.
    SecretaryYearlyHours,
    /// ... including at least one 集中培训.
    SecretaryConcentratedSession,
    /// A new secretary's 任职培训 within half a year.
    NewSecretaryTraining,
    /// 县处级以上: 5年累计3个月或550学时.
    SeniorCadreWindow,
    /// 乡科级及以下: 每年12天或90学时.
    JuniorCadreYearly,
}

zugong_core::official_terms!(Requirement, "培训要求 (training requirement)", {
    MemberYearlyHours => "党员年度学时",
    SecretaryYearlyHours => "书记和班子成员年度学时",
    SecretaryConcentratedSession => "书记和班子成员集中培训",
    NewSecretaryTraining => "新任书记任职培训",
    SeniorCadreWindow => "县处级以上干部五年培训",
    JuniorCadreYearly => "乡科级干部年度培训",
});

/// Whether a requirement is met, and by when it must be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RequirementStatus {
    /// Met.
    Met,
    /// Not met yet; the period runs until `by`.
    Due {
        /// The last day to meet it.
        by: NaiveDate,
    },
    /// Not met, and the period has ended.
    Overdue {
        /// The day it should have been met by.
        since: NaiveDate,
    },
}

/// An amount of training: 学时, days and sessions.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrainingAmount {
    /// 学时.
    pub hours: StudyHours,
    /// Training days.
    pub days: u32,
    /// 集中 sessions.
    pub sessions: u32,
}

/// One requirement checked: the period, what it needs, what was done, what is missing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequirementCheck {
    /// Which requirement.
    pub requirement: Requirement,
    /// The period counted (both days included).
    pub period: (NaiveDate, NaiveDate),
    /// What it needs. Where either days or 学时 suffice, both are given.
    pub required: TrainingAmount,
    /// What was credited in the period (counting modes that qualify).
    pub achieved: TrainingAmount,
    /// What is missing: for "days or 学时" rules, the shortfall on each measure (either closes
    /// the gap); zero when met.
    pub missing: TrainingAmount,
    /// Met, due or overdue.
    pub status: RequirementStatus,
    /// The rule.
    pub citation: Citation,
}

impl RequirementCheck {
    /// Whether the requirement is met.
    #[must_use]
    pub fn is_met(&self) -> bool {
        self.status == RequirementStatus::Met
    }
}

fn year_bounds(as_of: NaiveDate) -> (NaiveDate, NaiveDate) {
    let y = as_of.year();
    (
        NaiveDate::from_ymd_opt(y, 1, 1).unwrap_or(as_of),
        NaiveDate::from_ymd_opt(y, 12, 31).unwrap_or(as_of),
    )
}

fn status(met: bool, as_of: NaiveDate, deadline: NaiveDate) -> RequirementStatus {
    if met {
        RequirementStatus::Met
    } else if as_of <= deadline {
        RequirementStatus::Due { by: deadline }
    } else {
        RequirementStatus::Overdue { since: deadline }
    }
}

/// Checks every requirement that applies to `profile` on `as_of`, counting the ledger's
/// credits earned up to that day.
///
/// - Members: ≥ 32学时 of 集中 training in the calendar year (《党员教育管理工作条例》 第二十条).
/// - Secretaries and committee members: ≥ 56学时 with ≥ 1 集中培训 in the year, instead of the
///   members' 32; a new secretary's 任职培训 within six months (规划 2019–2023, secondary).
/// - 县处级以上 cadres and 四级调研员以上: 3 months (as days) or 550学时 of 集中/脱产 training in the
///   five years up to `as_of`; others: 12 days or 90学时 in the year (《干部教育培训工作条例》
///   第十四条). A cadre promoted without meeting it has until a year after the promotion.
///
/// ```
/// use chrono::NaiveDate;
/// use zugong_training::*;
/// let d = |m, dd| NaiveDate::from_ymd_opt(2026, m, dd).unwrap();
/// let ledger = HoursLedger::default(); // nothing credited yet
/// let profile = TrainingProfile { member: true, ..Default::default() };
/// let checks = check_requirements(&profile, &ledger, d(6, 30), &TrainingPolicy::default());
/// assert_eq!(checks[0].requirement, Requirement::MemberYearlyHours);
/// assert_eq!(checks[0].missing.hours, StudyHours::whole(32));
/// assert_eq!(checks[0].status, RequirementStatus::Due { by: d(12, 31) });
/// ```
#[must_use]
pub fn check_requirements(
    profile: &TrainingProfile,
    ledger: &HoursLedger,
    as_of: NaiveDate,
    policy: &TrainingPolicy,
) -> Vec<RequirementCheck> {
    let mut out = Vec::new();
    let (year_start, year_end) = year_bounds(as_of);
    let leader = profile.secretary_since.is_some_and(|s| s <= as_of) || profile.committee_member;

    if profile.member && !leader {
        let hours = ledger.hours_in(year_start, as_of, &policy.member_counted_modes);
        let met = hours >= policy.member_yearly_hours;
        out.push(RequirementCheck {
            requirement: Requirement::MemberYearlyHours,
            period: (year_start, year_end),
            required: TrainingAmount {
                hours: policy.member_yearly_hours,
                ..Default::default()
            },
            achieved: TrainingAmount {
                hours,
                ..Default::default()
            },
            missing: TrainingAmount {
                hours: policy.member_yearly_hours.saturating_sub(hours),
                ..Default::default()
            },
            status: status(met, as_of, year_end),
            citation: MEMBER_EDUCATION_ART_20,
        });
    }

    if leader {
        let s = ledger.summary(year_start, as_of);
        let met = s.hours >= policy.secretary_yearly_hours;
        out.push(RequirementCheck {
            requirement: Requirement::SecretaryYearlyHours,
            period: (year_start, year_end),
            required: TrainingAmount {
                hours: policy.secretary_yearly_hours,
                ..Default::default()
            },
            achieved: TrainingAmount {
                hours: s.hours,
                ..Default::default()
            },
            missing: TrainingAmount {
                hours: policy.secretary_yearly_hours.saturating_sub(s.hours),
                ..Default::default()
            },
            status: status(met, as_of, year_end),
            citation: MEMBER_TRAINING_PLAN,
        });
        let need = policy.secretary_min_concentrated_sessions;
        out.push(RequirementCheck {
            requirement: Requirement::SecretaryConcentratedSession,
            period: (year_start, year_end),
            required: TrainingAmount {
                sessions: need,
                ..Default::default()
            },
            achieved: TrainingAmount {
                sessions: s.concentrated_sessions,
                ..Default::default()
            },
            missing: TrainingAmount {
                sessions: need.saturating_sub(s.concentrated_sessions),
                ..Default::default()
            },
            status: status(s.concentrated_sessions >= need, as_of, year_end),
            citation: MEMBER_TRAINING_PLAN,
        });
    }

    // A new secretary's 任职培训: checked through its window and the rest of the year its window
    // closes in (the year's report shows the lapse); a secretary of years ago is no longer new.
    let new_secretary = profile
        .secretary_since
        .filter(|s| *s <= as_of)
        .filter(|since| {
            add_months(*since, policy.new_secretary_training_months)
                .is_some_and(|deadline| deadline.year() >= as_of.year())
        });
    if let Some(since) = new_secretary {
        let deadline = add_months(since, policy.new_secretary_training_months).unwrap_or(since);
        let sessions = ledger
            .credits()
            .filter(|c| {
                c.kind == TrainingKind::Appointment && c.on >= since && c.on <= deadline.min(as_of)
            })
            .count();
        let sessions = u32::try_from(sessions).unwrap_or(u32::MAX);
        out.push(RequirementCheck {
            requirement: Requirement::NewSecretaryTraining,
            period: (since, deadline),
            required: TrainingAmount {
                sessions: 1,
                ..Default::default()
            },
            achieved: TrainingAmount {
                sessions,
                ..Default::default()
            },
            missing: TrainingAmount {
                sessions: 1u32.saturating_sub(sessions),
                ..Default::default()
            },
            status: status(sessions >= 1, as_of, deadline),
            citation: MEMBER_TRAINING_PLAN,
        });
    }

    if let Some(cadre) = &profile.cadre {
        let catch_up = cadre
            .promoted_on
            .and_then(|p| add_months(p, policy.promotion_catch_up_months))
            .filter(|deadline| as_of <= *deadline);
        let (requirement, period, required_days, required_hours, deadline) = if cadre.is_senior() {
            // The window is the plan cycle that holds the day: due until its last day. 3个月
            // are calendar months from the first day of the first concentrated class in it.
            let (start, end) = policy.cycle_of(as_of);
            let first_class = ledger
                .credits()
                .filter(|c| c.mode.is_concentrated() && c.on >= start && c.on <= as_of)
                .map(|c| {
                    c.on.checked_sub_days(chrono::Days::new(u64::from(c.days.saturating_sub(1))))
                        .unwrap_or(c.on)
                        .max(start)
                })
                .min()
                .unwrap_or(start);
            (
                Requirement::SeniorCadreWindow,
                (start, end),
                policy.senior_cadre_days_from(first_class),
                policy.senior_cadre_hours,
                end,
            )
        } else {
            (
                Requirement::JuniorCadreYearly,
                (year_start, year_end),
                policy.junior_cadre_yearly_days,
                policy.junior_cadre_yearly_hours,
                year_end,
            )
        };
        let s = ledger.summary(period.0, as_of);
        let met = s.concentrated_days >= required_days || s.concentrated_hours >= required_hours;
        let deadline = catch_up.map_or(deadline, |c| c.max(deadline));
        let st = status(met, as_of, deadline);
        out.push(RequirementCheck {
            requirement,
            period,
            required: TrainingAmount {
                hours: required_hours,
                days: required_days,
                sessions: 0,
            },
            achieved: TrainingAmount {
                hours: s.concentrated_hours,
                days: s.concentrated_days,
                sessions: s.concentrated_sessions,
            },
            missing: if met {
                TrainingAmount::default()
            } else {
                TrainingAmount {
                    hours: required_hours.saturating_sub(s.concentrated_hours),
                    days: required_days.saturating_sub(s.concentrated_days),
                    sessions: 0,
                }
            },
            status: st,
            citation: CADRE_TRAINING_ART_14,
        });
    }
    out
}
