//! The member tables beside the roster: the development roster (applicants and their
//! milestones), the committees' plans, relation transfers, dues and members away. Each record
//! is checked with the member crate's own rules; what a record shows was irregular (a late
//! talk, an early 转正) is kept for the report's findings, and a record that cannot be true (a
//! milestone out of order, a transfer received before it was sent) is a fault.

use rustc_hash::FxHashMap as HashMap;

use chrono::NaiveDate;
use zugong_core::{MemberId, OrgTree, OrgUnitId};
use zugong_member::{
    DevelopmentPlan, DevelopmentPolicy, DuesCategory, DuesPolicy, Fen, MilestoneFinding,
    Milestones, Month, Outflow, PlanGroup, monthly_dues,
};

use super::faults::Faults;
use crate::FaultKind;
use crate::text::text;
use crate::{
    ApplicantRecord, DevelopmentPlanRecord, DuesRecord, MemberRecord, OutflowRecord, Row,
    TransferRecord,
};

/// An applicant on the development roster: name, path and what its days show.
#[derive(Debug, Clone)]
pub struct Applicant {
    /// The applicant's name.
    pub name: String,
    /// The path.
    pub path: Milestones,
    /// What was irregular or is overdue.
    pub findings: Vec<MilestoneFinding>,
    /// The plan groups the applicant counts in when admitted (青年 at the 支部大会, 女性).
    pub groups: Vec<PlanGroup>,
}

/// A relation transfer.
#[derive(Debug, Clone, Copy)]
pub struct Transfer {
    /// The member's row in the members table.
    pub member: u32,
    /// From.
    pub from: OrgUnitId,
    /// To.
    pub to: OrgUnitId,
    /// Sent.
    pub sent_on: NaiveDate,
    /// Received, if it was.
    pub received_on: Option<NaiveDate>,
}

/// A member's dues as recorded and as the rules set them.
#[derive(Debug, Clone, Copy)]
pub struct Dues {
    /// The member's row in the members table.
    pub member: u32,
    /// The category.
    pub category: DuesCategory,
    /// What the rules set a month.
    pub expected: Fen,
    /// What the branch charges a month (the record's, or the rules' when it gives none).
    pub charged: Fen,
    /// Consecutive months unpaid up to the dataset's month.
    pub unpaid_months: u32,
}

/// The member tables, checked.
#[derive(Debug, Clone, Default)]
pub struct MemberRecords {
    /// The development roster.
    pub applicants: Vec<Applicant>,
    /// The plans.
    pub plans: Vec<DevelopmentPlan>,
    /// Relation transfers.
    pub transfers: Vec<Transfer>,
    /// Dues.
    pub dues: Vec<Dues>,
    /// Members away.
    pub outflows: Vec<Outflow>,
}

/// Checks the development roster: the branch known, and the days a path (`Milestones::check`).
pub(super) fn applicants(
    f: &mut Faults<'_>,
    tree: &OrgTree,
    as_of: NaiveDate,
    rows: Vec<Row<ApplicantRecord>>,
    policy: &DevelopmentPolicy,
) -> Vec<Applicant> {
    let table = "applicants";
    let mut out = Vec::new();
    for row in rows {
        let (line, a) = (row.line, row.record);
        if !f.unit_known(tree, table, line, "branch", a.branch) {
            continue;
        }
        let mut path = Milestones::applied(a.branch, a.applied_on).born(a.citizen_id.birth_date());
        for (day, set) in [
            (
                a.talked_on,
                Milestones::talked as fn(Milestones, NaiveDate) -> Milestones,
            ),
            (a.activist_on, Milestones::activist),
            (a.candidate_on, Milestones::candidate),
            (a.admitted_on, Milestones::admitted),
            (a.approved_on, Milestones::approved),
            (a.full_on, Milestones::full_member),
        ] {
            if let Some(day) = day {
                path = set(path, day);
            }
        }
        let mut groups = Vec::new();
        let born = a.citizen_id.birth_date();
        if a.admitted_on.is_some_and(|d| PlanGroup::is_youth(born, d)) {
            groups.push(PlanGroup::Youth);
        }
        if a.citizen_id.sex() == zugong_core::Sex::Female {
            groups.push(PlanGroup::Women);
        }
        match path.check(as_of, policy) {
            Ok(findings) => out.push(Applicant {
                name: a.name,
                path,
                findings,
                groups,
            }),
            Err(e) => f.push_refused(table, line, "applied_on", &e),
        }
    }
    out
}

/// Checks the plans: a committee of the tree, one plan a committee and year.
pub(super) fn plans(
    f: &mut Faults<'_>,
    tree: &OrgTree,
    rows: Vec<Row<DevelopmentPlanRecord>>,
) -> Vec<DevelopmentPlan> {
    let table = "development_plans";
    let mut seen: HashMap<(OrgUnitId, i32), u64> = HashMap::default();
    let mut out = Vec::new();
    for row in rows {
        let (line, p) = (row.line, row.record);
        if !f.unit_known(tree, table, line, "committee", p.committee) {
            continue;
        }
        let what = (
            format!("该党委 {} 年度的计划", p.year),
            format!("this committee's {} plan", p.year),
        );
        if !f.first_time(
            &mut seen,
            (p.committee, p.year),
            table,
            line,
            "year",
            (&what.0, &what.1),
        ) {
            continue;
        }
        let plan = DevelopmentPlan::new(p.committee, p.year, p.admissions);
        out.push(
            [
                (PlanGroup::Youth, p.youth_permille),
                (PlanGroup::Women, p.women_permille),
            ]
            .into_iter()
            .filter_map(|(g, share)| share.map(|s| (g, s)))
            .fold(plan, |plan, (g, s)| plan.with_share(g, s)),
        );
    }
    out
}

/// A member of the roster, else a fault (or a cascade of a refused member).
fn member_known(
    f: &mut Faults<'_>,
    index: &HashMap<MemberId, u32>,
    table: &str,
    line: u64,
    member: MemberId,
) -> Option<u32> {
    let found = index.get(&member).copied();
    if found.is_none() {
        f.missing(
            None,
            table,
            line,
            "member",
            "member",
            member.as_uuid(),
            "members",
        );
    }
    found
}

/// Checks the transfers: the member and both organizations known, received not before sent,
/// nothing after the dataset's day.
pub(super) fn transfers(
    f: &mut Faults<'_>,
    tree: &OrgTree,
    as_of: NaiveDate,
    rows: Vec<Row<TransferRecord>>,
    index: &HashMap<MemberId, u32>,
) -> Vec<Transfer> {
    let table = "transfers";
    let mut out = Vec::new();
    for row in rows {
        let (line, t) = (row.line, row.record);
        let member = member_known(f, index, table, line, t.member);
        let from = f.unit_known(tree, table, line, "from", t.from);
        let to = f.unit_known(tree, table, line, "to", t.to);
        let (Some(member), true, true) = (member, from, to) else {
            continue;
        };
        let last = t.received_on.unwrap_or(t.sent_on);
        if t.received_on.is_some_and(|r| r < t.sent_on) || last > as_of || t.from == t.to {
            f.push(
                FaultKind::Inconsistent,
                table,
                line,
                "received_on",
                text!(
                    "转接日期不合理：开具 {}，接收 {}，数据集截至 {as_of}；转出与转入党组织须不同（《中国共产党党员教育管理工作条例》第二十五条）",
                    "transfer dates or organizations do not hold: sent {}, received {}, dataset's day {as_of}; from and to differ (党员教育管理工作条例 第二十五条)",
                    t.sent_on,
                    t.received_on.map_or_else(|| "—".to_owned(), |d| d.to_string())
                ),
            );
            continue;
        }
        out.push(Transfer {
            member,
            from: t.from,
            to: t.to,
            sent_on: t.sent_on,
            received_on: t.received_on,
        });
    }
    out
}

/// Checks the dues: the member known, each once; the amount the rules set for the category
/// and base; the months unpaid since the last month paid (or since the member joined).
pub(super) fn dues(
    f: &mut Faults<'_>,
    as_of: NaiveDate,
    rows: Vec<Row<DuesRecord>>,
    index: &HashMap<MemberId, u32>,
    members: &[MemberRecord],
    policy: &DuesPolicy,
) -> Vec<Dues> {
    let table = "dues";
    let now = Month::of(as_of);
    let mut seen: HashMap<MemberId, u64> = HashMap::default();
    let mut out = Vec::new();
    for row in rows {
        let (line, d) = (row.line, row.record);
        let Some(member) = member_known(f, index, table, line, d.member) else {
            continue;
        };
        if !f.first_time(
            &mut seen,
            d.member,
            table,
            line,
            "member",
            ("该党员的党费", "this member's dues"),
        ) {
            continue;
        }
        if d.paid_through
            .is_some_and(|m| m > now.plus(i64::from(policy.prepay_months)))
        {
            f.push(
                FaultKind::Inconsistent,
                table,
                line,
                "paid_through",
                text!(
                    "预交超过 {} 个月（党费收缴使用管理规定）",
                    "paid more than {} months ahead (党费收缴使用管理规定)",
                    policy.prepay_months
                ),
            );
            continue;
        }
        let expected = monthly_dues(d.category, d.base, policy);
        let joined = members
            .get(member as usize)
            .map_or(now, |m| Month::of(m.joined_on));
        let last_paid = d.paid_through.unwrap_or(joined.plus(-1));
        let unpaid = u32::try_from(last_paid.until(now).max(0)).unwrap_or(u32::MAX);
        out.push(Dues {
            member,
            category: d.category,
            expected,
            charged: d.monthly.unwrap_or(expected),
            unpaid_months: unpaid,
        });
    }
    out
}

/// Checks the members away: the member known, back not before leaving, nothing after the
/// dataset's day. The organization is the member's own.
pub(super) fn outflows(
    f: &mut Faults<'_>,
    as_of: NaiveDate,
    rows: Vec<Row<OutflowRecord>>,
    index: &HashMap<MemberId, u32>,
    members: &[MemberRecord],
) -> Vec<Outflow> {
    let table = "outflows";
    let mut out = Vec::new();
    for row in rows {
        let (line, o) = (row.line, row.record);
        let Some(member) = member_known(f, index, table, line, o.member) else {
            continue;
        };
        let Some(unit) = members.get(member as usize).map(|m| m.unit) else {
            continue;
        };
        if o.left_on > as_of || o.returned_on.is_some_and(|r| r > as_of) {
            f.push(
                FaultKind::Inconsistent,
                table,
                line,
                "left_on",
                text!(
                    "晚于数据集截至日期 {as_of}",
                    "after the dataset's day {as_of}"
                ),
            );
            continue;
        }
        let away = Outflow::new(o.member, unit, o.left_on, o.destination);
        let made = match o.returned_on {
            Some(r) => away.returned(r),
            None => Ok(away),
        };
        match made {
            Ok(v) => out.push(v),
            Err(e) => f.push_refused(table, line, "returned_on", &e),
        }
    }
    out
}
