//! `redis configure`: flags, the comparison table, the confirmation; the profile and CONFIG SET /
//! REWRITE are `persistence::configure`.

use anyhow::{Context as _, Result};
use clap::{Args, ValueEnum};
use serde::Serialize;

use crate::cli::Ctx;
use crate::exit;
use crate::output::{columns, emit, fields, Page, Render};
use crate::persistence::configure::{self, ApplyReport, ConfigurePlan, Profile};
use crate::persistence::configure_cluster::{self, NodeConfigure};
use crate::persistence::{require_redis, RedisAdmin};

pub const EXAMPLES: &str = "\
Examples:
  # the live settings against the recommended profile
  tartarus redis configure

  # set the differences (asks first), then CONFIG REWRITE
  tartarus redis configure --apply

  # appendfsync always, without a prompt
  tartarus redis configure --profile strict --apply --yes

  # Redis Cluster: every node (masters and replicas) in turn, one row each
  REDIS_CLUSTER_ADDRS=r1:6379,r2:6379,r3:6379 tartarus redis configure --apply";

#[derive(Debug, Args)]
pub struct ConfigureArgs {
    /// Which profile to compare with
    #[arg(long, value_enum, default_value = "recommended")]
    pub profile: ProfileArg,
    /// Apply the differences (CONFIG SET + CONFIG REWRITE) after confirmation; on Redis Cluster
    /// to every node (masters and replicas) in turn
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
    if target.topology.is_cluster() {
        return run_cluster(ctx, &target, profile.into(), apply).await;
    }
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

/// What a node of the cluster needs, in a few words.
fn node_summary(n: &NodeConfigure) -> (String, String) {
    let needed = |p: &ConfigurePlan| {
        let v: Vec<String> = p
            .changes
            .iter()
            .filter(|c| c.change_needed)
            .map(|c| format!("{} {}", c.setting, c.recommended))
            .collect();
        if v.is_empty() {
            "ok".to_string()
        } else {
            v.join(", ")
        }
    };
    let settings = match (&n.applied, &n.plan) {
        (Some(a), _) if a.applied.is_empty() => "ok".into(),
        (Some(a), _) => format!("applied: {}", a.applied.join(", ")),
        (None, Some(p)) => needed(p),
        (None, None) => "-".into(),
    };
    let file = match (&n.applied, &n.plan) {
        (Some(a), _) => a.message.clone(),
        (None, Some(p)) => p
            .config_file
            .clone()
            .unwrap_or_else(|| "none: applied settings last until it restarts".into()),
        (None, None) => "-".into(),
    };
    (settings, file)
}

/// `redis configure` on Redis Cluster: every node in turn (see `persistence::configure_cluster`).
async fn run_cluster(
    ctx: &Ctx,
    target: &crate::config::RedisTarget,
    profile: Profile,
    apply: bool,
) -> Result<u8> {
    let planned = configure_cluster::plan_nodes(target, profile)
        .await
        .with_context(|| format!("reading the nodes of {}", target.display()))?;
    let changes: Vec<String> = planned
        .iter()
        .filter_map(|n| {
            let p = n.plan.as_ref().filter(|p| p.needs_changes())?;
            let names: Vec<&str> = p
                .changes
                .iter()
                .filter(|c| c.change_needed)
                .map(|c| c.setting.as_str())
                .collect();
            Some(format!("{} on {}", names.join(", "), n.node.node))
        })
        .collect();
    let nodes = if apply && !changes.is_empty() {
        ctx.confirm(&format!(
            "set {} (node by node, then CONFIG REWRITE on each)",
            changes.join("; ")
        ))?;
        configure_cluster::apply_nodes(target, planned, profile).await
    } else {
        planned
    };
    let errors: Vec<String> = nodes
        .iter()
        .filter_map(|n| n.error.as_ref().map(|e| format!("{}: {e}", n.node.node)))
        .collect();
    let page = Page::all(
        nodes,
        vec![
            "NODE",
            "ROLE",
            "MASTER",
            "REPLICAS",
            "SETTINGS",
            "CONFIG FILE",
            "ERROR",
        ],
        |n| {
            let (settings, file) = node_summary(n);
            vec![
                n.node.node.clone(),
                n.node.role.to_string(),
                n.node.master.clone().unwrap_or_else(|| "-".into()),
                n.node.group_replicas.to_string(),
                settings,
                file,
                n.error.clone().unwrap_or_else(|| "-".into()),
            ]
        },
    );
    emit(ctx.output, &page)?;
    if !errors.is_empty() {
        anyhow::bail!(
            "{} node(s) could not be read or configured: {}",
            errors.len(),
            errors.join("; ")
        );
    }
    Ok(exit::OK)
}
