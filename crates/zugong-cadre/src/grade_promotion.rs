//! 职级晋升: the procedure by which a civil servant rises to a higher 职级 (一级科员 → 四级主任科员
//! → … → 一级巡视员), separate from the leadership-post pipeline of [`crate::Selection`].
//!
//! 《公务员职务与职级并行规定》(2019) 第二十条 lists the steps: (一) 党委（党组）或者组织（人事）
//! 部门研究提出工作方案; (二) 对符合条件的人员进行民主推荐或者民主测评，提出初步人选; (三) 考察
//! 了解并确定拟晋升职级人选; (四) 对拟晋升职级人选进行公示，公示期不少于5个工作日; (五) 审批.
//! The lifecycle takes one person through them: [`GradePromotionCommand::Plan`] →
//! [`GradePromotionCommand::Recommend`] → [`GradePromotionCommand::Inspect`] →
//! [`GradePromotionCommand::StartPublicity`] → [`GradePromotionCommand::Approve`].
//!
//! Rules checked from the person's own file ([`crate::CadreFiles`]), at the plan and again at
//! the approval: the years in the grade (or rank) below that the table requires
//! ([`GradePromotionPolicy`], 第十八条), and no running 影响期 (政务处分法 第八条: 处分期间不得
//! 晋升职务、职级). The body acting is the Party organization that leads the person's 单位 (its
//! 党组 or 机关党委) or a committee above it.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use thiserror::Error;
use zugong_core::dates::completed_months;
use zugong_core::journal::{Act, Applying, Language, Lifecycle, Peers, Refusal};
use zugong_core::publicity::{
    ObjectionId, ObjectionOutcome, Publicity, PublicityDays, PublicityError, PublicityEvent,
};
use zugong_core::{
    AuthorityError, CadreId, Citation, CivilServiceGrade, GradePromotionId, GradePromotionPolicy,
    InstitutionId, InstitutionRegistry, OrgTree, RankOrGrade, SourceStatus, WorkCalendar,
};

use crate::{CadreFiles, Effect, EffectPeriodPolicy};

/// 第二十条: the five steps and the 公示 of at least 5 working days.
const PROCEDURE: Citation = Citation::new(
    "《公务员职务与职级并行规定》(2019)",
    "第二十条（晋升职级程序）",
    SourceStatus::Secondary,
);

/// 第十八条: the years in the grade below.
const YEARS: Citation = Citation::new(
    "《公务员职务与职级并行规定》(2019)",
    "第十八条（晋升职级的任职年限）",
    SourceStatus::Secondary,
);

/// Where a grade promotion stands.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum GradePromotionStage {
    /// Not begun.
    #[default]
    NotStarted,
    /// 工作方案 set out.
    Planned,
    /// 民主推荐或民主测评 held: the person is the 初步人选.
    Recommended,
    /// 考察了解 done: the person is the 拟晋升职级人选.
    Inspected,
    /// 公示 under way.
    Publicity,
    /// 审批: promoted.
    Approved,
    /// Ended without promotion (not recommended, an upheld objection).
    Ended,
}

zugong_core::official_terms!(GradePromotionStage, "职级晋升环节 (grade promotion stage)", {
    NotStarted => "未开始",
    Planned => "工作方案",
    Recommended => "民主推荐",
    Inspected => "考察了解",
    Publicity => "公示",
    Approved => "审批",
    Ended => "终止",
});

/// 民主推荐 or 民主测评: the two ways 第二十条(二) allows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GradeVoteMethod {
    /// 民主推荐.
    Recommendation,
    /// 民主测评.
    Evaluation,
}

zugong_core::official_terms!(GradeVoteMethod, "推荐方式 (vote method)", {
    Recommendation => "民主推荐",
    Evaluation => "民主测评",
});

/// What may be asked of a grade promotion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GradePromotionCommand {
    /// 研究提出工作方案 for promoting `cadre` of `institution` to `to`.
    Plan {
        /// The civil servant.
        cadre: CadreId,
        /// The 单位 the person serves in: the Party organization leading it acts.
        institution: InstitutionId,
        /// The 职级 sought.
        to: CivilServiceGrade,
        /// 工作方案: never blank.
        plan: String,
    },
    /// 民主推荐或者民主测评: `agree` of `present` voters for the person. More than half in
    /// favour makes the person the 初步人选; otherwise the promotion ends (provisional: the
    /// article names the vote, not its threshold).
    Recommend {
        /// How.
        method: GradeVoteMethod,
        /// Voters present.
        present: u32,
        /// Votes or ratings in favour.
        agree: u32,
    },
    /// 考察了解: what was found (never blank).
    Inspect {
        /// The findings.
        findings: String,
    },
    /// 公示 from the act's day, for the policy's working days.
    StartPublicity,
    /// An objection during 公示.
    Object {
        /// What was reported.
        text: String,
    },
    /// Settle an objection; an upheld one ends the promotion.
    ResolveObjection {
        /// The objection.
        objection: ObjectionId,
        /// What checking it found.
        outcome: ObjectionOutcome,
    },
    /// 审批 after the 公示 is over with no objection open.
    Approve,
}

/// What happened in a grade promotion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GradePromotionEvent {
    /// The plan set out.
    Planned {
        /// The person.
        cadre: CadreId,
        /// The 单位.
        institution: InstitutionId,
        /// The grade or rank held, whose years count.
        from: RankOrGrade,
        /// The grade sought.
        to: CivilServiceGrade,
        /// The plan.
        plan: String,
    },
    /// The vote held.
    Recommended {
        /// How.
        method: GradeVoteMethod,
        /// Voters present.
        present: u32,
        /// In favour.
        agree: u32,
    },
    /// The inspection's findings.
    Inspected {
        /// The findings.
        findings: String,
    },
    /// The 公示: started, an objection received or settled.
    Publicity(PublicityEvent),
    /// 审批: promoted to the grade on the day.
    Approved {
        /// The day the grade is held from.
        on: NaiveDate,
    },
    /// Ended without promotion.
    Ended {
        /// Why.
        reason: String,
    },
}

/// What the grade promotion rules need from outside.
#[derive(Debug, Clone, Copy)]
pub struct GradePromotionContext<'c> {
    /// The Party tree.
    pub tree: &'c OrgTree,
    /// The 单位 registry (the person's 单位 and the Party organization leading it).
    pub registry: &'c InstitutionRegistry,
    /// The years table and the 公示's working days.
    pub policy: &'c GradePromotionPolicy,
    /// The 影响期 of sanctions.
    pub effects: &'c EffectPeriodPolicy,
    /// The work calendar.
    pub calendar: &'c WorkCalendar,
    /// The files (任职经历 and 影响期 records).
    pub files: &'c CadreFiles,
}

/// A grade promotion command refused, with the rule.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum GradePromotionError {
    /// Not begun.
    #[error("the grade promotion has not been planned")]
    NotStarted,
    /// Planned twice.
    #[error("the grade promotion is already planned")]
    AlreadyStarted,
    /// A step out of order.
    #[error("{command} is not possible at {stage}")]
    OutOfOrder {
        /// The command.
        command: &'static str,
        /// The stage.
        stage: GradePromotionStage,
    },
    /// A blank plan or findings.
    #[error("{0} may not be blank")]
    Blank(&'static str),
    /// The 单位 is not in the registry, or no Party organization is recorded as leading it.
    #[error("institution {0} is unknown or has no leading Party organization on record")]
    NoLeadingOrganization(InstitutionId),
    /// The body acting may not act for the 单位.
    #[error("authority refused: {0}")]
    Authority(#[from] AuthorityError),
    /// No file for the person.
    #[error("no file for cadre {0}")]
    NoFile(CadreId),
    /// The person holds nothing the table leads from to the grade sought.
    #[error("no path in the years table from what the cadre holds to {to}")]
    NoPath {
        /// The grade sought.
        to: CivilServiceGrade,
    },
    /// Too few years in the grade below.
    #[error("{months} months in {from}, {required} required for {to}")]
    TooFewYears {
        /// The grade or rank held.
        from: RankOrGrade,
        /// The grade sought.
        to: CivilServiceGrade,
        /// Months held on the day.
        months: u32,
        /// Months the table requires.
        required: u32,
    },
    /// A running 影响期.
    #[error("{effect} runs until {until}: no promotion of grade in it")]
    EffectRunning {
        /// What started it.
        effect: Effect,
        /// Its last day.
        until: NaiveDate,
        /// The rule.
        citation: Citation,
    },
    /// More in favour than present, or nobody present.
    #[error("{agree} in favour of {present} present is not a vote")]
    BadVote {
        /// Voters present.
        present: u32,
        /// In favour.
        agree: u32,
    },
    /// The 公示 refused the command.
    #[error("publicity: {0}")]
    Publicity(PublicityError),
    /// The promotion has ended.
    #[error("the grade promotion has ended: {0}")]
    Ended(String),
}

impl Refusal for GradePromotionError {
    fn citation(&self) -> Citation {
        match self {
            Self::Authority(e) => e.citation(),
            Self::NoPath { .. } | Self::TooFewYears { .. } => YEARS,
            Self::EffectRunning { citation, .. } => citation.clone(),
            _ => PROCEDURE,
        }
    }

    fn message(&self, language: Language) -> String {
        if let Self::Authority(e) = self {
            return e.message(language);
        }
        let zh = match self {
            Self::NotStarted => "尚未提出职级晋升工作方案".to_owned(),
            Self::AlreadyStarted => "职级晋升工作方案已提出".to_owned(),
            Self::OutOfOrder { command, stage } => format!(
                "当前环节为“{stage}”，不能进行“{command}”：按工作方案、民主推荐或民主测评、考察了解、公示、审批依次进行"
            ),
            Self::Blank(what) => format!("{what}不得为空"),
            Self::NoLeadingOrganization(_) => {
                "单位不在名录中，或未记载领导该单位的党组织".to_owned()
            }
            Self::NoFile(_) => "无该干部的档案".to_owned(),
            Self::NoPath { to } => format!("现任职级或职务不能晋升至{to}"),
            Self::TooFewYears {
                from,
                to,
                months,
                required,
            } => format!("任{from} {months} 个月，晋升{to}须满 {required} 个月"),
            Self::EffectRunning { effect, until, .. } => {
                format!("{effect}影响期至 {until}，期间不得晋升职级")
            }
            Self::BadVote { present, agree } => {
                format!("到会 {present} 人、赞成 {agree} 票，不是有效的推荐或测评")
            }
            Self::Publicity(e) => e.describe(Language::Chinese),
            Self::Ended(reason) => format!("职级晋升已终止：{reason}"),
            Self::Authority(_) => String::new(),
        };
        let cite = self.citation();
        match (language, self) {
            (Language::Chinese, _) => format!("{zh}（{cite}）"),
            // The English forms name no ids: the person and the 单位 are the caller's to name.
            (Language::English, Self::NoLeadingOrganization(_)) => format!(
                "the institution is not in the registry or has no leading Party organization on record ({cite})"
            ),
            (Language::English, Self::NoFile(_)) => {
                format!("the cadre has no file ({cite})")
            }
            (Language::English, _) => format!("{self} ({cite})"),
        }
    }
}

/// 职级晋升 of one civil servant, built only from its events.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct GradePromotion {
    stage: GradePromotionStage,
    cadre: Option<CadreId>,
    institution: Option<InstitutionId>,
    from: Option<RankOrGrade>,
    to: Option<CivilServiceGrade>,
    publicity: Option<Publicity>,
    approved_on: Option<NaiveDate>,
    ended: Option<String>,
}

impl GradePromotion {
    /// Where the promotion stands.
    #[must_use]
    pub fn stage(&self) -> GradePromotionStage {
        self.stage
    }
    /// The person.
    #[must_use]
    pub fn cadre(&self) -> Option<CadreId> {
        self.cadre
    }
    /// The grade sought.
    #[must_use]
    pub fn to(&self) -> Option<CivilServiceGrade> {
        self.to
    }
    /// The grade or rank whose years counted.
    #[must_use]
    pub fn from(&self) -> Option<RankOrGrade> {
        self.from
    }
    /// The 公示, once started.
    #[must_use]
    pub fn publicity(&self) -> Option<&Publicity> {
        self.publicity.as_ref()
    }
    /// The day of the 审批, once promoted.
    #[must_use]
    pub fn approved_on(&self) -> Option<NaiveDate> {
        self.approved_on
    }
    /// Why it ended without promotion.
    #[must_use]
    pub fn ended(&self) -> Option<&str> {
        self.ended.as_deref()
    }

    /// The acting body must lead the 单位 (its 党组 or 机关党委) or be a committee above.
    fn check_authority(
        institution: InstitutionId,
        act: &Act,
        ctx: &GradePromotionContext<'_>,
    ) -> Result<(), GradePromotionError> {
        let leader = ctx
            .registry
            .get(institution)
            .and_then(|i| i.led_by)
            .ok_or(GradePromotionError::NoLeadingOrganization(institution))?;
        act.authority().check_unit(ctx.tree, leader)?;
        Ok(())
    }

    /// The years and the 影响期 from the file on `on`: what the person holds that leads to
    /// `to`, or the refusal.
    fn check_person(
        cadre: CadreId,
        to: CivilServiceGrade,
        on: NaiveDate,
        ctx: &GradePromotionContext<'_>,
    ) -> Result<RankOrGrade, GradePromotionError> {
        let file = ctx
            .files
            .get(cadre)
            .ok_or(GradePromotionError::NoFile(cadre))?;
        for r in file.effects.iter().filter(|r| r.effective_on <= on) {
            let Some((until, citation)) = ctx.effects.last_day(r) else {
                continue;
            };
            if on <= until {
                return Err(GradePromotionError::EffectRunning {
                    effect: r.effect,
                    until,
                    citation,
                });
            }
        }
        let held = file
            .profile
            .posts
            .iter()
            .filter(|p| p.from <= on && p.until.is_none_or(|u| u > on))
            .filter_map(|p| {
                let required = ctx.policy.months_required(p.rank, to, 0)?;
                Some((p.rank, completed_months(p.from, on), required))
            })
            .max_by_key(|(_, months, required)| i64::from(*months) - i64::from(*required));
        let Some((from, months, required)) = held else {
            return Err(GradePromotionError::NoPath { to });
        };
        if months < required {
            return Err(GradePromotionError::TooFewYears {
                from,
                to,
                months,
                required,
            });
        }
        Ok(from)
    }
}

fn out_of_order(command: &'static str, stage: GradePromotionStage) -> GradePromotionError {
    GradePromotionError::OutOfOrder { command, stage }
}

impl Lifecycle for GradePromotion {
    type Id = GradePromotionId;
    type Stage = GradePromotionStage;
    type Command = GradePromotionCommand;
    type Event = GradePromotionEvent;
    type Context<'c> = GradePromotionContext<'c>;
    type Error = GradePromotionError;

    fn stage(&self) -> GradePromotionStage {
        self.stage
    }

    fn opens(command: &Self::Command) -> bool {
        matches!(command, GradePromotionCommand::Plan { .. })
    }

    fn decide(
        &self,
        command: &GradePromotionCommand,
        act: &Act,
        ctx: &GradePromotionContext<'_>,
        _: &Peers<'_, Self>,
    ) -> Result<Vec<GradePromotionEvent>, GradePromotionError> {
        let on = act.day();
        if let GradePromotionCommand::Plan {
            cadre,
            institution,
            to,
            plan,
        } = command
        {
            if self.cadre.is_some() {
                return Err(GradePromotionError::AlreadyStarted);
            }
            Self::check_authority(*institution, act, ctx)?;
            if plan.trim().is_empty() {
                return Err(GradePromotionError::Blank("工作方案"));
            }
            let from = Self::check_person(*cadre, *to, on, ctx)?;
            return Ok(vec![GradePromotionEvent::Planned {
                cadre: *cadre,
                institution: *institution,
                from,
                to: *to,
                plan: plan.clone(),
            }]);
        }
        let (Some(cadre), Some(institution), Some(to)) = (self.cadre, self.institution, self.to)
        else {
            return Err(GradePromotionError::NotStarted);
        };
        if let Some(reason) = &self.ended {
            return Err(GradePromotionError::Ended(reason.clone()));
        }
        Self::check_authority(institution, act, ctx)?;
        let stage = self.stage;
        match command {
            GradePromotionCommand::Plan { .. } => Err(GradePromotionError::AlreadyStarted),
            GradePromotionCommand::Recommend {
                method,
                present,
                agree,
            } => {
                if stage != GradePromotionStage::Planned {
                    return Err(out_of_order("民主推荐或民主测评", stage));
                }
                if *present == 0 || agree > present {
                    return Err(GradePromotionError::BadVote {
                        present: *present,
                        agree: *agree,
                    });
                }
                let mut events = vec![GradePromotionEvent::Recommended {
                    method: *method,
                    present: *present,
                    agree: *agree,
                }];
                // 初步人选 needs the support of more than half of those present.
                // Provisional: 第二十条(二) names the vote, not its threshold; zugong holds it to
                // the majority the 干部任用条例 asks of its own votes.
                if u64::from(*agree) * 2 <= u64::from(*present) {
                    events.push(GradePromotionEvent::Ended {
                        reason: "民主推荐或民主测评未获到会人员半数以上赞成".into(),
                    });
                }
                Ok(events)
            }
            GradePromotionCommand::Inspect { findings } => {
                if stage != GradePromotionStage::Recommended {
                    return Err(out_of_order("考察了解", stage));
                }
                if findings.trim().is_empty() {
                    return Err(GradePromotionError::Blank("考察情况"));
                }
                Ok(vec![GradePromotionEvent::Inspected {
                    findings: findings.clone(),
                }])
            }
            GradePromotionCommand::StartPublicity => {
                if stage != GradePromotionStage::Inspected {
                    return Err(out_of_order("公示", stage));
                }
                let days = PublicityDays::Working(ctx.policy.publicity_working_days);
                let publicity = Publicity::open(on, days, ctx.calendar)
                    .map_err(GradePromotionError::Publicity)?;
                Ok(vec![GradePromotionEvent::Publicity(
                    PublicityEvent::Started {
                        from: on,
                        until: publicity.until(),
                    },
                )])
            }
            GradePromotionCommand::Object { text } => {
                let (Some(publicity), GradePromotionStage::Publicity) = (&self.publicity, stage)
                else {
                    return Err(out_of_order("公示异议", stage));
                };
                let objection = publicity
                    .check_objection(on, text)
                    .map_err(GradePromotionError::Publicity)?;
                Ok(vec![GradePromotionEvent::Publicity(
                    PublicityEvent::Objected {
                        objection,
                        on,
                        text: text.clone(),
                    },
                )])
            }
            GradePromotionCommand::ResolveObjection { objection, outcome } => {
                let (Some(publicity), GradePromotionStage::Publicity) = (&self.publicity, stage)
                else {
                    return Err(out_of_order("异议处理", stage));
                };
                publicity
                    .check_resolution(*objection)
                    .map_err(GradePromotionError::Publicity)?;
                let mut events = vec![GradePromotionEvent::Publicity(PublicityEvent::Resolved {
                    objection: *objection,
                    outcome: *outcome,
                })];
                if *outcome == ObjectionOutcome::Upheld {
                    events.push(GradePromotionEvent::Ended {
                        reason: "公示反映的问题影响晋升".into(),
                    });
                }
                Ok(events)
            }
            GradePromotionCommand::Approve => {
                let (Some(publicity), GradePromotionStage::Publicity) = (&self.publicity, stage)
                else {
                    return Err(out_of_order("审批", stage));
                };
                publicity
                    .check_over(on)
                    .map_err(GradePromotionError::Publicity)?;
                // The file is read again on the day of the 审批: a sanction since the plan bars.
                Self::check_person(cadre, to, on, ctx)?;
                Ok(vec![GradePromotionEvent::Approved { on }])
            }
        }
    }

    fn apply(&mut self, event: &GradePromotionEvent, _: &Applying) {
        match event {
            GradePromotionEvent::Planned {
                cadre,
                institution,
                from,
                to,
                ..
            } => {
                self.cadre = Some(*cadre);
                self.institution = Some(*institution);
                self.from = Some(*from);
                self.to = Some(*to);
                self.stage = GradePromotionStage::Planned;
            }
            GradePromotionEvent::Recommended { .. } => {
                self.stage = GradePromotionStage::Recommended;
            }
            GradePromotionEvent::Inspected { .. } => {
                self.stage = GradePromotionStage::Inspected;
            }
            GradePromotionEvent::Publicity(e) => {
                Publicity::apply(&mut self.publicity, e);
                if matches!(e, PublicityEvent::Started { .. }) {
                    self.stage = GradePromotionStage::Publicity;
                }
            }
            GradePromotionEvent::Approved { on } => {
                self.approved_on = Some(*on);
                self.stage = GradePromotionStage::Approved;
            }
            GradePromotionEvent::Ended { reason } => {
                self.ended = Some(reason.clone());
                self.stage = GradePromotionStage::Ended;
            }
        }
    }
}
