//! End-to-end tests of the `zugong` binary: the sample, generated datasets, broken datasets,
//! CSV rosters, scenarios, exit codes, and that input files are never changed.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    unreachable_pub
)]

mod check;
mod generated;
mod import;
mod report;
mod scenario;
mod store;
mod support;
mod trust;
