//! Checking the records against each other and building the [`World`] the reports and
//! scenarios work on: the org tree, flat member and attendance rows, the quota book, the
//! relations book, talent records, the rubric.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::Datelike;
use zugong_branch::{BranchFacts, Points, Rubric, Scoresheet, presets};
use zugong_cadre::{Post, RelationBook};
use zugong_core::dates::add_years;
use zugong_core::journal::{MemoryJournal, execute};
use zugong_core::{
    Authority, CadreId, MemberId, OrgTree, OrgUnit, OrgUnitId, PositionId, TalentId,
    TrainingClassId,
};
use zugong_talent::{
    Agreement, Engagement, FundingSource, IndustryCatalogue, RecordCommand, RecordContext,
    TalentRecord,
};
use zugong_training::{
    AttendanceRow, MemberGroup, MemberRow, StudyHours, TrainingPolicy, TrainingTier, unit_row,
};

use super::{
    AttendanceRecord, BranchRecord, CadreRecord, ClassRecord, Dataset, Fault, JournalFile,
    Manifest, MemberRecord, PostRecord, QuotaRecord, TalentRow, TaskRecord,
};

/// A dataset checked and indexed: what the reports and scenarios read.
#[derive(Debug)]
pub(crate) struct World {
    /// The manifest.
    pub(crate) manifest: Manifest,
    /// The organization tree.
    pub(crate) tree: OrgTree,
    /// Members, in table order.
    pub(crate) members: Vec<MemberRecord>,
    /// Flat member rows for the training roll-up (same order).
    pub(crate) member_rows: Vec<MemberRow>,
    /// Training classes.
    pub(crate) classes: Vec<ClassRecord>,
    /// Flat attendance rows.
    pub(crate) attendance: Vec<AttendanceRow>,
    /// Branches.
    pub(crate) branches: Vec<BranchRecord>,
    /// Latest review scores by branch.
    pub(crate) scores: BTreeMap<OrgUnitId, Scoresheet>,
    /// Tasks pushed onto branches.
    pub(crate) tasks: Vec<TaskRecord>,
    /// Posts.
    pub(crate) posts: Vec<Post>,
    /// Quota lines.
    pub(crate) quotas: Vec<QuotaRecord>,
    /// Cadres.
    pub(crate) cadres: Vec<CadreRecord>,
    /// Kinship among cadres.
    pub(crate) relations: RelationBook,
    /// Talent rows and the records built from them (same order).
    pub(crate) talents: Vec<(TalentRow, TalentRecord)>,
    /// The rubric named by the manifest (`None` when the manifest names no preset).
    pub(crate) rubric: Option<Rubric>,
    /// Journals of scenarios.
    pub(crate) journals: Vec<JournalFile>,
}

impl World {
    /// The training policy the dataset is read under (the national defaults).
    pub(crate) fn training_policy() -> TrainingPolicy {
        TrainingPolicy::default()
    }

    /// 学时 required of a member this year: the secretary's for a secretary, else a member's.
    pub(crate) fn required_hours(m: &MemberRecord, policy: &TrainingPolicy) -> StudyHours {
        if m.groups.contains(&MemberGroup::Secretary) {
            policy.secretary_yearly_hours
        } else {
            policy.member_yearly_hours
        }
    }
}

/// The rubric presets by manifest name.
pub(crate) fn rubric_named(name: &str) -> Option<Result<Rubric, zugong_branch::RubricError>> {
    Some(match name {
        "five_star_110" => presets::five_star_110(),
        "zhejiang" => presets::zhejiang_five_star(),
        "ankang" => presets::ankang_five_star(),
        "university_2024" => presets::university_2024(),
        "hundred_point_base" => presets::hundred_point_base(),
        _ => return None,
    })
}

/// The faults found, with the file each table came from, and the records refused so far: a
/// record that refers to a refused one is counted once per refused record instead of
/// repeating the fault of the record it refers to.
struct Faults<'a> {
    out: &'a mut Vec<Fault>,
    files: BTreeMap<&'static str, String>,
    /// Refused ids, each with the root refusal it comes from (itself when it has its own fault).
    refused: HashMap<uuid::Uuid, uuid::Uuid>,
    /// Records skipped because they refer to a refused record: their root.
    derived: HashMap<uuid::Uuid, uuid::Uuid>,
    cascades: BTreeMap<(String, String, uuid::Uuid), (u64, u64)>,
    marks: usize,
}

impl Faults<'_> {
    /// Changes whenever a fault or a cascade is noted: compare before and after a record.
    fn mark(&self) -> usize {
        self.out.len() + self.marks
    }

    fn file(&self, table: &str) -> String {
        self.files
            .get(table)
            .cloned()
            .unwrap_or_else(|| format!("{table}.jsonl"))
    }

    fn push(&mut self, table: &str, line: u64, field: &str, msg: impl Into<String>) {
        let file = self.file(table);
        self.out.push(Fault::at(file, line, field, msg));
    }

    /// A reference to a record that is not there: a fault, or a cascade of a refused record.
    #[allow(clippy::too_many_arguments)]
    fn missing(
        &mut self,
        from: Option<&uuid::Uuid>,
        table: &str,
        line: u64,
        field: &str,
        kind: &str,
        id: &uuid::Uuid,
        in_table: &str,
    ) {
        if let Some(root) = self.refused.get(id).copied() {
            if let Some(from) = from {
                self.derived.insert(*from, root);
            }
            let e = self
                .cascades
                .entry((table.to_owned(), field.to_owned(), root))
                .or_insert((0, line));
            e.0 += 1;
            self.marks += 1;
        } else {
            self.push(
                table,
                line,
                field,
                format!("{kind} {id} is not in {in_table}"),
            );
        }
    }

    /// Marks the ids of `all` not in `kept` as refused.
    fn refuse<I: Eq + std::hash::Hash>(
        &mut self,
        all: impl IntoIterator<Item = (I, uuid::Uuid)>,
        kept: impl Fn(&I) -> bool,
    ) {
        for (id, u) in all {
            if !kept(&id) {
                let root = self.derived.get(&u).copied().unwrap_or(u);
                self.refused.insert(u, root);
            }
        }
    }

    /// One fault per refused record that others refer to.
    fn flush_cascades(&mut self) {
        for ((table, field, id), (count, first)) in std::mem::take(&mut self.cascades) {
            let file = self.file(&table);
            self.out.push(Fault::at(
                file,
                first,
                field,
                format!("{count} record(s) from this line on depend on {id}, which was refused (see its fault); not checked further"),
            ));
        }
    }
}

/// Checks `data` record against record; returns the world of the records that passed (a record
/// with a fault is left out, so one fault does not cascade into many).
pub(crate) fn validate(data: Dataset, faults: &mut Vec<Fault>) -> World {
    let mut f = Faults {
        out: faults,
        files: data.files.clone(),
        refused: data.unreadable.iter().map(|u| (*u, *u)).collect(),
        derived: HashMap::new(),
        cascades: BTreeMap::new(),
        marks: 0,
    };
    let as_of = data.manifest.as_of;
    let tree = build_tree(&data, &mut f);
    f.refuse(
        data.units
            .iter()
            .map(|r| (r.record.id, *r.record.id.as_uuid())),
        |id| tree.contains(*id),
    );
    let member_ids: Vec<(MemberId, uuid::Uuid)> = data
        .members
        .iter()
        .map(|r| (r.record.id, *r.record.id.as_uuid()))
        .collect();
    let class_ids_in: Vec<(TrainingClassId, uuid::Uuid)> = data
        .classes
        .iter()
        .map(|r| (r.record.id, *r.record.id.as_uuid()))
        .collect();
    let post_ids_in: Vec<(PositionId, uuid::Uuid)> = data
        .posts
        .iter()
        .map(|r| (r.record.id, *r.record.id.as_uuid()))
        .collect();
    let cadre_ids_in: Vec<(CadreId, uuid::Uuid)> = data
        .cadres
        .iter()
        .map(|r| (r.record.id, *r.record.id.as_uuid()))
        .collect();
    let known = |id: OrgUnitId| tree.contains(id);

    // Members.
    let policy = World::training_policy();
    let mut members = Vec::with_capacity(data.members.len());
    let mut member_rows = Vec::with_capacity(data.members.len());
    let mut member_index = HashMap::with_capacity(data.members.len());
    let mut citizens: HashSet<String> = HashSet::with_capacity(data.members.len());
    for row in data.members {
        let (line, m) = (row.line, row.record);
        let file = "members";
        let before = f.mark();
        if member_index.contains_key(&m.id) {
            f.push(file, line, "id", format!("member {} appears twice", m.id));
        }
        if !citizens.insert(m.citizen_id.expose().to_owned()) {
            f.push(
                file,
                line,
                "citizen_id",
                format!("{} belongs to another member too", m.citizen_id),
            );
        }
        if !known(m.unit) {
            f.missing(
                Some(m.id.as_uuid()),
                file,
                line,
                "unit",
                "unit",
                m.unit.as_uuid(),
                "org_units",
            );
        }
        let born = m.citizen_id.birth_date();
        if m.joined_on > as_of {
            f.push(
                file,
                line,
                "joined_on",
                format!("入党 on {} is after the dataset's day {as_of}", m.joined_on),
            );
        }
        if add_years(born, 18).is_some_and(|adult| m.joined_on < adult) {
            f.push(
                file,
                line,
                "joined_on",
                format!("入党 on {} is before the 18th birthday ({born} born): 年满十八岁 (党章 第一条)", m.joined_on),
            );
        }
        if let Some(full) = m.full_member_on {
            if full < m.joined_on {
                f.push(
                    file,
                    line,
                    "full_member_on",
                    format!(
                        "转正 on {full} is before 入党 on {}: dates out of order",
                        m.joined_on
                    ),
                );
            } else if add_years(m.joined_on, 1).is_some_and(|end| full < end) {
                f.push(
                    file,
                    line,
                    "full_member_on",
                    format!(
                        "转正 on {full} is within the one-year 预备期 from {} (党章 第七条)",
                        m.joined_on
                    ),
                );
            }
        }
        if f.mark() != before {
            continue;
        }
        let slot = tree.slot(m.unit).map_or(u32::MAX, unit_row);
        member_index.insert(m.id, members.len() as u32);
        member_rows.push(MemberRow {
            unit: slot,
            required: World::required_hours(&m, &policy),
        });
        members.push(m);
    }

    f.refuse(member_ids, |id| member_index.contains_key(id));

    // Classes.
    let mut classes = Vec::new();
    let mut class_ids: HashMap<TrainingClassId, usize> = HashMap::new();
    for row in data.classes {
        let (line, c) = (row.line, row.record);
        let file = "classes";
        let before = f.mark();
        if class_ids.contains_key(&c.id) {
            f.push(file, line, "id", format!("class {} appears twice", c.id));
        }
        if !known(c.organizer) {
            f.missing(
                Some(c.id.as_uuid()),
                file,
                line,
                "organizer",
                "unit",
                c.organizer.as_uuid(),
                "org_units",
            );
        }
        if let Some(organizer) = tree.get(c.organizer) {
            let expected = TrainingTier::of_organizer(organizer);
            if expected != Some(c.tier) {
                f.push(
                    file,
                    line,
                    "tier",
                    match expected {
                        Some(t) => format!("{} organizes {t}, not {} (党员教育管理工作条例 第二十条)", organizer.name, c.tier),
                        None => format!("{} is not a committee and organizes no training (党员教育管理工作条例 第二十条)", organizer.name),
                    },
                );
            }
        }
        if c.ends_on < c.starts_on {
            f.push(
                file,
                line,
                "ends_on",
                format!(
                    "结业 {} is before 开班 {}: dates out of order",
                    c.ends_on, c.starts_on
                ),
            );
        }
        if c.hours == StudyHours::ZERO {
            f.push(file, line, "hours", "a class of 0 学时");
        }
        if f.mark() == before {
            class_ids.insert(c.id, classes.len());
            classes.push(c);
        }
    }

    f.refuse(class_ids_in, |id| class_ids.contains_key(id));

    // Attendance.
    let mut attendance = Vec::with_capacity(data.attendance.len());
    for row in data.attendance {
        let (line, a): (u64, AttendanceRecord) = (row.line, row.record);
        let file = "attendance";
        let before = f.mark();
        let member = member_index.get(&a.member).copied();
        if member.is_none() {
            f.missing(
                None,
                file,
                line,
                "member",
                "member",
                a.member.as_uuid(),
                "members",
            );
        }
        if a.on > as_of {
            f.push(
                file,
                line,
                "on",
                format!("{} is after the dataset's day {as_of}", a.on),
            );
        }
        if a.hours == StudyHours::ZERO {
            f.push(file, line, "hours", "0 学时 credited");
        }
        if let Some(class) = a.class {
            match class_ids.get(&class).and_then(|i| classes.get(*i)) {
                None => f.missing(
                    None,
                    file,
                    line,
                    "class",
                    "class",
                    class.as_uuid(),
                    "classes",
                ),
                Some(c) => {
                    if a.on < c.starts_on || a.on > c.ends_on {
                        f.push(
                            file,
                            line,
                            "on",
                            format!(
                                "{} is outside the class's days {}–{}",
                                a.on, c.starts_on, c.ends_on
                            ),
                        );
                    }
                    if a.tier != c.tier {
                        f.push(
                            file,
                            line,
                            "tier",
                            format!("the class is {}, not {}", c.tier, a.tier),
                        );
                    }
                    if a.hours > c.hours {
                        f.push(
                            file,
                            line,
                            "hours",
                            format!("{} credited for a class of {}", a.hours, c.hours),
                        );
                    }
                }
            }
        }
        if let (Some(member), true) = (member, f.mark() == before) {
            attendance.push(AttendanceRow {
                member,
                tier: a.tier,
                hours: a.hours,
            });
        }
    }

    // Branches and scores.
    let rubric_name = data
        .manifest
        .rubric
        .clone()
        .unwrap_or_else(|| "five_star_110".into());
    let rubric = match rubric_named(&rubric_name) {
        Some(Ok(r)) => Some(r),
        Some(Err(e)) => {
            f.out.push(Fault::file(
                "dataset.json",
                format!("rubric {rubric_name}: {e}"),
            ));
            None
        }
        None => {
            f.out.push(Fault {
                file: "dataset.json".into(),
                line: None,
                field: Some("rubric".into()),
                message: format!(
                    "{rubric_name:?} is not a rubric preset (five_star_110, zhejiang, ankang, university_2024, hundred_point_base)"
                ),
            });
            None
        }
    };
    let mut branches = Vec::new();
    let mut seen_branches = HashSet::new();
    for row in data.branches {
        let (line, b) = (row.line, row.record);
        let file = "branches";
        let before = f.mark();
        if !known(b.unit) {
            f.missing(
                None,
                file,
                line,
                "unit",
                "unit",
                b.unit.as_uuid(),
                "org_units",
            );
        }
        if !seen_branches.insert(b.unit) {
            f.push(
                file,
                line,
                "unit",
                format!("branch {} appears twice", b.unit),
            );
        }
        if let (Some(yes), Some(total)) = (b.satisfaction_yes, b.satisfaction_total)
            && yes > total
        {
            f.push(
                file,
                line,
                "satisfaction_yes",
                format!("{yes} satisfied of {total} votes"),
            );
        }
        if let (Some(rank), Some(of)) = (b.rank, b.ranked_of)
            && (rank == 0 || rank > of)
        {
            f.push(file, line, "rank", format!("place {rank} of {of}"));
        }
        for d in [b.secretary_vacant_since, b.last_development_candidate]
            .into_iter()
            .flatten()
        {
            if d > as_of {
                f.push(
                    file,
                    line,
                    "secretary_vacant_since",
                    format!("{d} is after the dataset's day {as_of}"),
                );
            }
        }
        if f.mark() == before {
            branches.push(b);
        }
    }
    let mut scores: BTreeMap<OrgUnitId, Scoresheet> = BTreeMap::new();
    let indicators: HashMap<&str, (String, Points)> = rubric
        .iter()
        .flat_map(|r| &r.data().dimensions)
        .flat_map(|d| &d.indicators)
        .flat_map(|i| {
            [
                (i.code.as_str(), (i.code.clone(), i.max)),
                (i.name.as_str(), (i.code.clone(), i.max)),
            ]
        })
        .collect();
    for row in data.scores {
        let (line, s) = (row.line, row.record);
        let file = "branch_scores";
        if !seen_branches.contains(&s.branch) {
            f.push(
                file,
                line,
                "branch",
                format!("branch {} is not in branches", s.branch),
            );
            continue;
        }
        if let Some(bonus) = rubric
            .iter()
            .flat_map(|r| &r.data().bonuses)
            .find(|b| b.code == s.indicator.trim() || b.name == s.indicator.trim())
        {
            let sheet = scores.entry(s.branch).or_default();
            if s.points > Points::ZERO && !sheet.bonuses.contains(&bonus.code) {
                sheet.bonuses.push(bonus.code.clone());
            }
            continue;
        }
        let Some((code, max)) = indicators.get(s.indicator.trim()) else {
            f.push(
                file,
                line,
                "indicator",
                format!(
                    "{:?} is not an indicator of the rubric {rubric_name}",
                    s.indicator
                ),
            );
            continue;
        };
        if s.points > *max {
            f.push(
                file,
                line,
                "points",
                format!("{} above the indicator's maximum {}", s.points, max),
            );
            continue;
        }
        let sheet = scores.entry(s.branch).or_default();
        sheet.scores.insert(code.clone(), s.points);
        if let Some(e) = s.evidence {
            sheet.evidence.entry(code.clone()).or_default().push(e);
        }
    }

    // Tasks.
    let mut tasks = Vec::new();
    for row in data.tasks {
        let (line, t) = (row.line, row.record);
        let file = "tasks";
        let before = f.mark();
        if !known(t.branch) {
            f.missing(
                None,
                file,
                line,
                "branch",
                "unit",
                t.branch.as_uuid(),
                "org_units",
            );
        }
        if !known(t.source) {
            f.missing(
                None,
                file,
                line,
                "source",
                "unit",
                t.source.as_uuid(),
                "org_units",
            );
        }
        if known(t.branch)
            && known(t.source)
            && !(t.source != t.branch && tree.is_within(t.branch, t.source).unwrap_or(false))
        {
            f.push(
                file,
                line,
                "source",
                format!("{} is not above the branch it pushed work onto", t.source),
            );
        }
        if t.due_on < t.assigned_on {
            f.push(
                file,
                line,
                "due_on",
                format!(
                    "due {} before assigned {}: dates out of order",
                    t.due_on, t.assigned_on
                ),
            );
        }
        if t.done_on.is_some_and(|d| d < t.assigned_on) {
            f.push(
                file,
                line,
                "done_on",
                "done before assigned: dates out of order",
            );
        }
        if f.mark() == before {
            tasks.push(t);
        }
    }

    // Posts.
    let mut posts: Vec<Post> = Vec::new();
    let mut post_ids: HashMap<PositionId, usize> = HashMap::new();
    for row in data.posts {
        let (line, p): (u64, PostRecord) = (row.line, row.record);
        let before = f.mark();
        if post_ids.contains_key(&p.id) {
            f.push("posts", line, "id", format!("post {} appears twice", p.id));
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

    f.refuse(post_ids_in, |id| post_ids.contains_key(id));

    // Cadres.
    let mut cadres: Vec<CadreRecord> = Vec::new();
    let mut cadre_ids: HashSet<CadreId> = HashSet::new();
    let mut holders: HashMap<PositionId, CadreId> = HashMap::new();
    let mut cadre_citizens: HashSet<String> = HashSet::new();
    for row in data.cadres {
        let (line, c) = (row.line, row.record);
        let file = "cadres";
        let before = f.mark();
        if !cadre_ids.insert(c.id) {
            f.push(file, line, "id", format!("cadre {} appears twice", c.id));
        }
        if !cadre_citizens.insert(c.citizen_id.expose().to_owned()) {
            f.push(
                file,
                line,
                "citizen_id",
                format!("{} belongs to another cadre too", c.citizen_id),
            );
        }
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
                format!("{} is above 100", c.political_score),
            );
        }
        if c.rank_since > as_of {
            f.push(
                file,
                line,
                "rank_since",
                format!("{} is after the dataset's day {as_of}", c.rank_since),
            );
        }
        let born = c.citizen_id.birth_date();
        if add_years(born, 18).is_some_and(|adult| c.rank_since < adult) {
            f.push(
                file,
                line,
                "rank_since",
                format!("{} is before the 18th birthday (born {born})", c.rank_since),
            );
        }
        if let Some(since) = c.post_since
            && since > as_of
        {
            f.push(
                file,
                line,
                "post_since",
                format!("{since} is after the dataset's day {as_of}"),
            );
        }
        if let Some(year) = c.assessments.keys().find(|y| **y > as_of.year()) {
            f.push(
                file,
                line,
                "assessments",
                format!("a result for {year}, after the dataset's year"),
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
                            format!("post {post} belongs to another unit ({})", p.unit),
                        );
                    }
                    if let Some(other) = holders.get(&post) {
                        f.push(
                            file,
                            line,
                            "post",
                            format!("post {post} is already held by cadre {other}"),
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
                message: format!("cadre {}: direct leader {l} is not in cadres", c.id),
            });
            false
        }
        _ => true,
    });

    // Quotas.
    let mut quotas = Vec::new();
    let mut quota_keys = HashSet::new();
    for row in data.quotas {
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
                format!("a second line for {} at {}", q.rank, q.unit),
            );
        }
        if q.planned_departures.is_some_and(|p| p > q.allotted) {
            f.push(
                "quotas",
                line,
                "planned_departures",
                "more departures planned than posts allotted",
            );
        }
        if f.mark() == before {
            quotas.push(q);
        }
    }

    // Relations.
    let mut relations = RelationBook::default();
    let present: HashSet<CadreId> = cadres.iter().map(|c| c.id).collect();
    for row in data.relations {
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
            f.push("relations", line, "b", "a cadre related to themself");
        }
        if f.mark() == before {
            relations.relate(r.a, r.b, r.kinship);
        }
    }

    // Talents.
    let catalogue = IndustryCatalogue::ningxia_2024();
    let mut talents = Vec::new();
    let mut talent_ids: HashSet<TalentId> = HashSet::new();
    for row in data.talents {
        let (line, t) = (row.line, row.record);
        let before = f.mark();
        if !talent_ids.insert(t.id) {
            f.push(
                "talents",
                line,
                "id",
                format!("talent {} appears twice", t.id),
            );
        }
        if !known(t.employer) {
            f.missing(
                Some(t.id.as_uuid()),
                "talents",
                line,
                "employer",
                "unit",
                t.employer.as_uuid(),
                "org_units",
            );
        }
        if let Some(code) = &t.industry
            && catalogue.get(code).is_none()
        {
            f.push(
                "talents",
                line,
                "industry",
                format!("{code:?} is not in the 六新六特六优 catalogue"),
            );
        }
        if t.starts_on <= t.birth_date {
            f.push(
                "talents",
                line,
                "starts_on",
                "the cultivation period starts before birth: dates out of order",
            );
        }
        if f.mark() != before {
            continue;
        }
        match talent_record(&t, &tree) {
            Ok(rec) => talents.push((t, rec)),
            Err(msg) => f.push("talents", line, "tier", msg),
        }
    }

    f.flush_cascades();
    World {
        manifest: data.manifest,
        tree,
        members,
        member_rows,
        classes,
        attendance,
        branches,
        scores,
        tasks,
        posts,
        quotas,
        cadres,
        relations,
        talents,
        rubric,
        journals: data.journals,
    }
}

/// The branch facts of a branch record.
pub(crate) fn branch_facts(b: &BranchRecord) -> BranchFacts {
    BranchFacts {
        secretary_vacant_since: b.secretary_vacant_since,
        last_development_candidate: b.last_development_candidate,
        village: b.village,
        satisfaction: b.satisfaction_yes.zip(b.satisfaction_total),
        assessment_rank: b.rank.zip(b.ranked_of),
        organizational_life_held: b.organizational_life_held.unwrap_or(true),
        inspected_categories: b.inspected_categories.clone(),
    }
}

/// Builds a talent's record through its lifecycle (registration, start, title).
fn talent_record(t: &TalentRow, tree: &OrgTree) -> Result<TalentRecord, String> {
    let authority = Authority::organization_department(
        tree.ancestors(t.employer)
            .ok()
            .and_then(|a| a.last())
            .map_or(t.employer, |u| u.id),
    );
    let engagement = match &t.flexible_home {
        Some(home) => Engagement::Flexible {
            host: t.employer,
            home_institution: home.clone(),
            days_per_year: t.days_per_year.unwrap_or(30),
        },
        None => Engagement::Employed {
            employer: t.employer,
        },
    };
    let mut commands = vec![
        RecordCommand::Register {
            talent: t.id,
            name: t.name.clone(),
            birth_date: t.birth_date,
            engagement,
        },
        RecordCommand::Start(Agreement {
            tier: t.tier,
            programme: t.tier.to_string(),
            batch: t.batch,
            starts_on: t.starts_on,
            cycle_years: t.cycle_years,
            grant: t.grant,
            shares: vec![(FundingSource::TalentFund, 1000)],
            industry: t.industry.clone(),
        }),
    ];
    if let Some(title) = t.title {
        commands.push(RecordCommand::RecordTitle {
            title,
            series: t.series.clone().unwrap_or_default(),
        });
    }
    let mut record = TalentRecord::default();
    let mut journal = MemoryJournal::new();
    let ctx = RecordContext {
        on: t.starts_on,
        authority,
        tree,
    };
    for cmd in &commands {
        let stamp = crate::stamp::stamp(t.starts_on, authority, "dataset import");
        execute(&mut record, &mut journal, cmd, &ctx, stamp)
            .map_err(|e| format!("the record was refused: {e}"))?;
    }
    Ok(record)
}

/// Builds the tree from the unit records, reporting every unit that cannot be placed.
fn build_tree(data: &Dataset, f: &mut Faults<'_>) -> OrgTree {
    let mut tree = OrgTree::new();
    let file = "org_units";
    let mut seen: HashMap<OrgUnitId, u64> = HashMap::new();
    let mut pending: Vec<(u64, OrgUnit)> = Vec::new();
    let ids: HashSet<OrgUnitId> = data.units.iter().map(|r| r.record.id).collect();
    for row in &data.units {
        let u = &row.record;
        if let Some(first) = seen.insert(u.id, row.line) {
            f.push(
                file,
                row.line,
                "id",
                format!("unit {} appears twice (first on line {first})", u.id),
            );
            continue;
        }
        if let Some(p) = u.parent
            && !ids.contains(&p)
        {
            f.push(
                file,
                row.line,
                "parent",
                format!("unknown parent {p}: not in org_units"),
            );
            continue;
        }
        pending.push((
            row.line,
            OrgUnit {
                id: u.id,
                name: u.name.clone(),
                kind: u.kind,
                level: u.level,
                host: u.host.clone(),
                parent: u.parent,
                division: u.division,
            },
        ));
    }
    // Insert parents before children: repeat while some unit was placed.
    loop {
        let mut placed = false;
        let mut rest = Vec::new();
        for (line, u) in pending {
            if u.parent.is_some_and(|p| !tree.contains(p)) {
                rest.push((line, u));
                continue;
            }
            let id = u.id;
            match tree.insert(u) {
                Ok(_) => placed = true,
                Err(e) => {
                    let field = if matches!(e, zugong_core::OrgTreeError::RanksAboveParent { .. }) {
                        "level"
                    } else {
                        "id"
                    };
                    f.push(
                        file,
                        line,
                        field,
                        format!("unit {id} refused by the tree: {e}"),
                    );
                }
            }
        }
        pending = rest;
        if !placed || pending.is_empty() {
            break;
        }
    }
    for (line, u) in pending {
        f.push(
            file,
            line,
            "parent",
            format!(
                "unit {} cannot be placed: its parent {} is refused or in a cycle",
                u.id,
                u.parent.map(|p| p.to_string()).unwrap_or_default()
            ),
        );
    }
    tree
}
