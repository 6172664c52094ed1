//! `manifest.json`: what a backup holds (files with sizes and SHA-256, versions, key counts), and backup ids.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use super::{BackupMethod, MANIFEST};
use crate::persistence::files::{open_beneath, read_bounded};
use crate::persistence::{PersistenceError, Result};

/// The format of a backup of one server.
pub const FORMAT_VERSION: u32 = 1;

/// The format of a Redis Cluster backup (one RDB per master under one manifest): older
/// tartarus versions refuse it instead of restoring a part of it.
pub const CLUSTER_FORMAT_VERSION: u32 = 2;

/// Slots of a Redis Cluster.
pub const CLUSTER_SLOTS: u32 = 16384;

/// The largest `manifest.json` read: a real one is a few KiB.
pub const MAX_MANIFEST_BYTES: u64 = 4 << 20;

/// The most files a manifest may list (a Redis 7 AOF directory has a handful).
pub const MAX_FILES: usize = 10_000;

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct BackupFile {
    /// Relative path inside the backup folder (`/`-separated).
    pub name: String,
    /// Manifests written before the JSON unit rule call it `size`.
    #[serde(alias = "size")]
    pub size_bytes: u64,
    pub sha256: String,
}

/// One master of a Redis Cluster backup: where its RDB came from and the slots it held.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct MasterBackup {
    /// The master's node id (`CLUSTER NODES`); its files are under `<node_id>/`.
    pub node_id: String,
    /// The master's `host:port` when the backup was taken.
    pub address: String,
    /// The slot ranges it held, inclusive (`[[0, 5460]]`).
    pub slots: Vec<[u16; 2]>,
    /// The node the RDB was taken from: the master, or one of its replicas (`--from-replica`).
    pub taken_from: String,
    /// Its RDB (`<node_id>/dump.rdb`), with the size and SHA-256 `files` lists too.
    pub rdb: BackupFile,
    pub redis_version: String,
    pub rdb_version: Option<u32>,
    /// Keys in its database when the backup started (INFO keyspace).
    pub keys: u64,
}

impl MasterBackup {
    /// Its slot ranges, sorted, with adjacent ranges merged (to compare slot maps).
    pub fn slot_ranges(&self) -> Vec<(u16, u16)> {
        normalize_slots(self.slots.iter().map(|[a, b]| (*a, *b)))
    }
}

/// Slot ranges sorted, adjacent or overlapping ones merged.
pub fn normalize_slots(ranges: impl IntoIterator<Item = (u16, u16)>) -> Vec<(u16, u16)> {
    let mut v: Vec<(u16, u16)> = ranges.into_iter().collect();
    v.sort_unstable();
    let mut out: Vec<(u16, u16)> = Vec::with_capacity(v.len());
    for (a, b) in v {
        match out.last_mut() {
            Some(last) if u32::from(a) <= u32::from(last.1) + 1 => last.1 = last.1.max(b),
            _ => out.push((a, b)),
        }
    }
    out
}

/// Slot ranges as people read them: `0-5460,5461-10922`.
pub fn describe_slots(ranges: &[(u16, u16)]) -> String {
    ranges
        .iter()
        .map(|(a, b)| {
            if a == b {
                a.to_string()
            } else {
                format!("{a}-{b}")
            }
        })
        .collect::<Vec<_>>()
        .join(",")
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
    /// Unix milliseconds; RFC 3339 UTC with milliseconds in JSON (older manifests: nanoseconds).
    #[serde(with = "crate::output::rfc3339")]
    pub created_at: i64,
    #[serde(with = "crate::output::rfc3339")]
    pub finished_at: i64,
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
    /// A Redis Cluster backup: each master with its files and slots (empty for one server).
    #[serde(default)]
    pub masters: Vec<MasterBackup>,
}

impl BackupManifest {
    /// Keys a logical backup holds (the sum of the per-pattern counts; saturating, as the counts
    /// come from a file).
    pub fn total_keys(&self) -> u64 {
        self.key_counts
            .per_pattern
            .values()
            .fold(0u64, |a, n| a.saturating_add(*n))
    }

    /// The size of every file it lists, together (saturating).
    pub fn total_bytes(&self) -> u64 {
        self.files
            .iter()
            .fold(0u64, |a, f| a.saturating_add(f.size_bytes))
    }

    /// Checks what the rest of the code trusts: a known format, a bounded list of files, each
    /// named by a plain relative path inside the backup, none twice.
    fn validate(&self) -> std::result::Result<(), String> {
        if self.format_version > CLUSTER_FORMAT_VERSION {
            return Err(format!(
                "format {} is newer than this tartarus reads ({CLUSTER_FORMAT_VERSION})",
                self.format_version
            ));
        }
        if self.files.is_empty() {
            return Err("lists no files".into());
        }
        if self.files.len() > MAX_FILES {
            return Err(format!("lists more than {MAX_FILES} files"));
        }
        let mut names = std::collections::HashSet::new();
        for f in &self.files {
            if !safe_relative(&f.name) {
                return Err(format!(
                    "file name {:?} is not a plain relative path inside the backup",
                    f.name
                ));
            }
            if !names.insert(f.name.as_str()) {
                return Err(format!("lists {:?} twice", f.name));
            }
        }
        self.validate_masters()
    }

    /// True for a Redis Cluster backup.
    pub fn is_cluster(&self) -> bool {
        !self.masters.is_empty()
    }

    /// How many masters a Redis Cluster backup holds; None for one server.
    pub fn master_count(&self) -> Option<usize> {
        self.is_cluster().then_some(self.masters.len())
    }

    /// A cluster backup's masters: plain node ids, each RDB listed in `files` as it is here,
    /// every file inside one master's folder, slot ranges inside the cluster's and held once.
    fn validate_masters(&self) -> std::result::Result<(), String> {
        let cluster_format = self.format_version >= CLUSTER_FORMAT_VERSION;
        if cluster_format != self.is_cluster() {
            return Err(format!(
                "format {} with {} master(s): a Redis Cluster backup is format {CLUSTER_FORMAT_VERSION} and lists its masters",
                self.format_version,
                self.masters.len()
            ));
        }
        if !self.is_cluster() {
            return Ok(());
        }
        let mut ids = std::collections::HashSet::new();
        let mut held: Vec<(u16, u16)> = Vec::new();
        for m in &self.masters {
            let id = &m.node_id;
            if id.is_empty() || id.len() > 64 || !id.bytes().all(|b| b.is_ascii_alphanumeric()) {
                return Err(format!("node id {id:?} is not a plain name"));
            }
            if !ids.insert(id.as_str()) {
                return Err(format!("lists master {id} twice"));
            }
            if m.rdb.name != format!("{id}/{}", super::RDB_FILE) || !self.files.contains(&m.rdb) {
                return Err(format!(
                    "master {id}: its RDB {:?} is not {id}/{} as listed in files",
                    m.rdb.name,
                    super::RDB_FILE
                ));
            }
            if m.slots.is_empty() {
                return Err(format!("master {id} holds no slots"));
            }
            for [a, b] in &m.slots {
                if a > b || u32::from(*b) >= CLUSTER_SLOTS {
                    return Err(format!("master {id}: slot range {a}-{b} is not valid"));
                }
                held.push((*a, *b));
            }
        }
        held.sort_unstable();
        if held.windows(2).any(|w| w[1].0 <= w[0].1) {
            return Err("two masters hold the same slot".into());
        }
        if let Some(f) = self.files.iter().find(|f| {
            !f.name
                .split_once('/')
                .is_some_and(|(dir, _)| ids.contains(dir))
        }) {
            return Err(format!("file {:?} belongs to no master", f.name));
        }
        Ok(())
    }

    /// The master of a cluster backup named by its node id (or a unique prefix of it) or its
    /// address at backup time.
    pub fn master(&self, which: &str) -> Option<&MasterBackup> {
        if let Some(m) = self
            .masters
            .iter()
            .find(|m| m.node_id == which || m.address == which)
        {
            return Some(m);
        }
        let mut prefixed = self
            .masters
            .iter()
            .filter(|m| which.len() >= 6 && m.node_id.starts_with(which));
        match (prefixed.next(), prefixed.next()) {
            (Some(m), None) => Some(m),
            _ => None,
        }
    }
}

pub(crate) fn write_manifest(folder: &Path, m: &BackupManifest) -> Result<()> {
    let path = folder.join(MANIFEST);
    let json = serde_json::to_vec_pretty(m).map_err(|e| PersistenceError::Json {
        path: path.clone(),
        error: e,
    })?;
    let mut f = crate::persistence::create_private_file(&path)?;
    f.write_all(&json)
        .map_err(|e| PersistenceError::io(&path, e))?;
    f.sync_all().map_err(|e| PersistenceError::io(&path, e))
}

/// Reads and checks `manifest.json` of a backup folder: no link followed (neither the folder
/// nor the file), at most [`MAX_MANIFEST_BYTES`], every file name inside the backup.
pub fn read_manifest(folder: &Path) -> Result<BackupManifest> {
    let path = folder.join(MANIFEST);
    let f = open_beneath(folder, MANIFEST).map_err(|e| PersistenceError::io(&path, e))?;
    let bytes = read_bounded(f, MAX_MANIFEST_BYTES, &path)?;
    parse_manifest(&bytes, &path)
}

/// Parses and checks the bytes of a `manifest.json` (read from a folder or fetched from object
/// storage; `path` names it in errors): at most [`MAX_MANIFEST_BYTES`], every file name inside
/// the backup.
pub fn parse_manifest(bytes: &[u8], path: &Path) -> Result<BackupManifest> {
    if bytes.len() as u64 > MAX_MANIFEST_BYTES {
        return Err(PersistenceError::invalid(
            path.display().to_string(),
            format!("larger than the {MAX_MANIFEST_BYTES}-byte limit for this file"),
        ));
    }
    let m: BackupManifest = serde_json::from_slice(bytes).map_err(|e| PersistenceError::Json {
        path: path.to_path_buf(),
        error: e,
    })?;
    m.validate()
        .map_err(|detail| PersistenceError::invalid(path.display().to_string(), detail))?;
    Ok(m)
}

/// For names `yyyymmddThhmmssZ-<method>[-n]` that this module creates: the time (Unix ms) and method.
pub fn parse_backup_id(name: &str) -> Option<(i64, BackupMethod)> {
    let (ts, rest) = name.split_at_checked(16)?;
    let t = NaiveDateTime::parse_from_str(ts, "%Y%m%dT%H%M%SZ")
        .ok()?
        .and_utc()
        .timestamp_millis();
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
pub(crate) fn new_id(
    dir: &Path,
    at: chrono::DateTime<chrono::Utc>,
    method: BackupMethod,
) -> String {
    let base = format!(
        "{}-{}",
        crate::persistence::compact_utc(at),
        method.as_str()
    );
    let mut id = base.clone();
    let mut n = 2;
    let taken = |name: &str| std::fs::symlink_metadata(dir.join(name)).is_ok();
    while taken(&id) || taken(&format!(".tmp-{id}")) {
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
        assert_eq!(crate::output::timestamp(t), "2026-01-02T03:04:05.000Z");
        assert_eq!(m, BackupMethod::File);
        assert!(parse_backup_id("20260102T030405Z-logical-2").is_some());
        assert!(parse_backup_id("20260102T030405Z-other").is_none());
        assert!(parse_backup_id("x0260102T030405Z-file").is_none());
        assert!(parse_backup_id("20260102T030405Z-file-").is_none());
        assert!(parse_backup_id("short").is_none());
    }

    fn manifest(files: serde_json::Value) -> serde_json::Value {
        serde_json::json!({
            "format_version": 1, "id": "x", "method": "logical",
            "created_at": "2026-01-02T03:04:05.123456789Z", "finished_at": 1767323045123i64,
            "source": "h:1/0", "redis_version": "7", "rdb_version": null,
            "files": files, "key_counts": {"per_db": {}, "per_pattern": {"a": u64::MAX, "b": 5}},
            "aof_enabled": false
        })
    }

    #[test]
    fn manifests_are_checked_and_old_ones_still_read() {
        let d = tempfile::tempdir().unwrap();
        let write = |v: serde_json::Value| {
            std::fs::write(d.path().join(MANIFEST), v.to_string()).unwrap();
        };
        // The older spelling (`size`, nanoseconds) reads; sums saturate instead of overflowing.
        write(manifest(serde_json::json!([
            {"name": "keys.resp", "size": u64::MAX, "sha256": "x"},
            {"name": "b", "size": 5, "sha256": "x"}
        ])));
        let m = read_manifest(d.path()).unwrap();
        assert_eq!(m.files[0].size_bytes, u64::MAX);
        assert_eq!(m.created_at, 1767323045123);
        assert_eq!((m.total_keys(), m.total_bytes()), (u64::MAX, u64::MAX));
        let json = serde_json::to_value(&m).unwrap();
        assert_eq!(json["created_at"], "2026-01-02T03:04:05.123Z");
        assert_eq!(json["files"][0]["size_bytes"], u64::MAX);
        for (files, want) in [
            (
                serde_json::json!([{"name": "../x", "size": 1, "sha256": "x"}]),
                "plain relative",
            ),
            (
                serde_json::json!([{"name": "/etc/passwd", "size": 1, "sha256": "x"}]),
                "plain relative",
            ),
            (
                serde_json::json!([{"name": "a/../../x", "size": 1, "sha256": "x"}]),
                "plain relative",
            ),
            (
                serde_json::json!([{"name": "", "size": 1, "sha256": "x"}]),
                "plain relative",
            ),
            (serde_json::json!([]), "no files"),
            (
                serde_json::json!([{"name": "a", "size": 1, "sha256": "x"}, {"name": "a", "size": 1, "sha256": "x"}]),
                "twice",
            ),
        ] {
            write(manifest(files));
            let e = read_manifest(d.path()).unwrap_err().to_string();
            assert!(e.contains(want), "{e}");
        }
        std::fs::write(
            d.path().join(MANIFEST),
            vec![b' '; MAX_MANIFEST_BYTES as usize + 1],
        )
        .unwrap();
        let e = read_manifest(d.path()).unwrap_err().to_string();
        assert!(e.contains("limit"), "{e}");
    }
}
