//! Which resource limits apply to sandboxes on this host, for the agent's start-up report.

use std::path::PathBuf;

/// The cgroup v2 folder of this process when it is writable and offers the memory, cpu and pids
/// controllers (a delegated subtree), else `None`.
pub fn delegated_cgroup() -> Option<PathBuf> {
    let dir = super::cgroup::own_cgroup()?;
    let controllers = std::fs::read_to_string(dir.join("cgroup.controllers")).ok()?;
    let has = |c: &str| controllers.split_whitespace().any(|x| x == c);
    let c_dir = std::ffi::CString::new(dir.as_os_str().as_encoded_bytes()).ok()?;
    // SAFETY: access on a NUL-terminated path.
    let writable = unsafe { libc::access(c_dir.as_ptr(), libc::W_OK) } == 0;
    (has("memory") && has("cpu") && has("pids") && writable).then_some(dir)
}

/// One line for the agent's start-up log: which resource limits apply.
pub fn limits_description() -> String {
    let base = "limits: memory via RLIMIT_AS (spec memory + 512 MiB address-space headroom), processes via RLIMIT_NPROC per uid, open files via RLIMIT_NOFILE";
    match delegated_cgroup() {
        Some(dir) => format!(
            "{base}; CPU not limited (a delegated cgroup v2 exists at {}, but tartarus uses cgroups only to kill sandboxes, not to limit them)",
            dir.display()
        ),
        None => format!("{base}; CPU not limited (no delegated cgroup v2 with memory, cpu and pids)"),
    }
}
