//! Where `verify persistence` records its verdict, so that `tartarus metrics --textfile` (another
//! process, later) can report it: a JSON string in the cell
//! ([`crate::store::keys::Keys::persistence_verdict`]), written after every check that could
//! reach Redis at the end. When Redis is not back, nothing can be recorded there; the command's
//! own `--textfile` still reports the failure.

use serde::{Deserialize, Serialize};

use super::canary::Verdict;
use super::{RedisAdmin, Result};

/// The stored verdict.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PersistenceRecord {
    pub persisted: bool,
    /// Unix ms when the check ended; RFC 3339 in Redis.
    #[serde(with = "crate::output::rfc3339")]
    pub checked_at: i64,
    /// `restart` or `bgsave`.
    pub mode: String,
    /// Why it did not pass; null when it did.
    pub error: Option<String>,
    pub elapsed_ms: u64,
}

impl PersistenceRecord {
    pub fn from_verdict(v: &Verdict, checked_at: i64) -> Self {
        let error = if v.persisted {
            None
        } else {
            Some(v.error.clone().unwrap_or_else(|| v.failures()))
        };
        PersistenceRecord {
            persisted: v.persisted,
            checked_at,
            mode: v.mode.to_string(),
            error,
            elapsed_ms: v.elapsed_ms,
        }
    }
}

/// Writes the record at `key`.
pub async fn record(admin: &RedisAdmin, key: &str, r: &PersistenceRecord) -> Result<()> {
    let json = serde_json::to_string(r).map_err(|e| super::PersistenceError::Json {
        path: key.into(),
        error: e,
    })?;
    admin.set_string(key, &json).await
}

/// The last record (None when none was written, or it is not one).
pub async fn last(admin: &RedisAdmin, key: &str) -> Result<Option<PersistenceRecord>> {
    Ok(admin
        .get_string(key)
        .await?
        .filter(|s| s.len() <= 64 << 10)
        .and_then(|s| serde_json::from_str(&s).ok()))
}
