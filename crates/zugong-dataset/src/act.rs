//! The acts of the commands the CLI issues: who (the authority's body, as an actor derived
//! from its unit), when (the scenario's day, 09:00 China Standard Time, one second apart per
//! step) and for which authority — one value, checked by the rules and recorded by the journal.

use chrono::NaiveDate;
use zugong_core::journal::Act;
use zugong_core::{ActorId, Authority};

/// The act of `authority` on `on`, `step` seconds after 09:00 (journals need ordered times).
pub fn act(on: NaiveDate, step: u32, authority: Authority) -> Act {
    Act::on_day(
        on,
        step,
        ActorId::from_uuid(*authority.unit.as_uuid()),
        authority,
    )
}
