//! How runs, events and nodes look in `-o json|yaml`: a run is the document that was submitted
//! (`apiVersion`, `kind`, `metadata`, `spec` in the input schema) with what happened to it under
//! `status`, so `sandbox get -o yaml` can be submitted again; times are RFC 3339 strings.
//!
//! These are views only: what the store keeps in Redis does not change shape.

use std::collections::BTreeMap;
use std::time::Duration;

use serde::Serialize;

use super::node::{Node, Resources};
use super::run::{Event, Run, RunState, Verdict};
use super::spec::{EnvFrom, Heat, SandboxSpec};
use super::units::{format_cpu_millis, format_duration};
use crate::output::rfc3339;

/// The `apiVersion` of sandbox documents.
pub const API_VERSION: &str = "tartarus.io/v1";
/// The `kind` of sandbox documents.
pub const KIND: &str = "Sandbox";

/// A run as a resubmittable document with its status.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RunView {
    pub api_version: &'static str,
    pub kind: &'static str,
    pub metadata: MetadataView,
    pub spec: SpecView,
    pub status: StatusView,
}

/// `metadata`, in the input schema.
#[derive(Clone, Debug, Serialize)]
pub struct MetadataView {
    pub name: String,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub labels: BTreeMap<String, String>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub annotations: BTreeMap<String, String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tenant: Option<String>,
    /// The key the run was submitted with: submitting this document again returns this run.
    #[serde(rename = "idempotencyKey", skip_serializing_if = "Option::is_none")]
    pub idempotency_key: Option<String>,
}

/// `spec`, in the input schema: `cpu: 500m`, `memory: 256Mi`, `timeout: 30s`.
#[derive(Clone, Debug, Serialize)]
pub struct SpecView {
    pub image: String,
    pub command: Vec<String>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub env: BTreeMap<String, String>,
    /// `envFrom`: the file on the agent's host (only its path is stored).
    #[serde(rename = "envFrom", skip_serializing_if = "Option::is_none")]
    pub env_from: Option<EnvFrom>,
    pub resources: ResourcesView,
    pub timeout: String,
    /// The heat the request asked for (the classified heat is `status.heat`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub heat: Option<Heat>,
    pub priority: u32,
    pub network: bool,
    pub privileged: bool,
    /// `ttlAfterFinished`: the run's own retention once finished.
    #[serde(rename = "ttlAfterFinished", skip_serializing_if = "Option::is_none")]
    pub ttl_after_finished: Option<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct ResourcesView {
    pub cpu: String,
    pub memory: String,
    pub gpu: u32,
}

/// What happened to the run. Ignored when the document is submitted again.
#[derive(Clone, Debug, Serialize)]
pub struct StatusView {
    pub id: String,
    pub state: RunState,
    pub message: Option<String>,
    /// The heat after classification.
    pub heat: Option<Heat>,
    pub verdict: Option<Verdict>,
    pub reasons: Vec<String>,
    pub policy_version: Option<u64>,
    pub quarantined: bool,
    pub node: Option<String>,
    pub attempts: u32,
    pub exit_code: Option<i32>,
    #[serde(with = "rfc3339")]
    pub created_at: i64,
    #[serde(with = "rfc3339")]
    pub updated_at: i64,
    #[serde(with = "rfc3339::option")]
    pub started_at: Option<i64>,
    #[serde(with = "rfc3339::option")]
    pub finished_at: Option<i64>,
    /// Milliseconds from start to finish, when both are known.
    pub duration_ms: Option<u64>,
    pub log_path: Option<String>,
    /// The stored end of the output (`sandbox get` only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub log_tail: Option<String>,
    /// The run's recent history (`sandbox get` only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub events: Option<Vec<EventView>>,
}

pub use super::units::exact_bytes;

impl SpecView {
    /// Splits a stored spec into the document's `metadata` and `spec`. Every field is named, so
    /// a field added to [`SandboxSpec`] does not compile until it has its place here.
    pub fn split(spec: &SandboxSpec) -> (MetadataView, SpecView) {
        let SandboxSpec {
            name,
            image,
            command,
            env,
            env_from,
            cpu_millis,
            memory_bytes,
            gpu,
            timeout_secs,
            heat,
            priority,
            labels,
            annotations,
            tenant,
            network,
            privileged,
            ttl_after_finished_ms,
            idempotency_key,
        } = spec.clone();
        (
            MetadataView {
                name,
                labels,
                annotations,
                tenant,
                idempotency_key,
            },
            SpecView {
                image,
                command,
                env,
                env_from,
                resources: ResourcesView {
                    cpu: format_cpu_millis(cpu_millis),
                    memory: exact_bytes(memory_bytes),
                    gpu,
                },
                timeout: format_duration(Duration::from_secs(timeout_secs)),
                heat,
                priority,
                network,
                privileged,
                ttl_after_finished: ttl_after_finished_ms
                    .map(|ms| format_duration(Duration::from_millis(ms))),
            },
        )
    }
}

impl RunView {
    /// The list form: no log tail, no events.
    pub fn of(run: &Run) -> RunView {
        let (mut metadata, spec) = SpecView::split(&run.spec);
        metadata.idempotency_key = metadata
            .idempotency_key
            .or_else(|| run.idempotency_key.clone());
        let duration_ms = match (run.started_at, run.finished_at) {
            (Some(s), Some(f)) => Some((f - s).max(0) as u64),
            _ => None,
        };
        RunView {
            api_version: API_VERSION,
            kind: KIND,
            metadata,
            spec,
            status: StatusView {
                id: run.id.clone(),
                state: run.state,
                message: run.message.clone(),
                heat: run.heat,
                verdict: run.verdict,
                reasons: run.reasons.clone(),
                policy_version: run.policy_version,
                quarantined: run.quarantined,
                node: run.node.clone(),
                attempts: run.attempts,
                exit_code: run.exit_code,
                created_at: run.created_at,
                updated_at: run.updated_at,
                started_at: run.started_at,
                finished_at: run.finished_at,
                duration_ms,
                log_path: run.log_path.clone(),
                log_tail: None,
                events: None,
            },
        }
    }

    /// The `sandbox get` form: with the stored log tail and the run's events.
    pub fn detailed(run: &Run, events: &[Event]) -> RunView {
        let mut view = RunView::of(run);
        view.status.log_tail = Some(run.log_tail.clone());
        view.status.events = Some(events.iter().map(EventView::of).collect());
        view
    }
}

/// An event: a run transition or a policy change.
#[derive(Clone, Debug, Serialize)]
pub struct EventView {
    pub id: String,
    #[serde(with = "rfc3339")]
    pub at: i64,
    pub kind: String,
    pub run: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub node: Option<String>,
    pub message: Option<String>,
}

impl EventView {
    pub fn of(e: &Event) -> EventView {
        EventView {
            id: e.id.clone(),
            at: e.at,
            kind: e.kind.clone(),
            run: e.run.clone(),
            from: e.from.clone(),
            to: e.to.clone(),
            node: e.node.clone(),
            message: e.message.clone(),
        }
    }
}

/// A node: status and pool spelled out, heartbeat as a time, TTL in milliseconds.
#[derive(Clone, Debug, Serialize)]
pub struct NodeView {
    pub name: String,
    /// `alive`, `draining` or `expired`.
    pub status: &'static str,
    /// `standard`, `phlegethon` or `typhon`.
    pub pool: &'static str,
    pub labels: BTreeMap<String, String>,
    pub capacity: Resources,
    pub usage: Resources,
    pub version: String,
    #[serde(with = "rfc3339::option")]
    pub last_heartbeat: Option<i64>,
    pub ttl_ms: u64,
    /// Runs placed on the node (`node get` only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub runs: Option<Vec<String>>,
}

impl NodeView {
    pub fn of(n: &Node) -> NodeView {
        NodeView {
            name: n.name.clone(),
            status: node_status(n),
            pool: node_pool(n),
            labels: n.labels.clone(),
            capacity: n.capacity,
            usage: n.usage,
            version: n.version.clone(),
            last_heartbeat: (n.last_heartbeat > 0).then_some(n.last_heartbeat),
            ttl_ms: n.ttl_secs.saturating_mul(1000),
            runs: None,
        }
    }
}

/// The pool a node serves.
pub fn node_pool(n: &Node) -> &'static str {
    if n.is_typhon() {
        "typhon"
    } else if n.is_phlegethon() {
        "phlegethon"
    } else {
        "standard"
    }
}

/// `alive`, `draining` or `expired`.
pub fn node_status(n: &Node) -> &'static str {
    match (n.alive, n.draining) {
        (false, _) => "expired",
        (true, true) => "draining",
        (true, false) => "alive",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::spec::parse_sandbox_documents;

    #[test]
    fn a_run_view_submits_back_to_the_same_spec() {
        let text = "metadata: {name: odd, labels: {a: b}, tenant: acme}\nspec:\n  image: x\n  command: [sh, -c, 'exit 0']\n  env: {K: v}\n  resources: {cpu: 1500m, memory: 5000000, gpu: 1}\n  timeout: 1h30m5s\n  heat: hot\n  priority: 7\n  network: true\n";
        let spec = parse_sandbox_documents("t", text).unwrap().remove(0);
        let mut run = Run::new(
            "01J0000000000000000000000".into(),
            spec.clone(),
            1_700_000_000_000,
        );
        run.finished_at = Some(1_700_000_000_500);
        run.started_at = Some(1_700_000_000_100);
        let yaml = serde_yaml::to_string(&RunView::detailed(&run, &[])).unwrap();
        assert!(
            yaml.contains("cpu: 1500m") && yaml.contains("timeout: 1h30m5s"),
            "{yaml}"
        );
        assert!(
            yaml.contains("created_at: 2023-11-14T22:13:20.000Z"),
            "{yaml}"
        );
        assert!(yaml.contains("duration_ms: 400"), "{yaml}");
        let again = parse_sandbox_documents("again", &yaml).unwrap().remove(0);
        assert_eq!(again, spec);
    }

    #[test]
    fn exact_sizes() {
        assert_eq!(exact_bytes(256 << 20), "256Mi");
        assert_eq!(exact_bytes(5_000_000), "5000000");
        assert_eq!(exact_bytes(3 << 30), "3Gi");
    }
}
