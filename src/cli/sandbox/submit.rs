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
use crate::ops::submit::{
    apply_key_prefix, new_runs, spec_from_flags, specs_from_input, submit_runs, DocResult,
    DocStatus, FlagSpec, SubmitLedger,
};
use crate::output::{columns, emit, emit_page, Page, Render};
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
    /// Make the submit idempotent: every document without its own `metadata.idempotencyKey`
    /// gets the key PREFIX + its index (0-based). Running the same command again returns the
    /// runs already stored (for 24 h, or until they are deleted) and completes the rest; a key
    /// used for other content is refused (exit 7)
    #[arg(long, value_name = "PREFIX")]
    pub idempotency_key: Option<String>,
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
        let mut specs = specs_from_input(&input)?;
        if let Some(prefix) = &args.idempotency_key {
            apply_key_prefix(&mut specs, prefix)?;
        }
        return Ok(specs);
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
    let mut specs = vec![spec_from_flags(&flags)?];
    if let Some(prefix) = &args.idempotency_key {
        apply_key_prefix(&mut specs, prefix)?;
    }
    Ok(specs)
}

/// Submits, drawing a progress bar on a terminal for big submits (nothing on a pipe). The ledger
/// says which documents were committed and which were not.
pub async fn submit_with_progress(ctx: &Ctx, store: &dyn Store, runs: &[Run]) -> SubmitLedger {
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
    let ledger = submit_runs(store, runs, &mut |done| {
        if let Some(b) = &bar {
            b.set_position(done as u64);
        }
    })
    .await;
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    ledger
}

/// A submit that did not commit every document: the committed ones (`items`, with their ids),
/// the others, and why it stopped.
#[derive(Serialize)]
struct Incomplete<'a> {
    items: Vec<&'a DocResult>,
    next: Option<String>,
    not_committed: Vec<&'a DocResult>,
    error: String,
}

impl Render for Incomplete<'_> {
    fn render_table(&self, _wide: bool) -> String {
        doc_table(self.items.iter().chain(&self.not_committed).copied())
    }
}

fn doc_table<'a>(docs: impl Iterator<Item = &'a DocResult>) -> String {
    columns(
        &["INDEX", "ID", "NAME", "STATUS"],
        docs.map(|d| {
            vec![
                d.index.to_string(),
                d.id.clone().unwrap_or_default(),
                d.name.clone(),
                d.status.as_str().to_string(),
            ]
        })
        .collect(),
    )
}

/// Prints what a submit that stopped early did commit and what it did not (stdout in the chosen
/// format, a summary on stderr), and returns the error to exit with.
fn report_incomplete(ctx: &Ctx, mut ledger: SubmitLedger) -> Result<u8> {
    let err = ledger
        .error()
        .unwrap_or_else(|| anyhow::anyhow!("the submit did not complete"));
    let out = Incomplete {
        items: ledger.committed().collect(),
        next: None,
        not_committed: ledger.not_committed().collect(),
        error: format!("{err:#}"),
    };
    emit(ctx.output, &out)?;
    eprintln!("submit incomplete:");
    for line in ledger.summary() {
        eprintln!("  {line}");
    }
    if ledger
        .not_committed()
        .any(|d| d.status == DocStatus::Unknown)
    {
        eprintln!(
            "  running the same command again completes it without duplicates only when every document has an idempotency key (--idempotency-key PREFIX or metadata.idempotencyKey)"
        );
    }
    Err(err)
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
    let ledger = submit_with_progress(ctx, &*store, &runs).await;
    if !ledger.is_complete() {
        return report_incomplete(ctx, ledger);
    }
    if args.wait {
        // With idempotency keys, a document may name a run stored before: that id is the one.
        let ids: Vec<String> = ledger.committed().filter_map(|d| d.id.clone()).collect();
        // Say the ids now: an interrupted wait must not lose them.
        if !ctx.quiet {
            eprintln!("submitted {}", ids.join(" "));
        }
        return wait_and_report(ctx, &*store, &ids, &args.wait_flags.options(None)).await;
    }
    let page = Page::all(
        ledger.docs,
        vec!["ID", "NAME", "STATUS"],
        |d: &DocResult| {
            vec![
                d.id.clone().unwrap_or_default(),
                d.name.clone(),
                d.status.as_str().to_string(),
            ]
        },
    );
    emit_page(ctx.output, &page)?;
    Ok(exit::OK)
}
