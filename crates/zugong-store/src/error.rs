//! What a store refuses or fails at, each with what was wrong and what would be accepted.

use thiserror::Error;
use zugong_core::journal::{JournalError, Language, Refusal, VerifyError};

use crate::ExpectedVersion;

/// Why a store could not do what was asked. Nothing is half-written when one is returned:
/// every write is one transaction, rolled back on any error.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum StoreError {
    /// Another writer appended to the stream since the caller read it: of two appends at the
    /// same version, this one came second. Read the stream again, decide again, and retry.
    #[error(
        "conflict: stream {stream} of journal {journal} is at version {found}, not {expected} as the command expected; read it again and decide again"
    )]
    Conflict {
        /// The journal.
        journal: String,
        /// The stream (its identifier).
        stream: String,
        /// The version the writer expected.
        expected: ExpectedVersion,
        /// The version the stream is at.
        found: u64,
    },
    /// The stored journal does not verify: an entry was forged, edited, reordered, removed,
    /// or decided against the rules. Nothing is read from it as fact.
    #[error("journal {journal} does not verify: {source}")]
    Verify {
        /// The journal.
        journal: String,
        /// The first failure.
        #[source]
        source: Box<VerifyError>,
    },
    /// A stored row of a journal does not match the entry it holds (a column edited apart
    /// from the entry's text, or text not in the canonical form it was written in).
    #[error(
        "journal {journal}, entry {position}: the stored row does not match its entry ({what}); the store was changed outside zugong"
    )]
    Tampered {
        /// The journal.
        journal: String,
        /// The entry's position.
        position: u64,
        /// What does not match.
        what: String,
    },
    /// A journal of one lifecycle kind was asked for as another.
    #[error("journal {journal} holds {stored} entries, not {asked}")]
    KindMismatch {
        /// The journal.
        journal: String,
        /// The kind stored.
        stored: String,
        /// The kind asked for.
        asked: String,
    },
    /// A journal name that is empty, too long, or has characters other than letters, digits,
    /// `-`, `_` and `.`.
    #[error(
        "{0:?} is not a journal name: use 1–200 ASCII letters, digits, '-', '_' or '.', not starting with '.'"
    )]
    BadJournalName(String),
    /// A table name that is not 1–64 lowercase ASCII letters, digits or `_` starting with a
    /// letter.
    #[error(
        "{0:?} is not a table name: use 1–64 lowercase letters, digits or '_', starting with a letter"
    )]
    BadTableName(String),
    /// The location is neither a file path nor a `postgres://` URL this build can use.
    #[error("{0}")]
    BadLocation(String),
    /// The file or database is not a zugong store: it belongs to another program.
    #[error(
        "{0} is not a zugong store (it holds another program's tables): give an empty database, or create a new store with `zugong init`"
    )]
    NotAStore(String),
    /// The file is not a database at all, or is damaged.
    #[error("{location} is not a readable database ({detail}): restore it from a backup")]
    Corrupt {
        /// Where.
        location: String,
        /// What the database engine said.
        detail: String,
    },
    /// The store was written by a newer zugong: this build cannot read it safely.
    #[error(
        "the store's schema is version {found}; this build reads up to version {supported}: use a newer zugong"
    )]
    NewerSchema {
        /// The schema version in the store.
        found: u32,
        /// The newest this build knows.
        supported: u32,
    },
    /// No store exists there yet.
    #[error("there is no zugong store at {0}: create one with `zugong init`")]
    Missing(String),
    /// A store already exists where a new one was to be created.
    #[error("{0} already holds a zugong store")]
    Exists(String),
    /// The lifecycle refused the command (a rule, or the journal's own checks).
    #[error("{message}")]
    Refused {
        /// The rule's citation.
        citation: String,
        /// What was wrong and what would be accepted, in Chinese.
        chinese: String,
        /// The same, in English.
        message: String,
    },
    /// A value could not be encoded or decoded (an entry's JSON).
    #[error("an entry cannot be encoded or read: {0}")]
    Encoding(String),
    /// A stored number is outside what this build can hold.
    #[error("a stored number ({0}) is out of range")]
    OutOfRange(String),
    /// The database engine or server failed (a lost connection, a full disk, a lock held too
    /// long): the transaction was rolled back.
    #[error("the database failed: {0}")]
    Database(String),
}

impl StoreError {
    /// What was wrong, in `language` (the store's own errors are told in English and in
    /// Chinese; a refusal keeps its rule's own wording).
    #[must_use]
    pub fn message(&self, language: Language) -> String {
        match (language, self) {
            (Language::English, _) => self.to_string(),
            (Language::Chinese, Self::Refused { chinese, .. }) => chinese.clone(),
            (
                Language::Chinese,
                Self::Conflict {
                    journal,
                    stream,
                    expected,
                    found,
                },
            ) => format!(
                "并发冲突：日志 {journal} 的流程 {stream} 已到第 {found} 版，而命令依据的是{expected}；请重新读取后再决定"
            ),
            (Language::Chinese, Self::Verify { journal, source }) => {
                format!(
                    "日志 {journal} 核验未通过：{}",
                    source.message(Language::Chinese)
                )
            }
            (
                Language::Chinese,
                Self::Tampered {
                    journal,
                    position,
                    what,
                },
            ) => format!(
                "日志 {journal} 第 {position} 条：库中记录与其纪实条目不符（{what}），数据库被程序外修改"
            ),
            (Language::Chinese, Self::NotAStore(l)) => {
                format!(
                    "{l} 不是 zugong 数据库（含其他程序的表）：请给出空数据库，或用 zugong init 新建"
                )
            }
            (Language::Chinese, Self::Corrupt { location, detail }) => {
                format!("{location} 不是可读的数据库（{detail}）：请从备份恢复")
            }
            (Language::Chinese, Self::NewerSchema { found, supported }) => format!(
                "数据库结构为第 {found} 版，本程序只能读到第 {supported} 版：请使用更新的 zugong"
            ),
            (Language::Chinese, Self::Missing(l)) => {
                format!("{l} 处没有 zugong 数据库：请先用 zugong init 新建")
            }
            (Language::Chinese, Self::Exists(l)) => format!("{l} 已有 zugong 数据库"),
            (Language::Chinese, Self::Database(d)) => {
                format!("数据库操作失败，本次事务已回滚：{d}")
            }
            (Language::Chinese, other) => other.to_string(),
        }
    }

    /// A refusal by a lifecycle's rule or the journal, kept with its rule and both wordings.
    pub fn refused(refusal: &impl Refusal) -> Self {
        Self::Refused {
            citation: refusal.citation().to_string(),
            chinese: refusal.message(Language::Chinese),
            message: refusal.message(Language::English),
        }
    }
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        Self::Database(e.to_string())
    }
}

#[cfg(feature = "postgres")]
impl From<postgres::Error> for StoreError {
    fn from(e: postgres::Error) -> Self {
        // The server's own message (the connection was lost, a constraint) with its cause.
        let mut text = e.to_string();
        if let Some(db) = e.as_db_error() {
            text = format!("{}: {}", db.code().code(), db.message());
        } else if let Some(source) = std::error::Error::source(&e) {
            text = format!("{text}: {source}");
        }
        Self::Database(text)
    }
}

/// Why a command given to [`crate::Transaction::execute`] was not recorded.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum AppendError<R> {
    /// A rule of the lifecycle refused the command.
    #[error(transparent)]
    Refused(R),
    /// The journal refused the entry (a blank reason, time going backwards, a stream that
    /// does not begin with its opening command).
    #[error(transparent)]
    Journal(JournalError),
    /// The store refused or failed (a conflict, a journal that does not verify, the database).
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl<R: Refusal> From<AppendError<R>> for StoreError {
    /// Keeps a refusal's rule and wording, so that one transaction can run commands of
    /// several lifecycles with `?`.
    fn from(e: AppendError<R>) -> Self {
        match e {
            AppendError::Refused(r) => Self::refused(&r),
            AppendError::Journal(j) => Self::refused(&j),
            AppendError::Store(s) => s,
        }
    }
}
