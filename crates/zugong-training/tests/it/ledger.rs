use proptest::prelude::*;
use zugong_core::journal::{ExecuteError, Journal};
use zugong_core::*;
use zugong_training::*;

use crate::support::*;

fn credit(hours: u32, on: chrono::NaiveDate) -> Credit {
    Credit {
        class: None,
        on,
        tier: Some(TrainingTier::CountyUniversal),
        kind: TrainingKind::Rotational,
        mode: TrainingMode::Concentrated,
        hours: StudyHours::from_tenths(hours),
        days: 1,
    }
}

fn open(tree: &OrgTree) -> (HoursLedger, Journal<HoursLedger>) {
    let mut ledger = HoursLedger::default();
    let mut journal = Journal::new();
    let ctx = LedgerContext { tree };
    crate::support::run(
        &mut ledger,
        &mut journal,
        &LedgerCommand::Open {
            member: member(1),
            unit: id(100),
        },
        &ctx,
        d(1, 2),
        Authority::organization_department(id(10)),
    )
    .unwrap();
    (ledger, journal)
}

#[test]
fn corrections_are_compensating_entries() {
    let tree = tree();
    let (mut ledger, mut journal) = open(&tree);
    let ctx = LedgerContext { tree: &tree };
    let s = (d(3, 1), Authority::organization_department(id(10)));
    crate::support::run(
        &mut ledger,
        &mut journal,
        &LedgerCommand::Credit(credit(240, d(2, 20))),
        &ctx,
        s.0,
        s.1,
    )
    .unwrap();
    // Entered 24 instead of 16: reverse, then credit again.
    crate::support::run(
        &mut ledger,
        &mut journal,
        &LedgerCommand::Reverse { entry: 1 },
        &ctx,
        s.0,
        s.1,
    )
    .unwrap();
    crate::support::run(
        &mut ledger,
        &mut journal,
        &LedgerCommand::Credit(credit(160, d(2, 20))),
        &ctx,
        s.0,
        s.1,
    )
    .unwrap();
    assert_eq!(ledger.lines().len(), 2, "the wrong line stays on record");
    assert_eq!(ledger.lines()[&1].reversed_by, Some(2));
    assert_eq!(
        ledger.summary(d(1, 1), d(12, 31)).hours,
        StudyHours::whole(16)
    );
    let r = |cmd| {
        crate::support::run(
            &mut ledger.clone(),
            &mut journal.clone(),
            &cmd,
            &ctx,
            s.0,
            s.1,
        )
    };
    assert_eq!(
        r(LedgerCommand::Reverse { entry: 1 }),
        Err(ExecuteError::Refused(LedgerError::AlreadyReversed(1)))
    );
    assert_eq!(
        r(LedgerCommand::Reverse { entry: 9 }),
        Err(ExecuteError::Refused(LedgerError::UnknownEntry(9)))
    );
    assert_eq!(
        r(LedgerCommand::Credit(credit(0, d(2, 1)))),
        Err(ExecuteError::Refused(LedgerError::ZeroHours))
    );
    assert_eq!(
        r(LedgerCommand::Open {
            member: member(1),
            unit: id(100)
        }),
        Err(ExecuteError::Refused(LedgerError::AlreadyOpen))
    );
    // The other township's department may not touch this ledger.
    let other = LedgerContext { tree: &tree };
    let err = crate::support::run(
        &mut ledger,
        &mut journal,
        &LedgerCommand::Credit(credit(10, d(2, 1))),
        &other,
        s.0,
        Authority::organization_department(id(11)),
    )
    .unwrap_err();
    assert!(matches!(
        err,
        ExecuteError::Refused(LedgerError::Authority(_))
    ));
    let mut empty = HoursLedger::default();
    assert_eq!(
        crate::support::run(
            &mut empty,
            &mut Journal::new(),
            &LedgerCommand::Reverse { entry: 1 },
            &ctx,
            s.0,
            s.1
        ),
        Err(ExecuteError::Refused(LedgerError::NotOpen))
    );
    assert_eq!(
        journal
            .state(crate::support::stream::<HoursLedger>())
            .cloned()
            .unwrap_or_default(),
        ledger
    );
}

proptest! {
    #[test]
    fn totals_are_never_negative_and_replay(ops in prop::collection::vec((any::<bool>(), 0u32..200, 1u64..12), 0..40)) {
        let tree = tree();
        let (mut ledger, mut journal) = open(&tree);
        let ctx = LedgerContext { tree: &tree };
        let mut expected: i64 = 0;
        let mut credited: Vec<(u64, i64, bool)> = Vec::new();
        for (is_credit, tenths, target) in ops {
            let cmd = if is_credit { LedgerCommand::Credit(credit(tenths, d(4, 1))) } else { LedgerCommand::Reverse { entry: target } };
            if crate::support::run(&mut ledger, &mut journal, &cmd, &ctx, d(4, 2), Authority::organization_department(id(1))).is_ok() {
                if is_credit {
                    credited.push((ledger.lines().keys().max().copied().unwrap(), i64::from(tenths), false));
                    expected += i64::from(tenths);
                } else if let Some(c) = credited.iter_mut().find(|c| c.0 == target) {
                    prop_assert!(!c.2);
                    c.2 = true;
                    expected -= c.1;
                }
            }
            prop_assert!(expected >= 0);
            prop_assert_eq!(i64::from(ledger.summary(d(1, 1), d(12, 31)).hours.tenths()), expected);
        }
        prop_assert_eq!(journal.state(crate::support::stream::<HoursLedger>()).cloned().unwrap_or_default(), ledger.clone());
        prop_assert_eq!(verified(&journal, || LedgerContext { tree: &tree }), ledger);
    }
}

#[test]
fn summaries_split_by_tier_mode_and_kind() {
    let tree = tree();
    let (mut ledger, mut journal) = open(&tree);
    let ctx = LedgerContext { tree: &tree };
    let online = Credit {
        mode: TrainingMode::Online,
        tier: None,
        ..credit(50, d(3, 3))
    };
    for c in [credit(80, d(3, 1)), online, credit(40, d(12, 1))] {
        crate::support::run(
            &mut ledger,
            &mut journal,
            &LedgerCommand::Credit(c),
            &ctx,
            d(3, 5),
            Authority::organization_department(id(10)),
        )
        .unwrap();
    }
    let s = ledger.summary(d(1, 1), d(12, 31));
    assert_eq!(s.hours, StudyHours::from_tenths(170));
    assert_eq!(s.by_mode[&TrainingMode::Online], StudyHours::whole(5));
    assert_eq!(
        s.by_tier[&TrainingTier::CountyUniversal],
        StudyHours::whole(12)
    );
    assert_eq!(
        s.by_kind[&TrainingKind::Rotational],
        StudyHours::from_tenths(170)
    );
    assert_eq!((s.concentrated_sessions, s.concentrated_days), (2, 2));
    assert_eq!(
        ledger.hours_in(d(1, 1), d(12, 31), &[TrainingMode::Online]),
        StudyHours::whole(5)
    );
}
