//! The monitoring-plugin line of `redis health` (Nagios, Icinga, Sensu, Zabbix's plugin item):
//! `REDIS <STATUS> - <summary> | <perfdata>`, with perfdata in the plugin guidelines' syntax
//! `'label'=value[UOM];[warn];[crit];[min];[max]`.
//!
//! Units are the guidelines' (`s`, `ms`, `%`, `B`, `c`, or none for a plain number). A threshold
//! is a guidelines range: `7200` alerts above 7200; `86400:` alerts below 86400 (the time until
//! memory is full). A value that could not be measured is `U`.

use std::collections::BTreeMap;

use serde::Serialize;

use super::capacity::MemoryForecast;
use super::{HealthCheck, HealthOptions, HealthReport, HealthStatus};

/// One figure of the perfdata (in JSON too: numbers are numbers, a missing value null).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Perfdata {
    pub label: &'static str,
    /// Null when it could not be measured (`U` in the plugin line).
    pub value: Option<f64>,
    /// `s`, `ms`, `%`, `B`, `c`, or empty.
    pub uom: &'static str,
    /// Guidelines ranges (`7200`, `86400:`); null when there is none.
    pub warn: Option<String>,
    pub crit: Option<String>,
    pub min: Option<f64>,
    pub max: Option<f64>,
}

impl Perfdata {
    fn new(label: &'static str, value: Option<f64>, uom: &'static str) -> Self {
        Perfdata {
            label,
            value,
            uom,
            warn: None,
            crit: None,
            min: None,
            max: None,
        }
    }
    fn warn(mut self, w: Option<f64>) -> Self {
        self.warn = w.map(number);
        self
    }
    fn crit(mut self, c: Option<f64>) -> Self {
        self.crit = c.map(number);
        self
    }
    fn min(mut self, m: f64) -> Self {
        self.min = Some(m);
        self
    }
    fn max(mut self, m: Option<f64>) -> Self {
        self.max = m;
        self
    }

    /// `label=value[UOM];[warn];[crit];[min];[max]`, trailing empty fields left out.
    pub fn render(&self) -> String {
        let value = match self.value {
            Some(v) => format!("{}{}", number(v), self.uom),
            None => "U".to_string(),
        };
        let mut fields = vec![
            self.warn.clone().unwrap_or_default(),
            self.crit.clone().unwrap_or_default(),
            self.min.map(number).unwrap_or_default(),
            self.max.map(number).unwrap_or_default(),
        ];
        while fields.last().is_some_and(String::is_empty) {
            fields.pop();
        }
        let mut out = format!("{}={value}", quote(self.label));
        for f in fields {
            out.push(';');
            out.push_str(&f);
        }
        out
    }
}

/// A label, quoted when it holds anything but `[A-Za-z0-9_.-]`.
fn quote(label: &str) -> String {
    if label
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-'))
    {
        label.to_string()
    } else {
        format!("'{}'", label.replace('\'', "''"))
    }
}

/// A number in `[-0-9.]` only (no exponent), at most 3 decimals.
fn number(v: f64) -> String {
    if !v.is_finite() {
        return "0".into();
    }
    let rounded = (v * 1000.0).round() / 1000.0;
    let mut s = format!("{rounded:.3}");
    while s.ends_with('0') {
        s.pop();
    }
    if s.ends_with('.') {
        s.pop();
    }
    if s == "-0" {
        s = "0".into();
    }
    s
}

/// The figures: save age, unsaved changes, AOF, latency, memory and its forecast.
pub fn perfdata(
    info: &BTreeMap<String, String>,
    config: &BTreeMap<String, String>,
    checks: &[HealthCheck],
    forecast: Option<&MemoryForecast>,
    opts: &HealthOptions,
) -> Vec<Perfdata> {
    let int = |k: &str| info.get(k).and_then(|v| v.trim().parse::<f64>().ok());
    let value_of = |name: &str| {
        checks
            .iter()
            .find(|c| c.name == name)
            .and_then(|c| c.value.as_f64())
    };
    let secs = |d: std::time::Duration| d.as_secs_f64();
    let mut out = vec![
        Perfdata::new(
            "last_save_age",
            value_of("last_save_age").map(|ms| ms / 1000.0),
            "s",
        )
        .warn(Some(secs(opts.max_save_age)))
        .crit(opts.max_save_age_critical.map(secs))
        .min(0.0),
        Perfdata::new(
            "rdb_changes_since_last_save",
            int("rdb_changes_since_last_save"),
            "",
        )
        .min(0.0),
        Perfdata::new(
            "aof_rewrite_failures",
            int("aof_rewrites_consecutive_failures"),
            "",
        )
        .warn(Some(1.0))
        .crit(Some(3.0))
        .min(0.0),
        Perfdata::new("aof_delayed_fsync", int("aof_delayed_fsync"), "c").min(0.0),
        Perfdata::new(
            "connection_rtt",
            checks
                .iter()
                .find(|c| c.name == "connection")
                .and_then(|c| c.value.as_f64()),
            "ms",
        )
        .warn(Some(opts.latency_warning.as_secs_f64() * 1000.0))
        .crit(opts.latency_critical.map(|d| d.as_secs_f64() * 1000.0))
        .min(0.0),
    ];
    let maxmemory = config
        .get("maxmemory")
        .and_then(|v| v.trim().parse::<f64>().ok())
        .filter(|m| *m > 0.0);
    let used = int("used_memory");
    let pct = |p: f64| maxmemory.map(|m| (m * p / 100.0).round());
    out.push(
        Perfdata::new("used_memory", used, "B")
            .warn(pct(opts.memory_warning_pct))
            .crit(pct(opts.memory_critical_pct))
            .min(0.0)
            .max(maxmemory),
    );
    if let (Some(m), Some(u)) = (maxmemory, used) {
        out.push(
            Perfdata::new("used_memory_pct", Some(u * 100.0 / m), "%")
                .warn(Some(opts.memory_warning_pct))
                .crit(Some(opts.memory_critical_pct))
                .min(0.0)
                .max(Some(100.0)),
        );
    }
    if let Some(f) = forecast {
        let mut full = Perfdata::new(
            "memory_full_in",
            f.full_in_ms.map(|ms| (ms / 1000) as f64),
            "s",
        )
        .min(0.0);
        // Alerts *below* the horizon: the guidelines' `N:` range.
        full.warn = Some(format!("{}:", number(secs(opts.forecast_warning))));
        full.crit = opts
            .forecast_critical
            .map(|d| format!("{}:", number(secs(d))));
        out.push(full);
        out.push(Perfdata::new(
            "memory_growth_per_hour",
            f.growth_bytes_per_hour,
            "B",
        ));
    }
    out
}

/// `REDIS OK - <summary> | <perfdata>`: the first line of `redis health`'s text output. The
/// summary names every check that is not OK (`name: message`), or says how many passed.
pub fn status_line(report: &HealthReport) -> String {
    let bad: Vec<String> = report
        .checks
        .iter()
        .filter(|c| c.status != HealthStatus::Ok)
        .map(|c| format!("{} {}: {}", c.name, c.status.as_str(), c.message))
        .collect();
    let summary = if bad.is_empty() {
        format!("{}: all {} checks OK", report.target, report.checks.len())
    } else {
        format!("{}: {}", report.target, bad.join("; "))
    };
    // One line, and no `|` before the perfdata's.
    let summary: String = summary
        .chars()
        .map(|c| match c {
            '|' => '/',
            '\n' | '\r' => ' ',
            c => c,
        })
        .collect();
    let perf: Vec<String> = report.perfdata.iter().map(Perfdata::render).collect();
    if perf.is_empty() {
        format!("REDIS {} - {summary}", report.overall.as_str())
    } else {
        format!(
            "REDIS {} - {summary} | {}",
            report.overall.as_str(),
            perf.join(" ")
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_render_in_the_guidelines_syntax() {
        let p = Perfdata::new("last_save_age", Some(12.0), "s")
            .warn(Some(7200.0))
            .crit(Some(86400.0))
            .min(0.0);
        assert_eq!(p.render(), "last_save_age=12s;7200;86400;0");
        let p = Perfdata::new("x", None, "s");
        assert_eq!(p.render(), "x=U");
        let p = Perfdata::new("used_memory", Some(1.0e12), "B").max(Some(0.5));
        assert_eq!(p.render(), "used_memory=1000000000000B;;;;0.5");
        assert_eq!(number(0.1234), "0.123");
        assert_eq!(number(-0.0001), "0");
        assert_eq!(quote("a b"), "'a b'");
    }
}
