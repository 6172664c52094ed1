//! The checked configuration: flags and environment variables resolved (flags win), validated before anything touches Redis.

use std::fmt;
use std::time::Duration;

use serde::Serialize;

mod address;
mod target;

pub use address::{
    parse_host_port, parse_redis_addr, parse_sentinel_addrs, redact_url, ParsedAddr,
};
pub use target::{
    other_target, Endpoint, PemFile, RedisTarget, ReplicaAck, SentinelSettings, TlsSettings,
    Topology, DEFAULT_REPLICA_ACK_TIMEOUT, DEFAULT_SENTINEL_MASTER,
};

use crate::store::keys::{check_queue_key, Cell, Keys, Namespace};

/// A secret value: never printed, logged or put in process arguments.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(pub String);

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

/// Printing a secret shows `<redacted>`, so a `{}` in a message can never leak it.
impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

impl Secret {
    pub fn expose(&self) -> &str {
        &self.0
    }
}

/// `TARTARUS_ENV`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Environment {
    Development,
    Production,
}

impl Environment {
    pub fn as_str(self) -> &'static str {
        match self {
            Environment::Development => "development",
            Environment::Production => "production",
        }
    }
}

/// Every environment variable tartarus reads, with its meaning: the one list the man pages'
/// ENVIRONMENT section and the README's table come from (a test checks that every variable the
/// code reads is here).
pub const ENVIRONMENT: &[(&str, &str)] = &[
    ("TARTARUS_ENV", "development (default) or production; production requires REDIS_ADDR and a reachable Redis, with no in-memory fallback (--environment)"),
    ("REDIS_ADDR", "host:port, redis://[user:pass@]host:port/db or rediss://...; percent-encoded user and password are decoded; \"\" selects the in-memory store in development; default localhost:6379 (--redis-addr)"),
    ("REDIS_DB", "database number, default 0 (--redis-db)"),
    ("TARTARUS_CELL", "the cell (one deployment's whole keyspace under one Redis Cluster hash tag, tartarus:{CELL}:*), default `default` when unset; 1-64 of A-Z a-z 0-9 . _ - (an empty value is refused) (--cell)"),
    ("REDIS_QUEUE_KEY", "key of the Acheron queue, default tartarus:{CELL}:queue; its leases, pending, dead and paused keys hang off it; a key with a hash tag must carry the cell's, and in Redis Cluster it must have one (--queue-key)"),
    ("REDIS_PASSWORD", "the Redis password (--redis-password-file FILE reads it from a file instead, so it never shows in process listings)"),
    ("REDIS_PASS", "alias of REDIS_PASSWORD"),
    ("REDIS_USERNAME", "ACL user name (--redis-username)"),
    ("REDIS_TLS", "1, true or yes: use TLS (--tls; implied by rediss:// and by any REDIS_TLS_* setting)"),
    ("REDIS_TLS_CA_FILE", "PEM file of the CA that signed the servers' certificates; default: the public web roots (--tls-ca-file)"),
    ("REDIS_TLS_CERT_FILE", "PEM client certificate for servers that require one (tls-auth-clients yes); needs REDIS_TLS_KEY_FILE (--tls-cert-file)"),
    ("REDIS_TLS_KEY_FILE", "PEM private key of REDIS_TLS_CERT_FILE (--tls-key-file)"),
    ("REDIS_TLS_INSECURE", "1, true or yes: accept any server certificate (encrypted but NOT authenticated; logs a warning) (--tls-insecure)"),
    ("REDIS_SENTINEL_ADDRS", "host:port,host:port,... of the Sentinels (port 26379 when left out): find the master through Sentinel and follow its failovers; excludes REDIS_ADDR (--redis-sentinel)"),
    ("REDIS_CLUSTER_ADDRS", "host:port,host:port,... of some Redis Cluster nodes (port 6379 when left out), the seeds the slot map is learnt from; REDIS_PASSWORD, REDIS_USERNAME and the TLS settings apply to every node; excludes REDIS_ADDR and REDIS_SENTINEL_ADDRS (--redis-cluster)"),
    ("REDIS_SENTINEL_MASTER", "the master name the Sentinels monitor, default mymaster (--redis-sentinel-master)"),
    ("REDIS_SENTINEL_USERNAME", "ACL user name on the Sentinels, when they have their own (--redis-sentinel-username)"),
    ("REDIS_SENTINEL_PASSWORD", "the Sentinels' own password (sentinel requirepass), not the data nodes' (--redis-sentinel-password-file FILE reads it from a file instead)"),
    ("REDIS_MIN_REPLICAS_ACK", "N > 0: send WAIT N after each acknowledged write (submit, policy change, outcome); a write fewer than N replicas confirm in time fails with exit 5 (--min-replicas-ack)"),
    ("REDIS_MIN_REPLICAS_TIMEOUT", "how long WAIT may take, default 1s (--min-replicas-timeout)"),
    ("HADES_LABEL", "an agent's node labels, k=v,k=v, when agent run or node register has no --labels"),
    ("TARTARUS_LOG", "log filter in tracing's EnvFilter syntax (overrides -v and -q); logs go to stderr"),
    ("TARTARUS_BACKUP_DIR", "the backup directory of the backup commands (--dir)"),
    ("TARTARUS_BACKUP_COPY_TO", "where backup create copies each backup off the machine, and what metrics reports as the remote: a folder or s3://bucket/prefix (--copy-to, --remote)"),
    ("TARTARUS_TEXTFILE", "the node_exporter textfile that metrics, backup create|copy|verify and verify persistence write (--textfile)"),
    ("AWS_ACCESS_KEY_ID", "object storage (s3://) credentials, with AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN; else web identity, container or instance roles, or the shared files"),
    ("AWS_SECRET_ACCESS_KEY", "see AWS_ACCESS_KEY_ID"),
    ("AWS_SESSION_TOKEN", "see AWS_ACCESS_KEY_ID"),
    ("AWS_REGION", "the object storage region (AWS_DEFAULT_REGION too; else the region of the profile in ~/.aws/config)"),
    ("AWS_DEFAULT_REGION", "see AWS_REGION"),
    ("AWS_ENDPOINT_URL", "an S3-compatible server instead of AWS S3 (http:// allowed)"),
    ("AWS_PROFILE", "the profile of ~/.aws/credentials and ~/.aws/config (default: default); AWS_SHARED_CREDENTIALS_FILE and AWS_CONFIG_FILE move those files"),
    ("NO_COLOR", "set to turn colours off in logs"),
    ("TARTARUS_WHO", "the name recorded as WHO in the policy history when a change has no --who"),
    ("USER", "recorded as WHO in the policy history when neither --who nor TARTARUS_WHO is given (LOGNAME when USER is unset, else the account of the effective uid)"),
];

/// Which store backs this process.
#[derive(Clone, Debug)]
pub enum Backend {
    Memory,
    Redis(Box<RedisTarget>),
}

/// Where a setting's value came from (shown by `config show`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    Flag,
    Env,
    Url,
    /// A cell setting stored in Redis (`--retain-finished` of `scheduler run` / `up` writes it).
    Store,
    #[default]
    Default,
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Source::Flag => "flag",
            Source::Env => "env",
            Source::Url => "url",
            Source::Store => "store",
            Source::Default => "default",
        })
    }
}

/// One resolved setting, for `config show`. `value` is `null` when the setting is not set, an
/// integer for durations (named `*_ms`) and numbers, a boolean for switches.
#[derive(Clone, Debug, Serialize)]
pub struct Setting {
    pub name: &'static str,
    pub value: serde_json::Value,
    pub source: Source,
}

impl Setting {
    fn text(name: &'static str, value: impl Into<String>, source: Source) -> Setting {
        Setting {
            name,
            value: serde_json::Value::String(value.into()),
            source,
        }
    }
}

/// A configuration problem, found before anything connects.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("REDIS_ADDR is not set: production (TARTARUS_ENV=production) needs REDIS_ADDR (or --redis-addr, REDIS_SENTINEL_ADDRS or REDIS_CLUSTER_ADDRS) pointing at Redis; there is no in-memory fallback in production")]
    ProductionNeedsRedis,
    #[error("{0}: these choose where Redis is and exclude each other; give only one")]
    ConflictingTopology(String),
    #[error("production (TARTARUS_ENV=production) does not allow the in-memory backend: state would be lost on exit")]
    ProductionForbidsMemory,
    #[error("invalid {name} `{value}`: {message}")]
    Invalid {
        name: &'static str,
        value: String,
        message: String,
    },
    #[error("reading the Redis password file {}: {source}", path.display())]
    PasswordFile {
        path: std::path::PathBuf,
        source: std::io::Error,
    },
}

/// Reads `--redis-password-file`: the whole file, without its trailing newline. A missing or
/// unreadable file is a configuration error.
pub fn read_password_file(path: &std::path::Path) -> Result<String, ConfigError> {
    let bytes = std::fs::read(path).map_err(|source| ConfigError::PasswordFile {
        path: path.to_path_buf(),
        source,
    })?;
    let text = String::from_utf8(bytes).map_err(|_| ConfigError::PasswordFile {
        path: path.to_path_buf(),
        source: std::io::Error::new(std::io::ErrorKind::InvalidData, "the file is not UTF-8"),
    })?;
    Ok(text.trim_end_matches(['\n', '\r']).to_string())
}

impl ConfigError {
    /// The process exit code this error leads to.
    pub fn code(&self) -> u8 {
        crate::exit::CONFIG
    }
}

/// Raw inputs, flags and variables, before checking.
#[derive(Clone, Debug, Default)]
pub struct RawSettings {
    pub env: (Option<String>, Source),
    pub redis_addr: (Option<String>, Source),
    pub redis_db: (Option<String>, Source),
    pub cell: (Option<String>, Source),
    pub queue_key: (Option<String>, Source),
    pub password: (Option<String>, Source),
    pub username: (Option<String>, Source),
    /// `--tls` / `REDIS_TLS`.
    pub tls: (bool, Source),
    pub tls_ca_file: (Option<String>, Source),
    pub tls_cert_file: (Option<String>, Source),
    pub tls_key_file: (Option<String>, Source),
    pub tls_insecure: (bool, Source),
    pub sentinel_addrs: (Option<String>, Source),
    pub sentinel_master: (Option<String>, Source),
    pub sentinel_username: (Option<String>, Source),
    pub sentinel_password: (Option<String>, Source),
    pub cluster_addrs: (Option<String>, Source),
    pub min_replicas_ack: (Option<String>, Source),
    pub min_replicas_timeout: (Option<String>, Source),
    pub in_memory: bool,
    /// With where it came from (a flag, or the default).
    pub connect_timeout: (Duration, Source),
    pub command_timeout: (Duration, Source),
}

/// The checked configuration every command receives.
#[derive(Clone, Debug)]
pub struct Config {
    pub environment: Environment,
    pub backend: Backend,
    /// The cell every key of this process lives in.
    pub cell: Cell,
    /// The Acheron queue key (the cell's own unless `REDIS_QUEUE_KEY` says otherwise).
    pub queue_key: String,
    pub settings: Vec<Setting>,
}

pub const DEFAULT_REDIS_ADDR: &str = "localhost:6379";
/// `--redis-connect-timeout` when not given.
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(3);
/// `--redis-timeout` when not given.
pub const DEFAULT_COMMAND_TIMEOUT: Duration = Duration::from_secs(5);

/// Picks a flag over a variable: `(flag, env var names…)`.
pub fn pick(flag: Option<String>, vars: &[&str]) -> (Option<String>, Source) {
    if flag.is_some() {
        return (flag, Source::Flag);
    }
    for v in vars {
        if let Some(val) = std::env::var_os(v) {
            return (Some(val.to_string_lossy().into_owned()), Source::Env);
        }
    }
    (None, Source::Default)
}

impl Config {
    /// Resolves and checks raw settings. Nothing here connects anywhere.
    pub fn from_raw(raw: RawSettings) -> Result<Config, ConfigError> {
        let mut settings = Vec::new();
        let environment = parse_environment(raw.env.0.as_deref())?;
        settings.push(Setting::text(
            "TARTARUS_ENV",
            environment.as_str(),
            raw.env.1,
        ));
        let cell = match raw.cell.0.as_deref().map(str::trim) {
            None => Cell::default(),
            // An empty value is refused, never read as `default`: `--cell "$CELL"` with CELL
            // unset must not act on (or purge) the default cell.
            Some("") => {
                return Err(ConfigError::Invalid {
                    name: "TARTARUS_CELL",
                    value: String::new(),
                    message: format!(
                        "the cell must not be empty (given by {}); leave out --cell and unset \
                         TARTARUS_CELL for the `default` cell",
                        raw.cell.1
                    ),
                })
            }
            Some(name) => Cell::new(name).map_err(|message| ConfigError::Invalid {
                name: "TARTARUS_CELL",
                value: name.to_string(),
                message,
            })?,
        };
        settings.push(Setting::text("TARTARUS_CELL", cell.as_str(), raw.cell.1));
        let queue_key = raw
            .queue_key
            .0
            .clone()
            .filter(|k| !k.trim().is_empty())
            .unwrap_or_else(|| Keys::for_cell(&cell).queue());
        if queue_key.contains(char::is_whitespace) {
            return Err(ConfigError::Invalid {
                name: "REDIS_QUEUE_KEY",
                value: queue_key,
                message: "must not contain spaces".into(),
            });
        }
        for (name, (timeout, _)) in [
            ("--redis-connect-timeout", raw.connect_timeout),
            ("--redis-timeout", raw.command_timeout),
        ] {
            if timeout.is_zero() {
                return Err(ConfigError::Invalid {
                    name,
                    value: "0s".into(),
                    message: "must be more than zero".into(),
                });
            }
        }
        let chosen = target::topology_choices(&raw);
        if chosen.len() > 1 {
            let names: Vec<String> = chosen
                .iter()
                .map(|(name, source)| format!("{name} ({source})"))
                .collect();
            return Err(ConfigError::ConflictingTopology(names.join(" and ")));
        }
        check_queue_key(&queue_key, &cell, raw.cluster_addrs.0.is_some()).map_err(|message| {
            ConfigError::Invalid {
                name: "REDIS_QUEUE_KEY",
                value: queue_key.clone(),
                message,
            }
        })?;
        settings.push(Setting::text(
            "REDIS_QUEUE_KEY",
            queue_key.clone(),
            raw.queue_key.1,
        ));
        let memory_requested = raw.in_memory
            || raw
                .redis_addr
                .0
                .as_deref()
                .is_some_and(|a| a.trim().is_empty());
        let backend = if memory_requested {
            if environment == Environment::Production {
                return Err(ConfigError::ProductionForbidsMemory);
            }
            let source = if raw.in_memory {
                Source::Flag
            } else {
                raw.redis_addr.1
            };
            settings.push(Setting::text("topology", "in-memory", source));
            settings.push(Setting::text("REDIS_ADDR", "", source));
            Backend::Memory
        } else {
            Backend::Redis(Box::new(target::redis_target(
                &raw,
                environment,
                &mut settings,
            )?))
        };
        let millis = |d: Duration| serde_json::Value::from(d.as_millis() as u64);
        settings.push(Setting {
            name: "connect_timeout_ms",
            value: millis(raw.connect_timeout.0),
            source: raw.connect_timeout.1,
        });
        settings.push(Setting {
            name: "command_timeout_ms",
            value: millis(raw.command_timeout.0),
            source: raw.command_timeout.1,
        });
        Ok(Config {
            environment,
            backend,
            cell,
            queue_key,
            settings,
        })
    }
}

impl Config {
    /// The key layout of this process: its cell, with the configured queue key.
    pub fn keys(&self) -> Keys {
        Keys::with_namespace(Namespace::Cell(self.cell.clone()), &self.queue_key)
    }
}

/// `TARTARUS_ENV`: unset or empty means development.
fn parse_environment(text: Option<&str>) -> Result<Environment, ConfigError> {
    match text.map(str::trim) {
        None | Some("") | Some("development") | Some("dev") => Ok(Environment::Development),
        Some("production") | Some("prod") => Ok(Environment::Production),
        Some(other) => Err(ConfigError::Invalid {
            name: "TARTARUS_ENV",
            value: other.to_string(),
            message: "expected `development` or `production`".into(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw() -> RawSettings {
        RawSettings {
            connect_timeout: (Duration::from_secs(2), Source::Flag),
            command_timeout: (DEFAULT_COMMAND_TIMEOUT, Source::Default),
            ..Default::default()
        }
    }

    #[test]
    fn addresses() {
        let a = parse_redis_addr("redis.internal:6380").unwrap();
        assert_eq!(
            (a.host.as_str(), a.port, a.tls),
            ("redis.internal", 6380, false)
        );
        let a = parse_redis_addr("rediss://app:s3cret@cache:6390/2").unwrap();
        assert_eq!(
            (a.host.as_str(), a.port, a.tls, a.db),
            ("cache", 6390, true, Some(2))
        );
        assert_eq!(a.username.as_deref(), Some("app"));
        assert_eq!(a.password.as_deref(), Some("s3cret"));
        let a = parse_redis_addr("[::1]:7000").unwrap();
        assert_eq!((a.host.as_str(), a.port), ("::1", 7000));
        assert_eq!(parse_redis_addr("localhost").unwrap().port, 6379);
        assert!(parse_redis_addr("host:99999").is_err());
        assert!(parse_redis_addr("http://x").is_err());
    }

    #[test]
    fn an_empty_cell_is_refused_not_read_as_default() {
        for source in [Source::Flag, Source::Env] {
            let mut r = raw();
            r.cell = (Some(String::new()), source);
            let err = Config::from_raw(r).unwrap_err();
            assert_eq!(err.code(), crate::exit::CONFIG);
            assert!(err.to_string().contains("must not be empty"), "{err}");
        }
        let mut r = raw();
        r.cell = (None, Source::Default);
        assert_eq!(Config::from_raw(r).unwrap().cell.as_str(), "default");
    }

    #[test]
    fn a_database_named_twice_differently_is_refused() {
        let with = |addr: &str, db: Option<&str>| {
            let mut r = raw();
            r.redis_addr = (Some(addr.into()), Source::Env);
            r.redis_db = (db.map(String::from), Source::Env);
            Config::from_raw(r)
        };
        let err = with("redis://cache:6379/3", Some("5")).unwrap_err();
        assert_eq!(err.code(), crate::exit::CONFIG);
        assert!(err.to_string().contains("database 3"), "{err}");
        // Named once, or twice alike: fine.
        for (addr, db, want) in [
            ("redis://cache:6379/3", Some("3"), 3),
            ("redis://cache:6379/3", None, 3),
            ("cache:6379", Some("5"), 5),
        ] {
            let config = with(addr, db).unwrap();
            let shown = config
                .settings
                .iter()
                .find(|s| s.name == "REDIS_DB")
                .unwrap();
            assert_eq!(shown.value, serde_json::json!(want), "{addr} {db:?}");
        }
    }

    #[test]
    fn zero_timeouts_are_refused() {
        let mut r = raw();
        r.command_timeout = (Duration::ZERO, Source::Flag);
        let err = Config::from_raw(r).unwrap_err();
        assert_eq!(err.code(), crate::exit::CONFIG);
        assert!(err.to_string().contains("--redis-timeout"), "{err}");
    }

    #[test]
    fn every_setting_is_listed_once() {
        let config = Config::from_raw(raw()).unwrap();
        let mut seen = std::collections::BTreeSet::new();
        for s in &config.settings {
            assert!(seen.insert(s.name), "{} is listed twice", s.name);
        }
        assert!(seen.contains("REDIS_QUEUE_KEY"));
    }

    #[test]
    fn production_requires_redis_addr() {
        let mut r = raw();
        r.env = (Some("production".into()), Source::Env);
        let err = Config::from_raw(r).unwrap_err().to_string();
        assert!(err.contains("REDIS_ADDR"), "{err}");
    }

    #[test]
    fn empty_addr_means_memory_in_development_only() {
        let mut r = raw();
        r.redis_addr = (Some(String::new()), Source::Env);
        assert!(matches!(
            Config::from_raw(r.clone()).unwrap().backend,
            Backend::Memory
        ));
        r.env = (Some("production".into()), Source::Env);
        assert!(matches!(
            Config::from_raw(r),
            Err(ConfigError::ProductionForbidsMemory)
        ));
    }

    #[test]
    fn default_is_localhost_and_password_is_redacted() {
        let mut r = raw();
        r.password = (Some("hunter2".into()), Source::Env);
        let cfg = Config::from_raw(r).unwrap();
        match &cfg.backend {
            Backend::Redis(t) => assert_eq!(
                t.standalone_endpoint(),
                Some(&Endpoint::new("localhost", 6379))
            ),
            Backend::Memory => panic!("expected redis"),
        }
        let shown = format!("{:?}", cfg);
        assert!(!shown.contains("hunter2"), "{shown}");
        assert!(cfg
            .settings
            .iter()
            .all(|s| !s.value.to_string().contains("hunter2")));
    }

    #[test]
    fn url_credentials_are_percent_decoded() {
        let a = parse_redis_addr("redis://app%2Fops:p%40ss%3Aw%25rd@cache:6390/1").unwrap();
        assert_eq!(a.username.as_deref(), Some("app/ops"));
        assert_eq!(a.password.as_deref(), Some("p@ss:w%rd"));
        let a = parse_redis_addr("rediss://:s%20ecret@cache").unwrap();
        assert_eq!((a.username, a.password.as_deref()), (None, Some("s ecret")));
        assert!(parse_redis_addr("redis://u:%ff%fe@h").is_err(), "not UTF-8");
    }

    #[test]
    fn unset_settings_are_null_not_placeholders() {
        let cfg = Config::from_raw(raw()).unwrap();
        let value = |name: &str| {
            cfg.settings
                .iter()
                .find(|s| s.name == name)
                .map(|s| s.value.clone())
        };
        assert_eq!(value("REDIS_PASSWORD"), Some(serde_json::Value::Null));
        assert_eq!(value("REDIS_USERNAME"), Some(serde_json::Value::Null));
        assert_eq!(value("REDIS_DB"), Some(serde_json::json!(0)));
        assert_eq!(value("connect_timeout_ms"), Some(serde_json::json!(2000)));
        let source = |name: &str| {
            cfg.settings
                .iter()
                .find(|s| s.name == name)
                .map(|s| s.source)
        };
        assert_eq!(source("connect_timeout_ms"), Some(Source::Flag));
        assert_eq!(source("command_timeout_ms"), Some(Source::Default));
    }

    #[test]
    fn a_missing_password_file_is_a_config_error() {
        let err =
            read_password_file(std::path::Path::new("/nonexistent/tartarus-pass")).unwrap_err();
        assert_eq!(err.code(), crate::exit::CONFIG);
        assert!(
            err.to_string().contains("/nonexistent/tartarus-pass"),
            "{err}"
        );
    }

    fn value_of(cfg: &Config, name: &str) -> serde_json::Value {
        cfg.settings
            .iter()
            .find(|s| s.name == name)
            .map(|s| s.value.clone())
            .unwrap_or_else(|| panic!("{name} missing"))
    }

    #[test]
    fn topologies_exclude_each_other() {
        let mut r = raw();
        r.redis_addr = (Some("cache:6379".into()), Source::Env);
        r.sentinel_addrs = (Some("s1:26379,s2".into()), Source::Flag);
        let err = Config::from_raw(r.clone()).unwrap_err();
        assert_eq!(err.code(), crate::exit::CONFIG);
        let text = err.to_string();
        assert!(
            text.contains("REDIS_ADDR (env)") && text.contains("REDIS_SENTINEL_ADDRS (flag)"),
            "{text}"
        );
        r.redis_addr = (None, Source::Default);
        r.in_memory = true;
        assert!(matches!(
            Config::from_raw(r),
            Err(ConfigError::ConflictingTopology(_))
        ));
    }

    #[test]
    fn sentinel_settings_are_parsed_and_shown() {
        let mut r = raw();
        r.env = (Some("production".into()), Source::Env);
        r.sentinel_addrs = (Some("10.0.0.1:26380, s2 ,[::1]:5000".into()), Source::Env);
        r.sentinel_password = (Some("sentinel-secret".into()), Source::Env);
        let cfg = Config::from_raw(r.clone()).unwrap();
        let Backend::Redis(t) = &cfg.backend else {
            panic!("expected redis")
        };
        let Topology::Sentinel(s) = &t.topology else {
            panic!("expected sentinel")
        };
        assert_eq!(s.master, "mymaster");
        assert_eq!(
            s.sentinels,
            vec![
                Endpoint::new("10.0.0.1", 26380),
                Endpoint::new("s2", 26379),
                Endpoint::new("::1", 5000)
            ]
        );
        assert_eq!(value_of(&cfg, "topology"), "sentinel");
        assert_eq!(value_of(&cfg, "REDIS_SENTINEL_PASSWORD"), "<redacted>");
        assert!(!format!("{cfg:?}").contains("sentinel-secret"));
        assert!(t
            .display()
            .starts_with("sentinel://10.0.0.1:26380,s2:26379,[::1]:5000/mymaster/0"));
        r.sentinel_addrs = (Some("redis://u:p@s1".into()), Source::Env);
        let err = Config::from_raw(r.clone()).unwrap_err().to_string();
        assert!(
            err.contains("REDIS_SENTINEL_ADDRS") && !err.contains(":p@"),
            "{err}"
        );
        r.sentinel_addrs = (Some("s1".into()), Source::Env);
        r.sentinel_master = (Some("my master".into()), Source::Env);
        assert!(Config::from_raw(r).is_err());
    }

    #[test]
    fn cluster_settings_are_parsed_shown_and_exclusive() {
        let mut r = raw();
        r.env = (Some("production".into()), Source::Env);
        r.cluster_addrs = (Some("10.0.0.1:7000, n2 ,[::1]:7001".into()), Source::Flag);
        r.password = (Some("cluster-secret".into()), Source::Env);
        r.username = (Some("tartarus".into()), Source::Env);
        let cfg = Config::from_raw(r.clone()).unwrap();
        let Backend::Redis(t) = &cfg.backend else {
            panic!("expected redis")
        };
        let Topology::Cluster(nodes) = &t.topology else {
            panic!("expected cluster")
        };
        assert_eq!(
            nodes,
            &vec![
                Endpoint::new("10.0.0.1", 7000),
                Endpoint::new("n2", 6379),
                Endpoint::new("::1", 7001)
            ]
        );
        assert_eq!(t.username.as_deref(), Some("tartarus"));
        assert_eq!(value_of(&cfg, "topology"), "cluster");
        assert_eq!(value_of(&cfg, "REDIS_ADDR"), serde_json::Value::Null);
        assert_eq!(value_of(&cfg, "REDIS_PASSWORD"), "<redacted>");
        assert!(!format!("{cfg:?}").contains("cluster-secret"));
        assert_eq!(t.display(), "cluster://10.0.0.1:7000,n2:6379,[::1]:7001");
        // A node of the cluster, for the commands that concern one node: same credentials.
        let node = t.node(&Endpoint::new("10.0.0.1", 7000));
        assert_eq!(node.display(), "10.0.0.1:7000/0");
        assert_eq!(node.username.as_deref(), Some("tartarus"));
        // An untagged queue key cannot work in Cluster (its keys would be in other slots).
        let mut q = r.clone();
        q.queue_key = (Some("jobs".into()), Source::Env);
        assert!(Config::from_raw(q).is_err());
        let mut db = r.clone();
        db.redis_db = (Some("3".into()), Source::Env);
        assert!(Config::from_raw(db)
            .unwrap_err()
            .to_string()
            .contains("database 0"));
        for (name, other) in [("REDIS_ADDR", 0), ("REDIS_SENTINEL_ADDRS", 1)] {
            let mut both = r.clone();
            if other == 0 {
                both.redis_addr = (Some("cache:6379".into()), Source::Env);
            } else {
                both.sentinel_addrs = (Some("s1".into()), Source::Env);
            }
            let err = Config::from_raw(both).unwrap_err();
            assert_eq!(err.code(), crate::exit::CONFIG);
            let text = err.to_string();
            assert!(
                text.contains(&format!("{name} (env)"))
                    && text.contains("REDIS_CLUSTER_ADDRS (flag)"),
                "{text}"
            );
        }
        r.cluster_addrs = (Some("redis://u:p@n1:7000".into()), Source::Env);
        let err = Config::from_raw(r.clone()).unwrap_err().to_string();
        assert!(
            err.contains("REDIS_CLUSTER_ADDRS") && !err.contains(":p@"),
            "{err}"
        );
        r.cluster_addrs = (Some(" , ".into()), Source::Env);
        assert!(Config::from_raw(r).is_err());
    }

    #[test]
    fn tls_files_are_checked_before_connecting() {
        let mut r = raw();
        r.tls_cert_file = (Some("/etc/hostname".into()), Source::Flag);
        let err = Config::from_raw(r.clone()).unwrap_err().to_string();
        assert!(err.contains("--tls-key-file"), "{err}");
        r.tls_key_file = (Some("/nonexistent/key.pem".into()), Source::Flag);
        r.tls_cert_file = (None, Source::Default);
        assert!(Config::from_raw(r.clone()).is_err());
        r.tls_key_file = (None, Source::Default);
        r.tls_ca_file = (Some("/etc/hostname".into()), Source::Env);
        let err = Config::from_raw(r.clone()).unwrap_err().to_string();
        assert!(
            err.contains("REDIS_TLS_CA_FILE") && err.contains("PEM"),
            "{err}"
        );
        r.tls_ca_file = (None, Source::Default);
        r.tls_insecure = (true, Source::Env);
        let cfg = Config::from_raw(r).unwrap();
        let Backend::Redis(t) = &cfg.backend else {
            panic!("expected redis")
        };
        assert!(
            t.tls.as_ref().is_some_and(|t| t.insecure),
            "insecure implies TLS"
        );
        assert_eq!(value_of(&cfg, "REDIS_TLS"), true);
    }

    #[test]
    fn replica_acknowledgement_is_checked() {
        let mut r = raw();
        r.min_replicas_ack = (Some("1".into()), Source::Flag);
        r.min_replicas_timeout = (Some("250ms".into()), Source::Env);
        let cfg = Config::from_raw(r.clone()).unwrap();
        let Backend::Redis(t) = &cfg.backend else {
            panic!("expected redis")
        };
        assert_eq!(
            t.replica_ack,
            Some(ReplicaAck {
                replicas: 1,
                timeout: Duration::from_millis(250)
            })
        );
        assert_eq!(value_of(&cfg, "min_replicas_timeout_ms"), 250);
        r.min_replicas_ack = (Some("two".into()), Source::Flag);
        assert!(Config::from_raw(r.clone()).is_err());
        r.min_replicas_ack = (Some("0".into()), Source::Flag);
        let cfg = Config::from_raw(r).unwrap();
        let Backend::Redis(t) = &cfg.backend else {
            panic!("expected redis")
        };
        assert_eq!(t.replica_ack, None);
    }

    #[test]
    fn url_password_is_redacted_in_errors() {
        assert_eq!(redact_url("redis://u:pw@h:1/0"), "redis://<redacted>@h:1/0");
    }
}
