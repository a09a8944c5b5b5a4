//! Typed identifiers: one newtype over a UUID (version 7) per kind of entity.
//!
//! An identifier is opaque: it says *which* record, never anything about it. Each kind has its
//! own type, so a [`CadreId`] can never be passed where an [`OrgUnitId`] is expected.
//! `Display`, `FromStr` and serde agree: the hyphenated lower-case UUID.
//!
//! Nothing here reads the wall clock: a new identifier is minted from a time the caller gives,
//! with random bits ([`CadreId::new_v7`]) or caller-chosen bits ([`CadreId::from_parts`]) for
//! reproducible data.
//!
//! ```
//! use zugong_core::CadreId;
//!
//! let at = chrono::DateTime::parse_from_rfc3339("2026-03-01T08:00:00Z")?.to_utc();
//! let id = CadreId::from_parts(at, 42);
//! let text = id.to_string();
//! assert_eq!(text.parse::<CadreId>()?, id);
//! assert_eq!(serde_json::to_string(&id)?, format!("\"{text}\""));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use chrono::{DateTime, Utc};
use thiserror::Error;
use uuid::Uuid;

/// Text that is not a valid identifier.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{input:?} is not a valid {kind} (expected a UUID)")]
pub struct IdError {
    /// The identifier type that was being parsed, e.g. `"CadreId"`.
    pub kind: &'static str,
    /// The text that did not parse.
    pub input: String,
}

/// Milliseconds since the Unix epoch for a UUID v7 timestamp; times before 1970 clamp to 0.
fn unix_millis(at: DateTime<Utc>) -> u64 {
    u64::try_from(at.timestamp_millis()).unwrap_or(0)
}

macro_rules! typed_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        #[serde(transparent)]
        pub struct $name(Uuid);

        impl $name {
            /// Wraps an existing UUID (for example one read from another system).
            #[must_use]
            pub const fn from_uuid(uuid: Uuid) -> Self {
                Self(uuid)
            }

            /// Mints a new UUID v7 identifier stamped with `at`, with random low bits.
            #[must_use]
            pub fn new_v7(at: DateTime<Utc>) -> Self {
                let ts = uuid::Timestamp::from_unix(
                    uuid::NoContext,
                    u64::try_from(at.timestamp()).unwrap_or(0),
                    at.timestamp_subsec_nanos(),
                );
                Self(Uuid::new_v7(ts))
            }

            /// Builds a UUID v7 identifier from a time and caller-chosen low bits, for
            /// deterministic data (seeded generators, tests). The same inputs give the same id.
            #[must_use]
            pub fn from_parts(at: DateTime<Utc>, low_bits: u128) -> Self {
                let bytes = low_bits.to_be_bytes();
                let mut random = [0u8; 10];
                for (dst, src) in random.iter_mut().zip(bytes.iter().skip(6)) {
                    *dst = *src;
                }
                Self(uuid::Builder::from_unix_timestamp_millis(unix_millis(at), &random).into_uuid())
            }

            /// The UUID inside.
            #[must_use]
            pub const fn as_uuid(&self) -> &Uuid {
                &self.0
            }
        }

        impl ::core::fmt::Display for $name {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                ::core::fmt::Display::fmt(&self.0.hyphenated(), f)
            }
        }

        impl ::core::fmt::Debug for $name {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                write!(f, concat!(stringify!($name), "({})"), self.0.hyphenated())
            }
        }

        impl ::core::str::FromStr for $name {
            type Err = IdError;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Uuid::parse_str(s).map(Self).map_err(|_| IdError {
                    kind: stringify!($name),
                    input: s.to_owned(),
                })
            }
        }

        impl From<Uuid> for $name {
            fn from(uuid: Uuid) -> Self {
                Self(uuid)
            }
        }
    };
}

typed_id! {
    /// A natural person (人员): the key of a [`crate::Person`] record.
    PersonId
}
typed_id! {
    /// An organization unit (组织单位) in the [`crate::OrgTree`]: a Party committee, branch,
    /// group, or the organ that hosts them.
    OrgUnitId
}
typed_id! {
    /// A 单位 outside the Party tree that the records name: an enterprise, a social
    /// organization, a platform (for example a 两新组织 counted for 两个覆盖).
    InstitutionId
}
typed_id! {
    /// A cadre (干部): a person inside the cadre-management system.
    CadreId
}
typed_id! {
    /// A Party member (党员) record.
    MemberId
}
typed_id! {
    /// A post (职位 / 岗位) of an org unit that a cadre can hold.
    PositionId
}
typed_id! {
    /// A Party branch (党支部) as rated and managed by the branch crate.
    BranchId
}
typed_id! {
    /// A talent (人才) enrolled in a talent programme.
    TalentId
}
typed_id! {
    /// A training class (培训班次).
    TrainingClassId
}
typed_id! {
    /// A selection-and-appointment process (选拔任用) for a post.
    SelectionId
}
typed_id! {
    /// A person acting in the system (经办人): who issued a command.
    ActorId
}
typed_id! {
    /// A quota book (职数台账): the stream of one body's 核定职数 changes.
    QuotaBookId
}
typed_id! {
    /// An annual assessment round (年度考核) of one unit.
    AssessmentRoundId
}
typed_id! {
    /// A star-rating round (星级评定) of a branch.
    RatingRoundId
}
typed_id! {
    /// A rectification (软弱涣散整顿) of one weak organization.
    RectificationId
}
typed_id! {
    /// A training-hours ledger (学时台账) of one organizer.
    HoursLedgerId
}
typed_id! {
    /// A talent selection round (人才遴选) of one programme.
    TalentRoundId
}
typed_id! {
    /// One applicant's path to membership (发展党员): from the application to 转正.
    DevelopmentId
}
typed_id! {
    /// One civil servant's 职级晋升 (promotion of grade).
    GradePromotionId
}
typed_id! {
    /// One member's Party-dues ledger (党费台账).
    DuesLedgerId
}
typed_id! {
    /// One branch's yearly 民主评议党员.
    AppraisalId
}

macro_rules! stream_ids {
    ($($name:ident => $kind:literal),+ $(,)?) => {
        $(impl crate::journal::StreamId for $name {
            const KIND: &'static str = $kind;
        })+
    };
}

stream_ids! {
    SelectionId => "selection",
    QuotaBookId => "quota_book",
    AssessmentRoundId => "assessment_round",
    RatingRoundId => "rating_round",
    RectificationId => "rectification",
    HoursLedgerId => "hours_ledger",
    TrainingClassId => "training_class",
    TalentRoundId => "talent_round",
    TalentId => "talent_record",
    DevelopmentId => "development",
    DuesLedgerId => "dues_ledger",
    AppraisalId => "appraisal",
    GradePromotionId => "grade_promotion",
    MemberId => "membership",
}
