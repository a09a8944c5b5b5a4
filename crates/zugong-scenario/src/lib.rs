//! Lifecycles run over a department's dataset, each producing the journal of what happened —
//! who acted, when, under which authority, and why — as the `zugong scenario` commands record it
//! beside the tables (or in the store), where the report reads it back through `verify`:
//!
//! - [`selection`]: screen the whole pool for a post, rank it, and walk 动议 → 民主推荐 →
//!   考察 → 讨论决定 → 任前公示 (→ 任职);
//! - [`rating`]: the year's 评星定级 rounds, one per rating committee;
//! - [`training`]: 基层兜底 classes for every member short of their 学时;
//! - [`development`]: a cohort from 入党申请 to 转正.
//!
//! Every step is a command the domain crate's rules decide; a refused step stops the scenario
//! with the rule's message, and nothing the rules would refuse is ever in a journal.
//!
//! ```
//! use zugong_generate::{Scale, generate_in_memory};
//! use zugong_scenario::Until;
//! use zugong_scenario::selection::walk;
//!
//! let (data, _) = generate_in_memory(Scale::County, 7);
//! let mut faults = Vec::new();
//! let world = zugong_dataset::validate(data, &mut faults);
//! let on = world.manifest.as_of;
//! let w = walk(&world, None, Until::Publicity, on)?;
//! assert_eq!(w.stage, zugong_cadre::SelectionStage::Publicity);
//! // The journal verifies against the same rules that decided it.
//! let rules = world.rules();
//! let stored = w.journal.entries().to_vec();
//! let verified = zugong_core::journal::Journal::<zugong_cadre::Selection>::verify(
//!     stored,
//!     Some(w.journal.head()),
//!     |_| rules.selection(),
//! );
//! assert!(verified.is_ok());
//! # Ok::<(), zugong_dataset::DatasetError>(())
//! ```

pub mod development;
pub mod rating;
pub mod selection;
pub mod training;

use std::io::Write;
use std::path::Path;

use chrono::NaiveDate;
use zugong_core::Authority;
use zugong_core::journal::{ExecuteError, Journal, Lifecycle};

use zugong_dataset::DatasetError;
use zugong_dataset::act::act;
use zugong_dataset::journals::{HEADS_FILE, lines, read_heads, write_heads};
use zugong_dataset::text::Text;
use zugong_dataset::write_atomically;

/// How far a selection goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Until {
    /// 讨论决定.
    Decision,
    /// 任前公示 started (the selection stays in progress).
    Publicity,
    /// 任职 after the 公示 ends.
    Appointment,
}

impl Until {
    /// The name on the command line: `decision`, `publicity` or `appointment`.
    pub const fn code(self) -> &'static str {
        match self {
            Until::Decision => "decision",
            Until::Publicity => "publicity",
            Until::Appointment => "appointment",
        }
    }
}

/// A stopping point that is none of `decision`, `publicity`, `appointment`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown stopping point {given:?}: expected decision (讨论决定), publicity (任前公示) or appointment (任职)"
)]
pub struct UnknownUntil {
    /// What was given.
    pub given: String,
}

impl std::str::FromStr for Until {
    type Err = UnknownUntil;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "decision" | "讨论决定" => Ok(Until::Decision),
            "publicity" | "任前公示" => Ok(Until::Publicity),
            "appointment" | "任职" => Ok(Until::Appointment),
            _ => Err(UnknownUntil {
                given: s.to_owned(),
            }),
        }
    }
}

impl std::fmt::Display for Until {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// Issues `command` on `stream` as `authority` on `day`: the act's time is 09:00 plus the
/// journal's length in seconds, so the entries stay in order of time. A refusal comes back in
/// both languages, with its rule.
///
/// # Errors
/// The rule's refusal, or the journal's (an act out of order or out of the supported dates),
/// as a message in both languages with its citation.
pub fn issue<L: Lifecycle>(
    journal: &mut Journal<L>,
    stream: L::Id,
    command: L::Command,
    day: NaiveDate,
    authority: Authority,
    reason: &str,
    context: &L::Context<'_>,
) -> Result<Vec<L::Event>, Text> {
    let step = u32::try_from(journal.len()).unwrap_or(u32::MAX);
    journal
        .execute(stream, command, act(day, step, authority), reason, context)
        .map_err(|e| match e {
            ExecuteError::Refused(r) => Text::refusal(&r),
            ExecuteError::Journal(j) => Text::refusal(&j),
        })
}

/// Writes a journal's entries (one canonical JSON line each) to `path` and, when `path` is in
/// `DIR/journals/`, records its head in `journals/heads.json` so that a journal cut short,
/// extended or replaced is found.
///
/// # Errors
/// [`DatasetError::Io`] when the journal or `heads.json` cannot be written.
pub fn write_journal<L: Lifecycle>(
    dir: &Path,
    path: &Path,
    journal: &Journal<L>,
) -> Result<(), DatasetError> {
    write_atomically(path, |w| {
        for l in lines(journal) {
            w.write_all(l.as_bytes())?;
            w.write_all(b"\n")?;
        }
        Ok(())
    })
    .map_err(DatasetError::io(path))?;
    let folder = dir.join("journals");
    let inside = match (path.parent().map(Path::canonicalize), folder.canonicalize()) {
        (Some(Ok(p)), Ok(f)) => p == f,
        _ => false,
    };
    if let (true, Some(name)) = (inside, path.file_name()) {
        let mut heads = read_heads(dir).unwrap_or_default();
        heads.insert(name.to_string_lossy().into_owned(), journal.head());
        write_heads(dir, &heads).map_err(DatasetError::io(folder.join(HEADS_FILE)))?;
    }
    Ok(())
}
