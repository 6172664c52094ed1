//! Exit codes, defined in one place with their meaning, and the one mapping from errors to them.
//!
//! Each constant's doc comment is its documentation everywhere: [`ALL`] carries it to the man
//! pages' EXIT STATUS section and to the README's table, so the meaning is written once.

use crate::config::ConfigError;
use crate::control::PolicyError;
use crate::model::spec::SpecError;
use crate::persistence::PersistenceError;
use crate::store::StoreError;

/// One documented exit code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExitCode {
    pub name: &'static str,
    pub code: u8,
    /// The constant's doc comment.
    pub meaning: &'static str,
}

/// Declares each code as a `pub const` with its doc comment, and [`ALL`] from the same text.
macro_rules! exit_codes {
    ($( $(#[doc = $doc:literal])+ $name:ident = $code:literal; )+) => {
        $( $(#[doc = $doc])+ pub const $name: u8 = $code; )+
        /// Every exit code, in the order declared, with its documentation.
        pub const ALL: &[ExitCode] = &[
            $( ExitCode { name: stringify!($name), code: $code, meaning: concat!($($doc, "\n"),+) }, )+
        ];
    };
}

exit_codes! {
    /// Success.
    OK = 0;
    /// Any failure not listed below.
    FAILURE = 1;
    /// Bad flags or arguments (clap's own code), e.g. `--command` instead of `-- CMD ARGS`; a
    /// backup id without --dir; a restore that does not fit the backup; a backup destination
    /// that is not a folder, or is (or is inside) the backup being copied.
    USAGE = 2;
    /// A bad input file: missing, unreadable, not UTF-8, malformed YAML, unknown fields, values
    /// out of range. Nothing was written.
    INVALID_INPUT = 3;
    /// The configuration is unusable: production without REDIS_ADDR, a bad variable, a missing or
    /// unreadable --redis-password-file.
    CONFIG = 4;
    /// Redis could not be reached (a failed TLS handshake included), refused the credentials or
    /// (for an ACL user) the command, did not answer in time, or, with --min-replicas-ack, did
    /// not confirm a write on enough replicas in time (the write may still be on the master:
    /// look before writing it again).
    UNAVAILABLE = 5;
    /// The run, node, policy or backup asked for does not exist; `queue retry`: a named id is not
    /// a dead letter (the others were requeued).
    NOT_FOUND = 6;
    /// The object is in a state that does not allow the step (e.g. cancelling a finished run), or
    /// a submitted document's idempotency key is already used for other content, or a Redis
    /// Cluster backup whose slot map differs from the cluster's now (a slot moved, a master
    /// missing).
    CONFLICT = 7;
    /// A destructive step was declined, or refused without a terminal and without --yes.
    REFUSED = 8;
    /// The cell's stored layout does not fit this binary: a schema version newer than it knows
    /// (upgrade tartarus), or the layout from before cells, an older schema or an unfinished
    /// migration (run `tartarus migrate`).
    SCHEMA = 9;
    /// `sandbox wait`, `submit --wait`, `up --exit-code`: the run failed (non-zero exit, or it
    /// could not start).
    RUN_FAILED = 10;
    /// `sandbox wait`, `submit --wait`, `up --exit-code`: the run hit its own timeout.
    RUN_TIMED_OUT = 11;
    /// `sandbox wait`, `submit --wait`, `up --exit-code`: the run was cancelled.
    RUN_CANCELLED = 12;
    /// `sandbox wait`, `submit --wait`, `up --exit-code`: the run was denied by policy or
    /// rejected by routing.
    RUN_REFUSED = 13;
    /// `sandbox wait`, `submit --wait`, `up --exit-code`: the run was dead-lettered.
    RUN_DEAD = 14;
    /// A wait's --timeout passed before the run finished (or `up` was stopped before it did).
    WAIT_TIMED_OUT = 15;
    /// A wait found no live scheduler (none announced itself within its TTL), so nothing would
    /// ever move the run.
    NO_SCHEDULER = 16;
    /// A wait saw the run `pending` (no feasible node) for longer than --pending-timeout; the
    /// message says why no node fits. `up --exit-code`: a run left pending at idle.
    STUCK_PENDING = 17;
    /// `policy test`: the verdict was deny.
    VERDICT_DENY = 20;
    /// `policy test`: the verdict was quarantine.
    VERDICT_QUARANTINE = 21;
    /// `verify persistence`: the canary did not survive (or the restart could not be proven).
    PERSISTENCE_FAILED = 30;
    /// `backup verify` / `backup restore`: the backup failed verification (checksums, RDB
    /// CRC-64, AOF manifest, a crafted manifest.json, or a symbolic link or special file anywhere
    /// in it).
    BACKUP_INVALID = 31;
    /// `backup create`, `copy` or `verify`, or `verify persistence`, with --textfile: the
    /// command itself succeeded (its output says so), but the textfile could not be written, so
    /// node_exporter still serves the previous one. (When the command failed, its own code stands and the
    /// textfile's failure is one warning.)
    TEXTFILE_NOT_WRITTEN = 32;
}

/// `redis health` speaks the monitoring-plugin convention instead of the codes above
/// (`HealthStatus::code()` maps its overall status to these): every check passed.
pub const HEALTH_OK: u8 = 0;
/// `redis health`: at least one WARNING, no CRITICAL.
pub const HEALTH_WARNING: u8 = 1;
/// `redis health`: at least one CRITICAL.
pub const HEALTH_CRITICAL: u8 = 2;
/// `redis health`: the checks could not run (Redis unreachable, no Redis configured, a bad threshold).
pub const HEALTH_UNKNOWN: u8 = 3;

/// The documentation of one code (its constant's doc comment), if it is one of [`ALL`].
pub fn meaning(code: u8) -> Option<&'static str> {
    ALL.iter().find(|c| c.code == code).map(|c| c.meaning)
}

/// The README's exit code table, generated from [`ALL`] (a test keeps the README equal to it).
pub fn markdown_table() -> String {
    let mut out = String::from("| code | name | meaning |\n| --- | --- | --- |\n");
    for c in ALL {
        let meaning = c
            .meaning
            .lines()
            .map(str::trim)
            .collect::<Vec<_>>()
            .join(" ");
        out.push_str(&format!("| {} | `{}` | {} |\n", c.code, c.name, meaning));
    }
    out
}

/// The exit code for an error: the first cause in its chain whose type knows its code.
///
/// Every error type that maps to a code carries it next to its messages, as a `code()` method
/// (like `just`'s `Error::code()`); this is the one list of those types. An error none of them
/// claims is a plain [`FAILURE`].
pub fn code_for(err: &anyhow::Error) -> u8 {
    for cause in err.chain() {
        if let Some(e) = cause.downcast_ref::<crate::cli::CliError>() {
            return e.code();
        }
        if let Some(e) = cause.downcast_ref::<crate::ops::WaitError>() {
            return e.code();
        }
        if let Some(e) = cause.downcast_ref::<crate::ops::InputError>() {
            return e.code();
        }
        if let Some(e) = cause.downcast_ref::<crate::ops::SubmitError>() {
            return e.code();
        }
        if let Some(e) = cause.downcast_ref::<crate::ops::retry::NotDeadLetters>() {
            return e.code();
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
        if let Some(e) = cause.downcast_ref::<crate::model::documents::DocumentError>() {
            return e.code();
        }
        if let Some(e) = cause.downcast_ref::<crate::store::migrate::MigrateError>() {
            return e.code();
        }
        if let Some(e) = cause.downcast_ref::<crate::store::schema::SchemaError>() {
            return e.code();
        }
        if let Some(e) = cause.downcast_ref::<PolicyError>() {
            return e.code();
        }
        if let Some(e) = cause.downcast_ref::<crate::control::HeatError>() {
            return e.code();
        }
        if let Some(e) = cause.downcast_ref::<crate::scheduler::SchedulerError>() {
            return e.code();
        }
    }
    FAILURE
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_documented() {
        let mut seen = std::collections::BTreeSet::new();
        for c in ALL {
            assert!(seen.insert(c.code), "code {} is used twice", c.code);
            assert!(
                c.meaning.trim().len() > 5,
                "{} has no documentation",
                c.name
            );
        }
        assert_eq!(
            meaning(NO_SCHEDULER),
            ALL.iter()
                .find(|c| c.name == "NO_SCHEDULER")
                .map(|c| c.meaning)
        );
        assert!(meaning(STUCK_PENDING).is_some_and(|m| m.contains("--pending-timeout")));
    }

    #[test]
    fn every_typed_error_is_found_in_the_chain() {
        use crate::cli::CliError;
        use crate::ops::{InputError, WaitError};
        use crate::store::StoreError;
        let cases: Vec<(anyhow::Error, u8)> = vec![
            (CliError::Declined.into(), REFUSED),
            (CliError::CommandFlagRemoved.into(), USAGE),
            (
                CliError::TextfileNotWritten("t.prom: x".into()).into(),
                TEXTFILE_NOT_WRITTEN,
            ),
            (
                WaitError::NoScheduler {
                    id: "r".into(),
                    state: crate::model::run::RunState::Queued,
                }
                .into(),
                NO_SCHEDULER,
            ),
            (
                InputError::NotUtf8 {
                    name: "f".into(),
                    offset: 0,
                }
                .into(),
                INVALID_INPUT,
            ),
            (
                anyhow::Error::from(crate::model::documents::DocumentError::TooManyDocuments {
                    source_name: "f".into(),
                    limit: 1,
                })
                .context("checking f"),
                INVALID_INPUT,
            ),
            (
                anyhow::Error::from(crate::control::HeatError::ZeroGpu { level: "hot" })
                    .context("reading heat thresholds"),
                INVALID_INPUT,
            ),
            (
                anyhow::Error::from(StoreError::RunNotFound("r".into())).context("getting r"),
                NOT_FOUND,
            ),
            (
                crate::scheduler::SchedulerError::Store(StoreError::Timeout {
                    addr: "a".into(),
                    phase: crate::store::TimeoutPhase::Connect,
                    timeout: std::time::Duration::from_secs(1),
                })
                .into(),
                UNAVAILABLE,
            ),
            (
                crate::config::read_password_file(std::path::Path::new("/nonexistent/x"))
                    .unwrap_err()
                    .into(),
                CONFIG,
            ),
            (
                crate::ops::SubmitError::KeyConflict(vec!["document 3".into()]).into(),
                CONFLICT,
            ),
            (
                crate::ops::retry::NotDeadLetters(vec!["r9".into()]).into(),
                NOT_FOUND,
            ),
            (anyhow::anyhow!("something else"), FAILURE),
        ];
        for (err, code) in cases {
            assert_eq!(code_for(&err), code, "{err:#}");
        }
    }
}
