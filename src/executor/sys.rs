//! Thin libc helpers: process-group signals, close-on-exec pipes above the standard descriptors.

use std::io;
use std::os::fd::{FromRawFd, OwnedFd};

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
