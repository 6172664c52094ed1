//! The connection to Redis and value conversion: connecting, pipelined queries, script calls (reloaded on NOSCRIPT), error mapping, and reading RESP values.

use std::collections::BTreeMap;
use std::time::Duration;

use ::redis::{Pipeline, Value};

use super::scripts::*;
use super::RedisStore;
use crate::config::RedisTarget;
use crate::store::keys::Keys;
use crate::store::*;

/// Every redis crate error becomes a store error here (see [`super::errors`] for which ones mean
/// "unavailable, retry").
pub(super) fn map_err(target: &RedisTarget, e: ::redis::RedisError) -> StoreError {
    super::errors::classify(target, e)
}

pub(super) fn text(v: &Value) -> Option<String> {
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

pub(super) fn int(v: &Value) -> Option<i64> {
    match v {
        Value::Int(i) => Some(*i),
        other => text(other).and_then(|s| s.parse().ok()),
    }
}

pub(super) fn items(v: Value) -> Vec<Value> {
    match v {
        Value::Array(a) | Value::Set(a) => a,
        Value::Map(m) => m.into_iter().flat_map(|(k, v)| [k, v]).collect(),
        Value::Nil => Vec::new(),
        other => vec![other],
    }
}

pub(super) fn strings(v: Value) -> Vec<String> {
    items(v).iter().filter_map(text).collect()
}

pub(super) fn hash(v: Value) -> BTreeMap<String, String> {
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

pub(super) fn corrupt(e: impl std::fmt::Display) -> StoreError {
    StoreError::Corrupt(e.to_string())
}

/// One script call inside a pipeline.
pub(super) struct Call {
    pub(super) script: ScriptId,
    pub(super) keys: Vec<String>,
    pub(super) args: Vec<String>,
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

    pub(super) async fn load_scripts(&self) -> StoreResult<()> {
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

    pub(super) fn hash_of(&self, id: ScriptId) -> &str {
        self.scripts
            .iter()
            .find(|(s, _, _)| *s == id)
            .map(|(_, _, h)| h.as_str())
            .unwrap_or("")
    }

    pub(super) async fn query<T: ::redis::FromRedisValue>(
        &self,
        pipe: &Pipeline,
    ) -> StoreResult<T> {
        if pipe.is_empty() {
            return T::from_redis_value(Value::Array(Vec::new())).map_err(corrupt);
        }
        let mut conn = self.conn.clone();
        pipe.query_async(&mut conn)
            .await
            .map_err(|e| map_err(&self.target, e))
    }

    /// One command on the shared connection.
    pub(super) async fn query_cmd<T: ::redis::FromRedisValue>(
        &self,
        cmd: &::redis::Cmd,
    ) -> StoreResult<T> {
        let mut conn = self.conn.clone();
        cmd.query_async(&mut conn)
            .await
            .map_err(|e| map_err(&self.target, e))
    }

    /// One blocking command (XREAD BLOCK) on a second connection, opened on first use, so it
    /// never stalls the pipelined one.
    pub(super) async fn query_blocking<T: ::redis::FromRedisValue>(
        &self,
        cmd: &::redis::Cmd,
    ) -> StoreResult<T> {
        let mut conn = self
            .blocking
            .get_or_try_init(|| {
                self.client
                    .get_connection_manager_with_config(self.config.clone())
            })
            .await
            .map_err(|e| map_err(&self.target, e))?
            .clone();
        cmd.query_async(&mut conn)
            .await
            .map_err(|e| map_err(&self.target, e))
    }

    /// A pub/sub connection of its own (within the connect timeout), subscribed to `channel`.
    pub(super) async fn subscribe(&self, channel: &str) -> StoreResult<::redis::aio::PubSub> {
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
            .subscribe(channel)
            .await
            .map_err(|e| map_err(&self.target, e))?;
        Ok(pubsub)
    }

    /// Runs script calls in one pipelined round trip; reloads the scripts once if Redis lost them.
    pub(super) async fn eval_many(&self, calls: &[Call]) -> StoreResult<Vec<Value>> {
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
                // LOADING, READONLY, BUSY, ... are unavailability, not a failed script.
                return Err(
                    match super::errors::from_reply(
                        &self.target,
                        e.code(),
                        e.details().unwrap_or(""),
                    ) {
                        StoreError::Backend(m) => {
                            StoreError::Backend(format!("script failed: {m}"))
                        }
                        other => other,
                    },
                );
            }
        }
        Ok(out)
    }

    pub(super) async fn eval(&self, call: Call) -> StoreResult<Value> {
        let mut v = self.eval_many(std::slice::from_ref(&call)).await?;
        v.pop()
            .ok_or_else(|| StoreError::Backend("empty script reply".into()))
    }
}

/// One PING round trip.
pub(super) async fn ping(store: &RedisStore) -> StoreResult<Duration> {
    let t = std::time::Instant::now();
    let mut p = ::redis::pipe();
    p.cmd("PING");
    let _: Vec<Value> = store.query(&p).await?;
    Ok(t.elapsed())
}
