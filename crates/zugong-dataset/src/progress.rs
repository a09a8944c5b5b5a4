//! A progress bar on standard error for long work (generation, large imports).
//!
//! Drawn only when standard error is a terminal, so that logs and tests stay clean; redrawn at
//! most every 1/8 of the total, or every 200 ms of work.

use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

/// One running bar.
pub struct Progress {
    label: String,
    total: u64,
    done: u64,
    shown: bool,
    bytes: bool,
    last: Instant,
}

impl Progress {
    /// A bar for `total` items of `label`; silent unless standard error is a terminal.
    pub fn new(label: impl Into<String>, total: u64) -> Self {
        Self {
            label: label.into(),
            total: total.max(1),
            done: 0,
            shown: std::io::stderr().is_terminal(),
            bytes: false,
            last: Instant::now(),
        }
    }

    /// A bar counting bytes (shown in MB).
    pub fn bytes(label: impl Into<String>, total: u64) -> Self {
        Self {
            bytes: true,
            ..Self::new(label, total)
        }
    }

    /// Shows or hides the bar (hidden bars count silently).
    pub fn set_visible(&mut self, visible: bool) {
        self.shown = self.shown && visible;
    }

    /// Counts `n` more items done.
    pub fn add(&mut self, n: u64) {
        self.done = self.done.saturating_add(n);
        if self.shown && self.last.elapsed() >= Duration::from_millis(200) {
            self.draw();
            self.last = Instant::now();
        }
    }

    fn draw(&self) {
        const WIDTH: u64 = 30;
        let done = self.done.min(self.total);
        let filled = done * WIDTH / self.total;
        let bar: String = (0..WIDTH)
            .map(|i| if i < filled { '█' } else { '░' })
            .collect();
        let mut err = std::io::stderr().lock();
        let amount = if self.bytes {
            format!(
                "{:.1}/{:.1} MB",
                done as f64 / 1_000_000.0,
                self.total as f64 / 1_000_000.0
            )
        } else {
            format!("{done}/{}", self.total)
        };
        let _ = write!(
            err,
            "\r{} {bar} {amount} ({}%)",
            self.label,
            done * 100 / self.total
        );
        let _ = err.flush();
    }

    /// Ends the bar (draws it full and moves to the next line).
    pub fn finish(mut self) {
        if self.shown {
            self.done = self.total;
            self.draw();
            let _ = writeln!(std::io::stderr());
        }
    }
}
