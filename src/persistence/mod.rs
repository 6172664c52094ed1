//! Redis persistence operations: health, configure, backups (file, replication, logical), verify, prune and restore.
//!
//! Only [`admin`] talks to Redis through the `redis` crate; [`replication`] speaks raw RESP
//! to stream an RDB the way `redis-cli --rdb` does. Every operation returns a plain
//! `Serialize` struct and reports progress only through a [`ProgressFn`] callback.

pub mod admin;
pub mod aof;
pub mod backup;
pub mod configure;
pub mod health;
pub mod rdb;
pub mod replication;
pub mod restore;

use std::path::{Path, PathBuf};

use serde::Serialize;

pub use admin::RedisAdmin;

/// Everything that can go wrong in this module.
#[derive(Debug, thiserror::Error)]
pub enum PersistenceError {
    #[error("cannot connect to Redis at {target}: {reason}")]
    Connect { target: String, reason: String },
    #[error("Redis command {command} failed: {reason}")]
    Command { command: String, reason: String },
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
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("network error with {target}: {source}")]
    Net {
        target: String,
        #[source]
        source: std::io::Error,
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
    #[error("a Redis server answers at {0}: stop it first (or pass --force to restore anyway)")]
    ServerRunning(String),
    #[error("{0}")]
    Unsupported(String),
    #[error("JSON in {path}: {source}")]
    Json {
        path: PathBuf,
        #[source]
        source: serde_json::Error,
    },
}

impl PersistenceError {
    /// The process exit code this error leads to.
    pub fn code(&self) -> u8 {
        use crate::exit;
        match self {
            PersistenceError::Connect { .. }
            | PersistenceError::CommandTimeout { .. }
            | PersistenceError::Net { .. } => exit::UNAVAILABLE,
            PersistenceError::BadBackupRef { .. } => exit::NOT_FOUND,
            PersistenceError::ServerRunning(_) => exit::CONFLICT,
            PersistenceError::VerificationFailed { .. } => exit::BACKUP_INVALID,
            _ => exit::FAILURE,
        }
    }

    pub(crate) fn io(path: impl AsRef<Path>, source: std::io::Error) -> Self {
        PersistenceError::Io {
            path: path.as_ref().to_path_buf(),
            source,
        }
    }
    pub(crate) fn invalid(what: impl Into<String>, detail: impl Into<String>) -> Self {
        PersistenceError::Invalid {
            what: what.into(),
            detail: detail.into(),
        }
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

/// Key patterns a logical backup covers by default: every key of the default layout (the key
/// layout owns them: [`crate::store::keys::Keys::backup_patterns`]).
pub fn default_patterns() -> Vec<String> {
    crate::store::keys::Keys::default().backup_patterns()
}

/// Creates a directory (and parents) with mode 0700 on the last component.
pub(crate) fn create_private_dir(path: &Path) -> Result<()> {
    std::fs::create_dir_all(path).map_err(|e| PersistenceError::io(path, e))?;
    set_mode(path, 0o700)
}

#[cfg(unix)]
pub(crate) fn set_mode(path: &Path, mode: u32) -> Result<()> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
        .map_err(|e| PersistenceError::io(path, e))
}

#[cfg(not(unix))]
pub(crate) fn set_mode(_path: &Path, _mode: u32) -> Result<()> {
    Ok(())
}

/// Creates (truncating) a file with mode 0600.
pub(crate) fn create_private_file(path: &Path) -> Result<std::fs::File> {
    let mut o = std::fs::OpenOptions::new();
    o.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        o.mode(0o600);
    }
    let f = o.open(path).map_err(|e| PersistenceError::io(path, e))?;
    set_mode(path, 0o600)?;
    Ok(f)
}

/// fsyncs a directory so a rename inside it is durable (best effort on platforms without it).
pub(crate) fn sync_dir(path: &Path) -> Result<()> {
    match std::fs::File::open(path) {
        Ok(f) => f
            .sync_all()
            .or_else(|e| {
                if e.kind() == std::io::ErrorKind::InvalidInput {
                    Ok(())
                } else {
                    Err(e)
                }
            })
            .map_err(|e| PersistenceError::io(path, e)),
        Err(e) => Err(PersistenceError::io(path, e)),
    }
}

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
