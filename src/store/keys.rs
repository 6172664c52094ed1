//! The Redis key layout, in one place (the README's key table is written from this file).

use crate::model::run::RunState;
use crate::model::spec::limits::MAX_PRIORITY;

/// Key names for one deployment. The queue key is configurable (`REDIS_QUEUE_KEY`); its
/// companions hang off it so that two queues never share leases or dead letters.
#[derive(Clone, Debug)]
pub struct Keys {
    pub prefix: String,
    pub queue: String,
}

impl Keys {
    pub fn new(queue: &str) -> Keys {
        Keys {
            prefix: "tartarus".to_string(),
            queue: queue.to_string(),
        }
    }
    /// Hash: one run.
    pub fn run(&self, id: &str) -> String {
        format!("{}:run:{id}", self.prefix)
    }
    /// List: a run's recent events (JSON), capped.
    pub fn run_events(&self, id: &str) -> String {
        format!("{}:run:{id}:events", self.prefix)
    }
    /// Sorted set (all scores 0, members ULIDs, so lexical order is creation order): every run.
    pub fn runs(&self) -> String {
        format!("{}:runs", self.prefix)
    }
    /// Sorted set, same shape: the runs in one state (ZCARD is the O(1) count).
    pub fn state(&self, state: RunState) -> String {
        format!("{}:runs:{}", self.prefix, state.as_str())
    }
    /// All state index keys in `RunState::ALL` order.
    pub fn all_states(&self) -> Vec<String> {
        RunState::ALL.iter().map(|s| self.state(*s)).collect()
    }
    /// Sorted set: Acheron, score = MAX_PRIORITY - priority (lowest first), ties by id = FIFO.
    pub fn queue(&self) -> String {
        self.queue.clone()
    }
    /// Sorted set: claimed runs by lease deadline (ms).
    pub fn leases(&self) -> String {
        format!("{}:leases", self.queue)
    }
    /// Sorted set: runs waiting for a feasible node, by time parked (ms).
    pub fn pending(&self) -> String {
        format!("{}:pending", self.queue)
    }
    /// Sorted set: dead letters by time (ms), capped.
    pub fn dead(&self) -> String {
        format!("{}:dead", self.queue)
    }
    /// String: present while the queue is paused.
    pub fn paused(&self) -> String {
        format!("{}:paused", self.queue)
    }
    /// Hash with TTL: one node (labels, capacity, usage, heartbeat).
    pub fn node(&self, name: &str) -> String {
        format!("{}:node:{name}", self.prefix)
    }
    /// Set: the runs placed on a node.
    pub fn node_runs(&self, name: &str) -> String {
        format!("{}:node:{name}:runs", self.prefix)
    }
    /// Set: every known node name.
    pub fn nodes(&self) -> String {
        format!("{}:nodes", self.prefix)
    }
    /// Hash with TTL: one live scheduler (host, pid, version, started_at, last_beat, ttl_ms).
    pub fn scheduler(&self, id: &str) -> String {
        format!("{}:scheduler:{id}", self.prefix)
    }
    /// Sorted set: scheduler ids by the deadline of their last announcement (ms); an index only,
    /// the hash's TTL decides who is alive.
    pub fn schedulers(&self) -> String {
        format!("{}:schedulers", self.prefix)
    }
    /// Stream: run and policy events, capped.
    pub fn events(&self) -> String {
        format!("{}:events", self.prefix)
    }
    /// Hash: Themis policy name → JSON document.
    pub fn policies(&self) -> String {
        "themis:policies".to_string()
    }
    /// String counter: Themis version.
    pub fn policy_version(&self) -> String {
        "themis:policies:version".to_string()
    }
    /// List: Themis history (newest first), capped.
    pub fn policy_history(&self) -> String {
        "themis:policies:history".to_string()
    }
    /// Pub/sub channel: new Themis versions.
    pub fn policy_channel(&self) -> String {
        "themis:policies:changed".to_string()
    }
}

/// Queue score for a priority: higher priority → lower score → claimed first.
pub fn queue_score(priority: u32) -> f64 {
    f64::from(MAX_PRIORITY.saturating_sub(priority.min(MAX_PRIORITY)))
}
