//! The cadre's file (干部档案) as the selection reads it: the facts of Art 8 ([`CadreProfile`])
//! and the dated records that start an 影响期 ([`EffectRecord`]).
//!
//! A selection's context holds the files ([`CadreFiles`]); each step reads the candidate's file
//! on the act's day. The caller supplies records, never verdicts: whether a cadre is eligible,
//! in 试用期 or under a sanction is decided from the file, the same way when the journal is
//! verified.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use zugong_core::{CadreId, OrgTree};

use crate::{
    CadreProfile, CommitteeTier, ConsideredPost, EffectBar, EffectRecord, EligibilityReport, Post,
    PromotionTarget, SelectionPolicy, check_effects, check_eligibility,
};

/// One cadre's file: the Art 8 facts and the 影响期 records.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CadreFile {
    /// 任职经历、学历、党龄、工龄: the facts of Art 8 (with every post held, dated).
    pub profile: CadreProfile,
    /// 处分、诫勉、组织处理 and accountable exits, dated.
    #[serde(default)]
    pub effects: Vec<EffectRecord>,
}

impl CadreFile {
    /// A file of `profile` with no 影响期 records.
    #[must_use]
    pub const fn new(profile: CadreProfile) -> Self {
        Self {
            profile,
            effects: Vec::new(),
        }
    }

    /// The file with one more 影响期 record.
    #[must_use]
    pub fn with_effect(mut self, record: EffectRecord) -> Self {
        self.effects.push(record);
        self
    }

    /// The cadre.
    #[must_use]
    pub const fn cadre(&self) -> CadreId {
        self.profile.cadre
    }

    /// What the rules say about this cadre for `post` on `on`: Art 8 (with the 逐级 rule of
    /// Art 9) and every 影响期 in force. `None` when the post is not a leadership post (a 职级
    /// follows its own procedure).
    #[must_use]
    pub fn consider(
        &self,
        post: &Post,
        tree: &OrgTree,
        on: NaiveDate,
        policy: &SelectionPolicy,
    ) -> Option<Consideration> {
        let rank = post.leadership_rank()?;
        let target = PromotionTarget {
            rank,
            committee: CommitteeTier::of(post.holder, tree),
        };
        let profile = self.profile.as_of(on);
        let eligibility = check_eligibility(&profile, target, on, policy);
        let effects = check_effects(
            &self.effects,
            profile.current_rank(),
            ConsideredPost::new(rank, post.is_party_post()),
            on,
            &policy.effect_periods,
            &policy.cooling_off,
        );
        Some(Consideration {
            eligibility,
            effects,
        })
    }
}

/// What the rules found for one cadre and one post on one day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Consideration {
    /// Art 8 and the 逐级 rule: every unmet requirement.
    pub eligibility: EligibilityReport,
    /// Every 影响期 in force that bars the post.
    pub effects: Vec<EffectBar>,
}

/// The files of the cadres a selection may consider, by cadre.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CadreFiles {
    files: BTreeMap<CadreId, CadreFile>,
}

impl CadreFiles {
    /// The files, keyed by their cadre (a later file of the same cadre replaces an earlier).
    #[must_use]
    pub fn from_files(files: impl IntoIterator<Item = CadreFile>) -> Self {
        Self {
            files: files.into_iter().map(|f| (f.cadre(), f)).collect(),
        }
    }

    /// One cadre's file.
    #[must_use]
    pub fn get(&self, cadre: CadreId) -> Option<&CadreFile> {
        self.files.get(&cadre)
    }

    /// How many files.
    #[must_use]
    pub fn len(&self) -> usize {
        self.files.len()
    }

    /// Whether there are none.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }
}
