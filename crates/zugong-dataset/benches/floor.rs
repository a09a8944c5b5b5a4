//! The floor under `zugong check` on a folder of JSON Lines: every table read line by line
//! and deserialized by serde_json into its record type, the records held as a load holds them,
//! with nothing checked, resolved or indexed. `benches/province.sh` runs it beside `check` and
//! `report` on the same files and prints their ratio to it.
//!
//! The attendance table is read on a second thread while this one reads the rest, as the
//! loader does. Run: `cargo bench -p zugong-dataset --bench floor -- DIR`.
#![allow(clippy::print_stdout, missing_docs)]

use std::io::BufRead;
use std::path::{Path, PathBuf};

use zugong_dataset::record::Record;
use zugong_dataset::*;

/// Every line of `DIR/TABLE.jsonl` that deserializes, held.
fn read<R: Record>(dir: &Path) -> Vec<R> {
    let Ok(file) = std::fs::File::open(dir.join(format!("{}.jsonl", R::TABLE))) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut reader = std::io::BufReader::with_capacity(1 << 20, file);
    let mut line = String::new();
    while reader.read_line(&mut line).is_ok_and(|n| n > 0) {
        if let Ok(r) = serde_json::from_str::<R>(&line) {
            out.push(r);
        }
        line.clear();
    }
    out
}

fn main() {
    // `cargo bench` passes `--bench` to a bench without a harness; the folder is the argument
    // that is not a flag.
    let Some(dir) = std::env::args().skip(1).find(|a| !a.starts_with("--")) else {
        println!("usage: floor DIR");
        return;
    };
    let dir = PathBuf::from(dir);
    let second = dir.clone();
    let attendance = std::thread::spawn(move || read::<AttendanceRecord>(&second));
    let mut records = 0usize;
    let held = (
        read::<InstitutionRecord>(&dir),
        read::<UnitRecord>(&dir),
        read::<MemberRecord>(&dir),
        read::<ClassRecord>(&dir),
        read::<BranchRecord>(&dir),
        read::<ScoreRecord>(&dir),
        read::<MeetingRecord>(&dir),
        read::<TaskRecord>(&dir),
        read::<SummonedMeetingRecord>(&dir),
        read::<TermRecord>(&dir),
        read::<ElectionRecord>(&dir),
        read::<CollectiveReturnRecord>(&dir),
        read::<TwoNewRecord>(&dir),
        read::<ApplicantRecord>(&dir),
        read::<DevelopmentPlanRecord>(&dir),
        read::<TransferRecord>(&dir),
        read::<DuesRecord>(&dir),
        read::<OutflowRecord>(&dir),
        read::<PostRecord>(&dir),
        read::<QuotaRecord>(&dir),
        read::<CadreRecord>(&dir),
        read::<RelationRecord>(&dir),
        read::<SanctionRecord>(&dir),
        read::<ManagementRecord>(&dir),
        read::<TalentRow>(&dir),
    );
    records += held.2.len() + held.1.len() + held.20.len();
    let attendance = attendance.join().unwrap_or_default();
    records += attendance.len();
    println!("{records} members, units, cadres and attendance rows held");
}
