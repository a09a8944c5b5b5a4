//! 三个区分开来: telling honest mistakes from violations.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use zugong_core::{CadreId, Citation, OrgUnitId, SourceStatus};

const THREE_DISTINCTIONS: Citation = Citation::new(
    "习近平在省部级主要领导干部专题研讨班上的讲话(2016-01)；《关于进一步激励广大干部新时代新担当新作为的意见》(2018)",
    "三个区分开来",
    SourceStatus::Confirmed,
);

/// Which of the three distinctions a mistake falls under (the tolerated side).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Distinction {
    /// 因缺乏经验、先行先试出现的失误和错误 (in pushing reform), as opposed to 明知故犯的违纪违法行为.
    ReformInexperience,
    /// 上级尚无明确限制的探索性试验中的失误和错误, as opposed to 上级明令禁止后依然我行我素.
    ExploratoryTrial,
    /// 为推动发展的无意过失, as opposed to 为谋取私利的违纪违法行为.
    UnintentionalForDevelopment,
}

zugong_core::official_terms!(Distinction, "三个区分开来 (distinction)", {
    ReformInexperience => "因缺乏经验、先行先试出现的失误和错误",
    ExploratoryTrial => "上级尚无明确限制的探索性试验中的失误和错误",
    UnintentionalForDevelopment => "为推动发展的无意过失",
});

/// The classification of a recorded mistake.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MistakeClass {
    /// On the tolerated side of a distinction (容错).
    Tolerated(Distinction),
    /// A violation (明知故犯, 明令禁止后我行我素, 谋取私利).
    Violation,
}

/// A recorded mistake and how it was classified.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MistakeRecord {
    /// Whose.
    pub cadre: CadreId,
    /// When it occurred.
    pub on: NaiveDate,
    /// What happened.
    pub description: String,
    /// The classification.
    pub class: MistakeClass,
    /// Who classified it.
    pub decided_by: OrgUnitId,
}

/// Where a mistake might count against a cadre.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MistakeUse {
    /// Annual assessment.
    Assessment,
    /// Selection and promotion.
    Selection,
    /// Adjustment (能上能下).
    Adjustment,
}

/// What a tolerated mistake means for each use: local policy.
///
/// # Provisional
/// The distinctions are national; how each use treats a tolerated mistake is set locally.
/// Default: a tolerated mistake counts against the cadre nowhere.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MistakePolicy {
    /// Whether tolerated mistakes weigh in the annual assessment.
    pub tolerated_counts_in_assessment: bool,
    /// Whether they weigh in selection.
    pub tolerated_counts_in_selection: bool,
    /// Whether they weigh in adjustments.
    pub tolerated_counts_in_adjustment: bool,
}

impl MistakeRecord {
    /// Whether the mistake counts against the cadre for `use_`.
    #[must_use]
    pub fn counts_against(&self, use_: MistakeUse, policy: &MistakePolicy) -> bool {
        match self.class {
            MistakeClass::Violation => true,
            MistakeClass::Tolerated(_) => match use_ {
                MistakeUse::Assessment => policy.tolerated_counts_in_assessment,
                MistakeUse::Selection => policy.tolerated_counts_in_selection,
                MistakeUse::Adjustment => policy.tolerated_counts_in_adjustment,
            },
        }
    }

    /// The rule.
    #[must_use]
    pub fn citation(&self) -> Citation {
        THREE_DISTINCTIONS
    }
}
