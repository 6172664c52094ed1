//! `redis health`: persistence-focused checks, evaluated by a pure function of INFO, CONFIG and options.

use std::collections::BTreeMap;
use std::time::Duration;

use serde::Serialize;

use super::admin::RedisAdmin;
use crate::config::RedisTarget;

/// Check status. Severity order for "worst": OK < UNKNOWN < WARNING < CRITICAL.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Status {
    Ok,
    Warning,
    Critical,
    Unknown,
}

impl Status {
    fn severity(self) -> u8 {
        match self {
            Status::Ok => 0,
            Status::Unknown => 1,
            Status::Warning => 2,
            Status::Critical => 3,
        }
    }
    pub fn worst(self, other: Status) -> Status {
        if other.severity() > self.severity() {
            other
        } else {
            self
        }
    }
    /// Monitoring exit code: OK 0, WARNING 1, CRITICAL 2, UNKNOWN 3.
    pub fn exit_code(self) -> i32 {
        match self {
            Status::Ok => 0,
            Status::Warning => 1,
            Status::Critical => 2,
            Status::Unknown => 3,
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Ok => "OK",
            Status::Warning => "WARNING",
            Status::Critical => "CRITICAL",
            Status::Unknown => "UNKNOWN",
        }
    }
}

/// One row of the health table.
#[derive(Clone, Debug, Serialize)]
pub struct HealthCheck {
    pub name: String,
    pub status: Status,
    pub value: String,
    pub message: String,
    /// What to do about it (empty when OK).
    pub fix: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct HealthReport {
    pub target: String,
    pub overall: Status,
    pub checks: Vec<HealthCheck>,
}

impl HealthReport {
    pub fn exit_code(&self) -> i32 {
        self.overall.exit_code()
    }
    pub fn check(&self, name: &str) -> Option<&HealthCheck> {
        self.checks.iter().find(|c| c.name == name)
    }
}

/// Thresholds.
#[derive(Clone, Debug)]
pub struct HealthOptions {
    /// Last successful save older than this → WARNING (when RDB snapshots are configured).
    pub max_save_age: Duration,
    /// More unsaved changes than this with AOF off → WARNING.
    pub max_changes_since_save: u64,
    /// Round trip above this → WARNING.
    pub latency_warning: Duration,
    /// used_memory / maxmemory (percent) → WARNING / CRITICAL.
    pub memory_warning_pct: f64,
    pub memory_critical_pct: f64,
}

impl Default for HealthOptions {
    fn default() -> Self {
        HealthOptions {
            max_save_age: Duration::from_secs(2 * 3600),
            max_changes_since_save: 100_000,
            latency_warning: Duration::from_millis(100),
            memory_warning_pct: 80.0,
            memory_critical_pct: 95.0,
        }
    }
}

fn row(
    name: &str,
    status: Status,
    value: impl Into<String>,
    message: impl Into<String>,
    fix: impl Into<String>,
) -> HealthCheck {
    HealthCheck {
        name: name.into(),
        status,
        value: value.into(),
        message: message.into(),
        fix: fix.into(),
    }
}

fn missing(name: &str, field: &str) -> HealthCheck {
    row(
        name,
        Status::Unknown,
        "",
        format!("{field} not reported by this server"),
        "",
    )
}

const APPLY: &str = "tartarus redis configure --apply";

/// Evaluates every check. Pure: `latency` is the measured PING round trip, `now_unix` the current time.
pub fn evaluate(
    info: &BTreeMap<String, String>,
    config: &BTreeMap<String, String>,
    latency: Option<Duration>,
    now_unix: i64,
    opts: &HealthOptions,
) -> Vec<HealthCheck> {
    let mut out = Vec::new();
    let get = |k: &str| info.get(k).map(|s| s.trim());
    let int = |k: &str| get(k).and_then(|s| s.parse::<i64>().ok());
    let cfg = |k: &str| config.get(k).map(|s| s.trim());

    let loading = get("loading").map(|v| v != "0");

    // connection + latency
    out.push(match latency {
        // While loading, PING answers -LOADING: reachable, and the `loading` row says the rest.
        Some(l) if loading == Some(true) => row(
            "connection",
            Status::Ok,
            format!("{:.1} ms", l.as_secs_f64() * 1e3),
            "reachable (PING answers LOADING while the dataset loads)",
            "",
        ),
        Some(l) if l > opts.latency_warning => row(
            "connection",
            Status::Warning,
            format!("{:.1} ms", l.as_secs_f64() * 1e3),
            "slow round trip",
            "check network / server load",
        ),
        Some(l) => row(
            "connection",
            Status::Ok,
            format!("{:.1} ms", l.as_secs_f64() * 1e3),
            "PING answered",
            "",
        ),
        None => row(
            "connection",
            Status::Unknown,
            "",
            "no round trip measured",
            "",
        ),
    });

    // version
    out.push(match get("redis_version") {
        Some(v) => {
            let major = v
                .split('.')
                .next()
                .and_then(|m| m.parse::<u32>().ok())
                .unwrap_or(0);
            if major >= 7 {
                row("redis_version", Status::Ok, v, "", "")
            } else {
                row(
                    "redis_version",
                    Status::Warning,
                    v,
                    "Redis < 7: single-file AOF, restore of AOF-dir backups needs Redis 7",
                    "upgrade to Redis 7+",
                )
            }
        }
        None => missing("redis_version", "redis_version"),
    });

    // role
    out.push(match get("role") {
        Some("master") => {
            let n = int("connected_slaves").unwrap_or(0);
            row(
                "role",
                Status::Ok,
                format!("master, {n} replica(s)"),
                if n == 0 {
                    "no replicas: the data lives on this host only"
                } else {
                    ""
                },
                "",
            )
        }
        Some(r @ ("slave" | "replica")) => {
            let link = get("master_link_status").unwrap_or("unknown");
            if link == "up" {
                row(
                    "role",
                    Status::Warning,
                    format!("{r}, link up"),
                    "this is a read-only replica; the control plane must write to the master",
                    "point REDIS_ADDR at the master",
                )
            } else {
                row(
                    "role",
                    Status::Critical,
                    format!("{r}, link {link}"),
                    "replica with its master link down",
                    "check the master and replication",
                )
            }
        }
        Some(other) => row("role", Status::Unknown, other, "unknown role", ""),
        None => missing("role", "role"),
    });

    let aof_on = match get("aof_enabled").or(cfg("appendonly")) {
        Some("1") | Some("yes") => Some(true),
        Some("0") | Some("no") => Some(false),
        _ => None,
    };
    let save_rules = cfg("save");
    let snapshots_on = save_rules.map(|s| !s.is_empty());

    // appendonly (and "no persistence at all")
    out.push(match (aof_on, snapshots_on) {
        (Some(true), _) => row("appendonly", Status::Ok, "yes", "", ""),
        (Some(false), Some(false)) => row(
            "appendonly",
            Status::Critical,
            "no",
            "no persistence at all: appendonly no and save \"\" — a restart loses every queue and run",
            APPLY,
        ),
        (Some(false), _) => row("appendonly", Status::Warning, "no", "only RDB snapshots: a crash loses writes since the last snapshot", APPLY),
        (None, _) => missing("appendonly", "aof_enabled / appendonly"),
    });

    // appendfsync
    out.push(match (aof_on, cfg("appendfsync")) {
        (Some(false), v) => row("appendfsync", Status::Ok, v.unwrap_or(""), "AOF is off", ""),
        (_, Some(v @ ("always" | "everysec"))) => row("appendfsync", Status::Ok, v, "", ""),
        (_, Some(v)) => row(
            "appendfsync",
            Status::Warning,
            v,
            "fsync left to the OS: up to ~30 s of writes can be lost",
            "CONFIG SET appendfsync everysec",
        ),
        (_, None) => missing("appendfsync", "appendfsync"),
    });

    // aof_last_write_status
    out.push(match get("aof_last_write_status") {
        Some("ok") => row("aof_last_write_status", Status::Ok, "ok", "", ""),
        Some(v) => row(
            "aof_last_write_status",
            Status::Critical,
            v,
            "the last AOF write failed: Redis refuses writes",
            "check disk space/permissions of the data dir; see the Redis log",
        ),
        None => missing("aof_last_write_status", "aof_last_write_status"),
    });

    // aof rewrite
    let failures = int("aof_rewrites_consecutive_failures").unwrap_or(0);
    out.push(match get("aof_last_bgrewrite_status") {
        Some("ok") if failures == 0 => row("aof_rewrite", Status::Ok, "ok", "", ""),
        Some(v) => {
            let status = if failures >= 3 {
                Status::Critical
            } else {
                Status::Warning
            };
            row(
                "aof_rewrite",
                status,
                format!("{v}, {failures} consecutive failure(s)"),
                "AOF rewrites fail: the AOF keeps growing",
                "check disk space and the Redis log",
            )
        }
        None => missing("aof_rewrite", "aof_last_bgrewrite_status"),
    });

    // auto-aof-rewrite-percentage: 0 turns automatic rewrites off
    out.push(match (aof_on, cfg("auto-aof-rewrite-percentage")) {
        (Some(false), v) => row(
            "auto_aof_rewrite_percentage",
            Status::Ok,
            v.unwrap_or(""),
            "AOF is off",
            "",
        ),
        (_, Some("0")) => row(
            "auto_aof_rewrite_percentage",
            Status::Warning,
            "0",
            "automatic AOF rewrites are off: the AOF grows without bound (disk, restart time); \
             earlier tartarus builds left it so when `backup create --method file` was killed",
            "CONFIG SET auto-aof-rewrite-percentage 100, then CONFIG REWRITE (or fix redis.conf)",
        ),
        (_, Some(v)) => row("auto_aof_rewrite_percentage", Status::Ok, v, "", ""),
        (_, None) => missing("auto_aof_rewrite_percentage", "auto-aof-rewrite-percentage"),
    });

    // aof_delayed_fsync (only reported while AOF is on)
    out.push(match (aof_on, int("aof_delayed_fsync")) {
        (Some(false), _) => row("aof_delayed_fsync", Status::Ok, "", "AOF is off", ""),
        (_, n) => match n {
            Some(0) => row("aof_delayed_fsync", Status::Ok, "0", "", ""),
            Some(n) => row(
                "aof_delayed_fsync",
                Status::Warning,
                n.to_string(),
                "fsync could not keep up with writes (disk too slow)",
                "use a faster disk or check I/O contention",
            ),
            None => missing("aof_delayed_fsync", "aof_delayed_fsync"),
        },
    });

    // rdb_last_bgsave_status
    out.push(match get("rdb_last_bgsave_status") {
        Some("ok") => row("rdb_last_bgsave_status", Status::Ok, "ok", "", ""),
        Some(v) => row(
            "rdb_last_bgsave_status",
            Status::Critical,
            v,
            "the last BGSAVE failed (Redis may refuse writes)",
            "check disk space/permissions of the data dir; see the Redis log",
        ),
        None => missing("rdb_last_bgsave_status", "rdb_last_bgsave_status"),
    });

    // last save age
    out.push(match int("rdb_last_save_time") {
        Some(t) => {
            let age = (now_unix - t).max(0) as u64;
            let value = format!("{age} s ago");
            if snapshots_on == Some(false) {
                row(
                    "last_save_age",
                    Status::Ok,
                    value,
                    "RDB snapshots are disabled",
                    "",
                )
            } else if age > opts.max_save_age.as_secs()
                && int("rdb_changes_since_last_save").unwrap_or(1) > 0
            {
                row(
                    "last_save_age",
                    Status::Warning,
                    value,
                    format!("older than {} s", opts.max_save_age.as_secs()),
                    "check the save rules and BGSAVE errors in the Redis log",
                )
            } else {
                row("last_save_age", Status::Ok, value, "", "")
            }
        }
        None => missing("last_save_age", "rdb_last_save_time"),
    });

    // changes since last save
    out.push(match int("rdb_changes_since_last_save") {
        Some(n) if aof_on != Some(true) && n as u64 > opts.max_changes_since_save => row(
            "rdb_changes_since_last_save",
            Status::Warning,
            n.to_string(),
            "many writes not yet on disk and AOF is off",
            APPLY,
        ),
        Some(n) => row(
            "rdb_changes_since_last_save",
            Status::Ok,
            n.to_string(),
            "",
            "",
        ),
        None => missing("rdb_changes_since_last_save", "rdb_changes_since_last_save"),
    });

    // save rules
    out.push(match (save_rules, aof_on) {
        (Some(""), Some(false)) => row(
            "save",
            Status::Critical,
            "\"\"",
            "no snapshots and no AOF",
            APPLY,
        ),
        (Some(""), _) => row(
            "save",
            Status::Warning,
            "\"\"",
            "no RDB snapshots: backups and fast restarts rely on the AOF only",
            APPLY,
        ),
        (Some(s), _) => row("save", Status::Ok, s, "", ""),
        (None, _) => missing("save", "save"),
    });

    // maxmemory-policy
    out.push(match cfg("maxmemory-policy") {
        Some("noeviction") => row("maxmemory_policy", Status::Ok, "noeviction", "", ""),
        Some(p) => row(
            "maxmemory_policy",
            Status::Warning,
            p,
            "eviction can silently drop queue and run keys",
            "CONFIG SET maxmemory-policy noeviction",
        ),
        None => missing("maxmemory_policy", "maxmemory-policy"),
    });

    // memory headroom
    let used = int("used_memory");
    let max = cfg("maxmemory")
        .and_then(|s| s.parse::<i64>().ok())
        .or_else(|| int("maxmemory"));
    out.push(match (used, max) {
        (Some(u), Some(0)) => row(
            "memory",
            Status::Ok,
            format!("{u} bytes used, no maxmemory"),
            "no limit: the OS is the limit",
            "",
        ),
        (Some(u), Some(m)) => {
            let pct = u as f64 * 100.0 / m as f64;
            let value = format!("{pct:.1}% of {m} bytes");
            if pct >= opts.memory_critical_pct {
                row(
                    "memory",
                    Status::Critical,
                    value,
                    "almost out of memory: writes will fail (noeviction) or keys get evicted",
                    "raise maxmemory or remove data",
                )
            } else if pct >= opts.memory_warning_pct {
                row(
                    "memory",
                    Status::Warning,
                    value,
                    "little memory headroom",
                    "raise maxmemory or remove data",
                )
            } else {
                row("memory", Status::Ok, value, "", "")
            }
        }
        _ => missing("memory", "used_memory / maxmemory"),
    });

    // loading
    out.push(match loading {
        Some(false) => row("loading", Status::Ok, "no", "", ""),
        Some(true) => {
            let mut value = "yes".to_string();
            if let Some(p) = get("loading_loaded_perc") {
                value.push_str(&format!(", {p}% loaded"));
            }
            if let Some(eta) = int("loading_eta_seconds") {
                value.push_str(&format!(", about {eta} s left"));
            }
            row(
                "loading",
                Status::Warning,
                value,
                "the server is loading its dataset and refuses most commands (tartarus cannot \
                 run or schedule) until it is done",
                "wait for loading to finish; check again",
            )
        }
        None => missing("loading", "loading"),
    });
    out
}

/// Worst status of a list of checks (UNKNOWN for an empty list).
pub fn overall(checks: &[HealthCheck]) -> Status {
    if checks.is_empty() {
        return Status::Unknown;
    }
    checks.iter().fold(Status::Ok, |acc, c| acc.worst(c.status))
}

/// Connects and runs every check. Never fails: a server that cannot be reached gives an UNKNOWN report.
pub async fn check(target: &RedisTarget, opts: &HealthOptions) -> HealthReport {
    let unknown = |msg: String| {
        let checks = vec![row(
            "connection",
            Status::Unknown,
            "",
            msg,
            "check the address, password and that redis-server runs",
        )];
        HealthReport {
            target: target.display(),
            overall: Status::Unknown,
            checks,
        }
    };
    let admin = match RedisAdmin::connect(target).await {
        Ok(a) => a,
        Err(e) => return unknown(e.to_string()),
    };
    check_with(&admin, opts)
        .await
        .unwrap_or_else(|e| unknown(e.to_string()))
}

/// Runs every check on an open connection.
pub async fn check_with(admin: &RedisAdmin, opts: &HealthOptions) -> super::Result<HealthReport> {
    // A server that is loading answers PING with -LOADING but INFO and CONFIG GET normally:
    // reachable, and the `loading` row reports it (with progress).
    let (latency, _) = admin.ping_or_loading().await?;
    let info = admin.info().await?;
    let mut config = BTreeMap::new();
    for k in [
        "appendonly",
        "appendfsync",
        "auto-aof-rewrite-percentage",
        "save",
        "maxmemory-policy",
        "maxmemory",
    ] {
        config.extend(admin.config_get(k).await?);
    }
    let checks = evaluate(
        &info,
        &config,
        Some(latency),
        chrono::Utc::now().timestamp(),
        opts,
    );
    Ok(HealthReport {
        target: admin.display().to_string(),
        overall: overall(&checks),
        checks,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn maps(
        aof: bool,
        save: &str,
        policy: &str,
    ) -> (BTreeMap<String, String>, BTreeMap<String, String>) {
        let info: BTreeMap<String, String> = [
            ("redis_version", "7.0.15"),
            ("role", "master"),
            ("connected_slaves", "0"),
            ("aof_enabled", if aof { "1" } else { "0" }),
            ("aof_last_write_status", "ok"),
            ("aof_last_bgrewrite_status", "ok"),
            ("aof_rewrites_consecutive_failures", "0"),
            ("aof_delayed_fsync", "0"),
            ("rdb_last_bgsave_status", "ok"),
            ("rdb_last_save_time", "1000"),
            ("rdb_changes_since_last_save", "5"),
            ("used_memory", "1000000"),
            ("loading", "0"),
        ]
        .into_iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
        let config: BTreeMap<String, String> = [
            ("appendonly", if aof { "yes" } else { "no" }),
            ("appendfsync", "everysec"),
            ("auto-aof-rewrite-percentage", "100"),
            ("save", save),
            ("maxmemory-policy", policy),
            ("maxmemory", "0"),
        ]
        .into_iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
        (info, config)
    }

    fn run(info: &BTreeMap<String, String>, config: &BTreeMap<String, String>) -> Vec<HealthCheck> {
        evaluate(
            info,
            config,
            Some(Duration::from_millis(1)),
            1010,
            &HealthOptions::default(),
        )
    }

    #[test]
    fn recommended_profile_is_ok() {
        let (i, c) = maps(true, "3600 1 300 100 60 10000", "noeviction");
        let checks = run(&i, &c);
        let bad: Vec<_> = checks.iter().filter(|c| c.status != Status::Ok).collect();
        assert!(bad.is_empty(), "{bad:?}");
        assert_eq!(overall(&checks), Status::Ok);
    }

    #[test]
    fn no_persistence_is_critical() {
        let (i, c) = maps(false, "", "noeviction");
        let checks = run(&i, &c);
        assert_eq!(overall(&checks), Status::Critical);
        assert_eq!(
            checks
                .iter()
                .find(|c| c.name == "appendonly")
                .unwrap()
                .status,
            Status::Critical
        );
        assert_eq!(overall(&checks).exit_code(), 2);
    }

    #[test]
    fn eviction_policy_warns() {
        let (i, c) = maps(true, "3600 1", "allkeys-lru");
        let checks = run(&i, &c);
        assert_eq!(overall(&checks), Status::Warning);
        assert_eq!(
            checks
                .iter()
                .find(|c| c.name == "maxmemory_policy")
                .unwrap()
                .status,
            Status::Warning
        );
    }

    #[test]
    fn failures_and_memory() {
        let (mut i, mut c) = maps(true, "3600 1", "noeviction");
        i.insert("aof_last_write_status".into(), "err".into());
        assert_eq!(overall(&run(&i, &c)), Status::Critical);
        i.insert("aof_last_write_status".into(), "ok".into());
        c.insert("maxmemory".into(), "1100000".into());
        let checks = run(&i, &c);
        assert_eq!(
            checks.iter().find(|c| c.name == "memory").unwrap().status,
            Status::Warning
        );
        i.insert("loading".into(), "1".into());
        i.insert("rdb_last_save_time".into(), "0".into());
        let checks = run(&i, &c);
        assert_eq!(
            checks.iter().find(|c| c.name == "loading").unwrap().status,
            Status::Warning
        );
        assert_eq!(
            checks
                .iter()
                .find(|c| c.name == "last_save_age")
                .unwrap()
                .status,
            Status::Ok,
            "1010 s < 2 h"
        );
        let checks = evaluate(&i, &c, None, 100_000, &HealthOptions::default());
        assert_eq!(
            checks
                .iter()
                .find(|c| c.name == "last_save_age")
                .unwrap()
                .status,
            Status::Warning
        );
        // An old save with nothing unsaved is fine: Redis only saves when there are changes.
        i.insert("rdb_changes_since_last_save".into(), "0".into());
        let checks = evaluate(&i, &c, None, 100_000, &HealthOptions::default());
        assert_eq!(
            checks
                .iter()
                .find(|c| c.name == "last_save_age")
                .unwrap()
                .status,
            Status::Ok
        );
    }

    fn status_of(checks: &[HealthCheck], name: &str) -> (Status, String, String) {
        let c = checks
            .iter()
            .find(|c| c.name == name)
            .unwrap_or_else(|| panic!("no row {name}"));
        (c.status, c.value.clone(), c.message.clone())
    }

    #[test]
    fn rewrite_percentage_zero_with_aof_warns() {
        let (i, mut c) = maps(true, "3600 1", "noeviction");
        c.insert("auto-aof-rewrite-percentage".into(), "0".into());
        let checks = run(&i, &c);
        let (st, _, msg) = status_of(&checks, "auto_aof_rewrite_percentage");
        assert_eq!(st, Status::Warning);
        assert!(msg.contains("grows without bound"), "{msg}");
        let fix = &checks
            .iter()
            .find(|c| c.name == "auto_aof_rewrite_percentage")
            .unwrap()
            .fix;
        assert!(fix.contains("auto-aof-rewrite-percentage 100"), "{fix}");
        assert_eq!(overall(&checks), Status::Warning);
        // With AOF off the setting does not matter.
        let (i, mut c) = maps(false, "3600 1", "noeviction");
        c.insert("auto-aof-rewrite-percentage".into(), "0".into());
        let checks = run(&i, &c);
        assert_eq!(
            status_of(&checks, "auto_aof_rewrite_percentage").0,
            Status::Ok
        );
    }

    #[test]
    fn delayed_fsync_with_aof_off_is_ok() {
        // Redis reports aof_delayed_fsync only while AOF is on.
        let (mut i, c) = maps(false, "3600 1", "noeviction");
        i.remove("aof_delayed_fsync");
        let checks = run(&i, &c);
        let (st, _, msg) = status_of(&checks, "aof_delayed_fsync");
        assert_eq!((st, msg.as_str()), (Status::Ok, "AOF is off"));
        assert!(checks.iter().all(|c| c.status != Status::Unknown));
        // With AOF on, a missing field is still UNKNOWN.
        let (mut i, c) = maps(true, "3600 1", "noeviction");
        i.remove("aof_delayed_fsync");
        assert_eq!(
            status_of(&run(&i, &c), "aof_delayed_fsync").0,
            Status::Unknown
        );
    }

    #[test]
    fn loading_server_is_reachable_and_warns_with_progress() {
        let (mut i, c) = maps(true, "3600 1", "noeviction");
        i.insert("loading".into(), "1".into());
        i.insert("loading_loaded_perc".into(), "42.50".into());
        i.insert("loading_eta_seconds".into(), "7".into());
        let checks = run(&i, &c);
        let (st, value, _) = status_of(&checks, "loading");
        assert_eq!(st, Status::Warning);
        assert_eq!(value, "yes, 42.50% loaded, about 7 s left");
        let (st, _, msg) = status_of(&checks, "connection");
        assert_eq!(st, Status::Ok);
        assert!(msg.contains("LOADING"), "{msg}");
        assert_eq!(overall(&checks), Status::Warning);
        assert_eq!(overall(&checks).exit_code(), 1);
    }

    #[test]
    fn exit_codes_and_order() {
        assert_eq!(
            [
                Status::Ok,
                Status::Warning,
                Status::Critical,
                Status::Unknown
            ]
            .map(|s| s.exit_code()),
            [0, 1, 2, 3]
        );
        assert_eq!(Status::Warning.worst(Status::Unknown), Status::Warning);
        assert_eq!(Status::Ok.worst(Status::Unknown), Status::Unknown);
        assert_eq!(Status::Critical.worst(Status::Warning), Status::Critical);
    }
}
