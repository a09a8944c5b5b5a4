//! The numbers of the selection rules (《党政领导干部选拔任用工作条例》 2019, with its 2014
//! antecedents), with the national values as defaults.

use serde::{Deserialize, Serialize};
use zugong_core::policy::{Policy, PolicyError};
use zugong_core::{Citation, EducationLevel};

pub(crate) use crate::citations::*;

/// The selection rules' numbers. `Default` is the national rule; [`Policy::validate`] (run on
/// every deserialization) refuses a figure looser than it.
///
/// ```
/// use zugong_cadre::SelectionPolicy;
/// use zugong_core::Policy;
/// let mut policy = SelectionPolicy::default();
/// policy.publicity_working_days = 7; // a province may lengthen the 公示
/// assert!(policy.validate().is_ok());
/// policy.publicity_working_days = 4; // never shorten it
/// assert!(policy.validate().is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(remote = "Self")]
pub struct SelectionPolicy {
    /// 提任县处级: 5年以上工龄 (Art 8(一)).
    pub county_min_work_years: u32,
    /// 提任县处级: 2年以上基层工作经历 (Art 8(一)).
    pub county_min_grassroots_years: u32,
    /// 县处级以上 副职 → 正职: years as 副职 (Art 8(三)): 2.
    pub deputy_to_chief_years: u32,
    /// 县处级以上 下级正职 → 上级副职: years as 下级正职 (Art 8(三)): 3.
    pub chief_to_upper_deputy_years: u32,
    /// 乡科级副职 → 乡科级正职: years as 副职 (the civil-service rules, not Art 8(三)): 2.
    ///
    /// # Provisional
    /// Secondary sources (domain brief §14); see the citation's status.
    pub township_deputy_to_chief_years: u32,
    /// 一级科员 (or a higher 职级) → 乡科级副职: years at that grade: 3.
    ///
    /// # Provisional
    /// Secondary sources (domain brief §14).
    pub clerk_to_township_deputy_years: u32,
    /// Posts held at the level below for 县处级以上 (Art 8(二), "一般应当在下一级两个以上职位任职"): 2.
    pub lower_level_posts: u32,
    /// Least 学历 (Art 8(四)): 大学专科.
    pub min_education: EducationLevel,
    /// Least 学历 for 厅局级以上 (Art 8(四)): 大学本科.
    pub bureau_min_education: EducationLevel,
    /// 党龄 of a member of a 省、自治区、直辖市、设区的市和自治州 committee (党章 第二十七条:
    /// 必须有五年以上的党龄): 5.
    pub city_committee_standing_years: u32,
    /// 党龄 of a member of a 县（旗）、自治县、不设区的市和市辖区 committee (党章 第二十七条: 三年以上): 3.
    pub county_committee_standing_years: u32,
    /// 党龄 of a member of a 基层委员会 (a 乡镇党委, an enterprise's 党委): 党章 sets none, so
    /// `None`; a province may set one.
    pub grassroots_committee_standing_years: Option<u32>,
    /// Oldest age at promotion, if a province sets one (none nationally).
    pub max_age: Option<u32>,
    /// 破格: the most steps a promotion may jump (Art 9: 不得越两级提拔, so one level may be
    /// skipped: 2 steps).
    pub exceptional_max_steps: u8,
    /// 破格: least time in the current post (Art 9: 提拔任职不满一年的不得破格): 1 year.
    pub exceptional_min_years_in_post: u32,
    /// 民主推荐 results stay valid this many months (Ch 4; 12371 Q&A): 12.
    pub recommendation_valid_months: u32,
    /// 考察组 least members (2014 Art 33): 2.
    pub inspection_team_min: u32,
    /// 讨论决定: attendance at least this share of members (三分之二以上), as (n, d): 2/3.
    pub decision_quorum: (u32, u32),
    /// 任前公示 least working days (Ch 7): 5.
    pub publicity_working_days: u32,
    /// 任职试用期 in months (Ch 7: 试用期为一年): 12, and only 12: a shorter trial loosens the
    /// rule and a longer one is not a 试用期 the regulation knows.
    pub probation_months: u32,
    /// 政治素质 review: least score (0–100) per dimension to pass.
    ///
    /// # Provisional
    /// How the political check is scored is local (domain brief §2.1): default 60.
    pub political_pass_score: u32,
    /// The 影响期 of sanctions, 诫勉 and 组织处理 that bar a candidate.
    #[serde(default)]
    pub effect_periods: crate::EffectPeriodPolicy,
    /// The cooling-off after 引咎辞职, 责令辞职 and 问责免职.
    #[serde(default)]
    pub cooling_off: crate::CoolingOffPolicy,
    /// What happens when the committee decides on a cadre already decided on (讨论决定) or in
    /// 任前公示 for another post: refused by default.
    #[serde(default)]
    pub open_outcome: OpenOutcomeRule,
    /// 第八条(五)'s training, by 《干部教育培训工作条例》 第十四条's figures.
    #[serde(default)]
    pub training: crate::TrainingFloor,
}

/// One person, one open outcome: a cadre decided on for one post, or in its 任前公示, is not
/// decided on for another until that outcome closes (appointed, or ended).
///
/// # Provisional
/// The rule follows from the procedure (a 公示 is of one proposed appointment; 任职 follows
/// it) rather than from an article that says it; a province that lets a committee decide on
/// one person for two posts at once (to keep a fallback) records it instead.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OpenOutcomeRule {
    /// Refuse the second decision (the default).
    #[default]
    Refuse,
    /// Decide, and record the other open outcome with the decision.
    Record,
}

zugong_core::validated_policy_serde!(SelectionPolicy);

impl SelectionPolicy {
    /// The years in the post below that a promotion to `target` needs (Art 8(三) for 县处级以上:
    /// 副职 → 正职 [`deputy_to_chief_years`](Self::deputy_to_chief_years), 下级正职 → 上级副职
    /// [`chief_to_upper_deputy_years`](Self::chief_to_upper_deputy_years); at 乡科级 the
    /// civil-service steps: 副科 → 正科
    /// [`township_deputy_to_chief_years`](Self::township_deputy_to_chief_years), 一级科员 or
    /// higher → 副科 [`clerk_to_township_deputy_years`](Self::clerk_to_township_deputy_years)).
    ///
    /// ```
    /// use zugong_cadre::SelectionPolicy;
    /// use zugong_core::{LeadershipRank, PostSeniority, RankLevel};
    /// let p = SelectionPolicy::default();
    /// let county_chief = LeadershipRank::new(RankLevel::CountyDivision, PostSeniority::Chief);
    /// let county_deputy = LeadershipRank::new(RankLevel::CountyDivision, PostSeniority::Deputy);
    /// assert_eq!(p.years_in_lower_post(county_chief), 2); // from 县处级副职
    /// assert_eq!(p.years_in_lower_post(county_deputy), 3); // from 乡科级正职
    /// let township_chief = LeadershipRank::new(RankLevel::TownshipSection, PostSeniority::Chief);
    /// let township_deputy = LeadershipRank::new(RankLevel::TownshipSection, PostSeniority::Deputy);
    /// assert_eq!(p.years_in_lower_post(township_chief), 2); // from 乡科级副职
    /// assert_eq!(p.years_in_lower_post(township_deputy), 3); // from 一级科员 or higher
    /// ```
    #[must_use]
    pub fn years_in_lower_post(&self, target: zugong_core::LeadershipRank) -> u32 {
        use zugong_core::{PostSeniority, RankLevel};
        let township = target.level() == RankLevel::TownshipSection;
        match (township, target.seniority()) {
            (true, PostSeniority::Chief) => self.township_deputy_to_chief_years,
            (true, _) => self.clerk_to_township_deputy_years,
            (false, PostSeniority::Chief) => self.deputy_to_chief_years,
            (false, _) => self.chief_to_upper_deputy_years,
        }
    }

    /// The least 学历 a post at `level` asks (Art 8(四): 大学专科以上; 厅局级以上 大学本科以上).
    #[must_use]
    pub fn min_education_for(&self, level: zugong_core::RankLevel) -> EducationLevel {
        if level >= zugong_core::RankLevel::BureauDepartment {
            self.bureau_min_education
        } else {
            self.min_education
        }
    }
}

impl Default for SelectionPolicy {
    fn default() -> Self {
        Self {
            county_min_work_years: 5,
            county_min_grassroots_years: 2,
            deputy_to_chief_years: 2,
            chief_to_upper_deputy_years: 3,
            township_deputy_to_chief_years: 2,
            clerk_to_township_deputy_years: 3,
            lower_level_posts: 2,
            min_education: EducationLevel::JuniorCollege,
            bureau_min_education: EducationLevel::Undergraduate,
            city_committee_standing_years: 5,
            county_committee_standing_years: 3,
            grassroots_committee_standing_years: None,
            max_age: None,
            exceptional_max_steps: 2,
            exceptional_min_years_in_post: 1,
            recommendation_valid_months: 12,
            inspection_team_min: 2,
            decision_quorum: (2, 3),
            publicity_working_days: 5,
            probation_months: 12,
            political_pass_score: 60,
            effect_periods: crate::EffectPeriodPolicy::default(),
            cooling_off: crate::CoolingOffPolicy::default(),
            open_outcome: OpenOutcomeRule::Refuse,
            training: crate::TrainingFloor::default(),
        }
    }
}

impl Policy for SelectionPolicy {
    fn citations(&self) -> Vec<(&'static str, Citation)> {
        vec![
            ("county_min_work_years", ART_8_1),
            ("county_min_grassroots_years", ART_8_1),
            ("deputy_to_chief_years", ART_8_3),
            ("chief_to_upper_deputy_years", ART_8_3),
            ("township_deputy_to_chief_years", TOWNSHIP_STEPS),
            ("clerk_to_township_deputy_years", TOWNSHIP_STEPS),
            ("lower_level_posts", ART_8_2),
            ("min_education", ART_8_4),
            ("bureau_min_education", ART_8_4),
            ("city_committee_standing_years", CONSTITUTION_ART_27),
            ("county_committee_standing_years", CONSTITUTION_ART_27),
            ("grassroots_committee_standing_years", CONSTITUTION_ART_27),
            ("exceptional_max_steps", ART_9),
            ("exceptional_min_years_in_post", ART_9),
            ("recommendation_valid_months", CH_4),
            ("inspection_team_min", CH_5),
            ("decision_quorum", CH_6),
            ("publicity_working_days", CH_7),
            ("probation_months", CH_7),
            ("political_pass_score", ART_3),
            ("quota", CIVIL_SERVANT_LAW_ART_43),
        ]
    }

    fn validate(&self) -> Result<(), PolicyError> {
        let national = Self::default();
        let at_least = PolicyError::at_least::<u32>;
        at_least(
            "county_min_work_years",
            self.county_min_work_years,
            national.county_min_work_years,
            ART_8_1,
        )?;
        at_least(
            "county_min_grassroots_years",
            self.county_min_grassroots_years,
            national.county_min_grassroots_years,
            ART_8_1,
        )?;
        at_least(
            "deputy_to_chief_years",
            self.deputy_to_chief_years,
            national.deputy_to_chief_years,
            ART_8_3,
        )?;
        at_least(
            "chief_to_upper_deputy_years",
            self.chief_to_upper_deputy_years,
            national.chief_to_upper_deputy_years,
            ART_8_3,
        )?;
        at_least(
            "township_deputy_to_chief_years",
            self.township_deputy_to_chief_years,
            national.township_deputy_to_chief_years,
            TOWNSHIP_STEPS,
        )?;
        at_least(
            "clerk_to_township_deputy_years",
            self.clerk_to_township_deputy_years,
            national.clerk_to_township_deputy_years,
            TOWNSHIP_STEPS,
        )?;
        at_least(
            "lower_level_posts",
            self.lower_level_posts,
            national.lower_level_posts,
            ART_8_2,
        )?;
        for (field, value, floor) in [
            ("min_education", self.min_education, national.min_education),
            (
                "bureau_min_education",
                self.bureau_min_education,
                national.bureau_min_education,
            ),
        ] {
            if value < floor {
                return Err(PolicyError::Invalid {
                    field,
                    reason: format!(
                        "{value} is below the national {floor} ({ART_8_4}): a province may require more, never less"
                    ),
                });
            }
        }
        at_least(
            "city_committee_standing_years",
            self.city_committee_standing_years,
            national.city_committee_standing_years,
            CONSTITUTION_ART_27,
        )?;
        at_least(
            "county_committee_standing_years",
            self.county_committee_standing_years,
            national.county_committee_standing_years,
            CONSTITUTION_ART_27,
        )?;
        PolicyError::at_most(
            "exceptional_max_steps",
            self.exceptional_max_steps,
            national.exceptional_max_steps,
            ART_9,
        )?;
        PolicyError::within(
            "exceptional_max_steps",
            self.exceptional_max_steps,
            1,
            u8::MAX,
        )?;
        at_least(
            "exceptional_min_years_in_post",
            self.exceptional_min_years_in_post,
            national.exceptional_min_years_in_post,
            ART_9,
        )?;
        PolicyError::at_most(
            "recommendation_valid_months",
            self.recommendation_valid_months,
            national.recommendation_valid_months,
            CH_4,
        )?;
        PolicyError::within(
            "recommendation_valid_months",
            self.recommendation_valid_months,
            1,
            u32::MAX,
        )?;
        at_least(
            "inspection_team_min",
            self.inspection_team_min,
            national.inspection_team_min,
            CH_5,
        )?;
        let (n, d) = self.decision_quorum;
        if d == 0 || n > d || n == 0 {
            return Err(PolicyError::Invalid {
                field: "decision_quorum",
                reason: format!("{n}/{d} is not a share"),
            });
        }
        let (nn, nd) = national.decision_quorum;
        if u64::from(n) * u64::from(nd) < u64::from(nn) * u64::from(d) {
            return Err(PolicyError::Invalid {
                field: "decision_quorum",
                reason: format!(
                    "{n}/{d} is below the national {nn}/{nd} ({CH_6}): a province may raise the quorum, never lower it"
                ),
            });
        }
        at_least(
            "publicity_working_days",
            self.publicity_working_days,
            national.publicity_working_days,
            CH_7,
        )?;
        at_least(
            "probation_months",
            self.probation_months,
            national.probation_months,
            CH_7,
        )?;
        PolicyError::within(
            "probation_months",
            self.probation_months,
            1,
            national.probation_months,
        )?;
        PolicyError::within("political_pass_score", self.political_pass_score, 0, 100)?;
        self.effect_periods.validate()?;
        self.cooling_off.validate()?;
        self.training.validate()?;
        Ok(())
    }
}
