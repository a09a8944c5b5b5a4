//! `zugong scenario selection`: screen the whole pool for a post and rank it (全口径筛查、全要素
//! 比选), then walk the selection 动议 → 民主推荐 → 确定考察对象 → 考察 → 讨论决定 → 任前公示
//! (→ 任职) through `zugong_cadre::Selection`, with the political gate at every step, writing the
//! journal.

use std::collections::BTreeMap;

use chrono::{Datelike, Duration, NaiveDate};
use serde::Serialize;
use zugong_cadre::{
    AssessmentGrade, CadreRow, ElectionResult, InspectionRecord, PersonalMatters, PoliticalReview,
    Post, PostProfile, Recommendation, RecommendationKind, Screening, Selection, SelectionCommand,
    SelectionMode, SelectionPolicy, SelectionStage, Tenure, VoteCount, WorkFunction,
    YoungCadreAges, flags, screen,
};
use zugong_core::dates::{completed_months, completed_years};
use zugong_core::journal::Journal;
use zugong_core::publicity::Publicity;
use zugong_core::{
    Authority, CoManagerAnswer, Consultation, ManagementEntry, PositionId, RankOrGrade, SelectionId,
};

use crate::{Until, issue};
use zugong_dataset::DatasetError;
use zugong_dataset::journals::{JournalKind, stream_uuid};
use zugong_dataset::text::{Text, text};
use zugong_dataset::{CadreRecord, World};

/// Cadres as flat screening rows on `on` (same order as `world.cadres`).
pub fn cadre_rows(world: &World, on: NaiveDate) -> Vec<CadreRow> {
    let ages = YoungCadreAges::default();
    world
        .cadres
        .iter()
        .map(|c| {
            let recent = (on.year() - 3)..on.year();
            let last3: Vec<AssessmentGrade> = c
                .assessments
                .iter()
                .filter(|(y, _)| recent.contains(y))
                .map(|(_, g)| *g)
                .collect();
            let age = completed_years(c.citizen_id.birth_date(), on);
            let mut f = 0u8;
            if c.leads_unit {
                f |= flags::TOP_LEADER;
            }
            if age <= ages.township {
                f |= flags::YOUNG_CADRE;
            }
            if matches!(
                c.function,
                Some(
                    WorkFunction::Organization | WorkFunction::Personnel | WorkFunction::Discipline
                )
            ) {
                f |= flags::KEY_POST;
            }
            CadreRow {
                unit: world
                    .tree
                    .slot(c.unit)
                    .map_or(u32::MAX, zugong_training::unit_row),
                rank_step: rank_step(c.rank),
                months_in_rank: u16::try_from(completed_months(c.rank_since, on))
                    .unwrap_or(u16::MAX),
                age: u8::try_from(age).unwrap_or(u8::MAX),
                education: c.education,
                grassroots_months: c.grassroots_months,
                excellent_last_3: last3
                    .iter()
                    .filter(|g| **g == AssessmentGrade::Excellent)
                    .count() as u8,
                below_competent_last_3: last3.iter().any(|g| *g < AssessmentGrade::Competent),
                political_score: c.political_score,
                training_met: c.training_met(world.manifest.as_of),
                field: c.field,
                flags: f,
            }
        })
        .collect()
}

/// A rank's ladder step (0 for a 职级 without a leadership post).
fn rank_step(rank: RankOrGrade) -> u8 {
    match rank {
        RankOrGrade::Leadership(r) => r.step(),
        RankOrGrade::Grade(_) => 0,
    }
}

/// The post's row of the dataset's management list (干部管理权限): who decides on it, who is
/// consulted.
pub fn management_row<'w>(world: &'w World, post: &Post) -> Option<&'w ManagementEntry> {
    world
        .management
        .lookup(post.id, post.holder, post.leadership_rank())
}

/// The age band screening considers: the scenario's choice, not a rule (the national rule sets no
/// oldest age; a province's `SelectionPolicy::max_age` narrows it).
const AGE_BAND: (u8, u8) = (22, 57);
/// The political-profile score a shortlist needs: the scenario's choice, above the gate's pass
/// mark (`SelectionPolicy::political_pass_score`) so that nobody shortlisted is marginal.
const SHORTLIST_POLITICAL_SCORE: u8 = 75;

/// The profile a post asks of the pool: the rules' profile of a promotion to its rank
/// (`PostProfile::for_promotion`: the rank below, the years Art 8(三) asks there, the least
/// 学历, training met), narrowed by the scenario to the deciding body's jurisdiction, an age
/// band and a political score above the gate's pass mark.
fn profile(post: &Post, authority: &Authority, policy: &SelectionPolicy) -> PostProfile {
    let mut profile = PostProfile::for_promotion(post.rank, policy);
    profile.age_range = (AGE_BAND.0, profile.age_range.1.min(AGE_BAND.1));
    profile.min_political_score = SHORTLIST_POLITICAL_SCORE;
    profile.scope = Some(authority.unit);
    profile
}

/// One step of the walk, for the narrative.
#[derive(Debug, Clone, Serialize)]
pub struct StepOutcome {
    /// The step's official name.
    pub step: &'static str,
    /// The day.
    pub on: NaiveDate,
    /// What happened (or why it was refused).
    pub detail: Text,
    /// Whether the step was done.
    pub done: bool,
}

/// The result of a walk.
#[derive(Debug)]
pub struct Walk {
    /// The post.
    pub post: Post,
    /// The deciding body.
    pub authority: Authority,
    /// The screening of the pool.
    pub screening: Screening,
    /// The steps.
    pub steps: Vec<StepOutcome>,
    /// The journal.
    pub journal: Journal<Selection>,
    /// The stage reached.
    pub stage: SelectionStage,
}

/// The id of the selection for `post` moved on `on`: the same in every run, so a copied
/// journal is recognised.
pub fn selection_id(post: &Post, on: NaiveDate) -> SelectionId {
    SelectionId::from_uuid(stream_uuid(
        JournalKind::Selection,
        &[post.id.as_uuid().as_bytes(), on.to_string().as_bytes()],
    ))
}

/// Picks the post: the one named, else the first vacant 乡科级 post.
fn pick_post(world: &World, post: Option<&str>) -> Result<Post, DatasetError> {
    if let Some(text) = post {
        let id: PositionId = text.trim().parse().map_err(|_| {
            DatasetError::BadArgument(text!(
                "--post {text:?} 不是职位编号",
                "--post {text:?} is not a post id"
            ))
        })?;
        return world
            .posts
            .iter()
            .find(|p| p.id == id)
            .cloned()
            .ok_or_else(|| {
                DatasetError::BadArgument(text!(
                    "职位 {id} 不在数据集中",
                    "post {id} is not in the dataset"
                ))
            });
    }
    let held: std::collections::HashSet<PositionId> =
        world.cadres.iter().filter_map(|c| c.post).collect();
    // Posts with a selection already journaled are left to it.
    let journaled = |p: &Post| {
        let name = format!("selection-{}.jsonl", p.id);
        world.journals.iter().any(|j| j.file.ends_with(&name))
    };
    world
        .posts
        .iter()
        .filter(|p| !held.contains(&p.id) && !journaled(p))
        .filter(|p| {
            p.leadership_rank()
                .is_some_and(|r| r.level() <= zugong_core::RankLevel::TownshipSection)
        })
        .min_by_key(|p| (rank_step(p.rank) != 1, p.title.clone()))
        .cloned()
        .ok_or_else(|| {
            DatasetError::BadArgument(text!(
                "数据集中没有空缺职位；请用 --post 指定",
                "the dataset has no vacant post; name one with --post"
            ))
        })
}

fn review_of(c: &CadreRecord) -> PoliticalReview {
    PoliticalReview::uniform(
        u32::from(c.political_score),
        "政治素质档案、日常了解与廉政意见",
    )
}

/// Screens and walks the selection of a post.
///
/// # Errors
/// [`DatasetError::BadArgument`] for an unknown post or one no committee may decide on.
pub fn walk(
    world: &World,
    post: Option<&str>,
    until: Until,
    on: NaiveDate,
) -> Result<Walk, DatasetError> {
    let post = pick_post(world, post)?;
    let row = management_row(world, &post).copied();
    let authority = row
        .map(|r| Authority::party_committee(r.manager))
        .ok_or_else(|| {
            DatasetError::BadArgument(text!(
                "数据集中没有党委有权决定职位 {}（{}）",
                "no committee in the dataset may decide on post {} ({})",
                post.id,
                post.rank
            ))
        })?;
    let rows = cadre_rows(world, on);
    let policy = SelectionPolicy::default();
    let screening = screen(&world.tree, &rows, &profile(&post, &authority, &policy));
    // The shortlist's first three who meet the rules on the day they would be chosen (Art 8
    // and every 影响期, read from their files as the selection itself will read them).
    let files = world.cadre_files();
    let choose_day = on + Duration::days(3);
    let shortlist: Vec<&CadreRecord> = screening
        .shortlist
        .iter()
        .filter_map(|r| world.cadres.get(r.row))
        .filter(|c| {
            files.get(c.id).is_some_and(|f| {
                f.consider(&post, &world.tree, &world.institutions, choose_day, &policy)
                    .is_none_or(|found| found.admits())
            })
        })
        .take(3)
        .collect();
    let rules = world.rules();
    let ctx = rules.selection();
    let id = selection_id(&post, on);
    let mut sel = Selection::default();
    let mut journal = Journal::<Selection>::new();
    let mut steps = Vec::new();
    let mut run = |sel: &mut Selection,
                   name: &'static str,
                   day: NaiveDate,
                   cmd: SelectionCommand,
                   detail: Text|
     -> bool {
        let outcome = issue(&mut journal, id, cmd, day, authority, name, &ctx);
        *sel = journal.state(id).cloned().unwrap_or_default();
        match outcome {
            Ok(_) => {
                steps.push(StepOutcome {
                    step: name,
                    on: day,
                    detail,
                    done: true,
                });
                sel.stage() != SelectionStage::Ended
            }
            Err(why) => {
                steps.push(StepOutcome {
                    step: name,
                    on: day,
                    detail: why,
                    done: false,
                });
                false
            }
        }
    };
    let go = 'walk: {
        if shortlist.is_empty() {
            steps.push(StepOutcome {
                step: "全口径筛查",
                on,
                detail: text!(
                    "干部库中无人符合岗位画像",
                    "nobody in the pool meets the post's profile"
                ),
                done: false,
            });
            break 'walk false;
        }
        let gate = PoliticalReview::uniform(90, "班子政治研判");
        if !run(
            &mut sel,
            "分析研判和动议",
            on,
            SelectionCommand::Motion {
                post: post.clone(),
                mode: SelectionMode::IndividualPromotion,
                plan: format!("{}空缺，按全口径筛查结果酝酿人选", post.title),
                review: gate.clone(),
                exceptional: None,
                proposed: Vec::new(),
            },
            Text::same(format!(
                "{} {} ({})",
                post.title,
                post.rank,
                world.holder_name(post.holder)
            )),
        ) {
            break 'walk false;
        }
        let votes = [15u32, 8, 4];
        let tallies: BTreeMap<_, _> = shortlist
            .iter()
            .zip(votes)
            .map(|(c, v)| (c.id, v))
            .collect();
        for (kind, day, name) in [
            (
                RecommendationKind::InterviewSurvey,
                on + Duration::days(1),
                "民主推荐（谈话调研推荐）",
            ),
            (
                RecommendationKind::Meeting,
                on + Duration::days(2),
                "民主推荐（会议推荐）",
            ),
        ] {
            let rec = Recommendation {
                kind,
                held_on: day,
                participants: 30,
                present: 27,
                tallies: tallies.clone(),
            };
            if !run(
                &mut sel,
                name,
                day,
                SelectionCommand::Recommend {
                    recommendation: rec,
                    review: gate.clone(),
                },
                "30 人参加，27 人到会".into(),
            ) {
                break 'walk false;
            }
        }
        let candidates: Vec<&CadreRecord> = shortlist.iter().take(2).copied().collect();
        let reviews = candidates.iter().map(|c| (c.id, review_of(c))).collect();
        let names: Vec<&str> = candidates.iter().map(|c| c.name.as_str()).collect();
        if !run(
            &mut sel,
            "确定考察对象",
            choose_day,
            SelectionCommand::ChooseCandidates {
                candidates: candidates.iter().map(|c| c.id).collect(),
                skip_meeting: false,
                reviews,
            },
            Text::from_fn(|lang| names.join(lang.t("、", ", "))),
        ) {
            break 'walk false;
        }
        for c in &candidates {
            let record = InspectionRecord {
                notice_published: true,
                team_size: 2,
                individual_talks: 24,
                evaluation: (22, 24),
                file_reviewed: true,
                personal_matters: PersonalMatters::Truthful,
                discipline_opinion_clear: true,
                complaints_checked: true,
                feedback_given: true,
            };
            if !run(
                &mut sel,
                "考察",
                on + Duration::days(8),
                SelectionCommand::Inspect {
                    cadre: c.id,
                    record,
                    review: review_of(c),
                },
                text!(
                    "{}：个别谈话 24 人，民主测评 22/24",
                    "{}: 24 interviewed, 22 of 24 in favour",
                    c.name
                ),
            ) {
                break 'walk false;
            }
        }
        let remaining: Vec<&CadreRecord> = candidates
            .iter()
            .filter(|c| sel.candidates().contains(&c.id) && !sel.dropped().contains_key(&c.id))
            .copied()
            .collect();
        let votes: BTreeMap<_, _> = remaining
            .iter()
            .enumerate()
            .map(|(i, c)| {
                (
                    c.id,
                    if i == 0 {
                        VoteCount {
                            agree: 8,
                            disagree: 1,
                            defer: 0,
                        }
                    } else {
                        VoteCount {
                            agree: 1,
                            disagree: 8,
                            defer: 0,
                        }
                    },
                )
            })
            .collect();
        if !run(
            &mut sel,
            "讨论决定",
            on + Duration::days(14),
            SelectionCommand::Decide {
                members: 11,
                present: 9,
                votes,
                review: gate.clone(),
                // 双重管理: the co-manager's views, sought at the motion and given a week on.
                consultation: row.and_then(|r| r.co_manager).map(|co| {
                    Consultation::asked(co, on)
                        .answered(CoManagerAnswer::Agreed, on + Duration::days(7))
                }),
            },
            "常委会 11 人，到会 9 人".into(),
        ) {
            break 'walk false;
        }
        if until == Until::Decision {
            break 'walk true;
        }
        if !run(
            &mut sel,
            "任前公示",
            on + Duration::days(15),
            SelectionCommand::StartPublicity {
                review: gate.clone(),
            },
            "公示 5 个工作日".into(),
        ) {
            break 'walk false;
        }
        if until == Until::Publicity {
            break 'walk true;
        }
        let Some(until_day) = sel.publicity().map(Publicity::until) else {
            break 'walk false;
        };
        let Some((_, chosen)) = sel.decided() else {
            break 'walk false;
        };
        let Some(cadre) = world.cadres.iter().find(|c| c.id == chosen) else {
            break 'walk false;
        };
        // 回避 is the selection's own check, from the dataset's registers in the context.
        run(
            &mut sel,
            "任职",
            until_day + Duration::days(1),
            SelectionCommand::Appoint {
                talk_held: true,
                review: review_of(cadre),
                // A 选任制 post is filled by its vote: the scenario's congress elects.
                election: (post.tenure == Tenure::Elected).then(|| {
                    ElectionResult::new(
                        format!("{}选举会议", world.holder_name(post.holder)),
                        until_day + Duration::days(1),
                        180,
                        200,
                    )
                }),
            },
            text!("任职谈话：{}", "appointment talk: {}", cadre.name),
        )
    };
    let _ = go;
    Ok(Walk {
        post,
        authority,
        screening,
        steps,
        journal,
        stage: sel.stage(),
    })
}
