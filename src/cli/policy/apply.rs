//! `policy apply`: validates a policy file and stores it (one bad document applies nothing); an unchanged set bumps nothing, and `--dry-run` shows the diff.

use std::path::Path;

use anyhow::Result;

use super::ChangeArgs;
use crate::cli::Ctx;
use crate::exit;
use crate::ops::input::{read_input_limited, InputLimits};
use crate::ops::policies::{self, ApplyOptions};
use crate::output::emit;
use crate::store::History;

pub async fn run(ctx: &Ctx, file: &Path, change: &ChangeArgs, limits: InputLimits) -> Result<u8> {
    let input = read_input_limited(file, limits.max_file_bytes)?;
    let store = ctx.store().await?;
    let who = policies::actor(change.who.as_deref());
    let report = policies::apply_file(
        store.as_ref(),
        &input.name,
        input.text.as_bytes(),
        ApplyOptions {
            who: &who,
            history: History::Keep,
            dry_run: change.dry_run,
        },
    )
    .await?;
    emit(ctx.output, &report)?;
    Ok(exit::OK)
}
