//! `zugong report`: the sample county in text, JSON and HTML; exit codes; outputs that would
//! overwrite input.

use quick_xml::Reader;
use quick_xml::events::Event;
use serde_json::Value;

use crate::support::*;

#[test]
fn sample_report_in_text_names_every_section_and_the_rule_of_every_finding() {
    let out = run(&["report", "--sample"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let text = stdout(&out);
    for heading in [
        "一、五星支部",
        "二、党员教育培训",
        "三、干部选育管用",
        "四、人才梯次",
        "五、村（社区）党组织负担",
        "发现的问题",
    ] {
        assert!(text.contains(heading), "missing section {heading}");
    }
    // Every finding line names its rule's source.
    let findings: Vec<&str> = text.lines().filter(|l| l.starts_with('[')).collect();
    assert!(findings.len() >= 5, "{findings:?}");
    for f in &findings {
        let cited = f.split("依据").nth(1).unwrap_or("");
        assert!(
            cited
                .split(" — ")
                .next()
                .unwrap_or("")
                .trim()
                .chars()
                .count()
                > 6,
            "no citation in {f}"
        );
    }
    // The selection in progress in the sample's journals.
    assert!(text.contains("在途选任：1"), "{text}");
    assert!(text.contains("任前公示"));
    // Personal data masked.
    assert!(
        text.contains("********") || !text.contains("640101"),
        "an ID number shown in full"
    );
}

#[test]
fn english_messages() {
    let out = run(&["--lang", "en", "report", "--sample"]);
    assert_eq!(code(&out), 0);
    let text = stdout(&out);
    assert!(text.contains("1. Five-star branches"));
    assert!(text.contains("Findings"));
    assert!(!text.contains("发现的问题"));
    // The closed domain terms and the units are English, and so is the punctuation; Chinese
    // is left only in names and in the citations, quoted as officially written.
    assert!(text.contains("This year: 5 stars"), "{text}");
    assert!(text.contains("excellent 82, competent"), "{text}");
    assert!(text.contains("members 32 hours"), "{text}");
    for line in text
        .lines()
        .filter(|l| !l.contains("rule:") && !l.starts_with("Rubric"))
    {
        for chinese in ["：", "，", "；", "（", "学时", "优秀", "五星 ", "万元"] {
            assert!(!line.contains(chinese), "{chinese:?} in {line:?}");
        }
    }
    // The page too.
    let out = run(&["--lang", "en", "report", "--sample", "--format", "html"]);
    let page = stdout(&out);
    assert!(
        !page.contains("学时") && !page.contains("优秀"),
        "Chinese terms in the English page"
    );
}

fn json_report(args: &[&str]) -> Value {
    let out = run(args);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    serde_json::from_slice(&out.stdout).expect("valid JSON")
}

#[test]
fn json_report_adds_up() {
    let r = json_report(&["report", "--sample", "--format", "json"]);
    let total: u64 = r["stars"]["total"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_u64().unwrap())
        .sum();
    assert_eq!(total, r["totals"]["branches"].as_u64().unwrap());
    // The towns' distributions add up to the whole.
    let mut by = [0u64; 6];
    for row in r["stars"]["by_town"].as_array().unwrap() {
        for (i, v) in row["by_stars"].as_array().unwrap().iter().enumerate() {
            by[i] += v.as_u64().unwrap();
        }
    }
    let whole: Vec<u64> = r["stars"]["total"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_u64().unwrap())
        .collect();
    assert_eq!(by.to_vec(), whole);
    let t = &r["training"]["total"];
    assert_eq!(
        t["members"].as_u64().unwrap(),
        r["totals"]["members"].as_u64().unwrap()
    );
    assert_eq!(
        t["met"].as_u64().unwrap() + t["short"].as_u64().unwrap(),
        t["members"].as_u64().unwrap()
    );
    // Every finding has a rule, a citation and at least one item.
    for f in r["findings"].as_array().unwrap() {
        assert!(!f["rule"].as_str().unwrap().is_empty());
        assert!(!f["citation"].as_str().unwrap().is_empty(), "{f}");
        assert!(!f["subjects"].as_array().unwrap().is_empty());
    }
    // The quota findings agree with the quota lines.
    let over = r["cadres"]["quotas"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|q| q["used"].as_u64() > q["allotted"].as_u64())
        .count();
    let listed: usize = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["citation"].as_str().unwrap().contains("第四十三条"))
        .map(|f| f["subjects"].as_array().unwrap().len())
        .sum();
    assert_eq!(over, listed);
}

/// Checks that `html` is well-formed XML (every element closed, attributes quoted).
pub fn assert_well_formed(html: &str) {
    let mut reader = Reader::from_str(html);
    reader.config_mut().check_end_names = true;
    let mut depth = 0i64;
    loop {
        match reader.read_event() {
            Ok(Event::Start(_)) => depth += 1,
            Ok(Event::End(_)) => depth -= 1,
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("not well-formed at {}: {e}", reader.buffer_position()),
        }
    }
    assert_eq!(depth, 0, "unclosed elements");
}

#[test]
fn html_report_is_well_formed_and_holds_every_charts_data() {
    let dir = TempDir::new("html");
    let file = dir.join("report.html");
    let out = run(&[
        "report",
        "--sample",
        "--format",
        "html",
        "--out",
        file.to_str().unwrap(),
    ]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let html = std::fs::read_to_string(&file).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(!html.contains("<script"), "no scripts");
    assert!(
        !html.contains("src=\"http"),
        "nothing loaded from the network"
    );
    assert_well_formed(&html);
    let r = json_report(&["report", "--sample", "--format", "json"]);
    // Stars by town: each segment carries its count.
    let labels = ["五星", "四星", "三星", "二星", "一星", "无星"];
    for row in r["stars"]["by_town"].as_array().unwrap() {
        let unit = row["unit"].as_str().unwrap();
        let by: Vec<u64> = row["by_stars"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_u64().unwrap())
            .collect();
        for (i, label) in labels.iter().enumerate() {
            let n = by[5 - i];
            let needle =
                format!("data-category=\"{unit}\" data-series=\"{label}\" data-value=\"{n}\"");
            assert!(html.contains(&needle), "missing {needle}");
        }
    }
    // Training by town.
    for row in r["training"]["by_town"].as_array().unwrap() {
        let unit = row["unit"].as_str().unwrap();
        for (label, key) in [("达标", "met"), ("学时不足", "short")] {
            let needle = format!(
                "data-category=\"{unit}\" data-series=\"{label}\" data-value=\"{}\"",
                row[key]
            );
            assert!(html.contains(&needle), "missing {needle}");
        }
    }
    // Every chart is there, each with data.
    for id in [
        "chart-stars-total",
        "chart-stars-by-town",
        "chart-training-tiers",
        "chart-training-by-town",
        "chart-quotas",
        "chart-assessment",
        "chart-talent-tiers",
        "chart-burden",
    ] {
        let at = html
            .find(&format!("id=\"{id}\""))
            .unwrap_or_else(|| panic!("no chart {id}"));
        let end = at + html[at..].find("</svg>").unwrap();
        assert!(
            html[at..end].contains("data-value="),
            "chart {id} has no data"
        );
    }
    // Talent tiers and assessment grades, by value.
    for (tier, n) in r["talent"]["by_tier"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| (v["tier"].as_str().unwrap(), v["count"].as_u64().unwrap()))
    {
        assert!(
            html.contains(&format!(
                "data-category=\"{tier}\" data-series=\"各梯次在培养期人才\" data-value=\"{n}\""
            )),
            "{tier}"
        );
    }
    let grades = r["cadres"]["grades"].as_array().unwrap();
    assert!(html.contains(&format!(
        "data-category=\"优秀\" data-series=\"{} 年度考核等次分布\" data-value=\"{}\"",
        r["cadres"]["assessment_year"], grades[0]
    )));
}

#[test]
fn findings_fail_only_when_asked() {
    assert_eq!(code(&run(&["report", "--sample"])), 0);
    let out = run(&["report", "--sample", "--fail-on-findings"]);
    assert_eq!(code(&out), 1);
}

#[test]
fn bad_input_exits_2_without_panicking() {
    let missing = run(&["--lang", "en", "report", "/nonexistent/zugong/dataset"]);
    assert_eq!(code(&missing), 2);
    assert!(
        stderr(&missing).contains("not a folder"),
        "{}",
        stderr(&missing)
    );
    assert_eq!(
        code(&run(&["report"])),
        2,
        "a folder or --sample is required"
    );
    assert_eq!(code(&run(&["report", "--sample", "--format", "pdf"])), 2);
    assert_eq!(
        code(&run(&["generate", "--scale", "planet", "--out", "/tmp/x"])),
        2
    );
    assert_eq!(code(&run(&["frobnicate"])), 2);
}

/// `--help` of every command, in Chinese by default and in English with `--lang en`.
#[test]
fn help_on_every_command_in_both_languages() {
    for args in [
        vec!["--help"],
        vec!["check", "--help"],
        vec!["report", "--help"],
        vec!["generate", "--help"],
        vec!["sample", "--help"],
        vec!["import", "--help"],
        vec!["scenario", "--help"],
        vec!["scenario", "selection", "--help"],
        vec!["scenario", "rating", "--help"],
        vec!["scenario", "training", "--help"],
    ] {
        let out = run(&args);
        assert_eq!(code(&out), 0, "{args:?}");
        let text = stdout(&out);
        assert!(
            text.contains("用法：") && !text.contains("Usage"),
            "{args:?}: {text}"
        );
        let english: Vec<&str> = ["--lang", "en"]
            .into_iter()
            .chain(args.iter().copied())
            .collect();
        let out = run(&english);
        assert_eq!(code(&out), 0, "{english:?}");
        let text = stdout(&out);
        assert!(
            text.contains("Usage") && !text.contains("用法"),
            "{english:?}: {text}"
        );
    }
    // `help` in the language chosen, as a subcommand too.
    assert!(stdout(&run(&["help", "report"])).contains("数据集的组织工作年度报告"));
}

#[test]
fn output_never_overwrites_the_dataset() {
    let d = sample_dir("overwrite");
    let before = snapshot(d.path());
    let members = d.join("members.jsonl");
    let out = run(&[
        "report",
        d.s(),
        "--out",
        members.to_str().unwrap(),
        "--force",
    ]);
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    let report = d.join("report.txt");
    std::fs::write(&report, "old").unwrap();
    let out = run(&["report", d.s(), "--out", report.to_str().unwrap()]);
    assert_eq!(code(&out), 2, "an existing file needs --force");
    assert_eq!(std::fs::read_to_string(&report).unwrap(), "old");
    let out = run(&[
        "report",
        d.s(),
        "--out",
        report.to_str().unwrap(),
        "--force",
    ]);
    assert_eq!(code(&out), 0);
    std::fs::remove_file(&report).unwrap();
    assert_eq!(snapshot(d.path()), before);
}

#[test]
fn the_readme_excerpt_is_what_the_main_job_prints() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../README.md")).unwrap();
    let start = readme
        .find("An excerpt of what it prints")
        .expect("the README shows an excerpt");
    let block = &readme[start..];
    let block = &block[block.find("```text\n").unwrap() + 8..];
    let block = &block[..block.find("```").unwrap()];
    let out = stdout(&run(&["report", "--sample"]));
    let mut checked = 0;
    for line in block
        .lines()
        .filter(|l| !l.trim().is_empty() && l.trim() != "…")
    {
        assert!(
            out.lines().any(|o| o == line),
            "the README shows a line the report does not print:\n{line}"
        );
        checked += 1;
    }
    assert!(checked > 20);
}

#[test]
fn text_and_html_agree_on_rectification_and_show_every_basis() {
    let text = stdout(&run(&["report", "--sample"]));
    let html = stdout(&run(&["report", "--sample", "--format", "html"]));
    let open: u64 = text
        .lines()
        .find_map(|l| l.split("（整顿中 ").nth(1))
        .and_then(|t| t.split('，').next())
        .and_then(|n| n.parse().ok())
        .expect("the text names the branches under rectification");
    let row = html.split("<td>本年</td>").nth(1).unwrap();
    let cells: Vec<&str> = row
        .split("</tr>")
        .next()
        .unwrap()
        .split("<td class=\"n\">")
        .skip(1)
        .map(|c| c.trim_end_matches("</td>"))
        .collect();
    assert_eq!(
        cells.last().unwrap().parse::<u64>().unwrap(),
        open,
        "{cells:?}"
    );
    // No empty basis cell, no bare truncation count, no seed in the title.
    assert!(!html.contains("<td></td><td>整顿中</td>"), "an empty basis");
    assert!(!text.contains("seed"), "{text}");
    for l in text.lines().filter(|l| l.trim_start().starts_with('…')) {
        assert!(l.contains("从略"), "an unexplained truncation: {l}");
    }
}

#[test]
fn findings_are_numbered_the_same_in_both_languages() {
    let order = |lang: &str| -> Vec<(String, usize)> {
        let r = json_report(&["--lang", lang, "report", "--sample", "--format", "json"]);
        r["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                (
                    f["citation"].as_str().unwrap().to_owned(),
                    f["subjects"].as_array().unwrap().len(),
                )
            })
            .collect()
    };
    assert_eq!(order("zh"), order("en"));
}

/// `zugong report --sample | head -3`: the reader closes the pipe early; the binary ends
/// quietly (no panic, no exit 101, nothing on standard error), every time.
#[test]
fn a_closed_pipe_ends_quietly() {
    use std::io::Read;
    use std::process::Stdio;
    for _ in 0..5 {
        let mut child = zugong()
            .args(["report", "--sample", "--format", "html"])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = [0u8; 64];
        child.stdout.take().unwrap().read_exact(&mut first).unwrap();
        // The pipe's reading end is dropped here, before the report is all written.
        let out = child.wait_with_output().unwrap();
        assert_ne!(out.status.code(), Some(101), "{}", stderr(&out));
        assert!(stderr(&out).trim().is_empty(), "{}", stderr(&out));
    }
}
