//! Integration tests for zugong-talent.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    missing_docs,
    unreachable_pub
)]

mod analytics;
mod catalogue;
mod eligibility;
mod record;
mod round;
mod support;
