//! Lua scripts by SHA: loading them, calling many in one pipelined round trip (on `NOSCRIPT`, reloaded and only the calls that did not run sent again), and, for acknowledged writes, the `WAIT` that follows them on the acknowledged lane.
//!
//! On Redis Cluster the calls that met `NOSCRIPT` are sent again as `EVAL` with the script's
//! source, which runs them on the node that holds their slot and caches the script there (a
//! `SCRIPT LOAD` without keys would go to one random node, or fan out and fail while a node is
//! down).

use redis::Value;

use super::error::{Failure, FailureKind, Result};
use super::{Active, Connection, Lane, Work};
use crate::config::ReplicaAck;

/// A set of scripts, each known by its index.
pub struct Scripts {
    sources: Vec<String>,
    shas: Vec<String>,
}

impl Scripts {
    pub fn new(sources: Vec<String>) -> Scripts {
        let shas = sources
            .iter()
            .map(|s| redis::Script::new(s).get_hash().to_string())
            .collect();
        Scripts { sources, shas }
    }

    /// The SHA-1 of script `index` (empty for an unknown index: Redis then says NOSCRIPT).
    pub fn sha(&self, index: usize) -> &str {
        self.shas.get(index).map(String::as_str).unwrap_or("")
    }
}

/// One script call: which script, its KEYS and its ARGV.
pub struct ScriptCall<'a> {
    pub script: usize,
    pub keys: &'a [String],
    pub args: &'a [String],
}

fn is_noscript(v: &Value) -> bool {
    matches!(v, Value::ServerError(e) if e.code() == "NOSCRIPT")
}

impl Connection {
    /// `SCRIPT LOAD` of every script, on the shared lane.
    pub async fn load_scripts(&self, scripts: &Scripts) -> Result<()> {
        self.load_scripts_on(Lane::Shared, scripts).await
    }

    async fn load_scripts_on(&self, lane: Lane, scripts: &Scripts) -> Result<()> {
        if self.is_cluster() {
            // Sent to every node the client knows; a node that is down or failing over only
            // means its calls meet NOSCRIPT and go again as EVAL.
            for code in &scripts.sources {
                let mut cmd = redis::cmd("SCRIPT");
                cmd.arg("LOAD").arg(code);
                if let Err(f) = self.on_lane::<Value>(lane, Work::Cmd(&cmd)).await {
                    if f.kind == FailureKind::Auth {
                        return Err(f);
                    }
                    tracing::debug!("SCRIPT LOAD on the cluster: {f}");
                }
            }
            return Ok(());
        }
        let mut pipe = redis::pipe();
        for code in &scripts.sources {
            pipe.cmd("SCRIPT").arg("LOAD").arg(code);
        }
        self.on_lane::<Value>(lane, Work::Pipe(&pipe)).await?;
        Ok(())
    }

    /// Runs script calls in one round trip and returns their replies, in order. With
    /// `acknowledged` and `--min-replicas-ack N`, the calls go on the acknowledged lane followed
    /// by `WAIT N timeout`, and fewer confirmations than N fail the batch
    /// ([`FailureKind::NotReplicated`]). An error reply of any call fails the batch, classified.
    pub async fn eval(
        &self,
        scripts: &Scripts,
        calls: &[ScriptCall<'_>],
        acknowledged: bool,
    ) -> Result<Vec<Value>> {
        if calls.is_empty() {
            return Ok(Vec::new());
        }
        let ack = self.replica_ack().filter(|_| acknowledged);
        let lane = if ack.is_some() {
            Lane::Acked
        } else {
            Lane::Shared
        };
        let mut out = vec![Value::Nil; calls.len()];
        let mut pending: Vec<usize> = (0..calls.len()).collect();
        for round in 0..2 {
            let with_source = round > 0 && self.is_cluster();
            let (active, replies, waited) = self
                .eval_round(lane, scripts, calls, &pending, ack, with_source)
                .await?;
            let mut missing = Vec::new();
            for (i, v) in pending.iter().zip(replies) {
                if is_noscript(&v) {
                    missing.push(*i);
                } else {
                    out[*i] = v;
                }
            }
            self.check_replies(&active, &out, &missing)?;
            if let (Some(a), Some(w)) = (ack, waited) {
                self.check_wait(&active, a, w)?;
            }
            if missing.is_empty() {
                return Ok(out);
            }
            if round == 0 {
                // Redis restarted, failed over, or its script cache was flushed: a NOSCRIPT reply
                // means the call did not run, so only those calls are sent again.
                tracing::info!("Redis lost its scripts (NOSCRIPT): loading them again");
                if !self.is_cluster() {
                    self.load_scripts_on(lane, scripts).await?;
                }
            }
            pending = missing;
        }
        Err(Failure::new(
            FailureKind::Unavailable,
            self.display(),
            "NOSCRIPT again right after loading the scripts (is the server switching over?)",
        ))
    }

    /// One pipelined round: the pending calls, and WAIT after them when asked.
    async fn eval_round(
        &self,
        lane: Lane,
        scripts: &Scripts,
        calls: &[ScriptCall<'_>],
        pending: &[usize],
        ack: Option<ReplicaAck>,
        with_source: bool,
    ) -> Result<(Active, Vec<Value>, Option<Value>)> {
        let active = self.lane(lane).await?;
        let mut pipe = redis::pipe();
        pipe.ignore_errors();
        for i in pending {
            let c = &calls[*i];
            match scripts.sources.get(c.script).filter(|_| with_source) {
                Some(source) => pipe.cmd("EVAL").arg(source),
                None => pipe.cmd("EVALSHA").arg(scripts.sha(c.script)),
            }
            .arg(c.keys.len())
            .arg(c.keys)
            .arg(c.args);
        }
        if let Some(a) = ack {
            pipe.cmd("WAIT")
                .arg(a.replicas)
                .arg(a.timeout.as_millis() as u64);
        }
        let mut socket = active.socket.clone();
        let mut replies: Vec<Value> = pipe.query_async(&mut socket).await.map_err(|e| {
            let f = Failure::from_redis(&self.describe(Some(&active.endpoint)), &e);
            self.failed(&active, &f);
            f
        })?;
        let waited = ack.and_then(|_| replies.pop());
        if replies.len() != pending.len() {
            return Err(Failure::new(
                FailureKind::Command,
                self.display(),
                format!(
                    "{} replies for {} script calls",
                    replies.len(),
                    pending.len()
                ),
            ));
        }
        Ok((active, replies, waited))
    }

    /// The first error reply among the calls that ran, classified.
    fn check_replies(&self, active: &Active, out: &[Value], missing: &[usize]) -> Result<()> {
        for (i, v) in out.iter().enumerate() {
            if let Value::ServerError(e) = v {
                if missing.contains(&i) {
                    continue;
                }
                let mut f = Failure::from_reply(&self.describe(Some(&active.endpoint)), e);
                self.failed(active, &f);
                if f.kind == FailureKind::Command {
                    f.message = format!("script failed: {}", f.message);
                }
                return Err(f);
            }
        }
        Ok(())
    }

    /// WAIT's answer: how many replicas have every write of this socket so far.
    fn check_wait(&self, active: &Active, ack: ReplicaAck, waited: Value) -> Result<()> {
        let describe = self.describe(Some(&active.endpoint));
        match waited {
            Value::Int(n) if n >= i64::from(ack.replicas) => Ok(()),
            Value::Int(n) => Err(Failure::not_replicated(
                &describe,
                ack.replicas,
                n,
                ack.timeout,
            )),
            Value::ServerError(e) => {
                let f = Failure::from_reply(&describe, &e);
                self.failed(active, &f);
                Err(f)
            }
            other => Err(Failure::protocol(&describe, "WAIT", &other)),
        }
    }
}
