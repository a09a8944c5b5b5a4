//! `zugong scenario rating`: the star-rating rounds (自评 → 上级审核 → 审定 → 公示 → 授星) of the
//! year for every branch under a unit — one `zugong_branch::RatingRound` per rating committee,
//! over all the branches it rates — scored on the dataset's rubric from the branch scores,
//! writing one journal of all the rounds.

use chrono::{Datelike, Duration, NaiveDate};
use zugong_branch::{
    BranchRatingCommand, RatingCommand, RatingContext, RatingError, RatingRound, RatingStage,
    ReviewMethod, Scoresheet, StarLevel,
};
use zugong_core::journal::Journal;
use zugong_core::{AdminLevel, Authority, OrgKind, OrgUnitId, RatingRoundId, WorkCalendar};

use crate::issue;
use zugong_dataset::DatasetError;
use zugong_dataset::journals::{JournalKind, stream_uuid};
use zugong_dataset::text::{Text, text};
use zugong_dataset::{BranchRecord, World};

/// The outcome of one branch's round.
#[derive(Debug)]
pub struct RoundOutcome {
    /// The branch.
    pub branch: OrgUnitId,
    /// Stars recorded in the dataset before the round.
    pub before: StarLevel,
    /// Stars after the round (the recorded ones if it did not finish).
    pub after: StarLevel,
    /// The stage reached.
    pub stage: RatingStage,
    /// Why it stopped early, with the rule.
    pub refused: Option<Text>,
}

/// The scope: the unit named (id or exact name), else the first town committee.
///
/// # Errors
/// [`DatasetError::BadArgument`] for a name or id that is no unit of the dataset, or a
/// dataset without a town committee when none is named.
pub fn scope_of(world: &World, scope: Option<&str>) -> Result<OrgUnitId, DatasetError> {
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
                    DatasetError::BadArgument(text!(
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
                DatasetError::BadArgument(text!("数据集中没有组织", "the dataset has no units"))
            }),
    }
}

/// The id of a committee's round of a year: the same in every run, so a copied journal is
/// recognised.
pub fn round_id(committee: OrgUnitId, year: i32) -> RatingRoundId {
    RatingRoundId::from_uuid(stream_uuid(
        JournalKind::Rating,
        &[committee.as_uuid().as_bytes(), &year.to_be_bytes()],
    ))
}

/// One branch's rating as the scenario walks it.
struct Walked<'a> {
    branch: &'a BranchRecord,
    round: RatingRoundId,
    upper: Authority,
    steps: Vec<(NaiveDate, Authority, BranchRatingCommand, &'static str)>,
    refused: Option<Text>,
}

impl Walked<'_> {
    fn on_branch(&self, command: BranchRatingCommand) -> RatingCommand {
        RatingCommand::Branch {
            branch: self.branch.unit,
            command,
        }
    }
}

/// Runs the rounds of every committee rating branches under `scope` in one journal — each
/// round opened over all the branches its committee rates — step by step across the branches
/// so that the journal stays in order of time; returns the outcomes and the journal.
pub fn rate(
    world: &World,
    scope: OrgUnitId,
    on: NaiveDate,
) -> (Vec<RoundOutcome>, Journal<RatingRound>) {
    let calendar = WorkCalendar::official();
    let mut journal = Journal::<RatingRound>::new();
    let Some(rubric) = &world.rubric else {
        return (Vec::new(), journal);
    };
    let ctx = RatingContext {
        tree: &world.tree,
        rubric,
        calendar: &calendar,
    };
    let mut walks: Vec<Walked<'_>> = Vec::new();
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
        let steps = vec![
            (
                on + Duration::days(1),
                own,
                BranchRatingCommand::SelfAssess {
                    sheet: sheet.clone(),
                    proposed,
                },
                "支部自评",
            ),
            (
                on + Duration::days(3),
                upper,
                BranchRatingCommand::Review {
                    sheet,
                    methods: vec![ReviewMethod::SiteVisit, ReviewMethod::DocumentReview],
                },
                "上级党组织审核",
            ),
            (
                on + Duration::days(5),
                upper,
                BranchRatingCommand::Approve { stars: None },
                "审定",
            ),
            (
                on + Duration::days(6),
                upper,
                BranchRatingCommand::StartPublicity,
                "公示",
            ),
        ];
        walks.push(Walked {
            branch: b,
            round: round_id(upper.unit, on.year()),
            upper,
            steps,
            refused: None,
        });
    }
    // 开展评星: each committee opens its round over every branch it rates.
    let mut rounds: std::collections::BTreeMap<RatingRoundId, (Authority, Vec<OrgUnitId>)> =
        std::collections::BTreeMap::new();
    for w in &walks {
        rounds
            .entry(w.round)
            .or_insert_with(|| (w.upper, Vec::new()))
            .1
            .push(w.branch.unit);
    }
    for (round, (upper, branches)) in rounds {
        let open = RatingCommand::Open {
            committee: upper.unit,
            year: on.year(),
            branches,
        };
        if let Err(e) = issue(&mut journal, round, open, on, upper, "开展评星", &ctx) {
            for w in walks.iter_mut().filter(|w| w.round == round) {
                w.refused = Some(text!("开展评星: {e}", "opening the rating: {e}"));
            }
        }
    }
    for step in 0..4 {
        for w in walks.iter_mut().filter(|w| w.refused.is_none()) {
            let Some((day, who, step_cmd, why)) = w.steps.get(step).cloned() else {
                continue;
            };
            let mut cmd = w.on_branch(step_cmd);
            // An enforced five-star cap the round has filled: 审定 at four stars, as the
            // rubric's guidance says (the lowest-scored five stars beyond it become four).
            if matches!(
                cmd,
                RatingCommand::Branch {
                    command: BranchRatingCommand::Approve { stars: None },
                    ..
                }
            ) {
                let act = zugong_dataset::act::act(day, 0, who);
                if let Err(RatingError::FiveStarCapReached { .. }) =
                    journal.decide(w.round, &cmd, &act, &ctx)
                {
                    cmd = w.on_branch(BranchRatingCommand::Approve {
                        stars: Some(StarLevel::FIVE.down(1)),
                    });
                }
            }
            if let Err(e) = issue(&mut journal, w.round, cmd, day, who, why, &ctx) {
                w.refused = Some(text!("{why}: {e}", "{why}: {e}"));
            }
        }
    }
    // 授星 the day after each 公示 ends, in order of those days.
    let mut awards: Vec<(NaiveDate, usize)> = walks
        .iter()
        .enumerate()
        .filter(|(_, w)| w.refused.is_none())
        .filter_map(|(i, w)| {
            let until = journal
                .state(w.round)?
                .branch(w.branch.unit)?
                .publicity()?
                .until();
            Some((until + Duration::days(1), i))
        })
        .collect();
    awards.sort();
    for (day, i) in awards {
        if let Some(w) = walks.get_mut(i)
            && let Err(e) = issue(
                &mut journal,
                w.round,
                w.on_branch(BranchRatingCommand::Award),
                day,
                w.upper,
                "授星",
                &ctx,
            )
        {
            w.refused = Some(text!("授星: {e}", "awarding the stars: {e}"));
        }
    }
    let outcomes = walks
        .into_iter()
        .map(|w| {
            let round = journal.state(w.round).and_then(|r| r.branch(w.branch.unit));
            let stage = round.map_or(RatingStage::NotOpened, zugong_branch::BranchRating::stage);
            let after = match round {
                Some(r) if stage == RatingStage::Awarded => r.stars(),
                _ => w.branch.stars,
            };
            RoundOutcome {
                branch: w.branch.unit,
                before: w.branch.stars,
                after,
                stage,
                refused: w.refused,
            }
        })
        .collect();
    (outcomes, journal)
}
