//! The result of one execution: how it ended, its exit code, the output tail and log location.

use std::path::PathBuf;
use std::time::Duration;

use serde::{Deserialize, Serialize};

/// How a run ended.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Status {
    /// The command exited with code 0.
    Succeeded,
    /// The command exited with a non-zero code, or was killed by a signal it was not sent by us.
    Failed {
        exit_code: Option<i32>,
        signal: Option<i32>,
    },
    /// The timeout elapsed; the process group was sent SIGTERM, then SIGKILL after the grace.
    TimedOut,
    /// Cancellation was requested; the process group was sent SIGTERM, then SIGKILL after the grace.
    Cancelled,
    /// The command never ran (bad run id, working folder or log file not creatable, program not
    /// found, bwrap setup failure…). `message` says why, e.g. "spawn `nosuchcmd`: No such file or directory (os error 2)".
    FailedToStart { message: String },
    /// The agent's own machinery stopped it, not the command or the user: the agent's lease on its
    /// node ran out (the supervisor killed it), or the supervisor died. The run is handed back.
    Lost { message: String },
}

impl Status {
    pub fn is_success(&self) -> bool {
        matches!(self, Status::Succeeded)
    }
}

/// Everything the agent reports about a finished run.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outcome {
    pub status: Status,
    /// The exit code when the (top) process exited normally; `None` when killed by a signal or never started.
    pub exit_code: Option<i32>,
    /// The last `tail_bytes` of combined stdout+stderr (in arrival order), UTF-8 lossy, starting at a
    /// character boundary (so it may be up to 3 bytes shorter than the raw tail).
    pub log_tail: String,
    /// The full (capped) log file, when one was created.
    pub log_path: Option<PathBuf>,
    /// Wall time from spawn to the end of output collection (zero when never started).
    pub duration: Duration,
    /// Output bytes that did not fit under `log_max_bytes` and were not written to the log file.
    pub bytes_dropped: u64,
    /// Total output bytes the sandbox produced (stdout + stderr).
    pub bytes_total: u64,
    /// Non-fatal problems the agent may want to log (log write error, working folder not removed,
    /// output pipe held open by an escaped process…).
    pub warnings: Vec<String>,
}

impl Outcome {
    pub(crate) fn failed_to_start(message: String, log_path: Option<PathBuf>) -> Outcome {
        Outcome {
            status: Status::FailedToStart { message },
            exit_code: None,
            log_tail: String::new(),
            log_path,
            duration: Duration::ZERO,
            bytes_dropped: 0,
            bytes_total: 0,
            warnings: Vec::new(),
        }
    }
}
