//! One cgroup (v2) per sandbox, when the agent may create them: a sandbox cannot leave its cgroup (moving a process needs write access to root's `cgroup.procs`), so writing `1` to its `cgroup.kill` (Linux ≥ 5.14) kills every process it ever started, whatever sessions, process groups or re-parenting it went through; and a restarted agent finds what a previous incarnation left by listing the cgroups under its parent.
//!
//! Layout: `<cgroup2 mount>/<the agent's own cgroup>/tartarus-<hash of the state folder>` is the
//! parent (recorded in the state folder, file [`CGROUP_FILE`], so a restarted agent finds it even
//! from another cgroup); each sandbox gets `<parent>/<supervisor pid>-<spawn id>`. Only the
//! kill switch is used: no controller (memory, cpu, pids) is enabled or relied on.
//!
//! Without a writable cgroup v2 hierarchy offering `cgroup.kill` (containers with a read-only
//! `/sys/fs/cgroup`, old kernels), sandboxes are stopped through their process group, the
//! supervisor's subreaper role and a sweep of the slot's uid (see [`super::supervisor`]).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// File of the state folder naming the cgroup parent in use.
pub const CGROUP_FILE: &str = "cgroup";

/// The cgroup v2 folder of this process, when cgroup v2 is mounted.
pub(crate) fn own_cgroup() -> Option<PathBuf> {
    let own = std::fs::read_to_string("/proc/self/cgroup").ok()?;
    let rel = own.lines().find_map(|l| l.strip_prefix("0::"))?.trim();
    let mounts = std::fs::read_to_string("/proc/self/mountinfo").ok()?;
    let mount = mounts.lines().find_map(|l| {
        let (left, right) = l.split_once(" - ")?;
        right
            .starts_with("cgroup2 ")
            .then(|| left.split_whitespace().nth(4).map(PathBuf::from))?
    })?;
    Some(mount.join(rel.trim_start_matches('/')))
}

/// The parent cgroup for the agent whose state folder is `state_dir`: created when possible, and
/// only returned when it offers `cgroup.kill`.
pub fn parent_for(state_dir: &Path) -> Option<PathBuf> {
    use sha2::Digest;
    let canonical = std::fs::canonicalize(state_dir).unwrap_or_else(|_| state_dir.to_path_buf());
    let digest = sha2::Sha256::digest(canonical.as_os_str().as_encoded_bytes());
    let hex: String = digest.iter().take(8).map(|b| format!("{b:02x}")).collect();
    let parent = own_cgroup()?.join(format!("tartarus-{hex}"));
    match std::fs::create_dir(&parent) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
        Err(_) => return None,
    }
    parent.join("cgroup.kill").exists().then_some(parent)
}

/// Kills everything in `parent` (and below) and removes its child cgroups; returns the processes
/// that were still running there.
pub fn kill_leftovers(parent: &Path) -> Vec<super::state::ProcessRecord> {
    let mut found = Vec::new();
    for child in children(parent) {
        if let Ok(text) = std::fs::read_to_string(child.join("cgroup.procs")) {
            found.extend(
                text.split_whitespace()
                    .filter_map(|p| p.parse::<i32>().ok())
                    .filter_map(|p| super::state::ProcessRecord::of(p, None)),
            );
        }
    }
    kill(parent);
    let t = Instant::now();
    for child in children(parent) {
        while std::fs::remove_dir(&child).is_err() && t.elapsed() < Duration::from_secs(3) {
            std::thread::sleep(Duration::from_millis(5));
        }
    }
    found
}

/// The child cgroups of `parent`.
pub fn children(parent: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(parent)
        .map(|rd| {
            rd.flatten()
                .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
                .map(|e| e.path())
                .collect()
        })
        .unwrap_or_default()
}

/// Kills every process in the cgroup `dir` and below (`cgroup.kill`). False when it could not.
pub fn kill(dir: &Path) -> bool {
    std::fs::OpenOptions::new()
        .write(true)
        .open(dir.join("cgroup.kill"))
        .and_then(|mut f| f.write_all(b"1"))
        .is_ok()
}

/// True once no process is left in the cgroup `dir` (or it is gone).
pub fn is_empty(dir: &Path) -> bool {
    match std::fs::read_to_string(dir.join("cgroup.events")) {
        Ok(text) => text.lines().any(|l| l.trim() == "populated 0"),
        Err(_) => true,
    }
}

/// Kills the cgroup `dir`, waits (at most `within`) until it is empty and removes it. True when
/// it is gone.
pub fn kill_and_remove(dir: &Path, within: Duration) -> bool {
    kill(dir);
    let t = Instant::now();
    while !is_empty(dir) && t.elapsed() < within {
        std::thread::sleep(Duration::from_micros(200));
    }
    matches!(std::fs::remove_dir(dir), Ok(())) || std::fs::symlink_metadata(dir).is_err()
}
