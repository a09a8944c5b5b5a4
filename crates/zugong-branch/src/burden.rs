//! The burden on grassroots organizations (小马拉大车): tasks pushed down to village and
//! community organizations, counted per organization and per source.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use thiserror::Error;
use zugong_core::{AdminLevel, OrgTree, OrgUnitId};

/// 下派事项: one task or matter an upper body pushed down to an organization.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PushedTask {
    /// The organization that must carry it.
    pub branch: OrgUnitId,
    /// The body that pushed it down.
    pub source: OrgUnitId,
    /// What it is (e.g. `填报某专项统计表`).
    pub title: String,
    /// When it was assigned.
    pub assigned_on: NaiveDate,
    /// Due date.
    pub due_on: NaiveDate,
    /// When it was done, if it was.
    pub done_on: Option<NaiveDate>,
    /// Estimated working hours it costs the organization.
    pub hours: u32,
}

/// The load counted for one organization or one source.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BurdenCount {
    /// Tasks.
    pub tasks: u32,
    /// Estimated hours.
    pub hours: u64,
    /// Tasks past due and not done on the report date.
    pub overdue: u32,
    /// Tasks still open on the report date.
    pub open: u32,
}

/// The burden report: per carrying organization, per source body, and per source level.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BurdenReport {
    /// The report date.
    pub as_of: Option<NaiveDate>,
    /// Per carrying organization.
    pub by_branch: BTreeMap<OrgUnitId, BurdenCount>,
    /// Per pushing body.
    pub by_source: BTreeMap<OrgUnitId, BurdenCount>,
    /// Per level of the pushing body (县级, 乡镇级…), by the level's code.
    pub by_source_level: BTreeMap<AdminLevel, BurdenCount>,
}

/// Bad task records.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum BurdenError {
    /// A task names a unit outside the tree.
    #[error("task {index} names unknown unit {unit}")]
    UnknownUnit {
        /// Index of the task.
        index: usize,
        /// The unit.
        unit: OrgUnitId,
    },
    /// A task pushed by a body that is not above the organization.
    #[error("task {index}: {pushed_by} is not above {branch}")]
    NotFromAbove {
        /// Index of the task.
        index: usize,
        /// The body that pushed it.
        pushed_by: OrgUnitId,
        /// The organization.
        branch: OrgUnitId,
    },
    /// A task due before it was assigned.
    #[error("task {0} is due before it was assigned")]
    DueBeforeAssigned(usize),
}

fn add(c: &mut BurdenCount, t: &PushedTask, as_of: NaiveDate) {
    c.tasks = c.tasks.saturating_add(1);
    c.hours = c.hours.saturating_add(u64::from(t.hours));
    let open = t.done_on.is_none_or(|d| d > as_of);
    if open {
        c.open = c.open.saturating_add(1);
        if as_of > t.due_on {
            c.overdue = c.overdue.saturating_add(1);
        }
    }
}

/// Counts what upper bodies load onto each organization, as of a date. Tasks assigned after
/// `as_of` are not counted.
///
/// # Errors
/// [`BurdenError`] for a unit outside the tree, a source that is not above the organization,
/// or a due date before the assignment; nothing is counted.
pub fn burden_report(
    tree: &OrgTree,
    tasks: &[PushedTask],
    as_of: NaiveDate,
) -> Result<BurdenReport, BurdenError> {
    let mut r = BurdenReport {
        as_of: Some(as_of),
        ..BurdenReport::default()
    };
    for (index, t) in tasks.iter().enumerate() {
        let source = tree.get(t.source).ok_or(BurdenError::UnknownUnit {
            index,
            unit: t.source,
        })?;
        let within = tree
            .is_within(t.branch, t.source)
            .map_err(|_| BurdenError::UnknownUnit {
                index,
                unit: t.branch,
            })?;
        if !within || t.branch == t.source {
            return Err(BurdenError::NotFromAbove {
                index,
                pushed_by: t.source,
                branch: t.branch,
            });
        }
        if t.due_on < t.assigned_on {
            return Err(BurdenError::DueBeforeAssigned(index));
        }
        if t.assigned_on > as_of {
            continue;
        }
        add(r.by_branch.entry(t.branch).or_default(), t, as_of);
        add(r.by_source.entry(t.source).or_default(), t, as_of);
        add(r.by_source_level.entry(source.level).or_default(), t, as_of);
    }
    Ok(r)
}
