//! The store's schema and its forward migrations, the same for both engines.
//!
//! A store records the schema version it was last migrated to in `zugong_schema`. Opening a
//! store applies, in one transaction, every migration after its version; a store whose
//! version is newer than [`LATEST`] is refused ([`crate::StoreError::NewerSchema`]), since an
//! older build could misread or damage what a newer one wrote.

/// The name every zugong store records as its application.
pub(crate) const APPLICATION: &str = "zugong";

/// The migrations, in order: `MIGRATIONS[i]` takes a store from version `i` to `i + 1`.
/// Statements are separated by `;` and use SQL both SQLite and PostgreSQL accept.
pub(crate) const MIGRATIONS: &[&str] = &[
    // 1: journals (hash-chained entries, one row each, with the recorded head), the dataset's
    // manifest and its tables (one row per record, in the order of the file).
    "CREATE TABLE zugong_journals (
        name TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        length BIGINT NOT NULL CHECK (length >= 0),
        head TEXT NOT NULL
    );
    CREATE TABLE zugong_entries (
        store_position BIGINT PRIMARY KEY CHECK (store_position > 0),
        journal TEXT NOT NULL REFERENCES zugong_journals (name),
        position BIGINT NOT NULL CHECK (position > 0),
        stream TEXT NOT NULL,
        sequence BIGINT NOT NULL CHECK (sequence > 0),
        digest TEXT NOT NULL,
        body TEXT NOT NULL,
        UNIQUE (journal, position),
        UNIQUE (journal, stream, sequence)
    );
    CREATE TABLE zugong_manifest (
        only_row INTEGER PRIMARY KEY CHECK (only_row = 1),
        body TEXT NOT NULL
    );
    CREATE TABLE zugong_tables (
        name TEXT PRIMARY KEY,
        row_count BIGINT NOT NULL CHECK (row_count >= 0)
    );
    CREATE TABLE zugong_rows (
        tbl TEXT NOT NULL REFERENCES zugong_tables (name),
        line BIGINT NOT NULL CHECK (line > 0),
        body TEXT NOT NULL,
        PRIMARY KEY (tbl, line)
    )",
    // 2: the history of the dataset's imports — when, from where, what was written — kept
    // with the tables they wrote (each import is one transaction; a rolled-back one leaves
    // no record).
    "CREATE TABLE zugong_imports (
        number BIGINT PRIMARY KEY CHECK (number > 0),
        at TEXT NOT NULL,
        source TEXT NOT NULL,
        tables BIGINT NOT NULL CHECK (tables >= 0),
        row_count BIGINT NOT NULL CHECK (row_count >= 0),
        entries BIGINT NOT NULL CHECK (entries >= 0)
    )",
];

/// The schema version this build writes and reads.
pub(crate) const LATEST: u32 = MIGRATIONS.len() as u32;

/// The statements of migration `index`, one by one (blank pieces left out).
pub(crate) fn statements(index: usize) -> impl Iterator<Item = &'static str> {
    MIGRATIONS
        .get(index)
        .copied()
        .unwrap_or_default()
        .split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
}
