//! `sandbox submit`: from `-f FILE` (many documents = bulk) or from flags with the command after `--`; `--wait` waits like `sandbox wait`.

use std::path::PathBuf;

use anyhow::Result;
use clap::Args;

use super::wait::{wait_and_report, WaitFlags};
use crate::cli::args::{HeatArg, InputLimitArgs};
use crate::cli::{CliError, Ctx};
use crate::exit;
use crate::model::spec::SandboxSpec;
use crate::ops::input::InputSource;
use crate::ops::submit::{
    apply_key, spec_from_flags, submit_docs, DocResult, FlagSpec, SandboxFile, SubmitLedger,
};
use crate::output::PageWriter;
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
    /// Label key=value (repeatable; no control characters)
    #[arg(long = "label", value_name = "K=V")]
    pub labels: Vec<String>,
    /// Environment variable K=V (repeatable; the value may hold line breaks and tabs, no other
    /// control character)
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
    /// used for other content is refused (exit 7); an empty PREFIX is refused (exit 3)
    #[arg(long, value_name = "PREFIX")]
    pub idempotency_key: Option<String>,
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

/// The spec flags describe, with its idempotency key; validated before returning.
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
    let mut spec = spec_from_flags(&flags)?;
    if let Some(prefix) = &args.idempotency_key {
        apply_key(&mut spec, prefix, 0)?;
    }
    Ok(spec)
}

/// Width of the ID column: run ids are ULIDs.
const ID_WIDTH: usize = 26;
/// Width of the NAME column (longer names push the status right).
const NAME_WIDTH: usize = 24;

pub async fn run(ctx: &Ctx, args: SubmitArgs) -> Result<u8> {
    if args.removed_command.is_some() {
        return Err(CliError::CommandFlagRemoved.into());
    }
    // Everything is read and checked before anything connects: a bad file writes nothing.
    let input = match &args.file {
        Some(path) => {
            let limits = args.input_limits.limits();
            let source = InputSource::open(path, limits.max_file_bytes)?;
            Input::File(SandboxFile::check(
                source,
                limits.sandbox_documents(),
                args.idempotency_key.clone(),
            )?)
        }
        None => Input::Flags(Box::new(flag_spec(&args)?)),
    };
    if args.wait && ctx.in_memory() {
        return Err(CliError::usage(
            "--wait needs a shared store: with the in-memory store no scheduler or agent can see \
             these runs; run them with `tartarus up --in-memory --submit FILE --until-idle`",
        ));
    }
    let store = ctx.store().await?;
    let ids = submit_streamed(ctx, &*store, &input, args.wait).await?;
    if args.wait {
        // Say the ids now: an interrupted wait must not lose them.
        if !ctx.quiet {
            eprintln!("submitted {}", ids.join(" "));
        }
        return wait_and_report(ctx, &*store, &ids, &args.wait_flags.options()).await;
    }
    Ok(exit::OK)
}

/// Document indexes and names, read again from the input.
type Names<'a> = Box<dyn Iterator<Item = Result<(usize, String)>> + 'a>;

/// What is submitted: a checked file (read again while submitting), or the one spec of the flags.
enum Input {
    File(SandboxFile),
    Flags(Box<SandboxSpec>),
}

impl Input {
    fn runs(&self) -> usize {
        match self {
            Input::File(f) => f.runs(),
            Input::Flags(_) => 1,
        }
    }

    fn specs(&self) -> Result<Box<dyn Iterator<Item = Result<SandboxSpec>> + '_>> {
        Ok(match self {
            Input::File(f) => Box::new(f.specs()?),
            Input::Flags(spec) => Box::new(std::iter::once(Ok((**spec).clone()))),
        })
    }

    fn names_from(&self, from: usize) -> Result<Names<'_>> {
        Ok(match self {
            Input::File(f) => Box::new(f.names_from(from)?),
            Input::Flags(spec) => Box::new(std::iter::once(Ok((0, spec.name.clone()))).skip(from)),
        })
    }
}

fn doc_row(d: &DocResult) -> Vec<String> {
    vec![
        d.id.clone().unwrap_or_default(),
        d.name.clone(),
        d.status.as_str().to_string(),
    ]
}

/// Submits batch by batch, printing each acknowledged batch at once (unless the runs are waited
/// for: then their ids are returned, the only thing kept per run). A submit that stops early
/// still prints a well-formed page of what it committed, then what it did not (`not_committed`)
/// and why (`error`), and returns that error.
async fn submit_streamed(
    ctx: &Ctx,
    store: &dyn Store,
    input: &Input,
    wait: bool,
) -> Result<Vec<String>> {
    let total = input.runs();
    let bar = (ctx.interactive() && total > 1000).then(|| {
        let b = indicatif::ProgressBar::new(total as u64);
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
            &["ID", "NAME", "STATUS"],
            &[ID_WIDTH, NAME_WIDTH],
        )?)
    };
    let mut print_error = None;
    let mut specs = input.specs()?;
    let ledger = submit_docs(
        store,
        &mut specs,
        &mut |done| {
            if let Some(b) = &bar {
                b.set_position(done as u64);
            }
        },
        &mut |doc| match page.as_mut() {
            Some(page) => {
                if let Err(e) = page.item(doc, &doc_row(doc)) {
                    print_error.get_or_insert(e);
                }
            }
            None => ids.extend(doc.id.clone()),
        },
    )
    .await;
    drop(specs);
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    if let Some(e) = print_error {
        // A closed pipe (`| head`) is not an error worth a message (as for every other output).
        tracing::debug!("printing the submitted runs: {e}");
    }
    if ledger.is_complete() {
        if let Some(page) = page {
            let _ = page.finish();
        }
        return Ok(ids);
    }
    Err(report_incomplete(input, ledger, page, total))
}

/// Ends the page of a submit that did not commit everything: the documents not committed
/// (refused keys, then those sent without an answer and those never sent, read again from the
/// input) and the error; a summary on stderr. Returns the error to exit with.
fn report_incomplete<W: std::io::Write>(
    input: &Input,
    mut ledger: SubmitLedger,
    page: Option<PageWriter<W>>,
    total: usize,
) -> anyhow::Error {
    let err = ledger
        .error()
        .unwrap_or_else(|| anyhow::anyhow!("the submit did not complete"));
    let summary = ledger.summary(total);
    if let Some(page) = page {
        let conflicts = ledger.conflicts.iter().cloned().map(Ok);
        let rest: Box<dyn Iterator<Item = Result<DocResult>>> = match ledger.stopped_at {
            Some(at) => match input.names_from(at) {
                Ok(names) => Box::new(names.map(|n| {
                    n.map(|(index, name)| DocResult {
                        index,
                        id: None,
                        name,
                        status: ledger.status_after_stop(index),
                    })
                })),
                Err(e) => Box::new(std::iter::once(Err(e))),
            },
            None => Box::new(std::iter::empty()),
        };
        let written = page.finish_incomplete(
            "not_committed",
            conflicts.chain(rest),
            doc_row,
            &format!("{err:#}"),
        );
        if let Err(e) = written {
            tracing::debug!("printing what was not committed: {e}");
        }
    }
    {
        eprintln!("submit incomplete:");
        for line in summary {
            eprintln!("  {line}");
        }
        if ledger.stopped_at.is_some() {
            eprintln!(
                "  running the same command again completes it without duplicates only when every document has an idempotency key (--idempotency-key PREFIX or metadata.idempotencyKey)"
            );
        }
    }
    err
}
