//! The fault-injection suite on real processes: redis-server (`appendfsync always`), two `scheduler run` and three `agent run` processes, and a workload of sandboxes that record every execution, through faults injected at random moments (seeded; the seed is printed).
//!
//! Faults: `kill -9` of Redis during a bulk submit; `kill -9` of schedulers and of agents; Redis
//! down for longer than the agents' TTL, then restarted on a dataset that keeps it `LOADING` for
//! seconds; `SIGSTOP` of an agent for longer than its TTL, then `SIGCONT`. After each fault and
//! at the end: no acknowledged submission missing, every run in exactly one state index, no run
//! executing under two attempts at once, no run executed again after its outcome was recorded;
//! at the end every run is in a terminal state. Figures printed: faults, runs, lost, concurrent
//! duplicates, sequential re-executions by cause, kill -9 → requeue against TTL, Redis loaded →
//! work resumed.
//!
//! The short version runs in the normal test run; `TARTARUS_FAULTS_LONG=1` runs the long one
//! (at least 10 minutes and 100 faults). `TARTARUS_FAULTS_SEED=N` replays a seed.

mod support;

#[path = "faults/harness.rs"]
mod harness;

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use harness::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Fault {
    AgentKill,
    SchedulerKill,
    AgentStop,
    RedisKillDuringBulk,
    RedisDownThenLoading,
}

impl Fault {
    const ALL: [Fault; 5] = [
        Fault::AgentKill,
        Fault::SchedulerKill,
        Fault::AgentStop,
        Fault::RedisKillDuringBulk,
        Fault::RedisDownThenLoading,
    ];

    fn name(self) -> &'static str {
        match self {
            Fault::AgentKill => "agent kill -9",
            Fault::SchedulerKill => "scheduler kill -9",
            Fault::AgentStop => "agent SIGSTOP > TTL",
            Fault::RedisKillDuringBulk => "redis kill -9 during bulk submit",
            Fault::RedisDownThenLoading => "redis down > TTL, restart LOADING",
        }
    }
}

/// How long and how hard.
struct Plan {
    shape: Shape,
    min_faults: usize,
    min_duration: Duration,
    bulk_docs: usize,
}

/// Something to do later: bring a killed or stopped process back.
enum Later {
    RestartAgent(usize),
    RestartScheduler(usize),
    Continue(usize),
}

/// An agent kill, for the kill → requeue figure.
struct Kill {
    node: String,
    at_ms: i64,
    /// The node's last heartbeat before the kill, as Redis had it (None when it did not answer).
    last_beat_ms: Option<i64>,
    /// Where this kill's earliest lease-lapse recovery falls in `requeue_after_kill_ms`.
    requeued_at_ms: Option<i64>,
}

fn seed() -> u64 {
    std::env::var("TARTARUS_FAULTS_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| now_ms() as u64 ^ u64::from(std::process::id()))
}

/// Keeps submitting small batches of recording sandboxes, each batch retried with the same
/// idempotency keys until it is committed whole (so a retry never duplicates).
fn submitter(
    addr: String,
    rec: std::path::PathBuf,
    acked: Acknowledged,
    stop: Arc<AtomicBool>,
    seed: u64,
) -> std::thread::JoinHandle<u64> {
    std::thread::spawn(move || {
        let mut rng = Rng::new(seed ^ 0x5eed_5eed);
        let mut batch = 0u64;
        while !stop.load(Ordering::Relaxed) {
            let count = 2 + rng.below(4) as usize;
            let docs = work_docs(&rec, batch, count, &mut rng);
            let prefix = format!("w{batch}-");
            while !submit_keyed(&addr, &docs, &prefix, Kind::Work, &acked) {
                std::thread::sleep(Duration::from_millis(300));
            }
            batch += 1;
            std::thread::sleep(rng.between(Duration::from_millis(300), Duration::from_millis(900)));
        }
        batch
    })
}

fn up_agent(c: &Cluster, rng: &mut Rng) -> Option<usize> {
    let up: Vec<usize> = (0..c.agents.len())
        .filter(|i| c.agents[*i].is_up())
        .collect();
    // Keep one agent working at all times.
    (up.len() > 1).then(|| up[rng.below(up.len() as u64) as usize])
}

fn run(plan: Plan) {
    let seed = seed();
    eprintln!("fault injection seed {seed} (TARTARUS_FAULTS_SEED={seed} replays it)");
    let started = Instant::now();
    let mut rng = Rng::new(seed);
    let ttl = plan.shape.ttl;
    let mut c = Cluster::start(plan.shape);
    let addr = c.redis.host_port();
    let acked: Acknowledged = Default::default();
    let stop = Arc::new(AtomicBool::new(false));
    let sub = submitter(
        addr.clone(),
        c.rec.clone(),
        acked.clone(),
        stop.clone(),
        seed,
    );
    let mut faults: BTreeMap<&'static str, u64> = BTreeMap::new();
    let mut later: Vec<(Instant, Later)> = Vec::new();
    let mut kills: Vec<Kill> = Vec::new();
    let mut loads: Vec<i64> = Vec::new();
    let mut bulk_batch = 0u64;
    // Every kind once, in random order, then random ones.
    let mut order: Vec<Fault> = Fault::ALL.to_vec();
    for i in (1..order.len()).rev() {
        order.swap(i, rng.below(i as u64 + 1) as usize);
    }
    std::thread::sleep(Duration::from_secs(2));
    let mut n = 0usize;
    // `n` counts attempts (it indexes the fixed order); the minimum counts faults injected.
    while faults.values().sum::<u64>() < plan.min_faults as u64
        || started.elapsed() < plan.min_duration
    {
        let fault = order
            .get(n)
            .copied()
            .unwrap_or_else(|| Fault::ALL[rng.below(5) as usize]);
        let injected = match fault {
            Fault::AgentKill => up_agent(&c, &mut rng).map(|i| {
                let node = c.agents[i].name.clone();
                let last_beat_ms = last_heartbeat(&c.redis, &node);
                kills.push(Kill {
                    node,
                    at_ms: now_ms(),
                    last_beat_ms,
                    requeued_at_ms: None,
                });
                c.agents[i].kill9();
                // Half come back before their lease could lapse (the restarted agent hands
                // its runs back), half after (a scheduler requeues them).
                let back = if rng.below(2) == 0 {
                    rng.between(ttl / 3, ttl * 4 / 5)
                } else {
                    rng.between(ttl + Duration::from_secs(1), ttl * 3)
                };
                later.push((Instant::now() + back, Later::RestartAgent(i)));
            }),
            Fault::AgentStop => up_agent(&c, &mut rng).map(|i| {
                c.agents[i].sigstop();
                let back = ttl + rng.between(Duration::from_millis(500), Duration::from_secs(2));
                later.push((Instant::now() + back, Later::Continue(i)));
            }),
            Fault::SchedulerKill => {
                let up: Vec<usize> = (0..c.schedulers.len())
                    .filter(|i| c.schedulers[*i].is_up())
                    .collect();
                (!up.is_empty()).then(|| {
                    let i = up[rng.below(up.len() as u64) as usize];
                    c.schedulers[i].kill9();
                    let back = rng.between(Duration::from_millis(200), Duration::from_secs(3));
                    later.push((Instant::now() + back, Later::RestartScheduler(i)));
                })
            }
            Fault::RedisKillDuringBulk => {
                let docs = bulk_docs(bulk_batch, plan.bulk_docs);
                let prefix = format!("bulk{bulk_batch}-");
                bulk_batch += 1;
                let (a, acked2) = (addr.clone(), acked.clone());
                let (d2, p2) = (docs.clone(), prefix.clone());
                let bulk =
                    std::thread::spawn(move || submit_keyed(&a, &d2, &p2, Kind::Bulk, &acked2));
                std::thread::sleep(
                    rng.between(Duration::from_millis(50), Duration::from_millis(1500)),
                );
                c.redis.kill9();
                std::thread::sleep(rng.between(Duration::from_millis(100), Duration::from_secs(1)));
                c.redis.restart();
                let completed = bulk.join().unwrap_or(false);
                // Running the same command again completes it, with no duplicates.
                let mut tries = 0;
                while !completed && !submit_keyed(&addr, &docs, &prefix, Kind::Bulk, &acked) {
                    tries += 1;
                    assert!(
                        tries < 60,
                        "the bulk submit never completed (its errors are above)"
                    );
                    std::thread::sleep(Duration::from_millis(500));
                }
                Some(())
            }
            Fault::RedisDownThenLoading => {
                c.redis.kill9();
                std::thread::sleep(
                    ttl + rng.between(Duration::from_millis(500), Duration::from_secs(2)),
                );
                // restart() returns once Redis answers PING: when loading is done.
                c.redis.restart();
                loads.push(now_ms());
                Some(())
            }
        };
        if injected.is_none() {
            // Nothing to hit right now (e.g. every other agent is down): try another kind.
            n += 1;
            continue;
        }
        *faults.entry(fault.name()).or_default() += 1;
        n += 1;
        // Let the cluster react, bringing processes back when due.
        let pause_until =
            Instant::now() + rng.between(Duration::from_millis(500), Duration::from_secs(3));
        while Instant::now() < pause_until {
            due(&mut c, &mut later, false);
            std::thread::sleep(Duration::from_millis(50));
        }
        c.assert_services_alive();
        let snapshot = acked.lock().unwrap().clone();
        let f = check(&c.redis, &c.rec, &snapshot, false);
        let v = f.violations();
        assert!(
            v.is_empty(),
            "after fault {n} ({}), seed {seed}:\n{}\n{}",
            fault.name(),
            v.join("\n"),
            c.logs()
        );
    }
    due(&mut c, &mut later, true);
    c.heal();
    stop.store(true, Ordering::Relaxed);
    let batches = sub.join().expect("submitter");
    // Drain: every acknowledged run reaches a terminal state.
    let all = acked.lock().unwrap().clone();
    let ids: Vec<String> = all.keys().cloned().collect();
    let t = Instant::now();
    loop {
        let s = snapshot(&c.redis, &ids);
        let open = s
            .values()
            .filter(|r| !r.state.as_deref().is_some_and(is_terminal))
            .count();
        if open == 0 || t.elapsed() > Duration::from_secs(240) {
            break;
        }
        std::thread::sleep(Duration::from_millis(500));
    }
    c.assert_services_alive();
    let mut f = check(&c.redis, &c.rec, &all, true);
    f.faults = faults;
    // Kill -9 → requeue: the earliest lease-lapse recovery of the killed node's runs.
    let mut lost_by_node: BTreeMap<String, Vec<(i64, String)>> = BTreeMap::new();
    for (id, kind) in &all {
        if *kind == Kind::Work {
            for (at, node, why) in lost_events(&c.redis, id) {
                lost_by_node.entry(node).or_default().push((at, why));
            }
        }
    }
    for k in &mut kills {
        if let Some(at) = lost_by_node
            .get(&k.node)
            .into_iter()
            .flatten()
            .filter(|(at, why)| *at >= k.at_ms && why.contains("lease lapsed"))
            .map(|(at, _)| *at)
            .min()
            .filter(|at| *at - k.at_ms < (ttl * 4).as_millis() as i64)
        {
            f.requeue_after_kill_ms.push(at - k.at_ms);
            k.requeued_at_ms = Some(at);
        }
    }
    // The timing check below reads the runs' own histories: with several kills, some of them
    // must show there (an unreadable history would make the check pass on nothing).
    assert!(
        kills.len() < 5 || !f.requeue_after_kill_ms.is_empty(),
        "seed {seed}: {} agent kills, and no run's history shows a requeue after one",
        kills.len()
    );
    for l in &loads {
        if let Some(start) = first_start_after(&c.rec, *l) {
            f.resume_after_load_ms.push(start - l);
        }
    }
    f.print(seed, started.elapsed(), ttl);
    eprintln!("workload batches submitted: {batches}");
    let v = f.violations();
    assert!(v.is_empty(), "seed {seed}:\n{}\n{}", v.join("\n"), c.logs());
    assert_eq!(f.lost.len() + f.concurrent.len(), 0);
    // Never requeued before the lease could have run out: a TTL after the node's last heartbeat
    // (read from Redis just before the kill; schedulers judge by their own clocks, on this same
    // host: 50 ms of slack). Measured from the kill instead, a heartbeat made late by a loaded
    // machine, or an agent restarted and killed again before its first heartbeat, would make a
    // correct requeue look early.
    let ttl_ms = ttl.as_millis() as i64;
    for k in &kills {
        if let (Some(beat), Some(at)) = (k.last_beat_ms, k.requeued_at_ms) {
            assert!(
                at >= beat + ttl_ms - 50,
                "seed {seed}: {} requeued {} ms after its last heartbeat (kill -9 {} ms after it), TTL {ttl:?}",
                k.node,
                at - beat,
                k.at_ms - beat
            );
        }
    }
    for ms in &f.resume_after_load_ms {
        assert!(*ms < 60_000, "work resumed {ms} ms after Redis loaded");
    }
}

/// Performs the restarts and SIGCONTs that are due (all of them with `all`).
fn due(c: &mut Cluster, later: &mut Vec<(Instant, Later)>, all: bool) {
    let now = Instant::now();
    let addr = c.redis.host_port();
    let mut keep = Vec::new();
    for (at, what) in later.drain(..) {
        if !all && at > now {
            keep.push((at, what));
            continue;
        }
        match what {
            Later::RestartAgent(i) => c.agents[i].start(&addr),
            Later::RestartScheduler(i) => c.schedulers[i].start(&addr),
            Later::Continue(i) => c.agents[i].sigcont(),
        }
    }
    *later = keep;
}

fn long() -> bool {
    std::env::var("TARTARUS_FAULTS_LONG").is_ok_and(|v| v == "1")
}

/// The short version: every kind of fault at least once, three more at random; TTL 3 s.
#[test]
fn faults_short() {
    if long() {
        eprintln!("TARTARUS_FAULTS_LONG=1: the long version runs instead");
        return;
    }
    run(Plan {
        shape: Shape {
            agents: 3,
            slots: 4,
            schedulers: 2,
            ttl: Duration::from_secs(3),
            ballast_keys: 1_500_000,
        },
        min_faults: 8,
        min_duration: Duration::ZERO,
        bulk_docs: 3_000,
    });
}

/// The long version (`TARTARUS_FAULTS_LONG=1`): at least 10 minutes and 100 faults.
#[test]
fn faults_long() {
    if !long() {
        return;
    }
    run(Plan {
        shape: Shape {
            agents: 3,
            slots: 4,
            schedulers: 2,
            ttl: Duration::from_secs(3),
            ballast_keys: 2_500_000,
        },
        min_faults: 100,
        min_duration: Duration::from_secs(600),
        bulk_docs: 3_000,
    });
}

/// The conditions a Redis passes through besides being down, each held for a few seconds while
/// an agent and a scheduler run: neither exits, each says so once per change (not once per
/// retry), and work resumes by itself afterwards.
#[test]
fn every_redis_condition_is_survived_and_logged_once() {
    let mut c = Cluster::start(Shape {
        agents: 1,
        slots: 2,
        schedulers: 1,
        ttl: Duration::from_secs(3),
        ballast_keys: 0,
    });
    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let hold = Duration::from_millis(2500);
    let admin = |c: &Cluster, args: &[&str]| {
        let mut conn = c.redis.conn();
        let mut cmd = redis::cmd(args[0]);
        for a in &args[1..] {
            cmd.arg(*a);
        }
        let _: redis::Value = cmd.query(&mut conn).unwrap_or(redis::Value::Nil);
    };
    let closed = closed.to_string();
    std::thread::sleep(Duration::from_secs(1));
    // READONLY: a replica (of a master that is not there) refuses writes.
    admin(&c, &["REPLICAOF", "127.0.0.1", &closed]);
    std::thread::sleep(hold);
    admin(&c, &["REPLICAOF", "NO", "ONE"]);
    std::thread::sleep(Duration::from_secs(1));
    // MASTERDOWN: and refuses reads too.
    admin(&c, &["CONFIG", "SET", "replica-serve-stale-data", "no"]);
    admin(&c, &["REPLICAOF", "127.0.0.1", &closed]);
    std::thread::sleep(hold);
    admin(&c, &["REPLICAOF", "NO", "ONE"]);
    admin(&c, &["CONFIG", "SET", "replica-serve-stale-data", "yes"]);
    std::thread::sleep(Duration::from_secs(1));
    // NOREPLICAS: writes need a replica that is not there.
    admin(&c, &["CONFIG", "SET", "min-replicas-to-write", "1"]);
    std::thread::sleep(hold);
    admin(&c, &["CONFIG", "SET", "min-replicas-to-write", "0"]);
    std::thread::sleep(Duration::from_secs(1));
    // BUSY: a slow script holds the server.
    admin(&c, &["CONFIG", "SET", "busy-reply-threshold", "100"]);
    let url = c.redis.url();
    let busy = std::thread::spawn(move || {
        let mut conn = redis::Client::open(url).unwrap().get_connection().unwrap();
        let script = "local t = redis.call('TIME'); local s = t[1] + 3; while true do local n = redis.call('TIME'); if tonumber(n[1]) > s then break end end; return 1";
        let _: redis::RedisResult<i64> = redis::cmd("EVAL").arg(script).arg(0).query(&mut conn);
    });
    busy.join().unwrap();
    std::thread::sleep(Duration::from_secs(1));
    // Timeouts: the server does not answer for longer than the command timeout (5 s).
    let url = c.redis.url();
    let sleeper = std::thread::spawn(move || {
        let mut conn = redis::Client::open(url).unwrap().get_connection().unwrap();
        let _: redis::RedisResult<()> = redis::cmd("DEBUG").arg("SLEEP").arg(6).query(&mut conn);
    });
    sleeper.join().unwrap();
    std::thread::sleep(Duration::from_secs(1));
    // Refused credentials (as after a restart with another password): clients reconnect and
    // get NOAUTH until it is put back.
    admin(&c, &["CONFIG", "SET", "requirepass", "changed-by-someone"]);
    admin(&c, &["CLIENT", "KILL", "TYPE", "normal"]);
    std::thread::sleep(hold);
    {
        let mut conn = redis::Client::open(format!(
            "redis://:changed-by-someone@127.0.0.1:{}/",
            c.redis.port
        ))
        .unwrap()
        .get_connection()
        .unwrap();
        let _: () = redis::cmd("CONFIG")
            .arg("SET")
            .arg("requirepass")
            .arg("")
            .query(&mut conn)
            .unwrap();
    }
    std::thread::sleep(Duration::from_secs(1));
    // Down: connection refused, then back.
    c.redis.kill9();
    std::thread::sleep(hold);
    c.redis.restart();
    c.assert_services_alive();
    // Work resumes by itself: a run submitted now succeeds.
    let acked: Acknowledged = Default::default();
    let mut rng = Rng::new(7);
    let docs = work_docs(&c.rec, 0, 1, &mut rng);
    let t = Instant::now();
    while !submit_keyed(&c.redis.host_port(), &docs, "probe-", Kind::Work, &acked) {
        assert!(
            t.elapsed() < Duration::from_secs(30),
            "submit never succeeded"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
    let ids: Vec<String> = acked.lock().unwrap().keys().cloned().collect();
    let t = Instant::now();
    loop {
        let s = snapshot(&c.redis, &ids);
        if s.values().all(|r| r.state.as_deref() == Some("succeeded")) {
            break;
        }
        assert!(
            t.elapsed() < Duration::from_secs(60),
            "the probe did not succeed: {s:?}\n{}",
            c.logs()
        );
        std::thread::sleep(Duration::from_millis(200));
    }
    eprintln!("probe succeeded {:?} after the last condition", t.elapsed());
    c.assert_services_alive();
    // Once per change: seven conditions make a few dozen lines, not one per retry.
    for s in c.agents.iter().chain(&c.schedulers) {
        let log = s.log_tail(100_000);
        let warnings = log.lines().filter(|l| l.contains("WARN")).count();
        for code in ["READONLY", "MASTERDOWN", "NOREPLICAS", "BUSY"] {
            assert!(
                log.contains(code) || s.name.starts_with('s'),
                "{}: no word of {code}:\n{log}",
                s.name
            );
        }
        assert!(warnings < 80, "{}: {warnings} warnings:\n{log}", s.name);
        eprintln!(
            "{}: {warnings} warning lines over the seven conditions",
            s.name
        );
        if std::env::var("TARTARUS_FAULTS_VERBOSE").is_ok_and(|v| v == "1") {
            eprintln!("{log}");
        }
    }
}
