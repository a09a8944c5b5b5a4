use zugong_core::*;

#[test]
fn official_orders() {
    let terms: Vec<&str> = LeadershipRank::ALL.iter().map(|r| r.term()).collect();
    assert_eq!(terms.first(), Some(&"国家级正职"));
    assert_eq!(terms.last(), Some(&"乡科级副职"));
    // ALL is high → low; Ord is low → high.
    assert!(LeadershipRank::ALL.windows(2).all(|w| w[0] > w[1]));
    assert!(CivilServiceGrade::ALL.windows(2).all(|w| w[0] > w[1]));
    assert!(EducationLevel::ALL.windows(2).all(|w| w[0] > w[1]));
    assert!(AdminLevel::ALL.windows(2).all(|w| w[0] > w[1]));
    assert_eq!(LeadershipRank::ALL.len(), 10);
    assert_eq!(CivilServiceGrade::ALL.len(), 12);
    for r in LeadershipRank::ALL {
        assert_eq!(LeadershipRank::new(r.level(), r.seniority()), *r);
        assert_eq!(r.term().parse::<LeadershipRank>(), Ok(*r));
    }
    assert_eq!(
        LeadershipRank::TownshipSectionDeputy.next_up(),
        Some(LeadershipRank::TownshipSectionChief)
    );
    assert_eq!(LeadershipRank::NationalChief.next_up(), None);
    assert_eq!(CivilServiceGrade::FirstClassInspector.next_up(), None);
    assert_eq!(
        CivilServiceGrade::SecondClassStaff.next_up(),
        Some(CivilServiceGrade::FirstClassStaff)
    );
}

#[test]
fn salary_ranges_overlap_downwards() {
    for g in CivilServiceGrade::ALL {
        let r = g.salary_levels();
        assert!(r.highest <= r.lowest);
    }
    assert_eq!(SalaryLevel::new(0), Err(SalaryLevelError(0)));
    assert_eq!(SalaryLevel::new(28), Err(SalaryLevelError(28)));
    assert!(serde_json::from_str::<SalaryLevel>("30").is_err());
    assert_eq!(serde_json::from_str::<SalaryLevel>("27").unwrap().get(), 27);
}

#[test]
fn promotion_years_table() {
    use CivilServiceGrade as G;
    let p = GradePromotionPolicy::default();
    assert!(p.validate().is_ok());
    // Every grade but the lowest can be reached.
    for g in G::ALL.iter().filter(|g| **g != G::SecondClassStaff) {
        assert!(p.rules.iter().any(|r| r.to == *g), "{g}");
    }
    let from_leader = RankOrGrade::Leadership(LeadershipRank::CountyDivisionDeputy);
    assert_eq!(
        p.years_required(from_leader, G::ThirdClassResearcher),
        Some(2)
    );
    assert_eq!(
        p.months_required(from_leader, G::ThirdClassResearcher, 5),
        Some(0)
    );
    assert_eq!(
        p.citations().len(),
        3,
        "every field cited, the 公示 included"
    );

    let mut dup = p.clone();
    dup.rules.push(dup.rules[0].clone());
    assert!(matches!(dup.validate(), Err(PolicyError::Duplicate { .. })));
    let mut empty = p.clone();
    empty.rules[0].from.clear();
    assert!(matches!(empty.validate(), Err(PolicyError::Invalid { .. })));
    let mut backwards = p.clone();
    backwards.rules[1].from = vec![RankOrGrade::Grade(G::FirstClassInspector)];
    assert!(matches!(
        backwards.validate(),
        Err(PolicyError::Invalid { .. })
    ));
    let too_much = GradePromotionPolicy {
        excellent_year_reduction_months: 13,
        ..p
    };
    assert!(matches!(
        too_much.validate(),
        Err(PolicyError::OutOfRange { .. })
    ));
}

#[test]
fn parse_errors_name_the_kind() {
    let err = "正处级".parse::<LeadershipRank>().unwrap_err();
    assert!(
        err.to_string().starts_with(
            "\"正处级\" is not a known 领导职务层次 (leadership rank); expected one of 国家级正职, "
        ),
        "{err}"
    );
    // The accepted terms are named, in official order.
    assert_eq!(err.accepted.len(), 10);
    assert_eq!(err.accepted.last(), Some(&"乡科级副职"));
    assert_eq!(err.chinese_kind(), "领导职务层次");
    assert!("一级科员".parse::<RankOrGrade>().is_ok());
    assert!("科长".parse::<RankOrGrade>().is_err());
    assert!("x".parse::<CadreId>().is_err());
    let err = "x".parse::<OrgUnitId>().unwrap_err();
    assert_eq!(err.kind, "OrgUnitId");
    assert!(matches!(
        "64010".parse::<DivisionCode>(),
        Err(DivisionCodeError::Malformed { .. })
    ));
    assert_eq!(
        "000000".parse::<DivisionCode>(),
        Err(DivisionCodeError::UnknownProvince { prefix: 0 })
    );
    assert!(matches!(
        DivisionCode::from_number(6_401_040),
        Err(DivisionCodeError::Malformed { .. })
    ));
    let code = DivisionCode::from_number(640_104).unwrap();
    assert_eq!(code.level(), DivisionLevel::County);
    assert_eq!(code.prefecture().level(), DivisionLevel::Prefecture);
    assert!(code.is_within(code.prefecture()) && code.is_within(code.province()));
    assert!(!code.is_within(DivisionCode::from_number(640_200).unwrap()));
}
