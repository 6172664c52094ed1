//! `verify persistence`, the end-to-end check for CI: write a canary (a real run and a policy),
//! restart Redis with a given command (or BGSAVE), and prove the canary is still there.
//!
//! The canary is a sandbox run labelled `tartarus.io/canary=<token>` and a Themis policy that
//! matches only that label and denies it, so no scheduler ever places the canary. Both are
//! written and read back through the store contract, as the rest of tartarus sees them, and
//! removed at the end (the policy changes stay out of the policy history).

use std::time::{Duration, Instant};

use anyhow::Context as _;
use futures::future::BoxFuture;
use serde::Serialize;

use super::{backup, PersistenceError, ProgressFn, RedisAdmin};
use crate::config::RedisTarget;
use crate::model::run::Run;
use crate::model::spec::parse_sandbox_documents;
use crate::store::{History, SharedStore, StoreError};

/// Who the canary's policy changes are recorded as.
const WHO: &str = "tartarus verify persistence";

/// How the check proves persistence.
#[derive(Clone, Debug)]
pub struct CanaryOptions {
    /// Shell command that restarts Redis (run with `sh -c`); None: BGSAVE and check the settings.
    pub restart_cmd: Option<String>,
    /// How long Redis may take to answer and finish loading after the restart.
    pub wait: Duration,
    /// How long the restart command may run before it is killed.
    pub restart_timeout: Duration,
    /// How long the BGSAVE may take (without a restart command).
    pub bgsave_timeout: Duration,
}

impl Default for CanaryOptions {
    fn default() -> Self {
        CanaryOptions {
            restart_cmd: None,
            wait: Duration::from_secs(30),
            restart_timeout: Duration::from_secs(120),
            bgsave_timeout: Duration::from_secs(600),
        }
    }
}

/// One step of the check.
#[derive(Clone, Debug, Serialize)]
pub struct CanaryCheck {
    pub name: &'static str,
    pub ok: bool,
    pub detail: String,
}

impl CanaryCheck {
    fn new(name: &'static str, ok: bool, detail: impl Into<String>) -> Self {
        CanaryCheck {
            name,
            ok,
            detail: detail.into(),
        }
    }
}

/// The outcome, printed on every path (CI parses it).
#[derive(Clone, Debug, Serialize)]
pub struct Verdict {
    pub target: String,
    pub persisted: bool,
    /// `restart` (with a restart command) or `bgsave`.
    pub mode: &'static str,
    /// The canary run's id (empty until it is written).
    pub canary_run: String,
    pub canary_policy: String,
    pub checks: Vec<CanaryCheck>,
    /// What removing the canary did (or why it could not).
    pub cleanup: String,
    /// Why the check could not finish (Redis not back within the wait, the restart command
    /// failed, Redis unreachable, ...); null when it ran to the end (then `checks` say what failed).
    pub error: Option<String>,
    pub elapsed_ms: u64,
}

impl Verdict {
    /// The failed checks, joined.
    pub fn failures(&self) -> String {
        self.checks
            .iter()
            .filter(|s| !s.ok)
            .map(|s| format!("{}: {}", s.name, s.detail))
            .collect::<Vec<_>>()
            .join("; ")
    }
}

/// Opens the store: once to write the canary, once more to read it back as a new process would.
pub type OpenStore<'a> = &'a (dyn Fn() -> BoxFuture<'a, anyhow::Result<SharedStore>> + Send + Sync);

/// Runs the whole check and removes the canary. Always returns the verdict; the result is Ok
/// only when the canary persisted, else the error that says why (its exit code:
/// `PERSISTENCE_FAILED` when the canary was lost, `UNAVAILABLE` when Redis did not come back, ...).
pub async fn verify_persistence(
    target: &RedisTarget,
    open_store: OpenStore<'_>,
    opts: &CanaryOptions,
    progress: ProgressFn<'_>,
) -> (Verdict, anyhow::Result<()>) {
    let started = Instant::now();
    let token = ulid::Ulid::new().to_string().to_lowercase();
    let mut verdict = Verdict {
        target: target.display(),
        persisted: false,
        mode: if opts.restart_cmd.is_some() {
            "restart"
        } else {
            "bgsave"
        },
        canary_run: String::new(),
        canary_policy: format!("persistence-canary-{token}"),
        checks: Vec::new(),
        cleanup: String::new(),
        error: None,
        elapsed_ms: 0,
    };
    let mut policy_written = false;
    let outcome = run_check(
        target,
        open_store,
        opts,
        &token,
        &mut verdict,
        &mut policy_written,
        progress,
    )
    .await;
    verdict.cleanup = if policy_written || !verdict.canary_run.is_empty() {
        remove_canary(open_store, &verdict, policy_written).await
    } else {
        "nothing was written".to_string()
    };
    verdict.elapsed_ms = started.elapsed().as_millis() as u64;
    let result = match outcome {
        Ok(()) => {
            verdict.persisted = verdict.checks.iter().all(|s| s.ok);
            if verdict.persisted {
                Ok(())
            } else {
                Err(PersistenceError::CanaryLost(verdict.failures()).into())
            }
        }
        Err(e) => {
            verdict.error = Some(format!("{e:#}"));
            Err(e)
        }
    };
    (verdict, result)
}

async fn run_check(
    target: &RedisTarget,
    open_store: OpenStore<'_>,
    opts: &CanaryOptions,
    token: &str,
    verdict: &mut Verdict,
    policy_written: &mut bool,
    progress: ProgressFn<'_>,
) -> anyhow::Result<()> {
    let store = open_store().await?;
    let admin = RedisAdmin::connect(target).await?;
    let expected = write_canary(&store, token, verdict, policy_written).await?;
    match &opts.restart_cmd {
        Some(cmd) => {
            wait_for_fsync(&admin).await?;
            restart(&admin, target, cmd, opts, verdict).await?
        }
        None => save(&admin, opts, verdict, progress).await?,
    }
    // Read back through a new connection, as a new process would.
    let fresh = open_store().await.context("reconnecting to Redis")?;
    read_back(&fresh, &expected, verdict).await
}

/// What was written, to compare with what is read back.
struct Expected {
    run: serde_json::Value,
    policy: String,
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

async fn canary_policy(store: &SharedStore, name: &str) -> anyhow::Result<Option<String>> {
    let (_, list) = store.policies().await?;
    Ok(list
        .into_iter()
        .find(|p| p.name == name)
        .map(|p| p.document))
}

/// Writes the policy (first, so a running scheduler denies the canary instead of placing it),
/// then the run, and reads both back once.
async fn write_canary(
    store: &SharedStore,
    token: &str,
    verdict: &mut Verdict,
    policy_written: &mut bool,
) -> anyhow::Result<Expected> {
    let name = verdict.canary_policy.clone();
    let policy_yaml = format!(
        "apiVersion: themis.tartarus.io/v1\nkind: Policy\nmetadata:\n  name: {name}\n  description: canary of `tartarus verify persistence`; removed by it\nspec:\n  mode: enforce\n  match:\n    labels: {{tartarus.io/canary: \"{token}\"}}\n  rules:\n    - name: never-schedule-the-canary\n      verdict: deny\n      message: persistence canary, never scheduled\n"
    );
    let report = crate::ops::policies::apply_file(
        store.as_ref(),
        "the canary policy",
        policy_yaml.as_bytes(),
        crate::ops::policies::ApplyOptions {
            who: WHO,
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
    let run = Run::new(ulid::Ulid::new().to_string(), spec, crate::model::now_ms());
    verdict.canary_run = run.id.clone();
    store
        .submit(std::slice::from_ref(&run))
        .await
        .context("writing the canary run")?;
    let written = store
        .get_run(&run.id)
        .await?
        .context("the canary run is not readable right after it was written")?;
    let policy = canary_policy(store, &name)
        .await?
        .context("the canary policy is not readable right after it was written")?;
    if policy != document {
        anyhow::bail!("the canary policy reads back different from what was written");
    }
    verdict.checks.push(CanaryCheck::new(
        "canary written",
        true,
        format!("run {} and policy {name}", run.id),
    ));
    Ok(Expected {
        run: fingerprint(&written),
        policy,
    })
}

async fn server_field(
    admin: &RedisAdmin,
    section: &str,
    field: &str,
) -> anyhow::Result<Option<String>> {
    Ok(admin.info_section(section).await?.remove(field))
}

/// With `appendfsync everysec`, Redis may lose the last second of writes by design: before a
/// restart, wait until the canary has been through an fsync (at most about 2 s), so the check
/// tests what the setting promises rather than racing it. `always` and `no` need no wait (the
/// first is already on disk; the second promises nothing and is reported by `redis health`).
async fn wait_for_fsync(admin: &RedisAdmin) -> anyhow::Result<()> {
    let settle = |info: &std::collections::BTreeMap<String, String>, name: &str| {
        info.get(name).map(String::as_str).unwrap_or("0") == "0"
    };
    let fsync = admin
        .config_get("appendfsync")
        .await?
        .remove("appendfsync")
        .unwrap_or_default();
    let aof = server_field(admin, "persistence", "aof_enabled").await?;
    if fsync != "everysec" || aof.as_deref() != Some("1") {
        return Ok(());
    }
    tokio::time::sleep(Duration::from_millis(1100)).await;
    let deadline = std::time::Instant::now() + Duration::from_secs(3);
    loop {
        let info = admin.info_section("persistence").await?;
        let settled = settle(&info, "aof_buffer_length") && settle(&info, "aof_pending_bio_fsync");
        if settled || std::time::Instant::now() > deadline {
            return Ok(());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Runs the restart command, waits for Redis, and checks that the server really restarted.
async fn restart(
    admin: &RedisAdmin,
    target: &RedisTarget,
    cmd: &str,
    opts: &CanaryOptions,
    verdict: &mut Verdict,
) -> anyhow::Result<()> {
    let run_id_before = server_field(admin, "server", "run_id").await?;
    tracing::info!("running the restart command");
    super::restart_command::run(cmd, opts.restart_timeout).await?;
    let (new_admin, waited) = wait_ready(target, opts.wait).await?;
    let run_id_after = server_field(&new_admin, "server", "run_id").await?;
    let restarted = run_id_before != run_id_after;
    verdict.checks.push(CanaryCheck::new(
        "restarted",
        restarted,
        if restarted {
            format!(
                "new run_id, ready (not loading) {} ms after the command",
                waited.as_millis()
            )
        } else {
            "the server's run_id did not change: the restart command restarted nothing".into()
        },
    ));
    Ok(())
}

/// Without a restart command: persistence must be configured, and a BGSAVE must succeed.
async fn save(
    admin: &RedisAdmin,
    opts: &CanaryOptions,
    verdict: &mut Verdict,
    progress: ProgressFn<'_>,
) -> anyhow::Result<()> {
    let config = admin.config_get("*").await?;
    let aof = config.get("appendonly").map(String::as_str) == Some("yes");
    let save = config.get("save").cloned().unwrap_or_default();
    verdict.checks.push(CanaryCheck::new(
        "persistence configured",
        aof || !save.trim().is_empty(),
        format!(
            "appendonly {}, save \"{save}\"",
            if aof { "yes" } else { "no" }
        ),
    ));
    verdict.checks.push(
        match backup::bgsave_and_wait(admin, opts.bgsave_timeout, progress).await {
            Ok(t) => CanaryCheck::new("bgsave", true, format!("completed, rdb_last_save_time {t}")),
            Err(e) => CanaryCheck::new("bgsave", false, e.to_string()),
        },
    );
    if aof {
        let status = server_field(admin, "persistence", "aof_last_write_status")
            .await?
            .unwrap_or_default();
        verdict.checks.push(CanaryCheck::new(
            "aof writes",
            status == "ok",
            format!("aof_last_write_status:{status}"),
        ));
    }
    Ok(())
}

/// Compares the canary read through `fresh` with what was written.
async fn read_back(
    fresh: &SharedStore,
    expected: &Expected,
    verdict: &mut Verdict,
) -> anyhow::Result<()> {
    let id = verdict.canary_run.clone();
    let run_check = match fresh.get_run(&id).await? {
        None => CanaryCheck::new("canary run", false, format!("run {id} is gone")),
        Some(r) if fingerprint(&r) == expected.run => CanaryCheck::new(
            "canary run",
            true,
            format!("run {id} identical (state {})", r.state.as_str()),
        ),
        Some(_) => CanaryCheck::new(
            "canary run",
            false,
            format!("run {id} differs from what was written"),
        ),
    };
    verdict.checks.push(run_check);
    let name = verdict.canary_policy.clone();
    let policy_check = match canary_policy(fresh, &name).await? {
        None => CanaryCheck::new("canary policy", false, format!("policy {name} is gone")),
        Some(d) if d == expected.policy => {
            CanaryCheck::new("canary policy", true, format!("policy {name} identical"))
        }
        Some(_) => CanaryCheck::new(
            "canary policy",
            false,
            format!("policy {name} differs from what was written"),
        ),
    };
    verdict.checks.push(policy_check);
    Ok(())
}

/// Waits until Redis accepts a connection, answers PING and is not loading.
async fn wait_ready(
    target: &RedisTarget,
    wait: Duration,
) -> Result<(RedisAdmin, Duration), PersistenceError> {
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
            return Err(PersistenceError::NotReady {
                target: target.display(),
                wait: crate::model::units::format_duration(wait),
                reason: last_error,
            });
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Removes the canary: deletes the run's keys and the policy. Best effort; says what it did.
async fn remove_canary(
    open_store: OpenStore<'_>,
    verdict: &Verdict,
    policy_written: bool,
) -> String {
    let mut done = Vec::new();
    let mut problems = Vec::new();
    let store = match open_store().await {
        Ok(s) => s,
        Err(e) => return format!("not removed: {e:#}"),
    };
    let run_id = &verdict.canary_run;
    if !run_id.is_empty() {
        match store.delete_run(run_id).await {
            Ok(true) => done.push(format!("run {run_id} deleted")),
            Ok(false) => done.push(format!("run {run_id} was gone")),
            Err(e) => problems.push(format!("delete run {run_id}: {e}")),
        }
    }
    let policy = &verdict.canary_policy;
    if policy_written {
        match store
            .delete_policies(std::slice::from_ref(policy), WHO, History::Skip)
            .await
        {
            Ok(v) => done.push(format!(
                "policy {policy} deleted (Themis version {}; no history entry)",
                v.version
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
