//! Programme definitions (人才项目): eligibility limits, cohort quotas, cycle and funding per
//! tier, with the regulations' values as defaults.

use serde::{Deserialize, Serialize};
pub use zugong_core::Yuan;
use zugong_core::policy::{Policy, PolicyError};
use zugong_core::{Citation, EducationLevel, SourceStatus};

use crate::{ProfessionalTitle, TalentTier};

/// 《宁夏回族自治区杰出科技人才培养管理实施办法》 (2022).
pub(crate) const DISTINGUISHED_RULES: Citation = Citation::new(
    "《宁夏回族自治区杰出科技人才培养管理实施办法》(2022)",
    "",
    SourceStatus::Secondary,
);
/// 宁夏青年科技人才托举工程 (2020 notice).
pub(crate) const NURTURED_2020: Citation = Citation::new(
    "宁夏青年科技人才托举工程第五批人选通知(2020)",
    "",
    SourceStatus::Secondary,
);
/// 《关于开展2024年自治区青年托举人才培养项目人选评选工作的通知》 (宁夏科协, 2024-06-21).
pub(crate) const NURTURED_2024: Citation = Citation::new(
    "《关于开展2024年自治区青年托举人才培养项目人选评选工作的通知》(2024)",
    "",
    SourceStatus::Secondary,
);
/// 自治区青年拔尖人才 (since 2016).
pub(crate) const TOP_TALENT: Citation = Citation::new(
    "自治区青年拔尖人才培养工程(2016起)",
    "",
    SourceStatus::Provisional,
);
/// 自治区行业领军人才.
pub(crate) const INDUSTRY_LEADER: Citation =
    Citation::new("自治区行业领军人才培养工程", "", SourceStatus::Provisional);

/// 学科领域: the fields a cohort is split into.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ResearchField {
    /// 哲学社会科学和文化艺术.
    HumanitiesAndArts,
    /// 自然科学.
    NaturalSciences,
    /// 不分领域: a programme without a split.
    Any,
}

zugong_core::official_terms!(ResearchField, "学科领域 (research field)", {
    HumanitiesAndArts => "哲学社会科学和文化艺术" | "社科文艺",
    NaturalSciences => "自然科学",
    Any => "不分领域",
});

/// Seats of a batch in one field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldQuota {
    /// The field.
    pub field: ResearchField,
    /// Seats.
    pub seats: u32,
}

/// 经费来源.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FundingSource {
    /// 人才专项资金.
    TalentFund,
    /// 科技资金.
    SciTechFund,
    /// 财政资助 (a single regional grant).
    RegionalGrant,
    /// 配套经费: the employer's matching funds.
    Employer,
}

zugong_core::official_terms!(FundingSource, "经费来源 (funding source)", {
    TalentFund => "人才专项资金",
    SciTechFund => "科技资金",
    RegionalGrant => "财政资助",
    Employer => "配套经费",
});

/// How a programme funds each person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FundingPlan {
    /// The most one person's grant can be.
    pub max_grant: Yuan,
    /// Each source's share of a grant, per-mille; the shares add up to 1000.
    pub shares: Vec<(FundingSource, u32)>,
    /// What each source pays once the agreement is signed (the rest by annual progress).
    pub first_payment_per_source: Option<Yuan>,
}

/// 人才项目: a tier's programme — who may apply, how many per batch, for how long, with what
/// funding. Unknown parameters are `None` (no limit applied) and say so.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(remote = "Self")]
pub struct ProgrammeDefinition {
    /// The tier.
    pub tier: TalentTier,
    /// Name.
    pub name: String,
    /// Source.
    pub source: Citation,
    /// 培养期, in years.
    pub cycle_years: Option<u32>,
    /// Oldest age (周岁) on the application deadline.
    pub max_age: Option<u32>,
    /// Least 学历.
    pub min_education: Option<EducationLevel>,
    /// Least 职称.
    pub min_title: Option<ProfessionalTitle>,
    /// Excludes people already in a programme of the same or a higher tier.
    pub exclude_same_or_higher: bool,
    /// Excludes people in Party or government leadership posts who no longer do professional
    /// or skills work.
    pub exclude_non_professional_leaders: bool,
    /// Seats per field in a batch.
    pub cohort: Vec<FieldQuota>,
    /// Industries (catalogue codes) the programme is for; empty means every industry.
    #[serde(default)]
    pub industries: Vec<String>,
    /// Funding.
    pub funding: Option<FundingPlan>,
}

zugong_core::validated_policy_serde!(ProgrammeDefinition);

impl ProgrammeDefinition {
    /// 自治区青年托举人才 (2024): 150 per batch = 30 哲学社会科学和文化艺术 + 120 自然科学; excluded:
    /// people in a programme of the same or a higher tier, and 党政领导 no longer doing
    /// professional work; 3-year cycle and 3万元 (2020 notice); ≤ 35 and 全日制硕士以上 (2020).
    ///
    /// # Provisional
    /// The 2024 age limit and funding are not stated in the 2024 notice; the 2020 figures are
    /// used. "全日制硕士以上" is encoded as 研究生 (the 本科 exception is not modelled).
    #[must_use]
    pub fn young_nurtured() -> Self {
        Self {
            tier: TalentTier::YoungNurtured,
            name: "自治区青年托举人才培养项目".into(),
            source: NURTURED_2024,
            cycle_years: Some(3),
            max_age: Some(35),
            min_education: Some(EducationLevel::Postgraduate),
            min_title: None,
            exclude_same_or_higher: true,
            exclude_non_professional_leaders: true,
            cohort: vec![
                FieldQuota {
                    field: ResearchField::HumanitiesAndArts,
                    seats: 30,
                },
                FieldQuota {
                    field: ResearchField::NaturalSciences,
                    seats: 120,
                },
            ],
            industries: vec![],
            funding: Some(FundingPlan {
                max_grant: Yuan::wan(3),
                shares: vec![(FundingSource::RegionalGrant, 1000)],
                first_payment_per_source: None,
            }),
        }
    }

    /// 自治区青年拔尖人才 (since 2016; 6 batches, 872 people by 2021).
    ///
    /// # Provisional
    /// Age limit, per-person funds and cycle are not known: left unset.
    #[must_use]
    pub fn young_top_talent() -> Self {
        Self {
            tier: TalentTier::YoungTopTalent,
            name: "自治区青年拔尖人才培养工程".into(),
            source: TOP_TALENT,
            cycle_years: None,
            max_age: None,
            min_education: None,
            min_title: None,
            exclude_same_or_higher: true,
            exclude_non_professional_leaders: true,
            cohort: vec![FieldQuota {
                field: ResearchField::Any,
                seats: 89,
            }],
            industries: vec![],
            funding: None,
        }
    }

    /// 自治区行业领军人才.
    ///
    /// # Provisional
    /// Age, numbers, funds and cycle are not known: left unset except one open field of 50
    /// seats per batch, to be replaced by the province's figure.
    #[must_use]
    pub fn industry_leader() -> Self {
        Self {
            tier: TalentTier::IndustryLeader,
            name: "自治区行业领军人才培养工程".into(),
            source: INDUSTRY_LEADER,
            cycle_years: None,
            max_age: None,
            min_education: None,
            min_title: Some(ProfessionalTitle::AssociateSenior),
            exclude_same_or_higher: true,
            exclude_non_professional_leaders: true,
            cohort: vec![FieldQuota {
                field: ResearchField::Any,
                seats: 50,
            }],
            industries: vec![],
            funding: None,
        }
    }

    /// 自治区杰出科技人才 (实施办法 2022): 5-year cycle, up to 600万元 per person, half from the
    /// 人才专项资金 and half from 科技资金, each paying 100万元 once the agreement is signed.
    ///
    /// # Provisional
    /// Age limit and headcount are not known; 正高级 as the least title and 10 seats per batch
    /// are placeholders to replace with the province's figures.
    #[must_use]
    pub fn distinguished_sci_tech() -> Self {
        Self {
            tier: TalentTier::DistinguishedSciTech,
            name: "自治区杰出科技人才".into(),
            source: DISTINGUISHED_RULES,
            cycle_years: Some(5),
            max_age: None,
            min_education: None,
            min_title: Some(ProfessionalTitle::FullSenior),
            exclude_same_or_higher: true,
            exclude_non_professional_leaders: true,
            cohort: vec![FieldQuota {
                field: ResearchField::Any,
                seats: 10,
            }],
            industries: vec![],
            funding: Some(FundingPlan {
                max_grant: Yuan::wan(600),
                shares: vec![
                    (FundingSource::TalentFund, 500),
                    (FundingSource::SciTechFund, 500),
                ],
                first_payment_per_source: Some(Yuan::wan(100)),
            }),
        }
    }

    /// Seats for `field` in a batch (0 if the programme has none).
    #[must_use]
    pub fn seats_for(&self, field: ResearchField) -> u32 {
        self.cohort
            .iter()
            .filter(|q| q.field == field)
            .map(|q| q.seats)
            .sum()
    }
}

impl Default for ProgrammeDefinition {
    fn default() -> Self {
        Self::young_nurtured()
    }
}

impl Policy for ProgrammeDefinition {
    fn citations(&self) -> Vec<(&'static str, Citation)> {
        [
            "cycle_years",
            "max_age",
            "min_education",
            "min_title",
            "cohort",
            "funding",
        ]
        .into_iter()
        .map(|f| {
            // The 2024 青年托举 notice keeps the 2020 age, cycle and funding.
            let from_2020 = self.tier == TalentTier::YoungNurtured
                && matches!(f, "cycle_years" | "max_age" | "min_education" | "funding");
            (
                f,
                if from_2020 {
                    NURTURED_2020
                } else {
                    self.source.clone()
                },
            )
        })
        .collect()
    }

    fn validate(&self) -> Result<(), PolicyError> {
        if self.cohort.is_empty() || self.cohort.iter().all(|q| q.seats == 0) {
            return Err(PolicyError::Invalid {
                field: "cohort",
                reason: "no seats".into(),
            });
        }
        if let Some(f) = &self.funding {
            let total: u32 = f.shares.iter().map(|(_, s)| *s).sum();
            if total != 1000 {
                return Err(PolicyError::Invalid {
                    field: "funding",
                    reason: format!("shares add up to {total}‰, not 1000‰"),
                });
            }
        }
        if self.cycle_years == Some(0) {
            return Err(PolicyError::OutOfRange {
                field: "cycle_years",
                value: 0,
                min: 1,
                max: 10,
            });
        }
        Ok(())
    }
}
