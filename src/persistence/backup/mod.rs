//! Backups: dated folders with a manifest, created by file copy, replication stream or logical
//! dump, then listed, verified, pruned and resolved from `ID|PATH`. One module per concern.

mod bgsave;
mod cluster;
mod create;
mod hashing;
mod list;
mod manifest;
pub mod outcome;
mod prune;
pub mod remote;
pub(crate) mod resolve;
mod verify;

use std::time::Duration;

use serde::{Deserialize, Serialize};

use super::{PersistenceError, Result};

pub use bgsave::bgsave_and_wait;
pub use cluster::create_cluster;
pub use create::{auto_method, create};
pub use hashing::sha256_file;
pub(crate) use hashing::HashingWriter;
pub use list::{list, BackupSummary, STATUS_COMPLETE};
pub use manifest::{
    describe_slots, normalize_slots, parse_backup_id, parse_manifest, read_manifest, BackupFile,
    BackupManifest, KeyCounts, MasterBackup, CLUSTER_FORMAT_VERSION, CLUSTER_SLOTS, FORMAT_VERSION,
    MAX_MANIFEST_BYTES,
};
pub use prune::{
    prune, prune_at, Decided, PruneAction, PruneEntry, PruneKind, PruneReport, Retention,
    STALE_TMP_AGE,
};
pub(crate) use prune::{unfinished_entry, Unfinished};
pub use remote::Location;
pub use resolve::resolve;
pub use verify::{verify, verify_checksums, CheckOutcome, VerifyCheck, VerifyReport};

pub use super::logical::write_restore_command;

pub const MANIFEST: &str = "manifest.json";
pub const RDB_FILE: &str = "dump.rdb";
pub const AOF_DIR: &str = "appendonlydir";
pub const LOGICAL_FILE: &str = "keys.resp";

/// The key patterns a logical backup covers by default: every cell (and the pre-cell layout),
/// and the configured queue key (with the keys hanging off it) when it lies elsewhere. The owner
/// of key names writes them ([`crate::store::keys::Keys::every_cell_patterns`]); one cell's
/// patterns are [`crate::store::keys::Keys::backup_patterns`].
pub fn default_patterns(keys: &crate::store::keys::Keys) -> Vec<String> {
    keys.every_cell_patterns()
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BackupMethod {
    /// Copy the RDB (and AOF directory) from the server's data dir on this machine.
    File,
    /// Stream an RDB over the replication protocol.
    Replication,
    /// SCAN + DUMP + PTTL of matching keys into a RESP file of RESTORE commands.
    Logical,
    /// File when the data dir is local, else Replication.
    Auto,
}

impl BackupMethod {
    pub fn as_str(self) -> &'static str {
        match self {
            BackupMethod::File => "file",
            BackupMethod::Replication => "replication",
            BackupMethod::Logical => "logical",
            BackupMethod::Auto => "auto",
        }
    }
}

impl std::str::FromStr for BackupMethod {
    type Err = PersistenceError;
    fn from_str(s: &str) -> Result<Self> {
        match s.to_ascii_lowercase().as_str() {
            "file" => Ok(BackupMethod::File),
            "replication" => Ok(BackupMethod::Replication),
            "logical" => Ok(BackupMethod::Logical),
            "auto" => Ok(BackupMethod::Auto),
            _ => Err(PersistenceError::invalid(
                "backup method",
                format!("{s:?} (expected file, replication, logical or auto)"),
            )),
        }
    }
}

#[derive(Clone, Debug)]
pub struct BackupOptions {
    pub method: BackupMethod,
    /// Key patterns for logical backups.
    pub patterns: Vec<String>,
    /// How long BGSAVE may take.
    pub bgsave_timeout: Duration,
    /// Keys per DUMP pipeline (logical).
    pub batch: usize,
}

impl Default for BackupOptions {
    fn default() -> Self {
        BackupOptions {
            method: BackupMethod::Auto,
            patterns: default_patterns(&crate::store::keys::Keys::default()),
            bgsave_timeout: Duration::from_secs(600),
            batch: 1000,
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn logical_patterns_cover_a_custom_queue_key() {
        use crate::store::keys::{Cell, Keys, Namespace};
        assert_eq!(
            super::default_patterns(&Keys::default()),
            vec!["tartarus:*", "themis:*"]
        );
        let p = super::default_patterns(&Keys::with_namespace(
            Namespace::Cell(Cell::default()),
            "jobs[1]",
        ));
        assert_eq!(
            &p[2..],
            &["jobs\\[1\\]".to_string(), "jobs\\[1\\]:*".to_string()]
        );
    }
}
