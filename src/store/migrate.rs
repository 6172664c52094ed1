//! `tartarus migrate`: what moving a deployment from the pre-cell layout into a cell means, what
//! it reports, and how it can fail. The Redis side is in `store/redis/migrate.rs`.
//!
//! A cell already in the cell layout at an older schema version is *upgraded*: every version
//! since 2 keeps what the one before stored readable (version 3 only adds the batch entries of
//! the event stream; version 4 keeps a run's new history entries in its hash and still reads the
//! history list older versions wrote), so the step checks that no process of the cell is live
//! and raises the version.
//!
//! Two modes of moving the layout from before cells:
//! - **in place** (one server, the default): each key of the pre-cell layout is renamed to its
//!   name in the cell (`RENAMENX`, atomic per key, keeping its TTL);
//! - **copy** (`--from ADDR`): each key is read from the old server (`DUMP` + `PTTL`) and
//!   written into the cell on the configured Redis (`RESTORE`), which may be a Redis Cluster;
//!   the old server is left as it was.
//!
//! Either way the migration is resumable: it first writes a marker into the cell (processes
//! refuse a cell with a marker), moves keys in batches, and writes the schema version and removes
//! the marker in one transaction at the end. Killed half-way, it is run again: keys already moved
//! are found at their new name and counted as such, the rest are moved. A key whose new name is
//! taken when no earlier attempt of the migration could have written it is a conflict, reported
//! before anything moves.

use std::collections::BTreeMap;

use serde::Serialize;

use super::keys::KeyKind;
use super::StoreError;

/// How keys travel.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MigrateMode {
    /// Renamed within one server.
    InPlace,
    /// Copied from another server into the configured one.
    Copy,
}

impl MigrateMode {
    pub fn as_str(self) -> &'static str {
        match self {
            MigrateMode::InPlace => "in_place",
            MigrateMode::Copy => "copy",
        }
    }
}

/// What to do.
#[derive(Clone, Debug)]
pub struct MigrateOptions {
    /// Count what would move; write nothing.
    pub dry_run: bool,
    /// Keys per round trip.
    pub batch: usize,
    /// Go on although processes of the previous version still announce themselves.
    pub force: bool,
}

impl Default for MigrateOptions {
    fn default() -> Self {
        MigrateOptions {
            dry_run: false,
            batch: 500,
            force: false,
        }
    }
}

/// How a migration ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MigrateResult {
    /// Keys were moved and the cell now has the current schema.
    Migrated,
    /// The database held nothing of the old layout: the cell was initialised (or, with
    /// `--dry-run`, would be).
    Initialised,
    /// The cell held an older schema of the cell layout whose stored data the current one reads
    /// as it is: only its version was raised (or, with `--dry-run`, would be).
    Upgraded,
    /// The cell already had the current schema: nothing was done.
    AlreadyCurrent,
    /// `--dry-run`: these keys would move.
    WouldMigrate,
}

/// What a migration found and did (`-o json`).
#[derive(Clone, Debug, Serialize)]
pub struct MigrateReport {
    pub cell: String,
    pub mode: MigrateMode,
    /// Where the old layout was read (an address, never a password).
    pub source: String,
    /// The Redis the cell is on.
    pub target: String,
    pub dry_run: bool,
    pub result: MigrateResult,
    /// The cell's schema version before (`null`: it had none).
    pub schema_before: Option<u64>,
    /// The cell's schema version after (`null`: unchanged by a dry run).
    pub schema_after: Option<u64>,
    /// An earlier, interrupted attempt was found and finished.
    pub resumed: bool,
    /// Keys of the old layout found.
    pub keys: u64,
    /// Keys moved (or copied) by this run.
    pub moved: u64,
    /// Keys found already at their new name (moved by the interrupted attempt).
    pub already_moved: u64,
    /// Keys that expired before they could move (node heartbeats, scheduler announcements).
    pub vanished: u64,
    /// Keys found, by what they hold: `runs` is the number of runs.
    pub kinds: BTreeMap<String, u64>,
    /// Finished runs of the old layout added to the retention indexes (the layout before
    /// retention had none), so the cell's window applies to them too.
    pub retention_backfilled: u64,
    pub elapsed_ms: u64,
}

impl MigrateReport {
    pub(crate) fn count(&mut self, kind: KeyKind) {
        self.keys += 1;
        *self.kinds.entry(kind.as_str().to_string()).or_default() += 1;
    }
}

/// Why a migration stopped.
#[derive(Debug, thiserror::Error)]
pub enum MigrateError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("processes of the previous version are still running against {from}: {who}; stop every scheduler and agent first (README: Upgrades), wait for their heartbeats to expire, or pass --force")]
    LiveProcesses { from: String, who: String },
    #[error("{count} key(s) of the old layout have a new name that is already taken in cell `{cell}` (e.g. {examples}): the cell already holds data; migrate into an empty cell, or remove these keys")]
    Conflicts {
        cell: String,
        count: u64,
        examples: String,
    },
    #[error("cell `{cell}` holds schema version {found}; this tartarus migrates up to {known} only: upgrade tartarus")]
    TooNew {
        cell: String,
        found: u64,
        known: u64,
    },
    #[error("{0}")]
    Unsupported(String),
}

impl MigrateError {
    /// The process exit code this error leads to.
    pub fn code(&self) -> u8 {
        use crate::exit;
        match self {
            MigrateError::Store(e) => e.code(),
            MigrateError::LiveProcesses { .. } | MigrateError::Conflicts { .. } => exit::CONFLICT,
            MigrateError::TooNew { .. } => exit::SCHEMA,
            MigrateError::Unsupported(_) => exit::USAGE,
        }
    }
}

pub type MigrateResultOf<T> = Result<T, MigrateError>;
