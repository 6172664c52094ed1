//! Offline restore: install a file or replication backup into a stopped server's data dir, so it
//! loads on start (as dump.rdb, or as the AOF base when the server runs with appendonly yes).

use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::Serialize;

use crate::persistence::backup::{self, BackupMethod};
use crate::persistence::{aof, PersistenceError, Progress, ProgressFn, Result};

/// Copies `src` to `dst` through a temporary file in the same folder: fsync, rename, fsync dir. Mode 0600.
pub fn copy_file_durable(src: &Path, dst: &Path) -> Result<u64> {
    let parent = dst.parent().unwrap_or(Path::new("."));
    let name = dst
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = parent.join(format!(".{name}.tmp"));
    let mut input = std::fs::File::open(src).map_err(|e| PersistenceError::io(src, e))?;
    let mut out = crate::persistence::create_private_file(&tmp)?;
    let n = std::io::copy(&mut input, &mut out).map_err(|e| PersistenceError::io(&tmp, e))?;
    out.sync_all().map_err(|e| PersistenceError::io(&tmp, e))?;
    drop(out);
    std::fs::rename(&tmp, dst).map_err(|e| PersistenceError::io(dst, e))?;
    crate::persistence::sync_dir(parent)?;
    Ok(n)
}

/// Where and how to install an offline restore.
#[derive(Clone, Debug)]
pub struct OfflineRestoreOptions {
    /// The stopped server's `dir`.
    pub data_dir: PathBuf,
    /// Whether the target server runs with `appendonly yes` (read from its redis.conf by the CLI).
    pub appendonly: bool,
    pub appenddirname: String,
    pub appendfilename: String,
    pub dbfilename: String,
    /// Address that must NOT answer (the server must be stopped); None skips the check.
    pub server_addr: Option<(String, u16)>,
    /// Restore even when a server answers there.
    pub force: bool,
    /// The caller has just run the full [`backup::verify`] on this folder and it passed: skip the
    /// module's own verification (it reads every file and runs redis-check-rdb/-aof, so doing it
    /// twice doubles the time before anything is installed). False: verify here.
    pub verified: bool,
}

impl OfflineRestoreOptions {
    pub fn new(data_dir: impl Into<PathBuf>, appendonly: bool) -> Self {
        OfflineRestoreOptions {
            data_dir: data_dir.into(),
            appendonly,
            appenddirname: "appendonlydir".into(),
            appendfilename: "appendonly.aof".into(),
            dbfilename: "dump.rdb".into(),
            server_addr: None,
            force: false,
            verified: false,
        }
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct OfflineRestoreReport {
    pub backup_id: String,
    pub data_dir: String,
    /// Files written into the data dir.
    pub installed: Vec<String>,
    /// Where the previous files were moved (None when there was nothing to move).
    pub moved_aside_to: Option<String>,
    pub moved: Vec<String>,
    pub next_steps: Vec<String>,
}

fn server_answers(host: &str, port: u16) -> bool {
    use std::net::ToSocketAddrs;
    let Ok(addrs) = (host, port).to_socket_addrs() else {
        return false;
    };
    addrs
        .into_iter()
        .any(|a| std::net::TcpStream::connect_timeout(&a, Duration::from_millis(500)).is_ok())
}

fn check_name(what: &str, name: &str) -> Result<()> {
    if name.is_empty() || name.contains('/') || name.contains('\\') || name == "." || name == ".." {
        return Err(PersistenceError::invalid(
            what,
            format!("{name:?} must be a plain file name"),
        ));
    }
    Ok(())
}

/// Installs a file or replication backup into a stopped server's data dir so it loads on start.
/// Existing data files are moved into `<data_dir>/pre-restore-<timestamp>/`, never deleted.
pub fn restore_offline(
    backup_path: &Path,
    opts: &OfflineRestoreOptions,
    progress: ProgressFn<'_>,
) -> Result<OfflineRestoreReport> {
    check_name("appenddirname", &opts.appenddirname)?;
    check_name("appendfilename", &opts.appendfilename)?;
    check_name("dbfilename", &opts.dbfilename)?;
    if let Some((host, port)) = &opts.server_addr {
        if !opts.force && server_answers(host, *port) {
            return Err(PersistenceError::ServerRunning(format!("{host}:{port}")));
        }
    }
    if !opts.verified {
        progress(Progress::phase("verify backup"));
        let report = backup::verify(backup_path);
        if !report.ok {
            return Err(PersistenceError::VerificationFailed {
                path: backup_path.to_path_buf(),
                reason: report.failure_reason(),
            });
        }
    }
    let manifest = backup::read_manifest(backup_path)?;
    if manifest.method == BackupMethod::Logical {
        return Err(PersistenceError::Unsupported(
            "a logical backup is restored online (restore_logical), not into a data dir".into(),
        ));
    }
    let rdb = backup_path.join(backup::RDB_FILE);
    if !rdb.is_file() {
        return Err(PersistenceError::invalid("backup", "has no dump.rdb"));
    }
    let dd = &opts.data_dir;
    if !dd.is_dir() {
        return Err(PersistenceError::io(
            dd,
            std::io::Error::new(std::io::ErrorKind::NotFound, "data dir does not exist"),
        ));
    }

    // Move aside whatever the server would load instead of (or on top of) the backup.
    let candidates = [
        opts.dbfilename.clone(),
        opts.appenddirname.clone(),
        opts.appendfilename.clone(),
    ];
    let present: Vec<&String> = candidates
        .iter()
        .filter(|n| std::fs::symlink_metadata(dd.join(n)).is_ok())
        .collect();
    let mut moved = Vec::new();
    let mut aside = None;
    if !present.is_empty() {
        let ts = crate::persistence::compact_utc(chrono::Utc::now());
        let mut folder = dd.join(format!("pre-restore-{ts}"));
        let mut n = 2;
        while folder.exists() {
            folder = dd.join(format!("pre-restore-{ts}-{n}"));
            n += 1;
        }
        crate::persistence::create_private_dir(&folder)?;
        for name in present {
            let from = dd.join(name);
            let to = folder.join(name);
            std::fs::rename(&from, &to).map_err(|e| PersistenceError::io(&from, e))?;
            moved.push(name.clone());
        }
        crate::persistence::sync_dir(dd)?;
        aside = Some(folder.display().to_string());
    }

    progress(Progress::phase("install"));
    let installed: Vec<PathBuf> = if opts.appendonly {
        aof::write_rdb_as_base(&rdb, &dd.join(&opts.appenddirname), &opts.appendfilename)?
    } else {
        let dst = dd.join(&opts.dbfilename);
        copy_file_durable(&rdb, &dst)?;
        vec![dst]
    };
    let owner = match_owner(dd, &installed);
    let mut next_steps = vec![format!(
        "start redis-server with dir {} and appendonly {}",
        dd.display(),
        if opts.appendonly { "yes" } else { "no" }
    )];
    if opts.appendonly {
        next_steps.push(format!(
            "it loads {}/{}.manifest (base = the backup's RDB)",
            opts.appenddirname, opts.appendfilename
        ));
        next_steps.push(
            "do not start it with appendonly no: it would load an empty dump.rdb instead".into(),
        );
    } else {
        next_steps.push(format!("it loads {}; if you later turn appendonly on, use CONFIG SET appendonly yes on the running server (not the config file) so the AOF is created from the data", opts.dbfilename));
    }
    next_steps.push("check the data: tartarus redis health, and DBSIZE / INFO keyspace against the backup's key counts".into());
    if let Some(a) = &aside {
        next_steps.push(format!(
            "the previous files are in {a}; delete them once the restore is confirmed"
        ));
    }
    if let Some(o) = owner {
        next_steps.push(o);
    }
    Ok(OfflineRestoreReport {
        backup_id: manifest.id,
        data_dir: dd.display().to_string(),
        installed: installed.iter().map(|p| p.display().to_string()).collect(),
        moved_aside_to: aside,
        moved,
        next_steps,
    })
}

/// When running as root, gives the installed files to the data dir's owner (redis-server usually
/// runs as `redis` and could not read root's 0600 files). Returns a note for the next steps.
#[cfg(unix)]
fn match_owner(data_dir: &Path, installed: &[PathBuf]) -> Option<String> {
    use std::os::unix::fs::MetadataExt;
    // SAFETY: geteuid has no preconditions and cannot fail.
    if unsafe { libc::geteuid() } != 0 {
        return None;
    }
    let md = std::fs::metadata(data_dir).ok()?;
    let (uid, gid) = (md.uid(), md.gid());
    if uid == 0 {
        return None;
    }
    let mut paths: Vec<PathBuf> = installed.to_vec();
    for p in installed {
        if let Some(parent) = p.parent() {
            if parent != data_dir && !paths.iter().any(|x| x == parent) {
                paths.push(parent.to_path_buf());
            }
        }
    }
    let failed: Vec<String> = paths
        .iter()
        .filter(|p| std::os::unix::fs::chown(p, Some(uid), Some(gid)).is_err())
        .map(|p| p.display().to_string())
        .collect();
    if failed.is_empty() {
        Some(format!(
            "installed files were given to the data dir's owner (uid {uid}, gid {gid})"
        ))
    } else {
        Some(format!(
            "could not chown {} to uid {uid}: fix ownership before starting redis-server",
            failed.join(", ")
        ))
    }
}

#[cfg(not(unix))]
fn match_owner(_data_dir: &Path, _installed: &[PathBuf]) -> Option<String> {
    None
}
