//! `sandbox logs`: a run's output, optionally followed until it ends.

use anyhow::Result;
use clap::Args;

use crate::cli::Ctx;
use crate::exit;
use crate::ops::logs::copy_logs;
use crate::output::dash;

#[derive(Debug, Args)]
pub struct LogsArgs {
    /// Run id
    pub id: String,
    /// Keep printing until the run ends
    #[arg(short, long)]
    pub follow: bool,
}

pub async fn run(ctx: &Ctx, args: LogsArgs) -> Result<u8> {
    let store = ctx.store().await?;
    let mut out = std::io::stdout().lock();
    let remote = copy_logs(&*store, &args.id, args.follow, &mut out).await?;
    if let (Some(remote), true) = (remote, args.follow && !ctx.quiet) {
        eprintln!(
            "(the full log is on node {}: {})",
            dash(remote.node.as_ref()),
            remote.path
        );
    }
    Ok(exit::OK)
}
