//! Submitting runs: specs from a file or from flags (one validation for both), fresh run ids, and acknowledged batches.

use std::collections::BTreeMap;

use anyhow::{Context as _, Result};

use crate::model::documents::{check_documents, DocumentError, Limits};
use crate::model::now_ms;
use crate::model::run::Run;
use crate::model::spec::{
    parse_sandbox_documents, parse_sandbox_documents_limited, sandbox_specs, Heat, SandboxSpec,
    SpecError,
};
use crate::ops::input::{Input, InputSource};
use crate::store::Store;

/// Runs sent per store call; each call is acknowledged before the next.
pub const SUBMIT_CHUNK: usize = 20_000;

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

/// A sandbox file whose every document was checked — the limits first (document count, sizes,
/// depth, aliases: a pass that parses nothing), then each document's schema and validation — and
/// that can now be submitted batch by batch ([`submit_file`]). Nothing of it is held in memory:
/// each pass reads the file again, so memory stays flat in the number of documents. (Standard
/// input is spooled to a private temporary file to be read again; see [`InputSource`].)
#[derive(Debug)]
pub struct SandboxFile {
    source: InputSource,
    limits: Limits,
    runs: usize,
}

impl SandboxFile {
    /// Checks the whole file: one bad document fails it, before anything is written.
    pub fn check(source: InputSource, limits: Limits) -> Result<SandboxFile> {
        check_documents(&source.name, source.reader()?, limits)?;
        let mut runs = 0;
        for spec in sandbox_specs(&source.name, source.reader()?, limits) {
            spec?;
            runs += 1;
        }
        if runs == 0 {
            return Err(SpecError::Empty {
                source_name: source.name.clone(),
            }
            .into());
        }
        Ok(SandboxFile {
            source,
            limits,
            runs,
        })
    }

    /// How many runs the file submits.
    pub fn runs(&self) -> usize {
        self.runs
    }

    pub fn name(&self) -> &str {
        &self.source.name
    }
}

/// Submits a checked file in batches of [`FILE_BATCH`] runs, calling `acknowledged` with each batch
/// once the store has it. A failure says how many runs were already acknowledged (and kept).
pub async fn submit_file(
    store: &dyn Store,
    file: &SandboxFile,
    acknowledged: &mut dyn FnMut(&[Run]),
) -> Result<usize> {
    let mut gen = ulid::Generator::new();
    let mut done = 0;
    let mut batch = Vec::with_capacity(FILE_BATCH);
    let mut specs = sandbox_specs(&file.source.name, file.source.reader()?, file.limits);
    loop {
        let next = specs.next().transpose().with_context(|| {
            format!(
                "{}: reading it again to submit ({done} runs before this point were acknowledged and kept)",
                file.source.name
            )
        })?;
        let end = next.is_none();
        batch.extend(next);
        if batch.len() == FILE_BATCH || (end && !batch.is_empty()) {
            let runs = new_runs_from(&mut gen, std::mem::take(&mut batch));
            store.submit(&runs).await.with_context(|| {
                format!(
                    "submitting runs {}..{} ({done} runs before these were acknowledged and kept)",
                    runs.first().map(|r| r.id.as_str()).unwrap_or(""),
                    runs.last().map(|r| r.id.as_str()).unwrap_or("")
                )
            })?;
            done += runs.len();
            acknowledged(&runs);
        }
        if end {
            return Ok(done);
        }
    }
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

/// Submits in chunks of [`SUBMIT_CHUNK`], calling `progress` with the runs acknowledged so far.
/// A failure says which runs were already acknowledged (and kept).
pub async fn submit_runs(
    store: &dyn Store,
    runs: &[Run],
    progress: &mut dyn FnMut(usize),
) -> Result<()> {
    let mut done = 0;
    for chunk in runs.chunks(SUBMIT_CHUNK) {
        store.submit(chunk).await.with_context(|| {
            format!(
                "submitting runs {}..{} ({done} runs before these were acknowledged and kept)",
                chunk.first().map(|r| r.id.as_str()).unwrap_or(""),
                chunk.last().map(|r| r.id.as_str()).unwrap_or("")
            )
        })?;
        done += chunk.len();
        progress(done);
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
