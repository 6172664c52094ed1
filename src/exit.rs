//! Exit codes, defined in one place, and the mapping from errors to them.

use crate::config::ConfigError;
use crate::control::PolicyError;
use crate::model::spec::SpecError;
use crate::persistence::PersistenceError;
use crate::store::StoreError;

pub const OK: u8 = 0;
/// Any failure not listed below.
pub const FAILURE: u8 = 1;
/// Bad flags or arguments (clap's own code).
pub const USAGE: u8 = 2;
/// A bad input file: malformed YAML, unknown fields, values out of range. Nothing was written.
pub const INVALID_INPUT: u8 = 3;
/// The configuration is unusable (e.g. production without REDIS_ADDR).
pub const CONFIG: u8 = 4;
/// Redis could not be reached, refused the credentials, or did not answer in time.
pub const UNAVAILABLE: u8 = 5;
/// The run, node, policy or backup asked for does not exist.
pub const NOT_FOUND: u8 = 6;
/// The object is in a state that does not allow the step (e.g. cancelling a finished run).
pub const CONFLICT: u8 = 7;
/// A destructive step was declined, or refused without a terminal and without `--yes`.
pub const REFUSED: u8 = 8;

/// `sandbox wait`: the run failed (non-zero exit).
pub const RUN_FAILED: u8 = 10;
/// `sandbox wait`: the run timed out.
pub const RUN_TIMED_OUT: u8 = 11;
/// `sandbox wait`: the run was cancelled.
pub const RUN_CANCELLED: u8 = 12;
/// `sandbox wait`: the run was denied by policy or rejected by routing.
pub const RUN_REFUSED: u8 = 13;
/// `sandbox wait`: the run was dead-lettered.
pub const RUN_DEAD: u8 = 14;
/// `sandbox wait`: `--timeout` passed before the run finished.
pub const WAIT_TIMED_OUT: u8 = 15;

/// `policy test`: the verdict was deny.
pub const VERDICT_DENY: u8 = 20;
/// `policy test`: the verdict was quarantine.
pub const VERDICT_QUARANTINE: u8 = 21;

/// `verify persistence`: the canary did not survive (or the restart could not be proven).
pub const PERSISTENCE_FAILED: u8 = 30;
/// `backup verify` / `backup restore`: the backup failed verification (checksums, RDB CRC-64, AOF manifest).
pub const BACKUP_INVALID: u8 = 31;

/// `redis health` uses the monitoring-plugin convention instead: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN.
pub const HEALTH_UNKNOWN: u8 = 3;

/// An error that carries its own exit code (e.g. a declined confirmation).
#[derive(Debug, thiserror::Error)]
#[error("{message}")]
pub struct CodedError {
    pub code: u8,
    pub message: String,
}

impl CodedError {
    pub fn new(code: u8, message: impl Into<String>) -> CodedError {
        CodedError {
            code,
            message: message.into(),
        }
    }
}

/// The exit code for an error: the first cause in its chain whose type knows its code.
///
/// Every error type that maps to a code carries it next to its messages, as a `code()` method
/// (like `just`'s `Error::code()`); this is the one list of those types.
pub fn code_for(err: &anyhow::Error) -> u8 {
    for cause in err.chain() {
        if let Some(e) = cause.downcast_ref::<CodedError>() {
            return e.code;
        }
        if let Some(e) = cause.downcast_ref::<StoreError>() {
            return e.code();
        }
        if let Some(e) = cause.downcast_ref::<PersistenceError>() {
            return e.code();
        }
        if let Some(e) = cause.downcast_ref::<ConfigError>() {
            return e.code();
        }
        if let Some(e) = cause.downcast_ref::<SpecError>() {
            return e.code();
        }
        if let Some(e) = cause.downcast_ref::<PolicyError>() {
            return e.code();
        }
    }
    FAILURE
}
