//! Scenario commands: lifecycles run on a dataset, each writing the journal of what happened
//! (who, when, what, why) to `DIR/journals/`, where the report reads it back.

pub(crate) mod rating;
pub(crate) mod selection;
pub(crate) mod training;

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::ValueEnum;
use serde::Serialize;

use crate::cli::JournalArgs;
use crate::dataset::write_atomically;
use crate::error::CliError;

/// How far a selection goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Until {
    /// 讨论决定.
    Decision,
    /// 任前公示 started (the selection stays in progress).
    Publicity,
    /// 任职 after the 公示 ends.
    Appointment,
}

/// The journal file: `--journal`, or `DIR/journals/NAME.jsonl`; refused if it exists and
/// `--force` was not given.
pub(crate) fn journal_path(
    dir: &Path,
    args: &JournalArgs,
    name: &str,
) -> Result<PathBuf, CliError> {
    let path = match &args.journal {
        Some(p) => p.clone(),
        None => {
            let folder = dir.join("journals");
            std::fs::create_dir_all(&folder).map_err(CliError::io(&folder))?;
            folder.join(format!("{name}.jsonl"))
        }
    };
    if crate::cli::is_dataset_file(dir, &path) && args.journal.is_some() {
        return Err(CliError::WouldOverwriteInput(path));
    }
    if path.exists() && !args.force {
        return Err(CliError::Exists(path));
    }
    Ok(path)
}

/// Writes journal lines (one JSON value each).
pub(crate) fn write_journal<T: Serialize>(path: &Path, lines: &[T]) -> Result<(), CliError> {
    write_atomically(path, |w| {
        for l in lines {
            serde_json::to_writer(&mut *w, l)?;
            w.write_all(b"\n")?;
        }
        Ok(())
    })
    .map_err(CliError::io(path))
}
