//! The `tartarus` binary end to end against a real redis-server: configuration rules, failures, bulk submit, persistence across kill -9.

mod support;

use std::time::{Duration, Instant};

use support::{items, json, queue_stats, tartarus, tartarus_on, RedisServer, ServerOptions};
use tartarus::exit;

fn bulk_yaml(n: usize) -> String {
    let mut s = String::new();
    for i in 0..n {
        s.push_str(&format!(
            "---\nmetadata: {{name: job-{i}, labels: {{batch: b1}}}}\nspec:\n  image: alpine:3.20\n  command: [sh, -c, \"echo {i}\"]\n  resources: {{cpu: 250m, memory: 128Mi}}\n  timeout: 1m\n  priority: {}\n",
            i % 3
        ));
    }
    s
}

#[test]
fn production_without_redis_addr_is_fatal() {
    let out = tartarus()
        .env("TARTARUS_ENV", "production")
        .args(["queue", "stats"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(exit::CONFIG.into()));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("REDIS_ADDR"), "{err}");
    // And no in-memory escape hatch in production.
    let out = tartarus()
        .env("TARTARUS_ENV", "production")
        .env("REDIS_ADDR", "")
        .args(["queue", "stats"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(exit::CONFIG.into()));
}

#[test]
fn closed_port_fails_fast_with_a_clear_message() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    for args in [
        vec!["queue", "stats"],
        vec!["sandbox", "list"],
        vec!["sandbox", "submit", "--image", "a", "--", "b"],
    ] {
        let t = Instant::now();
        let out = tartarus()
            .env("REDIS_ADDR", format!("127.0.0.1:{port}"))
            .args(&args)
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(exit::UNAVAILABLE.into()),
            "{args:?}"
        );
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("cannot reach Redis") || err.contains("did not answer"),
            "{err}"
        );
        assert!(!err.contains("panicked"), "{err}");
        assert!(
            t.elapsed() < Duration::from_secs(10),
            "{args:?} took {:?}",
            t.elapsed()
        );
    }
}

/// A Redis that is loading its dataset refuses every command of a pipeline with LOADING: the
/// user is told so once, in words, not once per command of the pipeline.
#[test]
fn a_loading_redis_is_reported_in_one_clear_line() {
    // 60,000 keys at 1 ms each: loading lasts a minute, longer than the commands below.
    let server = RedisServer::start_loading(60_000, 1000);
    for args in [
        vec!["sandbox", "list"],
        vec!["queue", "stats"],
        vec!["sandbox", "submit", "--image", "a", "--", "b"],
    ] {
        let out = tartarus()
            .env("REDIS_ADDR", server.host_port())
            .args(&args)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(
            out.status.code(),
            Some(exit::UNAVAILABLE.into()),
            "{args:?}: {err}"
        );
        assert_eq!(
            err.matches(tartarus::connection::LOADING_WORDS).count(),
            1,
            "{args:?}: {err}"
        );
        assert!(err.contains(&server.host_port()), "{args:?}: {err}");
        assert!(
            !err.contains("Index") && !err.contains("Pipeline") && !err.contains("BusyLoading"),
            "{args:?}: {err}"
        );
        assert!(err.lines().count() <= 3, "{args:?}: {err}");
        assert!(!err.contains("other repl"), "{args:?}: {err}");
    }
    assert!(server.is_loading(), "the server finished loading too early");
}

#[test]
fn wrong_password_is_reported_and_never_printed() {
    let server = RedisServer::start_with(ServerOptions {
        password: Some("right-horse".into()),
        ..Default::default()
    });
    let out = tartarus()
        .env("REDIS_ADDR", server.host_port())
        .env("REDIS_PASSWORD", "wrong-battery")
        .args(["queue", "stats"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(exit::UNAVAILABLE.into()));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.to_lowercase().contains("credentials") || err.contains("WRONGPASS"),
        "{err}"
    );
    assert!(!err.contains("wrong-battery"), "password leaked: {err}");
    // The right password works, through the REDIS_PASS alias too.
    let out = tartarus()
        .env("REDIS_ADDR", server.host_port())
        .env("REDIS_PASS", "right-horse")
        .args(["queue", "stats"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let shown = tartarus()
        .env("REDIS_ADDR", server.host_port())
        .env("REDIS_PASSWORD", "right-horse")
        .args(["config", "show", "-o", "json"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&shown.stdout);
    assert!(
        !text.contains("right-horse") && text.contains("<redacted>"),
        "{text}"
    );
}

#[test]
fn in_memory_submit_warns_and_prints_ids() {
    let out = tartarus()
        .env("REDIS_ADDR", "")
        .args([
            "sandbox", "submit", "--image", "alpine", "--cpu", "500m", "-o", "json", "--", "echo",
            "hi",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("in-memory"));
    let v = items(&json(&out.stdout));
    assert_eq!(v.len(), 1);
    assert_eq!(v[0]["id"].as_str().map(str::len), Some(26), "a ULID");
}

#[test]
fn a_bad_document_submits_nothing() {
    let server = RedisServer::start();
    let mut text = bulk_yaml(50);
    text.push_str("---\nspec:\n  image: x\n  command: [a]\n  resources: {cpu: lots}\n");
    text.push_str(&bulk_yaml(5));
    let out = tartarus_on(&server)
        .args(["sandbox", "submit", "-f", "-"])
        .write_stdin(text)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(exit::INVALID_INPUT.into()));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("document 50") && err.contains("spec.resources.cpu"),
        "{err}"
    );
    let stats = tartarus_on(&server)
        .args(["queue", "stats", "-o", "json"])
        .output()
        .unwrap();
    assert_eq!(json(&stats.stdout)["total_runs"], 0);
    // Unknown fields and malformed YAML: same.
    for bad in [
        "spec:\n  image: x\n  command: [a]\n  surprise: 1\n",
        "spec: [unclosed\n",
    ] {
        let out = tartarus_on(&server)
            .args(["sandbox", "submit", "-f", "-"])
            .write_stdin(bad)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(exit::INVALID_INPUT.into()), "{bad}");
    }
}

#[test]
fn destructive_verbs_refuse_without_a_terminal() {
    let server = RedisServer::start();
    tartarus_on(&server)
        .args(["sandbox", "submit", "-f", "-"])
        .write_stdin(bulk_yaml(3))
        .assert()
        .success();
    let out = tartarus_on(&server)
        .args(["queue", "purge", "queued"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(exit::REFUSED.into()));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--yes"));
    let stats = queue_stats(&server);
    assert_eq!(stats["depth"], 3, "nothing purged");
    tartarus_on(&server)
        .args(["queue", "purge", "queued", "--yes"])
        .assert()
        .success();
    let stats = queue_stats(&server);
    assert_eq!(
        (
            stats["depth"].as_u64(),
            stats["states"]["cancelled"].as_u64()
        ),
        (Some(0), Some(3))
    );
}

fn list_all(server: &RedisServer) -> Vec<serde_json::Value> {
    let out = tartarus_on(server)
        .args(["sandbox", "list", "--all", "-o", "json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let list = json(&out.stdout);
    assert_eq!(
        list["next"],
        serde_json::Value::Null,
        "--all reads every page"
    );
    items(&list)
}

fn persistence_round(mut server: RedisServer, kill: bool) {
    let n = 10_000;
    let out = tartarus_on(&server)
        .args(["sandbox", "submit", "-o", "json", "-f", "-"])
        .write_stdin(bulk_yaml(n))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let acknowledged: Vec<String> = items(&json(&out.stdout))
        .iter()
        .map(|v| v["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(acknowledged.len(), n);
    let stats = queue_stats(&server);
    assert_eq!(stats["depth"], n as u64);
    let before = list_all(&server);
    assert_eq!(before.len(), n);
    if kill {
        server.kill9();
    } else {
        server.shutdown();
    }
    server.restart();
    // A new tartarus process sees the same runs with the same content.
    let after = list_all(&server);
    assert_eq!(after.len(), n);
    assert_eq!(after, before, "runs changed across the restart");
    let ids: Vec<String> = after
        .iter()
        .map(|r| r["status"]["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, acknowledged);
    assert_eq!(
        after[1234]["spec"]["command"],
        serde_json::json!(["sh", "-c", "echo 1234"])
    );
    let stats = queue_stats(&server);
    assert_eq!(
        (stats["depth"].as_u64(), stats["states"]["queued"].as_u64()),
        (Some(n as u64), Some(n as u64))
    );
}

#[test]
fn ten_thousand_runs_survive_kill_9_with_appendfsync_always() {
    persistence_round(RedisServer::start_with(ServerOptions::aof("always")), true);
}

#[test]
fn ten_thousand_runs_survive_a_clean_restart() {
    persistence_round(
        RedisServer::start_with(ServerOptions::aof("everysec")),
        false,
    );
}

#[test]
fn committed_completions_and_man_pages_are_current() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    for (shell, file) in tartarus::cli::docs::SHELLS {
        let committed = std::fs::read(root.join("completions").join(file)).unwrap_or_default();
        assert!(
            committed == tartarus::cli::docs::completion_script(shell),
            "completions/{file} is stale: run `cargo run -- completions {shell} > completions/{file}` (or scripts/gen-docs.sh)"
        );
    }
    for (name, text) in tartarus::cli::docs::man_pages().unwrap() {
        let committed = std::fs::read(root.join("man").join(&name)).unwrap_or_default();
        assert!(
            committed == text,
            "man/{name} is stale: run scripts/gen-docs.sh"
        );
    }
}

/// A timeout error names the timeout that fired, with its flag and value: the connect timeout
/// for a Redis that accepts but never answers (SIGSTOP), the command timeout for one that holds
/// the write (CLIENT PAUSE). Zero timeouts are refused before anything connects.
#[test]
fn a_timeout_error_names_the_timeout_that_fired() {
    let server = RedisServer::start();
    let pid = server.pid().expect("redis-server pid").to_string();
    let signal = |sig: &str| {
        let ok = std::process::Command::new("kill")
            .args([sig, &pid])
            .status()
            .unwrap()
            .success();
        assert!(ok, "kill {sig}");
    };
    signal("-STOP");
    let out = tartarus_on(&server)
        .args(["--redis-connect-timeout", "1s", "--redis-timeout", "10s"])
        .args(["queue", "stats"])
        .output();
    signal("-CONT");
    let out = out.unwrap();
    assert_eq!(out.status.code(), Some(exit::UNAVAILABLE.into()));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("did not accept a connection within 1s (--redis-connect-timeout)"),
        "{err}"
    );
    assert!(!err.contains("10s"), "{err}");
    // The server is back; pause writes for longer than the command timeout.
    let _: () = redis::cmd("CLIENT")
        .arg(&["PAUSE", "20000", "WRITE"])
        .query(&mut server.conn())
        .unwrap();
    let out = tartarus_on(&server)
        .args(["--redis-connect-timeout", "10s", "--redis-timeout", "1s"])
        .args(["sandbox", "submit", "--image", "a", "--", "true"])
        .output()
        .unwrap();
    let _: () = redis::cmd("CLIENT")
        .arg("UNPAUSE")
        .query(&mut server.conn())
        .unwrap();
    assert_eq!(out.status.code(), Some(exit::UNAVAILABLE.into()));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("did not answer within 1s (--redis-timeout)"),
        "{err}"
    );
    for flag in ["--redis-timeout", "--redis-connect-timeout"] {
        let out = tartarus_on(&server)
            .args([flag, "0s", "queue", "stats"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(exit::USAGE.into()), "{flag}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("must be more than zero"), "{err}");
    }
}

/// An empty cell (`--cell "$CELL"` with CELL unset) is refused, never read as `default`: a purge
/// of it purges nothing.
#[test]
fn an_empty_cell_is_refused() {
    let server = RedisServer::start();
    tartarus_on(&server)
        .args(["sandbox", "submit", "--image", "a", "--", "true"])
        .assert()
        .success();
    for (flag, env) in [(Some(""), None), (None, Some(""))] {
        let mut cmd = tartarus_on(&server);
        if let Some(v) = env {
            cmd.env("TARTARUS_CELL", v);
        }
        if let Some(v) = flag {
            cmd.args(["--cell", v]);
        }
        let out = cmd
            .args(["queue", "purge", "queued", "--yes"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(exit::CONFIG.into()));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("must not be empty"), "{err}");
    }
    let stats = queue_stats(&server);
    assert_eq!(stats["depth"], 1, "{stats}");
    assert_eq!(stats["states"]["queued"], 1, "{stats}");
}
