//! The political-quality dossier (政治素质档案) and special political assessments.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use thiserror::Error;
use zugong_core::CadreId;

use crate::{PoliticalDimension, PoliticalReview};

/// Where a dossier entry comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntrySource {
    /// 年度考核.
    AnnualAssessment,
    /// 政治素质专项考核 (a 专项考核 on political quality).
    SpecialAssessment,
    /// 考察 in a selection.
    Inspection,
    /// 日常监督 (talks, inspections, reports).
    Supervision,
    /// 巡视巡察.
    InspectionTour,
}

zugong_core::official_terms!(EntrySource, "档案来源 (entry source)", {
    AnnualAssessment => "年度考核",
    SpecialAssessment => "政治素质专项考核",
    Inspection => "考察",
    Supervision => "日常监督",
    InspectionTour => "巡视巡察",
});

/// One dated entry on one dimension.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DossierEntry {
    /// When.
    pub on: NaiveDate,
    /// Which dimension.
    pub dimension: PoliticalDimension,
    /// Score, 0–100.
    pub score: u32,
    /// Evidence (材料).
    pub evidence: String,
    /// Source.
    pub source: EntrySource,
}

/// A bad dossier entry.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DossierError {
    /// A score above 100.
    #[error("scores run from 0 to 100, found {0}")]
    ScoreOutOfRange(u32),
    /// No evidence.
    #[error("a dossier entry needs evidence")]
    NoEvidence,
}

/// One dimension's summary over a window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DimensionSummary {
    /// Latest score.
    pub latest: u32,
    /// Lowest score.
    pub lowest: u32,
    /// Average (rounded down).
    pub average: u32,
    /// Entries counted.
    pub entries: u32,
}

/// The profile a dossier gives on a date: what screening and the selection gates read.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PoliticalProfile {
    /// Per dimension.
    pub by_dimension: BTreeMap<PoliticalDimension, DimensionSummary>,
    /// Dimensions with no entry in the window.
    pub missing: Vec<PoliticalDimension>,
}

impl PoliticalProfile {
    /// The overall score for screening: the lowest latest score (0 when a dimension is missing).
    #[must_use]
    pub fn overall(&self) -> u32 {
        if !self.missing.is_empty() {
            return 0;
        }
        self.by_dimension
            .values()
            .map(|d| d.latest)
            .min()
            .unwrap_or(0)
    }

    /// A review from the latest scores, for a selection gate.
    #[must_use]
    pub fn to_review(&self, note: impl Into<String>) -> PoliticalReview {
        PoliticalReview {
            scores: self
                .by_dimension
                .iter()
                .map(|(d, s)| (*d, s.latest))
                .collect(),
            evidence: vec!["政治素质档案".into()],
            note: note.into(),
        }
    }
}

/// 政治素质档案: a cadre's dated political-quality entries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PoliticalQualityDossier {
    /// Whose.
    pub cadre: CadreId,
    entries: Vec<DossierEntry>,
}

impl PoliticalQualityDossier {
    /// An empty dossier.
    #[must_use]
    pub fn new(cadre: CadreId) -> Self {
        Self {
            cadre,
            entries: Vec::new(),
        }
    }

    /// Adds an entry (entries are never edited).
    ///
    /// # Errors
    /// [`DossierError`] for a score above 100 or blank evidence.
    pub fn add(&mut self, entry: DossierEntry) -> Result<(), DossierError> {
        if entry.score > 100 {
            return Err(DossierError::ScoreOutOfRange(entry.score));
        }
        if entry.evidence.trim().is_empty() {
            return Err(DossierError::NoEvidence);
        }
        self.entries.push(entry);
        Ok(())
    }

    /// Every entry.
    #[must_use]
    pub fn entries(&self) -> &[DossierEntry] {
        &self.entries
    }

    /// The profile of the `window_years` up to `as_of`.
    #[must_use]
    pub fn profile(&self, as_of: NaiveDate, window_years: u32) -> PoliticalProfile {
        let from = as_of
            .checked_sub_months(chrono::Months::new(window_years.saturating_mul(12)))
            .unwrap_or(as_of);
        let mut profile = PoliticalProfile::default();
        for dim in PoliticalDimension::ALL {
            let mut within: Vec<&DossierEntry> = self
                .entries
                .iter()
                .filter(|e| e.dimension == *dim && e.on > from && e.on <= as_of)
                .collect();
            within.sort_by_key(|e| e.on);
            let Some(latest) = within.last() else {
                profile.missing.push(*dim);
                continue;
            };
            let n = u32::try_from(within.len()).unwrap_or(u32::MAX);
            let sum: u64 = within.iter().map(|e| u64::from(e.score)).sum();
            profile.by_dimension.insert(
                *dim,
                DimensionSummary {
                    latest: latest.score,
                    lowest: within.iter().map(|e| e.score).min().unwrap_or(0),
                    average: u32::try_from(sum / u64::from(n.max(1))).unwrap_or(0),
                    entries: n,
                },
            );
        }
        profile
    }
}
