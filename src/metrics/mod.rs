//! Prometheus metrics of the long-running commands (`scheduler run`, `agent run`, `up`): the metric set, the hooks the control plane calls where things happen, and the text exposition.
//!
//! Two kinds of figures, kept apart on purpose:
//! - **counters and histograms of this process** (runs scheduled, started, finished…, batch
//!   durations, submit → scheduled latency), bumped by small hooks in the scheduler and the agent;
//!   sum them over instances in PromQL;
//! - **gauges read from the store** (queue depth per state, ages, nodes, schedulers, policy
//!   version, Redis round trip) by [`probe`]'s sampler, the same in every process that samples
//!   them; take `max` over instances.
//!
//! Names follow the Prometheus rules: prefix `tartarus_`, base units (seconds, bytes, cores),
//! `_total` only on counters. The README's metrics table lists every name ([`NAMES`] is checked
//! against it by a test).

pub mod probe;
pub mod server;
pub mod textfile;

use std::collections::HashMap;
use std::sync::atomic::AtomicU64;
use std::sync::{LazyLock, Mutex};
use std::time::Duration;

use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{exponential_buckets, Histogram};
use prometheus_client::registry::Registry;

use crate::agent::AgentReport;
use crate::model::run::Run;
use crate::scheduler::Report;

pub use probe::{Probe, Readiness};
pub use server::{serve, MetricsServer};

/// The `Content-Type` of [`render`]'s text (Prometheus text format 0.0.4).
pub const CONTENT_TYPE: &str = prometheus_client::encoding::prometheus_text::CONTENT_TYPE;

/// A gauge holding a float (ages, durations, cores).
pub type FloatGauge = Gauge<f64, AtomicU64>;
/// One label.
pub type Label = [(&'static str, String); 1];

/// Every run counter, bumped where the transition happens (scheduler decisions, agent outcomes).
pub struct RunCounters {
    pub claimed: Counter,
    pub scheduled: Counter,
    pub parked: Counter,
    pub denied: Counter,
    pub rejected: Counter,
    pub retried: Counter,
    pub requeued: Counter,
    pub dead_lettered: Counter,
    pub started: Counter,
    pub succeeded: Counter,
    pub failed: Counter,
    pub timed_out: Counter,
    pub cancelled: Counter,
    pub handed_back: Counter,
}

/// The gauges of one node (capacity and what is reserved on it), labelled `node`.
pub struct NodeGauges {
    pub cpu_capacity_cores: Family<Label, FloatGauge>,
    pub cpu_used_cores: Family<Label, FloatGauge>,
    pub memory_capacity_bytes: Family<Label, Gauge>,
    pub memory_used_bytes: Family<Label, Gauge>,
    pub gpu_capacity: Family<Label, Gauge>,
    pub gpu_used: Family<Label, Gauge>,
    pub slots_capacity: Family<Label, Gauge>,
    pub slots_used: Family<Label, Gauge>,
    /// 1 alive, 0 expired (still registered).
    pub up: Family<Label, Gauge>,
}

/// The whole metric set of the process (one, global: see [`metrics`]).
pub struct Metrics {
    registry: Registry,
    pub runs: RunCounters,
    pub leases_reaped: Counter,
    pub submit_to_scheduled_seconds: Histogram,
    pub batch_duration_seconds: Histogram,
    pub scheduler_policy_version: Gauge,
    pub runs_by_state: Family<Label, Gauge>,
    pub queue_depth: Family<Label, Gauge>,
    pub queue_paused: Gauge,
    pub queue_oldest_age_seconds: FloatGauge,
    pub queue_head_age_seconds: FloatGauge,
    pub schedulers_live: Gauge,
    pub nodes: Family<Label, Gauge>,
    pub node: NodeGauges,
    pub policy_version: Gauge,
    pub redis_up: Gauge,
    pub redis_rtt_seconds: FloatGauge,
    pub redis_reconnects: Counter,
    pub redis_ping_failures: Counter,
    pub ready: Gauge,
    pub build_info: Family<[(&'static str, String); 2], Gauge>,
    pub start_time_seconds: FloatGauge,
}

/// Every metric name as it appears in the exposition (counters with `_total`, histograms by
/// their base name). The README's table must list each one.
pub const NAMES: &[&str] = &[
    "tartarus_runs_claimed_total",
    "tartarus_runs_scheduled_total",
    "tartarus_runs_parked_total",
    "tartarus_runs_denied_total",
    "tartarus_runs_rejected_total",
    "tartarus_runs_retried_total",
    "tartarus_runs_requeued_total",
    "tartarus_runs_dead_lettered_total",
    "tartarus_runs_started_total",
    "tartarus_runs_succeeded_total",
    "tartarus_runs_failed_total",
    "tartarus_runs_timed_out_total",
    "tartarus_runs_cancelled_total",
    "tartarus_runs_handed_back_total",
    "tartarus_scheduler_leases_reaped_total",
    "tartarus_submit_to_scheduled_seconds",
    "tartarus_scheduler_batch_duration_seconds",
    "tartarus_scheduler_policy_version",
    "tartarus_runs",
    "tartarus_queue_depth",
    "tartarus_queue_paused",
    "tartarus_queue_oldest_age_seconds",
    "tartarus_queue_head_age_seconds",
    "tartarus_schedulers_live",
    "tartarus_nodes",
    "tartarus_node_cpu_capacity_cores",
    "tartarus_node_cpu_used_cores",
    "tartarus_node_memory_capacity_bytes",
    "tartarus_node_memory_used_bytes",
    "tartarus_node_gpu_capacity",
    "tartarus_node_gpu_used",
    "tartarus_node_slots_capacity",
    "tartarus_node_slots_used",
    "tartarus_node_up",
    "tartarus_policy_version",
    "tartarus_redis_up",
    "tartarus_redis_rtt_seconds",
    "tartarus_redis_reconnects_total",
    "tartarus_redis_ping_failures_total",
    "tartarus_ready",
    "tartarus_build_info",
    "tartarus_start_time_seconds",
];

fn histogram(
    r: &mut Registry,
    name: &str,
    help: &str,
    buckets: impl Iterator<Item = f64>,
) -> Histogram {
    let h = Histogram::new(buckets);
    r.register(name, help, h.clone());
    h
}

fn build_info(r: &mut Registry) -> Family<[(&'static str, String); 2], Gauge> {
    let f = Family::<[(&'static str, String); 2], Gauge>::default();
    r.register(
        "build_info",
        "Always 1; the version and role of this process.",
        f.clone(),
    );
    f
}

fn counter(r: &mut Registry, name: &str, help: &str) -> Counter {
    let c = Counter::default();
    r.register(name, help, c.clone());
    c
}

fn gauge(r: &mut Registry, name: &str, help: &str) -> Gauge {
    let g = Gauge::default();
    r.register(name, help, g.clone());
    g
}

fn float_gauge(r: &mut Registry, name: &str, help: &str) -> FloatGauge {
    let g = FloatGauge::default();
    r.register(name, help, g.clone());
    g
}

fn family<M>(r: &mut Registry, name: &str, help: &str) -> Family<Label, M>
where
    M: prometheus_client::metrics::TypedMetric
        + prometheus_client::encoding::EncodeMetric
        + Default
        + Clone
        + std::fmt::Debug
        + Send
        + Sync
        + 'static,
{
    let f = Family::<Label, M>::default();
    r.register(name, help, f.clone());
    f
}

impl RunCounters {
    fn register(r: &mut Registry) -> RunCounters {
        RunCounters {
            claimed: counter(r, "runs_claimed", "Runs claimed from the queue by this scheduler."),
            scheduled: counter(r, "runs_scheduled", "Runs this scheduler placed on a node."),
            parked: counter(r, "runs_parked", "Runs this scheduler parked as pending (no feasible node yet)."),
            denied: counter(r, "runs_denied", "Runs this scheduler denied by a Themis policy."),
            rejected: counter(r, "runs_rejected", "Runs this scheduler rejected by routing (e.g. quarantine without a Typhon node)."),
            retried: counter(r, "runs_retried", "Placements refused because the node died or filled up meanwhile; the run went back to the queue."),
            requeued: counter(r, "runs_requeued", "Runs of dead nodes this scheduler requeued (attempts + 1)."),
            dead_lettered: counter(r, "runs_dead_lettered", "Runs this scheduler dead-lettered (too many attempts, or unreadable)."),
            started: counter(r, "runs_started", "Sandboxes this process's agents started."),
            succeeded: counter(r, "runs_succeeded", "Runs this process's agents finished as succeeded."),
            failed: counter(r, "runs_failed", "Runs this process's agents finished as failed."),
            timed_out: counter(r, "runs_timed_out", "Runs this process's agents stopped at their timeout."),
            cancelled: counter(r, "runs_cancelled", "Runs this process's agents stopped because they were cancelled."),
            handed_back: counter(r, "runs_handed_back", "Runs this process's agents handed back to the queue (drain deadline, lost contact, orphans)."),
        }
    }
}

impl NodeGauges {
    fn register(r: &mut Registry) -> NodeGauges {
        NodeGauges {
            cpu_capacity_cores: family(
                r,
                "node_cpu_capacity_cores",
                "CPU a node offers, in cores.",
            ),
            cpu_used_cores: family(
                r,
                "node_cpu_used_cores",
                "CPU reserved on a node by its runs, in cores.",
            ),
            memory_capacity_bytes: family(r, "node_memory_capacity_bytes", "Memory a node offers."),
            memory_used_bytes: family(
                r,
                "node_memory_used_bytes",
                "Memory reserved on a node by its runs.",
            ),
            gpu_capacity: family(r, "node_gpu_capacity", "GPUs a node offers."),
            gpu_used: family(r, "node_gpu_used", "GPUs reserved on a node."),
            slots_capacity: family(
                r,
                "node_slots_capacity",
                "Concurrent sandboxes a node offers.",
            ),
            slots_used: family(r, "node_slots_used", "Sandboxes placed on a node."),
            up: family(
                r,
                "node_up",
                "1 while a node's heartbeat is valid, 0 once it expired (still registered).",
            ),
        }
    }
}

impl Metrics {
    fn new() -> Metrics {
        let mut r = Registry::with_prefix("tartarus");
        let runs = RunCounters::register(&mut r);
        let leases_reaped = counter(
            &mut r,
            "scheduler_leases_reaped",
            "Expired scheduler leases whose runs went back to the queue.",
        );
        let submit_to_scheduled_seconds = histogram(
            &mut r,
            "submit_to_scheduled_seconds",
            "Time from submit to placement on a node, for runs placed on their first attempt.",
            exponential_buckets(0.001, 2.0, 18),
        );
        let batch_duration_seconds = histogram(
            &mut r,
            "scheduler_batch_duration_seconds",
            "Time one scheduler step took (maintenance when due, claim, judge, route, apply), for steps that claimed runs.",
            exponential_buckets(0.0005, 2.0, 16),
        );
        let scheduler_policy_version = gauge(
            &mut r,
            "scheduler_policy_version",
            "Themis version this process's scheduler has loaded (-1 before it has).",
        );
        scheduler_policy_version.set(-1);
        let node = NodeGauges::register(&mut r);
        Metrics {
            runs,
            leases_reaped,
            submit_to_scheduled_seconds,
            batch_duration_seconds,
            scheduler_policy_version,
            runs_by_state: family(
                &mut r,
                "runs",
                "Runs per state in the Hades registry (state label).",
            ),
            queue_depth: family(
                &mut r,
                "queue_depth",
                "Entries in each Acheron list (queue label: queued, leased, pending, dead).",
            ),
            queue_paused: gauge(&mut r, "queue_paused", "1 while the queue is paused."),
            queue_oldest_age_seconds: float_gauge(
                &mut r,
                "queue_oldest_age_seconds",
                "Age of the oldest run in state queued (0 when none).",
            ),
            queue_head_age_seconds: float_gauge(
                &mut r,
                "queue_head_age_seconds",
                "Age of the run at the head of the queue, the next to be claimed (0 when empty).",
            ),
            schedulers_live: gauge(
                &mut r,
                "schedulers_live",
                "Schedulers whose announcement has not expired.",
            ),
            nodes: family(
                &mut r,
                "nodes",
                "Registered nodes by status (alive, draining, expired).",
            ),
            node,
            policy_version: gauge(
                &mut r,
                "policy_version",
                "Themis policy version stored in Redis.",
            ),
            redis_up: gauge(
                &mut r,
                "redis_up",
                "1 when the last ping of Redis succeeded (and it was not loading).",
            ),
            redis_rtt_seconds: float_gauge(
                &mut r,
                "redis_rtt_seconds",
                "Round-trip time of the last ping of Redis.",
            ),
            redis_reconnects: counter(
                &mut r,
                "redis_reconnects",
                "Times this process connected to Redis again after losing it or after a failover.",
            ),
            redis_ping_failures: counter(
                &mut r,
                "redis_ping_failures",
                "Pings of Redis that failed or timed out.",
            ),
            ready: gauge(&mut r, "ready", "1 when /readyz answers 200."),
            build_info: build_info(&mut r),
            start_time_seconds: float_gauge(
                &mut r,
                "start_time_seconds",
                "Unix time this process started serving metrics.",
            ),
            registry: r,
        }
    }

    /// The Prometheus text of every metric.
    pub fn render(&self) -> String {
        let mut out = String::new();
        // Writing to a String cannot fail; an encoder error would only cut the text short.
        let _ = prometheus_client::encoding::prometheus_text::encode(&mut out, &self.registry);
        out
    }
}

static METRICS: LazyLock<Metrics> = LazyLock::new(Metrics::new);

/// The process's metric set.
pub fn metrics() -> &'static Metrics {
    &METRICS
}

/// The Prometheus text of every metric of this process.
pub fn render() -> String {
    metrics().render()
}

/// Seconds as a float, for gauges and histograms.
fn secs(d: Duration) -> f64 {
    d.as_secs_f64()
}

/// Scheduler hook: one turn of the loop (`report` holds only that turn's counts) took `took`.
pub fn scheduler_step(report: &Report, took: Duration, policy_version: u64) {
    let m = metrics();
    let c = &m.runs;
    c.claimed.inc_by(report.claimed);
    c.scheduled.inc_by(report.scheduled);
    c.parked.inc_by(report.pending);
    c.denied.inc_by(report.denied);
    c.rejected.inc_by(report.rejected);
    c.retried.inc_by(report.retried);
    c.requeued.inc_by(report.requeued_lost);
    c.dead_lettered.inc_by(report.dead_lettered);
    m.leases_reaped.inc_by(report.leases_reaped);
    if report.claimed > 0 {
        m.batch_duration_seconds.observe(secs(took));
    }
    m.scheduler_policy_version
        .set(i64::try_from(policy_version).unwrap_or(i64::MAX));
}

/// Scheduler hook: `run` (as read before the decision) was placed on a node just now. Only a
/// first placement measures submit → scheduled; a retried run's age says nothing about latency.
pub fn run_scheduled(run: &Run) {
    if run.attempts == 0 {
        let waited_ms = (crate::model::now_ms() - run.created_at).max(0);
        metrics()
            .submit_to_scheduled_seconds
            .observe(waited_ms as f64 / 1000.0);
    }
}

/// What each agent of this process had reported when last seen, so counters grow by the change.
static AGENT_SEEN: LazyLock<Mutex<HashMap<String, AgentReport>>> = LazyLock::new(Default::default);

/// Agent hook: the agent for `node` has done `report` so far (its running totals).
pub fn agent_progress(node: &str, report: &AgentReport) {
    let Ok(mut seen) = AGENT_SEEN.lock() else {
        return;
    };
    let before = seen.entry(node.to_string()).or_default();
    // A new agent under the same name starts from zero again.
    let delta = |now: u64, was: u64| if now >= was { now - was } else { now };
    let c = &metrics().runs;
    c.started.inc_by(delta(report.started, before.started));
    c.succeeded
        .inc_by(delta(report.succeeded, before.succeeded));
    c.failed.inc_by(delta(report.failed, before.failed));
    c.timed_out
        .inc_by(delta(report.timed_out, before.timed_out));
    c.cancelled
        .inc_by(delta(report.cancelled, before.cancelled));
    c.handed_back
        .inc_by(delta(report.handed_back, before.handed_back));
    *before = report.clone();
}

/// Connection hook: this process connected to Redis again, after losing it or after a failover.
/// The connection layer (`crate::connection`) calls it for each reconnect of its shared lane.
pub fn redis_reconnected() {
    metrics().redis_reconnects.inc();
}

/// Process start bookkeeping: version and role labels, start time.
pub(crate) fn mark_started(role: &str) {
    let m = metrics();
    m.build_info
        .get_or_create(&[
            ("version", env!("CARGO_PKG_VERSION").to_string()),
            ("role", role.to_string()),
        ])
        .set(1);
    m.start_time_seconds
        .set(crate::model::now_ms() as f64 / 1000.0);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_is_exposed_and_follows_the_rules() {
        mark_started("test");
        let _ = metrics()
            .runs_by_state
            .get_or_create(&[("state", "queued".into())]);
        let _ = metrics()
            .queue_depth
            .get_or_create(&[("queue", "queued".into())]);
        let _ = metrics().nodes.get_or_create(&[("status", "alive".into())]);
        let n = &metrics().node;
        let l: Label = [("node", "n".into())];
        let _ = n.cpu_capacity_cores.get_or_create(&l);
        let _ = n.cpu_used_cores.get_or_create(&l);
        let _ = n.memory_capacity_bytes.get_or_create(&l);
        let _ = n.memory_used_bytes.get_or_create(&l);
        let _ = n.gpu_capacity.get_or_create(&l);
        let _ = n.gpu_used.get_or_create(&l);
        let _ = n.slots_capacity.get_or_create(&l);
        let _ = n.slots_used.get_or_create(&l);
        let _ = n.up.get_or_create(&l);
        let text = render();
        for name in NAMES {
            assert!(
                text.contains(&format!("# TYPE {name} ")),
                "{name} missing from:\n{text}"
            );
            assert!(name.starts_with("tartarus_"));
            let is_counter = text.contains(&format!("# TYPE {name} counter"));
            assert_eq!(is_counter, name.ends_with("_total"), "{name}");
        }
        for line in text.lines().filter(|l| l.starts_with("# TYPE ")) {
            let name = line.split(' ').nth(2).unwrap_or_default();
            assert!(NAMES.contains(&name), "{name} is not in NAMES");
        }
    }

    #[test]
    fn agent_progress_counts_changes_only() {
        let before = metrics().runs.succeeded.get();
        let mut r = AgentReport {
            succeeded: 2,
            ..Default::default()
        };
        agent_progress("metrics-test-node", &r);
        agent_progress("metrics-test-node", &r);
        r.succeeded = 5;
        agent_progress("metrics-test-node", &r);
        assert_eq!(metrics().runs.succeeded.get() - before, 5);
    }
}
