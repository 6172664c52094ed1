//! `policy list`, `policy get` and `policy history`: the stored set and its changes.

use anyhow::Result;
use serde::Serialize;

use crate::cli::Ctx;
use crate::control::Policy;
use crate::exit;
use crate::output::{emit, timestamp, Message, Page, Render};
use crate::store::{PolicyChange, StoreError};

#[derive(Serialize)]
struct PolicyRow {
    name: String,
    mode: String,
    rules: usize,
    description: Option<String>,
}

/// `{"items": [...], "next": null, "version": N}`: the list, and the Themis version it is at.
#[derive(Serialize)]
struct PolicyList {
    #[serde(flatten)]
    page: Page<PolicyRow>,
    version: u64,
}

impl Render for PolicyList {
    fn render_table(&self, wide: bool) -> String {
        format!(
            "Themis version {}\n{}",
            self.version,
            self.page.render_table(wide)
        )
    }
}

fn history_page(changes: Vec<PolicyChange>) -> Page<PolicyChange> {
    Page::all(
        changes,
        vec!["VERSION", "TIME", "WHO", "ACTION", "POLICIES", "SET SIZE"],
        |c| {
            vec![
                c.version.to_string(),
                timestamp(c.at),
                c.who.clone(),
                c.action.clone(),
                c.names.join(","),
                c.snapshot.len().to_string(),
            ]
        },
    )
}

pub async fn list(ctx: &Ctx) -> Result<u8> {
    let store = ctx.store_to_read().await?;
    let (version, docs) = store.policies().await?;
    let mut rows = Vec::new();
    for d in docs {
        let p = Policy::from_json(&d.document)
            .map_err(|e| StoreError::Corrupt(format!("policy {}: {e}", d.name)))?;
        rows.push(PolicyRow {
            name: d.name,
            mode: p.spec.mode.as_str().to_string(),
            rules: p.spec.rules.len(),
            description: p.metadata.description.clone(),
        });
    }
    let page = Page::all(rows, vec!["NAME", "MODE", "RULES", "DESCRIPTION"], |p| {
        vec![
            p.name.clone(),
            p.mode.clone(),
            p.rules.to_string(),
            p.description.clone().unwrap_or_default(),
        ]
    });
    emit(ctx.output, &PolicyList { page, version })?;
    Ok(exit::OK)
}

pub async fn get(ctx: &Ctx, name: String) -> Result<u8> {
    let store = ctx.store_to_read().await?;
    let (_, docs) = store.policies().await?;
    let d = docs
        .into_iter()
        .find(|d| d.name == name)
        .ok_or(StoreError::PolicyNotFound(name))?;
    let p = Policy::from_json(&d.document).map_err(|e| StoreError::Corrupt(e.to_string()))?;
    let text = serde_yaml::to_string(&p)?;
    emit(ctx.output, &Message { data: p, text })?;
    Ok(exit::OK)
}

pub async fn history(ctx: &Ctx, limit: usize) -> Result<u8> {
    let store = ctx.store_to_read().await?;
    emit(
        ctx.output,
        &history_page(store.policy_history(limit).await?),
    )?;
    Ok(exit::OK)
}
