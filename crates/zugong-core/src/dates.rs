//! Date arithmetic for the rules: completed years and months between two dates.
//!
//! Regulations count ages and service in completed years (周岁, 满N年): "5年以上工龄" is met on
//! the fifth anniversary of the start date, not the day before. 以上 / 以下 include the stated
//! number (《民法典》 Art 1259); the comparison is left to the caller's policy.

use chrono::{Datelike, NaiveDate};

/// Whole years completed from `start` to `end` (0 when `end` is before the first anniversary,
/// or before `start`). A 29 February start completes its years on 28 February in common years.
///
/// ```
/// use chrono::NaiveDate;
/// use zugong_core::dates::completed_years;
/// let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
/// assert_eq!(completed_years(d(2021, 3, 1), d(2026, 2, 28)), 4);
/// assert_eq!(completed_years(d(2021, 3, 1), d(2026, 3, 1)), 5);
/// ```
#[must_use]
pub fn completed_years(start: NaiveDate, end: NaiveDate) -> u32 {
    completed_months(start, end) / 12
}

/// Whole months completed from `start` to `end` (0 when `end` is before `start`). A month is
/// complete on the same day of the month, or on the last day of a shorter month.
///
/// ```
/// use chrono::NaiveDate;
/// use zugong_core::dates::completed_months;
/// let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
/// assert_eq!(completed_months(d(2026, 1, 31), d(2026, 2, 28)), 1);
/// assert_eq!(completed_months(d(2026, 1, 15), d(2026, 2, 14)), 0);
/// ```
#[must_use]
pub fn completed_months(start: NaiveDate, end: NaiveDate) -> u32 {
    if end <= start {
        return 0;
    }
    let months = (i64::from(end.year()) - i64::from(start.year())) * 12 + i64::from(end.month())
        - i64::from(start.month());
    let day_reached = end.day() >= start.day() || is_last_day_of_month(end);
    let months = if day_reached { months } else { months - 1 };
    u32::try_from(months.max(0)).unwrap_or(u32::MAX)
}

/// Adds whole months, clamping to the last day of a shorter month (`None` past chrono's range).
#[must_use]
pub fn add_months(date: NaiveDate, months: u32) -> Option<NaiveDate> {
    date.checked_add_months(chrono::Months::new(months))
}

/// Adds whole years (as 12 months each), clamping 29 February to 28 February.
#[must_use]
pub fn add_years(date: NaiveDate, years: u32) -> Option<NaiveDate> {
    add_months(date, years.checked_mul(12)?)
}

/// The days a rule accepts from outside (a command's day, a table's date, a date on the
/// command line): from 1 January of `first_year` to 31 December of `last_year`, both included.
/// A date outside is refused where it is read ([`SupportedDates::check`]), so that no period,
/// deadline or anniversary computed from it can leave the calendar.
///
/// The default, 1900–2200, covers every birth date a register holds and two centuries of
/// deadlines. A department may narrow it, never widen it past 1–9999.
///
/// ```
/// use chrono::NaiveDate;
/// use zugong_core::dates::SupportedDates;
/// let range = SupportedDates::default();
/// let d = |y| NaiveDate::from_ymd_opt(y, 1, 1).unwrap();
/// assert!(range.check(d(2026)).is_ok());
/// assert!(range.check(d(1899)).is_err());
/// assert!(range.check(NaiveDate::MAX).is_err());
/// let narrowed: SupportedDates = serde_json::from_str(r#"{"first_year":1950,"last_year":2100}"#)?;
/// assert!(narrowed.check(d(1949)).is_err());
/// assert!(serde_json::from_str::<SupportedDates>(r#"{"first_year":0,"last_year":2100}"#).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(remote = "Self")]
#[non_exhaustive]
pub struct SupportedDates {
    /// The first year accepted.
    pub first_year: i32,
    /// The last year accepted.
    pub last_year: i32,
}

crate::validated_policy_serde!(SupportedDates);

/// Where the supported range comes from: not a regulation but the library's own bound.
const SUPPORTED_DATES: crate::Citation = crate::Citation::new(
    "zugong 日期范围",
    "1900年至2200年（可收窄）",
    crate::SourceStatus::Provisional,
);

impl Default for SupportedDates {
    fn default() -> Self {
        Self {
            first_year: 1900,
            last_year: 2200,
        }
    }
}

impl SupportedDates {
    /// The range of years `first_year..=last_year`.
    ///
    /// # Errors
    /// [`crate::PolicyError::OutOfRange`] for a year outside 1–9999 or a last year before the
    /// first.
    pub fn new(first_year: i32, last_year: i32) -> Result<Self, crate::PolicyError> {
        let range = Self {
            first_year,
            last_year,
        };
        crate::Policy::validate(&range)?;
        Ok(range)
    }

    /// `date` itself when it is inside the range.
    ///
    /// # Errors
    /// [`DateOutOfRange`] naming the date and the range.
    pub fn check(&self, date: NaiveDate) -> Result<NaiveDate, DateOutOfRange> {
        if (self.first_year..=self.last_year).contains(&date.year()) {
            Ok(date)
        } else {
            Err(DateOutOfRange {
                date,
                first_year: self.first_year,
                last_year: self.last_year,
            })
        }
    }
}

impl crate::Policy for SupportedDates {
    fn citations(&self) -> Vec<(&'static str, crate::Citation)> {
        vec![
            ("first_year", SUPPORTED_DATES),
            ("last_year", SUPPORTED_DATES),
        ]
    }

    fn validate(&self) -> Result<(), crate::PolicyError> {
        crate::PolicyError::within("first_year", self.first_year, 1, 9999)?;
        crate::PolicyError::within("last_year", self.last_year, self.first_year, 9999)?;
        Ok(())
    }
}

/// A date outside the [`SupportedDates`]: refused where it was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("{date} is outside the supported dates {first_year}–{last_year}: give a day in that range")]
#[non_exhaustive]
pub struct DateOutOfRange {
    /// The date given.
    pub date: NaiveDate,
    /// The first year accepted.
    pub first_year: i32,
    /// The last year accepted.
    pub last_year: i32,
}

impl crate::journal::Refusal for DateOutOfRange {
    fn citation(&self) -> crate::Citation {
        SUPPORTED_DATES
    }

    fn message(&self, language: crate::journal::Language) -> String {
        let Self {
            date,
            first_year,
            last_year,
        } = self;
        match language {
            crate::journal::Language::Chinese => format!(
                "日期 {date} 超出支持范围（{first_year}年至{last_year}年）：请给出此范围内的日期"
            ),
            crate::journal::Language::English => self.to_string(),
        }
    }
}

fn is_last_day_of_month(d: NaiveDate) -> bool {
    d.succ_opt().is_none_or(|next| next.month() != d.month())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, dd).unwrap()
    }

    #[test]
    fn anniversaries() {
        assert_eq!(completed_years(d(2000, 6, 15), d(2005, 6, 14)), 4);
        assert_eq!(completed_years(d(2000, 6, 15), d(2005, 6, 15)), 5);
        assert_eq!(completed_years(d(2000, 2, 29), d(2001, 2, 28)), 1);
        assert_eq!(completed_years(d(2005, 1, 1), d(2000, 1, 1)), 0);
        assert_eq!(add_years(d(2000, 2, 29), 1), Some(d(2001, 2, 28)));
    }
}
