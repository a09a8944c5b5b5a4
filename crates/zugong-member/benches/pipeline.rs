//! The development pipeline at province scale: 5,000,000 paths in a 301,516-unit tree (the
//! applicants of a province over the years), the library beside a hand-written loop.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    missing_docs
)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use zugong_core::OrgTree;
use zugong_member::{
    DevelopmentRow, DevelopmentStage, MemberRow, MembershipStage, development_rollup, member_rollup,
};

fn province() -> (OrgTree, Vec<u32>) {
    zugong_testkit::province_tree()
}

fn hand_written(parents: &[u32], units: usize, rows: &[DevelopmentRow]) -> Vec<[u64; 9]> {
    let mut own = vec![[0u64; 9]; units];
    for r in rows {
        let d = &mut own[r.unit as usize];
        d[r.stage as usize] += 1;
        d[8] += u64::from(r.overdue);
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
    let rows: Vec<DevelopmentRow> = (0..5_000_000usize)
        .map(|i| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            DevelopmentRow {
                unit: branches[i % branches.len()],
                stage: DevelopmentStage::ALL[(x % 8) as usize],
                overdue: (x >> 16).is_multiple_of(20),
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
    let lib = development_rollup(&tree, &rows).unwrap();
    let hand = hand_written(&parents, tree.len(), &rows);
    assert_eq!(lib[0].by_stage, hand[0][..8]);
    assert_eq!(lib[0].overdue, hand[0][8]);

    let mut g = c.benchmark_group("development pipeline (5,000,000 paths, 301,516 units)");
    g.sample_size(20);
    g.bench_function("library development_rollup", |b| {
        b.iter(|| development_rollup(&tree, black_box(&rows)).unwrap())
    });
    g.bench_function("hand-written flat loop", |b| {
        b.iter(|| hand_written(&parents, tree.len(), black_box(&rows)))
    });
    g.finish();

    // The members: 5,000,000 by 党籍 stage, mobile and in arrears.
    let stages = [
        MembershipStage::Active,
        MembershipStage::Active,
        MembershipStage::Active,
        MembershipStage::InTransfer,
        MembershipStage::Suspended,
    ];
    let members: Vec<MemberRow> = (0..5_000_000usize)
        .map(|i| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            MemberRow::new(
                branches[i % branches.len()],
                stages[(x % 5) as usize],
                (x >> 8).is_multiple_of(30),
                ((x >> 20) % 9) as u8,
            )
        })
        .collect();
    let hand_members = |rows: &[MemberRow]| {
        let mut own = vec![[0u64; 8]; tree.len()];
        for r in rows {
            let d = &mut own[r.unit as usize];
            d[r.stage as usize] += 1;
            d[5] += u64::from(r.mobile);
            d[6] += u64::from(r.unpaid_months > 0);
            d[7] += u64::from(r.unpaid_months >= 6);
        }
        for i in (1..own.len()).rev() {
            let p = parents[i];
            if p != u32::MAX {
                let child = own[i];
                for k in 0..8 {
                    own[p as usize][k] += child[k];
                }
            }
        }
        own
    };
    let lib = member_rollup(&tree, &members, 6).unwrap();
    let hand = hand_members(&members);
    assert_eq!(lib[0].by_stage, hand[0][..5]);
    assert_eq!(
        (lib[0].mobile, lib[0].in_arrears, lib[0].lapsed),
        (hand[0][5], hand[0][6], hand[0][7])
    );
    let mut g =
        c.benchmark_group("members by stage and arrears (5,000,000 members, 301,516 units)");
    g.sample_size(20);
    g.bench_function("library member_rollup", |b| {
        b.iter(|| member_rollup(&tree, black_box(&members), 6).unwrap())
    });
    g.bench_function("hand-written flat loop", |b| {
        b.iter(|| hand_members(black_box(&members)))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
