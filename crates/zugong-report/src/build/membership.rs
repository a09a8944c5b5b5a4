//! 党员发展与管理: the development roster by stage and what its days show, admissions against
//! the plans and 突击发展, relation transfers pending, members away, and dues — the figures
//! and the findings with their rules.

use std::collections::BTreeMap;

use zugong_member::{
    DevelopmentPlans, DevelopmentPolicy, DevelopmentStage, DuesPolicy, MilestoneFinding,
    MobilityPolicy, OutflowStanding, rushed_meetings,
};

use super::super::{Area, Finding, MemberSection, PlanRow, StageCount, TransferRow};
use super::cite;
use zugong_dataset::World;
use zugong_dataset::text::{Text, text};

/// A finding's cases: (who, what).
type Items = Vec<(String, Text)>;

fn unit_name(world: &World, id: zugong_core::OrgUnitId) -> String {
    world
        .tree
        .get(id)
        .map_or_else(|| id.to_string(), |u| u.name.clone())
}

/// The rule of one kind of development finding, in words, and the kind's place in the path
/// (findings are listed in that order in every language).
fn milestone_rule(f: &MilestoneFinding) -> (u8, Text) {
    let order = match f {
        MilestoneFinding::UnderAge { .. } => 0,
        MilestoneFinding::TalkLate { .. } => 1,
        MilestoneFinding::ActivistTooShort { .. } => 2,
        MilestoneFinding::ApprovalOverdue { .. } => 3,
        MilestoneFinding::FullTooEarly { .. } => 4,
        MilestoneFinding::ProbationOver { .. } => 5,
        _ => 6,
    };
    let rule = match f {
        MilestoneFinding::UnderAge { .. } => {
            Text::new("递交入党申请时未满十八周岁", "applied before the age of 18")
        }
        MilestoneFinding::TalkLate { .. } => Text::new(
            "收到入党申请书后一个月内未派人谈话",
            "no talk within a month of the application",
        ),
        MilestoneFinding::ActivistTooShort { .. } => Text::new(
            "入党积极分子培养考察不满一年即确定为发展对象",
            "made a 发展对象 within a year as an activist",
        ),
        MilestoneFinding::ApprovalOverdue { .. } => Text::new(
            "支部大会接收后未在规定期限内审批",
            "not approved within the months after the branch meeting",
        ),
        MilestoneFinding::FullTooEarly { .. } => Text::new(
            "预备期未满一年即转为正式党员",
            "made a full member before a year of probation",
        ),
        MilestoneFinding::ProbationOver { .. } => Text::new(
            "预备期已满未及时讨论转正",
            "probation over and 转正 not discussed",
        ),
        _ => Text::new("发展党员程序不规范", "irregular development"),
    };
    (order, rule)
}

/// Adds the roster, plans, transfers, members away and dues to `section`, and their findings.
pub(super) fn member_records(
    world: &World,
    section: &mut MemberSection,
    findings: &mut Vec<Finding>,
) {
    let as_of = world.manifest.as_of;
    let records = &world.member_records;
    let policy = DevelopmentPolicy::default();

    // The roster by stage, and its findings by kind.
    let mut stages: BTreeMap<DevelopmentStage, u64> = BTreeMap::new();
    let mut by_rule: BTreeMap<(u8, Text, String), Items> = BTreeMap::new();
    for a in &records.applicants {
        *stages.entry(a.path.stage(as_of)).or_default() += 1;
        for found in &a.findings {
            let (order, rule) = milestone_rule(found);
            by_rule
                .entry((order, rule, found.citation().to_string()))
                .or_default()
                .push((
                    format!("{}（{}）", a.name, unit_name(world, a.path.branch)),
                    Text::from_fn(|lang| found.describe(lang.language())),
                ));
        }
    }
    section.roster_by_stage = stages
        .into_iter()
        .map(|(stage, count)| StageCount {
            stage: stage.to_string(),
            count,
        })
        .collect();
    for ((_, rule, citation), items) in by_rule {
        findings.push(Finding {
            area: Area::Members,
            rule,
            citation,
            subjects: crate::subjects(items),
        });
    }

    // This year's admissions against the plans, and 突击发展.
    let year = chrono::Datelike::year(&as_of);
    let plans = DevelopmentPlans {
        plans: records.plans.clone(),
    };
    let admitted_this_year: Vec<&zugong_dataset::Applicant> = records
        .applicants
        .iter()
        .filter(|a| {
            a.path
                .admitted_on
                .is_some_and(|d| chrono::Datelike::year(&d) == year)
        })
        .collect();
    let admissions: Vec<(zugong_core::OrgUnitId, chrono::NaiveDate)> = admitted_this_year
        .iter()
        .filter_map(|a| a.path.admitted_on.map(|d| (a.path.branch, d)))
        .collect();
    let mut admitted: BTreeMap<zugong_core::OrgUnitId, Vec<&[zugong_member::PlanGroup]>> =
        BTreeMap::new();
    for a in &admitted_this_year {
        if let Some(plan) = plans.covering(&world.tree, a.path.branch, year) {
            admitted
                .entry(plan.committee)
                .or_default()
                .push(a.groups.as_slice());
        }
    }
    let mut over = Vec::new();
    let mut structure = Vec::new();
    for plan in plans.plans.iter().filter(|p| p.year == year) {
        let profiles = admitted.get(&plan.committee).cloned().unwrap_or_default();
        let n = u32::try_from(profiles.len()).unwrap_or(u32::MAX);
        let name = unit_name(world, plan.committee);
        for short in plan.structure_shortfalls(&profiles) {
            structure.push((
                name.clone(),
                text!(
                    "{}占 {}，计划不低于 {}",
                    "{}: {} of admissions, the plan asks at least {}",
                    short.group,
                    crate::percent(short.got_permille),
                    crate::percent(short.wanted_permille)
                ),
            ));
        }
        if n > plan.admissions {
            over.push((
                name.clone(),
                text!(
                    "{year} 年计划发展 {}，已接收 {n}",
                    "{year}: {} planned, {n} admitted",
                    plan.admissions
                ),
            ));
        }
        section.plans.push(PlanRow {
            committee: name,
            planned: plan.admissions,
            admitted: n,
        });
    }
    if !over.is_empty() {
        findings.push(Finding {
            area: Area::Members,
            rule: Text::new("发展党员超出年度计划", "admissions beyond the year's plan"),
            citation: cite(&policy, "rush_threshold"),
            subjects: crate::subjects(over),
        });
    }
    if !structure.is_empty() {
        findings.push(Finding {
            area: Area::Members,
            rule: Text::new(
                "发展党员结构未达到年度计划要求",
                "admissions short of the plan's structure",
            ),
            citation: cite(&policy, "rush_threshold"),
            subjects: crate::subjects(structure),
        });
    }
    let rushed = rushed_meetings(admissions, policy.rush_threshold);
    if !rushed.is_empty() {
        findings.push(Finding {
            area: Area::Members,
            rule: text!(
                "突击发展：一次支部大会接收预备党员超过 {} 名",
                "rushed development: more than {} admitted at one branch meeting",
                policy.rush_threshold
            ),
            citation: cite(&policy, "rush_threshold"),
            subjects: crate::subjects(
                rushed
                    .iter()
                    .map(|r| {
                        (
                            unit_name(world, r.branch),
                            text!("{} 接收 {} 名", "{}: {} admitted", r.on, r.admitted),
                        )
                    })
                    .collect::<Vec<_>>(),
            ),
        });
    }

    // Transfers not yet received, and members away.
    for t in records.transfers.iter().filter(|t| t.received_on.is_none()) {
        let days = (as_of - t.sent_on).num_days();
        section.transfers_pending += 1;
        section.transfers_longest_days = section.transfers_longest_days.max(days);
        section.transfers_oldest.push(TransferRow {
            member: world
                .members
                .get(t.member as usize)
                .map(|m| m.name.clone())
                .unwrap_or_default(),
            from: unit_name(world, t.from),
            to: unit_name(world, t.to),
            days,
        });
    }
    section
        .transfers_oldest
        .sort_by(|a, b| b.days.cmp(&a.days).then(a.member.cmp(&b.member)));
    section.transfers_oldest.truncate(10);
    let mobility = MobilityPolicy::default();
    for o in &records.outflows {
        match o.standing(as_of, &mobility) {
            OutflowStanding::Away => section.away += 1,
            OutflowStanding::Mobile => {
                section.away += 1;
                section.mobile += 1;
            }
            _ => {}
        }
    }

    // Dues.
    let dues = DuesPolicy::default();
    let mut lapse = Vec::new();
    let mut miscalculated = Vec::new();
    for d in &records.dues {
        section.dues_members += 1;
        let Some(m) = world.members.get(d.member as usize) else {
            continue;
        };
        let who = format!("{}（{}）", m.name, unit_name(world, m.unit));
        if d.unpaid_months > 0 {
            section.dues_in_arrears += 1;
        }
        if d.unpaid_months >= dues.lapse_months {
            lapse.push((
                who.clone(),
                text!(
                    "已连续 {} 个月未交纳党费",
                    "{} months unpaid in a row",
                    d.unpaid_months
                ),
            ));
        }
        if d.charged != d.expected {
            miscalculated.push((
                who,
                text!(
                    "{}：按月交纳 {}，按标准应为 {}",
                    "{}: charged {} a month, the rules set {}",
                    d.category,
                    d.charged,
                    d.expected
                ),
            ));
        }
    }
    section.dues_lapse = lapse.len() as u64;
    section.dues_miscalculated = miscalculated.len() as u64;
    if !lapse.is_empty() {
        findings.push(Finding {
            area: Area::Members,
            rule: text!(
                "连续 {} 个月不交纳党费：支部应按自行脱党情形研究处理",
                "{} months without dues: the branch reviews it as leaving the Party",
                dues.lapse_months
            ),
            citation: cite(&dues, "lapse_months"),
            subjects: crate::subjects(lapse),
        });
    }
    if !miscalculated.is_empty() {
        findings.push(Finding {
            area: Area::Members,
            rule: Text::new(
                "党费交纳额与交纳标准不符",
                "dues charged otherwise than the rate bands",
            ),
            citation: cite(&dues, "employed"),
            subjects: crate::subjects(miscalculated),
        });
    }
}
