//! Shared by the persistence commands (`redis`, `backup`, `verify`, `bench backup`): the Redis target and the progress display.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use anyhow::Result;
use indicatif::{ProgressBar, ProgressStyle};

use super::CliError;
use super::Ctx;
use crate::config::{Backend, RedisTarget};
use crate::persistence::{Progress, RedisAdmin};

/// The configured Redis server; the in-memory store has nothing to check, back up or restore.
pub fn redis_target(ctx: &Ctx, command: &str) -> Result<RedisTarget> {
    match &ctx.config.backend {
        Backend::Redis(t) => Ok(t.clone()),
        Backend::Memory => Err(CliError::NeedsSharedStore(
            format!(
                "`{command}` needs Redis: the in-memory store keeps nothing to check, back up or restore \
                 (set REDIS_ADDR or --redis-addr)"
            ),
        )
        .into()),
    }
}

/// Connects for administrative commands, with the same fatal-error wording as the store.
pub async fn connect(target: &RedisTarget) -> Result<RedisAdmin> {
    Ok(RedisAdmin::connect(target).await?)
}

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

/// Human size: `1.2 GiB`.
pub fn human_bytes(n: u64) -> String {
    const UNITS: [&str; 5] = ["B", "KiB", "MiB", "GiB", "TiB"];
    let mut v = n as f64;
    let mut u = 0;
    while v >= 1024.0 && u < UNITS.len() - 1 {
        v /= 1024.0;
        u += 1;
    }
    if u == 0 {
        format!("{n} B")
    } else {
        format!("{v:.1} {}", UNITS[u])
    }
}
