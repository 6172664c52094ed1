//! `node remove`: forgets a node after a confirmation; its runs are requeued or dead-lettered. `--dry-run` says which, and writes nothing.

use anyhow::Result;
use clap::Args;
use serde::Serialize;

use crate::cli::Ctx;
use crate::output::{emit, Message};
use crate::store::{Recovery, Store, StoreError};

#[derive(Debug, Args)]
pub struct RemoveArgs {
    /// Node name
    pub name: String,
    /// Attempts after which one of its runs is dead-lettered instead of requeued
    #[arg(long, default_value_t = 3)]
    pub max_attempts: u32,
    /// Say which runs would be requeued and which dead-lettered, and change nothing
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Serialize)]
struct Removed {
    node: String,
    dry_run: bool,
    requeued: Vec<String>,
    dead_lettered: Vec<String>,
}

pub async fn run(ctx: &Ctx, store: &dyn Store, args: RemoveArgs) -> Result<()> {
    let name = args.name;
    if store.node(&name).await?.is_none() {
        return Err(StoreError::NodeNotFound(name).into());
    }
    let removed = if args.dry_run {
        let plan = crate::ops::node::removal_plan(store, &name, args.max_attempts).await?;
        Removed {
            node: name.clone(),
            dry_run: true,
            requeued: plan.requeue,
            dead_lettered: plan.dead_letter,
        }
    } else {
        let n = store.node_runs(&name).await?.len();
        ctx.confirm(&format!("remove node {name} and requeue its {n} run(s)"))?;
        let mut removed = Removed {
            node: name.clone(),
            dry_run: false,
            requeued: Vec::new(),
            dead_lettered: Vec::new(),
        };
        for r in store.remove_node(&name, args.max_attempts).await? {
            match r {
                Recovery::Requeued { id, .. } => removed.requeued.push(id),
                Recovery::DeadLettered { id, .. } => removed.dead_lettered.push(id),
            }
        }
        removed
    };
    let text = format!(
        "{} {name}: {} run(s) {}requeued, {} dead-lettered{}",
        if removed.dry_run {
            "dry run: removing"
        } else {
            "removed"
        },
        removed.requeued.len(),
        if removed.dry_run { "would be " } else { "" },
        removed.dead_lettered.len(),
        if removed.dry_run {
            "; nothing was changed"
        } else {
            ""
        }
    );
    emit(
        ctx.output,
        &Message {
            data: removed,
            text,
        },
    )
}
