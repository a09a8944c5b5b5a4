//! Pool and pipeline analytics (人才梯队分析).

use std::collections::BTreeMap;

use chrono::{Datelike, Days, NaiveDate};
use serde::{Deserialize, Serialize};
use zugong_core::dates::{add_months, completed_years};
use zugong_core::{InstitutionError, InstitutionRegistry, TalentId};

use crate::{ProgrammeDefinition, TalentRecord, TalentTier, TenureEnd};

/// 年龄段: the age bands of the pool report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AgeBand {
    /// 35岁及以下.
    UpTo35,
    /// 36–45岁.
    From36To45,
    /// 46–55岁.
    From46To55,
    /// 56岁及以上.
    Over55,
}

zugong_core::official_terms!(AgeBand, "年龄段 (age band)", {
    UpTo35 => "35岁及以下",
    From36To45 => "36至45岁",
    From46To55 => "46至55岁",
    Over55 => "56岁及以上",
});

impl AgeBand {
    /// The band of an age in completed years.
    #[must_use]
    pub const fn of(age: u32) -> Self {
        match age {
            0..=35 => Self::UpTo35,
            36..=45 => Self::From36To45,
            46..=55 => Self::From46To55,
            _ => Self::Over55,
        }
    }
}

/// One cell of the pool: a tier, an industry (catalogue code) and an age band.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct PoolCell {
    /// Tier.
    pub tier: TalentTier,
    /// Industry code (`None`: not tagged).
    pub industry: Option<String>,
    /// Age band on the report date.
    pub age_band: AgeBand,
}

/// The pool on a date: talents in a tenure, by tier × industry × age band.
#[must_use]
pub fn pool_matrix(records: &[TalentRecord], as_of: NaiveDate) -> BTreeMap<PoolCell, u32> {
    let mut out = BTreeMap::new();
    for r in records {
        let (Some(t), Some(birth)) = (r.active(), r.birth_date()) else {
            continue;
        };
        let cell = PoolCell {
            tier: t.agreement.tier,
            industry: t.agreement.industry.clone(),
            age_band: AgeBand::of(completed_years(birth, as_of)),
        };
        *out.entry(cell).or_insert(0u32) += 1;
    }
    out
}

/// Talents in a tenure per tier for every institution's subtree (by registry slot), counted
/// at the institution the talent is employed by or hosted at: a university's count includes
/// its colleges', a government's the institutions under it.
///
/// # Errors
/// [`InstitutionError::Unknown`] for a talent attached to an institution outside the
/// registry.
pub fn pool_by_institution(
    registry: &InstitutionRegistry,
    records: &[TalentRecord],
) -> Result<Vec<[u64; 4]>, InstitutionError> {
    let mut own = vec![[0u64; 4]; registry.len()];
    for r in records {
        let (Some(t), Some(e)) = (r.active(), r.engagement()) else {
            continue;
        };
        let institution = e.institution();
        let slot = registry
            .slot(institution)
            .ok_or(InstitutionError::Unknown(institution))?;
        if let Some(c) = own
            .get_mut(slot.index())
            .and_then(|row| row.get_mut(t.agreement.tier as usize))
        {
            *c += 1;
        }
    }
    registry.rollup_in_place(&mut own, |acc, child| {
        for (a, b) in acc.iter_mut().zip(child) {
            *a += b;
        }
    })?;
    Ok(own)
}

/// Movement through the tiers in one year.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pipeline {
    /// In a tenure at the end of the year (or on the report date), per tier.
    pub active: BTreeMap<TalentTier, u32>,
    /// Tenures started in the year, per tier (promotions included).
    pub started: BTreeMap<TalentTier, u32>,
    /// Promotions in the year: (from, to) → count.
    pub promotions: BTreeMap<(TalentTier, TalentTier), u32>,
    /// Tenures that ended in the year, by how.
    pub ended: BTreeMap<String, u32>,
}

/// The pipeline of `year` up to `as_of`.
#[must_use]
pub fn pipeline(records: &[TalentRecord], year: i32, as_of: NaiveDate) -> Pipeline {
    let mut p = Pipeline::default();
    for r in records {
        for (i, t) in r.tenures().iter().enumerate() {
            let start = t.agreement.starts_on;
            if start <= as_of && t.ended.is_none_or(|(end, _)| end > as_of) {
                *p.active.entry(t.agreement.tier).or_default() += 1;
            }
            if start.year() == year && start <= as_of {
                *p.started.entry(t.agreement.tier).or_default() += 1;
            }
            if let Some((_, how)) = t
                .ended
                .filter(|(end, _)| end.year() == year && *end <= as_of)
            {
                let key = match how {
                    TenureEnd::Graduated => "graduated",
                    TenureEnd::Terminated => "terminated",
                    TenureEnd::Promoted => "promoted",
                    TenureEnd::Exited => "exited",
                };
                *p.ended.entry(key.to_owned()).or_default() += 1;
                if how == TenureEnd::Promoted
                    && let Some(next) = r.tenures().get(i + 1)
                {
                    *p.promotions
                        .entry((t.agreement.tier, next.agreement.tier))
                        .or_default() += 1;
                }
            }
        }
    }
    p
}

/// Something due for a talent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DueKind {
    /// 中期考核 at half the cultivation period.
    MidTermEvaluation,
    /// 期满考核 at the end of the period.
    FinalEvaluation,
    /// Passing the tier's age limit (ageing out of a young tier).
    AgeingOut,
}

/// A talent with something due by a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DueItem {
    /// The talent.
    pub talent: TalentId,
    /// What is due.
    pub kind: DueKind,
    /// When.
    pub on: NaiveDate,
}

/// Everything due from `as_of` to `as_of + within_days`: evaluations not yet held (mid-term at
/// half the cycle, final at its end), and talents passing their tier's age limit.
///
/// # Provisional
/// The programmes' texts name a 中期考核 without a date in the sources at hand; zugong places it
/// at half the cultivation period.
#[must_use]
pub fn due_within(
    records: &[TalentRecord],
    programmes: &[ProgrammeDefinition],
    as_of: NaiveDate,
    within_days: u32,
) -> Vec<DueItem> {
    let until = as_of
        .checked_add_days(Days::new(u64::from(within_days)))
        .unwrap_or(as_of);
    let mut out = Vec::new();
    for r in records {
        let (Some(talent), Some(t)) = (r.talent(), r.active()) else {
            continue;
        };
        let held = |k| t.evaluations.iter().any(|(_, kind, _)| *kind == k);
        if let Some(years) = t.agreement.cycle_years {
            let mid = add_months(t.agreement.starts_on, years.saturating_mul(6));
            if let Some(mid) = mid.filter(|d| *d >= as_of && *d <= until)
                && !held(crate::EvaluationKind::MidTerm)
            {
                out.push(DueItem {
                    talent,
                    kind: DueKind::MidTermEvaluation,
                    on: mid,
                });
            }
            if let Some(end) = t.ends_on().filter(|d| *d <= until) {
                out.push(DueItem {
                    talent,
                    kind: DueKind::FinalEvaluation,
                    on: end.max(as_of),
                });
            }
        }
        let limit = programmes
            .iter()
            .find(|p| p.tier == t.agreement.tier)
            .and_then(|p| p.max_age);
        if let (Some(max), Some(birth)) = (limit, r.birth_date()) {
            // The day the talent's age passes the limit (the birthday of max + 1).
            let past = zugong_core::dates::add_years(birth, max.saturating_add(1));
            if let Some(day) = past.filter(|d| *d >= as_of && *d <= until) {
                out.push(DueItem {
                    talent,
                    kind: DueKind::AgeingOut,
                    on: day,
                });
            }
        }
    }
    out.sort_by(|a, b| a.on.cmp(&b.on).then(a.talent.cmp(&b.talent)));
    out
}
