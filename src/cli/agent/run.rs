//! `tartarus agent run`: a node agent that heartbeats, runs the sandboxes scheduled to its node, and drains on SIGTERM.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context as _, Result};
use clap::{Args, Subcommand, ValueEnum};

use crate::agent::{Agent, AgentConfig, AgentReport};
use crate::cli::args::parse_duration_arg;
use crate::cli::examples;
use crate::cli::{CliError, Ctx};
use crate::executor::{ExecutorConfig, Runtime};
use crate::exit;
use crate::model::node::Resources;
use crate::model::units::{parse_bytes, parse_cpu_millis};
use crate::output::{emit, Render};

#[derive(Debug, Subcommand)]
pub enum AgentCmd {
    /// Run an agent for one node until SIGINT/SIGTERM (then drain)
    #[command(after_long_help = examples::AGENT_RUN)]
    Run(AgentArgs),
}

/// How sandboxes are isolated.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum RuntimeChoice {
    /// A child process: private env and working folder, own process group, rlimits
    Process,
    /// bubblewrap: new namespaces, read-only system, private /tmp, no network unless asked
    Bwrap,
}

#[derive(Debug, Args, Clone)]
pub struct AgentArgs {
    /// Node name
    #[arg(long)]
    pub name: String,
    /// Labels k=v,k=v (default: $HADES_LABEL, e.g. HADES_LABEL="tartarus.io/typhon=true")
    #[arg(long)]
    pub labels: Option<String>,
    /// CPU capacity (cores or millicores)
    #[arg(long, default_value = "4")]
    pub cpu: String,
    /// Memory capacity
    #[arg(long, default_value = "8Gi")]
    pub memory: String,
    /// GPU capacity
    #[arg(long, default_value_t = 0)]
    pub gpu: u32,
    /// Concurrent sandboxes
    #[arg(long, default_value_t = 4)]
    pub slots: u32,
    /// How sandboxes are isolated
    #[arg(long, value_enum, default_value = "process")]
    pub runtime: RuntimeChoice,
    /// Lease (heartbeat validity, renewed every fifth of it). Sandboxes keep running through a
    /// Redis outage shorter than about TTL − TTL/5 − 3 s and are killed before it runs out; a dead
    /// agent's runs are retried elsewhere after it
    #[arg(long, default_value = "30s", value_parser = parse_duration_arg)]
    pub ttl: Duration,
    /// How often to look for new work and cancellations
    #[arg(long, default_value = "200ms", value_parser = parse_duration_arg)]
    pub poll: Duration,
    /// On SIGTERM, how long running sandboxes may finish before they are handed back
    #[arg(long, default_value = "30s", value_parser = parse_duration_arg)]
    pub drain_deadline: Duration,
    /// Attempts after which a handed-back run is dead-lettered
    #[arg(long, default_value_t = 3)]
    pub max_attempts: u32,
    /// Folder for the sandboxes' private working folders (default: <tmp>/tartarus-agent/<name>/work)
    #[arg(long)]
    pub work_dir: Option<PathBuf>,
    /// Folder for the capped full logs, <run>.log (default: <tmp>/tartarus-agent/<name>/logs)
    #[arg(long)]
    pub log_dir: Option<PathBuf>,
    /// Local state: the agent's supervisor and sandbox pids, so a restarted agent stops what its
    /// previous incarnation left running (default: <work-dir>/.state)
    #[arg(long)]
    pub state_dir: Option<PathBuf>,
    /// When run as root: sandboxes run as uid and gid N + slot index (groups cleared)
    #[arg(long, value_name = "N", default_value_t = crate::executor::identity::DEFAULT_UID_BASE)]
    pub uid_base: u32,
    /// bwrap: image root filesystems, one folder per image (`alpine:3.20` → DIR/alpine_3.20),
    /// used as the sandbox's / instead of the host's system folders
    #[arg(long, value_name = "DIR")]
    pub image_dir: Option<PathBuf>,
    /// The only folder `envFrom` files are read from: a spec's `envFrom.file` must lie inside it
    /// (no `..` or symlink out), and it and the file must belong to root or the agent's user and
    /// not be writable by group or others. Without it, runs with `envFrom` fail
    #[arg(long, value_name = "DIR")]
    pub env_from_dir: Option<PathBuf>,
    #[command(flatten)]
    pub metrics: crate::cli::args::MetricsArgs,
}

impl AgentArgs {
    /// A checked agent configuration.
    pub fn config(&self) -> Result<AgentConfig> {
        crate::model::node::check_node_name("--name", &self.name)
            .map_err(|e| CliError::Usage(e.to_string()))?;
        let usage = |m: String| anyhow::Error::from(CliError::Usage(m));
        let capacity = Resources {
            cpu_millis: parse_cpu_millis(&self.cpu).map_err(usage)?,
            memory_bytes: parse_bytes(&self.memory).map_err(usage)?,
            gpu: self.gpu,
            slots: self.slots,
        };
        capacity.check_capacity().map_err(usage)?;
        let mut executor = executor_config(
            &self.name,
            self.runtime,
            self.work_dir.clone(),
            self.log_dir.clone(),
        );
        if let Some(dir) = &self.state_dir {
            executor.state_dir = dir.clone();
        }
        if self.uid_base == 0 || self.uid_base.checked_add(self.slots).is_none() {
            return Err(usage(format!(
                "--uid-base {}: must be above 0 and leave room for {} slots",
                self.uid_base, self.slots
            )));
        }
        executor.uid_base = self.uid_base;
        executor.env_from_dir = self.env_from_dir.clone();
        if let Some(dir) = &self.image_dir {
            if self.runtime != RuntimeChoice::Bwrap {
                return Err(usage("--image-dir needs --runtime bwrap".to_string()));
            }
            executor.image_dir = Some(dir.clone());
        }
        Ok(AgentConfig {
            name: self.name.clone(),
            labels: crate::cli::node::labels_from(self.labels.as_deref())?,
            capacity,
            ttl: self.ttl.max(Duration::from_millis(500)),
            poll: self.poll.max(Duration::from_millis(10)),
            drain_deadline: self.drain_deadline,
            max_attempts: self.max_attempts.max(1),
            executor,
        })
    }
}

/// Where an agent's sandboxes work and log (defaults under the temp folder, per node).
pub fn executor_config(
    name: &str,
    runtime: RuntimeChoice,
    work_dir: Option<PathBuf>,
    log_dir: Option<PathBuf>,
) -> ExecutorConfig {
    let base = std::env::temp_dir().join("tartarus-agent").join(name);
    let runtime = match runtime {
        RuntimeChoice::Process => Runtime::Process,
        RuntimeChoice::Bwrap => Runtime::bwrap(),
    };
    ExecutorConfig::new(
        runtime,
        work_dir.unwrap_or_else(|| base.join("work")),
        log_dir.unwrap_or_else(|| base.join("logs")),
    )
}

impl Render for AgentReport {
    fn render_table(&self, _wide: bool) -> String {
        format!(
            "started {} · succeeded {} · failed {} · timed out {} · cancelled {} · handed back {}",
            self.started,
            self.succeeded,
            self.failed,
            self.timed_out,
            self.cancelled,
            self.handed_back
        )
    }
}

impl AgentCmd {
    pub async fn run(self, ctx: &Ctx) -> Result<u8> {
        match self {
            AgentCmd::Run(args) => {
                crate::hardening::hide_password_from_environment()
                    .context("re-executing without the Redis password in the environment")?;
                let config = args.config()?;
                let store = ctx.store_waiting().await?;
                let _metrics = args
                    .metrics
                    .start(|| crate::metrics::Probe::agent(store.clone(), &config.name))
                    .await?;
                let agent = Arc::new(
                    Agent::new(store, config)
                        .await
                        .context("starting the agent")?,
                );
                let report = agent
                    .run(crate::cli::signal::shutdown_signal(
                        "draining: no new work, running sandboxes may finish",
                    ))
                    .await?;
                emit(ctx.output, &report)?;
                Ok(exit::OK)
            }
        }
    }
}
