//! A department's dataset tables in the store: written whole, replaced whole, read in order.

use zugong_store::{ImportRecord, Store, StoreError};

use crate::on_both;

fn rows(store: &mut Store, table: &str) -> Vec<(u64, String)> {
    let mut out = Vec::new();
    store
        .rows(table, |line, text| {
            out.push((line, text.to_owned()));
            Ok(())
        })
        .unwrap();
    out
}

on_both! {
    fn tables_are_kept_row_for_row(b) {
        let mut store = b.create();
        let members = vec![
            r#"{"id":"1","name":"张三","note":"tab\there \\ back\"slash"}"#.to_owned(),
            r#"{"id":"2","name":"李四"}"#.to_owned(),
        ];
        store
            .write(|tx| -> Result<(), StoreError> {
                tx.put_manifest("{\n  \"format\": 1\n}\n")?;
                assert_eq!(tx.put_table("members", members.clone())?, 2);
                tx.put_table("org_units", Vec::<String>::new())?;
                Ok(())
            })
            .unwrap();
        let mut store = b.open();
        assert_eq!(store.manifest().unwrap().as_deref(), Some("{\n  \"format\": 1\n}\n"));
        let read = rows(&mut store, "members");
        assert_eq!(read, vec![(1, members[0].clone()), (2, members[1].clone())]);
        let tables = store.tables().unwrap();
        assert_eq!(tables.iter().map(|t| (t.name.as_str(), t.rows)).collect::<Vec<_>>(), vec![("members", 2), ("org_units", 0)]);
    }

    fn a_new_import_replaces_every_table_or_none(b) {
        let mut store = b.create();
        store
            .write(|tx| -> Result<(), StoreError> {
                tx.put_table("members", vec!["a".to_owned()])?;
                tx.put_table("attendance", vec!["x".to_owned(), "y".to_owned()])?;
                Ok(())
            })
            .unwrap();
        // A failed replacement leaves the old tables whole.
        let failed = store.write(|tx| -> Result<(), StoreError> {
            tx.clear_tables()?;
            tx.put_table("members", vec!["b".to_owned()])?;
            tx.put_table("Not A Table", vec![])?;
            Ok(())
        });
        assert!(matches!(failed, Err(StoreError::BadTableName(_))));
        assert_eq!(rows(&mut store, "members"), vec![(1, "a".to_owned())]);
        assert_eq!(rows(&mut store, "attendance").len(), 2);
        // A complete one leaves no table of the old import beside the new.
        store
            .write(|tx| -> Result<(), StoreError> {
                tx.clear_tables()?;
                tx.put_table("members", vec!["b".to_owned()])?;
                Ok(())
            })
            .unwrap();
        assert_eq!(rows(&mut store, "members"), vec![(1, "b".to_owned())]);
        assert!(rows(&mut store, "attendance").is_empty());
        assert_eq!(store.tables().unwrap().len(), 1);
    }

    fn imports_are_recorded_with_what_they_wrote_and_an_older_store_is_migrated(b) {
        let mut store = b.create();
        let at = "2026-12-02T08:00:00Z".parse().unwrap();
        store
            .write(|tx| -> Result<(), StoreError> {
                tx.put_table("members", vec!["a".to_owned()])?;
                assert_eq!(tx.record_import(&ImportRecord::new(at, "county/", 1, 1, 0))?, 1);
                Ok(())
            })
            .unwrap();
        // An import that fails leaves no record.
        let failed = store.write(|tx| -> Result<(), StoreError> {
            tx.record_import(&ImportRecord::new(at, "broken/", 0, 0, 0))?;
            tx.put_table("BAD", vec![])?;
            Ok(())
        });
        assert!(failed.is_err());
        let imports = store.imports().unwrap();
        assert_eq!(imports.len(), 1);
        assert_eq!((imports[0].number, imports[0].source.as_str(), imports[0].at), (1, "county/", at));
        drop(store);
        // A store as schema version 1 left it (before the import history): opened, it is
        // migrated forward, its data untouched.
        b.raw("DROP TABLE zugong_imports; UPDATE zugong_schema SET version = 1");
        let mut store = b.open();
        assert_eq!(store.schema_version().unwrap(), zugong_store::SCHEMA_VERSION);
        assert!(store.imports().unwrap().is_empty());
        assert_eq!(rows(&mut store, "members"), vec![(1, "a".to_owned())]);
    }

    fn a_table_written_twice_in_one_import_is_refused(b) {
        let mut store = b.create();
        let twice = store.write(|tx| -> Result<(), StoreError> {
            tx.put_table("members", vec!["a".to_owned()])?;
            tx.put_table("members", vec!["b".to_owned()])?;
            Ok(())
        });
        assert!(matches!(twice, Err(StoreError::Database(_))));
        assert!(store.tables().unwrap().is_empty());
    }
}
