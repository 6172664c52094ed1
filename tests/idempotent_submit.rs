//! Idempotent bulk submit end to end: `--idempotency-key PREFIX` and `metadata.idempotencyKey`, a repeated command returning the stored runs, a key reused for other content refused (exit CONFLICT, naming the document), and a submit cut by `kill -9` of Redis reporting what it committed and completed by running it again.

mod support;

use std::collections::{BTreeMap, BTreeSet};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use support::{items, json, queue_stats, tartarus_on, RedisServer, ServerOptions};
use tartarus::exit;

/// `n` documents, each with its own command (so each has its own content).
fn docs(n: usize, tag: &str) -> String {
    (0..n)
        .map(|i| format!("---\nmetadata: {{name: job-{i}}}\nspec:\n  image: alpine\n  command: [echo, \"{tag}-{i}\"]\n"))
        .collect()
}

fn submit(server: &RedisServer, yaml: &str, extra: &[&str]) -> std::process::Output {
    tartarus_on(server)
        .args(["-q", "sandbox", "submit", "-o", "json", "-f", "-"])
        .args(extra)
        .write_stdin(yaml.to_string())
        .output()
        .unwrap()
}

#[test]
fn a_repeated_keyed_submit_returns_the_stored_runs() {
    let server = RedisServer::start();
    let yaml = docs(30, "a");
    let first = submit(&server, &yaml, &["--idempotency-key", "batch-1/"]);
    assert!(first.status.success(), "{first:?}");
    let first = items(&json(&first.stdout));
    assert_eq!(first.len(), 30);
    assert!(first.iter().all(|d| d["status"] == "created"), "{first:?}");
    let again = submit(&server, &yaml, &["--idempotency-key", "batch-1/"]);
    assert!(again.status.success(), "{again:?}");
    let again = items(&json(&again.stdout));
    assert!(again.iter().all(|d| d["status"] == "existing"), "{again:?}");
    let ids = |v: &[serde_json::Value]| -> Vec<String> {
        v.iter()
            .map(|d| d["id"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(ids(&first), ids(&again), "the same runs, in document order");
    assert_eq!(queue_stats(&server)["total_runs"], 30);
    // The key shows on the run, so `sandbox get` gives back a document that submits to it.
    let got = tartarus_on(&server)
        .args([
            "sandbox",
            "get",
            first[7]["id"].as_str().unwrap(),
            "-o",
            "json",
        ])
        .output()
        .unwrap();
    assert_eq!(json(&got.stdout)["metadata"]["idempotencyKey"], "batch-1/7");
    // Another prefix is another set of keys.
    let other = submit(&server, &yaml, &["--idempotency-key", "batch-2/"]);
    assert!(other.status.success());
    assert_eq!(queue_stats(&server)["total_runs"], 60);
}

#[test]
fn a_key_reused_for_other_content_is_refused_naming_the_document() {
    let server = RedisServer::start();
    let doc = |cmd: &str| {
        format!("metadata: {{name: one, idempotencyKey: nightly-42}}\nspec:\n  image: alpine\n  command: [{cmd}]\n")
    };
    let out = submit(&server, &doc("\"true\""), &[]);
    assert!(out.status.success(), "{out:?}");
    let id = items(&json(&out.stdout))[0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    // Same key, other command, next to a fresh document: exit 7, the other one is committed.
    let yaml = format!("{}---\n{}", docs(1, "fresh"), doc("\"false\""));
    let out = submit(&server, &yaml, &[]);
    assert_eq!(out.status.code(), Some(exit::CONFLICT.into()), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("document 1 (one)") && err.contains(&id) && err.contains("other content"),
        "{err}"
    );
    let report = json(&out.stdout);
    assert_eq!(items(&report).len(), 1, "{report}");
    assert_eq!(report["items"][0]["status"], "created");
    assert_eq!(report["not_committed"][0]["status"], "conflict");
    assert_eq!(report["not_committed"][0]["index"], 1);
    assert_eq!(report["not_committed"][0]["id"], id.as_str());
    assert_eq!(queue_stats(&server)["total_runs"], 2);
    // A bad key is a bad input, caught before anything is sent.
    let bad = "metadata: {idempotencyKey: \"has space\"}\nspec: {image: a, command: [b]}\n";
    let out = submit(&server, bad, &[]);
    assert_eq!(
        out.status.code(),
        Some(exit::INVALID_INPUT.into()),
        "{out:?}"
    );
    assert_eq!(queue_stats(&server)["total_runs"], 2);
}

/// `kill -9` of Redis (`appendfsync always`) in the middle of a bulk submit: the command says
/// which documents were committed (with ids) and which were not, exits UNAVAILABLE, and the same
/// command run again completes the rest with no duplicates.
#[test]
fn a_submit_cut_by_a_redis_crash_reports_what_it_committed_and_completes_on_retry() {
    let mut server = RedisServer::start_with(ServerOptions::aof("always"));
    let n = 60_000;
    let yaml = docs(n, "bulk");
    let path = server.data_dir().join("bulk.yaml");
    std::fs::write(&path, &yaml).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_tartarus"))
        .env("REDIS_ADDR", server.host_port())
        .env("NO_COLOR", "1")
        .args([
            "-q",
            "sandbox",
            "submit",
            "-o",
            "json",
            "--idempotency-key",
            "bulk-",
        ])
        .arg("-f")
        .arg(&path)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The runs are printed as they are acknowledged: read them meanwhile, or the pipe fills.
    let mut stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        std::io::Read::read_to_end(&mut stdout, &mut buf).unwrap();
        buf
    });
    // Kill Redis once some acknowledged batches (over 21,000 runs) are in.
    let mut c = server.conn();
    let t = Instant::now();
    loop {
        let stored: u64 = redis::cmd("ZCARD")
            .arg("tartarus:{default}:runs")
            .query(&mut c)
            .unwrap_or(0);
        if stored > 21_000 {
            break;
        }
        assert!(
            t.elapsed() < Duration::from_secs(120),
            "the submit did not get going"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    server.kill9();
    let mut out = child.wait_with_output().unwrap();
    out.stdout = reader.join().unwrap();
    assert_eq!(out.status.code(), Some(exit::UNAVAILABLE.into()), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("submit incomplete") && err.contains("committed"),
        "{err}"
    );
    let report = json(&out.stdout);
    let committed = items(&report);
    let not_committed = report["not_committed"].as_array().unwrap().clone();
    assert_eq!(
        committed.len() + not_committed.len(),
        n,
        "every document accounted for"
    );
    assert!(
        committed.len() >= 20_000 && committed.len() < n,
        "{}",
        committed.len()
    );
    assert!(not_committed
        .iter()
        .all(|d| d["status"] == "unknown" || d["status"] == "not_sent"));
    // Every document reported committed is stored, after the restart.
    server.restart();
    let mut c = server.conn();
    for d in committed.iter().step_by(97) {
        let key = format!("tartarus:{{default}}:run:{}", d["id"].as_str().unwrap());
        let exists: i64 = redis::cmd("EXISTS").arg(&key).query(&mut c).unwrap();
        assert_eq!(exists, 1, "{key}");
    }
    // The same command again: everything stored once, the first ids kept.
    let again = tartarus_on(&server)
        .args([
            "-q",
            "sandbox",
            "submit",
            "-o",
            "json",
            "--idempotency-key",
            "bulk-",
        ])
        .arg("-f")
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        again.status.success(),
        "{}",
        String::from_utf8_lossy(&again.stderr)
    );
    let all = items(&json(&again.stdout));
    assert_eq!(all.len(), n);
    let by_index: BTreeMap<u64, String> = all
        .iter()
        .map(|d| {
            (
                d["index"].as_u64().unwrap(),
                d["id"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    for d in &committed {
        assert_eq!(
            by_index[&d["index"].as_u64().unwrap()],
            d["id"].as_str().unwrap(),
            "a committed document keeps its run"
        );
    }
    let distinct: BTreeSet<&String> = by_index.values().collect();
    assert_eq!(distinct.len(), n);
    assert_eq!(
        queue_stats(&server)["total_runs"],
        n as u64,
        "no duplicates"
    );
}

/// An empty key (an unset `$BUILD_ID`) is refused like a too-long one, from the flag (file and
/// flags mode) and from a document, and nothing is stored.
#[test]
fn an_empty_idempotency_key_is_refused() {
    let server = RedisServer::start();
    let too_long = "k".repeat(300);
    for key in ["", too_long.as_str()] {
        let out = submit(&server, &docs(2, "e"), &["--idempotency-key", key]);
        assert_eq!(
            out.status.code(),
            Some(i32::from(exit::INVALID_INPUT)),
            "{out:?}"
        );
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("must be 1 to 256 characters"), "{err}");
    }
    let out = tartarus_on(&server)
        .args([
            "sandbox",
            "submit",
            "--image",
            "alpine",
            "--idempotency-key",
            "",
        ])
        .args(["--", "true"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(i32::from(exit::INVALID_INPUT)),
        "{out:?}"
    );
    let doc =
        "metadata: {name: k, idempotencyKey: \"\"}\nspec: {image: alpine, command: [\"true\"]}\n";
    let out = submit(&server, doc, &[]);
    assert_eq!(
        out.status.code(),
        Some(i32::from(exit::INVALID_INPUT)),
        "{out:?}"
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("must be 1 to 256 characters"), "{err}");
    assert_eq!(queue_stats(&server)["total_runs"], 0);
}
