//! Typed Redis administration commands, on the connection layer (`crate::connection`): the persistence module's only way to Redis besides the raw replication stream.

use std::collections::{BTreeMap, HashSet};
use std::time::{Duration, Instant};

use crate::connection::value::text as value_to_string;
use crate::connection::{Cmd, Connection, Failure, FailureKind, Options, Role, Value};

use super::{PersistenceError, Result};
use crate::config::{Endpoint, RedisTarget};

pub use crate::connection::value::parse_info;

/// A key to restore: (key, ttl in ms (0 = no expiry), DUMP payload).
pub type RestoreItem = (Vec<u8>, i64, Vec<u8>);

/// What BGSAVE answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BgsaveStart {
    Started,
    /// An AOF rewrite is running: the save starts when it ends (BGSAVE SCHEDULE).
    Scheduled,
    /// Another BGSAVE is running.
    AlreadyInProgress,
}

/// The nodes one-server commands go to: the target itself, or on Redis Cluster each master that
/// holds slots (as a standalone target with the same credentials and TLS), with its address.
pub async fn one_server_targets(target: &RedisTarget) -> Result<Vec<(String, RedisTarget)>> {
    if !target.topology.is_cluster() {
        return Ok(vec![(target.display(), target.clone())]);
    }
    let conn = Connection::connect(target)
        .await
        .map_err(|f| command_error("CLUSTER NODES", f))?;
    let masters = match conn.cluster_masters().await {
        Some(m) => m.map_err(|f| command_error("CLUSTER NODES", f))?,
        None => Vec::new(),
    };
    Ok(masters
        .into_iter()
        .map(|m| (m.endpoint.to_string(), target.node(&m.endpoint)))
        .collect())
}

/// Every node of a Redis Cluster as `CLUSTER NODES` shows it (masters with their slots,
/// replicas with their master's id), asked through the cluster connection.
pub async fn cluster_nodes(target: &RedisTarget) -> Result<Vec<crate::connection::ClusterNode>> {
    let conn = Connection::connect(target)
        .await
        .map_err(|f| command_error("CLUSTER NODES", f))?;
    match conn.cluster_nodes().await {
        Some(nodes) => nodes.map_err(|f| command_error("CLUSTER NODES", f)),
        None => Err(PersistenceError::Unsupported(format!(
            "{} is not a Redis Cluster",
            target.display()
        ))),
    }
}

/// A connection to one Redis node (the master, or a replica when asked) for administrative
/// commands.
pub struct RedisAdmin {
    conn: Connection,
    display: String,
}

/// A failure of the connection layer as the persistence commands report it.
fn command_error(command: &str, f: Failure) -> PersistenceError {
    match (f.kind, f.code()) {
        (_, Some("LOADING")) => PersistenceError::Loading {
            command: command.to_string(),
        },
        (FailureKind::Timeout, _) => PersistenceError::CommandTimeout {
            command: command.to_string(),
        },
        (FailureKind::Command, _) => PersistenceError::Command {
            command: command.to_string(),
            reason: f.message,
        },
        (FailureKind::Auth, _) => PersistenceError::Refused {
            target: f.server,
            command: command.to_string(),
            reason: f.message,
        },
        _ => PersistenceError::Connect {
            target: f.server,
            reason: format!("{} (during {command})", f.message),
        },
    }
}

impl RedisAdmin {
    /// Connects to the master (with the target's connect/response timeouts), authenticates and
    /// selects the db.
    pub async fn connect(target: &RedisTarget) -> Result<RedisAdmin> {
        RedisAdmin::connect_with(target, Options::default()).await
    }

    /// Connects to a healthy replica (`backup create --from-replica`).
    pub async fn connect_replica(target: &RedisTarget) -> Result<RedisAdmin> {
        RedisAdmin::connect_with(
            target,
            Options {
                role: Role::Replica,
                ..Default::default()
            },
        )
        .await
    }

    /// Connects with these options (`unlimited_responses` for commands that take their time).
    pub async fn connect_with(target: &RedisTarget, options: Options) -> Result<RedisAdmin> {
        // INFO, BGSAVE, CONFIG and SCAN concern one node: on Cluster they go to each master
        // through its own standalone target (`RedisTarget::node`), never to a random one.
        super::refuse_on_cluster(target, "this command", super::PER_NODE)?;
        let conn = Connection::connect_with(target, options)
            .await
            .map_err(|f| PersistenceError::Connect {
                target: f.server,
                reason: f.message,
            })?;
        let display = match (target.standalone_endpoint(), options.role) {
            (Some(_), Role::Primary) => target.display(),
            _ => match conn.endpoint().await {
                Ok(e) => format!("{} ({} at {e})", target.display(), options.role.as_str()),
                Err(_) => target.display(),
            },
        };
        Ok(RedisAdmin { conn, display })
    }

    /// `host:port/db` of the server (no secrets); behind Sentinel, with the node's address.
    pub fn display(&self) -> &str {
        &self.display
    }

    /// The connection, for what the typed commands do not cover (the Sentinels, raw streams).
    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    /// The node the commands go to now.
    pub async fn endpoint(&self) -> Result<Endpoint> {
        self.conn
            .endpoint()
            .await
            .map_err(|f| command_error("connect", f))
    }

    /// One command, any reply but an error.
    pub async fn query(&self, command: &str, cmd: &Cmd) -> Result<Value> {
        let v: Value = self
            .conn
            .query_cmd(cmd)
            .await
            .map_err(|f| command_error(command, f))?;
        if let Value::ServerError(e) = v {
            return Err(PersistenceError::Command {
                command: command.into(),
                reason: format!("{e:?}"),
            });
        }
        Ok(v)
    }

    async fn query_pipe(
        &self,
        command: &str,
        pipe: &crate::connection::Pipeline,
    ) -> Result<Vec<Value>> {
        self.conn
            .query(pipe)
            .await
            .map_err(|f| command_error(command, f))
    }

    async fn query_string(&self, command: &str, cmd: &Cmd) -> Result<String> {
        let v = self.query(command, cmd).await?;
        value_to_string(&v).ok_or_else(|| PersistenceError::Protocol {
            command: command.into(),
            detail: format!("{v:?}"),
        })
    }

    async fn query_int(&self, command: &str, cmd: &Cmd) -> Result<i64> {
        let v = self.query(command, cmd).await?;
        match &v {
            Value::Int(i) => Ok(*i),
            other => value_to_string(other)
                .and_then(|s| s.parse().ok())
                .ok_or_else(|| PersistenceError::Protocol {
                    command: command.into(),
                    detail: format!("{v:?}"),
                }),
        }
    }

    /// PING round trip.
    pub async fn ping(&self) -> Result<Duration> {
        let start = Instant::now();
        let reply = self
            .query_string("PING", &crate::connection::cmd("PING"))
            .await?;
        let rtt = start.elapsed();
        if reply != "PONG" {
            return Err(PersistenceError::Protocol {
                command: "PING".into(),
                detail: reply,
            });
        }
        Ok(rtt)
    }

    /// PING round trip, where a `-LOADING` reply counts as an answer: `(rtt, true)` while the
    /// server loads its dataset (it is reachable, but refuses most commands until it is done).
    pub async fn ping_or_loading(&self) -> Result<(Duration, bool)> {
        let start = Instant::now();
        match self.ping().await {
            Ok(rtt) => Ok((rtt, false)),
            Err(PersistenceError::Loading { .. }) => Ok((start.elapsed(), true)),
            Err(e) => Err(e),
        }
    }

    /// `INFO all`, parsed.
    pub async fn info(&self) -> Result<BTreeMap<String, String>> {
        self.info_section("all").await
    }

    /// `INFO <section>`, parsed.
    pub async fn info_section(&self, section: &str) -> Result<BTreeMap<String, String>> {
        let text = self
            .query_string("INFO", crate::connection::cmd("INFO").arg(section))
            .await?;
        Ok(parse_info(&text))
    }

    /// `CONFIG GET pattern` as a map (RESP2 flat array or RESP3 map).
    pub async fn config_get(&self, pattern: &str) -> Result<BTreeMap<String, String>> {
        let v = self
            .query(
                "CONFIG GET",
                crate::connection::cmd("CONFIG").arg("GET").arg(pattern),
            )
            .await?;
        let mut out = BTreeMap::new();
        let bad = || PersistenceError::Protocol {
            command: "CONFIG GET".into(),
            detail: "unexpected reply shape".into(),
        };
        match v {
            Value::Array(items) => {
                for pair in items.chunks(2) {
                    if let [k, v] = pair {
                        out.insert(
                            value_to_string(k).ok_or_else(bad)?,
                            value_to_string(v).ok_or_else(bad)?,
                        );
                    }
                }
            }
            Value::Map(items) => {
                for (k, v) in items {
                    out.insert(
                        value_to_string(&k).ok_or_else(bad)?,
                        value_to_string(&v).ok_or_else(bad)?,
                    );
                }
            }
            _ => return Err(bad()),
        }
        Ok(out)
    }

    /// One config value (None when the server does not know it).
    pub async fn config_get_one(&self, name: &str) -> Result<Option<String>> {
        Ok(self.config_get(name).await?.remove(name))
    }

    pub async fn config_set(&self, name: &str, value: &str) -> Result<()> {
        self.query(
            "CONFIG SET",
            crate::connection::cmd("CONFIG")
                .arg("SET")
                .arg(name)
                .arg(value),
        )
        .await
        .map(|_| ())
    }

    /// `CONFIG REWRITE`; [`PersistenceError::NoConfigFile`] when the server was started without one.
    pub async fn config_rewrite(&self) -> Result<()> {
        match self
            .query(
                "CONFIG REWRITE",
                crate::connection::cmd("CONFIG").arg("REWRITE"),
            )
            .await
        {
            Err(PersistenceError::Command { reason, .. })
                if reason
                    .to_ascii_lowercase()
                    .contains("without a config file") =>
            {
                Err(PersistenceError::NoConfigFile)
            }
            other => other.map(|_| ()),
        }
    }

    /// `BGSAVE SCHEDULE`: starts a snapshot, or schedules it after a running AOF rewrite.
    pub async fn bgsave(&self) -> Result<BgsaveStart> {
        match self
            .query_string("BGSAVE", crate::connection::cmd("BGSAVE").arg("SCHEDULE"))
            .await
        {
            Ok(s) if s.to_ascii_lowercase().contains("scheduled") => Ok(BgsaveStart::Scheduled),
            Ok(_) => Ok(BgsaveStart::Started),
            Err(PersistenceError::Command { reason, .. })
                if reason.to_ascii_lowercase().contains("already in progress") =>
            {
                Ok(BgsaveStart::AlreadyInProgress)
            }
            Err(e) => Err(e),
        }
    }

    /// `LASTSAVE` (Unix seconds of the last successful save).
    pub async fn lastsave(&self) -> Result<i64> {
        self.query_int("LASTSAVE", &crate::connection::cmd("LASTSAVE"))
            .await
    }

    pub async fn dbsize(&self) -> Result<u64> {
        Ok(self
            .query_int("DBSIZE", &crate::connection::cmd("DBSIZE"))
            .await?
            .max(0) as u64)
    }

    /// One `SCAN cursor MATCH pattern COUNT count` page: (next cursor, keys).
    pub async fn scan_page(
        &self,
        cursor: u64,
        pattern: &str,
        count: usize,
    ) -> Result<(u64, Vec<Vec<u8>>)> {
        let v = self
            .query(
                "SCAN",
                crate::connection::cmd("SCAN")
                    .arg(cursor)
                    .arg("MATCH")
                    .arg(pattern)
                    .arg("COUNT")
                    .arg(count),
            )
            .await?;
        let bad = |d: &str| PersistenceError::Protocol {
            command: "SCAN".into(),
            detail: d.into(),
        };
        let Value::Array(mut parts) = v else {
            return Err(bad("not an array"));
        };
        if parts.len() != 2 {
            return Err(bad("expected [cursor, keys]"));
        }
        let keys_v = parts.pop().unwrap_or(Value::Nil);
        let cursor_v = parts.pop().unwrap_or(Value::Nil);
        let next = value_to_string(&cursor_v)
            .and_then(|s| s.parse::<u64>().ok())
            .ok_or_else(|| bad("bad cursor"))?;
        let Value::Array(items) = keys_v else {
            return Err(bad("keys not an array"));
        };
        let mut keys = Vec::with_capacity(items.len());
        for k in items {
            match k {
                Value::BulkString(b) => keys.push(b),
                Value::SimpleString(s) => keys.push(s.into_bytes()),
                _ => return Err(bad("key not a string")),
            }
        }
        Ok((next, keys))
    }

    /// All keys matching any of the patterns (SCAN, never KEYS), deduplicated, in scan order.
    pub async fn scan_keys(&self, patterns: &[String]) -> Result<Vec<Vec<u8>>> {
        let mut seen = HashSet::new();
        let mut out = Vec::new();
        for p in patterns {
            let mut cursor = 0;
            loop {
                let (next, keys) = self.scan_page(cursor, p, 1000).await?;
                for k in keys {
                    if seen.insert(k.clone()) {
                        out.push(k);
                    }
                }
                if next == 0 {
                    break;
                }
                cursor = next;
            }
        }
        Ok(out)
    }

    /// `PTTL` + `DUMP` for each key in one pipeline. `None` for keys that vanished;
    /// the ttl is in ms, 0 for keys without expiry.
    pub async fn dump_with_pttl(&self, keys: &[Vec<u8>]) -> Result<Vec<Option<(i64, Vec<u8>)>>> {
        if keys.is_empty() {
            return Ok(Vec::new());
        }
        let mut pipe = crate::connection::pipe();
        for k in keys {
            pipe.cmd("PTTL")
                .arg(k.as_slice())
                .cmd("DUMP")
                .arg(k.as_slice());
        }
        pipe.ignore_errors();
        let replies = self.query_pipe("PTTL/DUMP", &pipe).await?;
        if replies.len() != keys.len() * 2 {
            return Err(PersistenceError::Protocol {
                command: "PTTL/DUMP".into(),
                detail: format!("{} replies for {} keys", replies.len(), keys.len()),
            });
        }
        let mut out = Vec::with_capacity(keys.len());
        let mut it = replies.into_iter();
        while let (Some(ttl), Some(dump)) = (it.next(), it.next()) {
            let ttl = match ttl {
                Value::Int(i) => i,
                Value::ServerError(e) => {
                    return Err(PersistenceError::Command {
                        command: "PTTL".into(),
                        reason: format!("{e:?}"),
                    })
                }
                other => {
                    return Err(PersistenceError::Protocol {
                        command: "PTTL".into(),
                        detail: format!("{other:?}"),
                    })
                }
            };
            match (ttl, dump) {
                (-2, _) | (_, Value::Nil) => out.push(None),
                (t, Value::BulkString(payload)) => {
                    out.push(Some((if t < 0 { 0 } else { t.max(1) }, payload)))
                }
                (_, Value::ServerError(e)) => {
                    return Err(PersistenceError::Command {
                        command: "DUMP".into(),
                        reason: format!("{e:?}"),
                    })
                }
                (_, other) => {
                    return Err(PersistenceError::Protocol {
                        command: "DUMP".into(),
                        detail: format!("{other:?}"),
                    })
                }
            }
        }
        Ok(out)
    }

    /// `RESTORE key ttl payload REPLACE` for each item in one pipeline. Returns how many were restored;
    /// any per-key error fails the batch with the first error and the error count.
    pub async fn restore_batch(&self, items: &[RestoreItem]) -> Result<usize> {
        if items.is_empty() {
            return Ok(0);
        }
        let mut pipe = crate::connection::pipe();
        for (k, ttl, payload) in items {
            pipe.cmd("RESTORE")
                .arg(k.as_slice())
                .arg(*ttl)
                .arg(payload.as_slice())
                .arg("REPLACE");
        }
        pipe.ignore_errors();
        let replies = self.query_pipe("RESTORE", &pipe).await?;
        let mut first = None;
        let mut errors = 0usize;
        for (i, r) in replies.iter().enumerate() {
            if let Value::ServerError(e) = r {
                errors += 1;
                if first.is_none() {
                    let key = items
                        .get(i)
                        .map(|it| String::from_utf8_lossy(&it.0).into_owned())
                        .unwrap_or_default();
                    first = Some(format!("key {key:?}: {e:?}"));
                }
            }
        }
        match first {
            Some(f) => Err(PersistenceError::Command {
                command: "RESTORE".into(),
                reason: format!("{errors} of {} keys failed; first: {f}", items.len()),
            }),
            None => Ok(items.len()),
        }
    }

    /// Deletes (UNLINK) every key matching the patterns; returns how many were removed.
    pub async fn flush_keys(&self, patterns: &[String]) -> Result<u64> {
        let keys = self.scan_keys(patterns).await?;
        let mut removed = 0u64;
        for chunk in keys.chunks(1000) {
            let mut cmd = crate::connection::cmd("UNLINK");
            for k in chunk {
                cmd.arg(k.as_slice());
            }
            removed += self.query_int("UNLINK", &cmd).await?.max(0) as u64;
        }
        Ok(removed)
    }
}

/// Small status records tartarus keeps in its own keys (the last `verify persistence` verdict,
/// the memory samples of `redis health`'s forecast): plain strings and a capped list.
impl RedisAdmin {
    /// `GET key` (None when the key does not exist).
    pub async fn get_string(&self, key: &str) -> Result<Option<String>> {
        let v = self
            .query("GET", crate::connection::cmd("GET").arg(key))
            .await?;
        Ok(match v {
            Value::Nil => None,
            other => value_to_string(&other),
        })
    }

    /// `SET key value`.
    pub async fn set_string(&self, key: &str, value: &str) -> Result<()> {
        self.query("SET", crate::connection::cmd("SET").arg(key).arg(value))
            .await
            .map(|_| ())
    }

    /// `LPUSH key value` then `LTRIM key 0 cap-1`, in one MULTI: the list keeps the newest `cap`.
    pub async fn push_capped(&self, key: &str, value: &str, cap: usize) -> Result<()> {
        let mut pipe = crate::connection::pipe();
        pipe.atomic()
            .cmd("LPUSH")
            .arg(key)
            .arg(value)
            .ignore()
            .cmd("LTRIM")
            .arg(key)
            .arg(0)
            .arg(cap.saturating_sub(1))
            .ignore();
        self.query_pipe("LPUSH/LTRIM", &pipe).await.map(|_| ())
    }

    /// `LRANGE key 0 n-1`: the newest `n` entries of a list written by [`Self::push_capped`].
    pub async fn list_head(&self, key: &str, n: usize) -> Result<Vec<String>> {
        let v = self
            .query(
                "LRANGE",
                crate::connection::cmd("LRANGE")
                    .arg(key)
                    .arg(0)
                    .arg(n.saturating_sub(1)),
            )
            .await?;
        match v {
            Value::Array(items) => Ok(items.iter().filter_map(value_to_string).collect()),
            Value::Nil => Ok(Vec::new()),
            other => Err(PersistenceError::Protocol {
                command: "LRANGE".into(),
                detail: format!("{other:?}"),
            }),
        }
    }
}
