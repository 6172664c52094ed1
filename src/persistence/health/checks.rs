//! The `redis health` checks, one function each, all pure functions of the server's INFO and CONFIG.

use std::collections::BTreeMap;
use std::time::Duration;

use serde_json::Value;

use super::{missing, row, HealthCheck, HealthOptions, HealthStatus, APPLY};

/// What the checks read: INFO fields, CONFIG values, the PING round trip and the time.
pub(super) struct Facts<'a> {
    pub info: &'a BTreeMap<String, String>,
    pub config: &'a BTreeMap<String, String>,
    pub latency: Option<Duration>,
    pub now_unix: i64,
    /// `used_memory` samples the schedulers recorded: `(unix ms, bytes)`, any order.
    pub memory_history: &'a [(i64, u64)],
}

impl Facts<'_> {
    fn get(&self, k: &str) -> Option<&str> {
        self.info.get(k).map(|s| s.trim())
    }
    fn int(&self, k: &str) -> Option<i64> {
        self.get(k).and_then(|s| s.parse::<i64>().ok())
    }
    fn cfg(&self, k: &str) -> Option<&str> {
        self.config.get(k).map(|s| s.trim())
    }
    /// True while the server loads its dataset.
    fn loading(&self) -> Option<bool> {
        self.get("loading").map(|v| v != "0")
    }
    /// AOF on or off, from INFO or else CONFIG.
    fn aof_on(&self) -> Option<bool> {
        match self.get("aof_enabled").or(self.cfg("appendonly")) {
            Some("1") | Some("yes") => Some(true),
            Some("0") | Some("no") => Some(false),
            _ => None,
        }
    }
    /// RDB snapshots configured (`save` not empty).
    fn snapshots_on(&self) -> Option<bool> {
        self.cfg("save").map(|s| !s.is_empty())
    }
}

/// A check: one row of the report.
pub(super) type Check = fn(&Facts<'_>, &HealthOptions) -> HealthCheck;

/// Every check, in the order of the report.
pub(super) const ALL: &[Check] = &[
    connection,
    redis_version,
    role,
    appendonly,
    appendfsync,
    aof_last_write_status,
    aof_rewrite,
    auto_aof_rewrite_percentage,
    aof_delayed_fsync,
    rdb_last_bgsave_status,
    last_save_age,
    rdb_changes_since_last_save,
    save_rules,
    maxmemory_policy,
    memory,
    memory_growth,
    loading,
];

fn connection(f: &Facts<'_>, opts: &HealthOptions) -> HealthCheck {
    // Milliseconds with the fraction kept (a loopback round trip is a tenth of one).
    let ms = |l: Duration| (l.as_secs_f64() * 1e6).round() / 1e3;
    let check = match f.latency {
        // While loading, PING answers -LOADING: reachable, and the `loading` row says the rest.
        Some(l) if f.loading() == Some(true) => row(
            "connection",
            HealthStatus::Ok,
            ms(l),
            "reachable (PING answers LOADING while the dataset loads)",
            "",
        ),
        Some(l) if l > opts.latency_warning => row(
            "connection",
            HealthStatus::Warning,
            ms(l),
            "slow round trip",
            "check network / server load",
        ),
        Some(l) => row("connection", HealthStatus::Ok, ms(l), "PING answered", ""),
        None => row(
            "connection",
            HealthStatus::Unknown,
            Value::Null,
            "no round trip measured",
            "",
        ),
    };
    check.unit("ms")
}

fn redis_version(f: &Facts<'_>, _: &HealthOptions) -> HealthCheck {
    let Some(v) = f.get("redis_version") else {
        return missing("redis_version", "redis_version");
    };
    let major = v
        .split('.')
        .next()
        .and_then(|m| m.parse::<u32>().ok())
        .unwrap_or(0);
    if major >= 7 {
        row("redis_version", HealthStatus::Ok, v, "", "")
    } else {
        row(
            "redis_version",
            HealthStatus::Warning,
            v,
            "Redis < 7: single-file AOF, restore of AOF-dir backups needs Redis 7",
            "upgrade to Redis 7+",
        )
    }
}

fn role(f: &Facts<'_>, _: &HealthOptions) -> HealthCheck {
    match f.get("role") {
        Some("master") => {
            let n = f.int("connected_slaves").unwrap_or(0);
            row(
                "role",
                HealthStatus::Ok,
                "master",
                if n == 0 {
                    "no replicas: the data lives on this host only".to_string()
                } else {
                    format!("{n} replica(s)")
                },
                "",
            )
        }
        Some(r @ ("slave" | "replica")) => {
            let link = f.get("master_link_status").unwrap_or("unknown");
            if link == "up" {
                row(
                    "role",
                    HealthStatus::Warning,
                    r,
                    "this is a read-only replica (master link up); the control plane must write to the master",
                    "point REDIS_ADDR at the master",
                )
            } else {
                row(
                    "role",
                    HealthStatus::Critical,
                    r,
                    format!("replica with its master link {link}"),
                    "check the master and replication",
                )
            }
        }
        Some(other) => row("role", HealthStatus::Unknown, other, "unknown role", ""),
        None => missing("role", "role"),
    }
}

/// `appendonly`, and "no persistence at all".
fn appendonly(f: &Facts<'_>, _: &HealthOptions) -> HealthCheck {
    match (f.aof_on(), f.snapshots_on()) {
        (Some(true), _) => row("appendonly", HealthStatus::Ok, "yes", "", ""),
        (Some(false), Some(false)) => row(
            "appendonly",
            HealthStatus::Critical,
            "no",
            "no persistence at all: appendonly no and save \"\" — a restart loses every queue and run",
            APPLY,
        ),
        (Some(false), _) => row(
            "appendonly",
            HealthStatus::Warning,
            "no",
            "only RDB snapshots: a crash loses writes since the last snapshot",
            APPLY,
        ),
        (None, _) => missing("appendonly", "aof_enabled / appendonly"),
    }
}

fn appendfsync(f: &Facts<'_>, _: &HealthOptions) -> HealthCheck {
    match (f.aof_on(), f.cfg("appendfsync")) {
        (Some(false), v) => row(
            "appendfsync",
            HealthStatus::Ok,
            v.unwrap_or(""),
            "AOF is off",
            "",
        ),
        (_, Some(v @ ("always" | "everysec"))) => row("appendfsync", HealthStatus::Ok, v, "", ""),
        (_, Some(v)) => row(
            "appendfsync",
            HealthStatus::Warning,
            v,
            "fsync left to the OS: up to ~30 s of writes can be lost",
            "CONFIG SET appendfsync everysec",
        ),
        (_, None) => missing("appendfsync", "appendfsync"),
    }
}

fn aof_last_write_status(f: &Facts<'_>, _: &HealthOptions) -> HealthCheck {
    match f.get("aof_last_write_status") {
        Some("ok") => row("aof_last_write_status", HealthStatus::Ok, "ok", "", ""),
        Some(v) => row(
            "aof_last_write_status",
            HealthStatus::Critical,
            v,
            "the last AOF write failed: Redis refuses writes",
            "check disk space/permissions of the data dir; see the Redis log",
        ),
        None => missing("aof_last_write_status", "aof_last_write_status"),
    }
}

fn aof_rewrite(f: &Facts<'_>, _: &HealthOptions) -> HealthCheck {
    let failures = f.int("aof_rewrites_consecutive_failures").unwrap_or(0);
    match f.get("aof_last_bgrewrite_status") {
        Some("ok") if failures == 0 => row("aof_rewrite", HealthStatus::Ok, "ok", "", ""),
        Some(v) => {
            let status = if failures >= 3 {
                HealthStatus::Critical
            } else {
                HealthStatus::Warning
            };
            row(
                "aof_rewrite",
                status,
                v,
                format!("AOF rewrites fail ({failures} in a row): the AOF keeps growing"),
                "check disk space and the Redis log",
            )
        }
        None => missing("aof_rewrite", "aof_last_bgrewrite_status"),
    }
}

/// `auto-aof-rewrite-percentage`: 0 turns automatic rewrites off.
fn auto_aof_rewrite_percentage(f: &Facts<'_>, _: &HealthOptions) -> HealthCheck {
    const NAME: &str = "auto_aof_rewrite_percentage";
    let pct = f
        .cfg("auto-aof-rewrite-percentage")
        .and_then(|v| v.parse::<u64>().ok());
    let check = match (f.aof_on(), pct) {
        (Some(false), v) => row(NAME, HealthStatus::Ok, v, "AOF is off", ""),
        (_, Some(0)) => row(
            NAME,
            HealthStatus::Warning,
            0,
            "automatic AOF rewrites are off: the AOF grows without bound (disk, restart time); \
             earlier tartarus builds left it so when `backup create --method file` was killed",
            "CONFIG SET auto-aof-rewrite-percentage 100, then CONFIG REWRITE (or fix redis.conf)",
        ),
        (_, Some(v)) => row(NAME, HealthStatus::Ok, v, "", ""),
        (_, None) => missing(NAME, "auto-aof-rewrite-percentage"),
    };
    check.unit("percent")
}

/// `aof_delayed_fsync` (only reported while AOF is on).
fn aof_delayed_fsync(f: &Facts<'_>, _: &HealthOptions) -> HealthCheck {
    match (f.aof_on(), f.int("aof_delayed_fsync")) {
        (Some(false), _) => row(
            "aof_delayed_fsync",
            HealthStatus::Ok,
            Value::Null,
            "AOF is off",
            "",
        ),
        (_, Some(0)) => row("aof_delayed_fsync", HealthStatus::Ok, 0, "", ""),
        (_, Some(n)) => row(
            "aof_delayed_fsync",
            HealthStatus::Warning,
            n,
            "fsync could not keep up with writes (disk too slow)",
            "use a faster disk or check I/O contention",
        ),
        (_, None) => missing("aof_delayed_fsync", "aof_delayed_fsync"),
    }
}

fn rdb_last_bgsave_status(f: &Facts<'_>, _: &HealthOptions) -> HealthCheck {
    match f.get("rdb_last_bgsave_status") {
        Some("ok") => row("rdb_last_bgsave_status", HealthStatus::Ok, "ok", "", ""),
        Some(v) => row(
            "rdb_last_bgsave_status",
            HealthStatus::Critical,
            v,
            "the last BGSAVE failed (Redis may refuse writes)",
            "check disk space/permissions of the data dir; see the Redis log",
        ),
        None => missing("rdb_last_bgsave_status", "rdb_last_bgsave_status"),
    }
}

fn last_save_age(f: &Facts<'_>, opts: &HealthOptions) -> HealthCheck {
    let Some(t) = f.int("rdb_last_save_time") else {
        return missing("last_save_age", "rdb_last_save_time");
    };
    let age = (f.now_unix - t).max(0) as u64;
    let value = age.saturating_mul(1000);
    let check = if f.snapshots_on() == Some(false) {
        row(
            "last_save_age",
            HealthStatus::Ok,
            value,
            "RDB snapshots are disabled",
            "",
        )
    } else if age > opts.max_save_age.as_secs()
        && f.int("rdb_changes_since_last_save").unwrap_or(1) > 0
    {
        row(
            "last_save_age",
            HealthStatus::Warning,
            value,
            format!(
                "older than {}",
                crate::model::units::format_duration(opts.max_save_age)
            ),
            "check the save rules and BGSAVE errors in the Redis log",
        )
    } else {
        row("last_save_age", HealthStatus::Ok, value, "", "")
    };
    check.unit("ms")
}

fn rdb_changes_since_last_save(f: &Facts<'_>, opts: &HealthOptions) -> HealthCheck {
    const NAME: &str = "rdb_changes_since_last_save";
    match f.int("rdb_changes_since_last_save") {
        Some(n) if f.aof_on() != Some(true) && n as u64 > opts.max_changes_since_save => row(
            NAME,
            HealthStatus::Warning,
            n,
            "many writes not yet on disk and AOF is off",
            APPLY,
        ),
        Some(n) => row(NAME, HealthStatus::Ok, n, "", ""),
        None => missing(NAME, "rdb_changes_since_last_save"),
    }
}

fn save_rules(f: &Facts<'_>, _: &HealthOptions) -> HealthCheck {
    match (f.cfg("save"), f.aof_on()) {
        (Some(""), Some(false)) => row(
            "save",
            HealthStatus::Critical,
            "",
            "no snapshots and no AOF",
            APPLY,
        ),
        (Some(""), _) => row(
            "save",
            HealthStatus::Warning,
            "",
            "no RDB snapshots: backups and fast restarts rely on the AOF only",
            APPLY,
        ),
        (Some(s), _) => row("save", HealthStatus::Ok, s, "", ""),
        (None, _) => missing("save", "save"),
    }
}

fn maxmemory_policy(f: &Facts<'_>, _: &HealthOptions) -> HealthCheck {
    match f.cfg("maxmemory-policy") {
        Some("noeviction") => row("maxmemory_policy", HealthStatus::Ok, "noeviction", "", ""),
        Some(p) => row(
            "maxmemory_policy",
            HealthStatus::Warning,
            p,
            "eviction can silently drop queue and run keys",
            "CONFIG SET maxmemory-policy noeviction",
        ),
        None => missing("maxmemory_policy", "maxmemory-policy"),
    }
}

/// Memory headroom against `maxmemory`.
fn memory(f: &Facts<'_>, opts: &HealthOptions) -> HealthCheck {
    let used = f.int("used_memory");
    let max = f
        .cfg("maxmemory")
        .and_then(|s| s.parse::<i64>().ok())
        .or_else(|| f.int("maxmemory"));
    match (used, max) {
        (Some(u), Some(0)) => row(
            "memory",
            HealthStatus::Ok,
            u,
            "used; no maxmemory: the OS is the limit",
            "",
        )
        .unit("bytes"),
        (Some(u), Some(m)) => {
            let pct = u as f64 * 100.0 / m as f64;
            let value = (pct * 10.0).round() / 10.0;
            let of = format!(
                "of maxmemory {}",
                crate::output::human_bytes(m.max(0) as u64)
            );
            if pct >= opts.memory_critical_pct {
                row(
                    "memory",
                    HealthStatus::Critical,
                    value,
                    format!("{of}: almost out of memory, writes will fail (noeviction) or keys get evicted"),
                    "raise maxmemory or remove data",
                )
            } else if pct >= opts.memory_warning_pct {
                row(
                    "memory",
                    HealthStatus::Warning,
                    value,
                    format!("{of}: little memory headroom"),
                    "raise maxmemory or remove data",
                )
            } else {
                row("memory", HealthStatus::Ok, value, of, "")
            }
            .unit("percent")
        }
        _ => missing("memory", "used_memory / maxmemory"),
    }
}

/// Shortest span of samples a growth rate is read from (a shorter one is noise).
const MIN_GROWTH_SPAN_MS: i64 = 5 * 60 * 1000;

/// What to do about memory that grows: finished runs are what accumulates.
const GROWTH_FIX: &str =
    "shorten the retention of finished runs (`tartarus scheduler run --retain-finished 1d`, \
     with `--archive-dir DIR` to keep them on disk), or raise maxmemory";

/// The capacity forecast: at the rate `used_memory` grew over the recorded samples (the last hour
/// or so), when it reaches `maxmemory`, or the machine's memory when there is none.
fn memory_growth(f: &Facts<'_>, opts: &HealthOptions) -> HealthCheck {
    let Some(used) = f.int("used_memory").map(|u| u.max(0) as u64) else {
        return missing("memory_growth", "used_memory");
    };
    let maxmemory = f
        .cfg("maxmemory")
        .and_then(|s| s.parse::<u64>().ok())
        .or_else(|| f.int("maxmemory").map(|m| m.max(0) as u64))
        .unwrap_or(0);
    let limit = match (maxmemory, f.int("total_system_memory")) {
        (m, _) if m > 0 => Some((m, "maxmemory")),
        (_, Some(total)) if total > 0 => {
            Some((total as u64, "the machine's memory (no maxmemory)"))
        }
        _ => None,
    };
    let now_ms = f.now_unix.saturating_mul(1000);
    let Some(&(since, then)) = f
        .memory_history
        .iter()
        .filter(|(at, _)| *at <= now_ms)
        .min_by_key(|(at, _)| *at)
    else {
        return row(
            "memory_growth",
            HealthStatus::Ok,
            serde_json::Value::Null,
            "no growth history yet (a running scheduler samples used memory once a minute)",
            "",
        );
    };
    let span_ms = now_ms - since;
    if span_ms < MIN_GROWTH_SPAN_MS {
        return row(
            "memory_growth",
            HealthStatus::Ok,
            serde_json::Value::Null,
            format!(
                "{} s of growth history: too short to forecast (5 min needed)",
                span_ms / 1000
            ),
            "",
        );
    }
    let per_hour = (used as f64 - then as f64) * 3_600_000.0 / span_ms as f64;
    let rate = format!(
        "{}/h over the last {} min",
        crate::output::human_bytes(per_hour.abs() as u64),
        span_ms / 60_000
    );
    if per_hour <= 0.0 {
        return row(
            "memory_growth",
            HealthStatus::Ok,
            serde_json::Value::Null,
            format!("not growing ({rate} less)"),
            "",
        )
        .unit("hours");
    }
    let Some((limit, limit_name)) = limit else {
        return row(
            "memory_growth",
            HealthStatus::Ok,
            serde_json::Value::Null,
            format!("growing {rate}; no maxmemory and the machine's memory is not reported"),
            "set maxmemory",
        );
    };
    let hours = limit.saturating_sub(used) as f64 / per_hour;
    let value = (hours * 10.0).round() / 10.0;
    let reach = format!(
        "growing {rate}: reaches {limit_name} ({}) in about {value} h",
        crate::output::human_bytes(limit)
    );
    let horizon_h = opts.memory_growth_horizon.as_secs_f64() / 3600.0;
    if hours < horizon_h {
        row(
            "memory_growth",
            HealthStatus::Warning,
            value,
            reach,
            GROWTH_FIX,
        )
    } else {
        row("memory_growth", HealthStatus::Ok, value, reach, "")
    }
    .unit("hours")
}

fn loading(f: &Facts<'_>, _: &HealthOptions) -> HealthCheck {
    match f.loading() {
        Some(false) => row("loading", HealthStatus::Ok, false, "", ""),
        Some(true) => {
            let mut progress = String::new();
            if let Some(p) = f.get("loading_loaded_perc") {
                progress.push_str(&format!("{p}% loaded, "));
            }
            if let Some(eta) = f.int("loading_eta_seconds") {
                progress.push_str(&format!("about {eta} s left, "));
            }
            row(
                "loading",
                HealthStatus::Warning,
                true,
                format!(
                    "{progress}the server is loading its dataset and refuses most commands \
                     (tartarus cannot run or schedule) until it is done"
                ),
                "wait for loading to finish; check again",
            )
        }
        None => missing("loading", "loading"),
    }
}
