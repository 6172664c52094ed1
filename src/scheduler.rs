//! The Olympus scheduler loop: claims batches from Acheron with their runs' data, judges them (Rhadamanthus), classifies heat (Phlegethon), routes (Typhon/Phlegethon) and applies the batch's decisions in one step per chunk, every run re-checked on its own.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use serde::Serialize;
use tokio::sync::{mpsc, watch};

use crate::backoff::{Backoff, OutageLog};
use crate::control::{
    classify, route, HeatThresholds, Policy, PolicySet, RouteDecision, RouteRequest,
};
use crate::model::node::Node;
use crate::model::now_ms;
use crate::model::run::{RunState, Verdict};
use crate::retention::{Cleaner, RetentionConfig};
use crate::store::{
    Applied, Decision, LapseRecovery, Outcome, Recovery, SchedulerBeat, SharedStore, StoreError,
};

pub mod lease_watch;
mod node_snapshot;
mod submit_wakeups;

use lease_watch::LeaseWatch;
use node_snapshot::NodeSnapshot;
use submit_wakeups::SubmitWakeups;

/// What can stop the scheduler.
#[derive(Debug, thiserror::Error)]
pub enum SchedulerError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("stored Themis policy {name} (version {version}) is unreadable: {message}")]
    BadPolicy {
        name: String,
        version: u64,
        message: String,
    },
}

impl SchedulerError {
    /// The process exit code this error leads to.
    pub fn code(&self) -> u8 {
        match self {
            SchedulerError::Store(e) => e.code(),
            SchedulerError::BadPolicy { .. } => crate::exit::FAILURE,
        }
    }
}

/// Tunables of the loop.
#[derive(Clone, Debug)]
pub struct SchedulerConfig {
    /// Runs claimed per batch.
    pub batch: usize,
    /// Lease on claimed runs; a crashed scheduler's runs return to the queue after it.
    pub lease: Duration,
    /// Placements before a run whose node keeps dying is dead-lettered.
    pub max_attempts: u32,
    /// Longest sleep when the queue is empty; idle sleeps start at 1 ms and double up to it,
    /// so a steady trickle of work is picked up within a millisecond or two.
    pub idle_sleep: Duration,
    /// How often expired leases are reaped and dead nodes recovered.
    pub maintenance_every: Duration,
    pub thresholds: HeatThresholds,
    /// How long the scheduler's announcement stays valid; it is refreshed three times per TTL
    /// from the loop, so a scheduler that stops (or loses Redis) disappears within it.
    pub announce_ttl: Duration,
    /// Retention of finished runs, cleaned up from the loop's maintenance.
    pub retention: RetentionConfig,
    /// How long a read of the nodes is routed on before they are read again (see
    /// `scheduler::node_snapshot`); zero reads them for every batch.
    pub node_snapshot_age: Duration,
}

impl Default for SchedulerConfig {
    fn default() -> Self {
        SchedulerConfig {
            batch: 500,
            lease: Duration::from_secs(30),
            max_attempts: 3,
            idle_sleep: Duration::from_millis(50),
            maintenance_every: Duration::from_millis(100),
            thresholds: HeatThresholds::default(),
            announce_ttl: Duration::from_secs(5),
            retention: RetentionConfig::default(),
            node_snapshot_age: node_snapshot::MAX_AGE,
        }
    }
}

/// Counts of what happened, per batch or over a run of the loop.
#[derive(Clone, Debug, Default, Serialize, PartialEq)]
pub struct Report {
    pub claimed: u64,
    pub scheduled: u64,
    pub pending: u64,
    pub denied: u64,
    pub rejected: u64,
    pub retried: u64,
    pub stale: u64,
    pub requeued_lost: u64,
    pub dead_lettered: u64,
    pub leases_reaped: u64,
    /// Finished runs deleted by retention.
    pub expired: u64,
}

impl Report {
    pub fn add(&mut self, o: &Report) {
        self.claimed += o.claimed;
        self.scheduled += o.scheduled;
        self.pending += o.pending;
        self.denied += o.denied;
        self.rejected += o.rejected;
        self.retried += o.retried;
        self.stale += o.stale;
        self.requeued_lost += o.requeued_lost;
        self.dead_lettered += o.dead_lettered;
        self.leases_reaped += o.leases_reaped;
        self.expired += o.expired;
    }
}

/// One scheduler. Several may run against one store: claims are exclusive and each assignment
/// re-checks the lease and the node's capacity atomically, so no run is placed twice and no node
/// is over-committed.
pub struct Scheduler {
    store: SharedStore,
    config: SchedulerConfig,
    policies: PolicySet,
    policy_updates: Option<mpsc::Receiver<u64>>,
    node_fingerprint: u64,
    prefetched: Option<Batch>,
    last_maintenance: Option<Instant>,
    last_rotation: Option<Instant>,
    /// What this scheduler announces while its loop runs.
    identity: SchedulerBeat,
    last_announce: Option<Instant>,
    cleaner: Cleaner,
    /// False until the Themis policies were read once: nothing is judged before that.
    policies_loaded: bool,
    outage: OutageLog,
    /// This scheduler's own reading of node leases (what decides that a node is lost).
    leases: LeaseWatch,
    /// The nodes as last read, routed on for a few milliseconds (see `node_snapshot`).
    nodes: NodeSnapshot,
}

/// Compiles stored policy documents.
pub fn compile_policies(
    version: u64,
    docs: &[crate::store::StoredPolicy],
    thresholds: &HeatThresholds,
) -> Result<PolicySet, SchedulerError> {
    let mut list = Vec::with_capacity(docs.len());
    for d in docs {
        let p = Policy::from_json(&d.document).map_err(|e| SchedulerError::BadPolicy {
            name: d.name.clone(),
            version,
            message: e.to_string(),
        })?;
        list.push(p);
    }
    PolicySet::compile(&list, version)
        .map(|s| s.with_thresholds(*thresholds))
        .map_err(|e| SchedulerError::BadPolicy {
            name: "(set)".into(),
            version,
            message: e.to_string(),
        })
}

/// A claimed batch with its runs read.
struct Batch {
    ids: Vec<String>,
    runs: Vec<Option<crate::model::run::Run>>,
}

async fn fetch_batch(
    store: &SharedStore,
    max: usize,
    lease: Duration,
) -> Result<Batch, SchedulerError> {
    // The claim returns each run's data with it: no read per run.
    let claimed = store.claim_runs(max, lease).await?;
    let (ids, runs) = claimed.into_iter().map(|c| (c.claim.id, c.run)).unzip();
    Ok(Batch { ids, runs })
}

fn fingerprint(nodes: &[Node], now: i64) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for n in nodes {
        let alive = n.alive && !crate::control::heartbeat_expired(n, now);
        (
            &n.name,
            alive,
            n.draining,
            &n.labels,
            n.capacity.cpu_millis,
            n.capacity.slots,
        )
            .hash(&mut h);
        (
            n.usage.cpu_millis,
            n.usage.memory_bytes,
            n.usage.gpu,
            n.usage.slots,
            n.releases,
        )
            .hash(&mut h);
    }
    h.finish()
}

impl Scheduler {
    /// A scheduler with the current policies loaded and a subscription to their changes.
    pub async fn new(
        store: SharedStore,
        config: SchedulerConfig,
    ) -> Result<Scheduler, SchedulerError> {
        let policy_updates = match store.watch_policies().await {
            Ok(rx) => Some(rx),
            Err(e) => {
                tracing::warn!("policy change subscription failed ({e}); relying on the per-batch version check");
                None
            }
        };
        let announce_ttl = config.announce_ttl;
        if let Some(window) = config.retention.set_window {
            store.set_retention(window).await?;
            tracing::info!(
                "retention window for finished runs set to {}",
                crate::model::units::format_duration(window)
            );
        }
        let cleaner = Cleaner::new(config.retention.clone());
        let mut s = Scheduler {
            cleaner,
            store,
            policies: PolicySet::compile(&[], 0).map_err(|e| SchedulerError::BadPolicy {
                name: "(empty)".into(),
                version: 0,
                message: e.to_string(),
            })?,
            config,
            policy_updates,
            node_fingerprint: 0,
            nodes: NodeSnapshot::default(),
            prefetched: None,
            last_maintenance: None,
            last_rotation: None,
            identity: SchedulerBeat {
                id: ulid::Ulid::new().to_string(),
                host: host_name(),
                pid: std::process::id(),
                version: env!("CARGO_PKG_VERSION").to_string(),
                started_at: now_ms(),
                ttl: announce_ttl,
            },
            last_announce: None,
            policies_loaded: false,
            outage: OutageLog::new("scheduler"),
            leases: LeaseWatch::new(),
        };
        // Redis may be restarting right now: the loop loads the policies before its first batch.
        match s.reload_policies().await {
            Err(SchedulerError::Store(e)) => s.outage.failed("loading the Themis policies", &e),
            other => other?,
        }
        Ok(s)
    }

    pub fn policy_version(&self) -> u64 {
        self.policies.version()
    }

    /// The id this scheduler announces itself under while [`Scheduler::run`] runs.
    pub fn id(&self) -> &str {
        &self.identity.id
    }

    /// Refreshes the announcement when a third of its TTL has passed. A failure is logged, not
    /// fatal: the announcement then expires, which is the truth while the store is unreachable.
    async fn announce_if_due(&mut self) {
        let every = self.identity.ttl / 3;
        if self.last_announce.is_some_and(|t| t.elapsed() < every) {
            return;
        }
        // Retried at the next turn of the loop, at most once per interval.
        self.last_announce = Some(Instant::now());
        if let Err(e) = self.store.announce_scheduler(&self.identity).await {
            self.outage.failed("announcing the scheduler", &e);
        }
    }

    async fn reload_policies(&mut self) -> Result<(), SchedulerError> {
        let (version, docs) = self.store.policies().await?;
        self.policies = compile_policies(version, &docs, &self.config.thresholds)?;
        self.policies_loaded = true;
        tracing::debug!(
            "Themis policies at version {version} ({} policies)",
            docs.len()
        );
        Ok(())
    }

    /// Refreshes the policy cache when a change was published, or when the stored version
    /// differs (a missed publish must not leave a stale cache).
    async fn check_policies(&mut self) -> Result<(), SchedulerError> {
        let mut published = false;
        if let Some(rx) = self.policy_updates.as_mut() {
            while let Ok(v) = rx.try_recv() {
                published |= v != self.policies.version();
            }
        }
        if !self.policies_loaded
            || published
            || self.store.policy_version().await? != self.policies.version()
        {
            self.reload_policies().await?;
        }
        Ok(())
    }

    /// Reaps expired leases, recovers runs of nodes whose lease lapsed, wakes pending runs when
    /// nodes or capacity changed, and deletes one batch of finished runs past retention when due.
    pub async fn maintenance(&mut self) -> Result<Report, SchedulerError> {
        let mut report = Report {
            leases_reaped: self.store.reap_expired_leases().await?.len() as u64,
            ..Default::default()
        };
        self.recover_lapsed_nodes(&mut report).await?;
        let nodes = self.store.nodes().await?;
        let fp = fingerprint(&nodes, now_ms());
        // Wake on any change of nodes or capacity, and once a second regardless: a limited wake
        // goes round the pending set, so a run that fits a less busy pool is never stuck behind
        // runs that do not fit.
        let rotate = self
            .last_rotation
            .is_none_or(|t| t.elapsed() >= Duration::from_secs(1));
        if fp != self.node_fingerprint || rotate {
            self.node_fingerprint = fp;
            self.last_rotation = Some(Instant::now());
            // Wake about as many runs as could be placed now (and a margin), not the whole
            // pending set: with thousands parked, waking all on every change is pure churn.
            let free: u64 = nodes
                .iter()
                .filter(|n| n.alive && !n.draining)
                .map(|n| u64::from(n.capacity.slots.saturating_sub(n.usage.slots)))
                .sum();
            let woken = if free == 0 {
                0
            } else {
                self.store.wake_pending((free * 2 + 16) as usize).await?
            };
            if woken > 0 {
                tracing::debug!(
                    "nodes or capacity changed: {woken} pending runs back in the queue"
                );
            }
        }
        if self.cleaner.due() {
            report.expired = self.cleaner.pass(&*self.store).await?.deleted;
        }
        self.last_maintenance = Some(Instant::now());
        Ok(report)
    }

    /// Requeues (or dead-letters) the runs of every node whose lease lapsed by this scheduler's
    /// own reading ([`LeaseWatch`]); the store refuses if the node heartbeated since.
    async fn recover_lapsed_nodes(&mut self, report: &mut Report) -> Result<(), SchedulerError> {
        let leases = self.store.node_leases().await?;
        for lapsed in self.leases.observe(&leases, Instant::now()) {
            let reason = lapsed.reason();
            match self
                .store
                .recover_lapsed_node(
                    &lapsed.name,
                    lapsed.beats,
                    &reason,
                    self.config.max_attempts,
                )
                .await?
            {
                LapseRecovery::Alive => {
                    tracing::debug!("node {}: heartbeated just in time", lapsed.name);
                }
                LapseRecovery::Recovered(recovered) => {
                    let dead = recovered
                        .iter()
                        .filter(|r| matches!(r, Recovery::DeadLettered { .. }))
                        .count() as u64;
                    let requeued = recovered.len() as u64 - dead;
                    report.requeued_lost += requeued;
                    report.dead_lettered += dead;
                    if !recovered.is_empty() {
                        tracing::warn!(
                            "{reason}: {requeued} run(s) requeued, {dead} dead-lettered"
                        );
                    }
                }
            }
        }
        Ok(())
    }

    /// Claims and decides one batch. Returns what it did (`claimed == 0` when the queue is empty or paused).
    pub async fn schedule_batch(&mut self) -> Result<Report, SchedulerError> {
        self.step_batch(false).await
    }

    /// One batch. With `prefetch`, the next batch is claimed and read while this one's decisions
    /// are written, so Redis is never idle waiting for the scheduler between batches.
    async fn step_batch(&mut self, prefetch: bool) -> Result<Report, SchedulerError> {
        let batch = match self.prefetched.take() {
            Some(b) => b,
            None => fetch_batch(&self.store, self.config.batch, self.config.lease).await?,
        };
        let mut report = Report {
            claimed: batch.ids.len() as u64,
            ..Default::default()
        };
        if batch.ids.is_empty() {
            // Idle, the policies are still followed (announcements and metrics show them).
            self.check_policies().await?;
            return Ok(report);
        }
        // The policies are checked, and the nodes read (unless read a moment ago), together
        // before deciding.
        let nodes = match self.nodes_with_policies().await {
            Ok(read) => read,
            Err(e) => {
                let _ = self.store.release(&batch.ids).await;
                return Err(e);
            }
        };
        // A run whose data cannot be read must not block the queue: it leaves it, and a corrupt
        // one is dead-lettered where an operator can see it.
        for (id, run) in batch.ids.iter().zip(&batch.runs) {
            if run.is_none() {
                tracing::error!("run {id} cannot be read; dead-lettering it");
                self.store
                    .discard_unreadable(id, "the run's stored data could not be read")
                    .await?;
                report.dead_lettered += 1;
            }
        }
        let (outcomes, nodes) = match self.decide_batch(&batch, nodes).await {
            Ok(d) => d,
            Err(e) => {
                // Hand the batch back rather than wait for the lease to expire.
                let _ = self.store.release(&batch.ids).await;
                return Err(e);
            }
        };
        let store = self.store.clone();
        let (applied, next) = if prefetch {
            let (a, n) = tokio::join!(
                store.apply_outcomes(&outcomes),
                fetch_batch(&store, self.config.batch, self.config.lease)
            );
            (a, Some(n))
        } else {
            (store.apply_outcomes(&outcomes).await, None)
        };
        match next {
            Some(Ok(b)) if !b.ids.is_empty() => self.prefetched = Some(b),
            Some(Err(e)) => tracing::warn!("claiming the next batch failed: {e}"),
            _ => {}
        }
        let applied = match applied {
            Ok(a) => a,
            Err(e) => {
                // Runs already decided are no longer leased, so only the rest go back.
                let _ = self.store.release(&batch.ids).await;
                return Err(e.into());
            }
        };
        self.nodes
            .keep(nodes.read_at, nodes.nodes, &outcomes, &applied);
        // The batch's placements are applied (one script call per chunk of decisions). This is
        // the one place after it where nodes that received work can be told so: the runs
        // answered `Applied::Done(RunState::Scheduled)` are on the node of their outcome. Wake
        // the agents of those nodes only, without waiting for the answer (best effort: their
        // poll is the safety net).
        let woken = crate::store::assigned_nodes(&outcomes, &applied);
        if !woken.is_empty() {
            let store = self.store.clone();
            tokio::spawn(async move { store.wake_nodes(&woken).await });
        }
        // One outcome (and one answer) per readable run, in order.
        for (run, a) in batch.runs.iter().flatten().zip(applied) {
            match a {
                Applied::Done(RunState::Scheduled) => {
                    report.scheduled += 1;
                    crate::metrics::run_scheduled(run);
                }
                Applied::Done(RunState::Pending) => report.pending += 1,
                Applied::Done(RunState::Denied) => report.denied += 1,
                Applied::Done(RunState::Rejected) => report.rejected += 1,
                Applied::Done(_) => {}
                Applied::NodeUnavailable => report.retried += 1,
                Applied::Stale => report.stale += 1,
            }
        }
        Ok(report)
    }

    /// Returns a prefetched batch to the queue (shutdown, errors).
    async fn release_prefetched(&mut self) {
        if let Some(b) = self.prefetched.take() {
            if let Err(e) = self.store.release(&b.ids).await {
                tracing::warn!(
                    "returning {} prefetched runs failed (their lease will expire): {e}",
                    b.ids.len()
                );
            }
        }
    }

    /// Judges, classifies and routes runs against one node snapshot.
    fn decide(
        &self,
        runs: &[Option<crate::model::run::Run>],
        mut nodes: Vec<Node>,
    ) -> Result<(Vec<Outcome>, Vec<Node>), SchedulerError> {
        let now = now_ms();
        let watched = Instant::now();
        for n in nodes.iter_mut() {
            if self.leases.silent(&n.name, watched) {
                n.alive = false;
            }
        }
        let mut outcomes = Vec::with_capacity(runs.len());
        for run in runs.iter().flatten() {
            let spec = &run.spec;
            let heat = classify(spec, &self.config.thresholds);
            let judgement = self.policies.judge_with_heat(spec, heat);
            let quarantined = judgement.verdict == Verdict::Quarantine
                || run.quarantined
                || spec.quarantine_requested();
            let verdict_message = judgement.decided_by.as_ref().map(|d| d.reason());
            let (decision, message) = if judgement.verdict == Verdict::Deny {
                (
                    Decision::Deny,
                    verdict_message
                        .clone()
                        .or_else(|| Some("denied by policy".into())),
                )
            } else {
                let req = RouteRequest::for_spec(spec, heat, quarantined);
                match route(&req, &nodes, now) {
                    RouteDecision::Assign { node, .. } => {
                        // Account locally so the rest of this batch sees the reservation.
                        if let Some(n) = nodes.iter_mut().find(|n| n.name == node) {
                            n.usage.cpu_millis += req.resources.cpu_millis;
                            n.usage.memory_bytes += req.resources.memory_bytes;
                            n.usage.gpu += req.resources.gpu;
                            n.usage.slots += req.resources.slots;
                        }
                        (
                            Decision::Assign {
                                node,
                                want: req.resources,
                            },
                            None,
                        )
                    }
                    RouteDecision::Pending { reason } => (Decision::Pending, Some(reason)),
                    RouteDecision::Reject { reason } => (Decision::Reject, Some(reason)),
                }
            };
            outcomes.push(Outcome {
                id: run.id.clone(),
                decision,
                verdict: judgement.verdict,
                reasons: judgement.reasons,
                policy_version: judgement.policy_version,
                heat,
                quarantined,
                message,
            });
        }
        Ok((outcomes, nodes))
    }

    /// Runs until `shutdown` turns true (finishing the batch in hand), or — with `until_idle` —
    /// until the queue is empty. Store errors are logged and retried with backoff.
    ///
    /// While it runs, the scheduler announces itself in the store (see [`Store::schedulers`]);
    /// the announcement is removed when it returns.
    ///
    /// [`Store::schedulers`]: crate::store::Store::schedulers
    pub async fn run(
        &mut self,
        shutdown: watch::Receiver<bool>,
        until_idle: bool,
    ) -> Result<Report, SchedulerError> {
        self.last_announce = None;
        let result = self.run_loop(shutdown, until_idle).await;
        if let Err(e) = self.store.retire_scheduler(&self.identity.id).await {
            tracing::warn!("removing the scheduler's announcement failed (it expires): {e}");
        }
        result
    }

    async fn run_loop(
        &mut self,
        mut shutdown: watch::Receiver<bool>,
        until_idle: bool,
    ) -> Result<Report, SchedulerError> {
        let mut total = Report::default();
        let mut backoff = Backoff::new(Duration::from_millis(100), Duration::from_secs(5));
        let mut idle_sleep = Duration::from_millis(1);
        // Submits wake an idle scheduler at once; the idle sleep is the safety net.
        let mut submitted = SubmitWakeups::default();
        loop {
            if *shutdown.borrow() {
                self.release_prefetched().await;
                return Ok(total);
            }
            submitted.subscribe_if_due(&self.store).await;
            self.announce_if_due().await;
            let turn_started = Instant::now();
            match self.turn(until_idle).await {
                Ok((r, finished)) => {
                    self.outage.ok();
                    backoff.reset();
                    crate::metrics::scheduler_step(
                        &r,
                        turn_started.elapsed(),
                        self.policies.version(),
                    );
                    let idle = r.claimed == 0;
                    total.add(&r);
                    if finished {
                        return Ok(total);
                    }
                    if !idle {
                        idle_sleep = Duration::from_millis(1);
                    } else {
                        tokio::select! {
                            _ = tokio::time::sleep(idle_sleep) => {}
                            _ = shutdown.changed() => {}
                            _ = submitted.changed() => {}
                        }
                        idle_sleep = (idle_sleep * 2)
                            .min(self.config.idle_sleep.max(Duration::from_millis(1)));
                    }
                }
                // Whatever Redis says (down, LOADING, READONLY, a failing script), the scheduler
                // waits and tries again: it never exits on a store error.
                Err(SchedulerError::Store(e)) => {
                    self.release_prefetched().await;
                    self.outage.failed("scheduling", &e);
                    tokio::select! {
                        _ = tokio::time::sleep(backoff.next_delay()) => {}
                        _ = shutdown.changed() => {}
                    }
                }
                Err(e) => {
                    self.release_prefetched().await;
                    return Err(e);
                }
            }
        }
    }

    /// One turn of the loop: maintenance when due, one batch, and with `until_idle` the check
    /// whether everything is done (true when the loop should stop).
    async fn turn(&mut self, until_idle: bool) -> Result<(Report, bool), SchedulerError> {
        let due = self
            .last_maintenance
            .is_none_or(|t| t.elapsed() >= self.config.maintenance_every);
        let mut r = Report::default();
        if due {
            r.add(&self.maintenance().await?);
        }
        r.add(&self.step_batch(true).await?);
        if r.claimed > 0 || !until_idle {
            return Ok((r, false));
        }
        // One more maintenance pass so runs freed by it get their turn.
        r.add(&self.maintenance().await?);
        let again = self.store.queue_stats().await?;
        Ok((r, again.depth == 0 && again.in_flight == 0))
    }
}

/// This machine's host name, for announcements ("unknown" when the system will not say).
pub fn host_name() -> String {
    std::fs::read_to_string("/proc/sys/kernel/hostname")
        .ok()
        .map(|h| h.trim().to_string())
        .filter(|h| !h.is_empty())
        .or_else(|| std::env::var("HOSTNAME").ok().filter(|h| !h.is_empty()))
        .unwrap_or_else(|| "unknown".into())
}

/// Counts of decided runs by node, for summaries.
pub fn by_node(runs: &[crate::model::run::Run]) -> BTreeMap<String, u64> {
    let mut m = BTreeMap::new();
    for r in runs {
        *m.entry(r.node.clone().unwrap_or_else(|| "-".into()))
            .or_insert(0) += 1;
    }
    m
}
