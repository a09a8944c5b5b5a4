//! 人才梯次: the pipeline by tier and industry and the evaluations due.

use std::collections::{BTreeMap, HashMap};

use chrono::Datelike;
use zugong_talent::{DueKind, ProgrammeDefinition, TalentTier, due_within, pipeline, pool_matrix};

use crate::{Area, DUE_WITHIN_DAYS, DueRow, Finding, IndustryCount, TalentSection, TierCount};
use zugong_dataset::World;
use zugong_dataset::text::{Text, text};

/// The talent section and its findings: tiers, tier × industry, evaluations due.
pub(super) fn talent_section(world: &World, findings: &mut Vec<Finding>) -> TalentSection {
    let as_of = world.manifest.as_of;
    let records: Vec<zugong_talent::TalentRecord> =
        world.talents.iter().map(|(_, r)| r.clone()).collect();
    let p = pipeline(&records, as_of.year(), as_of);
    let by_tier = TalentTier::ALL
        .iter()
        .rev()
        .map(|t| TierCount {
            tier: t.to_string(),
            count: p.active.get(t).copied().unwrap_or(0),
        })
        .collect();
    let started = TalentTier::ALL
        .iter()
        .rev()
        .map(|t| TierCount {
            tier: t.to_string(),
            count: p.started.get(t).copied().unwrap_or(0),
        })
        .collect();
    let mut cells: BTreeMap<(TalentTier, String), u32> = BTreeMap::new();
    for (cell, n) in pool_matrix(&records, as_of) {
        *cells
            .entry((cell.tier, cell.industry.unwrap_or_default()))
            .or_default() += n;
    }
    let catalogue = zugong_talent::IndustryCatalogue::ningxia_2024();
    let industry_name = |code: &str| {
        catalogue
            .get(code)
            .map_or_else(|| code.to_owned(), |i| i.name.clone())
    };
    let by_industry = cells
        .into_iter()
        .rev()
        .map(|((t, i), count)| IndustryCount {
            tier: t.to_string(),
            industry: industry_name(&i),
            count,
        })
        .collect();
    let programmes = [
        ProgrammeDefinition::young_nurtured(),
        ProgrammeDefinition::young_top_talent(),
        ProgrammeDefinition::industry_leader(),
        ProgrammeDefinition::distinguished_sci_tech(),
    ];
    let names: HashMap<_, _> = world
        .talents
        .iter()
        .map(|(row, _)| (row.id, (row.name.clone(), row.tier)))
        .collect();
    let mut due = Vec::new();
    let mut by_programme: BTreeMap<String, Vec<(String, Text)>> = BTreeMap::new();
    for item in due_within(&records, &programmes, as_of, DUE_WITHIN_DAYS) {
        let Some((name, tier)) = names.get(&item.talent) else {
            continue;
        };
        let what = match item.kind {
            DueKind::MidTermEvaluation => Text::new("中期考核", "mid-term evaluation"),
            DueKind::FinalEvaluation => Text::new("期满考核", "final evaluation"),
            DueKind::AgeingOut => Text::new("超过年龄上限", "ageing out of the tier"),
        };
        due.push(DueRow {
            talent: name.clone(),
            tier: tier.to_string(),
            what: what.clone(),
            on: item.on,
        });
        let citation = programmes
            .iter()
            .find(|p| p.tier == *tier)
            .map(|p| p.source.to_string())
            .unwrap_or_default();
        by_programme.entry(citation).or_default().push((
            format!("{name}（{tier}）"),
            text!("{what} {}", "{what} {}", item.on),
        ));
    }
    for (citation, items) in by_programme {
        findings.push(Finding {
            area: Area::Talent,
            rule: zugong_dataset::text!(
                "人才培养期考核到期（{DUE_WITHIN_DAYS} 日内）",
                "talent evaluations due within {DUE_WITHIN_DAYS} days"
            ),
            citation,
            subjects: crate::subjects(items),
        });
    }
    TalentSection {
        by_tier,
        started,
        by_industry,
        due,
    }
}
