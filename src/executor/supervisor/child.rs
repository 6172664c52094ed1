//! Between fork and exec in the supervisor: the sandbox child's setup (session, descriptors, limits, identity, death signal, no-new-privs, seccomp) and the report of a failed step through a close-on-exec pipe.
//!
//! Everything the child needs is prepared before the fork ([`Prepared`]); the child itself only
//! makes system calls.

use std::ffi::CString;
use std::io;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd, RawFd};
use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};

use super::proto::SpawnRequest;

#[cfg(all(target_os = "linux", target_env = "gnu"))]
type Resource = libc::__rlimit_resource_t;
#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
type Resource = libc::c_int;

/// The child's stages, reported as one byte when a step fails.
const STAGES: [&str; 11] = [
    "stdin",
    "fds",
    "setsid",
    "rlimit",
    "chdir",
    "setgroups",
    "setgid",
    "setuid",
    "seccomp",
    "exec",
    "cgroup",
];

/// A spawn request turned into what the child needs, allocated before the fork.
pub struct Prepared<'a> {
    program: CString,
    argv: Vec<CString>,
    env: Vec<CString>,
    cwd: CString,
    fds: Vec<RawFd>,
    req: &'a SpawnRequest,
    filter: &'a crate::executor::seccomp::Program,
    /// The sandbox's own cgroup: its folder, where the child is created (`CLONE_INTO_CGROUP`),
    /// and its `cgroup.procs`, which a forked child writes to move itself there first.
    cgroup: Option<SandboxCgroup>,
}

/// Descriptors of a sandbox's own cgroup (see [`Prepared`]).
#[derive(Clone, Copy)]
pub struct SandboxCgroup {
    pub dir: RawFd,
    pub procs: RawFd,
}

/// False once `clone3` with `CLONE_INTO_CGROUP` failed as unsupported (a kernel before 5.7, or a
/// seccomp profile that refuses `clone3`, as Docker's does): later children are forked and move
/// themselves.
static CLONE_INTO_CGROUP_WORKS: AtomicBool = AtomicBool::new(true);
/// The errno that switched it off (0 while it works).
static CLONE_INTO_CGROUP_REFUSED: AtomicI32 = AtomicI32::new(0);
/// What `clone3` answers where it cannot create a child in a cgroup at all: no `clone3` (before
/// 5.3, or refused by seccomp with `ENOSYS` or `EPERM`), no `cgroup` field (`E2BIG` before 5.7),
/// an unknown flag (`EINVAL`). A folder that cannot take the child answers other errors.
const PERMANENT: [i32; 4] = [libc::ENOSYS, libc::EPERM, libc::E2BIG, libc::EINVAL];

/// `struct clone_args` up to `cgroup` (`CLONE_ARGS_SIZE_VER2`).
#[repr(C)]
struct CloneArgs {
    flags: u64,
    pidfd: u64,
    child_tid: u64,
    parent_tid: u64,
    exit_signal: u64,
    stack: u64,
    stack_size: u64,
    tls: u64,
    set_tid: u64,
    set_tid_size: u64,
    cgroup: u64,
}

const CLONE_INTO_CGROUP: u64 = 0x2_0000_0000;

/// Creates a child directly in the cgroup of folder descriptor `dir`, like `fork` otherwise (same
/// stack, copy-on-write): returns 0 in the child, its pid in the parent. Creating it there takes
/// no lock that waits for other processes, where moving a forked child by writing its
/// `cgroup.procs` waits for an RCU grace period: 0.4 ms at the median but 18 ms at the 99th
/// percentile on a loaded machine, against 1 ms here.
fn clone_into_cgroup(dir: RawFd) -> Result<i32, i32> {
    let mut args = CloneArgs {
        flags: CLONE_INTO_CGROUP,
        pidfd: 0,
        child_tid: 0,
        parent_tid: 0,
        exit_signal: libc::SIGCHLD as u64,
        stack: 0,
        stack_size: 0,
        tls: 0,
        set_tid: 0,
        set_tid_size: 0,
        cgroup: dir as u64,
    };
    // SAFETY: as `fork` in this single-threaded process: the child only makes system calls and
    // ends in execve or _exit; `args` outlives the call and has the kernel's layout.
    let rc = unsafe {
        libc::syscall(
            libc::SYS_clone3,
            &mut args as *mut CloneArgs,
            std::mem::size_of::<CloneArgs>(),
        )
    };
    if rc == -1 {
        return Err(io::Error::last_os_error().raw_os_error().unwrap_or(0));
    }
    Ok(rc as i32)
}

fn cstring(s: &str) -> Result<CString, i32> {
    CString::new(s).map_err(|_| libc::EINVAL)
}

impl<'a> Prepared<'a> {
    pub fn new(
        req: &'a SpawnRequest,
        fds: &[OwnedFd],
        filter: &'a crate::executor::seccomp::Program,
        cgroup: Option<SandboxCgroup>,
    ) -> Result<Prepared<'a>, i32> {
        Ok(Prepared {
            program: cstring(&req.program)?,
            argv: req
                .argv
                .iter()
                .map(|a| cstring(a))
                .collect::<Result<_, _>>()?,
            env: req
                .env
                .iter()
                .map(|a| cstring(a))
                .collect::<Result<_, _>>()?,
            cwd: cstring(&req.cwd)?,
            fds: fds.iter().map(|f| f.as_raw_fd()).collect(),
            req,
            filter,
            cgroup,
        })
    }

    /// Forks a child that sets itself up and execs. Returns at once with its pid and the read
    /// end of its report pipe (non-blocking), which [`exec_result`] reads once it is readable: the
    /// supervisor does not wait for the exec, so a slow child never holds up the other spawns
    /// and reaps.
    pub fn fork_exec(&self, parent: i32) -> Result<(i32, OwnedFd), (&'static str, i32)> {
        let mut argv: Vec<*const libc::c_char> = self.argv.iter().map(|a| a.as_ptr()).collect();
        argv.push(std::ptr::null());
        let mut envp: Vec<*const libc::c_char> = self.env.iter().map(|a| a.as_ptr()).collect();
        envp.push(std::ptr::null());
        let (r, w) = report_pipe().map_err(|e| ("pipe", e.raw_os_error().unwrap_or(0)))?;
        // Allocated here: a child created by `clone3` has no `fork` handlers to make the
        // allocator safe to use, so the child itself allocates nothing.
        let mut high = Vec::with_capacity(self.fds.len());
        let (pid, joined) = self.new_child()?;
        if pid == 0 {
            // The report pipe moves out of the range the sandbox's descriptors are placed in.
            // SAFETY: fcntl on our own descriptor.
            let moved = unsafe { libc::fcntl(w.as_raw_fd(), libc::F_DUPFD_CLOEXEC, 512) };
            let wfd = if moved == -1 { w.as_raw_fd() } else { moved };
            let (stage, errno) = self.child(parent, joined, &argv, &envp, &mut high);
            let mut report = [0u8; 5];
            report[0] = stage;
            report[1..].copy_from_slice(&errno.to_ne_bytes());
            // SAFETY: writing a local buffer to our pipe, then leaving without running destructors.
            unsafe {
                libc::write(wfd, report.as_ptr().cast(), report.len());
                libc::_exit(127);
            }
        }
        drop(w);
        Ok((pid, r))
    }

    /// A new child process: created in the sandbox's cgroup when it has one and the kernel can
    /// (then the second value is true), forked otherwise. Returns 0 in the child, as `fork`.
    fn new_child(&self) -> Result<(i32, bool), (&'static str, i32)> {
        if let Some(cg) = self.cgroup {
            if CLONE_INTO_CGROUP_WORKS.load(Ordering::Relaxed) {
                match clone_into_cgroup(cg.dir) {
                    Ok(pid) => return Ok((pid, true)),
                    // Unsupported here (no clone3, or refused by a seccomp profile; a kernel before
                    // 5.7): fork from now on. Any other failure (a transient EAGAIN, an unusable
                    // folder) falls back for this child only.
                    Err(e) if PERMANENT.contains(&e) => {
                        CLONE_INTO_CGROUP_REFUSED.store(e, Ordering::Relaxed);
                        CLONE_INTO_CGROUP_WORKS.store(false, Ordering::Relaxed);
                    }
                    Err(_) => {}
                }
            }
        }
        // SAFETY: this process is single-threaded, so the child may do anything; it only makes
        // system calls and ends in execve or _exit.
        match unsafe { libc::fork() } {
            -1 => Err((
                "fork",
                io::Error::last_os_error().raw_os_error().unwrap_or(0),
            )),
            pid => Ok((pid, false)),
        }
    }

    /// Runs in the child (`joined`: it was created in its cgroup). Returns only on failure:
    /// (stage index, errno).
    fn child(
        &self,
        parent: i32,
        joined: bool,
        argv: &[*const libc::c_char],
        envp: &[*const libc::c_char],
        high: &mut Vec<libc::c_int>,
    ) -> (u8, i32) {
        let errno = || io::Error::last_os_error().raw_os_error().unwrap_or(0);
        // SAFETY: plain system calls on values owned by this (forked, single-threaded) process.
        unsafe {
            // Signals as a fresh process has them.
            let mut set: libc::sigset_t = std::mem::zeroed();
            libc::sigemptyset(&mut set);
            libc::sigprocmask(libc::SIG_SETMASK, &set, std::ptr::null_mut());
            for sig in [libc::SIGINT, libc::SIGTERM, libc::SIGHUP, libc::SIGPIPE] {
                libc::signal(sig, libc::SIG_DFL);
            }
            if libc::setsid() == -1 {
                return (2, errno());
            }
            // Into its own cgroup before anything else can run ("0": the writing process),
            // unless it was created there.
            if let Some(cg) = self.cgroup.filter(|_| !joined) {
                if libc::write(cg.procs, b"0".as_ptr().cast(), 1) != 1 {
                    return (10, errno());
                }
            }
            let null = libc::open(c"/dev/null".as_ptr(), libc::O_RDONLY | libc::O_CLOEXEC);
            if null == -1 || libc::dup2(null, 0) == -1 {
                return (0, errno());
            }
            // Move the given descriptors above the targets first, so no dup2 clobbers a source.
            let base = 64 + self.fds.len() as libc::c_int;
            for fd in &self.fds {
                let h = libc::fcntl(*fd, libc::F_DUPFD_CLOEXEC, base);
                if h == -1 {
                    return (1, errno());
                }
                high.push(h);
            }
            for (i, h) in high.iter().enumerate() {
                if libc::dup2(*h, 1 + i as libc::c_int) == -1 {
                    return (1, errno());
                }
            }
            // Everything else closes at exec.
            libc::syscall(
                libc::SYS_close_range,
                (1 + high.len()) as libc::c_uint,
                libc::c_uint::MAX,
                libc::CLOSE_RANGE_CLOEXEC as libc::c_uint,
            );
            for (resource, value) in &self.req.rlimits {
                if set_limit(*resource as Resource, *value).is_err() {
                    return (3, errno());
                }
            }
            if libc::chdir(self.cwd.as_ptr()) == -1 {
                return (4, errno());
            }
            if let Some(uid) = self.req.uid {
                let gid = self.req.gid.unwrap_or(uid);
                if libc::setgroups(0, std::ptr::null()) == -1 {
                    return (5, errno());
                }
                if libc::setresgid(gid, gid, gid) == -1 {
                    return (6, errno());
                }
                if libc::setresuid(uid, uid, uid) == -1 {
                    return (7, errno());
                }
            }
            // After the uid change, which clears it; from this single-threaded parent, whose
            // only thread lives as long as the supervisor.
            libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL as libc::c_ulong);
            if libc::getppid() != parent {
                libc::_exit(127);
            }
            if self.req.no_new_privs
                && libc::prctl(libc::PR_SET_NO_NEW_PRIVS, 1 as libc::c_ulong, 0, 0, 0) == -1
            {
                return (8, errno());
            }
            if self.req.seccomp && crate::executor::seccomp::install(self.filter).is_err() {
                return (8, errno());
            }
            libc::execve(self.program.as_ptr(), argv.as_ptr(), envp.as_ptr());
            (9, errno())
        }
    }
}

/// The report pipe of one child: close-on-exec (end-of-file without a report once the program
/// was executed), non-blocking (the supervisor never waits on it).
fn report_pipe() -> io::Result<(OwnedFd, OwnedFd)> {
    let mut fds = [0 as libc::c_int; 2];
    // SAFETY: `fds` has room for two descriptors.
    if unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC | libc::O_NONBLOCK) } == -1 {
        return Err(io::Error::last_os_error());
    }
    // SAFETY: fresh descriptors we now own.
    Ok(unsafe { (OwnedFd::from_raw_fd(fds[0]), OwnedFd::from_raw_fd(fds[1])) })
}

/// What a child's report pipe says: `None` while it is still setting up, `Some(Ok)` once the
/// program was executed (end-of-file, no report; also when the child died before it got there),
/// `Some(Err((stage, errno)))` when a step failed (the child exits with 127).
pub fn exec_result(report: &OwnedFd) -> Option<Result<(), (&'static str, i32)>> {
    let mut buf = [0u8; 5];
    loop {
        // SAFETY: reading into a local buffer from our own descriptor. The child writes its
        // 5 bytes in one write (atomic below PIPE_BUF), so a read sees all of them or none.
        let n = unsafe { libc::read(report.as_raw_fd(), buf.as_mut_ptr().cast(), buf.len()) };
        if n == 0 {
            return Some(Ok(()));
        }
        if n == buf.len() as isize {
            let stage = STAGES.get(buf[0] as usize).copied().unwrap_or("setup");
            let errno = i32::from_ne_bytes([buf[1], buf[2], buf[3], buf[4]]);
            return Some(Err((stage, errno)));
        }
        if n > 0 {
            return Some(Err(("setup", libc::EIO)));
        }
        match io::Error::last_os_error().kind() {
            io::ErrorKind::Interrupted => continue,
            io::ErrorKind::WouldBlock => return None,
            _ => return Some(Err(("setup", libc::EIO))),
        }
    }
}

/// Sets soft = hard = min(value, current hard limit): a lower configured value must not make the
/// spawn fail, and an unprivileged process cannot raise its hard limit.
fn set_limit(resource: Resource, value: u64) -> io::Result<()> {
    let mut cur = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: `cur` is a valid rlimit to write into.
    unsafe {
        if libc::getrlimit(resource, &mut cur) == -1 {
            return Err(io::Error::last_os_error());
        }
        let v = (value as libc::rlim_t).min(cur.rlim_max);
        let new = libc::rlimit {
            rlim_cur: v,
            rlim_max: v,
        };
        if libc::setrlimit(resource, &new) == -1 {
            return Err(io::Error::last_os_error());
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(script: &str) -> SpawnRequest {
        SpawnRequest {
            id: 1,
            run_id: "r".into(),
            program: "/bin/sh".into(),
            argv: vec!["sh".into(), "-c".into(), script.into()],
            env: vec!["PATH=/usr/bin:/bin".into()],
            cwd: "/".into(),
            uid: None,
            gid: None,
            rlimits: Vec::new(),
            no_new_privs: false,
            seccomp: false,
        }
    }

    /// Runs `script` through `Prepared::fork_exec` with `cgroup`, its standard output into a
    /// file; returns that output once the child exited with 0.
    fn run(script: &str, cgroup: Option<SandboxCgroup>) -> String {
        let dir = tempfile::tempdir().unwrap();
        let out = std::fs::File::create(dir.path().join("out")).unwrap();
        let req = request(script);
        let fds = vec![OwnedFd::from(out)];
        let filter = Vec::new();
        let prepared = Prepared::new(&req, &fds, &filter, cgroup).unwrap();
        // SAFETY: getpid cannot fail.
        let me = unsafe { libc::getpid() };
        let (pid, _report) = prepared.fork_exec(me).unwrap();
        let mut status = 0;
        // SAFETY: waiting for our own child.
        assert_eq!(unsafe { libc::waitpid(pid, &mut status, 0) }, pid);
        assert!(
            libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0,
            "{status}"
        );
        std::fs::read_to_string(dir.path().join("out")).unwrap()
    }

    /// A folder that is no cgroup: creating the child there fails, so it is forked and moves
    /// itself by writing `0` to the `cgroup.procs` it was given (here a plain file).
    #[test]
    fn a_child_that_cannot_be_created_in_its_cgroup_moves_itself() {
        let dir = tempfile::tempdir().unwrap();
        let folder = std::fs::File::open(dir.path()).unwrap();
        let procs = std::fs::File::create(dir.path().join("procs")).unwrap();
        let cg = SandboxCgroup {
            dir: folder.as_raw_fd(),
            procs: procs.as_raw_fd(),
        };
        assert_eq!(run("echo ran", Some(cg)), "ran\n");
        assert_eq!(
            std::fs::read_to_string(dir.path().join("procs")).unwrap(),
            "0"
        );
    }

    /// With a writable cgroup v2 (root on a host that has one), the child is created in its own
    /// cgroup: it is there when it runs, and it never wrote `cgroup.procs` (given here as a
    /// plain file that would show the write).
    #[test]
    fn a_child_is_created_in_its_cgroup() {
        let Some(own) = crate::executor::cgroup::own_cgroup() else {
            eprintln!("no cgroup v2 here: skipping");
            return;
        };
        /// Removes the test's cgroup however the test ends.
        struct Removed(std::path::PathBuf);
        impl Drop for Removed {
            fn drop(&mut self) {
                let _ = std::fs::remove_dir(&self.0);
            }
        }
        let name = format!("tartarus-clone-test-{}", std::process::id());
        let cg_dir = own.join(&name);
        if let Err(e) = std::fs::create_dir(&cg_dir) {
            eprintln!(
                "cannot create a cgroup under {} ({e}): skipping",
                own.display()
            );
            return;
        }
        let _removed = Removed(cg_dir.clone());
        let folder = std::fs::File::open(&cg_dir).unwrap();
        let tmp = tempfile::tempdir().unwrap();
        let procs = std::fs::File::create(tmp.path().join("procs")).unwrap();
        let cg = SandboxCgroup {
            dir: folder.as_raw_fd(),
            procs: procs.as_raw_fd(),
        };
        let seen = run("cat /proc/self/cgroup", Some(cg));
        if !CLONE_INTO_CGROUP_WORKS.load(Ordering::Relaxed) {
            // Only a kernel or seccomp profile without it may switch it off; an answer such as
            // EINVAL from a wrong `clone_args` must fail here, not skip.
            let refused = CLONE_INTO_CGROUP_REFUSED.load(Ordering::Relaxed);
            assert!(
                [libc::ENOSYS, libc::EPERM, libc::E2BIG].contains(&refused),
                "clone3 into a cgroup was switched off by errno {refused}"
            );
            eprintln!("clone3 with CLONE_INTO_CGROUP is refused here ({refused}): skipping");
            return;
        }
        assert!(seen.contains(&format!("/{name}\n")), "{seen}");
        assert_eq!(
            std::fs::read_to_string(tmp.path().join("procs")).unwrap(),
            ""
        );
    }
}
