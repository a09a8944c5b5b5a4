//! 评星 over a whole round in one pass: the raw points of every branch against one rubric,
//! turned into stars without a scoresheet, a map or an allocation per branch.
//!
//! [`Rubric::assess`] scores one sheet with everything a sheet may hold (deductions, bonuses,
//! vetoes, ceilings, evidence) and explains itself; at about a microsecond a sheet
//! (`benches/round.rs`) it costs a third of a second for a province's round, where this path
//! takes two milliseconds. A round's raw points need less: [`RoundScores`] holds them as one
//! flat array (a row per branch, the rubric's indicators in its order), checked as each row is
//! pushed, and [`RoundScores::stars`] gives every branch's stars by the rubric's award model.
//!
//! The stars are those [`Rubric::assess`] gives a sheet with the same points, the evidence
//! recorded, and no deduction, bonus, veto or ceiling (a property test holds the two
//! together); a branch with any of those is assessed one by one.
//!
//! ```
//! use zugong_branch::{Points, RoundScores, presets};
//!
//! let rubric = presets::five_star_110()?;
//! let mut round = RoundScores::new(&rubric);
//! let n = round.indicators();
//! // One branch with every indicator at its maximum, one with nothing.
//! let full: Vec<Points> = rubric
//!     .data()
//!     .dimensions
//!     .iter()
//!     .flat_map(|d| &d.indicators)
//!     .map(|i| i.max)
//!     .collect();
//! round.push(&full)?;
//! round.push(&vec![Points::ZERO; n])?;
//! let stars = round.stars();
//! assert!(stars[0] > stars[1]);
//! // A row of the wrong length, or a point above its indicator's maximum, is refused.
//! assert!(round.push(&full[1..]).is_err());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use crate::rubric::{AwardModel, Rubric, ScoreError};
use crate::star::{Points, StarLevel};

/// The raw points of a whole round against one rubric: a row per branch, each the points of
/// every indicator in the rubric's order (dimension by dimension, indicator by indicator, as
/// [`RubricData::dimensions`](crate::RubricData::dimensions) lists them), in one flat array.
///
/// A row is checked when it is pushed — as many points as the rubric has indicators, none
/// above its indicator's maximum — so every row held is one [`Rubric::assess`] would accept.
#[derive(Debug, Clone)]
pub struct RoundScores<'r> {
    rubric: &'r Rubric,
    /// Each indicator's maximum, in row order.
    maxima: Vec<Points>,
    /// Where each dimension's indicators end in a row (exclusive), in the rubric's order.
    dimension_ends: Vec<usize>,
    points: Vec<Points>,
    /// Branches pushed (kept apart from the points: a rubric may have no indicator at all).
    branches: usize,
}

impl<'r> RoundScores<'r> {
    /// An empty round against `rubric`.
    #[must_use]
    pub fn new(rubric: &'r Rubric) -> Self {
        Self::with_capacity(rubric, 0)
    }

    /// An empty round against `rubric`, with room for `branches` rows.
    #[must_use]
    pub fn with_capacity(rubric: &'r Rubric, branches: usize) -> Self {
        let dims = &rubric.data().dimensions;
        let maxima: Vec<Points> = dims
            .iter()
            .flat_map(|d| &d.indicators)
            .map(|i| i.max)
            .collect();
        let mut end = 0;
        let dimension_ends = dims
            .iter()
            .map(|d| {
                end += d.indicators.len();
                end
            })
            .collect();
        Self {
            rubric,
            points: Vec::with_capacity(branches.saturating_mul(maxima.len())),
            maxima,
            dimension_ends,
            branches: 0,
        }
    }

    /// How many points a row holds: the rubric's indicators.
    #[must_use]
    pub fn indicators(&self) -> usize {
        self.maxima.len()
    }

    /// How many branches the round holds.
    #[must_use]
    pub fn len(&self) -> usize {
        self.branches
    }

    /// Whether the round holds no branch.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.branches == 0
    }

    /// Adds one branch's points, in the rubric's indicator order.
    ///
    /// # Errors
    /// [`ScoreError::RowLength`] when `row` does not hold one point per indicator;
    /// [`ScoreError::AboveMaximum`] for a point above its indicator's maximum (the round is
    /// left as it was).
    pub fn push(&mut self, row: &[Points]) -> Result<(), ScoreError> {
        if row.len() != self.maxima.len() {
            return Err(ScoreError::RowLength {
                expected: self.maxima.len(),
                given: row.len(),
            });
        }
        if let Some((i, (given, max))) = row
            .iter()
            .zip(&self.maxima)
            .enumerate()
            .find(|(_, (given, max))| given > max)
        {
            let indicator = self
                .rubric
                .data()
                .dimensions
                .iter()
                .flat_map(|d| &d.indicators)
                .nth(i)
                .map(|ind| ind.code.clone())
                .unwrap_or_default();
            return Err(ScoreError::AboveMaximum {
                indicator,
                given: *given,
                max: *max,
            });
        }
        self.points.extend_from_slice(row);
        self.branches += 1;
        Ok(())
    }

    /// The points of the branch pushed `branch`-th, if there is one.
    #[must_use]
    pub fn row(&self, branch: usize) -> Option<&[Points]> {
        if branch >= self.branches {
            return None;
        }
        let n = self.maxima.len();
        let start = branch.checked_mul(n)?;
        self.points.get(start..start.checked_add(n)?)
    }

    /// Every branch's stars, in the order the rows were pushed: the rubric's base plus the
    /// points, then its award model — score bands (highest first; a five-star score without
    /// the innovation project a rubric may require gets its stated lower level, since raw
    /// points carry no bonus), or one star per dimension reaching its bar.
    #[must_use]
    pub fn stars(&self) -> Vec<StarLevel> {
        let data = self.rubric.data();
        let n = self.maxima.len();
        let rows = (0..self.branches).map(|b| {
            let start = b.saturating_mul(n);
            self.points
                .get(start..start.saturating_add(n))
                .unwrap_or_default()
        });
        match &data.model {
            AwardModel::ScoreBands {
                bands,
                innovation_for_five,
                without_innovation,
            } => {
                let five = if *innovation_for_five {
                    (*without_innovation).min(StarLevel::FIVE)
                } else {
                    StarLevel::FIVE
                };
                let thresholds: Vec<(u32, StarLevel)> = bands
                    .iter()
                    .map(|b| {
                        let stars = if b.stars == StarLevel::FIVE {
                            five
                        } else {
                            b.stars
                        };
                        (b.min.tenths(), stars)
                    })
                    .collect();
                let base = data.base.tenths();
                rows.map(|row| {
                    let total = row
                        .iter()
                        .fold(base, |sum, p| sum.saturating_add(p.tenths()));
                    thresholds
                        .iter()
                        .find(|(min, _)| total >= *min)
                        .map_or(StarLevel::NONE, |(_, stars)| *stars)
                })
                .collect()
            }
            AwardModel::DimensionStars => {
                let bars: Vec<Option<u32>> = data
                    .dimensions
                    .iter()
                    .map(|d| d.star_bar.map(Points::tenths))
                    .collect();
                rows.map(|row| {
                    let mut start = 0;
                    let mut earned = 0u8;
                    for (end, bar) in self.dimension_ends.iter().zip(&bars) {
                        let score = row
                            .get(start..*end)
                            .unwrap_or_default()
                            .iter()
                            .fold(0u32, |sum, p| sum.saturating_add(p.tenths()));
                        if bar.is_some_and(|bar| score >= bar) {
                            earned = earned.saturating_add(1);
                        }
                        start = *end;
                    }
                    StarLevel::new(earned.min(5)).unwrap_or(StarLevel::FIVE)
                })
                .collect()
            }
        }
    }
}
