//! 认定: the cohorts the selection rounds confirmed, as the talent records read them. A tenure
//! starts only from a cohort's 认定 (or from a 认定 recorded with its document).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use zugong_core::{TalentId, TalentRoundId};

use crate::{RoundStage, SelectionRound, TalentTier};

/// One confirmed cohort: the programme, the batch and the talents 认定.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Cohort {
    /// The programme's tier.
    pub tier: TalentTier,
    /// The programme's name.
    pub programme: String,
    /// 批次.
    pub batch: u32,
    /// The talents 认定, ranked per field.
    pub talents: Vec<TalentId>,
}

/// The confirmed cohorts, by round.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cohorts {
    rounds: BTreeMap<TalentRoundId, Cohort>,
}

impl Cohorts {
    /// The cohorts of the rounds that reached 认定 (the others are left out: a round in
    /// 公示 has recognized nobody yet).
    #[must_use]
    pub fn confirmed<'r>(
        rounds: impl IntoIterator<Item = (TalentRoundId, &'r SelectionRound)>,
    ) -> Self {
        let rounds = rounds
            .into_iter()
            .filter(|(_, r)| r.stage() == RoundStage::Confirmed)
            .filter_map(|(id, r)| {
                let p = r.programme()?;
                Some((
                    id,
                    Cohort {
                        tier: p.tier,
                        programme: p.name.clone(),
                        batch: r.batch(),
                        talents: r.selected().to_vec(),
                    },
                ))
            })
            .collect();
        Self { rounds }
    }

    /// The cohort of `round`, if it was confirmed.
    #[must_use]
    pub fn get(&self, round: TalentRoundId) -> Option<&Cohort> {
        self.rounds.get(&round)
    }
}
