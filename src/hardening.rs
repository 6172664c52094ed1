//! The agent's own process hygiene: it is non-dumpable (its `/proc/<pid>/{environ,mem,…}` are root's), and its initial environment never holds a Redis password: when the password (or the Sentinels' password) came from `REDIS_PASSWORD`/`REDIS_PASS` (`REDIS_SENTINEL_PASSWORD`), the process re-executes itself without those variables and reads the password from an inherited pipe (`--redis-password-file /dev/fd/N`, `--redis-sentinel-password-file /dev/fd/M`), never from argv.

use std::ffi::OsString;
use std::io;
use std::os::unix::process::CommandExt;

/// Variables that may hold the Redis password.
pub const PASSWORD_VARS: [&str; 2] = ["REDIS_PASSWORD", "REDIS_PASS"];
/// Variables that may hold the Sentinels' own password.
pub const SENTINEL_PASSWORD_VARS: [&str; 1] = ["REDIS_SENTINEL_PASSWORD"];
/// Set in the re-executed process: the descriptors the passwords were read from, comma-separated
/// (closed at start).
pub const PASSWORD_FD_VAR: &str = "TARTARUS_PASSWORD_FD";

/// Each secret the environment may carry: its variables and the file flag that replaces them.
const SECRETS: [(&[&str], &str); 2] = [
    (&PASSWORD_VARS, "--redis-password-file"),
    (&SENTINEL_PASSWORD_VARS, "--redis-sentinel-password-file"),
];

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
    if let Ok(list) = std::env::var(PASSWORD_FD_VAR) {
        for fd in list.split(',').filter_map(|v| v.trim().parse::<i32>().ok()) {
            if fd > 2 {
                // SAFETY: closing a descriptor our previous image opened for us; the password
                // was already read through /dev/fd/N.
                unsafe {
                    libc::close(fd);
                }
            }
        }
    }
    let found: Vec<(&str, std::ffi::OsString)> = SECRETS
        .iter()
        .filter_map(|(vars, flag)| vars.iter().find_map(std::env::var_os).map(|v| (*flag, v)))
        .collect();
    if found.is_empty() {
        return Ok(());
    }
    let args: Vec<OsString> = std::env::args_os().skip(1).collect();
    let given = |flag: &str| {
        args.iter().any(|a| {
            a.to_str()
                .is_some_and(|s| s == flag || s.starts_with(&format!("{flag}=")))
        })
    };
    let exe = std::env::current_exe()?;
    let mut cmd = std::process::Command::new(exe);
    for (vars, _) in SECRETS {
        for v in vars {
            cmd.env_remove(v);
        }
    }
    let mut fds = Vec::new();
    for (flag, value) in found {
        if given(flag) {
            continue;
        }
        let fd = password_pipe(value.as_encoded_bytes())?;
        cmd.arg(flag).arg(format!("/dev/fd/{fd}"));
        fds.push(fd.to_string());
    }
    if !fds.is_empty() {
        cmd.env(PASSWORD_FD_VAR, fds.join(","));
    }
    cmd.args(args);
    tracing::debug!("re-executing without the Redis passwords in the environment");
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
