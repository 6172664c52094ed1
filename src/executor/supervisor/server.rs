//! The supervisor process itself: a small single-threaded loop (no async runtime) that forks and execs sandboxes, reaps them, enforces the agent's lease, and kills everything when the agent goes away.
//!
//! It is the parent of every sandbox (and, as `PR_SET_CHILD_SUBREAPER`, of every process that
//! escapes one by double-forking), so it can always reap and kill them. It ignores SIGINT, SIGTERM
//! and SIGHUP (the agent decides when sandboxes stop, e.g. draining on SIGTERM) and ends when its
//! socket to the agent reaches end-of-file: the agent exited or was killed. It holds no secret: it
//! is started with an empty environment and no argument but its state folder.

use std::collections::{HashMap, VecDeque};
use std::io;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd, RawFd};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

use std::time::{Duration, Instant};

use super::proto::{Event, Request, SpawnRequest, MAX_PACKET};
use super::{child, sock, CONTROL_FD};
use crate::executor::state::{self, ProcessRecord};
use crate::executor::{cgroup, procfs};

/// How long the supervisor keeps killing leftovers when the agent is gone.
const SHUTDOWN_KILL_WINDOW: Duration = Duration::from_secs(3);

struct Sandbox {
    id: u64,
    uid: Option<u32>,
    lease_killed: bool,
    /// Its own cgroup, when cgroups are in use.
    cgroup: Option<PathBuf>,
    /// Until the child executed its program or failed to: the read end of its report pipe,
    /// watched with the other descriptors (see [`child::exec_result`]).
    report: Option<OwnedFd>,
    /// A setup step failed (`SpawnFailed` was sent): its end is not reported.
    failed: bool,
}

/// How long the supervisor waits for a killed sandbox's cgroup to empty before reporting its end.
const CGROUP_EMPTY_WAIT: Duration = Duration::from_secs(1);
/// Passes of the uid sweep (without cgroups) before giving up on a uid that keeps forking.
const SWEEP_PASSES: usize = 200;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum LeaseState {
    /// No lease given yet (the executor used without an agent): nothing to enforce.
    None,
    Held {
        term_at: u64,
        kill_at: u64,
    },
    /// SIGTERM sent at the lease's end; SIGKILL at `kill_at`.
    Terminating {
        kill_at: u64,
    },
    Expired,
}

struct Server {
    control: OwnedFd,
    sigfd: OwnedFd,
    state_dir: PathBuf,
    journal: Option<state::Journal>,
    sandboxes: HashMap<i32, Sandbox>,
    lease: LeaseState,
    outbox: VecDeque<Vec<u8>>,
    filter: crate::executor::seccomp::Program,
    my_uid: u32,
    my_pid: i32,
    /// The parent of the sandboxes' cgroups (see [`crate::executor::cgroup`]), when in use.
    cgroup_parent: Option<PathBuf>,
    /// Sandbox cgroups not removed yet (still emptying): retried.
    stale_cgroups: Vec<PathBuf>,
}

/// `CLOCK_BOOTTIME` in nanoseconds: monotonic, and counts suspended time (a lease must not
/// outlive a suspend).
pub fn boottime_ns() -> u64 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid timespec to write into.
    unsafe {
        libc::clock_gettime(libc::CLOCK_BOOTTIME, &mut ts);
    }
    (ts.tv_sec as u64)
        .saturating_mul(1_000_000_000)
        .saturating_add(ts.tv_nsec as u64)
}

/// Entry point of `tartarus __sandbox-supervisor <state dir> [<cgroup parent>]`; the agent's
/// socket is fd 3.
pub fn run(state_dir: &Path, cgroup_parent: Option<PathBuf>) -> io::Result<()> {
    // SAFETY: plain system calls; this process is single-threaded.
    unsafe {
        libc::prctl(libc::PR_SET_CHILD_SUBREAPER, 1 as libc::c_ulong);
        libc::prctl(libc::PR_SET_DUMPABLE, 0 as libc::c_ulong);
        for sig in [libc::SIGINT, libc::SIGTERM, libc::SIGHUP, libc::SIGPIPE] {
            libc::signal(sig, libc::SIG_IGN);
        }
        if libc::fcntl(CONTROL_FD, libc::F_SETFD, libc::FD_CLOEXEC) == -1 {
            return Err(io::Error::last_os_error());
        }
    }
    // SAFETY: fd 3 was placed there by the agent for us and nothing else owns it.
    let control = unsafe { OwnedFd::from_raw_fd(CONTROL_FD) };
    sock::set_nonblocking(control.as_raw_fd())?;
    let sigfd = sigchld_fd()?;
    let filter = crate::executor::seccomp::sandbox_filter().map_err(io::Error::other)?;
    let me = std::process::id() as i32;
    // Whatever a previous supervisor of this agent left: it died with sandboxes running, and some
    // may have cleared their death signal.
    if let Some(parent) = &cgroup_parent {
        crate::executor::cgroup::kill_leftovers(parent);
    }
    state::kill_recorded(
        &state_dir.join(state::SANDBOXES_FILE),
        &mut state::Leftovers::default(),
    );
    if let Some(rec) = ProcessRecord::of(me, None) {
        state::write_record(&state_dir.join(state::SUPERVISOR_FILE), &rec)?;
    }
    let mut server = Server {
        control,
        sigfd,
        state_dir: state_dir.to_path_buf(),
        journal: Some(state::Journal::open(state_dir)?),
        sandboxes: HashMap::new(),
        lease: LeaseState::None,
        outbox: VecDeque::new(),
        filter,
        // SAFETY: getuid cannot fail.
        my_uid: unsafe { libc::getuid() },
        my_pid: me,
        cgroup_parent,
        stale_cgroups: Vec::new(),
    };
    // Only now may the agent go on: a supervisor that started late must never kill the
    // leftovers of a state folder a newer agent already claimed.
    server.send(&Event::Ready { pid: me });
    let result = server.serve();
    server.shutdown();
    result
}

fn sigchld_fd() -> io::Result<OwnedFd> {
    // SAFETY: sigset operations on a local set; signalfd returns a new descriptor we own.
    unsafe {
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut set);
        libc::sigaddset(&mut set, libc::SIGCHLD);
        if libc::sigprocmask(libc::SIG_BLOCK, &set, std::ptr::null_mut()) == -1 {
            return Err(io::Error::last_os_error());
        }
        let fd = libc::signalfd(-1, &set, libc::SFD_NONBLOCK | libc::SFD_CLOEXEC);
        if fd == -1 {
            return Err(io::Error::last_os_error());
        }
        Ok(OwnedFd::from_raw_fd(fd))
    }
}

impl Server {
    fn serve(&mut self) -> io::Result<()> {
        let mut buf = vec![0u8; MAX_PACKET];
        let mut fds = Vec::new();
        let mut starting = Vec::new();
        loop {
            let timeout = self.poll_timeout();
            fds.clear();
            fds.extend([
                libc::pollfd {
                    fd: self.control.as_raw_fd(),
                    events: libc::POLLIN
                        | if self.outbox.is_empty() {
                            0
                        } else {
                            libc::POLLOUT
                        },
                    revents: 0,
                },
                libc::pollfd {
                    fd: self.sigfd.as_raw_fd(),
                    events: libc::POLLIN,
                    revents: 0,
                },
            ]);
            // The children still setting up: their report pipe turns readable when they
            // executed their program (end-of-file) or failed.
            starting.clear();
            for (pid, sb) in &self.sandboxes {
                if let Some(r) = &sb.report {
                    starting.push(*pid);
                    fds.push(libc::pollfd {
                        fd: r.as_raw_fd(),
                        events: libc::POLLIN,
                        revents: 0,
                    });
                }
            }
            // SAFETY: `fds` is a valid array of `fds.len()` pollfd.
            let n = unsafe { libc::poll(fds.as_mut_ptr(), fds.len() as libc::nfds_t, timeout) };
            if n == -1 {
                let e = io::Error::last_os_error();
                if e.kind() == io::ErrorKind::Interrupted {
                    continue;
                }
                return Err(e);
            }
            for (i, pid) in starting.iter().enumerate() {
                if fds[2 + i].revents != 0 {
                    self.settle(*pid);
                }
            }
            if fds[1].revents != 0 {
                self.drain_sigfd();
                self.reap();
            }
            self.check_lease();
            if fds[0].revents & libc::POLLOUT != 0 {
                self.flush();
            }
            if fds[0].revents & (libc::POLLIN | libc::POLLHUP | libc::POLLERR) != 0 {
                loop {
                    match sock::recv(self.control.as_raw_fd(), &mut buf) {
                        Ok(None) => break,
                        Ok(Some((0, _))) => return Ok(()), // the agent is gone
                        Ok(Some((len, fds))) => self.handle(&buf[..len], fds),
                        Err(e)
                            if matches!(
                                e.kind(),
                                io::ErrorKind::Interrupted | io::ErrorKind::InvalidData
                            ) =>
                        {
                            continue
                        }
                        Err(_) => return Ok(()),
                    }
                }
            }
        }
    }

    /// Milliseconds until the next lease step, or -1.
    fn poll_timeout(&self) -> i32 {
        let next = match self.lease {
            LeaseState::Held { term_at, .. } => term_at,
            LeaseState::Terminating { kill_at } => kill_at,
            _ => return -1,
        };
        let now = boottime_ns();
        let ms = next.saturating_sub(now).div_ceil(1_000_000);
        ms.min(60_000) as i32
    }

    fn check_lease(&mut self) {
        let now = boottime_ns();
        match self.lease {
            LeaseState::Held { term_at, kill_at } if now >= term_at => {
                self.signal_all(libc::SIGTERM);
                self.lease = LeaseState::Terminating { kill_at };
                self.check_lease();
            }
            LeaseState::Terminating { kill_at } if now >= kill_at => {
                self.signal_all(libc::SIGKILL);
                self.lease = LeaseState::Expired;
            }
            _ => {}
        }
    }

    fn lease_lapsed(&self) -> bool {
        match self.lease {
            LeaseState::None => false,
            LeaseState::Held { term_at, .. } => boottime_ns() >= term_at,
            LeaseState::Terminating { .. } | LeaseState::Expired => true,
        }
    }

    fn signal_all(&mut self, sig: libc::c_int) {
        for (pid, sb) in self.sandboxes.iter_mut() {
            sb.lease_killed = true;
            kill_group(*pid, sig);
            if let (libc::SIGKILL, Some(c)) = (sig, &sb.cgroup) {
                cgroup::kill(c);
            }
        }
    }

    fn handle(&mut self, packet: &[u8], fds: Vec<OwnedFd>) {
        let Ok(req) = serde_json::from_slice::<Request>(packet) else {
            return;
        };
        match req {
            Request::Spawn(s) => {
                if let Err(ev) = self.spawn(&s, fds) {
                    self.send(&ev);
                }
            }
            Request::Signal { id, signal } => {
                if let Some((pid, _)) = self.sandboxes.iter().find(|(_, s)| s.id == id) {
                    kill_group(*pid, signal);
                }
            }
            Request::Lease { term_at, kill_at } => {
                if boottime_ns() < term_at {
                    self.lease = LeaseState::Held { term_at, kill_at };
                }
            }
        }
    }

    /// Forks the sandbox of a spawn request; its `Started` (or `SpawnFailed`) is sent once its
    /// report pipe says how its setup ended ([`Server::settle`]). `Err`: the event to send now.
    fn spawn(&mut self, s: &SpawnRequest, fds: Vec<OwnedFd>) -> Result<(), Event> {
        let failed = |stage: &str, errno: i32| Event::SpawnFailed {
            id: s.id,
            stage: stage.to_string(),
            errno,
        };
        if self.lease_lapsed() {
            return Err(failed("lease", 0));
        }
        let (cgroup, procs) = match self.new_cgroup(s.id) {
            Ok(c) => c,
            Err(e) => return Err(failed("cgroup", e.raw_os_error().unwrap_or(0))),
        };
        let fds_of_cgroup = procs.as_ref().map(|(dir, procs)| child::SandboxCgroup {
            dir: dir.as_raw_fd(),
            procs: procs.as_raw_fd(),
        });
        let forked = child::Prepared::new(s, &fds, &self.filter, fds_of_cgroup)
            .map_err(|errno| ("arguments", errno))
            .and_then(|prepared| prepared.fork_exec(self.my_pid));
        drop(procs);
        let (pid, report) = match forked {
            Ok(started) => started,
            Err((stage, errno)) => {
                if let Some(c) = &cgroup {
                    let _ = std::fs::remove_dir(c);
                }
                return Err(failed(stage, errno));
            }
        };
        drop(fds);
        // Recorded from the fork on: a supervisor that dies now leaves it to be found.
        if let (Some(rec), Some(j)) = (ProcessRecord::of(pid, Some(&s.run_id)), &mut self.journal) {
            j.started(rec);
        }
        self.sandboxes.insert(
            pid,
            Sandbox {
                id: s.id,
                uid: s.uid,
                lease_killed: false,
                cgroup,
                report: Some(report),
                failed: false,
            },
        );
        Ok(())
    }

    /// Reads a starting child's report pipe and, once its setup ended, says so to the agent:
    /// `Started` when it executed its program, `SpawnFailed` when a step failed (the child
    /// exits; its reap is then not reported).
    fn settle(&mut self, pid: i32) {
        let Some(sb) = self.sandboxes.get_mut(&pid) else {
            return;
        };
        let Some(result) = sb.report.as_ref().and_then(child::exec_result) else {
            return;
        };
        sb.report = None;
        let ev = match result {
            Ok(()) => Event::Started { id: sb.id, pid },
            Err((stage, errno)) => {
                sb.failed = true;
                Event::SpawnFailed {
                    id: sb.id,
                    stage: stage.to_string(),
                    errno,
                }
            }
        };
        self.send(&ev);
    }

    /// A new cgroup for sandbox `id`, when sandboxes get one: its path, and its folder and
    /// `cgroup.procs` open (the child is created in the first, or moves itself with the second).
    #[allow(clippy::type_complexity)]
    fn new_cgroup(
        &self,
        id: u64,
    ) -> io::Result<(Option<PathBuf>, Option<(std::fs::File, std::fs::File)>)> {
        let Some(parent) = &self.cgroup_parent else {
            return Ok((None, None));
        };
        let dir = parent.join(format!("{}-{id}", self.my_pid));
        // The parent goes when a supervisor shuts down cleanly; a later one makes it again.
        let _ = std::fs::create_dir(parent);
        std::fs::create_dir(&dir)?;
        let opened = std::fs::OpenOptions::new()
            .read(true)
            .custom_flags(libc::O_DIRECTORY)
            .open(&dir)
            .and_then(|folder| {
                let procs = std::fs::OpenOptions::new()
                    .write(true)
                    .open(dir.join("cgroup.procs"))?;
                Ok((folder, procs))
            });
        match opened {
            Ok(fds) => Ok((Some(dir), Some(fds))),
            Err(e) => {
                let _ = std::fs::remove_dir(&dir);
                Err(e)
            }
        }
    }

    /// Kills whatever is left of an ended sandbox: its whole cgroup, or (without cgroups) every
    /// process of its uid among the supervisor's descendants.
    fn kill_remains(&mut self, sb: &Sandbox) {
        if let Some(c) = &sb.cgroup {
            if !cgroup::kill_and_remove(c, CGROUP_EMPTY_WAIT) {
                self.stale_cgroups.push(c.clone());
            }
        } else if let Some(uid) = sb.uid.filter(|u| *u != self.my_uid) {
            self.sweep_uid(uid);
        }
        self.stale_cgroups
            .retain(|c| !cgroup::kill_and_remove(c, Duration::ZERO));
    }

    /// Kills every descendant of the supervisor running as `uid` (it belongs to one slot, whose
    /// sandbox just ended), pass after pass until none is left: a chain of sessions is found
    /// whether or not its members were re-parented yet, and what one pass misses (forked while
    /// it read `/proc`) the next one finds.
    fn sweep_uid(&self, uid: u32) {
        for _ in 0..SWEEP_PASSES {
            let victims: Vec<i32> = procfs::descendants(self.my_pid, 1 << 20)
                .into_iter()
                .filter(|p| procfs::start_time(*p).is_some() && procfs::uid(*p) == Some(uid))
                .collect();
            if victims.is_empty() {
                return;
            }
            for p in victims {
                // SAFETY: kill has no memory-safety preconditions; p > 1 (a descendant).
                unsafe {
                    libc::kill(p, libc::SIGKILL);
                }
            }
            std::thread::sleep(Duration::from_millis(1));
        }
    }

    fn drain_sigfd(&self) {
        let mut info = [0u8; 128];
        // SAFETY: reading into a local buffer from our signalfd.
        while unsafe { libc::read(self.sigfd.as_raw_fd(), info.as_mut_ptr().cast(), info.len()) }
            > 0
        {}
    }

    fn reap(&mut self) {
        loop {
            let mut status = 0;
            // SAFETY: waitpid writes the status into a local.
            let pid = unsafe { libc::waitpid(-1, &mut status, libc::WNOHANG) };
            if pid <= 0 {
                return;
            }
            // A child that ended while setting up (or right after its exec) is settled first:
            // its pipe is at end-of-file now, so its start or failure is known.
            self.settle(pid);
            let Some(sb) = self.sandboxes.remove(&pid) else {
                continue; // an escaped process re-parented to us
            };
            // Whatever is left of its group, and whatever escaped it (its cgroup, or its uid).
            kill_group(pid, libc::SIGKILL);
            self.kill_remains(&sb);
            if let Some(j) = &mut self.journal {
                j.ended(pid);
            }
            if !sb.failed {
                self.send(&Event::Exited {
                    id: sb.id,
                    status,
                    lease_expired: sb.lease_killed,
                });
            }
        }
    }

    /// Kills every child that is not a sandbox leader (processes that escaped a sandbox and were
    /// re-parented to us). Returns how many.
    fn kill_escaped(&self) -> usize {
        let mut n = 0;
        for pid in procfs::children(self.my_pid) {
            if !self.sandboxes.contains_key(&pid) {
                kill_group(pid, libc::SIGKILL);
                n += 1;
            }
        }
        n
    }

    fn send(&mut self, ev: &Event) {
        if let Ok(bytes) = serde_json::to_vec(ev) {
            self.outbox.push_back(bytes);
        }
        self.flush();
    }

    fn flush(&mut self) {
        while let Some(msg) = self.outbox.front() {
            match sock::send(self.control.as_raw_fd(), msg, &[]) {
                Ok(true) => {
                    self.outbox.pop_front();
                }
                Ok(false) => return, // full: wait for POLLOUT
                Err(_) => {
                    self.outbox.clear();
                    return;
                }
            }
        }
    }

    /// The agent is gone: kill every sandbox and everything re-parented to us, reap, forget.
    fn shutdown(&mut self) {
        if let Some(parent) = &self.cgroup_parent {
            cgroup::kill(parent);
        }
        for pid in self.sandboxes.keys() {
            kill_group(*pid, libc::SIGKILL);
        }
        let t = Instant::now();
        loop {
            self.reap_quietly();
            let left = self.kill_escaped();
            if (left == 0 && self.sandboxes.is_empty()) || t.elapsed() > SHUTDOWN_KILL_WINDOW {
                break;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        if let Some(parent) = &self.cgroup_parent {
            for c in cgroup::children(parent) {
                cgroup::kill_and_remove(&c, Duration::from_millis(200));
            }
            // Nothing left to find for a later agent: an empty parent is not kept.
            let _ = std::fs::remove_dir(parent);
        }
        if self.sandboxes.is_empty() {
            if let Some(j) = self.journal.take() {
                j.remove();
            }
        }
        let _ = std::fs::remove_file(self.state_dir.join(state::SUPERVISOR_FILE));
    }

    fn reap_quietly(&mut self) {
        loop {
            let mut status = 0;
            // SAFETY: as in `reap`.
            let pid = unsafe { libc::waitpid(-1, &mut status, libc::WNOHANG) };
            if pid <= 0 {
                return;
            }
            if let Some(sb) = self.sandboxes.remove(&pid) {
                kill_group(pid, libc::SIGKILL);
                if let Some(c) = &sb.cgroup {
                    cgroup::kill(c);
                }
                if let Some(j) = &mut self.journal {
                    j.ended(pid);
                }
            }
        }
    }
}

/// Signals the process group `pgid` (a sandbox leads its own), falling back to the process.
fn kill_group(pgid: RawFd, sig: libc::c_int) {
    if pgid <= 1 {
        return;
    }
    // SAFETY: kill has no memory-safety preconditions.
    unsafe {
        if libc::kill(-pgid, sig) == -1 {
            libc::kill(pgid, sig);
        }
    }
}
