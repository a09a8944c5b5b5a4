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
    // A column the table does not take is noted once and read past; the row faults show.
    assert!(
        text.contains("note: members.csv:1: 籍贯备注: column not used, ignored"),
        "{text}"
    );
    let zh = stdout(&run(&["check", d.s()]));
    assert!(
        zh.contains("members.csv:1: 籍贯备注: 未使用的列，已忽略"),
        "{zh}"
    );
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

fn excel_rosters(name: &str) -> TempDir {
    let d = TempDir::new(name);
    for e in std::fs::read_dir(rosters()).unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, d.join(p.file_name().unwrap().to_str().unwrap())).unwrap();
    }
    d
}

#[test]
fn what_excel_really_writes_is_read() {
    let d = excel_rosters("excel");
    // Saved from Excel: a BOM, CRLF line ends, columns the table does not take, and rows of
    // bare commas after the data.
    let members = std::fs::read_to_string(d.join("members.csv")).unwrap();
    let mut lines: Vec<String> = members.lines().map(str::to_owned).collect();
    lines[0] = format!("\u{feff}{},政治面貌,联系电话", lines[0]);
    for (i, l) in lines.iter_mut().enumerate().skip(1) {
        l.push_str(&format!(",中共党员,1381234{i:04}"));
    }
    lines.push(",,,,,,,,,,".into());
    lines.push(",,,,,,,,,,".into());
    std::fs::write(d.join("members.csv"), lines.join("\r\n") + "\r\n").unwrap();
    let attendance = std::fs::read_to_string(d.join("attendance.csv")).unwrap();
    std::fs::write(d.join("attendance.csv"), attendance + ",,,\n\n").unwrap();
    // The manifest as a person writes it.
    std::fs::write(
        d.join("dataset.json"),
        "\u{feff}{\"format\": 1, \"name\": \"永宁县望洪镇\", \"as_of\": \"2026/11/30\"}",
    )
    .unwrap();
    let out = run(&["--lang", "en", "check", d.s()]);
    let text = stdout(&out);
    assert_eq!(code(&out), 0, "{text}");
    assert_eq!(
        text.matches("column not used").count(),
        2,
        "one note a column: {text}"
    );
    assert!(
        text.contains("members.csv:1: 联系电话: column not used, ignored"),
        "{text}"
    );
    let imported = TempDir::new("excel-out");
    let out = run(&["import", d.s(), "--out", imported.s(), "--force"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    // No phone number and no ID number leaves whole.
    for t in [stdout(&out), stderr(&out), text] {
        assert!(!t.contains("13812340001"), "{t}");
        assert!(full_ids(&t).is_empty(), "{t}");
    }
}

#[test]
fn an_id_in_scientific_notation_is_explained_and_no_message_shows_a_full_id() {
    let d = excel_rosters("excel-sci");
    let attendance = std::fs::read_to_string(d.join("attendance.csv"))
        .unwrap()
        .replacen("640121197803121016", "6.40121E+17", 1)
        // A member nobody has: the message names the number masked.
        .replacen("64012119850721102X", "640121199001011238", 1);
    std::fs::write(d.join("attendance.csv"), attendance).unwrap();
    for lang in ["zh", "en"] {
        let out = run(&["--lang", lang, "check", d.s()]);
        assert_eq!(code(&out), 2);
        let text = stdout(&out) + &stderr(&out);
        assert!(
            text.contains("scientific notation") || text.contains("科学计数法"),
            "{text}"
        );
        assert!(text.contains("640121********1238"), "{text}");
        assert!(full_ids(&text).is_empty(), "{text}");
    }
}

#[test]
fn a_folder_where_a_table_should_be_is_a_fault() {
    let d = excel_rosters("excel-dir");
    std::fs::create_dir(d.join("cadres.csv")).unwrap();
    let out = run(&["--lang", "en", "check", d.s()]);
    assert_eq!(code(&out), 2);
    assert!(
        stdout(&out).contains("cadres.csv: not a regular file"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn a_name_with_control_characters_is_refused() {
    let d = excel_rosters("excel-ctrl");
    let members = std::fs::read_to_string(d.join("members.csv"))
        .unwrap()
        .replace("马志远", "马\u{1b}[2J志远");
    std::fs::write(d.join("members.csv"), members).unwrap();
    let out = run(&["--lang", "en", "check", d.s()]);
    assert_eq!(code(&out), 2);
    let text = stdout(&out);
    assert!(
        text.contains("members.csv:2: name: holds control characters"),
        "{text}"
    );
    assert!(!text.contains('\u{1b}'), "{text}");
}

#[test]
fn dependency_faults_name_the_users_own_code_once() {
    let d = excel_rosters("excel-codes");
    let members = std::fs::read_to_string(d.join("members.csv"))
        .unwrap()
        .replace(
            "DY001,马志远,640121197803121016,WH-DH,2001/7/1",
            "DY001,马志远,640121197803121016,WH-DH,2031/7/1",
        );
    std::fs::write(d.join("members.csv"), members).unwrap();
    let text = stdout(&run(&["--lang", "en", "check", d.s()]));
    assert!(
        text.contains("depend on “DY001”, which was refused"),
        "{text}"
    );
    assert_eq!(text.matches("depend on").count(), 1, "{text}");
}

fn fixture(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// An Excel workbook with Chinese sheet names and headers, dates and numbers as Excel stores
/// them, blank rows and a sheet the build does not read: imported, it gives the same tables
/// as the CSV rosters it was made from.
#[test]
fn an_excel_workbook_is_read_directly() {
    let book = fixture("rosters.xlsx");
    let out = run(&["--lang", "en", "check", book.to_str().unwrap()]);
    assert_eq!(code(&out), 0, "{}", stdout(&out));
    assert!(stdout(&out).contains("rosters.xlsx#说明: not a table this build reads, ignored"));
    let from_xlsx = TempDir::new("xlsx-import");
    let from_csv = TempDir::new("csv-import");
    assert_eq!(
        code(&run(&[
            "import",
            book.to_str().unwrap(),
            "--out",
            from_xlsx.s(),
            "--force"
        ])),
        0
    );
    assert_eq!(
        code(&run(&[
            "import",
            rosters().to_str().unwrap(),
            "--out",
            from_csv.s(),
            "--force"
        ])),
        0
    );
    let tables = |d: &TempDir| -> Vec<_> {
        snapshot(d.path())
            .into_iter()
            .filter(|(p, _)| !p.ends_with("dataset.json"))
            .collect()
    };
    assert_eq!(tables(&from_xlsx), tables(&from_csv));
    let report = run(&["report", from_xlsx.s()]);
    assert_eq!(code(&report), 0, "{}", stderr(&report));
    assert!(stdout(&report).contains("Excel 花名册"));
}

#[test]
fn id_numbers_typed_into_number_cells_are_explained() {
    let book = fixture("rosters-ids-as-numbers.xlsx");
    let out = run(&["check", book.to_str().unwrap()]);
    assert_eq!(code(&out), 2);
    let text = stdout(&out);
    assert!(text.contains("rosters-ids-as-numbers.xlsx#党员:2: citizen_id (身份证号): Excel 把身份证号显示成了科学计数法"), "{text}");
    assert!(full_ids(&text).is_empty(), "{text}");
}

/// `sample --format csv` writes the CSV form with Chinese headers: it checks clean and reports
/// exactly what the JSON Lines sample reports, and `import` brings it back.
#[test]
fn the_sample_in_csv_is_the_same_dataset() {
    let csv = TempDir::new("sample-csv");
    let out = run(&["sample", "--out", csv.s(), "--format", "csv", "--force"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let members = std::fs::read_to_string(csv.path().join("members.csv")).unwrap();
    assert!(
        members.starts_with("编号,姓名,身份证号,所在支部"),
        "{members:.80}"
    );
    assert!(!csv.path().join("members.jsonl").exists());
    let checked = run(&["check", csv.s()]);
    assert_eq!(code(&checked), 0, "{}", stdout(&checked));
    let jsonl = sample_dir("sample-jsonl");
    assert_eq!(
        stdout(&run(&["report", csv.s(), "--format", "json"])),
        stdout(&run(&["report", jsonl.s(), "--format", "json"]))
    );
    let back = TempDir::new("sample-csv-back");
    let imported = run(&["import", csv.s(), "--out", back.s(), "--force"]);
    assert_eq!(code(&imported), 0, "{}", stderr(&imported));
    assert_eq!(
        std::fs::read(back.path().join("members.jsonl")).unwrap(),
        std::fs::read(jsonl.path().join("members.jsonl")).unwrap()
    );
}

/// `import --force` over a dataset replaces it whole: no table of the old dataset is left
/// beside the new ones, the old journals and the user's files stay, no temporary folder is
/// left; a replacement a killed process left half done is undone before the folder is read.
#[test]
fn an_import_replaces_a_dataset_whole_and_an_interrupted_one_is_recovered() {
    let d = sample_dir("replace");
    std::fs::write(d.join("notes.txt"), "mine").unwrap();
    assert!(d.join("tasks.jsonl").exists() && d.join("journals").is_dir());
    // Without --force an occupied folder is refused, untouched.
    let before = snapshot(d.path());
    let out = run(&["import", rosters().to_str().unwrap(), "--out", d.s()]);
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert_eq!(snapshot(d.path()), before);
    // A killed earlier replacement: a staging folder without its completion mark.
    let staging = d.path().parent().unwrap().join(format!(
        ".{}.zugong-new",
        d.path().file_name().unwrap().to_string_lossy()
    ));
    std::fs::create_dir_all(&staging).unwrap();
    std::fs::write(staging.join("members.jsonl"), "half written").unwrap();
    let out = run(&["check", d.s()]);
    assert_eq!(code(&out), 0, "the old dataset is read: {}", stdout(&out));
    assert!(
        !staging.exists(),
        "the half-written staging folder is removed"
    );
    let out = run(&[
        "import",
        rosters().to_str().unwrap(),
        "--out",
        d.s(),
        "--force",
    ]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let files: Vec<String> = std::fs::read_dir(d.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        !files.iter().any(|f| f == "tasks.jsonl"),
        "stale table left: {files:?}"
    );
    assert!(
        files.iter().any(|f| f == "journals"),
        "the journals are kept"
    );
    assert_eq!(
        std::fs::read_to_string(d.join("notes.txt")).unwrap(),
        "mine"
    );
    let members = std::fs::read_to_string(d.join("members.jsonl")).unwrap();
    assert_eq!(members.lines().count(), 5, "the rosters' members only");
    let leftovers: Vec<_> = std::fs::read_dir(d.path().parent().unwrap())
        .unwrap()
        .filter_map(|e| {
            let name = e.unwrap().file_name().to_string_lossy().into_owned();
            name.contains(".zugong-").then_some(name)
        })
        .filter(|n| n.contains(&*d.path().file_name().unwrap().to_string_lossy()))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}
