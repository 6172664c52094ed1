//! Retention of finished runs, run from the scheduler loop: each pass deletes one bounded batch of runs past the cell's window (or their own `ttlAfterFinished`), archiving them first when asked, and trims the event stream by age.
//!
//! The window lives in the store, one value per cell ([`crate::store::Store::retention`]), so
//! every scheduler (and agent) follows the same one. A pass is O(batch · log n): the store keeps
//! finished runs in indexes ordered by when they fall due. Several schedulers may clean at once:
//! the store re-checks each run atomically as it deletes it, so no run is deleted twice, none that
//! is not finished is touched, and a run another scheduler took first is skipped without error.
//! With an archive folder, a batch is written and fsynced ([`archive::append`]) before it is
//! deleted: a crash between the two leaves the runs in Redis, to be archived again.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use serde::Serialize;

use crate::model::now_ms;
use crate::store::{Store, StoreError};

pub mod archive;
pub mod logs;

/// How the scheduler cleans up.
#[derive(Clone, Debug)]
pub struct RetentionConfig {
    /// Stored as the cell's window when the scheduler starts (`--retain-finished`).
    pub set_window: Option<Duration>,
    /// Most runs deleted per pass.
    pub batch: usize,
    /// Time between passes while nothing is left over; a full batch means a backlog, and the next
    /// pass follows at the next turn of the loop.
    pub interval: Duration,
    /// Archive every run before deleting it (`--archive-dir`).
    pub archive_dir: Option<PathBuf>,
}

impl Default for RetentionConfig {
    fn default() -> Self {
        RetentionConfig {
            set_window: None,
            batch: 1000,
            interval: Duration::from_secs(1),
            archive_dir: None,
        }
    }
}

/// What one pass did.
#[derive(Clone, Debug, Default, Serialize, PartialEq, Eq)]
pub struct Cleanup {
    /// Runs deleted.
    pub deleted: u64,
    /// Runs written to the archive (a run another scheduler deleted meanwhile is not).
    pub archived: u64,
    /// Event-stream entries trimmed.
    pub events_trimmed: u64,
    /// The archive could not be written: nothing was deleted.
    pub archive_failed: bool,
}

/// The cleanup state of one scheduler.
pub struct Cleaner {
    config: RetentionConfig,
    last_pass: Option<Instant>,
    backlog: bool,
    last_trim: Option<Instant>,
}

impl Cleaner {
    pub fn new(config: RetentionConfig) -> Cleaner {
        Cleaner {
            config,
            last_pass: None,
            backlog: false,
            last_trim: None,
        }
    }

    /// True when a pass is due: a backlog is left, or the interval has passed.
    pub fn due(&self) -> bool {
        self.backlog
            || self
                .last_pass
                .is_none_or(|t| t.elapsed() >= self.config.interval)
    }

    /// One pass: at most one batch of runs deleted (after the archive has them), and the event
    /// stream trimmed to the window (at most once per interval).
    pub async fn pass(&mut self, store: &dyn Store) -> Result<Cleanup, StoreError> {
        self.last_pass = Some(Instant::now());
        self.backlog = false;
        let now = now_ms();
        let window = store.retention().await?.finished;
        let mut done = Cleanup::default();
        let ids = store
            .expired_runs(now, window, self.config.batch.max(1))
            .await?;
        if !ids.is_empty() {
            let mut to_delete = ids.clone();
            if let Some(dir) = &self.config.archive_dir {
                // Only what the archive holds is deleted (a run that cannot be read stays).
                match archive_batch(store, dir, now, &ids).await? {
                    Ok(archived) => {
                        done.archived = archived.len() as u64;
                        to_delete = archived;
                    }
                    Err(e) => {
                        tracing::error!(
                            "retention: writing the archive in {} failed, so nothing was deleted: {e}",
                            dir.display()
                        );
                        done.archive_failed = true;
                        return Ok(done);
                    }
                }
            }
            let deleted = store.delete_expired(&to_delete, now, window).await?;
            done.deleted = deleted.len() as u64;
            self.backlog = ids.len() >= self.config.batch.max(1);
        }
        if self
            .last_trim
            .is_none_or(|t| t.elapsed() >= self.config.interval)
        {
            self.last_trim = Some(Instant::now());
            done.events_trimmed = store
                .trim_events(now.saturating_sub(crate::store::ms(window)))
                .await?;
        }
        if done.deleted > 0 {
            tracing::debug!(
                "retention: {} finished runs deleted ({} archived)",
                done.deleted,
                done.archived
            );
        }
        Ok(done)
    }
}

/// Reads a batch with its events and appends it to the hourly archive; returns the ids archived.
/// The outer error is the store's; the inner one the archive's.
async fn archive_batch(
    store: &dyn Store,
    dir: &std::path::Path,
    now: i64,
    ids: &[String],
) -> Result<std::io::Result<Vec<String>>, StoreError> {
    // Each run is read with its events (a run deleted by another scheduler in between reads as
    // absent, never as a run without its events).
    let runs = store.runs_with_events(ids).await?;
    let mut lines = Vec::with_capacity(ids.len());
    let mut archived = Vec::with_capacity(ids.len());
    for (run, events) in runs.iter().flatten() {
        match archive::record(run, events) {
            Ok(line) => lines.push(line),
            Err(e) => return Ok(Err(std::io::Error::other(e))),
        }
        archived.push(run.id.clone());
    }
    if lines.is_empty() {
        return Ok(Ok(archived));
    }
    let dir = dir.to_path_buf();
    // A blocking write and fsync: off the scheduler's async threads.
    Ok(
        match tokio::task::spawn_blocking(move || archive::append(&dir, now, &lines)).await {
            Ok(Ok(_)) => Ok(archived),
            Ok(Err(e)) => Err(e),
            Err(e) => Err(std::io::Error::other(e)),
        },
    )
}
