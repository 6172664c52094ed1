//! The restart command of `verify persistence`: run with `sh -c` in a process group of its own,
//! bounded by `--restart-timeout`; when the wait ends without the command finishing (timeout, an
//! error, Ctrl-C/SIGTERM, or the wait being dropped) the whole group is killed — SIGTERM, then
//! SIGKILL after [`KILL_GRACE`] — so no leftover child can restart Redis during a later check.
//!
//! A command that finishes on its own (with any status) keeps whatever it started in the
//! background: `nohup redis-server … &` is a legitimate restart.

use std::os::fd::AsFd;
use std::process::Stdio;
use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};
use std::sync::Once;
use std::time::{Duration, Instant};

use super::PersistenceError;

/// How long the group has between SIGTERM and SIGKILL.
pub const KILL_GRACE: Duration = Duration::from_secs(2);

/// The process group of the restart command being waited for (0: none), for the signal watcher.
static LIVE_GROUP: AtomicI32 = AtomicI32::new(0);

/// Set by the signal watcher when it stopped a live restart command.
static INTERRUPTED: AtomicBool = AtomicBool::new(false);

/// Runs `cmd` with `sh -c`, its stdout sent to our stderr (stdout stays clean for `-o json`), no
/// pipes a daemon could keep open, in a new process group; waits at most `timeout`.
pub async fn run(cmd: &str, timeout: Duration) -> Result<(), PersistenceError> {
    let failed = PersistenceError::RestartFailed;
    let err_fd = std::io::stderr()
        .as_fd()
        .try_clone_to_owned()
        .map_err(|e| failed(format!("duplicating stderr for the restart command: {e}")))?;
    watch_signals();
    let mut child = tokio::process::Command::new("sh")
        .arg("-c")
        .arg(cmd)
        .stdin(Stdio::null())
        .stdout(Stdio::from(err_fd))
        .stderr(Stdio::inherit())
        .process_group(0)
        .spawn()
        .map_err(|e| failed(format!("starting the restart command with sh -c: {e}")))?;
    let pgid = child
        .id()
        .and_then(|id| i32::try_from(id).ok())
        .ok_or_else(|| failed("the restart command has no process id".into()))?;
    // Until disarmed, dropping this (an error, a cancelled wait) kills the group.
    let mut group = GroupGuard(Some(pgid));
    LIVE_GROUP.store(pgid, Ordering::SeqCst);
    let waited = tokio::time::timeout(timeout, child.wait()).await;
    LIVE_GROUP.store(0, Ordering::SeqCst);
    if INTERRUPTED.load(Ordering::SeqCst) {
        // The watcher began killing the group; see it through before the process may end.
        group.0 = None;
        terminate(pgid, &mut child).await;
        return Err(failed(
            "interrupted: the restart command was stopped with everything it started".into(),
        ));
    }
    match waited {
        Ok(Ok(status)) => {
            group.0 = None;
            if status.success() {
                Ok(())
            } else {
                Err(failed(format!(
                    "the restart command failed ({status}): the persistence check could not run"
                )))
            }
        }
        Ok(Err(e)) => Err(failed(format!("waiting for the restart command: {e}"))),
        Err(_) => {
            group.0 = None;
            terminate(pgid, &mut child).await;
            Err(failed(format!(
                "the restart command did not finish within {}; it was killed with everything \
                 it started (its process group)",
                crate::model::units::format_duration(timeout)
            )))
        }
    }
}

/// SIGTERM to the group, SIGKILL once [`KILL_GRACE`] has passed with any of it left; reaps `sh`.
async fn terminate(pgid: i32, child: &mut tokio::process::Child) {
    signal_group(pgid, libc::SIGTERM);
    let deadline = Instant::now() + KILL_GRACE;
    loop {
        let leader_gone = matches!(child.try_wait(), Ok(Some(_)) | Err(_));
        if leader_gone && !group_alive(pgid) {
            return;
        }
        if Instant::now() >= deadline {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    signal_group(pgid, libc::SIGKILL);
    let _ = child.wait().await;
}

/// The same, for the places that cannot wait (a drop, a signal): blocks up to [`KILL_GRACE`].
fn terminate_blocking(pgid: i32) {
    signal_group(pgid, libc::SIGTERM);
    let deadline = Instant::now() + KILL_GRACE;
    while group_alive(pgid) && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(50));
    }
    signal_group(pgid, libc::SIGKILL);
}

fn signal_group(pgid: i32, signal: libc::c_int) {
    if pgid > 1 {
        // SAFETY: kill(2) with a negative pid signals the process group; no memory is involved.
        unsafe { libc::kill(-pgid, signal) };
    }
}

/// True while any process (a zombie included) is in the group.
fn group_alive(pgid: i32) -> bool {
    // SAFETY: signal 0 only checks that the group exists.
    pgid > 1 && unsafe { libc::kill(-pgid, 0) } == 0
}

/// Kills the group when the wait is abandoned (an error or a dropped future).
struct GroupGuard(Option<i32>);

impl Drop for GroupGuard {
    fn drop(&mut self) {
        if let Some(pgid) = self.0.take() {
            LIVE_GROUP.store(0, Ordering::SeqCst);
            signal_group(pgid, libc::SIGTERM);
            // The SIGKILL after the grace, without blocking whoever dropped us.
            let _ = std::thread::Builder::new()
                .name("restart-group-kill".into())
                .spawn(move || terminate_blocking(pgid));
        }
    }
}

/// The restart command's group does not get the terminal's Ctrl-C: from the first restart on,
/// the first SIGINT or SIGTERM during a restart kills the group (SIGTERM, SIGKILL after the
/// grace) and lets the check end with its error (the canary is removed as on any failure); a
/// signal at any other time, or a second one, ends the process as the signal would have (exit
/// 130 or 143).
fn watch_signals() {
    static STARTED: Once = Once::new();
    STARTED.call_once(|| {
        use tokio::signal::unix::{signal, SignalKind};
        let (Ok(mut int), Ok(mut term)) = (
            signal(SignalKind::interrupt()),
            signal(SignalKind::terminate()),
        ) else {
            return;
        };
        tokio::spawn(async move {
            loop {
                let signo = tokio::select! {
                    _ = int.recv() => libc::SIGINT,
                    _ = term.recv() => libc::SIGTERM,
                };
                let pgid = LIVE_GROUP.swap(0, Ordering::SeqCst);
                if pgid > 0 && !INTERRUPTED.swap(true, Ordering::SeqCst) {
                    eprintln!(
                        "interrupted: stopping the restart command and everything it started \
                         (signal again to exit at once)"
                    );
                    std::thread::spawn(move || terminate_blocking(pgid));
                    continue;
                }
                std::process::exit(128 + signo);
            }
        });
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Dead, or a zombie waiting for init to reap it.
    fn gone(pid: i32) -> bool {
        match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
            Err(_) => true,
            Ok(stat) => stat
                .rsplit_once(')')
                .is_some_and(|(_, rest)| rest.trim_start().starts_with('Z')),
        }
    }

    fn read_pid(path: &std::path::Path) -> i32 {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            if let Some(pid) = std::fs::read_to_string(path)
                .ok()
                .and_then(|s| s.trim().parse().ok())
            {
                return pid;
            }
            assert!(Instant::now() < deadline, "no pid in {}", path.display());
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    #[tokio::test]
    async fn a_timeout_kills_the_grandchildren_too() {
        let d = tempfile::tempdir().unwrap();
        let pidfile = d.path().join("pid");
        // The grandchild ignores SIGTERM (inherited across exec): only the SIGKILL ends it.
        let cmd = format!(
            "trap '' TERM; sleep 77 & echo $! > {}; wait; echo late",
            pidfile.display()
        );
        let started = Instant::now();
        let err = run(&cmd, Duration::from_millis(1500)).await.unwrap_err();
        assert!(err.to_string().contains("did not finish within"), "{err}");
        let pid = read_pid(&pidfile);
        let deadline = Instant::now() + Duration::from_secs(30);
        while !gone(pid) {
            assert!(
                Instant::now() < deadline,
                "the grandchild sleep {pid} outlived the timeout"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        assert!(started.elapsed() < Duration::from_secs(60));
    }

    #[tokio::test]
    async fn a_dropped_wait_kills_the_group() {
        let d = tempfile::tempdir().unwrap();
        let pidfile = d.path().join("pid");
        let cmd = format!("sleep 77 & echo $! > {}; wait", pidfile.display());
        let waited =
            tokio::time::timeout(Duration::from_secs(1), run(&cmd, Duration::from_secs(600))).await;
        assert!(waited.is_err(), "the outer timeout dropped the wait");
        let pid = read_pid(&pidfile);
        let deadline = Instant::now() + Duration::from_secs(30);
        while !gone(pid) {
            assert!(
                Instant::now() < deadline,
                "sleep {pid} outlived the dropped wait"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    #[tokio::test]
    async fn a_finished_command_keeps_its_background_children() {
        let d = tempfile::tempdir().unwrap();
        let pidfile = d.path().join("pid");
        let cmd = format!("sleep 30 >/dev/null 2>&1 & echo $! > {}", pidfile.display());
        run(&cmd, Duration::from_secs(60)).await.unwrap();
        let pid = read_pid(&pidfile);
        std::thread::sleep(Duration::from_millis(300));
        assert!(!gone(pid), "a command that finished keeps what it started");
        // SAFETY: test cleanup of the sleep started above.
        unsafe { libc::kill(pid, libc::SIGKILL) };
        let failed = run("exit 3", Duration::from_secs(60)).await.unwrap_err();
        assert!(failed.to_string().contains("failed"), "{failed}");
    }
}
