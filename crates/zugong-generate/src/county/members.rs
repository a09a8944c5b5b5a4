//! The member tables beside the roster: each branch's applicants along the development path,
//! the committees' plans, each member's dues, members away and relations in transfer — drawn,
//! like the grassroots tables, from streams of their own so no other table shifts.

use std::collections::HashSet;

use chrono::{Datelike, Duration, NaiveDate};
use zugong_core::{MemberId, OrgUnitId};
use zugong_member::{DuesCategory, DuesPolicy, Fen, Month, monthly_dues};

use crate::names;
use crate::{Sink, as_of};
use zugong_dataset::{
    ApplicantRecord, DevelopmentPlanRecord, DuesRecord, OutflowRecord, TransferRecord,
};

use super::grassroots::stream_of;
use super::*;

const PLACES: [&str; 5] = [
    "宁夏银川市",
    "广东省东莞市",
    "浙江省义乌市",
    "内蒙古鄂尔多斯市",
    "新疆乌鲁木齐市",
];

/// A branch's applicants: one to four, at every stage of the path, none made a 发展对象 after
/// the branch's latest (`last_candidate`); about one path in twelve
/// with an irregular or overdue step (a late talk, a year of 培养 cut short, an approval or a
/// 转正 left waiting).
pub(super) fn applicants<S: Sink>(
    cx: &mut Ctx<'_, S>,
    branch: OrgUnitId,
    last_candidate: NaiveDate,
) -> std::io::Result<()> {
    let mut used = std::mem::take(&mut cx.applicant_ids);
    let result = applicants_with(cx, branch, last_candidate, &mut used);
    cx.applicant_ids = used;
    result
}

fn applicants_with<S: Sink>(
    cx: &mut Ctx<'_, S>,
    branch: OrgUnitId,
    last_candidate: NaiveDate,
    used: &mut HashSet<(NaiveDate, u64)>,
) -> std::io::Result<()> {
    let mut rng = stream_of(cx.rng, branch.as_uuid().as_u128(), 6);
    let today = as_of();
    for _ in 0..rng.range(1, 4) {
        let born = day_between(&mut rng, day(1975, 1, 1), day(2006, 6, 30));
        let male = rng.chance(600);
        let Some(citizen_id) = citizen(&mut rng, used, cx.region, born, male) else {
            continue;
        };
        let adult = born + Duration::days(18 * 366 + 1);
        let applied_on = day_between(&mut rng, adult.max(day(2022, 1, 1)), today);
        let irregular = rng.chance(80);
        let after = |rng: &mut Rng, from: NaiveDate, lo: i64, hi: i64| {
            let on = from + Duration::days(rng.range(lo as u64, hi as u64) as i64);
            (on <= today).then_some(on)
        };
        let talked_on = after(&mut rng, applied_on, 3, if irregular { 50 } else { 28 });
        let activist_on = talked_on.and_then(|t| after(&mut rng, t, 60, 200));
        let candidate_on = activist_on
            .and_then(|a| {
                let lo = if irregular { 300 } else { 370 };
                after(&mut rng, a, lo, 540).map(|c| (a, lo, c))
            })
            // The branch's record names its latest 发展对象: a path keeps within it, made a
            // 发展对象 that day if it could be, else still a 积极分子.
            .and_then(|(a, lo, c)| {
                if c <= last_candidate {
                    Some(c)
                } else {
                    (a + Duration::days(lo) <= last_candidate).then_some(last_candidate)
                }
            });
        let admitted_on = candidate_on.and_then(|c| after(&mut rng, c, 60, 150));
        let approved_on = admitted_on.and_then(|a| {
            let hi = if irregular { 120 } else { 80 };
            after(&mut rng, a, 20, hi)
        });
        let full_on = approved_on.and_then(|_| {
            let a = admitted_on.unwrap_or(today);
            let lo = if irregular { 330 } else { 367 };
            after(&mut rng, a, lo, 420)
        });
        cx.sink.put(ApplicantRecord {
            name: names::person(&mut rng),
            citizen_id,
            branch,
            applied_on,
            talked_on,
            activist_on,
            candidate_on,
            admitted_on,
            approved_on,
            full_on,
        })?;
    }
    Ok(())
}

/// Each committee's plan for the year: about one admission a branch, a few committees
/// planning too few for what their branches admit.
pub(super) fn plan<S: Sink>(
    cx: &mut Ctx<'_, S>,
    committee: OrgUnitId,
    branches: usize,
) -> std::io::Result<()> {
    let mut rng = stream_of(cx.rng, committee.as_uuid().as_u128(), 7);
    let planned = u32::try_from(branches).unwrap_or(u32::MAX);
    let planned = if rng.chance(250) {
        planned / 3
    } else {
        planned
    };
    cx.sink.put(DevelopmentPlanRecord {
        committee,
        year: as_of().year(),
        admissions: planned.max(1),
        youth_permille: Some(500),
        women_permille: Some(250),
    })
}

/// A member's dues: the category from age and branch, the base from a plausible wage, the
/// amount the rules set (about one in a hundred charged otherwise), paid to the current or last
/// month (one in fifty six months or more behind); and, for some, a spell away or a relation in
/// transfer.
#[allow(clippy::too_many_arguments)]
pub(super) fn member_records<S: Sink>(
    cx: &mut Ctx<'_, S>,
    member: MemberId,
    branch: &Unit,
    born: NaiveDate,
    joined_on: NaiveDate,
    neighbours: &[OrgUnitId],
) -> std::io::Result<()> {
    let mut rng = stream_of(cx.rng, member.as_uuid().as_u128(), 8);
    let today = as_of();
    let age = today.year() - born.year();
    let village = branch.name.ends_with("村党支部");
    let (category, base) = if age >= 60 {
        (DuesCategory::Retired, Fen::yuan(rng.range(2_000, 6_500)))
    } else if village {
        (DuesCategory::Farmer, Fen(0))
    } else {
        (DuesCategory::Employed, Fen::yuan(rng.range(2_500, 12_000)))
    };
    let policy = DuesPolicy::default();
    let expected = monthly_dues(category, base, &policy);
    let monthly = if rng.chance(10) {
        Fen(expected.0 + 100)
    } else {
        expected
    };
    let now = Month::of(today);
    let behind = match rng.range(0, 999) {
        0..=19 => rng.range(6, 9) as i64,
        20..=99 => rng.range(1, 3) as i64,
        _ => 0,
    };
    let paid_through = now.plus(-behind).max(Month::of(joined_on));
    cx.sink.put(DuesRecord {
        member,
        category,
        base,
        monthly: Some(monthly),
        paid_through: Some(paid_through),
    })?;
    if village && age < 55 && rng.chance(60) {
        let left_on = day_between(&mut rng, day(2025, 3, 1), today);
        let returned_on = rng
            .chance(300)
            .then(|| day_between(&mut rng, left_on, today));
        cx.sink.put(OutflowRecord {
            member,
            left_on,
            destination: rng.pick(&PLACES).copied().unwrap_or("外省").into(),
            returned_on,
        })?;
    }
    // A relation received here from a neighbouring branch, or sent there and not yet
    // received (the member stays on this branch's roster until it is).
    if rng.chance(8)
        && let Some(other) = rng.pick(neighbours).copied().filter(|o| *o != branch.id)
    {
        let sent_on = day_between(&mut rng, day(2026, 6, 1), today - Duration::days(3));
        let received_on = rng
            .chance(600)
            .then(|| sent_on + Duration::days(rng.range(1, 30) as i64))
            .filter(|d| *d <= today);
        let (from, to) = if received_on.is_some() {
            (other, branch.id)
        } else {
            (branch.id, other)
        };
        cx.sink.put(TransferRecord {
            member,
            from,
            to,
            sent_on,
            received_on,
        })?;
    }
    Ok(())
}
