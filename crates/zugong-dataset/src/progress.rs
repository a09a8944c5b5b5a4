//! How far long work has got (loading a large table, generating a province): the library
//! counts, the program shows.
//!
//! The library never draws anything. A program that wants a progress bar installs an
//! [`Observer`] factory once with [`set_observer`] (the `zugong` binary draws a bar on a
//! terminal's standard error); until then every [`Progress`] counts silently — as the `log`
//! crate's macros do nothing until a program installs a logger.
//!
//! ```
//! use zugong_dataset::progress::{Progress, Unit};
//! let mut p = Progress::new("reading members.jsonl", 1_000, Unit::Bytes);
//! p.add(400);
//! p.add(600);
//! assert_eq!(p.done(), 1_000);
//! p.finish();
//! ```

use std::sync::OnceLock;

use crate::text::Text;

/// What a piece of work counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unit {
    /// Bytes read or written.
    Bytes,
    /// Items (records, counties).
    Items,
}

/// Shows one piece of long work as it goes: told when it starts, as it advances, and when it
/// is finished. Made by the factory a program installs with [`set_observer`].
pub trait Observer: Send {
    /// `done` of `total` (in `unit`) are done; called often, so an observer redraws only now
    /// and then.
    fn advance(&mut self, done: u64, total: u64, unit: Unit);
    /// The work is finished.
    fn finish(&mut self, total: u64, unit: Unit);
}

/// Makes the observer of a piece of work named `label` (in both languages: the observer shows
/// the one its program speaks).
pub type ObserverFactory = fn(label: &Text) -> Box<dyn Observer>;

static FACTORY: OnceLock<ObserverFactory> = OnceLock::new();

/// Installs the program's observers (the first call wins; later calls change nothing and
/// return `false`).
pub fn set_observer(factory: ObserverFactory) -> bool {
    FACTORY.set(factory).is_ok()
}

/// One piece of long work being counted.
pub struct Progress {
    total: u64,
    done: u64,
    unit: Unit,
    observer: Option<Box<dyn Observer>>,
}

impl std::fmt::Debug for Progress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Progress")
            .field("total", &self.total)
            .field("done", &self.done)
            .field("unit", &self.unit)
            .field("observed", &self.observer.is_some())
            .finish()
    }
}

impl Progress {
    /// Work of `total` `unit`s named `label`, shown by the installed observer if there is one
    /// (a total of 0 counts as 1).
    pub fn new(label: impl Into<Text>, total: u64, unit: Unit) -> Self {
        Self {
            total: total.max(1),
            done: 0,
            unit,
            observer: FACTORY.get().map(|make| make(&label.into())),
        }
    }

    /// Hides this piece of work from the observer (it still counts).
    pub fn set_visible(&mut self, visible: bool) {
        if !visible {
            self.observer = None;
        }
    }

    /// Counts `n` more done.
    pub fn add(&mut self, n: u64) {
        self.done = self.done.saturating_add(n);
        if let Some(o) = &mut self.observer {
            o.advance(self.done.min(self.total), self.total, self.unit);
        }
    }

    /// How many are done so far.
    #[must_use]
    pub fn done(&self) -> u64 {
        self.done
    }

    /// Ends the work.
    pub fn finish(mut self) {
        if let Some(o) = &mut self.observer {
            o.finish(self.total, self.unit);
        }
    }
}
