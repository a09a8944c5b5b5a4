use proptest::prelude::*;
use zugong_cadre::*;
use zugong_core::journal::{ExecuteError, Journal, Lifecycle};
use zugong_core::*;

use crate::support::*;

const DEPUTY: RankOrGrade = RankOrGrade::Leadership(LeadershipRank::TownshipSectionDeputy);

/// Both trees and the list, as a quota book's context reads them.
struct Trees {
    tree: OrgTree,
    registry: InstitutionRegistry,
    management: ManagementList,
}

impl Trees {
    fn new() -> Self {
        let (tree, registry) = (tree(), registry());
        Self {
            management: management(&tree, &registry),
            tree,
            registry,
        }
    }

    fn ctx(&self) -> QuotaContext<'_> {
        QuotaContext {
            tree: &self.tree,
            registry: &self.registry,
            management: &self.management,
        }
    }
}

/// The county government's 职数 pool, the bureau's and the township's lines.
const GOVERNMENT: PostHolder =
    PostHolder::Institution(InstitutionId::from_uuid(uuid::Uuid::from_u128(10)));
const BUREAU: PostHolder =
    PostHolder::Institution(InstitutionId::from_uuid(uuid::Uuid::from_u128(3)));
const TOWNSHIP: PostHolder =
    PostHolder::Institution(InstitutionId::from_uuid(uuid::Uuid::from_u128(4)));

fn run(
    book: &mut QuotaBook,
    j: &mut Journal<QuotaBook>,
    tree: &Trees,
    cmd: QuotaCommand,
    who: Authority,
) -> Result<(), QuotaError> {
    let before = book.clone();
    let r = crate::support::run(book, j, &cmd, &tree.ctx(), d(2026, 1, 5), who)
        .map(|_| ())
        .map_err(|e| match e {
            ExecuteError::Refused(e) => e,
            ExecuteError::Journal(e) => panic!("{e}"),
        });
    if r.is_err() {
        assert_eq!(*book, before);
    }
    r
}

fn opening(holder: PostHolder, allotted: u32, occupied: u32) -> QuotaOpeningLine {
    QuotaOpeningLine {
        holder,
        rank: DEPUTY,
        line: QuotaLine {
            allotted,
            occupied,
            planned_departures: 0,
        },
    }
}

#[test]
fn a_book_opens_once_before_anything_else() {
    let tree = Trees::new();
    let county = Authority::organization_department(id(2));
    let (mut b, mut j) = (QuotaBook::default(), Journal::new());
    assert_eq!(b.stage(), QuotaBookStage::NotOpened);
    let allot = QuotaCommand::Allot {
        holder: BUREAU,
        rank: DEPUTY,
        count: 2,
    };
    assert_eq!(
        run(&mut b, &mut j, &tree, allot.clone(), county),
        Err(QuotaError::Opening { opened: false })
    );
    let open = QuotaCommand::Open {
        lines: vec![opening(GOVERNMENT, 3, 0)],
    };
    run(&mut b, &mut j, &tree, open.clone(), county).unwrap();
    assert_eq!(b.stage().to_string(), "已建账");
    assert_eq!(
        run(&mut b, &mut j, &tree, open, county),
        Err(QuotaError::Opening { opened: true })
    );
    run(&mut b, &mut j, &tree, allot, county).unwrap();
}

#[test]
fn pools_releases_and_refusals() {
    let tree = Trees::new();
    let county = Authority::organization_department(id(2));
    let (mut b, mut j) = (QuotaBook::default(), Journal::new());
    // The county's pool of 3 deputies, 2 of them carved out for the bureau (both filled).
    run(
        &mut b,
        &mut j,
        &tree,
        QuotaCommand::Open {
            lines: vec![opening(GOVERNMENT, 3, 0), opening(BUREAU, 2, 2)],
        },
        county,
    )
    .unwrap();
    // The township may have 1, not 2: the pool has 1 left.
    let err = run(
        &mut b,
        &mut j,
        &tree,
        QuotaCommand::Allot {
            holder: TOWNSHIP,
            rank: DEPUTY,
            count: 2,
        },
        county,
    )
    .unwrap_err();
    assert!(matches!(err, QuotaError::PoolExceeded { reason, .. } if reason.contains("above")));
    assert_eq!(err.citation().article, "第四十三条");
    // The bureau may not drop below what it holds.
    assert!(matches!(
        run(
            &mut b,
            &mut j,
            &tree,
            QuotaCommand::Allot {
                holder: BUREAU,
                rank: DEPUTY,
                count: 1
            },
            county
        ),
        Err(QuotaError::PoolExceeded { .. })
    ));
    let release = QuotaCommand::Release {
        holder: BUREAU,
        rank: DEPUTY,
    };
    run(&mut b, &mut j, &tree, release.clone(), county).unwrap();
    assert_eq!(b.line(BUREAU, DEPUTY).map(|l| l.vacancies()), Some(1));
    // Another county's department may not touch these lines.
    let other = Authority::organization_department(id(5));
    assert!(matches!(
        run(&mut b, &mut j, &tree, release, other),
        Err(QuotaError::Authority(_))
    ));
    assert_eq!(verified(&j, || tree.ctx()), b);
}

proptest! {
    #[test]
    fn random_sequences_never_exceed_a_quota(ops in prop::collection::vec((0u8..3, 0usize..3, 0u32..5, any::<bool>()), 0..60)) {
        let tree = Trees::new();
        let city = Authority::organization_department(id(1));
        let (mut b, mut j) = (QuotaBook::default(), Journal::new());
        run(&mut b, &mut j, &tree, QuotaCommand::Open { lines: vec![opening(GOVERNMENT, 4, 1), opening(BUREAU, 2, 2)] }, city).unwrap();
        let units = [GOVERNMENT, BUREAU, TOWNSHIP];
        for (kind, u, n, flag) in ops {
            let holder = units[u];
            let cmd = match kind {
                0 => QuotaCommand::Allot { holder, rank: DEPUTY, count: n },
                1 => QuotaCommand::Release { holder, rank: DEPUTY },
                _ => QuotaCommand::PlanDeparture { holder, rank: DEPUTY, planned: flag },
            };
            let _ = run(&mut b, &mut j, &tree, cmd, city);
            for (holder, rank, line) in b.lines() {
                prop_assert!(line.occupied <= line.allotted);
                prop_assert!(b.used(&tree.tree, &tree.registry, holder, rank) <= line.allotted, "{holder:?} uses more than allotted");
                prop_assert!(line.planned_departures <= line.occupied);
            }
        }
        prop_assert_eq!(verified(&j, || tree.ctx()), b);
    }
}

#[test]
fn a_line_nobody_manages_is_refused() {
    let tree = Trees::new();
    let county = Authority::organization_department(id(2));
    let (mut b, mut j) = (QuotaBook::default(), Journal::new());
    let stray = PostHolder::Institution(inst(99));
    let err = run(
        &mut b,
        &mut j,
        &tree,
        QuotaCommand::Open {
            lines: vec![opening(stray, 1, 0)],
        },
        county,
    )
    .unwrap_err();
    assert!(matches!(err, QuotaError::NotListed { .. }));
    // A committee's own posts fall to the committee itself when the list has no row.
    let township_committee = PostHolder::PartyCommittee(id(4));
    run(
        &mut b,
        &mut j,
        &tree,
        QuotaCommand::Open {
            lines: vec![opening(township_committee, 3, 0)],
        },
        county,
    )
    .unwrap();
}

proptest! {
    /// Random institution trees with random posts: every post counts in exactly one line,
    /// vacancies are counted once, a holder's pool chain is its institution's ancestors, and
    /// 职数 rolled up over the registry equal the sum of their parts.
    #[test]
    fn random_registries_keep_their_counts(
        parents in prop::collection::vec(any::<prop::sample::Index>(), 1..30),
        posts in prop::collection::vec((any::<prop::sample::Index>(), any::<bool>()), 0..60),
    ) {
        let area: DivisionCode = "640121".parse().unwrap();
        let list: Vec<Institution> = parents
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let n = Institution::new(inst(1000 + i as u128), format!("单位{i}"), InstitutionKind::PublicInstitution, area);
                if i == 0 { n } else { n.under(inst(1000 + p.index(i) as u128), Attachment::DirectlyAffiliated) }
            })
            .collect();
        let registry = InstitutionRegistry::from_institutions(list).unwrap();
        let tree = tree();
        let mut lines: std::collections::BTreeMap<PostHolder, (u32, u32)> = Default::default();
        let mut unfilled = 0u32;
        for (at, filled) in &posts {
            let holder = PostHolder::Institution(inst(1000 + at.index(parents.len()) as u128));
            let line = lines.entry(holder).or_default();
            line.0 += 1;
            line.1 += u32::from(*filled);
            unfilled += u32::from(!filled);
        }
        let book = QuotaBook::opening(lines.iter().map(|(h, (allotted, occupied))| QuotaOpeningLine {
            holder: *h,
            rank: DEPUTY,
            line: QuotaLine { allotted: *allotted, occupied: *occupied, planned_departures: 0 },
        }));
        let vacancies: u32 = book.lines().map(|(_, _, l)| l.vacancies()).sum();
        prop_assert_eq!(vacancies, unfilled);
        let total: u32 = book.lines().map(|(_, _, l)| l.allotted).sum();
        prop_assert_eq!(total as usize, posts.len());
        // Rolled up over the registry: each institution's subtree total is the sum of the
        // lines of the institutions within it.
        let mut per_slot = vec![0u64; registry.len()];
        for (h, _, l) in book.lines() {
            let slot = registry.slot(h.institution().unwrap()).unwrap();
            per_slot[slot.index()] += u64::from(l.allotted);
        }
        let mut rolled = per_slot.clone();
        registry.rollup_in_place(&mut rolled, |a, c| *a += *c).unwrap();
        for i in registry.institutions() {
            let expected: u64 = registry
                .subtree(i.id)
                .unwrap()
                .map(|x| per_slot[registry.slot(x.id).unwrap().index()])
                .sum();
            prop_assert_eq!(rolled[registry.slot(i.id).unwrap().index()], expected);
            let chain: Vec<PostHolder> = registry.ancestors(i.id).unwrap().map(|a| PostHolder::Institution(a.id)).collect();
            prop_assert_eq!(PostHolder::Institution(i.id).above(&tree, &registry), chain);
        }
    }
}
