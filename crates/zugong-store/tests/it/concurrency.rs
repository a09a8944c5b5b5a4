//! Eight writers, ten thousand commands, overlapping streams: every entry present exactly
//! once, every conflict told to its writer, the chain verifying afterwards.

use std::collections::BTreeSet;
use std::time::Instant;

use zugong_store::{AppendError, ExpectedVersion, JournalName, Store, StoreError};

use crate::on_both;
use crate::support::*;

const WRITERS: u128 = 8;
const COMMANDS: usize = 10_000;
const STREAMS: u128 = 12;

on_both! {
    fn eight_writers_lose_nothing_and_duplicate_nothing(b) {
        drop(b.create());
        let j = JournalName::new("tallies").unwrap();
        let location = b.location();
        let started = Instant::now();
        let per_writer = COMMANDS / WRITERS as usize;
        let results: Vec<(usize, usize)> = std::thread::scope(|scope| {
            let handles: Vec<_> = (0..WRITERS)
                .map(|w| {
                    let (location, j) = (location.clone(), j.clone());
                    scope.spawn(move || {
                        let mut store = Store::open(&location).unwrap();
                        let (mut done, mut conflicts) = (0usize, 0usize);
                        let mut k = 0u128;
                        while done < per_writer {
                            // Each writer walks the streams from its own start, so they meet.
                            let stream = book((w * 5 + k) % STREAMS);
                            k += 1;
                            let version = store.version(&j, stream).unwrap();
                            let command = if version == 0 { TallyCommand::Open } else { TallyCommand::Add(1) };
                            match store.execute::<Tally>(&j, stream, ExpectedVersion::read_at(version), command, act_same(), "并发写入", || u32::MAX) {
                                Ok(_) => done += 1,
                                Err(AppendError::Store(StoreError::Conflict { .. })) => conflicts += 1,
                                // A stream another writer opened first refuses a second
                                // opening: that is the same race, told by the rule.
                                Err(AppendError::Refused(TallyError::AlreadyOpen)) => conflicts += 1,
                                Err(e) => panic!("writer {w}: {e}"),
                            }
                        }
                        (done, conflicts)
                    })
                })
                .collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        });
        let seconds = started.elapsed().as_secs_f64();
        let done: usize = results.iter().map(|r| r.0).sum();
        let conflicts: usize = results.iter().map(|r| r.1).sum();
        assert_eq!(done, COMMANDS);
        let mut store = Store::open(&location).unwrap();
        let entries = store.read_from(0).unwrap();
        assert_eq!(entries.len(), COMMANDS, "every accepted command once");
        let keys: BTreeSet<(String, u64)> = entries.iter().map(|e| (e.stream.clone(), e.sequence)).collect();
        assert_eq!(keys.len(), COMMANDS, "no entry twice");
        assert_eq!(store.check_order().unwrap(), COMMANDS as u64);
        let journal = store.journal::<Tally>(&j, || u32::MAX).unwrap();
        let total: u64 = journal.streams().map(|(_, t)| u64::from(t.total) + 1).sum();
        assert_eq!(total, COMMANDS as u64, "opens and adds add up to the commands accepted");
        eprintln!(
            "{}: {COMMANDS} commands by {WRITERS} writers in {seconds:.2} s ({:.0} commands/s), {conflicts} conflicts reported and retried",
            b.name(),
            COMMANDS as f64 / seconds
        );
    }
}
