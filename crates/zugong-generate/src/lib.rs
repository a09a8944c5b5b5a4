//! Synthetic datasets of a county, a city or a province (what `zugong generate` writes),
//! deterministic per seed, with fictional names, for benchmarks, load tests and the embedded
//! sample.
//!
//! The data are shaped like a real area's (towns and villages, county bureaus, enterprises and
//! schools, about 17 members a branch, a secretary and committee in each branch, three training
//! tiers, post quotas) and carry the problems a department meets: members short of their 学时,
//! weak branches, quota overruns, cadres due to rotate, kin in the same unit, an 优秀 share over
//! the cap, talents due for evaluation.
//!
//! ```
//! use zugong_generate::{Scale, generate_in_memory};
//!
//! let (data, counts) = generate_in_memory(Scale::County, 7);
//! assert_eq!(counts.members as usize, data.members.len());
//! // The same seed gives the same dataset, and it validates.
//! let (again, _) = generate_in_memory(Scale::County, 7);
//! assert_eq!(again.members.len(), data.members.len());
//! let mut faults = Vec::new();
//! zugong_dataset::validate(data, &mut faults);
//! assert!(faults.is_empty());
//! ```

pub(crate) mod county;
pub(crate) mod names;
pub(crate) mod rng;

use std::collections::HashMap;
use std::path::Path;

use chrono::{NaiveDate, TimeZone, Utc};
use zugong_core::{AdminLevel, DivisionCode, OrgKind, OrgUnitId};

use rng::Rng;
use zugong_dataset::progress::{Progress, Unit};
use zugong_dataset::record::Record;
use zugong_dataset::{
    ApplicantRecord, AttendanceRecord, BranchRecord, CadreRecord, ClassRecord,
    CollectiveReturnRecord, Dataset, DevelopmentPlanRecord, DuesRecord, ElectionRecord, FORMAT,
    InstitutionRecord, ManagementRecord, Manifest, MeetingRecord, MemberRecord, OutflowRecord,
    PostRecord, QuotaRecord, RelationRecord, Row, ScoreRecord, SummonedMeetingRecord, TableWriter,
    TalentRow, TaskRecord, TermRecord, TransferRecord, TwoNewRecord, UnitRecord, write_atomically,
};

/// How large an area to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scale {
    /// One county: about 3,700 members, 210 branches, 550 cadres.
    County,
    /// One city of 7 counties: about 44,000 members, 2,600 branches, 6,600 cadres.
    City,
    /// A province of 14 cities: about 4,900,000 members, 290,000 branches, 950,000 cadres.
    Province,
}

impl Scale {
    /// Every scale, smallest first.
    pub const ALL: [Scale; 3] = [Scale::County, Scale::City, Scale::Province];

    /// The scale's name on the command line: `county`, `city` or `province`.
    pub const fn code(self) -> &'static str {
        match self {
            Scale::County => "county",
            Scale::City => "city",
            Scale::Province => "province",
        }
    }
}

/// A scale name that is none of `county`, `city`, `province` (or 县, 市, 省).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown scale {given:?}: expected county (县), city (市) or province (省)")]
pub struct UnknownScale {
    /// What was given.
    pub given: String,
}

impl std::str::FromStr for Scale {
    type Err = UnknownScale;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "county" | "县" => Ok(Scale::County),
            "city" | "市" => Ok(Scale::City),
            "province" | "省" => Ok(Scale::Province),
            _ => Err(UnknownScale {
                given: s.to_owned(),
            }),
        }
    }
}

impl std::fmt::Display for Scale {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// The shape of an area.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Shape {
    cities: u64,
    counties_per_city: u64,
    towns_per_county: u64,
    villages_per_town: u64,
    bureaus_per_county: u64,
    enterprises_per_county: u64,
    /// Extra cadres (职级 holders) per bureau.
    grade_cadres_per_bureau: u64,
}

impl Scale {
    pub(crate) fn shape(self) -> Shape {
        match self {
            Scale::County => Shape {
                cities: 1,
                counties_per_city: 1,
                towns_per_county: 10,
                villages_per_town: 17,
                bureaus_per_county: 26,
                enterprises_per_county: 14,
                grade_cadres_per_bureau: 16,
            },
            Scale::City => Shape {
                cities: 1,
                counties_per_city: 7,
                towns_per_county: 14,
                villages_per_town: 24,
                bureaus_per_county: 26,
                enterprises_per_county: 14,
                grade_cadres_per_bureau: 30,
            },
            Scale::Province => Shape {
                cities: 14,
                counties_per_city: 9,
                towns_per_county: 22,
                villages_per_town: 103,
                bureaus_per_county: 26,
                enterprises_per_county: 14,
                grade_cadres_per_bureau: 280,
            },
        }
    }
}

/// The day generated datasets speak of.
pub(crate) const AS_OF: (i32, u32, u32) = (2026, 11, 30);

pub(crate) fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(AS_OF.0, AS_OF.1, AS_OF.2).unwrap_or(NaiveDate::MIN)
}

/// Where generated records go.
pub(crate) trait Sink {
    /// Takes one record.
    fn put<R: Table>(&mut self, record: R) -> std::io::Result<()>;
}

/// A record type and its place in a [`Dataset`].
pub(crate) trait Table: Record {
    /// The dataset's rows of this table.
    fn rows(data: &mut Dataset) -> &mut Vec<Row<Self>>;
}

macro_rules! tables {
    ($($t:ty => $field:ident),*) => {$(
        impl Table for $t {
            fn rows(data: &mut Dataset) -> &mut Vec<Row<Self>> {
                &mut data.$field
            }
        }
    )*};
}
tables!(
    UnitRecord => units,
    MemberRecord => members,
    ClassRecord => classes,
    AttendanceRecord => attendance,
    BranchRecord => branches,
    ScoreRecord => scores,
    TaskRecord => tasks,
    MeetingRecord => meetings,
    SummonedMeetingRecord => summoned_meetings,
    TermRecord => terms,
    ElectionRecord => elections,
    CollectiveReturnRecord => economy,
    TwoNewRecord => two_new,
    InstitutionRecord => institutions,
    ManagementRecord => management,
    ApplicantRecord => applicants,
    DevelopmentPlanRecord => plans,
    TransferRecord => transfers,
    DuesRecord => dues,
    OutflowRecord => outflows,
    PostRecord => posts,
    QuotaRecord => quotas,
    CadreRecord => cadres,
    RelationRecord => relations,
    TalentRow => talents
);

impl Sink for Dataset {
    fn put<R: Table>(&mut self, record: R) -> std::io::Result<()> {
        let rows = R::rows(self);
        let line = rows.len() as u64 + 1;
        rows.push(Row { line, record });
        Ok(())
    }
}

/// Writes each table as it is generated.
struct FileSink<'a> {
    dir: &'a Path,
    writers: HashMap<&'static str, TableWriter>,
}

impl Sink for FileSink<'_> {
    fn put<R: Table>(&mut self, record: R) -> std::io::Result<()> {
        let w = match self.writers.entry(R::TABLE) {
            std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
            std::collections::hash_map::Entry::Vacant(v) => {
                v.insert(TableWriter::create::<R>(self.dir)?)
            }
        };
        w.push(&record)
    }
}

/// Counts of what was generated.
#[derive(Debug, Default, Clone, Copy, serde::Serialize)]
pub struct Counts {
    /// Org units.
    pub units: u64,
    /// Branches rated.
    pub branches: u64,
    /// Members.
    pub members: u64,
    /// Attendance rows.
    pub attendance: u64,
    /// Cadres.
    pub cadres: u64,
    /// Talents.
    pub talents: u64,
}

/// Deterministic ids: a fixed instant and a counter per kind.
pub(crate) struct Ids {
    next: u128,
}

impl Ids {
    fn new(seed: u64) -> Self {
        Self {
            next: u128::from(seed) << 64,
        }
    }

    /// The next id's bits.
    pub(crate) fn bits(&mut self) -> u128 {
        self.next += 1;
        self.next
    }

    /// The instant all generated ids carry.
    pub(crate) fn at() -> chrono::DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0)
            .single()
            .unwrap_or(chrono::DateTime::<Utc>::MIN_UTC)
    }
}

/// The manifest of a generated dataset.
pub(crate) fn manifest(scale: Scale) -> Manifest {
    Manifest {
        format: FORMAT,
        name: match scale {
            // The seed is how the data were made, not what they are: not in the title.
            Scale::County => "示例县".to_owned(),
            Scale::City => "示例市".to_owned(),
            Scale::Province => "示例省".to_owned(),
        },
        as_of: as_of(),
        rubric: Some("five_star_110".into()),
    }
}

/// Generates an area into `sink`.
pub(crate) fn generate<S: Sink>(
    scale: Scale,
    seed: u64,
    sink: &mut S,
    progress: &mut Progress,
) -> std::io::Result<Counts> {
    let shape = scale.shape();
    let root = Rng::new(seed);
    let mut ids = Ids::new(seed);
    let mut counts = Counts::default();
    let province = (scale == Scale::Province).then(|| {
        let id = OrgUnitId::from_parts(Ids::at(), ids.bits());
        (id, names::place(seed, 3))
    });
    if let Some((id, name)) = &province {
        sink.put(UnitRecord {
            id: *id,
            name: format!("中共{name}省委员会"),
            kind: OrgKind::Committee,
            level: AdminLevel::Provincial,
            host: None,
            parent: None,
            division: DivisionCode::from_number(640_000).ok(),
            institution: None,
        })?;
        counts.units += 1;
    }
    for c in 0..shape.cities {
        let city_rng = root.fork(c + 1);
        let city_name = names::place(c, seed % 97);
        let city_id = OrgUnitId::from_parts(Ids::at(), ids.bits());
        let city_code = 640_000 + (c as u32 + 1) * 100;
        sink.put(UnitRecord {
            id: city_id,
            name: format!("中共{city_name}市委员会"),
            kind: OrgKind::Committee,
            level: AdminLevel::Prefectural,
            host: None,
            parent: province.as_ref().map(|p| p.0),
            division: DivisionCode::from_number(city_code).ok(),
            institution: None,
        })?;
        counts.units += 1;
        let city = county::City {
            id: city_id,
            name: city_name,
            code: city_code,
        };
        for k in 0..shape.counties_per_city {
            let mut rng = city_rng.fork(k + 1);
            county::county(&city, k, &shape, &mut rng, &mut ids, sink, &mut counts)?;
            progress.add(1);
        }
    }
    Ok(counts)
}

/// Generates into a new folder `dir` (which must not hold a dataset unless `force`).
///
/// # Errors
/// I/O errors.
pub fn generate_to(dir: &Path, scale: Scale, seed: u64) -> std::io::Result<Counts> {
    std::fs::create_dir_all(dir)?;
    let shape = scale.shape();
    let mut progress = Progress::new(
        zugong_dataset::text::Text::new("生成各县数据", "generating counties"),
        shape.cities * shape.counties_per_city,
        Unit::Items,
    );
    let mut sink = FileSink {
        dir,
        writers: HashMap::new(),
    };
    let counts = generate(scale, seed, &mut sink, &mut progress)?;
    for (_, w) in sink.writers.drain() {
        w.finish()?;
    }
    progress.finish();
    let m = manifest(scale);
    write_atomically(&dir.join("dataset.json"), |w| {
        serde_json::to_writer_pretty(&mut *w, &m)?;
        std::io::Write::write_all(w, b"\n")
    })?;
    Ok(counts)
}

/// Generates in memory.
pub fn generate_in_memory(scale: Scale, seed: u64) -> (Dataset, Counts) {
    let mut data = Dataset::empty(manifest(scale));
    let mut progress = Progress::new(
        zugong_dataset::text::Text::new("生成数据", "generating"),
        1,
        Unit::Items,
    );
    // Writing to memory cannot fail.
    let counts = generate(scale, seed, &mut data, &mut progress).unwrap_or_default();
    (data, counts)
}
