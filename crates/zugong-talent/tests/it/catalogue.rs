use zugong_core::{Citation, SourceStatus};
use zugong_talent::*;

#[test]
fn the_2024_catalogue() {
    let cat = IndustryCatalogue::ningxia_2024();
    assert_eq!(
        cat.in_group(IndustryGroup::SpecialtyAgriculture)
            .filter(|i| i.status == SourceStatus::Confirmed)
            .count(),
        6
    );
    assert_eq!(cat.in_group(IndustryGroup::NewIndustry).count(), 6);
    assert_eq!(cat.in_group(IndustryGroup::ModernService).count(), 6);
    assert!(cat.in_group(IndustryGroup::Emerging).count() >= 2);
    assert_eq!(cat.get("tan_sheep").unwrap().name, "滩羊");
    let json = serde_json::to_string(&cat).unwrap();
    assert_eq!(
        serde_json::from_str::<IndustryCatalogue>(&json).unwrap(),
        cat
    );
    assert_eq!(
        "六特".parse::<IndustryGroup>(),
        Ok(IndustryGroup::SpecialtyAgriculture)
    );
}

#[test]
fn bad_catalogues() {
    let item = |code: &str| Industry {
        code: code.into(),
        name: "x".into(),
        group: IndustryGroup::Emerging,
        status: SourceStatus::Provisional,
    };
    let data = |items| CatalogueData {
        version: "t".into(),
        source: Citation::new("t", "", SourceStatus::Provisional),
        industries: items,
    };
    assert_eq!(
        IndustryCatalogue::new(data(vec![item("a"), item("a")])),
        Err(CatalogueError::DuplicateCode("a".into()))
    );
    assert_eq!(
        IndustryCatalogue::new(data(vec![item(" ")])),
        Err(CatalogueError::Blank)
    );
    let json = serde_json::to_string(&data(vec![item("a"), item("a")])).unwrap();
    assert!(serde_json::from_str::<IndustryCatalogue>(&json).is_err());
}

#[test]
fn titles_and_post_grades() {
    assert_eq!(
        ProfessionalPostGrade::new(1).unwrap().title(),
        ProfessionalTitle::FullSenior
    );
    assert_eq!(
        ProfessionalPostGrade::new(4).unwrap().title(),
        ProfessionalTitle::FullSenior
    );
    assert_eq!(
        ProfessionalPostGrade::new(5).unwrap().title(),
        ProfessionalTitle::AssociateSenior
    );
    assert_eq!(
        ProfessionalPostGrade::new(10).unwrap().title(),
        ProfessionalTitle::Intermediate
    );
    assert_eq!(
        ProfessionalPostGrade::new(12).unwrap().title(),
        ProfessionalTitle::JuniorAssistant
    );
    assert_eq!(
        ProfessionalPostGrade::new(13).unwrap().title(),
        ProfessionalTitle::JuniorTechnician
    );
    assert_eq!(ProfessionalPostGrade::new(14), Err(PostGradeError(14)));
    assert_eq!(ProfessionalPostGrade::new(0), Err(PostGradeError(0)));
    assert!(serde_json::from_str::<ProfessionalPostGrade>("14").is_err());
    assert!(ProfessionalTitle::FullSenior > ProfessionalTitle::AssociateSenior);
    assert_eq!(
        TalentTier::YoungNurtured.next_up(),
        Some(TalentTier::YoungTopTalent)
    );
    assert_eq!(TalentTier::DistinguishedSciTech.next_up(), None);
    for t in TalentTier::ALL {
        assert_eq!(t.to_string().parse::<TalentTier>(), Ok(*t));
    }
}
