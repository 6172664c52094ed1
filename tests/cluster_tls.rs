//! Redis Cluster over TLS only (`port 0`, `tls-port`, `tls-cluster yes`, `tls-replication
//! yes`, clients required to present a certificate): tartarus submits into a cell, a scheduler
//! and an agent run it to the end, `redis health` reads every master, and a Cluster backup is
//! taken, verified and restored online, all over TLS.

mod support;

use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};
use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::os::unix::fs::PermissionsExt;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use support::tls::{generate, Certs};

/// A TLS-only cluster node; killed on drop.
struct Node {
    port: u16,
    child: Child,
}

impl Drop for Node {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A port in 20000–45000 with its cluster bus port (+10000) free too.
fn cluster_port(taken: &[u16]) -> u16 {
    for _ in 0..1000 {
        let mut h = RandomState::new().build_hasher();
        h.write_u128(
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_nanos(),
        );
        let port = 20_000 + (h.finish() % 25_000) as u16;
        if taken
            .iter()
            .any(|t| t.abs_diff(port) == 10_000 || *t == port)
        {
            continue;
        }
        if TcpListener::bind(("127.0.0.1", port)).is_ok()
            && TcpListener::bind(("127.0.0.1", port + 10_000)).is_ok()
        {
            return port;
        }
    }
    panic!("no free port pair");
}

fn cli(certs: &Certs, port: u16, args: &[&str]) -> std::process::Output {
    Command::new("redis-cli")
        .args(["-h", "127.0.0.1", "-p", &port.to_string(), "--tls"])
        .arg("--cacert")
        .arg(certs.ca())
        .arg("--cert")
        .arg(certs.client_cert())
        .arg("--key")
        .arg(certs.client_key())
        .args(args)
        .output()
        .expect("redis-cli")
}

fn start_node(certs: &Certs, dir: &std::path::Path, taken: &[u16]) -> Node {
    for _ in 0..10 {
        let port = cluster_port(taken);
        let s = |p: std::path::PathBuf| p.to_str().unwrap().to_string();
        let child = Command::new(support::redis_server_binary())
            .args([
                "--port",
                "0",
                "--tls-port",
                &port.to_string(),
                "--bind",
                "127.0.0.1",
            ])
            .args(["--dir", dir.to_str().unwrap(), "--logfile", "redis.log"])
            .args([
                "--cluster-enabled",
                "yes",
                "--cluster-config-file",
                "nodes.conf",
            ])
            .args([
                "--cluster-node-timeout",
                "3000",
                "--appendonly",
                "yes",
                "--save",
                "",
            ])
            .args(["--tls-cluster", "yes", "--tls-replication", "yes"])
            .args(["--tls-cert-file", &s(certs.path("server.crt"))])
            .args(["--tls-key-file", &s(certs.path("server.key"))])
            .args(["--tls-ca-cert-file", &s(certs.ca())])
            .args(["--tls-auth-clients", "yes"])
            .current_dir(dir)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("redis-server");
        let mut node = Node { port, child };
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = node.child.try_wait() {
                break;
            }
            if String::from_utf8_lossy(&cli(certs, port, &["PING"]).stdout).trim() == "PONG" {
                return node;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
    panic!("a TLS cluster node did not start");
}

/// `tartarus` on the TLS cluster, in `cell`, with the client certificate.
fn tartarus(certs: &Certs, addrs: &str, cell: &str) -> Command {
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("tartarus"));
    for var in [
        "REDIS_ADDR",
        "REDIS_SENTINEL_ADDRS",
        "REDIS_PASSWORD",
        "HADES_LABEL",
    ] {
        cmd.env_remove(var);
    }
    cmd.env("REDIS_CLUSTER_ADDRS", addrs)
        .env("TARTARUS_CELL", cell)
        .env("REDIS_TLS", "1")
        .env("REDIS_TLS_CA_FILE", certs.ca())
        .env("REDIS_TLS_CERT_FILE", certs.client_cert())
        .env("REDIS_TLS_KEY_FILE", certs.client_key())
        .env("NO_COLOR", "1");
    cmd
}

fn ok_json(cmd: &mut Command) -> serde_json::Value {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    support::json(&out.stdout)
}

/// A background tartarus process; its stderr kept, killed on drop.
struct Proc {
    child: Child,
    lines: std::sync::Arc<std::sync::Mutex<Vec<String>>>,
}

impl Proc {
    fn spawn(mut cmd: Command) -> Proc {
        let mut child = cmd
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let lines = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let sink = lines.clone();
        let stderr = child.stderr.take().unwrap();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                sink.lock().unwrap().push(line);
            }
        });
        Proc { child, lines }
    }
    fn log(&self) -> String {
        self.lines.lock().unwrap().join("\n")
    }
}

impl Drop for Proc {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn tartarus_runs_on_a_tls_only_cluster() {
    let certs = generate();
    let root = tempfile::Builder::new()
        .prefix("cluster-tls-")
        .tempdir()
        .unwrap();
    let mut nodes: Vec<Node> = Vec::new();
    for i in 0..3 {
        let dir = root.path().join(format!("node{i}"));
        std::fs::create_dir_all(&dir).unwrap();
        let taken: Vec<u16> = nodes.iter().map(|n| n.port).collect();
        nodes.push(start_node(&certs, &dir, &taken));
    }
    let addrs: Vec<String> = nodes
        .iter()
        .map(|n| format!("127.0.0.1:{}", n.port))
        .collect();
    let mut create = vec!["--cluster", "create"];
    create.extend(addrs.iter().map(String::as_str));
    create.extend(["--cluster-replicas", "0", "--cluster-yes"]);
    let out = cli(&certs, nodes[0].port, &create);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let deadline = Instant::now() + Duration::from_secs(60);
    while !nodes.iter().all(|n| {
        String::from_utf8_lossy(&cli(&certs, n.port, &["CLUSTER", "INFO"]).stdout)
            .contains("cluster_state:ok")
    }) {
        assert!(
            Instant::now() < deadline,
            "the TLS cluster did not become ok"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    let addrs = addrs.join(",");
    let cell = "tls";

    // Health reads the cluster and every master over TLS.
    let out = tartarus(&certs, &addrs, cell)
        .args(["redis", "health", "-o", "json"])
        .output()
        .unwrap();
    let report = support::json(&out.stdout);
    let checks = report["checks"].as_array().unwrap();
    let value = |name: &str| {
        checks
            .iter()
            .find(|c| c["name"] == name)
            .map(|c| c["value"].clone())
            .unwrap_or_else(|| panic!("{name}: {report}"))
    };
    assert_eq!(value("cluster_state"), "ok", "{report}");
    assert_eq!(value("cluster_slots"), 16384, "{report}");
    for a in addrs.split(',') {
        assert_eq!(value(&format!("{a} appendonly")), "yes", "{report}");
    }

    // Submit, then a scheduler and an agent run it to the end.
    let work = tempfile::Builder::new()
        .prefix("cluster-tls-agent-")
        .tempdir()
        .unwrap();
    std::fs::set_permissions(work.path(), std::fs::Permissions::from_mode(0o711)).unwrap();
    let submitted = ok_json(tartarus(&certs, &addrs, cell).args([
        "-q", "sandbox", "submit", "-o", "json", "--image", "alpine", "--cpu", "100m", "--memory",
        "16Mi", "--", "true",
    ]));
    let id = support::items(&submitted)[0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let mut sched = tartarus(&certs, &addrs, cell);
    sched.args(["--redis-timeout", "3s", "scheduler", "run"]);
    let scheduler = Proc::spawn(sched);
    let mut ag = tartarus(&certs, &addrs, cell);
    ag.args([
        "--redis-timeout",
        "3s",
        "agent",
        "run",
        "--name",
        "tls-agent",
        "--poll",
        "50ms",
    ])
    .arg("--work-dir")
    .arg(work.path().join("work"))
    .arg("--log-dir")
    .arg(work.path().join("logs"));
    let agent = Proc::spawn(ag);
    let deadline = Instant::now() + Duration::from_secs(90);
    loop {
        let run =
            ok_json(tartarus(&certs, &addrs, cell).args(["sandbox", "get", &id, "-o", "json"]));
        let state = support::flat_run(&run)["state"]
            .as_str()
            .unwrap_or_default()
            .to_string();
        if state == "succeeded" {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "run {id} is {state}\nscheduler:\n{}\nagent:\n{}",
            scheduler.log(),
            agent.log()
        );
        std::thread::sleep(Duration::from_millis(300));
    }
    drop((scheduler, agent));

    // A Cluster backup (the file method: the data dirs are on this machine) and an online
    // restore into the flushed cluster, over TLS.
    let backups = tempfile::Builder::new()
        .prefix("cluster-tls-backup-")
        .tempdir()
        .unwrap();
    let d = backups.path().to_str().unwrap();
    let created = ok_json(
        tartarus(&certs, &addrs, cell)
            .args(["backup", "create", "--dir", d, "--verify", "-o", "json"]),
    );
    assert_eq!(created["masters"].as_array().unwrap().len(), 3, "{created}");
    assert_eq!(created["verify"]["ok"], true, "{created}");
    let id_backup = created["id"].as_str().unwrap().to_string();
    for n in &nodes {
        assert!(cli(&certs, n.port, &["FLUSHALL"]).status.success());
    }
    let restored = ok_json(tartarus(&certs, &addrs, cell).args([
        "backup", "restore", &id_backup, "--dir", d, "--online", "--yes", "-o", "json",
    ]));
    assert!(restored["restored"].as_u64().unwrap() > 3, "{restored}");
    let run = ok_json(tartarus(&certs, &addrs, cell).args(["sandbox", "get", &id, "-o", "json"]));
    assert_eq!(support::flat_run(&run)["state"], "succeeded", "{run}");
}
