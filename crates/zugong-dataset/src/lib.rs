//! A department's dataset: the folder of tables it keeps (JSON Lines, CSV rosters with Chinese
//! headers as Excel saves them, or one Excel workbook), read with every fault located by file,
//! line and field, checked table against table, and turned into the domain crates' types — the
//! [`World`] that reports and scenarios work on. The journals beside the tables are read back
//! only through `verify` ([`journals`]); the same dataset may live in a store ([`database`]).
//!
//! Read a folder of rosters, check it, and look at what it holds:
//!
//! ```
//! use zugong_dataset::{load, validate};
//!
//! let dir = std::env::temp_dir().join(format!("zugong-dataset-doc-{}", std::process::id()));
//! std::fs::create_dir_all(&dir)?;
//! std::fs::write(
//!     dir.join("dataset.json"),
//!     r#"{"format": 1, "name": "永宁县望洪镇", "as_of": "2026-11-30"}"#,
//! )?;
//! // What Excel writes: a BOM, CRLF line ends, a column the dataset does not use (联系电话),
//! // and a trailing row of bare commas.
//! std::fs::write(
//!     dir.join("org_units.csv"),
//!     "\u{feff}编号,名称,组织类别,层级,单位类型,上级,区划代码,联系电话\r\n\
//!      YN,中共永宁县委员会,党委,县,,,640121,\r\n\
//!      WH,中共永宁县望洪镇委员会,党委,镇,,YN,,\r\n\
//!      WH-DH,望洪镇东和村党支部,党支部,村,村,WH,,\r\n\
//!      ,,,,,,,\r\n",
//! )?;
//! std::fs::write(
//!     dir.join("members.csv"),
//!     "党员编号,姓名,身份证号,所在支部,入党日期,转正日期\n\
//!      DY001,马志远,640121197803121016,WH-DH,2001/7/1,2002/7/1\n",
//! )?;
//!
//! let mut faults = Vec::new();
//! let data = load(&dir, &mut faults).expect("a dataset folder");
//! // The unused column is a warning, named once; the blank row is ignored.
//! assert!(data.warnings.iter().any(|w| w.to_string().contains("联系电话")));
//! let world = validate(data, &mut faults);
//! assert!(faults.is_empty(), "{faults:?}");
//! assert_eq!(world.tree.len(), 3);
//! assert_eq!(world.members.len(), 1);
//! // Personal data never appear in full, in faults or anywhere else.
//! assert_eq!(
//!     zugong_dataset::privacy::mask("身份证号 640121197803121016"),
//!     "身份证号 640121********1016"
//! );
//! # std::fs::remove_dir_all(&dir)?;
//! # Ok::<(), std::io::Error>(())
//! ```
//!
//! A record that cannot be read is a [`Fault`]: its [`FaultKind`], file, line, field, the
//! record's code where one names it, the rule that refused it, and a message in both languages
//! ([`text::Text`]) for the caller to show in the one its reader asked for. Records that depend
//! on a refused one are summarized once, not listed one by one; [`validate()`] always returns a
//! world of the records that passed.
//!
//! The folder form:
//!
//! ```text
//! DIR/dataset.json          manifest: {"format": 1, "name": …, "as_of": "2026-11-30", "rubric": "five_star_110"}
//! DIR/org_units.jsonl       or org_units.csv or a sheet of DIR.xlsx — required
//! DIR/members.jsonl         members.csv …   — each table optional
//! DIR/journals/*.jsonl      journals written by the scenario commands
//! ```

pub mod act;
pub mod cell;
pub mod database;
mod error;
pub mod explain;
mod fault;
mod grid;
pub mod journals;
pub mod lang;
mod load;
pub mod privacy;
pub mod progress;
pub mod record;
mod replace;
pub mod tables;
pub mod text;
pub mod validate;
mod write;
mod xlsx;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use error::DatasetError;
pub use fault::{Fault, FaultKind};
pub use load::{load, load_store};
pub use replace::{recover as recover_replacement, replace_dataset};
pub use tables::*;
pub use validate::{Applicant, World, validate};
pub use write::{
    TableWriter, each_table, manifest_text, write_atomically, write_csv_dataset, write_dataset,
};

/// The dataset's format version written by this build.
pub const FORMAT: u32 = 1;

/// `dataset.json`: what the dataset is and the day it speaks of.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    /// Format version (1).
    pub format: u32,
    /// The area or body the data belong to, e.g. `永宁县`.
    pub name: String,
    /// The day the data speak of: reports and checks are made as of this day.
    pub as_of: NaiveDate,
    /// The star-rating rubric preset (`five_star_110`, `zhejiang`, `ankang`, `university_2024`,
    /// `hundred_point_base`); the 110-point scheme if absent.
    #[serde(default)]
    pub rubric: Option<String>,
}

/// A record and the line it came from.
#[derive(Debug, Clone)]
pub struct Row<R> {
    /// Line in its file.
    pub line: u64,
    /// The record.
    pub record: R,
}

/// A journal file of a scenario, as stored: its lines are read as entries only by
/// [`crate::journals::verify_all`].
#[derive(Debug, Clone)]
pub struct JournalFile {
    /// File name, relative to the dataset folder (`journals/selection-….jsonl`).
    pub file: String,
    /// Its non-blank lines.
    pub lines: Vec<JournalLine>,
}

/// One stored line of a journal file.
#[derive(Debug, Clone)]
pub struct JournalLine {
    /// The line number in its file, from 1.
    pub number: u64,
    /// The text, as written.
    pub text: String,
}

/// Every table of a dataset as read (records that failed to read are left out, with faults).
#[derive(Debug, Clone)]
pub struct Dataset {
    /// The manifest.
    pub manifest: Manifest,
    /// 单位.
    pub institutions: Vec<Row<InstitutionRecord>>,
    /// 组织单位.
    pub units: Vec<Row<UnitRecord>>,
    /// 党员.
    pub members: Vec<Row<MemberRecord>>,
    /// 培训班次.
    pub classes: Vec<Row<ClassRecord>>,
    /// 参训记录.
    pub attendance: Vec<Row<AttendanceRecord>>,
    /// 支部.
    pub branches: Vec<Row<BranchRecord>>,
    /// 评分.
    pub scores: Vec<Row<ScoreRecord>>,
    /// 组织生活 (meetings).
    pub meetings: Vec<Row<MeetingRecord>>,
    /// 下派任务.
    pub tasks: Vec<Row<TaskRecord>>,
    /// 陪会.
    pub summoned_meetings: Vec<Row<SummonedMeetingRecord>>,
    /// 届期.
    pub terms: Vec<Row<TermRecord>>,
    /// 换届选举.
    pub elections: Vec<Row<ElectionRecord>>,
    /// 村集体经济.
    pub economy: Vec<Row<CollectiveReturnRecord>>,
    /// 两新组织.
    pub two_new: Vec<Row<TwoNewRecord>>,
    /// 入党申请人.
    pub applicants: Vec<Row<ApplicantRecord>>,
    /// 发展党员计划.
    pub plans: Vec<Row<DevelopmentPlanRecord>>,
    /// 组织关系转接.
    pub transfers: Vec<Row<TransferRecord>>,
    /// 党费.
    pub dues: Vec<Row<DuesRecord>>,
    /// 外出党员.
    pub outflows: Vec<Row<OutflowRecord>>,
    /// 职位.
    pub posts: Vec<Row<PostRecord>>,
    /// 职数.
    pub quotas: Vec<Row<QuotaRecord>>,
    /// 干部.
    pub cadres: Vec<Row<CadreRecord>>,
    /// 亲属关系.
    pub relations: Vec<Row<RelationRecord>>,
    /// 处分和组织处理.
    pub sanctions: Vec<Row<SanctionRecord>>,
    /// 干部管理权限.
    pub management: Vec<Row<ManagementRecord>>,
    /// 人才.
    pub talents: Vec<Row<TalentRow>>,
    /// Journals of scenarios run on this dataset.
    pub journals: Vec<JournalFile>,
    /// The code each record was given in a CSV table (its id is derived from it): messages
    /// name records by these, not by the derived ids.
    pub codes: std::collections::HashMap<uuid::Uuid, String>,
    /// Notes that do not stop the dataset from being read (a roster column not used).
    pub warnings: Vec<Fault>,
    /// The head each journal had when it was written (`journals/heads.json`).
    pub journal_heads: std::collections::BTreeMap<String, zugong_core::journal::Digest>,
    /// The file each table was read from (`members` → `members.csv`).
    pub files: std::collections::BTreeMap<&'static str, String>,
    /// Ids of records that could not be read (their faults are listed); references to them
    /// are not reported again one by one.
    pub unreadable: std::collections::HashSet<uuid::Uuid>,
}

impl Dataset {
    /// An empty dataset with this manifest.
    pub fn empty(manifest: Manifest) -> Self {
        Self {
            manifest,
            institutions: Vec::new(),
            units: Vec::new(),
            members: Vec::new(),
            classes: Vec::new(),
            attendance: Vec::new(),
            branches: Vec::new(),
            scores: Vec::new(),
            meetings: Vec::new(),
            tasks: Vec::new(),
            summoned_meetings: Vec::new(),
            terms: Vec::new(),
            elections: Vec::new(),
            economy: Vec::new(),
            two_new: Vec::new(),
            applicants: Vec::new(),
            plans: Vec::new(),
            transfers: Vec::new(),
            dues: Vec::new(),
            outflows: Vec::new(),
            posts: Vec::new(),
            quotas: Vec::new(),
            cadres: Vec::new(),
            relations: Vec::new(),
            sanctions: Vec::new(),
            management: Vec::new(),
            talents: Vec::new(),
            journals: Vec::new(),
            codes: std::collections::HashMap::new(),
            warnings: Vec::new(),
            journal_heads: std::collections::BTreeMap::new(),
            files: std::collections::BTreeMap::new(),
            unreadable: std::collections::HashSet::new(),
        }
    }
}
