//! `redis health` on Redis Cluster: the cluster's own state (`cluster_state`, slots assigned and
//! served, failing nodes) and, for every master that holds slots, that master's full set of rows
//! (persistence, memory, replicas…), each row named after its master.

use super::{overall, row, HealthOptions, HealthReport, HealthStatus};
use crate::config::RedisTarget;
use crate::connection::{ClusterNode, Connection};

/// Every slot of a Redis Cluster.
const SLOTS: u64 = 16_384;

/// Checks the cluster, then each master in turn. Never fails: what cannot be read is UNKNOWN.
pub async fn check(target: &RedisTarget, opts: &HealthOptions) -> HealthReport {
    let unknown = |msg: String| {
        HealthReport::unknown(
            target.display(),
            "connection",
            msg,
            "check REDIS_CLUSTER_ADDRS, the password and that the cluster nodes run",
        )
    };
    let conn = match Connection::connect(target).await {
        Ok(c) => c,
        Err(f) => return unknown(f.to_string()),
    };
    let mut checks = Vec::new();
    match conn.cluster_info().await {
        Some(Ok(info)) => checks.extend(state_rows(&info)),
        Some(Err(f)) => return unknown(f.to_string()),
        None => return unknown("not a Redis Cluster".into()),
    }
    let nodes = match conn.cluster_nodes().await {
        Some(Ok(n)) => n,
        Some(Err(f)) => return unknown(f.to_string()),
        None => Vec::new(),
    };
    checks.push(failing_row(&nodes));
    let mut masters: Vec<&ClusterNode> = nodes
        .iter()
        .filter(|n| n.master && !n.slots.is_empty())
        .collect();
    masters.sort_by_key(|n| n.slots.first().map(|s| s.0));
    for master in masters {
        let report = super::check(&target.node(&master.endpoint), opts).await;
        for mut c in report.checks {
            c.name = format!("{} {}", master.endpoint, c.name);
            checks.push(c);
        }
    }
    // Each master's rows are above, named by master; the plugin line's figures are per server,
    // so a Cluster's line carries none (one forecast per master would need one label each).
    HealthReport {
        target: target.display(),
        overall: overall(&checks),
        checks,
        perfdata: Vec::new(),
        forecast: None,
    }
}

/// `cluster_state` and the slots, from `CLUSTER INFO`.
fn state_rows(info: &std::collections::BTreeMap<String, String>) -> Vec<super::HealthCheck> {
    let num = |k: &str| info.get(k).and_then(|v| v.parse::<u64>().ok());
    let state = info.get("cluster_state").cloned().unwrap_or_default();
    let state_row = if state == "ok" {
        row(
            "cluster_state",
            HealthStatus::Ok,
            state,
            "the cluster serves every slot",
            "",
        )
    } else {
        row(
            "cluster_state",
            HealthStatus::Critical,
            state,
            "the cluster does not serve requests (a master and all its replicas are down, or \
             slots are not assigned)",
            "start the failed nodes, or `redis-cli --cluster fix`",
        )
    };
    let assigned = num("cluster_slots_assigned");
    let ok = num("cluster_slots_ok");
    let slots_row = match (assigned, ok) {
        (Some(a), Some(o)) if a == SLOTS && o == SLOTS => row(
            "cluster_slots",
            HealthStatus::Ok,
            o,
            format!("{o} of {SLOTS} slots assigned and served"),
            "",
        ),
        (Some(a), Some(o)) if a == SLOTS => row(
            "cluster_slots",
            HealthStatus::Warning,
            o,
            format!("{o} of {SLOTS} slots served; the others are on a failing master"),
            "check the failing nodes (cluster_nodes_failing)",
        ),
        (Some(a), Some(_)) => row(
            "cluster_slots",
            HealthStatus::Critical,
            a,
            format!("only {a} of {SLOTS} slots are assigned: the cells on the others are down"),
            "`redis-cli --cluster fix` or assign the slots",
        ),
        _ => super::missing("cluster_slots", "cluster_slots_assigned"),
    };
    vec![state_row, slots_row]
}

fn failing_row(nodes: &[ClusterNode]) -> super::HealthCheck {
    let failing: Vec<String> = nodes
        .iter()
        .filter(|n| n.failing)
        .map(|n| n.endpoint.to_string())
        .collect();
    if failing.is_empty() {
        row(
            "cluster_nodes_failing",
            HealthStatus::Ok,
            0,
            format!("{} node(s), none failing", nodes.len()),
            "",
        )
    } else {
        row(
            "cluster_nodes_failing",
            HealthStatus::Warning,
            failing.len(),
            format!("failing or disconnected: {}", failing.join(", ")),
            "restart them, or forget them (CLUSTER FORGET) when they are gone for good",
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn state_and_slots_rows() {
        let info = |state: &str, assigned: u64, ok: u64| {
            [
                ("cluster_state", state.to_string()),
                ("cluster_slots_assigned", assigned.to_string()),
                ("cluster_slots_ok", ok.to_string()),
            ]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect()
        };
        let rows = state_rows(&info("ok", SLOTS, SLOTS));
        assert!(rows.iter().all(|r| r.status == HealthStatus::Ok));
        let rows = state_rows(&info("fail", SLOTS, 10_000));
        assert_eq!(rows[0].status, HealthStatus::Critical);
        assert_eq!(rows[1].status, HealthStatus::Warning);
        let rows = state_rows(&info("fail", 100, 100));
        assert_eq!(rows[1].status, HealthStatus::Critical);
    }
}
