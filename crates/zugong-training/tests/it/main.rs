//! Integration tests for zugong-training.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    missing_docs,
    unreachable_pub
)]

mod class;
mod coverage;
mod ledger;
mod requirement;
mod rollup;
mod support;
