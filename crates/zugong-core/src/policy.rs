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
//!   and serde-friendly), then calls [`Policy::validate`] before use;
//! - [`Policy::citations`] lists where each field comes from, so reports can show it.
//!
//! Rules never hard-code a number: they read it from the policy passed in their context.

use thiserror::Error;

use crate::Citation;

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
        if (min..=max).contains(&value) {
            Ok(())
        } else {
            Err(Self::OutOfRange {
                field,
                value: i64::from(value),
                min: i64::from(min),
                max: i64::from(max),
            })
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
