//! `backup list`: flags and the table; the listing is `persistence::backup::list`.

use anyhow::{Context as _, Result};
use clap::Args;

use super::LocationArg;
use crate::cli::Ctx;
use crate::exit;
use crate::output::{emit, human_bytes, timestamp, Message, Page};
use crate::persistence::backup::{self, BackupSummary};

pub const EXAMPLES: &str = "\
Examples:
  tartarus backup list --dir /var/backups/tartarus

  # the copies in object storage (only complete ones: a copy without its manifest is not listed)
  tartarus backup list --dir s3://acme-backups/tartarus

  # the ids of the complete backups, for a script
  tartarus backup list -o json | jq -r '.items[] | select(.status == \"complete\") | .id'";

#[derive(Debug, Args)]
pub struct ListArgs {
    #[command(flatten)]
    pub dir: LocationArg,
}

fn row(b: &BackupSummary) -> Vec<String> {
    vec![
        b.id.clone(),
        b.method
            .map_or_else(|| "-".to_string(), |m| m.as_str().to_string()),
        b.created_at.map_or_else(|| "-".to_string(), timestamp),
        human_bytes(b.size_bytes),
        match b.masters {
            Some(n) => format!("{} ({n} masters)", b.files),
            None => b.files.to_string(),
        },
        b.status.clone(),
    ]
}

pub async fn run(ctx: &Ctx, args: ListArgs) -> Result<u8> {
    let dir = &args.dir.dir;
    let list = backup::remote::list(dir)
        .await
        .with_context(|| format!("listing backups in {dir}"))?;
    let empty = list.is_empty();
    let page = Page::all(
        list,
        vec!["ID", "METHOD", "CREATED", "SIZE", "FILES", "STATUS"],
        row,
    );
    if empty {
        let text = format!("no backups in {dir}");
        emit(ctx.output, &Message { data: page, text })?;
    } else {
        emit(ctx.output, &page)?;
    }
    Ok(exit::OK)
}
