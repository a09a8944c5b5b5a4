//! Selection rounds (人才评选): 申报 → 资格审查 → 评审 → 公示 → 认定, one batch of one programme.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use thiserror::Error;
use zugong_core::journal::{Act, Applying, Language, Lifecycle, Peers, Refusal};
use zugong_core::publicity::{
    ObjectionId, ObjectionOutcome, Publicity, PublicityDays, PublicityError,
};
use zugong_core::{AuthorityError, Citation, OrgTree, OrgUnitId, TalentId, TalentRoundId};

use crate::{Applicant, ProgrammeDefinition, ResearchField, UnmetCondition, check_eligibility};

/// Where a round stands.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RoundStage {
    /// Not opened.
    #[default]
    NotOpened,
    /// 申报: applications taken until the deadline.
    Applications,
    /// 资格审查 done; 评审 scores are recorded.
    Review,
    /// 公示 of the ranked selection.
    Publicity,
    /// 认定: the cohort is confirmed.
    Confirmed,
}

zugong_core::official_terms!(RoundStage, "评选环节 (round stage)", {
    NotOpened => "未开始",
    Applications => "申报",
    Review => "评审",
    Publicity => "公示",
    Confirmed => "认定",
});

impl Refusal for RoundError {
    fn citation(&self) -> Citation {
        match self {
            Self::Authority(e) => e.citation(),
            _ => crate::programme::TOP_TALENT,
        }
    }

    fn message(&self, language: Language) -> String {
        let (zh, en): (String, String) = match self {
            Self::Authority(e) => return e.message(language),
            Self::NotOpened => (
                "评选尚未启动".into(),
                "the round has not been opened".into(),
            ),
            Self::AlreadyOpened => ("评选已启动".into(), "the round is already open".into()),
            Self::OutOfOrder { command, stage } => (
                format!(
                    "当前环节为“{stage}”，不能进行“{command}”：按申报、资格审查、评审、公示、认定依次进行"
                ),
                format!(
                    "{command} is not possible at {stage}: application, eligibility, review, publicity and confirmation go in order"
                ),
            ),
            Self::Ineligible(conditions) => (
                format!(
                    "不符合申报条件 {} 项：{}",
                    conditions.len(),
                    conditions
                        .iter()
                        .map(|c| c.citation.to_string())
                        .collect::<Vec<_>>()
                        .join("；")
                ),
                format!("{} unmet condition(s)", conditions.len()),
            ),
            Self::PastDeadline { deadline } => (
                format!("申报已于 {deadline} 截止"),
                format!("applications closed on {deadline}"),
            ),
            Self::DuplicateApplication(_) => (
                "该人选已申报".into(),
                "the talent has already applied".into(),
            ),
            Self::UnknownApplicant(_) => {
                ("该人选未申报".into(), "the talent has not applied".into())
            }
            Self::ScoreOutOfRange(n) => (
                format!("评审得分应在 0 至 1000 之间，现为 {n}"),
                format!("scores run from 0 to 1000, found {n}"),
            ),
            Self::NotReady(w) => (
                format!("尚不能公示：{w}"),
                format!("cannot publicize yet: {w}"),
            ),
            Self::Publicity(e) => (e.describe(Language::Chinese), e.describe(Language::English)),
            Self::MissingReason => (
                "取消人选须写明事由".into(),
                "a removal needs a reason".into(),
            ),
            Self::NotSelected(_) => (
                "该人选不在公示名单中".into(),
                "the talent is not among the publicized".into(),
            ),
            Self::OverFieldQuota {
                field,
                selected,
                seats,
            } => (
                format!("{field}认定 {selected} 人，超过本批名额 {seats} 人"),
                format!("{selected} confirmed in {field}, above the batch's {seats} seats"),
            ),
        };
        let cite = self.citation();
        match language {
            Language::Chinese => format!("{zh}（{cite}）"),
            Language::English => format!("{en} ({cite})"),
        }
    }
}

/// An application in the round.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Application {
    /// The applicant.
    pub applicant: Applicant,
    /// Order of arrival (ties in ranking go to the earlier).
    pub order: u32,
    /// The 评审 score (0–1000), once given.
    pub score: Option<u32>,
    /// Removed during publicity, with the reason.
    pub removed: Option<String>,
}

/// 人才评选: one batch of one programme, built from its events.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct SelectionRound {
    programme: Option<ProgrammeDefinition>,
    organizer: Option<OrgUnitId>,
    batch: u32,
    deadline: Option<NaiveDate>,
    stage: RoundStage,
    applications: BTreeMap<TalentId, Application>,
    selected: Vec<TalentId>,
    publicity: Option<Publicity>,
    objected: BTreeMap<ObjectionId, TalentId>,
}

impl SelectionRound {
    /// The programme.
    #[must_use]
    pub fn programme(&self) -> Option<&ProgrammeDefinition> {
        self.programme.as_ref()
    }
    /// Stage.
    #[must_use]
    pub fn stage(&self) -> RoundStage {
        self.stage
    }
    /// Batch number (批次).
    #[must_use]
    pub fn batch(&self) -> u32 {
        self.batch
    }
    /// Applications.
    #[must_use]
    pub fn applications(&self) -> &BTreeMap<TalentId, Application> {
        &self.applications
    }
    /// The selection publicized (and, once confirmed, the cohort), ranked per field.
    #[must_use]
    pub fn selected(&self) -> &[TalentId] {
        &self.selected
    }
    /// The 公示 of the selection: its period and the objections received.
    #[must_use]
    pub fn publicity(&self) -> Option<&Publicity> {
        self.publicity.as_ref()
    }
    /// The candidate an objection was about.
    #[must_use]
    pub fn objected(&self, objection: ObjectionId) -> Option<TalentId> {
        self.objected.get(&objection).copied()
    }

    /// Ranks the scored applications of each field (score high → low, earlier first on a
    /// tie) and takes the field's seats.
    fn rank(&self, programme: &ProgrammeDefinition) -> Vec<TalentId> {
        let mut by_field: BTreeMap<ResearchField, Vec<&Application>> = BTreeMap::new();
        for a in self
            .applications
            .values()
            .filter(|a| a.score.is_some() && a.removed.is_none())
        {
            by_field.entry(a.applicant.field).or_default().push(a);
        }
        let mut out = Vec::new();
        for (field, mut list) in by_field {
            list.sort_by(|a, b| b.score.cmp(&a.score).then(a.order.cmp(&b.order)));
            let seats = usize::try_from(programme.seats_for(field)).unwrap_or(usize::MAX);
            out.extend(list.into_iter().take(seats).map(|a| a.applicant.talent));
        }
        out
    }
}

/// What may be asked of a round.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RoundCommand {
    /// Open a batch of a programme, organized by `organizer`, with an application deadline.
    Open {
        /// The programme.
        programme: ProgrammeDefinition,
        /// The organizing body (e.g. the regional 人才办).
        organizer: OrgUnitId,
        /// 批次.
        batch: u32,
        /// Last day for applications.
        deadline: NaiveDate,
    },
    /// 申报.
    Apply(Applicant),
    /// 资格审查 complete: close applications.
    CloseApplications,
    /// 评审: record a score (0–1000).
    Score {
        /// The applicant.
        talent: TalentId,
        /// Score.
        score: u32,
    },
    /// 公示 the ranked selection for `days` from the act's day.
    Publicize {
        /// The period (the programme's notice sets it; 5 个工作日 is common).
        days: PublicityDays,
    },
    /// 公示反映: an objection about a publicized candidate, during the period.
    Object {
        /// The candidate.
        talent: TalentId,
        /// What was reported.
        text: String,
    },
    /// Settle an objection: an upheld one removes its candidate in the same entry.
    ResolveObjection {
        /// The objection.
        objection: ObjectionId,
        /// What checking it found.
        outcome: ObjectionOutcome,
    },
    /// Remove a publicized candidate after an objection is upheld.
    Remove {
        /// The candidate.
        talent: TalentId,
        /// Why.
        reason: String,
    },
    /// 认定: confirm the cohort after publicity.
    Confirm,
}

/// What happened in a round.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RoundEvent {
    /// Opened.
    Opened {
        /// Programme.
        programme: ProgrammeDefinition,
        /// Organizer.
        organizer: OrgUnitId,
        /// Batch.
        batch: u32,
        /// Deadline.
        deadline: NaiveDate,
    },
    /// An application accepted.
    Applied(Applicant),
    /// Applications closed.
    ApplicationsClosed,
    /// A score recorded.
    Scored {
        /// Applicant.
        talent: TalentId,
        /// Score.
        score: u32,
    },
    /// The ranked selection publicized.
    Publicized {
        /// Selected, ranked per field.
        selected: Vec<TalentId>,
        /// First day.
        from: NaiveDate,
        /// Last day.
        until: NaiveDate,
    },
    /// An objection received.
    Objected {
        /// Its number.
        objection: ObjectionId,
        /// The candidate.
        talent: TalentId,
        /// The day.
        on: NaiveDate,
        /// What was reported.
        text: String,
    },
    /// An objection settled.
    ObjectionResolved {
        /// The objection.
        objection: ObjectionId,
        /// What checking it found.
        outcome: ObjectionOutcome,
    },
    /// A candidate removed.
    Removed {
        /// Candidate.
        talent: TalentId,
        /// Why.
        reason: String,
    },
    /// The cohort confirmed.
    Confirmed {
        /// The cohort.
        cohort: Vec<TalentId>,
    },
}

/// What the round rules need.
#[derive(Debug, Clone, Copy)]
pub struct RoundContext<'c> {
    /// The tree.
    pub tree: &'c OrgTree,
    /// The work calendar (a 公示 in working days).
    pub calendar: &'c zugong_core::WorkCalendar,
}

/// A round command refused.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum RoundError {
    /// Not opened.
    #[error("the round has not been opened")]
    NotOpened,
    /// Opened twice.
    #[error("the round is already open")]
    AlreadyOpened,
    /// Step out of order.
    #[error("{command} is not possible at stage {stage}")]
    OutOfOrder {
        /// Command.
        command: &'static str,
        /// Stage.
        stage: RoundStage,
    },
    /// Authority refused.
    #[error("authority refused: {0}")]
    Authority(#[from] AuthorityError),
    /// The applicant is ineligible: every unmet condition.
    #[error("ineligible: {} unmet condition(s)", .0.len())]
    Ineligible(Vec<UnmetCondition>),
    /// After the deadline.
    #[error("applications closed on {deadline}")]
    PastDeadline {
        /// Deadline.
        deadline: NaiveDate,
    },
    /// Applied twice.
    #[error("{0} has already applied")]
    DuplicateApplication(TalentId),
    /// Unknown applicant.
    #[error("{0} has not applied")]
    UnknownApplicant(TalentId),
    /// A score above 1000.
    #[error("scores run from 0 to 1000, found {0}")]
    ScoreOutOfRange(u32),
    /// Publicity with unscored applications, or of zero days.
    #[error("cannot publicize: {0}")]
    NotReady(&'static str),
    /// The 公示 refused the command (not over, an objection open or outside its period).
    #[error("publicity: {0}")]
    Publicity(PublicityError),
    /// A blank reason.
    #[error("a removal needs a reason")]
    MissingReason,
    /// Removing someone not publicized.
    #[error("{0} is not among the publicized")]
    NotSelected(TalentId),
    /// 认定 of more than a field's seats: the programme's quotas bind the cohort, not only
    /// the ranking.
    #[error("{selected} confirmed in {field}, above the batch's {seats} seats")]
    OverFieldQuota {
        /// The field.
        field: ResearchField,
        /// How many the cohort holds in it.
        selected: u32,
        /// The programme's seats.
        seats: u32,
    },
}

fn out_of_order(command: &'static str, stage: RoundStage) -> RoundError {
    RoundError::OutOfOrder { command, stage }
}

impl Lifecycle for SelectionRound {
    type Id = TalentRoundId;
    type Stage = RoundStage;
    type Command = RoundCommand;
    type Event = RoundEvent;
    type Context<'c> = RoundContext<'c>;
    type Error = RoundError;

    fn stage(&self) -> RoundStage {
        self.stage
    }

    fn opens(command: &Self::Command) -> bool {
        matches!(command, RoundCommand::Open { .. })
    }

    fn decide(
        &self,
        command: &RoundCommand,
        act: &Act,
        ctx: &RoundContext<'_>,
        _peers: &Peers<'_, Self>,
    ) -> Result<Vec<RoundEvent>, RoundError> {
        if let RoundCommand::Open {
            programme,
            organizer,
            batch,
            deadline,
        } = command
        {
            if self.programme.is_some() {
                return Err(RoundError::AlreadyOpened);
            }
            act.authority().check_unit(ctx.tree, *organizer)?;
            return Ok(vec![RoundEvent::Opened {
                programme: programme.clone(),
                organizer: *organizer,
                batch: *batch,
                deadline: *deadline,
            }]);
        }
        let (Some(programme), Some(organizer), Some(deadline)) =
            (&self.programme, self.organizer, self.deadline)
        else {
            return Err(RoundError::NotOpened);
        };
        act.authority().check_unit(ctx.tree, organizer)?;
        let stage = self.stage;
        match command {
            RoundCommand::Open { .. } => Err(RoundError::AlreadyOpened),
            RoundCommand::Apply(applicant) => {
                if stage != RoundStage::Applications {
                    return Err(out_of_order("申报", stage));
                }
                if act.day() > deadline {
                    return Err(RoundError::PastDeadline { deadline });
                }
                if self.applications.contains_key(&applicant.talent) {
                    return Err(RoundError::DuplicateApplication(applicant.talent));
                }
                let unmet = check_eligibility(programme, applicant, deadline);
                if !unmet.is_empty() {
                    return Err(RoundError::Ineligible(unmet));
                }
                Ok(vec![RoundEvent::Applied(applicant.clone())])
            }
            RoundCommand::CloseApplications => {
                if stage != RoundStage::Applications {
                    return Err(out_of_order("资格审查", stage));
                }
                Ok(vec![RoundEvent::ApplicationsClosed])
            }
            RoundCommand::Score { talent, score } => {
                if stage != RoundStage::Review {
                    return Err(out_of_order("评审", stage));
                }
                if !self.applications.contains_key(talent) {
                    return Err(RoundError::UnknownApplicant(*talent));
                }
                if *score > 1000 {
                    return Err(RoundError::ScoreOutOfRange(*score));
                }
                Ok(vec![RoundEvent::Scored {
                    talent: *talent,
                    score: *score,
                }])
            }
            RoundCommand::Publicize { days } => {
                if stage != RoundStage::Review {
                    return Err(out_of_order("公示", stage));
                }
                if self.applications.values().any(|a| a.score.is_none()) {
                    return Err(RoundError::NotReady("every application needs a score"));
                }
                let publicity = Publicity::open(act.day(), *days, ctx.calendar)
                    .map_err(RoundError::Publicity)?;
                Ok(vec![RoundEvent::Publicized {
                    selected: self.rank(programme),
                    from: act.day(),
                    until: publicity.until(),
                }])
            }
            RoundCommand::Object { talent, text } => {
                let (Some(publicity), RoundStage::Publicity) = (&self.publicity, stage) else {
                    return Err(out_of_order("公示反映", stage));
                };
                if !self.selected.contains(talent) {
                    return Err(RoundError::NotSelected(*talent));
                }
                let objection = publicity
                    .check_objection(act.day(), text)
                    .map_err(RoundError::Publicity)?;
                Ok(vec![RoundEvent::Objected {
                    objection,
                    talent: *talent,
                    on: act.day(),
                    text: text.clone(),
                }])
            }
            RoundCommand::ResolveObjection { objection, outcome } => {
                let (Some(publicity), RoundStage::Publicity) = (&self.publicity, stage) else {
                    return Err(out_of_order("公示反映查核", stage));
                };
                publicity
                    .check_resolution(*objection)
                    .map_err(RoundError::Publicity)?;
                let mut events = vec![RoundEvent::ObjectionResolved {
                    objection: *objection,
                    outcome: *outcome,
                }];
                if *outcome == ObjectionOutcome::Upheld
                    && let Some(talent) = self.objected(*objection)
                    && self.selected.contains(&talent)
                {
                    let text = publicity
                        .objections()
                        .iter()
                        .find(|o| o.id == *objection)
                        .map(|o| o.text.clone())
                        .unwrap_or_default();
                    events.push(RoundEvent::Removed {
                        talent,
                        reason: format!("公示反映查实：{text}"),
                    });
                }
                Ok(events)
            }
            RoundCommand::Remove { talent, reason } => {
                if stage != RoundStage::Publicity {
                    return Err(out_of_order("撤销人选", stage));
                }
                if reason.trim().is_empty() {
                    return Err(RoundError::MissingReason);
                }
                if !self.selected.contains(talent) {
                    return Err(RoundError::NotSelected(*talent));
                }
                Ok(vec![RoundEvent::Removed {
                    talent: *talent,
                    reason: reason.clone(),
                }])
            }
            RoundCommand::Confirm => {
                let (Some(publicity), RoundStage::Publicity) = (&self.publicity, stage) else {
                    return Err(out_of_order("认定", stage));
                };
                publicity
                    .check_over(act.day())
                    .map_err(RoundError::Publicity)?;
                let mut per_field: BTreeMap<ResearchField, u32> = BTreeMap::new();
                for t in &self.selected {
                    if let Some(a) = self.applications.get(t) {
                        let n = per_field.entry(a.applicant.field).or_default();
                        *n = n.saturating_add(1);
                    }
                }
                if let Some((field, selected)) = per_field
                    .into_iter()
                    .find(|(f, n)| *n > programme.seats_for(*f))
                {
                    return Err(RoundError::OverFieldQuota {
                        field,
                        selected,
                        seats: programme.seats_for(field),
                    });
                }
                Ok(vec![RoundEvent::Confirmed {
                    cohort: self.selected.clone(),
                }])
            }
        }
    }

    fn apply(&mut self, event: &RoundEvent, _: &Applying) {
        match event {
            RoundEvent::Opened {
                programme,
                organizer,
                batch,
                deadline,
            } => {
                self.programme = Some(programme.clone());
                self.organizer = Some(*organizer);
                self.batch = *batch;
                self.deadline = Some(*deadline);
                self.stage = RoundStage::Applications;
            }
            RoundEvent::Applied(applicant) => {
                let order = u32::try_from(self.applications.len()).unwrap_or(u32::MAX);
                self.applications.insert(
                    applicant.talent,
                    Application {
                        applicant: applicant.clone(),
                        order,
                        score: None,
                        removed: None,
                    },
                );
            }
            RoundEvent::ApplicationsClosed => self.stage = RoundStage::Review,
            RoundEvent::Scored { talent, score } => {
                if let Some(a) = self.applications.get_mut(talent) {
                    a.score = Some(*score);
                }
            }
            RoundEvent::Publicized {
                selected,
                from,
                until,
            } => {
                self.selected = selected.clone();
                self.publicity = Some(Publicity::between(*from, *until));
                self.stage = RoundStage::Publicity;
            }
            RoundEvent::Objected {
                objection,
                talent,
                on,
                text,
            } => {
                if let Some(p) = &mut self.publicity {
                    p.receive(*objection, *on, text);
                }
                self.objected.insert(*objection, *talent);
            }
            RoundEvent::ObjectionResolved { objection, outcome } => {
                if let Some(p) = &mut self.publicity {
                    p.resolve(*objection, *outcome);
                }
            }
            RoundEvent::Removed { talent, reason } => {
                self.selected.retain(|t| t != talent);
                if let Some(a) = self.applications.get_mut(talent) {
                    a.removed = Some(reason.clone());
                }
            }
            RoundEvent::Confirmed { cohort } => {
                self.selected = cohort.clone();
                self.stage = RoundStage::Confirmed;
            }
        }
    }
}
