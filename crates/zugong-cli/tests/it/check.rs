//! `zugong check`: every planted fault listed with its file, line and field, all at once; the
//! dataset left untouched; garbage never makes the binary panic.

use crate::support::*;

#[test]
fn the_sample_is_valid() {
    let d = sample_dir("valid");
    let out = run(&["check", d.s()]);
    assert_eq!(code(&out), 0, "{}", stdout(&out));
    assert!(stdout(&out).contains("✓"));
}

#[test]
fn every_planted_fault_is_listed_at_once() {
    let d = sample_dir("broken");
    // 1. A mistyped citizen ID number (check character).
    edit_line(&d.join("members.jsonl"), 3, |v| {
        let id = v["citizen_id"].as_str().unwrap().to_owned();
        let last = if id.ends_with('0') { '1' } else { '0' };
        v["citizen_id"] = format!("{}{last}", &id[..17]).into();
    });
    // 2. 转正 before 入党.
    edit_line(&d.join("members.jsonl"), 5, |v| {
        v["joined_on"] = "2010-01-01".into();
        v["full_member_on"] = "2009-12-31".into();
    });
    // 3. A unit under an unknown parent.
    edit_line(&d.join("org_units.jsonl"), 40, |v| {
        v["parent"] = "019b76da-a800-77ea-8000-0000deadbeef".into();
    });
    // 4. A class that ends before it starts.
    edit_line(&d.join("classes.jsonl"), 2, |v| {
        v["ends_on"] = "2020-01-01".into()
    });
    // 5. A political score above 100 and 6. a post that does not exist.
    edit_line(&d.join("cadres.jsonl"), 7, |v| {
        v["political_score"] = 150.into();
        v["post"] = "019b76da-a800-77ea-8000-00000000dead".into();
    });
    // 7. An unknown field, 8. a line that is not JSON.
    edit_line(&d.join("tasks.jsonl"), 3, |v| v["colour"] = "red".into());
    replace_line(&d.join("tasks.jsonl"), 5, "{\"branch\": oops");
    // 9. A date in a form JSON does not accept.
    edit_line(&d.join("attendance.jsonl"), 9, |v| {
        v["on"] = "2026/13/01".into()
    });
    // 10. A star level out of range.
    edit_line(&d.join("branches.jsonl"), 4, |v| v["stars"] = 7.into());
    // 11. A member entered twice (same id, same citizen ID number).
    let members = std::fs::read_to_string(d.join("members.jsonl")).unwrap();
    let copied = members.lines().nth(9).unwrap().to_owned();
    let twice = members.lines().count() + 1;
    std::fs::write(d.join("members.jsonl"), format!("{members}{copied}\n")).unwrap();
    let before = snapshot(d.path());

    let out = run(&["--lang", "en", "check", d.s()]);
    assert_eq!(code(&out), 2);
    let text = stdout(&out);
    for needle in [
        "members.jsonl:3: citizen_id: check character",
        "members.jsonl:5: full_member_on: 转正 on 2009-12-31 is before 入党 on 2010-01-01",
        "org_units.jsonl:40: parent: unknown parent",
        "classes.jsonl:2: ends_on:",
        "cadres.jsonl:7: political_score: 150 is above 100",
        "cadres.jsonl:7: post: post 019b76da-a800-77ea-8000-00000000dead is not in posts",
        "tasks.jsonl:3: colour: unknown field",
        "tasks.jsonl:5: not JSON",
        "attendance.jsonl:9: on:",
        "branches.jsonl:4: stars:",
    ] {
        assert!(text.contains(needle), "missing {needle:?} in\n{text}");
    }
    for needle in [
        format!("members.jsonl:{twice}: id: member"),
        format!("members.jsonl:{twice}: citizen_id:"),
    ] {
        assert!(text.contains(&needle), "missing {needle:?} in\n{text}");
    }
    // Records that depend on a refused one are summarized, not repeated one by one.
    assert!(text.lines().count() < 60, "{text}");
    // JSON form: the same faults, structured.
    let json = run(&["check", d.s(), "--format", "json"]);
    assert_eq!(code(&json), 2);
    let faults: Vec<serde_json::Value> = serde_json::from_slice(&json.stdout).unwrap();
    assert!(
        faults
            .iter()
            .any(|f| f["file"] == "members.jsonl" && f["line"] == 3 && f["field"] == "citizen_id")
    );
    // Each fault is typed: its kind, and the record its row names.
    let kind_of = |file: &str, line: u64, field: &str| {
        faults
            .iter()
            .find(|f| f["file"] == file && f["line"] == line && f["field"] == field)
            .map(|f| f["kind"].as_str().unwrap_or_default().to_owned())
    };
    assert_eq!(
        kind_of("members.jsonl", 3, "citizen_id").as_deref(),
        Some("invalid")
    );
    assert_eq!(
        kind_of("tasks.jsonl", 3, "colour").as_deref(),
        Some("unknown_column")
    );
    assert_eq!(
        kind_of("cadres.jsonl", 7, "political_score").as_deref(),
        Some("inconsistent")
    );
    assert_eq!(
        kind_of("cadres.jsonl", 7, "post").as_deref(),
        Some("unknown_reference")
    );
    assert_eq!(
        kind_of("members.jsonl", twice as u64, "id").as_deref(),
        Some("duplicate")
    );
    assert!(
        faults
            .iter()
            .any(|f| f["file"] == "tasks.jsonl" && f["line"] == 5 && f["kind"] == "malformed")
    );
    assert!(
        faults
            .iter()
            .all(|f| f.get("record").is_some() && f.get("rule").is_some())
    );
    // The report refuses the dataset with the same list.
    let report = run(&["report", d.s(), "--format", "json"]);
    assert_eq!(code(&report), 2);
    assert!(stderr(&report).contains("members.jsonl:3"));
    // Nothing was written into the dataset.
    assert_eq!(snapshot(d.path()), before);
}

#[test]
fn a_missing_manifest_or_tree_is_named() {
    let d = TempDir::new("empty");
    let out = run(&["check", d.s()]);
    assert_eq!(code(&out), 2);
    assert!(stdout(&out).contains("dataset.json"));
    std::fs::write(
        d.join("dataset.json"),
        r#"{"format": 1, "name": "x", "as_of": "2026-11-30"}"#,
    )
    .unwrap();
    let out = run(&["check", d.s()]);
    assert_eq!(code(&out), 2);
    assert!(stdout(&out).contains("org_units"), "{}", stdout(&out));
    std::fs::write(
        d.join("dataset.json"),
        r#"{"format": 9, "name": "x", "as_of": "2026-11-30"}"#,
    )
    .unwrap();
    assert!(stdout(&run(&["--lang", "en", "check", d.s()])).contains("format 9 is not supported"));
    assert!(stdout(&run(&["check", d.s()])).contains("不支持格式 9"));
}

/// A deterministic stream of garbage: truncated lines, swapped bytes, wrong types, binary.
#[test]
fn garbage_never_panics() {
    let d = sample_dir("garbage");
    let members = std::fs::read(d.join("members.jsonl")).unwrap();
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for round in 0..12 {
        let mut bytes = members.clone();
        match round % 4 {
            0 => bytes.truncate((next() as usize) % bytes.len()),
            1 => {
                for _ in 0..20 {
                    let i = (next() as usize) % bytes.len();
                    bytes[i] = (next() & 0xff) as u8;
                }
            }
            2 => {
                let i = (next() as usize) % bytes.len();
                bytes.splice(
                    i..i,
                    b"{\"id\": 7, \"unit\": [1,2], \"joined_on\": null}\n"
                        .iter()
                        .copied(),
                );
            }
            _ => bytes = (0..4096).map(|_| (next() & 0xff) as u8).collect(),
        }
        std::fs::write(d.join("members.jsonl"), &bytes).unwrap();
        let out = run(&["check", d.s()]);
        let c = code(&out);
        assert!(
            c == 0 || c == 2,
            "round {round}: exit {c}\n{}",
            stderr(&out)
        );
        let out = run(&["report", d.s(), "--format", "json"]);
        assert!(matches!(code(&out), 0 | 2), "round {round}");
    }
}

#[test]
fn faults_speak_chinese_by_default() {
    let d = sample_dir("zh");
    edit_line(&d.join("members.jsonl"), 5, |v| {
        v["joined_on"] = "2010-01-01".into();
        v["full_member_on"] = "2009-12-31".into();
    });
    edit_line(&d.join("cadres.jsonl"), 7, |v| {
        v["political_score"] = 150.into()
    });
    let text = stdout(&run(&["check", d.s()]));
    assert!(
        text.contains(
            "members.jsonl:5: full_member_on: 转正 2009-12-31 早于入党 2010-01-01：日期顺序颠倒"
        ),
        "{text}"
    );
    assert!(
        text.contains("cadres.jsonl:7: political_score: 150 超过 100"),
        "{text}"
    );
    assert!(text.contains("✗ 共"), "{text}");
}

#[test]
fn journals_are_checked_too() {
    let d = sample_dir("journals");
    let journal = std::fs::read_dir(d.join("journals"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "jsonl"))
        .unwrap();
    let name = format!(
        "journals/{}",
        journal.file_name().unwrap().to_str().unwrap()
    );
    let original = std::fs::read_to_string(&journal).unwrap();
    // An entry that is not a selection entry.
    edit_line(&journal, 2, |v| {
        v["events"] = serde_json::json!([{"promoted": true}])
    });
    let text = stdout(&run(&["--lang", "en", "check", d.s()]));
    assert!(
        text.contains(&format!("{name}:2: not an entry of this journal")),
        "{text}"
    );
    // Entries out of order (each entry itself valid).
    let mut lines: Vec<&str> = original.lines().collect();
    lines.swap(0, 2);
    std::fs::write(&journal, lines.join("\n")).unwrap();
    let out = run(&["--lang", "en", "check", d.s()]);
    assert_eq!(code(&out), 2);
    assert!(
        stdout(&out).contains(&format!("{name}:1: entry 1 (stream ")),
        "{}",
        stdout(&out)
    );
    std::fs::write(&journal, &original).unwrap();
    assert_eq!(code(&run(&["check", d.s()])), 0);
    // An unknown kind of journal.
    std::fs::write(d.join("journals/notes.jsonl"), "{}\n").unwrap();
    let text = stdout(&run(&["--lang", "en", "check", d.s()]));
    assert!(
        text.contains("journals/notes.jsonl: not a journal this build knows"),
        "{text}"
    );
}

/// A branch's meeting records (`meetings`) decide whether it holds its organizational life:
/// too few meetings designate it directly, with the counts; a record with more present than
/// expected is a fault.
#[test]
fn meeting_records_are_checked_and_read_by_weak_branch_detection() {
    let d = sample_dir("meetings");
    let first = std::fs::read_to_string(d.join("branches.jsonl")).unwrap();
    let branch: serde_json::Value = serde_json::from_str(first.lines().next().unwrap()).unwrap();
    let unit = branch["unit"].as_str().unwrap().to_owned();
    let meeting = |kind: &str, day: &str, present: u32| {
        format!(
            r#"{{"branch":"{unit}","kind":"{kind}","held":"{day}","expected":12,"present":{present},"topic":"学习"}}"#
        )
    };
    let lines = [
        meeting("member_assembly", "2026-03-31", 10),
        meeting("themed_party_day", "2026-01-20", 11),
    ];
    std::fs::write(d.join("meetings.jsonl"), lines.join("\n") + "\n").unwrap();
    let out = run(&["check", d.s()]);
    assert_eq!(code(&out), 0, "{}", stdout(&out));
    let report = run(&["report", d.s(), "--format", "json"]);
    assert_eq!(code(&report), 0, "{}", stderr(&report));
    let text = stdout(&report);
    assert!(text.contains("未按期开展组织生活（应开展"), "{text}");
    // 实到 above 应到: refused, naming the field.
    let bad = [meeting("member_assembly", "2026-03-31", 13)];
    std::fs::write(d.join("meetings.jsonl"), bad.join("\n") + "\n").unwrap();
    let out = run(&["check", d.s()]);
    assert_eq!(code(&out), 2);
    let listed = stdout(&out);
    assert!(
        listed.contains("meetings.jsonl:1: present") && listed.contains("实到 13 人多于应到 12 人"),
        "{listed}"
    );
}

/// A matter pushed by a county department (条) is counted as such; one from a neighbouring
/// township (neither above the village nor a county department) is a fault.
#[test]
fn tasks_come_from_above_or_from_county_departments() {
    let d = sample_dir("tiao-kuai");
    let units: Vec<serde_json::Value> = std::fs::read_to_string(d.join("org_units.jsonl"))
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let named = |name: &str| {
        units.iter().find(|u| u["name"] == name).unwrap()["id"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    let department = named("中共新庄县委组织部机关党支部");
    // The first task's village is under 石西镇; 和湖镇 is a neighbour.
    let neighbour = named("中共新庄县和湖镇委员会");
    edit_line(&d.join("tasks.jsonl"), 1, |v| {
        v["source"] = department.clone().into();
        v["basis"] = "territorial_management".into();
    });
    let out = run(&["check", d.s()]);
    assert_eq!(code(&out), 0, "{}", stdout(&out));
    let report = stdout(&run(&["report", d.s(), "--format", "json"]));
    assert!(
        report.contains("条（职能部门）"),
        "the 条 source is counted"
    );
    let text = stdout(&run(&["report", d.s()]));
    assert!(text.contains("以属地管理名义下派：1"), "{text}");
    edit_line(&d.join("tasks.jsonl"), 1, |v| {
        v["source"] = neighbour.clone().into()
    });
    let out = run(&["check", d.s()]);
    assert_eq!(code(&out), 2);
    assert!(
        stdout(&out).contains("tasks.jsonl:1: source"),
        "{}",
        stdout(&out)
    );
}

/// The grassroots tables: each bad record is a fault naming its field and the rule — a term
/// moved without approval, an election with more present than entitled, a collective income
/// for a year to come, a 两新 organization with more members than employees, a 陪会 after the
/// dataset's day.
#[test]
fn grassroots_records_are_checked_with_their_rules() {
    let d = sample_dir("grassroots-faults");
    edit_line(&d.join("terms.jsonl"), 1, |t| {
        t["shifted_to"] = serde_json::json!("2099-01-01");
    });
    edit_line(&d.join("elections.jsonl"), 1, |e| {
        e["present"] = serde_json::json!(e["entitled"].as_u64().unwrap() + 1);
    });
    edit_line(&d.join("collective_economy.jsonl"), 1, |r| {
        r["year"] = serde_json::json!(2027);
    });
    edit_line(&d.join("two_new_orgs.jsonl"), 1, |o| {
        o["full_members"] = serde_json::json!(o["employees"].as_u64().unwrap() + 1);
    });
    edit_line(&d.join("summoned_meetings.jsonl"), 1, |m| {
        m["held_on"] = serde_json::json!("2027-01-05");
    });
    let out = run(&["check", d.s()]);
    assert_eq!(code(&out), 2);
    let listed = stdout(&out);
    for (place, says) in [
        (
            "terms.jsonl:1: shifted_to",
            "延期或提前换届须报上级党组织批准",
        ),
        ("elections.jsonl:1: present", "多于应到"),
        ("collective_economy.jsonl:1: year", "2027 年度尚未到来"),
        ("two_new_orgs.jsonl:1: full_members", "多于从业人员"),
        ("summoned_meetings.jsonl:1: held_on", "晚于数据集截至日期"),
    ] {
        assert!(
            listed
                .lines()
                .any(|l| l.contains(place) && l.contains(says)),
            "{place}: {says}\n{listed}"
        );
    }
    assert!(
        listed.contains("第三条"),
        "the shift cites its article: {listed}"
    );
}

/// The report's grassroots figures are the records': the 空壳村 are the villages whose
/// operating kinds sum to zero, and the 应建未建 finding lists exactly the organizations with
/// three or more full members covered by neither their own nor a joint organization.
#[test]
fn the_grassroots_section_counts_what_the_records_say() {
    let d = sample_dir("grassroots-report");
    let rows = |table: &str| read_rows(d.path(), table);
    let shells = rows("collective_economy")
        .iter()
        .filter(|r| {
            [
                "contracting",
                "leasing",
                "services",
                "operations",
                "investment",
            ]
            .iter()
            .map(|k| r[*k].as_u64().unwrap_or(0))
            .sum::<u64>()
                == 0
        })
        .count();
    let unorganized = rows("two_new_orgs")
        .iter()
        .filter(|o| {
            o["full_members"].as_u64().unwrap() >= 3
                && !matches!(o["method"].as_str(), Some("own" | "joint"))
        })
        .count();
    let report: serde_json::Value =
        serde_json::from_str(&stdout(&run(&["report", d.s(), "--format", "json"]))).unwrap();
    let g = &report["grassroots"];
    assert!(shells > 0 && unorganized > 0, "the sample plants both");
    assert_eq!(
        g["economy_total"]["shell"].as_u64().unwrap() as usize,
        shells
    );
    let finding = |rule: &str| {
        report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["rule"].as_str().unwrap().contains(rule))
            .map(|f| f["subjects"].as_array().unwrap().len())
    };
    assert_eq!(finding("应建未建党组织"), Some(unorganized));
    assert_eq!(finding("空壳村"), Some(shells));
    assert!(g["life_checked"].as_u64().unwrap() > 0);
    assert!(g["terms"].as_u64().unwrap() > 0);
    // The county departments push matters as 条, and villages attend meetings for them.
    let kinds = report["burden"]["by_source_kind"].as_array().unwrap();
    assert!(
        kinds
            .iter()
            .any(|k| k["group"] == "条（职能部门）" && k["tasks"].as_u64().unwrap() > 0)
    );
    assert!(report["burden"]["summoned"]["meetings"].as_u64().unwrap() > 0);
}

/// The member tables: a path out of order, a transfer received before it was sent, dues paid
/// more than six months ahead, a return before leaving — each a fault naming its field and
/// rule.
#[test]
fn member_records_are_checked_with_their_rules() {
    let d = sample_dir("member-faults");
    edit_line(&d.join("applicants.jsonl"), 1, |a| {
        a["activist_on"] = serde_json::json!("2019-01-01");
        a["talked_on"] = serde_json::json!("2019-01-01");
    });
    let transfers = std::fs::read_to_string(d.join("transfers.jsonl")).unwrap();
    let received = transfers
        .lines()
        .position(|l| l.contains("received_on"))
        .unwrap()
        + 1;
    edit_line(&d.join("transfers.jsonl"), received, |t| {
        t["received_on"] = serde_json::json!("2026-01-01");
        t["sent_on"] = serde_json::json!("2026-02-01");
    });
    edit_line(&d.join("dues.jsonl"), 1, |m| {
        m["paid_through"] = serde_json::json!([2027, 12]);
    });
    edit_line(&d.join("outflows.jsonl"), 1, |o| {
        o["left_on"] = serde_json::json!("2026-05-01");
        o["returned_on"] = serde_json::json!("2026-04-01");
    });
    let out = run(&["check", d.s()]);
    assert_eq!(code(&out), 2);
    let listed = stdout(&out);
    for (place, says) in [
        ("applicants.jsonl:1: applied_on", "程序顺序颠倒"),
        (
            &format!("transfers.jsonl:{received}: received_on"),
            "第二十五条",
        ),
        ("dues.jsonl:1: paid_through", "预交超过 6 个月"),
        ("outflows.jsonl:1: returned_on", "早于外出日期"),
    ] {
        assert!(
            listed
                .lines()
                .any(|l| l.contains(place) && l.contains(says)),
            "{place}: {says}\n{listed}"
        );
    }
}

/// The member section counts what the tables say: the roster's stages add up to its rows, and
/// the six-month dues finding lists exactly the members paid up to six or more months before
/// the dataset's month.
#[test]
fn the_member_section_counts_what_the_records_say() {
    let d = sample_dir("member-report");
    let rows = |table: &str| read_rows(d.path(), table);
    let lapsed = rows("dues")
        .iter()
        .filter(|r| {
            let m = &r["paid_through"];
            let (y, mo) = (m[0].as_i64().unwrap(), m[1].as_i64().unwrap());
            (2026 * 12 + 11) - (y * 12 + mo) >= 6
        })
        .count();
    let applicants = rows("applicants").len() as u64;
    let report: serde_json::Value =
        serde_json::from_str(&stdout(&run(&["report", d.s(), "--format", "json"]))).unwrap();
    let m = &report["members"];
    let staged: u64 = m["roster_by_stage"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["count"].as_u64().unwrap())
        .sum();
    assert_eq!(staged, applicants);
    assert!(lapsed > 0, "the sample plants some");
    assert_eq!(m["dues_lapse"].as_u64().unwrap() as usize, lapsed);
    let listed = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"].as_str().unwrap().contains("不交纳党费"))
        .map(|f| f["subjects"].as_array().unwrap().len());
    assert_eq!(listed, Some(lapsed));
    assert!(m["mobile"].as_u64().unwrap() > 0 && m["transfers_pending"].as_u64().unwrap() > 0);
}

/// The 单位 registry and the management list: the sample's registry holds and every Party
/// organization's 所在单位 fits; a village branch set up in a bureau, an institution under
/// itself, and a management row naming nothing are each a fault naming its rule.
#[test]
fn institutions_and_the_management_list_are_checked() {
    let d = sample_dir("institutions");
    let read = |table: &str| read_rows(d.path(), table);
    let institutions = read("institutions");
    let units = read("org_units");
    let report: serde_json::Value =
        serde_json::from_str(&stdout(&run(&["report", d.s(), "--format", "json"]))).unwrap();
    assert_eq!(
        report["totals"]["institutions"].as_u64().unwrap() as usize,
        institutions.len()
    );
    assert_eq!(
        report["totals"]["management_entries"].as_u64().unwrap() as usize,
        read("management_list").len()
    );
    assert!(
        units
            .iter()
            .filter(|u| u["institution"].is_string())
            .count()
            > 200,
        "the sample's organizations are set up in their 单位"
    );
    let bureau = institutions
        .iter()
        .find(|i| i["kind"] == "government_department")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let village = units.iter().position(|u| u["host"] == "village").unwrap() + 1;
    edit_line(&d.join("org_units.jsonl"), village, |u| {
        u["institution"] = serde_json::json!(bureau);
    });
    let wrong = stdout(&run(&["check", d.s()]));
    assert!(
        wrong.contains(&format!("org_units.jsonl:{village}: institution"))
            && wrong.contains("不能设在"),
        "{wrong}"
    );
    let own = institutions
        .iter()
        .position(|i| i["id"] == bureau.as_str())
        .unwrap()
        + 1;
    edit_line(&d.join("institutions.jsonl"), own, |i| {
        i["parent"] = i["id"].clone();
    });
    let county = units[0]["id"].as_str().unwrap().to_owned();
    let mut list = std::fs::read_to_string(d.join("management_list.jsonl")).unwrap();
    list.push_str(&format!(r#"{{"manager":"{county}"}}"#));
    list.push('\n');
    std::fs::write(d.join("management_list.jsonl"), list).unwrap();
    let out = run(&["check", d.s()]);
    assert_eq!(code(&out), 2);
    let listed = stdout(&out);
    assert!(
        listed.contains(&format!("institutions.jsonl:{own}: parent"))
            && listed.contains("不能隶属于自身"),
        "{listed}"
    );
    let last = read("management_list").len();
    assert!(
        listed.contains(&format!("management_list.jsonl:{last}: post")),
        "{listed}"
    );
}

/// Posts in their holders, 领导关系 and one id per organization: a post naming both a 单位 and
/// a committee, a post hung on a branch, an institution led by an organization the tree lacks,
/// and a 两新 organization reusing another 单位's id are each a fault; without a management
/// list the dataset is read with the one 下管一级 makes.
#[test]
fn posts_belong_to_one_holder_and_the_default_list_stands_in() {
    let d = sample_dir("holders");
    no_post_hangs_on_a_branch(d.path());
    let read = |table: &str| read_rows(d.path(), table);
    let units = read("org_units");
    let institutions = read("institutions");
    // The sample's 单位 are led by their Party organizations, and carry their 编制.
    assert!(
        institutions
            .iter()
            .filter(|i| i["led_by"].is_string())
            .count()
            > 150
    );
    // Without the management list, the default one covers every leadership post.
    std::fs::remove_file(d.join("management_list.jsonl")).unwrap();
    let report: serde_json::Value =
        serde_json::from_str(&stdout(&run(&["report", d.s(), "--format", "json"]))).unwrap();
    assert!(report["totals"]["management_entries"].as_u64().unwrap() > 50);
    assert!(report["cadres"]["establishment"]["staff"].as_u64().unwrap() > 0);
    assert_eq!(code(&run(&["check", d.s()])), 0);
    // A post of both a 单位 and a committee; a post of a branch.
    let branch = units.iter().find(|u| u["kind"] == "branch").unwrap()["id"].clone();
    let county = units[0]["id"].clone();
    edit_line(&d.join("posts.jsonl"), 1, |p| {
        p["committee"] = county.clone();
        p["institution"] = institutions[0]["id"].clone();
    });
    edit_line(&d.join("posts.jsonl"), 2, |p| {
        p.as_object_mut().unwrap().remove("institution");
        p["committee"] = branch.clone();
    });
    // A 单位 led by an organization the tree lacks.
    edit_line(&d.join("institutions.jsonl"), 1, |i| {
        i["led_by"] = serde_json::json!("019b76da-a800-7000-8000-00000000dead");
    });
    // A 两新 organization under another 单位's id.
    edit_line(&d.join("two_new_orgs.jsonl"), 1, |o| {
        o["id"] = institutions[0]["id"].clone();
    });
    let out = run(&["check", d.s()]);
    assert_eq!(code(&out), 2);
    let listed = stdout(&out);
    for expected in [
        "posts.jsonl:1: institution",
        "须且只须",
        "posts.jsonl:2: committee",
        "没有本级领导职务",
        "institutions.jsonl:1: led_by",
        "领导党组织",
        "two_new_orgs.jsonl:1: id",
        "同一组织须同名",
    ] {
        assert!(
            listed.contains(expected),
            "{expected} missing from:\n{listed}"
        );
    }
}

/// Every post of a dataset belongs to a 单位 or to a committee or 党组 — none to a branch.
pub fn no_post_hangs_on_a_branch(dir: &std::path::Path) {
    let units = read_rows(dir, "org_units");
    let kind: std::collections::HashMap<&str, &str> = units
        .iter()
        .map(|u| (u["id"].as_str().unwrap(), u["kind"].as_str().unwrap()))
        .collect();
    let posts = read_rows(dir, "posts");
    assert!(!posts.is_empty());
    for p in &posts {
        match (p["institution"].as_str(), p["committee"].as_str()) {
            (Some(_), None) => {}
            (None, Some(c)) => assert!(
                matches!(
                    kind[c],
                    "committee" | "leading_group" | "working_committee" | "grassroots_committee"
                ),
                "a post on a {}: {p}",
                kind[c]
            ),
            _ => panic!("a post without exactly one holder: {p}"),
        }
    }
}

/// A talent's agreement is held to its programme: the 杰出科技人才 programme's most is 600万元,
/// so a row of 700万元 is a fault naming the limit, and 600万元 is accepted.
#[test]
fn a_talent_grant_above_its_programme_is_a_fault() {
    let d = sample_dir("talent-grant");
    let file = d.join("talents.jsonl");
    let line = read_rows(d.path(), "talents")
        .iter()
        .position(|t| t["tier"] == "distinguished_sci_tech")
        .unwrap()
        + 1;
    edit_line(&file, line, |t| t["grant"] = serde_json::json!(6_000_000));
    assert_eq!(code(&run(&["check", d.s()])), 0);
    edit_line(&file, line, |t| t["grant"] = serde_json::json!(7_000_000));
    let out = run(&["check", d.s()]);
    assert_eq!(code(&out), 2);
    let text = stdout(&out);
    assert!(
        text.contains(&format!("talents.jsonl:{line}")) && text.contains("超过项目上限"),
        "{text}"
    );
}

/// A day outside the supported dates, half a health examination and a township of another
/// county are faults at their line and field, not panics or silent data.
#[test]
fn dates_out_of_range_half_records_and_foreign_townships_are_faults() {
    let d = sample_dir("ranges");
    edit_line(&d.join("attendance.jsonl"), 9, |v| {
        v["on"] = "2201-01-01".into()
    });
    edit_line(&d.join("cadres.jsonl"), 8, |v| {
        v["health_examined_on"] = "2026-05-01".into();
    });
    edit_line(&d.join("institutions.jsonl"), 2, |v| {
        v["township"] = "110101101".into();
    });
    let out = run(&["--lang", "en", "check", d.s()]);
    assert_eq!(code(&out), 2);
    let text = stdout(&out);
    for needle in [
        "attendance.jsonl:9: on: 2201-01-01 is outside the supported dates 1900–2200",
        "cadres.jsonl:8: health_conclusion: a health examination needs both its day and its conclusion",
        "institutions.jsonl:2: township:",
    ] {
        assert!(text.contains(needle), "{needle:?} not in:\n{text}");
    }
    // A whole examination and a township of the county itself pass.
    let d = sample_dir("ranges-ok");
    edit_line(&d.join("cadres.jsonl"), 8, |v| {
        v["health_examined_on"] = "2026-05-01".into();
        v["health_conclusion"] = "fit".into();
    });
    edit_line(&d.join("institutions.jsonl"), 2, |v| {
        let area = v["area"].as_str().unwrap().to_owned();
        v["township"] = format!("{area}199").into();
    });
    let out = run(&["check", d.s()]);
    assert_eq!(code(&out), 0, "{}", stdout(&out));
}

/// The messages of the libraries below the dataset (serde's type errors, the domain crates'
/// parse errors) are told in Chinese too, with what would be accepted; in English they stay.
#[test]
fn library_messages_are_chinese_in_chinese_mode() {
    let d = sample_dir("zh-libraries");
    edit_line(&d.join("org_units.jsonl"), 3, |v| {
        v["kind"] = "党委会".into()
    });
    edit_line(&d.join("members.jsonl"), 4, |v| v["joined_on"] = 5.into());
    edit_line(&d.join("attendance.jsonl"), 2, |v| v["extra"] = 1.into());
    let text = stdout(&run(&["check", d.s()]));
    for english in [
        "invalid type",
        "expected",
        "is not a known",
        "unknown field",
        "missing",
    ] {
        assert!(!text.contains(english), "{english:?} in {text}");
    }
    assert!(text.contains("类型不符：给出的是整数 5"), "{text}");
    assert!(text.contains("未知字段"), "{text}");
    let en = stdout(&run(&["--lang", "en", "check", d.s()]));
    assert!(en.contains("invalid type: integer `5`"), "{en}");
    assert!(!en.contains("类型不符"), "{en}");
}
