//! The journal: every stream of one kind of lifecycle, their entries in order, and the
//! states those entries built.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Serialize, Serializer};
use thiserror::Error;

use super::{
    Act, Applying, Digest, EncodingError, Entry, Language, Lifecycle, Peers, Refusal, VerifyError,
    VerifyFailure,
};
use crate::Citation;
use crate::citation::sources;

/// 纪实日志: the journal of one kind of lifecycle — every instance (stream) of that kind, every
/// command each was given, in one order, hash-chained — and the states those commands built.
///
/// A journal is the only place a lifecycle state comes from: [`Journal::execute`] decides a
/// command against the state, the act and the context, records exactly that act with the
/// command and the events, and applies them; [`Journal::verify`] rebuilds a journal from
/// stored entries by deciding every command again. There is no other way to build or load a
/// state.
///
/// Serializes as its list of entries; it does not deserialize (read the entries, then
/// [`Journal::verify`] them).
#[derive(Debug, Clone)]
pub struct Journal<L: Lifecycle> {
    entries: Vec<Entry<L>>,
    streams: BTreeMap<L::Id, L>,
    /// The last sequence of each stream (so that the next one is found without a scan).
    sequences: BTreeMap<L::Id, u64>,
}

impl<L: Lifecycle> Default for Journal<L> {
    fn default() -> Self {
        Self {
            entries: Vec::new(),
            streams: BTreeMap::new(),
            sequences: BTreeMap::new(),
        }
    }
}

impl<L: Lifecycle> Serialize for Journal<L> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.entries.serialize(s)
    }
}

/// A journal that refused to record a command the rules accepted.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum JournalError {
    /// The act's time is earlier than the last entry's: history only moves forward.
    #[error(
        "the act's time {given} is before the last entry's {last}: acts are recorded in order of time"
    )]
    TimeWentBackwards {
        /// The last entry's time.
        last: DateTime<Utc>,
        /// The time given.
        given: DateTime<Utc>,
    },
    /// The command has no reason.
    #[error("every journal entry needs a reason (事由); give one that is not blank")]
    MissingReason,
    /// The act's day is outside the [`crate::dates::SupportedDates`] (the default range):
    /// no rule is asked to count periods from it.
    #[error(transparent)]
    DateOutOfRange(#[from] crate::dates::DateOutOfRange),
    /// The first command of a stream is not the lifecycle's opening command
    /// ([`Lifecycle::opens`]).
    #[error("a stream begins with its lifecycle's opening command (动议, 建账, 开展, 计划, 建档)")]
    NotOpened,
    /// The entry could not be encoded for its digest.
    #[error(transparent)]
    Encoding(#[from] EncodingError),
}

impl Refusal for JournalError {
    fn citation(&self) -> Citation {
        match self {
            Self::DateOutOfRange(e) => e.citation(),
            _ => sources::JOURNAL_INTEGRITY,
        }
    }

    fn message(&self, language: Language) -> String {
        match (language, self) {
            (Language::Chinese, Self::TimeWentBackwards { last, given }) => format!(
                "行为时间 {given} 早于上一条纪实 {last}：纪实按时间顺序记录（{}）",
                self.citation()
            ),
            (Language::Chinese, Self::MissingReason) => {
                format!("每条纪实须写明事由，不得为空（{}）", self.citation())
            }
            (Language::Chinese, Self::NotOpened) => format!(
                "流程须以其启动命令开始（动议、建账、开展、制定计划、建档）（{}）",
                self.citation()
            ),
            (Language::Chinese, Self::Encoding(e)) => {
                format!("纪实内容无法编码：{e}（{}）", self.citation())
            }
            (_, Self::DateOutOfRange(e)) => e.message(language),
            (Language::English, _) => format!("{self} ({})", self.citation()),
        }
    }
}

/// Why [`Journal::execute`] did not carry out a command.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ExecuteError<R> {
    /// A rule refused the command.
    #[error(transparent)]
    Refused(R),
    /// The journal refused the entry.
    #[error(transparent)]
    Journal(#[from] JournalError),
}

impl<R: Refusal> Refusal for ExecuteError<R> {
    fn citation(&self) -> Citation {
        match self {
            Self::Refused(r) => r.citation(),
            Self::Journal(j) => j.citation(),
        }
    }
    fn message(&self, language: Language) -> String {
        match self {
            Self::Refused(r) => r.message(language),
            Self::Journal(j) => j.message(language),
        }
    }
}

impl<L: Lifecycle> Journal<L> {
    /// An empty journal.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Decides `command` for `stream` as the act `act` with `reason`, records it as one entry
    /// and applies its events. Returns the events decided (the entry is
    /// [`Journal::entries`]' last). A refusal, by a rule or by the journal,
    /// changes nothing. A stream starts with its first accepted command.
    ///
    /// # Errors
    /// [`ExecuteError::Refused`] with the rule's refusal; [`ExecuteError::Journal`] when the
    /// reason is blank or the act is earlier than the last entry.
    pub fn execute(
        &mut self,
        stream: L::Id,
        command: L::Command,
        act: Act,
        reason: impl Into<String>,
        context: &L::Context<'_>,
    ) -> Result<Vec<L::Event>, ExecuteError<L::Error>> {
        let reason = reason.into();
        check_reason(&reason)?;
        crate::dates::SupportedDates::default()
            .check(act.day())
            .map_err(JournalError::from)?;
        if let Some(last) = self.last_time().filter(|l| act.at() < *l) {
            return Err(JournalError::TimeWentBackwards {
                last,
                given: act.at(),
            }
            .into());
        }
        let events = self
            .decide(stream, &command, &act, context)
            .map_err(ExecuteError::Refused)?;
        // The lifecycle's own rules refuse a stream that does not begin with its opening
        // command; the journal holds every lifecycle to it even if one forgot.
        if !self.streams.contains_key(&stream) && !L::opens(&command) {
            return Err(JournalError::NotOpened.into());
        }
        let entry = Entry::seal(
            self.next_position(),
            stream,
            self.next_sequence(stream),
            act,
            reason,
            command,
            events,
            self.head(),
        )
        .map_err(JournalError::from)?;
        let events = entry.events().to_vec();
        self.push(entry);
        Ok(events)
    }

    /// Decides `command` for `stream` without recording anything: the events it would
    /// produce, or the refusal. A dry run for forms that show what a command would do.
    ///
    /// # Errors
    /// The rule's refusal.
    pub fn decide(
        &self,
        stream: L::Id,
        command: &L::Command,
        act: &Act,
        context: &L::Context<'_>,
    ) -> Result<Vec<L::Event>, L::Error> {
        let fresh = L::default();
        let state = self.streams.get(&stream).unwrap_or(&fresh);
        state.decide(command, act, context, &Peers::new(stream, &self.streams))
    }

    /// Rebuilds a journal from stored entries by checking each, in order, as it was recorded:
    /// its position (no entry missing, inserted, duplicated or moved), its link to the entry
    /// before and its own digest (nothing edited), its sequence in its stream, its reason and
    /// time, and then the command itself, decided again by the rules against the state so
    /// far, the entry's own act and the context `context` gives for it; the events decided
    /// must be exactly those recorded. When `expected_head` is given (the head the data
    /// recorded, e.g. in a store or a dataset's manifest), the last entry's digest must be it,
    /// so a journal cut short or replaced whole is found too.
    ///
    /// ```
    /// # use zugong_core::journal::*;
    /// # use zugong_core::{ActorId, Authority, Citation, OrgUnitId, SelectionId, SourceStatus};
    /// # #[derive(Debug, Default, Clone)] struct Count(u32);
    /// # #[derive(Debug, thiserror::Error)] #[error("full")] struct Full;
    /// # impl Refusal for Full { fn citation(&self) -> Citation { Citation::new("某规定", "第一条", SourceStatus::Provisional) } }
    /// # impl Lifecycle for Count {
    /// #     type Id = SelectionId; type Stage = u32; type Command = u32; type Event = u32;
    /// #     type Context<'c> = u32; type Error = Full;
    /// #     fn stage(&self) -> u32 { self.0 }
    /// #     fn opens(_: &u32) -> bool { true }
    /// #     fn decide(&self, n: &u32, _: &Act, cap: &u32, _: &Peers<'_, Self>) -> Result<Vec<u32>, Full> {
    /// #         if self.0 + n > *cap { Err(Full) } else { Ok(vec![*n]) } }
    /// #     fn apply(&mut self, e: &u32, _: &Applying) { self.0 += e; }
    /// # }
    /// let id = SelectionId::from_uuid(uuid::Uuid::from_u128(1));
    /// let act = Act::new("2026-03-02T01:00:00Z".parse()?, ActorId::from_uuid(uuid::Uuid::nil()),
    ///     Authority::organization_department(OrgUnitId::from_uuid(uuid::Uuid::nil())));
    /// let mut journal = Journal::<Count>::new();
    /// journal.execute(id, 2, act, "two places", &3)?;
    /// let stored = journal.entries().to_vec();
    /// let head = journal.head();
    ///
    /// // The same entries verify against the same cap…
    /// let verified = Journal::<Count>::verify(stored.clone(), Some(head), |_| 3)?;
    /// assert_eq!(verified.state(id).map(Count::stage), Some(2));
    /// // …but a cap of 1 refuses the recorded command again: the history is not a fact.
    /// let refused = Journal::<Count>::verify(stored, Some(head), |_| 1).unwrap_err();
    /// assert_eq!(refused.position(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// The first entry that fails, with its position, stream and [`VerifyFailure`].
    #[allow(clippy::result_large_err)] // a verification failure is rare and read once
    pub fn verify<'c, I, F>(
        entries: I,
        expected_head: Option<Digest>,
        context: F,
    ) -> Result<Self, VerifyError>
    where
        I: IntoIterator<Item = Entry<L>>,
        F: FnMut(&Entry<L>) -> L::Context<'c>,
    {
        let mut journal = Self::new();
        journal.verify_more(entries, expected_head, context)?;
        Ok(journal)
    }

    /// Extends a journal with stored entries that continue it, checking each exactly as
    /// [`Journal::verify`] does (position, chain, digest, sequence, reason, time, the rules'
    /// decision again), and then the head when `expected_head` is given. A store that keeps a
    /// verified journal in memory reads only the entries written since, by other writers, and
    /// verifies those.
    ///
    /// On failure the journal holds the entries before the one that failed (a caller that
    /// needs all or nothing verifies a clone, or discards the journal).
    ///
    /// # Errors
    /// The first entry that fails, with its position, stream and [`VerifyFailure`]; or
    /// [`VerifyFailure::HeadMismatch`] when the last entry is not `expected_head`.
    #[allow(clippy::result_large_err)] // a verification failure is rare and read once
    pub fn verify_more<'c, I, F>(
        &mut self,
        entries: I,
        expected_head: Option<Digest>,
        mut context: F,
    ) -> Result<(), VerifyError>
    where
        I: IntoIterator<Item = Entry<L>>,
        F: FnMut(&Entry<L>) -> L::Context<'c>,
    {
        let journal = self;
        for entry in entries {
            let position = journal.next_position();
            let fail =
                |failure| VerifyError::new(position, Some(entry.stream().to_string()), failure);
            if entry.position() != position {
                return Err(fail(VerifyFailure::PositionOutOfOrder {
                    expected: position,
                    found: entry.position(),
                }));
            }
            if entry.previous() != journal.head() {
                return Err(fail(VerifyFailure::ChainBroken));
            }
            match entry.recompute() {
                Ok(d) if d == entry.digest() => {}
                Ok(_) => return Err(fail(VerifyFailure::DigestMismatch)),
                Err(e) => return Err(fail(VerifyFailure::Encoding(e.to_string()))),
            }
            let sequence = journal.next_sequence(entry.stream());
            if entry.sequence() != sequence {
                return Err(fail(VerifyFailure::SequenceOutOfOrder {
                    expected: sequence,
                    found: entry.sequence(),
                }));
            }
            if check_reason(entry.reason()).is_err() {
                return Err(fail(VerifyFailure::MissingReason));
            }
            if let Some(last) = journal.last_time().filter(|l| entry.act().at() < *l) {
                return Err(fail(VerifyFailure::TimeWentBackwards {
                    last,
                    given: entry.act().at(),
                }));
            }
            if let Err(e) = crate::dates::SupportedDates::default().check(entry.act().day()) {
                return Err(fail(VerifyFailure::DateOutOfRange(e)));
            }
            let ctx = context(&entry);
            let decided = journal
                .decide(entry.stream(), entry.command(), entry.act(), &ctx)
                .map_err(|r| {
                    fail(VerifyFailure::Refused {
                        citation: r.citation(),
                        message: r.message(Language::Chinese),
                        english: r.message(Language::English),
                    })
                })?;
            if !journal.streams.contains_key(&entry.stream()) && !L::opens(entry.command()) {
                return Err(fail(VerifyFailure::NotOpened));
            }
            if decided.as_slice() != entry.events() {
                return Err(fail(VerifyFailure::EventsDiffer {
                    recorded: entry.events().len(),
                    decided: decided.len(),
                }));
            }
            journal.push(entry);
        }
        if let Some(expected) = expected_head
            && journal.head() != expected
        {
            return Err(VerifyError::new(
                journal.len(),
                None,
                VerifyFailure::HeadMismatch {
                    expected,
                    found: journal.head(),
                },
            ));
        }
        Ok(())
    }

    fn push(&mut self, entry: Entry<L>) {
        let applying = Applying::new();
        let state = self.streams.entry(entry.stream()).or_default();
        for e in entry.events() {
            state.apply(e, &applying);
        }
        self.sequences.insert(entry.stream(), entry.sequence());
        self.entries.push(entry);
    }

    fn next_position(&self) -> u64 {
        self.len().saturating_add(1)
    }

    fn next_sequence(&self, stream: L::Id) -> u64 {
        self.sequences
            .get(&stream)
            .map_or(1, |n| n.saturating_add(1))
    }

    fn last_time(&self) -> Option<DateTime<Utc>> {
        self.entries.last().map(|e| e.act().at())
    }

    /// The state of a stream (`None`: no command for it yet).
    #[must_use]
    pub fn state(&self, stream: L::Id) -> Option<&L> {
        self.streams.get(&stream)
    }

    /// The version of a stream: the sequence of its last entry (0 when the stream has none).
    /// A store compares it with the version a writer expected, so that of two writers who
    /// read the same version only the first is recorded.
    #[must_use]
    pub fn version(&self, stream: L::Id) -> u64 {
        self.sequences.get(&stream).copied().unwrap_or(0)
    }

    /// Every stream with its state, in identifier order.
    pub fn streams(&self) -> impl ExactSizeIterator<Item = (L::Id, &L)> + '_ {
        self.streams.iter().map(|(id, s)| (*id, s))
    }

    /// Every entry, oldest first.
    #[must_use]
    pub fn entries(&self) -> &[Entry<L>] {
        &self.entries
    }

    /// The entries of one stream, oldest first.
    pub fn stream_entries(&self, stream: L::Id) -> impl Iterator<Item = &Entry<L>> + '_ {
        self.entries.iter().filter(move |e| e.stream() == stream)
    }

    /// The digest of the last entry ([`Digest::GENESIS`] when empty): what a store or a
    /// manifest records so that [`Journal::verify`] can tell a journal cut short.
    #[must_use]
    pub fn head(&self) -> Digest {
        self.entries.last().map_or(Digest::GENESIS, Entry::digest)
    }

    /// Number of entries.
    #[must_use]
    pub fn len(&self) -> u64 {
        u64::try_from(self.entries.len()).unwrap_or(u64::MAX)
    }

    /// Whether the journal has no entry.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entries, giving the journal up.
    #[must_use]
    pub fn into_entries(self) -> Vec<Entry<L>> {
        self.entries
    }
}

fn check_reason(reason: &str) -> Result<(), JournalError> {
    if reason.trim().is_empty() {
        Err(JournalError::MissingReason)
    } else {
        Ok(())
    }
}
