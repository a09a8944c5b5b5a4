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
//! use chrono::{NaiveDate, TimeZone, Utc};
//! use zugong_core::journal::{execute, MemoryJournal, Stamp};
//! use zugong_core::*;
//! use zugong_talent::*;
//!
//! let id = |n: u128| OrgUnitId::from_uuid(uuid::Uuid::from_u128(n));
//! let tree = OrgTree::from_units(vec![
//!     OrgUnit::new(id(1), "中共宁夏回族自治区委员会", OrgKind::Committee, AdminLevel::Provincial),
//!     OrgUnit::new(id(2), "宁夏农林科学院党委", OrgKind::GrassrootsCommittee, AdminLevel::Provincial).with_parent(id(1)),
//! ])?;
//! let office = Authority::organization_department(id(1)); // 自治区党委人才办 sits in the 组织部
//! let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
//! let stamp = |on: NaiveDate| Stamp::new(Utc.from_utc_datetime(&on.and_hms_opt(9, 0, 0).unwrap()), ActorId::from_uuid(uuid::Uuid::nil()), office, "人才工作");
//! let talent = TalentId::from_uuid(uuid::Uuid::from_u128(7));
//! let engagement = Engagement::Employed { employer: id(2) };
//!
//! // A 2024 青年托举 round: apply, review, publicize, confirm.
//! let mut round = SelectionRound::default();
//! let mut rj = MemoryJournal::new();
//! let ctx = |on| RoundContext { on, authority: office, tree: &tree };
//! let programme = ProgrammeDefinition::young_nurtured();
//! execute(&mut round, &mut rj, &RoundCommand::Open { programme: programme.clone(), organizer: id(1), batch: 2024, deadline: d(2024, 7, 31) }, &ctx(d(2024, 6, 21)), stamp(d(2024, 6, 21)))?;
//! let applicant = Applicant {
//!     talent, name: "马文静".into(), birth_date: d(1990, 3, 2),
//!     education: Some(EducationLevel::Postgraduate), title: Some(ProfessionalTitle::Intermediate),
//!     field: ResearchField::NaturalSciences, industry: Some("goji".into()),
//!     current_tiers: vec![], non_professional_leader: false, engagement: engagement.clone(),
//! };
//! execute(&mut round, &mut rj, &RoundCommand::Apply(applicant), &ctx(d(2024, 7, 1)), stamp(d(2024, 7, 1)))?;
//! execute(&mut round, &mut rj, &RoundCommand::CloseApplications, &ctx(d(2024, 8, 1)), stamp(d(2024, 8, 1)))?;
//! execute(&mut round, &mut rj, &RoundCommand::Score { talent, score: 876 }, &ctx(d(2024, 8, 20)), stamp(d(2024, 8, 20)))?;
//! execute(&mut round, &mut rj, &RoundCommand::Publicize { days: 5 }, &ctx(d(2024, 9, 2)), stamp(d(2024, 9, 2)))?;
//! execute(&mut round, &mut rj, &RoundCommand::Confirm, &ctx(d(2024, 9, 9)), stamp(d(2024, 9, 9)))?;
//! assert_eq!(round.selected(), [talent]);
//!
//! // The talent's record: a three-year tenure, the grant paid, graduated, then promoted.
//! let mut record = TalentRecord::default();
//! let mut tj = MemoryJournal::new();
//! let rctx = |on| RecordContext { on, authority: office, tree: &tree };
//! let agreement = |tier, starts_on, years, grant| Agreement {
//!     tier, programme: format!("{tier}"), batch: 2024, starts_on, cycle_years: Some(years), grant,
//!     shares: vec![(FundingSource::RegionalGrant, 1000)], industry: Some("goji".into()),
//! };
//! let register = RecordCommand::Register { talent, name: "马文静".into(), birth_date: d(1990, 3, 2), engagement };
//! execute(&mut record, &mut tj, &register, &rctx(d(2024, 9, 10)), stamp(d(2024, 9, 10)))?;
//! execute(&mut record, &mut tj, &RecordCommand::Start(agreement(TalentTier::YoungNurtured, d(2024, 10, 1), 3, Yuan::wan(3))), &rctx(d(2024, 10, 1)), stamp(d(2024, 10, 1)))?;
//! execute(&mut record, &mut tj, &RecordCommand::Pay { source: FundingSource::RegionalGrant, amount: Yuan::wan(3) }, &rctx(d(2024, 10, 8)), stamp(d(2024, 10, 8)))?;
//! // Nothing beyond the grant.
//! assert!(execute(&mut record, &mut tj, &RecordCommand::Pay { source: FundingSource::RegionalGrant, amount: Yuan(1) }, &rctx(d(2024, 10, 9)), stamp(d(2024, 10, 9))).is_err());
//! let graduate = RecordCommand::Evaluate { kind: EvaluationKind::Final, outcome: EvaluationOutcome::Graduate };
//! execute(&mut record, &mut tj, &graduate, &rctx(d(2027, 9, 30)), stamp(d(2027, 9, 30)))?;
//! // 青年拔尖 funding is not set nationally: an unfunded agreement here.
//! let promote = RecordCommand::Promote(Agreement { shares: vec![], ..agreement(TalentTier::YoungTopTalent, d(2027, 11, 1), 3, Yuan(0)) });
//! execute(&mut record, &mut tj, &promote, &rctx(d(2027, 11, 1)), stamp(d(2027, 11, 1)))?;
//! assert_eq!(record.tier(), Some(TalentTier::YoungTopTalent));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod analytics;
mod eligibility;
mod industry;
mod programme;
mod record;
mod round;
mod tier;

pub use analytics::{
    AgeBand, DueItem, DueKind, Pipeline, PoolCell, due_within, pipeline, pool_by_unit, pool_matrix,
};
pub use eligibility::{Applicant, Engagement, Ineligibility, UnmetCondition, check_eligibility};
pub use industry::{CatalogueData, CatalogueError, Industry, IndustryCatalogue, IndustryGroup};
pub use programme::{
    FieldQuota, FundingPlan, FundingSource, ProgrammeDefinition, ResearchField, Yuan,
};
pub use record::{
    Agreement, EvaluationKind, EvaluationOutcome, RecordCommand, RecordContext, RecordError,
    RecordEvent, TalentRecord, Tenure, TenureEnd,
};
pub use round::{
    Application, RoundCommand, RoundContext, RoundError, RoundEvent, RoundStage, SelectionRound,
};
pub use tier::{PostGradeError, ProfessionalPostGrade, ProfessionalTitle, TalentTier};
