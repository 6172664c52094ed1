//! Agents and `up` with real processes against a real redis-server: placement by pool, kill -9 of an agent, timeout, cancel, failures, big output, drain.

mod support;

use std::collections::BTreeMap;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use support::{json, queue_stats, tartarus, tartarus_on, RedisServer};

/// A `tartarus` process that is killed when the test ends.
struct Proc(Child);

impl Drop for Proc {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn spawn(server: &RedisServer, args: &[&str]) -> Proc {
    let child = Command::new(assert_cmd::cargo::cargo_bin("tartarus"))
        .env("REDIS_ADDR", server.host_port())
        .env_remove("HADES_LABEL")
        .args(["-q"])
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn tartarus");
    Proc(child)
}

fn agent(server: &RedisServer, name: &str, labels: &str, dir: &std::path::Path) -> Proc {
    let logs = dir.join(name);
    let work = work_dir(dir, name);
    spawn(
        server,
        &[
            "agent",
            "run",
            "--name",
            name,
            "--labels",
            labels,
            "--ttl",
            "2s",
            "--poll",
            "50ms",
            "--log-dir",
            logs.to_str().unwrap(),
            "--work-dir",
            work.to_str().unwrap(),
            "--drain-deadline",
            "5s",
        ],
    )
}

/// A work folder for one agent in a test (its state folder is inside), reachable by sandbox uids.
fn work_dir(dir: &std::path::Path, name: &str) -> std::path::PathBuf {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o711)).unwrap();
    dir.join(format!("{name}-work"))
}

/// A folder sandboxes (which run as their own uids when the tests run as root) can write to.
fn writable_by_sandboxes(dir: &std::path::Path) -> std::path::PathBuf {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o711)).unwrap();
    let shared = dir.join("shared");
    std::fs::create_dir_all(&shared).unwrap();
    std::fs::set_permissions(&shared, std::fs::Permissions::from_mode(0o777)).unwrap();
    shared
}

fn submit(server: &RedisServer, yaml: &str) -> String {
    let out = tartarus_on(server)
        .args(["-q", "sandbox", "submit", "-o", "json", "-f", "-"])
        .write_stdin(yaml.to_string())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    json(&out.stdout)["items"][0]["id"]
        .as_str()
        .unwrap()
        .to_string()
}

/// Waits (up to 30 s) until `until` holds, polling every 20 ms; panics naming `what` otherwise.
fn wait_until(what: &str, mut until: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while !until() {
        assert!(Instant::now() < deadline, "{what}: not within 30s");
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// The names of the alive nodes.
fn alive_nodes(server: &RedisServer) -> Vec<String> {
    let out = tartarus_on(server)
        .args(["-q", "node", "list", "-o", "json"])
        .output()
        .unwrap();
    json(&out.stdout)["items"]
        .as_array()
        .map(|nodes| {
            nodes
                .iter()
                .filter(|n| n["status"] == "alive")
                .filter_map(|n| n["name"].as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default()
}

fn get(server: &RedisServer, id: &str) -> serde_json::Value {
    let out = tartarus_on(server)
        .args(["-q", "sandbox", "get", id, "-o", "json"])
        .output()
        .unwrap();
    support::flat_run(&json(&out.stdout))
}

fn wait_state(server: &RedisServer, id: &str, state: &str, within: Duration) -> serde_json::Value {
    let t = Instant::now();
    loop {
        let run = get(server, id);
        if run["state"] == state {
            return run;
        }
        assert!(
            t.elapsed() < within,
            "run {id} is {} after {within:?}, expected {state}: {run}",
            run["state"]
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// name → (state, node, exit code) for every run `up` printed.
fn summary(out: &[u8]) -> BTreeMap<String, (String, String, Option<i64>)> {
    support::items(&json(out))
        .iter()
        .map(support::flat_run)
        .map(|r| {
            (
                r["name"].as_str().unwrap().to_string(),
                (
                    r["state"].as_str().unwrap().to_string(),
                    r["node"].as_str().unwrap_or("-").to_string(),
                    r["exit_code"].as_i64(),
                ),
            )
        })
        .collect()
}

fn check_example_summary(out: &std::process::Output) {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let s = summary(&out.stdout);
    let expect = |name: &str, state: &str, node: &str, code: Option<i64>| {
        assert_eq!(
            s.get(name),
            Some(&(state.to_string(), node.to_string(), code)),
            "{name}: {s:?}"
        );
    };
    expect("hello-cold", "succeeded", "standard-1", Some(0));
    expect("build-warm", "succeeded", "standard-1", Some(0));
    expect("render-hot", "succeeded", "phlegethon-1", Some(0));
    expect("train-inferno", "succeeded", "phlegethon-1", Some(0));
    expect("suspicious-upload", "succeeded", "typhon-1", Some(0));
    expect("fails", "failed", "standard-1", Some(3));
    expect("times-out", "timed_out", "standard-1", None);
    expect("wants-root", "denied", "-", None);
    assert_eq!(s.len(), 8);
}

fn up_args() -> Vec<&'static str> {
    let root = env!("CARGO_MANIFEST_DIR");
    let policies: &'static str =
        Box::leak(format!("{root}/examples/policies.yaml").into_boxed_str());
    let sandboxes: &'static str =
        Box::leak(format!("{root}/examples/sandboxes.yaml").into_boxed_str());
    vec![
        "-o",
        "json",
        "up",
        "--policies",
        policies,
        "--submit",
        sandboxes,
        "--until-idle",
    ]
}

#[test]
fn examples_run_to_the_end_under_up_in_memory() {
    let out = tartarus()
        .arg("--in-memory")
        .args(up_args())
        .output()
        .unwrap();
    check_example_summary(&out);
}

#[test]
fn examples_run_to_the_end_under_up_on_redis() {
    let server = RedisServer::start();
    let out = tartarus_on(&server).args(up_args()).output().unwrap();
    check_example_summary(&out);
    // Everything is in Redis afterwards, readable by a new process.
    let stats = queue_stats(&server);
    assert_eq!(
        (
            stats["states"]["succeeded"].as_u64(),
            stats["states"]["failed"].as_u64()
        ),
        (Some(5), Some(1))
    );
}

#[test]
fn pools_are_respected_and_a_killed_agent_s_run_finishes_elsewhere() {
    let server = RedisServer::start();
    let dir = tempfile::tempdir().unwrap();
    let _scheduler = spawn(&server, &["scheduler", "run", "--lease", "5s"]);
    let _standard = agent(&server, "std-1", "", dir.path());
    let mut phlegethon = agent(&server, "ph-1", "tartarus.io/phlegethon=true", dir.path());
    let _typhon = agent(&server, "ty-1", "tartarus.io/typhon=true", dir.path());
    // Every pool has its node before the runs that need them are decided.
    wait_until("three agents registered", || {
        alive_nodes(&server).len() == 3
    });
    let quarantined = submit(&server, "metadata: {annotations: {tartarus.io/quarantine: \"true\"}}\nspec: {image: x, command: [sh, -c, \"echo isolated\"]}\n");
    let hot = submit(
        &server,
        "spec: {image: x, heat: hot, command: [sh, -c, \"sleep 2; echo hot-done\"]}\n",
    );
    let q = wait_state(&server, &quarantined, "succeeded", Duration::from_secs(15));
    assert_eq!(q["node"], "ty-1");
    assert_eq!(q["log_tail"], "isolated\n");
    let h = wait_state(&server, &hot, "running", Duration::from_secs(15));
    assert_eq!(h["node"], "ph-1", "hot work goes to the phlegethon pool");
    // kill -9 the phlegethon agent mid-run: its heartbeat expires, the run is lost and requeued,
    // and (no phlegethon node left) falls back to the standard node.
    phlegethon.0.kill().unwrap();
    phlegethon.0.wait().unwrap();
    let done = wait_state(&server, &hot, "succeeded", Duration::from_secs(20));
    assert_eq!(
        (done["node"].as_str(), done["attempts"].as_u64()),
        (Some("std-1"), Some(2))
    );
    assert_eq!(done["log_tail"], "hot-done\n");
    let path: Vec<String> = done["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["to"].as_str().map(String::from))
        .collect();
    assert_eq!(
        path,
        [
            "admitted",
            "scheduled",
            "running",
            "lost",
            "queued",
            "admitted",
            "scheduled",
            "running",
            "succeeded"
        ]
    );
    // Ordinary work never lands on the typhon node.
    for _ in 0..5 {
        let id = submit(&server, "spec: {image: x, command: [\"true\"]}\n");
        assert_eq!(
            wait_state(&server, &id, "succeeded", Duration::from_secs(15))["node"],
            "std-1"
        );
    }
}

#[test]
fn timeout_cancel_missing_command_and_big_output() {
    let server = RedisServer::start();
    let dir = tempfile::tempdir().unwrap();
    let _scheduler = spawn(&server, &["scheduler", "run"]);
    let _agent = agent(&server, "n1", "", dir.path());
    // Timeout: the process group is killed, the run ends timed_out and `wait` says 11.
    let t = Instant::now();
    let out = tartarus_on(&server)
        .args([
            "-q",
            "sandbox",
            "submit",
            "--wait",
            "--image",
            "x",
            "--timeout",
            "1s",
            "--",
            "sleep",
            "30",
        ])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(11),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(t.elapsed() < Duration::from_secs(10), "{:?}", t.elapsed());
    // A command that does not exist: a clear failure, not a hang.
    let id = submit(
        &server,
        "spec: {image: x, command: [no-such-program-here]}\n",
    );
    let run = wait_state(&server, &id, "failed", Duration::from_secs(10));
    assert!(
        run["message"].as_str().unwrap().contains("failed to start"),
        "{run}"
    );
    assert!(
        run["message"]
            .as_str()
            .unwrap()
            .contains("no-such-program-here"),
        "{run}"
    );
    let code = tartarus_on(&server)
        .args(["-q", "sandbox", "wait", &id])
        .output()
        .unwrap()
        .status
        .code();
    assert_eq!(code, Some(10));
    // Cancel reaches the running process promptly: it writes a marker on SIGTERM.
    let marker = writable_by_sandboxes(dir.path()).join("got-term");
    let yaml = format!(
        "spec:\n  image: x\n  env: {{MARK: \"{}\"}}\n  command: [sh, -c, \"trap 'echo term > $MARK; exit 0' TERM; echo started; while true; do sleep 0.05; done\"]\n",
        marker.display()
    );
    let id = submit(&server, &yaml);
    wait_state(&server, &id, "running", Duration::from_secs(10));
    std::thread::sleep(Duration::from_millis(200));
    tartarus_on(&server)
        .args(["-q", "sandbox", "cancel", "--yes", &id])
        .assert()
        .success();
    // (A generous bound: speed is the benchmarks' business, this checks that it arrives.)
    let t = Instant::now();
    while !marker.exists() {
        assert!(
            t.elapsed() < Duration::from_secs(10),
            "SIGTERM did not reach the sandbox within 10s of the cancel"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
    assert_eq!(get(&server, &id)["state"], "cancelled");
    assert_eq!(
        tartarus_on(&server)
            .args(["-q", "sandbox", "wait", &id])
            .output()
            .unwrap()
            .status
            .code(),
        Some(12)
    );
    // Output larger than the tail bound: the tail keeps the end, the log file is capped.
    let id = submit(
        &server,
        "spec: {image: x, command: [seq, \"1\", \"3000000\"]}\n",
    );
    let run = wait_state(&server, &id, "succeeded", Duration::from_secs(30));
    let tail = run["log_tail"].as_str().unwrap();
    assert!(
        tail.len() <= 16 << 10 && tail.len() > 15 << 10,
        "tail of {} bytes",
        tail.len()
    );
    assert!(tail.ends_with("2999999\n3000000\n"));
    let log = run["log_path"].as_str().unwrap();
    let size = std::fs::metadata(log).unwrap().len();
    assert!(
        ((8 << 20)..=(8 << 20) + 200).contains(&size),
        "log of {size} bytes"
    );
    // `sandbox logs` prints the full (capped) log when it is readable here.
    let out = tartarus_on(&server)
        .args(["-q", "sandbox", "logs", &id])
        .output()
        .unwrap();
    assert_eq!(out.stdout.len() as u64, size);
    assert!(out.stdout.starts_with(b"1\n2\n3\n"));
}

#[test]
fn sigterm_drains_an_agent() {
    let server = RedisServer::start();
    let dir = tempfile::tempdir().unwrap();
    let _scheduler = spawn(&server, &["scheduler", "run"]);
    let a = agent(&server, "drainer", "", dir.path());
    let id = submit(
        &server,
        "spec: {image: x, command: [sh, -c, \"sleep 1; echo finished\"]}\n",
    );
    wait_state(&server, &id, "running", Duration::from_secs(10));
    unsafe {
        libc::kill(a.0.id() as i32, libc::SIGTERM);
    }
    // The running sandbox finishes; the node leaves the registry; the agent exits.
    let run = wait_state(&server, &id, "succeeded", Duration::from_secs(10));
    assert_eq!(run["log_tail"], "finished\n");
    let mut a = a;
    let t = Instant::now();
    loop {
        if let Some(status) = a.0.try_wait().unwrap() {
            assert!(status.success(), "{status:?}");
            break;
        }
        assert!(
            t.elapsed() < Duration::from_secs(10),
            "agent did not exit after draining"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    let nodes = json(
        &tartarus_on(&server)
            .args(["node", "list", "-o", "json"])
            .output()
            .unwrap()
            .stdout,
    );
    assert_eq!(support::items(&nodes).len(), 0, "{nodes}");
}

#[test]
fn wait_logs_and_watch() {
    let server = RedisServer::start();
    let dir = tempfile::tempdir().unwrap();
    let _scheduler = spawn(&server, &["scheduler", "run"]);
    let _agent = agent(&server, "n1", "", dir.path());
    // submit --wait of a run that succeeds: exit 0, the run listed as succeeded.
    let out = tartarus_on(&server)
        .args([
            "-q", "sandbox", "submit", "--wait", "-o", "json", "--image", "x", "--", "sh", "-c",
            "echo ok",
        ])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        json(&out.stdout)["items"][0]["status"]["state"],
        "succeeded"
    );
    // watch: a follower started before a submit sees its events, as JSON lines.
    let watcher = Command::new(assert_cmd::cargo::cargo_bin("tartarus"))
        .env("REDIS_ADDR", server.host_port())
        .args(["-q", "sandbox", "watch", "-o", "json", "--count", "2"])
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    // It follows from the latest event: submit only once it is reading the stream.
    let mut conn = server.conn();
    wait_until("the watcher reads the event stream", || {
        let clients: String = redis::cmd("CLIENT").arg("LIST").query(&mut conn).unwrap();
        clients.lines().any(|c| c.contains("cmd=xread"))
    });
    let id = submit(&server, "spec: {image: x, command: [sh, -c, \"for i in 1 2 3 4 5; do echo tick $i; sleep 0.2; done\"]}\n");
    let out = watcher.wait_with_output().unwrap();
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert_eq!(
        (lines[0]["run"].as_str(), lines[0]["to"].as_str()),
        (Some(id.as_str()), Some("queued"))
    );
    assert_eq!(lines[1]["from"], "queued");
    // logs -f follows the output until the run ends.
    wait_state(&server, &id, "running", Duration::from_secs(10));
    let out = tartarus_on(&server)
        .args(["-q", "sandbox", "logs", "-f", &id])
        .timeout(Duration::from_secs(15))
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "tick 1\ntick 2\ntick 3\ntick 4\ntick 5\n"
    );
    // wait --timeout gives up with 15 while the run goes on.
    let id = submit(&server, "spec: {image: x, command: [sleep, \"30\"]}\n");
    let out = tartarus_on(&server)
        .args(["-q", "sandbox", "wait", "--timeout", "500ms", &id])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(15));
    // --wait is refused on the in-memory store, where nothing would ever run the sandbox.
    let out = tartarus()
        .args([
            "--in-memory",
            "sandbox",
            "submit",
            "--wait",
            "--image",
            "x",
            "--",
            "true",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("up --in-memory"));
}

#[test]
fn bwrap_runtime_missing_refuses_to_start() {
    let server = RedisServer::start();
    let empty = tempfile::tempdir().unwrap();
    let out = tartarus_on(&server)
        .env("PATH", empty.path())
        .args(["agent", "run", "--name", "b1", "--runtime", "bwrap"])
        .timeout(Duration::from_secs(10))
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bwrap") && err.contains("bubblewrap"), "{err}");
    let nodes = json(
        &tartarus_on(&server)
            .args(["node", "list", "-o", "json"])
            .output()
            .unwrap()
            .stdout,
    );
    assert_eq!(
        nodes["items"].as_array().map(Vec::len),
        Some(0),
        "a refusing agent registers nothing"
    );
}

#[test]
fn drain_deadline_hands_runs_back() {
    let server = RedisServer::start();
    let dir = tempfile::tempdir().unwrap();
    let _scheduler = spawn(&server, &["scheduler", "run"]);
    let logs = dir.path().join("d1");
    let work = work_dir(dir.path(), "d1");
    let mut a = spawn(
        &server,
        &[
            "agent",
            "run",
            "--name",
            "d1",
            "--ttl",
            "2s",
            "--poll",
            "50ms",
            "--drain-deadline",
            "1s",
            "--log-dir",
            logs.to_str().unwrap(),
            "--work-dir",
            work.to_str().unwrap(),
        ],
    );
    let id = submit(&server, "spec: {image: x, command: [sleep, \"30\"]}\n");
    wait_state(&server, &id, "running", Duration::from_secs(10));
    unsafe {
        libc::kill(a.0.id() as i32, libc::SIGTERM);
    }
    let t = Instant::now();
    while a.0.try_wait().unwrap().is_none() {
        assert!(
            t.elapsed() < Duration::from_secs(10),
            "agent did not stop after its drain deadline"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    // Handed back: lost, then queued again (and, with no node left, parked as pending).
    let run = get(&server, &id);
    assert!(
        matches!(run["state"].as_str(), Some("queued" | "pending")),
        "{run}"
    );
    assert_eq!(run["attempts"], 1);
    let lost = run["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["to"] == "lost")
        .cloned()
        .expect("a lost event");
    assert_eq!(lost["message"], "agent d1 drained before it finished");
    assert!(
        t.elapsed() < Duration::from_secs(5),
        "handed back at the 1s deadline, not after the sandbox's 30s"
    );
}

#[test]
fn a_redis_crash_while_a_sandbox_runs_loses_no_outcome() {
    let mut server = RedisServer::start_with(support::ServerOptions::aof("always"));
    let dir = tempfile::tempdir().unwrap();
    let _scheduler = spawn(&server, &["scheduler", "run"]);
    let logs = dir.path().join("r1");
    let work = work_dir(dir.path(), "r1");
    let _agent = spawn(
        &server,
        &[
            "agent",
            "run",
            "--name",
            "r1",
            "--ttl",
            "20s",
            "--poll",
            "50ms",
            "--log-dir",
            logs.to_str().unwrap(),
            "--work-dir",
            work.to_str().unwrap(),
        ],
    );
    let id = submit(
        &server,
        "spec: {image: x, command: [sh, -c, \"sleep 2; echo survived\"]}\n",
    );
    wait_state(&server, &id, "running", Duration::from_secs(10));
    server.kill9();
    std::thread::sleep(Duration::from_secs(3)); // the sandbox ends while Redis is down
    server.restart();
    let run = wait_state(&server, &id, "succeeded", Duration::from_secs(20));
    assert_eq!(
        (run["attempts"].as_u64(), run["log_tail"].as_str()),
        (Some(1), Some("survived\n"))
    );
    let node = json(
        &tartarus_on(&server)
            .args(["node", "get", "r1", "-o", "json"])
            .output()
            .unwrap()
            .stdout,
    );
    assert_eq!(node["usage"]["slots"], 0, "the slot was given back: {node}");
}

#[test]
fn a_stalled_agent_does_not_run_a_moved_run_twice() {
    let server = RedisServer::start();
    let dir = tempfile::tempdir().unwrap();
    let trace = writable_by_sandboxes(dir.path()).join("trace");
    let _scheduler = spawn(&server, &["scheduler", "run"]);
    let a1 = agent(&server, "a1", "", dir.path());
    std::thread::sleep(Duration::from_millis(300));
    let yaml = format!(
        "spec:\n  image: x\n  env: {{TRACE: \"{}\"}}\n  command: [sh, -c, \"echo start >> $TRACE; sleep 4; echo done >> $TRACE\"]\n",
        trace.display()
    );
    let id = submit(&server, &yaml);
    wait_state(&server, &id, "running", Duration::from_secs(10));
    // Stall the agent past its TTL (its sandbox keeps running); a second node takes the run over.
    unsafe {
        libc::kill(a1.0.id() as i32, libc::SIGSTOP);
    }
    let _a2 = agent(&server, "a2", "", dir.path());
    let moved = {
        let t = Instant::now();
        loop {
            let run = get(&server, &id);
            if run["node"] == "a2" && run["state"] == "running" {
                break run;
            }
            assert!(
                t.elapsed() < Duration::from_secs(15),
                "run not moved to a2: {run}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    };
    assert_eq!(moved["attempts"], 2);
    unsafe {
        libc::kill(a1.0.id() as i32, libc::SIGCONT);
    }
    let run = wait_state(&server, &id, "succeeded", Duration::from_secs(20));
    assert_eq!(run["node"], "a2");
    std::thread::sleep(Duration::from_secs(1));
    let lines = std::fs::read_to_string(&trace).unwrap();
    assert_eq!(
        lines.matches("done").count(),
        1,
        "the stalled agent let its copy finish too:\n{lines}"
    );
    drop(a1);
}
