//! Scenario commands: each runs a lifecycle on a dataset and writes its journal, which the
//! report reads back.

use crate::support::*;

fn journal_lines(path: &std::path::Path) -> Vec<serde_json::Value> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn journals(d: &TempDir, prefix: &str) -> Vec<std::path::PathBuf> {
    let mut v: Vec<_> = std::fs::read_dir(d.join("journals"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap().to_str().unwrap().starts_with(prefix))
        .collect();
    v.sort();
    v
}

#[test]
fn a_selection_is_screened_walked_and_journaled() {
    let d = sample_dir("selection");
    let tables_before: Vec<_> = snapshot(d.path())
        .into_iter()
        .filter(|(p, _)| !p.starts_with("journals"))
        .collect();
    let out = run(&["scenario", "selection", d.s(), "--until", "appointment"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("全口径筛查"), "{text}");
    for step in [
        "分析研判和动议",
        "民主推荐",
        "确定考察对象",
        "考察",
        "讨论决定",
        "任前公示",
        "任职",
    ] {
        assert!(
            text.contains(&format!(" {step}")),
            "no step {step} in {text}"
        );
    }
    // Two selection journals now: the sample's and this one.
    let files = journals(&d, "selection-");
    assert_eq!(files.len(), 2);
    let new = files
        .iter()
        .find(|p| text.contains(p.file_name().unwrap().to_str().unwrap()))
        .unwrap();
    let lines = journal_lines(new);
    assert!(lines.len() >= 8);
    // Who, when, what, why on every entry, in sequence.
    for (i, l) in lines.iter().enumerate() {
        assert_eq!(l["sequence"].as_u64().unwrap(), i as u64 + 1);
        for key in ["at", "actor", "authority", "reason", "event"] {
            assert!(!l[key].is_null(), "entry {i} lacks {key}");
        }
    }
    let r: serde_json::Value =
        serde_json::from_slice(&run(&["report", d.s(), "--format", "json"]).stdout).unwrap();
    assert_eq!(r["cadres"]["selections"].as_array().unwrap().len(), 2);
    // The tables themselves were not touched.
    let tables_after: Vec<_> = snapshot(d.path())
        .into_iter()
        .filter(|(p, _)| !p.starts_with("journals"))
        .collect();
    assert_eq!(tables_before, tables_after);
    // Running again for the same post refuses to overwrite its journal.
    let post = new
        .file_name()
        .unwrap()
        .to_str()
        .unwrap()
        .trim_start_matches("selection-")
        .trim_end_matches(".jsonl")
        .to_owned();
    let again = run(&["scenario", "selection", d.s(), "--post", &post]);
    assert_eq!(code(&again), 2);
    assert_eq!(journal_lines(new), lines);
    let forced = run(&[
        "scenario",
        "selection",
        d.s(),
        "--post",
        &post,
        "--force",
        "--until",
        "decision",
    ]);
    assert_eq!(code(&forced), 0);
    assert!(journal_lines(new).len() < lines.len());
    // An unknown post is bad input.
    assert_eq!(
        code(&run(&[
            "scenario",
            "selection",
            d.s(),
            "--post",
            "019b76da-a800-77ea-8000-00000000dead"
        ])),
        2
    );
}

#[test]
fn a_rating_round_awards_stars_after_publicity() {
    let d = sample_dir("rating");
    let out = run(&["--lang", "en", "scenario", "rating", d.s()]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("Result:"), "{text}");
    assert!(!text.contains('✗'), "a round was refused: {text}");
    let files = journals(&d, "rating-");
    assert_eq!(files.len(), 1);
    let lines = journal_lines(&files[0]);
    let awarded = lines
        .iter()
        .filter(|l| l["entry"]["event"].get("stars_changed").is_some())
        .count();
    let opened = lines
        .iter()
        .filter(|l| l["entry"]["event"].get("opened").is_some())
        .count();
    assert!(opened > 5);
    assert_eq!(awarded, opened, "every round ends in 授星");
    // The report replays the journal.
    let r: serde_json::Value =
        serde_json::from_slice(&run(&["report", d.s(), "--format", "json"]).stdout).unwrap();
    let j = &r["stars"]["rating_journals"][0];
    assert_eq!(j["rounds"].as_u64().unwrap() as usize, opened);
    assert_eq!(j["open"], 0);
    let stars: u64 = j["awarded"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_u64().unwrap())
        .sum();
    assert_eq!(stars as usize, opened);
}

#[test]
fn fallback_training_closes_the_shortfalls() {
    let d = sample_dir("training");
    let before = stdout(&run(&["report", d.s(), "--format", "json"]));
    let r: serde_json::Value = serde_json::from_str(&before).unwrap();
    let short = r["training"]["total"]["short"].as_u64().unwrap();
    let missing = r["training"]["total"]["missing_hours"].as_u64().unwrap();
    let out = run(&["--lang", "en", "scenario", "training", d.s()]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains(&format!("{short} members short")), "{text}");
    assert!(text.contains("still short 0"), "{text}");
    let files = journals(&d, "training-");
    let lines = journal_lines(&files[0]);
    let attended = lines
        .iter()
        .filter(|l| l["entry"]["event"].get("attended").is_some())
        .count();
    assert_eq!(attended as u64, short);
    // The report replays the journal: every member short seated, every missing 学时 credited.
    let r: serde_json::Value =
        serde_json::from_slice(&run(&["report", d.s(), "--format", "json"]).stdout).unwrap();
    let j = &r["training"]["fallback_journals"][0];
    assert_eq!(j["participants"].as_u64().unwrap(), short);
    assert_eq!(j["credited_hours"].as_u64().unwrap(), missing);
    assert_eq!(j["closed"], j["classes"]);
}
