//! `tartarus bench backup`: flags and the result table; the measurement is `persistence::bench`
//! (`backup create --method replication` against `redis-cli --rdb`, and the logical restore
//! against `redis-cli --pipe`, on the same server).

use std::path::PathBuf;

use anyhow::Result;
use clap::Args;

use super::Ctx;
use crate::exit;
use crate::ops::bench::BENCH_PREFIX;
use crate::output::{columns, emit, human_bytes, Render};
use crate::persistence::bench::{bench_backup, BackupBench, BenchOptions};
use crate::persistence::require_redis;

pub const EXAMPLES: &str = "\
Examples:
  redis-server --port 6391 --save '' --appendonly no --rdbcompression no \\
      --enable-debug-command local --repl-diskless-sync-delay 0 --daemonize yes
  REDIS_ADDR=127.0.0.1:6391 tartarus bench backup --rounds 5

  # the data already there, no DEBUG POPULATE
  tartarus bench backup --populate 0 --logical-keys 0 -o json";

#[derive(Debug, Args)]
pub struct BenchBackupArgs {
    /// Keys to add with DEBUG POPULATE (300-byte values) for the RDB figure, under tartarus-bench:rdb
    /// (0: use the data already there). Needs `enable-debug-command local` on the server; with
    /// `rdbcompression no` the default makes an RDB of about 1.1 GB.
    #[arg(long, default_value_t = 3_500_000)]
    pub populate: u64,
    /// Keys for the logical restore figure (DEBUG POPULATE under tartarus-bench:lg; 0 skips it)
    #[arg(long, default_value_t = 1_000_000)]
    pub logical_keys: u64,
    /// Rounds of each measurement (the median is reported)
    #[arg(long, default_value_t = 3)]
    pub rounds: u32,
    /// Scratch folder for the backups and redis-cli's files (default: a new folder in the temp dir)
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

impl Render for BackupBench {
    fn render_table(&self, _wide: bool) -> String {
        let secs = |ms: u64| format!("{:.2} s", ms as f64 / 1000.0);
        let mut rows = vec![
            vec![
                "redis-cli --rdb".into(),
                secs(self.redis_cli_rdb_ms),
                human_bytes(self.rdb_bytes),
                String::new(),
            ],
            vec![
                "backup create --method replication".into(),
                secs(self.replication_backup_ms),
                "stream + sha256 + manifest".into(),
                format!(
                    "{:.2}× the time of redis-cli (goal ≤ 1.10)",
                    self.rdb_time_ratio
                ),
            ],
        ];
        if self.logical_keys > 0 {
            rows.push(vec![
                "redis-cli --pipe".into(),
                format!("{:.0} keys/s", self.redis_cli_pipe_keys_per_sec),
                format!("{} keys", self.logical_keys),
                String::new(),
            ]);
            rows.push(vec![
                "backup restore --online".into(),
                format!("{:.0} keys/s", self.logical_restore_keys_per_sec),
                format!(
                    "{:.0} keys/s with the verification before it",
                    self.logical_restore_total_keys_per_sec
                ),
                format!(
                    "{:.2}× the rate of redis-cli (goal ≥ 0.80)",
                    self.restore_rate_ratio
                ),
            ]);
        }
        format!(
            "{} (median of {} rounds)\n{}",
            self.target,
            self.rounds,
            columns(&["WHAT", "RESULT", "DETAIL", "RATIO"], rows)
        )
    }
}

pub async fn run(ctx: &Ctx, args: BenchBackupArgs) -> Result<u8> {
    let target = require_redis(&ctx.config.backend, "bench backup")?;
    let opts = BenchOptions {
        populate: args.populate,
        logical_keys: args.logical_keys,
        rounds: args.rounds,
        dir: args.dir,
        prefix: BENCH_PREFIX.to_string(),
    };
    let result = bench_backup(&target, &opts).await?;
    emit(ctx.output, &result)?;
    Ok(exit::OK)
}
