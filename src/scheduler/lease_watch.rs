//! A scheduler's own reading of node leases: a node is declared lost only after this scheduler saw its heartbeat counter stand still for TTL + margin on its own monotonic clock, with no gap in its readings.
//!
//! Why not the node key's expiry in Redis: after an outage longer than the TTL every node key
//! has expired at once, although the agents are alive and hold outcomes they could not write.
//! Watching the counter on the scheduler's clock gives every node a full TTL after Redis returns
//! (or after this scheduler starts, or stalls): any gap longer than [`MAX_GAP`] between two
//! readings starts every node's clock again.
//!
//! The arithmetic that keeps a run from executing twice at once. An agent's heartbeat is sent
//! at `S` (its clock) and applied in Redis at `A ≥ S`; a scheduler first reads the new counter at
//! `O ≥ A`. The agent's supervisor kills every sandbox at `S + TTL − margin` unless a later
//! heartbeat was acknowledged; the scheduler recovers no earlier than `O + TTL + margin`, and
//! only if the counter is still the one it read (checked atomically in the recovery step). So
//! sandboxes are dead at least `2 × margin` before their runs are requeued, whatever the
//! delays — with `margin = min(1 s, TTL/10)` ([`crate::agent::lease_margin`]). Clock *rates*
//! matter, not offsets: both sides measure intervals on monotonic clocks.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use crate::agent::{lease_margin, DEFAULT_TTL};
use crate::store::NodeLease;

/// Longest pause between two readings that still counts as watching continuously. A longer one
/// (Redis down or loading, this scheduler stopped or just started) gives every node a full TTL
/// again, so outcomes held by agents through an outage are written before anything is retried.
pub const MAX_GAP: Duration = Duration::from_secs(1);

/// What this scheduler knows about one node's heartbeats.
#[derive(Clone, Debug)]
struct Seen {
    beats: Option<u64>,
    /// When this scheduler first read the current counter.
    since: Instant,
    ttl: Duration,
}

/// A node whose lease lapsed by this scheduler's reading, with runs still placed on it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lapsed {
    pub name: String,
    /// The counter as read: recovery happens only if it is still this.
    pub beats: Option<u64>,
    /// How long the counter has stood still by this scheduler's clock.
    pub silent: Duration,
    pub ttl: Duration,
}

impl Lapsed {
    /// The reason recorded on each recovered run.
    pub fn reason(&self) -> String {
        format!(
            "node {} lease lapsed: no heartbeat seen for {:.1}s (TTL {:.1}s + margin {:.1}s)",
            self.name,
            self.silent.as_secs_f64(),
            self.ttl.as_secs_f64(),
            lease_margin(self.ttl).as_secs_f64()
        )
    }
}

/// The per-scheduler record of node heartbeats.
#[derive(Debug, Default)]
pub struct LeaseWatch {
    seen: HashMap<String, Seen>,
    last_reading: Option<Instant>,
}

impl LeaseWatch {
    pub fn new() -> LeaseWatch {
        LeaseWatch::default()
    }

    /// Records one reading of every node's lease, taken at `now`, and returns the nodes with
    /// runs whose lease lapsed: the counter unchanged for at least TTL + margin of continuous
    /// watching.
    pub fn observe(&mut self, leases: &[NodeLease], now: Instant) -> Vec<Lapsed> {
        if let Some(last) = self.last_reading {
            let gap = now.saturating_duration_since(last);
            if gap > MAX_GAP && !self.seen.is_empty() {
                tracing::info!(
                    "no reading of node heartbeats for {:.1}s (Redis unavailable, or this scheduler stalled): every node gets a full TTL again",
                    gap.as_secs_f64()
                );
                self.seen.clear();
            }
        }
        self.last_reading = Some(now);
        self.seen
            .retain(|name, _| leases.iter().any(|l| &l.name == name));
        let mut lapsed = Vec::new();
        for lease in leases {
            let entry = self.seen.entry(lease.name.clone()).or_insert_with(|| Seen {
                beats: lease.beats,
                since: now,
                ttl: lease.ttl.unwrap_or(DEFAULT_TTL),
            });
            if entry.beats != lease.beats {
                entry.beats = lease.beats;
                entry.since = now;
            }
            if let Some(ttl) = lease.ttl {
                entry.ttl = ttl;
            }
            let silent = now.saturating_duration_since(entry.since);
            if lease.runs > 0 && silent >= entry.ttl + lease_margin(entry.ttl) {
                lapsed.push(Lapsed {
                    name: lease.name.clone(),
                    beats: entry.beats,
                    silent,
                    ttl: entry.ttl,
                });
            }
        }
        lapsed
    }

    /// True when this scheduler has watched the node stay silent for at least its TTL: it takes
    /// no new work, whatever its last heartbeat's timestamp says.
    pub fn silent(&self, name: &str, now: Instant) -> bool {
        self.seen
            .get(name)
            .is_some_and(|s| now.saturating_duration_since(s.since) >= s.ttl)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lease(name: &str, beats: u64, runs: u64) -> NodeLease {
        NodeLease {
            name: name.into(),
            beats: Some(beats),
            ttl: Some(Duration::from_secs(3)),
            runs,
        }
    }

    /// Readings every 100 ms from `from` to `to` (ms after `t0`) with the given counter.
    fn watch_for(
        w: &mut LeaseWatch,
        t0: Instant,
        from: u64,
        to: u64,
        leases: &[NodeLease],
    ) -> Vec<Lapsed> {
        let mut out = Vec::new();
        let mut t = from;
        while t <= to {
            out = w.observe(leases, t0 + Duration::from_millis(t));
            t += 100;
        }
        out
    }

    #[test]
    fn a_silent_node_lapses_after_ttl_plus_margin_of_watching() {
        let t0 = Instant::now();
        let mut w = LeaseWatch::new();
        // TTL 3 s, margin 0.3 s: not lapsed at 3.2 s, lapsed at 3.3 s.
        assert!(watch_for(&mut w, t0, 0, 3200, &[lease("a", 5, 1)]).is_empty());
        let l = watch_for(&mut w, t0, 3300, 3300, &[lease("a", 5, 1)]);
        assert_eq!(l.len(), 1);
        assert_eq!((l[0].name.as_str(), l[0].beats), ("a", Some(5)));
        assert!(
            l[0].reason().contains("no heartbeat seen for 3.3s"),
            "{}",
            l[0].reason()
        );
    }

    #[test]
    fn a_heartbeat_restarts_the_clock_and_idle_nodes_never_lapse() {
        let t0 = Instant::now();
        let mut w = LeaseWatch::new();
        watch_for(
            &mut w,
            t0,
            0,
            3000,
            &[lease("a", 5, 1), lease("idle", 1, 0)],
        );
        // A heartbeat at 3 s: a full TTL + margin from there.
        assert!(watch_for(
            &mut w,
            t0,
            3100,
            6300,
            &[lease("a", 6, 1), lease("idle", 1, 0)]
        )
        .is_empty());
        let l = watch_for(
            &mut w,
            t0,
            6400,
            6400,
            &[lease("a", 6, 1), lease("idle", 1, 0)],
        );
        assert_eq!(l.iter().map(|l| l.name.as_str()).collect::<Vec<_>>(), ["a"]);
    }

    /// After a gap in the readings (an outage, a stall), every node gets a full TTL again — the
    /// rule that keeps finished work from running twice after a Redis outage.
    #[test]
    fn a_gap_in_the_readings_gives_every_node_a_full_ttl() {
        let t0 = Instant::now();
        let mut w = LeaseWatch::new();
        watch_for(&mut w, t0, 0, 1000, &[lease("a", 5, 1)]);
        // Redis down for 10 s: no readings. When it answers, the counter has not moved.
        assert!(watch_for(&mut w, t0, 11_000, 14_200, &[lease("a", 5, 1)]).is_empty());
        assert_eq!(
            watch_for(&mut w, t0, 14_300, 14_300, &[lease("a", 5, 1)]).len(),
            1
        );
    }

    #[test]
    fn a_vanished_record_keeps_the_last_ttl() {
        let t0 = Instant::now();
        let mut w = LeaseWatch::new();
        watch_for(&mut w, t0, 0, 500, &[lease("a", 5, 1)]);
        let gone = NodeLease {
            name: "a".into(),
            beats: None,
            ttl: None,
            runs: 1,
        };
        // The counter changed (to none): the clock restarts, with the TTL last seen.
        assert!(watch_for(&mut w, t0, 600, 3800, std::slice::from_ref(&gone)).is_empty());
        let l = watch_for(&mut w, t0, 3900, 3900, &[gone]);
        assert_eq!((l.len(), l[0].beats), (1, None));
    }
}
