//! `redis health`: persistence-focused checks, evaluated by a pure function of INFO, CONFIG and options.

use std::collections::BTreeMap;
use std::time::Duration;

use serde::Serialize;

use super::admin::RedisAdmin;

pub mod capacity;
mod checks;
mod cluster;
pub mod plugin;
pub mod thresholds;
pub mod topology;
use crate::config::RedisTarget;
use crate::exit;

/// The status of a check and of the whole report. Severity order for "worst":
/// OK < UNKNOWN < WARNING < CRITICAL.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum HealthStatus {
    Ok,
    Warning,
    Critical,
    Unknown,
}

impl HealthStatus {
    fn severity(self) -> u8 {
        match self {
            HealthStatus::Ok => 0,
            HealthStatus::Unknown => 1,
            HealthStatus::Warning => 2,
            HealthStatus::Critical => 3,
        }
    }
    pub fn worst(self, other: HealthStatus) -> HealthStatus {
        if other.severity() > self.severity() {
            other
        } else {
            self
        }
    }
    /// The monitoring-plugin exit code: `exit::HEALTH_OK`, `HEALTH_WARNING`, `HEALTH_CRITICAL`
    /// or `HEALTH_UNKNOWN`.
    pub fn code(self) -> u8 {
        match self {
            HealthStatus::Ok => exit::HEALTH_OK,
            HealthStatus::Warning => exit::HEALTH_WARNING,
            HealthStatus::Critical => exit::HEALTH_CRITICAL,
            HealthStatus::Unknown => exit::HEALTH_UNKNOWN,
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            HealthStatus::Ok => "OK",
            HealthStatus::Warning => "WARNING",
            HealthStatus::Critical => "CRITICAL",
            HealthStatus::Unknown => "UNKNOWN",
        }
    }
}

/// One row of the health table.
#[derive(Clone, Debug, Serialize)]
pub struct HealthCheck {
    pub name: String,
    pub status: HealthStatus,
    /// What was measured or is configured: a number for a quantity (in `unit`), text for a
    /// setting or a state, a boolean for yes/no, null when the server did not say.
    pub value: serde_json::Value,
    /// The unit of a numeric value: `ms`, `bytes` or `percent`; null for counts and text.
    /// (The round trip keeps its fraction of a millisecond: 0.123 ms.)
    pub unit: Option<&'static str>,
    /// What was found, in words (null in JSON when there is nothing to say).
    #[serde(serialize_with = "crate::output::empty_as_null")]
    pub message: String,
    /// What to do about it (empty when OK: null in JSON).
    #[serde(serialize_with = "crate::output::empty_as_null")]
    pub fix: String,
}

impl HealthCheck {
    /// The same row with a unit for its value.
    pub(super) fn unit(mut self, unit: &'static str) -> Self {
        self.unit = Some(unit);
        self
    }

    /// The value for people: `0.1 ms`, `1.2 GiB`, `42.5%`, `""` for an empty setting.
    pub fn value_text(&self) -> String {
        use serde_json::Value;
        match (&self.value, self.unit) {
            (Value::Null, _) => String::new(),
            (Value::String(s), _) if s.is_empty() => "\"\"".into(),
            (Value::String(s), _) => s.clone(),
            (Value::Bool(b), _) => if *b { "yes" } else { "no" }.into(),
            (Value::Number(n), Some("ms")) => match n.as_u64() {
                Some(ms) if ms >= 10_000 => {
                    crate::model::units::format_duration(std::time::Duration::from_millis(ms))
                }
                _ => format!("{n} ms"),
            },
            (Value::Number(n), Some("bytes")) => n
                .as_u64()
                .map(crate::output::human_bytes)
                .unwrap_or_else(|| n.to_string()),
            (Value::Number(n), Some("percent")) => format!("{n}%"),
            (v, _) => v.to_string(),
        }
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct HealthReport {
    pub target: String,
    pub overall: HealthStatus,
    pub checks: Vec<HealthCheck>,
    /// The figures of the monitoring-plugin line, with their thresholds (numbers as numbers).
    pub perfdata: Vec<plugin::Perfdata>,
    /// The memory forecast; null when it could not be made (no samples key, no INFO memory).
    pub forecast: Option<capacity::MemoryForecast>,
}

impl HealthReport {
    /// The monitoring-plugin exit code of the whole report.
    pub fn code(&self) -> u8 {
        self.overall.code()
    }
    pub fn check(&self, name: &str) -> Option<&HealthCheck> {
        self.checks.iter().find(|c| c.name == name)
    }

    /// A report that could not check anything: UNKNOWN, with the reason in one row.
    pub fn unknown(target: impl Into<String>, row_name: &str, reason: String, fix: &str) -> Self {
        HealthReport {
            target: target.into(),
            overall: HealthStatus::Unknown,
            checks: vec![row(
                row_name,
                HealthStatus::Unknown,
                serde_json::Value::Null,
                reason,
                fix,
            )],
            perfdata: Vec::new(),
            forecast: None,
        }
    }
}

/// Thresholds, and where the memory samples of the forecast live.
#[derive(Clone, Debug)]
pub struct HealthOptions {
    /// Last successful save older than this → WARNING (when RDB snapshots are configured and
    /// there are unsaved changes).
    pub max_save_age: Duration,
    /// … older than this → CRITICAL (None: never).
    pub max_save_age_critical: Option<Duration>,
    /// More unsaved changes than this with AOF off → WARNING.
    pub max_changes_since_save: u64,
    /// Round trip above this → WARNING.
    pub latency_warning: Duration,
    /// Round trip above this → CRITICAL (None: never).
    pub latency_critical: Option<Duration>,
    /// used_memory / maxmemory (percent) → WARNING / CRITICAL.
    pub memory_warning_pct: f64,
    pub memory_critical_pct: f64,
    /// Memory full within this, at its recent rate of growth → WARNING.
    pub forecast_warning: Duration,
    /// … within this → CRITICAL (None: never).
    pub forecast_critical: Option<Duration>,
    /// The samples the growth rate is measured over (the newest of this age).
    pub forecast_window: Duration,
    /// No forecast before the samples of the window span this long.
    pub forecast_min_span: Duration,
    /// The list of memory samples ([`crate::store::keys::Keys::memory_samples`]); None: no
    /// forecast.
    pub memory_samples_key: Option<String>,
    /// Append this run's sample to that list (false for read-only monitoring users).
    pub record_sample: bool,
    /// `TARTARUS_ENV=production`: the `default` user with every right is a warning.
    pub production: bool,
    /// `--min-replicas-ack N`: fewer online replicas than N is critical.
    pub replica_ack: Option<u32>,
}

impl Default for HealthOptions {
    fn default() -> Self {
        HealthOptions {
            max_save_age: Duration::from_secs(2 * 3600),
            max_save_age_critical: Some(Duration::from_secs(24 * 3600)),
            max_changes_since_save: 100_000,
            latency_warning: Duration::from_millis(100),
            latency_critical: None,
            memory_warning_pct: 80.0,
            memory_critical_pct: 95.0,
            forecast_warning: Duration::from_secs(24 * 3600),
            forecast_critical: None,
            forecast_window: Duration::from_secs(6 * 3600),
            forecast_min_span: Duration::from_secs(600),
            memory_samples_key: None,
            record_sample: true,
            production: false,
            replica_ack: None,
        }
    }
}

pub(super) fn row(
    name: &str,
    status: HealthStatus,
    value: impl Into<serde_json::Value>,
    message: impl Into<String>,
    fix: impl Into<String>,
) -> HealthCheck {
    HealthCheck {
        name: name.into(),
        status,
        value: value.into(),
        unit: None,
        message: message.into(),
        fix: fix.into(),
    }
}

pub(super) fn missing(name: &str, field: &str) -> HealthCheck {
    row(
        name,
        HealthStatus::Unknown,
        serde_json::Value::Null,
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
pub fn overall(checks: &[HealthCheck]) -> HealthStatus {
    if checks.is_empty() {
        return HealthStatus::Unknown;
    }
    checks
        .iter()
        .fold(HealthStatus::Ok, |acc, c| acc.worst(c.status))
}

/// Connects and runs every check. Never fails: a server that cannot be reached gives an UNKNOWN
/// report. On Redis Cluster: the cluster's state, then every master's rows.
pub async fn check(target: &RedisTarget, opts: &HealthOptions) -> HealthReport {
    if target.topology.is_cluster() {
        return Box::pin(cluster::check(target, opts)).await;
    }
    let unknown = |msg: String| {
        HealthReport::unknown(
            target.display(),
            "connection",
            msg,
            "check the address, password and that redis-server runs",
        )
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
        "min-replicas-to-write",
    ] {
        config.extend(admin.config_get(k).await?);
    }
    let now_ms = crate::model::now_ms();
    let mut checks = evaluate(&info, &config, Some(latency), now_ms / 1000, opts);
    let forecast = match &opts.memory_samples_key {
        Some(key) => {
            capacity::sample_and_forecast(
                admin,
                key,
                opts.record_sample,
                &info,
                &config,
                opts,
                now_ms,
            )
            .await
        }
        None => None,
    };
    if let Some(f) = &forecast {
        let at = checks
            .iter()
            .position(|c| c.name == "memory")
            .map_or(checks.len(), |i| i + 1);
        checks.insert(at, capacity::check(f, opts));
    }
    let facts = topology::gather(admin).await;
    checks.extend(topology::evaluate(&info, &config, &facts, opts));
    let perfdata = plugin::perfdata(&info, &config, &checks, forecast.as_ref(), opts);
    Ok(HealthReport {
        target: admin.display().to_string(),
        overall: overall(&checks),
        checks,
        perfdata,
        forecast,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exit;

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
        let bad: Vec<_> = checks
            .iter()
            .filter(|c| c.status != HealthStatus::Ok)
            .collect();
        assert!(bad.is_empty(), "{bad:?}");
        assert_eq!(overall(&checks), HealthStatus::Ok);
    }

    #[test]
    fn no_persistence_is_critical() {
        let (i, c) = maps(false, "", "noeviction");
        let checks = run(&i, &c);
        assert_eq!(overall(&checks), HealthStatus::Critical);
        assert_eq!(
            checks
                .iter()
                .find(|c| c.name == "appendonly")
                .unwrap()
                .status,
            HealthStatus::Critical
        );
        assert_eq!(overall(&checks).code(), exit::HEALTH_CRITICAL);
    }

    #[test]
    fn eviction_policy_warns() {
        let (i, c) = maps(true, "3600 1", "allkeys-lru");
        let checks = run(&i, &c);
        assert_eq!(overall(&checks), HealthStatus::Warning);
        assert_eq!(
            checks
                .iter()
                .find(|c| c.name == "maxmemory_policy")
                .unwrap()
                .status,
            HealthStatus::Warning
        );
    }

    #[test]
    fn failures_and_memory() {
        let (mut i, mut c) = maps(true, "3600 1", "noeviction");
        i.insert("aof_last_write_status".into(), "err".into());
        assert_eq!(overall(&run(&i, &c)), HealthStatus::Critical);
        i.insert("aof_last_write_status".into(), "ok".into());
        c.insert("maxmemory".into(), "1100000".into());
        let checks = run(&i, &c);
        assert_eq!(
            checks.iter().find(|c| c.name == "memory").unwrap().status,
            HealthStatus::Warning
        );
        i.insert("loading".into(), "1".into());
        i.insert("rdb_last_save_time".into(), "0".into());
        let checks = run(&i, &c);
        assert_eq!(
            checks.iter().find(|c| c.name == "loading").unwrap().status,
            HealthStatus::Warning
        );
        assert_eq!(
            checks
                .iter()
                .find(|c| c.name == "last_save_age")
                .unwrap()
                .status,
            HealthStatus::Ok,
            "1010 s < 2 h"
        );
        let checks = evaluate(&i, &c, None, 10_000, &HealthOptions::default());
        assert_eq!(
            checks
                .iter()
                .find(|c| c.name == "last_save_age")
                .unwrap()
                .status,
            HealthStatus::Warning
        );
        // Past the critical age (24 h by default) it is CRITICAL.
        let checks = evaluate(&i, &c, None, 100_000, &HealthOptions::default());
        assert_eq!(
            checks
                .iter()
                .find(|c| c.name == "last_save_age")
                .unwrap()
                .status,
            HealthStatus::Critical
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
            HealthStatus::Ok
        );
    }

    fn status_of(checks: &[HealthCheck], name: &str) -> (HealthStatus, serde_json::Value, String) {
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
        assert_eq!(st, HealthStatus::Warning);
        assert!(msg.contains("grows without bound"), "{msg}");
        let fix = &checks
            .iter()
            .find(|c| c.name == "auto_aof_rewrite_percentage")
            .unwrap()
            .fix;
        assert!(fix.contains("auto-aof-rewrite-percentage 100"), "{fix}");
        assert_eq!(overall(&checks), HealthStatus::Warning);
        // With AOF off the setting does not matter.
        let (i, mut c) = maps(false, "3600 1", "noeviction");
        c.insert("auto-aof-rewrite-percentage".into(), "0".into());
        let checks = run(&i, &c);
        assert_eq!(
            status_of(&checks, "auto_aof_rewrite_percentage").0,
            HealthStatus::Ok
        );
    }

    #[test]
    fn delayed_fsync_with_aof_off_is_ok() {
        // Redis reports aof_delayed_fsync only while AOF is on.
        let (mut i, c) = maps(false, "3600 1", "noeviction");
        i.remove("aof_delayed_fsync");
        let checks = run(&i, &c);
        let (st, _, msg) = status_of(&checks, "aof_delayed_fsync");
        assert_eq!((st, msg.as_str()), (HealthStatus::Ok, "AOF is off"));
        assert!(checks.iter().all(|c| c.status != HealthStatus::Unknown));
        // With AOF on, a missing field is still UNKNOWN.
        let (mut i, c) = maps(true, "3600 1", "noeviction");
        i.remove("aof_delayed_fsync");
        assert_eq!(
            status_of(&run(&i, &c), "aof_delayed_fsync").0,
            HealthStatus::Unknown
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
        assert_eq!(st, HealthStatus::Warning);
        assert_eq!(value, serde_json::json!(true));
        let (_, _, msg) = status_of(&checks, "loading");
        assert!(msg.starts_with("42.50% loaded, about 7 s left, "), "{msg}");
        let (st, _, msg) = status_of(&checks, "connection");
        assert_eq!(st, HealthStatus::Ok);
        assert!(msg.contains("LOADING"), "{msg}");
        assert_eq!(overall(&checks), HealthStatus::Warning);
        assert_eq!(overall(&checks).code(), exit::HEALTH_WARNING);
    }

    #[test]
    fn values_are_numbers_with_units() {
        let (i, mut c) = maps(true, "3600 1", "noeviction");
        let checks = run(&i, &c);
        let get =
            |checks: &[HealthCheck], n: &str| checks.iter().find(|c| c.name == n).unwrap().clone();
        let conn = get(&checks, "connection");
        assert_eq!((conn.value.as_f64(), conn.unit), (Some(1.0), Some("ms")));
        assert_eq!(conn.value_text(), "1.0 ms");
        let age = get(&checks, "last_save_age");
        assert_eq!((age.value.as_u64(), age.unit), (Some(10_000), Some("ms")));
        assert_eq!(
            get(&checks, "rdb_changes_since_last_save").value,
            serde_json::json!(5)
        );
        assert_eq!(
            get(&checks, "aof_delayed_fsync").value,
            serde_json::json!(0)
        );
        let pct = get(&checks, "auto_aof_rewrite_percentage");
        assert_eq!((pct.value.as_u64(), pct.unit), (Some(100), Some("percent")));
        let mem = get(&checks, "memory");
        assert_eq!(
            (mem.value.as_u64(), mem.unit),
            (Some(1_000_000), Some("bytes"))
        );
        assert_eq!(mem.value_text(), "976.6 KiB");
        c.insert("maxmemory".into(), "2000000".into());
        let mem = get(&run(&i, &c), "memory");
        assert_eq!(
            (mem.value.as_f64(), mem.unit),
            (Some(50.0), Some("percent"))
        );
        assert_eq!(get(&checks, "loading").value, serde_json::json!(false));
        // A field the server did not report is null, never an empty string.
        let mut i2 = i.clone();
        i2.remove("aof_delayed_fsync");
        assert!(get(&run(&i2, &c), "aof_delayed_fsync").value.is_null());
        let json = serde_json::to_value(get(&checks, "connection")).unwrap();
        assert!(json["value"].is_number(), "{json}");
    }

    #[test]
    fn exit_codes_and_order() {
        assert_eq!(
            [
                HealthStatus::Ok,
                HealthStatus::Warning,
                HealthStatus::Critical,
                HealthStatus::Unknown
            ]
            .map(|s| s.code()),
            [
                exit::HEALTH_OK,
                exit::HEALTH_WARNING,
                exit::HEALTH_CRITICAL,
                exit::HEALTH_UNKNOWN
            ]
        );
        assert_eq!(
            HealthStatus::Warning.worst(HealthStatus::Unknown),
            HealthStatus::Warning
        );
        assert_eq!(
            HealthStatus::Ok.worst(HealthStatus::Unknown),
            HealthStatus::Unknown
        );
        assert_eq!(
            HealthStatus::Critical.worst(HealthStatus::Warning),
            HealthStatus::Critical
        );
    }
}
