//! Backups: create (file, replication, logical), list, verify, prune, and safe resolution of `ID|PATH`.

use std::collections::{BTreeMap, HashSet};
use std::io::{BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::{DateTime, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::admin::{BgsaveStart, RedisAdmin};
use super::{aof, rdb, replication, PersistenceError, Progress, ProgressFn, Result};
use crate::config::RedisTarget;

pub const FORMAT_VERSION: u32 = 1;
pub const MANIFEST: &str = "manifest.json";
pub const RDB_FILE: &str = "dump.rdb";
pub const AOF_DIR: &str = "appendonlydir";
pub const LOGICAL_FILE: &str = "keys.resp";

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BackupMethod {
    /// Copy the RDB (and AOF directory) from the server's data dir on this machine.
    File,
    /// Stream an RDB over the replication protocol.
    Replication,
    /// SCAN + DUMP + PTTL of matching keys into a RESP file of RESTORE commands.
    Logical,
    /// File when the data dir is local, else Replication.
    Auto,
}

impl BackupMethod {
    pub fn as_str(self) -> &'static str {
        match self {
            BackupMethod::File => "file",
            BackupMethod::Replication => "replication",
            BackupMethod::Logical => "logical",
            BackupMethod::Auto => "auto",
        }
    }
}

impl std::str::FromStr for BackupMethod {
    type Err = PersistenceError;
    fn from_str(s: &str) -> Result<Self> {
        match s.to_ascii_lowercase().as_str() {
            "file" => Ok(BackupMethod::File),
            "replication" => Ok(BackupMethod::Replication),
            "logical" => Ok(BackupMethod::Logical),
            "auto" => Ok(BackupMethod::Auto),
            _ => Err(PersistenceError::invalid(
                "backup method",
                format!("{s:?} (expected file, replication, logical or auto)"),
            )),
        }
    }
}

#[derive(Clone, Debug)]
pub struct BackupOptions {
    pub method: BackupMethod,
    /// Key patterns for logical backups.
    pub patterns: Vec<String>,
    /// How long BGSAVE may take.
    pub bgsave_timeout: Duration,
    /// Keys per DUMP pipeline (logical).
    pub batch: usize,
}

impl Default for BackupOptions {
    fn default() -> Self {
        BackupOptions {
            method: BackupMethod::Auto,
            patterns: super::default_patterns(),
            bgsave_timeout: Duration::from_secs(600),
            batch: 1000,
        }
    }
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct BackupFile {
    /// Relative path inside the backup folder (`/`-separated).
    pub name: String,
    pub size: u64,
    pub sha256: String,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct KeyCounts {
    /// From INFO keyspace when the backup started: `db0 -> keys`.
    pub per_db: BTreeMap<String, u64>,
    /// Logical backups: keys written per pattern (a key matching several counts for the first).
    #[serde(default)]
    pub per_pattern: BTreeMap<String, u64>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct BackupManifest {
    pub format_version: u32,
    pub id: String,
    pub method: BackupMethod,
    pub created_at: DateTime<Utc>,
    pub finished_at: DateTime<Utc>,
    /// `host:port/db` (never a password).
    pub source: String,
    pub redis_version: String,
    pub rdb_version: Option<u32>,
    pub files: Vec<BackupFile>,
    pub key_counts: KeyCounts,
    pub aof_enabled: bool,
    /// Logical backups: the key patterns covered.
    #[serde(default)]
    pub patterns: Vec<String>,
}

/// Removes a temporary backup folder unless disarmed (error or panic mid-way).
struct TmpGuard(Option<PathBuf>);
impl TmpGuard {
    fn disarm(&mut self) {
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

/// A writer that hashes and counts what goes through it.
struct HashingWriter<W: Write> {
    inner: W,
    hasher: Sha256,
    bytes: u64,
}
impl<W: Write> Write for HashingWriter<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.hasher.update(&buf[..n]);
        self.bytes += n as u64;
        Ok(n)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// SHA-256 and size of a file, streamed.
pub fn sha256_file(path: &Path) -> Result<(u64, String)> {
    let mut f = std::fs::File::open(path).map_err(|e| PersistenceError::io(path, e))?;
    let mut h = Sha256::new();
    let mut buf = vec![0u8; 1 << 20];
    let mut size = 0u64;
    loop {
        let n = f
            .read(&mut buf)
            .map_err(|e| PersistenceError::io(path, e))?;
        if n == 0 {
            break;
        }
        h.update(&buf[..n]);
        size += n as u64;
    }
    Ok((size, hex(&h.finalize())))
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

/// Copies `src` (at most `limit` bytes) to a new 0600 file `dst`, hashing on the way, fsynced.
fn copy_hashed(
    src: &Path,
    dst: &Path,
    limit: Option<u64>,
    phase: &str,
    progress: ProgressFn<'_>,
) -> Result<(u64, String)> {
    let f = std::fs::File::open(src).map_err(|e| PersistenceError::io(src, e))?;
    let total = match limit {
        Some(l) => l,
        None => f
            .metadata()
            .map_err(|e| PersistenceError::io(src, e))?
            .len(),
    };
    let mut reader = f.take(limit.unwrap_or(u64::MAX));
    let out = super::create_private_file(dst)?;
    let mut w = HashingWriter {
        inner: out,
        hasher: Sha256::new(),
        bytes: 0,
    };
    let mut buf = vec![0u8; 1 << 20];
    let mut last = Instant::now();
    loop {
        let n = reader
            .read(&mut buf)
            .map_err(|e| PersistenceError::io(src, e))?;
        if n == 0 {
            break;
        }
        w.write_all(&buf[..n])
            .map_err(|e| PersistenceError::io(dst, e))?;
        if last.elapsed() > Duration::from_millis(200) {
            progress(Progress::bytes(phase, w.bytes, Some(total)));
            last = Instant::now();
        }
    }
    w.inner
        .sync_all()
        .map_err(|e| PersistenceError::io(dst, e))?;
    progress(Progress::bytes(phase, w.bytes, Some(total)));
    Ok((w.bytes, hex(&w.hasher.finalize())))
}

fn now_unix() -> i64 {
    Utc::now().timestamp()
}

fn int_field(m: &BTreeMap<String, String>, k: &str) -> Option<i64> {
    m.get(k).and_then(|v| v.trim().parse().ok())
}

/// Runs a BGSAVE and waits until it has completed successfully. Returns the new `rdb_last_save_time`.
///
/// Robust against a save already running (waits, then starts its own so recent writes are included),
/// against a save scheduled behind an AOF rewrite, and against the 1-second resolution of
/// `rdb_last_save_time` (waits for the clock to pass the previous save time first).
pub async fn bgsave_and_wait(
    admin: &RedisAdmin,
    timeout: Duration,
    progress: ProgressFn<'_>,
) -> Result<i64> {
    let deadline = Instant::now() + timeout;
    let before = admin.info_section("persistence").await?;
    let before_time = int_field(&before, "rdb_last_save_time").unwrap_or(0);
    while now_unix() <= before_time {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    progress(Progress::phase("bgsave"));
    let mut tries = 0;
    loop {
        match admin.bgsave().await? {
            BgsaveStart::Started | BgsaveStart::Scheduled => break,
            BgsaveStart::AlreadyInProgress => {
                tries += 1;
                if tries > 20 || Instant::now() > deadline {
                    return Err(PersistenceError::Timeout(
                        "another BGSAVE kept running".into(),
                    ));
                }
                // That save may have forked before our latest writes: wait for it, then start ours.
                loop {
                    let p = admin.info_section("persistence").await?;
                    if int_field(&p, "rdb_bgsave_in_progress") == Some(0) {
                        break;
                    }
                    if Instant::now() > deadline {
                        return Err(PersistenceError::Timeout(
                            "waiting for a running BGSAVE".into(),
                        ));
                    }
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
            }
        }
    }
    let mut seen_running = false;
    loop {
        tokio::time::sleep(Duration::from_millis(50)).await;
        let p = admin.info_section("persistence").await?;
        let running = int_field(&p, "rdb_bgsave_in_progress").unwrap_or(0) != 0;
        let t = int_field(&p, "rdb_last_save_time").unwrap_or(0);
        let status = p
            .get("rdb_last_bgsave_status")
            .map(String::as_str)
            .unwrap_or("");
        if running {
            seen_running = true;
        } else if t > before_time {
            if status == "ok" {
                return Ok(t);
            }
            return Err(PersistenceError::BgsaveFailed(format!(
                "rdb_last_bgsave_status:{status}"
            )));
        } else if seen_running && status != "ok" {
            return Err(PersistenceError::BgsaveFailed(format!(
                "rdb_last_bgsave_status:{status} (see the Redis log)"
            )));
        }
        if Instant::now() > deadline {
            return Err(PersistenceError::Timeout(format!(
                "BGSAVE did not finish within {:?}",
                timeout
            )));
        }
    }
}

fn keyspace_counts(info: &BTreeMap<String, String>) -> BTreeMap<String, u64> {
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

/// The method `Auto` resolves to for this target and data dir.
pub fn auto_method(target: &RedisTarget, data_dir: Option<&Path>) -> BackupMethod {
    match data_dir {
        Some(d) if super::is_loopback_host(&target.host) && dir_readable(d) => BackupMethod::File,
        _ => BackupMethod::Replication,
    }
}

/// A unique id `<UTC yyyymmddThhmmssZ>-<method>` not yet used in `dir`.
fn new_id(dir: &Path, at: DateTime<Utc>, method: BackupMethod) -> String {
    let base = format!("{}-{}", super::compact_utc(at), method.as_str());
    let mut id = base.clone();
    let mut n = 2;
    while dir.join(&id).exists() || dir.join(format!(".tmp-{id}")).exists() {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

/// Creates a backup of the server in a new dated folder inside `dir` and returns its manifest.
/// The folder appears (by rename) only once complete; on error nothing but a removed temp folder remains.
pub async fn create(
    admin: &RedisAdmin,
    target: &RedisTarget,
    dir: &Path,
    opts: &BackupOptions,
    progress: ProgressFn<'_>,
) -> Result<BackupManifest> {
    let created_at = Utc::now();
    let info = admin.info().await?;
    let redis_version = info.get("redis_version").cloned().unwrap_or_default();
    let aof_enabled = info.get("aof_enabled").map(|v| v == "1").unwrap_or(false);
    let server_dir = admin.config_get_one("dir").await?.map(PathBuf::from);
    let method = match opts.method {
        BackupMethod::Auto => auto_method(target, server_dir.as_deref()),
        m => m,
    };
    if !dir.is_dir() {
        // Only a folder we create gets 0700; an existing one keeps the operator's permissions.
        super::create_private_dir(dir)?;
    }
    let id = new_id(dir, created_at, method);
    let tmp = dir.join(format!(".tmp-{id}"));
    super::create_private_dir(&tmp)?;
    let mut guard = TmpGuard(Some(tmp.clone()));

    let mut key_counts = KeyCounts {
        per_db: keyspace_counts(&info),
        per_pattern: BTreeMap::new(),
    };
    let files = match method {
        BackupMethod::File => {
            let d = server_dir.clone().unwrap_or_default();
            file_backup(admin, &d, &tmp, aof_enabled, opts, progress).await?
        }
        BackupMethod::Replication => {
            let dest = tmp.join(RDB_FILE);
            let st = replication::stream_rdb(target, &dest, true, progress).await?;
            let sha256 = match st.sha256 {
                Some(h) => h,
                None => sha256_file(&dest)?.1,
            };
            vec![BackupFile {
                name: RDB_FILE.into(),
                size: st.bytes,
                sha256,
            }]
        }
        BackupMethod::Logical => {
            let (file, counts) = logical_backup(admin, &tmp, opts, progress).await?;
            key_counts.per_pattern = counts;
            vec![file]
        }
        BackupMethod::Auto => {
            return Err(PersistenceError::invalid(
                "backup method",
                "auto was not resolved",
            ))
        }
    };
    let rdb_version = if tmp.join(RDB_FILE).is_file() {
        rdb::read_version(&tmp.join(RDB_FILE)).ok()
    } else {
        None
    };
    let manifest = BackupManifest {
        format_version: FORMAT_VERSION,
        id: id.clone(),
        method,
        created_at,
        finished_at: Utc::now(),
        source: target.display(),
        redis_version,
        rdb_version,
        files,
        key_counts,
        aof_enabled,
        patterns: if method == BackupMethod::Logical {
            opts.patterns.clone()
        } else {
            Vec::new()
        },
    };
    write_manifest(&tmp, &manifest)?;
    super::sync_dir(&tmp)?;
    let final_path = dir.join(&id);
    std::fs::rename(&tmp, &final_path).map_err(|e| PersistenceError::io(&final_path, e))?;
    guard.disarm();
    super::sync_dir(dir)?;
    progress(Progress::phase("done"));
    Ok(manifest)
}

fn write_manifest(folder: &Path, m: &BackupManifest) -> Result<()> {
    let path = folder.join(MANIFEST);
    let json = serde_json::to_vec_pretty(m).map_err(|e| PersistenceError::Json {
        path: path.clone(),
        source: e,
    })?;
    let mut f = super::create_private_file(&path)?;
    f.write_all(&json)
        .map_err(|e| PersistenceError::io(&path, e))?;
    f.sync_all().map_err(|e| PersistenceError::io(&path, e))
}

/// Reads `manifest.json` of a backup folder.
pub fn read_manifest(folder: &Path) -> Result<BackupManifest> {
    let path = folder.join(MANIFEST);
    let bytes = std::fs::read(&path).map_err(|e| PersistenceError::io(&path, e))?;
    serde_json::from_slice(&bytes).map_err(|e| PersistenceError::Json { path, source: e })
}

async fn file_backup(
    admin: &RedisAdmin,
    data_dir: &Path,
    tmp: &Path,
    aof_enabled: bool,
    opts: &BackupOptions,
    progress: ProgressFn<'_>,
) -> Result<Vec<BackupFile>> {
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
        size,
        sha256,
    }];
    if aof_enabled {
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
        let manifest_text = std::fs::read_to_string(&manifest_path)
            .map_err(|e| PersistenceError::io(&manifest_path, e))?;
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
                    let mut f = super::create_private_file(&mpath)?;
                    f.write_all(manifest_text.as_bytes())
                        .map_err(|e| PersistenceError::io(&mpath, e))?;
                    f.sync_all().map_err(|e| PersistenceError::io(&mpath, e))?;
                }
                super::sync_dir(&out_dir)?;
                let after = std::fs::read_to_string(&manifest_path)
                    .map_err(|e| PersistenceError::io(&manifest_path, e))?;
                if after == manifest_text {
                    let (size, sha256) = sha256_file(&mpath)?;
                    files.push(BackupFile {
                        name: format!("{AOF_DIR}/{mname}"),
                        size,
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
    if out_dir.exists() {
        std::fs::remove_dir_all(out_dir).map_err(|e| PersistenceError::io(out_dir, e))?;
    }
    super::create_private_dir(out_dir)?;
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
            Err(PersistenceError::Io { path, source })
                if path == src && source.kind() == std::io::ErrorKind::NotFound =>
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
            size: n,
            sha256: sha,
        });
    }
    Ok(Some(files))
}

/// Appends one `RESTORE key ttl payload REPLACE` command in RESP.
pub fn write_restore_command<W: Write>(
    w: &mut W,
    key: &[u8],
    ttl_ms: i64,
    payload: &[u8],
) -> std::io::Result<()> {
    let ttl = ttl_ms.to_string();
    write!(w, "*5\r\n$7\r\nRESTORE\r\n${}\r\n", key.len())?;
    w.write_all(key)?;
    write!(w, "\r\n${}\r\n{}\r\n${}\r\n", ttl.len(), ttl, payload.len())?;
    w.write_all(payload)?;
    w.write_all(b"\r\n$7\r\nREPLACE\r\n")
}

async fn logical_backup(
    admin: &RedisAdmin,
    tmp: &Path,
    opts: &BackupOptions,
    progress: ProgressFn<'_>,
) -> Result<(BackupFile, BTreeMap<String, u64>)> {
    let path = tmp.join(LOGICAL_FILE);
    let f = super::create_private_file(&path)?;
    let mut w = BufWriter::with_capacity(
        8 << 20,
        HashingWriter {
            inner: f,
            hasher: Sha256::new(),
            bytes: 0,
        },
    );
    let mut seen: HashSet<Vec<u8>> = HashSet::new();
    let mut counts = BTreeMap::new();
    let mut total = 0u64;
    let batch = opts.batch.max(1);
    for pattern in &opts.patterns {
        let mut n = 0u64;
        let mut cursor = 0u64;
        loop {
            let (next, keys) = admin.scan_page(cursor, pattern, batch).await?;
            let fresh: Vec<Vec<u8>> = keys
                .into_iter()
                .filter(|k| seen.insert(k.clone()))
                .collect();
            for chunk in fresh.chunks(batch) {
                let dumps = admin.dump_with_pttl(chunk).await?;
                for (k, d) in chunk.iter().zip(dumps) {
                    // Keys that vanished between SCAN and DUMP are skipped.
                    if let Some((ttl, payload)) = d {
                        write_restore_command(&mut w, k, ttl, &payload)
                            .map_err(|e| PersistenceError::io(&path, e))?;
                        n += 1;
                    }
                }
            }
            progress(Progress::keys("dump keys", total + n, None));
            if next == 0 {
                break;
            }
            cursor = next;
        }
        total += n;
        counts.insert(pattern.clone(), n);
    }
    let hw = w
        .into_inner()
        .map_err(|e| PersistenceError::io(&path, e.into_error()))?;
    hw.inner
        .sync_all()
        .map_err(|e| PersistenceError::io(&path, e))?;
    Ok((
        BackupFile {
            name: LOGICAL_FILE.into(),
            size: hw.bytes,
            sha256: hex(&hw.hasher.finalize()),
        },
        counts,
    ))
}

// ---------------------------------------------------------------- list / verify / prune / resolve

/// True for names `yyyymmddThhmmssZ-<method>[-n]` that this module creates.
pub fn parse_backup_id(name: &str) -> Option<(DateTime<Utc>, BackupMethod)> {
    let (ts, rest) = name.split_at_checked(16)?;
    let t = NaiveDateTime::parse_from_str(ts, "%Y%m%dT%H%M%SZ")
        .ok()?
        .and_utc();
    let rest = rest.strip_prefix('-')?;
    let (m, suffix) = match rest.split_once('-') {
        Some((m, s)) => (m, Some(s)),
        None => (rest, None),
    };
    if let Some(s) = suffix {
        if s.is_empty() || !s.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
    }
    let method = match m {
        "file" => BackupMethod::File,
        "replication" => BackupMethod::Replication,
        "logical" => BackupMethod::Logical,
        _ => return None,
    };
    Some((t, method))
}

#[derive(Clone, Debug, Serialize)]
pub struct BackupSummary {
    pub id: String,
    pub path: String,
    pub method: Option<BackupMethod>,
    pub created_at: Option<DateTime<Utc>>,
    pub size: u64,
    pub files: usize,
    /// [`STATUS_COMPLETE`] when the manifest is readable and every file it lists is present with
    /// its size, else `incomplete: <what is wrong>`. Only sizes are compared: checksums are not
    /// read, so a complete backup with a flipped byte still says complete — use verify.
    pub status: String,
}

fn safe_relative(name: &str) -> bool {
    let p = Path::new(name);
    !name.is_empty()
        && p.is_relative()
        && p.components()
            .all(|c| matches!(c, std::path::Component::Normal(_)))
}

/// The `status` of a backup whose files are all there with their sizes (contents unverified).
pub const STATUS_COMPLETE: &str = "complete";

fn quick_status(folder: &Path) -> (Option<BackupManifest>, String) {
    match read_manifest(folder) {
        Err(e) => (None, format!("incomplete: {e}")),
        Ok(m) => {
            for f in &m.files {
                if !safe_relative(&f.name) {
                    return (
                        Some(m.clone()),
                        format!("incomplete: unsafe file name {:?}", f.name),
                    );
                }
                match std::fs::metadata(folder.join(&f.name)) {
                    Ok(md) if md.len() == f.size => {}
                    Ok(md) => {
                        return (
                            Some(m.clone()),
                            format!(
                                "incomplete: {} is {} bytes, manifest says {}",
                                f.name,
                                md.len(),
                                f.size
                            ),
                        )
                    }
                    Err(_) => return (Some(m.clone()), format!("incomplete: {} missing", f.name)),
                }
            }
            (Some(m), STATUS_COMPLETE.into())
        }
    }
}

/// Backup folders in `dir`, oldest first. Temporary (`.tmp-*`) folders of running or interrupted backups are not listed.
pub fn list(dir: &Path) -> Result<Vec<BackupSummary>> {
    let mut out = Vec::new();
    let rd = match std::fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(out),
        Err(e) => return Err(PersistenceError::io(dir, e)),
    };
    for e in rd {
        let e = e.map_err(|e| PersistenceError::io(dir, e))?;
        let name = e.file_name().to_string_lossy().into_owned();
        let ft = e
            .file_type()
            .map_err(|err| PersistenceError::io(e.path(), err))?;
        if name.starts_with('.') || !ft.is_dir() {
            continue;
        }
        let path = e.path();
        let parsed = parse_backup_id(&name);
        if parsed.is_none() && !path.join(MANIFEST).is_file() {
            continue;
        }
        let (m, status) = quick_status(&path);
        out.push(BackupSummary {
            id: name,
            path: path.display().to_string(),
            method: m.as_ref().map(|m| m.method).or(parsed.map(|p| p.1)),
            created_at: m.as_ref().map(|m| m.created_at).or(parsed.map(|p| p.0)),
            size: m
                .as_ref()
                .map(|m| m.files.iter().map(|f| f.size).sum())
                .unwrap_or(0),
            files: m.as_ref().map(|m| m.files.len()).unwrap_or(0),
            status,
        });
    }
    out.sort_by(|a, b| {
        a.created_at
            .cmp(&b.created_at)
            .then_with(|| a.id.cmp(&b.id))
    });
    Ok(out)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum CheckOutcome {
    Ok,
    Failed,
    Skipped,
}

#[derive(Clone, Debug, Serialize)]
pub struct VerifyCheck {
    pub name: String,
    pub outcome: CheckOutcome,
    pub detail: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct VerifyReport {
    pub path: String,
    pub id: Option<String>,
    pub method: Option<BackupMethod>,
    pub ok: bool,
    pub checks: Vec<VerifyCheck>,
}

impl VerifyReport {
    /// The failed checks, joined, for error messages.
    pub fn failure_reason(&self) -> String {
        self.checks
            .iter()
            .filter(|c| c.outcome == CheckOutcome::Failed)
            .map(|c| format!("{}: {}", c.name, c.detail))
            .collect::<Vec<_>>()
            .join("; ")
    }
}

fn find_tool(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|d| d.join(name))
        .find(|p| p.is_file())
}

fn run_tool(tool: &str, arg: &Path) -> VerifyCheck {
    let name = tool.to_string();
    let Some(bin) = find_tool(tool) else {
        return VerifyCheck {
            name,
            outcome: CheckOutcome::Skipped,
            detail: "not installed".into(),
        };
    };
    match std::process::Command::new(bin)
        .arg(arg)
        .stdin(std::process::Stdio::null())
        .output()
    {
        Ok(o) => {
            let text = format!(
                "{}{}",
                String::from_utf8_lossy(&o.stdout),
                String::from_utf8_lossy(&o.stderr)
            );
            let last = text
                .lines()
                .rev()
                .find(|l| !l.trim().is_empty())
                .unwrap_or("")
                .trim()
                .to_string();
            if o.status.success() {
                VerifyCheck {
                    name,
                    outcome: CheckOutcome::Ok,
                    detail: last,
                }
            } else {
                VerifyCheck {
                    name,
                    outcome: CheckOutcome::Failed,
                    detail: format!("exit {:?}: {last}", o.status.code()),
                }
            }
        }
        Err(e) => VerifyCheck {
            name,
            outcome: CheckOutcome::Skipped,
            detail: format!("could not run: {e}"),
        },
    }
}

fn check(name: impl Into<String>, ok: bool, detail: impl Into<String>) -> VerifyCheck {
    VerifyCheck {
        name: name.into(),
        outcome: if ok {
            CheckOutcome::Ok
        } else {
            CheckOutcome::Failed
        },
        detail: detail.into(),
    }
}

/// Full verification of a backup folder: manifest, sizes and SHA-256 of every file, RDB
/// magic/version/CRC-64, AOF manifest consistency, the RESP file of logical backups, and
/// `redis-check-rdb` / `redis-check-aof` when installed.
pub fn verify(folder: &Path) -> VerifyReport {
    verify_with(folder, true)
}

/// The part of [`verify`] that reads every file once: manifest, sizes and SHA-256 (plus RDB/AOF structure
/// checks, which are cheap) — no RESP re-parse and no external tools. Used before an online restore, which
/// parses the RESP file anyway.
pub fn verify_checksums(folder: &Path) -> VerifyReport {
    verify_with(folder, false)
}

fn verify_with(folder: &Path, deep: bool) -> VerifyReport {
    let mut rep = VerifyReport {
        path: folder.display().to_string(),
        id: None,
        method: None,
        ok: false,
        checks: Vec::new(),
    };
    let m = match read_manifest(folder) {
        Ok(m) => m,
        Err(e) => {
            rep.checks.push(check("manifest", false, e.to_string()));
            return rep;
        }
    };
    rep.id = Some(m.id.clone());
    rep.method = Some(m.method);
    rep.checks.push(check(
        "manifest",
        m.format_version <= FORMAT_VERSION && !m.files.is_empty(),
        format!("format {}, {} file(s)", m.format_version, m.files.len()),
    ));
    let mut all_files_ok = true;
    for f in &m.files {
        if !safe_relative(&f.name) {
            rep.checks.push(check(
                format!("file {}", f.name),
                false,
                "unsafe name in manifest",
            ));
            all_files_ok = false;
            continue;
        }
        let c = match sha256_file(&folder.join(&f.name)) {
            Ok((size, _)) if size != f.size => check(
                format!("file {}", f.name),
                false,
                format!("{size} bytes, manifest says {}", f.size),
            ),
            Ok((_, sha)) if sha != f.sha256 => {
                check(format!("file {}", f.name), false, "SHA-256 mismatch")
            }
            Ok((size, _)) => check(
                format!("file {}", f.name),
                true,
                format!("{size} bytes, sha256 ok"),
            ),
            Err(e) => check(format!("file {}", f.name), false, e.to_string()),
        };
        all_files_ok &= c.outcome == CheckOutcome::Ok;
        rep.checks.push(c);
        if f.name.ends_with(".rdb") {
            match rdb::verify(&folder.join(&f.name)) {
                Ok(r) if r.ok => rep.checks.push(check(
                    format!("rdb {}", f.name),
                    true,
                    format!(
                        "version {}, crc {:?}",
                        r.version.unwrap_or(0),
                        r.checksum.unwrap_or(rdb::ChecksumStatus::Absent)
                    ),
                )),
                Ok(r) => rep.checks.push(check(
                    format!("rdb {}", f.name),
                    false,
                    r.problems.join("; "),
                )),
                Err(e) => rep
                    .checks
                    .push(check(format!("rdb {}", f.name), false, e.to_string())),
            }
        }
    }
    let has_aof = m
        .files
        .iter()
        .any(|f| f.name.starts_with(&format!("{AOF_DIR}/")));
    if has_aof {
        let r = aof::verify_dir(&folder.join(AOF_DIR));
        rep.checks.push(check(
            "aof manifest",
            r.ok,
            if r.ok {
                format!("{} file(s) listed, all present", r.entries.len())
            } else {
                r.problems.join("; ")
            },
        ));
    }
    // The RESP parse only on a file whose checksum matched: a corrupt file already failed, and
    // parsing it would only repeat the error (or trip over a garbage length).
    if deep && all_files_ok && m.method == BackupMethod::Logical {
        let expected: u64 = m.key_counts.per_pattern.values().sum();
        match count_resp_commands(&folder.join(LOGICAL_FILE)) {
            Ok(n) => rep.checks.push(check(
                "resp commands",
                n == expected,
                format!("{n} RESTORE commands, manifest says {expected} keys"),
            )),
            Err(e) => rep
                .checks
                .push(check("resp commands", false, e.to_string())),
        }
    }
    // External tools only on files whose checksums matched (they would just repeat the error).
    if deep && all_files_ok {
        if m.files.iter().any(|f| f.name == RDB_FILE) {
            rep.checks
                .push(run_tool("redis-check-rdb", &folder.join(RDB_FILE)));
        }
        if has_aof {
            if let Ok(p) = aof::find_manifest(&folder.join(AOF_DIR), Some("appendonly.aof")) {
                rep.checks.push(run_tool("redis-check-aof", &p));
            }
        }
    }
    rep.ok = rep.checks.iter().all(|c| c.outcome != CheckOutcome::Failed);
    rep
}

fn count_resp_commands(path: &Path) -> Result<u64> {
    let f = std::fs::File::open(path).map_err(|e| PersistenceError::io(path, e))?;
    let mut r = super::restore::RespReader::new(std::io::BufReader::with_capacity(1 << 20, f));
    let mut n = 0;
    while let Some(cmd) = r
        .next_command()
        .map_err(|e| super::restore::resp_error(path, e))?
    {
        super::restore::restore_item(cmd)
            .map_err(|e| PersistenceError::invalid(path.display().to_string(), e))?;
        n += 1;
    }
    Ok(n)
}

/// Resolves `ID|PATH` to a backup folder that is directly inside `dir`. Rejects `..`, hidden
/// names, paths outside `dir`, and symlinks whose target escapes it.
pub fn resolve(dir: &Path, reference: &str) -> Result<PathBuf> {
    let bad = |reason: &str| PersistenceError::BadBackupRef {
        reference: reference.to_string(),
        reason: reason.to_string(),
    };
    if reference.is_empty() {
        return Err(bad("empty"));
    }
    let canon_dir = dir
        .canonicalize()
        .map_err(|e| PersistenceError::io(dir, e))?;
    let is_path =
        reference.contains('/') || reference.contains('\\') || Path::new(reference).is_absolute();
    let candidate = if is_path {
        PathBuf::from(reference)
    } else {
        if reference == ".." || reference == "." || reference.starts_with('.') {
            return Err(bad("not a backup id"));
        }
        dir.join(reference)
    };
    if candidate
        .components()
        .any(|c| matches!(c, std::path::Component::ParentDir))
    {
        return Err(bad("must not contain '..'"));
    }
    std::fs::symlink_metadata(&candidate).map_err(|_| bad("no such backup"))?;
    let canon = candidate
        .canonicalize()
        .map_err(|e| PersistenceError::io(&candidate, e))?;
    if canon.parent() != Some(canon_dir.as_path()) {
        return Err(bad("not a folder directly inside the backup directory"));
    }
    if canon
        .file_name()
        .map(|n| n.to_string_lossy().starts_with('.'))
        .unwrap_or(true)
    {
        return Err(bad("temporary or hidden folder"));
    }
    if !canon.is_dir() {
        return Err(bad("not a directory"));
    }
    Ok(canon)
}

#[derive(Clone, Debug, Serialize)]
pub struct PruneEntry {
    pub id: String,
    pub created_at: DateTime<Utc>,
    pub reason: String,
}

/// A `.tmp-<id>` folder left by a backup that was killed (or is still running).
#[derive(Clone, Debug, Serialize)]
pub struct TmpEntry {
    /// The folder name (`.tmp-<id>`).
    pub name: String,
    /// The newest modification time of the folder and everything in it.
    pub last_write: DateTime<Utc>,
    pub reason: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct PruneReport {
    pub dry_run: bool,
    /// Deleted (or, with dry_run, would be deleted).
    pub deleted: Vec<PruneEntry>,
    pub kept: Vec<PruneEntry>,
    /// Temporary folders of killed backups, untouched for [`STALE_TMP_AGE`]: deleted (or, with
    /// dry_run, would be deleted).
    pub tmp_deleted: Vec<TmpEntry>,
    /// Temporary folders written to recently: a backup may still be running, so they stay.
    pub tmp_kept: Vec<TmpEntry>,
}

impl PruneReport {
    /// True when the report deletes (or would delete) anything.
    pub fn deletes_anything(&self) -> bool {
        !self.deleted.is_empty() || !self.tmp_deleted.is_empty()
    }
}

/// A `.tmp-<id>` folder untouched for this long belongs to a backup that was killed: `prune`
/// removes it. A running backup writes into its folder all the time (except while its BGSAVE
/// runs, which `--bgsave-timeout` limits to 10 minutes by default).
pub const STALE_TMP_AGE: Duration = Duration::from_secs(3600);

/// The newest mtime of `path` and everything below it (symlinks not followed).
fn last_write(path: &Path) -> Option<std::time::SystemTime> {
    let md = std::fs::symlink_metadata(path).ok()?;
    let mut newest = md.modified().ok()?;
    if md.is_dir() {
        if let Ok(rd) = std::fs::read_dir(path) {
            for e in rd.flatten() {
                if let Some(t) = last_write(&e.path()) {
                    newest = newest.max(t);
                }
            }
        }
    }
    Some(newest)
}

/// Deletes backups that are older than `keep_days` days AND not among the newest `keep_last`,
/// never the newest backup that verifies. Only folders named like backups are considered.
/// Also deletes the `.tmp-<id>` folders of killed backups once nothing in them has been written
/// for [`STALE_TMP_AGE`]; fresher ones may belong to a running backup and are left alone.
pub fn prune(dir: &Path, keep_days: u32, keep_last: usize, dry_run: bool) -> Result<PruneReport> {
    prune_at(dir, keep_days, keep_last, dry_run, Utc::now())
}

/// [`prune`] with an explicit "now".
pub fn prune_at(
    dir: &Path,
    keep_days: u32,
    keep_last: usize,
    dry_run: bool,
    now: DateTime<Utc>,
) -> Result<PruneReport> {
    let mut backups = Vec::new();
    let mut tmps = Vec::new();
    let rd = std::fs::read_dir(dir).map_err(|e| PersistenceError::io(dir, e))?;
    for e in rd {
        let e = e.map_err(|e| PersistenceError::io(dir, e))?;
        let name = e.file_name().to_string_lossy().into_owned();
        // Symlinks are never followed or deleted.
        let is_dir = std::fs::symlink_metadata(e.path())
            .map(|m| m.is_dir())
            .unwrap_or(false);
        if !is_dir {
            continue;
        }
        if let Some((t, _)) = parse_backup_id(&name) {
            backups.push((name, t, e.path()));
        } else if let Some((t, _)) = name.strip_prefix(".tmp-").and_then(parse_backup_id) {
            tmps.push((name, t, e.path()));
        }
    }
    backups.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| b.0.cmp(&a.0))); // newest first
                                                                       // The newest backup that verifies is always kept.
    let newest_good = backups.iter().position(|(_, _, p)| verify(p).ok);
    let max_age = chrono::Duration::days(i64::from(keep_days));
    let mut rep = PruneReport {
        dry_run,
        deleted: Vec::new(),
        kept: Vec::new(),
        tmp_deleted: Vec::new(),
        tmp_kept: Vec::new(),
    };
    let stale = chrono::Duration::from_std(STALE_TMP_AGE).unwrap_or(chrono::Duration::hours(1));
    tmps.sort();
    for (name, started, path) in tmps {
        // The id's time is when the backup started: a folder is never older than that.
        let written = last_write(&path)
            .map(DateTime::<Utc>::from)
            .map_or(started, |w| w.max(started));
        let minutes = (now - written).num_minutes();
        if now - written >= stale {
            if !dry_run {
                std::fs::remove_dir_all(&path).map_err(|e| PersistenceError::io(&path, e))?;
            }
            rep.tmp_deleted.push(TmpEntry {
                name,
                last_write: written,
                reason: format!(
                    "temporary folder of an interrupted backup, untouched for {minutes} min"
                ),
            });
        } else {
            rep.tmp_kept.push(TmpEntry {
                name,
                last_write: written,
                reason: format!(
                    "temporary folder written {minutes} min ago: a backup may be running"
                ),
            });
        }
    }
    for (i, (id, t, path)) in backups.into_iter().enumerate() {
        let mut reasons = Vec::new();
        if i < keep_last {
            reasons.push(format!("among the newest {keep_last}"));
        }
        if keep_days > 0 && now - t < max_age {
            reasons.push(format!("younger than {keep_days} day(s)"));
        }
        if Some(i) == newest_good {
            reasons.push("newest backup that verifies".to_string());
        }
        if reasons.is_empty() {
            if !dry_run {
                std::fs::remove_dir_all(&path).map_err(|e| PersistenceError::io(&path, e))?;
            }
            let why = if keep_days > 0 {
                format!("older than {keep_days} day(s) and not among the newest {keep_last}")
            } else {
                format!("not among the newest {keep_last}")
            };
            rep.deleted.push(PruneEntry {
                id,
                created_at: t,
                reason: why,
            });
        } else {
            rep.kept.push(PruneEntry {
                id,
                created_at: t,
                reason: reasons.join(", "),
            });
        }
    }
    Ok(rep)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backup_ids() {
        let (t, m) = parse_backup_id("20260102T030405Z-file").unwrap();
        assert_eq!(t.to_rfc3339(), "2026-01-02T03:04:05+00:00");
        assert_eq!(m, BackupMethod::File);
        assert!(parse_backup_id("20260102T030405Z-logical-2").is_some());
        assert!(parse_backup_id("20260102T030405Z-other").is_none());
        assert!(parse_backup_id("x0260102T030405Z-file").is_none());
        assert!(parse_backup_id("20260102T030405Z-file-").is_none());
        assert!(parse_backup_id("short").is_none());
    }

    #[test]
    fn restore_command_encoding() {
        let mut v = Vec::new();
        write_restore_command(&mut v, b"k", 0, b"\x00\x01").unwrap();
        assert_eq!(
            v,
            b"*5\r\n$7\r\nRESTORE\r\n$1\r\nk\r\n$1\r\n0\r\n$2\r\n\x00\x01\r\n$7\r\nREPLACE\r\n"
                .to_vec()
        );
    }

    #[test]
    fn resolve_rejects_escapes() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("backups");
        std::fs::create_dir_all(dir.join("20260101T000000Z-file")).unwrap();
        std::fs::create_dir_all(root.path().join("outside")).unwrap();
        assert!(resolve(&dir, "20260101T000000Z-file").is_ok());
        let abs = dir.join("20260101T000000Z-file");
        assert!(resolve(&dir, abs.to_str().unwrap()).is_ok());
        assert!(resolve(&dir, "..").is_err());
        assert!(resolve(&dir, "../outside").is_err());
        assert!(resolve(&dir, root.path().join("outside").to_str().unwrap()).is_err());
        assert!(resolve(&dir, "/etc").is_err());
        assert!(resolve(&dir, "nope").is_err());
        assert!(resolve(&dir, ".tmp-x").is_err());
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(root.path().join("outside"), dir.join("evil")).unwrap();
            assert!(resolve(&dir, "evil").is_err());
        }
    }
}
