//! Themis in memory: the versioned policy set, its history, and change notifications.

use std::collections::BTreeMap;

use tokio::sync::mpsc;

use super::MemoryStore;
use crate::model::now_ms;
use crate::store::*;

pub(super) async fn policy_version(store: &MemoryStore) -> StoreResult<u64> {
    Ok(store.lock().policy_version)
}

pub(super) async fn policies(store: &MemoryStore) -> StoreResult<(u64, Vec<StoredPolicy>)> {
    let g = store.lock();
    Ok((
        g.policy_version,
        g.policies
            .iter()
            .map(|(n, d)| StoredPolicy {
                name: n.clone(),
                document: d.clone(),
            })
            .collect(),
    ))
}

pub(super) async fn apply_policies(
    store: &MemoryStore,
    policies: &[StoredPolicy],
    who: &str,
    history: History,
) -> StoreResult<PolicyWrite> {
    let mut g = store.lock();
    if policies
        .iter()
        .all(|p| g.policies.get(&p.name) == Some(&p.document))
    {
        return Ok(g.unchanged());
    }
    for p in policies {
        g.policies.insert(p.name.clone(), p.document.clone());
    }
    let names = policies.iter().map(|p| p.name.clone()).collect();
    Ok(g.record_policy_change(&store.settings, who, "apply", names, now_ms(), history))
}

pub(super) async fn delete_policies(
    store: &MemoryStore,
    names: &[String],
    who: &str,
    history: History,
) -> StoreResult<PolicyWrite> {
    let mut g = store.lock();
    if let Some(missing) = names.iter().find(|n| !g.policies.contains_key(*n)) {
        return Err(StoreError::PolicyNotFound(missing.clone()));
    }
    for n in names {
        g.policies.remove(n);
    }
    Ok(g.record_policy_change(
        &store.settings,
        who,
        "delete",
        names.to_vec(),
        now_ms(),
        history,
    ))
}

pub(super) async fn replace_policies(
    store: &MemoryStore,
    set: &BTreeMap<String, String>,
    who: &str,
    action: &str,
) -> StoreResult<PolicyWrite> {
    let mut g = store.lock();
    if g.policies == *set {
        return Ok(g.unchanged());
    }
    g.policies = set.clone();
    let names = set.keys().cloned().collect();
    Ok(g.record_policy_change(&store.settings, who, action, names, now_ms(), History::Keep))
}

pub(super) async fn policy_history(
    store: &MemoryStore,
    limit: usize,
) -> StoreResult<Vec<PolicyChange>> {
    Ok(store
        .lock()
        .policy_history
        .iter()
        .take(limit)
        .cloned()
        .collect())
}

pub(super) async fn watch_policies(store: &MemoryStore) -> StoreResult<mpsc::Receiver<u64>> {
    let (tx, rx) = mpsc::channel(64);
    store.lock().policy_watchers.push(tx);
    Ok(rx)
}
