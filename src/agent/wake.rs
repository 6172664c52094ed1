//! Push wake-ups: the agent subscribes to its node's wake channel (see `Store::wake_nodes`, which a scheduler calls right after placing work), so placed work starts at once instead of at the next poll. The poll stays as the safety net for a wake-up lost while the subscription was down.

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::Notify;
use tokio::task::JoinHandle;

use crate::store::SharedStore;

/// First and longest pause between attempts to subscribe while the store refuses.
const RETRY_FIRST: Duration = Duration::from_millis(100);
const RETRY_MAX: Duration = Duration::from_secs(5);

/// The forwarding task; stops when dropped (the subscription ends with it).
pub(super) struct Forwarder(JoinHandle<()>);

impl Drop for Forwarder {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// Subscribes to node `name`'s wake-ups (retrying while the store is unreachable) and notifies
/// `placed` on each. Each new subscription notifies once too: a wake-up may have been missed
/// while there was none.
pub(super) fn forward(store: SharedStore, name: String, placed: Arc<Notify>) -> Forwarder {
    Forwarder(tokio::spawn(async move {
        let mut delay = RETRY_FIRST;
        loop {
            match store.node_wakeups(&name).await {
                Ok(mut rx) => {
                    delay = RETRY_FIRST;
                    placed.notify_one();
                    while rx.changed().await.is_ok() {
                        placed.notify_one();
                    }
                }
                Err(e) => tracing::debug!(
                    "agent {name}: no wake-up subscription yet ({e}); polling meanwhile"
                ),
            }
            tokio::time::sleep(delay).await;
            delay = (delay * 2).min(RETRY_MAX);
        }
    }))
}
