use proptest::prelude::*;
use zugong_core::*;

use crate::support::{county_tree, unit_id};

#[derive(Debug, Clone)]
enum Op {
    Insert {
        parent: Option<usize>,
        kind: usize,
        level: usize,
    },
    Move {
        unit: usize,
        parent: usize,
    },
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => (prop::option::weighted(0.9, 0usize..64), 0usize..OrgKind::ALL.len(), 0usize..AdminLevel::ALL.len())
            .prop_map(|(parent, kind, level)| Op::Insert { parent, kind, level }),
        1 => (0usize..64, 0usize..64).prop_map(|(unit, parent)| Op::Move { unit, parent }),
    ]
}

/// Ancestors of `slot` by walking parent links (the naive reference).
fn walk_up(tree: &OrgTree, id: OrgUnitId) -> Vec<OrgUnitId> {
    let mut out = Vec::new();
    let mut cur = tree.get(id).unwrap().parent;
    while let Some(p) = cur {
        assert!(out.len() <= tree.len(), "cycle through {p}");
        out.push(p);
        cur = tree.get(p).unwrap().parent;
    }
    out
}

fn check_index(tree: &OrgTree) {
    let ids: Vec<OrgUnitId> = tree.units().iter().map(|u| u.id).collect();
    let ancestors: Vec<Vec<OrgUnitId>> = ids.iter().map(|&i| walk_up(tree, i)).collect();
    for (i, &a) in ids.iter().enumerate() {
        assert_eq!(tree.depth(a).unwrap() as usize, ancestors[i].len());
        let via_api: Vec<OrgUnitId> = tree.ancestors(a).unwrap().map(|u| u.id).collect();
        assert_eq!(via_api, ancestors[i]);
        for &b in &ids {
            let naive = a == b || ancestors[i].contains(&b);
            assert_eq!(tree.is_within(a, b).unwrap(), naive, "{a} within {b}");
        }
        let children: Vec<OrgUnitId> = tree.children(a).unwrap().map(|u| u.id).collect();
        let naive_children: Vec<OrgUnitId> = tree
            .units()
            .iter()
            .filter(|u| u.parent == Some(a))
            .map(|u| u.id)
            .collect();
        assert_eq!(children, naive_children);
        let mut subtree: Vec<OrgUnitId> = tree.subtree(a).unwrap().map(|u| u.id).collect();
        assert_eq!(subtree.first(), Some(&a));
        subtree.sort();
        let mut naive_subtree: Vec<OrgUnitId> = ids
            .iter()
            .enumerate()
            .filter(|(j, x)| **x == a || ancestors[*j].contains(&a))
            .map(|(_, x)| *x)
            .collect();
        naive_subtree.sort();
        assert_eq!(subtree, naive_subtree);
    }
    // Rollup of 1 per unit is the subtree size; of slot numbers, the naive sum.
    let values: Vec<u64> = (0..tree.len() as u64).collect();
    let rolled = tree.rollup(&values).unwrap();
    for (i, &a) in ids.iter().enumerate() {
        let naive: u64 = ids
            .iter()
            .enumerate()
            .filter(|(j, x)| **x == a || ancestors[*j].contains(&a))
            .map(|(j, _)| j as u64)
            .sum();
        assert_eq!(rolled[i], naive);
    }
    // Preorder puts every parent before its children.
    let pos: std::collections::HashMap<UnitSlot, usize> =
        tree.preorder().enumerate().map(|(i, s)| (s, i)).collect();
    for s in tree.preorder() {
        if let Some(p) = tree.parent_slot(s) {
            assert!(pos[&p] < pos[&s]);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn random_operations_keep_the_tree_acyclic_and_indexed(ops in prop::collection::vec(op(), 1..60)) {
        let mut tree = OrgTree::new();
        let mut next = 1u128;
        for op in ops {
            let before = tree.clone();
            match op {
                Op::Insert { parent, kind, level } => {
                    let parent = parent.and_then(|p| tree.units().get(p % tree.len().max(1)).cloned());
                    let mut unit = OrgUnit::new(unit_id(next), format!("组织{next}"), OrgKind::ALL[kind], AdminLevel::ALL[level]);
                    next += 1;
                    if let Some(p) = &parent {
                        unit = unit.with_parent(p.id);
                    }
                    let allowed = parent.as_ref().is_none_or(|p| unit.may_sit_under(p));
                    let result = tree.insert(unit);
                    prop_assert_eq!(result.is_ok(), allowed);
                }
                Op::Move { unit, parent } => {
                    if tree.is_empty() { continue; }
                    let u = tree.units()[unit % tree.len()].clone();
                    let p = tree.units()[parent % tree.len()].clone();
                    let cycle = p.id == u.id || walk_up(&tree, p.id).contains(&u.id);
                    let result = tree.move_unit(u.id, p.id);
                    match result {
                        Err(OrgTreeError::Cycle { .. }) => prop_assert!(cycle),
                        Err(OrgTreeError::RanksAboveParent { .. }) => prop_assert!(!cycle && !u.may_sit_under(&p)),
                        Err(e) => prop_assert!(false, "unexpected {e}"),
                        Ok(()) => prop_assert!(!cycle && u.may_sit_under(&p)),
                    }
                }
            }
            if tree != before {
                // Only accepted operations change the tree.
                prop_assert!(tree.len() >= before.len());
            }
            check_index(&tree);
        }
        // Rebuilding from the stored units gives the same tree.
        let rebuilt = OrgTree::from_units(tree.units().to_vec()).unwrap();
        prop_assert_eq!(&rebuilt, &tree);
        let json = serde_json::to_string(&tree).unwrap();
        prop_assert_eq!(serde_json::from_str::<OrgTree>(&json).unwrap(), tree);
    }
}

#[test]
fn refused_changes_leave_the_tree_unchanged() {
    let mut tree = county_tree();
    let before = tree.clone();
    let bad = OrgUnit::new(
        unit_id(500),
        "某镇党委",
        OrgKind::Committee,
        AdminLevel::Township,
    )
    .with_parent(unit_id(100));
    assert!(matches!(
        tree.insert(bad),
        Err(OrgTreeError::RanksAboveParent { .. })
    ));
    assert_eq!(
        tree.insert(OrgUnit::new(
            unit_id(100),
            "重复",
            OrgKind::Branch,
            AdminLevel::Village
        )),
        Err(OrgTreeError::DuplicateUnit(unit_id(100)))
    );
    assert_eq!(
        tree.insert(
            OrgUnit::new(
                unit_id(501),
                "孤儿支部",
                OrgKind::Branch,
                AdminLevel::Village
            )
            .with_parent(unit_id(999))
        ),
        Err(OrgTreeError::UnknownParent {
            unit: unit_id(501),
            parent: unit_id(999)
        })
    );
    assert_eq!(
        tree.insert(
            OrgUnit::new(unit_id(502), "  ", OrgKind::Branch, AdminLevel::Village)
                .with_parent(unit_id(10))
        ),
        Err(OrgTreeError::EmptyName(unit_id(502)))
    );
    assert_eq!(
        tree.move_unit(unit_id(1), unit_id(10)),
        Err(OrgTreeError::Cycle {
            unit: unit_id(1),
            parent: unit_id(10)
        })
    );
    assert_eq!(
        tree.move_unit(unit_id(999), unit_id(10)),
        Err(OrgTreeError::UnknownUnit(unit_id(999)))
    );
    assert_eq!(
        tree.move_unit(unit_id(100), unit_id(999)),
        Err(OrgTreeError::UnknownParent {
            unit: unit_id(100),
            parent: unit_id(999)
        })
    );
    assert!(
        tree.extend([
            OrgUnit::new(unit_id(503), "x", OrgKind::Branch, AdminLevel::Village)
                .with_parent(unit_id(998))
        ])
        .is_err()
    );
    assert_eq!(tree, before);
    assert_eq!(
        tree.rollup(&[1u32, 2]),
        Err(OrgTreeError::LengthMismatch {
            expected: 5,
            found: 2
        })
    );
    assert_eq!(
        tree.depth(unit_id(999)),
        Err(OrgTreeError::UnknownUnit(unit_id(999)))
    );
    assert!(tree.is_within(unit_id(100), unit_id(999)).is_err());
}

#[test]
fn batch_load_finds_cycles_and_accepts_any_order() {
    let a = OrgUnit::new(unit_id(1), "甲党委", OrgKind::Committee, AdminLevel::County)
        .with_parent(unit_id(2));
    let b = OrgUnit::new(unit_id(2), "乙党委", OrgKind::Committee, AdminLevel::County)
        .with_parent(unit_id(1));
    assert!(matches!(
        OrgTree::from_units(vec![a, b]),
        Err(OrgTreeError::Cycle { .. })
    ));
    let selfish = OrgUnit::new(unit_id(3), "丙党委", OrgKind::Committee, AdminLevel::County)
        .with_parent(unit_id(3));
    assert!(matches!(
        OrgTree::from_units(vec![selfish]),
        Err(OrgTreeError::Cycle { .. })
    ));

    // Children listed before their parents still load.
    let mut units = county_tree().units().to_vec();
    units.reverse();
    let tree = OrgTree::from_units(units).unwrap();
    assert!(tree.is_within(unit_id(101), unit_id(1)).unwrap());
    assert!(!tree.is_within(unit_id(101), unit_id(10)).unwrap());
    let json = r#"[{"id":"00000000-0000-0000-0000-000000000002","name":"x","kind":"branch","level":"village","parent":"00000000-0000-0000-0000-000000000001"}]"#;
    let err = serde_json::from_str::<OrgTree>(json).unwrap_err();
    assert!(err.to_string().contains("unknown parent"), "{err}");
}

#[test]
fn move_and_queries() {
    let mut tree = county_tree();
    tree.move_unit(unit_id(101), unit_id(10)).unwrap();
    let kids: Vec<_> = tree
        .children(unit_id(10))
        .unwrap()
        .map(|u| u.name.clone())
        .collect();
    assert_eq!(kids, ["东和村党支部", "西河村党支部"]);
    assert_eq!(tree.children(unit_id(11)).unwrap().count(), 0);
    let town = tree
        .nearest(unit_id(101), |u| u.kind == OrgKind::Committee)
        .unwrap()
        .unwrap();
    assert_eq!(town.id, unit_id(10));
    assert_eq!(tree.parent(unit_id(1)).unwrap(), None);
}
