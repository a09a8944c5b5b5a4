//! The political-quality gate (严把政治关): a review over six dimensions at every step.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// 政治素质的六个方面.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PoliticalDimension {
    /// 政治立场.
    Stance,
    /// 政治态度.
    Attitude,
    /// 政治觉悟.
    Consciousness,
    /// 政治判断力.
    Judgement,
    /// 政治领悟力.
    Comprehension,
    /// 政治执行力.
    Execution,
}

zugong_core::official_terms!(PoliticalDimension, "政治素质维度 (political dimension)", {
    Stance => "政治立场",
    Attitude => "政治态度",
    Consciousness => "政治觉悟",
    Judgement => "政治判断力",
    Comprehension => "政治领悟力",
    Execution => "政治执行力",
});

/// 政治把关: one review, with a score (0–100) per dimension, the evidence relied on and the
/// reviewer's conclusion. Every selection step carries one (《党政领导干部选拔任用工作条例》
/// 第三条: 政治标准放在首位).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PoliticalReview {
    /// Score per dimension; a missing dimension counts as not reviewed (a failure).
    pub scores: BTreeMap<PoliticalDimension, u32>,
    /// Evidence relied on (政治素质档案 entries, talks, inspections).
    pub evidence: Vec<String>,
    /// The reviewer's conclusion.
    pub note: String,
}

impl PoliticalReview {
    /// A review scoring every dimension the same.
    #[must_use]
    pub fn uniform(score: u32, note: impl Into<String>) -> Self {
        Self {
            scores: PoliticalDimension::ALL
                .iter()
                .map(|d| (*d, score))
                .collect(),
            evidence: Vec::new(),
            note: note.into(),
        }
    }

    /// The dimensions below `pass` or not reviewed (empty: the gate is passed).
    #[must_use]
    pub fn failures(&self, pass: u32) -> Vec<PoliticalDimension> {
        PoliticalDimension::ALL
            .iter()
            .copied()
            .filter(|d| self.scores.get(d).is_none_or(|s| *s < pass))
            .collect()
    }
}
