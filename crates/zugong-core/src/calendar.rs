//! The work calendar (工作日历): working days with weekends, public holidays and make-up
//! working days (调休) as data.
//!
//! Rules such as "任前公示期不少于五个工作日" count working days, not calendar days
//! (domain brief, "Reading the numbers"). Holiday schedules are published each year by the
//! General Office of the State Council; [`WorkCalendar::official`] ships the ones published so
//! far, each with its source, and a caller can add its own ([`WorkCalendar::insert`]). A date
//! in a year without a schedule is refused rather than guessed, unless the calendar was built
//! to treat such years as weekends-only.

mod official;
mod schedule;
mod work_calendar;

pub use schedule::HolidaySchedule;
pub use work_calendar::{CalendarError, UncoveredYears, WorkCalendar};
