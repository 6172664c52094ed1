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
    tmps.sort();
    Ok((backups, tmps))
}

fn remove(path: &Path, dry_run: bool) -> Result<()> {
    if dry_run {
        return Ok(());
    }
    std::fs::remove_dir_all(path).map_err(|e| PersistenceError::io(path, e))
}

/// The retention rule of `backup prune`, the same for every location (a folder here, a folder
/// copy, object storage): a backup is deleted when it is older than `keep_days` days (0: age
/// protects nothing) AND not among the newest `keep_last`; the newest backup that is good (verifies
/// here, complete in object storage) is always kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Retention {
    pub keep_days: u32,
    pub keep_last: usize,
}

/// One backup with the retention rule's verdict on it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decided<T> {
    pub id: String,
    /// From the id, Unix ms.
    pub created_at: i64,
    pub action: PruneAction,
    pub reason: String,
    /// What the caller attached to the backup (its path, its objects, ...).
    pub item: T,
}

/// The order of backups of one second: the `-N` suffix `new_id` adds for the second, third, ...
/// backup of that second (none: the first).
fn sequence(id: &str) -> u64 {
    id.get(17..)
        .and_then(|rest| rest.split_once('-'))
        .map_or(1, |(_, n)| n.parse().unwrap_or(u64::MAX))
}

impl Retention {
    /// Decides every backup of `backups` (`(id, created_at, item)`), returned newest first: by
    /// time, then by the id's `-N` suffix, then by id, so that ties give the same answer
    /// whatever the listing order. `is_good` is asked newest first until it says yes (it may be
    /// slow: a local backup is verified); `good_reason` says why that one is kept.
    pub fn decide<T>(
        &self,
        mut backups: Vec<(String, i64, T)>,
        mut is_good: impl FnMut(&T) -> bool,
        good_reason: &str,
        now_ms: i64,
    ) -> Vec<Decided<T>> {
        backups.sort_by(|a, b| {
            (b.1, sequence(&b.0))
                .cmp(&(a.1, sequence(&a.0)))
                .then_with(|| b.0.cmp(&a.0))
        });
        let newest_good = backups.iter().position(|b| is_good(&b.2));
        let max_age_ms = i64::from(self.keep_days).saturating_mul(DAY_MS);
        let (keep_days, keep_last) = (self.keep_days, self.keep_last);
        backups
            .into_iter()
            .enumerate()
            .map(|(i, (id, created_at, item))| {
                let mut reasons = Vec::new();
                if i < keep_last {
                    reasons.push(format!("among the newest {keep_last}"));
                }
                if keep_days > 0 && now_ms.saturating_sub(created_at) < max_age_ms {
                    reasons.push(format!("younger than {keep_days} day(s)"));
                }
                if Some(i) == newest_good {
                    reasons.push(good_reason.to_string());
                }
                let action = if reasons.is_empty() {
                    reasons.push(if keep_days > 0 {
                        format!(
                            "older than {keep_days} day(s) and not among the newest {keep_last}"
                        )
                    } else {
                        format!("not among the newest {keep_last}")
                    });
                    PruneAction::Delete
                } else {
                    PruneAction::Keep
                };
                Decided {
                    id,
                    created_at,
                    action,
                    reason: reasons.join(", "),
                    item,
                }
            })
            .collect()
    }
}

/// What an unfinished backup is called in prune's reasons.
pub(crate) struct Unfinished<'a> {
    /// Once stale: "temporary folder of an interrupted backup".
    pub interrupted: &'a str,
    /// While fresh: "temporary folder".
    pub unfinished: &'a str,
}

/// The verdict on an unfinished backup (a `.tmp-<id>` folder, a copy without a manifest) started
/// at `started` and last written at `written`: deleted once untouched for [`STALE_TMP_AGE`] at
/// `now_ms`, kept before (a backup may still be writing it). The caller deletes it.
pub(crate) fn unfinished_entry(
    id: String,
    started: i64,
    written: i64,
    now_ms: i64,
    words: Unfinished<'_>,
) -> PruneEntry {
    // The id's time is when the backup started: nothing in it is older than that.
    let written = written.max(started);
    let age = now_ms.saturating_sub(written);
    let minutes = age / 60_000;
    let (action, reason) = if age >= STALE_TMP_AGE.as_millis() as i64 {
        (
            PruneAction::Delete,
            format!("{}, untouched for {minutes} min", words.interrupted),
        )
    } else {
        (
            PruneAction::Keep,
            format!(
                "{} written {minutes} min ago: a backup may be running",
                words.unfinished
            ),
        )
    };
    PruneEntry {
        id,
        kind: PruneKind::Temporary,
        action,
        created_at: started,
        last_write_at: Some(written),
        reason,
    }
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
    let rule = Retention {
        keep_days,
        keep_last,
    };
    let decided = rule.decide(
        backups,
        |path| verify(path).ok,
        "newest backup that verifies",
        now_ms,
    );
    let mut items = Vec::new();
    for d in decided {
        if d.action == PruneAction::Delete {
            remove(&d.item, dry_run)?;
        }
        items.push(PruneEntry {
            id: d.id,
            kind: PruneKind::Backup,
            action: d.action,
            created_at: d.created_at,
            last_write_at: None,
            reason: d.reason,
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
    let written = last_write(path).unwrap_or(started);
    let words = Unfinished {
        interrupted: "temporary folder of an interrupted backup",
        unfinished: "temporary folder",
    };
    let entry = unfinished_entry(name, started, written, now_ms, words);
    if entry.action == PruneAction::Delete {
        remove(path, dry_run)?;
    }
    Ok(entry)
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: i64 = 1_800_000_000_000;

    /// A backup `days` days old (ids carry seconds, so the time is rounded to one).
    fn aged(days: i64, suffix: &str, good: bool) -> (String, i64, bool) {
        let t = (NOW - days * DAY_MS) / 1000 * 1000;
        let at = chrono::DateTime::from_timestamp_millis(t).unwrap();
        let id = format!("{}-file{suffix}", crate::persistence::compact_utc(at));
        assert_eq!(parse_backup_id(&id).map(|p| p.0), Some(t), "{id}");
        (id, t, good)
    }

    fn kept(rule: Retention, backups: Vec<(String, i64, bool)>) -> Vec<String> {
        rule.decide(backups, |good| *good, "newest good", NOW)
            .into_iter()
            .filter(|d| d.action == PruneAction::Keep)
            .map(|d| d.id)
            .collect()
    }

    fn rule(keep_days: u32, keep_last: usize) -> Retention {
        Retention {
            keep_days,
            keep_last,
        }
    }

    #[test]
    fn keep_last_zero_and_no_age_keeps_only_the_newest_good_backup() {
        let b = vec![aged(1, "", false), aged(2, "", true), aged(3, "", true)];
        let decided = rule(0, 0).decide(b.clone(), |g| *g, "newest good", NOW);
        assert_eq!(decided.len(), 3);
        assert_eq!(kept(rule(0, 0), b.clone()), vec![b[1].0.clone()]);
        assert_eq!(decided[0].reason, "not among the newest 0");
        assert_eq!(decided[1].reason, "newest good");
        // None is good: nothing is promised, everything goes.
        let bad: Vec<_> = b.into_iter().map(|(i, t, _)| (i, t, false)).collect();
        assert!(kept(rule(0, 0), bad).is_empty());
    }

    #[test]
    fn newest_good_backup_is_kept_however_old() {
        let b = vec![aged(40, "", false), aged(50, "", true), aged(60, "", true)];
        assert_eq!(
            kept(rule(7, 1), b.clone()),
            vec![b[0].0.clone(), b[1].0.clone()]
        );
    }

    #[test]
    fn a_backup_is_deleted_only_when_old_and_beyond_keep_last() {
        let b: Vec<_> = [0, 1, 2, 6, 7, 8, 30]
            .iter()
            .map(|d| aged(*d, "", true))
            .collect();
        // keep-days 7 keeps 0..6 (7 is exactly 7 days old: not younger); keep-last 2 adds nothing.
        let ids = |ix: &[usize]| ix.iter().map(|i| b[*i].0.clone()).collect::<Vec<_>>();
        assert_eq!(kept(rule(7, 2), b.clone()), ids(&[0, 1, 2, 3]));
        // keep-last 6 keeps the six newest although 7 and 8 days are old.
        assert_eq!(kept(rule(7, 6), b.clone()), ids(&[0, 1, 2, 3, 4, 5]));
        // keep-days 0: only the count counts.
        assert_eq!(kept(rule(0, 3), b.clone()), ids(&[0, 1, 2]));
        // keep-last 0: only the age (and the newest good one, which is young anyway).
        assert_eq!(kept(rule(2, 0), b.clone()), ids(&[0, 1]));
        let decided = rule(7, 2).decide(b, |g| *g, "newest good", NOW);
        assert_eq!(
            decided[4].reason,
            "older than 7 day(s) and not among the newest 2"
        );
        assert_eq!(
            decided[0].reason,
            "among the newest 2, younger than 7 day(s), newest good"
        );
    }

    #[test]
    fn ties_on_time_are_ordered_by_the_ids_sequence_whatever_the_listing_order() {
        let first = aged(10, "", true);
        let second = aged(10, "-2", true);
        let tenth = aged(10, "-10", true);
        let older = aged(11, "", true);
        let forwards = vec![first.clone(), second.clone(), tenth.clone(), older.clone()];
        let mut backwards = forwards.clone();
        backwards.reverse();
        for listing in [forwards, backwards] {
            let decided = rule(1, 2).decide(listing, |g| *g, "newest good", NOW);
            let order: Vec<_> = decided.iter().map(|d| d.id.as_str()).collect();
            // "-10" sorts before "-2" as text; as a sequence it is the newest of that second.
            assert_eq!(order, [&tenth.0, &second.0, &first.0, &older.0]);
            let kept: Vec<_> = decided
                .iter()
                .filter(|d| d.action == PruneAction::Keep)
                .map(|d| d.id.as_str())
                .collect();
            assert_eq!(kept, [&tenth.0, &second.0]);
        }
    }

    #[test]
    fn the_good_check_stops_at_the_newest_good_backup() {
        let b = vec![aged(1, "", false), aged(2, "", true), aged(3, "", true)];
        let mut asked = 0;
        rule(0, 0).decide(
            b,
            |g| {
                asked += 1;
                *g
            },
            "newest good",
            NOW,
        );
        assert_eq!(asked, 2, "a local backup is verified only as far as needed");
    }

    #[test]
    fn times_far_from_now_neither_overflow_nor_protect_wrongly() {
        let future = ("99991231T235959Z-file".to_string(), i64::MAX, false);
        let past = ("00010101T000000Z-file".to_string(), i64::MIN, false);
        let decided = rule(u32::MAX, 0).decide(vec![future, past], |g| *g, "newest good", NOW);
        assert_eq!(decided[0].action, PruneAction::Keep);
        assert_eq!(decided[1].action, PruneAction::Delete);
    }

    #[test]
    fn unfinished_backups_go_stale_after_an_hour() {
        let hour = STALE_TMP_AGE.as_millis() as i64;
        let words = || Unfinished {
            interrupted: "gone",
            unfinished: "busy",
        };
        let fresh = unfinished_entry("t".into(), 0, NOW - hour + 1, NOW, words());
        assert_eq!(fresh.action, PruneAction::Keep);
        assert_eq!(
            fresh.reason,
            "busy written 59 min ago: a backup may be running"
        );
        let stale = unfinished_entry("t".into(), 0, NOW - hour, NOW, words());
        assert_eq!(
            (stale.action, stale.reason.as_str()),
            (PruneAction::Delete, "gone, untouched for 60 min")
        );
        // Written "before" it started (a clock set back): its start counts.
        let started = NOW - 10 * 60_000;
        let skewed = unfinished_entry("t".into(), started, i64::MIN, NOW, words());
        assert_eq!(
            (skewed.action, skewed.last_write_at),
            (PruneAction::Keep, Some(started))
        );
    }
}
