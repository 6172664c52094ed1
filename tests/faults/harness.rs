//! The fault-injection harness: a real redis-server, `scheduler run` and `agent run` processes that can be killed, stopped and restarted, a workload of sandboxes that record every execution, and the checks and figures of the fault suite.
//!
//! Each sandbox of the workload appends `start`, `tick` and `end` lines (run id, attempt, wall
//! clock ns) to one shared file with `O_APPEND`, and holds an exclusive `flock` on a file named
//! after its run while it runs: a second execution of the same run while the first is alive
//! cannot take the lock and records `overlap` — an exact detector of concurrent duplicates,
//! next to the interval check.

use std::collections::BTreeMap;
use std::fs::OpenOptions;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use crate::support::{RedisServer, ServerOptions};

/// xorshift64*: seeded, so a failing run can be replayed with `TARTARUS_FAULTS_SEED`.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }
    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    /// Uniform duration in `[lo, hi]`.
    pub fn between(&mut self, lo: Duration, hi: Duration) -> Duration {
        let span = hi.saturating_sub(lo).as_millis() as u64;
        lo + Duration::from_millis(self.below(span + 1))
    }
}

pub fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

/// One `tartarus` long-running process (an agent or a scheduler), restartable with the same
/// arguments; its output goes to a log file kept for failure reports.
pub struct Service {
    pub name: String,
    args: Vec<String>,
    log: PathBuf,
    child: Option<Child>,
    stopped: bool,
}

impl Service {
    fn new(name: &str, args: Vec<String>, logs: &Path) -> Service {
        Service {
            name: name.to_string(),
            args,
            log: logs.join(format!("{name}.log")),
            child: None,
            stopped: false,
        }
    }

    pub fn start(&mut self, redis_addr: &str) {
        let log = OpenOptions::new()
            .create(true)
            .append(true)
            .open(&self.log)
            .expect("service log");
        let child = Command::new(env!("CARGO_BIN_EXE_tartarus"))
            .env("REDIS_ADDR", redis_addr)
            .env("NO_COLOR", "1")
            .env_remove("HADES_LABEL")
            .env_remove("REDIS_PASSWORD")
            .args(&self.args)
            .stdin(Stdio::null())
            .stdout(log.try_clone().expect("log"))
            .stderr(log)
            .spawn()
            .expect("spawn tartarus");
        self.child = Some(child);
        self.stopped = false;
    }

    pub fn pid(&self) -> Option<i32> {
        self.child.as_ref().map(|c| c.id() as i32)
    }

    pub fn is_up(&self) -> bool {
        self.child.is_some() && !self.stopped
    }

    /// `kill -9`, and reap it.
    pub fn kill9(&mut self) {
        if let Some(mut c) = self.child.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
        self.stopped = false;
    }

    pub fn sigstop(&mut self) {
        if let Some(pid) = self.pid() {
            unsafe { libc::kill(pid, libc::SIGSTOP) };
            self.stopped = true;
        }
    }

    pub fn sigcont(&mut self) {
        if let Some(pid) = self.pid() {
            unsafe { libc::kill(pid, libc::SIGCONT) };
        }
        self.stopped = false;
    }

    /// True when the process exited by itself (it must not: agents and schedulers outlive every
    /// fault).
    pub fn exited(&mut self) -> Option<std::process::ExitStatus> {
        self.child
            .as_mut()
            .and_then(|c| c.try_wait().ok().flatten())
    }

    /// The last lines of its log.
    pub fn log_tail(&self, lines: usize) -> String {
        let text = std::fs::read_to_string(&self.log).unwrap_or_default();
        let all: Vec<&str> = text.lines().collect();
        all[all.len().saturating_sub(lines)..].join("\n")
    }
}

impl Drop for Service {
    fn drop(&mut self) {
        self.sigcont();
        self.kill9();
    }
}

/// The shape of a cluster under test.
#[derive(Clone, Debug)]
pub struct Shape {
    pub agents: usize,
    pub slots: u32,
    pub schedulers: usize,
    pub ttl: Duration,
    /// Keys `DEBUG POPULATE`d (and rewritten into the AOF) so that a restarted Redis stays
    /// `LOADING` for a few seconds.
    pub ballast_keys: u64,
}

/// Redis (`appendfsync always`), schedulers and agents, and the folder the sandboxes record in.
pub struct Cluster {
    pub redis: RedisServer,
    pub shape: Shape,
    pub agents: Vec<Service>,
    pub schedulers: Vec<Service>,
    /// Where sandboxes record (0777, under a 0711 root: sandboxes run as uid 100000+ as root).
    pub rec: PathBuf,
    /// Holds every folder of the cluster (removed when the cluster is dropped).
    _root: tempfile::TempDir,
}

/// Workload sandboxes are allowed; bulk documents are denied by this policy at once, so a big
/// bulk submit costs Redis and the scheduler, not thousands of sandboxes.
const DENY_BULK: &str = "apiVersion: themis.tartarus.io/v1\nkind: Policy\nmetadata: {name: faults-bulk}\nspec:\n  mode: enforce\n  rules:\n    - name: deny-bulk\n      when:\n        labels: {faults: {equals: bulk}}\n      verdict: deny\n      message: bulk submit load, never run\n";

impl Cluster {
    pub fn start(shape: Shape) -> Cluster {
        let redis = RedisServer::start_with(
            ServerOptions::aof("always").with("enable-debug-command", "local"),
        );
        let root = tempfile::Builder::new()
            .prefix("tartarus-faults-")
            .tempdir()
            .expect("tempdir");
        std::fs::set_permissions(root.path(), std::fs::Permissions::from_mode(0o711)).unwrap();
        let rec = root.path().join("rec");
        for d in [rec.clone(), rec.join("locks")] {
            std::fs::create_dir_all(&d).unwrap();
            std::fs::set_permissions(&d, std::fs::Permissions::from_mode(0o777)).unwrap();
        }
        let logs = root.path().join("logs");
        std::fs::create_dir_all(&logs).unwrap();
        let ttl = format!("{}ms", shape.ttl.as_millis());
        let agents = (0..shape.agents)
            .map(|i| {
                let name = format!("a{i}");
                let dir = root.path().join(&name);
                let args: Vec<String> = [
                    "agent",
                    "run",
                    "--name",
                    &name,
                    "--ttl",
                    &ttl,
                    "--poll",
                    "50ms",
                    "--slots",
                    &shape.slots.to_string(),
                    "--max-attempts",
                    "10",
                    "--uid-base",
                    &(100_000 + 100 * i as u32).to_string(),
                    "--work-dir",
                    &dir.join("work").display().to_string(),
                    "--log-dir",
                    &dir.join("logs").display().to_string(),
                    "--state-dir",
                    &dir.join("state").display().to_string(),
                ]
                .iter()
                .map(|s| s.to_string())
                .collect();
                Service::new(&name, args, &logs)
            })
            .collect();
        let schedulers = (0..shape.schedulers)
            .map(|i| {
                let args = ["scheduler", "run", "--lease", "5s", "--max-attempts", "10"]
                    .iter()
                    .map(|s| s.to_string())
                    .collect();
                Service::new(&format!("s{i}"), args, &logs)
            })
            .collect();
        let mut c = Cluster {
            redis,
            shape,
            agents,
            schedulers,
            rec,
            _root: root,
        };
        c.ballast();
        c.cli_ok(&["policy", "apply", "-f", "-"], DENY_BULK);
        let addr = c.redis.host_port();
        for s in c.schedulers.iter_mut().chain(c.agents.iter_mut()) {
            s.start(&addr);
        }
        c
    }

    /// Fills Redis with keys outside tartarus's namespace and rewrites the AOF, so that every
    /// restart loads them first (`LOADING` for a few seconds).
    fn ballast(&mut self) {
        if self.shape.ballast_keys == 0 {
            return;
        }
        let mut c = self.redis.conn();
        let _: () = redis::cmd("DEBUG")
            .arg("POPULATE")
            .arg(self.shape.ballast_keys)
            .arg("faults:ballast")
            .arg(16)
            .query(&mut c)
            .expect("DEBUG POPULATE");
        let _: String = redis::cmd("BGREWRITEAOF")
            .query(&mut c)
            .expect("BGREWRITEAOF");
        let t = Instant::now();
        loop {
            let info: String = redis::cmd("INFO").arg("persistence").query(&mut c).unwrap();
            if info.contains("aof_rewrite_in_progress:0")
                && info.contains("aof_rewrite_scheduled:0")
            {
                break;
            }
            assert!(
                t.elapsed() < Duration::from_secs(120),
                "AOF rewrite too slow"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// `tartarus ARGS` against this Redis with `stdin`; the output, whatever the exit code.
    pub fn cli(&self, args: &[&str], stdin: &str) -> std::process::Output {
        let mut child = Command::new(env!("CARGO_BIN_EXE_tartarus"))
            .env("REDIS_ADDR", self.redis.host_port())
            .env("NO_COLOR", "1")
            .env_remove("REDIS_PASSWORD")
            .arg("-q")
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn tartarus");
        if let Some(mut input) = child.stdin.take() {
            use std::io::Write;
            let _ = input.write_all(stdin.as_bytes());
        }
        child.wait_with_output().expect("tartarus output")
    }

    fn cli_ok(&self, args: &[&str], stdin: &str) {
        let out = self.cli(args, stdin);
        assert!(
            out.status.success(),
            "tartarus {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    /// Restarts whatever is stopped or dead (the end of the fault phase).
    pub fn heal(&mut self) {
        let addr = self.redis.host_port();
        for s in self.agents.iter_mut().chain(self.schedulers.iter_mut()) {
            if s.stopped {
                s.sigcont();
            }
            if s.child.is_none() {
                s.start(&addr);
            }
        }
    }

    /// Every agent and scheduler that should be running still runs: none exited on a fault.
    pub fn assert_services_alive(&mut self) {
        for s in self.agents.iter_mut().chain(self.schedulers.iter_mut()) {
            if let Some(status) = s.exited() {
                panic!(
                    "{} exited by itself ({status}); its log ends with:\n{}",
                    s.name,
                    s.log_tail(40)
                );
            }
        }
    }

    /// The tails of every service log (for a failure report).
    pub fn logs(&self) -> String {
        self.agents
            .iter()
            .chain(&self.schedulers)
            .map(|s| format!("--- {} ---\n{}\n", s.name, s.log_tail(25)))
            .collect()
    }
}

/// What a workload document becomes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A sandbox that records its execution.
    Work,
    /// A bulk-submitted document, denied by policy at once.
    Bulk,
}

/// Acknowledged submissions: run id → kind. Shared with the submitter thread.
pub type Acknowledged = Arc<Mutex<BTreeMap<String, Kind>>>;

/// `count` recording sandboxes (each 0.5 to 3 s), YAML.
pub fn work_docs(rec: &Path, batch: u64, count: usize, rng: &mut Rng) -> String {
    let mut out = String::new();
    for i in 0..count {
        let ticks = 2 + rng.below(11);
        let script = format!(
            "umask 0; r=$TARTARUS_RUN_ID; a=$TARTARUS_ATTEMPT; f={rec}/log; exec 9>>{rec}/locks/$r; \
             if ! flock -n 9; then echo \"overlap $r $a $(date +%s%N)\" >>$f; exit 3; fi; \
             echo \"start $r $a $(date +%s%N)\" >>$f; n={ticks}; \
             while [ $n -gt 0 ]; do sleep 0.25; echo \"tick $r $a $(date +%s%N)\" >>$f; n=$((n-1)); done; \
             echo \"end $r $a $(date +%s%N)\" >>$f",
            rec = rec.display()
        );
        out.push_str(&format!(
            "---\nmetadata: {{name: w{batch}-{i}, labels: {{faults: work}}}}\nspec:\n  image: local\n  command: [sh, -c, {}]\n  resources: {{cpu: 100m, memory: 64Mi}}\n  timeout: 2m\n",
            serde_json::to_string(&script).unwrap()
        ));
    }
    out
}

/// `count` bulk documents (denied by policy), YAML.
pub fn bulk_docs(batch: u64, count: usize) -> String {
    (0..count)
        .map(|i| {
            format!("---\nmetadata: {{name: b{batch}-{i}, labels: {{faults: bulk}}}}\nspec:\n  image: local\n  command: [echo, \"{batch}-{i}\"]\n")
        })
        .collect()
}

/// Submits `yaml` with idempotency keys `prefix<index>`; records every committed id (also from
/// a submit that stopped early). True when every document was committed.
pub fn submit_keyed(
    cluster_addr: &str,
    yaml: &str,
    prefix: &str,
    kind: Kind,
    acked: &Acknowledged,
) -> bool {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tartarus"))
        .env("REDIS_ADDR", cluster_addr)
        .env("NO_COLOR", "1")
        .args(["-q", "sandbox", "submit", "-o", "json", "-f", "-"])
        .args(["--idempotency-key", prefix])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn submit");
    if let Some(mut input) = child.stdin.take() {
        use std::io::Write;
        let _ = input.write_all(yaml.as_bytes());
    }
    let out = child.wait_with_output().expect("submit output");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
    if let Some(items) = v["items"].as_array() {
        let mut a = acked.lock().unwrap();
        for d in items {
            if let Some(id) = d["id"].as_str() {
                a.insert(id.to_string(), kind);
            }
        }
    }
    if !out.status.success() {
        let err = String::from_utf8_lossy(&out.stderr);
        eprintln!(
            "submit {prefix} exited {:?}: {}",
            out.status.code(),
            err.chars().take(600).collect::<String>()
        );
    }
    out.status.success()
}

/// One line of the record file.
#[derive(Clone, Debug)]
struct Line {
    what: String,
    run: String,
    attempt: u32,
    at_ns: i128,
}

/// One execution of a run, from its record lines.
#[derive(Clone, Debug, Default)]
pub struct Execution {
    pub attempt: u32,
    pub start_ms: i64,
    /// The last sign of life (tick or end).
    pub last_ms: i64,
    pub ended: bool,
}

/// Every execution recorded, by run; and the runs whose second execution found the first one's
/// lock held.
pub struct Records {
    pub by_run: BTreeMap<String, Vec<Execution>>,
    pub overlaps: Vec<String>,
}

impl Records {
    pub fn read(rec: &Path) -> Records {
        let text = std::fs::read_to_string(rec.join("log")).unwrap_or_default();
        let mut by_run: BTreeMap<String, Vec<Execution>> = BTreeMap::new();
        let mut overlaps = Vec::new();
        for l in text.lines().filter_map(parse_line) {
            let ms = (l.at_ns / 1_000_000) as i64;
            let execs = by_run.entry(l.run.clone()).or_default();
            match l.what.as_str() {
                "overlap" => overlaps.push(format!("{} attempt {}", l.run, l.attempt)),
                "start" => execs.push(Execution {
                    attempt: l.attempt,
                    start_ms: ms,
                    last_ms: ms,
                    ended: false,
                }),
                other => {
                    if let Some(e) = execs.iter_mut().rev().find(|e| e.attempt == l.attempt) {
                        e.last_ms = e.last_ms.max(ms);
                        e.ended |= other == "end";
                    }
                }
            }
        }
        Records { by_run, overlaps }
    }

    /// Pairs of executions of one run, under different attempts, whose recorded lives overlap.
    pub fn interval_overlaps(&self) -> Vec<String> {
        let mut out = Vec::new();
        for (run, execs) in &self.by_run {
            for (i, a) in execs.iter().enumerate() {
                for b in &execs[i + 1..] {
                    if a.start_ms <= b.last_ms && b.start_ms <= a.last_ms {
                        out.push(format!(
                            "run {run}: attempt {} [{}, {}] and attempt {} [{}, {}]",
                            a.attempt, a.start_ms, a.last_ms, b.attempt, b.start_ms, b.last_ms
                        ));
                    }
                }
            }
        }
        out
    }

    pub fn executions(&self) -> usize {
        self.by_run.values().map(Vec::len).sum()
    }
}

fn parse_line(s: &str) -> Option<Line> {
    let mut p = s.split_whitespace();
    Some(Line {
        what: p.next()?.to_string(),
        run: p.next()?.to_string(),
        attempt: p.next()?.parse().ok()?,
        at_ns: p.next()?.parse().ok()?,
    })
}

/// A run as read from Redis for the checks.
#[derive(Clone, Debug)]
pub struct Stored {
    pub state: Option<String>,
    pub finished_at: Option<i64>,
    /// State indexes that list it.
    pub indexes: Vec<String>,
}

const STATES: [&str; 13] = [
    "queued",
    "admitted",
    "pending",
    "scheduled",
    "running",
    "succeeded",
    "failed",
    "timed_out",
    "cancelled",
    "denied",
    "rejected",
    "lost",
    "dead",
];

pub fn is_terminal(state: &str) -> bool {
    matches!(
        state,
        "succeeded" | "failed" | "timed_out" | "cancelled" | "denied" | "rejected" | "dead"
    )
}

/// The acknowledged runs' states and index memberships, read in one MULTI (a consistent
/// snapshot while the cluster keeps working).
pub fn snapshot(redis: &RedisServer, ids: &[String]) -> BTreeMap<String, Stored> {
    let mut c = redis.conn();
    let mut p = redis::pipe();
    p.atomic();
    for s in STATES {
        p.cmd("ZRANGE")
            .arg(format!("tartarus:{{default}}:runs:{s}"))
            .arg(0)
            .arg(-1);
    }
    for id in ids {
        p.cmd("HMGET")
            .arg(format!("tartarus:{{default}}:run:{id}"))
            .arg("state")
            .arg("finished_at");
    }
    let v: Vec<redis::Value> = p.query(&mut c).expect("snapshot");
    let mut index_of: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (s, members) in STATES.iter().zip(&v) {
        let members: Vec<String> = redis::from_redis_value(members.clone()).unwrap_or_default();
        for m in members {
            index_of.entry(m).or_default().push(s.to_string());
        }
    }
    ids.iter()
        .zip(&v[STATES.len()..])
        .map(|(id, h)| {
            let (state, finished): (Option<String>, Option<String>) =
                redis::from_redis_value(h.clone()).unwrap_or((None, None));
            (
                id.clone(),
                Stored {
                    state,
                    finished_at: finished.and_then(|f| f.parse().ok()),
                    indexes: index_of.remove(id).unwrap_or_default(),
                },
            )
        })
        .collect()
}

/// The node's last recorded heartbeat (Unix ms), if Redis answers within half a second.
pub fn last_heartbeat(redis: &RedisServer, node: &str) -> Option<i64> {
    let mut c = redis
        .client()
        .get_connection_with_timeout(Duration::from_millis(500))
        .ok()?;
    c.set_read_timeout(Some(Duration::from_millis(500))).ok()?;
    redis::cmd("HGET")
        .arg(format!("tartarus:{{default}}:node:{node}"))
        .arg("last_heartbeat")
        .query::<Option<i64>>(&mut c)
        .ok()
        .flatten()
}

/// A run's recovery events (`to: lost`): when, on which node, why.
pub fn lost_events(redis: &RedisServer, id: &str) -> Vec<(i64, String, String)> {
    history(redis, id)
        .into_iter()
        .filter(|e| e["to"] == "lost")
        .map(|e| {
            (
                e["at"].as_i64().unwrap_or(0),
                e["node"].as_str().unwrap_or("").to_string(),
                e["message"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

/// A run's history as stored, oldest first: the entries of the list older versions kept, then
/// the `@<n>` fields of its hash in the order of n (schema 4).
pub fn history(redis: &RedisServer, id: &str) -> Vec<serde_json::Value> {
    let mut c = redis.conn();
    let list: Vec<String> = redis::cmd("LRANGE")
        .arg(format!("tartarus:{{default}}:run:{id}:events"))
        .arg(0)
        .arg(-1)
        .query(&mut c)
        .unwrap_or_default();
    let hash: BTreeMap<String, String> = redis::cmd("HGETALL")
        .arg(format!("tartarus:{{default}}:run:{id}"))
        .query(&mut c)
        .unwrap_or_default();
    let mut numbered: Vec<(u64, &String)> = hash
        .iter()
        .filter_map(|(k, v)| Some((k.strip_prefix('@')?.parse().ok()?, v)))
        .collect();
    numbered.sort_unstable_by_key(|(n, _)| *n);
    list.iter()
        .chain(numbered.into_iter().map(|(_, v)| v))
        .filter_map(|e| serde_json::from_str::<serde_json::Value>(e).ok())
        .collect()
}

/// A run's executions and history, for a report.
fn example(redis: &RedisServer, id: &str, execs: &[Execution]) -> String {
    let mut out = format!("    run {id}\n");
    for e in execs {
        out.push_str(&format!(
            "    execution: attempt {} from {} to {} ({})\n",
            e.attempt,
            e.start_ms,
            e.last_ms,
            if e.ended { "ended" } else { "killed" }
        ));
    }
    for v in history(redis, id) {
        out.push_str(&format!(
            "    {} {} -> {} on {}: {}\n",
            v["at"], v["from"], v["to"], v["node"], v["message"]
        ));
    }
    out
}

/// The cause of a requeue, without node names and figures, for counting.
pub fn cause_of(reason: &str) -> &'static str {
    if reason.contains("lease lapsed") {
        "node lease lapsed (agent killed or stopped)"
    } else if reason.contains("lost contact with Redis")
        || reason.contains("lease on its node ran out")
    {
        "agent lost its lease (could not renew it)"
    } else if reason.contains("has no sandbox for it") {
        "restarted agent found it running without a sandbox"
    } else if reason.contains("drained") {
        "agent drained before it finished"
    } else if reason.contains("supervisor") || reason.contains("executor") {
        "sandbox supervisor or executor died"
    } else {
        "other"
    }
}

/// Figures of one fault run, printed at the end.
#[derive(Debug, Default)]
pub struct Figures {
    pub faults: BTreeMap<&'static str, u64>,
    pub runs: usize,
    pub final_states: BTreeMap<String, usize>,
    pub executions: usize,
    pub lost: Vec<String>,
    pub concurrent: Vec<String>,
    pub after_outcome: Vec<String>,
    pub index_errors: Vec<String>,
    pub not_terminal: Vec<String>,
    pub reexecutions: BTreeMap<&'static str, u64>,
    /// One example run per cause: its executions and its history.
    pub examples: BTreeMap<&'static str, String>,
    pub requeue_after_kill_ms: Vec<i64>,
    pub resume_after_load_ms: Vec<i64>,
}

/// Checks the invariants on what is recorded so far; with `final_`, also that every run ended.
pub fn check(
    redis: &RedisServer,
    rec: &Path,
    acked: &BTreeMap<String, Kind>,
    final_: bool,
) -> Figures {
    let ids: Vec<String> = acked.keys().cloned().collect();
    let stored = snapshot(redis, &ids);
    let records = Records::read(rec);
    let mut f = Figures {
        runs: ids.len(),
        executions: records.executions(),
        ..Default::default()
    };
    for (id, s) in &stored {
        let Some(state) = &s.state else {
            f.lost.push(id.clone());
            continue;
        };
        if s.indexes.len() != 1 || &s.indexes[0] != state {
            f.index_errors
                .push(format!("{id}: state {state}, in indexes {:?}", s.indexes));
        }
        if final_ {
            *f.final_states.entry(state.clone()).or_default() += 1;
            if !is_terminal(state) {
                f.not_terminal.push(format!("{id}: {state}"));
            }
        }
        if let (Some(done), Some(execs)) = (s.finished_at, records.by_run.get(id)) {
            for e in execs.iter().filter(|e| e.start_ms > done) {
                f.after_outcome.push(format!(
                    "{id}: attempt {} started at {} after its outcome was recorded at {done}",
                    e.attempt, e.start_ms
                ));
            }
        }
    }
    f.concurrent = records.overlaps.clone();
    f.concurrent.extend(records.interval_overlaps());
    if final_ {
        // Every batch is retried until committed: a run that executed but was never
        // acknowledged would mean a submit hid what it had committed.
        for run in records.by_run.keys() {
            if !acked.contains_key(run) {
                f.lost.push(format!("{run} ran but was never acknowledged"));
            }
        }
        for (id, execs) in &records.by_run {
            if execs.len() < 2 {
                continue;
            }
            let mut causes: Vec<&'static str> = lost_events(redis, id)
                .iter()
                .map(|(_, _, why)| cause_of(why))
                .collect();
            for e in &execs[..execs.len() - 1] {
                let cause = if causes.is_empty() {
                    "other"
                } else {
                    causes.remove(0)
                };
                let label = if e.ended {
                    "ended, but its agent was killed or stopped before recording the outcome"
                } else {
                    cause
                };
                *f.reexecutions.entry(label).or_default() += 1;
                f.examples
                    .entry(label)
                    .or_insert_with(|| example(redis, id, execs));
            }
        }
    }
    f
}

impl Figures {
    pub fn violations(&self) -> Vec<String> {
        let mut v = Vec::new();
        for (what, list) in [
            ("lost (acknowledged, not stored)", &self.lost),
            ("concurrent duplicates", &self.concurrent),
            ("executions after a recorded outcome", &self.after_outcome),
            ("not in exactly one state index", &self.index_errors),
            ("not in a terminal state", &self.not_terminal),
        ] {
            if !list.is_empty() {
                v.push(format!(
                    "{what}: {} — {}",
                    list.len(),
                    list.iter().take(5).cloned().collect::<Vec<_>>().join("; ")
                ));
            }
        }
        // Every execution before a run's last one has its cause in the run's history.
        if let Some(n) = self.reexecutions.get("other") {
            v.push(format!(
                "re-executed without a recorded cause: {n} — {}",
                self.examples.get("other").cloned().unwrap_or_default()
            ));
        }
        v
    }

    pub fn print(&self, seed: u64, elapsed: Duration, ttl: Duration) {
        let total: u64 = self.faults.values().sum();
        eprintln!(
            "=== fault injection: seed {seed}, {:.0} s ===",
            elapsed.as_secs_f64()
        );
        eprintln!("faults injected: {total} {:?}", self.faults);
        eprintln!(
            "runs: {} acknowledged; final states {:?}; executions recorded: {}",
            self.runs, self.final_states, self.executions
        );
        eprintln!("lost: {}", self.lost.len());
        eprintln!("concurrent duplicates: {}", self.concurrent.len());
        eprintln!(
            "executions after a recorded outcome: {}",
            self.after_outcome.len()
        );
        let re: u64 = self.reexecutions.values().sum();
        eprintln!("sequential re-executions: {re} {:?}", self.reexecutions);
        if std::env::var("TARTARUS_FAULTS_VERBOSE").is_ok_and(|v| v == "1") {
            for (cause, ex) in &self.examples {
                eprintln!("  e.g. {cause}:\n{ex}");
            }
        }
        eprintln!(
            "agent kill -9 -> its runs requeued (TTL {} ms + margin): {}",
            ttl.as_millis(),
            stats(&self.requeue_after_kill_ms)
        );
        eprintln!(
            "Redis finished loading -> first sandbox started: {}",
            stats(&self.resume_after_load_ms)
        );
    }
}

/// `n=…, min …, median …, max … ms`.
pub fn stats(v: &[i64]) -> String {
    if v.is_empty() {
        return "n=0".into();
    }
    let mut s = v.to_vec();
    s.sort();
    format!(
        "n={}, min {} ms, median {} ms, max {} ms",
        s.len(),
        s[0],
        s[s.len() / 2],
        s[s.len() - 1]
    )
}

/// The first sandbox start recorded after `after_ms`.
pub fn first_start_after(rec: &Path, after_ms: i64) -> Option<i64> {
    Records::read(rec)
        .by_run
        .values()
        .flatten()
        .map(|e| e.start_ms)
        .filter(|t| *t >= after_ms)
        .min()
}
