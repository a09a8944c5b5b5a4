//! A department's server: PostgreSQL, the same schema and the same behaviour as the embedded
//! store. Writers take a transaction-scoped advisory lock (one per schema), so that what a
//! write transaction read stays true until it commits; readers see one snapshot
//! (`REPEATABLE READ`). Tables go in with `COPY`.

use std::io::Write as _;

use std::collections::HashMap;

use postgres::{Client, NoTls, Statement};

use crate::StoreError;
use crate::backend::{Backend, SchemaState, Visit, VisitRow};
use crate::location::mask_password;
use crate::record::{
    EntryQuery, ImportRecord, JournalInfo, JournalName, StoredEntry, TableInfo, digest,
    import_record, signed, unsigned,
};
use crate::schema::APPLICATION;

/// A connection to a PostgreSQL store.
pub(crate) struct Postgres {
    client: Client,
    shown: String,
    /// Statements prepared once per connection (each saves a round trip at every use).
    prepared: HashMap<&'static str, Statement>,
}

impl Postgres {
    /// Connects to the server.
    pub(crate) fn connect(url: &str) -> Result<Self, StoreError> {
        let shown = mask_password(url);
        let client = Client::connect(url, NoTls).map_err(|e| {
            StoreError::Database(format!(
                "cannot connect to {shown}: {}",
                StoreError::from(e)
            ))
        })?;
        Ok(Self {
            client,
            shown,
            prepared: HashMap::new(),
        })
    }

    /// The prepared statement for `sql`.
    fn prepared(&mut self, sql: &'static str) -> Result<Statement, StoreError> {
        if let Some(s) = self.prepared.get(sql) {
            return Ok(s.clone());
        }
        let statement = self.client.prepare(sql)?;
        self.prepared.insert(sql, statement.clone());
        Ok(statement)
    }
}

fn entry(row: &postgres::Row) -> Result<StoredEntry, StoreError> {
    Ok(StoredEntry {
        global: unsigned(row.try_get(0)?)?,
        journal: JournalName::new(row.try_get::<_, String>(1)?)?,
        position: unsigned(row.try_get(2)?)?,
        stream: row.try_get(3)?,
        sequence: unsigned(row.try_get(4)?)?,
        digest: digest(row.try_get(5)?)?,
        text: row.try_get(6)?,
    })
}

fn journal_info(row: &postgres::Row) -> Result<JournalInfo, StoreError> {
    Ok(JournalInfo {
        name: JournalName::new(row.try_get::<_, String>(0)?)?,
        kind: row.try_get(1)?,
        length: unsigned(row.try_get(2)?)?,
        head: digest(row.try_get(3)?)?,
    })
}

/// A value in `COPY … FROM STDIN` text format.
fn copy_text(out: &mut Vec<u8>, text: &str) {
    for b in text.bytes() {
        match b {
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            b'\t' => out.extend_from_slice(b"\\t"),
            other => out.push(other),
        }
    }
}

impl Backend for Postgres {
    fn describe(&self) -> String {
        self.shown.clone()
    }

    fn begin_write(&mut self) -> Result<(), StoreError> {
        self.client.batch_execute(
            "BEGIN ISOLATION LEVEL READ COMMITTED; SELECT pg_advisory_xact_lock(hashtext(current_schema()))",
        )?;
        Ok(())
    }

    fn begin_read(&mut self) -> Result<(), StoreError> {
        Ok(self
            .client
            .batch_execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")?)
    }

    fn commit(&mut self) -> Result<(), StoreError> {
        Ok(self.client.batch_execute("COMMIT")?)
    }

    fn rollback(&mut self) -> Result<(), StoreError> {
        if self.client.is_closed() {
            // The server rolls back what a lost connection left open.
            return Ok(());
        }
        Ok(self.client.batch_execute("ROLLBACK")?)
    }

    fn schema(&mut self) -> Result<SchemaState, StoreError> {
        let tables: Vec<String> = self
            .client
            .query(
                "SELECT table_name::text FROM information_schema.tables WHERE table_schema = current_schema()",
                &[],
            )?
            .iter()
            .map(|r| r.try_get(0))
            .collect::<Result<_, _>>()?;
        let foreign_tables = tables.iter().any(|t| !t.starts_with("zugong_"));
        if !tables.iter().any(|t| t == "zugong_schema") {
            return Ok(SchemaState {
                version: None,
                foreign_tables,
            });
        }
        let row = self
            .client
            .query_opt("SELECT application, version FROM zugong_schema", &[])?;
        match row {
            Some(r) if r.try_get::<_, String>(0)? == APPLICATION => Ok(SchemaState {
                version: Some(u32::try_from(r.try_get::<_, i32>(1)?).unwrap_or(u32::MAX)),
                foreign_tables,
            }),
            _ => Ok(SchemaState {
                version: None,
                foreign_tables: true,
            }),
        }
    }

    fn run(&mut self, statement: &str) -> Result<(), StoreError> {
        Ok(self.client.batch_execute(statement)?)
    }

    fn set_schema(&mut self, version: u32) -> Result<(), StoreError> {
        self.client.batch_execute(
            "CREATE TABLE IF NOT EXISTS zugong_schema (application TEXT NOT NULL, version INTEGER NOT NULL);
             DELETE FROM zugong_schema",
        )?;
        let version =
            i32::try_from(version).map_err(|_| StoreError::OutOfRange(version.to_string()))?;
        self.client.execute(
            "INSERT INTO zugong_schema (application, version) VALUES ($1, $2)",
            &[&APPLICATION, &version],
        )?;
        Ok(())
    }

    fn journal(&mut self, name: &str) -> Result<Option<JournalInfo>, StoreError> {
        let statement =
            self.prepared("SELECT name, kind, length, head FROM zugong_journals WHERE name = $1")?;
        self.client
            .query_opt(&statement, &[&name])?
            .as_ref()
            .map(journal_info)
            .transpose()
    }

    fn journals(&mut self) -> Result<Vec<JournalInfo>, StoreError> {
        self.client
            .query(
                "SELECT name, kind, length, head FROM zugong_journals ORDER BY name COLLATE \"C\"",
                &[],
            )?
            .iter()
            .map(journal_info)
            .collect()
    }

    fn put_journal(&mut self, info: &JournalInfo) -> Result<(), StoreError> {
        let statement = self.prepared(
            "INSERT INTO zugong_journals (name, kind, length, head) VALUES ($1, $2, $3, $4)
             ON CONFLICT (name) DO UPDATE SET kind = excluded.kind, length = excluded.length, head = excluded.head",
        )?;
        self.client.execute(
            &statement,
            &[
                &info.name.as_str(),
                &info.kind,
                &signed(info.length)?,
                &info.head.to_string(),
            ],
        )?;
        Ok(())
    }

    fn stream_version(&mut self, journal: &str, stream: &str) -> Result<u64, StoreError> {
        let statement = self.prepared(
            "SELECT max(sequence) FROM zugong_entries WHERE journal = $1 AND stream = $2",
        )?;
        let row = self.client.query_one(&statement, &[&journal, &stream])?;
        unsigned(row.try_get::<_, Option<i64>>(0)?.unwrap_or(0))
    }

    fn last_store_position(&mut self) -> Result<u64, StoreError> {
        let statement = self.prepared("SELECT max(store_position) FROM zugong_entries")?;
        let row = self.client.query_one(&statement, &[])?;
        unsigned(row.try_get::<_, Option<i64>>(0)?.unwrap_or(0))
    }

    fn entries(
        &mut self,
        query: EntryQuery<'_>,
        visit: Visit<'_, StoredEntry>,
    ) -> Result<(), StoreError> {
        let rows = match query {
            EntryQuery::Journal { name, after } => {
                let statement = self.prepared(concat!(
                    "SELECT store_position, journal, position, stream, sequence, digest, body",
                    " FROM zugong_entries WHERE journal = $1 AND position > $2 ORDER BY position"
                ))?;
                self.client.query(&statement, &[&name, &signed(after)?])?
            }
            EntryQuery::Stream { name, stream } => {
                let statement = self.prepared(concat!(
                    "SELECT store_position, journal, position, stream, sequence, digest, body",
                    " FROM zugong_entries WHERE journal = $1 AND stream = $2 ORDER BY sequence"
                ))?;
                self.client.query(&statement, &[&name, &stream])?
            }
            EntryQuery::Global { after } => {
                let statement = self.prepared(concat!(
                    "SELECT store_position, journal, position, stream, sequence, digest, body",
                    " FROM zugong_entries WHERE store_position > $1 ORDER BY store_position"
                ))?;
                self.client.query(&statement, &[&signed(after)?])?
            }
        };
        for row in &rows {
            visit(entry(row)?)?;
        }
        Ok(())
    }

    fn insert_entries(&mut self, entries: &[StoredEntry]) -> Result<(), StoreError> {
        let statement = self.prepared(
            "INSERT INTO zugong_entries (store_position, journal, position, stream, sequence, digest, body)
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )?;
        for e in entries {
            self.client.execute(
                &statement,
                &[
                    &signed(e.global)?,
                    &e.journal.as_str(),
                    &signed(e.position)?,
                    &e.stream,
                    &signed(e.sequence)?,
                    &e.digest.to_string(),
                    &e.text,
                ],
            )?;
        }
        Ok(())
    }

    fn manifest(&mut self) -> Result<Option<String>, StoreError> {
        Ok(self
            .client
            .query_opt("SELECT body FROM zugong_manifest WHERE only_row = 1", &[])?
            .map(|r| r.try_get(0))
            .transpose()?)
    }

    fn put_manifest(&mut self, text: &str) -> Result<(), StoreError> {
        self.client.execute(
            "INSERT INTO zugong_manifest (only_row, body) VALUES (1, $1)
             ON CONFLICT (only_row) DO UPDATE SET body = excluded.body",
            &[&text],
        )?;
        Ok(())
    }

    fn tables(&mut self) -> Result<Vec<TableInfo>, StoreError> {
        self.client
            .query(
                "SELECT name, row_count FROM zugong_tables ORDER BY name COLLATE \"C\"",
                &[],
            )?
            .iter()
            .map(|r| {
                Ok(TableInfo {
                    name: r.try_get(0)?,
                    rows: unsigned(r.try_get(1)?)?,
                })
            })
            .collect()
    }

    fn clear_tables(&mut self) -> Result<(), StoreError> {
        Ok(self
            .client
            .batch_execute("DELETE FROM zugong_rows; DELETE FROM zugong_tables")?)
    }

    fn put_table(
        &mut self,
        name: &str,
        rows: &mut dyn Iterator<Item = Result<String, StoreError>>,
    ) -> Result<u64, StoreError> {
        self.client.execute(
            "INSERT INTO zugong_tables (name, row_count) VALUES ($1, 0)",
            &[&name],
        )?;
        let mut count = 0u64;
        let mut buffer = Vec::with_capacity(1 << 20);
        let mut writer = self
            .client
            .copy_in("COPY zugong_rows (tbl, line, body) FROM STDIN")?;
        let io = |e: std::io::Error| StoreError::Database(e.to_string());
        for row in rows {
            let row = row?;
            count += 1;
            copy_text(&mut buffer, name);
            buffer.push(b'\t');
            buffer.extend_from_slice(count.to_string().as_bytes());
            buffer.push(b'\t');
            copy_text(&mut buffer, &row);
            buffer.push(b'\n');
            if buffer.len() >= 1 << 20 {
                writer.write_all(&buffer).map_err(io)?;
                buffer.clear();
            }
        }
        writer.write_all(&buffer).map_err(io)?;
        writer.finish()?;
        self.client.execute(
            "UPDATE zugong_tables SET row_count = $2 WHERE name = $1",
            &[&name, &signed(count)?],
        )?;
        Ok(count)
    }

    fn record_import(&mut self, import: &ImportRecord) -> Result<u64, StoreError> {
        let row = self
            .client
            .query_one("SELECT max(number) FROM zugong_imports", &[])?;
        let number = unsigned(row.try_get::<_, Option<i64>>(0)?.unwrap_or(0))?.saturating_add(1);
        self.client.execute(
            "INSERT INTO zugong_imports (number, at, source, tables, row_count, entries) VALUES ($1, $2, $3, $4, $5, $6)",
            &[
                &signed(number)?,
                &import.at.to_rfc3339_opts(chrono::SecondsFormat::Micros, true),
                &import.source,
                &signed(import.tables)?,
                &signed(import.rows)?,
                &signed(import.entries)?,
            ],
        )?;
        Ok(number)
    }

    fn imports(&mut self) -> Result<Vec<ImportRecord>, StoreError> {
        self.client
            .query(
                "SELECT number, at, source, tables, row_count, entries FROM zugong_imports ORDER BY number",
                &[],
            )?
            .iter()
            .map(|r| {
                import_record(
                    r.try_get(0)?,
                    r.try_get(1)?,
                    r.try_get(2)?,
                    r.try_get(3)?,
                    r.try_get(4)?,
                    r.try_get(5)?,
                )
            })
            .collect()
    }

    fn rows(&mut self, name: &str, visit: VisitRow<'_>) -> Result<(), StoreError> {
        // A cursor read in batches (inside the caller's read transaction), so that a table
        // of millions of rows is never held whole. Table names are checked identifiers.
        if !crate::record::is_table_name(name) {
            return Err(StoreError::BadTableName(name.to_owned()));
        }
        self.client.batch_execute(&format!(
            "DECLARE zugong_rows_cursor NO SCROLL CURSOR FOR SELECT line, body FROM zugong_rows WHERE tbl = '{name}' ORDER BY line"
        ))?;
        loop {
            let batch = self
                .client
                .query("FETCH 10000 FROM zugong_rows_cursor", &[])?;
            if batch.is_empty() {
                break;
            }
            for row in &batch {
                let line: i64 = row.try_get(0)?;
                let body: &str = row.try_get(1)?;
                visit(unsigned(line)?, body)?;
            }
        }
        self.client.batch_execute("CLOSE zugong_rows_cursor")?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn copy_text_escapes_what_copy_reads_specially() {
        let mut out = Vec::new();
        super::copy_text(&mut out, "a\\b\tc\nd\re\"");
        assert_eq!(out, b"a\\\\b\\tc\\nd\\re\"");
    }
}
