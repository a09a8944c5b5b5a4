//! The membership numbers: the age to join and the probation (预备期).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::citation::sources::{PARTY_CONSTITUTION_ART_1, PARTY_CONSTITUTION_ART_7};
use crate::dates::add_years;
use crate::{Citation, Policy, PolicyError};

/// 党员条件与预备期: the age from which a person may join (年满十八岁, 《中国共产党章程》 第一条)
/// and the length of the probation before full membership (预备期一年, 第七条).
///
/// ```
/// use chrono::NaiveDate;
/// use zugong_core::MembershipPolicy;
/// let p = MembershipPolicy::default();
/// let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
/// assert!(p.old_enough(d(2000, 3, 1), d(2018, 3, 1)));
/// assert!(!p.old_enough(d(2000, 3, 1), d(2018, 2, 28)));
/// assert_eq!(p.probation_ends(d(2025, 7, 1)), Some(d(2026, 7, 1)));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(remote = "Self")]
pub struct MembershipPolicy {
    /// Completed years of age to join: 18.
    pub min_age_years: u32,
    /// Years of probation: 1.
    pub probation_years: u32,
}

crate::validated_policy_serde!(MembershipPolicy);

impl Default for MembershipPolicy {
    fn default() -> Self {
        Self {
            min_age_years: 18,
            probation_years: 1,
        }
    }
}

impl MembershipPolicy {
    /// Whether someone born on `born` may join on `joined_on`.
    #[must_use]
    pub fn old_enough(&self, born: NaiveDate, joined_on: NaiveDate) -> bool {
        add_years(born, self.min_age_years).is_some_and(|adult| joined_on >= adult)
    }

    /// The first day full membership may begin for someone who joined on `joined_on`.
    #[must_use]
    pub fn probation_ends(&self, joined_on: NaiveDate) -> Option<NaiveDate> {
        add_years(joined_on, self.probation_years)
    }
}

impl Policy for MembershipPolicy {
    fn citations(&self) -> Vec<(&'static str, Citation)> {
        vec![
            ("min_age_years", PARTY_CONSTITUTION_ART_1),
            ("probation_years", PARTY_CONSTITUTION_ART_7),
        ]
    }

    fn validate(&self) -> Result<(), PolicyError> {
        let national = Self::default();
        PolicyError::at_least(
            "min_age_years",
            self.min_age_years,
            national.min_age_years,
            PARTY_CONSTITUTION_ART_1,
        )?;
        PolicyError::within("min_age_years", self.min_age_years, 18, 30)?;
        // 党章 第七条: 预备期为一年 — neither shorter nor longer (an extension is a separate
        // decision, at most one more year).
        PolicyError::within(
            "probation_years",
            self.probation_years,
            national.probation_years,
            national.probation_years,
        )?;
        Ok(())
    }
}
