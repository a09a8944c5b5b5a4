//! A talent's record (人才档案): tenure in a tier, funding tranches, mid-term and final
//! evaluations, promotion up the tiers (梯次晋升), exit, and title changes.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use thiserror::Error;
use zugong_core::dates::add_years;
use zugong_core::journal::{Act, Applying, Language, Lifecycle, Peers, Refusal};
use zugong_core::{
    AuthorityError, Citation, InstitutionId, InstitutionRegistry, OrgTree, PartyPlacement,
    TalentId, TalentRoundId,
};

use crate::{
    Cohorts, Engagement, FundingSource, ProfessionalTitle, ProgrammeDefinition, TalentTier, Yuan,
};

/// 培养协议: the agreement that starts a tenure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Agreement {
    /// The tier.
    pub tier: TalentTier,
    /// The programme's name.
    pub programme: String,
    /// 批次.
    pub batch: u32,
    /// First day of the cultivation period.
    pub starts_on: NaiveDate,
    /// Length in years, if set.
    pub cycle_years: Option<u32>,
    /// The grant.
    pub grant: Yuan,
    /// Each source's share of the grant, per-mille (adding up to 1000).
    pub shares: Vec<(FundingSource, u32)>,
    /// The industry served, by catalogue code.
    pub industry: Option<String>,
    /// Where the tenure comes from: a round's 认定, or one recorded with its document.
    pub basis: TenureBasis,
}

/// 认定依据: where a tenure comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TenureBasis {
    /// The cohort a journaled selection round confirmed (认定): the talent must be in it, and
    /// the agreement's programme and batch must be the round's.
    Round {
        /// The round.
        round: TalentRoundId,
    },
    /// A 认定 made outside zugong's rounds (an earlier batch, a special recognition), recorded
    /// with the document that made it (认定文件 and 文号); never blank.
    Recorded {
        /// The document.
        document: String,
    },
}

/// 考核结果: the outcome of an evaluation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EvaluationOutcome {
    /// 继续培养 (mid-term): continue.
    Continue,
    /// 黄牌警告: continue with a warning.
    Warn,
    /// 终止培养: terminate; no further funds.
    Terminate,
    /// 期满合格 (final): completed.
    Graduate,
}

zugong_core::official_terms!(EvaluationOutcome, "考核结果 (evaluation outcome)", {
    Continue => "继续培养",
    Warn => "警告",
    Terminate => "终止培养",
    Graduate => "期满合格",
});

/// 中期考核 or 期满考核.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EvaluationKind {
    /// 中期考核.
    MidTerm,
    /// 期满考核.
    Final,
}

/// How a tenure ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TenureEnd {
    /// Graduated at the final evaluation.
    Graduated,
    /// Terminated at an evaluation.
    Terminated,
    /// Promoted to the next tier.
    Promoted,
    /// Left the programme (退出).
    Exited,
}

/// One tenure in a tier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tenure {
    /// The agreement.
    pub agreement: Agreement,
    /// Paid so far, by source.
    pub paid: BTreeMap<FundingSource, Yuan>,
    /// Evaluations: date, kind, outcome.
    pub evaluations: Vec<(NaiveDate, EvaluationKind, EvaluationOutcome)>,
    /// How and when it ended, if it has.
    pub ended: Option<(NaiveDate, TenureEnd)>,
}

impl Tenure {
    /// Total paid.
    #[must_use]
    pub fn total_paid(&self) -> Yuan {
        Yuan(self.paid.values().fold(0u64, |a, y| a.saturating_add(y.0)))
    }

    /// The last day of the cultivation period, if it has a length.
    #[must_use]
    pub fn ends_on(&self) -> Option<NaiveDate> {
        let years = self.agreement.cycle_years?;
        add_years(self.agreement.starts_on, years).and_then(|d| d.pred_opt())
    }

    /// The share of the grant a source may pay.
    fn source_cap(&self, source: FundingSource) -> Yuan {
        let share = self
            .agreement
            .shares
            .iter()
            .filter(|(s, _)| *s == source)
            .map(|(_, p)| *p)
            .sum::<u32>();
        Yuan(self.agreement.grant.0.saturating_mul(u64::from(share)) / 1000)
    }
}

/// 人才档案: one talent's record, built from its events.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct TalentRecord {
    talent: Option<TalentId>,
    name: String,
    birth_date: Option<NaiveDate>,
    engagement: Option<Engagement>,
    title: Option<(ProfessionalTitle, String, NaiveDate)>,
    tenures: Vec<Tenure>,
}

impl TalentRecord {
    fn stage_now(&self) -> RecordStage {
        if self.talent.is_none() {
            RecordStage::NotRegistered
        } else if self.tenures.iter().any(|t| t.ended.is_none()) {
            RecordStage::InTenure
        } else {
            RecordStage::Registered
        }
    }

    /// The talent.
    #[must_use]
    pub fn talent(&self) -> Option<TalentId> {
        self.talent
    }
    /// Name.
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }
    /// Birth date.
    #[must_use]
    pub fn birth_date(&self) -> Option<NaiveDate> {
        self.birth_date
    }
    /// How the talent serves the region.
    #[must_use]
    pub fn engagement(&self) -> Option<&Engagement> {
        self.engagement.as_ref()
    }
    /// Current title, its series and since when.
    #[must_use]
    pub fn title(&self) -> Option<&(ProfessionalTitle, String, NaiveDate)> {
        self.title.as_ref()
    }
    /// Every tenure, oldest first.
    #[must_use]
    pub fn tenures(&self) -> &[Tenure] {
        &self.tenures
    }
    /// The tenure in progress (at most one: a talent is never in two tiers at once).
    #[must_use]
    pub fn active(&self) -> Option<&Tenure> {
        self.tenures.last().filter(|t| t.ended.is_none())
    }
    /// The tier in progress.
    #[must_use]
    pub fn tier(&self) -> Option<TalentTier> {
        self.active().map(|t| t.agreement.tier)
    }
}

/// What may be asked of a record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RecordCommand {
    /// Register the talent.
    Register {
        /// The talent.
        talent: TalentId,
        /// Name.
        name: String,
        /// Birth date.
        birth_date: NaiveDate,
        /// How the talent serves the region.
        engagement: Engagement,
    },
    /// Start a tenure under an agreement.
    Start(Agreement),
    /// Pay a funding tranche.
    Pay {
        /// Source.
        source: FundingSource,
        /// Amount.
        amount: Yuan,
    },
    /// Record an evaluation.
    Evaluate {
        /// 中期 or 期满.
        kind: EvaluationKind,
        /// Outcome.
        outcome: EvaluationOutcome,
    },
    /// 梯次晋升: end the tenure as promoted and start one in a higher tier.
    Promote(Agreement),
    /// 退出.
    Exit {
        /// Why.
        reason: String,
    },
    /// 职称 change (评审 or 改革 recognition).
    RecordTitle {
        /// New level.
        title: ProfessionalTitle,
        /// Series (e.g. `工程`, `农业`).
        series: String,
    },
}

/// What happened to a record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RecordEvent {
    /// Registered.
    Registered {
        /// The talent.
        talent: TalentId,
        /// Name.
        name: String,
        /// Birth date.
        birth_date: NaiveDate,
        /// Engagement.
        engagement: Engagement,
    },
    /// A tenure started.
    Started(Agreement),
    /// A tranche paid.
    Paid {
        /// Source.
        source: FundingSource,
        /// Amount.
        amount: Yuan,
        /// On.
        on: NaiveDate,
    },
    /// An evaluation.
    Evaluated {
        /// On.
        on: NaiveDate,
        /// Kind.
        kind: EvaluationKind,
        /// Outcome.
        outcome: EvaluationOutcome,
    },
    /// The tenure in progress ended.
    Ended {
        /// On.
        on: NaiveDate,
        /// How.
        how: TenureEnd,
        /// Why (for exits).
        reason: String,
    },
    /// A title recorded.
    TitleRecorded {
        /// Level.
        title: ProfessionalTitle,
        /// Series.
        series: String,
        /// On.
        on: NaiveDate,
    },
}

/// What the record rules need: the Party tree, the 单位 registry and where each institution
/// sits in the tree (a talent's record is kept by the talent office whose committee's subtree
/// holds the employer's Party organization).
#[derive(Debug, Clone, Copy)]
pub struct RecordContext<'c> {
    /// The Party tree.
    pub tree: &'c OrgTree,
    /// The 单位 registry.
    pub registry: &'c InstitutionRegistry,
    /// The Party organization each institution hangs from.
    pub placement: &'c PartyPlacement,
    /// The programmes in force: an agreement names one, and is held to its cycle, its most
    /// grant, its funding shares and its first payment.
    pub programmes: &'c [ProgrammeDefinition],
    /// The cohorts the rounds confirmed (认定): a round-based tenure starts only from one.
    pub cohorts: &'c Cohorts,
}

impl RecordContext<'_> {
    fn check_authority(
        &self,
        authority: zugong_core::Authority,
        institution: InstitutionId,
    ) -> Result<(), RecordError> {
        let anchor = self
            .placement
            .anchor(self.registry, institution)
            .ok_or(RecordError::UnplacedInstitution(institution))?;
        authority.check_unit(self.tree, anchor)?;
        Ok(())
    }
}

/// A record command refused.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum RecordError {
    /// Not registered.
    #[error("the talent is not registered")]
    NotRegistered,
    /// Registered twice.
    #[error("the talent is already registered")]
    AlreadyRegistered,
    /// Authority refused.
    #[error("authority refused: {0}")]
    Authority(#[from] AuthorityError),
    /// The employer or host is not in the registry, or no Party organization is found for it
    /// (none set up in it or above it, no committee of its area): nobody is known to keep the
    /// record.
    #[error("the employer is not a known institution with a Party organization over it")]
    UnplacedInstitution(InstitutionId),
    /// A tenure is already in progress (never two tiers at once).
    #[error("a tenure in {0} is in progress")]
    TenureInProgress(TalentTier),
    /// No tenure in progress.
    #[error("no tenure is in progress")]
    NoTenure,
    /// An agreement whose shares do not add up, or whose grant is zero.
    #[error("invalid agreement: {0}")]
    InvalidAgreement(&'static str),
    /// A payment above the grant or the source's share.
    #[error("paying {amount} from {source_of_funds} would exceed its share {cap} of the grant")]
    OverGrant {
        /// Source.
        source_of_funds: FundingSource,
        /// Amount.
        amount: Yuan,
        /// The source's cap.
        cap: Yuan,
    },
    /// A zero payment.
    #[error("a payment needs a positive amount")]
    ZeroPayment,
    /// A final evaluation before the period ends, or an outcome that does not fit the kind.
    #[error("evaluation refused: {0}")]
    Evaluation(&'static str),
    /// Promotion to a tier not above the current one.
    #[error("{to} is not above {from}")]
    NotAPromotion {
        /// Current.
        from: TalentTier,
        /// Proposed.
        to: TalentTier,
    },
    /// A blank reason or series.
    #[error("{0} must not be blank")]
    Blank(&'static str),
    /// The agreement names no programme in force for its tier.
    #[error("no programme {name:?} of tier {tier} is in force")]
    UnknownProgramme {
        /// The tier.
        tier: TalentTier,
        /// The name given.
        name: String,
    },
    /// A grant above the programme's most.
    #[error("a grant of {grant} is above the programme's most, {max}")]
    OverProgrammeGrant {
        /// The grant agreed.
        grant: Yuan,
        /// The programme's most.
        max: Yuan,
        /// The programme's source.
        rule: Citation,
    },
    /// The funding shares are not the programme's.
    #[error("the funding shares are not the programme's")]
    SharesDiffer {
        /// The programme's source.
        rule: Citation,
    },
    /// A cultivation period other than the programme's.
    #[error("a cultivation period of {} where the programme's is {}", years(*.agreed), years(*.programme))]
    CycleDiffers {
        /// The agreement's.
        agreed: Option<u32>,
        /// The programme's.
        programme: Option<u32>,
        /// The programme's source.
        rule: Citation,
    },
    /// The round named did not confirm this talent in this programme and batch.
    #[error("the round did not confirm the talent (认定) in this programme and batch")]
    NotRecognized(TalentRoundId),
    /// A first payment from a source above what the programme pays on signing.
    #[error(
        "the first payment of {amount} from {source_of_funds} is above the {first} paid on signing"
    )]
    FirstPaymentOver {
        /// Source.
        source_of_funds: FundingSource,
        /// Amount.
        amount: Yuan,
        /// The programme's first payment per source.
        first: Yuan,
        /// The programme's source.
        rule: Citation,
    },
}

fn years(y: Option<u32>) -> String {
    y.map_or_else(|| "no set length".to_owned(), |y| format!("{y} years"))
}

impl TalentRecord {
    /// The agreement held to its programme and its 认定: the programme in force with the
    /// same tier and name, its cycle, its most grant and its shares; the round that confirmed
    /// `talent` in that programme and batch, or a recorded document.
    fn check_against_programme<'c>(
        a: &Agreement,
        talent: TalentId,
        ctx: &RecordContext<'c>,
    ) -> Result<&'c ProgrammeDefinition, RecordError> {
        Self::check_agreement(a)?;
        let programme = ctx
            .programmes
            .iter()
            .find(|p| p.tier == a.tier && p.name == a.programme)
            .ok_or_else(|| RecordError::UnknownProgramme {
                tier: a.tier,
                name: a.programme.clone(),
            })?;
        if programme.cycle_years.is_some() && a.cycle_years != programme.cycle_years {
            return Err(RecordError::CycleDiffers {
                agreed: a.cycle_years,
                programme: programme.cycle_years,
                rule: programme.source.clone(),
            });
        }
        if let Some(plan) = &programme.funding {
            if a.grant > plan.max_grant {
                return Err(RecordError::OverProgrammeGrant {
                    grant: a.grant,
                    max: plan.max_grant,
                    rule: programme.source.clone(),
                });
            }
            let mut agreed = a.shares.clone();
            let mut planned = plan.shares.clone();
            agreed.sort();
            planned.sort();
            if a.grant > Yuan(0) && agreed != planned {
                return Err(RecordError::SharesDiffer {
                    rule: programme.source.clone(),
                });
            }
        }
        match &a.basis {
            TenureBasis::Round { round } => {
                let recognized = ctx.cohorts.get(*round).is_some_and(|c| {
                    c.tier == a.tier
                        && c.programme == a.programme
                        && c.batch == a.batch
                        && c.talents.contains(&talent)
                });
                if !recognized {
                    return Err(RecordError::NotRecognized(*round));
                }
            }
            TenureBasis::Recorded { document } => {
                if document.trim().is_empty() {
                    return Err(RecordError::Blank("document"));
                }
            }
        }
        Ok(programme)
    }

    fn check_agreement(a: &Agreement) -> Result<(), RecordError> {
        if a.grant == Yuan(0) && !a.shares.is_empty() {
            return Err(RecordError::InvalidAgreement(
                "a funded agreement needs a grant",
            ));
        }
        let total: u32 = a.shares.iter().map(|(_, s)| *s).sum();
        if !a.shares.is_empty() && total != 1000 {
            return Err(RecordError::InvalidAgreement(
                "funding shares must add up to 1000‰",
            ));
        }
        if a.cycle_years == Some(0) {
            return Err(RecordError::InvalidAgreement(
                "a cultivation period of zero years",
            ));
        }
        Ok(())
    }
}

/// Where a talent's record stands.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RecordStage {
    /// Not registered.
    #[default]
    NotRegistered,
    /// 在库: registered, no tenure in progress.
    Registered,
    /// 培养期: a tenure in progress.
    InTenure,
}

zugong_core::official_terms!(RecordStage, "人才档案状态 (record stage)", {
    NotRegistered => "未入库",
    Registered => "在库",
    InTenure => "培养期",
});

impl Refusal for RecordError {
    fn citation(&self) -> Citation {
        match self {
            Self::Authority(e) => e.citation(),
            Self::UnplacedInstitution(_) => zugong_core::citation::sources::ONE_LEVEL_DOWN_1984,
            Self::NotRecognized(_) => crate::programme::TOP_TALENT,
            Self::OverProgrammeGrant { rule, .. }
            | Self::SharesDiffer { rule }
            | Self::CycleDiffers { rule, .. }
            | Self::FirstPaymentOver { rule, .. } => rule.clone(),
            _ => crate::programme::TOP_TALENT,
        }
    }

    fn message(&self, language: Language) -> String {
        let (zh, en): (String, String) = match self {
            Self::Authority(e) => return e.message(language),
            Self::NotRegistered => (
                "该人才尚未建档".into(),
                "the talent is not registered".into(),
            ),
            Self::AlreadyRegistered => (
                "该人才已建档".into(),
                "the talent is already registered".into(),
            ),
            Self::UnplacedInstitution(_) => (
                "用人（依托）单位不在单位名录中，或找不到其所在党组织：先录入单位及其党组织".into(),
                "the employer is not a known institution with a Party organization over it: record the institution and its Party organization first".into(),
            ),
            Self::TenureInProgress(t) => (
                format!("{t}培养期尚未结束"),
                format!("a {t} tenure is in progress"),
            ),
            Self::NoTenure => (
                "当前没有在培养期内的项目".into(),
                "no tenure is in progress".into(),
            ),
            Self::InvalidAgreement(w) => (
                format!("培养协议不完整：{w}"),
                format!("invalid agreement: {w}"),
            ),
            Self::OverGrant {
                source_of_funds,
                amount,
                cap,
            } => (
                format!("从{source_of_funds}拨付 {amount} 将超过其所占资助份额 {cap}"),
                format!(
                    "paying {amount} from {source_of_funds} would exceed its share {cap} of the grant"
                ),
            ),
            Self::ZeroPayment => (
                "拨付金额须大于零".into(),
                "a payment needs a positive amount".into(),
            ),
            Self::Evaluation(w) => (
                format!("考核不能办理：{w}"),
                format!("evaluation refused: {w}"),
            ),
            Self::NotAPromotion { from, to } => (
                format!("{to}不高于{from}，不是晋升"),
                format!("{to} is not above {from}"),
            ),
            Self::Blank(field) => (
                format!("{field} 不能为空"),
                format!("{field} must not be blank"),
            ),
            Self::UnknownProgramme { tier, name } => (
                format!("没有正在实施的{tier}项目“{name}”：培养协议须写明所属项目"),
                format!("no programme {name:?} of tier {tier} is in force"),
            ),
            Self::OverProgrammeGrant { grant, max, .. } => (
                format!("资助经费 {grant} 超过项目上限 {max}"),
                format!("a grant of {grant} is above the programme's most, {max}"),
            ),
            Self::SharesDiffer { .. } => (
                "经费来源及比例与项目规定不一致".into(),
                "the funding shares are not the programme's".into(),
            ),
            Self::CycleDiffers {
                agreed, programme, ..
            } => (
                format!(
                    "培养周期 {} 年与项目规定的 {} 年不一致",
                    agreed.map_or("未定".to_owned(), |y| y.to_string()),
                    programme.map_or("未定".to_owned(), |y| y.to_string())
                ),
                format!(
                    "a cultivation period of {} where the programme's is {}",
                    years(*agreed),
                    years(*programme)
                ),
            ),
            Self::NotRecognized(_) => (
                "所引评选批次未认定该人才（或项目、批次不符）：培养期须自认定起".into(),
                "the round did not confirm the talent in this programme and batch".into(),
            ),
            Self::FirstPaymentOver {
                source_of_funds,
                amount,
                first,
                ..
            } => (
                format!("{source_of_funds}首次拨付 {amount} 超过协议签订后拨付的 {first}"),
                format!(
                    "the first payment of {amount} from {source_of_funds} is above the {first} paid on signing"
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

impl Lifecycle for TalentRecord {
    type Id = TalentId;
    type Stage = RecordStage;
    type Command = RecordCommand;
    type Event = RecordEvent;
    type Context<'c> = RecordContext<'c>;
    type Error = RecordError;

    fn stage(&self) -> RecordStage {
        self.stage_now()
    }

    fn opens(command: &Self::Command) -> bool {
        matches!(command, RecordCommand::Register { .. })
    }

    fn decide(
        &self,
        command: &RecordCommand,
        act: &Act,
        ctx: &RecordContext<'_>,
        _peers: &Peers<'_, Self>,
    ) -> Result<Vec<RecordEvent>, RecordError> {
        if let RecordCommand::Register {
            talent,
            name,
            birth_date,
            engagement,
        } = command
        {
            if self.talent.is_some() {
                return Err(RecordError::AlreadyRegistered);
            }
            if name.trim().is_empty() {
                return Err(RecordError::Blank("name"));
            }
            ctx.check_authority(act.authority(), engagement.institution())?;
            return Ok(vec![RecordEvent::Registered {
                talent: *talent,
                name: name.clone(),
                birth_date: *birth_date,
                engagement: engagement.clone(),
            }]);
        }
        let institution = self
            .engagement
            .as_ref()
            .map(Engagement::institution)
            .ok_or(RecordError::NotRegistered)?;
        ctx.check_authority(act.authority(), institution)?;
        let on = act.day();
        match command {
            RecordCommand::Register { .. } => Err(RecordError::AlreadyRegistered),
            RecordCommand::Start(a) => {
                if let Some(t) = self.tier() {
                    return Err(RecordError::TenureInProgress(t));
                }
                let talent = self.talent.ok_or(RecordError::NotRegistered)?;
                Self::check_against_programme(a, talent, ctx)?;
                Ok(vec![RecordEvent::Started(a.clone())])
            }
            RecordCommand::Pay { source, amount } => {
                let t = self.active().ok_or(RecordError::NoTenure)?;
                if *amount == Yuan(0) {
                    return Err(RecordError::ZeroPayment);
                }
                let cap = t.source_cap(*source);
                let paid = t.paid.get(source).copied().unwrap_or_default();
                // The first tranche of each source: at most what the programme pays on signing.
                let programme = ctx
                    .programmes
                    .iter()
                    .find(|p| p.tier == t.agreement.tier && p.name == t.agreement.programme);
                let first = programme
                    .and_then(|p| p.funding.as_ref())
                    .and_then(|f| f.first_payment_per_source);
                if let (Some(first), Some(p)) = (first, programme)
                    && paid == Yuan(0)
                    && *amount > first
                {
                    return Err(RecordError::FirstPaymentOver {
                        source_of_funds: *source,
                        amount: *amount,
                        first,
                        rule: p.source.clone(),
                    });
                }
                if paid.0.saturating_add(amount.0) > cap.0 {
                    return Err(RecordError::OverGrant {
                        source_of_funds: *source,
                        amount: *amount,
                        cap,
                    });
                }
                Ok(vec![RecordEvent::Paid {
                    source: *source,
                    amount: *amount,
                    on,
                }])
            }
            RecordCommand::Evaluate { kind, outcome } => {
                let t = self.active().ok_or(RecordError::NoTenure)?;
                match (kind, outcome) {
                    (EvaluationKind::MidTerm, EvaluationOutcome::Graduate) => {
                        return Err(RecordError::Evaluation(
                            "a mid-term evaluation cannot graduate",
                        ));
                    }
                    (
                        EvaluationKind::Final,
                        EvaluationOutcome::Continue | EvaluationOutcome::Warn,
                    ) => {
                        return Err(RecordError::Evaluation(
                            "a final evaluation graduates or terminates",
                        ));
                    }
                    (EvaluationKind::Final, _) if t.ends_on().is_some_and(|end| on < end) => {
                        return Err(RecordError::Evaluation(
                            "the cultivation period has not ended",
                        ));
                    }
                    _ => {}
                }
                let mut events = vec![RecordEvent::Evaluated {
                    on,
                    kind: *kind,
                    outcome: *outcome,
                }];
                let how = match outcome {
                    EvaluationOutcome::Terminate => Some(TenureEnd::Terminated),
                    EvaluationOutcome::Graduate => Some(TenureEnd::Graduated),
                    _ => None,
                };
                if let Some(how) = how {
                    events.push(RecordEvent::Ended {
                        on,
                        how,
                        reason: outcome.to_string(),
                    });
                }
                Ok(events)
            }
            RecordCommand::Promote(a) => {
                let from = self
                    .tier()
                    .or_else(|| {
                        self.tenures
                            .last()
                            .filter(|t| matches!(t.ended, Some((_, TenureEnd::Graduated))))
                            .map(|t| t.agreement.tier)
                    })
                    .ok_or(RecordError::NoTenure)?;
                if a.tier <= from {
                    return Err(RecordError::NotAPromotion { from, to: a.tier });
                }
                let talent = self.talent.ok_or(RecordError::NotRegistered)?;
                Self::check_against_programme(a, talent, ctx)?;
                let mut events = Vec::new();
                if self.active().is_some() {
                    events.push(RecordEvent::Ended {
                        on,
                        how: TenureEnd::Promoted,
                        reason: format!("晋升为{}", a.tier),
                    });
                }
                events.push(RecordEvent::Started(a.clone()));
                Ok(events)
            }
            RecordCommand::Exit { reason } => {
                self.active().ok_or(RecordError::NoTenure)?;
                if reason.trim().is_empty() {
                    return Err(RecordError::Blank("reason"));
                }
                Ok(vec![RecordEvent::Ended {
                    on,
                    how: TenureEnd::Exited,
                    reason: reason.clone(),
                }])
            }
            RecordCommand::RecordTitle { title, series } => {
                if series.trim().is_empty() {
                    return Err(RecordError::Blank("series"));
                }
                Ok(vec![RecordEvent::TitleRecorded {
                    title: *title,
                    series: series.clone(),
                    on,
                }])
            }
        }
    }

    fn apply(&mut self, event: &RecordEvent, _: &Applying) {
        match event {
            RecordEvent::Registered {
                talent,
                name,
                birth_date,
                engagement,
            } => {
                self.talent = Some(*talent);
                self.name = name.clone();
                self.birth_date = Some(*birth_date);
                self.engagement = Some(engagement.clone());
            }
            RecordEvent::Started(a) => self.tenures.push(Tenure {
                agreement: a.clone(),
                paid: BTreeMap::new(),
                evaluations: Vec::new(),
                ended: None,
            }),
            RecordEvent::Paid { source, amount, .. } => {
                if let Some(t) = self.tenures.last_mut().filter(|t| t.ended.is_none()) {
                    let p = t.paid.entry(*source).or_default();
                    p.0 = p.0.saturating_add(amount.0);
                }
            }
            RecordEvent::Evaluated { on, kind, outcome } => {
                if let Some(t) = self.tenures.last_mut().filter(|t| t.ended.is_none()) {
                    t.evaluations.push((*on, *kind, *outcome));
                }
            }
            RecordEvent::Ended { on, how, .. } => {
                if let Some(t) = self.tenures.last_mut().filter(|t| t.ended.is_none()) {
                    t.ended = Some((*on, *how));
                }
            }
            RecordEvent::TitleRecorded { title, series, on } => {
                self.title = Some((*title, series.clone(), *on))
            }
        }
    }
}
