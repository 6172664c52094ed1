//! `tartarus policy`: versioned Themis admission policies — apply, list, get, delete, history, rollback, and an offline `test`.

use std::path::PathBuf;

use anyhow::Result;
use clap::Subcommand;
use serde::Serialize;

use super::examples;
use super::Ctx;
use crate::control::{parse_policies, Judgement, Policy, PolicySet};
use crate::exit;
use crate::ops::input::read_input;
use crate::ops::policies::load_policies;
use crate::model::run::Verdict;
use crate::model::spec::parse_sandbox_documents;
use crate::output::{columns, emit, fields, timestamp, Message, Render};
use crate::store::{History, PolicyChange, StoreError, StoredPolicy};

#[derive(Debug, Subcommand)]
pub enum PolicyCmd {
    /// Validate and store policies from a YAML file (one bad document applies nothing)
    #[command(after_long_help = examples::POLICY_APPLY)]
    Apply {
        /// Policy file, one or more documents (`-` reads stdin)
        #[arg(short = 'f', long = "file", value_name = "FILE")]
        file: PathBuf,
    },
    /// Stored policies with their mode and rule count
    #[command(after_long_help = examples::POLICY_LIST)]
    List,
    /// One stored policy as YAML/JSON
    #[command(after_long_help = examples::POLICY_GET)]
    Get {
        /// Policy name
        name: String,
    },
    /// Delete policies (one version bump)
    #[command(after_long_help = examples::POLICY_DELETE)]
    Delete {
        /// Policy names
        #[arg(required = true)]
        names: Vec<String>,
    },
    /// Changes, newest first: version, time, who, what
    #[command(after_long_help = examples::POLICY_HISTORY)]
    History {
        /// Most changes to show
        #[arg(long, default_value_t = 20)]
        limit: usize,
    },
    /// Restore the policy set as it stood after version N (recorded as a new version)
    #[command(after_long_help = examples::POLICY_ROLLBACK)]
    Rollback {
        /// The version whose policy set comes back (see `policy history`)
        #[arg(long = "to-version", value_name = "N")]
        to_version: u64,
    },
    /// Judge a sandbox file against the stored policies (or --policies FILE, offline) and explain
    /// the verdict; exits 0 allow, 20 deny, 21 quarantine
    #[command(after_long_help = examples::POLICY_TEST)]
    Test {
        /// Sandbox file to judge (`-` reads stdin)
        #[arg(short = 'f', long = "file", value_name = "FILE")]
        file: PathBuf,
        /// Judge against this policy file instead of the stored set (no Redis needed)
        #[arg(long)]
        policies: Option<PathBuf>,
    },
}

fn who() -> String {
    std::env::var("USER")
        .or_else(|_| std::env::var("LOGNAME"))
        .unwrap_or_else(|_| "unknown".into())
}

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
            PolicyCmd::Test { file, policies } => {
                let input = read_input(&file)?;
                let specs = parse_sandbox_documents(&input.name, &input.text)?;
                let set = match policies {
                    Some(p) => {
                        let input = read_input(&p)?;
                        let list = parse_policies(&input.name, &input.text)?;
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
                return Ok(match worst {
                    Verdict::Allow => exit::OK,
                    Verdict::Deny => exit::VERDICT_DENY,
                    Verdict::Quarantine => exit::VERDICT_QUARANTINE,
                });
            }
            PolicyCmd::Apply { file } => {
                let docs: Vec<StoredPolicy> = load_policies(&read_input(&file)?)?;
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
            }
            PolicyCmd::List => {
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
            }
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
            PolicyCmd::Delete { names } => {
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
            }
            PolicyCmd::History { limit } => {
                let store = ctx.store().await?;
                emit(ctx.output, &HistoryList(store.policy_history(limit).await?))?;
            }
            PolicyCmd::Rollback { to_version } => {
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
                        text: format!(
                            "rolled back to version {to_version}; Themis is at version {version}"
                        ),
                    },
                )?;
            }
        }
        Ok(exit::OK)
    }
}
