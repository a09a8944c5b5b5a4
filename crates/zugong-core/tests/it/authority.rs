use zugong_core::*;

use crate::support::{county_tree, unit_id};

#[test]
fn subtree_jurisdiction() {
    let tree = county_tree();
    let town = Authority::organization_department(unit_id(10));
    assert!(town.check_unit(&tree, unit_id(100)).is_ok());
    let outside = town.check_unit(&tree, unit_id(101)).unwrap_err();
    assert!(matches!(
        &outside,
        AuthorityError::OutsideSubtree { authority, target, .. }
            if *authority == unit_id(10) && *target == unit_id(101)
    ));
    // Messages name the units, never their ids, in both languages.
    use zugong_core::journal::{Language, Refusal};
    for lang in [Language::Chinese, Language::English] {
        let text = outside.message(lang);
        assert!(!text.contains(&unit_id(101).to_string()), "{text}");
        let names = [
            &tree.get(unit_id(10)).unwrap().name,
            &tree.get(unit_id(101)).unwrap().name,
        ];
        assert!(names.iter().all(|n| text.contains(n.as_str())), "{text}");
    }
    assert_eq!(
        town.check_unit(&tree, unit_id(999)),
        Err(AuthorityError::UnknownUnit(unit_id(999)))
    );
    let ghost = Authority::party_committee(unit_id(998));
    assert_eq!(
        ghost.check_unit(&tree, unit_id(100)),
        Err(AuthorityError::UnknownUnit(unit_id(998)))
    );
    let branch = Authority::party_committee(unit_id(100));
    assert_eq!(
        branch.check_unit(&tree, unit_id(100)),
        Err(AuthorityError::NotACommittee {
            unit: unit_id(100),
            name: tree.get(unit_id(100)).unwrap().name.clone(),
            kind: OrgKind::Branch
        })
    );
}

#[test]
fn one_level_down() {
    let tree = county_tree();
    let policy = JurisdictionPolicy::default();
    let county = Authority::party_committee(unit_id(1));
    assert_eq!(
        county.managed_rank_levels(&tree, &policy).unwrap(),
        [RankLevel::TownshipSection]
    );
    assert!(
        county
            .check_post(
                &tree,
                &policy,
                unit_id(10),
                LeadershipRank::TownshipSectionDeputy
            )
            .is_ok()
    );
    let err = county
        .check_post(
            &tree,
            &policy,
            unit_id(1),
            LeadershipRank::CountyDivisionDeputy,
        )
        .unwrap_err();
    assert_eq!(
        err,
        AuthorityError::RankOutsideJurisdiction {
            rank: LeadershipRank::CountyDivisionDeputy,
            authority_level: AdminLevel::County
        }
    );
    assert!(err.citation().article.contains("下管一级"));
    // A township committee manages no leadership ranks at all.
    let town = Authority::party_committee(unit_id(10));
    assert!(town.managed_rank_levels(&tree, &policy).unwrap().is_empty());
    // Two levels down is configurable.
    let two = JurisdictionPolicy { levels_down: 2 };
    assert!(two.validate().is_ok());
    assert!(JurisdictionPolicy { levels_down: 0 }.validate().is_err());
    assert_eq!(
        county.managed_rank_levels(&tree, &two).unwrap(),
        [RankLevel::TownshipSection]
    );
}
