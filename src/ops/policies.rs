//! Themis policy use cases: a policy file parsed into the documents the store keeps, and apply, delete and rollback — each idempotent, each with a dry run that shows the diff and writes nothing.
//!
//! A file is loaded in one place ([`apply_file`]) for `policy apply`, `up --policies` and
//! `verify persistence`.

use std::collections::{BTreeMap, BTreeSet};

use anyhow::Result;
use serde::Serialize;

use crate::control::{parse_policy_bytes, Policy, PolicyError, PolicySet};
use crate::store::{History, Store, StoreError, StoredPolicy};

/// Parses a policy file: every document validated, names unique, the whole set compiled, then
/// each policy as the JSON document the store keeps. One bad document fails the file.
pub fn parse(source_name: &str, bytes: &[u8]) -> Result<Vec<StoredPolicy>, PolicyError> {
    let list = parse_policy_bytes(source_name, bytes)?;
    PolicySet::compile(&list, 0)?;
    Ok(list
        .iter()
        .map(|p| StoredPolicy {
            name: p.name().to_string(),
            document: p.to_json(),
        })
        .collect())
}

/// Who a change is recorded as: `explicit` (`--who`), else `TARTARUS_WHO`, else the operating
/// system user (`USER`, `LOGNAME`, then the name of the effective uid), else `uid N`.
pub fn actor(explicit: Option<&str>) -> String {
    let given = |v: Option<String>| v.map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
    given(explicit.map(str::to_string))
        .or_else(|| given(std::env::var("TARTARUS_WHO").ok()))
        .or_else(|| given(std::env::var("USER").ok()))
        .or_else(|| given(std::env::var("LOGNAME").ok()))
        .or_else(user_of_euid)
        .unwrap_or_else(|| format!("uid {}", euid()))
}

fn euid() -> u32 {
    // SAFETY: geteuid has no preconditions and cannot fail.
    unsafe { libc::geteuid() }
}

/// The account name of the effective uid, from the password file.
fn user_of_euid() -> Option<String> {
    let uid = euid().to_string();
    let passwd = std::fs::read_to_string("/etc/passwd").ok()?;
    passwd.lines().find_map(|line| {
        let mut f = line.split(':');
        let name = f.next()?;
        (f.nth(1)? == uid && !name.is_empty()).then(|| name.to_string())
    })
}

/// What a change does (or would do) to the stored set, by policy name.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct PolicyDiff {
    pub added: Vec<String>,
    pub changed: Vec<String>,
    pub removed: Vec<String>,
    pub unchanged: Vec<String>,
    /// A unified diff of the documents (as YAML) of every added, changed and removed policy.
    pub diff: String,
}

impl PolicyDiff {
    /// The diff from `current` to `target` (name → stored JSON document) for the names in
    /// `scope` (the policies a change touches).
    pub fn between(
        current: &BTreeMap<String, String>,
        target: &BTreeMap<String, String>,
        scope: &BTreeSet<String>,
    ) -> PolicyDiff {
        let mut d = PolicyDiff::default();
        for name in scope {
            let (old, new) = (current.get(name), target.get(name));
            let list = match (old, new) {
                (None, Some(_)) => &mut d.added,
                (Some(_), None) => &mut d.removed,
                (Some(a), Some(b)) if a != b => &mut d.changed,
                _ => &mut d.unchanged,
            };
            list.push(name.clone());
            d.diff.push_str(&crate::ops::textdiff::unified(
                &format!("{name} (stored)"),
                &format!("{name} (after)"),
                &old.map(|o| readable(o)).unwrap_or_default(),
                &new.map(|n| readable(n)).unwrap_or_default(),
            ));
        }
        d
    }

    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.changed.is_empty() && self.removed.is_empty()
    }
}

/// A stored document as people read it (YAML); the raw text when it does not parse.
fn readable(document: &str) -> String {
    Policy::from_json(document)
        .ok()
        .and_then(|p| serde_yaml::to_string(&p).ok())
        .unwrap_or_else(|| format!("{document}\n"))
}

/// What a policy command did.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PolicyResult {
    /// A new version was stored.
    Changed,
    /// The set already was as asked: no version, no history entry, no publish.
    Unchanged,
    /// `--dry-run`: nothing was written; the diff says what would change.
    WouldChange,
}

/// The outcome of apply, delete or rollback.
#[derive(Clone, Debug, Serialize)]
pub struct PolicyReport {
    /// `apply`, `delete` or `rollback`.
    pub action: String,
    pub dry_run: bool,
    pub result: PolicyResult,
    /// The Themis version now (after a change, the new one).
    pub version: u64,
    #[serde(flatten)]
    pub diff: PolicyDiff,
    /// The documents the change stores (apply), as written.
    #[serde(skip)]
    pub documents: Vec<StoredPolicy>,
}

impl PolicyReport {
    fn new(action: &str, dry_run: bool, version: u64, diff: PolicyDiff) -> PolicyReport {
        let result = if diff.is_empty() {
            PolicyResult::Unchanged
        } else if dry_run {
            PolicyResult::WouldChange
        } else {
            PolicyResult::Changed
        };
        PolicyReport {
            action: action.to_string(),
            dry_run,
            result,
            version,
            diff,
            documents: Vec::new(),
        }
    }

    /// After a write: the store's atomic answer decides (another writer may have been first).
    fn written(mut self, version: u64, changed: bool) -> PolicyReport {
        self.version = version;
        if changed {
            self.result = PolicyResult::Changed;
        } else {
            self.result = PolicyResult::Unchanged;
            let d = &mut self.diff;
            d.unchanged.append(&mut d.added);
            d.unchanged.append(&mut d.changed);
            d.unchanged.sort();
            d.diff.clear();
        }
        self
    }
}

/// How a file's policies are stored.
#[derive(Clone, Copy, Debug)]
pub struct ApplyOptions<'a> {
    /// Recorded in the history and the event.
    pub who: &'a str,
    /// [`History::Skip`] for temporary changes (the persistence canary).
    pub history: History,
    /// Compute the diff, write nothing.
    pub dry_run: bool,
}

/// Loads a policy file into Themis: parse and validate everything, then store the documents in
/// one atomic change — or nothing, when they are stored exactly so already.
pub async fn apply_file(
    store: &dyn Store,
    source_name: &str,
    bytes: &[u8],
    options: ApplyOptions<'_>,
) -> Result<PolicyReport> {
    let documents = parse(source_name, bytes)?;
    let mut report = apply(store, &documents, options).await?;
    report.documents = documents;
    Ok(report)
}

/// Stores parsed documents (see [`apply_file`]).
pub async fn apply(
    store: &dyn Store,
    documents: &[StoredPolicy],
    options: ApplyOptions<'_>,
) -> Result<PolicyReport> {
    let (version, current) = stored_set(store).await?;
    let mut target = current.clone();
    for d in documents {
        target.insert(d.name.clone(), d.document.clone());
    }
    if target.len() > crate::model::documents::MAX_POLICIES {
        return Err(PolicyError::TooMany {
            count: target.len(),
        }
        .into());
    }
    let scope = documents.iter().map(|d| d.name.clone()).collect();
    let report = PolicyReport::new(
        "apply",
        options.dry_run,
        version,
        PolicyDiff::between(&current, &target, &scope),
    );
    if options.dry_run {
        return Ok(report);
    }
    let w = store
        .apply_policies(documents, options.who, options.history)
        .await?;
    Ok(report.written(w.version, w.changed))
}

/// Deletes policies (every name must exist). One version bump.
pub async fn delete(
    store: &dyn Store,
    names: &[String],
    who: &str,
    dry_run: bool,
) -> Result<PolicyReport> {
    let (version, current) = stored_set(store).await?;
    if let Some(missing) = names.iter().find(|n| !current.contains_key(*n)) {
        return Err(StoreError::PolicyNotFound(missing.clone()).into());
    }
    let mut target = current.clone();
    for n in names {
        target.remove(n);
    }
    let scope = names.iter().cloned().collect();
    let report = PolicyReport::new(
        "delete",
        dry_run,
        version,
        PolicyDiff::between(&current, &target, &scope),
    );
    if dry_run {
        return Ok(report);
    }
    let w = store.delete_policies(names, who, History::Keep).await?;
    Ok(report.written(w.version, w.changed))
}

/// Restores the set as it stood after `to_version`, as a new version (none when it already is).
pub async fn rollback(
    store: &dyn Store,
    to_version: u64,
    who: &str,
    dry_run: bool,
) -> Result<PolicyReport> {
    let entry = store
        .policy_history(usize::MAX / 2)
        .await?
        .into_iter()
        .find(|c| c.version == to_version)
        .ok_or(StoreError::PolicyVersionNotFound(to_version))?;
    let (version, current) = stored_set(store).await?;
    let scope = current
        .keys()
        .chain(entry.snapshot.keys())
        .cloned()
        .collect();
    let report = PolicyReport::new(
        "rollback",
        dry_run,
        version,
        PolicyDiff::between(&current, &entry.snapshot, &scope),
    );
    if dry_run {
        return Ok(report);
    }
    let w = store
        .replace_policies(&entry.snapshot, who, &format!("rollback to v{to_version}"))
        .await?;
    Ok(report.written(w.version, w.changed))
}

async fn stored_set(store: &dyn Store) -> Result<(u64, BTreeMap<String, String>), StoreError> {
    let (version, docs) = store.policies().await?;
    Ok((
        version,
        docs.into_iter().map(|d| (d.name, d.document)).collect(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_diff_sorts_names_and_shows_documents() {
        let p = |name: &str, verdict: &str| {
            parse(
                "t",
                format!("metadata: {{name: {name}}}\nspec: {{rules: [{{name: r, verdict: {verdict}}}]}}\n")
                    .as_bytes(),
            )
            .unwrap()
            .remove(0)
            .document
        };
        let current = BTreeMap::from([
            ("a".to_string(), p("a", "deny")),
            ("b".to_string(), p("b", "deny")),
            ("c".to_string(), p("c", "deny")),
        ]);
        let target = BTreeMap::from([
            ("a".to_string(), p("a", "deny")),
            ("b".to_string(), p("b", "allow")),
            ("d".to_string(), p("d", "deny")),
        ]);
        let scope = ["a", "b", "c", "d"].map(String::from).into_iter().collect();
        let d = PolicyDiff::between(&current, &target, &scope);
        assert_eq!(
            (d.added, d.changed, d.removed, d.unchanged),
            (
                vec!["d".to_string()],
                vec!["b".to_string()],
                vec!["c".to_string()],
                vec!["a".to_string()]
            )
        );
        assert!(
            d.diff.contains("--- b (stored)\n+++ b (after)\n"),
            "{}",
            d.diff
        );
        assert!(
            d.diff.contains("-    verdict: deny\n+    verdict: allow\n"),
            "{}",
            d.diff
        );
        assert!(!d.diff.contains("a (stored)"), "{}", d.diff);
    }

    #[test]
    fn the_actor_is_never_unknown() {
        assert_eq!(actor(Some(" carol ")), "carol");
        let who = actor(None);
        assert!(!who.is_empty() && who != "unknown", "{who}");
    }

    #[test]
    fn files_that_are_not_text_are_refused() {
        let e = parse("bin.yaml", &[0xff, 0xfe]).unwrap_err();
        assert_eq!(e.code(), crate::exit::INVALID_INPUT);
        assert!(e.to_string().starts_with("bin.yaml: not UTF-8"), "{e}");
    }
}
