//! Training roll-up at province scale: 5,000,000 members, 50,000,000 attendance rows and a
//! 301,516-unit tree (299,200 branches), the library beside a hand-written loop over the same
//! flat arrays.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    missing_docs
)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use zugong_core::OrgTree;
use zugong_training::{AttendanceRow, MemberRow, StudyHours, TrainingTier, training_rollup};

const MEMBERS: usize = 5_000_000;
const ROWS: usize = 50_000_000;

fn province() -> (OrgTree, Vec<u32>) {
    zugong_testkit::province_tree()
}

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

/// The same computation as `training_rollup`, hand-written over flat arrays.
fn hand_written(
    parents: &[u32],
    units: usize,
    members: &[MemberRow],
    rows: &[AttendanceRow],
) -> Vec<[u64; 9]> {
    let mut per_member = vec![[0u32; 3]; members.len()];
    for r in rows {
        per_member[r.member as usize][r.tier as usize] += r.hours.tenths();
    }
    // members, trained, met, reached x3, tenths x3 (shortfall folded into slot 8 below)
    let mut own = vec![[0u64; 9]; units];
    for (m, h) in members.iter().zip(&per_member) {
        let u = &mut own[m.unit as usize];
        let total = h[0] + h[1] + h[2];
        u[0] += 1;
        u[1] += (total > 0) as u64;
        u[2] += (total >= m.required.tenths()) as u64;
        for t in 0..3 {
            u[3 + t] += (h[t] > 0) as u64;
        }
        u[6] += h[0] as u64 + h[1] as u64;
        u[7] += h[2] as u64;
        u[8] += m.required.tenths().saturating_sub(total) as u64;
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
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    let members: Vec<MemberRow> = (0..MEMBERS)
        .map(|i| MemberRow {
            unit: branches[(rng.next() as usize) % branches.len()],
            required: StudyHours::whole(if i % 20 == 0 { 56 } else { 32 }),
        })
        .collect();
    let tiers = [
        TrainingTier::CityKey,
        TrainingTier::CountyUniversal,
        TrainingTier::GrassrootsFallback,
    ];
    let rows: Vec<AttendanceRow> = (0..ROWS)
        .map(|_| {
            let x = rng.next();
            AttendanceRow {
                member: (x % MEMBERS as u64) as u32,
                tier: tiers[((x >> 32) % 3) as usize],
                hours: StudyHours::from_tenths(((x >> 40) % 80 + 5) as u32),
            }
        })
        .collect();
    let parents: Vec<u32> = (0..tree.len())
        .map(|i| {
            tree.units()[i]
                .parent
                .and_then(|p| tree.slot(p))
                .map_or(u32::MAX, |s| s.index() as u32)
        })
        .collect();

    // Same answer from both.
    let lib = training_rollup(&tree, &members, &rows).unwrap();
    let hand = hand_written(&parents, tree.len(), &members, &rows);
    assert_eq!(lib[0].members, hand[0][0]);
    assert_eq!(lib[0].met, hand[0][2]);
    assert_eq!(lib[0].shortfall_tenths, hand[0][8]);

    let mut g = c.benchmark_group("training rollup (5M members, 50M rows, 301k units)");
    g.sample_size(10);
    g.bench_function("library training_rollup", |b| {
        b.iter(|| training_rollup(&tree, black_box(&members), black_box(&rows)).unwrap())
    });
    g.bench_function("hand-written flat loop", |b| {
        b.iter(|| hand_written(&parents, tree.len(), black_box(&members), black_box(&rows)))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
