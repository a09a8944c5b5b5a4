//! The talent tiers (人才梯次) and professional titles (职称).

use serde::{Deserialize, Serialize};
use thiserror::Error;

/// 人才梯次: Ningxia's four regional talent programmes, ordered low → high
/// (青年托举 < 青年拔尖 < 行业领军 < 杰出科技). A higher tier compares greater.
///
/// # Provisional
/// The order follows the programmes' names; the 2024 青年托举 notice's exclusion of people
/// already in "a programme of the same or a higher tier" confirms that tiers are ordered
/// (domain brief §3.2), but the ladder as a formal promotion rule is not sourced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TalentTier {
    /// 青年托举人才: young professionals lifted by a mentor and a three-year grant.
    YoungNurtured,
    /// 青年拔尖人才: top young talent, selected in batches since 2016.
    YoungTopTalent,
    /// 行业领军人才: leading figures of an industry.
    IndustryLeader,
    /// 杰出科技人才: the highest tier, five years and up to 600万元.
    DistinguishedSciTech,
}

zugong_core::official_terms!(TalentTier, "人才梯次 (talent tier)", {
    DistinguishedSciTech => "杰出科技人才",
    IndustryLeader => "行业领军人才",
    YoungTopTalent => "青年拔尖人才",
    YoungNurtured => "青年托举人才",
});

impl TalentTier {
    /// The next tier up (梯次晋升), if any.
    #[must_use]
    pub const fn next_up(self) -> Option<TalentTier> {
        match self {
            Self::YoungNurtured => Some(Self::YoungTopTalent),
            Self::YoungTopTalent => Some(Self::IndustryLeader),
            Self::IndustryLeader => Some(Self::DistinguishedSciTech),
            Self::DistinguishedSciTech => None,
        }
    }
}

/// 职称: professional title level. In some series 初级 splits into 助理级 and 员级. A higher
/// level compares greater.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProfessionalTitle {
    /// 员级 (初级).
    JuniorTechnician,
    /// 助理级 (初级).
    JuniorAssistant,
    /// 中级 (讲师, 工程师).
    Intermediate,
    /// 副高级 (副教授, 高级工程师).
    AssociateSenior,
    /// 正高级 (教授, 研究员, 正高级工程师).
    FullSenior,
}

zugong_core::official_terms!(ProfessionalTitle, "职称 (professional title)", {
    FullSenior => "正高级" | "正高",
    AssociateSenior => "副高级" | "副高",
    Intermediate => "中级",
    JuniorAssistant => "助理级" | "初级",
    JuniorTechnician => "员级",
});

/// A number that is not a 专业技术岗位 grade.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
#[error("专业技术岗位等级 runs from 1 to 13, found {0}")]
pub struct PostGradeError(pub u8);

/// 专业技术岗位等级: the 13 professional post grades of 事业单位 (1 highest): 正高 1–4, 副高 5–7,
/// 中级 8–10, 初级 11–13, 13 being 员级 (domain brief §3.4, secondary).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct ProfessionalPostGrade(u8);

impl ProfessionalPostGrade {
    /// A grade.
    ///
    /// # Errors
    /// [`PostGradeError`] outside 1–13.
    pub const fn new(grade: u8) -> Result<Self, PostGradeError> {
        if grade >= 1 && grade <= 13 {
            Ok(Self(grade))
        } else {
            Err(PostGradeError(grade))
        }
    }

    /// The number, 1 (highest) to 13.
    #[must_use]
    pub const fn get(self) -> u8 {
        self.0
    }

    /// The title level the grade belongs to.
    #[must_use]
    pub const fn title(self) -> ProfessionalTitle {
        match self.0 {
            1..=4 => ProfessionalTitle::FullSenior,
            5..=7 => ProfessionalTitle::AssociateSenior,
            8..=10 => ProfessionalTitle::Intermediate,
            11 | 12 => ProfessionalTitle::JuniorAssistant,
            _ => ProfessionalTitle::JuniorTechnician,
        }
    }
}

impl TryFrom<u8> for ProfessionalPostGrade {
    type Error = PostGradeError;
    fn try_from(v: u8) -> Result<Self, Self::Error> {
        Self::new(v)
    }
}

impl From<ProfessionalPostGrade> for u8 {
    fn from(g: ProfessionalPostGrade) -> Self {
        g.0
    }
}
