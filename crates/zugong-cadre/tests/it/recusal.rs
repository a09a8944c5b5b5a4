use proptest::prelude::*;
use zugong_cadre::*;
use zugong_core::*;

use crate::support::*;

fn holding(
    n: u128,
    institution: InstitutionId,
    leads: bool,
    leader: Option<u128>,
    function: WorkFunction,
) -> Holding {
    let h = Holding::new(cadre(n), institution, function).under(leader.map(cadre));
    if leads { h.leading() } else { h }
}

#[test]
fn kinship_business_and_home_region() {
    let mut rel = RelationBook::default();
    rel.relate(cadre(2), cadre(1), Kinship::Spouse);
    rel.relate(cadre(3), cadre(4), Kinship::CollateralWithinThree);
    let holders = vec![
        holding(1, inst(3), true, None, WorkFunction::Other),
        holding(3, inst(3), false, Some(1), WorkFunction::Other),
    ];
    // The leader's spouse proposed as the bureau's finance head.
    let proposed = holding(2, inst(3), false, Some(1), WorkFunction::Finance);
    let f = check_recusal(&proposed, &holders, &rel, &[], None, None);
    assert!(f.contains(&RecusalFinding::SuperiorSubordinate {
        relative: cadre(1),
        kinship: Kinship::Spouse
    }));
    assert!(f.contains(&RecusalFinding::SensitiveFunction {
        relative: cadre(1),
        kinship: Kinship::Spouse
    }));
    // A cousin under the same direct leader.
    let cousin = holding(4, inst(3), false, Some(1), WorkFunction::Other);
    assert_eq!(
        check_recusal(&cousin, &holders, &rel, &[], None, None),
        [RecusalFinding::SameDirectLeader {
            relative: cadre(3),
            kinship: Kinship::CollateralWithinThree
        }]
    );
    // Business interests and home region.
    let plain = holding(9, inst(4), true, None, WorkFunction::Other);
    assert_eq!(
        check_recusal(&plain, &holders, &rel, &[inst(4)], None, None),
        [RecusalFinding::BusinessInterest {
            institution: inst(4)
        }]
    );
    let yongning = DivisionCode::new("640121").unwrap();
    let county_post = Some(RegionalPrincipalPost { area: yongning });
    assert_eq!(
        check_recusal(&plain, &[], &rel, &[], Some(yongning), county_post),
        [RecusalFinding::HomeCounty { area: yongning }]
    );
    let city_post = Some(RegionalPrincipalPost {
        area: DivisionCode::new("640100").unwrap(),
    });
    let found = check_recusal(&plain, &[], &rel, &[], Some(yongning), city_post);
    assert!(matches!(found[0], RecusalFinding::HomePrefecture { .. }));
    assert!(
        check_recusal(
            &plain,
            &[],
            &rel,
            &[],
            Some(DivisionCode::new("640200").unwrap()),
            city_post
        )
        .is_empty()
    );
    // Relatives in two institutions are not in the same organ, whatever their branches.
    let elsewhere = holding(2, inst(5), false, None, WorkFunction::Finance);
    assert!(check_recusal(&elsewhere, &holders, &rel, &[], None, None).is_empty());
    // The whole pool.
    let mut all = holders.clone();
    all.push(cousin);
    let report = recusal_report(&all, &rel);
    assert_eq!(report.len(), 1);
    let json = serde_json::to_string(&rel).unwrap();
    assert_eq!(serde_json::from_str::<RelationBook>(&json).unwrap(), rel);
}

proptest! {
    #[test]
    fn recusal_is_found_whatever_the_order_relatives_were_added_in(
        pairs in prop::collection::vec((1u128..8, 1u128..8), 0..12),
        seed in any::<u64>(),
    ) {
        let mut forward = RelationBook::default();
        for (a, b) in &pairs {
            forward.relate(cadre(*a), cadre(*b), Kinship::DirectBlood);
        }
        let mut shuffled = pairs.clone();
        let mut x = seed | 1;
        for i in (1..shuffled.len()).rev() {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            shuffled.swap(i, (x as usize) % (i + 1));
        }
        let mut backward = RelationBook::default();
        for (a, b) in shuffled.iter().rev() {
            backward.relate(cadre(*b), cadre(*a), Kinship::DirectBlood);
        }
        prop_assert_eq!(&forward, &backward);
        let holders: Vec<Holding> = (1..8).map(|n| holding(n, inst(3), n == 1, (n != 1).then_some(1), WorkFunction::Audit)).collect();
        for h in &holders {
            let a = check_recusal(h, &holders, &forward, &[], None, None);
            let b = check_recusal(h, &holders, &backward, &[], None, None);
            prop_assert_eq!(a, b);
        }
        prop_assert_eq!(recusal_report(&holders, &forward), recusal_report(&holders, &backward));
    }
}

/// 公务员法 第七十四条: no 组织、人事、纪检监察、审计、财务 work in an organ where a relative holds
/// a leadership post — any leadership post, a 内设机构's head included, not only the 领导成员.
#[test]
fn sensitive_work_is_barred_where_a_relative_holds_any_leadership_post() {
    let mut rel = RelationBook::default();
    rel.relate(cadre(2), cadre(1), Kinship::Spouse);
    let finance = holding(2, inst(3), false, None, WorkFunction::Finance);
    let sensitive = |holders: &[Holding]| {
        check_recusal(&finance, holders, &rel, &[], None, None).contains(
            &RecusalFinding::SensitiveFunction {
                relative: cadre(1),
                kinship: Kinship::Spouse,
            },
        )
    };
    // The spouse heads an office of the same bureau (a 科长): barred.
    let office_head = Holding::new(cadre(1), inst(3), WorkFunction::Other).in_leadership_post();
    assert!(sensitive(std::slice::from_ref(&office_head)));
    // The spouse holds no leadership post there: not this rule.
    assert!(!sensitive(&[holding(
        1,
        inst(3),
        false,
        None,
        WorkFunction::Other
    )]));
    // A leadership post in another bureau: not the same organ.
    let elsewhere = Holding::new(cadre(1), inst(4), WorkFunction::Other).in_leadership_post();
    assert!(!sensitive(&[elsewhere]));
}
