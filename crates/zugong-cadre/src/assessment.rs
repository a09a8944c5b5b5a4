//! Annual assessment (年度考核): grades, the 优秀 cap, cases that cannot be graded, and what
//! each grade leads to.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use thiserror::Error;
use zugong_core::journal::{Act, Applying, Language, Lifecycle, Peers, Refusal};
use zugong_core::policy::{Policy, PolicyError};
use zugong_core::{
    AssessmentRoundId, AuthorityError, CadreId, Citation, InstitutionKind, InstitutionRegistry,
    ManagementList, OrgTree, PostHolder, SourceStatus,
};

/// 《公务员法》 第三十八条: four grades.
const LAW_ART_38: Citation = Citation::new(
    "《中华人民共和国公务员法》(2018)",
    "第三十八条",
    SourceStatus::Confirmed,
);
/// 《公务员法》 第五十条第二款: 不称职 → one level down.
const LAW_ART_50: Citation = Citation::new(
    "《中华人民共和国公务员法》(2018)",
    "第五十条第二款",
    SourceStatus::Confirmed,
);
/// 《公务员法》 第八十八条、第八十九条: two 不称职 years → dismissal, with protected cases.
const LAW_ART_88_89: Citation = Citation::new(
    "《中华人民共和国公务员法》(2018)",
    "第八十八条、第八十九条",
    SourceStatus::Confirmed,
);
/// 《公务员考核规定》 (2020): the cap and the consequences.
const RULES_2020: Citation = Citation::new(
    "《公务员考核规定》(2020)",
    "第十二条、第十九条至第二十二条",
    SourceStatus::Secondary,
);

/// 考核等次.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AssessmentGrade {
    /// 不称职.
    Incompetent,
    /// 基本称职.
    BasicallyCompetent,
    /// 称职.
    Competent,
    /// 优秀.
    Excellent,
}

zugong_core::official_terms!(AssessmentGrade, "考核等次 (assessment grade)", {
    Excellent => "优秀",
    Competent => "称职",
    BasicallyCompetent => "基本称职",
    Incompetent => "不称职",
});

/// A year's result: a grade, or 不定等次 (comment only, during certain sanctions).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AssessmentOutcome {
    /// A grade.
    Graded(AssessmentGrade),
    /// 不定等次.
    Ungraded,
}

/// What limits a cadre's grade this year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GradeRestriction {
    /// None.
    None,
    /// 受警告处分的当年: may not be 优秀.
    WarningSanction,
    /// 受记过、记大过、降级、撤职处分期间: 只写评语，不定等次.
    HeavierSanction,
    /// 无正当理由不参加年度考核: 不称职.
    RefusedToTakePart,
}

/// Which regime's cap applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AssessmentRegime {
    /// 公务员: 20%, up to 25% with approval (2020).
    CivilServant,
    /// 事业单位工作人员: 15%, up to 20%.
    PublicInstitution,
}

impl AssessmentRegime {
    /// The regime of an institution's staff: 事业单位 and 高等学校 assess under the 事业单位
    /// rules; every other kind (机关, and for want of a rule of their own, enterprises,
    /// villages and social organizations) under the civil-service rules, whose cap is the
    /// stricter of the two only in part — a province sets its own for the others.
    #[must_use]
    pub fn of(kind: &InstitutionKind) -> Self {
        match kind {
            InstitutionKind::PublicInstitution | InstitutionKind::University => {
                Self::PublicInstitution
            }
            _ => Self::CivilServant,
        }
    }
}

/// How a share of a headcount becomes a whole number of people.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rounding {
    /// Round down (the default: the cap is never exceeded).
    Down,
    /// Round half up.
    Nearest,
    /// Round up.
    Up,
}

/// The assessment rules' numbers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(remote = "Self")]
pub struct AssessmentPolicy {
    /// 优秀 share, generally, per-mille: 200 (公务员, 2020).
    pub excellent_cap_permille: u32,
    /// 优秀 share with the approval of the 同级公务员主管部门, per-mille: 250.
    pub excellent_max_permille: u32,
    /// How the cap is rounded.
    ///
    /// # Provisional
    /// The regulation gives a percentage; rounding down is zugong's default.
    pub rounding: Rounding,
    /// Consecutive 优秀 years that earn a 三等功 (2020 Art 19): 3.
    pub merit_after_excellent_years: u32,
    /// Cumulative 称职以上 years for one 档次 (2020 Art 20): 2.
    pub step_after_years: u32,
    /// Cumulative 称职以上 years for one 级别 (2020 Art 20): 5.
    pub level_after_years: u32,
    /// Consecutive 不称职 years that lead to dismissal (公务员法 第八十八条): 2, and only 2: the
    /// law's figure protects the civil servant as much as it binds.
    pub dismissal_after_incompetent_years: u32,
}

zugong_core::validated_policy_serde!(AssessmentPolicy);

impl AssessmentPolicy {
    /// The defaults of a regime.
    #[must_use]
    pub fn for_regime(regime: AssessmentRegime) -> Self {
        let (cap, max) = match regime {
            AssessmentRegime::CivilServant => (200, 250),
            AssessmentRegime::PublicInstitution => (150, 200),
        };
        Self {
            excellent_cap_permille: cap,
            excellent_max_permille: max,
            rounding: Rounding::Down,
            merit_after_excellent_years: 3,
            step_after_years: 2,
            level_after_years: 5,
            dismissal_after_incompetent_years: 2,
        }
    }

    /// The most 优秀 grades among `headcount` people, with or without the approval.
    #[must_use]
    pub fn excellent_cap(&self, headcount: u32, approved_higher: bool) -> u32 {
        let permille = if approved_higher {
            self.excellent_max_permille
        } else {
            self.excellent_cap_permille
        };
        let scaled = u64::from(headcount) * u64::from(permille);
        let whole = match self.rounding {
            Rounding::Down => scaled / 1000,
            Rounding::Nearest => (scaled + 500) / 1000,
            Rounding::Up => scaled.div_ceil(1000),
        };
        u32::try_from(whole).unwrap_or(u32::MAX)
    }
}

impl Default for AssessmentPolicy {
    fn default() -> Self {
        Self::for_regime(AssessmentRegime::CivilServant)
    }
}

impl Policy for AssessmentPolicy {
    fn citations(&self) -> Vec<(&'static str, Citation)> {
        vec![
            ("grades", LAW_ART_38),
            ("excellent_cap_permille", RULES_2020),
            ("excellent_max_permille", RULES_2020),
            ("merit_after_excellent_years", RULES_2020),
            ("step_after_years", RULES_2020),
            ("level_after_years", RULES_2020),
            ("dismissal_after_incompetent_years", LAW_ART_88_89),
        ]
    }

    fn validate(&self) -> Result<(), PolicyError> {
        // The civil servants' shares are the loosest national figures: a 事业单位's policy
        // (15%/20%, `for_regime`) is tighter and passes too.
        let national = Self::default();
        PolicyError::at_most(
            "excellent_cap_permille",
            self.excellent_cap_permille,
            national.excellent_cap_permille,
            RULES_2020,
        )?;
        PolicyError::at_most(
            "excellent_max_permille",
            self.excellent_max_permille,
            national.excellent_max_permille,
            RULES_2020,
        )?;
        if self.excellent_cap_permille > self.excellent_max_permille {
            return Err(PolicyError::Invalid {
                field: "excellent_cap_permille",
                reason: format!(
                    "{}‰ and {}‰ must satisfy cap ≤ max",
                    self.excellent_cap_permille, self.excellent_max_permille
                ),
            });
        }
        PolicyError::within(
            "merit_after_excellent_years",
            self.merit_after_excellent_years,
            national.merit_after_excellent_years,
            u32::MAX,
        )?;
        PolicyError::at_least(
            "step_after_years",
            self.step_after_years,
            national.step_after_years,
            RULES_2020,
        )?;
        PolicyError::at_least(
            "level_after_years",
            self.level_after_years,
            national.level_after_years,
            RULES_2020,
        )?;
        PolicyError::within(
            "dismissal_after_incompetent_years",
            self.dismissal_after_incompetent_years,
            national.dismissal_after_incompetent_years,
            national.dismissal_after_incompetent_years,
        )?;
        Ok(())
    }
}

/// 年度考核: one holder's assessment of one year (a 单位's staff, or a Party committee's or
/// 党组's members), built from its events. The 优秀 cap counts the holder's staff under the
/// regime of its institution ([`AssessmentRegime::of`]).
///
/// A year-end assessment and its consequences:
///
/// ```
/// use chrono::NaiveDate;
/// use zugong_cadre::*;
/// use zugong_core::journal::{Act, Journal};
/// use zugong_core::*;
///
/// let id = |n: u128| OrgUnitId::from_uuid(uuid::Uuid::from_u128(n));
/// let area: DivisionCode = "640121".parse()?;
/// let bureau = InstitutionId::from_uuid(uuid::Uuid::from_u128(2));
/// let registry = InstitutionRegistry::from_institutions(vec![
///     Institution::new(bureau, "永宁县教育局", InstitutionKind::GovernmentDepartment, area),
/// ])?;
/// let tree = OrgTree::from_units(vec![
///     OrgUnit::new(id(1), "中共永宁县委员会", OrgKind::Committee, AdminLevel::County).with_division(area),
/// ])?;
/// // The county committee manages the bureau's leaders, and keeps its assessment.
/// let holder = PostHolder::Institution(bureau);
/// let management = ManagementList::one_level_down(&tree, &registry, &JurisdictionPolicy::default(),
///     [(holder, LeadershipRank::TownshipSectionChief)]);
/// let dept = Authority::organization_department(id(1));
/// let policy = AssessmentPolicy::default();
/// let public = AssessmentPolicy::for_regime(AssessmentRegime::PublicInstitution);
/// let ctx = AssessmentContext { tree: &tree, registry: &registry, management: &management,
///     civil_service: &policy, public_institution: &public };
/// let day = NaiveDate::from_ymd_opt(2026, 12, 28).unwrap();
/// let clerk = ActorId::from_uuid(uuid::Uuid::nil());
/// let act = |step| Act::on_day(day, step, clerk, dept);
/// let staff: Vec<CadreId> = (1..=10).map(|n| CadreId::from_uuid(uuid::Uuid::from_u128(n))).collect();
/// let round = AssessmentRoundId::from_uuid(uuid::Uuid::from_u128(50));
/// let mut journal = Journal::<AssessmentRound>::new();
/// let open = AssessmentCommand::Open { holder, year: 2026, staff: staff.clone(), higher_cap_approval: None };
/// journal.execute(round, open, act(0), "年度考核", &ctx)?;
/// let excellent = |c: CadreId| AssessmentCommand::Grade { cadre: c, grade: AssessmentGrade::Excellent, restriction: GradeRestriction::None };
/// journal.execute(round, excellent(staff[0]), act(1), "年度考核", &ctx)?;
/// // 20% of 10 is two 优秀; a third is refused.
/// journal.execute(round, excellent(staff[1]), act(2), "年度考核", &ctx)?;
/// assert!(journal.execute(round, excellent(staff[2]), act(3), "年度考核", &ctx).is_err());
/// let state = journal.state(round).unwrap();
///
/// // The first cadre's third 优秀 in a row: 嘉奖 and a 三等功.
/// let g = AssessmentOutcome::Graded;
/// let history = [g(AssessmentGrade::Excellent), g(AssessmentGrade::Excellent), state.results()[&staff[0]]];
/// let c = consequences(&history, DismissalProtection::default(), &policy);
/// assert!(c.contains(&Consequence::Commendation) && c.contains(&Consequence::ThirdClassMerit));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct AssessmentRound {
    holder: Option<PostHolder>,
    year: i32,
    staff: Vec<CadreId>,
    higher_cap_approval: Option<String>,
    results: BTreeMap<CadreId, AssessmentOutcome>,
    closed: bool,
}

impl AssessmentRound {
    /// The 单位 (or committee, or 党组) whose staff are assessed.
    #[must_use]
    pub fn holder(&self) -> Option<PostHolder> {
        self.holder
    }
    /// The year.
    #[must_use]
    pub fn year(&self) -> i32 {
        self.year
    }
    /// Results so far.
    #[must_use]
    pub fn results(&self) -> &BTreeMap<CadreId, AssessmentOutcome> {
        &self.results
    }
    /// Whether the round is closed.
    #[must_use]
    pub fn is_closed(&self) -> bool {
        self.closed
    }
    /// 优秀 grades given.
    #[must_use]
    pub fn excellent_count(&self) -> u32 {
        let n = self
            .results
            .values()
            .filter(|o| **o == AssessmentOutcome::Graded(AssessmentGrade::Excellent))
            .count();
        u32::try_from(n).unwrap_or(u32::MAX)
    }
}

/// What may be asked of an assessment round.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AssessmentCommand {
    /// Open the round for a holder's staff.
    Open {
        /// The 单位, Party committee or 党组 whose staff are assessed.
        holder: PostHolder,
        /// The year.
        year: i32,
        /// Everyone assessed.
        staff: Vec<CadreId>,
        /// The approval (document number) for the higher 优秀 share, if granted.
        higher_cap_approval: Option<String>,
    },
    /// Record a result.
    Grade {
        /// The cadre.
        cadre: CadreId,
        /// The grade proposed.
        grade: AssessmentGrade,
        /// What limits it this year.
        restriction: GradeRestriction,
    },
    /// Close the round: everyone must have a result.
    Close,
}

/// What happened in an assessment round.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AssessmentEvent {
    /// Opened.
    Opened {
        /// The holder.
        holder: PostHolder,
        /// Year.
        year: i32,
        /// Staff.
        staff: Vec<CadreId>,
        /// Approval for the higher share.
        higher_cap_approval: Option<String>,
    },
    /// A result.
    Graded {
        /// Cadre.
        cadre: CadreId,
        /// Outcome.
        outcome: AssessmentOutcome,
    },
    /// Closed.
    Closed,
}

/// What the assessment rules need: the trees, the management list (the committee that
/// keeps a holder's assessment, [`ManagementList::keeper`]) and the numbers of each regime.
#[derive(Debug, Clone, Copy)]
pub struct AssessmentContext<'c> {
    /// The Party tree.
    pub tree: &'c OrgTree,
    /// The 单位 registry (an institution's kind picks its regime).
    pub registry: &'c InstitutionRegistry,
    /// 干部管理权限.
    pub management: &'c ManagementList,
    /// The numbers for 公务员 (机关 and the kinds without a rule of their own).
    pub civil_service: &'c AssessmentPolicy,
    /// The numbers for 事业单位 staff.
    pub public_institution: &'c AssessmentPolicy,
}

impl AssessmentContext<'_> {
    /// The policy of `holder`'s regime: a committee's or 党组's members, and a 单位 the
    /// registry does not hold, are assessed as civil servants.
    #[must_use]
    pub fn policy(&self, holder: PostHolder) -> &AssessmentPolicy {
        let regime = holder
            .institution()
            .and_then(|i| self.registry.get(i))
            .map_or(AssessmentRegime::CivilServant, |i| {
                AssessmentRegime::of(&i.kind)
            });
        match regime {
            AssessmentRegime::CivilServant => self.civil_service,
            AssessmentRegime::PublicInstitution => self.public_institution,
        }
    }

    fn check_authority(
        &self,
        authority: zugong_core::Authority,
        holder: PostHolder,
    ) -> Result<(), AssessmentError> {
        let keeper = self
            .management
            .keeper(holder, None)
            .ok_or(AssessmentError::NotListed(holder))?;
        authority.check_unit(self.tree, keeper)?;
        Ok(())
    }
}

/// An assessment command refused.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum AssessmentError {
    /// Not opened.
    #[error("the assessment round has not been opened")]
    NotOpened,
    /// Opened twice.
    #[error("the assessment round is already open")]
    AlreadyOpened,
    /// Closed.
    #[error("the assessment round is closed")]
    Closed,
    /// Someone not on the staff list.
    #[error("{0} is not assessed in this round")]
    NotOnStaff(CadreId),
    /// Graded twice.
    #[error("{0} already has a result")]
    AlreadyGraded(CadreId),
    /// Above the 优秀 cap.
    #[error("优秀 is capped at {cap} of {headcount} ({})", RULES_2020)]
    ExcellentCapReached {
        /// Cap.
        cap: u32,
        /// Headcount.
        headcount: u32,
    },
    /// 优秀 in a year with a 警告 sanction.
    #[error(
        "a cadre under a 警告 sanction this year may not be 优秀 ({})",
        RULES_2020
    )]
    ExcellentBarred(CadreId),
    /// Closing with someone unassessed.
    #[error("{0} has no result")]
    Missing(CadreId),
    /// Authority refused.
    #[error("authority refused: {0}")]
    Authority(#[from] AuthorityError),
    /// A 单位 no row of the management list covers: nobody is known to keep its assessment.
    #[error("no row of the management list covers the institution: list its posts first")]
    NotListed(PostHolder),
}

/// Where an assessment round stands.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AssessmentStage {
    /// Not opened.
    #[default]
    NotOpened,
    /// 考核中: opened, results being recorded.
    Open,
    /// 已结束: every result recorded and the round closed.
    Closed,
}

zugong_core::official_terms!(AssessmentStage, "考核环节 (assessment stage)", {
    NotOpened => "未开始",
    Open => "考核中",
    Closed => "已结束",
});

impl AssessmentRound {
    fn stage_now(&self) -> AssessmentStage {
        match (self.holder, self.closed) {
            (None, _) => AssessmentStage::NotOpened,
            (Some(_), false) => AssessmentStage::Open,
            (Some(_), true) => AssessmentStage::Closed,
        }
    }
}

impl Refusal for AssessmentError {
    fn citation(&self) -> Citation {
        match self {
            Self::Authority(e) => e.citation(),
            Self::NotListed(_) => zugong_core::ManagementError::NotListed.citation(),
            _ => RULES_2020,
        }
    }

    fn message(&self, language: Language) -> String {
        let (zh, en): (String, String) = match self {
            Self::Authority(e) => return e.message(language),
            Self::NotListed(_) => (
                "干部职务名称表未列该单位职务，无法确定由谁组织考核：先列入名称表".into(),
                "no row of the management list covers the institution: list its posts first".into(),
            ),
            Self::NotOpened => (
                "年度考核尚未启动：先启动考核".into(),
                "the assessment round has not been opened: open it first".into(),
            ),
            Self::AlreadyOpened => (
                "本年度考核已启动".into(),
                "the assessment round is already open".into(),
            ),
            Self::Closed => (
                "考核已结束，不能再确定等次".into(),
                "the assessment round is closed".into(),
            ),
            Self::NotOnStaff(_) => (
                "该干部不在本次考核名单中".into(),
                "the cadre is not assessed in this round".into(),
            ),
            Self::AlreadyGraded(_) => (
                "该干部已确定等次".into(),
                "the cadre already has a result".into(),
            ),
            Self::ExcellentCapReached { cap, headcount } => (
                format!(
                    "优秀等次人数不超过参加考核的 {headcount} 人的规定比例（至多 {cap} 名），名额已满：确定为称职及以下等次"
                ),
                format!("优秀 is capped at {cap} of {headcount}, all taken: grade 称职 or below"),
            ),
            Self::ExcellentBarred(_) => (
                "受警告处分当年不得确定为优秀等次".into(),
                "a cadre under a 警告 sanction this year may not be 优秀".into(),
            ),
            Self::Missing(_) => (
                "尚有干部未确定等次：全部确定后方可结束考核".into(),
                "a cadre has no result: grade everyone before closing".into(),
            ),
        };
        let cite = self.citation();
        match language {
            Language::Chinese => format!("{zh}（{cite}）"),
            Language::English => format!("{en} ({cite})"),
        }
    }
}

impl Lifecycle for AssessmentRound {
    type Id = AssessmentRoundId;
    type Stage = AssessmentStage;
    type Command = AssessmentCommand;
    type Event = AssessmentEvent;
    type Context<'c> = AssessmentContext<'c>;
    type Error = AssessmentError;

    fn stage(&self) -> AssessmentStage {
        self.stage_now()
    }

    fn opens(command: &Self::Command) -> bool {
        matches!(command, AssessmentCommand::Open { .. })
    }

    fn decide(
        &self,
        command: &AssessmentCommand,
        act: &Act,
        ctx: &AssessmentContext<'_>,
        _peers: &Peers<'_, Self>,
    ) -> Result<Vec<AssessmentEvent>, AssessmentError> {
        if let AssessmentCommand::Open {
            holder,
            year,
            staff,
            higher_cap_approval,
        } = command
        {
            if self.holder.is_some() {
                return Err(AssessmentError::AlreadyOpened);
            }
            ctx.check_authority(act.authority(), *holder)?;
            return Ok(vec![AssessmentEvent::Opened {
                holder: *holder,
                year: *year,
                staff: staff.clone(),
                higher_cap_approval: higher_cap_approval.clone(),
            }]);
        }
        let holder = self.holder.ok_or(AssessmentError::NotOpened)?;
        ctx.check_authority(act.authority(), holder)?;
        if self.closed {
            return Err(AssessmentError::Closed);
        }
        match command {
            AssessmentCommand::Open { .. } => Err(AssessmentError::AlreadyOpened),
            AssessmentCommand::Grade {
                cadre,
                grade,
                restriction,
            } => {
                if !self.staff.contains(cadre) {
                    return Err(AssessmentError::NotOnStaff(*cadre));
                }
                if self.results.contains_key(cadre) {
                    return Err(AssessmentError::AlreadyGraded(*cadre));
                }
                let outcome = match restriction {
                    GradeRestriction::HeavierSanction => AssessmentOutcome::Ungraded,
                    GradeRestriction::RefusedToTakePart => {
                        AssessmentOutcome::Graded(AssessmentGrade::Incompetent)
                    }
                    GradeRestriction::WarningSanction if *grade == AssessmentGrade::Excellent => {
                        return Err(AssessmentError::ExcellentBarred(*cadre));
                    }
                    _ => AssessmentOutcome::Graded(*grade),
                };
                if outcome == AssessmentOutcome::Graded(AssessmentGrade::Excellent) {
                    let headcount = u32::try_from(self.staff.len()).unwrap_or(u32::MAX);
                    let cap = ctx
                        .policy(holder)
                        .excellent_cap(headcount, self.higher_cap_approval.is_some());
                    if self.excellent_count() >= cap {
                        return Err(AssessmentError::ExcellentCapReached { cap, headcount });
                    }
                }
                Ok(vec![AssessmentEvent::Graded {
                    cadre: *cadre,
                    outcome,
                }])
            }
            AssessmentCommand::Close => {
                if let Some(c) = self.staff.iter().find(|c| !self.results.contains_key(c)) {
                    return Err(AssessmentError::Missing(*c));
                }
                Ok(vec![AssessmentEvent::Closed])
            }
        }
    }

    fn apply(&mut self, event: &AssessmentEvent, _: &Applying) {
        match event {
            AssessmentEvent::Opened {
                holder,
                year,
                staff,
                higher_cap_approval,
            } => {
                self.holder = Some(*holder);
                self.year = *year;
                self.staff = staff.clone();
                self.higher_cap_approval = higher_cap_approval.clone();
            }
            AssessmentEvent::Graded { cadre, outcome } => {
                self.results.insert(*cadre, *outcome);
            }
            AssessmentEvent::Closed => self.closed = true,
        }
    }
}

/// What a cadre's record of years leads to in the latest year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Consequence {
    /// 优秀: 嘉奖 and six months off the wait for the next 职级 (2020 Art 19(一)).
    Commendation,
    /// Three 优秀 years in a row: 三等功 (2020 Art 19(二)).
    ThirdClassMerit,
    /// 称职以上 years reached another multiple of two: one 工资档次 (2020 Art 20).
    SalaryStep,
    /// 称职以上 years reached another multiple of five: one 级别 (2020 Art 20).
    SalaryLevel,
    /// 基本称职: 诫勉; the year does not count for promotion or pay (2020 Art 21).
    Admonition,
    /// 不称职: down one 职务 or 职级 level (公务员法 第五十条).
    Demotion,
    /// Two 不称职 years in a row: dismissal (公务员法 第八十八条).
    Dismissal,
    /// Dismissal barred (公务员法 第八十九条): 因公致残, 医疗期, 孕期、产假、哺乳期.
    DismissalBarred,
}

impl Consequence {
    /// The rule.
    #[must_use]
    pub fn citation(&self) -> Citation {
        match self {
            Self::Demotion => LAW_ART_50,
            Self::Dismissal | Self::DismissalBarred => LAW_ART_88_89,
            Self::Commendation
            | Self::ThirdClassMerit
            | Self::SalaryStep
            | Self::SalaryLevel
            | Self::Admonition => RULES_2020,
        }
    }
}

/// Whether the cadre is in a case where dismissal is barred (公务员法 第八十九条).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DismissalProtection {
    /// 因公致残，被确认丧失或者部分丧失工作能力.
    pub disabled_on_duty: bool,
    /// 患病或者负伤，在规定的医疗期内.
    pub in_medical_period: bool,
    /// 女性在孕期、产假、哺乳期内.
    pub pregnancy_or_nursing: bool,
}

/// Years that count toward promotion and pay: graded 称职 or 优秀 (基本称职, 不称职 and
/// 不定等次 years do not count; 2020 Art 20–21).
#[must_use]
pub fn counts_toward_seniority(outcome: AssessmentOutcome) -> bool {
    matches!(outcome, AssessmentOutcome::Graded(g) if g >= AssessmentGrade::Competent)
}

/// What the latest year of `history` (years in order, oldest first) leads to.
///
/// ```
/// use zugong_cadre::*;
/// use AssessmentGrade::*;
/// let policy = AssessmentPolicy::default();
/// let g = AssessmentOutcome::Graded;
/// let three = [g(Excellent), g(Excellent), g(Excellent)];
/// assert!(consequences(&three, DismissalProtection::default(), &policy).contains(&Consequence::ThirdClassMerit));
/// let twice = [g(Incompetent), g(Incompetent)];
/// assert!(consequences(&twice, DismissalProtection::default(), &policy).contains(&Consequence::Dismissal));
/// ```
#[must_use]
pub fn consequences(
    history: &[AssessmentOutcome],
    protection: DismissalProtection,
    policy: &AssessmentPolicy,
) -> Vec<Consequence> {
    let Some(last) = history.last() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let run = |grade: AssessmentGrade| {
        history
            .iter()
            .rev()
            .take_while(|o| **o == AssessmentOutcome::Graded(grade))
            .count()
    };
    let run_len = |grade| u32::try_from(run(grade)).unwrap_or(u32::MAX);
    match last {
        AssessmentOutcome::Graded(AssessmentGrade::Excellent) => {
            out.push(Consequence::Commendation);
            let n = run_len(AssessmentGrade::Excellent);
            if policy.merit_after_excellent_years > 0
                && n > 0
                && n.is_multiple_of(policy.merit_after_excellent_years)
            {
                out.push(Consequence::ThirdClassMerit);
            }
        }
        AssessmentOutcome::Graded(AssessmentGrade::BasicallyCompetent) => {
            out.push(Consequence::Admonition)
        }
        AssessmentOutcome::Graded(AssessmentGrade::Incompetent) => {
            let n = run_len(AssessmentGrade::Incompetent);
            if n >= policy.dismissal_after_incompetent_years {
                let protected = protection.disabled_on_duty
                    || protection.in_medical_period
                    || protection.pregnancy_or_nursing;
                out.push(if protected {
                    Consequence::DismissalBarred
                } else {
                    Consequence::Dismissal
                });
            } else {
                out.push(Consequence::Demotion);
            }
        }
        _ => {}
    }
    if counts_toward_seniority(*last) {
        let counted = u32::try_from(
            history
                .iter()
                .filter(|o| counts_toward_seniority(**o))
                .count(),
        )
        .unwrap_or(u32::MAX);
        if policy.step_after_years > 0 && counted.is_multiple_of(policy.step_after_years) {
            out.push(Consequence::SalaryStep);
        }
        if policy.level_after_years > 0 && counted.is_multiple_of(policy.level_after_years) {
            out.push(Consequence::SalaryLevel);
        }
    }
    out
}
