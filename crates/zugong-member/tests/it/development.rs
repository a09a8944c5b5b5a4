use crate::support::{d, member, tree};
use chrono::NaiveDate;
use proptest::prelude::*;
use zugong_core::journal::{ExecuteError, Journal, Lifecycle};
use zugong_core::*;
use zugong_member::*;
use zugong_testkit::{run, unit, verified};

fn branch() -> Authority {
    Authority::party_committee(unit(2))
}

fn town() -> Authority {
    Authority::party_committee(unit(1))
}

struct Path {
    tree: OrgTree,
    policy: DevelopmentPolicy,
    plans: DevelopmentPlans,
    calendar: WorkCalendar,
    state: Development,
    journal: Journal<Development>,
}

impl Path {
    fn new() -> Self {
        Self {
            tree: tree(),
            policy: DevelopmentPolicy::default(),
            plans: DevelopmentPlans::default(),
            calendar: WorkCalendar::official(),
            state: Development::default(),
            journal: Journal::new(),
        }
    }

    fn run(
        &mut self,
        cmd: DevelopmentCommand,
        on: NaiveDate,
        who: Authority,
    ) -> Result<(), DevelopmentError> {
        let ctx = DevelopmentContext {
            tree: &self.tree,
            policy: &self.policy,
            plans: &self.plans,
            calendar: &self.calendar,
        };
        let before = (self.state.clone(), self.journal.len());
        let r = run(&mut self.state, &mut self.journal, &cmd, &ctx, on, who)
            .map(|_| ())
            .map_err(|e| match e {
                ExecuteError::Refused(e) => e,
                ExecuteError::Journal(e) => panic!("{e}"),
            });
        if r.is_err() {
            assert_eq!(
                (self.state.clone(), self.journal.len()),
                before,
                "a refusal changed nothing"
            );
        }
        r
    }

    fn verified(&self) -> Development {
        verified(&self.journal, || DevelopmentContext {
            tree: &self.tree,
            policy: &self.policy,
            plans: &self.plans,
            calendar: &self.calendar,
        })
    }
}

fn applicant(birth: NaiveDate) -> Applicant {
    Applicant::new(
        PersonId::from_uuid(uuid::Uuid::from_u128(8)),
        "马晓燕",
        birth,
        unit(2),
    )
}

fn full(n: u128) -> Sponsor {
    Sponsor {
        member: member(n),
        standing: MemberStanding::FullMember,
    }
}

const VOTE: Vote = Vote {
    entitled: 21,
    present: 18,
    in_favour: 17,
};

/// The whole path up to the 支部大会 on 2026-06-20: each command, its day and its body.
fn path_steps() -> Vec<(DevelopmentCommand, NaiveDate, Authority)> {
    vec![
        (
            DevelopmentCommand::Apply(applicant(d(2000, 5, 4))),
            d(2025, 3, 3),
            branch(),
        ),
        (DevelopmentCommand::Talk, d(2025, 3, 20), branch()),
        (
            DevelopmentCommand::ChooseActivist {
                nomination: Nomination::MembersRecommendation,
                contacts: vec![member(1)],
            },
            d(2025, 4, 8),
            branch(),
        ),
        (DevelopmentCommand::FileActivist, d(2025, 4, 15), town()),
        (DevelopmentCommand::AssessActivist, d(2025, 10, 8), branch()),
        (DevelopmentCommand::AssessActivist, d(2026, 4, 1), branch()),
        (DevelopmentCommand::ChooseCandidate, d(2026, 4, 8), branch()),
        (DevelopmentCommand::FileCandidate, d(2026, 4, 15), town()),
        (
            DevelopmentCommand::NameSponsors {
                sponsors: vec![full(1), full(2)],
            },
            d(2026, 4, 20),
            branch(),
        ),
        (
            DevelopmentCommand::Vet {
                result: VettingResult::Passed,
            },
            d(2026, 5, 10),
            town(),
        ),
        (
            DevelopmentCommand::Train {
                days: 3,
                hours_tenths: 0,
            },
            d(2026, 5, 20),
            town(),
        ),
        (DevelopmentCommand::CommitteeReview, d(2026, 6, 1), branch()),
        (
            DevelopmentCommand::PreReview { leaving_on: None },
            d(2026, 6, 8),
            town(),
        ),
        (DevelopmentCommand::FillForm, d(2026, 6, 10), branch()),
        (
            DevelopmentCommand::Admit { vote: VOTE },
            d(2026, 6, 20),
            branch(),
        ),
    ]
}

/// The first `n` steps of [`path_steps`].
fn walked(n: usize) -> Path {
    let mut p = Path::new();
    for (cmd, on, who) in path_steps().into_iter().take(n) {
        p.run(cmd, on, who).unwrap();
    }
    p
}

/// Up to 确定积极分子 on 2025-04-08, filed and assessed twice.
fn activist() -> Path {
    walked(6)
}

/// Up to the 支部大会 on 2026-06-20 and the talk that follows it.
fn admitted() -> Path {
    let mut p = walked(15);
    p.run(DevelopmentCommand::ApprovalTalk, d(2026, 7, 1), town())
        .unwrap();
    p
}

#[test]
fn an_applicant_is_eighteen_on_the_day() {
    let mut p = Path::new();
    let birth = d(2008, 3, 3);
    assert_eq!(
        p.run(
            DevelopmentCommand::Apply(applicant(birth)),
            d(2026, 3, 2),
            branch()
        ),
        Err(DevelopmentError::Underage { age: 17, min: 18 })
    );
    p.run(
        DevelopmentCommand::Apply(applicant(birth)),
        d(2026, 3, 3),
        branch(),
    )
    .unwrap();
    assert_eq!(p.state.stage(), DevelopmentStage::Applicant);
    assert_eq!(p.state.stage().to_string(), "入党申请人");
    // The town may not receive an application on the branch's behalf.
    let mut q = Path::new();
    assert!(matches!(
        q.run(
            DevelopmentCommand::Apply(applicant(birth)),
            d(2026, 3, 3),
            town()
        ),
        Err(DevelopmentError::WrongBody {
            expected: Acting::Branch,
            ..
        })
    ));
}

#[test]
fn a_late_talk_is_recorded_not_refused() {
    let mut p = Path::new();
    p.run(
        DevelopmentCommand::Apply(applicant(d(2000, 1, 1))),
        d(2026, 1, 15),
        branch(),
    )
    .unwrap();
    p.run(DevelopmentCommand::Talk, d(2026, 2, 16), branch())
        .unwrap();
    assert!(p.state.talk_was_late());
    let mut q = Path::new();
    q.run(
        DevelopmentCommand::Apply(applicant(d(2000, 1, 1))),
        d(2026, 1, 15),
        branch(),
    )
    .unwrap();
    q.run(DevelopmentCommand::Talk, d(2026, 2, 15), branch())
        .unwrap();
    assert!(!q.state.talk_was_late(), "on the last day of the month");
}

#[test]
fn a_year_as_activist_before_becoming_a_candidate() {
    // Activist from 2025-04-08: the eleventh month is refused, the twelfth accepted.
    let mut p = activist();
    let err = p
        .run(DevelopmentCommand::ChooseCandidate, d(2026, 4, 7), branch())
        .unwrap_err();
    assert_eq!(
        err,
        DevelopmentError::TooEarly {
            step: "确定发展对象",
            earliest: d(2026, 4, 8),
            on: d(2026, 4, 7)
        }
    );
    assert_eq!(
        zugong_core::journal::Refusal::citation(&err).article,
        "第十三条"
    );
    p.run(DevelopmentCommand::ChooseCandidate, d(2026, 4, 8), branch())
        .unwrap();
    assert_eq!(p.state.candidate_on(), Some(d(2026, 4, 8)));
    // Without the half-yearly assessments, not even after the year.
    let mut q = Path::new();
    q.run(
        DevelopmentCommand::Apply(applicant(d(2000, 5, 4))),
        d(2025, 3, 3),
        branch(),
    )
    .unwrap();
    q.run(DevelopmentCommand::Talk, d(2025, 3, 20), branch())
        .unwrap();
    q.run(
        DevelopmentCommand::ChooseActivist {
            nomination: Nomination::MassOrganization,
            contacts: vec![member(1), member(2)],
        },
        d(2025, 4, 8),
        branch(),
    )
    .unwrap();
    assert!(matches!(
        q.run(DevelopmentCommand::ChooseCandidate, d(2026, 5, 1), branch()),
        Err(DevelopmentError::OutOfOrder {
            missing: "上级党委备案（积极分子）",
            ..
        })
    ));
    q.run(DevelopmentCommand::FileActivist, d(2026, 5, 1), town())
        .unwrap();
    assert_eq!(
        q.run(DevelopmentCommand::ChooseCandidate, d(2026, 5, 2), branch()),
        Err(DevelopmentError::AssessmentsMissing { done: 0, needed: 2 })
    );
    // Three contacts are too many.
    let mut r = Path::new();
    r.run(
        DevelopmentCommand::Apply(applicant(d(2000, 5, 4))),
        d(2025, 3, 3),
        branch(),
    )
    .unwrap();
    r.run(DevelopmentCommand::Talk, d(2025, 3, 4), branch())
        .unwrap();
    assert_eq!(
        r.run(
            DevelopmentCommand::ChooseActivist {
                nomination: Nomination::MassOrganization,
                contacts: vec![member(1), member(2), member(3)]
            },
            d(2025, 4, 8),
            branch()
        ),
        Err(DevelopmentError::ContactCount {
            given: 3,
            min: 1,
            max: 2
        })
    );
}

#[test]
fn sponsors_training_and_pre_review() {
    let mut p = activist();
    p.run(DevelopmentCommand::ChooseCandidate, d(2026, 4, 8), branch())
        .unwrap();
    p.run(DevelopmentCommand::FileCandidate, d(2026, 4, 15), town())
        .unwrap();
    assert_eq!(
        p.run(
            DevelopmentCommand::NameSponsors {
                sponsors: vec![full(1)]
            },
            d(2026, 4, 20),
            branch()
        ),
        Err(DevelopmentError::SponsorCount {
            given: 1,
            needed: 2
        })
    );
    let disciplined = Sponsor {
        member: member(2),
        standing: MemberStanding::UnderProbationDiscipline,
    };
    assert_eq!(
        p.run(
            DevelopmentCommand::NameSponsors {
                sponsors: vec![full(1), disciplined]
            },
            d(2026, 4, 20),
            branch()
        ),
        Err(DevelopmentError::SponsorNotEligible {
            standing: MemberStanding::UnderProbationDiscipline
        })
    );
    p.run(
        DevelopmentCommand::NameSponsors {
            sponsors: vec![full(1), full(2)],
        },
        d(2026, 4, 20),
        branch(),
    )
    .unwrap();
    // Two days and 23.9学时 are short; two days and 24学时, or three days, are enough.
    assert!(matches!(
        p.run(
            DevelopmentCommand::Train {
                days: 2,
                hours_tenths: 239
            },
            d(2026, 5, 1),
            town()
        ),
        Err(DevelopmentError::TrainingShort { .. })
    ));
    assert!(matches!(
        p.run(DevelopmentCommand::CommitteeReview, d(2026, 5, 2), branch()),
        Err(DevelopmentError::OutOfOrder {
            missing: "政治审查",
            ..
        })
    ));
    p.run(
        DevelopmentCommand::Vet {
            result: VettingResult::Passed,
        },
        d(2026, 5, 10),
        town(),
    )
    .unwrap();
    p.run(
        DevelopmentCommand::Train {
            days: 2,
            hours_tenths: 240,
        },
        d(2026, 5, 20),
        town(),
    )
    .unwrap();
    p.run(DevelopmentCommand::CommitteeReview, d(2026, 6, 1), branch())
        .unwrap();
    // A candidate leaving within three months of 预审 is not admitted; later is fine.
    assert_eq!(
        p.run(
            DevelopmentCommand::PreReview {
                leaving_on: Some(d(2026, 9, 8))
            },
            d(2026, 6, 8),
            town()
        ),
        Err(DevelopmentError::LeavingSoon {
            leaving_on: d(2026, 9, 8)
        })
    );
    p.run(
        DevelopmentCommand::PreReview {
            leaving_on: Some(d(2026, 9, 9)),
        },
        d(2026, 6, 8),
        town(),
    )
    .unwrap();
}

#[test]
fn the_branch_meeting_needs_more_than_half() {
    let mut p = walked(14);
    let admit = |entitled, present, in_favour| DevelopmentCommand::Admit {
        vote: Vote {
            entitled,
            present,
            in_favour,
        },
    };
    // Exactly half present, or exactly half in favour: refused.
    assert_eq!(
        p.run(admit(20, 10, 10), d(2026, 6, 20), branch()),
        Err(DevelopmentError::NoQuorum {
            present: 10,
            entitled: 20
        })
    );
    assert_eq!(
        p.run(admit(20, 18, 10), d(2026, 6, 20), branch()),
        Err(DevelopmentError::NoMajority {
            in_favour: 10,
            entitled: 20
        })
    );
    p.run(admit(20, 11, 11), d(2026, 6, 20), branch()).unwrap();
    assert_eq!(p.state.stage(), DevelopmentStage::AwaitingApproval);
    assert_eq!(p.state.admitted_on(), Some(d(2026, 6, 20)));
}

#[test]
fn approval_within_three_months_by_the_committee_itself() {
    // Admitted on 2026-06-20: 审批 on 2026-09-20 is the last day; the 21st is too late.
    let mut p = admitted();
    let dept = Authority::organization_department(unit(1));
    let ordinary = DevelopmentCommand::Approve {
        window: ApprovalWindow::Ordinary,
    };
    assert!(matches!(
        p.run(ordinary.clone(), d(2026, 7, 10), dept),
        Err(DevelopmentError::WrongBody {
            expected: Acting::PartyCommittee,
            ..
        })
    ));
    let other_town = Authority::party_committee(unit(3));
    assert!(matches!(
        p.run(ordinary.clone(), d(2026, 7, 10), other_town),
        Err(DevelopmentError::Authority(
            AuthorityError::OutsideSubtree { .. }
        ))
    ));
    assert_eq!(
        p.run(ordinary.clone(), d(2026, 9, 21), town()),
        Err(DevelopmentError::TooLate {
            step: "上级党委审批",
            latest: d(2026, 9, 20),
            on: d(2026, 9, 21)
        })
    );
    let mut special = admitted();
    special
        .run(
            DevelopmentCommand::Approve {
                window: ApprovalWindow::Special,
            },
            d(2026, 12, 20),
            town(),
        )
        .unwrap();
    p.run(ordinary, d(2026, 9, 20), town()).unwrap();
    assert_eq!(p.state.stage(), DevelopmentStage::Probationary);
    assert_eq!(p.state.probation_until(), Some(d(2027, 6, 19)));
    assert_eq!(p.verified(), p.state);
}

#[test]
fn confirmation_after_the_year_and_one_extension() {
    let mut p = admitted();
    p.run(
        DevelopmentCommand::Approve {
            window: ApprovalWindow::Ordinary,
        },
        d(2026, 7, 10),
        town(),
    )
    .unwrap();
    assert!(matches!(
        p.run(
            DevelopmentCommand::Confirm { vote: VOTE },
            d(2027, 6, 25),
            branch()
        ),
        Err(DevelopmentError::OutOfOrder {
            missing: "入党宣誓",
            ..
        })
    ));
    p.run(DevelopmentCommand::Swear, d(2026, 7, 12), branch())
        .unwrap();
    assert!(matches!(
        p.run(
            DevelopmentCommand::Confirm { vote: VOTE },
            d(2027, 6, 19),
            branch()
        ),
        Err(DevelopmentError::TooEarly { .. })
    ));
    // Extension of 5 months is too short, 13 too long; 6 is accepted, once.
    for months in [5, 13] {
        assert!(matches!(
            p.run(
                DevelopmentCommand::Extend { months },
                d(2027, 6, 20),
                branch()
            ),
            Err(DevelopmentError::ExtensionOutOfRange { .. })
        ));
    }
    p.run(
        DevelopmentCommand::Extend { months: 6 },
        d(2027, 6, 20),
        branch(),
    )
    .unwrap();
    assert_eq!(p.state.probation_until(), Some(d(2027, 12, 19)));
    assert_eq!(
        p.run(
            DevelopmentCommand::Extend { months: 6 },
            d(2027, 12, 20),
            branch()
        ),
        Err(DevelopmentError::AlreadyExtended)
    );
    p.run(
        DevelopmentCommand::Confirm { vote: VOTE },
        d(2027, 12, 20),
        branch(),
    )
    .unwrap();
    // 转正审批 within three months of the vote.
    assert!(matches!(
        p.run(
            DevelopmentCommand::ApproveConfirmation,
            d(2028, 3, 21),
            town()
        ),
        Err(DevelopmentError::TooLate { .. })
    ));
    p.run(
        DevelopmentCommand::ApproveConfirmation,
        d(2028, 3, 20),
        town(),
    )
    .unwrap();
    assert_eq!(p.state.stage(), DevelopmentStage::FullMember);
    assert_eq!(p.state.full_member_on(), Some(d(2028, 3, 20)));
    assert!(
        p.run(DevelopmentCommand::Swear, d(2028, 3, 21), branch())
            .is_err()
    );
    assert_eq!(p.verified(), p.state);
    assert_eq!(NATIONAL_STEPS.len(), 25);
    assert_eq!(NATIONAL_STEPS[16].term, "上级党委审批");
}

#[test]
fn a_failed_vetting_ends_the_path() {
    let mut p = activist();
    p.run(DevelopmentCommand::ChooseCandidate, d(2026, 4, 8), branch())
        .unwrap();
    p.run(DevelopmentCommand::FileCandidate, d(2026, 4, 15), town())
        .unwrap();
    p.run(
        DevelopmentCommand::Vet {
            result: VettingResult::Failed,
        },
        d(2026, 5, 10),
        town(),
    )
    .unwrap();
    assert_eq!(p.state.stage(), DevelopmentStage::Ended);
    assert!(matches!(
        p.run(DevelopmentCommand::CommitteeReview, d(2026, 6, 1), branch()),
        Err(DevelopmentError::Ended(_))
    ));
}

#[test]
fn a_province_may_tighten_never_loosen() {
    use zugong_core::Policy;
    let strict = DevelopmentPolicy {
        activist_months: 18,
        ..DevelopmentPolicy::default()
    };
    assert!(strict.validate().is_ok());
    let lax = DevelopmentPolicy {
        activist_months: 6,
        ..DevelopmentPolicy::default()
    };
    assert!(matches!(
        lax.validate(),
        Err(PolicyError::OutOfRange {
            field: "activist_months",
            ..
        })
    ));
    let lax = DevelopmentPolicy {
        approval_months: 4,
        ..DevelopmentPolicy::default()
    };
    assert!(lax.validate().is_err());
    // 突击发展 may be flagged from fewer admitted at once, not from more.
    let lax = DevelopmentPolicy {
        rush_threshold: 5,
        ..DevelopmentPolicy::default()
    };
    assert!(lax.validate().is_err());
    assert_eq!(DevelopmentPolicy::default().citations().len(), 17);
}

fn any_command() -> impl Strategy<Value = (DevelopmentCommand, bool)> {
    let vote = (0u32..30, 0u32..30, 0u32..30).prop_map(|(entitled, present, in_favour)| Vote {
        entitled,
        present,
        in_favour,
    });
    prop_oneof![
        Just(DevelopmentCommand::Talk),
        Just(DevelopmentCommand::ChooseActivist {
            nomination: Nomination::MembersRecommendation,
            contacts: vec![member(1)]
        }),
        Just(DevelopmentCommand::FileActivist),
        Just(DevelopmentCommand::AssessActivist),
        Just(DevelopmentCommand::ChooseCandidate),
        Just(DevelopmentCommand::FileCandidate),
        Just(DevelopmentCommand::NameSponsors {
            sponsors: vec![full(1), full(2)]
        }),
        Just(DevelopmentCommand::Vet {
            result: VettingResult::Passed
        }),
        (0u32..5, 0u32..400)
            .prop_map(|(days, hours_tenths)| DevelopmentCommand::Train { days, hours_tenths }),
        Just(DevelopmentCommand::CommitteeReview),
        Just(DevelopmentCommand::PreReview { leaving_on: None }),
        Just(DevelopmentCommand::FillForm),
        vote.clone()
            .prop_map(|vote| DevelopmentCommand::Admit { vote }),
        Just(DevelopmentCommand::ApprovalTalk),
        Just(DevelopmentCommand::Approve {
            window: ApprovalWindow::Ordinary
        }),
        Just(DevelopmentCommand::Swear),
        vote.prop_map(|vote| DevelopmentCommand::Confirm { vote }),
        (0u32..15).prop_map(|months| DevelopmentCommand::Extend { months }),
        Just(DevelopmentCommand::ApproveConfirmation),
    ]
    .prop_flat_map(|c| (Just(c), any::<bool>()))
}

proptest! {
    /// Whatever is commanded, in whatever order, by branch or committee: nobody is a 预备党员
    /// without every step before 审批, nobody a 正式党员 before a year of 预备期, and the stored
    /// journal verifies to the live state.
    #[test]
    fn no_shortcut_to_membership(cmds in prop::collection::vec((any_command(), 0u64..120), 0..80)) {
        let mut p = Path::new();
        p.run(DevelopmentCommand::Apply(applicant(d(1990, 1, 1))), d(2025, 1, 2), branch()).unwrap();
        let mut on = d(2025, 1, 2);
        for ((cmd, by_branch), step) in cmds {
            on = on + chrono::Days::new(step);
            let _ = p.run(cmd, on, if by_branch { branch() } else { town() });
            let s = &p.state;
            if s.stage() >= DevelopmentStage::Probationary && s.stage() != DevelopmentStage::Ended {
                for n in 1..=17 {
                    prop_assert!(s.has(n), "a 预备党员 without step {n}: {:?}", s.steps());
                }
                let candidate = s.candidate_on().unwrap();
                let activist = s.activist_on().unwrap();
                prop_assert!(zugong_core::dates::add_months(activist, 12).unwrap() <= candidate);
            }
            if s.stage() == DevelopmentStage::FullMember {
                let admitted = s.admitted_on().unwrap();
                prop_assert!(zugong_core::dates::add_months(admitted, 12).unwrap() <= s.full_member_on().unwrap());
            }
        }
        prop_assert_eq!(p.verified(), p.state);
    }
}

#[test]
fn the_pipeline_rolls_up_and_refuses_rows_outside_the_tree() {
    let tree = tree();
    let slot = |n| u32::try_from(tree.slot(unit(n)).unwrap().index()).unwrap();
    let rows = [
        DevelopmentRow {
            unit: slot(2),
            stage: DevelopmentStage::Candidate,
            overdue: false,
        },
        DevelopmentRow {
            unit: slot(4),
            stage: DevelopmentStage::Candidate,
            overdue: true,
        },
        DevelopmentRow {
            unit: slot(2),
            stage: DevelopmentStage::Probationary,
            overdue: false,
        },
    ];
    let p = development_rollup(&tree, &rows).unwrap();
    let town = p[tree.slot(unit(1)).unwrap().index()];
    assert_eq!(town.at(DevelopmentStage::Candidate), 1);
    assert_eq!(town.at(DevelopmentStage::Probationary), 1);
    assert_eq!(town.overdue, 0);
    // The roll-up indexes stages by declaration: the official order.
    for (i, s) in DevelopmentStage::ALL.iter().enumerate() {
        assert_eq!(*s as usize, i);
    }
    let bad = [DevelopmentRow {
        unit: 99,
        stage: DevelopmentStage::Activist,
        overdue: false,
    }];
    assert!(matches!(
        development_rollup(&tree, &bad),
        Err(PipelineError::UnknownUnit {
            row: 0,
            unit: 99,
            ..
        })
    ));
}

#[test]
fn the_yearly_appraisal_in_its_order_once_a_year() {
    use std::collections::{BTreeMap, BTreeSet};
    let (a, b) = (member(1), member(2));
    let mut j = Journal::<Appraisal>::new();
    let mut state = Appraisal::default();
    let open = |year| AppraisalCommand::Open {
        branch: unit(2),
        year,
        members: BTreeSet::from([a, b]),
    };
    let go = |state: &mut Appraisal, j: &mut Journal<Appraisal>, cmd, on, who| {
        run(state, j, &cmd, &(), on, who)
            .map(|_| ())
            .map_err(|e| match e {
                ExecuteError::Refused(e) => e,
                ExecuteError::Journal(e) => panic!("{e}"),
            })
    };
    assert_eq!(
        go(&mut state, &mut j, open(2026), d(2026, 12, 1), town()),
        Err(AppraisalError::NotTheBranch)
    );
    go(&mut state, &mut j, open(2026), d(2026, 12, 1), branch()).unwrap();
    assert!(matches!(
        go(
            &mut state,
            &mut j,
            AppraisalCommand::Measure { ballots: 20 },
            d(2026, 12, 2),
            branch()
        ),
        Err(AppraisalError::OutOfOrder { .. })
    ));
    go(
        &mut state,
        &mut j,
        AppraisalCommand::EndSelfAssessment,
        d(2026, 12, 2),
        branch(),
    )
    .unwrap();
    go(
        &mut state,
        &mut j,
        AppraisalCommand::EndPeerReview,
        d(2026, 12, 3),
        branch(),
    )
    .unwrap();
    go(
        &mut state,
        &mut j,
        AppraisalCommand::Measure { ballots: 20 },
        d(2026, 12, 4),
        branch(),
    )
    .unwrap();
    let only_a = BTreeMap::from([(a, AppraisalGrade::Qualified)]);
    assert_eq!(
        go(
            &mut state,
            &mut j,
            AppraisalCommand::Conclude { grades: only_a },
            d(2026, 12, 5),
            branch()
        ),
        Err(AppraisalError::GradesIncomplete {
            missing: 1,
            extra: 0
        })
    );
    let grades = BTreeMap::from([
        (a, AppraisalGrade::Excellent),
        (b, AppraisalGrade::Unqualified),
    ]);
    go(
        &mut state,
        &mut j,
        AppraisalCommand::Conclude { grades },
        d(2026, 12, 5),
        branch(),
    )
    .unwrap();
    assert_eq!(state.unqualified().collect::<Vec<_>>(), [b]);
    assert_eq!(state.stage().to_string(), "评定意见");
    // A second appraisal of the same branch and year, on another stream, is refused.
    let other = AppraisalId::from_uuid(uuid::Uuid::from_u128(77));
    let act = zugong_core::journal::Act::on_day(
        d(2026, 12, 6),
        0,
        ActorId::from_uuid(uuid::Uuid::nil()),
        branch(),
    );
    assert!(matches!(
        j.execute(other, open(2026), act, "民主评议", &()),
        Err(ExecuteError::Refused(AppraisalError::AlreadyHeld(2026)))
    ));
    assert_eq!(verified(&j, || ()), state);
}

#[test]
fn admissions_beyond_the_plan_are_refused_and_rushed_meetings_found() {
    let tree = tree();
    let policy = DevelopmentPolicy::default();
    let plans = DevelopmentPlans {
        plans: vec![DevelopmentPlan::new(unit(1), 2026, 1)],
    };
    let calendar = WorkCalendar::official();
    let ctx = DevelopmentContext {
        tree: &tree,
        policy: &policy,
        plans: &plans,
        calendar: &calendar,
    };
    let steps = path_steps();
    let (a, b) = (
        DevelopmentId::from_uuid(uuid::Uuid::from_u128(1)),
        DevelopmentId::from_uuid(uuid::Uuid::from_u128(2)),
    );
    let mut j = Journal::<Development>::new();
    let clerk = ActorId::from_uuid(uuid::Uuid::nil());
    let mut last = Ok(Vec::new());
    for (cmd, on, who) in steps {
        for path in [a, b] {
            let step = u32::try_from(j.len()).unwrap();
            last = j.execute(
                path,
                cmd.clone(),
                zugong_core::journal::Act::on_day(on, step, clerk, who),
                "发展党员",
                &ctx,
            );
        }
    }
    // The first admission used the plan; the second, the same day, is refused with Art 3.
    assert_eq!(
        j.state(a).unwrap().stage(),
        DevelopmentStage::AwaitingApproval
    );
    let Err(ExecuteError::Refused(err)) = last else {
        panic!("{last:?}")
    };
    assert_eq!(
        err,
        DevelopmentError::BeyondPlan {
            year: 2026,
            planned: 1
        }
    );
    assert_eq!(
        zugong_core::journal::Refusal::citation(&err).article,
        "第三条"
    );
    // Both were voted on at one meeting: with a threshold of one, that meeting is a rush.
    let admissions = [(unit(2), d(2026, 6, 20)), (unit(2), d(2026, 6, 20))];
    assert_eq!(
        rushed_meetings(admissions, 1),
        [RushedMeeting {
            branch: unit(2),
            on: d(2026, 6, 20),
            admitted: 2
        }]
    );
}

#[test]
fn a_provincial_publicity_holds_the_candidate_step_until_it_is_over() {
    use zugong_core::publicity::{PublicityDays, PublicityError};
    let mut p = Path::new();
    p.policy.publicity = Some(PublicityDays::Working(5));
    for (cmd, on, who) in path_steps().into_iter().take(6) {
        p.run(cmd, on, who).unwrap();
    }
    // Without the 公示, 确定发展对象 waits for it.
    assert!(matches!(
        p.run(DevelopmentCommand::ChooseCandidate, d(2026, 4, 8), branch()),
        Err(DevelopmentError::OutOfOrder {
            missing: "公示",
            ..
        })
    ));
    // Five working days from Monday 2026-04-13 end on Friday the 17th: the step on the 17th is
    // refused, on the 18th accepted.
    p.run(
        DevelopmentCommand::Publicize {
            before: PublicityFor::Candidate,
        },
        d(2026, 4, 13),
        branch(),
    )
    .unwrap();
    assert_eq!(
        p.state
            .publicity(PublicityFor::Candidate)
            .map(|x| x.until()),
        Some(d(2026, 4, 17))
    );
    assert!(matches!(
        p.run(
            DevelopmentCommand::ChooseCandidate,
            d(2026, 4, 17),
            branch()
        ),
        Err(DevelopmentError::Publicity(PublicityError::NotOver { .. }))
    ));
    p.run(
        DevelopmentCommand::ChooseCandidate,
        d(2026, 4, 18),
        branch(),
    )
    .unwrap();
    // Nationally there is no such 公示.
    let mut q = walked(6);
    assert_eq!(
        q.run(
            DevelopmentCommand::Publicize {
                before: PublicityFor::Candidate
            },
            d(2026, 4, 13),
            branch()
        ),
        Err(DevelopmentError::NoPublicityRule)
    );
    assert_eq!(p.verified(), p.state);
}

/// 入党 at 18 (细则 第五条): a policy of 16 is refused where it is read, and so is a shorter
/// 培养 or a longer approval window.
#[test]
fn development_policy_refuses_loosening_where_it_is_read() {
    let with = |field: &str, value: serde_json::Value| {
        let mut v = serde_json::to_value(DevelopmentPolicy::default()).unwrap();
        v[field] = value;
        serde_json::from_value::<DevelopmentPolicy>(v)
    };
    assert!(with("min_age_years", serde_json::json!(18)).is_ok());
    assert!(with("min_age_years", serde_json::json!(19)).is_ok());
    let e = with("min_age_years", serde_json::json!(16)).unwrap_err();
    assert!(e.to_string().contains("min_age_years"), "{e}");
    assert!(with("activist_months", serde_json::json!(11)).is_err());
    assert!(with("probation_months", serde_json::json!(6)).is_err());
    assert!(with("sponsors", serde_json::json!(1)).is_err());
}
