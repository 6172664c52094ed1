//! Submitting runs: specs from a file or from flags (one validation for both), fresh run ids, and acknowledged batches.

use std::collections::BTreeMap;

use anyhow::{Context as _, Result};
use serde::Serialize;

use crate::model::documents::DocumentError;
use crate::model::now_ms;
use crate::model::run::Run;
use crate::model::spec::{parse_sandbox_documents, Heat, SandboxSpec, SpecError};
use crate::ops::input::Input;
use crate::store::{Admission, Store};

/// Runs sent per store call; each call is acknowledged before the next.
pub const SUBMIT_CHUNK: usize = 20_000;

/// A sandbox described by flags instead of a file.
#[derive(Debug, Clone, Default)]
pub struct FlagSpec {
    pub name: Option<String>,
    pub image: String,
    /// The program and its arguments (what follows `--`).
    pub command: Vec<String>,
    pub cpu: Option<String>,
    pub memory: Option<String>,
    pub gpu: Option<i64>,
    pub timeout: Option<String>,
    pub heat: Option<Heat>,
    pub priority: Option<i64>,
    pub labels: BTreeMap<String, String>,
    pub env: BTreeMap<String, String>,
    pub quarantine: bool,
    pub network: bool,
}

/// Every sandbox document of a file, validated (one bad document fails the whole file).
pub fn specs_from_input(input: &Input) -> Result<Vec<SandboxSpec>, SpecError> {
    parse_sandbox_documents(&input.name, &input.text)
}

/// The spec flags describe, validated exactly as the same document in a file would be.
pub fn spec_from_flags(flags: &FlagSpec) -> Result<SandboxSpec, SpecError> {
    use serde_yaml::{Mapping, Value};
    let mut meta = Mapping::new();
    if let Some(n) = &flags.name {
        meta.insert("name".into(), n.clone().into());
    }
    let map = |m: &BTreeMap<String, String>| -> Value {
        Value::Mapping(
            m.iter()
                .map(|(k, v)| (Value::from(k.clone()), Value::from(v.clone())))
                .collect(),
        )
    };
    meta.insert("labels".into(), map(&flags.labels));
    if flags.quarantine {
        let mut ann = Mapping::new();
        ann.insert(
            crate::model::spec::QUARANTINE_ANNOTATION.into(),
            "true".into(),
        );
        meta.insert("annotations".into(), ann.into());
    }
    let mut spec = Mapping::new();
    spec.insert("image".into(), flags.image.clone().into());
    spec.insert(
        "command".into(),
        Value::Sequence(flags.command.iter().cloned().map(Value::from).collect()),
    );
    spec.insert("env".into(), map(&flags.env));
    let mut res = Mapping::new();
    if let Some(c) = &flags.cpu {
        res.insert("cpu".into(), c.clone().into());
    }
    if let Some(m) = &flags.memory {
        res.insert("memory".into(), m.clone().into());
    }
    if let Some(g) = flags.gpu {
        res.insert("gpu".into(), g.into());
    }
    spec.insert("resources".into(), res.into());
    if let Some(t) = &flags.timeout {
        spec.insert("timeout".into(), t.clone().into());
    }
    if let Some(h) = flags.heat {
        spec.insert("heat".into(), h.as_str().into());
    }
    if let Some(p) = flags.priority {
        spec.insert("priority".into(), p.into());
    }
    if flags.network {
        spec.insert("network".into(), true.into());
    }
    let mut doc = Mapping::new();
    doc.insert("metadata".into(), meta.into());
    doc.insert("spec".into(), spec.into());
    let text = serde_yaml::to_string(&doc).map_err(|e| {
        SpecError::Parse(DocumentError::Parse {
            source_name: "flags".into(),
            index: 0,
            message: e.to_string(),
        })
    })?;
    let mut specs = parse_sandbox_documents("flags", &text)?;
    Ok(specs.remove(0))
}

/// New runs with fresh, monotonic ULIDs (creation order = id order).
pub fn new_runs(specs: Vec<SandboxSpec>) -> Vec<Run> {
    let mut gen = ulid::Generator::new();
    let now = now_ms();
    specs
        .into_iter()
        .map(|spec| {
            let id = gen
                .generate()
                .unwrap_or_else(|_| ulid::Ulid::new())
                .to_string();
            Run::new(id, spec, now)
        })
        .collect()
}

/// Gives every document without its own `metadata.idempotencyKey` the key `prefix` + its index
/// (0-based, in file order): running the same command again then returns the runs of the first
/// run instead of creating new ones.
pub fn apply_key_prefix(specs: &mut [SandboxSpec], prefix: &str) -> Result<(), SpecError> {
    for (index, spec) in specs.iter_mut().enumerate() {
        if spec.idempotency_key.is_none() {
            let key = format!("{prefix}{index}");
            crate::model::spec::check_idempotency_key("--idempotency-key", &key).map_err(
                |error| SpecError::Invalid {
                    source_name: "--idempotency-key".into(),
                    index,
                    error,
                },
            )?;
            spec.idempotency_key = Some(key);
        }
    }
    Ok(())
}

/// What became of one document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DocStatus {
    /// Stored and queued as a new run.
    Created,
    /// Already stored (its idempotency key, for the same content): the run returned is that one.
    Existing,
    /// Its idempotency key is held by another run with other content: not stored.
    Conflict,
    /// Sent, but Redis failed before it acknowledged: it may or may not be stored.
    Unknown,
    /// Not sent: the submit stopped before it.
    NotSent,
}

impl DocStatus {
    /// The name used in JSON and tables.
    pub fn as_str(self) -> &'static str {
        match self {
            DocStatus::Created => "created",
            DocStatus::Existing => "existing",
            DocStatus::Conflict => "conflict",
            DocStatus::Unknown => "unknown",
            DocStatus::NotSent => "not_sent",
        }
    }
}

/// One document of a submit: its index in the input, the run id (new, existing, or — for a
/// conflict — the run holding its key; none when not committed), its name and what happened.
#[derive(Clone, Debug, Serialize)]
pub struct DocResult {
    pub index: usize,
    pub id: Option<String>,
    pub name: String,
    pub status: DocStatus,
}

/// The outcome of a bulk submit, document by document: which were committed (with ids) and which
/// were not, and the error that stopped it, if any.
#[derive(Debug, Default)]
pub struct SubmitLedger {
    pub docs: Vec<DocResult>,
    pub failure: Option<anyhow::Error>,
}

impl SubmitLedger {
    /// Records the answer for a chunk of runs whose first document has index `start`.
    pub fn record(&mut self, start: usize, runs: &[Run], answer: Result<Vec<Admission>>) {
        match answer {
            Ok(admissions) => {
                for (i, (run, a)) in runs.iter().zip(admissions).enumerate() {
                    let (id, status) = match a {
                        Admission::Created => (run.id.clone(), DocStatus::Created),
                        Admission::Existing { id } => (id, DocStatus::Existing),
                        Admission::Conflict { id } => (id, DocStatus::Conflict),
                    };
                    self.docs.push(DocResult {
                        index: start + i,
                        id: Some(id),
                        name: run.name.clone(),
                        status,
                    });
                }
            }
            Err(e) => {
                self.mark(start, runs, DocStatus::Unknown);
                self.failure = Some(e);
            }
        }
    }

    /// Records documents that were never sent.
    pub fn mark(&mut self, start: usize, runs: &[Run], status: DocStatus) {
        self.docs
            .extend(runs.iter().enumerate().map(|(i, run)| DocResult {
                index: start + i,
                id: None,
                name: run.name.clone(),
                status,
            }));
    }

    /// Committed documents: stored now or before (their run id is the one to use).
    pub fn committed(&self) -> impl Iterator<Item = &DocResult> {
        self.docs
            .iter()
            .filter(|d| matches!(d.status, DocStatus::Created | DocStatus::Existing))
    }

    /// Documents not committed (conflicts, unknown, not sent).
    pub fn not_committed(&self) -> impl Iterator<Item = &DocResult> {
        self.docs
            .iter()
            .filter(|d| !matches!(d.status, DocStatus::Created | DocStatus::Existing))
    }

    /// Every document committed, none refused, nothing failed.
    pub fn is_complete(&self) -> bool {
        self.failure.is_none() && self.not_committed().next().is_none()
    }

    /// The error to exit with when the submit is not complete: the store's failure, or the
    /// conflicts naming each document.
    pub fn error(&mut self) -> Option<anyhow::Error> {
        if let Some(e) = self.failure.take() {
            return Some(e);
        }
        let conflicts: Vec<String> = self
            .docs
            .iter()
            .filter(|d| d.status == DocStatus::Conflict)
            .map(|d| {
                format!(
                    "document {} ({}): its idempotency key is held by run {} with other content",
                    d.index,
                    d.name,
                    d.id.as_deref().unwrap_or("?")
                )
            })
            .collect();
        (!conflicts.is_empty()).then(|| SubmitError::KeyConflict(conflicts).into())
    }

    /// Lines for stderr: committed and not committed documents, as index ranges by status.
    pub fn summary(&self) -> Vec<String> {
        let mut out = Vec::new();
        for (status, what) in [
            (DocStatus::Created, "committed (new runs)"),
            (
                DocStatus::Existing,
                "committed before (idempotency key: existing runs)",
            ),
            (
                DocStatus::Conflict,
                "NOT committed: idempotency key used for other content",
            ),
            (
                DocStatus::Unknown,
                "NOT confirmed: sent when Redis failed, may or may not be stored",
            ),
            (DocStatus::NotSent, "NOT committed: not sent"),
        ] {
            let indexes: Vec<usize> = self
                .docs
                .iter()
                .filter(|d| d.status == status)
                .map(|d| d.index)
                .collect();
            if !indexes.is_empty() {
                out.push(format!(
                    "documents {} — {} {what}",
                    ranges(&indexes),
                    indexes.len()
                ));
            }
        }
        out
    }
}

/// `0-2999, 4000, 4002-4010` for sorted indexes.
fn ranges(indexes: &[usize]) -> String {
    let mut parts = Vec::new();
    let mut i = 0;
    while i < indexes.len() {
        let mut j = i;
        while j + 1 < indexes.len() && indexes[j + 1] == indexes[j] + 1 {
            j += 1;
        }
        parts.push(if i == j {
            indexes[i].to_string()
        } else {
            format!("{}-{}", indexes[i], indexes[j])
        });
        i = j + 1;
    }
    parts.join(", ")
}

/// Why a submit did not commit every document.
#[derive(Debug, thiserror::Error)]
pub enum SubmitError {
    #[error("{}", .0.join("; "))]
    KeyConflict(Vec<String>),
}

impl SubmitError {
    /// The process exit code this error leads to.
    pub fn code(&self) -> u8 {
        match self {
            SubmitError::KeyConflict(_) => crate::exit::CONFLICT,
        }
    }
}

/// Submits in chunks of [`SUBMIT_CHUNK`], calling `progress` with the documents answered so
/// far. Stops at the first failure; the ledger says what was committed and what was not.
pub async fn submit_runs(
    store: &dyn Store,
    runs: &[Run],
    progress: &mut dyn FnMut(usize),
) -> SubmitLedger {
    let mut ledger = SubmitLedger::default();
    let mut start = 0;
    for chunk in runs.chunks(SUBMIT_CHUNK) {
        let answer = store.submit(chunk).await.with_context(|| {
            format!(
                "submitting documents {}-{}",
                start,
                start + chunk.len().saturating_sub(1)
            )
        });
        ledger.record(start, chunk, answer);
        start += chunk.len();
        if ledger.failure.is_some() {
            ledger.mark(start, &runs[start..], DocStatus::NotSent);
            break;
        }
        progress(start);
    }
    ledger
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_and_files_share_one_validation() {
        let flags = FlagSpec {
            name: Some("hi".into()),
            image: "alpine".into(),
            command: vec!["sh".into(), "-c".into(), "echo -o json".into()],
            cpu: Some("500m".into()),
            timeout: Some("30s".into()),
            quarantine: true,
            ..Default::default()
        };
        let spec = spec_from_flags(&flags).unwrap();
        assert_eq!(spec.command, ["sh", "-c", "echo -o json"]);
        assert_eq!((spec.cpu_millis, spec.timeout_secs), (500, 30));
        assert!(spec.quarantine_requested());
        let bad = FlagSpec {
            cpu: Some("lots".into()),
            ..flags
        };
        let err = spec_from_flags(&bad).unwrap_err();
        assert!(err.to_string().contains("spec.resources.cpu"), "{err}");
    }
}
