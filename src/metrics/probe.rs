//! Readiness and the gauges read from the store: a sampler pings Redis, reads the queue, nodes, schedulers and policy version on a fixed interval, sets the gauges, and decides what `/readyz` answers.
//!
//! Probes never touch Redis themselves: they read the last sample, so a flood of probe requests
//! costs Redis nothing, and a sample older than a few intervals is itself a reason to be unready.

use std::collections::BTreeSet;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::{metrics, Label, Metrics};
use crate::model::node::Node;
use crate::store::{SharedStore, StoreError};

/// How long one ping of Redis may take before it counts as failed.
const PING_TIMEOUT: Duration = Duration::from_secs(2);

/// What a process samples and what it needs to be ready.
#[derive(Clone)]
pub struct Probe {
    pub store: SharedStore,
    /// Sample the figures of the whole deployment (queue, every node, schedulers, policy
    /// version). Schedulers do; an agent samples only its own node, so a thousand agents do not
    /// read a thousand nodes each.
    pub cluster: bool,
    /// Ready only once this process's scheduler has loaded the Themis policies.
    pub needs_policies: bool,
    /// Ready only while these nodes are registered and their heartbeat is valid.
    pub nodes: Vec<String>,
    /// Time between samples.
    pub interval: Duration,
    /// `scheduler`, `agent` or `up` (the `role` label of `tartarus_build_info`).
    pub role: &'static str,
}

impl Probe {
    pub const DEFAULT_INTERVAL: Duration = Duration::from_secs(1);

    /// A scheduler: the deployment's figures; ready when Redis answers and policies are loaded.
    pub fn scheduler(store: SharedStore) -> Probe {
        Probe {
            store,
            cluster: true,
            needs_policies: true,
            nodes: Vec::new(),
            interval: Self::DEFAULT_INTERVAL,
            role: "scheduler",
        }
    }

    /// An agent: its own node; ready when Redis answers and the node is registered and alive.
    pub fn agent(store: SharedStore, node: &str) -> Probe {
        Probe {
            store,
            cluster: false,
            needs_policies: false,
            nodes: vec![node.to_string()],
            interval: Self::DEFAULT_INTERVAL,
            role: "agent",
        }
    }

    /// `up`: a scheduler and local nodes in one process.
    pub fn up(store: SharedStore, nodes: Vec<String>) -> Probe {
        Probe {
            store,
            cluster: true,
            needs_policies: true,
            nodes,
            interval: Self::DEFAULT_INTERVAL,
            role: "up",
        }
    }
}

/// The outcome of the last sample: ready, or the reasons why not.
#[derive(Clone, Debug, Default)]
pub struct Readiness {
    pub reasons: Vec<String>,
    /// When the sample was taken (`None`: not yet).
    pub sampled_at: Option<Instant>,
}

impl Readiness {
    /// `Ok` when ready; else every reason, `; `-separated. A sample older than `max_age` means
    /// the sampler is stuck (a Redis call hanging), which is a reason too.
    pub fn answer(&self, max_age: Duration) -> Result<(), String> {
        let Some(at) = self.sampled_at else {
            return Err("starting: Redis not checked yet".into());
        };
        if at.elapsed() > max_age {
            return Err(format!(
                "no sample for {}s (a Redis call is hanging)",
                at.elapsed().as_secs()
            ));
        }
        if self.reasons.is_empty() {
            Ok(())
        } else {
            Err(self.reasons.join("; "))
        }
    }
}

/// Shared between the sampler and the HTTP server.
pub type SharedReadiness = Arc<Mutex<Readiness>>;

/// How old a sample may be before `/readyz` distrusts it.
pub fn max_sample_age(probe: &Probe) -> Duration {
    probe.interval * 3 + PING_TIMEOUT * 2
}

/// What the sampler remembers between samples.
#[derive(Default)]
pub struct Sampler {
    nodes_shown: BTreeSet<String>,
}

fn reason_for(e: &StoreError) -> String {
    let text = e.to_string();
    if text.contains("LOADING") {
        "Redis is loading its data set into memory".into()
    } else {
        format!("Redis does not answer: {text}")
    }
}

fn node_label(name: &str) -> Label {
    [("node", name.to_string())]
}

impl Sampler {
    /// One sample: sets the gauges and returns the readiness.
    pub async fn sample(&mut self, probe: &Probe) -> Readiness {
        let m = metrics();
        let mut reasons = Vec::new();
        let ping = tokio::time::timeout(PING_TIMEOUT, probe.store.ping()).await;
        let up = match ping {
            Ok(Ok(rtt)) => {
                m.redis_rtt_seconds.set(rtt.as_secs_f64());
                true
            }
            Ok(Err(e)) => {
                reasons.push(reason_for(&e));
                false
            }
            Err(_) => {
                reasons.push(format!(
                    "Redis did not answer a ping within {}s",
                    PING_TIMEOUT.as_secs()
                ));
                false
            }
        };
        m.redis_up.set(i64::from(up));
        // Reconnects are counted by the connection layer, which sees each one (a failover
        // included, even one no ping noticed).
        if !up {
            m.redis_ping_failures.inc();
        }
        if up {
            if let Err(e) = self.read_store(probe, m, &mut reasons).await {
                reasons.push(reason_for(&e));
            }
        }
        if probe.needs_policies && m.scheduler_policy_version.get() < 0 {
            reasons.push("the scheduler has not loaded the Themis policies yet".into());
        }
        m.ready.set(i64::from(reasons.is_empty()));
        Readiness {
            reasons,
            sampled_at: Some(Instant::now()),
        }
    }

    async fn read_store(
        &mut self,
        probe: &Probe,
        m: &Metrics,
        reasons: &mut Vec<String>,
    ) -> Result<(), StoreError> {
        let store = &probe.store;
        let mut shown = Vec::new();
        for name in &probe.nodes {
            match store.node(name).await? {
                None => reasons.push(format!("node {name} is not registered")),
                Some(n) => {
                    if !n.alive {
                        reasons.push(format!("node {name}'s heartbeat expired"));
                    }
                    if !probe.cluster {
                        shown.push(n);
                    }
                }
            }
        }
        if probe.cluster {
            let stats = store.queue_stats().await?;
            for (state, count) in &stats.states {
                m.runs_by_state
                    .get_or_create(&[("state", state.clone())])
                    .set(to_i64(*count));
            }
            for (queue, count) in [
                ("queued", stats.depth),
                ("leased", stats.in_flight),
                ("pending", stats.pending),
                ("dead", stats.dead),
            ] {
                m.queue_depth
                    .get_or_create(&[("queue", queue.to_string())])
                    .set(to_i64(count));
            }
            m.queue_paused.set(i64::from(stats.paused));
            m.queue_head_age_seconds
                .set(stats.oldest_age_ms.unwrap_or(0) as f64 / 1000.0);
            let oldest_ms = crate::ops::top::oldest_queued_age_ms(store.as_ref())
                .await?
                .unwrap_or(0);
            m.queue_oldest_age_seconds.set(oldest_ms as f64 / 1000.0);
            m.schedulers_live.set(to_i64(stats.live_schedulers));
            m.policy_version.set(to_i64(store.policy_version().await?));
            shown = store.nodes().await?;
            let mut by_status = [("alive", 0u64), ("draining", 0), ("expired", 0)];
            for n in &shown {
                let status = crate::model::view::node_status(n);
                if let Some(slot) = by_status.iter_mut().find(|(s, _)| *s == status) {
                    slot.1 += 1;
                }
            }
            for (status, count) in by_status {
                m.nodes
                    .get_or_create(&[("status", status.to_string())])
                    .set(to_i64(count));
            }
        }
        self.show_nodes(m, &shown);
        Ok(())
    }

    /// Sets the per-node gauges, and drops those of nodes no longer there.
    fn show_nodes(&mut self, m: &Metrics, nodes: &[Node]) {
        let g = &m.node;
        let now: BTreeSet<String> = nodes.iter().map(|n| n.name.clone()).collect();
        for gone in self.nodes_shown.difference(&now) {
            let l = node_label(gone);
            g.cpu_capacity_cores.remove(&l);
            g.cpu_used_cores.remove(&l);
            g.memory_capacity_bytes.remove(&l);
            g.memory_used_bytes.remove(&l);
            g.gpu_capacity.remove(&l);
            g.gpu_used.remove(&l);
            g.slots_capacity.remove(&l);
            g.slots_used.remove(&l);
            g.up.remove(&l);
        }
        for n in nodes {
            let l = node_label(&n.name);
            g.cpu_capacity_cores
                .get_or_create(&l)
                .set(n.capacity.cpu_millis as f64 / 1000.0);
            g.cpu_used_cores
                .get_or_create(&l)
                .set(n.usage.cpu_millis as f64 / 1000.0);
            g.memory_capacity_bytes
                .get_or_create(&l)
                .set(to_i64(n.capacity.memory_bytes));
            g.memory_used_bytes
                .get_or_create(&l)
                .set(to_i64(n.usage.memory_bytes));
            g.gpu_capacity
                .get_or_create(&l)
                .set(i64::from(n.capacity.gpu));
            g.gpu_used.get_or_create(&l).set(i64::from(n.usage.gpu));
            g.slots_capacity
                .get_or_create(&l)
                .set(i64::from(n.capacity.slots));
            g.slots_used.get_or_create(&l).set(i64::from(n.usage.slots));
            g.up.get_or_create(&l).set(i64::from(n.alive));
        }
        self.nodes_shown = now;
    }
}

fn to_i64(v: u64) -> i64 {
    i64::try_from(v).unwrap_or(i64::MAX)
}

/// Samples every `probe.interval` until the task is dropped, publishing readiness to `shared`.
pub async fn run_sampler(probe: Probe, shared: SharedReadiness) {
    let mut sampler = Sampler::default();
    let mut tick = tokio::time::interval(probe.interval);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tick.tick().await;
        let readiness = sampler.sample(&probe).await;
        if let Ok(mut r) = shared.lock() {
            *r = readiness;
        }
    }
}
