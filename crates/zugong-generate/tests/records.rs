//! The dataset's two reading paths (serde's fast path and the field-by-field path a faulty line
//! takes) and its CSV form agree on every record the generator makes.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, missing_docs)]

use std::fmt::Debug;

use zugong_dataset::Row;
use zugong_dataset::record::Record;
use zugong_generate::{Scale, generate_in_memory};

/// The field-by-field reading (the path a faulty line takes) gives back exactly the record
/// serde reads (the fast path), and the JSON form round-trips.
fn agree<R: Record + PartialEq + Debug>(rows: &[Row<R>]) -> usize {
    for r in rows {
        let value = serde_json::to_value(&r.record).unwrap();
        let back = R::from_json(value.as_object().unwrap()).unwrap();
        assert_eq!(back, r.record);
        let again: R = serde_json::from_str(&serde_json::to_string(&r.record).unwrap()).unwrap();
        assert_eq!(again, r.record);
        // The CSV form (what `sample --format csv` writes) reads back as the record.
        let cells = r.record.to_cells();
        let cells: Vec<Option<&str>> = cells
            .iter()
            .map(|c| (!c.is_empty()).then_some(c.as_str()))
            .collect();
        let refs = zugong_dataset::cell::Refs::default();
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
    let faults = zugong_dataset::MemberRecord::from_json(v.as_object().unwrap()).unwrap_err();
    let fields: Vec<&str> = faults.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(fields, ["extra", "citizen_id", "joined_on"], "{faults:?}");
    use zugong_dataset::FaultKind;
    let kinds: Vec<FaultKind> = faults.iter().map(|f| f.kind).collect();
    assert_eq!(
        kinds,
        [
            FaultKind::UnknownColumn,
            FaultKind::Invalid,
            FaultKind::Invalid,
        ]
    );
    let mut v = serde_json::to_value(&d.members[0].record).unwrap();
    v.as_object_mut().unwrap().remove("unit");
    let faults = zugong_dataset::MemberRecord::from_json(v.as_object().unwrap()).unwrap_err();
    assert_eq!(
        faults,
        [zugong_dataset::record::FieldFault::new(
            "unit",
            zugong_dataset::FaultKind::Missing,
            zugong_dataset::record::missing()
        )]
    );
}
