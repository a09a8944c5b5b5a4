//! # zugong-cadre: the cadre lifecycle (干部 选、育、管、用)
//!
//! Part 1: posts and their quotas (职数), eligibility under
//! 《党政领导干部选拔任用工作条例》(2019) Art 8 with the exceptional path of Art 9 (破格),
//! screening the whole pool and ranking on every factor (全口径筛查、全要素比选), and the
//! selection itself as one journaled lifecycle — 动议 → 民主推荐 → 确定考察对象 → 考察 → 讨论决定 →
//! 任前公示 → 任职 → 试用期 — with a political gate (严把政治关) at every step.
//!
//! Part 2, after appointment: the annual assessment with its 优秀 cap and consequences
//! ([`AssessmentRound`], [`consequences`]), 能上能下 ([`UnsuitabilityCase`], [`AdjustmentKind`],
//! [`RemovalCase`], [`check_cooling_off`]), rotation ([`rotation_flags`],
//! [`check_rotation_plan`]), recusal ([`check_recusal`], [`recusal_report`]), 三个区分开来
//! ([`MistakeRecord`]), the political-quality dossier ([`PoliticalQualityDossier`]) and the whole
//! career ([`CareerTimeline`], [`watch_list`]).
//!
//! From motion to confirmation:
//!
//! ```
//! use std::collections::BTreeMap;
//! use chrono::NaiveDate;
//! use zugong_cadre::*;
//! use zugong_core::journal::{Act, Journal, Lifecycle};
//! use zugong_core::*;
//!
//! let id = |n: u128| OrgUnitId::from_uuid(uuid::Uuid::from_u128(n));
//! let inst = |n: u128| InstitutionId::from_uuid(uuid::Uuid::from_u128(n));
//! let area: DivisionCode = "640121".parse()?;
//! // Two trees: the 单位 (a government and its education bureau) and the Party
//! // organizations (the county committee and the bureau's 党组, set up in the bureau).
//! let registry = InstitutionRegistry::from_institutions(vec![
//!     Institution::new(inst(1), "永宁县人民政府", InstitutionKind::Government, area),
//!     Institution::new(inst(2), "永宁县教育局", InstitutionKind::GovernmentDepartment, area)
//!         .under(inst(1), Attachment::WorkingDepartment),
//! ])?;
//! let tree = OrgTree::from_units(vec![
//!     OrgUnit::new(id(1), "中共永宁县委员会", OrgKind::Committee, AdminLevel::County),
//!     OrgUnit::new(id(2), "县教育局党组", OrgKind::LeadingGroup, AdminLevel::County)
//!         .with_parent(id(1)).in_institution(inst(2)),
//! ])?;
//! let bureau = PostHolder::Institution(inst(2));
//! let clerk = ActorId::from_uuid(uuid::Uuid::from_u128(77));
//! // The organization department proposes and inspects; the committee decides (讨论决定).
//! let department = Authority::organization_department(id(1));
//! let committee = Authority::party_committee(id(1));
//! let d = |m, dd| NaiveDate::from_ymd_opt(2026, m, dd).unwrap();
//! let policy = SelectionPolicy::default();
//! let calendar = WorkCalendar::official();
//! let deputy = RankOrGrade::Leadership(LeadershipRank::TownshipSectionDeputy);
//! // 干部管理权限: the county committee manages the bureau's 副局长 (下管一级 makes the row).
//! let management = ManagementList::one_level_down(&tree, &registry, &JurisdictionPolicy::default(),
//!     [(bureau, LeadershipRank::TownshipSectionDeputy)]);
//! let co_management = CoManagementPolicy::default();
//!
//! // One 副局长 post approved, none filled: the 台账 as the data records it.
//! let quota = QuotaBook::opening([QuotaOpeningLine { holder: bureau, rank: deputy,
//!     line: QuotaLine { allotted: 1, occupied: 0, planned_departures: 0 } }]);
//! // The candidate's file (干部档案): the rules read her record, not a verdict about it. An
//! // 一级科员 since 2020 with a degree: three years at the grade below a 乡科级副职.
//! let alice = CadreId::from_uuid(uuid::Uuid::from_u128(10));
//! let files = CadreFiles::from_files([CadreFile::new(CadreProfile {
//!     cadre: alice, birth_date: NaiveDate::from_ymd_opt(1990, 4, 1).unwrap(),
//!     work_started_on: NaiveDate::from_ymd_opt(2012, 7, 1).unwrap(), grassroots_months: 36,
//!     education: Some(EducationLevel::Undergraduate),
//!     full_member_since: NaiveDate::from_ymd_opt(2011, 6, 1),
//!     posts: vec![PostHeld { rank: RankOrGrade::Grade(CivilServiceGrade::FirstClassStaff),
//!         from: NaiveDate::from_ymd_opt(2020, 1, 1).unwrap(), until: None,
//!         exceptional_on_years: false, probation_until: None }],
//!     training: vec![], health: vec![], qualifications: vec![],
//! })]);
//! let ctx = SelectionContext { tree: &tree, registry: &registry, management: &management,
//!     co_management: &co_management, policy: &policy, calendar: &calendar, quota: &quota,
//!     files: &files };
//!
//! let post = Post::new(PositionId::from_uuid(uuid::Uuid::from_u128(3)), bureau, "县教育局副局长",
//!     deputy, Tenure::Appointed);
//! let ok = || PoliticalReview::uniform(90, "政治素质好");
//! let selection = SelectionId::from_uuid(uuid::Uuid::from_u128(5));
//! let mut journal = Journal::<Selection>::new();
//! let steps: Vec<(SelectionCommand, NaiveDate, Authority)> = vec![
//!     (SelectionCommand::Motion { post: post.clone(), mode: SelectionMode::IndividualPromotion, plan: "补充班子副职".into(), review: ok(), exceptional: None, proposed: vec![] }, d(3, 2), department),
//!     (SelectionCommand::Recommend { review: ok(), recommendation: Recommendation { kind: RecommendationKind::InterviewSurvey,
//!         held_on: d(3, 10), participants: 30, present: 28, tallies: BTreeMap::from([(alice, 21)]) } }, d(3, 10), department),
//!     (SelectionCommand::Recommend { review: ok(), recommendation: Recommendation { kind: RecommendationKind::Meeting,
//!         held_on: d(3, 12), participants: 30, present: 27, tallies: BTreeMap::from([(alice, 20)]) } }, d(3, 12), department),
//!     (SelectionCommand::ChooseCandidates { candidates: vec![alice], skip_meeting: false, reviews: BTreeMap::from([(alice, ok())]) }, d(3, 16), department),
//!     (SelectionCommand::Inspect { cadre: alice, review: ok(), record: InspectionRecord {
//!         notice_published: true, team_size: 2, individual_talks: 25, evaluation: (24, 26), file_reviewed: true,
//!         personal_matters: PersonalMatters::Truthful, discipline_opinion_clear: true, complaints_checked: true, feedback_given: true } }, d(3, 25), department),
//!     (SelectionCommand::Decide { members: 11, present: 9, votes: BTreeMap::from([(alice, VoteCount { agree: 9, disagree: 0, defer: 0 })]), review: ok(), consultation: None }, d(4, 8), committee),
//!     (SelectionCommand::StartPublicity { review: ok() }, d(4, 9), department),
//! ];
//! for (cmd, on, by) in steps {
//!     // The act is given once: the rules check it and the journal records it.
//!     journal.execute(selection, cmd, Act::on_day(on, 0, clerk, by), "选拔任用", &ctx)?;
//! }
//! let sel = journal.state(selection).ok_or("no selection")?;
//! // 公示 of five working days: 9, 10, 13, 14 and 15 April.
//! let publicity = sel.publicity().ok_or("no publicity")?;
//! assert_eq!((publicity.from(), publicity.until()), (d(4, 9), d(4, 15)));
//! assert_eq!(sel.stage().to_string(), "任前公示");
//!
//! // 任职 fills the place: a second selection for the same line finds no vacancy.
//! let appoint = SelectionCommand::Appoint { talk_held: true, review: ok(), election: None };
//! journal.execute(selection, appoint, Act::on_day(d(4, 16), 0, clerk, department), "任职", &ctx)?;
//! let sel = journal.state(selection).ok_or("no selection")?;
//! // 任职时间 counts from the decision; a one-year 试用期 follows.
//! let probation_end = NaiveDate::from_ymd_opt(2027, 4, 16).unwrap();
//! assert_eq!(sel.appointed(), Some((alice, d(4, 8), Some(probation_end))));
//!
//! // Stored and read back, every command is decided again with its own act.
//! let again = Journal::<Selection>::verify(journal.entries().to_vec(), Some(journal.head()), |_| ctx)?;
//! assert_eq!(again.state(selection), journal.state(selection));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## What cannot be written
//!
//! The act the rules check is the act the journal records: a context has no date and no
//! authority of its own, so a caller cannot record one body and have the rules check another.
//! This does not compile:
//!
//! ```compile_fail
//! # use zugong_cadre::*;
//! # use zugong_core::*;
//! # fn f(tree: &OrgTree, registry: &InstitutionRegistry, management: &ManagementList,
//! #      co_management: &CoManagementPolicy, policy: &SelectionPolicy,
//! #      calendar: &WorkCalendar, quota: &QuotaBook, files: &CadreFiles,
//! #      day: chrono::NaiveDate, county: Authority) {
//! let ctx = SelectionContext { on: day, authority: county, tree, registry, management,
//!     co_management, policy, calendar, quota, files };
//! # }
//! ```
//!
//! An appointment cannot leave its quota place unfilled: there is no command that fills a
//! place apart from [`SelectionCommand::Appoint`], which counts the places taken by every
//! selection of the journal against the book. This does not compile:
//!
//! ```compile_fail
//! # use zugong_cadre::*;
//! # use zugong_core::*;
//! # fn f(holder: PostHolder, rank: RankOrGrade) {
//! let fill = QuotaCommand::Occupy { holder, rank };
//! # }
//! ```
//!
//! Nor can a state be made outside the journal: events are applied only with a token the
//! journal alone can make…
//!
//! ```compile_fail
//! # use zugong_cadre::*;
//! # use zugong_core::journal::{Applying, Lifecycle};
//! # fn f(sel: &mut Selection, e: &SelectionEvent) {
//! sel.apply(e, &Applying::new());
//! # }
//! ```
//!
//! …and a state is never read from a file, only rebuilt by [`Journal::verify`](zugong_core::journal::Journal::verify):
//!
//! ```compile_fail
//! # use zugong_cadre::*;
//! let forged: Selection = serde_json::from_str("{}").unwrap();
//! ```

mod assessment;
mod career;
mod citations;
mod conditions;
mod dossier;
mod effect;
mod eligibility;
mod file;
mod grade_promotion;
mod mistakes;
mod policy;
mod political;
mod post;
mod quota;
mod recusal;
mod rotation;
mod screening;
mod selection;
mod updown;

pub use assessment::{
    AssessmentCommand, AssessmentContext, AssessmentError, AssessmentEvent, AssessmentGrade,
    AssessmentOutcome, AssessmentPolicy, AssessmentRegime, AssessmentRound, AssessmentStage,
    Consequence, DismissalProtection, GradeRestriction, Rounding, consequences,
    counts_toward_seniority,
};
pub use career::{CareerFact, CareerTimeline, KeyGroup, YoungCadreAges, watch_list};
pub use conditions::{
    HealthConclusion, HealthExamination, Qualification, QualificationKind, TrainingCredit,
    TrainingFloor, check_health, check_qualifications, training_met,
};
pub use dossier::{
    DimensionSummary, DossierEntry, DossierError, EntrySource, PoliticalProfile,
    PoliticalQualityDossier,
};
pub use effect::{
    Barred, ConsideredPost, Effect, EffectBar, EffectPeriodPolicy, EffectRecord, check_effects,
};
pub use eligibility::{
    CadreProfile, CommitteeTier, EligibilityReport, ExceptionalBar, ExceptionalBasis, PostHeld,
    PromotionTarget, Requirement, Strength, TrainingCatchUp, Unmet, check_eligibility,
    check_exceptional, is_local_committee,
};
pub use file::{CadreFile, CadreFiles, Consideration};
pub use grade_promotion::{
    GradePromotion, GradePromotionCommand, GradePromotionContext, GradePromotionError,
    GradePromotionEvent, GradePromotionStage, GradeVoteMethod,
};
pub use mistakes::{Distinction, MistakeClass, MistakePolicy, MistakeRecord, MistakeUse};
pub use policy::{OpenOutcomeRule, SelectionPolicy};
pub use political::{PoliticalDimension, PoliticalReview};
pub use post::{PROBATION_POSTS, Post, Tenure};
pub use quota::{
    QuotaBook, QuotaBookStage, QuotaCommand, QuotaContext, QuotaError, QuotaEvent, QuotaLine,
    QuotaOpeningLine,
};
pub use recusal::{
    Holding, Kinship, RecusalFinding, RegionalPrincipalPost, RelationBook, WorkFunction,
    check_recusal, recusal_report,
};
pub use rotation::{
    PostTenure, RotationFlag, RotationMove, RotationPolicy, RotationProblem, TenureScope,
    check_rotation_plan, rotation_flags,
};
pub use screening::{
    CadreRow, Exclusion, FactorWeights, FieldSet, PostProfile, Ranked, Screening, exclusion, flags,
    score, screen,
};
pub use selection::{
    ElectionResult, GateRecord, InspectionRecord, PersonalMatters, Recommendation,
    RecommendationKind, Selection, SelectionCommand, SelectionContext, SelectionError,
    SelectionEvent, SelectionMode, SelectionStage, VoteCount,
};
pub use updown::{
    AccountableExit, AdjustmentKind, CoolingOffBar, CoolingOffPolicy, RemovalCase, ResignationKind,
    UnsuitabilityCase, check_cooling_off,
};
