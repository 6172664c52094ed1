//! `tartarus metrics`: the node_exporter textfile for cron jobs, and the `--textfile` that
//! `backup create|copy|verify` and `verify persistence` share; the figures are gathered by
//! `metrics::textfile`.

use std::path::{Path, PathBuf};

use anyhow::Result;
use clap::Args;

use super::{CliError, Ctx};
use crate::config::Backend;
use crate::exit;
use crate::metrics::textfile::{self, Overrides, Sources};
use crate::persistence::backup::Location;

pub const EXAMPLES: &str = "\
Examples:
  # from cron, for node_exporter's textfile collector (written atomically)
  tartarus metrics --textfile /var/lib/node_exporter/textfile/tartarus.prom \\
      --dir /var/backups/tartarus --remote s3://acme-backups/tartarus

  # the same figures on stdout
  tartarus metrics --dir /var/backups/tartarus";

/// `--textfile` of the commands that record their outcome for cron jobs.
#[derive(Debug, Args)]
pub struct TextfileArg {
    /// Also write node_exporter textfile metrics here (atomically), on success and on failure:
    /// this command's outcome with everything `tartarus metrics` reports. If it cannot be
    /// written, a command that succeeded exits 32 (TEXTFILE_NOT_WRITTEN)
    #[arg(long, env = "TARTARUS_TEXTFILE", value_name = "PATH")]
    pub textfile: Option<PathBuf>,
}

/// Parses `--dir`, `--copy-to`, `--remote` values: a folder or `s3://bucket/prefix`.
pub fn parse_location(s: &str) -> Result<Location, String> {
    Location::parse(s).map_err(|e| e.to_string())
}

/// Parses a `--dir` that must be a folder on this machine (where backups are made).
pub fn parse_local_dir(s: &str) -> Result<PathBuf, String> {
    match Location::parse(s).map_err(|e| e.to_string())? {
        Location::Folder(p) => Ok(p),
        Location::S3(_) => Err(format!(
            "{s}: backups are made in a folder on this machine; copy them to object storage \
             with --copy-to (or TARTARUS_BACKUP_COPY_TO)"
        )),
    }
}

#[derive(Debug, Args)]
pub struct MetricsArgs {
    /// Write the textfile here (atomically: a temporary file in the same folder, fsync,
    /// rename); without it, print it
    #[arg(long, env = "TARTARUS_TEXTFILE", value_name = "PATH")]
    pub textfile: Option<PathBuf>,
    /// The backup directory whose newest backups, verifications and last create/copy to report
    /// (s3://… counts as --remote)
    #[arg(
        long,
        env = "TARTARUS_BACKUP_DIR",
        hide_env_values = true,
        value_name = "DIR",
        value_parser = parse_location
    )]
    pub dir: Option<Location>,
    /// The off-machine destination to report too (a folder or s3://bucket/prefix)
    #[arg(
        long,
        env = "TARTARUS_BACKUP_COPY_TO",
        hide_env_values = true,
        value_name = "DEST",
        value_parser = parse_location
    )]
    pub remote: Option<Location>,
    /// Do not store a memory sample for `redis health`'s forecast
    #[arg(long)]
    pub no_record: bool,
}

/// Gathers the figures for this configuration.
async fn sources<'a>(
    ctx: &Ctx,
    backup_dir: Option<&'a Path>,
    remote: Option<&'a Location>,
    record_memory_sample: bool,
) -> Sources<'a> {
    let (redis, store) = match &ctx.config.backend {
        Backend::Redis(t) => {
            let store = match ctx.store().await {
                Ok(s) => Some(s),
                Err(e) => {
                    tracing::warn!("textfile: {e:#}");
                    None
                }
            };
            (Some(t.as_ref().clone()), store)
        }
        // The in-memory store of a new process holds nothing worth reporting.
        Backend::Memory => (None, None),
    };
    Sources {
        backup_dir,
        remote,
        redis,
        keys: ctx.config.keys(),
        store,
        record_memory_sample,
    }
}

/// Whether a command's `--textfile` was written; [`Recorded::finish`] combines it with the
/// command's own result.
#[must_use = "finish() reports a textfile that was not written"]
pub(crate) struct Recorded(Option<anyhow::Error>);

impl Recorded {
    /// The command's result, unless it succeeded and its textfile was not written: then
    /// [`CliError::TextfileNotWritten`] (exit `TEXTFILE_NOT_WRITTEN`), so a cron job learns that
    /// node_exporter still serves the old file. After a failure, the command's own error and code
    /// stand and the textfile's is one warning.
    pub(crate) fn finish(self, result: Result<u8>) -> Result<u8> {
        match (self.0, result) {
            (None, result) => result,
            (Some(e), Ok(exit::OK)) => Err(CliError::TextfileNotWritten(format!("{e:#}")).into()),
            (Some(e), result) => {
                tracing::warn!("{e:#}");
                result
            }
        }
    }
}

/// Writes the textfile of a command that records its outcome (on success and failure alike).
pub(crate) async fn record_outcome(
    ctx: &Ctx,
    path: Option<&Path>,
    backup_dir: Option<&Path>,
    remote: Option<&Location>,
    overrides: Overrides,
) -> Recorded {
    let Some(path) = path else {
        return Recorded(None);
    };
    let src = sources(ctx, backup_dir, remote, false).await;
    Recorded(textfile::write(path, &src, &overrides).await.err())
}

pub async fn run(ctx: &Ctx, args: MetricsArgs) -> Result<u8> {
    // A --dir in object storage (TARTARUS_BACKUP_DIR=s3://…) is reported as the remote.
    let (local, remote) = match (&args.dir, &args.remote) {
        (Some(Location::Folder(d)), r) => (Some(d.as_path()), r.as_ref()),
        (Some(s3 @ Location::S3(_)), None) => (None, Some(s3)),
        (_, r) => (None, r.as_ref()),
    };
    let src = sources(ctx, local, remote, !args.no_record).await;
    match &args.textfile {
        Some(path) => {
            textfile::write(path, &src, &Overrides::default()).await?;
        }
        None => {
            let t = textfile::collect(&src, &Overrides::default()).await;
            print!("{}", t.render());
        }
    }
    Ok(exit::OK)
}
