//! The node agent: heartbeats its node, starts the runs scheduled to it, reports how each ended, stops what was cancelled, and drains on shutdown.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde::Serialize;
use tokio::sync::watch;
use tokio::task::JoinHandle;

use crate::executor::{execute, ExecutorConfig, Outcome, RuntimeError, Status};
use crate::model::node::Resources;
use crate::model::run::RunState;
use crate::store::{Applied, Completion, Heartbeat, SharedStore, StoreError};

/// What can stop an agent.
#[derive(Debug, thiserror::Error)]
pub enum AgentError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Runtime(#[from] RuntimeError),
}

/// How an agent runs.
#[derive(Clone, Debug)]
pub struct AgentConfig {
    pub name: String,
    pub labels: BTreeMap<String, String>,
    pub capacity: Resources,
    /// Heartbeat validity; the agent renews it every third of it. When the agent dies, its runs
    /// are recovered by a scheduler once this has passed.
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
    cancel: watch::Sender<bool>,
    task: JoinHandle<Outcome>,
    /// Set when the run is being stopped to hand it back (drain deadline), not because it was cancelled.
    handing_back: bool,
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
    /// Woken when a sandbox ends, so its outcome is recorded at once rather than at the next poll.
    finished: Arc<tokio::sync::Notify>,
}

impl Agent {
    /// Checks the runtime (a chosen bwrap that cannot run refuses to start) and builds the agent.
    pub async fn new(store: SharedStore, mut config: AgentConfig) -> Result<Agent, AgentError> {
        config.executor.runtime = config.executor.runtime.check_available().await?;
        Ok(Agent {
            store,
            config,
            finished: Arc::new(tokio::sync::Notify::new()),
        })
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

    /// Runs on this node that a previous incarnation left `running` cannot be resumed: hand them back.
    async fn recover_previous(&self, report: &mut AgentReport) -> Result<(), StoreError> {
        let ids = self.store.node_runs(&self.config.name).await?;
        let states = self.store.run_states(&ids).await?;
        for (id, state) in ids.iter().zip(states) {
            if state == Some(RunState::Running) {
                let reason = format!("agent {} restarted while it ran", self.config.name);
                if self
                    .store
                    .hand_back(id, &self.config.name, &reason, self.config.max_attempts)
                    .await?
                    .is_some()
                {
                    report.handed_back += 1;
                }
            }
        }
        Ok(())
    }

    fn spawn(&self, id: &str, spec: crate::model::spec::SandboxSpec) -> Active {
        let (cancel, rx) = watch::channel(false);
        let cfg = self.config.executor.clone();
        let id = id.to_string();
        let finished = self.finished.clone();
        let task = tokio::spawn(async move {
            let outcome = execute(&cfg, &id, &spec, rx, |_| {}).await;
            finished.notify_one();
            outcome
        });
        Active {
            cancel,
            task,
            handing_back: false,
        }
    }

    /// Announces the node (one heartbeat) so schedulers can place work before the loop starts.
    pub async fn register(&self) -> Result<(), StoreError> {
        self.heartbeat().await
    }

    /// Runs until `shutdown` turns true, then drains: no new work, running sandboxes finish (or are
    /// handed back at the deadline), and the node leaves the registry.
    pub async fn run(
        &self,
        mut shutdown: watch::Receiver<bool>,
    ) -> Result<AgentReport, AgentError> {
        let name = self.config.name.clone();
        let mut report = AgentReport::default();
        self.heartbeat().await?;
        self.recover_previous(&mut report).await?;
        tracing::info!("agent {name} ready ({} slots)", self.config.capacity.slots);
        let mut active: HashMap<String, Active> = HashMap::new();
        let mut timeouts: HashMap<String, u64> = HashMap::new();
        let beat_every = (self.config.ttl / 3).max(Duration::from_millis(50));
        let mut last_beat = Instant::now();
        let mut drain_started: Option<Instant> = None;
        loop {
            if *shutdown.borrow() && drain_started.is_none() {
                drain_started = Some(Instant::now());
                tracing::info!(
                    "agent {name} draining: {} sandbox(es) running",
                    active.len()
                );
                // Ask schedulers to place nothing new here; the node may already be gone.
                let _ = self.store.drain_node(&name, true).await;
            }
            let step = self
                .step(
                    &mut active,
                    &mut timeouts,
                    &mut report,
                    drain_started.is_some(),
                )
                .await;
            if let Err(e) = step {
                if !e.is_unavailable() {
                    return Err(e.into());
                }
                tracing::warn!("agent {name}: store unavailable ({e}); sandboxes keep running");
            }
            if last_beat.elapsed() >= beat_every {
                match self.heartbeat().await {
                    Ok(()) => last_beat = Instant::now(),
                    Err(e) => tracing::warn!("agent {name}: heartbeat failed: {e}"),
                }
            }
            if let Some(t) = drain_started {
                if active.is_empty() {
                    break;
                }
                if t.elapsed() >= self.config.drain_deadline {
                    for a in active.values_mut().filter(|a| !a.handing_back) {
                        a.handing_back = true;
                        let _ = a.cancel.send(true);
                    }
                }
            }
            tokio::select! {
                _ = tokio::time::sleep(self.config.poll) => {}
                _ = self.finished.notified() => {}
                _ = shutdown.changed(), if drain_started.is_none() => {}
            }
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
        tracing::info!("agent {name} stopped");
        Ok(report)
    }

    async fn step(
        &self,
        active: &mut HashMap<String, Active>,
        timeouts: &mut HashMap<String, u64>,
        report: &mut AgentReport,
        draining: bool,
    ) -> Result<(), StoreError> {
        let name = &self.config.name;
        // 1. Record finished sandboxes.
        let done: Vec<String> = active
            .iter()
            .filter(|(_, a)| a.task.is_finished())
            .map(|(id, _)| id.clone())
            .collect();
        for id in done {
            let Some(a) = active.remove(&id) else {
                continue;
            };
            let outcome = match a.task.await {
                Ok(o) => o,
                Err(e) => {
                    tracing::error!("sandbox {id}: executor task failed: {e}");
                    continue;
                }
            };
            for w in &outcome.warnings {
                tracing::warn!("sandbox {id}: {w}");
            }
            if a.handing_back {
                let reason = format!("agent {name} drained before it finished");
                if self
                    .store
                    .hand_back(&id, name, &reason, self.config.max_attempts)
                    .await?
                    .is_some()
                {
                    report.handed_back += 1;
                }
                continue;
            }
            let completion = completion_for(&outcome, timeouts.remove(&id).unwrap_or(0));
            match completion.state {
                RunState::Succeeded => report.succeeded += 1,
                RunState::TimedOut => report.timed_out += 1,
                RunState::Cancelled => report.cancelled += 1,
                _ => report.failed += 1,
            }
            // Stale when the run was cancelled meanwhile: the cancel already recorded its end.
            self.store.finish_run(&id, name, &completion).await?;
        }
        // 2. Stop sandboxes whose run is no longer ours to run (cancelled, or moved by a scheduler).
        if !active.is_empty() {
            let ids: Vec<String> = active.keys().cloned().collect();
            let states = self.store.run_states(&ids).await?;
            for (id, state) in ids.iter().zip(states) {
                if state != Some(RunState::Running) {
                    if let Some(a) = active.get(id) {
                        let _ = a.cancel.send(true);
                    }
                }
            }
        }
        if draining {
            return Ok(());
        }
        // 3. Start what was scheduled here.
        let placed = self.store.node_runs(name).await?;
        let new: Vec<String> = placed
            .into_iter()
            .filter(|id| !active.contains_key(id))
            .collect();
        if new.is_empty() {
            return Ok(());
        }
        let runs = self.store.get_runs(&new).await?;
        for run in runs.into_iter().flatten() {
            if run.state != RunState::Scheduled || run.node.as_deref() != Some(name.as_str()) {
                continue;
            }
            let log_path = self.config.executor.log_dir.join(format!("{}.log", run.id));
            let log_text = log_path.display().to_string();
            if self.store.start_run(&run.id, name, Some(&log_text)).await?
                == Applied::Done(RunState::Running)
            {
                timeouts.insert(run.id.clone(), run.spec.timeout_secs);
                let a = self.spawn(&run.id, run.spec);
                active.insert(run.id, a);
                report.started += 1;
            }
        }
        Ok(())
    }
}

/// Runs a set of agents until shutdown, returning their reports by name.
pub async fn run_agents(
    agents: Vec<Arc<Agent>>,
    shutdown: watch::Receiver<bool>,
) -> Vec<(String, Result<AgentReport, AgentError>)> {
    let handles: Vec<_> = agents
        .into_iter()
        .map(|a| {
            let rx = shutdown.clone();
            let name = a.config.name.clone();
            (name, tokio::spawn(async move { a.run(rx).await }))
        })
        .collect();
    let mut out = Vec::new();
    for (name, h) in handles {
        let r = match h.await {
            Ok(r) => r,
            Err(e) => Err(AgentError::Store(StoreError::Backend(format!(
                "agent task failed: {e}"
            )))),
        };
        out.push((name, r));
    }
    out
}
