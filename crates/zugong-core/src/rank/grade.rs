use serde::{Deserialize, Serialize};

use crate::official_terms;

/// 职级: the twelve grades of the 综合管理类 sequence, 一级巡视员 … 二级科员
/// (《中华人民共和国公务员法》(2018) 第十九条). Grades exist only below 厅局级 and are promoted
/// 逐级 (第四十九条).
///
/// A higher grade compares greater; [`CivilServiceGrade::ALL`] is the official order,
/// high → low.
///
/// ```
/// use zugong_core::{CivilServiceGrade, SalaryLevel};
///
/// let g: CivilServiceGrade = "四级调研员".parse()?;
/// assert!(g > CivilServiceGrade::FirstClassPrincipalStaff);
/// let range = g.salary_levels();
/// assert_eq!((range.highest.get(), range.lowest.get()), (14, 20));
/// assert!(range.contains(SalaryLevel::new(17)?));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CivilServiceGrade {
    /// 二级科员.
    SecondClassStaff,
    /// 一级科员.
    FirstClassStaff,
    /// 四级主任科员.
    FourthClassPrincipalStaff,
    /// 三级主任科员.
    ThirdClassPrincipalStaff,
    /// 二级主任科员.
    SecondClassPrincipalStaff,
    /// 一级主任科员: the top of the "yearly 12 days or 90学时" training group.
    FirstClassPrincipalStaff,
    /// 四级调研员: the floor of the "5 years, 3 months or 550学时" training group.
    FourthClassResearcher,
    /// 三级调研员.
    ThirdClassResearcher,
    /// 二级调研员.
    SecondClassResearcher,
    /// 一级调研员.
    FirstClassResearcher,
    /// 二级巡视员.
    SecondClassInspector,
    /// 一级巡视员.
    FirstClassInspector,
}

official_terms!(CivilServiceGrade, "职级 (civil-service grade)", {
    FirstClassInspector => "一级巡视员",
    SecondClassInspector => "二级巡视员",
    FirstClassResearcher => "一级调研员",
    SecondClassResearcher => "二级调研员",
    ThirdClassResearcher => "三级调研员",
    FourthClassResearcher => "四级调研员",
    FirstClassPrincipalStaff => "一级主任科员",
    SecondClassPrincipalStaff => "二级主任科员",
    ThirdClassPrincipalStaff => "三级主任科员",
    FourthClassPrincipalStaff => "四级主任科员",
    FirstClassStaff => "一级科员",
    SecondClassStaff => "二级科员",
});

impl CivilServiceGrade {
    /// The 级别 range of the grade (《公务员职务与职级并行规定》(2019) 第八条; secondary).
    #[must_use]
    pub const fn salary_levels(self) -> SalaryLevelRange {
        let (highest, lowest) = match self {
            Self::FirstClassInspector => (8, 13),
            Self::SecondClassInspector => (10, 15),
            Self::FirstClassResearcher => (11, 17),
            Self::SecondClassResearcher => (12, 18),
            Self::ThirdClassResearcher => (13, 19),
            Self::FourthClassResearcher => (14, 20),
            Self::FirstClassPrincipalStaff => (15, 21),
            Self::SecondClassPrincipalStaff => (16, 22),
            Self::ThirdClassPrincipalStaff => (17, 23),
            Self::FourthClassPrincipalStaff => (18, 24),
            Self::FirstClassStaff => (18, 26),
            Self::SecondClassStaff => (19, 27),
        };
        SalaryLevelRange {
            highest: SalaryLevel(highest),
            lowest: SalaryLevel(lowest),
        }
    }

    /// The next grade up, if any (promotion is 逐级).
    #[must_use]
    pub fn next_up(self) -> Option<CivilServiceGrade> {
        let i = Self::ALL.iter().position(|g| *g == self)?;
        i.checked_sub(1).and_then(|j| Self::ALL.get(j)).copied()
    }
}

/// 级别: pay level 1 (highest) to 27 (《公务员法》 第二十一条). Validated on every path in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct SalaryLevel(u8);

/// A number that is not a 级别 (1–27).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("级别 runs from 1 to 27, found {0}")]
pub struct SalaryLevelError(pub u8);

impl SalaryLevel {
    /// A pay level.
    ///
    /// # Errors
    /// [`SalaryLevelError`] outside 1–27.
    pub const fn new(level: u8) -> Result<Self, SalaryLevelError> {
        if level >= 1 && level <= 27 {
            Ok(Self(level))
        } else {
            Err(SalaryLevelError(level))
        }
    }

    /// The number, 1 (highest) to 27.
    #[must_use]
    pub const fn get(self) -> u8 {
        self.0
    }
}

impl TryFrom<u8> for SalaryLevel {
    type Error = SalaryLevelError;
    fn try_from(v: u8) -> Result<Self, Self::Error> {
        Self::new(v)
    }
}

impl From<SalaryLevel> for u8 {
    fn from(l: SalaryLevel) -> Self {
        l.0
    }
}

/// The 级别 a grade spans, from its highest (smallest number) to its lowest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SalaryLevelRange {
    /// The highest pay level (smallest number).
    pub highest: SalaryLevel,
    /// The lowest pay level (largest number).
    pub lowest: SalaryLevel,
}

impl SalaryLevelRange {
    /// Whether `level` lies in the range.
    #[must_use]
    pub const fn contains(self, level: SalaryLevel) -> bool {
        level.0 >= self.highest.0 && level.0 <= self.lowest.0
    }
}
