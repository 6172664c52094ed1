//! `queue purge`: empties one Acheron list after a confirmation that says how many runs it touches.

use anyhow::Result;
use clap::Args;

use crate::cli::args::QueueArg;
use crate::cli::Ctx;
use crate::store::{QueueName, Store};

#[derive(Debug, Args)]
pub struct PurgeArgs {
    /// Which list
    #[arg(value_enum)]
    pub which: QueueArg,
}

pub async fn run(ctx: &Ctx, store: &dyn Store, args: PurgeArgs) -> Result<()> {
    let which = QueueName::from(args.which);
    let stats = store.queue_stats().await?;
    let n = match which {
        QueueName::Queued => stats.depth,
        QueueName::Leased => stats.in_flight,
        QueueName::Pending => stats.pending,
        QueueName::Dead => stats.dead,
    };
    let what = match which {
        QueueName::Dead => format!("delete {n} dead letter(s) and their run data"),
        _ => format!("cancel the {n} run(s) in the {which:?} list").to_lowercase(),
    };
    ctx.confirm(&what)?;
    let count = store.purge(which).await?;
    super::said(ctx, "purged", count, format!("purged {count}"))
}
