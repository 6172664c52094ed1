//! `redis health`: flags and the table; the checks are `persistence::health`. Its exit code is the
//! monitoring-plugin code of the report's overall status (`HealthStatus::code()`), including
//! UNKNOWN when the checks cannot run (no Redis configured, a bad threshold): never clap's usage
//! code 2, which monitoring would read as CRITICAL.

use anyhow::Result;
use clap::Args;

use crate::cli::{parse_duration_arg, Ctx};
use crate::output::{columns, emit, Render};
use crate::persistence::health::{self, HealthOptions, HealthReport, HealthStatus};
use crate::persistence::require_redis;

pub const EXAMPLES: &str = "\
Examples:
  # one row per check, with the fix; exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN
  tartarus redis health

  # for Nagios/Icinga checks and exporters
  tartarus redis health -o json --max-save-age 1h";

#[derive(Debug, Args)]
pub struct HealthArgs {
    /// Warn when the last successful RDB save is older than this while there are unsaved changes
    /// (a bad value exits 3, UNKNOWN, like every other problem that stops the check)
    // Parsed by the command, not by clap: clap's usage error exits 2, which monitoring reads as CRITICAL.
    #[arg(long, value_name = "DURATION", default_value = "2h")]
    pub max_save_age: String,
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
            "Redis {}: {}\n\n{}",
            self.target,
            self.overall.as_str(),
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
    let opts = HealthOptions {
        max_save_age,
        production: ctx.config.environment == crate::config::Environment::Production,
        replica_ack: target.replica_ack.map(|a| a.replicas),
        memory_samples_key: Some(ctx.config.keys().memory_samples()),
        ..Default::default()
    };
    health::check(&target, &opts).await
}

pub async fn run(ctx: &Ctx, args: HealthArgs) -> Result<u8> {
    let report = report(ctx, &args).await;
    emit(ctx.output, &report)?;
    Ok(report.code())
}
