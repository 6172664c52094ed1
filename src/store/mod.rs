//! The store contract: everything the control plane keeps (Hades runs, the Acheron queue, nodes, Themis policies, events), implemented by Redis and in memory.
//!
//! Scheduler, agent and command code talk only to [`Store`]; neither backend's types leak past this module.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

use async_trait::async_trait;
use serde::Serialize;

use crate::model::node::{Node, Resources};
use crate::model::run::{Event, Run, RunState, Verdict};
use crate::model::spec::Heat;

#[macro_use]
mod delegate;
pub mod keys;
pub mod memory;
pub mod migrate;
pub mod redis;
pub mod schema;
mod steps;

pub use steps::{PlacedStart, RunFinish, RunStart, Started};

pub type StoreResult<T> = Result<T, StoreError>;

/// What can go wrong in a store call. The command layer maps these to exit codes.
/// Which of the two Redis timeouts fired.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimeoutPhase {
    /// `--redis-connect-timeout`: no connection (TCP, TLS, handshake).
    Connect,
    /// `--redis-timeout`: no answer to a command.
    Command,
}

impl TimeoutPhase {
    /// What did not happen in time, with the flag that sets the timeout and its value.
    pub fn describe(self, timeout: Duration) -> String {
        match self {
            TimeoutPhase::Connect => {
                format!("did not accept a connection within {timeout:?} (--redis-connect-timeout)")
            }
            TimeoutPhase::Command => {
                format!("did not answer within {timeout:?} (--redis-timeout)")
            }
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot reach Redis at {addr}: {message}")]
    Unavailable { addr: String, message: String },
    #[error("Redis at {addr} refused the credentials or the command: {message} (check REDIS_PASSWORD / REDIS_USERNAME and the ACL user's rights)")]
    Auth { addr: String, message: String },
    /// The timeout that fired, named with its flag and value.
    #[error("Redis at {addr} {}", .phase.describe(*.timeout))]
    Timeout {
        addr: String,
        phase: TimeoutPhase,
        timeout: Duration,
    },
    /// `--min-replicas-ack`: the write is on the master, not (yet) on enough replicas.
    #[error("Redis at {addr} did not confirm the write on enough replicas: {message}")]
    NotReplicated { addr: String, message: String },
    #[error("run {0} not found")]
    RunNotFound(String),
    #[error("node {0} not found")]
    NodeNotFound(String),
    #[error("policy {0} not found")]
    PolicyNotFound(String),
    #[error("policy version {0} is not in the history")]
    PolicyVersionNotFound(u64),
    #[error("run {id} is {actual}; this step needs it to be {expected}")]
    Conflict {
        id: String,
        actual: String,
        expected: String,
    },
    #[error("stored data is corrupt: {0}")]
    Corrupt(String),
    /// The cell holds a layout this binary does not know, or one it must not touch yet.
    #[error(transparent)]
    Schema(#[from] schema::SchemaError),
    #[error("Redis error: {0}")]
    Backend(String),
}

impl StoreError {
    /// The process exit code this error leads to.
    pub fn code(&self) -> u8 {
        use crate::exit;
        match self {
            StoreError::Unavailable { .. }
            | StoreError::Auth { .. }
            | StoreError::Timeout { .. }
            | StoreError::NotReplicated { .. } => exit::UNAVAILABLE,
            StoreError::RunNotFound(_)
            | StoreError::NodeNotFound(_)
            | StoreError::PolicyNotFound(_)
            | StoreError::PolicyVersionNotFound(_) => exit::NOT_FOUND,
            StoreError::Conflict { .. } => exit::CONFLICT,
            StoreError::Schema(_) => exit::SCHEMA,
            StoreError::Corrupt(_) | StoreError::Backend(_) => exit::FAILURE,
        }
    }

    /// True for errors that mean "the store is not reachable" (fail fast, exit code for unavailability).
    pub fn is_unavailable(&self) -> bool {
        matches!(
            self,
            StoreError::Unavailable { .. }
                | StoreError::Auth { .. }
                | StoreError::Timeout { .. }
                | StoreError::NotReplicated { .. }
        )
    }
}

/// Filters for listing runs. `state` uses the per-state index; the others filter the page.
#[derive(Clone, Debug, Default)]
pub struct RunFilter {
    pub state: Option<RunState>,
    pub heat: Option<Heat>,
    pub label: Option<(String, String)>,
    pub node: Option<String>,
}

impl RunFilter {
    pub fn matches(&self, run: &Run) -> bool {
        self.state.is_none_or(|s| run.state == s)
            && self.heat.is_none_or(|h| run.heat == Some(h))
            && self
                .node
                .as_ref()
                .is_none_or(|n| run.node.as_ref() == Some(n))
            && self
                .label
                .as_ref()
                .is_none_or(|(k, v)| run.spec.labels.get(k) == Some(v))
    }
}

/// One page of runs, oldest first; pass `next_cursor` back to continue.
#[derive(Clone, Debug, Serialize)]
pub struct RunPage {
    pub runs: Vec<Run>,
    pub next_cursor: Option<String>,
}

/// Which Acheron list to look at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum QueueName {
    /// Waiting to be claimed by a scheduler.
    Queued,
    /// Claimed by a scheduler under a lease.
    Leased,
    /// Waiting for a feasible node.
    Pending,
    /// Dead letters.
    Dead,
}

/// One entry of an Acheron list.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct QueueEntry {
    pub id: String,
    /// Queued: priority; leased: lease deadline (ms); pending/dead: time it got there (ms).
    pub score: f64,
    pub priority: Option<u32>,
}

/// How many runs kept for their own `ttlAfterFinished` (the soonest to expire) `queue stats`
/// reads to find the oldest finish: that index is ordered by expiry, so the figure costs one read
/// per run, and it is bounded to keep `queue stats` and each metrics scrape cheap.
pub const OWN_TTL_OLDEST_SCAN: usize = 10_000;

/// Acheron at a glance; every figure is O(1) to read.
#[derive(Clone, Debug, Default, Serialize, PartialEq)]
pub struct QueueStats {
    pub queue_key: String,
    pub depth: u64,
    pub in_flight: u64,
    pub pending: u64,
    pub dead: u64,
    pub paused: bool,
    /// Age of the oldest queued entry, in ms.
    pub oldest_age_ms: Option<i64>,
    pub states: BTreeMap<String, u64>,
    pub total_runs: u64,
    /// How many schedulers are alive (announced within their TTL).
    pub live_schedulers: u64,
    /// The live schedulers, oldest first.
    pub schedulers: Vec<SchedulerInfo>,
    /// Finished runs still kept (both retention indexes).
    pub finished_retained: u64,
    /// Age of the oldest finished run kept, in ms: under the cell's window, or for its own
    /// `ttlAfterFinished` (of those, the first [`OWN_TTL_OLDEST_SCAN`] to expire are looked at).
    pub finished_oldest_age_ms: Option<i64>,
    /// The cell's retention window for finished runs, in ms.
    pub retain_finished_ms: u64,
}

/// How long finished runs are kept before they are deleted with their events (the cell's window;
/// a run's own `ttlAfterFinished` wins for that run).
pub const DEFAULT_RETAIN_FINISHED: Duration = Duration::from_secs(7 * 86_400);

/// The cell's retention settings, stored once per cell so every scheduler and agent agrees.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Retention {
    /// The window for finished runs.
    pub finished: Duration,
    /// False when nothing was stored (the default applies).
    pub stored: bool,
}

impl Default for Retention {
    fn default() -> Retention {
        Retention {
            finished: DEFAULT_RETAIN_FINISHED,
            stored: false,
        }
    }
}

/// A claimed run under a scheduler lease.
#[derive(Clone, Debug, PartialEq)]
pub struct Claim {
    pub id: String,
    pub lease_deadline_ms: i64,
}

/// A claimed run with the data the scheduler judges it by, read in the claim's own step.
#[derive(Clone, Debug, PartialEq)]
pub struct ClaimedRun {
    pub claim: Claim,
    /// `None` when its hash is gone or cannot be read (see [`Store::discard_unreadable`]).
    pub run: Option<Run>,
}

/// How the scheduler decided a claimed run; applied in one atomic step per run.
#[derive(Clone, Debug, PartialEq)]
pub enum Decision {
    /// Refused by admission (terminal `denied`).
    Deny,
    /// Refused by routing (terminal `rejected`).
    Reject,
    /// No feasible node now; park it until nodes or capacity change.
    Pending,
    /// Place on this node, reserving `want` there (refused if it no longer fits or the node died).
    Assign { node: String, want: Resources },
}

/// Everything the scheduler learned about a run, written with its decision.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    pub id: String,
    pub decision: Decision,
    pub verdict: Verdict,
    pub reasons: Vec<String>,
    pub policy_version: u64,
    pub heat: Heat,
    pub quarantined: bool,
    pub message: Option<String>,
}

/// What applying an outcome did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Applied {
    Done(RunState),
    /// The run changed under us (e.g. cancelled); nothing written.
    Stale,
    /// The node died or filled up since the snapshot; the run went back to the queue.
    NodeUnavailable,
}

/// What a submit did with one run (in the order given).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Admission {
    /// Stored and queued under its own id.
    Created,
    /// Not stored: this run is already there under `id` (the same run id submitted again, or its
    /// idempotency key already used for the same content).
    Existing { id: String },
    /// Not stored: its idempotency key was used for other content, by run `id`.
    Conflict { id: String },
}

/// What a scheduler needs to judge a node's lease by its own clock.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NodeLease {
    pub name: String,
    /// The heartbeat counter: it changes with every heartbeat. `None` once the node's record is
    /// gone (removed, or not heard from for its whole key lifetime).
    pub beats: Option<u64>,
    /// The TTL the node announced with its last heartbeat.
    pub ttl: Option<Duration>,
    /// Runs placed on it (scheduled or running).
    pub runs: u64,
}

/// What recovering a node with a lapsed lease did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LapseRecovery {
    /// Its runs became `lost` and were requeued or dead-lettered.
    Recovered(Vec<Recovery>),
    /// The node heartbeated since the caller looked (its counter moved): nothing was done.
    Alive,
}

/// What happened to a run whose node died or whose lease expired.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Recovery {
    Requeued { id: String, attempts: u32 },
    DeadLettered { id: String, attempts: u32 },
}

/// A node's self-description, sent with each heartbeat.
#[derive(Clone, Debug, PartialEq)]
pub struct Heartbeat {
    pub name: String,
    pub labels: BTreeMap<String, String>,
    pub capacity: Resources,
    pub version: String,
    pub ttl: Duration,
}

/// A scheduler's announcement, sent when it starts and refreshed from its loop: it is alive
/// while the announcement's TTL runs.
#[derive(Clone, Debug, PartialEq)]
pub struct SchedulerBeat {
    /// Unique per scheduler process (a ULID), so two schedulers on one host never share a key.
    pub id: String,
    pub host: String,
    pub pid: u32,
    pub version: String,
    /// Unix ms when the scheduler started.
    pub started_at: i64,
    pub ttl: Duration,
}

/// A live scheduler as the store sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct SchedulerInfo {
    pub id: String,
    pub host: String,
    pub pid: u32,
    pub version: String,
    #[serde(with = "crate::output::rfc3339")]
    pub started_at: i64,
    /// When it last announced itself.
    #[serde(with = "crate::output::rfc3339")]
    pub last_beat: i64,
    /// How long an announcement stays valid.
    pub ttl_ms: u64,
}

/// How a sandbox ended, as reported by its agent.
#[derive(Clone, Debug, PartialEq)]
pub struct Completion {
    pub state: RunState,
    pub exit_code: Option<i32>,
    pub message: Option<String>,
    pub log_tail: String,
}

impl Completion {
    /// A sandbox that exited 0 with this output.
    pub fn succeeded(log_tail: impl Into<String>) -> Completion {
        Completion {
            state: RunState::Succeeded,
            exit_code: Some(0),
            message: None,
            log_tail: log_tail.into(),
        }
    }
}

/// A run's state, where it is placed, and the attempt (placement) it is at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RunStatus {
    pub state: RunState,
    pub node: Option<String>,
    pub attempts: u32,
}

/// Whether a Themis change is written to the history. Temporary changes (the persistence canary)
/// skip it, so they never push real changes out of the capped history.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum History {
    Keep,
    Skip,
}

/// One Themis policy as stored: name and its JSON document (the store does not interpret it).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StoredPolicy {
    pub name: String,
    pub document: String,
}

/// What a Themis change did. Storing exactly what is stored already (an apply of unchanged
/// documents, a rollback to the current set) changes nothing: no version bump, no history entry,
/// no event, no publish.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct PolicyWrite {
    /// The Themis version after the call (the current one when nothing changed).
    pub version: u64,
    pub changed: bool,
}

/// One change in the Themis history, with the whole policy set as it stood after it (for rollback).
#[derive(Clone, Debug, PartialEq, Serialize, serde::Deserialize)]
pub struct PolicyChange {
    pub version: u64,
    #[serde(with = "crate::output::rfc3339")]
    pub at: i64,
    pub who: String,
    pub action: String,
    pub names: Vec<String>,
    pub snapshot: BTreeMap<String, String>,
}

/// Tunables that shape store behaviour.
#[derive(Clone, Debug)]
pub struct StoreSettings {
    /// Most dead letters kept; older ones are trimmed with their run data.
    pub dead_letter_cap: u64,
    /// Most entries in the event stream (approximate trimming). A batch step's entry holds up to
    /// 32 events (about 4 KB of values), a one-run step's one: 20,000 entries are 20,000 to
    /// 640,000 events, about 40 MB at most when every entry is a full batch.
    pub events_cap: u64,
    /// Most events kept per run.
    pub run_events_cap: u64,
    /// Most policy history entries.
    pub policy_history_cap: u64,
    /// Most bytes of policy history (each entry holds the whole set); the newest entry is kept
    /// whatever its size.
    pub policy_history_bytes: u64,
    /// Runs per pipelined round trip on bulk submit.
    pub submit_batch: usize,
    /// How long an idempotency key holds (or until its run is deleted).
    pub idempotency_ttl: Duration,
}

impl Default for StoreSettings {
    fn default() -> Self {
        StoreSettings {
            dead_letter_cap: 10_000,
            events_cap: 20_000,
            run_events_cap: 50,
            policy_history_cap: 100,
            policy_history_bytes: 16 << 20,
            submit_batch: 1_000,
            idempotency_ttl: Duration::from_secs(24 * 3600),
        }
    }
}

/// The contract both backends implement and one test suite checks.
#[async_trait]
pub trait Store: Send + Sync {
    /// "Redis" or "in-memory", for startup logs.
    fn backend_name(&self) -> &'static str;

    /// Round trip to the backend.
    async fn ping(&self) -> StoreResult<Duration>;

    // ---- Hades: runs ----

    /// Records new runs (state `queued`) and enqueues them, returning what happened to each, in
    /// order. A run whose id is already stored is left alone (so a submit repeated after a
    /// timeout writes nothing twice); a run with an idempotency key already used by a stored run
    /// returns that run when the content hash matches and is refused otherwise — decided
    /// atomically with the write. All or nothing per round trip of `submit_batch` runs; on an
    /// error, earlier round trips are kept and later ones may or may not be.
    async fn submit(&self, runs: &[Run]) -> StoreResult<Vec<Admission>>;
    async fn get_run(&self, id: &str) -> StoreResult<Option<Run>>;
    /// Many runs in one round trip, in the order asked.
    async fn get_runs(&self, ids: &[String]) -> StoreResult<Vec<Option<Run>>>;
    /// Runs oldest first (ids are ULIDs, so id order is creation order), after `cursor`.
    async fn list_runs(
        &self,
        filter: &RunFilter,
        cursor: Option<&str>,
        limit: usize,
    ) -> StoreResult<RunPage>;
    /// Count of runs per state, O(1) each.
    async fn state_counts(&self) -> StoreResult<BTreeMap<RunState, u64>>;
    /// Cancels a run from any non-terminal state: leaves every queue, frees its node's capacity.
    async fn cancel(&self, id: &str, message: &str) -> StoreResult<Run>;
    /// The run's recent history.
    async fn run_events(&self, id: &str) -> StoreResult<Vec<Event>>;
    /// The id of the newest event, to follow the stream from "now" by the server's clock.
    async fn latest_event_id(&self) -> StoreResult<Option<String>>;
    /// Events after `after` (a stream id; `None` = only new ones), waiting up to `block` for some.
    /// `count` bounds the stream entries read; a batch step's entry holds up to 32 events, which
    /// share its id (so `after` = the last event's id resumes after the whole entry).
    async fn read_events(
        &self,
        after: Option<&str>,
        count: usize,
        block: Duration,
    ) -> StoreResult<Vec<Event>>;

    // ---- Acheron: the queue ----

    /// Claims up to `max` runs (highest priority first, FIFO within a priority) under a lease.
    /// Empty while the queue is paused.
    async fn claim(&self, max: usize, lease: Duration) -> StoreResult<Vec<Claim>>;
    /// [`Store::claim`] that also returns each claimed run's data, read in the same atomic step
    /// (what the scheduler uses: no read per run afterwards).
    async fn claim_runs(&self, max: usize, lease: Duration) -> StoreResult<Vec<ClaimedRun>>;
    async fn extend_leases(&self, ids: &[String], lease: Duration) -> StoreResult<()>;
    /// Returns claimed runs to the queue untouched (graceful shutdown).
    async fn release(&self, ids: &[String]) -> StoreResult<()>;
    /// Puts runs whose lease expired back in the queue; returns their ids.
    async fn reap_expired_leases(&self) -> StoreResult<Vec<String>>;
    /// Applies the scheduler's decisions in one round trip, answering per run in order. Each run
    /// is re-checked as if alone (the lease is still held — so a run listed twice gets one
    /// decision —, it is still queued or pending, a placement still fits its node as it stands
    /// after the placements before it); on Redis a whole chunk of decisions is one script call.
    async fn apply_outcomes(&self, outcomes: &[Outcome]) -> StoreResult<Vec<Applied>>;
    /// Moves up to `max` pending runs back to the queue, longest-parked first (nodes or capacity
    /// changed). A run that parks again goes to the back, so repeated wakes go round all of them.
    /// Returns how many moved.
    async fn wake_pending(&self, max: usize) -> StoreResult<u64>;
    async fn queue_stats(&self) -> StoreResult<QueueStats>;
    async fn queue_entries(
        &self,
        which: QueueName,
        offset: usize,
        limit: usize,
    ) -> StoreResult<Vec<QueueEntry>>;
    /// Purges a list: queued and pending runs are cancelled, dead letters deleted with their data.
    async fn purge(&self, which: QueueName) -> StoreResult<u64>;
    /// Sends dead letters (all, or the given ids) back to the queue with attempts reset.
    async fn retry_dead(&self, ids: Option<&[String]>) -> StoreResult<u64>;
    async fn set_paused(&self, paused: bool) -> StoreResult<()>;

    // ---- nodes ----

    async fn heartbeat(&self, beat: &Heartbeat) -> StoreResult<()>;
    /// Every known node, alive or expired.
    async fn nodes(&self) -> StoreResult<Vec<Node>>;
    async fn node(&self, name: &str) -> StoreResult<Option<Node>>;
    async fn label_node(
        &self,
        name: &str,
        set: &BTreeMap<String, String>,
        remove: &[String],
    ) -> StoreResult<Node>;
    async fn drain_node(&self, name: &str, draining: bool) -> StoreResult<Node>;
    /// Forgets a node; its runs are recovered like a dead node's.
    async fn remove_node(&self, name: &str, max_attempts: u32) -> StoreResult<Vec<Recovery>>;
    /// Runs placed on a node (scheduled or running).
    async fn node_runs(&self, name: &str) -> StoreResult<Vec<String>>;
    /// Wakes the agents of these nodes at once (work was just placed there): one publish per
    /// node on its wake channel, in one round trip. Best effort: an agent that misses a wake-up
    /// (its subscription was being renewed) finds the work at its next poll.
    async fn wake_nodes(&self, names: &[String]) -> StoreResult<()>;
    /// The wake-ups of node `name` (see [`Store::wake_nodes`]): the counter changes on each one
    /// (several may merge into one change). The subscription is renewed when lost, until the
    /// receiver is dropped; wake-ups published meanwhile are missed.
    async fn node_wakeups(&self, name: &str) -> StoreResult<tokio::sync::watch::Receiver<u64>>;
    /// The cell's submit wake-ups: the counter changes whenever a submit queued new runs (on
    /// Redis, the submit script publishes on the cell's queue wake channel), so an idle
    /// scheduler claims them at once. Several may merge into one change; the subscription is
    /// renewed when lost, and wake-ups published meanwhile are missed (a scheduler's poll is the
    /// safety net).
    async fn queue_wakeups(&self) -> StoreResult<tokio::sync::watch::Receiver<u64>>;
    /// Every known node's heartbeat counter, TTL and run count, in one round trip: what a
    /// scheduler watches to judge leases on its own clock (see `scheduler::lease_watch`).
    async fn node_leases(&self) -> StoreResult<Vec<NodeLease>>;
    /// A node whose lease lapsed by the caller's reading: its runs become `lost`, then are
    /// requeued or dead-lettered after `max_attempts` — but only while its heartbeat counter is
    /// still `observed` (checked atomically with each run's step), so a node that heartbeated
    /// since is left alone ([`LapseRecovery::Alive`]).
    async fn recover_lapsed_node(
        &self,
        name: &str,
        observed: Option<u64>,
        reason: &str,
        max_attempts: u32,
    ) -> StoreResult<LapseRecovery>;

    // ---- schedulers ----

    /// Records (or refreshes) a scheduler's announcement, valid for `beat.ttl`.
    async fn announce_scheduler(&self, beat: &SchedulerBeat) -> StoreResult<()>;
    /// The schedulers whose announcement has not expired, oldest first.
    async fn schedulers(&self) -> StoreResult<Vec<SchedulerInfo>>;
    /// Removes a scheduler's announcement (clean exit). Unknown ids are not an error.
    async fn retire_scheduler(&self, id: &str) -> StoreResult<()>;

    // ---- agent side ----

    /// `scheduled` → `running` on this node for placement `attempt`, recording where its full
    /// log is kept. Stale when it was cancelled, moved, or placed again meanwhile.
    async fn start_run(
        &self,
        id: &str,
        node: &str,
        attempt: u32,
        log_path: Option<&str>,
    ) -> StoreResult<Applied>;
    /// `running` → a terminal state; frees the node's capacity. Only for the run's current
    /// attempt on this node: another attempt's outcome is kept as a `stale` event on the run and
    /// changes nothing else ([`Applied::Stale`]). A finish that frees capacity while runs are
    /// parked as pending moves up to two of them per run freed (the longest parked) back to the
    /// queue and wakes the schedulers, as a submit does: they are placed at once, not at a
    /// scheduler's next maintenance.
    async fn finish_run(
        &self,
        id: &str,
        node: &str,
        attempt: u32,
        done: &Completion,
    ) -> StoreResult<Applied>;
    /// [`Store::start_run`] for many runs of `node` in one round trip (one script call per chunk
    /// on Redis), each re-checked for its own attempt; one answer per run, in order. For agents
    /// that start a whole wake-up's placements at once (the bench's agent does).
    async fn start_runs(&self, node: &str, starts: &[RunStart]) -> StoreResult<Vec<Applied>>;
    /// `scheduled` → `running` for the runs of `starts` that are scheduled on `node` now, at
    /// most `max` of them (in order), each for the attempt it is at in that same atomic step, and
    /// answers with that attempt and the run's spec, so an agent reads nothing before it starts a
    /// sandbox. `None` for a run not started: not scheduled here (cancelled, moved, running,
    /// gone) or beyond `max`. One answer per run, in order; one round trip (one script call per
    /// chunk on Redis).
    async fn start_placed(
        &self,
        node: &str,
        starts: &[PlacedStart],
        max: usize,
    ) -> StoreResult<Vec<Option<Started>>>;
    /// [`Store::finish_run`] for many runs of `node` in one round trip, each fenced by its own
    /// attempt (another attempt's outcome is a `stale` event); the node's capacity is freed once
    /// per batch. One answer per run, in order.
    async fn finish_runs(&self, node: &str, finishes: &[RunFinish]) -> StoreResult<Vec<Applied>>;
    /// Hands a scheduled or running run back to the queue (agent drain deadline, lost lease),
    /// for attempt `attempt` only (another attempt's hand-back becomes a `stale` event).
    async fn hand_back(
        &self,
        id: &str,
        node: &str,
        attempt: u32,
        reason: &str,
        max_attempts: u32,
    ) -> StoreResult<Option<Recovery>>;
    /// Current state and node of many runs in one round trip (the agent's cancel check, `wait`).
    async fn run_states(&self, ids: &[String]) -> StoreResult<Vec<Option<RunStatus>>>;
    /// Deletes a run and everything about it (its queue entries, indexes, events, its node's
    /// reservation). For canaries and tests; operators cancel or purge instead.
    async fn delete_run(&self, id: &str) -> StoreResult<bool>;
    /// A claimed run that cannot be read (its hash is corrupt or gone) leaves the queue: a corrupt
    /// one is dead-lettered with `reason`, a missing one is simply dropped.
    async fn discard_unreadable(&self, id: &str, reason: &str) -> StoreResult<()>;

    // ---- Themis: policies ----

    async fn policy_version(&self) -> StoreResult<u64>;
    async fn policies(&self) -> StoreResult<(u64, Vec<StoredPolicy>)>;
    /// Adds or replaces policies; one version bump, event and publish, and a history entry
    /// unless `history` is [`History::Skip`]. Decided atomically: when every document is stored
    /// exactly as given, nothing is written and `changed` is false.
    async fn apply_policies(
        &self,
        policies: &[StoredPolicy],
        who: &str,
        history: History,
    ) -> StoreResult<PolicyWrite>;
    /// Deletes policies (all must exist, or nothing is deleted); one version bump.
    async fn delete_policies(
        &self,
        names: &[String],
        who: &str,
        history: History,
    ) -> StoreResult<PolicyWrite>;
    /// Replaces the whole set (rollback); one version bump, none when the set is already this one.
    async fn replace_policies(
        &self,
        set: &BTreeMap<String, String>,
        who: &str,
        action: &str,
    ) -> StoreResult<PolicyWrite>;
    async fn policy_history(&self, limit: usize) -> StoreResult<Vec<PolicyChange>>;
    /// A receiver of new policy versions as they are published.
    async fn watch_policies(&self) -> StoreResult<tokio::sync::mpsc::Receiver<u64>>;

    // ---- retention of finished runs ----

    /// The cell's retention settings ([`Retention::default`] when none were stored).
    async fn retention(&self) -> StoreResult<Retention>;
    /// Stores the cell's window for finished runs; every scheduler and agent of the cell follows it.
    async fn set_retention(&self, finished: Duration) -> StoreResult<()>;
    /// Finished runs due for deletion at `now`: finished more than `window` ago, or past their own
    /// `ttlAfterFinished`. At most `max`, oldest first; from a backlog of two batches or more, a
    /// backend shared by several schedulers may return a random batch of it instead, so that they
    /// rarely pick the same runs. O(log n + max).
    async fn expired_runs(
        &self,
        now: i64,
        window: Duration,
        max: usize,
    ) -> StoreResult<Vec<String>>;
    /// Deletes, with their events, index entries, node bookkeeping and owned keys, the runs of
    /// `ids` that are finished and due at `now`. Each run is re-checked atomically, so a run that
    /// is not finished (a retried dead letter) or already deleted (by another scheduler) is
    /// skipped without error. Returns the ids it deleted.
    async fn delete_expired(
        &self,
        ids: &[String],
        now: i64,
        window: Duration,
    ) -> StoreResult<Vec<String>>;
    /// Drops event-stream entries older than `before_ms`; returns how many went.
    async fn trim_events(&self, before_ms: i64) -> StoreResult<u64>;
    /// Many runs, each with its own history, in the order asked; `None` for a run that is not
    /// there (or unreadable, as in [`Store::get_runs`]). Each run and its history come from one
    /// read of the run, so a run returned has every event it had when it was read (a run's
    /// history goes when the run goes).
    async fn runs_with_events(&self, ids: &[String])
        -> StoreResult<Vec<Option<(Run, Vec<Event>)>>>;
}

pub type SharedStore = Arc<dyn Store>;

/// The nodes these decisions placed work on, each once: whom [`Store::wake_nodes`] wakes. Only
/// the placements that took (answered `Applied::Done(RunState::Scheduled)`, in the order of
/// `outcomes`) count: a node whose placement was stale or found full has nothing new to start.
pub fn assigned_nodes(outcomes: &[Outcome], applied: &[Applied]) -> Vec<String> {
    let mut names: Vec<String> = outcomes
        .iter()
        .zip(applied)
        .filter_map(|(o, a)| match (&o.decision, a) {
            (Decision::Assign { node, .. }, Applied::Done(RunState::Scheduled)) => {
                Some(node.clone())
            }
            _ => None,
        })
        .collect();
    names.sort_unstable();
    names.dedup();
    names
}

/// Time in ms for a duration (saturating).
pub(crate) fn ms(d: Duration) -> i64 {
    i64::try_from(d.as_millis()).unwrap_or(i64::MAX)
}
