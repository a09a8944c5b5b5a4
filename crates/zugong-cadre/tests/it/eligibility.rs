use chrono::NaiveDate;
use zugong_cadre::*;
use zugong_core::*;

use crate::support::*;

fn held(rank: LeadershipRank, from: NaiveDate, until: Option<NaiveDate>) -> PostHeld {
    PostHeld {
        rank: RankOrGrade::Leadership(rank),
        from,
        until,
        exceptional_on_years: false,
        probation_until: None,
    }
}

fn profile(posts: Vec<PostHeld>) -> CadreProfile {
    CadreProfile {
        cadre: cadre(1),
        birth_date: d(1985, 5, 1),
        work_started_on: d(2008, 7, 1),
        grassroots_months: 48,
        education: Some(EducationLevel::Undergraduate),
        full_member_since: Some(d(2007, 6, 1)),
        posts,
        training: vec![zugong_cadre::TrainingCredit::new(
            chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
            12,
            900,
        )],
        health: Vec::new(),
        qualifications: Vec::new(),
    }
}

fn reqs(r: &EligibilityReport) -> Vec<Requirement> {
    r.unmet.iter().map(|u| u.requirement).collect()
}

#[test]
fn county_level_promotion_thresholds() {
    use LeadershipRank::*;
    let policy = SelectionPolicy::default();
    // Two posts at 乡科级, the last as 乡科级正职 since 2023-06-01: 3 years needed for 县处级副职.
    let p = profile(vec![
        held(TownshipSectionDeputy, d(2018, 1, 1), Some(d(2023, 6, 1))),
        held(TownshipSectionChief, d(2023, 6, 1), None),
    ]);
    let target = PromotionTarget {
        rank: CountyDivisionDeputy,
        committee: None,
    };
    assert!(check_eligibility(&p, target, d(2026, 6, 1), &policy).is_eligible());
    let r = check_eligibility(&p, target, d(2026, 5, 31), &policy);
    assert_eq!(reqs(&r), [Requirement::YearsInLowerPost]);
    assert_eq!(r.unmet[0].citation.article, "第八条第（三）项");
    // 5 years of work and 2 of grassroots experience, exactly.
    let mut q = p.clone();
    q.work_started_on = d(2021, 6, 1);
    q.grassroots_months = 24;
    assert!(check_eligibility(&q, target, d(2026, 6, 1), &policy).is_eligible());
    q.work_started_on = d(2021, 6, 2);
    q.grassroots_months = 23;
    assert_eq!(
        reqs(&check_eligibility(&q, target, d(2026, 6, 1), &policy)),
        [Requirement::WorkYears, Requirement::GrassrootsExperience]
    );
}

#[test]
fn every_unmet_requirement_is_listed() {
    use LeadershipRank::*;
    let policy = SelectionPolicy::default();
    let mut p = profile(vec![held(TownshipSectionChief, d(2025, 1, 1), None)]);
    p.education = Some(EducationLevel::SeniorHigh);
    // An examination concluded 不能正常履行职责 (the latest one on file decides).
    p.health = vec![
        HealthExamination::new(d(2024, 5, 1), HealthConclusion::Fit),
        HealthExamination::new(d(2025, 5, 1), HealthConclusion::Unfit),
        HealthExamination::new(d(2026, 5, 1), HealthConclusion::Fit),
    ];
    p.full_member_since = Some(d(2022, 1, 1));
    p.training.clear();
    p.work_started_on = d(2024, 1, 1);
    p.grassroots_months = 0;
    let target = PromotionTarget {
        rank: CountyDivisionDeputy,
        committee: Some(CommitteeTier::ProvincialOrCity),
    };
    let r = check_eligibility(&p, target, d(2026, 1, 1), &policy);
    assert_eq!(
        reqs(&r),
        [
            Requirement::WorkYears,
            Requirement::GrassrootsExperience,
            Requirement::LowerLevelPosts,
            Requirement::YearsInLowerPost,
            Requirement::Education,
            Requirement::Health,
            Requirement::PartyStanding,
        ]
    );
    assert_eq!(r.training_catch_up.as_ref().unwrap().by, d(2027, 1, 1));
    assert!(!r.all_waivable());
    // 厅局级 needs 本科.
    let mut s = profile(vec![
        held(CountyDivisionChief, d(2018, 1, 1), None),
        held(CountyDivisionDeputy, d(2012, 1, 1), Some(d(2018, 1, 1))),
    ]);
    s.education = Some(EducationLevel::JuniorCollege);
    let r = check_eligibility(
        &s,
        PromotionTarget {
            rank: BureauDepartmentDeputy,
            committee: None,
        },
        d(2026, 1, 1),
        &policy,
    );
    assert_eq!(reqs(&r), [Requirement::Education]);
    assert_eq!(r.unmet[0].strength, Strength::Generally);
    let with_age = SelectionPolicy {
        max_age: Some(39),
        ..policy
    };
    assert!(
        reqs(&check_eligibility(
            &s,
            PromotionTarget {
                rank: BureauDepartmentDeputy,
                committee: None
            },
            d(2026, 1, 1),
            &with_age
        ))
        .contains(&Requirement::Age)
    );
}

#[test]
fn exceptional_promotion_limits() {
    use LeadershipRank::*;
    let policy = SelectionPolicy::default();
    let on = d(2026, 6, 1);
    // 乡科级副职 → 县处级副职 skips one level (2 steps): waivable by 破格.
    let p = profile(vec![held(TownshipSectionDeputy, d(2020, 1, 1), None)]);
    let r = check_eligibility(
        &p,
        PromotionTarget {
            rank: CountyDivisionDeputy,
            committee: None,
        },
        on,
        &policy,
    );
    assert_eq!(r.steps, Some(2));
    assert!(
        r.unmet
            .iter()
            .any(|u| u.requirement == Requirement::StepByStep && u.waivable)
    );
    assert!(r.all_waivable());
    assert_eq!(
        check_exceptional(
            &p,
            &r,
            ExceptionalBasis::OutstandingInCrisis,
            true,
            on,
            &policy
        ),
        Ok(())
    );
    assert_eq!(
        check_exceptional(
            &p,
            &r,
            ExceptionalBasis::OutstandingInCrisis,
            false,
            on,
            &policy
        ),
        Err(vec![ExceptionalBar::NotPoliticallyStrong])
    );
    // Three steps: never (不得越两级).
    let r3 = check_eligibility(
        &p,
        PromotionTarget {
            rank: CountyDivisionChief,
            committee: None,
        },
        on,
        &policy,
    );
    assert!(
        check_exceptional(&p, &r3, ExceptionalBasis::SpecialistNeed, true, on, &policy)
            .unwrap_err()
            .contains(&ExceptionalBar::SkipsTwoLevels)
    );
    // In probation, under a year in post, and twice in a row on years.
    let mut q = profile(vec![PostHeld {
        rank: RankOrGrade::Leadership(TownshipSectionChief),
        from: d(2025, 9, 1),
        until: None,
        exceptional_on_years: true,
        probation_until: Some(d(2026, 9, 1)),
    }]);
    q.work_started_on = d(2023, 1, 1);
    let r = check_eligibility(
        &q,
        PromotionTarget {
            rank: CountyDivisionDeputy,
            committee: None,
        },
        on,
        &policy,
    );
    let bars =
        check_exceptional(&q, &r, ExceptionalBasis::TeamStructure, true, on, &policy).unwrap_err();
    assert!(bars.contains(&ExceptionalBar::InProbation));
    assert!(bars.contains(&ExceptionalBar::TooSoonAfterPromotion));
    assert!(bars.contains(&ExceptionalBar::ConsecutiveOnYears));
    // Protected items cannot be waived.
    let mut e = p.clone();
    e.education = Some(EducationLevel::SeniorHigh);
    let r = check_eligibility(
        &e,
        PromotionTarget {
            rank: TownshipSectionChief,
            committee: None,
        },
        on,
        &policy,
    );
    assert_eq!(
        check_exceptional(&e, &r, ExceptionalBasis::RemoteAreaNeed, true, on, &policy),
        Err(vec![ExceptionalBar::Protected(Requirement::Education)])
    );
}

/// 党章 第二十七条: five years for a city committee, three for a county's, none for a 基层委员会.
#[test]
fn party_standing_follows_the_committee_tier() {
    use LeadershipRank::*;
    let policy = SelectionPolicy::default();
    let tree = tree();
    let registry = registry();
    let tier = |n| CommitteeTier::of(PostHolder::PartyCommittee(id(n)), &tree, &registry);
    assert_eq!(tier(1), Some(CommitteeTier::ProvincialOrCity));
    assert_eq!(tier(2), Some(CommitteeTier::County));
    assert_eq!(
        tier(4),
        Some(CommitteeTier::Grassroots),
        "a 乡镇党委 is a 基层委员会"
    );
    assert_eq!(
        tier(8),
        Some(CommitteeTier::Grassroots),
        "a system's 党委 in a 单位"
    );
    assert_eq!(tier(6), None, "a 工委 is no 第二十七条 committee");
    assert_eq!(
        CommitteeTier::of(PostHolder::LeadingGroup(id(3)), &tree, &registry),
        None
    );

    let mut p = profile(vec![
        held(TownshipSectionDeputy, d(2016, 1, 1), Some(d(2020, 1, 1))),
        held(TownshipSectionChief, d(2020, 1, 1), None),
    ]);
    p.full_member_since = Some(d(2023, 6, 1));
    let on = d(2026, 6, 1);
    let standing = |t: Option<CommitteeTier>, p: &CadreProfile| {
        let target = PromotionTarget {
            rank: CountyDivisionDeputy,
            committee: t,
        };
        reqs(&check_eligibility(p, target, on, &policy)).contains(&Requirement::PartyStanding)
    };
    // Exactly three years: enough for a county committee, not for a city's.
    assert!(!standing(Some(CommitteeTier::County), &p));
    assert!(standing(Some(CommitteeTier::ProvincialOrCity), &p));
    p.full_member_since = Some(d(2023, 6, 2));
    assert!(standing(Some(CommitteeTier::County), &p));
    assert!(!standing(Some(CommitteeTier::Grassroots), &p));
    assert!(!standing(None, &p));
    // A province may set one for 基层委员会.
    let mut strict = policy.clone();
    strict.grassroots_committee_standing_years = Some(5);
    let target = PromotionTarget {
        rank: CountyDivisionDeputy,
        committee: Some(CommitteeTier::Grassroots),
    };
    assert!(
        reqs(&check_eligibility(&p, target, on, &strict)).contains(&Requirement::PartyStanding)
    );
}

/// 乡科级 steps follow the civil-service rules, not Art 8(三): 副科 → 正科 2 years, 一级科员 →
/// 副科 3 years.
#[test]
fn township_steps_follow_the_civil_service_rules() {
    use LeadershipRank::*;
    let policy = SelectionPolicy::default();
    let p = profile(vec![held(TownshipSectionDeputy, d(2024, 3, 1), None)]);
    let chief = PromotionTarget {
        rank: TownshipSectionChief,
        committee: None,
    };
    assert!(check_eligibility(&p, chief, d(2026, 3, 1), &policy).is_eligible());
    let r = check_eligibility(&p, chief, d(2026, 2, 28), &policy);
    assert_eq!(reqs(&r), [Requirement::YearsInLowerPost]);
    assert_eq!(
        r.unmet[0].citation.regulation,
        "《公务员职务、职级与级别管理办法》(2020)"
    );

    let clerk = |from| PostHeld {
        rank: RankOrGrade::Grade(CivilServiceGrade::FirstClassStaff),
        from,
        until: None,
        exceptional_on_years: false,
        probation_until: None,
    };
    let deputy = PromotionTarget {
        rank: TownshipSectionDeputy,
        committee: None,
    };
    let q = profile(vec![clerk(d(2023, 3, 1))]);
    assert!(check_eligibility(&q, deputy, d(2026, 3, 1), &policy).is_eligible());
    assert_eq!(
        reqs(&check_eligibility(&q, deputy, d(2026, 2, 28), &policy)),
        [Requirement::YearsInLowerPost]
    );
    // 二级科员 is below 一级科员: its years do not count.
    let mut r = q.clone();
    r.posts[0].rank = RankOrGrade::Grade(CivilServiceGrade::SecondClassStaff);
    assert_eq!(
        reqs(&check_eligibility(&r, deputy, d(2030, 1, 1), &policy)),
        [Requirement::YearsInLowerPost]
    );
}

/// A county committee registered in its own Party organ is still the county's committee; a
/// 党委 set up in a bureau is not.
#[test]
fn a_committee_hosted_by_its_own_party_organ_is_local() {
    let area: DivisionCode = "640121".parse().unwrap();
    let registry = InstitutionRegistry::from_institutions(vec![
        Institution::new(
            inst(1),
            "中共永宁县委员会",
            InstitutionKind::PartyOrgan,
            area,
        ),
        Institution::new(
            inst(2),
            "永宁县税务局",
            InstitutionKind::GovernmentDepartment,
            area,
        ),
    ])
    .unwrap();
    let county = OrgUnit::new(
        id(1),
        "中共永宁县委员会",
        OrgKind::Committee,
        AdminLevel::County,
    )
    .in_institution(inst(1));
    let bureau = OrgUnit::new(
        id(2),
        "中共永宁县税务局委员会",
        OrgKind::Committee,
        AdminLevel::County,
    )
    .in_institution(inst(2));
    assert!(is_local_committee(&county, &registry));
    assert!(!is_local_committee(&bureau, &registry));
    let tree = OrgTree::from_units(vec![county, bureau.with_parent(id(1))]).unwrap();
    let tier = |n| CommitteeTier::of(PostHolder::PartyCommittee(id(n)), &tree, &registry);
    assert_eq!(tier(1), Some(CommitteeTier::County));
    assert_eq!(tier(2), Some(CommitteeTier::Grassroots));
}

/// 第八条(六) and (七) from records: the latest examination on the day decides, and a post's
/// required qualification must be held by then (法律职业资格 for a judge's post).
#[test]
fn health_and_qualifications_are_read_from_the_records_on_the_day() {
    use LeadershipRank::*;
    let policy = SelectionPolicy::default();
    let target = PromotionTarget {
        rank: TownshipSectionDeputy,
        committee: None,
    };
    let mut p = crate::support::eligible_file(1).profile;
    p.health = vec![
        HealthExamination::new(d(2025, 5, 1), HealthConclusion::Unfit),
        HealthExamination::new(d(2026, 5, 1), HealthConclusion::Fit),
    ];
    let before = check_eligibility(&p, target, d(2026, 4, 30), &policy);
    assert_eq!(reqs(&before), [Requirement::Health]);
    assert!(
        before.unmet[0]
            .citation
            .article
            .contains("第八条第（六）项")
    );
    assert!(reqs(&check_eligibility(&p, target, d(2026, 5, 1), &policy)).is_empty());
    // No examination on file is no finding.
    p.health.clear();
    assert!(reqs(&check_eligibility(&p, target, d(2026, 5, 1), &policy)).is_empty());

    // A court post requiring 法律职业资格, through the file as the selection reads it.
    let judge = Post::new(
        PositionId::from_uuid(uuid::Uuid::from_u128(79)),
        PostHolder::Institution(crate::support::inst(3)),
        "审判员",
        RankOrGrade::Leadership(TownshipSectionDeputy),
        Tenure::Appointed,
    )
    .requiring(QualificationKind::LegalProfession);
    let (tree, registry) = (crate::support::tree(), crate::support::registry());
    let mut file = crate::support::eligible_file(1);
    let unmet = |file: &CadreFile, on| {
        file.consider(&judge, &tree, &registry, on, &policy)
            .unwrap()
            .eligibility
            .unmet
    };
    let missing = unmet(&file, d(2026, 6, 1));
    assert_eq!(missing.len(), 1);
    assert_eq!(missing[0].requirement, Requirement::LegalQualifications);
    assert!(missing[0].citation.article.contains("第十二条"));
    assert!(missing[0].detail.contains("法律职业资格"));
    file.profile.qualifications = vec![Qualification::new(
        QualificationKind::LegalProfession,
        d(2026, 6, 1),
    )];
    assert!(unmet(&file, d(2026, 6, 1)).is_empty());
    assert_eq!(
        unmet(&file, d(2026, 5, 31)).len(),
        1,
        "obtained the next day"
    );
}

/// 第八条(五) from the training credited (条例 第十四条): 550学时 in the five years up to the
/// day for a 县处级 cadre, not 549.9; the shortfall is a catch-up within a year, not a bar.
#[test]
fn training_is_read_from_the_credits_on_both_sides_of_550_hours() {
    use LeadershipRank::*;
    let policy = SelectionPolicy::default();
    let mut p = profile(vec![held(CountyDivisionDeputy, d(2018, 1, 1), None)]);
    let target = PromotionTarget {
        rank: CountyDivisionChief,
        committee: None,
    };
    let on = d(2026, 6, 1);
    p.training = vec![
        TrainingCredit::new(d(2021, 6, 1), 5, 1000), // six years back: outside the window
        TrainingCredit::new(d(2024, 3, 1), 10, 2500),
        TrainingCredit::new(d(2026, 5, 1), 10, 2999),
    ];
    let short = check_eligibility(&p, target, on, &policy);
    assert_eq!(short.training_catch_up.as_ref().unwrap().by, d(2027, 6, 1));
    assert!(!reqs(&short).contains(&Requirement::Training));
    p.training.push(TrainingCredit::new(d(2026, 5, 2), 1, 1));
    assert!(
        check_eligibility(&p, target, on, &policy)
            .training_catch_up
            .is_none()
    );
}
