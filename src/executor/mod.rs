//! The executor: runs sandbox processes (plain or under bubblewrap) through the agent's supervisor process and reports each one's [`Outcome`].
//!
//! No store: the node agent starts one [`Executor`] (which claims the state folder, stops what a
//! previous incarnation left running, and starts the [`supervisor`]), then calls
//! [`Executor::execute`] per run and records the outcome.
//!
//! Bounds (see [`config`]): output tail [`DEFAULT_TAIL_BYTES`] (16 KiB) in memory; log file capped at
//! [`DEFAULT_LOG_MAX_BYTES`] (8 MiB) plus one marker line; per-run output buffering ≈ 1.1 MiB
//! ([`output`]); rlimits RLIMIT_AS = memory + [`DEFAULT_ADDRESS_SPACE_HEADROOM`] (512 MiB),
//! RLIMIT_NPROC [`DEFAULT_MAX_PROCESSES`], RLIMIT_NOFILE [`DEFAULT_MAX_OPEN_FILES`], RLIMIT_CORE 0;
//! timeout/cancel: SIGTERM to the process group, SIGKILL after [`DEFAULT_KILL_GRACE`] (2 s).

pub mod bwrap;
pub mod config;
pub mod envfile;
pub mod identity;
pub mod outcome;
pub mod output;
pub mod procfs;
pub mod seccomp;
pub mod state;
pub mod supervisor;
mod sys;
pub mod workdir;

use std::os::fd::{AsRawFd, OwnedFd};
use std::path::{Path, PathBuf};
use std::process::ExitStatus;
use std::sync::atomic::{AtomicI32, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use tokio::io::AsyncReadExt;
use tokio::sync::{mpsc, watch};
use tokio::task::JoinHandle;

use crate::model::spec::{limits, SandboxSpec};

pub use bwrap::{bwrap_args, BwrapPlan, HostEntry, HostLayout};
pub use config::{
    ExecutorConfig, Runtime, RuntimeError, DEFAULT_ADDRESS_SPACE_HEADROOM, DEFAULT_DRAIN_TIMEOUT,
    DEFAULT_KILL_GRACE, DEFAULT_LOG_MAX_BYTES, DEFAULT_MAX_OPEN_FILES, DEFAULT_MAX_PROCESSES,
    DEFAULT_TAIL_BYTES,
};
pub use identity::{SandboxIds, UidScheme};
pub use outcome::{Outcome, Status};
pub use output::{truncation_marker, TRUNCATION_MARKER_PREFIX};
pub use state::{Leftovers, StateError};
use supervisor::{Ended, SpawnError, SpawnRequest, Spawned, Supervisor};
pub use workdir::PrepareError;

/// PATH given to every sandbox unless its spec sets one.
pub const SANDBOX_PATH: &str = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
/// How long to wait for the process after SIGKILL before giving up on reaping it (D state, …).
const KILL_WAIT: Duration = Duration::from_secs(5);
/// Where the working folder appears inside an image root.
const IMAGE_WORKDIR: &str = "/tmp/work";

/// The environment of a sandbox: `PATH` ([`SANDBOX_PATH`]), `HOME=<workdir>`, `TMPDIR=<workdir>/tmp`,
/// then the `envFrom` file's variables, then the spec's `env` (each may override what came before).
/// Nothing of the agent's environment.
pub fn sandbox_env(
    spec: &SandboxSpec,
    workdir: &Path,
    from_file: &std::collections::BTreeMap<String, String>,
) -> Vec<(String, String)> {
    let mut env: std::collections::BTreeMap<String, String> = std::collections::BTreeMap::new();
    env.insert("PATH".into(), SANDBOX_PATH.into());
    env.insert("HOME".into(), workdir.to_string_lossy().into_owned());
    env.insert(
        "TMPDIR".into(),
        workdir.join("tmp").to_string_lossy().into_owned(),
    );
    for (k, v) in from_file.iter().chain(&spec.env) {
        env.insert(k.clone(), v.clone());
    }
    env.into_iter().collect()
}

/// The timeout applied to a spec: the config override, else `spec.timeout_secs` (0 or more than
/// [`limits::MAX_TIMEOUT_SECS`] is treated as that maximum).
pub fn effective_timeout(cfg: &ExecutorConfig, spec: &SandboxSpec) -> Duration {
    cfg.timeout_override.unwrap_or_else(|| {
        let secs = match spec.timeout_secs {
            0 => limits::MAX_TIMEOUT_SECS,
            s => s.min(limits::MAX_TIMEOUT_SECS),
        };
        Duration::from_secs(secs)
    })
}

/// Why an executor could not start.
#[derive(Debug, thiserror::Error)]
pub enum ExecutorError {
    #[error(transparent)]
    State(#[from] StateError),
    #[error("starting the sandbox supervisor `{exe}`: {source}")]
    Supervisor {
        exe: PathBuf,
        source: std::io::Error,
    },
    #[error("work folder {path}: {message}")]
    WorkRoot { path: PathBuf, message: String },
}

/// Runs sandboxes for one agent: owns the state folder and the supervisor process.
pub struct Executor {
    cfg: ExecutorConfig,
    scheme: UidScheme,
    supervisor: Mutex<Arc<Supervisor>>,
    state: state::StateDir,
    leftovers: Leftovers,
    /// The seccomp programs as bubblewrap reads them.
    seccomp_bytes: Vec<Vec<u8>>,
}

impl Executor {
    /// Prepares the folders (work root 0711, log folder 0700), claims the state folder (stopping
    /// whatever a previous agent left running there) and starts the supervisor.
    pub fn start(cfg: ExecutorConfig) -> Result<Executor, ExecutorError> {
        let scheme = UidScheme::detect(cfg.uid_base);
        workdir::prepare_root(&cfg.work_root, matches!(scheme, UidScheme::PerSlot { .. }))
            .map_err(|message| ExecutorError::WorkRoot {
                path: cfg.work_root.clone(),
                message,
            })?;
        workdir::prepare_private(&cfg.log_dir).map_err(|e| ExecutorError::WorkRoot {
            path: cfg.log_dir.clone(),
            message: e.to_string(),
        })?;
        let (state, leftovers) = state::StateDir::claim(&cfg.state_dir)?;
        let sup = Supervisor::start(&cfg.supervisor_exe, state.path()).map_err(|source| {
            ExecutorError::Supervisor {
                exe: cfg.supervisor_exe.clone(),
                source,
            }
        })?;
        let seccomp_bytes = seccomp::sandbox_filters()
            .map(|fs| fs.iter().map(seccomp::to_bytes).collect())
            .unwrap_or_default();
        Ok(Executor {
            cfg,
            scheme,
            supervisor: Mutex::new(Arc::new(sup)),
            state,
            leftovers,
            seccomp_bytes,
        })
    }

    pub fn config(&self) -> &ExecutorConfig {
        &self.cfg
    }

    pub fn uid_scheme(&self) -> UidScheme {
        self.scheme
    }

    /// What the state folder held from a previous agent, and what was killed.
    pub fn leftovers(&self) -> &Leftovers {
        &self.leftovers
    }

    pub fn state_dir(&self) -> &Path {
        self.state.path()
    }

    fn current(&self) -> Option<Arc<Supervisor>> {
        self.supervisor.lock().ok().map(|s| s.clone())
    }

    /// The supervisor's pid.
    pub fn supervisor_pid(&self) -> u32 {
        self.current().map(|s| s.pid()).unwrap_or(0)
    }

    /// Starts a new supervisor when the current one died (its sandboxes died with it). Returns
    /// true when it had to.
    pub fn ensure_supervisor(&self) -> Result<bool, ExecutorError> {
        let Ok(mut cur) = self.supervisor.lock() else {
            return Ok(false);
        };
        if cur.is_alive() {
            return Ok(false);
        }
        let sup =
            Supervisor::start(&self.cfg.supervisor_exe, self.state.path()).map_err(|source| {
                ExecutorError::Supervisor {
                    exe: self.cfg.supervisor_exe.clone(),
                    source,
                }
            })?;
        *cur = Arc::new(sup);
        Ok(true)
    }

    /// Renews the lease the supervisor enforces (`CLOCK_BOOTTIME` ns, see
    /// [`supervisor::boottime_ns`]): SIGTERM to every sandbox at `term_at`, SIGKILL at `kill_at`.
    pub async fn renew_lease(&self, term_at: u64, kill_at: u64) -> Result<(), SpawnError> {
        match self.current() {
            Some(s) => s.renew_lease(term_at, kill_at).await,
            None => Err(SpawnError::SupervisorGone),
        }
    }

    /// Forgets the state folder's owner (a clean stop).
    pub fn release(&self) {
        self.state.release();
    }
}

/// A started sandbox process, as the executor tracks it.
struct Launched {
    spawned: Spawned,
    /// bwrap only: the sandbox's own session/process group (bwrap `--new-session`), from `--json-status-fd`.
    inner_pgid: Arc<AtomicI32>,
    status_task: Option<JoinHandle<Option<i32>>>,
    /// The read ends of stdout and stderr, until the readers take them.
    output: Vec<OwnedFd>,
    /// SIGKILL to the group(s) when dropped before the end was seen (the `execute` future dropped).
    armed: bool,
}

impl Launched {
    /// Signals the process group(s). Under bwrap, once the sandbox's own group is known, SIGTERM
    /// goes to it alone: a terminated outer bwrap would SIGKILL the sandbox (`--die-with-parent`)
    /// before it could act on SIGTERM; bwrap then exits by itself when the sandbox does.
    fn signal(&self, sig: libc::c_int) {
        let inner = self.inner_pgid.load(Ordering::SeqCst);
        sys::signal_group(inner, sig);
        if sig != libc::SIGTERM || inner <= 0 {
            self.spawned.signal(sig);
        }
    }
}

impl Drop for Launched {
    fn drop(&mut self) {
        if self.armed {
            self.signal(libc::SIGKILL);
        }
    }
}

/// Resolves `argv0` the way execvp would with `path_var`, relative names against `workdir`.
fn resolve_program(argv0: &str, path_var: &str, workdir: &Path) -> Option<PathBuf> {
    if argv0.contains('/') {
        let p = workdir.join(argv0);
        return config::is_executable_file(&p).then_some(p);
    }
    config::find_on_path(argv0, std::ffi::OsStr::new(path_var))
}

/// A pipe holding `data`, its write end closed: the read end is handed to bwrap, which reads it
/// to end-of-file. `data` must fit in the pipe buffer (64 KiB).
fn data_pipe(data: &[u8]) -> std::io::Result<OwnedFd> {
    let (r, w) = sys::status_pipe()?;
    let mut f = std::fs::File::from(w);
    std::io::Write::write_all(&mut f, data)?;
    Ok(r)
}

/// Where and how one run is launched.
struct LaunchPlan<'a> {
    spec: &'a SandboxSpec,
    run_id: &'a str,
    workdir: &'a Path,
    inner_workdir: &'a Path,
    rootfs: Option<&'a Path>,
    env: &'a [(String, String)],
    ids: SandboxIds,
}

impl Executor {
    fn rlimits(&self, spec: &SandboxSpec) -> Vec<(i32, u64)> {
        let mut v = vec![
            (libc::RLIMIT_CORE as i32, 0),
            (libc::RLIMIT_NOFILE as i32, self.cfg.max_open_files),
            (libc::RLIMIT_NPROC as i32, self.cfg.max_processes),
        ];
        if spec.memory_bytes > 0 {
            v.push((
                libc::RLIMIT_AS as i32,
                spec.memory_bytes
                    .saturating_add(self.cfg.address_space_headroom),
            ));
        }
        v
    }

    async fn launch(&self, p: &LaunchPlan<'_>) -> Result<Launched, PrepareError> {
        let spec = p.spec;
        let program = spec
            .command
            .first()
            .filter(|p| !p.is_empty())
            .ok_or(PrepareError::EmptyCommand)?;
        let spawn_err = |source| PrepareError::Spawn {
            program: program.clone(),
            source,
        };
        let sup = self
            .current()
            .ok_or_else(|| spawn_err(std::io::Error::other("the sandbox supervisor is gone")))?;
        let (out_r, out_w) = sys::status_pipe().map_err(PrepareError::StatusPipe)?;
        let (err_r, err_w) = sys::status_pipe().map_err(PrepareError::StatusPipe)?;
        let mut fds: Vec<OwnedFd> = vec![out_w, err_w];
        let inner_pgid = Arc::new(AtomicI32::new(0));
        let mut status_task = None;
        let uid = p.ids.dropped.then_some(p.ids.uid);
        let gid = p.ids.dropped.then_some(p.ids.gid);
        let workdir_str = p
            .workdir
            .to_str()
            .ok_or_else(|| PrepareError::NonUtf8WorkDir(p.workdir.to_path_buf()))?;
        let mut req = SpawnRequest {
            id: 0,
            run_id: p.run_id.to_string(),
            program: String::new(),
            argv: Vec::new(),
            env: Vec::new(),
            cwd: workdir_str.to_string(),
            uid,
            gid,
            rlimits: self.rlimits(spec),
            no_new_privs: !spec.privileged,
            seccomp: !spec.privileged,
        };
        let path_var = p
            .env
            .iter()
            .find(|(k, _)| k == "PATH")
            .map(|(_, v)| v.as_str())
            .unwrap_or("");
        match &self.cfg.runtime {
            Runtime::Process => {
                let resolved = resolve_program(program, path_var, p.workdir)
                    .ok_or_else(|| spawn_err(std::io::Error::from_raw_os_error(libc::ENOENT)))?;
                req.program = resolved.to_string_lossy().into_owned();
                req.argv = spec.command.clone();
                req.env = p.env.iter().map(|(k, v)| format!("{k}={v}")).collect();
            }
            Runtime::Bwrap { path } => {
                let inner_str = p
                    .inner_workdir
                    .to_str()
                    .ok_or_else(|| PrepareError::NonUtf8WorkDir(p.workdir.to_path_buf()))?;
                let layout = HostLayout::detect();
                // bwrap reports a missing program only after setting up the sandbox, as exit code 1;
                // look it up first (the sandbox sees a subset of the host at the same paths) for a
                // clear error. An image root is not checked.
                if p.rootfs.is_none() {
                    let resolved = resolve_program(program, path_var, p.workdir)
                        .filter(|r| bwrap::visible_in_sandbox(r, p.workdir, &layout));
                    if resolved.is_none() {
                        return Err(spawn_err(std::io::Error::from_raw_os_error(libc::ENOENT)));
                    }
                }
                let (status_r, status_w) = sys::status_pipe().map_err(PrepareError::StatusPipe)?;
                fds.push(status_w);
                let data = |d: &[u8]| data_pipe(d).map_err(PrepareError::StatusPipe);
                // The child's descriptors are 1 (stdout), 2 (stderr), then fds[2..] from 3 on.
                let (mut passwd_fd, mut group_fd) = (None, None);
                if p.rootfs.is_none() {
                    // An image brings its own; the host's are replaced by minimal ones.
                    passwd_fd = Some(1 + fds.len() as i32);
                    fds.push(data(identity::passwd(p.ids, p.inner_workdir).as_bytes())?);
                    group_fd = Some(1 + fds.len() as i32);
                    fds.push(data(identity::group(p.ids).as_bytes())?);
                }
                let mut seccomp_fds = Vec::new();
                if !spec.privileged {
                    for prog in &self.seccomp_bytes {
                        seccomp_fds.push(1 + fds.len() as i32);
                        fds.push(data(prog)?);
                    }
                }
                let rootfs = match p.rootfs {
                    Some(r) => Some(
                        r.to_str()
                            .ok_or_else(|| PrepareError::NonUtf8WorkDir(r.to_path_buf()))?,
                    ),
                    None => None,
                };
                let plan = BwrapPlan {
                    workdir: workdir_str,
                    inner_workdir: inner_str,
                    env: p.env,
                    argv: &spec.command,
                    network: spec.network,
                    privileged: spec.privileged,
                    status_fd: Some(3),
                    passwd_fd,
                    group_fd,
                    seccomp_fds: &seccomp_fds,
                    rootfs,
                    layout: &layout,
                };
                let bwrap = path
                    .clone()
                    .unwrap_or_else(|| PathBuf::from("/usr/bin/bwrap"));
                req.program = bwrap.to_string_lossy().into_owned();
                req.argv = std::iter::once("bwrap".to_string())
                    .chain(bwrap_args(&plan))
                    .collect();
                // bwrap sets PR_SET_NO_NEW_PRIVS and the filters itself; a setuid bwrap must not get them.
                req.no_new_privs = false;
                req.seccomp = false;
                let rx = tokio::net::unix::pipe::Receiver::from_owned_fd(status_r)
                    .map_err(PrepareError::StatusPipe)?;
                status_task = Some(tokio::spawn(read_child_pid(rx, inner_pgid.clone())));
            }
        }
        let raw: Vec<i32> = fds.iter().map(|f| f.as_raw_fd()).collect();
        let spawned = sup.spawn(req, &raw).await;
        drop(fds); // our copies of the child's ends: end-of-file once the sandbox is gone
        let spawned = match spawned {
            Ok(s) => s,
            Err(e) => {
                if let Some(t) = status_task {
                    t.abort();
                }
                return Err(match e {
                    SpawnError::LeaseLapsed => PrepareError::LeaseLapsed,
                    SpawnError::Failed { stage, source } if stage == "exec" => spawn_err(source),
                    SpawnError::Failed { stage, source } => spawn_err(std::io::Error::new(
                        source.kind(),
                        format!("{stage}: {source}"),
                    )),
                    other => spawn_err(std::io::Error::other(other.to_string())),
                });
            }
        };
        Ok(Launched {
            spawned,
            inner_pgid,
            status_task,
            output: vec![out_r, err_r],
            armed: true,
        })
    }

    /// Runs `spec.command` for run `run_id` in slot `slot` (which picks its uid when the agent is
    /// root) and reports how it ended. Never panics on spec or OS input and never hangs: every wait
    /// is bounded by the timeout, the kill grace, [`KILL_WAIT`] and `cfg.drain_timeout`.
    ///
    /// * `cancel`: set the watched value to `true` to cancel (SIGTERM to the group, SIGKILL after
    ///   `cfg.kill_grace`). Dropping the sender without sending does not cancel.
    /// * `on_start(pid)`: called once, right after the process started (pid of the command, or of
    ///   `bwrap`), not called when it fails to start.
    ///
    /// The working folder `<work_root>/<run_id>` is removed before returning (also if this future is
    /// dropped); the log file `<log_dir>/<run_id>.log` is kept.
    pub async fn execute<F>(
        &self,
        run_id: &str,
        spec: &SandboxSpec,
        slot: u32,
        mut cancel: watch::Receiver<bool>,
        on_start: F,
    ) -> Outcome
    where
        F: FnOnce(u32),
    {
        let cfg = &self.cfg;
        if let Err(e) = workdir::validate_run_id(run_id) {
            return Outcome::failed_to_start(e.to_string(), None);
        }
        if spec.command.first().is_none_or(|p| p.is_empty()) {
            return Outcome::failed_to_start(PrepareError::EmptyCommand.to_string(), None);
        }
        if *cancel.borrow_and_update() {
            let mut o = Outcome::failed_to_start(String::new(), None);
            o.status = Status::Cancelled;
            return o;
        }
        let ids = self.scheme.ids(slot, spec.privileged);
        let rootfs = match (&cfg.runtime, &cfg.image_dir) {
            (Runtime::Bwrap { .. }, Some(dir)) => match workdir::image_root(dir, &spec.image) {
                Ok(r) => Some(r),
                Err(m) => return Outcome::failed_to_start(m, None),
            },
            _ => None,
        };
        let from_file = match &spec.env_from {
            Some(f) => match envfile::read(Path::new(&f.file)) {
                Ok(m) => m,
                Err(m) => return Outcome::failed_to_start(m, None),
            },
            None => Default::default(),
        };
        let dir = match workdir::create(&cfg.work_root, run_id, ids, slot) {
            Ok(d) => d,
            Err(e) => return Outcome::failed_to_start(e.to_string(), None),
        };
        let mut dir_guard = workdir::WorkDirGuard(Some(dir.clone()));
        let log_path = cfg.log_dir.join(format!("{run_id}.log"));
        let log_file = match open_log(&cfg.log_dir, &log_path).await {
            Ok(f) => f,
            Err(e) => {
                let mut o = Outcome::failed_to_start(e.to_string(), None);
                o.warnings.extend(dir_guard.remove_now().await);
                return o;
            }
        };
        let inner_workdir = if rootfs.is_some() {
            PathBuf::from(IMAGE_WORKDIR)
        } else {
            dir.clone()
        };
        let env = sandbox_env(spec, &inner_workdir, &from_file);
        let started = Instant::now();
        let plan = LaunchPlan {
            spec,
            run_id,
            workdir: &dir,
            inner_workdir: &inner_workdir,
            rootfs: rootfs.as_deref(),
            env: &env,
            ids,
        };
        let mut launched = match self.launch(&plan).await {
            Ok(l) => l,
            Err(PrepareError::LeaseLapsed) => {
                let mut o = Outcome::failed_to_start(String::new(), None);
                o.status = Status::Lost {
                    message: PrepareError::LeaseLapsed.to_string(),
                };
                o.warnings.extend(dir_guard.remove_now().await);
                return o;
            }
            Err(e) => {
                let message = e.to_string();
                let mut log_file = log_file;
                let _ = tokio::io::AsyncWriteExt::write_all(
                    &mut log_file,
                    format!("[tartarus: {message}]\n").as_bytes(),
                )
                .await;
                let _ = tokio::io::AsyncWriteExt::flush(&mut log_file).await;
                let mut o = Outcome::failed_to_start(message, Some(log_path));
                o.warnings.extend(dir_guard.remove_now().await);
                return o;
            }
        };
        if let Ok(pid) = u32::try_from(launched.spawned.pid) {
            on_start(pid);
        }

        // Output: both pipes into one bounded channel, one collector owning the tail and the log file.
        let (tx, rx) = mpsc::channel::<Vec<u8>>(output::CHANNEL_CHUNKS);
        let mut readers: Vec<JoinHandle<std::io::Result<()>>> = Vec::with_capacity(2);
        let mut warnings = Vec::new();
        for fd in std::mem::take(&mut launched.output) {
            match tokio::net::unix::pipe::Receiver::from_owned_fd(fd) {
                Ok(rx) => readers.push(tokio::spawn(output::pump(rx, tx.clone()))),
                Err(e) => warnings.push(format!("reading the output: {e}")),
            }
        }
        drop(tx);
        let collector = output::Collector::new(
            cfg.tail_bytes,
            log_file,
            log_path.clone(),
            cfg.log_max_bytes,
        );
        let mut collector = tokio::spawn(output::collect(collector, rx));

        let deadline = tokio::time::sleep(effective_timeout(cfg, spec));
        tokio::pin!(deadline);
        let (reason, ended) = tokio::select! {
            e = launched.spawned.wait() => (None, Ok(e)),
            _ = &mut deadline => (Some(Reason::TimedOut), terminate(&mut launched, cfg.kill_grace).await),
            _ = cancelled(&mut cancel) => (Some(Reason::Cancelled), terminate(&mut launched, cfg.kill_grace).await),
        };
        // The supervisor killed what was left of the main group; the bwrap sandbox's own group too.
        sys::signal_group(launched.inner_pgid.load(Ordering::SeqCst), libc::SIGKILL);
        launched.armed = !matches!(ended, Ok(Ended::Exited { .. }));
        if launched.armed {
            launched.signal(libc::SIGKILL);
            launched.armed = false;
        }

        // Drain output, bounded: an escaped process could keep the pipes open forever.
        let drain = async {
            for r in readers.iter_mut() {
                let _ = r.await;
            }
        };
        if tokio::time::timeout(cfg.drain_timeout, drain)
            .await
            .is_err()
        {
            warnings.push(format!(
                "output pipes still open {:?} after the process ended (a process escaped its group?); stopped reading",
                cfg.drain_timeout
            ));
            for r in &readers {
                r.abort();
            }
        }
        let collected = match tokio::time::timeout(Duration::from_secs(10), &mut collector).await {
            Ok(Ok(c)) => Some(c),
            Ok(Err(e)) => {
                warnings.push(format!("output collector failed: {e}"));
                None
            }
            Err(_) => {
                collector.abort();
                warnings.push("output collector did not finish (log file write stuck?)".into());
                None
            }
        };
        let child_started = match launched.status_task.take() {
            None => true,
            Some(t) => match tokio::time::timeout(Duration::from_millis(500), t).await {
                Ok(Ok(pid)) => pid.is_some(),
                _ => launched.inner_pgid.load(Ordering::SeqCst) > 0,
            },
        };
        let duration = started.elapsed();
        warnings.extend(dir_guard.release_now(ids.dropped.then_some(slot)).await);

        let (log_tail, head, bytes_total, bytes_dropped) = match collected {
            Some(c) => {
                warnings.extend(c.warnings);
                (c.tail, c.head, c.bytes_total, c.bytes_dropped)
            }
            None => (String::new(), Vec::new(), 0, 0),
        };
        use std::os::unix::process::ExitStatusExt;
        let (exit_status, lost): (Option<ExitStatus>, Option<&str>) = match ended {
            Ok(Ended::Exited {
                status,
                lease_expired,
            }) => (
                Some(ExitStatus::from_raw(status)),
                lease_expired.then_some(
                    "the agent's lease on its node ran out; the supervisor killed the sandbox",
                ),
            ),
            Ok(Ended::SupervisorGone) => (
                None,
                Some("the sandbox supervisor died and took the sandbox with it"),
            ),
            Err(e) => {
                warnings.push(format!("waiting for the process: {e}"));
                (None, None)
            }
        };
        let exit_code = exit_status.and_then(|s| s.code());
        let status = match (lost, reason) {
            (Some(m), _) => Status::Lost {
                message: m.to_string(),
            },
            (None, Some(Reason::TimedOut)) => Status::TimedOut,
            (None, Some(Reason::Cancelled)) => Status::Cancelled,
            (None, None) => classify(&cfg.runtime, exit_status, child_started, &head, &log_tail),
        };
        Outcome {
            status,
            exit_code,
            log_tail,
            log_path: Some(log_path),
            duration,
            bytes_dropped,
            bytes_total,
            warnings,
        }
    }
}

enum Reason {
    TimedOut,
    Cancelled,
}

fn classify(
    runtime: &Runtime,
    exit: Option<ExitStatus>,
    child_started: bool,
    head: &[u8],
    tail: &str,
) -> Status {
    use std::os::unix::process::ExitStatusExt;
    let Some(exit) = exit else {
        return Status::Failed {
            exit_code: None,
            signal: None,
        };
    };
    if exit.success() {
        return Status::Succeeded;
    }
    if matches!(runtime, Runtime::Bwrap { .. }) {
        // bwrap failed before it started the sandbox (namespaces, mounts…): its message is the output.
        if !child_started {
            return Status::FailedToStart {
                message: format!(
                    "bwrap could not set up the sandbox ({exit}): {}",
                    tail.trim()
                ),
            };
        }
        // bwrap's exec of the command failed; nothing of the command can have printed before that.
        if exit.code() == Some(1) && head.starts_with(b"bwrap: execvp ") {
            let text = String::from_utf8_lossy(head);
            let line = text.lines().next().unwrap_or_default().trim();
            return Status::FailedToStart {
                message: line.to_string(),
            };
        }
    }
    Status::Failed {
        exit_code: exit.code(),
        signal: exit.signal(),
    }
}

/// SIGTERM to the group(s), SIGKILL after `grace`, then wait (bounded by [`KILL_WAIT`]).
async fn terminate(l: &mut Launched, grace: Duration) -> std::io::Result<Ended> {
    l.signal(libc::SIGTERM);
    if let Ok(e) = tokio::time::timeout(grace, l.spawned.wait()).await {
        return Ok(e);
    }
    l.signal(libc::SIGKILL);
    match tokio::time::timeout(KILL_WAIT, l.spawned.wait()).await {
        Ok(e) => Ok(e),
        Err(_) => Err(std::io::Error::new(
            std::io::ErrorKind::TimedOut,
            format!("process not reaped {KILL_WAIT:?} after SIGKILL"),
        )),
    }
}

async fn open_log(dir: &Path, path: &Path) -> Result<tokio::fs::File, PrepareError> {
    let err = |source| PrepareError::LogFile {
        path: path.to_path_buf(),
        source,
    };
    if tokio::fs::metadata(dir).await.is_err() {
        workdir::prepare_private(dir).map_err(err)?;
    }
    let file = tokio::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(path)
        .await
        .map_err(err)?;
    // `mode` only applies to a new file; a stale one from an earlier attempt is tightened too.
    use std::os::unix::fs::PermissionsExt;
    file.set_permissions(std::fs::Permissions::from_mode(0o600))
        .await
        .map_err(err)?;
    Ok(file)
}

/// Reads bwrap's `--json-status-fd`: the `child-pid` line (looked for in the first 4 KiB), then to end-of-file.
async fn read_child_pid(
    mut rx: tokio::net::unix::pipe::Receiver,
    slot: Arc<AtomicI32>,
) -> Option<i32> {
    let mut buf = Vec::with_capacity(512);
    let mut chunk = [0u8; 512];
    while buf.len() < 4096 {
        let n = rx.read(&mut chunk).await.ok()?;
        if n == 0 {
            return None;
        }
        buf.extend_from_slice(&chunk[..n]);
        if let Some(pid) = bwrap::parse_child_pid(&buf) {
            slot.store(pid, Ordering::SeqCst);
            // Keep reading (and discarding) to end-of-file: bwrap writes its exit-code line here
            // when the sandbox ends, and would die of SIGPIPE if the read end were closed.
            while let Ok(n) = rx.read(&mut chunk).await {
                if n == 0 {
                    break;
                }
            }
            return Some(pid);
        }
    }
    None
}

/// Resolves once `*cancel` is true; never when the sender is dropped without cancelling.
async fn cancelled(cancel: &mut watch::Receiver<bool>) {
    loop {
        if *cancel.borrow_and_update() {
            return;
        }
        if cancel.changed().await.is_err() {
            std::future::pending::<()>().await;
        }
    }
}

/// The cgroup v2 folder of this process when it is writable and offers the memory, cpu and pids
/// controllers (a delegated subtree), else `None`.
pub fn delegated_cgroup() -> Option<PathBuf> {
    let own = std::fs::read_to_string("/proc/self/cgroup").ok()?;
    let rel = own.lines().find_map(|l| l.strip_prefix("0::"))?.trim();
    let mounts = std::fs::read_to_string("/proc/self/mountinfo").ok()?;
    let mount = mounts.lines().find_map(|l| {
        let (left, right) = l.split_once(" - ")?;
        right
            .starts_with("cgroup2 ")
            .then(|| left.split_whitespace().nth(4).map(PathBuf::from))?
    })?;
    let dir = mount.join(rel.trim_start_matches('/'));
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
            "{base}; CPU not limited (a delegated cgroup v2 exists at {}, but tartarus does not use cgroups yet)",
            dir.display()
        ),
        None => format!("{base}; CPU not limited (no delegated cgroup v2 with memory, cpu and pids)"),
    }
}
