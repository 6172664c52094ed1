//! `tartarus sandbox`: submit runs (one or thousands), list them, inspect one with its history, cancel.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::PathBuf;

use anyhow::{bail, Context as _, Result};
use clap::{Args, Subcommand};
use serde::Serialize;

use super::Ctx;
use crate::exit::{self, CodedError};
use crate::model::now_ms;
use crate::model::run::{Event, Run, RunState};
use crate::model::spec::{parse_sandbox_documents, Heat, SandboxSpec};
use crate::output::{age, columns, dash, emit, fields, timestamp, Render};
use crate::store::RunFilter;

#[derive(Debug, Subcommand)]
pub enum SandboxCmd {
    /// Submit sandboxes from a YAML file (many documents = bulk, pipelined) or from flags
    ///
    /// Every document is validated before anything is written: one bad document submits
    /// nothing. Prints the new run ids.
    Submit(SubmitArgs),
    /// List runs, oldest first, with filters and paging
    List(ListArgs),
    /// Show one run: spec, verdict, placement, outcome and its recent events
    Get {
        /// Run id
        id: String,
    },
    /// Wait until runs finish; the exit code mirrors the first run that did not succeed
    /// (0 succeeded, 10 failed, 11 timed out, 12 cancelled, 13 denied/rejected, 14 dead-lettered,
    /// 15 when --timeout passed first)
    Wait {
        /// Run ids
        #[arg(required = true)]
        ids: Vec<String>,
        /// Give up after this long
        #[arg(long, value_parser = super::parse_duration_arg)]
        timeout: Option<std::time::Duration>,
    },
    /// Print a run's output: the full log when it is readable here, else the stored tail
    Logs {
        id: String,
        /// Keep printing until the run ends
        #[arg(short, long)]
        follow: bool,
    },
    /// Stream run and policy events as they happen (`-o json`: one JSON object per line)
    Watch {
        /// Only this run's events
        #[arg(long)]
        run: Option<String>,
        /// Start from the oldest event kept instead of only new ones
        #[arg(long)]
        from_start: bool,
        /// Stop after this many events
        #[arg(long)]
        count: Option<usize>,
    },
    /// Cancel runs in any unfinished state (frees their node capacity)
    Cancel {
        /// Run ids
        #[arg(required = true)]
        ids: Vec<String>,
        /// Reason recorded on the run
        #[arg(long, default_value = "cancelled by operator")]
        reason: String,
    },
}

#[derive(Debug, Args)]
pub struct SubmitArgs {
    /// YAML file with one or more sandbox documents (`-` reads stdin)
    #[arg(short = 'f', long = "file", value_name = "FILE", conflicts_with_all = ["image", "command"])]
    pub file: Option<PathBuf>,
    /// Name of the sandbox (flags mode)
    #[arg(long)]
    pub name: Option<String>,
    /// Image to run
    #[arg(long)]
    pub image: Option<String>,
    /// Command and arguments, after `--command` or as the trailing arguments after `--`
    #[arg(long, num_args = 1.., allow_hyphen_values = true)]
    pub command: Vec<String>,
    /// CPU: cores (`2`, `0.5`) or millicores (`500m`)
    #[arg(long)]
    pub cpu: Option<String>,
    /// Memory: `512Mi`, `2Gi`
    #[arg(long)]
    pub memory: Option<String>,
    /// GPUs
    #[arg(long)]
    pub gpu: Option<i64>,
    /// Timeout: `30s`, `5m`, `1h`
    #[arg(long)]
    pub timeout: Option<String>,
    /// Heat class; classified from resources and timeout when not given
    #[arg(long, value_enum)]
    pub heat: Option<Heat>,
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
    /// Wait for the runs to finish (as `sandbox wait`); the exit code mirrors them
    #[arg(long)]
    pub wait: bool,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only runs in this state
    #[arg(long, value_enum)]
    pub state: Option<RunState>,
    /// Only runs of this heat
    #[arg(long, value_enum)]
    pub heat: Option<Heat>,
    /// Only runs with this label (k=v)
    #[arg(long, value_name = "K=V")]
    pub label: Option<String>,
    /// Only runs placed on this node
    #[arg(long)]
    pub node: Option<String>,
    /// Most runs to print
    #[arg(long, default_value_t = 100)]
    pub limit: usize,
    /// Continue after this run id (the `next` cursor of a previous page)
    #[arg(long)]
    pub after: Option<String>,
    /// Page through everything (ignores --limit)
    #[arg(long)]
    pub all: bool,
}

fn split_kv(item: &str, what: &str) -> Result<(String, String)> {
    match item.split_once('=') {
        Some((k, v)) if !k.is_empty() => Ok((k.to_string(), v.to_string())),
        _ => bail!(CodedError::new(
            exit::USAGE,
            format!("{what} `{item}` must be written KEY=VALUE")
        )),
    }
}

/// Builds specs from `-f` or from flags; validates everything before returning.
fn read_specs(args: &SubmitArgs) -> Result<Vec<SandboxSpec>> {
    if let Some(path) = &args.file {
        let (name, text) = if path.as_os_str() == "-" {
            let mut s = String::new();
            std::io::stdin()
                .read_to_string(&mut s)
                .context("reading sandbox documents from stdin")?;
            ("<stdin>".to_string(), s)
        } else {
            let meta =
                std::fs::metadata(path).with_context(|| format!("reading {}", path.display()))?;
            if meta.len() > 512 << 20 {
                bail!(CodedError::new(
                    exit::INVALID_INPUT,
                    format!("{} is larger than 512 MiB", path.display())
                ));
            }
            (
                path.display().to_string(),
                std::fs::read_to_string(path)
                    .with_context(|| format!("reading {}", path.display()))?,
            )
        };
        return Ok(parse_sandbox_documents(&name, &text)?);
    }
    let Some(image) = &args.image else {
        bail!(CodedError::new(
            exit::USAGE,
            "give -f FILE, or --image and --command"
        ));
    };
    // Build the same document a file would hold, so flags and files share one validation.
    let mut doc = serde_yaml::Mapping::new();
    let mut meta = serde_yaml::Mapping::new();
    if let Some(n) = &args.name {
        meta.insert("name".into(), n.clone().into());
    }
    let mut labels = serde_yaml::Mapping::new();
    for l in &args.labels {
        let (k, v) = split_kv(l, "label")?;
        labels.insert(k.into(), v.into());
    }
    meta.insert("labels".into(), labels.into());
    if args.quarantine {
        let mut ann = serde_yaml::Mapping::new();
        ann.insert(
            crate::model::spec::QUARANTINE_ANNOTATION.into(),
            "true".into(),
        );
        meta.insert("annotations".into(), ann.into());
    }
    let mut spec = serde_yaml::Mapping::new();
    spec.insert("image".into(), image.clone().into());
    spec.insert("command".into(), serde_yaml::to_value(&args.command)?);
    let mut env = serde_yaml::Mapping::new();
    for e in &args.env {
        let (k, v) = split_kv(e, "environment variable")?;
        env.insert(k.into(), v.into());
    }
    spec.insert("env".into(), env.into());
    let mut res = serde_yaml::Mapping::new();
    if let Some(c) = &args.cpu {
        res.insert("cpu".into(), c.clone().into());
    }
    if let Some(m) = &args.memory {
        res.insert("memory".into(), m.clone().into());
    }
    if let Some(g) = args.gpu {
        res.insert("gpu".into(), g.into());
    }
    spec.insert("resources".into(), res.into());
    if let Some(t) = &args.timeout {
        spec.insert("timeout".into(), t.clone().into());
    }
    if let Some(h) = args.heat {
        spec.insert("heat".into(), h.as_str().into());
    }
    if let Some(p) = args.priority {
        spec.insert("priority".into(), p.into());
    }
    if args.network {
        spec.insert("network".into(), true.into());
    }
    doc.insert("metadata".into(), meta.into());
    doc.insert("spec".into(), spec.into());
    let text = serde_yaml::to_string(&doc)?;
    Ok(parse_sandbox_documents("flags", &text)?)
}

/// New runs with fresh, monotonic ULIDs (creation order = id order).
pub fn new_runs(specs: Vec<SandboxSpec>) -> Vec<Run> {
    let mut gen = ulid::Generator::new();
    let now = now_ms();
    specs
        .into_iter()
        .map(|spec| {
            let id = gen
                .generate()
                .unwrap_or_else(|_| ulid::Ulid::new())
                .to_string();
            Run::new(id, spec, now)
        })
        .collect()
}

#[derive(Serialize)]
struct Submitted {
    id: String,
    name: String,
}

#[derive(Serialize)]
#[serde(transparent)]
struct SubmittedList(Vec<Submitted>);

impl Render for SubmittedList {
    fn render_table(&self, _wide: bool) -> String {
        columns(
            &["ID", "NAME"],
            self.0
                .iter()
                .map(|s| vec![s.id.clone(), s.name.clone()])
                .collect(),
        )
    }
}

#[derive(Serialize)]
#[serde(transparent)]
pub struct RunList(pub Vec<Run>);

impl Render for RunList {
    fn render_table(&self, wide: bool) -> String {
        let mut headers = vec!["ID", "NAME", "STATE", "HEAT", "VERDICT", "NODE", "AGE"];
        if wide {
            headers.extend(["PRIORITY", "ATTEMPTS", "EXIT", "MESSAGE"]);
        }
        let rows = self
            .0
            .iter()
            .map(|r| {
                let mut row = vec![
                    r.id.clone(),
                    r.name.clone(),
                    r.state.to_string(),
                    dash(r.heat),
                    dash(r.verdict),
                    dash(r.node.as_ref()),
                    age(r.created_at),
                ];
                if wide {
                    row.extend([
                        r.priority.to_string(),
                        r.attempts.to_string(),
                        dash(r.exit_code),
                        dash(r.message.as_ref()),
                    ]);
                }
                row
            })
            .collect();
        columns(&headers, rows)
    }
}

#[derive(Serialize)]
struct RunDetail {
    #[serde(flatten)]
    run: Run,
    events: Vec<Event>,
}

impl Render for RunDetail {
    fn render_table(&self, _wide: bool) -> String {
        let r = &self.run;
        let s = &r.spec;
        let mut out = fields(vec![
            ("ID", r.id.clone()),
            ("Name", r.name.clone()),
            ("State", r.state.to_string()),
            ("Message", dash(r.message.as_ref())),
            ("Image", s.image.clone()),
            ("Command", s.command.join(" ")),
            (
                "Resources",
                format!(
                    "cpu {} memory {} gpu {}",
                    s.cpu_display(),
                    s.memory_display(),
                    s.gpu
                ),
            ),
            (
                "Timeout",
                crate::model::units::format_duration(std::time::Duration::from_secs(
                    s.timeout_secs,
                )),
            ),
            ("Priority", r.priority.to_string()),
            ("Heat", dash(r.heat)),
            ("Verdict", dash(r.verdict)),
            (
                "Reasons",
                if r.reasons.is_empty() {
                    "-".into()
                } else {
                    r.reasons.join("; ")
                },
            ),
            ("Policy version", dash(r.policy_version)),
            ("Quarantined", r.quarantined.to_string()),
            ("Node", dash(r.node.as_ref())),
            ("Attempts", r.attempts.to_string()),
            ("Exit code", dash(r.exit_code)),
            (
                "Labels",
                s.labels
                    .iter()
                    .map(|(k, v)| format!("{k}={v}"))
                    .collect::<Vec<_>>()
                    .join(","),
            ),
            ("Created", timestamp(r.created_at)),
            ("Started", dash(r.started_at.map(timestamp))),
            ("Finished", dash(r.finished_at.map(timestamp))),
        ]);
        out.push_str("\n\nEvents:\n");
        let mut rows = vec![vec![
            timestamp(r.created_at),
            "-".into(),
            "queued".into(),
            "-".into(),
            "submitted".into(),
        ]];
        rows.extend(self.events.iter().map(|e| {
            vec![
                timestamp(e.at),
                dash(e.from.as_ref()),
                dash(e.to.as_ref()),
                dash(e.node.as_ref()),
                dash(e.message.as_ref()),
            ]
        }));
        out.push_str(&columns(&["TIME", "FROM", "TO", "NODE", "MESSAGE"], rows));
        if !r.log_tail.is_empty() {
            out.push_str("\n\nLog tail:\n");
            out.push_str(&r.log_tail);
        }
        out
    }
}

fn parse_label_filter(label: &Option<String>) -> Result<Option<(String, String)>> {
    label.as_deref().map(|l| split_kv(l, "label")).transpose()
}

impl SandboxCmd {
    pub async fn run(self, ctx: &Ctx) -> Result<u8> {
        match self {
            SandboxCmd::Submit(args) => {
                if args.wait && matches!(ctx.config.backend, crate::config::Backend::Memory) {
                    return Err(CodedError::new(
                        exit::USAGE,
                        "--wait needs a shared store: with the in-memory store no scheduler or agent can see these runs; \
                         run them with `tartarus up --in-memory --submit FILE --until-idle`",
                    )
                    .into());
                }
                let specs = read_specs(&args)?;
                let runs = new_runs(specs);
                let store = ctx.store().await?;
                submit_with_progress(ctx, &*store, &runs).await?;
                if args.wait {
                    let ids: Vec<String> = runs.iter().map(|r| r.id.clone()).collect();
                    // Say the ids now: an interrupted wait must not lose them.
                    if !ctx.quiet {
                        eprintln!("submitted {}", ids.join(" "));
                    }
                    return wait_for(ctx, &*store, &ids, None).await;
                }
                let list = SubmittedList(
                    runs.iter()
                        .map(|r| Submitted {
                            id: r.id.clone(),
                            name: r.name.clone(),
                        })
                        .collect(),
                );
                emit(ctx.output, &list)?;
                Ok(exit::OK)
            }
            SandboxCmd::List(args) => {
                let filter = RunFilter {
                    state: args.state,
                    heat: args.heat,
                    label: parse_label_filter(&args.label)?,
                    node: args.node.clone(),
                };
                let store = ctx.store().await?;
                let mut all = Vec::new();
                let mut cursor = args.after.clone();
                loop {
                    let limit = if args.all { 1000 } else { args.limit };
                    let page = store.list_runs(&filter, cursor.as_deref(), limit).await?;
                    all.extend(page.runs);
                    cursor = page.next_cursor;
                    if !args.all || cursor.is_none() {
                        break;
                    }
                }
                emit(ctx.output, &RunList(all))?;
                if let (Some(next), false) = (&cursor, args.all) {
                    if !ctx.quiet {
                        eprintln!("more runs follow: --after {next}");
                    }
                }
                Ok(exit::OK)
            }
            SandboxCmd::Get { id } => {
                let store = ctx.store().await?;
                let run = store
                    .get_run(&id)
                    .await?
                    .ok_or_else(|| crate::store::StoreError::RunNotFound(id.clone()))?;
                let events = store.run_events(&id).await?;
                emit(ctx.output, &RunDetail { run, events })?;
                Ok(exit::OK)
            }
            SandboxCmd::Wait { ids, timeout } => {
                let store = ctx.store().await?;
                wait_for(ctx, &*store, &ids, timeout).await
            }
            SandboxCmd::Logs { id, follow } => {
                let store = ctx.store().await?;
                logs(&*store, &id, follow).await
            }
            SandboxCmd::Watch {
                run,
                from_start,
                count,
            } => {
                let store = ctx.store().await?;
                watch(ctx, &*store, run.as_deref(), from_start, count).await
            }
            SandboxCmd::Cancel { ids, reason } => {
                let store = ctx.store().await?;
                ctx.confirm(&format!("cancel {} run(s)", ids.len()))?;
                let mut done = Vec::new();
                let mut first_err = None;
                for id in &ids {
                    match store.cancel(id, &reason).await {
                        Ok(run) => done.push(run),
                        Err(e) => {
                            eprintln!("error: {e}");
                            first_err.get_or_insert(e);
                        }
                    }
                }
                emit(ctx.output, &RunList(done))?;
                match first_err {
                    Some(e) => Err(anyhow::Error::from(e).context("some runs were not cancelled")),
                    None => Ok(exit::OK),
                }
            }
        }
    }
}

/// Submits in batches, drawing a progress bar on a terminal (nothing on a pipe).
pub async fn submit_with_progress(
    ctx: &Ctx,
    store: &dyn crate::store::Store,
    runs: &[Run],
) -> Result<()> {
    let bar = if ctx.interactive() && runs.len() > 1000 {
        let b = indicatif::ProgressBar::new(runs.len() as u64);
        b.set_style(
            indicatif::ProgressStyle::with_template(
                "{spinner} submitting {pos}/{len} [{bar:30}] {per_sec} eta {eta}",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        Some(b)
    } else {
        None
    };
    for chunk in runs.chunks(20_000) {
        store.submit(chunk).await.with_context(|| {
            format!(
                "submitting runs {}..{} (runs before these were acknowledged and kept)",
                chunk.first().map(|r| r.id.as_str()).unwrap_or(""),
                chunk.last().map(|r| r.id.as_str()).unwrap_or("")
            )
        })?;
        if let Some(b) = &bar {
            b.inc(chunk.len() as u64);
        }
    }
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    Ok(())
}

/// Labels as `k=v,k=v`.
pub fn label_text(labels: &BTreeMap<String, String>) -> String {
    if labels.is_empty() {
        return "-".into();
    }
    labels
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join(",")
}

/// The exit code that mirrors a finished run.
pub fn exit_code_for(state: RunState) -> u8 {
    match state {
        RunState::Succeeded => exit::OK,
        RunState::Failed => exit::RUN_FAILED,
        RunState::TimedOut => exit::RUN_TIMED_OUT,
        RunState::Cancelled => exit::RUN_CANCELLED,
        RunState::Denied | RunState::Rejected => exit::RUN_REFUSED,
        RunState::Dead => exit::RUN_DEAD,
        _ => exit::FAILURE,
    }
}

/// Polls until every run is terminal (a spinner on a terminal), prints them, and returns the exit
/// code of the first that did not succeed.
pub async fn wait_for(
    ctx: &Ctx,
    store: &dyn crate::store::Store,
    ids: &[String],
    timeout: Option<std::time::Duration>,
) -> Result<u8> {
    let started = std::time::Instant::now();
    let spinner = ctx.interactive().then(|| {
        let s = indicatif::ProgressBar::new_spinner();
        s.enable_steady_tick(std::time::Duration::from_millis(120));
        s
    });
    let mut poll = std::time::Duration::from_millis(20);
    let finished = loop {
        let states = store.run_states(ids).await?;
        if let Some((id, _)) = ids.iter().zip(&states).find(|(_, s)| s.is_none()) {
            return Err(crate::store::StoreError::RunNotFound(id.clone()).into());
        }
        let done = states
            .iter()
            .flatten()
            .filter(|s| s.state.is_terminal())
            .count();
        if let Some(s) = &spinner {
            let running = states
                .iter()
                .flatten()
                .filter(|s| s.state == RunState::Running)
                .count();
            s.set_message(format!("{done}/{} finished, {running} running", ids.len()));
        }
        if done == ids.len() {
            break true;
        }
        if timeout.is_some_and(|t| started.elapsed() >= t) {
            break false;
        }
        tokio::time::sleep(poll).await;
        poll = (poll * 2).min(std::time::Duration::from_millis(250));
    };
    if let Some(s) = spinner {
        s.finish_and_clear();
    }
    let runs: Vec<Run> = store.get_runs(ids).await?.into_iter().flatten().collect();
    emit(ctx.output, &RunList(runs.clone()))?;
    if !finished {
        return Err(CodedError::new(
            exit::WAIT_TIMED_OUT,
            "gave up waiting: --timeout passed before every run finished",
        )
        .into());
    }
    Ok(runs
        .iter()
        .map(|r| exit_code_for(r.state))
        .find(|c| *c != exit::OK)
        .unwrap_or(exit::OK))
}

async fn logs(store: &dyn crate::store::Store, id: &str, follow: bool) -> Result<u8> {
    use std::io::Write;
    let mut printed: u64 = 0;
    let mut out = std::io::stdout().lock();
    loop {
        let run = store
            .get_run(id)
            .await?
            .ok_or_else(|| crate::store::StoreError::RunNotFound(id.to_string()))?;
        let local = run
            .log_path
            .as_deref()
            .filter(|p| std::path::Path::new(p).is_file());
        match local {
            Some(path) => {
                // The full capped log, read from where it was left.
                use std::io::{Read, Seek, SeekFrom};
                let mut f = std::fs::File::open(path).with_context(|| format!("opening {path}"))?;
                f.seek(SeekFrom::Start(printed))?;
                let mut buf = Vec::new();
                f.read_to_end(&mut buf)?;
                printed += buf.len() as u64;
                let _ = out.write_all(&buf);
            }
            None if run.state.is_terminal() => {
                let _ = out.write_all(run.log_tail.as_bytes());
                if run.log_path.is_some() && follow {
                    eprintln!(
                        "(the full log is on node {}: {})",
                        dash(run.node.as_ref()),
                        dash(run.log_path.as_ref())
                    );
                }
            }
            None => {}
        }
        let _ = out.flush();
        if !follow || run.state.is_terminal() {
            return Ok(exit::OK);
        }
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
}

#[derive(Serialize)]
struct EventLine<'a> {
    #[serde(flatten)]
    event: &'a Event,
}

async fn watch(
    ctx: &Ctx,
    store: &dyn crate::store::Store,
    run: Option<&str>,
    from_start: bool,
    count: Option<usize>,
) -> Result<u8> {
    use std::io::Write;
    // Follow from the newest event by the server's own ids (a client clock may be off).
    let mut after: Option<String> = if from_start {
        Some("0".to_string())
    } else {
        Some(
            store
                .latest_event_id()
                .await?
                .unwrap_or_else(|| "0".to_string()),
        )
    };
    let mut seen = 0usize;
    loop {
        let events = store
            .read_events(after.as_deref(), 500, std::time::Duration::from_secs(2))
            .await?;
        let mut out = std::io::stdout().lock();
        for e in &events {
            after = Some(e.id.clone());
            if run.is_some_and(|r| e.run.as_deref() != Some(r)) {
                continue;
            }
            let line = match ctx.output {
                crate::output::OutputFormat::Json | crate::output::OutputFormat::Yaml => {
                    serde_json::to_string(&EventLine { event: e })?
                }
                _ => format!(
                    "{}  {:<6} {:<26} {:>9} -> {:<9} {} {}",
                    timestamp(e.at),
                    e.kind,
                    dash(e.run.as_ref()),
                    dash(e.from.as_ref()),
                    dash(e.to.as_ref()),
                    e.node
                        .as_deref()
                        .map(|n| format!("@{n}"))
                        .unwrap_or_default(),
                    e.message.as_deref().unwrap_or_default()
                ),
            };
            if writeln!(out, "{}", line.trim_end()).is_err() {
                return Ok(exit::OK);
            }
            seen += 1;
            if count.is_some_and(|c| seen >= c) {
                return Ok(exit::OK);
            }
        }
        let _ = out.flush();
    }
}
