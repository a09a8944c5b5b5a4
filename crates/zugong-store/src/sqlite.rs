//! The embedded default: one SQLite file, in WAL mode with foreign keys on; every write one
//! `BEGIN IMMEDIATE` transaction, so writers queue (for up to a minute) instead of failing.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, ErrorCode, OpenFlags, OptionalExtension, params};

use crate::StoreError;
use crate::backend::{Backend, SchemaState, Visit, VisitRow};
use crate::record::{
    EntryQuery, ImportRecord, JournalInfo, JournalName, StoredEntry, TableInfo, digest,
    import_record, signed, unsigned,
};
use crate::schema::APPLICATION;

/// SQLite's `application_id` for zugong stores ("zgon"), so that `file` and other tools can
/// tell one.
const APPLICATION_ID: i32 = 0x7A67_6F6E;

/// A connection to an SQLite store file.
pub(crate) struct Sqlite {
    connection: Connection,
    path: PathBuf,
}

impl Sqlite {
    /// Opens (or, with `create`, creates) the file.
    pub(crate) fn open(path: &Path, create: bool) -> Result<Self, StoreError> {
        let shown = path.display().to_string();
        if !create && !path.is_file() {
            return Err(StoreError::Missing(shown));
        }
        let mut flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        if create {
            flags |= OpenFlags::SQLITE_OPEN_CREATE;
        }
        let connection =
            Connection::open_with_flags(path, flags).map_err(|e| classify(&shown, e))?;
        let mut this = Self {
            connection,
            path: path.to_path_buf(),
        };
        this.configure().map_err(|e| match e {
            StoreError::Database(detail) => StoreError::Corrupt {
                location: shown.clone(),
                detail,
            },
            other => other,
        })?;
        Ok(this)
    }

    fn configure(&mut self) -> Result<(), StoreError> {
        let c = &self.connection;
        c.busy_timeout(Duration::from_secs(60))?;
        // Reading the schema first tells a file that is not a database at once.
        let _: i64 = c.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))?;
        let mode: String = c.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(StoreError::Database(format!(
                "the file cannot be put in WAL mode (it is in {mode} mode)"
            )));
        }
        // In WAL mode NORMAL never corrupts and never loses a commit when the process is
        // killed; a power cut may lose the last commits, whole.
        c.execute_batch("PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;")?;
        Ok(())
    }
}

/// A database error on opening, told as what it means for the user.
fn classify(location: &str, e: rusqlite::Error) -> StoreError {
    match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => StoreError::Corrupt {
            location: location.to_owned(),
            detail: e.to_string(),
        },
        Some(ErrorCode::CannotOpen) => StoreError::Missing(location.to_owned()),
        _ => StoreError::Database(e.to_string()),
    }
}

fn entry_from_row(
    r: &rusqlite::Row<'_>,
) -> rusqlite::Result<(i64, String, i64, String, i64, String, String)> {
    Ok((
        r.get(0)?,
        r.get(1)?,
        r.get(2)?,
        r.get(3)?,
        r.get(4)?,
        r.get(5)?,
        r.get(6)?,
    ))
}

/// The columns of an entry row as typed values.
pub(crate) fn stored_entry(
    (store_position, journal, position, stream, sequence, digest_text, text): (
        i64,
        String,
        i64,
        String,
        i64,
        String,
        String,
    ),
) -> Result<StoredEntry, StoreError> {
    Ok(StoredEntry {
        global: unsigned(store_position)?,
        journal: JournalName::new(journal)?,
        position: unsigned(position)?,
        stream,
        sequence: unsigned(sequence)?,
        digest: digest(&digest_text)?,
        text,
    })
}

const ENTRY_COLUMNS: &str = "store_position, journal, position, stream, sequence, digest, body";

impl Backend for Sqlite {
    fn describe(&self) -> String {
        self.path.display().to_string()
    }

    fn begin_write(&mut self) -> Result<(), StoreError> {
        Ok(self.connection.execute_batch("BEGIN IMMEDIATE")?)
    }

    fn begin_read(&mut self) -> Result<(), StoreError> {
        Ok(self.connection.execute_batch("BEGIN DEFERRED")?)
    }

    fn commit(&mut self) -> Result<(), StoreError> {
        Ok(self.connection.execute_batch("COMMIT")?)
    }

    fn rollback(&mut self) -> Result<(), StoreError> {
        if self.connection.is_autocommit() {
            return Ok(());
        }
        Ok(self.connection.execute_batch("ROLLBACK")?)
    }

    fn schema(&mut self) -> Result<SchemaState, StoreError> {
        let c = &self.connection;
        let tables: Vec<String> = c
            .prepare(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
            )?
            .query_map([], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        let foreign_tables = tables.iter().any(|t| !t.starts_with("zugong_"));
        let application_id: i32 = c.query_row("PRAGMA application_id", [], |r| r.get(0))?;
        if !tables.iter().any(|t| t == "zugong_schema") {
            let foreign =
                foreign_tables || (application_id != 0 && application_id != APPLICATION_ID);
            return Ok(SchemaState {
                version: None,
                foreign_tables: foreign,
            });
        }
        let row: Option<(String, i64)> = c
            .query_row("SELECT application, version FROM zugong_schema", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .optional()?;
        match row {
            Some((app, version)) if app == APPLICATION => Ok(SchemaState {
                version: Some(u32::try_from(version).unwrap_or(u32::MAX)),
                foreign_tables,
            }),
            _ => Ok(SchemaState {
                version: None,
                foreign_tables: true,
            }),
        }
    }

    fn run(&mut self, statement: &str) -> Result<(), StoreError> {
        Ok(self.connection.execute_batch(statement)?)
    }

    fn set_schema(&mut self, version: u32) -> Result<(), StoreError> {
        let c = &self.connection;
        c.execute_batch(
            "CREATE TABLE IF NOT EXISTS zugong_schema (application TEXT NOT NULL, version INTEGER NOT NULL)",
        )?;
        c.execute("DELETE FROM zugong_schema", [])?;
        c.execute(
            "INSERT INTO zugong_schema (application, version) VALUES (?1, ?2)",
            params![APPLICATION, version],
        )?;
        c.pragma_update(None, "application_id", APPLICATION_ID)?;
        Ok(())
    }

    fn journal(&mut self, name: &str) -> Result<Option<JournalInfo>, StoreError> {
        let row: Option<(String, String, i64, String)> = self
            .connection
            .prepare_cached("SELECT name, kind, length, head FROM zugong_journals WHERE name = ?1")?
            .query_row(params![name], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })
            .optional()?;
        row.map(journal_info).transpose()
    }

    fn journals(&mut self) -> Result<Vec<JournalInfo>, StoreError> {
        let rows: Vec<(String, String, i64, String)> = self
            .connection
            .prepare_cached("SELECT name, kind, length, head FROM zugong_journals ORDER BY name")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
            .collect::<Result<_, _>>()?;
        rows.into_iter().map(journal_info).collect()
    }

    fn put_journal(&mut self, info: &JournalInfo) -> Result<(), StoreError> {
        self.connection
            .prepare_cached(
                "INSERT INTO zugong_journals (name, kind, length, head) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (name) DO UPDATE SET kind = excluded.kind, length = excluded.length, head = excluded.head",
            )?
            .execute(params![
                info.name.as_str(),
                info.kind,
                signed(info.length)?,
                info.head.to_string()
            ])?;
        Ok(())
    }

    fn stream_version(&mut self, journal: &str, stream: &str) -> Result<u64, StoreError> {
        let v: Option<i64> = self
            .connection
            .prepare_cached(
                "SELECT max(sequence) FROM zugong_entries WHERE journal = ?1 AND stream = ?2",
            )?
            .query_row(params![journal, stream], |r| r.get(0))?;
        unsigned(v.unwrap_or(0))
    }

    fn last_store_position(&mut self) -> Result<u64, StoreError> {
        let v: Option<i64> = self.connection.query_row(
            "SELECT max(store_position) FROM zugong_entries",
            [],
            |r| r.get(0),
        )?;
        unsigned(v.unwrap_or(0))
    }

    fn entries(
        &mut self,
        query: EntryQuery<'_>,
        visit: Visit<'_, StoredEntry>,
    ) -> Result<(), StoreError> {
        let (sql, args): (String, Vec<rusqlite::types::Value>) = match query {
            EntryQuery::Journal { name, after } => (
                format!(
                    "SELECT {ENTRY_COLUMNS} FROM zugong_entries WHERE journal = ?1 AND position > ?2 ORDER BY position"
                ),
                vec![name.to_owned().into(), signed(after)?.into()],
            ),
            EntryQuery::Stream { name, stream } => (
                format!(
                    "SELECT {ENTRY_COLUMNS} FROM zugong_entries WHERE journal = ?1 AND stream = ?2 ORDER BY sequence"
                ),
                vec![name.to_owned().into(), stream.to_owned().into()],
            ),
            EntryQuery::Global { after } => (
                format!(
                    "SELECT {ENTRY_COLUMNS} FROM zugong_entries WHERE store_position > ?1 ORDER BY store_position"
                ),
                vec![signed(after)?.into()],
            ),
        };
        let mut statement = self.connection.prepare_cached(&sql)?;
        let mut rows = statement.query(rusqlite::params_from_iter(args))?;
        while let Some(row) = rows.next()? {
            visit(stored_entry(entry_from_row(row)?)?)?;
        }
        Ok(())
    }

    fn insert_entries(&mut self, entries: &[StoredEntry]) -> Result<(), StoreError> {
        let mut statement = self.connection.prepare_cached(
            "INSERT INTO zugong_entries (store_position, journal, position, stream, sequence, digest, body)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?;
        for e in entries {
            statement.execute(params![
                signed(e.global)?,
                e.journal.as_str(),
                signed(e.position)?,
                e.stream,
                signed(e.sequence)?,
                e.digest.to_string(),
                e.text
            ])?;
        }
        Ok(())
    }

    fn manifest(&mut self) -> Result<Option<String>, StoreError> {
        Ok(self
            .connection
            .query_row(
                "SELECT body FROM zugong_manifest WHERE only_row = 1",
                [],
                |r| r.get(0),
            )
            .optional()?)
    }

    fn put_manifest(&mut self, text: &str) -> Result<(), StoreError> {
        self.connection.execute(
            "INSERT INTO zugong_manifest (only_row, body) VALUES (1, ?1)
             ON CONFLICT (only_row) DO UPDATE SET body = excluded.body",
            params![text],
        )?;
        Ok(())
    }

    fn tables(&mut self) -> Result<Vec<TableInfo>, StoreError> {
        let rows: Vec<(String, i64)> = self
            .connection
            .prepare_cached("SELECT name, row_count FROM zugong_tables ORDER BY name")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<_, _>>()?;
        rows.into_iter()
            .map(|(name, rows)| {
                Ok(TableInfo {
                    name,
                    rows: unsigned(rows)?,
                })
            })
            .collect()
    }

    fn clear_tables(&mut self) -> Result<(), StoreError> {
        Ok(self
            .connection
            .execute_batch("DELETE FROM zugong_rows; DELETE FROM zugong_tables;")?)
    }

    fn put_table(
        &mut self,
        name: &str,
        rows: &mut dyn Iterator<Item = Result<String, StoreError>>,
    ) -> Result<u64, StoreError> {
        self.connection.execute(
            "INSERT INTO zugong_tables (name, row_count) VALUES (?1, 0)",
            params![name],
        )?;
        let mut count = 0u64;
        {
            let mut statement = self
                .connection
                .prepare_cached("INSERT INTO zugong_rows (tbl, line, body) VALUES (?1, ?2, ?3)")?;
            for row in rows {
                count += 1;
                statement.execute(params![name, signed(count)?, row?])?;
            }
        }
        self.connection.execute(
            "UPDATE zugong_tables SET row_count = ?2 WHERE name = ?1",
            params![name, signed(count)?],
        )?;
        Ok(count)
    }

    fn record_import(&mut self, import: &ImportRecord) -> Result<u64, StoreError> {
        let last: Option<i64> =
            self.connection
                .query_row("SELECT max(number) FROM zugong_imports", [], |r| r.get(0))?;
        let number = unsigned(last.unwrap_or(0))?.saturating_add(1);
        self.connection.execute(
            "INSERT INTO zugong_imports (number, at, source, tables, row_count, entries) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                signed(number)?,
                import.at.to_rfc3339_opts(chrono::SecondsFormat::Micros, true),
                import.source,
                signed(import.tables)?,
                signed(import.rows)?,
                signed(import.entries)?
            ],
        )?;
        Ok(number)
    }

    fn imports(&mut self) -> Result<Vec<ImportRecord>, StoreError> {
        let rows: Vec<(i64, String, String, i64, i64, i64)> = self
            .connection
            .prepare("SELECT number, at, source, tables, row_count, entries FROM zugong_imports ORDER BY number")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?)))?
            .collect::<Result<_, _>>()?;
        rows.into_iter()
            .map(|(number, at, source, tables, rows, entries)| {
                import_record(number, &at, source, tables, rows, entries)
            })
            .collect()
    }

    fn rows(&mut self, name: &str, visit: VisitRow<'_>) -> Result<(), StoreError> {
        let mut statement = self
            .connection
            .prepare_cached("SELECT line, body FROM zugong_rows WHERE tbl = ?1 ORDER BY line")?;
        let mut rows = statement.query(params![name])?;
        while let Some(row) = rows.next()? {
            let line: i64 = row.get(0)?;
            let body = row
                .get_ref(1)?
                .as_str()
                .map_err(|e| StoreError::Encoding(e.to_string()))?;
            visit(unsigned(line)?, body)?;
        }
        Ok(())
    }
}

fn journal_info(
    (name, kind, length, head): (String, String, i64, String),
) -> Result<JournalInfo, StoreError> {
    Ok(JournalInfo {
        name: JournalName::new(name)?,
        kind,
        length: unsigned(length)?,
        head: digest(&head)?,
    })
}
