//! Coverage planning for a city: 1,000,000 members in 66,000 branches under 2,200 townships,
//! with city, county and township classes, once with enough seats and once with township seats
//! short. Sizes the planner at scale: it is a matching, not a loop with a hand-written twin, so
//! the figures stand alone.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    missing_docs
)]

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use zugong_core::{AdminLevel, MemberId, OrgKind, OrgTree, OrgUnit, OrgUnitId, TrainingClassId};
use zugong_training::{
    CoverageClass, CoverageMember, MemberGroup, TierPolicy, TrainingTier, plan_coverage,
};

fn setup(short: bool) -> (OrgTree, Vec<CoverageMember>, Vec<CoverageClass>) {
    let id = |n: usize| OrgUnitId::from_uuid(uuid::Uuid::from_u128(n as u128 + 1));
    let mut units = vec![OrgUnit::new(
        id(0),
        "市委",
        OrgKind::Committee,
        AdminLevel::Prefectural,
    )];
    let mut counties = Vec::new();
    let mut towns = Vec::new();
    let mut branches = Vec::new();
    for _ in 0..22 {
        let c = units.len();
        units.push(
            OrgUnit::new(
                id(c),
                format!("县委{c}"),
                OrgKind::Committee,
                AdminLevel::County,
            )
            .with_parent(id(0)),
        );
        counties.push(c);
        for _ in 0..100 {
            let t = units.len();
            units.push(
                OrgUnit::new(
                    id(t),
                    format!("镇党委{t}"),
                    OrgKind::Committee,
                    AdminLevel::Township,
                )
                .with_parent(id(c)),
            );
            towns.push(t);
            for _ in 0..30 {
                let b = units.len();
                units.push(
                    OrgUnit::new(
                        id(b),
                        format!("支部{b}"),
                        OrgKind::Branch,
                        AdminLevel::Village,
                    )
                    .with_parent(id(t)),
                );
                branches.push(b);
            }
        }
    }
    let tree = OrgTree::from_units(units).unwrap();
    let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
    let members: Vec<CoverageMember> = (0..1_000_000usize)
        .map(|i| CoverageMember {
            member: MemberId::from_uuid(uuid::Uuid::from_u128(i as u128 + 10_000_000)),
            unit: id(branches[i % branches.len()]),
            groups: if i % 50 == 0 {
                vec![MemberGroup::Secretary, MemberGroup::Member]
            } else {
                vec![MemberGroup::Member]
            },
            unavailable: if i % 97 == 0 {
                vec![(day(6, 1), day(6, 30))]
            } else {
                vec![]
            },
        })
        .collect();
    let mut classes = vec![CoverageClass {
        class: TrainingClassId::from_uuid(uuid::Uuid::from_u128(1)),
        tier: TrainingTier::CityKey,
        organizer: id(0),
        targets: vec![MemberGroup::Secretary],
        capacity: 15_000,
        starts_on: day(4, 1),
        ends_on: day(4, 3),
    }];
    for (k, c) in counties.iter().enumerate() {
        classes.push(CoverageClass {
            class: TrainingClassId::from_uuid(uuid::Uuid::from_u128(100 + k as u128)),
            tier: TrainingTier::CountyUniversal,
            organizer: id(*c),
            targets: vec![MemberGroup::Member],
            capacity: 20_000,
            starts_on: day(6, 8),
            ends_on: day(6, 10),
        });
    }
    for (k, t) in towns.iter().enumerate() {
        classes.push(CoverageClass {
            class: TrainingClassId::from_uuid(uuid::Uuid::from_u128(10_000 + k as u128)),
            tier: TrainingTier::GrassrootsFallback,
            organizer: id(*t),
            targets: vec![MemberGroup::Member],
            capacity: if short { 180 } else { 300 },
            starts_on: day(9, 1),
            ends_on: day(9, 3),
        });
    }
    (tree, members, classes)
}

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("coverage plan (1M members, 2,323 classes)");
    g.sample_size(10);
    for (name, short) in [("seats suffice", false), ("fallback seats short", true)] {
        let (tree, members, classes) = setup(short);
        let plan = plan_coverage(&tree, &members, &classes, &TierPolicy::default()).unwrap();
        eprintln!(
            "{name}: seated {:?}, uncovered {}",
            plan.seated_by_tier(),
            plan.uncovered.len()
        );
        g.bench_function(name, |b| {
            b.iter(|| {
                plan_coverage(&tree, black_box(&members), &classes, &TierPolicy::default()).unwrap()
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
