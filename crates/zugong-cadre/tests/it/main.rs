//! Integration tests for zugong-cadre.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    missing_docs,
    unreachable_pub
)]

mod assessment;
mod career;
mod effect;
mod eligibility;
mod grade_promotion;
mod policy;
mod quota;
mod recusal;
mod rotation;
mod screening;
mod selection;
mod support;
