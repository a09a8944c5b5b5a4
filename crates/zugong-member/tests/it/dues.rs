use crate::support::{d, tree};
use chrono::NaiveDate;
use proptest::prelude::*;
use zugong_core::journal::{ExecuteError, Journal};
use zugong_core::*;
use zugong_member::*;
use zugong_testkit::{run, unit, verified};

fn m(y: i32, mm: u32) -> Month {
    Month::new(y, mm).unwrap()
}

struct Ledger {
    tree: OrgTree,
    policy: DuesPolicy,
    state: DuesLedger,
    journal: Journal<DuesLedger>,
}

impl Ledger {
    /// Opened from January 2026 at 1,500元 a month base (0.5%: 7.50元).
    fn new() -> Self {
        let mut l = Self {
            tree: tree(),
            policy: DuesPolicy::default(),
            state: DuesLedger::default(),
            journal: Journal::new(),
        };
        let member = MemberId::from_uuid(uuid::Uuid::from_u128(5));
        l.run(
            DuesCommand::Open {
                member,
                branch: unit(2),
                from: m(2026, 1),
            },
            d(2026, 1, 5),
            branch(),
        )
        .unwrap();
        l.run(
            DuesCommand::Assess {
                from: m(2026, 1),
                category: DuesCategory::Employed,
                base: Fen::yuan(1500),
            },
            d(2026, 1, 5),
            branch(),
        )
        .unwrap();
        l
    }

    fn run(&mut self, cmd: DuesCommand, on: NaiveDate, who: Authority) -> Result<(), DuesError> {
        let ctx = DuesContext {
            tree: &self.tree,
            policy: &self.policy,
        };
        run(&mut self.state, &mut self.journal, &cmd, &ctx, on, who)
            .map(|_| ())
            .map_err(|e| match e {
                ExecuteError::Refused(e) => e,
                ExecuteError::Journal(e) => panic!("{e}"),
            })
    }
}

fn branch() -> Authority {
    Authority::party_committee(unit(2))
}

#[test]
fn bands_at_their_bounds() {
    let p = DuesPolicy::default();
    let e = |yuan_fen: u64| monthly_dues(DuesCategory::Employed, Fen(yuan_fen), &p);
    assert_eq!(e(300_000), Fen(1500)); // 3000元 × 0.5%
    assert_eq!(e(300_001), Fen(3000)); // 1%
    assert_eq!(e(500_000), Fen(5000));
    assert_eq!(e(500_001), Fen(7500)); // 1.5%
    assert_eq!(e(1_000_000), Fen(15000));
    assert_eq!(e(1_000_001), Fen(20000)); // 2%
    // Half a fen rounds up.
    assert_eq!(e(100), Fen(1)); // 1元 × 0.5% = 0.5分
    assert_eq!(
        monthly_dues(DuesCategory::Retired, Fen::yuan(5000), &p),
        Fen(2500)
    );
    assert_eq!(
        monthly_dues(DuesCategory::Retired, Fen(500_001), &p),
        Fen(5000)
    );
    assert_eq!(
        monthly_dues(DuesCategory::Farmer, Fen::yuan(9999), &p),
        Fen(20)
    );
    assert_eq!(Fen(750).to_string(), "7.50元");
    use zugong_core::Policy;
    assert!(p.validate().is_ok());
    let lax = DuesPolicy {
        lapse_months: 7,
        ..DuesPolicy::default()
    };
    assert!(lax.validate().is_err());
}

#[test]
fn five_months_unpaid_is_no_signal_six_are() {
    let mut l = Ledger::new();
    // January to May unpaid, seen in June: five months.
    assert_eq!(l.state.consecutive_unpaid(d(2026, 6, 1)), 5);
    assert!(!l.state.lapse_signal(d(2026, 6, 30), &l.policy));
    // Seen in July: six.
    assert!(l.state.lapse_signal(d(2026, 7, 1), &l.policy));
    assert_eq!(l.state.arrears(d(2026, 7, 1)).len(), 6);
    // Paying January late (within six months) breaks nothing of the streak since February.
    l.run(
        DuesCommand::Pay {
            month: m(2026, 1),
            amount: Fen(750),
        },
        d(2026, 7, 2),
        branch(),
    )
    .unwrap();
    assert_eq!(l.state.consecutive_unpaid(d(2026, 7, 2)), 5);
    assert_eq!(l.state.arrears(d(2026, 7, 2)).first(), Some(&m(2026, 2)));
}

#[test]
fn payments_are_whole_timely_and_once() {
    let mut l = Ledger::new();
    let pay = |month, amount| DuesCommand::Pay { month, amount };
    assert_eq!(
        l.run(pay(m(2026, 1), Fen(749)), d(2026, 1, 20), branch()),
        Err(DuesError::Underpaid {
            month: m(2026, 1),
            owed: Fen(750),
            paid: Fen(749)
        })
    );
    l.run(pay(m(2026, 1), Fen(1000)), d(2026, 1, 20), branch())
        .unwrap();
    assert_eq!(
        l.run(pay(m(2026, 1), Fen(750)), d(2026, 1, 21), branch()),
        Err(DuesError::AlreadySettled(m(2026, 1)))
    );
    // Six months ahead is the most; seven is refused.
    l.run(pay(m(2026, 7), Fen(750)), d(2026, 1, 22), branch())
        .unwrap();
    assert!(matches!(
        l.run(pay(m(2026, 8), Fen(750)), d(2026, 1, 22), branch()),
        Err(DuesError::OutsideWindow { .. })
    ));
    // 补交 up to six months late: February paid in August, not in September.
    l.run(pay(m(2026, 2), Fen(750)), d(2026, 8, 31), branch())
        .unwrap();
    assert!(matches!(
        l.run(pay(m(2026, 3), Fen(750)), d(2026, 10, 1), branch()),
        Err(DuesError::OutsideWindow { .. })
    ));
    // Before the ledger opened nothing is owed.
    assert_eq!(
        l.run(pay(m(2025, 12), Fen(750)), d(2026, 10, 1), branch()),
        Err(DuesError::NotOwed(m(2025, 12)))
    );
    assert_eq!(l.state.total_paid(), Fen(2500));
    // A waiver is the upper committee's, with its reason.
    let town = Authority::party_committee(unit(1));
    assert_eq!(
        l.run(
            DuesCommand::Waive {
                month: m(2026, 3),
                reason: "困难".into()
            },
            d(2026, 10, 2),
            branch()
        ),
        Err(DuesError::WrongBody("上一级党委"))
    );
    l.run(
        DuesCommand::Waive {
            month: m(2026, 3),
            reason: "家庭困难，镇党委批准".into(),
        },
        d(2026, 10, 2),
        town,
    )
    .unwrap();
    assert!(l.state.settled(m(2026, 3)));
    assert_eq!(
        verified(&l.journal, || DuesContext {
            tree: &l.tree,
            policy: &l.policy
        }),
        l.state
    );
}

proptest! {
    /// Whatever is paid and when: never less than owed is recorded, no month twice, totals
    /// never negative, and the journal verifies to the live ledger.
    #[test]
    fn dues_are_never_short_or_twice(ops in prop::collection::vec((0i64..12, 0u64..2000, 0u64..40), 0..40)) {
        let mut l = Ledger::new();
        let mut day = d(2026, 1, 6);
        for (month, amount, step) in ops {
            day = day + chrono::Days::new(step);
            let _ = l.run(DuesCommand::Pay { month: m(2026, 1).plus(month), amount: Fen(amount) }, day, branch());
        }
        for k in 0..12 {
            let month = m(2026, 1).plus(k);
            if let Some(paid) = l.state.paid(month) {
                prop_assert!(paid >= l.state.owed(month).unwrap(), "{} paid short", month);
            }
        }
        prop_assert_eq!(verified(&l.journal, || DuesContext { tree: &l.tree, policy: &l.policy }), l.state);
    }

    #[test]
    fn months_count_both_ways(y in -200i32..3000, mm in 1u32..=12, n in -5000i64..5000) {
        let a = Month::new(y, mm).unwrap();
        prop_assert_eq!(a.until(a.plus(n)), n);
        prop_assert_eq!(a.plus(n).plus(-n), a);
    }
}
