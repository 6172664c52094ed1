//! Retention end to end on real processes (redis-server, `scheduler run`, `agent run`): finished runs leave Redis after the window and Redis returns to its baseline, runs not finished stay, two schedulers clean at once without errors or double deletes, a `kill -9` during an archived cleanup loses no run, and `sandbox export` writes every finished run with its events.

mod support;

use std::collections::{BTreeMap, BTreeSet};
use std::io::{BufRead, Write};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;
use support::{json, queue_stats, tartarus_on, RedisServer};
use tartarus::exit;
use tartarus::store::keys::Keys;

/// One long-running `tartarus` process (a scheduler or an agent); stdout and stderr go to files.
struct Service {
    name: String,
    child: Option<Child>,
    out: PathBuf,
    log: PathBuf,
}

impl Service {
    fn start(server: &RedisServer, name: &str, args: &[String], dir: &Path) -> Service {
        let out = dir.join(format!("{name}.out"));
        let log = dir.join(format!("{name}.log"));
        let child = Command::new(env!("CARGO_BIN_EXE_tartarus"))
            .env("REDIS_ADDR", server.host_port())
            .env("NO_COLOR", "1")
            .env_remove("REDIS_PASSWORD")
            .env_remove("HADES_LABEL")
            .args(args)
            .stdin(Stdio::null())
            .stdout(std::fs::File::create(&out).expect("stdout file"))
            .stderr(std::fs::File::create(&log).expect("log file"))
            .spawn()
            .expect("spawn tartarus");
        Service {
            name: name.to_string(),
            child: Some(child),
            out,
            log,
        }
    }

    fn kill9(&mut self) {
        if let Some(mut c) = self.child.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }

    /// SIGTERM, then waits (generously) for it to exit by itself; returns its stdout.
    fn stop(&mut self) -> String {
        let mut child = self.child.take().expect("running");
        unsafe { libc::kill(child.id() as i32, libc::SIGTERM) };
        let t = Instant::now();
        loop {
            if let Some(status) = child.try_wait().expect("wait") {
                assert!(status.success(), "{} exited with {status}", self.name);
                break;
            }
            assert!(
                t.elapsed() < Duration::from_secs(120),
                "{} did not stop after SIGTERM",
                self.name
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        std::fs::read_to_string(&self.out).unwrap_or_default()
    }

    fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// The log's warning and error lines (there must be none while cleaning).
    fn complaints(&self) -> Vec<String> {
        self.log()
            .lines()
            .filter(|l| l.contains("WARN") || l.contains("ERROR") || l.contains("panicked"))
            .filter(|l| !l.contains("WARN stopping: "))
            .map(str::to_string)
            .collect()
    }
}

impl Drop for Service {
    fn drop(&mut self) {
        self.kill9();
    }
}

fn scheduler_args(extra: &[&str]) -> Vec<String> {
    ["scheduler", "run", "-o", "json"]
        .iter()
        .chain(extra)
        .map(|s| s.to_string())
        .collect()
}

/// `agent run` with its folders under `root` (0711: sandboxes run as uid 100000+ as root).
fn agent_args(root: &Path) -> Vec<String> {
    let dir = root.join("a0");
    [
        "agent",
        "run",
        "--name",
        "a0",
        "--slots",
        "32",
        "--cpu",
        "32",
        "--memory",
        "64Gi",
        "--poll",
        "20ms",
        "--ttl",
        "10s",
        "--uid-base",
        "100000",
        "--work-dir",
        &dir.join("work").display().to_string(),
        "--log-dir",
        &dir.join("logs").display().to_string(),
        "--state-dir",
        &dir.join("state").display().to_string(),
    ]
    .iter()
    .map(|s| s.to_string())
    .collect()
}

fn private_root() -> tempfile::TempDir {
    let root = tempfile::Builder::new()
        .prefix("tartarus-retention-")
        .tempdir()
        .expect("tempdir");
    std::fs::set_permissions(root.path(), std::fs::Permissions::from_mode(0o711)).unwrap();
    root
}

fn cli_ok(server: &RedisServer, args: &[&str]) -> Vec<u8> {
    let out = tartarus_on(server).args(args).output().expect("tartarus");
    assert!(
        out.status.success(),
        "tartarus {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// Bulk-submits `docs` (YAML documents) from a file.
fn submit_file(server: &RedisServer, dir: &Path, name: &str, docs: &[String]) {
    let path = dir.join(name);
    let mut f = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    for d in docs {
        f.write_all(d.as_bytes()).unwrap();
    }
    f.flush().unwrap();
    drop(f);
    cli_ok(
        server,
        &["sandbox", "submit", "-q", "-f", &path.display().to_string()],
    );
}

fn doc(name: &str, command: &str, extra: &str) -> String {
    format!("---\nmetadata: {{name: {name}{extra}}}\nspec:\n  image: local\n  command: {command}\n")
}

const DENY: &str = "apiVersion: themis.tartarus.io/v1\nkind: Policy\nmetadata: {name: retention-deny}\nspec:\n  mode: enforce\n  rules:\n    - name: deny\n      when:\n        labels: {retention: {equals: deny}}\n      verdict: deny\n      message: denied by the retention test\n";

fn apply_deny_policy(server: &RedisServer, dir: &Path) {
    let path = dir.join("deny.yaml");
    std::fs::write(&path, DENY).unwrap();
    cli_ok(
        server,
        &["policy", "apply", "-f", &path.display().to_string()],
    );
}

/// Polls `queue stats` until `done` holds, failing after `limit`; returns the last stats.
fn wait_stats(
    server: &RedisServer,
    what: &str,
    limit: Duration,
    services: &[&Service],
    mut done: impl FnMut(&Value) -> bool,
) -> Value {
    let t = Instant::now();
    loop {
        let stats = queue_stats(server);
        if done(&stats) {
            return stats;
        }
        if t.elapsed() > limit {
            let logs: Vec<String> = services
                .iter()
                .map(|s| {
                    let log = s.log();
                    let tail: Vec<&str> = log.lines().rev().take(15).collect();
                    format!("--- {}:\n{}", s.name, tail.join("\n"))
                })
                .collect();
            panic!(
                "waited {limit:?} for {what}; stats: {stats}\n{}",
                logs.join("\n")
            );
        }
        std::thread::sleep(Duration::from_millis(250));
    }
}

fn state_count(stats: &Value, state: &str) -> u64 {
    stats["states"][state].as_u64().unwrap_or(0)
}

/// The prefixes of tartarus's own keys in the default cell (`tartarus:{default}:`,
/// `themis:{default}:`), taken from the key builder.
fn own_prefixes() -> Vec<String> {
    let k = Keys::default();
    [k.settings(), k.policies()]
        .iter()
        .map(|key| {
            let end = key.find("}:").expect("a cell tag") + 2;
            key[..end].to_string()
        })
        .collect()
}

/// Every key of tartarus's own (SCAN of both prefixes).
fn own_keys(server: &RedisServer) -> BTreeSet<String> {
    let mut c = server.conn();
    let mut out = BTreeSet::new();
    for prefix in own_prefixes() {
        let pattern = format!("{prefix}*");
        let mut cursor = 0u64;
        loop {
            let (next, keys): (u64, Vec<String>) = redis::cmd("SCAN")
                .arg(cursor)
                .arg("MATCH")
                .arg(&pattern)
                .arg("COUNT")
                .arg(1000)
                .query(&mut c)
                .expect("SCAN");
            out.extend(keys);
            cursor = next;
            if cursor == 0 {
                break;
            }
        }
    }
    out
}

/// `used_memory` after `MEMORY PURGE` and `SLOWLOG RESET`, and the part of it that is client
/// buffers. The slow log keeps the arguments of up to `slowlog-max-len` (128) slow commands, up to
/// 32 arguments of 128 bytes each: after a loaded workload it held 88 script calls and 153 KB,
/// which is a bounded diagnostic buffer, not data the workload left behind.
fn used_memory(server: &RedisServer) -> (i64, i64) {
    let mut c = server.conn();
    let _: redis::RedisResult<()> = redis::cmd("SLOWLOG").arg("RESET").query(&mut c);
    let _: redis::RedisResult<String> = redis::cmd("MEMORY").arg("PURGE").query(&mut c);
    let info: String = redis::cmd("INFO")
        .arg("memory")
        .query(&mut c)
        .expect("INFO");
    let field = |name: &str| {
        info.lines()
            .find_map(|l| l.strip_prefix(&format!("{name}:")))
            .and_then(|v| v.trim().parse::<i64>().ok())
            .unwrap_or_else(|| panic!("no {name} in INFO memory"))
    };
    (field("used_memory"), field("mem_clients_normal"))
}

/// The archive lines of every `*.jsonl` file under `dirs`, by run name; lines that do not parse
/// (a torn last line after a crash) are counted apart.
fn archived(dirs: &[PathBuf]) -> (BTreeMap<String, Vec<Value>>, usize) {
    let mut by_name: BTreeMap<String, Vec<Value>> = BTreeMap::new();
    let mut torn = 0;
    for dir in dirs {
        let Ok(entries) = std::fs::read_dir(dir) else {
            continue;
        };
        for entry in entries {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|e| e != "jsonl") {
                continue;
            }
            let file = std::fs::File::open(&path).unwrap();
            for line in std::io::BufReader::new(file).lines() {
                let line = line.unwrap();
                if line.is_empty() {
                    continue;
                }
                match serde_json::from_str::<Value>(&line) {
                    Ok(v) => {
                        let name = v["metadata"]["name"].as_str().unwrap_or("").to_string();
                        by_name.entry(name).or_default().push(v);
                    }
                    Err(_) => torn += 1,
                }
            }
        }
    }
    (by_name, torn)
}

/// A run line (archive or export) carries its events, from leaving the queue to its final state.
fn assert_line_has_history(line: &Value) {
    let state = line["status"]["state"].as_str().unwrap_or("");
    let events = line["status"]["events"]
        .as_array()
        .unwrap_or_else(|| panic!("no events in {line}"));
    assert!(!events.is_empty(), "no events in {line}");
    // The submit is in the stream only; a run's own history starts with its first move.
    assert_eq!(events[0]["from"], "queued", "{line}");
    assert_eq!(
        events.last().unwrap()["to"].as_str(),
        Some(state),
        "the last event is not the final state: {line}"
    );
}

/// How far Redis memory may be from its baseline once the window passed (the issue's ±10%).
const MEMORY_DRIFT: f64 = 0.10;

/// With a 2 s window, 5,000 runs through a scheduler and an agent leave Redis: tartarus's keys
/// come back to the same set as before the workload and `used_memory` (without client buffers
/// and the slow log) to within 10% of it; the
/// runs still running or pending stay; every run was archived once, with its events; the
/// agent's logs of finished runs are gone.
#[test]
fn five_thousand_runs_leave_redis_at_its_baseline_after_the_window() {
    let server = RedisServer::start();
    let root = private_root();
    let archive = root.path().join("archive");
    let sched = Service::start(
        &server,
        "scheduler",
        &scheduler_args(&[
            "--retain-finished",
            "2s",
            "--archive-dir",
            &archive.display().to_string(),
        ]),
        root.path(),
    );
    let agent = Service::start(&server, "agent", &agent_args(root.path()), root.path());
    let services = [&sched, &agent];

    // Warm-up: scripts loaded, the node and scheduler registered, the stream created, and gone
    // again through retention.
    let warm: Vec<String> = (0..200)
        .map(|i| doc(&format!("warm-{i}"), "[\"true\"]", ""))
        .collect();
    submit_file(&server, root.path(), "warm.yaml", &warm);
    wait_stats(
        &server,
        "the warm-up runs to finish and expire",
        Duration::from_secs(300),
        &services,
        |s| s["total_runs"] == 0,
    );
    // Runs that do not finish: two running, one pending (it fits no node).
    let stay = [
        doc("stay-run-0", "[sleep, \"600\"]", ""),
        doc("stay-run-1", "[sleep, \"600\"]", ""),
        "---\nmetadata: {name: stay-pending}\nspec:\n  image: local\n  command: [\"true\"]\n  resources: {cpu: \"48\"}\n"
            .to_string(),
    ];
    submit_file(&server, root.path(), "stay.yaml", &stay);
    wait_stats(
        &server,
        "two runs running and one pending",
        Duration::from_secs(120),
        &services,
        |s| state_count(s, "running") == 2 && state_count(s, "pending") == 1,
    );
    // Past the window, so the stream holds no warm-up entries either.
    std::thread::sleep(Duration::from_secs(4));
    let base_keys = own_keys(&server);
    let (base_memory, base_clients) = used_memory(&server);

    let started = Instant::now();
    let work: Vec<String> = (0..5_000)
        .map(|i| doc(&format!("work-{i}"), "[\"true\"]", ""))
        .collect();
    submit_file(&server, root.path(), "work.yaml", &work);
    let mut peak_retained = 0;
    wait_stats(
        &server,
        "the 5,000 runs to finish and expire",
        Duration::from_secs(900),
        &services,
        |s| {
            peak_retained = peak_retained.max(s["finished_retained"].as_u64().unwrap_or(0));
            s["total_runs"] == 3 && s["finished_retained"] == 0
        },
    );
    let drained = started.elapsed();
    // One more window and a trim interval for the event stream.
    std::thread::sleep(Duration::from_secs(4));
    let keys = own_keys(&server);
    // Redis gives memory back on its own clock (its cron shrinks the emptied hash tables a step at
    // a time): read it until it is back near the baseline, for 30 s at most. The bound is the
    // issue's 10%. What stays: the index sorted sets that grew past 128 members keep their
    // skiplist encoding once emptied (about 9 KB each); a leak of the runs themselves would be
    // megabytes (5,000 runs × 3.7 KB).
    let settle = Instant::now();
    let (memory, clients) = loop {
        let (memory, clients) = used_memory(&server);
        let drift = ((memory - clients) - (base_memory - base_clients)) as f64
            / (base_memory - base_clients) as f64;
        if drift.abs() <= MEMORY_DRIFT || settle.elapsed() > Duration::from_secs(30) {
            break (memory, clients);
        }
        std::thread::sleep(Duration::from_millis(500));
    };
    eprintln!(
        "5,000 runs done and expired in {drained:?} (at most {peak_retained} finished runs kept at once); \
         own keys {} -> {}; used_memory {base_memory} -> {memory} bytes (client buffers {base_clients} -> {clients}; \
         drift without them {:+.1}%)",
        base_keys.len(),
        keys.len(),
        ((memory - clients) - (base_memory - base_clients)) as f64 * 100.0
            / (base_memory - base_clients) as f64
    );
    assert!(
        peak_retained > 0,
        "retention never saw a finished run kept: the window did not apply"
    );
    let added: Vec<&String> = keys.difference(&base_keys).take(10).collect();
    let removed: Vec<&String> = base_keys.difference(&keys).take(10).collect();
    assert_eq!(
        keys.len(),
        base_keys.len(),
        "own keys did not return to the baseline: added {added:?}, removed {removed:?}"
    );
    assert!(
        added.is_empty() && removed.is_empty(),
        "{added:?} {removed:?}"
    );
    // Client buffers come and go with connections (agents, wake subscriptions, this test's own):
    // they are not data the workload left behind.
    let (memory, base_memory) = (memory - clients, base_memory - base_clients);
    let drift = (memory - base_memory) as f64 / base_memory as f64;
    assert!(
        drift.abs() <= MEMORY_DRIFT,
        "used_memory without client buffers {memory} is {:.1}% off the baseline {base_memory}",
        drift * 100.0
    );

    // Nothing that had not finished was touched.
    let stats = queue_stats(&server);
    assert_eq!(state_count(&stats, "running"), 2, "{stats}");
    assert_eq!(state_count(&stats, "pending"), 1, "{stats}");
    let list = json(&cli_ok(&server, &["sandbox", "list", "-o", "json"]));
    let names: BTreeSet<String> = support::items(&list)
        .iter()
        .map(|r| r["metadata"]["name"].as_str().unwrap_or("").to_string())
        .collect();
    assert_eq!(
        names,
        ["stay-pending", "stay-run-0", "stay-run-1"]
            .map(String::from)
            .into(),
    );

    // Every run was archived once (one scheduler, no crash), finished, with its events.
    let (lines, torn) = archived(std::slice::from_ref(&archive));
    assert_eq!(torn, 0);
    for i in 0..5_000 {
        let name = format!("work-{i}");
        let runs = lines
            .get(&name)
            .unwrap_or_else(|| panic!("{name} was deleted but is not in the archive"));
        assert_eq!(runs.len(), 1, "{name} archived {} times", runs.len());
        assert_eq!(runs[0]["status"]["state"], "succeeded", "{}", runs[0]);
        assert_line_has_history(&runs[0]);
    }
    assert!(lines.keys().all(|n| !n.starts_with("stay-")));

    // The agent's logs follow the window: only the running sandboxes' logs are left.
    let logs: Vec<String> = std::fs::read_dir(root.path().join("a0/logs"))
        .map(|d| {
            d.filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".log"))
                .collect()
        })
        .unwrap_or_default();
    assert!(
        logs.len() <= 2,
        "agent logs left: {} ({:?}…)",
        logs.len(),
        logs.iter().take(5).collect::<Vec<_>>()
    );
    assert!(sched.complaints().is_empty(), "{:?}", sched.complaints());
}

/// `count` runs denied at once by policy (finished, at no sandbox's cost), left in Redis by a
/// scheduler that keeps them an hour.
fn denied_runs(server: &RedisServer, dir: &Path, count: usize) {
    apply_deny_policy(server, dir);
    let docs: Vec<String> = (0..count)
        .map(|i| {
            doc(
                &format!("d-{i}"),
                "[\"true\"]",
                ", labels: {retention: deny}",
            )
        })
        .collect();
    submit_file(server, dir, "denied.yaml", &docs);
    cli_ok(
        server,
        &[
            "scheduler",
            "run",
            "--once",
            "-q",
            "--retain-finished",
            "1h",
        ],
    );
    let stats = queue_stats(server);
    assert_eq!(state_count(&stats, "denied"), count as u64, "{stats}");
    assert_eq!(stats["finished_retained"], count as u64, "{stats}");
}

/// Two schedulers clean 20,000 finished runs at once: neither logs an error or a warning, both
/// delete, and their deletes add up to exactly the runs there were (none deleted twice); every
/// run is in one of their archives (a run both read before either deleted it may be in both).
#[test]
fn two_schedulers_clean_at_once_without_errors_or_double_deletes() {
    const RUNS: usize = 20_000;
    let server = RedisServer::start();
    let root = private_root();
    denied_runs(&server, root.path(), RUNS);
    let archives: Vec<PathBuf> = (0..2)
        .map(|i| root.path().join(format!("archive-{i}")))
        .collect();
    let mut schedulers: Vec<Service> = archives
        .iter()
        .enumerate()
        .map(|(i, dir)| {
            Service::start(
                &server,
                &format!("scheduler-{i}"),
                &scheduler_args(&[
                    "--retain-finished",
                    "1s",
                    "--archive-dir",
                    &dir.display().to_string(),
                ]),
                root.path(),
            )
        })
        .collect();
    wait_stats(
        &server,
        "every finished run deleted",
        Duration::from_secs(600),
        &schedulers.iter().collect::<Vec<_>>(),
        |s| s["total_runs"] == 0 && s["finished_retained"] == 0,
    );
    let deleted: Vec<u64> = schedulers
        .iter_mut()
        .map(|s| {
            let report: Value = json(s.stop().as_bytes());
            report["expired"].as_u64().expect("expired in the report")
        })
        .collect();
    for s in &schedulers {
        assert!(
            s.complaints().is_empty(),
            "{}: {:?}",
            s.name,
            s.complaints()
        );
    }
    let (lines, torn) = archived(&archives);
    let duplicates: usize = lines.values().map(|v| v.len() - 1).sum();
    eprintln!(
        "deleted by each scheduler: {deleted:?}; archived twice (read by both before one deleted): {duplicates}"
    );
    assert_eq!(
        deleted.iter().sum::<u64>(),
        RUNS as u64,
        "deletes {deleted:?} do not add up to the {RUNS} runs"
    );
    assert!(
        deleted.iter().all(|d| *d > 0),
        "only one scheduler cleaned: {deleted:?}"
    );
    assert_eq!(torn, 0);
    assert_eq!(lines.len(), RUNS);
    for i in 0..RUNS {
        let name = format!("d-{i}");
        let runs = lines
            .get(&name)
            .unwrap_or_else(|| panic!("{name} not archived"));
        assert!(runs.len() <= 2, "{name} archived {} times", runs.len());
        assert_eq!(runs[0]["status"]["state"], "denied");
        assert_line_has_history(&runs[0]);
    }
    let keys = own_keys(&server);
    assert!(
        keys.iter().all(|k| !k.contains(":run:")),
        "run keys left: {:?}",
        keys.iter()
            .filter(|k| k.contains(":run:"))
            .take(5)
            .collect::<Vec<_>>()
    );
}

/// `kill -9` of a scheduler in the middle of an archived cleanup, three times: once it has
/// finished, every run that left Redis is in the archive (a run may be there twice: archived,
/// then killed before its delete).
#[test]
fn kill_9_during_an_archived_cleanup_loses_no_run() {
    const RUNS: usize = 20_000;
    let server = RedisServer::start();
    let root = private_root();
    denied_runs(&server, root.path(), RUNS);
    let archive = root.path().join("archive");
    let args = scheduler_args(&[
        "--retain-finished",
        "1s",
        "--archive-dir",
        &archive.display().to_string(),
    ]);
    let mut kills = Vec::new();
    for round in 0..3 {
        let mut s = Service::start(&server, &format!("scheduler-{round}"), &args, root.path());
        let before = queue_stats(&server)["finished_retained"]
            .as_u64()
            .unwrap_or(0);
        // Kill it once it has deleted something (mid-cleanup), or give up if it is done.
        let t = Instant::now();
        loop {
            let now = queue_stats(&server)["finished_retained"]
                .as_u64()
                .unwrap_or(0);
            if now < before || now == 0 {
                break;
            }
            assert!(
                t.elapsed() < Duration::from_secs(120),
                "no cleanup progress: {}",
                s.log()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
        s.kill9();
        kills.push(
            queue_stats(&server)["finished_retained"]
                .as_u64()
                .unwrap_or(0),
        );
    }
    let last = Service::start(&server, "scheduler-last", &args, root.path());
    wait_stats(
        &server,
        "every finished run deleted",
        Duration::from_secs(600),
        &[&last],
        |s| s["total_runs"] == 0,
    );
    let (lines, torn) = archived(std::slice::from_ref(&archive));
    let duplicates: usize = lines.values().map(|v| v.len() - 1).sum();
    eprintln!(
        "runs left after each kill -9: {kills:?}; archived twice: {duplicates}; torn lines: {torn}"
    );
    assert!(
        kills.iter().any(|k| *k > 0 && *k < RUNS as u64),
        "no kill landed mid-cleanup: {kills:?}"
    );
    let missing: Vec<String> = (0..RUNS)
        .map(|i| format!("d-{i}"))
        .filter(|n| !lines.contains_key(n))
        .take(10)
        .collect();
    assert!(missing.is_empty(), "deleted but not archived: {missing:?}");
    for runs in lines.values() {
        assert_line_has_history(&runs[0]);
    }
}

/// Reads an export (`.jsonl` or `.jsonl.gz`): its runs by name.
fn read_export(path: &Path) -> BTreeMap<String, Value> {
    let file = std::fs::File::open(path).unwrap();
    let reader: Box<dyn std::io::Read> = if path.extension().is_some_and(|e| e == "gz") {
        Box::new(flate2::read::GzDecoder::new(file))
    } else {
        Box::new(file)
    };
    let mut out = BTreeMap::new();
    for line in std::io::BufReader::new(reader).lines() {
        let line = line.unwrap();
        let v: Value = serde_json::from_str(&line).unwrap_or_else(|e| panic!("{e}: {line}"));
        let name = v["metadata"]["name"].as_str().unwrap_or("").to_string();
        assert!(
            out.insert(name.clone(), v).is_none(),
            "{name} exported twice"
        );
    }
    out
}

/// `sandbox export` writes every finished run (succeeded, failed, denied) with its events, in
/// JSON lines and gzipped JSON lines alike, and no run that has not finished.
#[test]
fn export_writes_every_finished_run_with_its_events() {
    let server = RedisServer::start();
    let root = private_root();
    apply_deny_policy(&server, root.path());
    let _sched = Service::start(&server, "scheduler", &scheduler_args(&[]), root.path());
    let agent = Service::start(&server, "agent", &agent_args(root.path()), root.path());
    let mut docs = Vec::new();
    docs.extend((0..100).map(|i| doc(&format!("ok-{i}"), "[\"true\"]", "")));
    docs.extend((0..50).map(|i| doc(&format!("bad-{i}"), "[\"false\"]", "")));
    docs.extend((0..50).map(|i| {
        doc(
            &format!("no-{i}"),
            "[\"true\"]",
            ", labels: {retention: deny}",
        )
    }));
    docs.push(doc("still-running", "[sleep, \"600\"]", ""));
    submit_file(&server, root.path(), "mix.yaml", &docs);
    wait_stats(
        &server,
        "the runs to finish",
        Duration::from_secs(300),
        &[&agent],
        |s| {
            state_count(s, "succeeded") == 100
                && state_count(s, "failed") == 50
                && state_count(s, "denied") == 50
                && state_count(s, "running") == 1
        },
    );
    for file in ["runs.jsonl", "runs.jsonl.gz"] {
        let path = root.path().join(file);
        let report = json(&cli_ok(
            &server,
            &[
                "sandbox",
                "export",
                "-o",
                "json",
                "--finished-before",
                "0s",
                "--to",
                &path.display().to_string(),
            ],
        ));
        assert_eq!(report["runs"], 200, "{report}");
        let runs = read_export(&path);
        assert_eq!(runs.len(), 200, "{file}");
        for (name, run) in &runs {
            let expected = match name.split('-').next() {
                Some("ok") => "succeeded",
                Some("bad") => "failed",
                Some("no") => "denied",
                _ => panic!("{name} should not be in the export"),
            };
            assert_eq!(run["status"]["state"], expected, "{run}");
            assert_line_has_history(run);
        }
    }
    // A time before every run: nothing.
    let path = root.path().join("none.jsonl");
    let report = json(&cli_ok(
        &server,
        &[
            "sandbox",
            "export",
            "-o",
            "json",
            "--finished-before",
            "2000-01-01T00:00:00Z",
            "--to",
            &path.display().to_string(),
        ],
    ));
    assert_eq!(report["runs"], 0, "{report}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "");
    // `--to -` is refused (the report goes to stdout), and writes no file named `-`.
    let out = tartarus_on(&server)
        .current_dir(root.path())
        .args(["sandbox", "export", "--finished-before", "0s", "--to", "-"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(exit::USAGE.into()), "{out:?}");
    assert!(!root.path().join("-").exists());
}
