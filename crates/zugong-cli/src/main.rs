//! `zugong`: a county's organization-work year, from data files to a report.
//!
//! ```text
//! zugong report --sample                    the embedded sample county's report
//! zugong check DIR                          every problem in a dataset (file, line, field)
//! zugong report DIR --format html --out r.html
//! zugong generate --scale city --seed 7 --out DIR
//! zugong import ROSTERS --out DIR           CSV rosters (Chinese headers) → JSON Lines dataset
//! zugong scenario selection DIR --post ID   screen, rank, walk 动议 → 任前公示 (journaled)
//! zugong scenario rating DIR                a star-rating round for every branch (journaled)
//! zugong scenario training DIR              fallback training for everyone short (journaled)
//! zugong init county.db                     an empty store (SQLite file, or a postgres:// URL)
//! zugong import DIR --db county.db          a dataset into the store, in one transaction
//! zugong report --db county.db              check, report and scenarios take --db instead of DIR
//! zugong export --db county.db --out DIR    the store as a dataset folder, byte for byte
//! ```
//!
//! Exit codes: 0 done; 1 findings, when `--fail-on-findings` asks to fail on them; 2 bad input
//! (an invalid dataset, a bad argument, an output that would overwrite a file).

mod cli;
mod error;
mod help;
mod progress;
mod render;
mod sample;
mod scenario;

use std::process::ExitCode;
use std::sync::OnceLock;

use clap::{CommandFactory, FromArgMatches};
use zugong_dataset::lang::Lang;

/// The language the user asked for (`--lang`), read from the arguments before they are parsed.
static LANG: OnceLock<Lang> = OnceLock::new();

/// The language of this run (中文 unless `--lang en`): help, messages and reports.
pub(crate) fn lang() -> Lang {
    LANG.get().copied().unwrap_or_default()
}

fn main() -> ExitCode {
    let early = lang_from_args();
    let _ = LANG.set(early);
    // Every Text the libraries hand over (faults, refusals, findings) is shown in it.
    zugong_dataset::text::in_language(early, run)
}

fn run() -> ExitCode {
    // The language is known before the arguments are parsed, so that a refused argument
    // (a day out of range) is explained in it.
    let early = lang();
    progress::install();
    let command = help::localized(cli::Cli::command(), early);
    let args = match command
        .try_get_matches()
        .and_then(|m| cli::Cli::from_arg_matches(&m))
    {
        Ok(args) => args,
        Err(e) => e.exit(),
    };
    let lang = args.lang;
    match cli::run(args) {
        Ok(code) => code,
        Err(e) => {
            cli::tell(&format!(
                "{}: {}",
                lang.t("错误", "error"),
                e.describe(lang)
            ));
            ExitCode::from(e.exit_code())
        }
    }
}

/// `--lang X` or `--lang=X` from the command line, else `ZUGONG_LANG`, else Chinese: what
/// `Cli::parse` will find, read early for the messages of argument parsing itself.
fn lang_from_args() -> Lang {
    let args: Vec<String> = std::env::args().collect();
    let given = args
        .iter()
        .enumerate()
        .find_map(|(i, a)| match a.strip_prefix("--lang") {
            Some("") => args.get(i + 1).cloned(),
            Some(rest) => rest.strip_prefix('=').map(str::to_owned),
            None => None,
        })
        .or_else(|| std::env::var("ZUGONG_LANG").ok());
    given
        .and_then(|g| g.parse::<Lang>().ok())
        .unwrap_or(Lang::Zh)
}
