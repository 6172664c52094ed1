//! The executor: runs one sandbox process (plain or under bubblewrap) and reports its [`Outcome`].
//!
//! Pure async library, no store: the node agent calls [`execute`] per run and records the outcome.
//!
//! Bounds (see [`config`]): output tail [`DEFAULT_TAIL_BYTES`] (16 KiB) in memory; log file capped at
//! [`DEFAULT_LOG_MAX_BYTES`] (8 MiB) plus one marker line; per-run output buffering ≈ 1.1 MiB
//! ([`output`]); rlimits RLIMIT_AS = memory + [`DEFAULT_ADDRESS_SPACE_HEADROOM`] (512 MiB),
//! RLIMIT_NPROC [`DEFAULT_MAX_PROCESSES`], RLIMIT_NOFILE [`DEFAULT_MAX_OPEN_FILES`], RLIMIT_CORE 0;
//! timeout/cancel: SIGTERM to the process group, SIGKILL after [`DEFAULT_KILL_GRACE`] (2 s).

pub mod bwrap;
pub mod config;
pub mod outcome;
pub mod output;
mod sys;
pub mod workdir;

use std::os::fd::{AsRawFd, OwnedFd};
use std::path::{Path, PathBuf};
use std::process::{ExitStatus, Stdio};
use std::sync::atomic::{AtomicI32, Ordering};
use std::sync::Arc;
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
pub use outcome::{Outcome, Status};
pub use output::{truncation_marker, TRUNCATION_MARKER_PREFIX};
pub use workdir::PrepareError;

/// PATH given to every sandbox unless its spec sets one.
pub const SANDBOX_PATH: &str = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
/// How long to wait for the process after SIGKILL before giving up on reaping it (D state, …).
const KILL_WAIT: Duration = Duration::from_secs(5);

/// The environment of a sandbox: `PATH` ([`SANDBOX_PATH`]), `HOME=<workdir>`, `TMPDIR=<workdir>/tmp`,
/// then the spec's `env` (which may override those three). Nothing of the agent's environment.
pub fn sandbox_env(spec: &SandboxSpec, workdir: &Path) -> Vec<(String, String)> {
    let mut env: std::collections::BTreeMap<String, String> = std::collections::BTreeMap::new();
    env.insert("PATH".into(), SANDBOX_PATH.into());
    env.insert("HOME".into(), workdir.to_string_lossy().into_owned());
    env.insert(
        "TMPDIR".into(),
        workdir.join("tmp").to_string_lossy().into_owned(),
    );
    for (k, v) in &spec.env {
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

/// A started sandbox process.
struct Launched {
    child: tokio::process::Child,
    /// Our child's process group (setsid in pre_exec => pgid == pid).
    pgid: i32,
    /// bwrap only: the sandbox's own session/process group (bwrap `--new-session`), from `--json-status-fd`.
    inner_pgid: Arc<AtomicI32>,
    status_task: Option<JoinHandle<Option<i32>>>,
}

impl Launched {
    /// Signals the process group(s). Under bwrap, once the sandbox's own group is known, SIGTERM
    /// goes to it alone: a terminated outer bwrap would SIGKILL the sandbox (`--die-with-parent`)
    /// before it could act on SIGTERM; bwrap then exits by itself when the sandbox does.
    fn signal(&self, sig: libc::c_int) {
        let inner = self.inner_pgid.load(Ordering::SeqCst);
        sys::signal_group(inner, sig);
        if sig != libc::SIGTERM || inner <= 0 {
            sys::signal_group(self.pgid, sig);
        }
    }
}

/// SIGKILLs the process groups if `execute` is dropped before it finished.
struct GroupGuard {
    pgid: i32,
    inner_pgid: Arc<AtomicI32>,
    armed: bool,
}

impl Drop for GroupGuard {
    fn drop(&mut self) {
        if self.armed {
            sys::signal_group(self.inner_pgid.load(Ordering::SeqCst), libc::SIGKILL);
            sys::signal_group(self.pgid, libc::SIGKILL);
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

fn launch(
    cfg: &ExecutorConfig,
    spec: &SandboxSpec,
    workdir: &Path,
    env: &[(String, String)],
) -> Result<Launched, PrepareError> {
    let program = spec
        .command
        .first()
        .filter(|p| !p.is_empty())
        .ok_or(PrepareError::EmptyCommand)?;
    let mut setup = sys::ChildSetup {
        address_space: (spec.memory_bytes > 0)
            .then(|| spec.memory_bytes.saturating_add(cfg.address_space_headroom)),
        max_processes: cfg.max_processes,
        max_open_files: cfg.max_open_files,
        no_new_privs: !spec.privileged,
        keep_fd: None,
    };
    let spawn_err = |source| PrepareError::Spawn {
        program: program.clone(),
        source,
    };
    let inner_pgid = Arc::new(AtomicI32::new(0));
    let mut status_task = None;
    let mut cmd;
    let mut status_write: Option<OwnedFd> = None;
    match &cfg.runtime {
        Runtime::Process => {
            cmd = tokio::process::Command::new(program);
            cmd.args(&spec.command[1..])
                .env_clear()
                .envs(env.iter().map(|(k, v)| (k, v)));
        }
        Runtime::Bwrap { path } => {
            let workdir_str = workdir
                .to_str()
                .ok_or_else(|| PrepareError::NonUtf8WorkDir(workdir.to_path_buf()))?;
            // bwrap reports a missing program only after setting up the sandbox, as exit code 1;
            // look it up first (the sandbox sees a subset of the host at the same paths) for a clear error.
            let path_var = env
                .iter()
                .find(|(k, _)| k == "PATH")
                .map(|(_, v)| v.as_str())
                .unwrap_or("");
            let layout = HostLayout::detect();
            let resolved = resolve_program(program, path_var, workdir)
                .filter(|p| bwrap::visible_in_sandbox(p, workdir, &layout));
            if resolved.is_none() {
                return Err(spawn_err(std::io::Error::from_raw_os_error(libc::ENOENT)));
            }
            let (r, w) = sys::status_pipe().map_err(PrepareError::StatusPipe)?;
            setup.keep_fd = Some(w.as_raw_fd());
            // bwrap sets PR_SET_NO_NEW_PRIVS itself for the sandbox; a setuid bwrap must not get it.
            setup.no_new_privs = false;
            let plan = BwrapPlan {
                workdir: workdir_str,
                env,
                argv: &spec.command,
                network: spec.network,
                privileged: spec.privileged,
                status_fd: Some(w.as_raw_fd()),
                layout: &layout,
            };
            cmd = tokio::process::Command::new(
                path.clone().unwrap_or_else(|| PathBuf::from("bwrap")),
            );
            cmd.args(bwrap_args(&plan)).env_clear();
            let rx = tokio::net::unix::pipe::Receiver::from_owned_fd(r)
                .map_err(PrepareError::StatusPipe)?;
            let slot = inner_pgid.clone();
            status_task = Some(tokio::spawn(read_child_pid(rx, slot)));
            status_write = Some(w);
        }
    }
    cmd.current_dir(workdir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true);
    sys::install(&mut cmd, setup);
    let spawned = cmd.spawn();
    drop(status_write); // the parent's copy: EOF on the status pipe once bwrap is gone
    let child = match spawned {
        Ok(c) => c,
        Err(e) => {
            if let Some(t) = status_task {
                t.abort();
            }
            return Err(spawn_err(e));
        }
    };
    let pgid = child.id().and_then(|p| i32::try_from(p).ok()).unwrap_or(0);
    Ok(Launched {
        child,
        pgid,
        inner_pgid,
        status_task,
    })
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

enum Reason {
    TimedOut,
    Cancelled,
}

/// Runs `spec.command` for run `run_id` and reports how it ended. Never panics on spec or OS input
/// and never hangs: every wait is bounded by the timeout, the kill grace, [`KILL_WAIT`] and
/// `cfg.drain_timeout`.
///
/// * `cancel`: set the watched value to `true` to cancel (SIGTERM to the group, SIGKILL after
///   `cfg.kill_grace`). Dropping the sender without sending does not cancel.
/// * `on_start(pid)`: called once, right after the process started (pid of the command, or of
///   `bwrap`), not called when it fails to start.
///
/// The working folder `<work_root>/<run_id>` is removed before returning (also if this future is
/// dropped); the log file `<log_dir>/<run_id>.log` is kept.
pub async fn execute<F>(
    cfg: &ExecutorConfig,
    run_id: &str,
    spec: &SandboxSpec,
    mut cancel: watch::Receiver<bool>,
    on_start: F,
) -> Outcome
where
    F: FnOnce(u32),
{
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
    let dir = match workdir::create(&cfg.work_root, run_id) {
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
    let env = sandbox_env(spec, &dir);
    let started = Instant::now();
    let mut launched = match launch(cfg, spec, &dir, &env) {
        Ok(l) => l,
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
    let mut group_guard = GroupGuard {
        pgid: launched.pgid,
        inner_pgid: launched.inner_pgid.clone(),
        armed: true,
    };
    if let Some(pid) = launched.child.id() {
        on_start(pid);
    }

    // Output: both pipes into one bounded channel, one collector owning the tail and the log file.
    let (tx, rx) = mpsc::channel::<Vec<u8>>(output::CHANNEL_CHUNKS);
    let mut readers: Vec<JoinHandle<std::io::Result<()>>> = Vec::with_capacity(2);
    if let Some(out) = launched.child.stdout.take() {
        readers.push(tokio::spawn(output::pump(out, tx.clone())));
    }
    if let Some(err) = launched.child.stderr.take() {
        readers.push(tokio::spawn(output::pump(err, tx.clone())));
    }
    drop(tx);
    let collector = output::Collector::new(
        cfg.tail_bytes,
        log_file,
        log_path.clone(),
        cfg.log_max_bytes,
    );
    let mut collector = tokio::spawn(output::collect(collector, rx));

    let mut warnings = Vec::new();
    let deadline = tokio::time::sleep(effective_timeout(cfg, spec));
    tokio::pin!(deadline);
    let (reason, waited) = tokio::select! {
        r = launched.child.wait() => (None, r),
        _ = &mut deadline => (Some(Reason::TimedOut), terminate(&mut launched, cfg.kill_grace).await),
        _ = cancelled(&mut cancel) => (Some(Reason::Cancelled), terminate(&mut launched, cfg.kill_grace).await),
    };
    // Whatever is left in the group(s) after the main process is gone.
    launched.signal(libc::SIGKILL);
    group_guard.armed = false;

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
    warnings.extend(dir_guard.remove_now().await);

    let (log_tail, head, bytes_total, bytes_dropped) = match collected {
        Some(c) => {
            warnings.extend(c.warnings);
            (c.tail, c.head, c.bytes_total, c.bytes_dropped)
        }
        None => (String::new(), Vec::new(), 0, 0),
    };
    let exit_status: Option<ExitStatus> = match waited {
        Ok(s) => Some(s),
        Err(e) => {
            warnings.push(format!("waiting for the process: {e}"));
            None
        }
    };
    let exit_code = exit_status.and_then(|s| s.code());
    let status = match reason {
        Some(Reason::TimedOut) => Status::TimedOut,
        Some(Reason::Cancelled) => Status::Cancelled,
        None => classify(&cfg.runtime, exit_status, child_started, &head, &log_tail),
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
async fn terminate(l: &mut Launched, grace: Duration) -> std::io::Result<ExitStatus> {
    l.signal(libc::SIGTERM);
    if let Ok(r) = tokio::time::timeout(grace, l.child.wait()).await {
        return r;
    }
    l.signal(libc::SIGKILL);
    match tokio::time::timeout(KILL_WAIT, l.child.wait()).await {
        Ok(r) => r,
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
    tokio::fs::create_dir_all(dir).await.map_err(err)?;
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
