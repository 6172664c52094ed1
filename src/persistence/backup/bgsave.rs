//! BGSAVE and wait for it: the one way every backup and check knows the RDB on disk is current.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use crate::persistence::admin::{BgsaveStart, RedisAdmin};
use crate::persistence::{PersistenceError, Progress, ProgressFn, Result};

fn now_unix() -> i64 {
    chrono::Utc::now().timestamp()
}

pub(crate) fn int_field(m: &BTreeMap<String, String>, k: &str) -> Option<i64> {
    m.get(k).and_then(|v| v.trim().parse().ok())
}

/// Runs a BGSAVE and waits until it has completed successfully. Returns the new `rdb_last_save_time`.
///
/// Robust against a save already running (waits, then starts its own so recent writes are included),
/// against a save scheduled behind an AOF rewrite, and against the 1-second resolution of
/// `rdb_last_save_time` (waits for the clock to pass the previous save time first).
pub async fn bgsave_and_wait(
    admin: &RedisAdmin,
    timeout: Duration,
    progress: ProgressFn<'_>,
) -> Result<i64> {
    let deadline = Instant::now() + timeout;
    let before = admin.info_section("persistence").await?;
    let before_time = int_field(&before, "rdb_last_save_time").unwrap_or(0);
    while now_unix() <= before_time {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    progress(Progress::phase("bgsave"));
    start_own_bgsave(admin, deadline).await?;
    wait_for_save(admin, before_time, deadline, timeout).await
}

/// Sends BGSAVE; when another one is running, waits for it (it may have forked before our latest
/// writes) and asks again.
async fn start_own_bgsave(admin: &RedisAdmin, deadline: Instant) -> Result<()> {
    let mut tries = 0;
    loop {
        match admin.bgsave().await? {
            BgsaveStart::Started | BgsaveStart::Scheduled => return Ok(()),
            BgsaveStart::AlreadyInProgress => {
                tries += 1;
                if tries > 20 || Instant::now() > deadline {
                    return Err(PersistenceError::Timeout(
                        "another BGSAVE kept running".into(),
                    ));
                }
                loop {
                    let p = admin.info_section("persistence").await?;
                    if int_field(&p, "rdb_bgsave_in_progress") == Some(0) {
                        break;
                    }
                    if Instant::now() > deadline {
                        return Err(PersistenceError::Timeout(
                            "waiting for a running BGSAVE".into(),
                        ));
                    }
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
            }
        }
    }
}

/// Polls until a save newer than `before_time` finished: its time, or why it failed.
async fn wait_for_save(
    admin: &RedisAdmin,
    before_time: i64,
    deadline: Instant,
    timeout: Duration,
) -> Result<i64> {
    let mut seen_running = false;
    loop {
        tokio::time::sleep(Duration::from_millis(50)).await;
        let p = admin.info_section("persistence").await?;
        let running = int_field(&p, "rdb_bgsave_in_progress").unwrap_or(0) != 0;
        let t = int_field(&p, "rdb_last_save_time").unwrap_or(0);
        let status = p
            .get("rdb_last_bgsave_status")
            .map(String::as_str)
            .unwrap_or("");
        if running {
            seen_running = true;
        } else if t > before_time {
            if status == "ok" {
                return Ok(t);
            }
            return Err(PersistenceError::BgsaveFailed(format!(
                "rdb_last_bgsave_status:{status}"
            )));
        } else if seen_running && status != "ok" {
            return Err(PersistenceError::BgsaveFailed(format!(
                "rdb_last_bgsave_status:{status} (see the Redis log)"
            )));
        }
        if Instant::now() > deadline {
            return Err(PersistenceError::Timeout(format!(
                "BGSAVE did not finish within {:?}",
                timeout
            )));
        }
    }
}
