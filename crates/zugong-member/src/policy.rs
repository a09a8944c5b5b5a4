//! The numbers of member development, with the national rule as the default.

use serde::{Deserialize, Serialize};
use zugong_core::{Citation, Policy, PolicyError, SourceStatus};

/// 《中国共产党发展党员工作细则》(2014, 中办发〔2014〕33号): the procedure.
pub(crate) const RULES_2014: Citation = Citation::new(
    "《中国共产党发展党员工作细则》(2014)",
    "第二章至第六章",
    SourceStatus::Secondary,
);
/// Art 5: the applicant is 年满十八岁 (the article's text is confirmed).
pub(crate) const ART_5_AGE: Citation = Citation::new(
    "《中国共产党发展党员工作细则》(2014)",
    "第五条",
    SourceStatus::Confirmed,
);
/// The talk within a month of the application.
pub(crate) const ART_7_TALK: Citation = Citation::new(
    "《中国共产党发展党员工作细则》(2014)",
    "第七条",
    SourceStatus::Secondary,
);
/// 培养联系人 and the half-yearly assessment of 入党积极分子 (Arts 10–11).
pub(crate) const ART_10_11_ACTIVIST: Citation = Citation::new(
    "《中国共产党发展党员工作细则》(2014)",
    "第十条、第十一条",
    SourceStatus::Secondary,
);
/// A year of 培养教育和考察 before 确定发展对象 (Art 13).
pub(crate) const ART_13_CANDIDATE: Citation = Citation::new(
    "《中国共产党发展党员工作细则》(2014)",
    "第十三条",
    SourceStatus::Secondary,
);
/// 入党介绍人 (Art 14).
pub(crate) const ART_14_SPONSORS: Citation = Citation::new(
    "《中国共产党发展党员工作细则》(2014)",
    "第十四条",
    SourceStatus::Secondary,
);
/// 政治审查 (Arts 15–16).
pub(crate) const ART_15_VETTING: Citation = Citation::new(
    "《中国共产党发展党员工作细则》(2014)",
    "第十五条、第十六条",
    SourceStatus::Provisional,
);
/// 集中培训 (Art 17).
pub(crate) const ART_17_TRAINING: Citation = Citation::new(
    "《中国共产党发展党员工作细则》(2014)",
    "第十七条",
    SourceStatus::Secondary,
);
/// 支委会审查, 预审 (Art 19).
pub(crate) const ART_19_PRE_REVIEW: Citation = Citation::new(
    "《中国共产党发展党员工作细则》(2014)",
    "第十九条",
    SourceStatus::Secondary,
);
/// 支部大会 (Arts 20–21).
pub(crate) const ART_20_21_MEETING: Citation = Citation::new(
    "《中国共产党发展党员工作细则》(2014)",
    "第二十条、第二十一条",
    SourceStatus::Secondary,
);
/// 审批 within three months, six in special cases.
pub(crate) const ART_24_APPROVAL: Citation = Citation::new(
    "《中国共产党发展党员工作细则》(2014)",
    "第二十四条",
    SourceStatus::Provisional,
);
/// 预备期 of one year from the 支部大会 (党章 Art 7); its extension and 转正.
pub(crate) const PROBATION: Citation =
    Citation::new("《中国共产党章程》", "第七条", SourceStatus::Secondary);

/// 发展党员的数量标准: every number the development rules use. `Default` is the national rule;
/// a province loads its own (a 29-step variant, its 公示) and calls [`Policy::validate`].
///
/// ```
/// use zugong_core::Policy;
/// use zugong_member::DevelopmentPolicy;
/// let national = DevelopmentPolicy::default();
/// assert_eq!(national.activist_months, 12);
/// assert!(national.validate().is_ok());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(remote = "Self")]
pub struct DevelopmentPolicy {
    /// 年满十八岁 on the day the application is received (细则 Art 5).
    pub min_age_years: u32,
    /// The talk within this many months of the application (Art 7; a later talk is recorded
    /// as late, not refused: the applicant is not at fault).
    pub talk_within_months: u32,
    /// Fewest 培养联系人 (Art 10).
    pub min_contacts: usize,
    /// Most 培养联系人 (Art 10).
    pub max_contacts: usize,
    /// The branch assesses each 积极分子 every this many months (Art 11).
    pub assessment_interval_months: u32,
    /// Months of 培养教育和考察 before 确定发展对象: "一年以上" (Art 13).
    pub activist_months: u32,
    /// 入党介绍人: this many full members (Art 14).
    pub sponsors: usize,
    /// 集中培训 of at least this many days… (Art 17)
    pub training_min_days: u32,
    /// …or at least this many 学时, in tenths (24学时 = 240) (Art 17).
    pub training_min_hours_tenths: u32,
    /// A 发展对象 leaving within this many months of 预审 is generally not admitted (Art 19).
    pub leaving_soon_months: u32,
    /// 审批 within this many months of the 支部大会 (Art 24).
    ///
    /// # Provisional
    /// The figure is in the 细则's flow and in local documents; the article is not confirmed.
    pub approval_months: u32,
    /// 审批 within this many months in special cases.
    ///
    /// # Provisional
    /// As `approval_months`.
    pub special_approval_months: u32,
    /// 预备期 in months, from the day of the 支部大会 (党章 Art 7).
    pub probation_months: u32,
    /// Shortest extension of the 预备期, in months.
    pub min_extension_months: u32,
    /// Longest extension of the 预备期, in months (党章 Art 7: 不能超过一年).
    pub max_extension_months: u32,
    /// 公示 before 确定发展对象 and before 接收预备党员: a provincial rule, off nationally
    /// (`None`). With it, each of the two steps waits until its 公示 is over.
    ///
    /// # Provisional
    /// Five working days is common in provincial 规程; it is not a national rule.
    pub publicity: Option<zugong_core::publicity::PublicityDays>,
    /// 突击发展: a 支部大会 that admits more than this many at once is flagged (细则 第三条:
    /// 禁止突击发展).
    ///
    /// # Provisional
    /// The 细则 forbids the rush without a number; 3 is a reading of local inspection
    /// practice. A province may flag from fewer.
    #[serde(default = "default_rush_threshold")]
    pub rush_threshold: u32,
}

zugong_core::validated_policy_serde!(DevelopmentPolicy);

const fn default_rush_threshold() -> u32 {
    3
}

impl Default for DevelopmentPolicy {
    fn default() -> Self {
        Self {
            min_age_years: 18,
            talk_within_months: 1,
            min_contacts: 1,
            max_contacts: 2,
            assessment_interval_months: 6,
            activist_months: 12,
            sponsors: 2,
            training_min_days: 3,
            training_min_hours_tenths: 240,
            leaving_soon_months: 3,
            approval_months: 3,
            special_approval_months: 6,
            probation_months: 12,
            min_extension_months: 6,
            max_extension_months: 12,
            publicity: None,
            rush_threshold: default_rush_threshold(),
        }
    }
}

impl Policy for DevelopmentPolicy {
    fn citations(&self) -> Vec<(&'static str, Citation)> {
        vec![
            ("min_age_years", ART_5_AGE),
            ("talk_within_months", ART_7_TALK),
            ("min_contacts", ART_10_11_ACTIVIST),
            ("max_contacts", ART_10_11_ACTIVIST),
            ("assessment_interval_months", ART_10_11_ACTIVIST),
            ("activist_months", ART_13_CANDIDATE),
            ("sponsors", ART_14_SPONSORS),
            ("training_min_days", ART_17_TRAINING),
            ("training_min_hours_tenths", ART_17_TRAINING),
            ("leaving_soon_months", ART_19_PRE_REVIEW),
            ("approval_months", ART_24_APPROVAL),
            ("special_approval_months", ART_24_APPROVAL),
            ("probation_months", PROBATION),
            ("min_extension_months", PROBATION),
            ("max_extension_months", PROBATION),
            ("publicity", RULES_2014),
            ("rush_threshold", crate::plan::ART_3_PLAN),
        ]
    }

    /// A province may tighten the national numbers, never loosen them: no younger applicants,
    /// no shorter 培养, fewer 介绍人, shorter training or 预备期, longer approval windows.
    fn validate(&self) -> Result<(), PolicyError> {
        let national = Self::default();
        let at_least = PolicyError::check_range;
        at_least(
            "rush_threshold",
            self.rush_threshold,
            1,
            national.rush_threshold,
        )?;
        at_least(
            "min_age_years",
            self.min_age_years,
            national.min_age_years,
            30,
        )?;
        at_least(
            "activist_months",
            self.activist_months,
            national.activist_months,
            60,
        )?;
        at_least(
            "training_min_days",
            self.training_min_days,
            national.training_min_days,
            30,
        )?;
        at_least(
            "training_min_hours_tenths",
            self.training_min_hours_tenths,
            national.training_min_hours_tenths,
            2400,
        )?;
        at_least(
            "probation_months",
            self.probation_months,
            national.probation_months,
            national.probation_months,
        )?;
        at_least(
            "talk_within_months",
            self.talk_within_months,
            0,
            national.talk_within_months,
        )?;
        at_least(
            "approval_months",
            self.approval_months,
            1,
            national.approval_months,
        )?;
        at_least(
            "special_approval_months",
            self.special_approval_months,
            self.approval_months,
            national.special_approval_months,
        )?;
        at_least(
            "assessment_interval_months",
            self.assessment_interval_months,
            1,
            national.assessment_interval_months,
        )?;
        at_least(
            "max_extension_months",
            self.max_extension_months,
            self.min_extension_months.max(1),
            national.max_extension_months,
        )?;
        if self.sponsors != national.sponsors {
            return Err(PolicyError::Invalid {
                field: "sponsors",
                reason: "党章 sets two 入党介绍人".into(),
            });
        }
        if self.min_contacts == 0 || self.min_contacts > self.max_contacts {
            return Err(PolicyError::Invalid {
                field: "min_contacts",
                reason: format!(
                    "{}..={} 培养联系人 is not a range",
                    self.min_contacts, self.max_contacts
                ),
            });
        }
        Ok(())
    }
}
