//! Integration tests for zugong-core: one binary, one module per concern.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    missing_docs,
    unreachable_pub
)]

mod authority;
mod calendar;
mod citizen_id;
mod institution;
mod journal;
mod management;
mod org_tree;
mod person;
mod ranks;
mod serde_round_trip;
mod support;
