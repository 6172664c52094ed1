//! `tartarus bench backup`: `backup create --method replication` against `redis-cli --rdb`, and logical restore against `redis-cli --pipe`, on the same server.

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use anyhow::{Context as _, Result};
use clap::Args;
use serde::Serialize;

use super::persist_common::{human_bytes, redis_target};
use super::Ctx;
use crate::config::RedisTarget;
use crate::exit;
use crate::ops::bench::BENCH_PREFIX;
use crate::output::{columns, emit, Render};
use crate::persistence::backup::{self, BackupMethod, BackupOptions};
use crate::persistence::restore::{self, LogicalRestoreOptions};
use crate::persistence::{no_progress, RedisAdmin};

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

#[derive(Serialize)]
pub struct BackupBench {
    pub target: String,
    pub rdb_bytes: u64,
    pub redis_cli_rdb_seconds: f64,
    pub replication_backup_seconds: f64,
    /// replication backup time / redis-cli --rdb time (goal ≤ 1.10).
    pub rdb_time_ratio: f64,
    pub logical_keys: u64,
    pub redis_cli_pipe_keys_per_sec: f64,
    pub logical_restore_keys_per_sec: f64,
    /// The whole `backup restore --online` path: the full verification it runs first (checksums
    /// and the RESTORE file parse), then loading.
    pub logical_restore_total_keys_per_sec: f64,
    /// logical restore rate (loading) / redis-cli --pipe rate (goal ≥ 0.80).
    pub restore_rate_ratio: f64,
    pub rounds: u32,
}

impl Render for BackupBench {
    fn render_table(&self, _wide: bool) -> String {
        let mut rows = vec![
            vec![
                "redis-cli --rdb".into(),
                format!("{:.2} s", self.redis_cli_rdb_seconds),
                human_bytes(self.rdb_bytes),
                String::new(),
            ],
            vec![
                "backup create --method replication".into(),
                format!("{:.2} s", self.replication_backup_seconds),
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

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v.get(v.len() / 2).copied().unwrap_or(0.0)
}

/// `redis-cli` pointed at the target; the password goes through REDISCLI_AUTH, never the arguments.
fn redis_cli(target: &RedisTarget) -> std::process::Command {
    let mut cmd = std::process::Command::new("redis-cli");
    cmd.args(["-h", &target.host, "-p", &target.port.to_string()]);
    cmd.args(["-n", &target.db.to_string()]);
    if let Some(user) = &target.username {
        cmd.args(["--user", user]);
    }
    if let Some(p) = &target.password {
        cmd.env("REDISCLI_AUTH", p.expose());
    }
    cmd.stdout(Stdio::null()).stderr(Stdio::piped());
    cmd
}

fn run_cli(mut cmd: std::process::Command, what: &str) -> Result<Duration> {
    let start = Instant::now();
    let out = cmd
        .output()
        .with_context(|| format!("running {what} (is redis-cli installed?)"))?;
    let elapsed = start.elapsed();
    if !out.status.success() {
        anyhow::bail!(
            "{what} failed ({}): {}",
            out.status,
            String::from_utf8_lossy(&out.stderr).trim()
        );
    }
    Ok(elapsed)
}

async fn populate(target: &RedisTarget, n: u64, prefix: &str) -> Result<()> {
    if n == 0 {
        return Ok(());
    }
    let client = redis::Client::open(target.connection_info()?)?;
    // DEBUG POPULATE of millions of keys takes seconds: no response timeout for it.
    let cfg = redis::AsyncConnectionConfig::new()
        .set_connection_timeout(Some(target.connect_timeout))
        .set_response_timeout(None);
    let mut conn = client
        .get_multiplexed_async_connection_with_config(&cfg)
        .await
        .context("connecting to Redis")?;
    let r: redis::RedisResult<()> = redis::cmd("DEBUG")
        .arg("POPULATE")
        .arg(n)
        .arg(prefix)
        .arg(300)
        .query_async(&mut conn)
        .await;
    match r {
        Ok(()) => Ok(()),
        Err(e) if e.to_string().contains("DEBUG") || e.to_string().contains("unknown command") => {
            Err(e).context(
                "DEBUG POPULATE was refused: start redis-server with --enable-debug-command local \
                 (or pass --populate 0 --logical-keys 0 to measure the data already there)",
            )
        }
        Err(e) => Err(e).context("DEBUG POPULATE"),
    }
}

struct Scratch(PathBuf, bool);
impl Drop for Scratch {
    fn drop(&mut self) {
        if self.1 {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }
}

fn empty_dir(p: &Path) -> Result<()> {
    if p.exists() {
        std::fs::remove_dir_all(p).with_context(|| format!("emptying {}", p.display()))?;
    }
    std::fs::create_dir_all(p).with_context(|| format!("creating {}", p.display()))
}

pub async fn run(ctx: &Ctx, args: BenchBackupArgs) -> Result<u8> {
    let target = redis_target(ctx, "bench backup")?;
    if target.tls {
        anyhow::bail!(
            "bench backup compares with redis-cli over plain TCP; TLS targets are not supported"
        );
    }
    let admin = RedisAdmin::connect(&target).await?;
    let (root, remove) = match &args.dir {
        Some(d) => (d.clone(), false),
        None => (
            std::env::temp_dir().join(format!("tartarus-bench-backup-{}", std::process::id())),
            true,
        ),
    };
    let _scratch = Scratch(root.clone(), remove);
    std::fs::create_dir_all(&root).with_context(|| format!("creating {}", root.display()))?;
    let rounds = args.rounds.max(1);
    let rdb_prefix = format!("{BENCH_PREFIX}:rdb");
    let lg_prefix = format!("{BENCH_PREFIX}:lg");

    // 1. The RDB: redis-cli --rdb against backup create --method replication.
    tracing::info!("populating {} keys", args.populate);
    populate(&target, args.populate, &rdb_prefix).await?;
    let mut cli_times = Vec::new();
    let mut ours_times = Vec::new();
    let mut rdb_bytes = 0;
    let opts = BackupOptions {
        method: BackupMethod::Replication,
        ..Default::default()
    };
    for round in 0..rounds {
        let cli_file = root.join("redis-cli.rdb");
        let mut cmd = redis_cli(&target);
        cmd.arg("--rdb").arg(&cli_file);
        let t = run_cli(cmd, "redis-cli --rdb")?;
        rdb_bytes = std::fs::metadata(&cli_file).map(|m| m.len()).unwrap_or(0);
        std::fs::remove_file(&cli_file).ok();
        cli_times.push(t.as_secs_f64());

        let bdir = root.join("backups");
        empty_dir(&bdir)?;
        let start = Instant::now();
        backup::create(&admin, &target, &bdir, &opts, &no_progress)
            .await
            .context("backup create --method replication")?;
        ours_times.push(start.elapsed().as_secs_f64());
        std::fs::remove_dir_all(&bdir).ok();
        tracing::info!(
            "round {round}: redis-cli --rdb {:.2}s, backup create {:.2}s",
            cli_times[cli_times.len() - 1],
            ours_times[ours_times.len() - 1]
        );
    }
    admin
        .flush_keys(&[format!("{rdb_prefix}:*")])
        .await
        .context("deleting the bench keys")?;

    // 2. Logical restore against redis-cli --pipe loading the same file.
    let mut pipe_rates = Vec::new();
    let mut ours_rates = Vec::new();
    let mut ours_total_rates = Vec::new();
    if args.logical_keys > 0 {
        populate(&target, args.logical_keys, &lg_prefix).await?;
        let bdir = root.join("logical");
        empty_dir(&bdir)?;
        let pattern = format!("{lg_prefix}:*");
        let lopts = BackupOptions {
            method: BackupMethod::Logical,
            patterns: vec![pattern.clone()],
            ..Default::default()
        };
        let m = backup::create(&admin, &target, &bdir, &lopts, &no_progress)
            .await
            .context("the logical backup")?;
        let path = bdir.join(&m.id);
        for round in 0..rounds {
            admin.flush_keys(std::slice::from_ref(&pattern)).await?;
            let start = Instant::now();
            // What `backup restore --online` does: one full verification, then the load told so.
            let report = super::backup::verify_blocking(path.clone()).await?;
            if !report.ok {
                anyhow::bail!(
                    "the bench's logical backup failed verification: {}",
                    report.failure_reason()
                );
            }
            let lopts = LogicalRestoreOptions {
                verified: true,
                ..Default::default()
            };
            let rep = restore::restore_logical(&admin, &path, &lopts, &no_progress)
                .await
                .context("the logical restore")?;
            ours_total_rates.push(rep.restored as f64 / start.elapsed().as_secs_f64());
            ours_rates.push(rep.keys_per_sec);

            admin.flush_keys(std::slice::from_ref(&pattern)).await?;
            let file = std::fs::File::open(path.join(backup::LOGICAL_FILE))?;
            let mut cmd = redis_cli(&target);
            cmd.arg("--pipe").stdin(Stdio::from(file));
            let t = run_cli(cmd, "redis-cli --pipe")?;
            pipe_rates.push(args.logical_keys as f64 / t.as_secs_f64());
            tracing::info!(
                "round {round}: restore {:.0} keys/s, redis-cli --pipe {:.0} keys/s",
                ours_rates[ours_rates.len() - 1],
                pipe_rates[pipe_rates.len() - 1]
            );
        }
        admin.flush_keys(&[pattern]).await?;
    }

    let cli = median(cli_times);
    let ours = median(ours_times);
    let pipe = median(pipe_rates);
    let restore_rate = median(ours_rates);
    emit(
        ctx.output,
        &BackupBench {
            target: target.display(),
            rdb_bytes,
            redis_cli_rdb_seconds: cli,
            replication_backup_seconds: ours,
            rdb_time_ratio: if cli > 0.0 { ours / cli } else { 0.0 },
            logical_keys: args.logical_keys,
            redis_cli_pipe_keys_per_sec: pipe,
            logical_restore_keys_per_sec: restore_rate,
            logical_restore_total_keys_per_sec: median(ours_total_rates),
            restore_rate_ratio: if pipe > 0.0 { restore_rate / pipe } else { 0.0 },
            rounds,
        },
    )?;
    Ok(exit::OK)
}
