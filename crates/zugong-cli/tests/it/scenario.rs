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
    // Who, when and for which authority (the act the rules checked), why, the command and
    // the events decided, chained by digest, on every entry, in sequence.
    for (i, l) in lines.iter().enumerate() {
        assert_eq!(l["position"].as_u64().unwrap(), i as u64 + 1);
        assert_eq!(l["sequence"].as_u64().unwrap(), i as u64 + 1);
        for key in [
            "stream", "act", "reason", "command", "events", "previous", "digest",
        ] {
            assert!(!l[key].is_null(), "entry {i} lacks {key}");
        }
        for key in ["at", "actor", "authority"] {
            assert!(!l["act"][key].is_null(), "entry {i}'s act lacks {key}");
        }
        if i > 0 {
            assert_eq!(l["previous"], lines[i - 1]["digest"]);
        }
    }
    // The dataset records the journal's head.
    let heads: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(d.join("journals/heads.json")).unwrap())
            .unwrap();
    assert_eq!(
        heads[new.file_name().unwrap().to_str().unwrap()],
        lines.last().unwrap()["digest"]
    );
    let r: serde_json::Value =
        serde_json::from_slice(&run(&["report", d.s(), "--format", "json"]).stdout).unwrap();
    assert_eq!(r["cadres"]["selections"].as_array().unwrap().len(), 2);
    // The tables themselves were not touched.
    let tables_after: Vec<_> = snapshot(d.path())
        .into_iter()
        .filter(|(p, _)| !p.starts_with("journals"))
        .collect();
    assert_eq!(tables_before, tables_after);
    // Running again for the same post refuses to overwrite its journal, `--force` included:
    // history is never rewritten.
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
    assert_eq!(code(&forced), 2);
    assert_eq!(journal_lines(new), lines);
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
    let has = |l: &serde_json::Value, event: &str| {
        l["events"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e.get(event).is_some())
    };
    // One round for the town committee, over every branch it rates.
    let openings: Vec<_> = lines
        .iter()
        .flat_map(|l| l["events"].as_array().unwrap().iter())
        .filter_map(|e| e.get("opened"))
        .collect();
    assert_eq!(openings.len(), 1, "one round per committee and year");
    let opened = openings[0]["branches"].as_array().unwrap().len();
    assert!(opened > 5);
    assert!(lines.iter().all(|l| has(l, "opened") || has(l, "branch")));
    let awarded = lines
        .iter()
        .flat_map(|l| l["events"].as_array().unwrap().iter())
        .filter(|e| e["branch"]["event"].get("stars_changed").is_some())
        .count();
    assert_eq!(awarded, opened, "every branch's rating ends in 授星");
    // The report reads the journal back through `verify`.
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
        .filter(|l| {
            l["events"]
                .as_array()
                .unwrap()
                .iter()
                .any(|e| e.get("attended").is_some())
        })
        .count();
    assert_eq!(attended as u64, short);
    // The report verifies the journal: every member short seated, every missing 学时 credited.
    let r: serde_json::Value =
        serde_json::from_slice(&run(&["report", d.s(), "--format", "json"]).stdout).unwrap();
    let j = &r["training"]["fallback_journals"][0];
    assert_eq!(j["participants"].as_u64().unwrap(), short);
    assert_eq!(j["credited_hours"].as_u64().unwrap(), missing);
    assert_eq!(j["closed"], j["classes"]);
}

#[test]
fn a_failed_scenario_exits_non_zero_and_leaves_nothing() {
    let d = sample_dir("failed-scenario");
    let before = snapshot(d.path());
    let out = run(&[
        "--lang",
        "en",
        "scenario",
        "selection",
        d.s(),
        "--on",
        "1900-01-01",
    ]);
    assert_eq!(code(&out), 1, "{}", stdout(&out));
    assert!(
        stdout(&out).contains("no journal written"),
        "{}",
        stdout(&out)
    );
    assert_eq!(snapshot(d.path()), before, "nothing written");
    // The next run is not misled: the post is still free.
    let out = run(&["scenario", "selection", d.s()]);
    assert_eq!(code(&out), 0, "{}", stdout(&out));
}

#[test]
fn a_cohort_is_developed_from_application_to_full_membership() {
    let d = sample_dir("development");
    let out = run(&["--lang", "en", "scenario", "development", d.s()]);
    assert_eq!(code(&out), 0, "{}", stdout(&out));
    let text = stdout(&out);
    let files = journals(&d, "development-");
    assert_eq!(files.len(), 1, "{text}");
    // Every path begins with its application and every entry carries its act.
    let lines = journal_lines(&files[0]);
    assert!(lines.iter().all(|l| !l["act"]["authority"].is_null()));
    // After the sample's own selection was last acted on: its journal still verifies.
    let checked = run(&["check", d.s()]);
    assert_eq!(code(&checked), 0, "{}", stdout(&checked));
    let r: serde_json::Value =
        serde_json::from_slice(&run(&["report", d.s(), "--format", "json"]).stdout).unwrap();
    let j = &r["members"]["development_journals"][0];
    let paths = j["paths"].as_u64().unwrap();
    assert!(paths >= 2, "{j}");
    assert_eq!(
        j["by_stage"],
        serde_json::json!([{"stage": "正式党员", "count": paths}])
    );
    assert!(
        text.contains(&format!("{paths} applicants, {paths} became full members")),
        "{text}"
    );
}

/// The weak-branch rule reads the latest 确定发展对象 from the development journals too: a town
/// whose branches developed members two years ago no longer shows "两年以上未确定发展对象".
#[test]
fn development_journals_feed_the_weak_branch_rule() {
    let d = sample_dir("development-weak");
    let no_candidate = |d: &TempDir| -> Vec<String> {
        let r: serde_json::Value =
            serde_json::from_slice(&run(&["report", d.s(), "--format", "json"]).stdout).unwrap();
        r["stars"]["weak"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|w| {
                w["bases"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|b| b.as_str().unwrap().contains("发展对象"))
            })
            .map(|w| w["group"].as_str().unwrap().to_owned())
            .collect()
    };
    let before = no_candidate(&d);
    let town = before
        .first()
        .expect("the sample has a branch without 发展对象")
        .clone();
    let in_town = before.iter().filter(|g| **g == town).count();
    let out = run(&[
        "scenario",
        "development",
        d.s(),
        "--on",
        "2024-06-01",
        "--scope",
        &town,
    ]);
    assert_eq!(code(&out), 0, "{}", stdout(&out));
    let after = no_candidate(&d);
    assert_eq!(after.len(), before.len() - in_town, "{after:?}");
    assert!(!after.contains(&town));
    // A cohort starting on the dataset's day has no candidate yet by that day: nothing changes.
    let e = sample_dir("development-future");
    let before = no_candidate(&e);
    assert_eq!(
        code(&run(&["scenario", "development", e.s(), "--scope", &town])),
        0
    );
    assert_eq!(no_candidate(&e), before);
}

/// The selection reads each cadre's file: a 记过 recorded in `sanctions` keeps the
/// shortlist's first cadre from being chosen while its 影响期 runs; a record naming nobody is
/// a fault of the table.
#[test]
fn a_recorded_sanction_keeps_the_cadre_out_of_the_selection() {
    let first = |d: &TempDir| {
        let out = run(&["scenario", "selection", d.s(), "--until", "decision"]);
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        let text = stdout(&out);
        let line = text
            .lines()
            .find(|l| l.contains("确定考察对象:"))
            .unwrap_or_else(|| panic!("{text}"))
            .to_owned();
        line.rsplit(": ").next().unwrap().to_owned()
    };
    let clean = sample_dir("sanction-clean");
    let chosen = first(&clean);
    let name = chosen.split('、').next().unwrap().to_owned();
    let d = sample_dir("sanction");
    let cadre = read_rows(d.path(), "cadres")
        .into_iter()
        .find(|c| c["name"] == name.as_str())
        .unwrap();
    std::fs::write(
        d.join("sanctions.jsonl"),
        format!(
            "{}\n",
            serde_json::json!({"cadre": cadre["id"], "kind": "government_demerit", "effective_on": "2026-11-26"})
        ),
    )
    .unwrap();
    assert_eq!(code(&run(&["check", d.s()])), 0);
    let now = first(&d);
    assert!(!now.contains(&name), "{name} chosen under a 记过: {now}");
    assert_ne!(now, chosen);

    // A sanction in force before the sample's own journal chose its candidates: `check`
    // re-decides that entry from the file and finds it unlawful.
    let late = sample_dir("sanction-journal");
    let journal = journals(&late, "selection-").remove(0);
    let entry = journal_lines(&journal)
        .into_iter()
        .find(|l| !l["command"]["choose_candidates"].is_null())
        .unwrap();
    let candidate = &entry["command"]["choose_candidates"]["candidates"][0];
    std::fs::write(
        late.join("sanctions.jsonl"),
        format!(
            "{}\n",
            serde_json::json!({"cadre": candidate, "kind": "admonition", "effective_on": "2026-11-01"})
        ),
    )
    .unwrap();
    let out = run(&["check", late.s()]);
    assert_eq!(code(&out), 2, "{}", stdout(&out));
    let text = stdout(&out);
    assert!(
        text.contains("影响期未满") && text.contains("诫勉"),
        "{text}"
    );

    let bad = sample_dir("sanction-bad");
    std::fs::write(
        bad.join("sanctions.jsonl"),
        "{\"cadre\": \"019b76da-a800-77ea-8000-00000000dead\", \"kind\": \"admonition\", \"effective_on\": \"2026-06-01\"}\n",
    )
    .unwrap();
    let out = run(&["check", bad.s()]);
    assert_eq!(code(&out), 2);
    assert!(stdout(&out).contains("sanctions"), "{}", stdout(&out));
}
