//! The persistence commands end to end through the `tartarus` binary against real redis-server processes:
//! `redis health`/`configure`, `verify persistence` with a real restart, `backup create/verify/prune/restore`.

mod support;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use support::{tartarus, tartarus_on, RedisServer, ServerOptions};
use tartarus::exit;

const RECOMMENDED_SAVE: &str = "3600 1 300 100 60 10000";

fn json(out: &[u8]) -> serde_json::Value {
    serde_json::from_slice(out)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(out)))
}

/// The items of a list: `{"items": [...], "next": …}`, or a bare array (lists printed by
/// commands outside the persistence area may still have that shape).
fn items(v: &serde_json::Value) -> Vec<serde_json::Value> {
    v.get("items")
        .unwrap_or(v)
        .as_array()
        .unwrap_or_else(|| panic!("not a list: {v}"))
        .clone()
}

/// The folders of a `backup prune -o json` report of one kind with one action, sorted.
fn pruned(rep: &serde_json::Value, kind: &str, action: &str) -> Vec<String> {
    assert_eq!(rep["next"], serde_json::Value::Null, "{rep}");
    let mut out: Vec<String> = items(rep)
        .iter()
        .filter(|e| e["kind"] == kind && e["action"] == action)
        .map(|e| e["id"].as_str().unwrap().to_string())
        .collect();
    out.sort();
    out
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
    assert_eq!(code, Some(i32::from(exit::HEALTH_CRITICAL)), "{r}");
    assert_eq!(r["overall"], "CRITICAL");
    assert_eq!(row(&r, "appendonly")["status"], "CRITICAL");
    assert_eq!(row(&r, "save")["status"], "CRITICAL");

    // The recommended profile → OK, 0
    let good = RedisServer::start_with(recommended());
    let (code, r) = health(tartarus_on(&good));
    // Values are numbers where they are quantities, with their unit.
    assert!(row(&r, "connection")["value"].is_number(), "{r}");
    assert_eq!(row(&r, "connection")["unit"], "ms", "{r}");
    assert!(row(&r, "memory")["value"].as_u64().unwrap() > 0, "{r}");
    assert_eq!(row(&r, "memory")["unit"], "bytes", "{r}");
    assert!(
        row(&r, "rdb_changes_since_last_save")["value"].is_u64(),
        "{r}"
    );
    assert_eq!(code, Some(i32::from(exit::HEALTH_OK)), "{:?}", not_ok(&r));
    assert_eq!(r["overall"], "OK");
    assert!(not_ok(&r).is_empty(), "{:?}", not_ok(&r));

    // Same with allkeys-lru → WARNING, 1, and the eviction row is the only one that is not OK
    let evicting = RedisServer::start_with(recommended().with("maxmemory-policy", "allkeys-lru"));
    let (code, r) = health(tartarus_on(&evicting));
    assert_eq!(code, Some(i32::from(exit::HEALTH_WARNING)), "{r}");
    assert_eq!(r["overall"], "WARNING");
    assert_eq!(row(&r, "maxmemory_policy")["status"], "WARNING");
    assert_eq!(not_ok(&r), vec!["maxmemory_policy=\"WARNING\"".to_string()]);

    // Closed port → UNKNOWN, 3, quickly and without the generic error path
    let t = Instant::now();
    let mut cmd = tartarus();
    cmd.env("REDIS_ADDR", format!("127.0.0.1:{}", closed_port()));
    let (code, r) = health(cmd);
    assert_eq!(code, Some(i32::from(exit::HEALTH_UNKNOWN)), "{r}");
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
    assert_eq!(out.status.code(), Some(i32::from(exit::HEALTH_UNKNOWN)));
    assert!(stderr(&out).contains("needs Redis"), "{}", stderr(&out));
}

#[test]
fn configure_apply_turns_a_critical_server_ok() {
    let s = RedisServer::start();
    assert_eq!(
        health(tartarus_on(&s)).0,
        Some(i32::from(exit::HEALTH_CRITICAL))
    );
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
    assert_eq!(
        changes,
        vec!["save", "hash-max-listpack-value", "appendonly"]
    );
    // Before: a run's hash is a hashtable (its spec is longer than 64 bytes).
    let encoding = |id: &str| -> String {
        let key = tartarus::store::keys::Keys::default().run(id);
        redis::cmd("OBJECT")
            .arg("ENCODING")
            .arg(key)
            .query(&mut s.conn())
            .unwrap()
    };
    let submit = || -> String {
        let out = tartarus_on(&s)
            .args([
                "sandbox", "submit", "--image", "alpine", "-o", "json", "--", "true",
            ])
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        json(&out.stdout)["items"][0]["id"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert_eq!(encoding(&submit()), "hashtable");

    // --apply without a terminal and without --yes refuses and changes nothing.
    let out = tartarus_on(&s)
        .args(["redis", "configure", "--apply"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(i32::from(exit::REFUSED)),
        "{}",
        stderr(&out)
    );
    assert!(stderr(&out).contains("no config file"), "{}", stderr(&out));
    assert_eq!(
        health(tartarus_on(&s)).0,
        Some(i32::from(exit::HEALTH_CRITICAL))
    );

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
    // The report shows the settings as re-read after the change, and what they were before.
    let setting = |list: &serde_json::Value, name: &str| -> serde_json::Value {
        list.as_array()
            .unwrap()
            .iter()
            .find(|c| c["setting"] == name)
            .unwrap()
            .clone()
    };
    assert_eq!(
        setting(&rep["plan"]["changes"], "appendonly")["current"],
        "yes"
    );
    assert_eq!(
        setting(&rep["plan"]["changes"], "appendonly")["change_needed"],
        false
    );
    assert_eq!(setting(&rep["before"], "appendonly")["current"], "no");
    assert_eq!(
        setting(&rep["plan"]["changes"], "save")["current"],
        RECOMMENDED_SAVE
    );
    // Live now: OK once the AOF rewrite that `appendonly yes` started is done.
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let (code, r) = health(tartarus_on(&s));
        if code == Some(i32::from(exit::HEALTH_OK)) {
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
    // After: 1024 is enough for a run's hash to stay a listpack.
    assert_eq!(encoding(&submit()), "listpack");
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
    assert_eq!(
        out.status.code(),
        Some(i32::from(exit::PERSISTENCE_FAILED)),
        "{}",
        stderr(&out)
    );
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
        Some(i32::from(exit::OK)),
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
    // The canary is gone: no run, no policy.
    let runs = tartarus_on(&server)
        .args(["sandbox", "list", "--all", "-o", "json"])
        .output()
        .unwrap();
    assert_eq!(
        json(&runs.stdout),
        serde_json::json!({"items": [], "next": null})
    );
    let n: i64 = redis::cmd("HLEN")
        .arg("themis:{default}:policies")
        .query(&mut server.conn())
        .unwrap();
    assert_eq!(n, 0);
    assert!(v["cleanup"].as_str().unwrap().contains("deleted"), "{v}");
    // Nothing of the canary is left anywhere: no key of its run, no policy history entry.
    let hist: i64 = redis::cmd("LLEN")
        .arg("themis:{default}:policies:history")
        .query(&mut server.conn())
        .unwrap();
    assert_eq!(
        hist, 0,
        "the canary must not push real changes out of the policy history"
    );
    let left: Vec<String> = redis::cmd("KEYS")
        .arg("tartarus:{default}:run:*")
        .query(&mut server.conn())
        .unwrap();
    assert!(left.is_empty(), "{left:?}");

    // Without --restart-cmd: a BGSAVE, checked, and the AOF write status.
    let out = tartarus_on(&server)
        .args(["verify", "persistence", "-o", "json"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(i32::from(exit::OK)),
        "{}",
        stderr(&out)
    );
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
    assert_eq!(
        out.status.code(),
        Some(i32::from(exit::PERSISTENCE_FAILED)),
        "{}",
        stderr(&out)
    );
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
        get(&["sandbox", "list", "--all", "-o", "json"])["items"].clone(),
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
    assert_eq!(items(&before.0).len(), 300);
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
    assert_eq!(list["next"], serde_json::Value::Null, "{list}");
    let list = items(&list);
    assert_eq!(list.len(), 1);
    assert_eq!(list[0]["id"], id.as_str());
    assert_eq!(list[0]["status"], "complete");
    // Times are RFC 3339 UTC with milliseconds, sizes integer bytes.
    let created = list[0]["created_at"].as_str().unwrap();
    assert!(
        created.len() == 24 && created.ends_with('Z') && created.as_bytes()[19] == b'.',
        "{created}"
    );
    assert!(list[0]["size_bytes"].as_u64().unwrap() > 0);
    assert_eq!(m["created_at"].as_str().unwrap().len(), 24, "{m}");
    assert!(m["elapsed_ms"].is_u64(), "{m}");
    assert!(m["files"][0]["size_bytes"].is_u64(), "{m}");
    tartarus_on(&server)
        .args(["backup", "verify", &id, "--dir"])
        .arg(dir.path())
        .assert()
        .success();

    flushall(&server);
    assert!(items(&state(&server).0).is_empty());
    // Not a logical restore target offline, and not without confirmation.
    let out = tartarus_on(&server)
        .env("TARTARUS_BACKUP_DIR", dir.path())
        .args(["backup", "restore", &id, "--data-dir"])
        .arg(server.data_dir())
        .args(["--appendonly", "no", "--yes"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(i32::from(exit::USAGE)),
        "{}",
        stderr(&out)
    );
    assert!(stderr(&out).contains("--online"), "{}", stderr(&out));
    let out = tartarus_on(&server)
        .env("TARTARUS_BACKUP_DIR", dir.path())
        .args(["backup", "restore", &id, "--online"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(i32::from(exit::REFUSED)),
        "{}",
        stderr(&out)
    );

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
    assert_eq!(
        out.status.code(),
        Some(i32::from(exit::CONFLICT)),
        "{}",
        stderr(&out)
    );
    assert!(stderr(&out).contains("--force"), "{}", stderr(&out));
    server.kill9();
    // Without saying how the server starts, it refuses (the appendonly pitfall).
    let out = tartarus_on(&server)
        .env("TARTARUS_BACKUP_DIR", dir.path())
        .args(["backup", "restore", &id, "--yes", "--data-dir"])
        .arg(server.data_dir())
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(i32::from(exit::USAGE)),
        "{}",
        stderr(&out)
    );
    assert!(stderr(&out).contains("appendonly"), "{}", stderr(&out));
    // The backup is verified once, not twice: count the redis-check-rdb runs with a wrapper.
    let bin = tempfile::tempdir().unwrap();
    let calls = bin.path().join("calls");
    let real = std::env::split_paths(&std::env::var_os("PATH").unwrap())
        .map(|d| d.join("redis-check-rdb"))
        .find(|p| p.is_file())
        .expect("redis-check-rdb is installed with redis-server");
    let wrapper = bin.path().join("redis-check-rdb");
    std::fs::write(
        &wrapper,
        format!(
            "#!/bin/sh\necho x >> '{}'\nexec '{}' \"$@\"\n",
            calls.display(),
            real.display()
        ),
    )
    .unwrap();
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&wrapper, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let path = std::env::join_paths(
        std::iter::once(bin.path().to_path_buf())
            .chain(std::env::split_paths(&std::env::var_os("PATH").unwrap())),
    )
    .unwrap();
    let out = tartarus_on(&server)
        .env("PATH", &path)
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
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(&calls).unwrap().lines().count(),
        1,
        "one verification (one redis-check-rdb run) per restore"
    );
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
    assert_eq!(
        out.status.code(),
        Some(i32::from(exit::BACKUP_INVALID)),
        "{}",
        stderr(&out)
    );
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
    assert_eq!(
        out.status.code(),
        Some(i32::from(exit::BACKUP_INVALID)),
        "{}",
        stderr(&out)
    );
    assert!(
        stderr(&out).contains("failed verification"),
        "{}",
        stderr(&out)
    );
    let n: i64 = redis::cmd("DBSIZE").query(&mut server.conn()).unwrap();
    assert_eq!(n, 0, "nothing was restored");

    // A path that is no backup folder is not found (ids never leave the directory: see
    // verify_takes_a_path_alone).
    let out = tartarus_on(&server)
        .env("TARTARUS_BACKUP_DIR", dir.path())
        .args(["backup", "verify", "../etc"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(i32::from(exit::NOT_FOUND)),
        "{}",
        stderr(&out)
    );
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
    // Dry run: 7 days keeps 1 and 3 days old; keep-last 3 keeps 10 days old too.
    let out = prune(&["--keep-last", "3", "--dry-run"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let rep = json(&out.stdout);
    let mut expected_deleted = vec![ids[3].clone(), ids[4].clone()];
    expected_deleted.sort();
    assert_eq!(pruned(&rep, "backup", "delete"), expected_deleted);
    assert_eq!(rep["dry_run"], true);
    assert_eq!(left(), all, "a dry run deletes nothing");
    // Without --yes and no terminal: refused, nothing deleted.
    let out = prune(&["--keep-last", "3"]);
    assert_eq!(
        out.status.code(),
        Some(i32::from(exit::REFUSED)),
        "{}",
        stderr(&out)
    );
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
    assert_eq!(pruned(&rep, "backup", "keep"), vec![ids[0].clone()]);
    let kept = items(&rep)
        .into_iter()
        .find(|e| e["action"] == "keep")
        .unwrap();
    assert!(kept["reason"]
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
    assert_eq!(
        out.status.code(),
        Some(i32::from(exit::CONFIG)),
        "{}",
        stderr(&out)
    );
    assert!(stderr(&out).contains("needs Redis"), "{}", stderr(&out));
    let out = tartarus()
        .env_remove("TARTARUS_BACKUP_DIR")
        .args(["backup", "list"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(i32::from(exit::USAGE)));
    assert!(stderr(&out).contains("--dir"), "{}", stderr(&out));
}

/// `redis health` reads the rows a file backup or a load can leave behind, and a bad threshold is
/// UNKNOWN (3), not clap's usage error (2, which monitoring reads as CRITICAL).
#[test]
fn health_rewrite_percentage_bad_threshold_and_aof_off_rows() {
    // auto-aof-rewrite-percentage 0 with AOF on: the AOF grows without bound → WARNING.
    let s = RedisServer::start_with(recommended());
    let _: () = redis::cmd("CONFIG")
        .arg("SET")
        .arg("auto-aof-rewrite-percentage")
        .arg("0")
        .query(&mut s.conn())
        .unwrap();
    let (code, r) = health(tartarus_on(&s));
    assert_eq!(code, Some(i32::from(exit::HEALTH_WARNING)), "{r}");
    let row_ = row(&r, "auto_aof_rewrite_percentage");
    assert_eq!(row_["status"], "WARNING", "{r}");
    assert!(
        row_["message"]
            .as_str()
            .unwrap()
            .contains("grows without bound"),
        "{r}"
    );
    assert!(
        row_["fix"]
            .as_str()
            .unwrap()
            .contains("CONFIG SET auto-aof-rewrite-percentage 100"),
        "{r}"
    );
    assert_eq!(
        not_ok(&r),
        vec!["auto_aof_rewrite_percentage=\"WARNING\"".to_string()]
    );
    // An OK row has nothing to fix: null, as every missing value in JSON (it was "").
    let ok = row(&r, "appendonly");
    assert_eq!(
        (&ok["status"], &ok["fix"]),
        (&"OK".into(), &serde_json::Value::Null),
        "{r}"
    );

    // A bad --max-save-age: 3 with a clear message, never 2.
    let out = tartarus_on(&s)
        .args(["redis", "health", "--max-save-age", "bogus"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(i32::from(exit::HEALTH_UNKNOWN)),
        "{}",
        stderr(&out)
    );
    assert!(
        stderr(&out).contains("UNKNOWN") && stderr(&out).contains("--max-save-age"),
        "{}",
        stderr(&out)
    );

    // AOF off: the AOF-only rows say so instead of UNKNOWN "not reported".
    let rdb_only = RedisServer::start_with(ServerOptions {
        save: RECOMMENDED_SAVE,
        ..Default::default()
    });
    let (_, r) = health(tartarus_on(&rdb_only));
    for name in ["aof_delayed_fsync", "auto_aof_rewrite_percentage"] {
        assert_eq!(row(&r, name)["status"], "OK", "{r}");
        assert_eq!(row(&r, name)["message"], "AOF is off", "{r}");
    }
}

/// While Redis loads its dataset PING answers -LOADING: health still reads INFO and CONFIG and
/// reports the `loading` row (WARNING, with progress) instead of UNKNOWN.
#[test]
fn health_reports_a_loading_server() {
    let s = RedisServer::start_with(
        recommended()
            .with("enable-debug-command", "yes")
            // ~200 µs per key and client events served every KiB: a long, observable load.
            .with("key-load-delay", "200")
            .with("loading-process-events-interval-bytes", "1024"),
    );
    let _: () = redis::cmd("DEBUG")
        .arg("POPULATE")
        .arg(20_000)
        .query(&mut s.conn())
        .unwrap();
    let _: () = redis::cmd("SAVE").query(&mut s.conn()).unwrap();
    let mut c = s.conn();
    let reload = std::thread::spawn(move || {
        let r: redis::RedisResult<()> = redis::cmd("DEBUG").arg("RELOAD").query(&mut c);
        r
    });
    let deadline = Instant::now() + Duration::from_secs(3);
    let (code, r) = loop {
        std::thread::sleep(Duration::from_millis(100));
        let (code, r) = health(tartarus_on(&s));
        if row(&r, "loading")["status"] != "OK" || Instant::now() > deadline {
            break (code, r);
        }
    };
    assert_eq!(row(&r, "loading")["status"], "WARNING", "{r}");
    assert_eq!(row(&r, "loading")["value"], true, "{r}");
    assert!(
        row(&r, "loading")["message"]
            .as_str()
            .unwrap()
            .contains("% loaded"),
        "{r}"
    );
    assert_eq!(row(&r, "connection")["status"], "OK", "{r}");
    assert_eq!(code, Some(i32::from(exit::HEALTH_WARNING)), "{r}");
    reload.join().unwrap().unwrap();
    let (code, r) = health(tartarus_on(&s));
    assert_eq!(code, Some(i32::from(exit::HEALTH_OK)), "{:?}", not_ok(&r));
}

/// The built binary as a plain `std::process::Command` (to spawn and signal it).
fn tartarus_process(server: &RedisServer) -> std::process::Command {
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("tartarus"));
    for var in [
        "TARTARUS_ENV",
        "REDIS_DB",
        "REDIS_QUEUE_KEY",
        "REDIS_PASSWORD",
        "REDIS_PASS",
        "REDIS_USERNAME",
        "TARTARUS_BACKUP_DIR",
    ] {
        cmd.env_remove(var);
    }
    cmd.env("REDIS_ADDR", server.host_port())
        .env("NO_COLOR", "1");
    cmd
}

fn config_value(server: &RedisServer, name: &str) -> String {
    let v: Vec<String> = redis::cmd("CONFIG")
        .arg("GET")
        .arg(name)
        .query(&mut server.conn())
        .unwrap();
    v[1].clone()
}

/// A `backup create --method file` killed while it copies the AOF directory leaves the server's
/// settings as they were (an earlier version had set auto-aof-rewrite-percentage to 0 for the
/// copy and left it so), and no folder that looks complete.
#[test]
fn a_file_backup_killed_mid_copy_leaves_the_rewrite_setting_alone() {
    let s =
        RedisServer::start_with(ServerOptions::aof("everysec").with("enable-debug-command", "yes"));
    let before = config_value(&s, "auto-aof-rewrite-percentage");
    // ~100 MB, in the RDB and (after the rewrite) in the AOF base: copying it takes a while.
    let _: () = redis::cmd("DEBUG")
        .arg("POPULATE")
        .arg(300_000)
        .arg("tartarus:bulk")
        .arg(300)
        .query(&mut s.conn())
        .unwrap();
    let _: () = redis::cmd("BGREWRITEAOF").query(&mut s.conn()).unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let info: String = redis::cmd("INFO")
            .arg("persistence")
            .query(&mut s.conn())
            .unwrap();
        if info.contains("aof_rewrite_in_progress:0") && info.contains("aof_rewrite_scheduled:0") {
            break;
        }
        assert!(Instant::now() < deadline, "the AOF rewrite did not finish");
        std::thread::sleep(Duration::from_millis(50));
    }
    let dir = tempfile::tempdir().unwrap();
    let mut child = tartarus_process(&s)
        .args(["backup", "create", "--method", "file", "--dir"])
        .arg(dir.path())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Wait until it copies the AOF directory (the point where the old code had paused rewrites).
    let deadline = Instant::now() + Duration::from_secs(120);
    let copying = loop {
        let tmp_aof = std::fs::read_dir(dir.path())
            .unwrap()
            .filter_map(|e| e.ok())
            .map(|e| e.path().join("appendonlydir"))
            .find(|p| p.is_dir());
        if tmp_aof.is_some() {
            break true;
        }
        if child.try_wait().unwrap().is_some() || Instant::now() > deadline {
            break false;
        }
        std::thread::sleep(Duration::from_millis(2));
    };
    assert!(
        copying,
        "the backup never reached the AOF copy (finished too fast?)"
    );
    // SAFETY: kill(2) on the pid of a child this test spawned and has not reaped.
    assert_eq!(
        unsafe { libc::kill(child.id() as libc::pid_t, libc::SIGTERM) },
        0
    );
    let status = child.wait().unwrap();
    assert!(!status.success(), "it was killed mid-copy: {status:?}");
    assert_eq!(
        config_value(&s, "auto-aof-rewrite-percentage"),
        before,
        "the server's rewrite setting is untouched"
    );
    assert_eq!(before, "100");
    // No complete-looking folder; the .tmp- folder stays for `backup prune` (fresh: kept).
    let out = tartarus_on(&s)
        .args(["backup", "list", "-o", "json", "--dir"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(
        json(&out.stdout),
        serde_json::json!({"items": [], "next": null})
    );
    let out = tartarus_on(&s)
        .args([
            "backup",
            "prune",
            "--keep-days",
            "0",
            "--keep-last",
            "0",
            "-o",
            "json",
            "--dir",
        ])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let rep = json(&out.stdout);
    assert_eq!(pruned(&rep, "temporary", "keep").len(), 1, "{rep}");
    assert!(pruned(&rep, "temporary", "delete").is_empty(), "{rep}");
    // And health agrees that nothing needs fixing.
    let (_, r) = health(tartarus_on(&s));
    assert_eq!(
        row(&r, "auto_aof_rewrite_percentage")["status"],
        "OK",
        "{r}"
    );
}

/// A logical backup whose RESP file holds `bytes`, with a manifest whose checksum matches it (so
/// verification gets past the checksums to the RESTORE file itself).
fn crafted_logical_backup(dir: &Path, seconds_ago: i64, bytes: &[u8]) -> String {
    let t = chrono::Utc::now() - chrono::Duration::seconds(seconds_ago);
    let id = format!("{}-logical", t.format("%Y%m%dT%H%M%SZ"));
    let folder = dir.join(&id);
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(folder.join("keys.resp"), bytes).unwrap();
    let (size, sha) =
        tartarus::persistence::backup::sha256_file(&folder.join("keys.resp")).unwrap();
    let manifest = serde_json::json!({
        "format_version": 1, "id": id, "method": "logical",
        "created_at": t, "finished_at": t, "source": "127.0.0.1:6379/0",
        "redis_version": "7.0.15", "rdb_version": null,
        "files": [{"name": "keys.resp", "size": size, "sha256": sha}],
        "key_counts": {"per_db": {}, "per_pattern": {"tartarus:*": 1}},
        "aof_enabled": false, "patterns": ["tartarus:*"]
    });
    std::fs::write(folder.join("manifest.json"), manifest.to_string()).unwrap();
    id
}

/// Garbage bulk lengths in a logical backup (with matching checksums) fail verification with a
/// reason and exit 31 — no panic, no abort on a huge allocation — and restore refuses it.
#[test]
fn oversized_bulk_lengths_fail_verify_without_panicking() {
    let dir = tempfile::tempdir().unwrap();
    for (i, len) in ["18446744073709551615", "99999999999999", "536870913"]
        .into_iter()
        .enumerate()
    {
        let bytes = format!("*5\r\n$7\r\nRESTORE\r\n${len}\r\ntartarus:k\r\n$1\r\n0\r\n");
        let id = crafted_logical_backup(dir.path(), 10 * i as i64, bytes.as_bytes());
        let out = tartarus()
            .env("REDIS_ADDR", "")
            .env("TARTARUS_BACKUP_DIR", dir.path())
            .args(["backup", "verify", &id])
            .output()
            .unwrap();
        let err = stderr(&out);
        assert_eq!(
            out.status.code(),
            Some(i32::from(exit::BACKUP_INVALID)),
            "${len}: {err}"
        );
        assert!(!err.contains("panicked"), "{err}");
        assert!(
            err.contains("resp commands") && err.contains("exceeds the 536870912-byte limit"),
            "${len}: {err}"
        );
        let out = tartarus()
            .env("REDIS_ADDR", "127.0.0.1:1")
            .env("TARTARUS_BACKUP_DIR", dir.path())
            .args(["backup", "restore", &id, "--online", "--yes"])
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(i32::from(exit::BACKUP_INVALID)),
            "{}",
            stderr(&out)
        );
        assert!(
            stderr(&out).contains("failed verification"),
            "{}",
            stderr(&out)
        );
    }
    // A file whose checksum already failed is not parsed at all: one clear reason.
    let id = crafted_logical_backup(dir.path(), 100, b"*5\r\n$99999999999999\r\n");
    let folder = dir.path().join(&id);
    std::fs::write(folder.join("keys.resp"), b"*5\r\n$99999999999998\r\n").unwrap();
    let out = tartarus()
        .env("REDIS_ADDR", "")
        .env("TARTARUS_BACKUP_DIR", dir.path())
        .args(["backup", "verify", &id, "-o", "json"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(i32::from(exit::BACKUP_INVALID)),
        "{}",
        stderr(&out)
    );
    let rep = json(&out.stdout);
    let names: Vec<&str> = rep["checks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        vec!["entries", "manifest", "file keys.resp"],
        "{rep}"
    );
    assert!(
        stderr(&out).contains("SHA-256 mismatch"),
        "{}",
        stderr(&out)
    );
}

/// `verify persistence -o json` prints the verdict object on its error paths too.
#[test]
fn verify_persistence_prints_the_json_verdict_when_it_cannot_finish() {
    let server = RedisServer::start_with(ServerOptions::aof("everysec"));
    let out = tartarus_on(&server)
        .args([
            "verify",
            "persistence",
            "--restart-cmd",
            "echo restarting >&2; exit 1",
            "-o",
            "json",
        ])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(i32::from(exit::FAILURE)),
        "{}",
        stderr(&out)
    );
    let v = json(&out.stdout);
    assert_eq!(v["persisted"], false, "{v}");
    assert!(
        v["error"]
            .as_str()
            .unwrap()
            .contains("the restart command failed"),
        "{v}"
    );
    assert!(v["cleanup"].as_str().unwrap().contains("deleted"), "{v}");
    let n: i64 = redis::cmd("HLEN")
        .arg("themis:{default}:policies")
        .query(&mut server.conn())
        .unwrap();
    assert_eq!(n, 0, "the canary policy was removed");

    // Redis unreachable: exit 5, and still a verdict.
    let out = tartarus()
        .env("REDIS_ADDR", format!("127.0.0.1:{}", closed_port()))
        .args(["verify", "persistence", "-o", "json"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(i32::from(exit::UNAVAILABLE)),
        "{}",
        stderr(&out)
    );
    let v = json(&out.stdout);
    assert_eq!(v["persisted"], false, "{v}");
    assert!(v["error"].is_string(), "{v}");
    assert_eq!(v["cleanup"], "nothing was written", "{v}");
}

/// Sets the modification time of `path` and everything below it (files first, then folders).
fn age(path: &Path, t: std::time::SystemTime) {
    if path.is_dir() {
        for e in std::fs::read_dir(path).unwrap() {
            age(&e.unwrap().path(), t);
        }
    }
    std::fs::File::open(path).unwrap().set_modified(t).unwrap();
}

/// `backup prune` removes the `.tmp-*` folders of killed backups once they are an hour old, keeps
/// fresh ones (a backup may be running), reports both, and respects --dry-run.
#[test]
fn prune_removes_stale_temporary_folders_only() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let keep = fake_backup(d, 0, true);
    let two_hours_ago = std::time::SystemTime::now() - Duration::from_secs(7200);
    let stamp = |secs: i64| {
        (chrono::Utc::now() - chrono::Duration::seconds(secs))
            .format("%Y%m%dT%H%M%SZ")
            .to_string()
    };
    let stale = format!(".tmp-{}-file", stamp(7300));
    std::fs::create_dir_all(d.join(&stale).join("appendonlydir")).unwrap();
    std::fs::write(d.join(&stale).join("dump.rdb"), b"REDIS0010").unwrap();
    age(&d.join(&stale), two_hours_ago);
    // Started two hours ago but still writing: a long backup in progress.
    let running = format!(".tmp-{}-replication", stamp(7200));
    std::fs::create_dir_all(d.join(&running)).unwrap();
    age(&d.join(&running), two_hours_ago);
    std::fs::write(d.join(&running).join("dump.rdb"), b"REDIS0010").unwrap();
    // Not a backup's temporary folder: never touched.
    std::fs::create_dir_all(d.join(".tmp-notes")).unwrap();
    age(&d.join(".tmp-notes"), two_hours_ago);
    let prune = |extra: &[&str]| {
        tartarus()
            .env("REDIS_ADDR", "")
            .env("TARTARUS_BACKUP_DIR", d)
            .args(["backup", "prune", "--keep-days", "7", "--keep-last", "1"])
            .args(extra)
            .output()
            .unwrap()
    };
    let out = prune(&["--dry-run", "-o", "json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let rep = json(&out.stdout);
    assert_eq!(
        pruned(&rep, "temporary", "delete"),
        vec![stale.clone()],
        "{rep}"
    );
    assert_eq!(
        pruned(&rep, "temporary", "keep"),
        vec![running.clone()],
        "{rep}"
    );
    assert!(pruned(&rep, "backup", "delete").is_empty());
    let tmp = items(&rep)
        .into_iter()
        .find(|e| e["id"] == stale.as_str())
        .unwrap();
    assert!(
        tmp["last_write_at"].as_str().unwrap().ends_with('Z'),
        "{tmp}"
    );
    assert!(d.join(&stale).exists(), "a dry run deletes nothing");
    // The table says it too.
    let out = prune(&["--dry-run"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains(&stale) && text.contains("would delete"),
        "{text}"
    );
    // Without --yes: refused.
    assert_eq!(prune(&[]).status.code(), Some(i32::from(exit::REFUSED)));
    assert!(d.join(&stale).exists());
    let out = prune(&["--yes", "-o", "json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        pruned(&json(&out.stdout), "temporary", "delete"),
        vec![stale.clone()]
    );
    assert!(!d.join(&stale).exists());
    assert!(d.join(&running).exists());
    assert!(d.join(".tmp-notes").exists());
    assert!(d.join(&keep).exists());
}

/// `backup restore --dry-run` runs every check and says what it would do; nothing changes:
/// offline (files moved and written) and online (keys deleted and loaded).
#[test]
fn restore_dry_run_says_what_it_would_do_and_changes_nothing() {
    let server =
        RedisServer::start_with(ServerOptions::default().with("repl-diskless-sync-delay", "0"));
    submit_some(&server, 5);
    let dir = tempfile::tempdir().unwrap();
    let rdb = backup_create(&server, dir.path(), "replication");
    let logical = backup_create(&server, dir.path(), "logical");
    let data_dir = tempfile::tempdir().unwrap();
    std::fs::write(data_dir.path().join("dump.rdb"), b"the server's own").unwrap();
    let listing = |p: &Path| -> Vec<(String, u64)> {
        let mut v: Vec<(String, u64)> = std::fs::read_dir(p)
            .unwrap()
            .map(|e| {
                let e = e.unwrap();
                (
                    e.file_name().to_string_lossy().into_owned(),
                    e.metadata().unwrap().len(),
                )
            })
            .collect();
        v.sort();
        v
    };
    let before = listing(data_dir.path());
    // Offline, with the server still running: the dry run runs that check too.
    let offline = |server: &RedisServer| {
        tartarus_on(server)
            .env("TARTARUS_BACKUP_DIR", dir.path())
            .args([
                "backup",
                "restore",
                rdb["id"].as_str().unwrap(),
                "--dry-run",
                "-o",
                "json",
            ])
            .args(["--appendonly", "yes", "--data-dir"])
            .arg(data_dir.path())
            .output()
            .unwrap()
    };
    let out = offline(&server);
    assert_eq!(
        out.status.code(),
        Some(i32::from(exit::CONFLICT)),
        "{}",
        stderr(&out)
    );
    let out = tartarus()
        .env("REDIS_ADDR", format!("127.0.0.1:{}", closed_port()))
        .env("TARTARUS_BACKUP_DIR", dir.path())
        .args([
            "backup",
            "restore",
            rdb["id"].as_str().unwrap(),
            "--dry-run",
            "-o",
            "json",
        ])
        .args(["--appendonly", "yes", "--data-dir"])
        .arg(data_dir.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "no --yes needed: {}", stderr(&out));
    let plan = json(&out.stdout);
    assert_eq!(
        plan["move_aside"],
        serde_json::json!(["dump.rdb"]),
        "{plan}"
    );
    assert!(
        plan["move_aside_to"]
            .as_str()
            .unwrap()
            .contains("pre-restore-"),
        "{plan}"
    );
    let install: Vec<&str> = plan["install"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert!(
        install[0].ends_with("appendonlydir/appendonly.aof.1.base.rdb"),
        "{plan}"
    );
    assert!(
        install[1].ends_with("appendonlydir/appendonly.aof.manifest"),
        "{plan}"
    );
    assert_eq!(
        plan["install"][0]["size_bytes"], rdb["files"][0]["size_bytes"],
        "{plan}"
    );
    assert!(
        plan["server_check"]
            .as_str()
            .unwrap()
            .contains("no server answers"),
        "{plan}"
    );
    assert_eq!(listing(data_dir.path()), before, "a dry run writes nothing");

    // Online with --flush: how many keys it would delete and load; Redis unchanged.
    let dbsize = |s: &RedisServer| -> i64 { redis::cmd("DBSIZE").query(&mut s.conn()).unwrap() };
    let keys_before = dbsize(&server);
    let out = tartarus_on(&server)
        .env("TARTARUS_BACKUP_DIR", dir.path())
        .args(["backup", "restore", logical["id"].as_str().unwrap()])
        .args(["--online", "--flush", "--dry-run", "-o", "json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let plan = json(&out.stdout);
    let restorable = logical["key_counts"]["per_pattern"]["tartarus:*"]
        .as_u64()
        .unwrap()
        + logical["key_counts"]["per_pattern"]["themis:*"]
            .as_u64()
            .unwrap();
    assert_eq!(plan["keys_to_restore"].as_u64(), Some(restorable), "{plan}");
    assert_eq!(plan["keys_to_delete"].as_i64(), Some(keys_before), "{plan}");
    assert_eq!(
        plan["flush_patterns"],
        serde_json::json!(["tartarus:*", "themis:*"])
    );
    assert_eq!(dbsize(&server), keys_before, "a dry run deletes nothing");
    // The table says it in words.
    let out = tartarus_on(&server)
        .env("TARTARUS_BACKUP_DIR", dir.path())
        .args([
            "backup",
            "restore",
            logical["id"].as_str().unwrap(),
            "--online",
            "--dry-run",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains(&format!("load {restorable} key(s)")),
        "{text}"
    );
}

/// `backup verify PATH` needs no --dir; an id without one is a usage error that says so.
#[test]
fn verify_takes_a_path_alone() {
    let server = RedisServer::start();
    submit_some(&server, 3);
    let dir = tempfile::tempdir().unwrap();
    let m = backup_create(&server, dir.path(), "logical");
    let path = dir.path().join(m["id"].as_str().unwrap());
    let out = tartarus()
        .env("REDIS_ADDR", "")
        .env_remove("TARTARUS_BACKUP_DIR")
        .args(["backup", "verify"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let out = tartarus()
        .env("REDIS_ADDR", "")
        .env_remove("TARTARUS_BACKUP_DIR")
        .args(["backup", "verify", m["id"].as_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(i32::from(exit::USAGE)),
        "{}",
        stderr(&out)
    );
    assert!(stderr(&out).contains("--dir"), "{}", stderr(&out));
    // An id never leaves the directory.
    let out = tartarus()
        .env("REDIS_ADDR", "")
        .env("TARTARUS_BACKUP_DIR", dir.path())
        .args(["backup", "verify", ".."])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(i32::from(exit::NOT_FOUND)),
        "{}",
        stderr(&out)
    );
}

/// A server holding `runs` submitted runs, and a replication backup of it: (server, the backups'
/// folder, the backup's folder).
fn replication_backup_of(runs: usize) -> (RedisServer, tempfile::TempDir, std::path::PathBuf) {
    let server =
        RedisServer::start_with(ServerOptions::default().with("repl-diskless-sync-delay", "0"));
    submit_some(&server, runs);
    let dir = tempfile::tempdir().unwrap();
    let m = backup_create(&server, dir.path(), "replication");
    let path = dir.path().join(m["id"].as_str().unwrap());
    (server, dir, path)
}

/// `verify` shows checksum results in words, and an error prints its cause once.
#[test]
fn verify_words_and_errors_printed_once() {
    let (_server, dir, path) = replication_backup_of(3);
    let out = tartarus()
        .env("REDIS_ADDR", "")
        .args(["backup", "verify"])
        .arg(&path)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("CRC-64 ok") && text.contains("SHA-256 ok"),
        "{text}"
    );
    assert!(
        !text.contains("Ok") && !text.contains("Some("),
        "no debug text: {text}"
    );
    let out = tartarus()
        .env("REDIS_ADDR", "")
        .args([
            "backup",
            "restore",
            "--yes",
            "--appendonly",
            "no",
            "--data-dir",
        ])
        .arg(dir.path().join("no-such-data-dir"))
        .arg(&path)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = stderr(&out);
    assert_eq!(err.matches("data dir does not exist").count(), 1, "{err}");
    assert!(err.contains("no-such-data-dir"), "{err}");
}

/// Dead, or a zombie left for init to reap.
fn process_gone(pid: i32) -> bool {
    match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
        Err(_) => true,
        Ok(stat) => stat
            .rsplit_once(')')
            .is_some_and(|(_, rest)| rest.trim_start().starts_with('Z')),
    }
}

/// The restart command runs in its own process group: on --restart-timeout and on Ctrl-C, what
/// it started in the background (here a grandchild that ignores SIGTERM) is killed too, and the
/// canary is still removed.
#[test]
fn a_timed_out_or_interrupted_restart_kills_everything_it_started() {
    let server = RedisServer::start_with(ServerOptions::aof("everysec"));
    let d = tempfile::tempdir().unwrap();
    for interrupt in [false, true] {
        let pidfile = d.path().join(format!("pid-{interrupt}"));
        let cmd = format!(
            "(trap '' TERM; sleep 900) & echo $! > {}; wait; echo late",
            pidfile.display()
        );
        let mut child = tartarus_process(&server)
            .args(["verify", "persistence", "-o", "json", "--restart-cmd", &cmd])
            .args(["--restart-timeout", if interrupt { "10m" } else { "2s" }])
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let deadline = Instant::now() + Duration::from_secs(60);
        let pid: i32 = loop {
            if let Some(p) = std::fs::read_to_string(&pidfile)
                .ok()
                .and_then(|t| t.trim().parse().ok())
            {
                break p;
            }
            assert!(Instant::now() < deadline, "the restart command never ran");
            std::thread::sleep(Duration::from_millis(20));
        };
        if interrupt {
            // SAFETY: SIGINT to the tartarus process this test started.
            unsafe { libc::kill(child.id() as i32, libc::SIGINT) };
        }
        // Long before the grandchild's own end: tartarus must not wait for it.
        let deadline = Instant::now() + Duration::from_secs(120);
        while child.try_wait().unwrap().is_none() {
            if Instant::now() > deadline {
                let _ = child.kill();
                // SAFETY: test cleanup of the grandchild it started.
                unsafe { libc::kill(pid, libc::SIGKILL) };
                panic!("tartarus still waits for the restart command after 120 s");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let out = child.wait_with_output().unwrap();
        assert_eq!(
            out.status.code(),
            Some(i32::from(exit::FAILURE)),
            "{}",
            stderr(&out)
        );
        let v = json(&out.stdout);
        let error = v["error"].as_str().unwrap();
        let says = if interrupt {
            "interrupted"
        } else {
            "did not finish within 2s"
        };
        assert!(error.contains(says), "{v}");
        assert!(v["cleanup"].as_str().unwrap().contains("deleted"), "{v}");
        let deadline = Instant::now() + Duration::from_secs(30);
        while !process_gone(pid) {
            if Instant::now() > deadline {
                // SAFETY: test cleanup of the grandchild it started.
                unsafe { libc::kill(pid, libc::SIGKILL) };
                panic!("the grandchild {pid} outlived tartarus");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

/// A `--redis-conf` that is missing or includes itself is a bad input file (exit
/// `INVALID_INPUT`), named; a folder without `manifest.json` is no backup, said before its
/// entries are walked, and nothing is written into it.
#[test]
fn a_bad_redis_conf_is_bad_input_and_a_folder_without_a_manifest_is_no_backup() {
    let (_server, _dir, path) = replication_backup_of(2);
    let confs = tempfile::tempdir().unwrap();
    std::fs::write(confs.path().join("a.conf"), "include b.conf\n").unwrap();
    std::fs::write(
        confs.path().join("b.conf"),
        "appendonly no\ninclude a.conf\n",
    )
    .unwrap();
    let data_dir = tempfile::tempdir().unwrap();
    for (conf, says) in [
        (confs.path().join("nonexistent.conf"), "nonexistent.conf"),
        (confs.path().join("a.conf"), "include loop"),
    ] {
        let out = tartarus()
            .env("REDIS_ADDR", "")
            .args(["backup", "restore", "--dry-run", "--redis-conf"])
            .arg(&conf)
            .arg("--data-dir")
            .arg(data_dir.path())
            .arg(&path)
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(i32::from(exit::INVALID_INPUT)),
            "{}",
            stderr(&out)
        );
        let err = stderr(&out);
        assert!(
            err.contains(says) && err.contains(&conf.display().to_string()),
            "{err}"
        );
    }
    assert_eq!(std::fs::read_dir(data_dir.path()).unwrap().count(), 0);
    // More entries than any backup may hold, and no manifest.json.
    let root = tempfile::tempdir().unwrap();
    let not_a_backup = root.path().join("not-a-backup");
    std::fs::create_dir(&not_a_backup).unwrap();
    for i in 0..10_050 {
        std::fs::write(not_a_backup.join(format!("f{i}")), b"").unwrap();
    }
    let out = tartarus()
        .env("REDIS_ADDR", "")
        .args(["backup", "verify"])
        .arg(&not_a_backup)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(i32::from(exit::BACKUP_INVALID)),
        "{}",
        stderr(&out)
    );
    let said = format!("{}{}", String::from_utf8_lossy(&out.stdout), stderr(&out));
    assert!(
        said.contains("has no manifest.json: it is not a backup folder"),
        "{said}"
    );
    assert!(!said.contains("entries"), "{said}");
    assert!(!not_a_backup.join("verify-result.json").exists());
}

/// Every group and verb of `redis`, `backup`, `verify`, and `bench backup`, has EXAMPLES in its
/// long help.
#[test]
fn every_persistence_verb_has_examples() {
    for verb in [
        &["redis"][..],
        &["redis", "health"],
        &["redis", "configure"],
        &["backup"],
        &["backup", "create"],
        &["backup", "copy"],
        &["backup", "list"],
        &["backup", "verify"],
        &["backup", "prune"],
        &["backup", "restore"],
        &["verify"],
        &["verify", "persistence"],
        &["metrics"],
        &["bench", "backup"],
    ] {
        let out = tartarus().args(verb).arg("--help").output().unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "{verb:?}");
        assert!(
            text.contains("\nExamples:\n")
                && text.contains(&format!("tartarus {}", verb.join(" "))),
            "{verb:?}: {text}"
        );
    }
}
