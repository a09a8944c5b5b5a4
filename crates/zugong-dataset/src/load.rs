//! Reading a dataset folder: every record of every table, every fault collected.

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::Path;

use serde_json::Value;

use super::cell::{IdKind, Refs, id_for_code};
use super::record::Record;
use crate::FaultKind;
use zugong_store::Store;

use super::{AttendanceRecord, Dataset, Fault, JournalFile, JournalLine, Manifest, Row};
use crate::grid::Grid;
use crate::progress::{Progress, Unit};
use crate::text::{Text, text};

/// Headers a roster may carry that mean nothing to a table (ignored).
const IGNORED_HEADERS: [&str; 4] = ["序号", "备注", "no", "note"];

/// Reads the dataset in `dir`; `None` when there is no dataset to speak of (no folder, no
/// manifest), with the faults saying why.
pub fn load(dir: &Path, faults: &mut Vec<Fault>) -> Option<Dataset> {
    if dir.is_file()
        && dir
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"))
    {
        return load_workbook(dir, faults);
    }
    // A replacement a killed process left half done is finished (or undone) first, as a
    // database rolls a hot journal back before it is read: the folder is then the old
    // dataset or the new one.
    if let Err(e) = crate::recover_replacement(dir) {
        faults.push(Fault::file(
            FaultKind::Unreadable,
            dir.display().to_string(),
            text!(
                "上次替换数据集未完成，且无法恢复：{e}",
                "an interrupted replacement of the dataset could not be recovered: {e}"
            ),
        ));
        return None;
    }
    if !dir.is_dir() {
        faults.push(Fault::file(
            FaultKind::Unreadable,
            dir.display().to_string(),
            text!(
                "不是文件夹：数据集是包含 dataset.json 和各表文件的文件夹，或一个 Excel 工作簿（.xlsx）",
                "not a folder: a dataset is a folder holding dataset.json and the tables, or an Excel workbook (.xlsx)"
            ),
        ));
        return None;
    }
    let manifest = read_manifest(dir, faults)?;
    std::thread::scope(|scope| {
        // The attendance (the largest table) is read on a second thread when it is JSON Lines
        // (it refers to members by id, so it needs nothing the other tables register).
        let attendance_jsonl = dir.join("attendance.jsonl");
        let parallel = attendance_jsonl.is_file() && !dir.join("attendance.csv").is_file();
        let attendance = parallel.then(|| {
            scope.spawn(move || {
                let (mut faults, mut unreadable) = (Vec::new(), std::collections::HashSet::new());
                let rows = read_jsonl::<AttendanceRecord>(
                    &attendance_jsonl,
                    &mut faults,
                    &mut unreadable,
                    true,
                );
                (rows, faults, unreadable)
            })
        });
        read_tables(&Source::Folder(dir), manifest, faults, attendance)
    })
}

/// Where the tables come from.
enum Source<'a> {
    /// A dataset folder: `TABLE.jsonl`, `TABLE.csv` or `TABLE.xlsx`, and `journals/`.
    Folder(&'a Path),
    /// A workbook's sheets by table (each taken once).
    Workbook(std::cell::RefCell<HashMap<&'static str, Grid>>),
    /// A store's tables and journals.
    Store(std::cell::RefCell<&'a mut Store>),
}

/// Reads the dataset a store holds (its manifest, tables and journals), as [`load`] reads a
/// folder: the same records, the same faults, the journals left to be verified.
pub fn load_store(store: &mut Store, faults: &mut Vec<Fault>) -> Option<Dataset> {
    let text = match store.manifest() {
        Ok(Some(text)) => text,
        Ok(None) => {
            faults.push(Fault::file(
                FaultKind::Missing,
                store.location(),
                text!(
                    "数据库中还没有数据集：先用 zugong import 导入",
                    "the store holds no dataset yet: import one with zugong import"
                ),
            ));
            return None;
        }
        Err(e) => {
            faults.push(store_fault(store, &e));
            return None;
        }
    };
    let manifest = parse_manifest(&text, faults)?;
    read_tables(
        &Source::Store(std::cell::RefCell::new(store)),
        manifest,
        faults,
        None,
    )
}

/// A store's failure as a fault of the dataset.
fn store_fault(store: &Store, e: &zugong_store::StoreError) -> Fault {
    let message = Text::from_fn(|lang| e.message(lang.language()));
    Fault::file(FaultKind::Unreadable, store.location(), message)
}

/// Reads a store's journals as journal files (`journals/NAME.jsonl`, one line per entry,
/// numbered by position) with their recorded heads.
fn store_journals(
    store: &mut Store,
    faults: &mut Vec<Fault>,
) -> (
    Vec<JournalFile>,
    std::collections::BTreeMap<String, zugong_core::journal::Digest>,
) {
    let mut files = Vec::new();
    let mut heads = std::collections::BTreeMap::new();
    let infos = match store.journals() {
        Ok(i) => i,
        Err(e) => {
            faults.push(store_fault(store, &e));
            return (files, heads);
        }
    };
    for info in infos {
        match store.entries(&info.name) {
            Ok(entries) => {
                let file = format!("{}.jsonl", info.name);
                heads.insert(file.clone(), info.head);
                files.push(JournalFile {
                    file: format!("journals/{file}"),
                    lines: entries
                        .into_iter()
                        .map(|e| JournalLine {
                            number: e.position,
                            text: e.text,
                        })
                        .collect(),
                });
            }
            Err(e) => faults.push(store_fault(store, &e)),
        }
    }
    (files, heads)
}

/// Reads a whole dataset from one Excel workbook: a sheet per table and the manifest sheet.
fn load_workbook(path: &Path, faults: &mut Vec<Fault>) -> Option<Dataset> {
    let file = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let sheets = match super::xlsx::sheets(path) {
        Ok(s) => s,
        Err(e) => {
            faults.push(Fault::file(
                FaultKind::Unreadable,
                file,
                text!(
                    "不是可读取的 Excel 工作簿：{e}",
                    "not a readable Excel workbook: {e}"
                ),
            ));
            return None;
        }
    };
    let Some(manifest) = super::xlsx::manifest_json(&sheets) else {
        faults.push(Fault::file(
            FaultKind::Missing,
            file,
            text!(
                "缺少“数据集”工作表（两列：名称、截至日期、评星标准）",
                "no 数据集 (dataset) sheet: two columns naming 名称, 截至日期 and 评星标准"
            ),
        ));
        return None;
    };
    let manifest = manifest_from(manifest, &format!("{file}#数据集"), faults)?;
    let mut warnings = Vec::new();
    let mut tables = HashMap::new();
    for (name, grid) in sheets {
        match super::xlsx::table_of(&name) {
            Some(table) => {
                tables.insert(table, grid);
            }
            None if super::xlsx::manifest_json(&[(
                name.clone(),
                Grid {
                    name: String::new(),
                    headers: Vec::new(),
                    rows: Vec::new(),
                },
            )])
            .is_some() => {}
            None => warnings.push(Fault::file(
                FaultKind::UnknownColumn,
                format!("{file}#{name}"),
                text!(
                    "不是本程序认识的表，已忽略",
                    "not a table this build reads, ignored"
                ),
            )),
        }
    }
    let mut data = read_tables(
        &Source::Workbook(std::cell::RefCell::new(tables)),
        manifest,
        faults,
        None,
    )?;
    warnings.append(&mut data.warnings);
    data.warnings = warnings;
    Some(data)
}

type AttendanceRead = (
    Vec<Row<AttendanceRecord>>,
    Vec<Fault>,
    std::collections::HashSet<uuid::Uuid>,
);

/// The state every table's reading shares: where the tables come from, the references
/// registered so far, and what the dataset collects as it goes.
struct TableReader<'s, 'a> {
    source: &'s Source<'a>,
    refs: Refs,
    files: std::collections::BTreeMap<&'static str, String>,
    unreadable: std::collections::HashSet<uuid::Uuid>,
    warnings: Vec<Fault>,
    show: bool,
    /// Whether each record's keys are registered in `refs` (only cells refer to records by
    /// code or name: see [`reads_cells`]).
    register: bool,
}

/// Whether any table of `source` comes as cells (CSV, or a workbook): only cells refer to
/// records by a code or a name, so only then is every record's key registered for them. A
/// folder of JSON Lines, or a store, refers by id alone and skips the registry (for a
/// province, 12 million string keys).
fn reads_cells(source: &Source<'_>) -> bool {
    match source {
        Source::Workbook(_) => true,
        Source::Store(_) => false,
        Source::Folder(dir) => std::fs::read_dir(dir).map_or(true, |entries| {
            entries.flatten().any(|e| {
                let name = e.file_name();
                let name = name.to_string_lossy();
                name.ends_with(".csv") || name.ends_with(".xlsx")
            })
        }),
    }
}

impl TableReader<'_, '_> {
    /// Reads one table (see [`read_table`]).
    fn read<R: Record>(&mut self, faults: &mut Vec<Fault>) -> Vec<Row<R>> {
        let rows = read_table::<R>(
            self.source,
            &mut self.refs,
            faults,
            &mut self.files,
            &mut self.unreadable,
            &mut self.warnings,
            self.show,
        );
        if self.register {
            for r in &rows {
                r.record.register(&mut self.refs);
            }
        }
        rows
    }
}

/// Reads every table (the attendance from `attendance` when it is being read elsewhere),
/// faults in table order.
fn read_tables(
    source: &Source<'_>,
    manifest: Manifest,
    faults: &mut Vec<Fault>,
    attendance: Option<std::thread::ScopedJoinHandle<'_, AttendanceRead>>,
) -> Option<Dataset> {
    let mut data = Dataset::empty(manifest);
    let mut reader = TableReader {
        source,
        refs: Refs::default(),
        files: std::collections::BTreeMap::new(),
        unreadable: std::collections::HashSet::new(),
        warnings: Vec::new(),
        // One progress bar at a time: the attendance's when it is read beside the others.
        show: attendance.is_none(),
        register: reads_cells(source),
    };
    data.institutions = reader.read(faults);
    data.units = reader.read(faults);
    if data.units.is_empty() && !faults.iter().any(|f| f.file.starts_with("org_units")) {
        faults.push(Fault::file(
            FaultKind::Missing,
            "org_units.jsonl",
            text!(
                "缺失：数据集须有组织单位表（org_units.jsonl 或 org_units.csv）",
                "missing: a dataset needs its organization units (org_units.jsonl or org_units.csv)"
            ),
        ));
    }
    data.members = reader.read(faults);
    data.cadres = reader.read(faults);
    data.posts = reader.read(faults);
    data.classes = reader.read(faults);
    data.talents = reader.read(faults);
    let attendance_at = faults.len();
    if attendance.is_none() {
        data.attendance = reader.read(faults);
    }
    data.branches = reader.read(faults);
    data.scores = reader.read(faults);
    data.meetings = reader.read(faults);
    data.tasks = reader.read(faults);
    data.summoned_meetings = reader.read(faults);
    data.terms = reader.read(faults);
    data.elections = reader.read(faults);
    data.economy = reader.read(faults);
    data.two_new = reader.read(faults);
    data.applicants = reader.read(faults);
    data.plans = reader.read(faults);
    data.transfers = reader.read(faults);
    data.dues = reader.read(faults);
    data.outflows = reader.read(faults);
    data.quotas = reader.read(faults);
    data.relations = reader.read(faults);
    data.sanctions = reader.read(faults);
    data.management = reader.read(faults);
    data.files = reader.files;
    data.unreadable = reader.unreadable;
    data.warnings = reader.warnings;
    data.codes = reader.refs.spoken;
    match source {
        Source::Folder(dir) => {
            data.journals = read_journals(dir, faults);
            match crate::journals::read_heads(dir) {
                Ok(h) => data.journal_heads = h,
                Err(e) => faults.push(Fault::file(
                    FaultKind::Journal,
                    format!("journals/{}", crate::journals::HEADS_FILE),
                    text!(
                        "无法读取日志末条摘要：{e}",
                        "the journals' heads cannot be read: {e}"
                    ),
                )),
            }
        }
        Source::Store(store) => {
            let (journals, heads) = store_journals(&mut store.borrow_mut(), faults);
            data.journals = journals;
            data.journal_heads = heads;
        }
        Source::Workbook(_) => {}
    }
    if let Some(handle) = attendance {
        match handle.join() {
            Ok((rows, read_faults, unreadable)) => {
                data.attendance = rows;
                data.files
                    .insert("attendance", "attendance.jsonl".to_owned());
                data.unreadable.extend(unreadable);
                faults.splice(attendance_at..attendance_at, read_faults);
            }
            Err(_) => faults.push(Fault::file(
                FaultKind::Unreadable,
                "attendance.jsonl",
                text!("读取线程异常终止", "the reading thread stopped"),
            )),
        }
    }
    Some(data)
}

fn read_manifest(dir: &Path, faults: &mut Vec<Fault>) -> Option<Manifest> {
    let path = dir.join("dataset.json");
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            faults.push(Fault::file(
                FaultKind::Unreadable,
                "dataset.json",
                text!("无法读取：{e}", "cannot be read: {e}"),
            ));
            return None;
        }
    };
    parse_manifest(&text, faults)
}

/// The manifest from the text of a `dataset.json` (a BOM, which editors save, ignored).
fn parse_manifest(text: &str, faults: &mut Vec<Fault>) -> Option<Manifest> {
    let text = text.trim_start_matches('\u{feff}');
    match serde_json::from_str::<serde_json::Value>(text) {
        Ok(v) => manifest_from(v, "dataset.json", faults),
        Err(e) => {
            faults.push(Fault::file(
                FaultKind::Invalid,
                "dataset.json",
                text!(
                    "不是合法的清单：{}",
                    "not a manifest: {}",
                    crate::explain::serde(&e.to_string())
                ),
            ));
            None
        }
    }
}

/// The manifest from its JSON (a `dataset.json` or a workbook's 数据集 sheet): the day read as
/// the tables read days (2026/11/30, 2026年11月30日), the format checked.
fn manifest_from(
    mut v: serde_json::Value,
    file: &str,
    faults: &mut Vec<Fault>,
) -> Option<Manifest> {
    let day = v.get("as_of").and_then(|d| d.as_str()).and_then(|t| {
        <chrono::NaiveDate as super::cell::Field>::from_cell(t, &Refs::default()).ok()
    });
    if let (Some(d), Some(slot)) = (day, v.get_mut("as_of")) {
        *slot = serde_json::Value::String(d.to_string());
    }
    let parsed = serde_json::from_value::<Manifest>(v);
    match parsed {
        Ok(m) if m.format == super::FORMAT => Some(m),
        Ok(m) => {
            faults.push(Fault::file(
                FaultKind::Invalid,
                file,
                text!(
                    "不支持格式 {}（本程序读取格式 {}）",
                    "format {} is not supported (this build reads format {})",
                    m.format,
                    super::FORMAT
                ),
            ));
            None
        }
        Err(e) => {
            faults.push(Fault::file(
                FaultKind::Invalid,
                file,
                text!(
                    "不是合法的清单：{}",
                    "not a manifest: {}",
                    crate::explain::serde(&e.to_string())
                ),
            ));
            None
        }
    }
}

/// Reads one table from `TABLE.jsonl` or `TABLE.csv` (absent: empty).
#[allow(clippy::too_many_arguments)] // the reader's shared state, threaded through each table
fn read_table<R: Record>(
    source: &Source<'_>,
    refs: &mut Refs,
    faults: &mut Vec<Fault>,
    files: &mut std::collections::BTreeMap<&'static str, String>,
    unreadable: &mut std::collections::HashSet<uuid::Uuid>,
    warnings: &mut Vec<Fault>,
    show: bool,
) -> Vec<Row<R>> {
    let dir = match source {
        Source::Folder(dir) => *dir,
        Source::Workbook(sheets) => {
            let Some(grid) = sheets.borrow_mut().remove(R::TABLE) else {
                return Vec::new();
            };
            files.insert(R::TABLE, grid.name.clone());
            let rows = read_grid::<R>(grid, refs, faults, unreadable, warnings, show);
            return rows;
        }
        Source::Store(store) => {
            let mut store = store.borrow_mut();
            let name = format!("{}.jsonl", R::TABLE);
            let mut rows = Vec::new();
            let read = store.rows(R::TABLE, |line, text| {
                parse_row::<R>(&name, line, text, &mut rows, faults, unreadable);
                Ok(())
            });
            if let Err(e) = read {
                faults.push(store_fault(&store, &e));
            }
            if !rows.is_empty() {
                files.insert(R::TABLE, name);
            }
            return rows;
        }
    };
    let jsonl = dir.join(format!("{}.jsonl", R::TABLE));
    let csv = dir.join(format!("{}.csv", R::TABLE));
    let xlsx = dir.join(format!("{}.xlsx", R::TABLE));
    // A folder, a pipe or a broken link where a table should be is a fault, not an absence.
    for path in [&jsonl, &csv, &xlsx] {
        let present = std::fs::symlink_metadata(path).is_ok();
        if present && !path.is_file() {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            faults.push(Fault::file(
                FaultKind::Unreadable,
                name,
                text!(
                    "不是普通文件（文件夹、管道或失效的链接）：表须是一个文件",
                    "not a regular file (a folder, a pipe or a broken link): a table is a file"
                ),
            ));
            return Vec::new();
        }
    }
    let present = [jsonl.is_file(), csv.is_file(), xlsx.is_file()];
    if present.iter().filter(|p| **p).count() > 1 {
        faults.push(Fault::file(
            FaultKind::Duplicate,
            format!("{}.csv", R::TABLE),
            text!(
                "{0}.jsonl、{0}.csv、{0}.xlsx 中有多个：只保留一个",
                "more than one of {0}.jsonl, {0}.csv and {0}.xlsx: keep one",
                R::TABLE
            ),
        ));
        return Vec::new();
    }
    match (present[0], present[1] || present[2]) {
        (true, true) => Vec::new(),
        (false, true) if present[2] => {
            let name = format!("{}.xlsx", R::TABLE);
            files.insert(R::TABLE, name.clone());
            match super::xlsx::sheets(&xlsx) {
                Ok(mut sheets) if !sheets.is_empty() => {
                    let (_, mut grid) = sheets.swap_remove(0);
                    grid.name = name;
                    read_grid::<R>(grid, refs, faults, unreadable, warnings, show)
                }
                Ok(_) => Vec::new(),
                Err(e) => {
                    faults.push(Fault::file(
                        FaultKind::Unreadable,
                        name,
                        text!(
                            "不是可读取的 Excel 工作簿：{e}",
                            "not a readable Excel workbook: {e}"
                        ),
                    ));
                    Vec::new()
                }
            }
        }
        (true, false) => {
            files.insert(R::TABLE, format!("{}.jsonl", R::TABLE));
            read_jsonl::<R>(&jsonl, faults, unreadable, show)
        }
        (false, true) => {
            files.insert(R::TABLE, format!("{}.csv", R::TABLE));
            read_csv::<R>(&csv, refs, faults, unreadable, warnings, show)
        }
        (false, false) => Vec::new(),
    }
}

fn file_len(path: &Path) -> u64 {
    std::fs::metadata(path).map(|m| m.len()).unwrap_or(0)
}

fn read_jsonl<R: Record>(
    path: &Path,
    faults: &mut Vec<Fault>,
    unreadable: &mut std::collections::HashSet<uuid::Uuid>,
    show: bool,
) -> Vec<Row<R>> {
    let name = format!("{}.jsonl", R::TABLE);
    let file = match File::open(path) {
        Ok(f) => f,
        Err(e) => {
            faults.push(Fault::file(
                FaultKind::Unreadable,
                name,
                text!("无法读取：{e}", "cannot be read: {e}"),
            ));
            return Vec::new();
        }
    };
    let mut progress = Progress::new(
        text!("读取 {name}", "reading {name}"),
        if show { file_len(path) } else { 0 },
        Unit::Bytes,
    );
    progress.set_visible(show);
    let mut reader = BufReader::with_capacity(1 << 20, file);
    let mut out = Vec::new();
    let mut line = String::new();
    let mut number = 0u64;
    loop {
        line.clear();
        match reader.read_line(&mut line) {
            Ok(0) => break,
            Ok(n) => progress.add(n as u64),
            Err(e) => {
                faults.push(Fault::file(
                    FaultKind::Unreadable,
                    name.clone(),
                    text!(
                        "第 {number} 行之后无法读取：{e}",
                        "unreadable after line {number}: {e}"
                    ),
                ));
                break;
            }
        }
        number += 1;
        parse_row::<R>(&name, number, &line, &mut out, faults, unreadable);
    }
    progress.finish();
    out
}

/// Reads one JSON Lines row (line `number` of table file `name`) into `out`, or its faults.
fn parse_row<R: Record>(
    name: &str,
    number: u64,
    line: &str,
    out: &mut Vec<Row<R>>,
    faults: &mut Vec<Fault>,
    unreadable: &mut std::collections::HashSet<uuid::Uuid>,
) {
    let text = line.trim();
    if text.is_empty() {
        return;
    }
    if let Ok(record) = serde_json::from_str::<R>(text) {
        let refused = record.check_fields();
        if !refused.is_empty() {
            let mut code = None;
            if let Ok(Value::Object(map)) = serde_json::from_str::<Value>(text)
                && let Some(id) = map.get("id").and_then(Value::as_str)
            {
                code = Some(id.to_owned());
                if let Ok(id) = uuid::Uuid::parse_str(id) {
                    unreadable.insert(id);
                }
            }
            faults.extend(
                refused
                    .into_iter()
                    .map(|fault| of_record(fault.at(name, number), code.as_deref())),
            );
            return;
        }
        out.push(Row {
            line: number,
            record,
        });
        return;
    }
    match serde_json::from_str::<Value>(text) {
        Ok(Value::Object(map)) => match R::from_json(&map) {
            Ok(record) => out.push(Row {
                line: number,
                record,
            }),
            Err(fields) => {
                let code = map.get("id").and_then(Value::as_str);
                if let Some(id) = code.and_then(|t| uuid::Uuid::parse_str(t).ok()) {
                    unreadable.insert(id);
                }
                faults.extend(
                    fields
                        .into_iter()
                        .map(|fault| of_record(fault.at(name, number), code)),
                );
            }
        },
        Ok(_) => faults.push(
            Fault::file(
                FaultKind::Malformed,
                name,
                text!("不是 JSON 对象", "not a JSON object"),
            )
            .on_line(number),
        ),
        Err(e) => faults.push(
            Fault::file(
                FaultKind::Malformed,
                name,
                text!(
                    "不是合法的 JSON：{}",
                    "not JSON: {}",
                    crate::explain::serde(&e.to_string())
                ),
            )
            .on_line(number),
        ),
    }
}

fn header_column<R: Record>(header: &str) -> Option<usize> {
    let h = header.trim().trim_start_matches('\u{feff}').trim();
    R::COLUMNS
        .iter()
        .position(|c| c.field == h || c.headers.contains(&h))
}

fn read_csv<R: Record>(
    path: &Path,
    refs: &mut Refs,
    faults: &mut Vec<Fault>,
    unreadable: &mut std::collections::HashSet<uuid::Uuid>,
    warnings: &mut Vec<Fault>,
    show: bool,
) -> Vec<Row<R>> {
    let name = format!("{}.csv", R::TABLE);
    if !starts_as_utf8(path) {
        faults.push(Fault::file(
            FaultKind::Unreadable,
            name,
            text!(
                "不是 UTF-8 编码（多为 GBK）：请在 Excel 中另存为“CSV UTF-8（逗号分隔）”",
                "not UTF-8 (GBK, most likely): save it from Excel as \"CSV UTF-8 (comma delimited)\""
            ),
        ));
        return Vec::new();
    }
    let mut reader = match csv::ReaderBuilder::new()
        .flexible(true)
        .has_headers(true)
        .from_path(path)
    {
        Ok(r) => r,
        Err(e) => {
            faults.push(Fault::file(
                FaultKind::Unreadable,
                name,
                text!("无法读取：{e}", "cannot be read: {e}"),
            ));
            return Vec::new();
        }
    };
    let headers = match reader.headers() {
        Ok(h) => h.iter().map(str::to_owned).collect::<Vec<String>>(),
        Err(e) => {
            faults.push(Fault::file(
                FaultKind::Malformed,
                name,
                text!("没有表头行：{e}", "no header row: {e}"),
            ));
            return Vec::new();
        }
    };
    let mut rows = Vec::new();
    for (i, row) in reader.records().enumerate() {
        let line = i as u64 + 2;
        match row {
            Ok(r) => rows.push((line, r.iter().map(str::to_owned).collect())),
            Err(e) => faults.push(
                Fault::file(
                    FaultKind::Malformed,
                    name.clone(),
                    text!("不是合法的 CSV 行：{e}", "not a CSV row: {e}"),
                )
                .on_line(line),
            ),
        }
    }
    let grid = Grid {
        name,
        headers,
        rows,
    };
    read_grid::<R>(grid, refs, faults, unreadable, warnings, show)
}

/// Reads a table's records from a grid: headers matched to the table's columns (Chinese or
/// field names), rows of blank cells skipped, every bad field listed.
pub(crate) fn read_grid<R: Record>(
    grid: Grid,
    refs: &mut Refs,
    faults: &mut Vec<Fault>,
    unreadable: &mut std::collections::HashSet<uuid::Uuid>,
    warnings: &mut Vec<Fault>,
    show: bool,
) -> Vec<Row<R>> {
    let Grid {
        name,
        headers,
        rows: all_rows,
    } = grid;
    // Column of the table → index in the row.
    let mut slots: Vec<Option<usize>> = vec![None; R::COLUMNS.len()];
    // Header faults: a column twice, an unknown column, a required column missing.
    let at_header = |kind: FaultKind, field: &str, message: Text| {
        Fault::at(kind, name.clone(), 1, field, message)
    };
    let mut header_faults = Vec::new();
    for (i, h) in headers.iter().enumerate() {
        let clean = h.trim().trim_start_matches('\u{feff}').trim();
        match header_column::<R>(clean) {
            Some(c) => match slots.get_mut(c) {
                Some(slot @ None) => *slot = Some(i),
                _ => header_faults.push(at_header(
                    FaultKind::Duplicate,
                    clean,
                    text!("同一字段出现两列", "a second column for the same field"),
                )),
            },
            None if clean.is_empty() || IGNORED_HEADERS.contains(&clean) => {}
            // Rosters carry columns the table does not take (政治面貌, 联系电话…): read past
            // them, once noted.
            None => warnings.push(at_header(
                FaultKind::UnknownColumn,
                clean,
                text!(
                    "未使用的列，已忽略；{} 表可用的列：{}",
                    "column not used, ignored; {} takes: {}",
                    R::TABLE,
                    known_headers::<R>()
                ),
            )),
        }
    }
    for field in R::required() {
        let c = R::COLUMNS.iter().position(|c| c.field == field);
        if c.and_then(|c| slots.get(c).copied().flatten()).is_none() {
            let header = R::COLUMNS
                .iter()
                .find(|c| c.field == field)
                .and_then(|c| c.headers.first())
                .copied()
                .unwrap_or(field);
            header_faults.push(at_header(
                FaultKind::Missing,
                header,
                text!(
                    "缺少必填列（{header} 或 {field}）",
                    "required column missing ({header} or {field})"
                ),
            ));
        }
    }
    if !header_faults.is_empty() {
        faults.extend(header_faults);
        return Vec::new();
    }
    // Excel writes rows of bare commas (or blank rows) after the data: they are not records.
    let rows: Vec<(u64, Vec<String>)> = all_rows
        .into_iter()
        .filter(|(_, r)| !r.iter().all(|c| c.trim().is_empty()))
        .collect();
    // Codes in the id column (and names) name records of this table for the cells below.
    if let Some((kind, alias)) = R::KEY {
        for (_, row) in &rows {
            if let Some(code) = key_cell::<R>(&slots, row, "id") {
                let id = id_for_code(kind, code);
                refs.register(kind, code, id);
                if let Some(alias) = alias.and_then(|a| key_cell::<R>(&slots, row, a)) {
                    refs.register(kind, &normalize(kind, alias), id);
                }
            }
        }
    }
    let mut progress = Progress::new(
        text!("读取 {name}", "reading {name}"),
        rows.len() as u64,
        Unit::Items,
    );
    progress.set_visible(show);
    let mut out = Vec::with_capacity(rows.len());
    for (line, row) in rows {
        let cells: Vec<Option<&str>> = slots
            .iter()
            .map(|s| {
                s.and_then(|i| row.get(i))
                    .map(|t| t.trim())
                    .filter(|t| !t.is_empty())
            })
            .collect();
        match R::from_cells(&cells, refs) {
            Ok(record) => out.push(Row { line, record }),
            Err(fields) => {
                let code = key_cell::<R>(&slots, &row, "id");
                if let (Some((kind, _)), Some(code)) = (R::KEY, code) {
                    unreadable.insert(id_for_code(kind, code));
                }
                faults.extend(fields.into_iter().map(|fault| {
                    let field = &fault.field;
                    let header = R::COLUMNS
                        .iter()
                        .find(|c| c.field == field)
                        .and_then(|c| c.headers.first())
                        .map_or(field.clone(), |h| format!("{field} ({h})"));
                    let kind = fault.kind;
                    let fault = Fault::at(kind, name.clone(), line, header, fault.message);
                    of_record(fault, code)
                }));
            }
        }
        progress.add(1);
    }
    progress.finish();
    out
}

/// `fault`, about the record whose id cell holds `code` (when the row has one).
fn of_record(fault: Fault, code: Option<&str>) -> Fault {
    match code {
        Some(code) if !code.trim().is_empty() => fault.of_record(code.trim()),
        _ => fault,
    }
}

/// Whether the first 64 KiB of a file are UTF-8 (a character cut at the end is allowed):
/// spreadsheets exported in GBK are refused once, not row by row.
fn starts_as_utf8(path: &Path) -> bool {
    use std::io::Read;
    let mut head = Vec::with_capacity(1 << 16);
    let Ok(file) = File::open(path) else {
        return true; // the reader reports it
    };
    if file.take(1 << 16).read_to_end(&mut head).is_err() {
        return true;
    }
    match std::str::from_utf8(&head) {
        Ok(_) => true,
        Err(e) => e.error_len().is_none(),
    }
}

/// The text of `field` in a CSV row, if present and not empty.
fn key_cell<'r, R: Record>(
    slots: &[Option<usize>],
    row: &'r [String],
    field: &str,
) -> Option<&'r str> {
    let c = R::COLUMNS.iter().position(|c| c.field == field)?;
    let at = slots.get(c).copied().flatten()?;
    row.get(at).map(|t| t.trim()).filter(|t| !t.is_empty())
}

/// Citizen ID numbers are looked up with an upper-case check character.
fn normalize(kind: IdKind, text: &str) -> String {
    match kind {
        IdKind::Member | IdKind::Cadre => text.trim().to_uppercase(),
        _ => text.trim().to_owned(),
    }
}

fn known_headers<R: Record>() -> String {
    R::COLUMNS
        .iter()
        .map(|c| match c.headers.first() {
            Some(h) => format!("{h}/{}", c.field),
            None => c.field.to_owned(),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn read_journals(dir: &Path, faults: &mut Vec<Fault>) -> Vec<JournalFile> {
    let Ok(entries) = std::fs::read_dir(dir.join("journals")) else {
        return Vec::new();
    };
    let mut names: Vec<String> = entries
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".jsonl"))
        .collect();
    names.sort();
    names
        .into_iter()
        .filter_map(|n| {
            read_journal(
                &dir.join("journals").join(&n),
                &format!("journals/{n}"),
                faults,
            )
        })
        .collect()
}

/// Reads one journal file (JSON Lines of entries), as text: [`crate::journals`] reads the
/// entries.
pub(crate) fn read_journal(
    path: &Path,
    name: &str,
    faults: &mut Vec<Fault>,
) -> Option<JournalFile> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            faults.push(Fault::file(
                FaultKind::Unreadable,
                name,
                text!("无法读取：{e}", "cannot be read: {e}"),
            ));
            return None;
        }
    };
    let lines = text
        .lines()
        .zip(1u64..)
        .filter(|(l, _)| !l.trim().is_empty())
        .map(|(l, number)| JournalLine {
            number,
            text: l.to_owned(),
        })
        .collect();
    Some(JournalFile {
        file: name.to_owned(),
        lines,
    })
}
