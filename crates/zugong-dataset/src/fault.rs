//! A problem found in a dataset, as data: what kind it is, where it is, which record and which
//! rule, and its message in both languages for the caller to show.

use std::fmt;

use serde::Serialize;
use zugong_core::Citation;
use zugong_core::journal::Refusal;

use crate::text::Text;

/// What kind of problem a [`Fault`] is: for a program that sorts, counts or filters faults
/// without reading their messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum FaultKind {
    /// The file (or the manifest, or the database) cannot be read at all: not there where it
    /// must be, a directory or a FIFO where a table should be, not UTF-8 or GBK, a broken
    /// workbook.
    Unreadable,
    /// A line or row that is not a record: not a JSON object, a CSV row that cannot be split,
    /// a table with a header missing.
    Malformed,
    /// A required field (or column) absent or blank.
    Missing,
    /// A value not of its field's form: a date, a number, a code, a term outside its closed set,
    /// an ID number whose check character is wrong or that Excel turned into a number.
    Invalid,
    /// A column or field the table does not have, or a sheet of a workbook that is no table:
    /// a warning (it is ignored), never a refusal.
    UnknownColumn,
    /// The same record (its id, its code, its citizen ID number) a second time.
    Duplicate,
    /// A reference to a record the dataset does not have.
    UnknownReference,
    /// Records that refer to a refused record: one summary per refused record, not one fault
    /// per dependent.
    DependsOnRefused,
    /// Values of one record, or of records together, that contradict each other or the
    /// dataset's day: dates in the wrong order, more "yes" votes than votes.
    Inconsistent,
    /// A rule of a domain crate refused the record; [`Fault::rule`] cites it.
    Rule,
    /// A journal that does not verify: forged, edited, reordered, or decided outside its
    /// authority.
    Journal,
}

/// One problem found in a dataset: its kind, where it is (file, line, field), the record it is
/// about where a code names it, the rule that refused it where one did, and the message.
///
/// The message is held in both languages ([`Text`]); [`Fault::message`] gives the one the
/// caller shows. `Display` writes `file:line: field: message` in the language of
/// [`text::shown_in`](crate::text::shown_in). ID and phone numbers are masked when the fault
/// is made, so no way of showing it can reveal one.
///
/// ```
/// use zugong_dataset::{Fault, FaultKind};
/// use zugong_dataset::lang::Lang;
/// use zugong_dataset::text::Text;
///
/// let fault = Fault::at(
///     FaultKind::Missing,
///     "members.csv",
///     3,
///     "姓名",
///     Text::new("缺少必填字段", "a required field is empty"),
/// )
/// .of_record("DY0003");
/// assert_eq!(fault.to_string(), "members.csv:3: 姓名: 缺少必填字段");
/// assert_eq!(fault.message(Lang::En), "a required field is empty");
/// assert_eq!(fault.record.as_deref(), Some("DY0003"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Fault {
    /// What kind of problem it is.
    pub kind: FaultKind,
    /// The file, relative to the dataset folder (or the database's path).
    pub file: String,
    /// The line (JSON Lines: the record's line; CSV: the row's line, the header being line 1);
    /// `None` for a fault of the whole file.
    pub line: Option<u64>,
    /// The field (or CSV column), as the file names it.
    pub field: Option<String>,
    /// The record the fault is about, by the user's own code (CSV) or its id, where its row
    /// names one (for [`FaultKind::DependsOnRefused`]: the refused record the others depend
    /// on); `None` where the line is all that identifies it. Masked like the message.
    pub record: Option<String>,
    /// The rule that refused the record, where a domain rule did ([`FaultKind::Rule`]).
    pub rule: Option<Citation>,
    /// What is wrong, in both languages, ID and phone numbers masked.
    message: Text,
}

impl Fault {
    /// A fault of a whole file.
    pub fn file(kind: FaultKind, file: impl Into<String>, message: impl Into<Text>) -> Self {
        Self {
            kind,
            file: file.into(),
            line: None,
            field: None,
            record: None,
            rule: None,
            message: message.into().map(|t| crate::privacy::mask(t).into_owned()),
        }
    }

    /// A fault of one field of the record on `line`.
    pub fn at(
        kind: FaultKind,
        file: impl Into<String>,
        line: u64,
        field: impl Into<String>,
        message: impl Into<Text>,
    ) -> Self {
        let mut fault = Self::file(kind, file, message);
        fault.line = Some(line);
        fault.field = Some(field.into());
        fault
    }

    /// A fault of one field refused by a domain rule: its kind is [`FaultKind::Rule`], its
    /// message the refusal's own in both languages, its rule the refusal's citation.
    pub fn refused<R: Refusal + ?Sized>(
        file: impl Into<String>,
        line: u64,
        field: impl Into<String>,
        refusal: &R,
    ) -> Self {
        Self::at(FaultKind::Rule, file, line, field, Text::refusal(refusal))
            .under(refusal.citation())
    }

    /// The same fault, on `line` of its file.
    #[must_use]
    pub fn on_line(mut self, line: u64) -> Self {
        self.line = Some(line);
        self
    }

    /// The same fault, of `field`.
    #[must_use]
    pub fn in_field(mut self, field: impl Into<String>) -> Self {
        self.field = Some(field.into());
        self
    }

    /// The same fault, about the record named `code`.
    #[must_use]
    pub fn of_record(mut self, code: impl Into<String>) -> Self {
        self.record = Some(crate::privacy::mask(&code.into()).into_owned());
        self
    }

    /// The same fault, refused under `rule`.
    #[must_use]
    pub fn under(mut self, rule: Citation) -> Self {
        self.rule = Some(rule);
        self
    }

    /// The message in `lang`.
    pub fn message(&self, lang: crate::lang::Lang) -> &str {
        self.message.get(lang)
    }

    /// The message in both languages.
    pub fn text(&self) -> &Text {
        &self.message
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
        write!(f, ": {}", self.message)
    }
}
