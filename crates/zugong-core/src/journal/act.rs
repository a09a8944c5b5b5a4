//! The act: when, who and for which authority a command was issued, given once.

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::{ActorId, Authority};

/// China Standard Time (UTC+8), the offset the day of an act is read in.
const CHINA_STANDARD_TIME_SECONDS: i32 = 8 * 3600;

/// 行为: the one value saying when a command takes effect, who issued it and for which
/// authority (管理主体).
///
/// The rules check exactly this value and the journal records exactly this value: no context
/// carries a date or an authority of its own, so a caller cannot have the rules check one
/// authority while the journal records another. [`Act::day`] is the calendar day the rules
/// see (in China Standard Time, so an act at 2026-03-01T20:00Z falls on 2026-03-02).
///
/// ```
/// use zugong_core::journal::Act;
/// use zugong_core::{ActorId, Authority, OrgUnitId};
///
/// let county = Authority::party_committee(OrgUnitId::from_uuid(uuid::Uuid::from_u128(1)));
/// let act = Act::new("2026-03-01T20:00:00Z".parse()?, ActorId::from_uuid(uuid::Uuid::from_u128(7)), county);
/// assert_eq!(act.day().to_string(), "2026-03-02");
/// assert_eq!(act.authority(), county);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Act {
    at: DateTime<Utc>,
    actor: ActorId,
    authority: Authority,
}

impl Act {
    /// The act of `actor`, for `authority`, taking effect `at` (an input: nothing in zugong
    /// reads the wall clock).
    #[must_use]
    pub const fn new(at: DateTime<Utc>, actor: ActorId, authority: Authority) -> Self {
        Self {
            at,
            actor,
            authority,
        }
    }

    /// An act at 09:00 China Standard Time on `day`, `step` seconds later (journals order their
    /// entries by time, so consecutive acts of one day take consecutive steps). Days at the
    /// very end of chrono's range clamp to the last representable instant.
    #[must_use]
    pub fn on_day(day: NaiveDate, step: u32, actor: ActorId, authority: Authority) -> Self {
        let nine = day
            .and_hms_opt(1, 0, 0)
            .map(|t| t.and_utc())
            .unwrap_or(DateTime::<Utc>::MAX_UTC);
        let at = nine
            .checked_add_signed(chrono::TimeDelta::seconds(i64::from(step.min(80_000))))
            .unwrap_or(nine);
        Self::new(at, actor, authority)
    }

    /// When the act took effect.
    #[must_use]
    pub const fn at(&self) -> DateTime<Utc> {
        self.at
    }

    /// Who issued the command (经办人).
    #[must_use]
    pub const fn actor(&self) -> ActorId {
        self.actor
    }

    /// The authority the actor acted for.
    #[must_use]
    pub const fn authority(&self) -> Authority {
        self.authority
    }

    /// The calendar day of the act in China Standard Time: the day every date rule reads
    /// (公示 windows, deadlines, validity).
    #[must_use]
    pub fn day(&self) -> NaiveDate {
        FixedOffset::east_opt(CHINA_STANDARD_TIME_SECONDS).map_or(self.at.date_naive(), |tz| {
            self.at.with_timezone(&tz).date_naive()
        })
    }
}
