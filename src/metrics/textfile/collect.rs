//! What goes into the textfile, gathered from where each outcome is recorded: the backup
//! folder (backups, their verify records, the last create and copy), the remote destination,
//! Redis (persistence status, the last `verify persistence` verdict, and a memory sample for
//! `redis health`'s forecast) and the queue.
//!
//! Every command that writes a textfile renders all of it from those records, so whichever
//! writes last leaves a complete file, and one path can serve `backup create`, `backup verify`,
//! `verify persistence` and `metrics` alike. A part that cannot be read is left out (and said
//! in the log), never written as a guess.

use std::path::{Path, PathBuf};

use super::format::Textfile;
use crate::config::RedisTarget;
use crate::persistence::backup::outcome::{
    self, RunRecord, VerifyRecord, COPY_RECORD, CREATE_RECORD, VERIFY_RECORD,
};
use crate::persistence::backup::{self, BackupSummary, Location, STATUS_COMPLETE};
use crate::persistence::canary_record::{self, PersistenceRecord};
use crate::persistence::health::capacity;
use crate::persistence::RedisAdmin;
use crate::store::keys::Keys;
use crate::store::SharedStore;

/// Where the figures come from; each is optional.
pub struct Sources<'a> {
    /// The local backup directory (`TARTARUS_BACKUP_DIR`).
    pub backup_dir: Option<&'a Path>,
    /// The off-machine destination (`TARTARUS_BACKUP_COPY_TO`).
    pub remote: Option<&'a Location>,
    /// Redis, for its persistence status, the last canary verdict and a memory sample.
    pub redis: Option<RedisTarget>,
    /// The cell's key names (the canary verdict, the memory samples).
    pub keys: Keys,
    /// The store, for queue depth.
    pub store: Option<SharedStore>,
    /// Append a memory sample for `redis health`'s forecast.
    pub record_memory_sample: bool,
}

/// Outcomes of the command writing the file, for when its record could not be stored (Redis
/// down for `verify persistence`, a read-only backup folder): they win over what is recorded.
#[derive(Clone, Debug, Default)]
pub struct Overrides {
    pub persistence: Option<PersistenceRecord>,
    /// The verification just made: `local` or `remote`, and its result.
    pub verify: Option<(&'static str, VerifyRecord)>,
    pub create: Option<RunRecord>,
    pub copy: Option<RunRecord>,
}

fn secs(ms: i64) -> f64 {
    ms as f64 / 1000.0
}

fn flag(ok: bool) -> f64 {
    if ok {
        1.0
    } else {
        0.0
    }
}

/// Gathers every figure the sources can give.
pub async fn collect(src: &Sources<'_>, over: &Overrides) -> Textfile {
    let mut t = Textfile::default();
    t.gauge(
        "tartarus_textfile_timestamp_seconds",
        "When this textfile was written (Unix time).",
        secs(crate::model::now_ms()),
    );
    let mut last_verify: Vec<(&'static str, VerifyRecord)> = Vec::new();
    if let Some(dir) = src.backup_dir {
        match backup::list(dir) {
            Ok(list) => {
                let local = local_backups(&list);
                newest(&mut t, "local", &local.newest, local.newest_verified);
                last_verify.extend(local.last_verify.map(|v| ("local", v)));
            }
            Err(e) => tracing::warn!("textfile: listing {}: {e}", dir.display()),
        }
        runs(&mut t, dir, over);
    }
    if let Some(remote) = src.remote {
        remote_backups(&mut t, remote, &mut last_verify).await;
    }
    if let Some((location, v)) = &over.verify {
        last_verify.retain(|(l, _)| l != location);
        last_verify.push((location, v.clone()));
    }
    for (location, v) in &last_verify {
        let l = vec![("location", location.to_string())];
        t.labelled(
            "tartarus_backup_last_verify_success",
            "1 when the last backup verify passed, 0 when it failed.",
            l.clone(),
            flag(v.ok),
        );
        t.labelled(
            "tartarus_backup_last_verify_timestamp_seconds",
            "When the last backup verify ran (Unix time).",
            l,
            secs(v.verified_at),
        );
    }
    if let Some(target) = &src.redis {
        redis_figures(&mut t, target, src, over).await;
    } else if let Some(p) = &over.persistence {
        persistence(&mut t, p);
    }
    if let Some(store) = &src.store {
        match store.queue_stats().await {
            Ok(stats) => {
                for (queue, n) in [
                    ("queued", stats.depth),
                    ("leased", stats.in_flight),
                    ("pending", stats.pending),
                    ("dead", stats.dead),
                ] {
                    t.labelled(
                        "tartarus_queue_depth",
                        "Entries in each Acheron list when the textfile was written.",
                        vec![("queue", queue.to_string())],
                        n as f64,
                    );
                }
            }
            Err(e) => tracing::warn!("textfile: queue stats: {e}"),
        }
    }
    t
}

/// The newest complete backup (with its manifest), the newest one that verified, and the most
/// recent verify record, of a local listing.
struct LocalBackups {
    newest: Option<(BackupSummary, Option<i64>)>,
    newest_verified: Option<i64>,
    last_verify: Option<VerifyRecord>,
}

fn local_backups(list: &[BackupSummary]) -> LocalBackups {
    let mut out = LocalBackups {
        newest: None,
        newest_verified: None,
        last_verify: None,
    };
    // Oldest first: walk from the newest.
    for b in list.iter().rev() {
        let folder = PathBuf::from(&b.path);
        let record: Option<VerifyRecord> = outcome::read_record(&folder, VERIFY_RECORD);
        if let Some(r) = &record {
            if out
                .last_verify
                .as_ref()
                .is_none_or(|l| r.verified_at > l.verified_at)
            {
                out.last_verify = Some(r.clone());
            }
        }
        if b.status != STATUS_COMPLETE {
            continue;
        }
        if out.newest.is_none() {
            let duration = backup::read_manifest(&folder)
                .ok()
                .map(|m| m.finished_at - m.created_at);
            out.newest = Some((b.clone(), duration));
        }
        if out.newest_verified.is_none() && record.is_some_and(|r| r.ok) {
            out.newest_verified = b.created_at;
        }
    }
    out
}

/// `tartarus_backup_newest_*{location}`.
fn newest(
    t: &mut Textfile,
    location: &str,
    newest: &Option<(BackupSummary, Option<i64>)>,
    verified_at: Option<i64>,
) {
    let l = || vec![("location", location.to_string())];
    if let Some((b, duration)) = newest {
        if let Some(at) = b.created_at {
            t.labelled(
                "tartarus_backup_newest_timestamp_seconds",
                "When the newest complete backup was taken (Unix time).",
                l(),
                secs(at),
            );
        }
        t.labelled(
            "tartarus_backup_newest_size_bytes",
            "Size of the newest complete backup.",
            l(),
            b.size_bytes as f64,
        );
        if let Some(d) = duration {
            t.labelled(
                "tartarus_backup_newest_duration_seconds",
                "How long the newest complete backup took.",
                l(),
                secs((*d).max(0)),
            );
        }
    }
    if let Some(at) = verified_at {
        t.labelled(
            "tartarus_backup_newest_verified_timestamp_seconds",
            "When the newest backup that passed verification was taken (Unix time).",
            l(),
            secs(at),
        );
    }
}

/// The last `backup create` and `backup copy`, from the backup directory's records.
fn runs(t: &mut Textfile, dir: &Path, over: &Overrides) {
    let create: Option<RunRecord> = over
        .create
        .clone()
        .or_else(|| outcome::read_record(dir, CREATE_RECORD));
    if let Some(r) = create {
        t.gauge(
            "tartarus_backup_last_create_success",
            "1 when the last backup create succeeded (and verified, with --verify), 0 when it failed.",
            flag(r.ok),
        );
        t.gauge(
            "tartarus_backup_last_create_timestamp_seconds",
            "When the last backup create ended (Unix time).",
            secs(r.finished_at),
        );
    }
    let copy: Option<RunRecord> = over
        .copy
        .clone()
        .or_else(|| outcome::read_record(dir, COPY_RECORD));
    if let Some(r) = copy {
        t.gauge(
            "tartarus_backup_last_copy_success",
            "1 when the last off-machine copy succeeded and read back intact, 0 when it failed.",
            flag(r.ok),
        );
        t.gauge(
            "tartarus_backup_last_copy_timestamp_seconds",
            "When the last off-machine copy ended (Unix time).",
            secs(r.finished_at),
        );
        t.gauge(
            "tartarus_backup_last_copy_duration_seconds",
            "How long the last off-machine copy took.",
            secs(r.duration_ms as i64),
        );
    }
}

/// The newest backup at the remote destination (its files were read back before its
/// manifest was written, so the newest complete one is also the newest verified one).
async fn remote_backups(
    t: &mut Textfile,
    remote: &Location,
    last_verify: &mut Vec<(&'static str, VerifyRecord)>,
) {
    let list = match backup::remote::list(remote).await {
        Ok(l) => l,
        Err(e) => {
            tracing::warn!("textfile: listing {remote}: {e}");
            return;
        }
    };
    let newest_complete = list.iter().rev().find(|b| b.status == STATUS_COMPLETE);
    match remote {
        Location::Folder(_) => {
            let local = local_backups(&list);
            newest(t, "remote", &local.newest, local.newest_verified);
            last_verify.extend(local.last_verify.map(|v| ("remote", v)));
        }
        Location::S3(_) => {
            let n = newest_complete.map(|b| (b.clone(), None));
            newest(t, "remote", &n, newest_complete.and_then(|b| b.created_at));
            match backup::remote::last_remote_verify(remote).await {
                Ok(Some(v)) => last_verify.push(("remote", v)),
                Ok(None) => {}
                Err(e) => tracing::warn!("textfile: verify records at {remote}: {e}"),
            }
        }
    }
}

fn persistence(t: &mut Textfile, p: &PersistenceRecord) {
    t.gauge(
        "tartarus_persistence_verify_success",
        "1 when the last verify persistence passed, 0 when it failed.",
        flag(p.persisted),
    );
    t.gauge(
        "tartarus_persistence_verify_timestamp_seconds",
        "When the last verify persistence ended (Unix time).",
        secs(p.checked_at),
    );
}

/// Redis's persistence status, the last canary verdict, and a memory sample.
async fn redis_figures(
    t: &mut Textfile,
    target: &RedisTarget,
    src: &Sources<'_>,
    over: &Overrides,
) {
    let admin = match RedisAdmin::connect(target).await {
        Ok(a) => Some(a),
        Err(e) => {
            tracing::warn!("textfile: {e}");
            None
        }
    };
    let info = match &admin {
        Some(a) => a
            .info()
            .await
            .map_err(|e| tracing::warn!("textfile: INFO: {e}"))
            .ok(),
        None => None,
    };
    t.gauge(
        "tartarus_textfile_redis_up",
        "1 when Redis answered while the textfile was written (the Redis figures are then fresh).",
        flag(info.is_some()),
    );
    let stored = match &admin {
        Some(a) => canary_record::last(a, &src.keys.persistence_verdict())
            .await
            .map_err(|e| tracing::warn!("textfile: the last verify persistence: {e}"))
            .ok()
            .flatten(),
        None => None,
    };
    if let Some(p) = over.persistence.as_ref().or(stored.as_ref()) {
        persistence(t, p);
    }
    let (Some(admin), Some(info)) = (admin, info) else {
        return;
    };
    let status = |k: &str| info.get(k).map(|v| flag(v.trim() == "ok"));
    if let Some(v) = status("rdb_last_bgsave_status") {
        t.gauge(
            "tartarus_redis_rdb_last_bgsave_status",
            "Redis's rdb_last_bgsave_status: 1 ok, 0 err.",
            v,
        );
    }
    if let Some(v) = status("aof_last_write_status") {
        t.gauge(
            "tartarus_redis_aof_last_write_status",
            "Redis's aof_last_write_status: 1 ok, 0 err.",
            v,
        );
    }
    if let Some(at) = info
        .get("rdb_last_save_time")
        .and_then(|v| v.trim().parse::<f64>().ok())
    {
        t.gauge(
            "tartarus_redis_rdb_last_save_timestamp_seconds",
            "Redis's last successful save (Unix time; its age is time() minus this).",
            at,
        );
    }
    if src.record_memory_sample {
        let key = src.keys.memory_samples();
        if let Err(e) = capacity::record_sample(&admin, &key, &info, crate::model::now_ms()).await {
            tracing::warn!("textfile: storing a memory sample: {e}");
        }
    }
}
