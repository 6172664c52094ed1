//! `sandbox submit`: from `-f FILE` (many documents = bulk) or from flags with the command after `--`; `--wait` waits like `sandbox wait`.

use std::path::PathBuf;

use anyhow::Result;
use clap::Args;
use serde::Serialize;

use super::wait::{wait_and_report, WaitFlags};
use crate::cli::args::HeatArg;
use crate::cli::{CliError, Ctx};
use crate::exit;
use crate::model::run::Run;
use crate::model::spec::SandboxSpec;
use crate::ops::input::read_input;
use crate::ops::submit::{new_runs, spec_from_flags, specs_from_input, submit_runs, FlagSpec};
use crate::output::{emit_page, Page};
use crate::store::Store;

#[derive(Debug, Args)]
pub struct SubmitArgs {
    /// YAML file with one or more sandbox documents (`-` reads stdin)
    #[arg(short = 'f', long = "file", value_name = "FILE", conflicts_with_all = ["image", "command"])]
    pub file: Option<PathBuf>,
    /// Name of the sandbox (flags mode)
    #[arg(long)]
    pub name: Option<String>,
    /// Image to run (flags mode; the command follows `--`)
    #[arg(long)]
    pub image: Option<String>,
    /// CPU: cores (`2`, `0.5`) or millicores (`500m`)
    #[arg(long)]
    pub cpu: Option<String>,
    /// Memory: `512Mi`, `2Gi`
    #[arg(long)]
    pub memory: Option<String>,
    /// GPUs
    #[arg(long)]
    pub gpu: Option<i64>,
    /// The sandbox's own timeout: `30s`, `5m`, `1h` (the wait's is --wait-timeout)
    #[arg(long)]
    pub timeout: Option<String>,
    /// Heat class; classified from resources and timeout when not given
    #[arg(long, value_enum)]
    pub heat: Option<HeatArg>,
    /// Priority 0–1000; higher runs first
    #[arg(long)]
    pub priority: Option<i64>,
    /// Label key=value (repeatable)
    #[arg(long = "label", value_name = "K=V")]
    pub labels: Vec<String>,
    /// Environment variable K=V (repeatable)
    #[arg(long = "env", value_name = "K=V")]
    pub env: Vec<String>,
    /// Ask for quarantine: the run goes only to Typhon nodes
    #[arg(long)]
    pub quarantine: bool,
    /// Allow network access inside the sandbox
    #[arg(long)]
    pub network: bool,
    /// Wait for the runs to finish (as `sandbox wait`); the exit code is that of the worst run
    #[arg(long)]
    pub wait: bool,
    #[command(flatten)]
    pub wait_flags: WaitFlags,
    /// Removed: the command now follows `--` (using it prints how)
    #[arg(long = "command", hide = true, num_args = 0.., allow_hyphen_values = true)]
    pub removed_command: Option<Vec<String>>,
    /// The program and its arguments, after `--`; flags there belong to the program
    #[arg(last = true, value_name = "CMD")]
    pub command: Vec<String>,
}

/// Builds specs from `-f` or from flags; validates everything before returning.
fn read_specs(args: &SubmitArgs) -> Result<Vec<SandboxSpec>> {
    if args.removed_command.is_some() {
        return Err(CliError::CommandFlagRemoved.into());
    }
    if let Some(path) = &args.file {
        let input = read_input(path)?;
        return Ok(specs_from_input(&input)?);
    }
    let Some(image) = &args.image else {
        return Err(CliError::usage(
            "give -f FILE, or --image IMAGE -- CMD [ARGS...]",
        ));
    };
    if args.command.is_empty() {
        return Err(CliError::usage(format!(
            "the command goes after `--`: tartarus sandbox submit --image {image} -- CMD [ARGS...]"
        )));
    }
    let mut flags = FlagSpec {
        name: args.name.clone(),
        image: image.clone(),
        command: args.command.clone(),
        cpu: args.cpu.clone(),
        memory: args.memory.clone(),
        gpu: args.gpu,
        timeout: args.timeout.clone(),
        heat: args.heat.map(Into::into),
        priority: args.priority,
        quarantine: args.quarantine,
        network: args.network,
        ..Default::default()
    };
    for l in &args.labels {
        let (k, v) = super::split_kv(l, "label")?;
        flags.labels.insert(k, v);
    }
    for e in &args.env {
        let (k, v) = super::split_kv(e, "environment variable")?;
        flags.env.insert(k, v);
    }
    Ok(vec![spec_from_flags(&flags)?])
}

/// Submits, drawing a progress bar on a terminal for big submits (nothing on a pipe).
pub async fn submit_with_progress(ctx: &Ctx, store: &dyn Store, runs: &[Run]) -> Result<()> {
    let bar = (ctx.interactive() && runs.len() > 1000).then(|| {
        let b = indicatif::ProgressBar::new(runs.len() as u64);
        b.set_style(
            indicatif::ProgressStyle::with_template(
                "{spinner} submitting {pos}/{len} [{bar:30}] {per_sec} eta {eta}",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        b
    });
    submit_runs(store, runs, &mut |done| {
        if let Some(b) = &bar {
            b.set_position(done as u64);
        }
    })
    .await?;
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    Ok(())
}

#[derive(Serialize)]
struct Submitted {
    id: String,
    name: String,
}

pub async fn run(ctx: &Ctx, args: SubmitArgs) -> Result<u8> {
    let specs = read_specs(&args)?;
    if args.wait && ctx.in_memory() {
        return Err(CliError::usage(
            "--wait needs a shared store: with the in-memory store no scheduler or agent can see \
             these runs; run them with `tartarus up --in-memory --submit FILE --until-idle`",
        ));
    }
    let runs = new_runs(specs);
    let store = ctx.store().await?;
    submit_with_progress(ctx, &*store, &runs).await?;
    if args.wait {
        let ids: Vec<String> = runs.iter().map(|r| r.id.clone()).collect();
        // Say the ids now: an interrupted wait must not lose them.
        if !ctx.quiet {
            eprintln!("submitted {}", ids.join(" "));
        }
        return wait_and_report(ctx, &*store, &ids, &args.wait_flags.options(None)).await;
    }
    let page = Page::all(
        runs.iter()
            .map(|r| Submitted {
                id: r.id.clone(),
                name: r.name.clone(),
            })
            .collect(),
        vec!["ID", "NAME"],
        |s| vec![s.id.clone(), s.name.clone()],
    );
    emit_page(ctx.output, &page)?;
    Ok(exit::OK)
}
