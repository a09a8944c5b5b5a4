//! Citizen ID numbers (公民身份号码, GB 11643-1999).

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::division_code::{DivisionCode, DivisionCodeError};
use crate::person::Sex;

/// Weights `W_i = 2^(18-i) mod 11` of positions 1..=17 (GB 11643-1999, ISO 7064 MOD 11-2).
const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/// Check character for each remainder `S mod 11` (GB 11643-1999).
const CHECK_CHARS: [u8; 11] = *b"10X98765432";

/// Why a text is not a valid citizen ID number. Messages never repeat the whole number.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CitizenIdError {
    /// Not 18 characters (or 15 for [`CitizenIdNumber::from_legacy`]).
    #[error("a citizen ID number has {expected} characters, found {found} (GB 11643-1999)")]
    WrongLength {
        /// 18, or 15 for the legacy form.
        expected: usize,
        /// How many characters were given.
        found: usize,
    },
    /// A character that may not stand at this position: only digits, and `X` last.
    #[error(
        "character {position} may not be {found:?}: only digits, and X as the check character (GB 11643-1999)"
    )]
    InvalidCharacter {
        /// 1-based position.
        position: usize,
        /// The character found.
        found: char,
    },
    /// The 地址码 does not have the shape of a division code.
    #[error("the address code is not a division code: {0}")]
    AddressCode(#[from] DivisionCodeError),
    /// The 出生日期码 is not a real calendar date.
    #[error("the birth-date code {digits} is not a calendar date (GB 11643-1999, GB/T 7408)")]
    InvalidBirthDate {
        /// The eight (or six, legacy) digits of the birth date.
        digits: String,
    },
    /// The 校验码 does not match the MOD 11-2 check of the first 17 digits.
    #[error("check character should be {expected}, found {found} (GB 11643-1999 MOD 11-2)")]
    CheckDigitMismatch {
        /// The check character computed from the first 17 digits.
        expected: char,
        /// The check character given.
        found: char,
    },
    /// A sequence code (顺序码) above 999.
    #[error("the sequence code {sequence} is not three digits (GB 11643-1999)")]
    InvalidSequence {
        /// The sequence given.
        sequence: u16,
    },
    /// The birth date lies after the date given to [`CitizenIdNumber::check_birth_date_not_after`].
    #[error("the birth date {birth} is after {today}")]
    BirthDateInFuture {
        /// Birth date in the number.
        birth: NaiveDate,
        /// The date it was checked against.
        today: NaiveDate,
    },
}

/// 公民身份号码: the 18-character citizen ID number of GB 11643-1999: a 6-digit 地址码, an
/// 8-digit 出生日期码, a 3-digit 顺序码 and a 校验码 (ISO 7064 MOD 11-2).
///
/// Personal data: `Debug` and `Display` mask the middle (`640104********123X`); the full number
/// is only available through [`CitizenIdNumber::expose`]. Serde writes the full number (storage
/// must be able to read it back) and validates it when reading.
///
/// Validation on every path in (`parse`, `FromStr`, `TryFrom<String>`, `Deserialize`): length,
/// characters, address-code shape, a real birth date, and the check character. A lower-case `x`
/// is accepted and normalised to `X`. Pre-1900 birth dates are valid.
///
/// ```
/// use zugong_core::{CitizenIdNumber, Sex};
///
/// let id: CitizenIdNumber = "11010519491231002X".parse()?;
/// assert_eq!(id.birth_date(), chrono::NaiveDate::from_ymd_opt(1949, 12, 31).unwrap());
/// assert_eq!(id.sex(), Sex::Female);
/// assert_eq!(id.to_string(), "110105********002X");
/// assert_eq!(id.expose(), "11010519491231002X");
///
/// // A wrong check character is refused, naming what it should be.
/// assert!("110105194912310021".parse::<CitizenIdNumber>().is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct CitizenIdNumber([u8; 18]);

/// Computes the check character for 17 leading ASCII digits.
fn check_char(digits: &[u8]) -> u8 {
    let sum: u32 = digits
        .iter()
        .zip(WEIGHTS)
        .map(|(d, w)| u32::from(d.wrapping_sub(b'0')) * w)
        .sum();
    let r = usize::try_from(sum % 11).unwrap_or(0);
    CHECK_CHARS.get(r).copied().unwrap_or(b'0')
}

/// Reads ASCII digits as a number (callers pass digits only).
fn digits_value(digits: &[u8]) -> u32 {
    digits.iter().fold(0u32, |acc, d| {
        acc.wrapping_mul(10)
            .wrapping_add(u32::from(d.wrapping_sub(b'0')))
    })
}

fn date_from_digits(year: &[u8], month: &[u8], day: &[u8]) -> Option<NaiveDate> {
    let y = i32::try_from(digits_value(year)).ok()?;
    NaiveDate::from_ymd_opt(y, digits_value(month), digits_value(day))
}

impl CitizenIdNumber {
    /// Composes a number from its parts — the address code, the birth date and the three-digit
    /// sequence code (顺序码: odd for men, even for women) — and computes its check character
    /// (GB 11643-1999 MOD 11-2). For registries that assign numbers and for generated data.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use zugong_core::{CitizenIdNumber, DivisionCode};
    /// let area: DivisionCode = "640121".parse()?;
    /// let born = NaiveDate::from_ymd_opt(1978, 3, 12).unwrap();
    /// let id = CitizenIdNumber::assign(area, born, 101)?;
    /// assert_eq!(id.expose(), "640121197803121016");
    /// assert!(CitizenIdNumber::assign(area, born, 1000).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// [`CitizenIdError::InvalidSequence`] above 999; otherwise what [`CitizenIdNumber::parse`]
    /// finds (a birth year outside four digits).
    pub fn assign(
        area: DivisionCode,
        born: NaiveDate,
        sequence: u16,
    ) -> Result<Self, CitizenIdError> {
        if sequence > 999 {
            return Err(CitizenIdError::InvalidSequence { sequence });
        }
        let body = format!("{:06}{}{sequence:03}", area.value(), born.format("%Y%m%d"));
        let check = char::from(check_char(body.as_bytes()));
        Self::parse(&format!("{body}{check}"))
    }

    /// Parses and validates an 18-character number.
    ///
    /// # Errors
    /// [`CitizenIdError::WrongLength`], [`CitizenIdError::InvalidCharacter`],
    /// [`CitizenIdError::AddressCode`], [`CitizenIdError::InvalidBirthDate`] or
    /// [`CitizenIdError::CheckDigitMismatch`], checked in that order.
    pub fn parse(text: &str) -> Result<Self, CitizenIdError> {
        let found = text.chars().count();
        if found != 18 {
            return Err(CitizenIdError::WrongLength {
                expected: 18,
                found,
            });
        }
        let mut bytes = [0u8; 18];
        for (i, (slot, ch)) in bytes.iter_mut().zip(text.chars()).enumerate() {
            let ok = ch.is_ascii_digit() || (i == 17 && (ch == 'X' || ch == 'x'));
            if !ok {
                return Err(CitizenIdError::InvalidCharacter {
                    position: i + 1,
                    found: ch,
                });
            }
            // Only ASCII reaches here.
            *slot = u8::try_from(u32::from(ch.to_ascii_uppercase())).unwrap_or(b'0');
        }
        let (body, check) = bytes.split_at(17);
        DivisionCode::from_number(digits_value(body.get(..6).unwrap_or_default()))?;
        let birth = body.get(6..14).unwrap_or_default();
        if date_from_digits(
            birth.get(..4).unwrap_or_default(),
            birth.get(4..6).unwrap_or_default(),
            birth.get(6..).unwrap_or_default(),
        )
        .is_none()
        {
            return Err(CitizenIdError::InvalidBirthDate {
                digits: String::from_utf8_lossy(birth).into_owned(),
            });
        }
        let expected = check_char(body);
        let given = check.first().copied().unwrap_or(b'0');
        if expected != given {
            return Err(CitizenIdError::CheckDigitMismatch {
                expected: char::from(expected),
                found: char::from(given),
            });
        }
        Ok(Self(bytes))
    }

    /// Converts a 15-digit legacy number (issued before 1999): inserts `19` before the
    /// two-digit birth year and appends the computed check character (GB 11643-1999).
    ///
    /// ```
    /// use zugong_core::CitizenIdNumber;
    /// let id = CitizenIdNumber::from_legacy("640104750612123")?;
    /// assert_eq!(id.expose(), "640104197506121232");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// [`CitizenIdError::WrongLength`] unless 15 characters; otherwise as [`Self::parse`].
    pub fn from_legacy(text: &str) -> Result<Self, CitizenIdError> {
        let found = text.chars().count();
        if found != 15 {
            return Err(CitizenIdError::WrongLength {
                expected: 15,
                found,
            });
        }
        if let Some((i, ch)) = text.chars().enumerate().find(|(_, c)| !c.is_ascii_digit()) {
            return Err(CitizenIdError::InvalidCharacter {
                position: i + 1,
                found: ch,
            });
        }
        let (area, rest) = text.split_at(6);
        let mut body = format!("{area}19{rest}");
        let check = check_char(body.as_bytes());
        body.push(char::from(check));
        Self::parse(&body)
    }

    /// The full number. Personal data: show it only where the user may see it.
    #[must_use]
    pub fn expose(&self) -> &str {
        // Every byte is an ASCII digit or 'X' (checked when built).
        std::str::from_utf8(&self.0).unwrap_or("")
    }

    /// The masked form `640104********123X`: area code and last four characters kept.
    #[must_use]
    pub fn masked(&self) -> String {
        let s = self.expose();
        format!(
            "{}********{}",
            s.get(..6).unwrap_or_default(),
            s.get(14..).unwrap_or_default()
        )
    }

    /// The 地址码 (address code): the county-level division where the number was issued.
    #[must_use]
    pub fn address_code(&self) -> DivisionCode {
        let v = digits_value(self.0.get(..6).unwrap_or_default());
        // Validated in `parse`; the fallback is unreachable.
        DivisionCode::from_number(v).unwrap_or(DivisionCode::PLACEHOLDER)
    }

    /// The 出生日期码 as a date.
    #[must_use]
    pub fn birth_date(&self) -> NaiveDate {
        let b = &self.0;
        date_from_digits(
            b.get(6..10).unwrap_or_default(),
            b.get(10..12).unwrap_or_default(),
            b.get(12..14).unwrap_or_default(),
        )
        .unwrap_or_default()
    }

    /// The 3-digit 顺序码 (sequence code).
    #[must_use]
    pub fn sequence(&self) -> u16 {
        u16::try_from(digits_value(self.0.get(14..17).unwrap_or_default())).unwrap_or(0)
    }

    /// The 校验码 (check character): a digit or `X`.
    #[must_use]
    pub fn check_char(&self) -> char {
        char::from(self.0[17])
    }

    /// Sex from the 顺序码's last digit: odd for male, even for female (GB 11643-1999).
    #[must_use]
    pub fn sex(&self) -> Sex {
        if self.sequence() % 2 == 1 {
            Sex::Male
        } else {
            Sex::Female
        }
    }

    /// Checks that the birth date is not after `today` (an optional check the standard does
    /// not make; time is always an input).
    ///
    /// # Errors
    /// [`CitizenIdError::BirthDateInFuture`] when the birth date is after `today`.
    pub fn check_birth_date_not_after(&self, today: NaiveDate) -> Result<(), CitizenIdError> {
        let birth = self.birth_date();
        if birth > today {
            Err(CitizenIdError::BirthDateInFuture { birth, today })
        } else {
            Ok(())
        }
    }
}

impl fmt::Debug for CitizenIdNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "CitizenIdNumber({})", self.masked())
    }
}

impl fmt::Display for CitizenIdNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.masked())
    }
}

impl FromStr for CitizenIdNumber {
    type Err = CitizenIdError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl TryFrom<String> for CitizenIdNumber {
    type Error = CitizenIdError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Self::parse(&s)
    }
}

impl From<CitizenIdNumber> for String {
    fn from(id: CitizenIdNumber) -> Self {
        id.expose().to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn standard_samples_validate() {
        for s in ["11010519491231002X", "440524188001010014"] {
            let id = CitizenIdNumber::parse(s).unwrap();
            assert_eq!(id.expose(), s);
        }
        let old = CitizenIdNumber::parse("440524188001010014").unwrap();
        assert_eq!(
            old.birth_date(),
            NaiveDate::from_ymd_opt(1880, 1, 1).unwrap()
        );
        assert_eq!(old.sex(), Sex::Male);
        assert_eq!(old.check_char(), '4');
    }

    #[test]
    fn lower_case_x_is_normalised() {
        let id = CitizenIdNumber::parse("11010519491231002x").unwrap();
        assert_eq!(id.expose(), "11010519491231002X");
    }

    #[test]
    fn every_error_variant() {
        assert_eq!(
            CitizenIdNumber::parse("1234"),
            Err(CitizenIdError::WrongLength {
                expected: 18,
                found: 4
            })
        );
        assert_eq!(
            CitizenIdNumber::parse("1101051949123100X2"),
            Err(CitizenIdError::InvalidCharacter {
                position: 17,
                found: 'X'
            })
        );
        assert_eq!(
            CitizenIdNumber::parse("11010519491231002中"),
            Err(CitizenIdError::InvalidCharacter {
                position: 18,
                found: '中'
            })
        );
        assert!(matches!(
            CitizenIdNumber::parse("99010519491231002X"),
            Err(CitizenIdError::AddressCode(
                DivisionCodeError::UnknownProvince { prefix: 99 }
            ))
        ));
        assert_eq!(
            CitizenIdNumber::parse("11010519490231002X"),
            Err(CitizenIdError::InvalidBirthDate {
                digits: "19490231".into()
            })
        );
        assert_eq!(
            CitizenIdNumber::parse("110105194912310021"),
            Err(CitizenIdError::CheckDigitMismatch {
                expected: 'X',
                found: '1'
            })
        );
        assert_eq!(
            CitizenIdNumber::from_legacy("64010475061212"),
            Err(CitizenIdError::WrongLength {
                expected: 15,
                found: 14
            })
        );
        assert_eq!(
            CitizenIdNumber::from_legacy("64010475061212a"),
            Err(CitizenIdError::InvalidCharacter {
                position: 15,
                found: 'a'
            })
        );
        let id = CitizenIdNumber::parse("11010519491231002X").unwrap();
        let day = NaiveDate::from_ymd_opt(1949, 12, 30).unwrap();
        assert!(matches!(
            id.check_birth_date_not_after(day),
            Err(CitizenIdError::BirthDateInFuture { .. })
        ));
        assert!(
            id.check_birth_date_not_after(day.succ_opt().unwrap())
                .is_ok()
        );
    }

    #[test]
    fn masked_everywhere_but_expose() {
        let id = CitizenIdNumber::parse("11010519491231002X").unwrap();
        assert_eq!(format!("{id}"), "110105********002X");
        assert_eq!(format!("{id:?}"), "CitizenIdNumber(110105********002X)");
        assert!(!format!("{id:?}").contains("19491231"));
        assert_eq!(
            serde_json::to_string(&id).unwrap(),
            "\"11010519491231002X\""
        );
    }

    #[test]
    fn legacy_upgrade_computes_check_character() {
        let id = CitizenIdNumber::from_legacy("110105491231002").unwrap();
        assert_eq!(id.expose(), "11010519491231002X");
    }
}
