//! Starting one sandbox through the supervisor: the spawn request for each runtime (program, argv, environment, descriptors, identity, limits), and stopping it (SIGTERM, then SIGKILL).

use std::os::fd::{AsRawFd, OwnedFd};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicI32, Ordering};
use std::sync::Arc;
use std::time::Duration;

use tokio::io::AsyncReadExt;
use tokio::task::JoinHandle;

use super::bwrap_args;
use super::supervisor::{Ended, SpawnError, SpawnRequest, Spawned};
use super::{
    bwrap, config, identity, sys, BwrapPlan, Executor, HostLayout, PrepareError, Runtime,
    SandboxIds, KILL_WAIT,
};
use crate::model::spec::SandboxSpec;

/// A started sandbox process, as the executor tracks it.
pub(crate) struct Launched {
    pub(crate) spawned: Spawned,
    /// bwrap only: the sandbox's own session/process group (bwrap `--new-session`), from `--json-status-fd`.
    pub(crate) inner_pgid: Arc<AtomicI32>,
    pub(crate) status_task: Option<JoinHandle<Option<i32>>>,
    /// The read ends of stdout and stderr, until the readers take them.
    pub(crate) output: Vec<OwnedFd>,
    /// SIGKILL to the group(s) when dropped before the end was seen (the `execute` future dropped).
    pub(crate) armed: bool,
}

impl Launched {
    /// Signals the process group(s). Under bwrap, once the sandbox's own group is known, SIGTERM
    /// goes to it alone: a terminated outer bwrap would SIGKILL the sandbox (`--die-with-parent`)
    /// before it could act on SIGTERM; bwrap then exits by itself when the sandbox does.
    pub(crate) fn signal(&self, sig: libc::c_int) {
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
pub(crate) struct LaunchPlan<'a> {
    pub(crate) spec: &'a SandboxSpec,
    pub(crate) run_id: &'a str,
    pub(crate) workdir: &'a Path,
    pub(crate) inner_workdir: &'a Path,
    pub(crate) rootfs: Option<&'a Path>,
    pub(crate) env: &'a [(String, String)],
    pub(crate) ids: SandboxIds,
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

    pub(crate) async fn launch(&self, p: &LaunchPlan<'_>) -> Result<Launched, PrepareError> {
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
                let status_r =
                    self.bwrap_request(p, path.as_deref(), path_var, &mut req, &mut fds)?;
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

    /// Fills in `req` to run the sandbox under bubblewrap, adding the status, passwd/group and
    /// seccomp descriptors to `fds`. Returns the read end of bwrap's status pipe.
    fn bwrap_request(
        &self,
        p: &LaunchPlan<'_>,
        path: Option<&Path>,
        path_var: &str,
        req: &mut SpawnRequest,
        fds: &mut Vec<OwnedFd>,
    ) -> Result<OwnedFd, PrepareError> {
        let spec = p.spec;
        let program = spec.command.first().map(String::as_str).unwrap_or("");
        let spawn_err = |source| PrepareError::Spawn {
            program: program.to_string(),
            source,
        };
        let workdir_str = p
            .workdir
            .to_str()
            .ok_or_else(|| PrepareError::NonUtf8WorkDir(p.workdir.to_path_buf()))?;
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
        let bwrap = path.map_or_else(|| PathBuf::from("/usr/bin/bwrap"), Path::to_path_buf);
        req.program = bwrap.to_string_lossy().into_owned();
        req.argv = std::iter::once("bwrap".to_string())
            .chain(bwrap_args(&plan))
            .collect();
        // bwrap sets PR_SET_NO_NEW_PRIVS and the filters itself; a setuid bwrap must not get them.
        req.no_new_privs = false;
        req.seccomp = false;
        Ok(status_r)
    }
}

/// SIGTERM to the group(s), SIGKILL after `grace`, then wait (bounded by [`KILL_WAIT`]).
pub(crate) async fn terminate(l: &mut Launched, grace: Duration) -> std::io::Result<Ended> {
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
