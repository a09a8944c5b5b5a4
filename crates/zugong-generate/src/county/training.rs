//! Members, the three tiers of classes and the year's attendance.

use chrono::{Duration, NaiveDate};
use zugong_core::{MemberId, OrgUnitId, TrainingClassId};
use zugong_training::{MemberGroup, StudyHours, TrainingTier};

use crate::names;
use crate::{Ids, Sink, as_of};
use zugong_dataset::{AttendanceRecord, ClassRecord, MemberRecord};

use super::branches::branch_record;
use super::*;

/// The city and county classes a county's members attend.
pub(super) struct Classes {
    city: ClassRecord,
    county: Vec<ClassRecord>,
}

#[allow(clippy::too_many_arguments)]
pub(super) fn class<S: Sink>(
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
    // The county's own classes are delivered by its 党校.
    let delivered_by = (tier == TrainingTier::CountyUniversal)
        .then_some(cx.party_school)
        .flatten();
    let c = ClassRecord {
        id: TrainingClassId::from_parts(Ids::at(), cx.ids.bits()),
        name,
        tier,
        organizer,
        delivered_by,
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
pub(super) fn classes_members_and_branches<S: Sink>(
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
            MemberGroup::ALL.to_vec(),
        )?);
    }
    let classes = Classes {
        city: city_class,
        county: county_classes,
    };
    // Grassroots: each town committee, the organs' working committee and the 两新 committee
    // hold a fallback class in the autumn.
    // The county committee (块) and the county departments (条) push work down besides the
    // towns.
    let sources: Vec<OrgUnitId> = std::iter::once(county.id)
        .chain(bureaus.iter().map(|(u, _)| u.id))
        .collect();
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
            MemberGroup::ALL.to_vec(),
        )?;
        let places = branches.len() as u32;
        super::members::plan(cx, organizer.id, branches.len())?;
        let neighbours: Vec<OrgUnitId> = branches.iter().map(|(u, _)| u.id).collect();
        for (place, (branch, village)) in branches.into_iter().enumerate() {
            let members = members_of(cx, branch, &classes, &fallback, &neighbours)?;
            let last_candidate = branch_record(
                cx,
                branch,
                organizer,
                village,
                place as u32 + 1,
                places,
                members,
                &sources,
            )?;
            super::members::applicants(cx, branch.id, last_candidate)?;
        }
    }
    Ok(())
}

/// A branch's members and their attendance; returns the number of members.
pub(super) fn members_of<S: Sink>(
    cx: &mut Ctx<'_, S>,
    branch: &Unit,
    classes: &Classes,
    fallback: &ClassRecord,
    neighbours: &[OrgUnitId],
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
        super::members::member_records(cx, id, branch, born, joined_on, neighbours)?;
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
