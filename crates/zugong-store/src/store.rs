//! The store: journals appended under optimistic concurrency and read back only through
//! `verify`, and a department's dataset tables, on either engine.

use std::any::Any;
use std::collections::HashMap;

use zugong_core::journal::{Act, Digest, Entry, Journal, Lifecycle, StreamId};

use crate::backend::Backend;
use crate::record::{
    EntryQuery, ImportRecord, JournalInfo, JournalName, StoredEntry, TableInfo, is_table_name,
};
use crate::schema::{LATEST, statements};
use crate::{AppendError, ExpectedVersion, Location, StoreError};

/// A verified journal kept between commands, so that a writer reads and re-decides only what
/// other writers appended since.
struct Cached {
    kind: &'static str,
    journal: Box<dyn Any + Send>,
}

/// 数据库: one department's records — every journal of every lifecycle, hash-chained and
/// appended under optimistic concurrency, and the dataset's tables — in an SQLite file
/// ([`Location::Sqlite`], embedded, the default) or on a PostgreSQL server
/// ([`Location::Postgres`], with the `postgres` feature). Both behave the same and pass the
/// same tests.
///
/// A lifecycle state is never read from the database as it is: [`Store::journal`] reads a
/// journal's entries, checks that every row matches its entry and that the entry's text is
/// in its canonical form, and rebuilds the journal with
/// [`Journal::verify`](zugong_core::journal::Journal::verify) against the recorded head —
/// every command re-decided by the rules. Commands are appended by [`Store::execute`] (one
/// command) or inside [`Store::write`] (several, in one transaction), decided against the
/// latest state while the store's writer lock is held.
///
/// ```
/// use zugong_core::journal::{Act, Applying, Lifecycle, Peers, Refusal};
/// use zugong_core::{ActorId, Authority, Citation, OrgUnitId, QuotaBookId, SourceStatus};
/// use zugong_store::{ExpectedVersion, JournalName, Location, Store, StoreError};
/// # #[derive(Debug, Default, Clone)] struct Count(u32);
/// # #[derive(Debug, thiserror::Error)] #[error("full")] struct Full;
/// # impl Refusal for Full { fn citation(&self) -> Citation { Citation::new("某规定", "第一条", SourceStatus::Provisional) } }
/// # impl Lifecycle for Count {
/// #     type Id = QuotaBookId; type Stage = u32; type Command = u32; type Event = u32;
/// #     type Context<'c> = u32; type Error = Full;
/// #     fn stage(&self) -> u32 { self.0 }
/// #     fn opens(_: &u32) -> bool { true }
/// #     fn decide(&self, n: &u32, _: &Act, cap: &u32, _: &Peers<'_, Self>) -> Result<Vec<u32>, Full> {
/// #         if self.0 + n > *cap { Err(Full) } else { Ok(vec![*n]) } }
/// #     fn apply(&mut self, e: &u32, _: &Applying) { self.0 += e; }
/// # }
/// let dir = std::env::temp_dir().join(format!("zugong-doc-{}", std::process::id()));
/// std::fs::create_dir_all(&dir).ok();
/// let path = dir.join("county.db");
/// # let _ = std::fs::remove_file(&path);
/// let mut store = Store::create(&Location::Sqlite(path.clone()))?;
/// let journal = JournalName::new("places")?;
/// let book = QuotaBookId::from_uuid(uuid::Uuid::from_u128(1));
/// let act = Act::new("2026-03-02T01:00:00Z".parse().unwrap(), ActorId::from_uuid(uuid::Uuid::nil()),
///     Authority::organization_department(OrgUnitId::from_uuid(uuid::Uuid::nil())));
///
/// // Two clerks read the stream at the same version; the second append is a conflict.
/// store.execute::<Count>(&journal, book, ExpectedVersion::NoStream, 2, act.clone(), "建账", || 3)
///     .map_err(StoreError::from)?;
/// let second = store.execute::<Count>(&journal, book, ExpectedVersion::NoStream, 1, act, "再建", || 3);
/// assert!(matches!(second.map_err(StoreError::from), Err(StoreError::Conflict { found: 1, .. })));
///
/// // Reopened, the journal is read only through verify.
/// let mut again = Store::open(&Location::Sqlite(path))?;
/// assert_eq!(again.journal::<Count>(&journal, || 3)?.state(book).map(|c| c.0), Some(2));
/// # std::fs::remove_dir_all(&dir).ok();
/// # Ok::<(), StoreError>(())
/// ```
pub struct Store {
    backend: Box<dyn Backend>,
    cache: HashMap<String, Cached>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("location", &self.backend.describe())
            .field("journals_in_memory", &self.cache.len())
            .finish()
    }
}

impl Store {
    /// Creates a new, empty store at `location` (an SQLite file is created; a PostgreSQL
    /// database or schema must exist and be empty).
    ///
    /// # Errors
    /// [`StoreError::Exists`] when a store is already there; [`StoreError::NotAStore`] when
    /// the database holds another program's tables; [`StoreError::Corrupt`] for a file that
    /// is not a database; [`StoreError::Database`] when the engine fails.
    pub fn create(location: &Location) -> Result<Self, StoreError> {
        let mut backend = connect(location, true)?;
        let state = backend.schema()?;
        if state.version.is_some() {
            return Err(StoreError::Exists(backend.describe()));
        }
        if state.foreign_tables {
            return Err(StoreError::NotAStore(backend.describe()));
        }
        let mut store = Self::with(backend);
        store.migrate(0)?;
        Ok(store)
    }

    /// Opens the store at `location`, migrating it forward if an older zugong wrote it.
    ///
    /// # Errors
    /// [`StoreError::Missing`] when there is no store there; [`StoreError::NotAStore`] for
    /// another program's database; [`StoreError::NewerSchema`] for a store written by a newer
    /// zugong; [`StoreError::Corrupt`] for a damaged file; [`StoreError::Database`] for a
    /// server that cannot be reached.
    pub fn open(location: &Location) -> Result<Self, StoreError> {
        let mut backend = connect(location, false)?;
        let state = backend.schema()?;
        let version = match state.version {
            Some(v) => v,
            None if state.foreign_tables => return Err(StoreError::NotAStore(backend.describe())),
            None => return Err(StoreError::Missing(backend.describe())),
        };
        if version > LATEST {
            return Err(StoreError::NewerSchema {
                found: version,
                supported: LATEST,
            });
        }
        let mut store = Self::with(backend);
        if version < LATEST {
            store.migrate(version)?;
        }
        Ok(store)
    }

    fn with(backend: Box<dyn Backend>) -> Self {
        Self {
            backend,
            cache: HashMap::new(),
        }
    }

    /// Applies every migration after `from`, in one transaction.
    fn migrate(&mut self, from: u32) -> Result<(), StoreError> {
        self.backend.begin_write()?;
        let result = (|| {
            for index in from..LATEST {
                for statement in statements(index as usize) {
                    self.backend.run(statement)?;
                }
            }
            self.backend.set_schema(LATEST)
        })();
        finish(self.backend.as_mut(), result)
    }

    /// Forgets every journal verified before, so that the next read verifies each journal
    /// from its first entry. A writer that stays open goes on from the history it verified
    /// and reads only what was appended since; a row changed behind its back is found by
    /// every reader that verifies from the start (a new [`Store`], or this one after
    /// `forget`).
    pub fn forget(&mut self) {
        self.cache.clear();
    }

    /// Where the store is (a password never shown).
    #[must_use]
    pub fn location(&self) -> String {
        self.backend.describe()
    }

    /// The schema version of the store (this build's, once opened).
    ///
    /// # Errors
    /// [`StoreError::Database`].
    pub fn schema_version(&mut self) -> Result<u32, StoreError> {
        Ok(self.backend.schema()?.version.unwrap_or(0))
    }

    /// Runs `work` in one read transaction (one consistent snapshot).
    fn read<T>(
        &mut self,
        work: impl FnOnce(&mut dyn Backend) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        self.backend.begin_read()?;
        let result = work(self.backend.as_mut());
        finish(self.backend.as_mut(), result)
    }

    /// Every journal as recorded (name, kind, length, head), by name.
    ///
    /// # Errors
    /// [`StoreError::Database`].
    pub fn journals(&mut self) -> Result<Vec<JournalInfo>, StoreError> {
        // One statement: consistent without a transaction of its own.
        self.backend.journals()
    }

    /// The stored entries of one stream of a journal, in order (as stored: verify them with
    /// [`Store::journal`] before taking them as fact).
    ///
    /// # Errors
    /// [`StoreError::Database`].
    pub fn read_stream(
        &mut self,
        journal: &JournalName,
        stream: &str,
    ) -> Result<Vec<StoredEntry>, StoreError> {
        self.read(|b| {
            let mut out = Vec::new();
            b.entries(
                EntryQuery::Stream {
                    name: journal.as_str(),
                    stream,
                },
                &mut |e| {
                    out.push(e);
                    Ok(())
                },
            )?;
            Ok(out)
        })
    }

    /// The stored entries of one journal, in order (as stored: verify them with
    /// [`Store::journal`] before taking them as fact, or export them as they are).
    ///
    /// # Errors
    /// [`StoreError::Database`].
    pub fn entries(&mut self, journal: &JournalName) -> Result<Vec<StoredEntry>, StoreError> {
        self.read(|b| {
            let mut out = Vec::new();
            b.entries(
                EntryQuery::Journal {
                    name: journal.as_str(),
                    after: 0,
                },
                &mut |e| {
                    out.push(e);
                    Ok(())
                },
            )?;
            Ok(out)
        })
    }

    /// Every stored entry of every journal after the store-wide position `after` (0: all),
    /// in the order they were committed: what a reader that follows the store (a replica, an
    /// index, an audit) reads.
    ///
    /// # Errors
    /// [`StoreError::Database`].
    pub fn read_from(&mut self, after: u64) -> Result<Vec<StoredEntry>, StoreError> {
        self.read(|b| {
            let mut out = Vec::new();
            b.entries(EntryQuery::Global { after }, &mut |e| {
                out.push(e);
                Ok(())
            })?;
            Ok(out)
        })
    }

    /// Checks the store-wide order: positions 1, 2, 3… without a gap, and each journal's
    /// entries in the order of their positions. Returns the number of entries.
    ///
    /// # Errors
    /// [`StoreError::Tampered`] naming the first entry out of order.
    pub fn check_order(&mut self) -> Result<u64, StoreError> {
        self.read(|b| {
            let mut expected = 1u64;
            let mut last: HashMap<String, u64> = HashMap::new();
            b.entries(EntryQuery::Global { after: 0 }, &mut |e| {
                let before = last.insert(e.journal.as_str().to_owned(), e.position).unwrap_or(0);
                if e.global != expected || e.position != before.saturating_add(1) {
                    return Err(StoreError::Tampered {
                        journal: e.journal.to_string(),
                        position: e.position,
                        what: format!(
                            "store position {} where {expected} was due, after position {before} of its journal",
                            e.global
                        ),
                    });
                }
                expected = expected.saturating_add(1);
                Ok(())
            })?;
            Ok(expected.saturating_sub(1))
        })
    }

    /// The journal `name`, read and verified: every row checked against its entry, every
    /// entry re-decided by the rules in the contexts `contexts` gives (called once per
    /// entry), the head checked against the one recorded. Journals verified before are kept
    /// in memory, and only what was appended since is read and verified.
    ///
    /// A journal that does not exist yet is empty.
    ///
    /// # Errors
    /// [`StoreError::Verify`] with the first entry that fails; [`StoreError::Tampered`] when a
    /// row does not match its entry; [`StoreError::KindMismatch`] when the journal holds
    /// another lifecycle; [`StoreError::Database`].
    pub fn journal<'c, L>(
        &mut self,
        name: &JournalName,
        contexts: impl FnMut() -> L::Context<'c>,
    ) -> Result<&Journal<L>, StoreError>
    where
        L: Lifecycle + 'static,
        Journal<L>: Send,
    {
        self.backend.begin_read()?;
        let mut taken = self.cache.remove(name.as_str());
        let result = catch_up::<L>(self.backend.as_mut(), name, &mut taken, contexts);
        finish(self.backend.as_mut(), result)?;
        keep::<L>(&mut self.cache, name, taken).map(|j| &*j)
    }

    /// The version of a stream (the sequence of its last entry; 0: none yet), as stored: what
    /// a writer reads before it shows a form, and expects at [`Store::execute`].
    ///
    /// # Errors
    /// [`StoreError::Database`].
    pub fn version<I: StreamId>(
        &mut self,
        journal: &JournalName,
        stream: I,
    ) -> Result<u64, StoreError> {
        // One statement: consistent without a transaction of its own.
        self.backend
            .stream_version(journal.as_str(), &stream.to_string())
    }

    /// Decides and appends one command in its own transaction (see [`Transaction::execute`]).
    ///
    /// # Errors
    /// As [`Transaction::execute`]; nothing is written on any error.
    #[allow(clippy::too_many_arguments)] // one command's parts: where, what, expecting what, by whom, why, under which rules
    pub fn execute<'c, L>(
        &mut self,
        journal: &JournalName,
        stream: L::Id,
        expected: ExpectedVersion,
        command: L::Command,
        act: Act,
        reason: &str,
        contexts: impl FnMut() -> L::Context<'c>,
    ) -> Result<Vec<L::Event>, AppendError<L::Error>>
    where
        L: Lifecycle + 'static,
        Journal<L>: Send,
    {
        self.write(|tx| tx.execute::<L>(journal, stream, expected, command, act, reason, contexts))
    }

    /// Runs `work` in one write transaction: everything it appends or writes is committed
    /// together when it returns `Ok`, and nothing when it returns `Err` (or fails, or the
    /// process is killed). Writers queue for the store's writer lock, so `work` sees the
    /// latest state and nothing changes under it.
    ///
    /// # Errors
    /// `work`'s error; [`StoreError::Database`] when the commit fails.
    pub fn write<T, E: From<StoreError>>(
        &mut self,
        work: impl FnOnce(&mut Transaction<'_>) -> Result<T, E>,
    ) -> Result<T, E> {
        self.backend.begin_write()?;
        let mut tx = Transaction {
            store: self,
            touched: HashMap::new(),
            appended: std::collections::HashSet::new(),
            next_global: None,
            poisoned: false,
            open: true,
        };
        let result = work(&mut tx);
        match result {
            Ok(value) if !tx.poisoned => {
                tx.commit()?;
                Ok(value)
            }
            Ok(_) => {
                tx.rollback();
                Err(StoreError::Database(
                    "a write in this transaction failed and was not retried: nothing was committed"
                        .into(),
                )
                .into())
            }
            Err(e) => {
                tx.rollback();
                Err(e)
            }
        }
    }

    /// The dataset's manifest (`dataset.json`) as it was stored, if any.
    ///
    /// # Errors
    /// [`StoreError::Database`].
    pub fn manifest(&mut self) -> Result<Option<String>, StoreError> {
        self.read(|b| b.manifest())
    }

    /// Every import of a dataset into this store, oldest first (the import history).
    ///
    /// # Errors
    /// [`StoreError::Database`].
    pub fn imports(&mut self) -> Result<Vec<ImportRecord>, StoreError> {
        self.read(|b| b.imports())
    }

    /// The dataset's tables with their number of rows, by name.
    ///
    /// # Errors
    /// [`StoreError::Database`].
    pub fn tables(&mut self) -> Result<Vec<TableInfo>, StoreError> {
        self.read(|b| b.tables())
    }

    /// Reads a table's rows in order — `visit(line, text)`, lines from 1 — without holding
    /// the table in memory. An error from `visit` stops the reading and is returned.
    ///
    /// # Errors
    /// [`StoreError::BadTableName`]; `visit`'s error; [`StoreError::Database`].
    pub fn rows(
        &mut self,
        table: &str,
        mut visit: impl FnMut(u64, &str) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        if !is_table_name(table) {
            return Err(StoreError::BadTableName(table.to_owned()));
        }
        self.read(|b| b.rows(table, &mut visit))
    }
}

/// Commits or rolls back the open transaction according to `result`.
fn finish<T>(backend: &mut dyn Backend, result: Result<T, StoreError>) -> Result<T, StoreError> {
    match result {
        Ok(v) => backend.commit().map(|()| v),
        Err(e) => {
            let _ = backend.rollback();
            Err(e)
        }
    }
}

fn connect(location: &Location, create: bool) -> Result<Box<dyn Backend>, StoreError> {
    match location {
        Location::Sqlite(path) => Ok(Box::new(crate::sqlite::Sqlite::open(path, create)?)),
        #[cfg(feature = "postgres")]
        Location::Postgres(url) => Ok(Box::new(crate::postgres::Postgres::connect(url)?)),
    }
}

fn mismatch<L: Lifecycle>(name: &JournalName, stored: &str) -> StoreError {
    StoreError::KindMismatch {
        journal: name.to_string(),
        stored: stored.to_owned(),
        asked: <L::Id as StreamId>::KIND.to_owned(),
    }
}

/// Puts a caught-up journal (`None` only if catching up failed) back in `map` and gives it as
/// the lifecycle `L`.
fn keep<'m, L>(
    map: &'m mut HashMap<String, Cached>,
    name: &JournalName,
    cached: Option<Cached>,
) -> Result<&'m mut Journal<L>, StoreError>
where
    L: Lifecycle + 'static,
    Journal<L>: Send,
{
    let cached = cached.ok_or_else(|| StoreError::Database("journal not loaded".into()))?;
    let entry = map.entry(name.as_str().to_owned()).or_insert(cached);
    let kind = entry.kind;
    entry
        .journal
        .downcast_mut::<Journal<L>>()
        .ok_or_else(|| mismatch::<L>(name, kind))
}

/// Brings `cached` (taken out of the store's memory) up to the stored journal: read and
/// verify what was appended since, or the whole journal when nothing usable is in memory.
/// On any failure `cached` is left empty, so nothing unverified is kept.
fn catch_up<'c, L>(
    backend: &mut dyn Backend,
    name: &JournalName,
    cached: &mut Option<Cached>,
    mut contexts: impl FnMut() -> L::Context<'c>,
) -> Result<(), StoreError>
where
    L: Lifecycle + 'static,
    Journal<L>: Send,
{
    let kind = <L::Id as StreamId>::KIND;
    let info = backend.journal(name.as_str())?;
    if let Some(info) = &info
        && info.kind != kind
    {
        *cached = None;
        return Err(mismatch::<L>(name, &info.kind));
    }
    let (length, head) = info
        .as_ref()
        .map_or((0, Digest::GENESIS), |i| (i.length, i.head));
    let mut journal = match cached.take() {
        Some(c) if c.kind == kind => match c.journal.downcast::<Journal<L>>() {
            Ok(j) if j.len() <= length => *j,
            _ => Journal::new(),
        },
        _ => Journal::new(),
    };
    if journal.len() == length && journal.head() == head {
        *cached = Some(Cached {
            kind,
            journal: Box::new(journal),
        });
        return Ok(());
    }
    let mut entries = Vec::new();
    backend.entries(
        EntryQuery::Journal {
            name: name.as_str(),
            after: journal.len(),
        },
        &mut |stored| {
            entries.push(parse::<L>(&stored)?);
            Ok(())
        },
    )?;
    journal
        .verify_more(entries, Some(head), |_| contexts())
        .map_err(|e| StoreError::Verify {
            journal: name.to_string(),
            source: Box::new(e),
        })?;
    *cached = Some(Cached {
        kind,
        journal: Box::new(journal),
    });
    Ok(())
}

/// Reads a stored row as an entry, holding the row's columns and text to the entry.
fn parse<L: Lifecycle>(stored: &StoredEntry) -> Result<Entry<L>, StoreError> {
    let tampered = |what: String| StoreError::Tampered {
        journal: stored.journal.to_string(),
        position: stored.position,
        what,
    };
    let entry: Entry<L> = serde_json::from_str(&stored.text)
        .map_err(|e| tampered(format!("the text is not an entry of this journal: {e}")))?;
    if serde_json::to_string(&entry).ok().as_deref() != Some(stored.text.as_str()) {
        return Err(tampered(
            "the text is not in the form it was written in".into(),
        ));
    }
    if entry.position() != stored.position
        || entry.sequence() != stored.sequence
        || entry.digest() != stored.digest
        || entry.stream().to_string() != stored.stream
    {
        return Err(tampered(
            "its position, stream, sequence or digest column differs from the entry".into(),
        ));
    }
    Ok(entry)
}

/// One write transaction of a [`Store`] (see [`Store::write`]): commands of any lifecycles
/// and journals, and dataset tables, committed together or not at all.
pub struct Transaction<'s> {
    store: &'s mut Store,
    /// Journals read or appended in this transaction (back into the store's memory only on
    /// commit).
    touched: HashMap<String, Cached>,
    /// Journals this transaction appended to (their memory holds what only a commit makes
    /// true).
    appended: std::collections::HashSet<String>,
    next_global: Option<u64>,
    /// A write failed after the journal in memory had changed: the transaction can only be
    /// rolled back.
    poisoned: bool,
    open: bool,
}

impl std::fmt::Debug for Transaction<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Transaction")
            .field("store", &self.store.backend.describe())
            .field("journals", &self.touched.len())
            .finish()
    }
}

impl Transaction<'_> {
    fn commit(&mut self) -> Result<(), StoreError> {
        self.open = false;
        match self.store.backend.commit() {
            Ok(()) => {
                for (name, cached) in self.touched.drain() {
                    self.store.cache.insert(name, cached);
                }
                Ok(())
            }
            Err(e) => {
                let _ = self.store.backend.rollback();
                self.touched.clear();
                Err(e)
            }
        }
    }

    fn rollback(&mut self) {
        self.open = false;
        // Journals only read (and caught up with what others committed) stay verified;
        // those appended to are forgotten with the appends.
        for (name, cached) in self.touched.drain() {
            if !self.appended.contains(&name) {
                self.store.cache.insert(name, cached);
            }
        }
        let _ = self.store.backend.rollback();
    }

    fn load<'c, L>(
        &mut self,
        name: &JournalName,
        contexts: impl FnMut() -> L::Context<'c>,
    ) -> Result<&mut Journal<L>, StoreError>
    where
        L: Lifecycle + 'static,
        Journal<L>: Send,
    {
        let mut taken = self
            .touched
            .remove(name.as_str())
            .or_else(|| self.store.cache.remove(name.as_str()));
        catch_up::<L>(self.store.backend.as_mut(), name, &mut taken, contexts)?;
        keep::<L>(&mut self.touched, name, taken)
    }

    /// The journal `name` as of this transaction, verified (see [`Store::journal`]).
    ///
    /// # Errors
    /// As [`Store::journal`].
    pub fn journal<'c, L>(
        &mut self,
        name: &JournalName,
        contexts: impl FnMut() -> L::Context<'c>,
    ) -> Result<&Journal<L>, StoreError>
    where
        L: Lifecycle + 'static,
        Journal<L>: Send,
    {
        self.load::<L>(name, contexts).map(|j| &*j)
    }

    fn next_global(&mut self) -> Result<u64, StoreError> {
        let next = match self.next_global {
            Some(n) => n,
            None => self.store.backend.last_store_position()?.saturating_add(1),
        };
        self.next_global = Some(next.saturating_add(1));
        Ok(next)
    }

    /// Records the journal's entries from `from` (an index into its entries) and its head.
    fn record<L: Lifecycle + 'static>(
        &mut self,
        name: &JournalName,
        from: usize,
    ) -> Result<(), StoreError>
    where
        Journal<L>: Send,
    {
        let Some(cached) = self.touched.get(name.as_str()) else {
            return Err(StoreError::Database("journal not loaded".into()));
        };
        let Some(journal) = cached.journal.downcast_ref::<Journal<L>>() else {
            return Err(mismatch::<L>(name, cached.kind));
        };
        let new: Vec<Entry<L>> = journal.entries().get(from..).unwrap_or_default().to_vec();
        let info = JournalInfo {
            name: name.clone(),
            kind: <L::Id as StreamId>::KIND.to_owned(),
            length: journal.len(),
            head: journal.head(),
        };
        let mut rows = Vec::with_capacity(new.len());
        for entry in &new {
            rows.push(StoredEntry {
                global: self.next_global()?,
                journal: name.clone(),
                position: entry.position(),
                stream: entry.stream().to_string(),
                sequence: entry.sequence(),
                digest: entry.digest(),
                text: serde_json::to_string(entry)
                    .map_err(|e| StoreError::Encoding(e.to_string()))?,
            });
        }
        self.appended.insert(name.as_str().to_owned());
        let backend = self.store.backend.as_mut();
        backend.put_journal(&info)?;
        backend.insert_entries(&rows)
    }

    /// Decides `command` for `stream` of journal `name` as the act `act` with `reason`,
    /// against the latest state (the store's writer lock is held), and appends its entry —
    /// if the stream is still at the version `expected`. The journal is created by its first
    /// command. Returns the events decided.
    ///
    /// # Errors
    /// [`AppendError::Store`] with [`StoreError::Conflict`] when another writer appended to
    /// the stream since `expected` (decide again on what is there now); [`AppendError::Refused`]
    /// with the rule's refusal; [`AppendError::Journal`] when the journal refuses the entry;
    /// [`AppendError::Store`] when the stored journal does not verify or the database fails.
    /// A refusal changes nothing; a database failure leaves the transaction to be rolled back.
    #[allow(clippy::too_many_arguments)] // one command's parts: where, what, expecting what, by whom, why, under which rules
    pub fn execute<'c, L>(
        &mut self,
        name: &JournalName,
        stream: L::Id,
        expected: ExpectedVersion,
        command: L::Command,
        act: Act,
        reason: &str,
        mut contexts: impl FnMut() -> L::Context<'c>,
    ) -> Result<Vec<L::Event>, AppendError<L::Error>>
    where
        L: Lifecycle + 'static,
        Journal<L>: Send,
    {
        let journal = self.load::<L>(name, &mut contexts)?;
        let found = journal.version(stream);
        if !expected.admits(found) {
            return Err(StoreError::Conflict {
                journal: name.to_string(),
                stream: stream.to_string(),
                expected,
                found,
            }
            .into());
        }
        let from = journal.entries().len();
        let context = contexts();
        let events = journal
            .execute(stream, command, act, reason, &context)
            .map_err(|e| match e {
                zugong_core::journal::ExecuteError::Refused(r) => AppendError::Refused(r),
                zugong_core::journal::ExecuteError::Journal(j) => AppendError::Journal(j),
            })?;
        if let Err(e) = self.record::<L>(name, from) {
            self.poison(name);
            return Err(e.into());
        }
        Ok(events)
    }

    /// Appends stored entries that continue journal `name` (an imported journal, or one a
    /// program decided elsewhere): each is checked as [`Journal::verify`] checks it —
    /// position, chain, digest, sequence, time, and the rules' decision again in the contexts
    /// `contexts` gives — and, when `head` is given, the last must be it.
    ///
    /// # Errors
    /// [`StoreError::Verify`] with the first entry that fails (nothing is appended);
    /// [`StoreError::KindMismatch`]; [`StoreError::Database`].
    pub fn append<'c, L>(
        &mut self,
        name: &JournalName,
        entries: Vec<Entry<L>>,
        head: Option<Digest>,
        mut contexts: impl FnMut() -> L::Context<'c>,
    ) -> Result<(), StoreError>
    where
        L: Lifecycle + 'static,
        Journal<L>: Send,
    {
        let journal = self.load::<L>(name, &mut contexts)?;
        let from = journal.entries().len();
        if let Err(e) = journal.verify_more(entries, head, |_| contexts()) {
            // The journal in memory holds part of what was given: forget it.
            self.touched.remove(name.as_str());
            return Err(StoreError::Verify {
                journal: name.to_string(),
                source: Box::new(e),
            });
        }
        if let Err(e) = self.record::<L>(name, from) {
            self.poison(name);
            return Err(e);
        }
        Ok(())
    }

    fn poison(&mut self, name: &JournalName) {
        self.touched.remove(name.as_str());
        self.poisoned = true;
    }

    /// Replaces the dataset's manifest (`dataset.json`, as text).
    ///
    /// # Errors
    /// [`StoreError::Database`].
    pub fn put_manifest(&mut self, text: &str) -> Result<(), StoreError> {
        self.store
            .backend
            .put_manifest(text)
            .inspect_err(|_| self.poisoned = true)
    }

    /// Removes every table of the dataset (to write a new import in the same transaction:
    /// no table of the previous import survives beside the new ones).
    ///
    /// # Errors
    /// [`StoreError::Database`].
    pub fn clear_tables(&mut self) -> Result<(), StoreError> {
        self.store
            .backend
            .clear_tables()
            .inspect_err(|_| self.poisoned = true)
    }

    /// Writes table `name` (which must not be in the store: clear the tables first to
    /// replace them) with `rows` in order, each one record's text. Returns the rows written.
    ///
    /// # Errors
    /// [`StoreError::BadTableName`]; [`StoreError::Database`] (the table already there
    /// included).
    pub fn put_table<I>(&mut self, name: &str, rows: I) -> Result<u64, StoreError>
    where
        I: IntoIterator<Item = String>,
    {
        if !is_table_name(name) {
            return Err(StoreError::BadTableName(name.to_owned()));
        }
        let mut rows = rows.into_iter().map(Ok);
        self.store
            .backend
            .put_table(name, &mut rows)
            .inspect_err(|_| self.poisoned = true)
    }

    /// Records an import in the store's import history, in this transaction (so that it is
    /// kept exactly when the tables it wrote are). Returns its number.
    ///
    /// # Errors
    /// [`StoreError::Database`].
    pub fn record_import(&mut self, import: &ImportRecord) -> Result<u64, StoreError> {
        self.store
            .backend
            .record_import(import)
            .inspect_err(|_| self.poisoned = true)
    }

    /// Reads a table's rows as of this transaction (see [`Store::rows`]).
    ///
    /// # Errors
    /// As [`Store::rows`].
    pub fn rows(
        &mut self,
        table: &str,
        mut visit: impl FnMut(u64, &str) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        if !is_table_name(table) {
            return Err(StoreError::BadTableName(table.to_owned()));
        }
        self.store.backend.rows(table, &mut visit)
    }

    /// Every journal as recorded, as of this transaction.
    ///
    /// # Errors
    /// [`StoreError::Database`].
    pub fn journals(&mut self) -> Result<Vec<JournalInfo>, StoreError> {
        self.store.backend.journals()
    }
}

impl Drop for Transaction<'_> {
    fn drop(&mut self) {
        // A transaction left by a panic is rolled back, never committed.
        if self.open {
            self.rollback();
        }
    }
}
