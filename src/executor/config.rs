//! Executor configuration (runtime choice, folders, output and resource bounds) and the runtime availability check.

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;

/// Default size of the in-memory output tail returned in [`super::Outcome::log_tail`]: 16 KiB.
pub const DEFAULT_TAIL_BYTES: usize = 16 << 10;
/// Default cap on the full log file `<log_dir>/<run_id>.log`: 8 MiB of sandbox output.
/// Output past the cap is read (so the sandbox never blocks on a full pipe) but dropped, and one
/// marker line ([`super::output::TRUNCATION_MARKER_PREFIX`]…) is appended, so the file is at most
/// `log_max_bytes` plus that one line.
pub const DEFAULT_LOG_MAX_BYTES: u64 = 8 << 20;
/// Default RLIMIT_NPROC (soft = hard). NOTE: Linux counts this per *real UID* over all of that
/// user's processes/threads (the agent's own included, and every concurrent sandbox under the same
/// UID), and does not enforce it at all for root / CAP_SYS_RESOURCE. Treat it as a fork-bomb brake,
/// not an accounting limit; per-sandbox accounting needs a cgroup `pids.max` (not done here).
pub const DEFAULT_MAX_PROCESSES: u64 = 4096;
/// Default RLIMIT_NOFILE (soft = hard).
pub const DEFAULT_MAX_OPEN_FILES: u64 = 1024;
/// Default headroom added to `spec.memory_bytes` for RLIMIT_AS: 512 MiB.
///
/// RLIMIT_AS caps *virtual address space*, not resident memory: shared libraries, thread stacks and
/// glibc malloc arenas (64 MiB reserved per thread) count in full although they are barely touched.
/// Setting RLIMIT_AS to exactly `memory_bytes` makes ordinary multi-threaded programs fail at
/// start-up, so the limit is `memory_bytes + address_space_headroom`. It is a coarse guard against
/// runaway allocation; exact memory enforcement belongs to a cgroup `memory.max` (not done here).
pub const DEFAULT_ADDRESS_SPACE_HEADROOM: u64 = 512 << 20;
/// Default grace between SIGTERM and SIGKILL on timeout or cancel: 2 s.
pub const DEFAULT_KILL_GRACE: Duration = Duration::from_secs(2);
/// Default time allowed, after the main process is gone and its group killed, for the output pipes
/// to reach end-of-file (a process that escaped the group could hold them open forever): 2 s.
pub const DEFAULT_DRAIN_TIMEOUT: Duration = Duration::from_secs(2);

/// How the sandbox process is isolated.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Runtime {
    /// A plain child process: private env, private working folder, own session/process group,
    /// rlimits. No filesystem or network isolation.
    Process,
    /// The command runs under bubblewrap: read-only system, private /tmp, /proc, /dev, the working
    /// folder as the only writable host path, all namespaces unshared (network only if asked).
    Bwrap {
        /// The `bwrap` binary. `None` means: look `bwrap` up on the agent's PATH.
        path: Option<PathBuf>,
    },
}

/// Why the chosen runtime cannot be used. The agent should print it and refuse to start.
#[derive(Debug, thiserror::Error)]
pub enum RuntimeError {
    #[error("runtime bwrap: `bwrap` was not found on PATH; install bubblewrap (e.g. `apt-get install bubblewrap`) or choose the process runtime")]
    BwrapNotFound,
    #[error("runtime bwrap: `{path}` cannot be run: {source}")]
    BwrapNotRunnable {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("runtime bwrap: `{path}` cannot create an unprivileged user namespace here (`bwrap --unshare-all --unshare-user --disable-userns --ro-bind / / true`, run as the sandbox uid, exited with {status}): {stderr}. Unprivileged user namespaces look disabled: enable them (sysctl kernel.unprivileged_userns_clone=1, user.max_user_namespaces > 0, kernel.apparmor_restrict_unprivileged_userns=0) or run the agent where bwrap works")]
    BwrapCannotSandbox {
        path: PathBuf,
        status: String,
        stderr: String,
    },
}

impl Runtime {
    /// The bwrap runtime, with `bwrap` looked up on PATH.
    pub fn bwrap() -> Runtime {
        Runtime::Bwrap { path: None }
    }

    /// Checks that the runtime can run sandboxes on this host. For [`Runtime::Process`] always Ok.
    /// For [`Runtime::Bwrap`]: finds the binary and runs `bwrap --unshare-all --unshare-user
    /// --disable-userns --ro-bind / / true` as `as_uid` (the first sandbox uid, when the agent
    /// drops to one), which fails where unprivileged user namespaces are off (containers without
    /// userns, `user.max_user_namespaces=0`, seccomp…).
    /// Returns the resolved runtime (with the absolute bwrap path filled in).
    pub async fn check_available(&self, as_uid: Option<u32>) -> Result<Runtime, RuntimeError> {
        match self {
            Runtime::Process => Ok(Runtime::Process),
            Runtime::Bwrap { path } => {
                let path = match path {
                    Some(p) => p.clone(),
                    None => {
                        let agent_path = std::env::var_os("PATH").unwrap_or_default();
                        find_on_path("bwrap", &agent_path).ok_or(RuntimeError::BwrapNotFound)?
                    }
                };
                let mut cmd = tokio::process::Command::new(&path);
                cmd.args([
                    "--unshare-all",
                    "--unshare-user",
                    "--disable-userns",
                    "--ro-bind",
                    "/",
                    "/",
                    "true",
                ]);
                if let Some(uid) = as_uid {
                    // SAFETY: only system calls between fork and exec.
                    unsafe {
                        cmd.pre_exec(move || {
                            if libc::setgroups(0, std::ptr::null()) == -1
                                || libc::setresgid(uid, uid, uid) == -1
                                || libc::setresuid(uid, uid, uid) == -1
                            {
                                return Err(std::io::Error::last_os_error());
                            }
                            Ok(())
                        });
                    }
                }
                let probe = cmd
                    .env_clear()
                    .stdin(Stdio::null())
                    .stdout(Stdio::null())
                    .stderr(Stdio::piped())
                    .kill_on_drop(true)
                    .output();
                let out = match tokio::time::timeout(Duration::from_secs(10), probe).await {
                    Ok(Ok(out)) => out,
                    Ok(Err(source)) => return Err(RuntimeError::BwrapNotRunnable { path, source }),
                    Err(_) => {
                        return Err(RuntimeError::BwrapCannotSandbox {
                            path,
                            status: "no exit within 10 s".into(),
                            stderr: String::new(),
                        })
                    }
                };
                if !out.status.success() {
                    return Err(RuntimeError::BwrapCannotSandbox {
                        path,
                        status: out.status.to_string(),
                        stderr: String::from_utf8_lossy(&out.stderr).trim().to_string(),
                    });
                }
                Ok(Runtime::Bwrap { path: Some(path) })
            }
        }
    }
}

/// Finds an executable regular file named `name` in the `:`-separated `path_var`.
pub(crate) fn find_on_path(name: &str, path_var: &std::ffi::OsStr) -> Option<PathBuf> {
    std::env::split_paths(path_var)
        .filter(|dir| dir.is_absolute())
        .map(|dir| dir.join(name))
        .find(|p| is_executable_file(p))
}

pub(crate) fn is_executable_file(p: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(p)
        .map(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
        .unwrap_or(false)
}

/// Everything the executor needs besides the spec. Build with [`ExecutorConfig::new`] and adjust fields.
#[derive(Clone, Debug)]
pub struct ExecutorConfig {
    pub runtime: Runtime,
    /// Parent of the per-run working folders `<work_root>/<run_id>` (0711; each run's folder 0700,
    /// owned by its uid, removed afterwards).
    pub work_root: PathBuf,
    /// Folder (0700) of the log files `<log_dir>/<run_id>.log` (0600). Log files are left for the agent.
    pub log_dir: PathBuf,
    /// Size of the output tail kept in memory and returned (default [`DEFAULT_TAIL_BYTES`]).
    pub tail_bytes: usize,
    /// Cap on the log file's sandbox output (default [`DEFAULT_LOG_MAX_BYTES`]); see that constant.
    pub log_max_bytes: u64,
    /// RLIMIT_NPROC (default [`DEFAULT_MAX_PROCESSES`]; see its caveats).
    pub max_processes: u64,
    /// RLIMIT_NOFILE (default [`DEFAULT_MAX_OPEN_FILES`]).
    pub max_open_files: u64,
    /// RLIMIT_AS = `spec.memory_bytes + address_space_headroom` (default [`DEFAULT_ADDRESS_SPACE_HEADROOM`]).
    /// A spec with `memory_bytes == 0` gets no RLIMIT_AS.
    pub address_space_headroom: u64,
    /// SIGTERM → SIGKILL grace on timeout / cancel (default [`DEFAULT_KILL_GRACE`]).
    pub kill_grace: Duration,
    /// Bound on waiting for output end-of-file after the process is gone (default [`DEFAULT_DRAIN_TIMEOUT`]).
    pub drain_timeout: Duration,
    /// Replaces `spec.timeout_secs` when set (tests, or an agent-wide cap).
    pub timeout_override: Option<Duration>,
    /// The agent's local state (who runs what), default `<work_root>/.state`; see [`super::state`].
    pub state_dir: PathBuf,
    /// The binary started as the sandbox supervisor (this program; tests point it at the built
    /// `tartarus`).
    pub supervisor_exe: PathBuf,
    /// First sandbox uid when the agent is root (slot `i` runs as `uid_base + i`).
    pub uid_base: u32,
    /// bwrap only: image root filesystems, one folder per image (see [`super::workdir`]); `None`
    /// runs every sandbox on the host's read-only system folders.
    pub image_dir: Option<PathBuf>,
    /// The only folder `envFrom` files are read from (`--env-from-dir`); `None`: every `envFrom`
    /// fails its run. See [`super::envfile`].
    pub env_from_dir: Option<PathBuf>,
    /// Give each sandbox a cgroup of its own and stop it with `cgroup.kill` when the host allows
    /// it (default true; see [`super::cgroup`]). False: process groups, subreaper and uid sweep only.
    pub cgroups: bool,
}

impl ExecutorConfig {
    pub fn new(
        runtime: Runtime,
        work_root: impl Into<PathBuf>,
        log_dir: impl Into<PathBuf>,
    ) -> ExecutorConfig {
        let work_root: PathBuf = work_root.into();
        ExecutorConfig {
            runtime,
            state_dir: work_root.join(".state"),
            supervisor_exe: std::env::current_exe().unwrap_or_else(|_| PathBuf::from("tartarus")),
            uid_base: super::identity::DEFAULT_UID_BASE,
            image_dir: None,
            env_from_dir: None,
            cgroups: true,
            work_root,
            log_dir: log_dir.into(),
            tail_bytes: DEFAULT_TAIL_BYTES,
            log_max_bytes: DEFAULT_LOG_MAX_BYTES,
            max_processes: DEFAULT_MAX_PROCESSES,
            max_open_files: DEFAULT_MAX_OPEN_FILES,
            address_space_headroom: DEFAULT_ADDRESS_SPACE_HEADROOM,
            kill_grace: DEFAULT_KILL_GRACE,
            drain_timeout: DEFAULT_DRAIN_TIMEOUT,
            timeout_override: None,
        }
    }
}
