//! The Redis backend of the store contract: pipelined reads, one Lua script per atomic step, and no `KEYS`.

mod scripts;

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use ::redis::aio::ConnectionManager;
use ::redis::{Pipeline, Value};
use async_trait::async_trait;
use tokio::sync::mpsc;

use self::scripts::*;
use super::keys::{queue_score, Keys};
use super::*;
use crate::config::RedisTarget;
use crate::model::now_ms;
use crate::model::run::field;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ScriptId {
    Submit,
    Claim,
    MoveToQueue,
    ApplyOutcome,
    Cancel,
    Recover,
    Start,
    Finish,
    RetryDead,
    DeleteDead,
    Heartbeat,
    NodeEdit,
    PolicyChange,
    DeleteRun,
    DiscardUnreadable,
}

const ALL_SCRIPTS: [ScriptId; 15] = [
    ScriptId::DeleteRun,
    ScriptId::DiscardUnreadable,
    ScriptId::Submit,
    ScriptId::Claim,
    ScriptId::MoveToQueue,
    ScriptId::ApplyOutcome,
    ScriptId::Cancel,
    ScriptId::Recover,
    ScriptId::Start,
    ScriptId::Finish,
    ScriptId::RetryDead,
    ScriptId::DeleteDead,
    ScriptId::Heartbeat,
    ScriptId::NodeEdit,
    ScriptId::PolicyChange,
];

impl ScriptId {
    fn source(self) -> String {
        match self {
            ScriptId::Submit => with_prelude(SUBMIT),
            ScriptId::Claim => with_prelude(CLAIM),
            ScriptId::MoveToQueue => with_prelude(MOVE_TO_QUEUE),
            ScriptId::ApplyOutcome => with_prelude(APPLY_OUTCOME),
            ScriptId::Cancel => with_prelude(CANCEL),
            ScriptId::Recover => with_prelude(RECOVER),
            ScriptId::Start => with_prelude(START),
            ScriptId::Finish => with_prelude(FINISH),
            ScriptId::RetryDead => with_prelude(RETRY_DEAD),
            ScriptId::DeleteDead => with_prelude(DELETE_DEAD),
            ScriptId::Heartbeat => HEARTBEAT.to_string(),
            ScriptId::NodeEdit => NODE_EDIT.to_string(),
            ScriptId::PolicyChange => POLICY_CHANGE.to_string(),
            ScriptId::DeleteRun => with_prelude(DELETE_RUN),
            ScriptId::DiscardUnreadable => with_prelude(DISCARD_UNREADABLE),
        }
    }
}

/// One script call inside a pipeline.
struct Call {
    script: ScriptId,
    keys: Vec<String>,
    args: Vec<String>,
}

/// The Redis store. Clones share one multiplexed, self-reconnecting connection.
#[derive(Clone)]
pub struct RedisStore {
    conn: ConnectionManager,
    /// A second connection for blocking reads (XREAD BLOCK), so they never stall the pipeline.
    blocking: std::sync::Arc<tokio::sync::OnceCell<ConnectionManager>>,
    client: ::redis::Client,
    config: ::redis::aio::ConnectionManagerConfig,
    target: RedisTarget,
    keys: Keys,
    settings: StoreSettings,
    scripts: std::sync::Arc<Vec<(ScriptId, String, String)>>,
}

fn map_err(target: &RedisTarget, e: ::redis::RedisError) -> StoreError {
    let addr = target.display();
    let text = e.to_string();
    let lower = text.to_lowercase();
    if e.is_timeout() {
        StoreError::Timeout {
            addr,
            timeout: target.command_timeout,
        }
    } else if lower.contains("wrongpass")
        || lower.contains("noauth")
        || lower.contains("invalid password")
        || lower.contains("authentication")
        || lower.contains("noperm")
    {
        StoreError::Auth {
            addr,
            message: text,
        }
    } else if e.is_io_error() || e.is_connection_refusal() || e.is_unrecoverable_error() {
        StoreError::Unavailable {
            addr,
            message: text,
        }
    } else {
        StoreError::Backend(text)
    }
}

fn text(v: &Value) -> Option<String> {
    match v {
        Value::BulkString(b) => Some(String::from_utf8_lossy(b).into_owned()),
        Value::SimpleString(s) => Some(s.clone()),
        Value::Okay => Some("OK".into()),
        Value::Int(i) => Some(i.to_string()),
        Value::Double(d) => Some(d.to_string()),
        Value::VerbatimString { text, .. } => Some(text.clone()),
        _ => None,
    }
}

fn int(v: &Value) -> Option<i64> {
    match v {
        Value::Int(i) => Some(*i),
        other => text(other).and_then(|s| s.parse().ok()),
    }
}

fn items(v: Value) -> Vec<Value> {
    match v {
        Value::Array(a) | Value::Set(a) => a,
        Value::Map(m) => m.into_iter().flat_map(|(k, v)| [k, v]).collect(),
        Value::Nil => Vec::new(),
        other => vec![other],
    }
}

fn strings(v: Value) -> Vec<String> {
    items(v).iter().filter_map(text).collect()
}

fn hash(v: Value) -> BTreeMap<String, String> {
    match v {
        Value::Map(m) => m
            .iter()
            .filter_map(|(k, v)| Some((text(k)?, text(v)?)))
            .collect(),
        other => {
            let flat = strings(other);
            flat.chunks(2)
                .filter(|c| c.len() == 2)
                .map(|c| (c[0].clone(), c[1].clone()))
                .collect()
        }
    }
}

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

fn corrupt(e: impl std::fmt::Display) -> StoreError {
    StoreError::Corrupt(e.to_string())
}

impl RedisStore {
    /// Connects (within the connect timeout), checks credentials with a PING, and loads the scripts.
    pub async fn connect(
        target: &RedisTarget,
        queue_key: &str,
        settings: StoreSettings,
    ) -> StoreResult<RedisStore> {
        Self::connect_with_keys(target, Keys::new(queue_key), settings).await
    }

    /// Connects with a custom key layout (the benchmark uses its own prefix).
    pub async fn connect_with_keys(
        target: &RedisTarget,
        keys: Keys,
        settings: StoreSettings,
    ) -> StoreResult<RedisStore> {
        let info = target.connection_info().map_err(|e| map_err(target, e))?;
        let client = ::redis::Client::open(info).map_err(|e| map_err(target, e))?;
        let config = ::redis::aio::ConnectionManagerConfig::new()
            .set_connection_timeout(Some(target.connect_timeout))
            .set_response_timeout(Some(target.command_timeout))
            .set_number_of_retries(2)
            .set_max_delay(Duration::from_millis(500));
        let conn = tokio::time::timeout(
            target.connect_timeout + Duration::from_millis(200),
            client.get_connection_manager_with_config(config.clone()),
        )
        .await
        .map_err(|_| StoreError::Timeout {
            addr: target.display(),
            timeout: target.connect_timeout,
        })?
        .map_err(|e| map_err(target, e))?;
        let scripts = ALL_SCRIPTS
            .iter()
            .map(|id| {
                let code = id.source();
                let hash = ::redis::Script::new(&code).get_hash().to_string();
                (*id, code, hash)
            })
            .collect();
        let store = RedisStore {
            conn,
            blocking: Default::default(),
            client,
            config,
            target: target.clone(),
            keys,
            settings,
            scripts: std::sync::Arc::new(scripts),
        };
        store.load_scripts().await?;
        Ok(store)
    }

    pub fn keys(&self) -> &Keys {
        &self.keys
    }

    async fn load_scripts(&self) -> StoreResult<()> {
        let mut pipe = ::redis::pipe();
        for (_, code, _) in self.scripts.iter() {
            pipe.cmd("SCRIPT").arg("LOAD").arg(code);
        }
        let mut conn = self.conn.clone();
        let _: Vec<Value> = pipe
            .query_async(&mut conn)
            .await
            .map_err(|e| map_err(&self.target, e))?;
        Ok(())
    }

    fn hash_of(&self, id: ScriptId) -> &str {
        self.scripts
            .iter()
            .find(|(s, _, _)| *s == id)
            .map(|(_, _, h)| h.as_str())
            .unwrap_or("")
    }

    async fn query<T: ::redis::FromRedisValue>(&self, pipe: &Pipeline) -> StoreResult<T> {
        if pipe.is_empty() {
            return T::from_redis_value(Value::Array(Vec::new())).map_err(corrupt);
        }
        let mut conn = self.conn.clone();
        pipe.query_async(&mut conn)
            .await
            .map_err(|e| map_err(&self.target, e))
    }

    /// Runs script calls in one pipelined round trip; reloads the scripts once if Redis lost them.
    async fn eval_many(&self, calls: &[Call]) -> StoreResult<Vec<Value>> {
        if calls.is_empty() {
            return Ok(Vec::new());
        }
        let build = || {
            let mut pipe = ::redis::pipe();
            pipe.ignore_errors();
            for c in calls {
                pipe.cmd("EVALSHA")
                    .arg(self.hash_of(c.script))
                    .arg(c.keys.len())
                    .arg(&c.keys)
                    .arg(&c.args);
            }
            pipe
        };
        let mut out: Vec<Value> = self.query(&build()).await?;
        let noscript = out
            .iter()
            .any(|v| matches!(v, Value::ServerError(e) if e.code() == "NOSCRIPT"));
        if noscript {
            // Redis restarted or its script cache was flushed. A NOSCRIPT reply means the call did
            // not run, so only those calls are sent again.
            self.load_scripts().await?;
            let mut pipe = ::redis::pipe();
            pipe.ignore_errors();
            let redo: Vec<usize> = out
                .iter()
                .enumerate()
                .filter(|(_, v)| matches!(v, Value::ServerError(e) if e.code() == "NOSCRIPT"))
                .map(|(i, _)| i)
                .collect();
            for i in &redo {
                let c = &calls[*i];
                pipe.cmd("EVALSHA")
                    .arg(self.hash_of(c.script))
                    .arg(c.keys.len())
                    .arg(&c.keys)
                    .arg(&c.args);
            }
            let again: Vec<Value> = self.query(&pipe).await?;
            for (i, v) in redo.into_iter().zip(again) {
                out[i] = v;
            }
        }
        for v in &out {
            if let Value::ServerError(e) = v {
                return Err(StoreError::Backend(format!(
                    "script failed: {} {}",
                    e.code(),
                    e.details().unwrap_or("")
                )));
            }
        }
        Ok(out)
    }

    async fn eval(&self, call: Call) -> StoreResult<Value> {
        let mut v = self.eval_many(std::slice::from_ref(&call)).await?;
        v.pop()
            .ok_or_else(|| StoreError::Backend("empty script reply".into()))
    }

    fn base_keys(&self) -> Vec<String> {
        let k = &self.keys;
        let mut v = vec![
            k.runs(),
            k.queue(),
            k.leases(),
            k.pending(),
            k.dead(),
            k.events(),
        ];
        v.extend(k.all_states());
        debug_assert_eq!(v.len(), BASE_KEYS);
        v
    }

    fn common_args(&self) -> Vec<String> {
        vec![
            self.settings.events_cap.to_string(),
            self.settings.run_events_cap.to_string(),
            now_ms().to_string(),
        ]
    }

    /// KEYS for a step on one run that may touch its node.
    fn run_node_keys(&self, id: &str, node: &str) -> Vec<String> {
        let mut keys = self.base_keys();
        keys.push(self.keys.run(id));
        keys.push(self.keys.run_events(id));
        keys.push(self.keys.node(node));
        keys.push(self.keys.node_runs(node));
        keys
    }

    async fn move_to_queue(
        &self,
        source: &str,
        max_score: &str,
        ids: &[String],
    ) -> StoreResult<Vec<String>> {
        let mut moved = Vec::new();
        for chunk in ids.chunks(500) {
            let mut keys = self.base_keys();
            keys.extend(chunk.iter().map(|id| self.keys.run(id)));
            let mut args = self.common_args();
            args.push(source.to_string());
            args.push(max_score.to_string());
            args.extend(chunk.iter().cloned());
            moved.extend(strings(
                self.eval(Call {
                    script: ScriptId::MoveToQueue,
                    keys,
                    args,
                })
                .await?,
            ));
        }
        Ok(moved)
    }

    fn recover_call(&self, id: &str, node: &str, reason: &str, max_attempts: u32) -> Call {
        let mut args = self.common_args();
        args.extend([
            id.to_string(),
            node.to_string(),
            reason.to_string(),
            max_attempts.to_string(),
        ]);
        Call {
            script: ScriptId::Recover,
            keys: self.run_node_keys(id, node),
            args,
        }
    }

    fn parse_recovery(id: &str, v: Value) -> Option<Recovery> {
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

    /// Runs the recovery script for every run on a node, then trims dead letters.
    async fn recover_node(
        &self,
        name: &str,
        reason: &str,
        max_attempts: u32,
    ) -> StoreResult<Vec<Recovery>> {
        let ids = self.node_runs(name).await?;
        let mut out = Vec::new();
        for chunk in ids.chunks(200) {
            let calls: Vec<Call> = chunk
                .iter()
                .map(|id| self.recover_call(id, name, reason, max_attempts))
                .collect();
            for (id, v) in chunk.iter().zip(self.eval_many(&calls).await?) {
                out.extend(Self::parse_recovery(id, v));
            }
        }
        if out
            .iter()
            .any(|r| matches!(r, Recovery::DeadLettered { .. }))
        {
            self.trim_dead().await?;
        }
        Ok(out)
    }

    /// Keeps at most `dead_letter_cap` dead letters, deleting the oldest with their data.
    async fn trim_dead(&self) -> StoreResult<()> {
        let mut p = ::redis::pipe();
        p.zcard(self.keys.dead());
        let (count,): (u64,) = self.query(&p).await?;
        if count <= self.settings.dead_letter_cap {
            return Ok(());
        }
        let excess = (count - self.settings.dead_letter_cap) as isize;
        let mut p = ::redis::pipe();
        p.zrange(self.keys.dead(), 0, excess - 1);
        let (ids,): (Vec<String>,) = self.query(&p).await?;
        self.delete_dead(&ids).await?;
        Ok(())
    }

    async fn delete_dead(&self, ids: &[String]) -> StoreResult<u64> {
        self.count_on_runs(ScriptId::DeleteDead, ids).await
    }

    /// Runs a script over runs in chunks, passing each run's hash and events keys; sums the counts it returns.
    async fn count_on_runs(&self, script: ScriptId, ids: &[String]) -> StoreResult<u64> {
        let mut n = 0;
        for chunk in ids.chunks(500) {
            let mut keys = self.base_keys();
            for id in chunk {
                keys.push(self.keys.run(id));
                keys.push(self.keys.run_events(id));
            }
            let mut args = self.common_args();
            args.extend(chunk.iter().cloned());
            n += int(&self.eval(Call { script, keys, args }).await?).unwrap_or(0) as u64;
        }
        Ok(n)
    }

    /// Runs the node edit script on a live node and returns the node as it now is.
    async fn edit_node(&self, name: &str, args: Vec<String>) -> StoreResult<Node> {
        let keys = vec![self.keys.node(name)];
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

    fn parse_node(&self, name: &str, fields: BTreeMap<String, String>, now: i64) -> Node {
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

    async fn policy_change(
        &self,
        mode: &str,
        who: &str,
        action: &str,
        args_tail: Vec<String>,
        history: History,
    ) -> StoreResult<u64> {
        let k = &self.keys;
        let keys = vec![
            k.policies(),
            k.policy_version(),
            k.policy_history(),
            k.events(),
        ];
        let mut args = vec![
            mode.to_string(),
            who.to_string(),
            action.to_string(),
            now_ms().to_string(),
            // A history cap of 0 tells the script to write no history entry.
            match history {
                History::Keep => self.settings.policy_history_cap.max(1).to_string(),
                History::Skip => "0".to_string(),
            },
            self.settings.events_cap.to_string(),
            k.policy_channel(),
        ];
        args.extend(args_tail);
        let v = self
            .eval(Call {
                script: ScriptId::PolicyChange,
                keys,
                args,
            })
            .await?;
        if let Some(version) = int(&v) {
            return Ok(version as u64);
        }
        let parts = strings(v);
        match parts.as_slice() {
            [tag, name] if tag == "missing" => Err(StoreError::PolicyNotFound(name.clone())),
            _ => Err(StoreError::Backend(
                "unexpected reply from the policy script".into(),
            )),
        }
    }

    /// The announcements of these schedulers that are still alive, oldest first.
    async fn read_schedulers(&self, ids: &[String]) -> StoreResult<Vec<SchedulerInfo>> {
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

    fn parse_stream_entry(id: String, fields: BTreeMap<String, String>) -> Event {
        Event {
            at: fields.get("at").and_then(|v| v.parse().ok()).unwrap_or(0),
            kind: fields.get("kind").cloned().unwrap_or_default(),
            run: fields.get("run").cloned(),
            from: fields.get("from").cloned(),
            to: fields.get("to").cloned(),
            node: fields.get("node").cloned(),
            message: fields.get("message").cloned(),
            id,
        }
    }
}

#[async_trait]
impl Store for RedisStore {
    fn backend_name(&self) -> &'static str {
        "Redis"
    }

    async fn ping(&self) -> StoreResult<Duration> {
        let t = Instant::now();
        let mut p = ::redis::pipe();
        p.cmd("PING");
        let _: Vec<Value> = self.query(&p).await?;
        Ok(t.elapsed())
    }

    async fn submit(&self, runs: &[Run]) -> StoreResult<()> {
        let batch = self.settings.submit_batch.max(1);
        // Many batches in flight on one multiplexed connection: the pipeline depth is what makes
        // bulk submit fast; each batch is one atomic script call.
        let mut calls = Vec::new();
        for chunk in runs.chunks(batch) {
            let mut keys = self.base_keys();
            keys.extend(chunk.iter().map(|r| self.keys.run(&r.id)));
            let mut args = self.common_args();
            args.push(chunk.len().to_string());
            for run in chunk {
                let fields = run.to_fields();
                args.push(run.id.clone());
                args.push(queue_score(run.priority).to_string());
                args.push((fields.len() * 2).to_string());
                for (k, v) in fields {
                    args.push(k.to_string());
                    args.push(v);
                }
            }
            calls.push(Call {
                script: ScriptId::Submit,
                keys,
                args,
            });
        }
        for group in calls.chunks(16) {
            self.eval_many(group).await?;
        }
        Ok(())
    }

    async fn get_run(&self, id: &str) -> StoreResult<Option<Run>> {
        let mut p = ::redis::pipe();
        p.hgetall(self.keys.run(id));
        let (v,): (Value,) = self.query(&p).await?;
        let h = hash(v);
        if h.is_empty() {
            return Ok(None);
        }
        Run::from_fields(&h).map(Some).map_err(corrupt)
    }

    async fn get_runs(&self, ids: &[String]) -> StoreResult<Vec<Option<Run>>> {
        let mut out = Vec::with_capacity(ids.len());
        for chunk in ids.chunks(1000) {
            let mut p = ::redis::pipe();
            for id in chunk {
                p.hgetall(self.keys.run(id));
            }
            let values: Vec<Value> = self.query(&p).await?;
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

    async fn list_runs(
        &self,
        filter: &RunFilter,
        cursor: Option<&str>,
        limit: usize,
    ) -> StoreResult<RunPage> {
        let index = match filter.state {
            Some(s) => self.keys.state(s),
            None => self.keys.runs(),
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
            let (ids,): (Vec<String>,) = self.query(&p).await?;
            if ids.is_empty() {
                return Ok(RunPage {
                    runs,
                    next_cursor: None,
                });
            }
            let fetched = self.get_runs(&ids).await?;
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

    async fn state_counts(&self) -> StoreResult<BTreeMap<RunState, u64>> {
        let mut p = ::redis::pipe();
        for s in RunState::ALL {
            p.zcard(self.keys.state(s));
        }
        let counts: Vec<u64> = self.query(&p).await?;
        Ok(RunState::ALL.into_iter().zip(counts).collect())
    }

    async fn cancel(&self, id: &str, message: &str) -> StoreResult<Run> {
        let mut node = String::new();
        for _ in 0..5 {
            let mut args = self.common_args();
            args.extend([id.to_string(), node.clone(), message.to_string()]);
            let reply = text(
                &self
                    .eval(Call {
                        script: ScriptId::Cancel,
                        keys: self.run_node_keys(id, &node),
                        args,
                    })
                    .await?,
            )
            .unwrap_or_default();
            if reply == "cancelled" {
                return self
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

    async fn run_events(&self, id: &str) -> StoreResult<Vec<Event>> {
        let mut p = ::redis::pipe();
        p.lrange(self.keys.run_events(id), 0, -1);
        let (list,): (Vec<String>,) = self.query(&p).await?;
        list.iter()
            .map(|e| serde_json::from_str::<Event>(e).map_err(corrupt))
            .collect()
    }

    async fn latest_event_id(&self) -> StoreResult<Option<String>> {
        let mut p = ::redis::pipe();
        p.cmd("XREVRANGE")
            .arg(self.keys.events())
            .arg("+")
            .arg("-")
            .arg("COUNT")
            .arg(1);
        let (v,): (Value,) = self.query(&p).await?;
        Ok(items(v)
            .into_iter()
            .next()
            .and_then(|e| items(e).first().and_then(text)))
    }

    async fn read_events(
        &self,
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
                    self.target
                        .command_timeout
                        .saturating_sub(Duration::from_millis(250)),
                )
                .as_millis()
                .max(1);
            cmd.arg("BLOCK").arg(ms as u64);
        }
        cmd.arg("STREAMS").arg(self.keys.events()).arg(start);
        let mut conn = if block.is_zero() {
            self.conn.clone()
        } else {
            self.blocking
                .get_or_try_init(|| {
                    self.client
                        .get_connection_manager_with_config(self.config.clone())
                })
                .await
                .map_err(|e| map_err(&self.target, e))?
                .clone()
        };
        let v: Value = cmd
            .query_async(&mut conn)
            .await
            .map_err(|e| map_err(&self.target, e))?;
        let mut out = Vec::new();
        // Reply: [[stream, [[id, [k, v, …]], …]]] (RESP2) or a map (RESP3).
        for stream in items(v) {
            let parts = items(stream);
            let entries = parts.into_iter().nth(1).map(items).unwrap_or_default();
            for entry in entries {
                let mut e = items(entry).into_iter();
                let id = e.next().as_ref().and_then(text).unwrap_or_default();
                let fields = e.next().map(hash).unwrap_or_default();
                out.push(Self::parse_stream_entry(id, fields));
            }
        }
        Ok(out)
    }

    async fn claim(&self, max: usize, lease: Duration) -> StoreResult<Vec<Claim>> {
        let deadline = now_ms() + ms(lease);
        let mut keys = self.base_keys();
        keys.push(self.keys.paused());
        let mut args = self.common_args();
        args.push(max.to_string());
        args.push(deadline.to_string());
        let ids = strings(
            self.eval(Call {
                script: ScriptId::Claim,
                keys,
                args,
            })
            .await?,
        );
        Ok(ids
            .into_iter()
            .map(|id| Claim {
                id,
                lease_deadline_ms: deadline,
            })
            .collect())
    }

    async fn extend_leases(&self, ids: &[String], lease: Duration) -> StoreResult<()> {
        if ids.is_empty() {
            return Ok(());
        }
        let deadline = now_ms() + ms(lease);
        let mut p = ::redis::pipe();
        for chunk in ids.chunks(1000) {
            let mut c = ::redis::cmd("ZADD");
            c.arg(self.keys.leases()).arg("XX");
            for id in chunk {
                c.arg(deadline).arg(id);
            }
            p.add_command(c).ignore();
        }
        let _: () = self.query(&p).await?;
        Ok(())
    }

    async fn release(&self, ids: &[String]) -> StoreResult<()> {
        self.move_to_queue("leases", "9e300", ids).await.map(|_| ())
    }

    async fn reap_expired_leases(&self) -> StoreResult<Vec<String>> {
        let now = now_ms();
        let mut p = ::redis::pipe();
        p.cmd("ZRANGE")
            .arg(self.keys.leases())
            .arg("-inf")
            .arg(now)
            .arg("BYSCORE")
            .arg("LIMIT")
            .arg(0)
            .arg(5000);
        let (ids,): (Vec<String>,) = self.query(&p).await?;
        self.move_to_queue("leases", &now.to_string(), &ids).await
    }

    async fn apply_outcomes(&self, outcomes: &[Outcome]) -> StoreResult<Vec<Applied>> {
        let calls: Vec<Call> = outcomes
            .iter()
            .map(|o| {
                let (decision, node, want) = match &o.decision {
                    Decision::Deny => ("deny", "", Resources::default()),
                    Decision::Reject => ("reject", "", Resources::default()),
                    Decision::Pending => ("pending", "", Resources::default()),
                    Decision::Assign { node, want } => ("assign", node.as_str(), *want),
                };
                let mut args = self.common_args();
                args.extend([
                    o.id.clone(),
                    decision.to_string(),
                    o.verdict.as_str().to_string(),
                    serde_json::to_string(&o.reasons).unwrap_or_else(|_| "[]".into()),
                    o.policy_version.to_string(),
                    o.heat.as_str().to_string(),
                    if o.quarantined { "1" } else { "0" }.to_string(),
                    o.message.clone().unwrap_or_default(),
                    node.to_string(),
                    want.cpu_millis.to_string(),
                    want.memory_bytes.to_string(),
                    want.gpu.to_string(),
                    want.slots.to_string(),
                ]);
                Call {
                    script: ScriptId::ApplyOutcome,
                    keys: self.run_node_keys(&o.id, node),
                    args,
                }
            })
            .collect();
        let mut out = Vec::with_capacity(calls.len());
        for group in calls.chunks(500) {
            for v in self.eval_many(group).await? {
                out.push(match text(&v).as_deref() {
                    Some("stale") => Applied::Stale,
                    Some("node_unavailable") => Applied::NodeUnavailable,
                    Some(s) => Applied::Done(
                        RunState::parse(s)
                            .ok_or_else(|| corrupt(format!("unknown outcome {s}")))?,
                    ),
                    None => return Err(corrupt("empty outcome reply")),
                });
            }
        }
        Ok(out)
    }

    async fn wake_pending(&self, max: usize) -> StoreResult<u64> {
        let mut total = 0;
        loop {
            let want = (max as u64).saturating_sub(total).min(1000) as isize;
            if want == 0 {
                return Ok(total);
            }
            let mut p = ::redis::pipe();
            p.zrange(self.keys.pending(), 0, want - 1);
            let (ids,): (Vec<String>,) = self.query(&p).await?;
            if ids.is_empty() {
                return Ok(total);
            }
            let moved = self.move_to_queue("pending", "9e300", &ids).await?;
            total += moved.len() as u64;
            if (ids.len() as isize) < want {
                return Ok(total);
            }
        }
    }

    async fn queue_stats(&self) -> StoreResult<QueueStats> {
        let k = &self.keys;
        let mut p = ::redis::pipe();
        p.zcard(k.queue())
            .zcard(k.leases())
            .zcard(k.pending())
            .zcard(k.dead())
            .exists(k.paused())
            .zrange(k.queue(), 0, 0)
            .zcard(k.runs())
            .zrange(k.schedulers(), 0, -1);
        for s in RunState::ALL {
            p.zcard(k.state(s));
        }
        let v: Vec<Value> = self.query(&p).await?;
        let n = |i: usize| v.get(i).and_then(int).unwrap_or(0).max(0) as u64;
        let head = v.get(5).cloned().map(strings).unwrap_or_default();
        let scheduler_ids = v.get(7).cloned().map(strings).unwrap_or_default();
        let schedulers = self.read_schedulers(&scheduler_ids).await?;
        Ok(QueueStats {
            live_schedulers: schedulers.len() as u64,
            schedulers,
            queue_key: k.queue(),
            depth: n(0),
            in_flight: n(1),
            pending: n(2),
            dead: n(3),
            paused: n(4) > 0,
            oldest_age_ms: head.first().and_then(|id| memory::ulid_age(id)),
            total_runs: n(6),
            states: RunState::ALL
                .iter()
                .enumerate()
                .map(|(i, s)| (s.as_str().to_string(), n(8 + i)))
                .collect(),
        })
    }

    async fn queue_entries(
        &self,
        which: QueueName,
        offset: usize,
        limit: usize,
    ) -> StoreResult<Vec<QueueEntry>> {
        let key = match which {
            QueueName::Queued => self.keys.queue(),
            QueueName::Leased => self.keys.leases(),
            QueueName::Pending => self.keys.pending(),
            QueueName::Dead => self.keys.dead(),
        };
        if limit == 0 {
            return Ok(Vec::new());
        }
        let mut p = ::redis::pipe();
        p.cmd("ZRANGE")
            .arg(&key)
            .arg(offset)
            .arg(offset + limit - 1)
            .arg("WITHSCORES");
        let (pairs,): (Vec<(String, f64)>,) = self.query(&p).await?;
        let mut p = ::redis::pipe();
        for (id, _) in &pairs {
            p.hget(self.keys.run(id), field::PRIORITY);
        }
        let prios: Vec<Option<u32>> = if pairs.is_empty() {
            Vec::new()
        } else {
            self.query(&p).await?
        };
        Ok(pairs
            .into_iter()
            .zip(prios)
            .map(|((id, score), priority)| QueueEntry {
                id,
                score,
                priority,
            })
            .collect())
    }

    async fn purge(&self, which: QueueName) -> StoreResult<u64> {
        let key = match which {
            QueueName::Queued => self.keys.queue(),
            QueueName::Leased => self.keys.leases(),
            QueueName::Pending => self.keys.pending(),
            QueueName::Dead => self.keys.dead(),
        };
        let label = match which {
            QueueName::Queued => "queued",
            QueueName::Leased => "leased",
            QueueName::Pending => "pending",
            QueueName::Dead => "dead",
        };
        let mut total = 0;
        loop {
            let mut p = ::redis::pipe();
            p.zrange(&key, 0, 499);
            let (ids,): (Vec<String>,) = self.query(&p).await?;
            if ids.is_empty() {
                return Ok(total);
            }
            if which == QueueName::Dead {
                total += self.delete_dead(&ids).await?;
            } else {
                let message = format!("purged from the {label} list");
                let calls: Vec<Call> = ids
                    .iter()
                    .map(|id| {
                        let mut args = self.common_args();
                        args.extend([id.clone(), String::new(), message.clone()]);
                        Call {
                            script: ScriptId::Cancel,
                            keys: self.run_node_keys(id, ""),
                            args,
                        }
                    })
                    .collect();
                let replies = self.eval_many(&calls).await?;
                let mut p = ::redis::pipe();
                for (id, r) in ids.iter().zip(&replies) {
                    if text(r).as_deref() == Some("cancelled") {
                        total += 1;
                    } else {
                        // Not cancellable (already finished, or a stray entry): just drop the entry.
                        p.zrem(&key, id).ignore();
                    }
                }
                let _: () = self.query(&p).await?;
            }
        }
    }

    async fn retry_dead(&self, ids: Option<&[String]>) -> StoreResult<u64> {
        let chosen: Vec<String> = match ids {
            Some(ids) => ids.to_vec(),
            None => {
                let mut p = ::redis::pipe();
                p.zrange(self.keys.dead(), 0, -1);
                let (all,): (Vec<String>,) = self.query(&p).await?;
                all
            }
        };
        self.count_on_runs(ScriptId::RetryDead, &chosen).await
    }

    async fn set_paused(&self, paused: bool) -> StoreResult<()> {
        let mut p = ::redis::pipe();
        if paused {
            p.set(self.keys.paused(), now_ms()).ignore();
        } else {
            p.del(self.keys.paused()).ignore();
        }
        self.query::<()>(&p).await
    }

    async fn heartbeat(&self, beat: &Heartbeat) -> StoreResult<()> {
        let keys = vec![
            self.keys.node(&beat.name),
            self.keys.node_runs(&beat.name),
            self.keys.nodes(),
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
        ];
        self.eval(Call {
            script: ScriptId::Heartbeat,
            keys,
            args,
        })
        .await
        .map(|_| ())
    }

    async fn nodes(&self) -> StoreResult<Vec<Node>> {
        let mut p = ::redis::pipe();
        p.smembers(self.keys.nodes());
        let (mut names,): (Vec<String>,) = self.query(&p).await?;
        names.sort();
        let mut p = ::redis::pipe();
        for n in &names {
            p.hgetall(self.keys.node(n));
        }
        let values: Vec<Value> = if names.is_empty() {
            Vec::new()
        } else {
            self.query(&p).await?
        };
        let now = now_ms();
        Ok(names
            .iter()
            .zip(values)
            .map(|(n, v)| self.parse_node(n, hash(v), now))
            .collect())
    }

    async fn node(&self, name: &str) -> StoreResult<Option<Node>> {
        let mut p = ::redis::pipe();
        p.sismember(self.keys.nodes(), name)
            .hgetall(self.keys.node(name));
        let (known, fields): (bool, Value) = self.query(&p).await?;
        if !known {
            return Ok(None);
        }
        Ok(Some(self.parse_node(name, hash(fields), now_ms())))
    }

    async fn label_node(
        &self,
        name: &str,
        set: &BTreeMap<String, String>,
        remove: &[String],
    ) -> StoreResult<Node> {
        let args = vec![
            "label".to_string(),
            serde_json::to_string(set).unwrap_or_else(|_| "{}".into()),
            serde_json::to_string(remove).unwrap_or_else(|_| "[]".into()),
        ];
        self.edit_node(name, args).await
    }

    async fn drain_node(&self, name: &str, draining: bool) -> StoreResult<Node> {
        let args = vec![
            "drain".to_string(),
            if draining { "1" } else { "0" }.to_string(),
        ];
        self.edit_node(name, args).await
    }

    async fn remove_node(&self, name: &str, max_attempts: u32) -> StoreResult<Vec<Recovery>> {
        if self.node(name).await?.is_none() {
            return Err(StoreError::NodeNotFound(name.to_string()));
        }
        let out = self
            .recover_node(name, &format!("node {name} was removed"), max_attempts)
            .await?;
        let mut p = ::redis::pipe();
        p.del(self.keys.node(name))
            .ignore()
            .srem(self.keys.nodes(), name)
            .ignore();
        let _: () = self.query(&p).await?;
        Ok(out)
    }

    async fn node_runs(&self, name: &str) -> StoreResult<Vec<String>> {
        let mut p = ::redis::pipe();
        p.hkeys(self.keys.node_runs(name));
        let (mut ids,): (Vec<String>,) = self.query(&p).await?;
        ids.sort();
        Ok(ids)
    }

    async fn recover_dead_nodes(&self, max_attempts: u32) -> StoreResult<Vec<Recovery>> {
        let mut p = ::redis::pipe();
        p.smembers(self.keys.nodes());
        let (names,): (Vec<String>,) = self.query(&p).await?;
        if names.is_empty() {
            return Ok(Vec::new());
        }
        let mut p = ::redis::pipe();
        for n in &names {
            p.exists(self.keys.node(n)).hlen(self.keys.node_runs(n));
        }
        let v: Vec<i64> = self.query(&p).await?;
        let mut out = Vec::new();
        for (i, name) in names.iter().enumerate() {
            let alive = v.get(2 * i).copied().unwrap_or(1) == 1;
            let runs = v.get(2 * i + 1).copied().unwrap_or(0);
            if !alive && runs > 0 {
                out.extend(
                    self.recover_node(
                        name,
                        &format!("node {name} heartbeat expired"),
                        max_attempts,
                    )
                    .await?,
                );
            }
        }
        Ok(out)
    }

    async fn announce_scheduler(&self, beat: &SchedulerBeat) -> StoreResult<()> {
        let now = now_ms();
        let ttl = ms(beat.ttl).max(1);
        let key = self.keys.scheduler(&beat.id);
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
            .zadd(self.keys.schedulers(), &beat.id, now + ttl)
            .ignore()
            // Index entries of schedulers that died without retiring; a minute of slack so
            // that clock skew between hosts never drops a live one.
            .zrembyscore(self.keys.schedulers(), "-inf", now - 60_000)
            .ignore();
        self.query::<()>(&p).await
    }

    async fn schedulers(&self) -> StoreResult<Vec<SchedulerInfo>> {
        let mut p = ::redis::pipe();
        p.zrange(self.keys.schedulers(), 0, -1);
        let (ids,): (Vec<String>,) = self.query(&p).await?;
        self.read_schedulers(&ids).await
    }

    async fn retire_scheduler(&self, id: &str) -> StoreResult<()> {
        let mut p = ::redis::pipe();
        p.atomic()
            .del(self.keys.scheduler(id))
            .ignore()
            .zrem(self.keys.schedulers(), id)
            .ignore();
        self.query::<()>(&p).await
    }

    async fn start_run(
        &self,
        id: &str,
        node: &str,
        log_path: Option<&str>,
    ) -> StoreResult<Applied> {
        let mut keys = self.base_keys();
        keys.push(self.keys.run(id));
        keys.push(self.keys.run_events(id));
        let mut args = self.common_args();
        args.extend([
            id.to_string(),
            node.to_string(),
            log_path.unwrap_or_default().to_string(),
        ]);
        Ok(
            match text(
                &self
                    .eval(Call {
                        script: ScriptId::Start,
                        keys,
                        args,
                    })
                    .await?,
            )
            .as_deref()
            {
                Some("running") => Applied::Done(RunState::Running),
                _ => Applied::Stale,
            },
        )
    }

    async fn finish_run(&self, id: &str, node: &str, done: &Completion) -> StoreResult<Applied> {
        let mut args = self.common_args();
        args.extend([
            id.to_string(),
            node.to_string(),
            done.state.as_str().to_string(),
            done.exit_code.map(|c| c.to_string()).unwrap_or_default(),
            done.message.clone().unwrap_or_default(),
            done.log_tail.clone(),
        ]);
        let v = self
            .eval(Call {
                script: ScriptId::Finish,
                keys: self.run_node_keys(id, node),
                args,
            })
            .await?;
        Ok(match text(&v).as_deref().and_then(RunState::parse) {
            Some(s) => Applied::Done(s),
            None => Applied::Stale,
        })
    }

    async fn hand_back(
        &self,
        id: &str,
        node: &str,
        reason: &str,
        max_attempts: u32,
    ) -> StoreResult<Option<Recovery>> {
        let v = self
            .eval(self.recover_call(id, node, reason, max_attempts))
            .await?;
        let r = Self::parse_recovery(id, v);
        if matches!(r, Some(Recovery::DeadLettered { .. })) {
            self.trim_dead().await?;
        }
        Ok(r)
    }

    async fn run_states(&self, ids: &[String]) -> StoreResult<Vec<Option<RunStatus>>> {
        let mut out = Vec::with_capacity(ids.len());
        for chunk in ids.chunks(1000) {
            let mut p = ::redis::pipe();
            for id in chunk {
                p.cmd("HMGET")
                    .arg(self.keys.run(id))
                    .arg(field::STATE)
                    .arg(field::NODE);
            }
            let v: Vec<(Option<String>, Option<String>)> = self.query(&p).await?;
            out.extend(v.into_iter().map(|(state, node)| {
                state
                    .as_deref()
                    .and_then(RunState::parse)
                    .map(|state| RunStatus {
                        state,
                        node: node.filter(|n| !n.is_empty()),
                    })
            }));
        }
        Ok(out)
    }

    async fn delete_run(&self, id: &str) -> StoreResult<bool> {
        let mut node = String::new();
        for _ in 0..5 {
            let mut args = self.common_args();
            args.extend([id.to_string(), node.clone()]);
            let reply = text(
                &self
                    .eval(Call {
                        script: ScriptId::DeleteRun,
                        keys: self.run_node_keys(id, &node),
                        args,
                    })
                    .await?,
            )
            .unwrap_or_default();
            match reply.as_str() {
                "deleted" => return Ok(true),
                "missing" => return Ok(false),
                r => node = r.strip_prefix("retry:").unwrap_or_default().to_string(),
            }
        }
        Err(StoreError::Backend(format!(
            "run {id} kept moving between nodes; delete again"
        )))
    }

    async fn discard_unreadable(&self, id: &str, reason: &str) -> StoreResult<()> {
        let mut keys = self.base_keys();
        keys.push(self.keys.run(id));
        let mut args = self.common_args();
        args.extend([id.to_string(), reason.to_string()]);
        self.eval(Call {
            script: ScriptId::DiscardUnreadable,
            keys,
            args,
        })
        .await
        .map(|_| ())
    }

    async fn policy_version(&self) -> StoreResult<u64> {
        let mut p = ::redis::pipe();
        p.get(self.keys.policy_version());
        let (v,): (Option<u64>,) = self.query(&p).await?;
        Ok(v.unwrap_or(0))
    }

    async fn policies(&self) -> StoreResult<(u64, Vec<StoredPolicy>)> {
        // MULTI so that the version matches the documents read.
        let mut p = ::redis::pipe();
        p.atomic()
            .get(self.keys.policy_version())
            .hgetall(self.keys.policies());
        let (v, docs): (Option<u64>, BTreeMap<String, String>) = self.query(&p).await?;
        Ok((
            v.unwrap_or(0),
            docs.into_iter()
                .map(|(name, document)| StoredPolicy { name, document })
                .collect(),
        ))
    }

    async fn apply_policies(
        &self,
        policies: &[StoredPolicy],
        who: &str,
        history: History,
    ) -> StoreResult<u64> {
        let tail = policies
            .iter()
            .flat_map(|p| [p.name.clone(), p.document.clone()])
            .collect();
        self.policy_change("apply", who, "apply", tail, history)
            .await
    }

    async fn delete_policies(
        &self,
        names: &[String],
        who: &str,
        history: History,
    ) -> StoreResult<u64> {
        self.policy_change("delete", who, "delete", names.to_vec(), history)
            .await
    }

    async fn replace_policies(
        &self,
        set: &BTreeMap<String, String>,
        who: &str,
        action: &str,
    ) -> StoreResult<u64> {
        let tail = set
            .iter()
            .flat_map(|(n, d)| [n.clone(), d.clone()])
            .collect();
        self.policy_change("replace", who, action, tail, History::Keep)
            .await
    }

    async fn policy_history(&self, limit: usize) -> StoreResult<Vec<PolicyChange>> {
        if limit == 0 {
            return Ok(Vec::new());
        }
        let mut p = ::redis::pipe();
        p.lrange(self.keys.policy_history(), 0, limit as isize - 1);
        let (list,): (Vec<String>,) = self.query(&p).await?;
        list.iter()
            .map(|e| serde_json::from_str(e).map_err(corrupt))
            .collect()
    }

    async fn watch_policies(&self) -> StoreResult<mpsc::Receiver<u64>> {
        let info = self
            .target
            .connection_info()
            .map_err(|e| map_err(&self.target, e))?;
        let client = ::redis::Client::open(info).map_err(|e| map_err(&self.target, e))?;
        let mut pubsub =
            tokio::time::timeout(self.target.connect_timeout, client.get_async_pubsub())
                .await
                .map_err(|_| StoreError::Timeout {
                    addr: self.target.display(),
                    timeout: self.target.connect_timeout,
                })?
                .map_err(|e| map_err(&self.target, e))?;
        pubsub
            .subscribe(self.keys.policy_channel())
            .await
            .map_err(|e| map_err(&self.target, e))?;
        let (tx, rx) = mpsc::channel(64);
        tokio::spawn(async move {
            use futures::StreamExt;
            let mut stream = pubsub.into_on_message();
            while let Some(msg) = stream.next().await {
                let version = msg.get_payload::<u64>().unwrap_or(0);
                if tx.send(version).await.is_err() {
                    break;
                }
            }
            // The subscription ended (connection lost): the scheduler's per-batch version check
            // covers what this channel no longer delivers.
        });
        Ok(rx)
    }
}
