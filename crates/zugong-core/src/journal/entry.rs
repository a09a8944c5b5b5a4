//! One journal entry: one command, the act that issued it, the events the rules decided.

use serde::{Deserialize, Serialize};

use super::digest::{Chain, EncodingError};
use super::{Act, Digest, Lifecycle, StreamId};

/// 纪实条目: one command of one lifecycle instance, as the rules decided it.
///
/// An entry records the stream (the instance, by its typed id), its sequence in that stream
/// (from 1), its position in the whole journal (from 1), the [`Act`] the rules checked, the
/// reason (事由), the command, the events decided, the digest of the entry before it and its
/// own digest over all of these ([`Entry::digest`]). Entries are made only by
/// [`super::Journal::execute`]; a deserialized entry proves nothing until
/// [`super::Journal::verify`] has re-decided it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(bound(serialize = "", deserialize = ""))]
pub struct Entry<L: Lifecycle> {
    position: u64,
    stream: L::Id,
    sequence: u64,
    act: Act,
    reason: String,
    command: L::Command,
    events: Vec<L::Event>,
    previous: Digest,
    digest: Digest,
}

impl<L: Lifecycle> Entry<L> {
    /// Position in the whole journal, from 1, without gaps.
    #[must_use]
    pub const fn position(&self) -> u64 {
        self.position
    }
    /// The lifecycle instance the command was for.
    #[must_use]
    pub const fn stream(&self) -> L::Id {
        self.stream
    }
    /// Sequence within the stream, from 1, without gaps.
    #[must_use]
    pub const fn sequence(&self) -> u64 {
        self.sequence
    }
    /// When, who and for which authority: exactly the act the rules checked.
    #[must_use]
    pub const fn act(&self) -> &Act {
        &self.act
    }
    /// Why (事由): never blank.
    #[must_use]
    pub fn reason(&self) -> &str {
        &self.reason
    }
    /// The command.
    #[must_use]
    pub const fn command(&self) -> &L::Command {
        &self.command
    }
    /// The events the rules decided.
    #[must_use]
    pub fn events(&self) -> &[L::Event] {
        &self.events
    }
    /// The digest of the entry before (for the first, [`Digest::GENESIS`]).
    #[must_use]
    pub const fn previous(&self) -> Digest {
        self.previous
    }
    /// The digest of this entry's content (kind, position, stream, sequence, act, reason,
    /// command, events, previous digest), as recorded.
    #[must_use]
    pub const fn digest(&self) -> Digest {
        self.digest
    }

    /// A new entry with its digest computed over the rest.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn seal(
        position: u64,
        stream: L::Id,
        sequence: u64,
        act: Act,
        reason: String,
        command: L::Command,
        events: Vec<L::Event>,
        previous: Digest,
    ) -> Result<Self, EncodingError> {
        let mut entry = Self {
            position,
            stream,
            sequence,
            act,
            reason,
            command,
            events,
            previous,
            digest: Digest::GENESIS,
        };
        entry.digest = entry.recompute()?;
        Ok(entry)
    }

    /// The digest of the content as it is now: the kind and every field but the digest.
    pub(crate) fn recompute(&self) -> Result<Digest, EncodingError> {
        let mut chain = Chain::new();
        chain.push(<L::Id as StreamId>::KIND)?;
        chain.push(&self.position)?;
        chain.push(&self.stream)?;
        chain.push(&self.sequence)?;
        chain.push(&self.act)?;
        chain.push(&self.reason)?;
        chain.push(&self.command)?;
        chain.push(&self.events)?;
        chain.push(&self.previous)?;
        Ok(chain.finish())
    }
}
