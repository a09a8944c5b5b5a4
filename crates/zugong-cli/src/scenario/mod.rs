//! Scenario commands: lifecycles run on a dataset, each writing the journal of what happened
//! (who, when, what, why) to `DIR/journals/`, where the report reads it back.

pub(crate) mod development;
pub(crate) mod rating;
pub(crate) mod selection;
pub(crate) mod training;

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use clap::ValueEnum;
use zugong_core::Authority;
use zugong_core::journal::{ExecuteError, Journal, Lifecycle, Refusal};

use crate::act::act;
use crate::cli::{Data, JournalArgs};
use crate::dataset::World;
use crate::dataset::write_atomically;
use crate::error::CliError;
use crate::journals::Kind;
use crate::journals::{HEADS_FILE, language, lines, read_heads, write_heads};
use crate::lang::Lang;

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

/// Where a scenario's journal goes: a file (`--journal`, or `DIR/journals/NAME.jsonl`), or
/// the store (`--db`), as the new journal `NAME`.
#[derive(Debug)]
pub(crate) enum Target {
    /// A journal file of a dataset folder (or elsewhere, with `--journal`).
    File {
        /// The dataset folder.
        dir: PathBuf,
        /// The journal file.
        path: PathBuf,
    },
    /// A new journal in a store.
    Store {
        /// The store.
        db: String,
        /// The journal's name.
        name: String,
    },
}

impl Target {
    /// The target for journal `name` of the data `data`.
    ///
    /// # Errors
    /// As [`journal_path`].
    pub(crate) fn new(data: &Data, args: &JournalArgs, name: &str) -> Result<Self, CliError> {
        match data {
            Data::Folder(dir) => Ok(Self::File {
                dir: dir.clone(),
                path: journal_path(dir, args, name)?,
            }),
            Data::Store(db) => Ok(Self::Store {
                db: db.clone(),
                name: name.to_owned(),
            }),
        }
    }

    /// Records `journal` there: the file written atomically with its head, or the journal
    /// appended to the store in one transaction.
    ///
    /// # Errors
    /// I/O, or the store's refusal (a journal of that name already there).
    pub(crate) fn record<L: Kind>(
        &self,
        world: &World,
        journal: &Journal<L>,
        lang: Lang,
    ) -> Result<(), CliError>
    where
        Journal<L>: Send,
    {
        match self {
            Self::File { dir, path } => write_journal(dir, path, journal),
            Self::Store { db, name } => {
                let mut store = crate::database::open(db)?;
                crate::database::append_journal(&mut store, name, journal, world, lang)
            }
        }
    }
}

impl std::fmt::Display for Target {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::File { path, .. } => write!(f, "{}", path.display()),
            Self::Store { db, name } => {
                let shown = db
                    .parse::<zugong_store::Location>()
                    .map_or_else(|_| db.clone(), |l| l.to_string());
                write!(f, "{shown} → {name}")
            }
        }
    }
}

/// The journal file: `--journal`, or `DIR/journals/NAME.jsonl`. Never a table or a journal of
/// any dataset (`--force` included: history is extended by a new journal, never rewritten);
/// another existing file only with `--force`.
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
    if crate::cli::is_data_file(&path) {
        return Err(CliError::WouldOverwriteInput(path));
    }
    if path.exists() && !args.force {
        return Err(CliError::Exists(path));
    }
    Ok(path)
}

/// Issues `command` on `stream` as `authority` on `day`: the act's time is 09:00 plus the
/// journal's length in seconds, so the entries stay in order of time. A refusal comes back in
/// `lang`, with its rule.
#[allow(clippy::too_many_arguments)] // one command's parts: what, for whom, by whom, when, why
pub(crate) fn issue<L: Lifecycle>(
    journal: &mut Journal<L>,
    stream: L::Id,
    command: L::Command,
    day: NaiveDate,
    authority: Authority,
    reason: &str,
    context: &L::Context<'_>,
    lang: Lang,
) -> Result<Vec<L::Event>, String> {
    let step = u32::try_from(journal.len()).unwrap_or(u32::MAX);
    journal
        .execute(stream, command, act(day, step, authority), reason, context)
        .map_err(|e| match e {
            ExecuteError::Refused(r) => r.message(language(lang)),
            ExecuteError::Journal(j) => j.message(language(lang)),
        })
}

/// Writes a journal's entries (one canonical JSON line each) to `path` and, when `path` is in
/// `DIR/journals/`, records its head in `journals/heads.json` so that a journal cut short,
/// extended or replaced is found.
pub(crate) fn write_journal<L: Lifecycle>(
    dir: &Path,
    path: &Path,
    journal: &Journal<L>,
) -> Result<(), CliError> {
    write_atomically(path, |w| {
        for l in lines(journal) {
            w.write_all(l.as_bytes())?;
            w.write_all(b"\n")?;
        }
        Ok(())
    })
    .map_err(CliError::io(path))?;
    let folder = dir.join("journals");
    let inside = match (path.parent().map(Path::canonicalize), folder.canonicalize()) {
        (Some(Ok(p)), Ok(f)) => p == f,
        _ => false,
    };
    if let (true, Some(name)) = (inside, path.file_name()) {
        let mut heads = read_heads(dir).unwrap_or_default();
        heads.insert(name.to_string_lossy().into_owned(), journal.head());
        write_heads(dir, &heads).map_err(CliError::io(folder.join(HEADS_FILE)))?;
    }
    Ok(())
}
