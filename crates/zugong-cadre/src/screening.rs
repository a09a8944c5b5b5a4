//! Screening the whole pool and ranking on every factor (全口径筛查、全要素比选): a post profile
//! applied to a flat table of cadres, at province scale.

use serde::{Deserialize, Serialize};
use zugong_core::{EducationLevel, OrgTree, OrgUnitId};

/// 关键少数 flags on a cadre row.
pub mod flags {
    /// 一把手.
    pub const TOP_LEADER: u8 = 1;
    /// 年轻干部 (in the reserve pool).
    pub const YOUNG_CADRE: u8 = 2;
    /// 关键岗位干部.
    pub const KEY_POST: u8 = 4;
}

/// One cadre as a row of a flat table (the form bulk screening runs on).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CadreRow {
    /// The cadre's unit (a slot of the org tree).
    pub unit: u32,
    /// Current leadership rank as its ladder step (1 乡科级副职 … 10 国家级正职; 0 none).
    pub rank_step: u8,
    /// Months in the current rank.
    pub months_in_rank: u16,
    /// Age in completed years.
    pub age: u8,
    /// Highest 学历.
    pub education: EducationLevel,
    /// Months of grassroots experience.
    pub grassroots_months: u16,
    /// 优秀 grades in the last three annual assessments.
    pub excellent_last_3: u8,
    /// Any 基本称职 or below in the last three years (不得列为考察对象, provisional).
    pub below_competent_last_3: bool,
    /// Political-quality profile score (0–100) from the 政治素质档案.
    pub political_score: u8,
    /// Training requirement met.
    pub training_met: bool,
    /// A field-of-work code (岗位专业领域), 0 for none.
    pub field: u16,
    /// 关键少数 flags ([`flags`]).
    pub flags: u8,
}

/// Weights of the factors in the ranking (全要素比选), each 0–100.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct FactorWeights {
    /// Political quality.
    pub political: u32,
    /// Assessment record (优秀 years).
    pub performance: u32,
    /// Experience in rank.
    pub experience: u32,
    /// Grassroots experience.
    pub grassroots: u32,
    /// Education.
    pub education: u32,
    /// Youth (for 年轻干部 oriented posts).
    pub youth: u32,
}

impl Default for FactorWeights {
    /// Political quality first (政治标准放在首位), then record and experience.
    ///
    /// # Provisional
    /// The weights are local practice; these are a starting point.
    fn default() -> Self {
        Self {
            political: 35,
            performance: 25,
            experience: 15,
            grassroots: 10,
            education: 10,
            youth: 5,
        }
    }
}

impl PostProfile {
    /// The profile the rules give a promotion to a post of `rank`: the pool one step below
    /// it, the years there Art 8(三) asks ([`SelectionPolicy::years_in_lower_post`](crate::SelectionPolicy::years_in_lower_post)), the least
    /// 学历 of Art 8(四) ([`SelectionPolicy::min_education_for`](crate::SelectionPolicy::min_education_for)), training met (Art 8(五)),
    /// and an age band up to the policy's `max_age` where it sets one (the national rule sets
    /// none: up to 60). Everything else is open — every field, no scope, no flags, no least
    /// political score, the default weights, a shortlist of 5 — for the caller to narrow (the
    /// deciding body's scope, a political mark above the gate's).
    ///
    /// A post at a 职级 (no leadership rank) has no promotion profile of Art 8: the pool is
    /// then the 职级 holders (step 0) with no years asked.
    ///
    /// ```
    /// use zugong_cadre::{PostProfile, SelectionPolicy};
    /// use zugong_core::{LeadershipRank, PostSeniority, RankLevel, RankOrGrade};
    /// let rank = LeadershipRank::new(RankLevel::TownshipSection, PostSeniority::Deputy);
    /// let p = PostProfile::for_promotion(RankOrGrade::Leadership(rank), &SelectionPolicy::default());
    /// assert_eq!(p.from_steps, [0]); // 一级科员 and other 职级 holders
    /// assert_eq!(p.min_months_in_rank, 36); // three years
    /// ```
    #[must_use]
    pub fn for_promotion(rank: zugong_core::RankOrGrade, policy: &crate::SelectionPolicy) -> Self {
        let (step, months, education) = match rank {
            zugong_core::RankOrGrade::Leadership(r) => (
                r.step(),
                policy.years_in_lower_post(r).saturating_mul(12),
                policy.min_education_for(r.level()),
            ),
            zugong_core::RankOrGrade::Grade(_) => (0, 0, policy.min_education),
        };
        let oldest = policy
            .max_age
            .and_then(|a| u8::try_from(a).ok())
            .map_or(60, |a| a.min(60));
        Self {
            from_steps: vec![step.saturating_sub(1)],
            min_months_in_rank: u16::try_from(months).unwrap_or(u16::MAX),
            age_range: (18, oldest),
            min_education: education,
            min_grassroots_months: 0,
            min_political_score: 0,
            require_training: true,
            fields: FieldSet::any(),
            scope: None,
            required_flags: 0,
            weights: FactorWeights::default(),
            shortlist: 5,
        }
    }
}

/// 岗位画像 (全方位分析岗位): what a post needs of the pool.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostProfile {
    /// Ranks that may be considered, as ladder steps (e.g. the rank below the post's).
    pub from_steps: Vec<u8>,
    /// Least months in the current rank.
    pub min_months_in_rank: u16,
    /// Age band, inclusive.
    pub age_range: (u8, u8),
    /// Least 学历.
    pub min_education: EducationLevel,
    /// Least grassroots months.
    pub min_grassroots_months: u16,
    /// Least political score.
    pub min_political_score: u8,
    /// Require the training requirement met.
    pub require_training: bool,
    /// The fields of work the post accepts (岗位专业领域): any, or one of a set, checked in one
    /// pass over the pool.
    pub fields: FieldSet,
    /// Only cadres inside this unit's subtree (`None`: the whole pool, 全口径).
    pub scope: Option<OrgUnitId>,
    /// Flags required (all of them), e.g. 年轻干部.
    pub required_flags: u8,
    /// Factor weights.
    pub weights: FactorWeights,
    /// How many ranked candidates to return.
    pub shortlist: usize,
}

/// The fields of work (岗位专业领域 codes) a post accepts: any (empty), or one of a set. Kept
/// sorted and without repeats, whatever order it is given or read in.
///
/// ```
/// use zugong_cadre::FieldSet;
/// let engineering = FieldSet::of([12, 3, 7, 3]);
/// assert!(engineering.accepts(7) && !engineering.accepts(4));
/// assert!(FieldSet::any().accepts(4));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "Vec<u16>", into = "Vec<u16>")]
pub struct FieldSet(Vec<u16>);

impl FieldSet {
    /// Any field.
    #[must_use]
    pub const fn any() -> Self {
        Self(Vec::new())
    }

    /// One of `fields`.
    #[must_use]
    pub fn of(fields: impl IntoIterator<Item = u16>) -> Self {
        let mut v: Vec<u16> = fields.into_iter().collect();
        v.sort_unstable();
        v.dedup();
        Self(v)
    }

    /// Whether a cadre of `field` fits.
    #[must_use]
    pub fn accepts(&self, field: u16) -> bool {
        self.0.is_empty() || self.0.binary_search(&field).is_ok()
    }

    /// The codes (empty: any).
    #[must_use]
    pub fn codes(&self) -> &[u16] {
        &self.0
    }
}

impl From<Vec<u16>> for FieldSet {
    fn from(v: Vec<u16>) -> Self {
        Self::of(v)
    }
}

impl From<FieldSet> for Vec<u16> {
    fn from(f: FieldSet) -> Self {
        f.0
    }
}

/// Why a cadre is excluded (the first rule failed, in this order).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Exclusion {
    /// Outside the scope.
    OutOfScope,
    /// Not at a rank considered.
    Rank,
    /// Too little time in rank.
    TimeInRank,
    /// Outside the age band.
    Age,
    /// Education below the least.
    Education,
    /// Too little grassroots experience.
    Grassroots,
    /// Political score below the least.
    Political,
    /// 基本称职 or below in the last three years.
    AssessmentRecord,
    /// Training not met.
    Training,
    /// Another field of work.
    Field,
    /// Missing a required flag.
    Flags,
}

/// A ranked candidate with the parts of the score (each weighted, out of 100 × weight).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ranked {
    /// Row index in the pool.
    pub row: usize,
    /// Total score.
    pub score: u32,
    /// Political part.
    pub political: u32,
    /// Performance part.
    pub performance: u32,
    /// Experience part.
    pub experience: u32,
    /// Grassroots part.
    pub grassroots: u32,
    /// Education part.
    pub education: u32,
    /// Youth part.
    pub youth: u32,
}

/// The screening's result.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Screening {
    /// Rows that passed every filter.
    pub eligible: usize,
    /// Rows excluded, per first failed rule.
    pub excluded: Vec<(Exclusion, usize)>,
    /// The shortlist, best first (ties: lower row first).
    pub shortlist: Vec<Ranked>,
}

/// Why `row` is excluded by `profile`, or `None` if it passes (`scope_ok` says whether the row
/// lies in the scope).
#[must_use]
pub fn exclusion(row: &CadreRow, profile: &PostProfile, scope_ok: bool) -> Option<Exclusion> {
    if !scope_ok {
        return Some(Exclusion::OutOfScope);
    }
    if !profile.from_steps.contains(&row.rank_step) {
        return Some(Exclusion::Rank);
    }
    if row.months_in_rank < profile.min_months_in_rank {
        return Some(Exclusion::TimeInRank);
    }
    if row.age < profile.age_range.0 || row.age > profile.age_range.1 {
        return Some(Exclusion::Age);
    }
    if row.education < profile.min_education {
        return Some(Exclusion::Education);
    }
    if row.grassroots_months < profile.min_grassroots_months {
        return Some(Exclusion::Grassroots);
    }
    if row.political_score < profile.min_political_score {
        return Some(Exclusion::Political);
    }
    if row.below_competent_last_3 {
        return Some(Exclusion::AssessmentRecord);
    }
    if profile.require_training && !row.training_met {
        return Some(Exclusion::Training);
    }
    if !profile.fields.accepts(row.field) {
        return Some(Exclusion::Field);
    }
    if row.flags & profile.required_flags != profile.required_flags {
        return Some(Exclusion::Flags);
    }
    None
}

fn education_points(e: EducationLevel) -> u32 {
    match e {
        EducationLevel::Postgraduate => 100,
        EducationLevel::Undergraduate => 80,
        EducationLevel::JuniorCollege => 60,
        _ => 30,
    }
}

/// Scores an eligible row: each factor on 0–100, times its weight.
#[must_use]
pub fn score(row: &CadreRow, profile: &PostProfile) -> Ranked {
    let w = profile.weights;
    let political = u32::from(row.political_score.min(100)).saturating_mul(w.political);
    let performance =
        (u32::from(row.excellent_last_3.min(3)) * 100 / 3).saturating_mul(w.performance);
    let experience =
        (u32::from(row.months_in_rank).min(120) * 100 / 120).saturating_mul(w.experience);
    let grassroots =
        (u32::from(row.grassroots_months).min(120) * 100 / 120).saturating_mul(w.grassroots);
    let education = education_points(row.education).saturating_mul(w.education);
    let youth =
        (u32::from(60u8.saturating_sub(row.age)).min(40) * 100 / 40).saturating_mul(w.youth);
    Ranked {
        row: 0,
        score: [performance, experience, grassroots, education, youth]
            .iter()
            .fold(political, |a, b| a.saturating_add(*b)),
        political,
        performance,
        experience,
        grassroots,
        education,
        youth,
    }
}

/// Screens the whole pool against a post profile and ranks those who pass, keeping the
/// shortlist. One pass over the rows; the scope check uses the org tree's O(1) index.
#[must_use]
pub fn screen(tree: &OrgTree, rows: &[CadreRow], profile: &PostProfile) -> Screening {
    let mut excluded = [0usize; 11];
    let mut eligible = 0usize;
    let mut best: Vec<Ranked> = Vec::with_capacity(profile.shortlist.saturating_add(1));
    // A scope outside the tree admits nobody.
    let scope = profile.scope.map(|s| tree.slot(s));
    for (i, row) in rows.iter().enumerate() {
        let scope_ok = match scope {
            None => true,
            Some(None) => false,
            Some(Some(s)) => tree
                .slot_at(row.unit as usize)
                .is_some_and(|u| tree.is_within_slot(u, s)),
        };
        if let Some(e) = exclusion(row, profile, scope_ok) {
            if let Some(c) = excluded.get_mut(e as usize) {
                *c += 1;
            }
            continue;
        }
        eligible += 1;
        if profile.shortlist == 0 {
            continue;
        }
        let mut r = score(row, profile);
        r.row = i;
        // Keep the best `shortlist`, sorted high → low (ties: lower row first).
        if best.len() == profile.shortlist && best.last().is_some_and(|w| w.score >= r.score) {
            continue;
        }
        let at = best.partition_point(|b| b.score >= r.score);
        best.insert(at, r);
        best.truncate(profile.shortlist);
    }
    const ORDER: [Exclusion; 11] = [
        Exclusion::OutOfScope,
        Exclusion::Rank,
        Exclusion::TimeInRank,
        Exclusion::Age,
        Exclusion::Education,
        Exclusion::Grassroots,
        Exclusion::Political,
        Exclusion::AssessmentRecord,
        Exclusion::Training,
        Exclusion::Field,
        Exclusion::Flags,
    ];
    Screening {
        eligible,
        excluded: ORDER
            .iter()
            .zip(excluded)
            .filter(|(_, n)| *n > 0)
            .map(|(e, n)| (*e, n))
            .collect(),
        shortlist: best,
    }
}
