use zugong_cadre::*;
use zugong_core::journal::Journal;
use zugong_core::*;

use crate::support::*;

#[test]
fn tenure_flags_at_their_thresholds() {
    let p = RotationPolicy::default();
    let t = PostTenure {
        cadre: cadre(1),
        in_post_since: d(2016, 6, 1),
        level_periods: vec![(d(2011, 6, 1), Some(d(2016, 6, 1))), (d(2016, 6, 1), None)],
        terms_served: 2,
        scope: TenureScope::LocalLeadership,
    };
    let day_before = rotation_flags(&t, d(2026, 5, 31), &p);
    assert!(
        !day_before
            .iter()
            .any(|f| matches!(f, RotationFlag::MustRotate { .. }))
    );
    let on = rotation_flags(&t, d(2026, 6, 1), &p);
    assert!(on.contains(&RotationFlag::MustRotate {
        since: d(2026, 6, 1)
    }));
    assert!(on.contains(&RotationFlag::TwoTermsReached));
    assert!(on.contains(&RotationFlag::LevelLimitReached { years: 15 }));
    assert_eq!(
        on[0].citation().regulation,
        "《党政领导干部选拔任用工作条例》(2019)"
    );
    let new = PostTenure {
        cadre: cadre(2),
        in_post_since: d(2024, 1, 1),
        level_periods: vec![(d(2024, 1, 1), None)],
        terms_served: 1,
        scope: TenureScope::LocalLeadership,
    };
    assert_eq!(
        rotation_flags(&new, d(2026, 1, 1), &p),
        [RotationFlag::TermNotCompleted {
            term_ends: d(2029, 1, 1)
        }]
    );
    assert!(rotation_flags(&new, d(2029, 1, 1), &p).is_empty());
}

/// The limits bind by scope (任期暂行规定 第二条): the ten-year rule the local Party and
/// government leaders only; two terms and fifteen years those and the 正职; terms are 届
/// served, not years ÷ 5.
#[test]
fn limits_bind_by_scope_and_terms_are_counted_by_term() {
    let p = RotationPolicy::default();
    let long = |scope, terms_served| PostTenure {
        cadre: cadre(1),
        in_post_since: d(2014, 1, 1),
        level_periods: vec![(d(2010, 1, 1), None)],
        terms_served,
        scope,
    };
    let on = d(2026, 6, 1);
    let flags = |t: &PostTenure| rotation_flags(t, on, &p);
    // Twelve years in post, sixteen at the level.
    let principal = flags(&long(TenureScope::Principal, 2));
    assert!(
        !principal
            .iter()
            .any(|f| matches!(f, RotationFlag::MustRotate { .. }))
    );
    assert!(principal.contains(&RotationFlag::TwoTermsReached));
    assert!(principal.contains(&RotationFlag::LevelLimitReached { years: 16 }));
    assert!(flags(&long(TenureScope::Other, 2)).is_empty());
    // Twelve years but one 届 served (the body's term was lengthened or began late): not two.
    let one_term = flags(&long(TenureScope::LocalLeadership, 1));
    assert!(!one_term.contains(&RotationFlag::TwoTermsReached));
    assert!(
        one_term
            .iter()
            .any(|f| matches!(f, RotationFlag::MustRotate { .. }))
    );

    // Which posts are local leadership: the county committee's and the county government's.
    let (tree, registry) = (tree(), registry());
    let post = |holder, rank| {
        Post::new(
            PositionId::from_uuid(uuid::Uuid::from_u128(9)),
            holder,
            "职位",
            RankOrGrade::Leadership(rank),
            Tenure::Appointed,
        )
    };
    use LeadershipRank::*;
    assert_eq!(
        TenureScope::of(
            &post(PostHolder::PartyCommittee(id(2)), CountyDivisionDeputy),
            &tree,
            &registry
        ),
        TenureScope::LocalLeadership
    );
    assert_eq!(
        TenureScope::of(
            &post(PostHolder::PartyCommittee(id(4)), TownshipSectionChief),
            &tree,
            &registry
        ),
        TenureScope::Other,
        "a 乡镇党委 is no county-or-higher local committee"
    );
    assert_eq!(
        TenureScope::of(
            &post(PostHolder::Institution(inst(3)), TownshipSectionDeputy),
            &tree,
            &registry
        ),
        TenureScope::Other
    );
    // The county 纪委监委's head, and a city bureau's: 正职 in 第二条's scope; a 副县长 is a
    // local leader.
    for (holder, rank, scope) in [
        (inst(6), CountyDivisionChief, TenureScope::Principal),
        (inst(8), CountyDivisionChief, TenureScope::Principal),
        (inst(10), CountyDivisionDeputy, TenureScope::LocalLeadership),
        (inst(3), TownshipSectionChief, TenureScope::Other),
    ] {
        assert_eq!(
            TenureScope::of(
                &post(PostHolder::Institution(holder), rank),
                &tree,
                &registry
            ),
            scope,
            "{holder:?}"
        );
    }
}

#[test]
fn rotation_plans_respect_quotas_on_both_sides() {
    let (tree, registry) = (tree(), registry());
    let management = management(&tree, &registry);
    let deputy = RankOrGrade::Leadership(LeadershipRank::TownshipSectionDeputy);
    let county = Authority::organization_department(id(2));
    let (mut q, mut j) = (QuotaBook::default(), Journal::new());
    let ctx = QuotaContext {
        tree: &tree,
        registry: &registry,
        management: &management,
    };
    let line = |n: u128, count| QuotaOpeningLine {
        holder: PostHolder::Institution(inst(n)),
        rank: deputy,
        line: QuotaLine {
            allotted: count,
            occupied: count,
            planned_departures: 0,
        },
    };
    crate::support::run(
        &mut q,
        &mut j,
        &QuotaCommand::Open {
            lines: vec![line(3, 2), line(4, 1)],
        },
        &ctx,
        d(2026, 1, 1),
        county,
    )
    .unwrap();
    let post = |n| {
        Post::new(
            PositionId::from_uuid(uuid::Uuid::nil()),
            PostHolder::Institution(inst(n)),
            "副职",
            deputy,
            Tenure::Appointed,
        )
    };
    // A swap between the bureau and the township keeps both within quota.
    let swap = [
        RotationMove {
            cadre: cadre(1),
            from: post(3),
            to: post(4),
        },
        RotationMove {
            cadre: cadre(2),
            from: post(4),
            to: post(3),
        },
    ];
    assert_eq!(check_rotation_plan(&swap, &q), Ok(()));
    // A one-way move into the full township is refused.
    let one_way = [RotationMove {
        cadre: cadre(1),
        from: post(3),
        to: post(4),
    }];
    assert_eq!(
        check_rotation_plan(&one_way, &q),
        Err(vec![RotationProblem::OverQuota {
            holder: PostHolder::Institution(inst(4)),
            rank: deputy,
            after: 2,
            allotted: 1
        }])
    );
    let twice = [swap[0].clone(), swap[0].clone()];
    assert!(
        check_rotation_plan(&twice, &q)
            .unwrap_err()
            .contains(&RotationProblem::MovedTwice(cadre(1)))
    );
    // A departure recorded in the book frees the post (an appointment's own adjustment is
    // `SelectionCommand::Adjust`).
    let free = QuotaCommand::Release {
        holder: PostHolder::Institution(inst(4)),
        rank: deputy,
    };
    crate::support::run(&mut q, &mut j, &free, &ctx, d(2026, 2, 1), county).unwrap();
    assert_eq!(
        q.line(PostHolder::Institution(inst(4)), deputy)
            .unwrap()
            .vacancies(),
        1
    );
}

#[test]
fn updown_lists_and_cooling_off() {
    assert_eq!(UnsuitabilityCase::ALL.len(), 15);
    assert!(UnsuitabilityCase::FamilyAbroad.needs_verification());
    assert!(!UnsuitabilityCase::WeakPoliticalCapacity.needs_verification());
    assert_eq!(
        UnsuitabilityCase::FamilyBusiness.citation().status,
        SourceStatus::Provisional
    );
    assert_eq!(RemovalCase::ALL.len(), 8);
    assert_eq!(ResignationKind::ALL.len(), 4);
    assert_eq!(
        "引咎辞职".parse::<ResignationKind>(),
        Ok(ResignationKind::TakingResponsibility)
    );
    use LeadershipRank::*;
    let exit = AccountableExit::Resignation(ResignationKind::Ordered);
    let left = d(2025, 3, 1);
    // A province may set its own periods.
    let longer = CoolingOffPolicy {
        no_leadership_years: 2,
        nothing_higher_years: 3,
    };
    assert!(
        check_cooling_off(
            exit,
            left,
            CountyDivisionDeputy,
            TownshipSectionChief,
            d(2026, 6, 1),
            &longer
        )
        .is_err()
    );
    assert_eq!(
        check_cooling_off(
            exit,
            left,
            CountyDivisionDeputy,
            TownshipSectionChief,
            d(2026, 2, 28),
            &CoolingOffPolicy::default()
        ),
        Err(CoolingOffBar::NoLeadershipPost {
            until: d(2026, 2, 28)
        })
    );
    assert_eq!(
        check_cooling_off(
            exit,
            left,
            CountyDivisionDeputy,
            CountyDivisionDeputy,
            d(2026, 3, 1),
            &CoolingOffPolicy::default()
        ),
        Ok(())
    );
    assert_eq!(
        check_cooling_off(
            exit,
            left,
            CountyDivisionDeputy,
            CountyDivisionChief,
            d(2027, 2, 28),
            &CoolingOffPolicy::default()
        ),
        Err(CoolingOffBar::NothingHigher {
            until: d(2027, 2, 28),
            previous: CountyDivisionDeputy
        })
    );
    assert_eq!(
        check_cooling_off(
            exit,
            left,
            CountyDivisionDeputy,
            CountyDivisionChief,
            d(2027, 3, 1),
            &CoolingOffPolicy::default()
        ),
        Ok(())
    );
    assert_eq!(
        check_cooling_off(
            AccountableExit::Resignation(ResignationKind::Voluntary),
            left,
            CountyDivisionDeputy,
            CountyDivisionChief,
            d(2025, 3, 2),
            &CoolingOffPolicy::default()
        ),
        Ok(())
    );
    assert!(
        check_cooling_off(
            AccountableExit::AccountabilityRemoval,
            left,
            CountyDivisionDeputy,
            TownshipSectionDeputy,
            d(2025, 6, 1),
            &CoolingOffPolicy::default()
        )
        .is_err()
    );
}
