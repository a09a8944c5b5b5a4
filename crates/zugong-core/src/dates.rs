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
