//! `tartarus scheduler run` (the embedded loop) and `tartarus up` (nodes + submit + scheduler in one process, with a summary of where each run went).

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Duration;

use anyhow::{Context as _, Result};
use clap::{Args, Subcommand};
use serde::{Deserialize, Serialize};
use tokio::sync::watch;

use super::Ctx;
use crate::exit::{self, CodedError};
use crate::model::node::Resources;
use crate::model::run::Run;
use crate::model::units::{parse_bytes, parse_cpu_millis};
use crate::output::{columns, dash, emit, Render};
use crate::scheduler::{Report, Scheduler, SchedulerConfig};
use crate::store::{Heartbeat, SharedStore};

#[derive(Debug, Subcommand)]
pub enum SchedulerCmd {
    /// Run the scheduler loop until SIGINT/SIGTERM (or, with --once, until the queue is empty)
    Run(LoopArgs),
}

#[derive(Debug, Args, Clone)]
pub struct LoopArgs {
    /// Drain the queue once and exit (for scripts)
    #[arg(long)]
    pub once: bool,
    /// Runs claimed per batch
    #[arg(long, default_value_t = 500)]
    pub batch: usize,
    /// Lease on claimed runs (a crashed scheduler's runs return after it)
    #[arg(long, default_value = "30s", value_parser = super::parse_duration_arg)]
    pub lease: Duration,
    /// Placements before a run whose node keeps dying is dead-lettered
    #[arg(long, default_value_t = 3)]
    pub max_attempts: u32,
}

impl LoopArgs {
    pub fn config(&self) -> SchedulerConfig {
        SchedulerConfig {
            batch: self.batch.max(1),
            lease: self.lease,
            max_attempts: self.max_attempts.max(1),
            ..Default::default()
        }
    }
}

impl Render for Report {
    fn render_table(&self, _wide: bool) -> String {
        format!(
            "claimed {} · scheduled {} · pending {} · denied {} · rejected {} · lost→requeued {} · dead-lettered {} · leases reaped {}",
            self.claimed, self.scheduled, self.pending, self.denied, self.rejected, self.requeued_lost, self.dead_lettered, self.leases_reaped
        )
    }
}

/// A watch that turns true on SIGINT or SIGTERM.
pub fn shutdown_signal() -> watch::Receiver<bool> {
    let (tx, rx) = watch::channel(false);
    tokio::spawn(async move {
        let ctrl_c = tokio::signal::ctrl_c();
        #[cfg(unix)]
        {
            let mut term =
                match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
                    Ok(t) => t,
                    Err(_) => {
                        let _ = ctrl_c.await;
                        let _ = tx.send(true);
                        return;
                    }
                };
            tokio::select! {
                _ = ctrl_c => {}
                _ = term.recv() => {}
            }
        }
        #[cfg(not(unix))]
        let _ = ctrl_c.await;
        tracing::info!("stopping: finishing the batch in hand");
        let _ = tx.send(true);
    });
    rx
}

impl SchedulerCmd {
    pub async fn run(self, ctx: &Ctx) -> Result<u8> {
        match self {
            SchedulerCmd::Run(args) => {
                let store = ctx.store().await?;
                let mut s = Scheduler::new(store, args.config())
                    .await
                    .context("starting the scheduler")?;
                tracing::info!("scheduler started (Themis version {})", s.policy_version());
                let report = s.run(shutdown_signal(), args.once).await?;
                emit(ctx.output, &report)?;
                Ok(exit::OK)
            }
        }
    }
}

/// A node in `--nodes FILE` for `up`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NodeDoc {
    pub name: String,
    #[serde(default)]
    pub labels: BTreeMap<String, String>,
    #[serde(default = "default_cpu")]
    pub cpu: serde_yaml::Value,
    #[serde(default = "default_memory")]
    pub memory: String,
    #[serde(default)]
    pub gpu: u32,
    #[serde(default = "default_slots")]
    pub slots: u32,
}

fn default_cpu() -> serde_yaml::Value {
    serde_yaml::Value::from(4)
}
fn default_memory() -> String {
    "8Gi".into()
}
fn default_slots() -> u32 {
    8
}

pub fn parse_nodes(name: &str, text: &str) -> Result<Vec<Heartbeat>> {
    let docs: Vec<NodeDoc> = serde_yaml::from_str(text)
        .map_err(|e| CodedError::new(exit::INVALID_INPUT, format!("{name}: {e}")))?;
    let mut out = Vec::new();
    for (i, d) in docs.into_iter().enumerate() {
        let bad = |m: String| {
            anyhow::Error::from(CodedError::new(
                exit::INVALID_INPUT,
                format!("{name}: node {i}: {m}"),
            ))
        };
        crate::model::spec::check_name("name", &d.name).map_err(|e| bad(e.to_string()))?;
        let cpu_text = match &d.cpu {
            serde_yaml::Value::Number(n) => n.to_string(),
            serde_yaml::Value::String(s) => s.clone(),
            _ => return Err(bad("cpu must be a number or a quantity like 500m".into())),
        };
        let capacity = Resources {
            cpu_millis: parse_cpu_millis(&cpu_text).map_err(|m| bad(format!("cpu: {m}")))?,
            memory_bytes: parse_bytes(&d.memory).map_err(|m| bad(format!("memory: {m}")))?,
            gpu: d.gpu,
            slots: d.slots,
        };
        out.push(Heartbeat {
            name: d.name,
            labels: d.labels,
            capacity,
            version: env!("CARGO_PKG_VERSION").into(),
            ttl: Duration::from_secs(3600),
        });
    }
    Ok(out)
}

#[derive(Debug, Args)]
pub struct UpArgs {
    /// Nodes to register (YAML list: name, labels, cpu, memory, gpu, slots)
    #[arg(long, default_value = "examples/nodes.yaml")]
    pub nodes: PathBuf,
    /// Themis policies to apply first (YAML)
    #[arg(long)]
    pub policies: Option<PathBuf>,
    /// Sandbox file to submit
    #[arg(long)]
    pub submit: Option<PathBuf>,
    /// Exit when every submitted run has been decided, printing where each went
    #[arg(long)]
    pub until_idle: bool,
    #[command(flatten)]
    pub scheduler: LoopArgs,
}

#[derive(Serialize)]
#[serde(transparent)]
struct Placement(Vec<Run>);

impl Render for Placement {
    fn render_table(&self, _wide: bool) -> String {
        let rows = self
            .0
            .iter()
            .map(|r| {
                vec![
                    r.id.clone(),
                    r.name.clone(),
                    dash(r.verdict),
                    dash(r.heat),
                    dash(r.node.as_ref()),
                    r.state.to_string(),
                    dash(r.message.as_ref()),
                ]
            })
            .collect();
        columns(
            &["ID", "NAME", "VERDICT", "HEAT", "NODE", "STATE", "REASON"],
            rows,
        )
    }
}

pub async fn up(ctx: &Ctx, args: UpArgs) -> Result<u8> {
    let store: SharedStore = ctx.store().await?;
    let text = std::fs::read_to_string(&args.nodes)
        .with_context(|| format!("reading {}", args.nodes.display()))?;
    for beat in parse_nodes(&args.nodes.display().to_string(), &text)? {
        store.heartbeat(&beat).await?;
    }
    if let Some(file) = &args.policies {
        let text =
            std::fs::read_to_string(file).with_context(|| format!("reading {}", file.display()))?;
        let list = crate::control::parse_policies(&file.display().to_string(), &text)
            .map_err(|e| CodedError::new(exit::INVALID_INPUT, e.to_string()))?;
        let docs: Vec<crate::store::StoredPolicy> = list
            .iter()
            .map(|p| crate::store::StoredPolicy {
                name: p.name().to_string(),
                document: p.to_json(),
            })
            .collect();
        store.apply_policies(&docs, "up").await?;
    }
    let mut submitted = Vec::new();
    if let Some(file) = &args.submit {
        let text =
            std::fs::read_to_string(file).with_context(|| format!("reading {}", file.display()))?;
        let runs = super::sandbox::new_runs(crate::model::spec::parse_sandbox_documents(
            &file.display().to_string(),
            &text,
        )?);
        store.submit(&runs).await?;
        submitted = runs.into_iter().map(|r| r.id).collect::<Vec<_>>();
    }
    let mut s = Scheduler::new(store.clone(), args.scheduler.config()).await?;
    let report = s
        .run(shutdown_signal(), args.until_idle || args.scheduler.once)
        .await?;
    let runs: Vec<Run> = store
        .get_runs(&submitted)
        .await?
        .into_iter()
        .flatten()
        .collect();
    emit(ctx.output, &Placement(runs))?;
    if !ctx.quiet {
        eprintln!("{}", report.render_table(false));
    }
    Ok(exit::OK)
}
