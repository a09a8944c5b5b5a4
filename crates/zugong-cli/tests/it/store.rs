//! `--db`: a department's records in a store. Import, export byte for byte, scenarios
//! appended in transactions, bad stores refused, and a process killed at any point leaving
//! the store whole.

use std::process::Stdio;
use std::time::{Duration, Instant};

use zugong_store::{Location, Store};

use crate::support::*;

fn ok(args: &[&str]) -> String {
    let out = run(args);
    assert_eq!(code(&out), 0, "{args:?}: {}", stderr(&out));
    stdout(&out)
}

/// The sample with journals of three more scenarios (one folder), beside the plain sample.
fn sample_with_journals(name: &str) -> TempDir {
    let d = sample_dir(name);
    ok(&["scenario", "training", d.s()]);
    ok(&["scenario", "development", d.s()]);
    d
}

#[test]
fn export_gives_back_the_imported_folder_byte_for_byte() {
    let dir = TempDir::new("db-roundtrip");
    let source = sample_with_journals("db-source");
    let db = dir.join("county.db");
    let db = db.to_str().unwrap();
    ok(&["init", db]);
    ok(&["import", source.s(), "--db", db]);
    let first = dir.join("first");
    ok(&["export", "--db", db, "--out", first.to_str().unwrap()]);
    assert_eq!(snapshot(source.path()), snapshot(&first));
    // Imported again (the same tables, journals already held): the same folder again.
    ok(&["import", first.to_str().unwrap(), "--db", db, "--force"]);
    let second = dir.join("second");
    ok(&["export", "--db", db, "--out", second.to_str().unwrap()]);
    assert_eq!(snapshot(&first), snapshot(&second));
    // Both imports are in the store's history, each with what it wrote.
    let imports = Store::open(&Location::Sqlite(db.into()))
        .unwrap()
        .imports()
        .unwrap();
    assert_eq!(imports.len(), 2);
    assert_eq!(imports[0].source, source.s());
    assert_eq!((imports[0].tables, imports[1].entries), (25, 0));
    assert!(imports[0].entries > 0 && imports[0].rows > 20_000);
    // The store's report is the folder's.
    assert_eq!(
        ok(&["report", "--db", db, "--format", "json"]),
        ok(&["report", source.s(), "--format", "json"])
    );
}

#[test]
fn a_generated_city_round_trips_through_the_store() {
    let dir = TempDir::new("db-city");
    let city = dir.join("city");
    ok(&[
        "generate",
        "--scale",
        "city",
        "--seed",
        "5",
        "--out",
        city.to_str().unwrap(),
    ]);
    let db = dir.join("city.db");
    let db = db.to_str().unwrap();
    ok(&["init", db]);
    ok(&["import", city.to_str().unwrap(), "--db", db]);
    let back = dir.join("back");
    ok(&["export", "--db", db, "--out", back.to_str().unwrap()]);
    assert_eq!(snapshot(&city), snapshot(&back));
}

#[test]
fn scenarios_append_to_the_store_and_never_rewrite_it() {
    let dir = TempDir::new("db-scenario");
    let source = sample_dir("db-scenario-source");
    let db = dir.join("county.db");
    let db = db.to_str().unwrap();
    ok(&["init", db]);
    ok(&["import", source.s(), "--db", db]);
    let before = Store::open(&Location::Sqlite(db.into()))
        .unwrap()
        .journals()
        .unwrap()
        .len();
    let out = ok(&["scenario", "training", "--db", db]);
    assert!(out.contains("training-fallback"), "{out}");
    let mut store = Store::open(&Location::Sqlite(db.into())).unwrap();
    let journals = store.journals().unwrap();
    assert_eq!(journals.len(), before + 1);
    let entries = store.read_from(0).unwrap().len();
    // The same scenario again would rewrite that journal: refused, nothing written.
    let again = run(&["scenario", "training", "--db", db]);
    assert_eq!(code(&again), 2, "{}", stderr(&again));
    assert!(stderr(&again).contains("已有日志"), "{}", stderr(&again));
    assert_eq!(store.read_from(0).unwrap().len(), entries);
    // The store checks, and its report reads the new journal.
    assert!(ok(&["check", "--db", db]).contains('✓'));
    let report = ok(&["report", "--db", db, "--format", "json"]);
    assert!(
        report.contains("training-fallback"),
        "the report reads the stored journal"
    );
    // A dataset folder's files are not what --db writes to: the source is unchanged.
    assert!(
        !source
            .join("journals")
            .join("training-fallback-2026-12-07.jsonl")
            .exists()
    );
}

#[test]
fn an_import_does_not_rewrite_a_stored_journal() {
    let dir = TempDir::new("db-rewrite");
    let source = sample_dir("db-rewrite-source");
    let db = dir.join("county.db");
    let db = db.to_str().unwrap();
    ok(&["init", db]);
    ok(&["import", source.s(), "--db", db]);
    ok(&["scenario", "development", "--db", db]);
    // Another development journal of the same name, made on a folder: not the stored one.
    let other = sample_dir("db-rewrite-other");
    ok(&["scenario", "development", other.s(), "--on", "2026-11-30"]);
    let names: Vec<String> = std::fs::read_dir(other.join("journals"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(names.iter().any(|n| n.starts_with("development-")));
    // Same name, same content (deterministic scenario): taken as already held.
    let out = run(&["import", other.s(), "--db", db, "--force"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    // Its entry edited (and its head recorded anew): refused, nothing written.
    let journal = other.join("journals").join(
        names
            .iter()
            .find(|n| n.starts_with("development-"))
            .unwrap(),
    );
    let text = std::fs::read_to_string(&journal).unwrap();
    let mut lines: Vec<&str> = text.lines().collect();
    lines.pop();
    std::fs::write(&journal, lines.join("\n") + "\n").unwrap();
    let out = run(&["import", other.s(), "--db", db, "--force"]);
    assert_eq!(code(&out), 2, "{}", stderr(&out));
}

#[test]
fn bad_stores_are_clear_errors() {
    let dir = TempDir::new("db-bad");
    let garbage = dir.join("garbage.db");
    std::fs::write(&garbage, "名单,电话\n".repeat(300)).unwrap();
    let out = run(&["check", "--db", garbage.to_str().unwrap()]);
    assert_eq!(code(&out), 2);
    assert!(
        stdout(&out).contains("不是可读的数据库"),
        "{}",
        stdout(&out)
    );
    let missing = dir.join("missing.db");
    let out = run(&["report", "--db", missing.to_str().unwrap()]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("zugong init"), "{}", stderr(&out));
    assert!(!missing.exists(), "a report never creates a store");
    let out = run(&[
        "report",
        "--db",
        "postgres://clerk:hunter2@127.0.0.1:1/zugong?connect_timeout=2",
    ]);
    assert_eq!(code(&out), 2);
    assert!(!stderr(&out).contains("hunter2"), "{}", stderr(&out));
    let out = run(&["--lang", "en", "init", "ftp://example.invalid/x"]);
    assert_eq!(code(&out), 2);
    // A store of another program.
    let other = dir.join("other.db");
    rusqlite::Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE payroll (id INTEGER PRIMARY KEY, name TEXT)")
        .unwrap();
    let sample = sample_dir("db-bad-sample");
    let out = run(&["import", sample.s(), "--db", other.to_str().unwrap()]);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("不是 zugong 数据库"),
        "{}",
        stderr(&out)
    );
    let out = run(&["init", other.to_str().unwrap()]);
    assert_eq!(code(&out), 2);
    let empty = dir.join("empty.db");
    ok(&["init", empty.to_str().unwrap()]);
    let out = run(&["report", "--db", empty.to_str().unwrap()]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("还没有数据集"), "{}", stderr(&out));
}

/// A small deterministic generator of kill delays.
struct Delays(u64);

impl Delays {
    fn next(&mut self, max: Duration) -> Duration {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let max_us = u64::try_from(max.as_micros()).unwrap().max(1);
        Duration::from_micros((self.0 >> 33) % max_us)
    }
}

/// Starts `args`, kills it (SIGKILL) after `delay` if it is still running.
fn kill_after(args: &[&str], delay: Duration) -> bool {
    let mut child = zugong()
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + delay;
    loop {
        if child.try_wait().unwrap().is_some() {
            return false;
        }
        if Instant::now() >= deadline {
            child.kill().unwrap();
            child.wait().unwrap();
            return true;
        }
        std::thread::sleep(Duration::from_micros(200));
    }
}

fn timed(args: &[&str]) -> Duration {
    let t = Instant::now();
    ok(args);
    t.elapsed()
}

#[test]
fn a_process_killed_at_any_point_leaves_the_store_whole() {
    let dir = TempDir::new("db-crash");
    let plain = sample_dir("db-crash-plain");
    let rich = sample_with_journals("db-crash-rich");
    let db = dir.join("county.db");
    let db = db.to_str().unwrap();
    ok(&["init", db]);
    ok(&["import", plain.s(), "--db", db]);
    let plain_entries = Store::open(&Location::Sqlite(db.into()))
        .unwrap()
        .read_from(0)
        .unwrap()
        .len();
    // How long each command takes when it is left alone: the kills fall anywhere in it.
    let import_time = timed(&["import", rich.s(), "--db", db, "--force"]);
    let rich_entries = Store::open(&Location::Sqlite(db.into()))
        .unwrap()
        .read_from(0)
        .unwrap()
        .len();
    let scenario_time = timed(&["scenario", "development", "--db", db, "--on", "2025-01-02"]);
    let mut delays = Delays(2026);
    let mut killed = 0;
    for round in 0..100u32 {
        let day = chrono::NaiveDate::from_ymd_opt(2025, 2, 1).unwrap()
            + chrono::Days::new(u64::from(round));
        let day = day.to_string();
        let before = Store::open(&Location::Sqlite(db.into()))
            .unwrap()
            .read_from(0)
            .unwrap()
            .len();
        let stopped = if round % 2 == 0 {
            let from = if round % 4 == 0 { plain.s() } else { rich.s() };
            kill_after(
                &["import", from, "--db", db, "--force"],
                delays.next(import_time),
            )
        } else {
            kill_after(
                &["scenario", "development", "--db", db, "--on", &day],
                delays.next(scenario_time),
            )
        };
        killed += usize::from(stopped);
        // The store opens, its order is whole, every journal verifies and the dataset checks.
        let mut store = Store::open(&Location::Sqlite(db.into())).unwrap();
        let entries = store.check_order().unwrap();
        let entries = usize::try_from(entries).unwrap();
        assert!(entries >= before, "round {round}: entries lost");
        if round % 2 == 0 {
            assert!(
                entries == before || (before == plain_entries && entries == rich_entries),
                "round {round}: an import left {entries} entries (before {})",
                before
            );
        }
        let out = run(&["check", "--db", db]);
        assert_eq!(
            code(&out),
            0,
            "round {round} (killed: {stopped}): {}",
            stdout(&out)
        );
        assert_eq!(
            store.tables().unwrap().len(),
            25,
            "round {round}: tables whole"
        );
    }
    assert!(
        killed > 50,
        "most commands were killed mid-way ({killed} of 100)"
    );
}

/// A fresh schema on the test server (`ZUGONG_TEST_POSTGRES`), dropped afterwards.
struct ServerSchema {
    base: String,
    schema: String,
}

impl ServerSchema {
    fn new() -> Option<Self> {
        let Ok(base) = std::env::var("ZUGONG_TEST_POSTGRES") else {
            assert!(
                std::env::var_os("CI").is_none(),
                "CI is set but ZUGONG_TEST_POSTGRES is not"
            );
            eprintln!(
                "skipped: ZUGONG_TEST_POSTGRES is not set (no PostgreSQL server to test against)"
            );
            return None;
        };
        let schema = format!("zugong_cli_{}", std::process::id());
        let mut c = postgres::Client::connect(&base, postgres::NoTls).unwrap();
        c.batch_execute(&format!(
            "DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}"
        ))
        .unwrap();
        Some(Self { base, schema })
    }

    fn url(&self) -> String {
        let joiner = if self.base.contains('?') { '&' } else { '?' };
        format!(
            "{}{joiner}options=-csearch_path%3D{}",
            self.base, self.schema
        )
    }
}

impl Drop for ServerSchema {
    fn drop(&mut self) {
        if let Ok(mut c) = postgres::Client::connect(&self.base, postgres::NoTls) {
            let _ = c.batch_execute(&format!("DROP SCHEMA IF EXISTS {} CASCADE", self.schema));
        }
    }
}

#[test]
fn a_department_server_works_as_the_file_does() {
    let Some(server) = ServerSchema::new() else {
        return;
    };
    let db = server.url();
    let source = sample_with_journals("db-server-source");
    ok(&["init", &db]);
    ok(&["import", source.s(), "--db", &db]);
    assert!(ok(&["check", "--db", &db]).contains('✓'));
    let out = ok(&["scenario", "rating", "--db", &db, "--on", "2027-01-04"]);
    assert!(out.contains("rating-"), "{out}");
    let dir = TempDir::new("db-server-export");
    ok(&["export", "--db", &db, "--out", dir.s()]);
    let exported = snapshot(dir.path());
    let original = snapshot(source.path());
    // Everything imported comes back byte for byte; the new journal is there beside it.
    for (file, bytes) in &original {
        if file.ends_with("heads.json") {
            continue;
        }
        assert_eq!(exported.get(file), Some(bytes), "{}", file.display());
    }
    assert!(
        exported.keys().any(
            |f| f.to_string_lossy().contains("rating-") && f.to_string_lossy().contains("2027")
        )
    );
    assert!(ok(&["check", dir.s()]).contains('✓'));
}

#[test]
fn an_import_with_faults_leaves_the_store_as_it_was() {
    let dir = TempDir::new("db-faulty");
    let source = sample_dir("db-faulty-source");
    let db = dir.join("county.db");
    let db = db.to_str().unwrap();
    ok(&["init", db]);
    ok(&["import", source.s(), "--db", db]);
    let broken = sample_dir("db-faulty-broken");
    // A member in a branch that does not exist, and a second table changed: the whole
    // import is refused, the first table's rows included.
    edit_line(&broken.join("members.jsonl"), 2, |v| {
        v["unit"] = "019b76da-a800-77ea-8000-0000deadbeef".into();
    });
    edit_line(&broken.join("tasks.jsonl"), 1, |v| v["hours"] = 99.into());
    let out = run(&["import", broken.s(), "--db", db, "--force"]);
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert!(stderr(&out).contains("members.jsonl:2"), "{}", stderr(&out));
    let back = dir.join("back");
    ok(&["export", "--db", db, "--out", back.to_str().unwrap()]);
    assert_eq!(snapshot(source.path()), snapshot(&back));
    assert_eq!(
        Store::open(&Location::Sqlite(db.into()))
            .unwrap()
            .imports()
            .unwrap()
            .len(),
        1
    );
}
