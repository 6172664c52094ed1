//! Online restore of a Redis Cluster backup: each master's RDB is loaded, key by key with
//! `RESTORE … REPLACE`, into the master that holds exactly the same slot ranges now.
//!
//! [`plan_cluster`] checks the slot map (every master of the backup matched by its slot ranges
//! to a healthy master now; nothing else holds slots) and says what would be loaded where,
//! changing nothing; [`restore_cluster`] checks again and does it, master by master. A key whose
//! slot is not its master's (a crafted RDB) stops the restore of that master.

use std::path::Path;
use std::time::Instant;

use serde::Serialize;

use crate::config::RedisTarget;
use crate::connection::ClusterNode;
use crate::persistence::admin::{cluster_nodes, RedisAdmin, RestoreItem};
use crate::persistence::backup::{describe_slots, normalize_slots, BackupManifest, MasterBackup};
use crate::persistence::files::open_beneath;
use crate::persistence::rdb_keys::RdbKeyReader;
use crate::persistence::{PersistenceError, Progress, ProgressFn, Result};
use crate::store::keys::key_slot;

/// How an online Cluster restore runs.
#[derive(Clone, Debug)]
pub struct ClusterRestoreOptions {
    /// Delete every key of each master first (its RDB is its whole dataset).
    pub flush: bool,
    /// RESTORE commands per pipeline.
    pub batch: usize,
    /// Pipelines in flight at once, per master.
    pub in_flight: usize,
}

impl Default for ClusterRestoreOptions {
    fn default() -> Self {
        ClusterRestoreOptions {
            flush: false,
            batch: 500,
            in_flight: 4,
        }
    }
}

/// One master of the backup and where it goes.
#[derive(Clone, Debug, Serialize)]
pub struct PlannedMaster {
    /// The master in the backup.
    pub node_id: String,
    pub address: String,
    /// Its slot ranges (the same now on `restore_into`).
    pub slots: String,
    /// The file loaded, and its size.
    pub file: String,
    pub size_bytes: u64,
    /// Keys the master had when the backup was taken.
    pub keys_in_backup: u64,
    /// The master that holds those slots now.
    pub restore_into: String,
    pub restore_into_node_id: String,
    /// Keys on it now (all deleted first with `flush`).
    pub keys_now: u64,
}

/// What an online Cluster restore does, every check run and nothing changed.
#[derive(Clone, Debug, Serialize)]
pub struct ClusterRestorePlan {
    pub backup_id: String,
    pub target: String,
    pub flush: bool,
    pub masters: Vec<PlannedMaster>,
}

/// What was done on one master.
#[derive(Clone, Debug, Serialize)]
pub struct RestoredMaster {
    pub node_id: String,
    pub restore_into: String,
    pub flushed: u64,
    pub restored: u64,
    /// Keys whose expiry had passed: not loaded (Redis would drop them at once).
    pub expired: u64,
    pub elapsed_ms: u64,
}

#[derive(Clone, Debug, Serialize)]
pub struct ClusterRestoreReport {
    pub backup_id: String,
    pub target: String,
    pub masters: Vec<RestoredMaster>,
    pub restored: u64,
    pub elapsed_ms: u64,
}

/// Matches each master of the backup to the master holding exactly its slot ranges now.
pub fn match_masters<'a>(
    manifest: &'a BackupManifest,
    nodes: &[ClusterNode],
) -> Result<Vec<(&'a MasterBackup, ClusterNode)>> {
    if !manifest.is_cluster() {
        return Err(PersistenceError::RestoreUsage(format!(
            "backup {} was taken from one server, not from a Redis Cluster: restore it into one \
             master with --redis-addr HOST:PORT (its keys must all belong to that master's slots)",
            manifest.id
        )));
    }
    let now: Vec<&ClusterNode> = nodes
        .iter()
        .filter(|n| n.master && !n.slots.is_empty())
        .collect();
    let describe_now = || {
        now.iter()
            .map(|n| {
                format!(
                    "{} holds {}",
                    n.endpoint,
                    describe_slots(&normalize_slots(n.slots.iter().copied()))
                )
            })
            .collect::<Vec<_>>()
            .join("; ")
    };
    let mut pairs = Vec::new();
    for m in &manifest.masters {
        let want = m.slot_ranges();
        let found = now
            .iter()
            .find(|n| normalize_slots(n.slots.iter().copied()) == want);
        match found {
            Some(n) if n.failing => {
                return Err(PersistenceError::SlotMapMismatch(format!(
                "master {} that holds slots {} now is failing: restore when the cluster is healthy",
                n.endpoint,
                describe_slots(&want)
            )))
            }
            Some(n) => pairs.push((m, (*n).clone())),
            None => {
                return Err(PersistenceError::SlotMapMismatch(format!(
                    "the slot map differs from the backup's: master {} ({}) held slots {} when \
                     backup {} was taken, and no master holds exactly those now ({}). Move the \
                     slots back (redis-cli --cluster reshard) or restore offline, node by node",
                    m.address,
                    m.node_id,
                    describe_slots(&want),
                    manifest.id,
                    describe_now()
                )))
            }
        }
    }
    if now.len() != pairs.len() {
        return Err(PersistenceError::SlotMapMismatch(format!(
            "the cluster has {} masters holding slots and backup {} has {}: {}",
            now.len(),
            manifest.id,
            pairs.len(),
            describe_now()
        )));
    }
    Ok(pairs)
}

/// Runs every check of an online Cluster restore and says what it would do. Changes nothing.
pub async fn plan_cluster(
    target: &RedisTarget,
    backup_path: &Path,
    manifest: &BackupManifest,
    opts: &ClusterRestoreOptions,
) -> Result<ClusterRestorePlan> {
    let nodes = cluster_nodes(target).await?;
    let pairs = match_masters(manifest, &nodes)?;
    let mut masters = Vec::with_capacity(pairs.len());
    for (m, now) in pairs {
        // The file is there and opens without following a link (verify ran before).
        open_beneath(backup_path, &m.rdb.name)
            .map_err(|e| PersistenceError::io(backup_path.join(&m.rdb.name), e))?;
        let admin = RedisAdmin::connect(&target.node(&now.endpoint)).await?;
        masters.push(PlannedMaster {
            node_id: m.node_id.clone(),
            address: m.address.clone(),
            slots: describe_slots(&m.slot_ranges()),
            file: m.rdb.name.clone(),
            size_bytes: m.rdb.size_bytes,
            keys_in_backup: m.keys,
            restore_into: now.endpoint.to_string(),
            restore_into_node_id: now.id.clone(),
            keys_now: admin.dbsize().await?,
        });
    }
    Ok(ClusterRestorePlan {
        backup_id: manifest.id.clone(),
        target: target.display(),
        flush: opts.flush,
        masters,
    })
}

/// Loads every master's RDB into the master holding its slots now (see the module
/// documentation). The caller verified the backup.
pub async fn restore_cluster(
    target: &RedisTarget,
    backup_path: &Path,
    manifest: &BackupManifest,
    opts: &ClusterRestoreOptions,
    progress: ProgressFn<'_>,
) -> Result<ClusterRestoreReport> {
    let start = Instant::now();
    let nodes = cluster_nodes(target).await?;
    let pairs = match_masters(manifest, &nodes)?;
    let total = pairs.len();
    let mut done = Vec::with_capacity(total);
    for (i, (m, now)) in pairs.into_iter().enumerate() {
        let label = format!("master {}/{total} {}", i + 1, now.endpoint);
        let labelled = |mut ev: Progress| {
            ev.phase = format!("{label}: {}", ev.phase);
            progress(ev)
        };
        done.push(restore_master(target, backup_path, m, &now, opts, &labelled).await?);
    }
    Ok(ClusterRestoreReport {
        backup_id: manifest.id.clone(),
        target: target.display(),
        restored: done.iter().map(|d| d.restored).sum(),
        masters: done,
        elapsed_ms: start.elapsed().as_millis() as u64,
    })
}

/// One master: flush (when asked), then its RDB's keys, pipelined.
async fn restore_master(
    target: &RedisTarget,
    backup_path: &Path,
    m: &MasterBackup,
    now: &ClusterNode,
    opts: &ClusterRestoreOptions,
    progress: ProgressFn<'_>,
) -> Result<RestoredMaster> {
    let start = Instant::now();
    let admin = RedisAdmin::connect(&target.node(&now.endpoint)).await?;
    let path = backup_path.join(&m.rdb.name);
    let file =
        open_beneath(backup_path, &m.rdb.name).map_err(|e| PersistenceError::io(&path, e))?;
    let mut reader = RdbKeyReader::new(std::io::BufReader::with_capacity(1 << 20, file), &path)?;
    let mut flushed = 0;
    if opts.flush {
        progress(Progress::phase("delete existing keys"));
        flushed = admin.flush_keys(&["*".to_string()]).await?;
    }
    let slots = m.slot_ranges();
    let mut expired = 0u64;
    let next = || -> Result<Option<RestoreItem>> {
        while let Some(k) = reader.next_key()? {
            let slot = key_slot(&k.key);
            if k.db != 0 || !slots.iter().any(|(a, b)| (*a..=*b).contains(&slot)) {
                return Err(PersistenceError::invalid(
                    path.display().to_string(),
                    format!(
                        "key {:?} (db {}, slot {slot}) is not in the slots {} of its master",
                        String::from_utf8_lossy(&k.key),
                        k.db,
                        describe_slots(&slots)
                    ),
                ));
            }
            let ttl = match k.expire_at_ms {
                None => 0,
                Some(at) => match at - crate::model::now_ms() {
                    left if left > 0 => left,
                    _ => {
                        expired += 1;
                        continue;
                    }
                },
            };
            return Ok(Some((k.key, ttl, k.payload)));
        }
        Ok(None)
    };
    let restored = super::online::restore_stream(
        &admin,
        next,
        opts.batch,
        opts.in_flight,
        Some(m.keys),
        progress,
    )
    .await?;
    progress(Progress::keys("restore keys", restored, Some(restored)));
    Ok(RestoredMaster {
        node_id: m.node_id.clone(),
        restore_into: now.endpoint.to_string(),
        flushed,
        restored,
        expired,
        elapsed_ms: start.elapsed().as_millis() as u64,
    })
}
