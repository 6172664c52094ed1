//! The persistence commands end to end through the `tartarus` binary against real redis-server processes:
//! `redis health`/`configure`, `verify persistence` with a real restart, `backup create/verify/prune/restore`.

mod support;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use support::{tartarus, tartarus_on, RedisServer, ServerOptions};

const RECOMMENDED_SAVE: &str = "3600 1 300 100 60 10000";

fn json(out: &[u8]) -> serde_json::Value {
    serde_json::from_slice(out)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(out)))
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn health(server_cmd: assert_cmd::Command) -> (Option<i32>, serde_json::Value) {
    let mut cmd = server_cmd;
    let out = cmd
        .args(["redis", "health", "-o", "json"])
        .output()
        .unwrap();
    (out.status.code(), json(&out.stdout))
}

fn row<'a>(report: &'a serde_json::Value, name: &str) -> &'a serde_json::Value {
    report["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == name)
        .unwrap_or_else(|| panic!("no check {name} in {report}"))
}

fn not_ok(report: &serde_json::Value) -> Vec<String> {
    report["checks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["status"] != "OK")
        .map(|c| format!("{}={}", c["name"].as_str().unwrap(), c["status"]))
        .collect()
}

fn recommended() -> ServerOptions {
    ServerOptions {
        appendfsync: Some("everysec"),
        save: RECOMMENDED_SAVE,
        ..Default::default()
    }
    .with("maxmemory-policy", "noeviction")
    .with("aof-use-rdb-preamble", "yes")
}

fn closed_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

#[test]
fn health_exit_codes_follow_the_monitoring_convention() {
    // appendonly no + save "" → CRITICAL, 2
    let bare = RedisServer::start();
    let (code, r) = health(tartarus_on(&bare));
    assert_eq!(code, Some(2), "{r}");
    assert_eq!(r["overall"], "CRITICAL");
    assert_eq!(row(&r, "appendonly")["status"], "CRITICAL");
    assert_eq!(row(&r, "save")["status"], "CRITICAL");

    // The recommended profile → OK, 0
    let good = RedisServer::start_with(recommended());
    let (code, r) = health(tartarus_on(&good));
    assert_eq!(code, Some(0), "{:?}", not_ok(&r));
    assert_eq!(r["overall"], "OK");
    assert!(not_ok(&r).is_empty(), "{:?}", not_ok(&r));

    // Same with allkeys-lru → WARNING, 1, and the eviction row is the only one that is not OK
    let evicting = RedisServer::start_with(recommended().with("maxmemory-policy", "allkeys-lru"));
    let (code, r) = health(tartarus_on(&evicting));
    assert_eq!(code, Some(1), "{r}");
    assert_eq!(r["overall"], "WARNING");
    assert_eq!(row(&r, "maxmemory_policy")["status"], "WARNING");
    assert_eq!(not_ok(&r), vec!["maxmemory_policy=\"WARNING\"".to_string()]);

    // Closed port → UNKNOWN, 3, quickly and without the generic error path
    let t = Instant::now();
    let mut cmd = tartarus();
    cmd.env("REDIS_ADDR", format!("127.0.0.1:{}", closed_port()));
    let (code, r) = health(cmd);
    assert_eq!(code, Some(3), "{r}");
    assert_eq!(r["overall"], "UNKNOWN");
    assert_eq!(row(&r, "connection")["status"], "UNKNOWN");
    assert!(t.elapsed() < Duration::from_secs(10));

    // The table for people says the same, with the fix
    let out = tartarus_on(&bare)
        .args(["redis", "health"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("CRITICAL") && text.contains("tartarus redis configure --apply"),
        "{text}"
    );

    // The in-memory store has nothing to check: UNKNOWN (3) with a clear message
    let out = tartarus()
        .env("REDIS_ADDR", "")
        .args(["redis", "health"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    assert!(stderr(&out).contains("needs Redis"), "{}", stderr(&out));
}

#[test]
fn configure_apply_turns_a_critical_server_ok() {
    let s = RedisServer::start();
    assert_eq!(health(tartarus_on(&s)).0, Some(2));
    // The diff, as JSON.
    let out = tartarus_on(&s)
        .args(["redis", "configure", "-o", "json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let plan = json(&out.stdout);
    assert_eq!(plan["needs_changes"], true);
    assert_eq!(plan["config_file"], serde_json::Value::Null);
    let changes: Vec<&str> = plan["changes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["change_needed"] == true)
        .map(|c| c["setting"].as_str().unwrap())
        .collect();
    assert_eq!(changes, vec!["save", "appendonly"]);

    // --apply without a terminal and without --yes refuses and changes nothing.
    let out = tartarus_on(&s)
        .args(["redis", "configure", "--apply"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(8), "{}", stderr(&out));
    assert!(stderr(&out).contains("no config file"), "{}", stderr(&out));
    assert_eq!(health(tartarus_on(&s)).0, Some(2));

    let out = tartarus_on(&s)
        .args(["redis", "configure", "--apply", "--yes", "-o", "json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let rep = json(&out.stdout);
    assert_eq!(rep["persisted"], false);
    assert!(
        rep["message"]
            .as_str()
            .unwrap()
            .contains("will NOT survive a restart"),
        "{rep}"
    );
    // Live now: OK once the AOF rewrite that `appendonly yes` started is done.
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let (code, r) = health(tartarus_on(&s));
        if code == Some(0) {
            assert_eq!(row(&r, "appendonly")["status"], "OK");
            break;
        }
        assert!(
            Instant::now() < deadline,
            "still {code:?}: {:?}",
            not_ok(&r)
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    let out = tartarus_on(&s)
        .args(["redis", "configure", "-o", "json"])
        .output()
        .unwrap();
    assert_eq!(json(&out.stdout)["needs_changes"], false);
}

/// A restart script for `--restart-cmd`: kill -9 the running server (the harness's child the first
/// time, then the daemon it started), wait for the port to close, start the same server daemonized.
/// The daemon is killed on drop.
struct Restarter {
    script: PathBuf,
    pidfile: PathBuf,
}

impl Restarter {
    fn new(server: &RedisServer) -> Restarter {
        let dir = server.data_dir();
        let pidfile = dir.join("restarted.pid");
        let script = dir.join("restart.sh");
        let text = format!(
            "#!/bin/sh\n\
             pidfile='{pidfile}'\n\
             if [ -f \"$pidfile\" ]; then pid=$(cat \"$pidfile\"); else pid={orig}; fi\n\
             kill -9 \"$pid\" 2>/dev/null\n\
             i=0\n\
             while redis-cli -p {port} ping >/dev/null 2>&1 && [ $i -lt 200 ]; do sleep 0.05; i=$((i+1)); done\n\
             rm -f \"$pidfile\"\n\
             {cmdline} --daemonize yes --pidfile \"$pidfile\"\n",
            pidfile = pidfile.display(),
            orig = server.pid().expect("the harness's server runs"),
            port = server.port,
            cmdline = server.command_line(),
        );
        std::fs::write(&script, text).unwrap();
        Restarter { script, pidfile }
    }

    fn command(&self) -> String {
        format!("sh '{}'", self.script.display())
    }
}

impl Drop for Restarter {
    fn drop(&mut self) {
        if let Ok(pid) = std::fs::read_to_string(&self.pidfile) {
            let _ = std::process::Command::new("kill")
                .args(["-9", pid.trim()])
                .status();
        }
    }
}

fn verify_persistence(server: &RedisServer, restart: &Restarter) -> std::process::Output {
    tartarus_on(server)
        .args([
            "verify",
            "persistence",
            "--restart-cmd",
            &restart.command(),
            "--wait",
            "20s",
            "-o",
            "json",
        ])
        .output()
        .unwrap()
}

#[test]
fn verify_persistence_fails_without_persistence() {
    let server = RedisServer::start();
    let restart = Restarter::new(&server);
    let out = verify_persistence(&server, &restart);
    assert_eq!(out.status.code(), Some(30), "{}", stderr(&out));
    let v = json(&out.stdout);
    assert_eq!(v["persisted"], false);
    assert_eq!(v["mode"], "restart");
    let checks = v["checks"].as_array().unwrap();
    let get = |n: &str| checks.iter().find(|c| c["name"] == n).unwrap().clone();
    assert_eq!(get("restarted")["ok"], true, "{v}");
    assert_eq!(get("canary run")["ok"], false, "{v}");
    assert_eq!(get("canary policy")["ok"], false, "{v}");
    assert!(
        stderr(&out).contains("persistence check FAILED"),
        "{}",
        stderr(&out)
    );
    assert!(server.ping(), "the restarted server answers");
}

#[test]
fn verify_persistence_passes_with_aof_and_removes_the_canary() {
    let server = RedisServer::start_with(ServerOptions::aof("everysec"));
    let restart = Restarter::new(&server);
    let run_id = |s: &RedisServer| -> String {
        let info: String = redis::cmd("INFO")
            .arg("server")
            .query(&mut s.conn())
            .unwrap();
        info.lines()
            .find_map(|l| l.strip_prefix("run_id:"))
            .unwrap()
            .trim()
            .to_string()
    };
    let before = run_id(&server);
    let out = verify_persistence(&server, &restart);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}\n{}",
        stderr(&out),
        String::from_utf8_lossy(&out.stdout)
    );
    let v = json(&out.stdout);
    assert_eq!(v["persisted"], true, "{v}");
    assert!(
        v["checks"]
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c["ok"] == true),
        "{v}"
    );
    assert_ne!(run_id(&server), before, "really restarted");
    // The canary is gone: no run, no policy (the delete left one history entry).
    let runs = tartarus_on(&server)
        .args(["sandbox", "list", "--all", "-o", "json"])
        .output()
        .unwrap();
    assert_eq!(json(&runs.stdout), serde_json::json!([]));
    let n: i64 = redis::cmd("HLEN")
        .arg("themis:policies")
        .query(&mut server.conn())
        .unwrap();
    assert_eq!(n, 0);
    assert!(v["cleanup"].as_str().unwrap().contains("deleted"), "{v}");

    // Without --restart-cmd: a BGSAVE, checked, and the AOF write status.
    let out = tartarus_on(&server)
        .args(["verify", "persistence", "-o", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(json(&out.stdout)["mode"], "bgsave");
    // A restart command that restarts nothing cannot pass.
    let out = tartarus_on(&server)
        .args([
            "verify",
            "persistence",
            "--restart-cmd",
            "true",
            "-o",
            "json",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(30), "{}", stderr(&out));
}

fn submit_some(server: &RedisServer, n: usize) {
    let mut text = String::new();
    for i in 0..n {
        text.push_str(&format!(
            "---\nmetadata: {{name: job-{i}, labels: {{batch: b1}}}}\nspec:\n  image: alpine:3.20\n  command: [sh, -c, \"echo {i}\"]\n  priority: {}\n",
            i % 3
        ));
    }
    tartarus_on(server)
        .args(["sandbox", "submit", "-q", "-f", "-"])
        .write_stdin(text)
        .assert()
        .success();
    let policies = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/policies.yaml");
    tartarus_on(server)
        .args(["policy", "apply", "-f"])
        .arg(policies)
        .assert()
        .success();
}

/// What a person would compare: every run and every policy, as the CLI shows them.
fn state(server: &RedisServer) -> (serde_json::Value, serde_json::Value, serde_json::Value) {
    let get = |args: &[&str]| {
        let out = tartarus_on(server).args(args).output().unwrap();
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        json(&out.stdout)
    };
    let mut stats = get(&["queue", "stats", "-o", "json"]);
    // The age of the queue's head changes with the clock.
    stats.as_object_mut().unwrap().remove("oldest_age_ms");
    (
        get(&["sandbox", "list", "--all", "-o", "json"]),
        get(&["policy", "list", "-o", "json"]),
        stats,
    )
}

fn assert_same_state(
    a: &(serde_json::Value, serde_json::Value, serde_json::Value),
    b: &(serde_json::Value, serde_json::Value, serde_json::Value),
) {
    assert_eq!(
        a.0.as_array().map(Vec::len),
        b.0.as_array().map(Vec::len),
        "run count"
    );
    assert!(a.0 == b.0, "the runs differ");
    assert_eq!(a.1, b.1, "policies");
    assert_eq!(a.2, b.2, "queue stats");
}

fn backup_create(server: &RedisServer, dir: &Path, method: &str) -> serde_json::Value {
    let out = tartarus_on(server)
        .env("TARTARUS_BACKUP_DIR", dir)
        .args([
            "backup", "create", "--method", method, "--verify", "-o", "json",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    json(&out.stdout)
}

fn flushall(server: &RedisServer) {
    let _: () = redis::cmd("FLUSHALL").query(&mut server.conn()).unwrap();
}

#[test]
fn logical_backup_create_verify_flush_restore_online() {
    let server = RedisServer::start();
    submit_some(&server, 300);
    let before = state(&server);
    assert_eq!(before.0.as_array().unwrap().len(), 300);
    let dir = tempfile::tempdir().unwrap();
    let m = backup_create(&server, dir.path(), "logical");
    let id = m["id"].as_str().unwrap().to_string();
    assert_eq!(m["method"], "logical");
    assert_eq!(m["verify"]["ok"], true);
    {
        use std::os::unix::fs::PermissionsExt;
        let folder = dir.path().join(&id);
        assert_eq!(
            std::fs::metadata(&folder).unwrap().permissions().mode() & 0o777,
            0o700
        );
        assert_eq!(
            std::fs::metadata(folder.join("keys.resp"))
                .unwrap()
                .permissions()
                .mode()
                & 0o777,
            0o600
        );
    }
    // list and verify by id, with --dir this time
    let out = tartarus_on(&server)
        .args(["backup", "list", "-o", "json", "--dir"])
        .arg(dir.path())
        .output()
        .unwrap();
    let list = json(&out.stdout);
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(list[0]["id"], id.as_str());
    assert_eq!(list[0]["status"], "ok");
    tartarus_on(&server)
        .args(["backup", "verify", &id, "--dir"])
        .arg(dir.path())
        .assert()
        .success();

    flushall(&server);
    assert_eq!(state(&server).0, serde_json::json!([]));
    // Not a logical restore target offline, and not without confirmation.
    let out = tartarus_on(&server)
        .env("TARTARUS_BACKUP_DIR", dir.path())
        .args(["backup", "restore", &id, "--data-dir"])
        .arg(server.data_dir())
        .args(["--appendonly", "no", "--yes"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("--online"), "{}", stderr(&out));
    let out = tartarus_on(&server)
        .env("TARTARUS_BACKUP_DIR", dir.path())
        .args(["backup", "restore", &id, "--online"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(8), "{}", stderr(&out));

    let out = tartarus_on(&server)
        .env("TARTARUS_BACKUP_DIR", dir.path())
        .args([
            "backup", "restore", &id, "--online", "--flush", "--yes", "-o", "json",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let rep = json(&out.stdout);
    let keys = m["key_counts"]["per_pattern"]["tartarus:*"]
        .as_u64()
        .unwrap()
        + m["key_counts"]["per_pattern"]["themis:*"].as_u64().unwrap();
    assert_eq!(rep["restored"].as_u64(), Some(keys));
    assert_same_state(&state(&server), &before);
}

#[test]
fn replication_backup_restores_offline_into_an_appendonly_server() {
    let mut server = RedisServer::start_with(
        ServerOptions::aof("everysec").with("repl-diskless-sync-delay", "0"),
    );
    submit_some(&server, 50);
    let before = state(&server);
    let dir = tempfile::tempdir().unwrap();
    let m = backup_create(&server, dir.path(), "replication");
    let id = m["id"].as_str().unwrap().to_string();
    flushall(&server);
    // Refused while the server still answers at REDIS_ADDR.
    let restore = |server: &RedisServer| {
        tartarus_on(server)
            .env("TARTARUS_BACKUP_DIR", dir.path())
            .args([
                "backup",
                "restore",
                &id,
                "--yes",
                "-o",
                "json",
                "--appendonly",
                "yes",
                "--data-dir",
            ])
            .arg(server.data_dir())
            .output()
            .unwrap()
    };
    let out = restore(&server);
    assert_eq!(out.status.code(), Some(7), "{}", stderr(&out));
    server.kill9();
    // Without saying how the server starts, it refuses (the appendonly pitfall).
    let out = tartarus_on(&server)
        .env("TARTARUS_BACKUP_DIR", dir.path())
        .args(["backup", "restore", &id, "--yes", "--data-dir"])
        .arg(server.data_dir())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("appendonly"), "{}", stderr(&out));
    let out = restore(&server);
    assert!(out.status.success(), "{}", stderr(&out));
    let rep = json(&out.stdout);
    assert!(
        rep["installed"][0]
            .as_str()
            .unwrap()
            .contains("appendonlydir"),
        "{rep}"
    );
    assert!(
        rep["moved_aside_to"].is_string(),
        "the flushed AOF was moved aside: {rep}"
    );
    server.restart();
    assert_same_state(&state(&server), &before);
}

#[test]
fn a_flipped_byte_fails_verify_and_restore_refuses() {
    let server = RedisServer::start();
    submit_some(&server, 20);
    let dir = tempfile::tempdir().unwrap();
    let m = backup_create(&server, dir.path(), "logical");
    let id = m["id"].as_str().unwrap().to_string();
    let file = dir.path().join(&id).join("keys.resp");
    let mut bytes = std::fs::read(&file).unwrap();
    let mid = bytes.len() / 2;
    bytes[mid] ^= 0x01;
    std::fs::write(&file, &bytes).unwrap();

    let out = tartarus_on(&server)
        .env("TARTARUS_BACKUP_DIR", dir.path())
        .args(["backup", "verify", &id])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(31), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("SHA-256 mismatch"),
        "{}",
        stderr(&out)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("FAILED"));

    flushall(&server);
    let out = tartarus_on(&server)
        .env("TARTARUS_BACKUP_DIR", dir.path())
        .args(["backup", "restore", &id, "--online", "--flush", "--yes"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(31), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("failed verification"),
        "{}",
        stderr(&out)
    );
    let n: i64 = redis::cmd("DBSIZE").query(&mut server.conn()).unwrap();
    assert_eq!(n, 0, "nothing was restored");

    // Paths outside the backup directory are refused too.
    let out = tartarus_on(&server)
        .env("TARTARUS_BACKUP_DIR", dir.path())
        .args(["backup", "verify", "../etc"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(6), "{}", stderr(&out));
}

/// A small logical backup folder that verifies (or not), with an id dated `days_ago`.
fn fake_backup(dir: &Path, days_ago: i64, valid: bool) -> String {
    let t = chrono::Utc::now() - chrono::Duration::days(days_ago) - chrono::Duration::hours(1);
    let id = format!("{}-logical", t.format("%Y%m%dT%H%M%SZ"));
    let folder = dir.join(&id);
    std::fs::create_dir_all(&folder).unwrap();
    let mut resp = Vec::new();
    tartarus::persistence::backup::write_restore_command(&mut resp, b"tartarus:k", 0, b"x")
        .unwrap();
    std::fs::write(folder.join("keys.resp"), &resp).unwrap();
    let (size, sha) =
        tartarus::persistence::backup::sha256_file(&folder.join("keys.resp")).unwrap();
    let manifest = serde_json::json!({
        "format_version": 1, "id": id, "method": "logical",
        "created_at": t, "finished_at": t, "source": "127.0.0.1:6379/0",
        "redis_version": "7.0.15", "rdb_version": null,
        "files": [{"name": "keys.resp", "size": size, "sha256": if valid { sha } else { "0".repeat(64) }}],
        "key_counts": {"per_db": {}, "per_pattern": {"tartarus:*": 1}},
        "aof_enabled": false, "patterns": ["tartarus:*"]
    });
    std::fs::write(folder.join("manifest.json"), manifest.to_string()).unwrap();
    id
}

#[test]
fn prune_keeps_exactly_what_its_rules_say() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let ids: Vec<String> = [1, 3, 10, 20, 40]
        .into_iter()
        .map(|days| fake_backup(d, days, true))
        .collect();
    std::fs::create_dir_all(d.join("notes")).unwrap();
    let prune = |extra: &[&str]| {
        tartarus()
            .env("REDIS_ADDR", "")
            .env("TARTARUS_BACKUP_DIR", d)
            .args(["backup", "prune", "--keep-days", "7", "-o", "json"])
            .args(extra)
            .output()
            .unwrap()
    };
    let left = || -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(d)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    };
    let all = left();
    let names = |v: &serde_json::Value| -> Vec<String> {
        let mut out: Vec<String> = v
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["id"].as_str().unwrap().to_string())
            .collect();
        out.sort();
        out
    };
    // Dry run: 7 days keeps 1 and 3 days old; keep-last 3 keeps 10 days old too.
    let out = prune(&["--keep-last", "3", "--dry-run"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let rep = json(&out.stdout);
    let mut expected_deleted = vec![ids[3].clone(), ids[4].clone()];
    expected_deleted.sort();
    assert_eq!(names(&rep["deleted"]), expected_deleted);
    assert_eq!(rep["dry_run"], true);
    assert_eq!(left(), all, "a dry run deletes nothing");
    // Without --yes and no terminal: refused, nothing deleted.
    let out = prune(&["--keep-last", "3"]);
    assert_eq!(out.status.code(), Some(8), "{}", stderr(&out));
    assert_eq!(left(), all);
    // For real.
    let out = prune(&["--keep-last", "3", "--yes"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let mut expected_left = vec![
        ids[0].clone(),
        ids[1].clone(),
        ids[2].clone(),
        "notes".into(),
    ];
    expected_left.sort();
    assert_eq!(left(), expected_left);
    // keep-last 1, and the newest is corrupt: the newest backup that verifies survives too.
    let bad = fake_backup(d, 0, false);
    let out = prune(&["--keep-last", "1", "--yes"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let mut expected_left = vec![bad, ids[0].clone(), ids[1].clone(), "notes".into()];
    expected_left.sort();
    assert_eq!(
        left(),
        expected_left,
        "kept: newest (bad), younger than 7 days (1 and 3 days)"
    );
    let out = tartarus()
        .env("REDIS_ADDR", "")
        .env("TARTARUS_BACKUP_DIR", d)
        .args([
            "backup",
            "prune",
            "--keep-days",
            "0",
            "--keep-last",
            "0",
            "--yes",
            "-o",
            "json",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let rep = json(&out.stdout);
    assert_eq!(names(&rep["kept"]), vec![ids[0].clone()]);
    assert!(rep["kept"][0]["reason"]
        .as_str()
        .unwrap()
        .contains("newest backup that verifies"));
}

#[test]
fn backup_commands_need_redis_and_a_directory() {
    let out = tartarus()
        .env("REDIS_ADDR", "")
        .args(["backup", "create", "--dir", "/nonexistent-tartarus"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(4), "{}", stderr(&out));
    assert!(stderr(&out).contains("needs Redis"), "{}", stderr(&out));
    let out = tartarus()
        .env_remove("TARTARUS_BACKUP_DIR")
        .args(["backup", "list"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--dir"), "{}", stderr(&out));
}
