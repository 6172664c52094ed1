//! The agent's state on local disk: which agent owns the folder, its supervisor, and one record per running sandbox, so a restarted agent stops what its previous incarnation left behind.
//!
//! Layout of the state folder (0700, owned by the agent):
//! - `agent`: `<pid> <start time>` of the agent that claimed the folder;
//! - `supervisor`: the same for its supervisor process;
//! - `sandboxes`: a journal the supervisor appends to (no file is created per sandbox: creating and
//!   deleting inodes was the biggest cost per run): `+ <pid> <start time> <run id>` right after
//!   each fork, `- <pid>` once it is reaped; rewritten with only the live entries when it grows.
//!
//! A pid is only ever signalled when its start time (`/proc/<pid>/stat` field 22) still matches the
//! recorded one, so a pid reused by an unrelated process is left alone.

use std::io;
use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::procfs;

/// File naming the agent that owns the folder.
pub const AGENT_FILE: &str = "agent";
/// File naming the supervisor process.
pub const SUPERVISOR_FILE: &str = "supervisor";
/// The sandbox journal.
pub const SANDBOXES_FILE: &str = "sandboxes";

/// Why the state folder could not be claimed.
#[derive(Debug, thiserror::Error)]
pub enum StateError {
    #[error("state folder {path}: {source}")]
    Io { path: PathBuf, source: io::Error },
    #[error("state folder {path} belongs to a running agent (pid {pid}); give this agent its own --state-dir (or --work-dir)")]
    InUse { path: PathBuf, pid: i32 },
}

/// One recorded process.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProcessRecord {
    pub pid: i32,
    pub start_time: u64,
    /// The run, for sandbox records.
    pub run_id: Option<String>,
}

impl ProcessRecord {
    /// The record of a live process (its current start time), or `None` when it is gone.
    pub fn of(pid: i32, run_id: Option<&str>) -> Option<ProcessRecord> {
        Some(ProcessRecord {
            pid,
            start_time: procfs::start_time(pid)?,
            run_id: run_id.map(str::to_string),
        })
    }

    pub fn to_line(&self) -> String {
        match &self.run_id {
            Some(r) => format!("{} {} {r}\n", self.pid, self.start_time),
            None => format!("{} {}\n", self.pid, self.start_time),
        }
    }

    pub fn parse(text: &str) -> Option<ProcessRecord> {
        let mut it = text.split_whitespace();
        let pid: i32 = it.next()?.parse().ok()?;
        let start_time = it.next()?.parse().ok()?;
        (pid > 1).then(|| ProcessRecord {
            pid,
            start_time,
            run_id: it.next().map(str::to_string),
        })
    }

    /// True while the recorded process itself still runs (same pid and same start time).
    pub fn is_alive(&self) -> bool {
        procfs::start_time(self.pid) == Some(self.start_time)
    }
}

/// What [`StateDir::claim`] found and did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Leftovers {
    /// Processes of the previous incarnation that were still running and were killed.
    pub killed: Vec<ProcessRecord>,
    /// Records whose pid is gone or now belongs to another process (start time differs): left alone.
    pub stale: Vec<ProcessRecord>,
}

/// A claimed state folder.
#[derive(Clone, Debug)]
pub struct StateDir {
    path: PathBuf,
}

impl StateDir {
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Claims `path` for this process: refuses a folder whose recorded agent still runs, kills every
    /// recorded process of a previous incarnation that still runs (its supervisor first, then each
    /// sandbox's process group), and records this process as the owner.
    pub fn claim(path: &Path) -> Result<(StateDir, Leftovers), StateError> {
        let io_err = |source| StateError::Io {
            path: path.to_path_buf(),
            source,
        };
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(path)
            .map_err(io_err)?;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o700)).map_err(io_err)?;
        let me = std::process::id() as i32;
        if let Some(owner) = read_record(&path.join(AGENT_FILE)) {
            if owner.pid != me && owner.is_alive() {
                return Err(StateError::InUse {
                    path: path.to_path_buf(),
                    pid: owner.pid,
                });
            }
        }
        let mut left = Leftovers::default();
        // The supervisor first: once it is gone it cannot start anything new.
        if let Some(sup) = read_record(&path.join(SUPERVISOR_FILE)) {
            if sup.is_alive() {
                signal(sup.pid, libc::SIGKILL);
                left.killed.push(sup);
            } else {
                left.stale.push(sup);
            }
        }
        let journal = path.join(SANDBOXES_FILE);
        kill_recorded(&journal, &mut left);
        let removed = match std::fs::symlink_metadata(&journal) {
            // Not a journal (an older layout kept a folder here): nothing in it is trusted.
            Ok(m) if m.is_dir() => std::fs::remove_dir_all(&journal),
            _ => std::fs::remove_file(&journal),
        };
        match removed {
            Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(io_err(e)),
            _ => {}
        }
        wait_gone(&left.killed, Duration::from_secs(3));
        let own = ProcessRecord::of(me, None)
            .ok_or_else(|| io_err(io::Error::other("cannot read this process's start time")))?;
        write_record(&path.join(AGENT_FILE), &own).map_err(io_err)?;
        let _ = std::fs::remove_file(path.join(SUPERVISOR_FILE));
        Ok((
            StateDir {
                path: path.to_path_buf(),
            },
            left,
        ))
    }

    /// Forgets the owner (a clean stop); the folder stays.
    pub fn release(&self) {
        let _ = std::fs::remove_file(self.path.join(AGENT_FILE));
    }
}

/// Kills every sandbox the journal at `path` records as running whose pid still has the recorded
/// start time (with its process group); sorts the records into `left`. Never this process, its
/// process group or its parent, whatever the journal says.
pub fn kill_recorded(path: &Path, left: &mut Leftovers) {
    // SAFETY: getpid/getpgrp/getppid cannot fail.
    let (me, my_group, parent) = unsafe { (libc::getpid(), libc::getpgrp(), libc::getppid()) };
    for rec in read_journal(path) {
        if rec.pid == me || rec.pid == my_group || rec.pid == parent || !rec.is_alive() {
            left.stale.push(rec);
            continue;
        }
        // A sandbox leads its own process group (setsid): the group goes with it.
        signal(-rec.pid, libc::SIGKILL);
        signal(rec.pid, libc::SIGKILL);
        left.killed.push(rec);
    }
}

fn signal(pid: i32, sig: libc::c_int) {
    if pid == 0 || pid == -1 || pid == 1 {
        return;
    }
    // SAFETY: kill has no memory-safety preconditions.
    unsafe {
        libc::kill(pid, sig);
    }
}

/// Waits (bounded) until killed processes are gone or zombies.
fn wait_gone(killed: &[ProcessRecord], within: Duration) {
    let t = Instant::now();
    while killed.iter().any(|r| r.is_alive()) && t.elapsed() < within {
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// The sandboxes a journal says are running, in start order.
pub fn read_journal(path: &Path) -> Vec<ProcessRecord> {
    let Ok(text) = std::fs::read_to_string(path) else {
        return Vec::new();
    };
    let mut live: Vec<ProcessRecord> = Vec::new();
    for line in text.lines() {
        if let Some(rest) = line.strip_prefix("+ ") {
            if let Some(rec) = ProcessRecord::parse(rest) {
                live.retain(|r| r.pid != rec.pid);
                live.push(rec);
            }
        } else if let Some(pid) = line
            .strip_prefix("- ")
            .and_then(|p| p.trim().parse::<i32>().ok())
        {
            live.retain(|r| r.pid != pid);
        }
    }
    live
}

/// The supervisor's side of the sandbox journal.
pub struct Journal {
    path: PathBuf,
    file: std::fs::File,
    live: std::collections::HashMap<i32, ProcessRecord>,
    lines: usize,
}

impl Journal {
    /// Opens (creating) `<dir>/sandboxes` for appending.
    pub fn open(dir: &Path) -> io::Result<Journal> {
        let path = dir.join(SANDBOXES_FILE);
        let live: std::collections::HashMap<i32, ProcessRecord> = read_journal(&path)
            .into_iter()
            .map(|r| (r.pid, r))
            .collect();
        let file = open_append(&path)?;
        Ok(Journal {
            path,
            file,
            lines: live.len(),
            live,
        })
    }

    pub fn started(&mut self, rec: ProcessRecord) {
        self.append(&format!("+ {}", rec.to_line()));
        self.live.insert(rec.pid, rec);
    }

    pub fn ended(&mut self, pid: i32) {
        if self.live.remove(&pid).is_some() {
            self.append(&format!("- {pid}\n"));
        }
    }

    fn append(&mut self, line: &str) {
        use std::io::Write;
        let _ = self.file.write_all(line.as_bytes());
        self.lines += 1;
        if self.lines > 1024 + 4 * self.live.len() {
            let _ = self.compact();
        }
    }

    /// Rewrites the journal with only the live entries (new file, then rename).
    fn compact(&mut self) -> io::Result<()> {
        use std::io::Write;
        let tmp = self.path.with_extension("tmp");
        let mut text = String::new();
        for rec in self.live.values() {
            text.push_str(&format!("+ {}", rec.to_line()));
        }
        {
            let mut f = std::fs::OpenOptions::new()
                .write(true)
                .create(true)
                .truncate(true)
                .mode(0o600)
                .open(&tmp)?;
            f.write_all(text.as_bytes())?;
        }
        std::fs::rename(&tmp, &self.path)?;
        self.file = open_append(&self.path)?;
        self.lines = self.live.len();
        Ok(())
    }

    /// Removes the journal (nothing runs any more).
    pub fn remove(self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

fn open_append(path: &Path) -> io::Result<std::fs::File> {
    std::fs::OpenOptions::new()
        .append(true)
        .create(true)
        .mode(0o600)
        .open(path)
}

pub fn read_record(path: &Path) -> Option<ProcessRecord> {
    let text = std::fs::read_to_string(path).ok()?;
    ProcessRecord::parse(&text)
}

pub fn write_record(path: &Path, rec: &ProcessRecord) -> io::Result<()> {
    write_text(path, &rec.to_line())
}

/// Writes a small 0600 file of the state folder (never through a symlink).
pub fn write_text(path: &Path, text: &str) -> io::Result<()> {
    use std::io::Write;
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .custom_flags(libc::O_NOFOLLOW)
        .open(path)?;
    f.write_all(text.as_bytes())
}

use std::os::unix::fs::OpenOptionsExt;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_round_trip() {
        let r = ProcessRecord {
            pid: 42,
            start_time: 7,
            run_id: Some("01ABC".into()),
        };
        assert_eq!(ProcessRecord::parse(&r.to_line()), Some(r));
        assert_eq!(ProcessRecord::parse("1 5"), None, "pid 1 is never recorded");
        assert_eq!(ProcessRecord::parse("x 5"), None);
    }

    #[test]
    fn journal_keeps_the_live_entries_across_compactions() {
        let d = tempfile::tempdir().unwrap();
        let mut j = Journal::open(d.path()).unwrap();
        for pid in 2..3000 {
            j.started(ProcessRecord {
                pid,
                start_time: pid as u64,
                run_id: Some(format!("r{pid}")),
            });
            if pid % 10 != 0 {
                j.ended(pid);
            }
        }
        let mut live = read_journal(&d.path().join(SANDBOXES_FILE));
        live.sort_by_key(|r| r.pid);
        let pids: Vec<i32> = live.iter().map(|r| r.pid).collect();
        assert_eq!(pids, (10..3000).step_by(10).collect::<Vec<_>>());
        assert_eq!(live[0].run_id.as_deref(), Some("r10"));
        let size = std::fs::metadata(d.path().join(SANDBOXES_FILE))
            .unwrap()
            .len();
        assert!(size < 64 << 10, "compacted: {size} bytes");
    }
}
