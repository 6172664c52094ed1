//! `backup create` on Redis Cluster: one RDB per master (taken as from a single server, from the
//! master or one of its replicas), all under one folder and one manifest that names each
//! master's node id, address, slot ranges and file. The folder is written under a temporary
//! name and renamed, manifest last, only when every master's file is in: a failure on any
//! master leaves no backup.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::Utc;

use super::create::{auto_method, keyspace_counts, seal, take_files, Source, TmpGuard};
use super::manifest::new_id;
use super::{
    BackupFile, BackupManifest, BackupMethod, BackupOptions, KeyCounts, MasterBackup,
    CLUSTER_FORMAT_VERSION, CLUSTER_SLOTS, RDB_FILE,
};
use crate::config::RedisTarget;
use crate::connection::ClusterNode;
use crate::persistence::admin::{cluster_nodes, RedisAdmin};
use crate::persistence::{rdb, PersistenceError, Progress, ProgressFn, Result};

/// One master and the node its RDB is taken from.
struct Plan {
    master: ClusterNode,
    /// The master itself, or a replica in sync (`--from-replica`).
    source: RedisAdmin,
    source_target: RedisTarget,
    source_address: String,
    data_dir: PathBuf,
}

/// The masters that hold slots, every slot held by a healthy one (else the backup would miss
/// the slots of a failing master).
pub(crate) fn masters_covering_all_slots(
    nodes: &[ClusterNode],
) -> Result<Vec<ClusterNode>, String> {
    let mut masters: Vec<ClusterNode> = nodes
        .iter()
        .filter(|n| n.master && !n.slots.is_empty())
        .cloned()
        .collect();
    masters.sort_by_key(|n| n.slots.first().map(|s| s.0));
    if let Some(m) = masters.iter().find(|m| m.failing) {
        return Err(format!(
            "master {} ({}) is failing: its slots {} cannot be backed up",
            m.endpoint,
            m.id,
            super::describe_slots(&m.slots)
        ));
    }
    let held: u32 = super::normalize_slots(masters.iter().flat_map(|m| m.slots.iter().copied()))
        .iter()
        .map(|(a, b)| u32::from(*b) - u32::from(*a) + 1)
        .sum();
    if held != CLUSTER_SLOTS {
        return Err(format!(
            "the masters hold {held} of {CLUSTER_SLOTS} slots: the backup would miss the others \
             (check `tartarus redis health`)"
        ));
    }
    Ok(masters)
}

/// A replica of `master` whose link to it is up.
async fn replica_in_sync(
    target: &RedisTarget,
    master: &ClusterNode,
    nodes: &[ClusterNode],
) -> Result<(RedisAdmin, RedisTarget, String)> {
    let mut reasons = Vec::new();
    for r in nodes
        .iter()
        .filter(|n| !n.master && n.master_id.as_deref() == Some(master.id.as_str()))
    {
        if r.failing {
            reasons.push(format!("{} is failing", r.endpoint));
            continue;
        }
        let node_target = target.node(&r.endpoint);
        match RedisAdmin::connect(&node_target).await {
            Ok(admin) => match admin.info_section("replication").await {
                Ok(info) if info.get("master_link_status").map(String::as_str) == Some("up") => {
                    return Ok((admin, node_target, r.endpoint.to_string()));
                }
                Ok(_) => reasons.push(format!("{}: link to its master is not up", r.endpoint)),
                Err(e) => reasons.push(format!("{}: {e}", r.endpoint)),
            },
            Err(e) => reasons.push(format!("{}: {e}", r.endpoint)),
        }
    }
    Err(PersistenceError::invalid(
        format!("--from-replica for master {}", master.endpoint),
        if reasons.is_empty() {
            "it has no replica".to_string()
        } else {
            format!("no replica in sync ({})", reasons.join("; "))
        },
    ))
}

/// Connects to the node each master's RDB comes from.
async fn plan(target: &RedisTarget, from_replica: bool) -> Result<Vec<Plan>> {
    let nodes = cluster_nodes(target).await?;
    let masters = masters_covering_all_slots(&nodes)
        .map_err(|detail| PersistenceError::invalid("the cluster", detail))?;
    let mut plans = Vec::with_capacity(masters.len());
    for master in masters {
        let (source, source_target, source_address) = if from_replica {
            replica_in_sync(target, &master, &nodes).await?
        } else {
            let t = target.node(&master.endpoint);
            (
                RedisAdmin::connect(&t).await?,
                t,
                master.endpoint.to_string(),
            )
        };
        let data_dir = source
            .config_get_one("dir")
            .await?
            .map(PathBuf::from)
            .unwrap_or_default();
        plans.push(Plan {
            master,
            source,
            source_target,
            source_address,
            data_dir,
        });
    }
    Ok(plans)
}

/// `Auto` is `file` only when every source's data directory is readable here.
fn resolve_method(method: BackupMethod, plans: &[Plan]) -> Result<BackupMethod> {
    match method {
        BackupMethod::Logical => Err(PersistenceError::ClusterUnsupported {
            command: "backup create --method logical",
            alternative: "a Cluster backup is one RDB per master: use --method file, \
                replication or auto",
        }),
        BackupMethod::Auto => {
            let all_local = plans.iter().all(|p| {
                let host = p.source_address.rsplit_once(':').map_or("", |(h, _)| h);
                auto_method(host, Some(&p.data_dir)) == BackupMethod::File
            });
            Ok(if all_local {
                BackupMethod::File
            } else {
                BackupMethod::Replication
            })
        }
        m => Ok(m),
    }
}

/// Backs up every master of the cluster into one new dated folder in `dir` (see the module
/// documentation) and returns its manifest.
pub async fn create_cluster(
    target: &RedisTarget,
    dir: &Path,
    opts: &BackupOptions,
    from_replica: bool,
    progress: ProgressFn<'_>,
) -> Result<BackupManifest> {
    let created_at = Utc::now();
    progress(Progress::phase("read the cluster's masters"));
    let plans = plan(target, from_replica).await?;
    let method = resolve_method(opts.method, &plans)?;
    if !dir.is_dir() {
        crate::persistence::create_private_dir(dir)?;
    }
    let id = new_id(dir, created_at, method);
    let tmp = dir.join(format!(".tmp-{id}"));
    crate::persistence::create_new_private_dir(&tmp)?;
    let guard = TmpGuard(Some(tmp.clone()));
    let mut files: Vec<BackupFile> = Vec::new();
    let mut masters = Vec::with_capacity(plans.len());
    let mut per_db: BTreeMap<String, u64> = BTreeMap::new();
    let total = plans.len();
    for (i, p) in plans.iter().enumerate() {
        let node_id = &p.master.id;
        let label = format!("master {}/{total} {}", i + 1, p.master.endpoint);
        progress(Progress::phase(label.clone()));
        let info = p.source.info().await?;
        let sub = tmp.join(node_id);
        crate::persistence::create_new_private_dir(&sub)?;
        let source = Source {
            admin: &p.source,
            target: &p.source_target,
            endpoint: p.source.endpoint().await?,
            data_dir: p.data_dir.clone(),
            aof_enabled: info.get("aof_enabled").map(|v| v == "1").unwrap_or(false),
        };
        let labelled = |mut ev: Progress| {
            ev.phase = format!("{label}: {}", ev.phase);
            progress(ev)
        };
        // An error keeps its own kind (and exit code); the progress said which master it was.
        let (taken, _) = take_files(&source, method, &sub, opts, &labelled).await?;
        let taken: Vec<BackupFile> = taken
            .into_iter()
            .map(|f| BackupFile {
                name: format!("{node_id}/{}", f.name),
                ..f
            })
            .collect();
        let rdb_name = format!("{node_id}/{RDB_FILE}");
        let rdb_file = taken
            .iter()
            .find(|f| f.name == rdb_name)
            .cloned()
            .ok_or_else(|| PersistenceError::invalid(&label, "no RDB was taken"))?;
        let counts = keyspace_counts(&info);
        for (db, n) in &counts {
            let e = per_db.entry(db.clone()).or_default();
            *e = e.saturating_add(*n);
        }
        masters.push(MasterBackup {
            node_id: node_id.clone(),
            address: p.master.endpoint.to_string(),
            slots: p.master.slots.iter().map(|(a, b)| [*a, *b]).collect(),
            taken_from: if from_replica {
                format!("{} (replica)", p.source_address)
            } else {
                p.source_address.clone()
            },
            rdb_version: rdb::read_version(&tmp.join(&rdb_name)).ok(),
            rdb: rdb_file,
            redis_version: info.get("redis_version").cloned().unwrap_or_default(),
            keys: counts.get("db0").copied().unwrap_or(0),
        });
        files.extend(taken);
    }
    let first = masters.first();
    let manifest = BackupManifest {
        format_version: CLUSTER_FORMAT_VERSION,
        id,
        method,
        created_at: created_at.timestamp_millis(),
        finished_at: crate::model::now_ms(),
        source: format!("cluster {}", target.display()),
        redis_version: first.map(|m| m.redis_version.clone()).unwrap_or_default(),
        rdb_version: first.and_then(|m| m.rdb_version),
        files,
        key_counts: KeyCounts {
            per_db,
            per_pattern: BTreeMap::new(),
        },
        aof_enabled: false,
        patterns: Vec::new(),
        masters,
    };
    seal(dir, &tmp, guard, &manifest)?;
    progress(Progress::phase("done"));
    Ok(manifest)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Endpoint;

    fn node(id: &str, port: u16, slots: Vec<(u16, u16)>, failing: bool) -> ClusterNode {
        ClusterNode {
            id: id.into(),
            endpoint: Endpoint::new("127.0.0.1", port),
            master: true,
            master_id: None,
            failing,
            slots,
        }
    }

    #[test]
    fn every_slot_must_be_held_by_a_healthy_master() {
        let ok = vec![
            node("b", 2, vec![(5461, 16383)], false),
            node("a", 1, vec![(0, 5460)], false),
        ];
        let m = masters_covering_all_slots(&ok).unwrap();
        assert_eq!(m[0].id, "a");
        let gap = vec![node("a", 1, vec![(0, 5460)], false)];
        assert!(masters_covering_all_slots(&gap)
            .unwrap_err()
            .contains("5461 of 16384"));
        let failing = vec![
            node("a", 1, vec![(0, 5460)], false),
            node("b", 2, vec![(5461, 16383)], true),
        ];
        assert!(masters_covering_all_slots(&failing)
            .unwrap_err()
            .contains("failing"));
    }
}
