//! `top`'s data: a snapshot of the deployment (queue depth per state, runs per second, schedulers, nodes with their usage, the latest events), taken again and again by a [`TopSampler`] that remembers the previous one for the rates.

use std::collections::{BTreeMap, VecDeque};
use std::time::Instant;

use serde::Serialize;

use crate::model::now_ms;
use crate::model::run::{Event, RunState};
use crate::model::view::{EventView, NodeView};
use crate::store::{RunFilter, SchedulerInfo, Store, StoreResult};

/// The Acheron lists at a glance.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct QueueFigures {
    /// Waiting to be claimed.
    pub depth: u64,
    /// Claimed by a scheduler under a lease.
    pub in_flight: u64,
    /// Waiting for a feasible node.
    pub pending: u64,
    pub dead: u64,
    pub paused: bool,
    /// Age of the oldest run in state `queued` (null when none).
    pub oldest_queued_age_ms: Option<i64>,
    /// Age of the run at the head of the queue, the next to be claimed (null when empty).
    pub head_age_ms: Option<i64>,
}

/// Runs per second since the previous snapshot (null in the first one).
#[derive(Clone, Debug, Default, Serialize, PartialEq)]
pub struct Rates {
    pub submitted: Option<f64>,
    pub finished: Option<f64>,
    pub succeeded: Option<f64>,
    pub failed: Option<f64>,
}

/// One view of the deployment.
#[derive(Clone, Debug, Serialize)]
pub struct Snapshot {
    #[serde(with = "crate::output::rfc3339")]
    pub at: i64,
    pub queue: QueueFigures,
    /// Runs per state (every state, zeros included).
    pub states: BTreeMap<String, u64>,
    pub runs_per_second: Rates,
    pub schedulers: Vec<SchedulerInfo>,
    pub nodes: Vec<NodeView>,
    /// The latest events, oldest first.
    pub events: Vec<EventView>,
}

/// Age of the oldest run in state `queued`: the first member of the state index, which is
/// ordered by id (a ULID, so by creation time). One short read whatever the queue's size.
pub async fn oldest_queued_age_ms(store: &dyn Store) -> StoreResult<Option<i64>> {
    let filter = RunFilter {
        state: Some(RunState::Queued),
        ..Default::default()
    };
    let page = store.list_runs(&filter, None, 1).await?;
    Ok(page.runs.first().map(|r| (now_ms() - r.created_at).max(0)))
}

/// Events read per round trip, and round trips per snapshot at most (a busier stream is skipped
/// ahead to its end: `top` shows the latest events, not all of them).
const EVENT_READ: usize = 1000;
const EVENT_READS: usize = 10;
/// On start, events of this last stretch of time are shown.
const EVENT_LOOKBACK_MS: i64 = 60_000;

/// Takes snapshots, remembering what the rates and the event list need.
pub struct TopSampler {
    keep_events: usize,
    events: VecDeque<Event>,
    cursor: Option<String>,
    previous: Option<(Instant, u64, BTreeMap<String, u64>)>,
}

impl TopSampler {
    /// A sampler keeping the latest `keep_events` events.
    pub fn new(keep_events: usize) -> TopSampler {
        TopSampler {
            keep_events,
            events: VecDeque::new(),
            cursor: None,
            previous: None,
        }
    }

    async fn read_events(&mut self, store: &dyn Store) -> StoreResult<()> {
        if self.keep_events == 0 {
            return Ok(());
        }
        let mut after = match self.cursor.take() {
            Some(c) => c,
            None => format!("{}-0", (now_ms() - EVENT_LOOKBACK_MS).max(0)),
        };
        for _ in 0..EVENT_READS {
            let batch = store
                .read_events(Some(&after), EVENT_READ, std::time::Duration::ZERO)
                .await?;
            let full = batch.len() >= EVENT_READ;
            for e in batch {
                after = e.id.clone();
                self.events.push_back(e);
                if self.events.len() > self.keep_events {
                    self.events.pop_front();
                }
            }
            if !full {
                self.cursor = Some(after);
                return Ok(());
            }
        }
        // Still behind after the reads allowed: carry on from the end of the stream.
        self.cursor = Some(store.latest_event_id().await?.unwrap_or(after));
        Ok(())
    }

    /// A snapshot now.
    pub async fn snapshot(&mut self, store: &dyn Store) -> StoreResult<Snapshot> {
        let stats = store.queue_stats().await?;
        let oldest = oldest_queued_age_ms(store).await?;
        let nodes = store.nodes().await?;
        self.read_events(store).await?;
        let mut states = stats.states.clone();
        for s in RunState::ALL {
            states.entry(s.as_str().to_string()).or_insert(0);
        }
        let now = Instant::now();
        let runs_per_second = match &self.previous {
            Some((then, total, before)) => {
                let secs = now.duration_since(*then).as_secs_f64().max(1e-3);
                let rate = |a: u64, b: u64| Some(a.saturating_sub(b) as f64 / secs);
                let of = |m: &BTreeMap<String, u64>, s: &str| m.get(s).copied().unwrap_or(0);
                let finished = |m: &BTreeMap<String, u64>| -> u64 {
                    RunState::ALL
                        .iter()
                        .filter(|s| s.is_terminal())
                        .map(|s| of(m, s.as_str()))
                        .sum()
                };
                Rates {
                    submitted: rate(stats.total_runs, *total),
                    finished: rate(finished(&states), finished(before)),
                    succeeded: rate(of(&states, "succeeded"), of(before, "succeeded")),
                    failed: rate(
                        of(&states, "failed") + of(&states, "timed_out"),
                        of(before, "failed") + of(before, "timed_out"),
                    ),
                }
            }
            None => Rates::default(),
        };
        self.previous = Some((now, stats.total_runs, states.clone()));
        Ok(Snapshot {
            at: now_ms(),
            queue: QueueFigures {
                depth: stats.depth,
                in_flight: stats.in_flight,
                pending: stats.pending,
                dead: stats.dead,
                paused: stats.paused,
                oldest_queued_age_ms: oldest,
                head_age_ms: stats.oldest_age_ms,
            },
            states,
            runs_per_second,
            schedulers: stats.schedulers,
            nodes: nodes.iter().map(NodeView::of).collect(),
            events: self.events.iter().map(EventView::of).collect(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::run::Run;
    use crate::model::spec::parse_sandbox_documents;
    use crate::store::memory::MemoryStore;

    #[tokio::test]
    async fn snapshots_count_states_rates_and_events() {
        let store = MemoryStore::new(Default::default());
        let mut top = TopSampler::new(3);
        let first = top.snapshot(&store).await.unwrap();
        assert_eq!(first.runs_per_second, Rates::default());
        assert_eq!(first.queue.oldest_queued_age_ms, None);
        let spec = parse_sandbox_documents("t", "spec: {image: x, command: [\"true\"]}\n")
            .unwrap()
            .remove(0);
        let runs: Vec<Run> = (0..5)
            .map(|_| Run::new(ulid::Ulid::new().to_string(), spec.clone(), now_ms()))
            .collect();
        store.submit(&runs).await.unwrap();
        let second = top.snapshot(&store).await.unwrap();
        assert_eq!(second.states["queued"], 5);
        assert_eq!(second.states["dead"], 0);
        assert_eq!(second.queue.depth, 5);
        assert!(second.queue.oldest_queued_age_ms.is_some());
        assert!(second.runs_per_second.submitted.is_some_and(|r| r > 0.0));
        assert!(second.events.len() <= 3);
        let json = serde_json::to_value(&second).unwrap();
        assert!(json["at"].as_str().is_some_and(|t| t.ends_with('Z')));
        assert!(json["runs_per_second"]["finished"].is_number());
    }
}
