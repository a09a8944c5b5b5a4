//! Posts (职位) and what kind of post they are.

use serde::{Deserialize, Serialize};
use zugong_core::{LeadershipRank, OrgUnitId, PositionId, RankLevel, RankOrGrade};

/// 职位: a post of an org unit, counted against the unit's quota for its rank.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Post {
    /// Identifier.
    pub id: PositionId,
    /// The unit.
    pub unit: OrgUnitId,
    /// Title (e.g. `县教育局副局长`).
    pub title: String,
    /// The rank (领导职务层次, 正/副 included) or the 职级 it carries.
    pub rank: RankOrGrade,
    /// Whether it is a Party leadership post (党的领导职务: the 党龄 rule applies).
    pub party_post: bool,
    /// Whether it is filled by election (选任制: no 试用期).
    pub elected: bool,
    /// Whether it is in a 工作部门 (副职) or an 内设机构, where promotion carries a 试用期.
    pub probation_applies: bool,
}

impl Post {
    /// The leadership rank, if the post carries one.
    #[must_use]
    pub fn leadership_rank(&self) -> Option<LeadershipRank> {
        match self.rank {
            RankOrGrade::Leadership(r) => Some(r),
            RankOrGrade::Grade(_) => None,
        }
    }

    /// Whether 任前公示 applies: promotion to 厅局级以下 leadership posts (Ch 7).
    #[must_use]
    pub fn publicity_applies(&self) -> bool {
        self.leadership_rank()
            .is_some_and(|r| r.level() <= RankLevel::BureauDepartment)
    }

    /// Whether a 试用期 follows: non-elected 厅局级以下 posts of the listed kinds (Ch 7).
    #[must_use]
    pub fn has_probation(&self) -> bool {
        !self.elected && self.probation_applies && self.publicity_applies()
    }
}
