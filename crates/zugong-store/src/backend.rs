//! What each database engine provides: transactions and a handful of statements. The typed
//! store ([`crate::Store`]) is written once on top of it.

use crate::StoreError;
use crate::record::{EntryQuery, ImportRecord, JournalInfo, StoredEntry, TableInfo};

/// A visitor of stored rows; returning an error stops the reading.
pub(crate) type Visit<'a, T> = &'a mut dyn FnMut(T) -> Result<(), StoreError>;

/// A visitor of a table's rows (line, text); returning an error stops the reading.
pub(crate) type VisitRow<'a> = &'a mut dyn FnMut(u64, &str) -> Result<(), StoreError>;

/// One connection to one store.
pub(crate) trait Backend: Send {
    /// Where the store is, for messages (passwords masked).
    fn describe(&self) -> String;
    /// Begins a write transaction that holds the store's writer lock until it ends, so that
    /// what it reads stays what it writes after.
    fn begin_write(&mut self) -> Result<(), StoreError>;
    /// Begins a read transaction: one consistent snapshot.
    fn begin_read(&mut self) -> Result<(), StoreError>;
    /// Commits the transaction.
    fn commit(&mut self) -> Result<(), StoreError>;
    /// Rolls it back (also after a failure of the connection: then quietly).
    fn rollback(&mut self) -> Result<(), StoreError>;

    /// The schema version recorded (`None`: the database has no zugong schema) and whether
    /// the database holds tables of another program.
    fn schema(&mut self) -> Result<SchemaState, StoreError>;
    /// Runs one migration statement.
    fn run(&mut self, statement: &str) -> Result<(), StoreError>;
    /// Records the schema version.
    fn set_schema(&mut self, version: u32) -> Result<(), StoreError>;

    /// One journal's record.
    fn journal(&mut self, name: &str) -> Result<Option<JournalInfo>, StoreError>;
    /// Every journal's record, by name.
    fn journals(&mut self) -> Result<Vec<JournalInfo>, StoreError>;
    /// Writes a journal's record.
    fn put_journal(&mut self, info: &JournalInfo) -> Result<(), StoreError>;
    /// The last sequence of a stream (0: none).
    fn stream_version(&mut self, journal: &str, stream: &str) -> Result<u64, StoreError>;
    /// The last store-wide position (0: empty).
    fn last_store_position(&mut self) -> Result<u64, StoreError>;
    /// Reads entries, in order.
    fn entries(
        &mut self,
        query: EntryQuery<'_>,
        visit: Visit<'_, StoredEntry>,
    ) -> Result<(), StoreError>;
    /// Inserts entries (the caller holds the writer lock and has checked them).
    fn insert_entries(&mut self, entries: &[StoredEntry]) -> Result<(), StoreError>;

    /// The dataset's manifest text.
    fn manifest(&mut self) -> Result<Option<String>, StoreError>;
    /// Replaces the manifest text.
    fn put_manifest(&mut self, text: &str) -> Result<(), StoreError>;
    /// The dataset's tables.
    fn tables(&mut self) -> Result<Vec<TableInfo>, StoreError>;
    /// Removes every table of the dataset.
    fn clear_tables(&mut self) -> Result<(), StoreError>;
    /// Writes a whole table: its rows in order, numbered from 1.
    fn put_table(
        &mut self,
        name: &str,
        rows: &mut dyn Iterator<Item = Result<String, StoreError>>,
    ) -> Result<u64, StoreError>;
    /// Records an import (numbered after the last) and returns its number.
    fn record_import(&mut self, import: &ImportRecord) -> Result<u64, StoreError>;
    /// Every import, oldest first.
    fn imports(&mut self) -> Result<Vec<ImportRecord>, StoreError>;
    /// Reads a table's rows in order (line number, text).
    fn rows(&mut self, name: &str, visit: VisitRow<'_>) -> Result<(), StoreError>;
}

/// What a database holds before it is opened as a store.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct SchemaState {
    /// The zugong schema version (`None`: no `zugong_schema` table).
    pub(crate) version: Option<u32>,
    /// Whether it holds tables that are not zugong's.
    pub(crate) foreign_tables: bool,
}
