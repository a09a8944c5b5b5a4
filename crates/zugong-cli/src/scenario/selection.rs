//! `zugong scenario selection`: screen the whole pool for a post and rank it (全口径筛查、全要素
//! 比选), then walk the selection 动议 → 民主推荐 → 确定考察对象 → 考察 → 讨论决定 → 任前公示
//! (→ 任职) through `zugong_cadre::Selection`, with the political gate at every step, writing the
//! journal.

use std::collections::BTreeMap;
use std::process::ExitCode;

use chrono::{Datelike, Duration, NaiveDate};
use serde::Serialize;
use zugong_cadre::{
    AssessmentGrade, CadreRow, ElectionResult, Exclusion, FactorWeights, InspectionRecord,
    PersonalMatters, PoliticalReview, Post, PostProfile, Recommendation, RecommendationKind,
    Screening, Selection, SelectionCommand, SelectionMode, SelectionPolicy, SelectionStage, Tenure,
    VoteCount, WorkFunction, YoungCadreAges, flags, screen,
};
use zugong_core::dates::{completed_months, completed_years};
use zugong_core::journal::Journal;
use zugong_core::publicity::Publicity;
use zugong_core::{
    Authority, CoManagerAnswer, Consultation, ManagementEntry, PositionId, RankOrGrade, SelectionId,
};

use super::{Target, Until, issue};
use crate::cli::{Data, JournalArgs, load_world_from};
use crate::dataset::{CadreRecord, World};
use crate::error::CliError;
use crate::journals::{JournalKind, stream_uuid};
use crate::lang::{Lang, tr};

/// Cadres as flat screening rows on `on` (same order as `world.cadres`).
pub(crate) fn cadre_rows(world: &World, on: NaiveDate) -> Vec<CadreRow> {
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
pub(crate) fn management_row<'w>(world: &'w World, post: &Post) -> Option<&'w ManagementEntry> {
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

/// The profile a post asks of the pool: the rank below it; the years in it a promotion from
/// 副职 to 正职 needs (`SelectionPolicy::deputy_to_chief_years`, 干部任用条例 第八条(三)); the
/// least 学历 (`min_education`, 第八条(四)); training met; inside the deciding body's
/// jurisdiction.
fn profile(post: &Post, authority: &Authority, policy: &SelectionPolicy) -> PostProfile {
    let step = rank_step(post.rank);
    let oldest = policy
        .max_age
        .and_then(|a| u8::try_from(a).ok())
        .map_or(AGE_BAND.1, |a| a.min(AGE_BAND.1));
    PostProfile {
        from_steps: vec![step.saturating_sub(1)],
        min_months_in_rank: u16::try_from(policy.deputy_to_chief_years.saturating_mul(12))
            .unwrap_or(u16::MAX),
        age_range: (AGE_BAND.0, oldest),
        min_education: policy.min_education,
        min_grassroots_months: 0,
        min_political_score: SHORTLIST_POLITICAL_SCORE,
        require_training: true,
        fields: zugong_cadre::FieldSet::any(),
        scope: Some(authority.unit),
        required_flags: 0,
        weights: FactorWeights::default(),
        shortlist: 5,
    }
}

/// One step of the walk, for the narrative.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct StepOutcome {
    /// The step's official name.
    pub(crate) step: &'static str,
    /// The day.
    pub(crate) on: NaiveDate,
    /// What happened (or why it was refused).
    pub(crate) detail: String,
    /// Whether the step was done.
    pub(crate) done: bool,
}

/// The result of a walk.
#[derive(Debug)]
pub(crate) struct Walk {
    /// The post.
    pub(crate) post: Post,
    /// The deciding body.
    pub(crate) authority: Authority,
    /// The screening of the pool.
    pub(crate) screening: Screening,
    /// The steps.
    pub(crate) steps: Vec<StepOutcome>,
    /// The journal.
    pub(crate) journal: Journal<Selection>,
    /// The stage reached.
    pub(crate) stage: SelectionStage,
}

/// The id of the selection for `post` moved on `on`: the same in every run, so a copied
/// journal is recognised.
pub(crate) fn selection_id(post: &Post, on: NaiveDate) -> SelectionId {
    SelectionId::from_uuid(stream_uuid(
        JournalKind::Selection,
        &[post.id.as_uuid().as_bytes(), on.to_string().as_bytes()],
    ))
}

/// Picks the post: the one named, else the first vacant 乡科级 post.
fn pick_post(world: &World, post: Option<&str>) -> Result<Post, CliError> {
    if let Some(text) = post {
        let id: PositionId = text.trim().parse().map_err(|_| {
            CliError::BadArgument(tr!(
                crate::lang::Lang::current(),
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
                CliError::BadArgument(tr!(
                    crate::lang::Lang::current(),
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
            CliError::BadArgument(tr!(
                crate::lang::Lang::current(),
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
/// [`CliError::BadArgument`] for an unknown post or one no committee may decide on.
pub(crate) fn walk(
    world: &World,
    post: Option<&str>,
    until: Until,
    on: NaiveDate,
) -> Result<Walk, CliError> {
    let post = pick_post(world, post)?;
    let row = management_row(world, &post).copied();
    let authority = row
        .map(|r| Authority::party_committee(r.manager))
        .ok_or_else(|| {
            CliError::BadArgument(tr!(
                crate::lang::Lang::current(),
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
    let lang = Lang::current();
    let id = selection_id(&post, on);
    let mut sel = Selection::default();
    let mut journal = Journal::<Selection>::new();
    let mut steps = Vec::new();
    let mut run = |sel: &mut Selection,
                   name: &'static str,
                   day: NaiveDate,
                   cmd: SelectionCommand,
                   detail: String|
     -> bool {
        let outcome = issue(&mut journal, id, cmd, day, authority, name, &ctx, lang);
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
                detail: tr!(
                    crate::lang::Lang::current(),
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
            format!(
                "{} {} ({})",
                post.title,
                post.rank,
                world.holder_name(post.holder)
            ),
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
            names.join("、"),
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
                format!("{}：个别谈话 24 人，民主测评 22/24", c.name),
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
            format!("任职谈话：{}", cadre.name),
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

/// Why a cadre was screened out, in words.
fn exclusion_term(e: Exclusion, lang: Lang) -> &'static str {
    match e {
        Exclusion::OutOfScope => lang.t("不在管理范围", "outside the deciding body's scope"),
        Exclusion::Rank => lang.t("职务层次不符", "not at the rank below"),
        Exclusion::TimeInRank => lang.t("任职年限不足", "too little time in rank"),
        Exclusion::Age => lang.t("年龄不符", "outside the age band"),
        Exclusion::Education => lang.t("学历不符", "education below the least"),
        Exclusion::Grassroots => lang.t("基层经历不足", "too little grassroots experience"),
        Exclusion::Political => lang.t("政治素质评分不足", "political score below the least"),
        Exclusion::AssessmentRecord => lang.t(
            "近三年有基本称职以下等次",
            "基本称职 or below in three years",
        ),
        Exclusion::Training => lang.t("培训未达标", "training not met"),
        Exclusion::Field => lang.t("专业领域不符", "another field of work"),
        Exclusion::Flags => lang.t("不符合画像标签", "missing a required flag"),
    }
}

/// The official name of a selection stage.
pub(crate) fn stage_term(stage: SelectionStage, lang: Lang) -> &'static str {
    match stage {
        SelectionStage::NotStarted => lang.t("未开始", "not started"),
        SelectionStage::Motion => lang.t("动议", "motion"),
        SelectionStage::Recommendation => lang.t("民主推荐", "recommendation"),
        SelectionStage::Candidates => lang.t("确定考察对象", "candidates chosen"),
        SelectionStage::Inspection => lang.t("考察", "inspection"),
        SelectionStage::Decided => lang.t("讨论决定", "decided"),
        SelectionStage::Publicity => lang.t("任前公示", "pre-appointment publicity"),
        SelectionStage::Appointed => lang.t("任职（试用期）", "appointed"),
        SelectionStage::Confirmed => lang.t("正式任职", "confirmed"),
        SelectionStage::Returned => lang.t("试用期不胜任", "returned after probation"),
        SelectionStage::Adjusted => lang.t("已调整", "adjusted"),
        SelectionStage::Ended => lang.t("终止", "ended"),
    }
}

/// `zugong scenario selection`.
///
/// # Errors
/// An invalid dataset, an unknown post, a journal that exists.
pub(crate) fn run(
    data: &Data,
    post: Option<&str>,
    until: Until,
    on: Option<NaiveDate>,
    args: &JournalArgs,
    lang: Lang,
) -> Result<ExitCode, CliError> {
    let world = load_world_from(data)?;
    let on = on.unwrap_or(world.manifest.as_of);
    let w = walk(&world, post, until, on)?;
    let path = Target::new(data, args, &format!("selection-{}", w.post.id))?;
    // A scenario that a rule stopped records nothing: its journal would hold half a story.
    let failed = w.steps.iter().any(|s| !s.done);
    if !failed {
        path.record(&world, &w.journal, lang)?;
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
        stage_term(w.stage, lang),
        lang.t("日志", "journal"),
        &path
    ));
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
