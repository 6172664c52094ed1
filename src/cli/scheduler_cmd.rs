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
/// A watch that turns true on the first SIGINT or SIGTERM (logging `stopping`, what the process
/// does now); a second signal exits at once with code 130.
pub fn shutdown_signal(stopping: &'static str) -> watch::Receiver<bool> {
    let (tx, rx) = watch::channel(false);
    tokio::spawn(async move {
        let mut term =
            tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()).ok();
        wait_for_signal(&mut term).await;
        tracing::warn!("stopping: {stopping} (signal again to exit at once)");
        let _ = tx.send(true);
        wait_for_signal(&mut term).await;
        eprintln!("second signal: exiting now");
        std::process::exit(130);
    });
    rx
}

async fn wait_for_signal(term: &mut Option<tokio::signal::unix::Signal>) {
    match term {
        Some(t) => {
            tokio::select! {
                _ = tokio::signal::ctrl_c() => {}
                _ = t.recv() => {}
            }
        }
        None => {
            let _ = tokio::signal::ctrl_c().await;
        }
    }
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
                let report = s
                    .run(shutdown_signal("finishing the batch in hand"), args.once)
                    .await?;
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

/// The agents `up` starts when neither `--nodes` nor `--agent` is given.
pub const DEFAULT_NODES: &str = r#"
- name: standard-1
  cpu: 8
  memory: 16Gi
  slots: 8
- name: phlegethon-1
  labels: {tartarus.io/phlegethon: "true"}
  cpu: 16
  memory: 64Gi
  gpu: 1
  slots: 4
- name: typhon-1
  labels: {tartarus.io/typhon: "true"}
  cpu: 4
  memory: 8Gi
  slots: 4
"#;

#[derive(Debug, Args)]
pub struct UpArgs {
    /// Local agents to run, as a YAML list (name, labels, cpu, memory, gpu, slots); default: one
    /// standard, one phlegethon and one typhon node (see examples/nodes.yaml)
    #[arg(long)]
    pub nodes: Option<PathBuf>,
    /// Add a local agent: NAME or NAME:k=v,k=v (repeatable; 4 cpu, 8Gi, 4 slots)
    #[arg(long = "agent", value_name = "NAME[:LABELS]")]
    pub agents: Vec<String>,
    /// Isolation for the local agents' sandboxes
    #[arg(long, value_enum, default_value = "process")]
    pub runtime: super::agent_cmd::RuntimeChoice,
    /// Register the nodes but run no agents: runs are only admitted and placed
    #[arg(long)]
    pub no_agents: bool,
    /// Themis policies to apply first (YAML)
    #[arg(long)]
    pub policies: Option<PathBuf>,
    /// Sandbox file to submit
    #[arg(long)]
    pub submit: Option<PathBuf>,
    /// Exit when nothing is left to do (every run finished, or waiting for a node that will not
    /// come), printing a summary of every submitted run
    #[arg(long)]
    pub until_idle: bool,
    #[command(flatten)]
    pub scheduler: LoopArgs,
}

#[derive(Serialize)]
#[serde(transparent)]
struct Summary(Vec<Run>);

impl Render for Summary {
    fn render_table(&self, _wide: bool) -> String {
        let rows = self
            .0
            .iter()
            .map(|r| {
                let duration = match (r.started_at, r.finished_at) {
                    (Some(s), Some(f)) => crate::model::units::format_duration(
                        Duration::from_millis((f - s).max(0) as u64),
                    ),
                    _ => "-".into(),
                };
                vec![
                    r.id.clone(),
                    r.name.clone(),
                    dash(r.verdict),
                    dash(r.heat),
                    dash(r.node.as_ref()),
                    r.state.to_string(),
                    dash(r.exit_code),
                    duration,
                    dash(r.message.as_ref()),
                ]
            })
            .collect();
        columns(
            &[
                "ID", "NAME", "VERDICT", "HEAT", "NODE", "STATE", "EXIT", "DURATION", "MESSAGE",
            ],
            rows,
        )
    }
}

fn agent_specs(args: &UpArgs) -> Result<Vec<Heartbeat>> {
    let mut beats = match &args.nodes {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("reading {}", path.display()))?;
            parse_nodes(&path.display().to_string(), &text)?
        }
        None if args.agents.is_empty() => parse_nodes("built-in nodes", DEFAULT_NODES)?,
        None => Vec::new(),
    };
    for spec in &args.agents {
        let (name, labels) = spec.split_once(':').unwrap_or((spec.as_str(), ""));
        let labels = crate::model::node::parse_label_list(labels)
            .map_err(|m| CodedError::new(exit::USAGE, format!("--agent {spec}: {m}")))?;
        let text = format!("- name: {name}\n");
        let mut b = parse_nodes("--agent", &text)?;
        for beat in &mut b {
            beat.labels = labels.clone();
        }
        beats.extend(b);
    }
    Ok(beats)
}

/// Decides when `up --until-idle` may stop: nothing queued, claimed or running, and either nothing
/// pending or pending runs that stayed unplaceable through two seconds of the scheduler's retries.
#[derive(Default)]
struct IdleCheck {
    finished: Option<u64>,
    quiet_since: Option<std::time::Instant>,
}

/// Runs in progress, pending and finished: of the submitted runs, or of the whole store.
async fn progress(store: &SharedStore, submitted: &[String]) -> Result<(u64, u64, u64)> {
    use crate::model::run::RunState;
    if submitted.is_empty() {
        let stats = store.queue_stats().await?;
        let count = |s: &str| stats.states.get(s).copied().unwrap_or(0);
        let active = stats.depth
            + stats.in_flight
            + count("admitted")
            + count("scheduled")
            + count("running");
        let finished = RunState::ALL
            .iter()
            .filter(|s| s.is_terminal())
            .map(|s| count(s.as_str()))
            .sum();
        return Ok((active, stats.pending, finished));
    }
    let (mut active, mut pending, mut finished) = (0, 0, 0);
    for s in store.run_states(submitted).await?.into_iter().flatten() {
        match s.state {
            RunState::Pending => pending += 1,
            st if st.is_terminal() => finished += 1,
            _ => active += 1,
        }
    }
    Ok((active, pending, finished))
}

impl IdleCheck {
    async fn idle(&mut self, store: &SharedStore, submitted: &[String]) -> Result<bool> {
        let (active, pending, finished) = progress(store, submitted).await?;
        if active > 0 {
            self.quiet_since = None;
            return Ok(false);
        }
        if pending == 0 {
            return Ok(true);
        }
        if self.finished != Some(finished) || self.quiet_since.is_none() {
            self.finished = Some(finished);
            self.quiet_since = Some(std::time::Instant::now());
            return Ok(false);
        }
        Ok(self
            .quiet_since
            .is_some_and(|t| t.elapsed() >= Duration::from_secs(2)))
    }
}

pub async fn up(ctx: &Ctx, args: UpArgs) -> Result<u8> {
    if !args.no_agents {
        crate::hardening::hide_password_from_environment()
            .context("re-executing without the Redis password in the environment")?;
    }
    let store: SharedStore = ctx.store().await?;
    let beats = agent_specs(&args)?;
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
        store
            .apply_policies(&docs, "up", crate::store::History::Keep)
            .await?;
    }
    let shutdown = shutdown_signal("stopping the scheduler and draining the local agents");
    let (stop_tx, stop_rx) = watch::channel(false);
    // Agents (or bare node registrations) first, so the first batch sees every node.
    let mut agent_handles = Vec::new();
    let mut bare_nodes = Vec::new();
    if args.no_agents {
        for mut beat in beats {
            beat.ttl = Duration::from_secs(24 * 3600);
            store.heartbeat(&beat).await?;
            bare_nodes.push(beat.name);
        }
    } else {
        let mut uid_base = crate::executor::identity::DEFAULT_UID_BASE;
        for beat in beats {
            let mut executor =
                super::agent_cmd::executor_config(&beat.name, args.runtime, None, None);
            // Each local agent gets its own uid range.
            executor.uid_base = uid_base;
            uid_base = uid_base.saturating_add(beat.capacity.slots);
            let mut config = crate::agent::AgentConfig {
                executor,
                name: beat.name,
                labels: beat.labels,
                capacity: beat.capacity,
                ttl: Duration::from_secs(10),
                poll: Duration::from_millis(50),
                drain_deadline: Duration::from_secs(30),
                max_attempts: args.scheduler.max_attempts.max(1),
            };
            let agent = match crate::agent::Agent::new(store.clone(), config.clone()).await {
                Err(crate::agent::AgentError::Executor(crate::executor::ExecutorError::State(
                    crate::executor::StateError::InUse { .. },
                ))) => {
                    // Another `up` on this host uses the same node name: a state folder of our own.
                    config.executor.state_dir = config
                        .executor
                        .work_root
                        .join(format!(".state-{}", std::process::id()));
                    crate::agent::Agent::new(store.clone(), config).await
                }
                other => other,
            }
            .context("starting a local agent")?;
            agent.register().await?;
            let rx = stop_rx.clone();
            agent_handles.push(tokio::spawn(async move { agent.run(rx).await }));
        }
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
    let sched_rx = stop_rx.clone();
    let scheduler = tokio::spawn(async move { s.run(sched_rx, false).await });
    tracing::info!("up: scheduler and {} agent(s) running", agent_handles.len());
    let mut watch_shutdown = shutdown.clone();
    let mut idle_check = IdleCheck::default();
    let mut warned_paused = false;
    loop {
        if *watch_shutdown.borrow() {
            break;
        }
        if args.until_idle && idle_check.idle(&store, &submitted).await? {
            break;
        }
        if !warned_paused && store.queue_stats().await?.paused {
            warned_paused = true;
            tracing::warn!(
                "the queue is paused: nothing is scheduled until `tartarus queue resume`"
            );
        }
        tokio::select! {
            _ = tokio::time::sleep(Duration::from_millis(100)) => {}
            _ = watch_shutdown.changed() => {}
        }
    }
    let _ = stop_tx.send(true);
    let report = match scheduler.await {
        Ok(r) => r?,
        Err(e) => return Err(anyhow::anyhow!("the scheduler task failed: {e}")),
    };
    for h in agent_handles {
        match h.await {
            Ok(Ok(_)) => {}
            Ok(Err(e)) => tracing::warn!("an agent stopped with an error: {e}"),
            Err(e) => tracing::warn!("an agent task failed: {e}"),
        }
    }

    let runs: Vec<Run> = store
        .get_runs(&submitted)
        .await?
        .into_iter()
        .flatten()
        .collect();
    // Nodes registered without agents leave with this process (their runs go back to the queue):
    // nothing would ever run them there.
    for name in &bare_nodes {
        if let Err(e) = store
            .remove_node(name, args.scheduler.max_attempts.max(1))
            .await
        {
            tracing::warn!("removing node {name}: {e}");
        }
    }
    emit(ctx.output, &Summary(runs))?;
    if !ctx.quiet {
        eprintln!("{}", report.render_table(false));
    }
    Ok(exit::OK)
}
