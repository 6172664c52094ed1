//! Redis Cluster: a lane's socket is a redis-crate `ClusterConnection` (slot routing, MOVED/ASK/TRYAGAIN/CLUSTERDOWN retries and slot-map refreshes are the crate's), and the cluster's own facts (`CLUSTER NODES`, `CLUSTER INFO`) for the commands that concern one node.
//!
//! A cell's keys share one hash tag, so every script call and every store pipeline goes to the one
//! master holding the cell's slot; a pipeline's trailing `WAIT` travels with it to that master
//! (the crate routes a pipeline by its first keyed command). Keyless commands (`INFO`, `SCAN`,
//! `BGSAVE`, `CONFIG`) are not sent through the cluster socket: the admin code opens a
//! standalone connection to each master it learns from [`Connection::cluster_nodes`].

use std::time::Duration;

use redis::cluster_async::ClusterConnection;
use redis::Value;

use super::error::{Failure, FailureKind, Result};
use super::{tls, Connection, Lane, Work};
use crate::config::{Endpoint, RedisTarget};

/// One node as `CLUSTER NODES` describes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClusterNode {
    pub id: String,
    pub endpoint: Endpoint,
    /// A master (holding slots or not); otherwise a replica.
    pub master: bool,
    /// A replica's master (its node id).
    pub master_id: Option<String>,
    /// The node is flagged `fail` or `fail?` (or is disconnected).
    pub failing: bool,
    /// A master's slot ranges, inclusive.
    pub slots: Vec<(u16, u16)>,
}

impl ClusterNode {
    pub fn holds(&self, slot: u16) -> bool {
        self.slots.iter().any(|(a, b)| (*a..=*b).contains(&slot))
    }
}

/// Parses `CLUSTER NODES` (`id ip:port@cport[,hostname] flags master ping pong epoch link slots…`).
pub fn parse_cluster_nodes(text: &str) -> Vec<ClusterNode> {
    text.lines()
        .filter_map(|line| {
            let f: Vec<&str> = line.split_whitespace().collect();
            if f.len() < 8 {
                return None;
            }
            let addr = f[1].split(['@', ',']).next()?;
            let (host, port) = addr.rsplit_once(':')?;
            let port: u16 = port.parse().ok().filter(|p| *p > 0)?;
            let host = host.trim_start_matches('[').trim_end_matches(']');
            let flags: Vec<&str> = f[2].split(',').collect();
            let slots = f[8..]
                .iter()
                .filter(|s| !s.starts_with('['))
                .filter_map(|s| match s.split_once('-') {
                    Some((a, b)) => Some((a.parse().ok()?, b.parse().ok()?)),
                    None => s.parse().ok().map(|x| (x, x)),
                })
                .collect();
            Some(ClusterNode {
                id: f[0].to_string(),
                endpoint: Endpoint::new(host, port),
                master: flags.contains(&"master"),
                master_id: (f[3] != "-").then(|| f[3].to_string()),
                failing: flags.iter().any(|x| *x == "fail" || *x == "fail?") || f[7] != "connected",
                slots,
            })
        })
        .collect()
}

/// Opens a cluster socket: the slot map is learnt from the first seed that answers, within the
/// connect timeout; each request may take `response` (retries included).
pub(super) async fn open(
    target: &RedisTarget,
    seeds: &[Endpoint],
    material: Option<&tls::Material>,
    response: Option<Duration>,
    describe: &str,
) -> Result<ClusterConnection> {
    let fail = |e: redis::RedisError| Failure::from_redis(describe, &e);
    let nodes: Vec<redis::ConnectionInfo> = seeds
        .iter()
        .map(|e| super::node_info(e, material))
        .collect::<redis::RedisResult<_>>()
        .map_err(fail)?;
    let mut builder = redis::cluster::ClusterClientBuilder::new(nodes)
        .connection_timeout(target.connect_timeout)
        .retries(8)
        .min_retry_wait(50)
        .max_retry_wait(1_000);
    if let Some(r) = response {
        // Each attempt within `r`, and the whole request (redirections and retries during a
        // failover included) within `r` as well.
        builder = builder
            .response_timeout(r)
            .overall_response_timeout(Some(r));
    }
    if let Some(user) = &target.username {
        builder = builder.username(user);
    }
    if let Some(pass) = &target.password {
        builder = builder.password(pass.expose());
    }
    if let Some(m) = material {
        builder = builder.tls(if m.insecure {
            redis::TlsMode::Insecure
        } else {
            redis::TlsMode::Secure
        });
        if let Some(certs) = &m.certificates {
            builder = builder.certs(certs.clone());
        }
    }
    let client = builder.build().map_err(fail)?;
    // Every seed may be tried in turn, each within the connect timeout.
    let guard =
        target.connect_timeout * (seeds.len().clamp(1, 6) as u32) + Duration::from_millis(200);
    tokio::time::timeout(guard, client.get_async_connection())
        .await
        .map_err(|_| {
            Failure::new(
                FailureKind::ConnectTimeout,
                describe,
                format!("no cluster connection within {}ms", guard.as_millis()),
            )
        })?
        .map_err(|e| fail(e).while_connecting())
}

impl Connection {
    /// True on Redis Cluster.
    pub fn is_cluster(&self) -> bool {
        matches!(self.inner.kind, super::Kind::Cluster(_))
    }

    /// `CLUSTER NODES` as a node of the cluster sees it (`None` when not on Cluster).
    pub async fn cluster_nodes(&self) -> Option<Result<Vec<ClusterNode>>> {
        if !self.is_cluster() {
            return None;
        }
        let mut cmd = redis::cmd("CLUSTER");
        cmd.arg("NODES");
        Some(
            self.on_lane::<String>(Lane::Shared, Work::Cmd(&cmd))
                .await
                .map(|text| parse_cluster_nodes(&text)),
        )
    }

    /// `CLUSTER INFO` of one node, as `field → value` (`None` when not on Cluster).
    pub async fn cluster_info(&self) -> Option<Result<std::collections::BTreeMap<String, String>>> {
        if !self.is_cluster() {
            return None;
        }
        let mut cmd = redis::cmd("CLUSTER");
        cmd.arg("INFO");
        Some(
            self.on_lane::<Value>(Lane::Shared, Work::Cmd(&cmd))
                .await
                .map(|v| super::value::parse_info(&super::value::text(&v).unwrap_or_default())),
        )
    }

    /// The masters that hold slots, each with its slot ranges (`None` when not on Cluster).
    pub async fn cluster_masters(&self) -> Option<Result<Vec<ClusterNode>>> {
        Some(self.cluster_nodes().await?.map(|nodes| {
            let mut masters: Vec<ClusterNode> = nodes
                .into_iter()
                .filter(|n| n.master && !n.slots.is_empty() && !n.failing)
                .collect();
            masters.sort_by_key(|n| n.slots.first().map(|s| s.0));
            masters
        }))
    }

    /// The master that holds `key`'s slot now (`None` when not on Cluster).
    pub async fn cluster_master_of(&self, key: &str) -> Option<Result<Endpoint>> {
        let slot = crate::store::keys::key_slot(key);
        Some(self.cluster_masters().await?.and_then(|masters| {
            masters
                .into_iter()
                .find(|m| m.holds(slot))
                .map(|m| m.endpoint)
                .ok_or_else(|| {
                    Failure::new(
                        FailureKind::Unavailable,
                        self.display(),
                        format!("no master holds slot {slot} (of {key}) right now"),
                    )
                })
        }))
    }

    /// A node to subscribe on: in Cluster a PUBLISH reaches every node, so the first node of
    /// the cluster (masters first, then the seeds) that accepts a connection serves.
    pub(super) async fn cluster_pubsub_node(&self, seeds: &[Endpoint]) -> Result<Endpoint> {
        let mut candidates: Vec<Endpoint> = match self.cluster_nodes().await {
            Some(Ok(nodes)) => {
                let mut n: Vec<&ClusterNode> = nodes.iter().filter(|n| !n.failing).collect();
                n.sort_by_key(|n| !n.master);
                n.into_iter().map(|n| n.endpoint.clone()).collect()
            }
            _ => Vec::new(),
        };
        candidates.extend(seeds.iter().cloned());
        let mut last = None;
        for endpoint in candidates {
            let probe = async {
                let client = self.data_client(&endpoint)?;
                super::open_socket(
                    &client,
                    &self.inner.target,
                    Some(self.inner.target.command_timeout),
                    &self.display(),
                )
                .await
            };
            match probe.await {
                Ok(_) => return Ok(endpoint),
                Err(f) => last = Some(f),
            }
        }
        Err(last.unwrap_or_else(|| {
            Failure::new(FailureKind::Unavailable, self.display(), "no cluster node")
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cluster_nodes_lines_are_parsed() {
        let text = "\
a1 127.0.0.1:30001@40001 myself,master - 0 0 1 connected 0-5460
b2 127.0.0.1:30002@40002,host.example master - 0 0 2 connected 5461-10922 [5461->-x]
c3 127.0.0.1:30004@40004 slave a1 0 0 1 connected
d4 127.0.0.1:30003@40003 master,fail - 0 0 3 disconnected 10923-16383
";
        let nodes = parse_cluster_nodes(text);
        assert_eq!(nodes.len(), 4);
        assert_eq!(nodes[0].endpoint, Endpoint::new("127.0.0.1", 30001));
        assert!(nodes[0].master && nodes[0].holds(0) && nodes[0].holds(5460));
        assert!(!nodes[0].holds(5461));
        assert_eq!(nodes[1].slots, vec![(5461, 10922)]);
        assert_eq!(nodes[1].endpoint.port, 30002);
        assert!(!nodes[2].master);
        assert_eq!(nodes[2].master_id.as_deref(), Some("a1"));
        assert!(nodes[3].failing && !nodes[0].failing);
    }
}
