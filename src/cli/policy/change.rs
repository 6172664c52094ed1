//! `policy delete` and `policy rollback`: changes to the stored set, each one version bump after a confirmation, or a diff with `--dry-run`; and how a policy change report reads.

use anyhow::Result;

use super::ChangeArgs;
use crate::cli::Ctx;
use crate::exit;
use crate::ops::policies::{self, PolicyDiff, PolicyReport, PolicyResult};
use crate::output::{emit, Render};

pub async fn delete(ctx: &Ctx, names: Vec<String>, change: &ChangeArgs) -> Result<u8> {
    let store = ctx.store().await?;
    let who = policies::actor(change.who.as_deref());
    if !change.dry_run {
        // Unknown names fail before the question.
        policies::delete(store.as_ref(), &names, &who, true).await?;
        ctx.confirm(&format!("delete policies {}", names.join(", ")))?;
    }
    let report = policies::delete(store.as_ref(), &names, &who, change.dry_run).await?;
    emit(ctx.output, &report)?;
    Ok(exit::OK)
}

pub async fn rollback(ctx: &Ctx, to_version: u64, change: &ChangeArgs) -> Result<u8> {
    let store = ctx.store().await?;
    let who = policies::actor(change.who.as_deref());
    if !change.dry_run {
        let plan = policies::rollback(store.as_ref(), to_version, &who, true).await?;
        // A rollback to the set as it is writes nothing: no question to ask.
        if plan.result != PolicyResult::Unchanged {
            ctx.confirm(&format!(
                "replace the policy set with version {to_version}'s ({})",
                what_changes(&plan.diff, false)
            ))?;
        }
    }
    let report = policies::rollback(store.as_ref(), to_version, &who, change.dry_run).await?;
    emit(ctx.output, &report)?;
    Ok(exit::OK)
}

/// `add a; change b` (or `added a; changed b`): what a change does to which policies.
fn what_changes(d: &PolicyDiff, past: bool) -> String {
    let verbs = if past {
        ["added", "changed", "removed"]
    } else {
        ["add", "change", "remove"]
    };
    verbs
        .iter()
        .zip([&d.added, &d.changed, &d.removed])
        .filter(|(_, names)| !names.is_empty())
        .map(|(verb, names)| format!("{verb} {}", names.join(", ")))
        .collect::<Vec<_>>()
        .join("; ")
}

impl Render for PolicyReport {
    fn render_table(&self, _wide: bool) -> String {
        let d = &self.diff;
        match self.result {
            PolicyResult::Unchanged if d.unchanged.is_empty() => format!(
                "unchanged: the set already is as asked; Themis stays at version {}",
                self.version
            ),
            PolicyResult::Unchanged => format!(
                "unchanged: {} already stored as given; Themis stays at version {}",
                d.unchanged.join(", "),
                self.version
            ),
            PolicyResult::WouldChange => format!(
                "dry run: {} would {} (Themis version {}); nothing was written\n\n{}",
                self.action,
                what_changes(d, false),
                self.version,
                d.diff.trim_end()
            ),
            PolicyResult::Changed => format!(
                "{}: {}; Themis is at version {}",
                match self.action.as_str() {
                    "apply" => "applied",
                    "delete" => "deleted",
                    "rollback" => "rolled back",
                    other => other,
                },
                what_changes(d, true),
                self.version
            ),
        }
    }
}
