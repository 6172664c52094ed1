//! `manifest.json`: what a backup holds (files with sizes and SHA-256, versions, key counts), and backup ids.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

use chrono::{DateTime, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{BackupMethod, MANIFEST};
use crate::persistence::{PersistenceError, Result};

pub const FORMAT_VERSION: u32 = 1;

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct BackupFile {
    /// Relative path inside the backup folder (`/`-separated).
    pub name: String,
    pub size: u64,
    pub sha256: String,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct KeyCounts {
    /// From INFO keyspace when the backup started: `db0 -> keys`.
    pub per_db: BTreeMap<String, u64>,
    /// Logical backups: keys written per pattern (a key matching several counts for the first).
    #[serde(default)]
    pub per_pattern: BTreeMap<String, u64>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct BackupManifest {
    pub format_version: u32,
    pub id: String,
    pub method: BackupMethod,
    pub created_at: DateTime<Utc>,
    pub finished_at: DateTime<Utc>,
    /// `host:port/db` (never a password).
    pub source: String,
    pub redis_version: String,
    pub rdb_version: Option<u32>,
    pub files: Vec<BackupFile>,
    pub key_counts: KeyCounts,
    pub aof_enabled: bool,
    /// Logical backups: the key patterns covered.
    #[serde(default)]
    pub patterns: Vec<String>,
}

pub(crate) fn write_manifest(folder: &Path, m: &BackupManifest) -> Result<()> {
    let path = folder.join(MANIFEST);
    let json = serde_json::to_vec_pretty(m).map_err(|e| PersistenceError::Json {
        path: path.clone(),
        source: e,
    })?;
    let mut f = crate::persistence::create_private_file(&path)?;
    f.write_all(&json)
        .map_err(|e| PersistenceError::io(&path, e))?;
    f.sync_all().map_err(|e| PersistenceError::io(&path, e))
}

/// Reads `manifest.json` of a backup folder.
pub fn read_manifest(folder: &Path) -> Result<BackupManifest> {
    let path = folder.join(MANIFEST);
    let bytes = std::fs::read(&path).map_err(|e| PersistenceError::io(&path, e))?;
    serde_json::from_slice(&bytes).map_err(|e| PersistenceError::Json { path, source: e })
}

/// True for names `yyyymmddThhmmssZ-<method>[-n]` that this module creates.
pub fn parse_backup_id(name: &str) -> Option<(DateTime<Utc>, BackupMethod)> {
    let (ts, rest) = name.split_at_checked(16)?;
    let t = NaiveDateTime::parse_from_str(ts, "%Y%m%dT%H%M%SZ")
        .ok()?
        .and_utc();
    let rest = rest.strip_prefix('-')?;
    let (m, suffix) = match rest.split_once('-') {
        Some((m, s)) => (m, Some(s)),
        None => (rest, None),
    };
    if let Some(s) = suffix {
        if s.is_empty() || !s.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
    }
    let method = match m {
        "file" => BackupMethod::File,
        "replication" => BackupMethod::Replication,
        "logical" => BackupMethod::Logical,
        _ => return None,
    };
    Some((t, method))
}

/// A unique id `<UTC yyyymmddThhmmssZ>-<method>` not yet used in `dir`.
pub(crate) fn new_id(dir: &Path, at: DateTime<Utc>, method: BackupMethod) -> String {
    let base = format!(
        "{}-{}",
        crate::persistence::compact_utc(at),
        method.as_str()
    );
    let mut id = base.clone();
    let mut n = 2;
    while dir.join(&id).exists() || dir.join(format!(".tmp-{id}")).exists() {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

/// True for a relative path of plain components (no `..`, no root, not empty).
pub(crate) fn safe_relative(name: &str) -> bool {
    let p = Path::new(name);
    !name.is_empty()
        && p.is_relative()
        && p.components()
            .all(|c| matches!(c, std::path::Component::Normal(_)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backup_ids() {
        let (t, m) = parse_backup_id("20260102T030405Z-file").unwrap();
        assert_eq!(t.to_rfc3339(), "2026-01-02T03:04:05+00:00");
        assert_eq!(m, BackupMethod::File);
        assert!(parse_backup_id("20260102T030405Z-logical-2").is_some());
        assert!(parse_backup_id("20260102T030405Z-other").is_none());
        assert!(parse_backup_id("x0260102T030405Z-file").is_none());
        assert!(parse_backup_id("20260102T030405Z-file-").is_none());
        assert!(parse_backup_id("short").is_none());
    }
}
