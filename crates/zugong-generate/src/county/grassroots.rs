//! A branch's year of organizational life (三会一课, 主题党日), its term and the election that
//! began it, the village's collective economy and the meetings its cadres attended for
//! others; and the county's 两新 organizations.
//!
//! Drawn from streams of their own (forked by branch), so that adding them shifted none of
//! the other tables of a seed.

use chrono::{Datelike, NaiveDate};
use zugong_branch::{CoverageMethod, ElectionMethod, Lecturer, MeetingKind, TermBody};
use zugong_core::{InstitutionId, OrgUnitId, UnitKind, Yuan};

use crate::rng::Rng;
use crate::{Ids, Sink, as_of};
use zugong_dataset::{
    CollectiveReturnRecord, ElectionRecord, MeetingRecord, SummonedMeetingRecord, TermRecord,
    TwoNewRecord,
};

use super::*;

/// A stream of its own for `unit` and `what`.
fn stream(rng: &Rng, unit: OrgUnitId, what: u64) -> Rng {
    stream_of(rng, unit.as_uuid().as_u128(), what)
}

/// A stream of its own for a record's id bits and `what`.
pub(super) fn stream_of(rng: &Rng, bits: u128, what: u64) -> Rng {
    let folded = (bits as u64) ^ ((bits >> 64) as u64);
    // Mixed twice, and with the parent's seed stream: ids differ in a few low bits, and
    // streams that close are not independent.
    let mut mix = Rng::new(folded ^ what.wrapping_mul(0x2545_f491_4f6c_dd1d));
    let first = mix.next();
    Rng::new(first ^ mix.next().rotate_left(29) ^ rng.clone().next())
}

const TOPICS: [&str; 6] = [
    "学习贯彻党的二十届四中全会精神",
    "研究发展党员工作",
    "部署年度重点工作",
    "学习党章党规",
    "讨论党费收缴情况",
    "开展志愿服务",
];

/// One meeting, on a day in `from..=to`.
#[allow(clippy::too_many_arguments)]
fn meeting<S: Sink>(
    cx: &mut Ctx<'_, S>,
    rng: &mut Rng,
    branch: OrgUnitId,
    kind: MeetingKind,
    from: NaiveDate,
    to: NaiveDate,
    expected: u32,
    lecturer: Option<Lecturer>,
) -> std::io::Result<()> {
    let held = day_between(rng, from, to.min(as_of()));
    // About one assembly in forty is held without half the members (it does not count).
    let present = if kind == MeetingKind::MemberAssembly && rng.chance(25) {
        expected * 2 / 5
    } else {
        (expected * rng.range(80, 100) as u32 / 100).max(1)
    };
    let topic = TOPICS
        .get(rng.range(0, TOPICS.len() as u64 - 1) as usize)
        .copied()
        .unwrap_or("学习");
    cx.sink.put(MeetingRecord {
        branch,
        kind,
        held,
        planned: None,
        expected,
        present: present.min(expected),
        topic: topic.into(),
        lecturer,
    })
}

/// The last day of `month` of `year`.
fn month_end(year: i32, month: u32) -> Option<NaiveDate> {
    let (y, m) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1).and_then(|d| d.pred_opt())
}

/// The branch's meetings from January to the dataset's day: a 主题党日 and (with a committee)
/// a 支委会 each month, a 党员大会 and a 党课 each quarter (the first by the secretary). A
/// branch that does not hold its organizational life (`holds_life` false) stops after March.
pub(super) fn meetings<S: Sink>(
    cx: &mut Ctx<'_, S>,
    branch: OrgUnitId,
    members: u32,
    holds_life: bool,
) -> std::io::Result<()> {
    let mut rng = stream(cx.rng, branch, 1);
    let today = as_of();
    let year = today.year();
    let last_month = if holds_life { today.month() } else { 3 };
    let members = members.max(3);
    for month in 1..=last_month {
        let (Some(first), Some(last)) = (
            NaiveDate::from_ymd_opt(year, month, 1),
            month_end(year, month),
        ) else {
            continue;
        };
        meeting(
            cx,
            &mut rng,
            branch,
            MeetingKind::ThemedPartyDay,
            first,
            last,
            members,
            None,
        )?;
        if members >= 7 {
            meeting(
                cx,
                &mut rng,
                branch,
                MeetingKind::Committee,
                first,
                last,
                5,
                None,
            )?;
        }
        if month % 3 == 1 {
            let end = month_end(year, month + 2).unwrap_or(last);
            meeting(
                cx,
                &mut rng,
                branch,
                MeetingKind::MemberAssembly,
                first,
                end,
                members,
                None,
            )?;
            let lecturer = if month == 1 {
                Lecturer::BranchSecretary
            } else {
                rng.pick(&[Lecturer::Member, Lecturer::LeadingCadre, Lecturer::Guest])
                    .copied()
                    .unwrap_or(Lecturer::Member)
            };
            meeting(
                cx,
                &mut rng,
                branch,
                MeetingKind::PartyLecture,
                first,
                end,
                members,
                Some(lecturer),
            )?;
        }
    }
    Ok(())
}

/// The branch's current term and, for a term begun this year, the election that began it.
/// Village committees were mostly renewed in the spring (5 years); other branches' 3-year
/// terms are spread over the last three years, so some end within the reminder window; about
/// one in forty is past its term.
pub(super) fn term<S: Sink>(
    cx: &mut Ctx<'_, S>,
    branch: OrgUnitId,
    village: bool,
    members: u32,
) -> std::io::Result<()> {
    let mut rng = stream(cx.rng, branch, 2);
    let today = as_of();
    let overdue = rng.chance(25);
    let (body, elected_on) = if village {
        let on = if overdue {
            day_between(&mut rng, day(2021, 1, 5), day(2021, 3, 31))
        } else {
            day_between(&mut rng, day(2026, 1, 5), day(2026, 3, 31))
        };
        (TermBody::VillageOrCommunity, on)
    } else {
        let on = if overdue {
            day_between(&mut rng, day(2022, 6, 1), day(2023, 9, 30))
        } else {
            day_between(&mut rng, day(2023, 12, 15), day(2026, 10, 31))
        };
        (TermBody::Branch, on)
    };
    cx.sink.put(TermRecord {
        unit: branch,
        body,
        elected_on,
        shifted_to: None,
        shift_approved_on: None,
    })?;
    if elected_on.year() == today.year() {
        let entitled = members.max(3);
        // About one election in fifty was held with too few present.
        let share = if rng.chance(20) {
            75
        } else {
            rng.range(88, 100) as u32
        };
        let present = (entitled * share).div_ceil(100).clamp(1, entitled);
        let (places, method) = if entitled >= 7 {
            (
                if entitled >= 20 { 5u32 } else { 3 },
                ElectionMethod::Competitive,
            )
        } else {
            (1, ElectionMethod::Uncontested)
        };
        let candidates = match method {
            ElectionMethod::Competitive => places + (places * 200).div_ceil(1000),
            ElectionMethod::Uncontested => places,
        };
        let votes = (0..candidates)
            .map(|i| {
                if i < places {
                    present * rng.range(70, 100) as u32 / 100
                } else {
                    present * rng.range(10, 45) as u32 / 100
                }
            })
            .collect();
        cx.sink.put(ElectionRecord {
            unit: branch,
            held_on: elected_on,
            entitled,
            present,
            places,
            method,
            votes,
        })?;
    }
    Ok(())
}

/// A village's collective accounts for last year: about one in twenty with no operating
/// income (only subsidies), one in six below 10万元, the rest from 10万 to a few 百万.
pub(super) fn economy<S: Sink>(cx: &mut Ctx<'_, S>, village: OrgUnitId) -> std::io::Result<()> {
    let mut rng = stream(cx.rng, village, 3);
    let band = rng.range(0, 99);
    let operating = match band {
        0..=4 => 0,
        5..=20 => rng.range(5_000, 99_000),
        21..=94 => rng.range(100_000, 1_200_000),
        _ => rng.range(1_200_000, 6_000_000),
    };
    let share = |rng: &mut Rng, total: u64| total * rng.range(0, 100) / 100;
    let contracting = share(&mut rng, operating);
    let leasing = share(&mut rng, operating - contracting);
    let services = share(&mut rng, operating - contracting - leasing);
    let investment = operating - contracting - leasing - services;
    cx.sink.put(CollectiveReturnRecord {
        village,
        year: as_of().year() - 1,
        contracting: Yuan(contracting),
        leasing: Yuan(leasing),
        services: Yuan(services),
        operations: Yuan(0),
        investment: Yuan(investment),
        subsidy: Yuan(rng.range(50_000, 300_000)),
        other: Yuan(rng.range(0, 20_000)),
        assets: Yuan(rng.range(500_000, 20_000_000)),
    })
}

/// Meetings a village's cadres were called to for other bodies (陪会): none to four, from the
/// county departments and the town.
pub(super) fn summoned<S: Sink>(
    cx: &mut Ctx<'_, S>,
    village: OrgUnitId,
    sources: &[OrgUnitId],
) -> std::io::Result<()> {
    const TOPICS: [&str; 4] = ["专项工作推进会", "视频调度会", "现场观摩会", "业务培训会"];
    let mut rng = stream(cx.rng, village, 4);
    for i in 0..rng.range(0, 4) {
        let Some(source) = rng.pick(sources).copied() else {
            break;
        };
        let held_on = day_between(&mut rng, day(2026, 1, 10), as_of());
        cx.sink.put(SummonedMeetingRecord {
            branch: village,
            source,
            held_on,
            attendees: rng.range(1, 2) as u32,
            topic: TOPICS
                .get(i as usize % TOPICS.len())
                .copied()
                .unwrap_or("会议")
                .into(),
        })?;
    }
    Ok(())
}

/// The county's 两新 organizations: each enterprise with a branch of its own; small firms,
/// social organizations and platform stations under the towns — most with one or two members
/// in a joint branch or with an instructor, a few with three or more and no organization (the
/// finding a department looks for).
pub(super) fn two_new_orgs<S: Sink>(
    cx: &mut Ctx<'_, S>,
    two_new: &Unit,
    enterprises: &[Unit],
    towns: &[(Unit, Vec<Unit>)],
) -> std::io::Result<()> {
    const SMALL: [(&str, &str, &str); 6] = [
        ("快递服务站", "new_employment_group", "快递物流"),
        ("外卖配送站", "new_employment_group", "外卖配送"),
        ("网约车服务点", "new_employment_group", "网约车"),
        ("律师事务所", "social_organization", "律师行业"),
        ("社会工作服务中心", "social_organization", "社会服务机构"),
        ("商贸有限公司", "non_public_enterprise", "批发零售"),
    ];
    let mut rng = stream(cx.rng, two_new.id, 5);
    let mut n: u128 = 0;
    let mut next_id = |region: u32| {
        n += 1;
        InstitutionId::from_parts(Ids::at(), (u128::from(region) << 40) | n)
    };
    let region = cx.region;
    for e in enterprises {
        let full = rng.range(3, 25) as u32;
        // The same organization in the 单位 registry and in the 两新 table: one id.
        let id = e.institution.unwrap_or_else(|| next_id(region));
        cx.sink.put(TwoNewRecord {
            id,
            name: e.name.trim_end_matches("党支部").to_owned(),
            kind: UnitKind::NonPublicEnterprise,
            area: two_new.id,
            industry: "制造业".into(),
            employees: full * rng.range(5, 20) as u32,
            full_members: full,
            probationary_members: rng.range(0, 2) as u32,
            method: CoverageMethod::Own,
            party_unit: Some(e.id),
        })?;
    }
    let joint = enterprises.first().map(|e| e.id);
    let mut in_joint = 0;
    for (town, _) in towns {
        for (suffix, kind, industry) in SMALL {
            if !rng.chance(600) {
                continue;
            }
            let full = match rng.range(0, 99) {
                0..=44 => 0,
                45..=91 => rng.range(1, 2) as u32,
                _ => rng.range(3, 5) as u32,
            };
            let (method, party_unit) = match (full, joint) {
                (1 | 2, Some(j)) if in_joint < 4 => {
                    in_joint += 1;
                    (CoverageMethod::Joint, Some(j))
                }
                (0, _) if rng.chance(500) => (CoverageMethod::Uncovered, None),
                _ => (CoverageMethod::Instructor, None),
            };
            let kind = serde_json::from_value::<UnitKind>(serde_json::Value::String(kind.into()))
                .unwrap_or(UnitKind::NonPublicEnterprise);
            cx.sink.put(TwoNewRecord {
                id: next_id(region),
                name: format!(
                    "{}{}",
                    town.name
                        .trim_start_matches("中共")
                        .trim_end_matches("委员会"),
                    suffix
                ),
                kind,
                area: town.id,
                industry: industry.into(),
                employees: (full + 2) * rng.range(3, 12) as u32,
                full_members: full,
                probationary_members: 0,
                method,
                party_unit,
            })?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streams_of_neighbouring_ids_are_independent() {
        let mut parent = Rng::new(2026);
        let mut hits = 0;
        for n in 0..2000u128 {
            let _ = parent.next();
            let id = OrgUnitId::from_parts(Ids::at(), n + (1 << 70));
            if stream(&parent, id, 7).chance(150) {
                hits += 1;
            }
        }
        assert!((200..400).contains(&hits), "{hits} of 2000 at 15%");
    }
}
