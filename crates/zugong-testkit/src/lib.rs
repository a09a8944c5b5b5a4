//! Test helpers shared by the zugong crates' integration tests (a development dependency
//! only): every lifecycle is tested the same way — commands run on one test stream by a clerk
//! of an authority on a day, the journal stored as JSON and read back through
//! [`Journal::verify`], every refusal's messages checked for their rule and for personal data.
//!
//! ```
//! use zugong_core::journal::{Act, Journal, Lifecycle};
//! # use zugong_core::journal::{Applying, Peers, Refusal};
//! # use zugong_core::{Citation, QuotaBookId, SourceStatus};
//! # #[derive(Debug, Default, Clone, PartialEq)] struct Count(u32);
//! # #[derive(Debug)] enum Never {}
//! # impl std::fmt::Display for Never { fn fmt(&self, _: &mut std::fmt::Formatter<'_>) -> std::fmt::Result { Ok(()) } }
//! # impl std::error::Error for Never {}
//! # impl Refusal for Never { fn citation(&self) -> Citation { Citation::new("某规定", "第一条", SourceStatus::Provisional) } }
//! # impl Lifecycle for Count {
//! #     type Id = QuotaBookId; type Stage = u32; type Command = u32; type Event = u32;
//! #     type Context<'c> = (); type Error = Never;
//! #     fn stage(&self) -> u32 { self.0 }
//! #     fn opens(_: &u32) -> bool { true }
//! #     fn decide(&self, n: &u32, _: &Act, _: &(), _: &Peers<'_, Self>) -> Result<Vec<u32>, Never> { Ok(vec![*n]) }
//! #     fn apply(&mut self, e: &u32, _: &Applying) { self.0 += e; }
//! # }
//! let (mut state, mut journal) = (Count::default(), Journal::new());
//! let day = chrono::NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
//! let county = zugong_core::Authority::party_committee(zugong_testkit::unit(1));
//! zugong_testkit::run(&mut state, &mut journal, &2, &(), day, county).unwrap();
//! assert_eq!(state, Count(2));
//! assert_eq!(zugong_testkit::verified(&journal, || ()), state);
//! ```
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeMap;

use chrono::NaiveDate;
use zugong_core::journal::{Act, Entry, ExecuteError, Journal, Language, Lifecycle, Refusal};
use zugong_core::{ActorId, Authority, OrgUnitId};

/// The org unit numbered `n` in a test tree.
#[must_use]
pub fn unit(n: u128) -> OrgUnitId {
    OrgUnitId::from_uuid(uuid::Uuid::from_u128(n))
}

/// The one stream a test's journal holds.
#[must_use]
pub fn stream<L: Lifecycle>() -> L::Id {
    L::Id::from(uuid::Uuid::from_u128(4242))
}

/// Runs `command` on the test's stream as a clerk of `who` on `on` (one second after the
/// journal's last entry of that day, so acts stay in order), and mirrors the stream's state
/// into `state`. A refusal's messages are checked with [`assert_plain_refusal`]; a refused
/// command leaves both unchanged.
///
/// # Errors
/// What [`Journal::execute`] returns.
pub fn run<L: Lifecycle>(
    state: &mut L,
    journal: &mut Journal<L>,
    command: &L::Command,
    context: &L::Context<'_>,
    on: NaiveDate,
    who: Authority,
) -> Result<Vec<L::Event>, ExecuteError<L::Error>> {
    let id = stream::<L>();
    let step = u32::try_from(journal.len()).unwrap_or(0);
    let act = Act::on_day(on, step, ActorId::from_uuid(uuid::Uuid::from_u128(9)), who);
    let r = journal.execute(id, command.clone(), act, "测试", context);
    if let Err(ExecuteError::Refused(e)) = &r {
        assert_plain_refusal(e);
    }
    *state = journal.state(id).cloned().unwrap_or_default();
    r
}

/// The journal stored as JSON and read back through `verify` with `context`: every stream's
/// state, each asserted equal to the live one.
///
/// # Panics
/// When the stored journal does not verify or verifies to another state.
pub fn verified_all<'c, L: Lifecycle + PartialEq>(
    journal: &Journal<L>,
    context: impl Fn() -> L::Context<'c>,
) -> BTreeMap<L::Id, L> {
    let json = serde_json::to_string(journal).unwrap();
    let entries: Vec<Entry<L>> = serde_json::from_str(&json).unwrap();
    let again = Journal::<L>::verify(entries, Some(journal.head()), |_| context()).unwrap();
    let states: BTreeMap<L::Id, L> = again.streams().map(|(id, s)| (id, s.clone())).collect();
    for (id, s) in journal.streams() {
        assert!(
            states.get(&id) == Some(s),
            "stream {id} verifies to another state"
        );
    }
    states
}

/// The test stream's state rebuilt by [`verified_all`].
///
/// # Panics
/// As [`verified_all`].
pub fn verified<'c, L: Lifecycle + PartialEq>(
    journal: &Journal<L>,
    context: impl Fn() -> L::Context<'c>,
) -> L {
    verified_all(journal, context)
        .remove(&stream::<L>())
        .unwrap_or_default()
}

/// A refusal's messages, in both languages, cite its rule and show no raw id (a UUID) and no
/// Debug form.
///
/// # Panics
/// When one does.
pub fn assert_plain_refusal<E: Refusal>(e: &E) {
    for lang in [Language::Chinese, Language::English] {
        let m = e.message(lang);
        assert!(m.contains(&e.citation().to_string()), "no citation in {m}");
        let chars: Vec<char> = m.chars().collect();
        let uuid = chars.windows(36).any(|w| {
            w.iter().enumerate().all(|(i, c)| match i {
                8 | 13 | 18 | 23 => *c == '-',
                _ => c.is_ascii_hexdigit(),
            })
        });
        assert!(!uuid, "a raw id in {m}");
        for debug in ["Some(", "None", "{ ", "\\\""] {
            assert!(!m.contains(debug), "a Debug form in {m}");
        }
    }
}

/// A 301,516-unit tree shaped like a province for the benches: 1 regional committee → 5 city
/// committees → 110 county committees → 2,200 township committees → 299,200 village branches.
/// Returns the tree and the branches' slot indices.
///
/// # Panics
/// Never: the shape is valid.
#[must_use]
pub fn province_tree() -> (zugong_core::OrgTree, Vec<u32>) {
    use zugong_core::{AdminLevel, OrgKind, OrgUnit};
    let id = |n: usize| OrgUnitId::from_uuid(uuid::Uuid::from_u128(n as u128 + 1));
    let mut units = vec![OrgUnit::new(
        id(0),
        "中共宁夏回族自治区委员会",
        OrgKind::Committee,
        AdminLevel::Provincial,
    )];
    let mut layer = vec![0usize];
    for (fanout, kind, level) in [
        (5, OrgKind::Committee, AdminLevel::Prefectural),
        (22, OrgKind::Committee, AdminLevel::County),
        (20, OrgKind::Committee, AdminLevel::Township),
        (136, OrgKind::Branch, AdminLevel::Village),
    ] {
        let mut next = Vec::new();
        for &p in &layer {
            for _ in 0..fanout {
                let n = units.len();
                units.push(OrgUnit::new(id(n), format!("单位{n}"), kind, level).with_parent(id(p)));
                next.push(n);
            }
        }
        layer = next;
    }
    let branches = layer.iter().map(|&n| u32::try_from(n).unwrap()).collect();
    (zugong_core::OrgTree::from_units(units).unwrap(), branches)
}
