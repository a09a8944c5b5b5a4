//! The report: what a county's organization department reads at the end of the year. Built
//! once from the [`World`](crate::dataset::World) (in the chosen language), then rendered as text, JSON or a
//! self-contained HTML page with SVG charts.
//!
//! Every finding names its rule and the citation behind it; sections hold the figures and the
//! charts' data.

mod build;
mod html;
mod svg;
mod text;

use chrono::NaiveDate;
use clap::ValueEnum;
use serde::Serialize;

pub(crate) use build::build;

/// How far ahead the report looks for talents' evaluations: a reporting window, not a rule.
pub(crate) const DUE_WITHIN_DAYS: u32 = 90;

/// The heading of the evaluations due.
pub(crate) fn due_heading(lang: crate::lang::Lang) -> String {
    crate::lang::tr!(
        lang,
        "{DUE_WITHIN_DAYS} 日内到期考核",
        "Due within {DUE_WITHIN_DAYS} days"
    )
}

/// ‰ as a percentage with one decimal (`625` → `62.5%`).
pub(crate) fn percent(permille: u32) -> String {
    format!("{}.{}%", permille / 10, permille % 10)
}

/// Yuan in 万元 with one decimal (`9_481_673` → `948.2万元`); below 1万 in 元.
pub(crate) fn wan(yuan: u64) -> String {
    if yuan < 10_000 {
        return format!("{yuan}元");
    }
    let tenths = yuan / 1_000;
    format!("{}.{}万元", tenths / 10, tenths % 10)
}

/// Output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Format {
    /// Plain text for the terminal.
    Text,
    /// JSON (everything, every finding's every item).
    Json,
    /// A self-contained HTML page with SVG charts (no network).
    Html,
}

/// Renders a report.
pub(crate) fn render(report: &Report, format: Format, lang: crate::lang::Lang) -> String {
    match format {
        Format::Text => text::render(report, lang),
        Format::Json => serde_json::to_string_pretty(report).unwrap_or_default() + "\n",
        Format::Html => html::render(report, lang),
    }
}

/// The whole report.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Report {
    /// The dataset's name.
    pub(crate) title: String,
    /// The day it speaks of.
    pub(crate) as_of: NaiveDate,
    /// Sizes.
    pub(crate) totals: Totals,
    /// 五星支部.
    pub(crate) stars: StarsSection,
    /// 党员培训.
    pub(crate) training: TrainingSection,
    /// 干部.
    pub(crate) cadres: CadreSection,
    /// 人才.
    pub(crate) talent: TalentSection,
    /// 基层负担.
    pub(crate) burden: BurdenSection,
    /// 组织生活, 换届, 集体经济, 两个覆盖.
    pub(crate) grassroots: GrassrootsSection,
    /// 发展党员 in the journals.
    pub(crate) members: MemberSection,
    /// Findings, each with its rule.
    pub(crate) findings: Vec<Finding>,
}

impl Report {
    /// The report's heading: its title and day.
    pub(crate) fn heading(&self, lang: crate::lang::Lang) -> String {
        format!(
            "{} {} — {} {}",
            lang.t("组织工作年度报告", "Organization-work report"),
            self.title,
            lang.t("截至", "as of"),
            self.as_of
        )
    }
}

/// Sizes of the dataset.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub(crate) struct Totals {
    /// Org units.
    pub(crate) units: usize,
    /// Branches rated.
    pub(crate) branches: usize,
    /// Members.
    pub(crate) members: usize,
    /// Attendance rows.
    pub(crate) attendance: usize,
    /// Training classes.
    pub(crate) classes: usize,
    /// Cadres.
    pub(crate) cadres: usize,
    /// Posts.
    pub(crate) posts: usize,
    /// Talents.
    pub(crate) talents: usize,
    /// Institutions in the 单位 registry.
    pub(crate) institutions: usize,
    /// Rows of the management list (干部管理权限).
    pub(crate) management_entries: usize,
}

/// Stars of a group of branches (a town, a county).
#[derive(Debug, Clone, Serialize)]
pub(crate) struct StarRow {
    /// The group.
    pub(crate) unit: String,
    /// Branches by stars, 0 (none) to 5.
    pub(crate) by_stars: [u64; 6],
    /// Weak branches under rectification.
    pub(crate) weak_open: u64,
    /// Weak branches whose rectification closed.
    pub(crate) weak_closed: u64,
}

/// A weak branch.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct WeakRow {
    /// The branch.
    pub(crate) branch: String,
    /// The group it belongs to.
    pub(crate) group: String,
    /// Why it is weak.
    pub(crate) bases: Vec<String>,
    /// Rectification status.
    pub(crate) status: String,
    /// Deadline, if any.
    pub(crate) deadline: Option<NaiveDate>,
    /// Whether the deadline passed.
    pub(crate) overdue: bool,
}

/// 五星支部 and 软弱涣散.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct StarsSection {
    /// The rubric.
    pub(crate) rubric: String,
    /// Its source.
    pub(crate) rubric_source: String,
    /// Branches by stars over the whole dataset.
    pub(crate) total: [u64; 6],
    /// Last year's, over the branches that have one.
    pub(crate) last_year: [u64; 6],
    /// Guidance: (stars band, target ‰, actual ‰).
    pub(crate) guidance: Vec<(String, u32, u32)>,
    /// By town (the committees the branches sit directly under).
    pub(crate) by_town: Vec<StarRow>,
    /// By county (when the dataset has more than one).
    pub(crate) by_county: Vec<StarRow>,
    /// Weak branches found.
    pub(crate) weak: Vec<WeakRow>,
    /// Rating rounds in the journals.
    pub(crate) rating_journals: Vec<RatingJournalRow>,
}

/// The rating rounds of one journal.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct RatingJournalRow {
    /// The journal file.
    pub(crate) journal: String,
    /// Branches rated (over all the committees' rounds of the journal).
    pub(crate) rounds: u64,
    /// Branches whose rating ended in 授星, by stars 0–5.
    pub(crate) awarded: [u64; 6],
    /// Rounds still open (before 授星).
    pub(crate) open: u64,
}

/// The fallback classes of one journal.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct FallbackRow {
    /// The journal file.
    pub(crate) journal: String,
    /// Classes.
    pub(crate) classes: u64,
    /// Classes closed (结业).
    pub(crate) closed: u64,
    /// Participants.
    pub(crate) participants: u64,
    /// 学时 credited.
    pub(crate) credited_hours: u64,
}

/// Training of a group.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct TrainingRow {
    /// The group.
    pub(crate) unit: String,
    /// Members.
    pub(crate) members: u64,
    /// Members who met their requirement.
    pub(crate) met: u64,
    /// Members short.
    pub(crate) short: u64,
    /// 学时 missing.
    pub(crate) missing_hours: u64,
    /// Members reached by each tier (city, county, grassroots).
    pub(crate) reached_by_tier: [u64; 3],
    /// 学时 by tier.
    pub(crate) hours_by_tier: [u64; 3],
}

/// 党员教育培训.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct TrainingSection {
    /// The requirement read (学时 a year, member and secretary) and its source.
    pub(crate) rule: String,
    /// The whole dataset.
    pub(crate) total: TrainingRow,
    /// Completion in ‰.
    pub(crate) completion_permille: u64,
    /// By town.
    pub(crate) by_town: Vec<TrainingRow>,
    /// By county (more than one).
    pub(crate) by_county: Vec<TrainingRow>,
    /// Fallback classes in the journals.
    pub(crate) fallback_journals: Vec<FallbackRow>,
}

/// One quota line.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct QuotaRow {
    /// The unit.
    pub(crate) unit: String,
    /// The rank.
    pub(crate) rank: String,
    /// Allotted.
    pub(crate) allotted: u32,
    /// Held.
    pub(crate) used: u32,
}

/// A selection found in the journals.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct SelectionRow {
    /// The journal file.
    pub(crate) journal: String,
    /// The post.
    pub(crate) post: String,
    /// Its unit.
    pub(crate) unit: String,
    /// The stage reached.
    pub(crate) stage: String,
    /// Candidates (names).
    pub(crate) candidates: Vec<String>,
    /// The 公示, if started.
    pub(crate) publicity: Option<(NaiveDate, NaiveDate)>,
    /// The body that took the 讨论决定, as the journal recorded it (e.g. `中共新庄县委员会
    /// 党委（党组）`), once decided.
    pub(crate) decided_by: Option<String>,
    /// Journal entries.
    pub(crate) entries: usize,
}

/// Assessment results of a unit in a year.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct AssessmentRow {
    /// The unit.
    pub(crate) unit: String,
    /// Cadres graded.
    pub(crate) graded: u32,
    /// 优秀.
    pub(crate) excellent: u32,
    /// The cap.
    pub(crate) cap: u32,
}

/// 干部.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct CadreSection {
    /// Quota lines.
    pub(crate) quotas: Vec<QuotaRow>,
    /// Allotted over all lines.
    pub(crate) allotted: u64,
    /// Held over all lines.
    pub(crate) used: u64,
    /// Posts without a holder: (post, unit, rank).
    pub(crate) vacancies: Vec<(String, String, String)>,
    /// Selections in the journals.
    pub(crate) selections: Vec<SelectionRow>,
    /// The assessment year reported.
    pub(crate) assessment_year: Option<i32>,
    /// Results by grade (优秀, 称职, 基本称职, 不称职).
    pub(crate) grades: [u64; 4],
    /// Results by unit.
    pub(crate) assessment: Vec<AssessmentRow>,
    /// Cadres with a rotation flag.
    pub(crate) rotations_due: usize,
    /// Kinship findings.
    pub(crate) recusals: usize,
    /// 编制 beside 职数: the 单位 with an approved establishment, its total, and the
    /// leadership 职数 approved for 单位 (not for committees or 党组).
    pub(crate) establishment: Establishment,
}

/// 编制 (staff establishment) over the 单位 registry, beside the 职数 of the same 单位.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub(crate) struct Establishment {
    /// 单位 with an approved establishment.
    pub(crate) institutions: usize,
    /// Their approved staff, together.
    pub(crate) staff: u64,
    /// 领导职数 approved for 单位 (the quota lines held by institutions).
    pub(crate) leadership_posts: u64,
}

/// 人才梯次.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct TalentSection {
    /// Active talents by tier (in the tiers' official order).
    pub(crate) by_tier: Vec<(String, u32)>,
    /// Started this year by tier.
    pub(crate) started: Vec<(String, u32)>,
    /// Tier × industry counts.
    pub(crate) by_industry: Vec<(String, String, u32)>,
    /// Due within 90 days: (name, tier, what, on).
    pub(crate) due: Vec<(String, String, String, NaiveDate)>,
}

/// 发展党员: the development journals, as verified.
#[derive(Debug, Clone, Default, Serialize)]
pub(crate) struct MemberSection {
    /// One row a journal.
    pub(crate) development_journals: Vec<DevelopmentJournalRow>,
    /// The development roster by stage on the dataset's day: (official term, count).
    pub(crate) roster_by_stage: Vec<(String, u64)>,
    /// This year's admissions against the plans: (committee, planned, admitted).
    pub(crate) plans: Vec<(String, u32, u32)>,
    /// Relation transfers not yet received.
    pub(crate) transfers_pending: u64,
    /// The longest of them, in days.
    pub(crate) transfers_longest_days: i64,
    /// The longest pending, longest first: (member, from, to, days).
    pub(crate) transfers_oldest: Vec<(String, String, String, i64)>,
    /// Members away on the dataset's day.
    pub(crate) away: u64,
    /// Of them, 流动党员 (away six months or more).
    pub(crate) mobile: u64,
    /// Members with a dues record.
    pub(crate) dues_members: u64,
    /// Of them, with months unpaid.
    pub(crate) dues_in_arrears: u64,
    /// Of them, unpaid for the months that signal 自行脱党.
    pub(crate) dues_lapse: u64,
    /// Members charged otherwise than the rules set.
    pub(crate) dues_miscalculated: u64,
}

/// The paths of one development journal by stage.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct DevelopmentJournalRow {
    /// The journal file.
    pub(crate) journal: String,
    /// Paths in it.
    pub(crate) paths: u64,
    /// Paths at each stage: (official term, count), stages with none left out.
    pub(crate) by_stage: Vec<(String, u64)>,
}

/// The burden pushed onto village branches.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct BurdenSection {
    /// Village branches carrying tasks.
    pub(crate) branches: usize,
    /// Tasks.
    pub(crate) tasks: u64,
    /// Hours.
    pub(crate) hours: u64,
    /// Still open.
    pub(crate) open: u64,
    /// Overdue.
    pub(crate) overdue: u64,
    /// By the level of the pushing body: (level, tasks, hours).
    pub(crate) by_source_level: Vec<(String, u64, u64)>,
    /// By 条 and 块: (kind, tasks, hours).
    pub(crate) by_source_kind: Vec<(String, u64, u64)>,
    /// The 属地管理 matters among them: (tasks, hours).
    pub(crate) territorial: (u64, u64),
    /// Sources over the per-organization figure: (source, 条/块, tasks, organizations).
    pub(crate) heavy_sources: Vec<(String, String, u32, u32)>,
    /// The branches carrying the most hours: (branch, tasks, hours, overdue).
    pub(crate) heaviest: Vec<(String, u32, u64, u32)>,
    /// Meetings attended for other bodies (陪会): (meetings, people-times).
    pub(crate) summoned: (u64, u64),
}

/// One group's collective economy (a town, a county, the whole dataset).
#[derive(Debug, Clone, Serialize)]
pub(crate) struct EconomyRow {
    /// The group.
    pub(crate) unit: String,
    /// Villages with a return.
    pub(crate) villages: u32,
    /// 空壳村.
    pub(crate) shell: u32,
    /// 薄弱村.
    pub(crate) weak: u32,
    /// 一般村及以上.
    pub(crate) ordinary: u32,
    /// 经营性收入, in yuan.
    pub(crate) operating_income: u64,
}

/// One group's 两个覆盖 (an industry, the whole dataset).
#[derive(Debug, Clone, Serialize)]
pub(crate) struct CoverageRow {
    /// The group.
    pub(crate) group: String,
    /// Organizations.
    pub(crate) organizations: u64,
    /// Party members employed.
    pub(crate) members: u64,
    /// 单独组建.
    pub(crate) own: u64,
    /// 联合组建.
    pub(crate) joint: u64,
    /// 党建指导员 only.
    pub(crate) instructor: u64,
    /// 组织覆盖率, ‰.
    pub(crate) organizational_permille: u32,
    /// 工作覆盖率, ‰.
    pub(crate) work_permille: u32,
}

/// 组织生活, 换届, the village collective economy and 两个覆盖.
#[derive(Debug, Clone, Default, Serialize)]
pub(crate) struct GrassrootsSection {
    /// Branches whose meetings were checked.
    pub(crate) life_checked: usize,
    /// Of them, with nothing missed.
    pub(crate) life_complete: usize,
    /// Intervals missed, by kind of meeting: (kind, intervals).
    pub(crate) life_missed: Vec<(String, u64)>,
    /// Meetings held without their quorum.
    pub(crate) life_under_attended: u64,
    /// Organizations with a term on record.
    pub(crate) terms: usize,
    /// Of them, due within the reminder window.
    pub(crate) terms_reminded: usize,
    /// Of them, past their term.
    pub(crate) terms_overdue: usize,
    /// Elections on record.
    pub(crate) elections: usize,
    /// Of them, that do not stand.
    pub(crate) elections_void: usize,
    /// The year of the collective-economy figures.
    pub(crate) economy_year: Option<i32>,
    /// By town.
    pub(crate) economy_by_town: Vec<EconomyRow>,
    /// The whole dataset.
    pub(crate) economy_total: Option<EconomyRow>,
    /// 两个覆盖 by industry.
    pub(crate) coverage_by_industry: Vec<CoverageRow>,
    /// 两个覆盖 over all organizations.
    pub(crate) coverage_total: Option<CoverageRow>,
}

/// The area of a finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Area {
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
pub(crate) struct Finding {
    /// The area.
    pub(crate) area: Area,
    /// The rule, in words.
    pub(crate) rule: String,
    /// Its citation (regulation and article).
    pub(crate) citation: String,
    /// Each case: (unit or person, detail).
    pub(crate) items: Vec<(String, String)>,
}
