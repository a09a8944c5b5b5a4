//! The records behind 第八条(六) and (七): the health examinations that show 正常履行职责的身体
//! 条件, and the qualifications that 有关法律规定 require for a post (法律职业资格 for a judge or a
//! prosecutor, 教师资格 for a school's teaching post). The caller records what was found — an
//! examination's conclusion, a certificate obtained — and the rules decide from them.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use zugong_core::{Citation, SourceStatus};

use crate::citations::{ART_8_6, ART_8_7};
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

/// 第八条(五)'s training (条例 第十四条), as the figures of 《干部教育培训工作条例》 set them:
/// 县处级以上 5 years, 3 calendar months or 550学时; 乡科级 one year, 12 days or 90学时. The same
/// figures as `zugong_training::TrainingPolicy` (the domain crates do not depend on one another;
/// a province that changes one changes both). Tighten only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(remote = "Self")]
pub struct TrainingFloor {
    /// 县处级以上: the years looked back from the day: 5.
    pub senior_window_years: u32,
    /// 县处级以上: calendar months of training, from the first day of the first credit in the
    /// window: 3.
    pub senior_months: u32,
    /// 县处级以上: or this many 学时, in tenths: 5500 (550学时).
    pub senior_tenths: u32,
    /// 乡科级: days of training in the year up to the day: 12.
    pub junior_days: u32,
    /// 乡科级: or this many 学时 in the year, in tenths: 900 (90学时).
    pub junior_tenths: u32,
}

zugong_core::validated_policy_serde!(TrainingFloor);

/// 《干部教育培训工作条例》 第十四条.
const TRAINING_ART_14: Citation = Citation::new(
    "《干部教育培训工作条例》(2023)",
    "第十四条",
    SourceStatus::Confirmed,
);

impl Default for TrainingFloor {
    fn default() -> Self {
        Self {
            senior_window_years: 5,
            senior_months: 3,
            senior_tenths: 5500,
            junior_days: 12,
            junior_tenths: 900,
        }
    }
}

impl zugong_core::Policy for TrainingFloor {
    fn citations(&self) -> Vec<(&'static str, Citation)> {
        [
            "senior_window_years",
            "senior_months",
            "senior_tenths",
            "junior_days",
            "junior_tenths",
        ]
        .into_iter()
        .map(|f| (f, TRAINING_ART_14))
        .collect()
    }

    fn validate(&self) -> Result<(), zugong_core::PolicyError> {
        use zugong_core::PolicyError;
        let national = Self::default();
        PolicyError::within("senior_window_years", self.senior_window_years, 1, 5)?;
        PolicyError::at_least(
            "senior_months",
            self.senior_months,
            national.senior_months,
            TRAINING_ART_14,
        )?;
        PolicyError::at_least(
            "senior_tenths",
            self.senior_tenths,
            national.senior_tenths,
            TRAINING_ART_14,
        )?;
        PolicyError::at_least(
            "junior_days",
            self.junior_days,
            national.junior_days,
            TRAINING_ART_14,
        )?;
        PolicyError::at_least(
            "junior_tenths",
            self.junior_tenths,
            national.junior_tenths,
            TRAINING_ART_14,
        )?;
        Ok(())
    }
}

/// 培训记录: training credited to the cadre — a class (or the total of a period's classes)
/// ending on a day, with its days and 学时.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TrainingCredit {
    /// The last day of the training.
    pub ended_on: NaiveDate,
    /// Training days (脱产/集中): the training ran over the `days` days up to `ended_on`.
    pub days: u32,
    /// 学时, in tenths.
    pub tenths: u32,
}

impl TrainingCredit {
    /// `days` days and `tenths` tenths of 学时 of training ending on `ended_on`.
    #[must_use]
    pub const fn new(ended_on: NaiveDate, days: u32, tenths: u32) -> Self {
        Self {
            ended_on,
            days,
            tenths,
        }
    }

    fn started_on(self) -> NaiveDate {
        self.ended_on
            .checked_sub_days(chrono::Days::new(u64::from(self.days.saturating_sub(1))))
            .unwrap_or(NaiveDate::MIN)
    }
}

/// Whether the credits meet 第十四条 on `on` for a cadre at 县处级以上 (`senior`) or below:
/// the senior window is the years up to the day (3 calendar months counted from the first day
/// of the first credit in it, or the 学时); the junior one the year up to the day.
///
/// ```
/// use chrono::NaiveDate;
/// use zugong_cadre::{training_met, TrainingCredit, TrainingFloor};
/// let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
/// let floor = TrainingFloor::default();
/// // A 脱产 class from 1 February to 30 April 2026: three calendar months in 89 days.
/// let class = [TrainingCredit::new(d(2026, 4, 30), 89, 0)];
/// assert!(training_met(&class, true, d(2026, 6, 1), &floor));
/// assert!(!training_met(&[TrainingCredit::new(d(2026, 5, 30), 91, 0)], true, d(2026, 6, 1), &floor));
/// // 乡科级: 12 days in the year up to the day.
/// assert!(training_met(&[TrainingCredit::new(d(2026, 3, 1), 12, 0)], false, d(2026, 6, 1), &floor));
/// assert!(!training_met(&[TrainingCredit::new(d(2025, 3, 1), 12, 0)], false, d(2026, 6, 1), &floor));
/// ```
#[must_use]
pub fn training_met(
    credits: &[TrainingCredit],
    senior: bool,
    on: NaiveDate,
    floor: &TrainingFloor,
) -> bool {
    let back = |years: u32| {
        on.checked_sub_months(chrono::Months::new(years.saturating_mul(12)))
            .unwrap_or(NaiveDate::MIN)
    };
    let from = if senior {
        back(floor.senior_window_years)
    } else {
        back(1)
    };
    let within: Vec<TrainingCredit> = credits
        .iter()
        .filter(|c| c.ended_on > from && c.ended_on <= on)
        .copied()
        .collect();
    let days = within.iter().fold(0u32, |a, c| a.saturating_add(c.days));
    let tenths = within.iter().fold(0u32, |a, c| a.saturating_add(c.tenths));
    if senior {
        let first = within
            .iter()
            .map(|c| c.started_on().max(from))
            .min()
            .unwrap_or(from);
        let months_end =
            zugong_core::dates::add_months(first, floor.senior_months).unwrap_or(NaiveDate::MAX);
        let needed = u32::try_from((months_end - first).num_days()).unwrap_or(u32::MAX);
        days >= needed || tenths >= floor.senior_tenths
    } else {
        days >= floor.junior_days || tenths >= floor.junior_tenths
    }
}
