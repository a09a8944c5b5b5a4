//! The cadre policies: a province may tighten a figure, never loosen it, and a loosened
//! policy is refused where it is deserialized.

use proptest::prelude::*;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};
use zugong_cadre::*;
use zugong_core::{Policy, PolicyError, Stricter};

/// The default policy, with `field` set to `value`, read back from JSON.
fn with<P: Policy + serde::Serialize + DeserializeOwned>(
    field: &str,
    value: Value,
) -> Result<P, serde_json::Error> {
    let mut v = serde_json::to_value(P::default()).unwrap();
    v[field] = value;
    serde_json::from_value(v)
}

fn loosens(e: &PolicyError, want: &str) -> bool {
    matches!(e, PolicyError::Loosens { field, .. } if *field == want)
}

/// Each threshold the domain review found accepted, on both sides.
#[test]
fn selection_thresholds_refuse_loosening_on_both_sides() {
    let ok = |f: &str, v: Value| with::<SelectionPolicy>(f, v).is_ok();
    // 任前公示 at least 5 working days.
    assert!(ok("publicity_working_days", json!(5)));
    assert!(ok("publicity_working_days", json!(7)));
    assert!(!ok("publicity_working_days", json!(4)));
    assert!(!ok("publicity_working_days", json!(0)));
    // A 考察组 of at least two.
    assert!(ok("inspection_team_min", json!(2)));
    assert!(!ok("inspection_team_min", json!(1)));
    // 试用期 is one year.
    assert!(ok("probation_months", json!(12)));
    assert!(!ok("probation_months", json!(0)));
    assert!(!ok("probation_months", json!(11)));
    assert!(!ok("probation_months", json!(13)));
    // 民主推荐 valid for at most 12 months.
    assert!(ok("recommendation_valid_months", json!(6)));
    assert!(!ok("recommendation_valid_months", json!(13)));
    assert!(!ok("recommendation_valid_months", json!(0)));
    // 破格 never jumps two levels.
    assert!(ok("exceptional_max_steps", json!(1)));
    assert!(!ok("exceptional_max_steps", json!(3)));
    // 党章 第二十七条.
    assert!(ok("county_committee_standing_years", json!(3)));
    assert!(!ok("county_committee_standing_years", json!(2)));
    assert!(!ok("city_committee_standing_years", json!(4)));
    assert!(ok("grassroots_committee_standing_years", json!(1)));
    // The quorum of 讨论决定: 2/3 or more.
    assert!(ok("decision_quorum", json!([3, 4])));
    assert!(!ok("decision_quorum", json!([1, 2])));
    assert!(!ok("decision_quorum", json!([4, 3])));
    // 学历.
    assert!(ok("min_education", json!("undergraduate")));
    let e = with::<SelectionPolicy>("min_education", json!("senior_high")).unwrap_err();
    assert!(e.to_string().contains("min_education"), "{e}");
}

#[test]
fn a_loosened_policy_names_its_field_rule_and_the_national_figure() {
    let p = SelectionPolicy {
        publicity_working_days: 3,
        ..Default::default()
    };
    let e = p.validate().unwrap_err();
    assert!(loosens(&e, "publicity_working_days"), "{e}");
    let PolicyError::Loosens {
        national, stricter, ..
    } = &e
    else {
        unreachable!()
    };
    assert_eq!((*national, *stricter), (5, Stricter::Higher));
    assert_eq!(e.citation().unwrap().article, "第七章 任职");
    let text = with::<SelectionPolicy>("publicity_working_days", json!(3))
        .unwrap_err()
        .to_string();
    assert!(
        text.contains("at least 5") && text.contains("never loosen"),
        "{text}"
    );
}

#[test]
fn cooling_off_rotation_and_assessment_refuse_loosening() {
    assert!(with::<CoolingOffPolicy>("no_leadership_years", json!(2)).is_ok());
    assert!(with::<CoolingOffPolicy>("no_leadership_years", json!(0)).is_err());
    assert!(with::<CoolingOffPolicy>("nothing_higher_years", json!(1)).is_err());
    assert!(with::<RotationPolicy>("must_rotate_years", json!(8)).is_ok());
    assert!(with::<RotationPolicy>("must_rotate_years", json!(11)).is_err());
    assert!(with::<RotationPolicy>("max_consecutive_terms", json!(3)).is_err());
    assert!(with::<RotationPolicy>("max_years_at_level", json!(16)).is_err());
    assert!(with::<AssessmentPolicy>("excellent_cap_permille", json!(150)).is_ok());
    assert!(with::<AssessmentPolicy>("excellent_cap_permille", json!(210)).is_err());
    assert!(with::<AssessmentPolicy>("excellent_max_permille", json!(260)).is_err());
    assert!(with::<AssessmentPolicy>("dismissal_after_incompetent_years", json!(1)).is_err());
    // The 事业单位 regime's tighter shares pass.
    let institution = AssessmentPolicy::for_regime(AssessmentRegime::PublicInstitution);
    assert!(institution.validate().is_ok());
    let back: AssessmentPolicy =
        serde_json::from_str(&serde_json::to_string(&institution).unwrap()).unwrap();
    assert_eq!(back, institution);
}

proptest! {
    /// Any tightened 公示 and 考察组 round-trips exactly; any loosened one is refused, with
    /// the field named.
    #[test]
    fn tightened_policies_round_trip_and_loosened_ones_are_refused(
        days in 0u32..40,
        team in 0u32..10,
        valid in 0u32..30,
    ) {
        let p = SelectionPolicy {
            publicity_working_days: days,
            inspection_team_min: team,
            recommendation_valid_months: valid,
            ..Default::default()
        };
        let lawful = days >= 5 && team >= 2 && (1..=12).contains(&valid);
        prop_assert_eq!(p.validate().is_ok(), lawful);
        let text = serde_json::to_string(&p).unwrap();
        match serde_json::from_str::<SelectionPolicy>(&text) {
            Ok(back) => {
                prop_assert!(lawful);
                prop_assert_eq!(back, p);
            }
            Err(e) => {
                prop_assert!(!lawful);
                let named = ["publicity_working_days", "inspection_team_min", "recommendation_valid_months"]
                    .iter()
                    .any(|f| e.to_string().contains(f));
                prop_assert!(named, "{}", e);
            }
        }
    }
}
