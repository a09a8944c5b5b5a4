//! Journals in the store: appended, conflicting, refused, atomic, read back only through
//! verify, and every kind of tampering found.

use proptest::prelude::*;
use zugong_core::journal::{Journal, Language};
use zugong_store::{AppendError, ExpectedVersion, JournalName, Location, Store, StoreError};

use crate::on_both;
use crate::support::*;

fn name(n: &str) -> JournalName {
    JournalName::new(n).unwrap()
}

/// Opens a tally and adds `adds` to it, one entry each.
fn fill(store: &mut Store, journal: &JournalName, id: u128, adds: &[u32]) {
    let stream = book(id);
    let mut version = store.version(journal, stream).unwrap();
    let mut step = i64::try_from(store.read_from(0).unwrap().len()).unwrap();
    if version == 0 {
        store
            .execute::<Tally>(
                journal,
                stream,
                ExpectedVersion::NoStream,
                TallyCommand::Open,
                act(step),
                "建账",
                || 100,
            )
            .unwrap();
        version = 1;
        step += 1;
    }
    for n in adds {
        store
            .execute::<Tally>(
                journal,
                stream,
                ExpectedVersion::Exactly(version),
                TallyCommand::Add(*n),
                act(step),
                "增加",
                || 100,
            )
            .unwrap();
        version += 1;
        step += 1;
    }
}

on_both! {
    fn a_store_is_created_once_and_opened_after(b) {
        let location = b.location();
        assert!(matches!(Store::open(&location), Err(StoreError::Missing(_))), "{}: open before create", b.name());
        let mut store = Store::create(&location).unwrap();
        assert_eq!(store.schema_version().unwrap(), zugong_store::SCHEMA_VERSION);
        drop(store);
        assert!(matches!(Store::create(&location), Err(StoreError::Exists(_))));
        let mut again = Store::open(&location).unwrap();
        assert!(again.journals().unwrap().is_empty());
    }

    fn commands_are_kept_and_read_back_through_verify(b) {
        let mut store = b.create();
        let j = name("tallies");
        fill(&mut store, &j, 1, &[10, 20]);
        fill(&mut store, &j, 2, &[5]);
        drop(store);
        let mut store = b.open();
        let journal = store.journal::<Tally>(&j, || 100).unwrap();
        assert_eq!(journal.len(), 5);
        assert_eq!(journal.state(book(1)).map(|t| t.total), Some(30));
        assert_eq!(journal.state(book(2)).map(|t| t.total), Some(5));
        let info = store.journals().unwrap();
        assert_eq!(info.len(), 1);
        assert_eq!(info[0].length, 5);
        assert_eq!(info[0].kind, "quota_book");
        // The same history, re-decided against a lower cap, is not a fact.
        let mut fresh = b.open();
        let refused = fresh.journal::<Tally>(&j, || 25).unwrap_err();
        assert!(matches!(refused, StoreError::Verify { .. }), "{refused}");
        assert!(refused.message(Language::Chinese).contains("核验未通过"));
    }

    fn of_two_appends_at_one_version_the_second_is_a_conflict(b) {
        let mut first = b.create();
        let mut second = b.open();
        let j = name("tallies");
        fill(&mut first, &j, 1, &[]);
        // Both clerks read version 1.
        assert_eq!(first.version(&j, book(1)).unwrap(), 1);
        assert_eq!(second.version(&j, book(1)).unwrap(), 1);
        first
            .execute::<Tally>(&j, book(1), ExpectedVersion::Exactly(1), TallyCommand::Add(3), act(10), "甲", || 100)
            .unwrap();
        let late = second
            .execute::<Tally>(&j, book(1), ExpectedVersion::Exactly(1), TallyCommand::Add(4), act(11), "乙", || 100)
            .unwrap_err();
        match late {
            AppendError::Store(StoreError::Conflict { expected, found, .. }) => {
                assert_eq!(expected, ExpectedVersion::Exactly(1));
                assert_eq!(found, 2);
            }
            other => panic!("{}: expected a conflict, got {other}", b.name()),
        }
        // The second clerk sees the first's entry and can go on from it.
        second
            .execute::<Tally>(&j, book(1), ExpectedVersion::Exactly(2), TallyCommand::Add(4), act(12), "乙", || 100)
            .unwrap();
        let j2 = b.open().journal::<Tally>(&j, || 100).unwrap().clone();
        assert_eq!(j2.len(), 3);
        assert_eq!(j2.state(book(1)).map(|t| t.total), Some(7));
        // A new stream expected where one exists is a conflict too.
        let again = second
            .execute::<Tally>(&j, book(1), ExpectedVersion::NoStream, TallyCommand::Open, act(13), "重开", || 100)
            .unwrap_err();
        assert!(matches!(again, AppendError::Store(StoreError::Conflict { found: 3, .. })));
    }

    fn a_refusal_writes_nothing(b) {
        let mut store = b.create();
        let j = name("tallies");
        fill(&mut store, &j, 1, &[90]);
        let over = store
            .execute::<Tally>(&j, book(1), ExpectedVersion::Any, TallyCommand::Add(20), act(5), "超额", || 100)
            .unwrap_err();
        assert!(matches!(over, AppendError::Refused(TallyError::OverCap { .. })));
        let blank = store
            .execute::<Tally>(&j, book(1), ExpectedVersion::Any, TallyCommand::Add(1), act(6), "  ", || 100)
            .unwrap_err();
        assert!(matches!(blank, AppendError::Journal(_)));
        let unopened = store
            .execute::<Tally>(&j, book(9), ExpectedVersion::NoStream, TallyCommand::Add(1), act(7), "未建账", || 100)
            .unwrap_err();
        assert!(matches!(unopened, AppendError::Refused(TallyError::NotOpen)));
        let as_store: StoreError = unopened.into();
        assert!(matches!(as_store, StoreError::Refused { ref citation, .. } if citation.contains("测试规则")));
        assert_eq!(b.open().journals().unwrap()[0].length, 2);
        assert_eq!(b.open().read_from(0).unwrap().len(), 2);
    }

    fn one_transaction_appends_to_several_journals_or_to_none(b) {
        let mut store = b.create();
        let (tallies, notes) = (name("tallies"), name("notes"));
        store
            .write(|tx| -> Result<(), StoreError> {
                tx.execute::<Tally>(&tallies, book(1), ExpectedVersion::NoStream, TallyCommand::Open, act(0), "建账", || 100)?;
                tx.execute::<Notes>(&notes, selection(1), ExpectedVersion::NoStream, "任职".into(), act(1), "任职", || ())?;
                tx.execute::<Tally>(&tallies, book(1), ExpectedVersion::Exactly(1), TallyCommand::Add(1), act(2), "占用职数", || 100)?;
                Ok(())
            })
            .unwrap();
        // The second command is refused: the first, already decided in the same
        // transaction, is not kept either.
        let failed = store.write(|tx| -> Result<(), StoreError> {
            tx.execute::<Tally>(&tallies, book(1), ExpectedVersion::Exactly(2), TallyCommand::Add(1), act(3), "占用职数", || 100)?;
            tx.execute::<Notes>(&notes, selection(1), ExpectedVersion::Exactly(1), " ".into(), act(4), "空白", || ())?;
            Ok(())
        });
        assert!(matches!(failed, Err(StoreError::Refused { .. })));
        let mut reopened = b.open();
        assert_eq!(reopened.journal::<Tally>(&tallies, || 100).unwrap().len(), 2);
        assert_eq!(reopened.journal::<Notes>(&notes, || ()).unwrap().len(), 1);
        // The writer's memory was rolled back with the database.
        assert_eq!(store.journal::<Tally>(&tallies, || 100).unwrap().len(), 2);
        assert_eq!(store.check_order().unwrap(), 3);
    }

    fn streams_and_the_whole_store_read_in_commit_order(b) {
        let mut store = b.create();
        let (x, y) = (name("x"), name("y"));
        fill(&mut store, &x, 1, &[1]);
        store
            .execute::<Notes>(&y, selection(1), ExpectedVersion::NoStream, "一".into(), act(10), "记", || ())
            .unwrap();
        fill(&mut store, &x, 2, &[2, 3]);
        let all = store.read_from(0).unwrap();
        assert_eq!(all.iter().map(|e| e.global).collect::<Vec<_>>(), vec![1, 2, 3, 4, 5, 6]);
        assert_eq!(all[2].journal.as_str(), "y");
        let later = store.read_from(4).unwrap();
        assert_eq!(later.len(), 2);
        let stream = store.read_stream(&x, &book(2).to_string()).unwrap();
        assert_eq!(stream.iter().map(|e| e.sequence).collect::<Vec<_>>(), vec![1, 2, 3]);
        assert_eq!(store.check_order().unwrap(), 6);
    }

    fn a_journal_asked_for_as_another_kind_is_refused(b) {
        let mut store = b.create();
        let j = name("tallies");
        fill(&mut store, &j, 1, &[]);
        assert!(matches!(store.journal::<Notes>(&j, || ()), Err(StoreError::KindMismatch { .. })));
        let mut fresh = b.open();
        assert!(matches!(fresh.journal::<Notes>(&j, || ()), Err(StoreError::KindMismatch { .. })));
    }

    fn an_edited_row_is_found(b) {
        let mut store = b.create();
        let j = name("tallies");
        fill(&mut store, &j, 1, &[10, 20]);
        // The amount edited in the entry's text: its digest no longer matches.
        b.raw("UPDATE zugong_entries SET body = replace(body, '{\"Add\":20}', '{\"Add\":25}') WHERE position = 3");
        let err = b.open().journal::<Tally>(&j, || 100).unwrap_err();
        assert!(matches!(err, StoreError::Verify { .. }), "{}: {err}", b.name());
        // A writer that verified the journal before goes on from the history it verified
        // (it does not re-read every entry at every command)…
        store
            .execute::<Tally>(&j, book(1), ExpectedVersion::Any, TallyCommand::Add(1), act(9), "再加", || 100)
            .unwrap();
        // …but the edited row is still found by every reader that verifies, this writer
        // included once it forgets what it had in memory.
        assert!(matches!(b.open().journal::<Tally>(&j, || 100), Err(StoreError::Verify { .. })));
        store.forget();
        assert!(matches!(store.journal::<Tally>(&j, || 100), Err(StoreError::Verify { .. })));
    }

    fn a_column_changed_apart_from_its_entry_is_found(b) {
        let mut store = b.create();
        let j = name("tallies");
        fill(&mut store, &j, 1, &[10]);
        b.raw("UPDATE zugong_entries SET sequence = 7 WHERE position = 2");
        let err = b.open().journal::<Tally>(&j, || 100).unwrap_err();
        assert!(matches!(err, StoreError::Tampered { position: 2, .. }), "{err}");
    }

    fn a_journal_cut_short_or_reordered_is_found(b) {
        let mut store = b.create();
        let j = name("tallies");
        fill(&mut store, &j, 1, &[10, 20]);
        drop(store);
        b.raw("DELETE FROM zugong_entries WHERE position = 3");
        let err = b.open().journal::<Tally>(&j, || 100).unwrap_err();
        assert!(matches!(err, StoreError::Verify { .. }), "{err}");
        // The head rewritten to match the cut: the store-wide order still shows the gap
        // only if an entry came after; here the chain is whole but the head was moved —
        // verify then passes on two entries, so the recorded length is what tells.
        b.raw("UPDATE zugong_entries SET position = 5 WHERE position = 2");
        let err = b.open().journal::<Tally>(&j, || 100).unwrap_err();
        assert!(matches!(err, StoreError::Verify { .. } | StoreError::Tampered { .. }), "{err}");
    }

    fn a_newer_schema_is_refused_and_another_programs_database_is_left_alone(b) {
        drop(b.create());
        b.raw("UPDATE zugong_schema SET version = 99");
        assert!(matches!(
            Store::open(&b.location()),
            Err(StoreError::NewerSchema { found: 99, supported }) if supported == zugong_store::SCHEMA_VERSION
        ));
        b.raw("UPDATE zugong_schema SET application = 'someone-else'");
        assert!(matches!(Store::open(&b.location()), Err(StoreError::NotAStore(_))));
    }

    fn a_database_with_other_tables_is_not_a_store(b) {
        b.raw("CREATE TABLE payroll (id INTEGER PRIMARY KEY, name TEXT)");
        assert!(matches!(Store::create(&b.location()), Err(StoreError::NotAStore(_))));
        assert!(matches!(Store::open(&b.location()), Err(StoreError::NotAStore(_))));
    }
}

#[test]
fn a_file_that_is_not_a_database_is_refused_as_corrupt() {
    let file = SqliteFile::new();
    std::fs::write(
        file.path(),
        b"this is a spreadsheet, not a database\n".repeat(200),
    )
    .unwrap();
    let err = Store::open(&file.location()).unwrap_err();
    assert!(matches!(err, StoreError::Corrupt { .. }), "{err}");
    assert!(err.message(Language::Chinese).contains("不是可读的数据库"));
    let err = Store::create(&file.location()).unwrap_err();
    assert!(matches!(err, StoreError::Corrupt { .. }), "{err}");
}

#[test]
fn a_server_that_cannot_be_reached_is_a_clear_error_with_the_password_masked() {
    let location: Location = "postgres://clerk:hunter2@127.0.0.1:1/zugong?connect_timeout=2"
        .parse()
        .unwrap();
    let err = Store::open(&location).unwrap_err();
    let text = err.to_string();
    assert!(matches!(err, StoreError::Database(_)), "{text}");
    assert!(text.contains("cannot connect"), "{text}");
    assert!(!text.contains("hunter2"), "{text}");
    assert!("ftp://x".parse::<Location>().is_err());
    assert!("".parse::<Location>().is_err());
}

#[test]
fn a_server_that_goes_away_mid_transaction_leaves_nothing_half_written() {
    let Some(server) = PostgresSchema::new() else {
        return;
    };
    let application = format!("zugong_victim_{}", uuid::Uuid::now_v7().simple());
    let location = server.location_named(&application);
    let mut store = Store::create(&location).unwrap();
    let j = name("tallies");
    let result = store.write(|tx| -> Result<(), StoreError> {
        tx.execute::<Tally>(&j, book(1), ExpectedVersion::NoStream, TallyCommand::Open, act(0), "建账", || 100)?;
        // The connection is cut between two commands of one transaction.
        server.admin(&format!(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '{application}'"
        ));
        tx.execute::<Tally>(&j, book(1), ExpectedVersion::Exactly(1), TallyCommand::Add(1), act(1), "增加", || 100)?;
        Ok(())
    });
    let err = result.unwrap_err();
    assert!(matches!(err, StoreError::Database(_)), "{err}");
    assert!(
        err.message(Language::Chinese).contains("已回滚"),
        "{}",
        err.message(Language::Chinese)
    );
    // The lost connection keeps failing clearly; a new one finds nothing of the transaction.
    assert!(store.journals().is_err());
    let mut fresh = Store::open(&location).unwrap();
    assert!(fresh.journals().unwrap().is_empty());
    assert!(fresh.read_from(0).unwrap().is_empty());
}

#[test]
fn journal_names_are_file_names() {
    assert!(JournalName::new("selection-2026.x_1").is_ok());
    for bad in ["", ".hidden", "a/b", "a b", "选拔", &"x".repeat(201)] {
        assert!(JournalName::new(bad).is_err(), "{bad:?}");
    }
    assert!(serde_json::from_str::<JournalName>("\"../x\"").is_err());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Any sequence of commands over a few streams, kept in a store and read back, is the
    /// journal an in-memory run of the same commands builds, entry for entry.
    #[test]
    fn a_store_holds_exactly_the_journal_its_commands_built(
        commands in proptest::collection::vec((0u128..4, 0u32..40, any::<bool>()), 1..40)
    ) {
        let file = SqliteFile::new();
        let mut store = Store::create(&file.location()).unwrap();
        let j = name("tallies");
        let mut memory = Journal::<Tally>::new();
        for (step, (stream, amount, open)) in commands.into_iter().enumerate() {
            let command = if open { TallyCommand::Open } else { TallyCommand::Add(amount) };
            let step = i64::try_from(step).unwrap();
            let in_memory = memory.execute(book(stream), command.clone(), act(step), "事由", &60);
            let in_store = store.execute::<Tally>(&j, book(stream), ExpectedVersion::Any, command, act(step), "事由", || 60);
            prop_assert_eq!(in_memory.is_ok(), in_store.is_ok());
        }
        let mut reopened = Store::open(&file.location()).unwrap();
        let stored = reopened.journal::<Tally>(&j, || 60).unwrap();
        prop_assert_eq!(stored.entries(), memory.entries());
        prop_assert_eq!(stored.head(), memory.head());
    }
}
