//! `backup copy ID|PATH DEST`: flags and the summary; the copy is `persistence::backup::remote::copy`.

use std::time::Instant;

use anyhow::{Context as _, Result};
use clap::Args;

use super::RefDirArg;
use crate::cli::metrics::{parse_location, record_outcome, TextfileArg};
use crate::cli::progress::Reporter;
use crate::cli::Ctx;
use crate::exit;
use crate::metrics::textfile::Overrides;
use crate::output::{emit, fields, human_bytes, Render};
use crate::persistence::backup::outcome::{write_record, RunRecord, COPY_RECORD};
use crate::persistence::backup::remote::CopyReport;
use crate::persistence::backup::{self, Location};

pub const EXAMPLES: &str = "\
Examples:
  # to object storage (credentials from the AWS variables or ~/.aws; AWS_ENDPOINT_URL for
  # S3-compatible servers)
  tartarus backup copy 20260102T030405Z-file s3://acme-backups/tartarus

  # to an NFS/EFS mount
  tartarus backup copy 20260102T030405Z-file /mnt/efs/tartarus-backups";

#[derive(Debug, Args)]
pub struct CopyArgs {
    /// Backup id (looked up in --dir) or the path of a backup folder
    #[arg(value_name = "ID|PATH")]
    pub backup: String,
    /// Where to: a folder (an NFS or EFS mount) or s3://bucket/prefix
    #[arg(value_name = "DEST", value_parser = parse_location)]
    pub dest: Location,
    #[command(flatten)]
    pub dir: RefDirArg,
    #[command(flatten)]
    pub textfile: TextfileArg,
}

/// One line for tables: where, how much, and that it was read back.
pub(super) fn describe(c: &CopyReport) -> String {
    format!(
        "{} ({} file(s), {}, read back ok{})",
        c.destination,
        c.files,
        human_bytes(c.size_bytes),
        if c.already_there {
            "; it was already there"
        } else {
            ""
        }
    )
}

impl Render for CopyReport {
    fn render_table(&self, _wide: bool) -> String {
        fields(vec![
            ("Backup", self.id.clone()),
            ("Copied to", describe(self)),
            ("Took", format!("{:.1}s", self.elapsed_ms as f64 / 1000.0)),
        ])
    }
}

pub async fn run(ctx: &Ctx, args: CopyArgs) -> Result<u8> {
    let local = args.dir.dir.as_ref().and_then(Location::folder);
    let started = Instant::now();
    let reporter = Reporter::new(ctx);
    let progress = |p| reporter.report(p);
    let copied = async {
        let src = backup::resolve(local, &args.backup)?;
        backup::remote::copy(&src, &args.dest, &progress).await
    }
    .await
    .with_context(|| format!("copying backup {} to {}", args.backup, args.dest));
    reporter.finish();
    let record = RunRecord {
        ok: copied.is_ok(),
        finished_at: crate::model::now_ms(),
        duration_ms: started.elapsed().as_millis() as u64,
        id: copied.as_ref().ok().map(|c| c.id.clone()),
        destination: Some(args.dest.to_string()),
        error: copied.as_ref().err().map(|e| format!("{e:#}")),
    };
    if let Some(dir) = local.filter(|d| d.is_dir()) {
        if let Err(e) = write_record(dir, COPY_RECORD, &record) {
            tracing::warn!("could not record the copy in {}: {e}", dir.display());
        }
    }
    let overrides = Overrides {
        copy: Some(record),
        ..Default::default()
    };
    let recorded = record_outcome(
        ctx,
        args.textfile.textfile.as_deref(),
        local,
        Some(&args.dest),
        overrides,
    )
    .await;
    recorded.finish(copied.and_then(|report| {
        emit(ctx.output, &report)?;
        Ok(exit::OK)
    }))
}
