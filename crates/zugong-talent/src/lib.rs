//! # zugong-talent: talent tiers (人才梯次) and their cultivation
//!
//! Ningxia's four regional talent programmes — 青年托举 → 青年拔尖 → 行业领军 → 杰出科技人才 —
//! as configurable [`ProgrammeDefinition`]s; the industry catalogue 六新六特六优(+N) as data;
//! professional titles (职称); selection rounds (申报 → 资格审查 → 评审 → 公示 → 认定) with
//! quotas per field and every unmet condition listed; each talent's record with tenure,
//! funding tranches that never exceed the grant, evaluations, promotion up the tiers and exit —
//! talents who serve the region without being employed here (不求我有、但求我用) included; and
//! pool and pipeline analytics.
//!
//! From application to tier promotion:
//!
//! ```
//! use chrono::NaiveDate;
//! use zugong_core::journal::{Act, Journal};
//! use zugong_core::*;
//! use zugong_talent::*;
//!
//! let id = |n: u128| OrgUnitId::from_uuid(uuid::Uuid::from_u128(n));
//! let academy = InstitutionId::from_uuid(uuid::Uuid::from_u128(20));
//! let region: DivisionCode = "640000".parse()?;
//! // The employer is a 单位 (the academy); its Party committee is set up in it.
//! let registry = InstitutionRegistry::from_institutions(vec![
//!     Institution::new(academy, "宁夏农林科学院", InstitutionKind::PublicInstitution, region),
//! ])?;
//! let tree = OrgTree::from_units(vec![
//!     OrgUnit::new(id(1), "中共宁夏回族自治区委员会", OrgKind::Committee, AdminLevel::Provincial),
//!     OrgUnit::new(id(2), "中共宁夏农林科学院委员会", OrgKind::GrassrootsCommittee, AdminLevel::Provincial)
//!         .with_parent(id(1)).in_institution(academy),
//! ])?;
//! let placement = PartyPlacement::new(&tree);
//! let office = Authority::organization_department(id(1)); // 自治区党委人才办 sits in the 组织部
//! let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
//! // The act the rules check and the journal records: the office, on a day.
//! let act = |on: NaiveDate| Act::on_day(on, 0, ActorId::from_uuid(uuid::Uuid::nil()), office);
//! let talent = TalentId::from_uuid(uuid::Uuid::from_u128(7));
//! let engagement = Engagement::Employed { employer: academy };
//!
//! // A 2024 青年托举 round: apply, review, publicize, confirm.
//! let round = TalentRoundId::from_uuid(uuid::Uuid::from_u128(24));
//! let mut rj = Journal::<SelectionRound>::new();
//! let calendar = WorkCalendar::official();
//! let ctx = RoundContext { tree: &tree, calendar: &calendar };
//! let programme = ProgrammeDefinition::young_nurtured();
//! rj.execute(round, RoundCommand::Open { programme: programme.clone(), organizer: id(1), batch: 2024, deadline: d(2024, 7, 31) }, act(d(2024, 6, 21)), "人才工作", &ctx)?;
//! let applicant = Applicant {
//!     talent, name: "马文静".into(), birth_date: d(1990, 3, 2),
//!     education: Some(EducationLevel::Postgraduate), title: Some(ProfessionalTitle::Intermediate),
//!     field: ResearchField::NaturalSciences, industry: Some("goji".into()),
//!     current_tiers: vec![], non_professional_leader: false, engagement: engagement.clone(),
//! };
//! rj.execute(round, RoundCommand::Apply(applicant), act(d(2024, 7, 1)), "人才工作", &ctx)?;
//! rj.execute(round, RoundCommand::CloseApplications, act(d(2024, 8, 1)), "人才工作", &ctx)?;
//! rj.execute(round, RoundCommand::Score { talent, score: 876 }, act(d(2024, 8, 20)), "人才工作", &ctx)?;
//! rj.execute(round, RoundCommand::Publicize { days: zugong_core::publicity::PublicityDays::Calendar(5) }, act(d(2024, 9, 2)), "人才工作", &ctx)?;
//! rj.execute(round, RoundCommand::Confirm, act(d(2024, 9, 9)), "人才工作", &ctx)?;
//! assert_eq!(rj.state(round).unwrap().selected(), [talent]);
//!
//! // The talent's record: a three-year tenure, the grant paid, graduated, then promoted.
//! let record = talent; // a talent record is the stream of its talent
//! let mut tj = Journal::<TalentRecord>::new();
//! // The record reads the programmes in force and the cohorts the rounds confirmed (认定).
//! let programmes = [programme.clone(), ProgrammeDefinition::young_top_talent()];
//! let cohorts = Cohorts::confirmed([(round, rj.state(round).unwrap())]);
//! let rctx = RecordContext { tree: &tree, registry: &registry, placement: &placement,
//!     programmes: &programmes, cohorts: &cohorts };
//! let agreement = Agreement {
//!     tier: TalentTier::YoungNurtured, programme: programme.name.clone(), batch: 2024,
//!     starts_on: d(2024, 10, 1), cycle_years: Some(3), grant: Yuan::wan(3),
//!     shares: vec![(FundingSource::RegionalGrant, 1000)], industry: Some("goji".into()),
//!     basis: TenureBasis::Round { round },
//! };
//! let register = RecordCommand::Register { talent, name: "马文静".into(), birth_date: d(1990, 3, 2), engagement };
//! tj.execute(record, register, act(d(2024, 9, 10)), "人才工作", &rctx)?;
//! // More than the programme's 3万元 is refused; so is a tenure the round did not confirm.
//! let over = Agreement { grant: Yuan::wan(4), ..agreement.clone() };
//! assert!(tj.execute(record, RecordCommand::Start(over), act(d(2024, 10, 1)), "人才工作", &rctx).is_err());
//! tj.execute(record, RecordCommand::Start(agreement), act(d(2024, 10, 1)), "人才工作", &rctx)?;
//! tj.execute(record, RecordCommand::Pay { source: FundingSource::RegionalGrant, amount: Yuan::wan(3) }, act(d(2024, 10, 8)), "人才工作", &rctx)?;
//! // Nothing beyond the grant.
//! assert!(tj.execute(record, RecordCommand::Pay { source: FundingSource::RegionalGrant, amount: Yuan(1) }, act(d(2024, 10, 9)), "人才工作", &rctx).is_err());
//! let graduate = RecordCommand::Evaluate { kind: EvaluationKind::Final, outcome: EvaluationOutcome::Graduate };
//! tj.execute(record, graduate, act(d(2027, 9, 30)), "人才工作", &rctx)?;
//! // 青年拔尖 funding is not set nationally: an unfunded agreement here.
//! // A 认定 made outside zugong's rounds is recorded with its document.
//! let promote = RecordCommand::Promote(Agreement {
//!     tier: TalentTier::YoungTopTalent, programme: "自治区青年拔尖人才培养工程".into(), batch: 2027,
//!     starts_on: d(2027, 11, 1), cycle_years: None, grant: Yuan(0), shares: vec![],
//!     industry: Some("goji".into()),
//!     basis: TenureBasis::Recorded { document: "宁人才办〔2027〕12号".into() },
//! });
//! tj.execute(record, promote, act(d(2027, 11, 1)), "人才工作", &rctx)?;
//! assert_eq!(tj.state(record).unwrap().tier(), Some(TalentTier::YoungTopTalent));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod analytics;
mod cohort;
mod eligibility;
mod industry;
mod programme;
mod record;
mod round;
mod tier;

pub use analytics::{
    AgeBand, DueItem, DueKind, Pipeline, PoolCell, due_within, pipeline, pool_by_institution,
    pool_matrix,
};
pub use cohort::{Cohort, Cohorts};
pub use eligibility::{Applicant, Engagement, Ineligibility, UnmetCondition, check_eligibility};
pub use industry::{CatalogueData, CatalogueError, Industry, IndustryCatalogue, IndustryGroup};
pub use programme::{
    FieldQuota, FundingPlan, FundingSource, ProgrammeDefinition, ResearchField, Yuan,
};
pub use record::{
    Agreement, EvaluationKind, EvaluationOutcome, RecordCommand, RecordContext, RecordError,
    RecordEvent, TalentRecord, Tenure, TenureBasis, TenureEnd,
};
pub use round::{
    Application, RoundCommand, RoundContext, RoundError, RoundEvent, RoundStage, SelectionRound,
};
pub use tier::{PostGradeError, ProfessionalPostGrade, ProfessionalTitle, TalentTier};
