//! `sandbox export`: finished runs with their events as JSON lines (gzip for `.gz`), written atomically, with progress on a terminal.

use std::path::PathBuf;

use anyhow::Result;
use clap::Args;

use crate::cli::Ctx;
use crate::exit;
use crate::ops::export::{export, ExportOptions, ExportReport};
use crate::output::{emit, fields, Render};

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Export runs finished at or before this time (RFC 3339, e.g. 2026-11-30T00:00:00Z), or
    /// this long ago (a duration: `7d`, `12h`)
    #[arg(long, value_name = "TIME")]
    pub finished_before: String,
    /// The file to write (`.jsonl`, or `.jsonl.gz` to compress it); it appears only when complete
    #[arg(long, value_name = "FILE")]
    pub to: PathBuf,
}

/// `--finished-before`: an RFC 3339 time, or a duration before now.
fn cutoff(text: &str) -> Result<i64> {
    if let Ok(t) = crate::output::parse_timestamp(text) {
        return Ok(t);
    }
    match crate::model::units::parse_duration(text) {
        Ok(d) => Ok(crate::model::now_ms() - crate::store::ms(d)),
        Err(_) => Err(crate::cli::CliError::usage(format!(
            "--finished-before `{text}` is neither an RFC 3339 time (2026-11-30T00:00:00Z) nor a duration (7d)"
        ))),
    }
}

impl Render for ExportReport {
    fn render_table(&self, _wide: bool) -> String {
        fields(vec![
            ("File", self.file.clone()),
            ("Runs", self.runs.to_string()),
            (
                "Finished before",
                crate::output::timestamp(self.finished_before),
            ),
            ("Compressed", self.compressed.to_string()),
            ("Size", crate::output::human_bytes(self.size_bytes)),
        ])
    }
}

pub async fn run(ctx: &Ctx, args: ExportArgs) -> Result<u8> {
    if args.to.as_os_str() == "-" {
        return Err(crate::cli::CliError::usage(
            "--to -: export writes a named file (it appears only when complete) and prints its \
             report on stdout; give a path, ending in .gz to compress it",
        ));
    }
    let options = ExportOptions {
        finished_before: cutoff(&args.finished_before)?,
        to: args.to,
    };
    let store = ctx.store_to_read().await?;
    let bar = ctx.interactive().then(|| {
        let b = indicatif::ProgressBar::new_spinner();
        b.set_style(
            indicatif::ProgressStyle::with_template("{spinner} exported {pos} runs {per_sec}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
        );
        b
    });
    let report = export(&*store, &options, &mut |n| {
        if let Some(b) = &bar {
            b.set_position(n);
        }
    })
    .await;
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    emit(ctx.output, &report?)?;
    Ok(exit::OK)
}
