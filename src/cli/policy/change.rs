//! `policy delete` and `policy rollback`: changes to the stored set, each one version bump, after a confirmation.

use anyhow::Result;

use super::who;
use crate::cli::Ctx;
use crate::exit;
use crate::output::{emit, Message};
use crate::store::{History, StoreError};

pub async fn delete(ctx: &Ctx, names: Vec<String>) -> Result<u8> {
    let store = ctx.store().await?;
    ctx.confirm(&format!("delete policies {}", names.join(", ")))?;
    let version = store.delete_policies(&names, &who(), History::Keep).await?;
    emit(
        ctx.output,
        &Message {
            data: serde_json::json!({"version": version, "deleted": names}),
            text: format!("deleted; Themis is at version {version}"),
        },
    )?;
    Ok(exit::OK)
}

pub async fn rollback(ctx: &Ctx, to_version: u64) -> Result<u8> {
    let store = ctx.store().await?;
    let hist = store.policy_history(usize::MAX / 2).await?;
    let entry = hist
        .into_iter()
        .find(|c| c.version == to_version)
        .ok_or(StoreError::PolicyVersionNotFound(to_version))?;
    ctx.confirm(&format!(
        "replace the policy set with version {to_version}'s ({} policies)",
        entry.snapshot.len()
    ))?;
    let version = store
        .replace_policies(
            &entry.snapshot,
            &who(),
            &format!("rollback to v{to_version}"),
        )
        .await?;
    emit(
        ctx.output,
        &Message {
            data: serde_json::json!({"version": version, "rolled_back_to": to_version}),
            text: format!("rolled back to version {to_version}; Themis is at version {version}"),
        },
    )?;
    Ok(exit::OK)
}
