//! Cancelling runs: each one independently, so one finished run does not stop the others; and the same decision without writing (`--dry-run`).

use crate::model::run::Run;
use crate::store::{Store, StoreError};

/// What a cancel of many runs did: the runs now cancelled, and each failure with its run id.
#[derive(Debug, Default)]
pub struct Cancelled {
    pub done: Vec<Run>,
    pub failed: Vec<(String, StoreError)>,
}

/// Cancels every run in `ids`, recording `reason` on each.
pub async fn cancel_runs(store: &dyn Store, ids: &[String], reason: &str) -> Cancelled {
    let mut out = Cancelled::default();
    for id in ids {
        match store.cancel(id, reason).await {
            Ok(run) => out.done.push(run),
            Err(e) => out.failed.push((id.clone(), e)),
        }
    }
    out
}

/// What [`cancel_runs`] would do, without writing: the runs it would cancel, and the error each
/// other run would get (not found, or already finished).
pub async fn plan_cancel(store: &dyn Store, ids: &[String]) -> Result<Cancelled, StoreError> {
    let mut out = Cancelled::default();
    let runs = store.get_runs(ids).await?;
    for (id, run) in ids.iter().zip(runs) {
        match run {
            None => out
                .failed
                .push((id.clone(), StoreError::RunNotFound(id.clone()))),
            Some(run) if run.state.is_terminal() => out.failed.push((
                id.clone(),
                StoreError::Conflict {
                    id: id.clone(),
                    actual: run.state.to_string(),
                    expected: "a non-terminal state".to_string(),
                },
            )),
            Some(run) => out.done.push(run),
        }
    }
    Ok(out)
}
