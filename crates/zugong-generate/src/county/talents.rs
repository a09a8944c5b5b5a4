//! Talents across the four tiers.

use chrono::Datelike;
use zugong_core::{InstitutionId, TalentId};
use zugong_talent::{ProfessionalTitle, TalentTier, Yuan};

use crate::names;
use crate::{Ids, Sink};
use zugong_dataset::TalentRow;

use super::*;

/// Industry codes of the 六新六特六优 catalogue the generated talents serve.
pub(super) const INDUSTRIES: [&str; 12] = [
    "new_materials",
    "clean_energy",
    "digital_information",
    "modern_chemicals",
    "wine",
    "goji",
    "dairy",
    "beef_cattle",
    "tan_sheep",
    "culture_tourism",
    "modern_logistics",
    "hydrogen",
];

/// Twelve talents across the four tiers, employed by the county's units (some flexibly engaged).
pub(super) fn talents<S: Sink>(
    cx: &mut Ctx<'_, S>,
    bureaus: &[(Unit, Option<&str>)],
    enterprises: &[Unit],
) -> std::io::Result<()> {
    // The employers are the 单位 the enterprises' and bureaus' branches are set up in.
    let employers: Vec<InstitutionId> = enterprises
        .iter()
        .chain(bureaus.iter().map(|(u, _)| u))
        .filter_map(|u| u.institution)
        .collect();
    let plan: [(TalentTier, u32); 4] = [
        (TalentTier::YoungNurtured, 6),
        (TalentTier::YoungTopTalent, 3),
        (TalentTier::IndustryLeader, 2),
        (TalentTier::DistinguishedSciTech, 1),
    ];
    for (tier, n) in plan {
        for _ in 0..n {
            let Some(employer) = cx.rng.pick(&employers).copied() else {
                return Ok(());
            };
            let starts_on = day_between(cx.rng, day(2022, 3, 1), day(2026, 6, 30));
            let (age_lo, age_hi, years, grant, title) = match tier {
                TalentTier::YoungNurtured => (26, 34, 3, 30_000, ProfessionalTitle::Intermediate),
                TalentTier::YoungTopTalent => {
                    (30, 39, 3, 200_000, ProfessionalTitle::AssociateSenior)
                }
                TalentTier::IndustryLeader => (38, 52, 5, 500_000, ProfessionalTitle::FullSenior),
                TalentTier::DistinguishedSciTech => {
                    (42, 58, 5, 6_000_000, ProfessionalTitle::FullSenior)
                }
            };
            let age = cx.rng.range(age_lo, age_hi) as i32;
            let birth = day_between(
                cx.rng,
                day(starts_on.year() - age - 1, starts_on.month(), 1),
                day(starts_on.year() - age, 1, 1),
            );
            let flexible = cx.rng.chance(120);
            let industry = cx.rng.pick(&INDUSTRIES).map(|s| (*s).to_owned());
            cx.sink.put(TalentRow {
                id: TalentId::from_parts(Ids::at(), cx.ids.bits()),
                name: names::person(cx.rng),
                birth_date: birth,
                employer,
                tier,
                industry,
                batch: (starts_on.year() - 2021) as u32,
                starts_on,
                cycle_years: Some(years),
                grant: Yuan(grant),
                recognized_by: None,
                title: Some(title),
                series: Some("工程技术".into()),
                flexible_home: flexible.then(|| "某高校".to_owned()),
                days_per_year: flexible.then_some(60),
            })?;
            cx.counts.talents += 1;
        }
    }
    Ok(())
}
