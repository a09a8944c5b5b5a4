//! Posts, cadres, quotas and kinship: references, one holder a post, dates and scores.

use std::collections::BTreeMap;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use chrono::{Datelike, NaiveDate};
use zugong_cadre::{EffectRecord, Post, RelationBook};
use zugong_core::dates::add_years;
use zugong_core::{
    CadreId, InstitutionRegistry, OrgTree, OrgUnitId, PositionId, PostHolder, RankOrGrade,
};

use super::faults::Faults;
use crate::FaultKind;
use crate::text::text;
use crate::{CadreRecord, Fault, PostRecord, QuotaRecord, RelationRecord, Row, SanctionRecord};

/// Checks the posts: each belongs to one known holder.
pub(super) fn posts(
    f: &mut Faults<'_>,
    tree: &OrgTree,
    registry: &InstitutionRegistry,
    rows: Vec<Row<PostRecord>>,
) -> (Vec<Post>, HashMap<PositionId, usize>) {
    let ids: Vec<(PositionId, uuid::Uuid)> = rows
        .iter()
        .map(|r| (r.record.id, *r.record.id.as_uuid()))
        .collect();
    let mut posts: Vec<Post> = Vec::new();
    let mut post_ids: HashMap<PositionId, usize> = HashMap::default();
    for row in rows {
        let (line, p): (u64, PostRecord) = (row.line, row.record);
        let before = f.mark();
        if post_ids.contains_key(&p.id) {
            f.push(
                FaultKind::Duplicate,
                "posts",
                line,
                "id",
                text!("职位 {} 重复出现", "post {} appears twice", p.id),
            );
        }
        let holder = f.holder(
            tree,
            registry,
            Some(p.id.as_uuid()),
            "posts",
            line,
            p.institution,
            p.committee,
        );
        if let Some(holder) = holder
            && f.mark() == before
        {
            post_ids.insert(p.id, posts.len());
            let post = Post::new(p.id, holder, p.title, p.rank, p.tenure);
            posts.push(
                p.qualifications
                    .iter()
                    .fold(post, |post, k| post.requiring(*k)),
            );
        }
    }

    f.refuse(ids, |id| post_ids.contains_key(id));
    (posts, post_ids)
}

/// Checks the cadres against units and posts.
pub(super) fn cadres(
    f: &mut Faults<'_>,
    tree: &OrgTree,
    as_of: NaiveDate,
    rows: Vec<Row<CadreRecord>>,
    posts: &[Post],
    post_ids: &HashMap<PositionId, usize>,
) -> Vec<CadreRecord> {
    let known = |id: OrgUnitId| tree.contains(id);
    let n = rows.len();
    let mut cadres: Vec<CadreRecord> = Vec::with_capacity(n);
    let mut refused_here: Vec<CadreId> = Vec::new();
    let mut cadre_ids: HashSet<CadreId> = HashSet::with_capacity_and_hasher(n, Default::default());
    let mut holders: HashMap<PositionId, CadreId> = HashMap::default();
    let mut cadre_citizens: HashSet<u64> = HashSet::with_capacity_and_hasher(n, Default::default());
    for row in rows {
        let (line, c) = (row.line, row.record);
        let file = "cadres";
        let before = f.mark();
        f.person_keys(
            file,
            line,
            c.id,
            &mut cadre_ids,
            &c.citizen_id,
            &mut cadre_citizens,
            ("干部", "cadre"),
        );
        if !known(c.unit) {
            f.missing(
                Some(c.id.as_uuid()),
                file,
                line,
                "unit",
                "unit",
                c.unit.as_uuid(),
                "org_units",
            );
        }
        if c.health_examined_on.is_some() != c.health_conclusion.is_some() {
            let field = if c.health_examined_on.is_some() {
                "health_conclusion"
            } else {
                "health_examined_on"
            };
            f.push(
                FaultKind::Missing,
                file,
                line,
                field,
                text!(
                    "体检日期与体检结论须同时填写",
                    "a health examination needs both its day and its conclusion"
                ),
            );
        }
        if c.political_score > 100 {
            f.push(
                FaultKind::Inconsistent,
                file,
                line,
                "political_score",
                text!("{} 超过 100", "{} is above 100", c.political_score),
            );
        }
        if c.rank_since > as_of {
            f.push(
                FaultKind::Inconsistent,
                file,
                line,
                "rank_since",
                text!(
                    "{} 晚于数据集日期 {as_of}",
                    "{} is after the dataset's day {as_of}",
                    c.rank_since
                ),
            );
        }
        let born = c.citizen_id.birth_date();
        if add_years(born, 18).is_some_and(|adult| c.rank_since < adult) {
            f.push(
                FaultKind::Inconsistent,
                file,
                line,
                "rank_since",
                text!(
                    "{} 早于年满十八岁（出生于 {born}）",
                    "{} is before the 18th birthday (born {born})",
                    c.rank_since
                ),
            );
        }
        if let Some(since) = c.post_since
            && since > as_of
        {
            f.push(
                FaultKind::Inconsistent,
                file,
                line,
                "post_since",
                text!(
                    "{since} 晚于数据集日期 {as_of}",
                    "{since} is after the dataset's day {as_of}"
                ),
            );
        }
        if let Some(year) = c.assessments.keys().find(|y| **y > as_of.year()) {
            f.push(
                FaultKind::Inconsistent,
                file,
                line,
                "assessments",
                text!(
                    "{year} 年的考核结果晚于数据集年份",
                    "a result for {year}, after the dataset's year"
                ),
            );
        }
        if let Some(post) = c.post {
            match post_ids.get(&post).and_then(|i| posts.get(*i)) {
                None => f.missing(
                    Some(c.id.as_uuid()),
                    file,
                    line,
                    "post",
                    "post",
                    post.as_uuid(),
                    "posts",
                ),
                Some(p) => {
                    if !works_at(tree, c.unit, p.holder) {
                        f.push(
                            FaultKind::Inconsistent,
                            file,
                            line,
                            "post",
                            text!(
                                "职位 {post}（{}）不属于该干部的单位",
                                "post {post} ({}) is not of the cadre's unit",
                                p.title
                            ),
                        );
                    }
                    if let Some(other) = holders.get(&post) {
                        f.push(
                            FaultKind::Inconsistent,
                            file,
                            line,
                            "post",
                            text!(
                                "职位 {post} 已由干部 {other} 担任",
                                "post {post} is already held by cadre {other}"
                            ),
                        );
                    }
                }
            }
        }
        if f.mark() == before {
            if let Some(post) = c.post {
                holders.insert(post, c.id);
            }
            cadres.push(c);
        } else {
            refused_here.push(c.id);
        }
    }
    // A refused cadre whose id another row kept still stands.
    if !refused_here.is_empty() {
        let kept: HashSet<CadreId> = cadres.iter().map(|c| c.id).collect();
        for id in refused_here.into_iter().filter(|id| !kept.contains(id)) {
            f.refuse_one(*id.as_uuid());
        }
    }

    // Direct leaders must be cadres.
    cadres.retain(|c| match c.direct_leader {
        Some(l) if !cadre_ids.contains(&l) => {
            let fault = Fault::file(
                FaultKind::UnknownReference,
                f.file("cadres"),
                text!(
                    "干部 {}：直接上级 {l} 不在 cadres 表中",
                    "cadre {}: direct leader {l} is not in cadres",
                    c.id
                ),
            );
            f.out
                .push(fault.in_field("direct_leader").of_record(c.id.to_string()));
            false
        }
        _ => true,
    });

    cadres
}

/// Checks the quota lines.
/// Whether the cadre's unit (a Party organization) is the post's holder's: the committee or
/// 党组 itself, or an organization set up in the post's institution.
pub(crate) fn works_at(tree: &OrgTree, unit: OrgUnitId, holder: PostHolder) -> bool {
    match holder {
        PostHolder::Institution(i) => tree.get(unit).is_some_and(|u| u.institution == Some(i)),
        PostHolder::PartyCommittee(u) | PostHolder::LeadingGroup(u) => u == unit,
    }
}

/// The holder a cadre counts against: the post's, else the institution its unit is set up in,
/// else its unit's own (a committee or 党组).
pub(crate) fn holder_of(
    tree: &OrgTree,
    posts: &[Post],
    post_ids: &HashMap<PositionId, usize>,
    cadre: &CadreRecord,
) -> Option<PostHolder> {
    if let Some(p) = cadre
        .post
        .and_then(|p| post_ids.get(&p))
        .and_then(|i| posts.get(*i))
    {
        return Some(p.holder);
    }
    let unit = tree.get(cadre.unit)?;
    unit.institution
        .map(PostHolder::Institution)
        .or_else(|| PostHolder::of_party_organization(unit.id, unit.kind))
}

/// One 职数 line as validated: its holder, rank, approved number and planned departures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quota {
    /// The 单位, Party committee or 党组.
    pub holder: PostHolder,
    /// The rank or grade.
    pub rank: RankOrGrade,
    /// 核定职数.
    pub allotted: u32,
    /// 拟退出.
    pub planned_departures: u32,
}

/// Checks the quota lines: one known holder each, one line per holder and rank.
pub(super) fn quotas(
    f: &mut Faults<'_>,
    tree: &OrgTree,
    registry: &InstitutionRegistry,
    rows: Vec<Row<QuotaRecord>>,
) -> Vec<Quota> {
    let mut quotas = Vec::new();
    let mut quota_keys = HashSet::default();
    for row in rows {
        let (line, q) = (row.line, row.record);
        let before = f.mark();
        let holder = f.holder(
            tree,
            registry,
            None,
            "quotas",
            line,
            q.institution,
            q.committee,
        );
        if let Some(h) = holder
            && !quota_keys.insert((h, q.rank))
        {
            f.push(
                FaultKind::Duplicate,
                "quotas",
                line,
                "rank",
                text!(
                    "{}：{} 的职数重复核定",
                    "a second line for {} at {}",
                    q.rank,
                    h.name(tree, registry).unwrap_or_default()
                ),
            );
        }
        if q.planned_departures.is_some_and(|p| p > q.allotted) {
            f.push(
                FaultKind::Inconsistent,
                "quotas",
                line,
                "planned_departures",
                text!(
                    "计划减少多于核定职数",
                    "more departures planned than posts allotted"
                ),
            );
        }
        if let Some(holder) = holder
            && f.mark() == before
        {
            quotas.push(Quota {
                holder,
                rank: q.rank,
                allotted: q.allotted,
                planned_departures: q.planned_departures.unwrap_or(0),
            });
        }
    }

    quotas
}

/// Checks kinship records and builds the book.
pub(super) fn relations(
    f: &mut Faults<'_>,
    rows: Vec<Row<RelationRecord>>,
    cadres: &[CadreRecord],
) -> RelationBook {
    let mut relations = RelationBook::default();
    let present: HashSet<CadreId> = cadres.iter().map(|c| c.id).collect();
    for row in rows {
        let (line, r) = (row.line, row.record);
        let before = f.mark();
        for (field, c) in [("a", r.a), ("b", r.b)] {
            if !present.contains(&c) {
                f.missing(
                    None,
                    "relations",
                    line,
                    field,
                    "cadre",
                    c.as_uuid(),
                    "cadres",
                );
            }
        }
        if r.a == r.b {
            f.push(
                FaultKind::Inconsistent,
                "relations",
                line,
                "b",
                text!("干部与本人存在亲属关系", "a cadre related to themself"),
            );
        }
        if f.mark() == before {
            relations.relate(r.a, r.b, r.kinship);
        }
    }

    relations
}

/// Checks the 处分和组织处理 records and files them by cadre: the cadre must be in the roster,
/// the rank held before must be a leadership rank (a 职级 has none for the rules to compare),
/// and a record may not take effect after the dataset's day.
pub(super) fn sanctions(
    f: &mut Faults<'_>,
    as_of: NaiveDate,
    rows: Vec<Row<SanctionRecord>>,
    cadres: &[CadreRecord],
) -> BTreeMap<CadreId, Vec<EffectRecord>> {
    let mut out: BTreeMap<CadreId, Vec<EffectRecord>> = BTreeMap::new();
    let present: HashSet<CadreId> = cadres.iter().map(|c| c.id).collect();
    for row in rows {
        let (line, r) = (row.line, row.record);
        let before = f.mark();
        if !present.contains(&r.cadre) {
            f.missing(
                None,
                "sanctions",
                line,
                "cadre",
                "cadre",
                r.cadre.as_uuid(),
                "cadres",
            );
        }
        let rank_before = match r.rank_before {
            Some(RankOrGrade::Leadership(rank)) => Some(rank),
            Some(RankOrGrade::Grade(g)) => {
                f.push(
                    FaultKind::Inconsistent,
                    "sanctions",
                    line,
                    "rank_before",
                    text!(
                        "原职务层次“{}”是职级，不是领导职务层次：留空或填写领导职务层次",
                        "the rank before, {}, is a grade, not a leadership rank: leave it empty or give a leadership rank",
                        g
                    ),
                );
                None
            }
            None => None,
        };
        if r.effective_on > as_of {
            f.push(
                FaultKind::Inconsistent,
                "sanctions",
                line,
                "effective_on",
                text!(
                    "生效日期 {} 晚于数据截止日 {}",
                    "takes effect on {}, after the dataset's day {}",
                    r.effective_on,
                    as_of
                ),
            );
        }
        if f.mark() == before {
            out.entry(r.cadre).or_default().push(EffectRecord::new(
                r.kind,
                r.effective_on,
                rank_before,
            ));
        }
    }
    out
}
