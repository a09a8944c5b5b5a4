//! The dataset: a folder of tables (JSON Lines or CSV), a manifest and journals.
//!
//! ```text
//! DIR/dataset.json          manifest: {"format": 1, "name": …, "as_of": "2026-11-30", "rubric": "five_star_110"}
//! DIR/org_units.jsonl       or org_units.csv — required
//! DIR/members.jsonl         members.csv …   — each table optional
//! DIR/journals/*.jsonl      journals written by the scenario commands
//! ```
//!
//! Loading reads every record of every table, collecting every fault (file, line, field);
//! [`validate()`] then checks the records against each other.

pub(crate) mod cell;
mod load;
pub(crate) mod record;
pub(crate) mod tables;
pub(crate) mod validate;
mod write;
mod xlsx;

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub(crate) use load::{load, load_store};
pub(crate) use tables::*;
pub(crate) use validate::{Applicant, World, validate};
pub(crate) use write::{
    TableWriter, each_table, manifest_text, write_atomically, write_csv_dataset, write_dataset,
};

/// The dataset's format version written by this build.
pub(crate) const FORMAT: u32 = 1;

/// `dataset.json`: what the dataset is and the day it speaks of.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Manifest {
    /// Format version (1).
    pub(crate) format: u32,
    /// The area or body the data belong to, e.g. `永宁县`.
    pub(crate) name: String,
    /// The day the data speak of: reports and checks are made as of this day.
    pub(crate) as_of: NaiveDate,
    /// The star-rating rubric preset (`five_star_110`, `zhejiang`, `ankang`, `university_2024`,
    /// `hundred_point_base`); the 110-point scheme if absent.
    #[serde(default)]
    pub(crate) rubric: Option<String>,
}

/// One problem found in a dataset: where it is and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct Fault {
    /// The file, relative to the dataset folder.
    pub(crate) file: String,
    /// The line (JSON Lines: the record's line; CSV: the row's line, the header being line 1).
    pub(crate) line: Option<u64>,
    /// The field (or CSV column).
    pub(crate) field: Option<String>,
    /// What is wrong (and, for a rule, which rule); ID and phone numbers masked when shown.
    #[serde(serialize_with = "masked")]
    pub(crate) message: String,
}

fn masked<S: serde::Serializer>(text: &str, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&crate::privacy::mask(text))
}

impl Fault {
    /// A fault of a whole file.
    pub(crate) fn file(file: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            file: file.into(),
            line: None,
            field: None,
            message: message.into(),
        }
    }

    /// A fault of one field of one record.
    pub(crate) fn at(
        file: impl Into<String>,
        line: u64,
        field: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Self {
            file: file.into(),
            line: Some(line),
            field: Some(field.into()),
            message: message.into(),
        }
    }
}

impl fmt::Display for Fault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        if let Some(field) = &self.field {
            write!(f, ": {field}")?;
        }
        write!(f, ": {}", crate::privacy::mask(&self.message))
    }
}

/// A record and the line it came from.
#[derive(Debug, Clone)]
pub(crate) struct Row<R> {
    /// Line in its file.
    pub(crate) line: u64,
    /// The record.
    pub(crate) record: R,
}

/// A journal file of a scenario, as stored: its lines are read as entries only by
/// [`crate::journals::verify_all`].
#[derive(Debug, Clone)]
pub(crate) struct JournalFile {
    /// File name, relative to the dataset folder (`journals/selection-….jsonl`).
    pub(crate) file: String,
    /// Its non-blank lines.
    pub(crate) lines: Vec<JournalLine>,
}

/// One stored line of a journal file.
#[derive(Debug, Clone)]
pub(crate) struct JournalLine {
    /// The line number in its file, from 1.
    pub(crate) number: u64,
    /// The text, as written.
    pub(crate) text: String,
}

/// Every table of a dataset as read (records that failed to read are left out, with faults).
#[derive(Debug, Clone)]
pub(crate) struct Dataset {
    /// The manifest.
    pub(crate) manifest: Manifest,
    /// 单位.
    pub(crate) institutions: Vec<Row<InstitutionRecord>>,
    /// 组织单位.
    pub(crate) units: Vec<Row<UnitRecord>>,
    /// 党员.
    pub(crate) members: Vec<Row<MemberRecord>>,
    /// 培训班次.
    pub(crate) classes: Vec<Row<ClassRecord>>,
    /// 参训记录.
    pub(crate) attendance: Vec<Row<AttendanceRecord>>,
    /// 支部.
    pub(crate) branches: Vec<Row<BranchRecord>>,
    /// 评分.
    pub(crate) scores: Vec<Row<ScoreRecord>>,
    /// 组织生活 (meetings).
    pub(crate) meetings: Vec<Row<MeetingRecord>>,
    /// 下派任务.
    pub(crate) tasks: Vec<Row<TaskRecord>>,
    /// 陪会.
    pub(crate) summoned_meetings: Vec<Row<SummonedMeetingRecord>>,
    /// 届期.
    pub(crate) terms: Vec<Row<TermRecord>>,
    /// 换届选举.
    pub(crate) elections: Vec<Row<ElectionRecord>>,
    /// 村集体经济.
    pub(crate) economy: Vec<Row<CollectiveReturnRecord>>,
    /// 两新组织.
    pub(crate) two_new: Vec<Row<TwoNewRecord>>,
    /// 入党申请人.
    pub(crate) applicants: Vec<Row<ApplicantRecord>>,
    /// 发展党员计划.
    pub(crate) plans: Vec<Row<DevelopmentPlanRecord>>,
    /// 组织关系转接.
    pub(crate) transfers: Vec<Row<TransferRecord>>,
    /// 党费.
    pub(crate) dues: Vec<Row<DuesRecord>>,
    /// 外出党员.
    pub(crate) outflows: Vec<Row<OutflowRecord>>,
    /// 职位.
    pub(crate) posts: Vec<Row<PostRecord>>,
    /// 职数.
    pub(crate) quotas: Vec<Row<QuotaRecord>>,
    /// 干部.
    pub(crate) cadres: Vec<Row<CadreRecord>>,
    /// 亲属关系.
    pub(crate) relations: Vec<Row<RelationRecord>>,
    /// 处分和组织处理.
    pub(crate) sanctions: Vec<Row<SanctionRecord>>,
    /// 干部管理权限.
    pub(crate) management: Vec<Row<ManagementRecord>>,
    /// 人才.
    pub(crate) talents: Vec<Row<TalentRow>>,
    /// Journals of scenarios run on this dataset.
    pub(crate) journals: Vec<JournalFile>,
    /// The code each record was given in a CSV table (its id is derived from it): messages
    /// name records by these, not by the derived ids.
    pub(crate) codes: std::collections::HashMap<uuid::Uuid, String>,
    /// Notes that do not stop the dataset from being read (a roster column not used).
    pub(crate) warnings: Vec<Fault>,
    /// The head each journal had when it was written (`journals/heads.json`).
    pub(crate) journal_heads: std::collections::BTreeMap<String, zugong_core::journal::Digest>,
    /// The file each table was read from (`members` → `members.csv`).
    pub(crate) files: std::collections::BTreeMap<&'static str, String>,
    /// Ids of records that could not be read (their faults are listed); references to them
    /// are not reported again one by one.
    pub(crate) unreadable: std::collections::HashSet<uuid::Uuid>,
}

impl Dataset {
    /// An empty dataset with this manifest.
    pub(crate) fn empty(manifest: Manifest) -> Self {
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
