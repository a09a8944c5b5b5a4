//! The command line: arguments, and what each command does with them.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use chrono::NaiveDate;
use clap::builder::{PossibleValuesParser, TypedValueParser as _};
use clap::{Parser, Subcommand, ValueEnum};
use zugong_scenario::Until;

use crate::error::CliError;
use crate::{render, sample, scenario};
use zugong_dataset::lang::Lang;
use zugong_dataset::{self as dataset, Fault, FaultKind, World, load, validate, write_dataset};
use zugong_generate::{self as generate, Scale};

/// zugong (组工): a county's organization-work year, from data files to a report.
///
/// Reads a dataset folder (JSON Lines, or CSV rosters with Chinese headers), checks it, reports
/// on five-star branches, training, cadres and quotas, talents and the burden on villages, and
/// runs the lifecycles (selection, star rating, fallback training) writing their journals.
///
/// Exit codes: 0 done; 1 findings when --fail-on-findings asks; 2 bad input.
#[derive(Debug, Parser)]
#[command(name = "zugong", version, about, long_about)]
pub(crate) struct Cli {
    /// Language of messages and reports (中文 or English).
    #[arg(long, global = true, default_value_t = Lang::Zh, env = "ZUGONG_LANG",
        value_parser = PossibleValuesParser::new(["zh", "en"]).try_map(|s| s.parse::<Lang>()))]
    pub(crate) lang: Lang,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check a dataset: list every problem with its file, line and field (exit 2 if any).
    Check {
        /// The dataset folder (or an Excel workbook); omit with --db.
        #[arg(required_unless_present = "db")]
        dir: Option<PathBuf>,
        /// Check the dataset a store holds instead (an SQLite file or a postgres:// URL).
        #[arg(long, conflicts_with = "dir", env = "ZUGONG_DB")]
        db: Option<String>,
        /// How to print the problems.
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    /// The organization-work report of a dataset, or of the embedded sample county.
    Report {
        /// The dataset folder (omit with --sample or --db).
        #[arg(required_unless_present_any = ["sample", "db"])]
        dir: Option<PathBuf>,
        /// Report on the embedded sample county instead of a folder.
        #[arg(long, conflicts_with_all = ["dir", "db"])]
        sample: bool,
        /// Report on the dataset a store holds (an SQLite file or a postgres:// URL).
        #[arg(long, conflicts_with = "dir")]
        db: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = render::Format::Text)]
        format: render::Format,
        /// Write to this file instead of standard output.
        #[arg(long)]
        out: Option<PathBuf>,
        /// Replace an existing output file.
        #[arg(long)]
        force: bool,
        /// Exit 1 when the report has findings.
        #[arg(long)]
        fail_on_findings: bool,
    },
    /// Generate a synthetic dataset (fictional names), deterministic per seed.
    Generate {
        /// County (≈3,700 members), city (≈44,000) or province (≈4,900,000 members,
        /// 290,000 branches, 950,000 cadres).
        #[arg(long, value_parser = PossibleValuesParser::new(Scale::ALL.map(Scale::code)).try_map(|s| s.parse::<Scale>()))]
        scale: Scale,
        /// The seed: the same seed gives the same dataset.
        #[arg(long, default_value_t = 2026)]
        seed: u64,
        /// The folder to write (created if needed).
        #[arg(long)]
        out: PathBuf,
        /// Replace a dataset already in the folder.
        #[arg(long)]
        force: bool,
    },
    /// Write the embedded sample county as a dataset folder, to read the format or start from.
    Sample {
        /// The folder to write (created if needed).
        #[arg(long)]
        out: PathBuf,
        /// Replace a dataset already in the folder.
        #[arg(long)]
        force: bool,
        /// The form of the tables: JSON Lines, or CSV with Chinese headers (a starting point to
        /// edit in a spreadsheet and bring back with `zugong import`).
        #[arg(long, value_enum, default_value_t = SampleFormat::Jsonl)]
        format: SampleFormat,
    },
    /// Import a folder of rosters (CSV with Chinese or English headers, or JSON Lines), a
    /// dataset folder or an Excel workbook into a checked JSON Lines dataset (--out) or into a
    /// store (--db, in one transaction); the rosters are only read.
    Import {
        /// The folder of rosters, with its dataset.json (or a workbook).
        from: PathBuf,
        /// The dataset folder to write.
        #[arg(long, required_unless_present = "db", conflicts_with = "db")]
        out: Option<PathBuf>,
        /// The store to import into (an SQLite file or a postgres:// URL; create it with
        /// `zugong init`).
        #[arg(long)]
        db: Option<String>,
        /// --out: let the dataset go into a folder that has other files. --db: replace the
        /// tables of a store that already holds a dataset (journals are kept and extended).
        #[arg(long)]
        force: bool,
    },
    /// Create an empty store: an SQLite file (embedded, nothing else needed), or the zugong
    /// tables in a PostgreSQL database (postgres://USER@HOST:PORT/DATABASE).
    Init {
        /// The SQLite file to create, or a postgres:// URL.
        db: String,
    },
    /// Write the dataset a store holds as a dataset folder (tables, journals, heads,
    /// manifest): byte for byte the folder that was imported, where nothing changed since.
    Export {
        /// The store (an SQLite file or a postgres:// URL).
        #[arg(long)]
        db: String,
        /// The folder to write (created if needed).
        #[arg(long)]
        out: PathBuf,
        /// Let the dataset go into a folder that has other files.
        #[arg(long)]
        force: bool,
    },
    /// Run a lifecycle on a dataset and write its journal to DIR/journals/.
    #[command(subcommand)]
    Scenario(ScenarioCommand),
}

#[derive(Debug, Subcommand)]
enum ScenarioCommand {
    /// 选拔任用: screen the whole pool for a post, rank it, then walk 动议 → 民主推荐 → 考察 →
    /// 讨论决定 → 任前公示 (→ 任职 with --until appointment).
    Selection {
        /// The dataset folder (omit with --db).
        #[arg(required_unless_present = "db")]
        dir: Option<PathBuf>,
        /// The post (its id); the first vacant post when omitted.
        #[arg(long)]
        post: Option<String>,
        /// How far to go.
        #[arg(long, default_value_t = Until::Publicity,
            value_parser = PossibleValuesParser::new(["decision", "publicity", "appointment"]).try_map(|s| s.parse::<Until>()))]
        until: Until,
        /// The day of the motion (the dataset's day when omitted).
        #[arg(long, value_parser = parse_day)]
        on: Option<NaiveDate>,
        #[command(flatten)]
        journal: JournalArgs,
    },
    /// 星级评定: a rating round (自评 → 审核 → 审定 → 公示 → 授星) for every branch under a unit.
    Rating {
        /// The dataset folder (omit with --db).
        #[arg(required_unless_present = "db")]
        dir: Option<PathBuf>,
        /// The unit whose branches are rated (its id or name); the first town when omitted.
        #[arg(long)]
        scope: Option<String>,
        /// The day the round opens (the dataset's day when omitted).
        #[arg(long, value_parser = parse_day)]
        on: Option<NaiveDate>,
        #[command(flatten)]
        journal: JournalArgs,
    },
    /// 发展党员: two applicants in every branch under a unit taken from 入党申请 to 转正 over two
    /// years of the calendar, every step by its body within its deadlines.
    Development {
        /// The dataset folder (omit with --db).
        #[arg(required_unless_present = "db")]
        dir: Option<PathBuf>,
        /// The unit (id or exact name); the first town committee when omitted.
        #[arg(long)]
        scope: Option<String>,
        /// The day the applications are received (the dataset's day when omitted).
        #[arg(long, value_parser = parse_day)]
        on: Option<NaiveDate>,
        #[command(flatten)]
        journal: JournalArgs,
    },
    /// 兜底培训: plan fallback classes for every member short of their 学时, run them, and
    /// record the 学时.
    Training {
        /// The dataset folder (omit with --db).
        #[arg(required_unless_present = "db")]
        dir: Option<PathBuf>,
        /// The day the classes start (a week after the dataset's day when omitted).
        #[arg(long, value_parser = parse_day)]
        on: Option<NaiveDate>,
        #[command(flatten)]
        journal: JournalArgs,
    },
}

/// A day on the command line, in the forms the tables take (`2026-11-30`, `2026/11/30`,
/// `2026年11月30日`) and within the supported dates (1900–2200): a day outside is refused
/// here, before any period is counted from it.
fn parse_day(text: &str) -> Result<NaiveDate, String> {
    <NaiveDate as zugong_dataset::cell::Field>::from_cell(
        text,
        &zugong_dataset::cell::Refs::default(),
    )
    .map_err(|message| message.get(crate::lang()).to_owned())
}

/// Where a scenario's journal goes.
#[derive(Debug, clap::Args)]
pub(crate) struct JournalArgs {
    /// The journal file (default: DIR/journals/KIND-….jsonl).
    #[arg(long)]
    pub(crate) journal: Option<PathBuf>,
    /// Replace an existing file that is not part of a dataset (a table or a journal of a
    /// dataset is never replaced).
    #[arg(long)]
    pub(crate) force: bool,
    /// Run on the dataset a store holds and append the journal to it, in one transaction
    /// (an SQLite file or a postgres:// URL).
    #[arg(long, conflicts_with = "journal")]
    pub(crate) db: Option<String>,
}

/// The form `sample` writes its tables in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum SampleFormat {
    /// JSON Lines (`TABLE.jsonl`), the dataset's own form.
    Jsonl,
    /// CSV with Chinese headers (`TABLE.csv`).
    Csv,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ListFormat {
    /// One problem a line.
    Text,
    /// A JSON array.
    Json,
}

/// Where a command's data are.
#[derive(Debug, Clone)]
pub(crate) enum Data {
    /// A dataset folder (or an Excel workbook).
    Folder(PathBuf),
    /// A store (an SQLite file or a postgres:// URL).
    Store(String),
}

impl Data {
    /// The data named by a folder argument or a `--db`.
    fn of(dir: Option<PathBuf>, db: Option<String>) -> Result<Self, CliError> {
        match (dir, db) {
            (_, Some(db)) => Ok(Self::Store(db)),
            (Some(dir), None) => Ok(Self::Folder(dir)),
            (None, None) => Err(CliError::BadArgument(zugong_dataset::text!(
                "请给出数据集文件夹或 --db",
                "give a dataset folder or --db"
            ))),
        }
    }
}

/// Reads the data's dataset (faults collected; `None` when there is none to speak of).
fn load_data(data: &Data, faults: &mut Vec<Fault>) -> Option<dataset::Dataset> {
    match data {
        Data::Folder(dir) => load(dir, faults),
        Data::Store(db) => match zugong_dataset::database::open(db) {
            Ok(mut store) => dataset::load_store(&mut store, faults),
            Err(e) => {
                let message = zugong_dataset::text::Text::from_fn(|lang| e.describe(lang));
                faults.push(Fault::file(FaultKind::Unreadable, db.clone(), message));
                None
            }
        },
    }
}

/// Loads and checks the data's dataset.
///
/// # Errors
/// [`CliError::InvalidDataset`] with every fault; [`CliError::Store`] when the store cannot
/// be opened.
pub(crate) fn load_world_from(data: &Data) -> Result<World, CliError> {
    let mut faults = Vec::new();
    let loaded = match data {
        Data::Folder(dir) => load(dir, &mut faults),
        Data::Store(db) => {
            dataset::load_store(&mut zugong_dataset::database::open(db)?, &mut faults)
        }
    };
    let Some(data) = loaded else {
        return Err(CliError::InvalidDataset(faults));
    };
    note_warnings(&data.warnings);
    let world = validate(data, &mut faults);
    if faults.is_empty() {
        Ok(world)
    } else {
        Err(CliError::InvalidDataset(faults))
    }
}

/// Writes a line to standard error; a closed stream ends the line quietly (no panic).
pub(crate) fn tell(text: &str) {
    use std::io::Write as _;
    let mut err = std::io::stderr().lock();
    let text = zugong_dataset::privacy::mask(text);
    let _ = writeln!(err, "{}", zugong_dataset::privacy::printable(&text));
}

/// Notes that did not stop the dataset from being read, on standard error.
fn note_warnings(warnings: &[Fault]) {
    let lang = crate::lang();
    for w in warnings {
        tell(&format!("{} {w}", lang.t("提示：", "note:")));
    }
}

/// Writes a dataset folder at `dir` through `write` (which fills an empty staging folder),
/// replacing whatever dataset `dir` holds as one step: a reader sees the old dataset or the
/// new one, never tables of both, never a table the new one lacks (see
/// `zugong_dataset::replace_dataset`). A folder that holds anything needs `force`; the old
/// dataset's journals and other files are kept.
pub(crate) fn write_dataset_folder(
    dir: &Path,
    force: bool,
    write: impl FnOnce(&Path) -> Result<(), CliError>,
) -> Result<(), CliError> {
    zugong_dataset::recover_replacement(dir).map_err(CliError::io(dir))?;
    if dir.exists() && !dir.is_dir() {
        return Err(CliError::Exists(dir.to_path_buf()));
    }
    let occupied = std::fs::read_dir(dir).is_ok_and(|mut d| d.next().is_some());
    if occupied && !force {
        return Err(CliError::Exists(dir.to_path_buf()));
    }
    let mut failure = None;
    zugong_dataset::replace_dataset(dir, |staging| {
        write(staging).map_err(|e| {
            let text = e.to_string();
            failure = Some(e);
            std::io::Error::other(text)
        })
    })
    .map_err(|e| failure.take().unwrap_or_else(|| CliError::io(dir)(e)))
}

/// Whether `path` is a file of some dataset: its manifest or a table (a `.jsonl` or `.csv`
/// file beside a `dataset.json`), or an existing file of its `journals/` folder (a journal,
/// the heads). No output may be written there, `--force` included; a new journal may be.
pub(crate) fn is_data_file(path: &Path) -> bool {
    let Some(name) = path.file_name() else {
        return false;
    };
    let parent = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let Ok(parent) = parent.canonicalize() else {
        return false;
    };
    let name = name.to_string_lossy();
    let table = name == "dataset.json" || name.ends_with(".jsonl") || name.ends_with(".csv");
    if table && parent.join("dataset.json").is_file() {
        return true;
    }
    let journal = path.exists() || name == zugong_dataset::journals::HEADS_FILE;
    journal
        && parent.file_name().is_some_and(|n| n == "journals")
        && parent
            .parent()
            .is_some_and(|d| d.join("dataset.json").is_file())
}

/// Whether `path` is one of the input files read from `dir` (a table in it, even without a
/// manifest — a folder of rosters — or anything under its `journals/`).
fn is_input_file(dir: &Path, path: &Path) -> bool {
    let (Ok(dir), Some(name)) = (dir.canonicalize(), path.file_name()) else {
        return false;
    };
    let parent = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let Ok(parent) = parent.canonicalize() else {
        return false;
    };
    let name = name.to_string_lossy();
    let table = name == "dataset.json" || name.ends_with(".jsonl") || name.ends_with(".csv");
    (parent == dir && table) || parent.starts_with(dir.join("journals"))
}

/// Writes `content` to `out` (atomically, never over a dataset file, over another file only
/// with `force`) or to standard output.
pub(crate) fn write_output(
    out: Option<&Path>,
    inputs: Option<&Path>,
    force: bool,
    content: &str,
) -> Result<(), CliError> {
    // Whatever was missed at the source, no ID or phone number leaves the binary whole.
    let content = zugong_dataset::privacy::mask(content);
    match out {
        None => {
            let content = zugong_dataset::privacy::printable(&content);
            let mut stdout = std::io::stdout().lock();
            match stdout
                .write_all(content.as_bytes())
                .and_then(|()| stdout.flush())
            {
                // A reader that stopped early (`| head`) is not an error.
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
                other => other.map_err(CliError::io("<stdout>")),
            }
        }
        Some(path) => {
            if is_data_file(path) || inputs.is_some_and(|dir| is_input_file(dir, path)) {
                return Err(CliError::WouldOverwriteInput(path.to_path_buf()));
            }
            if path.exists() && !force {
                return Err(CliError::Exists(path.to_path_buf()));
            }
            dataset::write_atomically(path, |w| w.write_all(content.as_bytes()))
                .map_err(CliError::io(path))
        }
    }
}

/// Runs a command.
///
/// # Errors
/// Whatever the command could not do.
pub(crate) fn run(args: Cli) -> Result<ExitCode, CliError> {
    let lang = args.lang;
    match args.command {
        Command::Check { dir, db, format } => {
            let data = Data::of(dir, db)?;
            let mut faults: Vec<Fault> = Vec::new();
            let mut warnings: Vec<Fault> = Vec::new();
            let counts = load_data(&data, &mut faults).map(|data| {
                warnings.clone_from(&data.warnings);
                let world = validate(data, &mut faults);
                // Journals that do not verify are problems of the dataset too.
                faults.extend(world.records.failures.iter().map(|f| f.fault()));
                (world.tree.len(), world.members.len(), world.cadres.len())
            });
            match format {
                ListFormat::Json => {
                    let text = serde_json::to_string_pretty(&faults)
                        .map_err(|e| CliError::BadArgument(e.to_string().into()))?;
                    write_output(None, None, false, &(text + "\n"))?;
                }
                ListFormat::Text => {
                    let mut text = String::new();
                    for w in &warnings {
                        text.push_str(lang.t("提示：", "note: "));
                        text.push_str(&w.to_string());
                        text.push('\n');
                    }
                    for f in &faults {
                        text.push_str(&f.to_string());
                        text.push('\n');
                    }
                    if faults.is_empty() {
                        let (units, members, cadres) = counts.unwrap_or_default();
                        text.push_str(&match lang {
                            Lang::Zh => format!("✓ 数据集无问题：{units} 个组织，{members} 名党员，{cadres} 名干部\n"),
                            Lang::En => format!("✓ no problems: {units} units, {members} members, {cadres} cadres\n"),
                        });
                    } else {
                        text.push_str(&match lang {
                            Lang::Zh => format!("✗ 共 {} 处问题\n", faults.len()),
                            Lang::En => format!("✗ {} problem(s)\n", faults.len()),
                        });
                    }
                    write_output(None, None, false, &text)?;
                }
            }
            Ok(if faults.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(2)
            })
        }
        Command::Report {
            dir,
            sample: use_sample,
            db,
            format,
            out,
            force,
            fail_on_findings,
        } => {
            let world = match (&dir, use_sample) {
                (_, true) => sample::world()?,
                _ => load_world_from(&Data::of(dir.clone(), db)?)?,
            };
            let report = zugong_report::build(&world);
            let text = render::render(&report, format, lang);
            write_output(out.as_deref(), dir.as_deref(), force, &text)?;
            Ok(if fail_on_findings && !report.findings.is_empty() {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Generate {
            scale,
            seed,
            out,
            force,
        } => {
            let started = Instant::now();
            let mut counts = generate::Counts::default();
            write_dataset_folder(&out, force, |staging| {
                counts = generate::generate_to(staging, scale, seed).map_err(CliError::io(&out))?;
                Ok(())
            })?;
            let secs = started.elapsed().as_secs_f64();
            let c = counts;
            let (units, branches, members, attendance, cadres, talents) = (
                c.units,
                c.branches,
                c.members,
                c.attendance,
                c.cadres,
                c.talents,
            );
            let dir = out.display();
            tell(&match lang {
                Lang::Zh => format!(
                    "已生成 {dir}：{units} 个组织，{branches} 个评星支部，{members} 名党员，{attendance} 条参训记录，{cadres} 名干部，{talents} 名人才（{secs:.1} 秒）"
                ),
                Lang::En => format!(
                    "generated {dir}: {units} units, {branches} rated branches, {members} members, {attendance} attendance rows, {cadres} cadres, {talents} talents ({secs:.1} s)"
                ),
            });
            Ok(ExitCode::SUCCESS)
        }
        Command::Sample { out, force, format } => {
            let data = sample::dataset()?;
            write_dataset_folder(&out, force, |staging| {
                match format {
                    SampleFormat::Jsonl => write_dataset(staging, &data),
                    SampleFormat::Csv => zugong_dataset::write_csv_dataset(staging, &data),
                }
                .map_err(CliError::io(&out))
            })?;
            tell(&format!(
                "{} {}",
                lang.t("示例县已写入", "sample county written to"),
                out.display()
            ));
            Ok(ExitCode::SUCCESS)
        }
        Command::Import {
            from,
            out,
            db,
            force,
        } => {
            if out
                .as_ref()
                .is_some_and(|out| from.canonicalize().ok() == out.canonicalize().ok())
            {
                return Err(CliError::BadArgument(
                    lang.t(
                        "导出目录不能是导入目录",
                        "--out must be another folder than the rosters",
                    )
                    .into(),
                ));
            }
            let mut faults = Vec::new();
            let data = load(&from, &mut faults);
            let Some(data) = data else {
                return Err(CliError::InvalidDataset(faults));
            };
            note_warnings(&data.warnings);
            match (out, db) {
                (_, Some(db)) => {
                    // Checked inside the store's transaction: the records are held once.
                    let mut store = zugong_dataset::database::open(&db)?;
                    let done = zugong_dataset::database::import(&mut store, &from, data, force)?;
                    let (tables, rows, entries) = (done.tables, done.rows, done.entries);
                    tell(&match lang {
                        Lang::Zh => format!(
                            "已导入 {} → {}：{tables} 张表 {rows} 行，日志新增 {entries} 条",
                            from.display(),
                            store.location()
                        ),
                        Lang::En => format!(
                            "imported {} → {}: {tables} tables, {rows} rows, {entries} new journal entries",
                            from.display(),
                            store.location()
                        ),
                    });
                }
                (Some(out), None) => {
                    let _ = validate(data.clone(), &mut faults);
                    if !faults.is_empty() {
                        return Err(CliError::InvalidDataset(faults));
                    }
                    write_dataset_folder(&out, force, |staging| {
                        write_dataset(staging, &data).map_err(CliError::io(&out))
                    })?;
                    tell(&format!(
                        "{} {} → {}",
                        lang.t("已导入", "imported"),
                        from.display(),
                        out.display()
                    ));
                }
                (None, None) => {
                    return Err(CliError::BadArgument(
                        lang.t("请给出 --out 或 --db", "give --out or --db").into(),
                    ));
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Init { db } => {
            let store = zugong_dataset::database::create(&db)?;
            tell(&format!(
                "{} {}",
                lang.t("已新建数据库", "store created at"),
                store.location()
            ));
            Ok(ExitCode::SUCCESS)
        }
        Command::Export { db, out, force } => {
            let mut store = zugong_dataset::database::open(&db)?;
            write_dataset_folder(&out, force, |staging| {
                zugong_dataset::database::export(&mut store, staging)
            })?;
            tell(&format!(
                "{} {} → {}",
                lang.t("已导出", "exported"),
                store.location(),
                out.display()
            ));
            Ok(ExitCode::SUCCESS)
        }
        Command::Scenario(s) => match s {
            ScenarioCommand::Selection {
                dir,
                post,
                until,
                on,
                journal,
            } => scenario::selection(
                &Data::of(dir, journal.db.clone())?,
                post.as_deref(),
                until,
                on,
                &journal,
                lang,
            ),
            ScenarioCommand::Rating {
                dir,
                scope,
                on,
                journal,
            } => scenario::rating(
                &Data::of(dir, journal.db.clone())?,
                scope.as_deref(),
                on,
                &journal,
                lang,
            ),
            ScenarioCommand::Training { dir, on, journal } => {
                scenario::training(&Data::of(dir, journal.db.clone())?, on, &journal, lang)
            }
            ScenarioCommand::Development {
                dir,
                scope,
                on,
                journal,
            } => scenario::development(
                &Data::of(dir, journal.db.clone())?,
                scope.as_deref(),
                on,
                &journal,
                lang,
            ),
        },
    }
}
