//! `tartarus queue`: Acheron inspection and repair — stats, listings, purge, retry of dead letters, pause and resume.

use anyhow::Result;
use clap::Subcommand;
use serde::Serialize;

use super::examples;
use super::Ctx;
use crate::exit;
use crate::output::{emit, Message};

pub mod list;
pub mod purge;
pub mod stats;

#[derive(Debug, Subcommand)]
pub enum QueueCmd {
    /// Depth, in-flight, pending and dead counts, pause state and runs per state (all O(1))
    #[command(after_long_help = examples::QUEUE_STATS)]
    Stats,
    /// List the entries of one Acheron list, a page at a time
    #[command(after_long_help = examples::QUEUE_LIST)]
    List(list::ListArgs),
    /// The next runs a scheduler would claim, with their names
    #[command(after_long_help = examples::QUEUE_PEEK)]
    Peek(list::PeekArgs),
    /// Empty a list: queued, leased and pending runs are cancelled; dead letters are deleted with their data
    #[command(after_long_help = examples::QUEUE_PURGE)]
    Purge(purge::PurgeArgs),
    /// Send dead letters back to the queue (attempts reset); named ids that are not dead letters
    /// are reported and the exit code is 6 (not found), after the others are requeued
    #[command(after_long_help = examples::QUEUE_RETRY)]
    Retry {
        /// Dead-lettered run ids
        ids: Vec<String>,
        /// Every dead letter
        #[arg(long, conflicts_with = "ids")]
        all: bool,
    },
    /// Stop schedulers from claiming (submissions still queue up)
    #[command(after_long_help = examples::QUEUE_PAUSE)]
    Pause,
    /// Let schedulers claim again
    #[command(after_long_help = examples::QUEUE_RESUME)]
    Resume,
}

/// What a repair verb did, and to how many runs.
#[derive(Serialize)]
pub struct Count {
    pub action: &'static str,
    pub count: u64,
}

fn said(ctx: &Ctx, action: &'static str, count: u64, text: String) -> Result<()> {
    emit(
        ctx.output,
        &Message {
            data: Count { action, count },
            text,
        },
    )
}

impl QueueCmd {
    pub async fn run(self, ctx: &Ctx) -> Result<u8> {
        let store = match self {
            QueueCmd::Stats | QueueCmd::List(_) | QueueCmd::Peek(_) => ctx.store_to_read().await?,
            _ => ctx.store().await?,
        };
        match self {
            QueueCmd::Stats => stats::run(ctx, &*store).await?,
            QueueCmd::List(args) => list::run(ctx, &*store, args).await?,
            QueueCmd::Peek(args) => list::peek(ctx, &*store, args).await?,
            QueueCmd::Purge(args) => purge::run(ctx, &*store, args).await?,
            QueueCmd::Retry { ids, all } => {
                if ids.is_empty() && !all {
                    return Err(super::CliError::usage(
                        "name dead-lettered run ids, or pass --all",
                    ));
                }
                let done = crate::ops::retry::retry_dead_letters(
                    &*store,
                    if all { None } else { Some(&ids) },
                )
                .await?;
                let count = done.requeued;
                said(
                    ctx,
                    "retried",
                    count,
                    format!("requeued {count} dead letter(s)"),
                )?;
                if !done.not_dead.is_empty() {
                    return Err(crate::ops::retry::NotDeadLetters(done.not_dead).into());
                }
            }
            QueueCmd::Pause => {
                store.set_paused(true).await?;
                said(
                    ctx,
                    "paused",
                    1,
                    "queue paused: schedulers claim nothing until `queue resume`".into(),
                )?
            }
            QueueCmd::Resume => {
                store.set_paused(false).await?;
                said(ctx, "resumed", 1, "queue resumed".into())?
            }
        }
        Ok(exit::OK)
    }
}
