//! Cells and the schema version: each cell keeps its whole keyspace under its own hash tag and sees
//! nothing of another; a new cell is initialised; every process refuses a schema newer than it
//! knows, the layout from before cells and an unfinished migration; names and queue keys are
//! checked before anything connects.

mod support;

use std::time::Duration;

use support::{items, ok_json, tartarus, tartarus_on, RedisServer};
use tartarus::exit;
use tartarus::store::keys::{hash_tag, key_slot, Cell, Keys};

fn all_keys(server: &RedisServer) -> Vec<String> {
    let mut c = server.conn();
    let mut out = Vec::new();
    let mut cursor = 0u64;
    loop {
        let (next, keys): (u64, Vec<String>) = redis::cmd("SCAN")
            .arg(cursor)
            .arg("COUNT")
            .arg(1000)
            .query(&mut c)
            .unwrap();
        out.extend(keys);
        cursor = next;
        if cursor == 0 {
            out.sort();
            return out;
        }
    }
}

#[test]
fn each_cell_is_one_slot_and_sees_only_its_own_data() {
    let server = RedisServer::start();
    let submit = |cell: &str, flag: bool| {
        let mut cmd = tartarus_on(&server);
        if flag {
            cmd.args(["--cell", cell]);
        } else {
            cmd.env("TARTARUS_CELL", cell);
        }
        ok_json(cmd.args([
            "sandbox", "submit", "--image", "alpine", "-o", "json", "--", "true",
        ]))
    };
    submit("blue", true);
    submit("green", false);
    submit("green", true);
    let policy = "metadata: {name: no-gpu}\nspec: {rules: [{name: r, when: {gpu: {gt: 0}}, verdict: deny}]}\n";
    let file = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(file.path(), policy).unwrap();
    ok_json(
        tartarus_on(&server)
            .args(["--cell", "blue", "policy", "apply", "-f"])
            .arg(file.path())
            .args(["-o", "json"]),
    );

    let list = |cell: &str| {
        items(&ok_json(
            tartarus_on(&server).args(["--cell", cell, "sandbox", "list", "-o", "json"]),
        ))
        .len()
    };
    assert_eq!((list("blue"), list("green"), list("red")), (1, 2, 0));
    let policies = |cell: &str| {
        items(&ok_json(
            tartarus_on(&server).args(["--cell", cell, "policy", "list", "-o", "json"]),
        ))
        .len()
    };
    assert_eq!((policies("blue"), policies("green")), (1, 0));
    let stats =
        ok_json(tartarus_on(&server).args(["--cell", "green", "queue", "stats", "-o", "json"]));
    assert_eq!(stats["queue_key"], "tartarus:{green}:queue");
    assert_eq!(stats["depth"], 2);

    // Every key carries its cell's hash tag; each cell's keys share one slot; each cell that was
    // written to has its schema version, and the one that was only read (red) has no key at all.
    let keys = all_keys(&server);
    for cell in ["blue", "green", "red"] {
        let mine: Vec<&String> = keys.iter().filter(|k| hash_tag(k) == Some(cell)).collect();
        assert!(mine.len() > 1 || cell == "red", "{cell}: {mine:?}");
        let slot = key_slot(format!("{{{cell}}}"));
        assert!(mine.iter().all(|k| key_slot(k) == slot));
        let schema: Option<String> = redis::cmd("GET")
            .arg(Keys::for_cell(&Cell::new(cell).unwrap()).schema())
            .query(&mut server.conn())
            .unwrap();
        if cell == "red" {
            assert!(
                mine.is_empty() && schema.is_none(),
                "red was only read: {mine:?}"
            );
        } else {
            assert_eq!(
                schema,
                Some(tartarus::store::schema::SCHEMA_VERSION.to_string()),
                "{cell}"
            );
        }
    }
    assert!(
        keys.iter().all(|k| hash_tag(k).is_some()),
        "a key outside every cell: {keys:?}"
    );

    // `config show` says which cell and where it came from.
    let shown = ok_json(
        tartarus_on(&server)
            .env("TARTARUS_CELL", "green")
            .args(["config", "show", "-o", "json"]),
    );
    let setting = |name: &str| {
        items(&shown)
            .into_iter()
            .find(|s| s["name"] == name)
            .unwrap_or_else(|| panic!("{name} in {shown}"))
    };
    assert_eq!(setting("TARTARUS_CELL")["value"], "green");
    assert_eq!(setting("TARTARUS_CELL")["source"], "env");
    assert_eq!(
        setting("REDIS_QUEUE_KEY")["value"],
        "tartarus:{green}:queue"
    );
}

/// What every command prints when it refuses the cell: the exit code and the message.
fn refused(cmd: &mut assert_cmd::Command) -> String {
    let out = cmd.timeout(Duration::from_secs(30)).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(i32::from(exit::SCHEMA)),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn every_process_refuses_a_newer_schema() {
    let server = RedisServer::start();
    let _: () = redis::cmd("SET")
        .arg("tartarus:{future}:schema")
        .arg(tartarus::store::schema::SCHEMA_VERSION + 1)
        .query(&mut server.conn())
        .unwrap();
    let state = tempfile::tempdir().unwrap();
    let commands: Vec<Vec<String>> = vec![
        vec!["sandbox".into(), "list".into()],
        vec!["queue".into(), "stats".into()],
        vec!["policy".into(), "list".into()],
        vec!["scheduler".into(), "run".into(), "--once".into()],
        vec![
            "agent".into(),
            "run".into(),
            "--name".into(),
            "n1".into(),
            "--state-dir".into(),
            state.path().display().to_string(),
        ],
        vec!["up".into(), "--until-idle".into()],
    ];
    for args in commands {
        let err = refused(
            tartarus_on(&server)
                .env("TARTARUS_CELL", "future")
                .args(&args),
        );
        assert!(
            err.contains(&format!(
                "schema version {}",
                tartarus::store::schema::SCHEMA_VERSION + 1
            )) && err.contains("upgrade tartarus"),
            "{args:?}: {err}"
        );
    }
    // Nothing was written into the cell.
    let keys = all_keys(&server);
    assert_eq!(keys, ["tartarus:{future}:schema"]);
    // A version that is not a number is refused too.
    let _: () = redis::cmd("SET")
        .arg("tartarus:{odd}:schema")
        .arg("two")
        .query(&mut server.conn())
        .unwrap();
    let err = refused(tartarus_on(&server).args(["--cell", "odd", "queue", "stats"]));
    assert!(err.contains("unreadable schema version"), "{err}");
}

#[test]
fn a_new_cell_next_to_the_old_layout_or_an_unfinished_migration_is_refused() {
    let server = RedisServer::start();
    let mut c = server.conn();
    let _: () = redis::cmd("ZADD")
        .arg("tartarus:runs")
        .arg(0)
        .arg("01OLD")
        .query(&mut c)
        .unwrap();
    let err = refused(tartarus_on(&server).args(["queue", "stats"]));
    assert!(
        err.contains("tartarus:runs") && err.contains("tartarus --cell default migrate"),
        "{err}"
    );
    // Any new cell: starting empty next to data that was never migrated is refused.
    let err = refused(tartarus_on(&server).args(["--cell", "other", "sandbox", "list"]));
    assert!(err.contains("tartarus --cell other migrate"), "{err}");
    // A cell that has its version is not bothered by old keys beside it.
    let _: () = redis::cmd("SET")
        .arg("tartarus:{done}:schema")
        .arg(tartarus::store::schema::SCHEMA_VERSION)
        .query(&mut c)
        .unwrap();
    ok_json(tartarus_on(&server).args(["--cell", "done", "queue", "stats", "-o", "json"]));
    // An interrupted migration.
    let _: () = redis::cmd("SET")
        .arg("tartarus:{half}:migration")
        .arg(r#"{"mode":"in_place","source":"127.0.0.1:6379/0","from_version":1,"started_at":1700000000000,"by":"h 1"}"#)
        .query(&mut c)
        .unwrap();
    let err = refused(tartarus_on(&server).args(["--cell", "half", "sandbox", "list"]));
    assert!(
        err.contains("has not finished") && err.contains("2023-11-14T22:13:20.000Z"),
        "{err}"
    );
}

#[test]
fn cell_names_and_queue_keys_are_checked_before_connecting() {
    // Nothing listens on port 1: a CONFIG exit proves nothing tried to connect.
    let run = |args: &[&str], env: &[(&str, &str)]| {
        let mut cmd = tartarus();
        cmd.env("REDIS_ADDR", "127.0.0.1:1");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let out = cmd.args(args).output().unwrap();
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let config = Some(i32::from(exit::CONFIG));
    let (code, err) = run(&["--cell", "a{b", "queue", "stats"], &[]);
    assert_eq!(code, config, "{err}");
    assert!(err.contains("TARTARUS_CELL") && err.contains('{'), "{err}");
    let (code, err) = run(&["queue", "stats"], &[("TARTARUS_CELL", "x:y")]);
    assert_eq!(code, config, "{err}");
    let (code, err) = run(
        &["--cell", "blue", "queue", "stats"],
        &[("REDIS_QUEUE_KEY", "tartarus:{red}:queue")],
    );
    assert_eq!(code, config, "{err}");
    assert!(err.contains("{red}") && err.contains("{blue}"), "{err}");
}

#[test]
fn an_untagged_queue_key_still_works_on_one_server() {
    let server = RedisServer::start();
    let out = ok_json(tartarus_on(&server).env("REDIS_QUEUE_KEY", "jobs").args([
        "sandbox", "submit", "--image", "alpine", "-o", "json", "--", "true",
    ]));
    assert_eq!(items(&out).len(), 1);
    let stats = ok_json(
        tartarus_on(&server)
            .env("REDIS_QUEUE_KEY", "jobs")
            .args(["queue", "stats", "-o", "json"]),
    );
    assert_eq!(
        (stats["queue_key"].as_str(), stats["depth"].as_u64()),
        (Some("jobs"), Some(1))
    );
    let depth: u64 = redis::cmd("ZCARD")
        .arg("jobs")
        .query(&mut server.conn())
        .unwrap();
    assert_eq!(depth, 1);
}

/// Commands that only read never initialise a cell: a mistyped `--cell` is reported and leaves
/// no key behind; the first command that writes initialises it.
#[test]
fn reading_a_cell_that_holds_nothing_creates_nothing() {
    let server = RedisServer::start();
    let on_typo = || {
        let mut cmd = tartarus_on(&server);
        cmd.args(["--cell", "typo-cell"]);
        cmd
    };
    let reads: [&[&str]; 6] = [
        &["sandbox", "list", "-o", "json"],
        &["sandbox", "get", "01ARZ3NDEKTSV4RRFFQ69G5FAV"],
        &["queue", "stats", "-o", "json"],
        &["node", "list", "-o", "json"],
        &["policy", "list", "-o", "json"],
        &["config", "show", "-o", "json"],
    ];
    for args in reads {
        let out = on_typo().args(args).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        if args[1] == "get" {
            assert_eq!(
                out.status.code(),
                Some(i32::from(exit::NOT_FOUND)),
                "{stderr}"
            );
        } else {
            assert!(out.status.success(), "{args:?}: {stderr}");
        }
        if args[0] != "config" {
            assert!(
                stderr.contains("typo-cell holds nothing"),
                "{args:?}: {stderr}"
            );
        }
        assert!(
            all_keys(&server).is_empty(),
            "{args:?} wrote {:?}",
            all_keys(&server)
        );
    }
    // A write initialises it.
    on_typo()
        .args(["sandbox", "submit", "--image", "x", "--", "true"])
        .assert()
        .success();
    assert!(all_keys(&server).contains(&Keys::for_cell(&Cell::new("typo-cell").unwrap()).schema()));
    let out = on_typo().args(["queue", "stats"]).output().unwrap();
    assert!(!String::from_utf8_lossy(&out.stderr).contains("holds nothing"));
}
