//! The rating rounds and fallback classes that scenario commands journaled: replayed into
//! `RatingRound` and `TrainingClass`, so the report shows what was done beside what the tables
//! record.

use std::collections::BTreeMap;

use zugong_branch::{RatingEvent, RatingRound, RatingStage};
use zugong_core::journal::replay;
use zugong_training::{ClassEvent, ClassStatus, TrainingClass};

use crate::dataset::{JournalFile, World};
use crate::report::{FallbackRow, RatingJournalRow};
use crate::scenario::rating::RoundEntry;
use crate::scenario::training::ClassEntry;

fn of_kind<'w>(world: &'w World, prefix: &'w str) -> impl Iterator<Item = &'w JournalFile> + 'w {
    world.journals.iter().filter(move |j| {
        j.file
            .rsplit('/')
            .next()
            .is_some_and(|n| n.starts_with(prefix))
    })
}

/// The rating journals' rounds, replayed.
pub(super) fn rating_journals(world: &World) -> Vec<RatingJournalRow> {
    of_kind(world, "rating-")
        .map(|j| {
            let mut rounds: BTreeMap<uuid::Uuid, Vec<RatingEvent>> = BTreeMap::new();
            for e in j
                .entries
                .iter()
                .filter_map(|v| serde_json::from_value::<RoundEntry>(v.clone()).ok())
            {
                rounds
                    .entry(*e.round.as_uuid())
                    .or_default()
                    .push(e.entry.event);
            }
            let mut row = RatingJournalRow {
                journal: j.file.clone(),
                rounds: rounds.len() as u64,
                awarded: [0; 6],
                open: 0,
            };
            for events in rounds.values() {
                let round: RatingRound = replay(events);
                if round.stage() == RatingStage::Awarded {
                    if let Some(n) = row.awarded.get_mut(usize::from(round.stars().get())) {
                        *n += 1;
                    }
                } else {
                    row.open += 1;
                }
            }
            row
        })
        .collect()
}

/// The fallback-training journals' classes, replayed.
pub(super) fn fallback_journals(world: &World) -> Vec<FallbackRow> {
    of_kind(world, "training-")
        .map(|j| {
            let mut classes: BTreeMap<uuid::Uuid, Vec<ClassEvent>> = BTreeMap::new();
            for e in j
                .entries
                .iter()
                .filter_map(|v| serde_json::from_value::<ClassEntry>(v.clone()).ok())
            {
                classes
                    .entry(*e.class.as_uuid())
                    .or_default()
                    .push(e.entry.event);
            }
            let mut row = FallbackRow {
                journal: j.file.clone(),
                classes: classes.len() as u64,
                closed: 0,
                participants: 0,
                credited_hours: 0,
            };
            let mut tenths = 0u64;
            for events in classes.values() {
                let class: TrainingClass = replay(events);
                row.closed += u64::from(class.status() == ClassStatus::Closed);
                row.participants += class.participants().len() as u64;
                tenths += class
                    .participants()
                    .values()
                    .map(|p| u64::from(p.credited.tenths()))
                    .sum::<u64>();
            }
            row.credited_hours = tenths / 10;
            row
        })
        .collect()
}
