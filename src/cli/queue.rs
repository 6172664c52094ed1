//! `tartarus queue`: Acheron inspection and repair — stats, listings, purge, retry of dead letters, pause and resume.

use anyhow::Result;
use clap::Subcommand;
use serde::Serialize;

use super::Ctx;
use crate::exit;
use crate::output::{columns, dash, emit, fields, timestamp, Message, Render};
use crate::store::{QueueEntry, QueueName, QueueStats, Store};

#[derive(Debug, Subcommand)]
pub enum QueueCmd {
    /// Depth, in-flight, pending and dead counts, pause state and runs per state (all O(1))
    Stats,
    /// List the entries of one Acheron list
    List {
        /// Which list
        #[arg(value_enum, default_value = "queued")]
        which: QueueName,
        #[arg(long, default_value_t = 100)]
        limit: usize,
        #[arg(long, default_value_t = 0)]
        offset: usize,
    },
    /// The next runs a scheduler would claim, with their names
    Peek {
        #[arg(short = 'n', long, default_value_t = 10)]
        count: usize,
    },
    /// Empty a list: queued, leased and pending runs are cancelled; dead letters are deleted with their data
    Purge {
        #[arg(value_enum)]
        which: QueueName,
        /// Say how many runs would be cancelled (or dead letters deleted) and change nothing
        #[arg(long)]
        dry_run: bool,
    },
    /// Send dead letters back to the queue (attempts reset)
    Retry {
        /// Dead-lettered run ids
        ids: Vec<String>,
        /// Every dead letter
        #[arg(long, conflicts_with = "ids")]
        all: bool,
    },
    /// Stop schedulers from claiming (submissions still queue up)
    Pause,
    /// Let schedulers claim again
    Resume,
}

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

#[derive(Serialize)]
struct Entries {
    which: QueueName,
    entries: Vec<QueueEntry>,
}

impl Render for Entries {
    fn render_table(&self, _wide: bool) -> String {
        let score_name = match self.which {
            QueueName::Queued => "SCORE",
            QueueName::Leased => "LEASE DEADLINE",
            QueueName::Pending => "PARKED AT",
            QueueName::Dead => "DEAD SINCE",
        };
        let rows = self
            .entries
            .iter()
            .map(|e| {
                let score = if self.which == QueueName::Queued {
                    format!("{}", e.score)
                } else {
                    timestamp(e.score as i64)
                };
                vec![e.id.clone(), dash(e.priority), score]
            })
            .collect();
        columns(&["ID", "PRIORITY", score_name], rows)
    }
}

/// What `queue purge` did, or with `--dry-run` would do.
#[derive(Serialize)]
struct PurgeReport {
    list: QueueName,
    /// `cancel` (queued, leased, pending) or `delete` (dead letters, with their run data).
    effect: &'static str,
    dry_run: bool,
    /// Runs cancelled or dead letters deleted (with `--dry-run`: how many are in the list now).
    count: u64,
}

impl PurgeReport {
    fn what(&self) -> String {
        let list = serde_json::to_value(self.list)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        match self.list {
            QueueName::Dead => format!("{} dead letter(s) and their run data", self.count),
            _ => format!("the {} run(s) in the {list} list", self.count),
        }
    }

    fn question(&self) -> String {
        format!("{} {}", self.effect, self.what())
    }
}

impl Render for PurgeReport {
    fn render_table(&self, _wide: bool) -> String {
        if self.dry_run {
            format!(
                "dry run: purge would {}; nothing was changed",
                self.question()
            )
        } else {
            let done = if self.effect == "delete" {
                "deleted"
            } else {
                "cancelled"
            };
            format!("purged: {done} {}", self.what())
        }
    }
}

#[derive(Serialize)]
struct Count {
    action: &'static str,
    count: u64,
}

impl QueueCmd {
    pub async fn run(self, ctx: &Ctx) -> Result<u8> {
        let store = ctx.store().await?;
        match self {
            QueueCmd::Stats => emit(ctx.output, &store.queue_stats().await?)?,
            QueueCmd::List {
                which,
                limit,
                offset,
            } => {
                let entries = store.queue_entries(which, offset, limit).await?;
                emit(ctx.output, &Entries { which, entries })?
            }
            QueueCmd::Peek { count } => {
                let entries = store.queue_entries(QueueName::Queued, 0, count).await?;
                let ids: Vec<String> = entries.iter().map(|e| e.id.clone()).collect();
                let runs = store.get_runs(&ids).await?.into_iter().flatten().collect();
                emit(ctx.output, &super::sandbox::RunList(runs))?
            }
            QueueCmd::Purge { which, dry_run } => {
                purge(ctx, store.as_ref(), which, dry_run).await?
            }
            QueueCmd::Retry { ids, all } => {
                if ids.is_empty() && !all {
                    return Err(exit::CodedError::new(
                        exit::USAGE,
                        "name dead-lettered run ids, or pass --all",
                    )
                    .into());
                }
                let count = store
                    .retry_dead(if all { None } else { Some(&ids) })
                    .await?;
                emit(
                    ctx.output,
                    &Message {
                        data: Count {
                            action: "retried",
                            count,
                        },
                        text: format!("requeued {count} dead letter(s)"),
                    },
                )?
            }
            QueueCmd::Pause => {
                store.set_paused(true).await?;
                emit(
                    ctx.output,
                    &Message {
                        data: Count {
                            action: "paused",
                            count: 1,
                        },
                        text: "queue paused: schedulers claim nothing until `queue resume`".into(),
                    },
                )?
            }
            QueueCmd::Resume => {
                store.set_paused(false).await?;
                emit(
                    ctx.output,
                    &Message {
                        data: Count {
                            action: "resumed",
                            count: 1,
                        },
                        text: "queue resumed".into(),
                    },
                )?
            }
        }
        Ok(exit::OK)
    }
}

/// `queue purge`: with `--dry-run`, how many entries the list holds; otherwise asks, then purges.
async fn purge(ctx: &Ctx, store: &dyn Store, which: QueueName, dry_run: bool) -> Result<()> {
    let stats = store.queue_stats().await?;
    let plan = PurgeReport {
        list: which,
        effect: match which {
            QueueName::Dead => "delete",
            _ => "cancel",
        },
        dry_run,
        count: match which {
            QueueName::Queued => stats.depth,
            QueueName::Leased => stats.in_flight,
            QueueName::Pending => stats.pending,
            QueueName::Dead => stats.dead,
        },
    };
    if dry_run {
        return emit(ctx.output, &plan);
    }
    ctx.confirm(&plan.question())?;
    let count = store.purge(which).await?;
    emit(ctx.output, &PurgeReport { count, ..plan })
}
