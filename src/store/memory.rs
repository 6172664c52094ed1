//! The in-memory backend: the same contract as Redis, for development and the all-in-one `up` (state is lost on exit).

use std::collections::{BTreeMap, BTreeSet, HashMap, VecDeque};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use async_trait::async_trait;
use tokio::sync::{mpsc, Notify};

use super::keys::queue_score;
use super::*;
use crate::model::now_ms;

#[derive(Default)]
struct NodeEntry {
    labels: BTreeMap<String, String>,
    capacity: Resources,
    usage: Resources,
    draining: bool,
    version: String,
    last_heartbeat: i64,
    ttl_ms: i64,
    expires_at: i64,
    runs: BTreeSet<String>,
    releases: u64,
}

impl NodeEntry {
    fn alive(&self, now: i64) -> bool {
        now < self.expires_at
    }
}

#[derive(Default)]
struct Inner {
    runs: BTreeMap<String, Run>,
    /// Runs per state, kept in step with every transition (O(1) counts, like ZCARD).
    counts: HashMap<RunState, u64>,
    reserved: HashMap<String, Resources>,
    run_events: HashMap<String, VecDeque<Event>>,
    /// (score, id) ordered like the Redis sorted set.
    queue: BTreeSet<(u64, String)>,
    leases: HashMap<String, i64>,
    pending: BTreeMap<String, i64>,
    dead: BTreeMap<String, i64>,
    dead_order: BTreeSet<(i64, String)>,
    paused: bool,
    nodes: BTreeMap<String, NodeEntry>,
    events: VecDeque<Event>,
    event_seq: u64,
    policies: BTreeMap<String, String>,
    policy_version: u64,
    policy_history: VecDeque<PolicyChange>,
    policy_watchers: Vec<mpsc::Sender<u64>>,
    /// Scheduler announcements with the time they expire (ms).
    schedulers: BTreeMap<String, (SchedulerInfo, i64)>,
}

/// The in-memory store. Cheap to clone (shared state).
#[derive(Clone)]
pub struct MemoryStore {
    inner: Arc<Mutex<Inner>>,
    settings: StoreSettings,
    new_events: Arc<Notify>,
    started: Instant,
}

impl Default for MemoryStore {
    fn default() -> Self {
        MemoryStore::new(StoreSettings::default())
    }
}

fn qkey(priority: u32) -> u64 {
    queue_score(priority) as u64
}

impl MemoryStore {
    pub fn new(settings: StoreSettings) -> MemoryStore {
        MemoryStore {
            inner: Arc::new(Mutex::new(Inner::default())),
            settings,
            new_events: Arc::new(Notify::new()),
            started: Instant::now(),
        }
    }

    fn lock(&self) -> MutexGuard<'_, Inner> {
        // A panic while holding the lock cannot leave a half-applied step visible to the
        // contract (each step is computed before it is written), so poisoning is ignored.
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }
}

impl Inner {
    fn push_event(&mut self, settings: &StoreSettings, mut ev: Event, per_run: bool) {
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
    fn set_state(
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

    fn enqueue(&mut self, id: &str) {
        if let Some(run) = self.runs.get(id) {
            self.queue.insert((qkey(run.priority), id.to_string()));
        }
    }

    fn dequeue_everywhere(&mut self, id: &str) {
        if let Some(run) = self.runs.get(id) {
            self.queue.remove(&(qkey(run.priority), id.to_string()));
        }
        self.leases.remove(id);
        self.pending.remove(id);
    }

    fn release_node(&mut self, id: &str) {
        let node_name = self.runs.get(id).and_then(|r| r.node.clone());
        let reserved = self.reserved.remove(id).unwrap_or_default();
        if let Some(name) = node_name {
            if let Some(node) = self.nodes.get_mut(&name) {
                if node.runs.remove(id) {
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
    }

    fn delete_run(&mut self, id: &str) {
        self.dequeue_everywhere(id);
        if let Some(t) = self.dead.remove(id) {
            self.dead_order.remove(&(t, id.to_string()));
        }
        if let Some(run) = self.runs.remove(id) {
            if let Some(c) = self.counts.get_mut(&run.state) {
                *c = c.saturating_sub(1);
            }
        }
        self.run_events.remove(id);
        self.reserved.remove(id);
    }

    /// A run whose node is gone: `lost`, then requeued or dead-lettered.
    fn recover(
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
        if attempts >= max_attempts {
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

    fn trim_dead(&mut self, settings: &StoreSettings) {
        while self.dead.len() as u64 > settings.dead_letter_cap {
            let Some((_, id)) = self.dead_order.iter().next().cloned() else {
                break;
            };
            self.delete_run(&id);
        }
    }

    fn node_view(&self, name: &str, e: &NodeEntry, now: i64) -> Node {
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
    fn live_schedulers(&self, now: i64) -> Vec<SchedulerInfo> {
        let mut out: Vec<SchedulerInfo> = self
            .schedulers
            .values()
            .filter(|(_, expires)| *expires > now)
            .map(|(info, _)| info.clone())
            .collect();
        out.sort_by(|a, b| (a.started_at, &a.id).cmp(&(b.started_at, &b.id)));
        out
    }

    fn record_policy_change(
        &mut self,
        settings: &StoreSettings,
        who: &str,
        action: &str,
        names: Vec<String>,
        now: i64,
        history: History,
    ) -> u64 {
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
        version
    }
}

fn conflict(id: &str, actual: RunState, expected: &str) -> StoreError {
    StoreError::Conflict {
        id: id.to_string(),
        actual: actual.as_str().to_string(),
        expected: expected.to_string(),
    }
}

#[async_trait]
impl Store for MemoryStore {
    fn backend_name(&self) -> &'static str {
        "in-memory"
    }

    async fn ping(&self) -> StoreResult<Duration> {
        let t = Instant::now();
        drop(self.lock());
        let _ = self.started;
        Ok(t.elapsed())
    }

    async fn submit(&self, runs: &[Run]) -> StoreResult<()> {
        let mut g = self.lock();
        let now = now_ms();
        for run in runs {
            let mut run = run.clone();
            run.state = RunState::Queued;
            let id = run.id.clone();
            if let Some(old) = g.runs.insert(id.clone(), run) {
                let c = g.counts.entry(old.state).or_default();
                *c = c.saturating_sub(1);
            }
            *g.counts.entry(RunState::Queued).or_default() += 1;
            g.enqueue(&id);
            g.push_event(
                &self.settings,
                Event {
                    id: String::new(),
                    at: now,
                    kind: "run".into(),
                    run: Some(id),
                    from: None,
                    to: Some("queued".into()),
                    node: None,
                    message: None,
                },
                false,
            );
        }
        drop(g);
        self.new_events.notify_waiters();
        Ok(())
    }

    async fn get_run(&self, id: &str) -> StoreResult<Option<Run>> {
        Ok(self.lock().runs.get(id).cloned())
    }

    async fn get_runs(&self, ids: &[String]) -> StoreResult<Vec<Option<Run>>> {
        let g = self.lock();
        Ok(ids.iter().map(|id| g.runs.get(id).cloned()).collect())
    }

    async fn list_runs(
        &self,
        filter: &RunFilter,
        cursor: Option<&str>,
        limit: usize,
    ) -> StoreResult<RunPage> {
        let g = self.lock();
        let mut runs = Vec::new();
        let mut next_cursor = None;
        let range = match cursor {
            Some(c) => g
                .runs
                .range::<str, _>((std::ops::Bound::Excluded(c), std::ops::Bound::Unbounded)),
            None => g.runs.range::<str, _>(..),
        };
        for (id, run) in range {
            if !filter.matches(run) {
                continue;
            }
            if runs.len() == limit {
                next_cursor = runs.last().map(|r: &Run| r.id.clone());
                break;
            }
            let _ = id;
            runs.push(run.clone());
        }
        Ok(RunPage { runs, next_cursor })
    }

    async fn state_counts(&self) -> StoreResult<BTreeMap<RunState, u64>> {
        let g = self.lock();
        Ok(RunState::ALL
            .iter()
            .map(|s| (*s, g.counts.get(s).copied().unwrap_or(0)))
            .collect())
    }

    async fn cancel(&self, id: &str, message: &str) -> StoreResult<Run> {
        let mut g = self.lock();
        let state = g
            .runs
            .get(id)
            .map(|r| r.state)
            .ok_or_else(|| StoreError::RunNotFound(id.to_string()))?;
        if state.is_terminal() {
            return Err(conflict(id, state, "not yet finished"));
        }
        let now = now_ms();
        g.dequeue_everywhere(id);
        g.release_node(id);
        g.set_state(
            &self.settings,
            id,
            RunState::Cancelled,
            now,
            Some(message.to_string()),
        );
        if let Some(run) = g.runs.get_mut(id) {
            run.finished_at = Some(now);
        }
        let run = g
            .runs
            .get(id)
            .cloned()
            .ok_or_else(|| StoreError::RunNotFound(id.to_string()))?;
        drop(g);
        self.new_events.notify_waiters();
        Ok(run)
    }

    async fn run_events(&self, id: &str) -> StoreResult<Vec<Event>> {
        Ok(self
            .lock()
            .run_events
            .get(id)
            .map(|l| l.iter().cloned().collect())
            .unwrap_or_default())
    }

    async fn latest_event_id(&self) -> StoreResult<Option<String>> {
        Ok(self.lock().events.back().map(|e| e.id.clone()))
    }

    async fn read_events(
        &self,
        after: Option<&str>,
        count: usize,
        block: Duration,
    ) -> StoreResult<Vec<Event>> {
        // Ids compare like Redis stream ids: (ms, sequence).
        let key_of = |id: &str| -> (i64, u64) {
            let (ms, seq) = id.split_once('-').unwrap_or((id, "0"));
            (ms.parse().unwrap_or(0), seq.parse().unwrap_or(0))
        };
        let deadline = Instant::now() + block;
        let after_key = match after {
            Some(a) => key_of(a),
            None => self
                .lock()
                .events
                .back()
                .map(|e| key_of(&e.id))
                .unwrap_or((0, 0)),
        };
        loop {
            let notified = self.new_events.notified();
            {
                let g = self.lock();
                let out: Vec<Event> = g
                    .events
                    .iter()
                    .filter(|e| key_of(&e.id) > after_key)
                    .take(count)
                    .cloned()
                    .collect();
                if !out.is_empty() || Instant::now() >= deadline {
                    return Ok(out);
                }
            }
            let _ =
                tokio::time::timeout(deadline.saturating_duration_since(Instant::now()), notified)
                    .await;
        }
    }

    async fn claim(&self, max: usize, lease: Duration) -> StoreResult<Vec<Claim>> {
        let mut g = self.lock();
        if g.paused {
            return Ok(Vec::new());
        }
        let deadline = now_ms() + ms(lease);
        let mut out = Vec::new();
        while out.len() < max {
            let Some(first) = g.queue.iter().next().cloned() else {
                break;
            };
            g.queue.remove(&first);
            g.leases.insert(first.1.clone(), deadline);
            out.push(Claim {
                id: first.1,
                lease_deadline_ms: deadline,
            });
        }
        Ok(out)
    }

    async fn extend_leases(&self, ids: &[String], lease: Duration) -> StoreResult<()> {
        let mut g = self.lock();
        let deadline = now_ms() + ms(lease);
        for id in ids {
            if let Some(d) = g.leases.get_mut(id) {
                *d = deadline;
            }
        }
        Ok(())
    }

    async fn release(&self, ids: &[String]) -> StoreResult<()> {
        let mut g = self.lock();
        for id in ids {
            if g.leases.remove(id).is_some() {
                g.enqueue(id);
            }
        }
        Ok(())
    }

    async fn reap_expired_leases(&self) -> StoreResult<Vec<String>> {
        let mut g = self.lock();
        let now = now_ms();
        let expired: Vec<String> = g
            .leases
            .iter()
            .filter(|(_, d)| **d <= now)
            .map(|(id, _)| id.clone())
            .collect();
        let mut out = Vec::new();
        for id in expired {
            g.leases.remove(&id);
            if g.runs.contains_key(&id) {
                g.enqueue(&id);
                out.push(id);
            }
        }
        out.sort();
        Ok(out)
    }

    async fn apply_outcomes(&self, outcomes: &[Outcome]) -> StoreResult<Vec<Applied>> {
        let mut g = self.lock();
        let now = now_ms();
        let mut results = Vec::with_capacity(outcomes.len());
        for o in outcomes {
            let id = o.id.as_str();
            let state = g.runs.get(id).map(|r| r.state);
            let claimed = g.leases.contains_key(id);
            let Some(state) =
                state.filter(|s| claimed && matches!(s, RunState::Queued | RunState::Pending))
            else {
                results.push(Applied::Stale);
                continue;
            };
            g.leases.remove(id);
            if let Some(run) = g.runs.get_mut(id) {
                run.verdict = Some(o.verdict);
                run.reasons = o.reasons.clone();
                run.policy_version = Some(o.policy_version);
                run.heat = Some(o.heat);
                run.quarantined = o.quarantined;
            }
            let applied = match &o.decision {
                Decision::Deny => {
                    g.set_state(&self.settings, id, RunState::Denied, now, o.message.clone());
                    if let Some(run) = g.runs.get_mut(id) {
                        run.finished_at = Some(now);
                    }
                    Applied::Done(RunState::Denied)
                }
                Decision::Reject => {
                    g.set_state(
                        &self.settings,
                        id,
                        RunState::Rejected,
                        now,
                        o.message.clone(),
                    );
                    if let Some(run) = g.runs.get_mut(id) {
                        run.finished_at = Some(now);
                    }
                    Applied::Done(RunState::Rejected)
                }
                Decision::Pending => {
                    let same = state == RunState::Pending
                        && g.runs.get(id).and_then(|r| r.message.clone()) == o.message;
                    if same {
                        if let Some(run) = g.runs.get_mut(id) {
                            run.updated_at = now;
                        }
                    } else {
                        g.set_state(
                            &self.settings,
                            id,
                            RunState::Pending,
                            now,
                            o.message.clone(),
                        );
                    }
                    g.pending.insert(id.to_string(), now);
                    Applied::Done(RunState::Pending)
                }
                Decision::Assign { node, want } => {
                    let fits = g.nodes.get(node).is_some_and(|n| {
                        n.alive(now) && !n.draining && n.capacity.fits(&n.usage, want)
                    });
                    if !fits {
                        g.enqueue(id);
                        Applied::NodeUnavailable
                    } else {
                        if let Some(n) = g.nodes.get_mut(node) {
                            n.usage.cpu_millis += want.cpu_millis;
                            n.usage.memory_bytes += want.memory_bytes;
                            n.usage.gpu += want.gpu;
                            n.usage.slots += want.slots;
                            n.runs.insert(id.to_string());
                        }
                        g.reserved.insert(id.to_string(), *want);
                        g.set_state(&self.settings, id, RunState::Admitted, now, None);
                        if let Some(run) = g.runs.get_mut(id) {
                            run.node = Some(node.clone());
                            run.attempts += 1;
                            run.message = None;
                        }
                        g.set_state(
                            &self.settings,
                            id,
                            RunState::Scheduled,
                            now,
                            o.message.clone(),
                        );
                        Applied::Done(RunState::Scheduled)
                    }
                }
            };
            results.push(applied);
        }
        drop(g);
        self.new_events.notify_waiters();
        Ok(results)
    }

    async fn wake_pending(&self, max: usize) -> StoreResult<u64> {
        let mut g = self.lock();
        let mut parked: Vec<(i64, String)> =
            g.pending.iter().map(|(id, t)| (*t, id.clone())).collect();
        parked.sort();
        let ids: Vec<String> = parked.into_iter().take(max).map(|(_, id)| id).collect();
        for id in &ids {
            g.pending.remove(id);
            g.enqueue(id);
        }
        Ok(ids.len() as u64)
    }

    async fn queue_stats(&self) -> StoreResult<QueueStats> {
        let counts = self.state_counts().await?;
        let g = self.lock();
        let head_age = g.queue.iter().next().and_then(|(_, id)| ulid_age(id));
        let schedulers = g.live_schedulers(now_ms());
        Ok(QueueStats {
            live_schedulers: schedulers.len() as u64,
            schedulers,
            queue_key: "memory".into(),
            depth: g.queue.len() as u64,
            in_flight: g.leases.len() as u64,
            pending: g.pending.len() as u64,
            dead: g.dead.len() as u64,
            paused: g.paused,
            oldest_age_ms: head_age,
            total_runs: g.runs.len() as u64,
            states: counts
                .into_iter()
                .map(|(s, n)| (s.as_str().to_string(), n))
                .collect(),
        })
    }

    async fn queue_entries(
        &self,
        which: QueueName,
        offset: usize,
        limit: usize,
    ) -> StoreResult<Vec<QueueEntry>> {
        let g = self.lock();
        let prio = |id: &str| g.runs.get(id).map(|r| r.priority);
        let mut out: Vec<QueueEntry> = match which {
            QueueName::Queued => g
                .queue
                .iter()
                .map(|(s, id)| QueueEntry {
                    id: id.clone(),
                    score: *s as f64,
                    priority: prio(id),
                })
                .collect(),
            QueueName::Leased => g
                .leases
                .iter()
                .map(|(id, d)| QueueEntry {
                    id: id.clone(),
                    score: *d as f64,
                    priority: prio(id),
                })
                .collect(),
            QueueName::Pending => g
                .pending
                .iter()
                .map(|(id, t)| QueueEntry {
                    id: id.clone(),
                    score: *t as f64,
                    priority: prio(id),
                })
                .collect(),
            QueueName::Dead => g
                .dead
                .iter()
                .map(|(id, t)| QueueEntry {
                    id: id.clone(),
                    score: *t as f64,
                    priority: prio(id),
                })
                .collect(),
        };
        if which != QueueName::Queued {
            out.sort_by(|a, b| a.score.total_cmp(&b.score).then_with(|| a.id.cmp(&b.id)));
        }
        Ok(out.into_iter().skip(offset).take(limit).collect())
    }

    async fn purge(&self, which: QueueName) -> StoreResult<u64> {
        let mut g = self.lock();
        let now = now_ms();
        let ids: Vec<String> = match which {
            QueueName::Queued => g.queue.iter().map(|(_, id)| id.clone()).collect(),
            QueueName::Leased => g.leases.keys().cloned().collect(),
            QueueName::Pending => g.pending.keys().cloned().collect(),
            QueueName::Dead => g.dead.keys().cloned().collect(),
        };
        for id in &ids {
            if which == QueueName::Dead {
                g.delete_run(id);
            } else {
                g.dequeue_everywhere(id);
                let msg = format!(
                    "purged from the {} list",
                    serde_json::to_string(&which)
                        .unwrap_or_default()
                        .trim_matches('"')
                );
                g.set_state(&self.settings, id, RunState::Cancelled, now, Some(msg));
                if let Some(run) = g.runs.get_mut(id) {
                    run.finished_at = Some(now);
                }
            }
        }
        Ok(ids.len() as u64)
    }

    async fn retry_dead(&self, ids: Option<&[String]>) -> StoreResult<u64> {
        let mut g = self.lock();
        let now = now_ms();
        let chosen: Vec<String> = match ids {
            Some(ids) => ids
                .iter()
                .filter(|id| g.dead.contains_key(*id))
                .cloned()
                .collect(),
            None => g.dead.keys().cloned().collect(),
        };
        for id in &chosen {
            if let Some(t) = g.dead.remove(id) {
                g.dead_order.remove(&(t, id.clone()));
            }
            if let Some(run) = g.runs.get_mut(id) {
                run.attempts = 0;
                run.node = None;
                run.finished_at = None;
            }
            g.set_state(
                &self.settings,
                id,
                RunState::Queued,
                now,
                Some("retried from dead letters".into()),
            );
            g.enqueue(id);
        }
        Ok(chosen.len() as u64)
    }

    async fn set_paused(&self, paused: bool) -> StoreResult<()> {
        self.lock().paused = paused;
        Ok(())
    }

    async fn heartbeat(&self, beat: &Heartbeat) -> StoreResult<()> {
        let mut g = self.lock();
        let now = now_ms();
        let ttl_ms = ms(beat.ttl);
        let entry = g.nodes.entry(beat.name.clone()).or_default();
        let fresh = !entry.alive(now);
        if fresh {
            entry.labels = beat.labels.clone();
        }
        entry.capacity = beat.capacity;
        entry.version = beat.version.clone();
        entry.last_heartbeat = now;
        entry.ttl_ms = ttl_ms;
        entry.expires_at = now + ttl_ms;
        Ok(())
    }

    async fn nodes(&self) -> StoreResult<Vec<Node>> {
        let g = self.lock();
        let now = now_ms();
        Ok(g.nodes
            .iter()
            .map(|(n, e)| g.node_view(n, e, now))
            .collect())
    }

    async fn node(&self, name: &str) -> StoreResult<Option<Node>> {
        let g = self.lock();
        Ok(g.nodes.get(name).map(|e| g.node_view(name, e, now_ms())))
    }

    async fn label_node(
        &self,
        name: &str,
        set: &BTreeMap<String, String>,
        remove: &[String],
    ) -> StoreResult<Node> {
        let mut g = self.lock();
        let now = now_ms();
        let e = g
            .nodes
            .get_mut(name)
            .filter(|e| e.alive(now))
            .ok_or_else(|| StoreError::NodeNotFound(name.into()))?;
        for (k, v) in set {
            e.labels.insert(k.clone(), v.clone());
        }
        for k in remove {
            e.labels.remove(k);
        }
        let g2 = &*g;
        Ok(g2.node_view(name, &g2.nodes[name], now))
    }

    async fn drain_node(&self, name: &str, draining: bool) -> StoreResult<Node> {
        let mut g = self.lock();
        let now = now_ms();
        let e = g
            .nodes
            .get_mut(name)
            .filter(|e| e.alive(now))
            .ok_or_else(|| StoreError::NodeNotFound(name.into()))?;
        e.draining = draining;
        let g2 = &*g;
        Ok(g2.node_view(name, &g2.nodes[name], now))
    }

    async fn remove_node(&self, name: &str, max_attempts: u32) -> StoreResult<Vec<Recovery>> {
        let mut g = self.lock();
        let now = now_ms();
        let entry = g
            .nodes
            .get(name)
            .ok_or_else(|| StoreError::NodeNotFound(name.into()))?;
        let ids: Vec<String> = entry.runs.iter().cloned().collect();
        let mut out = Vec::new();
        for id in ids {
            if let Some(r) = g.recover(
                &self.settings,
                &id,
                &format!("node {name} was removed"),
                max_attempts,
                now,
            ) {
                out.push(r);
            }
        }
        g.nodes.remove(name);
        Ok(out)
    }

    async fn node_runs(&self, name: &str) -> StoreResult<Vec<String>> {
        Ok(self
            .lock()
            .nodes
            .get(name)
            .map(|e| e.runs.iter().cloned().collect())
            .unwrap_or_default())
    }

    async fn recover_dead_nodes(&self, max_attempts: u32) -> StoreResult<Vec<Recovery>> {
        let mut g = self.lock();
        let now = now_ms();
        let dead: Vec<(String, Vec<String>)> = g
            .nodes
            .iter()
            .filter(|(_, e)| !e.alive(now) && !e.runs.is_empty())
            .map(|(n, e)| (n.clone(), e.runs.iter().cloned().collect()))
            .collect();
        let mut out = Vec::new();
        for (name, ids) in dead {
            for id in ids {
                if let Some(r) = g.recover(
                    &self.settings,
                    &id,
                    &format!("node {name} heartbeat expired"),
                    max_attempts,
                    now,
                ) {
                    out.push(r);
                }
            }
            if let Some(e) = g.nodes.get_mut(&name) {
                e.runs.clear();
                e.usage = Resources::default();
            }
        }
        drop(g);
        if !out.is_empty() {
            self.new_events.notify_waiters();
        }
        Ok(out)
    }

    async fn announce_scheduler(&self, beat: &SchedulerBeat) -> StoreResult<()> {
        let now = now_ms();
        let ttl = ms(beat.ttl).max(1);
        let info = SchedulerInfo {
            id: beat.id.clone(),
            host: beat.host.clone(),
            pid: beat.pid,
            version: beat.version.clone(),
            started_at: beat.started_at,
            last_beat: now,
            ttl_ms: ttl as u64,
        };
        let mut g = self.lock();
        g.schedulers.retain(|_, (_, expires)| *expires > now);
        g.schedulers.insert(beat.id.clone(), (info, now + ttl));
        Ok(())
    }

    async fn schedulers(&self) -> StoreResult<Vec<SchedulerInfo>> {
        Ok(self.lock().live_schedulers(now_ms()))
    }

    async fn retire_scheduler(&self, id: &str) -> StoreResult<()> {
        self.lock().schedulers.remove(id);
        Ok(())
    }

    async fn start_run(
        &self,
        id: &str,
        node: &str,
        log_path: Option<&str>,
    ) -> StoreResult<Applied> {
        let mut g = self.lock();
        let ok = g
            .runs
            .get(id)
            .is_some_and(|r| r.state == RunState::Scheduled && r.node.as_deref() == Some(node));
        if !ok {
            return Ok(Applied::Stale);
        }
        let now = now_ms();
        g.set_state(&self.settings, id, RunState::Running, now, None);
        if let Some(run) = g.runs.get_mut(id) {
            run.started_at = Some(now);
            run.log_path = log_path.map(str::to_string);
        }
        drop(g);
        self.new_events.notify_waiters();
        Ok(Applied::Done(RunState::Running))
    }

    async fn finish_run(&self, id: &str, node: &str, done: &Completion) -> StoreResult<Applied> {
        let mut g = self.lock();
        let ok = g.runs.get(id).is_some_and(|r| {
            matches!(r.state, RunState::Running | RunState::Scheduled)
                && r.node.as_deref() == Some(node)
        });
        if !ok || !done.state.is_terminal() {
            // A run cancelled while it ran still gets the output it produced.
            if let Some(run) = g
                .runs
                .get_mut(id)
                .filter(|r| r.state == RunState::Cancelled && r.node.as_deref() == Some(node))
            {
                run.log_tail = done.log_tail.clone();
            }
            return Ok(Applied::Stale);
        }
        let now = now_ms();
        g.release_node(id);
        g.set_state(&self.settings, id, done.state, now, done.message.clone());
        if let Some(run) = g.runs.get_mut(id) {
            run.exit_code = done.exit_code;
            run.log_tail = done.log_tail.clone();
            run.finished_at = Some(now);
        }
        drop(g);
        self.new_events.notify_waiters();
        Ok(Applied::Done(done.state))
    }

    async fn hand_back(
        &self,
        id: &str,
        node: &str,
        reason: &str,
        max_attempts: u32,
    ) -> StoreResult<Option<Recovery>> {
        let mut g = self.lock();
        if g.runs
            .get(id)
            .is_none_or(|r| r.node.as_deref() != Some(node))
        {
            return Ok(None);
        }
        let r = g.recover(&self.settings, id, reason, max_attempts, now_ms());
        drop(g);
        self.new_events.notify_waiters();
        Ok(r)
    }

    async fn run_states(&self, ids: &[String]) -> StoreResult<Vec<Option<RunStatus>>> {
        let g = self.lock();
        Ok(ids
            .iter()
            .map(|id| {
                g.runs.get(id).map(|r| RunStatus {
                    state: r.state,
                    node: r.node.clone(),
                })
            })
            .collect())
    }

    async fn delete_run(&self, id: &str) -> StoreResult<bool> {
        let mut g = self.lock();
        if !g.runs.contains_key(id) {
            return Ok(false);
        }
        g.release_node(id);
        g.delete_run(id);
        Ok(true)
    }

    async fn discard_unreadable(&self, id: &str, reason: &str) -> StoreResult<()> {
        let mut g = self.lock();
        g.dequeue_everywhere(id);
        if g.runs.contains_key(id) {
            let now = now_ms();
            g.set_state(
                &self.settings,
                id,
                RunState::Dead,
                now,
                Some(reason.to_string()),
            );
            g.dead.insert(id.to_string(), now);
            g.dead_order.insert((now, id.to_string()));
            g.trim_dead(&self.settings);
        }
        Ok(())
    }

    async fn policy_version(&self) -> StoreResult<u64> {
        Ok(self.lock().policy_version)
    }

    async fn policies(&self) -> StoreResult<(u64, Vec<StoredPolicy>)> {
        let g = self.lock();
        Ok((
            g.policy_version,
            g.policies
                .iter()
                .map(|(n, d)| StoredPolicy {
                    name: n.clone(),
                    document: d.clone(),
                })
                .collect(),
        ))
    }

    async fn apply_policies(
        &self,
        policies: &[StoredPolicy],
        who: &str,
        history: History,
    ) -> StoreResult<u64> {
        let mut g = self.lock();
        for p in policies {
            g.policies.insert(p.name.clone(), p.document.clone());
        }
        let names = policies.iter().map(|p| p.name.clone()).collect();
        Ok(g.record_policy_change(&self.settings, who, "apply", names, now_ms(), history))
    }

    async fn delete_policies(
        &self,
        names: &[String],
        who: &str,
        history: History,
    ) -> StoreResult<u64> {
        let mut g = self.lock();
        if let Some(missing) = names.iter().find(|n| !g.policies.contains_key(*n)) {
            return Err(StoreError::PolicyNotFound(missing.clone()));
        }
        for n in names {
            g.policies.remove(n);
        }
        Ok(g.record_policy_change(
            &self.settings,
            who,
            "delete",
            names.to_vec(),
            now_ms(),
            history,
        ))
    }

    async fn replace_policies(
        &self,
        set: &BTreeMap<String, String>,
        who: &str,
        action: &str,
    ) -> StoreResult<u64> {
        let mut g = self.lock();
        g.policies = set.clone();
        let names = set.keys().cloned().collect();
        Ok(g.record_policy_change(&self.settings, who, action, names, now_ms(), History::Keep))
    }

    async fn policy_history(&self, limit: usize) -> StoreResult<Vec<PolicyChange>> {
        Ok(self
            .lock()
            .policy_history
            .iter()
            .take(limit)
            .cloned()
            .collect())
    }

    async fn watch_policies(&self) -> StoreResult<mpsc::Receiver<u64>> {
        let (tx, rx) = mpsc::channel(64);
        self.lock().policy_watchers.push(tx);
        Ok(rx)
    }
}

/// Age in ms of a ULID-named entry.
pub(crate) fn ulid_age(id: &str) -> Option<i64> {
    let t = ulid::Ulid::from_string(id).ok()?.timestamp_ms();
    Some((now_ms() - t as i64).max(0))
}
