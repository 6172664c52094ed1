//! The streamed submit: a checked sandbox file read again batch by batch, each batch stored and acknowledged before the next is read, so memory stays flat in the number of documents.

use anyhow::{Context as _, Result};

use super::ledger::{DocResult, SubmitLedger};
use super::{apply_key, new_runs_from, FILE_BATCH};
use crate::model::documents::{check_documents, Limits};
use crate::model::spec::{sandbox_specs, SandboxSpec, SpecError};
use crate::ops::input::InputSource;
use crate::store::Store;

/// A sandbox file whose every document was checked — the limits first (document count, sizes,
/// depth, aliases: a pass that parses nothing), then each document's schema, validation and
/// idempotency key — and that can now be submitted batch by batch ([`submit_docs`] over
/// [`SandboxFile::specs`]). Nothing of it is held in memory: each pass reads the file again.
/// (Standard input is spooled to a private temporary file to be read again; see
/// [`InputSource`].)
#[derive(Debug)]
pub struct SandboxFile {
    source: InputSource,
    limits: Limits,
    key_prefix: Option<String>,
    runs: usize,
}

impl SandboxFile {
    /// Checks the whole file: one bad document (or key) fails it, before anything is written.
    pub fn check(
        source: InputSource,
        limits: Limits,
        key_prefix: Option<String>,
    ) -> Result<SandboxFile> {
        check_documents(&source.name, source.reader()?, limits)?;
        let mut file = SandboxFile {
            source,
            limits,
            key_prefix,
            runs: 0,
        };
        let mut runs = 0;
        for spec in file.specs()? {
            spec?;
            runs += 1;
        }
        if runs == 0 {
            return Err(SpecError::Empty {
                source_name: file.source.name.clone(),
            }
            .into());
        }
        file.runs = runs;
        Ok(file)
    }

    /// How many runs the file submits.
    pub fn runs(&self) -> usize {
        self.runs
    }

    pub fn name(&self) -> &str {
        &self.source.name
    }

    /// Every document again, in order, with its idempotency key applied.
    pub fn specs(&self) -> Result<impl Iterator<Item = Result<SandboxSpec>> + '_> {
        let specs = sandbox_specs(&self.source.name, self.source.reader()?, self.limits);
        Ok(specs.enumerate().map(move |(index, spec)| {
            let mut spec = spec?;
            if let Some(prefix) = &self.key_prefix {
                apply_key(&mut spec, prefix, index)?;
            }
            Ok(spec)
        }))
    }

    /// The names of the documents from `from` on, with their indexes (to list what a stopped
    /// submit did not commit).
    pub fn names_from(
        &self,
        from: usize,
    ) -> Result<impl Iterator<Item = Result<(usize, String)>> + '_> {
        Ok(self
            .specs()?
            .enumerate()
            .skip(from)
            .map(|(i, spec)| spec.map(|s| (i, s.name))))
    }
}

/// Submits `specs` in batches of [`FILE_BATCH`], each acknowledged before the next is read,
/// passing every committed document to `committed` as its batch is acknowledged and the number
/// of documents answered so far to `progress`. Stops at the first failure; the ledger says what
/// was committed and what was not.
pub async fn submit_docs(
    store: &dyn Store,
    specs: &mut dyn Iterator<Item = Result<SandboxSpec>>,
    progress: &mut dyn FnMut(usize),
    committed: &mut dyn FnMut(&DocResult),
) -> SubmitLedger {
    let mut ledger = SubmitLedger::default();
    let mut gen = ulid::Generator::new();
    let mut start = 0;
    let mut batch = Vec::with_capacity(FILE_BATCH);
    loop {
        let next = match specs.next().transpose() {
            Ok(next) => next,
            Err(e) => {
                let e = e.context(format!(
                    "reading document {} again to submit it",
                    start + batch.len()
                ));
                ledger.stop(start, 0, e);
                return ledger;
            }
        };
        let end = next.is_none();
        batch.extend(next);
        if batch.len() == FILE_BATCH || (end && !batch.is_empty()) {
            let runs = new_runs_from(&mut gen, std::mem::take(&mut batch));
            let answer = store.submit(&runs).await.with_context(|| {
                format!(
                    "submitting documents {}-{}",
                    start,
                    start + runs.len().saturating_sub(1)
                )
            });
            let failed = answer.is_err();
            ledger.record(start, &runs, answer, committed);
            if failed {
                return ledger;
            }
            start += runs.len();
            progress(start);
        }
        if end {
            return ledger;
        }
    }
}
