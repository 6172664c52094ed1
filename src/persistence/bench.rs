//! The backup benchmark (`bench backup`): `backup create --method replication` against
//! `redis-cli --rdb`, and the logical restore against `redis-cli --pipe`, on the same server.

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use anyhow::{Context as _, Result};
use serde::Serialize;

use super::backup::{self, BackupMethod, BackupOptions};
use super::restore::{self, LogicalRestoreOptions};
use super::{no_progress, RedisAdmin};
use crate::config::{Endpoint, RedisTarget};
use crate::connection::Options;

/// What to measure.
#[derive(Clone, Debug)]
pub struct BenchOptions {
    /// Keys to add with DEBUG POPULATE (300-byte values) for the RDB figure (0: the data there).
    pub populate: u64,
    /// Keys for the logical restore figure (0 skips it).
    pub logical_keys: u64,
    /// Rounds of each measurement (the median is reported).
    pub rounds: u32,
    /// Scratch folder (None: a new folder in the temp dir, removed afterwards).
    pub dir: Option<PathBuf>,
    /// The prefix of every key the bench writes (and deletes afterwards).
    pub prefix: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct BackupBench {
    pub target: String,
    pub rdb_bytes: u64,
    pub redis_cli_rdb_ms: u64,
    pub replication_backup_ms: u64,
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

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v.get(v.len() / 2).copied().unwrap_or(0.0)
}

/// `redis-cli` pointed at the target; the password goes through REDISCLI_AUTH, never the arguments.
fn redis_cli(target: &RedisTarget, node: &Endpoint) -> std::process::Command {
    let mut cmd = std::process::Command::new("redis-cli");
    cmd.args(["-h", &node.host, "-p", &node.port.to_string()]);
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
    // DEBUG POPULATE of millions of keys takes seconds: no response timeout for it.
    let admin = RedisAdmin::connect_with(
        target,
        Options {
            unlimited_responses: true,
            ..Default::default()
        },
    )
    .await
    .context("connecting to Redis")?;
    let mut cmd = crate::connection::cmd("DEBUG");
    cmd.arg("POPULATE").arg(n).arg(prefix).arg(300);
    match admin.query("DEBUG POPULATE", &cmd).await {
        Ok(_) => Ok(()),
        Err(crate::persistence::PersistenceError::Command { reason, .. })
            if reason.contains("not allowed") || reason.contains("unknown command") =>
        {
            let e = anyhow::anyhow!("{reason}");
            Err(e.context(
                "DEBUG POPULATE was refused: start redis-server with --enable-debug-command local \
                 (or pass --populate 0 --logical-keys 0 to measure the data already there)",
            ))
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

/// Runs the benchmark against `target` and deletes every key it wrote.
/// The bench's connection, scratch folder and settings, shared by both measurements.
struct Bench<'a> {
    admin: RedisAdmin,
    target: &'a RedisTarget,
    /// The node the bench runs against (the master).
    node: Endpoint,
    root: PathBuf,
    args: &'a BenchOptions,
}

/// Runs the benchmark against `target` and deletes every key it wrote.
pub async fn bench_backup(target: &RedisTarget, args: &BenchOptions) -> Result<BackupBench> {
    if target.tls.is_some() {
        anyhow::bail!(
            "bench backup compares with redis-cli over plain TCP; TLS targets are not supported"
        );
    }
    let admin = RedisAdmin::connect(target).await?;
    let node = admin.endpoint().await?;
    let (root, remove) = match &args.dir {
        Some(d) => (d.clone(), false),
        None => (
            std::env::temp_dir().join(format!("tartarus-bench-backup-{}", std::process::id())),
            true,
        ),
    };
    let _scratch = Scratch(root.clone(), remove);
    std::fs::create_dir_all(&root).with_context(|| format!("creating {}", root.display()))?;
    let bench = Bench {
        admin,
        target,
        node,
        root,
        args,
    };
    let rdb = bench.rdb().await?;
    let logical = if args.logical_keys > 0 {
        bench.logical().await?
    } else {
        LogicalRates::default()
    };
    let cli = median(rdb.cli_secs);
    let ours = median(rdb.ours_secs);
    let pipe = median(logical.pipe);
    let restore_rate = median(logical.ours);
    Ok(BackupBench {
        target: target.display(),
        rdb_bytes: rdb.bytes,
        redis_cli_rdb_ms: (cli * 1000.0).round() as u64,
        replication_backup_ms: (ours * 1000.0).round() as u64,
        rdb_time_ratio: if cli > 0.0 { ours / cli } else { 0.0 },
        logical_keys: args.logical_keys,
        redis_cli_pipe_keys_per_sec: pipe,
        logical_restore_keys_per_sec: restore_rate,
        logical_restore_total_keys_per_sec: median(logical.ours_total),
        restore_rate_ratio: if pipe > 0.0 { restore_rate / pipe } else { 0.0 },
        rounds: args.rounds.max(1),
    })
}

/// The RDB rounds: seconds per round of each tool, and the RDB size.
#[derive(Default)]
struct RdbTimes {
    cli_secs: Vec<f64>,
    ours_secs: Vec<f64>,
    bytes: u64,
}

/// The logical rounds: keys per second of `redis-cli --pipe`, of our load, and of our load
/// with the verification before it.
#[derive(Default)]
struct LogicalRates {
    pipe: Vec<f64>,
    ours: Vec<f64>,
    ours_total: Vec<f64>,
}

impl Bench<'_> {
    /// The RDB: `redis-cli --rdb` against `backup create --method replication`.
    async fn rdb(&self) -> Result<RdbTimes> {
        let rdb_prefix = format!("{}:rdb", self.args.prefix);
        tracing::info!("populating {} keys", self.args.populate);
        populate(self.target, self.args.populate, &rdb_prefix).await?;
        let mut times = RdbTimes::default();
        let opts = BackupOptions {
            method: BackupMethod::Replication,
            ..Default::default()
        };
        for round in 0..self.args.rounds.max(1) {
            let cli_file = self.root.join("redis-cli.rdb");
            let mut cmd = redis_cli(self.target, &self.node);
            cmd.arg("--rdb").arg(&cli_file);
            let t = run_cli(cmd, "redis-cli --rdb")?;
            times.bytes = std::fs::metadata(&cli_file).map(|m| m.len()).unwrap_or(0);
            std::fs::remove_file(&cli_file).ok();
            times.cli_secs.push(t.as_secs_f64());

            let bdir = self.root.join("backups");
            empty_dir(&bdir)?;
            let start = Instant::now();
            backup::create(&self.admin, self.target, &bdir, &opts, &no_progress)
                .await
                .context("backup create --method replication")?;
            times.ours_secs.push(start.elapsed().as_secs_f64());
            std::fs::remove_dir_all(&bdir).ok();
            tracing::info!(
                "round {round}: redis-cli --rdb {:.2}s, backup create {:.2}s",
                t.as_secs_f64(),
                start.elapsed().as_secs_f64()
            );
        }
        self.admin
            .flush_keys(&[format!("{rdb_prefix}:*")])
            .await
            .context("deleting the bench keys")?;
        Ok(times)
    }

    /// The logical restore against `redis-cli --pipe` loading the same file.
    async fn logical(&self) -> Result<LogicalRates> {
        let pattern = format!("{}:lg:*", self.args.prefix);
        populate(
            self.target,
            self.args.logical_keys,
            &format!("{}:lg", self.args.prefix),
        )
        .await?;
        let bdir = self.root.join("logical");
        empty_dir(&bdir)?;
        let lopts = BackupOptions {
            method: BackupMethod::Logical,
            patterns: vec![pattern.clone()],
            ..Default::default()
        };
        let m = backup::create(&self.admin, self.target, &bdir, &lopts, &no_progress)
            .await
            .context("the logical backup")?;
        let path = bdir.join(&m.id);
        let mut rates = LogicalRates::default();
        for round in 0..self.args.rounds.max(1) {
            self.admin
                .flush_keys(std::slice::from_ref(&pattern))
                .await?;
            let start = Instant::now();
            // What `backup restore --online` does: one full verification, then the load told so.
            let p = path.clone();
            let report = tokio::task::spawn_blocking(move || backup::verify(&p))
                .await
                .context("the verification task stopped")?;
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
            let rep = restore::restore_logical(&self.admin, &path, &lopts, &no_progress)
                .await
                .context("the logical restore")?;
            rates
                .ours_total
                .push(rep.restored as f64 / start.elapsed().as_secs_f64());
            rates.ours.push(rep.keys_per_sec);

            self.admin
                .flush_keys(std::slice::from_ref(&pattern))
                .await?;
            let file = std::fs::File::open(path.join(backup::LOGICAL_FILE))?;
            let mut cmd = redis_cli(self.target, &self.node);
            cmd.arg("--pipe").stdin(Stdio::from(file));
            let t = run_cli(cmd, "redis-cli --pipe")?;
            rates
                .pipe
                .push(self.args.logical_keys as f64 / t.as_secs_f64());
            tracing::info!(
                "round {round}: restore {:.0} keys/s, redis-cli --pipe {:.0} keys/s",
                rep.keys_per_sec,
                self.args.logical_keys as f64 / t.as_secs_f64()
            );
        }
        self.admin.flush_keys(&[pattern]).await?;
        Ok(rates)
    }
}
