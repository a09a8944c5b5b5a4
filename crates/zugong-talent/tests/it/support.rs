use chrono::NaiveDate;
use zugong_core::*;
use zugong_talent::*;

pub fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, dd).unwrap()
}

pub fn id(n: u128) -> OrgUnitId {
    OrgUnitId::from_uuid(uuid::Uuid::from_u128(n))
}

pub fn inst(n: u128) -> InstitutionId {
    InstitutionId::from_uuid(uuid::Uuid::from_u128(n))
}

/// The region's government 1, the city's 2 (administered by it), an enterprise 3 in the city
/// and the university 4 of the region: the talents' employers are these 单位.
pub fn registry() -> InstitutionRegistry {
    let region: DivisionCode = "640000".parse().unwrap();
    let city: DivisionCode = "640100".parse().unwrap();
    InstitutionRegistry::from_institutions(vec![
        Institution::new(
            inst(1),
            "宁夏回族自治区人民政府",
            InstitutionKind::Government,
            region,
        ),
        Institution::new(inst(2), "银川市人民政府", InstitutionKind::Government, city)
            .under(inst(1), Attachment::Administered),
        Institution::new(
            inst(3),
            "银川某企业",
            InstitutionKind::StateOwnedEnterprise,
            city,
        )
        .under(inst(2), Attachment::Administered),
        Institution::new(inst(4), "宁夏大学", InstitutionKind::University, region)
            .under(inst(1), Attachment::Administered),
    ])
    .unwrap()
}

/// The trees and the placement, owned, for the record rules' context.
pub struct Places {
    pub tree: OrgTree,
    pub registry: InstitutionRegistry,
    pub placement: PartyPlacement,
    pub programmes: Vec<ProgrammeDefinition>,
    pub cohorts: Cohorts,
}

/// A programme per tier named by its tier's term, with no cycle or funding of its own: the
/// fixtures' agreements are held to nothing but their 认定. The real programmes' limits are
/// tested with the presets.
pub fn plain_programmes() -> Vec<ProgrammeDefinition> {
    [
        ProgrammeDefinition::young_nurtured(),
        ProgrammeDefinition::young_top_talent(),
        ProgrammeDefinition::industry_leader(),
        ProgrammeDefinition::distinguished_sci_tech(),
    ]
    .into_iter()
    .map(|mut p| {
        p.name = p.tier.to_string();
        p.cycle_years = None;
        p.funding = None;
        p
    })
    .collect()
}

/// The basis the fixtures' tenures use: a recorded 认定.
pub fn recorded() -> TenureBasis {
    TenureBasis::Recorded {
        document: "宁人才办〔2024〕1号".into(),
    }
}

impl Places {
    pub fn new() -> Self {
        let tree = tree();
        Self {
            placement: PartyPlacement::new(&tree),
            registry: registry(),
            tree,
            programmes: plain_programmes(),
            cohorts: Cohorts::default(),
        }
    }

    pub fn record(&self) -> RecordContext<'_> {
        RecordContext {
            tree: &self.tree,
            registry: &self.registry,
            placement: &self.placement,
            programmes: &self.programmes,
            cohorts: &self.cohorts,
        }
    }
}

pub fn talent(n: u128) -> TalentId {
    TalentId::from_uuid(uuid::Uuid::from_u128(n))
}

/// Region 1 → city 2 → employer 3 (under the city); employer 4 directly under the region.
pub fn tree() -> OrgTree {
    OrgTree::from_units(vec![
        OrgUnit::new(
            id(1),
            "中共宁夏回族自治区委员会",
            OrgKind::Committee,
            AdminLevel::Provincial,
        ),
        OrgUnit::new(
            id(2),
            "中共银川市委员会",
            OrgKind::Committee,
            AdminLevel::Prefectural,
        )
        .with_parent(id(1)),
        OrgUnit::new(
            id(3),
            "银川某企业党委",
            OrgKind::GrassrootsCommittee,
            AdminLevel::Prefectural,
        )
        .with_parent(id(2))
        .in_institution(inst(3)),
        OrgUnit::new(
            id(4),
            "宁夏大学党委",
            OrgKind::GrassrootsCommittee,
            AdminLevel::Provincial,
        )
        .with_parent(id(1))
        .in_institution(inst(4)),
    ])
    .unwrap()
}

pub fn applicant(n: u128, birth: NaiveDate, field: ResearchField) -> Applicant {
    Applicant {
        talent: talent(n),
        name: format!("申报人{n}"),
        birth_date: birth,
        education: Some(EducationLevel::Postgraduate),
        title: Some(ProfessionalTitle::Intermediate),
        field,
        industry: Some("wine".into()),
        current_tiers: vec![],
        non_professional_leader: false,
        engagement: Engagement::Employed { employer: inst(3) },
    }
}

pub use zugong_testkit::{run, stream, verified};
