//! Cancelling runs: each one independently, so one finished run does not stop the others.

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
