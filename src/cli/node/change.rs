//! `node label` and `node drain`: changes to a live node.

use std::collections::BTreeMap;

use anyhow::{Context as _, Result};

use crate::cli::{CliError, Ctx};
use crate::model::node::parse_label_list;
use crate::output::emit;
use crate::store::Store;

pub async fn label(ctx: &Ctx, store: &dyn Store, name: &str, changes: &[String]) -> Result<()> {
    let mut set = BTreeMap::new();
    let mut remove = Vec::new();
    for c in changes {
        if let Some(k) = c.strip_suffix('-').filter(|_| !c.contains('=')) {
            remove.push(k.to_string());
        } else {
            set.extend(parse_label_list(c).map_err(CliError::Usage)?);
        }
    }
    let node = store
        .label_node(name, &set, &remove)
        .await
        .context("labelling the node (it must be alive)")?;
    emit(ctx.output, &super::list::detail(&node, None))
}

pub async fn drain(ctx: &Ctx, store: &dyn Store, name: &str, undo: bool) -> Result<()> {
    let node = store.drain_node(name, !undo).await?;
    emit(ctx.output, &super::list::detail(&node, None))
}
