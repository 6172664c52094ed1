//! `sandbox logs`: a run's output, optionally followed until it ends.

use anyhow::Result;
use clap::Args;

use crate::cli::Ctx;
use crate::exit;
use crate::ops::logs::copy_logs;
use crate::ops::wait::WaitOptions;
use crate::output::dash;

#[derive(Debug, Args)]
pub struct LogsArgs {
    /// Run id
    pub id: String,
    /// Keep printing until the run ends (failing fast as `sandbox wait` does: exit 16 without a
    /// live scheduler, 17 when the run stays pending with no node that could take it)
    #[arg(short, long)]
    pub follow: bool,
    /// With --follow: how long the run may stay pending with no node that could ever take it;
    /// 0 waits for ever
    #[arg(long, value_name = "DURATION", default_value = "2m", value_parser = crate::cli::args::parse_duration_arg)]
    pub pending_timeout: std::time::Duration,
}

pub async fn run(ctx: &Ctx, args: LogsArgs) -> Result<u8> {
    let store = ctx.store_to_read().await?;
    let mut out = std::io::stdout().lock();
    let follow = args.follow.then(|| WaitOptions {
        pending_timeout: (!args.pending_timeout.is_zero()).then_some(args.pending_timeout),
        ..Default::default()
    });
    let remote = copy_logs(&*store, &args.id, follow, &mut out).await?;
    if let (Some(remote), true) = (remote, args.follow && !ctx.quiet) {
        eprintln!(
            "(the full log is on node {}: {})",
            dash(remote.node.as_ref()),
            remote.path
        );
    }
    Ok(exit::OK)
}
