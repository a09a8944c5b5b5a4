//! Selection and appointment (选拔任用) as one lifecycle: 分析研判和动议 → 民主推荐 → 确定考察对象 →
//! 考察 → 讨论决定 → 任前公示 → 任职 → 试用期, with a political gate at every step.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use thiserror::Error;
use zugong_core::dates::add_months;
use zugong_core::journal::{Act, Applying, Language, Lifecycle, Peers, Refusal};
use zugong_core::publicity::{
    ObjectionId, ObjectionOutcome, Publicity, PublicityDays, PublicityError, PublicityEvent,
};
use zugong_core::{
    CadreId, Citation, CoManagementPolicy, Consultation, InstitutionRegistry, ManagementEntry,
    ManagementError, ManagementList, OrgTree, SelectionId, WorkCalendar,
};

use crate::policy::{ART_3, CH_4, CH_5, CH_6, CH_7};
use crate::{
    CadreFiles, EffectBar, ExceptionalBar, ExceptionalBasis, OpenOutcomeRule, PoliticalDimension,
    PoliticalReview, Post, QuotaBook, QuotaError, SelectionPolicy, Strength, Unmet,
    check_exceptional,
};

/// 换届 or 个别提拔.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SelectionMode {
    /// 换届: whole-team renewal; 谈话调研推荐 first, then 会议推荐.
    TermChange,
    /// 个别提拔: a single promotion; 会议推荐 may come first, or be skipped where the rules allow.
    IndividualPromotion,
}

/// 谈话调研推荐 or 会议推荐.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RecommendationKind {
    /// 谈话调研推荐.
    InterviewSurvey,
    /// 会议推荐.
    Meeting,
}

/// One 民主推荐 with its tallies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recommendation {
    /// Kind.
    pub kind: RecommendationKind,
    /// Held on.
    pub held_on: NaiveDate,
    /// People who should take part (应参加).
    pub participants: u32,
    /// People who took part.
    pub present: u32,
    /// Recommendations per person.
    pub tallies: BTreeMap<CadreId, u32>,
}

/// 个人有关事项报告 核查结果.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PersonalMatters {
    /// 如实填报.
    Truthful,
    /// 漏报 (handled case by case; recorded).
    Omitted,
    /// 瞒报: bars the promotion.
    Concealed,
}

/// What a 考察 did (Ch 5; "凡提四必").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InspectionRecord {
    /// 考察预告 published.
    pub notice_published: bool,
    /// 考察组 members.
    pub team_size: u32,
    /// 个别谈话 held.
    pub individual_talks: u32,
    /// 民主测评: (approving, total).
    pub evaluation: (u32, u32),
    /// 干部档案 审核 ("凡提必审").
    pub file_reviewed: bool,
    /// 个人有关事项报告 核查 ("凡提必核").
    pub personal_matters: PersonalMatters,
    /// 纪检监察机关意见 heard and clear ("凡提必听").
    pub discipline_opinion_clear: bool,
    /// 信访举报 checked ("凡提必查").
    pub complaints_checked: bool,
    /// 反馈 to the unit's leaders.
    pub feedback_given: bool,
}

/// The election that fills a 选任制 post: the body that voted, the day, and the votes.
///
/// Elected only with more than half of all who are entitled to vote (全体代表/委员过半数,
/// 地方组织法 and 党章 for Party committees); the post's 任职时间 counts from the election, and
/// it has no 试用期.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ElectionResult {
    /// The body that voted (e.g. `新庄县第十八届人民代表大会第五次会议`); never blank.
    pub body: String,
    /// The day of the vote.
    pub held_on: NaiveDate,
    /// Votes for the candidate.
    pub votes_for: u32,
    /// Everyone entitled to vote (应到): the majority is of them, not of those present.
    pub entitled: u32,
}

impl ElectionResult {
    /// An election by `body` on `held_on`: `votes_for` of `entitled`.
    #[must_use]
    pub fn new(body: impl Into<String>, held_on: NaiveDate, votes_for: u32, entitled: u32) -> Self {
        Self {
            body: body.into(),
            held_on,
            votes_for,
            entitled,
        }
    }

    /// Whether the candidate is elected: more than half of the entitled.
    #[must_use]
    pub fn elects(&self) -> bool {
        u64::from(self.votes_for) * 2 > u64::from(self.entitled)
    }
}

/// A member's recorded votes for one candidate.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct VoteCount {
    /// 同意.
    pub agree: u32,
    /// 不同意.
    pub disagree: u32,
    /// 缓议.
    pub defer: u32,
}

/// The steps, in order.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SelectionStage {
    /// Not started.
    #[default]
    NotStarted,
    /// 分析研判和动议 done.
    Motion,
    /// 民主推荐 under way.
    Recommendation,
    /// 确定考察对象 done.
    Candidates,
    /// 考察 under way.
    Inspection,
    /// 讨论决定 taken.
    Decided,
    /// 任前公示 under way.
    Publicity,
    /// 任职: appointed (in 试用期 where it applies).
    Appointed,
    /// 试用期满 胜任: 正式任职.
    Confirmed,
    /// 试用期满 不胜任: 免去试任职务.
    Returned,
    /// 调整: the appointee was transferred, reassigned, removed or demoted (能上能下); the
    /// post's quota place is free again.
    Adjusted,
    /// Ended without appointment (a failed gate, a rejection, an upheld objection).
    Ended,
}

zugong_core::official_terms!(SelectionStage, "选任环节 (selection stage)", {
    NotStarted => "未启动",
    Motion => "分析研判和动议" | "动议",
    Recommendation => "民主推荐",
    Candidates => "确定考察对象",
    Inspection => "考察",
    Decided => "讨论决定",
    Publicity => "任前公示",
    Appointed => "任职（试用期）" | "任职",
    Confirmed => "正式任职",
    Returned => "免去试任职务",
    Adjusted => "已调整",
    Ended => "终止",
});

/// One political gate's result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GateRecord {
    /// The step.
    pub step: SelectionStage,
    /// The person reviewed (`None`: the motion itself).
    pub cadre: Option<CadreId>,
    /// Dimensions that failed (empty: passed).
    pub failures: Vec<PoliticalDimension>,
    /// Conclusion.
    pub note: String,
}

/// 选拔任用: one selection for one post, built from its events.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Selection {
    post: Option<Post>,
    mode: Option<SelectionMode>,
    stage: SelectionStage,
    recommendations: Vec<Recommendation>,
    candidates: Vec<CadreId>,
    inspections: BTreeMap<CadreId, InspectionRecord>,
    dropped: BTreeMap<CadreId, String>,
    decided: Option<(NaiveDate, CadreId)>,
    publicity: Option<Publicity>,
    appointed: Option<(CadreId, NaiveDate, Option<NaiveDate>)>,
    gates: Vec<GateRecord>,
    ended: Option<String>,
    exceptional: Option<ExceptionalBasis>,
    noted: BTreeMap<CadreId, Vec<Unmet>>,
}

impl Selection {
    /// The post.
    #[must_use]
    pub fn post(&self) -> Option<&Post> {
        self.post.as_ref()
    }
    /// The stage.
    #[must_use]
    pub fn stage(&self) -> SelectionStage {
        self.stage
    }
    /// The 民主推荐 held.
    #[must_use]
    pub fn recommendations(&self) -> &[Recommendation] {
        &self.recommendations
    }
    /// 考察对象 still in the running.
    #[must_use]
    pub fn candidates(&self) -> &[CadreId] {
        &self.candidates
    }
    /// Candidates dropped, with why.
    #[must_use]
    pub fn dropped(&self) -> &BTreeMap<CadreId, String> {
        &self.dropped
    }
    /// The 讨论决定: date and the person decided on.
    #[must_use]
    pub fn decided(&self) -> Option<(NaiveDate, CadreId)> {
        self.decided
    }
    /// The 任前公示: its period and the objections received (`None` before it starts).
    #[must_use]
    pub fn publicity(&self) -> Option<&Publicity> {
        self.publicity.as_ref()
    }
    /// The appointee, the date the appointment counts from (the decision's day, Ch 7), and the
    /// end of the 试用期 if one applies.
    #[must_use]
    pub fn appointed(&self) -> Option<(CadreId, NaiveDate, Option<NaiveDate>)> {
        self.appointed
    }
    /// Every political gate's result.
    #[must_use]
    pub fn gates(&self) -> &[GateRecord] {
        &self.gates
    }
    /// Why it ended without appointment.
    #[must_use]
    pub fn ended(&self) -> Option<&str> {
        self.ended.as_deref()
    }
    /// The ground of a 破格 selection, as the motion stated it (`None`: the ordinary path).
    #[must_use]
    pub fn exceptional(&self) -> Option<ExceptionalBasis> {
        self.exceptional
    }
    /// Requirements of Art 8 that bind as 一般应当 and that a candidate did not meet, recorded
    /// when the candidate was chosen: not a bar, but on the record.
    #[must_use]
    pub fn noted(&self) -> &BTreeMap<CadreId, Vec<Unmet>> {
        &self.noted
    }
    /// Whether the selection has an open outcome for `cadre`: decided on, or in 任前公示, and
    /// neither appointed nor ended.
    #[must_use]
    pub fn holds_open_outcome_for(&self, cadre: CadreId) -> bool {
        self.ended.is_none()
            && matches!(
                self.stage,
                SelectionStage::Decided | SelectionStage::Publicity
            )
            && self.decided.is_some_and(|(_, c)| c == cadre)
    }
}

/// What may be asked of a selection. Every step carries the political review of that step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SelectionCommand {
    /// 分析研判和动议: propose filling the post, with the work plan.
    Motion {
        /// The post.
        post: Post,
        /// 换届 or 个别提拔.
        mode: SelectionMode,
        /// 工作方案.
        plan: String,
        /// Political review of the motion (the team's needs).
        review: PoliticalReview,
        /// 破格提拔 (Art 9): the ground, when the motion proposes the exceptional path. Every
        /// candidate is then held to Art 9's limits instead of the waived Art 8 requirements.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        exceptional: Option<ExceptionalBasis>,
        /// 初步人选: the people the motion already has in view (an 个别提拔 often does), each
        /// held at 动议 to Art 8 (or Art 9 for 破格) and to any 影响期 from their own file, as
        /// the candidates are again at 确定考察对象 and 讨论决定. Empty when the motion names
        /// no one; the recommendation may still bring others.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        proposed: Vec<CadreId>,
    },
    /// 民主推荐, with the political review of how it went (e.g. no 拉票).
    Recommend {
        /// The recommendation and its tallies.
        recommendation: Recommendation,
        /// Political review of the recommendation.
        review: PoliticalReview,
    },
    /// 确定考察对象 from the recommendations.
    ChooseCandidates {
        /// The candidates.
        candidates: Vec<CadreId>,
        /// Skip 会议推荐 (个别提拔 only): the unit is small and the interview opinions are
        /// concentrated (12371 Q&A).
        skip_meeting: bool,
        /// Political review of each candidate.
        reviews: BTreeMap<CadreId, PoliticalReview>,
    },
    /// 考察 of one candidate.
    Inspect {
        /// The candidate.
        cadre: CadreId,
        /// What was done.
        record: InspectionRecord,
        /// Political review from the inspection.
        review: PoliticalReview,
    },
    /// 讨论决定 at a committee meeting.
    Decide {
        /// Members of the 党委（党组） (应到会).
        members: u32,
        /// Members present.
        present: u32,
        /// Votes per candidate.
        votes: BTreeMap<CadreId, VoteCount>,
        /// Political review of the decided person.
        review: PoliticalReview,
        /// 征求协管方意见: the co-manager's consultation, for a post the list co-manages
        /// (双重管理); recorded with the decision.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        consultation: Option<Consultation>,
    },
    /// 任前公示 from the context's day.
    StartPublicity {
        /// Political review of the person to be publicized.
        review: PoliticalReview,
    },
    /// An objection during 公示.
    Object {
        /// What was reported.
        text: String,
    },
    /// Settle an objection: [`ObjectionOutcome::Upheld`] ends the selection (公示反映问题
    /// 影响任用).
    ResolveObjection {
        /// The objection.
        objection: ObjectionId,
        /// What checking it found.
        outcome: ObjectionOutcome,
    },
    /// 任职: after the 任职谈话 and the recusal check.
    Appoint {
        /// 任职谈话 held.
        talk_held: bool,
        /// Political review at appointment.
        review: PoliticalReview,
        /// For a 选任制 post, the election that filled it (the committee recommends; the
        /// congress or plenum elects): required there, refused for an appointed post.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        election: Option<ElectionResult>,
    },
    /// 试用期满: 胜任 or not.
    EndProbation {
        /// 胜任.
        competent: bool,
        /// Political review at the end of probation.
        review: PoliticalReview,
    },
    /// 调整 (能上能下): 调离岗位, 改任, 免职 or 降职 of the appointee, decided by the committee
    /// that appointed. The same entry frees the post's quota place: no separate quota command
    /// can be forgotten.
    Adjust {
        /// How the cadre is adjusted.
        kind: crate::AdjustmentKind,
        /// Why (the 不适宜担任现职 case, the 免职 case, the transfer): never blank.
        reason: String,
    },
}

/// What happened in a selection.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SelectionEvent {
    /// The 公示: started, an objection received or settled.
    Publicity(PublicityEvent),
    /// 动议.
    Moved {
        /// Post.
        post: Post,
        /// Mode.
        mode: SelectionMode,
        /// Plan.
        plan: String,
        /// The 破格 ground, if any.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        exceptional: Option<ExceptionalBasis>,
        /// The 初步人选 the motion named, each checked at 动议.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        proposed: Vec<CadreId>,
    },
    /// Art 8 requirements of 一般应当 strength a candidate did not meet, recorded when chosen.
    Noted {
        /// The candidate.
        cadre: CadreId,
        /// What was not met.
        unmet: Vec<Unmet>,
    },
    /// The committee decided on a cadre who has an open outcome in another selection, under
    /// [`crate::OpenOutcomeRule::Record`].
    OpenOutcomeRecorded {
        /// The cadre.
        cadre: CadreId,
        /// The other selection.
        other: SelectionId,
    },
    /// A gate's result.
    Gate(GateRecord),
    /// 民主推荐 held.
    Recommended(Recommendation),
    /// The recommendations lapsed (more than a year old) before the decision, and a new
    /// 民主推荐 starts over: the earlier recommendations, candidates and inspections no longer
    /// count (重新进行民主推荐).
    RecommendationsLapsed {
        /// The last day the earliest recommendation was valid.
        valid_until: NaiveDate,
    },
    /// 考察对象 chosen.
    CandidatesChosen {
        /// The candidates who passed their gate.
        candidates: Vec<CadreId>,
    },
    /// A candidate inspected.
    Inspected {
        /// The candidate.
        cadre: CadreId,
        /// The record.
        record: InspectionRecord,
    },
    /// A candidate dropped.
    Dropped {
        /// The candidate.
        cadre: CadreId,
        /// Why.
        reason: String,
    },
    /// 缓议: the decision is put off.
    Deferred {
        /// On.
        on: NaiveDate,
    },
    /// 讨论决定 taken.
    Decided {
        /// The co-manager's consultation, for a co-managed post.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        consultation: Option<Consultation>,
        /// On.
        on: NaiveDate,
        /// The person.
        cadre: CadreId,
    },
    /// 任职.
    Appointed {
        /// The appointee.
        cadre: CadreId,
        /// 任职时间: the decision's day.
        counted_from: NaiveDate,
        /// End of the 试用期, if one applies.
        probation_until: Option<NaiveDate>,
        /// Recusal findings that do not bar but are recorded (the home-prefecture rule,
        /// 一般不得).
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        recorded_recusal: Vec<crate::RecusalFinding>,
    },
    /// 试用期满.
    ProbationEnded {
        /// 胜任.
        competent: bool,
    },
    /// The appointee adjusted; the place is free.
    Adjusted {
        /// How.
        kind: crate::AdjustmentKind,
        /// On.
        on: NaiveDate,
        /// Why.
        reason: String,
    },
    /// The selection ended without appointment.
    Ended {
        /// Why.
        reason: String,
    },
}

/// What the selection rules need besides the act: both trees, the management list (who
/// manages, co-manages and nominates for the post), the numbers, the calendar and the quota
/// book. No date and no authority: those are the [`Act`]'s.
#[derive(Debug, Clone, Copy)]
pub struct SelectionContext<'c> {
    /// The Party tree.
    pub tree: &'c OrgTree,
    /// The 单位 registry (a post's 试用期 follows from its institution's place).
    pub registry: &'c InstitutionRegistry,
    /// 干部管理权限: every step is checked against the post's row.
    pub management: &'c ManagementList,
    /// How long a co-manager has to answer.
    pub co_management: &'c CoManagementPolicy,
    /// The rules' numbers.
    pub policy: &'c SelectionPolicy,
    /// The work calendar (任前公示 in working days).
    pub calendar: &'c WorkCalendar,
    /// The quota book as approved (a vacancy is needed to appoint); places filled by the
    /// other selections of the same journal are counted against it.
    pub quota: &'c QuotaBook,
    /// The candidates' files (干部档案): Art 8's facts and the 影响期 records, read on each
    /// step's day. A candidate without a file cannot be chosen.
    pub files: &'c CadreFiles,
}

/// A selection command refused, with the rule.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum SelectionError {
    /// Not started.
    #[error("the selection has not started")]
    NotStarted,
    /// Started twice.
    #[error("the selection has already started")]
    AlreadyStarted,
    /// The selection has ended.
    #[error("the selection has ended: {0}")]
    Ended(String),
    /// A step out of order.
    #[error("{command} is not possible at {stage}")]
    OutOfOrder {
        /// The command.
        command: &'static str,
        /// The stage.
        stage: SelectionStage,
    },
    /// The management list refused the body: not the post's manager, a department deciding
    /// (讨论决定 is the committee's, Ch 6), a 纪委 outside its nomination, the post not on the
    /// list, or the co-manager not yet heard.
    #[error("management: {0}")]
    Management(#[from] ManagementError),
    /// A blank plan.
    #[error("a motion needs a work plan")]
    NoPlan,
    /// 换届: 谈话调研推荐 comes before 会议推荐 (Ch 4).
    #[error("{} ({})", .0, CH_4)]
    RecommendationOrder(&'static str),
    /// Too few present.
    #[error("{present} of {members} present: at least {n}/{d} must attend")]
    QuorumNotMet {
        /// Present.
        present: u32,
        /// Due.
        members: u32,
        /// Quorum numerator.
        n: u32,
        /// Quorum denominator.
        d: u32,
    },
    /// More votes than voters.
    #[error("{cast} votes recorded for {voters} voters")]
    DuplicateVotes {
        /// Votes cast.
        cast: u32,
        /// Voters.
        voters: u32,
    },
    /// A recommendation older than its validity.
    #[error(
        "the recommendation of {held_on} was valid until {valid_until} ({})",
        CH_4
    )]
    StaleRecommendation {
        /// Held on.
        held_on: NaiveDate,
        /// Valid until.
        valid_until: NaiveDate,
    },
    /// A candidate nobody recommended.
    #[error("the cadre was not recommended: a candidate needs votes in the 民主推荐")]
    NotRecommended(CadreId),
    /// No candidate.
    #[error("no candidate")]
    NoCandidates,
    /// A missing political review.
    #[error("a candidate has no political review: each needs one")]
    MissingReview(CadreId),
    /// 会议推荐 skipped without cause.
    #[error(
        "会议推荐 may be skipped only in an individual promotion, in a small unit with concentrated opinions ({})",
        CH_4
    )]
    SkipNotAllowed,
    /// An inspection that left out a required step.
    #[error("inspection incomplete: {} ({})", .0.join("、"), CH_5)]
    InspectionIncomplete(Vec<&'static str>),
    /// A person who is not a candidate.
    #[error("the cadre is not a candidate of this selection")]
    UnknownCandidate(CadreId),
    /// Deciding before every candidate was inspected.
    #[error("a candidate has not been inspected: inspect every candidate first")]
    NotInspected(CadreId),
    /// The 任前公示 refused the command (not over, an objection open or outside its period).
    #[error("publicity: {0}")]
    Publicity(PublicityError),
    /// No vacancy in the quota.
    #[error("quota: {0}")]
    Quota(#[from] QuotaError),
    /// Appointing without the 任职谈话.
    #[error("the 任职谈话 must be held before taking up the post ({})", CH_7)]
    NoTalk,
    /// The recusal check found a bar (回避).
    #[error("recusal bars the appointment: {} ({})", .0, .0.citation())]
    Recusal(crate::RecusalFinding),
    /// Ending a probation early, or one that does not exist.
    #[error("{}; it cannot end on {on}", until.map_or_else(|| "there is no 试用期".to_owned(), |u| format!("the 试用期 runs until {u}")))]
    ProbationNotOver {
        /// Last day (`None`: no 试用期).
        until: Option<NaiveDate>,
        /// The day.
        on: NaiveDate,
    },
    /// An adjustment without its reason.
    #[error("an adjustment (调整) must state its reason")]
    NoAdjustmentReason,
    /// An elected post appointed without its election, or an appointed post given one, or an
    /// election that is blank, has more votes than voters, or falls after the day.
    #[error("{0}")]
    Election(&'static str),
    /// The context holds no file for the cadre: the rules read the candidate's own records.
    #[error(
        "no file (干部档案) for the cadre: the rules read the candidate's records, add the file"
    )]
    NoFile(CadreId),
    /// The candidate does not meet Art 8 (or the 逐级 rule), and the motion did not propose
    /// 破格.
    #[error("the candidate does not meet the requirements: {}", list(.unmet))]
    Ineligible {
        /// The candidate.
        cadre: CadreId,
        /// Every binding requirement not met, each with its rule.
        unmet: Vec<Unmet>,
    },
    /// 破格 proposed, but Art 9's limits bar it.
    #[error("破格 is barred: {}", .bars.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))]
    ExceptionalBarred {
        /// The candidate.
        cadre: CadreId,
        /// Every bar.
        bars: Vec<ExceptionalBar>,
    },
    /// An 影响期 (sanction, 诫勉, 组织处理, cooling-off) is running.
    #[error("{}", list(.bars))]
    EffectRunning {
        /// The candidate.
        cadre: CadreId,
        /// Every running bar.
        bars: Vec<EffectBar>,
    },
    /// The cadre is decided on, or in 任前公示, for another post.
    #[error(
        "the cadre is already decided on for another post (selection {other}): one open outcome at a time"
    )]
    OpenOutcome {
        /// The cadre.
        cadre: CadreId,
        /// The selection holding the open outcome.
        other: SelectionId,
    },
}

fn list<T: std::fmt::Display>(items: &[T]) -> String {
    items
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("；")
}

impl Refusal for SelectionError {
    /// The rule behind the refusal; the procedure's chapter for steps out of order.
    fn citation(&self) -> Citation {
        match self {
            Self::RecommendationOrder(_)
            | Self::StaleRecommendation { .. }
            | Self::SkipNotAllowed
            | Self::NotRecommended(_)
            | Self::QuorumNotMet { .. } => CH_4,
            Self::InspectionIncomplete(_)
            | Self::NotInspected(_)
            | Self::UnknownCandidate(_)
            | Self::NoCandidates
            | Self::MissingReview(_) => CH_5,
            Self::DuplicateVotes { .. } => CH_6,
            Self::Publicity(_) | Self::NoTalk | Self::ProbationNotOver { .. } => CH_7,
            Self::Quota(e) => e.citation(),
            Self::Recusal(f) => f.citation(),
            Self::Management(e) => e.citation(),
            Self::NotStarted
            | Self::AlreadyStarted
            | Self::Ended(_)
            | Self::OutOfOrder { .. }
            | Self::NoPlan => crate::policy::CH_3,
            Self::NoAdjustmentReason => crate::updown::REMOVAL,
            Self::Election(_) => CH_7,
            Self::NoFile(_) => CH_5,
            Self::Ineligible { unmet, .. } => unmet
                .first()
                .map_or(crate::policy::ART_8_1, |u| u.citation.clone()),
            Self::ExceptionalBarred { .. } => crate::policy::ART_9,
            Self::EffectRunning { bars, .. } => bars.first().map_or(CH_5, |b| b.citation.clone()),
            Self::OpenOutcome { .. } => crate::policy::ONE_OPEN_OUTCOME,
        }
    }

    fn message(&self, language: Language) -> String {
        let cite = self.citation();
        match self {
            Self::Management(e) => return e.message(language),
            Self::Quota(e) => return e.message(language),
            _ => {}
        }
        // Each finding of these carries its own rule: listed with it, not followed by the
        // first one's.
        let own_rules = matches!(
            self,
            Self::Ineligible { .. } | Self::ExceptionalBarred { .. } | Self::EffectRunning { .. }
        );
        if language == Language::English {
            return if own_rules {
                self.to_string()
            } else {
                format!("{self} ({cite})")
            };
        }
        let text = match self {
            Self::NotStarted => "选任尚未动议：先提出动议".to_owned(),
            Self::AlreadyStarted => "该选任已动议，不能再次动议".to_owned(),
            Self::Ended(r) => format!("该选任已终止（{r}），不能继续"),
            Self::OutOfOrder { command, stage } => {
                format!("当前环节为“{stage}”，不能进行“{command}”：按程序依次进行")
            }
            Self::Management(e) => e.message(Language::Chinese),
            Self::NoPlan => "动议须附工作方案".to_owned(),
            Self::RecommendationOrder(t) => (*t).to_owned(),
            Self::QuorumNotMet {
                present,
                members,
                n,
                d,
            } => format!("应到 {members} 人，实到 {present} 人：须达到应到人数的 {n}/{d}"),
            Self::DuplicateVotes { cast, voters } => {
                format!("到会 {voters} 人，却记录了 {cast} 票：票数不得多于到会人数")
            }
            Self::StaleRecommendation {
                held_on,
                valid_until,
            } => format!("{held_on} 的民主推荐有效期至 {valid_until}：须重新推荐"),
            Self::NotRecommended(_) => "考察对象须在民主推荐中得票".to_owned(),
            Self::NoCandidates => "至少确定一名考察对象".to_owned(),
            Self::MissingReview(_) => "每名考察对象须有政治素质把关意见".to_owned(),
            Self::SkipNotAllowed => {
                "只有个别提拔、单位规模小且谈话推荐意见集中时才可不进行会议推荐".to_owned()
            }
            Self::InspectionIncomplete(m) => format!("考察缺少：{}", m.join("、")),
            Self::UnknownCandidate(_) => "此人不是本次选任的考察对象".to_owned(),
            Self::NotInspected(_) => "尚有考察对象未完成考察：先完成考察".to_owned(),
            Self::Publicity(e) => e.describe(Language::Chinese),
            Self::Quota(e) => format!("职数：{e}"),
            Self::NoTalk => "任职前须进行任职谈话".to_owned(),
            Self::Recusal(f) => format!("须回避：{f}"),
            Self::ProbationNotOver { until, on } => match until {
                Some(u) => format!("试用期至 {u}，{on} 不能办理期满考核"),
                None => "该任职没有试用期".to_owned(),
            },
            Self::NoAdjustmentReason => {
                "调整须写明事由（不适宜担任现职的情形、免职情形或工作需要）".to_owned()
            }
            Self::Election(w) => format!("选举任职不符合要求：{w}"),
            Self::NoFile(_) => {
                "缺少该干部的档案记录：按干部本人的任职、学历、党龄和处分记录审核，须先录入"
                    .to_owned()
            }
            Self::Ineligible { unmet, .. } => format!("不符合任职基本资格：{}", list(unmet)),
            Self::ExceptionalBarred { bars, .. } => format!("不得破格提拔：{}", list(bars)),
            Self::EffectRunning { bars, .. } => format!("影响期未满：{}", list(bars)),
            Self::OpenOutcome { .. } => {
                "该干部已在另一职位讨论决定或任前公示中：待其任职或终止后再作决定".to_owned()
            }
        };
        if own_rules {
            text
        } else {
            format!("{text}（{cite}）")
        }
    }
}

fn out_of_order(command: &'static str, stage: SelectionStage) -> SelectionError {
    SelectionError::OutOfOrder { command, stage }
}

fn gate(
    step: SelectionStage,
    cadre: Option<CadreId>,
    review: &PoliticalReview,
    pass: u32,
) -> GateRecord {
    GateRecord {
        step,
        cadre,
        failures: review.failures(pass),
        note: review.note.clone(),
    }
}

fn gate_failed_reason(g: &GateRecord) -> String {
    let dims: Vec<String> = g.failures.iter().map(ToString::to_string).collect();
    format!(
        "政治把关未通过（{}）：{} [{}]",
        dims.join("、"),
        g.note,
        ART_3
    )
}

/// Which kind of work a command is, for the management list's check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Work {
    /// 动议, 民主推荐, 确定考察对象, 考察: the nomination and inspection.
    Nomination,
    /// 讨论决定 and 调整: the committee's own.
    Decision,
    /// 公示, 任职, 试用期满: the department's work for the committee.
    Procedure,
}

impl Work {
    const fn of(command: &SelectionCommand) -> Self {
        match command {
            SelectionCommand::Motion { .. }
            | SelectionCommand::Recommend { .. }
            | SelectionCommand::ChooseCandidates { .. }
            | SelectionCommand::Inspect { .. } => Self::Nomination,
            SelectionCommand::Decide { .. } | SelectionCommand::Adjust { .. } => Self::Decision,
            SelectionCommand::StartPublicity { .. }
            | SelectionCommand::Object { .. }
            | SelectionCommand::ResolveObjection { .. }
            | SelectionCommand::Appoint { .. }
            | SelectionCommand::EndProbation { .. } => Self::Procedure,
        }
    }
}

impl Selection {
    /// The post's row of the management list, and the act's body checked against it for
    /// `command`'s kind of work.
    fn check_authority<'c>(
        post: &Post,
        command: &SelectionCommand,
        act: &Act,
        ctx: &SelectionContext<'c>,
    ) -> Result<&'c ManagementEntry, SelectionError> {
        let entry = ctx
            .management
            .lookup(post.id, post.holder, post.leadership_rank())
            .ok_or(ManagementError::NotListed)?;
        let authority = act.authority();
        match Work::of(command) {
            Work::Nomination => entry.check_nomination(authority)?,
            Work::Decision => entry.check_decision(authority)?,
            Work::Procedure => entry.check_work(authority)?,
        }
        Ok(entry)
    }

    fn quorum(present: u32, members: u32, policy: &SelectionPolicy) -> Result<(), SelectionError> {
        let (n, d) = policy.decision_quorum;
        if u64::from(present) * u64::from(d) < u64::from(members) * u64::from(n)
            || present > members
        {
            return Err(SelectionError::QuorumNotMet {
                present,
                members,
                n,
                d,
            });
        }
        Ok(())
    }

    /// A gate at `step` for `cadre` (`None`: the motion itself): on a pass, the record then
    /// `then`; on a failure, the record and the end of the selection.
    fn gated(
        step: SelectionStage,
        cadre: Option<CadreId>,
        review: &PoliticalReview,
        pass: u32,
        then: Vec<SelectionEvent>,
    ) -> Vec<SelectionEvent> {
        let g = gate(step, cadre, review, pass);
        if g.failures.is_empty() {
            let mut out = vec![SelectionEvent::Gate(g)];
            out.extend(then);
            out
        } else {
            let reason = gate_failed_reason(&g);
            vec![SelectionEvent::Gate(g), SelectionEvent::Ended { reason }]
        }
    }
}

impl Selection {
    /// Every 民主推荐 still valid on `on` (Ch 4: one year): checked at 确定考察对象, at each
    /// 考察 and at 讨论决定, so a recommendation cannot expire while its candidates go on.
    fn check_recommendations(
        &self,
        on: NaiveDate,
        policy: &SelectionPolicy,
    ) -> Result<(), SelectionError> {
        for r in &self.recommendations {
            let valid_until = add_months(r.held_on, policy.recommendation_valid_months)
                .and_then(|d| d.pred_opt())
                .unwrap_or(r.held_on);
            if on > valid_until {
                return Err(SelectionError::StaleRecommendation {
                    held_on: r.held_on,
                    valid_until,
                });
            }
        }
        Ok(())
    }

    /// The candidate's file read for the post on `on`: a running 影响期 refuses; an unmet
    /// binding requirement of Art 8 refuses unless the motion proposed 破格 and Art 9's limits
    /// allow it; requirements of 一般应当 strength are returned to be recorded.
    fn check_candidate(
        &self,
        cadre: CadreId,
        post: &Post,
        on: NaiveDate,
        review: &PoliticalReview,
        ctx: &SelectionContext<'_>,
    ) -> Result<Vec<Unmet>, SelectionError> {
        Self::check_person(cadre, post, on, self.exceptional, review, ctx)
    }

    /// [`Self::check_candidate`] for a selection whose 破格 ground is `exceptional` (at 动议,
    /// before the selection holds one).
    fn check_person(
        cadre: CadreId,
        post: &Post,
        on: NaiveDate,
        exceptional: Option<ExceptionalBasis>,
        review: &PoliticalReview,
        ctx: &SelectionContext<'_>,
    ) -> Result<Vec<Unmet>, SelectionError> {
        let file = ctx.files.get(cadre).ok_or(SelectionError::NoFile(cadre))?;
        let Some(found) = file.consider(post, ctx.tree, ctx.registry, on, ctx.policy) else {
            return Ok(Vec::new());
        };
        if !found.effects.is_empty() {
            return Err(SelectionError::EffectRunning {
                cadre,
                bars: found.effects,
            });
        }
        let (binding, generally): (Vec<Unmet>, Vec<Unmet>) = found
            .eligibility
            .unmet
            .iter()
            .cloned()
            .partition(|u| u.strength == Strength::Required);
        if binding.is_empty() {
            return Ok(generally);
        }
        let Some(basis) = exceptional else {
            return Err(SelectionError::Ineligible {
                cadre,
                unmet: binding,
            });
        };
        let strong = review.failures(ctx.policy.political_pass_score).is_empty();
        check_exceptional(
            &file.profile.as_of(on),
            &found.eligibility,
            basis,
            strong,
            on,
            ctx.policy,
        )
        .map_err(|bars| SelectionError::ExceptionalBarred { cadre, bars })?;
        Ok(generally)
    }

    /// Places of `post`'s quota line filled by the other selections of the journal: appointed
    /// and neither returned (免去试任职务) nor adjusted (调整), which free the place.
    fn filled_by_peers(post: &Post, peers: &Peers<'_, Self>) -> u32 {
        let n = peers
            .others()
            .filter(|(_, s)| {
                s.appointed.is_some()
                    && !matches!(s.stage, SelectionStage::Returned | SelectionStage::Adjusted)
            })
            .filter_map(|(_, s)| s.post.as_ref())
            .filter(|p| p.holder == post.holder && p.rank == post.rank)
            .count();
        u32::try_from(n).unwrap_or(u32::MAX)
    }
}

impl Lifecycle for Selection {
    type Id = SelectionId;
    type Stage = SelectionStage;
    type Command = SelectionCommand;
    type Event = SelectionEvent;
    type Context<'c> = SelectionContext<'c>;
    type Error = SelectionError;

    fn stage(&self) -> SelectionStage {
        self.stage
    }

    fn opens(command: &Self::Command) -> bool {
        matches!(command, SelectionCommand::Motion { .. })
    }

    fn decide(
        &self,
        command: &SelectionCommand,
        act: &Act,
        ctx: &SelectionContext<'_>,
        peers: &Peers<'_, Self>,
    ) -> Result<Vec<SelectionEvent>, SelectionError> {
        let pass = ctx.policy.political_pass_score;
        if let SelectionCommand::Motion {
            post,
            mode,
            plan,
            review,
            exceptional,
            proposed,
        } = command
        {
            if self.post.is_some() {
                return Err(SelectionError::AlreadyStarted);
            }
            Self::check_authority(post, command, act, ctx)?;
            if plan.trim().is_empty() {
                return Err(SelectionError::NoPlan);
            }
            let mut noted = Vec::new();
            let mut seen = std::collections::BTreeSet::new();
            for c in proposed.iter().filter(|c| seen.insert(**c)) {
                let unmet = Self::check_person(*c, post, act.day(), *exceptional, review, ctx)?;
                if !unmet.is_empty() {
                    noted.push(SelectionEvent::Noted { cadre: *c, unmet });
                }
            }
            let mut events = vec![SelectionEvent::Moved {
                post: post.clone(),
                mode: *mode,
                plan: plan.clone(),
                exceptional: *exceptional,
                proposed: seen.into_iter().collect(),
            }];
            events.extend(noted);
            events.extend(Self::gated(
                SelectionStage::Motion,
                None,
                review,
                pass,
                Vec::new(),
            ));
            return Ok(events);
        }
        let (Some(post), Some(mode)) = (&self.post, self.mode) else {
            return Err(SelectionError::NotStarted);
        };
        if let Some(reason) = &self.ended {
            return Err(SelectionError::Ended(reason.clone()));
        }
        let entry = Self::check_authority(post, command, act, ctx)?;
        let stage = self.stage;
        let on = act.day();
        match command {
            SelectionCommand::Motion { .. } => Err(SelectionError::AlreadyStarted),
            SelectionCommand::Recommend {
                recommendation: r,
                review,
            } => {
                // Chosen or inspected on recommendations that have since lapsed: the selection
                // starts the recommendation over instead of standing still (第四章: 民主推荐结果一年内有效).
                let lapsed = match (stage, self.check_recommendations(on, ctx.policy)) {
                    (
                        SelectionStage::Candidates | SelectionStage::Inspection,
                        Err(SelectionError::StaleRecommendation { valid_until, .. }),
                    ) => Some(valid_until),
                    _ => None,
                };
                if lapsed.is_none()
                    && !matches!(
                        stage,
                        SelectionStage::Motion | SelectionStage::Recommendation
                    )
                {
                    return Err(out_of_order("民主推荐", stage));
                }
                let interviewed = lapsed.is_none()
                    && self
                        .recommendations
                        .iter()
                        .any(|x| x.kind == RecommendationKind::InterviewSurvey);
                if mode == SelectionMode::TermChange
                    && r.kind == RecommendationKind::Meeting
                    && !interviewed
                {
                    return Err(SelectionError::RecommendationOrder(
                        "换届时先进行谈话调研推荐，再进行会议推荐",
                    ));
                }
                if r.kind == RecommendationKind::Meeting {
                    Self::quorum(r.present, r.participants, ctx.policy)?;
                }
                let cast = r.tallies.values().fold(0u32, |a, v| a.saturating_add(*v));
                if cast > r.present || r.present > r.participants {
                    return Err(SelectionError::DuplicateVotes {
                        cast,
                        voters: r.present,
                    });
                }
                let mut events = Vec::new();
                if let Some(valid_until) = lapsed {
                    events.push(SelectionEvent::RecommendationsLapsed { valid_until });
                }
                events.push(SelectionEvent::Recommended(r.clone()));
                Ok(Self::gated(
                    SelectionStage::Recommendation,
                    None,
                    review,
                    pass,
                    events,
                ))
            }
            SelectionCommand::ChooseCandidates {
                candidates,
                skip_meeting,
                reviews,
            } => {
                if stage != SelectionStage::Recommendation {
                    return Err(out_of_order("确定考察对象", stage));
                }
                let has = |k| self.recommendations.iter().any(|x| x.kind == k);
                if !has(RecommendationKind::InterviewSurvey) {
                    return Err(SelectionError::RecommendationOrder("须进行谈话调研推荐"));
                }
                let skip_ok = *skip_meeting && mode == SelectionMode::IndividualPromotion;
                if !(has(RecommendationKind::Meeting) || skip_ok) {
                    return Err(SelectionError::SkipNotAllowed);
                }
                if candidates.is_empty() {
                    return Err(SelectionError::NoCandidates);
                }
                self.check_recommendations(on, ctx.policy)?;
                let mut events = Vec::new();
                let mut passed = Vec::new();
                for c in candidates {
                    if !self
                        .recommendations
                        .iter()
                        .any(|r| r.tallies.get(c).is_some_and(|n| *n > 0))
                    {
                        return Err(SelectionError::NotRecommended(*c));
                    }
                    let review = reviews.get(c).ok_or(SelectionError::MissingReview(*c))?;
                    let noted = self.check_candidate(*c, post, on, review, ctx)?;
                    if !noted.is_empty() {
                        events.push(SelectionEvent::Noted {
                            cadre: *c,
                            unmet: noted,
                        });
                    }
                    let g = gate(SelectionStage::Candidates, Some(*c), review, pass);
                    if g.failures.is_empty() {
                        passed.push(*c);
                        events.push(SelectionEvent::Gate(g));
                    } else {
                        let reason = gate_failed_reason(&g);
                        events.push(SelectionEvent::Gate(g));
                        events.push(SelectionEvent::Dropped { cadre: *c, reason });
                    }
                }
                if passed.is_empty() {
                    events.push(SelectionEvent::Ended {
                        reason: "无考察对象通过政治把关".into(),
                    });
                } else {
                    events.push(SelectionEvent::CandidatesChosen { candidates: passed });
                }
                Ok(events)
            }
            SelectionCommand::Inspect {
                cadre,
                record,
                review,
            } => {
                if !matches!(
                    stage,
                    SelectionStage::Candidates | SelectionStage::Inspection
                ) {
                    return Err(out_of_order("考察", stage));
                }
                if !self.candidates.contains(cadre) {
                    return Err(SelectionError::UnknownCandidate(*cadre));
                }
                self.check_recommendations(on, ctx.policy)?;
                let mut missing = Vec::new();
                if !record.notice_published {
                    missing.push("考察预告");
                }
                if record.team_size < ctx.policy.inspection_team_min {
                    missing.push("考察组不少于2人");
                }
                if record.individual_talks == 0 {
                    missing.push("个别谈话");
                }
                if record.evaluation.1 == 0 || record.evaluation.0 > record.evaluation.1 {
                    missing.push("民主测评");
                }
                if !record.file_reviewed {
                    missing.push("干部档案凡提必审");
                }
                if !record.complaints_checked {
                    missing.push("信访举报凡提必查");
                }
                if !record.feedback_given {
                    missing.push("反馈考察情况");
                }
                if !missing.is_empty() {
                    return Err(SelectionError::InspectionIncomplete(missing));
                }
                let mut events = vec![SelectionEvent::Inspected {
                    cadre: *cadre,
                    record: record.clone(),
                }];
                let g = gate(SelectionStage::Inspection, Some(*cadre), review, pass);
                let bar = if !g.failures.is_empty() {
                    Some(gate_failed_reason(&g))
                } else if record.personal_matters == PersonalMatters::Concealed {
                    Some("个人有关事项报告瞒报（凡提必核）".to_owned())
                } else if !record.discipline_opinion_clear {
                    Some("纪检监察机关意见不同意（凡提必听）".to_owned())
                } else {
                    None
                };
                events.push(SelectionEvent::Gate(g));
                if let Some(reason) = bar {
                    events.push(SelectionEvent::Dropped {
                        cadre: *cadre,
                        reason,
                    });
                    if self.candidates.len() == 1 {
                        events.push(SelectionEvent::Ended {
                            reason: "考察对象均未通过考察".into(),
                        });
                    }
                }
                Ok(events)
            }
            SelectionCommand::Decide {
                members,
                present,
                votes,
                review,
                consultation,
            } => {
                if stage != SelectionStage::Inspection {
                    return Err(out_of_order("讨论决定", stage));
                }
                entry.check_consulted(
                    consultation.as_ref(),
                    on,
                    ctx.calendar,
                    ctx.co_management,
                )?;
                if let Some(c) = self
                    .candidates
                    .iter()
                    .find(|c| !self.inspections.contains_key(c))
                {
                    return Err(SelectionError::NotInspected(*c));
                }
                self.check_recommendations(on, ctx.policy)?;
                Self::quorum(*present, *members, ctx.policy)?;
                for (c, v) in votes {
                    if !self.candidates.contains(c) {
                        return Err(SelectionError::UnknownCandidate(*c));
                    }
                    let cast = v.agree.saturating_add(v.disagree).saturating_add(v.defer);
                    if cast > *present {
                        return Err(SelectionError::DuplicateVotes {
                            cast,
                            voters: *present,
                        });
                    }
                }
                // 以应到会成员超过半数同意形成决定.
                let approved = votes
                    .iter()
                    .filter(|(_, v)| u64::from(v.agree) * 2 > u64::from(*members))
                    .max_by(|a, b| a.1.agree.cmp(&b.1.agree).then(b.0.cmp(a.0)))
                    .map(|(c, _)| *c);
                match approved {
                    Some(c) => {
                        // The decided person is checked again on the decision's day: the file
                        // may have changed since the candidates were chosen.
                        self.check_candidate(c, post, on, review, ctx)?;
                        let mut then = Vec::new();
                        if let Some((other, _)) =
                            peers.others().find(|(_, s)| s.holds_open_outcome_for(c))
                        {
                            match ctx.policy.open_outcome {
                                OpenOutcomeRule::Refuse => {
                                    return Err(SelectionError::OpenOutcome { cadre: c, other });
                                }
                                OpenOutcomeRule::Record => {
                                    then.push(SelectionEvent::OpenOutcomeRecorded {
                                        cadre: c,
                                        other,
                                    });
                                }
                            }
                        }
                        then.push(SelectionEvent::Decided {
                            on,
                            cadre: c,
                            consultation: *consultation,
                        });
                        Ok(Self::gated(
                            SelectionStage::Decided,
                            Some(c),
                            review,
                            pass,
                            then,
                        ))
                    }
                    None if votes
                        .values()
                        .any(|v| u64::from(v.defer) * 2 > u64::from(*present)) =>
                    {
                        Ok(vec![SelectionEvent::Deferred { on }])
                    }
                    None => Ok(vec![SelectionEvent::Ended {
                        reason: "讨论决定未获应到会成员半数以上同意".into(),
                    }]),
                }
            }
            SelectionCommand::StartPublicity { review } => {
                if stage != SelectionStage::Decided {
                    return Err(out_of_order("任前公示", stage));
                }
                let days = PublicityDays::Working(ctx.policy.publicity_working_days);
                let publicity =
                    Publicity::open(on, days, ctx.calendar).map_err(SelectionError::Publicity)?;
                Ok(Self::gated(
                    SelectionStage::Publicity,
                    self.decided.map(|x| x.1),
                    review,
                    pass,
                    vec![SelectionEvent::Publicity(PublicityEvent::Started {
                        from: on,
                        until: publicity.until(),
                    })],
                ))
            }
            SelectionCommand::Object { text } => {
                let (Some(publicity), SelectionStage::Publicity) = (&self.publicity, stage) else {
                    return Err(out_of_order("公示异议", stage));
                };
                let objection = publicity
                    .check_objection(on, text)
                    .map_err(SelectionError::Publicity)?;
                Ok(vec![SelectionEvent::Publicity(PublicityEvent::Objected {
                    objection,
                    on,
                    text: text.clone(),
                })])
            }
            SelectionCommand::ResolveObjection { objection, outcome } => {
                let (Some(publicity), SelectionStage::Publicity) = (&self.publicity, stage) else {
                    return Err(out_of_order("异议处理", stage));
                };
                publicity
                    .check_resolution(*objection)
                    .map_err(SelectionError::Publicity)?;
                let mut events = vec![SelectionEvent::Publicity(PublicityEvent::Resolved {
                    objection: *objection,
                    outcome: *outcome,
                })];
                if *outcome == ObjectionOutcome::Upheld {
                    events.push(SelectionEvent::Ended {
                        reason: "公示反映的问题影响任用".into(),
                    });
                }
                Ok(events)
            }
            SelectionCommand::Appoint {
                talk_held,
                review,
                election,
            } => {
                let Some((decided_on, cadre)) = self.decided else {
                    return Err(out_of_order("任职", stage));
                };
                match stage {
                    SelectionStage::Publicity => {
                        let Some(publicity) = &self.publicity else {
                            return Err(out_of_order("任职", stage));
                        };
                        publicity
                            .check_over(on)
                            .map_err(SelectionError::Publicity)?;
                    }
                    SelectionStage::Decided if !post.publicity_applies() => {}
                    _ => return Err(out_of_order("任职", stage)),
                }
                if !talk_held {
                    return Err(SelectionError::NoTalk);
                }
                // 选任制: the election, not the decision, fills the post.
                let elected_on = match (post.tenure, election) {
                    (crate::Tenure::Elected, None) => {
                        return Err(SelectionError::Election(
                            "a 选任制 post is filled by its election: record the vote",
                        ));
                    }
                    (crate::Tenure::Appointed, Some(_)) => {
                        return Err(SelectionError::Election(
                            "a 委任制 post is filled by the decision, not by an election",
                        ));
                    }
                    (crate::Tenure::Elected, Some(e)) => {
                        if e.body.trim().is_empty() {
                            return Err(SelectionError::Election("the electing body is blank"));
                        }
                        if e.votes_for > e.entitled || e.entitled == 0 {
                            return Err(SelectionError::Election(
                                "more votes for than voters entitled",
                            ));
                        }
                        if e.held_on > on || e.held_on < decided_on {
                            return Err(SelectionError::Election(
                                "the election falls outside the decision and the day",
                            ));
                        }
                        if !e.elects() {
                            return Ok(vec![SelectionEvent::Ended {
                                reason: format!(
                                    "未当选：{} 得 {} 票，未过应到 {} 人的半数",
                                    e.body, e.votes_for, e.entitled
                                ),
                            }]);
                        }
                        Some(e.held_on)
                    }
                    (crate::Tenure::Appointed, None) => None,
                };
                // A sanction or measure that took effect during the 公示 ends the selection: the
                // appointment would be one the rules refuse.
                let file = ctx.files.get(cadre).ok_or(SelectionError::NoFile(cadre))?;
                if let Some(found) = file.consider(post, ctx.tree, ctx.registry, on, ctx.policy)
                    && !found.effects.is_empty()
                {
                    return Ok(vec![SelectionEvent::Ended {
                        reason: format!("影响期未满，不得任职：{}", list(&found.effects)),
                    }]);
                }
                // 回避, from the registers in the context: any finding bars the appointment but
                // the home-prefecture rule (一般不得), which is recorded with it.
                let recusal = ctx.files.recusal(cadre, post, ctx.tree, ctx.registry);
                if let Some(f) = recusal
                    .iter()
                    .find(|f| !matches!(f, crate::RecusalFinding::HomePrefecture { .. }))
                {
                    return Err(SelectionError::Recusal(f.clone()));
                }
                let line = ctx
                    .quota
                    .line(post.holder, post.rank)
                    .ok_or(QuotaError::NoQuota {
                        holder: post.holder,
                        rank: post.rank,
                    })?;
                let elsewhere = Self::filled_by_peers(post, peers);
                if line.vacancies() <= elsewhere {
                    return Err(QuotaError::NoVacancy {
                        holder: post.holder,
                        rank: post.rank,
                        allotted: line.allotted,
                        occupied: line.occupied.saturating_add(elsewhere),
                    }
                    .into());
                }
                let probation_until = if post.has_probation(ctx.registry) {
                    add_months(on, ctx.policy.probation_months)
                } else {
                    None
                };
                Ok(Self::gated(
                    SelectionStage::Appointed,
                    Some(cadre),
                    review,
                    pass,
                    vec![SelectionEvent::Appointed {
                        cadre,
                        counted_from: elected_on.unwrap_or(decided_on),
                        probation_until,
                        recorded_recusal: recusal,
                    }],
                ))
            }
            SelectionCommand::Adjust { kind, reason } => {
                if !matches!(stage, SelectionStage::Appointed | SelectionStage::Confirmed) {
                    return Err(out_of_order("调整", stage));
                }
                if reason.trim().is_empty() {
                    return Err(SelectionError::NoAdjustmentReason);
                }
                Ok(vec![SelectionEvent::Adjusted {
                    kind: *kind,
                    on,
                    reason: reason.clone(),
                }])
            }
            SelectionCommand::EndProbation { competent, review } => {
                let until = self.appointed.and_then(|a| a.2);
                if stage != SelectionStage::Appointed || until.is_none_or(|u| on < u) {
                    return Err(SelectionError::ProbationNotOver { until, on });
                }
                let g = gate(
                    SelectionStage::Confirmed,
                    self.appointed.map(|a| a.0),
                    review,
                    pass,
                );
                let competent = *competent && g.failures.is_empty();
                Ok(vec![
                    SelectionEvent::Gate(g),
                    SelectionEvent::ProbationEnded { competent },
                ])
            }
        }
    }

    fn apply(&mut self, event: &SelectionEvent, _: &Applying) {
        match event {
            SelectionEvent::Moved {
                post,
                mode,
                exceptional,
                ..
            } => {
                self.post = Some(post.clone());
                self.mode = Some(*mode);
                self.exceptional = *exceptional;
                self.stage = SelectionStage::Motion;
            }
            SelectionEvent::Noted { cadre, unmet } => {
                self.noted.insert(*cadre, unmet.clone());
            }
            SelectionEvent::OpenOutcomeRecorded { .. } => {}
            SelectionEvent::Gate(g) => self.gates.push(g.clone()),
            SelectionEvent::Recommended(r) => {
                self.recommendations.push(r.clone());
                self.stage = SelectionStage::Recommendation;
            }
            SelectionEvent::RecommendationsLapsed { .. } => {
                self.recommendations.clear();
                self.candidates.clear();
                self.inspections.clear();
                self.dropped.clear();
                self.noted.clear();
                self.stage = SelectionStage::Recommendation;
            }
            SelectionEvent::CandidatesChosen { candidates } => {
                self.candidates = candidates.clone();
                self.stage = SelectionStage::Candidates;
            }
            SelectionEvent::Inspected { cadre, record } => {
                self.inspections.insert(*cadre, record.clone());
                self.stage = SelectionStage::Inspection;
            }
            SelectionEvent::Dropped { cadre, reason } => {
                self.candidates.retain(|c| c != cadre);
                self.dropped.insert(*cadre, reason.clone());
            }
            SelectionEvent::Deferred { .. } => {}
            SelectionEvent::Decided { on, cadre, .. } => {
                self.decided = Some((*on, *cadre));
                self.stage = SelectionStage::Decided;
            }
            SelectionEvent::Publicity(e) => {
                Publicity::apply(&mut self.publicity, e);
                if matches!(e, PublicityEvent::Started { .. }) {
                    self.stage = SelectionStage::Publicity;
                }
            }
            SelectionEvent::Appointed {
                cadre,
                counted_from,
                probation_until,
                ..
            } => {
                self.appointed = Some((*cadre, *counted_from, *probation_until));
                self.stage = if probation_until.is_some() {
                    SelectionStage::Appointed
                } else {
                    SelectionStage::Confirmed
                };
            }
            SelectionEvent::ProbationEnded { competent } => {
                self.stage = if *competent {
                    SelectionStage::Confirmed
                } else {
                    SelectionStage::Returned
                };
            }
            SelectionEvent::Adjusted { .. } => self.stage = SelectionStage::Adjusted,
            SelectionEvent::Ended { reason } => {
                self.ended = Some(reason.clone());
                self.stage = SelectionStage::Ended;
            }
        }
    }
}
