use zugong_core::*;
use zugong_talent::*;

use crate::support::*;

#[test]
fn age_exactly_35_on_the_deadline() {
    let p = ProgrammeDefinition::young_nurtured();
    let deadline = d(2024, 7, 31);
    // Turns 36 the day after the deadline: still 35.
    let a = applicant(1, d(1988, 8, 1), ResearchField::NaturalSciences);
    assert!(check_eligibility(&p, &a, deadline).is_empty());
    // Turns 36 on the deadline: too old.
    let a = applicant(1, d(1988, 7, 31), ResearchField::NaturalSciences);
    let unmet = check_eligibility(&p, &a, deadline);
    assert_eq!(unmet.len(), 1);
    assert_eq!(
        unmet[0].condition,
        Ineligibility::TooOld { age: 36, max: 35 }
    );
    assert_eq!(unmet[0].citation.status, SourceStatus::Secondary);
}

#[test]
fn every_unmet_condition_is_listed() {
    let p = ProgrammeDefinition::young_nurtured();
    let mut a = applicant(1, d(1980, 1, 1), ResearchField::Any);
    a.education = Some(EducationLevel::Undergraduate);
    a.current_tiers = vec![TalentTier::YoungTopTalent];
    a.non_professional_leader = true;
    let unmet: Vec<Ineligibility> = check_eligibility(&p, &a, d(2024, 7, 31))
        .into_iter()
        .map(|u| u.condition)
        .collect();
    assert_eq!(
        unmet,
        [
            Ineligibility::TooOld { age: 44, max: 35 },
            Ineligibility::Education {
                have: Some(EducationLevel::Undergraduate),
                need: EducationLevel::Postgraduate
            },
            Ineligibility::SameOrHigherTier(TalentTier::YoungTopTalent),
            Ineligibility::NonProfessionalLeader,
            Ineligibility::FieldNotOffered(ResearchField::Any),
        ]
    );
    // A programme for the 六特 industries only.
    let mut six = ProgrammeDefinition::young_nurtured();
    six.industries = vec!["wine".into(), "goji".into()];
    let mut c = applicant(3, d(1992, 1, 1), ResearchField::NaturalSciences);
    assert!(check_eligibility(&six, &c, d(2024, 7, 31)).is_empty());
    c.industry = Some("hydrogen".into());
    assert_eq!(
        check_eligibility(&six, &c, d(2024, 7, 31))[0].condition,
        Ineligibility::IndustryNotCovered(Some("hydrogen".into()))
    );
    // A lower tier held does not exclude; a title below the least does.
    let leader = ProgrammeDefinition::industry_leader();
    let mut b = applicant(2, d(1975, 1, 1), ResearchField::Any);
    b.current_tiers = vec![TalentTier::YoungTopTalent];
    assert_eq!(
        check_eligibility(&leader, &b, d(2024, 7, 31))
            .into_iter()
            .map(|u| u.condition)
            .collect::<Vec<_>>(),
        [Ineligibility::Title {
            have: Some(ProfessionalTitle::Intermediate),
            need: ProfessionalTitle::AssociateSenior
        }]
    );
}

#[test]
fn programme_values() {
    use zugong_core::Policy;
    let n = ProgrammeDefinition::young_nurtured();
    assert_eq!(
        (
            n.seats_for(ResearchField::HumanitiesAndArts),
            n.seats_for(ResearchField::NaturalSciences)
        ),
        (30, 120)
    );
    let top = ProgrammeDefinition::distinguished_sci_tech();
    let funding = top.funding.as_ref().unwrap();
    assert_eq!(funding.max_grant.to_string(), "600万元");
    assert_eq!(funding.first_payment_per_source, Some(Yuan::wan(100)));
    for p in [
        n.clone(),
        ProgrammeDefinition::young_top_talent(),
        ProgrammeDefinition::industry_leader(),
        top.clone(),
    ] {
        assert!(p.validate().is_ok(), "{}", p.name);
        assert!(!p.citations().is_empty());
    }
    let mut bad = top.clone();
    bad.funding.as_mut().unwrap().shares[0].1 = 400;
    assert!(bad.validate().is_err());
    let mut bad = n.clone();
    bad.cohort.clear();
    assert!(bad.validate().is_err());
    let json = serde_json::to_string(&top).unwrap();
    assert_eq!(
        serde_json::from_str::<ProgrammeDefinition>(&json).unwrap(),
        top
    );
    assert_eq!(Yuan(12_345).to_string(), "12345元");
}
