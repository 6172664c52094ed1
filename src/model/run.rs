//! A sandbox run as kept in the Hades registry: its state machine, verdict, placement and outcome.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use super::spec::{Heat, SandboxSpec};

/// Every state a run can be in. Transitions are checked by the store atomically.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RunState {
    /// Submitted and waiting in Acheron.
    Queued,
    /// Allowed by Rhadamanthus, not yet placed.
    Admitted,
    /// Waiting for a feasible node (the reason says why).
    Pending,
    /// Assigned to a node, not yet started by its agent.
    Scheduled,
    /// Started by the agent.
    Running,
    Succeeded,
    Failed,
    TimedOut,
    Cancelled,
    /// Refused by an admission policy.
    Denied,
    /// Refused by routing (e.g. quarantine with no Typhon node).
    Rejected,
    /// Its node's heartbeat expired; it will be requeued or dead-lettered.
    Lost,
    /// Dead-lettered after too many attempts.
    Dead,
}

impl RunState {
    pub const ALL: [RunState; 13] = [
        RunState::Queued,
        RunState::Admitted,
        RunState::Pending,
        RunState::Scheduled,
        RunState::Running,
        RunState::Succeeded,
        RunState::Failed,
        RunState::TimedOut,
        RunState::Cancelled,
        RunState::Denied,
        RunState::Rejected,
        RunState::Lost,
        RunState::Dead,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            RunState::Queued => "queued",
            RunState::Admitted => "admitted",
            RunState::Pending => "pending",
            RunState::Scheduled => "scheduled",
            RunState::Running => "running",
            RunState::Succeeded => "succeeded",
            RunState::Failed => "failed",
            RunState::TimedOut => "timed_out",
            RunState::Cancelled => "cancelled",
            RunState::Denied => "denied",
            RunState::Rejected => "rejected",
            RunState::Lost => "lost",
            RunState::Dead => "dead",
        }
    }

    pub fn parse(s: &str) -> Option<RunState> {
        RunState::ALL.into_iter().find(|st| st.as_str() == s)
    }

    /// Terminal states never change again.
    pub fn is_terminal(self) -> bool {
        matches!(
            self,
            RunState::Succeeded
                | RunState::Failed
                | RunState::TimedOut
                | RunState::Cancelled
                | RunState::Denied
                | RunState::Rejected
                | RunState::Dead
        )
    }

    /// States from which a cancel is accepted: every non-terminal state.
    pub fn non_terminal() -> Vec<RunState> {
        RunState::ALL
            .into_iter()
            .filter(|s| !s.is_terminal())
            .collect()
    }
}

impl fmt::Display for RunState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Rhadamanthus' verdict on a run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    Allow,
    Quarantine,
    Deny,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Allow => "allow",
            Verdict::Quarantine => "quarantine",
            Verdict::Deny => "deny",
        }
    }
    pub fn parse(s: &str) -> Option<Verdict> {
        match s {
            "allow" => Some(Verdict::Allow),
            "quarantine" => Some(Verdict::Quarantine),
            "deny" => Some(Verdict::Deny),
            _ => None,
        }
    }
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A run as stored in Hades. Timestamps are Unix milliseconds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Run {
    pub id: String,
    pub name: String,
    pub state: RunState,
    pub spec: SandboxSpec,
    pub priority: u32,
    /// Heat after classification (the request's, or Phlegethon's guess).
    pub heat: Option<Heat>,
    pub verdict: Option<Verdict>,
    #[serde(default)]
    pub reasons: Vec<String>,
    pub policy_version: Option<u64>,
    pub quarantined: bool,
    pub node: Option<String>,
    /// Why a run waits, was rejected, or ended the way it did.
    pub message: Option<String>,
    /// Placements so far: each one's number is its attempt token (an agent starts and finishes
    /// only the current one). Never decreases, so no two placements share a token.
    pub attempts: u32,
    /// `attempts` when the run was last retried from the dead letters: the retry budget
    /// (`--max-attempts`) counts from here.
    #[serde(default)]
    pub attempts_base: u32,
    /// `metadata.idempotencyKey` it was submitted with (the store's key for it also names the
    /// content hash).
    #[serde(default)]
    pub idempotency_key: Option<String>,
    pub exit_code: Option<i32>,
    pub created_at: i64,
    pub updated_at: i64,
    pub started_at: Option<i64>,
    pub finished_at: Option<i64>,
    #[serde(default)]
    pub log_tail: String,
    /// Where the agent keeps the full (capped) log, on its node.
    #[serde(default)]
    pub log_path: Option<String>,
}

/// Hash field names of a run in Redis, in one place.
pub mod field {
    pub const ID: &str = "id";
    pub const NAME: &str = "name";
    pub const STATE: &str = "state";
    pub const SPEC: &str = "spec";
    pub const PRIORITY: &str = "priority";
    pub const HEAT: &str = "heat";
    pub const VERDICT: &str = "verdict";
    pub const REASONS: &str = "reasons";
    pub const POLICY_VERSION: &str = "policy_version";
    pub const QUARANTINED: &str = "quarantined";
    pub const NODE: &str = "node";
    pub const MESSAGE: &str = "message";
    pub const ATTEMPTS: &str = "attempts";
    pub const ATTEMPTS_BASE: &str = "attempts_base";
    pub const IDEMPOTENCY_KEY: &str = "idempotency_key";
    pub const EXIT_CODE: &str = "exit_code";
    pub const CREATED_AT: &str = "created_at";
    pub const UPDATED_AT: &str = "updated_at";
    pub const STARTED_AT: &str = "started_at";
    pub const FINISHED_AT: &str = "finished_at";
    pub const LOG_TAIL: &str = "log_tail";
    pub const LOG_PATH: &str = "log_path";
    /// The run's own retention once finished (ms), copied from the spec's `ttlAfterFinished` so
    /// the step that finishes the run can index it without decoding the spec.
    pub const TTL_MS: &str = "ttl_ms";
}

/// Why a stored run could not be read back.
#[derive(Debug, thiserror::Error)]
#[error("run {id}: field `{field}` is corrupt: {message}")]
pub struct CorruptRun {
    pub id: String,
    pub field: String,
    pub message: String,
}

impl Run {
    /// A new run in `queued`, as submitted. The spec's idempotency key moves to the run.
    pub fn new(id: String, mut spec: SandboxSpec, now_ms: i64) -> Run {
        let idempotency_key = spec.idempotency_key.take();
        Run {
            attempts_base: 0,
            idempotency_key,
            id,
            name: spec.name.clone(),
            state: RunState::Queued,
            priority: spec.priority,
            heat: spec.heat,
            verdict: None,
            reasons: Vec::new(),
            policy_version: None,
            quarantined: spec.quarantine_requested(),
            node: None,
            message: None,
            attempts: 0,
            exit_code: None,
            created_at: now_ms,
            updated_at: now_ms,
            started_at: None,
            finished_at: None,
            log_tail: String::new(),
            log_path: None,
            spec,
        }
    }

    /// The run as flat hash fields. Absent options, and fields at the value [`Run::from_fields`]
    /// reads for a missing one (the spec's name, not quarantined, attempt 0, updated when
    /// created), are left out: a submit writes 6 fields instead of 10, which is a fifth of what
    /// a bulk submit costs Redis.
    pub fn to_fields(&self) -> Vec<(&'static str, String)> {
        let mut f = vec![
            (field::ID, self.id.clone()),
            (field::STATE, self.state.as_str().to_string()),
            (
                field::SPEC,
                serde_json::to_string(&self.spec).unwrap_or_default(),
            ),
            (field::PRIORITY, self.priority.to_string()),
            (field::CREATED_AT, self.created_at.to_string()),
        ];
        if self.name != self.spec.name {
            f.push((field::NAME, self.name.clone()));
        }
        if self.quarantined {
            f.push((field::QUARANTINED, "1".to_string()));
        }
        if self.attempts != 0 {
            f.push((field::ATTEMPTS, self.attempts.to_string()));
        }
        if self.attempts_base != 0 {
            f.push((field::ATTEMPTS_BASE, self.attempts_base.to_string()));
        }
        if self.updated_at != self.created_at {
            f.push((field::UPDATED_AT, self.updated_at.to_string()));
        }
        if let Some(h) = self.heat {
            f.push((field::HEAT, h.as_str().to_string()));
        }
        if let Some(v) = self.verdict {
            f.push((field::VERDICT, v.as_str().to_string()));
        }
        if !self.reasons.is_empty() {
            f.push((
                field::REASONS,
                serde_json::to_string(&self.reasons).unwrap_or_default(),
            ));
        }
        if let Some(v) = self.policy_version {
            f.push((field::POLICY_VERSION, v.to_string()));
        }
        if let Some(n) = &self.node {
            f.push((field::NODE, n.clone()));
        }
        if let Some(m) = &self.message {
            f.push((field::MESSAGE, m.clone()));
        }
        if let Some(c) = self.exit_code {
            f.push((field::EXIT_CODE, c.to_string()));
        }
        if let Some(t) = self.started_at {
            f.push((field::STARTED_AT, t.to_string()));
        }
        if let Some(t) = self.finished_at {
            f.push((field::FINISHED_AT, t.to_string()));
        }
        if !self.log_tail.is_empty() {
            f.push((field::LOG_TAIL, self.log_tail.clone()));
        }
        if let Some(p) = &self.log_path {
            f.push((field::LOG_PATH, p.clone()));
        }
        if let Some(ms) = self.spec.ttl_after_finished_ms {
            f.push((field::TTL_MS, ms.to_string()));
        }
        if let Some(k) = &self.idempotency_key {
            f.push((field::IDEMPOTENCY_KEY, k.clone()));
        }
        f
    }

    /// Hash of what was asked (the stored spec, without the idempotency key): a repeated key must
    /// come with the same content.
    pub fn content_hash(&self) -> String {
        use sha2::{Digest, Sha256};
        let mut spec = self.spec.clone();
        spec.idempotency_key = None;
        let bytes = serde_json::to_vec(&spec).unwrap_or_default();
        Sha256::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }

    /// Rebuilds a run from its hash fields.
    pub fn from_fields(fields: &BTreeMap<String, String>) -> Result<Run, CorruptRun> {
        let id = fields.get(field::ID).cloned().unwrap_or_default();
        let bad = |field: &str, message: String| CorruptRun {
            id: id.clone(),
            field: field.to_string(),
            message,
        };
        let get = |name: &str| fields.get(name).map(String::as_str);
        let req = |name: &str| get(name).ok_or_else(|| bad(name, "missing".into()));
        let num = |name: &str| -> Result<Option<i64>, CorruptRun> {
            get(name)
                .map(|v| v.parse::<i64>().map_err(|e| bad(name, e.to_string())))
                .transpose()
        };
        let state_text = req(field::STATE)?;
        let state = RunState::parse(state_text)
            .ok_or_else(|| bad(field::STATE, format!("unknown state `{state_text}`")))?;
        let spec: SandboxSpec =
            serde_json::from_str(req(field::SPEC)?).map_err(|e| bad(field::SPEC, e.to_string()))?;
        let reasons = match get(field::REASONS) {
            Some(r) => serde_json::from_str(r).map_err(|e| bad(field::REASONS, e.to_string()))?,
            None => Vec::new(),
        };
        Ok(Run {
            id: id.clone(),
            name: get(field::NAME).unwrap_or(&spec.name).to_string(),
            state,
            priority: num(field::PRIORITY)?.unwrap_or(0) as u32,
            heat: get(field::HEAT).and_then(Heat::parse),
            verdict: get(field::VERDICT).and_then(Verdict::parse),
            reasons,
            policy_version: num(field::POLICY_VERSION)?.map(|v| v as u64),
            quarantined: get(field::QUARANTINED) == Some("1"),
            node: get(field::NODE)
                .filter(|s| !s.is_empty())
                .map(str::to_string),
            message: get(field::MESSAGE)
                .filter(|s| !s.is_empty())
                .map(str::to_string),
            attempts: num(field::ATTEMPTS)?.unwrap_or(0) as u32,
            attempts_base: num(field::ATTEMPTS_BASE)?.unwrap_or(0) as u32,
            idempotency_key: get(field::IDEMPOTENCY_KEY)
                .filter(|s| !s.is_empty())
                .map(str::to_string),
            exit_code: num(field::EXIT_CODE)?.map(|v| v as i32),
            created_at: num(field::CREATED_AT)?.unwrap_or(0),
            updated_at: num(field::UPDATED_AT)?
                .or(num(field::CREATED_AT)?)
                .unwrap_or(0),
            started_at: num(field::STARTED_AT)?,
            finished_at: num(field::FINISHED_AT)?,
            log_tail: get(field::LOG_TAIL).unwrap_or_default().to_string(),
            log_path: get(field::LOG_PATH)
                .filter(|s| !s.is_empty())
                .map(str::to_string),
            spec,
        })
    }
}

/// One entry in the event stream: a run transition or a policy change.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Stream id (`<ms>-<seq>`), or a local sequence for the in-memory backend.
    pub id: String,
    pub at: i64,
    pub kind: String,
    pub run: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub node: Option<String>,
    pub message: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::spec::parse_sandbox_documents;

    #[test]
    fn fields_round_trip() {
        let spec = parse_sandbox_documents("t", "spec:\n  image: x\n  command: [a, b]\n")
            .unwrap()
            .remove(0);
        let mut run = Run::new("01J0000000000000000000000".into(), spec, 1_700_000_000_000);
        run.verdict = Some(Verdict::Quarantine);
        run.reasons = vec!["policy p rule r: suspicious".into()];
        run.node = Some("n1".into());
        run.exit_code = Some(3);
        let map: BTreeMap<String, String> = run
            .to_fields()
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect();
        assert_eq!(Run::from_fields(&map).unwrap(), run);
        // What a new run leaves out reads back as it was.
        assert!(!map.contains_key("attempts") && !map.contains_key("updated_at"));
        run.name = "other".into();
        run.quarantined = true;
        run.attempts = 4;
        run.attempts_base = 2;
        run.updated_at = run.created_at + 5;
        let map: BTreeMap<String, String> = run
            .to_fields()
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect();
        assert_eq!(map.len(), 14, "{map:?}");
        assert_eq!(Run::from_fields(&map).unwrap(), run);
    }

    #[test]
    fn corrupt_state_is_reported() {
        let mut map = BTreeMap::new();
        map.insert("id".to_string(), "x".to_string());
        map.insert("state".to_string(), "weird".to_string());
        let err = Run::from_fields(&map).unwrap_err().to_string();
        assert!(err.contains("weird"), "{err}");
    }
}
