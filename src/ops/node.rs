//! Node registry use cases that need more than one store call: what removing a node would do.

use crate::model::run::RunState;
use crate::store::{Store, StoreError};

/// The runs a node removal would requeue and the ones it would dead-letter.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RemovalPlan {
    pub requeue: Vec<String>,
    pub dead_letter: Vec<String>,
}

/// What `remove_node(name, max_attempts)` would do, read without writing: each run placed on the
/// node (scheduled or running there) is requeued, or dead-lettered once it has had
/// `max_attempts` attempts — the same rule the store applies.
pub async fn removal_plan(
    store: &dyn Store,
    name: &str,
    max_attempts: u32,
) -> Result<RemovalPlan, StoreError> {
    if store.node(name).await?.is_none() {
        return Err(StoreError::NodeNotFound(name.to_string()));
    }
    let ids = store.node_runs(name).await?;
    let runs = store.get_runs(&ids).await?;
    let mut plan = RemovalPlan::default();
    for run in runs.into_iter().flatten() {
        let placed_here = matches!(run.state, RunState::Scheduled | RunState::Running)
            && run.node.as_deref() == Some(name);
        if !placed_here {
            continue;
        }
        if run.attempts >= max_attempts {
            plan.dead_letter.push(run.id);
        } else {
            plan.requeue.push(run.id);
        }
    }
    Ok(plan)
}
