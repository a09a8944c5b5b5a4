//! The star-rating lifecycle (评星定级) of one branch: 自评 → 上级审核 → 审定 → 公示 → 授星, then
//! dynamic management (动态管理): re-inspection, 降星, 摘星, 取消星级.

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
use crate::rubric::{Assessment, Rubric, ScoreError, Scoresheet};

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

/// 评星定级: one branch's rating in one year, built only from its events.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct RatingRound {
    branch: Option<OrgUnitId>,
    year: i32,
    stage: RatingStage,
    self_assessment: Option<(Assessment, StarLevel)>,
    review: Option<(Assessment, Vec<ReviewMethod>)>,
    approved: Option<StarLevel>,
    publicity: Option<Publicity>,
    current: StarLevel,
    changes: Vec<StarChangeRecord>,
    last_inspection: Option<(NaiveDate, Assessment)>,
}

impl RatingRound {
    /// The branch rated.
    #[must_use]
    pub fn branch(&self) -> Option<OrgUnitId> {
        self.branch
    }
    /// The year.
    #[must_use]
    pub fn year(&self) -> i32 {
        self.year
    }
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
    /// Open the round of `branch` for `year`.
    Open {
        /// The branch.
        branch: OrgUnitId,
        /// The year rated.
        year: i32,
    },
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
    /// 审定: decide the level; at most what the review supports (lower for an enforced cap).
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
pub enum RatingEvent {
    /// The 公示: started, an objection received or settled.
    Publicity(PublicityEvent),
    /// The round opened.
    Opened {
        /// The branch.
        branch: OrgUnitId,
        /// The year.
        year: i32,
    },
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
    /// 审定 at five stars beyond the rubric's enforced cap for the rounds of the same year in
    /// the journal: decide four stars (or fewer), or let a higher-scored branch keep the place.
    #[error(
        "five stars are capped at {cap_permille}‰ of the {rated} rounds of the year: {allowed} already approved"
    )]
    FiveStarCapReached {
        /// The cap, per mille of the rounds rated.
        cap_permille: u32,
        /// Rounds of the year in the journal, this one included.
        rated: u32,
        /// Five-star places the cap allows, all taken.
        allowed: u32,
        /// The rubric whose guidance sets the cap (its source).
        rubric: Citation,
    },
}

impl Refusal for RatingError {
    fn citation(&self) -> Citation {
        match self {
            Self::OutOfOrder { .. } | Self::Publicity(_) => RATING_STEPS,
            Self::Authority(e) => e.citation(),
            Self::FiveStarCapReached { rubric, .. } => rubric.clone(),
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
                    f64::from(*cap_permille) / 10.0
                ),
                format!(
                    "five stars are capped at {}% of the {rated} rounds ({allowed} places), all taken: approve four stars or fewer",
                    f64::from(*cap_permille) / 10.0
                ),
            ),
        };
        let cite = self.citation();
        match language {
            Language::Chinese => format!("{zh}（{cite}）"),
            Language::English => format!("{en} ({cite})"),
        }
    }
}

fn out_of_order(command: &'static str, stage: RatingStage) -> RatingError {
    RatingError::OutOfOrder { command, stage }
}

impl RatingRound {
    /// An enforced five-star cap, counted over the rounds of the same year in the journal
    /// (this one included): at most ⌊cap × rated / 1000⌋ of them approved at five stars.
    fn check_five_star_cap(
        &self,
        rubric: &Rubric,
        peers: &Peers<'_, Self>,
    ) -> Result<(), RatingError> {
        let Some(cap) = rubric
            .data()
            .guidance
            .as_ref()
            .filter(|g| g.enforce_cap)
            .and_then(|g| g.five_star_cap)
        else {
            return Ok(());
        };
        let same_year = || {
            peers
                .others()
                .filter(|(_, r)| r.branch.is_some() && r.year == self.year)
        };
        let rated = u32::try_from(same_year().count())
            .unwrap_or(u32::MAX)
            .saturating_add(1);
        let fives = same_year()
            .filter(|(_, r)| {
                r.approved == Some(StarLevel::FIVE)
                    && matches!(
                        r.stage,
                        RatingStage::Approved | RatingStage::InPublicity | RatingStage::Awarded
                    )
            })
            .count();
        let allowed = u32::try_from(u64::from(cap) * u64::from(rated) / 1000).unwrap_or(u32::MAX);
        if u32::try_from(fives).unwrap_or(u32::MAX) >= allowed {
            return Err(RatingError::FiveStarCapReached {
                cap_permille: cap,
                rated,
                allowed,
                rubric: rubric.data().source.clone(),
            });
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

    fn stage(&self) -> RatingStage {
        self.stage
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
        if let RatingCommand::Open { branch, year } = command {
            if self.branch.is_some() {
                return Err(RatingError::AlreadyOpened);
            }
            act.authority().check_unit(ctx.tree, *branch)?;
            return Ok(vec![RatingEvent::Opened {
                branch: *branch,
                year: *year,
            }]);
        }
        let branch = self.branch.ok_or(RatingError::NotOpened)?;
        let own_branch = act.authority().unit == branch;
        if !(own_branch && matches!(command, RatingCommand::SelfAssess { .. })) {
            act.authority().check_unit(ctx.tree, branch)?;
        }
        let stage = self.stage;
        match command {
            RatingCommand::Open { .. } => Err(RatingError::AlreadyOpened),
            RatingCommand::SelfAssess { sheet, proposed } => {
                if stage != RatingStage::Opened {
                    return Err(out_of_order("自评", stage));
                }
                let assessment = ctx.rubric.assess(sheet)?;
                Ok(vec![RatingEvent::SelfAssessed {
                    assessment,
                    proposed: *proposed,
                }])
            }
            RatingCommand::Review { sheet, methods } => {
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
                Ok(vec![RatingEvent::Reviewed {
                    assessment,
                    methods: methods.clone(),
                }])
            }
            RatingCommand::Approve { stars } => {
                let reviewed = match (&self.review, stage) {
                    (Some((a, _)), RatingStage::Reviewed) => a.stars,
                    _ => return Err(out_of_order("审定", stage)),
                };
                let decided = stars.unwrap_or(reviewed);
                if decided > reviewed {
                    return Err(RatingError::AboveReview { decided, reviewed });
                }
                if decided == StarLevel::FIVE {
                    self.check_five_star_cap(ctx.rubric, peers)?;
                }
                Ok(vec![RatingEvent::Approved { stars: decided }])
            }
            RatingCommand::StartPublicity => {
                if stage != RatingStage::Approved {
                    return Err(out_of_order("公示", stage));
                }
                let days = ctx.rubric.data().publicity.period();
                let publicity = Publicity::open(act.day(), days, ctx.calendar)
                    .map_err(RatingError::Publicity)?;
                Ok(vec![RatingEvent::Publicity(PublicityEvent::Started {
                    from: act.day(),
                    until: publicity.until(),
                })])
            }
            RatingCommand::Object { text } => {
                let (Some(publicity), RatingStage::InPublicity) = (&self.publicity, stage) else {
                    return Err(out_of_order("异议", stage));
                };
                let objection = publicity
                    .check_objection(act.day(), text)
                    .map_err(RatingError::Publicity)?;
                Ok(vec![RatingEvent::Publicity(PublicityEvent::Objected {
                    objection,
                    on: act.day(),
                    text: text.clone(),
                })])
            }
            RatingCommand::ResolveObjection { objection, outcome } => {
                let (Some(publicity), RatingStage::InPublicity) = (&self.publicity, stage) else {
                    return Err(out_of_order("异议处理", stage));
                };
                publicity
                    .check_resolution(*objection)
                    .map_err(RatingError::Publicity)?;
                Ok(vec![RatingEvent::Publicity(PublicityEvent::Resolved {
                    objection: *objection,
                    outcome: *outcome,
                })])
            }
            RatingCommand::Award => {
                let (Some(publicity), Some(stars), RatingStage::InPublicity) =
                    (&self.publicity, self.approved, stage)
                else {
                    return Err(out_of_order("授星", stage));
                };
                publicity
                    .check_over(act.day())
                    .map_err(RatingError::Publicity)?;
                let upgrade = self.current > StarLevel::NONE && stars > self.current;
                Ok(vec![RatingEvent::StarsChanged(StarChangeRecord {
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
            RatingCommand::Reinspect { sheet } => {
                if stage != RatingStage::Awarded {
                    return Err(out_of_order("复验", stage));
                }
                let assessment = ctx.rubric.assess(sheet)?;
                let found = assessment.stars;
                let mut events = vec![RatingEvent::Reinspected {
                    on: act.day(),
                    assessment,
                }];
                if found < self.current {
                    let change = if found == StarLevel::NONE {
                        StarChange::Revoke
                    } else {
                        StarChange::Downgrade
                    };
                    events.push(RatingEvent::StarsChanged(StarChangeRecord {
                        on: act.day(),
                        change,
                        from: self.current,
                        to: found,
                        reason: format!("复验达到{found}标准，低于{}", self.current),
                    }));
                }
                Ok(events)
            }
            RatingCommand::ProposeUpgrade => {
                if stage != RatingStage::Awarded {
                    return Err(out_of_order("升星", stage));
                }
                match &self.last_inspection {
                    Some((_, a)) if a.stars > self.current => {
                        Ok(vec![RatingEvent::UpgradeProposed { stars: a.stars }])
                    }
                    _ => Err(RatingError::NoUpgrade {
                        current: self.current,
                    }),
                }
            }
            RatingCommand::Withdraw { stars, reason } => {
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
                Ok(vec![RatingEvent::StarsChanged(StarChangeRecord {
                    on: act.day(),
                    change: StarChange::Withdraw,
                    from: self.current,
                    to: self.current.down(*stars),
                    reason: reason.clone(),
                })])
            }
            RatingCommand::Revoke { reason } => {
                if stage != RatingStage::Awarded {
                    return Err(out_of_order("取消星级", stage));
                }
                if reason.trim().is_empty() {
                    return Err(RatingError::MissingReason);
                }
                Ok(vec![RatingEvent::StarsChanged(StarChangeRecord {
                    on: act.day(),
                    change: StarChange::Revoke,
                    from: self.current,
                    to: StarLevel::NONE,
                    reason: reason.clone(),
                })])
            }
        }
    }

    fn apply(&mut self, event: &RatingEvent, _: &Applying) {
        match event {
            RatingEvent::Opened { branch, year } => {
                self.branch = Some(*branch);
                self.year = *year;
                self.stage = RatingStage::Opened;
            }
            RatingEvent::SelfAssessed {
                assessment,
                proposed,
            } => {
                self.self_assessment = Some((assessment.clone(), *proposed));
                self.stage = RatingStage::SelfAssessed;
            }
            RatingEvent::Reviewed {
                assessment,
                methods,
            } => {
                self.review = Some((assessment.clone(), methods.clone()));
                self.stage = RatingStage::Reviewed;
            }
            RatingEvent::Approved { stars } => {
                self.approved = Some(*stars);
                self.stage = RatingStage::Approved;
            }
            RatingEvent::Publicity(e) => {
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
            RatingEvent::StarsChanged(record) => {
                self.current = record.to;
                if matches!(record.change, StarChange::Award | StarChange::Upgrade) {
                    self.stage = RatingStage::Awarded;
                    self.publicity = None;
                    self.approved = None;
                }
                self.changes.push(record.clone());
            }
            RatingEvent::UpgradeProposed { stars } => {
                self.approved = Some(*stars);
                self.stage = RatingStage::Approved;
            }
            RatingEvent::Reinspected { on, assessment } => {
                self.last_inspection = Some((*on, assessment.clone()));
            }
        }
    }
}
