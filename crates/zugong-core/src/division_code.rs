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
    /// A 9-digit township code whose first six digits are not a county-level code, or whose
    /// last three are `000` (GB/T 10114: the last three digits number the 乡、镇、街道 of the
    /// county, from `001`).
    #[error("a township code is a county-level code and 001–999, found {input:?}")]
    NotATownship {
        /// The text given.
        input: String,
    },
    /// Neither six nor nine digits (a 行政区划代码 or a 乡级区划代码).
    #[error("an area code has 6 or 9 digits, found {input:?}")]
    NotAnArea {
        /// The text given.
        input: String,
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

/// 乡级区划代码: a 9-digit township code under GB/T 10114-2003 (县级以下行政区划代码编制规则),
/// the county's 6-digit [`DivisionCode`] followed by three digits (`001`–`999`) numbering its
/// 乡、镇 and 街道, e.g. `640121100` (a 镇 of 永宁县).
///
/// Validated on every path in: the first six digits are a county-level code with a known
/// province prefix, and the last three are not `000`. Which ranges mean 街道, 镇 or 乡 is not
/// checked: the standard leaves the assignment to the county.
///
/// ```
/// use zugong_core::{DivisionCode, TownshipCode};
///
/// let town: TownshipCode = "640121100".parse()?;
/// assert_eq!(town.county(), "640121".parse::<DivisionCode>()?);
/// assert_eq!(town.to_string(), "640121100");
/// assert!("640100100".parse::<TownshipCode>().is_err()); // 640100 is a prefecture
/// assert!("640121000".parse::<TownshipCode>().is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct TownshipCode {
    county: DivisionCode,
    number: u16,
}

impl TownshipCode {
    /// The township `number` (1–999) of `county`.
    ///
    /// # Errors
    /// [`DivisionCodeError::NotATownship`] when `county` is not a county-level code or
    /// `number` is 0 or above 999.
    pub fn of(county: DivisionCode, number: u16) -> Result<Self, DivisionCodeError> {
        if county.level() != DivisionLevel::County || number == 0 || number > 999 {
            return Err(DivisionCodeError::NotATownship {
                input: format!("{county}{number:03}"),
            });
        }
        Ok(Self { county, number })
    }

    /// Parses and validates a 9-digit code.
    ///
    /// # Errors
    /// [`DivisionCodeError::NotATownship`] unless the text is nine ASCII digits whose first
    /// six are a county-level code and whose last three are not `000`;
    /// [`DivisionCodeError::UnknownProvince`] for an unknown province prefix.
    pub fn new(text: &str) -> Result<Self, DivisionCodeError> {
        let refused = || DivisionCodeError::NotATownship {
            input: text.to_owned(),
        };
        if text.len() != 9 || !text.bytes().all(|b| b.is_ascii_digit()) {
            return Err(refused());
        }
        let (county, number) = text.split_at(6);
        let county = DivisionCode::new(county)?;
        let number = number
            .bytes()
            .fold(0u16, |acc, b| acc * 10 + u16::from(b - b'0'));
        Self::of(county, number).map_err(|_| refused())
    }

    /// The county the township belongs to.
    #[must_use]
    pub const fn county(self) -> DivisionCode {
        self.county
    }

    /// The township's number within its county (1–999).
    #[must_use]
    pub const fn number(self) -> u16 {
        self.number
    }
}

impl fmt::Display for TownshipCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{:03}", self.county, self.number)
    }
}

impl FromStr for TownshipCode {
    type Err = DivisionCodeError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::new(s)
    }
}

impl TryFrom<String> for TownshipCode {
    type Error = DivisionCodeError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Self::new(&s)
    }
}

impl From<TownshipCode> for String {
    fn from(code: TownshipCode) -> Self {
        code.to_string()
    }
}

/// An area as precisely as it is known: a province, prefecture or county by its 6-digit
/// [`DivisionCode`], or a township by its 9-digit [`TownshipCode`]. A cadre's 成长地 is one
/// (the 地域回避 of 《公务员法》 第七十五条 reaches the township level).
///
/// Written and parsed as the code itself, so a 6-digit column can gain 9-digit values.
///
/// ```
/// use zugong_core::Locality;
///
/// let county: Locality = "640121".parse()?;
/// let town: Locality = "640121100".parse()?;
/// assert!(town.is_within(county));
/// assert!(!county.is_within(town));
/// assert_eq!(town.county(), county.county());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub enum Locality {
    /// A province, prefecture or county (GB/T 2260).
    Division(DivisionCode),
    /// A 乡、镇 or 街道 (GB/T 10114).
    Township(TownshipCode),
}

impl Locality {
    /// Parses a 6-digit or 9-digit code.
    ///
    /// # Errors
    /// [`DivisionCodeError::NotAnArea`] for any other length, else the error of the code's
    /// own type.
    pub fn new(text: &str) -> Result<Self, DivisionCodeError> {
        match text.len() {
            6 => DivisionCode::new(text).map(Self::Division),
            9 => TownshipCode::new(text).map(Self::Township),
            _ => Err(DivisionCodeError::NotAnArea {
                input: text.to_owned(),
            }),
        }
    }

    /// The 6-digit code of the area, or of the county a township belongs to.
    #[must_use]
    pub const fn county(self) -> DivisionCode {
        match self {
            Self::Division(d) => d,
            Self::Township(t) => t.county(),
        }
    }

    /// The township, when the area is one.
    #[must_use]
    pub const fn township(self) -> Option<TownshipCode> {
        match self {
            Self::Division(_) => None,
            Self::Township(t) => Some(t),
        }
    }

    /// Whether `self` lies inside `other`: a township inside its county, prefecture and
    /// province; a division as [`DivisionCode::is_within`]; an area inside a township only
    /// when it is that township.
    #[must_use]
    pub const fn is_within(self, other: Locality) -> bool {
        match (self, other) {
            (Self::Township(a), Self::Township(b)) => {
                a.county.0 == b.county.0 && a.number == b.number
            }
            (Self::Division(_), Self::Township(_)) => false,
            (a, Self::Division(b)) => a.county().is_within(b),
        }
    }
}

impl From<DivisionCode> for Locality {
    fn from(code: DivisionCode) -> Self {
        Self::Division(code)
    }
}

impl From<TownshipCode> for Locality {
    fn from(code: TownshipCode) -> Self {
        Self::Township(code)
    }
}

impl fmt::Display for Locality {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Division(d) => d.fmt(f),
            Self::Township(t) => t.fmt(f),
        }
    }
}

impl FromStr for Locality {
    type Err = DivisionCodeError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::new(s)
    }
}

impl TryFrom<String> for Locality {
    type Error = DivisionCodeError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Self::new(&s)
    }
}

impl From<Locality> for String {
    fn from(code: Locality) -> Self {
        code.to_string()
    }
}
