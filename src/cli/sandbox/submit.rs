//! `sandbox submit`: from `-f FILE` (many documents = bulk) or from flags with the command after `--`; `--wait` waits like `sandbox wait`.

use std::path::PathBuf;

use anyhow::Result;
use clap::Args;
use serde::Serialize;

use super::wait::{wait_and_report, WaitFlags};
use crate::cli::args::{HeatArg, InputLimitArgs};
use crate::cli::{CliError, Ctx};
use crate::exit;
use crate::model::run::Run;
use crate::model::spec::SandboxSpec;
use crate::ops::input::InputSource;
use crate::ops::submit::{
    new_runs, spec_from_flags, submit_file, submit_runs, FlagSpec, SandboxFile,
};
use crate::output::{emit_page, Page, PageWriter};
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
    #[command(flatten)]
    pub input_limits: InputLimitArgs,
    /// Removed: the command now follows `--` (using it prints how)
    #[arg(long = "command", hide = true, num_args = 0.., allow_hyphen_values = true)]
    pub removed_command: Option<Vec<String>>,
    /// The program and its arguments, after `--`; flags there belong to the program
    #[arg(last = true, value_name = "CMD")]
    pub command: Vec<String>,
}

/// The spec flags describe; validated before returning.
fn flag_spec(args: &SubmitArgs) -> Result<SandboxSpec> {
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
    Ok(spec_from_flags(&flags)?)
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
struct Submitted<'a> {
    id: &'a str,
    name: &'a str,
}

/// Width of the ID column: run ids are ULIDs.
const ID_WIDTH: usize = 26;

pub async fn run(ctx: &Ctx, args: SubmitArgs) -> Result<u8> {
    if args.removed_command.is_some() {
        return Err(CliError::CommandFlagRemoved.into());
    }
    // Everything is read and checked before anything connects: a bad file writes nothing.
    let file = match &args.file {
        Some(path) => {
            let limits = args.input_limits.limits();
            let source = InputSource::open(path, limits.max_file_bytes)?;
            Some(SandboxFile::check(source, limits.sandbox_documents())?)
        }
        None => None,
    };
    let single = match &file {
        Some(_) => None,
        None => Some(flag_spec(&args)?),
    };
    if args.wait && ctx.in_memory() {
        return Err(CliError::usage(
            "--wait needs a shared store: with the in-memory store no scheduler or agent can see \
             these runs; run them with `tartarus up --in-memory --submit FILE --until-idle`",
        ));
    }
    let store = ctx.store().await?;
    let ids = match (&file, single) {
        (Some(file), _) => submit_streamed(ctx, &*store, file, args.wait).await?,
        (None, Some(spec)) => {
            let runs = new_runs(vec![spec]);
            submit_with_progress(ctx, &*store, &runs).await?;
            if !args.wait {
                print_submitted(ctx, &runs)?;
            }
            runs.into_iter().map(|r| r.id).collect()
        }
        (None, None) => Vec::new(),
    };
    if args.wait {
        // Say the ids now: an interrupted wait must not lose them.
        if !ctx.quiet {
            eprintln!("submitted {}", ids.join(" "));
        }
        return wait_and_report(ctx, &*store, &ids, &args.wait_flags.options(None)).await;
    }
    Ok(exit::OK)
}

fn print_submitted(ctx: &Ctx, runs: &[Run]) -> Result<()> {
    let page = Page::all(
        runs.iter()
            .map(|r| Submitted {
                id: &r.id,
                name: &r.name,
            })
            .collect(),
        vec!["ID", "NAME"],
        |s| vec![s.id.to_string(), s.name.to_string()],
    );
    emit_page(ctx.output, &page)
}

/// Submits a checked file batch by batch, printing each acknowledged batch at once (unless the
/// runs are waited for: then their ids are returned, the only thing kept per run).
async fn submit_streamed(
    ctx: &Ctx,
    store: &dyn Store,
    file: &SandboxFile,
    wait: bool,
) -> Result<Vec<String>> {
    let bar = (ctx.interactive() && file.runs() > 1000).then(|| {
        let b = indicatif::ProgressBar::new(file.runs() as u64);
        b.set_style(
            indicatif::ProgressStyle::with_template(
                "{spinner} submitting {pos}/{len} [{bar:30}] {per_sec} eta {eta}",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        b
    });
    let mut ids = Vec::new();
    let mut page = if wait {
        None
    } else {
        Some(PageWriter::start(
            ctx.output,
            std::io::BufWriter::new(std::io::stdout().lock()),
            &["ID", "NAME"],
            &[ID_WIDTH],
        )?)
    };
    let mut print_error = None;
    let mut done = 0u64;
    let result = submit_file(store, file, &mut |runs| {
        done += runs.len() as u64;
        if let Some(b) = &bar {
            b.set_position(done);
        }
        match page.as_mut() {
            Some(page) => {
                for r in runs {
                    let item = Submitted {
                        id: &r.id,
                        name: &r.name,
                    };
                    if let Err(e) = page.item(&item, &[r.id.clone(), r.name.clone()]) {
                        print_error.get_or_insert(e);
                    }
                }
            }
            None => ids.extend(runs.iter().map(|r| r.id.clone())),
        }
    })
    .await;
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    if let Some(page) = page {
        // Closed even after a failure: what was acknowledged is listed in a well-formed page.
        // A closed pipe (`| head`) is not an error worth a message (as for every other output).
        let _ = page.finish();
    }
    result?;
    if let Some(e) = print_error {
        tracing::debug!("printing the submitted runs: {e}");
    }
    Ok(ids)
}
