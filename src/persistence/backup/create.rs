//! `backup create`: a new dated folder, written under a temporary name and renamed when complete.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::Utc;

use super::bgsave::{bgsave_and_wait, int_field};
use super::hashing::{copy_hashed, sha256_file};
use super::manifest::{new_id, write_manifest};
use super::{
    BackupFile, BackupManifest, BackupMethod, BackupOptions, KeyCounts, AOF_DIR, FORMAT_VERSION,
    RDB_FILE,
};
use crate::config::{Endpoint, RedisTarget};
use crate::persistence::admin::RedisAdmin;
use crate::persistence::{
    aof, logical, rdb, replication, PersistenceError, Progress, ProgressFn, Result,
};

/// Removes a temporary backup folder unless disarmed (error or panic mid-way).
pub(super) struct TmpGuard(pub(super) Option<PathBuf>);
impl TmpGuard {
    pub(super) fn disarm(&mut self) {
        self.0 = None;
    }
}
impl Drop for TmpGuard {
    fn drop(&mut self) {
        if let Some(p) = self.0.take() {
            let _ = std::fs::remove_dir_all(p);
        }
    }
}

pub(super) fn keyspace_counts(info: &BTreeMap<String, String>) -> BTreeMap<String, u64> {
    let mut out = BTreeMap::new();
    for (k, v) in info {
        if k.starts_with("db") && k[2..].chars().all(|c| c.is_ascii_digit()) && k.len() > 2 {
            if let Some(n) = v
                .split(',')
                .find_map(|p| p.strip_prefix("keys="))
                .and_then(|n| n.parse().ok())
            {
                out.insert(k.clone(), n);
            }
        }
    }
    out
}

fn dir_readable(p: &Path) -> bool {
    p.is_dir() && std::fs::read_dir(p).is_ok()
}

/// The method `Auto` resolves to for a server on `host` with this data dir.
pub fn auto_method(host: &str, data_dir: Option<&Path>) -> BackupMethod {
    match data_dir {
        Some(d) if crate::persistence::is_loopback_host(host) && dir_readable(d) => {
            BackupMethod::File
        }
        _ => BackupMethod::Replication,
    }
}

/// Creates a backup of the server in a new dated folder inside `dir` and returns its manifest.
/// The folder (0700, files 0600) appears by rename only once complete; on error nothing but a
/// removed temporary folder remains.
pub async fn create(
    admin: &RedisAdmin,
    target: &RedisTarget,
    dir: &Path,
    opts: &BackupOptions,
    progress: ProgressFn<'_>,
) -> Result<BackupManifest> {
    let created_at = Utc::now();
    let info = admin.info().await?;
    let server_dir = admin.config_get_one("dir").await?.map(PathBuf::from);
    let endpoint = admin.endpoint().await?;
    let method = match opts.method {
        BackupMethod::Auto => auto_method(&endpoint.host, server_dir.as_deref()),
        m => m,
    };
    if !dir.is_dir() {
        // Only a folder we create gets 0700; an existing one keeps the operator's permissions.
        crate::persistence::create_private_dir(dir)?;
    }
    let id = new_id(dir, created_at, method);
    let tmp = dir.join(format!(".tmp-{id}"));
    // A new folder: never one (or a link) that was there before.
    crate::persistence::create_new_private_dir(&tmp)?;
    let guard = TmpGuard(Some(tmp.clone()));
    let aof_enabled = info.get("aof_enabled").map(|v| v == "1").unwrap_or(false);
    let source = Source {
        admin,
        target,
        endpoint,
        data_dir: server_dir.unwrap_or_default(),
        aof_enabled,
    };
    let (files, per_pattern) = take_files(&source, method, &tmp, opts, progress).await?;
    let rdb_path = tmp.join(RDB_FILE);
    let manifest = BackupManifest {
        format_version: FORMAT_VERSION,
        id: id.clone(),
        method,
        created_at: created_at.timestamp_millis(),
        finished_at: crate::model::now_ms(),
        source: admin.display().to_string(),
        redis_version: info.get("redis_version").cloned().unwrap_or_default(),
        rdb_version: files
            .iter()
            .any(|f| f.name == RDB_FILE)
            .then(|| rdb::read_version(&rdb_path).ok())
            .flatten(),
        files,
        key_counts: KeyCounts {
            per_db: keyspace_counts(&info),
            per_pattern,
        },
        aof_enabled,
        patterns: if method == BackupMethod::Logical {
            opts.patterns.clone()
        } else {
            Vec::new()
        },
        masters: Vec::new(),
    };
    seal(dir, &tmp, guard, &manifest)?;
    progress(Progress::phase("done"));
    Ok(manifest)
}

/// Writes the manifest last into the temporary folder, then renames the folder to the backup's
/// id: the backup appears complete or not at all.
pub(super) fn seal(
    dir: &Path,
    tmp: &Path,
    mut guard: TmpGuard,
    manifest: &BackupManifest,
) -> Result<()> {
    write_manifest(tmp, manifest)?;
    crate::persistence::sync_dir(tmp)?;
    let final_path = dir.join(&manifest.id);
    std::fs::rename(tmp, &final_path).map_err(|e| PersistenceError::io(&final_path, e))?;
    guard.disarm();
    crate::persistence::sync_dir(dir)
}

/// The server a backup is taken from.
pub(super) struct Source<'a> {
    pub(super) admin: &'a RedisAdmin,
    pub(super) target: &'a RedisTarget,
    /// The node it is taken from (the master, or a replica).
    pub(super) endpoint: Endpoint,
    /// Its `dir` (empty when it reports none).
    pub(super) data_dir: PathBuf,
    pub(super) aof_enabled: bool,
}

/// Writes the backup's files into `tmp` with the chosen method. Returns them, and the keys per
/// pattern of a logical backup (empty otherwise).
pub(super) async fn take_files(
    source: &Source<'_>,
    method: BackupMethod,
    tmp: &Path,
    opts: &BackupOptions,
    progress: ProgressFn<'_>,
) -> Result<(Vec<BackupFile>, BTreeMap<String, u64>)> {
    match method {
        BackupMethod::File => {
            let files = file_backup(source, tmp, opts, progress).await?;
            Ok((files, BTreeMap::new()))
        }
        BackupMethod::Replication => {
            let dest = tmp.join(RDB_FILE);
            let st = replication::stream_rdb_from(
                source.target,
                &source.endpoint,
                &dest,
                true,
                progress,
            )
            .await?;
            let sha256 = match st.sha256 {
                Some(h) => h,
                None => sha256_file(&dest)?.1,
            };
            let file = BackupFile {
                name: RDB_FILE.into(),
                size_bytes: st.bytes,
                sha256,
            };
            Ok((vec![file], BTreeMap::new()))
        }
        BackupMethod::Logical => {
            let (file, counts) = logical::dump_keys(source.admin, tmp, opts, progress).await?;
            Ok((vec![file], counts))
        }
        BackupMethod::Auto => Err(PersistenceError::invalid(
            "backup method",
            "auto was not resolved",
        )),
    }
}

/// BGSAVE, then copies dump.rdb (and, with AOF on, the AOF directory) from the server's data dir.
async fn file_backup(
    source: &Source<'_>,
    tmp: &Path,
    opts: &BackupOptions,
    progress: ProgressFn<'_>,
) -> Result<Vec<BackupFile>> {
    let (admin, data_dir) = (source.admin, source.data_dir.as_path());
    if data_dir.as_os_str().is_empty() {
        return Err(PersistenceError::DataDirNotLocal {
            dir: "(the server reports no dir)".into(),
        });
    }
    if !dir_readable(data_dir) {
        return Err(PersistenceError::DataDirNotLocal {
            dir: data_dir.display().to_string(),
        });
    }
    let dbfilename = admin
        .config_get_one("dbfilename")
        .await?
        .unwrap_or_else(|| "dump.rdb".into());
    let lastsave = bgsave_and_wait(admin, opts.bgsave_timeout, progress).await?;
    let src = data_dir.join(&dbfilename);
    // Same path on this machine but another server's files? The RDB must be the one just saved.
    let mtime = std::fs::metadata(&src)
        .and_then(|m| m.modified())
        .map_err(|e| PersistenceError::io(&src, e))?
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    if mtime + 2 < lastsave {
        return Err(PersistenceError::DataDirNotLocal {
            dir: format!(
                "{} ({} was not written by this BGSAVE)",
                data_dir.display(),
                src.display()
            ),
        });
    }
    let (size, sha256) = copy_hashed(&src, &tmp.join(RDB_FILE), None, "copy dump.rdb", progress)?;
    let mut files = vec![BackupFile {
        name: RDB_FILE.into(),
        size_bytes: size,
        sha256,
    }];
    if source.aof_enabled {
        files.extend(copy_aof_dir(admin, data_dir, tmp, opts, progress).await?);
    }
    Ok(files)
}

/// How often [`copy_aof_dir`] starts over when an AOF rewrite changed the directory under it.
const AOF_COPY_ATTEMPTS: u32 = 5;

/// Copies the AOF directory: the manifest and the prefix of every file it lists.
///
/// Automatic rewrites are deliberately **not** paused (an earlier version set
/// `auto-aof-rewrite-percentage` to 0 during the copy, and a backup killed meanwhile left the
/// server's AOF growing without bound; a signal handler cannot cover `kill -9`, the OOM killer or
/// a lost SSH session). Not pausing is safe because every way a rewrite can interfere is detected,
/// and a copy that saw one is thrown away and started over:
///
/// - Redis 7 writes a new manifest when a rewrite *starts* (it opens a new INCR file) and again
///   when it *ends* (new BASE, old files become history). The manifest text is read before the
///   copy and compared after it: any rewrite that overlapped the copy changes it → retry.
/// - Files are append-only (INCR) or immutable (BASE): while the manifest is unchanged, the prefix
///   of each listed file up to the size taken before the copy is exactly what that manifest
///   describes, whatever is appended meanwhile.
/// - History files are deleted after a rewrite: a listed file that vanished before it was opened
///   (`NotFound`) means a rewrite happened → retry. One already opened stays readable (Unix).
/// - A rewrite running or scheduled when an attempt starts is waited for first.
///
/// An automatic rewrite needs the AOF to grow by `auto-aof-rewrite-percentage` (100% by default)
/// since the last one, so two in a row during one copy require writing about as much as the whole
/// dataset while it is copied; after [`AOF_COPY_ATTEMPTS`] the backup fails cleanly (no folder).
/// A manual BGREWRITEAOF was never prevented by the pause anyway.
async fn copy_aof_dir(
    admin: &RedisAdmin,
    data_dir: &Path,
    tmp: &Path,
    opts: &BackupOptions,
    progress: ProgressFn<'_>,
) -> Result<Vec<BackupFile>> {
    let dirname = admin
        .config_get_one("appenddirname")
        .await?
        .unwrap_or_else(|| AOF_DIR.into());
    let filename = admin
        .config_get_one("appendfilename")
        .await?
        .unwrap_or_else(|| "appendonly.aof".into());
    let src_dir = data_dir.join(&dirname);
    let deadline = Instant::now() + opts.bgsave_timeout;
    for attempt in 1..=AOF_COPY_ATTEMPTS {
        // A running rewrite replaces the manifest: wait for it to end.
        loop {
            let p = admin.info_section("persistence").await?;
            if int_field(&p, "aof_rewrite_in_progress") == Some(0)
                && int_field(&p, "aof_rewrite_scheduled") == Some(0)
            {
                break;
            }
            if Instant::now() > deadline {
                return Err(PersistenceError::Timeout(
                    "AOF rewrite did not finish".into(),
                ));
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let manifest_path = aof::find_manifest(&src_dir, Some(&filename))?;
        let manifest_text = aof::read_manifest_text(&manifest_path)?;
        let manifest = aof::parse_manifest(&manifest_text)?;
        let out_dir = tmp.join(AOF_DIR);
        match copy_listed(&src_dir, &out_dir, &manifest, progress) {
            Ok(Some(mut files)) => {
                let mname = manifest_path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_else(|| format!("{filename}.manifest"));
                let mpath = out_dir.join(&mname);
                {
                    let mut f = crate::persistence::create_private_file(&mpath)?;
                    f.write_all(manifest_text.as_bytes())
                        .map_err(|e| PersistenceError::io(&mpath, e))?;
                    f.sync_all().map_err(|e| PersistenceError::io(&mpath, e))?;
                }
                crate::persistence::sync_dir(&out_dir)?;
                let after = aof::read_manifest_text(&manifest_path)?;
                if after == manifest_text {
                    let (size, sha256) = sha256_file(&mpath)?;
                    files.push(BackupFile {
                        name: format!("{AOF_DIR}/{mname}"),
                        size_bytes: size,
                        sha256,
                    });
                    return Ok(files);
                }
            }
            // A listed file vanished: a rewrite finished and removed it.
            Ok(None) => {}
            Err(e) => return Err(e),
        }
        progress(Progress::phase(format!(
            "AOF rewritten during the copy, starting over ({attempt}/{AOF_COPY_ATTEMPTS})"
        )));
    }
    Err(PersistenceError::invalid(
        "AOF directory",
        format!("kept changing during the copy ({AOF_COPY_ATTEMPTS} attempts; AOF rewrites?)"),
    ))
}

/// Copies the prefix (up to the size at the start) of every file `manifest` lists into a fresh
/// `out_dir`. `Ok(None)` when a listed file no longer exists (a rewrite removed it).
fn copy_listed(
    src_dir: &Path,
    out_dir: &Path,
    manifest: &aof::AofManifest,
    progress: ProgressFn<'_>,
) -> Result<Option<Vec<BackupFile>>> {
    // Sizes now: the incr file keeps growing; we copy the prefix that existed at this point.
    let mut sizes = Vec::new();
    for e in &manifest.entries {
        let p = src_dir.join(&e.file);
        match std::fs::metadata(&p) {
            Ok(m) => sizes.push(m.len()),
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(err) => return Err(PersistenceError::io(&p, err)),
        }
    }
    if std::fs::symlink_metadata(out_dir).is_ok() {
        std::fs::remove_dir_all(out_dir).map_err(|e| PersistenceError::io(out_dir, e))?;
    }
    crate::persistence::create_new_private_dir(out_dir)?;
    let mut files = Vec::new();
    for (e, size) in manifest.entries.iter().zip(sizes) {
        let src = src_dir.join(&e.file);
        let copied = copy_hashed(
            &src,
            &out_dir.join(&e.file),
            Some(size),
            &format!("copy {}", e.file),
            progress,
        );
        let (n, sha) = match copied {
            Ok(x) => x,
            Err(PersistenceError::Io { path, error })
                if path == src && error.kind() == std::io::ErrorKind::NotFound =>
            {
                return Ok(None)
            }
            Err(e) => return Err(e),
        };
        if n < size {
            // Shorter than when measured: not an append-only file of this manifest any more.
            return Ok(None);
        }
        files.push(BackupFile {
            name: format!("{AOF_DIR}/{}", e.file),
            size_bytes: n,
            sha256: sha,
        });
    }
    Ok(Some(files))
}
