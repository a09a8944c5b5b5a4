//! Organization-tree bulk work at province scale: a 1,000,000-unit tree.
//!
//! Each group runs the library call beside a hand-written loop over flat arrays and the
//! naive parent-link walk, on the same data, so the report reads as ratios.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    missing_docs
)]

use std::hint::black_box;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use zugong_core::{AdminLevel, OrgKind, OrgTree, OrgUnit, OrgUnitId, UnitSlot};

const TARGET_UNITS: usize = 1_000_000;

/// Province → 5 cities → 22 counties each → 20 townships each → 30 branches each → Party
/// groups under the branches until the tree has 1,000,000 units. Parents come first.
fn province_units() -> Vec<OrgUnit> {
    let id = |n: usize| OrgUnitId::from_uuid(uuid::Uuid::from_u128(n as u128 + 1));
    let mut units = vec![OrgUnit::new(
        id(0),
        "中共宁夏回族自治区委员会",
        OrgKind::Committee,
        AdminLevel::Provincial,
    )];
    let mut layer = vec![0usize];
    let shape = [
        (5, OrgKind::Committee, AdminLevel::Prefectural),
        (22, OrgKind::Committee, AdminLevel::County),
        (20, OrgKind::Committee, AdminLevel::Township),
        (30, OrgKind::Branch, AdminLevel::Village),
    ];
    for (fanout, kind, level) in shape {
        let mut next = Vec::new();
        for &p in &layer {
            for _ in 0..fanout {
                let n = units.len();
                units.push(OrgUnit::new(id(n), format!("单位{n}"), kind, level).with_parent(id(p)));
                next.push(n);
            }
        }
        layer = next;
    }
    let branches = layer;
    let mut k = 0;
    while units.len() < TARGET_UNITS {
        let p = branches[k % branches.len()];
        let n = units.len();
        units.push(
            OrgUnit::new(
                id(n),
                format!("党小组{n}"),
                OrgKind::Group,
                AdminLevel::Village,
            )
            .with_parent(id(p)),
        );
        k += 1;
    }
    units
}

/// Deterministic pseudo-random pairs of slots.
fn pairs(n: usize, count: usize) -> Vec<(usize, usize)> {
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        (x % n as u64) as usize
    };
    // Scopes are biased towards committees (the first 2,316 units), as real checks are.
    (0..count).map(|_| (next(), next() % 2_316)).collect()
}

fn bench(c: &mut Criterion) {
    let units = province_units();
    let tree = OrgTree::from_units(units.clone()).unwrap();
    let n = tree.len();
    // Flat parent array (parents before children) for the hand-written and naive loops.
    let parents: Vec<u32> = (0..n)
        .map(|i| {
            tree.parent_slot(slot_of(&tree, &units, i))
                .map_or(u32::MAX, |p| p.index() as u32)
        })
        .collect();
    let slots: Vec<UnitSlot> = (0..n).map(|i| slot_of(&tree, &units, i)).collect();
    let queries = pairs(n, 100_000);

    let mut g = c.benchmark_group("is_within (100k queries, 1M units)");
    g.bench_function("library is_within_slot (preorder index)", |b| {
        b.iter(|| {
            queries
                .iter()
                .filter(|(a, s)| tree.is_within_slot(slots[*a], slots[*s]))
                .count()
        })
    });
    g.bench_function("library is_within (by id)", |b| {
        b.iter(|| {
            queries
                .iter()
                .filter(|(a, s)| tree.is_within(units[*a].id, units[*s].id).unwrap())
                .count()
        })
    });
    g.bench_function("naive parent walk (by id, through OrgTree::parent)", |b| {
        b.iter(|| {
            queries
                .iter()
                .filter(|(a, s)| {
                    let scope = units[*s].id;
                    let mut cur = Some(units[*a].id);
                    while let Some(c) = cur {
                        if c == scope {
                            return true;
                        }
                        cur = tree.parent(c).unwrap().map(|p| p.id);
                    }
                    false
                })
                .count()
        })
    });
    g.bench_function("naive parent walk (hand-written, flat array)", |b| {
        b.iter(|| {
            queries
                .iter()
                .filter(|(a, s)| {
                    let mut cur = *a as u32;
                    loop {
                        if cur == *s as u32 {
                            break true;
                        }
                        cur = parents[cur as usize];
                        if cur == u32::MAX {
                            break false;
                        }
                    }
                })
                .count()
        })
    });
    g.finish();

    let values: Vec<u64> = (0..n as u64).map(|i| i % 7 + 1).collect();
    let mut g = c.benchmark_group("subtree rollup (1M units)");
    g.sample_size(20);
    g.bench_function("library rollup", |b| {
        b.iter(|| tree.rollup(black_box(&values)).unwrap())
    });
    g.bench_function("hand-written flat loop", |b| {
        b.iter(|| {
            let mut out = black_box(&values).clone();
            for i in (1..n).rev() {
                let p = parents[i];
                if p != u32::MAX {
                    out[p as usize] += out[i];
                }
            }
            out
        })
    });
    g.bench_function("naive parent walk per unit", |b| {
        b.iter(|| {
            let mut out = black_box(&values).clone();
            for (i, v) in values.iter().enumerate() {
                let mut cur = parents[i];
                while cur != u32::MAX {
                    out[cur as usize] += v;
                    cur = parents[cur as usize];
                }
            }
            out
        })
    });
    g.finish();

    let mut g = c.benchmark_group("index build (1M units)");
    g.sample_size(10);
    g.bench_function("from_units + first query", |b| {
        b.iter_batched(
            || units.clone(),
            |u| {
                let t = OrgTree::from_units(u).unwrap();
                t.is_within_slot(slots[5], slots[0])
            },
            BatchSize::LargeInput,
        )
    });
    g.finish();
}

fn slot_of(tree: &OrgTree, units: &[OrgUnit], i: usize) -> UnitSlot {
    tree.slot(units[i].id).unwrap()
}

criterion_group!(benches, bench);
criterion_main!(benches);
