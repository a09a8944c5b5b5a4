//! The scenario commands: each loads the data, runs its lifecycle through `zugong_scenario`,
//! records the journal where the data live (a journal file of the folder, or a new journal in
//! the store) and prints what happened. A scenario a rule stopped records nothing and exits 1.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::{Datelike, Duration, NaiveDate};
use zugong_core::journal::Journal;
use zugong_dataset::World;
use zugong_dataset::journals::Kind;
use zugong_dataset::lang::Lang;
use zugong_scenario::{Until, write_journal};

use crate::cli::{Data, JournalArgs, load_world_from};
use crate::error::CliError;

/// Where a scenario's journal goes: a file (`--journal`, or `DIR/journals/NAME.jsonl`), or
/// the store (`--db`), as the new journal `NAME`.
#[derive(Debug)]
pub(crate) enum Target {
    /// A journal file of a dataset folder (or elsewhere, with `--journal`).
    File {
        /// The dataset folder.
        dir: PathBuf,
        /// The journal file.
        path: PathBuf,
    },
    /// A new journal in a store.
    Store {
        /// The store.
        db: String,
        /// The journal's name.
        name: String,
    },
}

impl Target {
    /// The target for journal `name` of the data `data`.
    ///
    /// # Errors
    /// As [`journal_path`].
    pub(crate) fn new(data: &Data, args: &JournalArgs, name: &str) -> Result<Self, CliError> {
        match data {
            Data::Folder(dir) => Ok(Self::File {
                dir: dir.clone(),
                path: journal_path(dir, args, name)?,
            }),
            Data::Store(db) => Ok(Self::Store {
                db: db.clone(),
                name: name.to_owned(),
            }),
        }
    }

    /// Records `journal` there: the file written atomically with its head, or the journal
    /// appended to the store in one transaction.
    ///
    /// # Errors
    /// I/O, or the store's refusal (a journal of that name already there).
    pub(crate) fn record<L: Kind>(
        &self,
        world: &World,
        journal: &Journal<L>,
    ) -> Result<(), CliError>
    where
        Journal<L>: Send,
    {
        match self {
            Self::File { dir, path } => write_journal(dir, path, journal),
            Self::Store { db, name } => {
                let mut store = zugong_dataset::database::open(db)?;
                zugong_dataset::database::append_journal(&mut store, name, journal, world)
            }
        }
    }
}

impl std::fmt::Display for Target {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::File { path, .. } => write!(f, "{}", path.display()),
            Self::Store { db, name } => {
                let shown = db
                    .parse::<zugong_store::Location>()
                    .map_or_else(|_| db.clone(), |l| l.to_string());
                write!(f, "{shown} → {name}")
            }
        }
    }
}

/// The journal file: `--journal`, or `DIR/journals/NAME.jsonl`. Never a table or a journal of
/// any dataset (`--force` included: history is extended by a new journal, never rewritten);
/// another existing file only with `--force`.
pub(crate) fn journal_path(
    dir: &Path,
    args: &JournalArgs,
    name: &str,
) -> Result<PathBuf, CliError> {
    let path = match &args.journal {
        Some(p) => p.clone(),
        None => {
            let folder = dir.join("journals");
            std::fs::create_dir_all(&folder).map_err(CliError::io(&folder))?;
            folder.join(format!("{name}.jsonl"))
        }
    };
    if crate::cli::is_data_file(&path) {
        return Err(CliError::WouldOverwriteInput(path));
    }
    if path.exists() && !args.force {
        return Err(CliError::Exists(path));
    }
    Ok(path)
}

/// `zugong scenario rating`.
///
/// # Errors
/// An invalid dataset, an unknown scope, a journal that exists.
pub(crate) fn rating(
    data: &Data,
    scope: Option<&str>,
    on: Option<NaiveDate>,
    args: &JournalArgs,
    lang: Lang,
) -> Result<ExitCode, CliError> {
    let world = load_world_from(data)?;
    let on = on.unwrap_or(world.manifest.as_of);
    let scope = zugong_scenario::rating::scope_of(&world, scope)?;
    let (outcomes, journal) = zugong_scenario::rating::rate(&world, scope, on);
    let path = Target::new(data, args, &format!("rating-{scope}-{}", on.year()))?;
    // A scenario that a rule stopped records nothing: its journal would hold half a story.
    let failed = outcomes.is_empty() || outcomes.iter().any(|o| o.refused.is_some());
    if !failed {
        path.record(&world, &journal)?;
    }
    let name = world.tree.get(scope).map(|u| u.name.as_str()).unwrap_or("");
    let mut out = format!(
        "{} {name} {} ({} {})\n",
        lang.t("星级评定", "Star rating under"),
        on.year(),
        outcomes.len(),
        lang.t("个支部", "branches")
    );
    let mut by = [0u32; 6];
    let (mut up, mut down) = (0, 0);
    for o in &outcomes {
        if let Some(n) = by.get_mut(usize::from(o.after.get())) {
            *n += 1;
        }
        if o.after > o.before {
            up += 1;
        } else if o.after < o.before {
            down += 1;
        }
        let unit = world
            .tree
            .get(o.branch)
            .map(|u| u.name.as_str())
            .unwrap_or("");
        match &o.refused {
            Some(r) => out.push_str(&format!(
                "  ✗ {unit}: {r} ({} {})\n",
                lang.t("停在", "stopped at"),
                o.stage
            )),
            None => out.push_str(&format!("  ✓ {unit}: {} → {}\n", o.before, o.after)),
        }
    }
    out.push_str(&format!(
        "{}: 五星 {} 四星 {} 三星 {} 二星 {} 一星 {} 无星 {}; {} {up}, {} {down}\n",
        lang.t("评定结果", "Result"),
        by[5],
        by[4],
        by[3],
        by[2],
        by[1],
        by[0],
        lang.t("升星", "up"),
        lang.t("降星", "down"),
    ));
    out.push_str(&format!("{} {}\n", lang.t("日志", "journal"), &path));
    finish(out, failed, lang)
}

/// `zugong scenario selection`.
///
/// # Errors
/// An invalid dataset, an unknown post, a journal that exists.
pub(crate) fn selection(
    data: &Data,
    post: Option<&str>,
    until: Until,
    on: Option<NaiveDate>,
    args: &JournalArgs,
    lang: Lang,
) -> Result<ExitCode, CliError> {
    let world = load_world_from(data)?;
    let on = on.unwrap_or(world.manifest.as_of);
    let w = zugong_scenario::selection::walk(&world, post, until, on)?;
    let path = Target::new(data, args, &format!("selection-{}", w.post.id))?;
    // A scenario that a rule stopped records nothing: its journal would hold half a story.
    let failed = w.steps.iter().any(|s| !s.done);
    if !failed {
        path.record(&world, &w.journal)?;
    }
    let mut out = String::new();
    let unit = world.holder_name(w.post.holder);
    out.push_str(&format!(
        "{} {} — {} ({})\n",
        lang.t("选拔任用", "Selection for"),
        w.post.title,
        unit,
        w.post.rank
    ));
    let body = world
        .tree
        .get(w.authority.unit)
        .map(|u| u.name.as_str())
        .unwrap_or("");
    out.push_str(&format!(
        "{}: {body}\n",
        lang.t("决定机关（下管一级）", "Deciding body (one level down)")
    ));
    out.push_str(&format!(
        "{}: {} {}, {} {}\n",
        lang.t("全口径筛查", "Whole-pool screening"),
        world.cadres.len(),
        lang.t("名干部", "cadres"),
        w.screening.eligible,
        lang.t("人符合岗位画像", "meet the post profile")
    ));
    for (reason, n) in &w.screening.excluded {
        out.push_str(&format!("  − {}: {n}\n", exclusion_term(*reason, lang)));
    }
    for (i, r) in w.screening.shortlist.iter().enumerate() {
        if let Some(c) = world.cadres.get(r.row) {
            out.push_str(&format!(
                "  {}. {} {} {} — {} {} (政治 {} 实绩 {} 经历 {} 基层 {} 学历 {} 年轻 {})\n",
                i + 1,
                c.name,
                c.rank,
                c.citizen_id,
                lang.t("综合得分", "score"),
                r.score,
                r.political,
                r.performance,
                r.experience,
                r.grassroots,
                r.education,
                r.youth
            ));
        }
    }
    for s in &w.steps {
        out.push_str(&format!(
            "{} {} {}: {}\n",
            if s.done { "✓" } else { "✗" },
            s.on,
            s.step,
            s.detail
        ));
    }
    out.push_str(&format!(
        "{}: {} — {} {}\n",
        lang.t("所处环节", "Stage"),
        zugong_report::stage_name(w.stage, lang),
        lang.t("日志", "journal"),
        &path
    ));
    finish(out, failed, lang)
}

/// `zugong scenario training`.
///
/// # Errors
/// An invalid dataset, a journal that exists.
pub(crate) fn training(
    data: &Data,
    on: Option<NaiveDate>,
    args: &JournalArgs,
    lang: Lang,
) -> Result<ExitCode, CliError> {
    let world = load_world_from(data)?;
    let on = on.unwrap_or(world.manifest.as_of + Duration::days(7));
    let (o, journal) = zugong_scenario::training::run_fallback(&world, on);
    let path = Target::new(data, args, &format!("training-fallback-{on}"))?;
    // A scenario that a rule stopped records nothing: its journal would hold half a story.
    let failed = !o.refusals.is_empty();
    if !failed {
        path.record(&world, &journal)?;
    }
    let mut out = format!(
        "{}: {} {}\n",
        lang.t("兜底培训", "Fallback training"),
        o.short,
        lang.t("名党员学时不足", "members short of their 学时")
    );
    for (organizer, seats, trained) in &o.classes {
        let name = world
            .tree
            .get(*organizer)
            .map(|u| u.name.as_str())
            .unwrap_or("");
        out.push_str(&format!(
            "  {name}: {} {seats}, {} {trained}\n",
            lang.t("名额", "seats"),
            lang.t("参训", "trained")
        ));
    }
    for (m, reason) in &o.uncovered {
        out.push_str(&format!("  ✗ {m}: {reason:?}\n"));
    }
    for r in &o.refusals {
        out.push_str(&format!("  ✗ {r}\n"));
    }
    out.push_str(&format!(
        "{} {}；{} {}；{} {}\n",
        lang.t("记入学时", "credited"),
        o.credited,
        lang.t("仍不足", "still short"),
        o.still_short,
        lang.t("日志", "journal"),
        &path
    ));
    finish(out, failed, lang)
}

/// `zugong scenario development`.
///
/// # Errors
/// An invalid dataset, an unknown scope, a journal that exists.
pub(crate) fn development(
    data: &Data,
    scope: Option<&str>,
    on: Option<NaiveDate>,
    args: &JournalArgs,
    lang: Lang,
) -> Result<ExitCode, CliError> {
    let world = load_world_from(data)?;
    let on = on.unwrap_or(world.manifest.as_of);
    let scope = zugong_scenario::rating::scope_of(&world, scope)?;
    let (cohort, journal) = zugong_scenario::development::develop(&world, scope, on);
    let path = Target::new(data, args, &format!("development-{scope}-{on}"))?;
    let failed = cohort.paths == 0 || !cohort.refusals.is_empty();
    if !failed {
        path.record(&world, &journal)?;
    }
    let name = world.tree.get(scope).map(|u| u.name.as_str()).unwrap_or("");
    let mut out = format!(
        "{} {name}: {} {}, {} {}\n",
        lang.t("发展党员", "Member development under"),
        cohort.paths,
        lang.t("名申请人", "applicants"),
        cohort.full,
        lang.t("名转为正式党员", "became full members")
    );
    for r in &cohort.refusals {
        out.push_str(&format!("  ✗ {r}\n"));
    }
    if !failed {
        out.push_str(&format!("{} {}\n", lang.t("日志", "journal"), &path));
    }
    finish(out, failed, lang)
}

/// Why a cadre was screened out, in words.
fn exclusion_term(e: zugong_cadre::Exclusion, lang: Lang) -> &'static str {
    match e {
        zugong_cadre::Exclusion::OutOfScope => {
            lang.t("不在管理范围", "outside the deciding body's scope")
        }
        zugong_cadre::Exclusion::Rank => lang.t("职务层次不符", "not at the rank below"),
        zugong_cadre::Exclusion::TimeInRank => lang.t("任职年限不足", "too little time in rank"),
        zugong_cadre::Exclusion::Age => lang.t("年龄不符", "outside the age band"),
        zugong_cadre::Exclusion::Education => lang.t("学历不符", "education below the least"),
        zugong_cadre::Exclusion::Grassroots => {
            lang.t("基层经历不足", "too little grassroots experience")
        }
        zugong_cadre::Exclusion::Political => {
            lang.t("政治素质评分不足", "political score below the least")
        }
        zugong_cadre::Exclusion::AssessmentRecord => lang.t(
            "近三年有基本称职以下等次",
            "基本称职 or below in three years",
        ),
        zugong_cadre::Exclusion::Training => lang.t("培训未达标", "training not met"),
        zugong_cadre::Exclusion::Field => lang.t("专业领域不符", "another field of work"),
        zugong_cadre::Exclusion::Flags => lang.t("不符合画像标签", "missing a required flag"),
    }
}

/// Prints a scenario's narrative `out` and gives its exit code: 1, with the reason, when a
/// rule stopped it (its journal was not written), else 0.
///
/// # Errors
/// Standard output cannot be written.
fn finish(mut out: String, failed: bool, lang: Lang) -> Result<ExitCode, CliError> {
    if failed {
        out.push_str(lang.t(
            "✗ 未完成：未写入日志（见上方被拒绝的环节及其依据）\n",
            "✗ not completed: no journal written (see the refused step and its rule above)\n",
        ));
    }
    crate::cli::write_output(None, None, false, &out)?;
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}
