//! Options every command takes (output and connection), the checked configuration built from them, and logging.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::time::Duration;

use anyhow::Result;
use clap::Args;

use super::args::{parse_positive_duration, EnvironmentArg, LogFormat};
use crate::config::{
    pick, read_password_file, Config, RawSettings, Source, DEFAULT_COMMAND_TIMEOUT,
    DEFAULT_CONNECT_TIMEOUT,
};
use crate::output::OutputFormat;

/// Help heading of the options every command takes that shape its output.
pub const OUTPUT_HEADING: &str = "Output options";
/// Help heading of the options that say where Redis is and how to reach it.
pub const CONNECTION_HEADING: &str = "Connection options";

/// Options every command takes. Each connection option has an environment variable; the flag wins.
#[derive(Debug, Args)]
pub struct GlobalOpts {
    /// Output format
    #[arg(short = 'o', long, global = true, value_enum, default_value = "table", help_heading = OUTPUT_HEADING)]
    pub output: OutputFormat,

    /// Answer yes to confirmations of destructive steps (required without a terminal)
    #[arg(short = 'y', long, global = true, help_heading = OUTPUT_HEADING)]
    pub yes: bool,

    /// Print only results and errors
    #[arg(short, long, global = true, conflicts_with = "verbose", help_heading = OUTPUT_HEADING)]
    pub quiet: bool,

    /// More log output (-v info, -vv debug)
    #[arg(short, long, global = true, action = clap::ArgAction::Count, help_heading = OUTPUT_HEADING)]
    pub verbose: u8,

    /// Log lines on stderr: text, or one JSON object per line (for log collectors)
    #[arg(long, global = true, value_enum, default_value = "text", env = "TARTARUS_LOG_FORMAT", help_heading = OUTPUT_HEADING)]
    pub log_format: LogFormat,

    /// Deployment environment [env: TARTARUS_ENV]
    #[arg(long = "environment", global = true, value_name = "ENV", value_enum, help_heading = CONNECTION_HEADING)]
    pub environment: Option<EnvironmentArg>,

    /// Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]
    #[arg(long, global = true, value_name = "ADDR", help_heading = CONNECTION_HEADING)]
    pub redis_addr: Option<String>,

    /// Redis database number [env: REDIS_DB]
    #[arg(long, global = true, value_name = "N", help_heading = CONNECTION_HEADING)]
    pub redis_db: Option<String>,

    /// The cell: one deployment's whole keyspace (tartarus:{CELL}:*, themis:{CELL}:*), `default`
    /// when not given; an empty value is refused [env: TARTARUS_CELL]
    #[arg(long, global = true, value_name = "CELL", help_heading = CONNECTION_HEADING)]
    pub cell: Option<String>,

    /// Key of the Acheron queue, default tartarus:{CELL}:queue (its leases, pending and dead sets
    /// hang off it) [env: REDIS_QUEUE_KEY]
    #[arg(long, global = true, value_name = "KEY", help_heading = CONNECTION_HEADING)]
    pub queue_key: Option<String>,

    /// ACL user name [env: REDIS_USERNAME]
    #[arg(long, global = true, value_name = "USER", help_heading = CONNECTION_HEADING)]
    pub redis_username: Option<String>,

    /// Read the Redis password from this file (a flag never takes the password itself, so it
    /// stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]
    #[arg(long, global = true, value_name = "FILE", help_heading = CONNECTION_HEADING)]
    pub redis_password_file: Option<PathBuf>,

    /// Find the master through these Sentinels, host:port,host:port,… and follow its failovers
    /// (excludes --redis-addr) [env: REDIS_SENTINEL_ADDRS]
    #[arg(long = "redis-sentinel", global = true, value_name = "ADDRS", help_heading = CONNECTION_HEADING)]
    pub redis_sentinel: Option<String>,

    /// Talk to a Redis Cluster through these nodes, host:port,host:port,… (the slot map is
    /// learnt from them; excludes --redis-addr and --redis-sentinel) [env: REDIS_CLUSTER_ADDRS]
    #[arg(long = "redis-cluster", global = true, value_name = "ADDRS", help_heading = CONNECTION_HEADING)]
    pub redis_cluster: Option<String>,

    /// The master name the Sentinels monitor [env: REDIS_SENTINEL_MASTER; default: mymaster]
    #[arg(long, global = true, value_name = "NAME", help_heading = CONNECTION_HEADING)]
    pub redis_sentinel_master: Option<String>,

    /// ACL user name on the Sentinels, when they have their own [env: REDIS_SENTINEL_USERNAME]
    #[arg(long, global = true, value_name = "USER", help_heading = CONNECTION_HEADING)]
    pub redis_sentinel_username: Option<String>,

    /// Read the Sentinels' own password (not the data nodes') from this file
    /// [env: REDIS_SENTINEL_PASSWORD]
    #[arg(long, global = true, value_name = "FILE", help_heading = CONNECTION_HEADING)]
    pub redis_sentinel_password_file: Option<PathBuf>,

    /// Use TLS to reach Redis (implied by rediss:// addresses and by every --tls-* option)
    /// [env: REDIS_TLS=1]
    #[arg(long, global = true, help_heading = CONNECTION_HEADING)]
    pub tls: bool,

    /// PEM file of the CA that signed the servers' certificates (default: the public web roots)
    /// [env: REDIS_TLS_CA_FILE]
    #[arg(long, global = true, value_name = "FILE", help_heading = CONNECTION_HEADING)]
    pub tls_ca_file: Option<String>,

    /// PEM client certificate, for servers that require one (mutual TLS) [env: REDIS_TLS_CERT_FILE]
    #[arg(long, global = true, value_name = "FILE", requires = "tls_key_file", help_heading = CONNECTION_HEADING)]
    pub tls_cert_file: Option<String>,

    /// PEM private key of --tls-cert-file [env: REDIS_TLS_KEY_FILE]
    #[arg(long, global = true, value_name = "FILE", requires = "tls_cert_file", help_heading = CONNECTION_HEADING)]
    pub tls_key_file: Option<String>,

    /// Accept any server certificate: encrypted but NOT authenticated (logs a warning; for
    /// tests only) [env: REDIS_TLS_INSECURE=1]
    #[arg(long, global = true, help_heading = CONNECTION_HEADING)]
    pub tls_insecure: bool,

    /// After each acknowledged write (submit, policy change, cancel, a run's start and outcome)
    /// wait until N replicas have it (WAIT); a write they do not confirm in time fails with exit 5
    /// [env: REDIS_MIN_REPLICAS_ACK; default: 0, off]
    #[arg(long, global = true, value_name = "N", help_heading = CONNECTION_HEADING)]
    pub min_replicas_ack: Option<String>,

    /// How long that WAIT may take [env: REDIS_MIN_REPLICAS_TIMEOUT; default: 1s]
    #[arg(long, global = true, value_name = "DURATION", help_heading = CONNECTION_HEADING)]
    pub min_replicas_timeout: Option<String>,

    /// Use the in-memory store (development only; state is lost on exit)
    #[arg(long, global = true, help_heading = CONNECTION_HEADING)]
    pub in_memory: bool,

    /// How long each Redis command may take, more than zero [default: 5s] (named so to leave
    /// `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)
    #[arg(long = "redis-timeout", global = true, value_name = "DURATION", value_parser = parse_positive_duration, help_heading = CONNECTION_HEADING)]
    pub redis_timeout: Option<Duration>,

    /// How long connecting to Redis may take, more than zero [default: 3s]
    #[arg(long = "redis-connect-timeout", global = true, value_name = "DURATION", value_parser = parse_positive_duration, help_heading = CONNECTION_HEADING)]
    pub redis_connect_timeout: Option<Duration>,
}

/// A switch from the flag, else from a variable set to 1, true or yes.
/// A timeout flag, else its default, with where it came from.
fn timeout(flag: Option<Duration>, default: Duration) -> (Duration, Source) {
    match flag {
        Some(d) => (d, Source::Flag),
        None => (default, Source::Default),
    }
}

fn switch(flag: bool, var: &str) -> (bool, Source) {
    if flag {
        return (true, Source::Flag);
    }
    match std::env::var(var) {
        Ok(v) if matches!(v.trim().to_ascii_lowercase().as_str(), "1" | "true" | "yes") => {
            (true, Source::Env)
        }
        _ => (false, Source::Default),
    }
}

/// A secret from a file flag, else from its variables.
fn secret(file: Option<&PathBuf>, vars: &[&str]) -> Result<(Option<String>, Source)> {
    Ok(match file {
        Some(path) => (Some(read_password_file(path)?), Source::Flag),
        None => pick(None, vars),
    })
}

/// Builds the checked configuration from flags and environment (flags win). Nothing connects.
pub fn build_config(g: &GlobalOpts) -> Result<Config> {
    let raw = RawSettings {
        env: pick(
            g.environment.map(|e| e.as_str().to_string()),
            &["TARTARUS_ENV"],
        ),
        redis_addr: pick(g.redis_addr.clone(), &["REDIS_ADDR"]),
        redis_db: pick(g.redis_db.clone(), &["REDIS_DB"]),
        cell: pick(g.cell.clone(), &["TARTARUS_CELL"]),
        queue_key: pick(g.queue_key.clone(), &["REDIS_QUEUE_KEY"]),
        password: secret(
            g.redis_password_file.as_ref(),
            &["REDIS_PASSWORD", "REDIS_PASS"],
        )?,
        username: pick(g.redis_username.clone(), &["REDIS_USERNAME"]),
        tls: switch(g.tls, "REDIS_TLS"),
        tls_ca_file: pick(g.tls_ca_file.clone(), &["REDIS_TLS_CA_FILE"]),
        tls_cert_file: pick(g.tls_cert_file.clone(), &["REDIS_TLS_CERT_FILE"]),
        tls_key_file: pick(g.tls_key_file.clone(), &["REDIS_TLS_KEY_FILE"]),
        tls_insecure: switch(g.tls_insecure, "REDIS_TLS_INSECURE"),
        sentinel_addrs: pick(g.redis_sentinel.clone(), &["REDIS_SENTINEL_ADDRS"]),
        sentinel_master: pick(g.redis_sentinel_master.clone(), &["REDIS_SENTINEL_MASTER"]),
        sentinel_username: pick(
            g.redis_sentinel_username.clone(),
            &["REDIS_SENTINEL_USERNAME"],
        ),
        sentinel_password: secret(
            g.redis_sentinel_password_file.as_ref(),
            &["REDIS_SENTINEL_PASSWORD"],
        )?,
        cluster_addrs: pick(g.redis_cluster.clone(), &["REDIS_CLUSTER_ADDRS"]),
        min_replicas_ack: pick(g.min_replicas_ack.clone(), &["REDIS_MIN_REPLICAS_ACK"]),
        min_replicas_timeout: pick(
            g.min_replicas_timeout.clone(),
            &["REDIS_MIN_REPLICAS_TIMEOUT"],
        ),
        in_memory: g.in_memory,
        connect_timeout: timeout(g.redis_connect_timeout, DEFAULT_CONNECT_TIMEOUT),
        command_timeout: timeout(g.redis_timeout, DEFAULT_COMMAND_TIMEOUT),
    };
    Ok(Config::from_raw(raw)?)
}

/// Log times as RFC 3339 UTC with milliseconds, like every time tartarus prints.
struct Rfc3339Millis;

impl tracing_subscriber::fmt::time::FormatTime for Rfc3339Millis {
    fn format_time(&self, w: &mut tracing_subscriber::fmt::format::Writer<'_>) -> std::fmt::Result {
        write!(
            w,
            "{}",
            chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
        )
    }
}

/// Logs to stderr, filtered by `-q`/`-v` or `TARTARUS_LOG`; with timestamps for commands that
/// run until stopped (scheduler, agent, up), without for one-shot commands; with
/// `--log-format json`, one JSON object per line (`timestamp`, `level`, `message`, fields).
pub fn init_logging(g: &GlobalOpts, timestamps: bool) {
    let level = if g.quiet {
        "error"
    } else {
        match g.verbose {
            0 => "warn,tartarus=info",
            1 => "info",
            _ => "debug",
        }
    };
    let filter = tracing_subscriber::EnvFilter::try_from_env("TARTARUS_LOG")
        .unwrap_or_else(|_| level.into());
    let ansi = std::env::var_os("NO_COLOR").is_none() && std::io::stderr().is_terminal();
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_target(false);
    if g.log_format == LogFormat::Json {
        // Every JSON line carries its time, whatever the command: collectors need it.
        let _ = builder
            .json()
            .flatten_event(true)
            .with_current_span(false)
            .with_span_list(false)
            .with_timer(Rfc3339Millis)
            .try_init();
        return;
    }
    let builder = builder.with_ansi(ansi);
    let _ = if timestamps {
        builder.with_timer(Rfc3339Millis).try_init()
    } else {
        builder.without_time().try_init()
    };
}
