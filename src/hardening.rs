//! The agent's own process hygiene: it is non-dumpable (its `/proc/<pid>/{environ,mem,…}` are root's), and its initial environment never holds the Redis password: when the password came from `REDIS_PASSWORD`/`REDIS_PASS`, the process re-executes itself without those variables and reads the password from an inherited pipe (`--redis-password-file /dev/fd/N`), never from argv.

use std::ffi::OsString;
use std::io;
use std::os::unix::process::CommandExt;

/// Variables that may hold the Redis password.
pub const PASSWORD_VARS: [&str; 2] = ["REDIS_PASSWORD", "REDIS_PASS"];
/// Set in the re-executed process: the descriptor the password was read from (closed at start).
pub const PASSWORD_FD_VAR: &str = "TARTARUS_PASSWORD_FD";

/// Makes this process non-dumpable: no core dumps, and its `/proc` files (environ, mem, maps…)
/// become root's, so a process of the same uid cannot read them.
pub fn set_non_dumpable() {
    // SAFETY: a plain prctl.
    unsafe {
        libc::prctl(libc::PR_SET_DUMPABLE, 0 as libc::c_ulong);
    }
}

/// For long-running commands that start sandboxes (`agent run`, `up`). Makes the process
/// non-dumpable; when a password variable is in the environment, re-executes this program without
/// it (never returns then), handing the password over through a pipe unless
/// `--redis-password-file` was given. In the re-executed process, closes that pipe.
pub fn hide_password_from_environment() -> io::Result<()> {
    set_non_dumpable();
    if let Some(fd) = std::env::var(PASSWORD_FD_VAR)
        .ok()
        .and_then(|v| v.parse::<i32>().ok())
    {
        if fd > 2 {
            // SAFETY: closing the descriptor our previous image opened for us; the password was
            // already read through /dev/fd/N.
            unsafe {
                libc::close(fd);
            }
        }
    }
    let Some(value) = PASSWORD_VARS.iter().find_map(std::env::var_os) else {
        return Ok(());
    };
    let args: Vec<OsString> = std::env::args_os().skip(1).collect();
    let file_given = args.iter().any(|a| {
        a.to_str().is_some_and(|s| {
            s == "--redis-password-file" || s.starts_with("--redis-password-file=")
        })
    });
    let exe = std::env::current_exe()?;
    let mut cmd = std::process::Command::new(exe);
    for v in PASSWORD_VARS {
        cmd.env_remove(v);
    }
    if !file_given {
        let fd = password_pipe(value.as_encoded_bytes())?;
        cmd.arg("--redis-password-file")
            .arg(format!("/dev/fd/{fd}"))
            .env(PASSWORD_FD_VAR, fd.to_string());
    }
    cmd.args(args);
    tracing::debug!("re-executing without the Redis password in the environment");
    Err(cmd.exec())
}

/// A pipe holding `data`, write end closed; the read end is inherited across exec.
fn password_pipe(data: &[u8]) -> io::Result<i32> {
    let mut fds = [0 as libc::c_int; 2];
    // SAFETY: `fds` has room for two descriptors. No O_CLOEXEC on purpose: the read end must
    // survive the exec; the write end is closed below.
    if unsafe { libc::pipe(fds.as_mut_ptr()) } == -1 {
        return Err(io::Error::last_os_error());
    }
    let mut written = 0;
    while written < data.len() {
        // SAFETY: writing from `data` to our pipe (a password fits in the pipe buffer).
        let n = unsafe {
            libc::write(
                fds[1],
                data[written..].as_ptr().cast(),
                data.len() - written,
            )
        };
        if n <= 0 {
            let e = io::Error::last_os_error();
            // SAFETY: closing our own descriptors.
            unsafe {
                libc::close(fds[0]);
                libc::close(fds[1]);
            }
            return Err(e);
        }
        written += n as usize;
    }
    // SAFETY: closing our own write end; the reader sees end-of-file after the password.
    unsafe {
        libc::close(fds[1]);
    }
    Ok(fds[0])
}
