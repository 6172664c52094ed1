//! TLS end to end: a TLS-only redis-server (`--port 0 --tls-port P`) with certificates the test makes, reached by every command group; mutual TLS; and a wrong CA, which must exit 5 (health: 3) with a clear message and no panic.

mod support;

use std::os::unix::fs::PermissionsExt;
use std::time::{Duration, Instant};

use support::tls::{generate, Certs, TlsServer};
use support::{items, json, tartarus};
use tartarus::exit;

/// `tartarus` pointed at a TLS server, trusting the test CA (and presenting the client
/// certificate when the server requires one).
fn on_tls(server: &TlsServer, certs: &Certs) -> assert_cmd::Command {
    let mut cmd = tartarus();
    cmd.env("REDIS_ADDR", server.url())
        .env("REDIS_TLS_CA_FILE", certs.ca());
    if server.mutual {
        cmd.env("REDIS_TLS_CERT_FILE", certs.client_cert())
            .env("REDIS_TLS_KEY_FILE", certs.client_key());
    }
    cmd
}

fn ok(cmd: &mut assert_cmd::Command, args: &[&str]) -> serde_json::Value {
    let out = cmd.args(args).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "{args:?} exited {:?}: {stderr}",
        out.status.code()
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    if args.contains(&"json") {
        json(&out.stdout)
    } else {
        serde_json::Value::Null
    }
}

const SANDBOX: &str = "metadata: {name: tls-hello}\nspec:\n  image: alpine:3.20\n  command: [\"true\"]\n  resources: {cpu: 100m, memory: 64Mi}\n  timeout: 30s\n";
const POLICY: &str = "apiVersion: themis.tartarus.io/v1\nkind: Policy\nmetadata: {name: tls-limit}\nspec:\n  mode: enforce\n  rules:\n    - name: too-big\n      when: {cpu: {gt: 64}}\n      verdict: deny\n      message: too much CPU\n";

/// Starts `agent run` over TLS and schedules until the run `id` succeeds; false when it does not
/// within 30 s. The agent's node must show in `node list` meanwhile.
fn run_with_agent(server: &TlsServer, certs: &Certs, dir: &std::path::Path, id: &str) -> bool {
    let mut agent = std::process::Command::new(assert_cmd::cargo::cargo_bin("tartarus"))
        .env("REDIS_ADDR", server.url())
        .env("REDIS_TLS_CA_FILE", certs.ca())
        .args([
            "-q",
            "agent",
            "run",
            "--name",
            "tls-agent",
            "--poll",
            "50ms",
        ])
        .arg("--work-dir")
        .arg(dir.join("work"))
        .arg("--log-dir")
        .arg(dir.join("logs"))
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(30);
    let mut finished = false;
    while Instant::now() < deadline && !finished {
        // The first pass found no node: schedule again now that the agent may be there.
        ok(&mut on_tls(server, certs), &["scheduler", "run", "--once"]);
        let run = ok(
            &mut on_tls(server, certs),
            &["sandbox", "get", id, "-o", "json"],
        );
        finished = run["status"]["state"] == "succeeded";
        std::thread::sleep(Duration::from_millis(100));
    }
    let nodes = ok(&mut on_tls(server, certs), &["node", "list", "-o", "json"]);
    let _ = agent.kill();
    let out = agent.wait_with_output().unwrap();
    assert!(
        items(&nodes).iter().any(|n| n["name"] == "tls-agent"),
        "{nodes}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    finished
}

#[test]
fn the_control_plane_commands_work_over_tls() {
    let certs = generate();
    let server = TlsServer::start(&certs, false, &[]);
    let dir = tempfile::tempdir().unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o711)).unwrap();
    let cfg = ok(
        &mut on_tls(&server, &certs),
        &["config", "show", "-o", "json"],
    );
    let setting = |name: &str| {
        items(&cfg)
            .into_iter()
            .find(|s| s["name"] == name)
            .map(|s| s["value"].clone())
            .unwrap_or_else(|| panic!("{name} missing: {cfg}"))
    };
    assert_eq!(setting("REDIS_TLS"), true);
    assert_eq!(setting("topology"), "standalone");
    let policies = dir.path().join("policy.yaml");
    std::fs::write(&policies, POLICY).unwrap();
    ok(
        &mut on_tls(&server, &certs),
        &["policy", "apply", "-f", policies.to_str().unwrap()],
    );
    let listed = ok(
        &mut on_tls(&server, &certs),
        &["policy", "list", "-o", "json"],
    );
    assert_eq!(items(&listed).len(), 1, "{listed}");
    let out = on_tls(&server, &certs)
        .args(["sandbox", "submit", "-f", "-", "-o", "json"])
        .write_stdin(SANDBOX)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let id = items(&json(&out.stdout))[0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let runs = ok(
        &mut on_tls(&server, &certs),
        &["sandbox", "list", "-o", "json"],
    );
    assert_eq!(items(&runs).len(), 1);
    let run = ok(
        &mut on_tls(&server, &certs),
        &["sandbox", "get", &id, "-o", "json"],
    );
    assert_eq!(run["status"]["state"], "queued", "{run}");
    let stats = ok(
        &mut on_tls(&server, &certs),
        &["queue", "stats", "-o", "json"],
    );
    assert_eq!(stats["states"]["queued"], 1, "{stats}");
    assert!(
        run_with_agent(&server, &certs, dir.path(), &id),
        "the agent did not finish the run over TLS"
    );
    let sandboxes = dir.path().join("up.yaml");
    std::fs::write(&sandboxes, SANDBOX.replace("tls-hello", "tls-up")).unwrap();
    let summary = ok(
        &mut on_tls(&server, &certs),
        &[
            "-o",
            "json",
            "up",
            "--submit",
            sandboxes.to_str().unwrap(),
            "--until-idle",
        ],
    );
    let ran = items(&summary);
    assert_eq!(ran.len(), 1, "{summary}");
    assert_eq!(
        support::flat_run(&ran[0])["state"],
        "succeeded",
        "{summary}"
    );
}

#[test]
fn the_persistence_commands_work_over_tls() {
    let certs = generate();
    let server = TlsServer::start(&certs, false, &["--appendonly", "yes"]);
    let dir = tempfile::tempdir().unwrap();
    let out = on_tls(&server, &certs)
        .args(["redis", "health", "-o", "json"])
        .output()
        .unwrap();
    let health = json(&out.stdout);
    assert_ne!(
        out.status.code(),
        Some(i32::from(exit::HEALTH_UNKNOWN)),
        "{health}"
    );
    assert_eq!(health["checks"][0]["status"], "OK", "{health}");
    let backups = dir.path().join("backups");
    for method in ["replication", "logical"] {
        let made = ok(
            &mut on_tls(&server, &certs),
            &[
                "backup",
                "create",
                "--method",
                method,
                "--verify",
                "--dir",
                backups.to_str().unwrap(),
                "-o",
                "json",
            ],
        );
        assert_eq!(made["verify"]["ok"], true, "{made}");
        let id = made["id"].as_str().unwrap();
        ok(
            &mut on_tls(&server, &certs),
            &["backup", "verify", id, "--dir", backups.to_str().unwrap()],
        );
    }
    let verdict = ok(
        &mut on_tls(&server, &certs),
        &["verify", "persistence", "-o", "json"],
    );
    assert_eq!(verdict["persisted"], true, "{verdict}");
}

#[test]
fn mutual_tls_needs_the_client_certificate() {
    let certs = generate();
    let server = TlsServer::start(&certs, true, &[]);
    let stats = ok(
        &mut on_tls(&server, &certs),
        &["queue", "stats", "-o", "json"],
    );
    assert_eq!(stats["states"]["queued"], 0, "{stats}");
    // Redis health answers (this server keeps nothing on disk: CRITICAL, not UNKNOWN).
    let out = on_tls(&server, &certs)
        .args(["redis", "health", "-o", "json"])
        .output()
        .unwrap();
    let health = json(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(i32::from(exit::HEALTH_CRITICAL)),
        "{health}"
    );
    assert_eq!(health["checks"][0]["status"], "OK", "{health}");
    // Without the client certificate the server ends the handshake: unavailable, exit 5.
    let out = tartarus()
        .env("REDIS_ADDR", server.url())
        .env("REDIS_TLS_CA_FILE", certs.ca())
        .args(["queue", "stats"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(i32::from(exit::UNAVAILABLE)),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    // A certificate without its key is a configuration error, before anything connects.
    let out = tartarus()
        .env("REDIS_ADDR", server.url())
        .args(["--tls-cert-file"])
        .arg(certs.client_cert())
        .args(["queue", "stats"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(i32::from(exit::USAGE)),
        "clap: --tls-cert-file requires --tls-key-file"
    );
}

#[test]
fn a_wrong_ca_is_unavailable_with_a_clear_message_and_health_is_unknown() {
    let certs = generate();
    let server = TlsServer::start(&certs, false, &[]);
    let wrong = |args: &[&str]| {
        tartarus()
            .env("REDIS_ADDR", server.url())
            .env("REDIS_TLS_CA_FILE", certs.other_ca())
            .args(args)
            .output()
            .unwrap()
    };
    let out = wrong(&["sandbox", "list"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(i32::from(exit::UNAVAILABLE)),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(
        stderr.contains("certificate") && stderr.contains("--tls-ca-file"),
        "{stderr}"
    );
    let out = wrong(&["redis", "health", "-o", "json"]);
    assert_eq!(out.status.code(), Some(i32::from(exit::HEALTH_UNKNOWN)));
    let report = json(&out.stdout);
    assert_eq!(report["overall"], "UNKNOWN", "{report}");
    let out = wrong(&[
        "backup",
        "create",
        "--method",
        "replication",
        "--dir",
        "/tmp/conn-none",
    ]);
    assert_eq!(out.status.code(), Some(i32::from(exit::UNAVAILABLE)));
    // Plain TCP to a TLS-only port, and --tls-insecure (which connects, and warns).
    let out = tartarus()
        .env("REDIS_ADDR", format!("127.0.0.1:{}", server.port))
        .args([
            "--redis-connect-timeout",
            "1s",
            "--redis-timeout",
            "1s",
            "queue",
            "stats",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(i32::from(exit::UNAVAILABLE)));
    let out = tartarus()
        .env("REDIS_ADDR", server.url())
        .env("REDIS_TLS_INSECURE", "1")
        .args(["queue", "stats"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("verification is OFF"), "{stderr}");
}
