//! Branch ratings, review scores, weak-branch facts and the tasks pushed onto villages (from
//! the town, the county committee and the county departments).

use chrono::Duration;
use zugong_branch::{Points, RectificationStatus, StarLevel, TaskBasis};
use zugong_core::OrgUnitId;

use crate::rng::Rng;
use crate::{Sink, as_of};
use zugong_dataset::{BranchRecord, ScoreRecord, TaskRecord};

use super::*;

/// The 110-point rubric's indicators and maxima (`five_star_110`).
pub(super) const INDICATORS: [(&str, u32, &str); 7] = [
    ("leadership_team", 15, "支委会会议记录"),
    ("core_members", 15, "党员花名册及积分台账"),
    ("activity_venue", 10, "阵地现场照片"),
    ("work_system", 15, "三会一课台账"),
    ("support_mechanism", 10, "经费保障文件"),
    ("performance", 20, "年度工作总结"),
    ("public_evaluation", 15, "群众测评表"),
];

/// Stars drawn near the guidance shares (about 9% / 30% / 40% / 16% / 5%).
pub(super) fn stars(rng: &mut Rng) -> u8 {
    match rng.range(0, 99) {
        0..=8 => 5,
        9..=38 => 4,
        39..=78 => 3,
        79..=94 => 2,
        _ => 1,
    }
}

/// A branch's rating record, scores, tasks and grassroots records; returns the day of its
/// latest 确定发展对象 (the roster's paths keep within it).
#[allow(clippy::too_many_arguments)]
pub(super) fn branch_record<S: Sink>(
    cx: &mut Ctx<'_, S>,
    branch: &Unit,
    source: &Unit,
    village: bool,
    place: u32,
    places: u32,
    members: u32,
    sources: &[OrgUnitId],
) -> std::io::Result<chrono::NaiveDate> {
    let today = as_of();
    let s = stars(cx.rng);
    let last = (i16::from(s) + cx.rng.range(0, 2) as i16 - 1).clamp(0, 5) as u8;
    let vacant = cx
        .rng
        .chance(30)
        .then(|| day_between(cx.rng, day(2026, 3, 1), day(2026, 10, 31)));
    let candidate = if cx.rng.chance(60) {
        day_between(cx.rng, day(2022, 1, 1), day(2024, 6, 30))
    } else {
        day_between(cx.rng, day(2025, 1, 1), day(2026, 10, 31))
    };
    let total = members + cx.rng.range(10, 30) as u32;
    let yes = if cx.rng.chance(25) {
        total * cx.rng.range(40, 58) as u32 / 100
    } else {
        total * cx.rng.range(75, 100) as u32 / 100
    };
    let life = !cx.rng.chance(8);
    let weak = vacant.is_some_and(|v| today - v > Duration::days(92))
        || today - candidate > Duration::days(731)
        || yes * 10 < total * 6
        || place == places
        || !life;
    let (rectification, deadline) = if weak {
        match cx.rng.range(0, 9) {
            0..=6 => (
                RectificationStatus::UnderRectification,
                Some(day_between(cx.rng, day(2026, 9, 1), day(2027, 3, 31))),
            ),
            7 | 8 => (RectificationStatus::Closed, None),
            _ => (RectificationStatus::None, None),
        }
    } else {
        (RectificationStatus::None, None)
    };
    // A weak branch is rated at most two stars.
    let s = if weak { s.min(2) } else { s };
    cx.sink.put(BranchRecord {
        unit: branch.id,
        stars: StarLevel::new(s).unwrap_or(StarLevel::NONE),
        stars_last_year: StarLevel::new(last).ok(),
        village,
        secretary_vacant_since: vacant,
        last_development_candidate: Some(candidate),
        satisfaction_yes: Some(yes),
        satisfaction_total: Some(total),
        rank: Some(place),
        ranked_of: Some(places),
        organizational_life_held: Some(life),
        inspected_categories: Vec::new(),
        rectification,
        rectification_deadline: deadline,
        reinspection_due: cx.rng.chance(40),
    })?;
    cx.counts.branches += 1;
    // The latest review's scores, consistent with the stars.
    let band = match s {
        5 => (90, 100),
        4 => (80, 89),
        3 => (70, 79),
        2 => (60, 69),
        _ => (45, 59),
    };
    let total_pct = cx.rng.range(band.0, band.1) as u32;
    for (code, max, evidence) in INDICATORS {
        let tenths = (max * 10 * total_pct / 100).min(max * 10);
        cx.sink.put(ScoreRecord {
            branch: branch.id,
            indicator: code.into(),
            points: Points::from_tenths(tenths),
            evidence: Some(evidence.into()),
        })?;
    }
    if s == 5 {
        cx.sink.put(ScoreRecord {
            branch: branch.id,
            indicator: "innovation_project".into(),
            points: Points::whole(10),
            evidence: Some("党建创新项目申报书".into()),
        })?;
    }
    // Work pushed onto village branches.
    if village {
        for t in 0..cx.rng.range(2, 7) {
            let assigned = day_between(cx.rng, day(2026, 1, 10), day(2026, 11, 20));
            let due = assigned + Duration::days(cx.rng.range(7, 40) as i64);
            let done = (cx.rng.chance(820))
                .then(|| day_between(cx.rng, assigned, due + Duration::days(10)))
                .filter(|d| *d <= today);
            const TITLES: [&str; 8] = [
                "填报党员信息统计表",
                "迎检台账整理",
                "人居环境整治专项报表",
                "防返贫监测数据核查",
                "网格员信息采集",
                "学习强国积分通报整改",
                "安全生产排查记录",
                "重复报送的工作总结",
            ];
            let from = if cx.rng.chance(450) {
                cx.rng.pick(sources).copied().unwrap_or(source.id)
            } else {
                source.id
            };
            // A county department's matter (条) is often pushed down as 属地管理.
            let basis = (sources.first() != Some(&from) && from != source.id && t % 2 == 0)
                .then_some(TaskBasis::TerritorialManagement);
            cx.sink.put(TaskRecord {
                branch: branch.id,
                source: from,
                title: TITLES
                    .get((t as usize + place as usize) % TITLES.len())
                    .copied()
                    .unwrap_or("报表")
                    .into(),
                assigned_on: assigned,
                due_on: due,
                done_on: done,
                hours: cx.rng.range(2, 12) as u32,
                basis,
            })?;
        }
        super::grassroots::summoned(cx, branch.id, sources)?;
        if branch.name.ends_with("村党支部") {
            super::grassroots::economy(cx, branch.id)?;
        }
    }
    super::grassroots::meetings(cx, branch.id, members, life)?;
    super::grassroots::term(cx, branch.id, village, members)?;
    Ok(candidate)
}
