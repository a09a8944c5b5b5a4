//! One million random inputs through the public constructors and deserializers of every
//! crate: dates at and beyond the ends of chrono's range, numbers at the ends of their types,
//! and every policy with its fields replaced by such values. Nothing may panic; a policy that
//! deserializes is valid and writes back to the same value.
//!
//! The inputs come from a fixed-seed generator (no dependency beyond the workspace's), so a
//! failure is reproduced by running the test again.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    missing_docs
)]

use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;
use zugong_core::Policy;

/// xorshift64*: enough spread for a sweep, and the same sequence every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    fn chance(&mut self, in_: u64) -> bool {
        self.below(in_) == 0
    }
}

/// A day anywhere in chrono's range, with the ends and the supported range's edges often.
fn day(rng: &mut Rng) -> NaiveDate {
    let edges = [
        NaiveDate::MIN,
        NaiveDate::MAX,
        NaiveDate::from_ymd_opt(1899, 12, 31).unwrap_or(NaiveDate::MIN),
        NaiveDate::from_ymd_opt(1900, 1, 1).unwrap_or(NaiveDate::MIN),
        NaiveDate::from_ymd_opt(2200, 12, 31).unwrap_or(NaiveDate::MAX),
        NaiveDate::from_ymd_opt(2201, 1, 1).unwrap_or(NaiveDate::MAX),
        NaiveDate::from_ymd_opt(2024, 2, 29).unwrap_or(NaiveDate::MAX),
    ];
    if rng.chance(3) {
        return edges[rng.below(edges.len() as u64) as usize];
    }
    let span =
        i64::from(NaiveDate::MAX.num_days_from_ce()) - i64::from(NaiveDate::MIN.num_days_from_ce());
    let n = i64::from(NaiveDate::MIN.num_days_from_ce()) + (rng.next() % span as u64) as i64;
    NaiveDate::from_num_days_from_ce_opt(i32::try_from(n).unwrap_or(0)).unwrap_or(NaiveDate::MIN)
}

/// A number at an end of some type, or anywhere.
fn number(rng: &mut Rng) -> Value {
    match rng.below(9) {
        0 => Value::from(0),
        1 => Value::from(-1),
        2 => Value::from(u64::MAX),
        3 => Value::from(i64::MIN),
        4 => Value::from(u32::MAX),
        5 => Value::from(rng.below(1000)),
        6 => serde_json::Number::from_f64(f64::from(rng.below(10_000) as u32) / 7.0)
            .map_or(Value::Null, Value::Number),
        7 => serde_json::Number::from_f64(1e308).map_or(Value::Null, Value::Number),
        _ => Value::from(rng.next()),
    }
}

/// A string a policy or a table might be handed.
fn text(rng: &mut Rng) -> Value {
    let d = day(rng);
    let forms = [
        String::new(),
        d.to_string(),
        format!("{}/{}/{}", d.year(), d.month(), d.day()),
        "+262142-12-31".to_owned(),
        "640121100".to_owned(),
        "6.40121E+17".to_owned(),
        "\u{0}\u{1b}[2J".to_owned(),
        rng.next().to_string(),
        "五星".to_owned(),
    ];
    Value::String(forms[rng.below(forms.len() as u64) as usize].clone())
}

/// `value` with some leaves replaced: numbers by numbers at the ends of their range, strings
/// by dates and odd text, booleans flipped, arrays emptied or doubled.
fn mutate(value: &mut Value, rng: &mut Rng) {
    match value {
        Value::Number(_) if rng.chance(3) => *value = number(rng),
        Value::String(_) if rng.chance(3) => *value = text(rng),
        Value::Bool(b) if rng.chance(4) => *b = !*b,
        Value::Null if rng.chance(4) => *value = number(rng),
        Value::Array(items) => {
            match rng.below(8) {
                0 => items.clear(),
                1 if !items.is_empty() => {
                    let again = items.clone();
                    items.extend(again);
                }
                _ => {}
            }
            for item in items.iter_mut() {
                mutate(item, rng);
            }
        }
        Value::Object(map) => {
            for (_, v) in map.iter_mut() {
                mutate(v, rng);
            }
        }
        _ => {}
    }
}

/// `rounds` mutations of `P`'s default through its deserializer; returns the inputs tried.
fn sweep_policy<P>(rng: &mut Rng, rounds: u32) -> u64
where
    P: Policy + Serialize + DeserializeOwned + PartialEq + std::fmt::Debug,
{
    let base = serde_json::to_value(P::default()).expect("a policy serializes");
    for _ in 0..rounds {
        let mut v = base.clone();
        mutate(&mut v, rng);
        if let Ok(policy) = serde_json::from_value::<P>(v) {
            assert_eq!(
                policy.validate(),
                Ok(()),
                "a policy deserialized unvalidated"
            );
            let back = serde_json::to_value(&policy).expect("a policy serializes");
            assert_eq!(serde_json::from_value::<P>(back).ok(), Some(policy));
        }
    }
    // The deserializer accepts its own default: a sweep where every mutation is refused must
    // not hide a policy that refuses everything.
    assert!(
        serde_json::from_value::<P>(base).is_ok(),
        "{} refuses its own default",
        std::any::type_name::<P>()
    );
    u64::from(rounds)
}

/// Dates through the date arithmetic, the calendar, 公示 and the supported range.
fn sweep_dates(rng: &mut Rng, rounds: u32) -> u64 {
    let calendar = zugong_core::WorkCalendar::official();
    let range = zugong_core::dates::SupportedDates::default();
    for _ in 0..rounds {
        let (a, b) = (day(rng), day(rng));
        let n = u32::try_from(rng.below(u64::from(u32::MAX))).unwrap_or(u32::MAX);
        let _ = zugong_core::dates::completed_years(a, b);
        let _ = zugong_core::dates::completed_months(a, b);
        let _ = zugong_core::dates::add_months(a, n);
        let _ = zugong_core::dates::add_years(a, n);
        let inside = range.check(a).is_ok();
        assert_eq!(inside, (1900..=2200).contains(&a.year()));
        let small = n % 40;
        let _ = calendar.add_working_days(a, small);
        let _ = calendar.working_days_in(a, b);
        let _ = zugong_core::publicity::Publicity::open(
            a,
            zugong_core::publicity::PublicityDays::Working(small),
            &calendar,
        );
        let _ = zugong_core::publicity::Publicity::open(
            a,
            zugong_core::publicity::PublicityDays::Calendar(n),
            &calendar,
        );
        let policy = zugong_training::TrainingPolicy::default();
        let _ = policy.senior_cadre_days_from(a);
        let _ = policy.cycle_of(a);
        let _ = serde_json::from_value::<NaiveDate>(text(rng));
    }
    u64::from(rounds)
}

/// Codes and numbers through their parsers.
fn sweep_codes(rng: &mut Rng, rounds: u32) -> u64 {
    for _ in 0..rounds {
        let digits = rng.next().to_string();
        let cut = &digits[..(rng.below(digits.len() as u64 + 1) as usize)];
        for t in [cut, digits.as_str()] {
            let _ = zugong_core::DivisionCode::new(t);
            let _ = zugong_core::TownshipCode::new(t);
            let _ = zugong_core::Locality::new(t);
            let _ = zugong_core::CitizenIdNumber::parse(t);
        }
        if let Value::String(s) = text(rng) {
            let _ = zugong_core::CitizenIdNumber::parse(&s);
            let _ = zugong_core::Locality::new(&s);
        }
        let _ =
            zugong_core::DivisionCode::from_number(u32::try_from(rng.next() >> 32).unwrap_or(0));
        let _ = zugong_core::TownshipCode::of(
            zugong_core::DivisionCode::from_number(640_121).expect("a county"),
            u16::try_from(rng.below(70_000)).unwrap_or(u16::MAX),
        );
        let _ = zugong_branch::StarLevel::new(u8::try_from(rng.below(256)).unwrap_or(u8::MAX));
        let tenths = u32::try_from(rng.next() >> 32).unwrap_or(u32::MAX);
        let hours = zugong_training::StudyHours::from_tenths(tenths);
        let _ = hours + hours;
        let _ = serde_json::from_value::<zugong_training::StudyHours>(number(rng));
        let _ = serde_json::from_value::<zugong_core::Yuan>(number(rng));
        let _ = serde_json::from_value::<zugong_branch::StarLevel>(number(rng));
    }
    u64::from(rounds)
}

#[test]
fn a_million_random_inputs_never_panic() {
    let mut rng = Rng(0x5EED_2026_1203_0001);
    let per_policy = 20_000;
    let mut tried = 0u64;
    tried += sweep_policy::<zugong_core::dates::SupportedDates>(&mut rng, per_policy);
    tried += sweep_policy::<zugong_core::MembershipPolicy>(&mut rng, per_policy);
    tried += sweep_policy::<zugong_core::CoManagementPolicy>(&mut rng, per_policy);
    tried += sweep_policy::<zugong_core::JurisdictionPolicy>(&mut rng, per_policy);
    tried += sweep_policy::<zugong_core::GradePromotionPolicy>(&mut rng, per_policy);
    tried += sweep_policy::<zugong_cadre::SelectionPolicy>(&mut rng, per_policy);
    tried += sweep_policy::<zugong_cadre::EffectPeriodPolicy>(&mut rng, per_policy);
    tried += sweep_policy::<zugong_cadre::CoolingOffPolicy>(&mut rng, per_policy);
    tried += sweep_policy::<zugong_cadre::AssessmentPolicy>(&mut rng, per_policy);
    tried += sweep_policy::<zugong_cadre::RotationPolicy>(&mut rng, per_policy);
    tried += sweep_policy::<zugong_branch::CoveragePolicy>(&mut rng, per_policy);
    tried += sweep_policy::<zugong_branch::BurdenPolicy>(&mut rng, per_policy);
    tried += sweep_policy::<zugong_branch::LifePolicy>(&mut rng, per_policy);
    tried += sweep_policy::<zugong_branch::EconomyPolicy>(&mut rng, per_policy);
    tried += sweep_policy::<zugong_branch::WeakBranchPolicy>(&mut rng, per_policy);
    tried += sweep_policy::<zugong_branch::BranchStructurePolicy>(&mut rng, per_policy);
    tried += sweep_policy::<zugong_branch::TermPolicy>(&mut rng, per_policy);
    tried += sweep_policy::<zugong_training::TrainingPolicy>(&mut rng, per_policy);
    tried += sweep_policy::<zugong_training::TierPolicy>(&mut rng, per_policy);
    tried += sweep_policy::<zugong_member::PartyStandingPolicy>(&mut rng, per_policy);
    tried += sweep_policy::<zugong_member::DuesPolicy>(&mut rng, per_policy);
    tried += sweep_policy::<zugong_member::MobilityPolicy>(&mut rng, per_policy);
    tried += sweep_policy::<zugong_member::DevelopmentPolicy>(&mut rng, per_policy);
    tried += sweep_policy::<zugong_talent::ProgrammeDefinition>(&mut rng, per_policy);
    tried += sweep_dates(&mut rng, 250_000);
    tried += sweep_codes(&mut rng, 270_000);
    assert!(tried >= 1_000_000, "{tried} inputs");
}
