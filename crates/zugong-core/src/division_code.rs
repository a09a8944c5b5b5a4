//! Administrative division codes (行政区划代码, GB/T 2260).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use thiserror::Error;

/// Province-level prefixes (the first two digits) in use under GB/T 2260, with 71 (台湾),
/// 81 (香港) and 82 (澳门).
///
/// # Provisional
/// The list is the common implementation check named in the domain brief (§1.1), not a rule
/// of GB 11643 itself.
pub const PROVINCE_PREFIXES: [u8; 34] = [
    11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52,
    53, 54, 61, 62, 63, 64, 65, 71, 81, 82,
];

/// A 6-digit code that is not a well-formed administrative division code.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DivisionCodeError {
    /// Not exactly six ASCII digits.
    #[error("a division code has 6 digits, found {input:?}")]
    Malformed {
        /// The text given.
        input: String,
    },
    /// The first two digits name no province-level region (GB/T 2260).
    #[error("{prefix:02} is not a province-level division prefix (GB/T 2260)")]
    UnknownProvince {
        /// The first two digits.
        prefix: u8,
    },
}

/// What level a division code names, read from its trailing zeros.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DivisionLevel {
    /// `xx0000`: a province, autonomous region or municipality (省级).
    Province,
    /// `xxxx00`: a prefecture-level division (地级).
    Prefecture,
    /// Any other: a county-level division (县级).
    County,
}

/// 行政区划代码: a 6-digit administrative division code under GB/T 2260, e.g. `640104`
/// (银川市兴庆区). Also the 地址码 that opens a citizen ID number.
///
/// Validated on every path in (`new`, `FromStr`, `Deserialize`): six digits with a known
/// province prefix. Whether the code is currently assigned is not checked: codes change over
/// time and old codes stay in ID numbers for life.
///
/// ```
/// use zugong_core::{DivisionCode, DivisionLevel};
///
/// let code: DivisionCode = "640104".parse()?;
/// assert_eq!(code.level(), DivisionLevel::County);
/// assert_eq!(code.province().to_string(), "640000");
/// assert!("990104".parse::<DivisionCode>().is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct DivisionCode(u32);

impl DivisionCode {
    /// Parses and validates a code.
    ///
    /// # Errors
    /// [`DivisionCodeError::Malformed`] unless the text is six ASCII digits;
    /// [`DivisionCodeError::UnknownProvince`] when the prefix is not a province-level code.
    pub fn new(text: &str) -> Result<Self, DivisionCodeError> {
        if text.len() != 6 || !text.bytes().all(|b| b.is_ascii_digit()) {
            return Err(DivisionCodeError::Malformed {
                input: text.to_owned(),
            });
        }
        let value = text
            .bytes()
            .fold(0u32, |acc, b| acc * 10 + u32::from(b - b'0'));
        Self::from_number(value)
    }

    /// Validates a code given as a number (`640104`).
    ///
    /// # Errors
    /// As [`DivisionCode::new`].
    pub fn from_number(value: u32) -> Result<Self, DivisionCodeError> {
        if value >= 1_000_000 {
            return Err(DivisionCodeError::Malformed {
                input: value.to_string(),
            });
        }
        let prefix = u8::try_from(value / 10_000).unwrap_or(0);
        if !PROVINCE_PREFIXES.contains(&prefix) {
            return Err(DivisionCodeError::UnknownProvince { prefix });
        }
        Ok(Self(value))
    }

    /// The code as a number.
    #[must_use]
    pub const fn value(self) -> u32 {
        self.0
    }

    /// The level the code names.
    #[must_use]
    pub const fn level(self) -> DivisionLevel {
        if self.0.is_multiple_of(10_000) {
            DivisionLevel::Province
        } else if self.0.is_multiple_of(100) {
            DivisionLevel::Prefecture
        } else {
            DivisionLevel::County
        }
    }

    /// The province-level code this code belongs to (`640104` → `640000`).
    #[must_use]
    pub const fn province(self) -> DivisionCode {
        DivisionCode(self.0 / 10_000 * 10_000)
    }

    /// The prefecture-level code this code belongs to (`640104` → `640100`).
    #[must_use]
    pub const fn prefecture(self) -> DivisionCode {
        DivisionCode(self.0 / 100 * 100)
    }

    /// Whether `self` lies inside `other` (a county inside its prefecture or province).
    #[must_use]
    pub const fn is_within(self, other: DivisionCode) -> bool {
        match other.level() {
            DivisionLevel::Province => self.0 / 10_000 == other.0 / 10_000,
            DivisionLevel::Prefecture => self.0 / 100 == other.0 / 100,
            DivisionLevel::County => self.0 == other.0,
        }
    }
}

impl fmt::Display for DivisionCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:06}", self.0)
    }
}

impl FromStr for DivisionCode {
    type Err = DivisionCodeError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::new(s)
    }
}

impl TryFrom<String> for DivisionCode {
    type Error = DivisionCodeError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Self::new(&s)
    }
}

impl From<DivisionCode> for String {
    fn from(code: DivisionCode) -> Self {
        code.to_string()
    }
}

impl DivisionCode {
    /// A valid code (北京市, 110000) used only as an unreachable fallback.
    pub(crate) const PLACEHOLDER: DivisionCode = DivisionCode(110_000);
}
