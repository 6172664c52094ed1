//! The scheduler's subscription to submit wake-ups: an idle scheduler claims new runs as soon as a submit queues them, its idle polling only the safety net.

use std::time::{Duration, Instant};

use tokio::sync::watch;

use crate::store::SharedStore;

/// The scheduler's subscription to submit wake-ups ([`Store::queue_wakeups`]), taken again now
/// and then while the store refuses it.
///
/// [`Store::queue_wakeups`]: crate::store::Store::queue_wakeups
#[derive(Default)]
pub(super) struct SubmitWakeups {
    rx: Option<watch::Receiver<u64>>,
    last_try: Option<Instant>,
}

impl SubmitWakeups {
    const RETRY: Duration = Duration::from_secs(5);

    pub(super) async fn subscribe_if_due(&mut self, store: &SharedStore) {
        if self.rx.is_some() || self.last_try.is_some_and(|t| t.elapsed() < Self::RETRY) {
            return;
        }
        self.last_try = Some(Instant::now());
        match store.queue_wakeups().await {
            Ok(rx) => self.rx = Some(rx),
            Err(e) => tracing::debug!("no submit wake-ups yet ({e}); polling meanwhile"),
        }
    }

    /// Resolves when runs were submitted since the last call; never without a subscription.
    pub(super) async fn changed(&mut self) {
        match self.rx.as_mut() {
            Some(rx) => {
                if rx.changed().await.is_err() {
                    // The forwarding ended: subscribe again at the next turn.
                    self.rx = None;
                }
            }
            None => std::future::pending().await,
        }
    }
}
