//! `tartarus verify persistence`: the end-to-end check for CI — write a canary (a real run and a policy), restart or save, prove it is still there.

use std::os::fd::AsFd;
use std::process::Stdio;
use std::time::{Duration, Instant};

use anyhow::{Context as _, Result};
use clap::{Args, Subcommand};
use serde::Serialize;

use super::persist_common::{redis_target, Reporter};
use super::{parse_duration_arg, Ctx};
use crate::config::RedisTarget;
use crate::exit::{self, CodedError};
use crate::model::run::Run;
use crate::model::spec::parse_sandbox_documents;
use crate::output::{columns, emit, Render};
use crate::persistence::{backup, RedisAdmin};
use crate::store::{History, SharedStore, StoreError};

#[derive(Debug, Subcommand)]
pub enum VerifyCmd {
    /// Prove that Redis keeps what tartarus writes: write a canary, restart, read it back.
    ///
    /// Writes a canary sandbox run (labelled tartarus.io/canary=<token>) and a Themis policy that
    /// matches only that label and denies it, so no scheduler ever places the canary. Then runs
    /// --restart-cmd with `sh -c` (or, without one, asks Redis for a BGSAVE, waits for it and
    /// checks that AOF or save rules are configured), waits until Redis answers and has finished
    /// loading, and compares the canary run (id, name, spec, priority, creation time) and the
    /// policy document with what was written. With a restart command the server's run_id must
    /// change, so a command that restarts nothing cannot pass. The canary is then removed: the
    /// run is deleted, the policy too — both changes bump the Themis version but stay out of the
    /// policy history.
    ///
    /// Exits 0 only when the canary persisted; 30 when it did not; 5 when Redis did not come back
    /// within --wait; 1 when the restart command failed. `-o json` for CI: the verdict object is
    /// printed on every path, with `persisted: false` and `error` saying why when the check could
    /// not finish.
    Persistence(PersistenceArgs),
}

#[derive(Debug, Args)]
pub struct PersistenceArgs {
    /// Shell command that restarts Redis (run with `sh -c`; its output goes to stderr)
    #[arg(long, value_name = "CMD")]
    pub restart_cmd: Option<String>,
    /// How long to wait for Redis to answer and finish loading after the restart
    #[arg(long, value_name = "DURATION", default_value = "30s", value_parser = parse_duration_arg)]
    pub wait: Duration,
    /// How long the restart command may run before it is killed
    #[arg(long, value_name = "DURATION", default_value = "2m", value_parser = parse_duration_arg)]
    pub restart_timeout: Duration,
}

#[derive(Serialize)]
struct Step {
    name: &'static str,
    ok: bool,
    detail: String,
}

#[derive(Serialize)]
struct Verdict {
    target: String,
    persisted: bool,
    /// `restart` (--restart-cmd) or `bgsave`.
    mode: &'static str,
    canary_run: String,
    canary_policy: String,
    checks: Vec<Step>,
    /// What removing the canary did (or why it could not).
    cleanup: String,
    /// Why the check could not finish (Redis not back within --wait, the restart command failed,
    /// Redis unreachable, ...); null when it ran to the end (then `checks` say what failed).
    error: Option<String>,
    seconds: f64,
}

impl Render for Verdict {
    fn render_table(&self, _wide: bool) -> String {
        let rows = self
            .checks
            .iter()
            .map(|s| {
                vec![
                    s.name.to_string(),
                    if s.ok { "ok" } else { "FAILED" }.to_string(),
                    s.detail.clone(),
                ]
            })
            .collect();
        let error = match &self.error {
            Some(e) => format!("\n\nerror: {e}"),
            None => String::new(),
        };
        format!(
            "{}: {} ({}, {:.1}s)\n\n{}{error}\n\ncleanup: {}",
            self.target,
            if self.persisted {
                "the canary persisted"
            } else if self.error.is_some() {
                "the check could NOT finish"
            } else {
                "the canary did NOT persist"
            },
            self.mode,
            self.seconds,
            columns(&["CHECK", "RESULT", "DETAIL"], rows),
            self.cleanup
        )
    }
}

/// The parts of a run that nothing but a data loss can change (a scheduler may move its state).
fn fingerprint(run: &Run) -> serde_json::Value {
    serde_json::json!({
        "id": run.id,
        "name": run.name,
        "spec": run.spec,
        "priority": run.priority,
        "created_at": run.created_at,
    })
}

async fn canary_policy(store: &SharedStore, name: &str) -> Result<Option<String>> {
    let (_, list) = store.policies().await?;
    Ok(list
        .into_iter()
        .find(|p| p.name == name)
        .map(|p| p.document))
}

async fn server_field(admin: &RedisAdmin, section: &str, field: &str) -> Result<Option<String>> {
    Ok(admin.info_section(section).await?.remove(field))
}

/// Waits until Redis accepts a connection, answers PING and is not loading.
async fn wait_ready(target: &RedisTarget, wait: Duration) -> Result<(RedisAdmin, Duration)> {
    let start = Instant::now();
    let mut last_error;
    loop {
        match RedisAdmin::connect(target).await {
            Ok(admin) => match admin.info_section("persistence").await {
                Ok(p) if p.get("loading").map(String::as_str) == Some("0") => {
                    if admin.ping().await.is_ok() {
                        return Ok((admin, start.elapsed()));
                    }
                    last_error = "PING failed".into();
                }
                Ok(_) => last_error = "still loading its dataset".into(),
                Err(e) => last_error = e.to_string(),
            },
            Err(e) => last_error = e.to_string(),
        }
        if start.elapsed() >= wait {
            return Err(CodedError::new(
                exit::UNAVAILABLE,
                format!(
                    "Redis at {} was not ready within {} after the restart: {last_error}",
                    target.display(),
                    crate::model::units::format_duration(wait)
                ),
            )
            .into());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Runs the restart command with `sh -c`, its stdout sent to our stderr (stdout stays clean for
/// `-o json`), no pipes a daemon could keep open.
async fn run_restart(cmd: &str, timeout: Duration) -> Result<()> {
    let err_fd = std::io::stderr()
        .as_fd()
        .try_clone_to_owned()
        .context("duplicating stderr for the restart command")?;
    let mut child = tokio::process::Command::new("sh")
        .arg("-c")
        .arg(cmd)
        .stdin(Stdio::null())
        .stdout(Stdio::from(err_fd))
        .stderr(Stdio::inherit())
        .kill_on_drop(true)
        .spawn()
        .context("starting the restart command with sh -c")?;
    match tokio::time::timeout(timeout, child.wait()).await {
        Ok(Ok(status)) if status.success() => Ok(()),
        Ok(Ok(status)) => Err(anyhow::anyhow!(
            "the restart command failed ({status}): the persistence check could not run"
        )),
        Ok(Err(e)) => Err(e).context("waiting for the restart command"),
        Err(_) => {
            let _ = child.kill().await;
            Err(anyhow::anyhow!(
                "the restart command did not finish within {}; it was killed",
                crate::model::units::format_duration(timeout)
            ))
        }
    }
}

/// Removes the canary: cancel + delete the run's keys, delete the policy. Best effort; says what it did.
async fn remove_canary(ctx: &Ctx, run_id: &str, policy: &str, policy_written: bool) -> String {
    let mut done = Vec::new();
    let mut problems = Vec::new();
    let store = match ctx.store().await {
        Ok(s) => s,
        Err(e) => return format!("not removed: {e:#}"),
    };
    if !run_id.is_empty() {
        match store.delete_run(run_id).await {
            Ok(true) => done.push(format!("run {run_id} deleted")),
            Ok(false) => done.push(format!("run {run_id} was gone")),
            Err(e) => problems.push(format!("delete run {run_id}: {e}")),
        }
    }
    if policy_written {
        match store
            .delete_policies(
                &[policy.to_string()],
                "tartarus verify persistence",
                History::Skip,
            )
            .await
        {
            Ok(w) => done.push(format!(
                "policy {policy} deleted (Themis version {}; no history entry)",
                w.version
            )),
            Err(StoreError::PolicyNotFound(_)) => done.push(format!("policy {policy} was gone")),
            Err(e) => problems.push(format!("delete policy {policy}: {e}")),
        }
    }
    if problems.is_empty() {
        done.join("; ")
    } else {
        format!("incomplete: {}", problems.join("; "))
    }
}

impl VerifyCmd {
    pub async fn run(self, ctx: &Ctx) -> Result<u8> {
        match self {
            VerifyCmd::Persistence(args) => persistence(ctx, args).await,
        }
    }
}

async fn persistence(ctx: &Ctx, args: PersistenceArgs) -> Result<u8> {
    let started = Instant::now();
    let target = redis_target(ctx, "verify persistence")?;
    let token = ulid::Ulid::new().to_string().to_lowercase();
    let name = format!("persistence-canary-{token}");
    let mode = if args.restart_cmd.is_some() {
        "restart"
    } else {
        "bgsave"
    };
    let mut verdict = Verdict {
        target: target.display(),
        persisted: false,
        mode,
        canary_run: String::new(),
        canary_policy: name.clone(),
        checks: Vec::new(),
        cleanup: String::new(),
        error: None,
        seconds: 0.0,
    };
    let mut policy_written = false;
    let outcome = async {
        let store = ctx.store().await?;
        let admin = RedisAdmin::connect(&target).await?;
        check(
            ctx,
            &args,
            &target,
            &store,
            &admin,
            &token,
            &mut verdict,
            &mut policy_written,
        )
        .await
    }
    .await;
    verdict.cleanup = if policy_written || !verdict.canary_run.is_empty() {
        remove_canary(ctx, &verdict.canary_run, &name, policy_written).await
    } else {
        "nothing was written".to_string()
    };
    verdict.seconds = started.elapsed().as_secs_f64();
    match outcome {
        Ok(()) => {
            verdict.persisted = verdict.checks.iter().all(|s| s.ok);
            emit(ctx.output, &verdict)?;
            if verdict.persisted {
                Ok(exit::OK)
            } else {
                let failed: Vec<String> = verdict
                    .checks
                    .iter()
                    .filter(|s| !s.ok)
                    .map(|s| format!("{}: {}", s.name, s.detail))
                    .collect();
                Err(CodedError::new(
                    exit::PERSISTENCE_FAILED,
                    format!("persistence check FAILED: {}", failed.join("; ")),
                )
                .into())
            }
        }
        Err(e) => {
            // CI parses stdout: the verdict comes out on this path too, saying why.
            verdict.persisted = false;
            verdict.error = Some(format!("{e:#}"));
            if let Err(pe) = emit(ctx.output, &verdict) {
                tracing::warn!("printing the verdict: {pe:#}");
            }
            tracing::warn!("canary cleanup: {}", verdict.cleanup);
            Err(e)
        }
    }
}

#[allow(clippy::too_many_arguments)]
async fn check(
    ctx: &Ctx,
    args: &PersistenceArgs,
    target: &RedisTarget,
    store: &SharedStore,
    admin: &RedisAdmin,
    token: &str,
    verdict: &mut Verdict,
    policy_written: &mut bool,
) -> Result<()> {
    let name = verdict.canary_policy.clone();
    // The policy first, so that a running scheduler denies the canary instead of placing it.
    let policy_yaml = format!(
        "apiVersion: themis.tartarus.io/v1\nkind: Policy\nmetadata:\n  name: {name}\n  description: canary of `tartarus verify persistence`; removed by it\nspec:\n  mode: enforce\n  match:\n    labels: {{tartarus.io/canary: \"{token}\"}}\n  rules:\n    - name: never-schedule-the-canary\n      verdict: deny\n      message: persistence canary, never scheduled\n"
    );
    let report = crate::ops::policies::apply_file(
        store.as_ref(),
        "the canary policy",
        policy_yaml.as_bytes(),
        crate::ops::policies::ApplyOptions {
            who: "tartarus verify persistence",
            history: History::Skip,
            dry_run: false,
        },
    )
    .await
    .context("writing the canary policy")?;
    let document = report
        .documents
        .into_iter()
        .next()
        .map(|d| d.document)
        .context("the canary policy document is empty")?;
    *policy_written = true;
    let sandbox_yaml = format!(
        "metadata:\n  name: {name}\n  labels: {{tartarus.io/canary: \"{token}\"}}\n  annotations: {{tartarus.io/purpose: \"tartarus verify persistence\"}}\nspec:\n  image: tartarus.io/persistence-canary:1\n  command: [\"true\"]\n  resources: {{cpu: 10m, memory: 4Mi}}\n  timeout: 1s\n  priority: 0\n"
    );
    let spec = parse_sandbox_documents("the canary sandbox", &sandbox_yaml)?
        .into_iter()
        .next()
        .context("the canary sandbox document is empty")?;
    let runs = super::sandbox::new_runs(vec![spec]);
    verdict.canary_run = runs.first().map(|r| r.id.clone()).unwrap_or_default();
    store
        .submit(&runs)
        .await
        .context("writing the canary run")?;
    let written = store
        .get_run(&verdict.canary_run)
        .await?
        .context("the canary run is not readable right after it was written")?;
    let expected_run = fingerprint(&written);
    let expected_policy = canary_policy(store, &name)
        .await?
        .context("the canary policy is not readable right after it was written")?;
    if expected_policy != document {
        anyhow::bail!("the canary policy reads back different from what was written");
    }
    verdict.checks.push(Step {
        name: "canary written",
        ok: true,
        detail: format!("run {} and policy {name}", verdict.canary_run),
    });

    match &args.restart_cmd {
        Some(cmd) => {
            let run_id_before = server_field(admin, "server", "run_id").await?;
            tracing::info!("running the restart command");
            run_restart(cmd, args.restart_timeout).await?;
            let (new_admin, waited) = wait_ready(target, args.wait).await?;
            let run_id_after = server_field(&new_admin, "server", "run_id").await?;
            let restarted = run_id_before != run_id_after;
            verdict.checks.push(Step {
                name: "restarted",
                ok: restarted,
                detail: if restarted {
                    format!(
                        "new run_id, ready (not loading) {:.1}s after the command",
                        waited.as_secs_f64()
                    )
                } else {
                    "the server's run_id did not change: the restart command restarted nothing"
                        .into()
                },
            });
        }
        None => {
            let config = admin.config_get("*").await?;
            let aof = config.get("appendonly").map(String::as_str) == Some("yes");
            let save = config.get("save").cloned().unwrap_or_default();
            let configured = aof || !save.trim().is_empty();
            verdict.checks.push(Step {
                name: "persistence configured",
                ok: configured,
                detail: format!(
                    "appendonly {}, save \"{save}\"",
                    if aof { "yes" } else { "no" }
                ),
            });
            let reporter = Reporter::new(ctx);
            let progress = |p| reporter.report(p);
            let saved = backup::bgsave_and_wait(admin, Duration::from_secs(600), &progress).await;
            reporter.finish();
            verdict.checks.push(match saved {
                Ok(t) => Step {
                    name: "bgsave",
                    ok: true,
                    detail: format!("completed, rdb_last_save_time {t}"),
                },
                Err(e) => Step {
                    name: "bgsave",
                    ok: false,
                    detail: e.to_string(),
                },
            });
            if aof {
                let status = server_field(admin, "persistence", "aof_last_write_status")
                    .await?
                    .unwrap_or_default();
                verdict.checks.push(Step {
                    name: "aof writes",
                    ok: status == "ok",
                    detail: format!("aof_last_write_status:{status}"),
                });
            }
        }
    }

    // Read back through a new connection, as a new process would.
    let fresh = ctx.store().await.context("reconnecting to Redis")?;
    let run_check = match fresh.get_run(&verdict.canary_run).await? {
        None => Step {
            name: "canary run",
            ok: false,
            detail: format!("run {} is gone", verdict.canary_run),
        },
        Some(r) if fingerprint(&r) == expected_run => Step {
            name: "canary run",
            ok: true,
            detail: format!("run {} identical (state {})", r.id, r.state.as_str()),
        },
        Some(r) => Step {
            name: "canary run",
            ok: false,
            detail: format!("run {} differs from what was written", r.id),
        },
    };
    verdict.checks.push(run_check);
    let policy_check = match canary_policy(&fresh, &name).await? {
        None => Step {
            name: "canary policy",
            ok: false,
            detail: format!("policy {name} is gone"),
        },
        Some(d) if d == expected_policy => Step {
            name: "canary policy",
            ok: true,
            detail: format!("policy {name} identical"),
        },
        Some(_) => Step {
            name: "canary policy",
            ok: false,
            detail: format!("policy {name} differs from what was written"),
        },
    };
    verdict.checks.push(policy_check);
    Ok(())
}
