//! 流动党员 and relations kept where the member no longer is: members away from their
//! organization (外出) — after six months, 流动党员 whose 流出地 organization keeps in contact
//! unless the relation is transferred (条例 第二十五条, 第三十二条) — and graduates whose
//! relations stay at their school, at most two years (第三十四条); and the 限期改正 period of a
//! member who must correct, at most a year (第三十条), whose end without change is a case of
//! 除名 (第三十一条).
//!
//! ```
//! use chrono::NaiveDate;
//! use zugong_core::{MemberId, OrgUnitId};
//! use zugong_member::{MobilityPolicy, Outflow, OutflowStanding};
//! let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
//! let member = MemberId::from_uuid(uuid::Uuid::from_u128(1));
//! let village = OrgUnitId::from_uuid(uuid::Uuid::from_u128(2));
//! let away = Outflow::new(member, village, d(2026, 5, 1), "广东省东莞市");
//! let policy = MobilityPolicy::default();
//! assert_eq!(away.standing(d(2026, 10, 31), &policy), OutflowStanding::Away);
//! assert_eq!(away.standing(d(2026, 11, 1), &policy), OutflowStanding::Mobile);
//! ```

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use thiserror::Error;
use zugong_core::dates::{add_months, add_years};
use zugong_core::journal::{Language, Refusal};
use zugong_core::policy::{Policy, PolicyError};
use zugong_core::{Citation, MemberId, OrgUnitId, SourceStatus};

const RULES: &str = "《中国共产党党员教育管理工作条例》(2019)";
/// 外出 ≥ 6 months: transfer the relation (Art 25), or the 流出地 keeps contact (Art 32).
pub(crate) const ART_32: Citation =
    Citation::new(RULES, "第二十五条、第三十二条", SourceStatus::Confirmed);
/// Graduates' relations at the school, generally at most two years (Art 34).
pub(crate) const ART_34: Citation = Citation::new(RULES, "第三十四条", SourceStatus::Confirmed);
/// 限期改正, at most a year (Art 30); its end without change is a case of 除名 (Art 31).
pub(crate) const ART_30: Citation =
    Citation::new(RULES, "第三十条、第三十一条", SourceStatus::Confirmed);

/// The numbers of mobile members, kept relations and 限期改正. A province may act sooner or
/// give less time, never more.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(remote = "Self")]
#[non_exhaustive]
pub struct MobilityPolicy {
    /// Months away after which a member is a 流动党员 (or transfers the relation): 6.
    pub mobile_after_months: u32,
    /// Years a graduate's relation may stay at the school: 2.
    pub graduate_hold_years: u32,
    /// Longest 限期改正 period, in months: 12.
    pub correction_max_months: u32,
}

zugong_core::validated_policy_serde!(MobilityPolicy);

impl Default for MobilityPolicy {
    fn default() -> Self {
        Self {
            mobile_after_months: 6,
            graduate_hold_years: 2,
            correction_max_months: 12,
        }
    }
}

impl Policy for MobilityPolicy {
    fn citations(&self) -> Vec<(&'static str, Citation)> {
        vec![
            ("mobile_after_months", ART_32),
            ("graduate_hold_years", ART_34),
            ("correction_max_months", ART_30),
        ]
    }

    fn validate(&self) -> Result<(), PolicyError> {
        let national = Self::default();
        for (field, value, max) in [
            (
                "mobile_after_months",
                self.mobile_after_months,
                national.mobile_after_months,
            ),
            (
                "graduate_hold_years",
                self.graduate_hold_years,
                national.graduate_hold_years,
            ),
            (
                "correction_max_months",
                self.correction_max_months,
                national.correction_max_months,
            ),
        ] {
            PolicyError::check_range(field, value, 1, max)?;
        }
        Ok(())
    }
}

/// 外出: a member away from the organization that holds their relation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Outflow {
    /// The member.
    pub member: MemberId,
    /// The organization that holds the relation (流出地党组织).
    pub organization: OrgUnitId,
    /// The day they left.
    pub left_on: NaiveDate,
    /// Where they went (流入地), as recorded.
    pub destination: String,
    /// The day they came back, if they did.
    pub returned_on: Option<NaiveDate>,
}

impl Outflow {
    /// A member away since `left_on`.
    #[must_use]
    pub fn new(
        member: MemberId,
        organization: OrgUnitId,
        left_on: NaiveDate,
        destination: impl Into<String>,
    ) -> Self {
        Self {
            member,
            organization,
            left_on,
            destination: destination.into(),
            returned_on: None,
        }
    }

    /// The same, back on `on`.
    ///
    /// # Errors
    /// [`MobilityError::ReturnedBeforeLeaving`].
    pub fn returned(mut self, on: NaiveDate) -> Result<Self, MobilityError> {
        if on < self.left_on {
            return Err(MobilityError::ReturnedBeforeLeaving {
                left_on: self.left_on,
                returned_on: on,
            });
        }
        self.returned_on = Some(on);
        Ok(self)
    }

    /// Where the member stands on `day`.
    #[must_use]
    pub fn standing(&self, day: NaiveDate, policy: &MobilityPolicy) -> OutflowStanding {
        if self.returned_on.is_some_and(|r| r <= day) {
            return OutflowStanding::Returned;
        }
        match add_months(self.left_on, policy.mobile_after_months) {
            Some(mobile) if day >= mobile => OutflowStanding::Mobile,
            _ => OutflowStanding::Away,
        }
    }
}

/// Where a member who left stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OutflowStanding {
    /// 短期外出: away less than the months.
    Away,
    /// 流动党员: away the months or more without the relation transferred; the 流出地
    /// organization keeps in contact.
    Mobile,
    /// 已返回.
    Returned,
}

zugong_core::official_terms!(OutflowStanding, "外出党员状态 (outflow standing)", {
    Away => "短期外出",
    Mobile => "流动党员",
    Returned => "已返回",
});

impl OutflowStanding {
    /// The rule.
    #[must_use]
    pub const fn citation(self) -> Citation {
        ART_32
    }
}

/// A graduate's relation kept at the school (毕业生党员组织关系暂留学校).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct GraduateHold {
    /// The member.
    pub member: MemberId,
    /// The school's organization that holds the relation.
    pub school: OrgUnitId,
    /// The day they graduated.
    pub graduated_on: NaiveDate,
}

impl GraduateHold {
    /// A relation held since `graduated_on`.
    #[must_use]
    pub const fn new(member: MemberId, school: OrgUnitId, graduated_on: NaiveDate) -> Self {
        Self {
            member,
            school,
            graduated_on,
        }
    }

    /// The last day the relation may stay.
    #[must_use]
    pub fn until(&self, policy: &MobilityPolicy) -> Option<NaiveDate> {
        add_years(self.graduated_on, policy.graduate_hold_years)
    }

    /// Whether the relation stays past its time on `day`.
    #[must_use]
    pub fn overdue(&self, day: NaiveDate, policy: &MobilityPolicy) -> bool {
        self.until(policy).is_some_and(|u| day > u)
    }
}

/// 限期改正: the period a member is given to correct.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CorrectionPeriod {
    /// The member.
    pub member: MemberId,
    /// The day it was decided.
    pub from: NaiveDate,
    /// The day it ends.
    pub until: NaiveDate,
}

impl CorrectionPeriod {
    /// A period from `from` to `until`.
    ///
    /// # Errors
    /// [`MobilityError::CorrectionTooLong`] above the policy's months;
    /// [`MobilityError::CorrectionBackwards`] when it ends before it starts.
    pub fn new(
        member: MemberId,
        from: NaiveDate,
        until: NaiveDate,
        policy: &MobilityPolicy,
    ) -> Result<Self, MobilityError> {
        if until < from {
            return Err(MobilityError::CorrectionBackwards { from, until });
        }
        let latest = add_months(from, policy.correction_max_months).unwrap_or(NaiveDate::MAX);
        if until > latest {
            return Err(MobilityError::CorrectionTooLong {
                until,
                latest,
                max_months: policy.correction_max_months,
            });
        }
        Ok(Self {
            member,
            from,
            until,
        })
    }

    /// Whether the period is over on `day`: without change, a case of 除名 (Art 31) for the
    /// branch to decide.
    #[must_use]
    pub fn ended(&self, day: NaiveDate) -> bool {
        day > self.until
    }
}

/// A mobility or correction record the rules refuse.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum MobilityError {
    /// Back before leaving.
    #[error("returned on {returned_on}, before leaving on {left_on}")]
    ReturnedBeforeLeaving {
        /// Left.
        left_on: NaiveDate,
        /// Returned.
        returned_on: NaiveDate,
    },
    /// A 限期改正 longer than allowed.
    #[error("限期改正 until {until}: at most {max_months} months, until {latest}")]
    CorrectionTooLong {
        /// The end asked.
        until: NaiveDate,
        /// The latest allowed.
        latest: NaiveDate,
        /// The months allowed.
        max_months: u32,
    },
    /// A 限期改正 that ends before it starts.
    #[error("限期改正 from {from} until {until} ends before it starts")]
    CorrectionBackwards {
        /// Start.
        from: NaiveDate,
        /// End.
        until: NaiveDate,
    },
}

impl Refusal for MobilityError {
    fn citation(&self) -> Citation {
        match self {
            Self::ReturnedBeforeLeaving { .. } => ART_32,
            Self::CorrectionTooLong { .. } | Self::CorrectionBackwards { .. } => ART_30,
        }
    }

    fn message(&self, language: Language) -> String {
        match (language, self) {
            (Language::English, _) => format!("{self} ({})", self.citation()),
            (
                Language::Chinese,
                Self::ReturnedBeforeLeaving {
                    left_on,
                    returned_on,
                },
            ) => format!(
                "返回日期 {returned_on} 早于外出日期 {left_on}（{}）",
                self.citation()
            ),
            (
                Language::Chinese,
                Self::CorrectionTooLong {
                    until,
                    latest,
                    max_months,
                },
            ) => format!(
                "限期改正至 {until}：期限一般不超过 {max_months} 个月，最迟 {latest}（{}）",
                self.citation()
            ),
            (Language::Chinese, Self::CorrectionBackwards { from, until }) => format!(
                "限期改正 {from} 至 {until}：结束早于开始（{}）",
                self.citation()
            ),
        }
    }
}
