//! `backup restore`: flags, the confirmation, `--dry-run`, and the tables; the checks and the
//! work are `persistence::restore` (plan, then restore).

use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};
use clap::{Args, ValueEnum};

use super::verify::{failed, verify_blocking};
use super::RefDirArg;
use crate::cli::progress::Reporter;
use crate::cli::Ctx;
use crate::config::{Backend, RedisTarget};
use crate::exit;
use crate::output::{emit, fields, human_bytes, Render};
use crate::persistence::backup::{self, BackupManifest, BackupMethod};
use crate::persistence::restore::{
    self, ClusterRestoreOptions, ClusterRestorePlan, ClusterRestoreReport, LogicalRestoreOptions,
    LogicalRestorePlan, LogicalRestoreReport, OfflineRestoreOptions, OfflineRestorePlan,
    OfflineRestoreReport,
};
use crate::persistence::{require_redis, PersistenceError, RedisAdmin};

pub const EXAMPLES: &str = "\
Examples:
  # a logical backup into the running server, deleting the covered keys first
  tartarus backup restore 20260102T030405Z-logical --online --flush

  # first see what it would delete and load (checks everything, changes nothing)
  tartarus backup restore 20260102T030405Z-logical --online --flush --dry-run

  # a file backup into a stopped server's data directory, as its redis.conf will load it
  systemctl stop redis-server
  tartarus backup restore 20260102T030405Z-file --data-dir /var/lib/redis \\
      --redis-conf /etc/redis/redis.conf
  systemctl start redis-server && tartarus redis health

  # a Redis Cluster backup into the running cluster, each master's RDB into the master that
  # holds the same slots now (refused, exit 7, when the slot map differs)
  REDIS_CLUSTER_ADDRS=r1:6379,r2:6379,r3:6379 tartarus backup restore 20260102T030405Z-file \
      --online --flush --dry-run

  # one master of a Cluster backup, offline (master and its replicas stopped; nodes.conf kept)
  tartarus backup restore 20260102T030405Z-file --node 3f1c0a9e77 --data-dir /var/lib/redis \
      --appendonly yes --force

  # straight from object storage (downloaded into a private folder under $TMPDIR first)
  tartarus backup restore s3://acme-backups/tartarus/20260102T030405Z-logical --online --dry-run";

/// `--appendonly`.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum YesNo {
    Yes,
    No,
}

#[derive(Debug, Args)]
pub struct RestoreArgs {
    /// Backup id (looked up in --dir), the path of a backup folder (anywhere; a path needs no
    /// --dir), or s3://bucket/prefix/ID (downloaded first)
    #[arg(value_name = "ID|PATH")]
    pub backup: String,
    #[command(flatten)]
    pub dir: RefDirArg,
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
    /// Offline, a Redis Cluster backup: the master whose RDB goes into --data-dir (its node id,
    /// 6+ first characters of it, or its address when the backup was taken)
    #[arg(long, value_name = "NODE_ID|HOST:PORT", requires = "data_dir")]
    pub node: Option<String>,
    /// Load a logical backup into the running server (RESTORE … REPLACE); on Redis Cluster, a
    /// Cluster backup, each master's RDB into the master holding the same slots now
    #[arg(long)]
    pub online: bool,
    /// Online: first delete the keys matching the backup's patterns (a Cluster backup: every
    /// key of each master, whose RDB is its whole dataset)
    #[arg(long, requires = "online")]
    pub flush: bool,
    /// Run every check and print what would be moved, written, deleted or loaded; change nothing
    #[arg(long)]
    pub dry_run: bool,
}

impl Render for OfflineRestorePlan {
    fn render_table(&self, _wide: bool) -> String {
        let mut out = fields(vec![
            ("Backup", self.backup_id.clone()),
            ("Data dir", self.data_dir.clone()),
            (
                "Appendonly",
                if self.appendonly { "yes" } else { "no" }.into(),
            ),
            ("Server", self.server_check.clone()),
        ]);
        if let Some(m) = &self.cluster_node {
            out.push_str(&format!(
                "\nMaster:      {} ({} when backed up, slots {}); keep the node's nodes.conf",
                m.node_id, m.address, m.slots
            ));
        }
        out.push_str("\n\nA restore would (nothing was changed):\n");
        match &self.move_aside_to {
            Some(to) => out.push_str(&format!(
                "  move {} into {to}\n",
                self.move_aside.join(", ")
            )),
            None => out.push_str("  move nothing aside (none of the server's files are there)\n"),
        }
        for f in &self.install {
            out.push_str(&format!(
                "  write {} ({}) from {}\n",
                f.path,
                human_bytes(f.size_bytes),
                f.from
            ));
        }
        out
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

impl Render for LogicalRestorePlan {
    fn render_table(&self, _wide: bool) -> String {
        let delete = match self.keys_to_delete {
            Some(n) => format!(
                "delete {n} key(s) matching {}, then ",
                self.flush_patterns.join(", ")
            ),
            None => String::new(),
        };
        format!(
            "{}\n\nA restore would (nothing was changed): {delete}load {} key(s) with RESTORE … REPLACE \
             (keys with the same names are replaced)",
            fields(vec![
                ("Backup", self.backup_id.clone()),
                ("Target", self.target.clone()),
            ]),
            self.keys_to_restore
        )
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

/// Online for logical backups, offline for the others (a Cluster backup either way): anything
/// else is a usage error.
fn check_mode(
    manifest: &BackupManifest,
    online: bool,
    cluster_target: bool,
) -> Result<(), PersistenceError> {
    let logical = manifest.method == BackupMethod::Logical;
    // Online into a Cluster, the Cluster restore says what fits.
    if online == logical || manifest.is_cluster() || (online && cluster_target) {
        return Ok(());
    }
    Err(PersistenceError::RestoreUsage(if logical {
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
    }))
}

pub async fn run(ctx: &Ctx, args: RestoreArgs) -> Result<u8> {
    // A remote backup is downloaded into a private temporary folder (removed when done) and
    // restored from there with every check of a local one.
    let reporter = Reporter::new(ctx);
    let progress = |p| reporter.report(p);
    let fetched = backup::remote::fetch(args.dir.dir.as_ref(), &args.backup, None, &progress)
        .await
        .with_context(|| format!("reading backup {}", args.backup));
    reporter.finish();
    let fetched = fetched?;
    let path = fetched.path.clone();
    // Refuse a bad backup before anything else. This is the only verification: the restore
    // functions are told (`verified`) not to read everything again.
    let report = verify_blocking(path.clone()).await?;
    if !report.ok {
        return Err(failed(&report).into());
    }
    let manifest = backup::read_manifest(&path)?;
    let cluster_target =
        matches!(&ctx.config.backend, Backend::Redis(t) if t.topology.is_cluster());
    check_mode(&manifest, args.online, cluster_target)?;
    let result = if args.online {
        online(ctx, &args, &path, &manifest).await
    } else {
        offline(ctx, &args, path, &manifest).await
    };
    drop(fetched);
    result
}

async fn online(
    ctx: &Ctx,
    args: &RestoreArgs,
    path: &Path,
    manifest: &BackupManifest,
) -> Result<u8> {
    let target = require_redis(&ctx.config.backend, "backup restore --online")?;
    if target.topology.is_cluster() || manifest.is_cluster() {
        return online_cluster(ctx, args, &target, path, manifest).await;
    }
    let admin = RedisAdmin::connect(&target).await?;
    let opts = LogicalRestoreOptions {
        flush: args.flush,
        verified: true,
        ..Default::default()
    };
    let plan = {
        let reporter = Reporter::new(ctx);
        let progress = |p| reporter.report(p);
        let plan = restore::plan_logical(&admin, path, &opts, &progress).await;
        reporter.finish();
        plan.with_context(|| format!("restoring {} into {}", manifest.id, target.display()))?
    };
    if args.dry_run {
        emit(ctx.output, &plan)?;
        return Ok(exit::OK);
    }
    let flush = match plan.keys_to_delete {
        Some(n) => format!(
            "delete the {n} key(s) matching {} on {}, then ",
            plan.flush_patterns.join(", "),
            target.display()
        ),
        None => String::new(),
    };
    ctx.confirm(&format!(
        "{flush}restore {} key(s) from backup {} into {} (keys with the same names are replaced)",
        plan.keys_to_restore,
        manifest.id,
        target.display()
    ))?;
    let reporter = Reporter::new(ctx);
    let progress = |p| reporter.report(p);
    let rep = restore::restore_logical(&admin, path, &opts, &progress)
        .await
        .with_context(|| format!("restoring {} into {}", manifest.id, target.display()))?;
    reporter.finish();
    emit(ctx.output, &rep)?;
    Ok(exit::OK)
}

/// A Cluster backup into the running cluster, master by master (the slot map checked first).
async fn online_cluster(
    ctx: &Ctx,
    args: &RestoreArgs,
    target: &RedisTarget,
    path: &Path,
    manifest: &BackupManifest,
) -> Result<u8> {
    if !target.topology.is_cluster() {
        return Err(PersistenceError::RestoreUsage(format!(
            "backup {} is a Redis Cluster backup of {} masters and {} is not a cluster: restore \
             it online with REDIS_CLUSTER_ADDRS, or one master offline with --node and --data-dir",
            manifest.id,
            manifest.masters.len(),
            target.display()
        ))
        .into());
    }
    let opts = ClusterRestoreOptions {
        flush: args.flush,
        ..Default::default()
    };
    let context = || format!("restoring {} into {}", manifest.id, target.display());
    let plan = restore::plan_cluster(target, path, manifest, &opts)
        .await
        .with_context(context)?;
    if args.dry_run {
        emit(ctx.output, &plan)?;
        return Ok(exit::OK);
    }
    let each = plan
        .masters
        .iter()
        .map(|m| {
            format!(
                "{}{} ({} slots {})",
                if opts.flush {
                    format!("delete the {} key(s) on ", m.keys_now)
                } else {
                    "load into ".to_string()
                },
                m.restore_into,
                m.file,
                m.slots
            )
        })
        .collect::<Vec<_>>()
        .join("; ");
    ctx.confirm(&format!(
        "restore Cluster backup {} master by master: {each} (keys with the same names are replaced)",
        manifest.id
    ))?;
    let reporter = Reporter::new(ctx);
    let progress = |p| reporter.report(p);
    let rep = restore::restore_cluster(target, path, manifest, &opts, &progress)
        .await
        .with_context(context);
    reporter.finish();
    emit(ctx.output, &rep?)?;
    Ok(exit::OK)
}

impl Render for ClusterRestorePlan {
    fn render_table(&self, _wide: bool) -> String {
        let mut out = fields(vec![
            ("Backup", self.backup_id.clone()),
            ("Target", self.target.clone()),
        ]);
        out.push_str("\n\nA restore would (nothing was changed), master by master:\n");
        for m in &self.masters {
            let flush = if self.flush {
                format!("delete its {} key(s), then ", m.keys_now)
            } else {
                format!("({} key(s) there now) ", m.keys_now)
            };
            out.push_str(&format!(
                "  {} slots {}: {flush}load {} ({}, {} key(s) at backup time, from master {} {})\n",
                m.restore_into,
                m.slots,
                m.file,
                human_bytes(m.size_bytes),
                m.keys_in_backup,
                m.node_id,
                m.address
            ));
        }
        out
    }
}

impl Render for ClusterRestoreReport {
    fn render_table(&self, _wide: bool) -> String {
        let mut out = fields(vec![
            ("Backup", self.backup_id.clone()),
            ("Target", self.target.clone()),
            ("Restored keys", self.restored.to_string()),
            ("Took", format!("{:.1}s", self.elapsed_ms as f64 / 1000.0)),
        ]);
        out.push('\n');
        for m in &self.masters {
            out.push_str(&format!(
                "\n  {}: {} key(s) restored, {} deleted first, {} expired and skipped ({:.1}s)",
                m.restore_into,
                m.restored,
                m.flushed,
                m.expired,
                m.elapsed_ms as f64 / 1000.0
            ));
        }
        out
    }
}

/// How the server will start, from `--redis-conf` or `--appendonly` (never guessed).
fn offline_options(args: &RestoreArgs, data_dir: &Path) -> Result<OfflineRestoreOptions> {
    let mut opts = match (&args.redis_conf, args.appendonly) {
        (Some(conf), _) => restore::options_from_redis_conf(conf, data_dir)
            .with_context(|| format!("reading {}", conf.display()))?,
        (None, Some(a)) => OfflineRestoreOptions::new(data_dir, matches!(a, YesNo::Yes)),
        (None, None) => return Err(PersistenceError::RestoreUsage(
            "say how the server will start: --appendonly yes|no, or --redis-conf FILE to read it \
                 (with appendonly yes Redis ignores dump.rdb, so guessing wrong restores nothing)"
                .into(),
        )
        .into()),
    };
    opts.force = args.force;
    opts.verified = true;
    opts.cluster_node = args.node.clone();
    Ok(opts)
}

async fn offline(
    ctx: &Ctx,
    args: &RestoreArgs,
    path: PathBuf,
    manifest: &BackupManifest,
) -> Result<u8> {
    let data_dir = args.data_dir.clone().ok_or_else(|| {
        PersistenceError::RestoreUsage("--data-dir is required for an offline restore".into())
    })?;
    let mut opts = offline_options(args, &data_dir)?;
    opts.server_addr = match &ctx.config.backend {
        // Behind Sentinel the node to stop is the operator's to name: no check.
        Backend::Redis(t) => t.standalone_endpoint().map(|e| (e.host.clone(), e.port)),
        Backend::Memory => None,
    };
    let plan = {
        let (p, o) = (path.clone(), opts.clone());
        tokio::task::spawn_blocking(move || {
            restore::plan_offline(&p, &o, &crate::persistence::no_progress)
        })
        .await
        .context("the restore check stopped")?
        .with_context(|| format!("restoring {} into {}", manifest.id, data_dir.display()))?
    };
    if args.dry_run {
        emit(ctx.output, &plan)?;
        return Ok(exit::OK);
    }
    ctx.confirm(&format!(
        "install backup {} into {} for appendonly {} (files already there are moved aside, not deleted)",
        manifest.id,
        data_dir.display(),
        if opts.appendonly { "yes" } else { "no" }
    ))?;
    let reporter = Reporter::new(ctx);
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
