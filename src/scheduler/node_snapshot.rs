//! The nodes a scheduler routes on between reads of the registry: its last read, with its own placements since added, for a few milliseconds ([`MAX_AGE`] by default).
//!
//! Reading every node (one `HGETALL` each) before every batch made a scheduler taking one run
//! per turn — a steady trickle of submits — read the whole registry per run, and added a round
//! trip to each turn. A snapshot is safe to route on for a short while because it never decides
//! anything on its own: every placement is re-checked by the store's atomic step against the node
//! as it stands (capacity, draining, lease), and one that no longer fits goes back to the queue
//! (`NodeUnavailable`, which also drops the snapshot). What a snapshot could get wrong the other
//! way — capacity freed or a node added since — is never held against a run: a batch in which
//! any run found no node (pending or rejected) is decided again on a fresh read.

use std::time::{Duration, Instant};

use super::{Batch, Scheduler, SchedulerError};
use crate::model::node::Node;
use crate::store::{Applied, Decision, Outcome};

/// How long a read of the nodes is routed on, by default.
pub const MAX_AGE: Duration = Duration::from_millis(50);

/// The last read of the nodes and when it was made, with this scheduler's placements since.
#[derive(Default)]
pub(super) struct NodeSnapshot {
    kept: Option<(Instant, Vec<Node>)>,
}

impl NodeSnapshot {
    /// The nodes as last read, when that read is younger than `max_age`, with when it was made.
    /// The snapshot is handed out, not shared: it is kept again (see [`NodeSnapshot::keep`])
    /// only once the decisions made on it stood.
    pub(super) fn take_recent(&mut self, max_age: Duration) -> Option<(Instant, Vec<Node>)> {
        self.kept
            .take()
            .filter(|(read_at, _)| read_at.elapsed() < max_age)
    }

    /// Keeps `nodes` (read at `read_at`, with the batch's placements accounted) for the next
    /// batches, if every placement of the batch was applied as decided; otherwise the next batch
    /// reads the nodes again.
    pub(super) fn keep(
        &mut self,
        read_at: Instant,
        nodes: Vec<Node>,
        outcomes: &[Outcome],
        applied: &[Applied],
    ) {
        let stood = outcomes.iter().zip(applied).all(|(o, a)| match o.decision {
            Decision::Assign { .. } => *a == Applied::Done(crate::model::run::RunState::Scheduled),
            _ => true,
        });
        self.kept = (stood && outcomes.len() == applied.len()).then_some((read_at, nodes));
    }
}

/// True when a batch decided on a snapshot must be decided again on a fresh read: some run found
/// no node in it (a pending or rejected run may fit what the snapshot does not show yet).
pub(super) fn needs_fresh_read(outcomes: &[Outcome]) -> bool {
    outcomes
        .iter()
        .any(|o| matches!(o.decision, Decision::Pending | Decision::Reject))
}

/// The nodes a batch is routed on, and when they were read.
pub(super) struct Nodes {
    pub(super) read_at: Instant,
    pub(super) nodes: Vec<Node>,
    /// Taken from the snapshot of an earlier batch rather than read for this one.
    pub(super) from_snapshot: bool,
}

impl Scheduler {
    /// Checks the policies and gets the nodes to route on: the snapshot of a read made less than
    /// `node_snapshot_age` ago, or a fresh read (made together with the policy check).
    pub(super) async fn nodes_with_policies(&mut self) -> Result<Nodes, SchedulerError> {
        if let Some((read_at, nodes)) = self.nodes.take_recent(self.config.node_snapshot_age) {
            self.check_policies().await?;
            return Ok(Nodes {
                read_at,
                nodes,
                from_snapshot: true,
            });
        }
        let store = self.store.clone();
        let read_at = Instant::now();
        let (checked, nodes) = tokio::join!(self.check_policies(), store.nodes());
        checked?;
        Ok(Nodes {
            read_at,
            nodes: nodes?,
            from_snapshot: false,
        })
    }

    /// Decides a batch on `nodes`; when they came from a snapshot and some run found no node in
    /// them, decides the whole batch again on a fresh read. Answers the outcomes and the nodes
    /// they were decided on, with the batch's placements accounted.
    pub(super) async fn decide_batch(
        &mut self,
        batch: &Batch,
        nodes: Nodes,
    ) -> Result<(Vec<Outcome>, Nodes), SchedulerError> {
        let (outcomes, placed_on) = self.decide(&batch.runs, nodes.nodes)?;
        if !(nodes.from_snapshot && needs_fresh_read(&outcomes)) {
            let nodes = Nodes {
                nodes: placed_on,
                ..nodes
            };
            return Ok((outcomes, nodes));
        }
        let read_at = Instant::now();
        let fresh = self.store.nodes().await?;
        let (outcomes, placed_on) = self.decide(&batch.runs, fresh)?;
        let nodes = Nodes {
            read_at,
            nodes: placed_on,
            from_snapshot: false,
        };
        Ok((outcomes, nodes))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::node::Resources;
    use crate::model::run::{RunState, Verdict};
    use crate::model::spec::Heat;

    fn outcome(decision: Decision) -> Outcome {
        Outcome {
            id: "r".into(),
            decision,
            verdict: Verdict::Allow,
            reasons: Vec::new(),
            policy_version: 1,
            heat: Heat::Warm,
            quarantined: false,
            message: None,
        }
    }

    fn assign() -> Outcome {
        outcome(Decision::Assign {
            node: "n1".into(),
            want: Resources::default(),
        })
    }

    #[test]
    fn a_snapshot_is_kept_only_when_every_placement_stood() {
        let mut s = NodeSnapshot::default();
        let read = Instant::now();
        let placed = Applied::Done(RunState::Scheduled);
        s.keep(read, Vec::new(), &[assign()], std::slice::from_ref(&placed));
        assert!(s.take_recent(MAX_AGE).is_some());
        // Handed out once: the next batch reads again unless it is kept again.
        assert!(s.take_recent(MAX_AGE).is_none());
        s.keep(read, Vec::new(), &[assign()], &[Applied::NodeUnavailable]);
        assert!(s.take_recent(MAX_AGE).is_none());
        s.keep(read, Vec::new(), &[assign()], &[Applied::Stale]);
        assert!(s.take_recent(MAX_AGE).is_none());
        s.keep(read, Vec::new(), &[assign(), assign()], &[placed]);
        assert!(s.take_recent(MAX_AGE).is_none(), "an answer missing");
        let denied = outcome(Decision::Deny);
        s.keep(
            read,
            Vec::new(),
            &[denied],
            &[Applied::Done(RunState::Denied)],
        );
        assert!(s.take_recent(MAX_AGE).is_some());
    }

    #[test]
    fn an_old_snapshot_is_not_used() {
        let mut s = NodeSnapshot::default();
        let old = Instant::now() - MAX_AGE - Duration::from_millis(1);
        s.keep(old, Vec::new(), &[], &[]);
        assert!(s.take_recent(MAX_AGE).is_none());
    }

    #[test]
    fn runs_that_found_no_node_are_decided_on_a_fresh_read() {
        assert!(!needs_fresh_read(&[assign(), outcome(Decision::Deny)]));
        assert!(needs_fresh_read(&[assign(), outcome(Decision::Pending)]));
        assert!(needs_fresh_read(&[outcome(Decision::Reject)]));
    }
}
