//! The store's side of the connection layer: connecting (scripts loaded), its failures as `StoreError`, its script calls (acknowledged writes marked), and the value helpers the store modules read replies with.

use std::time::Duration;

use ::redis::{Pipeline, Value};

use super::scripts::*;
use super::RedisStore;
use crate::config::RedisTarget;
use crate::connection::{Connection, Failure, FailureKind, ScriptCall, Scripts};
use crate::store::keys::Keys;
use crate::store::*;

pub(super) use crate::connection::value::{hash, int, items, strings, text};

/// A failure of the connection layer as the store reports it.
pub(super) fn map_failure(target: &RedisTarget, f: Failure) -> StoreError {
    let addr = target.display();
    let message = f.message;
    match f.kind {
        FailureKind::Unavailable => StoreError::Unavailable { addr, message },
        FailureKind::Auth => StoreError::Auth { addr, message },
        FailureKind::Timeout => StoreError::Timeout {
            addr,
            phase: TimeoutPhase::Command,
            timeout: target.command_timeout,
        },
        FailureKind::ConnectTimeout => StoreError::Timeout {
            addr,
            phase: TimeoutPhase::Connect,
            timeout: target.connect_timeout,
        },
        FailureKind::NotReplicated => StoreError::NotReplicated { addr, message },
        FailureKind::Command => StoreError::Backend(message),
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

/// The steps a caller is told succeeded and that must survive a failover: with
/// `--min-replicas-ack N` they are followed by `WAIT N`. A submit, a policy change, a
/// cancellation, and an agent's start and outcome of a run (the start's WAIT also covers the
/// placement before it: replication is one ordered stream). Heartbeats, claims and placements
/// are not waited for.
fn acknowledged(script: ScriptId) -> bool {
    matches!(
        script,
        ScriptId::Submit
            | ScriptId::PolicyChange
            | ScriptId::Cancel
            | ScriptId::StartRuns
            | ScriptId::FinishRuns
    )
}

impl RedisStore {
    /// Connects (within the connect timeout), checks credentials with a PING, and loads the
    /// scripts. Nothing reads the cell's schema: [`RedisStore::open`] does, for every process.
    pub async fn connect(
        target: &RedisTarget,
        keys: Keys,
        settings: StoreSettings,
    ) -> StoreResult<RedisStore> {
        let conn = Connection::connect(target)
            .await
            .map_err(|f| map_failure(target, f))?;
        let scripts = Scripts::new(ALL_SCRIPTS.iter().map(|id| id.source()).collect());
        let store = RedisStore {
            conn,
            target: target.clone(),
            keys,
            settings,
            scripts: std::sync::Arc::new(scripts),
        };
        store
            .conn
            .load_scripts(&store.scripts)
            .await
            .map_err(|f| store.fail(f))?;
        Ok(store)
    }

    fn fail(&self, f: Failure) -> StoreError {
        map_failure(&self.target, f)
    }

    pub(super) async fn query<T: ::redis::FromRedisValue>(
        &self,
        pipe: &Pipeline,
    ) -> StoreResult<T> {
        self.conn.query(pipe).await.map_err(|f| self.fail(f))
    }

    /// One command on the shared connection.
    pub(super) async fn query_cmd<T: ::redis::FromRedisValue>(
        &self,
        cmd: &::redis::Cmd,
    ) -> StoreResult<T> {
        self.conn.query_cmd(cmd).await.map_err(|f| self.fail(f))
    }

    /// One blocking command (XREAD BLOCK) on a connection of its own, so it never stalls the
    /// pipelined one.
    pub(super) async fn query_blocking<T: ::redis::FromRedisValue>(
        &self,
        cmd: &::redis::Cmd,
    ) -> StoreResult<T> {
        self.conn
            .query_blocking(cmd)
            .await
            .map_err(|f| self.fail(f))
    }

    /// The payloads published on `channel`, from a subscription that is renewed when lost.
    pub(super) async fn subscribe(
        &self,
        channel: &str,
    ) -> StoreResult<tokio::sync::mpsc::Receiver<Vec<u8>>> {
        self.conn.subscribe(channel).await.map_err(|f| self.fail(f))
    }

    /// Runs script calls in one pipelined round trip (the layer reloads the scripts once if
    /// Redis lost them). A batch with an acknowledged step waits for the replicas.
    pub(super) async fn eval_many(&self, calls: &[Call]) -> StoreResult<Vec<Value>> {
        let index = |id: ScriptId| {
            ALL_SCRIPTS
                .iter()
                .position(|s| *s == id)
                .unwrap_or(usize::MAX)
        };
        let layer_calls: Vec<ScriptCall<'_>> = calls
            .iter()
            .map(|c| ScriptCall {
                script: index(c.script),
                keys: &c.keys,
                args: &c.args,
            })
            .collect();
        let wait = calls.iter().any(|c| acknowledged(c.script));
        self.conn
            .eval(&self.scripts, &layer_calls, wait)
            .await
            .map_err(|f| self.fail(f))
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
