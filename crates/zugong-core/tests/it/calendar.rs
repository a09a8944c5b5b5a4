use chrono::{Datelike, Days, NaiveDate, Weekday};
use proptest::prelude::*;
use zugong_core::*;

use crate::support::d;

fn covered_day() -> impl Strategy<Value = NaiveDate> {
    (0u64..(365 + 300)).prop_map(|k| d(2025, 1, 1) + Days::new(k))
}

proptest! {
    #[test]
    fn span_end_agrees_with_counting(start in covered_day(), n in 1u32..30) {
        let cal = WorkCalendar::official();
        let end = cal.span_end(start, n).unwrap();
        prop_assert_eq!(cal.working_days_in(start, end).unwrap(), n);
        prop_assert!(cal.is_working_day(end).unwrap());
        // One day earlier is not enough.
        prop_assert_eq!(cal.working_days_in(start, end.pred_opt().unwrap()).unwrap(), n - 1);
    }

    #[test]
    fn add_working_days_agrees_with_counting(start in covered_day(), n in 0u32..30) {
        let cal = WorkCalendar::official();
        let end = cal.add_working_days(start, n).unwrap();
        prop_assert_eq!(cal.working_days_in(start.succ_opt().unwrap(), end).unwrap(), n);
    }

    #[test]
    fn weekends_only_counts_weekdays(start in covered_day(), len in 0u64..60) {
        let cal = WorkCalendar::weekends_only();
        let end = start + Days::new(len);
        let weekdays = start.iter_days().take_while(|x| *x <= end)
            .filter(|x| !matches!(x.weekday(), Weekday::Sat | Weekday::Sun)).count() as u32;
        prop_assert_eq!(cal.working_days_in(start, end).unwrap(), weekdays);
    }
}

#[test]
fn publicity_spanning_a_holiday() {
    let cal = WorkCalendar::official();
    // Friday 30 April 2026: the May Day holiday (1–5 May) and the make-up Saturday 9 May.
    let end = cal.span_end(d(2026, 4, 30), 5).unwrap();
    assert_eq!(end, d(2026, 5, 9));
    // A plain week without holidays.
    assert_eq!(cal.span_end(d(2026, 3, 2), 5).unwrap(), d(2026, 3, 6));
}

#[test]
fn caller_supplied_schedule() {
    let source = Citation::new("某省2027年节假日安排(示例)", "", SourceStatus::Provisional);
    let schedule = HolidaySchedule::new(2027, source, [d(2027, 1, 1)], []).unwrap();
    let mut cal = WorkCalendar::official();
    assert_eq!(
        cal.is_working_day(d(2027, 1, 1)),
        Err(CalendarError::YearNotCovered { year: 2027 })
    );
    cal.insert(schedule);
    assert!(!cal.is_working_day(d(2027, 1, 1)).unwrap());
    assert!(cal.is_working_day(d(2027, 1, 4)).unwrap());
    // A calendar may instead treat unknown years as weekdays-only.
    let lenient = WorkCalendar::official().with_uncovered_years(UncoveredYears::WeekendsOnly);
    assert!(lenient.is_working_day(d(2030, 1, 1)).unwrap());
}

#[test]
fn schedules_are_validated_when_read() {
    let json = r#"{"year":2026,"source":{"regulation":"x","article":"","status":"confirmed"},"holidays":["2026-01-01"],"makeup_workdays":["2026-01-06"]}"#;
    let err = serde_json::from_str::<HolidaySchedule>(json).unwrap_err();
    assert!(err.to_string().contains("not a weekend day"), "{err}");
}
