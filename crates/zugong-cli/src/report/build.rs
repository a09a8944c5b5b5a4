//! Computing the report from the world: the crates' bulk functions (star and training
//! roll-ups, weak-branch detection, the burden report, rotation flags, the recusal report,
//! talent analytics) over the dataset, and the findings with their rules.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::Datelike;
use zugong_branch::{
    BranchRow, RectificationStatus, StarDistribution, StarLevel, WeakBasis, WeakBranchPolicy,
    burden_report, detect_weakness, guidance_report, star_rollup,
};
use zugong_cadre::{
    AssessmentGrade, AssessmentPolicy, Holding, PostTenure, QuotaError, RecusalFinding,
    RotationFlag, RotationPolicy, Selection, SelectionEvent, WorkFunction, recusal_report,
    rotation_flags,
};
use zugong_core::journal::{Envelope, replay};
use zugong_core::{AdminLevel, CadreId, OrgKind, Policy, UnitSlot};
use zugong_talent::{DueKind, ProgrammeDefinition, TalentTier, due_within, pipeline, pool_matrix};
use zugong_training::{UnitTraining, training_rollup};

use super::{
    Area, AssessmentRow, BurdenSection, CadreSection, Finding, QuotaRow, Report, SelectionRow,
    StarRow, StarsSection, TalentSection, Totals, TrainingRow, TrainingSection, WeakRow,
};
use crate::dataset::World;
use crate::dataset::validate::branch_facts;
use crate::lang::Lang;
use crate::scenario::selection::stage_term;

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

fn weak_basis(b: &WeakBasis, lang: Lang) -> String {
    match (b, lang) {
        (WeakBasis::SecretaryVacant { since }, Lang::Zh) => format!("书记空缺（自 {since}）"),
        (WeakBasis::SecretaryVacant { since }, Lang::En) => {
            format!("secretary vacant since {since}")
        }
        (WeakBasis::NoDevelopmentCandidates { last }, Lang::Zh) => {
            format!(
                "两年以上未确定发展对象（最近 {}）",
                last.map(|d| d.to_string()).unwrap_or_else(|| "无".into())
            )
        }
        (WeakBasis::NoDevelopmentCandidates { last }, Lang::En) => {
            format!(
                "no development candidate for two years (last {})",
                last.map(|d| d.to_string())
                    .unwrap_or_else(|| "never".into())
            )
        }
        (
            WeakBasis::LowSatisfaction {
                satisfied,
                surveyed,
            },
            Lang::Zh,
        ) => format!("群众满意度低（{satisfied}/{surveyed}）"),
        (
            WeakBasis::LowSatisfaction {
                satisfied,
                surveyed,
            },
            Lang::En,
        ) => format!("low satisfaction ({satisfied}/{surveyed})"),
        (WeakBasis::LastInAssessment { rank, of }, Lang::Zh) => {
            format!("年度考核排名末位（{rank}/{of}）")
        }
        (WeakBasis::LastInAssessment { rank, of }, Lang::En) => {
            format!("last in the annual assessment ({rank}/{of})")
        }
        (WeakBasis::NoOrganizationalLife, Lang::Zh) => "未按期开展组织生活".into(),
        (WeakBasis::NoOrganizationalLife, Lang::En) => "no regular organizational life".into(),
        (WeakBasis::Category(c), _) => c.to_string(),
    }
}

fn status_term(s: RectificationStatus, lang: Lang) -> String {
    match s {
        RectificationStatus::None => lang.t("未整顿", "not under rectification"),
        RectificationStatus::UnderRectification => lang.t("整顿中", "under rectification"),
        RectificationStatus::Closed => lang.t("已销号", "closed"),
    }
    .into()
}

fn rotation_text(f: &RotationFlag, lang: Lang) -> String {
    match (f, lang) {
        (RotationFlag::MustRotate { since }, Lang::Zh) => {
            format!("同一职位任职满十年，应当交流（{since} 起）")
        }
        (RotationFlag::MustRotate { since }, Lang::En) => {
            format!("ten years in the same post: must rotate (since {since})")
        }
        (RotationFlag::TwoTermsReached, Lang::Zh) => "同一职位任满两届".into(),
        (RotationFlag::TwoTermsReached, Lang::En) => "two full terms in the same post".into(),
        (RotationFlag::LevelLimitReached { years }, Lang::Zh) => format!("同一层次任职 {years} 年"),
        (RotationFlag::LevelLimitReached { years }, Lang::En) => {
            format!("{years} years at the same level")
        }
        (RotationFlag::TermNotCompleted { term_ends }, Lang::Zh) => {
            format!("未任满一届（{term_ends} 届满）")
        }
        (RotationFlag::TermNotCompleted { term_ends }, Lang::En) => {
            format!("first term not completed (ends {term_ends})")
        }
    }
}

fn recusal_text(f: &RecusalFinding, lang: Lang, name: &dyn Fn(CadreId) -> String) -> String {
    match (f, lang) {
        (RecusalFinding::SameDirectLeader { relative, kinship }, Lang::Zh) => {
            format!("与{}（{kinship}）在同一领导人员下任职", name(*relative))
        }
        (RecusalFinding::SameDirectLeader { relative, kinship }, Lang::En) => {
            format!("under the same leader as {} ({kinship})", name(*relative))
        }
        (RecusalFinding::SuperiorSubordinate { relative, kinship }, Lang::Zh) => {
            format!("与{}（{kinship}）有直接上下级关系", name(*relative))
        }
        (RecusalFinding::SuperiorSubordinate { relative, kinship }, Lang::En) => format!(
            "direct superior or subordinate of {} ({kinship})",
            name(*relative)
        ),
        (RecusalFinding::SensitiveFunction { relative, kinship }, Lang::Zh) => format!(
            "在{}（{kinship}）任主要领导的单位从事组织、人事、纪检、监察、审计、财务工作",
            name(*relative)
        ),
        (RecusalFinding::SensitiveFunction { relative, kinship }, Lang::En) => format!(
            "sensitive work in the unit led by {} ({kinship})",
            name(*relative)
        ),
        (RecusalFinding::BusinessInterest { .. }, Lang::Zh) => "亲属经营的企业受本单位监管".into(),
        (RecusalFinding::BusinessInterest { .. }, Lang::En) => {
            "a relative's business regulated by the unit".into()
        }
        (RecusalFinding::HomeCounty { area }, Lang::Zh) => {
            format!("在成长地（{area}）担任县级主要领导")
        }
        (RecusalFinding::HomeCounty { area }, Lang::En) => {
            format!("principal post in the home county {area}")
        }
        (RecusalFinding::HomePrefecture { area }, Lang::Zh) => {
            format!("在成长地（{area}）担任市级主要领导")
        }
        (RecusalFinding::HomePrefecture { area }, Lang::En) => {
            format!("principal post in the home prefecture {area}")
        }
    }
}

fn training_row(unit: String, t: &UnitTraining) -> TrainingRow {
    TrainingRow {
        unit,
        members: t.members,
        met: t.met,
        short: t.short(),
        missing_hours: t.shortfall_tenths.div_ceil(10),
        reached_by_tier: t.reached_by_tier,
        hours_by_tier: t.tenths_by_tier.map(|h| h / 10),
    }
}

fn star_row(unit: String, d: &StarDistribution) -> StarRow {
    StarRow {
        unit,
        by_stars: d.by_stars,
        weak_open: d.weak_open,
        weak_closed: d.weak_closed,
    }
}

/// Builds the report of `world`, in `lang`.
pub(crate) fn build(world: &World, lang: Lang) -> Report {
    let as_of = world.manifest.as_of;
    let mut findings = Vec::new();
    let tree = &world.tree;
    let slot_of = |id| tree.slot(id).map_or(u32::MAX, zugong_training::unit_row);

    // 五星支部.
    let rows: Vec<BranchRow> = world
        .branches
        .iter()
        .map(|b| BranchRow {
            unit: slot_of(b.unit),
            stars: b.stars,
            rectification: b.rectification,
            reinspection_due: b.reinspection_due,
        })
        .collect();
    let stars_by_slot = star_rollup(tree, &rows).unwrap_or_default();
    let mut total = [0u64; 6];
    let mut last_year = [0u64; 6];
    for b in &world.branches {
        if let Some(n) = total.get_mut(usize::from(b.stars.get())) {
            *n += 1;
        }
        if let Some(n) = b
            .stars_last_year
            .and_then(|s| last_year.get_mut(usize::from(s.get())))
        {
            *n += 1;
        }
    }
    let (towns, counties) = groups(world, rows.iter().map(|r| r.unit));
    let stars_of = |slot: &UnitSlot| stars_by_slot.get(slot.index()).copied().unwrap_or_default();
    let (rubric, rubric_source, guidance) = match &world.rubric {
        Some(r) => {
            let stars: Vec<StarLevel> = world.branches.iter().map(|b| b.stars).collect();
            let g = guidance_report(r, &stars);
            let guidance = g
                .targets
                .iter()
                .map(|t| {
                    let band = if t.target.min_stars == t.target.max_stars {
                        t.target.min_stars.to_string()
                    } else {
                        format!("{}–{}", t.target.min_stars, t.target.max_stars)
                    };
                    (band, t.target.permille, t.actual_permille)
                })
                .collect();
            (r.data().name.clone(), r.data().source.to_string(), guidance)
        }
        None => (String::new(), String::new(), Vec::new()),
    };
    let weak_policy = WeakBranchPolicy::default();
    let mut weak = Vec::new();
    let mut untreated = Vec::new();
    let mut overdue_items = Vec::new();
    let mut weak_citation = String::new();
    for b in &world.branches {
        let found = detect_weakness(&branch_facts(b), as_of, &weak_policy);
        let listed = b.rectification != RectificationStatus::None;
        if found.is_empty() && !listed {
            continue;
        }
        if let Some(f) = found.first() {
            weak_citation = f.citation.to_string();
        }
        let slot = tree.slot(b.unit);
        let group = slot
            .and_then(|s| tree.parent_slot(s))
            .map(|p| name_of(world, p))
            .unwrap_or_default();
        let name = tree.get(b.unit).map(|u| u.name.clone()).unwrap_or_default();
        let bases: Vec<String> = found.iter().map(|f| weak_basis(&f.basis, lang)).collect();
        let overdue = b.rectification == RectificationStatus::UnderRectification
            && b.rectification_deadline.is_some_and(|d| d < as_of);
        if !found.is_empty() && b.rectification == RectificationStatus::None {
            untreated.push((name.clone(), bases.join("；")));
        }
        if overdue {
            overdue_items.push((
                name.clone(),
                format!(
                    "{} {}",
                    lang.t("整顿期限", "deadline"),
                    b.rectification_deadline
                        .map(|d| d.to_string())
                        .unwrap_or_default()
                ),
            ));
        }
        weak.push(WeakRow {
            branch: name,
            group,
            bases,
            status: status_term(b.rectification, lang),
            deadline: b.rectification_deadline,
            overdue,
        });
    }
    if !untreated.is_empty() {
        findings.push(Finding {
            area: Area::Stars,
            rule: lang
                .t(
                    "符合软弱涣散直接认定情形，但未列入整顿",
                    "meets a direct designation of a weak branch but is not under rectification",
                )
                .into(),
            citation: weak_citation.clone(),
            items: untreated,
        });
    }
    if !overdue_items.is_empty() {
        findings.push(Finding {
            area: Area::Stars,
            rule: lang
                .t(
                    "软弱涣散基层党组织整顿逾期未销号",
                    "weak-branch rectification past its deadline",
                )
                .into(),
            citation: cite(&weak_policy, "rectification_months"),
            items: overdue_items,
        });
    }
    let stars = StarsSection {
        rubric,
        rubric_source,
        total,
        last_year,
        guidance,
        by_town: towns
            .iter()
            .map(|s| star_row(name_of(world, *s), &stars_of(s)))
            .collect(),
        by_county: counties
            .iter()
            .map(|s| star_row(name_of(world, *s), &stars_of(s)))
            .collect(),
        weak,
    };

    // 党员培训.
    let policy = World::training_policy();
    let training_by_slot =
        training_rollup(tree, &world.member_rows, &world.attendance).unwrap_or_default();
    let roots: Vec<UnitSlot> = tree
        .preorder()
        .filter(|s| tree.parent_slot(*s).is_none())
        .collect();
    let mut whole = UnitTraining::default();
    for r in &roots {
        if let Some(t) = training_by_slot.get(r.index()) {
            whole.members += t.members;
            whole.met += t.met;
            whole.trained += t.trained;
            whole.shortfall_tenths += t.shortfall_tenths;
            for i in 0..3 {
                if let (Some(a), Some(b)) =
                    (whole.reached_by_tier.get_mut(i), t.reached_by_tier.get(i))
                {
                    *a += b;
                }
                if let (Some(a), Some(b)) =
                    (whole.tenths_by_tier.get_mut(i), t.tenths_by_tier.get(i))
                {
                    *a += b;
                }
            }
        }
    }
    let training_of = |slot: &UnitSlot| {
        training_by_slot
            .get(slot.index())
            .copied()
            .unwrap_or_default()
    };
    let training_rule = format!(
        "{} {} / {} {}",
        lang.t("党员每年", "members"),
        policy.member_yearly_hours,
        lang.t("基层党组织书记每年", "secretaries"),
        policy.secretary_yearly_hours
    );
    // Branches with members short, each a finding item.
    let mut short_items = Vec::new();
    for b in tree.preorder() {
        let Some(u) = tree.unit(b) else { continue };
        if !u.kind.is_branch() {
            continue;
        }
        let t = training_of(&b);
        if t.short() > 0 {
            short_items.push((
                u.name.clone(),
                match lang {
                    Lang::Zh => format!(
                        "{}/{} 名党员学时不足，共缺 {} 学时",
                        t.short(),
                        t.members,
                        t.shortfall_tenths.div_ceil(10)
                    ),
                    Lang::En => format!(
                        "{} of {} members short, {} 学时 missing",
                        t.short(),
                        t.members,
                        t.shortfall_tenths.div_ceil(10)
                    ),
                },
            ));
        }
    }
    if !short_items.is_empty() {
        findings.push(Finding {
            area: Area::Training,
            rule: format!(
                "{} ({training_rule})",
                lang.t(
                    "党员年度学习培训学时未达标",
                    "members short of their yearly 学时"
                )
            ),
            citation: format!(
                "{}；{}",
                cite(&policy, "member_yearly_hours"),
                cite(&policy, "secretary_yearly_hours")
            ),
            items: short_items,
        });
    }
    let training = TrainingSection {
        rule: format!(
            "{training_rule}（{}）",
            cite(&policy, "member_yearly_hours")
        ),
        total: training_row(world.manifest.name.clone(), &whole),
        completion_permille: whole.completion_permille().unwrap_or(0),
        by_town: towns
            .iter()
            .map(|s| training_row(name_of(world, *s), &training_of(s)))
            .collect(),
        by_county: counties
            .iter()
            .map(|s| training_row(name_of(world, *s), &training_of(s)))
            .collect(),
    };

    // 干部.
    let cadres = cadre_section(world, lang, &mut findings);

    // 人才.
    let talent = talent_section(world, lang, &mut findings);

    // 基层负担.
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
        })
        .collect();
    let burden = match burden_report(tree, &village_tasks, as_of) {
        Ok(r) => {
            let mut heaviest: Vec<(String, u32, u64, u32)> = r
                .by_branch
                .iter()
                .map(|(id, c)| {
                    (
                        tree.get(*id).map(|u| u.name.clone()).unwrap_or_default(),
                        c.tasks,
                        c.hours,
                        c.overdue,
                    )
                })
                .collect();
            heaviest.sort_by(|a, b| b.2.cmp(&a.2).then(b.1.cmp(&a.1)).then(a.0.cmp(&b.0)));
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
                    .map(|(l, c)| (l.to_string(), u64::from(c.tasks), c.hours))
                    .collect(),
                heaviest,
            }
        }
        Err(_) => BurdenSection {
            branches: 0,
            tasks: 0,
            hours: 0,
            open: 0,
            overdue: 0,
            by_source_level: Vec::new(),
            heaviest: Vec::new(),
        },
    };

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

fn cadre_section(world: &World, lang: Lang, findings: &mut Vec<Finding>) -> CadreSection {
    let tree = &world.tree;
    let as_of = world.manifest.as_of;
    let unit_name = |id| tree.get(id).map(|u| u.name.clone()).unwrap_or_default();
    // Quotas: held = cadres at the unit and rank.
    let mut held: HashMap<(zugong_core::OrgUnitId, zugong_core::RankOrGrade), u32> = HashMap::new();
    for c in &world.cadres {
        *held.entry((c.unit, c.rank)).or_default() += 1;
    }
    let mut quotas = Vec::new();
    let mut over = Vec::new();
    let (mut allotted, mut used) = (0u64, 0u64);
    for q in &world.quotas {
        let n = held.get(&(q.unit, q.rank)).copied().unwrap_or(0);
        allotted += u64::from(q.allotted);
        used += u64::from(n);
        if n > q.allotted {
            over.push((
                unit_name(q.unit),
                match lang {
                    Lang::Zh => format!("{} 核定 {} 名，实配 {} 名", q.rank, q.allotted, n),
                    Lang::En => format!("{}: {} allotted, {} held", q.rank, q.allotted, n),
                },
            ));
        }
        quotas.push(QuotaRow {
            unit: unit_name(q.unit),
            rank: q.rank.to_string(),
            allotted: q.allotted,
            used: n,
        });
    }
    if !over.is_empty() {
        let citation = QuotaError::NoQuota {
            unit: zugong_core::OrgUnitId::from_uuid(uuid::Uuid::nil()),
            rank: zugong_core::RankOrGrade::Leadership(
                zugong_core::LeadershipRank::TownshipSectionDeputy,
            ),
        }
        .citation();
        findings.push(Finding {
            area: Area::Cadres,
            rule: lang
                .t("超职数配备", "more cadres than the quota (超职数配备)")
                .into(),
            citation: citation.to_string(),
            items: over,
        });
    }
    // Vacancies.
    let holders: BTreeSet<zugong_core::PositionId> =
        world.cadres.iter().filter_map(|c| c.post).collect();
    let vacancies = world
        .posts
        .iter()
        .filter(|p| !holders.contains(&p.id))
        .map(|p| (p.title.clone(), unit_name(p.unit), p.rank.to_string()))
        .collect();
    // Selections in the journals.
    let cadre_name: HashMap<CadreId, &str> = world
        .cadres
        .iter()
        .map(|c| (c.id, c.name.as_str()))
        .collect();
    let mut selections = Vec::new();
    for j in &world.journals {
        let file = j.file.rsplit('/').next().unwrap_or(&j.file);
        if !file.starts_with("selection-") {
            continue;
        }
        let events: Vec<SelectionEvent> = j
            .entries
            .iter()
            .filter_map(|v| serde_json::from_value::<Envelope<SelectionEvent>>(v.clone()).ok())
            .map(|e| e.event)
            .collect();
        let sel: Selection = replay(&events);
        let Some(post) = sel.post() else { continue };
        selections.push(SelectionRow {
            journal: j.file.clone(),
            post: post.title.clone(),
            unit: unit_name(post.unit),
            stage: stage_term(sel.stage(), lang).into(),
            candidates: sel
                .candidates()
                .iter()
                .map(|c| {
                    cadre_name
                        .get(c)
                        .map_or_else(|| c.to_string(), |n| (*n).to_owned())
                })
                .collect(),
            publicity: sel.publicity(),
            entries: events.len(),
        });
    }
    // Assessment against the cap, in the latest year with results.
    let policy = AssessmentPolicy::default();
    let year = world
        .cadres
        .iter()
        .filter_map(|c| c.assessments.keys().next_back().copied())
        .filter(|y| *y <= as_of.year())
        .max();
    let mut grades = [0u64; 4];
    let mut by_unit: BTreeMap<zugong_core::OrgUnitId, (u32, u32)> = BTreeMap::new();
    if let Some(year) = year {
        for c in &world.cadres {
            let Some(g) = c.assessments.get(&year) else {
                continue;
            };
            let i = match g {
                AssessmentGrade::Excellent => 0,
                AssessmentGrade::Competent => 1,
                AssessmentGrade::BasicallyCompetent => 2,
                AssessmentGrade::Incompetent => 3,
            };
            if let Some(n) = grades.get_mut(i) {
                *n += 1;
            }
            let e = by_unit.entry(c.unit).or_default();
            e.0 += 1;
            e.1 += u32::from(*g == AssessmentGrade::Excellent);
        }
    }
    let mut assessment = Vec::new();
    let mut over_cap = Vec::new();
    for (unit, (graded, excellent)) in &by_unit {
        let cap = policy.excellent_cap(*graded, false);
        if *excellent > cap {
            over_cap.push((
                unit_name(*unit),
                match lang {
                    Lang::Zh => format!(
                        "{} 年 {graded} 人参加考核，优秀 {excellent} 人，上限 {cap} 人",
                        year.unwrap_or_default()
                    ),
                    Lang::En => format!(
                        "{}: {excellent} 优秀 of {graded} graded, cap {cap}",
                        year.unwrap_or_default()
                    ),
                },
            ));
        }
        assessment.push(AssessmentRow {
            unit: unit_name(*unit),
            graded: *graded,
            excellent: *excellent,
            cap,
        });
    }
    if !over_cap.is_empty() {
        findings.push(Finding {
            area: Area::Cadres,
            rule: format!(
                "{} ({}‰)",
                lang.t("优秀等次比例超过限额", "优秀 above the share allowed"),
                policy.excellent_cap_permille
            ),
            citation: cite(&policy, "excellent_cap_permille"),
            items: over_cap,
        });
    }
    // Rotation.
    let rotation = RotationPolicy::default();
    let mut by_flag: BTreeMap<String, (String, Vec<(String, String)>)> = BTreeMap::new();
    let mut rotations_due = 0;
    for c in world.cadres.iter().filter(|c| c.post.is_some()) {
        let Some(since) = c.post_since else { continue };
        let tenure = PostTenure {
            cadre: c.id,
            in_post_since: since,
            level_periods: vec![(c.level_since.unwrap_or(c.rank_since), None)],
        };
        let flags: Vec<RotationFlag> = rotation_flags(&tenure, as_of, &rotation)
            .into_iter()
            .filter(|f| !matches!(f, RotationFlag::TermNotCompleted { .. }))
            .collect();
        if !flags.is_empty() {
            rotations_due += 1;
        }
        for f in flags {
            let key = match f {
                RotationFlag::MustRotate { .. } => {
                    lang.t("任职满十年应当交流", "ten years in post: must rotate")
                }
                RotationFlag::TwoTermsReached => {
                    lang.t("同一职位任满两届", "two terms in the same post")
                }
                RotationFlag::LevelLimitReached { .. } => {
                    lang.t("同一层次任职满十五年", "fifteen years at one level")
                }
                RotationFlag::TermNotCompleted { .. } => {
                    lang.t("未任满一届", "first term not completed")
                }
            };
            by_flag
                .entry(key.to_owned())
                .or_insert_with(|| (f.citation().to_string(), Vec::new()))
                .1
                .push((
                    format!("{}（{}）", c.name, unit_name(c.unit)),
                    rotation_text(&f, lang),
                ));
        }
    }
    for (rule, (citation, items)) in by_flag {
        findings.push(Finding {
            area: Area::Cadres,
            rule,
            citation,
            items,
        });
    }
    // Recusal (kinship).
    let holdings: Vec<Holding> = world
        .cadres
        .iter()
        .map(|c| Holding {
            cadre: c.id,
            unit: c.unit,
            leads_unit: c.leads_unit,
            direct_leader: c.direct_leader,
            function: c.function.unwrap_or(WorkFunction::Other),
        })
        .collect();
    let name = |id: CadreId| {
        cadre_name
            .get(&id)
            .map_or_else(|| id.to_string(), |n| (*n).to_owned())
    };
    let found = recusal_report(&holdings, &world.relations);
    let recusals = found.len();
    let mut by_rule: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
    for (cadre, f) in &found {
        let unit = world
            .cadres
            .iter()
            .find(|c| c.id == *cadre)
            .map(|c| unit_name(c.unit))
            .unwrap_or_default();
        by_rule.entry(f.citation().to_string()).or_default().push((
            format!("{}（{unit}）", name(*cadre)),
            recusal_text(f, lang, &name),
        ));
    }
    for (citation, items) in by_rule {
        findings.push(Finding {
            area: Area::Cadres,
            rule: lang
                .t("任职回避（亲属关系）", "recusal between relatives")
                .into(),
            citation,
            items,
        });
    }
    CadreSection {
        quotas,
        allotted,
        used,
        vacancies,
        selections,
        assessment_year: year,
        grades,
        assessment,
        rotations_due,
        recusals,
    }
}

fn talent_section(world: &World, lang: Lang, findings: &mut Vec<Finding>) -> TalentSection {
    let as_of = world.manifest.as_of;
    let records: Vec<zugong_talent::TalentRecord> =
        world.talents.iter().map(|(_, r)| r.clone()).collect();
    let p = pipeline(&records, as_of.year(), as_of);
    let by_tier = TalentTier::ALL
        .iter()
        .rev()
        .map(|t| (t.to_string(), p.active.get(t).copied().unwrap_or(0)))
        .collect();
    let started = TalentTier::ALL
        .iter()
        .rev()
        .map(|t| (t.to_string(), p.started.get(t).copied().unwrap_or(0)))
        .collect();
    let mut cells: BTreeMap<(TalentTier, String), u32> = BTreeMap::new();
    for (cell, n) in pool_matrix(&records, as_of) {
        *cells
            .entry((cell.tier, cell.industry.unwrap_or_default()))
            .or_default() += n;
    }
    let catalogue = zugong_talent::IndustryCatalogue::ningxia_2024();
    let industry_name = |code: &str| {
        catalogue
            .get(code)
            .map_or_else(|| code.to_owned(), |i| i.name.clone())
    };
    let by_industry = cells
        .into_iter()
        .rev()
        .map(|((t, i), n)| (t.to_string(), industry_name(&i), n))
        .collect();
    let programmes = [
        ProgrammeDefinition::young_nurtured(),
        ProgrammeDefinition::young_top_talent(),
        ProgrammeDefinition::industry_leader(),
        ProgrammeDefinition::distinguished_sci_tech(),
    ];
    let names: HashMap<_, _> = world
        .talents
        .iter()
        .map(|(row, _)| (row.id, (row.name.clone(), row.tier)))
        .collect();
    let mut due = Vec::new();
    let mut by_programme: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
    for item in due_within(&records, &programmes, as_of, 90) {
        let Some((name, tier)) = names.get(&item.talent) else {
            continue;
        };
        let what = match item.kind {
            DueKind::MidTermEvaluation => lang.t("中期考核", "mid-term evaluation"),
            DueKind::FinalEvaluation => lang.t("期满考核", "final evaluation"),
            DueKind::AgeingOut => lang.t("超过年龄上限", "ageing out of the tier"),
        };
        due.push((name.clone(), tier.to_string(), what.to_owned(), item.on));
        let citation = programmes
            .iter()
            .find(|p| p.tier == *tier)
            .map(|p| p.source.to_string())
            .unwrap_or_default();
        by_programme
            .entry(citation)
            .or_default()
            .push((format!("{name}（{tier}）"), format!("{what} {}", item.on)));
    }
    for (citation, items) in by_programme {
        findings.push(Finding {
            area: Area::Talent,
            rule: lang
                .t(
                    "人才培养期考核到期（90 日内）",
                    "talent evaluations due within 90 days",
                )
                .into(),
            citation,
            items,
        });
    }
    TalentSection {
        by_tier,
        started,
        by_industry,
        due,
    }
}
