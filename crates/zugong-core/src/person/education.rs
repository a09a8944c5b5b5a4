use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::official_terms;

/// 学历: highest schooling completed (GB/T 4658-2006).
///
/// Ordered so that **more schooling compares greater**: eligibility rules read "大学专科以上"
/// as `level >= EducationLevel::JuniorCollege` (《党政领导干部选拔任用工作条例》 Art 8(四)).
/// [`EducationLevel::ALL`] lists the official order, high → low.
///
/// # Provisional
/// The GB/T 4658-2006 code values returned by [`EducationLevel::code`] are best knowledge
/// (domain brief §1.7).
///
/// ```
/// use zugong_core::EducationLevel;
/// let level: EducationLevel = "大学本科".parse()?;
/// assert!(level >= EducationLevel::JuniorCollege);
/// assert_eq!(level.code(), 20);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EducationLevel {
    /// 其他 (90): below primary or not recorded.
    Other,
    /// 小学 (80).
    Primary,
    /// 初中 (70).
    JuniorHigh,
    /// 高中 (60).
    SeniorHigh,
    /// 中等职业教育 / 中专 (40).
    SecondaryVocational,
    /// 大学专科 (30): three-year college; the general minimum for 党政领导干部.
    JuniorCollege,
    /// 大学本科 (20): bachelor level; generally required for 厅局级以上.
    Undergraduate,
    /// 研究生 (10): master's or doctoral study.
    Postgraduate,
}

official_terms!(EducationLevel, "学历 (education level)", {
    Postgraduate => "研究生" | "研究生教育",
    Undergraduate => "大学本科" | "本科",
    JuniorCollege => "大学专科" | "专科" | "大专",
    SecondaryVocational => "中等职业教育" | "中专",
    SeniorHigh => "高中" | "普通高级中学",
    JuniorHigh => "初中" | "初级中学",
    Primary => "小学",
    Other => "其他",
});

impl EducationLevel {
    /// The GB/T 4658-2006 two-digit code of the level (first digit; the second digit marks
    /// graduation variants and is 0 here). Provisional.
    #[must_use]
    pub const fn code(self) -> u8 {
        match self {
            Self::Postgraduate => 10,
            Self::Undergraduate => 20,
            Self::JuniorCollege => 30,
            Self::SecondaryVocational => 40,
            Self::SeniorHigh => 60,
            Self::JuniorHigh => 70,
            Self::Primary => 80,
            Self::Other => 90,
        }
    }
}

/// 学位: academic degree, recorded separately from 学历.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Degree {
    /// 学士.
    Bachelor,
    /// 硕士.
    Master,
    /// 博士.
    Doctor,
}

official_terms!(Degree, "学位 (degree)", {
    Doctor => "博士",
    Master => "硕士",
    Bachelor => "学士",
});

/// 全日制教育 / 在职教育: how the schooling was done; cadre forms record both separately.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StudyMode {
    /// 全日制教育.
    FullTime,
    /// 在职教育.
    InService,
}

official_terms!(StudyMode, "教育形式 (study mode)", {
    FullTime => "全日制教育" | "全日制",
    InService => "在职教育" | "在职",
});

/// 毕业 / 结业 / 肄业: how a course of study ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Completion {
    /// 毕业: graduated.
    Graduated,
    /// 结业: finished without the full qualification.
    Completed,
    /// 肄业: left before finishing.
    Incomplete,
}

official_terms!(Completion, "学业完成情况 (completion)", {
    Graduated => "毕业",
    Completed => "结业",
    Incomplete => "肄业",
});

/// One course of study in a person's record (学历学位信息).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EducationRecord {
    /// 学历 level of the course.
    pub level: EducationLevel,
    /// 学位 obtained, if any.
    pub degree: Option<Degree>,
    /// 全日制 or 在职.
    pub mode: StudyMode,
    /// How it ended.
    pub completion: Completion,
    /// School (毕业院校).
    pub institution: String,
    /// Major (专业).
    pub major: String,
    /// Date finished, if known.
    pub finished_on: Option<NaiveDate>,
}

impl EducationRecord {
    /// Whether the record counts as attaining its level: only 毕业 does.
    #[must_use]
    pub fn attained(&self) -> Option<EducationLevel> {
        (self.completion == Completion::Graduated).then_some(self.level)
    }
}
