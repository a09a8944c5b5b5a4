//! A table as read from a spreadsheet-like source, before its cells are typed: what the CSV and
//! the Excel readers both produce and the record reader takes.

/// A table as a grid of text cells: a CSV file or a worksheet, its header row and its rows
/// with their line (row) numbers.
pub(crate) struct Grid {
    /// The file (or `workbook.xlsx#sheet`) named in faults.
    pub name: String,
    /// The header row.
    pub headers: Vec<String>,
    /// The rows, each with its line number.
    pub rows: Vec<(u64, Vec<String>)>,
}
