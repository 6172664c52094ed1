//! `tartarus backup`: BGSAVE-based backups in dated folders with a manifest — create, list, verify, prune, restore (offline or online).

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{Context as _, Result};
use clap::{Args, Subcommand, ValueEnum};
use serde::Serialize;

use super::persist_common::{connect, human_bytes, redis_target, Reporter};
use super::{parse_duration_arg, Ctx};
use crate::config::Backend;
use crate::exit::{self, CodedError};
use crate::output::{columns, emit, fields, Render};
use crate::persistence::backup::{
    self, BackupManifest, BackupMethod, BackupOptions, BackupSummary, CheckOutcome, PruneReport,
    VerifyReport,
};
use crate::persistence::restore::{
    self, LogicalRestoreOptions, LogicalRestoreReport, OfflineRestoreOptions, OfflineRestoreReport,
};

/// Where backups live: `--dir`, or `TARTARUS_BACKUP_DIR`.
#[derive(Debug, Args)]
pub struct DirArg {
    /// The backup directory (one dated folder per backup inside it)
    #[arg(
        long,
        env = "TARTARUS_BACKUP_DIR",
        hide_env_values = true,
        value_name = "DIR"
    )]
    pub dir: PathBuf,
}

#[derive(Debug, Subcommand)]
pub enum BackupCmd {
    /// Take a backup into a new dated folder (manifest.json with sizes, SHA-256, versions, key counts)
    ///
    /// The folder is written under a temporary name and renamed only when complete: a failed or
    /// interrupted backup never leaves a folder that looks complete. Files are 0600, folders 0700.
    Create(CreateArgs),
    /// The backups in the directory, oldest first, with a quick status (sizes only; see verify)
    ///
    /// STATUS is `complete` when the manifest is readable and every file it lists is present with
    /// the size it records, else `incomplete: <what is wrong>`. Checksums are not read, so a
    /// complete backup can still be corrupt: `backup verify ID` reads everything.
    List {
        #[command(flatten)]
        dir: DirArg,
    },
    /// Check a backup: manifest, size and SHA-256 of every file, RDB magic/version/CRC-64, AOF
    /// manifest, the RESTORE file of logical backups, and redis-check-rdb/-aof when installed.
    ///
    /// Exits 31 with the reason when any check fails.
    Verify {
        /// Backup id (folder name), or the path of a backup folder that lies directly inside
        /// --dir (a backup anywhere else — copied from offsite, say — must be moved or linked
        /// into a backup directory first, or pointed at with --dir)
        #[arg(value_name = "ID|PATH")]
        backup: String,
        #[command(flatten)]
        dir: DirArg,
    },
    /// Delete backups older than --keep-days that are not among the newest --keep-last
    ///
    /// A backup is kept when either rule keeps it, and the newest backup that verifies is never
    /// deleted. Only folders named like backups are considered; symlinks are never followed.
    /// Also removes the `.tmp-<id>` folders that killed backups leave behind, once nothing in
    /// them has been written for an hour (fresher ones may belong to a running backup).
    Prune {
        #[command(flatten)]
        dir: DirArg,
        /// Keep every backup younger than this many days (0: age keeps nothing)
        #[arg(long, value_name = "N")]
        keep_days: u32,
        /// Keep the newest N backups whatever their age
        #[arg(long, value_name = "N")]
        keep_last: usize,
        /// Only show what would be deleted (backups and stale temporary folders)
        #[arg(long)]
        dry_run: bool,
    },
    /// Restore a backup: offline into a stopped server's data dir, or online (logical backups)
    ///
    /// Offline (file and replication backups): `--data-dir DIR` and either `--appendonly yes|no`
    /// or `--redis-conf FILE` to read it from. With appendonly yes, Redis loads only the AOF
    /// directory and ignores dump.rdb — a dump.rdb restored there silently starts empty — so the
    /// RDB is installed as the AOF base (appendonlydir/ + manifest); with no, as dump.rdb.
    /// Refuses while a server answers at the configured Redis address unless --force; existing
    /// files are moved aside into pre-restore-<time>/, never deleted.
    ///
    /// Online (logical backups): `--online` loads RESTORE … REPLACE commands, pipelined;
    /// `--flush` first deletes the keys matching the backup's patterns.
    ///
    /// Always verifies first (once, fully: checksums, RDB CRC-64, AOF manifest, the RESTORE file,
    /// redis-check-rdb/-aof) and refuses a backup that fails, with the reason (exit 31).
    Restore(RestoreArgs),
}

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
    /// Key patterns of a logical backup (repeatable; default tartarus:*, themis:* and the queue key)
    #[arg(long = "pattern", value_name = "GLOB")]
    pub patterns: Vec<String>,
    /// How long the BGSAVE may take
    #[arg(long, value_name = "DURATION", default_value = "10m", value_parser = parse_duration_arg)]
    pub bgsave_timeout: Duration,
    /// Verify the new backup right away (exit 31 when it fails)
    #[arg(long)]
    pub verify: bool,
}

/// `--appendonly`.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum YesNo {
    Yes,
    No,
}

#[derive(Debug, Args)]
pub struct RestoreArgs {
    /// Backup id (folder name), or the path of a backup folder that lies directly inside --dir
    /// (a backup anywhere else must be moved or linked into a backup directory first, or
    /// pointed at with --dir)
    #[arg(value_name = "ID|PATH")]
    pub backup: String,
    #[command(flatten)]
    pub dir: DirArg,
    /// Offline: the stopped server's data directory (its `dir`)
    #[arg(
        long,
        value_name = "DIR",
        required_unless_present = "online",
        conflicts_with = "online"
    )]
    pub data_dir: Option<PathBuf>,
    /// Offline: whether the server will start with appendonly yes or no
    #[arg(long, value_enum, requires = "data_dir", conflicts_with = "redis_conf")]
    pub appendonly: Option<YesNo>,
    /// Offline: read appendonly, appenddirname, appendfilename and dbfilename from this redis.conf
    #[arg(long, value_name = "FILE", requires = "data_dir")]
    pub redis_conf: Option<PathBuf>,
    /// Offline: restore even though a server answers at the configured address
    #[arg(long, requires = "data_dir")]
    pub force: bool,
    /// Load a logical backup into the running server (RESTORE … REPLACE)
    #[arg(long)]
    pub online: bool,
    /// Online: first delete the keys matching the backup's patterns
    #[arg(long, requires = "online")]
    pub flush: bool,
}

/// The default logical patterns: every key of the layout, and the configured queue key when it lies elsewhere.
fn default_patterns(queue_key: &str) -> Vec<String> {
    crate::store::keys::Keys::new(queue_key).backup_patterns()
}

#[derive(Serialize)]
struct Created {
    path: String,
    #[serde(flatten)]
    manifest: BackupManifest,
    seconds: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    verify: Option<VerifyReport>,
}

impl Render for Created {
    fn render_table(&self, _wide: bool) -> String {
        let m = &self.manifest;
        let size: u64 = m.files.iter().map(|f| f.size).sum();
        let keys = if m.key_counts.per_pattern.is_empty() {
            m.key_counts
                .per_db
                .iter()
                .map(|(db, n)| format!("{db}={n}"))
                .collect::<Vec<_>>()
                .join(", ")
        } else {
            m.key_counts
                .per_pattern
                .iter()
                .map(|(p, n)| format!("{p}={n}"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let mut rows = vec![
            ("Backup", m.id.clone()),
            ("Path", self.path.clone()),
            ("Method", m.method.as_str().to_string()),
            ("Source", m.source.clone()),
            (
                "Redis",
                format!(
                    "{} (RDB version {})",
                    m.redis_version,
                    m.rdb_version
                        .map(|v| v.to_string())
                        .unwrap_or_else(|| "-".into())
                ),
            ),
            (
                "Files",
                format!("{} ({})", m.files.len(), human_bytes(size)),
            ),
            ("Keys", if keys.is_empty() { "-".into() } else { keys }),
            ("Took", format!("{:.1}s", self.seconds)),
        ];
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
        fields(rows)
    }
}

#[derive(Serialize)]
#[serde(transparent)]
struct Summaries(Vec<BackupSummary>);

impl Render for Summaries {
    fn render_table(&self, _wide: bool) -> String {
        let rows = self
            .0
            .iter()
            .map(|b| {
                vec![
                    b.id.clone(),
                    b.method
                        .map(|m| m.as_str().to_string())
                        .unwrap_or_else(|| "-".into()),
                    b.created_at
                        .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
                        .unwrap_or_else(|| "-".into()),
                    human_bytes(b.size),
                    b.files.to_string(),
                    b.status.clone(),
                ]
            })
            .collect();
        if self.0.is_empty() {
            return "no backups in the directory".into();
        }
        format!(
            "{}\n\nSTATUS compares sizes only; `backup verify ID` checks the contents.",
            columns(
                &["ID", "METHOD", "CREATED", "SIZE", "FILES", "STATUS"],
                rows,
            )
        )
    }
}

impl Render for VerifyReport {
    fn render_table(&self, _wide: bool) -> String {
        let rows = self
            .checks
            .iter()
            .map(|c| {
                vec![
                    c.name.clone(),
                    match c.outcome {
                        CheckOutcome::Ok => "ok",
                        CheckOutcome::Failed => "FAILED",
                        CheckOutcome::Skipped => "skipped",
                    }
                    .to_string(),
                    c.detail.clone(),
                ]
            })
            .collect();
        format!(
            "{}: {}\n\n{}",
            self.id.clone().unwrap_or_else(|| self.path.clone()),
            if self.ok { "OK" } else { "FAILED" },
            columns(&["CHECK", "RESULT", "DETAIL"], rows)
        )
    }
}

impl Render for PruneReport {
    fn render_table(&self, _wide: bool) -> String {
        let verb = if self.dry_run {
            "would delete"
        } else {
            "deleted"
        };
        let mut rows: Vec<Vec<String>> = self
            .deleted
            .iter()
            .map(|e| vec![e.id.clone(), verb.to_string(), e.reason.clone()])
            .collect();
        rows.extend(
            self.kept
                .iter()
                .map(|e| vec![e.id.clone(), "keep".to_string(), e.reason.clone()]),
        );
        rows.extend(
            self.tmp_deleted
                .iter()
                .map(|e| vec![e.name.clone(), verb.to_string(), e.reason.clone()]),
        );
        rows.extend(
            self.tmp_kept
                .iter()
                .map(|e| vec![e.name.clone(), "keep".to_string(), e.reason.clone()]),
        );
        if rows.is_empty() {
            return "no backups in the directory".into();
        }
        columns(&["ID", "ACTION", "WHY"], rows)
    }
}

impl Render for OfflineRestoreReport {
    fn render_table(&self, _wide: bool) -> String {
        let mut out = fields(vec![
            ("Backup", self.backup_id.clone()),
            ("Data dir", self.data_dir.clone()),
            ("Installed", self.installed.join(", ")),
            (
                "Moved aside",
                match &self.moved_aside_to {
                    Some(to) => format!("{} → {to}", self.moved.join(", ")),
                    None => "nothing was there".into(),
                },
            ),
        ]);
        out.push_str("\n\nNext steps:\n");
        for (i, s) in self.next_steps.iter().enumerate() {
            out.push_str(&format!("  {}. {s}\n", i + 1));
        }
        out
    }
}

impl Render for LogicalRestoreReport {
    fn render_table(&self, _wide: bool) -> String {
        fields(vec![
            ("Backup", self.backup_id.clone()),
            ("Target", self.target.clone()),
            ("Deleted first", self.flushed.to_string()),
            ("Restored keys", self.restored.to_string()),
            (
                "Took",
                format!(
                    "{:.1}s ({:.0} keys/s loading)",
                    self.elapsed_ms as f64 / 1000.0,
                    self.keys_per_sec
                ),
            ),
        ])
    }
}

/// Full verification on a blocking thread (it reads every file). `bench backup` measures the
/// restore through this too, so its figure is the command's.
pub(super) async fn verify_blocking(path: PathBuf) -> Result<VerifyReport> {
    tokio::task::spawn_blocking(move || backup::verify(&path))
        .await
        .context("the verification task stopped")
}

fn invalid(report: &VerifyReport) -> anyhow::Error {
    CodedError::new(
        exit::BACKUP_INVALID,
        format!(
            "backup {} failed verification: {}",
            report.id.as_deref().unwrap_or(&report.path),
            report.failure_reason()
        ),
    )
    .into()
}

fn resolve(dir: &Path, reference: &str) -> Result<PathBuf> {
    backup::resolve(dir, reference)
        .with_context(|| format!("in the backup directory {}", dir.display()))
}

impl BackupCmd {
    pub async fn run(self, ctx: &Ctx) -> Result<u8> {
        match self {
            BackupCmd::Create(args) => create(ctx, args).await,
            BackupCmd::List { dir } => {
                let list = backup::list(&dir.dir)
                    .with_context(|| format!("listing backups in {}", dir.dir.display()))?;
                emit(ctx.output, &Summaries(list))?;
                Ok(exit::OK)
            }
            BackupCmd::Verify { backup, dir } => {
                let path = resolve(&dir.dir, &backup)?;
                let report = verify_blocking(path).await?;
                emit(ctx.output, &report)?;
                if report.ok {
                    Ok(exit::OK)
                } else {
                    Err(invalid(&report))
                }
            }
            BackupCmd::Prune {
                dir,
                keep_days,
                keep_last,
                dry_run,
            } => {
                let d = dir.dir.clone();
                let plan = tokio::task::spawn_blocking(move || {
                    backup::prune(&d, keep_days, keep_last, true)
                })
                .await
                .context("the prune task stopped")?
                .with_context(|| format!("pruning {}", dir.dir.display()))?;
                if dry_run || !plan.deletes_anything() {
                    emit(ctx.output, &plan)?;
                    return Ok(exit::OK);
                }
                let ids: Vec<&str> = plan.deleted.iter().map(|e| e.id.as_str()).collect();
                let tmps: Vec<&str> = plan.tmp_deleted.iter().map(|e| e.name.as_str()).collect();
                let mut what = Vec::new();
                if !ids.is_empty() {
                    what.push(format!("{} backup(s): {}", ids.len(), ids.join(", ")));
                }
                if !tmps.is_empty() {
                    what.push(format!(
                        "{} stale temporary folder(s) of interrupted backups: {}",
                        tmps.len(),
                        tmps.join(", ")
                    ));
                }
                ctx.confirm(&format!(
                    "delete from {} {}",
                    dir.dir.display(),
                    what.join(", and ")
                ))?;
                let d = dir.dir.clone();
                let report = tokio::task::spawn_blocking(move || {
                    backup::prune(&d, keep_days, keep_last, false)
                })
                .await
                .context("the prune task stopped")?
                .with_context(|| format!("pruning {}", dir.dir.display()))?;
                emit(ctx.output, &report)?;
                Ok(exit::OK)
            }
            BackupCmd::Restore(args) => restore_cmd(ctx, args).await,
        }
    }
}

async fn create(ctx: &Ctx, args: CreateArgs) -> Result<u8> {
    let target = redis_target(ctx, "backup create")?;
    let admin = connect(&target).await?;
    let opts = BackupOptions {
        method: args.method.into(),
        patterns: if args.patterns.is_empty() {
            default_patterns(&ctx.config.queue_key)
        } else {
            args.patterns
        },
        bgsave_timeout: args.bgsave_timeout,
        ..Default::default()
    };
    let reporter = Reporter::new(ctx);
    let started = Instant::now();
    let progress = |p| reporter.report(p);
    let manifest = backup::create(&admin, &target, &args.dir.dir, &opts, &progress)
        .await
        .with_context(|| {
            format!(
                "backing up {} into {}",
                target.display(),
                args.dir.dir.display()
            )
        })?;
    reporter.finish();
    let path = args.dir.dir.join(&manifest.id);
    let verify = if args.verify {
        Some(verify_blocking(path.clone()).await?)
    } else {
        None
    };
    let failed = verify.as_ref().filter(|v| !v.ok).map(invalid);
    emit(
        ctx.output,
        &Created {
            path: path.display().to_string(),
            manifest,
            seconds: started.elapsed().as_secs_f64(),
            verify,
        },
    )?;
    match failed {
        Some(e) => Err(e),
        None => Ok(exit::OK),
    }
}

async fn restore_cmd(ctx: &Ctx, args: RestoreArgs) -> Result<u8> {
    let path = resolve(&args.dir.dir, &args.backup)?;
    let manifest = backup::read_manifest(&path).map_err(|e| {
        CodedError::new(exit::BACKUP_INVALID, format!("backup {}: {e}", args.backup))
    })?;
    // Refuse a bad backup before asking anything. This is the only verification: the restore
    // functions are told (`verified`) not to read everything again.
    let report = verify_blocking(path.clone()).await?;
    if !report.ok {
        return Err(invalid(&report));
    }
    let logical = manifest.method == BackupMethod::Logical;
    if args.online != logical {
        let msg = if logical {
            format!(
                "backup {} is a logical backup: restore it into the running server with --online",
                manifest.id
            )
        } else {
            format!(
                "backup {} is a {} backup: restore it offline with --data-dir (and --appendonly or --redis-conf)",
                manifest.id,
                manifest.method.as_str()
            )
        };
        return Err(CodedError::new(exit::USAGE, msg).into());
    }
    let reporter = Reporter::new(ctx);
    if args.online {
        let target = redis_target(ctx, "backup restore --online")?;
        let admin = connect(&target).await?;
        let keys: u64 = manifest.key_counts.per_pattern.values().sum();
        let flush = if args.flush {
            format!(
                "delete every key matching {} on {}, then ",
                manifest.patterns.join(", "),
                target.display()
            )
        } else {
            String::new()
        };
        ctx.confirm(&format!(
            "{flush}restore {keys} key(s) from backup {} into {} (keys with the same names are replaced)",
            manifest.id,
            target.display()
        ))?;
        let opts = LogicalRestoreOptions {
            flush: args.flush,
            verified: true,
            ..Default::default()
        };
        let progress = |p| reporter.report(p);
        let rep = restore::restore_logical(&admin, &path, &opts, &progress)
            .await
            .with_context(|| format!("restoring {} into {}", manifest.id, target.display()))?;
        reporter.finish();
        emit(ctx.output, &rep)?;
        return Ok(exit::OK);
    }

    let data_dir = args.data_dir.ok_or_else(|| {
        CodedError::new(exit::USAGE, "--data-dir is required for an offline restore")
    })?;
    let mut opts = match (&args.redis_conf, args.appendonly) {
        (Some(conf), _) => restore::options_from_redis_conf(conf, data_dir.clone())
            .with_context(|| format!("reading {}", conf.display()))?,
        (None, Some(a)) => OfflineRestoreOptions::new(data_dir.clone(), matches!(a, YesNo::Yes)),
        (None, None) => return Err(CodedError::new(
            exit::USAGE,
            "say how the server will start: --appendonly yes|no, or --redis-conf FILE to read it \
                 (with appendonly yes Redis ignores dump.rdb, so guessing wrong restores nothing)",
        )
        .into()),
    };
    opts.force = args.force;
    opts.verified = true;
    opts.server_addr = match &ctx.config.backend {
        Backend::Redis(t) => Some((t.host.clone(), t.port)),
        Backend::Memory => None,
    };
    ctx.confirm(&format!(
        "install backup {} into {} for appendonly {} (files already there are moved aside, not deleted)",
        manifest.id,
        data_dir.display(),
        if opts.appendonly { "yes" } else { "no" }
    ))?;
    let r = reporter.clone();
    let rep = tokio::task::spawn_blocking(move || {
        restore::restore_offline(&path, &opts, &|p| r.report(p))
    })
    .await
    .context("the restore task stopped")?
    .with_context(|| format!("restoring {} into {}", manifest.id, data_dir.display()))?;
    reporter.finish();
    emit(ctx.output, &rep)?;
    Ok(exit::OK)
}

#[cfg(test)]
mod tests {
    #[test]
    fn logical_patterns_cover_a_custom_queue_key() {
        assert_eq!(
            super::default_patterns("tartarus:queue"),
            vec!["tartarus:*", "themis:*"]
        );
        let p = super::default_patterns("jobs[1]");
        assert_eq!(
            &p[2..],
            &["jobs\\[1\\]".to_string(), "jobs\\[1\\]:*".to_string()]
        );
    }
}
