//! Hades on Redis: submitting, reading, listing, cancelling and deleting runs, and the agent-side steps of a run (start, finish, hand back).

use std::collections::BTreeMap;
use std::task::Poll;

use futures::stream::{FuturesOrdered, StreamExt};

use ::redis::Value;

use super::conn::*;
use super::nodes::RecoverCheck;
use super::scripts::*;
use super::RedisStore;
use crate::model::run::{field, Run, RunState};
use crate::store::keys::queue_score;
use crate::store::*;

/// Submit calls in flight at once on the connection.
const SUBMITS_IN_FLIGHT: usize = 16;

pub(super) async fn submit(store: &RedisStore, runs: &[Run]) -> StoreResult<Vec<Admission>> {
    let batch = store.settings.submit_batch.max(1);
    let idem_ttl = ms(store.settings.idempotency_ttl).max(1).to_string();
    // Many batches in flight on one multiplexed connection, each one atomic script call. Each
    // call is sent as soon as it is built, so Redis runs one while the next is encoded.
    let mut out = Vec::with_capacity(runs.len());
    let mut inflight = FuturesOrdered::new();
    let take = |out: &mut Vec<Admission>, reply: Value| {
        out.extend(strings(reply).iter().map(|v| parse_admission(v)));
    };
    for chunk in runs.chunks(batch) {
        if inflight.len() >= SUBMITS_IN_FLIGHT {
            if let Some(reply) = inflight.next().await {
                take(&mut out, reply?);
            }
        }
        inflight.push_back(store.eval(submit_call(store, chunk, &idem_ttl)));
        // Polling sends the new call; answers already there are taken in order.
        while let Poll::Ready(Some(reply)) = futures::poll!(inflight.next()) {
            take(&mut out, reply?);
        }
    }
    while let Some(reply) = inflight.next().await {
        take(&mut out, reply?);
    }
    if out.len() != runs.len() {
        return Err(StoreError::Backend(format!(
            "submit answered for {} of {} runs",
            out.len(),
            runs.len()
        )));
    }
    Ok(out)
}

/// The submit script call for one batch of runs.
fn submit_call(store: &RedisStore, chunk: &[Run], idem_ttl: &str) -> Call {
    let mut keys = store.base_keys();
    keys.extend(chunk.iter().map(|r| store.keys.run(&r.id)));
    let mut idem_keys = Vec::new();
    let mut args = store.common_args();
    args.push(chunk.len().to_string());
    args.push(idem_ttl.to_string());
    args.push(store.keys.queue_wake_channel());
    for run in chunk {
        let fields = run.to_fields();
        args.push(run.id.clone());
        args.push(queue_score(run.priority).to_string());
        match &run.idempotency_key {
            Some(k) => {
                idem_keys.push(store.keys.idempotency(k));
                args.push(idem_keys.len().to_string());
                args.push(run.content_hash());
            }
            None => {
                args.push("0".into());
                args.push(String::new());
            }
        }
        args.push((fields.len() * 2).to_string());
        for (k, v) in fields {
            args.push(k.to_string());
            args.push(v);
        }
    }
    keys.extend(idem_keys);
    Call {
        script: ScriptId::Submit,
        keys,
        args,
    }
}

/// One entry of the submit script's answer.
fn parse_admission(v: &str) -> Admission {
    if let Some(id) = v.strip_prefix("existing:") {
        Admission::Existing { id: id.to_string() }
    } else if let Some(id) = v.strip_prefix("conflict:") {
        Admission::Conflict { id: id.to_string() }
    } else {
        Admission::Created
    }
}

pub(super) async fn get_run(store: &RedisStore, id: &str) -> StoreResult<Option<Run>> {
    let mut p = ::redis::pipe();
    p.hgetall(store.keys.run(id));
    let (v,): (Value,) = store.query(&p).await?;
    let h = hash(v);
    if h.is_empty() {
        return Ok(None);
    }
    Run::from_fields(&h).map(Some).map_err(corrupt)
}

pub(super) async fn get_runs(store: &RedisStore, ids: &[String]) -> StoreResult<Vec<Option<Run>>> {
    let mut out = Vec::with_capacity(ids.len());
    for chunk in ids.chunks(1000) {
        let mut p = ::redis::pipe();
        for id in chunk {
            p.hgetall(store.keys.run(id));
        }
        let values: Vec<Value> = store.query(&p).await?;
        for v in values {
            let h = hash(v);
            if h.is_empty() {
                out.push(None);
            } else {
                // One unreadable run must not stop every reader of a batch: it reads as
                // absent here (the scheduler dead-letters it; `sandbox get` reports it).
                match Run::from_fields(&h) {
                    Ok(run) => out.push(Some(run)),
                    Err(e) => {
                        tracing::error!("{e}");
                        out.push(None);
                    }
                }
            }
        }
    }
    Ok(out)
}

pub(super) async fn list_runs(
    store: &RedisStore,
    filter: &RunFilter,
    cursor: Option<&str>,
    limit: usize,
) -> StoreResult<RunPage> {
    let index = match filter.state {
        Some(s) => store.keys.state(s),
        None => store.keys.runs(),
    };
    let mut runs = Vec::new();
    let mut after = cursor.map(str::to_string);
    let page = (limit.max(1) * 2).clamp(50, 2000);
    loop {
        let min = match &after {
            Some(c) => format!("({c}"),
            None => "-".to_string(),
        };
        let mut p = ::redis::pipe();
        p.cmd("ZRANGE")
            .arg(&index)
            .arg(&min)
            .arg("+")
            .arg("BYLEX")
            .arg("LIMIT")
            .arg(0)
            .arg(page);
        let (ids,): (Vec<String>,) = store.query(&p).await?;
        if ids.is_empty() {
            return Ok(RunPage {
                runs,
                next_cursor: None,
            });
        }
        let fetched = store.get_runs(&ids).await?;
        for (id, run) in ids.iter().zip(fetched) {
            after = Some(id.clone());
            if let Some(run) = run.filter(|r| filter.matches(r)) {
                runs.push(run);
                if runs.len() == limit {
                    return Ok(RunPage {
                        runs,
                        next_cursor: Some(id.clone()),
                    });
                }
            }
        }
        if ids.len() < page {
            return Ok(RunPage {
                runs,
                next_cursor: None,
            });
        }
    }
}

pub(super) async fn state_counts(store: &RedisStore) -> StoreResult<BTreeMap<RunState, u64>> {
    let mut p = ::redis::pipe();
    for s in RunState::ALL {
        p.zcard(store.keys.state(s));
    }
    let counts: Vec<u64> = store.query(&p).await?;
    Ok(RunState::ALL.into_iter().zip(counts).collect())
}

pub(super) async fn cancel(store: &RedisStore, id: &str, message: &str) -> StoreResult<Run> {
    let mut node = String::new();
    for _ in 0..5 {
        let mut args = store.common_args();
        args.extend([id.to_string(), node.clone(), message.to_string()]);
        let reply = text(
            &store
                .eval(Call {
                    script: ScriptId::Cancel,
                    keys: store.run_node_keys(id, &node),
                    args,
                })
                .await?,
        )
        .unwrap_or_default();
        if reply == "cancelled" {
            return store
                .get_run(id)
                .await?
                .ok_or_else(|| StoreError::RunNotFound(id.to_string()));
        } else if reply == "notfound" {
            return Err(StoreError::RunNotFound(id.to_string()));
        } else if let Some(state) = reply.strip_prefix("conflict:") {
            return Err(StoreError::Conflict {
                id: id.into(),
                actual: state.into(),
                expected: "not yet finished".into(),
            });
        } else if let Some(n) = reply.strip_prefix("retry:") {
            node = n.to_string();
        }
    }
    Err(StoreError::Backend(format!(
        "run {id} kept moving between nodes; cancel again"
    )))
}

/// Starts or finishes per script call.
const STEPS_PER_CALL: usize = 500;

pub(super) async fn start_run(
    store: &RedisStore,
    id: &str,
    node: &str,
    attempt: u32,
    log_path: Option<&str>,
) -> StoreResult<Applied> {
    let one = RunStart {
        id: id.to_string(),
        attempt,
        log_path: log_path.map(str::to_string),
    };
    single(start_runs(store, node, std::slice::from_ref(&one)).await?)
}

pub(super) async fn start_runs(
    store: &RedisStore,
    node: &str,
    starts: &[RunStart],
) -> StoreResult<Vec<Applied>> {
    let calls: Vec<Call> = starts
        .chunks(STEPS_PER_CALL)
        .map(|chunk| {
            let mut keys = store.base_keys();
            let mut args = store.common_args();
            args.extend([node.to_string(), chunk.len().to_string()]);
            for s in chunk {
                keys.push(store.keys.run(&s.id));
                args.extend([
                    s.id.clone(),
                    s.attempt.to_string(),
                    s.log_path.clone().unwrap_or_default(),
                ]);
            }
            Call {
                script: ScriptId::StartRuns,
                keys,
                args,
            }
        })
        .collect();
    applied_per_run(store, &calls, starts.len()).await
}

pub(super) async fn start_placed(
    store: &RedisStore,
    node: &str,
    starts: &[PlacedStart],
    max: usize,
) -> StoreResult<Vec<Option<Started>>> {
    let mut out = Vec::with_capacity(starts.len());
    // Chunks run one after another: each may start only what the ones before it left of `max`.
    for chunk in starts.chunks(STEPS_PER_CALL) {
        let left = max.saturating_sub(out.iter().flatten().count());
        if left == 0 {
            out.extend(chunk.iter().map(|_| None));
            continue;
        }
        let mut keys = store.base_keys();
        let mut args = store.common_args();
        args.extend([node.to_string(), chunk.len().to_string(), left.to_string()]);
        for s in chunk {
            keys.push(store.keys.run(&s.id));
            args.extend([s.id.clone(), s.log_path.clone().unwrap_or_default()]);
        }
        let reply = store
            .eval(Call {
                script: ScriptId::StartPlaced,
                keys,
                args,
            })
            .await?;
        let answers = items(reply);
        if answers.len() != chunk.len() {
            return Err(corrupt(format!(
                "a start was answered for {} of {} runs",
                answers.len(),
                chunk.len()
            )));
        }
        out.extend(answers.into_iter().map(parse_started));
    }
    Ok(out)
}

/// One answer of the start script: `{attempt, spec}` for a run started, 0 for one that was not.
fn parse_started(v: Value) -> Option<Started> {
    let parts = items(v);
    let [attempt, spec] = parts.as_slice() else {
        return None;
    };
    let attempt = text(attempt)?.parse().ok()?;
    let spec = text(spec).unwrap_or_default();
    Some(Started {
        attempt,
        spec: serde_json::from_str(&spec).map_err(|e| format!("its stored spec: {e}")),
    })
}

pub(super) async fn finish_run(
    store: &RedisStore,
    id: &str,
    node: &str,
    attempt: u32,
    done: &Completion,
) -> StoreResult<Applied> {
    let one = RunFinish {
        id: id.to_string(),
        attempt,
        done: done.clone(),
    };
    single(finish_runs(store, node, std::slice::from_ref(&one)).await?)
}

pub(super) async fn finish_runs(
    store: &RedisStore,
    node: &str,
    finishes: &[RunFinish],
) -> StoreResult<Vec<Applied>> {
    let calls: Vec<Call> = finishes
        .chunks(STEPS_PER_CALL)
        .map(|chunk| {
            let mut keys = store.base_keys();
            keys.extend([store.keys.node(node), store.keys.node_runs(node)]);
            let mut args = store.common_args();
            args.extend([
                node.to_string(),
                chunk.len().to_string(),
                store.keys.queue_wake_channel(),
                store.keys.run(""),
            ]);
            for f in chunk {
                keys.push(store.keys.run(&f.id));
                args.extend([
                    f.id.clone(),
                    f.attempt.to_string(),
                    f.done.state.as_str().to_string(),
                    f.done.exit_code.map(|c| c.to_string()).unwrap_or_default(),
                    f.done.message.clone().unwrap_or_default(),
                    f.done.log_tail.clone(),
                ]);
            }
            Call {
                script: ScriptId::FinishRuns,
                keys,
                args,
            }
        })
        .collect();
    applied_per_run(store, &calls, finishes.len()).await
}

/// Runs batch calls of the agent side (pipelined) and reads one answer per run: the run's new
/// state, or stale.
async fn applied_per_run(
    store: &RedisStore,
    calls: &[Call],
    expected: usize,
) -> StoreResult<Vec<Applied>> {
    let mut out = Vec::with_capacity(expected);
    for group in calls.chunks(16) {
        for reply in store.eval_many(group).await? {
            out.extend(items(reply).iter().map(|v| {
                match text(v).as_deref().and_then(RunState::parse) {
                    Some(s) => Applied::Done(s),
                    None => Applied::Stale,
                }
            }));
        }
    }
    if out.len() != expected {
        return Err(corrupt(format!(
            "a batch was answered for {} of {expected} runs",
            out.len()
        )));
    }
    Ok(out)
}

fn single(mut answers: Vec<Applied>) -> StoreResult<Applied> {
    answers
        .pop()
        .ok_or_else(|| StoreError::Backend("empty script reply".into()))
}

pub(super) async fn hand_back(
    store: &RedisStore,
    id: &str,
    node: &str,
    attempt: u32,
    reason: &str,
    max_attempts: u32,
) -> StoreResult<Option<Recovery>> {
    let check = RecoverCheck {
        beats: None,
        attempt: Some(attempt),
    };
    let v = store
        .eval(store.recover_call(id, node, reason, max_attempts, &check))
        .await?;
    let r = RedisStore::parse_recovery(id, v);
    if matches!(r, Some(Recovery::DeadLettered { .. })) {
        store.trim_dead().await?;
    }
    Ok(r)
}

pub(super) async fn run_states(
    store: &RedisStore,
    ids: &[String],
) -> StoreResult<Vec<Option<RunStatus>>> {
    let mut out = Vec::with_capacity(ids.len());
    for chunk in ids.chunks(1000) {
        let mut p = ::redis::pipe();
        for id in chunk {
            p.cmd("HMGET")
                .arg(store.keys.run(id))
                .arg(field::STATE)
                .arg(field::NODE)
                .arg(field::ATTEMPTS);
        }
        let v: Vec<(Option<String>, Option<String>, Option<String>)> = store.query(&p).await?;
        out.extend(v.into_iter().map(|(state, node, attempts)| {
            state
                .as_deref()
                .and_then(RunState::parse)
                .map(|state| RunStatus {
                    state,
                    node: node.filter(|n| !n.is_empty()),
                    attempts: attempts.and_then(|a| a.parse().ok()).unwrap_or(0),
                })
        }));
    }
    Ok(out)
}

pub(super) async fn delete_run(store: &RedisStore, id: &str) -> StoreResult<bool> {
    // The script names the node and idempotency key it found when they differ from the ones
    // given (their keys must be declared): call again with those.
    let mut node = String::new();
    let mut idem = String::new();
    for _ in 0..6 {
        let mut keys = store.run_node_keys(id, &node);
        keys.push(store.keys.idempotency(&idem));
        let mut args = store.common_args();
        args.extend([id.to_string(), node.clone(), idem.clone()]);
        let reply = text(
            &store
                .eval(Call {
                    script: ScriptId::DeleteRun,
                    keys,
                    args,
                })
                .await?,
        )
        .unwrap_or_default();
        match reply.as_str() {
            "deleted" => return Ok(true),
            "missing" => return Ok(false),
            r => {
                if let Some(k) = r.strip_prefix("retrykey:") {
                    idem = k.to_string();
                } else {
                    node = r.strip_prefix("retry:").unwrap_or_default().to_string();
                }
            }
        }
    }
    Err(StoreError::Backend(format!(
        "run {id} kept moving between nodes; delete again"
    )))
}

pub(super) async fn discard_unreadable(
    store: &RedisStore,
    id: &str,
    reason: &str,
) -> StoreResult<()> {
    let mut keys = store.base_keys();
    keys.push(store.keys.run(id));
    let mut args = store.common_args();
    args.extend([id.to_string(), reason.to_string()]);
    store
        .eval(Call {
            script: ScriptId::DiscardUnreadable,
            keys,
            args,
        })
        .await
        .map(|_| ())
}
