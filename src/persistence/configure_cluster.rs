//! `redis configure` on Redis Cluster: every node (masters, then replicas) in turn, each
//! compared with the profile on a connection of its own, and with `--apply` changed one after
//! the other. A replica is recommended `min-replicas-to-write` when its master group has
//! replicas, as its master is: it becomes the master after a failover.

use serde::Serialize;

use super::admin::{cluster_nodes, RedisAdmin};
use super::configure::{apply_for, plan_for, ApplyReport, ConfigurePlan, Profile};
use super::Result;
use crate::config::RedisTarget;

/// One node of the cluster, as the per-node report names it.
#[derive(Clone, Debug, Serialize)]
pub struct NodeRef {
    /// `host:port`.
    pub node: String,
    pub node_id: String,
    /// `master` or `replica`.
    pub role: &'static str,
    /// A replica's master (`host:port`); null for a master.
    pub master: Option<String>,
    /// Replicas of the node's master group (its own, or its master's).
    pub group_replicas: u64,
}

/// One node's result: its comparison, or what was applied, or why neither.
#[derive(Clone, Debug, Serialize)]
pub struct NodeConfigure {
    #[serde(flatten)]
    pub node: NodeRef,
    /// The comparison (without `--apply`, or before applying).
    pub plan: Option<ConfigurePlan>,
    /// `--apply`: what was set, and the settings re-read after.
    pub applied: Option<ApplyReport>,
    /// Why this node was not read or configured (failing, unreachable, refused).
    pub error: Option<String>,
}

/// The nodes, masters first (by slot), then replicas, each with its standalone target.
pub async fn nodes(target: &RedisTarget) -> Result<Vec<(NodeRef, RedisTarget, bool)>> {
    let all = cluster_nodes(target).await?;
    let group = |master_id: &str| {
        all.iter()
            .filter(|n| !n.master && n.master_id.as_deref() == Some(master_id) && !n.failing)
            .count() as u64
    };
    let mut out: Vec<(NodeRef, RedisTarget, bool)> = Vec::new();
    let mut masters: Vec<_> = all.iter().filter(|n| n.master).collect();
    masters.sort_by_key(|n| (n.slots.is_empty(), n.slots.first().map(|s| s.0)));
    for m in &masters {
        out.push((
            NodeRef {
                node: m.endpoint.to_string(),
                node_id: m.id.clone(),
                role: "master",
                master: None,
                group_replicas: group(&m.id),
            },
            target.node(&m.endpoint),
            m.failing,
        ));
        for r in all
            .iter()
            .filter(|n| !n.master && n.master_id.as_deref() == Some(m.id.as_str()))
        {
            out.push((
                NodeRef {
                    node: r.endpoint.to_string(),
                    node_id: r.id.clone(),
                    role: "replica",
                    master: Some(m.endpoint.to_string()),
                    group_replicas: group(&m.id),
                },
                target.node(&r.endpoint),
                r.failing,
            ));
        }
    }
    Ok(out)
}

/// Every node's settings against the profile (changes nothing).
pub async fn plan_nodes(target: &RedisTarget, profile: Profile) -> Result<Vec<NodeConfigure>> {
    let mut out = Vec::new();
    for (node, t, failing) in nodes(target).await? {
        out.push(if failing {
            failed(node, "the cluster flags it as failing: not read".into())
        } else {
            match plan_node(&t, profile, node.group_replicas).await {
                Ok(plan) => NodeConfigure {
                    node,
                    plan: Some(plan),
                    applied: None,
                    error: None,
                },
                Err(e) => failed(node, e.to_string()),
            }
        });
    }
    Ok(out)
}

/// Applies the profile to every node in turn (those of `plan` that need a change); a node that
/// fails is reported and the others are still configured.
pub async fn apply_nodes(
    target: &RedisTarget,
    planned: Vec<NodeConfigure>,
    profile: Profile,
) -> Vec<NodeConfigure> {
    let mut out = Vec::with_capacity(planned.len());
    for mut n in planned {
        let needs = n.plan.as_ref().is_some_and(ConfigurePlan::needs_changes);
        if needs {
            let endpoint = n
                .node
                .node
                .rsplit_once(':')
                .and_then(|(h, p)| p.parse().ok().map(|p| crate::config::Endpoint::new(h, p)));
            let result = match endpoint {
                Some(e) => apply_node(&target.node(&e), profile, n.node.group_replicas).await,
                None => Err(super::PersistenceError::invalid(
                    "node address",
                    &n.node.node,
                )),
            };
            match result {
                Ok(report) => n.applied = Some(report),
                Err(e) => n.error = Some(e.to_string()),
            }
        }
        out.push(n);
    }
    out
}

fn failed(node: NodeRef, error: String) -> NodeConfigure {
    NodeConfigure {
        node,
        plan: None,
        applied: None,
        error: Some(error),
    }
}

async fn plan_node(t: &RedisTarget, profile: Profile, replicas: u64) -> Result<ConfigurePlan> {
    let admin = RedisAdmin::connect(t).await?;
    plan_for(&admin, profile, Some(replicas)).await
}

async fn apply_node(t: &RedisTarget, profile: Profile, replicas: u64) -> Result<ApplyReport> {
    let admin = RedisAdmin::connect(t).await?;
    apply_for(&admin, profile, Some(replicas)).await
}
