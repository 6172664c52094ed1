//! Redis persistence operations: health, configure, backups (file, replication, logical), verify,
//! prune and restore, and the persistence canary of `verify persistence`.
//!
//! Only [`admin`] talks to Redis through the `redis` crate; [`replication`] speaks raw RESP
//! ([`resp`]) to stream an RDB the way `redis-cli --rdb` does; [`canary`] goes through the store
//! contract, as the rest of tartarus does. Every operation returns a plain `Serialize` struct and
//! reports progress only through a [`ProgressFn`] callback. Backups are untrusted input: see
//! [`files`] for how they are read (no link followed, bounded).

pub mod admin;
pub mod aof;
pub mod backup;
pub mod bench;
pub mod canary;
pub mod canary_record;
pub mod configure;
pub mod configure_cluster;
pub mod files;
pub mod health;
pub mod logical;
pub mod rdb;
pub mod rdb_keys;
pub mod replication;
pub mod resp;
pub mod restart_command;
pub mod restore;

use std::path::{Path, PathBuf};

use serde::Serialize;

pub use admin::RedisAdmin;
pub(crate) use files::{create_new_private_dir, create_private_dir, create_private_file, sync_dir};

/// Everything that can go wrong in this module.
///
/// Each message is complete on its own (an I/O error says its path and its cause), and no
/// variant exposes a `source`: `main` prints the chain of contexts once, without repeating a cause.
#[derive(Debug, thiserror::Error)]
pub enum PersistenceError {
    #[error("cannot connect to Redis at {target}: {reason}")]
    Connect { target: String, reason: String },
    #[error("Redis command {command} failed: {reason}")]
    Command { command: String, reason: String },
    #[error("Redis at {target} refused {command}: {reason} (check REDIS_USERNAME, the password, and the user's ACL rules)")]
    Refused {
        target: String,
        command: String,
        reason: String,
    },
    #[error(
        "Redis is loading its dataset into memory and refused {command}: retry when it is done"
    )]
    Loading { command: String },
    #[error("Redis command {command} timed out")]
    CommandTimeout { command: String },
    #[error("unexpected reply to {command}: {detail}")]
    Protocol { command: String, detail: String },
    #[error(
        "the server is running without a config file: the settings are live but will NOT survive a restart \
         (add them to redis.conf or start redis-server with a config file)"
    )]
    NoConfigFile,
    #[error("{path}: {error}")]
    Io {
        path: PathBuf,
        error: std::io::Error,
    },
    #[error("network error with {target}: {error}")]
    Net {
        target: String,
        error: std::io::Error,
    },
    #[error("timed out: {0}")]
    Timeout(String),
    #[error("background save failed: {0}")]
    BgsaveFailed(String),
    #[error("{what} is invalid: {detail}")]
    Invalid { what: String, detail: String },
    #[error("the server's data directory {dir} is not readable on this machine: use --method replication or logical")]
    DataDirNotLocal { dir: String },
    #[error("backup {path} failed verification: {reason}")]
    VerificationFailed { path: PathBuf, reason: String },
    #[error("invalid backup reference {reference:?}: {reason}")]
    BadBackupRef { reference: String, reason: String },
    #[error(
        "{reference:?} is a backup id: say where backups live with --dir (or TARTARUS_BACKUP_DIR), \
         or give the path of the backup folder"
    )]
    NoBackupDir { reference: String },
    #[error("a Redis server answers at {0}: stop it first (or pass --force to restore anyway)")]
    ServerRunning(String),
    /// The restore was asked for in a way that does not fit the backup (online vs offline, how
    /// the server starts): a usage error, nothing was read or written.
    #[error("{0}")]
    RestoreUsage(String),
    #[error(
        "`{command}` needs Redis: the in-memory store keeps nothing to check, back up or restore \
         (set REDIS_ADDR or --redis-addr)"
    )]
    NeedsRedis { command: String },
    #[error("Redis at {target} was not ready within {wait} after the restart: {reason}")]
    NotReady {
        target: String,
        wait: String,
        reason: String,
    },
    #[error("{0}")]
    RestartFailed(String),
    #[error("persistence check FAILED: {0}")]
    CanaryLost(String),
    #[error("{0}")]
    Unsupported(String),
    /// Object storage (S3) refused or failed a request.
    #[error("{location}: {reason}")]
    Remote { location: String, reason: String },
    /// The destination already holds a different backup under the same id.
    #[error("{0}")]
    CopyConflict(String),
    /// An input file given on the command line (`--redis-conf` and what it includes) that cannot
    /// be used: missing, unreadable, not UTF-8, an include loop, a bad value.
    #[error("{}: {reason}", path.display())]
    BadInputFile { path: PathBuf, reason: String },
    /// A folder destination (`--dir`, `DEST`, `--copy-to`) that exists and is not a folder.
    #[error("{} is not a directory: backups go into a folder", path.display())]
    NotADirectory { path: PathBuf },
    /// A copy whose destination is the backup being copied, or inside it: nothing was written.
    #[error("{0}")]
    CopyIntoSource(String),
    #[error("`{command}` works on one Redis server, and this is a Redis Cluster (REDIS_CLUSTER_ADDRS): {alternative}")]
    ClusterUnsupported {
        command: &'static str,
        alternative: &'static str,
    },
    /// A Redis Cluster backup does not fit the cluster as it is now (a slot moved, a master is
    /// missing or failing, another layout): nothing was written.
    #[error("{0}")]
    SlotMapMismatch(String),
    #[error("JSON in {path}: {error}")]
    Json {
        path: PathBuf,
        error: serde_json::Error,
    },
}

/// What to do instead of a one-server command on Redis Cluster: run it on each node.
pub const PER_NODE: &str = "run it against each master in turn, pointing REDIS_ADDR (or \
    --redis-addr) at that master (`redis-cli -c CLUSTER NODES` lists them; README: High \
    availability, Redis Cluster)";

/// Refuses `command` on a Redis Cluster target, saying what to do instead.
pub fn refuse_on_cluster(
    target: &crate::config::RedisTarget,
    command: &'static str,
    alternative: &'static str,
) -> Result<()> {
    if target.topology.is_cluster() {
        return Err(PersistenceError::ClusterUnsupported {
            command,
            alternative,
        });
    }
    Ok(())
}

impl PersistenceError {
    /// The process exit code this error leads to.
    pub fn code(&self) -> u8 {
        use crate::exit;
        match self {
            PersistenceError::Connect { .. }
            | PersistenceError::Refused { .. }
            | PersistenceError::CommandTimeout { .. }
            | PersistenceError::Net { .. }
            | PersistenceError::NotReady { .. } => exit::UNAVAILABLE,
            PersistenceError::BadBackupRef { .. } => exit::NOT_FOUND,
            PersistenceError::ServerRunning(_)
            | PersistenceError::CopyConflict(_)
            | PersistenceError::SlotMapMismatch(_) => exit::CONFLICT,
            PersistenceError::VerificationFailed { .. } => exit::BACKUP_INVALID,
            PersistenceError::BadInputFile { .. } => exit::INVALID_INPUT,
            PersistenceError::CanaryLost(_) => exit::PERSISTENCE_FAILED,
            PersistenceError::NeedsRedis { .. } => exit::CONFIG,
            PersistenceError::NoBackupDir { .. }
            | PersistenceError::RestoreUsage(_)
            | PersistenceError::NotADirectory { .. }
            | PersistenceError::CopyIntoSource(_)
            | PersistenceError::ClusterUnsupported { .. } => exit::USAGE,
            _ => exit::FAILURE,
        }
    }

    pub(crate) fn io(path: impl AsRef<Path>, error: std::io::Error) -> Self {
        PersistenceError::Io {
            path: path.as_ref().to_path_buf(),
            error,
        }
    }
    pub(crate) fn invalid(what: impl Into<String>, detail: impl Into<String>) -> Self {
        PersistenceError::Invalid {
            what: what.into(),
            detail: detail.into(),
        }
    }
}

/// The configured Redis server, for the commands that need one: the in-memory store has nothing
/// to check, back up or restore.
pub fn require_redis(
    backend: &crate::config::Backend,
    command: &str,
) -> Result<crate::config::RedisTarget> {
    match backend {
        crate::config::Backend::Redis(t) => Ok(t.as_ref().clone()),
        crate::config::Backend::Memory => Err(PersistenceError::NeedsRedis {
            command: command.to_string(),
        }),
    }
}

pub type Result<T, E = PersistenceError> = std::result::Result<T, E>;

/// A progress event for the CLI's spinner / bar.
#[derive(Clone, Debug, Serialize)]
pub struct Progress {
    /// What is happening ("bgsave", "copy dump.rdb", "stream rdb", "restore keys", ...).
    pub phase: String,
    /// Units done so far in this phase.
    pub done: u64,
    /// Total units when known.
    pub total: Option<u64>,
    /// "bytes", "keys" or "" (phase change only).
    pub unit: &'static str,
}

impl Progress {
    pub fn phase(phase: impl Into<String>) -> Self {
        Progress {
            phase: phase.into(),
            done: 0,
            total: None,
            unit: "",
        }
    }
    pub fn bytes(phase: impl Into<String>, done: u64, total: Option<u64>) -> Self {
        Progress {
            phase: phase.into(),
            done,
            total,
            unit: "bytes",
        }
    }
    pub fn keys(phase: impl Into<String>, done: u64, total: Option<u64>) -> Self {
        Progress {
            phase: phase.into(),
            done,
            total,
            unit: "keys",
        }
    }
}

/// The progress callback every long operation takes.
pub type ProgressFn<'a> = &'a (dyn Fn(Progress) + Send + Sync);

/// A callback that ignores progress.
pub fn no_progress(_: Progress) {}

/// UTC timestamp `yyyymmddThhmmssZ`.
pub(crate) fn compact_utc(t: chrono::DateTime<chrono::Utc>) -> String {
    t.format("%Y%m%dT%H%M%SZ").to_string()
}

/// True for hosts that are this machine.
pub fn is_loopback_host(host: &str) -> bool {
    let h = host.trim_matches(|c| c == '[' || c == ']');
    if h.eq_ignore_ascii_case("localhost") {
        return true;
    }
    h.parse::<std::net::IpAddr>()
        .map(|ip| ip.is_loopback())
        .unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exit;

    #[test]
    fn every_error_carries_its_exit_code_through_contexts() {
        let cases = [
            (
                PersistenceError::VerificationFailed {
                    path: "b".into(),
                    reason: "x".into(),
                },
                exit::BACKUP_INVALID,
            ),
            (
                PersistenceError::NeedsRedis {
                    command: "backup create".into(),
                },
                exit::CONFIG,
            ),
            (
                PersistenceError::NoBackupDir {
                    reference: "id".into(),
                },
                exit::USAGE,
            ),
            (PersistenceError::RestoreUsage("x".into()), exit::USAGE),
            (
                PersistenceError::NotADirectory { path: "f".into() },
                exit::USAGE,
            ),
            (PersistenceError::CopyIntoSource("x".into()), exit::USAGE),
            (
                PersistenceError::BadInputFile {
                    path: "redis.conf".into(),
                    reason: "x".into(),
                },
                exit::INVALID_INPUT,
            ),
            (
                PersistenceError::CanaryLost("x".into()),
                exit::PERSISTENCE_FAILED,
            ),
            (
                PersistenceError::NotReady {
                    target: "t".into(),
                    wait: "1s".into(),
                    reason: "r".into(),
                },
                exit::UNAVAILABLE,
            ),
            (PersistenceError::ServerRunning("t".into()), exit::CONFLICT),
            (
                PersistenceError::SlotMapMismatch("t".into()),
                exit::CONFLICT,
            ),
            (
                PersistenceError::BadBackupRef {
                    reference: "r".into(),
                    reason: "x".into(),
                },
                exit::NOT_FOUND,
            ),
            (PersistenceError::RestartFailed("x".into()), exit::FAILURE),
        ];
        for (e, want) in cases {
            let text = e.to_string();
            let err = anyhow::Error::from(e).context("restoring x into y");
            assert_eq!(exit::code_for(&err), want, "{text}");
        }
    }

    #[test]
    fn an_io_error_says_its_cause_once() {
        let e = PersistenceError::io(
            "/data",
            std::io::Error::new(std::io::ErrorKind::NotFound, "data dir does not exist"),
        );
        let err = anyhow::Error::from(e).context("restoring b into /data");
        let printed: Vec<String> = err.chain().map(|c| c.to_string()).collect();
        assert_eq!(
            printed,
            ["restoring b into /data", "/data: data dir does not exist"]
        );
    }

    #[test]
    fn the_in_memory_store_has_nothing_to_back_up() {
        let e = require_redis(&crate::config::Backend::Memory, "backup create").unwrap_err();
        assert_eq!(e.code(), exit::CONFIG);
        assert!(e.to_string().contains("needs Redis"));
    }
}
