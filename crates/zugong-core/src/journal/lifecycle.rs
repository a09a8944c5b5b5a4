//! The shape every process shares: a state that decides on commands and applies events.

use std::collections::BTreeMap;
use std::fmt;

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::Act;
use crate::Citation;

/// The language a refusal is told in: the official Chinese terms, or English.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Language {
    /// 中文: the official terms (the default).
    #[default]
    Chinese,
    /// English.
    English,
}

/// A rule's refusal of a command: every lifecycle error implements it.
///
/// A refusal always names the rule ([`Refusal::citation`]) and says, in the official terms,
/// what was wrong and what would make the command acceptable ([`Refusal::message`]) — never
/// a Debug name, a tuple or a raw identifier a person cannot read.
pub trait Refusal: std::error::Error {
    /// The regulation and article of the rule that refused.
    fn citation(&self) -> Citation;

    /// What was wrong and what would be accepted, in `language`. The default is the error's
    /// `Display` text (English) with its citation, for both languages; lifecycles whose
    /// refusals reach people override it with the official Chinese terms.
    fn message(&self, language: Language) -> String {
        let _ = language;
        format!("{self} ({})", self.citation())
    }
}

/// The typed identifier of one lifecycle instance: the stream its journal entries belong to.
///
/// Implemented by the identifiers in [`crate`] (`SelectionId`, `RatingRoundId`,
/// `TrainingClassId`…); [`StreamId::KIND`] names the kind of lifecycle, and is part of every
/// entry's digest, so an entry of one kind never verifies as another.
pub trait StreamId:
    Copy + Ord + Eq + fmt::Debug + fmt::Display + Serialize + DeserializeOwned + From<uuid::Uuid>
{
    /// The kind of lifecycle, a stable snake_case code (`"selection"`, `"rating_round"`).
    const KIND: &'static str;
}

/// Proof that an event is being applied by the journal, after the rules decided it.
///
/// Only [`crate::journal`] can make one, so outside code cannot apply events of its own
/// choosing to a lifecycle state: a state is built only from entries that were decided by
/// [`crate::journal::Journal::execute`] or re-decided by [`crate::journal::Journal::verify`].
#[derive(Debug)]
pub struct Applying(());

impl Applying {
    pub(crate) const fn new() -> Self {
        Self(())
    }
}

/// The other instances of a lifecycle's kind in the same journal, as of the command being
/// decided: how a rule that spans instances (one post, one open outcome; a round's cap; a
/// place in a quota line already filled by another selection) sees them.
#[derive(Debug)]
pub struct Peers<'a, L: Lifecycle> {
    this: L::Id,
    streams: &'a BTreeMap<L::Id, L>,
}

impl<'a, L: Lifecycle> Peers<'a, L> {
    pub(crate) const fn new(this: L::Id, streams: &'a BTreeMap<L::Id, L>) -> Self {
        Self { this, streams }
    }

    /// The stream the command is for.
    #[must_use]
    pub const fn this(&self) -> L::Id {
        self.this
    }

    /// Every other stream of the journal with its state.
    pub fn others(&self) -> impl Iterator<Item = (L::Id, &'a L)> + '_ {
        let this = self.this;
        self.streams
            .iter()
            .filter(move |(id, _)| **id != this)
            .map(|(id, s)| (*id, s))
    }

    /// The state of another stream.
    #[must_use]
    pub fn get(&self, id: L::Id) -> Option<&'a L> {
        if id == self.this {
            None
        } else {
            self.streams.get(&id)
        }
    }
}

/// The shape of every process (selection, quota book, assessment round, rating round,
/// rectification, hours ledger, training class, talent round, talent record).
///
/// A **state** starts as `Default` (nothing has happened) and changes only by
/// [`Lifecycle::apply`] of events that [`Lifecycle::decide`] returned, inside a
/// [`crate::journal::Journal`]. `decide` checks every rule against the state, the [`Act`]
/// (time and authority: given once, recorded as given), the context (tree, policies,
/// calendar) and the other streams of the same journal, and either refuses with a
/// [`Refusal`] or returns the events. `apply` is infallible and pure.
pub trait Lifecycle: Default + Clone {
    /// The instance's identifier: the stream of its entries.
    type Id: StreamId;
    /// The stage (环节) the instance is at, with its official term as `Display`.
    type Stage: Copy + Eq + fmt::Debug + fmt::Display;
    /// What callers ask for.
    type Command: Clone + fmt::Debug + Serialize + DeserializeOwned;
    /// What happened; the only way the state changes.
    type Event: Clone + PartialEq + fmt::Debug + Serialize + DeserializeOwned;
    /// What the rules need besides the act: tree, policies, calendar. It may borrow
    /// (`ClassContext<'c>` holding `&'c OrgTree`), and carries no date and no authority.
    type Context<'c>;
    /// A refusal naming the rule.
    type Error: Refusal;

    /// The stage the instance is at.
    fn stage(&self) -> Self::Stage;

    /// Whether `command` is the lifecycle's opening command — 动议 (`Motion`) for a selection,
    /// 建账 (`Open`) for a quota book, `Open` for an assessment, rating or talent round and an
    /// hours ledger, `Designate` for a rectification, `Plan` for a training class, `Register`
    /// for a talent record. The journal accepts it as the first command of a stream and only
    /// there, so every stream begins the same way.
    fn opens(command: &Self::Command) -> bool;

    /// Checks every rule for `command`, issued by `act`, against the current state and the
    /// other streams; returns the events to record, or the refusal. Never changes anything.
    ///
    /// # Errors
    /// The refusal of the rule that does not allow the command.
    fn decide(
        &self,
        command: &Self::Command,
        act: &Act,
        context: &Self::Context<'_>,
        peers: &Peers<'_, Self>,
    ) -> Result<Vec<Self::Event>, Self::Error>;

    /// Applies one event the rules decided. Infallible and pure: the same events give the
    /// same state. Only the journal calls it (it alone can make an [`Applying`]).
    fn apply(&mut self, event: &Self::Event, applying: &Applying);
}
