use proptest::prelude::*;
use zugong_branch::*;
use zugong_core::*;

use crate::support::*;

fn seat(role: CommitteeRole, held: bool) -> CommitteeSeat {
    CommitteeSeat {
        role,
        holder: held.then(|| PersonId::from_uuid(uuid::Uuid::from_u128(role as u128 + 1))),
        vacant_since: (!held).then(|| d(1, 5)),
    }
}

#[test]
fn branch_structure_at_its_thresholds() {
    let policy = BranchStructurePolicy::default();
    let mut b = Branch {
        unit: id(100),
        kind: UnitKind::Village,
        full_members: 6,
        probationary_members: 1,
        seats: vec![seat(CommitteeRole::Secretary, true)],
    };
    assert!(
        b.structure_findings(&policy).is_empty(),
        "6 full members need no committee"
    );
    b.full_members = 7;
    assert_eq!(
        b.structure_findings(&policy),
        [StructureFinding::CommitteeRequired { filled: 1 }]
    );
    b.seats = vec![
        seat(CommitteeRole::Secretary, false),
        seat(CommitteeRole::Organization, true),
        seat(CommitteeRole::Publicity, true),
        seat(CommitteeRole::Discipline, true),
    ];
    assert_eq!(b.secretary_vacant_since(), Some(d(1, 5)));
    assert_eq!(
        b.structure_findings(&policy),
        [StructureFinding::VacantSeat {
            role: CommitteeRole::Secretary,
            since: Some(d(1, 5))
        }]
    );
    b.full_members = 2;
    b.probationary_members = 49;
    let f = b.structure_findings(&policy);
    assert!(f.contains(&StructureFinding::TooFewMembers { full: 2 }));
    assert!(f.contains(&StructureFinding::Oversized { members: 51 }));
    b.seats = (0..8).map(|_| seat(CommitteeRole::Member, true)).collect();
    assert!(
        b.structure_findings(&policy)
            .contains(&StructureFinding::CommitteeTooLarge { seats: 8 })
    );
    assert!(
        BranchStructurePolicy {
            committee_size: (5, 3),
            ..policy
        }
        .validate()
        .is_err()
    );
    assert_eq!(
        "组织委员".parse::<CommitteeRole>(),
        Ok(CommitteeRole::Organization)
    );
}

fn task(
    branch: u128,
    source: u128,
    due: (u32, u32),
    done: Option<(u32, u32)>,
    hours: u32,
) -> PushedTask {
    PushedTask {
        branch: id(branch),
        source: id(source),
        title: "报送专项统计表".into(),
        assigned_on: d(3, 1),
        due_on: d(due.0, due.1),
        done_on: done.map(|(m, dd)| d(m, dd)),
        hours,
        basis: TaskBasis::Assigned,
    }
}

#[test]
fn burden_per_branch_and_source() {
    let tree = tree();
    let tasks = vec![
        task(100, 1, (3, 10), Some((3, 9)), 4),
        task(100, 10, (3, 10), None, 6),
        task(100, 10, (6, 1), None, 2),
        task(110, 1, (3, 5), Some((3, 20)), 3),
    ];
    let r = burden_report(&tree, &tasks, d(4, 1)).unwrap();
    let b = r.by_branch[&id(100)];
    assert_eq!((b.tasks, b.hours, b.open, b.overdue), (3, 12, 2, 1));
    assert_eq!(r.by_source[&id(1)].tasks, 2);
    assert_eq!(r.by_source_level[&AdminLevel::Township].hours, 8);
    assert_eq!(r.by_branch[&id(110)].overdue, 0, "done late, but done");
    assert_eq!(
        burden_report(&tree, &[task(100, 11, (3, 10), None, 1)], d(4, 1)),
        Err(BurdenError::OutsideArea {
            index: 0,
            pushed_by: id(11),
            branch: id(100)
        })
    );
    assert_eq!(
        burden_report(&tree, &[task(100, 999, (3, 10), None, 1)], d(4, 1)),
        Err(BurdenError::UnknownUnit {
            index: 0,
            unit: id(999)
        })
    );
    assert_eq!(
        burden_report(&tree, &[task(100, 10, (2, 1), None, 1)], d(4, 1)),
        Err(BurdenError::DueBeforeAssigned(0))
    );
    assert!(
        burden_report(&tree, &tasks, d(2, 1))
            .unwrap()
            .by_branch
            .is_empty(),
        "nothing assigned yet"
    );
}

proptest! {
    #[test]
    fn star_rollup_matches_a_naive_count(rows in prop::collection::vec((0usize..2, 0u8..=5, 0u8..3, any::<bool>()), 0..50)) {
        let tree = tree();
        let branches = [id(100), id(110)];
        let rows: Vec<BranchRow> = rows
            .iter()
            .map(|(b, s, w, due)| BranchRow {
                unit: tree.slot(branches[*b]).unwrap().index() as u32,
                stars: StarLevel::new(*s).unwrap(),
                rectification: [RectificationStatus::None, RectificationStatus::UnderRectification, RectificationStatus::Closed][usize::from(*w)],
                reinspection_due: *due,
            })
            .collect();
        let totals = star_rollup(&tree, &rows).unwrap();
        for u in tree.units() {
            let slot = tree.slot(u.id).unwrap().index();
            let mine: Vec<&BranchRow> = rows
                .iter()
                .filter(|r| tree.is_within(tree.units()[r.unit as usize].id, u.id).unwrap())
                .collect();
            let got = totals[slot];
            prop_assert_eq!(got.total(), mine.len() as u64);
            for s in 0..6u8 {
                prop_assert_eq!(got.by_stars[usize::from(s)], mine.iter().filter(|r| r.stars.get() == s).count() as u64);
            }
            prop_assert_eq!(got.weak_open, mine.iter().filter(|r| r.rectification == RectificationStatus::UnderRectification).count() as u64);
            prop_assert_eq!(got.reinspection_due, mine.iter().filter(|r| r.reinspection_due).count() as u64);
        }
        let trend = totals[0].change_from(&StarDistribution::default());
        prop_assert_eq!(trend.iter().sum::<i64>(), rows.len() as i64);
    }
}

#[test]
fn rollup_rows_outside_the_tree() {
    let tree = tree();
    let rows = [BranchRow {
        unit: 9,
        stars: StarLevel::FIVE,
        rectification: RectificationStatus::None,
        reinspection_due: false,
    }];
    assert_eq!(
        star_rollup(&tree, &rows),
        Err(BranchRollupError::UnknownUnit {
            row: 0,
            unit: 9,
            units: 5
        })
    );
}

/// A county with a township, a village under it, and a county department beside the
/// township.
fn county_with_a_department() -> OrgTree {
    OrgTree::from_units(vec![
        OrgUnit::new(
            id(1),
            "中共永宁县委员会",
            OrgKind::Committee,
            AdminLevel::County,
        ),
        OrgUnit::new(
            id(10),
            "中共闽宁镇委员会",
            OrgKind::Committee,
            AdminLevel::Township,
        )
        .with_parent(id(1)),
        OrgUnit::new(
            id(11),
            "中共望洪镇委员会",
            OrgKind::Committee,
            AdminLevel::Township,
        )
        .with_parent(id(1)),
        OrgUnit::new(
            id(20),
            "中共永宁县农业农村局党组",
            OrgKind::LeadingGroup,
            AdminLevel::County,
        )
        .with_parent(id(1)),
        OrgUnit::new(
            id(100),
            "原隆村党支部",
            OrgKind::Branch,
            AdminLevel::Village,
        )
        .with_parent(id(10)),
        OrgUnit::new(
            id(200),
            "外县某村党支部",
            OrgKind::Branch,
            AdminLevel::Village,
        ),
    ])
    .unwrap()
}

#[test]
fn matters_from_county_departments_are_line_and_from_committees_above_block() {
    let tree = county_with_a_department();
    assert_eq!(source_kind(&tree, id(100), id(10)), Ok(SourceKind::Block));
    assert_eq!(source_kind(&tree, id(100), id(1)), Ok(SourceKind::Block));
    assert_eq!(source_kind(&tree, id(100), id(20)), Ok(SourceKind::Line));
    // A neighbouring township is neither; nor is a unit of another county, nor the branch.
    for other in [11, 200, 100] {
        assert!(
            matches!(
                source_kind(&tree, id(100), id(other)),
                Err(BurdenError::OutsideArea { .. })
            ),
            "{other}"
        );
    }
    let mut tasks: Vec<PushedTask> = (0..13).map(|_| task(100, 20, (3, 10), None, 2)).collect();
    tasks.push(task(100, 10, (3, 10), Some((3, 5)), 1));
    tasks[0].basis = TaskBasis::TerritorialManagement;
    tasks[1].basis = TaskBasis::TerritorialManagement;
    let r = burden_report(&tree, &tasks, d(4, 1)).unwrap();
    assert_eq!(r.by_source_kind[&SourceKind::Line].tasks, 13);
    assert_eq!(r.by_source_kind[&SourceKind::Block].tasks, 1);
    assert_eq!((r.territorial.tasks, r.territorial.hours), (2, 4));
    // 13 matters onto one village: over the 12 a source may push onto each organization.
    assert_eq!(r.heavy_sources.len(), 1);
    assert_eq!(
        (
            r.heavy_sources[0].source,
            r.heavy_sources[0].kind,
            r.heavy_sources[0].tasks
        ),
        (id(20), SourceKind::Line, 13)
    );
    // 12 would not be.
    let r = burden_report(&tree, &tasks[1..], d(4, 1)).unwrap();
    assert!(r.heavy_sources.is_empty());
    assert_eq!("条".parse::<SourceKind>(), Ok(SourceKind::Line));
    assert_eq!(TaskBasis::TerritorialManagement.to_string(), "属地管理");
}

#[test]
fn meetings_attended_for_others_count_beside_the_matters() {
    let tree = county_with_a_department();
    let tasks = vec![task(100, 20, (3, 10), None, 2)];
    let meetings = vec![
        SummonedMeeting::new(id(100), id(20), d(3, 2), 2, "秸秆禁烧动员会"),
        SummonedMeeting::new(id(100), id(10), d(3, 9), 1, "观摩会"),
        SummonedMeeting::new(id(100), id(20), d(5, 1), 3, "after the report date"),
    ];
    let r =
        burden_report_with(&tree, &tasks, &meetings, d(4, 1), &BurdenPolicy::default()).unwrap();
    let village = r.by_branch[&id(100)];
    assert_eq!(
        (
            village.tasks,
            village.hours,
            village.meetings,
            village.meeting_attendances
        ),
        (1, 2, 2, 3)
    );
    assert_eq!(r.by_source_kind[&SourceKind::Line].meetings, 1);
    assert_eq!(r.by_source_kind[&SourceKind::Block].meetings, 1);
    assert_eq!(
        r.by_source[&id(10)].tasks,
        0,
        "the town called a meeting and pushed no matter"
    );
    // A meeting called by a neighbouring township is neither 条 nor 块.
    let stray = [SummonedMeeting::new(id(100), id(11), d(3, 2), 1, "x")];
    assert!(matches!(
        burden_report_with(&tree, &[], &stray, d(4, 1), &BurdenPolicy::default()),
        Err(BurdenError::MeetingOutsideArea { index: 0, .. })
    ));
    let unknown = [SummonedMeeting::new(id(100), id(999), d(3, 2), 1, "x")];
    assert!(matches!(
        burden_report_with(&tree, &[], &unknown, d(4, 1), &BurdenPolicy::default()),
        Err(BurdenError::UnknownMeetingUnit { index: 0, .. })
    ));
}

/// A branch needs three full members (党章 第三十条; 支部工作条例): two is refused where the
/// policy is read, four is a province's stricter rule.
#[test]
fn branch_structure_policy_refuses_loosening_where_it_is_read() {
    let with = |field: &str, value: serde_json::Value| {
        let mut v = serde_json::to_value(BranchStructurePolicy::default()).unwrap();
        v[field] = value;
        serde_json::from_value::<BranchStructurePolicy>(v)
    };
    assert!(with("min_full_members", serde_json::json!(3)).is_ok());
    assert!(with("min_full_members", serde_json::json!(4)).is_ok());
    let e = with("min_full_members", serde_json::json!(2)).unwrap_err();
    assert!(e.to_string().contains("min_full_members"), "{e}");
    assert!(with("committee_required_at", serde_json::json!(8)).is_err());
    assert!(with("committee_max", serde_json::json!(9)).is_err());
}
