//! The records behind 第八条(六) and (七): the health examinations that show 正常履行职责的身体
//! 条件, and the qualifications that 有关法律规定 require for a post (法律职业资格 for a judge or a
//! prosecutor, 教师资格 for a school's teaching post). The caller records what was found — an
//! examination's conclusion, a certificate obtained — and the rules decide from them.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use zugong_core::{Citation, SourceStatus};

use crate::policy::{ART_8_6, ART_8_7};
use crate::{Requirement, Strength, Unmet};

/// 体检结论: what an examination concluded about the cadre's fitness for duty.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HealthConclusion {
    /// 能够正常履行职责.
    Fit,
    /// 不能正常履行职责.
    Unfit,
}

zugong_core::official_terms!(HealthConclusion, "体检结论 (health conclusion)", {
    Fit => "能够正常履行职责" | "合格",
    Unfit => "不能正常履行职责" | "不合格",
});

/// 体检: one examination, dated, with its conclusion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct HealthExamination {
    /// The day of the examination.
    pub examined_on: NaiveDate,
    /// What it concluded.
    pub conclusion: HealthConclusion,
}

impl HealthExamination {
    /// An examination on `examined_on` concluding `conclusion`.
    #[must_use]
    pub const fn new(examined_on: NaiveDate, conclusion: HealthConclusion) -> Self {
        Self {
            examined_on,
            conclusion,
        }
    }
}

/// A qualification that a law makes a condition of holding a post.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QualificationKind {
    /// 法律职业资格 (《法官法》 第十二条, 《检察官法》 第十二条): judges and prosecutors, the
    /// president of a court and the chief of a procuratorate among them.
    LegalProfession,
    /// 教师资格 (《教师法》 第十条): a teaching post of a school.
    Teaching,
}

zugong_core::official_terms!(QualificationKind, "任职资格 (qualification)", {
    LegalProfession => "法律职业资格",
    Teaching => "教师资格",
});

impl QualificationKind {
    /// The law that requires it.
    #[must_use]
    pub const fn citation(self) -> Citation {
        match self {
            Self::LegalProfession => Citation::new(
                "《中华人民共和国法官法》(2019)；《中华人民共和国检察官法》(2019)",
                "第十二条",
                SourceStatus::Confirmed,
            ),
            Self::Teaching => Citation::new(
                "《中华人民共和国教师法》",
                "第十条",
                SourceStatus::Confirmed,
            ),
        }
    }
}

/// 资格证书: a qualification obtained on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Qualification {
    /// Which.
    pub kind: QualificationKind,
    /// The day it was obtained.
    pub obtained_on: NaiveDate,
}

impl Qualification {
    /// `kind`, obtained on `obtained_on`.
    #[must_use]
    pub const fn new(kind: QualificationKind, obtained_on: NaiveDate) -> Self {
        Self { kind, obtained_on }
    }
}

/// 第八条(六) from the examinations: the latest on or before `on` decides. An `Unfit`
/// conclusion is a binding bar; a later `Fit` one lifts it. No examination at all is no
/// finding: fitness is examined in the 考察, and an unrecorded examination is not evidence of
/// unfitness.
#[must_use]
pub fn check_health(examinations: &[HealthExamination], on: NaiveDate) -> Option<Unmet> {
    let latest = examinations
        .iter()
        .filter(|e| e.examined_on <= on)
        .max_by_key(|e| e.examined_on)?;
    (latest.conclusion == HealthConclusion::Unfit).then(|| Unmet {
        requirement: Requirement::Health,
        strength: Strength::Required,
        waivable: false,
        detail: format!(
            "{} 体检结论为不能正常履行职责，不具有正常履行职责的身体条件",
            latest.examined_on
        ),
        citation: ART_8_6,
    })
}

/// 第八条(七) for a post that requires `required`: each kind not obtained on or before `on` is
/// a binding requirement unmet, citing the law that requires it.
///
/// ```
/// use chrono::NaiveDate;
/// use zugong_cadre::{check_qualifications, Qualification, QualificationKind};
/// let d = |y| NaiveDate::from_ymd_opt(y, 1, 1).unwrap();
/// let held = [Qualification::new(QualificationKind::LegalProfession, d(2020))];
/// let judge = [QualificationKind::LegalProfession];
/// assert!(check_qualifications(&held, &judge, d(2026)).is_empty());
/// assert_eq!(check_qualifications(&held, &judge, d(2019)).len(), 1);
/// assert_eq!(check_qualifications(&[], &[QualificationKind::Teaching], d(2026)).len(), 1);
/// ```
#[must_use]
pub fn check_qualifications(
    held: &[Qualification],
    required: &[QualificationKind],
    on: NaiveDate,
) -> Vec<Unmet> {
    required
        .iter()
        .filter(|kind| !held.iter().any(|q| q.kind == **kind && q.obtained_on <= on))
        .map(|kind| Unmet {
            requirement: Requirement::LegalQualifications,
            strength: Strength::Required,
            waivable: false,
            detail: format!("未取得{kind}，不符合有关法律规定的资格要求（{ART_8_7}）"),
            citation: kind.citation(),
        })
        .collect()
}
