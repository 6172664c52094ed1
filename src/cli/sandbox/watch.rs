//! `sandbox watch`: run and policy events as they happen, one line each (`-o json`: one JSON object per line).

use std::io::Write;

use anyhow::Result;
use clap::Args;

use crate::cli::Ctx;
use crate::exit;
use crate::model::run::Event;
use crate::model::view::EventView;
use crate::ops::watch::{watch_events, WatchOptions};
use crate::output::{dash, timestamp, OutputFormat};

#[derive(Debug, Args)]
pub struct WatchArgs {
    /// Only this run's events
    #[arg(long)]
    pub run: Option<String>,
    /// Start from the oldest event kept instead of only new ones
    #[arg(long)]
    pub from_start: bool,
    /// Stop after this many events
    #[arg(long)]
    pub count: Option<usize>,
}

fn line(format: OutputFormat, e: &Event) -> String {
    match format {
        OutputFormat::Json | OutputFormat::Yaml => {
            crate::output::json_safe(serde_json::to_string(&EventView::of(e)).unwrap_or_default())
        }
        OutputFormat::Table | OutputFormat::Wide => format!(
            "{}  {:<6} {:<26} {:>9} -> {:<9} {} {}",
            timestamp(e.at),
            e.kind,
            dash(e.run.as_ref()),
            dash(e.from.as_ref()),
            dash(e.to.as_ref()),
            e.node
                .as_deref()
                .map(|n| format!("@{n}"))
                .unwrap_or_default(),
            e.message.as_deref().unwrap_or_default()
        ),
    }
}

pub async fn run(ctx: &Ctx, args: WatchArgs) -> Result<u8> {
    let store = ctx.store_to_read().await?;
    let opts = WatchOptions {
        run: args.run,
        from_start: args.from_start,
        count: args.count,
    };
    let format = ctx.output;
    watch_events(&*store, &opts, &mut |e| {
        let mut out = std::io::stdout().lock();
        // A reader that went away (`| head`) ends the watch quietly.
        // Event messages can quote what people wrote: no control character goes out raw.
        let line = line(format, e);
        writeln!(out, "{}", crate::output::cell(line.trim_end())).is_ok() && out.flush().is_ok()
    })
    .await?;
    Ok(exit::OK)
}
