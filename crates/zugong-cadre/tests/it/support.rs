use chrono::NaiveDate;
use zugong_core::journal::Act;
use zugong_core::*;

pub fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, dd).unwrap()
}

pub fn id(n: u128) -> OrgUnitId {
    OrgUnitId::from_uuid(uuid::Uuid::from_u128(n))
}

pub fn inst(n: u128) -> InstitutionId {
    InstitutionId::from_uuid(uuid::Uuid::from_u128(n))
}

/// The county's 单位: its government 10, the education bureau 3 (a working department), its
/// 人事股 30 (an internal office), the township 4, the 纪委监委 6, a vertically managed tax
/// office 7 (of the city's bureau 8); and the other county's bureau 5.
pub fn registry() -> InstitutionRegistry {
    let area: DivisionCode = "640121".parse().unwrap();
    let city: DivisionCode = "640100".parse().unwrap();
    let other: DivisionCode = "640122".parse().unwrap();
    InstitutionRegistry::from_institutions(vec![
        Institution::new(
            inst(10),
            "永宁县人民政府",
            InstitutionKind::Government,
            area,
        ),
        Institution::new(
            inst(3),
            "永宁县教育局",
            InstitutionKind::GovernmentDepartment,
            area,
        )
        .under(inst(10), Attachment::WorkingDepartment),
        Institution::new(
            inst(30),
            "永宁县教育局人事股",
            InstitutionKind::InternalOffice,
            area,
        )
        .under(inst(3), Attachment::InternalOffice),
        Institution::new(inst(4), "永宁县望洪镇", InstitutionKind::Township, area)
            .in_township("640121101".parse().unwrap())
            .under(inst(10), Attachment::Administered),
        Institution::new(
            inst(6),
            "永宁县纪委监委",
            InstitutionKind::Supervision,
            area,
        ),
        Institution::new(
            inst(8),
            "银川市税务局",
            InstitutionKind::GovernmentDepartment,
            city,
        ),
        Institution::new(
            inst(7),
            "永宁县税务局",
            InstitutionKind::GovernmentDepartment,
            area,
        )
        .managed(Management::Dual(inst(8))),
        Institution::new(
            inst(12),
            "永宁县税务分局",
            InstitutionKind::GovernmentDepartment,
            area,
        )
        .managed(Management::Vertical(inst(8))),
        Institution::new(
            inst(9),
            "永宁县第一中学",
            InstitutionKind::PublicInstitution,
            area,
        )
        .under(inst(3), Attachment::DirectlyAffiliated),
        Institution::new(
            inst(5),
            "贺兰县教育局",
            InstitutionKind::GovernmentDepartment,
            other,
        ),
    ])
    .unwrap()
}

/// The list 下管一级 makes for the fixtures' posts.
pub fn management(tree: &OrgTree, registry: &InstitutionRegistry) -> ManagementList {
    use LeadershipRank as R;
    let mut classes = Vec::new();
    for i in [10, 3, 30, 4, 6, 7, 12, 9, 5] {
        for r in [R::TownshipSectionChief, R::TownshipSectionDeputy] {
            classes.push((PostHolder::Institution(inst(i)), r));
        }
    }
    for r in [R::CountyDivisionChief, R::CountyDivisionDeputy] {
        classes.push((PostHolder::PartyCommittee(id(2)), r));
    }
    ManagementList::one_level_down(tree, registry, &JurisdictionPolicy::default(), classes)
}

/// Both trees, the list and the assessment numbers, owned, for contexts that borrow them.
pub struct Fixture {
    pub tree: OrgTree,
    pub registry: InstitutionRegistry,
    pub management: ManagementList,
    pub civil_service: zugong_cadre::AssessmentPolicy,
    pub public_institution: zugong_cadre::AssessmentPolicy,
}

impl Fixture {
    pub fn new() -> Self {
        let (tree, registry) = (tree(), registry());
        Self {
            management: management(&tree, &registry),
            tree,
            registry,
            civil_service: zugong_cadre::AssessmentPolicy::default(),
            public_institution: zugong_cadre::AssessmentPolicy::for_regime(
                zugong_cadre::AssessmentRegime::PublicInstitution,
            ),
        }
    }

    pub fn assessment(&self) -> zugong_cadre::AssessmentContext<'_> {
        zugong_cadre::AssessmentContext {
            tree: &self.tree,
            registry: &self.registry,
            management: &self.management,
            civil_service: &self.civil_service,
            public_institution: &self.public_institution,
        }
    }
}

pub fn cadre(n: u128) -> CadreId {
    CadreId::from_uuid(uuid::Uuid::from_u128(n))
}

/// The act of a clerk for `who` on `on`, at 09:00 China Standard Time.
pub fn act(on: NaiveDate, who: Authority) -> Act {
    Act::on_day(on, 0, ActorId::from_uuid(uuid::Uuid::from_u128(1)), who)
}

/// City 1 → county 2 → bureau 3's 党组 (county level) and township 4; county 5 elsewhere;
/// the city's tax bureau committee 8.
pub fn tree() -> OrgTree {
    OrgTree::from_units(vec![
        OrgUnit::new(
            id(1),
            "中共银川市委员会",
            OrgKind::Committee,
            AdminLevel::Prefectural,
        ),
        OrgUnit::new(
            id(2),
            "中共永宁县委员会",
            OrgKind::Committee,
            AdminLevel::County,
        )
        .with_parent(id(1))
        .with_division("640121".parse().unwrap()),
        OrgUnit::new(
            id(3),
            "县教育局党组",
            OrgKind::LeadingGroup,
            AdminLevel::County,
        )
        .with_parent(id(2))
        .in_institution(inst(3)),
        OrgUnit::new(
            id(4),
            "中共望洪镇委员会",
            OrgKind::Committee,
            AdminLevel::Township,
        )
        .with_parent(id(2))
        .in_institution(inst(4)),
        OrgUnit::new(
            id(5),
            "中共贺兰县委员会",
            OrgKind::Committee,
            AdminLevel::County,
        )
        .with_parent(id(1))
        .with_division("640122".parse().unwrap()),
        OrgUnit::new(
            id(6),
            "中共永宁县直属机关工作委员会",
            OrgKind::WorkingCommittee,
            AdminLevel::County,
        )
        .with_parent(id(2)),
        OrgUnit::new(
            id(8),
            "中共银川市税务局委员会",
            OrgKind::Committee,
            AdminLevel::Prefectural,
        )
        .with_parent(id(1))
        .in_institution(inst(8)),
    ])
    .unwrap()
}

pub use zugong_testkit::{assert_plain_refusal, run, stream, verified};

/// The file of a cadre eligible for a 乡科级副职 on any day of 2026: 一级科员 since 2015, with
/// a degree, 党龄 since 2012 and twenty years of work.
pub fn eligible_file(n: u128) -> zugong_cadre::CadreFile {
    use zugong_cadre::{CadreFile, CadreProfile, PostHeld};
    CadreFile::new(CadreProfile {
        cadre: cadre(n),
        birth_date: d(1985, 5, 1),
        work_started_on: d(2006, 7, 1),
        grassroots_months: 60,
        education: Some(EducationLevel::Undergraduate),
        full_member_since: Some(d(2012, 6, 1)),
        posts: vec![PostHeld {
            rank: RankOrGrade::Grade(CivilServiceGrade::FirstClassStaff),
            from: d(2015, 1, 1),
            until: None,
            exceptional_on_years: false,
            probation_until: None,
        }],
        training: vec![zugong_cadre::TrainingCredit::new(
            chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
            12,
            900,
        )],
        health: Vec::new(),
        qualifications: Vec::new(),
    })
}

/// Eligible files for cadres 1 to 9.
pub fn eligible_files() -> zugong_cadre::CadreFiles {
    use zugong_cadre::CadreFiles;
    CadreFiles::from_files((1..=9).map(eligible_file))
}
