//! 干部: quotas, vacancies, selections in the journals, assessment against the 优秀 cap,
//! rotation and recusal findings.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::Datelike;
use zugong_cadre::{
    AssessmentGrade, AssessmentPolicy, AssessmentRegime, PostTenure, QuotaError, RecusalFinding,
    RotationFlag, RotationPolicy, TenureScope, recusal_report, rotation_flags,
};
use zugong_core::CadreId;

use crate::{Area, AssessmentRow, CadreSection, Days, Finding, QuotaRow, SelectionRow, VacancyRow};
use zugong_dataset::World;
use zugong_dataset::lang::Lang;
use zugong_dataset::text::{Text, text};

use super::cite;

/// The cadres section and its findings: quotas, vacancies, journaled selections, assessment
/// against the cap, rotation and recusal.
pub(super) fn cadre_section(world: &World, findings: &mut Vec<Finding>) -> CadreSection {
    let tree = &world.tree;
    let as_of = world.manifest.as_of;
    let unit_name = |id| tree.get(id).map(|u| u.name.clone()).unwrap_or_default();
    // Quotas: held = cadres of the holder (their post's, else their unit's institution) at the
    // rank.
    let mut held: HashMap<(zugong_core::PostHolder, zugong_core::RankOrGrade), u32> =
        HashMap::new();
    for c in &world.cadres {
        if let Some(h) = world.cadre_holder(c) {
            *held.entry((h, c.rank)).or_default() += 1;
        }
    }
    let mut quotas = Vec::new();
    let mut over = Vec::new();
    let (mut allotted, mut used) = (0u64, 0u64);
    for q in &world.quotas {
        let n = held.get(&(q.holder, q.rank)).copied().unwrap_or(0);
        allotted += u64::from(q.allotted);
        used += u64::from(n);
        if n > q.allotted {
            over.push((
                world.holder_name(q.holder),
                Text::from_fn(|lang| match lang {
                    Lang::Zh => format!("{} 核定 {} 名，实配 {} 名", q.rank, q.allotted, n),
                    Lang::En => format!("{}: {} allotted, {} held", q.rank, q.allotted, n),
                }),
            ));
        }
        quotas.push(QuotaRow {
            unit: world.holder_name(q.holder),
            rank: q.rank.to_string(),
            allotted: q.allotted,
            used: n,
        });
    }
    if !over.is_empty() {
        let citation = QuotaError::NoQuota {
            holder: q_any_holder(),
            rank: zugong_core::RankOrGrade::Leadership(
                zugong_core::LeadershipRank::TownshipSectionDeputy,
            ),
        }
        .citation();
        findings.push(Finding {
            area: Area::Cadres,
            rule: Text::new("超职数配备", "more cadres than the quota (超职数配备)"),
            citation: citation.to_string(),
            subjects: crate::subjects(over),
        });
    }
    // Vacancies.
    let holders: BTreeSet<zugong_core::PositionId> =
        world.cadres.iter().filter_map(|c| c.post).collect();
    let vacancies = world
        .posts
        .iter()
        .filter(|p| !holders.contains(&p.id))
        .map(|p| VacancyRow {
            post: p.title.clone(),
            unit: world.holder_name(p.holder),
            rank: p.rank.to_string(),
        })
        .collect();
    // Selections in the journals.
    let cadre_name: HashMap<CadreId, &str> = world
        .cadres
        .iter()
        .map(|c| (c.id, c.name.as_str()))
        .collect();
    // A cadre is named with the 单位 it works in (its unit's name where the 单位 is unknown).
    let cadre_place: HashMap<CadreId, String> = world
        .cadres
        .iter()
        .map(|c| {
            let place = world
                .cadre_institution(c)
                .and_then(|i| world.institutions.get(i))
                .map_or_else(|| unit_name(c.unit), |i| i.name.clone());
            (c.id, place)
        })
        .collect();
    let mut selections = Vec::new();
    for v in &world.records.selections {
        for (id, sel) in v.journal.streams() {
            let Some(post) = sel.post() else { continue };
            selections.push(SelectionRow {
                journal: v.file.clone(),
                post: post.title.clone(),
                unit: world.holder_name(post.holder),
                stage: sel.stage(),
                candidates: sel
                    .candidates()
                    .iter()
                    .map(|c| {
                        cadre_name
                            .get(c)
                            .map_or_else(|| c.to_string(), |n| (*n).to_owned())
                    })
                    .collect(),
                publicity: sel.publicity().map(|p| Days {
                    from: p.from(),
                    until: p.until(),
                }),
                decided_by: v
                    .journal
                    .stream_entries(id)
                    .find(|e| {
                        e.events()
                            .iter()
                            .any(|ev| matches!(ev, zugong_cadre::SelectionEvent::Decided { .. }))
                    })
                    .map(|e| {
                        let a = e.act().authority();
                        let body = Text::from_fn(|lang| match lang {
                            Lang::Zh => a.body.to_string(),
                            Lang::En => match a.body {
                                zugong_core::AuthorityBody::PartyCommittee => "committee".into(),
                                zugong_core::AuthorityBody::OrganizationDepartment => {
                                    "organization department".into()
                                }
                                zugong_core::AuthorityBody::DisciplineCommission => {
                                    "discipline commission".into()
                                }
                            },
                        });
                        text!("{} {body}", "{} {body}", unit_name(a.unit))
                    }),
                entries: v.journal.stream_entries(id).count(),
            });
        }
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
    // Counted per 单位: the institution of the cadre's post (a committee's or 党组's post counts
    // in the institution the committee is set up in: a township's committee and government
    // are one team), else the institution the cadre's unit is set up in.
    // Leaders in posts on the management list are assessed by the committee that manages them,
    // against a share of their own (领导干部年度考核); everyone else in their 单位.
    let mut by_holder: BTreeMap<Pool, (u32, u32)> = BTreeMap::new();
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
            let Some(pool) = pool_of(world, c) else {
                continue;
            };
            let e = by_holder.entry(pool).or_default();
            e.0 += 1;
            e.1 += u32::from(*g == AssessmentGrade::Excellent);
        }
    }
    let mut assessment = Vec::new();
    let mut over_cap = Vec::new();
    let public = AssessmentPolicy::for_regime(AssessmentRegime::PublicInstitution);
    for (pool, (graded, excellent)) in &by_holder {
        let regime = pool
            .institution()
            .and_then(|i| world.institutions.get(i))
            .map_or(AssessmentRegime::CivilServant, |i| {
                AssessmentRegime::of(&i.kind)
            });
        let own = match regime {
            AssessmentRegime::CivilServant => &policy,
            AssessmentRegime::PublicInstitution => &public,
        };
        let cap = own.excellent_cap(*graded, false);
        if *excellent > cap {
            over_cap.push((
                pool.name(world),
                Text::from_fn(|lang| match lang {
                    Lang::Zh => format!(
                        "{} 年 {graded} 人参加考核，优秀 {excellent} 人，上限 {cap} 人",
                        year.unwrap_or_default()
                    ),
                    Lang::En => format!(
                        "{}: {excellent} 优秀 of {graded} graded, cap {cap}",
                        year.unwrap_or_default()
                    ),
                }),
            ));
        }
        assessment.push(AssessmentRow {
            unit: pool.name(world),
            graded: *graded,
            excellent: *excellent,
            cap,
        });
    }
    if !over_cap.is_empty() {
        findings.push(Finding {
            area: Area::Cadres,
            rule: text!(
                "优秀等次比例超过限额 ({}‰)",
                "优秀 above the share allowed ({}‰)",
                policy.excellent_cap_permille
            ),
            citation: cite(&policy, "excellent_cap_permille"),
            subjects: crate::subjects(over_cap),
        });
    }
    // Rotation.
    let rotation = RotationPolicy::default();
    // Keyed by the flag's order in the rules (not by its words), so findings are numbered the
    // same in every language.
    let mut by_flag: BTreeMap<u8, Finding> = BTreeMap::new();
    let mut rotations_due = 0;
    for c in world.cadres.iter().filter(|c| c.post.is_some()) {
        let Some(since) = c.post_since else { continue };
        let Some(post) = c
            .post
            .and_then(|p| world.post_index.get(&p))
            .and_then(|i| world.posts.get(*i))
        else {
            continue;
        };
        // The 届 served, as the row records them; where it does not, each completed five years
        // in post is read as one (the dataset holds no 换届 of the bodies the posts belong to).
        let terms_served = c.terms_in_post.unwrap_or_else(|| {
            zugong_core::dates::completed_years(since, as_of) / rotation.term_years.max(1)
        });
        let tenure = PostTenure {
            cadre: c.id,
            in_post_since: since,
            level_periods: vec![(c.level_since.unwrap_or(c.rank_since), None)],
            terms_served,
            scope: TenureScope::of(post, &world.tree, &world.institutions),
        };
        let flags: Vec<RotationFlag> = rotation_flags(&tenure, as_of, &rotation)
            .into_iter()
            .filter(|f| !matches!(f, RotationFlag::TermNotCompleted { .. }))
            .collect();
        if !flags.is_empty() {
            rotations_due += 1;
        }
        for f in flags {
            let (order, rule) = match f {
                RotationFlag::MustRotate { .. } => (
                    0,
                    Text::new("任职满十年应当交流", "ten years in post: must rotate"),
                ),
                RotationFlag::TwoTermsReached => (
                    1,
                    Text::new("同一职位任满两届", "two terms in the same post"),
                ),
                RotationFlag::LevelLimitReached { .. } => (
                    2,
                    Text::new("同一层次任职满十五年", "fifteen years at one level"),
                ),
                RotationFlag::TermNotCompleted { .. } => {
                    (3, Text::new("未任满一届", "first term not completed"))
                }
            };
            by_flag
                .entry(order)
                .or_insert_with(|| Finding {
                    area: Area::Cadres,
                    rule: rule.to_owned(),
                    citation: f.citation().to_string(),
                    subjects: Vec::new(),
                })
                .subjects
                .push(crate::Subject::new(
                    format!(
                        "{}（{}）",
                        c.name,
                        cadre_place.get(&c.id).map_or("", String::as_str)
                    ),
                    rotation_text(&f),
                ));
        }
    }
    findings.extend(by_flag.into_values());
    // Recusal (kinship).
    let holdings = world.holdings();
    let name = |id: CadreId| {
        cadre_name
            .get(&id)
            .map_or_else(|| id.to_string(), |n| (*n).to_owned())
    };
    let found = recusal_report(&holdings, &world.relations);
    let recusals = found.len();
    let mut by_rule: BTreeMap<String, Vec<(String, Text)>> = BTreeMap::new();
    for (cadre, f) in &found {
        let unit = cadre_place.get(cadre).map_or("", String::as_str);
        by_rule.entry(f.citation().to_string()).or_default().push((
            format!("{}（{unit}）", name(*cadre)),
            recusal_text(f, &name),
        ));
    }
    for (citation, items) in by_rule {
        findings.push(Finding {
            area: Area::Cadres,
            rule: Text::new("任职回避（亲属关系）", "recusal between relatives"),
            citation,
            subjects: crate::subjects(items),
        });
    }
    let establishment = crate::Establishment {
        institutions: world
            .institutions
            .institutions()
            .iter()
            .filter(|i| i.establishment.is_some())
            .count(),
        staff: world
            .institutions
            .institutions()
            .iter()
            .filter_map(|i| i.establishment)
            .map(u64::from)
            .sum(),
        leadership_posts: world
            .quotas
            .iter()
            .filter(|q| q.holder.institution().is_some())
            .filter(|q| matches!(q.rank, zugong_core::RankOrGrade::Leadership(_)))
            .map(|q| u64::from(q.allotted))
            .sum(),
    };
    CadreSection {
        establishment,
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

/// A rotation flag in words.
pub(super) fn rotation_text(f: &RotationFlag) -> Text {
    Text::from_fn(|lang| match (f, lang) {
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
    })
}

/// A recusal finding in words.
pub(super) fn recusal_text(f: &RecusalFinding, name: &dyn Fn(CadreId) -> String) -> Text {
    Text::from_fn(|lang| recusal_text_in(f, name, lang))
}

fn recusal_text_in(f: &RecusalFinding, name: &dyn Fn(CadreId) -> String, lang: Lang) -> String {
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
        (RecusalFinding::HomeTownship { area }, Lang::Zh) => {
            format!("在成长地（{area}）担任乡镇主要领导")
        }
        (RecusalFinding::HomeTownship { area }, Lang::En) => {
            format!("principal post in the home township {area}")
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

/// A holder for naming the quota rule's citation (the citation does not depend on it).
fn q_any_holder() -> zugong_core::PostHolder {
    zugong_core::PostHolder::Institution(zugong_core::InstitutionId::from_uuid(uuid::Uuid::nil()))
}

/// Where a cadre's 年度考核 result counts against an 优秀 share.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Pool {
    /// The staff of a 单位 (or of a committee or 党组 set up in none).
    Staff(zugong_core::PostHolder),
    /// The leaders a committee manages under the management list.
    Leaders(zugong_core::OrgUnitId),
}

impl Pool {
    /// The institution whose regime sets the share (a leaders' pool: the civil service's).
    fn institution(self) -> Option<zugong_core::InstitutionId> {
        match self {
            Self::Staff(h) => h.institution(),
            Self::Leaders(_) => None,
        }
    }

    fn name(self, world: &World) -> Text {
        match self {
            Self::Staff(h) => Text::same(world.holder_name(h)),
            Self::Leaders(m) => {
                let name = world.tree.get(m).map_or("", |u| u.name.as_str());
                text!("{name}管理的领导干部", "leaders managed by {name}")
            }
        }
    }
}

/// The pool of a cadre: a leader in a listed post counts with the leaders its manager
/// assesses; anyone else with the staff of the 单位 of the post (a committee's post: the
/// institution the committee is set up in), else of the cadre's unit.
fn pool_of(world: &World, c: &zugong_dataset::CadreRecord) -> Option<Pool> {
    let post = c
        .post
        .and_then(|p| world.post_index.get(&p))
        .and_then(|i| world.posts.get(*i));
    if let Some(post) = post
        && let Some(row) = world
            .management
            .lookup(post.id, post.holder, post.leadership_rank())
    {
        return Some(Pool::Leaders(row.manager));
    }
    let holder = world.cadre_holder(c)?;
    Some(Pool::Staff(
        holder
            .seated_in(&world.tree)
            .map_or(holder, zugong_core::PostHolder::Institution),
    ))
}
