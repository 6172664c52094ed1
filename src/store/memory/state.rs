//! The in-memory state behind the lock, and the steps every operation shares: state transitions with their events, queue membership, releasing a node's reservation, recovery, policy changes.

use std::collections::{BTreeMap, BTreeSet, HashMap, VecDeque};
use std::time::{Duration, Instant};

use tokio::sync::mpsc;

use super::MemoryStore;
use crate::store::keys::queue_score;
use crate::store::*;

#[derive(Default)]
pub(super) struct NodeEntry {
    pub(super) labels: BTreeMap<String, String>,
    /// The labels the last heartbeat declared (the agent's `--labels`).
    pub(super) declared: BTreeMap<String, String>,
    /// `node label` edits since this incarnation began: a value, or `None` for a removed key.
    pub(super) label_edits: BTreeMap<String, Option<String>>,
    pub(super) capacity: Resources,
    pub(super) usage: Resources,
    pub(super) draining: bool,
    pub(super) version: String,
    pub(super) last_heartbeat: i64,
    pub(super) ttl_ms: i64,
    pub(super) expires_at: i64,
    pub(super) runs: BTreeSet<String>,
    pub(super) releases: u64,
    /// Bumped by every heartbeat: what schedulers watch (see `Store::node_leases`).
    pub(super) beats: u64,
}

impl NodeEntry {
    pub(super) fn alive(&self, now: i64) -> bool {
        now < self.expires_at
    }
}

#[derive(Default)]
pub(super) struct Inner {
    pub(super) runs: BTreeMap<String, Run>,
    /// Runs per state, kept in step with every transition (O(1) counts, like ZCARD).
    pub(super) counts: HashMap<RunState, u64>,
    pub(super) reserved: HashMap<String, Resources>,
    pub(super) run_events: HashMap<String, VecDeque<Event>>,
    /// (score, id) ordered like the Redis sorted set.
    pub(super) queue: BTreeSet<(u64, String)>,
    pub(super) leases: HashMap<String, i64>,
    pub(super) pending: BTreeMap<String, i64>,
    pub(super) dead: BTreeMap<String, i64>,
    pub(super) dead_order: BTreeSet<(i64, String)>,
    pub(super) paused: bool,
    pub(super) nodes: BTreeMap<String, NodeEntry>,
    pub(super) events: VecDeque<Event>,
    pub(super) event_seq: u64,
    pub(super) policies: BTreeMap<String, String>,
    pub(super) policy_version: u64,
    pub(super) policy_history: VecDeque<PolicyChange>,
    pub(super) policy_watchers: Vec<mpsc::Sender<u64>>,
    /// Per node: the wake-up counter its agent watches (see `Store::wake_nodes`).
    pub(super) node_wakes: HashMap<String, tokio::sync::watch::Sender<u64>>,
    /// The submit wake-up counter schedulers watch (see `Store::queue_wakeups`), once watched.
    pub(super) queue_wake: Option<tokio::sync::watch::Sender<u64>>,
    /// Scheduler announcements with the time they expire (ms).
    pub(super) schedulers: BTreeMap<String, (SchedulerInfo, i64)>,
    /// The cell's window for finished runs (ms), when one was stored.
    pub(super) retain_finished_ms: Option<u64>,
    /// Finished runs under the cell's window, by finish time (like the Redis sorted set).
    pub(super) finished: BTreeSet<(i64, String)>,
    /// Finished runs with their own `ttlAfterFinished`, by expiry time.
    pub(super) finished_ttl: BTreeSet<(i64, String)>,
    /// Where each finished run is indexed: (own ttl?, score).
    pub(super) finished_at: HashMap<String, (bool, i64)>,
    /// Idempotency keys: key → (content hash, run id, expiry ms).
    pub(super) idempotency: HashMap<String, (String, String, i64)>,
}

pub(super) fn qkey(priority: u32) -> u64 {
    queue_score(priority) as u64
}

impl Inner {
    pub(super) fn push_event(&mut self, settings: &StoreSettings, mut ev: Event, per_run: bool) {
        self.event_seq += 1;
        // Keep ids increasing like a Redis stream's: time never goes backwards.
        if let Some(last) = self.events.back() {
            ev.at = ev.at.max(last.at);
        }
        ev.id = format!("{}-{}", ev.at, self.event_seq);
        if per_run {
            if let Some(run) = &ev.run {
                let list = self.run_events.entry(run.clone()).or_default();
                list.push_back(ev.clone());
                while list.len() as u64 > settings.run_events_cap {
                    list.pop_front();
                }
            }
        }
        self.events.push_back(ev);
        while self.events.len() as u64 > settings.events_cap {
            self.events.pop_front();
        }
    }

    /// Moves a run to `to`, appending the transition event.
    pub(super) fn set_state(
        &mut self,
        settings: &StoreSettings,
        id: &str,
        to: RunState,
        now: i64,
        message: Option<String>,
    ) {
        let Some(run) = self.runs.get_mut(id) else {
            return;
        };
        let from = run.state;
        run.state = to;
        run.updated_at = now;
        run.message = message.clone();
        let node = run.node.clone();
        let own_ttl = run.spec.ttl_after_finished_ms;
        if to.is_terminal() && !from.is_terminal() {
            self.mark_finished(id, now, own_ttl);
        } else if from.is_terminal() && !to.is_terminal() {
            self.unmark_finished(id);
        }
        let c = self.counts.entry(from).or_default();
        *c = c.saturating_sub(1);
        *self.counts.entry(to).or_default() += 1;
        self.push_event(
            settings,
            Event {
                id: String::new(),
                at: now,
                kind: "run".into(),
                run: Some(id.to_string()),
                from: Some(from.as_str().into()),
                to: Some(to.as_str().into()),
                node,
                message,
            },
            true,
        );
    }

    /// A run that just finished joins a retention index (see the Redis prelude's `mark_finished`).
    pub(super) fn mark_finished(&mut self, id: &str, now: i64, own_ttl: Option<u64>) {
        self.unmark_finished(id);
        let entry = match own_ttl {
            Some(ttl) => (
                true,
                now.saturating_add(i64::try_from(ttl).unwrap_or(i64::MAX)),
            ),
            None => (false, now),
        };
        if entry.0 {
            self.finished_ttl.insert((entry.1, id.to_string()));
        } else {
            self.finished.insert((entry.1, id.to_string()));
        }
        self.finished_at.insert(id.to_string(), entry);
    }

    pub(super) fn unmark_finished(&mut self, id: &str) {
        if let Some((own, score)) = self.finished_at.remove(id) {
            let set = if own {
                &mut self.finished_ttl
            } else {
                &mut self.finished
            };
            set.remove(&(score, id.to_string()));
        }
    }

    pub(super) fn enqueue(&mut self, id: &str) {
        if let Some(run) = self.runs.get(id) {
            self.queue.insert((qkey(run.priority), id.to_string()));
        }
    }

    pub(super) fn dequeue_everywhere(&mut self, id: &str) {
        if let Some(run) = self.runs.get(id) {
            self.queue.remove(&(qkey(run.priority), id.to_string()));
        }
        self.leases.remove(id);
        self.pending.remove(id);
    }

    /// Frees what run `id` reserved on its node; true when it held a place there.
    pub(super) fn release_node(&mut self, id: &str) -> bool {
        let node_name = self.runs.get(id).and_then(|r| r.node.clone());
        let reserved = self.reserved.remove(id).unwrap_or_default();
        let mut freed = false;
        if let Some(name) = node_name {
            if let Some(node) = self.nodes.get_mut(&name) {
                if node.runs.remove(id) {
                    freed = true;
                    node.releases += 1;
                    node.usage.cpu_millis =
                        node.usage.cpu_millis.saturating_sub(reserved.cpu_millis);
                    node.usage.memory_bytes = node
                        .usage
                        .memory_bytes
                        .saturating_sub(reserved.memory_bytes);
                    node.usage.gpu = node.usage.gpu.saturating_sub(reserved.gpu);
                    node.usage.slots = node.usage.slots.saturating_sub(reserved.slots);
                }
            }
        }
        freed
    }

    /// Moves up to `max` parked (pending) runs back to the queue, the longest parked first.
    /// Returns how many moved.
    pub(super) fn requeue_parked(&mut self, max: usize) -> usize {
        if max == 0 || self.pending.is_empty() {
            return 0;
        }
        // The `max` longest parked, found in one pass (a finish calls this with a small `max`
        // while thousands may be parked).
        let mut parked: Vec<(i64, &String)> = self.pending.iter().map(|(id, t)| (*t, id)).collect();
        if parked.len() > max {
            parked.select_nth_unstable(max);
            parked.truncate(max);
        }
        parked.sort();
        let ids: Vec<String> = parked.into_iter().map(|(_, id)| id.clone()).collect();
        for id in &ids {
            self.pending.remove(id);
            self.enqueue(id);
        }
        ids.len()
    }

    pub(super) fn delete_run(&mut self, id: &str) {
        self.dequeue_everywhere(id);
        if let Some(t) = self.dead.remove(id) {
            self.dead_order.remove(&(t, id.to_string()));
        }
        if let Some(run) = self.runs.remove(id) {
            if let Some(c) = self.counts.get_mut(&run.state) {
                *c = c.saturating_sub(1);
            }
            if let Some(k) = &run.idempotency_key {
                if self.idempotency.get(k).is_some_and(|(_, rid, _)| rid == id) {
                    self.idempotency.remove(k);
                }
            }
        }
        self.run_events.remove(id);
        self.reserved.remove(id);
        self.unmark_finished(id);
    }

    /// A run whose node is gone: `lost`, then requeued or dead-lettered.
    pub(super) fn recover(
        &mut self,
        settings: &StoreSettings,
        id: &str,
        reason: &str,
        max_attempts: u32,
        now: i64,
    ) -> Option<Recovery> {
        let state = self.runs.get(id)?.state;
        if !matches!(state, RunState::Scheduled | RunState::Running) {
            return None;
        }
        self.release_node(id);
        self.set_state(settings, id, RunState::Lost, now, Some(reason.to_string()));
        let run = self.runs.get_mut(id)?;
        run.node = None;
        let attempts = run.attempts;
        if attempts.saturating_sub(run.attempts_base) >= max_attempts {
            self.set_state(
                settings,
                id,
                RunState::Dead,
                now,
                Some(format!("dead-lettered after {attempts} attempts: {reason}")),
            );
            self.dead.insert(id.to_string(), now);
            self.dead_order.insert((now, id.to_string()));
            self.trim_dead(settings);
            Some(Recovery::DeadLettered {
                id: id.to_string(),
                attempts,
            })
        } else {
            self.set_state(
                settings,
                id,
                RunState::Queued,
                now,
                Some(format!("requeued: {reason}")),
            );
            self.enqueue(id);
            Some(Recovery::Requeued {
                id: id.to_string(),
                attempts,
            })
        }
    }

    pub(super) fn trim_dead(&mut self, settings: &StoreSettings) {
        while self.dead.len() as u64 > settings.dead_letter_cap {
            let Some((_, id)) = self.dead_order.iter().next().cloned() else {
                break;
            };
            self.delete_run(&id);
        }
    }

    pub(super) fn node_view(&self, name: &str, e: &NodeEntry, now: i64) -> Node {
        Node {
            name: name.to_string(),
            labels: e.labels.clone(),
            capacity: e.capacity,
            usage: e.usage,
            draining: e.draining,
            version: e.version.clone(),
            last_heartbeat: e.last_heartbeat,
            // Rounded up: a sub-second TTL must not read as already expired.
            ttl_secs: (e.ttl_ms.max(0) as u64).div_ceil(1000),
            alive: e.alive(now),
            releases: e.releases,
        }
    }

    /// Schedulers whose announcement has not expired, oldest first.
    pub(super) fn live_schedulers(&self, now: i64) -> Vec<SchedulerInfo> {
        let mut out: Vec<SchedulerInfo> = self
            .schedulers
            .values()
            .filter(|(_, expires)| *expires > now)
            .map(|(info, _)| info.clone())
            .collect();
        out.sort_by(|a, b| (a.started_at, &a.id).cmp(&(b.started_at, &b.id)));
        out
    }

    pub(super) fn record_policy_change(
        &mut self,
        settings: &StoreSettings,
        who: &str,
        action: &str,
        names: Vec<String>,
        now: i64,
        history: History,
    ) -> PolicyWrite {
        self.policy_version += 1;
        let version = self.policy_version;
        let entry = PolicyChange {
            version,
            at: now,
            who: who.to_string(),
            action: action.to_string(),
            names: names.clone(),
            snapshot: self.policies.clone(),
        };
        if history == History::Keep {
            self.policy_history.push_front(entry);
            while self.policy_history.len() as u64 > settings.policy_history_cap {
                self.policy_history.pop_back();
            }
            // Beyond the newest entry, at most `policy_history_bytes` (sized as Redis stores them).
            let mut total = 0u64;
            let mut keep = 0;
            for (i, e) in self.policy_history.iter().enumerate() {
                total += serde_json::to_string(e).map_or(0, |t| t.len() as u64);
                if i > 0 && total > settings.policy_history_bytes {
                    break;
                }
                keep = i + 1;
            }
            self.policy_history.truncate(keep);
        }
        self.push_event(
            settings,
            Event {
                id: String::new(),
                at: now,
                kind: "policy".into(),
                run: None,
                from: None,
                to: Some(format!("v{version}")),
                node: None,
                message: Some(format!("{action} {} by {who}", names.join(","))),
            },
            false,
        );
        self.policy_watchers
            .retain(|w| w.try_send(version).is_ok() || !w.is_closed());
        PolicyWrite {
            version,
            changed: true,
        }
    }

    /// The answer to a Themis change that would store what is stored already.
    pub(super) fn unchanged(&self) -> PolicyWrite {
        PolicyWrite {
            version: self.policy_version,
            changed: false,
        }
    }
}

impl Inner {
    /// Records an event about a run that is not a transition (a stale outcome).
    pub(super) fn note(
        &mut self,
        settings: &StoreSettings,
        id: &str,
        kind: &str,
        node: &str,
        message: String,
        now: i64,
    ) {
        self.push_event(
            settings,
            Event {
                id: String::new(),
                at: now,
                kind: kind.to_string(),
                run: Some(id.to_string()),
                from: None,
                to: None,
                node: Some(node.to_string()),
                message: Some(message),
            },
            true,
        );
    }

    /// Whether `attempt` on `node` is the run's current placement; when it is not, records the
    /// stale outcome `what` as an event on the run. False for an unknown run.
    pub(super) fn is_current(
        &mut self,
        settings: &StoreSettings,
        id: &str,
        node: &str,
        attempt: u32,
        what: &str,
        now: i64,
    ) -> bool {
        let Some(run) = self.runs.get(id) else {
            return false;
        };
        if run.node.as_deref() == Some(node) && run.attempts == attempt {
            return true;
        }
        let message = format!(
            "stale outcome from attempt {attempt} on node {node}: {what}; the run is {} at attempt {}",
            run.state, run.attempts
        );
        self.note(settings, id, "stale", node, message, now);
        false
    }
}

pub(super) fn conflict(id: &str, actual: RunState, expected: &str) -> StoreError {
    StoreError::Conflict {
        id: id.to_string(),
        actual: actual.as_str().to_string(),
        expected: expected.to_string(),
    }
}

/// The lock's round trip (the in-memory store's ping).
pub(super) async fn ping(store: &MemoryStore) -> StoreResult<Duration> {
    let t = Instant::now();
    drop(store.lock());
    let _ = store.started;
    Ok(t.elapsed())
}
