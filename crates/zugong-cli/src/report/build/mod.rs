//! Computing the report from the world: the crates' bulk functions (star and training
//! roll-ups, weak-branch detection, the burden report, rotation flags, the recusal report,
//! talent analytics) over the dataset, and the findings with their rules.

use std::collections::{BTreeSet, HashMap};

use zugong_core::{AdminLevel, OrgKind, Policy, UnitSlot};

use super::{Report, Totals};
use crate::dataset::World;
use crate::lang::Lang;

mod burden;
mod cadres;
mod journals;
mod stars;
mod talent;
mod training;

/// The citation a policy gives for one of its fields.
fn cite<P: Policy>(policy: &P, field: &str) -> String {
    policy
        .citations()
        .into_iter()
        .find(|(f, _)| *f == field)
        .map(|(_, c)| c.to_string())
        .unwrap_or_default()
}

fn name_of(world: &World, slot: UnitSlot) -> String {
    world
        .tree
        .unit(slot)
        .map(|u| u.name.clone())
        .unwrap_or_default()
}

/// The groups branches are reported by: the units branches sit directly under (towns, organs'
/// and 两新 committees), and the county committees.
fn groups(
    world: &World,
    branch_slots: impl Iterator<Item = u32>,
) -> (Vec<UnitSlot>, Vec<UnitSlot>) {
    let mut towns = BTreeSet::new();
    for s in branch_slots {
        if let Some(p) = world
            .tree
            .slot_at(s as usize)
            .and_then(|s| world.tree.parent_slot(s))
        {
            towns.insert(p.index());
        }
    }
    let counties: Vec<UnitSlot> = world
        .tree
        .preorder()
        .filter(|s| {
            world
                .tree
                .unit(*s)
                .is_some_and(|u| u.level == AdminLevel::County && u.kind == OrgKind::Committee)
        })
        .collect();
    let mut towns: Vec<UnitSlot> = towns
        .into_iter()
        .filter_map(|i| world.tree.slot_at(i))
        .collect();
    // In the tree's order.
    let order: HashMap<usize, usize> = world
        .tree
        .preorder()
        .enumerate()
        .map(|(i, s)| (s.index(), i))
        .collect();
    towns.sort_by_key(|s| order.get(&s.index()).copied().unwrap_or(usize::MAX));
    (
        towns,
        if counties.len() > 1 {
            counties
        } else {
            Vec::new()
        },
    )
}

/// Builds the report of `world`, in `lang`.
pub(crate) fn build(world: &World, lang: Lang) -> Report {
    let as_of = world.manifest.as_of;
    let tree = &world.tree;
    let mut findings = Vec::new();
    let slot_of = |id| tree.slot(id).map_or(u32::MAX, zugong_training::unit_row);
    let (towns, counties) = groups(world, world.branches.iter().map(|b| slot_of(b.unit)));
    let stars = stars::stars_section(world, lang, &towns, &counties, &mut findings);
    let training = training::training_section(world, lang, &towns, &counties, &mut findings);
    let cadres = cadres::cadre_section(world, lang, &mut findings);
    let talent = talent::talent_section(world, lang, &mut findings);
    let burden = burden::burden_section(world);
    Report {
        title: world.manifest.name.clone(),
        as_of,
        totals: Totals {
            units: tree.len(),
            branches: world.branches.len(),
            members: world.members.len(),
            attendance: world.attendance.len(),
            classes: world.classes.len(),
            cadres: world.cadres.len(),
            posts: world.posts.len(),
            talents: world.talents.len(),
        },
        stars,
        training,
        cadres,
        talent,
        burden,
        findings,
    }
}
