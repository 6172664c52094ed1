//! Retention on Redis: the cell's window in its settings hash, finished runs found through two sorted sets (by finish time, by own expiry), deleted by one script that re-checks each run, and the event stream trimmed by age.

use std::time::Duration;

use ::redis::Value;

use super::conn::*;
use super::scripts::*;
use super::RedisStore;
use crate::model::run::{field, Event};
use crate::store::*;

/// Settings hash field of the window for finished runs (ms).
const RETAIN_FINISHED_MS: &str = "retain_finished_ms";

/// Runs per delete script: one atomic step of bounded length.
const DELETE_CHUNK: usize = 250;

pub(super) async fn retention(store: &RedisStore) -> StoreResult<Retention> {
    let mut p = ::redis::pipe();
    p.hget(store.keys.settings(), RETAIN_FINISHED_MS);
    let (v,): (Option<String>,) = store.query(&p).await?;
    parse_window(v)
}

/// The stored window, or the default; a value that is not a number of ms is corrupt.
pub(super) fn parse_window(v: Option<String>) -> StoreResult<Retention> {
    match v {
        None => Ok(Retention::default()),
        Some(text) => text
            .parse::<u64>()
            .map(|ms| Retention {
                finished: Duration::from_millis(ms),
                stored: true,
            })
            .map_err(|_| {
                corrupt(format!(
                    "{RETAIN_FINISHED_MS} is `{text}`, not a number of ms"
                ))
            }),
    }
}

pub(super) async fn set_retention(store: &RedisStore, finished: Duration) -> StoreResult<()> {
    let mut p = ::redis::pipe();
    p.hset(store.keys.settings(), RETAIN_FINISHED_MS, ms(finished))
        .ignore();
    store.query::<()>(&p).await
}

pub(super) async fn expired_runs(
    store: &RedisStore,
    now: i64,
    window: Duration,
    max: usize,
) -> StoreResult<Vec<String>> {
    if max == 0 {
        return Ok(Vec::new());
    }
    let ranges = [
        (store.keys.finished_ttl(), now),
        (store.keys.finished(), now.saturating_sub(ms(window))),
    ];
    let mut p = ::redis::pipe();
    for (key, until) in &ranges {
        p.zcount(key, "-inf", *until);
    }
    let (due_own, due_window): (u64, u64) = store.query(&p).await?;
    let mut p = ::redis::pipe();
    for ((key, until), due) in ranges.iter().zip([due_own, due_window]) {
        p.cmd("ZRANGE")
            .arg(key)
            .arg("-inf")
            .arg(*until)
            .arg("BYSCORE")
            .arg("LIMIT")
            .arg(slice_start(due, max, now))
            .arg(max);
    }
    let (own, by_window): (Vec<String>, Vec<String>) = store.query(&p).await?;
    let mut out = own;
    out.extend(by_window);
    out.truncate(max);
    Ok(out)
}

/// Where a pass starts reading a backlog of `due` runs: the oldest when it is under two batches,
/// else a random whole batch into it, so that several schedulers cleaning at once rarely read (and
/// archive) the same runs.
fn slice_start(due: u64, max: usize, seed: i64) -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let batches = due / max.max(1) as u64;
    if batches < 2 {
        return 0;
    }
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_i64(seed);
    (h.finish() % batches) * max as u64
}

pub(super) async fn delete_expired(
    store: &RedisStore,
    ids: &[String],
    now: i64,
    window: Duration,
) -> StoreResult<Vec<String>> {
    let mut deleted = Vec::with_capacity(ids.len());
    for chunk in ids.chunks(DELETE_CHUNK) {
        // Where each run's node bookkeeping and idempotency key are: read first, re-checked by
        // the script. (The `idempotency_key` field holds the caller's key, not a Redis key name:
        // its Redis key is `Keys::idempotency`, deleted by the script only while it names this
        // run. Deleting the field's value as a key name would delete an unrelated key outside
        // the cell, and in Cluster fail with CROSSSLOT.)
        let mut p = ::redis::pipe();
        for id in chunk {
            p.cmd("HMGET")
                .arg(store.keys.run(id))
                .arg(field::NODE)
                .arg(field::IDEMPOTENCY_KEY);
        }
        let rows: Vec<Vec<Option<String>>> = store.query(&p).await?;
        let mut keys = store.base_keys();
        let mut args = store.common_args();
        args[2] = now.to_string();
        args.push(now.saturating_sub(ms(window)).to_string());
        for (id, row) in chunk.iter().zip(rows) {
            let mut row = row.into_iter();
            let node = row.next().flatten().filter(|n| !n.is_empty());
            let idem = row.next().flatten().filter(|k| !k.is_empty());
            keys.push(store.keys.run(id));
            keys.push(store.keys.run_events(id));
            keys.push(match &node {
                Some(n) => store.keys.node_runs(n),
                None => store.keys.run(id),
            });
            keys.push(match &idem {
                Some(k) => store.keys.idempotency(k),
                None => store.keys.run(id),
            });
            args.extend([
                id.clone(),
                if node.is_some() { "1" } else { "0" }.to_string(),
                "0".to_string(),
                if idem.is_some() { "1" } else { "0" }.to_string(),
            ]);
        }
        deleted.extend(strings(
            store
                .eval(Call {
                    script: ScriptId::ExpireFinished,
                    keys,
                    args,
                })
                .await?,
        ));
    }
    Ok(deleted)
}

pub(super) async fn trim_events(store: &RedisStore, before_ms: i64) -> StoreResult<u64> {
    let mut cmd = ::redis::cmd("XTRIM");
    cmd.arg(store.keys.events())
        .arg("MINID")
        .arg(before_ms.max(0));
    let v: Value = store.query_cmd(&cmd).await?;
    Ok(int(&v).unwrap_or(0).max(0) as u64)
}

/// One pipeline per 1,000 runs: each run's legacy history list, then its hash, which holds both
/// the run and (schema 4) its history. A run deleted between the two reads has no hash and
/// reads as absent, so a run returned never lacks events it had.
pub(super) async fn runs_with_events(
    store: &RedisStore,
    ids: &[String],
) -> StoreResult<Vec<Option<(Run, Vec<Event>)>>> {
    let mut out = Vec::with_capacity(ids.len());
    for chunk in ids.chunks(1000) {
        let mut p = ::redis::pipe();
        for id in chunk {
            super::events::history_reads(store, &mut p, id);
        }
        let replies: Vec<Value> = store.query(&p).await?;
        let mut replies = replies.into_iter();
        for id in chunk {
            let (Some(list), Some(hash)) = (replies.next(), replies.next()) else {
                return Err(corrupt(format!("no history reply for run {id}")));
            };
            let hash: std::collections::BTreeMap<String, String> =
                ::redis::from_redis_value(hash).map_err(corrupt)?;
            if hash.is_empty() {
                out.push(None);
                continue;
            }
            // As in `get_runs`: one unreadable run reads as absent, and does not stop the batch.
            let run = match Run::from_fields(&hash) {
                Ok(run) => run,
                Err(e) => {
                    tracing::error!("{e}");
                    out.push(None);
                    continue;
                }
            };
            let list: Vec<String> = ::redis::from_redis_value(list).map_err(corrupt)?;
            out.push(Some((run, super::events::decode_history(id, list, hash)?)));
        }
    }
    Ok(out)
}
