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
pub mod cgroup;
pub mod config;
pub mod envfile;
pub mod identity;
mod launch;
pub mod outcome;
pub mod output;
pub mod procfs;
mod resource_limits;
pub mod seccomp;
pub mod state;
pub mod supervisor;
mod sys;
pub mod tree;
pub mod workdir;

use std::path::{Path, PathBuf};
use std::process::ExitStatus;
use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

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
use launch::{terminate, LaunchPlan, Launched};
pub use outcome::{Outcome, Status};
pub use output::{truncation_marker, TRUNCATION_MARKER_PREFIX};
pub use resource_limits::{delegated_cgroup, limits_description};
pub use state::{Leftovers, StateError};
use supervisor::{Ended, SpawnError, Supervisor};
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
    #[error("--env-from-dir {path}: {message}")]
    EnvFromDir { path: PathBuf, message: String },
    #[error(transparent)]
    Seccomp(#[from] seccomp::SeccompError),
}

/// Runs sandboxes for one agent: owns the state folder and the supervisor process.
pub struct Executor {
    cfg: ExecutorConfig,
    scheme: UidScheme,
    supervisor: Mutex<Arc<Supervisor>>,
    state: state::StateDir,
    leftovers: Leftovers,
    /// The seccomp program as bubblewrap reads it (one `--add-seccomp-fd` each).
    seccomp_bytes: Vec<Vec<u8>>,
    /// The parent of the sandboxes' cgroups, when in use.
    cgroup: Option<PathBuf>,
}

/// Picks the cgroup parent for the agent of `state_dir` (recorded there), after killing what a
/// previous incarnation left in it, or in the one it recorded. `None`: no usable cgroup v2.
fn sandbox_cgroups(state_dir: &Path, wanted: bool, leftovers: &mut Leftovers) -> Option<PathBuf> {
    let record = state_dir.join(cgroup::CGROUP_FILE);
    if let Ok(text) = std::fs::read_to_string(&record) {
        let old = PathBuf::from(text.trim());
        // Only a tartarus parent under a cgroup2 mount is ever acted on.
        let ours = old
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with("tartarus-"))
            && old.join("cgroup.kill").exists();
        if ours {
            leftovers.killed.extend(cgroup::kill_leftovers(&old));
            let _ = std::fs::remove_dir(&old);
        }
    }
    let parent = wanted.then(|| cgroup::parent_for(state_dir)).flatten();
    match &parent {
        Some(p) => {
            leftovers.killed.extend(cgroup::kill_leftovers(p));
            let _ = state::write_text(&record, &format!("{}\n", p.display()));
        }
        None => {
            let _ = std::fs::remove_file(&record);
        }
    }
    parent
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
        workdir::prepare_private(&cfg.state_dir).map_err(|e| ExecutorError::WorkRoot {
            path: cfg.state_dir.clone(),
            message: e.to_string(),
        })?;
        if let Some(dir) = &cfg.env_from_dir {
            envfile::check_folder(dir).map_err(|message| ExecutorError::EnvFromDir {
                path: dir.clone(),
                message,
            })?;
        }
        if scheme == UidScheme::AgentUid && cfg.runtime == Runtime::Process {
            tracing::warn!(
                "not root: process-runtime sandboxes share the agent's uid, so they can read the agent's files (a --redis-password-file, the logs of other runs, the state folder) and each other's; use --runtime bwrap, or run the agent as root"
            );
        }
        let (state, mut leftovers) = state::StateDir::claim(&cfg.state_dir)?;
        let cgroup = sandbox_cgroups(state.path(), cfg.cgroups, &mut leftovers);
        match &cgroup {
            Some(parent) => tracing::info!(
                "sandboxes get a cgroup each under {} and are stopped with cgroup.kill (no cgroup controller is used: no memory or CPU limit)",
                parent.display()
            ),
            None => tracing::info!(
                "no writable cgroup v2 with cgroup.kill here: sandboxes are stopped through their process group, the supervisor (subreaper) and a sweep of their slot's uid"
            ),
        }
        let sup = Supervisor::start(&cfg.supervisor_exe, state.path(), cgroup.as_deref()).map_err(
            |source| ExecutorError::Supervisor {
                exe: cfg.supervisor_exe.clone(),
                source,
            },
        )?;
        // Never without it: bubblewrap would run the sandboxes with no filter.
        let seccomp_bytes = vec![seccomp::to_bytes(&seccomp::sandbox_filter()?)];
        Ok(Executor {
            cfg,
            scheme,
            supervisor: Mutex::new(Arc::new(sup)),
            state,
            leftovers,
            seccomp_bytes,
            cgroup,
        })
    }

    /// The parent of the sandboxes' cgroups, when sandboxes get one each (see [`cgroup`]).
    pub fn cgroup_parent(&self) -> Option<&Path> {
        self.cgroup.as_deref()
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
        let sup = Supervisor::start(
            &self.cfg.supervisor_exe,
            self.state.path(),
            self.cgroup.as_deref(),
        )
        .map_err(|source| ExecutorError::Supervisor {
            exe: self.cfg.supervisor_exe.clone(),
            source,
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

impl Executor {
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
        let (rootfs, from_file) = match self.host_inputs(spec) {
            Ok(i) => i,
            Err(m) => return Outcome::failed_to_start(m, None),
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
        let launched = match self.launch(&plan).await {
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
        let mut outcome = self
            .supervise(launched, spec, log_file, &log_path, &mut cancel)
            .await;
        outcome
            .warnings
            .extend(dir_guard.release_now(ids.dropped.then_some(slot)).await);
        outcome.duration = started.elapsed();
        outcome
    }

    /// What a run takes from the agent's host: its image root (bwrap with `--image-dir`) and its
    /// `envFrom` variables.
    #[allow(clippy::type_complexity)]
    fn host_inputs(
        &self,
        spec: &SandboxSpec,
    ) -> Result<(Option<PathBuf>, std::collections::BTreeMap<String, String>), String> {
        let rootfs = match (&self.cfg.runtime, &self.cfg.image_dir) {
            (Runtime::Bwrap { .. }, Some(dir)) => Some(workdir::image_root(dir, &spec.image)?),
            _ => None,
        };
        let from_file = match &spec.env_from {
            Some(f) => envfile::read_beneath(self.cfg.env_from_dir.as_deref(), &f.file)
                .map_err(|e| e.to_string())?,
            None => Default::default(),
        };
        Ok((rootfs, from_file))
    }

    /// Collects the output of a launched sandbox and waits for its end (or the timeout, or a
    /// cancel), then says how it ended. `duration` is filled in by the caller.
    async fn supervise(
        &self,
        mut launched: Launched,
        spec: &SandboxSpec,
        log_file: tokio::fs::File,
        log_path: &Path,
        cancel: &mut watch::Receiver<bool>,
    ) -> Outcome {
        let cfg = &self.cfg;

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
            log_path.to_path_buf(),
            cfg.log_max_bytes,
        );
        let mut collector = tokio::spawn(output::collect(collector, rx));

        let deadline = tokio::time::sleep(effective_timeout(cfg, spec));
        tokio::pin!(deadline);
        let (reason, ended) = tokio::select! {
            e = launched.spawned.wait() => (None, Ok(e)),
            _ = &mut deadline => (Some(Reason::TimedOut), terminate(&mut launched, cfg.kill_grace).await),
            _ = cancelled(cancel) => (Some(Reason::Cancelled), terminate(&mut launched, cfg.kill_grace).await),
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

        outcome_of(
            &cfg.runtime,
            reason,
            ended,
            collected,
            child_started,
            log_path,
            warnings,
        )
    }
}

/// How a sandbox ended, from what the executor saw.
fn outcome_of(
    runtime: &Runtime,
    reason: Option<Reason>,
    ended: std::io::Result<Ended>,
    collected: Option<output::Collected>,
    child_started: bool,
    log_path: &Path,
    mut warnings: Vec<String>,
) -> Outcome {
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
        (None, None) => classify(runtime, exit_status, child_started, &head, &log_tail),
    };
    Outcome {
        status,
        exit_code,
        log_tail,
        log_path: Some(log_path.to_path_buf()),
        duration: Duration::ZERO,
        bytes_dropped,
        bytes_total,
        warnings,
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

/// Opens (truncating) the run's log file, 0600, never through a symlink. A local open of one
/// file: done in place, as the hop to the blocking pool and back cost more than the open itself.
async fn open_log(dir: &Path, path: &Path) -> Result<tokio::fs::File, PrepareError> {
    let err = |source| PrepareError::LogFile {
        path: path.to_path_buf(),
        source,
    };
    if std::fs::metadata(dir).is_err() {
        workdir::prepare_private(dir).map_err(err)?;
    }
    use std::os::unix::fs::OpenOptionsExt;
    let file = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .custom_flags(libc::O_NOFOLLOW)
        .open(path)
        .map_err(err)?;
    // `mode` only applies to a new file; a stale one from an earlier attempt is tightened too.
    use std::os::unix::fs::PermissionsExt;
    file.set_permissions(std::fs::Permissions::from_mode(0o600))
        .map_err(err)?;
    Ok(tokio::fs::File::from_std(file))
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
