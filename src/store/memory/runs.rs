//! Hades in memory: submitting, reading, listing, cancelling and deleting runs, and the agent-side steps of a run.

use std::collections::BTreeMap;

use super::state::*;
use super::MemoryStore;
use crate::model::now_ms;
use crate::store::*;

pub(super) async fn submit(store: &MemoryStore, runs: &[Run]) -> StoreResult<Vec<Admission>> {
    let mut g = store.lock();
    let now = now_ms();
    let ttl = ms(store.settings.idempotency_ttl).max(1);
    let mut out = Vec::with_capacity(runs.len());
    for run in runs {
        if g.runs.contains_key(&run.id) {
            out.push(Admission::Existing { id: run.id.clone() });
            continue;
        }
        let hash = run.idempotency_key.as_ref().map(|_| run.content_hash());
        if let (Some(key), Some(hash)) = (&run.idempotency_key, &hash) {
            // A key holds while it has not expired and its run still exists.
            let held = g
                .idempotency
                .get(key)
                .filter(|(_, rid, expires)| *expires > now && g.runs.contains_key(rid))
                .cloned();
            if let Some((h, rid, _)) = held {
                out.push(if &h == hash {
                    Admission::Existing { id: rid }
                } else {
                    Admission::Conflict { id: rid }
                });
                continue;
            }
            g.idempotency
                .insert(key.clone(), (hash.clone(), run.id.clone(), now + ttl));
        }
        let mut run = run.clone();
        run.state = RunState::Queued;
        let id = run.id.clone();
        g.runs.insert(id.clone(), run);
        *g.counts.entry(RunState::Queued).or_default() += 1;
        g.enqueue(&id);
        g.push_event(
            &store.settings,
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
        out.push(Admission::Created);
    }
    if out.contains(&Admission::Created) {
        if let Some(tx) = &g.queue_wake {
            tx.send_modify(|n| *n = n.wrapping_add(1));
        }
    }
    drop(g);
    store.new_events.notify_waiters();
    Ok(out)
}

pub(super) async fn get_run(store: &MemoryStore, id: &str) -> StoreResult<Option<Run>> {
    Ok(store.lock().runs.get(id).cloned())
}

pub(super) async fn get_runs(store: &MemoryStore, ids: &[String]) -> StoreResult<Vec<Option<Run>>> {
    let g = store.lock();
    Ok(ids.iter().map(|id| g.runs.get(id).cloned()).collect())
}

pub(super) async fn list_runs(
    store: &MemoryStore,
    filter: &RunFilter,
    cursor: Option<&str>,
    limit: usize,
) -> StoreResult<RunPage> {
    let g = store.lock();
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

pub(super) async fn state_counts(store: &MemoryStore) -> StoreResult<BTreeMap<RunState, u64>> {
    let g = store.lock();
    Ok(RunState::ALL
        .iter()
        .map(|s| (*s, g.counts.get(s).copied().unwrap_or(0)))
        .collect())
}

pub(super) async fn cancel(store: &MemoryStore, id: &str, message: &str) -> StoreResult<Run> {
    let mut g = store.lock();
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
        &store.settings,
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
    store.new_events.notify_waiters();
    Ok(run)
}

pub(super) async fn start_run(
    store: &MemoryStore,
    id: &str,
    node: &str,
    attempt: u32,
    log_path: Option<&str>,
) -> StoreResult<Applied> {
    let mut g = store.lock();
    let ok = g.runs.get(id).is_some_and(|r| {
        r.state == RunState::Scheduled && r.node.as_deref() == Some(node) && r.attempts == attempt
    });
    if !ok {
        return Ok(Applied::Stale);
    }
    let now = now_ms();
    g.set_state(&store.settings, id, RunState::Running, now, None);
    if let Some(run) = g.runs.get_mut(id) {
        run.started_at = Some(now);
        run.log_path = log_path.map(str::to_string);
    }
    drop(g);
    store.new_events.notify_waiters();
    Ok(Applied::Done(RunState::Running))
}

pub(super) async fn finish_run(
    store: &MemoryStore,
    id: &str,
    node: &str,
    attempt: u32,
    done: &Completion,
) -> StoreResult<Applied> {
    let one = RunFinish {
        id: id.to_string(),
        attempt,
        done: done.clone(),
    };
    let mut out = finish_runs(store, node, std::slice::from_ref(&one)).await?;
    Ok(out.pop().unwrap_or(Applied::Stale))
}

/// One run's finish (see `Store::finish_run`) under the caller's lock; the second value is true
/// when it freed a place on the node.
fn finish_locked(
    g: &mut Inner,
    settings: &StoreSettings,
    f: &RunFinish,
    node: &str,
    now: i64,
) -> (Applied, bool) {
    let (id, done) = (f.id.as_str(), &f.done);
    if !g.is_current(settings, id, node, f.attempt, &outcome_text(done), now) {
        return (Applied::Stale, false);
    }
    let ok = g
        .runs
        .get(id)
        .is_some_and(|r| matches!(r.state, RunState::Running | RunState::Scheduled));
    if !ok || !done.state.is_terminal() {
        // A run cancelled while it ran still gets the output it produced.
        if let Some(run) = g
            .runs
            .get_mut(id)
            .filter(|r| r.state == RunState::Cancelled)
        {
            run.log_tail = done.log_tail.clone();
        }
        return (Applied::Stale, false);
    }
    let freed = g.release_node(id);
    g.set_state(settings, id, done.state, now, done.message.clone());
    if let Some(run) = g.runs.get_mut(id) {
        run.exit_code = done.exit_code;
        run.log_tail = done.log_tail.clone();
        run.finished_at = Some(now);
    }
    (Applied::Done(done.state), freed)
}

pub(super) async fn start_runs(
    store: &MemoryStore,
    node: &str,
    starts: &[RunStart],
) -> StoreResult<Vec<Applied>> {
    let mut out = Vec::with_capacity(starts.len());
    for s in starts {
        out.push(start_run(store, &s.id, node, s.attempt, s.log_path.as_deref()).await?);
    }
    Ok(out)
}

pub(super) async fn start_placed(
    store: &MemoryStore,
    node: &str,
    starts: &[PlacedStart],
    max: usize,
) -> StoreResult<Vec<Option<Started>>> {
    let mut out = Vec::with_capacity(starts.len());
    for s in starts {
        let placed = out.iter().flatten().count() < max;
        let current = store.lock().runs.get(&s.id).and_then(|r| {
            (placed && r.state == RunState::Scheduled && r.node.as_deref() == Some(node))
                .then(|| (r.attempts, r.spec.clone()))
        });
        let started = match current {
            Some((attempt, spec)) => {
                match start_run(store, &s.id, node, attempt, s.log_path.as_deref()).await? {
                    Applied::Done(RunState::Running) => Some(Started {
                        attempt,
                        spec: Ok(spec),
                    }),
                    _ => None,
                }
            }
            None => None,
        };
        out.push(started);
    }
    Ok(out)
}

pub(super) async fn finish_runs(
    store: &MemoryStore,
    node: &str,
    finishes: &[RunFinish],
) -> StoreResult<Vec<Applied>> {
    let mut g = store.lock();
    let now = now_ms();
    let mut out = Vec::with_capacity(finishes.len());
    let mut freed = 0;
    for f in finishes {
        let (applied, gave_back) = finish_locked(&mut g, &store.settings, f, node, now);
        out.push(applied);
        freed += usize::from(gave_back);
    }
    // Runs parked for capacity: up to two per run freed (the longest parked) go back to the
    // queue now and the schedulers are woken, as the Redis script does.
    if g.requeue_parked(2 * freed) > 0 {
        if let Some(tx) = &g.queue_wake {
            tx.send_modify(|n| *n = n.wrapping_add(1));
        }
    }
    drop(g);
    store.new_events.notify_waiters();
    Ok(out)
}

pub(super) async fn hand_back(
    store: &MemoryStore,
    id: &str,
    node: &str,
    attempt: u32,
    reason: &str,
    max_attempts: u32,
) -> StoreResult<Option<Recovery>> {
    let mut g = store.lock();
    let now = now_ms();
    let what = format!("handed back ({reason})");
    if !g.is_current(&store.settings, id, node, attempt, &what, now) {
        return Ok(None);
    }
    let r = g.recover(&store.settings, id, reason, max_attempts, now);
    drop(g);
    store.new_events.notify_waiters();
    Ok(r)
}

pub(super) async fn run_states(
    store: &MemoryStore,
    ids: &[String],
) -> StoreResult<Vec<Option<RunStatus>>> {
    let g = store.lock();
    Ok(ids
        .iter()
        .map(|id| {
            g.runs.get(id).map(|r| RunStatus {
                state: r.state,
                node: r.node.clone(),
                attempts: r.attempts,
            })
        })
        .collect())
}

pub(super) async fn delete_run(store: &MemoryStore, id: &str) -> StoreResult<bool> {
    let mut g = store.lock();
    if !g.runs.contains_key(id) {
        return Ok(false);
    }
    g.release_node(id);
    g.delete_run(id);
    Ok(true)
}

pub(super) async fn discard_unreadable(
    store: &MemoryStore,
    id: &str,
    reason: &str,
) -> StoreResult<()> {
    let mut g = store.lock();
    g.dequeue_everywhere(id);
    if g.runs.contains_key(id) {
        let now = now_ms();
        g.set_state(
            &store.settings,
            id,
            RunState::Dead,
            now,
            Some(reason.to_string()),
        );
        g.dead.insert(id.to_string(), now);
        g.dead_order.insert((now, id.to_string()));
        g.trim_dead(&store.settings);
    }
    Ok(())
}

/// How an outcome reads in a stale-outcome event: `succeeded`, `failed (exit code 3): …`.
fn outcome_text(done: &Completion) -> String {
    let mut out = done.state.as_str().to_string();
    if let Some(c) = done.exit_code {
        out.push_str(&format!(" (exit code {c})"));
    }
    if let Some(m) = &done.message {
        out.push_str(&format!(": {m}"));
    }
    out
}
