//! `zugong scenario rating`: a star-rating round (自评 → 上级审核 → 审定 → 公示 → 授星) for every
//! branch under a unit, through `zugong_branch::RatingRound`, scored on the dataset's rubric
//! from the branch scores, writing one journal of all the rounds.

use std::path::Path;
use std::process::ExitCode;

use chrono::{Datelike, Duration, NaiveDate};
use serde::{Deserialize, Serialize};
use zugong_branch::{
    RatingCommand, RatingContext, RatingEvent, RatingRound, RatingStage, ReviewMethod, Scoresheet,
    StarLevel,
};
use zugong_core::journal::{Envelope, ExecuteError, Journal, MemoryJournal, execute};
use zugong_core::{AdminLevel, Authority, OrgKind, OrgUnitId, WorkCalendar};

use super::{journal_path, write_journal};
use crate::cli::{JournalArgs, load_world};
use crate::dataset::World;
use crate::error::CliError;
use crate::lang::{Lang, tr};
use crate::stamp::stamp_at;

/// One line of the rating journal: the round (its branch) and an entry of its journal.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RoundEntry {
    /// The branch rated.
    pub(crate) round: OrgUnitId,
    /// The entry.
    pub(crate) entry: Envelope<RatingEvent>,
}

/// The outcome of one branch's round.
#[derive(Debug)]
pub(crate) struct RoundOutcome {
    /// The branch.
    pub(crate) branch: OrgUnitId,
    /// Stars recorded in the dataset before the round.
    pub(crate) before: StarLevel,
    /// Stars after the round (the recorded ones if it did not finish).
    pub(crate) after: StarLevel,
    /// The stage reached.
    pub(crate) stage: RatingStage,
    /// Why it stopped early, with the rule.
    pub(crate) refused: Option<String>,
}

/// The scope: the unit named (id or exact name), else the first town committee.
fn scope_of(world: &World, scope: Option<&str>) -> Result<OrgUnitId, CliError> {
    match scope {
        Some(text) => {
            let text = text.trim();
            if let Ok(id) = text.parse::<OrgUnitId>()
                && world.tree.contains(id)
            {
                return Ok(id);
            }
            world
                .tree
                .units()
                .iter()
                .find(|u| u.name == text)
                .map(|u| u.id)
                .ok_or_else(|| {
                    CliError::BadArgument(tr!(
                        crate::lang::Lang::current(),
                        "--scope {text:?} 不是数据集中的组织",
                        "--scope {text:?} is not a unit of the dataset"
                    ))
                })
        }
        None => world
            .tree
            .preorder()
            .filter_map(|s| world.tree.unit(s))
            .find(|u| u.level == AdminLevel::Township && u.kind == OrgKind::Committee)
            .or_else(|| world.tree.units().first())
            .map(|u| u.id)
            .ok_or_else(|| {
                CliError::BadArgument(tr!(
                    crate::lang::Lang::current(),
                    "数据集中没有组织",
                    "the dataset has no units"
                ))
            }),
    }
}

/// Runs the rounds of every branch under `scope`; returns the outcomes and the journal lines.
pub(crate) fn rate(
    world: &World,
    scope: OrgUnitId,
    on: NaiveDate,
) -> (Vec<RoundOutcome>, Vec<RoundEntry>) {
    let calendar = WorkCalendar::official();
    let mut outcomes = Vec::new();
    let mut lines = Vec::new();
    let Some(rubric) = &world.rubric else {
        return (outcomes, lines);
    };
    for b in &world.branches {
        if !world.tree.is_within(b.unit, scope).unwrap_or(false) {
            continue;
        }
        let upper = world
            .tree
            .ancestors(b.unit)
            .ok()
            .and_then(|mut a| a.find(|u| u.kind.is_committee()))
            .map_or(scope, |u| u.id);
        let upper = Authority::party_committee(upper);
        let own = Authority::party_committee(b.unit);
        let sheet = world
            .scores
            .get(&b.unit)
            .cloned()
            .unwrap_or_else(Scoresheet::default);
        let proposed = rubric
            .assess(&sheet)
            .map(|a| a.stars)
            .unwrap_or(StarLevel::NONE);
        let mut round = RatingRound::default();
        let mut journal: MemoryJournal<RatingEvent> = MemoryJournal::new();
        let mut refused = None;
        let mut steps: Vec<(NaiveDate, Authority, RatingCommand, &str)> = vec![
            (
                on,
                upper,
                RatingCommand::Open {
                    branch: b.unit,
                    year: on.year(),
                },
                "开展评星",
            ),
            (
                on + Duration::days(1),
                own,
                RatingCommand::SelfAssess {
                    sheet: sheet.clone(),
                    proposed,
                },
                "支部自评",
            ),
            (
                on + Duration::days(3),
                upper,
                RatingCommand::Review {
                    sheet,
                    methods: vec![ReviewMethod::SiteVisit, ReviewMethod::DocumentReview],
                },
                "上级党组织审核",
            ),
            (
                on + Duration::days(5),
                upper,
                RatingCommand::Approve { stars: None },
                "审定",
            ),
            (
                on + Duration::days(6),
                upper,
                RatingCommand::StartPublicity,
                "公示",
            ),
        ];
        let mut step = 0u32;
        let mut run = |round: &mut RatingRound,
                       day: NaiveDate,
                       who: Authority,
                       cmd: &RatingCommand,
                       why: &str| {
            let ctx = RatingContext {
                on: day,
                authority: who,
                tree: &world.tree,
                rubric,
                calendar: &calendar,
            };
            step += 1;
            match execute(
                round,
                &mut journal,
                cmd,
                &ctx,
                stamp_at(day, step, who, why),
            ) {
                Ok(_) => None,
                Err(ExecuteError::Refused(e)) => Some(format!(
                    "{why}: {e}{}",
                    e.citation().map(|c| format!(" ({c})")).unwrap_or_default()
                )),
                Err(ExecuteError::Journal(e)) => Some(format!("{why}: {e}")),
            }
        };
        for (day, who, cmd, why) in steps.drain(..) {
            if let Some(r) = run(&mut round, day, who, &cmd, why) {
                refused = Some(r);
                break;
            }
        }
        if refused.is_none()
            && let Some((_, until)) = round.publicity()
        {
            refused = run(
                &mut round,
                until + Duration::days(1),
                upper,
                &RatingCommand::Award,
                "授星",
            );
        }
        let after = if round.stage() == RatingStage::Awarded {
            round.stars()
        } else {
            b.stars
        };
        outcomes.push(RoundOutcome {
            branch: b.unit,
            before: b.stars,
            after,
            stage: round.stage(),
            refused,
        });
        lines.extend(journal.entries().cloned().map(|entry| RoundEntry {
            round: b.unit,
            entry,
        }));
    }
    (outcomes, lines)
}

/// `zugong scenario rating`.
///
/// # Errors
/// An invalid dataset, an unknown scope, a journal that exists.
pub(crate) fn run(
    dir: &Path,
    scope: Option<&str>,
    on: Option<NaiveDate>,
    args: &JournalArgs,
    lang: Lang,
) -> Result<ExitCode, CliError> {
    let world = load_world(dir)?;
    let on = on.unwrap_or(world.manifest.as_of);
    let scope = scope_of(&world, scope)?;
    let (outcomes, lines) = rate(&world, scope, on);
    let path = journal_path(dir, args, &format!("rating-{scope}-{}", on.year()))?;
    write_journal(&path, &lines)?;
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
                "  ✗ {unit}: {r} ({} {:?})\n",
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
    out.push_str(&format!(
        "{} {}\n",
        lang.t("日志", "journal"),
        path.display()
    ));
    crate::cli::write_output(None, None, false, &out)?;
    Ok(ExitCode::SUCCESS)
}
