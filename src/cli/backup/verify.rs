//! `backup verify ID|PATH`: flags, the report table, and the verification on a blocking thread.

use std::path::PathBuf;

use anyhow::{Context as _, Result};
use clap::Args;

use super::RefDirArg;
use crate::cli::Ctx;
use crate::exit;
use crate::output::{columns, emit, Render};
use crate::persistence::backup::{self, CheckOutcome, VerifyReport};
use crate::persistence::PersistenceError;

pub const EXAMPLES: &str = "\
Examples:
  # a backup by id, in the backup directory
  tartarus backup verify 20260102T030405Z-file --dir /var/backups/tartarus

  # a backup folder by path (copied back from offsite, say): no --dir needed
  tartarus backup verify /mnt/offsite/20260102T030405Z-file

  # for scripts: the checks as JSON, exit 31 when any fails
  tartarus backup verify 20260102T030405Z-logical -o json";

#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// Backup id (a folder name in --dir), or the path of a backup folder (anywhere; a path
    /// needs no --dir)
    #[arg(value_name = "ID|PATH")]
    pub backup: String,
    #[command(flatten)]
    pub dir: RefDirArg,
}

impl Render for VerifyReport {
    fn render_table(&self, _wide: bool) -> String {
        let rows = self
            .checks
            .iter()
            .map(|c| {
                vec![
                    c.name.clone(),
                    match c.outcome {
                        CheckOutcome::Ok => "ok",
                        CheckOutcome::Failed => "FAILED",
                        CheckOutcome::Skipped => "skipped",
                    }
                    .to_string(),
                    c.detail.clone(),
                ]
            })
            .collect();
        format!(
            "{}: {}\n\n{}",
            self.id.clone().unwrap_or_else(|| self.path.clone()),
            if self.ok { "OK" } else { "FAILED" },
            columns(&["CHECK", "RESULT", "DETAIL"], rows)
        )
    }
}

/// Full verification on a blocking thread (it reads every file).
pub(super) async fn verify_blocking(path: PathBuf) -> Result<VerifyReport> {
    tokio::task::spawn_blocking(move || backup::verify(&path))
        .await
        .context("the verification task stopped")
}

/// The error of a report that failed (exit `BACKUP_INVALID`).
pub(super) fn failed(report: &VerifyReport) -> PersistenceError {
    PersistenceError::VerificationFailed {
        path: PathBuf::from(&report.path),
        reason: report.failure_reason(),
    }
}

pub async fn run(ctx: &Ctx, args: VerifyArgs) -> Result<u8> {
    let path = backup::resolve(args.dir.dir.as_deref(), &args.backup)?;
    let report = verify_blocking(path).await?;
    emit(ctx.output, &report)?;
    if report.ok {
        Ok(exit::OK)
    } else {
        Err(failed(&report).into())
    }
}
