//! The `redis health` rows about failover and access: each replica with its link and lag, what `min-replicas-to-write` and `--min-replicas-ack` need, the Sentinels' quorum (`SENTINEL CKQUORUM`), and the ACL user tartarus runs as. Facts are gathered first ([`gather`]); the rows are a pure function of them ([`evaluate`]).

use std::collections::BTreeMap;

use serde_json::Value as Json;

use super::{row, HealthCheck, HealthOptions, HealthStatus};
use crate::config::Endpoint;
use crate::connection::value::{items, strings, text};
use crate::connection::{Failure, FailureKind, Value};
use crate::persistence::admin::RedisAdmin;

/// Replica lag (seconds since its last ack) above which a replica row warns.
const MAX_REPLICA_LAG_SECS: i64 = 10;

/// Each Sentinel's answer to `SENTINEL CKQUORUM`: `Ok(text)` when it says OK, `Err(text)` for
/// NOQUORUM or when it could not be asked.
pub type QuorumAnswers = Vec<(Endpoint, Result<String, String>)>;

/// What the rows are computed from, beyond INFO and CONFIG.
#[derive(Clone, Debug, Default)]
pub struct TopologyFacts {
    /// `ACL WHOAMI` (None when the server or the user's rights do not allow it).
    pub user: Option<String>,
    /// The user's rules from `ACL GETUSER`, flattened (`flags`, `commands`, `keys`).
    pub user_rules: BTreeMap<String, String>,
    /// Behind Sentinel: each Sentinel's answer to `SENTINEL CKQUORUM <master>`, and the master.
    pub sentinels: Option<(String, QuorumAnswers)>,
}

/// Asks the server who we are, and the Sentinels whether they can fail over.
pub async fn gather(admin: &RedisAdmin) -> TopologyFacts {
    let mut facts = TopologyFacts::default();
    let mut whoami = crate::connection::cmd("ACL");
    whoami.arg("WHOAMI");
    if let Ok(v) = admin.query("ACL WHOAMI", &whoami).await {
        facts.user = text(&v);
    }
    if let Some(user) = &facts.user {
        let mut getuser = crate::connection::cmd("ACL");
        getuser.arg("GETUSER").arg(user);
        if let Ok(v) = admin.query("ACL GETUSER", &getuser).await {
            let parts = items(v);
            for pair in parts.chunks(2) {
                if let [k, v] = pair {
                    let value = match v {
                        Value::Array(_) | Value::Set(_) => strings(v.clone()).join(" "),
                        other => text(other).unwrap_or_default(),
                    };
                    facts.user_rules.insert(text(k).unwrap_or_default(), value);
                }
            }
        }
    }
    let conn = admin.connection();
    if let Some(settings) = conn.sentinel_settings() {
        let master = settings.master.clone();
        let mut cmd = crate::connection::cmd("SENTINEL");
        cmd.arg("CKQUORUM").arg(&master);
        let answers = conn.sentinel_query(&cmd).await.unwrap_or_default();
        let answers = answers
            .into_iter()
            .map(|(e, r)| (e, quorum_answer(r)))
            .collect();
        facts.sentinels = Some((master, answers));
    }
    facts
}

/// A Sentinel's CKQUORUM answer: `Ok(text)` when it says OK, `Err(text)` for NOQUORUM (an
/// answer too) or when it could not be asked.
fn quorum_answer(reply: Result<Value, Failure>) -> Result<String, String> {
    match reply {
        Ok(v) => Ok(text(&v).unwrap_or_default()),
        Err(f) if f.kind == FailureKind::Command => Err(f.message),
        Err(f) => Err(format!("unreachable: {}", f.message)),
    }
}

/// The `slaveN:` lines of INFO replication: `ip`, `port`, `state`, `offset`, `lag`.
fn replicas(info: &BTreeMap<String, String>) -> Vec<BTreeMap<String, String>> {
    info.iter()
        .filter(|(k, _)| {
            k.len() > 5 && k.starts_with("slave") && k[5..].chars().all(|c| c.is_ascii_digit())
        })
        .map(|(_, v)| {
            v.split(',')
                .filter_map(|p| p.split_once('='))
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect()
        })
        .collect()
}

/// The rows: replicas, replica requirements, the Sentinels' quorum, the ACL user.
pub fn evaluate(
    info: &BTreeMap<String, String>,
    config: &BTreeMap<String, String>,
    facts: &TopologyFacts,
    opts: &HealthOptions,
) -> Vec<HealthCheck> {
    let mut out = Vec::new();
    if info.get("role").map(String::as_str) == Some("master") {
        out.extend(replica_rows(info, config, opts));
    } else if info.contains_key("role") {
        out.push(master_link(info));
    }
    if let Some((master, answers)) = &facts.sentinels {
        out.push(sentinel_quorum(master, answers));
    }
    out.push(acl_user(facts, opts));
    out
}

/// One row per replica (link state and lag), then `replicas`: enough online for
/// `min-replicas-to-write` and `--min-replicas-ack`?
fn replica_rows(
    info: &BTreeMap<String, String>,
    config: &BTreeMap<String, String>,
    opts: &HealthOptions,
) -> Vec<HealthCheck> {
    let master_offset = info
        .get("master_repl_offset")
        .and_then(|v| v.trim().parse::<i64>().ok());
    let mut out = Vec::new();
    let mut online = 0u32;
    for r in replicas(info) {
        let addr = format!(
            "{}:{}",
            r.get("ip").map(String::as_str).unwrap_or("?"),
            r.get("port").map(String::as_str).unwrap_or("?")
        );
        let state = r.get("state").map(String::as_str).unwrap_or("unknown");
        let lag = r.get("lag").and_then(|l| l.parse::<i64>().ok());
        let behind = match (
            master_offset,
            r.get("offset").and_then(|o| o.parse::<i64>().ok()),
        ) {
            (Some(m), Some(o)) => format!(", {} bytes behind", (m - o).max(0)),
            _ => String::new(),
        };
        let name = format!("replica {addr}");
        let value = lag.map_or(Json::Null, |l| Json::from(l * 1000));
        let check = if state != "online" {
            row(
                &name,
                HealthStatus::Warning,
                value,
                format!("link {state}{behind}: not a failover candidate until it is in sync"),
                "check the replica's log and its network path to the master",
            )
        } else if lag.is_some_and(|l| l > MAX_REPLICA_LAG_SECS) {
            online += 1;
            row(
                &name,
                HealthStatus::Warning,
                value,
                format!(
                    "online but its last ack is {}s old{behind}",
                    lag.unwrap_or(0)
                ),
                "check the replica's load and network",
            )
        } else {
            online += 1;
            row(
                &name,
                HealthStatus::Ok,
                value,
                format!("online, last ack lag{behind}"),
                "",
            )
        };
        out.push(check.unit("ms"));
    }
    let to_write = config
        .get("min-replicas-to-write")
        .and_then(|v| v.trim().parse::<u32>().ok())
        .unwrap_or(0);
    let ack = opts.replica_ack.unwrap_or(0);
    let check = if to_write > online {
        row(
            "replicas",
            HealthStatus::Critical,
            online,
            format!(
                "online; min-replicas-to-write is {to_write}: the master refuses every write (NOREPLICAS)"
            ),
            "bring replicas back, or lower min-replicas-to-write",
        )
    } else if ack > online {
        row(
            "replicas",
            HealthStatus::Critical,
            online,
            format!(
                "online; --min-replicas-ack {ack} cannot be met: every acknowledged write fails"
            ),
            "bring replicas back, or lower --min-replicas-ack",
        )
    } else if online > 0 && to_write == 0 {
        row(
            "replicas",
            HealthStatus::Warning,
            online,
            "online; min-replicas-to-write is 0: a master cut off from its replicas keeps \
             accepting writes that a failover then throws away",
            "tartarus redis configure --apply (sets min-replicas-to-write 1)",
        )
    } else {
        row("replicas", HealthStatus::Ok, online, "online", "")
    };
    out.push(check);
    out
}

/// On a replica: its link to the master.
fn master_link(info: &BTreeMap<String, String>) -> HealthCheck {
    let link = info
        .get("master_link_status")
        .map(String::as_str)
        .unwrap_or("unknown");
    let master = format!(
        "{}:{}",
        info.get("master_host").map(String::as_str).unwrap_or("?"),
        info.get("master_port").map(String::as_str).unwrap_or("?")
    );
    if link == "up" {
        row(
            "master_link",
            HealthStatus::Ok,
            link,
            format!("replicating from {master}"),
            "",
        )
    } else {
        row(
            "master_link",
            HealthStatus::Critical,
            link,
            format!("the link to {master} is {link}"),
            "check the master and the network",
        )
    }
}

/// `SENTINEL CKQUORUM` on every Sentinel.
fn sentinel_quorum(master: &str, answers: &[(Endpoint, Result<String, String>)]) -> HealthCheck {
    let ok: Vec<&String> = answers
        .iter()
        .filter_map(|(_, r)| r.as_ref().ok())
        .collect();
    let unreachable: Vec<String> = answers
        .iter()
        .filter(|(_, r)| matches!(r, Err(e) if e.starts_with("unreachable")))
        .map(|(e, _)| e.to_string())
        .collect();
    let refused: Vec<String> = answers
        .iter()
        .filter_map(|(e, r)| match r {
            Err(m) if !m.starts_with("unreachable") => Some(format!("{e}: {m}")),
            _ => None,
        })
        .collect();
    let value = format!("{}/{} sentinels", ok.len(), answers.len());
    if ok.is_empty() && refused.is_empty() {
        return row(
            "sentinel_quorum",
            HealthStatus::Critical,
            value,
            format!("no Sentinel answered for `{master}`: no failover can happen"),
            "check the Sentinels (REDIS_SENTINEL_ADDRS) and their password",
        );
    }
    if !refused.is_empty() {
        return row(
            "sentinel_quorum",
            HealthStatus::Critical,
            value,
            refused.join("; "),
            "start the missing Sentinels or lower the quorum (sentinel monitor … <quorum>)",
        );
    }
    let first = ok.first().map(|s| s.as_str()).unwrap_or("");
    if unreachable.is_empty() {
        row("sentinel_quorum", HealthStatus::Ok, value, first, "")
    } else {
        row(
            "sentinel_quorum",
            HealthStatus::Warning,
            value,
            format!("{first}; unreachable: {}", unreachable.join(", ")),
            "check the unreachable Sentinels",
        )
    }
}

/// Who tartarus runs as: in production, the `default` user with every right is a warning.
fn acl_user(facts: &TopologyFacts, opts: &HealthOptions) -> HealthCheck {
    let Some(user) = &facts.user else {
        return row(
            "acl_user",
            HealthStatus::Ok,
            Json::Null,
            "ACL WHOAMI is not allowed for this user (a restricted user)",
            "",
        );
    };
    let commands = facts
        .user_rules
        .get("commands")
        .map(String::as_str)
        .unwrap_or("");
    let keys = facts
        .user_rules
        .get("keys")
        .map(String::as_str)
        .unwrap_or("");
    let everything = commands.split_whitespace().any(|c| c == "+@all")
        && !commands.contains(" -")
        && (keys.split_whitespace().any(|k| k == "~*") || keys.contains("allkeys"));
    if user == "default" && (everything || facts.user_rules.is_empty()) {
        let message = "tartarus runs as the `default` user with every right (FLUSHALL, CONFIG, \
                       DEBUG, …): a leaked agent password can wipe the data";
        let fix = "create the agent, scheduler and operator users of examples/acl/users.acl and \
                   set REDIS_USERNAME";
        return if opts.production {
            row(
                "acl_user",
                HealthStatus::Warning,
                user.as_str(),
                message,
                fix,
            )
        } else {
            row(
                "acl_user",
                HealthStatus::Ok,
                user.as_str(),
                format!("{message} (fine in development; warned in production)"),
                fix,
            )
        };
    }
    row("acl_user", HealthStatus::Ok, user.as_str(), "", "")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn replicas_are_reported_with_lag_and_requirements() {
        let info = map(&[
            ("role", "master"),
            ("master_repl_offset", "1000"),
            (
                "slave0",
                "ip=10.0.0.2,port=6379,state=online,offset=990,lag=0",
            ),
            (
                "slave1",
                "ip=10.0.0.3,port=6379,state=wait_bgsave,offset=0,lag=30",
            ),
        ]);
        let opts = HealthOptions {
            replica_ack: Some(2),
            ..Default::default()
        };
        let rows = evaluate(
            &info,
            &map(&[("min-replicas-to-write", "1")]),
            &TopologyFacts::default(),
            &opts,
        );
        let get = |n: &str| rows.iter().find(|r| r.name == n).unwrap().clone();
        assert_eq!(get("replica 10.0.0.2:6379").status, HealthStatus::Ok);
        assert!(get("replica 10.0.0.2:6379")
            .message
            .contains("10 bytes behind"));
        assert_eq!(get("replica 10.0.0.3:6379").status, HealthStatus::Warning);
        let r = get("replicas");
        assert_eq!(
            (r.status, r.value.clone()),
            (HealthStatus::Critical, Json::from(1))
        );
        assert!(r.message.contains("--min-replicas-ack 2"), "{}", r.message);
    }

    #[test]
    fn the_default_user_warns_in_production_only() {
        let facts = TopologyFacts {
            user: Some("default".into()),
            user_rules: map(&[("commands", "+@all"), ("keys", "~*")]),
            sentinels: None,
        };
        let prod = HealthOptions {
            production: true,
            ..Default::default()
        };
        assert_eq!(acl_user(&facts, &prod).status, HealthStatus::Warning);
        assert_eq!(
            acl_user(&facts, &HealthOptions::default()).status,
            HealthStatus::Ok
        );
        let agent = TopologyFacts {
            user: Some("tartarus-agent".into()),
            ..facts
        };
        assert_eq!(acl_user(&agent, &prod).status, HealthStatus::Ok);
    }

    #[test]
    fn quorum_is_critical_without_an_ok() {
        let e = |p| Endpoint::new("127.0.0.1", p);
        let ok = sentinel_quorum(
            "mymaster",
            &[
                (e(1), Ok("OK 3 usable Sentinels".into())),
                (e(2), Err("unreachable: refused".into())),
            ],
        );
        assert_eq!(ok.status, HealthStatus::Warning);
        let none = sentinel_quorum("mymaster", &[(e(1), Err("NOQUORUM 1 usable".into()))]);
        assert_eq!(none.status, HealthStatus::Critical);
    }
}
