//! The shape every dataset table shares: a record type whose fields are read one by one, so
//! that every bad field of every record is reported, with the column names (English field
//! names and Chinese headers) a spreadsheet may use.

use serde_json::{Map, Value};

use super::cell::{Field, Refs};
use crate::lang::{Lang, tr};

/// One column of a table: the field's JSON name and the headers accepted in CSV.
#[derive(Debug)]
pub(crate) struct Column {
    /// The JSON field name (also accepted as a CSV header).
    pub(crate) field: &'static str,
    /// Chinese headers accepted in CSV; the first is the one `import` documents.
    pub(crate) headers: &'static [&'static str],
}

/// A fault in one field of one record.
pub(crate) type FieldFault = (String, String);

/// A record of a dataset table.
pub(crate) trait Record: Sized + serde::Serialize + serde::de::DeserializeOwned {
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
    fn from_json(map: &Map<String, Value>) -> Result<Self, Vec<FieldFault>>;
    /// Reads a record from CSV cells (by column index into [`Record::COLUMNS`]; `None` for an
    /// absent column or an empty cell), listing every bad field.
    fn from_cells(cells: &[Option<&str>], refs: &Refs) -> Result<Self, Vec<FieldFault>>;
    /// What serde does not check (dates within the supported range), field by field.
    fn check_fields(&self) -> Vec<FieldFault>;
}

/// The message for an absent required field.
fn missing() -> String {
    tr!(Lang::current(), "缺少必填字段", "missing")
}

/// Reads one field of a JSON object.
pub(crate) fn json_field<T: Field>(
    map: &Map<String, Value>,
    name: &str,
    faults: &mut Vec<FieldFault>,
) -> Option<T> {
    match map.get(name) {
        None | Some(Value::Null) => {
            let v = T::absent();
            if v.is_none() {
                faults.push((name.to_owned(), missing()));
            }
            v
        }
        Some(v) => match T::deserialize(v).map_err(|e| e.to_string()).and_then(|v| {
            v.check()?;
            Ok(v)
        }) {
            Ok(v) => Some(v),
            Err(e) => {
                faults.push((name.to_owned(), e));
                None
            }
        },
    }
}

/// Reads one field of a CSV row.
pub(crate) fn cell_field<T: Field>(
    cell: Option<&str>,
    name: &str,
    refs: &Refs,
    faults: &mut Vec<FieldFault>,
) -> Option<T> {
    match cell {
        None => {
            let v = T::absent();
            if v.is_none() {
                faults.push((name.to_owned(), missing()));
            }
            v
        }
        Some(text) => match T::from_cell(text, refs) {
            Ok(v) => Some(v),
            Err(e) => {
                faults.push((name.to_owned(), e));
                None
            }
        },
    }
}

/// Unknown keys of a JSON record.
pub(crate) fn unknown_keys(
    map: &Map<String, Value>,
    columns: &[Column],
    faults: &mut Vec<FieldFault>,
) {
    for k in map.keys() {
        if !columns.iter().any(|c| c.field == k) {
            faults.push((k.clone(), tr!(Lang::current(), "未知字段", "unknown field")));
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
        pub(crate) struct $name {
            $( $(#[$fm])* pub(crate) $field: $ty, )*
        }

        impl $crate::dataset::record::Record for $name {
            const TABLE: &'static str = $table;
            const COLUMNS: &'static [$crate::dataset::record::Column] = &[
                $( $crate::dataset::record::Column { field: stringify!($field), headers: &[$($header),*] }, )*
            ];

            const KEY: Option<($crate::dataset::cell::IdKind, Option<&'static str>)> =
                $crate::dataset::record::key!($($kind $(, $alias)?)?);

            fn required() -> Vec<&'static str> {
                let mut out = Vec::new();
                $(
                    if <$ty as $crate::dataset::cell::Field>::absent().is_none() {
                        out.push(stringify!($field));
                    }
                )*
                out
            }

            #[allow(unused_variables)]
            fn register(&self, refs: &mut $crate::dataset::cell::Refs) {
                $(
                    $crate::dataset::record::register_keys!(self, refs, $kind $(, $alias)?);
                )?
            }

            fn check_fields(&self) -> Vec<$crate::dataset::record::FieldFault> {
                let mut out = Vec::new();
                $(
                    if let Err(e) = $crate::dataset::cell::Field::check(&self.$field) {
                        out.push((stringify!($field).to_owned(), e));
                    }
                )*
                out
            }

            fn to_cells(&self) -> Vec<String> {
                vec![$( $crate::dataset::cell::Field::to_cell(&self.$field) ),*]
            }

            fn from_json(
                map: &serde_json::Map<String, serde_json::Value>,
            ) -> Result<Self, Vec<$crate::dataset::record::FieldFault>> {
                let mut faults = Vec::new();
                $crate::dataset::record::unknown_keys(map, Self::COLUMNS, &mut faults);
                $( let $field: Option<$ty> = $crate::dataset::record::json_field(map, stringify!($field), &mut faults); )*
                match ($($field,)*) {
                    ($(Some($field),)*) if faults.is_empty() => Ok(Self { $($field),* }),
                    _ => Err(faults),
                }
            }

            fn from_cells(
                cells: &[Option<&str>],
                refs: &$crate::dataset::cell::Refs,
            ) -> Result<Self, Vec<$crate::dataset::record::FieldFault>> {
                let mut faults = Vec::new();
                let mut i = 0usize;
                $(
                    let $field: Option<$ty> = $crate::dataset::record::cell_field(
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
        Some(($crate::dataset::cell::IdKind::$kind, None))
    };
    ($kind:ident, $alias:ident) => {
        Some((
            $crate::dataset::cell::IdKind::$kind,
            Some(stringify!($alias)),
        ))
    };
}
pub(crate) use key;

/// Registers a keyed record's id and naming field.
macro_rules! register_keys {
    ($self:ident, $refs:ident, $kind:ident) => {
        let id = *$self.id.as_uuid();
        $refs.register($crate::dataset::cell::IdKind::$kind, &id.to_string(), id);
    };
    ($self:ident, $refs:ident, $kind:ident, $alias:ident) => {
        let id = *$self.id.as_uuid();
        $refs.register($crate::dataset::cell::IdKind::$kind, &id.to_string(), id);
        $refs.register(
            $crate::dataset::cell::IdKind::$kind,
            $crate::dataset::cell::KeyText::key_text(&$self.$alias),
            id,
        );
    };
}
pub(crate) use register_keys;

#[cfg(test)]
mod tests {
    use std::fmt::Debug;

    use super::Record;
    use crate::dataset::Row;
    use crate::generate::{Scale, generate_in_memory};

    /// The field-by-field reading (the path a faulty line takes) gives back exactly the record
    /// serde reads (the fast path), and the JSON form round-trips.
    fn agree<R: Record + PartialEq + Debug>(rows: &[Row<R>]) -> usize {
        for r in rows {
            let value = serde_json::to_value(&r.record).unwrap();
            let back = R::from_json(value.as_object().unwrap()).unwrap();
            assert_eq!(back, r.record);
            let again: R =
                serde_json::from_str(&serde_json::to_string(&r.record).unwrap()).unwrap();
            assert_eq!(again, r.record);
            // The CSV form (what `sample --format csv` writes) reads back as the record.
            let cells = r.record.to_cells();
            let cells: Vec<Option<&str>> = cells
                .iter()
                .map(|c| (!c.is_empty()).then_some(c.as_str()))
                .collect();
            let refs = crate::dataset::cell::Refs::default();
            assert_eq!(R::from_cells(&cells, &refs).unwrap(), r.record);
        }
        rows.len()
    }

    #[test]
    fn both_reading_paths_agree_on_every_generated_record() {
        let (d, _) = generate_in_memory(Scale::County, 5);
        let n = agree(&d.units)
            + agree(&d.members)
            + agree(&d.classes)
            + agree(&d.attendance)
            + agree(&d.branches)
            + agree(&d.scores)
            + agree(&d.tasks)
            + agree(&d.posts)
            + agree(&d.quotas)
            + agree(&d.cadres)
            + agree(&d.relations)
            + agree(&d.sanctions)
            + agree(&d.talents)
            + agree(&d.meetings)
            + agree(&d.summoned_meetings)
            + agree(&d.terms)
            + agree(&d.elections)
            + agree(&d.economy)
            + agree(&d.two_new)
            + agree(&d.applicants)
            + agree(&d.plans)
            + agree(&d.transfers)
            + agree(&d.dues)
            + agree(&d.outflows);
        assert!(n > 10_000, "{n}");
    }

    #[test]
    fn every_bad_field_is_named() {
        let (d, _) = generate_in_memory(Scale::County, 5);
        let mut v = serde_json::to_value(&d.members[0].record).unwrap();
        v["citizen_id"] = "640101195009107880".into();
        v["joined_on"] = "yesterday".into();
        v["extra"] = 1.into();
        let faults = crate::dataset::MemberRecord::from_json(v.as_object().unwrap()).unwrap_err();
        let fields: Vec<&str> = faults.iter().map(|(f, _)| f.as_str()).collect();
        assert_eq!(fields, ["extra", "citizen_id", "joined_on"], "{faults:?}");
        let mut v = serde_json::to_value(&d.members[0].record).unwrap();
        v.as_object_mut().unwrap().remove("unit");
        let faults = crate::dataset::MemberRecord::from_json(v.as_object().unwrap()).unwrap_err();
        assert_eq!(faults, [("unit".to_owned(), super::missing())]);
    }
}
