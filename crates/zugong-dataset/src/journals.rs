//! The journals of a dataset (`DIR/journals/*.jsonl`): the kinds this build knows, the heads
//! the dataset records for them (`journals/heads.json`), the stream ids the scenarios give,
//! and the one way every reader takes them — [`Journal::verify`], deciding every recorded
//! command again against the dataset's own tree, calendar, quotas, rubric and policies.
//!
//! History that does not verify is a [`JournalFailure`] (the file, the line, the stream and
//! the rule), never a fact: the report lists it as a finding and leaves the journal out.

use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

use serde::Serialize;
use sha2::{Digest as _, Sha256};
use zugong_branch::{RatingContext, RatingRound, Rubric};
use zugong_cadre::{CadreFiles, QuotaBook, Selection, SelectionContext, SelectionPolicy};
use zugong_core::citation::sources;
use zugong_core::journal::{Digest, Entry, Journal, Lifecycle, Refusal};
use zugong_core::{CoManagementPolicy, InstitutionRegistry, ManagementList, OrgTree, WorkCalendar};
use zugong_member::{Development, DevelopmentContext, DevelopmentPlans, DevelopmentPolicy};
use zugong_training::{ClassContext, TrainingClass, TrainingPolicy};

use crate::text::{Text, text};
use crate::{JournalFile, write_atomically};

/// The file, inside `journals/`, where the dataset records each journal's head (the digest of
/// its last entry) as the scenario that wrote it left it: a journal cut short, extended or
/// replaced no longer matches.
pub const HEADS_FILE: &str = "heads.json";

/// The kinds of journal this build knows, by the prefix of their file names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum JournalKind {
    /// `selection-…`: 选拔任用 (`zugong_cadre::Selection`).
    Selection,
    /// `rating-…`: 星级评定 rounds (`zugong_branch::RatingRound`).
    Rating,
    /// `training-…`: 培训班次 (`zugong_training::TrainingClass`).
    Training,
    /// `development-…`: 发展党员 (`zugong_member::Development`).
    Development,
}

impl JournalKind {
    /// Every kind.
    pub const ALL: [JournalKind; 4] = [
        Self::Selection,
        Self::Rating,
        Self::Training,
        Self::Development,
    ];

    /// The prefix of its files' names.
    pub const fn prefix(self) -> &'static str {
        match self {
            Self::Selection => "selection-",
            Self::Rating => "rating-",
            Self::Training => "training-",
            Self::Development => "development-",
        }
    }

    /// The kind of the journal file `file` (a path or a bare name), by its name's prefix.
    pub fn of(file: &str) -> Option<Self> {
        let name = file.rsplit('/').next().unwrap_or(file);
        Self::ALL.into_iter().find(|k| name.starts_with(k.prefix()))
    }
}

/// A stream id the CLI gives an instance: derived from the kind and what names the instance
/// (a post and the day its selection was moved; a branch and a year; a class plan), so the
/// same instance gets the same id in every run and a copied journal is recognised.
pub fn stream_uuid(kind: JournalKind, parts: &[&[u8]]) -> uuid::Uuid {
    let mut hash = Sha256::new();
    hash.update(kind.prefix().as_bytes());
    for p in parts {
        hash.update((p.len() as u64).to_be_bytes());
        hash.update(p);
    }
    let digest = hash.finalize();
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(digest.get(..16).unwrap_or(&[0; 16]));
    uuid::Builder::from_custom_bytes(bytes).into_uuid()
}

/// The rules the dataset's journals are decided against: the dataset's own tree, calendar,
/// quota book, rubric and the national policies.
pub struct Rules<'w> {
    tree: &'w OrgTree,
    registry: &'w InstitutionRegistry,
    management: &'w ManagementList,
    co_management: CoManagementPolicy,
    calendar: WorkCalendar,
    selection: SelectionPolicy,
    quota: QuotaBook,
    rubric: Option<&'w Rubric>,
    training: TrainingPolicy,
    development: DevelopmentPolicy,
    plans: DevelopmentPlans,
    files: CadreFiles,
}

impl<'w> Rules<'w> {
    /// The rules of a dataset.
    pub fn new(
        tree: &'w OrgTree,
        registry: &'w InstitutionRegistry,
        management: &'w ManagementList,
        quota: QuotaBook,
        rubric: Option<&'w Rubric>,
        files: CadreFiles,
    ) -> Self {
        Self {
            tree,
            registry,
            management,
            co_management: CoManagementPolicy::default(),
            calendar: WorkCalendar::official(),
            selection: SelectionPolicy::default(),
            quota,
            rubric,
            training: TrainingPolicy::default(),
            development: DevelopmentPolicy::default(),
            plans: DevelopmentPlans::default(),
            files,
        }
    }

    /// A selection's context.
    pub fn selection(&self) -> SelectionContext<'_> {
        SelectionContext {
            tree: self.tree,
            registry: self.registry,
            management: self.management,
            co_management: &self.co_management,
            policy: &self.selection,
            calendar: &self.calendar,
            quota: &self.quota,
            files: &self.files,
        }
    }

    /// A rating round's context (`None`: the dataset has no rubric).
    pub fn rating(&self) -> Option<RatingContext<'_>> {
        Some(RatingContext {
            tree: self.tree,
            rubric: self.rubric?,
            calendar: &self.calendar,
        })
    }

    /// A development path's context (no 发展党员计划 in the dataset yet: none is checked).
    pub fn development(&self) -> DevelopmentContext<'_> {
        DevelopmentContext {
            tree: self.tree,
            policy: &self.development,
            plans: &self.plans,
            calendar: &self.calendar,
        }
    }

    /// A training class's context.
    pub fn class(&self) -> ClassContext<'_> {
        ClassContext {
            tree: self.tree,
            policy: &self.training,
        }
    }
}

/// A journal that verified: its file and the journal rebuilt from its entries.
#[derive(Debug)]
pub struct Verified<L: Lifecycle> {
    /// The file, relative to the dataset folder.
    pub file: String,
    /// The journal as re-decided.
    pub journal: Journal<L>,
}

/// A journal (or one of its lines) that does not verify: where, which stream, which rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct JournalFailure {
    /// The file, relative to the dataset folder.
    pub file: String,
    /// The line of the entry found wrong (`None`: the whole journal).
    pub line: Option<u64>,
    /// The stream of that entry.
    pub stream: Option<String>,
    /// The rule that refused it.
    pub citation: String,
    /// What was wrong and what would be accepted, in both languages.
    pub message: Text,
}

impl JournalFailure {
    /// The failure as a fault of the dataset ([`FaultKind::Journal`](crate::FaultKind)): its
    /// file and line, its message with the rule's citation (added where the message does not
    /// already name it).
    pub fn fault(&self) -> crate::Fault {
        let message = if self
            .message
            .get(crate::lang::Lang::Zh)
            .contains(&self.citation)
        {
            self.message.clone()
        } else {
            self.message.map(|m| format!("{m} ({})", self.citation))
        };
        let fault = crate::Fault::file(crate::FaultKind::Journal, self.file.clone(), message);
        match self.line {
            Some(line) => fault.on_line(line),
            None => fault,
        }
    }
}

impl fmt::Display for JournalFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(l) => write!(f, "{}:{l}: {}", self.file, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

/// Every journal of a dataset, read through `verify`.
#[derive(Debug, Default)]
pub struct Records {
    /// Selection journals that verified.
    pub selections: Vec<Verified<Selection>>,
    /// Rating journals that verified.
    pub ratings: Vec<Verified<RatingRound>>,
    /// Training journals that verified.
    pub classes: Vec<Verified<TrainingClass>>,
    /// Development journals that verified.
    pub developments: Vec<Verified<Development>>,
    /// Journals that did not, each with its first failure.
    pub failures: Vec<JournalFailure>,
}

/// Reads `journals/heads.json` (file name → head); empty when the dataset records none.
///
/// # Errors
/// The file cannot be read, or is not a map of file names to heads (the message says why).
pub fn read_heads(dir: &Path) -> Result<BTreeMap<String, Digest>, String> {
    let path = dir.join("journals").join(HEADS_FILE);
    match std::fs::read_to_string(&path) {
        Ok(text) => serde_json::from_str(&text).map_err(|e| e.to_string()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(BTreeMap::new()),
        Err(e) => Err(e.to_string()),
    }
}

/// Writes `heads` to `journals/heads.json` in `dir` (atomically).
///
/// # Errors
/// The folder or the file cannot be written.
pub fn write_heads(dir: &Path, heads: &BTreeMap<String, Digest>) -> std::io::Result<()> {
    let folder = dir.join("journals");
    std::fs::create_dir_all(&folder)?;
    write_atomically(&folder.join(HEADS_FILE), |w| {
        serde_json::to_writer_pretty(&mut *w, heads)?;
        std::io::Write::write_all(w, b"\n")
    })
}

/// The JSON Lines of a journal, each entry in its canonical form (what [`verify_all`] reads
/// back byte for byte).
pub fn lines<L: Lifecycle>(journal: &Journal<L>) -> Vec<String> {
    journal
        .entries()
        .iter()
        .filter_map(|e| serde_json::to_string(e).ok())
        .collect()
}

/// Verifies every journal of a dataset against `rules`, with the heads the dataset recorded.
/// A journal whose head was not recorded, whose file is of no known kind, whose lines are not
/// entries in their written form, that does not verify, or that holds a stream another
/// journal already holds (a copy) is a failure and is left out.
pub fn verify_all(
    journals: &[JournalFile],
    heads: &BTreeMap<String, Digest>,
    rules: &Rules<'_>,
) -> Records {
    let mut records = Records::default();
    let mut seen: BTreeMap<(JournalKind, String), String> = BTreeMap::new();
    for j in journals {
        let name = j.file.rsplit('/').next().unwrap_or(&j.file);
        let Some(kind) = JournalKind::of(name) else {
            records.failures.push(whole(
                j,
                text!(
                    "不是本程序认识的日志（selection-、rating-、training-、development-）",
                    "not a journal this build knows (selection-, rating-, training-, development-)"
                ),
            ));
            continue;
        };
        let head = heads.get(name).copied();
        match kind {
            JournalKind::Selection => {
                let ctx = rules.selection();
                if let Some(v) = verify_file(j, head, |_| ctx, &mut records.failures)
                    && !copied(&v, kind, &mut seen, &mut records.failures)
                {
                    records.selections.push(v);
                }
            }
            JournalKind::Rating => {
                let Some(ctx) = rules.rating() else {
                    records.failures.push(whole(
                        j,
                        text!(
                            "数据集未定评星标准，星级评定日志无法核验",
                            "the dataset names no rubric: a rating journal cannot be verified"
                        ),
                    ));
                    continue;
                };
                if let Some(v) = verify_file(j, head, |_| ctx, &mut records.failures)
                    && !copied(&v, kind, &mut seen, &mut records.failures)
                {
                    records.ratings.push(v);
                }
            }
            JournalKind::Development => {
                let ctx = rules.development();
                if let Some(v) = verify_file(j, head, |_| ctx, &mut records.failures)
                    && !copied(&v, kind, &mut seen, &mut records.failures)
                {
                    records.developments.push(v);
                }
            }
            JournalKind::Training => {
                let ctx = rules.class();
                if let Some(v) = verify_file(j, head, |_| ctx, &mut records.failures)
                    && !copied(&v, kind, &mut seen, &mut records.failures)
                {
                    records.classes.push(v);
                }
            }
        }
    }
    records
}

fn whole(j: &JournalFile, message: Text) -> JournalFailure {
    JournalFailure {
        file: j.file.clone(),
        line: None,
        stream: None,
        citation: sources::JOURNAL_INTEGRITY.to_string(),
        message,
    }
}

/// Whether a stream of `v` is already in another journal of its kind (then a failure).
fn copied<L: Lifecycle>(
    v: &Verified<L>,
    kind: JournalKind,
    seen: &mut BTreeMap<(JournalKind, String), String>,
    failures: &mut Vec<JournalFailure>,
) -> bool {
    let ids: Vec<String> = v.journal.streams().map(|(id, _)| id.to_string()).collect();
    if let Some((id, other)) = ids
        .iter()
        .find_map(|id| seen.get(&(kind, id.clone())).map(|f| (id, f.clone())))
    {
        failures.push(JournalFailure {
            file: v.file.clone(),
            line: None,
            stream: Some(id.clone()),
            citation: sources::JOURNAL_INTEGRITY.to_string(),
            message: text!(
                "流程 {id} 已记于 {other}：同一流程出现在两份日志中（日志被复制），本日志不予采信",
                "stream {id} is already in {other}: the same stream in two journals (a copy); this journal is not taken"
            ),
        });
        return true;
    }
    for id in ids {
        seen.insert((kind, id), v.file.clone());
    }
    false
}

/// Reads one journal file's lines as entries in their written form and verifies them.
fn verify_file<'c, L: Lifecycle>(
    j: &JournalFile,
    head: Option<Digest>,
    context: impl FnMut(&Entry<L>) -> L::Context<'c>,
    failures: &mut Vec<JournalFailure>,
) -> Option<Verified<L>> {
    let mut entries = Vec::with_capacity(j.lines.len());
    for line in &j.lines {
        let fail = |message| JournalFailure {
            file: j.file.clone(),
            line: Some(line.number),
            stream: None,
            citation: sources::JOURNAL_INTEGRITY.to_string(),
            message,
        };
        match serde_json::from_str::<Entry<L>>(&line.text) {
            Ok(e) => {
                // The digest covers the values; the written form is held to them byte for
                // byte, so no change of a stored journal goes unseen.
                if serde_json::to_string(&e).ok().as_deref() != Some(line.text.as_str()) {
                    failures.push(fail(text!(
                        "纪实条目不是写入时的形式（被改写过）",
                        "the entry is not in the form it was written in (it was rewritten)"
                    )));
                    return None;
                }
                entries.push(e);
            }
            Err(e) => {
                failures.push(fail(text!(
                    "不是该日志的纪实条目：{}",
                    "not an entry of this journal: {}",
                    crate::explain::serde(&e.to_string())
                )));
                return None;
            }
        }
    }
    let Some(head) = head else {
        failures.push(whole(
            j,
            text!(
                "数据集未登记该日志的末条摘要（journals/heads.json），无法确认日志完整",
                "the dataset records no head for this journal (journals/heads.json): it cannot be shown complete"
            ),
        ));
        return None;
    };
    match Journal::<L>::verify(entries, Some(head), context) {
        Ok(journal) => Some(Verified {
            file: j.file.clone(),
            journal,
        }),
        Err(e) => {
            let index = usize::try_from(e.position().saturating_sub(1)).unwrap_or(usize::MAX);
            failures.push(JournalFailure {
                file: j.file.clone(),
                line: j.lines.get(index).map(|l| l.number),
                stream: e.stream().map(str::to_owned),
                citation: e.citation().to_string(),
                message: Text::refusal(&e),
            });
            None
        }
    }
}

/// A lifecycle whose journals the CLI reads, writes and stores: the contexts its commands are decided in, from the dataset's rules.
pub trait Kind: Lifecycle + 'static {
    /// The contexts its commands are decided in, one per call (`None`: the dataset lacks
    /// what it needs — a rating journal of a dataset that names no rubric).
    fn contexts<'r>(rules: &'r Rules<'_>) -> Option<impl FnMut() -> Self::Context<'r> + 'r>;
}

impl Kind for Selection {
    fn contexts<'r>(rules: &'r Rules<'_>) -> Option<impl FnMut() -> SelectionContext<'r> + 'r> {
        Some(move || rules.selection())
    }
}

impl Kind for RatingRound {
    fn contexts<'r>(rules: &'r Rules<'_>) -> Option<impl FnMut() -> RatingContext<'r> + 'r> {
        let context = rules.rating()?;
        Some(move || context)
    }
}

impl Kind for TrainingClass {
    fn contexts<'r>(rules: &'r Rules<'_>) -> Option<impl FnMut() -> ClassContext<'r> + 'r> {
        Some(move || rules.class())
    }
}

impl Kind for Development {
    fn contexts<'r>(rules: &'r Rules<'_>) -> Option<impl FnMut() -> DevelopmentContext<'r> + 'r> {
        Some(move || rules.development())
    }
}
