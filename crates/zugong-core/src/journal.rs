//! The hash-chained journal and the lifecycle shape every process moves onto (act, decide,
//! apply, journal, verify): the trust model of `docs/architecture.md`.
//!
//! A process's **state** is built only by applying its **events** inside a [`Journal`]; a
//! **command** asks for a change, issued by an [`Act`] (time, actor, authority — given once);
//! [`Lifecycle::decide`] checks every rule against the state, the act, the context and the
//! other streams, and either refuses with a [`Refusal`] (a rule, its citation, what would be
//! accepted) or returns the events; [`Lifecycle::apply`] is infallible and pure, and only the
//! journal calls it.
//!
//! Each command is one [`Entry`]: its stream (the instance, by a typed id) and sequence there,
//! its position in the whole journal, the act, the reason, the command, the events, and a
//! SHA-256 [`Digest`] chained to the entry before. [`Journal::verify`] reads stored entries back
//! by deciding every command again, so a journal that was forged, edited, cut, reordered or
//! decided outside its authority's jurisdiction is refused with the entry and the rule.
//!
//! ```
//! use zugong_core::journal::*;
//! use zugong_core::{ActorId, Authority, Citation, OrgUnitId, QuotaBookId, SourceStatus};
//!
//! /// A toy quota: at most `cap` places may be taken, and only by the county committee.
//! #[derive(Debug, Default, Clone)]
//! struct Places { taken: u32 }
//! #[derive(Debug, PartialEq, thiserror::Error)]
//! #[error("{0}")]
//! struct Refused(&'static str);
//! impl Refusal for Refused {
//!     fn citation(&self) -> Citation {
//!         Citation::new("《中华人民共和国公务员法》(2018)", "第四十三条", SourceStatus::Confirmed)
//!     }
//! }
//! struct Rules { cap: u32, county: OrgUnitId }
//!
//! impl Lifecycle for Places {
//!     type Id = QuotaBookId;
//!     type Stage = u32;
//!     type Command = u32;
//!     type Event = u32;
//!     type Context<'c> = &'c Rules;
//!     type Error = Refused;
//!     fn stage(&self) -> u32 { self.taken }
//!     fn opens(_: &u32) -> bool { true } // any command may be a book's first
//!     fn decide(&self, n: &u32, act: &Act, rules: &&Rules, _: &Peers<'_, Self>) -> Result<Vec<u32>, Refused> {
//!         if act.authority().unit != rules.county { return Err(Refused("not the county's to fill")) }
//!         if self.taken + n > rules.cap { return Err(Refused("no vacancy")) }
//!         Ok(vec![*n])
//!     }
//!     fn apply(&mut self, n: &u32, _: &Applying) { self.taken += n; }
//! }
//!
//! let county = OrgUnitId::from_uuid(uuid::Uuid::from_u128(1));
//! let village = OrgUnitId::from_uuid(uuid::Uuid::from_u128(3));
//! let rules = Rules { cap: 3, county };
//! let book = QuotaBookId::from_uuid(uuid::Uuid::from_u128(9));
//! let act = |unit| Act::new("2026-03-02T01:00:00Z".parse().unwrap(),
//!     ActorId::from_uuid(uuid::Uuid::from_u128(7)), Authority::party_committee(unit));
//!
//! let mut journal = Journal::<Places>::new();
//! journal.execute(book, 2, act(county), "two posts filled", &&rules)?;
//! // Refused by a rule: nothing changes, nothing is recorded.
//! assert!(journal.execute(book, 2, act(county), "two more", &&rules).is_err());
//! assert!(journal.execute(book, 1, act(village), "by the village", &&rules).is_err());
//! assert_eq!(journal.state(book).map(|p| p.taken), Some(2));
//! assert_eq!(journal.len(), 1);
//!
//! // Stored and read back: every command is decided again.
//! let json = serde_json::to_string(&journal)?;
//! let entries: Vec<Entry<Places>> = serde_json::from_str(&json)?;
//! let again = Journal::<Places>::verify(entries, Some(journal.head()), |_| &rules)?;
//! assert_eq!(again.state(book).map(|p| p.taken), Some(2));
//!
//! // One edited number is found: the entry no longer matches its digest.
//! let forged: Vec<Entry<Places>> = serde_json::from_str(&json.replace("\"command\":2", "\"command\":3"))?;
//! let err = Journal::<Places>::verify(forged, None, |_| &rules).unwrap_err();
//! assert_eq!(err.failure(), &VerifyFailure::DigestMismatch);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! What verification proves and what it does not yet prove (that the actor is who the entry
//! says: signatures are a later step) is set out in `docs/architecture.md`.

mod act;
mod book;
mod digest;
mod entry;
mod lifecycle;
mod verify;

pub use act::Act;
pub use book::{ExecuteError, Journal, JournalError};
pub use digest::{Digest, DigestError, EncodingError, canonical_digest};
pub use entry::Entry;
pub use lifecycle::{Applying, Language, Lifecycle, Peers, Refusal, StreamId};
pub use verify::{VerifyError, VerifyFailure};
