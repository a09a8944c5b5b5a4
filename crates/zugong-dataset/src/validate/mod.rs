//! Checking the records against each other and building the [`World`] the reports and
//! scenarios work on: the org tree, flat member and attendance rows, the quota book, the
//! relations book, talent records, the rubric. One module per group of tables; a record with a
//! fault is left out, and records that depend on it are summarized once, one line per refused record.

mod branches;
mod cadres;
mod faults;
mod grassroots;
mod institutions;
mod members;
mod talents;
mod training;
mod tree;

use std::collections::BTreeMap;

use rustc_hash::FxHashMap as HashMap;

use zugong_branch::{BranchFacts, Rubric, Scoresheet};
use zugong_cadre::{Post, RelationBook};
use zugong_core::{OrgTree, OrgUnitId};
use zugong_talent::TalentRecord;
use zugong_training::{AttendanceRow, MemberGroup, MemberRow, StudyHours, TrainingPolicy};

use super::{
    BranchRecord, CadreRecord, ClassRecord, Dataset, Fault, JournalFile, Manifest, MemberRecord,
    TalentRow, TaskRecord,
};
use crate::FaultKind;
use crate::journals::{Records, Rules, verify_all};
use crate::text::text;
use faults::Faults;
pub use grassroots::Election;
pub use members::{Applicant, MemberRecords};

/// A dataset checked and indexed: what the reports and scenarios read.
#[derive(Debug)]
pub struct World {
    /// The manifest.
    pub manifest: Manifest,
    /// The organization tree.
    pub tree: OrgTree,
    /// The 单位 registry (empty when the dataset has no `institutions` table).
    pub institutions: zugong_core::InstitutionRegistry,
    /// 干部管理权限: the management list (empty without a `management_list` table).
    pub management: zugong_core::ManagementList,
    /// Members, in table order.
    pub members: Vec<MemberRecord>,
    /// Flat member rows for the training roll-up (same order).
    pub member_rows: Vec<MemberRow>,
    /// Training classes.
    pub classes: Vec<ClassRecord>,
    /// Flat attendance rows.
    pub attendance: Vec<AttendanceRow>,
    /// Branches.
    pub branches: Vec<BranchRecord>,
    /// Latest review scores by branch.
    pub scores: BTreeMap<OrgUnitId, Scoresheet>,
    /// Tasks pushed onto branches.
    pub tasks: Vec<TaskRecord>,
    /// The organizational life of each branch with meeting records (`meetings`), checked
    /// over the dataset's year up to its day.
    pub life: BTreeMap<OrgUnitId, zugong_branch::LifeCompleteness>,
    /// Meetings village cadres attended for other bodies (陪会).
    pub summoned: Vec<zugong_branch::SummonedMeeting>,
    /// Each organization's terms (届期), in the order they were elected.
    pub terms: BTreeMap<OrgUnitId, zugong_branch::TermHistory>,
    /// Elections held (换届选举), as counted.
    pub elections: Vec<Election>,
    /// Village collective-economy returns.
    pub economy: Vec<zugong_branch::CollectiveReturn>,
    /// 两新 organizations.
    pub two_new: Vec<zugong_branch::TwoNewOrganization>,
    /// The development roster, plans, transfers, dues and members away.
    pub member_records: MemberRecords,
    /// Posts.
    pub posts: Vec<Post>,
    /// Each post's place in `posts`.
    pub post_index: HashMap<zugong_core::PositionId, usize>,
    /// Quota lines.
    pub quotas: Vec<cadres::Quota>,
    /// Cadres.
    pub cadres: Vec<CadreRecord>,
    /// Kinship among cadres.
    pub relations: RelationBook,
    /// 处分和组织处理, by cadre, oldest first as recorded.
    pub sanctions:
        std::collections::BTreeMap<zugong_core::CadreId, Vec<zugong_cadre::EffectRecord>>,
    /// Talent rows and the records built from them (same order).
    pub talents: Vec<(TalentRow, TalentRecord)>,
    /// The rubric named by the manifest (`None` when the manifest names no preset).
    pub rubric: Option<Rubric>,
    /// Journals of scenarios, as stored.
    pub journals: Vec<JournalFile>,
    /// The journals read through `verify` (what verified, and every failure).
    pub records: Records,
}

/// The quota book of the tables: every line as approved (核定职数), its holders counted from
/// the roster (在职: cadres in a post of the line's holder and rank) and its planned
/// departures. Lines over their allotment stay as they are; the report lists them as
/// 超职数配备.
pub fn quota_book(
    tree: &OrgTree,
    quotas: &[cadres::Quota],
    roster: &[CadreRecord],
    posts: &[Post],
    post_ids: &HashMap<zugong_core::PositionId, usize>,
) -> zugong_cadre::QuotaBook {
    let mut held: HashMap<(zugong_core::PostHolder, zugong_core::RankOrGrade), u32> =
        HashMap::default();
    for c in roster.iter().filter(|c| c.post.is_some()) {
        if let Some(h) = cadres::holder_of(tree, posts, post_ids, c) {
            *held.entry((h, c.rank)).or_default() += 1;
        }
    }
    zugong_cadre::QuotaBook::opening(quotas.iter().map(|q| zugong_cadre::QuotaOpeningLine {
        holder: q.holder,
        rank: q.rank,
        line: zugong_cadre::QuotaLine {
            allotted: q.allotted,
            occupied: held.get(&(q.holder, q.rank)).copied().unwrap_or(0),
            planned_departures: q.planned_departures,
        },
    }))
}

impl World {
    /// The rules the dataset's journals are decided under.
    pub fn rules(&self) -> Rules<'_> {
        let book = quota_book(
            &self.tree,
            &self.quotas,
            &self.cadres,
            &self.posts,
            &self.post_index,
        );
        Rules::new(
            &self.tree,
            &self.institutions,
            &self.management,
            book,
            self.rubric.as_ref(),
            self.cadre_files(),
        )
    }

    /// The name of a post's holder, from the tree or the registry.
    pub fn holder_name(&self, holder: zugong_core::PostHolder) -> String {
        holder
            .name(&self.tree, &self.institutions)
            .unwrap_or_default()
            .to_owned()
    }

    /// The holder a cadre counts against (its post's, else its unit's institution).
    pub fn cadre_holder(&self, cadre: &CadreRecord) -> Option<zugong_core::PostHolder> {
        cadres::holder_of(&self.tree, &self.posts, &self.post_index, cadre)
    }

    /// The 单位 a cadre works in: its post's institution (a committee's or 党组's post: the
    /// institution the committee is set up in), else its unit's.
    pub fn cadre_institution(&self, cadre: &CadreRecord) -> Option<zugong_core::InstitutionId> {
        self.cadre_holder(cadre)?.seated_in(&self.tree)
    }

    /// Every cadre's file as the selection rules read it.
    pub fn cadre_files(&self) -> zugong_cadre::CadreFiles {
        cadre_files(
            self.manifest.as_of,
            &self.tree,
            &self.posts,
            &self.post_index,
            &self.cadres,
            &self.relations,
            &self.sanctions,
        )
    }

    /// Every cadre's holding, for the recusal checks (a cadre without a recorded function
    /// counts as 其他; one whose 单位 is not known is left out: no organ to share).
    pub fn holdings(&self) -> Vec<zugong_cadre::Holding> {
        holdings(&self.tree, &self.posts, &self.post_index, &self.cadres)
    }

    /// The training policy the dataset is read under (the national defaults).
    pub fn training_policy() -> TrainingPolicy {
        TrainingPolicy::default()
    }

    /// 学时 required of a member this year: the secretary's for a secretary, else a member's.
    pub fn required_hours(m: &MemberRecord, policy: &TrainingPolicy) -> StudyHours {
        if m.groups.contains(&MemberGroup::Secretary) {
            policy.secretary_yearly_hours
        } else {
            policy.member_yearly_hours
        }
    }
}

/// Checks `data` record against record; returns the world of the records that passed (a record
/// with a fault is left out, so one fault does not cascade into many).
pub fn validate(mut data: Dataset, faults: &mut Vec<Fault>) -> World {
    let mut f = Faults {
        out: faults,
        files: data.files.clone(),
        refused: data.unreadable.iter().map(|u| (*u, *u)).collect(),
        derived: HashMap::default(),
        cascades: BTreeMap::new(),
        marks: 0,
        codes: std::mem::take(&mut data.codes),
    };
    let as_of = data.manifest.as_of;
    names(&mut f, &data);
    let institutions = institutions::registry(&mut f, &data.institutions);
    let tree = tree::build_tree(&data, &mut f);
    institutions::links(&mut f, &tree, &institutions, &data.units);
    institutions::leaders(&mut f, &tree, &data.institutions);
    f.refuse(
        data.units
            .iter()
            .map(|r| (r.record.id, *r.record.id.as_uuid())),
        |id| tree.contains(*id),
    );
    let (members, member_rows, member_index) =
        training::members(&mut f, &tree, as_of, data.members);
    let (classes, class_ids) = training::classes(&mut f, &tree, &institutions, data.classes);
    let attendance = training::attendance(
        &mut f,
        as_of,
        data.attendance,
        &member_index,
        &classes,
        &class_ids,
    );
    let (rubric, branches, scores) = branches::branches(
        &mut f,
        &tree,
        as_of,
        data.manifest.rubric.clone(),
        data.branches,
        data.scores,
    );
    let tasks = branches::tasks(&mut f, &tree, data.tasks);
    let life = branches::life(&mut f, &tree, as_of, data.meetings, &members);
    let summoned = grassroots::summoned(&mut f, &tree, as_of, data.summoned_meetings);
    let terms = grassroots::terms(
        &mut f,
        &tree,
        as_of,
        data.terms,
        &zugong_branch::TermPolicy::default(),
    );
    let elections = grassroots::elections(&mut f, &tree, as_of, data.elections);
    let economy = grassroots::economy(&mut f, &tree, as_of, data.economy);
    let two_new = grassroots::two_new(&mut f, &tree, &institutions, data.two_new);
    let member_records = MemberRecords {
        applicants: members::applicants(
            &mut f,
            &tree,
            as_of,
            data.applicants,
            &zugong_member::DevelopmentPolicy::default(),
        ),
        plans: members::plans(&mut f, &tree, data.plans),
        transfers: members::transfers(&mut f, &tree, as_of, data.transfers, &member_index),
        dues: members::dues(
            &mut f,
            as_of,
            data.dues,
            &member_index,
            &members,
            &zugong_member::DuesPolicy::default(),
        ),
        outflows: members::outflows(&mut f, as_of, data.outflows, &member_index, &members),
    };
    let (posts, post_ids) = cadres::posts(&mut f, &tree, &institutions, data.posts);
    let cadres = cadres::cadres(&mut f, &tree, as_of, data.cadres, &posts, &post_ids);
    let quotas = cadres::quotas(&mut f, &tree, &institutions, data.quotas);
    let management =
        institutions::management(&mut f, &tree, &institutions, &posts, data.management);
    let relations = cadres::relations(&mut f, data.relations, &cadres);
    let sanctions = cadres::sanctions(&mut f, as_of, data.sanctions, &cadres);
    let talents = talents::talents(&mut f, &tree, &institutions, data.talents);
    f.flush_cascades();
    let records = {
        let book = quota_book(&tree, &quotas, &cadres, &posts, &post_ids);
        let rules = Rules::new(
            &tree,
            &institutions,
            &management,
            book,
            rubric.as_ref(),
            cadre_files(
                as_of, &tree, &posts, &post_ids, &cadres, &relations, &sanctions,
            ),
        );
        verify_all(&data.journals, &data.journal_heads, &rules)
    };
    let mut branches = branches;
    latest_candidates(&mut branches, &records, &member_records, as_of);
    World {
        manifest: data.manifest,
        tree,
        institutions,
        management,
        members,
        member_rows,
        classes,
        attendance,
        branches,
        scores,
        tasks,
        life,
        summoned,
        terms,
        elections,
        economy,
        two_new,
        member_records,
        posts,
        post_index: post_ids,
        quotas,
        cadres,
        relations,
        sanctions,
        talents,
        rubric,
        journals: data.journals,
        records,
    }
}

/// The branch facts of a branch record.
/// The date of the latest 确定发展对象 per branch, from the development roster and the
/// development journals that verified: the weak-branch rule (连续两年以上无发展对象) reads it
/// beside what the branches table records. Days after the dataset's day are not facts yet and
/// are left out.
fn latest_candidates(
    branches: &mut [BranchRecord],
    records: &Records,
    roster: &MemberRecords,
    as_of: chrono::NaiveDate,
) {
    let mut latest: HashMap<OrgUnitId, chrono::NaiveDate> = HashMap::default();
    for a in &roster.applicants {
        if let Some(day) = a.path.candidate_on.filter(|d| *d <= as_of) {
            let e = latest.entry(a.path.branch).or_insert(day);
            *e = (*e).max(day);
        }
    }
    for v in &records.developments {
        for (_, path) in v.journal.streams() {
            if let (Some(a), Some(day)) = (path.applicant(), path.candidate_on())
                && day <= as_of
            {
                let e = latest.entry(a.branch).or_insert(day);
                *e = (*e).max(day);
            }
        }
    }
    for b in branches {
        if let Some(day) = latest.get(&b.unit) {
            b.last_development_candidate =
                Some(b.last_development_candidate.map_or(*day, |d| d.max(*day)));
        }
    }
}

/// Names and titles hold no control characters: a newline or an escape sequence in a name
/// could fake a line of a report on a terminal.
fn names(f: &mut Faults<'_>, data: &Dataset) {
    let bad = |t: &str| t.chars().any(char::is_control);
    let mut check = |table: &str, line: u64, field: &str, text: &str| {
        if bad(text) {
            f.push(
                FaultKind::Invalid,
                table,
                line,
                field,
                text!(
                    "含控制字符（换行、转义序列等）：请在表中清理",
                    "holds control characters (a line break, an escape sequence): clean it in the table"
                ),
            );
        }
    };
    for r in &data.units {
        check("org_units", r.line, "name", &r.record.name);
    }
    for r in &data.members {
        check("members", r.line, "name", &r.record.name);
    }
    for r in &data.cadres {
        check("cadres", r.line, "name", &r.record.name);
    }
    for r in &data.posts {
        check("posts", r.line, "title", &r.record.title);
    }
    for r in &data.classes {
        check("classes", r.line, "name", &r.record.name);
    }
    for r in &data.talents {
        check("talents", r.line, "name", &r.record.name);
    }
}

/// The facts weak-branch detection reads about a branch: its meeting records' completeness
/// where it has them (`life`), else the table's yes/no.
pub fn branch_facts(
    b: &BranchRecord,
    life: &BTreeMap<OrgUnitId, zugong_branch::LifeCompleteness>,
) -> BranchFacts {
    BranchFacts {
        secretary_vacant_since: b.secretary_vacant_since,
        last_development_candidate: b.last_development_candidate,
        village: b.village,
        satisfaction: b.satisfaction_yes.zip(b.satisfaction_total),
        assessment_rank: b.rank.zip(b.ranked_of),
        organizational_life: life.get(&b.unit).map_or_else(
            || zugong_branch::LifeSummary::reported(b.organizational_life_held.unwrap_or(true)),
            zugong_branch::LifeCompleteness::summary,
        ),
        inspected_categories: b.inspected_categories.clone(),
    }
}

/// The cadres' files (干部档案) as the selection rules read them, from the `cadres` table.
///
/// The table records one post per cadre: the rank held since `rank_since`. A missing
/// 参加工作时间 is read as `rank_since` (the earliest day the data shows the cadre at work), so
/// a missing column can only understate 工龄, never overstate it; a missing 转正时间 leaves
/// 党龄 unknown, which no Party post's requirement accepts. The table records no health or
/// legal-qualification findings: a cadre is taken as fit and qualified unless a later table
/// says otherwise.
pub fn cadre_files(
    as_of: chrono::NaiveDate,
    tree: &OrgTree,
    posts: &[zugong_cadre::Post],
    post_index: &HashMap<zugong_core::PositionId, usize>,
    cadres: &[CadreRecord],
    relations: &RelationBook,
    sanctions: &std::collections::BTreeMap<zugong_core::CadreId, Vec<zugong_cadre::EffectRecord>>,
) -> zugong_cadre::CadreFiles {
    zugong_cadre::CadreFiles::from_files(cadres.iter().map(|c| {
        let file = zugong_cadre::CadreFile::new(zugong_cadre::CadreProfile {
            cadre: c.id,
            birth_date: c.citizen_id.birth_date(),
            work_started_on: c.work_started_on.unwrap_or(c.rank_since),
            grassroots_months: u32::from(c.grassroots_months),
            education: Some(c.education),
            full_member_since: c.full_member_since,
            posts: vec![zugong_cadre::PostHeld {
                rank: c.rank,
                from: c.rank_since,
                until: None,
                exceptional_on_years: false,
                probation_until: None,
            }],
            training: c.training(as_of),
            health: c
                .health_examined_on
                .zip(c.health_conclusion)
                .map(|(on, conclusion)| zugong_cadre::HealthExamination::new(on, conclusion))
                .into_iter()
                .collect(),
            // A qualification listed without its day counts as held on every day the
            // dataset's rules ask about.
            qualifications: c
                .qualifications
                .iter()
                .map(|k| zugong_cadre::Qualification::new(*k, chrono::NaiveDate::MIN))
                .collect(),
        })
        .from_home(c.home_area);
        sanctions
            .get(&c.id)
            .into_iter()
            .flatten()
            .fold(file, |file, e| file.with_effect(e.clone()))
    }))
    .with_holdings(holdings(tree, posts, post_index, cadres))
    .with_relations(relations.clone())
}

/// Every cadre's holding: the 单位 its post sits in, its function, its direct leader, and
/// whether it is a leadership post (a leader of the 单位 when it leads it).
pub fn holdings(
    tree: &OrgTree,
    posts: &[zugong_cadre::Post],
    post_index: &HashMap<zugong_core::PositionId, usize>,
    cadres: &[CadreRecord],
) -> Vec<zugong_cadre::Holding> {
    cadres
        .iter()
        .filter_map(|c| {
            let institution = cadres::holder_of(tree, posts, post_index, c)?.seated_in(tree)?;
            let function = c.function.unwrap_or(zugong_cadre::WorkFunction::Other);
            let h = zugong_cadre::Holding::new(c.id, institution, function).under(c.direct_leader);
            Some(if c.leads_unit {
                h.leading()
            } else if matches!(c.rank, zugong_core::RankOrGrade::Leadership(_)) {
                h.in_leadership_post()
            } else {
                h
            })
        })
        .collect()
}
