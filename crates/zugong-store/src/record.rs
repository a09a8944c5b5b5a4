//! What a store keeps of a journal: its name, its entries as rows, its recorded head.

use std::fmt;

use serde::{Deserialize, Serialize};
use zugong_core::journal::Digest;

use crate::StoreError;

/// The name of one journal in a store (`selection-2026-县委`, `rating-town-2026`): 1–200
/// ASCII letters, digits, `-`, `_` or `.`, not starting with `.`, so that it is also a file
/// name when the store is exported as a folder.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct JournalName(String);

impl JournalName {
    /// Checks a name.
    ///
    /// # Errors
    /// [`StoreError::BadJournalName`].
    pub fn new(name: impl Into<String>) -> Result<Self, StoreError> {
        let name = name.into();
        let ok = (1..=200).contains(&name.len())
            && !name.starts_with('.')
            && name
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'));
        if ok {
            Ok(Self(name))
        } else {
            Err(StoreError::BadJournalName(name))
        }
    }

    /// The name.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl<'de> Deserialize<'de> for JournalName {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Self::new(String::deserialize(d)?).map_err(serde::de::Error::custom)
    }
}

impl fmt::Display for JournalName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::str::FromStr for JournalName {
    type Err = StoreError;
    fn from_str(s: &str) -> Result<Self, StoreError> {
        Self::new(s)
    }
}

/// One journal of a store as recorded: its lifecycle kind, its length and its head (the
/// digest of its last entry), which [`crate::Store::journal`] verifies against.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct JournalInfo {
    /// The journal's name.
    pub name: JournalName,
    /// The lifecycle kind of its entries (`StreamId::KIND`: `selection`, `rating_round`…).
    pub kind: String,
    /// Number of entries.
    pub length: u64,
    /// The digest of the last entry ([`Digest::GENESIS`] when empty).
    pub head: Digest,
}

/// One journal entry as a store holds it: the columns it is found by and its canonical JSON
/// text (what [`zugong_core::journal::Journal::verify`] reads).
///
/// A stored entry proves nothing by itself: [`crate::Store::journal`] checks that the
/// columns match the text, that the text is canonical, and re-decides it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct StoredEntry {
    /// The store-wide position (from 1, without gaps): the order in which every journal's
    /// entries were committed, for readers that follow the whole store.
    pub global: u64,
    /// The journal.
    pub journal: JournalName,
    /// Position within the journal (from 1).
    pub position: u64,
    /// The stream (the lifecycle instance's id, as text).
    pub stream: String,
    /// Sequence within the stream (from 1).
    pub sequence: u64,
    /// The entry's digest.
    pub digest: Digest,
    /// The entry, as canonical JSON.
    pub text: String,
}

/// One import of a dataset into a store, as recorded in the same transaction as the tables
/// it wrote: the store's import history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ImportRecord {
    /// The import's number in the store, from 1 (given by the store).
    pub number: u64,
    /// When (the importing program's clock; a store never reads one).
    pub at: chrono::DateTime<chrono::Utc>,
    /// What was imported (a folder or workbook path, as the user gave it).
    pub source: String,
    /// Tables written.
    pub tables: u64,
    /// Rows written.
    pub rows: u64,
    /// Journal entries appended.
    pub entries: u64,
}

impl ImportRecord {
    /// An import to record (its number is given when it is recorded).
    #[must_use]
    pub fn new(
        at: chrono::DateTime<chrono::Utc>,
        source: impl Into<String>,
        tables: u64,
        rows: u64,
        entries: u64,
    ) -> Self {
        Self {
            number: 0,
            at,
            source: source.into(),
            tables,
            rows,
            entries,
        }
    }
}

/// Which entries to read.
#[derive(Debug, Clone, Copy)]
pub(crate) enum EntryQuery<'a> {
    /// A journal's entries after a position, in order.
    Journal { name: &'a str, after: u64 },
    /// One stream of a journal, in order.
    Stream { name: &'a str, stream: &'a str },
    /// Every entry of the store after a global position, in order.
    Global { after: u64 },
}

/// A table of a department's dataset as a store holds it: its name and its number of rows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct TableInfo {
    /// The table (`members`, `attendance`…).
    pub name: String,
    /// Rows.
    pub rows: u64,
}

/// Whether `name` can name a dataset table: 1–64 lowercase ASCII letters, digits or `_`,
/// starting with a letter (`members`, `org_units`).
#[must_use]
pub fn is_table_name(name: &str) -> bool {
    (1..=64).contains(&name.len())
        && name.bytes().next().is_some_and(|b| b.is_ascii_lowercase())
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// Converts a stored signed number.
pub(crate) fn unsigned(n: i64) -> Result<u64, StoreError> {
    u64::try_from(n).map_err(|_| StoreError::OutOfRange(n.to_string()))
}

/// Converts a number to store.
pub(crate) fn signed(n: u64) -> Result<i64, StoreError> {
    i64::try_from(n).map_err(|_| StoreError::OutOfRange(n.to_string()))
}

/// Reads a stored digest.
pub(crate) fn digest(text: &str) -> Result<Digest, StoreError> {
    text.parse()
        .map_err(|e| StoreError::Encoding(format!("digest {text:?}: {e}")))
}

/// An import record from its stored columns.
pub(crate) fn import_record(
    number: i64,
    at: &str,
    source: String,
    tables: i64,
    rows: i64,
    entries: i64,
) -> Result<ImportRecord, StoreError> {
    Ok(ImportRecord {
        number: unsigned(number)?,
        at: chrono::DateTime::parse_from_rfc3339(at)
            .map_err(|e| StoreError::Encoding(format!("import time {at:?}: {e}")))?
            .with_timezone(&chrono::Utc),
        source,
        tables: unsigned(tables)?,
        rows: unsigned(rows)?,
        entries: unsigned(entries)?,
    })
}
