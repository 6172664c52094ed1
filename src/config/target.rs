//! Where Redis is and how to reach it: the topology (standalone, Sentinel or Cluster), TLS, credentials, timeouts and the replica acknowledgement of writes, checked from the raw settings before anything connects.

use std::fmt;
use std::path::{Path, PathBuf};
use std::time::Duration;

use super::address::{
    parse_cluster_addrs, parse_redis_addr, parse_sentinel_addrs, redact_url, ParsedAddr,
};
use super::{ConfigError, Environment, RawSettings, Secret, Setting, Source, DEFAULT_REDIS_ADDR};

/// One server address.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Endpoint {
    pub host: String,
    pub port: u16,
}

impl Endpoint {
    pub fn new(host: impl Into<String>, port: u16) -> Endpoint {
        Endpoint {
            host: host.into(),
            port,
        }
    }
}

/// `host:port`, with an IPv6 host in brackets.
impl fmt::Display for Endpoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.host.contains(':') {
            write!(f, "[{}]:{}", self.host, self.port)
        } else {
            write!(f, "{}:{}", self.host, self.port)
        }
    }
}

/// How the Redis deployment is laid out. The settings that choose one exclude each other.
#[derive(Clone, Debug)]
pub enum Topology {
    /// One server (`REDIS_ADDR`).
    Standalone(Endpoint),
    /// A master found through Sentinel (`REDIS_SENTINEL_ADDRS`), followed across failovers.
    Sentinel(SentinelSettings),
    /// A Redis Cluster (`REDIS_CLUSTER_ADDRS`): some of its nodes, from which the client learns
    /// the slot map; every key of a cell lives in the one slot of its hash tag.
    Cluster(Vec<Endpoint>),
}

impl Topology {
    /// `standalone`, `sentinel` or `cluster`, as `config show` prints it.
    pub fn name(&self) -> &'static str {
        match self {
            Topology::Standalone(_) => "standalone",
            Topology::Sentinel(_) => "sentinel",
            Topology::Cluster(_) => "cluster",
        }
    }

    pub fn is_cluster(&self) -> bool {
        matches!(self, Topology::Cluster(_))
    }
}

/// Where the sentinels are, which master they watch, and their own credentials (a Sentinel's
/// `requirepass` / ACL user is not the data nodes').
#[derive(Clone, Debug)]
pub struct SentinelSettings {
    pub sentinels: Vec<Endpoint>,
    /// The name the sentinels monitor (`sentinel monitor <name> …`).
    pub master: String,
    pub username: Option<String>,
    pub password: Option<Secret>,
}

/// Default `REDIS_SENTINEL_MASTER`.
pub const DEFAULT_SENTINEL_MASTER: &str = "mymaster";

/// A PEM file read when the configuration was checked.
#[derive(Clone)]
pub struct PemFile {
    pub path: PathBuf,
    pub pem: Vec<u8>,
}

impl fmt::Debug for PemFile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PemFile({})", self.path.display())
    }
}

/// TLS to the data nodes and the sentinels.
#[derive(Clone, Debug, Default)]
pub struct TlsSettings {
    /// The CA that signed the servers' certificates (default: the public web roots).
    pub ca: Option<PemFile>,
    /// A client certificate and its key, for servers that require them (`tls-auth-clients yes`).
    /// The key is a secret: never printed.
    pub client: Option<(PemFile, PemFile)>,
    /// Accept any server certificate (`--tls-insecure`): encrypted, but not authenticated.
    pub insecure: bool,
}

/// `--min-replicas-ack N`: each acknowledged write batch is followed by `WAIT N timeout`, and a
/// write fewer than N replicas confirmed in time fails.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReplicaAck {
    pub replicas: u32,
    pub timeout: Duration,
}

/// Default `--min-replicas-timeout`.
pub const DEFAULT_REPLICA_ACK_TIMEOUT: Duration = Duration::from_secs(1);

/// Where Redis is and how to talk to it.
#[derive(Clone, Debug)]
pub struct RedisTarget {
    pub topology: Topology,
    /// `None`: plain TCP.
    pub tls: Option<TlsSettings>,
    pub username: Option<String>,
    pub password: Option<Secret>,
    pub db: i64,
    pub connect_timeout: Duration,
    pub command_timeout: Duration,
    /// `None`: writes are acknowledged once the master has them.
    pub replica_ack: Option<ReplicaAck>,
}

impl RedisTarget {
    /// One plain server, no credentials, db 0, timeouts 3 s to connect and 5 s per command.
    pub fn standalone(host: impl Into<String>, port: u16) -> RedisTarget {
        RedisTarget {
            topology: Topology::Standalone(Endpoint::new(host, port)),
            tls: None,
            username: None,
            password: None,
            db: 0,
            connect_timeout: Duration::from_secs(3),
            command_timeout: Duration::from_secs(5),
            replica_ack: None,
        }
    }

    /// A master named `master` behind these sentinels; otherwise like [`RedisTarget::standalone`].
    pub fn sentinel(sentinels: Vec<Endpoint>, master: impl Into<String>) -> RedisTarget {
        RedisTarget {
            topology: Topology::Sentinel(SentinelSettings {
                sentinels,
                master: master.into(),
                username: None,
                password: None,
            }),
            ..RedisTarget::standalone("localhost", 6379)
        }
    }

    /// `host:port/db` (standalone) or `sentinel://h:p,h:p/master/db`; never a password.
    pub fn display(&self) -> String {
        match &self.topology {
            Topology::Standalone(e) => {
                let scheme = if self.tls.is_some() { "rediss://" } else { "" };
                format!("{scheme}{e}/{}", self.db)
            }
            Topology::Sentinel(s) => {
                let scheme = if self.tls.is_some() {
                    "sentinel+tls://"
                } else {
                    "sentinel://"
                };
                let list: Vec<String> = s.sentinels.iter().map(ToString::to_string).collect();
                format!("{scheme}{}/{}/{}", list.join(","), s.master, self.db)
            }
            Topology::Cluster(nodes) => {
                let scheme = if self.tls.is_some() {
                    "cluster+tls://"
                } else {
                    "cluster://"
                };
                let list: Vec<String> = nodes.iter().map(ToString::to_string).collect();
                format!("{scheme}{}", list.join(","))
            }
        }
    }

    /// Redis Cluster nodes given as seeds; otherwise like [`RedisTarget::standalone`].
    pub fn cluster(nodes: Vec<Endpoint>) -> RedisTarget {
        RedisTarget {
            topology: Topology::Cluster(nodes),
            ..RedisTarget::standalone("localhost", 6379)
        }
    }

    /// The one server of a standalone target (`None` behind Sentinel or in Cluster: ask the
    /// connection layer).
    pub fn standalone_endpoint(&self) -> Option<&Endpoint> {
        match &self.topology {
            Topology::Standalone(e) => Some(e),
            Topology::Sentinel(_) | Topology::Cluster(_) => None,
        }
    }

    /// The same credentials, TLS and timeouts, aimed at one node (a cluster master, for the
    /// commands that concern one node: `INFO`, `BGSAVE`, `CONFIG`).
    pub fn node(&self, endpoint: &Endpoint) -> RedisTarget {
        RedisTarget {
            topology: Topology::Standalone(endpoint.clone()),
            ..self.clone()
        }
    }
}

/// Reads a PEM file named by a TLS setting; a missing or unreadable file, or one without the
/// expected PEM block, is a configuration error.
fn read_pem(name: &'static str, path: &str, expect: &str) -> Result<PemFile, ConfigError> {
    let invalid = |message: String| ConfigError::Invalid {
        name,
        value: path.to_string(),
        message,
    };
    let bytes = std::fs::read(Path::new(path)).map_err(|e| invalid(e.to_string()))?;
    let text = String::from_utf8_lossy(&bytes);
    if !text.contains("-----BEGIN ") || !text.contains(expect) {
        return Err(invalid(format!("not a PEM file with a {expect} block")));
    }
    Ok(PemFile {
        path: PathBuf::from(path),
        pem: bytes,
    })
}

/// The TLS settings: on with `rediss://`, `--tls`/`REDIS_TLS`, or any TLS file or switch.
fn tls_settings(
    raw: &RawSettings,
    url_tls: bool,
    settings: &mut Vec<Setting>,
) -> Result<Option<TlsSettings>, ConfigError> {
    let file = |v: &(Option<String>, Source)| v.0.clone().filter(|s| !s.trim().is_empty());
    let ca = file(&raw.tls_ca_file)
        .map(|p| read_pem("REDIS_TLS_CA_FILE", &p, "CERTIFICATE"))
        .transpose()?;
    let cert = file(&raw.tls_cert_file);
    let key = file(&raw.tls_key_file);
    let client = match (cert, key) {
        (Some(c), Some(k)) => Some((
            read_pem("REDIS_TLS_CERT_FILE", &c, "CERTIFICATE")?,
            read_pem("REDIS_TLS_KEY_FILE", &k, "PRIVATE KEY")?,
        )),
        (None, None) => None,
        (Some(c), None) => {
            return Err(ConfigError::Invalid {
                name: "REDIS_TLS_CERT_FILE",
                value: c,
                message: "a client certificate needs its key: give --tls-key-file too".into(),
            })
        }
        (None, Some(k)) => {
            return Err(ConfigError::Invalid {
                name: "REDIS_TLS_KEY_FILE",
                value: k,
                message: "a client key needs its certificate: give --tls-cert-file too".into(),
            })
        }
    };
    let insecure = raw.tls_insecure.0;
    let on = url_tls || raw.tls.0 || ca.is_some() || client.is_some() || insecure;
    let source = if url_tls {
        Source::Url
    } else if raw.tls.0 {
        raw.tls.1
    } else if on {
        [&raw.tls_ca_file, &raw.tls_cert_file]
            .iter()
            .find(|v| v.0.is_some())
            .map_or(raw.tls_insecure.1, |v| v.1)
    } else {
        Source::Default
    };
    settings.push(Setting {
        name: "REDIS_TLS",
        value: serde_json::Value::Bool(on),
        source,
    });
    let path_value = |p: Option<&PemFile>| {
        p.map_or(serde_json::Value::Null, |f| {
            serde_json::Value::from(f.path.display().to_string())
        })
    };
    settings.push(Setting {
        name: "REDIS_TLS_CA_FILE",
        value: path_value(ca.as_ref()),
        source: raw.tls_ca_file.1,
    });
    settings.push(Setting {
        name: "REDIS_TLS_CERT_FILE",
        value: path_value(client.as_ref().map(|c| &c.0)),
        source: raw.tls_cert_file.1,
    });
    settings.push(Setting {
        name: "REDIS_TLS_KEY_FILE",
        value: path_value(client.as_ref().map(|c| &c.1)),
        source: raw.tls_key_file.1,
    });
    settings.push(Setting {
        name: "REDIS_TLS_INSECURE",
        value: serde_json::Value::Bool(insecure),
        source: raw.tls_insecure.1,
    });
    Ok(on.then_some(TlsSettings {
        ca,
        client,
        insecure,
    }))
}

/// `REDIS_DB`: the variable or flag, else the URL's path, else 0.
fn redis_db(
    raw: &RawSettings,
    url_db: Option<i64>,
    settings: &mut Vec<Setting>,
) -> Result<i64, ConfigError> {
    let (db, source) = match &raw.redis_db.0 {
        Some(d) if !d.trim().is_empty() => {
            let db = d
                .trim()
                .parse::<i64>()
                .ok()
                .filter(|d| (0..=15_000).contains(d))
                .ok_or_else(|| ConfigError::Invalid {
                    name: "REDIS_DB",
                    value: d.clone(),
                    message: "expected a database number such as 0".into(),
                })?;
            // Two different databases named: neither silently wins.
            if let Some(in_url) = url_db.filter(|u| *u != db) {
                return Err(ConfigError::Invalid {
                    name: "REDIS_DB",
                    value: d.clone(),
                    message: format!(
                        "the address already names database {in_url} (`/{in_url}`): give the \
                         database once"
                    ),
                });
            }
            (db, raw.redis_db.1)
        }
        _ => url_db
            .map(|d| (d, Source::Url))
            .unwrap_or((0, Source::Default)),
    };
    settings.push(Setting {
        name: "REDIS_DB",
        value: serde_json::Value::from(db),
        source,
    });
    Ok(db)
}

/// `--min-replicas-ack` and its timeout (0 or unset: off).
fn replica_ack(
    raw: &RawSettings,
    settings: &mut Vec<Setting>,
) -> Result<Option<ReplicaAck>, ConfigError> {
    let replicas = match raw.min_replicas_ack.0.as_deref().map(str::trim) {
        None | Some("") => 0,
        Some(text) => text
            .parse::<u32>()
            .ok()
            .filter(|n| *n <= 100)
            .ok_or_else(|| ConfigError::Invalid {
                name: "REDIS_MIN_REPLICAS_ACK",
                value: text.to_string(),
                message: "expected a number of replicas, 0 to 100".into(),
            })?,
    };
    let timeout = match raw.min_replicas_timeout.0.as_deref().map(str::trim) {
        None | Some("") => DEFAULT_REPLICA_ACK_TIMEOUT,
        Some(text) => crate::model::units::parse_duration(text)
            .ok()
            .filter(|d| !d.is_zero())
            .ok_or_else(|| ConfigError::Invalid {
                name: "REDIS_MIN_REPLICAS_TIMEOUT",
                value: text.to_string(),
                message: "expected a duration above zero, such as 1s or 500ms".into(),
            })?,
    };
    settings.push(Setting {
        name: "REDIS_MIN_REPLICAS_ACK",
        value: serde_json::Value::from(replicas),
        source: raw.min_replicas_ack.1,
    });
    settings.push(Setting {
        name: "min_replicas_timeout_ms",
        value: serde_json::Value::from(timeout.as_millis() as u64),
        source: raw.min_replicas_timeout.1,
    });
    Ok((replicas > 0).then_some(ReplicaAck { replicas, timeout }))
}

/// The Sentinel topology from `REDIS_SENTINEL_ADDRS` and the settings that go with it.
fn sentinel_topology(
    raw: &RawSettings,
    addrs: &str,
    settings: &mut Vec<Setting>,
) -> Result<Topology, ConfigError> {
    let list = parse_sentinel_addrs(addrs).map_err(|message| ConfigError::Invalid {
        name: "REDIS_SENTINEL_ADDRS",
        value: redact_url(addrs),
        message,
    })?;
    let (master, master_source) = match raw.sentinel_master.0.as_deref().map(str::trim) {
        Some(m) if !m.is_empty() => (m.to_string(), raw.sentinel_master.1),
        _ => (DEFAULT_SENTINEL_MASTER.to_string(), Source::Default),
    };
    if master.contains(char::is_whitespace) {
        return Err(ConfigError::Invalid {
            name: "REDIS_SENTINEL_MASTER",
            value: master,
            message: "a master name has no spaces".into(),
        });
    }
    let sentinels: Vec<Endpoint> = list.into_iter().map(|(h, p)| Endpoint::new(h, p)).collect();
    let shown: Vec<String> = sentinels.iter().map(ToString::to_string).collect();
    settings.push(Setting::text(
        "REDIS_SENTINEL_ADDRS",
        shown.join(","),
        raw.sentinel_addrs.1,
    ));
    settings.push(Setting::text(
        "REDIS_SENTINEL_MASTER",
        master.clone(),
        master_source,
    ));
    let username = raw.sentinel_username.0.clone().filter(|u| !u.is_empty());
    let password = raw
        .sentinel_password
        .0
        .clone()
        .filter(|p| !p.is_empty())
        .map(Secret);
    settings.push(Setting {
        name: "REDIS_SENTINEL_USERNAME",
        value: username
            .clone()
            .map_or(serde_json::Value::Null, serde_json::Value::from),
        source: raw.sentinel_username.1,
    });
    settings.push(Setting {
        name: "REDIS_SENTINEL_PASSWORD",
        value: password
            .as_ref()
            .map_or(serde_json::Value::Null, |_| "<redacted>".into()),
        source: raw.sentinel_password.1,
    });
    Ok(Topology::Sentinel(SentinelSettings {
        sentinels,
        master,
        username,
        password,
    }))
}

/// The settings that each choose a topology, by name, when given: more than one is an error.
pub(super) fn topology_choices(raw: &RawSettings) -> Vec<(&'static str, Source)> {
    let mut given = Vec::new();
    if raw.in_memory {
        given.push(("--in-memory", Source::Flag));
    }
    if raw.redis_addr.0.is_some() {
        given.push(("REDIS_ADDR", raw.redis_addr.1));
    }
    if raw.sentinel_addrs.0.is_some() {
        given.push(("REDIS_SENTINEL_ADDRS", raw.sentinel_addrs.1));
    }
    if raw.cluster_addrs.0.is_some() {
        given.push(("REDIS_CLUSTER_ADDRS", raw.cluster_addrs.1));
    }
    given
}

/// The Cluster topology from `REDIS_CLUSTER_ADDRS`.
fn cluster_topology(
    raw: &RawSettings,
    addrs: &str,
    settings: &mut Vec<Setting>,
) -> Result<Topology, ConfigError> {
    let list = parse_cluster_addrs(addrs).map_err(|message| ConfigError::Invalid {
        name: "REDIS_CLUSTER_ADDRS",
        value: redact_url(addrs),
        message,
    })?;
    let nodes: Vec<Endpoint> = list.into_iter().map(|(h, p)| Endpoint::new(h, p)).collect();
    let shown: Vec<String> = nodes.iter().map(ToString::to_string).collect();
    settings.push(Setting::text(
        "REDIS_CLUSTER_ADDRS",
        shown.join(","),
        raw.cluster_addrs.1,
    ));
    Ok(Topology::Cluster(nodes))
}

/// The Redis server(s) and credentials, from the address and the separate settings (which win).
pub(super) fn redis_target(
    raw: &RawSettings,
    environment: Environment,
    settings: &mut Vec<Setting>,
) -> Result<RedisTarget, ConfigError> {
    let mut url = ParsedAddr {
        host: String::new(),
        port: 0,
        tls: false,
        username: None,
        password: None,
        db: None,
    };
    let topology = if let Some(addrs) = &raw.sentinel_addrs.0 {
        settings.push(Setting::text("topology", "sentinel", raw.sentinel_addrs.1));
        settings.push(Setting {
            name: "REDIS_ADDR",
            value: serde_json::Value::Null,
            source: Source::Default,
        });
        sentinel_topology(raw, addrs, settings)?
    } else if let Some(addrs) = &raw.cluster_addrs.0 {
        settings.push(Setting::text("topology", "cluster", raw.cluster_addrs.1));
        settings.push(Setting {
            name: "REDIS_ADDR",
            value: serde_json::Value::Null,
            source: Source::Default,
        });
        cluster_topology(raw, addrs, settings)?
    } else {
        let (addr_text, addr_source) = match &raw.redis_addr.0 {
            Some(a) => (a.clone(), raw.redis_addr.1),
            None if environment == Environment::Production => {
                return Err(ConfigError::ProductionNeedsRedis)
            }
            None => (DEFAULT_REDIS_ADDR.to_string(), Source::Default),
        };
        url = parse_redis_addr(&addr_text).map_err(|message| ConfigError::Invalid {
            name: "REDIS_ADDR",
            value: redact_url(&addr_text),
            message,
        })?;
        let endpoint = Endpoint::new(url.host.clone(), url.port);
        settings.push(Setting::text("topology", "standalone", addr_source));
        let scheme = if url.tls { "rediss://" } else { "" };
        settings.push(Setting::text(
            "REDIS_ADDR",
            format!("{scheme}{endpoint}"),
            addr_source,
        ));
        Topology::Standalone(endpoint)
    };
    let db = redis_db(raw, url.db, settings)?;
    if topology.is_cluster() && db != 0 {
        return Err(ConfigError::Invalid {
            name: "REDIS_DB",
            value: db.to_string(),
            message: "Redis Cluster has only database 0".into(),
        });
    }
    let (password, pass_source) = match &raw.password.0 {
        Some(p) if !p.is_empty() => (Some(Secret(p.clone())), raw.password.1),
        _ => match url.password.take() {
            Some(p) => (Some(Secret(p)), Source::Url),
            None => (None, Source::Default),
        },
    };
    let (username, user_source) = match &raw.username.0 {
        Some(u) if !u.is_empty() => (Some(u.clone()), raw.username.1),
        _ => match url.username.take() {
            Some(u) => (Some(u), Source::Url),
            None => (None, Source::Default),
        },
    };
    let optional = |v: Option<String>| v.map_or(serde_json::Value::Null, serde_json::Value::from);
    settings.push(Setting {
        name: "REDIS_PASSWORD",
        value: optional(password.as_ref().map(|_| "<redacted>".to_string())),
        source: pass_source,
    });
    settings.push(Setting {
        name: "REDIS_USERNAME",
        value: optional(username.clone()),
        source: user_source,
    });
    let tls = tls_settings(raw, url.tls, settings)?;
    let replica_ack = replica_ack(raw, settings)?;
    Ok(RedisTarget {
        topology,
        tls,
        username,
        password,
        db,
        connect_timeout: raw.connect_timeout.0,
        command_timeout: raw.command_timeout.0,
        replica_ack,
    })
}

/// Another Redis server, given by its address alone (`tartarus migrate --from`): the same syntax
/// as `REDIS_ADDR`, credentials from the URL or `password` (which wins), TLS from `rediss://`
/// (with `like`'s CA and client certificate), and `like`'s timeouts. Always standalone.
pub fn other_target(
    name: &'static str,
    addr: &str,
    password: Option<Secret>,
    like: &RedisTarget,
) -> Result<RedisTarget, ConfigError> {
    let parsed = parse_redis_addr(addr).map_err(|message| ConfigError::Invalid {
        name,
        value: redact_url(addr),
        message,
    })?;
    let tls = parsed.tls.then(|| like.tls.clone().unwrap_or_default());
    Ok(RedisTarget {
        topology: Topology::Standalone(Endpoint::new(parsed.host, parsed.port)),
        tls,
        username: parsed.username,
        password: password.or(parsed.password.map(Secret)),
        db: parsed.db.unwrap_or(0),
        connect_timeout: like.connect_timeout,
        command_timeout: like.command_timeout,
        replica_ack: None,
    })
}
