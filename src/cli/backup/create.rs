//! `backup create`: flags, the summary table, and the call into `persistence::backup::create`.

use std::time::{Duration, Instant};

use anyhow::{Context as _, Result};
use clap::{Args, ValueEnum};
use serde::Serialize;

use super::verify::{failed, verify_blocking};
use super::DirArg;
use crate::cli::metrics::{parse_location, record_outcome, TextfileArg};
use crate::cli::progress::Reporter;
use crate::cli::{parse_duration_arg, Ctx};
use crate::exit;
use crate::metrics::textfile::Overrides;
use crate::output::{emit, fields, human_bytes, Render};
use crate::persistence::backup::outcome::{
    record_verify, write_record, RunRecord, VerifyRecord, COPY_RECORD, CREATE_RECORD,
};
use crate::persistence::backup::remote::CopyReport;
use crate::persistence::backup::{
    self, BackupManifest, BackupMethod, BackupOptions, Location, VerifyReport,
};
use crate::persistence::{require_redis, RedisAdmin};

pub const EXAMPLES: &str = "\
Examples:
  # BGSAVE, copy, manifest; then a full verify (exit 31 if it fails)
  tartarus backup create --dir /var/backups/tartarus --verify

  # a remote server: stream the RDB like redis-cli --rdb
  REDIS_ADDR=redis.internal:6379 tartarus backup create --method replication

  # behind Sentinel, from a replica in sync (the master does not fork)
  REDIS_SENTINEL_ADDRS=s1:26379,s2:26379,s3:26379 tartarus backup create --from-replica

  # Redis Cluster: one RDB per master (each from one of its replicas), one manifest
  REDIS_CLUSTER_ADDRS=r1:6379,r2:6379,r3:6379 tartarus backup create --from-replica --verify

  # only tartarus's keys, as RESTORE commands (restored online, or by redis-cli --pipe)
  tartarus backup create --method logical -o json

  # from cron: verify, copy off the machine, and record the outcome for node_exporter
  tartarus backup create --verify --copy-to s3://acme-backups/tartarus \\
      --textfile /var/lib/node_exporter/textfile/tartarus.prom";

/// `--method`.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum MethodArg {
    /// file when the server's data dir is on this machine, else replication
    Auto,
    /// copy dump.rdb (and the AOF directory; a rewrite meanwhile makes it copy again) after a BGSAVE
    File,
    /// stream the RDB over the network like `redis-cli --rdb` (works for a remote server)
    Replication,
    /// SCAN + DUMP + PTTL of the tartarus and themis keys as RESTORE commands (`redis-cli --pipe` loads it too)
    Logical,
}

impl From<MethodArg> for BackupMethod {
    fn from(m: MethodArg) -> BackupMethod {
        match m {
            MethodArg::Auto => BackupMethod::Auto,
            MethodArg::File => BackupMethod::File,
            MethodArg::Replication => BackupMethod::Replication,
            MethodArg::Logical => BackupMethod::Logical,
        }
    }
}

#[derive(Debug, Args)]
pub struct CreateArgs {
    #[command(flatten)]
    pub dir: DirArg,
    /// How to take the backup
    #[arg(long, value_enum, default_value = "auto")]
    pub method: MethodArg,
    /// Key patterns of a logical backup (repeatable; default tartarus:*, themis:* — every cell —
    /// and the queue key; one cell: --pattern 'tartarus:{CELL}:*' --pattern 'themis:{CELL}:*')
    #[arg(long = "pattern", value_name = "GLOB")]
    pub patterns: Vec<String>,
    /// How long the BGSAVE may take
    #[arg(long, value_name = "DURATION", default_value = "10m", value_parser = parse_duration_arg)]
    pub bgsave_timeout: Duration,
    /// Verify the new backup right away (exit 31 when it fails)
    #[arg(long)]
    pub verify: bool,
    /// Then copy it off the machine: a folder (an NFS or EFS mount) or s3://bucket/prefix; the
    /// copy is read back and checked against the manifest
    #[arg(
        long,
        env = "TARTARUS_BACKUP_COPY_TO",
        hide_env_values = true,
        value_name = "DEST",
        value_parser = parse_location
    )]
    pub copy_to: Option<Location>,
    #[command(flatten)]
    pub textfile: TextfileArg,
    /// Take the snapshot from a healthy replica instead of the master (behind Sentinel, one the
    /// Sentinels list as in sync; standalone, one the master's INFO replication shows online;
    /// on Redis Cluster, for each master one of its replicas with its link up), so the master
    /// does not fork for it
    #[arg(long)]
    pub from_replica: bool,
}

#[derive(Serialize)]
struct Created {
    path: String,
    #[serde(flatten)]
    manifest: BackupManifest,
    elapsed_ms: u64,
    /// The verification of `--verify`; null without it.
    verify: Option<VerifyReport>,
    /// The copy of `--copy-to`; null without it.
    copy: Option<CopyReport>,
}

fn key_counts(m: &BackupManifest) -> String {
    let counts = if m.key_counts.per_pattern.is_empty() {
        &m.key_counts.per_db
    } else {
        &m.key_counts.per_pattern
    };
    let text = counts
        .iter()
        .map(|(k, n)| format!("{k}={n}"))
        .collect::<Vec<_>>()
        .join(", ");
    if text.is_empty() {
        "-".into()
    } else {
        text
    }
}

impl Render for Created {
    fn render_table(&self, _wide: bool) -> String {
        let m = &self.manifest;
        let rdb = m
            .rdb_version
            .map_or_else(|| "-".to_string(), |v| v.to_string());
        let mut rows = vec![
            ("Backup", m.id.clone()),
            ("Path", self.path.clone()),
            ("Method", m.method.as_str().to_string()),
            ("Source", m.source.clone()),
            ("Redis", format!("{} (RDB version {rdb})", m.redis_version)),
            (
                "Files",
                format!("{} ({})", m.files.len(), human_bytes(m.total_bytes())),
            ),
            ("Keys", key_counts(m)),
        ];
        for (i, master) in m.masters.iter().enumerate() {
            rows.push((
                "Master",
                format!(
                    "{}/{} {} {} slots {}: {} ({}), from {}",
                    i + 1,
                    m.masters.len(),
                    master.node_id,
                    master.address,
                    backup::describe_slots(&master.slot_ranges()),
                    master.rdb.name,
                    human_bytes(master.rdb.size_bytes),
                    master.taken_from
                ),
            ));
        }
        rows.push(("Took", format!("{:.1}s", self.elapsed_ms as f64 / 1000.0)));
        if let Some(v) = &self.verify {
            rows.push((
                "Verified",
                if v.ok {
                    "ok".to_string()
                } else {
                    format!("FAILED: {}", v.failure_reason())
                },
            ));
        }
        if let Some(c) = &self.copy {
            rows.push(("Copied to", super::copy::describe(c)));
        }
        fields(rows)
    }
}

/// What `create` made (the error, when it failed, comes with what was done before it).
struct Made {
    created: Option<Created>,
    copy_record: Option<RunRecord>,
}

pub async fn run(ctx: &Ctx, args: CreateArgs) -> Result<u8> {
    let started = Instant::now();
    let mut made = Made {
        created: None,
        copy_record: None,
    };
    let result = create_verify_copy(ctx, &args, started, &mut made).await;
    let dir = &args.dir.dir;
    // A failed copy is the copy's failure: the backup itself stands.
    let copy_failed = made.copy_record.as_ref().is_some_and(|c| !c.ok);
    let backup_ok = result.is_ok() || copy_failed;
    let create = RunRecord {
        ok: backup_ok,
        finished_at: crate::model::now_ms(),
        duration_ms: started.elapsed().as_millis() as u64,
        id: made.created.as_ref().map(|c| c.manifest.id.clone()),
        destination: None,
        error: match &result {
            Err(e) if !backup_ok => Some(format!("{e:#}")),
            _ => None,
        },
    };
    if dir.is_dir() {
        if let Err(e) = write_record(dir, CREATE_RECORD, &create) {
            tracing::warn!("could not record the outcome in {}: {e}", dir.display());
        }
        if let Some(c) = &made.copy_record {
            if let Err(e) = write_record(dir, COPY_RECORD, c) {
                tracing::warn!("could not record the copy in {}: {e}", dir.display());
            }
        }
    }
    let overrides = Overrides {
        create: Some(create),
        copy: made.copy_record.clone(),
        verify: made
            .created
            .as_ref()
            .and_then(|c| c.verify.as_ref())
            .map(|v| {
                (
                    "local",
                    VerifyRecord {
                        ok: v.ok,
                        verified_at: crate::model::now_ms(),
                        by: "backup verify".into(),
                        reason: (!v.ok).then(|| v.failure_reason()),
                    },
                )
            }),
        ..Default::default()
    };
    let recorded = record_outcome(
        ctx,
        args.textfile.textfile.as_deref(),
        Some(dir),
        args.copy_to.as_ref(),
        overrides,
    )
    .await;
    let emitted = match &made.created {
        Some(created) => emit(ctx.output, created),
        None => Ok(()),
    };
    recorded.finish(emitted.and(result).map(|()| exit::OK))
}

/// Creates the backup, verifies it (`--verify`) and copies it (`--copy-to`), filling `made` as
/// it goes so that a failure still reports what was done.
async fn create_verify_copy(
    ctx: &Ctx,
    args: &CreateArgs,
    started: Instant,
    made: &mut Made,
) -> Result<()> {
    let target = require_redis(&ctx.config.backend, "backup create")?;
    // Before Redis is asked for anything: --dir must be a folder (or not exist yet).
    crate::persistence::files::check_folder_destination(&args.dir.dir)?;
    let opts = BackupOptions {
        method: args.method.into(),
        patterns: if args.patterns.is_empty() {
            backup::default_patterns(&ctx.config.keys())
        } else {
            args.patterns.clone()
        },
        bgsave_timeout: args.bgsave_timeout,
        ..Default::default()
    };
    let reporter = Reporter::new(ctx);
    let progress = |p| reporter.report(p);
    let dir = &args.dir.dir;
    let manifest = if target.topology.is_cluster() {
        // One RDB per master (from a replica of each with --from-replica), one manifest.
        backup::create_cluster(&target, dir, &opts, args.from_replica, &progress)
            .await
            .with_context(|| {
                format!(
                    "backing up the cluster {} into {}",
                    target.display(),
                    dir.display()
                )
            })?
    } else {
        let admin = if args.from_replica {
            RedisAdmin::connect_replica(&target).await?
        } else {
            RedisAdmin::connect(&target).await?
        };
        backup::create(&admin, &target, dir, &opts, &progress)
            .await
            .with_context(|| format!("backing up {} into {}", admin.display(), dir.display()))?
    };
    reporter.finish();
    let path = dir.join(&manifest.id);
    let verify = if args.verify {
        let v = verify_blocking(path.clone()).await?;
        let reason = (!v.ok).then(|| v.failure_reason());
        if let Err(e) = record_verify(&path, v.ok, reason, "backup verify") {
            tracing::warn!(
                "could not record the verification in {}: {e}",
                path.display()
            );
        }
        Some(v)
    } else {
        None
    };
    let failure = verify.as_ref().filter(|v| !v.ok).map(failed);
    made.created = Some(Created {
        path: path.display().to_string(),
        manifest,
        elapsed_ms: started.elapsed().as_millis() as u64,
        verify,
        copy: None,
    });
    if let Some(e) = failure {
        return Err(e.into());
    }
    if let Some(dest) = &args.copy_to {
        let copy_started = Instant::now();
        let reporter = Reporter::new(ctx);
        let progress = |p| reporter.report(p);
        let copied = backup::remote::copy(&path, dest, &progress).await;
        reporter.finish();
        made.copy_record = Some(RunRecord {
            ok: copied.is_ok(),
            finished_at: crate::model::now_ms(),
            duration_ms: copy_started.elapsed().as_millis() as u64,
            id: made.created.as_ref().map(|c| c.manifest.id.clone()),
            destination: Some(dest.to_string()),
            error: copied.as_ref().err().map(|e| e.to_string()),
        });
        let report = copied.with_context(|| format!("copying the backup to {dest}"))?;
        if let Some(c) = made.created.as_mut() {
            c.copy = Some(report);
            c.elapsed_ms = started.elapsed().as_millis() as u64;
        }
    }
    Ok(())
}
