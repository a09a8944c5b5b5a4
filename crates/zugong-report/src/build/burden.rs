//! 村（社区）党组织负担: the tasks pushed onto village branches.

use zugong_branch::{BurdenPolicy, burden_report_with};

use super::super::{BurdenSection, HeaviestBranch, HeavySource, Load, LoadRow, Summoned};
use zugong_dataset::World;

/// The burden section.
pub(super) fn burden_section(world: &World) -> BurdenSection {
    let as_of = world.manifest.as_of;
    let tree = &world.tree;
    let village_tasks: Vec<zugong_branch::PushedTask> = world
        .tasks
        .iter()
        .map(|t| zugong_branch::PushedTask {
            branch: t.branch,
            source: t.source,
            title: t.title.clone(),
            assigned_on: t.assigned_on,
            due_on: t.due_on,
            done_on: t.done_on,
            hours: t.hours,
            basis: t.basis.unwrap_or_default(),
        })
        .collect();
    match burden_report_with(
        tree,
        &village_tasks,
        &world.summoned,
        as_of,
        &BurdenPolicy::default(),
    ) {
        Ok(r) => {
            let mut heaviest: Vec<HeaviestBranch> = r
                .by_branch
                .iter()
                .map(|(id, c)| HeaviestBranch {
                    branch: tree.get(*id).map(|u| u.name.clone()).unwrap_or_default(),
                    tasks: c.tasks,
                    hours: c.hours,
                    overdue: c.overdue,
                })
                .collect();
            heaviest.sort_by(|a, b| {
                b.hours
                    .cmp(&a.hours)
                    .then(b.tasks.cmp(&a.tasks))
                    .then(a.branch.cmp(&b.branch))
            });
            heaviest.truncate(10);
            let sum = |f: fn(&zugong_branch::BurdenCount) -> u64| {
                r.by_branch.values().map(f).sum::<u64>()
            };
            BurdenSection {
                branches: r.by_branch.len(),
                tasks: sum(|c| u64::from(c.tasks)),
                hours: sum(|c| c.hours),
                open: sum(|c| u64::from(c.open)),
                overdue: sum(|c| u64::from(c.overdue)),
                by_source_level: r
                    .by_source_level
                    .iter()
                    .map(|(l, c)| LoadRow {
                        group: l.to_string(),
                        tasks: u64::from(c.tasks),
                        hours: c.hours,
                    })
                    .collect(),
                by_source_kind: r
                    .by_source_kind
                    .iter()
                    .map(|(k, c)| LoadRow {
                        group: k.to_string(),
                        tasks: u64::from(c.tasks),
                        hours: c.hours,
                    })
                    .collect(),
                territorial: Load {
                    tasks: u64::from(r.territorial.tasks),
                    hours: r.territorial.hours,
                },
                heavy_sources: r
                    .heavy_sources
                    .iter()
                    .map(|h| HeavySource {
                        source: tree
                            .get(h.source)
                            .map(|u| u.name.clone())
                            .unwrap_or_default(),
                        kind: h.kind.to_string(),
                        tasks: h.tasks,
                        organizations: h.branches,
                    })
                    .collect(),
                heaviest,
                summoned: Summoned {
                    meetings: sum(|c| u64::from(c.meetings)),
                    attendances: sum(|c| c.meeting_attendances),
                },
            }
        }
        Err(_) => BurdenSection {
            branches: 0,
            tasks: 0,
            hours: 0,
            open: 0,
            overdue: 0,
            by_source_level: Vec::new(),
            by_source_kind: Vec::new(),
            territorial: Load::default(),
            heavy_sources: Vec::new(),
            heaviest: Vec::new(),
            summoned: Summoned::default(),
        },
    }
}
