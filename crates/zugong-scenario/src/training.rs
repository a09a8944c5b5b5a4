//! `zugong scenario training`: fallback training (兜底培训) for every member short of their
//! 学时: one class per grassroots committee that has members short, seats planned with
//! `zugong_training::plan_coverage`, each class run through `TrainingClass` (plan, enrol,
//! attendance for the 学时 missing, close), writing one journal of all the classes.

use std::collections::BTreeMap;

use chrono::{Duration, NaiveDate};
use serde::Serialize;
use zugong_core::journal::Journal;
use zugong_core::{Authority, MemberId, OrgUnitId, TrainingClassId};
use zugong_training::{
    ClassCommand, ClassContext, ClassPlan, CoverageClass, CoverageMember, MemberGroup, StudyHours,
    TierPolicy, TrainingClass, TrainingKind, TrainingMode, TrainingTier, UncoveredReason,
    plan_coverage,
};

use crate::issue;
use zugong_dataset::World;
use zugong_dataset::text::{Text, text};

/// A member short of their 学时.
#[derive(Debug, Clone, Serialize)]
pub struct Short {
    /// Index into `world.members`.
    pub index: usize,
    /// 学时 required.
    pub required: StudyHours,
    /// 学时 credited.
    pub achieved: StudyHours,
}

/// Every member short of their 学时, with what they have.
pub fn shortfalls(world: &World) -> Vec<Short> {
    let mut tenths = vec![0u32; world.members.len()];
    for a in &world.attendance {
        if let Some(t) = tenths.get_mut(a.member as usize) {
            *t = t.saturating_add(a.hours.tenths());
        }
    }
    world
        .member_rows
        .iter()
        .zip(&tenths)
        .enumerate()
        .filter(|(_, (row, t))| **t < row.required.tenths())
        .map(|(index, (row, t))| Short {
            index,
            required: row.required,
            achieved: StudyHours::from_tenths(*t),
        })
        .collect()
}

/// The committee that holds fallback training for a unit: the nearest one above it whose tier
/// is 基层党委兜底培训.
fn fallback_organizer(world: &World, unit: OrgUnitId) -> Option<OrgUnitId> {
    std::iter::once(world.tree.get(unit)?)
        .chain(world.tree.ancestors(unit).ok()?)
        .find(|u| TrainingTier::of_organizer(u) == Some(TrainingTier::GrassrootsFallback))
        .map(|u| u.id)
}

/// The outcome of the fallback plan.
#[derive(Debug, Default)]
pub struct FallbackOutcome {
    /// Members short before.
    pub short: usize,
    /// Classes run: organizer, seats, members trained.
    pub classes: Vec<(OrgUnitId, u32, u32)>,
    /// Members not seated, with the reason.
    pub uncovered: Vec<(MemberId, UncoveredReason)>,
    /// Members still short after the classes.
    pub still_short: usize,
    /// Refusals by the class lifecycle, with the rule.
    pub refusals: Vec<Text>,
    /// 学时 credited.
    pub credited: StudyHours,
}

/// Plans and runs fallback classes starting `on`.
pub fn run_fallback(world: &World, on: NaiveDate) -> (FallbackOutcome, Journal<TrainingClass>) {
    let short = shortfalls(world);
    let mut out = FallbackOutcome {
        short: short.len(),
        ..FallbackOutcome::default()
    };
    // Classes: one per organizer with members short.
    let mut by_organizer: BTreeMap<OrgUnitId, Vec<&Short>> = BTreeMap::new();
    for s in &short {
        let Some(m) = world.members.get(s.index) else {
            continue;
        };
        match fallback_organizer(world, m.unit) {
            Some(o) => by_organizer.entry(o).or_default().push(s),
            None => out
                .uncovered
                .push((m.id, UncoveredReason::NoClassScheduled)),
        }
    }
    let policy = zugong_training::TrainingPolicy::default();
    let plans: Vec<ClassPlan> = by_organizer
        .iter()
        .enumerate()
        .map(|(i, (organizer, members))| {
            let most = members
                .iter()
                .map(|s| s.required.tenths().saturating_sub(s.achieved.tenths()))
                .max()
                .unwrap_or(0);
            let name = world
                .tree
                .get(*organizer)
                .map(|u| {
                    u.name
                        .trim_start_matches("中共")
                        .trim_end_matches("委员会")
                        .to_owned()
                })
                .unwrap_or_default();
            ClassPlan {
                id: TrainingClassId::from_parts(
                    on.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc(),
                    i as u128 + 1,
                ),
                name: format!("{name}党员兜底补训班"),
                organizer: *organizer,
                delivered_by: None,
                tier: TrainingTier::GrassrootsFallback,
                kind: TrainingKind::Thematic,
                mode: TrainingMode::Concentrated,
                targets: zugong_core::MemberGroup::ALL.to_vec(),
                starts_on: on,
                ends_on: on + Duration::days(2),
                days: 3,
                hours: StudyHours::from_tenths(most.div_ceil(10).max(1) * 10),
                capacity: u32::try_from(members.len()).unwrap_or(u32::MAX),
            }
        })
        .collect();
    let coverage_members: Vec<CoverageMember> = short
        .iter()
        .filter_map(|s| world.members.get(s.index))
        .map(|m| CoverageMember {
            member: m.id,
            unit: m.unit,
            groups: if m.groups.is_empty() {
                vec![MemberGroup::Member]
            } else {
                m.groups.clone()
            },
            unavailable: Vec::new(),
        })
        .collect();
    let coverage_classes: Vec<CoverageClass> = plans
        .iter()
        .map(|p| CoverageClass {
            class: p.id,
            tier: p.tier,
            organizer: p.organizer,
            targets: p.targets.clone(),
            capacity: p.capacity,
            starts_on: p.starts_on,
            ends_on: p.ends_on,
        })
        .collect();
    let plan = match plan_coverage(
        &world.tree,
        &coverage_members,
        &coverage_classes,
        &TierPolicy::default(),
    ) {
        Ok(p) => p,
        Err(e) => {
            out.refusals.push(match e {
                zugong_training::CoverageError::UnknownUnit(u) => {
                    text!("组织 {u} 不在组织树中", "org unit {u} is not in the tree")
                }
                zugong_training::CoverageError::DuplicateMember(m) => {
                    text!("党员 {m} 重复列出", "member {m} is listed twice")
                }
            });
            return (out, Journal::new());
        }
    };
    out.uncovered.extend(plan.uncovered.iter().cloned());
    let missing: BTreeMap<MemberId, (OrgUnitId, u32)> = short
        .iter()
        .filter_map(|s| {
            let m = world.members.get(s.index)?;
            Some((
                m.id,
                (
                    m.unit,
                    s.required.tenths().saturating_sub(s.achieved.tenths()),
                ),
            ))
        })
        .collect();
    let mut seated: BTreeMap<TrainingClassId, Vec<MemberId>> = BTreeMap::new();
    for a in &plan.assignments {
        seated.entry(a.class).or_default().push(a.member);
    }
    // One journal for every class, in order of time: every plan a week before, every
    // enrolment on the first day, attendance and the close on the last.
    let mut journal = Journal::<TrainingClass>::new();
    let ctx = ClassContext {
        tree: &world.tree,
        policy: &policy,
    };
    let mut going: Vec<(&ClassPlan, Vec<MemberId>, u32)> = Vec::new();
    let mut still = out.uncovered.len();
    for p in &plans {
        let who = Authority::party_committee(p.organizer);
        match issue(
            &mut journal,
            p.id,
            ClassCommand::Plan(p.clone()),
            on - Duration::days(7),
            who,
            "制定兜底培训计划",
            &ctx,
        ) {
            Ok(_) => going.push((p, seated.get(&p.id).cloned().unwrap_or_default(), 0)),
            Err(e) => out.refusals.push(text!("{}: {e}", "{}: {e}", p.name)),
        }
    }
    going.retain(|(p, members, _)| {
        let who = Authority::party_committee(p.organizer);
        for m in members {
            let Some((unit, _)) = missing.get(m) else {
                continue;
            };
            let enrol = ClassCommand::Enrol {
                member: *m,
                unit: *unit,
            };
            if let Err(e) = issue(&mut journal, p.id, enrol, on, who, "报名", &ctx) {
                out.refusals.push(text!("{}: {e}", "{}: {e}", p.name));
                return false;
            }
        }
        true
    });
    for (p, members, trained) in &mut going {
        let who = Authority::party_committee(p.organizer);
        let mut refused = None;
        for m in members.iter() {
            let Some((_, need)) = missing.get(m) else {
                continue;
            };
            let hours = StudyHours::from_tenths((*need).min(p.hours.tenths()));
            let attend = ClassCommand::RecordAttendance { member: *m, hours };
            if let Err(e) = issue(
                &mut journal,
                p.id,
                attend,
                p.ends_on,
                who,
                "考勤记学时",
                &ctx,
            ) {
                refused = Some(e);
                break;
            }
            *trained += 1;
            out.credited += hours;
            if hours.tenths() < *need {
                still += 1;
            }
        }
        let closed = match refused {
            Some(e) => Err(e),
            None => issue(
                &mut journal,
                p.id,
                ClassCommand::Close,
                p.ends_on,
                who,
                "结业",
                &ctx,
            )
            .map(|_| ()),
        };
        if let Err(e) = closed {
            out.refusals.push(text!("{}: {e}", "{}: {e}", p.name));
        }
    }
    for p in &plans {
        let trained = going
            .iter()
            .find(|(g, _, _)| g.id == p.id)
            .map_or(0, |(_, _, t)| *t);
        out.classes.push((p.organizer, p.capacity, trained));
    }
    out.still_short = still;
    (out, journal)
}
