//! `up`: local agents (or bare node registrations), optional policies and runs, and a scheduler in
//! one process; with `until_idle`, it stops when nothing is left to do and reports every run.

use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{Context as _, Result};
use tokio::sync::watch;

use crate::agent::{Agent, AgentConfig};
use crate::backoff::{until_available, OutageLog};
use crate::executor::ExecutorConfig;
use crate::model::run::{Run, RunState};
use crate::ops::wait::worst_code;
use crate::scheduler::{Report, Scheduler, SchedulerConfig};
use crate::store::{Admission, Heartbeat, History, SharedStore, StoredPolicy};

/// Builds the executor configuration of the local agent for a node name.
pub type ExecutorFor = Arc<dyn Fn(&str) -> ExecutorConfig + Send + Sync>;

/// What `up` starts.
pub struct UpPlan {
    /// The nodes to run (or only register, without `agents`).
    pub nodes: Vec<Heartbeat>,
    /// How the local agents run sandboxes; `None` registers the nodes without agents, so runs
    /// are only admitted and placed (the nodes leave with the process).
    pub agents: Option<ExecutorFor>,
    /// Policies applied before anything is scheduled.
    pub policies: Vec<StoredPolicy>,
    /// Runs submitted once the nodes are up.
    pub runs: Vec<Run>,
    /// Stop when nothing is left to do (every run finished, or waiting for a node that will not come).
    pub until_idle: bool,
    pub scheduler: SchedulerConfig,
}

/// What `up` did.
#[derive(Debug)]
pub struct UpOutcome {
    /// The submitted runs as they ended up.
    pub runs: Vec<Run>,
    /// The scheduler's counts.
    pub report: Report,
    /// How many local agents ran.
    pub agents: usize,
}

impl UpOutcome {
    /// `up --exit-code`: 0 when every run succeeded, else the `sandbox wait` code of the worst
    /// run (see [`worst_code`]; a run left pending counts as stuck).
    pub fn exit_code(&self) -> u8 {
        worst_code(self.runs.iter().map(|r| r.state))
    }
}

/// How long pending runs must stay unplaceable, with nothing else moving, before `until_idle`
/// gives up on them.
const PENDING_QUIET: Duration = Duration::from_secs(2);

/// Decides when `until_idle` may stop: nothing queued, claimed or running, and either nothing
/// pending or pending runs that stayed unplaceable through [`PENDING_QUIET`] of the
/// scheduler's retries.
#[derive(Default)]
struct IdleCheck {
    finished: Option<u64>,
    quiet_since: Option<Instant>,
}

/// Runs in progress, pending and finished: of the submitted runs, or of the whole store.
async fn progress(store: &SharedStore, submitted: &[String]) -> Result<(u64, u64, u64)> {
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
            self.quiet_since = Some(Instant::now());
            return Ok(false);
        }
        Ok(self
            .quiet_since
            .is_some_and(|t| t.elapsed() >= PENDING_QUIET))
    }
}

/// The agent configuration `up` gives each local node.
pub fn local_agent_config(
    beat: Heartbeat,
    executor: ExecutorConfig,
    max_attempts: u32,
) -> AgentConfig {
    AgentConfig {
        executor,
        name: beat.name,
        labels: beat.labels,
        capacity: beat.capacity,
        ttl: Duration::from_secs(10),
        poll: Duration::from_millis(50),
        drain_deadline: Duration::from_secs(30),
        max_attempts: max_attempts.max(1),
    }
}

/// Nodes, agents and the scheduler, until `shutdown` (or idle with `until_idle`).
pub async fn run_up(
    store: SharedStore,
    plan: UpPlan,
    shutdown: watch::Receiver<bool>,
) -> Result<UpOutcome> {
    // Redis may be restarting as `up` starts: every startup step waits for it.
    let mut log = OutageLog::new("up");
    let mut startup = shutdown.clone();
    if !plan.policies.is_empty() {
        let who = crate::ops::policies::actor(None);
        until_available("applying the policies", &mut log, &mut startup, || {
            store.apply_policies(&plan.policies, &who, History::Keep)
        })
        .await
        .context("applying the policies")?;
    }
    let (stop_tx, stop_rx) = watch::channel(false);
    let max_attempts = plan.scheduler.max_attempts.max(1);
    // Agents (or bare node registrations) first, so the first batch sees every node.
    let mut agent_handles = Vec::new();
    let mut bare_nodes = Vec::new();
    match &plan.agents {
        None => {
            for mut beat in plan.nodes {
                beat.ttl = Duration::from_secs(24 * 3600);
                until_available("registering the nodes", &mut log, &mut startup, || {
                    store.heartbeat(&beat)
                })
                .await?;
                bare_nodes.push(beat.name);
            }
        }
        Some(executor_for) => {
            let mut uid_base = crate::executor::identity::DEFAULT_UID_BASE;
            for beat in plan.nodes {
                let mut executor = executor_for(&beat.name);
                // Each local agent gets its own uid range, so no two sandboxes share a uid.
                executor.uid_base = uid_base;
                uid_base = uid_base.saturating_add(beat.capacity.slots);
                let config = local_agent_config(beat, executor, max_attempts);
                let agent = start_local_agent(&store, config).await?;
                // Announced now so the first batch sees every node; when Redis is not there yet,
                // the agent's loop announces it as soon as it is.
                if let Err(e) = agent.register().await {
                    log.failed("registering a local agent", &e);
                }
                let rx = stop_rx.clone();
                agent_handles.push(tokio::spawn(async move { agent.run(rx).await }));
            }
        }
    }
    let mut submitted: Vec<String> = plan.runs.iter().map(|r| r.id.clone()).collect();
    if !plan.runs.is_empty() {
        // Safe to repeat: a run id that is already stored is not written again.
        let admissions = until_available("submitting the runs", &mut log, &mut startup, || {
            store.submit(&plan.runs)
        })
        .await
        .context("submitting the runs")?
        .unwrap_or_default();
        // A document with an idempotency key may name a run stored before.
        for (i, a) in admissions.into_iter().enumerate() {
            match a {
                Admission::Created => {}
                Admission::Existing { id } => submitted[i] = id,
                Admission::Conflict { id } => {
                    return Err(crate::ops::SubmitError::KeyConflict(vec![format!(
                        "document {i}: its idempotency key is held by run {id} with other content"
                    )])
                    .into())
                }
            }
        }
    }
    let mut scheduler = Scheduler::new(store.clone(), plan.scheduler.clone())
        .await
        .context("starting the scheduler")?;
    let sched_rx = stop_rx.clone();
    let scheduler = tokio::spawn(async move { scheduler.run(sched_rx, false).await });
    let agents = agent_handles.len();
    tracing::info!("up: scheduler and {agents} agent(s) running");
    wait_until_done(&store, &submitted, plan.until_idle, shutdown).await?;
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
        if let Err(e) = store.remove_node(name, max_attempts).await {
            tracing::warn!("removing node {name}: {e}");
        }
    }
    Ok(UpOutcome {
        runs,
        report,
        agents,
    })
}

/// Returns on shutdown, or (with `until_idle`) once nothing is left to do; warns once when the
/// queue is paused.
async fn wait_until_done(
    store: &SharedStore,
    submitted: &[String],
    until_idle: bool,
    mut shutdown: watch::Receiver<bool>,
) -> Result<()> {
    let mut idle_check = IdleCheck::default();
    let mut warned_paused = false;
    let mut log = OutageLog::new("up");
    loop {
        if *shutdown.borrow() {
            return Ok(());
        }
        // Like the scheduler and the agents, `up` outlives a Redis outage: it only waits.
        let checked = async {
            if until_idle && idle_check.idle(store, submitted).await? {
                return Ok(true);
            }
            if !warned_paused && store.queue_stats().await?.paused {
                warned_paused = true;
                tracing::warn!(
                    "the queue is paused: nothing is scheduled until `tartarus queue resume`"
                );
            }
            Ok::<bool, anyhow::Error>(false)
        }
        .await;
        match checked {
            Ok(true) => {
                log.ok();
                return Ok(());
            }
            Ok(false) => log.ok(),
            Err(e) => match store_error(&e) {
                Some(se) => log.failed("checking progress", se),
                None => return Err(e),
            },
        }
        tokio::select! {
            _ = tokio::time::sleep(Duration::from_millis(100)) => {}
            _ = shutdown.changed() => {}
        }
    }
}

/// Starts one local agent. When another `up` on this host already uses the node name's state
/// folder, this one takes a state folder of its own.
async fn start_local_agent(store: &SharedStore, mut config: AgentConfig) -> Result<Agent> {
    use crate::executor::{ExecutorError, StateError};
    match Agent::new(store.clone(), config.clone()).await {
        Err(crate::agent::AgentError::Executor(ExecutorError::State(StateError::InUse {
            ..
        }))) => {
            config.executor.state_dir = config
                .executor
                .work_root
                .join(format!(".state-{}", std::process::id()));
            Agent::new(store.clone(), config).await
        }
        other => other,
    }
    .context("starting a local agent")
}

/// The store error behind a failure, if it is one (retried: `up` outlives Redis errors).
fn store_error(e: &anyhow::Error) -> Option<&crate::store::StoreError> {
    e.chain()
        .find_map(|c| c.downcast_ref::<crate::store::StoreError>())
}
