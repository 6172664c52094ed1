//! `tartarus sandbox`: submit runs (one or thousands), list them, inspect one with its history, wait, logs, watch, cancel.

use anyhow::Result;
use clap::Subcommand;

use super::examples;
use super::Ctx;

pub mod cancel;
pub mod export;
pub mod get;
pub mod list;
pub mod logs;
pub mod render;
pub mod submit;
pub mod wait;
pub mod watch;

pub use crate::ops::submit::new_runs;
pub use render::{label_text, run_page};

#[derive(Debug, Subcommand)]
pub enum SandboxCmd {
    /// Submit sandboxes from a YAML file (many documents = bulk, pipelined) or from flags
    ///
    /// Every document is validated before anything is written: one bad document submits
    /// nothing. Prints the new run ids. With flags, the command and its arguments come after
    /// `--`: `tartarus sandbox submit --image alpine -- sh -c 'echo hi'`.
    #[command(after_long_help = examples::SANDBOX_SUBMIT)]
    Submit(Box<submit::SubmitArgs>),
    /// List runs, oldest first, with filters and paging
    #[command(after_long_help = examples::SANDBOX_LIST)]
    List(list::ListArgs),
    /// Show one run: its document (resubmittable with -o yaml), verdict, placement, outcome and
    /// recent events
    #[command(after_long_help = examples::SANDBOX_GET)]
    Get(get::GetArgs),
    /// Wait until runs finish; the exit code is that of the worst run
    ///
    /// 0 every run succeeded; else the highest of: 10 failed, 11 timed out, 12 cancelled,
    /// 13 denied/rejected, 14 dead-lettered. The wait itself fails with 15 when --timeout
    /// passes, 16 when no scheduler is alive to move a waiting run, 17 when a run stays pending
    /// with no node that could take it for --pending-timeout.
    #[command(after_long_help = examples::SANDBOX_WAIT)]
    Wait(wait::WaitArgs),
    /// Print a run's output: the full log when it is readable here, else the stored tail
    #[command(after_long_help = examples::SANDBOX_LOGS)]
    Logs(logs::LogsArgs),
    /// Stream run and policy events as they happen (`-o json`: one JSON object per line)
    #[command(after_long_help = examples::SANDBOX_WATCH)]
    Watch(watch::WatchArgs),
    /// Cancel runs in any unfinished state (frees their node capacity)
    #[command(after_long_help = examples::SANDBOX_CANCEL)]
    Cancel(cancel::CancelArgs),
    /// Write finished runs with their events as JSON lines (before retention deletes them)
    ///
    /// One line per run: the `sandbox get -o json` document with its events (times RFC 3339),
    /// the same lines `scheduler run --archive-dir` appends. The file is written under a
    /// temporary name (0600) and renamed into place when complete; `.gz` compresses it.
    #[command(after_long_help = examples::SANDBOX_EXPORT)]
    Export(export::ExportArgs),
}

impl SandboxCmd {
    pub async fn run(self, ctx: &Ctx) -> Result<u8> {
        match self {
            SandboxCmd::Submit(args) => submit::run(ctx, *args).await,
            SandboxCmd::List(args) => list::run(ctx, args).await,
            SandboxCmd::Get(args) => get::run(ctx, args).await,
            SandboxCmd::Wait(args) => wait::run(ctx, args).await,
            SandboxCmd::Logs(args) => logs::run(ctx, args).await,
            SandboxCmd::Watch(args) => watch::run(ctx, args).await,
            SandboxCmd::Cancel(args) => cancel::run(ctx, args).await,
            SandboxCmd::Export(args) => export::run(ctx, args).await,
        }
    }
}

/// Splits `KEY=VALUE` flags (labels, environment variables); anything else is a usage error.
pub fn split_kv(item: &str, what: &str) -> Result<(String, String)> {
    match item.split_once('=') {
        Some((k, v)) if !k.is_empty() => Ok((k.to_string(), v.to_string())),
        _ => Err(super::CliError::usage(format!(
            "{what} `{item}` must be written KEY=VALUE"
        ))),
    }
}
