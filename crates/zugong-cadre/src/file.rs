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
use zugong_core::{CadreId, InstitutionId, InstitutionRegistry, Locality, OrgTree, PostSeniority};

use crate::{
    CadreProfile, CommitteeTier, ConsideredPost, EffectBar, EffectRecord, EligibilityReport,
    Holding, Post, PromotionTarget, RecusalFinding, RegionalPrincipalPost, RelationBook,
    SelectionPolicy, Strength, Unmet, check_effects, check_eligibility, check_qualifications,
    check_recusal,
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
    /// Where the cadre grew up (成长地: a county, or the township when known), for 地域回避.
    /// A 6-digit or 9-digit code in the stored form.
    #[serde(default)]
    pub home: Option<Locality>,
    /// The institutions that regulate the businesses the cadre's relatives run (业务回避).
    #[serde(default)]
    pub business_regulators: Vec<InstitutionId>,
}

impl CadreFile {
    /// A file of `profile` with no 影响期 records.
    #[must_use]
    pub const fn new(profile: CadreProfile) -> Self {
        Self {
            profile,
            effects: Vec::new(),
            home: None,
            business_regulators: Vec::new(),
        }
    }

    /// The file with the cadre's 成长地.
    #[must_use]
    pub const fn from_home(mut self, home: Option<Locality>) -> Self {
        self.home = home;
        self
    }

    /// The file with the institutions that regulate the relatives' businesses.
    #[must_use]
    pub fn with_business_regulators(mut self, regulators: Vec<InstitutionId>) -> Self {
        self.business_regulators = regulators;
        self
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
        registry: &InstitutionRegistry,
        on: NaiveDate,
        policy: &SelectionPolicy,
    ) -> Option<Consideration> {
        let rank = post.leadership_rank()?;
        let target = PromotionTarget {
            rank,
            committee: CommitteeTier::of(post.holder, tree, registry),
        };
        let profile = self.profile.as_of(on);
        let mut eligibility = check_eligibility(&profile, target, on, policy);
        eligibility.unmet.extend(check_qualifications(
            &profile.qualifications,
            &post.required_qualifications,
            on,
        ));
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

impl Consideration {
    /// Whether the rules admit the cadre on the ordinary path (no 破格): no 影响期 running and
    /// no binding (应当) requirement unmet. 一般应当 items do not bar; the selection records
    /// them. This is the check [`crate::Selection`] applies at 确定考察对象 and 讨论决定.
    #[must_use]
    pub fn admits(&self) -> bool {
        self.effects.is_empty() && self.binding_unmet().next().is_none()
    }

    /// The unmet requirements that bind (应当), each with its rule.
    pub fn binding_unmet(&self) -> impl Iterator<Item = &Unmet> {
        self.eligibility
            .unmet
            .iter()
            .filter(|u| u.strength == Strength::Required)
    }
}

/// The files of the cadres a selection may consider, by cadre, with the two registers the
/// recusal rules read: who holds which post now (干部名册, [`Holding`]) and who is related to
/// whom (亲属关系, [`RelationBook`]).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CadreFiles {
    files: BTreeMap<CadreId, CadreFile>,
    #[serde(default)]
    holdings: Vec<Holding>,
    #[serde(default)]
    relations: RelationBook,
}

impl CadreFiles {
    /// The files, keyed by their cadre (a later file of the same cadre replaces an earlier).
    #[must_use]
    pub fn from_files(files: impl IntoIterator<Item = CadreFile>) -> Self {
        Self {
            files: files.into_iter().map(|f| (f.cadre(), f)).collect(),
            holdings: Vec::new(),
            relations: RelationBook::default(),
        }
    }

    /// The files with the register of posts held now.
    #[must_use]
    pub fn with_holdings(mut self, holdings: Vec<Holding>) -> Self {
        self.holdings = holdings;
        self
    }

    /// The files with the register of relatives.
    #[must_use]
    pub fn with_relations(mut self, relations: RelationBook) -> Self {
        self.relations = relations;
        self
    }

    /// The recusal findings for appointing `cadre` to `post` (《党政领导干部任职回避暂行规定》;
    /// 《公务员法》 第七十四、七十五条), from the registers and the cadre's file — never from
    /// findings a caller passes in.
    ///
    /// The proposed holding is the post's 单位 ([`zugong_core::PostHolder::seated_in`]) in the post's
    /// function; a 正职 leads it, any other leadership post sits under the 单位's recorded
    /// leader. A 正职 is a principal post for 地域回避 in the area of its 单位.
    #[must_use]
    pub fn recusal(
        &self,
        cadre: CadreId,
        post: &Post,
        tree: &OrgTree,
        registry: &InstitutionRegistry,
    ) -> Vec<RecusalFinding> {
        let Some(institution) = post.holder.seated_in(tree) else {
            return Vec::new();
        };
        let chief = post
            .leadership_rank()
            .is_some_and(|r| r.seniority() == PostSeniority::Chief);
        let proposed = Holding::new(cadre, institution, post.function);
        let proposed = if chief {
            proposed.leading()
        } else {
            let head = self
                .holdings
                .iter()
                .find(|h| h.institution == institution && h.leads_institution && h.cadre != cadre)
                .map(|h| h.cadre);
            let proposed = proposed.under(head);
            if post.leadership_rank().is_some() {
                proposed.in_leadership_post()
            } else {
                proposed
            }
        };
        let file = self.get(cadre);
        let regional =
            chief
                .then(|| registry.get(institution))
                .flatten()
                .map(|i| RegionalPrincipalPost {
                    area: i
                        .township
                        .map_or(Locality::Division(i.area), Locality::Township),
                });
        check_recusal(
            &proposed,
            &self.holdings,
            &self.relations,
            file.map_or(&[][..], |f| &f.business_regulators),
            file.and_then(|f| f.home),
            regional,
        )
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
