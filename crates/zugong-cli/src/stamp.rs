//! Stamps for the journals the CLI writes: who (the authority's body, as an actor derived from
//! its unit), when (the scenario's day, 09:00 UTC, one second apart per step) and why.

use chrono::{NaiveDate, NaiveTime};
use zugong_core::journal::Stamp;
use zugong_core::{ActorId, Authority};

/// A stamp on `on` for `authority`, with `reason`.
pub(crate) fn stamp(on: NaiveDate, authority: Authority, reason: &str) -> Stamp {
    stamp_at(on, 0, authority, reason)
}

/// A stamp on `on`, `step` seconds after 09:00 UTC (journals need strictly ordered times).
pub(crate) fn stamp_at(on: NaiveDate, step: u32, authority: Authority, reason: &str) -> Stamp {
    let time = NaiveTime::from_num_seconds_from_midnight_opt(9 * 3600 + step.min(50_000), 0)
        .unwrap_or(NaiveTime::MIN);
    Stamp::new(
        on.and_time(time).and_utc(),
        ActorId::from_uuid(*authority.unit.as_uuid()),
        authority,
        reason,
    )
}
