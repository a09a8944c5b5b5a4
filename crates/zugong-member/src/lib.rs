//! # zugong-member: Party member development (发展党员)
//!
//! One applicant's path from 递交入党申请书 to 转为正式党员, the five stages and 25 steps of
//! 《中国共产党发展党员工作细则》(2014), as one journaled lifecycle ([`Development`]): every step
//! refused out of order, too early, too late or by the wrong body, with the article it breaks;
//! every number a [`DevelopmentPolicy`] value whose default is the national rule. And each
//! member's 党费: what a month owes by category and base ([`monthly_dues`], [`DuesPolicy`]), the
//! monthly ledger ([`DuesLedger`]) and the six-month arrears signal of 条例 Art 31; and each
//! member's 党籍 and 组织关系 ([`Membership`]): one organization on every day, transfers that
//! leave the old organization responsible until received, 停止党籍 after six months out of
//! contact, 除名 two years later or on the grounds of Art 31; and the yearly 民主评议党员
//! ([`Appraisal`], Art 18).
//!
//! An applicant's whole path, in a village branch under a township committee:
//!
//! ```
//! use chrono::NaiveDate;
//! use zugong_core::journal::{Act, Journal, Lifecycle};
//! use zugong_core::*;
//! use zugong_member::*;
//!
//! let id = |n: u128| OrgUnitId::from_uuid(uuid::Uuid::from_u128(n));
//! let tree = OrgTree::from_units(vec![
//!     OrgUnit::new(id(1), "中共望洪镇委员会", OrgKind::Committee, AdminLevel::Township),
//!     OrgUnit::new(id(2), "东和村党支部", OrgKind::Branch, AdminLevel::Village).with_parent(id(1)),
//! ])?;
//! let policy = DevelopmentPolicy::default();
//! let plans = DevelopmentPlans::default(); // no 发展党员计划 checked here
//! let calendar = WorkCalendar::official();
//! let ctx = DevelopmentContext { tree: &tree, policy: &policy, plans: &plans, calendar: &calendar };
//! let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
//! let clerk = ActorId::from_uuid(uuid::Uuid::nil());
//! let branch = Authority::party_committee(id(2));
//! let town = Authority::party_committee(id(1));
//! let member = |n| MemberId::from_uuid(uuid::Uuid::from_u128(n));
//! let path = DevelopmentId::from_uuid(uuid::Uuid::from_u128(7));
//! let applicant = Applicant::new(PersonId::from_uuid(uuid::Uuid::from_u128(8)), "马晓燕", d(2000, 5, 4), id(2));
//! let vote = Vote { entitled: 21, present: 18, in_favour: 17 };
//! let full = |n| Sponsor { member: member(n), standing: MemberStanding::FullMember };
//! let steps = [
//!     (DevelopmentCommand::Apply(applicant), d(2025, 3, 3), branch),
//!     (DevelopmentCommand::Talk, d(2025, 3, 20), branch),
//!     (DevelopmentCommand::ChooseActivist { nomination: Nomination::MassOrganization, contacts: vec![member(1), member(2)] }, d(2025, 4, 8), branch),
//!     (DevelopmentCommand::FileActivist, d(2025, 4, 15), town),
//!     (DevelopmentCommand::AssessActivist, d(2025, 10, 8), branch),
//!     (DevelopmentCommand::AssessActivist, d(2026, 4, 7), branch),
//!     // A year of 培养 later: 确定发展对象.
//!     (DevelopmentCommand::ChooseCandidate, d(2026, 4, 8), branch),
//!     (DevelopmentCommand::FileCandidate, d(2026, 4, 15), town),
//!     (DevelopmentCommand::NameSponsors { sponsors: vec![full(1), full(2)] }, d(2026, 4, 20), branch),
//!     (DevelopmentCommand::Vet { result: VettingResult::Passed }, d(2026, 5, 10), town),
//!     (DevelopmentCommand::Train { days: 3, hours_tenths: 240 }, d(2026, 5, 20), town),
//!     (DevelopmentCommand::CommitteeReview, d(2026, 6, 1), branch),
//!     (DevelopmentCommand::PreReview { leaving_on: None }, d(2026, 6, 8), town),
//!     (DevelopmentCommand::FillForm, d(2026, 6, 10), branch),
//!     (DevelopmentCommand::Admit { vote }, d(2026, 6, 20), branch),
//!     (DevelopmentCommand::ApprovalTalk, d(2026, 7, 1), town),
//!     (DevelopmentCommand::Approve { window: ApprovalWindow::Ordinary }, d(2026, 7, 10), town),
//! ];
//! let mut journal = Journal::<Development>::new();
//! for (step, (cmd, on, who)) in (0..).zip(steps) {
//!     journal.execute(path, cmd, Act::on_day(on, step, clerk, who), "发展党员", &ctx)?;
//! }
//! let state = journal.state(path).unwrap();
//! assert_eq!(state.stage().to_string(), "预备党员");
//! // The 预备期 runs a year from the 支部大会.
//! assert_eq!(state.probation_until(), Some(d(2027, 6, 19)));
//! journal.execute(path, DevelopmentCommand::Swear, Act::on_day(d(2026, 7, 12), 0, clerk, branch), "入党宣誓", &ctx)?;
//! // 转正 only after the 预备期: a day early is refused, with the rule.
//! let early = journal.execute(path, DevelopmentCommand::Confirm { vote }, Act::on_day(d(2027, 6, 19), 0, clerk, branch), "转正", &ctx);
//! assert!(early.is_err());
//! journal.execute(path, DevelopmentCommand::Confirm { vote }, Act::on_day(d(2027, 6, 20), 0, clerk, branch), "转正", &ctx)?;
//! journal.execute(path, DevelopmentCommand::ApproveConfirmation, Act::on_day(d(2027, 7, 5), 0, clerk, town), "转正审批", &ctx)?;
//! assert_eq!(journal.state(path).unwrap().stage(), DevelopmentStage::FullMember);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod appraisal;
mod development;
mod dues;
mod membership;
mod milestones;
mod mobility;
mod pipeline;
mod plan;
mod policy;
mod roster;
mod stage;

pub use appraisal::{
    Appraisal, AppraisalCommand, AppraisalError, AppraisalEvent, AppraisalGrade, AppraisalStage,
};
pub use development::{
    Acting, Applicant, ApprovalWindow, Development, DevelopmentCommand, DevelopmentContext,
    DevelopmentError, DevelopmentEvent, MemberStanding, Nomination, PublicityFor, Sponsor,
    VettingResult, Vote,
};
pub use dues::{
    DuesBand, DuesCategory, DuesCommand, DuesContext, DuesError, DuesEvent, DuesLedger, DuesPolicy,
    DuesStage, Fen, Month, monthly_dues,
};
pub use membership::{
    Membership, MembershipCommand, MembershipContext, MembershipError, MembershipEvent,
    MembershipStage, PartyStandingPolicy, RemovalGround,
};
pub use milestones::{Milestone, MilestoneError, MilestoneFinding, Milestones};
pub use mobility::{
    CorrectionPeriod, GraduateHold, MobilityError, MobilityPolicy, Outflow, OutflowStanding,
};
pub use pipeline::{DevelopmentRow, Pipeline, PipelineError, development_rollup};
pub use plan::{
    DevelopmentPlan, DevelopmentPlans, PlanGroup, PlanShare, RushedMeeting, StructureShortfall,
    rushed_meetings,
};
pub use policy::DevelopmentPolicy;
pub use roster::{MemberCounts, MemberRow, member_rollup};
pub use stage::{DevelopmentStage, NATIONAL_STEPS, Step};
