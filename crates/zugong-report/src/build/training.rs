//! 党员教育培训: the training roll-up by town and county, and the shortfall findings.

use zugong_core::UnitSlot;
use zugong_training::{UnitTraining, training_rollup};

use crate::{Area, Finding, TrainingRow, TrainingSection};
use zugong_dataset::World;
use zugong_dataset::lang::Lang;
use zugong_dataset::text::{Text, text};

use super::{cite, name_of};

/// The training section and its findings.
pub(super) fn training_section(
    world: &World,
    towns: &[UnitSlot],
    counties: &[UnitSlot],
    findings: &mut Vec<Finding>,
) -> TrainingSection {
    let _as_of = world.manifest.as_of;
    let tree = &world.tree;
    let policy = World::training_policy();
    let training_by_slot =
        training_rollup(tree, &world.member_rows, &world.attendance).unwrap_or_default();
    let roots: Vec<UnitSlot> = tree
        .preorder()
        .filter(|s| tree.parent_slot(*s).is_none())
        .collect();
    let mut whole = UnitTraining::default();
    for r in &roots {
        if let Some(t) = training_by_slot.get(r.index()) {
            whole.members += t.members;
            whole.met += t.met;
            whole.trained += t.trained;
            whole.shortfall_tenths += t.shortfall_tenths;
            for i in 0..3 {
                if let (Some(a), Some(b)) =
                    (whole.reached_by_tier.get_mut(i), t.reached_by_tier.get(i))
                {
                    *a += b;
                }
                if let (Some(a), Some(b)) =
                    (whole.tenths_by_tier.get_mut(i), t.tenths_by_tier.get(i))
                {
                    *a += b;
                }
            }
        }
    }
    let training_of = |slot: &UnitSlot| {
        training_by_slot
            .get(slot.index())
            .copied()
            .unwrap_or_default()
    };
    let training_rule = format!(
        "{} {} / {} {}",
        Text::new("党员每年", "members"),
        policy.member_yearly_hours,
        Text::new("基层党组织书记每年", "secretaries"),
        policy.secretary_yearly_hours
    );
    // Branches with members short, each a finding item.
    let mut short_items = Vec::new();
    for b in tree.preorder() {
        let Some(u) = tree.unit(b) else { continue };
        if !u.kind.is_branch() {
            continue;
        }
        let t = training_of(&b);
        if t.short() > 0 {
            short_items.push((
                u.name.clone(),
                Text::from_fn(|lang| match lang {
                    Lang::Zh => format!(
                        "{}/{} 名党员学时不足，共缺 {} 学时",
                        t.short(),
                        t.members,
                        t.shortfall_tenths.div_ceil(10)
                    ),
                    Lang::En => format!(
                        "{} of {} members short, {} 学时 missing",
                        t.short(),
                        t.members,
                        t.shortfall_tenths.div_ceil(10)
                    ),
                }),
            ));
        }
    }
    if !short_items.is_empty() {
        findings.push(Finding {
            area: Area::Training,
            rule: text!(
                "党员年度学习培训学时未达标 ({training_rule})",
                "members short of their yearly 学时 ({training_rule})"
            ),
            citation: format!(
                "{}；{}",
                cite(&policy, "member_yearly_hours"),
                cite(&policy, "secretary_yearly_hours")
            ),
            subjects: crate::subjects(short_items),
        });
    }
    TrainingSection {
        rule: format!(
            "{training_rule}（{}）",
            cite(&policy, "member_yearly_hours")
        ),
        total: training_row(world.manifest.name.clone(), &whole),
        completion_permille: whole.completion_permille().unwrap_or(0),
        by_town: towns
            .iter()
            .map(|s| training_row(name_of(world, *s), &training_of(s)))
            .collect(),
        by_county: counties
            .iter()
            .map(|s| training_row(name_of(world, *s), &training_of(s)))
            .collect(),
        fallback_journals: super::journals::fallback_journals(world),
    }
}

/// A row of the training tables.
pub(super) fn training_row(unit: String, t: &UnitTraining) -> TrainingRow {
    TrainingRow {
        unit,
        members: t.members,
        met: t.met,
        short: t.short(),
        missing_hours: t.shortfall_tenths.div_ceil(10),
        reached_by_tier: t.reached_by_tier,
        hours_by_tier: t.tenths_by_tier.map(|h| h / 10),
    }
}
