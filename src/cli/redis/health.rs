//! `redis health`: flags and the table; the checks are `persistence::health`. Its exit code is the
//! monitoring-plugin code of the report's overall status (`HealthStatus::code()`), including
//! UNKNOWN when the checks cannot run (no Redis configured, a bad threshold): never clap's usage
//! code 2, which monitoring would read as CRITICAL.

use anyhow::Result;
use clap::Args;

use crate::cli::{parse_duration_arg, Ctx};
use crate::output::{columns, emit, Render};
use crate::persistence::health::thresholds::{self, Level};
use crate::persistence::health::{self, HealthOptions, HealthReport, HealthStatus};
use crate::persistence::require_redis;

pub const EXAMPLES: &str = "\
Examples:
  # first line for Nagios/Icinga (status, summary | perfdata), then one row per check with the
  # fix; exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN
  tartarus redis health

  # as a monitoring plugin, with thresholds
  tartarus redis health --warning last_save_age=1h,memory=75% --critical memory_full_in=6h

  # for exporters and scripts
  tartarus redis health -o json";

#[derive(Debug, Args)]
pub struct HealthArgs {
    /// Warn when the last successful RDB save is older than this while there are unsaved changes
    /// (the same as --warning last_save_age=…; a bad value exits 3, UNKNOWN, like every other
    /// problem that stops the check)
    // Parsed by the command, not by clap: clap's usage error exits 2, which monitoring reads as CRITICAL.
    #[arg(long, value_name = "DURATION", default_value = "2h")]
    pub max_save_age: String,
    /// WARNING thresholds, NAME=VALUE[,…] (repeatable): last_save_age=2h, memory=80%,
    /// latency=100ms, memory_full_in=24h (memory full within that at its recent growth)
    #[arg(long, value_name = "NAME=VALUE")]
    pub warning: Vec<String>,
    /// CRITICAL thresholds, NAME=VALUE[,…] (repeatable): last_save_age=24h, memory=95%,
    /// latency (none by default), memory_full_in (none by default)
    #[arg(long, value_name = "NAME=VALUE")]
    pub critical: Vec<String>,
    /// Do not store this run's memory sample (for a read-only monitoring user): the forecast
    /// then uses the samples other runs stored
    #[arg(long)]
    pub no_record: bool,
}

impl Render for HealthReport {
    fn render_table(&self, wide: bool) -> String {
        let rows = self
            .checks
            .iter()
            .map(|c| {
                let fix = if wide || c.status != HealthStatus::Ok {
                    c.fix.clone()
                } else {
                    String::new()
                };
                vec![
                    c.name.clone(),
                    c.status.as_str().to_string(),
                    c.value_text(),
                    c.message.clone(),
                    fix,
                ]
            })
            .collect();
        format!(
            "{}\n\n{}",
            health::plugin::status_line(self),
            columns(&["CHECK", "STATUS", "VALUE", "MESSAGE", "FIX"], rows)
        )
    }
}

/// The report: the checks when they can run, else UNKNOWN with the reason (also on stderr).
async fn report(ctx: &Ctx, args: &HealthArgs) -> HealthReport {
    let target = match require_redis(&ctx.config.backend, "redis health") {
        Ok(t) => t,
        Err(e) => {
            eprintln!("error: UNKNOWN: {e}");
            return HealthReport::unknown(
                "(no Redis configured)",
                "connection",
                e.to_string(),
                "set REDIS_ADDR or --redis-addr",
            );
        }
    };
    let max_save_age = match parse_duration_arg(&args.max_save_age) {
        Ok(d) => d,
        Err(e) => {
            let reason = format!("--max-save-age {:?}: {e}", args.max_save_age);
            eprintln!("error: UNKNOWN: {reason}");
            return HealthReport::unknown(
                target.display(),
                "options",
                reason,
                "give a duration such as 2h or 90m",
            );
        }
    };
    let mut opts = HealthOptions {
        max_save_age,
        memory_samples_key: Some(ctx.config.keys().memory_samples()),
        record_sample: !args.no_record,
        production: ctx.config.environment == crate::config::Environment::Production,
        replica_ack: target.replica_ack.map(|a| a.replicas),
        ..Default::default()
    };
    let levels = [
        (Level::Warning, &args.warning),
        (Level::Critical, &args.critical),
    ];
    for (level, specs) in levels {
        for spec in specs {
            if let Err(reason) = thresholds::apply(&mut opts, level, spec) {
                let flag = match level {
                    Level::Warning => "--warning",
                    Level::Critical => "--critical",
                };
                let reason = format!("{flag} {reason}");
                eprintln!("error: UNKNOWN: {reason}");
                return HealthReport::unknown(
                    target.display(),
                    "options",
                    reason,
                    "see `tartarus redis health --help` for the threshold names",
                );
            }
        }
    }
    health::check(&target, &opts).await
}

pub async fn run(ctx: &Ctx, args: HealthArgs) -> Result<u8> {
    let report = report(ctx, &args).await;
    emit(ctx.output, &report)?;
    Ok(report.code())
}
