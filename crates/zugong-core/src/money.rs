//! Money, 金额: amounts in whole yuan.

use std::fmt;

use serde::{Deserialize, Serialize};

/// 金额: an amount of money in whole yuan (元), never negative. `Display` uses 万元 where
/// exact. Sums saturate rather than wrap.
///
/// ```
/// use zugong_core::Yuan;
/// assert_eq!(Yuan::wan(50).to_string(), "50万元");
/// assert_eq!(Yuan(12_345).to_string(), "12345元");
/// assert_eq!(Yuan(u64::MAX).saturating_add(Yuan(1)), Yuan(u64::MAX));
/// ```
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Yuan(pub u64);

impl Yuan {
    /// An amount in 万元 (10,000 yuan).
    #[must_use]
    pub const fn wan(n: u64) -> Self {
        Self(n.saturating_mul(10_000))
    }

    /// The sum, at most `u64::MAX` yuan.
    #[must_use]
    pub const fn saturating_add(self, other: Yuan) -> Self {
        Self(self.0.saturating_add(other.0))
    }
}

impl fmt::Display for Yuan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0 >= 10_000 && self.0.is_multiple_of(10_000) {
            write!(f, "{}万元", self.0 / 10_000)
        } else {
            write!(f, "{}元", self.0)
        }
    }
}
