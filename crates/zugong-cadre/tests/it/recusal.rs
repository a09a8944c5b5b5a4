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
    let home = Some(Locality::Division(yongning));
    let county_post = Some(RegionalPrincipalPost {
        area: Locality::Division(yongning),
    });
    assert_eq!(
        check_recusal(&plain, &[], &rel, &[], home, county_post),
        [RecusalFinding::HomeCounty { area: yongning }]
    );
    let city_post = Some(RegionalPrincipalPost {
        area: "640100".parse().unwrap(),
    });
    let found = check_recusal(&plain, &[], &rel, &[], home, city_post);
    assert!(matches!(found[0], RecusalFinding::HomePrefecture { .. }));
    assert!(
        check_recusal(
            &plain,
            &[],
            &rel,
            &[],
            Some("640200".parse().unwrap()),
            city_post
        )
        .is_empty()
    );
    // A township home inside the county still counts for the county's principal posts.
    assert_eq!(
        check_recusal(
            &plain,
            &[],
            &rel,
            &[],
            Some("640121101".parse().unwrap()),
            county_post
        ),
        [RecusalFinding::HomeCounty { area: yongning }]
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

/// 《公务员法》 第七十五条: 地域回避 reaches the 乡级机关's principal posts. Read through the
/// files' register as the selection reads it at 任职: the township's 正职 is refused to a cadre
/// who grew up in that township, not to one from the next township or one whose 成长地 is known
/// only to the county; a 副职 there is no principal post.
#[test]
fn a_township_principal_post_is_avoided_by_a_cadre_who_grew_up_there() {
    let tree = tree();
    let registry = registry();
    let town = PostHolder::Institution(inst(4));
    let post = |title: &str, rank| {
        Post::new(
            PositionId::from_uuid(uuid::Uuid::from_u128(78)),
            town,
            title,
            RankOrGrade::Leadership(rank),
            Tenure::Elected,
        )
    };
    let chief = post("镇长", LeadershipRank::TownshipSectionChief);
    let deputy = post("副镇长", LeadershipRank::TownshipSectionDeputy);
    let files_from = |home: &str| {
        CadreFiles::from_files([eligible_file(1).from_home(Some(home.parse().unwrap()))])
    };
    let here: TownshipCode = "640121101".parse().unwrap();
    assert_eq!(
        files_from("640121101").recusal(cadre(1), &chief, &tree, &registry),
        [RecusalFinding::HomeTownship { area: here }]
    );
    let finding = RecusalFinding::HomeTownship { area: here };
    assert!(finding.citation().article.contains("第七十五条"));
    assert!(finding.to_string().contains("640121101"));
    assert!(
        files_from("640121102")
            .recusal(cadre(1), &chief, &tree, &registry)
            .is_empty()
    );
    // Known only to the county: the county rule does not apply to a township post, and the
    // township cannot be told.
    assert!(
        files_from("640121")
            .recusal(cadre(1), &chief, &tree, &registry)
            .is_empty()
    );
    assert!(
        files_from("640121101")
            .recusal(cadre(1), &deputy, &tree, &registry)
            .is_empty()
    );
}

#[test]
fn a_township_of_another_county_is_refused_by_the_registry() {
    let area: DivisionCode = "640121".parse().unwrap();
    let mut town = Institution::new(inst(1), "望洪镇", InstitutionKind::Township, area);
    town.township = Some("640122101".parse().unwrap());
    assert!(matches!(
        InstitutionRegistry::from_institutions(vec![town]),
        Err(InstitutionError::TownshipOutsideArea { .. })
    ));
}

proptest! {
    /// Every 9-digit code that parses is written back the same, lies inside its county, and
    /// its county is a county-level code; every other text is refused without a panic.
    #[test]
    fn township_codes_round_trip(county in 110_101u32..=820_199, number in 0u16..=1200) {
        let text = format!("{county:06}{number:03}");
        match text.parse::<TownshipCode>() {
            Ok(t) => {
                prop_assert_eq!(t.to_string(), text.clone());
                prop_assert!(Locality::Township(t).is_within(Locality::Division(t.county())));
                prop_assert_eq!(t.county().level(), DivisionLevel::County);
                let json = serde_json::to_string(&Locality::Township(t)).unwrap();
                prop_assert_eq!(serde_json::from_str::<Locality>(&json).unwrap(), Locality::Township(t));
            }
            Err(_) => prop_assert!(
                number == 0 || number > 999 || text.len() != 9 || DivisionCode::from_number(county).map_or(true, |c| c.level() != DivisionLevel::County)
            ),
        }
    }
}
