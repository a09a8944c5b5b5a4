//! Writing datasets and journals without ever leaving a half-written file: each file is
//! written beside its destination and renamed over it when complete.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use super::record::Record;
use super::{Dataset, Row};

/// The temporary path a file is written to before it is renamed into place.
fn temporary(path: &Path) -> PathBuf {
    let mut name = path
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(format!(".partial-{}", std::process::id()));
    path.with_file_name(name)
}

/// Writes `path` through `fill`, renaming a complete temporary file into place.
///
/// # Errors
/// Any I/O error; the destination is then untouched.
pub fn write_atomically(
    path: &Path,
    fill: impl FnOnce(&mut BufWriter<File>) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let tmp = temporary(path);
    let result = (|| {
        let mut w = BufWriter::with_capacity(1 << 20, File::create(&tmp)?);
        fill(&mut w)?;
        w.flush()?;
        w.into_inner().map_err(|e| e.into_error())?.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// A JSON Lines table being written record by record (for tables too large to hold).
pub struct TableWriter {
    path: PathBuf,
    tmp: PathBuf,
    out: BufWriter<File>,
    /// Records written.
    pub count: u64,
}

impl TableWriter {
    /// Starts `TABLE.jsonl` in `dir`.
    ///
    /// # Errors
    /// The file cannot be created.
    pub fn create<R: Record>(dir: &Path) -> std::io::Result<Self> {
        let path = dir.join(format!("{}.jsonl", R::TABLE));
        let tmp = temporary(&path);
        Ok(Self {
            out: BufWriter::with_capacity(1 << 20, File::create(&tmp)?),
            path,
            tmp,
            count: 0,
        })
    }

    /// Appends one record.
    ///
    /// # Errors
    /// I/O errors.
    pub fn push<R: Record>(&mut self, record: &R) -> std::io::Result<()> {
        serde_json::to_writer(&mut self.out, record)?;
        self.out.write_all(b"\n")?;
        self.count += 1;
        Ok(())
    }

    /// Completes the file and renames it into place.
    ///
    /// # Errors
    /// I/O errors; the partial file is removed.
    pub fn finish(mut self) -> std::io::Result<u64> {
        let r = self
            .out
            .flush()
            .and_then(|()| std::fs::rename(&self.tmp, &self.path));
        if r.is_err() {
            let _ = std::fs::remove_file(&self.tmp);
        }
        r.map(|()| self.count)
    }
}

fn write_rows<R: Record>(dir: &Path, rows: &[Row<R>]) -> std::io::Result<()> {
    if rows.is_empty() {
        return Ok(());
    }
    let mut w = TableWriter::create::<R>(dir)?;
    for r in rows {
        w.push(&r.record)?;
    }
    w.finish().map(|_| ())
}

/// The JSON Lines text of a table's records, one line each (as [`write_dataset`] writes them).
fn lines_of<R: Record>(rows: &[Row<R>]) -> impl Iterator<Item = String> + '_ {
    rows.iter()
        .filter_map(|r| serde_json::to_string(&r.record).ok())
}

/// A table's lines, one record's JSON each.
pub(crate) type Lines<'a> = &'a mut dyn Iterator<Item = String>;

/// Calls `$m!` with every table field of a [`Dataset`], in the order a dataset is written:
/// the one list of tables that writing, the store and CSV output share.
macro_rules! with_tables {
    ($m:ident) => {
        $m!(
            institutions,
            units,
            members,
            cadres,
            posts,
            classes,
            talents,
            attendance,
            branches,
            scores,
            meetings,
            tasks,
            summoned_meetings,
            terms,
            elections,
            economy,
            two_new,
            applicants,
            plans,
            transfers,
            dues,
            outflows,
            quotas,
            relations,
            sanctions,
            management
        )
    };
}

/// Gives every non-empty table of `data` to `put` — its name and its lines — in the order
/// [`write_dataset`] writes them (what a store holds of a dataset).
///
/// # Errors
/// `put`'s first error.
pub fn each_table<E>(
    data: &Dataset,
    put: &mut dyn FnMut(&'static str, Lines<'_>) -> Result<(), E>,
) -> Result<(), E> {
    macro_rules! put_each {
        ($($field:ident),*) => {$(
            if !data.$field.is_empty() {
                put(table_of(&data.$field), &mut lines_of(&data.$field))?;
            }
        )*};
    }
    with_tables!(put_each);
    Ok(())
}

fn table_of<R: Record>(_: &[Row<R>]) -> &'static str {
    R::TABLE
}

/// The manifest's text as a dataset folder holds it.
pub fn manifest_text(data: &Dataset) -> String {
    serde_json::to_string_pretty(&data.manifest).map_or_else(|_| String::new(), |t| t + "\n")
}

/// Writes a whole dataset into `dir`, which must exist: the tables, the journals, then the
/// manifest.
///
/// # Errors
/// I/O errors.
pub fn write_dataset(dir: &Path, data: &Dataset) -> std::io::Result<()> {
    macro_rules! write_each {
        ($($field:ident),*) => {$(
            write_rows(dir, &data.$field)?;
        )*};
    }
    with_tables!(write_each);
    write_journals_and_manifest(dir, data)
}

/// Writes a whole dataset into `dir` in the CSV form a department edits: one `TABLE.csv` per
/// table with the Chinese headers (`zugong import` reads it back as the same dataset), the
/// journals as they are, then the manifest.
///
/// # Errors
/// I/O errors.
pub fn write_csv_dataset(dir: &Path, data: &Dataset) -> std::io::Result<()> {
    macro_rules! write_each {
        ($($field:ident),*) => {$(
            write_csv_rows(dir, &data.$field)?;
        )*};
    }
    with_tables!(write_each);
    write_journals_and_manifest(dir, data)
}

/// One table as CSV: the first Chinese header of each column (the field name where it has
/// none), then one row per record, each cell as [`crate::cell::Field::to_cell`] writes it.
fn write_csv_rows<R: Record>(dir: &Path, rows: &[Row<R>]) -> std::io::Result<()> {
    if rows.is_empty() {
        return Ok(());
    }
    write_atomically(&dir.join(format!("{}.csv", R::TABLE)), |w| {
        let mut csv = csv::Writer::from_writer(w);
        let headers: Vec<&str> = R::COLUMNS
            .iter()
            .map(|c| c.headers.first().copied().unwrap_or(c.field))
            .collect();
        csv.write_record(&headers).map_err(std::io::Error::other)?;
        for r in rows {
            csv.write_record(r.record.to_cells())
                .map_err(std::io::Error::other)?;
        }
        csv.flush()
    })
}

/// The journals, their heads and the manifest, last.
fn write_journals_and_manifest(dir: &Path, data: &Dataset) -> std::io::Result<()> {
    if !data.journals.is_empty() {
        std::fs::create_dir_all(dir.join("journals"))?;
        for j in &data.journals {
            write_atomically(&dir.join(&j.file), |w| {
                for l in &j.lines {
                    w.write_all(l.text.as_bytes())?;
                    w.write_all(b"\n")?;
                }
                Ok(())
            })?;
        }
        crate::journals::write_heads(dir, &data.journal_heads)?;
    }
    // The manifest last: a write cut short leaves tables without a manifest, which no command
    // reads as a dataset, never a dataset that is half old and half new.
    let manifest = manifest_text(data);
    write_atomically(&dir.join("dataset.json"), |w| {
        w.write_all(manifest.as_bytes())
    })
}
