//! The node and scheduler registries on Redis: heartbeats with TTL, labels and drain, recovery of the runs of dead nodes, and scheduler announcements.

use std::collections::BTreeMap;

use ::redis::Value;

use super::conn::*;
use super::scripts::*;
use super::RedisStore;
use crate::model::node::{Node, Resources};
use crate::model::now_ms;
use crate::store::*;

/// A scheduler's announcement hash; `None` once it expired (the hash is gone).
fn parse_scheduler(id: &str, fields: &BTreeMap<String, String>) -> Option<SchedulerInfo> {
    if fields.is_empty() {
        return None;
    }
    let num = |k: &str| {
        fields
            .get(k)
            .and_then(|v| v.parse::<i64>().ok())
            .unwrap_or(0)
    };
    Some(SchedulerInfo {
        id: id.to_string(),
        host: fields.get("host").cloned().unwrap_or_default(),
        pid: u32::try_from(num("pid")).unwrap_or(0),
        version: fields.get("version").cloned().unwrap_or_default(),
        started_at: num("started_at"),
        last_beat: num("last_beat"),
        ttl_ms: u64::try_from(num("ttl_ms")).unwrap_or(0),
    })
}

/// What the recovery script checks before it touches a run (see `scripts::RECOVER`).
pub(super) struct RecoverCheck {
    /// The node's heartbeat counter as the caller saw it (`Some(None)`: no record).
    pub(super) beats: Option<Option<u64>>,
    /// The attempt the caller holds.
    pub(super) attempt: Option<u32>,
}

impl RecoverCheck {
    pub(super) const NONE: RecoverCheck = RecoverCheck {
        beats: None,
        attempt: None,
    };
}

/// How long a node's record outlives its last heartbeat: long after any lease (schedulers judge
/// leases by the heartbeat counter), for `node list` and then garbage collection.
pub(super) fn node_key_lifetime(ttl: std::time::Duration) -> i64 {
    ms(ttl).saturating_mul(10).max(24 * 3600 * 1000)
}

impl RedisStore {
    pub(super) fn recover_call(
        &self,
        id: &str,
        node: &str,
        reason: &str,
        max_attempts: u32,
        check: &RecoverCheck,
    ) -> Call {
        let mut args = self.common_args();
        args.extend([
            id.to_string(),
            node.to_string(),
            reason.to_string(),
            max_attempts.to_string(),
            match check.beats {
                None => String::new(),
                Some(None) => "none".to_string(),
                Some(Some(b)) => b.to_string(),
            },
            check.attempt.map(|a| a.to_string()).unwrap_or_default(),
        ]);
        Call {
            script: ScriptId::Recover,
            keys: self.run_node_keys(id, node),
            args,
        }
    }

    pub(super) fn parse_recovery(id: &str, v: Value) -> Option<Recovery> {
        let parts = items(v);
        let kind = parts.first().and_then(text)?;
        let attempts = parts.get(1).and_then(int).unwrap_or(0) as u32;
        match kind.as_str() {
            "requeued" => Some(Recovery::Requeued {
                id: id.to_string(),
                attempts,
            }),
            "dead" => Some(Recovery::DeadLettered {
                id: id.to_string(),
                attempts,
            }),
            _ => None,
        }
    }

    /// Runs the recovery script for every run on a node, then trims dead letters. `None` when
    /// the node heartbeated since `check.beats` was read (nothing more is done).
    pub(super) async fn recover_node(
        &self,
        name: &str,
        reason: &str,
        max_attempts: u32,
        check: &RecoverCheck,
    ) -> StoreResult<Option<Vec<Recovery>>> {
        let ids = self.node_runs(name).await?;
        let mut out = Vec::new();
        let mut alive = false;
        for chunk in ids.chunks(200) {
            let calls: Vec<Call> = chunk
                .iter()
                .map(|id| self.recover_call(id, name, reason, max_attempts, check))
                .collect();
            for (id, v) in chunk.iter().zip(self.eval_many(&calls).await?) {
                alive |= items(v.clone()).first().and_then(text).as_deref() == Some("alive");
                out.extend(Self::parse_recovery(id, v));
            }
            if alive {
                break;
            }
        }
        if out
            .iter()
            .any(|r| matches!(r, Recovery::DeadLettered { .. }))
        {
            self.trim_dead().await?;
        }
        Ok(if alive && out.is_empty() {
            None
        } else {
            Some(out)
        })
    }

    /// Runs the node edit script on a live node and returns the node as it now is.
    pub(super) async fn edit_node(&self, name: &str, mut args: Vec<String>) -> StoreResult<Node> {
        let keys = vec![self.keys.node(name)];
        args.insert(0, now_ms().to_string());
        let ok = int(&self
            .eval(Call {
                script: ScriptId::NodeEdit,
                keys,
                args,
            })
            .await?);
        if ok != Some(1) {
            return Err(StoreError::NodeNotFound(name.to_string()));
        }
        self.node(name)
            .await?
            .ok_or_else(|| StoreError::NodeNotFound(name.to_string()))
    }

    pub(super) fn parse_node(
        &self,
        name: &str,
        fields: BTreeMap<String, String>,
        now: i64,
    ) -> Node {
        let num = |k: &str| {
            fields
                .get(k)
                .and_then(|v| v.parse::<i64>().ok())
                .unwrap_or(0)
                .max(0) as u64
        };
        let alive = !fields.is_empty();
        Node {
            name: name.to_string(),
            labels: fields
                .get("labels")
                .and_then(|l| serde_json::from_str(l).ok())
                .unwrap_or_default(),
            capacity: Resources {
                cpu_millis: num("cap_cpu"),
                memory_bytes: num("cap_mem"),
                gpu: num("cap_gpu") as u32,
                slots: num("cap_slots") as u32,
            },
            usage: Resources {
                cpu_millis: num("used_cpu"),
                memory_bytes: num("used_mem"),
                gpu: num("used_gpu") as u32,
                slots: num("used_slots") as u32,
            },
            draining: fields.get("draining").map(String::as_str) == Some("1"),
            version: fields.get("version").cloned().unwrap_or_default(),
            last_heartbeat: num("last_heartbeat") as i64,
            // Rounded up: a sub-second TTL must not read as already expired.
            ttl_secs: num("ttl_ms").div_ceil(1000),
            releases: num("releases"),
            alive: alive && (num("last_heartbeat") as i64 + num("ttl_ms") as i64 > now - 1000),
        }
    }

    /// The announcements of these schedulers that are still alive, oldest first.
    pub(super) async fn read_schedulers(&self, ids: &[String]) -> StoreResult<Vec<SchedulerInfo>> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let mut p = ::redis::pipe();
        for id in ids {
            p.hgetall(self.keys.scheduler(id));
        }
        let values: Vec<Value> = self.query(&p).await?;
        let mut out: Vec<SchedulerInfo> = ids
            .iter()
            .zip(values)
            .filter_map(|(id, v)| parse_scheduler(id, &hash(v)))
            .collect();
        out.sort_by(|a, b| (a.started_at, &a.id).cmp(&(b.started_at, &b.id)));
        Ok(out)
    }
}

pub(super) async fn heartbeat(store: &RedisStore, beat: &Heartbeat) -> StoreResult<()> {
    let keys = vec![
        store.keys.node(&beat.name),
        store.keys.node_runs(&beat.name),
        store.keys.nodes(),
    ];
    let args = vec![
        beat.name.clone(),
        serde_json::to_string(&beat.labels).unwrap_or_else(|_| "{}".into()),
        beat.capacity.cpu_millis.to_string(),
        beat.capacity.memory_bytes.to_string(),
        beat.capacity.gpu.to_string(),
        beat.capacity.slots.to_string(),
        beat.version.clone(),
        now_ms().to_string(),
        ms(beat.ttl).max(1).to_string(),
        node_key_lifetime(beat.ttl).to_string(),
    ];
    store
        .eval(Call {
            script: ScriptId::Heartbeat,
            keys,
            args,
        })
        .await
        .map(|_| ())
}

pub(super) async fn nodes(store: &RedisStore) -> StoreResult<Vec<Node>> {
    let mut p = ::redis::pipe();
    p.smembers(store.keys.nodes());
    let (mut names,): (Vec<String>,) = store.query(&p).await?;
    names.sort();
    let mut p = ::redis::pipe();
    for n in &names {
        p.hgetall(store.keys.node(n));
    }
    let values: Vec<Value> = if names.is_empty() {
        Vec::new()
    } else {
        store.query(&p).await?
    };
    let now = now_ms();
    Ok(names
        .iter()
        .zip(values)
        .map(|(n, v)| store.parse_node(n, hash(v), now))
        .collect())
}

pub(super) async fn node(store: &RedisStore, name: &str) -> StoreResult<Option<Node>> {
    let mut p = ::redis::pipe();
    p.sismember(store.keys.nodes(), name)
        .hgetall(store.keys.node(name));
    let (known, fields): (bool, Value) = store.query(&p).await?;
    if !known {
        return Ok(None);
    }
    Ok(Some(store.parse_node(name, hash(fields), now_ms())))
}

pub(super) async fn label_node(
    store: &RedisStore,
    name: &str,
    set: &BTreeMap<String, String>,
    remove: &[String],
) -> StoreResult<Node> {
    let args = vec![
        "label".to_string(),
        serde_json::to_string(set).unwrap_or_else(|_| "{}".into()),
        serde_json::to_string(remove).unwrap_or_else(|_| "[]".into()),
    ];
    store.edit_node(name, args).await
}

pub(super) async fn drain_node(
    store: &RedisStore,
    name: &str,
    draining: bool,
) -> StoreResult<Node> {
    let args = vec![
        "drain".to_string(),
        if draining { "1" } else { "0" }.to_string(),
    ];
    store.edit_node(name, args).await
}

pub(super) async fn remove_node(
    store: &RedisStore,
    name: &str,
    max_attempts: u32,
) -> StoreResult<Vec<Recovery>> {
    if store.node(name).await?.is_none() {
        return Err(StoreError::NodeNotFound(name.to_string()));
    }
    let out = store
        .recover_node(
            name,
            &format!("node {name} was removed"),
            max_attempts,
            &RecoverCheck::NONE,
        )
        .await?
        .unwrap_or_default();
    let mut p = ::redis::pipe();
    p.del(store.keys.node(name))
        .ignore()
        .srem(store.keys.nodes(), name)
        .ignore();
    let _: () = store.query(&p).await?;
    Ok(out)
}

pub(super) async fn node_runs(store: &RedisStore, name: &str) -> StoreResult<Vec<String>> {
    let mut p = ::redis::pipe();
    p.hkeys(store.keys.node_runs(name));
    let (mut ids,): (Vec<String>,) = store.query(&p).await?;
    ids.sort();
    Ok(ids)
}

pub(super) async fn wake_nodes(store: &RedisStore, names: &[String]) -> StoreResult<()> {
    if names.is_empty() {
        return Ok(());
    }
    let mut p = ::redis::pipe();
    for name in names {
        p.publish(store.keys.node_wake_channel(name), "1").ignore();
    }
    let _: () = store.query(&p).await?;
    Ok(())
}

pub(super) async fn node_wakeups(
    store: &RedisStore,
    name: &str,
) -> StoreResult<tokio::sync::watch::Receiver<u64>> {
    wakeups(store, &store.keys.node_wake_channel(name)).await
}

pub(super) async fn queue_wakeups(
    store: &RedisStore,
) -> StoreResult<tokio::sync::watch::Receiver<u64>> {
    wakeups(store, &store.keys.queue_wake_channel()).await
}

/// A counter that changes on each message of `channel`, for as long as it is watched.
async fn wakeups(
    store: &RedisStore,
    channel: &str,
) -> StoreResult<tokio::sync::watch::Receiver<u64>> {
    let mut payloads = store.subscribe(channel).await?;
    let (tx, rx) = tokio::sync::watch::channel(0u64);
    tokio::spawn(async move {
        // Ends when the agent drops its receiver (which ends the subscription too).
        loop {
            tokio::select! {
                got = payloads.recv() => match got {
                    Some(_) => tx.send_modify(|n| *n = n.wrapping_add(1)),
                    None => return,
                },
                _ = tx.closed() => return,
            }
        }
    });
    Ok(rx)
}

pub(super) async fn node_leases(store: &RedisStore) -> StoreResult<Vec<NodeLease>> {
    let mut p = ::redis::pipe();
    p.smembers(store.keys.nodes());
    let (mut names,): (Vec<String>,) = store.query(&p).await?;
    if names.is_empty() {
        return Ok(Vec::new());
    }
    names.sort();
    let mut p = ::redis::pipe();
    for n in &names {
        p.cmd("HMGET")
            .arg(store.keys.node(n))
            .arg("beats")
            .arg("ttl_ms");
        p.hlen(store.keys.node_runs(n));
    }
    let values: Vec<Value> = store.query(&p).await?;
    let mut out = Vec::with_capacity(names.len());
    for (name, pair) in names.into_iter().zip(values.chunks(2)) {
        let fields = pair.first().cloned().map(items).unwrap_or_default();
        let num = |i: usize| fields.get(i).and_then(int);
        out.push(NodeLease {
            name,
            beats: num(0).map(|b| b.max(0) as u64),
            ttl: num(1).map(|t| std::time::Duration::from_millis(t.max(0) as u64)),
            runs: pair.get(1).and_then(int).unwrap_or(0).max(0) as u64,
        });
    }
    Ok(out)
}

pub(super) async fn recover_lapsed_node(
    store: &RedisStore,
    name: &str,
    observed: Option<u64>,
    reason: &str,
    max_attempts: u32,
) -> StoreResult<LapseRecovery> {
    let check = RecoverCheck {
        beats: Some(observed),
        attempt: None,
    };
    Ok(
        match store
            .recover_node(name, reason, max_attempts, &check)
            .await?
        {
            Some(v) => LapseRecovery::Recovered(v),
            None => LapseRecovery::Alive,
        },
    )
}

pub(super) async fn announce_scheduler(
    store: &RedisStore,
    beat: &SchedulerBeat,
) -> StoreResult<()> {
    let now = now_ms();
    let ttl = ms(beat.ttl).max(1);
    let key = store.keys.scheduler(&beat.id);
    let mut p = ::redis::pipe();
    p.atomic()
        .hset_multiple(
            &key,
            &[
                ("id", beat.id.clone()),
                ("host", beat.host.clone()),
                ("pid", beat.pid.to_string()),
                ("version", beat.version.clone()),
                ("started_at", beat.started_at.to_string()),
                ("last_beat", now.to_string()),
                ("ttl_ms", ttl.to_string()),
            ],
        )
        .ignore()
        .pexpire(&key, ttl)
        .ignore()
        .zadd(store.keys.schedulers(), &beat.id, now + ttl)
        .ignore()
        // Index entries of schedulers that died without retiring; a minute of slack so
        // that clock skew between hosts never drops a live one.
        .zrembyscore(store.keys.schedulers(), "-inf", now - 60_000)
        .ignore();
    store.query::<()>(&p).await
}

pub(super) async fn schedulers(store: &RedisStore) -> StoreResult<Vec<SchedulerInfo>> {
    let mut p = ::redis::pipe();
    p.zrange(store.keys.schedulers(), 0, -1);
    let (ids,): (Vec<String>,) = store.query(&p).await?;
    store.read_schedulers(&ids).await
}

pub(super) async fn retire_scheduler(store: &RedisStore, id: &str) -> StoreResult<()> {
    let mut p = ::redis::pipe();
    p.atomic()
        .del(store.keys.scheduler(id))
        .ignore()
        .zrem(store.keys.schedulers(), id)
        .ignore();
    store.query::<()>(&p).await
}
