//! `tartarus scheduler run` (the embedded loop) and `tartarus up` (nodes, runs and a scheduler in one process).

use std::time::Duration;

use anyhow::{Context as _, Result};
use clap::{Args, Subcommand};

use super::args::{parse_duration_arg, parse_positive_count, parse_positive_duration, MetricsArgs};
use super::examples;
use super::signal::shutdown_signal;
use super::Ctx;
use crate::exit;
use crate::metrics::Probe;
use crate::output::{emit, Render};
use crate::retention::RetentionConfig;
use crate::scheduler::{Report, Scheduler, SchedulerConfig};

pub mod up;

#[derive(Debug, Subcommand)]
pub enum SchedulerCmd {
    /// Run the scheduler loop until SIGINT/SIGTERM (or, with --once, until the queue is empty)
    #[command(after_long_help = examples::SCHEDULER_RUN)]
    Run(LoopArgs),
}

/// The scheduler's tunables, shared by `scheduler run` and `up`.
#[derive(Debug, Args, Clone)]
pub struct LoopArgs {
    /// Drain the queue once and exit (for scripts)
    #[arg(long)]
    pub once: bool,
    /// Runs claimed per batch (at least 1)
    #[arg(long, default_value_t = 500, value_parser = parse_positive_count)]
    pub batch: usize,
    /// Lease on claimed runs (a crashed scheduler's runs return after it; more than zero)
    #[arg(long, default_value = "30s", value_parser = parse_positive_duration)]
    pub lease: Duration,
    /// Placements before a run whose node keeps dying is dead-lettered (at least 1)
    #[arg(long, default_value_t = 3, value_parser = clap::value_parser!(u32).range(1..))]
    pub max_attempts: u32,
    /// Keep finished runs (and their events and agent logs) this long, then delete them; stored
    /// as the cell's window, which every scheduler and agent follows [stored value, else 7d]
    #[arg(long, value_name = "DURATION", value_parser = parse_retention_arg)]
    pub retain_finished: Option<Duration>,
    /// Append every finished run to DIR/<UTC hour>.jsonl (fsynced) before retention deletes it
    #[arg(long, value_name = "DIR")]
    pub archive_dir: Option<std::path::PathBuf>,
    #[command(flatten)]
    pub metrics: MetricsArgs,
}

/// A retention window: a duration of at most ten years (`0s` deletes runs as they finish).
fn parse_retention_arg(s: &str) -> Result<Duration, String> {
    let d = parse_duration_arg(s)?;
    if d > Duration::from_secs(3650 * 86_400) {
        return Err("must be at most 3650d".into());
    }
    Ok(d)
}

impl LoopArgs {
    pub fn config(&self) -> SchedulerConfig {
        SchedulerConfig {
            batch: self.batch,
            lease: self.lease,
            max_attempts: self.max_attempts,
            retention: RetentionConfig {
                set_window: self.retain_finished,
                archive_dir: self.archive_dir.clone(),
                ..Default::default()
            },
            ..Default::default()
        }
    }
}

impl Render for Report {
    fn render_table(&self, _wide: bool) -> String {
        format!(
            "claimed {} · scheduled {} · pending {} · denied {} · rejected {} · lost→requeued {} · dead-lettered {} · leases reaped {} · expired {}",
            self.claimed, self.scheduled, self.pending, self.denied, self.rejected, self.requeued_lost, self.dead_lettered, self.leases_reaped, self.expired
        )
    }
}

impl SchedulerCmd {
    pub async fn run(self, ctx: &Ctx) -> Result<u8> {
        match self {
            SchedulerCmd::Run(args) => {
                let store = ctx.store_waiting().await?;
                let _metrics = args
                    .metrics
                    .start(|| Probe::scheduler(store.clone()))
                    .await?;
                let mut s = Scheduler::new(store, args.config())
                    .await
                    .context("starting the scheduler")?;
                tracing::info!("scheduler started (Themis version {})", s.policy_version());
                let report = s
                    .run(shutdown_signal("finishing the batch in hand"), args.once)
                    .await?;
                emit(ctx.output, &report)?;
                Ok(exit::OK)
            }
        }
    }
}
