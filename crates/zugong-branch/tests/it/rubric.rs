use proptest::prelude::*;
use zugong_branch::*;
use zugong_core::{Citation, SourceStatus};

use crate::support::*;

fn stars(n: u8) -> StarLevel {
    StarLevel::new(n).unwrap()
}

#[test]
fn five_star_110_at_every_threshold() {
    let r = presets::five_star_110().unwrap();
    assert_eq!(r.max_total(), Points::whole(110));
    let with = |tenths: u32, innovation: bool| {
        let mut s = sheet_110(&r, tenths);
        if innovation {
            // The innovation project adds 10: take 10 off the indicators to keep the total.
            s = sheet_110(&r, tenths - 100);
            s.bonuses.push("innovation_project".into());
        }
        r.assess(&s).unwrap()
    };
    assert_eq!(with(900, true).stars, stars(5));
    assert_eq!(with(900, true).total, Points::whole(90));
    assert_eq!(with(899, true).stars, stars(4));
    assert_eq!(
        with(900, false).stars,
        stars(4),
        "no innovation project, no fifth star"
    );
    assert_eq!(with(1000, false).stars, stars(4));
    assert_eq!(with(800, false).stars, stars(4));
    assert_eq!(with(799, false).stars, stars(3));
    assert_eq!(with(700, false).stars, stars(3));
    assert_eq!(with(699, false).stars, stars(2));
    assert_eq!(with(600, false).stars, stars(2));
    assert_eq!(with(599, false).stars, stars(1));
    assert_eq!(with(0, false).stars, stars(1));
    let mut vetoed = sheet_110(&r, 1000);
    vetoed.bonuses.push("innovation_project".into());
    vetoed.vetoes.push("serious_discipline_case".into());
    let a = r.assess(&vetoed).unwrap();
    assert_eq!((a.stars, a.total), (StarLevel::NONE, Points::whole(110)));
}

#[test]
fn dimension_star_presets_at_the_bar() {
    for r in [
        presets::zhejiang_five_star().unwrap(),
        presets::ankang_five_star().unwrap(),
    ] {
        let mut s = sheet(&r, 800);
        assert_eq!(r.assess(&s).unwrap().stars, stars(5));
        let first = r.data().dimensions[0].indicators[0].code.clone();
        s.scores.insert(first.clone(), Points::from_tenths(799));
        let a = r.assess(&s).unwrap();
        assert_eq!(a.stars, stars(4));
        assert_eq!(a.stars_earned_by.len(), 4);
        assert!(!a.stars_earned_by.contains(&r.data().dimensions[0].code));
        s.vetoes.push("serious_discipline_case".into());
        assert_eq!(r.assess(&s).unwrap().stars, StarLevel::NONE);
    }
}

#[test]
fn university_ceiling_and_cap() {
    let r = presets::university_2024().unwrap();
    let mut s = sheet(&r, 1000);
    assert_eq!(r.assess(&s).unwrap().stars, stars(5));
    s.ceilings.push("weak_and_lax".into());
    assert_eq!(
        r.assess(&s).unwrap().stars,
        stars(2),
        "软弱涣散: below 三星"
    );
    // The scheme's 一票否决 bars 三星 and above; it does not void the rating as the 五星创评
    // schemes' does.
    let mut vetoed = sheet(&r, 1000);
    vetoed.vetoes.push("serious_discipline_case".into());
    assert_eq!(r.assess(&vetoed).unwrap().stars, stars(2));
    let low = {
        let mut v = sheet(&r, 500);
        v.vetoes.push("serious_discipline_case".into());
        r.assess(&v).unwrap().stars
    };
    assert!(low <= stars(2), "a veto never raises a rating");
    let five = presets::five_star_110().unwrap();
    let mut vetoed = sheet_110(&five, 1000);
    vetoed.vetoes.push("serious_discipline_case".into());
    assert_eq!(five.assess(&vetoed).unwrap().stars, StarLevel::NONE);
    assert_eq!(VetoEffect::Below(stars(3)).ceiling(), stars(2));
    let round: Vec<(StarLevel, Points)> =
        (0..10).map(|i| (stars(5), Points::whole(90 + i))).collect();
    let capped = enforce_five_star_cap(&r, &round);
    assert_eq!(capped.iter().filter(|s| **s == stars(5)).count(), 3);
    assert!(
        capped[7..].iter().all(|s| *s == stars(5)),
        "the highest totals keep five stars"
    );
    let report = guidance_report(&r, &round.iter().map(|x| x.0).collect::<Vec<_>>());
    assert!(report.cap_exceeded);
    assert_eq!(report.five_star_permille, 1000);
    let report = guidance_report(&r, &capped);
    assert!(!report.cap_exceeded);
    // The 110-point guidance is soft: reported, never enforced.
    let soft = presets::five_star_110().unwrap();
    assert_eq!(
        enforce_five_star_cap(&soft, &round),
        round.iter().map(|x| x.0).collect::<Vec<_>>()
    );
    let report = guidance_report(&soft, &[stars(5), stars(4), stars(3), stars(1)]);
    assert_eq!(
        report
            .targets
            .iter()
            .map(|t| t.actual_permille)
            .collect::<Vec<_>>(),
        [250, 250, 250, 250]
    );
}

#[test]
fn hundred_point_base_gains_and_loses() {
    let mut data = RubricData::from(presets::hundred_point_base().unwrap());
    data.deductions.push(Deduction {
        code: "missed_themed_day".into(),
        name: "未按时开展主题党日".into(),
        points: Points::whole(5),
        indicator: None,
    });
    let r = Rubric::new(data).unwrap();
    let plain = r.assess(&Scoresheet::default()).unwrap();
    assert_eq!((plain.total, plain.stars), (Points::whole(100), stars(4)));
    let lost = r
        .assess(&Scoresheet {
            deductions: vec!["missed_themed_day".into()],
            ..Default::default()
        })
        .unwrap();
    assert_eq!((lost.total, lost.stars), (Points::whole(95), stars(3)));
    let gained = r
        .assess(&Scoresheet {
            bonuses: vec!["recognised_achievement".into()],
            ..Default::default()
        })
        .unwrap();
    assert_eq!((gained.total, gained.stars), (Points::whole(120), stars(5)));
}

fn valid() -> RubricData {
    RubricData::from(presets::five_star_110().unwrap())
}

#[test]
fn malformed_rubrics_name_the_fault() {
    let check = |f: &dyn Fn(&mut RubricData), want: &dyn Fn(&RubricError) -> bool| {
        let mut d = valid();
        f(&mut d);
        let err = Rubric::new(d.clone()).unwrap_err();
        assert!(want(&err), "{err:?}");
        // Deserialization refuses it the same way.
        let json = serde_json::to_string(&d).unwrap();
        assert!(serde_json::from_str::<Rubric>(&json).is_err());
    };
    check(&|d| d.name = " ".into(), &|e| *e == RubricError::EmptyName);
    check(
        &|d| d.dimensions[0].indicators[1].code = "leadership_team".into(),
        &|e| *e == RubricError::DuplicateCode("leadership_team".into()),
    );
    check(&|d| d.dimensions.clear(), &|e| {
        *e == RubricError::NoIndicators
    });
    check(
        &|d| d.dimensions[0].indicators[0].max = Points::ZERO,
        &|e| matches!(e, RubricError::ZeroMaximum(_)),
    );
    check(
        &|d| {
            d.deductions.push(Deduction {
                code: "x".into(),
                name: "x".into(),
                points: Points::whole(1),
                indicator: Some("nope".into()),
            })
        },
        &|e| matches!(e, RubricError::DanglingIndicator { indicator, .. } if indicator == "nope"),
    );
    check(
        &|d| {
            if let AwardModel::ScoreBands { bands, .. } = &mut d.model {
                bands.swap(1, 2)
            }
        },
        &|e| matches!(e, RubricError::BandsOutOfOrder(_)),
    );
    check(
        &|d| {
            if let AwardModel::ScoreBands { bands, .. } = &mut d.model {
                bands.clear()
            }
        },
        &|e| *e == RubricError::NoBands,
    );
    check(
        &|d| {
            if let AwardModel::ScoreBands { bands, .. } = &mut d.model {
                bands[0].min = Points::whole(200)
            }
        },
        &|e| matches!(e, RubricError::UnreachableBand { .. }),
    );
    check(&|d| d.model = AwardModel::DimensionStars, &|e| {
        matches!(e, RubricError::DimensionStars(_))
    });
    check(
        &|d| {
            d.model = AwardModel::DimensionStars;
            d.dimensions[0].star_bar = Some(Points::whole(101));
        },
        &|e| matches!(e, RubricError::BarAboveMaximum { .. }),
    );
    check(
        &|d| d.guidance.as_mut().unwrap().targets[0].permille = 900,
        &|e| matches!(e, RubricError::GuidanceOverFull(1800)),
    );
    check(&|d| d.publicity.days = 0, &|e| {
        *e == RubricError::NoPublicity
    });
}

#[test]
fn scoresheets_that_do_not_fit() {
    let r = presets::five_star_110().unwrap();
    let mut s = sheet(&r, 1000);
    s.scores.insert("nope".into(), Points::whole(1));
    assert_eq!(
        r.assess(&s),
        Err(ScoreError::Unknown {
            kind: "indicator",
            code: "nope".into()
        })
    );
    let mut s = sheet(&r, 1000);
    s.scores.insert("performance".into(), Points::whole(21));
    assert!(matches!(r.assess(&s), Err(ScoreError::AboveMaximum { .. })));
    let mut s = sheet(&r, 1000);
    s.evidence.remove("performance");
    assert_eq!(
        r.assess(&s),
        Err(ScoreError::MissingEvidence("performance".into()))
    );
    let mut s = sheet(&r, 1000);
    s.bonuses = vec!["innovation_project".into(), "innovation_project".into()];
    assert_eq!(
        r.assess(&s),
        Err(ScoreError::Repeated("innovation_project".into()))
    );
    for (field, kind) in [
        ("deductions", "deduction"),
        ("bonuses", "bonus"),
        ("vetoes", "veto"),
        ("ceilings", "ceiling"),
    ] {
        let mut s = sheet(&r, 1000);
        match field {
            "deductions" => s.deductions.push("zz".into()),
            "bonuses" => s.bonuses.push("zz".into()),
            "vetoes" => s.vetoes.push("zz".into()),
            _ => s.ceilings.push("zz".into()),
        }
        assert_eq!(
            r.assess(&s),
            Err(ScoreError::Unknown {
                kind,
                code: "zz".into()
            })
        );
    }
    let mut s = sheet(&r, 1000);
    s.evidence.insert("ghost".into(), vec!["x".into()]);
    assert!(matches!(r.assess(&s), Err(ScoreError::Unknown { .. })));
}

proptest! {
    #[test]
    fn scores_stay_within_bounds_and_vetoes_hold_the_rating(
        preset in 0usize..5,
        fractions in prop::collection::vec(0u32..=1000, 8),
        bonus in any::<bool>(),
        veto in any::<bool>(),
    ) {
        let r = presets::all().unwrap().swap_remove(preset);
        let mut s = Scoresheet::default();
        for (ind, f) in r.data().dimensions.iter().flat_map(|x| &x.indicators).zip(fractions.iter().cycle()) {
            s.scores.insert(ind.code.clone(), Points::from_tenths(ind.max.tenths() * f / 1000));
            s.evidence.insert(ind.code.clone(), vec!["材料".into()]);
        }
        if bonus {
            s.bonuses.extend(r.data().bonuses.iter().map(|b| b.code.clone()));
        }
        if veto {
            s.vetoes.push(r.data().vetoes[0].code.clone());
        }
        let a = r.assess(&s).unwrap();
        prop_assert!(a.total <= a.max_total);
        prop_assert!(a.stars.get() <= 5);
        if veto {
            // Held to the scheme's veto: no star, or below the level it names.
            prop_assert!(a.stars <= r.data().vetoes[0].effect.ceiling());
        }
        let json = serde_json::to_string(&r).unwrap();
        prop_assert_eq!(serde_json::from_str::<Rubric>(&json).unwrap(), r.clone());
        let json = serde_json::to_string(&a).unwrap();
        prop_assert_eq!(serde_json::from_str::<Assessment>(&json).unwrap(), a);
    }

    #[test]
    fn star_levels_deserialize_only_in_range(n in any::<u8>()) {
        let parsed = serde_json::from_str::<StarLevel>(&n.to_string());
        prop_assert_eq!(parsed.is_ok(), n <= 5);
    }
}

#[test]
fn a_rubric_loaded_from_json() {
    let json = r#"{
        "name": "某县五星支部评定（示例数据）",
        "source": {"regulation": "某县文件", "article": "", "status": "provisional"},
        "model": {"score_bands": {"bands": [{"stars": 5, "min": 900}, {"stars": 3, "min": 600}], "innovation_for_five": false, "without_innovation": 5}},
        "dimensions": [{"code": "d", "name": "综合", "indicators": [{"code": "all", "name": "综合评分", "max": 1000}]}],
        "publicity": {"days": 5, "working_days": true}
    }"#;
    let r: Rubric = serde_json::from_str(json).unwrap();
    assert_eq!(
        r.data().source,
        Citation::new("某县文件", "", SourceStatus::Provisional)
    );
    let s = Scoresheet {
        scores: [("all".to_string(), Points::whole(60))].into(),
        ..Default::default()
    };
    assert_eq!(r.assess(&s).unwrap().stars, StarLevel::new(3).unwrap());
}
