//! Optimistic concurrency: the version of a stream a writer expects when it appends.

use std::fmt;

use serde::{Deserialize, Serialize};

/// The version a writer read a stream at, and expects it still to be at when its command is
/// appended (optimistic concurrency): the append is refused with
/// [`StoreError::Conflict`](crate::StoreError::Conflict) if another writer got there first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub enum ExpectedVersion {
    /// The stream must not exist yet (an opening command: 动议, 建账…).
    NoStream,
    /// The stream's last entry must have this sequence (from 1).
    Exactly(u64),
    /// Whatever version: for a command whose rules are checked against the latest state in
    /// the same transaction anyway, and that no earlier reading was shown to a person for.
    Any,
}

impl ExpectedVersion {
    /// Whether a stream at `version` (0: no stream) is what was expected.
    #[must_use]
    pub const fn admits(self, version: u64) -> bool {
        match self {
            Self::NoStream => version == 0,
            Self::Exactly(v) => v == version,
            Self::Any => true,
        }
    }

    /// The expectation a writer that read the stream at `version` holds (0: no stream).
    #[must_use]
    pub const fn read_at(version: u64) -> Self {
        if version == 0 {
            Self::NoStream
        } else {
            Self::Exactly(version)
        }
    }
}

impl fmt::Display for ExpectedVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NoStream => f.write_str("no stream yet"),
            Self::Exactly(v) => write!(f, "version {v}"),
            Self::Any => f.write_str("any version"),
        }
    }
}
