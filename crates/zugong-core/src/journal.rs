//! The journal and the lifecycle shape shared by every process (decide, apply, journal).
//!
//! A process's **state** is a serde value built only by applying its **events**; a
//! **command** asks for a change, and [`Lifecycle::decide`] checks every rule and either
//! refuses with a typed error or returns the events; [`Lifecycle::apply`] is infallible and
//! pure. Each event is stored in an [`Envelope`] with its sequence number, time, actor,
//! authority and reason, so history is complete and `replay(events) == state`.
//!
//! [`execute`] runs the whole cycle and guarantees that a refused command changes nothing:
//! neither the state nor the journal.
//!
//! ```
//! use chrono::{DateTime, Utc};
//! use zugong_core::journal::{execute, replay, Lifecycle, MemoryJournal, Journal, Stamp};
//! use zugong_core::{ActorId, Authority, OrgUnitId};
//!
//! /// A toy quota: at most `cap` places may be taken.
//! #[derive(Debug, Default, PartialEq)]
//! struct Quota { taken: u32 }
//! #[derive(Debug, Clone, PartialEq)]
//! struct Taken(u32);
//! #[derive(Debug, PartialEq, thiserror::Error)]
//! #[error("quota exceeded")]
//! struct Exceeded;
//!
//! impl Lifecycle for Quota {
//!     type Command = u32;
//!     type Event = Taken;
//!     type Context<'c> = u32; // the cap
//!     type Error = Exceeded;
//!     fn decide(&self, n: &u32, cap: &u32) -> Result<Vec<Taken>, Exceeded> {
//!         if self.taken + n > *cap { Err(Exceeded) } else { Ok(vec![Taken(*n)]) }
//!     }
//!     fn apply(&mut self, e: &Taken) { self.taken += e.0; }
//! }
//!
//! let at: DateTime<Utc> = "2026-03-02T09:00:00Z".parse()?;
//! let stamp = |reason: &str| Stamp::new(at, ActorId::from_uuid(uuid::Uuid::nil()),
//!     Authority::organization_department(OrgUnitId::from_uuid(uuid::Uuid::nil())), reason);
//! let mut state = Quota::default();
//! let mut journal = MemoryJournal::new();
//! execute(&mut state, &mut journal, &2, &3, stamp("two posts filled"))?;
//! assert!(execute(&mut state, &mut journal, &2, &3, stamp("two more")).is_err());
//! assert_eq!(state.taken, 2); // the refused command changed nothing
//! assert_eq!(journal.len(), 1);
//! assert_eq!(replay::<Quota>(journal.events()), state);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::{ActorId, Authority};

/// Who acted, when, for whom and why: the metadata stored with every event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    /// When the action took effect (an input: nothing reads the wall clock).
    pub at: DateTime<Utc>,
    /// Who issued the command.
    pub actor: ActorId,
    /// The authority the actor acted for.
    pub authority: Authority,
    /// Why (事由): required, never blank.
    pub reason: String,
}

impl Stamp {
    /// A stamp.
    #[must_use]
    pub fn new(
        at: DateTime<Utc>,
        actor: ActorId,
        authority: Authority,
        reason: impl Into<String>,
    ) -> Self {
        Self {
            at,
            actor,
            authority,
            reason: reason.into(),
        }
    }
}

/// One journal entry: an event with its sequence number and stamp.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Envelope<E> {
    /// Position in the journal, from 1, without gaps.
    pub sequence: u64,
    /// Who, when, for whom, why.
    #[serde(flatten)]
    pub stamp: Stamp,
    /// What happened.
    pub event: E,
}

/// A journal that refused an append.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum JournalError {
    /// The stamp's time is earlier than the last entry's: history only moves forward.
    #[error("entry time {given} is before the last entry's {last}")]
    TimeWentBackwards {
        /// The last entry's time.
        last: DateTime<Utc>,
        /// The time given.
        given: DateTime<Utc>,
    },
    /// The stamp has no reason.
    #[error("every journal entry needs a reason")]
    MissingReason,
    /// A stored journal's entries are not numbered 1, 2, 3… (on loading).
    #[error("entry {found} found where {expected} was expected")]
    SequenceGap {
        /// The sequence number expected.
        expected: u64,
        /// The one found.
        found: u64,
    },
    /// A storage back-end failed.
    #[error("journal storage failed: {0}")]
    Storage(String),
}

/// An append-only store of events with their stamps.
pub trait Journal<E> {
    /// Appends the events of one decision under one stamp, all or nothing, and returns the
    /// sequence number of the last one.
    ///
    /// # Errors
    /// [`JournalError::MissingReason`], [`JournalError::TimeWentBackwards`], or a storage
    /// failure; nothing is appended.
    fn append(&mut self, stamp: Stamp, events: Vec<E>) -> Result<u64, JournalError>;

    /// Every entry, oldest first.
    fn entries<'a>(&'a self) -> impl Iterator<Item = &'a Envelope<E>>
    where
        E: 'a;

    /// Every event, oldest first.
    fn events<'a>(&'a self) -> impl Iterator<Item = &'a E>
    where
        E: 'a,
    {
        self.entries().map(|e| &e.event)
    }

    /// Number of entries.
    fn len(&self) -> u64;

    /// Whether the journal is empty.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// A journal kept in memory; serializes as its list of entries and checks their numbering
/// and times when read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "Vec<Envelope<E>>", into = "Vec<Envelope<E>>")]
#[serde(bound(
    serialize = "E: Serialize + Clone",
    deserialize = "E: Deserialize<'de>"
))]
pub struct MemoryJournal<E> {
    entries: Vec<Envelope<E>>,
}

impl<E> Default for MemoryJournal<E> {
    fn default() -> Self {
        Self {
            entries: Vec::new(),
        }
    }
}

impl<E> MemoryJournal<E> {
    /// An empty journal.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    fn last_time(&self) -> Option<DateTime<Utc>> {
        self.entries.last().map(|e| e.stamp.at)
    }
}

impl<E> TryFrom<Vec<Envelope<E>>> for MemoryJournal<E> {
    type Error = JournalError;
    fn try_from(entries: Vec<Envelope<E>>) -> Result<Self, Self::Error> {
        let mut last: Option<DateTime<Utc>> = None;
        for (i, e) in entries.iter().enumerate() {
            let expected = u64::try_from(i).unwrap_or(u64::MAX).saturating_add(1);
            if e.sequence != expected {
                return Err(JournalError::SequenceGap {
                    expected,
                    found: e.sequence,
                });
            }
            if e.stamp.reason.trim().is_empty() {
                return Err(JournalError::MissingReason);
            }
            if let Some(l) = last.filter(|l| e.stamp.at < *l) {
                return Err(JournalError::TimeWentBackwards {
                    last: l,
                    given: e.stamp.at,
                });
            }
            last = Some(e.stamp.at);
        }
        Ok(Self { entries })
    }
}

impl<E: Clone> From<MemoryJournal<E>> for Vec<Envelope<E>> {
    fn from(j: MemoryJournal<E>) -> Self {
        j.entries
    }
}

impl<E> Journal<E> for MemoryJournal<E> {
    fn append(&mut self, stamp: Stamp, events: Vec<E>) -> Result<u64, JournalError> {
        if stamp.reason.trim().is_empty() {
            return Err(JournalError::MissingReason);
        }
        if let Some(last) = self.last_time().filter(|l| stamp.at < *l) {
            return Err(JournalError::TimeWentBackwards {
                last,
                given: stamp.at,
            });
        }
        let mut seq = self.len();
        for event in events {
            seq = seq.saturating_add(1);
            self.entries.push(Envelope {
                sequence: seq,
                stamp: stamp.clone(),
                event,
            });
        }
        Ok(seq)
    }

    fn entries<'a>(&'a self) -> impl Iterator<Item = &'a Envelope<E>>
    where
        E: 'a,
    {
        self.entries.iter()
    }

    fn len(&self) -> u64 {
        u64::try_from(self.entries.len()).unwrap_or(u64::MAX)
    }
}

/// The shape of every process: a state that decides on commands and applies events.
pub trait Lifecycle: Default {
    /// What callers ask for.
    type Command;
    /// What happened; the only way the state changes.
    type Event;
    /// What the rules need from outside: time, authority, policies, calendar, tree. It may
    /// borrow (`ClassContext<'c>` holding `&'c OrgTree`).
    type Context<'c>;
    /// A refusal naming the rule (and its citation).
    type Error;

    /// Checks every rule for `command` against the current state; returns the events to
    /// record, or the refusal. Never changes the state.
    ///
    /// # Errors
    /// The refusal of the rule that does not allow the command.
    fn decide(
        &self,
        command: &Self::Command,
        ctx: &Self::Context<'_>,
    ) -> Result<Vec<Self::Event>, Self::Error>;

    /// Applies one event. Infallible and pure: the same events give the same state.
    fn apply(&mut self, event: &Self::Event);
}

/// Rebuilds a state from its events, oldest first.
pub fn replay<'a, L>(events: impl IntoIterator<Item = &'a L::Event>) -> L
where
    L: Lifecycle,
    L::Event: 'a,
{
    let mut state = L::default();
    for e in events {
        state.apply(e);
    }
    state
}

/// Why [`execute`] did not carry out a command.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ExecuteError<R> {
    /// A rule refused the command.
    #[error(transparent)]
    Refused(R),
    /// The journal refused the entry.
    #[error(transparent)]
    Journal(#[from] JournalError),
}

/// Decides `command`, records the events in `journal` under `stamp`, then applies them.
/// Returns the events. A refusal, by a rule or by the journal, changes nothing.
///
/// # Errors
/// [`ExecuteError::Refused`] with the rule's refusal, or [`ExecuteError::Journal`].
pub fn execute<L, J>(
    state: &mut L,
    journal: &mut J,
    command: &L::Command,
    ctx: &L::Context<'_>,
    stamp: Stamp,
) -> Result<Vec<L::Event>, ExecuteError<L::Error>>
where
    L: Lifecycle,
    L::Event: Clone,
    J: Journal<L::Event>,
{
    let events = state.decide(command, ctx).map_err(ExecuteError::Refused)?;
    journal.append(stamp, events.clone())?;
    for e in &events {
        state.apply(e);
    }
    Ok(events)
}
