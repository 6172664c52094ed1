//! Retention in memory: the cell's window, the two ordered indexes of finished runs, deletion that re-checks each run under the lock, and the event stream trimmed by age.

use std::time::Duration;

use super::MemoryStore;
use crate::store::*;

pub(super) async fn retention(store: &MemoryStore) -> StoreResult<Retention> {
    Ok(match store.lock().retain_finished_ms {
        Some(ms) => Retention {
            finished: Duration::from_millis(ms),
            stored: true,
        },
        None => Retention::default(),
    })
}

pub(super) async fn set_retention(store: &MemoryStore, finished: Duration) -> StoreResult<()> {
    store.lock().retain_finished_ms = Some(ms(finished).max(0) as u64);
    Ok(())
}

pub(super) async fn expired_runs(
    store: &MemoryStore,
    now: i64,
    window: Duration,
    max: usize,
) -> StoreResult<Vec<String>> {
    let g = store.lock();
    let cutoff = now.saturating_sub(ms(window));
    let own = g
        .finished_ttl
        .iter()
        .take_while(|(t, _)| *t <= now)
        .map(|(_, id)| id.clone());
    let by_window = g
        .finished
        .iter()
        .take_while(|(t, _)| *t <= cutoff)
        .map(|(_, id)| id.clone());
    Ok(own.chain(by_window).take(max).collect())
}

pub(super) async fn delete_expired(
    store: &MemoryStore,
    ids: &[String],
    now: i64,
    window: Duration,
) -> StoreResult<Vec<String>> {
    let mut g = store.lock();
    let cutoff = now.saturating_sub(ms(window));
    let mut deleted = Vec::new();
    for id in ids {
        let finished = g.runs.get(id).is_some_and(|r| r.state.is_terminal());
        let due = finished
            && match g.finished_at.get(id) {
                Some((true, expires)) => *expires <= now,
                Some((false, at)) => *at <= cutoff,
                None => false,
            };
        if due {
            g.release_node(id);
            g.delete_run(id);
            deleted.push(id.clone());
        } else if !g.runs.contains_key(id) {
            g.unmark_finished(id);
        }
    }
    Ok(deleted)
}

pub(super) async fn trim_events(store: &MemoryStore, before_ms: i64) -> StoreResult<u64> {
    let mut g = store.lock();
    let mut n = 0;
    while g.events.front().is_some_and(|e| e.at < before_ms) {
        g.events.pop_front();
        n += 1;
    }
    Ok(n)
}

pub(super) async fn runs_with_events(
    store: &MemoryStore,
    ids: &[String],
) -> StoreResult<Vec<Option<(Run, Vec<Event>)>>> {
    let g = store.lock();
    Ok(ids
        .iter()
        .map(|id| {
            let run = g.runs.get(id)?.clone();
            let events = g
                .run_events
                .get(id)
                .map(|l| l.iter().cloned().collect())
                .unwrap_or_default();
            Some((run, events))
        })
        .collect())
}
