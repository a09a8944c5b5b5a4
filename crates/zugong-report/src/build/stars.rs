//! 五星支部 and 软弱涣散: star roll-ups by town and county, guidance, weak-branch detection
//! and the rectification findings.

use zugong_branch::{
    BranchRow, RectificationStatus, StarDistribution, StarLevel, WeakBasis, WeakBranchPolicy,
    detect_weakness, guidance_report, star_rollup,
};
use zugong_core::UnitSlot;

use crate::{Area, Finding, GuidanceRow, StarRow, StarsSection, WeakRow};
use zugong_dataset::World;
use zugong_dataset::lang::Lang;
use zugong_dataset::text::Text;
use zugong_dataset::validate::branch_facts;

use super::{cite, name_of};

/// The stars section and its findings.
pub(super) fn stars_section(
    world: &World,
    towns: &[UnitSlot],
    counties: &[UnitSlot],
    findings: &mut Vec<Finding>,
) -> StarsSection {
    let as_of = world.manifest.as_of;
    let tree = &world.tree;
    let slot_of = |id| tree.slot(id).map_or(u32::MAX, zugong_training::unit_row);
    let rows: Vec<BranchRow> = world
        .branches
        .iter()
        .map(|b| BranchRow {
            unit: slot_of(b.unit),
            stars: b.stars,
            rectification: b.rectification,
            reinspection_due: b.reinspection_due,
        })
        .collect();
    let stars_by_slot = star_rollup(tree, &rows).unwrap_or_default();
    let mut total = [0u64; 6];
    let mut last_year = [0u64; 6];
    for b in &world.branches {
        if let Some(n) = total.get_mut(usize::from(b.stars.get())) {
            *n += 1;
        }
        if let Some(n) = b
            .stars_last_year
            .and_then(|s| last_year.get_mut(usize::from(s.get())))
        {
            *n += 1;
        }
    }
    let stars_of = |slot: &UnitSlot| stars_by_slot.get(slot.index()).copied().unwrap_or_default();
    let (rubric, rubric_source, guidance) = match &world.rubric {
        Some(r) => {
            let stars: Vec<StarLevel> = world.branches.iter().map(|b| b.stars).collect();
            let g = guidance_report(r, &stars);
            let guidance = g
                .targets
                .iter()
                .map(|t| {
                    let band = if t.target.min_stars == t.target.max_stars {
                        t.target.min_stars.to_string()
                    } else {
                        format!("{}–{}", t.target.min_stars, t.target.max_stars)
                    };
                    GuidanceRow {
                        band,
                        target_permille: t.target.permille,
                        actual_permille: t.actual_permille,
                    }
                })
                .collect();
            (r.data().name.clone(), r.data().source.to_string(), guidance)
        }
        None => (String::new(), String::new(), Vec::new()),
    };
    let weak_policy = WeakBranchPolicy::default();
    let mut weak = Vec::new();
    // Weak branches not under rectification, by the rule (citation) of their first basis.
    let mut untreated: std::collections::BTreeMap<String, Vec<(String, Text)>> =
        std::collections::BTreeMap::new();
    let mut overdue_items = Vec::new();
    for b in &world.branches {
        let found = detect_weakness(&branch_facts(b, &world.life), as_of, &weak_policy);
        let listed = b.rectification != RectificationStatus::None;
        if found.is_empty() && !listed {
            continue;
        }
        let slot = tree.slot(b.unit);
        let group = slot
            .and_then(|s| tree.parent_slot(s))
            .map(|p| name_of(world, p))
            .unwrap_or_default();
        let name = tree.get(b.unit).map(|u| u.name.clone()).unwrap_or_default();
        let bases: Vec<Text> = found.iter().map(|f| weak_basis(&f.basis)).collect();
        let overdue = b.rectification == RectificationStatus::UnderRectification
            && b.rectification_deadline.is_some_and(|d| d < as_of);
        if let (Some(first), RectificationStatus::None) = (found.first(), b.rectification) {
            untreated
                .entry(first.citation.to_string())
                .or_default()
                .push((
                    name.clone(),
                    Text::from_fn(|lang| {
                        let texts: Vec<&str> = bases.iter().map(|b| b.get(lang)).collect();
                        texts.join(lang.t("；", "; "))
                    }),
                ));
        }
        if overdue {
            overdue_items.push((
                name.clone(),
                format!(
                    "{} {}",
                    Text::new("整顿期限", "deadline"),
                    b.rectification_deadline
                        .map(|d| d.to_string())
                        .unwrap_or_default()
                ),
            ));
        }
        weak.push(WeakRow {
            branch: name,
            group,
            bases,
            status: b.rectification,
            deadline: b.rectification_deadline,
            overdue,
        });
    }
    for (citation, items) in untreated {
        findings.push(Finding {
            area: Area::Stars,
            rule: Text::new(
                "符合软弱涣散认定情形，但未列入整顿",
                "meets a designation of a weak branch but is not under rectification",
            ),
            citation,
            subjects: crate::subjects(items),
        });
    }
    if !overdue_items.is_empty() {
        findings.push(Finding {
            area: Area::Stars,
            rule: Text::new(
                "软弱涣散基层党组织整顿逾期未销号",
                "weak-branch rectification past its deadline",
            ),
            citation: cite(&weak_policy, "rectification_months"),
            subjects: crate::subjects(overdue_items),
        });
    }
    StarsSection {
        rubric,
        rubric_source,
        total,
        last_year,
        guidance,
        by_town: towns
            .iter()
            .map(|s| star_row(name_of(world, *s), &stars_of(s)))
            .collect(),
        by_county: counties
            .iter()
            .map(|s| star_row(name_of(world, *s), &stars_of(s)))
            .collect(),
        weak,
        rating_journals: super::journals::rating_journals(world),
    }
}

/// A weak-branch basis in words.
pub(super) fn weak_basis(b: &WeakBasis) -> Text {
    Text::from_fn(|lang| {
        match (b, lang) {
            (WeakBasis::SecretaryVacant { since }, Lang::Zh) => format!("书记空缺（自 {since}）"),
            (WeakBasis::SecretaryVacant { since }, Lang::En) => {
                format!("secretary vacant since {since}")
            }
            (WeakBasis::NoDevelopmentCandidates { last }, Lang::Zh) => {
                format!(
                    "两年以上未确定发展对象（最近 {}）",
                    last.map(|d| d.to_string()).unwrap_or_else(|| "无".into())
                )
            }
            (WeakBasis::NoDevelopmentCandidates { last }, Lang::En) => {
                format!(
                    "no development candidate for two years (last {})",
                    last.map(|d| d.to_string())
                        .unwrap_or_else(|| "never".into())
                )
            }
            (
                WeakBasis::LowSatisfaction {
                    satisfied,
                    surveyed,
                },
                Lang::Zh,
            ) => format!("群众满意度低（{satisfied}/{surveyed}）"),
            (
                WeakBasis::LowSatisfaction {
                    satisfied,
                    surveyed,
                },
                Lang::En,
            ) => format!("low satisfaction ({satisfied}/{surveyed})"),
            (WeakBasis::LastInAssessment { rank, of }, Lang::Zh) => {
                format!("年度考核排名末位（{rank}/{of}）")
            }
            (WeakBasis::LastInAssessment { rank, of }, Lang::En) => {
                format!("last in the annual assessment ({rank}/{of})")
            }
            // A yes/no from the branches table is one interval of one: no counts to show.
            (
                WeakBasis::NoOrganizationalLife {
                    required: 0..=1, ..
                },
                Lang::Zh,
            ) => "未按期开展组织生活".into(),
            (
                WeakBasis::NoOrganizationalLife {
                    required: 0..=1, ..
                },
                Lang::En,
            ) => "no regular organizational life".into(),
            (WeakBasis::NoOrganizationalLife { met, required }, Lang::Zh) => {
                format!("未按期开展组织生活（应开展 {required} 项，完成 {met} 项）")
            }
            (WeakBasis::NoOrganizationalLife { met, required }, Lang::En) => {
                format!(
                    "no regular organizational life ({met} of {required} required meetings held)"
                )
            }
            (WeakBasis::Category(c), _) => c.to_string(),
        }
    })
}

/// A row of the star tables.
pub(super) fn star_row(unit: String, d: &StarDistribution) -> StarRow {
    StarRow {
        unit,
        by_stars: d.by_stars,
        weak_open: d.weak_open,
        weak_closed: d.weak_closed,
    }
}
