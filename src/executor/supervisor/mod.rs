//! The per-agent sandbox supervisor: a separate small process (this binary, hidden subcommand
//! `__sandbox-supervisor`) that is the parent of every sandbox of one agent, and this module's
//! [`Supervisor`] handle the agent drives it with.
//!
//! Why a separate process: the lease must be enforced even when the agent cannot run (stopped,
//! wedged, swapped out), and sandboxes must die with the agent. The supervisor kills every sandbox
//! when the lease the agent keeps renewing runs out, and when its socket to the agent reaches
//! end-of-file (the agent exited or was killed). Forking from this small single-threaded process
//! is also cheaper than from the multi-threaded agent, and makes `PR_SET_PDEATHSIG` (set in each
//! child after its uid change) refer to a thread that lives as long as the supervisor.

mod child;
pub mod proto;
mod server;
mod sock;

use std::collections::HashMap;
use std::io;
use std::os::fd::{AsRawFd, OwnedFd, RawFd};
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use tokio::io::unix::AsyncFd;
use tokio::sync::mpsc;

pub use proto::{Event, SpawnRequest};
pub use server::boottime_ns;

/// How long a starting supervisor may take to say it is ready (a loaded machine execs slowly).
const READY_WITHIN: std::time::Duration = std::time::Duration::from_secs(30);

/// Waits (blocking, at most `within`) for the supervisor's [`Event::Ready`] on `sock`
/// (non-blocking). Until it arrives the supervisor may still be killing an earlier
/// incarnation's sandboxes, so nothing may be started, and the state folder may not be given up.
fn wait_ready(sock: RawFd, within: std::time::Duration) -> io::Result<()> {
    let deadline = std::time::Instant::now() + within;
    let mut buf = vec![0u8; 4096];
    loop {
        match sock::recv(sock, &mut buf)? {
            Some((0, _)) => {
                return Err(io::Error::other(
                    "it exited while starting (its error is on the agent's standard error)",
                ))
            }
            Some((n, _)) => match serde_json::from_slice::<Event>(&buf[..n]) {
                Ok(Event::Ready { .. }) => return Ok(()),
                _ => return Err(io::Error::other("it sent something else than ready first")),
            },
            None => {}
        }
        let left = deadline.saturating_duration_since(std::time::Instant::now());
        if left.is_zero() {
            return Err(io::Error::new(
                io::ErrorKind::TimedOut,
                format!("it did not say it was ready within {} s", within.as_secs()),
            ));
        }
        let mut pfd = libc::pollfd {
            fd: sock,
            events: libc::POLLIN,
            revents: 0,
        };
        // SAFETY: one pollfd on our own socket; the timeout is bounded by `within`.
        let rc = unsafe { libc::poll(&mut pfd, 1, left.as_millis().min(i32::MAX as u128) as i32) };
        if rc == -1 {
            let e = io::Error::last_os_error();
            if e.kind() != io::ErrorKind::Interrupted {
                return Err(e);
            }
        }
    }
}

/// The hidden subcommand that runs the supervisor.
pub const SUBCOMMAND: &str = "__sandbox-supervisor";
/// The supervisor's end of the socket.
const CONTROL_FD: RawFd = 3;

/// Runs the supervisor when this process was started as one (`argv[1]` is [`SUBCOMMAND`]);
/// `None` otherwise. Call first thing in `main`, before any thread exists.
pub fn main_if_requested() -> Option<u8> {
    let mut args = std::env::args_os();
    if args.nth(1).as_deref() != Some(std::ffi::OsStr::new(SUBCOMMAND)) {
        return None;
    }
    let Some(state_dir) = args.next() else {
        eprintln!("{SUBCOMMAND}: missing the state folder");
        return Some(crate::exit::USAGE);
    };
    let cgroup = args.next().map(std::path::PathBuf::from);
    match server::run(Path::new(&state_dir), cgroup) {
        Ok(()) => Some(crate::exit::OK),
        Err(e) => {
            eprintln!("tartarus sandbox supervisor: {e}");
            Some(crate::exit::FAILURE)
        }
    }
}

/// Why a sandbox could not be started by the supervisor.
#[derive(Debug, thiserror::Error)]
pub enum SpawnError {
    #[error("the sandbox supervisor is gone")]
    SupervisorGone,
    #[error("the agent's lease on its node has run out; no sandbox starts until it is renewed")]
    LeaseLapsed,
    #[error("{stage}: {source}")]
    Failed { stage: String, source: io::Error },
    #[error("talking to the sandbox supervisor: {0}")]
    Io(#[from] io::Error),
}

struct Shared {
    fd: AsyncFd<OwnedFd>,
    send_lock: tokio::sync::Mutex<()>,
    routes: Mutex<HashMap<u64, mpsc::UnboundedSender<Event>>>,
    next_id: AtomicU64,
    closed: AtomicBool,
    pid: u32,
}

/// The agent's handle on its supervisor. Dropping it shuts the socket: the supervisor then kills
/// whatever still runs and exits.
pub struct Supervisor {
    shared: Arc<Shared>,
    child: Mutex<Option<tokio::process::Child>>,
}

/// A started sandbox: its pid, and the supervisor's later events about it.
pub struct Spawned {
    pub id: u64,
    pub pid: i32,
    events: mpsc::UnboundedReceiver<Event>,
    shared: Arc<Shared>,
}

/// How a sandbox ended, as the supervisor saw it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ended {
    /// Reaped with this raw wait status; `lease_expired` when the supervisor killed it.
    Exited { status: i32, lease_expired: bool },
    /// The supervisor died (it takes its sandboxes with it).
    SupervisorGone,
}

impl Spawned {
    /// Waits for the sandbox to end.
    pub async fn wait(&mut self) -> Ended {
        while let Some(ev) = self.events.recv().await {
            if let Event::Exited {
                status,
                lease_expired,
                ..
            } = ev
            {
                return Ended::Exited {
                    status,
                    lease_expired,
                };
            }
        }
        Ended::SupervisorGone
    }

    /// Signals the sandbox's process group (a no-op once it was reaped). Never blocks.
    pub fn signal(&self, sig: libc::c_int) {
        let req = proto::Request::Signal {
            id: self.id,
            signal: sig,
        };
        if let Ok(bytes) = serde_json::to_vec(&req) {
            let _ = sock::send(self.shared.fd.get_ref().as_raw_fd(), &bytes, &[]);
        }
    }
}

impl Drop for Spawned {
    fn drop(&mut self) {
        if let Ok(mut routes) = self.shared.routes.lock() {
            routes.remove(&self.id);
        }
    }
}

impl Supervisor {
    /// Starts `exe __sandbox-supervisor <state_dir> [<cgroup parent>]` with an empty environment.
    /// With a cgroup parent (see [`crate::executor::cgroup`]), each sandbox gets a cgroup of its
    /// own there.
    pub fn start(exe: &Path, state_dir: &Path, cgroup: Option<&Path>) -> io::Result<Supervisor> {
        let (ours, theirs) = sock::pair()?;
        let theirs_fd = theirs.as_raw_fd();
        let mut cmd = tokio::process::Command::new(exe);
        cmd.arg(SUBCOMMAND).arg(state_dir);
        if let Some(c) = cgroup {
            cmd.arg(c);
        }
        cmd.env_clear()
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .kill_on_drop(false);
        // SAFETY: dup2 only; it clears close-on-exec on fd 3.
        unsafe {
            cmd.pre_exec(move || {
                if libc::dup2(theirs_fd, CONTROL_FD) == -1 {
                    return Err(io::Error::last_os_error());
                }
                Ok(())
            });
        }
        let mut child = cmd.spawn()?;
        drop(theirs);
        sock::set_nonblocking(ours.as_raw_fd())?;
        if let Err(e) = wait_ready(ours.as_raw_fd(), READY_WITHIN) {
            let _ = child.start_kill();
            return Err(e);
        }
        let shared = Arc::new(Shared {
            // SAFETY: `ours` is an open socket owned by the AsyncFd for its whole life.
            fd: unsafe { AsyncFd::register(ours) }?,
            send_lock: tokio::sync::Mutex::new(()),
            routes: Mutex::new(HashMap::new()),
            next_id: AtomicU64::new(1),
            closed: AtomicBool::new(false),
            pid: child.id().unwrap_or(0),
        });
        tokio::spawn(read_events(shared.clone()));
        Ok(Supervisor {
            shared,
            child: Mutex::new(Some(child)),
        })
    }

    pub fn pid(&self) -> u32 {
        self.shared.pid
    }

    /// False once the supervisor's socket closed (it died).
    pub fn is_alive(&self) -> bool {
        !self.shared.closed.load(Ordering::SeqCst)
    }

    /// Starts a sandbox. `fds` become its descriptors 1, 2, 3… (see [`SpawnRequest`]).
    pub async fn spawn(&self, mut req: SpawnRequest, fds: &[RawFd]) -> Result<Spawned, SpawnError> {
        let id = self.shared.next_id.fetch_add(1, Ordering::SeqCst);
        req.id = id;
        let (tx, mut rx) = mpsc::unbounded_channel();
        self.shared
            .routes
            .lock()
            .map_err(|_| SpawnError::SupervisorGone)?
            .insert(id, tx);
        let mut spawned = Spawned {
            id,
            pid: 0,
            events: mpsc::unbounded_channel().1,
            shared: self.shared.clone(),
        };
        self.send(&proto::Request::Spawn(req), fds).await?;
        match rx.recv().await {
            Some(Event::Started { pid, .. }) => {
                spawned.pid = pid;
                spawned.events = rx;
                Ok(spawned)
            }
            Some(Event::SpawnFailed { stage, errno, .. }) if stage == "lease" && errno == 0 => {
                Err(SpawnError::LeaseLapsed)
            }
            Some(Event::SpawnFailed { stage, errno, .. }) => Err(SpawnError::Failed {
                stage,
                source: io::Error::from_raw_os_error(errno),
            }),
            _ => Err(SpawnError::SupervisorGone),
        }
    }

    /// Renews the lease: SIGTERM to every sandbox at `term_at`, SIGKILL at `kill_at`
    /// (`CLOCK_BOOTTIME` ns, see [`boottime_ns`]).
    pub async fn renew_lease(&self, term_at: u64, kill_at: u64) -> Result<(), SpawnError> {
        self.send(&proto::Request::Lease { term_at, kill_at }, &[])
            .await
    }

    async fn send(&self, req: &proto::Request, fds: &[RawFd]) -> Result<(), SpawnError> {
        let bytes = serde_json::to_vec(req).map_err(io::Error::other)?;
        if bytes.len() > proto::MAX_PACKET {
            return Err(SpawnError::Io(io::Error::other(format!(
                "request of {} bytes is larger than the {} bytes allowed (environment or command too big)",
                bytes.len(),
                proto::MAX_PACKET
            ))));
        }
        let _guard = self.shared.send_lock.lock().await;
        loop {
            if !self.is_alive() {
                return Err(SpawnError::SupervisorGone);
            }
            let mut ready = self.shared.fd.writable().await?;
            match sock::send(self.shared.fd.get_ref().as_raw_fd(), &bytes, fds) {
                Ok(true) => return Ok(()),
                Ok(false) => ready.clear_ready(),
                Err(e) if e.raw_os_error() == Some(libc::EPIPE) => {
                    return Err(SpawnError::SupervisorGone)
                }
                Err(e) => return Err(e.into()),
            }
        }
    }
}

impl Drop for Supervisor {
    fn drop(&mut self) {
        // SAFETY: shutdown on our socket; the supervisor sees end-of-file and cleans up.
        unsafe {
            libc::shutdown(self.shared.fd.get_ref().as_raw_fd(), libc::SHUT_RDWR);
        }
        // tokio reaps a dropped child in the background.
        if let Ok(mut c) = self.child.lock() {
            c.take();
        }
    }
}

async fn read_events(shared: Arc<Shared>) {
    let mut buf = vec![0u8; 64 << 10];
    loop {
        let Ok(mut ready) = shared.fd.readable().await else {
            break;
        };
        match sock::recv(shared.fd.get_ref().as_raw_fd(), &mut buf) {
            Ok(None) => ready.clear_ready(),
            Ok(Some((0, _))) => break,
            Ok(Some((n, _))) => {
                let Ok(ev) = serde_json::from_slice::<Event>(&buf[..n]) else {
                    continue;
                };
                let id = match &ev {
                    Event::Ready { .. } => continue,
                    Event::Started { id, .. }
                    | Event::SpawnFailed { id, .. }
                    | Event::Exited { id, .. } => *id,
                };
                if let Ok(routes) = shared.routes.lock() {
                    if let Some(tx) = routes.get(&id) {
                        let _ = tx.send(ev);
                    }
                }
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(_) => break,
        }
    }
    shared.closed.store(true, Ordering::SeqCst);
    if let Ok(mut routes) = shared.routes.lock() {
        routes.clear();
    }
}
