//! Records you can trust: every kind of tampering with a dataset's journals is found by
//! `verify` (in `check`, and as a finding of the report, which then counts nothing from that
//! journal), and no output overwrites a journal.

use std::path::{Path, PathBuf};

use crate::support::*;

/// The sample with a rating round and a fallback-training round journaled.
fn journaled(name: &str) -> TempDir {
    let d = sample_dir(name);
    for kind in ["rating", "training"] {
        let out = run(&["scenario", kind, d.s()]);
        assert_eq!(code(&out), 0, "{}", stderr(&out));
    }
    assert_eq!(code(&run(&["check", d.s()])), 0);
    d
}

fn journal(d: &TempDir, prefix: &str) -> PathBuf {
    std::fs::read_dir(d.join("journals"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_str().unwrap().starts_with(prefix))
        .unwrap()
}

fn rel(p: &Path) -> String {
    format!("journals/{}", p.file_name().unwrap().to_str().unwrap())
}

fn lines(p: &Path) -> Vec<String> {
    std::fs::read_to_string(p)
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect()
}

/// `check` in English: its exit code and text.
fn check(d: &TempDir) -> (i32, String) {
    let out = run(&["--lang", "en", "check", d.s()]);
    (code(&out), stdout(&out))
}

fn report(d: &TempDir) -> serde_json::Value {
    let out = run(&["report", d.s(), "--format", "json"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The findings of the report on journals: (citation, places).
fn record_findings(r: &serde_json::Value) -> Vec<String> {
    r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["area"] == "records")
        .flat_map(|f| f["subjects"].as_array().unwrap().iter())
        .map(|i| {
            format!(
                "{} {}",
                i["name"].as_str().unwrap(),
                i["detail"].as_str().unwrap()
            )
        })
        .collect()
}

#[test]
fn an_edited_star_award_is_found_and_not_counted() {
    let d = journaled("trust-edit");
    let f = journal(&d, "rating-");
    let at = lines(&f)
        .iter()
        .position(|l| l.contains("stars_changed"))
        .unwrap();
    let before = report(&d);
    let fives = before["stars"]["rating_journals"][0]["awarded"][5]
        .as_u64()
        .unwrap();
    // stars_changed.to → 5 on one award, edited in place.
    let mut text = lines(&f);
    let line = &mut text[at];
    let to = line.find("\"to\":").unwrap() + 5;
    line.replace_range(to..to + 1, "5");
    std::fs::write(&f, text.join("\n") + "\n").unwrap();
    let (rc, text) = check(&d);
    assert_eq!(rc, 2);
    assert!(
        text.contains(&format!(
            "{}:{}: entry {} (stream ",
            rel(&f),
            at + 1,
            at + 1
        )),
        "{text}"
    );
    assert!(text.contains("digest"), "{text}");
    let r = report(&d);
    assert!(r["stars"]["rating_journals"].as_array().unwrap().is_empty());
    assert!(
        record_findings(&r)
            .iter()
            .any(|i| i.starts_with(&format!("{}:{}", rel(&f), at + 1))),
        "{:?}",
        record_findings(&r)
    );
    assert!(fives < 17, "the sample does not make every branch 五星");
}

#[test]
fn deleted_inserted_duplicated_reordered_and_cut_entries_are_found() {
    let d = journaled("trust-cut");
    let f = journal(&d, "training-");
    let original = lines(&f);
    let name = rel(&f);
    let cases: Vec<(&str, Vec<String>, String)> = vec![
        (
            "deleted",
            [&original[..3], &original[4..]].concat(),
            format!("{name}:4: entry 4 (stream "),
        ),
        (
            "duplicated",
            [&original[..4], &original[3..]].concat(),
            format!("{name}:5: entry 5 (stream "),
        ),
        (
            "reordered",
            {
                let mut v = original.clone();
                v.swap(5, 6);
                v
            },
            format!("{name}:6: entry 6 (stream "),
        ),
        (
            "cut short",
            original[..original.len() - 1].to_vec(),
            "is not the recorded head".to_owned(),
        ),
        (
            "inserted",
            {
                let mut v = original.clone();
                v.insert(2, original[1].clone());
                v
            },
            format!("{name}:3: entry 3 (stream "),
        ),
    ];
    for (what, text, expected) in cases {
        std::fs::write(&f, text.join("\n") + "\n").unwrap();
        let (rc, out) = check(&d);
        assert_eq!(rc, 2, "{what}: {out}");
        assert!(out.contains(&expected), "{what}: {out}");
        assert!(
            report(&d)["training"]["fallback_journals"]
                .as_array()
                .unwrap()
                .is_empty(),
            "{what} journal counted"
        );
    }
    std::fs::write(&f, original.join("\n") + "\n").unwrap();
    assert_eq!(check(&d).0, 0);
}

#[test]
fn inflated_hours_are_found() {
    let d = journaled("trust-hours");
    let f = journal(&d, "training-");
    let at = lines(&f)
        .iter()
        .position(|l| l.contains("record_attendance"))
        .unwrap();
    // 65 billion 学时 in the command and the event alike.
    edit_line(&f, at + 1, |v| {
        v["command"]["record_attendance"]["hours"] = 650_000_000_000u64.into();
        v["events"][0]["attended"]["hours"] = 650_000_000_000u64.into();
    });
    let (rc, out) = check(&d);
    assert_eq!(rc, 2);
    assert!(out.contains(&format!("{}:{}", rel(&f), at + 1)), "{out}");
    let r = report(&d);
    assert!(
        r["training"]["fallback_journals"]
            .as_array()
            .unwrap()
            .is_empty()
    );
}

#[test]
fn a_copied_journal_is_found_and_counted_once() {
    let d = journaled("trust-copy");
    let f = journal(&d, "training-");
    let copy = d.join("journals/training-copy.jsonl");
    std::fs::copy(&f, &copy).unwrap();
    // The copier records the copy's head as well.
    let heads_file = d.join("journals/heads.json");
    let mut heads: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&heads_file).unwrap()).unwrap();
    let head = heads[f.file_name().unwrap().to_str().unwrap()].clone();
    heads["training-copy.jsonl"] = head;
    std::fs::write(&heads_file, heads.to_string()).unwrap();
    let (rc, out) = check(&d);
    assert_eq!(rc, 2);
    assert!(
        out.contains("journals/training-fallback") && out.contains("a copy"),
        "{out}"
    );
    let r = report(&d);
    assert_eq!(
        r["training"]["fallback_journals"].as_array().unwrap().len(),
        1,
        "counted once"
    );
}

#[test]
fn a_hand_written_journal_without_a_recorded_head_is_not_taken() {
    let d = journaled("trust-forged");
    // A selection journal written by hand: moved and appointed, no political gates.
    let forged = r#"{"position":1,"stream":"00000000-0000-0000-0000-000000000001","sequence":1,"act":{"at":"1970-01-01T00:00:00Z","actor":"00000000-0000-0000-0000-000000000002","authority":{"unit":"00000000-0000-0000-0000-000000000003","body":"party_committee"}},"reason":"x","command":"appoint","events":[],"previous":"0000000000000000000000000000000000000000000000000000000000000000","digest":"0000000000000000000000000000000000000000000000000000000000000000"}"#;
    std::fs::write(
        d.join("journals/selection-forged.jsonl"),
        format!("{forged}\n"),
    )
    .unwrap();
    let (rc, out) = check(&d);
    assert_eq!(rc, 2);
    assert!(out.contains("journals/selection-forged.jsonl"), "{out}");
    let r = report(&d);
    assert_eq!(r["cadres"]["selections"].as_array().unwrap().len(), 1);
}

#[test]
fn no_output_overwrites_a_journal() {
    let d = journaled("trust-overwrite");
    let f = journal(&d, "selection-");
    let before = std::fs::read(&f).unwrap();
    for args in [
        vec![
            "scenario",
            "rating",
            d.s(),
            "--journal",
            f.to_str().unwrap(),
            "--force",
        ],
        vec!["report", d.s(), "--out", f.to_str().unwrap(), "--force"],
        vec![
            "scenario",
            "training",
            d.s(),
            "--journal",
            d.join("journals/heads.json")
                .to_str()
                .unwrap()
                .to_owned()
                .leak(),
            "--force",
        ],
        vec![
            "scenario",
            "rating",
            d.s(),
            "--journal",
            d.join("cadres.jsonl").to_str().unwrap().to_owned().leak(),
            "--force",
        ],
    ] {
        let out = run(&args);
        assert_eq!(code(&out), 2, "{args:?}: {}", stderr(&out));
    }
    assert_eq!(std::fs::read(&f).unwrap(), before);
    assert_eq!(check(&d).0, 0);
    // Nor does a dataset written over another: without `--force` it is refused; with it the
    // tables are replaced and the journals kept, byte for byte, with their recorded heads.
    let out = run(&["sample", "--out", d.s()]);
    assert_eq!(code(&out), 2);
    let out = run(&["sample", "--out", d.s(), "--force"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(std::fs::read(&f).unwrap(), before);
    assert_eq!(
        check(&d).0,
        0,
        "the kept journals still verify, with their heads"
    );
}
