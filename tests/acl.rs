//! The least-privilege users of examples/acl/users.acl, loaded into a real server: each role's normal work succeeds, the commands it must not have are refused, and `redis health` warns about the all-powerful `default` user in production.

mod support;

use std::os::unix::fs::PermissionsExt;
use std::time::{Duration, Instant};

use support::{items, json, tartarus, RedisServer, ServerOptions};
use tartarus::exit;

/// The example ACL file with test passwords (`<role>-secret`), and the default user left on
/// without a password so the harness can reach the server.
fn server() -> (RedisServer, tempfile::TempDir) {
    let example = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/acl/users.acl"
    ))
    .unwrap();
    let mut text = String::new();
    for line in example.lines() {
        let line = if line.starts_with("user default ") {
            "user default on nopass ~* &* +@all".to_string()
        } else {
            line.replace(">change-me-", ">secret-")
        };
        text.push_str(&line);
        text.push('\n');
    }
    assert!(
        text.contains("user tartarus-agent on >secret-agent"),
        "{text}"
    );
    let dir = tempfile::tempdir().unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o711)).unwrap();
    let file = dir.path().join("users.acl");
    std::fs::write(&file, text).unwrap();
    let server = RedisServer::start_with(
        ServerOptions::aof("everysec")
            .with("aclfile", file.to_str().unwrap())
            // So that DEBUG is refused by the ACL, not by this switch.
            .with("enable-debug-command", "yes"),
    );
    (server, dir)
}

/// `tartarus` as one of the example users.
fn as_user(server: &RedisServer, role: &str) -> assert_cmd::Command {
    let mut cmd = tartarus();
    cmd.env("REDIS_ADDR", server.host_port())
        .env("REDIS_USERNAME", format!("tartarus-{role}"))
        .env("REDIS_PASSWORD", format!("secret-{role}"));
    cmd
}

fn ok(mut cmd: assert_cmd::Command, args: &[&str]) -> serde_json::Value {
    let out = cmd.args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?} exited {:?}: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    if args.contains(&"json") {
        json(&out.stdout)
    } else {
        serde_json::Value::Null
    }
}

/// The server's error code for a command run as `user` (None when it succeeded).
fn refused(server: &RedisServer, user: &str, args: &[&str]) -> Option<String> {
    let url = format!(
        "redis://{user}:secret-{}@127.0.0.1:{}/",
        &user[9..],
        server.port
    );
    let mut c = redis::Client::open(url).unwrap().get_connection().unwrap();
    let mut cmd = redis::cmd(args[0]);
    for a in &args[1..] {
        cmd.arg(*a);
    }
    match cmd.query::<redis::Value>(&mut c) {
        Ok(_) => None,
        Err(e) => Some(e.code().unwrap_or("?").to_string()),
    }
}

const SANDBOX: &str = "metadata: {name: acl-run}\nspec:\n  image: alpine:3.20\n  command: [\"true\"]\n  resources: {cpu: 100m, memory: 64Mi}\n  timeout: 30s\n";

/// Starts `agent run` as the agent user and schedules (as the scheduler user) until the run
/// `id` succeeds; returns its final state and the agent's log.
fn run_with_agent(
    server: &RedisServer,
    dir: &std::path::Path,
    id: &str,
) -> (serde_json::Value, String) {
    let mut agent = std::process::Command::new(assert_cmd::cargo::cargo_bin("tartarus"))
        .env("REDIS_ADDR", server.host_port())
        .env("REDIS_USERNAME", "tartarus-agent")
        .env("REDIS_PASSWORD", "secret-agent")
        .args([
            "-q",
            "agent",
            "run",
            "--name",
            "acl-agent",
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
    let mut state = serde_json::Value::Null;
    while Instant::now() < deadline && state != "succeeded" {
        // The scheduler places it once the agent's node is known.
        ok(
            as_user(server, "scheduler"),
            &["scheduler", "run", "--once"],
        );
        let run = ok(
            as_user(server, "scheduler"),
            &["sandbox", "get", id, "-o", "json"],
        );
        state = run["status"]["state"].clone();
        std::thread::sleep(Duration::from_millis(200));
    }
    let _ = agent.kill();
    let out = agent.wait_with_output().unwrap();
    (state, String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn the_scheduler_and_agent_users_do_their_work() {
    let (server, dir) = server();
    let policy = dir.path().join("p.yaml");
    std::fs::write(
        &policy,
        "apiVersion: themis.tartarus.io/v1\nkind: Policy\nmetadata: {name: acl}\nspec:\n  mode: enforce\n  rules:\n    - name: big\n      when: {cpu: {gt: 64}}\n      verdict: deny\n      message: no\n",
    )
    .unwrap();
    ok(
        as_user(&server, "scheduler"),
        &["policy", "apply", "-f", policy.to_str().unwrap()],
    );
    let out = as_user(&server, "scheduler")
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
    ok(
        as_user(&server, "scheduler"),
        &["queue", "stats", "-o", "json"],
    );
    ok(
        as_user(&server, "scheduler"),
        &["policy", "list", "-o", "json"],
    );
    let (state, log) = run_with_agent(&server, dir.path(), &id);
    assert_eq!(state, "succeeded", "agent log: {log}");
    let nodes = ok(as_user(&server, "agent"), &["node", "list", "-o", "json"]);
    assert!(
        items(&nodes).iter().any(|n| n["name"] == "acl-agent"),
        "{nodes}"
    );
}

#[test]
fn the_operator_user_runs_health_configure_backups_and_the_canary() {
    let (server, dir) = server();
    let out = as_user(&server, "operator")
        .args(["redis", "health", "-o", "json"])
        .output()
        .unwrap();
    let health = json(&out.stdout);
    assert_ne!(
        out.status.code(),
        Some(i32::from(exit::HEALTH_UNKNOWN)),
        "{health}"
    );
    let user = health["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "acl_user")
        .cloned()
        .unwrap_or_else(|| panic!("acl_user: {health}"));
    assert_eq!(user["value"], "tartarus-operator", "{health}");
    ok(
        as_user(&server, "operator"),
        &["redis", "configure", "-o", "json"],
    );
    let backups = dir.path().join("backups");
    for method in ["replication", "logical", "file"] {
        let made = ok(
            as_user(&server, "operator"),
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
        assert_eq!(made["verify"]["ok"], true, "{method}: {made}");
    }
    let verdict = ok(
        as_user(&server, "operator"),
        &["verify", "persistence", "-o", "json"],
    );
    assert_eq!(verdict["persisted"], true, "{verdict}");
}

#[test]
fn each_role_is_refused_what_it_must_not_do() {
    let (server, _dir) = server();
    for user in ["tartarus-agent", "tartarus-scheduler"] {
        for args in [
            &["FLUSHALL"][..],
            &["FLUSHDB"],
            &["CONFIG", "SET", "appendonly", "no"],
            &["CONFIG", "GET", "dir"],
            &["KEYS", "*"],
            &["DEBUG", "SLEEP", "0"],
            &["SCRIPT", "FLUSH"],
            &["EVAL", "return 1", "0"],
            &["SHUTDOWN", "NOSAVE"],
            &["SYNC"],
            &["GET", "someone-else:secret"],
            &["ACL", "SETUSER", "tartarus-agent", "+@all"],
        ] {
            assert_eq!(
                refused(&server, user, args).as_deref(),
                Some("NOPERM"),
                "{user} {args:?}"
            );
        }
        assert_eq!(refused(&server, user, &["HGETALL", "tartarus:run:x"]), None);
        assert_eq!(refused(&server, user, &["ROLE"]), None);
    }
    for args in [
        &["FLUSHALL"][..],
        &["KEYS", "*"],
        &["DEBUG", "SLEEP", "0"],
        &["SCRIPT", "FLUSH"],
        &["SHUTDOWN", "NOSAVE"],
        &["ACL", "SETUSER", "x", "on"],
    ] {
        assert_eq!(
            refused(&server, "tartarus-operator", args).as_deref(),
            Some("NOPERM"),
            "operator {args:?}"
        );
    }
    // Through tartarus: the agent user cannot reconfigure Redis, with a clear error.
    let out = as_user(&server, "agent")
        .args(["redis", "configure", "--apply", "--yes"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(i32::from(exit::UNAVAILABLE)),
        "{stderr}"
    );
    assert!(
        stderr.to_lowercase().contains("noperm") && stderr.contains("ACL rules"),
        "{stderr}"
    );
    let appendonly: Vec<String> = redis::cmd("CONFIG")
        .arg("GET")
        .arg("appendonly")
        .query(&mut server.conn())
        .unwrap();
    assert_eq!(appendonly[1], "yes", "nothing was changed");
}

#[test]
fn health_warns_about_the_default_user_in_production() {
    let server = RedisServer::start();
    let health = |env: &str| {
        let out = tartarus()
            .env("REDIS_ADDR", server.host_port())
            .env("TARTARUS_ENV", env)
            .args(["redis", "health", "-o", "json"])
            .output()
            .unwrap();
        let report = json(&out.stdout);
        report["checks"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["name"] == "acl_user")
            .cloned()
            .unwrap_or_else(|| panic!("{report}"))
    };
    let prod = health("production");
    assert_eq!(
        (prod["status"].as_str(), prod["value"].as_str()),
        (Some("WARNING"), Some("default")),
        "{prod}"
    );
    assert!(
        prod["fix"]
            .as_str()
            .unwrap()
            .contains("examples/acl/users.acl"),
        "{prod}"
    );
    assert_eq!(health("development")["status"], "OK");
}
