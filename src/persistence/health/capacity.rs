//! The memory forecast of `redis health`: when will used memory, at its recent rate of growth,
//! reach `maxmemory` (or the machine's memory when there is none)?
//!
//! **History.** Redis keeps no history of its memory use, so tartarus keeps a small one: every
//! `redis health` run and every `tartarus metrics --textfile` run appends a sample
//! `<unix ms> <used_memory> <used_memory_dataset>` to a capped list in the cell
//! ([`crate::store::keys::Keys::memory_samples`], newest first, at most [`MAX_SAMPLES`]: about
//! 40 KiB). Monitoring that runs `redis health` every few minutes is what keeps it fresh.
//!
//! **Rate.** The least-squares slope of `used_memory_dataset` (the data itself: client buffers,
//! which come and go, are left out) over the samples of the last `window` (6 h by default),
//! once they span at least `min_span` (10 minutes), so that two runs a second apart cannot
//! extrapolate a blip. The forecast is `(limit − used_memory) / slope`.
//!
//! **Limits.** It is a straight line: a daily cycle, a one-off bulk submit or a retention
//! cleanup bends it, and the window decides how fast it forgets them. Samples come only from
//! the runs that take them, so no runs means no forecast ("not enough history"). A read-only
//! user cannot append (the forecast then uses what others recorded, and says so). In a
//! container `total_system_memory` is the host's memory, not the container's limit: set
//! `maxmemory`. On a Redis Cluster the samples live on the master of the cell's slot.

use std::collections::BTreeMap;
use std::time::Duration;

use serde::Serialize;

use super::{row, HealthCheck, HealthOptions, HealthStatus};
use crate::persistence::admin::RedisAdmin;

/// How many samples the list keeps (a day at one per minute).
pub const MAX_SAMPLES: usize = 1440;

/// The fix the capacity warning names: the retention of finished runs.
pub const RETENTION_FIX: &str = "finished runs stay in Redis for the retention window: shorten it \
     (`tartarus scheduler run --retain-finished 2d`), or raise maxmemory / add memory";

/// One sample of the server's memory.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MemorySample {
    pub at_ms: i64,
    pub used: u64,
    pub dataset: u64,
}

impl MemorySample {
    /// From INFO memory: `used_memory` and `used_memory_dataset` (the used memory when the
    /// server does not report the dataset).
    pub fn from_info(info: &BTreeMap<String, String>, at_ms: i64) -> Option<MemorySample> {
        let int = |k: &str| info.get(k).and_then(|v| v.trim().parse::<u64>().ok());
        let used = int("used_memory")?;
        Some(MemorySample {
            at_ms,
            used,
            dataset: int("used_memory_dataset").unwrap_or(used),
        })
    }

    /// The stored form: `<unix ms> <used_memory> <used_memory_dataset>`.
    pub fn encode(&self) -> String {
        format!("{} {} {}", self.at_ms, self.used, self.dataset)
    }

    pub fn decode(text: &str) -> Option<MemorySample> {
        let mut it = text.split_ascii_whitespace();
        let s = MemorySample {
            at_ms: it.next()?.parse().ok()?,
            used: it.next()?.parse().ok()?,
            dataset: it.next()?.parse().ok()?,
        };
        it.next().is_none().then_some(s)
    }
}

/// What the forecast found (`forecast` in `redis health -o json`).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct MemoryForecast {
    /// Samples used (those of the window, this run's included).
    pub samples: usize,
    /// From the oldest to the newest of them.
    pub span_ms: u64,
    /// Least-squares growth of the dataset; null without enough history.
    pub growth_bytes_per_hour: Option<f64>,
    pub used_bytes: u64,
    /// `maxmemory`, or `total_system_memory` when maxmemory is 0; null when neither is known.
    pub limit_bytes: Option<u64>,
    /// `maxmemory` or `total_system_memory`.
    pub limit_source: Option<&'static str>,
    /// When used memory reaches the limit at this rate; null when it does not grow (or no
    /// forecast could be made).
    pub full_in_ms: Option<u64>,
    /// Whether this run's sample was stored (false for `--no-record` or a failed write).
    pub recorded: bool,
    /// Why the forecast is partial (the sample could not be stored, not enough history).
    pub note: Option<String>,
}

/// The limit memory runs into: `maxmemory`, else the machine's memory.
fn limit(
    info: &BTreeMap<String, String>,
    config: &BTreeMap<String, String>,
) -> (Option<u64>, Option<&'static str>) {
    let int = |v: Option<&String>| v.and_then(|s| s.trim().parse::<u64>().ok());
    match int(config.get("maxmemory")).or_else(|| int(info.get("maxmemory"))) {
        Some(m) if m > 0 => (Some(m), Some("maxmemory")),
        _ => match int(info.get("total_system_memory")) {
            Some(t) if t > 0 => (Some(t), Some("total_system_memory")),
            _ => (None, None),
        },
    }
}

/// Least-squares slope (bytes per ms) of the dataset over time.
fn slope(samples: &[MemorySample]) -> Option<f64> {
    let n = samples.len() as f64;
    if samples.len() < 2 {
        return None;
    }
    let t0 = samples.iter().map(|s| s.at_ms).min()?;
    let xs: Vec<f64> = samples.iter().map(|s| (s.at_ms - t0) as f64).collect();
    let ys: Vec<f64> = samples.iter().map(|s| s.dataset as f64).collect();
    let mx = xs.iter().sum::<f64>() / n;
    let my = ys.iter().sum::<f64>() / n;
    let sxx: f64 = xs.iter().map(|x| (x - mx) * (x - mx)).sum();
    if sxx == 0.0 {
        return None;
    }
    let sxy: f64 = xs.iter().zip(&ys).map(|(x, y)| (x - mx) * (y - my)).sum();
    Some(sxy / sxx)
}

/// The forecast from `history` (any order; this run's sample is `current`). Pure.
pub fn forecast(
    current: MemorySample,
    history: &[MemorySample],
    info: &BTreeMap<String, String>,
    config: &BTreeMap<String, String>,
    opts: &HealthOptions,
) -> MemoryForecast {
    let since = current.at_ms - opts.forecast_window.as_millis() as i64;
    let mut used: Vec<MemorySample> = history
        .iter()
        .copied()
        .filter(|s| s.at_ms >= since && s.at_ms < current.at_ms)
        .collect();
    used.push(current);
    let oldest = used.iter().map(|s| s.at_ms).min().unwrap_or(current.at_ms);
    let span_ms = (current.at_ms - oldest).max(0) as u64;
    let (limit_bytes, limit_source) = limit(info, config);
    let mut f = MemoryForecast {
        samples: used.len(),
        span_ms,
        used_bytes: current.used,
        limit_bytes,
        limit_source,
        ..Default::default()
    };
    if span_ms < opts.forecast_min_span.as_millis() as u64 {
        f.note = Some(format!(
            "not enough history yet: {} sample(s) over {}, a forecast needs {} \
             (each `redis health` run adds one)",
            used.len(),
            crate::model::units::format_duration(Duration::from_millis(span_ms)),
            crate::model::units::format_duration(opts.forecast_min_span)
        ));
        return f;
    }
    let Some(per_ms) = slope(&used) else {
        return f;
    };
    f.growth_bytes_per_hour = Some((per_ms * 3_600_000.0).round());
    if let (Some(limit), true) = (limit_bytes, per_ms > 0.0) {
        let room = limit.saturating_sub(current.used) as f64;
        f.full_in_ms = Some((room / per_ms).round().min(u64::MAX as f64) as u64);
    }
    f
}

fn human(ms: u64) -> String {
    crate::model::units::format_duration(Duration::from_millis(ms - ms % 60_000))
}

/// The `memory_forecast` row: WARNING (CRITICAL) when memory is full within the warning
/// (critical) horizon, naming the retention setting as the fix.
pub fn check(f: &MemoryForecast, opts: &HealthOptions) -> HealthCheck {
    const NAME: &str = "memory_forecast";
    let value = f.full_in_ms.map_or(serde_json::Value::Null, |ms| ms.into());
    let rate = f.growth_bytes_per_hour.map(|g| {
        let sign = if g < 0.0 { "-" } else { "" };
        format!(
            "{sign}{}/h over the last {} ({} samples)",
            crate::output::human_bytes(g.abs() as u64),
            crate::model::units::format_duration(Duration::from_millis(
                f.span_ms - f.span_ms % 1000
            )),
            f.samples
        )
    });
    let limit = match (f.limit_bytes, f.limit_source) {
        (Some(l), Some(src)) => format!("{src} ({})", crate::output::human_bytes(l)),
        _ => "its limit".into(),
    };
    let mut check = match (f.full_in_ms, &rate) {
        (_, None) => row(
            NAME,
            HealthStatus::Ok,
            value,
            f.note
                .clone()
                .unwrap_or_else(|| "no growth measured".into()),
            "",
        ),
        (None, Some(rate)) => row(
            NAME,
            HealthStatus::Ok,
            value,
            format!("used memory grows {rate}: not growing towards {limit}"),
            "",
        ),
        (Some(ms), Some(rate)) => {
            let message = format!(
                "used memory grows {rate}: at this rate it reaches {limit} in about {}",
                human(ms.max(60_000))
            );
            let within = |d: Option<Duration>| d.is_some_and(|d| ms <= d.as_millis() as u64);
            if within(opts.forecast_critical) {
                row(NAME, HealthStatus::Critical, value, message, RETENTION_FIX)
            } else if within(Some(opts.forecast_warning)) {
                row(NAME, HealthStatus::Warning, value, message, RETENTION_FIX)
            } else {
                row(NAME, HealthStatus::Ok, value, message, "")
            }
        }
    };
    if !f.recorded {
        if let Some(note) = &f.note {
            if rate.is_some() {
                check.message = format!("{}; {note}", check.message);
            }
        }
    }
    check.unit("ms")
}

/// Appends this run's sample (unless `record` is false) and reads the history back. Never
/// fails: what could not be done is said in the forecast's `note`.
pub async fn sample_and_forecast(
    admin: &RedisAdmin,
    key: &str,
    record: bool,
    info: &BTreeMap<String, String>,
    config: &BTreeMap<String, String>,
    opts: &HealthOptions,
    now_ms: i64,
) -> Option<MemoryForecast> {
    let current = MemorySample::from_info(info, now_ms)?;
    let mut problems = Vec::new();
    let mut recorded = false;
    if record {
        match admin.push_capped(key, &current.encode(), MAX_SAMPLES).await {
            Ok(()) => recorded = true,
            Err(e) => problems.push(format!("this run's sample was not stored ({e})")),
        }
    }
    let history: Vec<MemorySample> = match admin.list_head(key, MAX_SAMPLES).await {
        Ok(list) => list
            .iter()
            .filter_map(|s| MemorySample::decode(s))
            .collect(),
        Err(e) => {
            problems.push(format!("the samples could not be read ({e})"));
            Vec::new()
        }
    };
    let mut f = forecast(current, &history, info, config, opts);
    f.recorded = recorded;
    if !problems.is_empty() {
        let joined = problems.join("; ");
        f.note = Some(match f.note.take() {
            Some(n) => format!("{n}; {joined}"),
            None => joined,
        });
    }
    Some(f)
}

/// Appends one sample, for the other runs that take them (`metrics --textfile`).
pub async fn record_sample(
    admin: &RedisAdmin,
    key: &str,
    info: &BTreeMap<String, String>,
    now_ms: i64,
) -> crate::persistence::Result<()> {
    match MemorySample::from_info(info, now_ms) {
        Some(s) => admin.push_capped(key, &s.encode(), MAX_SAMPLES).await,
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn maps(maxmemory: u64, total: u64) -> (BTreeMap<String, String>, BTreeMap<String, String>) {
        let info = BTreeMap::from([("total_system_memory".to_string(), total.to_string())]);
        let config = BTreeMap::from([("maxmemory".to_string(), maxmemory.to_string())]);
        (info, config)
    }

    fn s(at_s: i64, mb: u64) -> MemorySample {
        MemorySample {
            at_ms: at_s * 1000,
            used: mb << 20,
            dataset: mb << 20,
        }
    }

    #[test]
    fn samples_round_trip() {
        let x = s(5, 7);
        assert_eq!(MemorySample::decode(&x.encode()), Some(x));
        for bad in ["", "1 2", "1 2 3 4", "a 2 3", "1 -2 3"] {
            assert_eq!(MemorySample::decode(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_steady_growth_is_extrapolated_to_the_limit() {
        let opts = HealthOptions::default();
        // 100 MiB/h for 3 h, 1 GiB maxmemory, at 400 MiB now: 624 MiB left, 6.24 h.
        let history: Vec<_> = (0..4).map(|h| s(h * 3600, 100 + 100 * h as u64)).collect();
        let current = s(3 * 3600, 400);
        let (info, config) = maps(1 << 30, 64 << 30);
        let f = forecast(current, &history, &info, &config, &opts);
        assert_eq!(f.limit_source, Some("maxmemory"));
        assert_eq!(f.growth_bytes_per_hour, Some((100u64 << 20) as f64));
        let hours = f.full_in_ms.unwrap() as f64 / 3_600_000.0;
        assert!((hours - 6.24).abs() < 0.01, "{hours}");
        let c = check(&f, &opts);
        assert_eq!(c.status, HealthStatus::Warning);
        assert!(
            c.message
                .contains("reaches maxmemory (1.0 GiB) in about 6h"),
            "{}",
            c.message
        );
        assert!(c.fix.contains("--retain-finished"), "{}", c.fix);
        // With no maxmemory the machine's memory is the limit: 64 GiB is far away.
        let (info, config) = maps(0, 64 << 30);
        let f = forecast(current, &history, &info, &config, &opts);
        assert_eq!(f.limit_source, Some("total_system_memory"));
        assert_eq!(check(&f, &opts).status, HealthStatus::Ok);
        // A critical horizon.
        let (info, config) = maps(1 << 30, 0);
        let crit = HealthOptions {
            forecast_critical: Some(Duration::from_secs(8 * 3600)),
            ..HealthOptions::default()
        };
        let f = forecast(current, &history, &info, &config, &crit);
        assert_eq!(check(&f, &crit).status, HealthStatus::Critical);
    }

    #[test]
    fn too_little_history_or_shrinking_memory_is_ok() {
        let opts = HealthOptions::default();
        let (info, config) = maps(1 << 30, 0);
        // Two samples a minute apart: a blip is not a trend.
        let f = forecast(s(60, 900), &[s(0, 100)], &info, &config, &opts);
        assert_eq!(f.full_in_ms, None);
        assert!(f.note.as_deref().unwrap().contains("not enough history"));
        assert_eq!(check(&f, &opts).status, HealthStatus::Ok);
        // Shrinking (retention at work).
        let f = forecast(
            s(7200, 100),
            &[s(0, 500), s(3600, 300)],
            &info,
            &config,
            &opts,
        );
        assert!(f.growth_bytes_per_hour.unwrap() < 0.0);
        assert_eq!(f.full_in_ms, None);
        let c = check(&f, &opts);
        assert_eq!(c.status, HealthStatus::Ok);
        assert!(c.message.contains("not growing"), "{}", c.message);
        // Samples older than the window are left out.
        let f = forecast(s(100_000, 100), &[s(0, 1)], &info, &config, &opts);
        assert_eq!(f.samples, 1);
    }
}
