//! The event stream on Redis: a run's recent events and following `tartarus:events` with XREAD.

use std::collections::{BTreeMap, HashMap};
use std::time::Duration;

use ::redis::Value;

use super::conn::*;
use super::RedisStore;
use crate::model::run::Event;
use crate::store::*;

/// The events of one stream entry, from its fields in order. An entry is either one event
/// (`kind`, `run`, `from`, `to`, `at`, `node`, `message`: what one-run steps and policy changes
/// write) or a batch (`batch <n>`, `at <ms>`, then one group per event starting with `run <id>`,
/// followed by any of `kind` (a transition when absent), `from`, `to`, `node`, `message`): what the
/// batch steps write, see `batch_scripts`. The events of a batch share the entry's id.
pub(super) fn parse_stream_entry(id: &str, fields: Vec<(String, String)>) -> Vec<Event> {
    if fields.first().is_some_and(|(k, _)| k == "batch") {
        return parse_batch_entry(id, fields);
    }
    let fields: BTreeMap<String, String> = fields.into_iter().collect();
    vec![Event {
        at: fields.get("at").and_then(|v| v.parse().ok()).unwrap_or(0),
        kind: fields.get("kind").cloned().unwrap_or_default(),
        run: fields.get("run").cloned(),
        from: fields.get("from").cloned(),
        to: fields.get("to").cloned(),
        node: fields.get("node").cloned(),
        message: fields.get("message").cloned(),
        id: id.to_string(),
    }]
}

fn parse_batch_entry(id: &str, fields: Vec<(String, String)>) -> Vec<Event> {
    let mut at = 0;
    let mut out: Vec<Event> = Vec::new();
    for (k, v) in fields {
        if k == "run" {
            out.push(Event {
                id: id.to_string(),
                at,
                kind: "run".to_string(),
                run: Some(v),
                from: None,
                to: None,
                node: None,
                message: None,
            });
            continue;
        }
        let Some(e) = out.last_mut() else {
            // The entry's header, before its first event.
            if k == "at" {
                at = v.parse().unwrap_or(0);
            }
            continue;
        };
        match k.as_str() {
            "kind" => e.kind = v,
            "from" => e.from = Some(v),
            "to" => e.to = Some(v),
            "node" => e.node = Some(v),
            "message" => e.message = Some(v),
            _ => {}
        }
    }
    out
}

/// A stream entry's fields in their stored order (a RESP3 map keeps it too).
fn pairs(v: Value) -> Vec<(String, String)> {
    let flat = items(v);
    flat.chunks(2)
        .filter_map(|c| match c {
            [k, v] => Some((text(k)?, text(v)?)),
            _ => None,
        })
        .collect()
}

pub(super) async fn run_events(store: &RedisStore, id: &str) -> StoreResult<Vec<Event>> {
    let mut p = ::redis::pipe();
    history_reads(store, &mut p, id);
    let (list, hash): (Vec<String>, HashMap<String, String>) = store.query(&p).await?;
    decode_history(id, list, hash)
}

/// Adds the reads of run `id`'s history to a pipeline: two replies, a list and a hash (see
/// [`decode_history`]).
pub(super) fn history_reads(store: &RedisStore, p: &mut ::redis::Pipeline, id: &str) {
    p.lrange(store.keys.run_events(id), 0, -1);
    p.hgetall(store.keys.run(id));
}

/// Run `id`'s history, oldest first, from its two stored places: the history list that schema 3
/// and before wrote (still read for runs that lived through an upgrade), then its hash's `@<n>`
/// fields in the order of n (schema 4: see `scripts`). The hash's other fields are ignored.
pub(super) fn decode_history(
    id: &str,
    list: Vec<String>,
    hash: impl IntoIterator<Item = (String, String)>,
) -> StoreResult<Vec<Event>> {
    let mut numbered: Vec<(u64, String)> = hash
        .into_iter()
        .filter_map(|(k, v)| Some((k.strip_prefix('@')?.parse().ok()?, v)))
        .collect();
    numbered.sort_unstable_by_key(|(n, _)| *n);
    list.iter()
        .map(String::as_str)
        .chain(numbered.iter().map(|(_, v)| v.as_str()))
        .map(|e| decode_run_event(e, id))
        .collect()
}

/// An entry of a run's own history as the scripts store it: JSON without what the key already
/// says (the run's id) and without the kind when it is a transition (`run`), to keep each entry
/// small. Entries written with both (older versions) read the same.
#[derive(serde::Deserialize)]
struct StoredRunEvent {
    id: String,
    at: i64,
    #[serde(default)]
    kind: Option<String>,
    #[serde(default)]
    run: Option<String>,
    from: Option<String>,
    to: Option<String>,
    node: Option<String>,
    message: Option<String>,
}

/// Reads one entry of run `run_id`'s history.
pub(super) fn decode_run_event(json: &str, run_id: &str) -> StoreResult<Event> {
    let e: StoredRunEvent = serde_json::from_str(json).map_err(corrupt)?;
    Ok(Event {
        id: e.id,
        at: e.at,
        kind: e.kind.unwrap_or_else(|| "run".to_string()),
        run: Some(e.run.unwrap_or_else(|| run_id.to_string())),
        from: e.from,
        to: e.to,
        node: e.node,
        message: e.message,
    })
}

pub(super) async fn latest_event_id(store: &RedisStore) -> StoreResult<Option<String>> {
    let mut p = ::redis::pipe();
    p.cmd("XREVRANGE")
        .arg(store.keys.events())
        .arg("+")
        .arg("-")
        .arg("COUNT")
        .arg(1);
    let (v,): (Value,) = store.query(&p).await?;
    Ok(items(v)
        .into_iter()
        .next()
        .and_then(|e| items(e).first().and_then(text)))
}

pub(super) async fn read_events(
    store: &RedisStore,
    after: Option<&str>,
    count: usize,
    block: Duration,
) -> StoreResult<Vec<Event>> {
    let start = after.unwrap_or("$");
    let mut cmd = ::redis::cmd("XREAD");
    cmd.arg("COUNT").arg(count.max(1));
    if !block.is_zero() {
        // Stay under the response timeout so a quiet stream is not mistaken for a dead server.
        let ms = block
            .min(
                store
                    .target
                    .command_timeout
                    .saturating_sub(Duration::from_millis(250)),
            )
            .as_millis()
            .max(1);
        cmd.arg("BLOCK").arg(ms as u64);
    }
    cmd.arg("STREAMS").arg(store.keys.events()).arg(start);
    let v: Value = if block.is_zero() {
        store.query_cmd(&cmd).await?
    } else {
        store.query_blocking(&cmd).await?
    };
    let mut out = Vec::new();
    // Reply: [[stream, [[id, [k, v, …]], …]]] (RESP2) or a map (RESP3).
    for stream in items(v) {
        let parts = items(stream);
        let entries = parts.into_iter().nth(1).map(items).unwrap_or_default();
        for entry in entries {
            let mut e = items(entry).into_iter();
            let id = e.next().as_ref().and_then(text).unwrap_or_default();
            let fields = e.next().map(pairs).unwrap_or_default();
            out.extend(parse_stream_entry(&id, fields));
        }
    }
    Ok(out)
}
