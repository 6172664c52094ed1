//! The node and scheduler registries in memory: heartbeats with expiry, labels and drain, recovery of dead nodes' runs, and scheduler announcements.

use std::collections::BTreeMap;

use super::state::NodeEntry;
use super::MemoryStore;
use crate::model::now_ms;
use crate::store::*;

pub(super) async fn heartbeat(store: &MemoryStore, beat: &Heartbeat) -> StoreResult<()> {
    let mut g = store.lock();
    let now = now_ms();
    let ttl_ms = ms(beat.ttl);
    let entry = g.nodes.entry(beat.name.clone()).or_default();
    let fresh = !entry.alive(now);
    // As the Redis script: a new incarnation takes the declared labels and forgets the edits; a
    // live node declaring other labels takes them with the edits made since on top.
    if fresh {
        entry.labels = beat.labels.clone();
        entry.label_edits.clear();
    } else if entry.declared != beat.labels {
        entry.labels = beat.labels.clone();
        for (k, v) in &entry.label_edits {
            match v {
                Some(v) => entry.labels.insert(k.clone(), v.clone()),
                None => entry.labels.remove(k),
            };
        }
    }
    entry.declared = beat.labels.clone();
    entry.capacity = beat.capacity;
    entry.version = beat.version.clone();
    entry.last_heartbeat = now;
    entry.ttl_ms = ttl_ms;
    entry.beats += 1;
    entry.expires_at = now + ttl_ms;
    Ok(())
}

pub(super) async fn nodes(store: &MemoryStore) -> StoreResult<Vec<Node>> {
    let g = store.lock();
    let now = now_ms();
    Ok(g.nodes
        .iter()
        .map(|(n, e)| g.node_view(n, e, now))
        .collect())
}

pub(super) async fn node(store: &MemoryStore, name: &str) -> StoreResult<Option<Node>> {
    let g = store.lock();
    Ok(g.nodes.get(name).map(|e| g.node_view(name, e, now_ms())))
}

pub(super) async fn label_node(
    store: &MemoryStore,
    name: &str,
    set: &BTreeMap<String, String>,
    remove: &[String],
) -> StoreResult<Node> {
    edit_live_node(store, name, |e| {
        for (k, v) in set {
            e.labels.insert(k.clone(), v.clone());
            e.label_edits.insert(k.clone(), Some(v.clone()));
        }
        for k in remove {
            e.labels.remove(k);
            e.label_edits.insert(k.clone(), None);
        }
    })
}

pub(super) async fn drain_node(
    store: &MemoryStore,
    name: &str,
    draining: bool,
) -> StoreResult<Node> {
    edit_live_node(store, name, |e| e.draining = draining)
}

/// Changes a live node (an expired one is not found) and returns it as it now is.
fn edit_live_node(
    store: &MemoryStore,
    name: &str,
    edit: impl FnOnce(&mut NodeEntry),
) -> StoreResult<Node> {
    let mut g = store.lock();
    let now = now_ms();
    let e = g
        .nodes
        .get_mut(name)
        .filter(|e| e.alive(now))
        .ok_or_else(|| StoreError::NodeNotFound(name.into()))?;
    edit(e);
    let g2 = &*g;
    Ok(g2.node_view(name, &g2.nodes[name], now))
}

pub(super) async fn remove_node(
    store: &MemoryStore,
    name: &str,
    max_attempts: u32,
) -> StoreResult<Vec<Recovery>> {
    let mut g = store.lock();
    let now = now_ms();
    let entry = g
        .nodes
        .get(name)
        .ok_or_else(|| StoreError::NodeNotFound(name.into()))?;
    let ids: Vec<String> = entry.runs.iter().cloned().collect();
    let mut out = Vec::new();
    for id in ids {
        if let Some(r) = g.recover(
            &store.settings,
            &id,
            &format!("node {name} was removed"),
            max_attempts,
            now,
        ) {
            out.push(r);
        }
    }
    g.nodes.remove(name);
    Ok(out)
}

pub(super) async fn node_runs(store: &MemoryStore, name: &str) -> StoreResult<Vec<String>> {
    Ok(store
        .lock()
        .nodes
        .get(name)
        .map(|e| e.runs.iter().cloned().collect())
        .unwrap_or_default())
}

pub(super) async fn wake_nodes(store: &MemoryStore, names: &[String]) -> StoreResult<()> {
    let g = store.lock();
    for name in names {
        if let Some(tx) = g.node_wakes.get(name) {
            tx.send_modify(|n| *n = n.wrapping_add(1));
        }
    }
    Ok(())
}

pub(super) async fn queue_wakeups(
    store: &MemoryStore,
) -> StoreResult<tokio::sync::watch::Receiver<u64>> {
    let mut g = store.lock();
    let tx = g
        .queue_wake
        .get_or_insert_with(|| tokio::sync::watch::channel(0).0);
    Ok(tx.subscribe())
}

pub(super) async fn node_wakeups(
    store: &MemoryStore,
    name: &str,
) -> StoreResult<tokio::sync::watch::Receiver<u64>> {
    let mut g = store.lock();
    let tx = g
        .node_wakes
        .entry(name.to_string())
        .or_insert_with(|| tokio::sync::watch::channel(0).0);
    Ok(tx.subscribe())
}

pub(super) async fn node_leases(store: &MemoryStore) -> StoreResult<Vec<NodeLease>> {
    Ok(store
        .lock()
        .nodes
        .iter()
        .map(|(name, e)| NodeLease {
            name: name.clone(),
            beats: Some(e.beats),
            ttl: Some(std::time::Duration::from_millis(e.ttl_ms.max(0) as u64)),
            runs: e.runs.len() as u64,
        })
        .collect())
}

pub(super) async fn recover_lapsed_node(
    store: &MemoryStore,
    name: &str,
    observed: Option<u64>,
    reason: &str,
    max_attempts: u32,
) -> StoreResult<LapseRecovery> {
    let mut g = store.lock();
    let now = now_ms();
    let Some(entry) = g.nodes.get(name) else {
        return Ok(LapseRecovery::Recovered(Vec::new()));
    };
    if Some(entry.beats) != observed {
        return Ok(LapseRecovery::Alive);
    }
    let ids: Vec<String> = entry.runs.iter().cloned().collect();
    let mut out = Vec::new();
    for id in ids {
        if let Some(r) = g.recover(&store.settings, &id, reason, max_attempts, now) {
            out.push(r);
        }
    }
    drop(g);
    if !out.is_empty() {
        store.new_events.notify_waiters();
    }
    Ok(LapseRecovery::Recovered(out))
}

pub(super) async fn announce_scheduler(
    store: &MemoryStore,
    beat: &SchedulerBeat,
) -> StoreResult<()> {
    let now = now_ms();
    let ttl = ms(beat.ttl).max(1);
    let info = SchedulerInfo {
        id: beat.id.clone(),
        host: beat.host.clone(),
        pid: beat.pid,
        version: beat.version.clone(),
        started_at: beat.started_at,
        last_beat: now,
        ttl_ms: ttl as u64,
    };
    let mut g = store.lock();
    g.schedulers.retain(|_, (_, expires)| *expires > now);
    g.schedulers.insert(beat.id.clone(), (info, now + ttl));
    Ok(())
}

pub(super) async fn schedulers(store: &MemoryStore) -> StoreResult<Vec<SchedulerInfo>> {
    Ok(store.lock().live_schedulers(now_ms()))
}

pub(super) async fn retire_scheduler(store: &MemoryStore, id: &str) -> StoreResult<()> {
    store.lock().schedulers.remove(id);
    Ok(())
}
