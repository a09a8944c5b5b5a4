//! The shape every dataset table shares: a record type whose fields are read one by one, so
//! that every bad field of every record is reported, with the column names (English field
//! names and Chinese headers) a spreadsheet may use.

use serde_json::{Map, Value};

use super::cell::{Field, Refs};
use crate::FaultKind;
use crate::text::{Text, text};

/// One column of a table: the field's JSON name and the headers accepted in CSV.
#[derive(Debug)]
pub struct Column {
    /// The JSON field name (also accepted as a CSV header).
    pub field: &'static str,
    /// Chinese headers accepted in CSV; the first is the one `import` documents.
    pub headers: &'static [&'static str],
}

/// A fault in one field of one record, before the file and line are known: the loader makes a
/// [`Fault`](crate::Fault) of it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct FieldFault {
    /// The field (JSON name) or column.
    pub field: String,
    /// What kind of problem it is ([`FaultKind::Missing`], [`FaultKind::Invalid`] or
    /// [`FaultKind::UnknownColumn`]).
    pub kind: FaultKind,
    /// What is wrong.
    pub message: Text,
}

impl FieldFault {
    /// A fault of `field`.
    pub fn new(field: impl Into<String>, kind: FaultKind, message: impl Into<Text>) -> Self {
        Self {
            field: field.into(),
            kind,
            message: message.into(),
        }
    }

    /// The [`Fault`](crate::Fault) of this field on `line` of `file`.
    pub fn at(self, file: impl Into<String>, line: u64) -> crate::Fault {
        crate::Fault::at(self.kind, file, line, self.field, self.message)
    }
}

/// A record of a dataset table.
pub trait Record: Sized + serde::Serialize + serde::de::DeserializeOwned {
    /// The table's name (file stem), e.g. `members`.
    const TABLE: &'static str;
    /// Its columns.
    const COLUMNS: &'static [Column];
    /// The kind of id the table's `id` column holds and the field that also names a record
    /// (a unit's name, a person's citizen ID number), for CSV cells that refer to records.
    const KEY: Option<(super::cell::IdKind, Option<&'static str>)>;
    /// Fields that must be present.
    fn required() -> Vec<&'static str>;
    /// Registers what names this record (its id, and the naming field) in `refs`.
    fn register(&self, refs: &mut Refs);
    /// The record's CSV cells, one per column, as [`Record::from_cells`] reads them back.
    fn to_cells(&self) -> Vec<String>;
    /// Reads a record from a JSON object field by field, listing every bad field.
    ///
    /// # Errors
    /// Every field that is missing, unknown or unreadable, each with its message.
    fn from_json(map: &Map<String, Value>) -> Result<Self, Vec<FieldFault>>;
    /// Reads a record from CSV cells (by column index into [`Record::COLUMNS`]; `None` for an
    /// absent column or an empty cell), listing every bad field.
    ///
    /// # Errors
    /// Every required cell that is empty and every cell that does not parse, with its message.
    fn from_cells(cells: &[Option<&str>], refs: &Refs) -> Result<Self, Vec<FieldFault>>;
    /// What serde does not check (dates within the supported range), field by field.
    fn check_fields(&self) -> Vec<FieldFault>;
}

/// The message for an absent required field.
pub fn missing() -> Text {
    text!("缺少必填字段", "missing")
}

/// Reads one field of a JSON object.
pub fn json_field<T: Field>(
    map: &Map<String, Value>,
    name: &str,
    faults: &mut Vec<FieldFault>,
) -> Option<T> {
    match map.get(name) {
        None | Some(Value::Null) => {
            let v = T::absent();
            if v.is_none() {
                faults.push(FieldFault::new(name, FaultKind::Missing, missing()));
            }
            v
        }
        Some(v) => match T::deserialize(v)
            .map_err(|e| crate::explain::serde(&e.to_string()))
            .and_then(|v| {
                v.check()?;
                Ok(v)
            }) {
            Ok(v) => Some(v),
            Err(e) => {
                faults.push(FieldFault::new(name, FaultKind::Invalid, e));
                None
            }
        },
    }
}

/// Reads one field of a CSV row.
pub fn cell_field<T: Field>(
    cell: Option<&str>,
    name: &str,
    refs: &Refs,
    faults: &mut Vec<FieldFault>,
) -> Option<T> {
    match cell {
        None => {
            let v = T::absent();
            if v.is_none() {
                faults.push(FieldFault::new(name, FaultKind::Missing, missing()));
            }
            v
        }
        Some(text) => match T::from_cell(text, refs) {
            Ok(v) => Some(v),
            Err(e) => {
                faults.push(FieldFault::new(name, FaultKind::Invalid, e));
                None
            }
        },
    }
}

/// Unknown keys of a JSON record.
pub fn unknown_keys(map: &Map<String, Value>, columns: &[Column], faults: &mut Vec<FieldFault>) {
    for k in map.keys() {
        if !columns.iter().any(|c| c.field == k) {
            faults.push(FieldFault::new(
                k.clone(),
                FaultKind::UnknownColumn,
                text!("未知字段", "unknown field"),
            ));
        }
    }
}

/// Defines a dataset record: the struct (serde form = JSON Lines form) and its [`Record`]
/// implementation.
macro_rules! record {
    (
        $(#[$m:meta])*
        $name:ident in $table:literal $(keyed $kind:ident $(by $alias:ident)?)? {
            $(
                $(#[$fm:meta])*
                $field:ident : $ty:ty => [$($header:literal),*],
            )*
        }
    ) => {
        $(#[$m])*
        #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct $name {
            $(
                #[doc = concat!("The `", stringify!($field), "` field (CSV headers:" $(, " ", $header)*, ").")]
                $(#[$fm])* pub $field: $ty,
            )*
        }

        impl $crate::record::Record for $name {
            const TABLE: &'static str = $table;
            const COLUMNS: &'static [$crate::record::Column] = &[
                $( $crate::record::Column { field: stringify!($field), headers: &[$($header),*] }, )*
            ];

            const KEY: Option<($crate::cell::IdKind, Option<&'static str>)> =
                $crate::record::key!($($kind $(, $alias)?)?);

            fn required() -> Vec<&'static str> {
                let mut out = Vec::new();
                $(
                    if <$ty as $crate::cell::Field>::absent().is_none() {
                        out.push(stringify!($field));
                    }
                )*
                out
            }

            #[allow(unused_variables)]
            fn register(&self, refs: &mut $crate::cell::Refs) {
                $(
                    $crate::record::register_keys!(self, refs, $kind $(, $alias)?);
                )?
            }

            fn check_fields(&self) -> Vec<$crate::record::FieldFault> {
                let mut out = Vec::new();
                $(
                    if let Err(e) = $crate::cell::Field::check(&self.$field) {
                        out.push($crate::record::FieldFault::new(stringify!($field), $crate::FaultKind::Invalid, e));
                    }
                )*
                out
            }

            fn to_cells(&self) -> Vec<String> {
                vec![$( $crate::cell::Field::to_cell(&self.$field) ),*]
            }

            fn from_json(
                map: &serde_json::Map<String, serde_json::Value>,
            ) -> Result<Self, Vec<$crate::record::FieldFault>> {
                let mut faults = Vec::new();
                $crate::record::unknown_keys(map, Self::COLUMNS, &mut faults);
                $( let $field: Option<$ty> = $crate::record::json_field(map, stringify!($field), &mut faults); )*
                match ($($field,)*) {
                    ($(Some($field),)*) if faults.is_empty() => Ok(Self { $($field),* }),
                    _ => Err(faults),
                }
            }

            fn from_cells(
                cells: &[Option<&str>],
                refs: &$crate::cell::Refs,
            ) -> Result<Self, Vec<$crate::record::FieldFault>> {
                let mut faults = Vec::new();
                let mut i = 0usize;
                $(
                    let $field: Option<$ty> = $crate::record::cell_field(
                        cells.get(i).copied().flatten(), stringify!($field), refs, &mut faults);
                    i += 1;
                )*
                let _ = i;
                match ($($field,)*) {
                    ($(Some($field),)*) if faults.is_empty() => Ok(Self { $($field),* }),
                    _ => Err(faults),
                }
            }
        }
    };
}
pub(crate) use record;

/// The `KEY` constant of a record.
macro_rules! key {
    () => {
        None
    };
    ($kind:ident) => {
        Some(($crate::cell::IdKind::$kind, None))
    };
    ($kind:ident, $alias:ident) => {
        Some(($crate::cell::IdKind::$kind, Some(stringify!($alias))))
    };
}
pub(crate) use key;

/// Registers a keyed record's id and naming field.
macro_rules! register_keys {
    ($self:ident, $refs:ident, $kind:ident) => {
        let id = *$self.id.as_uuid();
        $refs.register($crate::cell::IdKind::$kind, &id.to_string(), id);
    };
    ($self:ident, $refs:ident, $kind:ident, $alias:ident) => {
        let id = *$self.id.as_uuid();
        $refs.register($crate::cell::IdKind::$kind, &id.to_string(), id);
        $refs.register(
            $crate::cell::IdKind::$kind,
            $crate::cell::KeyText::key_text(&$self.$alias),
            id,
        );
    };
}
pub(crate) use register_keys;
