//! `tartarus scheduler run` (the embedded loop) and `tartarus up` (nodes, runs and a scheduler in one process).

use std::time::Duration;

use anyhow::{Context as _, Result};
use clap::{Args, Subcommand};

use super::args::{parse_duration_arg, MetricsArgs};
use super::examples;
use super::signal::shutdown_signal;
use super::Ctx;
use crate::exit;
use crate::metrics::Probe;
use crate::output::{emit, Render};
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
    /// Runs claimed per batch
    #[arg(long, default_value_t = 500)]
    pub batch: usize,
    /// Lease on claimed runs (a crashed scheduler's runs return after it)
    #[arg(long, default_value = "30s", value_parser = parse_duration_arg)]
    pub lease: Duration,
    /// Placements before a run whose node keeps dying is dead-lettered
    #[arg(long, default_value_t = 3)]
    pub max_attempts: u32,
    #[command(flatten)]
    pub metrics: MetricsArgs,
}

impl LoopArgs {
    pub fn config(&self) -> SchedulerConfig {
        SchedulerConfig {
            batch: self.batch.max(1),
            lease: self.lease,
            max_attempts: self.max_attempts.max(1),
            ..Default::default()
        }
    }
}

impl Render for Report {
    fn render_table(&self, _wide: bool) -> String {
        format!(
            "claimed {} · scheduled {} · pending {} · denied {} · rejected {} · lost→requeued {} · dead-lettered {} · leases reaped {}",
            self.claimed, self.scheduled, self.pending, self.denied, self.rejected, self.requeued_lost, self.dead_lettered, self.leases_reaped
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
