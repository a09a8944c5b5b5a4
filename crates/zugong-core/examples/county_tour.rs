//! A tour of zugong-core on a fictional but realistic county of Ningxia: 永宁县 under 银川市.
//!
//! Run with `cargo run -p zugong-core --example county_tour`. Names are fictional; ID
//! numbers are made up but valid under GB 11643-1999 (area code 640121, 永宁县).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    missing_docs
)]

use std::collections::BTreeMap;
use std::error::Error;

use chrono::NaiveDate;
use zugong_core::*;

fn id(n: u128) -> OrgUnitId {
    OrgUnitId::from_uuid(uuid::Uuid::from_u128(n))
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

/// Full members per branch.
type MemberCounts = Vec<(OrgUnitId, u64)>;

fn county() -> Result<(OrgTree, MemberCounts), Box<dyn Error>> {
    let yongning = DivisionCode::new("640121")?;
    let mut units = vec![
        OrgUnit::new(
            id(1),
            "中共银川市委员会",
            OrgKind::Committee,
            AdminLevel::Prefectural,
        )
        .with_division(DivisionCode::new("640100")?),
        OrgUnit::new(
            id(2),
            "中共永宁县委员会",
            OrgKind::Committee,
            AdminLevel::County,
        )
        .with_parent(id(1))
        .with_division(yongning),
        OrgUnit::new(
            id(3),
            "中共永宁县直属机关工作委员会",
            OrgKind::WorkingCommittee,
            AdminLevel::County,
        )
        .with_parent(id(2))
        .with_host(UnitKind::Organ),
    ];
    // Townships and their villages, with full members per village branch.
    let towns: [(&str, &[(&str, u64)]); 6] = [
        ("杨和镇", &[("红星村", 46), ("观湖村", 38), ("旺全村", 29)]),
        ("李俊镇", &[("金塔村", 41), ("宁化村", 33)]),
        ("望远镇", &[("板桥村", 52), ("通桥村", 27), ("丰盈村", 31)]),
        ("望洪镇", &[("东和村", 36), ("西和村", 24)]),
        ("闽宁镇", &[("原隆村", 58), ("福宁村", 44), ("木兰村", 39)]),
        ("胜利乡", &[("胜利村", 22), ("烽火村", 19)]),
    ];
    let mut members = Vec::new();
    let mut next = 100u128;
    for (t, (town, villages)) in towns.iter().enumerate() {
        let town_id = id(10 + t as u128);
        units.push(
            OrgUnit::new(
                town_id,
                format!("中共{town}委员会"),
                OrgKind::Committee,
                AdminLevel::Township,
            )
            .with_parent(id(2))
            .with_division(yongning),
        );
        for (village, count) in villages.iter() {
            let v = id(next);
            next += 1;
            units.push(
                OrgUnit::new(
                    v,
                    format!("{town}{village}党支部"),
                    OrgKind::Branch,
                    AdminLevel::Village,
                )
                .with_parent(town_id)
                .with_host(UnitKind::Village),
            );
            members.push((v, *count));
        }
    }
    // Organ branches under the working committee, and a private enterprise's branch.
    for (name, count) in [
        ("县委组织部机关党支部", 18),
        ("县教育局机关党支部", 26),
        ("县卫生健康局机关党支部", 21),
    ] {
        let b = id(next);
        next += 1;
        units.push(
            OrgUnit::new(b, name, OrgKind::Branch, AdminLevel::County)
                .with_parent(id(3))
                .with_host(UnitKind::Organ),
        );
        members.push((b, count));
    }
    let firm = id(next);
    units.push(
        OrgUnit::new(
            firm,
            "宁夏某葡萄酒庄有限公司党支部",
            OrgKind::Branch,
            AdminLevel::Township,
        )
        .with_parent(id(14))
        .with_host("非公企业".parse()?),
    );
    members.push((firm, 9));
    Ok((OrgTree::from_units(units)?, members))
}

fn main() -> Result<(), Box<dyn Error>> {
    let (tree, members) = county()?;
    println!("== 组织体系 Organization tree: 永宁县 ==");
    let mut by_kind: BTreeMap<String, usize> = BTreeMap::new();
    for u in tree.units() {
        *by_kind.entry(u.kind.to_string()).or_default() += 1;
    }
    for (kind, n) in &by_kind {
        println!("  {kind}: {n}");
    }
    // Members per branch, rolled up the tree in one pass.
    let mut own = vec![0u64; tree.len()];
    for (unit, count) in &members {
        own[tree.slot(*unit).expect("known unit").index()] = *count;
    }
    let totals = tree.rollup(&own)?;
    println!("  正式党员 full members by committee (rolled up):");
    for u in tree.units().iter().filter(|u| u.kind.is_committee()) {
        let total = totals[tree.slot(u.id).expect("known").index()];
        let depth = tree.depth(u.id)?;
        println!("    {}{} — {total}", "  ".repeat(depth as usize), u.name);
    }
    let firm = tree.units().last().expect("non-empty");
    let chain: Vec<&str> = tree.ancestors(firm.id)?.map(|u| u.name.as_str()).collect();
    println!(
        "  {} ({}) → {}",
        firm.name,
        firm.host.as_ref().map_or("-".into(), ToString::to_string),
        chain.join(" → ")
    );

    println!("\n== 人员 People: 三龄 on 2026-12-31 ==");
    let on = day(2026, 12, 31);
    let people = [
        (
            "马志远",
            "640121197803151012",
            day(1999, 7, 1),
            Some((day(1998, 5, 20), day(1999, 5, 20))),
            EducationLevel::Undergraduate,
        ),
        (
            "李红梅",
            "640121198507222028",
            day(2007, 8, 1),
            Some((day(2006, 6, 1), day(2007, 6, 1))),
            EducationLevel::Postgraduate,
        ),
        (
            "杨建华",
            "640121199001083037",
            day(2012, 9, 1),
            Some((day(2013, 7, 1), day(2014, 7, 1))),
            EducationLevel::JuniorCollege,
        ),
        (
            "海涛",
            "640121199612055254",
            day(2019, 7, 15),
            None,
            EducationLevel::Undergraduate,
        ),
    ];
    for (n, (name, number, work, party, edu)) in people.into_iter().enumerate() {
        let number: CitizenIdNumber = number.parse()?;
        let mut p = Person::new(
            PersonId::from_uuid(uuid::Uuid::from_u128(1000 + n as u128)),
            name,
            number.sex(),
            number.birth_date(),
        )?;
        p.set_citizen_id(Some(number));
        p.set_ethnicity(Some(Ethnicity::new(if n % 2 == 0 {
            "回族"
        } else {
            "汉族"
        })?));
        p.set_work_start(Some(work))?;
        if let Some((joined, full)) = party {
            p.set_party_dates(Some(joined), Some(full))?;
            p.set_political_status(PoliticalStatus::CpcMember);
        }
        p.add_education(EducationRecord {
            level: edu,
            degree: None,
            mode: StudyMode::FullTime,
            completion: Completion::Graduated,
            institution: "宁夏大学".into(),
            major: "行政管理".into(),
            finished_on: None,
        });
        println!(
            "  {} {} {} 身份证 {} | 年龄 {} 工龄 {} 党龄 {} | {} | 学历 {}",
            p.name(),
            p.sex(),
            p.ethnicity().map_or("", Ethnicity::as_str),
            p.citizen_id().map_or(String::new(), ToString::to_string),
            p.age_on(on),
            p.work_years_on(on).unwrap_or(0),
            p.party_standing_on(on)
                .map_or("—".into(), |y| y.to_string()),
            p.political_status(),
            p.highest_education().map_or("—".into(), |e| e.to_string()),
        );
    }
    match "640121199612055255".parse::<CitizenIdNumber>() {
        Ok(_) => println!("  unexpected: a bad check character was accepted"),
        Err(e) => println!("  a mistyped ID number is refused: {e}"),
    }

    println!("\n== 管理权限 Jurisdiction (下管一级) ==");
    let policy = JurisdictionPolicy::default();
    let county_dept = Authority::organization_department(id(2));
    let city_dept = Authority::organization_department(id(1));
    let checks = [
        (
            "县委组织部 → 杨和镇 乡科级正职",
            county_dept.check_post(&tree, &policy, id(10), LeadershipRank::TownshipSectionChief),
        ),
        (
            "县委组织部 → 县委 县处级副职",
            county_dept.check_post(&tree, &policy, id(2), LeadershipRank::CountyDivisionDeputy),
        ),
        (
            "市委组织部 → 县委 县处级副职",
            city_dept.check_post(&tree, &policy, id(2), LeadershipRank::CountyDivisionDeputy),
        ),
        (
            "杨和镇党委 → 李俊镇金塔村党支部",
            Authority::party_committee(id(10)).check_unit(&tree, id(103)),
        ),
    ];
    let name = |id: OrgUnitId| {
        tree.get(id)
            .map_or_else(|| id.to_string(), |u| u.name.clone())
    };
    for (what, result) in checks {
        match result {
            Ok(()) => println!("  ✓ {what}"),
            Err(AuthorityError::OutsideSubtree {
                authority, target, ..
            }) => {
                println!(
                    "  ✗ {what}: {} is outside the subtree of {}",
                    name(target),
                    name(authority)
                );
            }
            Err(e) => println!("  ✗ {what}: {e} [{}]", e.citation()),
        }
    }

    println!("\n== 工作日 Working days (国务院办公厅 schedules) ==");
    let cal = WorkCalendar::official();
    for start in [day(2026, 9, 30), day(2026, 2, 12), day(2026, 4, 30)] {
        let end = cal.span_end(start, 5)?;
        println!(
            "  任前公示 from {start}: 5 working days end on {end} ({} calendar days)",
            (end - start).num_days() + 1
        );
    }
    if let Err(e) = cal.span_end(day(2027, 1, 4), 5) {
        println!("  2027: {e}");
    }

    println!("\n== 职级晋升年限 Years before promotion to a grade ==");
    let grades = GradePromotionPolicy::default();
    let from = RankOrGrade::Grade(CivilServiceGrade::SecondClassPrincipalStaff);
    for excellent in 0..=2 {
        let months = grades
            .months_required(from, CivilServiceGrade::FirstClassPrincipalStaff, excellent)
            .unwrap_or(0);
        println!(
            "  {from} → {}: {months} months with {excellent} 优秀 year(s) [{}]",
            CivilServiceGrade::FirstClassPrincipalStaff,
            grades.citations()[0].1
        );
    }
    Ok(())
}
