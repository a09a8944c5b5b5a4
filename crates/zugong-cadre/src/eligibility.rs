//! Eligibility for promotion (基本资格, Art 8) and the exceptional path (破格提拔, Art 9).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use zugong_core::dates::{add_years, completed_months, completed_years};
use zugong_core::{
    AdminLevel, CadreId, Citation, CivilServiceGrade, EducationLevel, InstitutionKind,
    InstitutionRegistry, LeadershipRank, OrgKind, OrgTree, OrgUnit, PostHolder, PostSeniority,
    RankLevel, RankOrGrade,
};

use crate::SelectionPolicy;
use crate::policy::{
    ART_8_1, ART_8_2, ART_8_3, ART_8_4, ART_8_5, ART_9, CONSTITUTION_ART_27, TOWNSHIP_STEPS,
};

/// A post held in a cadre's career.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostHeld {
    /// The rank or grade of the post.
    pub rank: RankOrGrade,
    /// From.
    pub from: NaiveDate,
    /// Until (`None`: held now).
    pub until: Option<NaiveDate>,
    /// Whether it was reached by 破格 on 任职年限.
    pub exceptional_on_years: bool,
    /// End of its 试用期, if it had one.
    pub probation_until: Option<NaiveDate>,
}

/// What the eligibility rules read about a cadre. Training comes from the training records
/// (zugong-training's requirement check), passed in as a plain answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CadreProfile {
    /// The cadre.
    pub cadre: CadreId,
    /// Recognised birth date.
    pub birth_date: NaiveDate,
    /// Recognised work start (工龄).
    pub work_started_on: NaiveDate,
    /// Months of grassroots work experience (基层工作经历).
    pub grassroots_months: u32,
    /// Highest 学历.
    pub education: Option<EducationLevel>,
    /// Full Party membership since (党龄).
    pub full_member_since: Option<NaiveDate>,
    /// Posts held, oldest first.
    pub posts: Vec<PostHeld>,
    /// 培训记录: the training credited (第八条(五) reads them against 第十四条's figures,
    /// [`crate::training_met`]).
    #[serde(default)]
    pub training: Vec<crate::TrainingCredit>,
    /// 体检: the health examinations on file (第八条(六) reads the latest on the day).
    #[serde(default)]
    pub health: Vec<crate::HealthExamination>,
    /// 资格证书: the qualifications obtained (第八条(七) reads them against the post's
    /// [`crate::Post::required_qualifications`]).
    #[serde(default)]
    pub qualifications: Vec<crate::Qualification>,
}

impl CadreProfile {
    /// The profile as it stood on `on`: posts taken up later dropped, posts left later still
    /// held. Every rule reads a profile as of its day, so a step re-decided after the cadre's
    /// next appointment gives the answer it gave on its day.
    #[must_use]
    pub fn as_of(&self, on: NaiveDate) -> Self {
        let posts = self
            .posts
            .iter()
            .filter(|p| p.from <= on)
            .map(|p| PostHeld {
                until: p.until.filter(|u| *u <= on),
                ..p.clone()
            })
            .collect();
        Self {
            posts,
            full_member_since: self.full_member_since.filter(|s| *s <= on),
            health: self
                .health
                .iter()
                .filter(|e| e.examined_on <= on)
                .copied()
                .collect(),
            qualifications: self
                .qualifications
                .iter()
                .filter(|q| q.obtained_on <= on)
                .copied()
                .collect(),
            ..self.clone()
        }
    }

    /// The leadership post held now (the highest, if several).
    #[must_use]
    pub fn current_post(&self) -> Option<&PostHeld> {
        self.posts
            .iter()
            .filter(|p| p.until.is_none())
            .filter(|p| matches!(p.rank, RankOrGrade::Leadership(_)))
            .max_by_key(|p| match p.rank {
                RankOrGrade::Leadership(r) => r.step(),
                RankOrGrade::Grade(_) => 0,
            })
    }

    /// The leadership rank held now.
    #[must_use]
    pub fn current_rank(&self) -> Option<LeadershipRank> {
        self.current_post().and_then(|p| match p.rank {
            RankOrGrade::Leadership(r) => Some(r),
            RankOrGrade::Grade(_) => None,
        })
    }

    /// Months held at `grade` or any higher 职级 up to `on` (periods that overlap count once
    /// each: a career records one grade at a time).
    #[must_use]
    pub fn months_at_grade_from(&self, grade: CivilServiceGrade, on: NaiveDate) -> u32 {
        self.posts
            .iter()
            .filter(|p| matches!(p.rank, RankOrGrade::Grade(g) if g >= grade))
            .map(|p| completed_months(p.from, p.until.unwrap_or(on).min(on)))
            .fold(0u32, u32::saturating_add)
    }

    /// Months held in posts of exactly `rank` up to `on`.
    #[must_use]
    pub fn months_at(&self, rank: LeadershipRank, on: NaiveDate) -> u32 {
        self.posts
            .iter()
            .filter(|p| p.rank == RankOrGrade::Leadership(rank))
            .map(|p| completed_months(p.from, p.until.unwrap_or(on).min(on)))
            .fold(0u32, u32::saturating_add)
    }
}

/// Which tier of 党章 第二十七条 a Party committee's member is in: the tier sets the 党龄 a
/// member of the committee must have.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CommitteeTier {
    /// 党的省、自治区、直辖市、设区的市和自治州的委员会: 五年以上党龄.
    ProvincialOrCity,
    /// 党的县（旗）、自治县、不设区的市和市辖区的委员会: 三年以上党龄.
    County,
    /// 党的基层委员会 (a 乡镇党委, an enterprise's or a school's 党委): 党章 sets no 党龄.
    Grassroots,
}

zugong_core::official_terms!(CommitteeTier, "党委层级 (committee tier)", {
    ProvincialOrCity => "省、市（州）委员会",
    County => "县（市、区）委员会",
    Grassroots => "基层委员会",
});

impl CommitteeTier {
    /// The tier of a post's holder: `Some` only for a Party committee (党委) of the tree; a
    /// 党组, a 工委, a 单位 and an unknown committee are not 党章 第二十七条's committees.
    ///
    /// A 乡镇党委 is a 基层委员会 even though it leads a township: 党章's local committees stop
    /// at the county. A 党委 set up in a 单位 other than its own Party organ (a vertically
    /// managed bureau's, an enterprise's) is a 基层委员会 too, whatever its level
    /// ([`is_local_committee`]).
    #[must_use]
    pub fn of(holder: PostHolder, tree: &OrgTree, registry: &InstitutionRegistry) -> Option<Self> {
        let PostHolder::PartyCommittee(id) = holder else {
            return None;
        };
        let unit = tree.get(id)?;
        let local = is_local_committee(unit, registry);
        match (unit.kind, unit.level) {
            (
                OrgKind::Committee,
                AdminLevel::Provincial | AdminLevel::Prefectural | AdminLevel::Central,
            ) if local => Some(Self::ProvincialOrCity),
            (OrgKind::Committee, AdminLevel::County) if local => Some(Self::County),
            (OrgKind::Committee | OrgKind::GrassrootsCommittee, _) => Some(Self::Grassroots),
            _ => None,
        }
    }

    /// The 党龄 in whole years a member must have under `policy` (`None`: no figure set).
    #[must_use]
    pub const fn standing_years(self, policy: &SelectionPolicy) -> Option<u32> {
        match self {
            Self::ProvincialOrCity => Some(policy.city_committee_standing_years),
            Self::County => Some(policy.county_committee_standing_years),
            Self::Grassroots => policy.grassroots_committee_standing_years,
        }
    }
}

/// Whether `unit` is an area's own Party committee (党的地方委员会): a 党委 hosted by no 单位, or
/// by its own Party organ (the 县委 registered as the `PartyOrgan` 中共某县委员会). A 党委 set up
/// in any other 单位 — a bureau, an enterprise, a school — is a 基层委员会 or a system's, not a
/// local committee.
#[must_use]
pub fn is_local_committee(unit: &OrgUnit, registry: &InstitutionRegistry) -> bool {
    unit.kind == OrgKind::Committee
        && unit.institution.is_none_or(|i| {
            registry
                .get(i)
                .is_some_and(|i| i.kind == InstitutionKind::PartyOrgan)
        })
}

/// The promotion asked about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PromotionTarget {
    /// The rank of the post.
    pub rank: LeadershipRank,
    /// The committee tier, for a post of a Party committee (its 党龄 rule, 党章 第二十七条);
    /// `None` for every other post. See [`CommitteeTier::of`].
    pub committee: Option<CommitteeTier>,
}

/// The requirements checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Requirement {
    /// 工龄 (Art 8(一)).
    WorkYears,
    /// 基层工作经历 (Art 8(一)).
    GrassrootsExperience,
    /// Posts at the level below (Art 8(二)).
    LowerLevelPosts,
    /// Years in the lower post (Art 8(三)).
    YearsInLowerPost,
    /// 学历 (Art 8(四)).
    Education,
    /// 培训 (Art 8(五)).
    Training,
    /// 身体条件 (Art 8(六)).
    Health,
    /// 法定资格 (Art 8(七)).
    LegalQualifications,
    /// 党龄 for Party posts (Art 8(七), 党章).
    PartyStanding,
    /// A provincial age limit.
    Age,
    /// 逐级: the promotion skips a level (越级, Art 9).
    StepByStep,
}

/// Whether a requirement binds (应当) or binds as a rule with exceptions (一般应当).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Strength {
    /// 应当.
    Required,
    /// 一般应当.
    Generally,
}

/// One unmet requirement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unmet {
    /// Which.
    pub requirement: Requirement,
    /// How strongly it binds.
    pub strength: Strength,
    /// Whether 破格 may waive it (Art 9 protects Art 7 and 8(四)–(七)).
    pub waivable: bool,
    /// What was found against what is needed.
    pub detail: String,
    /// The rule.
    pub citation: Citation,
}

/// The answer: every unmet requirement (not only the first), and the training catch-up date
/// when training is short.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EligibilityReport {
    /// Every unmet requirement.
    pub unmet: Vec<Unmet>,
    /// Training short: not a bar, but it must be completed within a year of the promotion
    /// (Art 8(五)).
    pub training_catch_up: Option<TrainingCatchUp>,
    /// Steps the promotion jumps on the ten-step ladder (`None`: no leadership rank now).
    pub steps: Option<i8>,
}

impl EligibilityReport {
    /// Eligible on the ordinary path.
    #[must_use]
    pub fn is_eligible(&self) -> bool {
        self.unmet.is_empty()
    }

    /// Every unmet requirement could be waived by 破格.
    #[must_use]
    pub fn all_waivable(&self) -> bool {
        self.unmet.iter().all(|u| u.waivable)
    }
}

/// A training shortfall to make up after promotion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrainingCatchUp {
    /// The last day (one year after promotion on the check date).
    pub by: NaiveDate,
    /// The rule.
    pub citation: Citation,
}

/// Checks promotion to `target` on `on` against Art 8 and the 逐级 rule, listing **every**
/// unmet requirement with its citation.
///
/// ```
/// use chrono::NaiveDate;
/// use zugong_cadre::*;
/// use zugong_core::*;
/// let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
/// let deputy = LeadershipRank::TownshipSectionDeputy;
/// let profile = CadreProfile {
///     cadre: CadreId::from_uuid(uuid::Uuid::nil()), birth_date: d(1988, 1, 1), work_started_on: d(2010, 7, 1),
///     grassroots_months: 60, education: Some(EducationLevel::Undergraduate), full_member_since: Some(d(2009, 6, 1)),
///     posts: vec![PostHeld { rank: RankOrGrade::Leadership(deputy), from: d(2024, 3, 1), until: None, exceptional_on_years: false, probation_until: None }],
///     training: vec![], health: vec![], qualifications: vec![],
/// };
/// let target = PromotionTarget { rank: LeadershipRank::TownshipSectionChief, committee: None };
/// let policy = SelectionPolicy::default();
/// // Exactly two years as 副职 on 1 March 2026: eligible; a day earlier: not.
/// assert!(check_eligibility(&profile, target, d(2026, 3, 1), &policy).is_eligible());
/// let early = check_eligibility(&profile, target, d(2026, 2, 28), &policy);
/// assert_eq!(early.unmet[0].requirement, Requirement::YearsInLowerPost);
/// ```
#[must_use]
pub fn check_eligibility(
    profile: &CadreProfile,
    target: PromotionTarget,
    on: NaiveDate,
    policy: &SelectionPolicy,
) -> EligibilityReport {
    let mut unmet = Vec::new();
    let mut push = |requirement, strength, waivable, detail: String, citation: Citation| {
        unmet.push(Unmet {
            requirement,
            strength,
            waivable,
            detail,
            citation,
        });
    };
    let level = target.rank.level();
    let county_or_above = level >= RankLevel::CountyDivision;

    // Art 8(一): 提任县处级领导职务.
    if level == RankLevel::CountyDivision {
        let work = completed_years(profile.work_started_on, on);
        if work < policy.county_min_work_years {
            push(
                Requirement::WorkYears,
                Strength::Required,
                true,
                format!("工龄{work}年，需{}年以上", policy.county_min_work_years),
                ART_8_1,
            );
        }
        let need = policy.county_min_grassroots_years.saturating_mul(12);
        if profile.grassroots_months < need {
            push(
                Requirement::GrassrootsExperience,
                Strength::Required,
                true,
                format!(
                    "基层工作经历{}个月，需{need}个月以上",
                    profile.grassroots_months
                ),
                ART_8_1,
            );
        }
    }

    let current = profile.current_rank();
    // Art 8(二): 县处级以上 一般应当在下一级两个以上职位任职.
    if county_or_above && let Some(below) = level.below() {
        let posts = profile
            .posts
            .iter()
            .filter(|p| matches!(p.rank, RankOrGrade::Leadership(r) if r.level() == below))
            .count();
        let posts = u32::try_from(posts).unwrap_or(u32::MAX);
        if posts < policy.lower_level_posts {
            push(
                Requirement::LowerLevelPosts,
                Strength::Generally,
                true,
                format!(
                    "下一级任职{posts}个职位，一般应当{}个以上",
                    policy.lower_level_posts
                ),
                ART_8_2,
            );
        }
    }

    // Art 8(三) for 县处级以上: 副职 → 正职 2 years; 下级正职 → 上级副职 3 years. 乡科级 steps
    // follow the civil-service rules: 副科 → 正科 2 years; 一级科员 (or higher) → 副科 3 years.
    let township = level == RankLevel::TownshipSection;
    let (deputy_years, upper_years, years_cite) = if township {
        (
            policy.township_deputy_to_chief_years,
            policy.clerk_to_township_deputy_years,
            TOWNSHIP_STEPS,
        )
    } else {
        (
            policy.deputy_to_chief_years,
            policy.chief_to_upper_deputy_years,
            ART_8_3,
        )
    };
    if let Some(cur) = current {
        let needed = if target.rank.seniority() == PostSeniority::Chief
            && cur == LeadershipRank::new(level, PostSeniority::Deputy)
        {
            Some((cur, deputy_years))
        } else if target.rank.seniority() == PostSeniority::Deputy
            && level
                .below()
                .is_some_and(|b| cur == LeadershipRank::new(b, PostSeniority::Chief))
        {
            Some((cur, upper_years))
        } else {
            None
        };
        if let Some((rank, years)) = needed {
            let months = profile.months_at(rank, on);
            if months < years.saturating_mul(12) {
                push(
                    Requirement::YearsInLowerPost,
                    Strength::Required,
                    true,
                    format!("任{rank}{months}个月，需{years}年以上"),
                    years_cite.clone(),
                );
            }
        }
    } else if township && target.rank.seniority() == PostSeniority::Deputy {
        let months = profile.months_at_grade_from(CivilServiceGrade::FirstClassStaff, on);
        if months < upper_years.saturating_mul(12) {
            push(
                Requirement::YearsInLowerPost,
                Strength::Required,
                true,
                format!("任一级科员以上职级{months}个月，需{upper_years}年以上"),
                years_cite,
            );
        }
    }

    // Art 8(四): 大学专科以上; 厅局级以上 大学本科以上.
    let need = if level >= RankLevel::BureauDepartment {
        policy.bureau_min_education
    } else {
        policy.min_education
    };
    if profile.education.is_none_or(|e| e < need) {
        let have = profile.education.map_or("无".to_owned(), |e| e.to_string());
        push(
            Requirement::Education,
            Strength::Generally,
            false,
            format!("学历{have}，一般应当{need}以上"),
            ART_8_4,
        );
    }

    // Art 8(五): training; a shortfall is completed within a year of promotion.
    let senior = profile
        .current_rank()
        .is_some_and(|r| r.level() >= RankLevel::CountyDivision);
    let training_catch_up = (!crate::training_met(&profile.training, senior, on, &policy.training))
        .then(|| add_years(on, 1))
        .flatten()
        .map(|by| TrainingCatchUp {
            by,
            citation: ART_8_5,
        });

    // Art 8(六) from the examinations on file; Art 8(七)'s qualifications depend on the post
    // and are read by `CadreFile::consider` ([`crate::check_qualifications`]).
    if let Some(u) = crate::check_health(&profile.health, on) {
        push(u.requirement, u.strength, u.waivable, u.detail, u.citation);
    }
    if let Some(need) = target.committee.and_then(|t| t.standing_years(policy)) {
        let standing = profile.full_member_since.map(|s| completed_years(s, on));
        if standing.is_none_or(|y| y < need) {
            push(
                Requirement::PartyStanding,
                Strength::Required,
                false,
                format!("党龄{}年，需{need}年以上", standing.unwrap_or(0)),
                CONSTITUTION_ART_27,
            );
        }
    }
    if let Some(max) = policy.max_age {
        let age = completed_years(profile.birth_date, on);
        if age > max {
            push(
                Requirement::Age,
                Strength::Required,
                false,
                format!("年龄{age}岁，超过{max}岁"),
                ART_8_1,
            );
        }
    }

    // 逐级: a jump of more than one step is 越级 (Art 9): waivable only within the limit.
    let steps = current.map(|c| target.rank.steps_above(c));
    if let Some(s) = steps.filter(|s| *s > 1) {
        let within = s <= i8::try_from(policy.exceptional_max_steps).unwrap_or(i8::MAX);
        push(
            Requirement::StepByStep,
            Strength::Required,
            within,
            format!("跨{s}个层次提拔"),
            ART_9,
        );
    }
    EligibilityReport {
        unmet,
        training_catch_up,
        steps,
    }
}

/// Why an exceptional promotion is warranted (Art 9).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExceptionalBasis {
    /// 特别优秀: 在关键时刻或者承担急难险重任务中经受住考验、表现突出、作出重大贡献.
    OutstandingInCrisis,
    /// 特别优秀: 在条件艰苦、环境复杂、基础差的地区或者单位工作实绩突出.
    OutstandingInHardship,
    /// 特别优秀: 在其他岗位上尽职尽责，工作实绩特别显著.
    OutstandingRecord,
    /// 工作特殊需要: 领导班子结构需要或者领导职位有特殊要求.
    TeamStructure,
    /// 工作特殊需要: 专业性较强的岗位或者重要专项工作急需.
    SpecialistNeed,
    /// 工作特殊需要: 艰苦边远地区、贫困地区急需引进.
    RemoteAreaNeed,
}

/// Why 破格 is barred.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExceptionalBar {
    /// A requirement 破格 cannot waive.
    Protected(Requirement),
    /// More than one level skipped (不得越两级提拔).
    SkipsTwoLevels,
    /// 任职试用期未满.
    InProbation,
    /// 提拔任职不满一年.
    TooSoonAfterPromotion,
    /// 不得在任职年限上连续破格.
    ConsecutiveOnYears,
    /// 特别优秀 needs 政治过硬 (2019).
    NotPoliticallyStrong,
}

/// Checks whether the unmet requirements of `report` may be waived by 破格 (Art 9): every bar
/// is listed.
///
/// # Errors
/// Every [`ExceptionalBar`] that applies.
pub fn check_exceptional(
    profile: &CadreProfile,
    report: &EligibilityReport,
    basis: ExceptionalBasis,
    politically_strong: bool,
    on: NaiveDate,
    policy: &SelectionPolicy,
) -> Result<(), Vec<ExceptionalBar>> {
    let mut bars = Vec::new();
    for u in report.unmet.iter().filter(|u| !u.waivable) {
        bars.push(if u.requirement == Requirement::StepByStep {
            ExceptionalBar::SkipsTwoLevels
        } else {
            ExceptionalBar::Protected(u.requirement)
        });
    }
    let outstanding = matches!(
        basis,
        ExceptionalBasis::OutstandingInCrisis
            | ExceptionalBasis::OutstandingInHardship
            | ExceptionalBasis::OutstandingRecord
    );
    if outstanding && !politically_strong {
        bars.push(ExceptionalBar::NotPoliticallyStrong);
    }
    if let Some(cur) = profile.current_post() {
        if cur.probation_until.is_some_and(|p| on <= p) {
            bars.push(ExceptionalBar::InProbation);
        }
        if completed_years(cur.from, on) < policy.exceptional_min_years_in_post {
            bars.push(ExceptionalBar::TooSoonAfterPromotion);
        }
        let waives_years = report.unmet.iter().any(|u| {
            matches!(
                u.requirement,
                Requirement::YearsInLowerPost | Requirement::WorkYears
            )
        });
        if waives_years && cur.exceptional_on_years {
            bars.push(ExceptionalBar::ConsecutiveOnYears);
        }
    }
    if bars.is_empty() { Ok(()) } else { Err(bars) }
}

impl std::fmt::Display for Unmet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}（{}）", self.detail, self.citation)
    }
}

zugong_core::official_terms!(Requirement, "任职资格条件 (requirement)", {
    WorkYears => "工龄",
    GrassrootsExperience => "基层工作经历",
    LowerLevelPosts => "下一级职位任职经历",
    YearsInLowerPost => "任职年限",
    Education => "学历",
    Training => "培训",
    Health => "身体条件",
    LegalQualifications => "法定资格",
    PartyStanding => "党龄",
    Age => "年龄",
    StepByStep => "逐级提拔",
});

impl std::fmt::Display for ExceptionalBar {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Protected(r) => write!(f, "破格不能放宽{r}要求"),
            Self::SkipsTwoLevels => f.write_str("不得越两级提拔"),
            Self::InProbation => f.write_str("任职试用期未满"),
            Self::TooSoonAfterPromotion => f.write_str("提拔任职不满一年"),
            Self::ConsecutiveOnYears => f.write_str("不得在任职年限上连续破格"),
            Self::NotPoliticallyStrong => f.write_str("特别优秀须政治过硬"),
        }?;
        write!(f, "（{ART_9}）")
    }
}
