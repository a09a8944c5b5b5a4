//! 基层组织: each branch's organizational life as checked, terms due and past due, elections
//! that do not stand, the village collective economy by town, and the 两个覆盖 of the 两新
//! organizations — the figures, and the findings with their rules.

use std::collections::BTreeMap;

use zugong_branch::{
    CoverageCounts, CoverageFinding, CoveragePolicy, EconomyPolicy, EconomyStanding,
    EconomySummary, TermPolicy, TermStanding, coverage_report, decide_election, economy_rollup,
};
use zugong_core::AdminLevel;
use zugong_core::journal::Refusal;

use super::super::{Area, CoverageRow, EconomyRow, Finding, GrassrootsSection, MissedMeetings};
use super::cite;
use zugong_dataset::World;
use zugong_dataset::lang::Lang;
use zugong_dataset::text::{Text, text};

fn unit_name(world: &World, id: zugong_core::OrgUnitId) -> String {
    world
        .tree
        .get(id)
        .map_or_else(|| id.to_string(), |u| u.name.clone())
}

fn economy_row(unit: impl Into<Text>, s: &EconomySummary) -> EconomyRow {
    EconomyRow {
        unit: unit.into(),
        villages: s.villages,
        shell: s.shell,
        weak: s.weak,
        ordinary: s.ordinary,
        operating_income: s.operating_income.0,
    }
}

fn coverage_row(group: impl Into<Text>, c: &CoverageCounts) -> CoverageRow {
    CoverageRow {
        group: group.into(),
        organizations: c.organizations,
        members: c.members,
        own: c.own,
        joint: c.joint,
        instructor: c.instructor,
        organizational_permille: c.organizational_permille(),
        work_permille: c.work_permille(),
    }
}

/// The intervals of one kind of meeting missed: the rule's citation, each branch with its
/// intervals, and how many intervals in all.
#[derive(Default)]
struct Missed {
    citation: String,
    items: Vec<(String, Text)>,
    intervals: u64,
}

/// The organizational life: one finding per kind of meeting missed, each branch with the
/// intervals it missed.
fn life(world: &World, section: &mut GrassrootsSection, findings: &mut Vec<Finding>) {
    section.life_checked = world.life.len();
    let mut by_kind: BTreeMap<zugong_branch::MeetingKind, Missed> = BTreeMap::new();
    for (branch, c) in &world.life {
        if c.is_complete() {
            section.life_complete += 1;
        }
        section.life_under_attended += u64::try_from(c.under_attended.len()).unwrap_or(u64::MAX);
        let mut kinds: BTreeMap<zugong_branch::MeetingKind, Vec<String>> = BTreeMap::new();
        for m in &c.missed {
            kinds
                .entry(m.kind)
                .or_default()
                .push(format!("{}–{}", m.from, m.to));
            let entry = by_kind.entry(m.kind).or_insert_with(|| Missed {
                citation: m.citation.to_string(),
                ..Missed::default()
            });
            entry.intervals += 1;
        }
        for (kind, intervals) in kinds {
            if let Some(entry) = by_kind.get_mut(&kind) {
                entry.items.push((
                    unit_name(world, *branch),
                    Text::from_fn(|lang| match lang {
                        Lang::Zh => format!("缺 {} 期：{}", intervals.len(), intervals.join("，")),
                        Lang::En => format!(
                            "{} interval(s) missed: {}",
                            intervals.len(),
                            intervals.join(", ")
                        ),
                    }),
                ));
            }
        }
    }
    for (
        kind,
        Missed {
            citation,
            items,
            intervals,
        },
    ) in by_kind
    {
        section.life_missed.push(MissedMeetings {
            kind: kind.to_string(),
            intervals,
        });
        findings.push(Finding {
            area: Area::Grassroots,
            rule: text!(
                "{kind}未按规定频次开展",
                "{kind} not held as often as the rules require"
            ),
            citation,
            subjects: crate::subjects(items),
        });
    }
}

/// Terms due (reminded ahead) and past due; elections that do not stand.
fn terms(world: &World, section: &mut GrassrootsSection, findings: &mut Vec<Finding>) {
    let policy = TermPolicy::default();
    let as_of = world.manifest.as_of;
    let (mut reminded, mut overdue) = (Vec::new(), Vec::new());
    for (unit, history) in &world.terms {
        let Some(term) = history.current() else {
            continue;
        };
        section.terms += 1;
        match term.standing(as_of, &policy) {
            TermStanding::ReminderDue { days_left } => reminded.push((
                unit_name(world, *unit),
                text!(
                    "{}（{}）届满于 {}，还有 {days_left} 天",
                    "{} ({}) term ends {}, in {days_left} days",
                    term.body,
                    term.elected_on,
                    term.due
                ),
            )),
            TermStanding::Overdue { days } => overdue.push((
                unit_name(world, *unit),
                text!(
                    "{}届满于 {}，已超期 {days} 天未换届",
                    "{} term ended {}, {days} days without an election",
                    term.body,
                    term.due
                ),
            )),
            _ => {}
        }
    }
    section.terms_reminded = reminded.len();
    section.terms_overdue = overdue.len();
    if !overdue.is_empty() {
        findings.push(Finding {
            area: Area::Grassroots,
            rule: Text::new(
                "任期届满未按期换届",
                "term ended without an election on time",
            ),
            citation: cite(&policy, "branch_years"),
            subjects: crate::subjects(overdue),
        });
    }
    if !reminded.is_empty() {
        findings.push(Finding {
            area: Area::Grassroots,
            rule: text!(
                "任期将在 {} 个月内届满：上级党组织应提醒做好换届准备",
                "term ends within {} months: the upper organization reminds it to prepare the election",
                policy.reminder_months
            ),
            citation: cite(&policy, "reminder_months"),
            subjects: crate::subjects(reminded),
        });
    }
    section.elections = world.elections.len();
    let mut void: BTreeMap<String, Vec<(String, Text)>> = BTreeMap::new();
    for e in &world.elections {
        if let Err(err) = decide_election(&e.count, &policy) {
            void.entry(err.citation().to_string()).or_default().push((
                unit_name(world, e.unit),
                text!("{}：{}", "{}: {}", e.held_on, Text::refusal(&err)),
            ));
        }
    }
    section.elections_void = void.values().map(Vec::len).sum();
    for (citation, items) in void {
        findings.push(Finding {
            area: Area::Grassroots,
            rule: Text::new(
                "换届选举不符合到会、差额或当选规定",
                "election not valid: quorum, 差额 or majority not met",
            ),
            citation,
            subjects: crate::subjects(items),
        });
    }
}

/// The collective economy of the latest year with returns, by town; the 空壳村 and 薄弱村.
fn economy(world: &World, section: &mut GrassrootsSection, findings: &mut Vec<Finding>) {
    let Some(year) = world.economy.iter().map(|r| r.year).max() else {
        return;
    };
    let policy = EconomyPolicy::default();
    let tree = &world.tree;
    let Ok(rollup) = economy_rollup(tree, &world.economy, year, year, &policy) else {
        return;
    };
    section.economy_year = Some(year);
    section.economy_by_town = rollup
        .at_level(tree, AdminLevel::Township)
        .map(|(u, s)| economy_row(u.name.clone(), s))
        .collect();
    section.economy_total = Some(economy_row(Text::new("合计", "total"), &rollup.total(tree)));
    let mut shell = Vec::new();
    let mut weak = Vec::new();
    for v in rollup.weak_villages() {
        let item = (
            unit_name(world, v.village),
            text!(
                "{year} 年经营性收入 {}（总收入 {}）",
                "operating income {} in {year} (total income {})",
                v.operating_income,
                v.total_income
            ),
        );
        match v.standing {
            EconomyStanding::Shell => shell.push(item),
            _ => weak.push(item),
        }
    }
    if !shell.is_empty() {
        findings.push(Finding {
            area: Area::Grassroots,
            rule: Text::new(
                "村集体经济空壳村：当年无经营性收入",
                "village collective with no operating income (空壳村)",
            ),
            citation: cite(&policy, "shell_below"),
            subjects: crate::subjects(shell),
        });
    }
    if !weak.is_empty() {
        findings.push(Finding {
            area: Area::Grassroots,
            rule: text!(
                "村集体经济薄弱村：经营性收入低于 {}",
                "weak village collective: operating income below {}",
                policy.weak_below
            ),
            citation: cite(&policy, "weak_below"),
            subjects: crate::subjects(weak),
        });
    }
}

/// 两个覆盖 by industry and in total; the organizations that should have their own Party
/// organization, and joint branches too wide.
fn coverage(world: &World, section: &mut GrassrootsSection, findings: &mut Vec<Finding>) {
    if world.two_new.is_empty() {
        return;
    }
    let Ok(r) = coverage_report(&world.tree, &world.two_new, &CoveragePolicy::default()) else {
        return;
    };
    section.coverage_by_industry = r
        .by_industry
        .iter()
        .map(|(industry, c)| coverage_row(industry.clone(), c))
        .collect();
    section.coverage_total = Some(coverage_row(Text::new("合计", "total"), &r.total));
    let name_of = |id: zugong_core::InstitutionId| {
        world
            .two_new
            .iter()
            .find(|o| o.id == id)
            .map_or_else(|| id.to_string(), |o| o.name.clone())
    };
    let mut grouped: BTreeMap<(u8, String), Vec<(String, Text)>> = BTreeMap::new();
    for finding in &r.findings {
        let citation = finding.citation().to_string();
        let (order, item) = match finding {
            CoverageFinding::NoOrganization {
                organization,
                full_members,
            } => (
                0,
                (
                    name_of(*organization),
                    text!(
                        "正式党员 {full_members} 名，未建立党组织",
                        "{full_members} full members and no Party organization"
                    ),
                ),
            ),
            CoverageFinding::JointWithEnoughMembers {
                organization,
                full_members,
                joint,
            } => (
                1,
                (
                    name_of(*organization),
                    text!(
                        "正式党员 {full_members} 名，仍在{}联合组建",
                        "{full_members} full members, still in the joint {}",
                        unit_name(world, *joint)
                    ),
                ),
            ),
            CoverageFinding::JointTooWide { joint, units, max } => (
                2,
                (
                    unit_name(world, *joint),
                    text!(
                        "联合 {units} 个单位，超过 {max} 个",
                        "covers {units} units, more than {max}"
                    ),
                ),
            ),
            _ => continue,
        };
        grouped.entry((order, citation)).or_default().push(item);
    }
    for ((order, citation), items) in grouped {
        let rule = match order {
            0 => Text::new(
                "正式党员3名以上的两新组织应建未建党组织",
                "两新 organization with 3 or more full members and no Party organization",
            ),
            1 => Text::new(
                "正式党员3名以上的单位应单独建立党组织",
                "a unit with 3 or more full members should have its own organization",
            ),
            _ => Text::new(
                "联合党支部覆盖单位一般不超过5个",
                "a joint branch covers at most 5 units",
            ),
        };
        findings.push(Finding {
            area: Area::Grassroots,
            rule,
            citation,
            subjects: crate::subjects(items),
        });
    }
}

/// The grassroots section and its findings.
pub(super) fn grassroots_section(world: &World, findings: &mut Vec<Finding>) -> GrassrootsSection {
    let mut section = GrassrootsSection::default();
    life(world, &mut section, findings);
    terms(world, &mut section, findings);
    economy(world, &mut section, findings);
    coverage(world, &mut section, findings);
    section
}
