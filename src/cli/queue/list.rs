//! `queue list` (one Acheron list, paged) and `queue peek` (the next runs a scheduler would claim).

use anyhow::Result;
use clap::Args;
use serde::Serialize;

use crate::cli::args::QueueArg;
use crate::cli::sandbox::run_page;
use crate::cli::{CliError, Ctx};
use crate::output::{dash, emit_page, rfc3339, timestamp, Page};
use crate::store::{QueueEntry, QueueName, Store};

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Which list
    #[arg(value_enum, default_value = "queued")]
    pub which: QueueArg,
    /// Most entries on this page (at least 1)
    #[arg(long, default_value_t = 100, value_parser = crate::cli::args::parse_positive_count)]
    pub limit: usize,
    /// Start at this cursor (the `next` of the previous page)
    #[arg(long, alias = "offset", value_name = "CURSOR")]
    pub cursor: Option<String>,
}

#[derive(Debug, Args)]
pub struct PeekArgs {
    /// How many runs
    #[arg(short = 'n', long, default_value_t = 10)]
    pub count: usize,
}

/// One entry: its run, its priority, and the time that matters for its list.
#[derive(Serialize)]
struct EntryView {
    id: String,
    priority: Option<u32>,
    /// Leased entries: when the scheduler's lease runs out.
    #[serde(with = "rfc3339::option")]
    lease_deadline: Option<i64>,
    /// Pending entries and dead letters: since when they are there.
    #[serde(with = "rfc3339::option")]
    since: Option<i64>,
}

impl EntryView {
    fn of(which: QueueName, e: &QueueEntry) -> EntryView {
        let at = Some(e.score as i64);
        EntryView {
            id: e.id.clone(),
            priority: e.priority,
            lease_deadline: at.filter(|_| which == QueueName::Leased),
            since: at.filter(|_| matches!(which, QueueName::Pending | QueueName::Dead)),
        }
    }
}

pub async fn run(ctx: &Ctx, store: &dyn Store, args: ListArgs) -> Result<()> {
    let which = QueueName::from(args.which);
    let offset = match &args.cursor {
        None => 0,
        Some(c) => c.parse::<usize>().map_err(|_| {
            CliError::Usage(format!(
                "--cursor `{c}` is not a cursor of `queue list` (the `next` it printed)"
            ))
        })?,
    };
    let limit = args.limit;
    let entries = store.queue_entries(which, offset, limit).await?;
    let next = (entries.len() == limit).then(|| (offset + limit).to_string());
    let time_header = match which {
        QueueName::Queued => "SCORE",
        QueueName::Leased => "LEASE DEADLINE",
        QueueName::Pending => "PARKED AT",
        QueueName::Dead => "DEAD SINCE",
    };
    let rows = entries
        .iter()
        .map(|e| {
            let time = if which == QueueName::Queued {
                format!("{}", e.score)
            } else {
                timestamp(e.score as i64)
            };
            vec![e.id.clone(), dash(e.priority), time]
        })
        .collect();
    let page = Page::new(
        entries.iter().map(|e| EntryView::of(which, e)).collect(),
        next,
    )
    .table(vec!["ID", "PRIORITY", time_header], rows);
    emit_page(ctx.output, &page)
}

pub async fn peek(ctx: &Ctx, store: &dyn Store, args: PeekArgs) -> Result<()> {
    let entries = store
        .queue_entries(QueueName::Queued, 0, args.count)
        .await?;
    let ids: Vec<String> = entries.iter().map(|e| e.id.clone()).collect();
    let runs: Vec<_> = store.get_runs(&ids).await?.into_iter().flatten().collect();
    emit_page(ctx.output, &run_page(&runs, None))
}
