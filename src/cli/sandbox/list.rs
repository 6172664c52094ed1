//! `sandbox list`: runs oldest first, filtered, one page (`--limit`, `--cursor`) or all of them.

use anyhow::Result;
use clap::Args;

use super::render::run_page;
use crate::cli::args::{HeatArg, StateArg};
use crate::cli::Ctx;
use crate::exit;
use crate::ops::list::list_runs;
use crate::output::emit_page;
use crate::store::RunFilter;

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only runs in this state (spelled as the output spells it)
    #[arg(long, value_enum)]
    pub state: Option<StateArg>,
    /// Only runs of this heat
    #[arg(long, value_enum)]
    pub heat: Option<HeatArg>,
    /// Only runs with this label (k=v)
    #[arg(long, value_name = "K=V")]
    pub label: Option<String>,
    /// Only runs placed on this node
    #[arg(long)]
    pub node: Option<String>,
    /// Most runs on this page (at least 1); the next page's cursor is `next` (JSON) or printed on
    /// stderr
    #[arg(long, default_value_t = 100, value_parser = crate::cli::args::parse_positive_count)]
    pub limit: usize,
    /// Start after this cursor (the `next` of the previous page); anything else is refused
    #[arg(long, alias = "after", value_name = "CURSOR", value_parser = crate::cli::args::parse_run_cursor)]
    pub cursor: Option<String>,
    /// Every page (ignores --limit)
    #[arg(long)]
    pub all: bool,
}

pub async fn run(ctx: &Ctx, args: ListArgs) -> Result<u8> {
    let filter = RunFilter {
        state: args.state.map(Into::into),
        heat: args.heat.map(Into::into),
        label: args
            .label
            .as_deref()
            .map(|l| super::split_kv(l, "label"))
            .transpose()?,
        node: args.node.clone(),
    };
    let store = ctx.store_to_read().await?;
    let page = list_runs(
        &*store,
        &filter,
        args.cursor.as_deref(),
        args.limit,
        args.all,
    )
    .await?;
    emit_page(ctx.output, &run_page(&page.runs, page.next_cursor))?;
    Ok(exit::OK)
}
