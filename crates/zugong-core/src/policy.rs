//! Policies: every number a rule uses, with the regulation's value as its default.
//!
//! # The convention
//!
//! Each domain keeps its numbers in plain serde structs named `…Policy`
//! ([`crate::GradePromotionPolicy`], [`crate::JurisdictionPolicy`], and in the domain crates
//! `SelectionPolicy`, `TrainingPolicy`, …):
//!
//! - `Default` is the national regulation; each field's rustdoc names the regulation and
//!   article, and says `# Provisional` where the figure is not confirmed;
//! - a province, city or unit overrides it by loading its own value (all fields are public
//!   and serde-friendly); [`Policy::validate`] refuses a value that loosens the national rule
//!   ([`PolicyError::Loosens`]: a province may tighten a figure, never loosen it) or that the
//!   rule cannot mean ([`PolicyError::OutOfRange`]);
//! - deserializing a policy validates it (see [`crate::validated_policy_serde!`]), so a loosened
//!   policy read from a file is refused where it is read, not where it is first used;
//! - [`Policy::citations`] lists where each field comes from, so reports can show it.
//!
//! Rules never hard-code a number: they read it from the policy passed in their context.

use std::fmt;

use thiserror::Error;

use crate::Citation;

/// Which way a figure moves when a province makes its rule stricter.
///
/// A 公示 period or a least number of years is made stricter by raising it ([`Stricter::Higher`]);
/// a share of 优秀 or a most number of months is made stricter by lowering it
/// ([`Stricter::Lower`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Stricter {
    /// A higher value is stricter: the national figure is a floor.
    Higher,
    /// A lower value is stricter: the national figure is a ceiling.
    Lower,
}

impl fmt::Display for Stricter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Higher => "at least",
            Self::Lower => "at most",
        })
    }
}

fn as_i64<T: TryInto<i64>>(value: T) -> i64 {
    value.try_into().unwrap_or(i64::MAX)
}

/// Implements `Serialize` and a validating `Deserialize` for a policy whose derives carry
/// `#[serde(remote = "Self")]`.
///
/// The derives then generate inherent `serialize`/`deserialize` functions; this macro makes
/// them the type's serde implementations and runs [`Policy::validate`] after every
/// deserialization, so a policy that loosens the national rule (or means nothing) is refused
/// with the [`PolicyError`]'s message where it is read.
///
/// ```
/// use serde::{Deserialize, Serialize};
/// use zugong_core::{Citation, Policy, PolicyError, SourceStatus};
///
/// const RULE: Citation = Citation::new("某规定", "第五条", SourceStatus::Provisional);
///
/// #[derive(Debug, PartialEq, Serialize, Deserialize)]
/// #[serde(remote = "Self")]
/// struct NoticePolicy {
///     days: u32,
/// }
/// impl Default for NoticePolicy {
///     fn default() -> Self { Self { days: 5 } }
/// }
/// impl Policy for NoticePolicy {
///     fn citations(&self) -> Vec<(&'static str, Citation)> { vec![("days", RULE)] }
///     fn validate(&self) -> Result<(), PolicyError> {
///         PolicyError::at_least("days", self.days, Self::default().days, RULE)
///     }
/// }
/// zugong_core::validated_policy_serde!(NoticePolicy);
///
/// let tighter: NoticePolicy = serde_json::from_str(r#"{"days":7}"#).unwrap();
/// assert_eq!(tighter.days, 7);
/// let looser = serde_json::from_str::<NoticePolicy>(r#"{"days":3}"#).unwrap_err();
/// assert!(looser.to_string().contains("loosens"));
/// ```
#[macro_export]
macro_rules! validated_policy_serde {
    ($policy:ty) => {
        impl ::serde::Serialize for $policy {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                <$policy>::serialize(self, serializer)
            }
        }
        impl<'de> ::serde::Deserialize<'de> for $policy {
            fn deserialize<D: ::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> Result<Self, D::Error> {
                let policy = <$policy>::deserialize(deserializer)?;
                $crate::Policy::validate(&policy)
                    .map_err(<D::Error as ::serde::de::Error>::custom)?;
                Ok(policy)
            }
        }
    };
}

impl PolicyError {
    /// `Ok` when `min <= value <= max`, else [`PolicyError::OutOfRange`] naming `field`: the
    /// check every "tighten, never loosen" bound is written with.
    ///
    /// ```
    /// use zugong_core::PolicyError;
    /// assert!(PolicyError::check_range("reply_working_days", 10, 5, 60).is_ok());
    /// assert!(PolicyError::check_range("reply_working_days", 4, 5, 60).is_err());
    /// ```
    ///
    /// # Errors
    /// [`PolicyError::OutOfRange`].
    pub fn check_range(field: &'static str, value: u32, min: u32, max: u32) -> Result<(), Self> {
        Self::within(field, value, min, max)
    }

    /// `Ok` when `min <= value <= max` for any integer type, else
    /// [`PolicyError::OutOfRange`]: the bound of what a figure can mean at all (a share of at
    /// most 100%, a day of at most 24 学时), as opposed to the national rule's floor or ceiling.
    ///
    /// # Errors
    /// [`PolicyError::OutOfRange`].
    pub fn within<T: TryInto<i64> + Copy>(
        field: &'static str,
        value: T,
        min: T,
        max: T,
    ) -> Result<(), Self> {
        let (value, min, max) = (as_i64(value), as_i64(min), as_i64(max));
        if (min..=max).contains(&value) {
            Ok(())
        } else {
            Err(Self::OutOfRange {
                field,
                value,
                min,
                max,
            })
        }
    }

    /// `Ok` when `value` is no lower than the national `floor`, else
    /// [`PolicyError::Loosens`]: for figures a province may raise but never lower (公示 days,
    /// least years in post, least members of a 考察组).
    ///
    /// ```
    /// use zugong_core::{Citation, PolicyError, SourceStatus};
    /// let ch7 = Citation::new("《党政领导干部选拔任用工作条例》(2019)", "第七章 任职", SourceStatus::Confirmed);
    /// assert!(PolicyError::at_least("publicity_working_days", 7_u32, 5, ch7.clone()).is_ok());
    /// let err = PolicyError::at_least("publicity_working_days", 4_u32, 5, ch7).unwrap_err();
    /// assert!(err.to_string().contains("at least 5"));
    /// ```
    ///
    /// # Errors
    /// [`PolicyError::Loosens`].
    pub fn at_least<T: TryInto<i64> + Copy>(
        field: &'static str,
        value: T,
        floor: T,
        citation: Citation,
    ) -> Result<(), Self> {
        Self::no_looser(
            field,
            as_i64(value),
            as_i64(floor),
            Stricter::Higher,
            citation,
        )
    }

    /// `Ok` when `value` is no higher than the national `ceiling`, else
    /// [`PolicyError::Loosens`]: for figures a province may lower but never raise (the share
    /// of 优秀, the most months a step may wait).
    ///
    /// # Errors
    /// [`PolicyError::Loosens`].
    pub fn at_most<T: TryInto<i64> + Copy>(
        field: &'static str,
        value: T,
        ceiling: T,
        citation: Citation,
    ) -> Result<(), Self> {
        Self::no_looser(
            field,
            as_i64(value),
            as_i64(ceiling),
            Stricter::Lower,
            citation,
        )
    }

    fn no_looser(
        field: &'static str,
        value: i64,
        national: i64,
        stricter: Stricter,
        citation: Citation,
    ) -> Result<(), Self> {
        let looser = match stricter {
            Stricter::Higher => value < national,
            Stricter::Lower => value > national,
        };
        if looser {
            Err(Self::Loosens {
                field,
                value,
                national,
                stricter,
                citation,
            })
        } else {
            Ok(())
        }
    }
}

impl PolicyError {
    /// The citation of the rule a [`PolicyError::Loosens`] would loosen; `None` for the other
    /// kinds, which are about what a figure can mean rather than what a rule says.
    #[must_use]
    pub fn citation(&self) -> Option<&Citation> {
        match self {
            Self::Loosens { citation, .. } => Some(citation),
            _ => None,
        }
    }
}

/// A policy value that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum PolicyError {
    /// A number outside what the rule can mean.
    #[error("policy field {field} = {value} is outside {min}..={max}")]
    OutOfRange {
        /// The field.
        field: &'static str,
        /// The value given.
        value: i64,
        /// Smallest meaningful value.
        min: i64,
        /// Largest meaningful value.
        max: i64,
    },
    /// Two entries where one is allowed.
    #[error("policy field {field} lists {key} twice")]
    Duplicate {
        /// The field.
        field: &'static str,
        /// The duplicated key.
        key: String,
    },
    /// A figure looser than the national rule: a province may tighten a rule, never loosen
    /// it (the brief's "tighten, never loosen").
    #[error(
        "policy field {field} = {value} loosens the national rule ({citation}: {stricter} {national}); a province may tighten it, never loosen it"
    )]
    Loosens {
        /// The field.
        field: &'static str,
        /// The value given.
        value: i64,
        /// The national figure.
        national: i64,
        /// Which way is stricter.
        stricter: Stricter,
        /// The rule the national figure comes from.
        citation: Citation,
    },
    /// Any other inconsistency, described.
    #[error("policy field {field} is invalid: {reason}")]
    Invalid {
        /// The field.
        field: &'static str,
        /// What is wrong.
        reason: String,
    },
}

/// A set of configurable rule parameters whose `Default` is the national regulation.
pub trait Policy: Default {
    /// Each field and the citation its default comes from.
    fn citations(&self) -> Vec<(&'static str, Citation)>;

    /// Checks that the values can be used.
    ///
    /// # Errors
    /// A [`PolicyError`] naming the field.
    fn validate(&self) -> Result<(), PolicyError>;
}
