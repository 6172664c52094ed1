//! `tartarus up`: the flags of the all-in-one command, turned into an [`UpPlan`], and its summary.

use std::path::PathBuf;
use std::sync::Arc;

use anyhow::{Context as _, Result};
use clap::Args;

use super::LoopArgs;
use crate::cli::agent::{executor_config, RuntimeChoice};
use crate::cli::args::InputLimitArgs;
use crate::cli::sandbox::render::summary_page;
use crate::cli::signal::shutdown_signal;
use crate::cli::{CliError, Ctx};
use crate::exit;
use crate::model::node::parse_label_list;
use crate::ops::input::{read_input, read_input_limited};
use crate::ops::node_file::{default_nodes, parse_nodes, plain_node};
use crate::ops::submit::{new_runs, specs_from_input_limited};
use crate::ops::up::{run_up, UpPlan};
use crate::output::{emit_page, Render};
use crate::store::Heartbeat;

#[derive(Debug, Args)]
pub struct UpArgs {
    /// Local agents to run, as a YAML list (name, labels, cpu, memory, gpu, slots); default: one
    /// standard, one phlegethon and one typhon node (see examples/nodes.yaml)
    #[arg(long)]
    pub nodes: Option<PathBuf>,
    /// Add a local agent: NAME or NAME:k=v,k=v (repeatable; 4 cpu, 8Gi, 8 slots)
    #[arg(long = "agent", value_name = "NAME[:LABELS]")]
    pub agents: Vec<String>,
    /// Isolation for the local agents' sandboxes
    #[arg(long, value_enum, default_value = "process")]
    pub runtime: RuntimeChoice,
    /// The only folder the local agents read `envFrom` files from (owned by root or you, not
    /// writable by group or others); without it, runs with `envFrom` fail
    #[arg(long, value_name = "DIR")]
    pub env_from_dir: Option<PathBuf>,
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
    /// With --until-idle: exit 0 only when every submitted run succeeded, else with the
    /// `sandbox wait` code of the worst run (the highest: 17 left pending, 15 unfinished,
    /// 14 dead, 13 denied/rejected, 12 cancelled, 11 timed out, 10 failed). Without it, `up`
    /// exits 0 whatever happened to the runs
    #[arg(long, requires = "until_idle")]
    pub exit_code: bool,
    #[command(flatten)]
    pub scheduler: LoopArgs,
    #[command(flatten)]
    pub input_limits: InputLimitArgs,
}

/// The nodes from `--nodes`, `--agent`, or the built-in three.
fn nodes(args: &UpArgs) -> Result<Vec<Heartbeat>> {
    let mut beats = match &args.nodes {
        Some(path) => parse_nodes(&read_input(path)?)?,
        None if args.agents.is_empty() => default_nodes()?,
        None => Vec::new(),
    };
    for spec in &args.agents {
        let (name, labels) = spec.split_once(':').unwrap_or((spec.as_str(), ""));
        let labels = parse_label_list(labels)
            .map_err(|m| CliError::Usage(format!("--agent {spec}: {m}")))?;
        crate::model::node::check_node_name(&format!("--agent {spec}"), name)
            .map_err(|e| CliError::Usage(e.to_string()))?;
        let beat = plain_node(name, labels)?;
        if beats.iter().any(|b| b.name == beat.name) {
            return Err(CliError::Usage(format!(
                "--agent {spec}: node `{name}` is already defined (by --nodes or another --agent): \
                 two agents cannot share a node"
            ))
            .into());
        }
        beats.push(beat);
    }
    Ok(beats)
}

/// Reads every input before anything connects: a bad file changes nothing.
fn plan(args: &UpArgs) -> Result<UpPlan> {
    let limits = args.input_limits.limits();
    let policies = match &args.policies {
        Some(path) => {
            let input = read_input_limited(path, limits.max_file_bytes)?;
            crate::ops::policies::parse(&input.name, input.text.as_bytes())?
        }
        None => Vec::new(),
    };
    let runs = match &args.submit {
        Some(path) => new_runs(specs_from_input_limited(
            &read_input_limited(path, limits.max_file_bytes)?,
            limits.sandbox_documents(),
        )?),
        None => Vec::new(),
    };
    let runtime = args.runtime;
    let env_from_dir = args.env_from_dir.clone();
    Ok(UpPlan {
        nodes: nodes(args)?,
        agents: (!args.no_agents).then(|| {
            Arc::new(move |name: &str| {
                let mut c = executor_config(name, runtime, None, None);
                c.env_from_dir = env_from_dir.clone();
                c
            }) as crate::ops::up::ExecutorFor
        }),
        policies,
        runs,
        until_idle: args.until_idle,
        scheduler: args.scheduler.config(),
    })
}

pub async fn run(ctx: &Ctx, args: UpArgs) -> Result<u8> {
    if !args.no_agents {
        crate::hardening::hide_password_from_environment()
            .context("re-executing without the Redis password in the environment")?;
    }
    let plan = plan(&args)?;
    let store = ctx.store_waiting().await?;
    let node_names = plan.nodes.iter().map(|b| b.name.clone()).collect();
    let _metrics = args
        .scheduler
        .metrics
        .start(|| crate::metrics::Probe::up(store.clone(), node_names))
        .await?;
    let shutdown = shutdown_signal("stopping the scheduler and draining the local agents");
    let outcome = run_up(store, plan, shutdown).await?;
    emit_page(ctx.output, &summary_page(&outcome.runs))?;
    if !ctx.quiet {
        eprintln!("{}", outcome.report.render_table(false));
    }
    Ok(if args.exit_code {
        outcome.exit_code()
    } else {
        exit::OK
    })
}
