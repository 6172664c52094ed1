//! Agent log files (`<log-dir>/<run>.log`) follow the cell's retention window: the agent stamps a log's modification time when its sandbox ends, and a sweep deletes every log not in use whose stamp is older than the window (the logs of runs finished longer ago, and orphans of runs this agent no longer knows).
//!
//! The stamp makes the rule exact for finished runs (a run quiet for hours before it ended still
//! keeps its log for the whole window after it ended) and needs no lookup in the store per file.
//! A run with its own `ttlAfterFinished` keeps its log for the cell's window all the same.

use std::collections::HashSet;
use std::path::Path;
use std::time::{Duration, SystemTime};

/// How often an agent sweeps its log folder (at most; a short window sweeps more often).
pub const SWEEP_EVERY: Duration = Duration::from_secs(60);

/// The time between sweeps for a window: a quarter of it, between 1 s and [`SWEEP_EVERY`].
pub fn sweep_interval(window: Duration) -> Duration {
    (window / 4).clamp(Duration::from_secs(1), SWEEP_EVERY)
}

/// Stamps a log as "its sandbox ended now" (its modification time); a missing log is fine.
pub fn stamp_finished(log: &Path) {
    if let Ok(file) = std::fs::OpenOptions::new().append(true).open(log) {
        let _ = file.set_modified(SystemTime::now());
    }
}

/// What a sweep did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Sweep {
    pub deleted: u64,
    pub kept: u64,
}

/// Deletes the `*.log` files of `dir` older than `window` whose run is not in `active`. Only
/// regular files are touched (a symlink is never followed or removed).
pub fn sweep(dir: &Path, window: Duration, active: &HashSet<String>) -> std::io::Result<Sweep> {
    let mut done = Sweep::default();
    let cutoff = SystemTime::now()
        .checked_sub(window)
        .unwrap_or(SystemTime::UNIX_EPOCH);
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name();
        let Some(run) = name.to_str().and_then(|n| n.strip_suffix(".log")) else {
            continue;
        };
        let Ok(meta) = std::fs::symlink_metadata(entry.path()) else {
            continue;
        };
        if !meta.is_file() {
            continue;
        }
        let old = meta.modified().is_ok_and(|m| m < cutoff);
        if old && !active.contains(run) {
            match std::fs::remove_file(entry.path()) {
                Ok(()) => done.deleted += 1,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(e),
            }
        } else {
            done.kept += 1;
        }
    }
    Ok(done)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn age(path: &Path, by: Duration) {
        let f = std::fs::OpenOptions::new().append(true).open(path).unwrap();
        f.set_modified(SystemTime::now() - by).unwrap();
    }

    #[test]
    fn deletes_old_logs_except_active_runs_and_other_files() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        for name in ["old.log", "active.log", "fresh.log", "notes.txt"] {
            std::fs::write(d.join(name), "x").unwrap();
        }
        for name in ["old.log", "active.log", "notes.txt"] {
            age(&d.join(name), Duration::from_secs(7200));
        }
        std::os::unix::fs::symlink(d.join("notes.txt"), d.join("link.log")).unwrap();
        let active = HashSet::from(["active".to_string()]);
        let done = sweep(d, Duration::from_secs(3600), &active).unwrap();
        assert_eq!(done.deleted, 1);
        assert!(!d.join("old.log").exists());
        for kept in ["active.log", "fresh.log", "notes.txt", "link.log"] {
            assert!(d.join(kept).symlink_metadata().is_ok(), "{kept}");
        }
        // A finished run's log is stamped when it ends, whatever its last write.
        age(&d.join("active.log"), Duration::from_secs(7200));
        stamp_finished(&d.join("active.log"));
        assert_eq!(
            sweep(d, Duration::from_secs(3600), &HashSet::new())
                .unwrap()
                .deleted,
            0
        );
    }

    #[test]
    fn intervals_follow_the_window() {
        assert_eq!(
            sweep_interval(Duration::from_secs(2)),
            Duration::from_secs(1)
        );
        assert_eq!(
            sweep_interval(Duration::from_secs(20)),
            Duration::from_secs(5)
        );
        assert_eq!(sweep_interval(Duration::from_secs(86_400)), SWEEP_EVERY);
    }
}
