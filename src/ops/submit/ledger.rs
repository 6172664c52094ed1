//! What became of each document of a submit, kept compact (index ranges per status, and the refused documents) so a bulk submit of any size is accounted for in bounded memory.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::model::run::Run;
use crate::store::Admission;

/// What became of one document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
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

    /// Created or existing: the run id given is the one to use.
    pub fn committed(self) -> bool {
        matches!(self, DocStatus::Created | DocStatus::Existing)
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

/// The outcome of a submit, document by document, without holding every document: index ranges
/// per status, the documents refused for a conflicting key, and the error that stopped it.
/// Documents from [`SubmitLedger::stopped_at`] on were not committed (the first
/// [`SubmitLedger::unknown`] of them sent but unconfirmed, the rest not sent).
#[derive(Debug, Default)]
pub struct SubmitLedger {
    ranges: BTreeMap<DocStatus, Vec<(usize, usize)>>,
    /// Documents refused because their key is held by a run with other content.
    pub conflicts: Vec<DocResult>,
    pub failure: Option<anyhow::Error>,
    /// The first document not committed because the submit stopped (`None`: it did not stop).
    pub stopped_at: Option<usize>,
    /// How many documents from `stopped_at` on were sent without an answer.
    pub unknown: usize,
}

impl SubmitLedger {
    /// Records the store's answer for the runs of documents `start..`, passing each committed
    /// document to `committed` (in document order).
    pub fn record(
        &mut self,
        start: usize,
        runs: &[Run],
        answer: anyhow::Result<Vec<Admission>>,
        committed: &mut dyn FnMut(&DocResult),
    ) {
        match answer {
            Ok(admissions) => {
                for (i, (run, a)) in runs.iter().zip(admissions).enumerate() {
                    let (id, status) = match a {
                        Admission::Created => (run.id.clone(), DocStatus::Created),
                        Admission::Existing { id } => (id, DocStatus::Existing),
                        Admission::Conflict { id } => (id, DocStatus::Conflict),
                    };
                    let doc = DocResult {
                        index: start + i,
                        id: Some(id),
                        name: run.name.clone(),
                        status,
                    };
                    self.add(doc.index, status);
                    if status.committed() {
                        committed(&doc);
                    } else {
                        self.conflicts.push(doc);
                    }
                }
            }
            Err(e) => self.stop(start, runs.len(), e),
        }
    }

    /// The submit stopped at document `at`: the `unknown` documents from there were sent
    /// without an answer; the rest of the input was not sent.
    pub fn stop(&mut self, at: usize, unknown: usize, error: anyhow::Error) {
        self.stopped_at = Some(at);
        self.unknown = unknown;
        self.failure = Some(error);
    }

    fn add(&mut self, index: usize, status: DocStatus) {
        let ranges = self.ranges.entry(status).or_default();
        match ranges.last_mut() {
            Some((_, end)) if *end + 1 == index => *end = index,
            _ => ranges.push((index, index)),
        }
    }

    /// How many documents were committed (created or existing).
    pub fn committed_count(&self) -> usize {
        [DocStatus::Created, DocStatus::Existing]
            .iter()
            .filter_map(|s| self.ranges.get(s))
            .flatten()
            .map(|(a, b)| b - a + 1)
            .sum()
    }

    /// The status of a document from `stopped_at` on.
    pub fn status_after_stop(&self, index: usize) -> DocStatus {
        match self.stopped_at {
            Some(at) if index < at + self.unknown => DocStatus::Unknown,
            _ => DocStatus::NotSent,
        }
    }

    /// Every document committed, none refused, nothing failed.
    pub fn is_complete(&self) -> bool {
        self.failure.is_none() && self.conflicts.is_empty() && self.stopped_at.is_none()
    }

    /// The error to exit with when the submit is not complete: the store's failure, or the
    /// conflicts naming each document.
    pub fn error(&mut self) -> Option<anyhow::Error> {
        if let Some(e) = self.failure.take() {
            return Some(e);
        }
        let conflicts: Vec<String> = self
            .conflicts
            .iter()
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

    /// Lines for stderr: committed and not committed documents, as index ranges by status;
    /// `total` is the number of documents in the input.
    pub fn summary(&self, total: usize) -> Vec<String> {
        let mut ranges = self.ranges.clone();
        if let Some(at) = self.stopped_at {
            let sent_end = (at + self.unknown).min(total);
            if sent_end > at {
                ranges.insert(DocStatus::Unknown, vec![(at, sent_end - 1)]);
            }
            if total > sent_end {
                ranges.insert(DocStatus::NotSent, vec![(sent_end, total - 1)]);
            }
        }
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
            let Some(r) = ranges.get(&status).filter(|r| !r.is_empty()) else {
                continue;
            };
            let count: usize = r.iter().map(|(a, b)| b - a + 1).sum();
            let noun = if count == 1 { "document" } else { "documents" };
            out.push(format!("{noun} {} — {count} {what}", show_ranges(r)));
        }
        out
    }
}

/// `0-2999, 4000, 4002-4010`, at most 20 ranges (then `…`).
fn show_ranges(ranges: &[(usize, usize)]) -> String {
    let mut parts: Vec<String> = ranges
        .iter()
        .take(20)
        .map(|(a, b)| {
            if a == b {
                a.to_string()
            } else {
                format!("{a}-{b}")
            }
        })
        .collect();
    if ranges.len() > 20 {
        parts.push(format!("… ({} ranges in all)", ranges.len()));
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_merge_and_a_stop_accounts_for_the_rest() {
        let mut l = SubmitLedger::default();
        for i in [0, 1, 2, 4, 5] {
            l.add(i, DocStatus::Created);
        }
        l.add(3, DocStatus::Existing);
        l.stop(6, 2, anyhow::anyhow!("down"));
        assert_eq!(l.committed_count(), 6);
        assert_eq!(l.status_after_stop(7), DocStatus::Unknown);
        assert_eq!(l.status_after_stop(8), DocStatus::NotSent);
        let s = l.summary(10);
        assert_eq!(s[0], "documents 0-2, 4-5 — 5 committed (new runs)");
        assert_eq!(
            s[1],
            "document 3 — 1 committed before (idempotency key: existing runs)"
        );
        assert!(s[2].starts_with("documents 6-7 — 2 NOT confirmed"), "{s:?}");
        assert!(
            s[3].starts_with("documents 8-9 — 2 NOT committed: not sent"),
            "{s:?}"
        );
        assert!(!l.is_complete());
    }
}
