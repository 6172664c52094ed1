//! The scheduler's subscriptions to wake-ups: an idle scheduler claims new runs as soon as a submit queues them, and puts pending runs back in the queue as soon as an agent's finish frees capacity; its idle polling and maintenance are only the safety net.

use std::time::{Duration, Instant};

use tokio::sync::watch;

use crate::store::SharedStore;

/// Which wake-ups a [`Wakeups`] follows.
#[derive(Clone, Copy, Debug)]
pub(super) enum Source {
    /// Runs were submitted ([`Store::queue_wakeups`]).
    ///
    /// [`Store::queue_wakeups`]: crate::store::Store::queue_wakeups
    Submits,
    /// Capacity was freed while runs were pending ([`Store::capacity_wakeups`]).
    ///
    /// [`Store::capacity_wakeups`]: crate::store::Store::capacity_wakeups
    Capacity,
}

/// One subscription to wake-ups, taken again now and then while the store refuses it.
pub(super) struct Wakeups {
    source: Source,
    rx: Option<watch::Receiver<u64>>,
    last_try: Option<Instant>,
}

impl Wakeups {
    const RETRY: Duration = Duration::from_secs(5);

    pub(super) fn new(source: Source) -> Wakeups {
        Wakeups {
            source,
            rx: None,
            last_try: None,
        }
    }

    pub(super) async fn subscribe_if_due(&mut self, store: &SharedStore) {
        if self.rx.is_some() || self.last_try.is_some_and(|t| t.elapsed() < Self::RETRY) {
            return;
        }
        self.last_try = Some(Instant::now());
        let got = match self.source {
            Source::Submits => store.queue_wakeups().await,
            Source::Capacity => store.capacity_wakeups().await,
        };
        match got {
            Ok(rx) => self.rx = Some(rx),
            Err(e) => tracing::debug!("no {:?} wake-ups yet ({e}); polling meanwhile", self.source),
        }
    }

    /// Resolves when a wake-up came since the last call (or [`Wakeups::take`]); never without a
    /// subscription.
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

    /// True when a wake-up came since the last call (or [`Wakeups::changed`]), without waiting.
    pub(super) fn take(&mut self) -> bool {
        match self.rx.as_mut() {
            Some(rx) => match rx.has_changed() {
                Ok(true) => {
                    rx.borrow_and_update();
                    true
                }
                Ok(false) => false,
                Err(_) => {
                    self.rx = None;
                    false
                }
            },
            None => false,
        }
    }
}
