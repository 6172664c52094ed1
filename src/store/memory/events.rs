//! The event stream in memory: a run's recent events, and following the stream with a wait for new ones.

use std::time::{Duration, Instant};

use super::MemoryStore;
use crate::store::*;

pub(super) async fn run_events(store: &MemoryStore, id: &str) -> StoreResult<Vec<Event>> {
    Ok(store
        .lock()
        .run_events
        .get(id)
        .map(|l| l.iter().cloned().collect())
        .unwrap_or_default())
}

pub(super) async fn latest_event_id(store: &MemoryStore) -> StoreResult<Option<String>> {
    Ok(store.lock().events.back().map(|e| e.id.clone()))
}

pub(super) async fn read_events(
    store: &MemoryStore,
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
        None => store
            .lock()
            .events
            .back()
            .map(|e| key_of(&e.id))
            .unwrap_or((0, 0)),
    };
    loop {
        let notified = store.new_events.notified();
        {
            let g = store.lock();
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
        let _ = tokio::time::timeout(deadline.saturating_duration_since(Instant::now()), notified)
            .await;
    }
}
