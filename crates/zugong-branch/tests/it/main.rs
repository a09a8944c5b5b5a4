//! Integration tests for zugong-branch.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    missing_docs,
    unreachable_pub
)]

mod coverage;
mod economy;
mod life;
mod organization;
mod rating;
mod round;
mod rubric;
mod support;
mod term;
mod weak;
