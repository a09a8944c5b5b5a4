//! Posts, cadres, quotas and kinship: references, one holder a post, dates and scores.

use std::collections::{HashMap, HashSet};

use chrono::{Datelike, NaiveDate};
use zugong_cadre::{Post, RelationBook};
use zugong_core::dates::add_years;
use zugong_core::{CadreId, OrgTree, OrgUnitId, PositionId};

use super::faults::Faults;
use crate::dataset::{CadreRecord, Fault, PostRecord, QuotaRecord, RelationRecord, Row};
use crate::lang::tr;

/// Checks the posts.
pub(super) fn posts(
    f: &mut Faults<'_>,
    tree: &OrgTree,
    rows: Vec<Row<PostRecord>>,
) -> (Vec<Post>, HashMap<PositionId, usize>) {
    let known = |id: OrgUnitId| tree.contains(id);
    let ids: Vec<(PositionId, uuid::Uuid)> = rows
        .iter()
        .map(|r| (r.record.id, *r.record.id.as_uuid()))
        .collect();
    let mut posts: Vec<Post> = Vec::new();
    let mut post_ids: HashMap<PositionId, usize> = HashMap::new();
    for row in rows {
        let (line, p): (u64, PostRecord) = (row.line, row.record);
        let before = f.mark();
        if post_ids.contains_key(&p.id) {
            f.push(
                "posts",
                line,
                "id",
                tr!(f.lang, "职位 {} 重复出现", "post {} appears twice", p.id),
            );
        }
        if !known(p.unit) {
            f.missing(
                Some(p.id.as_uuid()),
                "posts",
                line,
                "unit",
                "unit",
                p.unit.as_uuid(),
                "org_units",
            );
        }
        if f.mark() == before {
            post_ids.insert(p.id, posts.len());
            posts.push(Post {
                id: p.id,
                unit: p.unit,
                title: p.title,
                rank: p.rank,
                party_post: p.party_post,
                elected: p.elected,
                probation_applies: p.probation_applies,
            });
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
    let cadre_ids_in: Vec<(CadreId, uuid::Uuid)> = rows
        .iter()
        .map(|r| (r.record.id, *r.record.id.as_uuid()))
        .collect();
    let mut cadres: Vec<CadreRecord> = Vec::new();
    let mut cadre_ids: HashSet<CadreId> = HashSet::new();
    let mut holders: HashMap<PositionId, CadreId> = HashMap::new();
    let mut cadre_citizens: HashSet<String> = HashSet::new();
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
        if c.political_score > 100 {
            f.push(
                file,
                line,
                "political_score",
                tr!(f.lang, "{} 超过 100", "{} is above 100", c.political_score),
            );
        }
        if c.rank_since > as_of {
            f.push(
                file,
                line,
                "rank_since",
                tr!(
                    f.lang,
                    "{} 晚于数据集日期 {as_of}",
                    "{} is after the dataset's day {as_of}",
                    c.rank_since
                ),
            );
        }
        let born = c.citizen_id.birth_date();
        if add_years(born, 18).is_some_and(|adult| c.rank_since < adult) {
            f.push(
                file,
                line,
                "rank_since",
                tr!(
                    f.lang,
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
                file,
                line,
                "post_since",
                tr!(
                    f.lang,
                    "{since} 晚于数据集日期 {as_of}",
                    "{since} is after the dataset's day {as_of}"
                ),
            );
        }
        if let Some(year) = c.assessments.keys().find(|y| **y > as_of.year()) {
            f.push(
                file,
                line,
                "assessments",
                tr!(
                    f.lang,
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
                    if p.unit != c.unit {
                        f.push(
                            file,
                            line,
                            "post",
                            tr!(
                                f.lang,
                                "职位 {post} 属于另一单位（{}）",
                                "post {post} belongs to another unit ({})",
                                p.unit
                            ),
                        );
                    }
                    if let Some(other) = holders.get(&post) {
                        f.push(
                            file,
                            line,
                            "post",
                            tr!(
                                f.lang,
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
        }
    }
    let kept: HashSet<CadreId> = cadres.iter().map(|c| c.id).collect();
    f.refuse(cadre_ids_in, |id| kept.contains(id));

    // Direct leaders must be cadres.
    cadres.retain(|c| match c.direct_leader {
        Some(l) if !cadre_ids.contains(&l) => {
            f.out.push(Fault {
                file: f
                    .files
                    .get("cadres")
                    .cloned()
                    .unwrap_or_else(|| "cadres.jsonl".into()),
                line: None,
                field: Some("direct_leader".into()),
                message: tr!(
                    f.lang,
                    "干部 {}：直接上级 {l} 不在 cadres 表中",
                    "cadre {}: direct leader {l} is not in cadres",
                    c.id
                ),
            });
            false
        }
        _ => true,
    });

    cadres
}

/// Checks the quota lines.
pub(super) fn quotas(
    f: &mut Faults<'_>,
    tree: &OrgTree,
    rows: Vec<Row<QuotaRecord>>,
) -> Vec<QuotaRecord> {
    let known = |id: OrgUnitId| tree.contains(id);
    let mut quotas = Vec::new();
    let mut quota_keys = HashSet::new();
    for row in rows {
        let (line, q) = (row.line, row.record);
        let before = f.mark();
        if !known(q.unit) {
            f.missing(
                None,
                "quotas",
                line,
                "unit",
                "unit",
                q.unit.as_uuid(),
                "org_units",
            );
        }
        if !quota_keys.insert((q.unit, q.rank)) {
            f.push(
                "quotas",
                line,
                "rank",
                tr!(
                    f.lang,
                    "{} 在 {} 的职数重复核定",
                    "a second line for {} at {}",
                    q.rank,
                    q.unit
                ),
            );
        }
        if q.planned_departures.is_some_and(|p| p > q.allotted) {
            f.push(
                "quotas",
                line,
                "planned_departures",
                tr!(
                    f.lang,
                    "计划减少多于核定职数",
                    "more departures planned than posts allotted"
                ),
            );
        }
        if f.mark() == before {
            quotas.push(q);
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
                "relations",
                line,
                "b",
                tr!(
                    f.lang,
                    "干部与本人存在亲属关系",
                    "a cadre related to themself"
                ),
            );
        }
        if f.mark() == before {
            relations.relate(r.a, r.b, r.kinship);
        }
    }

    relations
}
