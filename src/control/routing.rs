//! Phlegethon/Typhon routing: filters nodes by liveness, pool and capacity, scores the feasible ones, and explains why a run waits or is rejected.
//!
//! # Pools
//! A node is in exactly one pool: **typhon** when labelled `tartarus.io/typhon=true` (even if also
//! labelled phlegethon — quarantine wins, like a taint), else **phlegethon** when labelled
//! `tartarus.io/phlegethon=true`, else **standard**.
//!
//! # Which pool takes what (tier 0 is preferred; tier 1 only when no tier-0 node is feasible)
//! | request | tier 0 | tier 1 | never |
//! | --- | --- | --- | --- |
//! | quarantined (any heat) | typhon | – | standard, phlegethon |
//! | cold, warm | standard | – | phlegethon (kept free for heavy work, as DESIGN says cold/warm → standard), typhon |
//! | hot | phlegethon | standard (DESIGN's fallback) | typhon |
//! | inferno, no GPU | phlegethon | – | standard (long-running work must not hog it), typhon |
//! | inferno with GPU | phlegethon | standard nodes with GPU capacity (GPU hardware is specialised by itself) | typhon |
//!
//! Quarantined runs: with **no alive typhon node** (alive flag and heartbeat valid) the run is
//! **rejected**; a typhon node that is alive but draining or full makes it **pending** (rejection is
//! terminal, so it is kept for when no quarantine node exists at all).
//!
//! # Filters (each node is counted once, by the first filter it fails)
//! heartbeat (`!alive` or `last_heartbeat + ttl < now`) → draining → pool → capacity (gpu, cpu, memory, slots).
//! No feasible node → `Pending` with a Kubernetes-style counted reason:
//! `0/5 nodes available: 3 lack tartarus.io/typhon=true, 2 heartbeat expired` (counts descending, then text).
//!
//! # Scoring
//! The score is the node's dominant share after placement: the largest of (used + wanted) / capacity over
//! cpu, memory, slots and (on GPU nodes) gpu. Ties break by node name, so routing is deterministic.
//! - **Spread** (lowest share wins) for requests without GPUs: spreads heat and noisy neighbours, and
//!   leaves headroom on every node for bursts.
//! - **Pack** (highest share wins) for GPU requests: keeps whole GPU nodes free for multi-GPU jobs.
//! - Requests without GPUs prefer nodes without GPUs, so GPU nodes stay available for GPU work.
//!
//! `route` makes no allocation for feasible routing besides the chosen node's name; a pending
//! reason is built only when nothing fits.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::model::node::{Node, Resources, PHLEGETHON_LABEL, TYPHON_LABEL};
use crate::model::spec::{Heat, SandboxSpec};

/// The node pool a node belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Pool {
    Standard,
    Phlegethon,
    Typhon,
}

impl Pool {
    pub fn of(node: &Node) -> Pool {
        if node.is_typhon() {
            Pool::Typhon
        } else if node.is_phlegethon() {
            Pool::Phlegethon
        } else {
            Pool::Standard
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            Pool::Standard => "standard",
            Pool::Phlegethon => "phlegethon",
            Pool::Typhon => "typhon",
        }
    }
}

impl fmt::Display for Pool {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What routing needs to know about a run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RouteRequest {
    pub heat: Heat,
    /// Quarantine verdict or manual flag: only typhon nodes.
    pub quarantined: bool,
    /// What the run reserves on its node (`slots` is 1 for one sandbox); `resources.gpu` is the GPU ask.
    pub resources: Resources,
}

impl RouteRequest {
    /// The request for one sandbox of `spec` (one slot).
    pub fn for_spec(spec: &SandboxSpec, heat: Heat, quarantined: bool) -> RouteRequest {
        RouteRequest {
            heat,
            quarantined,
            resources: Resources {
                cpu_millis: spec.cpu_millis,
                memory_bytes: spec.memory_bytes,
                gpu: spec.gpu,
                slots: 1,
            },
        }
    }
}

/// The routing outcome.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "decision", rename_all = "lowercase")]
pub enum RouteDecision {
    /// Place the run on `node` (of `pool`, e.g. to note a hot run's fallback to standard).
    Assign { node: String, pool: Pool },
    /// No feasible node now; retry when nodes or capacity change.
    Pending { reason: String },
    /// Never placeable as things stand (quarantine without an alive typhon node): terminal.
    Reject { reason: String },
}

/// Why a node was filtered out. Each node is counted once, by the first filter it fails.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FilterReason {
    HeartbeatExpired,
    Draining,
    LacksTyphon,
    ReservedForQuarantine,
    ReservedForHot,
    LacksPhlegethon,
    LacksPhlegethonOrGpu,
    InsufficientGpu,
    InsufficientCpu,
    InsufficientMemory,
    NoFreeSlots,
}

impl FilterReason {
    const COUNT: usize = 11;
    const ALL: [FilterReason; FilterReason::COUNT] = [
        FilterReason::HeartbeatExpired,
        FilterReason::Draining,
        FilterReason::LacksTyphon,
        FilterReason::ReservedForQuarantine,
        FilterReason::ReservedForHot,
        FilterReason::LacksPhlegethon,
        FilterReason::LacksPhlegethonOrGpu,
        FilterReason::InsufficientGpu,
        FilterReason::InsufficientCpu,
        FilterReason::InsufficientMemory,
        FilterReason::NoFreeSlots,
    ];

    /// The text used in counted reasons ("3 lack tartarus.io/typhon=true").
    pub fn as_str(self) -> &'static str {
        match self {
            FilterReason::HeartbeatExpired => "heartbeat expired",
            FilterReason::Draining => "draining",
            FilterReason::LacksTyphon => "lack tartarus.io/typhon=true",
            FilterReason::ReservedForQuarantine => {
                "reserved for quarantine (tartarus.io/typhon=true)"
            }
            FilterReason::ReservedForHot => {
                "reserved for hot/inferno (tartarus.io/phlegethon=true)"
            }
            FilterReason::LacksPhlegethon => "lack tartarus.io/phlegethon=true",
            FilterReason::LacksPhlegethonOrGpu => "lack tartarus.io/phlegethon=true or a GPU",
            FilterReason::InsufficientGpu => "insufficient gpu",
            FilterReason::InsufficientCpu => "insufficient cpu",
            FilterReason::InsufficientMemory => "insufficient memory",
            FilterReason::NoFreeSlots => "no free slots",
        }
    }
}

// Keep the label texts above in sync with the model's constants, and the reason table in sync with the enum.
const _: () = {
    assert!(FilterReason::NoFreeSlots as usize + 1 == FilterReason::COUNT);
    assert!(matches!(TYPHON_LABEL.as_bytes(), b"tartarus.io/typhon"));
    assert!(matches!(
        PHLEGETHON_LABEL.as_bytes(),
        b"tartarus.io/phlegethon"
    ));
};

/// True when the node's heartbeat is missing or older than its TTL (`last_heartbeat + ttl < now`).
pub fn heartbeat_expired(node: &Node, now_ms: i64) -> bool {
    let ttl_ms = i64::try_from(node.ttl_secs.saturating_mul(1000)).unwrap_or(i64::MAX);
    !node.alive || node.last_heartbeat.saturating_add(ttl_ms) < now_ms
}

/// The first resource that does not fit (`None` exactly when `capacity.fits(usage, want)`).
pub fn capacity_shortfall(
    capacity: &Resources,
    used: &Resources,
    want: &Resources,
) -> Option<FilterReason> {
    if used.gpu.saturating_add(want.gpu) > capacity.gpu {
        Some(FilterReason::InsufficientGpu)
    } else if used.cpu_millis.saturating_add(want.cpu_millis) > capacity.cpu_millis {
        Some(FilterReason::InsufficientCpu)
    } else if used.memory_bytes.saturating_add(want.memory_bytes) > capacity.memory_bytes {
        Some(FilterReason::InsufficientMemory)
    } else if used.slots.saturating_add(want.slots) > capacity.slots {
        Some(FilterReason::NoFreeSlots)
    } else {
        None
    }
}

/// Tier of a node's pool for this request (0 preferred, 1 fallback), or why the pool cannot take it.
fn pool_tier(req: &RouteRequest, pool: Pool, node: &Node) -> Result<u8, FilterReason> {
    if req.quarantined {
        return if pool == Pool::Typhon {
            Ok(0)
        } else {
            Err(FilterReason::LacksTyphon)
        };
    }
    match (req.heat, pool) {
        (_, Pool::Typhon) => Err(FilterReason::ReservedForQuarantine),
        (Heat::Cold | Heat::Warm, Pool::Standard) => Ok(0),
        (Heat::Cold | Heat::Warm, Pool::Phlegethon) => Err(FilterReason::ReservedForHot),
        (Heat::Hot, Pool::Phlegethon) => Ok(0),
        (Heat::Hot, Pool::Standard) => Ok(1),
        (Heat::Inferno, Pool::Phlegethon) => Ok(0),
        (Heat::Inferno, Pool::Standard) if req.resources.gpu > 0 && node.capacity.gpu > 0 => Ok(1),
        (Heat::Inferno, Pool::Standard) if req.resources.gpu > 0 => {
            Err(FilterReason::LacksPhlegethonOrGpu)
        }
        (Heat::Inferno, Pool::Standard) => Err(FilterReason::LacksPhlegethon),
    }
}

/// Dominant share after placement, in parts per million (may exceed 1,000,000 only for over-committed nodes).
fn dominant_share_ppm(capacity: &Resources, used: &Resources, want: &Resources) -> u64 {
    let share = |u: u64, w: u64, c: u64| -> u64 {
        if c == 0 {
            0
        } else {
            let v = (u128::from(u.saturating_add(w)) * 1_000_000) / u128::from(c);
            u64::try_from(v).unwrap_or(u64::MAX)
        }
    };
    share(used.cpu_millis, want.cpu_millis, capacity.cpu_millis)
        .max(share(
            used.memory_bytes,
            want.memory_bytes,
            capacity.memory_bytes,
        ))
        .max(share(
            u64::from(used.slots),
            u64::from(want.slots),
            u64::from(capacity.slots),
        ))
        .max(share(
            u64::from(used.gpu),
            u64::from(want.gpu),
            u64::from(capacity.gpu),
        ))
}

/// Checks one node: its pool and sort key (lower is better), or the first filter it fails.
fn evaluate(
    req: &RouteRequest,
    node: &Node,
    now_ms: i64,
) -> Result<(Pool, (u8, u8, u64)), FilterReason> {
    if heartbeat_expired(node, now_ms) {
        return Err(FilterReason::HeartbeatExpired);
    }
    if node.draining {
        return Err(FilterReason::Draining);
    }
    let pool = Pool::of(node);
    let tier = pool_tier(req, pool, node)?;
    if let Some(short) = capacity_shortfall(&node.capacity, &node.usage, &req.resources) {
        return Err(short);
    }
    let share = dominant_share_ppm(&node.capacity, &node.usage, &req.resources);
    let wants_gpu = req.resources.gpu > 0;
    // Spread for CPU work, pack for GPU work; CPU work avoids GPU nodes.
    let score = if wants_gpu { u64::MAX - share } else { share };
    let gpu_penalty = u8::from(!wants_gpu && node.capacity.gpu > 0);
    Ok((pool, (tier, gpu_penalty, score)))
}

/// `0/5 nodes available: 3 lack tartarus.io/typhon=true, 2 heartbeat expired`.
fn counted_reason(total: usize, counts: &[u32; FilterReason::COUNT]) -> String {
    if total == 0 {
        return "0/0 nodes available: no nodes registered".to_string();
    }
    let mut parts: Vec<(u32, &'static str)> = FilterReason::ALL
        .iter()
        .zip(counts.iter())
        .filter(|(_, &c)| c > 0)
        .map(|(r, &c)| (c, r.as_str()))
        .collect();
    parts.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    let mut out = format!("0/{total} nodes available: ");
    for (i, (count, text)) in parts.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&count.to_string());
        out.push(' ');
        out.push_str(text);
    }
    out
}

/// Routes one run over the known nodes at `now_ms` (Unix ms). See the module docs for the rules.
pub fn route(req: &RouteRequest, nodes: &[Node], now_ms: i64) -> RouteDecision {
    let mut best: Option<((u8, u8, u64), &Node, Pool)> = None;
    let mut counts = [0u32; FilterReason::COUNT];
    let mut typhon_alive = false;
    for node in nodes {
        if req.quarantined && !typhon_alive && node.is_typhon() && !heartbeat_expired(node, now_ms)
        {
            typhon_alive = true;
        }
        match evaluate(req, node, now_ms) {
            Ok((pool, key)) => {
                let better = match &best {
                    None => true,
                    Some((k, n, _)) => (key, node.name.as_str()) < (*k, n.name.as_str()),
                };
                if better {
                    best = Some((key, node, pool));
                }
            }
            Err(reason) => counts[reason as usize] += 1,
        }
    }
    match best {
        Some((_, node, pool)) => RouteDecision::Assign {
            node: node.name.clone(),
            pool,
        },
        None if req.quarantined && !typhon_alive => RouteDecision::Reject {
            reason: format!(
                "no alive quarantine node ({TYPHON_LABEL}=true): {}",
                counted_reason(nodes.len(), &counts)
            ),
        },
        None => RouteDecision::Pending {
            reason: counted_reason(nodes.len(), &counts),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    const NOW: i64 = 1_700_000_000_000;
    const GI: u64 = 1 << 30;

    fn node(name: &str, labels: &[(&str, &str)], cores: u64, gpu: u32) -> Node {
        Node {
            name: name.to_string(),
            labels: labels
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect::<BTreeMap<_, _>>(),
            capacity: Resources {
                cpu_millis: cores * 1000,
                memory_bytes: cores * 4 * GI,
                gpu,
                slots: 10,
            },
            usage: Resources::default(),
            draining: false,
            version: "test".into(),
            last_heartbeat: NOW - 1000,
            ttl_secs: 15,
            alive: true,
            releases: 0,
        }
    }
    fn std_node(name: &str) -> Node {
        node(name, &[], 8, 0)
    }
    fn gpu_std(name: &str) -> Node {
        node(name, &[], 16, 4)
    }
    fn phleg(name: &str) -> Node {
        node(name, &[(PHLEGETHON_LABEL, "true")], 32, 2)
    }
    fn typhon(name: &str) -> Node {
        node(name, &[(TYPHON_LABEL, "true")], 8, 0)
    }

    fn req(heat: Heat, quarantined: bool, gpu: u32) -> RouteRequest {
        RouteRequest {
            heat,
            quarantined,
            resources: Resources {
                cpu_millis: 1000,
                memory_bytes: GI,
                gpu,
                slots: 1,
            },
        }
    }

    fn assign(node: &str, pool: Pool) -> RouteDecision {
        RouteDecision::Assign {
            node: node.into(),
            pool,
        }
    }
    fn pending(reason: &str) -> RouteDecision {
        RouteDecision::Pending {
            reason: reason.into(),
        }
    }
    fn reject(reason: &str) -> RouteDecision {
        RouteDecision::Reject {
            reason: reason.into(),
        }
    }

    /// Every heat × every pool mix, plus quarantine. Read a row as: request, nodes → expected decision.
    #[test]
    fn routing_table() {
        use Pool::*;
        let none: Vec<Node> = vec![];
        let standard = vec![std_node("std-1"), std_node("std-2")];
        let phlegethon = vec![phleg("phl-1")];
        let both = vec![std_node("std-1"), std_node("std-2"), phleg("phl-1")];
        let typhon_only = vec![typhon("ty-1")];
        let all = vec![std_node("std-1"), phleg("phl-1"), typhon("ty-1")];
        let std_gpu = vec![std_node("std-1"), gpu_std("gpu-1")];
        let std_gpu_phleg = vec![std_node("std-1"), gpu_std("gpu-1"), phleg("phl-1")];

        const NO_NODES: &str = "0/0 nodes available: no nodes registered";
        const HOT_ONLY: &str =
            "0/1 nodes available: 1 reserved for hot/inferno (tartarus.io/phlegethon=true)";
        const TY_ONLY: &str =
            "0/1 nodes available: 1 reserved for quarantine (tartarus.io/typhon=true)";
        const NO_PHL: &str = "0/2 nodes available: 2 lack tartarus.io/phlegethon=true";
        const NO_PHL_GPU: &str = "0/2 nodes available: 2 lack tartarus.io/phlegethon=true or a GPU";

        let (cold, warm, hot, inferno) = (Heat::Cold, Heat::Warm, Heat::Hot, Heat::Inferno);
        type Row<'a> = (&'static str, RouteRequest, &'a Vec<Node>, RouteDecision);
        #[rustfmt::skip]
        let table: Vec<Row> = vec![
            // ---- cold ----------------------------------------------------------------------------
            ("cold/none",           req(cold, false, 0),    &none,        pending(NO_NODES)),
            ("cold/standard",       req(cold, false, 0),    &standard,    assign("std-1", Standard)),
            ("cold/phlegethon",     req(cold, false, 0),    &phlegethon,  pending(HOT_ONLY)),
            ("cold/both",           req(cold, false, 0),    &both,        assign("std-1", Standard)),
            ("cold/typhon",         req(cold, false, 0),    &typhon_only, pending(TY_ONLY)),
            // ---- warm ----------------------------------------------------------------------------
            ("warm/none",           req(warm, false, 0),    &none,        pending(NO_NODES)),
            ("warm/standard",       req(warm, false, 0),    &standard,    assign("std-1", Standard)),
            ("warm/phlegethon",     req(warm, false, 0),    &phlegethon,  pending(HOT_ONLY)),
            ("warm/both",           req(warm, false, 0),    &both,        assign("std-1", Standard)),
            ("warm/typhon",         req(warm, false, 0),    &typhon_only, pending(TY_ONLY)),
            // ---- hot: phlegethon, falling back to standard ---------------------------------------
            ("hot/none",            req(hot, false, 0),     &none,        pending(NO_NODES)),
            ("hot/standard",        req(hot, false, 0),     &standard,    assign("std-1", Standard)),
            ("hot/phlegethon",      req(hot, false, 0),     &phlegethon,  assign("phl-1", Phlegethon)),
            ("hot/both",            req(hot, false, 0),     &both,        assign("phl-1", Phlegethon)),
            ("hot/typhon",          req(hot, false, 0),     &typhon_only, pending(TY_ONLY)),
            // ---- inferno without GPU: phlegethon only ---------------------------------------------
            ("inferno/none",        req(inferno, false, 0), &none,        pending(NO_NODES)),
            ("inferno/standard",    req(inferno, false, 0), &standard,    pending(NO_PHL)),
            ("inferno/phlegethon",  req(inferno, false, 0), &phlegethon,  assign("phl-1", Phlegethon)),
            ("inferno/both",        req(inferno, false, 0), &both,        assign("phl-1", Phlegethon)),
            ("inferno/typhon",      req(inferno, false, 0), &typhon_only, pending(TY_ONLY)),
            // ---- inferno with 1 GPU: GPU phlegethon first, then GPU-capable standard --------------
            ("gpu/none",            req(inferno, false, 1), &none,        pending(NO_NODES)),
            ("gpu/standard",        req(inferno, false, 1), &standard,    pending(NO_PHL_GPU)),
            ("gpu/phlegethon",      req(inferno, false, 1), &phlegethon,  assign("phl-1", Phlegethon)),
            ("gpu/both",            req(inferno, false, 1), &both,        assign("phl-1", Phlegethon)),
            ("gpu/typhon",          req(inferno, false, 1), &typhon_only, pending(TY_ONLY)),
            ("gpu/std+gpu",         req(inferno, false, 1), &std_gpu,     assign("gpu-1", Standard)),
            ("gpu/std+gpu+phl",     req(inferno, false, 1), &std_gpu_phleg, assign("phl-1", Phlegethon)),
            // ---- quarantined (any heat): typhon only; none alive → reject --------------------------
            ("q-cold/none",         req(cold, true, 0),     &none,        reject("no alive quarantine node (tartarus.io/typhon=true): 0/0 nodes available: no nodes registered")),
            ("q-cold/standard",     req(cold, true, 0),     &standard,    reject("no alive quarantine node (tartarus.io/typhon=true): 0/2 nodes available: 2 lack tartarus.io/typhon=true")),
            ("q-hot/phlegethon",    req(hot, true, 0),      &phlegethon,  reject("no alive quarantine node (tartarus.io/typhon=true): 0/1 nodes available: 1 lack tartarus.io/typhon=true")),
            ("q-warm/both",         req(warm, true, 0),     &both,        reject("no alive quarantine node (tartarus.io/typhon=true): 0/3 nodes available: 3 lack tartarus.io/typhon=true")),
            ("q-cold/typhon",       req(cold, true, 0),     &typhon_only, assign("ty-1", Typhon)),
            ("q-warm/typhon",       req(warm, true, 0),     &typhon_only, assign("ty-1", Typhon)),
            ("q-hot/typhon",        req(hot, true, 0),      &typhon_only, assign("ty-1", Typhon)),
            ("q-inferno/typhon",    req(inferno, true, 0),  &typhon_only, assign("ty-1", Typhon)),
            ("q-hot/all",           req(hot, true, 0),      &all,         assign("ty-1", Typhon)),
            ("q-inferno/all",       req(inferno, true, 0),  &all,         assign("ty-1", Typhon)),
            ("q-gpu/all",           req(inferno, true, 1),  &all,         pending("0/3 nodes available: 2 lack tartarus.io/typhon=true, 1 insufficient gpu")),
        ];
        let mut failures = Vec::new();
        for (name, r, nodes, want) in &table {
            let got = route(r, nodes, NOW);
            if &got != want {
                failures.push(format!("{name}: want {want:?}, got {got:?}"));
            }
        }
        assert!(
            failures.is_empty(),
            "{} cells wrong:\n{}",
            failures.len(),
            failures.join("\n")
        );
        assert_eq!(table.len(), 38);
    }

    #[test]
    fn reasons_are_counted_once_per_node_and_sorted() {
        let mut dead1 = std_node("dead-1");
        dead1.alive = false;
        let mut dead2 = std_node("dead-2");
        dead2.last_heartbeat = NOW - 16_000; // ttl 15s
        dead2.draining = true; // counted as expired only: the first failing filter wins
        let mut drain = std_node("drain");
        drain.draining = true;
        let mut full = std_node("full");
        full.usage.slots = 10;
        let nodes = vec![dead1, dead2, drain, full, typhon("ty")];
        assert_eq!(
            route(&req(Heat::Cold, false, 0), &nodes, NOW),
            pending("0/5 nodes available: 2 heartbeat expired, 1 draining, 1 no free slots, 1 reserved for quarantine (tartarus.io/typhon=true)")
        );
        // the DESIGN's example: quarantine with three ordinary nodes and two dead typhon nodes
        let mut t1 = typhon("ty-1");
        t1.alive = false;
        let mut t2 = typhon("ty-2");
        t2.last_heartbeat = NOW - 60_000;
        let nodes = vec![std_node("a"), phleg("b"), std_node("c"), t1, t2];
        assert_eq!(
            route(&req(Heat::Warm, true, 0), &nodes, NOW),
            reject("no alive quarantine node (tartarus.io/typhon=true): 0/5 nodes available: 3 lack tartarus.io/typhon=true, 2 heartbeat expired")
        );
    }

    #[test]
    fn quarantine_with_alive_but_busy_typhon_is_pending() {
        let mut full = typhon("ty-1");
        full.usage.cpu_millis = 7500;
        let nodes = vec![std_node("a"), std_node("b"), full.clone()];
        assert_eq!(
            route(&req(Heat::Cold, true, 0), &nodes, NOW),
            pending("0/3 nodes available: 2 lack tartarus.io/typhon=true, 1 insufficient cpu")
        );
        let mut draining = typhon("ty-1");
        draining.draining = true;
        assert_eq!(
            route(&req(Heat::Cold, true, 0), &[draining], NOW),
            pending("0/1 nodes available: 1 draining")
        );
        // a node labelled both typhon and phlegethon is a typhon node
        let both = node(
            "tp",
            &[(TYPHON_LABEL, "true"), (PHLEGETHON_LABEL, "true")],
            8,
            0,
        );
        assert_eq!(Pool::of(&both), Pool::Typhon);
        assert_eq!(
            route(&req(Heat::Hot, false, 0), std::slice::from_ref(&both), NOW),
            pending("0/1 nodes available: 1 reserved for quarantine (tartarus.io/typhon=true)")
        );
        assert_eq!(
            route(&req(Heat::Hot, true, 0), &[both], NOW),
            assign("tp", Pool::Typhon)
        );
        // a label must say exactly "true"
        let not = node("n", &[(TYPHON_LABEL, "yes")], 8, 0);
        assert_eq!(Pool::of(&not), Pool::Standard);
    }

    #[test]
    fn heartbeat_boundary_is_exact() {
        let mut n = std_node("n");
        n.last_heartbeat = NOW - 15_000; // last + ttl == now: still alive
        assert!(!heartbeat_expired(&n, NOW));
        assert!(heartbeat_expired(&n, NOW + 1));
        assert_eq!(
            route(&req(Heat::Cold, false, 0), std::slice::from_ref(&n), NOW),
            assign("n", Pool::Standard)
        );
        assert_eq!(
            route(&req(Heat::Cold, false, 0), &[n], NOW + 1),
            pending("0/1 nodes available: 1 heartbeat expired")
        );
        let mut huge = std_node("h");
        huge.ttl_secs = u64::MAX;
        huge.last_heartbeat = i64::MAX - 5;
        assert!(!heartbeat_expired(&huge, NOW), "no overflow");
    }

    #[test]
    fn capacity_full_is_pending_with_the_resource_named() {
        type Case = (fn(&mut Node), &'static str);
        let cases: [Case; 4] = [
            (
                |n| n.usage.cpu_millis = 31_500,
                "0/1 nodes available: 1 insufficient cpu",
            ),
            (
                |n| n.usage.memory_bytes = 128 * GI,
                "0/1 nodes available: 1 insufficient memory",
            ),
            (
                |n| n.usage.slots = 10,
                "0/1 nodes available: 1 no free slots",
            ),
            (
                |n| n.capacity.gpu = 0,
                "0/1 nodes available: 1 insufficient gpu",
            ),
        ];
        for (f, want) in cases {
            let mut n = phleg("p");
            f(&mut n);
            let r = if want.contains("gpu") {
                req(Heat::Inferno, false, 1)
            } else {
                req(Heat::Hot, false, 0)
            };
            assert_eq!(route(&r, &[n], NOW), pending(want));
        }
        // exactly full still fits
        let mut n = std_node("n");
        n.usage = Resources {
            cpu_millis: 7000,
            memory_bytes: 31 * GI,
            gpu: 0,
            slots: 9,
        };
        assert_eq!(
            route(&req(Heat::Cold, false, 0), &[n], NOW),
            assign("n", Pool::Standard)
        );
    }

    #[test]
    fn shortfall_agrees_with_fits() {
        let cap = Resources {
            cpu_millis: 4000,
            memory_bytes: 8 * GI,
            gpu: 1,
            slots: 2,
        };
        for cpu in [0, 3000, 4000] {
            for mem in [0, 7 * GI, 8 * GI] {
                for gpu in [0, 1] {
                    for slots in [0, 1, 2] {
                        let used = Resources {
                            cpu_millis: cpu,
                            memory_bytes: mem,
                            gpu,
                            slots,
                        };
                        let want = Resources {
                            cpu_millis: 1000,
                            memory_bytes: GI,
                            gpu: 1,
                            slots: 1,
                        };
                        assert_eq!(
                            capacity_shortfall(&cap, &used, &want).is_none(),
                            cap.fits(&used, &want),
                            "{used:?}"
                        );
                    }
                }
            }
        }
        let used = Resources {
            cpu_millis: u64::MAX,
            memory_bytes: 0,
            gpu: 0,
            slots: 0,
        };
        assert_eq!(
            capacity_shortfall(&cap, &used, &Resources::default()),
            Some(FilterReason::InsufficientCpu)
        );
    }

    #[test]
    fn spread_picks_least_allocated_then_name() {
        let mut busy = std_node("a-busy");
        busy.usage.cpu_millis = 4000;
        let mut light = std_node("b-light");
        light.usage.cpu_millis = 1000;
        let mut mem_heavy = std_node("c-mem");
        mem_heavy.usage.memory_bytes = 24 * GI; // dominant share is memory
        let nodes = vec![busy.clone(), light, mem_heavy];
        assert_eq!(
            route(&req(Heat::Cold, false, 0), &nodes, NOW),
            assign("b-light", Pool::Standard)
        );
        // equal shares: name order decides, whatever the input order
        let nodes = vec![std_node("z"), std_node("m"), std_node("q")];
        assert_eq!(
            route(&req(Heat::Cold, false, 0), &nodes, NOW),
            assign("m", Pool::Standard)
        );
        // CPU work avoids GPU nodes while a GPU-less node fits
        let nodes = vec![gpu_std("a-gpu"), busy.clone()];
        assert_eq!(
            route(&req(Heat::Cold, false, 0), &nodes, NOW),
            assign("a-busy", Pool::Standard)
        );
        let mut full = busy;
        full.usage.slots = 10;
        let nodes = vec![gpu_std("a-gpu"), full];
        assert_eq!(
            route(&req(Heat::Cold, false, 0), &nodes, NOW),
            assign("a-gpu", Pool::Standard)
        );
    }

    #[test]
    fn gpu_work_packs_and_falls_back_to_gpu_standard() {
        let mut half = phleg("p-half");
        half.usage.gpu = 1; // after placement: 2/2
        let empty = phleg("p-empty");
        assert_eq!(
            route(
                &req(Heat::Inferno, false, 1),
                &[empty.clone(), half.clone()],
                NOW
            ),
            assign("p-half", Pool::Phlegethon)
        );
        // phlegethon GPUs exhausted → GPU-capable standard node
        let mut full = half;
        full.usage.gpu = 2;
        let nodes = vec![full.clone(), std_node("s"), gpu_std("g")];
        assert_eq!(
            route(&req(Heat::Inferno, false, 1), &nodes, NOW),
            assign("g", Pool::Standard)
        );
        // nothing fits: each node counted by its reason
        let mut g = gpu_std("g");
        g.usage.gpu = 4;
        assert_eq!(
            route(&req(Heat::Inferno, false, 1), &[full, std_node("s"), g], NOW),
            pending("0/3 nodes available: 2 insufficient gpu, 1 lack tartarus.io/phlegethon=true or a GPU")
        );
        // inferno without GPU never falls back to standard, even a GPU one
        assert_eq!(
            route(&req(Heat::Inferno, false, 0), &[gpu_std("g")], NOW),
            pending("0/1 nodes available: 1 lack tartarus.io/phlegethon=true")
        );
    }

    #[test]
    fn hot_falls_back_only_when_no_phlegethon_node_is_feasible() {
        let mut p = phleg("p");
        p.usage.slots = 10;
        let nodes = vec![p.clone(), std_node("s")];
        assert_eq!(
            route(&req(Heat::Hot, false, 0), &nodes, NOW),
            assign("s", Pool::Standard)
        );
        let mut busy_p = phleg("p");
        busy_p.usage.cpu_millis = 30_000; // nearly full, but feasible: still preferred over an empty standard node
        assert_eq!(
            route(&req(Heat::Hot, false, 0), &[std_node("s"), busy_p], NOW),
            assign("p", Pool::Phlegethon)
        );
        let mut dead = phleg("p");
        dead.alive = false;
        assert_eq!(
            route(&req(Heat::Hot, false, 0), &[dead, std_node("s")], NOW),
            assign("s", Pool::Standard)
        );
    }

    #[test]
    fn reason_table_matches_the_enum_order() {
        for (i, r) in FilterReason::ALL.iter().enumerate() {
            assert_eq!(*r as usize, i, "{r:?}");
        }
    }

    #[test]
    fn request_from_spec_takes_one_slot() {
        let mut s = crate::control::heat::tests::spec();
        s.gpu = 2;
        let r = RouteRequest::for_spec(&s, Heat::Inferno, false);
        assert_eq!(
            r.resources,
            Resources {
                cpu_millis: 1000,
                memory_bytes: 256 << 20,
                gpu: 2,
                slots: 1
            }
        );
    }

    #[test]
    fn decision_serializes_tagged() {
        let json = serde_json::to_string(&assign("n", Pool::Phlegethon)).unwrap();
        assert_eq!(
            json,
            r#"{"decision":"assign","node":"n","pool":"phlegethon"}"#
        );
    }
}

#[cfg(test)]
mod perf {
    use super::*;

    /// Throughput check: `cargo test --lib -- --ignored route_throughput --nocapture`.
    #[test]
    #[ignore]
    fn route_throughput() {
        let nodes: Vec<Node> = (0..100)
            .map(|i| {
                let mut labels = std::collections::BTreeMap::new();
                match i % 10 {
                    0 => {
                        labels.insert(TYPHON_LABEL.to_string(), "true".to_string());
                    }
                    1..=3 => {
                        labels.insert(PHLEGETHON_LABEL.to_string(), "true".to_string());
                    }
                    _ => {}
                }
                Node {
                    name: format!("node-{i:03}"),
                    labels,
                    capacity: Resources {
                        cpu_millis: 32_000,
                        memory_bytes: 128 << 30,
                        gpu: (i % 4 == 1) as u32 * 2,
                        slots: 64,
                    },
                    usage: Resources {
                        cpu_millis: (i as u64 * 300) % 32_000,
                        memory_bytes: 0,
                        gpu: 0,
                        slots: (i % 64) as u32,
                    },
                    draining: false,
                    version: "v".into(),
                    last_heartbeat: 1_000,
                    ttl_secs: 15,
                    alive: true,
                    releases: 0,
                }
            })
            .collect();
        let heats = [Heat::Cold, Heat::Warm, Heat::Hot, Heat::Inferno];
        let n = 100_000;
        let start = std::time::Instant::now();
        let mut assigned = 0;
        for i in 0..n {
            let r = RouteRequest {
                heat: heats[i % 4],
                quarantined: i % 50 == 0,
                resources: Resources {
                    cpu_millis: 1000,
                    memory_bytes: 1 << 30,
                    gpu: 0,
                    slots: 1,
                },
            };
            if matches!(route(&r, &nodes, 2_000), RouteDecision::Assign { .. }) {
                assigned += 1;
            }
        }
        let rate = n as f64 / start.elapsed().as_secs_f64();
        println!("route: {rate:.0}/s over {n} runs x 100 nodes ({assigned} assigned)");
        assert_eq!(assigned, n);
        assert!(rate > 20_000.0, "{rate}");
    }
}
