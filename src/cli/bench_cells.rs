//! `tartarus bench cells`: flags and the result table; the measurement is
//! [`crate::ops::bench_cells`] (N cells scheduling at once, one scheduler each, with the Redis CPU
//! of every master).

use anyhow::Result;
use clap::Args;

use super::Ctx;
use crate::exit;
use crate::ops::bench_cells::{run_rounds, CellsReport};
use crate::output::{columns, emit, Render};
use crate::persistence::require_redis;

pub const EXAMPLES: &str = "\
Examples:
  # 1, 2 and 3 cells, each with its own scheduler, 20,000 runs per cell
  tartarus bench cells --cells 1,2,3 --runs 20000

  tartarus bench cells --cells 1,3 -o json";

#[derive(Debug, Args)]
pub struct BenchCellsArgs {
    /// Cells per round, comma-separated: one round each (cells on distinct masters in a cluster)
    #[arg(long, value_name = "N,N", value_delimiter = ',', default_values_t = [1usize, 2, 3])]
    pub cells: Vec<usize>,
    /// Runs per cell
    #[arg(long, default_value_t = 20_000)]
    pub runs: usize,
    /// Scheduler batch size
    #[arg(long, default_value_t = 1000)]
    pub batch: usize,
}

impl Render for CellsReport {
    fn render_table(&self, _wide: bool) -> String {
        let mut rows = Vec::new();
        for r in &self.rounds {
            let n = r.cells.len();
            for c in &r.cells {
                rows.push(vec![
                    format!("{} × {n}", r.topology),
                    c.cell.clone(),
                    c.master.clone(),
                    c.runs.to_string(),
                    format!("{:.0}", c.scheduled_per_second),
                    String::new(),
                ]);
            }
            let cpu = r
                .masters
                .iter()
                .map(|m| format!("{} {:.0}%", m.master, m.utilisation * 100.0))
                .collect::<Vec<_>>()
                .join(", ");
            rows.push(vec![
                format!("{} × {n}", r.topology),
                "total".into(),
                String::new(),
                r.cells.iter().map(|c| c.runs).sum::<u64>().to_string(),
                format!("{:.0}", r.total_per_second),
                cpu,
            ]);
        }
        format!(
            "runs submitted, then scheduled by one scheduler per cell at once (keys under {}:, removed)\n{}",
            self.prefix,
            columns(
                &["ROUND", "CELL", "MASTER", "RUNS", "SCHEDULED/S", "REDIS CPU PER MASTER"],
                rows
            )
        )
    }
}

pub async fn run(ctx: &Ctx, args: BenchCellsArgs) -> Result<u8> {
    let target = require_redis(&ctx.config.backend, "bench cells")?;
    if args.cells.iter().any(|n| *n == 0 || *n > 64) {
        return Err(super::CliError::usage("--cells takes counts from 1 to 64"));
    }
    let report = run_rounds(
        &target,
        &ctx.store_settings,
        &args.cells,
        args.runs.max(1),
        args.batch.max(1),
    )
    .await?;
    emit(ctx.output, &report)?;
    Ok(exit::OK)
}
