//! Messages between an agent and its supervisor: one JSON document per `SOCK_SEQPACKET` packet; the sandbox's file descriptors travel with a spawn request as `SCM_RIGHTS`.

use serde::{Deserialize, Serialize};

/// Largest packet either side sends or accepts (a spawn request with a big environment).
pub const MAX_PACKET: usize = 2 << 20;

/// From the agent to its supervisor.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Request {
    Spawn(SpawnRequest),
    /// Signal the sandbox's process group (ignored once it was reaped).
    Signal {
        id: u64,
        signal: i32,
    },
    /// The lease the agent holds, on `CLOCK_BOOTTIME` (ns): SIGTERM to every sandbox at `term_at`,
    /// SIGKILL at `kill_at`, and no new sandbox from `term_at` on, unless a later lease arrives first.
    Lease {
        term_at: u64,
        kill_at: u64,
    },
}

/// How to start one sandbox process. The file descriptors sent with it become the child's fds
/// 1, 2, 3, … in order (stdin is `/dev/null`).
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct SpawnRequest {
    pub id: u64,
    pub run_id: String,
    /// Absolute path of the program to execute.
    pub program: String,
    pub argv: Vec<String>,
    /// `KEY=VALUE` entries: the whole environment.
    pub env: Vec<String>,
    pub cwd: String,
    /// Drop to this uid/gid (groups cleared) before exec. `None`: keep the supervisor's.
    pub uid: Option<u32>,
    pub gid: Option<u32>,
    /// `(resource, value)` pairs, soft = hard = min(value, current hard limit).
    pub rlimits: Vec<(i32, u64)>,
    pub no_new_privs: bool,
    /// Install the sandbox seccomp filter (see [`crate::executor::seccomp`]) before exec.
    pub seccomp: bool,
}

/// From the supervisor to the agent.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(tag = "ev", rename_all = "snake_case")]
pub enum Event {
    /// The supervisor is ready: it killed what an earlier supervisor of this state folder left
    /// and recorded itself there (so a later agent's claim finds and stops it). Sent once, first.
    Ready { pid: i32 },
    /// The program was executed; `pid` leads its own session and process group.
    Started { id: u64, pid: i32 },
    /// It never ran: `stage` names the step that failed (`exec`, `chdir`, `setuid`, `lease`…).
    SpawnFailed { id: u64, stage: String, errno: i32 },
    /// The process was reaped (`status` is the raw wait status) and what was left of its group was
    /// killed. `lease_expired`: the supervisor killed it because the agent's lease ran out.
    Exited {
        id: u64,
        status: i32,
        lease_expired: bool,
    },
}
