//! 学时: credit hours, kept exactly in tenths.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use thiserror::Error;

/// Text that is not a number of 学时 with at most one decimal.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{input:?} is not a number of 学时 (at most one decimal, e.g. 3.5)")]
pub struct StudyHoursError {
    /// The text given.
    pub input: String,
}

/// 学时: credit hours of training. Never negative (by type) and exact: stored as tenths of a
/// 学时, so 0.5 + 0.5 is exactly 1 and thresholds such as "不少于32学时" compare exactly.
///
/// How long one 学时 lasts is set locally (domain brief §5.1, provisional); zugong only counts
/// them. Serde writes the number of tenths.
///
/// ```
/// use zugong_training::StudyHours;
/// let h: StudyHours = "31.5".parse()?;
/// assert_eq!((h + StudyHours::from_tenths(5)).to_string(), "32学时");
/// assert!(StudyHours::whole(32) >= StudyHours::whole(32));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct StudyHours(u32);

impl StudyHours {
    /// Zero hours.
    pub const ZERO: StudyHours = StudyHours(0);

    /// Whole 学时.
    #[must_use]
    pub const fn whole(hours: u32) -> Self {
        Self(hours.saturating_mul(10))
    }

    /// Tenths of a 学时.
    #[must_use]
    pub const fn from_tenths(tenths: u32) -> Self {
        Self(tenths)
    }

    /// The amount in tenths of a 学时.
    #[must_use]
    pub const fn tenths(self) -> u32 {
        self.0
    }

    /// Sum, or `None` on overflow.
    #[must_use]
    pub const fn checked_add(self, other: Self) -> Option<Self> {
        match self.0.checked_add(other.0) {
            Some(v) => Some(Self(v)),
            None => None,
        }
    }

    /// Difference, or `None` when `other` is larger (hours are never negative).
    #[must_use]
    pub const fn checked_sub(self, other: Self) -> Option<Self> {
        match self.0.checked_sub(other.0) {
            Some(v) => Some(Self(v)),
            None => None,
        }
    }

    /// Difference, floored at zero: what is still missing to reach `self` from `other`.
    #[must_use]
    pub const fn saturating_sub(self, other: Self) -> Self {
        Self(self.0.saturating_sub(other.0))
    }
}

impl std::ops::Add for StudyHours {
    type Output = StudyHours;
    /// Saturating sum (a total of four hundred million 学时 is not a real case).
    fn add(self, other: Self) -> Self {
        Self(self.0.saturating_add(other.0))
    }
}

impl std::ops::AddAssign for StudyHours {
    fn add_assign(&mut self, other: Self) {
        *self = *self + other;
    }
}

impl std::iter::Sum for StudyHours {
    fn sum<I: Iterator<Item = StudyHours>>(iter: I) -> Self {
        iter.fold(Self::ZERO, |a, b| a + b)
    }
}

impl fmt::Display for StudyHours {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_multiple_of(10) {
            write!(f, "{}学时", self.0 / 10)
        } else {
            write!(f, "{}.{}学时", self.0 / 10, self.0 % 10)
        }
    }
}

impl FromStr for StudyHours {
    type Err = StudyHoursError;
    /// Parses `32`, `3.5` or `32学时`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || StudyHoursError {
            input: s.to_owned(),
        };
        let t = s.trim().trim_end_matches("学时").trim();
        let (int, frac) = match t.split_once('.') {
            Some((i, f)) => (i, f),
            None => (t, "0"),
        };
        if int.is_empty()
            || frac.len() != 1
            || !int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit())
        {
            return Err(err());
        }
        let whole: u32 = int.parse().map_err(|_| err())?;
        let tenth: u32 = frac.parse().map_err(|_| err())?;
        whole
            .checked_mul(10)
            .and_then(|w| w.checked_add(tenth))
            .map(Self)
            .ok_or_else(err)
    }
}
