//! `policy list`, `policy get` and `policy history`: the stored set and its changes.

use anyhow::Result;
use serde::Serialize;

use crate::cli::Ctx;
use crate::control::Policy;
use crate::exit;
use crate::output::{columns, emit, timestamp, Message, Render};
use crate::store::{PolicyChange, StoreError};

#[derive(Serialize)]
struct PolicyRow {
    name: String,
    mode: String,
    rules: usize,
    description: Option<String>,
}

#[derive(Serialize)]
struct PolicyList {
    version: u64,
    policies: Vec<PolicyRow>,
}

impl Render for PolicyList {
    fn render_table(&self, _wide: bool) -> String {
        let rows = self
            .policies
            .iter()
            .map(|p| {
                vec![
                    p.name.clone(),
                    p.mode.clone(),
                    p.rules.to_string(),
                    p.description.clone().unwrap_or_default(),
                ]
            })
            .collect();
        format!(
            "Themis version {}\n{}",
            self.version,
            columns(&["NAME", "MODE", "RULES", "DESCRIPTION"], rows)
        )
    }
}

#[derive(Serialize)]
#[serde(transparent)]
struct HistoryList(Vec<PolicyChange>);

impl Render for HistoryList {
    fn render_table(&self, _wide: bool) -> String {
        let rows = self
            .0
            .iter()
            .map(|c| {
                vec![
                    c.version.to_string(),
                    timestamp(c.at),
                    c.who.clone(),
                    c.action.clone(),
                    c.names.join(","),
                    c.snapshot.len().to_string(),
                ]
            })
            .collect();
        columns(
            &["VERSION", "TIME", "WHO", "ACTION", "POLICIES", "SET SIZE"],
            rows,
        )
    }
}

pub async fn list(ctx: &Ctx) -> Result<u8> {
    let store = ctx.store().await?;
    let (version, docs) = store.policies().await?;
    let mut policies = Vec::new();
    for d in docs {
        let p = Policy::from_json(&d.document)
            .map_err(|e| StoreError::Corrupt(format!("policy {}: {e}", d.name)))?;
        policies.push(PolicyRow {
            name: d.name,
            mode: format!("{:?}", p.spec.mode).to_lowercase(),
            rules: p.spec.rules.len(),
            description: p.metadata.description.clone(),
        });
    }
    emit(ctx.output, &PolicyList { version, policies })?;
    Ok(exit::OK)
}

pub async fn get(ctx: &Ctx, name: String) -> Result<u8> {
    let store = ctx.store().await?;
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
    let store = ctx.store().await?;
    emit(ctx.output, &HistoryList(store.policy_history(limit).await?))?;
    Ok(exit::OK)
}
