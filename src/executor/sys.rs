//! Thin libc helpers: the child's pre-exec setup (session, rlimits), process-group signals, the status pipe.

use std::io;
use std::os::fd::{FromRawFd, OwnedFd, RawFd};

#[cfg(all(target_os = "linux", target_env = "gnu"))]
type Resource = libc::__rlimit_resource_t;
#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
type Resource = libc::c_int;

/// What the child sets up between fork and exec.
#[derive(Clone, Copy, Debug)]
pub(crate) struct ChildSetup {
    /// RLIMIT_AS, when limited.
    pub address_space: Option<u64>,
    pub max_processes: u64,
    pub max_open_files: u64,
    /// PR_SET_NO_NEW_PRIVS (setuid binaries no longer elevate).
    pub no_new_privs: bool,
    /// An fd (CLOEXEC in the parent) to keep open across exec (bwrap's status fd).
    pub keep_fd: Option<RawFd>,
}

/// Installs [`ChildSetup`] as a pre-exec hook. The hook calls only async-signal-safe system calls
/// (setsid, getrlimit/setrlimit, prctl, fcntl) — no allocation, no locks — as required after fork
/// in a multi-threaded process.
pub(crate) fn install(cmd: &mut tokio::process::Command, setup: ChildSetup) {
    // SAFETY: the closure only makes raw system calls and builds `io::Error` from errno (no allocation).
    unsafe {
        cmd.pre_exec(move || child_setup(&setup));
    }
}

fn child_setup(s: &ChildSetup) -> io::Result<()> {
    // New session => new process group with pgid == pid, and no controlling terminal.
    // SAFETY: plain system calls on values we own.
    unsafe {
        if libc::setsid() == -1 {
            return Err(io::Error::last_os_error());
        }
    }
    set_limit(libc::RLIMIT_CORE, 0)?;
    set_limit(libc::RLIMIT_NOFILE, s.max_open_files)?;
    set_limit(libc::RLIMIT_NPROC, s.max_processes)?;
    if let Some(bytes) = s.address_space {
        set_limit(libc::RLIMIT_AS, bytes)?;
    }
    unsafe {
        if s.no_new_privs
            && libc::prctl(
                libc::PR_SET_NO_NEW_PRIVS,
                1 as libc::c_ulong,
                0 as libc::c_ulong,
                0 as libc::c_ulong,
                0 as libc::c_ulong,
            ) == -1
        {
            return Err(io::Error::last_os_error());
        }
        if let Some(fd) = s.keep_fd {
            if libc::fcntl(fd, libc::F_SETFD, 0) == -1 {
                return Err(io::Error::last_os_error());
            }
        }
    }
    Ok(())
}

/// Sets soft = hard = min(value, current hard limit): an unprivileged process cannot raise its hard
/// limit, and a lower configured value must not make the spawn fail.
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

/// Sends `sig` to every process of group `pgid`. Refuses pgid ≤ 1 (kill(-1) would hit every
/// process we may signal). Returns false when the group no longer exists.
pub(crate) fn signal_group(pgid: i32, sig: libc::c_int) -> bool {
    if pgid <= 1 {
        return false;
    }
    // SAFETY: kill has no memory-safety preconditions.
    unsafe { libc::kill(-pgid, sig) == 0 }
}

/// A CLOEXEC pipe whose both ends are ≥ fd 3 (never clobbered by the child's stdio setup).
/// Returns (read end, write end).
pub(crate) fn status_pipe() -> io::Result<(OwnedFd, OwnedFd)> {
    let mut fds = [0 as libc::c_int; 2];
    // SAFETY: `fds` has room for the two descriptors.
    if unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) } == -1 {
        return Err(io::Error::last_os_error());
    }
    // SAFETY: pipe2 succeeded, so both are fresh descriptors we now own.
    let (r, w) = unsafe { (OwnedFd::from_raw_fd(fds[0]), OwnedFd::from_raw_fd(fds[1])) };
    Ok((above_stdio(r)?, above_stdio(w)?))
}

fn above_stdio(fd: OwnedFd) -> io::Result<OwnedFd> {
    use std::os::fd::AsRawFd;
    if fd.as_raw_fd() > 2 {
        return Ok(fd);
    }
    // SAFETY: duplicating a descriptor we own.
    let n = unsafe { libc::fcntl(fd.as_raw_fd(), libc::F_DUPFD_CLOEXEC, 3) };
    if n == -1 {
        return Err(io::Error::last_os_error());
    }
    // SAFETY: fcntl returned a fresh descriptor.
    Ok(unsafe { OwnedFd::from_raw_fd(n) })
}
