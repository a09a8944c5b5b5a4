//! Integration tests for zugong-member: member development at every threshold.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    missing_docs,
    unreachable_pub
)]

mod development;
mod dues;
mod membership;
mod milestones;
mod mobility;
mod support;
