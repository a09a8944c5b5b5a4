//! Ranks: the ten leadership levels (领导职务层次) and the twelve grades (职级).

mod grade;
mod leadership;
mod promotion;

pub use grade::{CivilServiceGrade, SalaryLevel, SalaryLevelError, SalaryLevelRange};
pub use leadership::{LeadershipRank, PostSeniority, RankLevel};
pub use promotion::{GradePromotionPolicy, GradePromotionRule, RankOrGrade};
