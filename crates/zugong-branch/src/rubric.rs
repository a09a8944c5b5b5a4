//! Rating rubrics (评星标准) as data: dimensions, indicators, deductions, bonus items, veto
//! items, ceilings, an award model, distribution guidance and the publicity rule.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use thiserror::Error;
use zugong_core::Citation;

use crate::{Points, StarLevel};

/// 创评指标: one scored item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Indicator {
    /// Stable code, unique in the rubric (e.g. `leadership_team`).
    pub code: String,
    /// Name (e.g. `领导班子`).
    pub name: String,
    /// Most points it can give.
    pub max: Points,
    /// Whether a score must cite evidence (佐证材料).
    #[serde(default)]
    pub evidence_required: bool,
    /// Where the points come from records rather than an assessor's judgement: the branch's
    /// organizational life, the village's collective income ([`Scoresheet::fill_measured`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measure: Option<Measure>,
}

/// 量化指标: what a measured indicator's points are computed from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "measure", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Measure {
    /// 组织生活: the indicator's points in proportion to the required intervals met
    /// ([`crate::LifeSummary`]), rounded down to a tenth.
    OrganizationalLife,
    /// 村集体经济: the points in proportion to the village's 经营性收入, full marks from
    /// `full_marks_at` (a province's figure), rounded down to a tenth.
    OperatingIncome {
        /// The operating income that earns full marks.
        full_marks_at: zugong_core::Yuan,
    },
}

/// The records a branch's measured indicators read: each `None` when not recorded, and the
/// indicator is then left to the assessor.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct BranchMeasures {
    /// The year's organizational life (a summary with nothing required is not recorded).
    pub organizational_life: Option<crate::LifeSummary>,
    /// The village's 经营性收入 for the year.
    pub operating_income: Option<zugong_core::Yuan>,
}

impl BranchMeasures {
    /// Measures from the year's organizational life and, for a village, its collective income.
    #[must_use]
    pub const fn new(
        organizational_life: Option<crate::LifeSummary>,
        operating_income: Option<zugong_core::Yuan>,
    ) -> Self {
        Self {
            organizational_life,
            operating_income,
        }
    }
}

/// `max × part / whole` in tenths, rounded down; `None` when `whole` is zero.
fn share(max: Points, part: u64, whole: u64) -> Option<Points> {
    if whole == 0 {
        return None;
    }
    let tenths = u64::from(max.tenths()) * part.min(whole) / whole;
    Some(Points::from_tenths(
        u32::try_from(tenths).unwrap_or(max.tenths()),
    ))
}

impl Measure {
    /// The points `measures` earn on an indicator worth `max`, or `None` when the record it
    /// reads is missing.
    ///
    /// ```
    /// use zugong_branch::{BranchMeasures, Measure, Points};
    /// use zugong_core::Yuan;
    /// let m = Measure::OperatingIncome { full_marks_at: Yuan::wan(50) };
    /// let village = BranchMeasures::new(None, Some(Yuan::wan(20)));
    /// assert_eq!(m.points(Points::whole(10), &village), Some(Points::whole(4)));
    /// assert_eq!(Measure::OrganizationalLife.points(Points::whole(10), &village), None);
    /// ```
    #[must_use]
    pub fn points(self, max: Points, measures: &BranchMeasures) -> Option<Points> {
        match self {
            Self::OrganizationalLife => measures
                .organizational_life
                .and_then(|l| share(max, u64::from(l.met), u64::from(l.required))),
            Self::OperatingIncome { full_marks_at } => measures
                .operating_income
                .and_then(|y| share(max, y.0, full_marks_at.0)),
        }
    }

    fn evidence(self, measures: &BranchMeasures) -> Option<String> {
        match self {
            Self::OrganizationalLife => measures.organizational_life.map(|l| {
                format!(
                    "组织生活记录：应开展 {} 期，已开展 {} 期",
                    l.required, l.met
                )
            }),
            Self::OperatingIncome { .. } => measures
                .operating_income
                .map(|y| format!("村集体经济年报：经营性收入 {y}")),
        }
    }
}

/// A dimension (类别 / 星): a group of indicators; in the dimension-star model, a star earned
/// when its score reaches `star_bar`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dimension {
    /// Stable code.
    pub code: String,
    /// Name (e.g. `党建星`, `班子建设`).
    pub name: String,
    /// Its indicators.
    pub indicators: Vec<Indicator>,
    /// The score that earns this dimension's star (dimension-star model only).
    #[serde(default)]
    pub star_bar: Option<Points>,
}

/// 扣分情形: a case that loses points, from one indicator (never below zero) or from the total.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deduction {
    /// Stable code.
    pub code: String,
    /// Description.
    pub name: String,
    /// Points lost.
    pub points: Points,
    /// The indicator it reduces; `None` reduces the total.
    #[serde(default)]
    pub indicator: Option<String>,
}

/// 加分项目: points above the indicators for extra achievements.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BonusItem {
    /// Stable code.
    pub code: String,
    /// Description.
    pub name: String,
    /// Points gained.
    pub points: Points,
    /// Whether it is a 党建创新项目 (a condition for five stars in some schemes).
    #[serde(default)]
    pub innovation_project: bool,
}

/// 一票否决: a condition that alone voids the rating, or holds it below a level, as the scheme
/// says ([`VetoEffect`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VetoItem {
    /// Stable code.
    pub code: String,
    /// Description (e.g. `发生严重违纪违法案件`).
    pub name: String,
    /// What the veto does: no star by default; some schemes only bar 三星 and above.
    #[serde(default)]
    pub effect: VetoEffect,
}

/// What a held 一票否决 does to the rating: the scheme's choice, as data.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VetoEffect {
    /// No star at all (取消评星资格): the default, and the 五星创评 schemes' rule.
    #[default]
    NoStar,
    /// No rating at this level or above (the university scheme of 2024: 不得评为三星及以上).
    Below(StarLevel),
}

impl VetoEffect {
    /// The most stars a rating may keep under the veto.
    #[must_use]
    pub const fn ceiling(self) -> StarLevel {
        match self {
            Self::NoStar => StarLevel::NONE,
            Self::Below(level) => level.down(1),
        }
    }
}

/// A condition that caps the rating below a level (e.g. a branch named 软弱涣散 may not be
/// rated 三星 or above).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CeilingItem {
    /// Stable code.
    pub code: String,
    /// Description.
    pub name: String,
    /// The most stars allowed while it holds.
    pub max_stars: StarLevel,
}

/// A score band: `min` points or more give `stars`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Band {
    /// Stars given.
    pub stars: StarLevel,
    /// Lowest total that reaches it.
    pub min: Points,
}

/// How a total becomes stars.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AwardModel {
    /// 分数定星: total points → stars by bands, highest first.
    ScoreBands {
        /// The bands, from the most stars down.
        bands: Vec<Band>,
        /// Whether five stars also need a 党建创新项目; without one a five-star score gets
        /// `without_innovation` stars.
        innovation_for_five: bool,
        /// Stars for a five-star score without an innovation project.
        ///
        /// # Provisional
        /// The source does not say; the presets use 四星.
        without_innovation: StarLevel,
    },
    /// 分项定星: one star per dimension whose score reaches its bar (e.g. 党建、富裕、美丽、和谐、
    /// 文明).
    DimensionStars,
}

/// One target: `permille` of the organizations rated at `min_stars..=max_stars` — about that
/// share (reported), or at most it (enforced at 审定), as the scheme says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct GuidanceTarget {
    /// Lowest level of the group.
    pub min_stars: StarLevel,
    /// Highest level of the group.
    pub max_stars: StarLevel,
    /// Target share in per-mille ("about 10%" is 100).
    pub permille: u32,
    /// Whether the share is a soft target or a ceiling; soft when absent.
    #[serde(default)]
    pub binding: TargetBinding,
}

/// How a guidance share binds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TargetBinding {
    /// 约: a soft target, reported beside the actual share, never a refusal (the 五星创评
    /// schemes' "五星级约10%").
    #[default]
    About,
    /// 不超过: a ceiling; a 审定 that would put more of the round's branches in the group is
    /// refused ([`crate::RatingError::GuidanceShareReached`]).
    AtMost,
}

zugong_core::official_terms!(TargetBinding, "指导比例 (guidance binding)", {
    About => "约",
    AtMost => "不超过",
});

/// 指导数: target shares per star level (soft), and a cap on five stars that may be enforced.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Guidance {
    /// Target shares by level group: soft ones reported as warnings, ceilings
    /// ([`TargetBinding::AtMost`]) enforced at 审定 over the round's branches.
    pub targets: Vec<GuidanceTarget>,
    /// Most five-star organizations allowed, in per-mille of those rated.
    #[serde(default)]
    pub five_star_cap: Option<u32>,
    /// Whether the cap is enforced (the lowest-scored five stars beyond it become four) or
    /// only reported.
    #[serde(default)]
    pub enforce_cap: bool,
}

/// 公示: how long results are publicized before the award.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicityRule {
    /// Length.
    pub days: u32,
    /// Whether `days` counts working days (工作日) rather than calendar days (天).
    pub working_days: bool,
}

impl PublicityRule {
    /// The period as the shared 公示 counts it.
    #[must_use]
    pub const fn period(self) -> zugong_core::publicity::PublicityDays {
        if self.working_days {
            zugong_core::publicity::PublicityDays::Working(self.days)
        } else {
            zugong_core::publicity::PublicityDays::Calendar(self.days)
        }
    }
}

/// The stored form of a [`Rubric`]; validated into one on the way in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RubricData {
    /// Name of the scheme.
    pub name: String,
    /// Where it comes from.
    pub source: Citation,
    /// How totals become stars.
    pub model: AwardModel,
    /// 基准分: the starting score (0 for schemes that add up indicators; 100 for a base ±
    /// scheme).
    #[serde(default)]
    pub base: Points,
    /// Dimensions with their indicators.
    pub dimensions: Vec<Dimension>,
    /// Cases that lose points.
    #[serde(default)]
    pub deductions: Vec<Deduction>,
    /// Bonus items.
    #[serde(default)]
    pub bonuses: Vec<BonusItem>,
    /// Veto items (一票否决: no star).
    #[serde(default)]
    pub vetoes: Vec<VetoItem>,
    /// Ceilings.
    #[serde(default)]
    pub ceilings: Vec<CeilingItem>,
    /// Distribution guidance.
    #[serde(default)]
    pub guidance: Option<Guidance>,
    /// Publicity before the award.
    pub publicity: PublicityRule,
}

/// 评星标准: a validated rubric. Load one from data (serde validates) or take a preset from
/// [`crate::presets`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "RubricData", into = "RubricData")]
pub struct Rubric {
    data: RubricData,
}

/// A rubric that cannot be used, with the exact fault.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum RubricError {
    /// The rubric has no name.
    #[error("the rubric needs a name")]
    EmptyName,
    /// The rubric scores nothing.
    #[error("the rubric has no indicator")]
    NoIndicators,
    /// Two items share a code.
    #[error("code {0:?} is used twice")]
    DuplicateCode(String),
    /// An indicator that can give no points.
    #[error("indicator {0:?} has a maximum of zero")]
    ZeroMaximum(String),
    /// A deduction names an indicator the rubric does not have.
    #[error("deduction {deduction:?} names unknown indicator {indicator:?}")]
    DanglingIndicator {
        /// The deduction.
        deduction: String,
        /// The indicator it names.
        indicator: String,
    },
    /// Score bands not strictly descending in both stars and minimum.
    #[error("score bands must go strictly down in stars and in minimum points: {0}")]
    BandsOutOfOrder(String),
    /// A band that gives no star, or none at all.
    #[error("a score model needs bands of 1 to 5 stars")]
    NoBands,
    /// A band's minimum cannot be reached.
    #[error("band {stars} needs {min}, more than the rubric's maximum {max}")]
    UnreachableBand {
        /// The band's stars.
        stars: StarLevel,
        /// Its minimum.
        min: Points,
        /// The rubric's maximum total.
        max: Points,
    },
    /// A dimension-star rubric with more than five dimensions, or a dimension without a bar.
    #[error("dimension stars need 1 to 5 dimensions, each with a bar: {0}")]
    DimensionStars(String),
    /// A bar above what the dimension can score.
    #[error("dimension {dimension:?} bar {bar} exceeds its maximum {max}")]
    BarAboveMaximum {
        /// The dimension.
        dimension: String,
        /// Its bar.
        bar: Points,
        /// Its maximum.
        max: Points,
    },
    /// Guidance targets above 100%, or a cap above 100%.
    #[error("guidance shares add up to {0}‰, more than 1000‰")]
    GuidanceOverFull(u32),
    /// A publicity of zero days.
    #[error("publicity must last at least one day")]
    NoPublicity,
}

impl TryFrom<RubricData> for Rubric {
    type Error = RubricError;
    fn try_from(data: RubricData) -> Result<Self, Self::Error> {
        validate(&data)?;
        Ok(Self { data })
    }
}

impl From<Rubric> for RubricData {
    fn from(r: Rubric) -> Self {
        r.data
    }
}

fn validate(d: &RubricData) -> Result<(), RubricError> {
    if d.name.trim().is_empty() {
        return Err(RubricError::EmptyName);
    }
    let mut codes = BTreeSet::new();
    let all_codes = d
        .dimensions
        .iter()
        .flat_map(|dim| std::iter::once(&dim.code).chain(dim.indicators.iter().map(|i| &i.code)))
        .chain(d.deductions.iter().map(|x| &x.code))
        .chain(d.bonuses.iter().map(|x| &x.code))
        .chain(d.vetoes.iter().map(|x| &x.code))
        .chain(d.ceilings.iter().map(|x| &x.code));
    for code in all_codes {
        if !codes.insert(code.as_str()) {
            return Err(RubricError::DuplicateCode(code.clone()));
        }
    }
    let indicators: Vec<&Indicator> = d.dimensions.iter().flat_map(|x| &x.indicators).collect();
    if indicators.is_empty() && d.base == Points::ZERO {
        return Err(RubricError::NoIndicators);
    }
    if let Some(i) = indicators.iter().find(|i| i.max == Points::ZERO) {
        return Err(RubricError::ZeroMaximum(i.code.clone()));
    }
    for x in &d.deductions {
        if let Some(ind) = &x.indicator
            && !indicators.iter().any(|i| &i.code == ind)
        {
            return Err(RubricError::DanglingIndicator {
                deduction: x.code.clone(),
                indicator: ind.clone(),
            });
        }
    }
    let max = max_total(d);
    match &d.model {
        AwardModel::ScoreBands { bands, .. } => {
            if bands.is_empty() || bands.iter().any(|b| b.stars == StarLevel::NONE) {
                return Err(RubricError::NoBands);
            }
            for w in bands.windows(2) {
                if let [a, b] = w
                    && !(a.stars > b.stars && a.min > b.min)
                {
                    return Err(RubricError::BandsOutOfOrder(format!(
                        "{} at {} then {} at {}",
                        a.stars, a.min, b.stars, b.min
                    )));
                }
            }
            if let Some(b) = bands.iter().find(|b| b.min > max) {
                return Err(RubricError::UnreachableBand {
                    stars: b.stars,
                    min: b.min,
                    max,
                });
            }
        }
        AwardModel::DimensionStars => {
            if d.dimensions.is_empty() || d.dimensions.len() > 5 {
                return Err(RubricError::DimensionStars(format!(
                    "{} dimensions",
                    d.dimensions.len()
                )));
            }
            for dim in &d.dimensions {
                let bar = dim.star_bar.ok_or_else(|| {
                    RubricError::DimensionStars(format!("{} has no bar", dim.code))
                })?;
                let dmax = dim
                    .indicators
                    .iter()
                    .fold(Points::ZERO, |a, i| a.plus(i.max));
                if bar > dmax {
                    return Err(RubricError::BarAboveMaximum {
                        dimension: dim.code.clone(),
                        bar,
                        max: dmax,
                    });
                }
            }
        }
    }
    if let Some(g) = &d.guidance {
        let total = g
            .targets
            .iter()
            .fold(0u32, |a, t| a.saturating_add(t.permille));
        if total > 1000 {
            return Err(RubricError::GuidanceOverFull(total));
        }
        if let Some(cap) = g.five_star_cap.filter(|c| *c > 1000) {
            return Err(RubricError::GuidanceOverFull(cap));
        }
    }
    if d.publicity.days == 0 {
        return Err(RubricError::NoPublicity);
    }
    Ok(())
}

fn max_total(d: &RubricData) -> Points {
    let indicators = d
        .dimensions
        .iter()
        .flat_map(|x| &x.indicators)
        .fold(Points::ZERO, |a, i| a.plus(i.max));
    let bonuses = d.bonuses.iter().fold(Points::ZERO, |a, b| a.plus(b.points));
    d.base.plus(indicators).plus(bonuses)
}

/// 评分表: the scores given against a rubric, with the evidence behind them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scoresheet {
    /// Points per indicator code (an indicator not listed scores zero).
    #[serde(default)]
    pub scores: BTreeMap<String, Points>,
    /// Deductions applied (codes).
    #[serde(default)]
    pub deductions: Vec<String>,
    /// Bonus items earned (codes).
    #[serde(default)]
    pub bonuses: Vec<String>,
    /// Veto items that hold (codes).
    #[serde(default)]
    pub vetoes: Vec<String>,
    /// Ceilings that hold (codes).
    #[serde(default)]
    pub ceilings: Vec<String>,
    /// Evidence per indicator code (document references, visit notes).
    #[serde(default)]
    pub evidence: BTreeMap<String, Vec<String>>,
}

impl Scoresheet {
    /// Scores every measured indicator of `rubric` from `measures` ([`Indicator::measure`]),
    /// replacing what was there, with the record as its evidence; an indicator whose record
    /// is missing is left as it was. Returns the codes scored.
    pub fn fill_measured(&mut self, rubric: &Rubric, measures: &BranchMeasures) -> Vec<String> {
        let mut filled = Vec::new();
        for ind in rubric.data().dimensions.iter().flat_map(|d| &d.indicators) {
            let Some(measure) = ind.measure else { continue };
            let (Some(points), Some(evidence)) = (
                measure.points(ind.max, measures),
                measure.evidence(measures),
            ) else {
                continue;
            };
            self.scores.insert(ind.code.clone(), points);
            self.evidence.insert(ind.code.clone(), vec![evidence]);
            filled.push(ind.code.clone());
        }
        filled
    }
}

/// A scoresheet that does not fit its rubric.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ScoreError {
    /// A code the rubric does not have.
    #[error("{kind} {code:?} is not in the rubric")]
    Unknown {
        /// What kind of item (indicator, deduction, bonus, veto, ceiling).
        kind: &'static str,
        /// The code.
        code: String,
    },
    /// More points than the indicator allows.
    #[error("indicator {indicator:?} scored {given}, above its maximum {max}")]
    AboveMaximum {
        /// The indicator.
        indicator: String,
        /// Points given.
        given: Points,
        /// Its maximum.
        max: Points,
    },
    /// A scored indicator that needs evidence and has none.
    #[error("indicator {0:?} needs evidence")]
    MissingEvidence(String),
    /// The same item listed twice.
    #[error("{0:?} is listed twice")]
    Repeated(String),
    /// A row of a round's raw points ([`RoundScores`](crate::RoundScores)) that does not hold
    /// one point per indicator of the rubric.
    #[error("a row of {given} points, where the rubric has {expected} indicators")]
    RowLength {
        /// The rubric's indicators.
        expected: usize,
        /// Points given.
        given: usize,
    },
}

/// The result of scoring: totals, stars, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assessment {
    /// Total points.
    pub total: Points,
    /// The rubric's maximum total.
    pub max_total: Points,
    /// Points per dimension code.
    pub by_dimension: BTreeMap<String, Points>,
    /// Dimensions that earned their star (dimension-star model).
    pub stars_earned_by: Vec<String>,
    /// Whether an innovation project was claimed.
    pub innovation: bool,
    /// Veto items that held.
    pub vetoed_by: Vec<String>,
    /// Stars, after vetoes and ceilings.
    pub stars: StarLevel,
    /// The scoresheet, with its evidence.
    pub scoresheet: Scoresheet,
}

fn unknown(kind: &'static str, code: &str) -> ScoreError {
    ScoreError::Unknown {
        kind,
        code: code.to_owned(),
    }
}

fn no_repeats(codes: &[String]) -> Result<(), ScoreError> {
    let mut seen = BTreeSet::new();
    match codes.iter().find(|c| !seen.insert(c.as_str())) {
        Some(c) => Err(ScoreError::Repeated(c.clone())),
        None => Ok(()),
    }
}

impl Rubric {
    /// Validates and wraps rubric data.
    ///
    /// # Errors
    /// The exact [`RubricError`].
    pub fn new(data: RubricData) -> Result<Self, RubricError> {
        Self::try_from(data)
    }

    /// The rubric's data.
    #[must_use]
    pub fn data(&self) -> &RubricData {
        &self.data
    }

    /// The most points a branch can score.
    #[must_use]
    pub fn max_total(&self) -> Points {
        max_total(&self.data)
    }

    /// Scores a sheet: indicator points less their deductions, plus the base and bonuses,
    /// less total-level deductions; then stars by the award model, then vetoes (no star) and
    /// ceilings.
    ///
    /// # Errors
    /// A [`ScoreError`] for any item the rubric does not have, a score above an indicator's
    /// maximum, missing evidence, or an item listed twice.
    pub fn assess(&self, sheet: &Scoresheet) -> Result<Assessment, ScoreError> {
        let d = &self.data;
        let indicators: BTreeMap<&str, &Indicator> = d
            .dimensions
            .iter()
            .flat_map(|x| &x.indicators)
            .map(|i| (i.code.as_str(), i))
            .collect();
        for (code, given) in &sheet.scores {
            let ind = indicators
                .get(code.as_str())
                .ok_or_else(|| unknown("indicator", code))?;
            if *given > ind.max {
                return Err(ScoreError::AboveMaximum {
                    indicator: code.clone(),
                    given: *given,
                    max: ind.max,
                });
            }
            let has_evidence = sheet
                .evidence
                .get(code)
                .is_some_and(|e| e.iter().any(|x| !x.trim().is_empty()));
            if ind.evidence_required && *given > Points::ZERO && !has_evidence {
                return Err(ScoreError::MissingEvidence(code.clone()));
            }
        }
        if let Some(code) = sheet
            .evidence
            .keys()
            .find(|c| !indicators.contains_key(c.as_str()))
        {
            return Err(unknown("indicator", code));
        }
        for list in [
            &sheet.deductions,
            &sheet.bonuses,
            &sheet.vetoes,
            &sheet.ceilings,
        ] {
            no_repeats(list)?;
        }
        let deductions: Vec<&Deduction> = sheet
            .deductions
            .iter()
            .map(|c| {
                d.deductions
                    .iter()
                    .find(|x| &x.code == c)
                    .ok_or_else(|| unknown("deduction", c))
            })
            .collect::<Result<_, _>>()?;
        let bonuses: Vec<&BonusItem> = sheet
            .bonuses
            .iter()
            .map(|c| {
                d.bonuses
                    .iter()
                    .find(|x| &x.code == c)
                    .ok_or_else(|| unknown("bonus", c))
            })
            .collect::<Result<_, _>>()?;
        if let Some(c) = sheet
            .vetoes
            .iter()
            .find(|c| !d.vetoes.iter().any(|v| &v.code == *c))
        {
            return Err(unknown("veto", c));
        }
        let mut ceiling = StarLevel::FIVE;
        for c in &sheet.ceilings {
            let item = d
                .ceilings
                .iter()
                .find(|x| &x.code == c)
                .ok_or_else(|| unknown("ceiling", c))?;
            ceiling = ceiling.min(item.max_stars);
        }

        let mut by_dimension = BTreeMap::new();
        let mut total = d.base;
        for dim in &d.dimensions {
            let mut dim_score = Points::ZERO;
            for ind in &dim.indicators {
                let given = sheet.scores.get(&ind.code).copied().unwrap_or_default();
                let lost = deductions
                    .iter()
                    .filter(|x| x.indicator.as_deref() == Some(ind.code.as_str()))
                    .fold(Points::ZERO, |a, x| a.plus(x.points));
                dim_score = dim_score.plus(given.minus(lost));
            }
            total = total.plus(dim_score);
            by_dimension.insert(dim.code.clone(), dim_score);
        }
        for b in &bonuses {
            total = total.plus(b.points);
        }
        for x in deductions.iter().filter(|x| x.indicator.is_none()) {
            total = total.minus(x.points);
        }
        let innovation = bonuses.iter().any(|b| b.innovation_project);

        let mut stars_earned_by = Vec::new();
        let raw = match &d.model {
            AwardModel::ScoreBands {
                bands,
                innovation_for_five,
                without_innovation,
            } => {
                let stars = bands
                    .iter()
                    .find(|b| total >= b.min)
                    .map_or(StarLevel::NONE, |b| b.stars);
                if stars == StarLevel::FIVE && *innovation_for_five && !innovation {
                    (*without_innovation).min(StarLevel::FIVE)
                } else {
                    stars
                }
            }
            AwardModel::DimensionStars => {
                for dim in &d.dimensions {
                    let score = by_dimension.get(&dim.code).copied().unwrap_or_default();
                    if dim.star_bar.is_some_and(|bar| score >= bar) {
                        stars_earned_by.push(dim.code.clone());
                    }
                }
                StarLevel::new(u8::try_from(stars_earned_by.len()).unwrap_or(5))
                    .unwrap_or(StarLevel::FIVE)
            }
        };
        // Each held veto holds the rating to its effect's ceiling; the lowest binds.
        let stars = sheet
            .vetoes
            .iter()
            .filter_map(|code| d.vetoes.iter().find(|v| &v.code == code))
            .map(|v| v.effect.ceiling())
            .fold(raw.min(ceiling), StarLevel::min);
        Ok(Assessment {
            total,
            max_total: self.max_total(),
            by_dimension,
            stars_earned_by,
            innovation,
            vetoed_by: sheet.vetoes.clone(),
            stars,
            scoresheet: sheet.clone(),
        })
    }
}
