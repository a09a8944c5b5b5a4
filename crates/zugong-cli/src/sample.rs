//! The embedded sample county: the county-scale synthetic dataset of seed [`SEED`], with a
//! selection in progress (in 任前公示 on the dataset's day) in its journals — what
//! `zugong report --sample` reports on, and what `zugong sample --out DIR` writes out.

use chrono::Duration;

use crate::dataset::{Dataset, JournalFile, World, validate};
use crate::error::CliError;
use crate::generate::{Scale, generate_in_memory};
use crate::scenario::Until;
use crate::scenario::selection::walk;

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
    let entries: Vec<serde_json::Value> = w
        .entries
        .iter()
        .filter_map(|e| serde_json::to_value(e).ok())
        .collect();
    data.journals.push(JournalFile {
        file: format!("journals/selection-{}.jsonl", w.post.id),
        lines: (1..=entries.len() as u64).collect(),
        entries,
    });
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
