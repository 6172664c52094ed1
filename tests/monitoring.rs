//! Monitoring with real processes against a real redis-server: `/metrics` agrees with `queue stats` during and after a workload, the probes flip when Redis goes away and comes back, garbage HTTP cannot crash the endpoint, JSON logs carry no secret.

mod support;

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use support::{queue_stats, tartarus_on, RedisServer, ServerOptions};

/// A `tartarus` process whose stderr lines are collected; killed when the test ends.
struct Proc {
    child: Child,
    lines: Arc<Mutex<Vec<String>>>,
}

impl Drop for Proc {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Proc {
    fn spawn(server: &RedisServer, args: &[&str]) -> Proc {
        let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("tartarus"));
        cmd.env("REDIS_ADDR", server.host_port())
            .env_remove("HADES_LABEL")
            .env_remove("TARTARUS_METRICS_ADDR")
            .env_remove("TARTARUS_LOG_FORMAT")
            .env_remove("TARTARUS_LOG")
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped());
        if let Some(p) = &server.options.password {
            cmd.env("REDIS_PASSWORD", p);
        }
        let mut child = cmd.spawn().expect("spawn tartarus");
        let lines = Arc::new(Mutex::new(Vec::new()));
        let sink = lines.clone();
        let stderr = child.stderr.take().expect("stderr");
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines() {
                match line {
                    Ok(l) => sink.lock().unwrap().push(l),
                    Err(_) => break,
                }
            }
        });
        Proc { child, lines }
    }

    fn stderr(&self) -> String {
        self.lines.lock().unwrap().join("\n")
    }

    /// The address the metrics endpoint announced in the log (it was asked for port 0).
    fn metrics_addr(&mut self) -> String {
        let deadline = Instant::now() + Duration::from_secs(30);
        while Instant::now() < deadline {
            if let Some(addr) = self.lines.lock().unwrap().iter().find_map(|l| {
                let rest = l.split("serving http://").nth(1)?;
                Some(rest.split('/').next()?.to_string())
            }) {
                return addr;
            }
            if let Ok(Some(status)) = self.child.try_wait() {
                panic!("tartarus exited ({status}):\n{}", self.stderr());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("no metrics address announced:\n{}", self.stderr());
    }
}

/// One HTTP exchange: the status code and the body.
fn http(addr: &str, request: &[u8]) -> (u16, String) {
    let mut s = TcpStream::connect(addr).expect("connect to the metrics endpoint");
    s.set_read_timeout(Some(Duration::from_secs(15))).unwrap();
    let _ = s.write_all(request);
    let mut out = Vec::new();
    let _ = s.read_to_end(&mut out);
    let text = String::from_utf8_lossy(&out).to_string();
    let code = text
        .split(' ')
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or_else(|| panic!("no HTTP status in {text:?}"));
    let body = text
        .split("\r\n\r\n")
        .nth(1)
        .unwrap_or_default()
        .to_string();
    (code, body)
}

fn get(addr: &str, path: &str) -> (u16, String) {
    http(
        addr,
        format!("GET {path} HTTP/1.1\r\nHost: test\r\n\r\n").as_bytes(),
    )
}

/// Samples of a Prometheus text exposition, checked strictly: every line is a comment (`# HELP`,
/// `# TYPE`) or `name{label="value",…} number`, every sample's family is declared by a TYPE line.
#[derive(Debug, Default)]
struct Scrape {
    samples: Vec<(String, BTreeMap<String, String>, f64)>,
    types: BTreeMap<String, String>,
}

fn parse_scrape(text: &str) -> Scrape {
    let mut s = Scrape::default();
    for line in text.lines() {
        if line.is_empty() {
            continue;
        }
        if let Some(rest) = line.strip_prefix("# TYPE ") {
            let mut p = rest.split(' ');
            let (name, kind) = (p.next().unwrap(), p.next().unwrap());
            assert!(
                ["counter", "gauge", "histogram", "summary", "untyped"].contains(&kind),
                "{line}"
            );
            s.types.insert(name.to_string(), kind.to_string());
            continue;
        }
        if line.starts_with("# HELP ") {
            continue;
        }
        assert!(!line.starts_with('#'), "stray comment: {line}");
        let (series, value) = line.rsplit_once(' ').unwrap_or_else(|| panic!("{line}"));
        let value: f64 = match value {
            "+Inf" => f64::INFINITY,
            "-Inf" => f64::NEG_INFINITY,
            v => v.parse().unwrap_or_else(|_| panic!("bad value in {line}")),
        };
        let (name, labels) = match series.split_once('{') {
            None => (series.to_string(), BTreeMap::new()),
            Some((name, rest)) => {
                let body = rest.strip_suffix('}').unwrap_or_else(|| panic!("{line}"));
                let mut labels = BTreeMap::new();
                for pair in body.split("\",").filter(|p| !p.is_empty()) {
                    let (k, v) = pair.split_once("=\"").unwrap_or_else(|| panic!("{line}"));
                    labels.insert(k.to_string(), v.trim_end_matches('"').to_string());
                }
                (name.to_string(), labels)
            }
        };
        assert!(
            name.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == ':'),
            "{line}"
        );
        let family = ["_bucket", "_sum", "_count"]
            .iter()
            .find_map(|suffix| {
                name.strip_suffix(suffix)
                    .filter(|base| s.types.get(*base).is_some_and(|t| t == "histogram"))
            })
            .unwrap_or(&name)
            .to_string();
        assert!(s.types.contains_key(&family), "no TYPE for {name}");
        s.samples.push((name, labels, value));
    }
    s
}

impl Scrape {
    fn value(&self, name: &str, labels: &[(&str, &str)]) -> Option<f64> {
        self.samples
            .iter()
            .find(|(n, l, _)| {
                n == name
                    && labels.len() == l.len()
                    && labels
                        .iter()
                        .all(|(k, v)| l.get(*k).map(String::as_str) == Some(*v))
            })
            .map(|(_, _, v)| *v)
    }
    fn must(&self, name: &str, labels: &[(&str, &str)]) -> f64 {
        self.value(name, labels)
            .unwrap_or_else(|| panic!("{name}{labels:?} missing"))
    }
}

fn scrape(addr: &str) -> Scrape {
    let (code, body) = get(addr, "/metrics");
    assert_eq!(code, 200, "{body}");
    parse_scrape(&body)
}

fn wait_until(what: &str, within: Duration, mut ok: impl FnMut() -> bool) {
    let deadline = Instant::now() + within;
    while Instant::now() < deadline {
        if ok() {
            return;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    panic!("timed out waiting for {what}");
}

fn scheduler(server: &RedisServer) -> Proc {
    Proc::spawn(
        server,
        &["scheduler", "run", "--metrics-addr", "127.0.0.1:0"],
    )
}

fn agent(server: &RedisServer, name: &str, dir: &std::path::Path) -> Proc {
    let logs = dir.join(name);
    Proc::spawn(
        server,
        &[
            "agent",
            "run",
            "--name",
            name,
            "--slots",
            "4",
            "--ttl",
            "30s",
            "--poll",
            "50ms",
            "--log-dir",
            logs.to_str().unwrap(),
            "--metrics-addr",
            "127.0.0.1:0",
        ],
    )
}

fn submit_yaml(server: &RedisServer, yaml: &str) {
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
}

fn state_count(stats: &serde_json::Value, state: &str) -> f64 {
    stats["states"][state].as_u64().unwrap_or(0) as f64
}

#[test]
fn metrics_agree_with_queue_stats_during_and_after_a_workload() {
    let server = RedisServer::start();
    let dir = tempfile::tempdir().unwrap();
    let out = tartarus_on(&server)
        .args(["-q", "policy", "apply", "-f", "-"])
        .write_stdin(
            "apiVersion: themis.tartarus.io/v1\nkind: Policy\nmetadata: {name: no-privileged}\nspec:\n  mode: enforce\n  rules:\n    - {name: deny-privileged, when: {privileged: true}, verdict: deny, message: no}\n",
        )
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut sched = scheduler(&server);
    let mut node = agent(&server, "m1", dir.path());
    let sched_addr = sched.metrics_addr();
    let agent_addr = node.metrics_addr();
    wait_until("both processes ready", Duration::from_secs(20), || {
        get(&sched_addr, "/readyz").0 == 200 && get(&agent_addr, "/readyz").0 == 200
    });

    // 24 that succeed (each a little slow, so the scrape below sees work in flight), 6 that
    // fail, 3 denied by policy.
    let mut yaml = String::new();
    for _ in 0..24 {
        yaml.push_str("spec: {image: x, command: [sh, -c, \"sleep 0.2\"]}\n---\n");
    }
    for _ in 0..6 {
        yaml.push_str("spec: {image: x, command: [\"false\"]}\n---\n");
    }
    for _ in 0..3 {
        yaml.push_str("spec: {image: x, privileged: true, command: [\"true\"]}\n---\n");
    }
    submit_yaml(&server, &yaml);

    // During the workload: the text parses and the figures are the store's.
    // Every sample counts each run in exactly one state, whatever moment it was taken at.
    let mut samples_seen = 0;
    wait_until("a sample of the workload", Duration::from_secs(10), || {
        let during = scrape(&sched_addr);
        let total: f64 = during
            .samples
            .iter()
            .filter(|(n, _, _)| n == "tartarus_runs")
            .map(|(_, _, v)| v)
            .sum();
        assert!(total == 0.0 || total == 33.0, "{total} runs in the states");
        samples_seen += 1;
        total == 33.0
    });
    assert!(samples_seen >= 1);

    wait_until("every run finished", Duration::from_secs(60), || {
        let s = queue_stats(&server);
        state_count(&s, "succeeded") + state_count(&s, "failed") + state_count(&s, "denied") == 33.0
    });
    let stats = queue_stats(&server);
    // The sampler runs every second: wait for a sample taken after the last change.
    wait_until("a fresh sample", Duration::from_secs(10), || {
        let s = scrape(&sched_addr);
        ["succeeded", "failed", "denied"].iter().all(|state| {
            s.value("tartarus_runs", &[("state", state)]) == Some(state_count(&stats, state))
        })
    });
    let s = scrape(&sched_addr);
    for state in [
        "queued",
        "pending",
        "scheduled",
        "running",
        "succeeded",
        "failed",
        "denied",
        "dead",
    ] {
        assert_eq!(
            s.must("tartarus_runs", &[("state", state)]),
            state_count(&stats, state),
            "state {state}"
        );
    }
    for (queue, field) in [
        ("queued", "depth"),
        ("leased", "in_flight"),
        ("pending", "pending"),
        ("dead", "dead"),
    ] {
        assert_eq!(
            s.must("tartarus_queue_depth", &[("queue", queue)]),
            stats[field].as_u64().unwrap() as f64,
            "{queue}"
        );
    }
    assert_eq!(s.must("tartarus_queue_oldest_age_seconds", &[]), 0.0);
    assert_eq!(s.must("tartarus_schedulers_live", &[]), 1.0);
    assert_eq!(
        s.must("tartarus_schedulers_live", &[]),
        stats["live_schedulers"].as_u64().unwrap() as f64
    );
    assert_eq!(s.must("tartarus_nodes", &[("status", "alive")]), 1.0);
    assert_eq!(
        s.must("tartarus_node_slots_capacity", &[("node", "m1")]),
        4.0
    );
    assert_eq!(s.must("tartarus_node_slots_used", &[("node", "m1")]), 0.0);
    assert_eq!(s.must("tartarus_policy_version", &[]), 1.0);
    assert_eq!(s.must("tartarus_scheduler_policy_version", &[]), 1.0);
    assert_eq!(s.must("tartarus_redis_up", &[]), 1.0);
    assert!(s.must("tartarus_redis_rtt_seconds", &[]) > 0.0);
    assert_eq!(s.must("tartarus_ready", &[]), 1.0);
    // Counters of the scheduler: where the decisions were made.
    assert_eq!(s.must("tartarus_runs_scheduled_total", &[]), 30.0);
    assert_eq!(s.must("tartarus_runs_denied_total", &[]), 3.0);
    // Runs parked for want of a free slot are claimed again when capacity frees up.
    assert!(s.must("tartarus_runs_claimed_total", &[]) >= 33.0);
    assert_eq!(
        s.must("tartarus_submit_to_scheduled_seconds_count", &[]),
        30.0
    );
    assert!(s.must("tartarus_scheduler_batch_duration_seconds_count", &[]) >= 1.0);
    // Counters of the agent: where the sandboxes ran.
    let a = scrape(&agent_addr);
    assert_eq!(
        a.must("tartarus_runs_succeeded_total", &[]),
        state_count(&stats, "succeeded")
    );
    assert_eq!(
        a.must("tartarus_runs_failed_total", &[]),
        state_count(&stats, "failed")
    );
    assert_eq!(a.must("tartarus_runs_started_total", &[]), 30.0);
    assert_eq!(
        a.must("tartarus_node_slots_capacity", &[("node", "m1")]),
        4.0
    );
    assert_eq!(
        a.must(
            "tartarus_build_info",
            &[("role", "agent"), ("version", env!("CARGO_PKG_VERSION"))]
        ),
        1.0
    );
    // An agent does not sample the deployment's queue.
    assert!(a
        .value("tartarus_runs", &[("state", "succeeded")])
        .is_none());
}

#[test]
fn probes_flip_when_redis_stops_and_come_back_when_it_returns() {
    let mut server = RedisServer::start();
    let dir = tempfile::tempdir().unwrap();
    let mut sched = scheduler(&server);
    let mut node = agent(&server, "p1", dir.path());
    let addrs = [sched.metrics_addr(), node.metrics_addr()];
    let ready = |addr: &String| get(addr, "/readyz");
    wait_until("ready", Duration::from_secs(20), || {
        addrs.iter().all(|a| ready(a).0 == 200)
    });

    server.kill9();
    wait_until("not ready without Redis", Duration::from_secs(20), || {
        addrs.iter().all(|a| ready(a).0 == 503)
    });
    for a in &addrs {
        let (_, body) = ready(a);
        assert!(body.contains("Redis"), "{body}");
        assert_eq!(get(a, "/healthz").0, 200, "alive all the same");
        assert_eq!(scrape(a).must("tartarus_redis_up", &[]), 0.0);
    }

    server.restart();
    wait_until("ready again", Duration::from_secs(30), || {
        addrs.iter().all(|a| ready(a).0 == 200)
    });
    for a in &addrs {
        let s = scrape(a);
        assert!(s.must("tartarus_redis_reconnects_total", &[]) >= 1.0);
        assert!(s.must("tartarus_redis_ping_failures_total", &[]) >= 1.0);
        assert_eq!(s.must("tartarus_ready", &[]), 1.0);
    }
}

#[test]
fn an_agent_is_not_ready_until_its_node_is_registered() {
    let server = RedisServer::start();
    let dir = tempfile::tempdir().unwrap();
    let mut node = agent(&server, "r1", dir.path());
    let addr = node.metrics_addr();
    wait_until("ready", Duration::from_secs(20), || {
        get(&addr, "/readyz").0 == 200
    });
    // Removing the node's hash makes the agent unready until its next heartbeat (every 10 s
    // with a 30 s TTL) puts it back.
    let mut conn = server.conn();
    let _: () = redis::cmd("DEL")
        .arg("tartarus:{default}:node:r1")
        .query(&mut conn)
        .unwrap();
    wait_until("unready without its node", Duration::from_secs(10), || {
        let (code, body) = get(&addr, "/readyz");
        code == 503 && body.contains("node r1")
    });
    wait_until(
        "ready after the next heartbeat",
        Duration::from_secs(20),
        || get(&addr, "/readyz").0 == 200,
    );
}

#[test]
fn garbage_requests_do_not_crash_the_endpoint() {
    let server = RedisServer::start();
    let mut sched = scheduler(&server);
    let addr = sched.metrics_addr();
    let garbage: Vec<Vec<u8>> = vec![
        b"\x00\x01\x02\xff\xfe\r\n\r\n".to_vec(),
        b"GET\r\n\r\n".to_vec(),
        b"GET /metrics HTTP/9.9 extra words\r\n\r\n".to_vec(),
        b"DELETE /metrics HTTP/1.1\r\n\r\n".to_vec(),
        b"GET http://evil/ HTTP/1.1\r\n\r\n".to_vec(),
        format!("GET /{} HTTP/1.1\r\n\r\n", "a".repeat(20_000)).into_bytes(),
        format!(
            "GET /metrics HTTP/1.1\r\nX: {}\r\n\r\n",
            "b".repeat(100_000)
        )
        .into_bytes(),
    ];
    let mut codes = Vec::new();
    for g in &garbage {
        codes.push(http(&addr, g).0);
    }
    assert_eq!(codes, [400, 400, 400, 405, 400, 431, 431]);
    // Half a request, then the client goes away; idle connections that say nothing.
    {
        let mut s = TcpStream::connect(&addr).unwrap();
        s.write_all(b"GET /metr").unwrap();
    }
    let idle: Vec<TcpStream> = (0..10)
        .map(|_| TcpStream::connect(&addr).unwrap())
        .collect();
    let t = Instant::now();
    assert_eq!(get(&addr, "/healthz"), (200, "ok\n".to_string()));
    assert!(
        t.elapsed() < Duration::from_secs(3),
        "idle clients do not block probes"
    );
    drop(idle);
    assert_eq!(get(&addr, "/nowhere").0, 404);
    let (code, _) = http(&addr, b"HEAD /metrics HTTP/1.1\r\n\r\n");
    assert_eq!(code, 200);
    assert!(scrape(&addr).value("tartarus_redis_up", &[]).is_some());
    assert!(sched.child.try_wait().unwrap().is_none(), "still running");
}

#[test]
fn a_taken_metrics_address_is_a_clear_error() {
    let server = RedisServer::start();
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = taken.local_addr().unwrap().to_string();
    let out = tartarus_on(&server)
        .args(["scheduler", "run", "--metrics-addr", &addr])
        .timeout(Duration::from_secs(30))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(i32::from(tartarus::exit::FAILURE)));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("--metrics-addr") && err.contains("cannot listen"),
        "{err}"
    );
    let out = tartarus_on(&server)
        .args(["scheduler", "run", "--metrics-addr", "nonsense"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(i32::from(tartarus::exit::USAGE)));
}

#[test]
fn json_logs_are_one_object_per_line_and_carry_no_secret() {
    let password = "s3cret-Pa55word-xyz";
    let server = RedisServer::start_with(ServerOptions {
        password: Some(password.into()),
        ..Default::default()
    });
    let out = tartarus_on(&server)
        .env("TARTARUS_LOG_FORMAT", "json")
        .args(["-vv", "scheduler", "run", "--once"])
        .timeout(Duration::from_secs(60))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains(password), "the password leaked into the logs");
    let mut messages = Vec::new();
    for line in err.lines() {
        let v: serde_json::Value =
            serde_json::from_str(line).unwrap_or_else(|e| panic!("not JSON ({e}): {line}"));
        let ts = v["timestamp"].as_str().expect("timestamp");
        assert!(
            chrono::DateTime::parse_from_rfc3339(ts).is_ok() && ts.ends_with('Z'),
            "{ts}"
        );
        assert!(["ERROR", "WARN", "INFO", "DEBUG", "TRACE"].contains(&v["level"].as_str().unwrap()));
        messages.push(v["message"].as_str().expect("message").to_string());
    }
    assert!(
        messages.iter().any(|m| m.contains("Using Redis queue")),
        "{messages:?}"
    );
    // A wrong password is reported without echoing what was tried.
    let out = tartarus_on(&server)
        .env("REDIS_PASSWORD", "wrong-Pa55word-abc")
        .args(["--log-format", "json", "-vv", "queue", "stats"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        !err.contains("wrong-Pa55word-abc") && !err.contains(password),
        "{err}"
    );
}

#[test]
fn the_metrics_endpoint_can_be_set_from_the_environment() {
    let server = RedisServer::start();
    let free = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = free.local_addr().unwrap().to_string();
    drop(free);
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("tartarus"));
    cmd.env("REDIS_ADDR", server.host_port())
        .env("TARTARUS_METRICS_ADDR", &addr)
        .args(["scheduler", "run"])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    let child = cmd.spawn().unwrap();
    let _guard = Proc {
        child,
        lines: Default::default(),
    };
    wait_until("the endpoint", Duration::from_secs(20), || {
        TcpStream::connect(&addr).is_ok() && get(&addr, "/healthz").0 == 200
    });
    let s = scrape(&addr);
    assert_eq!(
        s.must(
            "tartarus_build_info",
            &[
                ("role", "scheduler"),
                ("version", env!("CARGO_PKG_VERSION"))
            ]
        ),
        1.0
    );
}
