//! `backup verify ID|PATH`: flags, the report table, and the verification on a blocking thread.

use std::path::PathBuf;

use anyhow::{Context as _, Result};
use clap::Args;

use super::RefDirArg;
use crate::cli::metrics::{record_outcome, TextfileArg};
use crate::cli::Ctx;
use crate::exit;
use crate::metrics::textfile::Overrides;
use crate::output::{columns, emit, Render};
use crate::persistence::backup::outcome::VerifyRecord;
use crate::persistence::backup::{self, CheckOutcome, Location, VerifyReport};
use crate::persistence::PersistenceError;

pub const EXAMPLES: &str = "\
Examples:
  # a backup by id, in the backup directory
  tartarus backup verify 20260102T030405Z-file --dir /var/backups/tartarus

  # a backup folder by path (copied back from offsite, say): no --dir needed
  tartarus backup verify /mnt/offsite/20260102T030405Z-file

  # for scripts: the checks as JSON, exit 31 when any fails
  tartarus backup verify 20260102T030405Z-logical -o json

  # a copy in object storage (downloaded into a private temporary folder, then verified)
  tartarus backup verify s3://acme-backups/tartarus/20260102T030405Z-file";

#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// Backup id (looked up in --dir), the path of a backup folder (anywhere; a path needs no
    /// --dir), or s3://bucket/prefix/ID
    #[arg(value_name = "ID|PATH")]
    pub backup: String,
    #[command(flatten)]
    pub dir: RefDirArg,
    #[command(flatten)]
    pub textfile: TextfileArg,
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

/// Verifies and records the result where `metrics --textfile` finds it: `verify-result.json`
/// in the backup folder, or next to the remote copy's manifest.
async fn verify_and_record(
    args: &VerifyArgs,
) -> Result<(VerifyReport, &'static str, VerifyRecord)> {
    let progress = crate::persistence::no_progress;
    let fetched = backup::remote::fetch(args.dir.dir.as_ref(), &args.backup, None, &progress)
        .await
        .with_context(|| format!("reading backup {}", args.backup))?;
    let report = verify_blocking(fetched.path.clone()).await?;
    let record = VerifyRecord {
        ok: report.ok,
        verified_at: crate::model::now_ms(),
        by: "backup verify".into(),
        reason: (!report.ok).then(|| report.failure_reason()),
    };
    let remote = fetched.source.starts_with("s3://");
    let stored = if remote {
        let (loc, id) = match backup::remote::split_remote_reference(&args.backup) {
            Some(r) => r?,
            None => (
                args.dir
                    .dir
                    .clone()
                    .context("a remote backup needs --dir")?,
                args.backup.clone(),
            ),
        };
        backup::remote::record_remote_verify(&loc, &id, &record).await
    } else if std::fs::symlink_metadata(fetched.path.join(backup::MANIFEST)).is_err() {
        // Not a backup (`backup verify /tmp`): nothing is written into it.
        Ok(())
    } else {
        backup::outcome::write_record(&fetched.path, backup::outcome::VERIFY_RECORD, &record)
    };
    if let Err(e) = stored {
        tracing::warn!("the result was not recorded next to the backup: {e}");
    }
    Ok((report, if remote { "remote" } else { "local" }, record))
}

pub async fn run(ctx: &Ctx, args: VerifyArgs) -> Result<u8> {
    let outcome = verify_and_record(&args).await;
    let local_dir = args.dir.dir.as_ref().and_then(Location::folder);
    let overrides = Overrides {
        verify: Some(match &outcome {
            Ok((_, location, record)) => (*location, record.clone()),
            Err(e) => (
                if args.backup.starts_with("s3://")
                    || args.dir.dir.as_ref().is_some_and(Location::is_remote)
                {
                    "remote"
                } else {
                    "local"
                },
                VerifyRecord {
                    ok: false,
                    verified_at: crate::model::now_ms(),
                    by: "backup verify".into(),
                    reason: Some(format!("{e:#}")),
                },
            ),
        }),
        ..Default::default()
    };
    let remote = args.dir.dir.as_ref().filter(|l| l.is_remote());
    let recorded = record_outcome(
        ctx,
        args.textfile.textfile.as_deref(),
        local_dir,
        remote,
        overrides,
    )
    .await;
    recorded.finish(outcome.and_then(|(report, _, _)| {
        emit(ctx.output, &report)?;
        if report.ok {
            Ok(exit::OK)
        } else {
            Err(failed(&report).into())
        }
    }))
}
