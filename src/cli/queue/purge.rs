//! `queue purge`: empties one Acheron list after a confirmation that says how many runs it touches; `--dry-run` only counts.

use anyhow::Result;
use clap::Args;
use serde::Serialize;

use crate::cli::args::QueueArg;
use crate::cli::Ctx;
use crate::output::{emit, Render};
use crate::store::{QueueName, Store};

#[derive(Debug, Args)]
pub struct PurgeArgs {
    /// Which list
    #[arg(value_enum)]
    pub which: QueueArg,
    /// Say how many runs would be cancelled (or dead letters deleted) and change nothing
    #[arg(long)]
    pub dry_run: bool,
}

/// What `queue purge` did, or with `--dry-run` would do.
#[derive(Serialize)]
struct PurgeReport {
    list: QueueName,
    /// `cancel` (queued, leased, pending) or `delete` (dead letters, with their run data).
    effect: &'static str,
    dry_run: bool,
    /// Runs cancelled or dead letters deleted (with `--dry-run`: how many are in the list now).
    count: u64,
}

impl PurgeReport {
    fn what(&self) -> String {
        let list = serde_json::to_value(self.list)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        match self.list {
            QueueName::Dead => format!("{} dead letter(s) and their run data", self.count),
            _ => format!("the {} run(s) in the {list} list", self.count),
        }
    }

    fn question(&self) -> String {
        format!("{} {}", self.effect, self.what())
    }
}

impl Render for PurgeReport {
    fn render_table(&self, _wide: bool) -> String {
        if self.dry_run {
            format!(
                "dry run: purge would {}; nothing was changed",
                self.question()
            )
        } else {
            let done = if self.effect == "delete" {
                "deleted"
            } else {
                "cancelled"
            };
            format!("purged: {done} {}", self.what())
        }
    }
}

pub async fn run(ctx: &Ctx, store: &dyn Store, args: PurgeArgs) -> Result<()> {
    let which = QueueName::from(args.which);
    let stats = store.queue_stats().await?;
    let plan = PurgeReport {
        list: which,
        effect: match which {
            QueueName::Dead => "delete",
            _ => "cancel",
        },
        dry_run: args.dry_run,
        count: match which {
            QueueName::Queued => stats.depth,
            QueueName::Leased => stats.in_flight,
            QueueName::Pending => stats.pending,
            QueueName::Dead => stats.dead,
        },
    };
    if args.dry_run {
        return emit(ctx.output, &plan);
    }
    ctx.confirm(&plan.question())?;
    let count = store.purge(which).await?;
    emit(ctx.output, &PurgeReport { count, ..plan })
}
