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

/// The parts of an entry before its digest is known.
pub(crate) struct Draft<L: Lifecycle> {
    pub(crate) position: u64,
    pub(crate) stream: L::Id,
    pub(crate) sequence: u64,
    pub(crate) act: Act,
    pub(crate) reason: String,
    pub(crate) command: L::Command,
    pub(crate) events: Vec<L::Event>,
    pub(crate) previous: Digest,
}

/// The digest of an entry's content: its kind and every field but the digest itself.
#[allow(clippy::too_many_arguments)]
fn content_digest<L: Lifecycle>(
    position: u64,
    stream: &L::Id,
    sequence: u64,
    act: &Act,
    reason: &str,
    command: &L::Command,
    events: &[L::Event],
    previous: &Digest,
) -> Result<Digest, EncodingError> {
    let mut chain = Chain::new();
    chain.push(<L::Id as StreamId>::KIND)?;
    chain.push(&position)?;
    chain.push(stream)?;
    chain.push(&sequence)?;
    chain.push(act)?;
    chain.push(reason)?;
    chain.push(command)?;
    chain.push(events)?;
    chain.push(previous)?;
    Ok(chain.finish())
}

impl<L: Lifecycle> Draft<L> {
    pub(crate) fn seal(self) -> Result<Entry<L>, EncodingError> {
        let digest = content_digest::<L>(
            self.position,
            &self.stream,
            self.sequence,
            &self.act,
            &self.reason,
            &self.command,
            &self.events,
            &self.previous,
        )?;
        Ok(Entry {
            position: self.position,
            stream: self.stream,
            sequence: self.sequence,
            act: self.act,
            reason: self.reason,
            command: self.command,
            events: self.events,
            previous: self.previous,
            digest,
        })
    }
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

    /// The digest recomputed from the content as it is now.
    pub(crate) fn recompute(&self) -> Result<Digest, EncodingError> {
        content_digest::<L>(
            self.position,
            &self.stream,
            self.sequence,
            &self.act,
            &self.reason,
            &self.command,
            &self.events,
            &self.previous,
        )
    }
}
