//! Retrying dead letters: every one, or the named ids, saying which named ids were not dead letters.

use crate::store::{Store, StoreError};

/// Named ids that are not dead letters (unknown runs, or runs in another state). The ids that
/// were dead letters are requeued all the same; this error only reports the rest.
#[derive(Debug, thiserror::Error)]
#[error("not dead letters (unknown runs, or not in the dead state): {}", .0.join(", "))]
pub struct NotDeadLetters(pub Vec<String>);

impl NotDeadLetters {
    /// The process exit code this error leads to.
    pub fn code(&self) -> u8 {
        crate::exit::NOT_FOUND
    }
}

/// What a retry did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Retried {
    /// How many dead letters went back to the queue.
    pub requeued: u64,
    /// Named ids that were not dead letters (empty for `--all`).
    pub not_dead: Vec<String>,
}

/// Requeues every dead letter (`ids` is `None`) or the named ones, one id at a time so that the
/// ids which were not dead letters can be named. A repeated id counts once.
pub async fn retry_dead_letters(
    store: &dyn Store,
    ids: Option<&[String]>,
) -> Result<Retried, StoreError> {
    let Some(ids) = ids else {
        return Ok(Retried {
            requeued: store.retry_dead(None).await?,
            not_dead: Vec::new(),
        });
    };
    let mut done = Retried::default();
    let mut seen = std::collections::BTreeSet::new();
    for id in ids {
        if !seen.insert(id.as_str()) {
            continue;
        }
        match store.retry_dead(Some(std::slice::from_ref(id))).await? {
            0 => done.not_dead.push(id.clone()),
            n => done.requeued += n,
        }
    }
    Ok(done)
}
