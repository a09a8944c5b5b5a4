//! What [`super::Journal::verify`] found wrong with a stored journal.

use chrono::{DateTime, Utc};
use thiserror::Error;

use super::{Digest, Language, Refusal};
use crate::Citation;
use crate::citation::sources;

/// A stored journal that does not verify: the first entry found wrong, and why.
///
/// History that does not verify is never a fact: a report shows it as a finding with this
/// entry's position, its stream and the rule ([`Refusal::citation`]).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("entry {position}{}: {failure}", stream_suffix(.stream.as_deref()))]
#[non_exhaustive]
pub struct VerifyError {
    position: u64,
    stream: Option<String>,
    failure: VerifyFailure,
}

fn stream_suffix(stream: Option<&str>) -> String {
    stream.map_or_else(String::new, |s| format!(" (stream {s})"))
}

impl VerifyError {
    /// The failure at `position` of `stream`.
    #[must_use]
    pub const fn new(position: u64, stream: Option<String>, failure: VerifyFailure) -> Self {
        Self {
            position,
            stream,
            failure,
        }
    }
    /// The position of the entry found wrong (from 1; for [`VerifyFailure::HeadMismatch`],
    /// the journal's length).
    #[must_use]
    pub const fn position(&self) -> u64 {
        self.position
    }
    /// The stream of that entry, as text (`None` for a failure of the whole journal).
    #[must_use]
    pub fn stream(&self) -> Option<&str> {
        self.stream.as_deref()
    }
    /// What was wrong.
    #[must_use]
    pub const fn failure(&self) -> &VerifyFailure {
        &self.failure
    }
}

/// What was wrong with an entry.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum VerifyFailure {
    /// The rules, deciding the recorded command again, refuse it: the act was outside its
    /// authority's jurisdiction, a step out of order, a publicity not over….
    #[error("the rules refuse the recorded command: {english}")]
    Refused {
        /// The rule that refused.
        citation: Citation,
        /// The refusal in the official Chinese terms.
        message: String,
        /// The refusal in English.
        english: String,
    },
    /// The rules accept the command but decide other events than those recorded.
    #[error("the recorded events ({recorded}) are not what the rules decide ({decided})")]
    EventsDiffer {
        /// Events recorded.
        recorded: usize,
        /// Events the rules decide.
        decided: usize,
    },
    /// The entry's content does not match its digest: it was edited.
    #[error("the entry's content does not match its digest: it was changed after it was recorded")]
    DigestMismatch,
    /// The entry does not link to the one before: an entry before it was removed, replaced
    /// or moved.
    #[error(
        "the entry does not link to the entry before it: an earlier entry was removed, replaced or moved"
    )]
    ChainBroken,
    /// The entry's position is not the next one: entries missing, inserted, duplicated or
    /// reordered.
    #[error(
        "position {found} found where {expected} was expected: entries are missing, inserted, duplicated or reordered"
    )]
    PositionOutOfOrder {
        /// The position expected.
        expected: u64,
        /// The one found.
        found: u64,
    },
    /// The entry's sequence in its stream is not the next one.
    #[error("sequence {found} of the stream found where {expected} was expected")]
    SequenceOutOfOrder {
        /// The sequence expected.
        expected: u64,
        /// The one found.
        found: u64,
    },
    /// The act is earlier than the entry before.
    #[error("the act's time {given} is before the previous entry's {last}")]
    TimeWentBackwards {
        /// The previous entry's time.
        last: DateTime<Utc>,
        /// This entry's time.
        given: DateTime<Utc>,
    },
    /// The entry has no reason.
    #[error("the entry has no reason (事由)")]
    MissingReason,
    /// The act's day is outside the supported dates.
    #[error(transparent)]
    DateOutOfRange(crate::dates::DateOutOfRange),
    /// The last entry is not the head the data recorded: the journal was cut short, extended
    /// or replaced.
    #[error(
        "the journal's head {found} is not the recorded head {expected}: it was cut short, extended or replaced"
    )]
    HeadMismatch {
        /// The head recorded.
        expected: Digest,
        /// The head found.
        found: Digest,
    },
    /// A stream begins with a command that is not its lifecycle's opening command (an entry
    /// cut from the front of the stream).
    #[error("the stream does not begin with its lifecycle's opening command")]
    NotOpened,
    /// The entry could not be encoded for its digest.
    #[error("the entry could not be encoded: {0}")]
    Encoding(String),
}

impl Refusal for VerifyError {
    fn citation(&self) -> Citation {
        match &self.failure {
            VerifyFailure::Refused { citation, .. } => citation.clone(),
            _ => sources::JOURNAL_INTEGRITY,
        }
    }

    fn message(&self, language: Language) -> String {
        let position = self.position;
        match language {
            Language::English => format!("{self} ({})", self.citation()),
            Language::Chinese => {
                let what = match &self.failure {
                    VerifyFailure::Refused { message, .. } => {
                        return format!("第 {position} 条纪实所记命令不符合规定：{message}");
                    }
                    VerifyFailure::EventsDiffer { recorded, decided } => {
                        format!("所记结果（{recorded} 项）与按规定判定的结果（{decided} 项）不一致")
                    }
                    VerifyFailure::DigestMismatch => "内容与摘要不符，记录后被改动".to_owned(),
                    VerifyFailure::ChainBroken => {
                        "与上一条纪实不衔接，此前的纪实被删除、替换或移动".to_owned()
                    }
                    VerifyFailure::PositionOutOfOrder { expected, found } => format!(
                        "序号为 {found}，应为 {expected}：纪实有缺失、插入、重复或顺序被打乱"
                    ),
                    VerifyFailure::SequenceOutOfOrder { expected, found } => {
                        format!("在本流程中的序号为 {found}，应为 {expected}")
                    }
                    VerifyFailure::TimeWentBackwards { last, given } => {
                        format!("行为时间 {given} 早于上一条纪实的 {last}")
                    }
                    VerifyFailure::MissingReason => "未写明事由".to_owned(),
                    VerifyFailure::HeadMismatch { .. } => {
                        "日志末条与数据所记的末条不符：日志被截短、追加或整体替换".to_owned()
                    }
                    VerifyFailure::NotOpened => {
                        "所属流程不是以启动命令开始：其前面的纪实被删除".to_owned()
                    }
                    VerifyFailure::Encoding(e) => format!("无法编码：{e}"),
                    VerifyFailure::DateOutOfRange(e) => {
                        crate::journal::Refusal::message(e, Language::Chinese)
                    }
                };
                format!("第 {position} 条纪实{what}（{}）", self.citation())
            }
        }
    }
}
