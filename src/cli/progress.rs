//! The progress display of long commands (backups, restores, the persistence check): a spinner or
//! bar on a terminal, the phase changes in the debug log otherwise.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use indicatif::{ProgressBar, ProgressStyle};

use super::Ctx;
use crate::persistence::Progress;

/// A spinner / progress bar on a terminal (only when `ctx.interactive()`); phase changes go to the
/// debug log otherwise. Cheap to clone; the callback is `Send + Sync` for blocking tasks.
#[derive(Clone)]
pub struct Reporter {
    bar: Option<ProgressBar>,
    last: Arc<Mutex<(String, &'static str)>>,
}

impl Reporter {
    pub fn new(ctx: &Ctx) -> Reporter {
        let bar = ctx.interactive().then(|| {
            let b = ProgressBar::new_spinner();
            b.enable_steady_tick(Duration::from_millis(120));
            b
        });
        Reporter {
            bar,
            last: Arc::new(Mutex::new((String::new(), ""))),
        }
    }

    /// Shows one progress event.
    pub fn report(&self, p: Progress) {
        let changed = match self.last.lock() {
            Ok(mut last) => {
                let changed = last.0 != p.phase || last.1 != p.unit;
                if changed {
                    *last = (p.phase.clone(), p.unit);
                }
                changed
            }
            Err(_) => false,
        };
        if changed {
            tracing::debug!("{}", p.phase);
        }
        let Some(bar) = &self.bar else { return };
        if changed {
            let template = match (p.unit, p.total.is_some()) {
                ("bytes", true) => {
                    "{spinner} {msg} [{bar:30}] {bytes}/{total_bytes} ({bytes_per_sec}, {eta})"
                }
                ("bytes", false) => "{spinner} {msg} {bytes} ({bytes_per_sec})",
                ("keys", true) => "{spinner} {msg} [{bar:30}] {pos}/{len} keys ({per_sec}, {eta})",
                ("keys", false) => "{spinner} {msg} {pos} keys ({per_sec})",
                _ => "{spinner} {msg} ({elapsed})",
            };
            bar.set_style(
                ProgressStyle::with_template(template)
                    .unwrap_or_else(|_| ProgressStyle::default_spinner())
                    .progress_chars("=> "),
            );
            bar.set_message(p.phase.clone());
            bar.reset_elapsed();
        }
        if !p.unit.is_empty() {
            if let Some(total) = p.total {
                bar.set_length(total);
            }
            bar.set_position(p.done);
        }
    }

    /// Removes the bar from the terminal.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

impl Drop for Reporter {
    fn drop(&mut self) {
        // Only the last clone clears the bar.
        if Arc::strong_count(&self.last) == 1 {
            self.finish();
        }
    }
}
