//! `tartarus top`: a live view of the deployment in the terminal, or one snapshot per interval for scripts: JSON lines without a terminal or with `-o json`, YAML documents with `-o yaml`.

mod screen;

use std::io::{IsTerminal, Write};
use std::time::Duration;

use anyhow::Result;
use clap::Args;

use super::args::parse_duration_arg;
use super::Ctx;
use crate::exit;
use crate::ops::top::TopSampler;
use crate::output::OutputFormat;
use crate::store::SharedStore;

#[derive(Debug, Args)]
pub struct TopArgs {
    /// Time between refreshes (at least 100ms)
    #[arg(long, default_value = "1s", value_parser = parse_duration_arg)]
    pub interval: Duration,
    /// Stop after N snapshots (default: until q, Ctrl-C or SIGTERM)
    #[arg(long, value_name = "N")]
    pub count: Option<u64>,
    /// How many of the latest events to show
    #[arg(long, value_name = "N", default_value_t = 10)]
    pub events: usize,
}

pub async fn run(ctx: &Ctx, args: TopArgs) -> Result<u8> {
    let store = ctx.store_to_read().await?;
    let interval = args.interval.max(Duration::from_millis(100));
    let sampler = TopSampler::new(args.events.min(1000));
    let stream = match ctx.output {
        OutputFormat::Json => Stream::JsonLines,
        OutputFormat::Yaml => Stream::YamlDocuments,
        OutputFormat::Table | OutputFormat::Wide if std::io::stdout().is_terminal() => {
            screen::run(store, sampler, interval, args.count).await?;
            return Ok(exit::OK);
        }
        OutputFormat::Table | OutputFormat::Wide => Stream::JsonLines,
    };
    snapshots(store, sampler, interval, args.count, stream).await?;
    Ok(exit::OK)
}

/// How snapshots are written for scripts.
#[derive(Clone, Copy)]
enum Stream {
    /// One compact JSON document per line.
    JsonLines,
    /// One YAML document per snapshot, each opened by `---`.
    YamlDocuments,
}

impl Stream {
    fn render(self, snapshot: &impl serde::Serialize) -> Result<String> {
        Ok(match self {
            Stream::JsonLines => crate::output::json_safe(serde_json::to_string(snapshot)?),
            Stream::YamlDocuments => {
                let yaml = serde_yaml::to_string(snapshot)?;
                format!("---\n{}", yaml.trim_end())
            }
        })
    }
}

/// One snapshot each interval, for scripts. A store error is logged and the next interval tries
/// again; a closed pipe ends it quietly.
async fn snapshots(
    store: SharedStore,
    mut sampler: TopSampler,
    interval: Duration,
    count: Option<u64>,
    stream: Stream,
) -> Result<()> {
    let mut stop = super::signal::shutdown_signal("stopping top");
    let mut tick = tokio::time::interval(interval);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut printed = 0u64;
    loop {
        tokio::select! {
            _ = tick.tick() => {}
            _ = stop.changed() => return Ok(()),
        }
        match sampler.snapshot(store.as_ref()).await {
            Ok(snapshot) => {
                let line = stream.render(&snapshot)?;
                let mut out = std::io::stdout().lock();
                if writeln!(out, "{line}").and_then(|()| out.flush()).is_err() {
                    return Ok(());
                }
                printed += 1;
                if count.is_some_and(|c| printed >= c) {
                    return Ok(());
                }
            }
            Err(e) => tracing::warn!("top: reading the store failed (retrying): {e}"),
        }
    }
}
