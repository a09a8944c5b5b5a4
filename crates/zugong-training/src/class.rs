//! Training classes (培训班次): plan, enrol, attend, take leave, close — one lifecycle.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use thiserror::Error;
use zugong_core::journal::{Act, Applying, Language, Lifecycle, Peers, Refusal};
use zugong_core::{
    AuthorityError, Citation, InstitutionId, MemberId, OrgTree, OrgUnitId, TrainingClassId,
};

use crate::policy::{CADRE_TRAINING_ART_15, MEMBER_EDUCATION_ART_40};
use crate::{MemberGroup, StudyHours, TrainingKind, TrainingMode, TrainingPolicy, TrainingTier};

/// 培训班次计划: what a class is, who organizes it, for whom, when, and how long.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClassPlan {
    /// Identifier.
    pub id: TrainingClassId,
    /// Name (班次名称), e.g. `2026年永宁县党员集中轮训第一期`.
    pub name: String,
    /// 主办单位: the organizing committee (or its organization department); members of its
    /// subtree may attend, and its level decides the tier.
    pub organizer: OrgUnitId,
    /// 承办单位: the 单位 that delivers the class — a 党校 (行政学院), a 干部学院, a training
    /// base — when it is not the organizer itself. A record of who taught, not a rule input.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivered_by: Option<InstitutionId>,
    /// The tier it belongs to; must match the organizer's level.
    pub tier: TrainingTier,
    /// Kind of training.
    pub kind: TrainingKind,
    /// Mode of delivery.
    pub mode: TrainingMode,
    /// The groups it is for.
    pub targets: Vec<MemberGroup>,
    /// First day.
    pub starts_on: NaiveDate,
    /// Last day.
    pub ends_on: NaiveDate,
    /// Length in training days.
    pub days: u32,
    /// Length in 学时 (the most a participant can be credited).
    pub hours: StudyHours,
    /// Seats.
    pub capacity: u32,
}

/// Where a class stands.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClassStatus {
    /// Not yet planned (the state before the first event).
    #[default]
    Unplanned,
    /// Planned: enrolment, attendance and leave are recorded.
    Planned,
    /// Closed (结业): hours credited.
    Closed,
    /// Cancelled before it ran.
    Cancelled,
}

zugong_core::official_terms!(ClassStatus, "班次状态 (class status)", {
    Unplanned => "未计划",
    Planned => "已计划",
    Closed => "已结业",
    Cancelled => "已取消",
});

/// Where one participant stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ParticipantStatus {
    /// Enrolled and attending.
    Enrolled,
    /// 退学: removed for leave above the limit (《干部教育培训工作条例》 第十五条).
    Withdrawn,
    /// 结业: credited when the class closed.
    Completed,
}

/// One participant's record in a class.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Participation {
    /// The participant's own organization (their branch).
    pub unit: OrgUnitId,
    /// 学时 attended.
    pub attended: StudyHours,
    /// 学时 on leave (请假).
    pub leave: StudyHours,
    /// Status.
    pub status: ParticipantStatus,
    /// 学时 credited at closing (zero until then, and for a withdrawn participant).
    pub credited: StudyHours,
}

/// 培训班次: the state of a class, built only from its events.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct TrainingClass {
    plan: Option<ClassPlan>,
    status: ClassStatus,
    participants: BTreeMap<MemberId, Participation>,
}

impl TrainingClass {
    /// The plan, once planned.
    #[must_use]
    pub fn plan(&self) -> Option<&ClassPlan> {
        self.plan.as_ref()
    }
    /// Status.
    #[must_use]
    pub fn status(&self) -> ClassStatus {
        self.status
    }
    /// Every participant.
    #[must_use]
    pub fn participants(&self) -> &BTreeMap<MemberId, Participation> {
        &self.participants
    }
    /// Seats taken (withdrawn participants keep theirs: the seat was used).
    #[must_use]
    pub fn seats_taken(&self) -> usize {
        self.participants.len()
    }
}

/// What may be asked of a class.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClassCommand {
    /// Plan the class.
    Plan(ClassPlan),
    /// Enrol a member from `unit`.
    Enrol {
        /// The member.
        member: MemberId,
        /// The member's branch.
        unit: OrgUnitId,
    },
    /// Record 学时 attended.
    RecordAttendance {
        /// The member.
        member: MemberId,
        /// 学时 attended.
        hours: StudyHours,
    },
    /// Record 学时 of leave.
    RecordLeave {
        /// The member.
        member: MemberId,
        /// 学时 of leave.
        hours: StudyHours,
    },
    /// Close the class and credit the hours attended.
    Close,
    /// Cancel a class that has not run.
    Cancel,
}

/// What happened to a class.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClassEvent {
    /// The class was planned.
    Planned(ClassPlan),
    /// A member was enrolled.
    Enrolled {
        /// The member.
        member: MemberId,
        /// The member's branch.
        unit: OrgUnitId,
    },
    /// 学时 attended.
    Attended {
        /// The member.
        member: MemberId,
        /// 学时.
        hours: StudyHours,
    },
    /// 学时 of leave.
    LeaveTaken {
        /// The member.
        member: MemberId,
        /// 学时.
        hours: StudyHours,
    },
    /// 退学: leave passed the limit.
    Withdrawn {
        /// The member.
        member: MemberId,
        /// Total leave at withdrawal.
        leave: StudyHours,
    },
    /// The class closed; each enrolled participant's credited 学时.
    Closed {
        /// Credits, by member.
        credits: BTreeMap<MemberId, StudyHours>,
    },
    /// The class was cancelled.
    Cancelled,
}

/// What the class rules need from outside.
#[derive(Debug, Clone, Copy)]
pub struct ClassContext<'c> {
    /// The organization tree.
    pub tree: &'c OrgTree,
    /// The rules' numbers.
    pub policy: &'c TrainingPolicy,
}

/// A class command refused, with the rule.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ClassError {
    /// The class has not been planned.
    #[error("the class has not been planned")]
    NotPlanned,
    /// The class is already planned.
    #[error("the class is already planned")]
    AlreadyPlanned,
    /// The class is closed or cancelled.
    #[error("the class is {0}: nothing more can be recorded")]
    Finished(ClassStatus),
    /// The acting authority may not manage this class.
    #[error("authority refused: {0}")]
    Authority(#[from] AuthorityError),
    /// The organizer cannot run a class of this tier.
    #[error("the organizer runs {}, not {found}", expected.map_or_else(|| "no such training".to_owned(), |t| t.to_string()))]
    TierMismatch {
        /// The organizer.
        organizer: OrgUnitId,
        /// The tier its level runs (`None`: not a committee).
        expected: Option<TrainingTier>,
        /// The tier planned.
        found: TrainingTier,
    },
    /// The plan is inconsistent.
    #[error("invalid class plan: {0}")]
    InvalidPlan(&'static str),
    /// Every seat is taken.
    #[error("the class is full ({capacity} seats)")]
    Full {
        /// Seats.
        capacity: u32,
    },
    /// The member is already enrolled.
    #[error("{0} is already enrolled")]
    AlreadyEnrolled(MemberId),
    /// The member is not enrolled.
    #[error("{0} is not enrolled")]
    NotEnrolled(MemberId),
    /// The member has been withdrawn (退学).
    #[error("{0} has been withdrawn (退学) and can record nothing more")]
    Withdrawn(MemberId),
    /// The member's branch lies outside the organizer's subtree.
    #[error(
        "member's unit {unit} is outside organizer {organizer}'s subtree ({})",
        MEMBER_EDUCATION_ART_40
    )]
    OutsideOrganizer {
        /// The member's unit.
        unit: OrgUnitId,
        /// The organizer.
        organizer: OrgUnitId,
    },
    /// Attendance and leave would exceed the class's 学时.
    #[error("{attended} attended + {leave} leave + {added} would exceed the class's {class_hours}")]
    HoursExceedClass {
        /// Attended so far.
        attended: StudyHours,
        /// Leave so far.
        leave: StudyHours,
        /// The amount being added.
        added: StudyHours,
        /// The class's 学时.
        class_hours: StudyHours,
    },
    /// Zero 学时 recorded.
    #[error("a record needs a positive number of 学时")]
    ZeroHours,
    /// The date is outside the class dates.
    #[error("{on} is outside the class dates {starts_on}..={ends_on}")]
    OutsideClassDates {
        /// The command's date.
        on: NaiveDate,
        /// First day.
        starts_on: NaiveDate,
        /// Last day.
        ends_on: NaiveDate,
    },
    /// Closing before the last day.
    #[error("the class runs until {ends_on}; it cannot close on {on}")]
    ClosedEarly {
        /// The command's date.
        on: NaiveDate,
        /// Last day.
        ends_on: NaiveDate,
    },
    /// Cancelling a class that has recorded attendance.
    #[error("the class has recorded attendance; close it instead of cancelling")]
    AlreadyRan,
}

impl Refusal for ClassError {
    fn citation(&self) -> Citation {
        match self {
            Self::Withdrawn(_) => CADRE_TRAINING_ART_15,
            Self::OutsideOrganizer { .. } | Self::TierMismatch { .. } => MEMBER_EDUCATION_ART_40,
            Self::Authority(e) => e.citation(),
            _ => MEMBER_EDUCATION_ART_40,
        }
    }

    fn message(&self, language: Language) -> String {
        let (zh, en): (String, String) = match self {
            Self::Authority(e) => return e.message(language),
            Self::NotPlanned => ("班次尚未制定计划".into(), "the class has not been planned".into()),
            Self::AlreadyPlanned => ("班次已制定计划".into(), "the class is already planned".into()),
            Self::Finished(status) => (format!("班次已{status}，不能再记录"), format!("the class is {status}: nothing more can be recorded")),
            Self::TierMismatch { expected, found, .. } => match expected {
                Some(e) => (format!("主办单位举办的是{e}，不是{found}"), format!("the organizer runs {e}, not {found}")),
                None => (format!("该主办单位不举办{found}"), format!("the organizer runs no {found}")),
            },
            Self::InvalidPlan(w) => (format!("培训计划不完整：{w}"), format!("invalid class plan: {w}")),
            Self::Full { capacity } => (format!("班次已满（{capacity} 个名额）"), format!("the class is full ({capacity} seats)")),
            Self::AlreadyEnrolled(_) => ("该党员已报名".into(), "the member is already enrolled".into()),
            Self::NotEnrolled(_) => ("该党员未报名".into(), "the member is not enrolled".into()),
            Self::Withdrawn(_) => ("该学员请假超过规定已作退学处理，不能再记录".into(), "the member was withdrawn (退学) and can record nothing more".into()),
            Self::OutsideOrganizer { .. } => ("该党员所在组织不在主办单位管理范围内：由其所在组织的上级党委安排".into(), "the member's unit is outside the organizer's subtree: the member's own committee trains them".into()),
            Self::HoursExceedClass { attended, leave, added, class_hours } => (
                format!("已参训 {attended}、请假 {leave}，再记 {added} 将超过班次总学时 {class_hours}"),
                format!("{attended} attended + {leave} leave + {added} would exceed the class's {class_hours}"),
            ),
            Self::ZeroHours => ("记录学时须大于零".into(), "a record needs a positive number of 学时".into()),
            Self::OutsideClassDates { on, starts_on, ends_on } => (
                format!("{on} 不在班次日期 {starts_on} 至 {ends_on} 内"),
                format!("{on} is outside the class dates {starts_on} to {ends_on}"),
            ),
            Self::ClosedEarly { on, ends_on } => (
                format!("班次至 {ends_on} 结束，{on} 不能结业"),
                format!("the class runs until {ends_on}; it cannot close on {on}"),
            ),
            Self::AlreadyRan => ("班次已有考勤记录：应结业而不是取消".into(), "the class has recorded attendance: close it instead of cancelling".into()),
        };
        let cite = self.citation();
        match language {
            Language::Chinese => format!("{zh}（{cite}）"),
            Language::English => format!("{en} ({cite})"),
        }
    }
}

fn validate_plan(plan: &ClassPlan) -> Result<(), ClassError> {
    if plan.name.trim().is_empty() {
        return Err(ClassError::InvalidPlan("the class needs a name"));
    }
    if plan.ends_on < plan.starts_on {
        return Err(ClassError::InvalidPlan("the class ends before it starts"));
    }
    if plan.hours == StudyHours::ZERO {
        return Err(ClassError::InvalidPlan(
            "the class needs a positive number of 学时",
        ));
    }
    // A day holds at most 24 hours: a class of more 学时 than 24 a calendar day is a typo or
    // a fiction, not a record.
    let calendar =
        u64::try_from((plan.ends_on - plan.starts_on).num_days().saturating_add(1)).unwrap_or(0);
    if u64::from(plan.days) > calendar {
        return Err(ClassError::InvalidPlan(
            "the class has more training days than its dates hold",
        ));
    }
    let days = if plan.days == 0 {
        calendar
    } else {
        u64::from(plan.days)
    };
    let most = days.saturating_mul(240);
    if u64::from(plan.hours.tenths()) > most {
        return Err(ClassError::InvalidPlan(
            "the class holds more than 24 学时 a training day",
        ));
    }
    if plan.capacity == 0 {
        return Err(ClassError::InvalidPlan("the class needs at least one seat"));
    }
    if plan.targets.is_empty() {
        return Err(ClassError::InvalidPlan("the class targets no group"));
    }
    Ok(())
}

impl TrainingClass {
    fn planned(&self) -> Result<&ClassPlan, ClassError> {
        match (&self.plan, self.status) {
            (Some(p), ClassStatus::Planned) => Ok(p),
            (None, _) => Err(ClassError::NotPlanned),
            (Some(_), s) => Err(ClassError::Finished(s)),
        }
    }

    fn active(&self, member: MemberId) -> Result<&Participation, ClassError> {
        let p = self
            .participants
            .get(&member)
            .ok_or(ClassError::NotEnrolled(member))?;
        if p.status == ParticipantStatus::Withdrawn {
            return Err(ClassError::Withdrawn(member));
        }
        Ok(p)
    }

    fn within_dates(plan: &ClassPlan, on: NaiveDate) -> Result<(), ClassError> {
        if on < plan.starts_on || on > plan.ends_on {
            return Err(ClassError::OutsideClassDates {
                on,
                starts_on: plan.starts_on,
                ends_on: plan.ends_on,
            });
        }
        Ok(())
    }

    fn room_for(plan: &ClassPlan, p: &Participation, added: StudyHours) -> Result<(), ClassError> {
        if added == StudyHours::ZERO {
            return Err(ClassError::ZeroHours);
        }
        let total = p
            .attended
            .checked_add(p.leave)
            .and_then(|t| t.checked_add(added));
        if total.is_none_or(|t| t > plan.hours) {
            return Err(ClassError::HoursExceedClass {
                attended: p.attended,
                leave: p.leave,
                added,
                class_hours: plan.hours,
            });
        }
        Ok(())
    }
}

impl Lifecycle for TrainingClass {
    type Id = TrainingClassId;
    type Stage = ClassStatus;
    type Command = ClassCommand;
    type Event = ClassEvent;
    type Context<'c> = ClassContext<'c>;
    type Error = ClassError;

    fn stage(&self) -> ClassStatus {
        self.status()
    }

    fn opens(command: &Self::Command) -> bool {
        matches!(command, ClassCommand::Plan(_))
    }

    fn decide(
        &self,
        command: &ClassCommand,
        act: &Act,
        ctx: &ClassContext<'_>,
        _peers: &Peers<'_, Self>,
    ) -> Result<Vec<ClassEvent>, ClassError> {
        if let ClassCommand::Plan(plan) = command {
            if self.plan.is_some() {
                return Err(ClassError::AlreadyPlanned);
            }
            act.authority().check_unit(ctx.tree, plan.organizer)?;
            validate_plan(plan)?;
            let expected = ctx
                .tree
                .get(plan.organizer)
                .and_then(TrainingTier::of_organizer);
            if expected != Some(plan.tier) {
                return Err(ClassError::TierMismatch {
                    organizer: plan.organizer,
                    expected,
                    found: plan.tier,
                });
            }
            return Ok(vec![ClassEvent::Planned(plan.clone())]);
        }
        let plan = self.plan.as_ref().ok_or(ClassError::NotPlanned)?;
        act.authority().check_unit(ctx.tree, plan.organizer)?;
        let plan = self.planned()?;
        match command {
            ClassCommand::Plan(_) => Err(ClassError::AlreadyPlanned),
            ClassCommand::Enrol { member, unit } => {
                if self.participants.contains_key(member) {
                    return Err(ClassError::AlreadyEnrolled(*member));
                }
                if u32::try_from(self.participants.len()).unwrap_or(u32::MAX) >= plan.capacity {
                    return Err(ClassError::Full {
                        capacity: plan.capacity,
                    });
                }
                if act.day() > plan.ends_on {
                    return Err(ClassError::OutsideClassDates {
                        on: act.day(),
                        starts_on: plan.starts_on,
                        ends_on: plan.ends_on,
                    });
                }
                let inside = ctx
                    .tree
                    .is_within(*unit, plan.organizer)
                    .map_err(|_| ClassError::Authority(AuthorityError::UnknownUnit(*unit)))?;
                if !inside {
                    return Err(ClassError::OutsideOrganizer {
                        unit: *unit,
                        organizer: plan.organizer,
                    });
                }
                Ok(vec![ClassEvent::Enrolled {
                    member: *member,
                    unit: *unit,
                }])
            }
            ClassCommand::RecordAttendance { member, hours } => {
                let p = self.active(*member)?;
                Self::within_dates(plan, act.day())?;
                Self::room_for(plan, p, *hours)?;
                Ok(vec![ClassEvent::Attended {
                    member: *member,
                    hours: *hours,
                }])
            }
            ClassCommand::RecordLeave { member, hours } => {
                let p = self.active(*member)?;
                Self::within_dates(plan, act.day())?;
                Self::room_for(plan, p, *hours)?;
                let leave = p.leave + *hours;
                let mut events = vec![ClassEvent::LeaveTaken {
                    member: *member,
                    hours: *hours,
                }];
                // 第十五条's 1/7 binds 脱产培训 only: leave from a part-time or online class is
                // recorded, not a cause of 退学.
                if plan.mode == TrainingMode::FullTimeOffJob
                    && ctx.policy.leave_limit.is_exceeded_by(leave, plan.hours)
                {
                    events.push(ClassEvent::Withdrawn {
                        member: *member,
                        leave,
                    });
                }
                Ok(events)
            }
            ClassCommand::Close => {
                if act.day() < plan.ends_on {
                    return Err(ClassError::ClosedEarly {
                        on: act.day(),
                        ends_on: plan.ends_on,
                    });
                }
                let credits = self
                    .participants
                    .iter()
                    .filter(|(_, p)| p.status == ParticipantStatus::Enrolled)
                    .map(|(m, p)| (*m, p.attended.min(plan.hours)))
                    .collect();
                Ok(vec![ClassEvent::Closed { credits }])
            }
            ClassCommand::Cancel => {
                if self
                    .participants
                    .values()
                    .any(|p| p.attended > StudyHours::ZERO)
                {
                    return Err(ClassError::AlreadyRan);
                }
                Ok(vec![ClassEvent::Cancelled])
            }
        }
    }

    fn apply(&mut self, event: &ClassEvent, _: &Applying) {
        match event {
            ClassEvent::Planned(plan) => {
                self.plan = Some(plan.clone());
                self.status = ClassStatus::Planned;
            }
            ClassEvent::Enrolled { member, unit } => {
                self.participants.insert(
                    *member,
                    Participation {
                        unit: *unit,
                        attended: StudyHours::ZERO,
                        leave: StudyHours::ZERO,
                        status: ParticipantStatus::Enrolled,
                        credited: StudyHours::ZERO,
                    },
                );
            }
            ClassEvent::Attended { member, hours } => {
                if let Some(p) = self.participants.get_mut(member) {
                    p.attended += *hours;
                }
            }
            ClassEvent::LeaveTaken { member, hours } => {
                if let Some(p) = self.participants.get_mut(member) {
                    p.leave += *hours;
                }
            }
            ClassEvent::Withdrawn { member, .. } => {
                if let Some(p) = self.participants.get_mut(member) {
                    p.status = ParticipantStatus::Withdrawn;
                }
            }
            ClassEvent::Closed { credits } => {
                for (m, hours) in credits {
                    if let Some(p) = self.participants.get_mut(m) {
                        p.credited = *hours;
                        p.status = ParticipantStatus::Completed;
                    }
                }
                self.status = ClassStatus::Closed;
            }
            ClassEvent::Cancelled => self.status = ClassStatus::Cancelled,
        }
    }
}
