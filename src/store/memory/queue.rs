//! Acheron in memory: claims under leases, the scheduler's decisions, pending and dead letters, stats, purge and pause.

use std::time::Duration;

use super::state::Inner;
use super::{ulid_age, MemoryStore};
use crate::model::node::Resources;
use crate::model::now_ms;
use crate::store::*;

/// Takes up to `max` runs off the head of the queue under a lease until `deadline` (none while
/// the queue is paused): the one claim loop of both claim calls.
fn take_head(g: &mut Inner, max: usize, deadline: i64) -> Vec<String> {
    let mut ids = Vec::new();
    if g.paused {
        return ids;
    }
    while ids.len() < max {
        let Some(first) = g.queue.pop_first() else {
            break;
        };
        g.leases.insert(first.1.clone(), deadline);
        ids.push(first.1);
    }
    ids
}

pub(super) async fn claim(
    store: &MemoryStore,
    max: usize,
    lease: Duration,
) -> StoreResult<Vec<Claim>> {
    let deadline = now_ms() + ms(lease);
    let ids = take_head(&mut store.lock(), max, deadline);
    Ok(ids
        .into_iter()
        .map(|id| Claim {
            id,
            lease_deadline_ms: deadline,
        })
        .collect())
}

pub(super) async fn claim_runs(
    store: &MemoryStore,
    max: usize,
    lease: Duration,
) -> StoreResult<Vec<ClaimedRun>> {
    let deadline = now_ms() + ms(lease);
    let mut g = store.lock();
    let ids = take_head(&mut g, max, deadline);
    Ok(ids
        .into_iter()
        .map(|id| ClaimedRun {
            run: g.runs.get(&id).cloned(),
            claim: Claim {
                id,
                lease_deadline_ms: deadline,
            },
        })
        .collect())
}

pub(super) async fn extend_leases(
    store: &MemoryStore,
    ids: &[String],
    lease: Duration,
) -> StoreResult<()> {
    let mut g = store.lock();
    let deadline = now_ms() + ms(lease);
    for id in ids {
        if let Some(d) = g.leases.get_mut(id) {
            *d = deadline;
        }
    }
    Ok(())
}

pub(super) async fn release(store: &MemoryStore, ids: &[String]) -> StoreResult<()> {
    let mut g = store.lock();
    for id in ids {
        if g.leases.remove(id).is_some() {
            g.enqueue(id);
        }
    }
    Ok(())
}

pub(super) async fn reap_expired_leases(store: &MemoryStore) -> StoreResult<Vec<String>> {
    let mut g = store.lock();
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

pub(super) async fn apply_outcomes(
    store: &MemoryStore,
    outcomes: &[Outcome],
) -> StoreResult<Vec<Applied>> {
    let mut g = store.lock();
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
            Decision::Deny | Decision::Reject => {
                let to = if o.decision == Decision::Deny {
                    RunState::Denied
                } else {
                    RunState::Rejected
                };
                g.set_state(&store.settings, id, to, now, o.message.clone());
                if let Some(run) = g.runs.get_mut(id) {
                    run.finished_at = Some(now);
                }
                Applied::Done(to)
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
                        &store.settings,
                        id,
                        RunState::Pending,
                        now,
                        o.message.clone(),
                    );
                }
                g.pending.insert(id.to_string(), now);
                Applied::Done(RunState::Pending)
            }
            Decision::Assign { node, want } => assign(&mut g, &store.settings, o, node, want, now),
        };
        results.push(applied);
    }
    drop(g);
    store.new_events.notify_waiters();
    Ok(results)
}

/// Places a claimed run on `node` when it still fits there (queued|pending → admitted →
/// scheduled, reserving `want`); otherwise the run goes back to the queue.
fn assign(
    g: &mut Inner,
    settings: &StoreSettings,
    o: &Outcome,
    node: &str,
    want: &Resources,
    now: i64,
) -> Applied {
    let id = o.id.as_str();
    let fits = g
        .nodes
        .get(node)
        .is_some_and(|n| n.alive(now) && !n.draining && n.capacity.fits(&n.usage, want));
    if !fits {
        g.enqueue(id);
        return Applied::NodeUnavailable;
    }
    if let Some(n) = g.nodes.get_mut(node) {
        n.usage.cpu_millis += want.cpu_millis;
        n.usage.memory_bytes += want.memory_bytes;
        n.usage.gpu += want.gpu;
        n.usage.slots += want.slots;
        n.runs.insert(id.to_string());
    }
    g.reserved.insert(id.to_string(), *want);
    g.set_state(settings, id, RunState::Admitted, now, None);
    if let Some(run) = g.runs.get_mut(id) {
        run.node = Some(node.to_string());
        run.attempts += 1;
        run.message = None;
    }
    g.set_state(settings, id, RunState::Scheduled, now, o.message.clone());
    Applied::Done(RunState::Scheduled)
}

pub(super) async fn wake_pending(store: &MemoryStore, max: usize) -> StoreResult<u64> {
    Ok(store.lock().requeue_parked(max) as u64)
}

/// The earliest finish time of the runs kept: the first of the window's index (by finish time),
/// or any of those kept for their own `ttlAfterFinished` (indexed by expiry, so all are read).
fn oldest_finished(g: &Inner) -> Option<i64> {
    let window = g.finished.iter().next().map(|(t, _)| *t);
    let own_ttl = g
        .finished_ttl
        .iter()
        .take(OWN_TTL_OLDEST_SCAN)
        .filter_map(|(_, id)| g.runs.get(id).and_then(|r| r.finished_at))
        .min();
    window.into_iter().chain(own_ttl).min()
}

pub(super) async fn queue_stats(store: &MemoryStore) -> StoreResult<QueueStats> {
    let counts = store.state_counts().await?;
    let g = store.lock();
    let head_age = g.queue.iter().next().and_then(|(_, id)| ulid_age(id));
    let now = now_ms();
    let schedulers = g.live_schedulers(now);
    Ok(QueueStats {
        finished_retained: (g.finished.len() + g.finished_ttl.len()) as u64,
        finished_oldest_age_ms: oldest_finished(&g).map(|t| (now - t).max(0)),
        retain_finished_ms: g
            .retain_finished_ms
            .unwrap_or(ms(DEFAULT_RETAIN_FINISHED) as u64),
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

pub(super) async fn queue_entries(
    store: &MemoryStore,
    which: QueueName,
    offset: usize,
    limit: usize,
) -> StoreResult<Vec<QueueEntry>> {
    let g = store.lock();
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

pub(super) async fn purge(store: &MemoryStore, which: QueueName) -> StoreResult<u64> {
    let mut g = store.lock();
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
            g.set_state(&store.settings, id, RunState::Cancelled, now, Some(msg));
            if let Some(run) = g.runs.get_mut(id) {
                run.finished_at = Some(now);
            }
        }
    }
    Ok(ids.len() as u64)
}

pub(super) async fn retry_dead(store: &MemoryStore, ids: Option<&[String]>) -> StoreResult<u64> {
    let mut g = store.lock();
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
            // Attempt numbers never repeat (they fence placements); the budget starts again.
            run.attempts_base = run.attempts;
            run.node = None;
            run.finished_at = None;
        }
        g.set_state(
            &store.settings,
            id,
            RunState::Queued,
            now,
            Some("retried from dead letters".into()),
        );
        g.enqueue(id);
    }
    Ok(chosen.len() as u64)
}

pub(super) async fn set_paused(store: &MemoryStore, paused: bool) -> StoreResult<()> {
    store.lock().paused = paused;
    Ok(())
}
