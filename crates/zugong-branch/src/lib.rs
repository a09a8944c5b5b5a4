//! # zugong-branch: grassroots branches and five-star ratings (五星支部)
//!
//! Rating Party branches with stars from a rubric that is **data** (Ningxia's own document is
//! not public: the crate ships the documented schemes as [`presets`]), as a journaled lifecycle
//! — 自评 → 上级审核 → 审定 → 公示 → 授星 — with dynamic management (复验, 降星, 摘星, 取消星级);
//! detecting weak and lax organizations (软弱涣散) and tracking their rectification (整顿,
//! 销号); counting the tasks pushed down onto village branches (小马拉大车); and rolling star
//! distributions up the organization tree.
//!
//! Load a rubric, open the town committee's round of the year over its branches, rate one,
//! publicize, award, later withdraw a star:
//!
//! ```
//! use chrono::NaiveDate;
//! use zugong_branch::*;
//! use zugong_core::journal::{Act, Entry, Journal, Lifecycle, VerifyFailure};
//! use zugong_core::*;
//!
//! let id = |n: u128| OrgUnitId::from_uuid(uuid::Uuid::from_u128(n));
//! let tree = OrgTree::from_units(vec![
//!     OrgUnit::new(id(1), "中共闽宁镇委员会", OrgKind::Committee, AdminLevel::Township),
//!     OrgUnit::new(id(2), "原隆村党支部", OrgKind::Branch, AdminLevel::Village).with_parent(id(1)),
//! ])?;
//! let rubric = presets::five_star_110()?;
//! let calendar = WorkCalendar::official();
//! let d = |m, dd| NaiveDate::from_ymd_opt(2026, m, dd).unwrap();
//! let town = Authority::party_committee(id(1));
//! let branch = Authority::party_committee(id(2)); // the branch files its own 自评
//!
//! // Full marks on every indicator, each with its evidence, plus an innovation project.
//! let mut sheet = Scoresheet::default();
//! for ind in rubric.data().dimensions.iter().flat_map(|x| &x.indicators) {
//!     sheet.scores.insert(ind.code.clone(), ind.max);
//!     sheet.evidence.insert(ind.code.clone(), vec![format!("{}台账", ind.name)]);
//! }
//! sheet.bonuses.push("innovation_project".into());
//!
//! let ctx = RatingContext { tree: &tree, rubric: &rubric, calendar: &calendar };
//! let round = RatingRoundId::from_uuid(uuid::Uuid::from_u128(20));
//! let clerk = ActorId::from_uuid(uuid::Uuid::from_u128(9));
//! let mut journal = Journal::<RatingRound>::new();
//! let mut step = |cmd: RatingCommand, who: Authority, on: NaiveDate| {
//!     journal.execute(round, cmd, Act::on_day(on, 0, clerk, who), "五星创评", &ctx).map(|_| ())
//! };
//! let of = |command| RatingCommand::Branch { branch: id(2), command };
//! step(RatingCommand::Open { committee: id(1), year: 2026, branches: vec![id(2)] }, town, d(11, 2))?;
//! step(of(BranchRatingCommand::SelfAssess { sheet: sheet.clone(), proposed: StarLevel::FIVE }), branch, d(11, 3))?;
//! step(of(BranchRatingCommand::Review { sheet, methods: vec![ReviewMethod::SiteVisit, ReviewMethod::Survey] }), town, d(11, 10))?;
//! step(of(BranchRatingCommand::Approve { stars: None }), town, d(11, 12))?;
//! step(of(BranchRatingCommand::StartPublicity), town, d(11, 13))?; // 5 days: 13–17 November
//! assert!(step(of(BranchRatingCommand::Award), town, d(11, 17)).is_err()); // publicity not over
//! step(of(BranchRatingCommand::Award), town, d(11, 18))?;
//! // A serious incident in December: one star withdrawn (摘星), with the reason on record.
//! step(of(BranchRatingCommand::Withdraw { stars: 1, reason: "发生安全生产责任事故".into() }), town, d(12, 20))?;
//! let state = journal.state(round).and_then(|r| r.branch(id(2))).ok_or("no rating")?;
//! assert_eq!(state.stars(), StarLevel::new(4)?);
//! assert_eq!(state.changes().last().map(|c| c.change), Some(StarChange::Withdraw));
//! assert_eq!(state.stage().to_string(), "授星");
//!
//! // The stored journal, one field edited (the withdrawal's `to` back to five stars), no
//! // longer verifies: the report would show the finding, not five stars.
//! let text = serde_json::to_string(&journal)?;
//! let edited = text.replace("\"to\":4", "\"to\":5");
//! assert_ne!(edited, text);
//! let entries: Vec<Entry<RatingRound>> = serde_json::from_str(&edited)?;
//! let err = Journal::<RatingRound>::verify(entries, None, |_| ctx).unwrap_err();
//! assert_eq!(err.failure(), &VerifyFailure::DigestMismatch);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod branch;
mod burden;
mod coverage;
mod economy;
mod guidance;
mod life;
pub mod presets;
mod rating;
mod rollup;
mod round;
mod rubric;
mod star;
mod term;
mod weak;

pub use branch::{
    Branch, BranchStructurePolicy, CommitteeRole, CommitteeSeat, SeatAssignment, SeatingError,
    StructureFinding,
};
pub use burden::{
    BurdenCount, BurdenError, BurdenPolicy, BurdenReport, HeavySource, PushedTask, SourceKind,
    SummonedMeeting, TaskBasis, burden_report, burden_report_with, source_kind,
};
pub use coverage::{
    CoverageCounts, CoverageError, CoverageFinding, CoverageForm, CoverageMethod, CoveragePolicy,
    CoverageReport, OrganizationError, TwoNewOrganization, coverage_report,
};
pub use economy::{
    CollectiveReturn, EconomyError, EconomyPolicy, EconomyRollup, EconomyStanding, EconomySummary,
    IncomeKind, ReturnError, VillageEconomy, economy_rollup,
};
pub use guidance::{GuidanceDeviation, GuidanceReport, enforce_five_star_cap, guidance_report};
pub use life::{
    BranchBodies, Cadence, Committee, Lecturer, LifeChecker, LifeCompleteness, LifeError,
    LifePeriod, LifePolicy, LifeRequirement, LifeSummary, Meeting, MeetingError, MeetingKind,
    MeetingRow, MissedMeeting, SecretaryLectureShort, UnderAttended, check_life,
};
pub use rating::{
    BranchRating, BranchRatingCommand, BranchRatingEvent, RatingCommand, RatingContext,
    RatingError, RatingEvent, RatingRound, RatingStage, ReviewMethod, StarChange, StarChangeRecord,
};
pub use rollup::{BranchRollupError, BranchRow, StarDistribution, star_rollup};
pub use round::RoundScores;
pub use rubric::{
    Assessment, AwardModel, Band, BonusItem, BranchMeasures, CeilingItem, Deduction, Dimension,
    Guidance, GuidanceTarget, Indicator, Measure, PublicityRule, Rubric, RubricData, RubricError,
    ScoreError, Scoresheet, TargetBinding, VetoEffect, VetoItem,
};
pub use star::{Points, StarLevel, StarLevelError};
pub use term::{
    CandidateVotes, ElectionCount, ElectionError, ElectionMethod, ElectionResult, ShiftApproval,
    Term, TermBody, TermError, TermHistory, TermPolicy, TermStanding, decide_election,
};
pub use weak::{
    BranchFacts, Rectification, RectificationCommand, RectificationContext, RectificationError,
    RectificationEvent, RectificationPlan, RectificationReview, RectificationStatus, ReviewOutcome,
    WeakBasis, WeakBranchPolicy, WeakCategory, WeakFinding, detect_weakness,
};
