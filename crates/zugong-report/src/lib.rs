//! The organization-work report as data: what a county's organization department reads at
//! the end of the year — sections of figures (five-star branches and 软弱涣散, training, cadres
//! and 职数, talents, the grassroots, members) and the findings, each with the rule that found
//! it, the rule's citation and every case it was found on. Built once from a validated
//! [`World`](zugong_dataset::World) and its verified journals; a renderer (the `zugong`
//! binary's text, HTML and JSON) only lays it out.
//!
//! Build the report of a generated county and read its findings:
//!
//! ```
//! use zugong_dataset::lang::Lang;
//! use zugong_generate::{Scale, generate_in_memory};
//!
//! let (data, _) = generate_in_memory(Scale::County, 7);
//! let mut faults = Vec::new();
//! let world = zugong_dataset::validate(data, &mut faults);
//! assert!(faults.is_empty());
//!
//! let report = zugong_report::build(&world);
//! assert!(report.totals.members > 3_000);
//! for finding in &report.findings {
//!     // Every finding names its rule and the article behind it, and what it was found on.
//!     assert!(!finding.rule.is_empty() && !finding.citation.is_empty());
//!     assert!(!finding.subjects.is_empty());
//!     // Its words are there in both languages; the reader's program picks one.
//!     assert_ne!(finding.rule.get(Lang::Zh), finding.rule.get(Lang::En));
//! }
//! ```
//!
//! A report holds no language: it is built once, its figures, citations and typed values (a
//! selection's [`SelectionRow::stage`], a branch's [`WeakRow::status`]) are the same for every
//! reader, and its words ([`Text`]: rule names, details, group names such as 合计) are held in
//! Chinese and in English, so a renderer shows them in its reader's language with
//! [`Text::get`] — or, for `Display` and `Serialize`, inside
//! [`in_language`](zugong_dataset::text::in_language). Findings are therefore numbered the same
//! in both languages.

mod build;

use chrono::NaiveDate;
use serde::Serialize;
use zugong_dataset::text::{Text, text};

pub use build::build;

/// How far ahead the report looks for talents' evaluations: a reporting window, not a rule.
pub const DUE_WITHIN_DAYS: u32 = 90;

/// The heading of the evaluations due.
pub fn due_heading() -> Text {
    text!(
        "{DUE_WITHIN_DAYS} 日内到期考核",
        "Due within {DUE_WITHIN_DAYS} days"
    )
}

/// ‰ as a percentage with one decimal (`625` → `62.5%`).
pub fn percent(permille: u32) -> String {
    format!("{}.{}%", permille / 10, permille % 10)
}

/// Yuan in 万元 with one decimal (`9_481_673` → `948.2万元`); below 1万 in 元.
pub fn wan(yuan: u64) -> String {
    if yuan < 10_000 {
        return format!("{yuan}元");
    }
    let tenths = yuan / 1_000;
    format!("{}.{}万元", tenths / 10, tenths % 10)
}

/// A selection stage as a report names it: the official term (`SelectionStage::term`, from the
/// cadre crate's `official_terms!` table) in Chinese, a plain English name in English.
///
/// ```
/// use zugong_cadre::SelectionStage;
/// use zugong_dataset::lang::Lang;
/// assert_eq!(zugong_report::stage_name(SelectionStage::Publicity, Lang::Zh), "任前公示");
/// assert_eq!(
///     zugong_report::stage_name(SelectionStage::Publicity, Lang::En),
///     "pre-appointment publicity"
/// );
/// ```
pub fn stage_name(
    stage: zugong_cadre::SelectionStage,
    lang: zugong_dataset::lang::Lang,
) -> &'static str {
    use zugong_cadre::SelectionStage as S;
    if lang == zugong_dataset::lang::Lang::Zh {
        return stage.term();
    }
    match stage {
        S::NotStarted => "not started",
        S::Motion => "motion",
        S::Recommendation => "recommendation",
        S::Candidates => "candidates chosen",
        S::Inspection => "inspection",
        S::Decided => "decided",
        S::Publicity => "pre-appointment publicity",
        S::Appointed => "appointed",
        S::Confirmed => "confirmed",
        S::Returned => "returned after probation",
        S::Adjusted => "adjusted",
        S::Ended => "ended",
    }
}

/// A selection stage in both languages ([`stage_name`] of each).
pub fn stage_text(stage: zugong_cadre::SelectionStage) -> Text {
    Text::from_fn(|lang| stage_name(stage, lang).to_owned())
}

/// A rectification status in both languages: the official term (已销号, 整顿中) and its
/// English.
pub fn status_text(status: zugong_branch::RectificationStatus) -> Text {
    use zugong_branch::RectificationStatus as S;
    match status {
        S::None => Text::new("未整顿", "not under rectification"),
        S::UnderRectification => Text::new("整顿中", "under rectification"),
        S::Closed => Text::new("已销号", "closed"),
    }
}

/// The whole report.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// The dataset's name.
    pub title: String,
    /// The day it speaks of.
    pub as_of: NaiveDate,
    /// Sizes.
    pub totals: Totals,
    /// 五星支部.
    pub stars: StarsSection,
    /// 党员培训.
    pub training: TrainingSection,
    /// 干部.
    pub cadres: CadreSection,
    /// 人才.
    pub talent: TalentSection,
    /// 基层负担.
    pub burden: BurdenSection,
    /// 组织生活, 换届, 集体经济, 两个覆盖.
    pub grassroots: GrassrootsSection,
    /// 发展党员 in the journals.
    pub members: MemberSection,
    /// Findings, each with its rule.
    pub findings: Vec<Finding>,
}

impl Report {
    /// The report's heading: its title and day.
    pub fn heading(&self) -> Text {
        text!(
            "组织工作年度报告 {} — 截至 {}",
            "Organization-work report {} — as of {}",
            self.title,
            self.as_of
        )
    }
}

/// Sizes of the dataset.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct Totals {
    /// Org units.
    pub units: usize,
    /// Branches rated.
    pub branches: usize,
    /// Members.
    pub members: usize,
    /// Attendance rows.
    pub attendance: usize,
    /// Training classes.
    pub classes: usize,
    /// Cadres.
    pub cadres: usize,
    /// Posts.
    pub posts: usize,
    /// Talents.
    pub talents: usize,
    /// Institutions in the 单位 registry.
    pub institutions: usize,
    /// Rows of the management list (干部管理权限).
    pub management_entries: usize,
}

/// Stars of a group of branches (a town, a county).
#[derive(Debug, Clone, Serialize)]
pub struct StarRow {
    /// The group.
    pub unit: String,
    /// Branches by stars, 0 (none) to 5.
    pub by_stars: [u64; 6],
    /// Weak branches under rectification.
    pub weak_open: u64,
    /// Weak branches whose rectification closed.
    pub weak_closed: u64,
}

/// A weak branch.
#[derive(Debug, Clone, Serialize)]
pub struct WeakRow {
    /// The branch.
    pub branch: String,
    /// The group it belongs to.
    pub group: String,
    /// Why it is weak.
    pub bases: Vec<Text>,
    /// Rectification status.
    pub status: zugong_branch::RectificationStatus,
    /// Deadline, if any.
    pub deadline: Option<NaiveDate>,
    /// Whether the deadline passed.
    pub overdue: bool,
}

/// 五星支部 and 软弱涣散.
#[derive(Debug, Clone, Serialize)]
pub struct StarsSection {
    /// The rubric.
    pub rubric: String,
    /// Its source.
    pub rubric_source: String,
    /// Branches by stars over the whole dataset.
    pub total: [u64; 6],
    /// Last year's, over the branches that have one.
    pub last_year: [u64; 6],
    /// Guidance: each band of stars against its target share.
    pub guidance: Vec<GuidanceRow>,
    /// By town (the committees the branches sit directly under).
    pub by_town: Vec<StarRow>,
    /// By county (when the dataset has more than one).
    pub by_county: Vec<StarRow>,
    /// Weak branches found.
    pub weak: Vec<WeakRow>,
    /// Rating rounds in the journals.
    pub rating_journals: Vec<RatingJournalRow>,
}

/// The rating rounds of one journal.
#[derive(Debug, Clone, Serialize)]
pub struct RatingJournalRow {
    /// The journal file.
    pub journal: String,
    /// Branches rated (over all the committees' rounds of the journal).
    pub rounds: u64,
    /// Branches whose rating ended in 授星, by stars 0–5.
    pub awarded: [u64; 6],
    /// Rounds still open (before 授星).
    pub open: u64,
}

/// The fallback classes of one journal.
#[derive(Debug, Clone, Serialize)]
pub struct FallbackRow {
    /// The journal file.
    pub journal: String,
    /// Classes.
    pub classes: u64,
    /// Classes closed (结业).
    pub closed: u64,
    /// Participants.
    pub participants: u64,
    /// 学时 credited.
    pub credited_hours: u64,
}

/// Training of a group.
#[derive(Debug, Clone, Serialize)]
pub struct TrainingRow {
    /// The group.
    pub unit: String,
    /// Members.
    pub members: u64,
    /// Members who met their requirement.
    pub met: u64,
    /// Members short.
    pub short: u64,
    /// 学时 missing.
    pub missing_hours: u64,
    /// Members reached by each tier (city, county, grassroots).
    pub reached_by_tier: [u64; 3],
    /// 学时 by tier.
    pub hours_by_tier: [u64; 3],
}

/// 党员教育培训.
#[derive(Debug, Clone, Serialize)]
pub struct TrainingSection {
    /// The requirement read (学时 a year, member and secretary) and its source.
    pub rule: String,
    /// The whole dataset.
    pub total: TrainingRow,
    /// Completion in ‰.
    pub completion_permille: u64,
    /// By town.
    pub by_town: Vec<TrainingRow>,
    /// By county (more than one).
    pub by_county: Vec<TrainingRow>,
    /// Fallback classes in the journals.
    pub fallback_journals: Vec<FallbackRow>,
}

/// One quota line.
#[derive(Debug, Clone, Serialize)]
pub struct QuotaRow {
    /// The unit.
    pub unit: String,
    /// The rank.
    pub rank: String,
    /// Allotted.
    pub allotted: u32,
    /// Held.
    pub used: u32,
}

/// A selection found in the journals.
#[derive(Debug, Clone, Serialize)]
pub struct SelectionRow {
    /// The journal file.
    pub journal: String,
    /// The post.
    pub post: String,
    /// Its unit.
    pub unit: String,
    /// The stage reached.
    pub stage: zugong_cadre::SelectionStage,
    /// Candidates (names).
    pub candidates: Vec<String>,
    /// The 公示, if started.
    pub publicity: Option<Days>,
    /// The body that took the 讨论决定, as the journal recorded it (e.g. `中共新庄县委员会
    /// 党委（党组）`), once decided.
    pub decided_by: Option<Text>,
    /// Journal entries.
    pub entries: usize,
}

/// Assessment results of a unit in a year.
#[derive(Debug, Clone, Serialize)]
pub struct AssessmentRow {
    /// The unit.
    pub unit: Text,
    /// Cadres graded.
    pub graded: u32,
    /// 优秀.
    pub excellent: u32,
    /// The cap.
    pub cap: u32,
}

/// 干部.
#[derive(Debug, Clone, Serialize)]
pub struct CadreSection {
    /// Quota lines.
    pub quotas: Vec<QuotaRow>,
    /// Allotted over all lines.
    pub allotted: u64,
    /// Held over all lines.
    pub used: u64,
    /// Posts without a holder.
    pub vacancies: Vec<VacancyRow>,
    /// Selections in the journals.
    pub selections: Vec<SelectionRow>,
    /// The assessment year reported.
    pub assessment_year: Option<i32>,
    /// Results by grade (优秀, 称职, 基本称职, 不称职).
    pub grades: [u64; 4],
    /// Results by unit.
    pub assessment: Vec<AssessmentRow>,
    /// Cadres with a rotation flag.
    pub rotations_due: usize,
    /// Kinship findings.
    pub recusals: usize,
    /// 编制 beside 职数: the 单位 with an approved establishment, its total, and the
    /// leadership 职数 approved for 单位 (not for committees or 党组).
    pub establishment: Establishment,
}

/// 编制 (staff establishment) over the 单位 registry, beside the 职数 of the same 单位.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct Establishment {
    /// 单位 with an approved establishment.
    pub institutions: usize,
    /// Their approved staff, together.
    pub staff: u64,
    /// 领导职数 approved for 单位 (the quota lines held by institutions).
    pub leadership_posts: u64,
}

/// 人才梯次.
#[derive(Debug, Clone, Serialize)]
pub struct TalentSection {
    /// Active talents by tier (in the tiers' official order).
    pub by_tier: Vec<TierCount>,
    /// Started this year by tier.
    pub started: Vec<TierCount>,
    /// Tier × industry counts.
    pub by_industry: Vec<IndustryCount>,
    /// Evaluations due within [`DUE_WITHIN_DAYS`] days.
    pub due: Vec<DueRow>,
}

/// 发展党员: the development journals, as verified.
#[derive(Debug, Clone, Default, Serialize)]
pub struct MemberSection {
    /// One row a journal.
    pub development_journals: Vec<DevelopmentJournalRow>,
    /// The development roster by stage on the dataset's day.
    pub roster_by_stage: Vec<StageCount>,
    /// This year's admissions against the plans.
    pub plans: Vec<PlanRow>,
    /// Relation transfers not yet received.
    pub transfers_pending: u64,
    /// The longest of them, in days.
    pub transfers_longest_days: i64,
    /// The longest pending, longest first.
    pub transfers_oldest: Vec<TransferRow>,
    /// Members away on the dataset's day.
    pub away: u64,
    /// Of them, 流动党员 (away six months or more).
    pub mobile: u64,
    /// Members with a dues record.
    pub dues_members: u64,
    /// Of them, with months unpaid.
    pub dues_in_arrears: u64,
    /// Of them, unpaid for the months that signal 自行脱党.
    pub dues_lapse: u64,
    /// Members charged otherwise than the rules set.
    pub dues_miscalculated: u64,
}

/// The paths of one development journal by stage.
#[derive(Debug, Clone, Serialize)]
pub struct DevelopmentJournalRow {
    /// The journal file.
    pub journal: String,
    /// Paths in it.
    pub paths: u64,
    /// Paths at each stage, stages with none left out.
    pub by_stage: Vec<StageCount>,
}

/// The burden pushed onto village branches.
#[derive(Debug, Clone, Serialize)]
pub struct BurdenSection {
    /// Village branches carrying tasks.
    pub branches: usize,
    /// Tasks.
    pub tasks: u64,
    /// Hours.
    pub hours: u64,
    /// Still open.
    pub open: u64,
    /// Overdue.
    pub overdue: u64,
    /// By the level of the pushing body.
    pub by_source_level: Vec<LoadRow>,
    /// By 条 and 块.
    pub by_source_kind: Vec<LoadRow>,
    /// The 属地管理 matters among them.
    pub territorial: Load,
    /// Sources over the per-organization figure.
    pub heavy_sources: Vec<HeavySource>,
    /// The branches carrying the most hours.
    pub heaviest: Vec<HeaviestBranch>,
    /// Meetings attended for other bodies (陪会).
    pub summoned: Summoned,
}

/// One group's collective economy (a town, a county, the whole dataset).
#[derive(Debug, Clone, Serialize)]
pub struct EconomyRow {
    /// The group.
    pub unit: Text,
    /// Villages with a return.
    pub villages: u32,
    /// 空壳村.
    pub shell: u32,
    /// 薄弱村.
    pub weak: u32,
    /// 一般村及以上.
    pub ordinary: u32,
    /// 经营性收入, in yuan.
    pub operating_income: u64,
}

/// One group's 两个覆盖 (an industry, the whole dataset).
#[derive(Debug, Clone, Serialize)]
pub struct CoverageRow {
    /// The group.
    pub group: Text,
    /// Organizations.
    pub organizations: u64,
    /// Party members employed.
    pub members: u64,
    /// 单独组建.
    pub own: u64,
    /// 联合组建.
    pub joint: u64,
    /// 党建指导员 only.
    pub instructor: u64,
    /// 组织覆盖率, ‰.
    pub organizational_permille: u32,
    /// 工作覆盖率, ‰.
    pub work_permille: u32,
}

/// 组织生活, 换届, the village collective economy and 两个覆盖.
#[derive(Debug, Clone, Default, Serialize)]
pub struct GrassrootsSection {
    /// Branches whose meetings were checked.
    pub life_checked: usize,
    /// Of them, with nothing missed.
    pub life_complete: usize,
    /// Intervals missed, by kind of meeting.
    pub life_missed: Vec<MissedMeetings>,
    /// Meetings held without their quorum.
    pub life_under_attended: u64,
    /// Organizations with a term on record.
    pub terms: usize,
    /// Of them, due within the reminder window.
    pub terms_reminded: usize,
    /// Of them, past their term.
    pub terms_overdue: usize,
    /// Elections on record.
    pub elections: usize,
    /// Of them, that do not stand.
    pub elections_void: usize,
    /// The year of the collective-economy figures.
    pub economy_year: Option<i32>,
    /// By town.
    pub economy_by_town: Vec<EconomyRow>,
    /// The whole dataset.
    pub economy_total: Option<EconomyRow>,
    /// 两个覆盖 by industry.
    pub coverage_by_industry: Vec<CoverageRow>,
    /// 两个覆盖 over all organizations.
    pub coverage_total: Option<CoverageRow>,
}

/// A band of stars against the guidance (五星 few, 四星 more…): its target share and the
/// share reached.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct GuidanceRow {
    /// The band, in words (`五星`, `四星及以上`).
    pub band: String,
    /// The share the guidance aims at, in ‰ of the branches rated.
    pub target_permille: u32,
    /// The share reached, in ‰.
    pub actual_permille: u32,
}

/// Days from one to another, both counted (a 公示's first and last day).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Days {
    /// The first day.
    pub from: NaiveDate,
    /// The last day.
    pub until: NaiveDate,
}

/// A post without a holder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct VacancyRow {
    /// The post's title.
    pub post: String,
    /// The 单位 (or committee) it belongs to.
    pub unit: String,
    /// Its rank, as the official term.
    pub rank: String,
}

/// Talents of one tier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct TierCount {
    /// The tier, as the official term (`青年拔尖人才`).
    pub tier: String,
    /// How many.
    pub count: u32,
}

/// Talents of one tier in one industry of the 六新六特六优 catalogue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct IndustryCount {
    /// The tier, as the official term.
    pub tier: String,
    /// The industry, as the catalogue names it.
    pub industry: String,
    /// How many.
    pub count: u32,
}

/// A talent's evaluation (or ageing out) falling due soon.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct DueRow {
    /// The talent, by name.
    pub talent: String,
    /// The tier, as the official term.
    pub tier: String,
    /// What falls due (中期考核, 期满考核, 超过年龄上限).
    pub what: Text,
    /// The day.
    pub on: NaiveDate,
}

/// How many are at one stage (of the development path).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct StageCount {
    /// The stage, as the official term (`入党积极分子`).
    pub stage: String,
    /// How many.
    pub count: u64,
}

impl std::fmt::Display for StageCount {
    /// `入党积极分子 12`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.stage, self.count)
    }
}

/// One committee's admissions this year against its plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct PlanRow {
    /// The committee that made the plan.
    pub committee: String,
    /// Admissions planned.
    pub planned: u32,
    /// Admitted so far.
    pub admitted: u32,
}

/// A transfer of 组织关系 still pending.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct TransferRow {
    /// The member, by name.
    pub member: String,
    /// The organization it leaves.
    pub from: String,
    /// The organization it goes to.
    pub to: String,
    /// Days pending on the dataset's day.
    pub days: i64,
}

/// Tasks and the hours they take.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[non_exhaustive]
pub struct Load {
    /// Tasks.
    pub tasks: u64,
    /// Hours estimated for them.
    pub hours: u64,
}

/// The tasks pushed by one group of bodies (a level, 条 or 块).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct LoadRow {
    /// The group, as the official term.
    pub group: String,
    /// Tasks.
    pub tasks: u64,
    /// Hours.
    pub hours: u64,
}

/// A body pushing more than the per-organization figure onto the grassroots.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct HeavySource {
    /// The body, by name.
    pub source: String,
    /// 条 or 块.
    pub kind: String,
    /// Tasks it pushed.
    pub tasks: u32,
    /// Organizations it pushed them onto.
    pub organizations: u32,
}

/// A branch among those carrying the most hours.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct HeaviestBranch {
    /// The branch, by name.
    pub branch: String,
    /// Tasks.
    pub tasks: u32,
    /// Hours.
    pub hours: u64,
    /// Of them, overdue.
    pub overdue: u32,
}

/// Meetings attended for other bodies (陪会).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[non_exhaustive]
pub struct Summoned {
    /// Meetings.
    pub meetings: u64,
    /// People-times (人次).
    pub attendances: u64,
}

/// Intervals missed of one kind of meeting (三会一课…).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct MissedMeetings {
    /// The kind of meeting, as the official term.
    pub kind: String,
    /// Intervals missed.
    pub intervals: u64,
}

impl std::fmt::Display for MissedMeetings {
    /// `支部党员大会 3`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.kind, self.intervals)
    }
}

/// The area of a finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Area {
    /// 五星支部.
    Stars,
    /// 党员培训.
    Training,
    /// 干部.
    Cadres,
    /// 人才.
    Talent,
    /// 纪实: the journals of what was done, as verified.
    Records,
    /// 基层组织: organizational life, 换届, collective economy, 两个覆盖.
    Grassroots,
    /// 党员: development, relations, dues.
    Members,
}

/// One finding: a rule, its citation, and everything it was found on.
#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    /// The area.
    pub area: Area,
    /// The rule, in words.
    pub rule: Text,
    /// Its citation (regulation and article).
    pub citation: String,
    /// Every case the rule was found on, in the order the report lists them (the text and
    /// HTML show the first few and say how many more; JSON has them all).
    pub subjects: Vec<Subject>,
}

/// One case of a finding: the unit or person it was found on, and what was found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Subject {
    /// The unit or person, by name (a person's ID number never appears, only a name); a
    /// name is the same in both languages, a group such as 合计 is not.
    pub name: Text,
    /// What was found, with the figures (`应开展 28 项，完成 8 项`).
    pub detail: Text,
}

impl Subject {
    /// A case: `name` and what was found on it.
    pub fn new(name: impl Into<Text>, detail: impl Into<Text>) -> Self {
        Self {
            name: name.into(),
            detail: detail.into(),
        }
    }
}

/// The cases as the builders collect them, (name, detail) pairs, as [`Subject`]s.
fn subjects<N: Into<Text>, D: Into<Text>>(pairs: impl IntoIterator<Item = (N, D)>) -> Vec<Subject> {
    pairs
        .into_iter()
        .map(|(name, detail)| Subject::new(name, detail))
        .collect()
}
