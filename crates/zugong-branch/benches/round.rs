//! Raw scores to stars over a province's round: 299,200 branches scored against the 110-point
//! scheme, the library's `RoundScores::stars` beside a hand-written loop over the same flat
//! array, and `Rubric::assess` one sheet at a time for the cost it replaces.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    missing_docs
)]

use std::collections::BTreeMap;
use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use zugong_branch::{AwardModel, Points, RoundScores, Scoresheet, StarLevel, presets};

const BRANCHES: usize = 299_200;

/// Stars by the bands, from the most stars down, as the hand-written loop knows them.
fn hand_written(points: &[u32], per_row: usize, base: u32, bands: &[(u32, u8)]) -> Vec<u8> {
    let mut out = Vec::with_capacity(points.len() / per_row.max(1));
    for row in points.chunks_exact(per_row) {
        let mut total = base;
        for p in row {
            total += p;
        }
        let mut stars = 0;
        for &(min, s) in bands {
            if total >= min {
                stars = s;
                break;
            }
        }
        out.push(stars);
    }
    out
}

fn bench(c: &mut Criterion) {
    let rubric = presets::five_star_110().unwrap();
    let (maxima, codes): (Vec<u32>, Vec<String>) = rubric
        .data()
        .dimensions
        .iter()
        .flat_map(|d| &d.indicators)
        .map(|i| (i.max.tenths(), i.code.clone()))
        .unzip();
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut round = RoundScores::with_capacity(&rubric, BRANCHES);
    let mut flat = Vec::with_capacity(BRANCHES * maxima.len());
    let mut row = Vec::with_capacity(maxima.len());
    for _ in 0..BRANCHES {
        row.clear();
        for max in &maxima {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            // Most branches score in the upper half, as rated rounds do.
            let t = max / 2 + (x % u64::from(max / 2 + 1)) as u32;
            row.push(Points::from_tenths(t));
            flat.push(t);
        }
        round.push(&row).unwrap();
    }
    let AwardModel::ScoreBands {
        bands,
        innovation_for_five,
        without_innovation,
    } = &rubric.data().model
    else {
        panic!("the 110-point scheme awards by bands");
    };
    let bands: Vec<(u32, u8)> = bands
        .iter()
        .map(|b| {
            let s = if b.stars == StarLevel::FIVE && *innovation_for_five {
                *without_innovation
            } else {
                b.stars
            };
            (b.min.tenths(), s.get())
        })
        .collect();
    let base = rubric.data().base.tenths();
    let lib: Vec<u8> = round.stars().iter().map(|s| s.get()).collect();
    let hand = hand_written(&flat, maxima.len(), base, &bands);
    assert_eq!(lib, hand);
    let sheets: Vec<Scoresheet> = (0..10_000)
        .map(|b| {
            let scores: BTreeMap<String, Points> = codes
                .iter()
                .zip(round.row(b).unwrap())
                .map(|(c, p)| (c.clone(), *p))
                .collect();
            let evidence = codes
                .iter()
                .map(|c| (c.clone(), vec!["台账".to_owned()]))
                .collect();
            Scoresheet {
                scores,
                evidence,
                ..Scoresheet::default()
            }
        })
        .collect();

    let mut g = c.benchmark_group("raw scores to stars (299,200 branches, 110-point scheme)");
    g.sample_size(20);
    g.bench_function("library RoundScores::stars", |b| {
        b.iter(|| black_box(&round).stars())
    });
    g.bench_function("hand-written flat loop", |b| {
        b.iter(|| hand_written(black_box(&flat), maxima.len(), base, &bands))
    });
    g.bench_function("Rubric::assess, 10,000 sheets", |b| {
        b.iter(|| {
            black_box(&sheets)
                .iter()
                .map(|s| rubric.assess(s).unwrap().stars)
                .filter(|s| *s == StarLevel::FIVE)
                .count()
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
