//! `redis configure`: flags, the comparison table, the confirmation; the profile and CONFIG SET /
//! REWRITE are `persistence::configure`.

use anyhow::{Context as _, Result};
use clap::{Args, ValueEnum};
use serde::Serialize;

use crate::cli::Ctx;
use crate::exit;
use crate::output::{columns, emit, fields, Render};
use crate::persistence::configure::{self, ApplyReport, ConfigurePlan, Profile};
use crate::persistence::{require_redis, RedisAdmin};

pub const EXAMPLES: &str = "\
Examples:
  # the live settings against the recommended profile
  tartarus redis configure

  # set the differences (asks first), then CONFIG REWRITE
  tartarus redis configure --apply

  # appendfsync always, without a prompt
  tartarus redis configure --profile strict --apply --yes";

#[derive(Debug, Args)]
pub struct ConfigureArgs {
    /// Which profile to compare with
    #[arg(long, value_enum, default_value = "recommended")]
    pub profile: ProfileArg,
    /// Apply the differences (CONFIG SET + CONFIG REWRITE) after confirmation
    #[arg(long)]
    pub apply: bool,
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
            "Replicas",
            if plan.replicas > 0 {
                format!(
                    "{}: min-replicas-to-write 1 recommended (set it on every replica too: each may become the master)",
                    plan.replicas
                )
            } else {
                "0".into()
            },
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

pub async fn run(ctx: &Ctx, args: ConfigureArgs) -> Result<u8> {
    let (profile, apply) = (args.profile, args.apply);
    let target = require_redis(&ctx.config.backend, "redis configure")?;
    crate::persistence::refuse_on_cluster(
        &target,
        "redis configure",
        "configure every node (masters and replicas) in turn: `tartarus redis configure \
         --redis-addr HOST:PORT --apply` for each node `redis-cli -c CLUSTER NODES` lists",
    )?;
    let admin = RedisAdmin::connect(&target).await?;
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
