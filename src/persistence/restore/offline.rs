//! Offline restore: install a file or replication backup into a stopped server's data dir, so it
//! loads on start (as dump.rdb, or as the AOF base when the server runs with appendonly yes).
//!
//! [`plan_offline`] runs every check and works out exactly what would be moved and written,
//! writing nothing (`backup restore --dry-run` prints it); [`restore_offline`] then does it.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::Serialize;

use crate::persistence::backup::{self, BackupMethod};
use crate::persistence::files::open_beneath;
use crate::persistence::{aof, PersistenceError, Progress, ProgressFn, Result};

/// Copies `input` (the file at `src`) to `dst` through a temporary file in the same folder:
/// 0600, fsync, rename, fsync the folder. A link at the temporary name is refused, never followed.
pub fn copy_file_durable(mut input: File, src: &Path, dst: &Path) -> Result<u64> {
    let parent = dst.parent().unwrap_or(Path::new("."));
    let name = dst
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = parent.join(format!(".{name}.tmp"));
    let mut out = crate::persistence::create_private_file(&tmp)?;
    let n = std::io::copy(&mut input, &mut out).map_err(|e| match e.kind() {
        std::io::ErrorKind::InvalidData | std::io::ErrorKind::UnexpectedEof => {
            PersistenceError::io(src, e)
        }
        _ => PersistenceError::io(&tmp, e),
    })?;
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
    /// A Redis Cluster backup: the master whose RDB to install (node id, a unique prefix of it
    /// of 6+ characters, or its address at backup time).
    pub cluster_node: Option<String>,
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
            cluster_node: None,
        }
    }
}

/// One file a restore writes.
#[derive(Clone, Debug, Serialize)]
pub struct PlannedFile {
    /// Where it is written.
    pub path: String,
    pub size_bytes: u64,
    /// What it holds: a file of the backup, or a manifest written for it.
    pub from: String,
}

/// What an offline restore does, worked out with every check run and nothing written.
#[derive(Clone, Debug, Serialize)]
pub struct OfflineRestorePlan {
    pub backup_id: String,
    pub data_dir: String,
    /// How the server will start: with appendonly yes the RDB becomes the AOF base.
    pub appendonly: bool,
    /// The check that no server answers at the configured address (or why it was skipped).
    pub server_check: String,
    /// Entries of the data dir the server would load instead: moved aside, never deleted.
    pub move_aside: Vec<String>,
    /// The folder they are moved into (null when nothing is there to move).
    pub move_aside_to: Option<String>,
    /// The files written, in order.
    pub install: Vec<PlannedFile>,
    /// A Redis Cluster backup: the master whose RDB is installed (null for one server).
    pub cluster_node: Option<ClusterMember>,
}

/// The master of a Cluster backup an offline restore installs.
#[derive(Clone, Debug, Serialize)]
pub struct ClusterMember {
    pub node_id: String,
    pub address: String,
    pub slots: String,
}

/// The RDB of the backup an offline restore installs (`dump.rdb`, or a Cluster master's), and
/// that master.
fn chosen_rdb(
    manifest: &backup::BackupManifest,
    opts: &OfflineRestoreOptions,
) -> Result<(String, Option<ClusterMember>)> {
    match (&opts.cluster_node, manifest.is_cluster()) {
        (None, false) => Ok((backup::RDB_FILE.to_string(), None)),
        (Some(_), false) => Err(PersistenceError::RestoreUsage(format!(
            "backup {} was taken from one server, not a Redis Cluster: leave out --node",
            manifest.id
        ))),
        (which, true) => {
            let list = manifest
                .masters
                .iter()
                .map(|m| {
                    format!(
                        "{} ({}, slots {})",
                        m.node_id,
                        m.address,
                        backup::describe_slots(&m.slot_ranges())
                    )
                })
                .collect::<Vec<_>>()
                .join("; ");
            let Some(which) = which else {
                return Err(PersistenceError::RestoreUsage(format!(
                    "backup {} is a Redis Cluster backup of {} masters: say which master's RDB                      goes into {} with --node NODE_ID|HOST:PORT ({list})",
                    manifest.id,
                    manifest.masters.len(),
                    opts.data_dir.display()
                )));
            };
            let m = manifest.master(which).ok_or_else(|| {
                PersistenceError::RestoreUsage(format!(
                    "backup {} has no master {which:?} (its masters: {list})",
                    manifest.id
                ))
            })?;
            Ok((
                m.rdb.name.clone(),
                Some(ClusterMember {
                    node_id: m.node_id.clone(),
                    address: m.address.clone(),
                    slots: backup::describe_slots(&m.slot_ranges()),
                }),
            ))
        }
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct OfflineRestoreReport {
    pub backup_id: String,
    pub data_dir: String,
    /// Files written into the data dir.
    pub installed: Vec<String>,
    /// Where the previous files were moved (null when there was nothing to move).
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

/// Refuses while a server answers where the restored one will run; says what was checked.
fn check_server_stopped(opts: &OfflineRestoreOptions) -> Result<String> {
    let Some((host, port)) = &opts.server_addr else {
        return Ok("not checked (no Redis address configured)".into());
    };
    if opts.force {
        return Ok(format!("not checked at {host}:{port} (--force)"));
    }
    if server_answers(host, *port) {
        return Err(PersistenceError::ServerRunning(format!("{host}:{port}")));
    }
    Ok(format!("no server answers at {host}:{port}"))
}

/// A `pre-restore-<time>[-n]` folder name not yet used in the data dir.
fn aside_folder(dd: &Path) -> PathBuf {
    let ts = crate::persistence::compact_utc(chrono::Utc::now());
    let mut folder = dd.join(format!("pre-restore-{ts}"));
    let mut n = 2;
    while std::fs::symlink_metadata(&folder).is_ok() {
        folder = dd.join(format!("pre-restore-{ts}-{n}"));
        n += 1;
    }
    folder
}

/// Runs every check of an offline restore and says exactly what it would move and write.
/// Writes nothing.
pub fn plan_offline(
    backup_path: &Path,
    opts: &OfflineRestoreOptions,
    progress: ProgressFn<'_>,
) -> Result<OfflineRestorePlan> {
    check_name("appenddirname", &opts.appenddirname)?;
    check_name("appendfilename", &opts.appendfilename)?;
    check_name("dbfilename", &opts.dbfilename)?;
    let server_check = check_server_stopped(opts)?;
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
    let (rdb_name, cluster_node) = chosen_rdb(&manifest, opts)?;
    let rdb_path = backup_path.join(&rdb_name);
    let rdb_size = open_beneath(backup_path, &rdb_name)
        .and_then(|f| f.metadata())
        .map_err(|e| PersistenceError::invalid("backup", format!("{rdb_name}: {e}")))?
        .len();
    let dd = &opts.data_dir;
    if !dd.is_dir() {
        return Err(PersistenceError::io(
            dd,
            std::io::Error::new(std::io::ErrorKind::NotFound, "data dir does not exist"),
        ));
    }
    // Whatever the server would load instead of (or on top of) the backup.
    let move_aside: Vec<String> = [&opts.dbfilename, &opts.appenddirname, &opts.appendfilename]
        .into_iter()
        .filter(|n| std::fs::symlink_metadata(dd.join(n)).is_ok())
        .cloned()
        .collect();
    let move_aside_to = (!move_aside.is_empty()).then(|| aside_folder(dd).display().to_string());
    let from = rdb_path.display().to_string();
    let install = if opts.appendonly {
        let (base, manifest_file) =
            aof::base_files(&dd.join(&opts.appenddirname), &opts.appendfilename);
        let text = aof::base_only_manifest(&opts.appendfilename);
        vec![
            PlannedFile {
                path: base.display().to_string(),
                size_bytes: rdb_size,
                from,
            },
            PlannedFile {
                path: manifest_file.display().to_string(),
                size_bytes: text.len() as u64,
                from: format!("a new AOF manifest: {}", text.trim_end()),
            },
        ]
    } else {
        vec![PlannedFile {
            path: dd.join(&opts.dbfilename).display().to_string(),
            size_bytes: rdb_size,
            from,
        }]
    };
    Ok(OfflineRestorePlan {
        backup_id: manifest.id,
        data_dir: dd.display().to_string(),
        appendonly: opts.appendonly,
        server_check,
        move_aside,
        move_aside_to,
        install,
        cluster_node,
    })
}

/// Installs a file or replication backup into a stopped server's data dir so it loads on start.
/// Existing data files are moved into `<data_dir>/pre-restore-<timestamp>/`, never deleted.
pub fn restore_offline(
    backup_path: &Path,
    opts: &OfflineRestoreOptions,
    progress: ProgressFn<'_>,
) -> Result<OfflineRestoreReport> {
    let plan = plan_offline(backup_path, opts, progress)?;
    let dd = &opts.data_dir;
    let mut moved = Vec::new();
    if let Some(folder) = &plan.move_aside_to {
        let folder = Path::new(folder);
        crate::persistence::create_new_private_dir(folder)?;
        for name in &plan.move_aside {
            let from = dd.join(name);
            std::fs::rename(&from, folder.join(name))
                .map_err(|e| PersistenceError::io(&from, e))?;
            moved.push(name.clone());
        }
        crate::persistence::sync_dir(dd)?;
    }
    progress(Progress::phase("install"));
    let manifest = backup::read_manifest(backup_path)?;
    let (rdb_name, _) = chosen_rdb(&manifest, opts)?;
    let rdb_path = backup_path.join(&rdb_name);
    let rdb =
        open_beneath(backup_path, &rdb_name).map_err(|e| PersistenceError::io(&rdb_path, e))?;
    let installed: Vec<PathBuf> = if opts.appendonly {
        aof::write_rdb_as_base(
            rdb,
            &rdb_path,
            &dd.join(&opts.appenddirname),
            &opts.appendfilename,
        )?
    } else {
        let dst = dd.join(&opts.dbfilename);
        copy_file_durable(rdb, &rdb_path, &dst)?;
        vec![dst]
    };
    let owner = match_owner(dd, &installed);
    let mut next_steps = next_steps(opts, plan.move_aside_to.as_deref());
    if let Some(m) = &plan.cluster_node {
        next_steps.splice(
            0..0,
            [
                format!(
                    "keep nodes.conf in {}: it is the node's identity and slot map (the master \
                     held slots {} as {})",
                    dd.display(),
                    m.slots,
                    m.node_id
                ),
                "start this master first, with its replicas still stopped".to_string(),
            ],
        );
        next_steps.push(
            "then start its replicas: they resync from it (their own data files are replaced)"
                .into(),
        );
        next_steps
            .push("check: tartarus redis health (cluster_state ok, every slot served)".into());
    }
    next_steps.extend(owner);
    Ok(OfflineRestoreReport {
        backup_id: plan.backup_id,
        data_dir: plan.data_dir,
        installed: installed.iter().map(|p| p.display().to_string()).collect(),
        moved_aside_to: plan.move_aside_to,
        moved,
        next_steps,
    })
}

/// What the operator does after an offline restore.
fn next_steps(opts: &OfflineRestoreOptions, aside: Option<&str>) -> Vec<String> {
    let dd = &opts.data_dir;
    let mut steps = vec![format!(
        "start redis-server with dir {} and appendonly {}",
        dd.display(),
        if opts.appendonly { "yes" } else { "no" }
    )];
    if opts.appendonly {
        steps.push(format!(
            "it loads {}/{}.manifest (base = the backup's RDB)",
            opts.appenddirname, opts.appendfilename
        ));
        steps.push(
            "do not start it with appendonly no: it would load an empty dump.rdb instead".into(),
        );
    } else {
        steps.push(format!("it loads {}; if you later turn appendonly on, use CONFIG SET appendonly yes on the running server (not the config file) so the AOF is created from the data", opts.dbfilename));
    }
    steps.push("check the data: tartarus redis health, and DBSIZE / INFO keyspace against the backup's key counts".into());
    if let Some(a) = aside {
        steps.push(format!(
            "the previous files are in {a}; delete them once the restore is confirmed"
        ));
    }
    steps
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
