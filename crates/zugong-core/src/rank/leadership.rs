use serde::{Deserialize, Serialize};

use crate::official_terms;

/// 正职 / 副职: principal or deputy post at a level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PostSeniority {
    /// 副职.
    Deputy,
    /// 正职.
    Chief,
}

official_terms!(PostSeniority, "正副职 (post seniority)", {
    Chief => "正职",
    Deputy => "副职",
});

/// The five levels of government and post (级), each with a 正职 and a 副职
/// (《公务员法》 第十八条). A higher level compares greater.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RankLevel {
    /// 乡科级.
    TownshipSection,
    /// 县处级.
    CountyDivision,
    /// 厅局级.
    BureauDepartment,
    /// 省部级.
    ProvincialMinisterial,
    /// 国家级.
    National,
}

official_terms!(RankLevel, "职务级别 (rank level)", {
    National => "国家级",
    ProvincialMinisterial => "省部级",
    BureauDepartment => "厅局级",
    CountyDivision => "县处级",
    TownshipSection => "乡科级",
});

impl RankLevel {
    /// The level one below, if any.
    #[must_use]
    pub const fn below(self) -> Option<RankLevel> {
        match self {
            Self::National => Some(Self::ProvincialMinisterial),
            Self::ProvincialMinisterial => Some(Self::BureauDepartment),
            Self::BureauDepartment => Some(Self::CountyDivision),
            Self::CountyDivision => Some(Self::TownshipSection),
            Self::TownshipSection => None,
        }
    }
}

/// 领导职务层次: the ten levels of leadership posts, 国家级正职 … 乡科级副职
/// (《中华人民共和国公务员法》(2018) 第十八条第二款).
///
/// A higher rank compares greater, so "县处级以上" reads
/// `rank >= LeadershipRank::CountyDivisionDeputy`. [`LeadershipRank::ALL`] is the official
/// order, high → low. Promotion is 逐级 (one step at a time) except under the 破格 rules
/// (公务员法 第四十五条); [`LeadershipRank::steps_above`] measures a jump.
///
/// ```
/// use zugong_core::{LeadershipRank, PostSeniority, RankLevel};
///
/// let r: LeadershipRank = "县处级副职".parse()?;
/// assert_eq!(r.level(), RankLevel::CountyDivision);
/// assert_eq!(r.seniority(), PostSeniority::Deputy);
/// assert!(r > LeadershipRank::TownshipSectionChief);
/// assert_eq!(r.steps_above(LeadershipRank::TownshipSectionDeputy), 2);
/// assert_eq!(serde_json::to_string(&r)?, "\"county_division_deputy\"");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LeadershipRank {
    /// 乡科级副职.
    TownshipSectionDeputy,
    /// 乡科级正职.
    TownshipSectionChief,
    /// 县处级副职.
    CountyDivisionDeputy,
    /// 县处级正职.
    CountyDivisionChief,
    /// 厅局级副职.
    BureauDepartmentDeputy,
    /// 厅局级正职.
    BureauDepartmentChief,
    /// 省部级副职.
    ProvincialMinisterialDeputy,
    /// 省部级正职.
    ProvincialMinisterialChief,
    /// 国家级副职.
    NationalDeputy,
    /// 国家级正职.
    NationalChief,
}

official_terms!(LeadershipRank, "领导职务层次 (leadership rank)", {
    NationalChief => "国家级正职",
    NationalDeputy => "国家级副职",
    ProvincialMinisterialChief => "省部级正职",
    ProvincialMinisterialDeputy => "省部级副职",
    BureauDepartmentChief => "厅局级正职",
    BureauDepartmentDeputy => "厅局级副职",
    CountyDivisionChief => "县处级正职",
    CountyDivisionDeputy => "县处级副职",
    TownshipSectionChief => "乡科级正职",
    TownshipSectionDeputy => "乡科级副职",
});

impl LeadershipRank {
    /// The rank at `level` with `seniority`.
    #[must_use]
    pub const fn new(level: RankLevel, seniority: PostSeniority) -> Self {
        use PostSeniority::{Chief, Deputy};
        match (level, seniority) {
            (RankLevel::TownshipSection, Deputy) => Self::TownshipSectionDeputy,
            (RankLevel::TownshipSection, Chief) => Self::TownshipSectionChief,
            (RankLevel::CountyDivision, Deputy) => Self::CountyDivisionDeputy,
            (RankLevel::CountyDivision, Chief) => Self::CountyDivisionChief,
            (RankLevel::BureauDepartment, Deputy) => Self::BureauDepartmentDeputy,
            (RankLevel::BureauDepartment, Chief) => Self::BureauDepartmentChief,
            (RankLevel::ProvincialMinisterial, Deputy) => Self::ProvincialMinisterialDeputy,
            (RankLevel::ProvincialMinisterial, Chief) => Self::ProvincialMinisterialChief,
            (RankLevel::National, Deputy) => Self::NationalDeputy,
            (RankLevel::National, Chief) => Self::NationalChief,
        }
    }

    /// The level (级) of the rank.
    #[must_use]
    pub const fn level(self) -> RankLevel {
        match self {
            Self::TownshipSectionDeputy | Self::TownshipSectionChief => RankLevel::TownshipSection,
            Self::CountyDivisionDeputy | Self::CountyDivisionChief => RankLevel::CountyDivision,
            Self::BureauDepartmentDeputy | Self::BureauDepartmentChief => {
                RankLevel::BureauDepartment
            }
            Self::ProvincialMinisterialDeputy | Self::ProvincialMinisterialChief => {
                RankLevel::ProvincialMinisterial
            }
            Self::NationalDeputy | Self::NationalChief => RankLevel::National,
        }
    }

    /// 正职 or 副职.
    #[must_use]
    pub const fn seniority(self) -> PostSeniority {
        match self {
            Self::TownshipSectionChief
            | Self::CountyDivisionChief
            | Self::BureauDepartmentChief
            | Self::ProvincialMinisterialChief
            | Self::NationalChief => PostSeniority::Chief,
            _ => PostSeniority::Deputy,
        }
    }

    /// Position on the ten-step ladder: 1 for 乡科级副职 … 10 for 国家级正职.
    #[must_use]
    pub const fn step(self) -> u8 {
        self as u8 + 1
    }

    /// How many steps `self` lies above `other` on the ten-step ladder (negative when below).
    /// A promotion of 1 step is 逐级; 2 steps skips one level (越一级).
    #[must_use]
    pub const fn steps_above(self, other: LeadershipRank) -> i8 {
        self.step() as i8 - other.step() as i8
    }

    /// The next rank up, if any.
    #[must_use]
    pub fn next_up(self) -> Option<LeadershipRank> {
        let i = Self::ALL.iter().position(|r| *r == self)?;
        i.checked_sub(1).and_then(|j| Self::ALL.get(j)).copied()
    }
}
