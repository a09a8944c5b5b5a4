//! Star levels (星级).

use std::fmt;

use serde::{Deserialize, Serialize};
use thiserror::Error;

/// A number that is not a star level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
#[error("star levels run from 0 (no stars) to 5, found {0}")]
pub struct StarLevelError(pub u8);

/// 星级: a rating of 0 to 5 stars; 0 means no star level (无星级, e.g. after 取消星级).
///
/// Valid by construction and checked when deserialized. `Display` gives the Chinese form
/// (`五星`, `无星级`).
///
/// ```
/// use zugong_branch::StarLevel;
/// assert_eq!(StarLevel::FIVE.to_string(), "五星");
/// assert!(StarLevel::new(6).is_err());
/// assert_eq!(StarLevel::new(3)?.down(1), StarLevel::new(2)?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(try_from = "u8", into = "u8")]
pub struct StarLevel(u8);

impl StarLevel {
    /// No star level (无星级).
    pub const NONE: StarLevel = StarLevel(0);
    /// 五星.
    pub const FIVE: StarLevel = StarLevel(5);

    /// A star level.
    ///
    /// # Errors
    /// [`StarLevelError`] above 5.
    pub const fn new(stars: u8) -> Result<Self, StarLevelError> {
        if stars <= 5 {
            Ok(Self(stars))
        } else {
            Err(StarLevelError(stars))
        }
    }

    /// The number of stars.
    #[must_use]
    pub const fn get(self) -> u8 {
        self.0
    }

    /// `n` stars fewer, never below none (降星 / 摘星).
    #[must_use]
    pub const fn down(self, n: u8) -> Self {
        Self(self.0.saturating_sub(n))
    }

    /// One star more, never above five (升星).
    #[must_use]
    pub const fn up(self) -> Self {
        if self.0 >= 5 {
            Self(5)
        } else {
            Self(self.0 + 1)
        }
    }
}

impl TryFrom<u8> for StarLevel {
    type Error = StarLevelError;
    fn try_from(v: u8) -> Result<Self, Self::Error> {
        Self::new(v)
    }
}

impl From<StarLevel> for u8 {
    fn from(s: StarLevel) -> Self {
        s.0
    }
}

impl fmt::Display for StarLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self.0 {
            0 => "无星级",
            1 => "一星",
            2 => "二星",
            3 => "三星",
            4 => "四星",
            _ => "五星",
        })
    }
}

/// 分值: rubric points, exact in tenths (a score of 89.5 stays 89.5). Serde writes the number
/// of tenths (`900` is 90 points).
///
/// ```
/// use zugong_branch::Points;
/// assert_eq!(Points::whole(90).to_string(), "90分");
/// assert_eq!(Points::from_tenths(895).to_string(), "89.5分");
/// ```
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Points(u32);

impl Points {
    /// Zero.
    pub const ZERO: Points = Points(0);

    /// Whole points.
    #[must_use]
    pub const fn whole(p: u32) -> Self {
        Self(p.saturating_mul(10))
    }

    /// Tenths of a point.
    #[must_use]
    pub const fn from_tenths(t: u32) -> Self {
        Self(t)
    }

    /// In tenths.
    #[must_use]
    pub const fn tenths(self) -> u32 {
        self.0
    }

    /// Saturating sum.
    #[must_use]
    pub const fn plus(self, o: Points) -> Self {
        Self(self.0.saturating_add(o.0))
    }

    /// Difference floored at zero.
    #[must_use]
    pub const fn minus(self, o: Points) -> Self {
        Self(self.0.saturating_sub(o.0))
    }
}

impl fmt::Display for Points {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_multiple_of(10) {
            write!(f, "{}分", self.0 / 10)
        } else {
            write!(f, "{}.{}分", self.0 / 10, self.0 % 10)
        }
    }
}
