//! `redis health`: persistence-focused checks, evaluated by a pure function of INFO, CONFIG and options.

use std::collections::BTreeMap;
use std::time::Duration;

use serde::Serialize;

use super::admin::RedisAdmin;

mod checks;
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

pub(super) fn row(
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

pub(super) fn missing(name: &str, field: &str) -> HealthCheck {
    row(
        name,
        Status::Unknown,
        "",
        format!("{field} not reported by this server"),
        "",
    )
}

pub(super) const APPLY: &str = "tartarus redis configure --apply";

/// Evaluates every check. Pure: `latency` is the measured PING round trip, `now_unix` the current time.
pub fn evaluate(
    info: &BTreeMap<String, String>,
    config: &BTreeMap<String, String>,
    latency: Option<Duration>,
    now_unix: i64,
    opts: &HealthOptions,
) -> Vec<HealthCheck> {
    let facts = checks::Facts {
        info,
        config,
        latency,
        now_unix,
    };
    checks::ALL
        .iter()
        .map(|check| check(&facts, opts))
        .collect()
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
