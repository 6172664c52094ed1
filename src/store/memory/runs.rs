//! Hades in memory: submitting, reading, listing, cancelling and deleting runs, and the agent-side steps of a run.

use std::collections::BTreeMap;

use super::state::*;
use super::MemoryStore;
use crate::model::now_ms;
use crate::store::*;

pub(super) async fn submit(store: &MemoryStore, runs: &[Run]) -> StoreResult<()> {
    let mut g = store.lock();
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
    }
    drop(g);
    store.new_events.notify_waiters();
    Ok(())
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
    log_path: Option<&str>,
) -> StoreResult<Applied> {
    let mut g = store.lock();
    let ok = g
        .runs
        .get(id)
        .is_some_and(|r| r.state == RunState::Scheduled && r.node.as_deref() == Some(node));
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
    done: &Completion,
) -> StoreResult<Applied> {
    let mut g = store.lock();
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
    g.set_state(&store.settings, id, done.state, now, done.message.clone());
    if let Some(run) = g.runs.get_mut(id) {
        run.exit_code = done.exit_code;
        run.log_tail = done.log_tail.clone();
        run.finished_at = Some(now);
    }
    drop(g);
    store.new_events.notify_waiters();
    Ok(Applied::Done(done.state))
}

pub(super) async fn hand_back(
    store: &MemoryStore,
    id: &str,
    node: &str,
    reason: &str,
    max_attempts: u32,
) -> StoreResult<Option<Recovery>> {
    let mut g = store.lock();
    if g.runs
        .get(id)
        .is_none_or(|r| r.node.as_deref() != Some(node))
    {
        return Ok(None);
    }
    let r = g.recover(&store.settings, id, reason, max_attempts, now_ms());
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
