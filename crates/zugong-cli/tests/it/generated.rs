//! `zugong generate`: deterministic per seed, valid, and reported on at city scale.

use crate::support::*;

#[test]
fn the_same_seed_gives_the_same_dataset() {
    let a = TempDir::new("gen-a");
    let b = TempDir::new("gen-b");
    let c = TempDir::new("gen-c");
    for (d, seed) in [(&a, "11"), (&b, "11"), (&c, "12")] {
        let out = run(&[
            "generate",
            "--scale",
            "county",
            "--seed",
            seed,
            "--out",
            d.s(),
            "--force",
        ]);
        assert_eq!(code(&out), 0, "{}", stderr(&out));
    }
    assert_eq!(snapshot(a.path()), snapshot(b.path()));
    assert_ne!(
        std::fs::read(a.join("members.jsonl")).unwrap(),
        std::fs::read(c.join("members.jsonl")).unwrap()
    );
    // Regenerating over a dataset needs --force.
    let out = run(&[
        "generate",
        "--scale",
        "county",
        "--seed",
        "11",
        "--out",
        a.s(),
    ]);
    assert_eq!(code(&out), 2);
}

#[test]
fn a_generated_city_is_valid_and_reported_on() {
    let d = TempDir::new("city");
    let out = run(&["generate", "--scale", "city", "--seed", "3", "--out", d.s()]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let check = run(&["check", d.s()]);
    assert_eq!(code(&check), 0, "{}", stdout(&check));
    crate::check::no_post_hangs_on_a_branch(d.path());
    let out = run(&["report", d.s(), "--format", "json"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let members = r["totals"]["members"].as_u64().unwrap();
    let branches = r["totals"]["branches"].as_u64().unwrap();
    assert!((30_000..70_000).contains(&members), "{members}");
    assert!((2_000..4_000).contains(&branches), "{branches}");
    // Seven counties, each reported.
    assert_eq!(r["stars"]["by_county"].as_array().unwrap().len(), 7);
    let by_county: u64 = r["training"]["by_county"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["members"].as_u64().unwrap())
        .sum();
    assert_eq!(by_county, members);
    // The planted problems are found.
    let rules: Vec<&str> = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    for rule in [
        "超职数配备",
        "党员年度学习培训学时未达标",
        "任职满十年应当交流",
    ] {
        assert!(
            rules.iter().any(|r| r.contains(rule)),
            "no {rule} in {rules:?}"
        );
    }
    // HTML at city scale stays well-formed.
    let html = d.join("report.html");
    let out = run(&[
        "report",
        d.s(),
        "--format",
        "html",
        "--out",
        html.to_str().unwrap(),
    ]);
    assert_eq!(code(&out), 0);
    crate::report::assert_well_formed(&std::fs::read_to_string(&html).unwrap());
}
