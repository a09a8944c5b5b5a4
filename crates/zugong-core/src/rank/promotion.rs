use serde::{Deserialize, Serialize};

use super::{CivilServiceGrade, LeadershipRank};
use crate::citation::{Citation, sources};
use crate::policy::{Policy, PolicyError};

/// Either a leadership rank or a grade: what a cadre holds when the rules compare them
/// (e.g. 县处级正职 or 二级调研员 may both lead to 一级调研员).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RankOrGrade {
    /// A 领导职务层次.
    Leadership(LeadershipRank),
    /// A 职级.
    Grade(CivilServiceGrade),
}

impl std::fmt::Display for RankOrGrade {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Leadership(r) => r.fmt(f),
            Self::Grade(g) => g.fmt(f),
        }
    }
}

impl std::str::FromStr for RankOrGrade {
    type Err = crate::ParseTermError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        s.parse::<LeadershipRank>()
            .map(Self::Leadership)
            .or_else(|_| s.parse::<CivilServiceGrade>().map(Self::Grade))
            .map_err(|_| crate::ParseTermError::new("领导职务或职级 (rank or grade)", s))
    }
}

/// One row of the years-to-promote table: promotion to `to` from any of `from` needs
/// `years` years in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GradePromotionRule {
    /// The grade promoted to.
    pub to: CivilServiceGrade,
    /// The ranks or grades it may be reached from.
    pub from: Vec<RankOrGrade>,
    /// Minimum years held in the `from` rank or grade (任职年限).
    pub years: u32,
}

/// Minimum years before promotion to a 职级, and the reduction for 优秀 years.
///
/// Default: the national table (《公务员职务与职级并行规定》(2019) 第十八条, secondary) and a
/// reduction of six months per 优秀 year (《公务员考核规定》(2020) 第十九条第（一）项,
/// secondary). A province may load its own.
///
/// ```
/// use zugong_core::{CivilServiceGrade as G, GradePromotionPolicy, RankOrGrade};
///
/// let policy = GradePromotionPolicy::default();
/// let from = RankOrGrade::Grade(G::SecondClassResearcher);
/// assert_eq!(policy.years_required(from, G::FirstClassResearcher), Some(3));
/// // Two 优秀 years take a year off the 36 months.
/// assert_eq!(policy.months_required(from, G::FirstClassResearcher, 2), Some(24));
/// // Not a listed path: 逐级 promotion does not skip grades.
/// assert_eq!(policy.years_required(RankOrGrade::Grade(G::FirstClassStaff), G::FirstClassResearcher), None);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(remote = "Self")]
pub struct GradePromotionPolicy {
    /// The table, one rule per target grade (并行规定 第十八条).
    pub rules: Vec<GradePromotionRule>,
    /// Months taken off the required period per year rated 优秀 (考核规定 第十九条第（一）项):
    /// default 6.
    pub excellent_year_reduction_months: u32,
    /// 公示 of the 拟晋升职级人选, in working days: 公示期不少于5个工作日 (并行规定 第二十条第
    /// （四）项). A province may lengthen it, never shorten it.
    #[serde(default = "default_publicity_working_days")]
    pub publicity_working_days: u32,
}

/// 并行规定 第二十条: the procedure of a promotion of grade and its 公示 of at least 5 working days.
const PARALLEL_RULES_ART_20: Citation = Citation::new(
    "《公务员职务与职级并行规定》(2019)",
    "第二十条第（四）项",
    crate::SourceStatus::Secondary,
);

const fn default_publicity_working_days() -> u32 {
    5
}

crate::validated_policy_serde!(GradePromotionPolicy);

impl Default for GradePromotionPolicy {
    fn default() -> Self {
        use CivilServiceGrade as G;
        use LeadershipRank as L;
        use RankOrGrade::{Grade, Leadership};
        let rule = |to, from: &[RankOrGrade], years| GradePromotionRule {
            to,
            from: from.to_vec(),
            years,
        };
        Self {
            rules: vec![
                rule(
                    G::FirstClassInspector,
                    &[
                        Leadership(L::BureauDepartmentDeputy),
                        Grade(G::SecondClassInspector),
                    ],
                    4,
                ),
                rule(
                    G::SecondClassInspector,
                    &[Grade(G::FirstClassResearcher)],
                    4,
                ),
                rule(
                    G::FirstClassResearcher,
                    &[
                        Leadership(L::CountyDivisionChief),
                        Grade(G::SecondClassResearcher),
                    ],
                    3,
                ),
                rule(
                    G::SecondClassResearcher,
                    &[Grade(G::ThirdClassResearcher)],
                    2,
                ),
                rule(
                    G::ThirdClassResearcher,
                    &[
                        Leadership(L::CountyDivisionDeputy),
                        Grade(G::FourthClassResearcher),
                    ],
                    2,
                ),
                rule(
                    G::FourthClassResearcher,
                    &[Grade(G::FirstClassPrincipalStaff)],
                    2,
                ),
                rule(
                    G::FirstClassPrincipalStaff,
                    &[
                        Leadership(L::TownshipSectionChief),
                        Grade(G::SecondClassPrincipalStaff),
                    ],
                    2,
                ),
                rule(
                    G::SecondClassPrincipalStaff,
                    &[Grade(G::ThirdClassPrincipalStaff)],
                    2,
                ),
                rule(
                    G::ThirdClassPrincipalStaff,
                    &[
                        Leadership(L::TownshipSectionDeputy),
                        Grade(G::FourthClassPrincipalStaff),
                    ],
                    2,
                ),
                rule(
                    G::FourthClassPrincipalStaff,
                    &[Grade(G::FirstClassStaff)],
                    2,
                ),
                rule(G::FirstClassStaff, &[Grade(G::SecondClassStaff)], 2),
            ],
            excellent_year_reduction_months: 6,
            publicity_working_days: default_publicity_working_days(),
        }
    }
}

impl GradePromotionPolicy {
    /// Years required to reach `to` from `from`, or `None` when the table has no such path.
    #[must_use]
    pub fn years_required(&self, from: RankOrGrade, to: CivilServiceGrade) -> Option<u32> {
        self.rules
            .iter()
            .find(|r| r.to == to && r.from.contains(&from))
            .map(|r| r.years)
    }

    /// Months required after `excellent_years` years rated 优秀 in the current rank or grade
    /// (never below zero), or `None` when the table has no such path.
    #[must_use]
    pub fn months_required(
        &self,
        from: RankOrGrade,
        to: CivilServiceGrade,
        excellent_years: u32,
    ) -> Option<u32> {
        let months = self.years_required(from, to)?.saturating_mul(12);
        Some(
            months.saturating_sub(
                excellent_years.saturating_mul(self.excellent_year_reduction_months),
            ),
        )
    }
}

impl Policy for GradePromotionPolicy {
    fn citations(&self) -> Vec<(&'static str, Citation)> {
        vec![
            ("rules", sources::PARALLEL_RULES_ART_18),
            (
                "excellent_year_reduction_months",
                sources::ASSESSMENT_RULES_ART_19,
            ),
            ("publicity_working_days", PARALLEL_RULES_ART_20),
        ]
    }

    fn validate(&self) -> Result<(), PolicyError> {
        for (i, rule) in self.rules.iter().enumerate() {
            if self.rules.iter().skip(i + 1).any(|r| r.to == rule.to) {
                return Err(PolicyError::Duplicate {
                    field: "rules",
                    key: rule.to.to_string(),
                });
            }
            if rule.from.is_empty() {
                return Err(PolicyError::Invalid {
                    field: "rules",
                    reason: format!(
                        "the rule for {} lists no rank or grade to come from",
                        rule.to
                    ),
                });
            }
            if let Some(bad) = rule
                .from
                .iter()
                .find(|f| matches!(f, RankOrGrade::Grade(g) if *g >= rule.to))
            {
                return Err(PolicyError::Invalid {
                    field: "rules",
                    reason: format!("promotion to {} cannot come from {bad}", rule.to),
                });
            }
        }
        if self.excellent_year_reduction_months > 12 {
            return Err(PolicyError::OutOfRange {
                field: "excellent_year_reduction_months",
                value: i64::from(self.excellent_year_reduction_months),
                min: 0,
                max: 12,
            });
        }
        PolicyError::at_least(
            "publicity_working_days",
            self.publicity_working_days,
            default_publicity_working_days(),
            PARALLEL_RULES_ART_20,
        )?;
        Ok(())
    }
}
