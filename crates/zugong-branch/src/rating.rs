//! The star-rating lifecycle (评星定级): one round per committee and year, covering every
//! branch the committee rates that year. Each branch goes 自评 → 上级审核 → 审定 → 公示 → 授星,
//! then dynamic management (动态管理): re-inspection, 降星, 摘星, 取消星级.
//!
//! The round is one stream: its five-star cap and the binding guidance shares are counted over
//! the branches it lists when it opens (the denominator is fixed then), at every 审定 and
//! every 升星 proposal — whatever the caller passes and whichever journal holds other rounds.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use thiserror::Error;
use zugong_core::journal::{Act, Applying, Language, Lifecycle, Peers, Refusal};
use zugong_core::publicity::{
    ObjectionId, ObjectionOutcome, Publicity, PublicityError, PublicityEvent,
};
use zugong_core::{
    AuthorityError, Citation, OrgTree, OrgUnitId, RatingRoundId, SourceStatus, WorkCalendar,
};

use crate::StarLevel;
use crate::rubric::{Assessment, GuidanceTarget, Rubric, ScoreError, Scoresheet, TargetBinding};

/// The county scheme's steps and 公示 (domain brief §4.2–4.3, secondary).
const RATING_STEPS: Citation = Citation::new(
    "星级创评办法（县级方案）",
    "自评、审核、公示五天、定星；降级直至取消星级",
    SourceStatus::Secondary,
);

/// 审核方式: how the upper body checked the branch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReviewMethod {
    /// 实地查看: on-site check.
    SiteVisit,
    /// 个别访谈: interviews.
    Interview,
    /// 查阅资料: document review.
    DocumentReview,
    /// 民主测评: a rating by members and the public.
    Survey,
}

zugong_core::official_terms!(ReviewMethod, "审核方式 (review method)", {
    SiteVisit => "实地查看",
    Interview => "个别访谈",
    DocumentReview => "查阅资料",
    Survey => "民主测评" | "测评",
});

/// Where a round stands.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RatingStage {
    /// Not opened.
    #[default]
    NotOpened,
    /// Opened: waiting for the branch's 自评.
    Opened,
    /// 自评 filed.
    SelfAssessed,
    /// 上级审核 done.
    Reviewed,
    /// 审定: the level decided.
    Approved,
    /// 公示 under way.
    InPublicity,
    /// 授星: awarded; dynamic management from here.
    Awarded,
}

zugong_core::official_terms!(RatingStage, "评星环节 (rating stage)", {
    NotOpened => "未开始",
    Opened => "待自评",
    SelfAssessed => "自评",
    Reviewed => "审核",
    Approved => "审定",
    InPublicity => "公示",
    Awarded => "授星",
});

/// A kind of change to an awarded star level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StarChange {
    /// 授星: the award after publicity.
    Award,
    /// 升星: a higher level found at re-inspection, awarded after its own publicity.
    Upgrade,
    /// 降星: a re-inspection found the branch below its level.
    Downgrade,
    /// 摘星: stars removed for a stated reason.
    Withdraw,
    /// 取消星级: the rating removed altogether.
    Revoke,
}

zugong_core::official_terms!(StarChange, "星级变动 (star change)", {
    Award => "授星",
    Upgrade => "升星",
    Downgrade => "降星",
    Withdraw => "摘星",
    Revoke => "取消星级",
});

/// One change of the awarded level, with its reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StarChangeRecord {
    /// When.
    pub on: NaiveDate,
    /// What kind of change.
    pub change: StarChange,
    /// Level before.
    pub from: StarLevel,
    /// Level after.
    pub to: StarLevel,
    /// Why.
    pub reason: String,
}

/// 评星定级: a committee's rating of its branches in one year, built only from its events.
/// Each branch listed at the opening has its own [`BranchRating`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct RatingRound {
    committee: Option<OrgUnitId>,
    year: i32,
    branches: BTreeMap<OrgUnitId, BranchRating>,
}

impl RatingRound {
    /// The committee that rates (the upper Party organization that opened the round).
    #[must_use]
    pub fn committee(&self) -> Option<OrgUnitId> {
        self.committee
    }
    /// The year rated.
    #[must_use]
    pub fn year(&self) -> i32 {
        self.year
    }
    /// One branch's rating, if the round lists it.
    #[must_use]
    pub fn branch(&self, branch: OrgUnitId) -> Option<&BranchRating> {
        self.branches.get(&branch)
    }
    /// Every branch's rating, by branch.
    pub fn branches(&self) -> impl ExactSizeIterator<Item = (OrgUnitId, &BranchRating)> {
        self.branches.iter().map(|(id, b)| (*id, b))
    }
    /// How many branches the round rates: the denominator of the cap and the shares.
    #[must_use]
    pub fn rated(&self) -> u32 {
        u32::try_from(self.branches.len()).unwrap_or(u32::MAX)
    }
}

/// One branch's rating within a [`RatingRound`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct BranchRating {
    stage: RatingStage,
    self_assessment: Option<(Assessment, StarLevel)>,
    review: Option<(Assessment, Vec<ReviewMethod>)>,
    approved: Option<StarLevel>,
    publicity: Option<Publicity>,
    current: StarLevel,
    changes: Vec<StarChangeRecord>,
    last_inspection: Option<(NaiveDate, Assessment)>,
}

impl BranchRating {
    /// The stage.
    #[must_use]
    pub fn stage(&self) -> RatingStage {
        self.stage
    }
    /// The branch's own assessment and proposed level.
    #[must_use]
    pub fn self_assessment(&self) -> Option<&(Assessment, StarLevel)> {
        self.self_assessment.as_ref()
    }
    /// The upper body's assessment and how it checked.
    #[must_use]
    pub fn review(&self) -> Option<&(Assessment, Vec<ReviewMethod>)> {
        self.review.as_ref()
    }
    /// The level decided (审定).
    #[must_use]
    pub fn approved(&self) -> Option<StarLevel> {
        self.approved
    }
    /// The 公示 under way: its period (both days included) and the objections received.
    /// An upheld objection sends the round back to review and ends this publicity.
    #[must_use]
    pub fn publicity(&self) -> Option<&Publicity> {
        self.publicity.as_ref()
    }
    /// The level in force (无星级 until awarded).
    #[must_use]
    pub fn stars(&self) -> StarLevel {
        self.current
    }
    /// Every change of the awarded level.
    #[must_use]
    pub fn changes(&self) -> &[StarChangeRecord] {
        &self.changes
    }
    /// The last re-inspection.
    #[must_use]
    pub fn last_inspection(&self) -> Option<&(NaiveDate, Assessment)> {
        self.last_inspection.as_ref()
    }
}

/// What may be asked of a round.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RatingCommand {
    /// Open the committee's round of `year` over `branches` (at least one, each under the
    /// committee, none twice, none in another round of the year in the journal).
    Open {
        /// The committee that rates.
        committee: OrgUnitId,
        /// The year rated.
        year: i32,
        /// Every branch the committee rates this year.
        branches: Vec<OrgUnitId>,
    },
    /// A step of one branch's rating.
    Branch {
        /// The branch.
        branch: OrgUnitId,
        /// The step.
        command: BranchRatingCommand,
    },
}

/// What may be asked of one branch's rating in a round.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BranchRatingCommand {
    /// 自评: the branch scores itself and proposes a level.
    SelfAssess {
        /// Scores with evidence.
        sheet: Scoresheet,
        /// The level proposed.
        proposed: StarLevel,
    },
    /// 上级审核: the upper body scores each indicator.
    Review {
        /// Scores with evidence.
        sheet: Scoresheet,
        /// How it checked (at least one).
        methods: Vec<ReviewMethod>,
    },
    /// 审定: decide the level; at most what the review supports, and within the round's
    /// enforced five-star cap and binding guidance shares.
    Approve {
        /// The level; `None` takes the review's.
        stars: Option<StarLevel>,
    },
    /// 公示 from the context's day.
    StartPublicity,
    /// An objection during 公示.
    Object {
        /// What is objected.
        text: String,
    },
    /// Settle an objection; an upheld one sends the round back to review.
    ResolveObjection {
        /// The objection.
        objection: ObjectionId,
        /// What checking it found.
        outcome: ObjectionOutcome,
    },
    /// 授星 after a completed 公示 with no open objection.
    Award,
    /// 复验: score again; a lower result is 降星 (down to 取消星级 at none).
    Reinspect {
        /// Scores with evidence.
        sheet: Scoresheet,
    },
    /// 升星: propose the higher level found at the last re-inspection; it is publicized and
    /// awarded like a first award.
    ProposeUpgrade,
    /// 摘星: remove stars for a stated reason.
    Withdraw {
        /// How many stars.
        stars: u8,
        /// Why.
        reason: String,
    },
    /// 取消星级.
    Revoke {
        /// Why.
        reason: String,
    },
}

/// What happened in a round.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[expect(
    clippy::large_enum_variant,
    reason = "an event is decided, journaled and applied one at a time, never held in bulk; a box would only add an allocation per entry"
)]
pub enum RatingEvent {
    /// The round opened over its branches.
    Opened {
        /// The committee that rates.
        committee: OrgUnitId,
        /// The year.
        year: i32,
        /// The branches rated.
        branches: Vec<OrgUnitId>,
    },
    /// What happened in one branch's rating.
    Branch {
        /// The branch.
        branch: OrgUnitId,
        /// What happened.
        event: BranchRatingEvent,
    },
}

/// What happened in one branch's rating.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BranchRatingEvent {
    /// The 公示: started, an objection received or settled.
    Publicity(PublicityEvent),
    /// 自评 filed.
    SelfAssessed {
        /// The assessment.
        assessment: Assessment,
        /// The level proposed.
        proposed: StarLevel,
    },
    /// 审核 done.
    Reviewed {
        /// The assessment.
        assessment: Assessment,
        /// How it checked.
        methods: Vec<ReviewMethod>,
    },
    /// 审定.
    Approved {
        /// The level.
        stars: StarLevel,
    },
    /// A change of the awarded level.
    StarsChanged(StarChangeRecord),
    /// 升星 proposed: the level goes to publicity (the stars in force stay until the award).
    UpgradeProposed {
        /// The level proposed.
        stars: StarLevel,
    },
    /// A re-inspection's result.
    Reinspected {
        /// When.
        on: NaiveDate,
        /// The assessment.
        assessment: Assessment,
    },
}

/// What the rating rules need from outside.
#[derive(Debug, Clone, Copy)]
pub struct RatingContext<'c> {
    /// The organization tree.
    pub tree: &'c OrgTree,
    /// The rubric in force.
    pub rubric: &'c Rubric,
    /// The work calendar (for publicity counted in working days).
    pub calendar: &'c WorkCalendar,
}

/// A rating command refused.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum RatingError {
    /// The round is not open.
    #[error("the rating round has not been opened")]
    NotOpened,
    /// Opened twice.
    #[error("the rating round is already open")]
    AlreadyOpened,
    /// A step out of order.
    #[error("{command} is not possible at stage {stage} ({})", RATING_STEPS)]
    OutOfOrder {
        /// The command.
        command: &'static str,
        /// The stage.
        stage: RatingStage,
    },
    /// The authority may not act on this branch.
    #[error("authority refused: {0}")]
    Authority(#[from] AuthorityError),
    /// Only the branch files its own 自评, and only an upper body reviews it.
    #[error("{0}")]
    WrongBody(&'static str),
    /// The scoresheet does not fit the rubric.
    #[error("scoresheet refused: {0}")]
    Score(#[from] ScoreError),
    /// A review with no method recorded.
    #[error("a review records how the branch was checked")]
    NoReviewMethod,
    /// A decided level above what the review supports.
    #[error("{decided} is above the reviewed {reviewed}")]
    AboveReview {
        /// Level decided.
        decided: StarLevel,
        /// Level the review supports.
        reviewed: StarLevel,
    },
    /// A blank reason.
    #[error("a change of stars needs a reason")]
    MissingReason,
    /// Removing zero stars, or stars the branch does not have.
    #[error("cannot remove {asked} stars from {have}")]
    BadWithdrawal {
        /// Stars asked to remove.
        asked: u8,
        /// Stars held.
        have: StarLevel,
    },
    /// An upgrade with no re-inspection above the level in force.
    #[error("no re-inspection found a level above {current}")]
    NoUpgrade {
        /// The level in force.
        current: StarLevel,
    },
    /// The 公示 refused the command (not over, an objection open or outside its period).
    #[error("publicity: {0}")]
    Publicity(PublicityError),
    /// 审定 (or 升星) at five stars beyond the rubric's enforced cap over the round's branches:
    /// decide four stars (or fewer), or let a higher-scored branch keep the place.
    #[error(
        "five stars are capped at {cap_permille}‰ of the {rated} branches rated: {allowed} already approved"
    )]
    FiveStarCapReached {
        /// The cap, per mille of the branches rated.
        cap_permille: u32,
        /// Branches the round rates.
        rated: u32,
        /// Five-star places the cap allows, all taken.
        allowed: u32,
        /// The rubric whose guidance sets the cap (its source).
        rubric: Citation,
    },
    /// 审定 at a level whose binding guidance share (at most so many per mille of the
    /// branches rated at these levels) is full: decide a level outside the group.
    #[error(
        "at most {permille}‰ of the {rated} branches may be rated {min}–{max}: {allowed} places, all taken"
    )]
    GuidanceShareReached {
        /// Lowest level of the group.
        min: StarLevel,
        /// Highest level of the group.
        max: StarLevel,
        /// The share, per mille.
        permille: u32,
        /// Branches the round rates.
        rated: u32,
        /// Places the share allows, all taken.
        allowed: u32,
        /// The rubric whose guidance sets the share (its source).
        rubric: Citation,
    },
    /// A round of no branches.
    #[error("a rating round lists the branches it rates: none given")]
    NoBranches,
    /// A branch listed twice, or not under the committee.
    #[error("branch {branch} is listed twice or is not under the rating committee")]
    NotUnderCommittee {
        /// The branch.
        branch: OrgUnitId,
    },
    /// A branch another round of the same year in the journal already rates.
    #[error("branch {branch} is already rated in another round of {year}")]
    AlreadyRated {
        /// The branch.
        branch: OrgUnitId,
        /// The year.
        year: i32,
    },
    /// A branch the round does not list.
    #[error("branch {branch} is not in this rating round")]
    NotInRound {
        /// The branch.
        branch: OrgUnitId,
    },
}

impl Refusal for RatingError {
    fn citation(&self) -> Citation {
        match self {
            Self::OutOfOrder { .. } | Self::Publicity(_) => RATING_STEPS,
            Self::Authority(e) => e.citation(),
            Self::FiveStarCapReached { rubric, .. } | Self::GuidanceShareReached { rubric, .. } => {
                rubric.clone()
            }
            _ => RATING_STEPS,
        }
    }

    fn message(&self, language: Language) -> String {
        let (zh, en): (String, String) = match self {
            Self::Authority(e) => return e.message(language),
            Self::NotOpened => (
                "评星尚未开展：先开展评星".into(),
                "the rating round has not been opened: open it first".into(),
            ),
            Self::AlreadyOpened => (
                "该支部本轮评星已开展".into(),
                "this round is already open".into(),
            ),
            Self::OutOfOrder { command, stage } => (
                format!(
                    "当前环节为“{stage}”，不能进行“{command}”：按自评、审核、审定、公示、授星依次进行"
                ),
                format!(
                    "{command} is not possible at {stage}: self-assessment, review, approval, publicity and award go in order"
                ),
            ),
            Self::WrongBody(w) => (format!("办理主体不符：{w}"), format!("the wrong body: {w}")),
            Self::Score(e) => (
                format!("评分表不符合评星标准：{e}"),
                format!("the scoresheet does not fit the rubric: {e}"),
            ),
            Self::NoReviewMethod => (
                "上级审核须记明审核方式（实地查看、查阅资料、个别访谈等）".into(),
                "a review records how the branch was checked (site visit, documents, interviews)"
                    .into(),
            ),
            Self::AboveReview { decided, reviewed } => (
                format!("审定为{decided}，高于审核结果{reviewed}：审定不得高于审核结果"),
                format!(
                    "{decided} is above the reviewed {reviewed}: approve at most the reviewed level"
                ),
            ),
            Self::Publicity(e) => (e.describe(Language::Chinese), e.describe(Language::English)),
            Self::MissingReason => ("须写明事由".into(), "a reason is required".into()),
            Self::BadWithdrawal { asked, have } => (
                format!("现为{have}，不能摘去 {asked} 颗星"),
                format!("cannot remove {asked} stars from {have}"),
            ),
            Self::NoUpgrade { current } => (
                format!("复验未达到高于{current}的等次，不能升星"),
                format!("no re-inspection found a level above {current}: no upgrade"),
            ),
            Self::FiveStarCapReached {
                cap_permille,
                rated,
                allowed,
                ..
            } => (
                format!(
                    "五星级不超过参评 {rated} 个支部的 {}%（至多 {allowed} 个），名额已满：审定为四星级及以下",
                    percent(*cap_permille)
                ),
                format!(
                    "five stars are capped at {}% of the {rated} branches ({allowed} places), all taken: approve four stars or fewer",
                    percent(*cap_permille)
                ),
            ),
            Self::GuidanceShareReached {
                min,
                max,
                permille,
                rated,
                allowed,
                ..
            } => (
                format!(
                    "评定为{min}至{max}的不超过参评 {rated} 个支部的 {}%（至多 {allowed} 个），名额已满：审定为此范围以外的等次",
                    percent(*permille)
                ),
                format!(
                    "at most {}% of the {rated} branches may be rated {min}–{max} ({allowed} places), all taken: approve a level outside that range",
                    percent(*permille)
                ),
            ),
            Self::NoBranches => (
                "评星须列明参评支部".into(),
                "a rating round lists the branches it rates".into(),
            ),
            Self::NotUnderCommittee { .. } => (
                "参评支部重复列出，或不是本党委所属的党组织".into(),
                "a branch is listed twice or is not under the rating committee".into(),
            ),
            Self::AlreadyRated { year, .. } => (
                format!("该支部已列入 {year} 年的另一轮评星"),
                format!("the branch is already rated in another round of {year}"),
            ),
            Self::NotInRound { .. } => (
                "该支部未列入本轮评星".into(),
                "the branch is not in this rating round".into(),
            ),
        };
        let cite = self.citation();
        match language {
            Language::Chinese => format!("{zh}（{cite}）"),
            Language::English => format!("{en} ({cite})"),
        }
    }
}

/// A per-mille share as a percentage for messages (300 → 30).
fn percent(permille: u32) -> f64 {
    f64::from(permille) / 10.0
}

fn out_of_order(command: &'static str, stage: RatingStage) -> RatingError {
    RatingError::OutOfOrder { command, stage }
}

/// The level a branch holds in the round's distribution: the level decided while it is
/// decided or publicized, the level in force once awarded; `None` before 审定.
fn counted_level(b: &BranchRating) -> Option<StarLevel> {
    match b.stage {
        RatingStage::Approved | RatingStage::InPublicity => b.approved,
        RatingStage::Awarded => Some(b.current),
        _ => None,
    }
}

impl RatingRound {
    /// The enforced five-star cap and every binding guidance share, counted over the round's
    /// branches (the denominator fixed at the opening) with `branch` at `level`: at most
    /// ⌊share × rated / 1000⌋ of them in each capped group.
    fn check_distribution(
        &self,
        branch: OrgUnitId,
        level: StarLevel,
        rubric: &Rubric,
    ) -> Result<(), RatingError> {
        let Some(guidance) = rubric.data().guidance.as_ref() else {
            return Ok(());
        };
        let rated = self.rated();
        let places = |permille: u32| {
            u32::try_from(u64::from(permille) * u64::from(rated) / 1000).unwrap_or(u32::MAX)
        };
        let others_in = |min: StarLevel, max: StarLevel| {
            let n = self
                .branches
                .iter()
                .filter(|(id, _)| **id != branch)
                .filter_map(|(_, b)| counted_level(b))
                .filter(|l| (min..=max).contains(l))
                .count();
            u32::try_from(n).unwrap_or(u32::MAX)
        };
        if level == StarLevel::FIVE
            && guidance.enforce_cap
            && let Some(cap) = guidance.five_star_cap
        {
            let allowed = places(cap);
            if others_in(StarLevel::FIVE, StarLevel::FIVE) >= allowed {
                return Err(RatingError::FiveStarCapReached {
                    cap_permille: cap,
                    rated,
                    allowed,
                    rubric: rubric.data().source.clone(),
                });
            }
        }
        for t in guidance
            .targets
            .iter()
            .filter(|t| t.binding == TargetBinding::AtMost)
            .filter(|t| (t.min_stars..=t.max_stars).contains(&level))
        {
            let GuidanceTarget {
                min_stars,
                max_stars,
                permille,
                ..
            } = *t;
            let allowed = places(permille);
            if others_in(min_stars, max_stars) >= allowed {
                return Err(RatingError::GuidanceShareReached {
                    min: min_stars,
                    max: max_stars,
                    permille,
                    rated,
                    allowed,
                    rubric: rubric.data().source.clone(),
                });
            }
        }
        Ok(())
    }
}

impl Lifecycle for RatingRound {
    type Id = RatingRoundId;
    type Stage = RatingStage;
    type Command = RatingCommand;
    type Event = RatingEvent;
    type Context<'c> = RatingContext<'c>;
    type Error = RatingError;

    /// The stage of the branch furthest behind (未开始 before the opening).
    fn stage(&self) -> RatingStage {
        self.branches
            .values()
            .map(|b| b.stage)
            .min()
            .unwrap_or(RatingStage::NotOpened)
    }

    fn opens(command: &Self::Command) -> bool {
        matches!(command, RatingCommand::Open { .. })
    }

    fn decide(
        &self,
        command: &RatingCommand,
        act: &Act,
        ctx: &RatingContext<'_>,
        peers: &Peers<'_, Self>,
    ) -> Result<Vec<RatingEvent>, RatingError> {
        match command {
            RatingCommand::Open {
                committee,
                year,
                branches,
            } => {
                if self.committee.is_some() {
                    return Err(RatingError::AlreadyOpened);
                }
                act.authority().check_unit(ctx.tree, *committee)?;
                if branches.is_empty() {
                    return Err(RatingError::NoBranches);
                }
                let mut seen = std::collections::BTreeSet::new();
                for b in branches {
                    let under =
                        *b != *committee && ctx.tree.is_within(*b, *committee).unwrap_or(false);
                    if !under || !seen.insert(*b) {
                        return Err(RatingError::NotUnderCommittee { branch: *b });
                    }
                }
                if let Some(b) = peers
                    .others()
                    .filter(|(_, r)| r.committee.is_some() && r.year == *year)
                    .find_map(|(_, r)| branches.iter().find(|b| r.branches.contains_key(b)))
                {
                    return Err(RatingError::AlreadyRated {
                        branch: *b,
                        year: *year,
                    });
                }
                Ok(vec![RatingEvent::Opened {
                    committee: *committee,
                    year: *year,
                    branches: branches.clone(),
                }])
            }
            RatingCommand::Branch { branch, command } => {
                if self.committee.is_none() {
                    return Err(RatingError::NotOpened);
                }
                let rating = self
                    .branches
                    .get(branch)
                    .ok_or(RatingError::NotInRound { branch: *branch })?;
                let events = rating.decide(*branch, command, act, ctx, self)?;
                Ok(events
                    .into_iter()
                    .map(|event| RatingEvent::Branch {
                        branch: *branch,
                        event,
                    })
                    .collect())
            }
        }
    }

    fn apply(&mut self, event: &RatingEvent, _: &Applying) {
        match event {
            RatingEvent::Opened {
                committee,
                year,
                branches,
            } => {
                self.committee = Some(*committee);
                self.year = *year;
                self.branches = branches
                    .iter()
                    .map(|b| {
                        (
                            *b,
                            BranchRating {
                                stage: RatingStage::Opened,
                                ..BranchRating::default()
                            },
                        )
                    })
                    .collect();
            }
            RatingEvent::Branch { branch, event } => {
                if let Some(b) = self.branches.get_mut(branch) {
                    b.apply(event);
                }
            }
        }
    }
}

impl BranchRating {
    /// Decides one step of this branch's rating; `round` is the round it belongs to (for the
    /// cap and the shares).
    fn decide(
        &self,
        branch: OrgUnitId,
        command: &BranchRatingCommand,
        act: &Act,
        ctx: &RatingContext<'_>,
        round: &RatingRound,
    ) -> Result<Vec<BranchRatingEvent>, RatingError> {
        let own_branch = act.authority().unit == branch;
        if !(own_branch && matches!(command, BranchRatingCommand::SelfAssess { .. })) {
            act.authority().check_unit(ctx.tree, branch)?;
        }
        let stage = self.stage;
        match command {
            BranchRatingCommand::SelfAssess { sheet, proposed } => {
                if stage != RatingStage::Opened {
                    return Err(out_of_order("自评", stage));
                }
                let assessment = ctx.rubric.assess(sheet)?;
                Ok(vec![BranchRatingEvent::SelfAssessed {
                    assessment,
                    proposed: *proposed,
                }])
            }
            BranchRatingCommand::Review { sheet, methods } => {
                if stage != RatingStage::SelfAssessed {
                    return Err(out_of_order("上级审核", stage));
                }
                if own_branch {
                    return Err(RatingError::WrongBody(
                        "an organization cannot review its own rating",
                    ));
                }
                if methods.is_empty() {
                    return Err(RatingError::NoReviewMethod);
                }
                let assessment = ctx.rubric.assess(sheet)?;
                Ok(vec![BranchRatingEvent::Reviewed {
                    assessment,
                    methods: methods.clone(),
                }])
            }
            BranchRatingCommand::Approve { stars } => {
                let reviewed = match (&self.review, stage) {
                    (Some((a, _)), RatingStage::Reviewed) => a.stars,
                    _ => return Err(out_of_order("审定", stage)),
                };
                let decided = stars.unwrap_or(reviewed);
                if decided > reviewed {
                    return Err(RatingError::AboveReview { decided, reviewed });
                }
                round.check_distribution(branch, decided, ctx.rubric)?;
                Ok(vec![BranchRatingEvent::Approved { stars: decided }])
            }
            BranchRatingCommand::StartPublicity => {
                if stage != RatingStage::Approved {
                    return Err(out_of_order("公示", stage));
                }
                let days = ctx.rubric.data().publicity.period();
                let publicity = Publicity::open(act.day(), days, ctx.calendar)
                    .map_err(RatingError::Publicity)?;
                Ok(vec![BranchRatingEvent::Publicity(
                    PublicityEvent::Started {
                        from: act.day(),
                        until: publicity.until(),
                    },
                )])
            }
            BranchRatingCommand::Object { text } => {
                let (Some(publicity), RatingStage::InPublicity) = (&self.publicity, stage) else {
                    return Err(out_of_order("异议", stage));
                };
                let objection = publicity
                    .check_objection(act.day(), text)
                    .map_err(RatingError::Publicity)?;
                Ok(vec![BranchRatingEvent::Publicity(
                    PublicityEvent::Objected {
                        objection,
                        on: act.day(),
                        text: text.clone(),
                    },
                )])
            }
            BranchRatingCommand::ResolveObjection { objection, outcome } => {
                let (Some(publicity), RatingStage::InPublicity) = (&self.publicity, stage) else {
                    return Err(out_of_order("异议处理", stage));
                };
                publicity
                    .check_resolution(*objection)
                    .map_err(RatingError::Publicity)?;
                Ok(vec![BranchRatingEvent::Publicity(
                    PublicityEvent::Resolved {
                        objection: *objection,
                        outcome: *outcome,
                    },
                )])
            }
            BranchRatingCommand::Award => {
                let (Some(publicity), Some(stars), RatingStage::InPublicity) =
                    (&self.publicity, self.approved, stage)
                else {
                    return Err(out_of_order("授星", stage));
                };
                publicity
                    .check_over(act.day())
                    .map_err(RatingError::Publicity)?;
                let upgrade = self.current > StarLevel::NONE && stars > self.current;
                Ok(vec![BranchRatingEvent::StarsChanged(StarChangeRecord {
                    on: act.day(),
                    change: if upgrade {
                        StarChange::Upgrade
                    } else {
                        StarChange::Award
                    },
                    from: self.current,
                    to: stars,
                    reason: if upgrade {
                        "复验晋位，公示期满无异议，升星".into()
                    } else {
                        "公示期满无异议，授星".into()
                    },
                })])
            }
            BranchRatingCommand::Reinspect { sheet } => {
                if stage != RatingStage::Awarded {
                    return Err(out_of_order("复验", stage));
                }
                let assessment = ctx.rubric.assess(sheet)?;
                let found = assessment.stars;
                let mut events = vec![BranchRatingEvent::Reinspected {
                    on: act.day(),
                    assessment,
                }];
                if found < self.current {
                    let change = if found == StarLevel::NONE {
                        StarChange::Revoke
                    } else {
                        StarChange::Downgrade
                    };
                    events.push(BranchRatingEvent::StarsChanged(StarChangeRecord {
                        on: act.day(),
                        change,
                        from: self.current,
                        to: found,
                        reason: format!("复验达到{found}标准，低于{}", self.current),
                    }));
                }
                Ok(events)
            }
            BranchRatingCommand::ProposeUpgrade => {
                if stage != RatingStage::Awarded {
                    return Err(out_of_order("升星", stage));
                }
                match &self.last_inspection {
                    Some((_, a)) if a.stars > self.current => {
                        round.check_distribution(branch, a.stars, ctx.rubric)?;
                        Ok(vec![BranchRatingEvent::UpgradeProposed { stars: a.stars }])
                    }
                    _ => Err(RatingError::NoUpgrade {
                        current: self.current,
                    }),
                }
            }
            BranchRatingCommand::Withdraw { stars, reason } => {
                if stage != RatingStage::Awarded {
                    return Err(out_of_order("摘星", stage));
                }
                if reason.trim().is_empty() {
                    return Err(RatingError::MissingReason);
                }
                if *stars == 0 || *stars > self.current.get() {
                    return Err(RatingError::BadWithdrawal {
                        asked: *stars,
                        have: self.current,
                    });
                }
                Ok(vec![BranchRatingEvent::StarsChanged(StarChangeRecord {
                    on: act.day(),
                    change: StarChange::Withdraw,
                    from: self.current,
                    to: self.current.down(*stars),
                    reason: reason.clone(),
                })])
            }
            BranchRatingCommand::Revoke { reason } => {
                if stage != RatingStage::Awarded {
                    return Err(out_of_order("取消星级", stage));
                }
                if reason.trim().is_empty() {
                    return Err(RatingError::MissingReason);
                }
                Ok(vec![BranchRatingEvent::StarsChanged(StarChangeRecord {
                    on: act.day(),
                    change: StarChange::Revoke,
                    from: self.current,
                    to: StarLevel::NONE,
                    reason: reason.clone(),
                })])
            }
        }
    }

    fn apply(&mut self, event: &BranchRatingEvent) {
        match event {
            BranchRatingEvent::SelfAssessed {
                assessment,
                proposed,
            } => {
                self.self_assessment = Some((assessment.clone(), *proposed));
                self.stage = RatingStage::SelfAssessed;
            }
            BranchRatingEvent::Reviewed {
                assessment,
                methods,
            } => {
                self.review = Some((assessment.clone(), methods.clone()));
                self.stage = RatingStage::Reviewed;
            }
            BranchRatingEvent::Approved { stars } => {
                self.approved = Some(*stars);
                self.stage = RatingStage::Approved;
            }
            BranchRatingEvent::Publicity(e) => {
                Publicity::apply(&mut self.publicity, e);
                match e {
                    PublicityEvent::Started { .. } => self.stage = RatingStage::InPublicity,
                    PublicityEvent::Resolved {
                        outcome: ObjectionOutcome::Upheld,
                        ..
                    } => {
                        // Back to review: the level must be decided again and publicized anew.
                        self.approved = None;
                        self.publicity = None;
                        self.stage = RatingStage::SelfAssessed;
                    }
                    _ => {}
                }
            }
            BranchRatingEvent::StarsChanged(record) => {
                self.current = record.to;
                if matches!(record.change, StarChange::Award | StarChange::Upgrade) {
                    self.stage = RatingStage::Awarded;
                    self.publicity = None;
                    self.approved = None;
                }
                self.changes.push(record.clone());
            }
            BranchRatingEvent::UpgradeProposed { stars } => {
                self.approved = Some(*stars);
                self.stage = RatingStage::Approved;
            }
            BranchRatingEvent::Reinspected { on, assessment } => {
                self.last_inspection = Some((*on, assessment.clone()));
            }
        }
    }
}
