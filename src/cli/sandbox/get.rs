//! `sandbox get`: one run as the document that was submitted plus its `status` (so `-o yaml` can be submitted again), or as a detail table.

use anyhow::Result;
use clap::Args;

use super::render::detail_text;
use crate::cli::Ctx;
use crate::exit;
use crate::model::view::RunView;
use crate::output::{emit, Message};
use crate::store::StoreError;

#[derive(Debug, Args)]
pub struct GetArgs {
    /// Run id
    pub id: String,
}

pub async fn run(ctx: &Ctx, args: GetArgs) -> Result<u8> {
    let store = ctx.store_to_read().await?;
    let run = store
        .get_run(&args.id)
        .await?
        .ok_or_else(|| StoreError::RunNotFound(args.id.clone()))?;
    let events = store.run_events(&args.id).await?;
    emit(
        ctx.output,
        &Message {
            data: RunView::detailed(&run, &events),
            text: detail_text(&run, &events),
        },
    )?;
    Ok(exit::OK)
}
