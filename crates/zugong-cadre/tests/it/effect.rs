//! 影响期: every sanction bars promotion exactly through its last day, and never a lateral
//! post; a policy may lengthen a period, never shorten it.

use chrono::Duration;
use proptest::prelude::*;
use zugong_cadre::*;
use zugong_core::dates::add_months;
use zugong_core::{LeadershipRank, Policy};

use crate::support::d;

const DEPUTY: LeadershipRank = LeadershipRank::TownshipSectionDeputy;
const CHIEF: LeadershipRank = LeadershipRank::TownshipSectionChief;

fn periodic() -> impl Strategy<Value = Effect> {
    prop::sample::select(
        Effect::ALL
            .iter()
            .copied()
            .filter(|e| e.exit().is_none())
            .collect::<Vec<_>>(),
    )
}

proptest! {
    /// A promotion is barred on a day iff it falls in [effective_on, effective_on + months);
    /// a post at the same rank is never barred by a promotion bar.
    #[test]
    fn a_period_bars_promotion_exactly_within_its_months(
        effect in periodic(),
        start in 0i64..2000,
        offset in -100i64..1000,
    ) {
        let effective = d(2020, 1, 1) + Duration::days(start);
        let on = effective + Duration::days(offset);
        let periods = EffectPeriodPolicy::default();
        let cooling = CoolingOffPolicy::default();
        let (months, _) = periods.period(effect).unwrap();
        let end = add_months(effective, months).unwrap();
        let record = EffectRecord::new(effect, effective, Some(DEPUTY));
        let up = check_effects(std::slice::from_ref(&record), Some(DEPUTY),
            ConsideredPost::new(CHIEF, false), on, &periods, &cooling);
        prop_assert_eq!(!up.is_empty(), effective <= on && on < end);
        if let Some(bar) = up.first() {
            prop_assert_eq!(bar.until + Duration::days(1), end);
        }
        let lateral = check_effects(&[record], Some(DEPUTY),
            ConsideredPost::new(DEPUTY, false), on, &periods, &cooling);
        prop_assert!(lateral.is_empty());
    }

    /// Round trip of every record, by code; and every term parses back to its effect.
    #[test]
    fn records_round_trip(effect in prop::sample::select(Effect::ALL.to_vec()), start in 0i64..5000) {
        let r = EffectRecord::new(effect, d(2015, 1, 1) + Duration::days(start), Some(CHIEF));
        let back: EffectRecord = serde_json::from_str(&serde_json::to_string(&r).unwrap()).unwrap();
        prop_assert_eq!(&back, &r);
        prop_assert_eq!(effect.to_string().parse::<Effect>(), Ok(effect));
    }
}

/// 撤销党内职务 bars a Party post at the old rank for two years, and not a government post
/// at it; a province may lengthen the 诫勉 period but never shorten it.
#[test]
fn party_post_removal_and_the_policy_floor() {
    let periods = EffectPeriodPolicy::default();
    let cooling = CoolingOffPolicy::default();
    let removed = EffectRecord::new(Effect::PartyPostRemoval, d(2025, 1, 1), Some(CHIEF));
    let party = check_effects(
        std::slice::from_ref(&removed),
        Some(DEPUTY),
        ConsideredPost::new(CHIEF, true),
        d(2026, 12, 31),
        &periods,
        &cooling,
    );
    assert_eq!(party[0].barred, Barred::PartyPostAtOrAbove(CHIEF));
    assert_eq!(party[0].until, d(2026, 12, 31));
    let lateral = check_effects(
        std::slice::from_ref(&removed),
        Some(CHIEF),
        ConsideredPost::new(CHIEF, false),
        d(2026, 6, 1),
        &periods,
        &cooling,
    );
    assert!(lateral.is_empty(), "a government post at the old rank");
    assert!(
        check_effects(
            &[removed],
            Some(DEPUTY),
            ConsideredPost::new(CHIEF, true),
            d(2027, 1, 1),
            &periods,
            &cooling,
        )
        .is_empty()
    );

    let mut longer = periods;
    longer.admonition_months = 12;
    assert!(longer.validate().is_ok());
    let mut shorter = periods;
    shorter.admonition_months = 3;
    assert!(shorter.validate().is_err());
    let mut v = serde_json::to_value(SelectionPolicy::default()).unwrap();
    v["effect_periods"]["government_demerit_months"] = serde_json::json!(6);
    let e = serde_json::from_value::<SelectionPolicy>(v).unwrap_err();
    assert!(e.to_string().contains("government_demerit_months"), "{e}");
}
