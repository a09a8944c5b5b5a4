use std::collections::BTreeMap;

use chrono::NaiveDate;
use proptest::prelude::*;
use zugong_cadre::*;
use zugong_core::journal::{Entry, ExecuteError, Journal, Language, Refusal};
use zugong_core::publicity::{ObjectionId, ObjectionOutcome, PublicityError};
use zugong_core::*;

use crate::support::*;

const DEPUTY: RankOrGrade = RankOrGrade::Leadership(LeadershipRank::TownshipSectionDeputy);

struct World {
    tree: OrgTree,
    registry: InstitutionRegistry,
    management: ManagementList,
    co_management: CoManagementPolicy,
    policy: SelectionPolicy,
    calendar: WorkCalendar,
    quota: QuotaBook,
    files: CadreFiles,
}

impl World {
    fn new(seats: u32) -> Self {
        let tree = tree();
        let registry = registry();
        let quota = QuotaBook::opening([QuotaOpeningLine {
            holder: PostHolder::Institution(inst(3)),
            rank: DEPUTY,
            line: QuotaLine {
                allotted: seats,
                occupied: 0,
                planned_departures: 0,
            },
        }]);
        Self {
            management: management(&tree, &registry),
            tree,
            registry,
            co_management: CoManagementPolicy::default(),
            policy: SelectionPolicy::default(),
            calendar: WorkCalendar::official(),
            quota,
            files: eligible_files(),
        }
    }

    fn run(
        &self,
        sel: &mut Selection,
        j: &mut Journal<Selection>,
        cmd: SelectionCommand,
        on: NaiveDate,
    ) -> Result<Vec<SelectionEvent>, SelectionError> {
        self.run_as(sel, j, cmd, on, Authority::party_committee(id(2)))
    }

    fn run_as(
        &self,
        sel: &mut Selection,
        j: &mut Journal<Selection>,
        cmd: SelectionCommand,
        on: NaiveDate,
        who: Authority,
    ) -> Result<Vec<SelectionEvent>, SelectionError> {
        let before = (sel.clone(), j.len());
        let r = j
            .execute(SID, cmd, act(on, who), "干部工作", &self.ctx())
            .map_err(|e| match e {
                ExecuteError::Refused(e) => e,
                ExecuteError::Journal(e) => panic!("{e}"),
            });
        *sel = j.state(SID).cloned().unwrap_or_default();
        if let Err(e) = &r {
            crate::support::assert_plain_refusal(e);
            assert_eq!(
                (sel.clone(), j.len()),
                before,
                "a refused command changed the selection"
            );
        }
        r
    }

    fn ctx(&self) -> SelectionContext<'_> {
        SelectionContext {
            tree: &self.tree,
            registry: &self.registry,
            management: &self.management,
            co_management: &self.co_management,
            policy: &self.policy,
            calendar: &self.calendar,
            quota: &self.quota,
            files: &self.files,
        }
    }

    /// The journal stored as JSON and read back through `verify`: the state it rebuilds.
    fn verified(&self, j: &Journal<Selection>) -> Selection {
        let json = serde_json::to_string(j).unwrap();
        let entries: Vec<Entry<Selection>> = serde_json::from_str(&json).unwrap();
        let again = Journal::<Selection>::verify(entries, Some(j.head()), |_| self.ctx()).unwrap();
        again.state(SID).cloned().unwrap_or_default()
    }
}

const SID: SelectionId = SelectionId::from_uuid(uuid::Uuid::from_u128(900));
const SID2: SelectionId = SelectionId::from_uuid(uuid::Uuid::from_u128(901));

fn post(holder: PostHolder, rank: RankOrGrade) -> Post {
    Post::new(
        PositionId::from_uuid(uuid::Uuid::from_u128(77)),
        holder,
        "副局长",
        rank,
        Tenure::Appointed,
    )
}

const BUREAU: PostHolder =
    PostHolder::Institution(InstitutionId::from_uuid(uuid::Uuid::from_u128(3)));

fn ok() -> PoliticalReview {
    PoliticalReview::uniform(85, "政治过硬")
}

fn good_inspection() -> InspectionRecord {
    InspectionRecord {
        notice_published: true,
        team_size: 2,
        individual_talks: 20,
        evaluation: (18, 20),
        file_reviewed: true,
        personal_matters: PersonalMatters::Truthful,
        discipline_opinion_clear: true,
        complaints_checked: true,
        feedback_given: true,
    }
}

fn rec(kind: RecommendationKind, held_on: NaiveDate, tallies: &[(u128, u32)]) -> SelectionCommand {
    SelectionCommand::Recommend {
        recommendation: Recommendation {
            kind,
            held_on,
            participants: 12,
            present: 10,
            tallies: tallies.iter().map(|(c, n)| (cadre(*c), *n)).collect(),
        },
        review: ok(),
    }
}

fn motion(mode: SelectionMode) -> SelectionCommand {
    SelectionCommand::Motion {
        post: post(BUREAU, DEPUTY),
        mode,
        plan: "配齐班子".into(),
        review: ok(),
        exceptional: None,
        proposed: Vec::new(),
    }
}

/// Runs a selection to the decision on `decided_on`.
fn to_decision(w: &World, sel: &mut Selection, j: &mut Journal<Selection>, decided_on: NaiveDate) {
    w.run(
        sel,
        j,
        motion(SelectionMode::IndividualPromotion),
        d(2026, 3, 2),
    )
    .unwrap();
    w.run(
        sel,
        j,
        rec(
            RecommendationKind::InterviewSurvey,
            d(2026, 3, 3),
            &[(1, 6), (2, 3)],
        ),
        d(2026, 3, 3),
    )
    .unwrap();
    w.run(
        sel,
        j,
        rec(
            RecommendationKind::Meeting,
            d(2026, 3, 4),
            &[(1, 7), (2, 3)],
        ),
        d(2026, 3, 4),
    )
    .unwrap();
    let reviews = BTreeMap::from([(cadre(1), ok()), (cadre(2), ok())]);
    w.run(
        sel,
        j,
        SelectionCommand::ChooseCandidates {
            candidates: vec![cadre(1), cadre(2)],
            skip_meeting: false,
            reviews,
        },
        d(2026, 3, 5),
    )
    .unwrap();
    for c in [1, 2] {
        w.run(
            sel,
            j,
            SelectionCommand::Inspect {
                cadre: cadre(c),
                record: good_inspection(),
                review: ok(),
            },
            d(2026, 3, 10),
        )
        .unwrap();
    }
    let votes = BTreeMap::from([
        (
            cadre(1),
            VoteCount {
                agree: 7,
                disagree: 1,
                defer: 0,
            },
        ),
        (
            cadre(2),
            VoteCount {
                agree: 1,
                disagree: 7,
                defer: 0,
            },
        ),
    ]);
    w.run(
        sel,
        j,
        SelectionCommand::Decide {
            members: 11,
            present: 8,
            votes,
            review: ok(),
            consultation: None,
        },
        decided_on,
    )
    .unwrap();
}

#[test]
fn publicity_spanning_the_national_day_holiday() {
    let mut w = World::new(1);
    let (mut sel, mut j) = (Selection::default(), Journal::new());
    to_decision(&w, &mut sel, &mut j, d(2026, 9, 29));
    w.run(
        &mut sel,
        &mut j,
        SelectionCommand::StartPublicity { review: ok() },
        d(2026, 9, 30),
    )
    .unwrap();
    let p = sel.publicity().unwrap();
    assert_eq!((p.from(), p.until()), (d(2026, 9, 30), d(2026, 10, 12)));
    let appoint = || SelectionCommand::Appoint {
        talk_held: true,
        review: ok(),
        election: None,
    };
    assert_eq!(
        w.run(&mut sel, &mut j, appoint(), d(2026, 10, 12)),
        Err(SelectionError::Publicity(PublicityError::NotOver {
            until: d(2026, 10, 12),
            on: d(2026, 10, 12)
        }))
    );
    assert_eq!(
        w.run(
            &mut sel,
            &mut j,
            SelectionCommand::Appoint {
                talk_held: false,
                review: ok(),
                election: None,
            },
            d(2026, 10, 13)
        ),
        Err(SelectionError::NoTalk)
    );
    // The recusal check reads the registers in the context, not findings the caller passes:
    // the appointee's spouse already works under the bureau's head (回避).
    let mut relations = RelationBook::default();
    relations.relate(cadre(1), cadre(9), Kinship::Spouse);
    let registers = |relations: RelationBook| {
        eligible_files()
            .with_holdings(vec![
                Holding::new(cadre(8), inst(3), WorkFunction::Other).leading(),
                Holding::new(cadre(9), inst(3), WorkFunction::Other).under(Some(cadre(8))),
            ])
            .with_relations(relations)
    };
    w.files = registers(relations);
    let err = w
        .run(&mut sel, &mut j, appoint(), d(2026, 10, 13))
        .unwrap_err();
    assert_eq!(
        err,
        SelectionError::Recusal(RecusalFinding::SameDirectLeader {
            relative: cadre(9),
            kinship: Kinship::Spouse,
        })
    );
    assert!(err.citation().article.contains("第七十四条"));
    w.files = registers(RelationBook::default());
    w.run(&mut sel, &mut j, appoint(), d(2026, 10, 13)).unwrap();
    assert_eq!(
        sel.appointed(),
        Some((cadre(1), d(2026, 9, 29), Some(d(2027, 10, 13))))
    );
    assert_eq!(
        w.run(
            &mut sel,
            &mut j,
            SelectionCommand::EndProbation {
                competent: true,
                review: ok()
            },
            d(2027, 10, 12)
        ),
        Err(SelectionError::ProbationNotOver {
            until: Some(d(2027, 10, 13)),
            on: d(2027, 10, 12)
        })
    );
    w.run(
        &mut sel,
        &mut j,
        SelectionCommand::EndProbation {
            competent: true,
            review: ok(),
        },
        d(2027, 10, 13),
    )
    .unwrap();
    assert_eq!(sel.stage(), SelectionStage::Confirmed);
    assert_eq!(w.verified(&j), sel);
}

#[test]
fn quorum_majority_and_votes() {
    let w = World::new(1);
    let (mut sel, mut j) = (Selection::default(), Journal::new());
    w.run(
        &mut sel,
        &mut j,
        motion(SelectionMode::IndividualPromotion),
        d(2026, 3, 2),
    )
    .unwrap();
    // 会议推荐 quorum: 8 of 12 is exactly two thirds; 7 is not.
    let meeting = |present| SelectionCommand::Recommend {
        recommendation: Recommendation {
            kind: RecommendationKind::Meeting,
            held_on: d(2026, 3, 4),
            participants: 12,
            present,
            tallies: BTreeMap::from([(cadre(1), 5)]),
        },
        review: ok(),
    };
    assert_eq!(
        w.run(&mut sel, &mut j, meeting(7), d(2026, 3, 4)),
        Err(SelectionError::QuorumNotMet {
            present: 7,
            members: 12,
            n: 2,
            d: 3
        })
    );
    w.run(&mut sel, &mut j, meeting(8), d(2026, 3, 4)).unwrap();
    let dup = SelectionCommand::Recommend {
        recommendation: Recommendation {
            kind: RecommendationKind::InterviewSurvey,
            held_on: d(2026, 3, 5),
            participants: 12,
            present: 10,
            tallies: BTreeMap::from([(cadre(1), 8), (cadre(2), 5)]),
        },
        review: ok(),
    };
    assert_eq!(
        w.run(&mut sel, &mut j, dup, d(2026, 3, 5)),
        Err(SelectionError::DuplicateVotes {
            cast: 13,
            voters: 10
        })
    );
    w.run(
        &mut sel,
        &mut j,
        rec(
            RecommendationKind::InterviewSurvey,
            d(2026, 3, 5),
            &[(1, 8)],
        ),
        d(2026, 3, 5),
    )
    .unwrap();
    assert_eq!(
        w.run(
            &mut sel,
            &mut j,
            SelectionCommand::ChooseCandidates {
                candidates: vec![cadre(9)],
                skip_meeting: false,
                reviews: BTreeMap::from([(cadre(9), ok())])
            },
            d(2026, 3, 6)
        ),
        Err(SelectionError::NotRecommended(cadre(9)))
    );
    assert_eq!(
        w.run(
            &mut sel,
            &mut j,
            SelectionCommand::ChooseCandidates {
                candidates: vec![cadre(1)],
                skip_meeting: false,
                reviews: BTreeMap::new()
            },
            d(2026, 3, 6)
        ),
        Err(SelectionError::MissingReview(cadre(1)))
    );
    w.run(
        &mut sel,
        &mut j,
        SelectionCommand::ChooseCandidates {
            candidates: vec![cadre(1)],
            skip_meeting: false,
            reviews: BTreeMap::from([(cadre(1), ok())]),
        },
        d(2026, 3, 6),
    )
    .unwrap();
    assert!(matches!(
        w.run(
            &mut sel,
            &mut j,
            SelectionCommand::Decide {
                members: 10,
                present: 9,
                votes: BTreeMap::new(),
                review: ok(),
                consultation: None
            },
            d(2026, 3, 9)
        ),
        Err(SelectionError::OutOfOrder {
            stage: SelectionStage::Candidates,
            ..
        })
    ));
    let mut partial = good_inspection();
    partial.notice_published = false;
    partial.team_size = 1;
    assert_eq!(
        w.run(
            &mut sel,
            &mut j,
            SelectionCommand::Inspect {
                cadre: cadre(1),
                record: partial,
                review: ok()
            },
            d(2026, 3, 9)
        ),
        Err(SelectionError::InspectionIncomplete(vec![
            "考察预告",
            "考察组不少于2人"
        ]))
    );
    w.run(
        &mut sel,
        &mut j,
        SelectionCommand::Inspect {
            cadre: cadre(1),
            record: good_inspection(),
            review: ok(),
        },
        d(2026, 3, 9),
    )
    .unwrap();
    // 讨论决定: 10 members; 7 present meets 2/3, 6 does not; 5 agreeing is not more than half of 10.
    let vote = |agree, defer| {
        BTreeMap::from([(
            cadre(1),
            VoteCount {
                agree,
                disagree: 0,
                defer,
            },
        )])
    };
    assert!(matches!(
        w.run(
            &mut sel,
            &mut j,
            SelectionCommand::Decide {
                members: 10,
                present: 6,
                votes: vote(6, 0),
                review: ok(),
                consultation: None
            },
            d(2026, 3, 10)
        ),
        Err(SelectionError::QuorumNotMet { .. })
    ));
    assert_eq!(
        w.run(
            &mut sel,
            &mut j,
            SelectionCommand::Decide {
                members: 10,
                present: 7,
                votes: vote(8, 0),
                review: ok(),
                consultation: None
            },
            d(2026, 3, 10)
        ),
        Err(SelectionError::DuplicateVotes { cast: 8, voters: 7 })
    );
    // 缓议 by most of those present: deferred, the selection stays.
    let ev = w
        .run(
            &mut sel,
            &mut j,
            SelectionCommand::Decide {
                members: 10,
                present: 7,
                votes: vote(2, 5),
                review: ok(),
                consultation: None,
            },
            d(2026, 3, 10),
        )
        .unwrap();
    assert!(matches!(ev[0], SelectionEvent::Deferred { .. }));
    assert_eq!(sel.stage(), SelectionStage::Inspection);
    let ev = w
        .run(
            &mut sel,
            &mut j,
            SelectionCommand::Decide {
                members: 10,
                present: 7,
                votes: vote(5, 0),
                review: ok(),
                consultation: None,
            },
            d(2026, 3, 17),
        )
        .unwrap();
    assert!(
        matches!(ev[0], SelectionEvent::Ended { .. }),
        "5 of 10 is not more than half"
    );
    assert!(matches!(
        w.run(
            &mut sel,
            &mut j,
            SelectionCommand::StartPublicity { review: ok() },
            d(2026, 3, 18)
        ),
        Err(SelectionError::Ended(_))
    ));
}

#[test]
fn order_staleness_gates_and_authority() {
    let w = World::new(1);
    // 换届: 会议推荐 may not come before 谈话调研推荐.
    let (mut sel, mut j) = (Selection::default(), Journal::new());
    w.run(
        &mut sel,
        &mut j,
        motion(SelectionMode::TermChange),
        d(2025, 3, 1),
    )
    .unwrap();
    assert!(matches!(
        w.run(
            &mut sel,
            &mut j,
            rec(RecommendationKind::Meeting, d(2025, 3, 2), &[(1, 5)]),
            d(2025, 3, 2)
        ),
        Err(SelectionError::RecommendationOrder(_))
    ));
    w.run(
        &mut sel,
        &mut j,
        rec(
            RecommendationKind::InterviewSurvey,
            d(2025, 3, 2),
            &[(1, 5)],
        ),
        d(2025, 3, 2),
    )
    .unwrap();
    let choose = |skip| SelectionCommand::ChooseCandidates {
        candidates: vec![cadre(1)],
        skip_meeting: skip,
        reviews: BTreeMap::from([(cadre(1), ok())]),
    };
    assert_eq!(
        w.run(&mut sel, &mut j, choose(true), d(2025, 3, 3)),
        Err(SelectionError::SkipNotAllowed),
        "换届 does not skip 会议推荐"
    );
    w.run(
        &mut sel,
        &mut j,
        rec(RecommendationKind::Meeting, d(2025, 3, 4), &[(1, 6)]),
        d(2025, 3, 4),
    )
    .unwrap();
    // Valid for one year: 2 March 2026 is one day too late for the first recommendation.
    assert_eq!(
        w.run(&mut sel, &mut j, choose(false), d(2026, 3, 2)),
        Err(SelectionError::StaleRecommendation {
            held_on: d(2025, 3, 2),
            valid_until: d(2026, 3, 1)
        })
    );
    w.run(&mut sel, &mut j, choose(false), d(2026, 3, 1))
        .unwrap();
    // Chosen on the last valid day, the candidate cannot be inspected once the recommendation
    // has expired: its validity binds every later step, not only 确定考察对象.
    assert_eq!(
        w.run(
            &mut sel,
            &mut j,
            SelectionCommand::Inspect {
                cadre: cadre(1),
                record: good_inspection(),
                review: ok(),
            },
            d(2026, 3, 9),
        ),
        Err(SelectionError::StaleRecommendation {
            held_on: d(2025, 3, 2),
            valid_until: d(2026, 3, 1)
        })
    );
    {
        // On a copy: the journal below goes on from the last valid day.
        let (mut sel, mut j) = (sel.clone(), j.clone());
        // The selection is not stuck: a new 民主推荐 starts the recommendation over. The old
        // recommendations and candidates no longer count, and 换届's order applies again (谈话调研
        // first).
        assert!(matches!(
            w.run(
                &mut sel,
                &mut j,
                rec(RecommendationKind::Meeting, d(2026, 3, 10), &[(1, 6)]),
                d(2026, 3, 10)
            ),
            Err(SelectionError::RecommendationOrder(_))
        ));
        let ev = w
            .run(
                &mut sel,
                &mut j,
                rec(
                    RecommendationKind::InterviewSurvey,
                    d(2026, 3, 10),
                    &[(1, 7)],
                ),
                d(2026, 3, 10),
            )
            .unwrap();
        assert!(ev.contains(&SelectionEvent::RecommendationsLapsed {
            valid_until: d(2026, 3, 1)
        }));
        assert_eq!(sel.stage(), SelectionStage::Recommendation);
        assert_eq!(sel.recommendations().len(), 1);
        assert!(sel.candidates().is_empty());
        // While the recommendations are valid, a chosen selection cannot go back to recommending.
        w.run(
            &mut sel,
            &mut j,
            rec(RecommendationKind::Meeting, d(2026, 3, 11), &[(1, 6)]),
            d(2026, 3, 11),
        )
        .unwrap();
        w.run(&mut sel, &mut j, choose(false), d(2026, 3, 12))
            .unwrap();
        assert!(matches!(
            w.run(
                &mut sel,
                &mut j,
                rec(RecommendationKind::Meeting, d(2026, 3, 13), &[(1, 6)]),
                d(2026, 3, 13)
            ),
            Err(SelectionError::OutOfOrder { .. })
        ));
        assert_eq!(w.verified(&j), sel);
    }

    // 个别提拔 may skip the meeting in a small unit with concentrated opinions.
    let (mut s2, mut j2) = (Selection::default(), Journal::new());
    w.run(
        &mut s2,
        &mut j2,
        motion(SelectionMode::IndividualPromotion),
        d(2026, 3, 2),
    )
    .unwrap();
    w.run(
        &mut s2,
        &mut j2,
        rec(
            RecommendationKind::InterviewSurvey,
            d(2026, 3, 3),
            &[(1, 9)],
        ),
        d(2026, 3, 3),
    )
    .unwrap();
    assert_eq!(
        w.run(&mut s2, &mut j2, choose(false), d(2026, 3, 4)),
        Err(SelectionError::SkipNotAllowed)
    );
    // A failed political gate drops the only candidate and ends the selection.
    let mut bad = ok();
    bad.scores.insert(PoliticalDimension::Stance, 40);
    let ev = w
        .run(
            &mut s2,
            &mut j2,
            SelectionCommand::ChooseCandidates {
                candidates: vec![cadre(1)],
                skip_meeting: true,
                reviews: BTreeMap::from([(cadre(1), bad)]),
            },
            d(2026, 3, 4),
        )
        .unwrap();
    assert!(ev.iter().any(|e| matches!(e, SelectionEvent::Ended { .. })));
    assert_eq!(sel.stage(), SelectionStage::Candidates);
    assert_eq!(s2.stage(), SelectionStage::Ended);
    assert!(s2.dropped()[&cadre(1)].contains("政治立场"));
    assert_eq!(
        s2.gates().last().unwrap().failures,
        [PoliticalDimension::Stance]
    );

    // 瞒报 drops a candidate at inspection (凡提必核).
    let mut concealed = good_inspection();
    concealed.personal_matters = PersonalMatters::Concealed;
    let ev = w
        .run(
            &mut sel,
            &mut j,
            SelectionCommand::Inspect {
                cadre: cadre(1),
                record: concealed,
                review: ok(),
            },
            d(2026, 3, 1),
        )
        .unwrap();
    assert!(
        ev.iter().any(
            |e| matches!(e, SelectionEvent::Dropped { reason, .. } if reason.contains("瞒报"))
        )
    );
    assert_eq!(sel.stage(), SelectionStage::Ended);

    // 下管一级: the county may not select its own 县处级 post; the city may.
    let county_post = SelectionCommand::Motion {
        post: post(
            PostHolder::PartyCommittee(id(2)),
            RankOrGrade::Leadership(LeadershipRank::CountyDivisionDeputy),
        ),
        mode: SelectionMode::IndividualPromotion,
        plan: "副县长".into(),
        review: ok(),
        exceptional: None,
        proposed: Vec::new(),
    };
    let (mut s3, mut j3) = (Selection::default(), Journal::new());
    assert!(matches!(
        w.run(&mut s3, &mut j3, county_post.clone(), d(2026, 3, 2)),
        Err(SelectionError::Management(
            ManagementError::NotTheManager { .. }
        ))
    ));
    w.run_as(
        &mut s3,
        &mut j3,
        county_post,
        d(2026, 3, 2),
        Authority::party_committee(id(1)),
    )
    .unwrap();
    // Another county may not act on this one's posts.
    let (mut s4, mut j4) = (Selection::default(), Journal::new());
    assert!(matches!(
        w.run_as(
            &mut s4,
            &mut j4,
            motion(SelectionMode::IndividualPromotion),
            d(2026, 3, 2),
            Authority::party_committee(id(5))
        ),
        Err(SelectionError::Management(
            ManagementError::NotTheManager { .. }
        ))
    ));
    assert_eq!(
        w.run(
            &mut s4,
            &mut j4,
            SelectionCommand::StartPublicity { review: ok() },
            d(2026, 3, 2)
        ),
        Err(SelectionError::NotStarted)
    );
}

#[test]
fn objections_quota_and_return_after_probation() {
    // An upheld objection ends the selection.
    let w = World::new(1);
    let (mut sel, mut j) = (Selection::default(), Journal::new());
    to_decision(&w, &mut sel, &mut j, d(2026, 3, 16));
    w.run(
        &mut sel,
        &mut j,
        SelectionCommand::StartPublicity { review: ok() },
        d(2026, 3, 17),
    )
    .unwrap();
    assert_eq!(
        w.run(
            &mut sel,
            &mut j,
            SelectionCommand::Object { text: " ".into() },
            d(2026, 3, 18)
        ),
        Err(SelectionError::Publicity(PublicityError::BlankObjection))
    );
    w.run(
        &mut sel,
        &mut j,
        SelectionCommand::Object {
            text: "反映其配偶经商".into(),
        },
        d(2026, 3, 18),
    )
    .unwrap();
    assert_eq!(
        w.run(
            &mut sel,
            &mut j,
            SelectionCommand::Appoint {
                talk_held: true,
                review: ok(),
                election: None,
            },
            d(2026, 3, 30)
        ),
        Err(SelectionError::Publicity(PublicityError::OpenObjection(
            ObjectionId::new(1).unwrap()
        )))
    );
    w.run(
        &mut sel,
        &mut j,
        SelectionCommand::ResolveObjection {
            objection: ObjectionId::new(1).unwrap(),
            outcome: ObjectionOutcome::Upheld,
        },
        d(2026, 3, 19),
    )
    .unwrap();
    assert_eq!(sel.stage(), SelectionStage::Ended);

    // No vacancy: the appointment is refused with the quota rule.
    let full = World::new(0);
    let (mut s2, mut j2) = (Selection::default(), Journal::new());
    to_decision(&full, &mut s2, &mut j2, d(2026, 3, 16));
    full.run(
        &mut s2,
        &mut j2,
        SelectionCommand::StartPublicity { review: ok() },
        d(2026, 3, 17),
    )
    .unwrap();
    let err = full
        .run(
            &mut s2,
            &mut j2,
            SelectionCommand::Appoint {
                talk_held: true,
                review: ok(),
                election: None,
            },
            d(2026, 3, 30),
        )
        .unwrap_err();
    assert!(matches!(
        err,
        SelectionError::Quota(QuotaError::NoVacancy { .. })
    ));
    assert_eq!(err.citation().article, "第四十三条");

    // Not competent at the end of the 试用期: 免去试任职务.
    let (mut s3, mut j3) = (Selection::default(), Journal::new());
    to_decision(&w, &mut s3, &mut j3, d(2026, 3, 16));
    w.run(
        &mut s3,
        &mut j3,
        SelectionCommand::StartPublicity { review: ok() },
        d(2026, 3, 17),
    )
    .unwrap();
    w.run(
        &mut s3,
        &mut j3,
        SelectionCommand::Appoint {
            talk_held: true,
            review: ok(),
            election: None,
        },
        d(2026, 3, 24),
    )
    .unwrap();
    w.run(
        &mut s3,
        &mut j3,
        SelectionCommand::EndProbation {
            competent: false,
            review: ok(),
        },
        d(2027, 3, 24),
    )
    .unwrap();
    assert_eq!(s3.stage(), SelectionStage::Returned);
}

#[test]
fn every_candidate_is_inspected_before_the_decision() {
    let w = World::new(1);
    let (mut sel, mut j) = (Selection::default(), Journal::new());
    w.run(
        &mut sel,
        &mut j,
        motion(SelectionMode::IndividualPromotion),
        d(2026, 3, 2),
    )
    .unwrap();
    w.run(
        &mut sel,
        &mut j,
        rec(
            RecommendationKind::InterviewSurvey,
            d(2026, 3, 3),
            &[(1, 6), (2, 3)],
        ),
        d(2026, 3, 3),
    )
    .unwrap();
    let reviews = BTreeMap::from([(cadre(1), ok()), (cadre(2), ok())]);
    w.run(
        &mut sel,
        &mut j,
        SelectionCommand::ChooseCandidates {
            candidates: vec![cadre(1), cadre(2)],
            skip_meeting: true,
            reviews,
        },
        d(2026, 3, 5),
    )
    .unwrap();
    assert_eq!(
        w.run(
            &mut sel,
            &mut j,
            SelectionCommand::Inspect {
                cadre: cadre(3),
                record: good_inspection(),
                review: ok()
            },
            d(2026, 3, 9)
        ),
        Err(SelectionError::UnknownCandidate(cadre(3)))
    );
    w.run(
        &mut sel,
        &mut j,
        SelectionCommand::Inspect {
            cadre: cadre(1),
            record: good_inspection(),
            review: ok(),
        },
        d(2026, 3, 9),
    )
    .unwrap();
    let votes = BTreeMap::from([(
        cadre(1),
        VoteCount {
            agree: 9,
            disagree: 0,
            defer: 0,
        },
    )]);
    assert_eq!(
        w.run(
            &mut sel,
            &mut j,
            SelectionCommand::Decide {
                members: 10,
                present: 9,
                votes,
                review: ok(),
                consultation: None
            },
            d(2026, 3, 10)
        ),
        Err(SelectionError::NotInspected(cadre(2)))
    );
}

#[derive(Debug, Clone)]
enum Op {
    Recommend(bool, u8),
    Choose(bool, u32),
    Inspect(u32, bool),
    Decide(u32, u32),
    Publicize,
    Appoint(bool),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (any::<bool>(), 0u8..12).prop_map(|(m, n)| Op::Recommend(m, n)),
        (any::<bool>(), 40u32..100).prop_map(|(s, p)| Op::Choose(s, p)),
        (40u32..100, any::<bool>()).prop_map(|(p, c)| Op::Inspect(p, c)),
        (0u32..12, 0u32..12).prop_map(|(present, agree)| Op::Decide(present, agree)),
        Just(Op::Publicize),
        any::<bool>().prop_map(Op::Appoint),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]
    #[test]
    fn never_appointed_without_every_step_gate_and_publicity(ops in prop::collection::vec((op(), 0u64..5), 1..25)) {
        let w = World::new(1);
        let (mut sel, mut j) = (Selection::default(), Journal::new());
        w.run(&mut sel, &mut j, motion(SelectionMode::IndividualPromotion), d(2026, 3, 2)).unwrap();
        let mut on = d(2026, 3, 3);
        for (op, step) in ops {
            on = on + chrono::Days::new(step);
            let cmd = match op {
                Op::Recommend(meeting, n) => rec(if meeting { RecommendationKind::Meeting } else { RecommendationKind::InterviewSurvey }, on, &[(1, u32::from(n))]),
                Op::Choose(skip, p) => SelectionCommand::ChooseCandidates { candidates: vec![cadre(1)], skip_meeting: skip, reviews: BTreeMap::from([(cadre(1), PoliticalReview::uniform(p, "把关"))]) },
                Op::Inspect(p, clear) => {
                    let mut r = good_inspection();
                    r.discipline_opinion_clear = clear;
                    SelectionCommand::Inspect { cadre: cadre(1), record: r, review: PoliticalReview::uniform(p, "考察") }
                }
                Op::Decide(present, agree) => SelectionCommand::Decide { members: 11, present, votes: BTreeMap::from([(cadre(1), VoteCount { agree, disagree: 0, defer: 0 })]), review: ok(), consultation: None },
                Op::Publicize => SelectionCommand::StartPublicity { review: ok() },
                Op::Appoint(talk) => SelectionCommand::Appoint { talk_held: talk, review: ok(), election: None },
            };
            let _ = w.run(&mut sel, &mut j, cmd, on);
            if let Some((who, _, _)) = sel.appointed() {
                // Every gate on the way passed, for the motion and for the appointee.
                for step in [SelectionStage::Motion, SelectionStage::Recommendation, SelectionStage::Candidates, SelectionStage::Inspection, SelectionStage::Decided, SelectionStage::Publicity, SelectionStage::Appointed] {
                    let passed = sel.gates().iter().any(|g| g.step == step && g.failures.is_empty() && (g.cadre.is_none() || g.cadre == Some(who)));
                    prop_assert!(passed, "no passed gate at {step:?}");
                }
                // Five working days of publicity, over before the appointment.
                let (from, until) = sel.publicity().map(|p| (p.from(), p.until())).unwrap();
                prop_assert!(w.calendar.working_days_in(from, until).unwrap() >= 5);
                let appointed_on = j.entries().iter().find(|e| e.events().iter().any(|ev| matches!(ev, SelectionEvent::Appointed { .. }))).unwrap().act().day();
                prop_assert!(appointed_on > until);
                // Every recommendation was fresh (within a year) when the candidates were chosen.
                let chosen_on = j.entries().iter().find(|e| e.events().iter().any(|ev| matches!(ev, SelectionEvent::CandidatesChosen { .. }))).unwrap().act().day();
                for r in sel.recommendations() {
                    prop_assert!(zugong_core::dates::add_months(r.held_on, 12).unwrap() >= chosen_on);
                }
                prop_assert!(appointed_on >= chosen_on);
            }
        }
        prop_assert_eq!(w.verified(&j), sel);
    }
}

/// The commands of a selection from 动议 to the start of 任前公示, with their days.
fn walk_to_publicity() -> Vec<(SelectionCommand, NaiveDate)> {
    let reviews = BTreeMap::from([(cadre(1), ok()), (cadre(2), ok())]);
    let vote = |agree, disagree| VoteCount {
        agree,
        disagree,
        defer: 0,
    };
    let mut v = vec![
        (motion(SelectionMode::IndividualPromotion), d(2026, 3, 2)),
        (
            rec(
                RecommendationKind::InterviewSurvey,
                d(2026, 3, 3),
                &[(1, 6), (2, 3)],
            ),
            d(2026, 3, 3),
        ),
        (
            rec(
                RecommendationKind::Meeting,
                d(2026, 3, 4),
                &[(1, 7), (2, 3)],
            ),
            d(2026, 3, 4),
        ),
        (
            SelectionCommand::ChooseCandidates {
                candidates: vec![cadre(1), cadre(2)],
                skip_meeting: false,
                reviews,
            },
            d(2026, 3, 5),
        ),
    ];
    for c in [1, 2] {
        v.push((
            SelectionCommand::Inspect {
                cadre: cadre(c),
                record: good_inspection(),
                review: ok(),
            },
            d(2026, 3, 10),
        ));
    }
    v.push((
        SelectionCommand::Decide {
            members: 11,
            present: 8,
            votes: BTreeMap::from([(cadre(1), vote(7, 1)), (cadre(2), vote(1, 7))]),
            review: ok(),
            consultation: None,
        },
        d(2026, 3, 16),
    ));
    v.push((
        SelectionCommand::StartPublicity { review: ok() },
        d(2026, 3, 17),
    ));
    v
}

#[test]
fn appointing_fills_the_place_and_an_adjustment_frees_it_in_the_same_entry() {
    // One 副科 place; two selections for it in one journal, deciding on the same person (a
    // province that records a second open outcome instead of refusing it).
    let mut w = World::new(1);
    w.policy.open_outcome = OpenOutcomeRule::Record;
    let mut j = Journal::<Selection>::new();
    let committee = Authority::party_committee(id(2));
    let run = |j: &mut Journal<Selection>, stream, cmd, on, who| {
        j.execute(stream, cmd, act(on, who), "干部工作", &w.ctx())
            .map_err(|e| match e {
                ExecuteError::Refused(e) => e,
                ExecuteError::Journal(e) => panic!("{e}"),
            })
    };
    for (cmd, on) in walk_to_publicity() {
        run(&mut j, SID, cmd.clone(), on, committee).unwrap();
        run(&mut j, SID2, cmd, on, committee).unwrap();
    }
    let appoint = || SelectionCommand::Appoint {
        talk_held: true,
        review: ok(),
        election: None,
    };
    run(&mut j, SID, appoint(), d(2026, 3, 24), committee).unwrap();
    // The place is taken by the first appointment: the second is refused by the quota rule.
    let err = run(&mut j, SID2, appoint(), d(2026, 3, 24), committee).unwrap_err();
    assert!(
        matches!(
            err,
            SelectionError::Quota(QuotaError::NoVacancy { occupied: 1, .. })
        ),
        "{err:?}"
    );
    // An adjustment must come from the committee, with its reason.
    let removal = |reason: &str| SelectionCommand::Adjust {
        kind: AdjustmentKind::Removal,
        reason: reason.into(),
    };
    let dept = Authority::organization_department(id(2));
    assert!(matches!(
        run(&mut j, SID, removal("不适宜担任现职"), d(2026, 6, 1), dept),
        Err(SelectionError::Management(
            ManagementError::DepartmentCannotDecide
        ))
    ));
    assert_eq!(
        run(&mut j, SID, removal(" "), d(2026, 6, 1), committee),
        Err(SelectionError::NoAdjustmentReason)
    );
    assert!(matches!(
        run(&mut j, SID2, removal("x"), d(2026, 6, 1), committee),
        Err(SelectionError::OutOfOrder { .. })
    ));
    // 免职 is one entry: the selection is adjusted and its place is free again.
    run(
        &mut j,
        SID,
        removal("不适宜担任现职"),
        d(2026, 6, 1),
        committee,
    )
    .unwrap();
    assert_eq!(
        j.state(SID).map(Selection::stage),
        Some(SelectionStage::Adjusted)
    );
    let second = run(&mut j, SID2, appoint(), d(2026, 6, 2), committee);
    assert!(second.is_ok(), "{second:?}");
    assert_eq!(SelectionStage::Adjusted.to_string(), "已调整");
    // The stored journal verifies to the same states.
    let json = serde_json::to_string(&j).unwrap();
    let entries: Vec<Entry<Selection>> = serde_json::from_str(&json).unwrap();
    let again = Journal::<Selection>::verify(entries, Some(j.head()), |_| w.ctx()).unwrap();
    assert_eq!(again.state(SID2), j.state(SID2));
    assert_eq!(
        again.state(SID2).map(Selection::stage),
        Some(SelectionStage::Appointed)
    );
}

/// History decided under looser rules is found when the journal is read against the rules in
/// force: a 任前公示 of one working day let the appointment through; verified against the
/// national five days, the appointment entry is refused with the rule of Chapter 7.
#[test]
fn an_appointment_before_the_publicity_ended_is_found_by_verify() {
    let mut lax = World::new(1);
    lax.policy.publicity_working_days = 1;
    let (mut sel, mut j) = (Selection::default(), Journal::new());
    to_decision(&lax, &mut sel, &mut j, d(2026, 3, 16));
    lax.run(
        &mut sel,
        &mut j,
        SelectionCommand::StartPublicity { review: ok() },
        d(2026, 3, 17),
    )
    .unwrap();
    lax.run(
        &mut sel,
        &mut j,
        SelectionCommand::Appoint {
            talk_held: true,
            review: ok(),
            election: None,
        },
        d(2026, 3, 18),
    )
    .unwrap();
    let national = World::new(1);
    let json = serde_json::to_string(&j).unwrap();
    let entries: Vec<Entry<Selection>> = serde_json::from_str(&json).unwrap();
    // The 公示 entry itself records its last day under the lax rule: the national rule decides
    // another last day, so verify stops there — the events differ.
    let err =
        Journal::<Selection>::verify(entries, Some(j.head()), |_| national.ctx()).unwrap_err();
    assert_eq!(err.position(), j.len() - 1, "{err}");
    assert!(
        matches!(
            err.failure(),
            zugong_core::journal::VerifyFailure::EventsDiffer { .. }
        ),
        "{err}"
    );
    assert_eq!(err.stream(), Some(SID.to_string().as_str()));
}

/// The steps up to the decision for `post`, by `who` (the decision excluded).
fn walk_to_decision(post: Post) -> Vec<SelectionCommand> {
    let mut steps: Vec<SelectionCommand> = walk_to_publicity()
        .into_iter()
        .map(|(c, _)| c)
        .take_while(|c| !matches!(c, SelectionCommand::Decide { .. }))
        .collect();
    steps[0] = SelectionCommand::Motion {
        post,
        mode: SelectionMode::IndividualPromotion,
        plan: "配齐班子".into(),
        review: ok(),
        exceptional: None,
        proposed: Vec::new(),
    };
    steps
}

fn decide(consultation: Option<Consultation>) -> SelectionCommand {
    SelectionCommand::Decide {
        members: 11,
        present: 9,
        votes: BTreeMap::from([(
            cadre(1),
            VoteCount {
                agree: 8,
                disagree: 1,
                defer: 0,
            },
        )]),
        review: ok(),
        consultation,
    }
}

#[test]
fn a_co_managed_post_is_decided_after_the_co_manager_is_heard() {
    let w = World::new(1);
    let (mut sel, mut j) = (Selection::default(), Journal::new());
    let dual = post(PostHolder::Institution(inst(7)), DEPUTY);
    let row = *w
        .management
        .lookup(dual.id, dual.holder, dual.leadership_rank())
        .unwrap();
    // 双重领导: the county manages; the city's tax bureau committee co-manages.
    assert_eq!((row.manager, row.co_manager), (id(2), Some(id(8))));
    for (i, cmd) in walk_to_decision(dual).into_iter().enumerate() {
        w.run(&mut sel, &mut j, cmd, d(2026, 3, 2 + i as u32))
            .unwrap();
    }
    // Without asking the co-manager: refused, with the rule.
    let err = w
        .run(&mut sel, &mut j, decide(None), d(2026, 3, 16))
        .unwrap_err();
    assert_eq!(
        err,
        SelectionError::Management(ManagementError::NotConsulted { co_manager: id(8) })
    );
    assert!(err.message(Language::Chinese).contains("征求协管方意见"));
    // Asked on 9 March and not yet answered: the ten working days run to 23 March.
    let asked = Consultation::asked(id(8), d(2026, 3, 9));
    assert!(matches!(
        w.run(&mut sel, &mut j, decide(Some(asked)), d(2026, 3, 16)),
        Err(SelectionError::Management(
            ManagementError::ConsultationPending { .. }
        ))
    ));
    // Answered: the decision stands and the answer is on record.
    let answered = asked.answered(CoManagerAnswer::Agreed, d(2026, 3, 12));
    let events = w
        .run(&mut sel, &mut j, decide(Some(answered)), d(2026, 3, 16))
        .unwrap();
    assert!(events.iter().any(|e| matches!(
        e,
        SelectionEvent::Decided { consultation: Some(c), .. } if *c == answered
    )));
    assert_eq!(w.verified(&j), sel);
}

#[test]
fn the_discipline_commission_nominates_for_its_posts_and_nowhere_else() {
    let w = World::new(1);
    let commission = Authority::discipline_commission(id(2));
    let supervision = post(PostHolder::Institution(inst(6)), DEPUTY);
    let (mut sel, mut j) = (Selection::default(), Journal::new());
    let steps = walk_to_decision(supervision);
    // The 纪委 moves, recommends, chooses and inspects for a 纪委监委 post…
    for (i, cmd) in steps.into_iter().enumerate() {
        w.run_as(&mut sel, &mut j, cmd, d(2026, 3, 2 + i as u32), commission)
            .unwrap();
    }
    // …but does not decide.
    assert!(matches!(
        w.run_as(&mut sel, &mut j, decide(None), d(2026, 3, 16), commission),
        Err(SelectionError::Management(
            ManagementError::DepartmentCannotDecide
        ))
    ));
    w.run(&mut sel, &mut j, decide(None), d(2026, 3, 16))
        .unwrap();
    // On the bureau's posts it has no part.
    let (mut other, mut j2) = (Selection::default(), Journal::new());
    assert!(matches!(
        w.run_as(
            &mut other,
            &mut j2,
            motion(SelectionMode::IndividualPromotion),
            d(2026, 3, 2),
            commission
        ),
        Err(SelectionError::Management(
            ManagementError::NotItsWork { .. }
        ))
    ));
}

#[test]
fn a_post_off_the_list_is_refused_and_probation_follows_the_post() {
    let w = World::new(1);
    let (mut sel, mut j) = (Selection::default(), Journal::new());
    let stray = post(PostHolder::Institution(inst(99)), DEPUTY);
    assert_eq!(
        w.run(
            &mut sel,
            &mut j,
            SelectionCommand::Motion {
                post: stray,
                mode: SelectionMode::IndividualPromotion,
                plan: "配齐班子".into(),
                review: ok(),
                exceptional: None,
                proposed: Vec::new(),
            },
            d(2026, 3, 2)
        ),
        Err(SelectionError::Management(ManagementError::NotListed))
    );
    let chief = RankOrGrade::Leadership(LeadershipRank::TownshipSectionChief);
    // A working department's deputy has a 试用期; its head, an elected post, a committee's
    // post and an unknown institution's do not; an internal office's head does.
    assert!(post(BUREAU, DEPUTY).has_probation(&w.registry));
    assert!(!post(BUREAU, chief).has_probation(&w.registry));
    let mut elected = post(BUREAU, DEPUTY);
    elected.tenure = Tenure::Elected;
    assert!(!elected.has_probation(&w.registry));
    assert!(!post(PostHolder::PartyCommittee(id(4)), DEPUTY).has_probation(&w.registry));
    assert!(post(PostHolder::Institution(inst(30)), chief).has_probation(&w.registry));
    assert!(!post(PostHolder::Institution(inst(99)), DEPUTY).has_probation(&w.registry));
    assert!(post(PostHolder::PartyCommittee(id(4)), DEPUTY).is_party_post());
    assert!(!post(BUREAU, DEPUTY).is_party_post());
    assert_eq!("选举产生".parse::<Tenure>().unwrap(), Tenure::Elected);
}

#[test]
fn a_bureau_deputy_is_decided_by_the_county_standing_committee_alone() {
    let w = World::new(1);
    let department = Authority::organization_department(id(2));
    let (mut sel, mut j) = (Selection::default(), Journal::new());
    for (i, cmd) in walk_to_decision(post(BUREAU, DEPUTY))
        .into_iter()
        .enumerate()
    {
        w.run_as(&mut sel, &mut j, cmd, d(2026, 3, 2 + i as u32), department)
            .unwrap();
    }
    // Not the 县直机关工委, not the bureau's own 党组, not the county organization department.
    for who in [
        Authority::party_committee(id(6)),
        Authority::party_committee(id(3)),
        department,
    ] {
        assert!(
            matches!(
                w.run_as(&mut sel, &mut j, decide(None), d(2026, 3, 16), who),
                Err(SelectionError::Management(
                    ManagementError::NotTheManager { .. } | ManagementError::DepartmentCannotDecide
                ))
            ),
            "{who:?} decided"
        );
    }
    w.run(&mut sel, &mut j, decide(None), d(2026, 3, 16))
        .unwrap();
    let decider = j
        .entries()
        .iter()
        .find(|e| {
            e.events()
                .iter()
                .any(|ev| matches!(ev, SelectionEvent::Decided { .. }))
        })
        .map(|e| e.act().authority());
    assert_eq!(decider, Some(Authority::party_committee(id(2))));
    // A vertically managed office's post is the system's, not the county's.
    let vertical = SelectionCommand::Motion {
        post: post(PostHolder::Institution(inst(12)), DEPUTY),
        mode: SelectionMode::IndividualPromotion,
        plan: "配齐班子".into(),
        review: ok(),
        exceptional: None,
        proposed: Vec::new(),
    };
    let (mut s2, mut j2) = (Selection::default(), Journal::new());
    assert!(matches!(
        w.run_as(
            &mut s2,
            &mut j2,
            vertical.clone(),
            d(2026, 3, 2),
            department
        ),
        Err(SelectionError::Management(
            ManagementError::NotTheManager { .. }
        ))
    ));
    w.run_as(
        &mut s2,
        &mut j2,
        vertical,
        d(2026, 3, 2),
        Authority::organization_department(id(8)),
    )
    .unwrap();
}

/// Runs `steps` on one stream of a fresh journal; the first refusal is returned with the
/// index of the step.
fn run_steps(
    w: &World,
    j: &mut Journal<Selection>,
    stream: SelectionId,
    steps: &[(SelectionCommand, NaiveDate)],
) -> Result<(), (usize, SelectionError)> {
    for (i, (cmd, on)) in steps.iter().enumerate() {
        j.execute(
            stream,
            cmd.clone(),
            act(*on, Authority::party_committee(id(2))),
            "干部工作",
            &w.ctx(),
        )
        .map_err(|e| match e {
            ExecuteError::Refused(e) => (i, e),
            ExecuteError::Journal(e) => panic!("{e}"),
        })?;
    }
    Ok(())
}

fn file_with(n: u128, change: impl FnOnce(&mut CadreProfile)) -> CadreFile {
    let mut profile = eligible_file(n).profile;
    change(&mut profile);
    CadreFile::new(profile)
}

const CHOOSE: usize = 3;

/// 任职 of an appointed post, with the talk and a passing review.
fn appoint(election: Option<ElectionResult>) -> SelectionCommand {
    SelectionCommand::Appoint {
        talk_held: true,
        review: ok(),
        election,
    }
}

/// 任职 on SID the day after its 公示 ends; returns the 公示's last day.
fn appoint_after_publicity(w: &World, j: &mut Journal<Selection>) -> NaiveDate {
    let until = j.state(SID).unwrap().publicity().unwrap().until();
    run_steps(
        w,
        j,
        SID,
        &[(appoint(None), until + chrono::Duration::days(1))],
    )
    .unwrap();
    until
}

/// Where the decision stands among `steps`.
fn decision_step(steps: &[(SelectionCommand, NaiveDate)]) -> usize {
    steps
        .iter()
        .position(|(c, _)| matches!(c, SelectionCommand::Decide { .. }))
        .unwrap()
}

/// Art 8, from the candidate's own file: a 一级科员 of less than three years is refused at
/// 确定考察对象; of exactly three, chosen. The rule reads the file, not a verdict.
#[test]
fn candidates_are_held_to_article_8_from_their_own_file() {
    let mut w = World::new(1);
    let clerk_since = |from| {
        move |p: &mut CadreProfile| {
            p.posts[0].from = from;
        }
    };
    // Chosen on 5 March 2026: three years as 一级科员 from 5 March 2023, not from 6 March.
    w.files = CadreFiles::from_files([file_with(1, clerk_since(d(2023, 3, 6))), eligible_file(2)]);
    let mut j = Journal::new();
    let Err((step, err)) = run_steps(&w, &mut j, SID, &walk_to_publicity()) else {
        panic!("an ineligible candidate was chosen");
    };
    assert_eq!(step, CHOOSE);
    let SelectionError::Ineligible { cadre: who, unmet } = &err else {
        panic!("{err}");
    };
    assert_eq!(*who, cadre(1));
    assert_eq!(unmet[0].requirement, Requirement::YearsInLowerPost);
    assert_eq!(
        err.citation().regulation,
        "《公务员职务、职级与级别管理办法》(2020)"
    );
    assert!(
        err.message(Language::Chinese)
            .contains("任一级科员以上职级")
    );

    w.files = CadreFiles::from_files([file_with(1, clerk_since(d(2023, 3, 5))), eligible_file(2)]);
    let mut j = Journal::new();
    run_steps(&w, &mut j, SID, &walk_to_publicity()).unwrap();
    assert_eq!(j.state(SID).unwrap().stage(), SelectionStage::Publicity);

    // No file, no candidate.
    w.files = CadreFiles::from_files([eligible_file(2)]);
    let mut j = Journal::new();
    assert_eq!(
        run_steps(&w, &mut j, SID, &walk_to_publicity()),
        Err((CHOOSE, SelectionError::NoFile(cadre(1))))
    );
}

/// A motion that names its 初步人选 holds each to Art 8 on the day of the 动议: an ineligible
/// one refuses the motion with the article (3 years as 一级科员 complete on 2 March 2026 for a
/// cadre in rank since 2 March 2023, not since 3 March); an eligible one is recorded.
#[test]
fn an_ineligible_person_named_in_the_motion_is_refused_at_the_motion() {
    let mut w = World::new(1);
    let naming = |who: Vec<CadreId>| SelectionCommand::Motion {
        post: post(BUREAU, DEPUTY),
        mode: SelectionMode::IndividualPromotion,
        plan: "补充班子副职".into(),
        review: ok(),
        exceptional: None,
        proposed: who,
    };
    let clerk_since = |from| {
        move |p: &mut CadreProfile| {
            p.posts[0].from = from;
        }
    };
    w.files = CadreFiles::from_files([file_with(1, clerk_since(d(2023, 3, 3))), eligible_file(2)]);
    let mut steps = walk_to_publicity();
    steps[0].0 = naming(vec![cadre(2), cadre(1)]);
    let mut j = Journal::new();
    let Err((0, err)) = run_steps(&w, &mut j, SID, &steps) else {
        panic!("an ineligible person passed the motion");
    };
    assert!(
        matches!(&err, SelectionError::Ineligible { cadre: c, unmet } if *c == cadre(1) && unmet[0].requirement == Requirement::YearsInLowerPost),
        "{err:?}"
    );
    assert!(
        err.message(Language::Chinese)
            .contains("任一级科员以上职级")
    );
    assert!(j.is_empty());
    // In rank since 2 March 2023: three years on the day of the motion.
    w.files = CadreFiles::from_files([file_with(1, clerk_since(d(2023, 3, 2))), eligible_file(2)]);
    let mut j = Journal::new();
    run_steps(&w, &mut j, SID, &steps).unwrap();
    let moved = j.entries()[0].events().iter().find_map(|e| match e {
        SelectionEvent::Moved { proposed, .. } => Some(proposed.clone()),
        _ => None,
    });
    assert_eq!(moved, Some(vec![cadre(1), cadre(2)]));
    // Nobody on file: the motion cannot name them.
    let mut steps = walk_to_publicity();
    steps[0].0 = naming(vec![cadre(42)]);
    let mut j = Journal::new();
    assert_eq!(
        run_steps(&w, &mut j, SID, &steps),
        Err((0, SelectionError::NoFile(cadre(42))))
    );
}

/// 破格 (Art 9): the motion proposes it, and the years may then be waived, but never 学历.
#[test]
fn an_exceptional_motion_waives_the_years_within_article_9() {
    let mut w = World::new(1);
    w.files = CadreFiles::from_files([
        file_with(1, |p| p.posts[0].from = d(2025, 1, 1)),
        eligible_file(2),
    ]);
    let mut steps = walk_to_publicity();
    steps[0].0 = SelectionCommand::Motion {
        post: post(BUREAU, DEPUTY),
        mode: SelectionMode::IndividualPromotion,
        plan: "破格提拔".into(),
        review: ok(),
        exceptional: Some(ExceptionalBasis::OutstandingRecord),
        proposed: Vec::new(),
    };
    let mut j = Journal::new();
    run_steps(&w, &mut j, SID, &steps).unwrap();
    assert_eq!(
        j.state(SID).unwrap().exceptional(),
        Some(ExceptionalBasis::OutstandingRecord)
    );
    assert_eq!(w.verified(&j).stage(), SelectionStage::Publicity);

    // Short on years and below the education 破格 cannot waive.
    w.files = CadreFiles::from_files([
        file_with(1, |p| {
            p.posts[0].from = d(2025, 1, 1);
            p.education = Some(EducationLevel::SeniorHigh);
        }),
        eligible_file(2),
    ]);
    let mut j = Journal::new();
    let Err((CHOOSE, SelectionError::ExceptionalBarred { bars, .. })) =
        run_steps(&w, &mut j, SID, &steps)
    else {
        panic!("破格 waived 学历");
    };
    assert_eq!(bars, [ExceptionalBar::Protected(Requirement::Education)]);

    // On the ordinary path, 学历 binds as 一般应当: recorded with the choice, not a bar.
    w.files = CadreFiles::from_files([
        file_with(1, |p| p.education = Some(EducationLevel::SeniorHigh)),
        eligible_file(2),
    ]);
    let mut j = Journal::new();
    run_steps(&w, &mut j, SID, &walk_to_publicity()).unwrap();
    let noted = &j.state(SID).unwrap().noted()[&cadre(1)];
    assert_eq!(noted[0].requirement, Requirement::Education);
}

/// 影响期: a 记过 of 6 March 2025 bars promotion through 5 March 2026 (政务处分法 第八条); the
/// candidate is chosen on 5 March 2026 only if it took effect a day earlier.
#[test]
fn a_running_sanction_bars_the_candidate_on_both_sides_of_its_last_day() {
    let mut w = World::new(1);
    let demerit =
        |on| eligible_file(1).with_effect(EffectRecord::new(Effect::GovernmentDemerit, on, None));
    w.files = CadreFiles::from_files([demerit(d(2025, 3, 6)), eligible_file(2)]);
    let mut j = Journal::new();
    let Err((CHOOSE, SelectionError::EffectRunning { bars, .. })) =
        run_steps(&w, &mut j, SID, &walk_to_publicity())
    else {
        panic!("a sanctioned candidate was chosen");
    };
    assert_eq!(bars[0].until, d(2026, 3, 5));
    assert_eq!(bars[0].barred, Barred::Promotion);
    assert_eq!(bars[0].citation.article, "第八条");

    w.files = CadreFiles::from_files([demerit(d(2025, 3, 5)), eligible_file(2)]);
    let mut j = Journal::new();
    run_steps(&w, &mut j, SID, &walk_to_publicity()).unwrap();

    // 引咎辞职 from a 正科 post half a year ago: no leadership post at all for a year.
    w.files = CadreFiles::from_files([
        eligible_file(1).with_effect(EffectRecord::new(
            Effect::ResignationTakingResponsibility,
            d(2025, 9, 1),
            Some(LeadershipRank::TownshipSectionChief),
        )),
        eligible_file(2),
    ]);
    let mut j = Journal::new();
    let Err((CHOOSE, SelectionError::EffectRunning { bars, .. })) =
        run_steps(&w, &mut j, SID, &walk_to_publicity())
    else {
        panic!("cooling-off ignored");
    };
    assert_eq!(bars[0].barred, Barred::AnyLeadershipPost);
}

/// A sanction that takes effect after the candidates were chosen is found at 讨论决定; one
/// that takes effect during 任前公示 ends the selection at 任职. Verification re-decides both
/// the same way from the same file.
#[test]
fn the_file_is_read_again_at_the_decision_and_at_the_appointment() {
    let mut w = World::new(1);
    let admonished =
        |on| eligible_file(1).with_effect(EffectRecord::new(Effect::Admonition, on, None));
    // 诫勉 on 12 March: after the choice (5 March), before the decision.
    w.files = CadreFiles::from_files([admonished(d(2026, 3, 12)), eligible_file(2)]);
    let steps = walk_to_publicity();
    let decide = decision_step(&steps);
    let mut j = Journal::new();
    let Err((step, SelectionError::EffectRunning { .. })) = run_steps(&w, &mut j, SID, &steps)
    else {
        panic!("the decision did not read the file");
    };
    assert_eq!(step, decide);

    // 诫勉 during the 公示: 任职 ends the selection instead of appointing.
    let publicity_day = steps.last().unwrap().1;
    w.files = CadreFiles::from_files([admonished(publicity_day), eligible_file(2)]);
    let mut j = Journal::new();
    run_steps(&w, &mut j, SID, &steps).unwrap();
    appoint_after_publicity(&w, &mut j);
    let sel = j.state(SID).unwrap();
    assert_eq!(sel.stage(), SelectionStage::Ended);
    assert!(sel.ended().unwrap().contains("诫勉"), "{:?}", sel.ended());
    assert_eq!(sel.appointed(), None);
    assert_eq!(w.verified(&j).stage(), SelectionStage::Ended);
}

/// One person, one open outcome: decided on for one post, a cadre is not decided on for
/// another until the first is appointed.
#[test]
fn a_cadre_decided_on_for_one_post_is_refused_for_another() {
    let w = World::new(2);
    let mut j = Journal::new();
    let steps = walk_to_publicity();
    let decide = decision_step(&steps);
    // Both selections run to their candidates' inspection side by side (acts in time order).
    for step in &steps[..decide] {
        run_steps(&w, &mut j, SID, std::slice::from_ref(step)).unwrap();
        run_steps(&w, &mut j, SID2, std::slice::from_ref(step)).unwrap();
    }
    run_steps(&w, &mut j, SID, &steps[decide..]).unwrap();
    let last = steps.last().unwrap().1;
    assert_eq!(
        run_steps(&w, &mut j, SID2, &[(steps[decide].0.clone(), last)]),
        Err((
            0,
            SelectionError::OpenOutcome {
                cadre: cadre(1),
                other: SID
            }
        ))
    );
    // Once appointed, the first outcome is closed and the second selection may decide.
    let until = appoint_after_publicity(&w, &mut j);
    let late: Vec<_> = steps[decide..]
        .iter()
        .map(|(c, _)| (c.clone(), until + chrono::Duration::days(2)))
        .collect();
    run_steps(&w, &mut j, SID2, &late).unwrap();
    assert_eq!(
        j.state(SID2).unwrap().decided().map(|x| x.1),
        Some(cadre(1))
    );
}

/// A 选任制 post is filled by its election: no 试用期, 任职时间 from the vote, elected only with
/// more than half of those entitled; an appointed post takes no election.
#[test]
fn an_elected_post_records_its_election_instead_of_a_probation() {
    let w = World::new(1);
    let mut elected = post(BUREAU, DEPUTY);
    elected.tenure = Tenure::Elected;
    let mut steps = walk_to_publicity();
    steps[0].0 = SelectionCommand::Motion {
        post: elected,
        mode: SelectionMode::IndividualPromotion,
        plan: "选举产生".into(),
        review: ok(),
        exceptional: None,
        proposed: Vec::new(),
    };
    let run_to_publicity = || {
        let mut j = Journal::new();
        run_steps(&w, &mut j, SID, &steps).unwrap();
        let until = j.state(SID).unwrap().publicity().unwrap().until();
        (j, until + chrono::Duration::days(1))
    };
    let (mut j, day) = run_to_publicity();
    assert!(matches!(
        run_steps(&w, &mut j, SID, &[(appoint(None), day)]),
        Err((0, SelectionError::Election(_)))
    ));
    // Exactly half is not a majority: not elected, the selection ends.
    let vote = |n| Some(ElectionResult::new("县人大常委会第十次会议", day, n, 30));
    run_steps(&w, &mut j, SID, &[(appoint(vote(15)), day)]).unwrap();
    assert_eq!(j.state(SID).unwrap().stage(), SelectionStage::Ended);
    assert!(j.state(SID).unwrap().ended().unwrap().contains("未当选"));

    let (mut j, day) = run_to_publicity();
    run_steps(&w, &mut j, SID, &[(appoint(vote(16)), day)]).unwrap();
    let sel = j.state(SID).unwrap();
    assert_eq!(sel.stage(), SelectionStage::Confirmed, "no 试用期");
    assert_eq!(sel.appointed(), Some((cadre(1), day, None)));
    assert_eq!(w.verified(&j), *sel);

    // An appointed post is filled by the decision.
    let mut j = Journal::new();
    run_steps(&w, &mut j, SID, &walk_to_publicity()).unwrap();
    assert!(matches!(
        run_steps(&w, &mut j, SID, &[(appoint(vote(20)), day)]),
        Err((0, SelectionError::Election(_)))
    ));
}

proptest! {
    /// Random files (years in rank, a sanction of any kind on any day around the selection):
    /// whenever the walk ends in an appointment, the eligibility and 影响期 check run afterwards
    /// on the decision's day and on the appointment's day admits the appointee.
    #[test]
    fn no_appointment_is_one_the_check_run_afterwards_would_refuse(
        since in 0u64..1_600,
        effect in prop::option::of((0usize..14, 0u64..700)),
    ) {
        let kinds = [
            Effect::GovernmentWarning, Effect::GovernmentDemerit, Effect::GovernmentMajorDemerit,
            Effect::GovernmentDemotion, Effect::GovernmentDismissal, Effect::PartyWarning,
            Effect::PartySeriousWarning, Effect::PartyPostRemoval, Effect::Admonition,
            Effect::Reassignment, Effect::Demotion, Effect::ResignationTakingResponsibility,
            Effect::OrderedResignation, Effect::AccountabilityRemoval,
        ];
        let mut w = World::new(1);
        let from = d(2022, 1, 1) + chrono::Days::new(since);
        let mut first = file_with(1, |p| p.posts[0].from = from);
        if let Some((k, at)) = effect {
            first = first.with_effect(EffectRecord::new(kinds[k], d(2025, 6, 1) + chrono::Days::new(at), None));
        }
        w.files = CadreFiles::from_files([first, eligible_file(2)]);
        let steps = walk_to_publicity();
        let decided_on = steps[decision_step(&steps)].1;
        let mut j = Journal::new();
        if run_steps(&w, &mut j, SID, &steps).is_ok() {
            let until = j.state(SID).unwrap().publicity().unwrap().until();
            let _ = run_steps(&w, &mut j, SID, &[(appoint(None), until + chrono::Duration::days(1))]);
        }
        let sel = j.state(SID).cloned().unwrap_or_default();
        if let Some((who, _, _)) = sel.appointed() {
            let appointed_on = j.entries().last().unwrap().act().day();
            let post = sel.post().unwrap();
            for day in [decided_on, appointed_on] {
                let found = w.files.get(who).unwrap().consider(post, &w.tree, &w.registry, day, &w.policy).unwrap();
                prop_assert!(found.admits(), "appointed {who:?} though on {day} {found:?}");
            }
        }
        prop_assert_eq!(w.verified(&j), sel);
    }
}
