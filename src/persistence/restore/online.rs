//! Online restore: load a logical backup into a running server, RESTORE … REPLACE, pipelined.
//!
//! [`plan_logical`] runs every check and counts what would be deleted and loaded, changing
//! nothing (`backup restore --online --dry-run`); [`restore_logical`] then does it.

use std::path::Path;
use std::time::{Duration, Instant};

use futures::stream::{FuturesOrdered, StreamExt};
use serde::Serialize;

use crate::persistence::admin::{RedisAdmin, RestoreItem};
use crate::persistence::backup::{self, BackupMethod};
use crate::persistence::files::open_beneath;
use crate::persistence::logical::RestoreReader;
use crate::persistence::{PersistenceError, Progress, ProgressFn, Result};

#[derive(Clone, Debug)]
pub struct LogicalRestoreOptions {
    /// Delete keys matching the patterns first (the CLI asks for confirmation).
    pub flush: bool,
    /// Patterns for `flush`; empty → the backup's own patterns.
    pub patterns: Vec<String>,
    /// RESTORE commands per pipeline.
    pub batch: usize,
    /// Pipelines in flight at once.
    pub in_flight: usize,
    /// The caller has just run the full [`backup::verify`] on this folder and it passed: skip the
    /// checksum pass here (the CLI verifies before it asks for confirmation, so verifying again
    /// would read the whole file a second time). False: check the checksums here.
    pub verified: bool,
}

impl Default for LogicalRestoreOptions {
    fn default() -> Self {
        LogicalRestoreOptions {
            flush: false,
            patterns: Vec::new(),
            batch: 1000,
            in_flight: 4,
            verified: false,
        }
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct LogicalRestoreReport {
    pub backup_id: String,
    pub target: String,
    pub flushed: u64,
    pub restored: u64,
    /// Time spent checking the backup's checksums before loading (0 when the caller had verified it).
    pub verify_ms: u64,
    /// Total time (verify, flush, load).
    pub elapsed_ms: u64,
    /// Load rate (RESTORE pipelines only).
    pub keys_per_sec: f64,
}

/// What an online restore does, worked out with every check run and nothing changed.
#[derive(Clone, Debug, Serialize)]
pub struct LogicalRestorePlan {
    pub backup_id: String,
    pub target: String,
    /// RESTORE … REPLACE commands in the backup: keys with the same names are replaced.
    pub keys_to_restore: u64,
    /// Patterns whose keys are deleted first (empty without `flush`).
    pub flush_patterns: Vec<String>,
    /// How many keys match them now (null without `flush`).
    pub keys_to_delete: Option<u64>,
}

/// Verifies (unless the caller did) and checks that the backup restores online.
fn check_backup(
    backup_path: &Path,
    opts: &LogicalRestoreOptions,
    progress: ProgressFn<'_>,
) -> Result<backup::BackupManifest> {
    if !opts.verified {
        progress(Progress::phase("verify backup"));
        // Checksums only: the RESP file is parsed while restoring anyway (a truncated or malformed
        // command stops the restore with an error), so the full verify would read it twice.
        let report = backup::verify_checksums(backup_path);
        if !report.ok {
            return Err(PersistenceError::VerificationFailed {
                path: backup_path.to_path_buf(),
                reason: report.failure_reason(),
            });
        }
    }
    let manifest = backup::read_manifest(backup_path)?;
    if manifest.method != BackupMethod::Logical {
        return Err(PersistenceError::Unsupported("only logical backups restore online; use the offline restore for file/replication backups".into()));
    }
    Ok(manifest)
}

fn flush_patterns(manifest: &backup::BackupManifest, opts: &LogicalRestoreOptions) -> Vec<String> {
    match (opts.flush, opts.patterns.is_empty()) {
        (false, _) => Vec::new(),
        (true, true) => manifest.patterns.clone(),
        (true, false) => opts.patterns.clone(),
    }
}

/// Runs every check of an online restore and says what it would delete and load. Changes nothing.
pub async fn plan_logical(
    admin: &RedisAdmin,
    backup_path: &Path,
    opts: &LogicalRestoreOptions,
    progress: ProgressFn<'_>,
) -> Result<LogicalRestorePlan> {
    let manifest = check_backup(backup_path, opts, progress)?;
    admin.ping().await?;
    let flush_patterns = flush_patterns(&manifest, opts);
    let keys_to_delete = if opts.flush {
        progress(Progress::phase("count the keys --flush would delete"));
        Some(admin.scan_keys(&flush_patterns).await?.len() as u64)
    } else {
        None
    };
    Ok(LogicalRestorePlan {
        backup_id: manifest.id.clone(),
        target: admin.display().to_string(),
        keys_to_restore: manifest.total_keys(),
        flush_patterns,
        keys_to_delete,
    })
}

/// Loads a logical backup into a running server: RESTORE … REPLACE, pipelined in batches.
pub async fn restore_logical(
    admin: &RedisAdmin,
    backup_path: &Path,
    opts: &LogicalRestoreOptions,
    progress: ProgressFn<'_>,
) -> Result<LogicalRestoreReport> {
    let start = Instant::now();
    let manifest = check_backup(backup_path, opts, progress)?;
    let verify_ms = start.elapsed().as_millis() as u64;
    let mut flushed = 0;
    if opts.flush {
        progress(Progress::phase("delete existing keys"));
        flushed = admin.flush_keys(&flush_patterns(&manifest, opts)).await?;
    }
    let load_start = Instant::now();
    let total = manifest.total_keys();
    let restored = load_file(admin, backup_path, total, opts, progress).await?;
    let load = load_start.elapsed().as_secs_f64();
    Ok(LogicalRestoreReport {
        backup_id: manifest.id,
        target: admin.display().to_string(),
        flushed,
        restored,
        verify_ms,
        elapsed_ms: start.elapsed().as_millis() as u64,
        keys_per_sec: if load > 0.0 {
            restored as f64 / load
        } else {
            0.0
        },
    })
}

/// Sends the keys `next` yields (None at the end) to the server with `RESTORE`, in pipelines of
/// `batch` keys, `in_flight` pipelines at a time, reporting progress against `total`; returns how
/// many keys were restored. The online restore of one server and of each Cluster master.
pub(super) async fn restore_stream(
    admin: &RedisAdmin,
    mut next: impl FnMut() -> Result<Option<RestoreItem>>,
    batch: usize,
    in_flight: usize,
    total: Option<u64>,
    progress: ProgressFn<'_>,
) -> Result<u64> {
    let batch_size = batch.max(1);
    let mut pipelines = FuturesOrdered::new();
    let mut restored = 0u64;
    let mut eof = false;
    let mut last = Instant::now();
    loop {
        while !eof && pipelines.len() < in_flight.max(1) {
            let mut items: Vec<RestoreItem> = Vec::with_capacity(batch_size);
            while items.len() < batch_size {
                match next()? {
                    Some(item) => items.push(item),
                    None => {
                        eof = true;
                        break;
                    }
                }
            }
            if items.is_empty() {
                break;
            }
            pipelines.push_back(async move { admin.restore_batch(&items).await });
        }
        match pipelines.next().await {
            Some(r) => {
                restored += r? as u64;
                if last.elapsed() > Duration::from_millis(200) {
                    progress(Progress::keys("restore keys", restored, total));
                    last = Instant::now();
                }
            }
            None => break,
        }
    }
    Ok(restored)
}

/// Streams the RESTORE file into the server, `opts.in_flight` pipelines at a time; fails unless
/// exactly `total` keys were restored.
async fn load_file(
    admin: &RedisAdmin,
    backup_path: &Path,
    total: u64,
    opts: &LogicalRestoreOptions,
    progress: ProgressFn<'_>,
) -> Result<u64> {
    let path = backup_path.join(backup::LOGICAL_FILE);
    let f = open_beneath(backup_path, backup::LOGICAL_FILE)
        .map_err(|e| PersistenceError::io(&path, e))?;
    let mut reader = RestoreReader::new(std::io::BufReader::with_capacity(8 << 20, f), &path);
    let restored = restore_stream(
        admin,
        || reader.next_item(),
        opts.batch,
        opts.in_flight,
        Some(total),
        progress,
    )
    .await?;
    progress(Progress::keys("restore keys", restored, Some(total)));
    if restored != total {
        return Err(PersistenceError::invalid(
            path.display().to_string(),
            format!("restored {restored} keys, the manifest says {total}"),
        ));
    }
    Ok(restored)
}
