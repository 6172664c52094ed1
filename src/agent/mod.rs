//! The node agent: heartbeats its node, starts the runs scheduled to it, reports how each ended, stops what was cancelled, and drains on shutdown.
//!
//! The lease: each acknowledged heartbeat gives the agent its node until `send time + TTL`
//! (`CLOCK_BOOTTIME`, measured before the heartbeat was sent). The agent hands the supervisor
//! process (see [`crate::executor::supervisor`]) the deadline `send time + TTL − margin − grace`
//! after every acknowledged heartbeat; when it passes without renewal the supervisor SIGTERMs every
//! sandbox, and SIGKILLs them `grace` later, whether or not the agent can still run. See
//! [`lease_deadlines`].

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde::Serialize;
use tokio::sync::watch;
use tokio::task::JoinHandle;

use crate::backoff::{Backoff, OutageLog};
use crate::executor::supervisor::boottime_ns;
use crate::executor::{
    Executor, ExecutorConfig, ExecutorError, Outcome, RuntimeError, Status, UidScheme,
};
use crate::model::node::Resources;
use crate::model::run::RunState;
use crate::store::{Completion, Heartbeat, SharedStore, StoreError};

mod step;
mod wake;

/// What can stop an agent.
#[derive(Debug, thiserror::Error)]
pub enum AgentError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Runtime(#[from] RuntimeError),
    #[error(transparent)]
    Executor(#[from] ExecutorError),
}

/// Default heartbeat validity (`agent run --ttl`): long enough to ride out a Redis restart with
/// sandboxes running; a dead agent's runs wait this long before they are retried elsewhere.
pub const DEFAULT_TTL: Duration = Duration::from_secs(30);
/// The variable naming the run in each sandbox's environment.
pub const RUN_ID_ENV: &str = "TARTARUS_RUN_ID";
/// The variable giving the placement's attempt number (1, 2, …) in each sandbox's environment.
pub const ATTEMPT_ENV: &str = "TARTARUS_ATTEMPT";
/// Upper bound of the safety margin kept between the lease's end and the last kill.
pub const MAX_LEASE_MARGIN: Duration = Duration::from_secs(1);

/// The safety margin on both sides of a lease: `min(1 s, TTL/10)`. The agent kills its
/// sandboxes this long *before* its lease ends; a scheduler waits this long *after* it before
/// requeueing (see [`crate::scheduler::lease_watch`]).
pub fn lease_margin(ttl: Duration) -> Duration {
    MAX_LEASE_MARGIN.min(ttl / 10)
}

/// For a heartbeat sent at `sent` (boottime ns) and acknowledged: when the supervisor SIGTERMs
/// every sandbox and when it SIGKILLs them. `margin = min(1 s, TTL/10)`,
/// `grace = min(kill grace, TTL/5)`; SIGTERM at `sent + TTL − margin − grace`, SIGKILL at
/// `sent + TTL − margin`: every sandbox is gone before the node's key can expire in Redis.
pub fn lease_deadlines(sent: u64, ttl: Duration, kill_grace: Duration) -> (u64, u64) {
    let margin = lease_margin(ttl);
    let grace = kill_grace.min(ttl / 5);
    let kill_at = sent.saturating_add(ttl.saturating_sub(margin).as_nanos() as u64);
    let term_at = kill_at.saturating_sub(grace.as_nanos() as u64);
    (term_at, kill_at)
}

/// How an agent runs.
#[derive(Clone, Debug)]
pub struct AgentConfig {
    pub name: String,
    pub labels: BTreeMap<String, String>,
    pub capacity: Resources,
    /// Heartbeat validity (the lease); the agent renews it every fifth of it (every tenth, at most
    /// 1 s apart, while renewals fail). Sandboxes are killed before it runs out unrenewed; when
    /// the agent dies, its runs are recovered by a scheduler once it has passed.
    pub ttl: Duration,
    /// How often the agent looks for new work and for cancellations (cancel reaches a running
    /// sandbox within this plus the executor's SIGTERM).
    pub poll: Duration,
    /// On SIGTERM, how long running sandboxes may finish before they are handed back to the queue.
    pub drain_deadline: Duration,
    /// Attempts after which a handed-back run is dead-lettered.
    pub max_attempts: u32,
    pub executor: ExecutorConfig,
}

/// What the agent did.
#[derive(Clone, Debug, Default, Serialize, PartialEq)]
pub struct AgentReport {
    pub started: u64,
    pub succeeded: u64,
    pub failed: u64,
    pub timed_out: u64,
    pub cancelled: u64,
    pub handed_back: u64,
}

struct Active {
    /// The placement this sandbox runs for: its outcome is written for this attempt only.
    attempt: u32,
    cancel: watch::Sender<bool>,
    /// Ends with the executor's work; a panic shows as its join error.
    task: JoinHandle<()>,
    /// The outcome, set before the agent is woken (`finished`), so a woken step always finds it.
    done: Arc<std::sync::Mutex<Option<Outcome>>>,
    stop: Stop,
    slot: u32,
}

impl Active {
    /// Its outcome is in, or its task ended without one (a panic).
    fn has_ended(&self) -> bool {
        self.task.is_finished() || self.done.lock().map_or(true, |d| d.is_some())
    }
}

/// The completion to record for an executor outcome.
pub fn completion_for(outcome: &Outcome, timeout_secs: u64) -> Completion {
    let (state, message) = match &outcome.status {
        Status::Succeeded => (RunState::Succeeded, None),
        Status::Failed {
            exit_code: Some(c), ..
        } => (RunState::Failed, Some(format!("exited with code {c}"))),
        Status::Failed {
            signal: Some(s), ..
        } => (RunState::Failed, Some(format!("killed by signal {s}"))),
        Status::Failed { .. } => (RunState::Failed, Some("failed".to_string())),
        Status::TimedOut => (
            RunState::TimedOut,
            Some(format!(
                "timed out after {timeout_secs}s; the process group was killed"
            )),
        ),
        Status::Cancelled => (RunState::Cancelled, Some("cancelled".to_string())),
        Status::FailedToStart { message } => (
            RunState::Failed,
            Some(format!("failed to start: {message}")),
        ),
        // Not an outcome of the run: the agent hands it back instead (see `Agent::step`).
        Status::Lost { message } => (RunState::Failed, Some(format!("lost: {message}"))),
    };
    Completion {
        state,
        exit_code: outcome.exit_code,
        message,
        log_tail: outcome.log_tail.clone(),
    }
}

/// One agent for one node.
pub struct Agent {
    store: SharedStore,
    config: AgentConfig,
    executor: Arc<Executor>,
    /// Woken when a sandbox ends, so its outcome is recorded at once rather than at the next poll.
    finished: Arc<tokio::sync::Notify>,
    /// Woken when a scheduler placed work on this node (see [`wake`]), so it starts at once.
    placed: Arc<tokio::sync::Notify>,
}

impl Agent {
    /// Checks the runtime (a chosen bwrap that cannot run refuses to start), then starts the
    /// executor: it stops whatever a previous agent with the same state folder left running and
    /// starts the sandbox supervisor. Nothing is announced to the store yet.
    pub async fn new(store: SharedStore, mut config: AgentConfig) -> Result<Agent, AgentError> {
        let probe_uid = match UidScheme::detect(config.executor.uid_base) {
            UidScheme::PerSlot { base } => Some(base),
            UidScheme::AgentUid => None,
        };
        config.executor.runtime = config.executor.runtime.check_available(probe_uid).await?;
        let executor = Executor::start(config.executor.clone())?;
        let name = &config.name;
        let left = executor.leftovers();
        for rec in &left.killed {
            tracing::warn!(
                "agent {name}: killed pid {} left running by a previous agent{}",
                rec.pid,
                rec.run_id
                    .as_deref()
                    .map(|r| format!(" (run {r})"))
                    .unwrap_or_default()
            );
        }
        if !left.stale.is_empty() {
            tracing::info!(
                "agent {name}: {} record(s) of a previous agent were already gone (pid ended or reused; left alone)",
                left.stale.len()
            );
        }
        let runtime = match &config.executor.runtime {
            crate::executor::Runtime::Process => "process".to_string(),
            crate::executor::Runtime::Bwrap { path } => format!(
                "bwrap ({}, unprivileged user namespace, seccomp)",
                path.as_deref()
                    .map(|p| p.display().to_string())
                    .unwrap_or_default()
            ),
        };
        tracing::info!(
            "agent {name}: runtime {runtime}; {}; {}",
            executor.uid_scheme().describe(config.capacity.slots),
            crate::executor::limits_description()
        );
        let (term, kill) = lease_deadlines(0, config.ttl, config.executor.kill_grace);
        tracing::info!(
            "agent {name}: lease {:?}: sandboxes get SIGTERM {:?} and SIGKILL {:?} after the last acknowledged heartbeat unless it is renewed (supervisor pid {}, state {})",
            config.ttl,
            Duration::from_nanos(term),
            Duration::from_nanos(kill),
            executor.supervisor_pid(),
            executor.state_dir().display()
        );
        Ok(Agent {
            store,
            config,
            executor: Arc::new(executor),
            finished: Arc::new(tokio::sync::Notify::new()),
            placed: Arc::new(tokio::sync::Notify::new()),
        })
    }

    /// The executor (its state folder, supervisor, uid scheme).
    pub fn executor(&self) -> &Executor {
        &self.executor
    }

    /// Announces the node (one heartbeat) so schedulers can place work before the loop starts.
    pub async fn register(&self) -> Result<(), StoreError> {
        self.heartbeat().await
    }

    /// Sends a heartbeat and, once it is acknowledged, hands the supervisor the lease it gives.
    /// Returns the new SIGTERM deadline.
    async fn heartbeat_and_renew(&self) -> Result<u64, StoreError> {
        let sent = boottime_ns();
        self.heartbeat().await?;
        let (term_at, kill_at) =
            lease_deadlines(sent, self.config.ttl, self.config.executor.kill_grace);
        if let Err(e) = self.executor.renew_lease(term_at, kill_at).await {
            tracing::warn!(
                "agent {}: renewing the supervisor's lease: {e}",
                self.config.name
            );
        }
        Ok(term_at)
    }

    async fn heartbeat(&self) -> Result<(), StoreError> {
        self.store
            .heartbeat(&Heartbeat {
                name: self.config.name.clone(),
                labels: self.config.labels.clone(),
                capacity: self.config.capacity,
                version: env!("CARGO_PKG_VERSION").to_string(),
                ttl: self.config.ttl,
            })
            .await
    }

    /// Runs on this node left `running` but not by this agent (a previous incarnation, or an
    /// outcome this agent could not record) can never be finished by it: hand them back.
    async fn hand_back_orphans(
        &self,
        known: &HashMap<String, Active>,
        unrecorded: &[Pending],
        report: &mut AgentReport,
    ) -> Result<(), StoreError> {
        let name = &self.config.name;
        let ids: Vec<String> = self
            .store
            .node_runs(name)
            .await?
            .into_iter()
            .filter(|id| !known.contains_key(id) && !unrecorded.iter().any(|p| &p.id == id))
            .collect();
        let statuses = self.store.run_states(&ids).await?;
        for (id, status) in ids.iter().zip(statuses) {
            let Some(status) = status else { continue };
            if status.state == RunState::Running && status.node.as_deref() == Some(name.as_str()) {
                let reason =
                    format!("agent {name} has no sandbox for it (restarted, or lost track)");
                if self
                    .store
                    .hand_back(id, name, status.attempts, &reason, self.config.max_attempts)
                    .await?
                    .is_some()
                {
                    report.handed_back += 1;
                }
            }
        }
        Ok(())
    }

    /// Starts the sandbox of one placement. It sees `TARTARUS_RUN_ID` and `TARTARUS_ATTEMPT`
    /// (over any such names in the spec's env), so work that may run again after a crash can
    /// tell its executions apart.
    fn spawn(
        &self,
        id: &str,
        attempt: u32,
        mut spec: crate::model::spec::SandboxSpec,
        slot: u32,
    ) -> Active {
        spec.env.insert(RUN_ID_ENV.into(), id.to_string());
        spec.env.insert(ATTEMPT_ENV.into(), attempt.to_string());
        let (cancel, rx) = watch::channel(false);
        let executor = self.executor.clone();
        let id = id.to_string();
        let finished = self.finished.clone();
        let done = Arc::new(std::sync::Mutex::new(None));
        let slot_of_outcome = done.clone();
        let task = tokio::spawn(async move {
            let outcome = executor.execute(&id, &spec, slot, rx, |_| {}).await;
            if let Ok(mut d) = slot_of_outcome.lock() {
                *d = Some(outcome);
            }
            finished.notify_one();
        });
        Active {
            attempt,
            cancel,
            task,
            done,
            stop: Stop::No,
            slot,
        }
    }

    /// Runs until `shutdown` turns true, then drains: no new work, running sandboxes finish (or are
    /// handed back at the deadline), and the node leaves the registry.
    ///
    /// Every outcome is recorded in Redis before it is forgotten: one that cannot be written (Redis
    /// down) is retried each step. When heartbeats have failed for longer than the TTL the node is
    /// presumed dead and its runs already requeued elsewhere, so the agent stops its sandboxes
    /// (fencing) rather than run them twice.
    pub async fn run(
        &self,
        mut shutdown: watch::Receiver<bool>,
    ) -> Result<AgentReport, AgentError> {
        let name = self.config.name.clone();
        let mut state = LoopState {
            free_slots: (0..self.config.capacity.slots).rev().collect(),
            ..LoopState::default()
        };
        let mut outage = OutageLog::new(format!("agent {name}"));
        let mut backoff = Backoff::new(self.config.poll, Duration::from_secs(1));
        // The first heartbeat: Redis may be down or loading right now; wait for it (nothing runs
        // without a lease anyway).
        let term_at = loop {
            match self.heartbeat_and_renew().await {
                Ok(t) => break t,
                Err(e) => outage.failed("announcing the node", &e),
            }
            tokio::select! {
                _ = tokio::time::sleep(backoff.next_delay()) => {}
                _ = shutdown.changed() => {}
            }
            if *shutdown.borrow() {
                self.executor.release();
                tracing::info!("agent {name} stopped before it could announce its node");
                return Ok(state.report);
            }
        };
        outage.ok();
        backoff.reset();
        let mut lease = Lease {
            term_at,
            failing: false,
            last_try: Instant::now(),
        };
        if let Err(e) = self
            .hand_back_orphans(&state.active, &state.unrecorded, &mut state.report)
            .await
        {
            outage.failed("handing back runs of a previous incarnation", &e);
        }
        tracing::info!("agent {name} ready ({} slots)", self.config.capacity.slots);
        let _wakeups = wake::forward(self.store.clone(), name.clone(), self.placed.clone());
        let mut drain_started: Option<Instant> = None;
        let mut woken = Wake::Poll;
        loop {
            if *shutdown.borrow() && drain_started.is_none() {
                drain_started = Some(Instant::now());
                tracing::info!(
                    "agent {name} draining: {} sandbox(es) running",
                    state.active.len()
                );
                // Ask schedulers to place nothing new here; the node may already be gone.
                let _ = self.store.drain_node(&name, true).await;
            }
            let lease_lapsed = self.keep_lease(&mut lease, &mut state, &mut outage).await;
            let stepped = self
                .step(&mut state, drain_started.is_some() || lease_lapsed, woken)
                .await;
            crate::metrics::agent_progress(&name, &state.report);
            // Whatever Redis says, the agent keeps going: sandboxes run on while the lease holds,
            // outcomes wait in memory, and everything resumes when Redis answers.
            let pause = match stepped {
                Ok(()) if !lease.failing => {
                    outage.ok();
                    backoff.reset();
                    self.config.poll
                }
                Ok(()) => self.config.poll,
                Err(e) => {
                    outage.failed("recording outcomes and starting work", &e);
                    backoff.next_delay()
                }
            };
            if let Some(t) = drain_started {
                if state.active.is_empty() && state.unrecorded.is_empty() {
                    break;
                }
                if t.elapsed() >= self.config.drain_deadline {
                    for a in state.active.values_mut().filter(|a| a.stop == Stop::No) {
                        a.stop = Stop::HandBack;
                        let _ = a.cancel.send(true);
                    }
                    if state.active.is_empty() && t.elapsed() >= self.config.drain_deadline * 2 {
                        tracing::warn!(
                            "agent {name}: {} outcome(s) could not be recorded before the deadline",
                            state.unrecorded.len()
                        );
                        break;
                    }
                }
            }
            woken = tokio::select! {
                _ = tokio::time::sleep(pause) => Wake::Poll,
                _ = self.finished.notified() => Wake::Finished,
                _ = self.placed.notified() => Wake::Placed,
                _ = shutdown.changed(), if drain_started.is_none() => Wake::Poll,
            };
        }
        // Leave the registry: nothing of ours is placed here any more.
        match self
            .store
            .remove_node(&name, self.config.max_attempts)
            .await
        {
            Ok(_) | Err(StoreError::NodeNotFound(_)) => {}
            Err(e) => tracing::warn!("agent {name}: leaving the registry failed: {e}"),
        }
        self.executor.release();
        tracing::info!("agent {name} stopped");
        Ok(state.report)
    }

    /// Renews the lease when due (every TTL/5, or TTL/10 at most 1 s apart while failing), restarts
    /// a dead supervisor, and marks every sandbox to be handed back once the lease lapsed (the
    /// supervisor kills them by itself). Returns true while the lease is lapsed.
    async fn keep_lease(
        &self,
        lease: &mut Lease,
        st: &mut LoopState,
        outage: &mut OutageLog,
    ) -> bool {
        let name = &self.config.name;
        let due = if lease.failing {
            (self.config.ttl / 10).clamp(Duration::from_millis(50), MAX_LEASE_MARGIN)
        } else {
            (self.config.ttl / 5).max(Duration::from_millis(50))
        };
        if lease.last_try.elapsed() >= due {
            lease.last_try = Instant::now();
            match self.heartbeat_and_renew().await {
                Ok(t) => {
                    lease.term_at = t;
                    lease.failing = false;
                }
                Err(e) => {
                    lease.failing = true;
                    outage.failed("heartbeat", &e);
                }
            }
        }
        match self.executor.ensure_supervisor() {
            Ok(true) => tracing::error!(
                "agent {name}: the sandbox supervisor died (its sandboxes with it); started a new one"
            ),
            Ok(false) => {}
            Err(e) => tracing::error!("agent {name}: {e}"),
        }
        let lapsed = boottime_ns() >= lease.term_at;
        if lapsed {
            for a in st
                .active
                .values_mut()
                .filter(|a| a.stop == Stop::No && !a.task.is_finished())
            {
                a.stop = Stop::Fenced;
                let _ = a.cancel.send(true);
            }
        }
        lapsed
    }
}

/// Why a sandbox is being stopped by the agent itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Stop {
    No,
    /// The drain deadline passed: hand the run back to the queue.
    HandBack,
    /// Heartbeats failed past the TTL: the run is presumed requeued elsewhere.
    Fenced,
}

/// The agent's view of its lease.
struct Lease {
    /// When the supervisor SIGTERMs every sandbox unless renewed (`CLOCK_BOOTTIME` ns).
    term_at: u64,
    failing: bool,
    last_try: Instant,
}

/// An outcome waiting to be written to the store.
struct Pending {
    id: String,
    attempt: u32,
    what: Record,
}

enum Record {
    Finish(Completion),
    HandBack(String),
}

/// What ended the agent's wait before a step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Wake {
    /// The poll interval passed (or the loop started, or shutdown began).
    Poll,
    /// A sandbox ended.
    Finished,
    /// A scheduler placed work on this node.
    Placed,
}

#[derive(Default)]
struct LoopState {
    active: HashMap<String, Active>,
    timeouts: HashMap<String, u64>,
    unrecorded: Vec<Pending>,
    report: AgentReport,
    last_orphan_check: Option<Instant>,
    /// When the once-per-poll checks (cancelled runs, orphans, old logs) last ran.
    last_checks: Option<Instant>,
    /// When the log folder is next swept for logs past retention.
    next_log_sweep: Option<Instant>,
    /// Slot indexes (which pick the sandbox uids) not in use.
    free_slots: Vec<u32>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lease_deadlines_leave_margin_and_grace() {
        let s = Duration::from_secs(1).as_nanos() as u64;
        // 30 s TTL, 2 s grace: margin 1 s (the cap), grace 2 s.
        assert_eq!(
            lease_deadlines(10 * s, Duration::from_secs(30), Duration::from_secs(2)),
            (37 * s, 39 * s)
        );
        // 3 s TTL: margin 0.3 s, grace capped at TTL/5 = 0.6 s.
        let (term, kill) = lease_deadlines(0, Duration::from_secs(3), Duration::from_secs(2));
        assert_eq!((term, kill), (2_100_000_000, 2_700_000_000));
    }
}
