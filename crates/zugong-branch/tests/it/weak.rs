use chrono::NaiveDate;
use zugong_branch::*;
use zugong_core::journal::{ExecuteError, Journal};
use zugong_core::*;

use crate::support::*;

fn policy() -> WeakBranchPolicy {
    WeakBranchPolicy::default()
}

fn healthy() -> BranchFacts {
    BranchFacts {
        organizational_life: zugong_branch::LifeSummary::reported(true),
        ..Default::default()
    }
}

#[test]
fn direct_designation_thresholds() {
    let p = policy();
    assert!(detect_weakness(&healthy(), d(6, 1), &p).is_empty());
    // Satisfaction: exactly 60% is not below 60%.
    let f = BranchFacts {
        satisfaction: Some((60, 100)),
        ..healthy()
    };
    assert!(detect_weakness(&f, d(6, 1), &p).is_empty());
    let f = BranchFacts {
        satisfaction: Some((599, 1000)),
        ..healthy()
    };
    assert!(matches!(
        detect_weakness(&f, d(6, 1), &p)[0].basis,
        WeakBasis::LowSatisfaction { .. }
    ));
    // No 发展对象 for 2 years (villages only).
    let last = NaiveDate::from_ymd_opt(2024, 6, 1).unwrap();
    let f = BranchFacts {
        village: true,
        last_development_candidate: Some(last),
        ..healthy()
    };
    assert!(detect_weakness(&f, d(5, 31), &p).is_empty());
    assert_eq!(
        detect_weakness(&f, d(6, 1), &p)[0].basis,
        WeakBasis::NoDevelopmentCandidates { last: Some(last) }
    );
    let f = BranchFacts {
        village: false,
        last_development_candidate: None,
        ..healthy()
    };
    assert!(detect_weakness(&f, d(6, 1), &p).is_empty());
    // Last place.
    let f = BranchFacts {
        assessment_rank: Some((12, 12)),
        ..healthy()
    };
    assert!(detect_weakness(&f, d(6, 1), &p)[0].direct);
    let f = BranchFacts {
        assessment_rank: Some((11, 12)),
        ..healthy()
    };
    assert!(detect_weakness(&f, d(6, 1), &p).is_empty());
    // No organizational life, and inspected categories.
    let f = BranchFacts {
        organizational_life: zugong_branch::LifeSummary::reported(false),
        inspected_categories: vec![WeakCategory::DisunitedTeam],
        ..Default::default()
    };
    let found = detect_weakness(&f, d(6, 1), &p);
    assert_eq!(found.len(), 2);
    assert!(!found[1].direct);
    assert_eq!(found[1].citation.status, SourceStatus::Provisional);
    assert_eq!(
        "班子不团结、内耗严重".parse::<WeakCategory>(),
        Ok(WeakCategory::DisunitedTeam)
    );
    assert!(
        WeakBranchPolicy {
            satisfaction_min_permille: 1001,
            ..p
        }
        .validate()
        .is_err()
    );
}

fn plan(deadline: NaiveDate) -> RectificationPlan {
    RectificationPlan {
        deadline,
        responsible: "镇党委副书记".into(),
        measures: vec!["选优配强书记".into()],
    }
}

#[test]
fn rectification_from_designation_to_closure() {
    let tree = tree();
    let town = Authority::organization_department(id(10));
    let mut r = Rectification::default();
    let mut j = Journal::new();
    let run = |r: &mut Rectification, j: &mut Journal<Rectification>, cmd, who: Authority, on| {
        let ctx = RectificationContext { tree: &tree };
        crate::support::run(r, j, &cmd, &ctx, on, who).map_err(|e| match e {
            ExecuteError::Refused(e) => e,
            ExecuteError::Journal(e) => panic!("{e}"),
        })
    };
    let findings = detect_weakness(
        &BranchFacts {
            secretary_vacant_since: Some(d(1, 1)),
            ..healthy()
        },
        d(6, 1),
        &policy(),
    );
    assert_eq!(
        run(
            &mut r,
            &mut j,
            RectificationCommand::ReportProgress { note: "x".into() },
            town,
            d(6, 1)
        ),
        Err(RectificationError::NotDesignated)
    );
    let designate = |findings: Vec<WeakFinding>, plan| RectificationCommand::Designate {
        branch: id(100),
        findings,
        plan,
    };
    assert_eq!(
        run(
            &mut r,
            &mut j,
            designate(vec![], plan(d(12, 31))),
            town,
            d(6, 1)
        ),
        Err(RectificationError::NoFindings)
    );
    assert_eq!(
        run(
            &mut r,
            &mut j,
            designate(findings.clone(), plan(d(6, 1))),
            town,
            d(6, 1)
        ),
        Err(RectificationError::InvalidPlan(
            "the deadline is not after today"
        ))
    );
    let mut no_one = plan(d(12, 31));
    no_one.responsible = " ".into();
    assert!(matches!(
        run(
            &mut r,
            &mut j,
            designate(findings.clone(), no_one),
            town,
            d(6, 1)
        ),
        Err(RectificationError::InvalidPlan(_))
    ));
    let other = Authority::organization_department(id(11));
    assert!(matches!(
        run(
            &mut r,
            &mut j,
            designate(findings.clone(), plan(d(12, 31))),
            other,
            d(6, 1)
        ),
        Err(RectificationError::Authority(_))
    ));
    run(
        &mut r,
        &mut j,
        designate(findings.clone(), plan(d(12, 31))),
        town,
        d(6, 1),
    )
    .unwrap();
    assert_eq!(
        run(
            &mut r,
            &mut j,
            designate(findings, plan(d(12, 31))),
            town,
            d(6, 2)
        ),
        Err(RectificationError::AlreadyDesignated)
    );
    run(
        &mut r,
        &mut j,
        RectificationCommand::ReportProgress {
            note: "新任书记到岗".into(),
        },
        town,
        d(7, 1),
    )
    .unwrap();
    assert_eq!(
        run(
            &mut r,
            &mut j,
            RectificationCommand::ReportProgress { note: "".into() },
            town,
            d(7, 1)
        ),
        Err(RectificationError::MissingNote)
    );
    assert_eq!(
        run(
            &mut r,
            &mut j,
            RectificationCommand::Review {
                outcome: ReviewOutcome::Failed,
                note: "制度未落实".into(),
                new_deadline: None
            },
            town,
            d(12, 1)
        ),
        Err(RectificationError::MissingDeadline)
    );
    run(
        &mut r,
        &mut j,
        RectificationCommand::Review {
            outcome: ReviewOutcome::Failed,
            note: "制度未落实".into(),
            new_deadline: Some(NaiveDate::from_ymd_opt(2027, 3, 31).unwrap()),
        },
        town,
        d(12, 1),
    )
    .unwrap();
    assert!(!r.is_overdue(d(12, 31)));
    assert!(r.is_overdue(NaiveDate::from_ymd_opt(2027, 4, 1).unwrap()));
    run(
        &mut r,
        &mut j,
        RectificationCommand::Review {
            outcome: ReviewOutcome::Passed,
            note: "验收合格，予以销号".into(),
            new_deadline: None,
        },
        town,
        d(12, 20),
    )
    .unwrap();
    assert_eq!(r.status(), RectificationStatus::Closed);
    assert_eq!(
        run(
            &mut r,
            &mut j,
            RectificationCommand::ReportProgress { note: "x".into() },
            town,
            d(12, 21)
        ),
        Err(RectificationError::Closed)
    );
    assert_eq!(
        j.state(crate::support::stream::<Rectification>())
            .cloned()
            .unwrap_or_default(),
        r
    );
    assert_eq!(j.len(), 4);
}

#[derive(Debug, Clone)]
enum Op {
    Progress(bool),
    Review {
        passed: bool,
        new_deadline: Option<u64>,
    },
}

fn op() -> impl proptest::strategy::Strategy<Value = Op> {
    use proptest::prelude::*;
    prop_oneof![
        any::<bool>().prop_map(Op::Progress),
        (any::<bool>(), proptest::option::of(0u64..60)).prop_map(|(passed, new_deadline)| {
            Op::Review {
                passed,
                new_deadline,
            }
        }),
    ]
}

proptest::proptest! {
    /// Whatever is commanded, a rectification is closed (销号) only by a passed review, nothing
    /// is recorded after it, and the stored journal verifies to the live state.
    #[test]
    fn closed_only_by_a_passed_review_and_verified(ops in proptest::collection::vec((op(), 0u64..20), 0..25)) {
        let tree = tree();
        let town = Authority::organization_department(id(10));
        let ctx = RectificationContext { tree: &tree };
        let (mut r, mut j) = (Rectification::default(), Journal::new());
        let findings = detect_weakness(&BranchFacts { secretary_vacant_since: Some(d(1, 1)), ..healthy() }, d(6, 1), &policy());
        let designate = RectificationCommand::Designate { branch: id(100), findings, plan: plan(d(9, 30)) };
        crate::support::run(&mut r, &mut j, &designate, &ctx, d(6, 1), town).unwrap();
        let mut on = d(6, 1);
        for (op, step) in ops {
            on = on + chrono::Days::new(step);
            let cmd = match op {
                Op::Progress(blank) => RectificationCommand::ReportProgress { note: if blank { " ".into() } else { "已选派第一书记".into() } },
                Op::Review { passed, new_deadline } => RectificationCommand::Review {
                    outcome: if passed { ReviewOutcome::Passed } else { ReviewOutcome::Failed },
                    note: "验收".into(),
                    new_deadline: new_deadline.map(|n| on + chrono::Days::new(n)),
                },
            };
            let before = r.status();
            let ok = crate::support::run(&mut r, &mut j, &cmd, &ctx, on, town).is_ok();
            if before == RectificationStatus::Closed {
                proptest::prop_assert!(!ok, "a command after 销号 was accepted");
            }
            if r.status() == RectificationStatus::Closed && before != RectificationStatus::Closed {
                let passed = matches!(cmd, RectificationCommand::Review { outcome: ReviewOutcome::Passed, .. });
                proptest::prop_assert!(passed, "closed by something other than a passed review");
            }
        }
        proptest::prop_assert_eq!(crate::support::verified(&j, || RectificationContext { tree: &tree }), r);
    }
}
