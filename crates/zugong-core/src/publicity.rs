//! 公示: a period on the work calendar during which anyone may object, and the objections
//! received. Selection (任前公示), star rating (评星公示) and talent rounds (人选公示) share it:
//! nothing that waits on a publicity is final before its last day has passed with no
//! objection left open.
//!
//! A [`Publicity`] is a value inside a lifecycle's state. The lifecycle checks a command with
//! [`Publicity::check_objection`], [`Publicity::check_resolution`] or
//! [`Publicity::check_over`] in `decide`, and records what was decided with
//! [`Publicity::receive`] and [`Publicity::resolve`] in `apply`; the lifecycle wraps
//! [`PublicityError`] with its own rule's citation.
//!
//! ```
//! use chrono::NaiveDate;
//! use zugong_core::publicity::*;
//! use zugong_core::WorkCalendar;
//!
//! let d = |m, dd| NaiveDate::from_ymd_opt(2026, m, dd).unwrap();
//! let calendar = WorkCalendar::official();
//! // Five working days from Friday 25 September 2026 run past the National Day holiday.
//! let mut p = Publicity::open(d(9, 25), PublicityDays::Working(5), &calendar)?;
//! assert_eq!(p.until(), d(10, 9));
//! let id = p.check_objection(d(9, 28), "反映其配偶经商")?;
//! p.receive(id, d(9, 28), "反映其配偶经商");
//! // After the last day, an open objection still holds everything up…
//! assert_eq!(p.check_over(d(10, 10)), Err(PublicityError::OpenObjection(id)));
//! p.resolve(id, ObjectionOutcome::Unfounded);
//! // …until it is settled.
//! assert_eq!(p.check_over(d(10, 10)), Ok(()));
//! assert!(p.check_over(d(10, 9)).is_err(), "not on the last day itself");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt;

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::journal::Language;
use crate::{CalendarError, WorkCalendar};

/// 公示期: how long a publicity runs, in working days (工作日, on the [`WorkCalendar`]) or
/// calendar days (自然日). The first day counts when it is a day of the kind counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PublicityDays {
    /// N 个工作日.
    Working(u32),
    /// N 天 (自然日).
    Calendar(u32),
}

impl PublicityDays {
    /// The last day of a publicity that starts on `from`.
    ///
    /// # Errors
    /// [`PublicityError::ZeroDays`] for a period of no days; a calendar error for a year
    /// the calendar does not cover or a day beyond the supported range.
    pub fn last_day(
        self,
        from: NaiveDate,
        calendar: &WorkCalendar,
    ) -> Result<NaiveDate, PublicityError> {
        match self {
            Self::Working(0) | Self::Calendar(0) => Err(PublicityError::ZeroDays),
            Self::Working(n) => Ok(calendar.span_end(from, n)?),
            Self::Calendar(n) => from
                .checked_add_days(Days::new(u64::from(n - 1)))
                .ok_or(PublicityError::Calendar(CalendarError::OutOfRange)),
        }
    }
}

impl fmt::Display for PublicityDays {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Working(n) => write!(f, "{n}个工作日"),
            Self::Calendar(n) => write!(f, "{n}天"),
        }
    }
}

/// The number of an objection within its publicity (第N项), from 1 in the order received.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ObjectionId(u32);

impl ObjectionId {
    /// The `n`th objection (`None` for 0: objections count from 1).
    #[must_use]
    pub const fn new(n: u32) -> Option<Self> {
        if n == 0 { None } else { Some(Self(n)) }
    }

    /// Its number, from 1.
    #[must_use]
    pub const fn get(self) -> u32 {
        self.0
    }
}

impl fmt::Display for ObjectionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "第{}项", self.0)
    }
}

/// 查核结果: what checking an objection found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ObjectionOutcome {
    /// 反映问题不属实或不影响: the matter goes on.
    Unfounded,
    /// 反映问题属实、影响: the lifecycle decides what follows (a selection ends, a rating
    /// goes back to review).
    Upheld,
}

crate::official_terms!(ObjectionOutcome, "查核结果 (objection outcome)", {
    Unfounded => "不影响" | "不属实",
    Upheld => "影响" | "属实",
});

/// 公示反映: one objection received during a publicity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Objection {
    /// Its number.
    pub id: ObjectionId,
    /// The day it was received (within the period).
    pub received_on: NaiveDate,
    /// What was reported (never blank).
    pub text: String,
    /// `None` while it is being checked.
    pub outcome: Option<ObjectionOutcome>,
}

/// 公示: a period and the objections received in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Publicity {
    from: NaiveDate,
    until: NaiveDate,
    objections: Vec<Objection>,
}

impl Publicity {
    /// A publicity of `days` from `from`.
    ///
    /// # Errors
    /// As [`PublicityDays::last_day`].
    pub fn open(
        from: NaiveDate,
        days: PublicityDays,
        calendar: &WorkCalendar,
    ) -> Result<Self, PublicityError> {
        Ok(Self::between(from, days.last_day(from, calendar)?))
    }

    /// The publicity from `from` to `until` as an event recorded it (`until` before `from`
    /// is read as a one-day period on `from`).
    #[must_use]
    pub fn between(from: NaiveDate, until: NaiveDate) -> Self {
        Self {
            from,
            until: until.max(from),
            objections: Vec::new(),
        }
    }

    /// The first day.
    #[must_use]
    pub const fn from(&self) -> NaiveDate {
        self.from
    }

    /// The last day.
    #[must_use]
    pub const fn until(&self) -> NaiveDate {
        self.until
    }

    /// The objections, in the order received.
    #[must_use]
    pub fn objections(&self) -> &[Objection] {
        &self.objections
    }

    /// The first objection still being checked.
    #[must_use]
    pub fn first_open(&self) -> Option<ObjectionId> {
        self.objections
            .iter()
            .find(|o| o.outcome.is_none())
            .map(|o| o.id)
    }

    /// Whether an objection was upheld.
    #[must_use]
    pub fn any_upheld(&self) -> bool {
        self.objections
            .iter()
            .any(|o| o.outcome == Some(ObjectionOutcome::Upheld))
    }

    /// Checks an objection received on `on`: within the period and not blank. Returns the id
    /// it will have.
    ///
    /// # Errors
    /// [`PublicityError::OutsidePeriod`] or [`PublicityError::BlankObjection`].
    pub fn check_objection(
        &self,
        on: NaiveDate,
        text: &str,
    ) -> Result<ObjectionId, PublicityError> {
        if on < self.from || on > self.until {
            return Err(PublicityError::OutsidePeriod {
                from: self.from,
                until: self.until,
                on,
            });
        }
        if text.trim().is_empty() {
            return Err(PublicityError::BlankObjection);
        }
        let n = u32::try_from(self.objections.len())
            .unwrap_or(u32::MAX - 1)
            .saturating_add(1);
        Ok(ObjectionId(n))
    }

    /// Records an objection that [`Publicity::check_objection`] accepted.
    pub fn receive(&mut self, id: ObjectionId, on: NaiveDate, text: &str) {
        self.objections.push(Objection {
            id,
            received_on: on,
            text: text.to_owned(),
            outcome: None,
        });
    }

    /// Checks that `id` is an objection still being checked.
    ///
    /// # Errors
    /// [`PublicityError::UnknownObjection`] or [`PublicityError::AlreadyResolved`].
    pub fn check_resolution(&self, id: ObjectionId) -> Result<(), PublicityError> {
        match self.objections.iter().find(|o| o.id == id) {
            None => Err(PublicityError::UnknownObjection(id)),
            Some(o) if o.outcome.is_some() => Err(PublicityError::AlreadyResolved(id)),
            Some(_) => Ok(()),
        }
    }

    /// Records the outcome of checking `id`.
    pub fn resolve(&mut self, id: ObjectionId, outcome: ObjectionOutcome) {
        if let Some(o) = self.objections.iter_mut().find(|o| o.id == id) {
            o.outcome = Some(outcome);
        }
    }

    /// Checks that what waits on the publicity may be made final on `on`: the last day has
    /// passed and no objection is still being checked.
    ///
    /// # Errors
    /// [`PublicityError::NotOver`] or [`PublicityError::OpenObjection`].
    pub fn check_over(&self, on: NaiveDate) -> Result<(), PublicityError> {
        if on <= self.until {
            return Err(PublicityError::NotOver {
                until: self.until,
                on,
            });
        }
        match self.first_open() {
            Some(id) => Err(PublicityError::OpenObjection(id)),
            None => Ok(()),
        }
    }
}

/// What happens to a publicity, as a lifecycle records it (one variant of its own events):
/// started, an objection received, an objection settled.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PublicityEvent {
    /// 公示 started.
    Started {
        /// The first day.
        from: NaiveDate,
        /// The last day.
        until: NaiveDate,
    },
    /// An objection received.
    Objected {
        /// Its number.
        objection: ObjectionId,
        /// The day.
        on: NaiveDate,
        /// What was reported.
        text: String,
    },
    /// An objection settled.
    Resolved {
        /// The objection.
        objection: ObjectionId,
        /// What checking it found.
        outcome: ObjectionOutcome,
    },
}

impl Publicity {
    /// Applies a publicity event to a lifecycle's publicity (`None` before one started):
    /// `Started` opens a new one; the others record on the one under way.
    pub fn apply(slot: &mut Option<Publicity>, event: &PublicityEvent) {
        match event {
            PublicityEvent::Started { from, until } => *slot = Some(Self::between(*from, *until)),
            PublicityEvent::Objected {
                objection,
                on,
                text,
            } => {
                if let Some(p) = slot {
                    p.receive(*objection, *on, text);
                }
            }
            PublicityEvent::Resolved { objection, outcome } => {
                if let Some(p) = slot {
                    p.resolve(*objection, *outcome);
                }
            }
        }
    }
}

/// A publicity refused a command. The lifecycle that holds the publicity wraps it with its
/// own rule's citation.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum PublicityError {
    /// A period of no days.
    #[error("a publicity lasts at least one day")]
    ZeroDays,
    /// Made final on or before the last day.
    #[error("publicity runs until {until}; nothing is final on {on}, only after it")]
    NotOver {
        /// The last day.
        until: NaiveDate,
        /// The day of the command.
        on: NaiveDate,
    },
    /// An objection outside the period.
    #[error("objections are received during publicity ({from} to {until}), not on {on}")]
    OutsidePeriod {
        /// The first day.
        from: NaiveDate,
        /// The last day.
        until: NaiveDate,
        /// The day of the command.
        on: NaiveDate,
    },
    /// An objection with nothing in it.
    #[error("an objection states what is reported")]
    BlankObjection,
    /// No such objection.
    #[error("there is no objection {0}")]
    UnknownObjection(ObjectionId),
    /// An objection settled twice.
    #[error("objection {0} is already settled")]
    AlreadyResolved(ObjectionId),
    /// Made final with an objection still being checked.
    #[error("objection {0} is still being checked: settle it first")]
    OpenObjection(ObjectionId),
    /// The calendar could not count the period.
    #[error("the publicity period cannot be counted: {0}")]
    Calendar(#[from] CalendarError),
}

impl PublicityError {
    /// What was wrong and what would be accepted, in `language` (without a citation: the
    /// lifecycle adds its own rule's).
    #[must_use]
    pub fn describe(&self, language: Language) -> String {
        if language == Language::English {
            return self.to_string();
        }
        match self {
            Self::ZeroDays => "公示期至少一天".to_owned(),
            Self::NotOver { until, on } => {
                format!("公示期至 {until}，{on} 不能办理：公示期满后方可")
            }
            Self::OutsidePeriod { from, until, on } => {
                format!("公示反映须在公示期 {from} 至 {until} 内提出，{on} 不在其内")
            }
            Self::BlankObjection => "公示反映须写明反映的问题".to_owned(),
            Self::UnknownObjection(id) => format!("没有{id}公示反映"),
            Self::AlreadyResolved(id) => format!("{id}公示反映已查核"),
            Self::OpenObjection(id) => format!("{id}公示反映尚未查核：查核后方可办理"),
            Self::Calendar(e) => format!("无法计算公示期：{e}"),
        }
    }
}
