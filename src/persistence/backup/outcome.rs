//! Where backup commands record how they ended, so that `tartarus metrics --textfile` (run later,
//! by another process) can report it:
//!
//! - `backup verify` writes [`VERIFY_RECORD`] (`verify-result.json`) into the backup folder it
//!   verified, next to `manifest.json`: the newest backup that verified and the result of the
//!   last verify both come from these (a pruned backup takes its record with it). A copy writes
//!   one at its destination after reading every file back.
//! - `backup create` writes [`CREATE_RECORD`] (`.last-create.json`) and `backup copy` /
//!   `--copy-to` [`COPY_RECORD`] (`.last-copy.json`) into the backup directory, on success and on
//!   failure alike. Dot-files: `backup list` and `prune` ignore them.
//!
//! Records are small JSON files written atomically (temporary file, fsync, rename), read without
//! following links and bounded; a record that cannot be read counts as absent. They are not in a
//! backup's manifest, so they are never copied with it.

use std::io::Write;
use std::path::Path;

use serde::{de::DeserializeOwned, Deserialize, Serialize};

use crate::persistence::files::{open_beneath, read_bounded};
use crate::persistence::{PersistenceError, Result};

pub const VERIFY_RECORD: &str = "verify-result.json";
pub const CREATE_RECORD: &str = ".last-create.json";
pub const COPY_RECORD: &str = ".last-copy.json";

/// The largest record read (a real one is a few hundred bytes).
const MAX_RECORD_BYTES: u64 = 64 << 10;

/// The outcome of one verification of one backup.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct VerifyRecord {
    pub ok: bool,
    /// Unix ms; RFC 3339 in the file.
    #[serde(with = "crate::output::rfc3339")]
    pub verified_at: i64,
    /// What verified it: `backup verify`, or `copy read-back`.
    pub by: String,
    /// The failed checks; null when it passed.
    pub reason: Option<String>,
}

/// How the last `backup create` (or `backup copy`) ended.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RunRecord {
    pub ok: bool,
    /// Unix ms when it ended; RFC 3339 in the file.
    #[serde(with = "crate::output::rfc3339")]
    pub finished_at: i64,
    pub duration_ms: u64,
    /// The backup it made (or copied); null when it failed before there was one.
    pub id: Option<String>,
    /// `backup copy`: where to.
    #[serde(default)]
    pub destination: Option<String>,
    /// Why it failed; null when it succeeded.
    pub error: Option<String>,
}

/// Writes `record` as `folder/name`, atomically, mode 0600, never through a link.
pub fn write_record<T: Serialize>(folder: &Path, name: &str, record: &T) -> Result<()> {
    let path = folder.join(name);
    let json = serde_json::to_vec_pretty(record).map_err(|e| PersistenceError::Json {
        path: path.clone(),
        error: e,
    })?;
    let tmp = folder.join(format!(".{name}.tmp-{}", ulid::Ulid::new()));
    let written = (|| {
        let mut f = crate::persistence::create_private_file(&tmp)?;
        f.write_all(&json)
            .map_err(|e| PersistenceError::io(&tmp, e))?;
        f.sync_all().map_err(|e| PersistenceError::io(&tmp, e))?;
        // rename replaces a link at `path` itself; it never writes through it.
        std::fs::rename(&tmp, &path).map_err(|e| PersistenceError::io(&path, e))?;
        crate::persistence::sync_dir(folder)
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written
}

/// Reads `folder/name` (None when absent, a link, too large or not a record).
pub fn read_record<T: DeserializeOwned>(folder: &Path, name: &str) -> Option<T> {
    let path = folder.join(name);
    let f = open_beneath(folder, name).ok()?;
    let bytes = read_bounded(f, MAX_RECORD_BYTES, &path).ok()?;
    serde_json::from_slice(&bytes).ok()
}

/// Parses a record fetched from elsewhere (object storage), bounded like a file.
pub fn parse_record<T: DeserializeOwned>(bytes: &[u8]) -> Option<T> {
    if bytes.len() as u64 > MAX_RECORD_BYTES {
        return None;
    }
    serde_json::from_slice(bytes).ok()
}

/// Records the result of verifying the backup in `folder`. Best effort: a folder that cannot be
/// written (read-only media) keeps no record, and the verification's result stands; the
/// problem is returned for a warning.
pub fn record_verify(folder: &Path, ok: bool, reason: Option<String>, by: &str) -> Result<()> {
    write_record(
        folder,
        VERIFY_RECORD,
        &VerifyRecord {
            ok,
            verified_at: crate::model::now_ms(),
            by: by.to_string(),
            reason,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_round_trip_and_links_are_not_followed() {
        let d = tempfile::tempdir().unwrap();
        record_verify(
            d.path(),
            false,
            Some("file x: SHA-256 mismatch".into()),
            "backup verify",
        )
        .unwrap();
        let r: VerifyRecord = read_record(d.path(), VERIFY_RECORD).unwrap();
        assert!(!r.ok);
        assert_eq!(r.reason.as_deref(), Some("file x: SHA-256 mismatch"));
        let text = std::fs::read_to_string(d.path().join(VERIFY_RECORD)).unwrap();
        assert!(text.contains("\"verified_at\": \"20"), "{text}");
        // Only the record: no temporary file left.
        assert_eq!(std::fs::read_dir(d.path()).unwrap().count(), 1);
        #[cfg(unix)]
        {
            std::fs::write(d.path().join("target"), b"keep").unwrap();
            std::os::unix::fs::symlink(d.path().join("target"), d.path().join(CREATE_RECORD))
                .unwrap();
            assert!(read_record::<RunRecord>(d.path(), CREATE_RECORD).is_none());
            let rec = RunRecord {
                ok: true,
                finished_at: 1,
                duration_ms: 2,
                id: Some("x".into()),
                destination: None,
                error: None,
            };
            write_record(d.path(), CREATE_RECORD, &rec).unwrap();
            assert_eq!(std::fs::read(d.path().join("target")).unwrap(), b"keep");
            assert_eq!(read_record::<RunRecord>(d.path(), CREATE_RECORD), Some(rec));
        }
    }
}
