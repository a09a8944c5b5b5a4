//! Posts, quota lines, cadres with their assessments, and kinship.

use std::collections::BTreeMap;

use chrono::{Datelike, Duration};
use zugong_cadre::{AssessmentGrade, Kinship, Tenure, WorkFunction};
use zugong_core::dates::add_years;
use zugong_core::{
    CadreId, CivilServiceGrade, DivisionCode, EducationLevel, InstitutionId, LeadershipRank,
    Locality, OrgUnitId, PositionId, PostHolder, RankOrGrade,
};

use crate::names;
use crate::{Ids, Shape, Sink, as_of};
use zugong_dataset::{CadreRecord, PostRecord, QuotaRecord, RelationRecord};

use super::*;

/// 乡科级正职.
pub(super) const CHIEF: RankOrGrade = RankOrGrade::Leadership(LeadershipRank::TownshipSectionChief);

/// 乡科级副职.
pub(super) const DEPUTY: RankOrGrade =
    RankOrGrade::Leadership(LeadershipRank::TownshipSectionDeputy);

/// The 职级 held by cadres without a leadership post.
pub(super) const GRADES: [CivilServiceGrade; 5] = [
    CivilServiceGrade::FirstClassPrincipalStaff,
    CivilServiceGrade::SecondClassPrincipalStaff,
    CivilServiceGrade::ThirdClassPrincipalStaff,
    CivilServiceGrade::FourthClassPrincipalStaff,
    CivilServiceGrade::FirstClassStaff,
];

/// A post to create (and usually fill).
pub(super) struct PostPlan<'a> {
    /// The 单位, committee or 党组 the post belongs to.
    holder: PostHolder,
    /// The Party organization its holder works in (the cadre's unit).
    unit: &'a Unit,
    title: &'static str,
    rank: RankOrGrade,
    tenure: Tenure,
    head: bool,
    function: Option<WorkFunction>,
}

impl<'a> PostPlan<'a> {
    /// A post of `unit`'s own: its institution's (a bureau's 局长, a township's 镇长) or, for
    /// `committee`, the Party committee's.
    fn of(
        unit: &'a Unit,
        committee: bool,
        title: &'static str,
        rank: RankOrGrade,
        tenure: Tenure,
    ) -> Self {
        let holder = match unit.institution {
            Some(i) if !committee => PostHolder::Institution(i),
            _ => PostHolder::PartyCommittee(unit.id),
        };
        Self {
            holder,
            unit,
            title,
            rank,
            tenure,
            head: false,
            function: None,
        }
    }

    fn head(mut self) -> Self {
        self.head = true;
        self
    }

    fn with_function(mut self, function: Option<WorkFunction>) -> Self {
        self.function = function;
        self
    }
}

/// The titles of a bureau's head and deputies (乡科级正职 and 副职).
pub(super) fn head_titles(branch_name: &str) -> (&'static str, &'static str) {
    if branch_name.contains("组织部") {
        ("常务副部长", "副部长")
    } else if branch_name.contains("纪委监委") {
        ("纪委副书记、监委副主任", "纪检监察室主任")
    } else if branch_name.contains("分局") {
        ("分局局长", "分局副局长")
    } else {
        ("局长", "副局长")
    }
}

/// A bureau's work function from its serde code.
pub(super) fn function_of(f: Option<&str>) -> Option<WorkFunction> {
    f.and_then(|f| serde_json::from_value(serde_json::Value::String(f.into())).ok())
}

/// The county's posts, quota lines, cadres (leaders, deputies, 职级 holders, now and then one
/// over the quota) and kin in the same unit.
#[allow(clippy::too_many_arguments)]
pub(super) fn cadres<S: Sink>(
    cx: &mut Ctx<'_, S>,
    county: &Unit,
    government: &Unit,
    organs_of_state: &[(Unit, InstitutionId, &'static str, RankOrGrade)],
    bureaus: &[(Unit, Option<&str>)],
    towns: &[(Unit, Vec<Unit>)],
    shape: &Shape,
) -> std::io::Result<()> {
    let county_chief = RankOrGrade::Leadership(LeadershipRank::CountyDivisionChief);
    let county_deputy = RankOrGrade::Leadership(LeadershipRank::CountyDivisionDeputy);
    // The county committee's posts are its own (选任制); the government's belong to the
    // government (elected by the people's congress), its leaders working in its 党组.
    let mut plans = vec![
        PostPlan::of(county, true, "县委书记", county_chief, Tenure::Elected).head(),
        PostPlan::of(government, false, "县长", county_chief, Tenure::Elected),
        PostPlan::of(county, true, "县委副书记", county_deputy, Tenure::Elected),
    ];
    for title in ["常务副县长", "副县长", "副县长"] {
        plans.push(PostPlan::of(
            government,
            false,
            title,
            county_deputy,
            Tenure::Elected,
        ));
    }
    // The organs of state's principal posts: elected by the congress, their holders working in
    // the organ's 党组.
    for (group, _, title, rank) in organs_of_state {
        plans.push(PostPlan::of(group, false, title, *rank, Tenure::Elected).head());
    }
    for (b, f) in bureaus {
        let function = function_of(*f);
        let (head, deputy) = head_titles(&b.name);
        plans.push(
            PostPlan::of(b, false, head, CHIEF, Tenure::Appointed)
                .head()
                .with_function(function),
        );
        for title in [deputy, deputy] {
            plans.push(
                PostPlan::of(b, false, title, DEPUTY, Tenure::Appointed).with_function(function),
            );
        }
    }
    for (t, _) in towns {
        plans.push(PostPlan::of(t, true, "镇党委书记", CHIEF, Tenure::Elected).head());
        plans.push(PostPlan::of(t, false, "镇长", CHIEF, Tenure::Elected));
        for title in [
            "镇党委副书记",
            "副镇长",
            "副镇长",
            "镇党委委员",
            "镇党委委员",
        ] {
            let committee = title.starts_with("镇党委");
            plans.push(PostPlan::of(t, committee, title, DEPUTY, Tenure::Elected));
        }
    }
    // Quota lines: one per holder and rank, as many as the posts.
    let mut lines: Vec<(PostHolder, RankOrGrade, u32)> = Vec::new();
    for p in &plans {
        match lines
            .iter_mut()
            .find(|(h, r, _)| *h == p.holder && *r == p.rank)
        {
            Some(line) => line.2 += 1,
            None => lines.push((p.holder, p.rank, 1)),
        }
    }
    for (holder, rank, allotted) in lines {
        cx.sink.put(QuotaRecord {
            institution: holder.institution(),
            committee: holder.party_organization(),
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
            institution: p.holder.institution(),
            committee: p.holder.party_organization(),
            title: p.title.into(),
            rank: p.rank,
            tenure: p.tenure,
            qualifications: Vec::new(),
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
        if ids.len() >= 2 && cx.rng.chance(150) {
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
pub(super) fn cadre<S: Sink>(
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
        terms_in_post: None,
        education,
        // Derived, not drawn, so the rest of the generated city stays as it was: work from
        // 22, full membership from 24 (the file's 工龄 and 党龄).
        work_started_on: add_years(born, 22).map(|w| w.min(rank_since)),
        full_member_since: add_years(born, 24),
        grassroots_months: cx.rng.range(0, 120) as u16,
        political_score: cx.rng.range(68, 98) as u8,
        // The same draw, in the same place, as the former 培训达标 flag: met is 100 days in the
        // window (three calendar months at most 92), short is three days.
        training_days: Some(if cx.rng.chance(880) { 100 } else { 3 }),
        training_hours: None,
        // Not drawn (the random stream stays as it was): no examination or certificate on
        // file, which the rules read as no finding.
        health_examined_on: None,
        health_conclusion: None,
        qualifications: Vec::new(),
        field: cx.rng.range(0, 9) as u16,
        leads_unit: head,
        function,
        direct_leader,
        home_area: DivisionCode::from_number(home).ok().map(Locality::Division),
        assessments,
    })?;
    cx.counts.cadres += 1;
    Ok(id)
}
