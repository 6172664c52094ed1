//! `queue stats`: Acheron at a glance, every figure O(1).

use anyhow::Result;

use crate::cli::Ctx;
use crate::output::{dash, emit, fields, Render};
use crate::store::{QueueStats, Store};

impl Render for QueueStats {
    fn render_table(&self, _wide: bool) -> String {
        let mut rows = vec![
            ("Queue", self.queue_key.clone()),
            ("Paused", self.paused.to_string()),
            ("Queued", self.depth.to_string()),
            ("In flight (leased)", self.in_flight.to_string()),
            ("Pending (no node)", self.pending.to_string()),
            ("Dead letters", self.dead.to_string()),
            (
                "Head age",
                dash(self.oldest_age_ms.map(|ms| {
                    crate::model::units::format_duration(std::time::Duration::from_millis(
                        ms as u64,
                    ))
                })),
            ),
            ("Runs", self.total_runs.to_string()),
            (
                "Finished, kept",
                format!(
                    "{} (oldest {}; deleted after {})",
                    self.finished_retained,
                    self.finished_oldest_age_ms
                        .map(|ms| duration_text(ms as u64))
                        .unwrap_or_else(|| "-".into()),
                    duration_text(self.retain_finished_ms)
                ),
            ),
            ("Schedulers alive", scheduler_summary(self)),
        ];
        for (s, n) in &self.states {
            if *n > 0 {
                rows.push((s.as_str(), n.to_string()));
            }
        }
        fields(rows)
    }
}

fn duration_text(ms: u64) -> String {
    crate::model::units::format_duration(std::time::Duration::from_millis(ms))
}

/// `2 (host-a pid 41, host-b pid 77)`, or `0` with a hint when none is alive.
fn scheduler_summary(stats: &QueueStats) -> String {
    if stats.schedulers.is_empty() {
        return "0 (nothing claims queued runs: start `tartarus scheduler run` or `tartarus up`)"
            .into();
    }
    let list: Vec<String> = stats
        .schedulers
        .iter()
        .map(|s| format!("{} pid {}", s.host, s.pid))
        .collect();
    format!("{} ({})", stats.live_schedulers, list.join(", "))
}

pub async fn run(ctx: &Ctx, store: &dyn Store) -> Result<()> {
    emit(ctx.output, &store.queue_stats().await?)
}
