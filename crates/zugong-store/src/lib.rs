//! # zugong-store
//!
//! The durable system of record for the zugong crates (数据库): one department's records in one
//! database — every lifecycle's journal and the dataset's tables — in an embedded SQLite file
//! by default, or on a PostgreSQL server (the `postgres` feature) for a department that runs
//! one. Both engines implement the same [`Store`] and pass the same test suite.
//!
//! What it guarantees:
//!
//! - **Nothing is taken on trust.** A journal is read only through
//!   [`Journal::verify`](zugong_core::journal::Journal::verify): every stored row is held to
//!   the entry it holds (columns, canonical text), every command is re-decided by its rules,
//!   and the last entry must be the head the store recorded. A row edited, removed, inserted
//!   or reordered outside zugong is found ([`StoreError::Verify`], [`StoreError::Tampered`]).
//! - **Optimistic concurrency.** A command names the version of its stream the writer read
//!   ([`ExpectedVersion`]); of two appends at the same version one is refused with
//!   [`StoreError::Conflict`], and nothing is lost or duplicated. Commands are decided while
//!   the store's writer lock is held, against the latest state of every stream, so a rule
//!   that spans streams (a quota place, a round's cap) sees what other writers did.
//! - **All or nothing.** [`Store::write`] runs commands of several journals and lifecycles
//!   (an appointment and the quota book it draws on), and dataset tables, in one
//!   transaction. A process killed at any point leaves the store as it was before or after.
//! - **Forward migrations.** A store records its schema version; an older store is migrated
//!   forward when opened, a newer one is refused ([`StoreError::NewerSchema`]), and a database
//!   of another program is never written to ([`StoreError::NotAStore`]).
//!
//! SQLite runs in WAL mode with foreign keys on and `synchronous = NORMAL` (no commit is lost
//! when the process is killed; a power cut may lose the last commits, whole). Writers queue
//! for up to a minute for the writer lock. On PostgreSQL, writers take a transaction-scoped
//! advisory lock per schema, readers see one snapshot; a store lives in the connection's
//! current schema, so several departments can share a server, one schema each
//! (`?options=-csearch_path%3Ddept`).
//!
//! The crate depends on zugong-core only (no domain crate): any lifecycle can be stored.
//! The dataset's tables are stored as rows of text in file order (each row one record, as
//! the dataset's JSON Lines hold it), so that a dataset exported from a store is byte for byte
//! the one imported.

mod backend;
mod error;
mod location;
#[cfg(feature = "postgres")]
mod postgres;
mod record;
mod schema;
mod sqlite;
mod store;
mod version;

pub use error::{AppendError, StoreError};
pub use location::Location;
pub use record::{ImportRecord, JournalInfo, JournalName, StoredEntry, TableInfo, is_table_name};
pub use store::{Store, Transaction};
pub use version::ExpectedVersion;

/// The schema version this build writes (stores of an older version are migrated forward
/// when opened; newer ones are refused).
pub const SCHEMA_VERSION: u32 = schema::LATEST;
