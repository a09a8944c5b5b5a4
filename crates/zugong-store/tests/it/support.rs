//! The test lifecycles and the two backends every test of the suite runs against.

use std::path::PathBuf;

use chrono::{DateTime, TimeDelta, Utc};
use zugong_core::journal::{Act, Applying, Lifecycle, Peers, Refusal};
use zugong_core::{ActorId, Authority, Citation, QuotaBookId, SelectionId, SourceStatus};
use zugong_store::{Location, Store};

/// A tally per stream with a cap from the context: `Open` first, then `Add(n)` while the
/// total stays within the cap.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Tally {
    pub opened: bool,
    pub total: u32,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum TallyCommand {
    Open,
    Add(u32),
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum TallyEvent {
    Opened,
    Added(u32),
}

#[derive(Debug, thiserror::Error)]
pub enum TallyError {
    #[error("the tally is not open")]
    NotOpen,
    #[error("the tally is already open")]
    AlreadyOpen,
    #[error("adding {add} to {total} exceeds the cap of {cap}")]
    OverCap { total: u32, add: u32, cap: u32 },
}

impl Refusal for TallyError {
    fn citation(&self) -> Citation {
        Citation::new("测试规则", "第一条", SourceStatus::Provisional)
    }
}

impl Lifecycle for Tally {
    type Id = QuotaBookId;
    type Stage = bool;
    type Command = TallyCommand;
    type Event = TallyEvent;
    type Context<'c> = u32;
    type Error = TallyError;

    fn stage(&self) -> bool {
        self.opened
    }
    fn opens(c: &TallyCommand) -> bool {
        matches!(c, TallyCommand::Open)
    }
    fn decide(
        &self,
        c: &TallyCommand,
        _: &Act,
        cap: &u32,
        _: &Peers<'_, Self>,
    ) -> Result<Vec<TallyEvent>, TallyError> {
        match (c, self.opened) {
            (TallyCommand::Open, false) => Ok(vec![TallyEvent::Opened]),
            (TallyCommand::Open, true) => Err(TallyError::AlreadyOpen),
            (TallyCommand::Add(_), false) => Err(TallyError::NotOpen),
            (TallyCommand::Add(n), true) => {
                if self.total.saturating_add(*n) > *cap {
                    Err(TallyError::OverCap {
                        total: self.total,
                        add: *n,
                        cap: *cap,
                    })
                } else {
                    Ok(vec![TallyEvent::Added(*n)])
                }
            }
        }
    }
    fn apply(&mut self, e: &TallyEvent, _: &Applying) {
        match e {
            TallyEvent::Opened => self.opened = true,
            TallyEvent::Added(n) => self.total += n,
        }
    }
}

/// A second lifecycle kind (on selection ids): a list of notes, opened by its first.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Notes(pub Vec<String>);

#[derive(Debug, thiserror::Error)]
#[error("a note cannot be blank")]
pub struct BlankNote;

impl Refusal for BlankNote {
    fn citation(&self) -> Citation {
        Citation::new("测试规则", "第二条", SourceStatus::Provisional)
    }
}

impl Lifecycle for Notes {
    type Id = SelectionId;
    type Stage = usize;
    type Command = String;
    type Event = String;
    type Context<'c> = ();
    type Error = BlankNote;
    fn stage(&self) -> usize {
        self.0.len()
    }
    fn opens(_: &String) -> bool {
        true
    }
    fn decide(
        &self,
        c: &String,
        _: &Act,
        _: &(),
        _: &Peers<'_, Self>,
    ) -> Result<Vec<String>, BlankNote> {
        if c.trim().is_empty() {
            Err(BlankNote)
        } else {
            Ok(vec![c.clone()])
        }
    }
    fn apply(&mut self, e: &String, _: &Applying) {
        self.0.push(e.clone());
    }
}

pub fn book(n: u128) -> QuotaBookId {
    QuotaBookId::from_uuid(uuid::Uuid::from_u128(n))
}

pub fn selection(n: u128) -> SelectionId {
    SelectionId::from_uuid(uuid::Uuid::from_u128(n))
}

/// An act `step` seconds after a fixed morning (acts in order of time).
pub fn act(step: i64) -> Act {
    let base: DateTime<Utc> = "2026-03-02T01:00:00Z".parse().unwrap();
    Act::new(
        base + TimeDelta::seconds(step),
        ActorId::from_uuid(uuid::Uuid::from_u128(7)),
        Authority::organization_department(zugong_testkit::unit(1)),
    )
}

/// The act of writers racing each other: all on one morning, so that the journal's rule
/// that time never goes backwards is not what they race on (their versions are).
pub fn act_same() -> Act {
    act(0)
}

/// A backend the suite runs against: where a fresh store is, and how to run raw SQL on it
/// (to play the part of someone editing the database behind zugong's back).
pub trait Backend {
    fn name(&self) -> &'static str;
    fn location(&self) -> Location;
    fn raw(&self, sql: &str);
    /// Creates the store.
    fn create(&self) -> Store {
        Store::create(&self.location()).unwrap()
    }
    fn open(&self) -> Store {
        Store::open(&self.location()).unwrap()
    }
}

/// A temporary SQLite file.
pub struct SqliteFile {
    dir: PathBuf,
}

impl SqliteFile {
    pub fn new() -> Self {
        let dir = std::env::temp_dir().join(format!(
            "zugong-store-test-{}-{}",
            std::process::id(),
            uuid::Uuid::now_v7().simple()
        ));
        std::fs::create_dir_all(&dir).unwrap();
        Self { dir }
    }
    pub fn path(&self) -> PathBuf {
        self.dir.join("store.db")
    }
}

impl Drop for SqliteFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

impl Backend for SqliteFile {
    fn name(&self) -> &'static str {
        "sqlite"
    }
    fn location(&self) -> Location {
        Location::Sqlite(self.path())
    }
    fn raw(&self, sql: &str) {
        let c = rusqlite::Connection::open(self.path()).unwrap();
        c.execute_batch(sql).unwrap();
    }
}

/// A fresh schema on the PostgreSQL server named by `ZUGONG_TEST_POSTGRES` (a URL), dropped
/// afterwards.
pub struct PostgresSchema {
    base: String,
    schema: String,
}

impl PostgresSchema {
    /// `None` (the test is skipped, and says so) when no server is given outside CI; in CI
    /// (`CI` set) a missing server fails the test.
    pub fn new() -> Option<Self> {
        let Ok(base) = std::env::var("ZUGONG_TEST_POSTGRES") else {
            assert!(
                std::env::var_os("CI").is_none(),
                "CI is set but ZUGONG_TEST_POSTGRES is not: .ci/run starts a PostgreSQL server and names it there"
            );
            eprintln!(
                "skipped: ZUGONG_TEST_POSTGRES is not set (no PostgreSQL server to test against)"
            );
            return None;
        };
        let schema = format!("zugong_test_{}", uuid::Uuid::now_v7().simple());
        let mut client = postgres::Client::connect(&base, postgres::NoTls).unwrap();
        client
            .batch_execute(&format!("CREATE SCHEMA {schema}"))
            .unwrap();
        Some(Self { base, schema })
    }

    /// The store's location with `application_name` set, so that a test can find its
    /// connections on the server.
    pub fn location_named(&self, application: &str) -> Location {
        format!("{}&application_name={application}", self.url())
            .parse()
            .unwrap()
    }

    /// Runs raw SQL on the server (outside the store's schema).
    pub fn admin(&self, sql: &str) {
        let mut c = postgres::Client::connect(&self.base, postgres::NoTls).unwrap();
        c.batch_execute(sql).unwrap();
    }

    fn url(&self) -> String {
        let joiner = if self.base.contains('?') { '&' } else { '?' };
        format!(
            "{}{joiner}options=-csearch_path%3D{}",
            self.base, self.schema
        )
    }
}

impl Drop for PostgresSchema {
    fn drop(&mut self) {
        if let Ok(mut c) = postgres::Client::connect(&self.base, postgres::NoTls) {
            let _ = c.batch_execute(&format!("DROP SCHEMA IF EXISTS {} CASCADE", self.schema));
        }
    }
}

impl Backend for PostgresSchema {
    fn name(&self) -> &'static str {
        "postgres"
    }
    fn location(&self) -> Location {
        self.url().parse().unwrap()
    }
    fn raw(&self, sql: &str) {
        let mut c = postgres::Client::connect(&self.url(), postgres::NoTls).unwrap();
        c.batch_execute(sql).unwrap();
    }
}

/// Defines each test once per backend: `NAME::sqlite` and `NAME::postgres`.
#[macro_export]
macro_rules! on_both {
    ($(fn $name:ident($b:ident) $body:block)*) => {
        $(
            mod $name {
                #[allow(unused_imports)]
                use super::*;
                fn body($b: &dyn $crate::support::Backend) $body
                #[test]
                fn sqlite() {
                    body(&$crate::support::SqliteFile::new());
                }
                #[test]
                fn postgres() {
                    if let Some(b) = $crate::support::PostgresSchema::new() {
                        body(&b);
                    }
                }
            }
        )*
    };
}
