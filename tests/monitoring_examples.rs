//! The operator examples stay true to the CLI and the docs: every Kubernetes manifest parses and uses only commands, flags and variables the CLI has (and passes the Kubernetes schemas when `kubernetes-validate` is installed); every metric the alert rules use is in the README's metrics table; every metric served is in that table.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use clap::CommandFactory;
use serde::Deserialize;
use serde_yaml::Value;

/// Commands and flags the manifests use before they exist. Each entry is removed by whoever
/// adds the command or flag (the test fails on an entry that is no longer needed).
const NOT_YET_IN_THE_CLI: &[(&str, Option<&str>)] = &[];

/// Variables a manifest defines for its own `$(VAR)` expansion, not for tartarus.
const MANIFEST_ONLY_VARS: &[&str] = &["NODE_NAME"];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn manifests() -> Vec<(PathBuf, Vec<Value>)> {
    let dir = root().join("examples/kubernetes");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml" || e == "yml"))
        .collect();
    files.sort();
    assert!(files.len() >= 4, "manifests in {}", dir.display());
    files
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).unwrap();
            let docs: Vec<Value> = serde_yaml::Deserializer::from_str(&text)
                .map(|d| {
                    Value::deserialize(d)
                        .unwrap_or_else(|e| panic!("{}: not YAML: {e}", path.display()))
                })
                .filter(|v| !v.is_null())
                .collect();
            (path, docs)
        })
        .collect()
}

/// The containers of a workload, wherever its kind keeps them.
fn containers(doc: &Value) -> Vec<&Value> {
    let pod = match doc["kind"].as_str() {
        Some("CronJob") => &doc["spec"]["jobTemplate"]["spec"]["template"]["spec"],
        Some("Deployment" | "StatefulSet" | "DaemonSet" | "Job") => {
            &doc["spec"]["template"]["spec"]
        }
        Some("Pod") => &doc["spec"],
        _ => return Vec::new(),
    };
    let mut out = Vec::new();
    for key in ["initContainers", "containers"] {
        if let Some(list) = pod[key].as_sequence() {
            out.extend(list.iter());
        }
    }
    out
}

fn strings(v: &Value) -> Vec<String> {
    v.as_sequence()
        .map(|s| {
            s.iter()
                .map(|x| x.as_str().expect("string argument").to_string())
                .collect()
        })
        .unwrap_or_default()
}

/// Every tartarus command line of a container: its args when the image's entrypoint is tartarus,
/// or each `tartarus …` line of a `sh -c` script (cut at `;`, `&&`, `||`, `|`).
fn command_lines(c: &Value) -> Vec<Vec<String>> {
    let command = strings(&c["command"]);
    let args = strings(&c["args"]);
    if command.is_empty() {
        return vec![args];
    }
    let is_shell = command
        .first()
        .is_some_and(|c| c.ends_with("/sh") || c == "sh" || c.ends_with("bash"));
    if !is_shell {
        let mut all = command;
        all.extend(args);
        return if all.first().is_some_and(|c| c.ends_with("tartarus")) {
            vec![all[1..].to_vec()]
        } else {
            Vec::new()
        };
    }
    let script = args.join("\n");
    let mut lines = Vec::new();
    for piece in script
        .split(['\n', ';', '|'])
        .flat_map(|p| p.split("&&"))
        .map(str::trim)
    {
        let words: Vec<String> = piece.split_whitespace().map(String::from).collect();
        if let Some(i) = words.iter().position(|w| w == "tartarus") {
            lines.push(words[i + 1..].to_vec());
        }
    }
    lines
}

/// Walks one command line through clap's tree; returns what is unknown.
fn unknown_in(words: &[String]) -> Vec<String> {
    let mut cmd = tartarus::cli::Cli::command();
    cmd.build();
    let mut path: Vec<String> = Vec::new();
    let mut current = &cmd;
    let mut problems = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let w = &words[i];
        i += 1;
        if let Some(flag) = w.strip_prefix("--") {
            let (name, inline) = match flag.split_once('=') {
                Some((n, _)) => (n, true),
                None => (flag, false),
            };
            let allowed = NOT_YET_IN_THE_CLI.iter().any(|(p, f)| {
                *p == path.join(" ") && (f.is_none() || *f == Some(&format!("--{name}")))
            });
            match current.get_arguments().find(|a| a.get_long() == Some(name)) {
                Some(arg) => {
                    if arg.get_action().takes_values() && !inline {
                        i += 1;
                    }
                }
                None if allowed => {
                    // Not there yet: assume it takes a value when one follows.
                    if !inline && words.get(i).is_some_and(|n| !n.starts_with('-')) {
                        i += 1;
                    }
                }
                None => problems.push(format!("`{}` has no --{name}", path.join(" "))),
            }
            continue;
        }
        if w.starts_with('-') {
            // Short flags: only those clap knows.
            let short = w.chars().nth(1);
            if !current.get_arguments().any(|a| a.get_short() == short) {
                problems.push(format!("`{}` has no {w}", path.join(" ")));
            }
            continue;
        }
        if let Some(sub) = current.find_subcommand(w) {
            path.push(w.clone());
            current = sub;
            continue;
        }
        let mut candidate = path.clone();
        candidate.push(w.clone());
        if NOT_YET_IN_THE_CLI
            .iter()
            .any(|(p, f)| f.is_none() && *p == candidate.join(" "))
        {
            // A command that does not exist yet: its words cannot be checked.
            return problems;
        }
        if current.has_subcommands() {
            problems.push(format!("`{}` has no subcommand `{w}`", path.join(" ")));
            return problems;
        }
        // A positional value of a leaf command.
    }
    problems
}

/// Environment variables the CLI reads: clap's `env`, and those its help names (`[env: X]`,
/// `[env: X or Y]`, `$X`).
fn cli_env_vars() -> BTreeSet<String> {
    fn walk(cmd: &clap::Command, out: &mut BTreeSet<String>) {
        let mut texts = Vec::new();
        for a in cmd.get_arguments() {
            if let Some(e) = a.get_env() {
                out.insert(e.to_string_lossy().to_string());
            }
            texts.extend(a.get_help().map(|h| h.to_string()));
            texts.extend(a.get_long_help().map(|h| h.to_string()));
        }
        texts.extend(cmd.get_about().map(|h| h.to_string()));
        texts.extend(cmd.get_long_about().map(|h| h.to_string()));
        for t in texts {
            let mut rest = t.as_str();
            while let Some(at) = rest.find("env: ") {
                let tail = &rest[at + 5..];
                let end = tail.find(']').unwrap_or(tail.len());
                for word in tail[..end].split([' ', '=', ',']) {
                    if is_var(word) {
                        out.insert(word.to_string());
                    }
                }
                rest = &tail[end..];
            }
            for piece in t.split('$').skip(1) {
                let name: String = piece
                    .chars()
                    .take_while(|c| c.is_ascii_uppercase() || *c == '_' || c.is_ascii_digit())
                    .collect();
                if is_var(&name) {
                    out.insert(name);
                }
            }
        }
        for sub in cmd.get_subcommands() {
            walk(sub, out);
        }
    }
    fn is_var(w: &str) -> bool {
        w.len() > 2
            && w.chars()
                .all(|c| c.is_ascii_uppercase() || c == '_' || c.is_ascii_digit())
    }
    let mut cmd = tartarus::cli::Cli::command();
    cmd.build();
    let mut out = BTreeSet::new();
    walk(&cmd, &mut out);
    out
}

#[test]
fn the_cli_walk_catches_what_does_not_exist() {
    let w = |s: &str| s.split_whitespace().map(String::from).collect::<Vec<_>>();
    assert!(unknown_in(&w(
        "--log-format=json scheduler run --metrics-addr=0.0.0.0:9090"
    ))
    .is_empty());
    assert!(unknown_in(&w(
        "--redis-password-file /x backup prune --keep-days 1 --keep-last 2"
    ))
    .is_empty());
    assert!(!unknown_in(&w("scheduler run --no-such-flag")).is_empty());
    assert!(!unknown_in(&w("schedulr run")).is_empty());
    assert!(!unknown_in(&w("scheduler run -Z")).is_empty());
    let vars = cli_env_vars();
    for v in [
        "REDIS_ADDR",
        "REDIS_PASSWORD",
        "TARTARUS_ENV",
        "HADES_LABEL",
        "TARTARUS_METRICS_ADDR",
        "TARTARUS_LOG_FORMAT",
        "TARTARUS_BACKUP_DIR",
    ] {
        assert!(vars.contains(v), "{v} not found in {vars:?}");
    }
    assert!(!vars.contains("NODE_NAME"));
}

#[test]
fn manifests_use_only_what_the_cli_has() {
    let vars = cli_env_vars();
    let mut checked_lines = 0;
    let mut used_allowances = BTreeSet::new();
    let mut kinds = BTreeSet::new();
    for (path, docs) in manifests() {
        let file = path.file_name().unwrap().to_string_lossy().to_string();
        for doc in &docs {
            let kind = doc["kind"]
                .as_str()
                .unwrap_or_else(|| panic!("{file}: a document without kind"));
            kinds.insert(kind.to_string());
            assert!(
                doc["apiVersion"].as_str().is_some(),
                "{file}: {kind} without apiVersion"
            );
            assert!(
                doc["metadata"]["name"].as_str().is_some(),
                "{file}: {kind} without a name"
            );
            for c in containers(doc) {
                let image = c["image"].as_str().unwrap_or_default();
                if !image.contains("tartarus") {
                    continue;
                }
                for line in command_lines(c) {
                    let problems = unknown_in(&line);
                    assert!(
                        problems.is_empty(),
                        "{file}: `tartarus {}`: {problems:?}",
                        line.join(" ")
                    );
                    for (p, f) in NOT_YET_IN_THE_CLI {
                        let joined = line.join(" ");
                        if joined.contains(p) && f.is_none_or(|f| joined.contains(f)) {
                            used_allowances.insert((*p, *f));
                        }
                    }
                    checked_lines += 1;
                }
                for e in c["env"].as_sequence().into_iter().flatten() {
                    let name = e["name"].as_str().unwrap();
                    assert!(
                        vars.contains(name) || MANIFEST_ONLY_VARS.contains(&name),
                        "{file}: env {name} is not a variable tartarus reads"
                    );
                    assert!(
                        !name.contains("PASSWORD") && !name.contains("REDIS_PASS"),
                        "{file}: the Redis password must come from a mounted file, not env {name}"
                    );
                }
            }
        }
    }
    assert!(
        checked_lines >= 5,
        "only {checked_lines} tartarus command lines found"
    );
    for k in [
        "StatefulSet",
        "Deployment",
        "DaemonSet",
        "CronJob",
        "PersistentVolumeClaim",
    ] {
        assert!(kinds.contains(k), "no {k} in the examples");
    }
    for a in NOT_YET_IN_THE_CLI {
        assert!(
            used_allowances.contains(&(a.0, a.1)),
            "{a:?} is allowed but no manifest needs it any more: remove it from NOT_YET_IN_THE_CLI"
        );
        let line: Vec<String> = a.0.split(' ').map(String::from).collect();
        let mut with_flag = line.clone();
        if let Some(f) = a.1 {
            with_flag.push(f.to_string());
        }
        // Once the CLI has it, the allowance must go: without it the walk would pass.
        let mut cmd = tartarus::cli::Cli::command();
        cmd.build();
        let mut cur = &cmd;
        let mut exists = true;
        for w in &line {
            match cur.find_subcommand(w) {
                Some(s) => cur = s,
                None => exists = false,
            }
        }
        if exists {
            if let Some(f) = a.1 {
                exists = cur
                    .get_arguments()
                    .any(|x| x.get_long() == f.strip_prefix("--"));
            }
        }
        assert!(
            !exists,
            "{a:?} exists in the CLI now: remove it from NOT_YET_IN_THE_CLI"
        );
    }
}

#[test]
fn workloads_have_probes_scrape_annotations_and_file_secrets() {
    for (path, docs) in manifests() {
        let file = path.file_name().unwrap().to_string_lossy().to_string();
        for doc in &docs {
            let kind = doc["kind"].as_str().unwrap_or_default();
            if !["Deployment", "DaemonSet"].contains(&kind) {
                continue;
            }
            let pod = &doc["spec"]["template"];
            let annotations = &pod["metadata"]["annotations"];
            assert_eq!(
                annotations["prometheus.io/scrape"].as_str(),
                Some("true"),
                "{file}: {kind}"
            );
            assert!(
                annotations["prometheus.io/port"].as_str().is_some(),
                "{file}"
            );
            for c in containers(doc) {
                if !c["image"].as_str().unwrap_or_default().contains("tartarus") {
                    continue;
                }
                assert_eq!(
                    c["livenessProbe"]["httpGet"]["path"].as_str(),
                    Some("/healthz"),
                    "{file}"
                );
                assert_eq!(
                    c["readinessProbe"]["httpGet"]["path"].as_str(),
                    Some("/readyz"),
                    "{file}"
                );
                let line = command_lines(c).concat().join(" ");
                assert!(line.contains("--metrics-addr"), "{file}: {line}");
                assert!(line.contains("--redis-password-file"), "{file}: {line}");
            }
        }
    }
}

/// `kubernetes-validate` from `$KUBERNETES_VALIDATE`, or on PATH.
fn validator() -> Option<PathBuf> {
    if let Ok(p) = std::env::var("KUBERNETES_VALIDATE") {
        return Some(PathBuf::from(p)).filter(|p| p.exists());
    }
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|d| d.join("kubernetes-validate"))
            .find(|p| p.exists())
    })
}

fn validate(tool: &Path, file: &Path) -> std::process::Output {
    std::process::Command::new(tool)
        .args(["--strict", "--quiet"])
        .arg(file)
        .output()
        .expect("run kubernetes-validate")
}

#[test]
fn manifests_pass_the_kubernetes_schemas() {
    let Some(tool) = validator() else {
        eprintln!(
            "SKIPPED: kubernetes-validate is not installed (pip install kubernetes-validate, or set \
             KUBERNETES_VALIDATE); scripts/test.sh installs it when it can"
        );
        return;
    };
    // The validator must be able to say no: a Deployment with a field that does not exist.
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.yaml");
    std::fs::write(
        &broken,
        "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: x}\nspec:\n  replicas: 1\n  selector: {matchLabels: {a: b}}\n  template:\n    metadata: {labels: {a: b}}\n    spec:\n      containers: [{name: c, image: i, nosuchfield: 1}]\n",
    )
    .unwrap();
    assert!(
        !validate(&tool, &broken).status.success(),
        "the validator accepts anything"
    );
    for (path, _) in manifests() {
        let out = validate(&tool, &path);
        assert!(
            out.status.success(),
            "{}: {}{}",
            path.display(),
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

/// The metric names in the README's Monitoring tables.
fn readme_metrics() -> BTreeSet<String> {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let start = readme.find("## Monitoring").expect("a Monitoring section");
    let section = &readme[start..];
    let end = section[3..]
        .find("\n## ")
        .map(|e| e + 3)
        .unwrap_or(section.len());
    let mut names = BTreeSet::new();
    for line in section[..end]
        .lines()
        .filter(|l| l.starts_with("| `tartarus_"))
    {
        let first_cell = line.split('|').nth(1).unwrap_or_default();
        for piece in first_cell.split('`').filter(|p| p.starts_with("tartarus_")) {
            names.insert(piece.to_string());
        }
    }
    names
}

/// redis_exporter's metrics the rules may use (its names, not ours).
const REDIS_EXPORTER: &[&str] = &[
    "redis_memory_used_bytes",
    "redis_memory_max_bytes",
    "redis_rdb_last_bgsave_status",
    "redis_aof_last_write_status",
    "redis_up",
];

#[test]
fn every_served_metric_is_documented() {
    let documented = readme_metrics();
    for name in tartarus::metrics::NAMES {
        assert!(
            documented.contains(*name),
            "{name} is served but not in the README's table"
        );
    }
}

#[test]
fn every_textfile_metric_is_documented() {
    let documented = readme_metrics();
    for name in tartarus::metrics::textfile::NAMES {
        assert!(
            documented.contains(*name),
            "{name} is written to the textfile but not in the README's table"
        );
    }
}

#[test]
fn alert_rules_use_only_documented_metrics() {
    let text = std::fs::read_to_string(root().join("examples/prometheus/alerts.yml")).unwrap();
    let doc: Value = serde_yaml::from_str(&text).unwrap();
    let documented = readme_metrics();
    let mut alerts = BTreeSet::new();
    for group in doc["groups"].as_sequence().expect("groups") {
        for rule in group["rules"].as_sequence().expect("rules") {
            let name = rule["alert"].as_str().expect("alert name");
            let expr = rule["expr"].as_str().expect("expr");
            assert!(
                rule["labels"]["severity"].as_str().is_some(),
                "{name}: severity"
            );
            assert!(
                rule["annotations"]["summary"].as_str().is_some(),
                "{name}: summary"
            );
            let mut used = 0;
            for token in expr.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == ':'))
            {
                if token.starts_with("tartarus_") {
                    assert!(
                        documented.contains(token),
                        "{name}: {token} is not in the README's metrics tables"
                    );
                    used += 1;
                } else if token.starts_with("redis_") {
                    assert!(
                        REDIS_EXPORTER.contains(&token),
                        "{name}: {token} is not a known redis_exporter metric"
                    );
                    used += 1;
                }
            }
            assert!(used > 0, "{name} uses no metric");
            alerts.insert(name.to_string());
        }
    }
    for needed in [
        "TartarusBackupTooOld",
        "TartarusPersistenceFailing",
        "TartarusQueueStalled",
        "TartarusNoScheduler",
        "TartarusNodesLost",
        "TartarusRedisMemoryNearLimit",
    ] {
        assert!(alerts.contains(needed), "{needed} missing");
    }
}
