//! `backup prune`: retention by age and count, never the newest backup that verifies, and the
//! temporary folders that killed backups leave behind.

use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::Serialize;

use super::{parse_backup_id, verify};
use crate::persistence::{PersistenceError, Result};

/// What happens to one folder.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PruneAction {
    /// Deleted (or, in a dry run, would be).
    Delete,
    Keep,
}

/// Which kind of folder it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PruneKind {
    /// A backup folder.
    Backup,
    /// The `.tmp-<id>` folder of a backup that was killed (or is still running).
    Temporary,
}

/// One folder prune looked at.
#[derive(Clone, Debug, Serialize)]
pub struct PruneEntry {
    /// The folder name (a backup id, or `.tmp-<id>`).
    pub id: String,
    pub kind: PruneKind,
    pub action: PruneAction,
    /// When the backup started (from its id); Unix ms, RFC 3339 in JSON.
    #[serde(with = "crate::output::rfc3339")]
    pub created_at: i64,
    /// Temporary folders: the newest write to it or anything in it; null for backups.
    #[serde(with = "crate::output::rfc3339::option")]
    pub last_write_at: Option<i64>,
    pub reason: String,
}

/// What prune did (or, with `dry_run`, would do): every folder it looked at, deleted or kept.
#[derive(Clone, Debug, Serialize)]
pub struct PruneReport {
    pub dry_run: bool,
    /// Backups newest first, then temporary folders.
    pub items: Vec<PruneEntry>,
    /// Always null: prune looks at the whole directory.
    pub next: Option<String>,
}

impl PruneReport {
    /// True when the report deletes (or would delete) anything.
    pub fn deletes_anything(&self) -> bool {
        self.items.iter().any(|e| e.action == PruneAction::Delete)
    }

    /// The names of the folders of one kind with one action.
    pub fn ids(&self, kind: PruneKind, action: PruneAction) -> Vec<String> {
        self.items
            .iter()
            .filter(|e| e.kind == kind && e.action == action)
            .map(|e| e.id.clone())
            .collect()
    }
}

/// A `.tmp-<id>` folder untouched for this long belongs to a backup that was killed: `prune`
/// removes it. A running backup writes into its folder all the time (except while its BGSAVE
/// runs, which `--bgsave-timeout` limits to 10 minutes by default).
pub const STALE_TMP_AGE: Duration = Duration::from_secs(3600);

const DAY_MS: i64 = 86_400_000;

/// The newest mtime of `path` and everything below it (symlinks not followed), Unix ms.
fn last_write(path: &Path) -> Option<i64> {
    let md = std::fs::symlink_metadata(path).ok()?;
    let mut newest = chrono::DateTime::<chrono::Utc>::from(md.modified().ok()?).timestamp_millis();
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
    prune_at(dir, keep_days, keep_last, dry_run, crate::model::now_ms())
}

/// A folder prune considers: name, time from its id (Unix ms), path.
type Candidate = (String, i64, PathBuf);

/// The backup folders and the backups' temporary folders of `dir` (real folders only: a link
/// is never followed or deleted).
fn candidates(dir: &Path) -> Result<(Vec<Candidate>, Vec<Candidate>)> {
    let mut backups = Vec::new();
    let mut tmps = Vec::new();
    let rd = std::fs::read_dir(dir).map_err(|e| PersistenceError::io(dir, e))?;
    for e in rd {
        let e = e.map_err(|e| PersistenceError::io(dir, e))?;
        let name = e.file_name().to_string_lossy().into_owned();
        if !e.file_type().is_ok_and(|t| t.is_dir()) {
            continue;
        }
        if let Some((t, _)) = parse_backup_id(&name) {
            backups.push((name, t, e.path()));
        } else if let Some((t, _)) = name.strip_prefix(".tmp-").and_then(parse_backup_id) {
            tmps.push((name, t, e.path()));
        }
    }
    backups.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| b.0.cmp(&a.0))); // newest first
    tmps.sort();
    Ok((backups, tmps))
}

fn remove(path: &Path, dry_run: bool) -> Result<()> {
    if dry_run {
        return Ok(());
    }
    std::fs::remove_dir_all(path).map_err(|e| PersistenceError::io(path, e))
}

/// [`prune`] with an explicit "now" (Unix ms).
pub fn prune_at(
    dir: &Path,
    keep_days: u32,
    keep_last: usize,
    dry_run: bool,
    now_ms: i64,
) -> Result<PruneReport> {
    let (backups, tmps) = candidates(dir)?;
    // The newest backup that verifies is always kept.
    let newest_good = backups.iter().position(|(_, _, p)| verify(p).ok);
    let mut items = Vec::new();
    for (i, (id, t, path)) in backups.into_iter().enumerate() {
        let mut reasons = Vec::new();
        if i < keep_last {
            reasons.push(format!("among the newest {keep_last}"));
        }
        if keep_days > 0 && now_ms - t < i64::from(keep_days) * DAY_MS {
            reasons.push(format!("younger than {keep_days} day(s)"));
        }
        if Some(i) == newest_good {
            reasons.push("newest backup that verifies".to_string());
        }
        let action = if reasons.is_empty() {
            remove(&path, dry_run)?;
            reasons.push(if keep_days > 0 {
                format!("older than {keep_days} day(s) and not among the newest {keep_last}")
            } else {
                format!("not among the newest {keep_last}")
            });
            PruneAction::Delete
        } else {
            PruneAction::Keep
        };
        items.push(PruneEntry {
            id,
            kind: PruneKind::Backup,
            action,
            created_at: t,
            last_write_at: None,
            reason: reasons.join(", "),
        });
    }
    for (name, started, path) in tmps {
        items.push(prune_tmp(name, started, &path, dry_run, now_ms)?);
    }
    Ok(PruneReport {
        dry_run,
        items,
        next: None,
    })
}

/// Deletes a temporary folder once nothing in it was written for [`STALE_TMP_AGE`].
fn prune_tmp(
    name: String,
    started: i64,
    path: &Path,
    dry_run: bool,
    now_ms: i64,
) -> Result<PruneEntry> {
    // The id's time is when the backup started: a folder is never older than that.
    let written = last_write(path).map_or(started, |w| w.max(started));
    let minutes = (now_ms - written) / 60_000;
    let stale = now_ms - written >= STALE_TMP_AGE.as_millis() as i64;
    let (action, reason) = if stale {
        remove(path, dry_run)?;
        (
            PruneAction::Delete,
            format!("temporary folder of an interrupted backup, untouched for {minutes} min"),
        )
    } else {
        (
            PruneAction::Keep,
            format!("temporary folder written {minutes} min ago: a backup may be running"),
        )
    };
    Ok(PruneEntry {
        id: name,
        kind: PruneKind::Temporary,
        action,
        created_at: started,
        last_write_at: Some(written),
        reason,
    })
}
