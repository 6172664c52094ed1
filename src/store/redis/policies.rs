//! Themis on Redis: the versioned policy set, its history, and the change channel.

use std::collections::BTreeMap;

use tokio::sync::mpsc;

use super::conn::*;
use super::scripts::*;
use super::RedisStore;
use crate::model::now_ms;
use crate::store::*;

impl RedisStore {
    pub(super) async fn policy_change(
        &self,
        mode: &str,
        who: &str,
        action: &str,
        args_tail: Vec<String>,
        history: History,
    ) -> StoreResult<PolicyWrite> {
        let k = &self.keys;
        let keys = vec![
            k.policies(),
            k.policy_version(),
            k.policy_history(),
            k.events(),
            k.policy_history_sizes(),
        ];
        let mut args = vec![
            mode.to_string(),
            who.to_string(),
            action.to_string(),
            now_ms().to_string(),
            // A history cap of 0 tells the script to write no history entry.
            match history {
                History::Keep => self.settings.policy_history_cap.max(1).to_string(),
                History::Skip => "0".to_string(),
            },
            self.settings.events_cap.to_string(),
            k.policy_channel(),
            self.settings.policy_history_bytes.to_string(),
        ];
        args.extend(args_tail);
        let v = self
            .eval(Call {
                script: ScriptId::PolicyChange,
                keys,
                args,
            })
            .await?;
        let parts = strings(v);
        let version = |v: &str| v.parse::<u64>().map_err(corrupt);
        match parts.as_slice() {
            [tag, v] if tag == "changed" => Ok(PolicyWrite {
                version: version(v)?,
                changed: true,
            }),
            [tag, v] if tag == "unchanged" => Ok(PolicyWrite {
                version: version(v)?,
                changed: false,
            }),
            [tag, name] if tag == "missing" => Err(StoreError::PolicyNotFound(name.clone())),
            _ => Err(StoreError::Backend(
                "unexpected reply from the policy script".into(),
            )),
        }
    }
}

pub(super) async fn policy_version(store: &RedisStore) -> StoreResult<u64> {
    let mut p = ::redis::pipe();
    p.get(store.keys.policy_version());
    let (v,): (Option<u64>,) = store.query(&p).await?;
    Ok(v.unwrap_or(0))
}

pub(super) async fn policies(store: &RedisStore) -> StoreResult<(u64, Vec<StoredPolicy>)> {
    // MULTI so that the version matches the documents read.
    let mut p = ::redis::pipe();
    p.atomic()
        .get(store.keys.policy_version())
        .hgetall(store.keys.policies());
    let (v, docs): (Option<u64>, BTreeMap<String, String>) = store.query(&p).await?;
    Ok((
        v.unwrap_or(0),
        docs.into_iter()
            .map(|(name, document)| StoredPolicy { name, document })
            .collect(),
    ))
}

pub(super) async fn apply_policies(
    store: &RedisStore,
    policies: &[StoredPolicy],
    who: &str,
    history: History,
) -> StoreResult<PolicyWrite> {
    let tail = policies
        .iter()
        .flat_map(|p| [p.name.clone(), p.document.clone()])
        .collect();
    store
        .policy_change("apply", who, "apply", tail, history)
        .await
}

pub(super) async fn delete_policies(
    store: &RedisStore,
    names: &[String],
    who: &str,
    history: History,
) -> StoreResult<PolicyWrite> {
    store
        .policy_change("delete", who, "delete", names.to_vec(), history)
        .await
}

pub(super) async fn replace_policies(
    store: &RedisStore,
    set: &BTreeMap<String, String>,
    who: &str,
    action: &str,
) -> StoreResult<PolicyWrite> {
    let tail = set
        .iter()
        .flat_map(|(n, d)| [n.clone(), d.clone()])
        .collect();
    store
        .policy_change("replace", who, action, tail, History::Keep)
        .await
}

pub(super) async fn policy_history(
    store: &RedisStore,
    limit: usize,
) -> StoreResult<Vec<PolicyChange>> {
    if limit == 0 {
        return Ok(Vec::new());
    }
    let mut p = ::redis::pipe();
    p.lrange(store.keys.policy_history(), 0, limit as isize - 1);
    let (list,): (Vec<String>,) = store.query(&p).await?;
    list.iter()
        .map(|e| serde_json::from_str(e).map_err(corrupt))
        .collect()
}

pub(super) async fn watch_policies(store: &RedisStore) -> StoreResult<mpsc::Receiver<u64>> {
    let mut payloads = store.subscribe(&store.keys.policy_channel()).await?;
    let (tx, rx) = mpsc::channel(64);
    tokio::spawn(async move {
        while let Some(payload) = payloads.recv().await {
            let version = std::str::from_utf8(&payload)
                .ok()
                .and_then(|v| v.trim().parse::<u64>().ok())
                .unwrap_or(0);
            if tx.send(version).await.is_err() {
                break;
            }
        }
        // The layer renews a lost subscription; messages published meanwhile are missed, and
        // the scheduler's per-batch version check covers them.
    });
    Ok(rx)
}
