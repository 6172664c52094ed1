//! `tartarus redis`: persistence health checks (monitoring-plugin exit codes) and the recommended persistence settings.

use std::time::Duration;

use anyhow::{Context as _, Result};
use clap::{Subcommand, ValueEnum};
use serde::Serialize;

use super::persist_common::{connect, redis_target};
use super::CliError;
use super::{parse_duration_arg, Ctx};
use crate::exit;
use crate::output::{columns, emit, fields, Render};
use crate::persistence::configure::{self, ApplyReport, ConfigurePlan, Profile};
use crate::persistence::health::{self, HealthOptions, HealthReport};

#[derive(Debug, Subcommand)]
pub enum RedisCmd {
    /// Persistence health: one row per check (AOF, RDB saves, save rules, eviction policy, memory,
    /// replication, loading), each OK / WARNING / CRITICAL with what it means and how to fix it.
    ///
    /// Exit codes follow the monitoring-plugin convention: 0 OK, 1 WARNING, 2 CRITICAL,
    /// 3 UNKNOWN (Redis cannot be reached). `-o json` for monitoring systems.
    Health {
        /// Warn when the last successful RDB save is older than this while there are unsaved changes
        /// (a bad value exits 3, UNKNOWN, like every other problem that stops the check)
        // Parsed by the command, not by clap: clap's usage error exits 2, which monitoring reads as CRITICAL.
        #[arg(long, value_name = "DURATION", default_value = "2h")]
        max_save_age: String,
    },
    /// Compare the live settings with the recommended persistence profile; `--apply` sets them.
    ///
    /// Recommended: appendonly yes, appendfsync everysec (always with --profile strict),
    /// aof-use-rdb-preamble yes, save "3600 1 300 100 60 10000", maxmemory-policy noeviction.
    /// `--apply` asks first, then runs CONFIG SET for each difference and CONFIG REWRITE; a server
    /// started without a config file keeps the settings only until it restarts (said clearly).
    /// `dir` and `dbfilename` are shown, never changed.
    Configure {
        /// Which profile to compare with
        #[arg(long, value_enum, default_value = "recommended")]
        profile: ProfileArg,
        /// Apply the differences (CONFIG SET + CONFIG REWRITE) after confirmation
        #[arg(long)]
        apply: bool,
    },
}

/// `--profile`.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum ProfileArg {
    /// appendfsync everysec: at most about one second of writes lost on a power failure
    Recommended,
    /// appendfsync always: every write is on disk before it is acknowledged (slower)
    Strict,
}

impl From<ProfileArg> for Profile {
    fn from(p: ProfileArg) -> Profile {
        match p {
            ProfileArg::Recommended => Profile::Recommended,
            ProfileArg::Strict => Profile::Strict,
        }
    }
}

impl Render for HealthReport {
    fn render_table(&self, wide: bool) -> String {
        let rows = self
            .checks
            .iter()
            .map(|c| {
                let mut row = vec![
                    c.name.clone(),
                    c.status.as_str().to_string(),
                    c.value.clone(),
                    c.message.clone(),
                ];
                if wide || c.status != health::Status::Ok {
                    row.push(c.fix.clone());
                } else {
                    row.push(String::new());
                }
                row
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

fn plan_table(plan: &ConfigurePlan) -> String {
    let head = fields(vec![
        ("Server", plan.target.clone()),
        ("Profile", format!("{:?}", plan.profile).to_lowercase()),
        ("Data dir", plan.dir.clone().unwrap_or_else(|| "-".into())),
        (
            "RDB file",
            plan.dbfilename.clone().unwrap_or_else(|| "-".into()),
        ),
        (
            "Config file",
            plan.config_file.clone().unwrap_or_else(|| {
                "none: the server was started without one, so applied settings last only until it restarts".into()
            }),
        ),
    ]);
    let rows = plan
        .changes
        .iter()
        .map(|c| {
            vec![
                c.setting.clone(),
                c.current
                    .as_deref()
                    .map(|v| {
                        if v.is_empty() {
                            "\"\"".to_string()
                        } else {
                            v.to_string()
                        }
                    })
                    .unwrap_or_else(|| "(unknown)".into()),
                c.recommended.clone(),
                if c.change_needed { "change" } else { "ok" }.to_string(),
            ]
        })
        .collect();
    format!(
        "{head}\n\n{}",
        columns(&["SETTING", "CURRENT", "RECOMMENDED", ""], rows)
    )
}

/// `redis configure` without `--apply`.
#[derive(Serialize)]
struct PlanOut {
    #[serde(flatten)]
    plan: ConfigurePlan,
    needs_changes: bool,
}

impl Render for PlanOut {
    fn render_table(&self, _wide: bool) -> String {
        let tail = if self.needs_changes {
            "\nRun with --apply to set the differences (CONFIG SET, then CONFIG REWRITE)."
        } else {
            "\nEvery setting already matches the profile."
        };
        format!("{}\n{tail}", plan_table(&self.plan))
    }
}

fn show(v: Option<&str>) -> String {
    match v {
        Some("") => "\"\"".to_string(),
        Some(v) => v.to_string(),
        None => "(unknown)".into(),
    }
}

impl Render for ApplyReport {
    fn render_table(&self, _wide: bool) -> String {
        let applied = if self.applied.is_empty() {
            "nothing needed changing".to_string()
        } else {
            format!("applied: {}", self.applied.join(", "))
        };
        // The settings as re-read after the change, next to what they were.
        let rows = self
            .plan
            .changes
            .iter()
            .map(|c| {
                let before = self
                    .before
                    .iter()
                    .find(|b| b.setting == c.setting)
                    .and_then(|b| b.current.as_deref());
                vec![
                    c.setting.clone(),
                    show(before),
                    show(c.current.as_deref()),
                    c.recommended.clone(),
                    if c.change_needed { "DIFFERS" } else { "ok" }.to_string(),
                ]
            })
            .collect();
        format!(
            "{}\n\n{}\n\n{applied}\n{}",
            fields(vec![("Server", self.plan.target.clone())]),
            columns(&["SETTING", "BEFORE", "NOW", "RECOMMENDED", ""], rows),
            self.message
        )
    }
}

impl RedisCmd {
    pub async fn run(self, ctx: &Ctx) -> Result<u8> {
        match self {
            RedisCmd::Health { max_save_age } => {
                // A bad threshold is UNKNOWN (3), not clap's usage error (2 = CRITICAL to monitoring).
                let max_save_age: Duration = parse_duration_arg(&max_save_age).map_err(|e| {
                    CliError::HealthUnknown(format!(
                        "UNKNOWN: --max-save-age {max_save_age:?}: {e}"
                    ))
                })?;
                // Without Redis there is nothing to check: UNKNOWN by the monitoring convention.
                let target = redis_target(ctx, "redis health")
                    .map_err(|e| CliError::HealthUnknown(format!("UNKNOWN: {e}")))?;
                let opts = HealthOptions {
                    max_save_age,
                    ..Default::default()
                };
                let report = health::check(&target, &opts).await;
                emit(ctx.output, &report)?;
                Ok(u8::try_from(report.exit_code()).unwrap_or(exit::HEALTH_UNKNOWN))
            }
            RedisCmd::Configure { profile, apply } => {
                let target = redis_target(ctx, "redis configure")?;
                let admin = connect(&target).await?;
                let profile = Profile::from(profile);
                let plan = configure::plan(&admin, profile)
                    .await
                    .with_context(|| format!("reading the settings of {}", target.display()))?;
                if !apply || !plan.needs_changes() {
                    let needs_changes = plan.needs_changes();
                    emit(
                        ctx.output,
                        &PlanOut {
                            plan,
                            needs_changes,
                        },
                    )?;
                    return Ok(exit::OK);
                }
                let names: Vec<&str> = plan
                    .changes
                    .iter()
                    .filter(|c| c.change_needed)
                    .map(|c| c.setting.as_str())
                    .collect();
                let lasting = if plan.config_file.is_some() {
                    "and write them to its config file"
                } else {
                    "live only (the server has no config file: they are lost when it restarts)"
                };
                ctx.confirm(&format!(
                    "set {} on {} {lasting}",
                    names.join(", "),
                    target.display()
                ))?;
                let report = configure::apply(&admin, profile)
                    .await
                    .with_context(|| format!("applying the settings to {}", target.display()))?;
                if !report.persisted {
                    tracing::warn!("{}", report.message);
                }
                emit(ctx.output, &report)?;
                Ok(exit::OK)
            }
        }
    }
}
