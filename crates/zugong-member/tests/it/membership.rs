use crate::support::{d, tree};
use chrono::NaiveDate;
use proptest::prelude::*;
use zugong_core::journal::{ExecuteError, Journal, Lifecycle};
use zugong_core::*;
use zugong_member::*;
use zugong_testkit::{run, unit, verified};

struct Member {
    tree: OrgTree,
    policy: PartyStandingPolicy,
    state: Membership,
    journal: Journal<Membership>,
}

fn by(n: u128) -> Authority {
    Authority::party_committee(unit(n))
}

impl Member {
    fn new() -> Self {
        let mut m = Self {
            tree: tree(),
            policy: PartyStandingPolicy::default(),
            state: Membership::default(),
            journal: Journal::new(),
        };
        let member = MemberId::from_uuid(uuid::Uuid::from_u128(9));
        m.run(
            MembershipCommand::Enrol {
                member,
                organization: unit(2),
            },
            d(2026, 1, 5),
            by(2),
        )
        .unwrap();
        m
    }

    fn run(
        &mut self,
        cmd: MembershipCommand,
        on: NaiveDate,
        who: Authority,
    ) -> Result<(), MembershipError> {
        let ctx = MembershipContext {
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

#[test]
fn a_transfer_leaves_the_old_organization_responsible_until_received() {
    let mut m = Member::new();
    let member = m.state.member().unwrap();
    assert_eq!(
        m.run(
            MembershipCommand::Enrol {
                member,
                organization: unit(6)
            },
            d(2026, 1, 6),
            by(6)
        ),
        Err(MembershipError::AlreadyEnrolled)
    );
    // Another township may not send this member away.
    assert!(matches!(
        m.run(
            MembershipCommand::SendTransfer { to: unit(4) },
            d(2026, 3, 1),
            by(3)
        ),
        Err(MembershipError::Authority(_))
    ));
    // The branch itself may not send it beyond its township's committee (Art 25)…
    let beyond = m.run(
        MembershipCommand::SendTransfer { to: unit(4) },
        d(2026, 3, 1),
        by(2),
    );
    assert_eq!(
        beyond,
        Err(MembershipError::TransferNeedsCommittee { to: unit(4) })
    );
    // …its committee may, anywhere.
    m.run(
        MembershipCommand::SendTransfer { to: unit(4) },
        d(2026, 3, 1),
        by(1),
    )
    .unwrap();
    assert_eq!(m.state.stage(), MembershipStage::InTransfer);
    assert_eq!(
        m.state.organization(),
        Some(unit(2)),
        "still the old organization's"
    );
    // Only the receiving organization (or a committee above it) receives.
    assert_eq!(
        m.run(MembershipCommand::ReceiveTransfer, d(2026, 3, 9), by(6)),
        Err(MembershipError::NotTheHolder)
    );
    m.run(MembershipCommand::ReceiveTransfer, d(2026, 3, 10), by(4))
        .unwrap();
    assert_eq!(m.state.organization(), Some(unit(4)));
    assert_eq!(m.state.organization_on(d(2026, 3, 9)), Some(unit(2)));
    assert_eq!(m.state.organization_on(d(2026, 1, 4)), None);
    assert_eq!(m.state.stage().to_string(), "正常");
}

#[test]
fn six_months_out_of_contact_then_two_years_suspended() {
    let mut m = Member::new();
    m.run(
        MembershipCommand::LoseContact {
            since: d(2026, 2, 1),
        },
        d(2026, 3, 1),
        by(2),
    )
    .unwrap();
    // 停止党籍 from 2026-08-01, not a day before.
    assert_eq!(
        m.run(MembershipCommand::Suspend, d(2026, 7, 31), by(1)),
        Err(MembershipError::TooEarly {
            step: "停止党籍",
            earliest: d(2026, 8, 1),
            on: d(2026, 7, 31)
        })
    );
    m.run(MembershipCommand::Suspend, d(2026, 8, 1), by(1))
        .unwrap();
    assert_eq!(m.state.stage(), MembershipStage::Suspended);
    // 按自行脱党除名 two years after the suspension.
    let remove = MembershipCommand::Remove {
        ground: RemovalGround::StillUntraceable,
    };
    assert!(matches!(
        m.run(remove.clone(), d(2028, 7, 31), by(1)),
        Err(MembershipError::TooEarly { .. })
    ));
    // Restoring instead is possible while suspended.
    let mut restored = Member::new();
    restored
        .run(
            MembershipCommand::LoseContact {
                since: d(2026, 2, 1),
            },
            d(2026, 3, 1),
            by(2),
        )
        .unwrap();
    restored
        .run(MembershipCommand::Suspend, d(2026, 8, 1), by(1))
        .unwrap();
    restored
        .run(MembershipCommand::Restore, d(2027, 1, 1), by(1))
        .unwrap();
    assert_eq!(restored.state.stage(), MembershipStage::Active);
    m.run(remove, d(2028, 8, 1), by(1)).unwrap();
    assert_eq!(m.state.stage(), MembershipStage::Removed);
    assert!(
        m.run(MembershipCommand::Restore, d(2028, 8, 2), by(1))
            .is_err()
    );
    assert_eq!(
        verified(&m.journal, || MembershipContext {
            tree: &m.tree,
            policy: &m.policy
        }),
        m.state
    );
}

proptest! {
    /// Whatever happens, a member is in exactly one organization on every day from joining
    /// on, and the journal verifies to the live state.
    #[test]
    fn one_organization_on_every_day(ops in prop::collection::vec((0u8..6, 0u128..6, 0u64..90), 0..40)) {
        let mut m = Member::new();
        let mut day = d(2026, 1, 5);
        for (op, target, step) in ops {
            day = day + chrono::Days::new(step);
            let org = [2u128, 6, 4][usize::try_from(target % 3).unwrap()];
            let cmd = match op {
                0 => MembershipCommand::SendTransfer { to: unit(org) },
                1 => MembershipCommand::ReceiveTransfer,
                2 => MembershipCommand::LoseContact { since: day },
                3 => MembershipCommand::Suspend,
                4 => MembershipCommand::Restore,
                _ => MembershipCommand::Reconnect,
            };
            let who = by([1u128, 2, 6, 3, 4, 2][usize::try_from(target).unwrap()]);
            let _ = m.run(cmd, day, who);
        }
        let mut probe = d(2026, 1, 5);
        while probe <= day {
            prop_assert!(m.state.organization_on(probe).is_some());
            probe = probe + chrono::Days::new(7);
        }
        let joins: Vec<_> = m.state.history().iter().map(|(from, _)| *from).collect();
        prop_assert!(joins.windows(2).all(|w| w[0] <= w[1]));
        prop_assert_eq!(verified(&m.journal, || MembershipContext { tree: &m.tree, policy: &m.policy }), m.state);
    }
}
