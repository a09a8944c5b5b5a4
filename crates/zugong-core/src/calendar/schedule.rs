use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

use super::CalendarError;
use crate::Citation;

/// 节假日安排: one year's official holiday schedule — the days off (放假) and the weekend days
/// that are worked instead (调休上班), with the notice it comes from.
///
/// Validated on every path in: every date inside the year, no day both off and worked, and
/// make-up working days only on weekends.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "ScheduleData", into = "ScheduleData")]
pub struct HolidaySchedule {
    data: ScheduleData,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct ScheduleData {
    year: i32,
    source: Citation,
    holidays: BTreeSet<NaiveDate>,
    makeup_workdays: BTreeSet<NaiveDate>,
}

impl TryFrom<ScheduleData> for HolidaySchedule {
    type Error = CalendarError;
    fn try_from(data: ScheduleData) -> Result<Self, Self::Error> {
        let invalid = |reason: String| CalendarError::InvalidSchedule {
            year: data.year,
            reason,
        };
        if let Some(d) = data
            .holidays
            .iter()
            .chain(&data.makeup_workdays)
            .find(|d| d.year() != data.year)
        {
            return Err(invalid(format!("{d} lies outside the year")));
        }
        if let Some(d) = data.holidays.intersection(&data.makeup_workdays).next() {
            return Err(invalid(format!("{d} is both a holiday and a working day")));
        }
        if let Some(d) = data
            .makeup_workdays
            .iter()
            .find(|d| !matches!(d.weekday(), Weekday::Sat | Weekday::Sun))
        {
            return Err(invalid(format!(
                "make-up working day {d} is not a weekend day"
            )));
        }
        Ok(Self { data })
    }
}

impl From<HolidaySchedule> for ScheduleData {
    fn from(s: HolidaySchedule) -> Self {
        s.data
    }
}

impl HolidaySchedule {
    /// A schedule for `year`.
    ///
    /// # Errors
    /// [`CalendarError::InvalidSchedule`] when a date lies outside the year, a day is both
    /// off and worked, or a make-up working day is not a Saturday or Sunday.
    pub fn new(
        year: i32,
        source: Citation,
        holidays: impl IntoIterator<Item = NaiveDate>,
        makeup_workdays: impl IntoIterator<Item = NaiveDate>,
    ) -> Result<Self, CalendarError> {
        Self::try_from(ScheduleData {
            year,
            source,
            holidays: holidays.into_iter().collect(),
            makeup_workdays: makeup_workdays.into_iter().collect(),
        })
    }

    /// The year.
    #[must_use]
    pub fn year(&self) -> i32 {
        self.data.year
    }

    /// The notice the schedule comes from.
    #[must_use]
    pub fn source(&self) -> &Citation {
        &self.data.source
    }

    /// Days off (放假), weekend days within a holiday span included.
    #[must_use]
    pub fn holidays(&self) -> &BTreeSet<NaiveDate> {
        &self.data.holidays
    }

    /// Weekend days worked in exchange (调休上班).
    #[must_use]
    pub fn makeup_workdays(&self) -> &BTreeSet<NaiveDate> {
        &self.data.makeup_workdays
    }

    /// Whether `date` (which must lie in this year) is a working day.
    #[must_use]
    pub fn is_working_day(&self, date: NaiveDate) -> bool {
        if self.data.makeup_workdays.contains(&date) {
            return true;
        }
        if self.data.holidays.contains(&date) {
            return false;
        }
        !matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
    }
}
