//! The CLI conventions (issue 8) through the binary: the command after `--`, help layout, one list
//! shape, units in JSON, state names, `up --exit-code`, the get → submit round trip, output slips,
//! exit codes of bad inputs, version, and timestamped logs.

mod support;

use std::io::Write;
use std::process::{Command, Stdio};

use clap::CommandFactory;
use support::{flat_run, items, json, tartarus, tartarus_on, RedisServer};
use tartarus::exit;

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).to_string()
}

fn submit_yaml(server: &RedisServer, yaml: &str) -> Vec<String> {
    let out = tartarus_on(server)
        .args(["-q", "sandbox", "submit", "-o", "json", "-f", "-"])
        .write_stdin(yaml.to_string())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    items(&json(&out.stdout))
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect()
}

fn get_json(server: &RedisServer, id: &str) -> serde_json::Value {
    let out = tartarus_on(server)
        .args(["sandbox", "get", id, "-o", "json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    json(&out.stdout)
}

fn is_rfc3339_millis(v: &serde_json::Value) -> bool {
    let Some(s) = v.as_str() else { return false };
    s.len() == 24
        && s.ends_with('Z')
        && s.as_bytes()[10] == b'T'
        && s.as_bytes()[19] == b'.'
        && chrono::DateTime::parse_from_rfc3339(s).is_ok()
}

#[test]
fn the_command_follows_double_dash_and_flags_before_it_are_tartarus_own() {
    let server = RedisServer::start();
    let out = tartarus_on(&server)
        .args([
            "sandbox", "submit", "--image", "alpine", "-o", "json", "--", "sh", "-c", "echo", "-o",
            "json", "--image", "x",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    // `-o json` before `--` chose the output; the same words after it went to the command.
    let id = items(&json(&out.stdout))[0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let run = get_json(&server, &id);
    assert_eq!(
        run["spec"]["command"],
        serde_json::json!(["sh", "-c", "echo", "-o", "json", "--image", "x"])
    );
    assert_eq!(run["spec"]["image"], "alpine");
    // --command is gone, with a message that shows the `--` form.
    let out = tartarus_on(&server)
        .args([
            "sandbox",
            "submit",
            "--image",
            "alpine",
            "--command",
            "true",
            "-o",
            "json",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(exit::USAGE.into()));
    assert!(out.stdout.is_empty());
    let err = stderr(&out);
    assert!(err.contains("-- sh -c 'echo hi'"), "{err}");
    // Without a command at all: a usage error that says where it goes.
    let out = tartarus_on(&server)
        .args(["sandbox", "submit", "--image", "alpine"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(exit::USAGE.into()));
    assert!(stderr(&out).contains("after `--`"), "{}", stderr(&out));
}

/// Every verb of the groups this layer owns, with its clap command.
fn verbs() -> Vec<(String, clap::Command)> {
    let mut root = tartarus::cli::Cli::command();
    root.build();
    let mut out = Vec::new();
    for group in [
        "sandbox",
        "queue",
        "node",
        "policy",
        "scheduler",
        "agent",
        "up",
        "config",
        "completions",
        "man",
        "redis",
        "backup",
        "verify",
    ] {
        let cmd = root
            .find_subcommand(group)
            .unwrap_or_else(|| panic!("no {group}"))
            .clone();
        if cmd.has_subcommands() {
            for sub in cmd.get_subcommands() {
                if sub.get_name() != "help" {
                    out.push((format!("{group} {}", sub.get_name()), sub.clone()));
                }
            }
        }
        out.push((group.to_string(), cmd));
    }
    out
}

#[test]
fn help_puts_own_options_first_connection_options_last_and_examples_everywhere() {
    for (name, mut cmd) in verbs() {
        let help = cmd.render_long_help().to_string();
        assert!(
            help.contains("\nExamples:\n"),
            "{name} has no examples:\n{help}"
        );
        assert!(!help.contains("--version"), "{name} offers --version");
        let connection = help
            .find("Connection options:")
            .unwrap_or_else(|| panic!("{name}: no Connection options heading:\n{help}"));
        let output = help.find("Output options:").unwrap_or(usize::MAX);
        let own = help.find("Options:").unwrap_or(0);
        assert!(
            own < output && output < connection,
            "{name}: headings out of order:\n{help}"
        );
        assert!(
            help[..connection].find("--redis-addr").is_none(),
            "{name}: a connection option before its heading"
        );
    }
    // The top level alone has -V/--version.
    let top = tartarus::cli::Cli::command().render_long_help().to_string();
    assert!(top.contains("-V, --version"), "{top}");
    let out = tartarus().args(["sandbox", "list", "-V"]).output().unwrap();
    assert_eq!(out.status.code(), Some(exit::USAGE.into()));
}

#[test]
fn version_shows_commit_and_build_date_but_short_version_stays_plain() {
    let out = tartarus().arg("--version").output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success());
    assert!(
        text.contains("commit: ") && text.contains("built: "),
        "{text}"
    );
    let commit = text
        .lines()
        .find_map(|l| l.strip_prefix("commit: "))
        .unwrap_or_default();
    assert!(
        commit == "unknown" || commit.chars().all(|c| c.is_ascii_hexdigit()),
        "{commit}"
    );
    let out = tartarus().arg("-V").output().unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        format!("tartarus {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn lists_have_one_shape_and_never_end_silently() {
    let server = RedisServer::start();
    let mut yaml = String::new();
    for i in 0..5 {
        yaml.push_str(&format!(
            "---\nmetadata: {{name: r{i}}}\nspec: {{image: x, command: ['true']}}\n"
        ));
    }
    let ids = submit_yaml(&server, &yaml);
    assert_eq!(ids.len(), 5);
    let page = |extra: &[&str]| {
        let out = tartarus_on(&server)
            .args(["sandbox", "list", "-o", "json", "--limit", "2"])
            .args(extra)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        json(&out.stdout)
    };
    let mut seen = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let p = match &cursor {
            Some(c) => page(&["--cursor", c]),
            None => page(&[]),
        };
        let got = items(&p);
        assert!(got.len() <= 2);
        seen.extend(
            got.iter()
                .map(|r| r["status"]["id"].as_str().unwrap().to_string()),
        );
        match p["next"].as_str() {
            Some(next) => cursor = Some(next.to_string()),
            None => break,
        }
    }
    assert_eq!(seen, ids, "pages add up to every run, in order");
    let all = page(&["--all"]);
    assert_eq!(
        (items(&all).len(), all["next"].clone()),
        (5, serde_json::Value::Null)
    );
    // The table says there is more on stderr, even with -q.
    let out = tartarus_on(&server)
        .args(["-q", "sandbox", "list", "--limit", "2"])
        .output()
        .unwrap();
    let err = stderr(&out);
    assert!(err.contains("more results: --cursor "), "{err}");
    // The other lists this layer prints have the same shape.
    for args in [
        vec!["node", "list"],
        vec!["queue", "list"],
        vec!["queue", "peek"],
        vec!["config", "show"],
    ] {
        let out = tartarus_on(&server)
            .args(&args)
            .args(["-o", "json"])
            .output()
            .unwrap();
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        let v = json(&out.stdout);
        assert!(
            v["items"].is_array() && v.get("next").is_some(),
            "{args:?}: {v}"
        );
    }
    // queue list pages by cursor too.
    let out = tartarus_on(&server)
        .args(["queue", "list", "--limit", "3", "-o", "json"])
        .output()
        .unwrap();
    let v = json(&out.stdout);
    assert_eq!(items(&v).len(), 3);
    let next = v["next"].as_str().unwrap().to_string();
    let out = tartarus_on(&server)
        .args([
            "queue", "list", "--limit", "3", "--cursor", &next, "-o", "json",
        ])
        .output()
        .unwrap();
    let v = json(&out.stdout);
    assert_eq!(
        (items(&v).len(), v["next"].clone()),
        (2, serde_json::Value::Null)
    );
}

#[test]
fn json_times_are_rfc3339_durations_ms_and_missing_values_null() {
    let server = RedisServer::start();
    let ids = submit_yaml(&server, "spec: {image: x, command: ['true']}\n");
    let run = get_json(&server, &ids[0]);
    assert!(is_rfc3339_millis(&run["status"]["created_at"]), "{run}");
    assert!(is_rfc3339_millis(&run["status"]["updated_at"]), "{run}");
    assert_eq!(run["status"]["started_at"], serde_json::Value::Null);
    assert_eq!(run["status"]["node"], serde_json::Value::Null);
    tartarus_on(&server)
        .args(["node", "register", "n1", "--ttl", "1m"])
        .assert()
        .success();
    let nodes = json(
        &tartarus_on(&server)
            .args(["node", "list", "-o", "json"])
            .output()
            .unwrap()
            .stdout,
    );
    let n = &items(&nodes)[0];
    assert!(is_rfc3339_millis(&n["last_heartbeat"]), "{n}");
    assert_eq!(n["ttl_ms"], 60_000, "{n}");
    assert!(n["capacity"]["memory_bytes"].is_u64(), "{n}");
    assert!(n.get("ttl_secs").is_none(), "{n}");
    // Cancelled: its event has an RFC 3339 time too.
    tartarus_on(&server)
        .args(["sandbox", "cancel", "--yes", &ids[0]])
        .assert()
        .success();
    let run = get_json(&server, &ids[0]);
    let events = run["status"]["events"].as_array().unwrap();
    assert!(!events.is_empty());
    assert!(events.iter().all(|e| is_rfc3339_millis(&e["at"])), "{run}");
    // config show: nothing set is null, durations are *_ms integers.
    let cfg = json(
        &tartarus_on(&server)
            .args(["config", "show", "-o", "json"])
            .output()
            .unwrap()
            .stdout,
    );
    let value = |name: &str| {
        items(&cfg)
            .into_iter()
            .find(|s| s["name"] == name)
            .map(|s| s["value"].clone())
            .unwrap_or_else(|| panic!("{name} missing: {cfg}"))
    };
    assert_eq!(value("REDIS_PASSWORD"), serde_json::Value::Null);
    assert_eq!(value("REDIS_USERNAME"), serde_json::Value::Null);
    assert_eq!(value("command_timeout_ms"), 5000);
    assert!(!cfg.to_string().contains("(none)"), "{cfg}");
    // Every setting is listed once, in JSON and in the table.
    let names: Vec<String> = items(&cfg)
        .iter()
        .map(|s| s["name"].as_str().unwrap().to_string())
        .collect();
    let unique: std::collections::BTreeSet<&String> = names.iter().collect();
    assert_eq!(
        unique.len(),
        names.len(),
        "a setting is listed twice: {names:?}"
    );
    let table = tartarus_on(&server)
        .args(["config", "show"])
        .output()
        .unwrap();
    let table = String::from_utf8_lossy(&table.stdout).to_string();
    let first_words: Vec<&str> = table
        .lines()
        .skip(1)
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    let unique: std::collections::BTreeSet<&&str> = first_words.iter().collect();
    assert_eq!(unique.len(), first_words.len(), "{table}");
    assert_eq!(first_words.len(), names.len(), "{table}");
}

#[test]
fn state_filters_are_spelled_as_the_output() {
    let server = RedisServer::start();
    for state in ["timed_out", "timed-out", "queued", "dead"] {
        let out = tartarus_on(&server)
            .args(["sandbox", "list", "--state", state, "-o", "json"])
            .output()
            .unwrap();
        assert!(out.status.success(), "{state}: {}", stderr(&out));
    }
    let out = tartarus_on(&server)
        .args(["sandbox", "list", "--state", "timedout"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(exit::USAGE.into()));
    assert!(stderr(&out).contains("timed_out"), "{}", stderr(&out));
}

const MIXED: &str = "
metadata: {name: ok}
spec: {image: x, command: ['true']}
---
metadata: {name: fails}
spec: {image: x, command: [sh, -c, 'exit 3']}
";

fn up_until_idle(file: &std::path::Path, extra: &[&str]) -> std::process::Output {
    tartarus()
        .args([
            "--in-memory",
            "-o",
            "json",
            "up",
            "--agent",
            "n1",
            "--until-idle",
            "--submit",
        ])
        .arg(file)
        .args(extra)
        .output()
        .unwrap()
}

#[test]
fn up_exit_code_is_the_worst_runs_and_only_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("mixed.yaml");
    std::fs::write(&file, MIXED).unwrap();
    let plain = up_until_idle(&file, &[]);
    assert_eq!(
        plain.status.code(),
        Some(exit::OK.into()),
        "{}",
        stderr(&plain)
    );
    let strict = up_until_idle(&file, &["--exit-code"]);
    assert_eq!(
        strict.status.code(),
        Some(exit::RUN_FAILED.into()),
        "{}",
        stderr(&strict)
    );
    let states: Vec<_> = items(&json(&strict.stdout))
        .iter()
        .map(|r| flat_run(r)["state"].clone())
        .collect();
    assert_eq!(
        states,
        [serde_json::json!("succeeded"), serde_json::json!("failed")]
    );
    // A rejected run (quarantine, no typhon node) is worse than a failed one.
    let worse = dir.path().join("worse.yaml");
    std::fs::write(
        &worse,
        format!("{MIXED}---\nmetadata: {{name: q, annotations: {{tartarus.io/quarantine: \"true\"}}}}\nspec: {{image: x, command: ['true']}}\n"),
    )
    .unwrap();
    let out = up_until_idle(&worse, &["--exit-code"]);
    assert_eq!(
        out.status.code(),
        Some(exit::RUN_REFUSED.into()),
        "{}",
        stderr(&out)
    );
    // Every run succeeded: 0.
    let good = dir.path().join("good.yaml");
    std::fs::write(&good, "spec: {image: x, command: ['true']}\n").unwrap();
    let out = up_until_idle(&good, &["--exit-code"]);
    assert_eq!(out.status.code(), Some(exit::OK.into()), "{}", stderr(&out));
    // --exit-code means nothing without --until-idle.
    let out = tartarus()
        .args(["--in-memory", "up", "--exit-code"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(exit::USAGE.into()));
}

#[test]
fn long_running_commands_log_with_timestamps() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("one.yaml");
    std::fs::write(&file, "spec: {image: x, command: ['true']}\n").unwrap();
    let out = up_until_idle(&file, &["-v"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    let logged: Vec<&str> = err
        .lines()
        .filter(|l| l.contains("INFO") || l.contains("WARN"))
        .collect();
    assert!(!logged.is_empty(), "{err}");
    for line in logged {
        let stamp = serde_json::Value::from(line.split_whitespace().next().unwrap_or_default());
        assert!(is_rfc3339_millis(&stamp), "no timestamp: {line}");
    }
}

#[test]
fn get_yaml_submits_again_to_the_same_spec() {
    let server = RedisServer::start();
    let ids = submit_yaml(
        &server,
        "apiVersion: tartarus.io/v1\nkind: Sandbox\nmetadata: {name: rt, labels: {team: ci}, annotations: {note: x}, tenant: acme}\nspec:\n  image: alpine:3.20\n  command: [sh, -c, 'echo hi']\n  env: {A: b}\n  resources: {cpu: 1500m, memory: 300Mi, gpu: 0}\n  timeout: 1h30m\n  heat: warm\n  priority: 5\n  network: true\n",
    );
    let yaml = tartarus_on(&server)
        .args(["sandbox", "get", &ids[0], "-o", "yaml"])
        .output()
        .unwrap();
    assert!(yaml.status.success(), "{}", stderr(&yaml));
    let text = String::from_utf8_lossy(&yaml.stdout).to_string();
    for expected in [
        "apiVersion: tartarus.io/v1",
        "kind: Sandbox",
        "cpu: 1500m",
        "memory: 300Mi",
        "timeout: 1h30m",
        "status:",
    ] {
        assert!(text.contains(expected), "{expected} missing:\n{text}");
    }
    assert!(
        !text.contains("cpu_millis") && !text.contains("timeout_secs"),
        "{text}"
    );
    let again = submit_yaml(&server, &text);
    assert_eq!(again.len(), 1);
    assert_ne!(again[0], ids[0], "a new run");
    let first = get_json(&server, &ids[0]);
    let second = get_json(&server, &again[0]);
    assert_eq!(first["spec"], second["spec"]);
    assert_eq!(first["metadata"], second["metadata"]);
    assert_eq!(second["status"]["state"], "queued");
    // JSON is the same document, and submits back too.
    let out = tartarus_on(&server)
        .args(["sandbox", "submit", "-o", "json", "-f", "-"])
        .write_stdin(serde_json::to_string(&first).unwrap())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn cancelling_a_finished_run_prints_one_error_and_nothing_else() {
    let server = RedisServer::start();
    let ids = submit_yaml(&server, "spec: {image: x, command: ['true']}\n");
    tartarus_on(&server)
        .args(["sandbox", "cancel", "--yes", &ids[0]])
        .assert()
        .success();
    let out = tartarus_on(&server)
        .args(["sandbox", "cancel", "--yes", &ids[0]])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(exit::CONFLICT.into()));
    assert!(
        out.stdout.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let err = stderr(&out);
    assert_eq!(err.matches("error").count(), 1, "{err}");
    assert_eq!(err.matches(ids[0].as_str()).count(), 1, "{err}");
    // Two runs, one finished: the other is cancelled and listed, the failure said once.
    let more = submit_yaml(&server, "spec: {image: x, command: ['true']}\n");
    let out = tartarus_on(&server)
        .args([
            "sandbox", "cancel", "--yes", "-o", "json", &ids[0], &more[0],
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(exit::CONFLICT.into()));
    assert_eq!(items(&json(&out.stdout)).len(), 1);
    assert_eq!(
        stderr(&out).matches("is cancelled").count(),
        1,
        "{}",
        stderr(&out)
    );
}

#[test]
fn completions_into_a_closed_pipe_exit_quietly() {
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("tartarus"))
        .args(["completions", "bash"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The reader goes away before reading anything, as `| head -0` would.
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(exit::OK.into()), "{}", stderr(&out));
    assert!(out.stderr.is_empty(), "{}", stderr(&out));
    // `| head -1` through a real shell pipe.
    let out = Command::new("bash")
        .arg("-c")
        .arg(format!(
            "set -o pipefail; {} completions bash | head -1",
            assert_cmd::cargo::cargo_bin("tartarus").display()
        ))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(out.stderr.is_empty(), "{}", stderr(&out));
}

#[test]
fn bad_inputs_exit_with_their_documented_codes() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.yaml");
    for args in [
        vec!["sandbox", "submit", "-f"],
        vec!["policy", "apply", "-f"],
        vec!["policy", "test", "-f"],
    ] {
        let out = tartarus()
            .arg("--in-memory")
            .args(&args)
            .arg(&missing)
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(exit::INVALID_INPUT.into()),
            "{args:?}: {}",
            stderr(&out)
        );
        assert!(stderr(&out).contains("missing.yaml"), "{}", stderr(&out));
    }
    let binary = dir.path().join("binary.yaml");
    std::fs::File::create(&binary)
        .unwrap()
        .write_all(b"spec: {image: \xff\xfe, command: ['true']}\n")
        .unwrap();
    let out = tartarus()
        .args(["--in-memory", "sandbox", "submit", "-f"])
        .arg(&binary)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(exit::INVALID_INPUT.into()),
        "{}",
        stderr(&out)
    );
    assert!(stderr(&out).contains("UTF-8"), "{}", stderr(&out));
    // The password file: missing, or a directory (unreadable as a file) is a config error.
    for path in [dir.path().join("no-password"), dir.path().to_path_buf()] {
        let out = tartarus()
            .args(["config", "show", "--redis-password-file"])
            .arg(&path)
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(exit::CONFIG.into()),
            "{}",
            stderr(&out)
        );
        assert!(stderr(&out).contains("password file"), "{}", stderr(&out));
    }
}

#[test]
fn percent_encoded_credentials_in_the_url_reach_redis() {
    let server = RedisServer::start_with(support::ServerOptions {
        password: Some("p@ss:w/rd%".into()),
        ..Default::default()
    });
    let out = tartarus()
        .env(
            "REDIS_ADDR",
            format!("redis://:p%40ss%3Aw%2Frd%25@{}", server.host_port()),
        )
        .args(["queue", "stats", "-o", "json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!stderr(&out).contains("p@ss"), "{}", stderr(&out));
}

#[test]
fn the_readme_lists_every_exit_code_as_src_exit_documents_it() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let table = exit::markdown_table();
    assert!(
        readme.contains(&table),
        "README's exit code table is stale; it must contain exactly:\n{table}"
    );
}

#[test]
fn every_environment_variable_the_code_reads_is_documented() {
    let documented: Vec<&str> = tartarus::config::ENVIRONMENT
        .iter()
        .map(|(n, _)| *n)
        .collect();
    let mut read = std::collections::BTreeSet::new();
    let mut stack = vec![std::path::PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/src"
    ))];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            // std::env::var("X"), var_os("X"), and the lists `pick` reads: &["X", "Y"].
            for marker in ["var(\"", "var_os(\"", "&[\"", "from_env(\""] {
                for (i, _) in text.match_indices(marker) {
                    let rest = &text[i + marker.len()..];
                    let names: Vec<&str> = if marker == "&[\"" {
                        rest.split(']')
                            .next()
                            .unwrap_or_default()
                            .split(',')
                            .map(|n| n.trim().trim_matches('"'))
                            .collect()
                    } else {
                        rest.split('"').next().into_iter().collect()
                    };
                    for name in names {
                        let upper = !name.is_empty()
                            && name.chars().all(|c| c.is_ascii_uppercase() || c == '_');
                        if upper && (name.contains('_') || matches!(name, "USER" | "LOGNAME")) {
                            read.insert(name.to_string());
                        }
                    }
                }
            }
        }
    }
    assert!(
        read.contains("REDIS_ADDR") && read.contains("HADES_LABEL"),
        "{read:?}"
    );
    let missing: Vec<_> = read
        .iter()
        .filter(|n| !documented.contains(&n.as_str()) && n.as_str() != "LOGNAME")
        .collect();
    assert!(
        missing.is_empty(),
        "read but not in config::ENVIRONMENT: {missing:?}"
    );
}

/// A `tartarus` process in the background, killed on drop.
struct Background(std::process::Child);

impl Drop for Background {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn background(server: &RedisServer, args: &[&str]) -> Background {
    Background(
        Command::new(assert_cmd::cargo::cargo_bin("tartarus"))
            .env("REDIS_ADDR", server.host_port())
            .arg("-q")
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    )
}

#[test]
fn waits_fail_fast_without_a_scheduler_and_on_a_run_no_node_can_take() {
    let server = RedisServer::start();
    // No scheduler at all: submit --wait says so instead of hanging.
    let t = std::time::Instant::now();
    let out = tartarus_on(&server)
        .args(["sandbox", "submit", "--wait", "--image", "x", "--", "true"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(exit::NO_SCHEDULER.into()),
        "{}",
        stderr(&out)
    );
    assert!(
        stderr(&out).contains("no scheduler is alive"),
        "{}",
        stderr(&out)
    );
    assert!(
        t.elapsed() < std::time::Duration::from_secs(15),
        "{:?}",
        t.elapsed()
    );
    // A scheduler, a node without GPUs, and a run that wants one: pending for good.
    let _scheduler = background(&server, &["scheduler", "run"]);
    tartarus_on(&server)
        .args(["node", "register", "plain", "--ttl", "5m"])
        .assert()
        .success();
    let ids = submit_yaml(
        &server,
        "metadata: {name: gpu}\nspec: {image: x, command: ['true'], resources: {gpu: 1}, heat: inferno}\n",
    );
    let out = tartarus_on(&server)
        .args(["sandbox", "wait", "--pending-timeout", "1s", &ids[0]])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(exit::STUCK_PENDING.into()),
        "{}",
        stderr(&out)
    );
    let err = stderr(&out);
    assert!(
        err.contains(&ids[0]) && err.contains("nodes available"),
        "{err}"
    );
    // --timeout still works, and with --pending-timeout 0 only it ends the wait.
    let out = tartarus_on(&server)
        .args([
            "sandbox",
            "wait",
            "--pending-timeout",
            "0",
            "--timeout",
            "1500ms",
            &ids[0],
        ])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(exit::WAIT_TIMED_OUT.into()),
        "{}",
        stderr(&out)
    );
}

#[test]
fn cancel_and_node_remove_dry_runs_say_what_they_would_do_and_write_nothing() {
    let server = RedisServer::start();
    tartarus_on(&server)
        .args([
            "-q", "node", "register", "n1", "--ttl", "5m", "--slots", "4",
        ])
        .assert()
        .success();
    let ids = submit_yaml(
        &server,
        "spec: {image: x, command: ['true']}\n---\nspec: {image: x, command: ['true']}\n",
    );
    // Place both on n1, then finish nothing: both are `scheduled` there.
    tartarus_on(&server)
        .args(["-q", "scheduler", "run", "--once"])
        .assert()
        .success();
    for id in &ids {
        assert_eq!(flat_run(&get_json(&server, id))["state"], "scheduled");
    }
    tartarus_on(&server)
        .args(["sandbox", "cancel", "--yes", &ids[1]])
        .assert()
        .success();
    let before = support::keyspace_digest(&server);

    // cancel --dry-run: the cancellable run listed, the finished one is the error, no prompt.
    let out = tartarus_on(&server)
        .args([
            "sandbox",
            "cancel",
            "--dry-run",
            "-o",
            "json",
            &ids[0],
            &ids[1],
        ])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(exit::CONFLICT.into()),
        "{}",
        stderr(&out)
    );
    let listed = items(&json(&out.stdout));
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0]["status"]["id"], ids[0].as_str());
    assert_eq!(listed[0]["status"]["state"], "scheduled");
    assert!(stderr(&out).contains("dry run"), "{}", stderr(&out));

    // node remove --dry-run: the placed run would be requeued; nothing changes.
    let out = tartarus_on(&server)
        .args(["node", "remove", "n1", "--dry-run", "-o", "json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let plan = json(&out.stdout);
    assert_eq!(plan["dry_run"], true);
    assert_eq!(plan["requeued"], serde_json::json!([ids[0]]));
    assert_eq!(plan["dead_lettered"], serde_json::json!([]));
    let out = tartarus_on(&server)
        .args([
            "node",
            "remove",
            "n1",
            "--dry-run",
            "--max-attempts",
            "1",
            "-o",
            "json",
        ])
        .output()
        .unwrap();
    assert_eq!(
        json(&out.stdout)["dead_lettered"],
        serde_json::json!([ids[0]])
    );

    let after = support::keyspace_digest(&server);
    assert_eq!(
        support::changed_keys(&before, &after),
        Vec::<String>::new(),
        "a dry run wrote"
    );
    // The real removal does what the plan said.
    let out = tartarus_on(&server)
        .args(["node", "remove", "n1", "--yes", "-o", "json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(json(&out.stdout)["requeued"], serde_json::json!([ids[0]]));
}

/// `queue retry` with ids that are not dead letters exits NOT_FOUND naming them (an unknown id,
/// and a queued run, which stays queued).
#[test]
fn retrying_what_is_not_a_dead_letter_is_not_found() {
    let server = RedisServer::start();
    let ids = submit_yaml(
        &server,
        "metadata: {name: q1}\nspec: {image: alpine, command: [\"true\"]}\n",
    );
    let out = tartarus_on(&server)
        .args(["queue", "retry", "NOPE", &ids[0], "NOPE"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(i32::from(exit::NOT_FOUND)));
    let err = stderr(&out);
    assert!(err.contains(&format!("NOPE, {}", ids[0])), "{err}");
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("requeued 0"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert_eq!(get_json(&server, &ids[0])["status"]["state"], "queued");
}

/// No raw control character in `text` (line breaks allowed).
fn assert_no_raw_control(what: &str, text: &[u8]) {
    let text = String::from_utf8_lossy(text);
    assert!(
        !text.chars().any(|c| c.is_control() && c != '\n'),
        "{what}: {text:?}"
    );
}

/// Terminal escapes in labels, env values, images and node labels are refused (exit
/// INVALID_INPUT, USAGE for node flags) with the character shown escaped, never raw; an env value
/// may hold a line break.
#[test]
fn terminal_escapes_are_refused_and_never_echoed_raw() {
    let server = RedisServer::start();
    let cases: Vec<(Vec<String>, u8)> = vec![
        (
            vec![
                "--image".into(),
                "a".into(),
                "--label".into(),
                "k=\x1b[31mred".into(),
            ],
            exit::INVALID_INPUT,
        ),
        (
            vec![
                "--image".into(),
                "a".into(),
                "--label".into(),
                "k=a\u{9b}2J".into(),
            ],
            exit::INVALID_INPUT,
        ),
        (
            vec![
                "--image".into(),
                "a".into(),
                "--env".into(),
                "K=a\x1b[2Jb".into(),
            ],
            exit::INVALID_INPUT,
        ),
        (
            vec!["--image".into(), "al\x1b]0;x\x07pine".into()],
            exit::INVALID_INPUT,
        ),
        (
            vec![
                "--image".into(),
                "a".into(),
                "--name".into(),
                "n\x1b[31m".into(),
            ],
            exit::INVALID_INPUT,
        ),
    ];
    for (args, code) in cases {
        let out = tartarus_on(&server)
            .args(["sandbox", "submit"])
            .args(&args)
            .args(["--", "true"])
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(i32::from(code)),
            "{args:?}: {}",
            stderr(&out)
        );
        assert!(stderr(&out).contains("\\u{"), "{args:?}: {}", stderr(&out));
        assert_no_raw_control(&format!("{args:?}"), &out.stderr);
    }
    let out = tartarus_on(&server)
        .args(["node", "register", "esc1", "--labels", "k=\x1b]0;pwned\x07"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(i32::from(exit::USAGE)),
        "{}",
        stderr(&out)
    );
    assert!(stderr(&out).contains("\\u{1b}"), "{}", stderr(&out));
    assert_no_raw_control("node register", &out.stderr);
    // A policy file's rule message.
    let dir = tempfile::tempdir().unwrap();
    let policy = dir.path().join("p.yaml");
    std::fs::write(
        &policy,
        "apiVersion: themis.tartarus.io/v1\nkind: Policy\nmetadata: {name: p}\nspec:\n  rules:\n    - {name: r, when: {privileged: true}, verdict: deny, message: \"\\e[31mno\"}\n",
    )
    .unwrap();
    let out = tartarus_on(&server)
        .args(["policy", "apply", "-f", policy.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(i32::from(exit::INVALID_INPUT)),
        "{}",
        stderr(&out)
    );
    assert_no_raw_control("policy apply", &out.stderr);
    // A flag value clap refuses is quoted without its escape.
    let out = tartarus_on(&server)
        .args(["sandbox", "list", "--limit", "\x1b[31m"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(i32::from(exit::USAGE)));
    assert_no_raw_control("clap error", &out.stderr);
    // Nothing was stored; an env value with a line break is fine.
    assert_eq!(support::queue_stats(&server)["total_runs"], 0);
    let out = tartarus_on(&server)
        .args([
            "sandbox",
            "submit",
            "--image",
            "a",
            "--env",
            "CERT=line1\nline2\tx",
        ])
        .args(["-o", "json", "--", "true"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
}

/// Values stored by an older version that did not refuse control characters are printed
/// escaped in every format (`sandbox get`, `sandbox list -o wide`), and JSON/YAML read back as
/// the stored value.
#[test]
fn stored_control_characters_are_printed_escaped() {
    let server = RedisServer::start();
    let ids = submit_yaml(
        &server,
        "metadata: {name: old, labels: {k: v}}\nspec: {image: alpine, command: [\"true\"]}\n",
    );
    let key = tartarus::store::keys::Keys::default().run(&ids[0]);
    let mut conn = server.conn();
    let spec: String = redis::cmd("HGET")
        .arg(&key)
        .arg("spec")
        .query(&mut conn)
        .unwrap();
    let hostile = "\x1b]0;pwned\x07\x1b[31mred\u{9b}2J";
    let edited = spec.replace(
        "\"k\":\"v\"",
        &format!("\"k\":{}", serde_json::to_string(hostile).unwrap()),
    );
    assert_ne!(edited, spec, "the stored spec changed shape: {spec}");
    let _: () = redis::cmd("HSET")
        .arg(&key)
        .arg("spec")
        .arg(&edited)
        .query(&mut conn)
        .unwrap();
    for format in ["table", "wide", "json", "yaml"] {
        let out = tartarus_on(&server)
            .args(["sandbox", "get", &ids[0], "-o", format])
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        assert_no_raw_control(format, &out.stdout);
        let text = String::from_utf8_lossy(&out.stdout).to_string();
        match format {
            "json" => assert_eq!(json(&out.stdout)["metadata"]["labels"]["k"], hostile),
            "yaml" => {
                let v: serde_json::Value = serde_yaml::from_str(&text).unwrap();
                assert_eq!(v["metadata"]["labels"]["k"], hostile);
            }
            _ => assert!(text.contains("k=\\u{1b}]0;pwned\\u{7}"), "{text}"),
        }
    }
    let out = tartarus_on(&server)
        .args(["sandbox", "list", "-o", "wide"])
        .output()
        .unwrap();
    assert_no_raw_control("list wide", &out.stdout);
}

/// `sandbox list --limit 0` and a `--cursor` that is not one (`next` is a run id) are refused
/// (USAGE) instead of returning one item or an empty list with success.
#[test]
fn a_zero_limit_and_a_garbage_cursor_are_refused() {
    let server = RedisServer::start();
    let ids = submit_yaml(
        &server,
        "metadata: {name: a}\nspec: {image: alpine, command: [\"true\"]}\n---\nmetadata: {name: b}\nspec: {image: alpine, command: [\"true\"]}\n",
    );
    for args in [
        vec!["sandbox", "list", "--limit", "0"],
        vec!["sandbox", "list", "--cursor", "garbage"],
        vec!["queue", "list", "--limit", "0"],
    ] {
        let out = tartarus_on(&server)
            .args(&args)
            .args(["-o", "json"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(i32::from(exit::USAGE)), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
    }
    // A real cursor still pages.
    let out = tartarus_on(&server)
        .args(["sandbox", "list", "--limit", "1", "-o", "json"])
        .output()
        .unwrap();
    let page = json(&out.stdout);
    assert_eq!(page["next"], ids[0].as_str(), "{page} {ids:?}");
    let out = tartarus_on(&server)
        .args(["sandbox", "list", "--cursor", &ids[0], "-o", "json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        items(&json(&out.stdout))[0]["status"]["id"],
        ids[1].as_str()
    );
}

/// `submit --wait` names the flag that set the wait's limit, `--wait-timeout` (its `--timeout`
/// is the sandbox's own).
#[test]
fn a_submit_wait_that_times_out_names_wait_timeout() {
    let server = RedisServer::start();
    let out = tartarus_on(&server)
        .args([
            "sandbox",
            "submit",
            "--image",
            "a",
            "--wait",
            "--wait-timeout",
            "1s",
        ])
        .args(["--", "true"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(i32::from(exit::WAIT_TIMED_OUT)),
        "{}",
        stderr(&out)
    );
    let err = stderr(&out);
    assert!(err.contains("--wait-timeout passed"), "{err}");
    assert!(!err.contains(" --timeout passed"), "{err}");
}
