//! The Redis key layout, in one place (the README's key table is written from this file).
//!
//! Every key name tartarus uses — Hades, Acheron, nodes, schedulers, events, Themis, and the
//! patterns that cover them all (logical backups, the bench's cleanup) — comes from [`Keys`],
//! and every one of them derives from a single [`Namespace`] value plus the queue key.

use crate::model::run::RunState;
use crate::model::spec::limits::MAX_PRIORITY;

/// Where one deployment's keys live; the one value every key name derives from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Namespace {
    /// The production layout: `tartarus:*` for runs, queue, nodes, schedulers and events,
    /// `themis:*` for policies.
    Default,
    /// Everything under one prefix: `PREFIX:*`, with policies at `PREFIX:themis:*`. For work
    /// that must never touch a live deployment's keys (`tartarus bench`).
    Isolated(String),
}

impl Namespace {
    /// The prefix of Hades, Acheron, node, scheduler and event keys.
    pub fn core(&self) -> String {
        match self {
            Namespace::Default => "tartarus".to_string(),
            Namespace::Isolated(prefix) => prefix.clone(),
        }
    }

    /// The prefix of Themis keys.
    pub fn themis(&self) -> String {
        match self {
            Namespace::Default => "themis".to_string(),
            Namespace::Isolated(prefix) => format!("{prefix}:themis"),
        }
    }
}

/// Key names for one deployment. The queue key is configurable (`REDIS_QUEUE_KEY`); its
/// companions hang off it so that two queues never share leases or dead letters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Keys {
    namespace: Namespace,
    prefix: String,
    themis: String,
    queue: String,
}

impl Default for Keys {
    /// The production layout with the default queue key.
    fn default() -> Keys {
        Keys::new(crate::config::DEFAULT_QUEUE_KEY)
    }
}

impl Keys {
    /// The production layout with this queue key.
    pub fn new(queue: &str) -> Keys {
        Keys::with_namespace(Namespace::Default, queue)
    }

    /// Everything under `prefix:`, the queue at `prefix:queue`.
    pub fn isolated(prefix: &str) -> Keys {
        Keys::with_namespace(
            Namespace::Isolated(prefix.to_string()),
            &format!("{prefix}:queue"),
        )
    }

    pub fn with_namespace(namespace: Namespace, queue: &str) -> Keys {
        Keys {
            prefix: namespace.core(),
            themis: namespace.themis(),
            namespace,
            queue: queue.to_string(),
        }
    }

    pub fn namespace(&self) -> &Namespace {
        &self.namespace
    }

    /// SCAN `MATCH` patterns that together cover every key of this layout (and nothing of
    /// another deployment's): what a logical backup takes by default, and what the bench
    /// deletes when it is done. The queue key is added when it lies outside the prefix.
    pub fn backup_patterns(&self) -> Vec<String> {
        let mut out = vec![format!("{}:*", glob_escape(&self.prefix))];
        if !self.themis.starts_with(&format!("{}:", self.prefix)) {
            out.push(format!("{}:*", glob_escape(&self.themis)));
        }
        if !self.queue.starts_with(&format!("{}:", self.prefix)) {
            let queue = glob_escape(&self.queue);
            out.push(queue.clone());
            out.push(format!("{queue}:*"));
        }
        out
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
    /// String (JSON): the verdict of the last `verify persistence` (persisted or not, when, how),
    /// read by `tartarus metrics --textfile`.
    pub fn persistence_verdict(&self) -> String {
        format!("{}:health:persistence", self.prefix)
    }
    /// List, newest first, capped: `<unix ms> <used_memory> <used_memory_dataset>` samples that
    /// `redis health` and `metrics --textfile` append, for the memory forecast.
    pub fn memory_samples(&self) -> String {
        format!("{}:health:memory", self.prefix)
    }
    /// Hash: Themis policy name → JSON document.
    pub fn policies(&self) -> String {
        format!("{}:policies", self.themis)
    }
    /// String counter: Themis version.
    pub fn policy_version(&self) -> String {
        format!("{}:policies:version", self.themis)
    }
    /// List: Themis history (newest first), capped.
    pub fn policy_history(&self) -> String {
        format!("{}:policies:history", self.themis)
    }
    /// Pub/sub channel: new Themis versions.
    pub fn policy_channel(&self) -> String {
        format!("{}:policies:changed", self.themis)
    }
}

/// Escapes the glob characters of a literal key for a SCAN `MATCH` pattern.
fn glob_escape(key: &str) -> String {
    let mut out = String::with_capacity(key.len());
    for c in key.chars() {
        if matches!(c, '*' | '?' | '[' | ']' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Queue score for a priority: higher priority → lower score → claimed first.
pub fn queue_score(priority: u32) -> f64 {
    f64::from(MAX_PRIORITY.saturating_sub(priority.min(MAX_PRIORITY)))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The default layout is byte-identical to the one every deployment already has in Redis.
    #[test]
    fn default_layout_is_unchanged() {
        let k = Keys::default();
        assert_eq!(
            [
                k.run("R"),
                k.run_events("R"),
                k.runs(),
                k.state(RunState::TimedOut),
                k.queue(),
                k.leases(),
                k.pending(),
                k.dead(),
                k.paused(),
                k.node("n"),
                k.node_runs("n"),
                k.nodes(),
                k.events(),
                k.policies(),
                k.policy_version(),
                k.policy_history(),
                k.policy_channel(),
            ],
            [
                "tartarus:run:R",
                "tartarus:run:R:events",
                "tartarus:runs",
                "tartarus:runs:timed_out",
                "tartarus:queue",
                "tartarus:queue:leases",
                "tartarus:queue:pending",
                "tartarus:queue:dead",
                "tartarus:queue:paused",
                "tartarus:node:n",
                "tartarus:node:n:runs",
                "tartarus:nodes",
                "tartarus:events",
                "themis:policies",
                "themis:policies:version",
                "themis:policies:history",
                "themis:policies:changed",
            ]
        );
        assert_eq!(k.backup_patterns(), ["tartarus:*", "themis:*"]);
    }

    /// One value moves every key: an isolated layout has nothing outside its prefix.
    #[test]
    fn isolated_layout_keeps_every_key_under_its_prefix() {
        let k = Keys::isolated("tartarus-bench");
        let all = [
            k.run("R"),
            k.run_events("R"),
            k.runs(),
            k.state(RunState::Queued),
            k.queue(),
            k.leases(),
            k.pending(),
            k.dead(),
            k.paused(),
            k.node("n"),
            k.node_runs("n"),
            k.nodes(),
            k.scheduler("s"),
            k.schedulers(),
            k.events(),
            k.persistence_verdict(),
            k.memory_samples(),
            k.policies(),
            k.policy_version(),
            k.policy_history(),
            k.policy_channel(),
        ];
        for key in &all {
            assert!(key.starts_with("tartarus-bench:"), "{key}");
        }
        assert_eq!(k.policies(), "tartarus-bench:themis:policies");
        assert_eq!(k.backup_patterns(), ["tartarus-bench:*"]);
    }

    #[test]
    fn a_queue_key_outside_the_prefix_is_covered_escaped() {
        assert_eq!(
            Keys::new("jobs[1]").backup_patterns(),
            ["tartarus:*", "themis:*", "jobs\\[1\\]", "jobs\\[1\\]:*"]
        );
    }
}
