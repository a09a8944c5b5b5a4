//! Excel workbooks (.xlsx), read directly with `calamine`: each worksheet becomes a grid of
//! text cells as Excel shows them, then goes through the same reader as a CSV table (Chinese
//! headers, codes and names, every bad field listed).
//!
//! A workbook holds a whole dataset: one sheet per table, named by the table (`members`) or
//! its Chinese name (`党员`), and a sheet `数据集` (or `dataset`) of key–value rows for the
//! manifest (`名称`, `截至日期`, `评星标准`). A table may also be a workbook of its own in a
//! dataset folder (`members.xlsx`, first sheet).

use std::collections::HashMap;
use std::path::Path;

use calamine::{Data, Reader, Xlsx, open_workbook};

use crate::grid::Grid;

/// The tables and the Chinese sheet names they may carry.
pub(crate) const SHEET_NAMES: [(&str, &[&str]); 26] = [
    ("institutions", &["单位", "单位名录"]),
    ("org_units", &["组织单位", "组织", "党组织"]),
    ("management_list", &["干部管理权限", "干部职务名称表"]),
    ("members", &["党员", "党员花名册"]),
    ("cadres", &["干部", "干部名册"]),
    ("posts", &["职位", "职务"]),
    ("classes", &["培训班次", "班次"]),
    ("attendance", &["参训记录", "参训", "学时"]),
    ("branches", &["支部", "评星支部"]),
    ("branch_scores", &["评分", "支部评分"]),
    ("meetings", &["组织生活", "三会一课"]),
    ("tasks", &["下派任务", "任务"]),
    ("summoned_meetings", &["陪会", "代为参会"]),
    ("terms", &["届期", "换届"]),
    ("elections", &["选举", "换届选举"]),
    ("collective_economy", &["村集体经济", "集体经济"]),
    ("two_new_orgs", &["两新组织", "两个覆盖"]),
    ("applicants", &["入党申请人", "发展党员"]),
    ("development_plans", &["发展党员计划"]),
    ("transfers", &["组织关系转接"]),
    ("dues", &["党费", "党费收缴"]),
    ("outflows", &["外出党员", "流动党员"]),
    ("quotas", &["职数"]),
    ("relations", &["亲属关系"]),
    ("sanctions", &["处分和组织处理", "处分"]),
    ("talents", &["人才"]),
];

/// The names of the manifest sheet.
const MANIFEST_SHEETS: [&str; 3] = ["数据集", "dataset", "清单"];

/// A cell as text, the way the table readers take it: numbers without a trailing `.0`,
/// numbers Excel holds in floating point beyond 15 digits in scientific notation (a citizen ID
/// number typed into a number cell: the reader explains it), dates as `YYYY-MM-DD`, 是/否.
pub(crate) fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty | Data::Error(_) => String::new(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{f:.0}"),
        Data::Float(f) if f.abs() >= 1e15 => format!("{f:E}"),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => if *b { "是" } else { "否" }.to_owned(),
        Data::DateTime(d) => {
            let (y, m, dd, ..) = d.to_ymd_hms_milli();
            format!("{y:04}-{m:02}-{dd:02}")
        }
    }
}

/// Every sheet of a workbook as a grid (header row first; rows numbered as Excel numbers them).
///
/// # Errors
/// The workbook cannot be opened or a sheet cannot be read, in words.
pub(crate) fn sheets(path: &Path) -> Result<Vec<(String, Grid)>, String> {
    let mut book: Xlsx<_> = open_workbook(path).map_err(|e: calamine::XlsxError| e.to_string())?;
    let file = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut out = Vec::new();
    for sheet in book.sheet_names() {
        let range = book.worksheet_range(&sheet).map_err(|e| e.to_string())?;
        let first_row = range.start().map_or(0, |(r, _)| r);
        let mut rows = range.rows();
        let headers = rows
            .next()
            .map(|r| r.iter().map(cell_text).collect())
            .unwrap_or_default();
        let rows = rows
            .zip(u64::from(first_row) + 2..)
            .map(|(r, line)| (line, r.iter().map(cell_text).collect()))
            .collect();
        out.push((
            sheet.clone(),
            Grid {
                name: format!("{file}#{sheet}"),
                headers,
                rows,
            },
        ));
    }
    Ok(out)
}

/// The table a sheet name stands for.
pub(crate) fn table_of(sheet: &str) -> Option<&'static str> {
    let s = sheet.trim();
    SHEET_NAMES
        .iter()
        .find(|(t, zh)| *t == s || zh.contains(&s))
        .map(|(t, _)| *t)
}

/// The manifest sheet's key–value rows as the JSON of `dataset.json`.
pub(crate) fn manifest_json(sheets: &[(String, Grid)]) -> Option<serde_json::Value> {
    let (_, grid) = sheets
        .iter()
        .find(|(name, _)| MANIFEST_SHEETS.contains(&name.trim()))?;
    let mut pairs: HashMap<&str, String> = HashMap::new();
    for row in std::iter::once(&grid.headers).chain(grid.rows.iter().map(|(_, r)| r)) {
        if let (Some(k), Some(v)) = (row.first(), row.get(1)) {
            let key = match k.trim() {
                "格式" | "format" => "format",
                "名称" | "name" => "name",
                "截至日期" | "截止日期" | "统计截止日期" | "as_of" => "as_of",
                "评星标准" | "rubric" => "rubric",
                _ => continue,
            };
            pairs.insert(key, v.trim().to_owned());
        }
    }
    let mut m = serde_json::Map::new();
    let format = pairs
        .get("format")
        .and_then(|f| f.parse::<u32>().ok())
        .unwrap_or(super::FORMAT);
    m.insert("format".into(), format.into());
    for key in ["name", "as_of", "rubric"] {
        if let Some(v) = pairs.get(key).filter(|v| !v.is_empty()) {
            m.insert(key.into(), v.clone().into());
        }
    }
    Some(serde_json::Value::Object(m))
}
