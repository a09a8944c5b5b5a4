//! 干部管理权限 as data: who decides, who only works, and the co-manager consulted first.

use chrono::NaiveDate;
use zugong_core::journal::{Language, Refusal};
use zugong_core::*;

fn unit(n: u128) -> OrgUnitId {
    OrgUnitId::from_uuid(uuid::Uuid::from_u128(n))
}

fn inst(n: u128) -> InstitutionId {
    InstitutionId::from_uuid(uuid::Uuid::from_u128(n))
}

fn post(n: u128) -> PositionId {
    PositionId::from_uuid(uuid::Uuid::from_u128(n))
}

fn d(m: u32, dd: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, dd).unwrap()
}

const COUNTY_COMMITTEE: u128 = 1;
const ORGANS_WORK_COMMITTEE: u128 = 2;
const BUREAU_LEADING_GROUP: u128 = 3;
const PROVINCIAL_TAX: u128 = 4;

#[test]
fn a_bureau_deputy_is_decided_by_the_county_committee_alone() {
    let bureau = inst(10);
    let list = ManagementList::new(vec![ManagementEntry::for_class(
        bureau,
        LeadershipRank::TownshipSectionDeputy,
        unit(COUNTY_COMMITTEE),
    )]);
    let row = *list
        .lookup(post(100), bureau, LeadershipRank::TownshipSectionDeputy)
        .unwrap();
    assert!(
        row.check_decision(Authority::party_committee(unit(COUNTY_COMMITTEE)))
            .is_ok()
    );
    for other in [ORGANS_WORK_COMMITTEE, BUREAU_LEADING_GROUP] {
        let e = row
            .check_decision(Authority::party_committee(unit(other)))
            .unwrap_err();
        assert!(matches!(e, ManagementError::NotTheManager { .. }));
        assert!(e.message(Language::Chinese).contains("干部管理权限"));
    }
    let e = row
        .check_decision(Authority::organization_department(unit(COUNTY_COMMITTEE)))
        .unwrap_err();
    assert_eq!(e, ManagementError::DepartmentCannotDecide);
    assert_eq!(e.citation().article, "第六章（讨论决定）");
    // The department does the work.
    assert!(
        row.check_work(Authority::organization_department(unit(COUNTY_COMMITTEE)))
            .is_ok()
    );
    // A class the list does not cover is not covered.
    assert!(
        list.lookup(post(100), bureau, LeadershipRank::TownshipSectionChief)
            .is_none()
    );
}

#[test]
fn a_post_of_its_own_row_is_managed_by_that_row() {
    let office = inst(20);
    let list = ManagementList::new(vec![
        ManagementEntry::for_class(
            office,
            LeadershipRank::TownshipSectionChief,
            unit(COUNTY_COMMITTEE),
        ),
        // The head of a vertically managed office is managed from above.
        ManagementEntry::for_post(post(200), unit(PROVINCIAL_TAX)),
    ]);
    let head = list
        .lookup(post(200), office, LeadershipRank::TownshipSectionChief)
        .unwrap();
    assert_eq!(head.manager, unit(PROVINCIAL_TAX));
    assert!(
        head.check_decision(Authority::party_committee(unit(COUNTY_COMMITTEE)))
            .is_err()
    );
    let other = list
        .lookup(post(201), office, LeadershipRank::TownshipSectionChief)
        .unwrap();
    assert_eq!(other.manager, unit(COUNTY_COMMITTEE));
}

#[test]
fn the_co_manager_is_consulted_before_the_decision() {
    let calendar = WorkCalendar::weekends_only();
    let policy = CoManagementPolicy::default();
    let row = ManagementEntry::for_post(post(300), unit(COUNTY_COMMITTEE))
        .co_managed_by(unit(PROVINCIAL_TAX));
    assert!(matches!(
        row.check_consulted(None, d(6, 30), &calendar, &policy),
        Err(ManagementError::NotConsulted { .. })
    ));
    // Asked on Monday 1 June: ten working days run to Monday 15 June.
    let asked = Consultation::asked(unit(PROVINCIAL_TAX), d(6, 1));
    assert_eq!(
        row.check_consulted(Some(&asked), d(6, 15), &calendar, &policy),
        Err(ManagementError::ConsultationPending { until: d(6, 15) })
    );
    assert!(
        row.check_consulted(Some(&asked), d(6, 16), &calendar, &policy)
            .is_ok()
    );
    // An answer ends the wait, whatever it says; it is on record.
    let answered = asked.answered(CoManagerAnswer::Objected, d(6, 3));
    assert!(
        row.check_consulted(Some(&answered), d(6, 4), &calendar, &policy)
            .is_ok()
    );
    // Views sought from another body do not count.
    let wrong = Consultation::asked(unit(ORGANS_WORK_COMMITTEE), d(6, 1));
    assert!(
        row.check_consulted(Some(&wrong), d(6, 30), &calendar, &policy)
            .is_err()
    );
    // A row without a co-manager needs nothing.
    let plain = ManagementEntry::for_post(post(301), unit(COUNTY_COMMITTEE));
    assert!(
        plain
            .check_consulted(None, d(6, 1), &calendar, &policy)
            .is_ok()
    );
    let mut short = policy;
    short.reply_working_days = 2;
    assert!(zugong_core::Policy::validate(&short).is_err());
}
