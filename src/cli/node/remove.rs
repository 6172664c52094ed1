//! `node remove`: forgets a node after a confirmation; its runs are requeued or dead-lettered.

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
}

#[derive(Serialize)]
struct Removed {
    node: String,
    requeued: Vec<String>,
    dead_lettered: Vec<String>,
}

pub async fn run(ctx: &Ctx, store: &dyn Store, args: RemoveArgs) -> Result<()> {
    let name = args.name;
    if store.node(&name).await?.is_none() {
        return Err(StoreError::NodeNotFound(name).into());
    }
    let n = store.node_runs(&name).await?.len();
    ctx.confirm(&format!("remove node {name} and requeue its {n} run(s)"))?;
    let rec = store.remove_node(&name, args.max_attempts).await?;
    let mut removed = Removed {
        node: name.clone(),
        requeued: Vec::new(),
        dead_lettered: Vec::new(),
    };
    for r in rec {
        match r {
            Recovery::Requeued { id, .. } => removed.requeued.push(id),
            Recovery::DeadLettered { id, .. } => removed.dead_lettered.push(id),
        }
    }
    let text = format!(
        "removed {name}: {} run(s) requeued, {} dead-lettered",
        removed.requeued.len(),
        removed.dead_lettered.len()
    );
    emit(
        ctx.output,
        &Message {
            data: removed,
            text,
        },
    )
}
