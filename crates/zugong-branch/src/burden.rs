//! The burden on grassroots organizations (小马拉大车): tasks pushed down to village and
//! community organizations, counted per organization, per source, per source level and per
//! kind of source — 块 (a Party organization above the branch: the territorial chain) or 条 (a
//! department of the same area that is not above it: most of what villages carry comes from
//! county departments) — with the 属地管理 matters counted apart and the sources that push
//! more than a policy value onto each organization named; and the meetings the
//! organization's cadres were called to attend for other bodies' business (陪会), so that the
//! 小马拉大车 figure per village is its matters, their hours and those meetings.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use thiserror::Error;
use zugong_core::policy::{Policy, PolicyError};
use zugong_core::{AdminLevel, Citation, OrgTree, OrgUnitId, SourceStatus};

/// The burden rules followed: 减轻基层负担 (中共中央办公厅 关于持续解决困扰基层的形式主义问题
/// 为基层减负的通知 and the 2024 provisions on 整治形式主义为基层减负); the per-organization figure
/// is provisional, a province's own.
const BURDEN_RULE: Citation = Citation::new(
    "整治形式主义为基层减负若干规定(2024)",
    "属地管理事项责任清单；不得随意向基层转嫁责任",
    SourceStatus::Provisional,
);

/// 条块: where a pushed matter comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    /// 块: a Party organization above the branch (乡镇党委, 县委…).
    Block,
    /// 条: a department of the same area (县级部门), not above the branch.
    Line,
}

zugong_core::official_terms!(SourceKind, "下派来源 (source kind)", {
    Block => "块（上级党组织）" | "块",
    Line => "条（职能部门）" | "条",
});

/// 事项性质: how a matter came to the organization.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TaskBasis {
    /// 交办: assigned as work of its own.
    #[default]
    Assigned,
    /// 属地管理: pushed down in the name of territorial responsibility (a department's own
    /// duty handed to the village because it lies there).
    TerritorialManagement,
}

zugong_core::official_terms!(TaskBasis, "事项性质 (task basis)", {
    Assigned => "交办",
    TerritorialManagement => "属地管理",
});

/// The kind of source `source` is for `branch`: 块 when it is above the branch; 条 when it
/// is a county-level (or higher) unit of the branch's area — a county department's Party
/// organization — that is not above it. The area is the branch's nearest ancestor at county
/// level or above. A unit below county level that is not above the branch (a neighbouring
/// township) is neither.
///
/// # Errors
/// [`BurdenError::UnknownUnit`]; [`BurdenError::OutsideArea`] for a source that is neither
/// above the branch nor in its area, or the branch itself.
pub fn source_kind(
    tree: &OrgTree,
    branch: OrgUnitId,
    source: OrgUnitId,
) -> Result<SourceKind, BurdenError> {
    let unknown = |unit| BurdenError::UnknownUnit { index: 0, unit };
    if !tree.contains(source) {
        return Err(unknown(source));
    }
    if tree
        .is_within(branch, source)
        .map_err(|_| unknown(branch))?
        && branch != source
    {
        return Ok(SourceKind::Block);
    }
    let area = tree
        .ancestors(branch)
        .map_err(|_| unknown(branch))?
        .find(|u| u.level >= AdminLevel::County)
        .map(|u| u.id);
    match area {
        Some(area)
            if source != branch
                && tree
                    .get(source)
                    .is_some_and(|u| u.level >= AdminLevel::County)
                && tree.is_within(source, area).unwrap_or(false) =>
        {
            Ok(SourceKind::Line)
        }
        _ => Err(BurdenError::OutsideArea {
            index: 0,
            pushed_by: source,
            branch,
        }),
    }
}

/// The burden rules: how many matters one source may push onto one organization in the
/// report's period before it is named (provisional: a province sets its own).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(remote = "Self")]
#[non_exhaustive]
pub struct BurdenPolicy {
    /// Matters a source may push onto each organization it reaches, on average: 12.
    pub max_tasks_per_branch: u32,
}

zugong_core::validated_policy_serde!(BurdenPolicy);

impl Default for BurdenPolicy {
    fn default() -> Self {
        Self {
            max_tasks_per_branch: 12,
        }
    }
}

impl Policy for BurdenPolicy {
    fn citations(&self) -> Vec<(&'static str, Citation)> {
        vec![("max_tasks_per_branch", BURDEN_RULE)]
    }

    fn validate(&self) -> Result<(), PolicyError> {
        if self.max_tasks_per_branch == 0 {
            return Err(PolicyError::OutOfRange {
                field: "max_tasks_per_branch",
                value: 0,
                min: 1,
                max: i64::from(u32::MAX),
            });
        }
        Ok(())
    }
}

/// A source that pushed more matters onto the organizations it reaches than the policy
/// allows, on average.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct HeavySource {
    /// The source.
    pub source: OrgUnitId,
    /// 条 or 块 (for the first organization it reached).
    pub kind: SourceKind,
    /// Matters pushed.
    pub tasks: u32,
    /// Organizations reached.
    pub branches: u32,
    /// The rule.
    pub citation: Citation,
}

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
    /// 交办 or 属地管理.
    #[serde(default)]
    pub basis: TaskBasis,
}

/// 陪会: a meeting an organization's cadres were called to attend for another body's business
/// (a department's mobilization, a 观摩, a video conference relayed down), not their own
/// organizational life.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SummonedMeeting {
    /// The organization whose cadres attended.
    pub branch: OrgUnitId,
    /// The body that called the meeting.
    pub source: OrgUnitId,
    /// The day.
    pub held_on: NaiveDate,
    /// The organization's people who attended.
    pub attendees: u32,
    /// What it was about.
    pub topic: String,
}

impl SummonedMeeting {
    /// A meeting `source` called, attended by `attendees` of `branch` on `held_on`.
    #[must_use]
    pub fn new(
        branch: OrgUnitId,
        source: OrgUnitId,
        held_on: NaiveDate,
        attendees: u32,
        topic: impl Into<String>,
    ) -> Self {
        Self {
            branch,
            source,
            held_on,
            attendees,
            topic: topic.into(),
        }
    }
}

/// The load counted for one organization or one source: the matters pushed and the meetings
/// attended for others (小马拉大车).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct BurdenCount {
    /// Tasks.
    pub tasks: u32,
    /// Estimated hours.
    pub hours: u64,
    /// Tasks past due and not done on the report date.
    pub overdue: u32,
    /// Tasks still open on the report date.
    pub open: u32,
    /// Meetings attended for other bodies (陪会).
    #[serde(default)]
    pub meetings: u32,
    /// People-times at those meetings (人次).
    #[serde(default)]
    pub meeting_attendances: u64,
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
    /// Per kind of source: 块 and 条.
    pub by_source_kind: BTreeMap<SourceKind, BurdenCount>,
    /// The 属地管理 matters among them.
    pub territorial: BurdenCount,
    /// Sources over the policy's figure, most matters first.
    pub heavy_sources: Vec<HeavySource>,
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
    /// A task pushed by a body that is neither above the organization (块) nor a unit of its
    /// area (条).
    #[error("task {index}: {pushed_by} is neither above {branch} nor in its area")]
    OutsideArea {
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
    /// A meeting names a unit outside the tree.
    #[error("meeting {index} names unknown unit {unit}")]
    UnknownMeetingUnit {
        /// Index of the meeting.
        index: usize,
        /// The unit.
        unit: OrgUnitId,
    },
    /// A meeting called by a body that is neither above the organization nor of its area.
    #[error("meeting {index}: {called_by} is neither above {branch} nor in its area")]
    MeetingOutsideArea {
        /// Index of the meeting.
        index: usize,
        /// The body that called it.
        called_by: OrgUnitId,
        /// The organization.
        branch: OrgUnitId,
    },
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

fn add_meeting(c: &mut BurdenCount, m: &SummonedMeeting) {
    c.meetings = c.meetings.saturating_add(1);
    c.meeting_attendances = c.meeting_attendances.saturating_add(u64::from(m.attendees));
}

/// Counts the matters bodies of the area push onto each organization, as of a date, under the
/// national-default [`BurdenPolicy`], without meetings. Tasks assigned after `as_of` are not
/// counted.
///
/// # Errors
/// As [`burden_report_with`].
pub fn burden_report(
    tree: &OrgTree,
    tasks: &[PushedTask],
    as_of: NaiveDate,
) -> Result<BurdenReport, BurdenError> {
    burden_report_with(tree, tasks, &[], as_of, &BurdenPolicy::default())
}

/// Counts what bodies of the area load onto each organization, as of a date: by organization,
/// by source, by source level, by 条 and 块, the 属地管理 matters apart, and the sources that
/// push more than `policy` allows onto each organization they reach; with the meetings its
/// cadres attended for others (held on or before `as_of`) counted beside the matters, under
/// the same organization, source, level and kind.
///
/// # Errors
/// [`BurdenError`] for a unit outside the tree, a source outside the organization's area, or a
/// due date before the assignment; nothing is counted.
pub fn burden_report_with(
    tree: &OrgTree,
    tasks: &[PushedTask],
    meetings: &[SummonedMeeting],
    as_of: NaiveDate,
    policy: &BurdenPolicy,
) -> Result<BurdenReport, BurdenError> {
    let mut r = BurdenReport {
        as_of: Some(as_of),
        ..BurdenReport::default()
    };
    let mut reached: BTreeMap<OrgUnitId, (SourceKind, std::collections::BTreeSet<OrgUnitId>)> =
        BTreeMap::new();
    for (index, t) in tasks.iter().enumerate() {
        let source = tree.get(t.source).ok_or(BurdenError::UnknownUnit {
            index,
            unit: t.source,
        })?;
        let kind = source_kind(tree, t.branch, t.source).map_err(|e| e.at(index))?;
        if t.due_on < t.assigned_on {
            return Err(BurdenError::DueBeforeAssigned(index));
        }
        if t.assigned_on > as_of {
            continue;
        }
        add(r.by_branch.entry(t.branch).or_default(), t, as_of);
        add(r.by_source.entry(t.source).or_default(), t, as_of);
        add(r.by_source_level.entry(source.level).or_default(), t, as_of);
        add(r.by_source_kind.entry(kind).or_default(), t, as_of);
        if t.basis == TaskBasis::TerritorialManagement {
            add(&mut r.territorial, t, as_of);
        }
        reached
            .entry(t.source)
            .or_insert_with(|| (kind, std::collections::BTreeSet::new()))
            .1
            .insert(t.branch);
    }
    for (index, m) in meetings.iter().enumerate() {
        let unknown = |unit| BurdenError::UnknownMeetingUnit { index, unit };
        let source = tree.get(m.source).ok_or(unknown(m.source))?;
        let kind = match source_kind(tree, m.branch, m.source) {
            Ok(kind) => kind,
            Err(BurdenError::UnknownUnit { unit, .. }) => return Err(unknown(unit)),
            Err(_) => {
                return Err(BurdenError::MeetingOutsideArea {
                    index,
                    called_by: m.source,
                    branch: m.branch,
                });
            }
        };
        if m.held_on > as_of {
            continue;
        }
        add_meeting(r.by_branch.entry(m.branch).or_default(), m);
        add_meeting(r.by_source.entry(m.source).or_default(), m);
        add_meeting(r.by_source_level.entry(source.level).or_default(), m);
        add_meeting(r.by_source_kind.entry(kind).or_default(), m);
    }
    for (source, (kind, branches)) in reached {
        let tasks = r.by_source.get(&source).map_or(0, |c| c.tasks);
        let branches = u32::try_from(branches.len()).unwrap_or(u32::MAX);
        if u64::from(tasks) > u64::from(policy.max_tasks_per_branch) * u64::from(branches) {
            r.heavy_sources.push(HeavySource {
                source,
                kind,
                tasks,
                branches,
                citation: BURDEN_RULE,
            });
        }
    }
    r.heavy_sources
        .sort_by(|a, b| b.tasks.cmp(&a.tasks).then(a.source.cmp(&b.source)));
    Ok(r)
}

impl BurdenError {
    /// The same error, for the task at `index`.
    fn at(self, index: usize) -> Self {
        match self {
            Self::UnknownUnit { unit, .. } => Self::UnknownUnit { index, unit },
            Self::OutsideArea {
                pushed_by, branch, ..
            } => Self::OutsideArea {
                index,
                pushed_by,
                branch,
            },
            other => other,
        }
    }
}
