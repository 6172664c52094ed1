//! `policy apply` is idempotent and records who changed what; `--dry-run` on apply, delete, rollback and `queue purge` shows the change and writes nothing (the keyspace is compared byte for byte).

mod support;

use std::path::{Path, PathBuf};

use support::{changed_keys, json, keyspace_digest, tartarus_on, RedisServer};
use tartarus::exit;

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/policies.yaml")
}

/// `tartarus … -o json` that must succeed; its JSON.
fn ok_json(server: &RedisServer, args: &[&str]) -> serde_json::Value {
    let out = tartarus_on(server)
        .args(args)
        .args(["-o", "json"])
        .env("TARTARUS_WHO", "tester")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    json(&out.stdout)
}

fn names(v: &serde_json::Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|n| n.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// The example policies with `secrets-in-env` gone, `no-privileged` changed and a new one.
fn edited_file(dir: &Path) -> PathBuf {
    let text = std::fs::read_to_string(examples()).unwrap();
    let docs: Vec<&str> = text
        .split("\n---")
        .filter(|d| !d.contains("name: secrets-in-env"))
        .collect();
    let mut edited = docs.join("\n---").replace(
        "privileged sandboxes are not allowed",
        "privileged sandboxes are never allowed",
    );
    assert!(
        edited != docs.join("\n---") && docs.len() == 3,
        "the example file changed shape"
    );
    edited.push_str(
        "\n---\nmetadata: {name: no-gpu}\nspec:\n  rules: [{name: r, when: {gpu: {gt: 0}}, verdict: deny}]\n",
    );
    let path = dir.join("edited.yaml");
    std::fs::write(&path, edited).unwrap();
    path
}

#[test]
fn reapplying_an_unchanged_file_bumps_nothing() {
    let server = RedisServer::start();
    let file = examples();
    let file = file.to_str().unwrap();
    let first = ok_json(&server, &["policy", "apply", "-f", file]);
    assert_eq!(first["result"], "changed", "{first}");
    assert_eq!(first["version"], 1);
    assert_eq!(names(&first["added"]).len(), 4);
    let before = keyspace_digest(&server);
    let again = ok_json(&server, &["policy", "apply", "-f", file]);
    assert_eq!(again["result"], "unchanged", "{again}");
    assert_eq!(again["version"], 1);
    assert_eq!(names(&again["unchanged"]).len(), 4);
    assert!(names(&again["added"]).is_empty() && names(&again["changed"]).is_empty());
    assert_eq!(again["diff"], "");
    // Nothing written at all: no version, no history entry, no event.
    let after = keyspace_digest(&server);
    assert_eq!(changed_keys(&before, &after), Vec::<String>::new());
    let table = tartarus_on(&server)
        .args(["policy", "apply", "-f", file])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&table.stdout);
    assert!(text.starts_with("unchanged: "), "{text}");
    assert!(text.contains("Themis stays at version 1"), "{text}");

    let history = ok_json(&server, &["policy", "history"]);
    let items = history["items"].as_array().unwrap();
    assert_eq!(items.len(), 1, "{history}");
    assert_eq!(history["next"], serde_json::Value::Null);
    assert_eq!(items[0]["who"], "tester");
    let at = items[0]["at"].as_str().unwrap();
    assert!(tartarus::output::parse_timestamp(at).is_ok() && at.ends_with('Z'));
    let list = ok_json(&server, &["policy", "list"]);
    assert_eq!(list["items"].as_array().unwrap().len(), 4);
    assert_eq!(list["version"], 1);
}

#[test]
fn history_records_who_changed_it() {
    let server = RedisServer::start();
    let file = examples();
    let dir = tempfile::tempdir().unwrap();
    let edited = edited_file(dir.path());
    // No --who, no TARTARUS_WHO, no USER or LOGNAME: the name of the effective uid.
    tartarus_on(&server)
        .args(["policy", "apply", "-f"])
        .arg(&file)
        .env_remove("TARTARUS_WHO")
        .env_remove("USER")
        .env_remove("LOGNAME")
        .assert()
        .success();
    tartarus_on(&server)
        .args(["policy", "apply", "--who", "alice", "-f"])
        .arg(&edited)
        .env("TARTARUS_WHO", "not-alice")
        .assert()
        .success();
    tartarus_on(&server)
        .args(["policy", "delete", "no-gpu", "--yes"])
        .env_remove("TARTARUS_WHO")
        .env("USER", "bob")
        .assert()
        .success();
    let history = ok_json(&server, &["policy", "history"]);
    let who: Vec<String> = history["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["who"].as_str().unwrap_or_default().to_string())
        .collect();
    assert_eq!(&who[..2], ["bob", "alice"], "{history}");
    assert!(
        !who[2].is_empty() && who[2] != "unknown",
        "the OS user is recorded: {who:?}"
    );
}

#[test]
fn dry_runs_show_the_diff_and_write_nothing() {
    let server = RedisServer::start();
    let dir = tempfile::tempdir().unwrap();
    let edited = edited_file(dir.path());
    let edited = edited.to_str().unwrap();
    let file = examples();
    ok_json(&server, &["policy", "apply", "-f", file.to_str().unwrap()]);
    let before = keyspace_digest(&server);

    let plan = ok_json(&server, &["policy", "apply", "--dry-run", "-f", edited]);
    assert_eq!(
        (plan["result"].as_str(), plan["dry_run"].as_bool()),
        (Some("would_change"), Some(true)),
        "{plan}"
    );
    assert_eq!(names(&plan["added"]), ["no-gpu"]);
    assert_eq!(names(&plan["changed"]), ["no-privileged"]);
    // apply adds and replaces; it never removes what the file does not name.
    assert!(names(&plan["removed"]).is_empty());
    let diff = plan["diff"].as_str().unwrap();
    assert!(
        diff.contains("--- no-privileged (stored)\n+++ no-privileged (after)\n"),
        "{diff}"
    );
    assert!(
        diff.contains("-    message: privileged sandboxes are not allowed\n")
            && diff.contains("+    message: privileged sandboxes are never allowed\n"),
        "{diff}"
    );
    assert!(diff.contains("+++ no-gpu (after)\n@@ -0,0 +1,"), "{diff}");
    let table = tartarus_on(&server)
        .args(["policy", "apply", "--dry-run", "-f", edited])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&table.stdout);
    assert!(
        text.starts_with("dry run: apply would add no-gpu; change no-privileged"),
        "{text}"
    );

    let plan = ok_json(
        &server,
        &[
            "policy",
            "delete",
            "--dry-run",
            "secrets-in-env",
            "no-privileged",
        ],
    );
    assert_eq!(plan["result"], "would_change");
    assert_eq!(names(&plan["removed"]), ["no-privileged", "secrets-in-env"]);
    assert!(plan["diff"]
        .as_str()
        .unwrap()
        .contains("+++ secrets-in-env (after)\n@@ -1,"));

    // Neither dry run needed --yes, and neither wrote anything.
    assert_eq!(
        changed_keys(&before, &keyspace_digest(&server)),
        Vec::<String>::new()
    );

    // A rollback target to diff against: v2 changes the set, then plan a return to v1.
    ok_json(&server, &["policy", "apply", "-f", edited]);
    let before_rollback = keyspace_digest(&server);
    let plan = ok_json(
        &server,
        &["policy", "rollback", "--to-version", "1", "--dry-run"],
    );
    assert_eq!(plan["result"], "would_change", "{plan}");
    assert_eq!(names(&plan["removed"]), ["no-gpu"]);
    assert_eq!(names(&plan["changed"]), ["no-privileged"]);
    assert_eq!(plan["version"], 2);
    assert_eq!(
        changed_keys(&before_rollback, &keyspace_digest(&server)),
        Vec::<String>::new(),
        "rollback --dry-run wrote"
    );

    // The real rollback asks; with --yes it changes; a second one is unchanged and asks nothing.
    tartarus_on(&server)
        .args(["policy", "rollback", "--to-version", "1"])
        .assert()
        .code(i32::from(exit::REFUSED));
    let done = ok_json(
        &server,
        &["policy", "rollback", "--to-version", "1", "--yes"],
    );
    assert_eq!(
        (done["result"].as_str(), done["version"].as_u64()),
        (Some("changed"), Some(3))
    );
    let same = ok_json(&server, &["policy", "rollback", "--to-version", "1"]);
    assert_eq!(
        (same["result"].as_str(), same["version"].as_u64()),
        (Some("unchanged"), Some(3))
    );
}

#[test]
fn dry_runs_write_nothing_from_a_clean_apply() {
    let server = RedisServer::start();
    let file = examples();
    ok_json(&server, &["policy", "apply", "-f", file.to_str().unwrap()]);
    let before = keyspace_digest(&server);
    let dir = tempfile::tempdir().unwrap();
    let edited = edited_file(dir.path());
    for args in [
        vec![
            "policy",
            "apply",
            "--dry-run",
            "-f",
            edited.to_str().unwrap(),
        ],
        vec!["policy", "delete", "--dry-run", "no-privileged"],
    ] {
        ok_json(&server, &args);
        assert_eq!(
            changed_keys(&before, &keyspace_digest(&server)),
            Vec::<String>::new(),
            "{args:?} wrote"
        );
    }
    // Errors are the real command's: an unknown policy is NOT_FOUND, a bad file INVALID_INPUT.
    tartarus_on(&server)
        .args(["policy", "delete", "--dry-run", "nope"])
        .assert()
        .code(i32::from(exit::NOT_FOUND));
    tartarus_on(&server)
        .args(["policy", "delete", "nope", "--yes"])
        .assert()
        .code(i32::from(exit::NOT_FOUND));
    let bad = dir.path().join("bad.yaml");
    std::fs::write(&bad, "metadata: {name: x}\nspec: {rules: []}\n").unwrap();
    tartarus_on(&server)
        .args(["policy", "apply", "--dry-run", "-f"])
        .arg(&bad)
        .assert()
        .code(i32::from(exit::INVALID_INPUT));
    tartarus_on(&server)
        .args(["policy", "rollback", "--dry-run", "--to-version", "9"])
        .assert()
        .code(i32::from(exit::NOT_FOUND));
    assert_eq!(
        changed_keys(&before, &keyspace_digest(&server)),
        Vec::<String>::new()
    );
}

#[test]
fn queue_purge_dry_run_counts_and_changes_nothing() {
    let server = RedisServer::start();
    let text: String = (0..5)
        .map(|i| {
            format!(
                "---\nmetadata: {{name: job-{i}}}\nspec:\n  image: alpine\n  command: [\"true\"]\n"
            )
        })
        .collect();
    tartarus_on(&server)
        .args(["sandbox", "submit", "-q", "-f", "-"])
        .write_stdin(text)
        .assert()
        .success();
    let before = keyspace_digest(&server);
    let plan = ok_json(&server, &["queue", "purge", "queued", "--dry-run"]);
    assert_eq!(
        plan,
        serde_json::json!({"list": "queued", "effect": "cancel", "dry_run": true, "count": 5})
    );
    let out = tartarus_on(&server)
        .args(["queue", "purge", "dead", "--dry-run"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        "dry run: purge would delete 0 dead letter(s) and their run data; nothing was changed"
    );
    assert_eq!(
        changed_keys(&before, &keyspace_digest(&server)),
        Vec::<String>::new()
    );
    let done = ok_json(&server, &["queue", "purge", "queued", "--yes"]);
    assert_eq!(
        (done["dry_run"].as_bool(), done["count"].as_u64()),
        (Some(false), Some(5))
    );
    assert_eq!(support::queue_stats(&server)["depth"], 0);
}

/// `policy test -o json|yaml` prints the one list shape, `{"items": [...], "next": null}`.
#[test]
fn policy_test_prints_the_list_shape() {
    let dir = tempfile::tempdir().unwrap();
    let sandbox = dir.path().join("s.yaml");
    std::fs::write(
        &sandbox,
        "metadata: {name: one}\nspec: {image: alpine, command: [\"true\"]}\n---\nmetadata: {name: two}\nspec: {image: alpine, command: [\"true\"], privileged: true}\n",
    )
    .unwrap();
    let policies = examples();
    let args = [
        "policy",
        "test",
        "-f",
        sandbox.to_str().unwrap(),
        "--policies",
        policies.to_str().unwrap(),
    ];
    let server = RedisServer::start();
    let out = tartarus_on(&server)
        .args(args)
        .args(["-o", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(i32::from(exit::VERDICT_DENY)));
    let v = json(&out.stdout);
    assert!(v.is_object(), "{v}");
    assert_eq!(v["next"], serde_json::Value::Null, "{v}");
    let items = v["items"].as_array().unwrap();
    assert_eq!(items.len(), 2, "{v}");
    assert_eq!(items[0]["sandbox"], "one");
    assert_eq!(items[1]["verdict"], "deny", "{v}");
    let out = tartarus_on(&server)
        .args(args)
        .args(["-o", "yaml"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_yaml::from_slice(&out.stdout).unwrap();
    assert_eq!(v["items"].as_array().map(Vec::len), Some(2), "{v}");
    assert!(v.get("next").is_some_and(|n| n.is_null()), "{v}");
}
