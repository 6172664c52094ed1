//! `backup prune`: flags, the confirmation, and the table; the rules are `persistence::backup::prune`.

use anyhow::{Context as _, Result};
use clap::Args;

use super::LocationArg;
use crate::cli::Ctx;
use crate::exit;
use crate::output::{columns, emit, Render};
use crate::persistence::backup::{self, Location, PruneAction, PruneKind, PruneReport};

pub const EXAMPLES: &str = "\
Examples:
  # what a 7-day, keep-7 retention would delete (nothing is deleted)
  tartarus backup prune --dir /var/backups/tartarus --keep-days 7 --keep-last 7 --dry-run

  # the same from cron, without a prompt
  tartarus backup prune --keep-days 7 --keep-last 7 --yes

  # retention of the off-machine copies
  tartarus backup prune --dir s3://acme-backups/tartarus --keep-days 30 --keep-last 30 --yes";

#[derive(Debug, Args)]
pub struct PruneArgs {
    #[command(flatten)]
    pub dir: LocationArg,
    /// Keep every backup younger than this many days (0: age keeps nothing)
    #[arg(long, value_name = "N")]
    pub keep_days: u32,
    /// Keep the newest N backups whatever their age
    #[arg(long, value_name = "N")]
    pub keep_last: usize,
    /// Only show what would be deleted (backups and stale temporary folders)
    #[arg(long)]
    pub dry_run: bool,
}

impl Render for PruneReport {
    fn render_table(&self, _wide: bool) -> String {
        let delete = if self.dry_run {
            "would delete"
        } else {
            "deleted"
        };
        let rows: Vec<Vec<String>> = self
            .items
            .iter()
            .map(|e| {
                let action = match e.action {
                    PruneAction::Delete => delete,
                    PruneAction::Keep => "keep",
                };
                vec![e.id.clone(), action.to_string(), e.reason.clone()]
            })
            .collect();
        if rows.is_empty() {
            return "no backups in the directory".into();
        }
        columns(&["ID", "ACTION", "WHY"], rows)
    }
}

/// The confirmation question: what is deleted from where.
fn question(dir: &Location, plan: &PruneReport) -> String {
    let ids = plan.ids(PruneKind::Backup, PruneAction::Delete);
    let tmps = plan.ids(PruneKind::Temporary, PruneAction::Delete);
    let mut what = Vec::new();
    if !ids.is_empty() {
        what.push(format!("{} backup(s): {}", ids.len(), ids.join(", ")));
    }
    if !tmps.is_empty() {
        what.push(format!(
            "{} stale temporary folder(s) of interrupted backups: {}",
            tmps.len(),
            tmps.join(", ")
        ));
    }
    format!("delete from {dir} {}", what.join(", and "))
}

async fn prune_at(args: &PruneArgs, dry_run: bool) -> Result<PruneReport> {
    let dir = &args.dir.dir;
    backup::remote::prune(dir, args.keep_days, args.keep_last, dry_run)
        .await
        .with_context(|| format!("pruning {dir}"))
}

pub async fn run(ctx: &Ctx, args: PruneArgs) -> Result<u8> {
    let plan = prune_at(&args, true).await?;
    if args.dry_run || !plan.deletes_anything() {
        emit(ctx.output, &plan)?;
        return Ok(exit::OK);
    }
    ctx.confirm(&question(&args.dir.dir, &plan))?;
    let report = prune_at(&args, false).await?;
    emit(ctx.output, &report)?;
    Ok(exit::OK)
}
