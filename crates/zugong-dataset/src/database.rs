//! A department's records in a store (`--db`): creating one, importing a dataset into it in
//! one transaction, exporting it back to the folder form byte for byte, and appending the
//! journals the scenarios build.
//!
//! A store is named by a file path (SQLite) or a `postgres://` URL. Everything written to it
//! is one transaction: a process killed during an import or a scenario leaves the store as
//! it was before or after, never between.

use std::collections::BTreeMap;
use std::io::Write as _;
use std::path::Path;

use zugong_branch::RatingRound;
use zugong_cadre::Selection;
use zugong_core::journal::{Digest, Entry, Journal};
use zugong_member::Development;
use zugong_store::{ImportRecord, JournalName, Location, Store, StoreError, Transaction};
use zugong_training::TrainingClass;

use crate::error::DatasetError;
use crate::journals::{JournalKind, Kind, Rules, write_heads};
use crate::text::text;
use crate::{Dataset, JournalFile, World, each_table, manifest_text, validate, write_atomically};

/// The store named by `db` (a file path or a `postgres://` URL).
///
/// # Errors
/// [`DatasetError::Store`] for a location that is neither.
pub fn location(db: &str) -> Result<Location, DatasetError> {
    Ok(db.parse()?)
}

/// Creates a new store.
///
/// # Errors
/// [`DatasetError::Store`]: a store already there, another program's database, the engine.
pub fn create(db: &str) -> Result<Store, DatasetError> {
    Ok(Store::create(&location(db)?)?)
}

/// Opens an existing store.
///
/// # Errors
/// [`DatasetError::Store`]: no store there, a damaged file, a newer schema, a server that cannot
/// be reached.
pub fn open(db: &str) -> Result<Store, DatasetError> {
    Ok(Store::open(&location(db)?)?)
}

/// What an import wrote.
#[derive(Debug, Default)]
pub struct Imported {
    /// Tables written.
    pub tables: usize,
    /// Rows written.
    pub rows: u64,
    /// Journal entries appended (entries the store already held are not counted).
    pub entries: u64,
}

/// Imports a dataset as read (`data`) into `store` in one transaction: the manifest and every
/// table replace what the store held (with `force`; without it a store that holds a dataset
/// is refused); the dataset is then checked inside the same transaction — so the records are
/// never held twice — and a dataset with faults is rolled back whole; each journal is
/// appended where it continues the store's journal of that name. History is never rewritten:
/// a journal that differs from the one stored is refused.
///
/// # Errors
/// [`DatasetError::BadArgument`] for a store that holds a dataset without `force`, or a journal
/// that is not a continuation; [`DatasetError::Store`] when a journal does not verify or the
/// database fails (nothing is written).
pub fn import(
    store: &mut Store,
    source: &Path,
    data: Dataset,
    force: bool,
) -> Result<Imported, DatasetError> {
    if store.manifest()?.is_some() && !force {
        return Err(DatasetError::BadArgument(text!(
            "{} 已有数据集：加 --force 以新导入的各表替换之（日志保留并续写，从不改写）",
            "{} already holds a dataset: --force replaces its tables with the new import (its journals are kept and extended, never rewritten)",
            store.location()
        )));
    }
    store.write(move |tx| -> Result<Imported, DatasetError> {
        let mut imported = Imported::default();
        tx.clear_tables()?;
        tx.put_manifest(&manifest_text(&data))?;
        each_table(&data, &mut |name, lines| -> Result<(), DatasetError> {
            imported.rows += tx.put_table(name, lines)?;
            imported.tables += 1;
            Ok(())
        })?;
        let heads = data.journal_heads.clone();
        let mut faults = Vec::new();
        let world = validate(data, &mut faults);
        if !faults.is_empty() {
            return Err(DatasetError::InvalidDataset(faults));
        }
        let rules = world.rules();
        for file in &world.journals {
            let base = file.file.rsplit('/').next().unwrap_or(&file.file);
            let head = heads.get(base).copied();
            let stem = base.strip_suffix(".jsonl").unwrap_or(base);
            let name = JournalName::new(stem)?;
            imported.entries += match JournalKind::of(base) {
                Some(JournalKind::Selection) => {
                    continue_journal::<Selection>(tx, &name, file, head, &rules)?
                }
                Some(JournalKind::Rating) => {
                    continue_journal::<RatingRound>(tx, &name, file, head, &rules)?
                }
                Some(JournalKind::Training) => {
                    continue_journal::<TrainingClass>(tx, &name, file, head, &rules)?
                }
                Some(JournalKind::Development) => {
                    continue_journal::<Development>(tx, &name, file, head, &rules)?
                }
                None => {
                    return Err(DatasetError::BadArgument(text!(
                        "{} 不是本程序认识的日志",
                        "{} is not a journal this build knows",
                        file.file
                    )));
                }
            };
        }
        let now = chrono::DateTime::<chrono::Utc>::from(std::time::SystemTime::now());
        let tables = u64::try_from(imported.tables).unwrap_or(u64::MAX);
        tx.record_import(&ImportRecord::new(
            now,
            source.display().to_string(),
            tables,
            imported.rows,
            imported.entries,
        ))?;
        Ok(imported)
    })
}

/// Appends the entries of `file` that the store's journal `name` does not hold yet; returns
/// how many.
fn continue_journal<L: Kind>(
    tx: &mut Transaction<'_>,
    name: &JournalName,
    file: &JournalFile,
    head: Option<Digest>,
    rules: &Rules<'_>,
) -> Result<u64, DatasetError>
where
    Journal<L>: Send,
{
    let Some(contexts) = L::contexts(rules) else {
        return Err(DatasetError::BadArgument(text!(
            "数据集未定评星标准，{} 无法核验",
            "the dataset names no rubric: {} cannot be verified",
            file.file
        )));
    };
    let mut entries = Vec::with_capacity(file.lines.len());
    for line in &file.lines {
        let entry: Entry<L> = serde_json::from_str(&line.text).map_err(|e| {
            DatasetError::BadArgument(text!(
                "{}:{}: {}",
                "{}:{}: {}",
                file.file,
                line.number,
                crate::explain::serde(&e.to_string())
            ))
        })?;
        entries.push(entry);
    }
    let stored = tx
        .journals()?
        .into_iter()
        .find(|i| &i.name == name)
        .map_or((0, Digest::GENESIS), |i| (i.length, i.head));
    let held = usize::try_from(stored.0).unwrap_or(usize::MAX);
    if held > 0 {
        let continues = held <= entries.len()
            && entries
                .get(held - 1)
                .is_some_and(|e| e.digest() == stored.1);
        if !continues {
            return Err(DatasetError::BadArgument(text!(
                "{} 与数据库中同名日志不一致：日志只能续写，不能改写",
                "{} differs from the store's journal of that name: a journal is extended, never rewritten",
                file.file
            )));
        }
    }
    let rest: Vec<Entry<L>> = entries.split_off(held.min(entries.len()));
    let count = u64::try_from(rest.len()).unwrap_or(u64::MAX);
    if count > 0 {
        tx.append::<L>(name, rest, head, contexts)?;
    }
    Ok(count)
}

/// Appends a journal a scenario built to `store` as the new journal `name`, in one
/// transaction; a journal of that name already there is refused (history is extended by a
/// new journal, never rewritten).
///
/// # Errors
/// [`DatasetError::Exists`]-like refusal for a name already used; [`DatasetError::Store`].
pub fn append_journal<L: Kind>(
    store: &mut Store,
    name: &str,
    journal: &Journal<L>,
    world: &World,
) -> Result<(), DatasetError>
where
    Journal<L>: Send,
{
    let name = JournalName::new(name)?;
    let rules = world.rules();
    let Some(contexts) = L::contexts(&rules) else {
        return Err(DatasetError::BadArgument(text!(
            "数据集未定评星标准，无法记录星级评定日志",
            "the dataset names no rubric: a rating journal cannot be recorded"
        )));
    };
    store.write(|tx| -> Result<(), DatasetError> {
        if tx.journals()?.iter().any(|i| i.name == name) {
            return Err(DatasetError::BadArgument(text!(
                "数据库中已有日志 {name}：日志只能续写，不能重写；换一个日期或职位再运行",
                "the store already holds journal {name}: history is extended, never rewritten; run it for another day or post"
            )));
        }
        tx.append::<L>(
            &name,
            journal.entries().to_vec(),
            Some(journal.head()),
            contexts,
        )?;
        Ok(())
    })
}

/// Writes the dataset a store holds into `out` in the folder form — the tables, the
/// journals and their heads, then the manifest — byte for byte what was imported where
/// nothing changed.
///
/// # Errors
/// [`DatasetError::Store`], [`DatasetError::Io`].
pub fn export(store: &mut Store, out: &Path) -> Result<(), DatasetError> {
    let Some(manifest) = store.manifest()? else {
        return Err(DatasetError::BadArgument(text!(
            "{} 中还没有数据集：先用 zugong import 导入",
            "{} holds no dataset yet: import one with zugong import",
            store.location()
        )));
    };
    for table in store.tables()? {
        let path = out.join(format!("{}.jsonl", table.name));
        let mut failure: Option<StoreError> = None;
        write_atomically(&path, |w| {
            let read = store.rows(&table.name, |_, text| {
                w.write_all(text.as_bytes())
                    .and_then(|()| w.write_all(b"\n"))
                    .map_err(|e| StoreError::Database(e.to_string()))
            });
            read.map_err(|e| {
                let text = e.to_string();
                failure = Some(e);
                std::io::Error::other(text)
            })
        })
        .map_err(|e| match failure.take() {
            Some(s) => DatasetError::Store(s),
            None => DatasetError::io(&path)(e),
        })?;
    }
    let journals = store.journals()?;
    if !journals.is_empty() {
        let folder = out.join("journals");
        std::fs::create_dir_all(&folder).map_err(DatasetError::io(&folder))?;
        let mut heads = BTreeMap::new();
        for info in journals {
            let file = format!("{}.jsonl", info.name);
            let entries = store.entries(&info.name)?;
            let path = folder.join(&file);
            write_atomically(&path, |w| {
                for e in &entries {
                    w.write_all(e.text.as_bytes())?;
                    w.write_all(b"\n")?;
                }
                Ok(())
            })
            .map_err(DatasetError::io(&path))?;
            heads.insert(file, info.head);
        }
        write_heads(out, &heads).map_err(DatasetError::io(&folder))?;
    }
    let path = out.join("dataset.json");
    write_atomically(&path, |w| w.write_all(manifest.as_bytes())).map_err(DatasetError::io(&path))
}
