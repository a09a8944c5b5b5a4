//! One generated county: its tree, members and their training, branches and their ratings,
//! the burden on villages, posts, quotas and cadres, and talents.

use std::collections::{BTreeMap, HashSet};

use chrono::{Datelike, Duration, NaiveDate};
use zugong_branch::{Points, RectificationStatus, StarLevel};
use zugong_cadre::{AssessmentGrade, Kinship, WorkFunction};
use zugong_core::{
    AdminLevel, CadreId, CitizenIdNumber, CivilServiceGrade, DivisionCode, EducationLevel,
    LeadershipRank, MemberId, OrgKind, OrgUnitId, PositionId, RankOrGrade, TalentId,
    TrainingClassId, UnitKind,
};
use zugong_talent::{ProfessionalTitle, TalentTier, Yuan};
use zugong_training::{MemberGroup, StudyHours, TrainingTier};

use super::names::{self, BUREAUS, ENTERPRISES};
use super::rng::Rng;
use super::{Counts, Ids, Shape, Sink, as_of};
use crate::dataset::{
    AttendanceRecord, BranchRecord, CadreRecord, ClassRecord, MemberRecord, PostRecord,
    QuotaRecord, RelationRecord, ScoreRecord, TalentRow, TaskRecord, UnitRecord,
};

/// The city a county belongs to.
pub(crate) struct City {
    pub(crate) id: OrgUnitId,
    pub(crate) name: String,
    pub(crate) code: u32,
}

/// The 110-point rubric's indicators and maxima (`five_star_110`).
const INDICATORS: [(&str, u32, &str); 7] = [
    ("leadership_team", 15, "支委会会议记录"),
    ("core_members", 15, "党员花名册及积分台账"),
    ("activity_venue", 10, "阵地现场照片"),
    ("work_system", 15, "三会一课台账"),
    ("support_mechanism", 10, "经费保障文件"),
    ("performance", 20, "年度工作总结"),
    ("public_evaluation", 15, "群众测评表"),
];

const INDUSTRIES: [&str; 12] = [
    "new_materials",
    "clean_energy",
    "digital_information",
    "modern_chemicals",
    "wine",
    "goji",
    "dairy",
    "beef_cattle",
    "tan_sheep",
    "culture_tourism",
    "modern_logistics",
    "hydrogen",
];

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
}

/// A random day in `from..=to`.
fn day_between(rng: &mut Rng, from: NaiveDate, to: NaiveDate) -> NaiveDate {
    let span = (to - from).num_days().max(0) as u64;
    from + Duration::days(rng.range(0, span) as i64)
}

/// A valid 18-digit citizen ID number (GB 11643) for `region` and `born`, not yet given to
/// anyone in the county (`used`).
fn citizen(
    rng: &mut Rng,
    used: &mut HashSet<(NaiveDate, u64)>,
    region: u32,
    born: NaiveDate,
    male: bool,
) -> Option<CitizenIdNumber> {
    let mut seq = rng.range(0, 499) * 2 + u64::from(male);
    let mut tries = 0;
    while !used.insert((born, seq)) {
        seq = (seq + 2) % 1000;
        tries += 1;
        if tries >= 500 {
            return None;
        }
    }
    let body = format!("{region:06}{}{seq:03}", born.format("%Y%m%d"));
    const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    let sum: u32 = body
        .chars()
        .zip(WEIGHTS)
        .map(|(c, w)| c.to_digit(10).unwrap_or(0) * w)
        .sum();
    let check = "10X98765432".chars().nth((sum % 11) as usize)?;
    CitizenIdNumber::parse(&format!("{body}{check}")).ok()
}

struct Unit {
    id: OrgUnitId,
    name: String,
}

/// What a county's generation needs at hand.
struct Ctx<'a, S: Sink> {
    rng: &'a mut Rng,
    ids: &'a mut Ids,
    sink: &'a mut S,
    counts: &'a mut Counts,
    region: u32,
    /// Birth dates and sequence numbers given out in the county.
    used: HashSet<(NaiveDate, u64)>,
}

impl<S: Sink> Ctx<'_, S> {
    fn unit_id(&mut self) -> OrgUnitId {
        OrgUnitId::from_parts(Ids::at(), self.ids.bits())
    }

    fn unit(
        &mut self,
        name: String,
        kind: OrgKind,
        level: AdminLevel,
        host: Option<UnitKind>,
        parent: OrgUnitId,
        division: Option<u32>,
    ) -> std::io::Result<Unit> {
        let id = self.unit_id();
        self.sink.put(UnitRecord {
            id,
            name: name.clone(),
            kind,
            level,
            host,
            parent: Some(parent),
            division: division.and_then(|d| DivisionCode::from_number(d).ok()),
        })?;
        self.counts.units += 1;
        Ok(Unit { id, name })
    }
}

/// Generates county `k` of `city`.
pub(crate) fn county<S: Sink>(
    city: &City,
    k: u64,
    shape: &Shape,
    rng: &mut Rng,
    ids: &mut Ids,
    sink: &mut S,
    counts: &mut Counts,
) -> std::io::Result<()> {
    let region = city.code + k as u32 + 1;
    let mut cx = Ctx {
        rng,
        ids,
        sink,
        counts,
        region,
        used: HashSet::new(),
    };
    let cname = names::place(k, u64::from(city.code) / 100 + 11);
    let county = cx.unit(
        format!("中共{cname}县委员会"),
        OrgKind::Committee,
        AdminLevel::County,
        None,
        city.id,
        Some(region),
    )?;
    let organs = cx.unit(
        format!("中共{cname}县直属机关委员会"),
        OrgKind::GrassrootsCommittee,
        AdminLevel::County,
        Some(UnitKind::Organ),
        county.id,
        None,
    )?;
    let two_new = cx.unit(
        format!("中共{cname}县非公有制经济组织和社会组织委员会"),
        OrgKind::GrassrootsCommittee,
        AdminLevel::County,
        None,
        county.id,
        None,
    )?;

    // Bureaus and enterprises: one branch each.
    let mut bureaus = Vec::new();
    for i in 0..shape.bureaus_per_county {
        let (name, function) = BUREAUS
            .get((i as usize) % BUREAUS.len())
            .copied()
            .unwrap_or(("县机关", None));
        let suffix = if (i as usize) < BUREAUS.len() {
            String::new()
        } else {
            format!("第{}", i as usize / BUREAUS.len() + 1)
        };
        let u = cx.unit(
            format!("中共{cname}{name}机关{suffix}党支部"),
            OrgKind::Branch,
            AdminLevel::County,
            Some(UnitKind::Organ),
            organs.id,
            None,
        )?;
        bureaus.push((u, function));
    }
    let mut enterprises = Vec::new();
    for i in 0..shape.enterprises_per_county {
        let (name, kind) = ENTERPRISES
            .get((i as usize) % ENTERPRISES.len())
            .copied()
            .unwrap_or(("有限公司", "non_public_enterprise"));
        let host = serde_json::from_value::<UnitKind>(serde_json::Value::String(kind.into())).ok();
        let prefix = if name.starts_with('县') {
            cname.clone()
        } else {
            names::place(i, 5)
        };
        let u = cx.unit(
            format!("{prefix}{name}党支部"),
            OrgKind::Branch,
            AdminLevel::County,
            host,
            two_new.id,
            None,
        )?;
        enterprises.push(u);
    }

    // Towns and villages.
    let mut towns = Vec::new();
    for t in 0..shape.towns_per_county {
        let tname = names::place(t, k * 3 + 1);
        let town = cx.unit(
            format!("中共{cname}县{tname}镇委员会"),
            OrgKind::Committee,
            AdminLevel::Township,
            None,
            county.id,
            None,
        )?;
        let mut villages = Vec::new();
        for v in 0..shape.villages_per_town {
            let vname = names::place(v, t * 5 + 2);
            let community = v % 8 == 7;
            let u = cx.unit(
                format!(
                    "{tname}镇{vname}{}党支部",
                    if community { "社区" } else { "村" }
                ),
                OrgKind::Branch,
                AdminLevel::Village,
                Some(if community {
                    UnitKind::Community
                } else {
                    UnitKind::Village
                }),
                town.id,
                None,
            )?;
            villages.push(u);
        }
        towns.push((town, villages));
    }

    classes_members_and_branches(
        &mut cx,
        city,
        &cname,
        &county,
        &organs,
        &two_new,
        &bureaus,
        &enterprises,
        &towns,
    )?;
    cadres(&mut cx, &county, &bureaus, &towns, shape)?;
    talents(&mut cx, &bureaus, &enterprises)?;
    Ok(())
}

struct Classes {
    city: ClassRecord,
    county: Vec<ClassRecord>,
}

#[allow(clippy::too_many_arguments)]
fn class<S: Sink>(
    cx: &mut Ctx<'_, S>,
    name: String,
    tier: TrainingTier,
    organizer: OrgUnitId,
    starts_on: NaiveDate,
    days: i64,
    hours: u32,
    capacity: u32,
    targets: Vec<MemberGroup>,
) -> std::io::Result<ClassRecord> {
    let c = ClassRecord {
        id: TrainingClassId::from_parts(Ids::at(), cx.ids.bits()),
        name,
        tier,
        organizer,
        starts_on,
        ends_on: starts_on + Duration::days(days),
        hours: StudyHours::whole(hours),
        capacity,
        targets,
    };
    cx.sink.put(c.clone())?;
    Ok(c)
}

#[allow(clippy::too_many_arguments)]
fn classes_members_and_branches<S: Sink>(
    cx: &mut Ctx<'_, S>,
    city: &City,
    cname: &str,
    county: &Unit,
    organs: &Unit,
    two_new: &Unit,
    bureaus: &[(Unit, Option<&str>)],
    enterprises: &[Unit],
    towns: &[(Unit, Vec<Unit>)],
) -> std::io::Result<()> {
    let branches =
        bureaus.len() + enterprises.len() + towns.iter().map(|t| t.1.len()).sum::<usize>();
    let city_class = class(
        cx,
        format!("{}市{cname}县片区基层党组织书记示范培训班", city.name),
        TrainingTier::CityKey,
        city.id,
        day(2026, 4, 13),
        4,
        24,
        branches as u32,
        vec![MemberGroup::Secretary],
    )?;
    let mut county_classes = Vec::new();
    for (i, (m, d)) in [(3u32, 16u32), (6, 15), (9, 14)].into_iter().enumerate() {
        county_classes.push(class(
            cx,
            format!("{cname}县党员集中轮训第{}期", i + 1),
            TrainingTier::CountyUniversal,
            county.id,
            day(2026, m, d),
            2,
            16,
            (branches as u32) * 7,
            ALL_GROUPS.to_vec(),
        )?);
    }
    let classes = Classes {
        city: city_class,
        county: county_classes,
    };
    // Grassroots: each town committee, the organs' working committee and the 两新 committee
    // hold a fallback class in the autumn.
    // The county committee pushes work down besides the towns (its departments' matters come
    // through it: the burden is counted against bodies above the branch).
    let sources: Vec<OrgUnitId> = vec![county.id];
    let mut groups: Vec<(&Unit, Vec<(&Unit, bool)>)> = Vec::new();
    groups.push((organs, bureaus.iter().map(|(u, _)| (u, false)).collect()));
    groups.push((two_new, enterprises.iter().map(|u| (u, false)).collect()));
    for (town, villages) in towns {
        groups.push((town, villages.iter().map(|u| (u, true)).collect()));
    }
    for (organizer, branches) in groups {
        let start = day_between(cx.rng, day(2026, 9, 1), day(2026, 11, 10));
        let members_guess = (branches.len() as u32) * 17;
        let fallback = class(
            cx,
            format!(
                "{}党员兜底培训班",
                organizer
                    .name
                    .trim_start_matches("中共")
                    .trim_end_matches("委员会")
            ),
            TrainingTier::GrassrootsFallback,
            organizer.id,
            start,
            1,
            8,
            members_guess,
            ALL_GROUPS.to_vec(),
        )?;
        let places = branches.len() as u32;
        for (place, (branch, village)) in branches.into_iter().enumerate() {
            let members = members_of(cx, branch, &classes, &fallback)?;
            branch_record(
                cx,
                branch,
                organizer,
                village,
                place as u32 + 1,
                places,
                members,
                &sources,
            )?;
        }
    }
    Ok(())
}

/// A branch's members and their attendance; returns the number of members.
fn members_of<S: Sink>(
    cx: &mut Ctx<'_, S>,
    branch: &Unit,
    classes: &Classes,
    fallback: &ClassRecord,
) -> std::io::Result<u32> {
    let n = cx.rng.range(9, 25) as u32;
    let today = as_of();
    for i in 0..n {
        let born = day_between(cx.rng, day(1948, 1, 1), day(2005, 6, 30));
        let male = cx.rng.chance(700);
        let Some(citizen_id) = citizen(cx.rng, &mut cx.used, cx.region, born, male) else {
            continue;
        };
        let adult = born + Duration::days(18 * 366);
        let joined_on = day_between(cx.rng, adult, today - Duration::days(60));
        let full = joined_on + Duration::days(366 + cx.rng.range(0, 20) as i64);
        let mut groups = Vec::new();
        match i {
            0 => groups.push(MemberGroup::Secretary),
            1 | 2 => groups.push(MemberGroup::CommitteeMember),
            _ => {}
        }
        if full > today {
            groups.push(MemberGroup::NewMember);
        }
        let id = MemberId::from_parts(super::Ids::at(), cx.ids.bits());
        cx.sink.put(MemberRecord {
            id,
            name: names::person(cx.rng),
            citizen_id,
            unit: branch.id,
            joined_on,
            full_member_on: (full <= today).then_some(full),
            groups,
        })?;
        cx.counts.members += 1;
        // Training this year.
        let attend = |cx: &mut Ctx<'_, S>, c: &ClassRecord, hours: u32| {
            let on = day_between(cx.rng, c.starts_on, c.ends_on.min(today));
            cx.counts.attendance += 1;
            cx.sink.put(AttendanceRecord {
                member: id,
                class: Some(c.id),
                tier: c.tier,
                on,
                hours: StudyHours::whole(hours),
            })
        };
        if i == 0 && cx.rng.chance(750) {
            attend(cx, &classes.city, 24)?;
        }
        if cx.rng.chance(880) {
            let idx = cx.rng.range(0, classes.county.len() as u64 - 1) as usize;
            if let Some(c) = classes.county.get(idx) {
                let hours = if cx.rng.chance(150) { 8 } else { 16 };
                attend(cx, c, hours)?;
            }
        }
        if fallback.starts_on <= today && cx.rng.chance(880) {
            attend(cx, fallback, 8)?;
        }
        // 三会一课 and online study credited by the branch's committee.
        for _ in 0..cx.rng.range(2, 4) {
            if cx.rng.chance(850) {
                cx.counts.attendance += 1;
                cx.sink.put(AttendanceRecord {
                    member: id,
                    class: None,
                    tier: TrainingTier::GrassrootsFallback,
                    on: day_between(cx.rng, day(2026, 1, 5), today),
                    hours: StudyHours::whole(4),
                })?;
            }
        }
    }
    Ok(n)
}

fn stars(rng: &mut Rng) -> u8 {
    match rng.range(0, 99) {
        0..=8 => 5,
        9..=38 => 4,
        39..=78 => 3,
        79..=94 => 2,
        _ => 1,
    }
}

#[allow(clippy::too_many_arguments)]
fn branch_record<S: Sink>(
    cx: &mut Ctx<'_, S>,
    branch: &Unit,
    source: &Unit,
    village: bool,
    place: u32,
    places: u32,
    members: u32,
    sources: &[OrgUnitId],
) -> std::io::Result<()> {
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
            })?;
        }
    }
    Ok(())
}

/// Every member group: classes open to all.
pub(crate) const ALL_GROUPS: [MemberGroup; 5] = [
    MemberGroup::Secretary,
    MemberGroup::CommitteeMember,
    MemberGroup::NewMember,
    MemberGroup::DevelopmentCandidate,
    MemberGroup::Member,
];

const CHIEF: RankOrGrade = RankOrGrade::Leadership(LeadershipRank::TownshipSectionChief);
const DEPUTY: RankOrGrade = RankOrGrade::Leadership(LeadershipRank::TownshipSectionDeputy);
const GRADES: [CivilServiceGrade; 5] = [
    CivilServiceGrade::FirstClassPrincipalStaff,
    CivilServiceGrade::SecondClassPrincipalStaff,
    CivilServiceGrade::ThirdClassPrincipalStaff,
    CivilServiceGrade::FourthClassPrincipalStaff,
    CivilServiceGrade::FirstClassStaff,
];

struct PostPlan<'a> {
    unit: &'a Unit,
    title: &'static str,
    rank: RankOrGrade,
    party_post: bool,
    elected: bool,
    head: bool,
    function: Option<WorkFunction>,
}

fn function_of(f: Option<&str>) -> Option<WorkFunction> {
    f.and_then(|f| serde_json::from_value(serde_json::Value::String(f.into())).ok())
}

fn cadres<S: Sink>(
    cx: &mut Ctx<'_, S>,
    county: &Unit,
    bureaus: &[(Unit, Option<&str>)],
    towns: &[(Unit, Vec<Unit>)],
    shape: &Shape,
) -> std::io::Result<()> {
    let county_chief = RankOrGrade::Leadership(LeadershipRank::CountyDivisionChief);
    let county_deputy = RankOrGrade::Leadership(LeadershipRank::CountyDivisionDeputy);
    let mut plans = vec![
        PostPlan {
            unit: county,
            title: "县委书记",
            rank: county_chief,
            party_post: true,
            elected: false,
            head: true,
            function: None,
        },
        PostPlan {
            unit: county,
            title: "县长",
            rank: county_chief,
            party_post: false,
            elected: true,
            head: false,
            function: None,
        },
    ];
    for title in ["县委副书记", "常务副县长", "副县长", "副县长"] {
        plans.push(PostPlan {
            unit: county,
            title,
            rank: county_deputy,
            party_post: title.starts_with("县委"),
            elected: !title.starts_with("县委"),
            head: false,
            function: None,
        });
    }
    for (b, f) in bureaus {
        let function = function_of(*f);
        plans.push(PostPlan {
            unit: b,
            title: "局长",
            rank: CHIEF,
            party_post: false,
            elected: false,
            head: true,
            function,
        });
        for title in ["副局长", "副局长"] {
            plans.push(PostPlan {
                unit: b,
                title,
                rank: DEPUTY,
                party_post: false,
                elected: false,
                head: false,
                function,
            });
        }
    }
    for (t, _) in towns {
        plans.push(PostPlan {
            unit: t,
            title: "镇党委书记",
            rank: CHIEF,
            party_post: true,
            elected: false,
            head: true,
            function: None,
        });
        plans.push(PostPlan {
            unit: t,
            title: "镇长",
            rank: CHIEF,
            party_post: false,
            elected: true,
            head: false,
            function: None,
        });
        for title in [
            "镇党委副书记",
            "副镇长",
            "副镇长",
            "镇党委委员",
            "镇党委委员",
        ] {
            plans.push(PostPlan {
                unit: t,
                title,
                rank: DEPUTY,
                party_post: title.starts_with("镇党委"),
                elected: title == "副镇长",
                head: false,
                function: None,
            });
        }
    }
    // Quota lines: one per unit and rank, as many as the posts.
    let mut lines: Vec<(OrgUnitId, RankOrGrade, u32)> = Vec::new();
    for p in &plans {
        match lines
            .iter_mut()
            .find(|(u, r, _)| *u == p.unit.id && *r == p.rank)
        {
            Some(line) => line.2 += 1,
            None => lines.push((p.unit.id, p.rank, 1)),
        }
    }
    for (unit, rank, allotted) in lines {
        cx.sink.put(QuotaRecord {
            unit,
            rank,
            allotted,
            planned_departures: None,
        })?;
    }
    // Units whose 2025 results ran over the 优秀 cap.
    let over_cap: Vec<OrgUnitId> = bureaus
        .iter()
        .filter(|_| cx.rng.chance(60))
        .map(|(u, _)| u.id)
        .collect();
    let mut heads: BTreeMap<OrgUnitId, CadreId> = BTreeMap::new();
    let mut by_unit: BTreeMap<OrgUnitId, Vec<CadreId>> = BTreeMap::new();
    for p in &plans {
        let post = PositionId::from_parts(Ids::at(), cx.ids.bits());
        cx.sink.put(PostRecord {
            id: post,
            unit: p.unit.id,
            title: p.title.into(),
            rank: p.rank,
            party_post: p.party_post,
            elected: p.elected,
            probation_applies: !p.elected && !p.head,
        })?;
        if cx.rng.chance(80) {
            continue; // vacant
        }
        let leader = if p.head {
            None
        } else {
            heads.get(&p.unit.id).copied()
        };
        let id = cadre(
            cx,
            p.unit,
            Some(post),
            p.rank,
            p.head,
            p.function,
            leader,
            over_cap.contains(&p.unit.id),
        )?;
        if p.head {
            heads.insert(p.unit.id, id);
        }
        by_unit.entry(p.unit.id).or_default().push(id);
    }
    // 超职数配备: now and then a bureau carries one deputy more than its quota.
    for (b, f) in bureaus {
        if cx.rng.chance(80) {
            let leader = heads.get(&b.id).copied();
            let id = cadre(cx, b, None, DEPUTY, false, function_of(*f), leader, false)?;
            by_unit.entry(b.id).or_default().push(id);
        }
    }
    // 职级 holders without leadership posts.
    for (b, f) in bureaus {
        for _ in 0..shape.grade_cadres_per_bureau {
            let grade = cx
                .rng
                .pick(&GRADES)
                .copied()
                .unwrap_or(CivilServiceGrade::FirstClassStaff);
            let leader = heads.get(&b.id).copied();
            let id = cadre(
                cx,
                b,
                None,
                RankOrGrade::Grade(grade),
                false,
                function_of(*f),
                leader,
                over_cap.contains(&b.id),
            )?;
            by_unit.entry(b.id).or_default().push(id);
        }
    }
    // Kin in the same unit.
    for ids in by_unit.values() {
        if ids.len() >= 2 && cx.rng.chance(40) {
            let a = cx.rng.pick(ids).copied();
            let b = cx.rng.pick(ids).copied();
            if let (Some(a), Some(b)) = (a, b)
                && a != b
            {
                let kinship = if cx.rng.chance(500) {
                    Kinship::Spouse
                } else {
                    Kinship::CollateralWithinThree
                };
                cx.sink.put(RelationRecord { a, b, kinship })?;
            }
        }
    }
    Ok(())
}

#[allow(clippy::too_many_arguments)]
fn cadre<S: Sink>(
    cx: &mut Ctx<'_, S>,
    unit: &Unit,
    post: Option<PositionId>,
    rank: RankOrGrade,
    head: bool,
    function: Option<WorkFunction>,
    direct_leader: Option<CadreId>,
    over_cap: bool,
) -> std::io::Result<CadreId> {
    let today = as_of();
    let born = day_between(cx.rng, day(1966, 1, 1), day(1997, 12, 31));
    let id = CadreId::from_parts(Ids::at(), cx.ids.bits());
    let male = cx.rng.chance(650);
    let citizen_id = citizen(cx.rng, &mut cx.used, cx.region, born, male).ok_or_else(|| {
        std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!("no valid citizen ID number for region {}", cx.region),
        )
    })?;
    let earliest = (born + Duration::days(25 * 366)).max(day(2010, 1, 1));
    let rank_since = day_between(cx.rng, earliest, today - Duration::days(120));
    let post_since = if cx.rng.chance(60) {
        // Long in post: due to rotate.
        day_between(cx.rng, day(2012, 1, 1), day(2016, 6, 30)).max(earliest)
    } else {
        day_between(cx.rng, rank_since, today - Duration::days(30))
    };
    let education = match cx.rng.range(0, 9) {
        0..=1 => EducationLevel::Postgraduate,
        2..=7 => EducationLevel::Undergraduate,
        _ => EducationLevel::JuniorCollege,
    };
    let mut assessments = BTreeMap::new();
    for year in 2023..=2025 {
        if rank_since.year() > year {
            continue;
        }
        let grade = if over_cap && year == 2025 {
            if cx.rng.chance(450) {
                AssessmentGrade::Excellent
            } else {
                AssessmentGrade::Competent
            }
        } else {
            match cx.rng.range(0, 99) {
                0..=11 => AssessmentGrade::Excellent,
                12..=96 => AssessmentGrade::Competent,
                97..=98 => AssessmentGrade::BasicallyCompetent,
                _ => AssessmentGrade::Incompetent,
            }
        };
        assessments.insert(year, grade);
    }
    let home = if cx.rng.chance(150) {
        cx.region
    } else {
        640_101 + cx.rng.range(0, 20) as u32 * 100
    };
    cx.sink.put(CadreRecord {
        id,
        name: names::person(cx.rng),
        citizen_id,
        unit: unit.id,
        post,
        rank,
        rank_since,
        post_since: post.map(|_| post_since),
        level_since: Some(rank_since - Duration::days(cx.rng.range(0, 600) as i64)),
        education,
        grassroots_months: cx.rng.range(0, 120) as u16,
        political_score: cx.rng.range(68, 98) as u8,
        training_met: cx.rng.chance(880),
        field: cx.rng.range(0, 9) as u16,
        leads_unit: head,
        function,
        direct_leader,
        home_area: DivisionCode::from_number(home).ok(),
        assessments,
    })?;
    cx.counts.cadres += 1;
    Ok(id)
}

fn talents<S: Sink>(
    cx: &mut Ctx<'_, S>,
    bureaus: &[(Unit, Option<&str>)],
    enterprises: &[Unit],
) -> std::io::Result<()> {
    let employers: Vec<&Unit> = enterprises
        .iter()
        .chain(bureaus.iter().map(|(u, _)| u))
        .collect();
    let plan: [(TalentTier, u32); 4] = [
        (TalentTier::YoungNurtured, 6),
        (TalentTier::YoungTopTalent, 3),
        (TalentTier::IndustryLeader, 2),
        (TalentTier::DistinguishedSciTech, 1),
    ];
    for (tier, n) in plan {
        for _ in 0..n {
            let Some(employer) = cx.rng.pick(&employers).copied() else {
                return Ok(());
            };
            let starts_on = day_between(cx.rng, day(2022, 3, 1), day(2026, 6, 30));
            let (age_lo, age_hi, years, grant, title) = match tier {
                TalentTier::YoungNurtured => (26, 34, 3, 30_000, ProfessionalTitle::Intermediate),
                TalentTier::YoungTopTalent => {
                    (30, 39, 3, 200_000, ProfessionalTitle::AssociateSenior)
                }
                TalentTier::IndustryLeader => (38, 52, 5, 500_000, ProfessionalTitle::FullSenior),
                TalentTier::DistinguishedSciTech => {
                    (42, 58, 5, 6_000_000, ProfessionalTitle::FullSenior)
                }
            };
            let age = cx.rng.range(age_lo, age_hi) as i32;
            let birth = day_between(
                cx.rng,
                day(starts_on.year() - age - 1, starts_on.month(), 1),
                day(starts_on.year() - age, 1, 1),
            );
            let flexible = cx.rng.chance(120);
            let industry = cx.rng.pick(&INDUSTRIES).map(|s| (*s).to_owned());
            cx.sink.put(TalentRow {
                id: TalentId::from_parts(Ids::at(), cx.ids.bits()),
                name: names::person(cx.rng),
                birth_date: birth,
                employer: employer.id,
                tier,
                industry,
                batch: (starts_on.year() - 2021) as u32,
                starts_on,
                cycle_years: Some(years),
                grant: Yuan(grant),
                title: Some(title),
                series: Some("工程技术".into()),
                flexible_home: flexible.then(|| "某高校".to_owned()),
                days_per_year: flexible.then_some(60),
            })?;
            cx.counts.talents += 1;
        }
    }
    Ok(())
}
