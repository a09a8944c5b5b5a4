//! 流动党员, graduates' relations and 限期改正, each on both sides of its number.

use chrono::NaiveDate;
use zugong_core::journal::{Language, Refusal};
use zugong_core::policy::Policy;
use zugong_core::{MemberId, OrgUnitId};
use zugong_member::*;

fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, dd).unwrap()
}

fn member() -> MemberId {
    MemberId::from_uuid(uuid::Uuid::from_u128(1))
}

fn org() -> OrgUnitId {
    OrgUnitId::from_uuid(uuid::Uuid::from_u128(2))
}

#[test]
fn six_months_away_makes_a_mobile_member() {
    let p = MobilityPolicy::default();
    let away = Outflow::new(member(), org(), d(2026, 1, 31), "宁夏银川市");
    // Six months from 31 January is 31 July.
    assert_eq!(away.standing(d(2026, 7, 30), &p), OutflowStanding::Away);
    assert_eq!(away.standing(d(2026, 7, 31), &p), OutflowStanding::Mobile);
    let back = away.clone().returned(d(2026, 9, 1)).unwrap();
    assert_eq!(back.standing(d(2026, 8, 31), &p), OutflowStanding::Mobile);
    assert_eq!(back.standing(d(2026, 9, 1), &p), OutflowStanding::Returned);
    let e = away.returned(d(2026, 1, 1)).unwrap_err();
    assert!(e.message(Language::Chinese).contains("早于外出日期"));
    assert_eq!(OutflowStanding::Mobile.to_string(), "流动党员");
}

#[test]
fn a_graduates_relation_stays_two_years_at_most() {
    let p = MobilityPolicy::default();
    let hold = GraduateHold::new(member(), org(), d(2024, 6, 30));
    assert_eq!(hold.until(&p), Some(d(2026, 6, 30)));
    assert!(!hold.overdue(d(2026, 6, 30), &p));
    assert!(hold.overdue(d(2026, 7, 1), &p));
}

#[test]
fn a_correction_period_is_a_year_at_most() {
    let p = MobilityPolicy::default();
    let year = CorrectionPeriod::new(member(), d(2026, 3, 1), d(2027, 3, 1), &p).unwrap();
    assert!(!year.ended(d(2027, 3, 1)));
    assert!(year.ended(d(2027, 3, 2)));
    let e = CorrectionPeriod::new(member(), d(2026, 3, 1), d(2027, 3, 2), &p).unwrap_err();
    assert!(matches!(
        e,
        MobilityError::CorrectionTooLong { max_months: 12, .. }
    ));
    assert_eq!(e.citation().article, "第三十条、第三十一条");
    assert!(matches!(
        CorrectionPeriod::new(member(), d(2026, 3, 1), d(2026, 2, 1), &p),
        Err(MobilityError::CorrectionBackwards { .. })
    ));
    // A province may act sooner, never later.
    let mut strict = p;
    strict.mobile_after_months = 3;
    assert!(strict.validate().is_ok());
    let mut loose = p;
    loose.correction_max_months = 18;
    assert!(loose.validate().is_err());
}
