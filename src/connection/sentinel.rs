//! Finding nodes: the master (or a healthy replica) as the Sentinels name it, checked with `ROLE`; a replica of a standalone master from its `INFO replication`; questions to every Sentinel (`CKQUORUM`); and the watcher that hears `+switch-master` and makes every lane find the master again.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use futures::StreamExt;
use redis::aio::MultiplexedConnection;
use redis::Value;

use super::error::{Failure, FailureKind, Result};
use super::tls::Material;
use super::value::{hash, items, parse_info, text};
use super::{client_for, open_socket, Role};
use crate::config::{Endpoint, RedisTarget, SentinelSettings};

/// A socket to one Sentinel, with the Sentinels' own credentials (and no database: a Sentinel
/// has none).
async fn sentinel_socket(
    target: &RedisTarget,
    settings: &SentinelSettings,
    tls: Option<&Material>,
    sentinel: &Endpoint,
) -> Result<MultiplexedConnection> {
    let describe = format!("Sentinel {sentinel}");
    let client = client_for(
        sentinel,
        tls,
        0,
        settings.username.as_deref(),
        settings.password.as_ref().map(|p| p.expose()),
    )
    .map_err(|e| Failure::from_redis(&describe, &e))?;
    open_socket(&client, target, Some(target.command_timeout), &describe).await
}

async fn ask(socket: &MultiplexedConnection, cmd: &redis::Cmd, describe: &str) -> Result<Value> {
    let mut socket = socket.clone();
    cmd.query_async::<Value>(&mut socket)
        .await
        .map_err(|e| Failure::from_redis(describe, &e))
}

fn endpoint_of(host: Option<String>, port: Option<String>) -> Option<Endpoint> {
    let port = port?.parse::<u16>().ok()?;
    Some(Endpoint::new(host.filter(|h| !h.is_empty())?, port))
}

/// Asks one Sentinel where the node of `role` is.
async fn ask_one(
    target: &RedisTarget,
    settings: &SentinelSettings,
    tls: Option<&Material>,
    sentinel: &Endpoint,
    role: Role,
) -> Result<Endpoint> {
    let describe = format!("Sentinel {sentinel}");
    let socket = sentinel_socket(target, settings, tls, sentinel).await?;
    let unknown = || {
        Failure::new(
            FailureKind::Unavailable,
            &describe,
            format!(
                "it does not monitor a master named `{}` (REDIS_SENTINEL_MASTER)",
                settings.master
            ),
        )
    };
    match role {
        Role::Primary => {
            let mut cmd = redis::cmd("SENTINEL");
            cmd.arg("GET-MASTER-ADDR-BY-NAME").arg(&settings.master);
            let reply = ask(&socket, &cmd, &describe).await?;
            if reply == Value::Nil {
                return Err(unknown());
            }
            let mut parts = items(reply)
                .iter()
                .map(text)
                .collect::<Vec<_>>()
                .into_iter();
            endpoint_of(parts.next().flatten(), parts.next().flatten())
                .ok_or_else(|| Failure::new(FailureKind::Command, &describe, "no address given"))
        }
        Role::Replica => {
            let mut cmd = redis::cmd("SENTINEL");
            cmd.arg("REPLICAS").arg(&settings.master);
            let reply = ask(&socket, &cmd, &describe).await.map_err(|f| {
                if f.message.contains("No such master") {
                    unknown()
                } else {
                    f
                }
            })?;
            items(reply)
                .into_iter()
                .map(hash)
                .find(|r| {
                    let flags = r.get("flags").map(String::as_str).unwrap_or("");
                    !["s_down", "o_down", "disconnected"]
                        .iter()
                        .any(|f| flags.contains(f))
                        && r.get("master-link-status").map(String::as_str) == Some("ok")
                })
                .and_then(|r| endpoint_of(r.get("ip").cloned(), r.get("port").cloned()))
                .ok_or_else(|| {
                    Failure::new(
                        FailureKind::Unavailable,
                        &describe,
                        format!("no healthy replica of `{}`", settings.master),
                    )
                })
        }
    }
}

/// Where the node of `role` is, according to the first Sentinel that knows.
pub(super) async fn resolve(
    target: &RedisTarget,
    settings: &SentinelSettings,
    tls: Option<&Material>,
    role: Role,
) -> Result<Endpoint> {
    let mut reasons = Vec::new();
    let mut kind = FailureKind::Unavailable;
    for sentinel in &settings.sentinels {
        match ask_one(target, settings, tls, sentinel, role).await {
            Ok(e) => return Ok(e),
            Err(f) => {
                if f.kind == FailureKind::Auth {
                    kind = FailureKind::Auth;
                }
                reasons.push(format!("{sentinel}: {}", f.message));
            }
        }
    }
    Err(Failure::new(
        kind,
        target.display(),
        format!(
            "no Sentinel could name the {} of `{}`: {}",
            role.as_str(),
            settings.master,
            reasons.join("; ")
        ),
    ))
}

/// Checks with `ROLE` that the node the Sentinels named still has that role (during a failover
/// their answer can be a moment old).
pub(super) async fn check_role(
    socket: &MultiplexedConnection,
    role: Role,
    master: &str,
    describe: &str,
) -> Result<()> {
    let reply = ask(socket, &redis::cmd("ROLE"), describe).await?;
    let actual = items(reply).first().and_then(text).unwrap_or_default();
    let expected = match role {
        Role::Primary => "master",
        Role::Replica => "slave",
    };
    if actual == expected {
        return Ok(());
    }
    Err(Failure::new(
        FailureKind::Unavailable,
        describe,
        format!(
            "the Sentinels name this node as the {} of `{master}`, but it answers ROLE `{actual}`: \
             a failover is under way, retry in a moment",
            role.as_str()
        ),
    ))
}

/// A replica of a standalone master, from the master's `INFO replication` (`slaveN:` lines in
/// state `online`).
pub(super) async fn replica_of_standalone(
    socket: MultiplexedConnection,
    master: &Endpoint,
    describe: &str,
) -> Result<Endpoint> {
    let mut cmd = redis::cmd("INFO");
    cmd.arg("replication");
    let info = parse_info(&text(&ask(&socket, &cmd, describe).await?).unwrap_or_default());
    info.iter()
        .filter(|(k, _)| k.starts_with("slave") && k[5..].chars().all(|c| c.is_ascii_digit()))
        .map(|(_, v)| {
            v.split(',')
                .filter_map(|p| p.split_once('='))
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect::<std::collections::BTreeMap<_, _>>()
        })
        .find(|r| r.get("state").map(String::as_str) == Some("online"))
        .and_then(|r| endpoint_of(r.get("ip").cloned(), r.get("port").cloned()))
        .ok_or_else(|| {
            Failure::new(
                FailureKind::Unavailable,
                describe,
                format!("the master at {master} has no replica online (INFO replication)"),
            )
        })
}

/// Sends `cmd` to every Sentinel; each answer (or failure) with the Sentinel's address.
pub(super) async fn ask_each(
    target: &RedisTarget,
    settings: &SentinelSettings,
    tls: Option<&Material>,
    cmd: &redis::Cmd,
) -> Vec<(Endpoint, Result<Value>)> {
    let mut out = Vec::new();
    for sentinel in &settings.sentinels {
        let describe = format!("Sentinel {sentinel}");
        let answer = match sentinel_socket(target, settings, tls, sentinel).await {
            Ok(socket) => ask(&socket, cmd, &describe).await,
            Err(f) => Err(f),
        };
        out.push((sentinel.clone(), answer));
    }
    out
}

/// Listens for `+switch-master` on one Sentinel after another (a lost subscription moves on to
/// the next) and moves the epoch on when the watched master changes, so every lane asks again.
pub(super) fn watch_switches(
    target: RedisTarget,
    settings: SentinelSettings,
    tls: Option<Material>,
    epoch: Arc<AtomicU64>,
) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        if settings.sentinels.is_empty() {
            return;
        }
        let mut turn = 0usize;
        loop {
            let sentinel = &settings.sentinels[turn % settings.sentinels.len()];
            turn += 1;
            if let Err(f) = follow(&target, &settings, tls.as_ref(), sentinel, &epoch).await {
                tracing::debug!("watching Sentinel {sentinel} for failovers: {f}");
            }
            tokio::time::sleep(Duration::from_secs(1)).await;
        }
    })
}

async fn follow(
    target: &RedisTarget,
    settings: &SentinelSettings,
    tls: Option<&Material>,
    sentinel: &Endpoint,
    epoch: &AtomicU64,
) -> Result<()> {
    let describe = format!("Sentinel {sentinel}");
    let client = client_for(
        sentinel,
        tls,
        0,
        settings.username.as_deref(),
        settings.password.as_ref().map(|p| p.expose()),
    )
    .map_err(|e| Failure::from_redis(&describe, &e))?;
    let mut pubsub = tokio::time::timeout(target.connect_timeout, client.get_async_pubsub())
        .await
        .map_err(|_| Failure::new(FailureKind::ConnectTimeout, &describe, "no connection"))?
        .map_err(|e| Failure::from_redis(&describe, &e))?;
    pubsub
        .subscribe("+switch-master")
        .await
        .map_err(|e| Failure::from_redis(&describe, &e))?;
    let mut messages = pubsub.on_message();
    while let Some(msg) = messages.next().await {
        // `<name> <old ip> <old port> <new ip> <new port>`
        let payload: String = msg.get_payload().unwrap_or_default();
        let parts: Vec<&str> = payload.split_whitespace().collect();
        if parts.first() == Some(&settings.master.as_str()) && parts.len() == 5 {
            epoch.fetch_add(1, Ordering::AcqRel);
            tracing::warn!(
                "{describe} announced a new master for `{}`: {}:{} (was {}:{}); reconnecting",
                settings.master,
                parts[3],
                parts[4],
                parts[1],
                parts[2]
            );
        }
    }
    Err(Failure::new(
        FailureKind::Unavailable,
        &describe,
        "the subscription ended",
    ))
}
