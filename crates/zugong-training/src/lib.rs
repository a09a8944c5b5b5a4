//! # zugong-training: the three-tier training system and credited hours (学时)
//!
//! Party members and cadres are trained in three tiers — 市级重点培训, 县(区)级普遍培训 and
//! 基层党委兜底培训 — so that every member is covered. This crate models the classes (班次) as a
//! journaled lifecycle with the 1/7 leave rule, each person's hours ledger, the requirements
//! (32学时 for members, 56 for secretaries, 3 months or 550学时 in five years for 县处级以上
//! cadres, 12 days or 90学时 a year below), coverage planning with the grassroots fallback, and
//! roll-ups up the organization tree at province scale.
//!
//! A county's year: the county's rotation class leaves one member 8学时 short; the township
//! committee's fallback class closes the gap.
//!
//! ```
//! use chrono::NaiveDate;
//! use zugong_core::journal::{Act, Journal};
//! use zugong_core::*;
//! use zugong_training::*;
//!
//! let id = |n: u128| OrgUnitId::from_uuid(uuid::Uuid::from_u128(n));
//! let tree = OrgTree::from_units(vec![
//!     OrgUnit::new(id(1), "中共永宁县委员会", OrgKind::Committee, AdminLevel::County),
//!     OrgUnit::new(id(2), "中共望洪镇委员会", OrgKind::Committee, AdminLevel::Township).with_parent(id(1)),
//!     OrgUnit::new(id(3), "东和村党支部", OrgKind::Branch, AdminLevel::Village).with_parent(id(2)),
//! ])?;
//! let policy = TrainingPolicy::default();
//! let d = |m, dd| NaiveDate::from_ymd_opt(2026, m, dd).unwrap();
//! let member = MemberId::from_uuid(uuid::Uuid::from_u128(100));
//! let actor = ActorId::from_uuid(uuid::Uuid::from_u128(9));
//!
//! // Runs one class from plan to close, returning the member's credited hours.
//! let run_class = |organizer: OrgUnitId, tier, hours: u32, day: NaiveDate| -> Result<StudyHours, Box<dyn std::error::Error>> {
//!     let authority = Authority::organization_department(organizer);
//!     let class = TrainingClassId::from_uuid(uuid::Uuid::from_u128(hours as u128));
//!     let mut journal = Journal::<TrainingClass>::new();
//!     let plan = ClassPlan {
//!         id: class,
//!         name: format!("{tier}"), organizer, delivered_by: None, tier,
//!         kind: TrainingKind::Rotational, mode: TrainingMode::Concentrated,
//!         targets: vec![MemberGroup::Member], starts_on: day, ends_on: day,
//!         days: 1, hours: StudyHours::whole(hours), capacity: 30,
//!     };
//!     let ctx = ClassContext { tree: &tree, policy: &policy };
//!     for (step, cmd) in (0..).zip([
//!         ClassCommand::Plan(plan),
//!         ClassCommand::Enrol { member, unit: id(3) },
//!         ClassCommand::RecordAttendance { member, hours: StudyHours::whole(hours) },
//!         ClassCommand::Close,
//!     ]) {
//!         // The act the rules check is the act the journal records: one value.
//!         journal.execute(class, cmd, Act::on_day(day, step, actor, authority), "培训", &ctx)?;
//!     }
//!     Ok(journal.state(class).map_or(StudyHours::ZERO, |c| c.participants()[&member].credited))
//! };
//!
//! // The member's ledger, kept by the township's organization department.
//! let ledger = HoursLedgerId::from_uuid(uuid::Uuid::from_u128(200));
//! let mut ledgers = Journal::<HoursLedger>::new();
//! let keeper = Authority::organization_department(id(2));
//! let lctx = LedgerContext { tree: &tree };
//! let act = |m, dd| Act::on_day(d(m, dd), 9 * 3600, actor, keeper);
//! ledgers.execute(ledger, LedgerCommand::Open { member, unit: id(3) }, act(1, 5), "学时登记", &lctx)?;
//!
//! let credit = |hours, tier, on| LedgerCommand::Credit(Credit {
//!     class: None, on, tier: Some(tier), kind: TrainingKind::Rotational,
//!     mode: TrainingMode::Concentrated, hours, days: 1,
//! });
//! let county_hours = run_class(id(1), TrainingTier::CountyUniversal, 24, d(5, 12))?;
//! ledgers.execute(ledger, credit(county_hours, TrainingTier::CountyUniversal, d(5, 12)), act(5, 12), "学时登记", &lctx)?;
//!
//! // In November the member is 8学时 short of the 32 a year.
//! let profile = TrainingProfile { member: true, ..Default::default() };
//! let check = &check_requirements(&profile, &ledgers.state(ledger).unwrap(), d(11, 1), &policy)[0];
//! assert_eq!(check.missing.hours, StudyHours::whole(8));
//!
//! // The township's fallback class closes the gap.
//! let fallback = run_class(id(2), TrainingTier::GrassrootsFallback, 8, d(11, 20))?;
//! ledgers.execute(ledger, credit(fallback, TrainingTier::GrassrootsFallback, d(11, 20)), act(11, 20), "学时登记", &lctx)?;
//! let check = &check_requirements(&profile, &ledgers.state(ledger).unwrap(), d(12, 31), &policy)[0];
//! assert!(check.is_met());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! The rules' sources are in the rustdoc of [`TrainingPolicy`] and each function; the training
//! chapter of `docs/domain-guide.md` explains the model.

mod class;
mod coverage;
mod hours;
mod kind;
mod ledger;
mod policy;
mod requirement;
mod rollup;
mod tier;

pub use class::{
    ClassCommand, ClassContext, ClassError, ClassEvent, ClassPlan, ClassStatus, ParticipantStatus,
    Participation, TrainingClass,
};
pub use coverage::{
    Assignment, CoverageClass, CoverageError, CoverageMember, CoveragePlan, UncoveredReason,
    plan_coverage,
};
pub use hours::{StudyHours, StudyHoursError};
pub use kind::{TrainingKind, TrainingMode};
pub use ledger::{
    Credit, HoursLedger, HoursSummary, LedgerCommand, LedgerContext, LedgerError, LedgerEvent,
    LedgerLine,
};
pub use policy::{Fraction, TierPolicy, TrainingPolicy};
pub use requirement::{
    CadreStanding, Requirement, RequirementCheck, RequirementStatus, TrainingAmount,
    TrainingProfile, check_requirements,
};
pub use rollup::{AttendanceRow, MemberRow, RollupError, UnitTraining, training_rollup, unit_row};
pub use tier::TrainingTier;
pub use zugong_core::MemberGroup;
