use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::HolidaySchedule;
use super::official;

/// A working-day question the calendar cannot answer, or a schedule it cannot accept.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CalendarError {
    /// No holiday schedule is loaded for the year and the calendar refuses to guess.
    #[error("no holiday schedule for {year}: load the State Council's notice for that year")]
    YearNotCovered {
        /// The year.
        year: i32,
    },
    /// A schedule that contradicts itself.
    #[error("holiday schedule for {year} is invalid: {reason}")]
    InvalidSchedule {
        /// The year.
        year: i32,
        /// What is wrong.
        reason: String,
    },
    /// A span of zero working days has no last day.
    #[error("a span needs at least one working day")]
    EmptySpan,
    /// The arithmetic left the supported date range.
    #[error("date arithmetic left the supported range")]
    OutOfRange,
}

/// What to do with a date in a year that has no loaded schedule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UncoveredYears {
    /// Refuse with [`CalendarError::YearNotCovered`] (the default: a rule counted on a wrong
    /// calendar is worse than no answer).
    #[default]
    Refuse,
    /// Treat Monday–Friday as working days and nothing else as a holiday.
    WeekendsOnly,
}

/// 工作日历: decides which days are working days and does working-day arithmetic.
///
/// ```
/// use chrono::NaiveDate;
/// use zugong_core::WorkCalendar;
///
/// let cal = WorkCalendar::official();
/// let d = |m, dd| NaiveDate::from_ymd_opt(2026, m, dd).unwrap();
/// // A 任前公示 of five working days starting Wednesday 30 September 2026 runs over the
/// // National Day holiday and the make-up Saturday of 10 October.
/// assert_eq!(cal.span_end(d(9, 30), 5)?, d(10, 12));
/// assert_eq!(cal.working_days_in(d(9, 30), d(10, 12))?, 5);
/// assert!(cal.is_working_day(d(10, 10))?); // 调休上班
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct WorkCalendar {
    schedules: BTreeMap<i32, HolidaySchedule>,
    #[serde(default)]
    uncovered: UncoveredYears,
}

/// The longest run of consecutive non-working days any real schedule has is well under a
/// month; a search that goes this far without a working day stops.
const MAX_DAYS_SCANNED: u32 = 366 * 200;

impl WorkCalendar {
    /// The calendar with every State Council schedule shipped in this crate (2025, 2026),
    /// refusing dates in other years.
    #[must_use]
    pub fn official() -> Self {
        let mut cal = Self::default();
        for s in official::schedules() {
            cal.schedules.insert(s.year(), s);
        }
        cal
    }

    /// A calendar with no holidays at all: Monday–Friday are working days in every year.
    #[must_use]
    pub fn weekends_only() -> Self {
        Self {
            schedules: BTreeMap::new(),
            uncovered: UncoveredYears::WeekendsOnly,
        }
    }

    /// Sets how years without a schedule are treated.
    #[must_use]
    pub fn with_uncovered_years(mut self, uncovered: UncoveredYears) -> Self {
        self.uncovered = uncovered;
        self
    }

    /// Adds or replaces the schedule of its year.
    pub fn insert(&mut self, schedule: HolidaySchedule) {
        self.schedules.insert(schedule.year(), schedule);
    }

    /// The loaded schedules by year.
    #[must_use]
    pub fn schedules(&self) -> &BTreeMap<i32, HolidaySchedule> {
        &self.schedules
    }

    /// Whether `date` is a working day.
    ///
    /// # Errors
    /// [`CalendarError::YearNotCovered`] when no schedule covers the year and the calendar
    /// refuses uncovered years.
    pub fn is_working_day(&self, date: NaiveDate) -> Result<bool, CalendarError> {
        match self.schedules.get(&date.year()) {
            Some(s) => Ok(s.is_working_day(date)),
            None => match self.uncovered {
                UncoveredYears::Refuse => Err(CalendarError::YearNotCovered { year: date.year() }),
                UncoveredYears::WeekendsOnly => {
                    Ok(!matches!(date.weekday(), Weekday::Sat | Weekday::Sun))
                }
            },
        }
    }

    /// Counts the working days from `from` to `to`, both included (0 when `to < from`).
    ///
    /// # Errors
    /// As [`WorkCalendar::is_working_day`], for any day in the range.
    pub fn working_days_in(&self, from: NaiveDate, to: NaiveDate) -> Result<u32, CalendarError> {
        let mut count = 0u32;
        for day in from.iter_days().take_while(|d| *d <= to) {
            if self.is_working_day(day)? {
                count = count.checked_add(1).ok_or(CalendarError::OutOfRange)?;
            }
        }
        Ok(count)
    }

    /// The date `n` working days after `date` (`date` itself not counted; `n = 0` gives
    /// `date`).
    ///
    /// # Errors
    /// As [`WorkCalendar::is_working_day`]; [`CalendarError::OutOfRange`] past the supported
    /// dates.
    pub fn add_working_days(&self, date: NaiveDate, n: u32) -> Result<NaiveDate, CalendarError> {
        let mut day = date;
        let mut left = n;
        let mut scanned = 0u32;
        while left > 0 {
            day = day.succ_opt().ok_or(CalendarError::OutOfRange)?;
            scanned += 1;
            if scanned > MAX_DAYS_SCANNED.saturating_add(n.saturating_mul(2)) {
                return Err(CalendarError::OutOfRange);
            }
            if self.is_working_day(day)? {
                left -= 1;
            }
        }
        Ok(day)
    }

    /// The last day of a period of `n` working days that starts on `start` (counted when it
    /// is a working day): the earliest day on which "不少于N个工作日" is met.
    ///
    /// # Errors
    /// [`CalendarError::EmptySpan`] for `n = 0`; otherwise as
    /// [`WorkCalendar::add_working_days`].
    pub fn span_end(&self, start: NaiveDate, n: u32) -> Result<NaiveDate, CalendarError> {
        if n == 0 {
            return Err(CalendarError::EmptySpan);
        }
        let before = start.pred_opt().ok_or(CalendarError::OutOfRange)?;
        self.add_working_days(before, n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::citation::sources;

    fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, dd).unwrap()
    }

    #[test]
    fn official_2026_spring_festival() {
        let cal = WorkCalendar::official();
        assert!(cal.is_working_day(d(2026, 2, 14)).unwrap()); // Saturday, worked
        assert!(!cal.is_working_day(d(2026, 2, 16)).unwrap()); // Monday, holiday
        assert!(!cal.is_working_day(d(2026, 2, 23)).unwrap());
        assert!(cal.is_working_day(d(2026, 2, 24)).unwrap());
        // 5 working days from Thursday 12 Feb: 12, 13, 14 (Sat, worked), 24, 25.
        assert_eq!(cal.span_end(d(2026, 2, 12), 5).unwrap(), d(2026, 2, 25));
        assert_eq!(
            cal.working_days_in(d(2026, 2, 12), d(2026, 2, 24)).unwrap(),
            4
        );
    }

    #[test]
    fn official_2025_and_year_counts() {
        let cal = WorkCalendar::official();
        assert!(!cal.is_working_day(d(2025, 10, 8)).unwrap());
        assert!(cal.is_working_day(d(2025, 10, 11)).unwrap());
        // 2026 has 365 days; 104 weekend days; 15 weekday holidays... checked by counting:
        let days_2026 = cal.working_days_in(d(2026, 1, 1), d(2026, 12, 31)).unwrap();
        let weekdays = d(2026, 1, 1)
            .iter_days()
            .take(365)
            .filter(|x| !matches!(x.weekday(), Weekday::Sat | Weekday::Sun))
            .count() as u32;
        let sched = &cal.schedules()[&2026];
        let weekday_holidays = sched
            .holidays()
            .iter()
            .filter(|x| !matches!(x.weekday(), Weekday::Sat | Weekday::Sun))
            .count() as u32;
        assert_eq!(
            days_2026,
            weekdays - weekday_holidays + sched.makeup_workdays().len() as u32
        );
    }

    #[test]
    fn errors() {
        let cal = WorkCalendar::official();
        assert_eq!(
            cal.is_working_day(d(2031, 1, 2)),
            Err(CalendarError::YearNotCovered { year: 2031 })
        );
        assert_eq!(
            cal.span_end(d(2026, 1, 5), 0),
            Err(CalendarError::EmptySpan)
        );
        assert_eq!(
            WorkCalendar::weekends_only().add_working_days(NaiveDate::MAX, 1),
            Err(CalendarError::OutOfRange)
        );
        let bad = HolidaySchedule::new(2026, sources::HOLIDAYS_2026, [d(2027, 1, 1)], []);
        assert!(matches!(
            bad,
            Err(CalendarError::InvalidSchedule { year: 2026, .. })
        ));
        let bad = HolidaySchedule::new(
            2026,
            sources::HOLIDAYS_2026,
            [d(2026, 1, 3)],
            [d(2026, 1, 3)],
        );
        assert!(matches!(bad, Err(CalendarError::InvalidSchedule { .. })));
        let bad = HolidaySchedule::new(2026, sources::HOLIDAYS_2026, [], [d(2026, 1, 5)]);
        assert!(matches!(bad, Err(CalendarError::InvalidSchedule { .. })));
    }
}
