//! `tartarus policy`: versioned Themis admission policies — apply, list, get, delete, history, rollback, and an offline `test`.

use std::path::PathBuf;

use anyhow::{Context as _, Result};
use clap::{Args, Subcommand};
use serde::Serialize;

use super::Ctx;
use crate::control::{parse_policy_bytes, Judgement, Policy, PolicySet};
use crate::exit::{self, CodedError};
use crate::model::run::Verdict;
use crate::model::spec::parse_sandbox_documents;
use crate::ops::policies::{self, ApplyOptions, PolicyDiff, PolicyReport, PolicyResult};
use crate::output::{emit, fields, timestamp, Message, Page, Render};
use crate::store::{History, PolicyChange, StoreError};

#[derive(Debug, Subcommand)]
pub enum PolicyCmd {
    /// Validate and store policies from a YAML file (one bad document applies nothing); an
    /// unchanged set is reported as such and bumps nothing
    Apply {
        #[arg(short = 'f', long = "file")]
        file: PathBuf,
        #[command(flatten)]
        change: ChangeArgs,
    },
    /// Stored policies with their mode and rule count
    List,
    /// One stored policy as YAML/JSON
    Get { name: String },
    /// Delete policies (one version bump)
    Delete {
        #[arg(required = true)]
        names: Vec<String>,
        #[command(flatten)]
        change: ChangeArgs,
    },
    /// Changes, newest first: version, time, who, what
    History {
        #[arg(long, default_value_t = 20)]
        limit: usize,
    },
    /// Restore the policy set as it stood after version N (recorded as a new version)
    Rollback {
        #[arg(long = "to-version")]
        to_version: u64,
        #[command(flatten)]
        change: ChangeArgs,
    },
    /// Judge a sandbox file against the stored policies (or --policies FILE, offline) and explain
    /// the verdict; exits 0 allow, 20 deny, 21 quarantine
    Test {
        #[arg(short = 'f', long = "file")]
        file: PathBuf,
        /// Judge against this policy file instead of the stored set (no Redis needed)
        #[arg(long)]
        policies: Option<PathBuf>,
    },
}

/// Options of the verbs that change the policy set.
#[derive(Debug, Args)]
pub struct ChangeArgs {
    /// Print what would change (policy names and a diff of their documents) and write nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Name recorded in the history [default: $TARTARUS_WHO, else the OS user]
    #[arg(long, value_name = "NAME")]
    pub who: Option<String>,
}

fn read(path: &PathBuf) -> Result<Vec<u8>> {
    if path.as_os_str() == "-" {
        let mut s = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut s).context("reading stdin")?;
        return Ok(s);
    }
    std::fs::read(path).with_context(|| format!("reading {}", path.display()))
}

fn read_text(path: &PathBuf) -> Result<String> {
    String::from_utf8(read(path)?)
        .map_err(|_| invalid(format!("{}: not UTF-8 text", path.display())))
}

fn invalid(e: impl std::fmt::Display) -> anyhow::Error {
    CodedError::new(exit::INVALID_INPUT, e.to_string()).into()
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

#[derive(Serialize)]
struct Tested {
    sandbox: String,
    #[serde(flatten)]
    judgement: Judgement,
}

#[derive(Serialize)]
#[serde(transparent)]
struct TestResults(Vec<Tested>);

impl Render for TestResults {
    fn render_table(&self, _wide: bool) -> String {
        let mut out = Vec::new();
        for t in &self.0 {
            let j = &t.judgement;
            let decided = j
                .decided_by
                .as_ref()
                .map(|d| format!("policy {} rule {}: {}", d.policy, d.rule, d.message))
                .unwrap_or_else(|| "no enforcing rule fired".into());
            out.push(fields(vec![
                ("Sandbox", t.sandbox.clone()),
                ("Verdict", j.verdict.to_string().to_uppercase()),
                ("Decided by", decided),
                (
                    "Reasons",
                    if j.reasons.is_empty() {
                        "-".into()
                    } else {
                        j.reasons.join("\n")
                    },
                ),
                ("Policy version", j.policy_version.to_string()),
            ]));
        }
        out.join("\n\n")
    }
}

impl PolicyCmd {
    pub async fn run(self, ctx: &Ctx) -> Result<u8> {
        match self {
            PolicyCmd::Test { file, policies } => return test(ctx, file, policies).await,
            PolicyCmd::Apply { file, change } => {
                let store = ctx.store().await?;
                let who = policies::actor(change.who.as_deref());
                let report = policies::apply_file(
                    store.as_ref(),
                    &file.display().to_string(),
                    &read(&file)?,
                    ApplyOptions {
                        who: &who,
                        history: History::Keep,
                        dry_run: change.dry_run,
                    },
                )
                .await?;
                emit(ctx.output, &report)?;
            }
            PolicyCmd::List => list(ctx).await?,
            PolicyCmd::Get { name } => {
                let store = ctx.store().await?;
                let (_, docs) = store.policies().await?;
                let d = docs
                    .into_iter()
                    .find(|d| d.name == name)
                    .ok_or(StoreError::PolicyNotFound(name))?;
                let p = Policy::from_json(&d.document)
                    .map_err(|e| StoreError::Corrupt(e.to_string()))?;
                let text = serde_yaml::to_string(&p)?;
                emit(ctx.output, &Message { data: p, text })?;
            }
            PolicyCmd::Delete { names, change } => {
                let store = ctx.store().await?;
                let who = policies::actor(change.who.as_deref());
                if !change.dry_run {
                    // Unknown names fail before the question.
                    policies::delete(store.as_ref(), &names, &who, true).await?;
                    ctx.confirm(&format!("delete policies {}", names.join(", ")))?;
                }
                let report = policies::delete(store.as_ref(), &names, &who, change.dry_run).await?;
                emit(ctx.output, &report)?;
            }
            PolicyCmd::History { limit } => {
                let store = ctx.store().await?;
                emit(
                    ctx.output,
                    &history_page(store.policy_history(limit).await?),
                )?;
            }
            PolicyCmd::Rollback { to_version, change } => {
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
                let report =
                    policies::rollback(store.as_ref(), to_version, &who, change.dry_run).await?;
                emit(ctx.output, &report)?;
            }
        }
        Ok(exit::OK)
    }
}

async fn list(ctx: &Ctx) -> Result<()> {
    let store = ctx.store().await?;
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
    emit(ctx.output, &PolicyList { page, version })
}

/// `policy test`: judges sandbox documents offline and exits with the worst verdict's code.
async fn test(ctx: &Ctx, file: PathBuf, policies: Option<PathBuf>) -> Result<u8> {
    let specs = parse_sandbox_documents(&file.display().to_string(), &read_text(&file)?)?;
    let set = match policies {
        Some(p) => {
            let list = parse_policy_bytes(&p.display().to_string(), &read(&p)?)?;
            PolicySet::compile(&list, 0)?
        }
        None => {
            let store = ctx.store().await?;
            let (v, docs) = store.policies().await?;
            crate::scheduler::compile_policies(v, &docs, &Default::default())?
        }
    };
    let results: Vec<Tested> = specs
        .iter()
        .map(|s| Tested {
            sandbox: s.name.clone(),
            judgement: set.judge(s),
        })
        .collect();
    let worst = results
        .iter()
        .map(|t| t.judgement.verdict)
        .max()
        .unwrap_or(Verdict::Allow);
    emit(ctx.output, &TestResults(results))?;
    Ok(match worst {
        Verdict::Allow => exit::OK,
        Verdict::Deny => exit::VERDICT_DENY,
        Verdict::Quarantine => exit::VERDICT_QUARANTINE,
    })
}
