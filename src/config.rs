//! The checked configuration: flags and environment variables resolved (flags win), validated before anything touches Redis.

use std::fmt;
use std::time::Duration;

use serde::Serialize;

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

/// Where Redis is and how to talk to it.
#[derive(Clone, Debug)]
pub struct RedisTarget {
    pub host: String,
    pub port: u16,
    pub tls: bool,
    pub username: Option<String>,
    pub password: Option<Secret>,
    pub db: i64,
    pub connect_timeout: Duration,
    pub command_timeout: Duration,
}

impl RedisTarget {
    /// `host:port/db` — never includes the password.
    pub fn display(&self) -> String {
        let scheme = if self.tls { "rediss://" } else { "" };
        format!("{scheme}{}:{}/{}", self.host, self.port, self.db)
    }

    pub fn connection_info(&self) -> redis::RedisResult<redis::ConnectionInfo> {
        use redis::IntoConnectionInfo;
        let addr = if self.tls {
            redis::ConnectionAddr::TcpTls {
                host: self.host.clone(),
                port: self.port,
                insecure: false,
                tls_params: None,
            }
        } else {
            redis::ConnectionAddr::Tcp(self.host.clone(), self.port)
        };
        let mut settings = redis::RedisConnectionInfo::default().set_db(self.db);
        if let Some(user) = &self.username {
            settings = settings.set_username(user);
        }
        if let Some(pass) = &self.password {
            settings = settings.set_password(pass.expose());
        }
        Ok(addr.into_connection_info()?.set_redis_settings(settings))
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
    ("REDIS_QUEUE_KEY", "key of the Acheron queue, default tartarus:queue; its leases, pending, dead and paused keys hang off it (--queue-key)"),
    ("REDIS_PASSWORD", "the Redis password (--redis-password-file FILE reads it from a file instead, so it never shows in process listings)"),
    ("REDIS_PASS", "alias of REDIS_PASSWORD"),
    ("REDIS_USERNAME", "ACL user name (--redis-username)"),
    ("REDIS_TLS", "1, true or yes: use TLS (--tls; implied by rediss://)"),
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
    Redis(RedisTarget),
}

/// Where a setting's value came from (shown by `config show`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    Flag,
    Env,
    Url,
    #[default]
    Default,
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Source::Flag => "flag",
            Source::Env => "env",
            Source::Url => "url",
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
    #[error("REDIS_ADDR is not set: production (TARTARUS_ENV=production) needs REDIS_ADDR (or --redis-addr) pointing at Redis; there is no in-memory fallback in production")]
    ProductionNeedsRedis,
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
    pub queue_key: (Option<String>, Source),
    pub password: (Option<String>, Source),
    pub username: (Option<String>, Source),
    pub tls: bool,
    pub in_memory: bool,
    pub connect_timeout: Duration,
    pub command_timeout: Duration,
}

/// The checked configuration every command receives.
#[derive(Clone, Debug)]
pub struct Config {
    pub environment: Environment,
    pub backend: Backend,
    pub queue_key: String,
    pub settings: Vec<Setting>,
}

pub const DEFAULT_QUEUE_KEY: &str = "tartarus:queue";
pub const DEFAULT_REDIS_ADDR: &str = "localhost:6379";

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

/// A parsed `REDIS_ADDR`.
#[derive(Debug, PartialEq)]
pub struct ParsedAddr {
    pub host: String,
    pub port: u16,
    pub tls: bool,
    pub username: Option<String>,
    pub password: Option<String>,
    pub db: Option<i64>,
}

/// Parses `host:port`, `host`, `[::1]:6379`, `redis://[user:pass@]host[:port][/db]`, `rediss://…`.
pub fn parse_redis_addr(input: &str) -> Result<ParsedAddr, String> {
    let text = input.trim();
    let (rest, tls, is_url) = if let Some(r) = text.strip_prefix("rediss://") {
        (r, true, true)
    } else if let Some(r) = text.strip_prefix("redis://") {
        (r, false, true)
    } else if text.contains("://") {
        return Err("only redis:// and rediss:// URLs are understood".into());
    } else {
        (text, false, false)
    };
    let (authority, path) = match rest.split_once('/') {
        Some((a, p)) if is_url => (a, p),
        Some(_) => return Err("expected host:port (a path needs a redis:// URL)".into()),
        None => (rest, ""),
    };
    let (userinfo, hostport) = match authority.rsplit_once('@') {
        Some((u, h)) if is_url => (Some(u), h),
        Some(_) => return Err("credentials need a redis:// URL; prefer REDIS_PASSWORD".into()),
        None => (None, authority),
    };
    // User and password are percent-encoded in a URL (`p%40ss` for `p@ss`), as RFC 3986 says.
    let (username, password) = match userinfo {
        None => (None, None),
        Some(u) => match u.split_once(':') {
            Some((user, pass)) => (
                Some(percent_decode(user, "user name")?).filter(|s| !s.is_empty()),
                Some(percent_decode(pass, "password")?).filter(|s| !s.is_empty()),
            ),
            None => (
                Some(percent_decode(u, "user name")?).filter(|s| !s.is_empty()),
                None,
            ),
        },
    };
    let (host, port) = if let Some(v6) = hostport.strip_prefix('[') {
        let (h, after) = v6
            .split_once(']')
            .ok_or("unclosed `[` in an IPv6 address")?;
        let port = match after.strip_prefix(':') {
            Some(p) => Some(p),
            None if after.is_empty() => None,
            None => return Err("unexpected text after the IPv6 address".into()),
        };
        (h.to_string(), port)
    } else {
        match hostport.rsplit_once(':') {
            Some((h, p)) => (h.to_string(), Some(p)),
            None => (hostport.to_string(), None),
        }
    };
    if host.is_empty() {
        return Err("the host is empty".into());
    }
    let port = match port {
        None => 6379,
        Some(p) => p
            .parse::<u16>()
            .ok()
            .filter(|p| *p > 0)
            .ok_or_else(|| format!("`{p}` is not a port (1-65535)"))?,
    };
    let db = match path.trim_matches('/') {
        "" => None,
        d => Some(
            d.parse::<i64>()
                .map_err(|_| format!("`{d}` is not a database number"))?,
        ),
    };
    Ok(ParsedAddr {
        host,
        port,
        tls,
        username,
        password,
        db,
    })
}

/// Decodes `%XX` escapes; the error never repeats the (secret) text.
fn percent_decode(text: &str, what: &str) -> Result<String, String> {
    percent_encoding::percent_decode_str(text)
        .decode_utf8()
        .map(|s| s.into_owned())
        .map_err(|_| format!("the {what} in the URL is not valid UTF-8 once percent-decoded"))
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
        let queue_key = raw
            .queue_key
            .0
            .clone()
            .filter(|k| !k.trim().is_empty())
            .unwrap_or_else(|| DEFAULT_QUEUE_KEY.into());
        if queue_key.contains(char::is_whitespace) {
            return Err(ConfigError::Invalid {
                name: "REDIS_QUEUE_KEY",
                value: queue_key,
                message: "must not contain spaces".into(),
            });
        }
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
            settings.insert(1, Setting::text("REDIS_ADDR", "", source));
            Backend::Memory
        } else {
            Backend::Redis(redis_target(&raw, environment, &mut settings)?)
        };
        let millis = |d: Duration| serde_json::Value::from(d.as_millis() as u64);
        settings.push(Setting {
            name: "connect_timeout_ms",
            value: millis(raw.connect_timeout),
            source: Source::Default,
        });
        settings.push(Setting {
            name: "command_timeout_ms",
            value: millis(raw.command_timeout),
            source: Source::Default,
        });
        Ok(Config {
            environment,
            backend,
            queue_key,
            settings,
        })
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

/// `REDIS_DB`: the variable or flag, else the URL's path, else 0.
fn redis_db(
    raw: &RawSettings,
    parsed: &ParsedAddr,
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
            (db, raw.redis_db.1)
        }
        _ => parsed
            .db
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

/// The Redis server and credentials, from the address and the separate settings (which win).
fn redis_target(
    raw: &RawSettings,
    environment: Environment,
    settings: &mut Vec<Setting>,
) -> Result<RedisTarget, ConfigError> {
    let (addr_text, addr_source) = match &raw.redis_addr.0 {
        Some(a) => (a.clone(), raw.redis_addr.1),
        None if environment == Environment::Production => {
            return Err(ConfigError::ProductionNeedsRedis)
        }
        None => (DEFAULT_REDIS_ADDR.to_string(), Source::Default),
    };
    let parsed = parse_redis_addr(&addr_text).map_err(|message| ConfigError::Invalid {
        name: "REDIS_ADDR",
        value: redact_url(&addr_text),
        message,
    })?;
    let db = redis_db(raw, &parsed, settings)?;
    let (password, pass_source) = match &raw.password.0 {
        Some(p) if !p.is_empty() => (Some(Secret(p.clone())), raw.password.1),
        _ => match parsed.password.clone() {
            Some(p) => (Some(Secret(p)), Source::Url),
            None => (None, Source::Default),
        },
    };
    let (username, user_source) = match &raw.username.0 {
        Some(u) if !u.is_empty() => (Some(u.clone()), raw.username.1),
        _ => match parsed.username.clone() {
            Some(u) => (Some(u), Source::Url),
            None => (None, Source::Default),
        },
    };
    let target = RedisTarget {
        host: parsed.host,
        port: parsed.port,
        tls: parsed.tls || raw.tls,
        username,
        password,
        db,
        connect_timeout: raw.connect_timeout,
        command_timeout: raw.command_timeout,
    };
    settings.insert(
        1,
        Setting::text("REDIS_ADDR", target.display(), addr_source),
    );
    let optional = |v: Option<String>| v.map_or(serde_json::Value::Null, serde_json::Value::from);
    settings.push(Setting {
        name: "REDIS_PASSWORD",
        value: optional(target.password.as_ref().map(|_| "<redacted>".to_string())),
        source: pass_source,
    });
    settings.push(Setting {
        name: "REDIS_USERNAME",
        value: optional(target.username.clone()),
        source: user_source,
    });
    settings.push(Setting {
        name: "REDIS_TLS",
        value: serde_json::Value::Bool(target.tls),
        source: if parsed.tls {
            Source::Url
        } else if raw.tls {
            Source::Flag
        } else {
            Source::Default
        },
    });
    Ok(target)
}

/// Hides a password inside a URL for error messages.
pub fn redact_url(text: &str) -> String {
    match (text.find("://"), text.rfind('@')) {
        (Some(s), Some(at)) if at > s => format!("{}<redacted>{}", &text[..s + 3], &text[at..]),
        _ => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw() -> RawSettings {
        RawSettings {
            connect_timeout: Duration::from_secs(2),
            command_timeout: Duration::from_secs(5),
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
            Backend::Redis(t) => assert_eq!((t.host.as_str(), t.port), ("localhost", 6379)),
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

    #[test]
    fn url_password_is_redacted_in_errors() {
        assert_eq!(redact_url("redis://u:pw@h:1/0"), "redis://<redacted>@h:1/0");
    }
}
