//! The whole career (干部职业生涯全周期管理): a timeline with as-of queries and the 关键少数.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use zugong_core::dates::{completed_months, completed_years};
use zugong_core::{CadreId, LeadershipRank, OrgUnitId, RankLevel, RankOrGrade};

use crate::{AdjustmentKind, AssessmentOutcome, MistakeRecord, counts_toward_seniority};

/// One fact of a career.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CareerFact {
    /// Took up a post.
    PostStarted {
        /// When.
        on: NaiveDate,
        /// Unit.
        unit: OrgUnitId,
        /// Rank or grade.
        rank: RankOrGrade,
        /// Whether it is the unit's principal post (一把手).
        principal: bool,
        /// Whether it is a key post (人事、财务、审批、执法…).
        key_post: bool,
    },
    /// Left a post.
    PostEnded {
        /// When.
        on: NaiveDate,
        /// Unit.
        unit: OrgUnitId,
        /// Why, if an adjustment.
        adjustment: Option<AdjustmentKind>,
    },
    /// A year's assessment.
    Assessed {
        /// Year.
        year: i32,
        /// Outcome.
        outcome: AssessmentOutcome,
    },
    /// Training credited (from the training records).
    Trained {
        /// When.
        on: NaiveDate,
        /// Tenths of 学时.
        tenths: u32,
    },
    /// A recorded mistake.
    Mistake(MistakeRecord),
    /// A recognition of one of the 三龄 (出生日期, 参加工作时间, 入党时间).
    Recognized(zugong_core::FactRecognition),
}

/// 关键少数.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum KeyGroup {
    /// 一把手.
    TopLeader,
    /// 年轻干部.
    YoungCadre,
    /// 关键岗位干部.
    KeyPostCadre,
}

zugong_core::official_terms!(KeyGroup, "关键少数 (key group)", {
    TopLeader => "一把手",
    YoungCadre => "年轻干部",
    KeyPostCadre => "关键岗位干部",
});

/// Who counts as a 年轻干部 at each level: the oldest age.
///
/// # Provisional
/// Age bands for 年轻干部 are local practice; defaults: 乡科级 35, 县处级 40, 厅局级 45.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct YoungCadreAges {
    /// 乡科级.
    pub township: u32,
    /// 县处级.
    pub county: u32,
    /// 厅局级 and above.
    pub bureau: u32,
}

impl Default for YoungCadreAges {
    fn default() -> Self {
        Self {
            township: 35,
            county: 40,
            bureau: 45,
        }
    }
}

/// 干部职业生涯: a cadre's career, fact by fact, in order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CareerTimeline {
    /// Whose.
    pub cadre: CadreId,
    /// Birth date.
    pub birth_date: NaiveDate,
    /// Facts, oldest first.
    pub facts: Vec<CareerFact>,
}

impl CareerTimeline {
    /// The posts held on `on`: (unit, rank, since, principal, key post).
    #[must_use]
    pub fn posts_on(&self, on: NaiveDate) -> Vec<(OrgUnitId, RankOrGrade, NaiveDate, bool, bool)> {
        let mut held: Vec<(OrgUnitId, RankOrGrade, NaiveDate, bool, bool)> = Vec::new();
        for f in &self.facts {
            match f {
                CareerFact::PostStarted {
                    on: d,
                    unit,
                    rank,
                    principal,
                    key_post,
                } if *d <= on => held.push((*unit, *rank, *d, *principal, *key_post)),
                CareerFact::PostEnded { on: d, unit, .. } if *d <= on => {
                    held.retain(|h| h.0 != *unit)
                }
                _ => {}
            }
        }
        held
    }

    /// Months in the current post at `unit` on `on`.
    #[must_use]
    pub fn months_in_post(&self, unit: OrgUnitId, on: NaiveDate) -> Option<u32> {
        self.posts_on(on)
            .iter()
            .find(|p| p.0 == unit)
            .map(|p| completed_months(p.2, on))
    }

    /// Months at exactly `rank` up to `on`, over every post.
    #[must_use]
    pub fn months_at_rank(&self, rank: RankOrGrade, on: NaiveDate) -> u32 {
        let mut total = 0u32;
        let mut open: Vec<(OrgUnitId, NaiveDate)> = Vec::new();
        for f in &self.facts {
            match f {
                CareerFact::PostStarted {
                    on: d,
                    unit,
                    rank: r,
                    ..
                } if *r == rank && *d <= on => open.push((*unit, *d)),
                CareerFact::PostEnded { on: d, unit, .. } if *d <= on => {
                    if let Some(i) = open.iter().position(|o| o.0 == *unit) {
                        let (_, from) = open.swap_remove(i);
                        total = total.saturating_add(completed_months(from, *d));
                    }
                }
                _ => {}
            }
        }
        open.iter().fold(total, |t, (_, from)| {
            t.saturating_add(completed_months(*from, on))
        })
    }

    /// Assessment years from `from_year` on that count toward promotion seniority (称职 or 优秀;
    /// never 基本称职, 不称职 or ungraded years), and how many 优秀 years there are among them.
    #[must_use]
    pub fn counted_years(&self, from_year: i32) -> (u32, u32) {
        let mut counted = 0u32;
        let mut excellent = 0u32;
        for f in &self.facts {
            if let CareerFact::Assessed { year, outcome } = f
                && *year >= from_year
                && counts_toward_seniority(*outcome)
            {
                counted = counted.saturating_add(1);
                if *outcome == AssessmentOutcome::Graded(crate::AssessmentGrade::Excellent) {
                    excellent = excellent.saturating_add(1);
                }
            }
        }
        (counted, excellent)
    }

    /// The 关键少数 groups the cadre belongs to on `on`.
    #[must_use]
    pub fn key_groups(&self, on: NaiveDate, ages: &YoungCadreAges) -> Vec<KeyGroup> {
        let posts = self.posts_on(on);
        let mut out = Vec::new();
        if posts.iter().any(|p| p.3) {
            out.push(KeyGroup::TopLeader);
        }
        let highest: Option<LeadershipRank> = posts
            .iter()
            .filter_map(|p| match p.1 {
                RankOrGrade::Leadership(r) => Some(r),
                RankOrGrade::Grade(_) => None,
            })
            .max();
        if let Some(r) = highest {
            let limit = match r.level() {
                RankLevel::TownshipSection => ages.township,
                RankLevel::CountyDivision => ages.county,
                _ => ages.bureau,
            };
            if completed_years(self.birth_date, on) <= limit {
                out.push(KeyGroup::YoungCadre);
            }
        }
        if posts.iter().any(|p| p.4) {
            out.push(KeyGroup::KeyPostCadre);
        }
        out
    }
}

/// The watch list of a key group on a date (关键少数 监督).
#[must_use]
pub fn watch_list(
    careers: &[CareerTimeline],
    group: KeyGroup,
    on: NaiveDate,
    ages: &YoungCadreAges,
) -> Vec<CadreId> {
    careers
        .iter()
        .filter(|c| c.key_groups(on, ages).contains(&group))
        .map(|c| c.cadre)
        .collect()
}
