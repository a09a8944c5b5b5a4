//! The 单位 registry: a tree of institutions beside the Party tree, built in any order, every
//! bad registry refused with the rule, subtrees contiguous and roll-ups their parts' sums.

use proptest::prelude::*;
use zugong_core::journal::{Language, Refusal};
use zugong_core::*;

fn id(n: u128) -> InstitutionId {
    InstitutionId::from_uuid(uuid::Uuid::from_u128(n))
}

fn area() -> DivisionCode {
    DivisionCode::from_number(640_121).unwrap()
}

fn inst(n: u128, kind: InstitutionKind) -> Institution {
    Institution::new(id(n), format!("单位{n}"), kind, area())
}

/// 县政府 (1) → 交通运输局 (2) → 办公室 (3), 公路养护中心 (4); 县委 (10) → 组织部 (11); a provincial
/// tax bureau (20) managing the county's (21) vertically.
fn county() -> Vec<Institution> {
    vec![
        inst(4, InstitutionKind::PublicInstitution).under(id(2), Attachment::DirectlyAffiliated),
        inst(3, InstitutionKind::InternalOffice).under(id(2), Attachment::InternalOffice),
        inst(2, InstitutionKind::GovernmentDepartment)
            .graded(LeadershipRank::TownshipSectionChief)
            .under(id(1), Attachment::WorkingDepartment),
        inst(1, InstitutionKind::Government).graded(LeadershipRank::CountyDivisionChief),
        inst(11, InstitutionKind::PartyOrgan).under(id(10), Attachment::WorkingDepartment),
        inst(10, InstitutionKind::PartyOrgan).graded(LeadershipRank::CountyDivisionChief),
        inst(20, InstitutionKind::GovernmentDepartment),
        inst(21, InstitutionKind::GovernmentDepartment).managed(Management::Vertical(id(20))),
    ]
}

#[test]
fn a_county_in_any_order_is_a_tree_with_contiguous_subtrees() {
    let r = InstitutionRegistry::from_institutions(county()).unwrap();
    assert_eq!(r.len(), 8);
    let bureau: Vec<u128> = r
        .subtree(id(2))
        .unwrap()
        .map(|i| i.id.as_uuid().as_u128())
        .collect();
    assert_eq!(bureau.len(), 3);
    assert_eq!(bureau[0], 2, "the bureau first, then what belongs to it");
    assert!(r.is_within(id(4), id(1)).unwrap());
    assert!(
        !r.is_within(id(11), id(1)).unwrap(),
        "the Party organs are another root"
    );
    let up: Vec<u128> = r
        .ancestors(id(3))
        .unwrap()
        .map(|i| i.id.as_uuid().as_u128())
        .collect();
    assert_eq!(up, [2, 1]);
    assert_eq!(r.get(id(21)).unwrap().management.from_above(), Some(id(20)));
    assert_eq!(r.get(id(21)).unwrap().management.to_string(), "垂直管理");
    assert!(r.subtree(id(99)).is_err());
}

#[test]
fn bad_registries_are_refused_with_the_rule() {
    let mut twice = county();
    twice.push(inst(1, InstitutionKind::Government));
    assert_eq!(
        InstitutionRegistry::from_institutions(twice),
        Err(InstitutionError::Duplicate(id(1)))
    );
    let mut orphan = county();
    orphan
        .push(inst(30, InstitutionKind::InternalOffice).under(id(99), Attachment::InternalOffice));
    assert!(matches!(
        InstitutionRegistry::from_institutions(orphan),
        Err(InstitutionError::UnknownParent { .. })
    ));
    let itself = vec![inst(5, InstitutionKind::Government).under(id(5), Attachment::Administered)];
    let e = InstitutionRegistry::from_institutions(itself).unwrap_err();
    assert_eq!(e, InstitutionError::Cycle(id(5)));
    assert!(e.message(Language::Chinese).contains("不能隶属于自身"));
    let circle = vec![
        inst(6, InstitutionKind::Government).under(id(7), Attachment::Administered),
        inst(7, InstitutionKind::Government).under(id(6), Attachment::Administered),
    ];
    assert!(matches!(
        InstitutionRegistry::from_institutions(circle),
        Err(InstitutionError::Cycle(_))
    ));
    let mut unmanaged = county();
    unmanaged
        .push(inst(22, InstitutionKind::GovernmentDepartment).managed(Management::Dual(id(98))));
    assert!(matches!(
        InstitutionRegistry::from_institutions(unmanaged),
        Err(InstitutionError::UnknownManager { .. })
    ));
    let mut above = county();
    above.push(
        inst(23, InstitutionKind::InternalOffice)
            .graded(LeadershipRank::CountyDivisionDeputy)
            .under(id(2), Attachment::InternalOffice),
    );
    assert!(matches!(
        InstitutionRegistry::from_institutions(above),
        Err(InstitutionError::GradedAboveParent { .. })
    ));
    // A stored registry is checked when it is read back.
    let json = r#"{"institutions":[{"id":"00000000-0000-0000-0000-000000000005","name":"x","kind":"government","area":"640121","parent":{"institution":"00000000-0000-0000-0000-000000000005","attachment":"administered"}}]}"#;
    assert!(serde_json::from_str::<InstitutionRegistry>(json).is_err());
}

#[test]
fn kinds_read_their_official_terms() {
    assert_eq!(
        "法院".parse::<InstitutionKind>(),
        Ok(InstitutionKind::Court)
    );
    assert_eq!(InstitutionKind::Township.to_string(), "乡镇");
    assert_eq!(
        "内设机构".parse::<Attachment>(),
        Ok(Attachment::InternalOffice)
    );
    assert!(InstitutionKind::InternalOffice.is_organ());
    assert!(!InstitutionKind::Village.is_organ());
    let r = InstitutionRegistry::from_institutions(county()).unwrap();
    let text = serde_json::to_string(&r).unwrap();
    let back: InstitutionRegistry = serde_json::from_str(&text).unwrap();
    assert_eq!(back, r);
}

proptest! {
    /// Random forests: every institution is in its own subtree and its ancestors'; a roll-up of
    /// ones counts each subtree's size; the root's totals are the sum of all.
    #[test]
    fn subtrees_and_rollups_hold(parents in prop::collection::vec(proptest::option::of(0usize..40), 1..40)) {
        let list: Vec<Institution> = parents
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let me = inst(i as u128 + 1, InstitutionKind::PublicInstitution);
                match p {
                    Some(p) if *p < i => me.under(id(*p as u128 + 1), Attachment::Administered),
                    _ => me,
                }
            })
            .rev()
            .collect();
        let r = InstitutionRegistry::from_institutions(list).unwrap();
        let mut sizes = vec![1u64; r.len()];
        r.rollup_in_place(&mut sizes, |a, b| *a += *b).unwrap();
        for x in r.institutions() {
            let slot = r.slot(x.id).unwrap();
            let members = r.subtree(x.id).unwrap().count() as u64;
            prop_assert_eq!(sizes[slot.index()], members);
            for a in r.ancestors(x.id).unwrap() {
                prop_assert!(r.is_within(x.id, a.id).unwrap());
            }
        }
        let roots: u64 = r
            .institutions()
            .iter()
            .filter(|x| x.parent.is_none())
            .map(|x| sizes[r.slot(x.id).unwrap().index()])
            .sum();
        prop_assert_eq!(roots, r.len() as u64);
        prop_assert!(r.rollup_in_place(&mut [0u64; 0], |a, b| *a += *b).is_err() || r.is_empty());
    }
}

#[test]
fn a_party_organization_sits_in_an_institution_of_its_kind() {
    let registry = InstitutionRegistry::from_institutions(county()).unwrap();
    let unit = |n: u128| OrgUnitId::from_uuid(uuid::Uuid::from_u128(n));
    let branch = |n: u128, host: UnitKind, at: u128| {
        OrgUnit::new(
            unit(n),
            format!("支部{n}"),
            OrgKind::Branch,
            AdminLevel::County,
        )
        .with_host(host)
        .in_institution(id(at))
    };
    // A 机关党支部 in the bureau, one in its office; a 事业单位's branch in the centre.
    let fine = OrgTree::from_units(vec![
        branch(1, UnitKind::Organ, 2),
        branch(2, UnitKind::Organ, 3),
        branch(3, UnitKind::PublicInstitution, 4),
    ])
    .unwrap();
    assert!(check_links(&fine, &registry).is_ok());
    let village_on_bureau = OrgTree::from_units(vec![branch(4, UnitKind::Village, 2)]).unwrap();
    let e = check_links(&village_on_bureau, &registry).unwrap_err();
    assert!(matches!(e, LinkError::WrongKind { .. }));
    assert!(e.message(Language::Chinese).contains("不能设在"));
    let organ_in_centre = OrgTree::from_units(vec![branch(5, UnitKind::Organ, 4)]).unwrap();
    assert!(check_links(&organ_in_centre, &registry).is_err());
    let nowhere = OrgTree::from_units(vec![branch(6, UnitKind::Organ, 99)]).unwrap();
    assert!(matches!(
        check_links(&nowhere, &registry),
        Err(LinkError::UnknownInstitution { .. })
    ));
    // The link is kept through serde, and left out when absent (stored trees read as before).
    let u = branch(7, UnitKind::Organ, 2);
    let text = serde_json::to_string(&u).unwrap();
    assert_eq!(serde_json::from_str::<OrgUnit>(&text).unwrap(), u);
    let bare = OrgUnit::new(unit(8), "x", OrgKind::Branch, AdminLevel::County);
    assert!(
        !serde_json::to_string(&bare)
            .unwrap()
            .contains("institution")
    );
}
