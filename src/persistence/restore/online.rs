//! Online restore: load a logical backup into a running server, RESTORE … REPLACE, pipelined.

use std::path::Path;
use std::time::{Duration, Instant};

use futures::stream::{FuturesOrdered, StreamExt};
use serde::Serialize;

use crate::persistence::admin::{RedisAdmin, RestoreItem};
use crate::persistence::backup::{self, BackupMethod};
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

/// Loads a logical backup into a running server: RESTORE … REPLACE, pipelined in batches.
pub async fn restore_logical(
    admin: &RedisAdmin,
    backup_path: &Path,
    opts: &LogicalRestoreOptions,
    progress: ProgressFn<'_>,
) -> Result<LogicalRestoreReport> {
    let start = Instant::now();
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
    let verify_ms = start.elapsed().as_millis() as u64;
    let mut flushed = 0;
    if opts.flush {
        progress(Progress::phase("delete existing keys"));
        let patterns = if opts.patterns.is_empty() {
            manifest.patterns.clone()
        } else {
            opts.patterns.clone()
        };
        flushed = admin.flush_keys(&patterns).await?;
    }
    let load_start = Instant::now();
    let total: u64 = manifest.key_counts.per_pattern.values().sum();
    let path = backup_path.join(backup::LOGICAL_FILE);
    let f = std::fs::File::open(&path).map_err(|e| PersistenceError::io(&path, e))?;
    let mut reader = RestoreReader::new(std::io::BufReader::with_capacity(8 << 20, f), &path);
    let batch_size = opts.batch.max(1);
    let mut in_flight = FuturesOrdered::new();
    let mut restored = 0u64;
    let mut eof = false;
    let mut last = Instant::now();
    loop {
        while !eof && in_flight.len() < opts.in_flight.max(1) {
            let mut batch: Vec<RestoreItem> = Vec::with_capacity(batch_size);
            while batch.len() < batch_size {
                match reader.next_item()? {
                    Some(item) => batch.push(item),
                    None => {
                        eof = true;
                        break;
                    }
                }
            }
            if batch.is_empty() {
                break;
            }
            in_flight.push_back(async move { admin.restore_batch(&batch).await });
        }
        match in_flight.next().await {
            Some(r) => {
                restored += r? as u64;
                if last.elapsed() > Duration::from_millis(200) {
                    progress(Progress::keys("restore keys", restored, Some(total)));
                    last = Instant::now();
                }
            }
            None => break,
        }
    }
    progress(Progress::keys("restore keys", restored, Some(total)));
    if restored != total {
        return Err(PersistenceError::invalid(
            path.display().to_string(),
            format!("restored {restored} keys, the manifest says {total}"),
        ));
    }
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
