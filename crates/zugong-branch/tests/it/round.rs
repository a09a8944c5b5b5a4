//! A round's raw points give the stars `Rubric::assess` gives the same points one sheet at a
//! time, for every preset rubric; rows that do not fit the rubric are refused.

use std::collections::BTreeMap;

use proptest::prelude::*;
use zugong_branch::{Points, RoundScores, ScoreError, Scoresheet, presets};

/// Every preset with its indicators' codes and maxima, in row order.
fn rubrics() -> Vec<(zugong_branch::Rubric, Vec<(String, u32)>)> {
    presets::all()
        .unwrap()
        .into_iter()
        .map(|r| {
            let indicators = r
                .data()
                .dimensions
                .iter()
                .flat_map(|d| &d.indicators)
                .map(|i| (i.code.clone(), i.max.tenths()))
                .collect();
            (r, indicators)
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn a_round_gives_the_stars_of_assess(
        seeds in proptest::collection::vec(any::<u64>(), 1..40),
        high in any::<bool>(),
    ) {
        for (rubric, indicators) in rubrics() {
            let mut round = RoundScores::new(&rubric);
            let mut sheets = Vec::new();
            for seed in &seeds {
                let mut x = *seed | 1;
                let row: Vec<Points> = indicators
                    .iter()
                    .map(|(_, max)| {
                        x ^= x << 13;
                        x ^= x >> 7;
                        x ^= x << 17;
                        // Scores crowd the top when `high`, to reach five stars.
                        let max = u64::from(*max);
                        let t = if high { max - x % (max / 4 + 1) } else { x % (max + 1) };
                        Points::from_tenths(u32::try_from(t.min(max)).unwrap())
                    })
                    .collect();
                round.push(&row).unwrap();
                let scores: BTreeMap<String, Points> = indicators
                    .iter()
                    .zip(&row)
                    .map(|((code, _), p)| (code.clone(), *p))
                    .collect();
                let evidence = indicators
                    .iter()
                    .map(|(code, _)| (code.clone(), vec!["会议记录".to_owned()]))
                    .collect();
                sheets.push(Scoresheet { scores, evidence, ..Scoresheet::default() });
            }
            let stars = round.stars();
            prop_assert_eq!(stars.len(), seeds.len());
            for (sheet, got) in sheets.iter().zip(&stars) {
                let assessed = rubric.assess(sheet).unwrap();
                prop_assert_eq!(assessed.stars, *got, "{}", rubric.data().name);
            }
        }
    }
}

#[test]
fn rows_that_do_not_fit_are_refused() {
    for (rubric, indicators) in rubrics().into_iter().filter(|(_, i)| !i.is_empty()) {
        let mut round = RoundScores::new(&rubric);
        let short = vec![Points::ZERO; indicators.len() - 1];
        assert_eq!(
            round.push(&short),
            Err(ScoreError::RowLength {
                expected: indicators.len(),
                given: indicators.len() - 1
            })
        );
        let mut over: Vec<Points> = indicators
            .iter()
            .map(|(_, m)| Points::from_tenths(*m))
            .collect();
        over[0] = Points::from_tenths(indicators[0].1 + 1);
        assert!(matches!(
            round.push(&over),
            Err(ScoreError::AboveMaximum { indicator, .. }) if indicator == indicators[0].0
        ));
        assert!(round.is_empty());
        assert_eq!(round.row(0), None);
    }
}
