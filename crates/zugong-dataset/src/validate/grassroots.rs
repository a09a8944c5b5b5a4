//! The grassroots tables beside the branches: meetings attended for others (陪会), terms and
//! elections (换届), the village collective economy and the 两新 organizations. Each record is
//! checked with the library's own rule (its message names the rule and its citation); a
//! record the rules refuse is a fault and is left out.

use std::collections::BTreeMap;

use rustc_hash::FxHashMap as HashMap;

use chrono::{Datelike, NaiveDate};
use zugong_branch::{
    CandidateVotes, CollectiveReturn, CoverageForm, ElectionCount, IncomeKind, ShiftApproval,
    SummonedMeeting, Term, TermHistory, TermPolicy, TwoNewOrganization,
};
use zugong_core::{InstitutionId, OrgTree, OrgUnitId, PersonId};

use super::faults::Faults;
use crate::FaultKind;
use crate::text::text;
use crate::{
    CollectiveReturnRecord, ElectionRecord, Row, SummonedMeetingRecord, TermRecord, TwoNewRecord,
};

/// A 换届选举 as recorded, and its count for `decide_election` (candidates numbered in the
/// order of their votes in the row).
#[derive(Debug, Clone)]
pub struct Election {
    /// The organization.
    pub unit: OrgUnitId,
    /// The day.
    pub held_on: NaiveDate,
    /// The count.
    pub count: ElectionCount,
}

/// Whether `day` is not after the dataset's day; if it is, a fault of `field`.
fn not_after(
    f: &mut Faults<'_>,
    table: &str,
    line: u64,
    field: &str,
    day: NaiveDate,
    as_of: NaiveDate,
) -> bool {
    if day <= as_of {
        return true;
    }
    f.push(
        FaultKind::Inconsistent,
        table,
        line,
        field,
        text!(
            "{day} 晚于数据集截至日期 {as_of}：尚未发生的事不能记录",
            "{day} is after the dataset's day {as_of}: what has not happened cannot be recorded"
        ),
    );
    false
}

/// Checks the meetings village cadres attended for other bodies.
pub(super) fn summoned(
    f: &mut Faults<'_>,
    tree: &OrgTree,
    as_of: NaiveDate,
    rows: Vec<Row<SummonedMeetingRecord>>,
) -> Vec<SummonedMeeting> {
    let table = "summoned_meetings";
    let mut out = Vec::new();
    for row in rows {
        let (line, m) = (row.line, row.record);
        let ok = f.unit_known(tree, table, line, "branch", m.branch)
            & f.unit_known(tree, table, line, "source", m.source)
            & not_after(f, table, line, "held_on", m.held_on, as_of);
        if !ok {
            continue;
        }
        if zugong_branch::source_kind(tree, m.branch, m.source).is_err() {
            f.push(
                FaultKind::Inconsistent,
                table,
                line,
                "source",
                text!(
                    "{} 既不是该组织的上级组织（块），也不是其所在县的县级部门（条）",
                    "{} is neither above the organization (块) nor a county-level department of its area (条)",
                    m.source
                ),
            );
            continue;
        }
        out.push(SummonedMeeting::new(
            m.branch,
            m.source,
            m.held_on,
            m.attendees,
            m.topic,
        ));
    }
    out
}

/// Checks the terms: each organization's terms in the order they were elected, none after
/// the dataset's day, a moved term only with approval and within the limit. Returns each
/// organization's history.
pub(super) fn terms(
    f: &mut Faults<'_>,
    tree: &OrgTree,
    as_of: NaiveDate,
    rows: Vec<Row<TermRecord>>,
    policy: &TermPolicy,
) -> BTreeMap<OrgUnitId, TermHistory> {
    let table = "terms";
    let mut terms: Vec<(u64, Term)> = Vec::new();
    for row in rows {
        let (line, t) = (row.line, row.record);
        if !(f.unit_known(tree, table, line, "unit", t.unit)
            & not_after(f, table, line, "elected_on", t.elected_on, as_of))
        {
            continue;
        }
        let made = Term::elected(t.unit, t.body, t.elected_on, policy).and_then(|term| {
            match t.shifted_to {
                Some(to) => {
                    let approval = t
                        .shift_approved_on
                        .map_or(ShiftApproval::NotApproved, ShiftApproval::Approved);
                    term.shifted(to, approval, policy)
                }
                None => Ok(term),
            }
        });
        match made {
            Ok(term) => terms.push((line, term)),
            Err(e) => f.push_refused(table, line, "shifted_to", &e),
        }
    }
    terms.sort_by_key(|(line, t)| (t.organization, t.elected_on, *line));
    let mut out: BTreeMap<OrgUnitId, TermHistory> = BTreeMap::new();
    for (line, term) in terms {
        let history = out.entry(term.organization).or_default();
        if let Err(e) = history.push(term) {
            f.push_refused(table, line, "elected_on", &e);
        }
    }
    out
}

/// Checks the elections' counts add up (no more present than entitled, no candidate with more
/// votes than voters present), none after the dataset's day. Whether an election stands is
/// the report's finding, not a fault: the record says what happened.
pub(super) fn elections(
    f: &mut Faults<'_>,
    tree: &OrgTree,
    as_of: NaiveDate,
    rows: Vec<Row<ElectionRecord>>,
) -> Vec<Election> {
    let table = "elections";
    let mut out = Vec::new();
    for row in rows {
        let (line, e) = (row.line, row.record);
        if !(f.unit_known(tree, table, line, "unit", e.unit)
            & not_after(f, table, line, "held_on", e.held_on, as_of))
        {
            continue;
        }
        if e.present > e.entitled {
            f.push(
                FaultKind::Inconsistent,
                table,
                line,
                "present",
                text!(
                    "实到 {} 人多于应到 {} 人",
                    "{} present but {} entitled",
                    e.present,
                    e.entitled
                ),
            );
            continue;
        }
        if let Some(v) = e.votes.iter().find(|v| **v > e.present) {
            f.push(
                FaultKind::Inconsistent,
                table,
                line,
                "votes",
                text!(
                    "候选人得票 {v} 多于实到人数 {}",
                    "a candidate's {v} votes exceed the {} present",
                    e.present
                ),
            );
            continue;
        }
        // Candidates are numbered within the election: the row lists votes, not people.
        let votes = e
            .votes
            .iter()
            .enumerate()
            .map(|(i, v)| {
                let n = u128::try_from(i).unwrap_or(u128::MAX).saturating_add(1);
                CandidateVotes::new(PersonId::from_uuid(uuid::Uuid::from_u128(n)), *v)
            })
            .collect();
        out.push(Election {
            unit: e.unit,
            held_on: e.held_on,
            count: ElectionCount::new(e.entitled, e.present, e.places, e.method, votes),
        });
    }
    out
}

/// The latest year a collective-economy return may be for on `as_of`: its own year (the
/// accounts so far).
fn latest_economy_year(as_of: NaiveDate) -> i32 {
    as_of.year()
}

/// Checks the collective-economy returns: a village of the tree, not for a year to come, one
/// per village and year.
pub(super) fn economy(
    f: &mut Faults<'_>,
    tree: &OrgTree,
    as_of: NaiveDate,
    rows: Vec<Row<CollectiveReturnRecord>>,
) -> Vec<CollectiveReturn> {
    let table = "collective_economy";
    let latest = latest_economy_year(as_of);
    let mut seen: HashMap<(OrgUnitId, i32), u64> = HashMap::default();
    let mut out = Vec::new();
    for row in rows {
        let (line, r) = (row.line, row.record);
        let incomes = [
            (IncomeKind::ResourceContracting, r.contracting),
            (IncomeKind::PropertyLeasing, r.leasing),
            (IncomeKind::Services, r.services),
            (IncomeKind::Operations, r.operations),
            (IncomeKind::Investment, r.investment),
            (IncomeKind::Subsidy, r.subsidy),
            (IncomeKind::Other, r.other),
        ];
        let made = incomes
            .into_iter()
            .filter(|(_, y)| y.0 > 0)
            .fold(CollectiveReturn::new(r.village, r.year), |acc, (k, y)| {
                acc.with_income(k, y)
            })
            .with_assets(r.assets);
        if !f.unit_known(tree, table, line, "village", r.village) {
            continue;
        }
        if let Err(e) = made.check(tree, latest) {
            let field = match e {
                zugong_branch::ReturnError::FutureYear { .. } => "year",
                _ => "village",
            };
            f.push_refused(table, line, field, &e);
            continue;
        }
        let what = (
            format!("该村 {} 年度的年报", r.year),
            format!("this village's {} return", r.year),
        );
        if !f.first_time(
            &mut seen,
            (r.village, r.year),
            table,
            line,
            "year",
            (&what.0, &what.1),
        ) {
            continue;
        }
        out.push(made);
    }
    out
}

/// Checks the 两新 organizations: a 两新 or 新就业群体 kind, units of the tree, no more
/// members than employees, a 单独组建 or 联合组建 naming its Party organization, each
/// organization once.
pub(super) fn two_new(
    f: &mut Faults<'_>,
    tree: &OrgTree,
    registry: &zugong_core::InstitutionRegistry,
    rows: Vec<Row<TwoNewRecord>>,
) -> Vec<TwoNewOrganization> {
    let table = "two_new_orgs";
    let mut seen: HashMap<InstitutionId, u64> = HashMap::default();
    let mut out = Vec::new();
    for row in rows {
        let (line, o) = (row.line, row.record);
        // One organization, one id: a 两新 organization the registry also holds is the same
        // 单位, under the same name.
        if let Some(same) = registry.get(o.id)
            && same.name != o.name
        {
            f.push(
                FaultKind::Inconsistent,
                table,
                line,
                "id",
                text!(
                    "编号与单位名录中的“{}”相同，名称却是“{}”：同一组织须同名，不同组织须不同编号",
                    "the id is that of {:?} in the institutions table, named {:?} here: one organization, one name; two organizations, two ids",
                    same.name,
                    o.name
                ),
            );
            continue;
        }
        if !f.unit_known(tree, table, line, "area", o.area)
            || o.party_unit
                .is_some_and(|u| !f.unit_known(tree, table, line, "party_unit", u))
        {
            continue;
        }
        let Some(form) = CoverageForm::new(o.method, o.party_unit) else {
            f.push(
                FaultKind::Missing,
                table,
                line,
                "party_unit",
                text!(
                    "覆盖方式为{}，须填写所在党组织",
                    "{} needs the Party organization it names",
                    o.method
                ),
            );
            continue;
        };
        let made = TwoNewOrganization::new(o.id, o.name, o.kind, o.area, o.industry)
            .employing(o.employees, o.full_members, o.probationary_members)
            .covered_by(form);
        if let Err(e) = made.check(tree) {
            let field = match e {
                zugong_branch::OrganizationError::NotTwoNew { .. } => "kind",
                zugong_branch::OrganizationError::MoreMembersThanEmployees { .. } => "full_members",
                _ => "area",
            };
            f.push_refused(table, line, field, &e);
            continue;
        }
        if !f.first_time(
            &mut seen,
            o.id,
            table,
            line,
            "id",
            ("该组织", "this organization"),
        ) {
            continue;
        }
        out.push(made);
    }
    out
}
