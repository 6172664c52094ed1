//! `tartarus bench`: flags and rendering; the measuring lives in [`crate::ops::bench`].

use anyhow::Result;
use clap::Args;

use super::Ctx;
use crate::ops::bench::{BenchOptions, BenchReport};
use crate::output::{columns, emit, Render};

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct BenchArgs {
    #[command(subcommand)]
    pub what: Option<BenchWhat>,
    /// Runs to submit
    #[arg(long, default_value_t = 100_000)]
    pub runs: usize,
    /// Runs per claim
    #[arg(long, default_value_t = 1000)]
    pub claim_batch: usize,
    /// Skip running redis-benchmark for the raw server rate
    #[arg(long)]
    pub no_raw: bool,
    /// SET requests redis-benchmark sends for the raw server rate
    #[arg(long, default_value_t = 1_000_000)]
    pub raw_requests: u64,
    /// Runs for the end-to-end figure (submit → admitted → scheduled, one scheduler, 16 nodes, 10 policies)
    #[arg(long, default_value_t = 50_000)]
    pub e2e_runs: usize,
    /// Scheduler batch size for the end-to-end figure
    #[arg(long, default_value_t = 1000)]
    pub e2e_batch: usize,
    /// Seconds of steady 1,000 runs/s for the latency figure (0 skips it)
    #[arg(long, default_value_t = 5)]
    pub latency_secs: u64,
    /// Runs for the whole-lifecycle figure (submit → admitted → scheduled → running →
    /// succeeded; one scheduler, one in-process agent whose executor completes at once; 0 skips it)
    #[arg(long, default_value_t = 50_000)]
    pub lifecycle_runs: usize,
}

/// `tartarus bench <what>`; without one, the store throughput figures.
#[derive(Debug, clap::Subcommand)]
pub enum BenchWhat {
    /// Backup and restore speed against redis-cli (--rdb and --pipe) on the same server
    #[command(after_long_help = super::bench_backup::EXAMPLES)]
    Backup(super::bench_backup::BenchBackupArgs),
    /// The submit → scheduled path in 1, 2, 3… cells at once, one scheduler per cell, with the
    /// rate per cell, the total, and the Redis CPU of each master
    #[command(after_long_help = super::bench_cells::EXAMPLES)]
    Cells(super::bench_cells::BenchCellsArgs),
}

impl BenchArgs {
    fn options(&self) -> BenchOptions {
        BenchOptions {
            runs: self.runs,
            claim_batch: self.claim_batch,
            raw_requests: if self.no_raw { 0 } else { self.raw_requests },
            e2e_runs: self.e2e_runs,
            e2e_batch: self.e2e_batch,
            latency_secs: self.latency_secs,
            lifecycle_runs: self.lifecycle_runs,
        }
    }
}

impl Render for BenchReport {
    fn render_table(&self, _wide: bool) -> String {
        let rows = self
            .figures
            .iter()
            .map(|f| {
                let cost = |v: fn(&crate::ops::bench_lifecycle::RedisCost) -> f64| {
                    f.redis
                        .as_ref()
                        .map(|r| format!("{:.1}", v(r)))
                        .unwrap_or_default()
                };
                vec![
                    f.name.clone(),
                    f.count.to_string(),
                    format!("{:.3}", f.elapsed_ms as f64 / 1000.0),
                    format!("{:.0}", f.per_second),
                    cost(|r| r.cpu_us_per_run),
                    cost(|r| r.commands_per_run),
                    cost(|r| r.script_calls_per_run),
                    f.note.clone(),
                ]
            })
            .collect();
        let prefix = match &self.prefix {
            Some(p) => format!(" (keys under {p}:, removed)"),
            None => String::new(),
        };
        format!(
            "backend: {}{prefix}\n{}",
            self.backend,
            columns(
                &[
                    "BENCHMARK",
                    "COUNT",
                    "SECONDS",
                    "PER SECOND",
                    "REDIS CPU µs/RUN",
                    "CMDS/RUN",
                    "SCRIPTS/RUN",
                    "NOTE"
                ],
                rows
            )
        )
    }
}

pub async fn run(ctx: &Ctx, args: BenchArgs) -> Result<u8> {
    match args.what {
        Some(BenchWhat::Backup(a)) => return super::bench_backup::run(ctx, a).await,
        Some(BenchWhat::Cells(a)) => return super::bench_cells::run(ctx, a).await,
        None => {}
    }
    let report =
        crate::ops::bench::run(&ctx.config.backend, &ctx.store_settings, &args.options()).await?;
    emit(ctx.output, &report)?;
    Ok(crate::exit::OK)
}
