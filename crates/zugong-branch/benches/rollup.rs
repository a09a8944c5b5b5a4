//! Star distribution roll-up at province scale: 299,200 rated branches in a 301,516-unit tree,
//! the library beside a hand-written loop over the same flat arrays.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    missing_docs
)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use zugong_branch::{BranchRow, RectificationStatus, StarLevel, star_rollup};
use zugong_core::OrgTree;

fn province() -> (OrgTree, Vec<u32>) {
    zugong_testkit::province_tree()
}

fn hand_written(parents: &[u32], units: usize, rows: &[BranchRow]) -> Vec<[u64; 9]> {
    let mut own = vec![[0u64; 9]; units];
    for r in rows {
        let d = &mut own[r.unit as usize];
        d[r.stars.get() as usize] += 1;
        match r.rectification {
            RectificationStatus::UnderRectification => d[6] += 1,
            RectificationStatus::Closed => d[7] += 1,
            RectificationStatus::None => {}
        }
        d[8] += r.reinspection_due as u64;
    }
    for i in (1..units).rev() {
        let p = parents[i];
        if p != u32::MAX {
            let child = own[i];
            for k in 0..9 {
                own[p as usize][k] += child[k];
            }
        }
    }
    own
}

fn bench(c: &mut Criterion) {
    let (tree, branches) = province();
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let rows: Vec<BranchRow> = branches
        .iter()
        .map(|&unit| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            BranchRow {
                unit,
                stars: StarLevel::new((x % 6) as u8).unwrap(),
                rectification: match (x >> 8) % 50 {
                    0 => RectificationStatus::UnderRectification,
                    1 => RectificationStatus::Closed,
                    _ => RectificationStatus::None,
                },
                reinspection_due: (x >> 16).is_multiple_of(10),
            }
        })
        .collect();
    let parents: Vec<u32> = tree
        .units()
        .iter()
        .map(|u| {
            u.parent
                .and_then(|p| tree.slot(p))
                .map_or(u32::MAX, |s| s.index() as u32)
        })
        .collect();
    let lib = star_rollup(&tree, &rows).unwrap();
    let hand = hand_written(&parents, tree.len(), &rows);
    assert_eq!(lib[0].by_stars, hand[0][..6]);

    let mut g = c.benchmark_group("star rollup (299,200 branches, 301,516 units)");
    g.bench_function("library star_rollup", |b| {
        b.iter(|| star_rollup(&tree, black_box(&rows)).unwrap())
    });
    g.bench_function("hand-written flat loop", |b| {
        b.iter(|| hand_written(&parents, tree.len(), black_box(&rows)))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
