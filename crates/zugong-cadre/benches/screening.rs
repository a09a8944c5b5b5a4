//! Screening 1,000,000 cadres against a post profile: the library beside a hand-written loop
//! over the same rows.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    missing_docs
)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use zugong_cadre::{
    CadreRow, FactorWeights, FieldSet, PostProfile, Ranked, exclusion, score, screen,
};
use zugong_core::{AdminLevel, EducationLevel, OrgKind, OrgTree, OrgUnit, OrgUnitId};

const CADRES: usize = 1_000_000;

fn tree() -> OrgTree {
    let id = |n: usize| OrgUnitId::from_uuid(uuid::Uuid::from_u128(n as u128 + 1));
    let mut units = vec![OrgUnit::new(
        id(0),
        "中共宁夏回族自治区委员会",
        OrgKind::Committee,
        AdminLevel::Provincial,
    )];
    let mut layer = vec![0usize];
    for (fanout, level) in [
        (5, AdminLevel::Prefectural),
        (22, AdminLevel::County),
        (20, AdminLevel::Township),
    ] {
        let mut next = Vec::new();
        for &p in &layer {
            for _ in 0..fanout {
                let n = units.len();
                units.push(
                    OrgUnit::new(id(n), format!("单位{n}"), OrgKind::Committee, level)
                        .with_parent(id(p)),
                );
                next.push(n);
            }
        }
        layer = next;
    }
    OrgTree::from_units(units).unwrap()
}

fn rows(units: usize) -> Vec<CadreRow> {
    let mut x: u64 = 0x2545_F491_4F6C_DD1D;
    let levels = [
        EducationLevel::SeniorHigh,
        EducationLevel::JuniorCollege,
        EducationLevel::Undergraduate,
        EducationLevel::Postgraduate,
    ];
    (0..CADRES)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            CadreRow {
                unit: (x % units as u64) as u32,
                rank_step: ((x >> 8) % 5) as u8,
                months_in_rank: ((x >> 12) % 180) as u16,
                age: (25 + (x >> 20) % 35) as u8,
                education: levels[((x >> 26) % 4) as usize],
                grassroots_months: ((x >> 28) % 200) as u16,
                excellent_last_3: ((x >> 36) % 4) as u8,
                below_competent_last_3: (x >> 38).is_multiple_of(20),
                political_score: (50 + (x >> 40) % 51) as u8,
                training_met: !(x >> 47).is_multiple_of(10),
                field: ((x >> 50) % 8) as u16,
                flags: ((x >> 54) % 8) as u8,
            }
        })
        .collect()
}

/// The same screening, hand-written: filter, score, keep the best 20.
fn hand_written(rows: &[CadreRow], profile: &PostProfile) -> (usize, Vec<Ranked>) {
    let mut eligible = 0;
    let mut best: Vec<Ranked> = Vec::with_capacity(21);
    for (i, row) in rows.iter().enumerate() {
        if exclusion(row, profile, true).is_some() {
            continue;
        }
        eligible += 1;
        let mut r = score(row, profile);
        r.row = i;
        if best.len() == 20 && best[19].score >= r.score {
            continue;
        }
        let at = best.partition_point(|b| b.score >= r.score);
        best.insert(at, r);
        best.truncate(20);
    }
    (eligible, best)
}

fn bench(c: &mut Criterion) {
    let tree = tree();
    let rows = rows(tree.len());
    let profile = PostProfile {
        from_steps: vec![1],
        min_months_in_rank: 24,
        age_range: (28, 45),
        min_education: EducationLevel::Undergraduate,
        min_grassroots_months: 24,
        min_political_score: 70,
        require_training: true,
        fields: FieldSet::any(),
        scope: None,
        required_flags: 0,
        weights: FactorWeights::default(),
        shortlist: 20,
    };
    let lib = screen(&tree, &rows, &profile);
    let hand = hand_written(&rows, &profile);
    assert_eq!(lib.eligible, hand.0);
    assert_eq!(lib.shortlist, hand.1);

    let mut g = c.benchmark_group("screen 1M cadres, shortlist 20");
    g.sample_size(20);
    g.bench_function("library screen (whole pool)", |b| {
        b.iter(|| screen(&tree, black_box(&rows), &profile))
    });
    g.bench_function("hand-written loop", |b| {
        b.iter(|| hand_written(black_box(&rows), &profile))
    });
    let scoped = PostProfile {
        scope: Some(tree.units()[3].id),
        ..profile.clone()
    };
    g.bench_function("library screen (one city's subtree)", |b| {
        b.iter(|| screen(&tree, black_box(&rows), &scoped))
    });
    // "One of four fields": one pass with a field set, beside the same hand-written loop.
    let four = PostProfile {
        fields: FieldSet::of([1, 3, 5, 7]),
        ..profile.clone()
    };
    let lib = screen(&tree, &rows, &four);
    let hand = hand_written(&rows, &four);
    assert_eq!(lib.eligible, hand.0);
    assert_eq!(lib.shortlist, hand.1);
    g.bench_function("library screen (one of four fields)", |b| {
        b.iter(|| screen(&tree, black_box(&rows), &four))
    });
    g.bench_function("hand-written loop (one of four fields)", |b| {
        b.iter(|| hand_written(black_box(&rows), &four))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
