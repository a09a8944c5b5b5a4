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
    let bureau = PostHolder::Institution(inst(10));
    let list = ManagementList::new(vec![ManagementEntry::for_class(
        bureau,
        LeadershipRank::TownshipSectionDeputy,
        unit(COUNTY_COMMITTEE),
    )]);
    let row = *list
        .lookup(
            post(100),
            bureau,
            Some(LeadershipRank::TownshipSectionDeputy),
        )
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
        list.lookup(
            post(100),
            bureau,
            Some(LeadershipRank::TownshipSectionChief)
        )
        .is_none()
    );
}

#[test]
fn a_post_of_its_own_row_is_managed_by_that_row() {
    let office = PostHolder::Institution(inst(20));
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
        .lookup(
            post(200),
            office,
            Some(LeadershipRank::TownshipSectionChief),
        )
        .unwrap();
    assert_eq!(head.manager, unit(PROVINCIAL_TAX));
    assert!(
        head.check_decision(Authority::party_committee(unit(COUNTY_COMMITTEE)))
            .is_err()
    );
    let other = list
        .lookup(
            post(201),
            office,
            Some(LeadershipRank::TownshipSectionChief),
        )
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

#[test]
fn a_disciplinary_post_is_nominated_with_the_discipline_commission() {
    let row = ManagementEntry::for_class(
        PostHolder::Institution(inst(30)),
        LeadershipRank::TownshipSectionChief,
        unit(COUNTY_COMMITTEE),
    );
    let commission = Authority::discipline_commission(unit(COUNTY_COMMITTEE));
    // Without the 纪委's nomination, the 纪委 does no work on the post.
    assert!(matches!(
        row.check_nomination(commission),
        Err(ManagementError::NotItsWork { .. })
    ));
    let row = row.nominated_by(NominationLead::DisciplineCommission);
    assert!(row.check_nomination(commission).is_ok());
    assert!(
        row.check_nomination(Authority::organization_department(unit(COUNTY_COMMITTEE)))
            .is_ok()
    );
    // It nominates and inspects; it neither decides nor does the department's other work.
    assert!(row.check_work(commission).is_err());
    assert!(row.check_decision(commission).is_err());
    // Nor does it run the committee's other processes.
    let tree = OrgTree::from_units(vec![OrgUnit::new(
        unit(COUNTY_COMMITTEE),
        "中共新庄县委员会",
        OrgKind::Committee,
        AdminLevel::County,
    )])
    .unwrap();
    assert!(matches!(
        commission.check_unit(&tree, unit(COUNTY_COMMITTEE)),
        Err(AuthorityError::NotItsWork { .. })
    ));
    assert_eq!(
        "纪委".parse::<AuthorityBody>().unwrap(),
        AuthorityBody::DisciplineCommission
    );
}

/// A city above a county; the county's organs under a 机关工委; a bureau with its branch, a
/// township, a 纪委监委, a vertically managed tax office and a dual-led office.
fn county() -> (OrgTree, InstitutionRegistry) {
    let area: DivisionCode = "640121".parse().unwrap();
    let city_area: DivisionCode = "640100".parse().unwrap();
    let registry = InstitutionRegistry::from_institutions(vec![
        Institution::new(inst(1), "新庄县人民政府", InstitutionKind::Government, area),
        Institution::new(
            inst(2),
            "新庄县交通运输局",
            InstitutionKind::GovernmentDepartment,
            area,
        )
        .under(inst(1), Attachment::WorkingDepartment),
        Institution::new(
            inst(3),
            "新庄县纪委监委",
            InstitutionKind::Supervision,
            area,
        ),
        Institution::new(
            inst(4),
            "市税务局",
            InstitutionKind::GovernmentDepartment,
            city_area,
        ),
        Institution::new(
            inst(5),
            "新庄县税务局",
            InstitutionKind::GovernmentDepartment,
            area,
        )
        .managed(Management::Vertical(inst(4))),
        Institution::new(
            inst(6),
            "新庄县气象局",
            InstitutionKind::PublicInstitution,
            area,
        )
        .managed(Management::Dual(inst(4))),
        Institution::new(inst(7), "新庄县沙洲镇", InstitutionKind::Township, area)
            .under(inst(1), Attachment::Administered),
    ])
    .unwrap();
    let tree = OrgTree::from_units(vec![
        OrgUnit::new(
            unit(100),
            "中共银川市委员会",
            OrgKind::Committee,
            AdminLevel::Prefectural,
        )
        .with_division(city_area),
        OrgUnit::new(
            unit(101),
            "中共市税务局党委",
            OrgKind::Committee,
            AdminLevel::Prefectural,
        )
        .with_parent(unit(100))
        .in_institution(inst(4)),
        OrgUnit::new(
            unit(COUNTY_COMMITTEE),
            "中共新庄县委员会",
            OrgKind::Committee,
            AdminLevel::County,
        )
        .with_parent(unit(100))
        .with_division(area),
        OrgUnit::new(
            unit(ORGANS_WORK_COMMITTEE),
            "中共新庄县直属机关工作委员会",
            OrgKind::WorkingCommittee,
            AdminLevel::County,
        )
        .with_parent(unit(COUNTY_COMMITTEE)),
        OrgUnit::new(
            unit(102),
            "新庄县交通运输局机关党支部",
            OrgKind::Branch,
            AdminLevel::County,
        )
        .with_parent(unit(ORGANS_WORK_COMMITTEE))
        .with_host(UnitKind::Organ)
        .in_institution(inst(2)),
        OrgUnit::new(
            unit(103),
            "中共新庄县沙洲镇委员会",
            OrgKind::Committee,
            AdminLevel::Township,
        )
        .with_parent(unit(COUNTY_COMMITTEE))
        .in_institution(inst(7)),
    ])
    .unwrap();
    (tree, registry)
}

#[test]
fn one_level_down_makes_the_default_list() {
    let (tree, registry) = county();
    let chief = LeadershipRank::TownshipSectionChief;
    let classes = [
        (PostHolder::Institution(inst(2)), chief),
        (PostHolder::Institution(inst(2)), chief),
        (PostHolder::Institution(inst(3)), chief),
        (PostHolder::Institution(inst(5)), chief),
        (PostHolder::Institution(inst(6)), chief),
        (PostHolder::Institution(inst(7)), chief),
        (PostHolder::PartyCommittee(unit(103)), chief),
        (
            PostHolder::PartyCommittee(unit(COUNTY_COMMITTEE)),
            LeadershipRank::CountyDivisionChief,
        ),
        (
            PostHolder::PartyCommittee(unit(100)),
            LeadershipRank::BureauDepartmentChief,
        ),
    ];
    let list =
        ManagementList::one_level_down(&tree, &registry, &JurisdictionPolicy::default(), classes);
    let row = |h: PostHolder, r: LeadershipRank| *list.lookup(post(1), h, Some(r)).unwrap();
    // Duplicates give one row; the city's own leaders have no committee above them here.
    assert_eq!(list.entries.len(), 7);
    assert!(
        list.lookup(
            post(1),
            PostHolder::PartyCommittee(unit(100)),
            Some(LeadershipRank::BureauDepartmentChief)
        )
        .is_none()
    );
    // The bureau's 局长: the county committee, not the 机关工委 the branch sits under.
    let bureau = row(PostHolder::Institution(inst(2)), chief);
    assert_eq!(bureau.manager, unit(COUNTY_COMMITTEE));
    assert_eq!(bureau.co_manager, None);
    // The 纪委监委 has no Party organization of its own here: its area's committee manages,
    // and the 纪委 nominates with the department.
    let supervision = row(PostHolder::Institution(inst(3)), chief);
    assert_eq!(supervision.manager, unit(COUNTY_COMMITTEE));
    assert_eq!(supervision.nomination, NominationLead::DisciplineCommission);
    // Vertically managed: the system's committee manages, the county co-manages.
    let tax = row(PostHolder::Institution(inst(5)), chief);
    assert_eq!(tax.manager, unit(101));
    assert_eq!(tax.co_manager, Some(unit(COUNTY_COMMITTEE)));
    // Dual leadership: the county manages, the system co-manages.
    let weather = row(PostHolder::Institution(inst(6)), chief);
    assert_eq!(weather.manager, unit(COUNTY_COMMITTEE));
    assert_eq!(weather.co_manager, Some(unit(101)));
    // The township and its committee: the county (a township committee manages no rank).
    assert_eq!(
        row(PostHolder::Institution(inst(7)), chief).manager,
        unit(COUNTY_COMMITTEE)
    );
    assert_eq!(
        row(PostHolder::PartyCommittee(unit(103)), chief).manager,
        unit(COUNTY_COMMITTEE)
    );
    // The county's 县委书记: the city.
    assert_eq!(
        row(
            PostHolder::PartyCommittee(unit(COUNTY_COMMITTEE)),
            LeadershipRank::CountyDivisionChief
        )
        .manager,
        unit(100)
    );
    // Under 下管两级 the nearest committee that manages the rank still comes first.
    let two = ManagementList::one_level_down(
        &tree,
        &registry,
        &JurisdictionPolicy { levels_down: 2 },
        [(PostHolder::Institution(inst(2)), chief)],
    );
    assert_eq!(two.entries[0].manager, unit(COUNTY_COMMITTEE));
}

#[test]
fn post_holders_pool_upward_in_their_own_tree() {
    let (tree, registry) = county();
    assert_eq!(
        PostHolder::Institution(inst(2)).above(&tree, &registry),
        vec![PostHolder::Institution(inst(1))]
    );
    assert_eq!(
        PostHolder::PartyCommittee(unit(103)).above(&tree, &registry),
        vec![
            PostHolder::PartyCommittee(unit(COUNTY_COMMITTEE)),
            PostHolder::PartyCommittee(unit(100))
        ]
    );
    assert!(
        PostHolder::Institution(inst(99))
            .above(&tree, &registry)
            .is_empty()
    );
    assert_eq!(
        PostHolder::Institution(inst(2)).name(&tree, &registry),
        Some("新庄县交通运输局")
    );
    assert!(PostHolder::PartyCommittee(unit(103)).is_party_body());
    // A committee's posts sit in the 单位 it is set up in.
    assert_eq!(
        PostHolder::PartyCommittee(unit(103)).seated_in(&tree),
        Some(inst(7))
    );
    assert_eq!(
        PostHolder::PartyCommittee(unit(COUNTY_COMMITTEE)).seated_in(&tree),
        None
    );
    assert_eq!(
        PostHolder::of_party_organization(unit(102), OrgKind::Branch),
        None
    );
    assert_eq!(
        PostHolder::of_party_organization(unit(3), OrgKind::LeadingGroup),
        Some(PostHolder::LeadingGroup(unit(3)))
    );
}

#[test]
fn an_institution_names_the_party_organization_that_leads_it() {
    let area: DivisionCode = "640121".parse().unwrap();
    let tree = OrgTree::from_units(vec![
        OrgUnit::new(
            unit(COUNTY_COMMITTEE),
            "中共新庄县委员会",
            OrgKind::Committee,
            AdminLevel::County,
        )
        .with_division(area),
        OrgUnit::new(
            unit(103),
            "中共新庄县人民政府党组",
            OrgKind::LeadingGroup,
            AdminLevel::County,
        )
        .with_parent(unit(COUNTY_COMMITTEE)),
    ])
    .unwrap();
    // The government is led by a committee the tree holds: its posts hang from it.
    let led = InstitutionRegistry::from_institutions(vec![
        Institution::new(inst(1), "新庄县人民政府", InstitutionKind::Government, area)
            .led_by(unit(103))
            .with_establishment(30),
    ])
    .unwrap();
    assert!(check_links(&tree, &led).is_ok());
    assert_eq!(
        PartyPlacement::new(&tree).anchor(&led, inst(1)),
        Some(unit(103))
    );
    assert_eq!(led.establishment_rollup(), vec![30]);
    // A leader the tree lacks is refused, with the rule.
    let ghost = InstitutionRegistry::from_institutions(vec![
        Institution::new(inst(1), "新庄县人民政府", InstitutionKind::Government, area)
            .led_by(unit(999)),
    ])
    .unwrap();
    let e = check_links(&tree, &ghost).unwrap_err();
    assert!(matches!(e, LinkError::UnknownLeader { .. }));
    assert!(e.message(Language::Chinese).contains("领导党组织"));
    // Without a leader, the area's committee.
    let plain = InstitutionRegistry::from_institutions(vec![Institution::new(
        inst(1),
        "新庄县人民政府",
        InstitutionKind::Government,
        area,
    )])
    .unwrap();
    assert_eq!(
        PartyPlacement::new(&tree).anchor(&plain, inst(1)),
        Some(unit(COUNTY_COMMITTEE))
    );
    let json = serde_json::to_string(led.institutions()).unwrap();
    let back: Vec<Institution> = serde_json::from_str(&json).unwrap();
    assert_eq!(back, led.institutions());
}
