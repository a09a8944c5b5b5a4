use std::collections::{HashMap, HashSet};

use proptest::prelude::*;
use zugong_core::*;
use zugong_training::*;

use crate::support::*;

fn class(
    n: u128,
    tier: TrainingTier,
    organizer: OrgUnitId,
    capacity: u32,
    targets: Vec<MemberGroup>,
) -> CoverageClass {
    CoverageClass {
        class: TrainingClassId::from_uuid(uuid::Uuid::from_u128(n)),
        tier,
        organizer,
        targets,
        capacity,
        starts_on: d(6, 1),
        ends_on: d(6, 3),
    }
}

fn cm(n: u128, unit: OrgUnitId, groups: Vec<MemberGroup>) -> CoverageMember {
    CoverageMember {
        member: member(n),
        unit,
        groups,
        unavailable: vec![],
    }
}

#[test]
fn city_takes_key_groups_county_the_rest_and_the_township_catches_the_remainder() {
    use MemberGroup::*;
    let tree = tree();
    let members = vec![
        cm(1, id(100), vec![Secretary, Member]),
        cm(2, id(100), vec![Member]),
        cm(3, id(101), vec![Member]),
        cm(4, id(110), vec![Member]),
        CoverageMember {
            unavailable: vec![(d(5, 30), d(6, 30))],
            ..cm(5, id(110), vec![Member])
        },
        cm(6, id(110), vec![Member]),
    ];
    let classes = vec![
        class(1, TrainingTier::CityKey, id(0), 10, vec![Secretary]),
        class(2, TrainingTier::CountyUniversal, id(1), 2, vec![Member]),
        class(3, TrainingTier::GrassrootsFallback, id(10), 5, vec![Member]),
    ];
    let plan = plan_coverage(&tree, &members, &classes, &TierPolicy::default()).unwrap();
    let seat: HashMap<MemberId, TrainingTier> = plan
        .assignments
        .iter()
        .map(|a| (a.member, a.tier))
        .collect();
    assert_eq!(seat[&member(1)], TrainingTier::CityKey);
    // The county's two seats end up with township 11, which has no fallback class of its
    // own; township 10's members move to their township's class. Member 5 is away.
    assert_eq!(plan.seated_by_tier(), [1, 2, 2]);
    assert_eq!(seat[&member(4)], TrainingTier::CountyUniversal);
    assert_eq!(seat[&member(6)], TrainingTier::CountyUniversal);
    assert_eq!(plan.uncovered, [(member(5), UncoveredReason::Conflict)]);

    // One county seat fewer: one member of township 11 is left for capacity.
    let mut fewer = classes.clone();
    fewer[1].capacity = 1;
    let plan = plan_coverage(&tree, &members, &fewer, &TierPolicy::default()).unwrap();
    let uncovered: HashMap<MemberId, UncoveredReason> = plan.uncovered.iter().copied().collect();
    assert_eq!(uncovered[&member(5)], UncoveredReason::Conflict);
    assert_eq!(
        uncovered
            .values()
            .filter(|r| **r == UncoveredReason::Capacity)
            .count(),
        1
    );
    assert_eq!(plan.assignments.len() + plan.uncovered.len(), members.len());

    // With no class at all, the reason is the schedule.
    let plan = plan_coverage(&tree, &members, &[], &TierPolicy::default()).unwrap();
    assert!(
        plan.uncovered
            .iter()
            .all(|(_, r)| *r == UncoveredReason::NoClassScheduled)
    );
}

#[test]
fn bad_input() {
    let tree = tree();
    let ghost = OrgUnitId::from_uuid(uuid::Uuid::from_u128(999));
    let members = vec![cm(1, ghost, vec![MemberGroup::Member])];
    assert_eq!(
        plan_coverage(&tree, &members, &[], &TierPolicy::default()),
        Err(CoverageError::UnknownUnit(ghost))
    );
    let twice = vec![
        cm(1, id(100), vec![MemberGroup::Member]),
        cm(1, id(101), vec![MemberGroup::Member]),
    ];
    assert_eq!(
        plan_coverage(&tree, &twice, &[], &TierPolicy::default()),
        Err(CoverageError::DuplicateMember(member(1)))
    );
    let classes = vec![class(
        1,
        TrainingTier::CityKey,
        ghost,
        1,
        vec![MemberGroup::Member],
    )];
    assert!(plan_coverage(&tree, &[], &classes, &TierPolicy::default()).is_err());
}

proptest! {
    #[test]
    fn everyone_is_seated_when_fallback_seats_suffice(
        units in prop::collection::vec(0usize..3, 1..60),
        county_cap in 0u32..20,
        spare in 0u32..3,
        split in 0u32..4,
    ) {
        let tree = tree();
        let branches = [id(100), id(101), id(110)];
        let members: Vec<CoverageMember> = units
            .iter()
            .enumerate()
            .map(|(i, u)| cm(i as u128 + 1, branches[*u], vec![MemberGroup::Member]))
            .collect();
        let in_town = |t: usize| units.iter().filter(|u| if t == 10 { **u < 2 } else { **u == 2 }).count() as u32;
        // Each township's fallback seats, split over several classes, cover its members; the
        // county class takes whoever it takes first.
        let mut classes = vec![class(1, TrainingTier::CountyUniversal, id(1), county_cap, vec![MemberGroup::Member])];
        for (k, town) in [10usize, 11].into_iter().enumerate() {
            let need = in_town(town) + spare;
            let parts = split + 1;
            for p in 0..parts {
                let cap = need / parts + u32::from(p < need % parts);
                classes.push(class(100 + (k as u128) * 10 + u128::from(p), TrainingTier::GrassrootsFallback, id(town as u128), cap, vec![MemberGroup::Member]));
            }
        }
        let plan = plan_coverage(&tree, &members, &classes, &TierPolicy::default()).unwrap();
        prop_assert!(plan.uncovered.is_empty(), "{:?}", plan.uncovered);
        prop_assert_eq!(plan.assignments.len(), members.len());
    }

    #[test]
    fn nobody_is_left_when_some_assignment_seats_everyone(
        units in prop::collection::vec(0usize..3, 1..40),
        county_cap in 0u32..40,
    ) {
        let tree = tree();
        let branches = [id(100), id(101), id(110)];
        let members: Vec<CoverageMember> = units
            .iter()
            .enumerate()
            .map(|(i, u)| cm(i as u128 + 1, branches[*u], vec![MemberGroup::Member]))
            .collect();
        let t10 = units.iter().filter(|u| **u < 2).count() as u32;
        let t11 = units.len() as u32 - t10;
        // Township 11's class is short by exactly what the county can absorb.
        let county = county_cap.min(t11);
        let classes = vec![
            class(1, TrainingTier::CountyUniversal, id(1), county, vec![MemberGroup::Member]),
            class(2, TrainingTier::GrassrootsFallback, id(10), t10, vec![MemberGroup::Member]),
            class(3, TrainingTier::GrassrootsFallback, id(11), t11 - county, vec![MemberGroup::Member]),
        ];
        let plan = plan_coverage(&tree, &members, &classes, &TierPolicy::default()).unwrap();
        prop_assert!(plan.uncovered.is_empty(), "{:?}", plan.uncovered);
    }

    #[test]
    fn every_member_is_seated_once_or_reported(
        units in prop::collection::vec((0usize..3, any::<bool>(), any::<bool>()), 0..60),
        caps in prop::collection::vec(0u32..8, 4),
    ) {
        use MemberGroup::*;
        let tree = tree();
        let branches = [id(100), id(101), id(110)];
        let members: Vec<CoverageMember> = units
            .iter()
            .enumerate()
            .map(|(i, (u, sec, busy))| CoverageMember {
                member: member(i as u128 + 1),
                unit: branches[*u],
                groups: if *sec { vec![Secretary, Member] } else { vec![Member] },
                unavailable: if *busy { vec![(d(6, 2), d(6, 2))] } else { vec![] },
            })
            .collect();
        let classes = vec![
            class(1, TrainingTier::CityKey, id(0), caps[0], vec![Secretary]),
            class(2, TrainingTier::CountyUniversal, id(1), caps[1], vec![Member]),
            class(3, TrainingTier::GrassrootsFallback, id(10), caps[2], vec![Member]),
            class(4, TrainingTier::GrassrootsFallback, id(11), caps[3], vec![Member]),
        ];
        let plan = plan_coverage(&tree, &members, &classes, &TierPolicy::default()).unwrap();
        let seated: HashSet<MemberId> = plan.assignments.iter().map(|a| a.member).collect();
        prop_assert_eq!(seated.len(), plan.assignments.len(), "nobody seated twice");
        let reported: HashSet<MemberId> = plan.uncovered.iter().map(|(m, _)| *m).collect();
        prop_assert!(seated.is_disjoint(&reported));
        prop_assert_eq!(seated.len() + reported.len(), members.len());
        for c in &classes {
            let n = plan.assignments.iter().filter(|a| a.class == c.class).count();
            prop_assert!(n <= c.capacity as usize);
        }
        // Busy members are never seated (every class spans 1–3 June).
        for (i, (_, _, busy)) in units.iter().enumerate() {
            if *busy {
                prop_assert!(!seated.contains(&member(i as u128 + 1)));
            }
        }
        let json = serde_json::to_string(&plan).unwrap();
        prop_assert_eq!(serde_json::from_str::<CoveragePlan>(&json).unwrap(), plan);
    }
}

/// Maximum number of members that can be seated (Kuhn's algorithm over seats), the reference.
fn max_seated(
    tree: &OrgTree,
    members: &[CoverageMember],
    classes: &[CoverageClass],
    policy: &TierPolicy,
) -> usize {
    let eligible = |m: &CoverageMember, c: &CoverageClass| {
        let tier_ok = match c.tier {
            TrainingTier::CityKey => m.groups.iter().any(|g| policy.city_groups.contains(g)),
            TrainingTier::CountyUniversal => {
                m.groups.iter().any(|g| policy.county_groups.contains(g))
            }
            TrainingTier::GrassrootsFallback => true,
        };
        tree.is_within(m.unit, c.organizer).unwrap()
            && tier_ok
            && m.groups.iter().any(|g| c.targets.contains(g))
            && !m
                .unavailable
                .iter()
                .any(|(f, t)| *f <= c.ends_on && *t >= c.starts_on)
    };
    let seats: Vec<usize> = classes
        .iter()
        .enumerate()
        .flat_map(|(ci, c)| std::iter::repeat_n(ci, c.capacity as usize))
        .collect();
    let adj: Vec<Vec<usize>> = members
        .iter()
        .map(|m| {
            seats
                .iter()
                .enumerate()
                .filter(|(_, ci)| eligible(m, &classes[**ci]))
                .map(|(s, _)| s)
                .collect()
        })
        .collect();
    let mut owner: Vec<Option<usize>> = vec![None; seats.len()];
    fn try_seat(
        u: usize,
        adj: &[Vec<usize>],
        owner: &mut [Option<usize>],
        seen: &mut [bool],
    ) -> bool {
        for &s in &adj[u] {
            if seen[s] {
                continue;
            }
            seen[s] = true;
            if owner[s].is_none_or(|o| try_seat(o, adj, owner, seen)) {
                owner[s] = Some(u);
                return true;
            }
        }
        false
    }
    (0..members.len())
        .filter(|&u| try_seat(u, &adj, &mut owner, &mut vec![false; seats.len()]))
        .count()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]
    #[test]
    fn the_plan_seats_as_many_as_any_assignment_could(
        people in prop::collection::vec((0usize..3, any::<bool>(), 0u8..4), 0..25),
        caps in prop::collection::vec(0u32..6, 5),
        busy_month in 5u32..8,
    ) {
        use MemberGroup::*;
        let tree = tree();
        let branches = [id(100), id(101), id(110)];
        let members: Vec<CoverageMember> = people
            .iter()
            .enumerate()
            .map(|(i, (b, sec, busy))| CoverageMember {
                member: member(i as u128 + 1),
                unit: branches[*b],
                groups: if *sec { vec![Secretary, Member] } else { vec![Member] },
                unavailable: if *busy == 0 { vec![(d(busy_month, 1), d(busy_month, 28))] } else { vec![] },
            })
            .collect();
        let month = |m| (d(m, 2), d(m, 4));
        let mk = |n, tier, org, cap, targets: Vec<MemberGroup>, (s, e): (chrono::NaiveDate, chrono::NaiveDate)| CoverageClass {
            class: TrainingClassId::from_uuid(uuid::Uuid::from_u128(n)), tier, organizer: org, targets, capacity: cap, starts_on: s, ends_on: e,
        };
        let classes = vec![
            mk(1, TrainingTier::CityKey, id(0), caps[0], vec![Secretary], month(5)),
            mk(2, TrainingTier::CountyUniversal, id(1), caps[1], vec![Member], month(6)),
            mk(3, TrainingTier::CountyUniversal, id(1), caps[2], vec![Member, Secretary], month(7)),
            mk(4, TrainingTier::GrassrootsFallback, id(10), caps[3], vec![Member], month(5)),
            mk(5, TrainingTier::GrassrootsFallback, id(11), caps[4], vec![Member], month(6)),
        ];
        let policy = TierPolicy::default();
        let plan = plan_coverage(&tree, &members, &classes, &policy).unwrap();
        prop_assert_eq!(plan.assignments.len(), max_seated(&tree, &members, &classes, &policy));
    }
}
