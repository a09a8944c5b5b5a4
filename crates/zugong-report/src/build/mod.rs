//! Computing the report from the world: the crates' bulk functions (star and training
//! roll-ups, weak-branch detection, the burden report, rotation flags, the recusal report,
//! talent analytics) over the dataset, and the findings with their rules.

use std::collections::HashSet;

use zugong_core::{AdminLevel, OrgKind, Policy, UnitSlot};

use super::{Report, Totals};
use zugong_dataset::World;

mod burden;
mod cadres;
mod grassroots;
mod journals;
mod membership;
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
fn groups(world: &World) -> (Vec<UnitSlot>, Vec<UnitSlot>) {
    let tree = &world.tree;
    let parents: HashSet<usize> = world
        .branches
        .iter()
        .filter_map(|b| tree.slot(b.unit).and_then(|s| tree.parent_slot(s)))
        .map(|p| p.index())
        .collect();
    let (mut towns, mut counties) = (Vec::new(), Vec::new());
    for s in tree.preorder() {
        if parents.contains(&s.index()) {
            towns.push(s);
        }
        if tree
            .unit(s)
            .is_some_and(|u| u.level == AdminLevel::County && u.kind == OrgKind::Committee)
        {
            counties.push(s);
        }
    }
    if counties.len() < 2 {
        counties.clear();
    }
    (towns, counties)
}

/// Builds the report of `world`, in `lang`.
pub fn build(world: &World) -> Report {
    let as_of = world.manifest.as_of;
    let tree = &world.tree;
    let mut findings = Vec::new();
    let (towns, counties) = groups(world);
    let stars = stars::stars_section(world, &towns, &counties, &mut findings);
    let training = training::training_section(world, &towns, &counties, &mut findings);
    let cadres = cadres::cadre_section(world, &mut findings);
    let talent = talent::talent_section(world, &mut findings);
    let burden = burden::burden_section(world);
    let grassroots = grassroots::grassroots_section(world, &mut findings);
    journals::failures(world, &mut findings);
    let mut members = journals::development_journals(world);
    membership::member_records(world, &mut members, &mut findings);
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
            institutions: world.institutions.len(),
            management_entries: world.management.entries.len(),
        },
        stars,
        training,
        cadres,
        talent,
        burden,
        grassroots,
        members,
        findings,
    }
}
