//! The embedded sample county: the county-scale synthetic dataset of seed [`SEED`], with a
//! selection in progress (in 任前公示 on the dataset's day) in its journals — what
//! `zugong report --sample` reports on, and what `zugong sample --out DIR` writes out.

use chrono::Duration;

use crate::error::CliError;
use zugong_dataset::journals::lines;
use zugong_dataset::{Dataset, JournalFile, JournalLine, World, validate};
use zugong_generate::{Scale, generate_in_memory};
use zugong_scenario::Until;
use zugong_scenario::selection::walk;

/// The sample's seed.
pub(crate) const SEED: u64 = 2026;

/// The sample dataset.
///
/// # Errors
/// Never in a released build (the tests check the sample is valid); a fault would be listed.
pub(crate) fn dataset() -> Result<Dataset, CliError> {
    let (mut data, _) = generate_in_memory(Scale::County, SEED);
    let mut faults = Vec::new();
    let world = validate(data.clone(), &mut faults);
    if !faults.is_empty() {
        return Err(CliError::InvalidDataset(faults));
    }
    // A selection moved three weeks before the dataset's day: in 任前公示 on that day.
    let on = world.manifest.as_of - Duration::days(20);
    let w = walk(&world, None, Until::Publicity, on)?;
    let name = format!("selection-{}.jsonl", w.post.id);
    data.journals.push(JournalFile {
        file: format!("journals/{name}"),
        lines: (1u64..)
            .zip(lines(&w.journal))
            .map(|(number, text)| JournalLine { number, text })
            .collect(),
    });
    data.journal_heads.insert(name, w.journal.head());
    Ok(data)
}

/// The sample, checked.
///
/// # Errors
/// As [`dataset`].
pub(crate) fn world() -> Result<World, CliError> {
    let data = dataset()?;
    let mut faults = Vec::new();
    let world = validate(data, &mut faults);
    if faults.is_empty() {
        Ok(world)
    } else {
        Err(CliError::InvalidDataset(faults))
    }
}
