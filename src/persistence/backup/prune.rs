//! `backup prune`: retention by age and count, never the newest backup that verifies, and the
//! temporary folders that killed backups leave behind.

use std::path::Path;
use std::time::Duration;

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::{parse_backup_id, verify};
use crate::persistence::{PersistenceError, Result};

#[derive(Clone, Debug, Serialize)]
pub struct PruneEntry {
    pub id: String,
    pub created_at: DateTime<Utc>,
    pub reason: String,
}

/// A `.tmp-<id>` folder left by a backup that was killed (or is still running).
#[derive(Clone, Debug, Serialize)]
pub struct TmpEntry {
    /// The folder name (`.tmp-<id>`).
    pub name: String,
    /// The newest modification time of the folder and everything in it.
    pub last_write: DateTime<Utc>,
    pub reason: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct PruneReport {
    pub dry_run: bool,
    /// Deleted (or, with dry_run, would be deleted).
    pub deleted: Vec<PruneEntry>,
    pub kept: Vec<PruneEntry>,
    /// Temporary folders of killed backups, untouched for [`STALE_TMP_AGE`]: deleted (or, with
    /// dry_run, would be deleted).
    pub tmp_deleted: Vec<TmpEntry>,
    /// Temporary folders written to recently: a backup may still be running, so they stay.
    pub tmp_kept: Vec<TmpEntry>,
}

impl PruneReport {
    /// True when the report deletes (or would delete) anything.
    pub fn deletes_anything(&self) -> bool {
        !self.deleted.is_empty() || !self.tmp_deleted.is_empty()
    }
}

/// A `.tmp-<id>` folder untouched for this long belongs to a backup that was killed: `prune`
/// removes it. A running backup writes into its folder all the time (except while its BGSAVE
/// runs, which `--bgsave-timeout` limits to 10 minutes by default).
pub const STALE_TMP_AGE: Duration = Duration::from_secs(3600);

/// The newest mtime of `path` and everything below it (symlinks not followed).
fn last_write(path: &Path) -> Option<std::time::SystemTime> {
    let md = std::fs::symlink_metadata(path).ok()?;
    let mut newest = md.modified().ok()?;
    if md.is_dir() {
        if let Ok(rd) = std::fs::read_dir(path) {
            for e in rd.flatten() {
                if let Some(t) = last_write(&e.path()) {
                    newest = newest.max(t);
                }
            }
        }
    }
    Some(newest)
}

/// Deletes backups that are older than `keep_days` days AND not among the newest `keep_last`,
/// never the newest backup that verifies. Only folders named like backups are considered.
/// Also deletes the `.tmp-<id>` folders of killed backups once nothing in them has been written
/// for [`STALE_TMP_AGE`]; fresher ones may belong to a running backup and are left alone.
pub fn prune(dir: &Path, keep_days: u32, keep_last: usize, dry_run: bool) -> Result<PruneReport> {
    prune_at(dir, keep_days, keep_last, dry_run, Utc::now())
}

/// [`prune`] with an explicit "now".
pub fn prune_at(
    dir: &Path,
    keep_days: u32,
    keep_last: usize,
    dry_run: bool,
    now: DateTime<Utc>,
) -> Result<PruneReport> {
    let mut backups = Vec::new();
    let mut tmps = Vec::new();
    let rd = std::fs::read_dir(dir).map_err(|e| PersistenceError::io(dir, e))?;
    for e in rd {
        let e = e.map_err(|e| PersistenceError::io(dir, e))?;
        let name = e.file_name().to_string_lossy().into_owned();
        // Symlinks are never followed or deleted.
        let is_dir = std::fs::symlink_metadata(e.path())
            .map(|m| m.is_dir())
            .unwrap_or(false);
        if !is_dir {
            continue;
        }
        if let Some((t, _)) = parse_backup_id(&name) {
            backups.push((name, t, e.path()));
        } else if let Some((t, _)) = name.strip_prefix(".tmp-").and_then(parse_backup_id) {
            tmps.push((name, t, e.path()));
        }
    }
    backups.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| b.0.cmp(&a.0))); // newest first
                                                                       // The newest backup that verifies is always kept.
    let newest_good = backups.iter().position(|(_, _, p)| verify(p).ok);
    let max_age = chrono::Duration::days(i64::from(keep_days));
    let mut rep = PruneReport {
        dry_run,
        deleted: Vec::new(),
        kept: Vec::new(),
        tmp_deleted: Vec::new(),
        tmp_kept: Vec::new(),
    };
    let stale = chrono::Duration::from_std(STALE_TMP_AGE).unwrap_or(chrono::Duration::hours(1));
    tmps.sort();
    for (name, started, path) in tmps {
        // The id's time is when the backup started: a folder is never older than that.
        let written = last_write(&path)
            .map(DateTime::<Utc>::from)
            .map_or(started, |w| w.max(started));
        let minutes = (now - written).num_minutes();
        if now - written >= stale {
            if !dry_run {
                std::fs::remove_dir_all(&path).map_err(|e| PersistenceError::io(&path, e))?;
            }
            rep.tmp_deleted.push(TmpEntry {
                name,
                last_write: written,
                reason: format!(
                    "temporary folder of an interrupted backup, untouched for {minutes} min"
                ),
            });
        } else {
            rep.tmp_kept.push(TmpEntry {
                name,
                last_write: written,
                reason: format!(
                    "temporary folder written {minutes} min ago: a backup may be running"
                ),
            });
        }
    }
    for (i, (id, t, path)) in backups.into_iter().enumerate() {
        let mut reasons = Vec::new();
        if i < keep_last {
            reasons.push(format!("among the newest {keep_last}"));
        }
        if keep_days > 0 && now - t < max_age {
            reasons.push(format!("younger than {keep_days} day(s)"));
        }
        if Some(i) == newest_good {
            reasons.push("newest backup that verifies".to_string());
        }
        if reasons.is_empty() {
            if !dry_run {
                std::fs::remove_dir_all(&path).map_err(|e| PersistenceError::io(&path, e))?;
            }
            let why = if keep_days > 0 {
                format!("older than {keep_days} day(s) and not among the newest {keep_last}")
            } else {
                format!("not among the newest {keep_last}")
            };
            rep.deleted.push(PruneEntry {
                id,
                created_at: t,
                reason: why,
            });
        } else {
            rep.kept.push(PruneEntry {
                id,
                created_at: t,
                reason: reasons.join(", "),
            });
        }
    }
    Ok(rep)
}
