//! CSV rosters with Chinese headers: checked, imported into JSON Lines, reported on; the
//! import round-trips exactly.

use crate::support::*;

#[test]
fn rosters_with_chinese_headers_are_read() {
    let out = run(&["check", rosters().to_str().unwrap()]);
    assert_eq!(code(&out), 0, "{}", stdout(&out));
    assert!(stdout(&out).contains("5 名党员"), "{}", stdout(&out));
    let out = run(&[
        "--lang",
        "en",
        "report",
        rosters().to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(r["totals"]["members"], 5);
    // 56 + 32 + 16 + 8 + 40: the secretary (56) and one member (32 of 32) meet, the new member
    // (16) and one with 8 do not; the committee member has 40 of 32.
    assert_eq!(r["training"]["total"]["met"], 3);
    assert_eq!(r["training"]["total"]["missing_hours"], 16 + 24);
}

#[test]
fn import_writes_json_lines_that_read_back_the_same() {
    let out_dir = TempDir::new("import");
    let out = run(&[
        "import",
        rosters().to_str().unwrap(),
        "--out",
        out_dir.s(),
        "--force",
    ]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let members = std::fs::read_to_string(out_dir.join("members.jsonl")).unwrap();
    assert_eq!(members.lines().count(), 5);
    assert!(members.contains("\"name\":\"马志远\""));
    assert!(members.contains("\"groups\":[\"secretary\"]"));
    // Importing the imported dataset changes nothing.
    let again = TempDir::new("import-again");
    let out = run(&["import", out_dir.s(), "--out", again.s(), "--force"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(snapshot(out_dir.path()), snapshot(again.path()));
    // The rosters were only read.
    assert!(!rosters().join("members.jsonl").exists());
    // Importing into the rosters' own folder is refused.
    let out = run(&[
        "import",
        rosters().to_str().unwrap(),
        "--out",
        rosters().to_str().unwrap(),
    ]);
    assert_eq!(code(&out), 2);
}

#[test]
fn the_sample_round_trips_through_import() {
    let d = sample_dir("roundtrip");
    let copy = TempDir::new("roundtrip-copy");
    let out = run(&["import", d.s(), "--out", copy.s(), "--force"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(snapshot(d.path()), snapshot(copy.path()));
}

#[test]
fn bad_rosters_are_reported_by_line_and_chinese_header() {
    let d = TempDir::new("bad-rosters");
    for f in ["dataset.json", "org_units.csv", "members.csv"] {
        std::fs::copy(rosters().join(f), d.join(f)).unwrap();
    }
    let members = std::fs::read_to_string(d.join("members.csv")).unwrap();
    let broken = members
        .replace("2010-06-20", "2010-02-30")
        .replace("WH-XH,2026-03-01", "WH-XX,2026-03-01")
        .replace("人员类别", "人员类别,籍贯备注");
    std::fs::write(d.join("members.csv"), broken).unwrap();
    let out = run(&["--lang", "en", "check", d.s()]);
    assert_eq!(code(&out), 2);
    let text = stdout(&out);
    assert!(
        text.contains("members.csv:1: 籍贯备注: unknown column"),
        "{text}"
    );
    let zh = stdout(&run(&["check", d.s()]));
    assert!(zh.contains("members.csv:1: 籍贯备注: 未知列"), "{zh}");
    // With the unknown column removed, the row faults show.
    let fixed = std::fs::read_to_string(d.join("members.csv"))
        .unwrap()
        .replace(",籍贯备注", "");
    std::fs::write(d.join("members.csv"), fixed).unwrap();
    let text = stdout(&run(&["--lang", "en", "check", d.s()]));
    assert!(
        text.contains(
            "members.csv:3: joined_on (入党日期): \"2010-02-30\" is not a day of the calendar"
        ),
        "{text}"
    );
    assert!(
        text.contains("members.csv:5: unit (所在支部): \"WH-XX\" is not an id"),
        "{text}"
    );
}

#[test]
fn a_gbk_roster_is_refused_once() {
    let d = TempDir::new("gbk");
    for f in ["dataset.json", "org_units.csv"] {
        std::fs::copy(rosters().join(f), d.join(f)).unwrap();
    }
    // "姓名" in GBK is D0 D5 C3 FB: not UTF-8.
    let mut bytes = b"\xd0\xd5\xc3\xfb,id\n".to_vec();
    for i in 0..200 {
        bytes.extend_from_slice(b"\xd5\xc5");
        bytes.extend_from_slice(format!("{i},DY{i}\n").as_bytes());
    }
    std::fs::write(d.join("members.csv"), bytes).unwrap();
    let out = run(&["--lang", "en", "check", d.s()]);
    assert_eq!(code(&out), 2);
    let text = stdout(&out);
    assert!(text.contains("members.csv: not UTF-8"), "{text}");
    assert!(text.lines().count() < 5, "{text}");
}
