//! `tartarus node`: the node registry — register a heartbeat, list, inspect, label, drain, remove.

use std::collections::BTreeMap;

use anyhow::Result;
use clap::Subcommand;

use super::examples;
use super::{CliError, Ctx};
use crate::exit;
use crate::model::node::parse_label_list;

pub mod change;
pub mod list;
pub mod register;
pub mod remove;

#[derive(Debug, Subcommand)]
pub enum NodeCmd {
    /// Send one heartbeat for a node (for scripts; agents heartbeat on their own)
    #[command(after_long_help = examples::NODE_REGISTER)]
    Register(register::RegisterArgs),
    /// Every known node: alive or expired, pools, capacity, usage, heartbeat age
    #[command(after_long_help = examples::NODE_LIST)]
    List,
    /// One node with the runs placed on it
    #[command(after_long_help = examples::NODE_GET)]
    Get {
        /// Node name
        name: String,
    },
    /// Set labels (k=v) or remove them (k-) on a live node
    #[command(after_long_help = examples::NODE_LABEL)]
    Label {
        /// Node name
        name: String,
        /// `k=v` sets a label, `k-` removes it
        #[arg(required = true, value_name = "K=V|K-")]
        changes: Vec<String>,
    },
    /// Stop placing new work on a node (`--undo` to resume)
    #[command(after_long_help = examples::NODE_DRAIN)]
    Drain {
        /// Node name
        name: String,
        /// Take new work again
        #[arg(long)]
        undo: bool,
    },
    /// Forget a node; its runs are requeued (or dead-lettered after too many attempts)
    #[command(after_long_help = examples::NODE_REMOVE)]
    Remove(remove::RemoveArgs),
}

/// Labels from `--labels` or, like the product docs show, from `HADES_LABEL`.
pub fn labels_from(flag: Option<&str>) -> Result<BTreeMap<String, String>> {
    let text = match flag {
        Some(t) => t.to_string(),
        None => std::env::var("HADES_LABEL").unwrap_or_default(),
    };
    parse_label_list(&text).map_err(|m| CliError::usage(format!("labels: {m}")))
}

impl NodeCmd {
    pub async fn run(self, ctx: &Ctx) -> Result<u8> {
        let store = match self {
            NodeCmd::List | NodeCmd::Get { .. } => ctx.store_to_read().await?,
            _ => ctx.store().await?,
        };
        match self {
            NodeCmd::Register(args) => register::run(ctx, &*store, args).await?,
            NodeCmd::List => list::list(ctx, &*store).await?,
            NodeCmd::Get { name } => list::get(ctx, &*store, &name).await?,
            NodeCmd::Label { name, changes } => {
                change::label(ctx, &*store, &name, &changes).await?
            }
            NodeCmd::Drain { name, undo } => change::drain(ctx, &*store, &name, undo).await?,
            NodeCmd::Remove(args) => remove::run(ctx, &*store, args).await?,
        }
        Ok(exit::OK)
    }
}
