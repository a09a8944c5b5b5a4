//! 发展党员台账: an applicant's path as a roster records it — the day of each milestone — held
//! to the same [`DevelopmentPolicy`] the [`crate::Development`] lifecycle enforces. A
//! department importing years of paper and spreadsheet records cannot replay each of the 25
//! steps; it can find, from the days alone, the paths that were irregular (a talk a month
//! late, a 积极分子 made 发展对象 inside the year, an approval after three months, a 转正 before
//! the 预备期 was over) and the steps now overdue.
//!
//! ```
//! use chrono::NaiveDate;
//! use zugong_core::OrgUnitId;
//! use zugong_member::{DevelopmentPolicy, DevelopmentStage, MilestoneFinding, Milestones};
//! let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
//! let branch = OrgUnitId::from_uuid(uuid::Uuid::from_u128(2));
//! let path = Milestones::applied(branch, d(2024, 3, 1))
//!     .talked(d(2024, 3, 20))
//!     .activist(d(2024, 5, 10))
//!     .candidate(d(2025, 4, 30)) // 11 months and 20 days as a 积极分子
//!     .admitted(d(2025, 9, 1));
//! let policy = DevelopmentPolicy::default();
//! let found = path.check(d(2026, 11, 30), &policy)?;
//! assert!(matches!(found[0], MilestoneFinding::ActivistTooShort { .. }));
//! // Admitted in September 2025 and not yet approved: the 审批 is overdue too.
//! assert!(matches!(found[1], MilestoneFinding::ApprovalOverdue { .. }));
//! assert_eq!(path.stage(d(2026, 11, 30)), DevelopmentStage::AwaitingApproval);
//! # Ok::<(), zugong_member::MilestoneError>(())
//! ```

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use thiserror::Error;
use zugong_core::dates::{add_months, add_years};
use zugong_core::journal::{Language, Refusal};
use zugong_core::{Citation, MemberGroup, OrgUnitId};

use crate::DevelopmentPolicy;
use crate::DevelopmentStage;
use crate::policy::{ART_5_AGE, ART_7_TALK, ART_13_CANDIDATE, ART_24_APPROVAL, PROBATION};

/// One milestone of a development path, in the order they come.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Milestone {
    /// 递交入党申请书.
    Applied,
    /// 党组织派人谈话.
    Talked,
    /// 确定为入党积极分子.
    Activist,
    /// 确定为发展对象.
    Candidate,
    /// 支部大会讨论接收为预备党员.
    Admitted,
    /// 上级党委审批.
    Approved,
    /// 预备党员转为正式党员.
    FullMember,
}

zugong_core::official_terms!(Milestone, "发展环节 (milestone)", {
    Applied => "递交入党申请书",
    Talked => "谈话",
    Activist => "确定为入党积极分子",
    Candidate => "确定为发展对象",
    Admitted => "支部大会接收预备党员",
    Approved => "上级党委审批",
    FullMember => "转为正式党员",
});

/// The days of an applicant's path (`None`: not reached, or not recorded).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Milestones {
    /// The branch the applicant applied to.
    pub branch: OrgUnitId,
    /// The applicant's birth date, when known (the age rule reads it).
    pub born_on: Option<NaiveDate>,
    /// 递交入党申请书.
    pub applied_on: NaiveDate,
    /// 谈话.
    pub talked_on: Option<NaiveDate>,
    /// 确定为入党积极分子.
    pub activist_on: Option<NaiveDate>,
    /// 确定为发展对象.
    pub candidate_on: Option<NaiveDate>,
    /// 支部大会接收预备党员.
    pub admitted_on: Option<NaiveDate>,
    /// 上级党委审批.
    pub approved_on: Option<NaiveDate>,
    /// 转为正式党员.
    pub full_on: Option<NaiveDate>,
}

impl Milestones {
    /// A path that has only its application.
    #[must_use]
    pub const fn applied(branch: OrgUnitId, on: NaiveDate) -> Self {
        Self {
            branch,
            born_on: None,
            applied_on: on,
            talked_on: None,
            activist_on: None,
            candidate_on: None,
            admitted_on: None,
            approved_on: None,
            full_on: None,
        }
    }

    /// With the applicant's birth date.
    #[must_use]
    pub const fn born(mut self, on: NaiveDate) -> Self {
        self.born_on = Some(on);
        self
    }

    /// With the talk.
    #[must_use]
    pub const fn talked(mut self, on: NaiveDate) -> Self {
        self.talked_on = Some(on);
        self
    }

    /// With the day the applicant became a 积极分子.
    #[must_use]
    pub const fn activist(mut self, on: NaiveDate) -> Self {
        self.activist_on = Some(on);
        self
    }

    /// With the day the applicant became a 发展对象.
    #[must_use]
    pub const fn candidate(mut self, on: NaiveDate) -> Self {
        self.candidate_on = Some(on);
        self
    }

    /// With the 支部大会 that admitted them.
    #[must_use]
    pub const fn admitted(mut self, on: NaiveDate) -> Self {
        self.admitted_on = Some(on);
        self
    }

    /// With the 审批.
    #[must_use]
    pub const fn approved(mut self, on: NaiveDate) -> Self {
        self.approved_on = Some(on);
        self
    }

    /// With the 转正.
    #[must_use]
    pub const fn full_member(mut self, on: NaiveDate) -> Self {
        self.full_on = Some(on);
        self
    }

    /// Every recorded milestone and its day, in path order.
    #[must_use]
    pub fn recorded(&self) -> Vec<(Milestone, NaiveDate)> {
        [
            (Milestone::Applied, Some(self.applied_on)),
            (Milestone::Talked, self.talked_on),
            (Milestone::Activist, self.activist_on),
            (Milestone::Candidate, self.candidate_on),
            (Milestone::Admitted, self.admitted_on),
            (Milestone::Approved, self.approved_on),
            (Milestone::FullMember, self.full_on),
        ]
        .into_iter()
        .filter_map(|(m, d)| d.map(|d| (m, d)))
        .collect()
    }

    /// Where the path stands on `day` (milestones after `day` not yet counted).
    #[must_use]
    pub fn stage(&self, day: NaiveDate) -> DevelopmentStage {
        let reached = |d: Option<NaiveDate>| d.is_some_and(|d| d <= day);
        if reached(self.full_on) {
            DevelopmentStage::FullMember
        } else if reached(self.approved_on) {
            DevelopmentStage::Probationary
        } else if reached(self.admitted_on) {
            DevelopmentStage::AwaitingApproval
        } else if reached(self.candidate_on) {
            DevelopmentStage::Candidate
        } else if reached(self.activist_on) {
            DevelopmentStage::Activist
        } else if self.applied_on <= day {
            DevelopmentStage::Applicant
        } else {
            DevelopmentStage::NotApplied
        }
    }

    /// The training group the path puts the applicant in on `day` (the core value the training
    /// crate plans by): a 发展对象 awaits the 集中培训 before admission (细则 第十七条); a 预备党员,
    /// and a member in the year after 转正, is a 新党员. Otherwise none.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use zugong_core::{MemberGroup, OrgUnitId};
    /// use zugong_member::Milestones;
    /// let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
    /// let path = Milestones::applied(OrgUnitId::from_uuid(uuid::Uuid::from_u128(2)), d(2024, 1, 2))
    ///     .activist(d(2024, 3, 1))
    ///     .candidate(d(2025, 3, 1));
    /// assert_eq!(path.training_group(d(2025, 6, 1)), Some(MemberGroup::DevelopmentCandidate));
    /// assert_eq!(path.training_group(d(2025, 1, 1)), None);
    /// ```
    #[must_use]
    pub fn training_group(&self, day: NaiveDate) -> Option<MemberGroup> {
        match self.stage(day) {
            DevelopmentStage::Candidate => Some(MemberGroup::DevelopmentCandidate),
            DevelopmentStage::AwaitingApproval | DevelopmentStage::Probationary => {
                Some(MemberGroup::NewMember)
            }
            DevelopmentStage::FullMember => self
                .full_on
                .and_then(|f| add_years(f, 1))
                .filter(|year_after| day <= *year_after)
                .map(|_| MemberGroup::NewMember),
            _ => None,
        }
    }

    /// Checks the path on `as_of`: what was irregular and what is overdue, in path order.
    ///
    /// # Errors
    /// [`MilestoneError`] when the record cannot be a path: a milestone after `as_of`, or a
    /// milestone recorded before, or without, the one it follows (the talk excepted: a path
    /// may go on without a recorded talk, which is then a finding).
    pub fn check(
        &self,
        as_of: NaiveDate,
        policy: &DevelopmentPolicy,
    ) -> Result<Vec<MilestoneFinding>, MilestoneError> {
        let recorded = self.recorded();
        if let Some((milestone, on)) = recorded.iter().find(|(_, d)| *d > as_of) {
            return Err(MilestoneError::InFuture {
                milestone: *milestone,
                on: *on,
                as_of,
            });
        }
        // Each of the steps that decide the path needs the one before it, on or before its day.
        let chain = [
            (Milestone::Applied, Some(self.applied_on)),
            (Milestone::Activist, self.activist_on),
            (Milestone::Candidate, self.candidate_on),
            (Milestone::Admitted, self.admitted_on),
            (Milestone::Approved, self.approved_on),
            (Milestone::FullMember, self.full_on),
        ];
        for pair in chain.windows(2) {
            let [(before, before_on), (after, after_on)] = pair else {
                continue;
            };
            if let Some(after_on) = after_on {
                match before_on {
                    None => {
                        return Err(MilestoneError::Missing {
                            milestone: *after,
                            needs: *before,
                        });
                    }
                    Some(b) if b > after_on => {
                        return Err(MilestoneError::OutOfOrder {
                            milestone: *after,
                            on: *after_on,
                            before: *before,
                            before_on: *b,
                        });
                    }
                    _ => {}
                }
            }
        }
        if let Some(talked) = self.talked_on
            && talked < self.applied_on
        {
            return Err(MilestoneError::OutOfOrder {
                milestone: Milestone::Talked,
                on: talked,
                before: Milestone::Applied,
                before_on: self.applied_on,
            });
        }
        let mut found = Vec::new();
        if let Some(born) = self.born_on
            && add_years(born, policy.min_age_years).is_some_and(|adult| self.applied_on < adult)
        {
            found.push(MilestoneFinding::UnderAge {
                applied_on: self.applied_on,
                born_on: born,
            });
        }
        let talk_due = add_months(self.applied_on, policy.talk_within_months);
        if let Some(due) = talk_due {
            let late = match self.talked_on {
                Some(t) => t > due,
                None => as_of > due,
            };
            if late {
                found.push(MilestoneFinding::TalkLate {
                    applied_on: self.applied_on,
                    talked_on: self.talked_on,
                    due,
                });
            }
        }
        if let (Some(activist), Some(candidate)) = (self.activist_on, self.candidate_on)
            && let Some(earliest) = add_months(activist, policy.activist_months)
            && candidate < earliest
        {
            found.push(MilestoneFinding::ActivistTooShort {
                activist_on: activist,
                candidate_on: candidate,
                earliest,
            });
        }
        if let Some(admitted) = self.admitted_on
            && let Some(due) = add_months(admitted, policy.approval_months)
        {
            let late = match self.approved_on {
                Some(a) => a > due,
                None => as_of > due,
            };
            if late {
                found.push(MilestoneFinding::ApprovalOverdue {
                    admitted_on: admitted,
                    approved_on: self.approved_on,
                    due,
                });
            }
        }
        if let (Some(admitted), Some(approved)) = (self.admitted_on, self.approved_on)
            && let Some(ends) = add_months(admitted, policy.probation_months)
        {
            match self.full_on {
                Some(full) if full < ends => found.push(MilestoneFinding::FullTooEarly {
                    admitted_on: admitted,
                    full_on: full,
                    probation_ends: ends,
                }),
                None if as_of > ends => found.push(MilestoneFinding::ProbationOver {
                    approved_on: approved,
                    probation_ends: ends,
                }),
                _ => {}
            }
        }
        Ok(found)
    }
}

/// A development record that cannot be a path.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum MilestoneError {
    /// A milestone after the day the record speaks of.
    #[error("{milestone} on {on}, after the record's day {as_of}")]
    InFuture {
        /// The milestone.
        milestone: Milestone,
        /// Its day.
        on: NaiveDate,
        /// The record's day.
        as_of: NaiveDate,
    },
    /// A milestone without the one it follows.
    #[error("{milestone} recorded without {needs}")]
    Missing {
        /// The milestone.
        milestone: Milestone,
        /// The one it needs first.
        needs: Milestone,
    },
    /// A milestone before the one it follows.
    #[error("{milestone} on {on} is before {before} on {before_on}")]
    OutOfOrder {
        /// The milestone.
        milestone: Milestone,
        /// Its day.
        on: NaiveDate,
        /// The one it follows.
        before: Milestone,
        /// That one's day.
        before_on: NaiveDate,
    },
}

impl Refusal for MilestoneError {
    fn citation(&self) -> Citation {
        crate::policy::RULES_2014
    }

    fn message(&self, language: Language) -> String {
        match (language, self) {
            (Language::English, _) => format!("{self} ({})", self.citation()),
            (
                Language::Chinese,
                Self::InFuture {
                    milestone,
                    on,
                    as_of,
                },
            ) => format!(
                "{milestone}日期 {on} 晚于台账日期 {as_of}（{}）",
                self.citation()
            ),
            (Language::Chinese, Self::Missing { milestone, needs }) => format!(
                "记有“{milestone}”却无“{needs}”：发展党员须按程序逐步进行（{}）",
                self.citation()
            ),
            (
                Language::Chinese,
                Self::OutOfOrder {
                    milestone,
                    on,
                    before,
                    before_on,
                },
            ) => format!(
                "“{milestone}”（{on}）早于“{before}”（{before_on}）：程序顺序颠倒（{}）",
                self.citation()
            ),
        }
    }
}

/// What a development record shows was irregular, or is overdue, with the rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "finding", rename_all = "snake_case")]
#[non_exhaustive]
pub enum MilestoneFinding {
    /// Applied before the age the rules ask (细则 第五条: 年满十八岁).
    UnderAge {
        /// The application.
        applied_on: NaiveDate,
        /// The birth date.
        born_on: NaiveDate,
    },
    /// The talk later than a month after the application, or not yet held past that.
    TalkLate {
        /// The application.
        applied_on: NaiveDate,
        /// The talk, if held.
        talked_on: Option<NaiveDate>,
        /// The last day it was due.
        due: NaiveDate,
    },
    /// 确定为发展对象 inside the year of 培养考察 (细则 第十三条: 一年以上).
    ActivistTooShort {
        /// 确定为入党积极分子.
        activist_on: NaiveDate,
        /// 确定为发展对象.
        candidate_on: NaiveDate,
        /// The earliest day it could be.
        earliest: NaiveDate,
    },
    /// 审批 later than the months allowed after the 支部大会, or still pending past them.
    ApprovalOverdue {
        /// The 支部大会.
        admitted_on: NaiveDate,
        /// The 审批, if made.
        approved_on: Option<NaiveDate>,
        /// The last day it was due.
        due: NaiveDate,
    },
    /// 转正 before the year of 预备期 was over (党章 第七条).
    FullTooEarly {
        /// The 支部大会 (the 预备期 runs from it).
        admitted_on: NaiveDate,
        /// The 转正.
        full_on: NaiveDate,
        /// The day the 预备期 ends.
        probation_ends: NaiveDate,
    },
    /// The 预备期 is over and no 转正 (nor extension) is recorded: the branch should discuss it.
    ProbationOver {
        /// The 审批.
        approved_on: NaiveDate,
        /// The day the 预备期 ended.
        probation_ends: NaiveDate,
    },
}

impl MilestoneFinding {
    /// The rule behind the finding.
    #[must_use]
    pub const fn citation(&self) -> Citation {
        match self {
            Self::UnderAge { .. } => ART_5_AGE,
            Self::TalkLate { .. } => ART_7_TALK,
            Self::ActivistTooShort { .. } => ART_13_CANDIDATE,
            Self::ApprovalOverdue { .. } => ART_24_APPROVAL,
            Self::FullTooEarly { .. } | Self::ProbationOver { .. } => PROBATION,
        }
    }

    /// The finding in words (Chinese or English), without the citation.
    #[must_use]
    pub fn describe(&self, language: Language) -> String {
        let zh = language == Language::Chinese;
        match *self {
            Self::UnderAge {
                applied_on,
                born_on,
            } if zh => {
                format!("{applied_on} 递交申请时未满十八周岁（{born_on} 出生）")
            }
            Self::UnderAge {
                applied_on,
                born_on,
            } => {
                format!("applied on {applied_on}, under 18 (born {born_on})")
            }
            Self::TalkLate {
                talked_on: Some(t),
                due,
                ..
            } if zh => {
                format!("{t} 才谈话，应在 {due} 前")
            }
            Self::TalkLate {
                talked_on: None,
                due,
                ..
            } if zh => {
                format!("应在 {due} 前谈话，至今未谈")
            }
            Self::TalkLate { talked_on, due, .. } => match talked_on {
                Some(t) => format!("talked on {t}, due by {due}"),
                None => format!("talk due by {due}, not held"),
            },
            Self::ActivistTooShort {
                activist_on,
                candidate_on,
                earliest,
            } if zh => format!(
                "{activist_on} 确定为积极分子，{candidate_on} 即确定为发展对象，培养考察不满一年（最早 {earliest}）"
            ),
            Self::ActivistTooShort {
                activist_on,
                candidate_on,
                earliest,
            } => format!(
                "activist {activist_on}, candidate {candidate_on}: less than a year (earliest {earliest})"
            ),
            Self::ApprovalOverdue {
                approved_on: Some(a),
                due,
                ..
            } if zh => {
                format!("{a} 才审批，应在 {due} 前")
            }
            Self::ApprovalOverdue {
                admitted_on,
                approved_on: None,
                due,
            } if zh => {
                format!("{admitted_on} 支部大会接收，应在 {due} 前审批，至今未批")
            }
            Self::ApprovalOverdue {
                approved_on, due, ..
            } => match approved_on {
                Some(a) => format!("approved on {a}, due by {due}"),
                None => format!("approval due by {due}, not made"),
            },
            Self::FullTooEarly {
                full_on,
                probation_ends,
                ..
            } if zh => {
                format!("{full_on} 转正，预备期至 {probation_ends} 方满")
            }
            Self::FullTooEarly {
                full_on,
                probation_ends,
                ..
            } => {
                format!("full member on {full_on}, probation ends {probation_ends}")
            }
            Self::ProbationOver { probation_ends, .. } if zh => {
                format!("预备期已于 {probation_ends} 届满，尚未讨论转正")
            }
            Self::ProbationOver { probation_ends, .. } => {
                format!("probation ended {probation_ends}; 转正 not discussed")
            }
        }
    }
}
