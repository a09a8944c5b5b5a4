//! The State Council's published holiday schedules.

use chrono::NaiveDate;

use super::HolidaySchedule;
use crate::Citation;
use crate::citation::sources;

/// (month, first day, month, last day) spans of days off, and (month, day) make-up days.
struct Published {
    year: i32,
    source: Citation,
    holidays: &'static [(u32, u32, u32, u32)],
    makeup: &'static [(u32, u32)],
}

/// 国办发明电〔2024〕12号: 2025 元旦 1/1; 春节 1/28–2/4 (1/26, 2/8 worked); 清明 4/4–6;
/// 劳动节 5/1–5 (4/27 worked); 端午 5/31–6/2; 国庆·中秋 10/1–8 (9/28, 10/11 worked).
const Y2025: Published = Published {
    year: 2025,
    source: sources::HOLIDAYS_2025,
    holidays: &[
        (1, 1, 1, 1),
        (1, 28, 2, 4),
        (4, 4, 4, 6),
        (5, 1, 5, 5),
        (5, 31, 6, 2),
        (10, 1, 10, 8),
    ],
    makeup: &[(1, 26), (2, 8), (4, 27), (9, 28), (10, 11)],
};

/// 国务院办公厅 2025-11-04: 2026 元旦 1/1–3 (1/4 worked); 春节 2/15–23 (2/14, 2/28 worked);
/// 清明 4/4–6; 劳动节 5/1–5 (5/9 worked); 端午 6/19–21; 中秋 9/25–27; 国庆 10/1–7
/// (9/20, 10/10 worked).
const Y2026: Published = Published {
    year: 2026,
    source: sources::HOLIDAYS_2026,
    holidays: &[
        (1, 1, 1, 3),
        (2, 15, 2, 23),
        (4, 4, 4, 6),
        (5, 1, 5, 5),
        (6, 19, 6, 21),
        (9, 25, 9, 27),
        (10, 1, 10, 7),
    ],
    makeup: &[(1, 4), (2, 14), (2, 28), (5, 9), (9, 20), (10, 10)],
};

fn expand(p: &Published) -> Option<HolidaySchedule> {
    let mut holidays = Vec::new();
    for &(m1, d1, m2, d2) in p.holidays {
        let first = NaiveDate::from_ymd_opt(p.year, m1, d1)?;
        let last = NaiveDate::from_ymd_opt(p.year, m2, d2)?;
        holidays.extend(first.iter_days().take_while(|d| *d <= last));
    }
    let makeup = p
        .makeup
        .iter()
        .map(|&(m, d)| NaiveDate::from_ymd_opt(p.year, m, d))
        .collect::<Option<Vec<_>>>()?;
    HolidaySchedule::new(p.year, p.source.clone(), holidays, makeup).ok()
}

/// Every published schedule shipped with the crate.
pub(super) fn schedules() -> impl Iterator<Item = HolidaySchedule> {
    [Y2025, Y2026].into_iter().filter_map(|p| expand(&p))
}
