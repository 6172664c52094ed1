//! `redis health --warning` / `--critical`: `NAME=VALUE` thresholds (comma-separated or
//! repeated) applied to [`HealthOptions`]. A bad one is an error the command turns into UNKNOWN
//! (exit 3), never a usage error (2 would read as CRITICAL).

use std::time::Duration;

use super::HealthOptions;

/// The thresholds that can be set, with what their value is.
pub const NAMES: &[(&str, &str)] = &[
    (
        "last_save_age",
        "a duration (2h): the last successful RDB save is older",
    ),
    (
        "memory",
        "a percent of maxmemory (80 or 80%): used memory is above it",
    ),
    (
        "latency",
        "a duration (100ms): the PING round trip is slower",
    ),
    (
        "memory_full_in",
        "a duration (24h): at its recent growth, memory is full sooner",
    ),
];

/// Which of the two levels a threshold sets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    Warning,
    Critical,
}

fn duration(name: &str, v: &str) -> Result<Duration, String> {
    crate::model::units::parse_duration(v).map_err(|e| format!("{name}={v}: {e}"))
}

/// Applies `NAME=VALUE[,NAME=VALUE…]` at `level`.
pub fn apply(opts: &mut HealthOptions, level: Level, spec: &str) -> Result<(), String> {
    for item in spec.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        let (name, value) = item
            .split_once('=')
            .ok_or_else(|| format!("{item:?}: expected NAME=VALUE (names: {})", names()))?;
        let (name, value) = (name.trim(), value.trim());
        match (name, level) {
            ("last_save_age", Level::Warning) => opts.max_save_age = duration(name, value)?,
            ("last_save_age", Level::Critical) => {
                opts.max_save_age_critical = Some(duration(name, value)?)
            }
            ("latency", Level::Warning) => opts.latency_warning = duration(name, value)?,
            ("latency", Level::Critical) => opts.latency_critical = Some(duration(name, value)?),
            ("memory_full_in", Level::Warning) => opts.forecast_warning = duration(name, value)?,
            ("memory_full_in", Level::Critical) => {
                opts.forecast_critical = Some(duration(name, value)?)
            }
            ("memory", level) => {
                let pct = value
                    .trim_end_matches('%')
                    .parse::<f64>()
                    .ok()
                    .filter(|p| (0.0..=100.0).contains(p))
                    .ok_or_else(|| format!("memory={value}: expected a percent from 0 to 100"))?;
                match level {
                    Level::Warning => opts.memory_warning_pct = pct,
                    Level::Critical => opts.memory_critical_pct = pct,
                }
            }
            _ => return Err(format!("{name:?}: no such threshold (names: {})", names())),
        }
    }
    Ok(())
}

fn names() -> String {
    NAMES.iter().map(|(n, _)| *n).collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thresholds_apply_and_bad_ones_say_why() {
        let mut o = HealthOptions::default();
        apply(&mut o, Level::Warning, "last_save_age=1h, memory=70%").unwrap();
        apply(
            &mut o,
            Level::Critical,
            "memory=90,memory_full_in=2h,latency=1s",
        )
        .unwrap();
        assert_eq!(o.max_save_age, Duration::from_secs(3600));
        assert_eq!((o.memory_warning_pct, o.memory_critical_pct), (70.0, 90.0));
        assert_eq!(o.forecast_critical, Some(Duration::from_secs(7200)));
        assert_eq!(o.latency_critical, Some(Duration::from_secs(1)));
        for bad in ["nope=1", "memory=120", "last_save_age=soon", "memory"] {
            let e = apply(&mut o, Level::Warning, bad).unwrap_err();
            assert!(!e.is_empty(), "{bad}");
        }
        assert!(apply(&mut o, Level::Warning, "nope=1")
            .unwrap_err()
            .contains("last_save_age"));
    }
}
