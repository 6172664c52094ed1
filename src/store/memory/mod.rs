//! The in-memory backend: the same contract as Redis, for development and the all-in-one `up` (state is lost on exit).

use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Instant;

use tokio::sync::Notify;

use self::state::Inner;
use super::*;
use crate::model::now_ms;

mod events;
mod nodes;
mod policies;
mod queue;
mod retention;
mod runs;
mod state;

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

store_by_modules!(MemoryStore, "in-memory", state);

/// Age in ms of a ULID-named entry.
pub(crate) fn ulid_age(id: &str) -> Option<i64> {
    let t = ulid::Ulid::from_string(id).ok()?.timestamp_ms();
    Some((now_ms() - t as i64).max(0))
}
