//! 民主评议党员 (《中国共产党党员教育管理工作条例》(2019) Art 18): once a year, at a 党员大会,
//! 个人自评 → 党员互评 → 民主测评, then the 支委会 or 党员大会 gives each member's 评定意见.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use thiserror::Error;
use zugong_core::journal::{Act, Applying, Language, Lifecycle, Peers, Refusal};
use zugong_core::{AppraisalId, Citation, MemberId, OrgUnitId, SourceStatus};

const ART_18: Citation = Citation::new(
    "《中国共产党党员教育管理工作条例》(2019)",
    "第十八条",
    SourceStatus::Confirmed,
);

/// 评定等次: the grades of the 评定意见 (the common national practice; a province's own
/// scale replaces the terms, not the steps).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AppraisalGrade {
    /// 优秀.
    Excellent,
    /// 合格.
    Qualified,
    /// 基本合格.
    BasicallyQualified,
    /// 不合格.
    Unqualified,
}

zugong_core::official_terms!(AppraisalGrade, "评定等次 (appraisal grade)", {
    Excellent => "优秀",
    Qualified => "合格",
    BasicallyQualified => "基本合格",
    Unqualified => "不合格",
});

/// Where an appraisal stands.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AppraisalStage {
    /// Not opened.
    #[default]
    NotOpened,
    /// Opened: 个人自评 under way.
    SelfAssessment,
    /// 党员互评.
    PeerReview,
    /// 民主测评 under way.
    Measuring,
    /// 民主测评 held: awaiting the 评定意见.
    Measured,
    /// 评定意见 given.
    Concluded,
}

zugong_core::official_terms!(AppraisalStage, "民主评议环节 (appraisal stage)", {
    NotOpened => "未开始",
    SelfAssessment => "个人自评",
    PeerReview => "党员互评",
    Measuring => "民主测评",
    Measured => "待评定",
    Concluded => "评定意见",
});

/// What an appraisal command asks (all the branch's: the act's authority is the branch).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum AppraisalCommand {
    /// Open the year's appraisal of `branch` for the members on its roll — the opening command.
    Open {
        /// The branch.
        branch: OrgUnitId,
        /// The year.
        year: i32,
        /// The members appraised.
        members: BTreeSet<MemberId>,
    },
    /// 个人自评 done: on to 党员互评.
    EndSelfAssessment,
    /// 党员互评 done: on to 民主测评.
    EndPeerReview,
    /// 民主测评: the ballots cast (at least one).
    Measure {
        /// Ballots.
        ballots: u32,
    },
    /// 评定意见: a grade for every member on the roll.
    Conclude {
        /// The grades.
        grades: BTreeMap<MemberId, AppraisalGrade>,
    },
}

/// What happened in an appraisal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum AppraisalEvent {
    /// Opened.
    Opened {
        /// The branch.
        branch: OrgUnitId,
        /// The year.
        year: i32,
        /// The members.
        members: BTreeSet<MemberId>,
    },
    /// A step ended; the stage now.
    Advanced {
        /// The stage reached.
        to: AppraisalStage,
    },
    /// 民主测评 held.
    Measured {
        /// Ballots cast.
        ballots: u32,
    },
    /// The grades given.
    Concluded {
        /// The grades.
        grades: BTreeMap<MemberId, AppraisalGrade>,
    },
}

/// An appraisal command refused.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum AppraisalError {
    /// Not opened.
    #[error("the appraisal has not been opened")]
    NotOpened,
    /// The branch already has its appraisal of the year in this journal.
    #[error("the branch's appraisal of {0} is already held: 一般每年一次")]
    AlreadyHeld(i32),
    /// Not the branch.
    #[error("the appraisal is the branch's own")]
    NotTheBranch,
    /// A step out of order.
    #[error("{command} is not possible at {stage}")]
    OutOfOrder {
        /// The step.
        command: &'static str,
        /// The stage.
        stage: AppraisalStage,
    },
    /// Nobody to appraise, or no ballots.
    #[error("an appraisal needs members on the roll and ballots cast")]
    Empty,
    /// Grades missing for members, or given to others.
    #[error("{missing} member(s) on the roll have no grade and {extra} graded are not on it")]
    GradesIncomplete {
        /// On the roll without a grade.
        missing: usize,
        /// Graded but not on the roll.
        extra: usize,
    },
}

impl Refusal for AppraisalError {
    fn citation(&self) -> Citation {
        ART_18
    }

    fn message(&self, language: Language) -> String {
        let cite = self.citation();
        if language == Language::English {
            return format!("{self} ({cite})");
        }
        let text = match self {
            Self::NotOpened => "民主评议尚未开始".to_owned(),
            Self::AlreadyHeld(y) => format!("本支部 {y} 年度民主评议已开展：一般每年一次"),
            Self::NotTheBranch => "民主评议由党支部组织".to_owned(),
            Self::OutOfOrder { command, stage } => {
                format!(
                    "当前为“{stage}”，不能进行“{command}”：按个人自评、党员互评、民主测评、评定意见依次进行"
                )
            }
            Self::Empty => "须有参评党员并进行民主测评投票".to_owned(),
            Self::GradesIncomplete { missing, extra } => {
                format!("{missing} 名参评党员未评定等次，{extra} 名评定对象不在参评名单中")
            }
        };
        format!("{text}（{cite}）")
    }
}

/// 民主评议党员: one branch's appraisal of one year, built only from its events.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Appraisal {
    branch: Option<OrgUnitId>,
    year: i32,
    members: BTreeSet<MemberId>,
    stage: AppraisalStage,
    grades: BTreeMap<MemberId, AppraisalGrade>,
}

impl Appraisal {
    /// The branch.
    #[must_use]
    pub fn branch(&self) -> Option<OrgUnitId> {
        self.branch
    }
    /// The year.
    #[must_use]
    pub fn year(&self) -> i32 {
        self.year
    }
    /// The grades given.
    #[must_use]
    pub fn grades(&self) -> &BTreeMap<MemberId, AppraisalGrade> {
        &self.grades
    }
    /// The members graded 不合格 (the branch then acts under the 党章: 限期改正 or 劝退, 除名).
    pub fn unqualified(&self) -> impl Iterator<Item = MemberId> + '_ {
        self.grades
            .iter()
            .filter(|(_, g)| **g == AppraisalGrade::Unqualified)
            .map(|(m, _)| *m)
    }
}

impl Lifecycle for Appraisal {
    type Id = AppraisalId;
    type Stage = AppraisalStage;
    type Command = AppraisalCommand;
    type Event = AppraisalEvent;
    type Context<'c> = ();
    type Error = AppraisalError;

    fn stage(&self) -> AppraisalStage {
        self.stage
    }

    fn opens(command: &AppraisalCommand) -> bool {
        matches!(command, AppraisalCommand::Open { .. })
    }

    fn decide(
        &self,
        command: &AppraisalCommand,
        act: &Act,
        (): &(),
        peers: &Peers<'_, Self>,
    ) -> Result<Vec<AppraisalEvent>, AppraisalError> {
        use AppraisalStage as S;
        if let AppraisalCommand::Open {
            branch,
            year,
            members,
        } = command
        {
            if act.authority().unit != *branch {
                return Err(AppraisalError::NotTheBranch);
            }
            if self.branch.is_some()
                || peers
                    .others()
                    .any(|(_, a)| a.branch == Some(*branch) && a.year == *year)
            {
                return Err(AppraisalError::AlreadyHeld(*year));
            }
            if members.is_empty() {
                return Err(AppraisalError::Empty);
            }
            return Ok(vec![AppraisalEvent::Opened {
                branch: *branch,
                year: *year,
                members: members.clone(),
            }]);
        }
        let branch = self.branch.ok_or(AppraisalError::NotOpened)?;
        if act.authority().unit != branch {
            return Err(AppraisalError::NotTheBranch);
        }
        let stage = self.stage;
        let order = |command| AppraisalError::OutOfOrder { command, stage };
        match command {
            AppraisalCommand::Open { year, .. } => Err(AppraisalError::AlreadyHeld(*year)),
            AppraisalCommand::EndSelfAssessment if stage == S::SelfAssessment => {
                Ok(vec![AppraisalEvent::Advanced { to: S::PeerReview }])
            }
            AppraisalCommand::EndSelfAssessment => Err(order("个人自评")),
            AppraisalCommand::EndPeerReview if stage == S::PeerReview => {
                Ok(vec![AppraisalEvent::Advanced { to: S::Measuring }])
            }
            AppraisalCommand::EndPeerReview => Err(order("党员互评")),
            AppraisalCommand::Measure { ballots } if stage == S::Measuring => {
                if *ballots == 0 {
                    return Err(AppraisalError::Empty);
                }
                Ok(vec![AppraisalEvent::Measured { ballots: *ballots }])
            }
            AppraisalCommand::Measure { .. } => Err(order("民主测评")),
            AppraisalCommand::Conclude { grades } if stage == S::Measured => {
                let missing = self
                    .members
                    .iter()
                    .filter(|m| !grades.contains_key(m))
                    .count();
                let extra = grades.keys().filter(|m| !self.members.contains(m)).count();
                if missing + extra > 0 {
                    return Err(AppraisalError::GradesIncomplete { missing, extra });
                }
                Ok(vec![AppraisalEvent::Concluded {
                    grades: grades.clone(),
                }])
            }
            AppraisalCommand::Conclude { .. } => Err(order("评定意见")),
        }
    }

    fn apply(&mut self, event: &AppraisalEvent, _: &Applying) {
        match event {
            AppraisalEvent::Opened {
                branch,
                year,
                members,
            } => {
                self.branch = Some(*branch);
                self.year = *year;
                self.members = members.clone();
                self.stage = AppraisalStage::SelfAssessment;
            }
            AppraisalEvent::Advanced { to } => self.stage = *to,
            AppraisalEvent::Measured { .. } => self.stage = AppraisalStage::Measured,
            AppraisalEvent::Concluded { grades } => {
                self.grades = grades.clone();
                self.stage = AppraisalStage::Concluded;
            }
        }
    }
}
