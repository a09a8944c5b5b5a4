//! 新型农村集体经济: the lines on both sides, bad returns refused, roll-ups equal their parts.

use proptest::prelude::*;
use zugong_branch::*;
use zugong_core::policy::Policy;
use zugong_core::*;

use crate::support::*;

fn ret(village: u128, year: i32, kind: IncomeKind, wan: u64) -> CollectiveReturn {
    CollectiveReturn::new(id(village), year).with_income(kind, Yuan::wan(wan))
}

#[test]
fn the_shell_and_weak_lines_on_both_sides() {
    let p = EconomyPolicy::default();
    assert_eq!(p.standing(Yuan(0)), EconomyStanding::Shell);
    assert_eq!(p.standing(Yuan(1)), EconomyStanding::Weak);
    assert_eq!(p.standing(Yuan(99_999)), EconomyStanding::Weak);
    assert_eq!(p.standing(Yuan::wan(10)), EconomyStanding::Ordinary);
    assert_eq!((p.band(Yuan(99_999)), p.band(Yuan::wan(10))), (0, 1));
    assert_eq!(p.band(Yuan::wan(500)), 4);
    let stats = EconomyPolicy::national_statistics();
    assert_eq!(stats.standing(Yuan(49_999)), EconomyStanding::Shell);
    assert_eq!(stats.standing(Yuan::wan(5)), EconomyStanding::Weak);
    assert_eq!(
        "薄弱村".parse::<EconomyStanding>(),
        Ok(EconomyStanding::Weak)
    );
    assert_eq!(
        "发包收入".parse::<IncomeKind>(),
        Ok(IncomeKind::ResourceContracting)
    );
}

#[test]
fn subsidies_do_not_lift_a_village_out_of_the_shell() {
    let tree = tree();
    let returns = vec![
        ret(100, 2025, IncomeKind::Subsidy, 80).with_assets(Yuan::wan(300)),
        ret(110, 2025, IncomeKind::PropertyLeasing, 12)
            .with_income(IncomeKind::Other, Yuan::wan(1)),
        ret(110, 2024, IncomeKind::PropertyLeasing, 3),
    ];
    let r = economy_rollup(&tree, &returns, 2025, 2025, &EconomyPolicy::default()).unwrap();
    assert_eq!(r.villages.len(), 2, "2024's return is another year");
    assert_eq!(r.villages[0].standing, EconomyStanding::Shell);
    assert_eq!(r.villages[0].total_income, Yuan::wan(80));
    assert_eq!(r.villages[1].operating_income, Yuan::wan(12));
    let county = r.summary(&tree, id(1)).unwrap();
    assert_eq!((county.villages, county.shell, county.ordinary), (2, 1, 1));
    assert_eq!(county.assets, Yuan::wan(300));
    assert_eq!(county.weak_permille(), 500);
    let towns: Vec<_> = r
        .at_level(&tree, AdminLevel::Township)
        .map(|(u, _)| u.id)
        .collect();
    assert_eq!(towns, vec![id(10), id(11)]);
    assert_eq!(r.weak_villages().count(), 1);
}

#[test]
fn bad_returns_are_refused_with_the_rule() {
    let tree = tree();
    let p = EconomyPolicy::default();
    let future = [ret(100, 2026, IncomeKind::Services, 1)];
    assert_eq!(
        economy_rollup(&tree, &future, 2025, 2025, &p),
        Err(EconomyError::Return {
            index: 0,
            error: ReturnError::FutureYear {
                year: 2026,
                latest: 2025
            }
        })
    );
    let town = [ret(10, 2025, IncomeKind::Services, 1)];
    assert!(matches!(
        economy_rollup(&tree, &town, 2025, 2025, &p),
        Err(EconomyError::Return {
            error: ReturnError::NotAVillage {
                level: AdminLevel::Township,
                ..
            },
            ..
        })
    ));
    let twice = [
        ret(100, 2025, IncomeKind::Services, 1),
        ret(100, 2025, IncomeKind::Investment, 1),
    ];
    assert!(matches!(
        economy_rollup(&tree, &twice, 2025, 2025, &p),
        Err(EconomyError::Duplicate {
            first: 0,
            second: 1,
            ..
        })
    ));
    let unknown = [ret(999, 2025, IncomeKind::Services, 1)];
    assert!(matches!(
        economy_rollup(&tree, &unknown, 2025, 2025, &p),
        Err(EconomyError::Return {
            error: ReturnError::UnknownUnit { .. },
            ..
        })
    ));
    // Lines out of order, or a village with nothing that is not a shell: refused.
    let mut loose = EconomyPolicy::default();
    loose.shell_below = Yuan(0);
    assert!(loose.validate().is_err());
    let mut crossed = EconomyPolicy::default();
    crossed.weak_below = Yuan(0);
    assert!(crossed.validate().is_err());
    let mut bands = EconomyPolicy::default();
    bands.bands = vec![Yuan::wan(50), Yuan::wan(10)];
    assert!(matches!(
        economy_rollup(&tree, &[], 2025, 2025, &bands),
        Err(EconomyError::Policy(_))
    ));
}

#[test]
fn a_measured_indicator_reads_the_collective_income() {
    let ind = presets::collective_economy_indicator(10, Yuan::wan(50));
    let rubric = Rubric::new(RubricData {
        dimensions: vec![Dimension {
            code: "prosperity".into(),
            name: "富裕星".into(),
            indicators: vec![ind, presets::organizational_life_indicator(20)],
            star_bar: Some(Points::whole(24)),
        }],
        ..presets::zhejiang_five_star().unwrap().data().clone()
    })
    .unwrap();
    let mut sheet = Scoresheet::default();
    let life = LifeSummary::reported(false);
    let filled = sheet.fill_measured(
        &rubric,
        &BranchMeasures::new(Some(life), Some(Yuan::wan(60))),
    );
    assert_eq!(filled, vec!["collective_economy", "organizational_life"]);
    assert_eq!(
        sheet.scores["collective_economy"],
        Points::whole(10),
        "above the full-marks figure"
    );
    assert_eq!(
        sheet.scores["organizational_life"],
        Points::ZERO,
        "none of one interval met"
    );
    assert!(sheet.evidence["collective_economy"][0].contains("60万元"));
    // Nothing recorded: the assessor's score stays.
    let mut kept = Scoresheet::default();
    kept.scores
        .insert("collective_economy".into(), Points::whole(3));
    assert!(
        kept.fill_measured(&rubric, &BranchMeasures::default())
            .is_empty()
    );
    assert_eq!(kept.scores["collective_economy"], Points::whole(3));
}

proptest! {
    /// Every unit's figures are the sum of its children's and its own villages'; a village
    /// is counted once, in exactly one standing and one band.
    #[test]
    fn rollups_equal_the_sum_of_their_parts(
        incomes in proptest::collection::vec((0usize..2, 0u64..2_000_000, 0u64..500_000), 0..2),
    ) {
        let tree = tree();
        let villages = [100u128, 110];
        let returns: Vec<CollectiveReturn> = incomes
            .iter()
            .enumerate()
            .filter(|(i, _)| *i < 2)
            .map(|(i, (_, op, sub))| {
                CollectiveReturn::new(id(villages[i]), 2025)
                    .with_income(IncomeKind::Operations, Yuan(*op))
                    .with_income(IncomeKind::Subsidy, Yuan(*sub))
            })
            .collect();
        let r = economy_rollup(&tree, &returns, 2025, 2025, &EconomyPolicy::default()).unwrap();
        let county = r.summary(&tree, id(1)).unwrap();
        let a = r.summary(&tree, id(10)).unwrap();
        let b = r.summary(&tree, id(11)).unwrap();
        prop_assert_eq!(county.villages, a.villages + b.villages);
        prop_assert_eq!(county.operating_income.0, a.operating_income.0 + b.operating_income.0);
        prop_assert_eq!(county.villages, county.shell + county.weak + county.ordinary);
        prop_assert_eq!(county.villages, county.by_band.iter().sum::<u32>());
        let op: u64 = returns.iter().map(|r| r.operating_income().0).sum();
        prop_assert_eq!(county.operating_income.0, op);
        prop_assert_eq!(county.villages as usize, returns.len());
    }
}
