//! Organizational-life completeness at province scale: 300,000 branches and a year of their
//! meetings (about 10 million), each branch checked and the counts rolled up — the library
//! beside a hand-written loop over flat arrays of the same meetings.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::cast_possible_truncation,
    missing_docs
)]

use std::hint::black_box;

use chrono::{Datelike, NaiveDate};
use criterion::{Criterion, criterion_group, criterion_main};
use zugong_branch::{
    BranchBodies, Committee, LifeChecker, LifePeriod, LifePolicy, Meeting, MeetingKind, MeetingRow,
};
use zugong_core::OrgUnitId;

const BRANCHES: usize = 300_000;

/// (kind, meetings a year, months of the first meeting's spacing)
const PLAN: [(MeetingKind, u32); 6] = [
    (MeetingKind::MemberAssembly, 4),
    (MeetingKind::Committee, 12),
    (MeetingKind::PartyLecture, 4),
    (MeetingKind::ThemedPartyDay, 12),
    (MeetingKind::LifeMeeting, 1),
    (MeetingKind::MemberAppraisal, 1),
];

struct Province {
    /// Every meeting, branch by branch.
    meetings: Vec<Meeting>,
    /// Each branch's id, bodies and its meetings' range.
    branches: Vec<(OrgUnitId, BranchBodies, std::ops::Range<usize>)>,
    /// The same meetings as the library's compact rows.
    rows: Vec<MeetingRow>,
    /// The same meetings as flat arrays: branch index, kind index, month (0–11), quorate.
    flat: Vec<(u32, u8, u8, bool)>,
}

fn province() -> Province {
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    let mut meetings = Vec::new();
    let mut branches = Vec::with_capacity(BRANCHES);
    let mut flat = Vec::new();
    for b in 0..BRANCHES {
        let id = OrgUnitId::from_uuid(uuid::Uuid::from_u128(b as u128 + 1));
        let committee = if next() % 3 == 0 {
            Committee::SecretaryOnly
        } else {
            Committee::Elected
        };
        let start = meetings.len();
        for (kind, per_year) in PLAN {
            if kind == MeetingKind::Committee && committee == Committee::SecretaryOnly {
                continue;
            }
            for i in 0..per_year {
                // About one meeting in ten is not held.
                if next() % 10 == 0 {
                    continue;
                }
                let month = i * (12 / per_year) + (next() % u64::from(12 / per_year)) as u32;
                let day =
                    NaiveDate::from_ymd_opt(2026, month + 1, 1 + (next() % 28) as u32).unwrap();
                let present = if next() % 20 == 0 { 4 } else { 15 };
                meetings.push(Meeting::held(id, kind, day, 20, present, "学习").unwrap());
                let k = PLAN.iter().position(|(p, _)| *p == kind).unwrap() as u8;
                flat.push((b as u32, k, day.month0() as u8, present * 2 >= 20));
            }
        }
        branches.push((id, BranchBodies::new(committee, 0), start..meetings.len()));
    }
    let rows = meetings.iter().map(MeetingRow::from).collect();
    Province {
        meetings,
        branches,
        rows,
        flat,
    }
}

/// The hand-written check: count each branch's meetings by kind and interval in one pass,
/// then compare with the plan's cadence (quarterly, monthly or yearly).
fn hand_written(p: &Province) -> (u64, u64) {
    let cadence = [3usize, 1, 3, 1, 12, 12]; // months per interval, per kind of PLAN
    let mut counts = vec![[[0u8; 12]; 6]; BRANCHES];
    for &(b, k, month, quorate) in &p.flat {
        // Only the assembly and the committee have a quorum.
        if quorate || k > 1 {
            let c = &mut counts[b as usize][k as usize];
            let slot = month as usize / cadence[k as usize];
            c[slot] = c[slot].saturating_add(1);
        }
    }
    let (mut required, mut met) = (0u64, 0u64);
    for (b, (_, bodies, _)) in p.branches.iter().enumerate() {
        for k in 0..6 {
            if k == 1 && bodies.committee == Committee::SecretaryOnly {
                continue;
            }
            let intervals = 12 / cadence[k];
            required += intervals as u64;
            met += counts[b][k][..intervals].iter().filter(|n| **n > 0).count() as u64;
        }
    }
    (required, met)
}

fn library(p: &Province, policy: &LifePolicy, year: LifePeriod) -> (u64, u64) {
    let (mut required, mut met) = (0u64, 0u64);
    let checker = LifeChecker::new(year, policy);
    for (id, bodies, range) in &p.branches {
        let _ = id;
        let c = checker.summarize(None, *bodies, &p.rows[range.clone()]);
        required += u64::from(c.required);
        met += u64::from(c.met);
    }
    (required, met)
}

/// The same check from the full records (with their topics and branch ids).
fn records(p: &Province, policy: &LifePolicy, year: LifePeriod) -> (u64, u64) {
    let (mut required, mut met) = (0u64, 0u64);
    let checker = LifeChecker::new(year, policy);
    for (id, bodies, range) in &p.branches {
        let c = checker
            .check(*id, None, *bodies, &p.meetings[range.clone()])
            .unwrap();
        required += u64::from(c.required);
        met += u64::from(c.met);
    }
    (required, met)
}

fn bench(c: &mut Criterion) {
    let p = province();
    let mut policy = LifePolicy::default();
    // The plan has no 党小组 and no secretary's lecture: the same requirements both sides.
    policy
        .requirements
        .retain(|r| r.kind != MeetingKind::GroupMeeting);
    policy.secretary_lectures_per_year = 0;
    let year = LifePeriod::year(2026).unwrap();
    assert_eq!(
        library(&p, &policy, year),
        hand_written(&p),
        "the same counts"
    );
    let mut group = c.benchmark_group("life_completeness_300k_branches");
    group.sample_size(10);
    group.bench_function("hand_written_loop", |b| {
        b.iter(|| black_box(hand_written(&p)))
    });
    group.bench_function("check_records", |b| {
        b.iter(|| black_box(records(&p, &policy, year)))
    });
    group.bench_function("summarize", |b| {
        b.iter(|| black_box(library(&p, &policy, year)))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
