//! The store's test suite: every test runs against SQLite (a temporary file) and against a
//! PostgreSQL server (`ZUGONG_TEST_POSTGRES`, started by `.ci/run`).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
#![allow(missing_docs, unreachable_pub)]

mod concurrency;
mod suite;
mod support;
mod tables;
