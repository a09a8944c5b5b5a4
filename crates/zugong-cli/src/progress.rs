//! The progress bar on standard error for long work (generation, large imports): the observer
//! the binary installs in `zugong_dataset::progress`.
//!
//! Drawn only when standard error is a terminal, so that logs and tests stay clean; redrawn at
//! most every 200 ms of work.

use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

use zugong_dataset::progress::{Observer, Unit};
use zugong_dataset::text::Text;

/// Installs the bar as the observer of every long piece of work in the libraries.
pub(crate) fn install() {
    zugong_dataset::progress::set_observer(bar);
}

/// A bar for the work named `label`, or nothing to draw when standard error is not a terminal.
fn bar(label: &Text) -> Box<dyn Observer> {
    Box::new(Bar {
        label: label.get(crate::lang()).to_owned(),
        shown: std::io::stderr().is_terminal(),
        last: Instant::now(),
    })
}

/// One running bar.
struct Bar {
    label: String,
    shown: bool,
    last: Instant,
}

impl Bar {
    fn draw(&self, done: u64, total: u64, unit: Unit) {
        const WIDTH: u64 = 30;
        let total = total.max(1);
        let done = done.min(total);
        let filled = done * WIDTH / total;
        let bar: String = (0..WIDTH)
            .map(|i| if i < filled { '█' } else { '░' })
            .collect();
        let mut err = std::io::stderr().lock();
        let amount = match unit {
            Unit::Bytes => format!(
                "{:.1}/{:.1} MB",
                done as f64 / 1_000_000.0,
                total as f64 / 1_000_000.0
            ),
            Unit::Items => format!("{done}/{total}"),
        };
        let _ = write!(
            err,
            "\r{} {bar} {amount} ({}%)",
            zugong_dataset::privacy::printable(&self.label),
            done * 100 / total
        );
        let _ = err.flush();
    }
}

impl Observer for Bar {
    fn advance(&mut self, done: u64, total: u64, unit: Unit) {
        if self.shown && self.last.elapsed() >= Duration::from_millis(200) {
            self.draw(done, total, unit);
            self.last = Instant::now();
        }
    }

    fn finish(&mut self, total: u64, unit: Unit) {
        if self.shown {
            self.draw(total, total, unit);
            let _ = writeln!(std::io::stderr());
        }
    }
}
