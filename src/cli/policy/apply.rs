//! `policy apply`: validates a policy file and stores it (one bad document applies nothing).

use std::path::Path;

use anyhow::Result;

use super::who;
use crate::cli::Ctx;
use crate::exit;
use crate::ops::input::read_input;
use crate::ops::policies::load_policies;
use crate::output::{emit, Message};
use crate::store::{History, StoredPolicy};

pub async fn run(ctx: &Ctx, file: &Path) -> Result<u8> {
    let docs: Vec<StoredPolicy> = load_policies(&read_input(file)?)?;
    let store = ctx.store().await?;
    let version = store.apply_policies(&docs, &who(), History::Keep).await?;
    let names: Vec<String> = docs.iter().map(|d| d.name.clone()).collect();
    let text = format!(
        "applied {} ({} policies); Themis is at version {version}",
        names.join(", "),
        names.len()
    );
    emit(
        ctx.output,
        &Message {
            data: serde_json::json!({"version": version, "applied": names}),
            text,
        },
    )?;
    Ok(exit::OK)
}
