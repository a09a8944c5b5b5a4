//! Verifying a city's journals beside plain replay.
//!
//! Setup (not timed): the `zugong` binary generates a city (seed 3) and runs every scenario on
//! it — the star-rating rounds of every branch of the city (one per rating committee), fallback training for every
//! member short, and ten selections — writing their journals. The bench reads the journals
//! back and times, on the same entries:
//!
//! - **verify**: `Journal::verify` of each journal with its recorded head, against the
//!   dataset's trees, the management list 下管一级 makes, quota book, rubric and calendar (every digest recomputed, every command
//!   decided again, every event applied);
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

use chrono::NaiveDate;
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use zugong_branch::{BranchRatingEvent, RatingContext, RatingEvent, RatingRound, presets};
use zugong_cadre::{
    CadreFile, CadreFiles, CadreProfile, PostHeld, QuotaBook, QuotaLine, QuotaOpeningLine,
    Selection, SelectionContext, SelectionEvent, SelectionPolicy,
};
use zugong_core::journal::{Digest, Entry, Journal, Lifecycle};
use zugong_core::{
    Attachment, CitizenIdNumber, CoManagementPolicy, Institution, InstitutionId,
    InstitutionRegistry, JurisdictionPolicy, ManagementList, OrgTree, OrgUnit, OrgUnitId,
    PositionId, PostHolder, RankOrGrade, WorkCalendar,
};
use zugong_training::{ClassContext, ClassEvent, TrainingClass, TrainingPolicy};

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
        .map(|l| serde_json::from_str::<OrgUnit>(&l).unwrap())
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

/// A field of a JSON record, typed (`None` when absent or of another type).
fn field<T: serde::de::DeserializeOwned>(v: &serde_json::Value, k: &str) -> Option<T> {
    serde_json::from_value(v[k].clone()).ok()
}

struct Data {
    tree: OrgTree,
    registry: InstitutionRegistry,
    management: ManagementList,
    quota: QuotaBook,
    cadre_files: CadreFiles,
    heads: BTreeMap<String, Digest>,
    files: Vec<(String, Vec<String>)>,
}

fn load(dir: &Path) -> Data {
    let units: Vec<OrgUnit> = lines(&dir.join("org_units.jsonl"))
        .iter()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let tree = OrgTree::from_units(units).unwrap();
    let value = |l: &String| serde_json::from_str::<serde_json::Value>(l).unwrap();
    let registry = InstitutionRegistry::from_institutions(
        lines(&dir.join("institutions.jsonl"))
            .iter()
            .map(|l| {
                let v = value(l);
                let i = Institution::new(
                    field(&v, "id").unwrap(),
                    v["name"].as_str().unwrap(),
                    field(&v, "kind").unwrap(),
                    field(&v, "area").unwrap(),
                );
                let i = match field::<Option<_>>(&v, "grade").flatten() {
                    Some(g) => i.graded(g),
                    None => i,
                };
                match field::<Option<InstitutionId>>(&v, "parent").flatten() {
                    Some(p) => i.under(
                        p,
                        field(&v, "attachment").unwrap_or(Attachment::Administered),
                    ),
                    None => i,
                }
            })
            .collect(),
    )
    .unwrap();
    let holder = |v: &serde_json::Value| -> PostHolder {
        match field::<Option<InstitutionId>>(v, "institution").flatten() {
            Some(i) => PostHolder::Institution(i),
            None => {
                let u: OrgUnitId = field(v, "committee").unwrap();
                PostHolder::of_party_organization(u, tree.get(u).unwrap().kind).unwrap()
            }
        }
    };
    let mut posts: HashMap<PositionId, (PostHolder, RankOrGrade)> = HashMap::new();
    for l in lines(&dir.join("posts.jsonl")) {
        let v = value(&l);
        posts.insert(
            field(&v, "id").unwrap(),
            (holder(&v), field(&v, "rank").unwrap()),
        );
    }
    let management = ManagementList::one_level_down(
        &tree,
        &registry,
        &JurisdictionPolicy::default(),
        posts.values().filter_map(|(h, r)| match r {
            RankOrGrade::Leadership(r) => Some((*h, *r)),
            RankOrGrade::Grade(_) => None,
        }),
    );
    let mut held: HashMap<(PostHolder, RankOrGrade), u32> = HashMap::new();
    let mut cadre_files = Vec::new();
    let manifest: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("dataset.json")).unwrap()).unwrap();
    let as_of: NaiveDate = field(&manifest, "as_of").unwrap();
    for l in lines(&dir.join("cadres.jsonl")) {
        let v = value(&l);
        // The file the selection rules read, as the binary builds it from the same row.
        let citizen: CitizenIdNumber = field(&v, "citizen_id").unwrap();
        let rank_since: NaiveDate = field(&v, "rank_since").unwrap();
        cadre_files.push(CadreFile::new(CadreProfile {
            cadre: field(&v, "id").unwrap(),
            birth_date: citizen.birth_date(),
            work_started_on: field::<Option<NaiveDate>>(&v, "work_started_on")
                .flatten()
                .unwrap_or(rank_since),
            grassroots_months: field(&v, "grassroots_months").unwrap(),
            education: field(&v, "education"),
            full_member_since: field::<Option<NaiveDate>>(&v, "full_member_since").flatten(),
            posts: vec![PostHeld {
                rank: field(&v, "rank").unwrap(),
                from: rank_since,
                until: None,
                exceptional_on_years: false,
                probation_until: None,
            }],
            // The row's window of training, as one credit ending on the dataset's day.
            training: field::<Option<u32>>(&v, "training_days")
                .flatten()
                .map(|days| zugong_cadre::TrainingCredit::new(as_of, days, 0))
                .into_iter()
                .collect(),
            health: Vec::new(),
            qualifications: Vec::new(),
        }));
        let Some(post) = field::<Option<PositionId>>(&v, "post").flatten() else {
            continue;
        };
        let rank: RankOrGrade = field(&v, "rank").unwrap();
        *held.entry((posts[&post].0, rank)).or_default() += 1;
    }
    let quota = QuotaBook::opening(lines(&dir.join("quotas.jsonl")).iter().map(|l| {
        let v = value(l);
        let holder = holder(&v);
        let rank: RankOrGrade = field(&v, "rank").unwrap();
        QuotaOpeningLine {
            holder,
            rank,
            line: QuotaLine {
                allotted: v["allotted"].as_u64().unwrap() as u32,
                occupied: held.get(&(holder, rank)).copied().unwrap_or(0),
                planned_departures: v["planned_departures"].as_u64().unwrap_or(0) as u32,
            },
        }
    }));
    let heads = serde_json::from_str(
        &std::fs::read_to_string(dir.join("journals").join("heads.json")).unwrap(),
    )
    .unwrap();
    let mut files: Vec<(String, Vec<String>)> = std::fs::read_dir(dir.join("journals"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "jsonl"))
        .map(|p| {
            (
                p.file_name().unwrap().to_str().unwrap().to_owned(),
                lines(&p),
            )
        })
        .collect();
    files.sort();
    Data {
        tree,
        registry,
        management,
        quota,
        cadre_files: CadreFiles::from_files(cadre_files),
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

struct Rules<'d> {
    tree: &'d OrgTree,
    registry: &'d InstitutionRegistry,
    management: &'d ManagementList,
    co_management: CoManagementPolicy,
    quota: &'d QuotaBook,
    cadre_files: &'d CadreFiles,
    calendar: WorkCalendar,
    selection: SelectionPolicy,
    rubric: zugong_branch::Rubric,
    training: TrainingPolicy,
}

/// Verifies every journal; returns the streams rebuilt.
fn verify(p: Parsed, r: &Rules<'_>) -> usize {
    let sel = SelectionContext {
        tree: r.tree,
        registry: r.registry,
        management: r.management,
        co_management: &r.co_management,
        policy: &r.selection,
        calendar: &r.calendar,
        quota: r.quota,
        files: r.cadre_files,
    };
    let rating = RatingContext {
        tree: r.tree,
        rubric: &r.rubric,
        calendar: &r.calendar,
    };
    let class = ClassContext {
        tree: r.tree,
        policy: &r.training,
    };
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
        for e in entries {
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
        streams += stars.len();
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
    let rules = Rules {
        tree: &data.tree,
        registry: &data.registry,
        management: &data.management,
        co_management: CoManagementPolicy::default(),
        quota: &data.quota,
        cadre_files: &data.cadre_files,
        calendar: WorkCalendar::official(),
        selection: SelectionPolicy::default(),
        rubric: presets::five_star_110().unwrap(),
        training: TrainingPolicy::default(),
    };
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
