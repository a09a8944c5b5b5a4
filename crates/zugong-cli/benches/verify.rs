//! Verifying a city's journals beside plain replay.
//!
//! Setup (not timed): the `zugong` binary generates a city (seed 3) and runs every scenario on
//! it — the star-rating rounds of every branch of the city (one per rating committee), fallback
//! training for every member short, and ten selections — writing their journals. The bench
//! loads the folder with `zugong_dataset::load` and `validate` (not timed), and times, on the
//! same entries:
//!
//! - **verify**: `Journal::verify` of each journal with its recorded head, against the
//!   rules `zugong-dataset` builds from the dataset (`World::rules`: the trees, the management
//!   list, the quota book, the cadres' files, the rubric and the calendar), every digest
//!   recomputed, every command decided again, every event applied;
//! - **replay**: a hand-written loop that folds each journal's recorded events into what the
//!   report shows (a selection's stage, a round's stars, a class's credited 学时), trusting
//!   them — what the report did before journals were verified.
//!
//! Both are timed from parsed entries and from the JSON lines as stored (parsing included).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    missing_docs
)]

use std::collections::{BTreeMap, HashMap};
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::Command;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use zugong_branch::{BranchRatingEvent, RatingEvent, RatingRound};
use zugong_cadre::{Selection, SelectionEvent};
use zugong_core::journal::{Digest, Entry, Journal, Lifecycle};
use zugong_dataset::World;
use zugong_dataset::journals::Rules;
use zugong_training::{ClassEvent, TrainingClass};

fn zugong(args: &[&str]) -> bool {
    Command::new(env!("CARGO_BIN_EXE_zugong"))
        .args(args)
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false)
}

fn lines(path: &Path) -> Vec<String> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(str::to_owned)
        .collect()
}

/// A generated city with every scenario run on it.
fn city() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("zugong-bench-verify-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let d = dir.to_str().unwrap();
    assert!(zugong(&[
        "generate", "--scale", "city", "--seed", "3", "--out", d
    ]));
    let root = lines(&dir.join("org_units.jsonl"))
        .into_iter()
        .map(|l| serde_json::from_str::<zugong_core::OrgUnit>(&l).unwrap())
        .find(|u| u.parent.is_none())
        .unwrap();
    let root = root.id.to_string();
    assert!(zugong(&["scenario", "rating", d, "--scope", &root]));
    assert!(zugong(&["scenario", "training", d]));
    for _ in 0..10 {
        if !zugong(&["scenario", "selection", d, "--until", "appointment"]) {
            break;
        }
    }
    dir
}

/// The city as the library reads it: the dataset loaded and validated by `zugong-dataset`
/// (the rules' context is the one `zugong check` and `zugong report` verify against), and the
/// journal files with their recorded heads.
struct Data {
    world: World,
    heads: BTreeMap<String, Digest>,
    files: Vec<(String, Vec<String>)>,
}

fn load(dir: &Path) -> Data {
    let mut faults = Vec::new();
    let data = zugong_dataset::load(dir, &mut faults).unwrap();
    let heads = data.journal_heads.clone();
    let mut files: Vec<(String, Vec<String>)> = data
        .journals
        .iter()
        .map(|j| {
            let name = j
                .file
                .strip_prefix("journals/")
                .unwrap_or(&j.file)
                .to_owned();
            (name, j.lines.iter().map(|l| l.text.clone()).collect())
        })
        .collect();
    files.sort();
    let world = zugong_dataset::validate(data, &mut faults);
    assert!(faults.is_empty(), "{faults:?}");
    Data {
        world,
        heads,
        files,
    }
}

fn parse<L: Lifecycle>(lines: &[String]) -> Vec<Entry<L>> {
    lines
        .iter()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn of_kind<'d>(data: &'d Data, prefix: &'d str) -> impl Iterator<Item = &'d (String, Vec<String>)> {
    data.files
        .iter()
        .filter(move |(n, _)| n.starts_with(prefix))
}

/// The journals, parsed.
struct Parsed {
    selections: Vec<(Digest, Vec<Entry<Selection>>)>,
    ratings: Vec<(Digest, Vec<Entry<RatingRound>>)>,
    classes: Vec<(Digest, Vec<Entry<TrainingClass>>)>,
}

fn parse_all(data: &Data) -> Parsed {
    let head = |n: &str| data.heads[n];
    Parsed {
        selections: of_kind(data, "selection-")
            .map(|(n, l)| (head(n), parse(l)))
            .collect(),
        ratings: of_kind(data, "rating-")
            .map(|(n, l)| (head(n), parse(l)))
            .collect(),
        classes: of_kind(data, "training-")
            .map(|(n, l)| (head(n), parse(l)))
            .collect(),
    }
}

/// Verifies every journal; returns the streams rebuilt.
fn verify(p: Parsed, r: &Rules<'_>) -> usize {
    let sel = r.selection();
    let rating = r.rating().unwrap();
    let class = r.class();
    let mut streams = 0;
    for (head, e) in p.selections {
        streams += Journal::<Selection>::verify(e, Some(head), |_| sel)
            .unwrap()
            .streams()
            .len();
    }
    for (head, e) in p.ratings {
        streams += Journal::<RatingRound>::verify(e, Some(head), |_| rating)
            .unwrap()
            .streams()
            .len();
    }
    for (head, e) in p.classes {
        streams += Journal::<TrainingClass>::verify(e, Some(head), |_| class)
            .unwrap()
            .streams()
            .len();
    }
    streams
}

/// The hand-written replay: each journal's recorded events folded, unchecked, into what the
/// report shows. Returns the same stream count (and folds enough that nothing is optimized
/// away).
fn replay(p: &Parsed) -> (usize, u64) {
    let mut streams = 0;
    let mut folded = 0u64;
    for (_, entries) in &p.selections {
        let mut stage: HashMap<_, u8> = HashMap::new();
        for e in entries {
            let s = stage.entry(e.stream()).or_default();
            for ev in e.events() {
                *s = match ev {
                    SelectionEvent::Moved { .. } => 1,
                    SelectionEvent::Recommended(_) => 2,
                    SelectionEvent::CandidatesChosen { .. } => 3,
                    SelectionEvent::Inspected { .. } => 4,
                    SelectionEvent::Decided { .. } => 5,
                    SelectionEvent::Publicity(
                        zugong_core::publicity::PublicityEvent::Started { .. },
                    ) => 6,
                    SelectionEvent::Appointed { .. } => 7,
                    SelectionEvent::Ended { .. } => 9,
                    _ => *s,
                };
            }
        }
        streams += stage.len();
        folded += stage.values().map(|v| u64::from(*v)).sum::<u64>();
    }
    for (_, entries) in &p.ratings {
        let mut stars: HashMap<_, u8> = HashMap::new();
        let mut rounds = std::collections::HashSet::new();
        for e in entries {
            rounds.insert(e.stream());
            for ev in e.events() {
                if let RatingEvent::Branch {
                    branch,
                    event: BranchRatingEvent::StarsChanged(c),
                } = ev
                {
                    *stars.entry((e.stream(), *branch)).or_default() = c.to.get();
                }
            }
        }
        // One stream per committee's round; the stars are folded per branch within it.
        streams += rounds.len();
        folded += stars.values().map(|v| u64::from(*v)).sum::<u64>();
    }
    for (_, entries) in &p.classes {
        let mut tenths: HashMap<_, u64> = HashMap::new();
        for e in entries {
            let t = tenths.entry(e.stream()).or_default();
            for ev in e.events() {
                if let ClassEvent::Attended { hours, .. } = ev {
                    *t += u64::from(hours.tenths());
                }
            }
        }
        streams += tenths.len();
        folded += tenths.values().sum::<u64>();
    }
    (streams, folded)
}

fn bench(c: &mut Criterion) {
    let dir = city();
    let data = load(&dir);
    let rules = data.world.rules();
    let entries: usize = data.files.iter().map(|(_, l)| l.len()).sum();
    let bytes: usize = data
        .files
        .iter()
        .flat_map(|(_, l)| l)
        .map(String::len)
        .sum();
    let parsed = parse_all(&data);
    let (streams, _) = replay(&parsed);
    assert_eq!(
        verify(parse_all(&data), &rules),
        streams,
        "verify and replay rebuild the same streams"
    );
    eprintln!(
        "city journals: {} files, {entries} entries, {streams} streams, {:.1} MB",
        data.files.len(),
        bytes as f64 / 1e6
    );
    let mut g = c.benchmark_group("city_journals");
    g.sample_size(10);
    g.bench_function("verify (parsed entries)", |b| {
        b.iter_batched(
            || parse_all(&data),
            |p| black_box(verify(p, &rules)),
            BatchSize::LargeInput,
        )
    });
    g.bench_function("replay (parsed entries)", |b| {
        b.iter(|| black_box(replay(&parsed)))
    });
    g.bench_function("verify (from JSON lines)", |b| {
        b.iter(|| black_box(verify(parse_all(&data), &rules)))
    });
    g.bench_function("replay (from JSON lines)", |b| {
        b.iter(|| black_box(replay(&parse_all(&data))))
    });
    g.finish();
    let _ = std::fs::remove_dir_all(&dir);
}

criterion_group!(benches, bench);
criterion_main!(benches);
