//! Faults as data: each problem of a roster comes back with its kind, its place, the record it
//! is about and a message in both languages, whatever language the caller shows.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    missing_docs
)]

use std::path::PathBuf;

use proptest::prelude::*;
use zugong_dataset::lang::Lang;
use zugong_dataset::text::{Text, in_language};
use zugong_dataset::{Fault, FaultKind, load, validate};

/// A fresh folder under the system's temporary directory.
fn folder(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("zugong-faults-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

const UNITS: &str = "编号,名称,组织类别,层级,单位类型,上级,区划代码\n\
    YN,中共永宁县委员会,党委,县,,,640121\n\
    WH,中共永宁县望洪镇委员会,党委,镇,,YN,\n\
    WH-DH,望洪镇东和村党支部,党支部,村,村,WH,\n";

/// A dataset folder of a county with one town and one village branch (`WH-DH`), as of
/// 2026-11-30, for the tables a test adds.
fn county(name: &str) -> PathBuf {
    let dir = folder(name);
    std::fs::write(
        dir.join("dataset.json"),
        r#"{"format": 1, "name": "永宁县", "as_of": "2026-11-30"}"#,
    )
    .unwrap();
    std::fs::write(dir.join("org_units.csv"), UNITS).unwrap();
    dir
}

/// A citizen ID number: `body` (17 digits) and its check character (GB 11643-1999).
fn citizen_id(body: &str) -> String {
    let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    let sum: u32 = body
        .chars()
        .zip(weights)
        .map(|(c, w)| c.to_digit(10).unwrap_or(0) * w)
        .sum();
    let check = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'];
    format!("{body}{}", check[(sum % 11) as usize])
}

/// Loads and validates `dir`, returning the faults and the warnings.
fn check(dir: &std::path::Path) -> (Vec<Fault>, Vec<Fault>) {
    let mut faults = Vec::new();
    let data = load(dir, &mut faults).expect("a dataset folder");
    let warnings = data.warnings.clone();
    let _ = validate(data, &mut faults);
    (faults, warnings)
}

#[test]
fn each_trial_has_its_kind_place_and_record() {
    let dir = county("kinds");
    std::fs::write(
        dir.join("members.csv"),
        format!(
            "党员编号,姓名,身份证号,所在支部,入党日期,转正日期,联系电话\n\
         DY001,马志远,6.40121E+17,WH-DH,2001/7/1,2002/7/1,13800138000\n\
         DY002,李春花,{id_850312102},WH-DH,2026-13-45,,\n\
         DY003,王建国,{id_700101101},WH-DH,2001/7/1,2002/7/1,\n\
         DY003,王建国,{id_700101101},WH-DH,2001/7/1,2002/7/1,\n\
         DY004,张秀英,{id_680606102},,2001/7/1,2002/7/1,\n",
            id_680606102 = citizen_id("64012119680606102"),
            id_700101101 = citizen_id("64012119700101101"),
            id_850312102 = citizen_id("64012119850312102")
        ),
    )
    .unwrap();
    let (faults, warnings) = check(&dir);

    // The unused column is a warning of its own kind, naming the column.
    assert!(
        warnings
            .iter()
            .any(|w| w.kind == FaultKind::UnknownColumn && w.field.as_deref() == Some("联系电话")),
        "{warnings:?}"
    );
    let on =
        |line: u64| -> Vec<&Fault> { faults.iter().filter(|f| f.line == Some(line)).collect() };
    // Excel's scientific notation: a value not of its field's form, on DY001's row.
    let sci = on(2);
    assert_eq!(sci.len(), 1, "{faults:?}");
    assert_eq!(sci[0].kind, FaultKind::Invalid);
    assert_eq!(sci[0].record.as_deref(), Some("DY001"));
    assert!(sci[0].message(Lang::Zh).contains("科学计数法"));
    assert!(sci[0].message(Lang::En).contains("scientific notation"));
    // A date that is not a day.
    assert!(on(3).iter().any(|f| f.kind == FaultKind::Invalid
        && f.record.as_deref() == Some("DY002")
        && f.field.as_deref().is_some_and(|c| c.contains("joined_on"))));
    // The same member twice.
    assert!(
        faults
            .iter()
            .any(|f| f.kind == FaultKind::Duplicate && f.line == Some(5)),
        "{faults:?}"
    );
    // A required cell left empty.
    assert!(
        on(6)
            .iter()
            .any(|f| f.kind == FaultKind::Missing && f.record.as_deref() == Some("DY004"))
    );
    // Every message is there in both languages, and they differ.
    for f in &faults {
        assert!(!f.message(Lang::Zh).is_empty() && !f.message(Lang::En).is_empty());
        assert_ne!(f.message(Lang::Zh), f.message(Lang::En), "{f:?}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_refused_record_is_summarized_once_naming_it() {
    let dir = county("cascade");
    std::fs::write(
        dir.join("members.csv"),
        format!(
            "党员编号,姓名,身份证号,所在支部,入党日期,转正日期\n\
         DY001,马志远,{id_780312101},WH-DH,2001/7/1,2002/7/1\n\
         DY002,李春花,{id_850312102},WH-DH,not a day,\n",
            id_780312101 = citizen_id("64012119780312101"),
            id_850312102 = citizen_id("64012119850312102")
        ),
    )
    .unwrap();
    std::fs::write(
        dir.join("dues.csv"),
        "党员,交纳类别,计算基数\nDY002,在岗职工,500000\nDY001,在岗职工,500000\n",
    )
    .unwrap();
    let (faults, _) = check(&dir);
    let cascades: Vec<&Fault> = faults
        .iter()
        .filter(|f| f.kind == FaultKind::DependsOnRefused)
        .collect();
    // Summarized once for the refused member; the record named is the refused one.
    assert_eq!(cascades.len(), 1, "{faults:?}");
    assert_eq!(cascades[0].record.as_deref(), Some("DY002"));
    assert_eq!(cascades[0].file, "dues.csv");
    assert!(
        faults
            .iter()
            .any(|f| f.record.as_deref() == Some("DY002") && f.kind == FaultKind::Invalid),
        "{faults:?}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_domain_refusal_carries_its_rule() {
    // A member who joined before 18 contradicts the birth date (党章 第一条, named in the
    // message); an applicant talked to before applying is refused by the development rules,
    // whose citation the fault carries.
    let dir = county("rule");
    std::fs::write(
        dir.join("members.csv"),
        format!(
            "党员编号,姓名,身份证号,所在支部,入党日期,转正日期\n\
         DY001,马志远,{id_080312101},WH-DH,2020/7/1,2021/7/1\n",
            id_080312101 = citizen_id("64012120080312101")
        ),
    )
    .unwrap();
    std::fs::write(
        dir.join("applicants.csv"),
        format!(
            "姓名,身份证号,支部,申请入党日期,谈话日期\n李春花,{id},WH-DH,2026-05-01,2026-04-01\n",
            id = citizen_id("64012119980312102")
        ),
    )
    .unwrap();
    let (faults, _) = check(&dir);
    let refused = faults
        .iter()
        .find(|f| f.file == "applicants.csv")
        .unwrap_or_else(|| panic!("{faults:?}"));
    assert_eq!(refused.kind, FaultKind::Rule, "{refused:?}");
    let rule = refused.rule.as_ref().expect("a rule's fault cites it");
    assert!(!rule.regulation.is_empty());
    assert_ne!(refused.message(Lang::Zh), refused.message(Lang::En));
    let young = faults
        .iter()
        .find(|f| f.field.as_deref() == Some("joined_on"))
        .unwrap_or_else(|| panic!("{faults:?}"));
    assert_eq!(young.kind, FaultKind::Inconsistent);
    assert!(young.message(Lang::Zh).contains("党章"));
    let _ = std::fs::remove_dir_all(&dir);
}

proptest! {
    /// However a fault is made and however it is shown — its message in either language, its
    /// record, `Display` in either language, `Debug`, JSON — no full ID number or phone
    /// number appears.
    #[test]
    fn no_rendering_of_a_fault_reveals_an_id_or_a_phone(
        prefix in "[\\p{Han}a-z ：:]{0,8}",
        born in 1940u32..2008,
        sequence in 100u32..999,
        phone in 13_000_000_000u64..19_999_999_999,
    ) {
        let id = citizen_id(&format!("640121{born}0101{sequence}"));
        let message = Text::new(
            format!("{prefix}身份证号 {id}，电话 {phone}"),
            format!("{prefix}ID {id}, phone {phone}"),
        );
        let fault = Fault::at(FaultKind::Invalid, "members.csv", 2, "身份证号", message)
            .of_record(id.clone());
        let shown = [
            fault.message(Lang::Zh).to_owned(),
            fault.message(Lang::En).to_owned(),
            fault.record.clone().unwrap_or_default(),
            fault.to_string(),
            in_language(Lang::En, || fault.to_string()),
            format!("{fault:?}"),
            serde_json::to_string(&fault).unwrap_or_default(),
        ];
        let phone = phone.to_string();
        for s in &shown {
            prop_assert!(!s.contains(&id), "{s}");
            prop_assert!(!s.contains(&phone), "{s}");
        }
    }

    /// `text!` writes each side in its own language, a text among its arguments included.
    #[test]
    fn text_keeps_each_side(zh in "\\p{Han}{1,6}", en in "[a-z]{1,6}", n in any::<u32>()) {
        let inner = Text::new(zh.clone(), en.clone());
        let outer = zugong_dataset::text!("{inner}：{n}", "{inner}: {n}");
        prop_assert_eq!(outer.get(Lang::Zh), format!("{zh}：{n}"));
        prop_assert_eq!(outer.get(Lang::En), format!("{en}: {n}"));
        prop_assert_eq!(in_language(Lang::En, || outer.to_string()), format!("{en}: {n}"));
    }
}
