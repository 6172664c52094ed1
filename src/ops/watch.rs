//! Following the event stream (run transitions and policy changes) from now or from the oldest event kept.

use std::time::Duration;

use crate::model::run::Event;
use crate::store::{Store, StoreResult};

/// What to follow.
#[derive(Debug, Clone, Default)]
pub struct WatchOptions {
    /// Only this run's events.
    pub run: Option<String>,
    /// Start at the oldest event kept instead of only new ones.
    pub from_start: bool,
    /// Stop after this many events.
    pub count: Option<usize>,
}

/// Events read per round trip, and how long one read blocks waiting for new ones.
const READ_COUNT: usize = 500;
const READ_BLOCK: Duration = Duration::from_secs(2);

/// Calls `sink` with each matching event, in order, until `count` events were delivered or
/// `sink` returns `false` (its reader went away). Follows the server's own stream ids, so a
/// client clock that is off does not skip or repeat events.
pub async fn watch_events(
    store: &dyn Store,
    opts: &WatchOptions,
    sink: &mut dyn FnMut(&Event) -> bool,
) -> StoreResult<()> {
    let mut after = if opts.from_start {
        "0".to_string()
    } else {
        store
            .latest_event_id()
            .await?
            .unwrap_or_else(|| "0".to_string())
    };
    let mut seen = 0usize;
    loop {
        let events = store
            .read_events(Some(&after), READ_COUNT, READ_BLOCK)
            .await?;
        for e in &events {
            after = e.id.clone();
            if opts
                .run
                .as_deref()
                .is_some_and(|r| e.run.as_deref() != Some(r))
            {
                continue;
            }
            if !sink(e) {
                return Ok(());
            }
            seen += 1;
            if opts.count.is_some_and(|c| seen >= c) {
                return Ok(());
            }
        }
    }
}
