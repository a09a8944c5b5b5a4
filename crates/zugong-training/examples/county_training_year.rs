//! A county's year of member training (fictional data): plan coverage over the three tiers,
//! run the classes, find who is short of 32学时 in November, close the gap with the township
//! committees' fallback classes, and roll the figures up the tree.
//!
//! Run with `cargo run -p zugong-training --example county_training_year`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    missing_docs
)]

use std::collections::BTreeMap;
use std::error::Error;

use chrono::{NaiveDate, TimeZone, Utc};
use zugong_core::journal::{Act, Journal};
use zugong_core::*;
use zugong_training::*;

fn id(n: u128) -> OrgUnitId {
    OrgUnitId::from_uuid(uuid::Uuid::from_u128(n))
}

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, d).unwrap()
}

/// Each member's ledger and its journal, kept by the county's organization department.
type Ledgers = BTreeMap<MemberId, (HoursLedger, Journal<HoursLedger>)>;

/// Opens the member's ledger if needed, then credits it.
fn credit_member(
    ledgers: &mut Ledgers,
    tree: &OrgTree,
    member: MemberId,
    unit: OrgUnitId,
    credit: Credit,
    act: Act,
    reason: &str,
) -> Result<(), Box<dyn Error>> {
    let ctx = LedgerContext { tree };
    let stream = HoursLedgerId::from_uuid(*member.as_uuid());
    let (ledger, journal) = ledgers.entry(member).or_default();
    if ledger.owner().is_none() {
        let open = LedgerCommand::Open { member, unit };
        journal.execute(stream, open, act, "建档", &ctx)?;
    }
    journal.execute(stream, LedgerCommand::Credit(credit), act, reason, &ctx)?;
    *ledger = journal.state(stream).cloned().unwrap_or_default();
    Ok(())
}

fn main() -> Result<(), Box<dyn Error>> {
    // 银川市 → 永宁县 → 3 townships → 2 villages each.
    let mut units = vec![
        OrgUnit::new(
            id(1),
            "中共银川市委员会",
            OrgKind::Committee,
            AdminLevel::Prefectural,
        ),
        OrgUnit::new(
            id(2),
            "中共永宁县委员会",
            OrgKind::Committee,
            AdminLevel::County,
        )
        .with_parent(id(1)),
    ];
    let towns = [
        ("杨和镇", ["红星村", "观湖村"]),
        ("望洪镇", ["东和村", "西和村"]),
        ("闽宁镇", ["原隆村", "福宁村"]),
    ];
    let mut branches = Vec::new();
    for (t, (town, villages)) in towns.iter().enumerate() {
        let tid = id(10 + t as u128);
        units.push(
            OrgUnit::new(
                tid,
                format!("中共{town}委员会"),
                OrgKind::Committee,
                AdminLevel::Township,
            )
            .with_parent(id(2)),
        );
        for (v, village) in villages.iter().enumerate() {
            let bid = id(100 + 10 * t as u128 + v as u128);
            units.push(
                OrgUnit::new(
                    bid,
                    format!("{town}{village}党支部"),
                    OrgKind::Branch,
                    AdminLevel::Village,
                )
                .with_parent(tid),
            );
            branches.push((bid, tid));
        }
    }
    let tree = OrgTree::from_units(units)?;
    let policy = TrainingPolicy::default();

    // 20 members per branch; the first of each branch is its secretary; some work away in June.
    let mut members = Vec::new();
    for (b, (branch, _)) in branches.iter().enumerate() {
        for k in 0..20u128 {
            let n = 1000 + b as u128 * 100 + k;
            let mut groups = vec![MemberGroup::Member];
            if k == 0 {
                groups.push(MemberGroup::Secretary);
            }
            let unavailable = if k % 9 == 8 {
                vec![(day(6, 1), day(6, 30))]
            } else {
                vec![]
            };
            members.push(CoverageMember {
                member: MemberId::from_uuid(uuid::Uuid::from_u128(n)),
                unit: *branch,
                groups,
                unavailable,
            });
        }
    }

    let class = |n: u128,
                 tier,
                 organizer,
                 capacity,
                 targets: Vec<MemberGroup>,
                 from: NaiveDate,
                 to: NaiveDate| CoverageClass {
        class: TrainingClassId::from_uuid(uuid::Uuid::from_u128(n)),
        tier,
        organizer,
        targets,
        capacity,
        starts_on: from,
        ends_on: to,
    };
    let mut classes = vec![
        class(
            1,
            TrainingTier::CityKey,
            id(1),
            50,
            vec![MemberGroup::Secretary],
            day(4, 20),
            day(4, 24),
        ),
        class(
            2,
            TrainingTier::CountyUniversal,
            id(2),
            60,
            vec![MemberGroup::Member],
            day(6, 8),
            day(6, 11),
        ),
    ];
    // Only two townships planned fallback classes at first.
    classes.push(class(
        10,
        TrainingTier::GrassrootsFallback,
        id(10),
        40,
        vec![MemberGroup::Member],
        day(9, 14),
        day(9, 17),
    ));
    classes.push(class(
        11,
        TrainingTier::GrassrootsFallback,
        id(11),
        40,
        vec![MemberGroup::Member],
        day(9, 21),
        day(9, 24),
    ));

    let plan = plan_coverage(&tree, &members, &classes, &TierPolicy::default())?;
    let [city, county, grassroots] = plan.seated_by_tier();
    println!("== 兜底 coverage plan: {} members ==", members.len());
    println!(
        "  {}: {city}  {}: {county}  {}: {grassroots}",
        TrainingTier::CityKey,
        TrainingTier::CountyUniversal,
        TrainingTier::GrassrootsFallback
    );
    let mut reasons: BTreeMap<String, usize> = BTreeMap::new();
    for (_, r) in &plan.uncovered {
        *reasons.entry(r.to_string()).or_default() += 1;
    }
    println!("  uncovered: {} {reasons:?}", plan.uncovered.len());

    // The 闽宁镇 committee adds a fallback class; plan again.
    classes.push(class(
        12,
        TrainingTier::GrassrootsFallback,
        id(12),
        40,
        vec![MemberGroup::Member],
        day(10, 12),
        day(10, 15),
    ));
    let plan = plan_coverage(&tree, &members, &classes, &TierPolicy::default())?;
    println!(
        "  after 闽宁镇 adds a class: uncovered {}",
        plan.uncovered.len()
    );

    // Run the classes of the plan: the city and county classes are 32学时, the fallback classes 24; everyone attends
    // fully except one member per class who is away for 8学时 and one who takes leave above 1/7.
    let actor = ActorId::from_uuid(uuid::Uuid::from_u128(7));
    let mut ledgers: Ledgers = BTreeMap::new();
    let unit_of: BTreeMap<MemberId, OrgUnitId> =
        members.iter().map(|m| (m.member, m.unit)).collect();
    let mut withdrawn = 0;
    for c in &classes {
        let hours = if c.tier == TrainingTier::GrassrootsFallback {
            24
        } else {
            32
        };
        let authority = Authority::organization_department(c.organizer);
        let ctx = ClassContext {
            tree: &tree,
            policy: &policy,
        };
        let at = Utc.from_utc_datetime(&c.starts_on.and_hms_opt(9, 0, 0).unwrap());
        let start = Act::new(at, actor, authority);
        let mut journal = Journal::<TrainingClass>::new();
        let plan_cmd = ClassCommand::Plan(ClassPlan {
            id: c.class,
            name: format!("2026年{}", c.tier),
            organizer: c.organizer,
            delivered_by: None,
            tier: c.tier,
            kind: TrainingKind::Rotational,
            mode: TrainingMode::Concentrated,
            targets: c.targets.clone(),
            starts_on: c.starts_on,
            ends_on: c.ends_on,
            days: 4,
            hours: StudyHours::whole(hours),
            capacity: c.capacity,
        });
        journal.execute(c.class, plan_cmd, start, "班次管理", &ctx)?;
        let seated: Vec<MemberId> = plan
            .assignments
            .iter()
            .filter(|a| a.class == c.class)
            .map(|a| a.member)
            .collect();
        for (k, m) in seated.iter().enumerate() {
            journal.execute(
                c.class,
                ClassCommand::Enrol {
                    member: *m,
                    unit: unit_of[m],
                },
                start,
                "班次管理",
                &ctx,
            )?;
            let (attend, leave) = match k % 17 {
                3 => (hours - 8, 0),
                5 => (hours - 4, 4),
                _ => (hours, 0),
            };
            if leave > 0 {
                journal.execute(
                    c.class,
                    ClassCommand::RecordLeave {
                        member: *m,
                        hours: StudyHours::whole(leave),
                    },
                    start,
                    "班次管理",
                    &ctx,
                )?;
            }
            let _ = journal.execute(
                c.class,
                ClassCommand::RecordAttendance {
                    member: *m,
                    hours: StudyHours::whole(attend),
                },
                start,
                "班次管理",
                &ctx,
            );
        }
        let close = Act::on_day(c.ends_on, 0, actor, authority);
        journal.execute(c.class, ClassCommand::Close, close, "班次管理", &ctx)?;
        let state = journal.state(c.class).cloned().unwrap_or_default();
        for (m, p) in state.participants() {
            if p.status == ParticipantStatus::Withdrawn {
                withdrawn += 1;
                continue;
            }
            let keeper = Authority::organization_department(id(2));
            let credit = Credit {
                class: Some(c.class),
                on: c.ends_on,
                tier: Some(c.tier),
                kind: TrainingKind::Rotational,
                mode: TrainingMode::Concentrated,
                hours: p.credited,
                days: 4,
            };
            credit_member(
                &mut ledgers,
                &tree,
                *m,
                unit_of[m],
                credit,
                Act::new(at, actor, keeper),
                "学时登记",
            )?;
        }
        println!(
            "  {} ({}): {} seated, journal of {} entries",
            c.tier,
            tree.get(c.organizer).unwrap().name,
            seated.len(),
            journal.len()
        );
    }
    println!("  退学 for leave above 1/7: {withdrawn}");

    // November: who is short of 32学时?
    let profile = TrainingProfile {
        member: true,
        ..Default::default()
    };
    let empty = HoursLedger::default();
    let short: Vec<(MemberId, StudyHours)> = members
        .iter()
        .filter_map(|m| {
            let ledger = ledgers.get(&m.member).map_or(&empty, |(l, _)| l);
            let check = check_requirements(&profile, ledger, day(11, 1), &policy)
                .into_iter()
                .next()?;
            (!check.is_met()).then_some((m.member, check.missing.hours))
        })
        .collect();
    println!(
        "\n== 2026-11-01: {} members short of {} ==",
        short.len(),
        policy.member_yearly_hours
    );
    for (m, missing) in short.iter().take(5) {
        println!("  {m} is missing {missing}");
    }

    // Roll up by township before and after a fallback class for everyone short.
    let rollup = |ledgers: &Ledgers| -> Result<Vec<UnitTraining>, RollupError> {
        let rows: Vec<MemberRow> = members
            .iter()
            .map(|m| MemberRow {
                unit: unit_row(tree.slot(m.unit).unwrap()),
                required: policy.member_yearly_hours,
            })
            .collect();
        let mut attendance = Vec::new();
        for (i, m) in members.iter().enumerate() {
            if let Some((l, _)) = ledgers.get(&m.member) {
                for c in l.credits() {
                    attendance.push(AttendanceRow {
                        member: i as u32,
                        tier: c.tier.unwrap_or(TrainingTier::GrassrootsFallback),
                        hours: c.hours,
                    });
                }
            }
        }
        training_rollup(&tree, &rows, &attendance)
    };
    let before = rollup(&ledgers)?;
    let keeper = Authority::organization_department(id(2));
    let at = Utc.with_ymd_and_hms(2026, 11, 20, 17, 0, 0).unwrap();
    for (m, missing) in &short {
        let credit = Credit {
            class: None,
            on: day(11, 20),
            tier: Some(TrainingTier::GrassrootsFallback),
            kind: TrainingKind::Rotational,
            mode: TrainingMode::Concentrated,
            hours: *missing,
            days: 2,
        };
        credit_member(
            &mut ledgers,
            &tree,
            *m,
            unit_of[m],
            credit,
            Act::new(at, actor, keeper),
            "兜底培训补学",
        )?;
    }
    let after = rollup(&ledgers)?;
    println!("\n== roll-up by committee: met / members (completion) before → after fallback ==");
    for u in tree.units().iter().filter(|u| u.kind.is_committee()) {
        let s = tree.slot(u.id).unwrap().index();
        let (b, a) = (before[s], after[s]);
        println!(
            "  {:<12} {:>3}/{:<3} ({:>4}‰) → {:>3}/{:<3} ({:>4}‰), {} 学时 credited",
            u.name,
            b.met,
            b.members,
            b.completion_permille().unwrap_or(0),
            a.met,
            a.members,
            a.completion_permille().unwrap_or(0),
            a.hours()
        );
    }
    Ok(())
}
