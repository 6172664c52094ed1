//! Submitting runs: specs from a file or from flags (one validation for both), idempotency keys, fresh run ids; the streamed submit is in `stream`, its per-document accounting in `ledger`.

use std::collections::BTreeMap;

use anyhow::Result;

use crate::model::documents::{DocumentError, Limits};
use crate::model::now_ms;
use crate::model::run::Run;
use crate::model::spec::{
    parse_sandbox_documents, parse_sandbox_documents_limited, Heat, SandboxSpec, SpecError,
};
use crate::ops::input::Input;

mod ledger;
mod stream;

pub use ledger::{DocResult, DocStatus, SubmitError, SubmitLedger};
pub use stream::{submit_docs, SandboxFile};

/// Runs a bulk submit from a file holds at once: it reads, writes and prints one batch of this
/// many, then the next (the store pipelines each batch in rounds of its `submit_batch`).
pub const FILE_BATCH: usize = 4_000;

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

/// [`specs_from_input`] under other document limits.
pub fn specs_from_input_limited(
    input: &Input,
    limits: Limits,
) -> Result<Vec<SandboxSpec>, SpecError> {
    parse_sandbox_documents_limited(&input.name, &input.text, limits)
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
    new_runs_from(&mut ulid::Generator::new(), specs)
}

/// [`new_runs`] from a generator that lives across batches, so ids stay monotonic over all of them.
pub fn new_runs_from(gen: &mut ulid::Generator, specs: Vec<SandboxSpec>) -> Vec<Run> {
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
        apply_key(spec, prefix, index)?;
    }
    Ok(())
}

/// [`apply_key_prefix`] for the document at `index`.
/// An empty `prefix` is refused (as a too-long one is), even for documents with their own key:
/// `--idempotency-key "$BUILD_ID"` with the variable unset must not submit duplicates silently.
pub fn apply_key(spec: &mut SandboxSpec, prefix: &str, index: usize) -> Result<(), SpecError> {
    let invalid = |error| SpecError::Invalid {
        source_name: "--idempotency-key".into(),
        index,
        error,
    };
    crate::model::spec::check_idempotency_key("--idempotency-key", prefix).map_err(invalid)?;
    if spec.idempotency_key.is_none() {
        let key = format!("{prefix}{index}");
        crate::model::spec::check_idempotency_key("--idempotency-key", &key).map_err(invalid)?;
        spec.idempotency_key = Some(key);
    }
    Ok(())
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
