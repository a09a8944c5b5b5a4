//! Branches, their review scores against the rubric, and the tasks pushed onto them.

use std::collections::BTreeMap;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use chrono::Datelike;
use chrono::NaiveDate;
use zugong_branch::{
    BranchBodies, Committee, LifeChecker, LifeCompleteness, LifePeriod, LifePolicy, Meeting,
    MeetingError, Points, Rubric, Scoresheet,
};
use zugong_core::{OrgTree, OrgUnitId};

use super::faults::Faults;
use crate::FaultKind;
use crate::text::text;
use crate::{BranchRecord, Fault, MeetingRecord, MemberRecord, Row, ScoreRecord, TaskRecord};

/// The rubric, the branches that pass and their scoresheets.
pub(super) type Branches = (
    Option<Rubric>,
    Vec<BranchRecord>,
    BTreeMap<OrgUnitId, Scoresheet>,
);

/// Checks the branches and their scores.
pub(super) fn branches(
    f: &mut Faults<'_>,
    tree: &OrgTree,
    as_of: NaiveDate,
    rubric_name: Option<String>,
    rows: Vec<Row<BranchRecord>>,
    scores_in: Vec<Row<ScoreRecord>>,
) -> Branches {
    let rubric_name = rubric_name.unwrap_or_else(|| "five_star_110".into());
    let rubric = match zugong_branch::presets::named(&rubric_name) {
        Some(Ok(r)) => Some(r),
        Some(Err(e)) => {
            f.out.push(Fault::file(
                FaultKind::Invalid,
                "dataset.json",
                text!("评分办法 {rubric_name}：{e}", "rubric {rubric_name}: {e}"),
            ));
            None
        }
        None => {
            f.out.push(Fault::file(FaultKind::Invalid, "dataset.json", text!(
                "{rubric_name:?} 不是内置评分办法（five_star_110、zhejiang、ankang、university_2024、hundred_point_base）",
                "{rubric_name:?} is not a rubric preset (five_star_110, zhejiang, ankang, university_2024, hundred_point_base)"
                ),
            ).in_field("rubric"));
            None
        }
    };
    let mut branches = Vec::new();
    let mut seen_branches = HashSet::default();
    for row in rows {
        let (line, b) = (row.line, row.record);
        let file = "branches";
        let before = f.mark();
        f.unit_known(tree, file, line, "unit", b.unit);
        if !seen_branches.insert(b.unit) {
            f.push(
                FaultKind::Duplicate,
                file,
                line,
                "unit",
                text!("支部 {} 重复出现", "branch {} appears twice", b.unit),
            );
        }
        if let (Some(yes), Some(total)) = (b.satisfaction_yes, b.satisfaction_total)
            && yes > total
        {
            f.push(
                FaultKind::Inconsistent,
                file,
                line,
                "satisfaction_yes",
                text!(
                    "满意票 {yes} 多于测评票 {total}",
                    "{yes} satisfied of {total} votes"
                ),
            );
        }
        if let (Some(rank), Some(of)) = (b.rank, b.ranked_of)
            && (rank == 0 || rank > of)
        {
            f.push(
                FaultKind::Inconsistent,
                file,
                line,
                "rank",
                text!("排名 {rank} 超出参评数 {of}", "place {rank} of {of}"),
            );
        }
        for d in [b.secretary_vacant_since, b.last_development_candidate]
            .into_iter()
            .flatten()
        {
            if d > as_of {
                f.push(
                    FaultKind::Inconsistent,
                    file,
                    line,
                    "secretary_vacant_since",
                    text!(
                        "{d} 晚于数据集日期 {as_of}",
                        "{d} is after the dataset's day {as_of}"
                    ),
                );
            }
        }
        if f.mark() == before {
            branches.push(b);
        }
    }
    let mut scores: BTreeMap<OrgUnitId, Scoresheet> = BTreeMap::new();
    let indicators: HashMap<&str, (String, Points)> = rubric
        .iter()
        .flat_map(|r| &r.data().dimensions)
        .flat_map(|d| &d.indicators)
        .flat_map(|i| {
            [
                (i.code.as_str(), (i.code.clone(), i.max)),
                (i.name.as_str(), (i.code.clone(), i.max)),
            ]
        })
        .collect();
    for row in scores_in {
        let (line, s) = (row.line, row.record);
        let file = "branch_scores";
        if !seen_branches.contains(&s.branch) {
            f.push(
                FaultKind::UnknownReference,
                file,
                line,
                "branch",
                text!(
                    "支部 {} 不在 branches 表中",
                    "branch {} is not in branches",
                    s.branch
                ),
            );
            continue;
        }
        if let Some(bonus) = rubric
            .iter()
            .flat_map(|r| &r.data().bonuses)
            .find(|b| b.code == s.indicator.trim() || b.name == s.indicator.trim())
        {
            let sheet = scores.entry(s.branch).or_default();
            if s.points > Points::ZERO && !sheet.bonuses.contains(&bonus.code) {
                sheet.bonuses.push(bonus.code.clone());
            }
            continue;
        }
        let Some((code, max)) = indicators.get(s.indicator.trim()) else {
            f.push(
                FaultKind::Invalid,
                file,
                line,
                "indicator",
                text!(
                    "{:?} 不是评分办法 {rubric_name} 的指标",
                    "{:?} is not an indicator of the rubric {rubric_name}",
                    s.indicator
                ),
            );
            continue;
        };
        if s.points > *max {
            f.push(
                FaultKind::Inconsistent,
                file,
                line,
                "points",
                text!(
                    "{} 超过该指标满分 {}",
                    "{} above the indicator's maximum {}",
                    s.points,
                    max
                ),
            );
            continue;
        }
        let sheet = scores.entry(s.branch).or_default();
        sheet.scores.insert(code.clone(), s.points);
        if let Some(e) = s.evidence {
            sheet.evidence.entry(code.clone()).or_default().push(e);
        }
    }

    (rubric, branches, scores)
}

/// Checks the tasks pushed onto branches.
pub(super) fn tasks(
    f: &mut Faults<'_>,
    tree: &OrgTree,
    rows: Vec<Row<TaskRecord>>,
) -> Vec<TaskRecord> {
    let mut tasks = Vec::new();
    for row in rows {
        let (line, t) = (row.line, row.record);
        let file = "tasks";
        let before = f.mark();
        let branch_known = f.unit_known(tree, file, line, "branch", t.branch);
        if f.unit_known(tree, file, line, "source", t.source)
            && branch_known
            && zugong_branch::source_kind(tree, t.branch, t.source).is_err()
        {
            f.push(
                FaultKind::Inconsistent,
                file,
                line,
                "source",
                text!(
                    "{} 既不是所下派支部的上级组织（块），也不是其所在县的县级部门（条）",
                    "{} is neither above the branch it pushed work onto (块) nor a county-level department of its area (条)",
                    t.source
                ),
            );
        }
        if t.due_on < t.assigned_on {
            f.push(
                FaultKind::Inconsistent,
                file,
                line,
                "due_on",
                text!(
                    "完成时限 {} 早于下派日期 {}：日期顺序颠倒",
                    "due {} before assigned {}: dates out of order",
                    t.due_on,
                    t.assigned_on
                ),
            );
        }
        if t.done_on.is_some_and(|d| d < t.assigned_on) {
            f.push(
                FaultKind::Inconsistent,
                file,
                line,
                "done_on",
                text!(
                    "完成日期早于下派日期：日期顺序颠倒",
                    "done before assigned: dates out of order"
                ),
            );
        }
        if f.mark() == before {
            tasks.push(t);
        }
    }

    tasks
}

/// Checks every branch's meetings (`meetings`) over the dataset's year up to its day (from 1
/// January of the year of `as_of`), against the national frequencies: the completeness of each
/// branch that has meeting records, by branch. A branch has a committee when it has at least
/// `BranchStructurePolicy::committee_required_at` full members in the members table (支部工作条例:
/// 7 正式党员 → 支委会); 党小组 are not in the
/// dataset, so 党小组会 are not required. A meeting record the rules refuse (实到 above 应到, no
/// topic, a lecturer for something other than a 党课, a branch not in the tree) is a fault.
pub(super) fn life(
    f: &mut Faults<'_>,
    tree: &OrgTree,
    as_of: NaiveDate,
    rows: Vec<Row<MeetingRecord>>,
    members: &[MemberRecord],
) -> BTreeMap<OrgUnitId, LifeCompleteness> {
    let file = "meetings";
    let mut by_branch: BTreeMap<OrgUnitId, Vec<Meeting>> = BTreeMap::new();
    for row in rows {
        let (line, m) = (row.line, row.record);
        if !f.unit_known(tree, file, line, "branch", m.branch) {
            continue;
        }
        let made = Meeting::held(m.branch, m.kind, m.held, m.expected, m.present, m.topic)
            .and_then(|meeting| match m.lecturer {
                Some(l) => meeting.given_by(l),
                None => Ok(meeting),
            })
            .map(|meeting| match m.planned {
                Some(day) => meeting.planned_for(day),
                None => meeting,
            });
        match made {
            Ok(meeting) => by_branch.entry(m.branch).or_default().push(meeting),
            Err(e) => {
                let field = match e {
                    MeetingError::PresentAboveExpected { .. } | MeetingError::NobodyExpected => {
                        "present"
                    }
                    MeetingError::LecturerOutsideLecture { .. } => "lecturer",
                    _ => "topic",
                };
                f.push_refused(file, line, field, &e);
            }
        }
    }
    let Some(period) = chrono::NaiveDate::from_ymd_opt(as_of.year(), 1, 1)
        .and_then(|from| LifePeriod::new(from, as_of).ok())
    else {
        return BTreeMap::new();
    };
    let mut full: HashMap<OrgUnitId, u32> = HashMap::default();
    for m in members
        .iter()
        .filter(|m| m.full_member_on.is_some_and(|d| d <= as_of))
    {
        *full.entry(m.unit).or_default() += 1;
    }
    let policy = LifePolicy::default();
    let checker = LifeChecker::new(period, &policy);
    let committee_at = zugong_branch::BranchStructurePolicy::default().committee_required_at;
    by_branch
        .into_iter()
        .filter_map(|(branch, meetings)| {
            let committee = if full.get(&branch).copied().unwrap_or(0) >= committee_at {
                Committee::Elected
            } else {
                Committee::SecretaryOnly
            };
            checker
                .check(branch, None, BranchBodies::new(committee, 0), &meetings)
                .ok()
                .map(|c| (branch, c))
        })
        .collect()
}
