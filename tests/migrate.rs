//! `tartarus migrate`: a populated dataset in the layout from before cells moves into a cell with
//! every run, index, policy version and history entry intact (compared through the CLI and key by
//! key), resumes after a `kill -9` half-way, copies from an old server, and refuses what would
//! lose data.

mod support;

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use support::legacy::{legacy_store, populate, stable_stats, views};
use support::{
    assert_code, json, keyspace_content, keyspace_digest, target, tartarus_on, RedisServer,
};
use tartarus::exit;
use tartarus::store::keys::{Cell, Keys, LEGACY_QUEUE_KEY};
use tartarus::store::schema::SCHEMA_VERSION;

/// The digest of the old layout renamed as the cell names its keys.
fn translated<V: Clone>(before: &BTreeMap<String, V>, cell: &str) -> BTreeMap<String, V> {
    let legacy = Keys::legacy(LEGACY_QUEUE_KEY);
    let keys = Keys::for_cell(&Cell::new(cell).unwrap());
    before
        .iter()
        .map(|(k, v)| {
            let (to, _) = keys
                .translate(&legacy, k)
                .unwrap_or_else(|| panic!("{k} is not of the old layout"));
            (to, v.clone())
        })
        .collect()
}

/// The cell's keys (without its schema key) of a digest.
fn cell_part<V: Clone>(digest: &BTreeMap<String, V>, cell: &str) -> BTreeMap<String, V> {
    let schema = Keys::for_cell(&Cell::new(cell).unwrap()).schema();
    digest
        .iter()
        .filter(|(k, _)| {
            (k.starts_with(&format!("tartarus:{{{cell}}}:"))
                || k.starts_with(&format!("themis:{{{cell}}}:")))
                && **k != schema
        })
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect()
}

fn cli_json(server: &RedisServer, cell: &str, args: &[&str]) -> serde_json::Value {
    let out = tartarus_on(server)
        .env("TARTARUS_CELL", cell)
        .args(args)
        .args(["-o", "json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    json(&out.stdout)
}

/// What the CLI shows of a cell: runs, policy history, queue stats.
fn cli_views(
    server: &RedisServer,
    cell: &str,
) -> (serde_json::Value, serde_json::Value, serde_json::Value) {
    (
        cli_json(server, cell, &["sandbox", "list", "--all"]),
        cli_json(server, cell, &["policy", "history"]),
        stable_stats(cli_json(server, cell, &["queue", "stats"])),
    )
}

fn schema_of(server: &RedisServer, cell: &str) -> Option<String> {
    redis::cmd("GET")
        .arg(Keys::for_cell(&Cell::new(cell).unwrap()).schema())
        .query(&mut server.conn())
        .unwrap()
}

/// Waits until the old layout's node leases have lapsed (the node hashes outlive them: only
/// `last_heartbeat + ttl_ms` says whether an agent is alive) and the scheduler announcement expired.
fn wait_for_expiry(server: &RedisServer) {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let mut c = server.conn();
        let now = tartarus::model::now_ms();
        let mut live = 0;
        for node in ["tartarus:node:old-1", "tartarus:node:old-2"] {
            let (beat, ttl): (Option<i64>, Option<i64>) = redis::cmd("HMGET")
                .arg(node)
                .arg("last_heartbeat")
                .arg("ttl_ms")
                .query(&mut c)
                .unwrap();
            // `node list` counts a node alive for a second past its lease.
            if beat.unwrap_or(0) + ttl.unwrap_or(0) + 1000 > now {
                live += 1;
            }
        }
        let scheduler: i64 = redis::cmd("EXISTS")
            .arg("tartarus:scheduler:01OLDSCHEDULER")
            .query(&mut c)
            .unwrap();
        if live + scheduler == 0 {
            return;
        }
        assert!(Instant::now() < deadline, "heartbeats did not expire");
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn in_place_migration_keeps_every_run_index_policy_and_history() {
    let server = RedisServer::start();
    let old = legacy_store(&target(&server)).await;
    populate(&old, 200, Duration::from_millis(500)).await;
    wait_for_expiry(&server);
    let (runs, history, stats) = views(&old).await;
    assert_eq!(runs["items"].as_array().unwrap().len(), 230);
    // The old layout kept each run's history in a list of its own (this version keeps it in the
    // run's hash): one run's list, which must move with the run and still be read first.
    let listed = runs["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["status"]["state"] == "succeeded")
        .and_then(|r| r["status"]["id"].as_str())
        .unwrap()
        .to_string();
    let _: i64 = redis::cmd("RPUSH")
        .arg(Keys::legacy(LEGACY_QUEUE_KEY).run_events(&listed))
        .arg(r#"{"id":"1-0","at":1,"from":"queued","to":"queued","message":"kept in a list"}"#)
        .query(&mut server.conn())
        .unwrap();
    let listed_events = old.run_events(&listed).await.unwrap();
    assert_eq!(listed_events[0].message.as_deref(), Some("kept in a list"));
    assert!(listed_events.len() >= 3, "{listed_events:?}");
    assert_eq!(
        listed_events.last().unwrap().to.as_deref(),
        Some("succeeded")
    );
    assert_eq!(history["items"].as_array().unwrap().len(), 3);
    assert_eq!(stats["paused"], true);
    for state in [
        "queued",
        "pending",
        "scheduled",
        "running",
        "succeeded",
        "failed",
        "denied",
        "rejected",
        "cancelled",
        "dead",
    ] {
        assert!(
            stats["states"][state].as_u64().unwrap() > 0,
            "{state}: {stats}"
        );
    }
    assert_eq!(stats["in_flight"], 4, "leased runs: {stats}");
    let before = keyspace_content(&server);

    // The new binary refuses the old layout, and says what to do.
    let out = tartarus_on(&server)
        .args(["sandbox", "list"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(i32::from(exit::SCHEMA)));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("tartarus --cell default migrate"), "{err}");

    // --dry-run counts and changes nothing.
    let plan = cli_json(&server, "default", &["migrate", "--dry-run"]);
    assert_eq!(plan["result"], "would_migrate", "{plan}");
    assert_eq!(plan["kinds"]["runs"], 230, "{plan}");
    let kinds = plan["kinds"].as_object().unwrap();
    assert_eq!(
        kinds.values().map(|n| n.as_u64().unwrap()).sum::<u64>(),
        plan["keys"].as_u64().unwrap()
    );
    for kind in [
        "run_events",
        "run_indexes",
        "queue",
        "nodes",
        "schedulers",
        "events",
        "policies",
    ] {
        assert!(kinds[kind].as_u64().unwrap() > 0, "{kind}: {plan}");
    }
    assert_eq!(
        plan["keys"].as_u64().unwrap() as usize,
        before.len(),
        "{plan}"
    );
    assert_eq!(plan["schema_before"], serde_json::Value::Null);
    assert_eq!(keyspace_content(&server), before);

    // Without --yes and without a terminal: refused.
    let out = tartarus_on(&server).args(["migrate"]).output().unwrap();
    assert_eq!(out.status.code(), Some(i32::from(exit::REFUSED)));
    assert_eq!(keyspace_content(&server), before);

    let report = cli_json(&server, "default", &["migrate", "--yes"]);
    assert_eq!(report["result"], "migrated", "{report}");
    assert_eq!(report["moved"].as_u64().unwrap() as usize, before.len());
    assert_eq!(report["schema_after"], SCHEMA_VERSION);
    assert_eq!(
        schema_of(&server, "default"),
        Some(SCHEMA_VERSION.to_string())
    );

    // Key by key: every key moved, its content (DUMP) unchanged; nothing of the old layout left.
    let after = keyspace_content(&server);
    assert_eq!(cell_part(&after, "default"), translated(&before, "default"));
    assert_eq!(after.len(), before.len() + 1, "only the schema key is new");

    // Through the CLI: the same runs, history and counts.
    let (runs2, history2, stats2) = cli_views(&server, "default");
    assert_eq!(runs2, runs);
    assert_eq!(history2, history);
    assert_eq!(stats2, stats);
    let stats_now = cli_json(&server, "default", &["queue", "stats"]);
    assert_eq!(stats_now["queue_key"], "tartarus:{default}:queue");
    // The run's history reads the same: the moved list's entry, then what its hash holds.
    let got = cli_json(&server, "default", &["sandbox", "get", &listed]);
    let events = got["status"]["events"].as_array().unwrap();
    assert_eq!(events.len(), listed_events.len(), "{got}");
    assert_eq!(events[0]["message"], "kept in a list", "{got}");

    // A second migrate is a no-op.
    let settled = keyspace_content(&server);
    let again = cli_json(&server, "default", &["migrate", "--yes"]);
    assert_eq!(again["result"], "already_current", "{again}");
    assert_eq!(keyspace_content(&server), settled);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_migration_killed_half_way_finishes_when_run_again() {
    let server = RedisServer::start();
    let old = legacy_store(&target(&server)).await;
    populate(&old, 4000, Duration::from_millis(300)).await;
    wait_for_expiry(&server);
    let (runs, history, stats) = views(&old).await;
    let before = keyspace_content(&server);

    // One key per round trip, so there is a "half-way" to kill it at.
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_tartarus"))
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("REDIS_ADDR", server.host_port())
        .args(["migrate", "--yes", "--batch", "1", "-q"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let marker = Keys::default().migration();
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let mut c = server.conn();
        let marked: i64 = redis::cmd("EXISTS").arg(&marker).query(&mut c).unwrap();
        let stats: String = redis::cmd("INFO")
            .arg("commandstats")
            .query(&mut c)
            .unwrap();
        let renamed: u64 = stats
            .lines()
            .find_map(|l| l.strip_prefix("cmdstat_renamenx:calls="))
            .and_then(|rest| rest.split(',').next())
            .and_then(|n| n.parse().ok())
            .unwrap_or(0);
        if marked == 1 && renamed > 500 {
            child.kill().unwrap();
            child.wait().unwrap();
            break;
        }
        assert!(Instant::now() < deadline, "the migration never got going");
        assert!(child.try_wait().unwrap().is_none(), "it finished too soon");
        std::thread::sleep(Duration::from_millis(10));
    }
    // Half-way: some keys moved, some not, the cell marked.
    let half = keyspace_content(&server);
    let old_left = half
        .keys()
        .filter(|k| k.starts_with("tartarus:run:"))
        .count();
    assert!(old_left > 0, "nothing left to resume");
    assert!(half.contains_key(&marker));
    let out = tartarus_on(&server)
        .args(["queue", "stats"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(i32::from(exit::SCHEMA)));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("has not finished"), "{err}");

    let report = cli_json(&server, "default", &["migrate", "--yes"]);
    assert_eq!(report["result"], "migrated", "{report}");
    assert_eq!(report["resumed"], true, "{report}");
    let after = keyspace_content(&server);
    assert!(!after.contains_key(&marker));
    assert_eq!(cell_part(&after, "default"), translated(&before, "default"));
    let (runs2, history2, stats2) = cli_views(&server, "default");
    assert_eq!(runs2, runs);
    assert_eq!(history2, history);
    assert_eq!(stats2, stats);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn copy_mode_fills_a_cell_from_an_old_server_and_leaves_it_unchanged() {
    let old_server = RedisServer::start();
    let new_server = RedisServer::start();
    let old = legacy_store(&target(&old_server)).await;
    populate(&old, 50, Duration::from_millis(300)).await;
    wait_for_expiry(&old_server);
    let (runs, history, stats) = views(&old).await;
    let before = keyspace_digest(&old_server);
    let content = keyspace_content(&old_server);

    let from = ["migrate", "--from", &old_server.host_port()];
    let plan = cli_json(
        &new_server,
        "eu-1",
        &[from.as_slice(), &["--dry-run"]].concat(),
    );
    assert_eq!(plan["mode"], "copy");
    assert_eq!(plan["result"], "would_migrate");
    assert_eq!(plan["kinds"]["runs"], 80);
    let report = cli_json(&new_server, "eu-1", &[from.as_slice(), &["--yes"]].concat());
    assert_eq!(report["result"], "migrated", "{report}");
    assert_eq!(report["moved"].as_u64().unwrap() as usize, before.len());
    assert_eq!(
        keyspace_digest(&old_server),
        before,
        "the old server is untouched"
    );
    // Key by key, by content: a restored hash may be encoded differently, so DUMP differs.
    let after = keyspace_content(&new_server);
    assert_eq!(cell_part(&after, "eu-1"), translated(&content, "eu-1"));
    assert_eq!(
        schema_of(&new_server, "eu-1"),
        Some(SCHEMA_VERSION.to_string())
    );
    let (runs2, history2, stats2) = cli_views(&new_server, "eu-1");
    assert_eq!(runs2, runs);
    assert_eq!(history2, history);
    assert_eq!(stats2, stats);
    let again = cli_json(&new_server, "eu-1", &[from.as_slice(), &["--yes"]].concat());
    assert_eq!(again["result"], "already_current");
    assert_eq!(keyspace_content(&new_server), after);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn live_processes_of_the_old_version_stop_a_migration_and_force_keeps_their_ttls() {
    let server = RedisServer::start();
    let old = legacy_store(&target(&server)).await;
    populate(&old, 0, Duration::from_secs(3600)).await;
    let before = keyspace_content(&server);
    let out = tartarus_on(&server)
        .args(["migrate", "--yes"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(i32::from(exit::CONFLICT)));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("agent of node old-1"), "{err}");
    assert_eq!(keyspace_content(&server), before, "nothing moved");

    let report = cli_json(&server, "default", &["migrate", "--yes", "--force"]);
    assert_eq!(report["result"], "migrated");
    let pttl: i64 = redis::cmd("PTTL")
        .arg("tartarus:{default}:node:old-1")
        .query(&mut server.conn())
        .unwrap();
    assert!(
        pttl > 3_000_000,
        "the heartbeat's TTL moved with it: {pttl}"
    );
    let nodes = cli_json(&server, "default", &["node", "list"]);
    assert_eq!(support::items(&nodes).len(), 2, "{nodes}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_cell_that_already_holds_data_is_a_conflict_and_nothing_moves() {
    let server = RedisServer::start();
    // The new version ran first in cell `default` (with an empty database), then the old data
    // came back (a restore): its keys would land on names the cell already uses.
    let out = tartarus_on(&server)
        .args(["sandbox", "submit", "--image", "alpine", "-q", "--", "true"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let old = legacy_store(&target(&server)).await;
    populate(&old, 0, Duration::from_millis(300)).await;
    wait_for_expiry(&server);
    let before = keyspace_content(&server);
    let out = tartarus_on(&server)
        .args(["migrate", "--yes"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(i32::from(exit::CONFLICT)));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("already taken in cell `default`"), "{err}");
    assert_eq!(keyspace_content(&server), before);
    // Into another, empty cell it goes.
    let report = cli_json(&server, "old", &["migrate", "--yes"]);
    assert_eq!(report["result"], "migrated");
    assert_eq!(report["kinds"]["runs"], 30);
}

/// Copy mode, interrupted: the migration future is dropped half-way (as a crash would leave it),
/// and the second run finds the keys the first one restored already in place.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_interrupted_copy_resumes_with_what_it_already_restored() {
    use tartarus::store::migrate::{MigrateMode, MigrateOptions, MigrateResult};
    use tartarus::store::redis::{Migration, RedisStore};
    use tartarus::store::StoreSettings;

    let old_server = RedisServer::start();
    let new_server = RedisServer::start();
    let old = legacy_store(&target(&old_server)).await;
    populate(&old, 300, Duration::from_millis(300)).await;
    wait_for_expiry(&old_server);
    let content = keyspace_content(&old_server);
    let cell = Cell::new("resume").unwrap();
    let migration = || async {
        Migration::new(
            RedisStore::connect(
                &target(&old_server),
                Keys::legacy(LEGACY_QUEUE_KEY),
                StoreSettings::default(),
            )
            .await
            .unwrap(),
            RedisStore::connect(
                &target(&new_server),
                Keys::for_cell(&cell),
                StoreSettings::default(),
            )
            .await
            .unwrap(),
            MigrateMode::Copy,
        )
    };
    let options = MigrateOptions {
        batch: 5,
        ..Default::default()
    };
    let first = migration().await;
    let halfway = std::sync::Arc::new(tokio::sync::Notify::new());
    let signal = halfway.clone();
    let progress = move |p: tartarus::persistence::Progress| {
        if p.unit == "keys" && p.total.is_some() && p.done >= 100 {
            signal.notify_one();
        }
    };
    tokio::select! {
        r = first.run(&options, &progress) => panic!("finished before the interruption: {r:?}"),
        _ = halfway.notified() => {}
    }
    drop(first);
    assert!(keyspace_content(&new_server).contains_key(&Keys::for_cell(&cell).migration()));

    let report = migration()
        .await
        .run(&options, &tartarus::persistence::no_progress)
        .await
        .unwrap();
    assert_eq!(report.result, MigrateResult::Migrated);
    assert!(report.resumed);
    assert!(report.already_moved >= 100, "{report:?}");
    assert_eq!(report.moved + report.already_moved, content.len() as u64);
    let after = keyspace_content(&new_server);
    assert_eq!(cell_part(&after, "resume"), translated(&content, "resume"));
    assert!(!after.contains_key(&Keys::for_cell(&cell).migration()));
}

/// The layout before retention had no retention indexes: a migration puts every finished run
/// into one (else the cell's window would never delete them), and running it on an index that is
/// already there changes nothing.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn finished_runs_of_the_old_layout_join_retention() {
    let server = RedisServer::start();
    let old = legacy_store(&target(&server)).await;
    populate(&old, 0, Duration::from_millis(300)).await;
    wait_for_expiry(&server);
    let legacy = Keys::legacy(LEGACY_QUEUE_KEY);
    let mut c = server.conn();
    let count = |c: &mut redis::Connection, key: String| -> i64 {
        redis::cmd("ZCARD").arg(key).query(c).unwrap()
    };
    let finished = count(&mut c, legacy.finished()) + count(&mut c, legacy.finished_ttl());
    assert!(finished > 0, "the fixture has finished runs");
    let _: i64 = redis::cmd("DEL")
        .arg(legacy.finished())
        .arg(legacy.finished_ttl())
        .query(&mut c)
        .unwrap();
    let report = cli_json(&server, "default", &["migrate", "--yes"]);
    assert_eq!(report["result"], "migrated", "{report}");
    assert_eq!(report["retention_backfilled"], finished, "{report}");
    let stats = cli_json(&server, "default", &["queue", "stats"]);
    assert_eq!(stats["finished_retained"], finished, "{stats}");
    // Every terminal run is in exactly one index, scored at its finish time (not in the future).
    let cell = Keys::default();
    let scores: Vec<(String, f64)> = redis::cmd("ZRANGE")
        .arg(cell.finished())
        .arg(0)
        .arg(-1)
        .arg("WITHSCORES")
        .query(&mut c)
        .unwrap();
    let now = tartarus::model::now_ms() as f64;
    assert!(
        scores.iter().all(|(_, s)| *s > 0.0 && *s <= now),
        "{scores:?}"
    );
}

/// A cell of schema version 2 (the cell layout with one stream entry per event) is upgraded to
/// the current version by raising its version only: processes refuse it before, `migrate` refuses
/// while its agents live, a dry run changes nothing, and afterwards the old entries read as
/// they did next to the new batch entries.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_cell_of_schema_2_is_upgraded_in_place_and_its_events_still_read() {
    use std::sync::Arc;
    use tartarus::store::redis::RedisStore;
    use tartarus::store::{Heartbeat, Store, StoreSettings};

    let server = RedisServer::start();
    let cell = Cell::new("up").unwrap();
    let keys = Keys::for_cell(&cell);
    let store = Arc::new(
        RedisStore::connect(&target(&server), keys.clone(), StoreSettings::default())
            .await
            .unwrap(),
    );
    let runs = support::legacy::runs_of(3);
    store.submit(&runs).await.unwrap();
    store
        .heartbeat(&Heartbeat {
            name: "v2-node".into(),
            labels: BTreeMap::new(),
            capacity: tartarus::model::node::Resources {
                cpu_millis: 1000,
                memory_bytes: 1 << 30,
                gpu: 0,
                slots: 1,
            },
            version: "old".into(),
            ttl: Duration::from_millis(1500),
        })
        .await
        .unwrap();
    // What a version-2 binary wrote: one entry per event.
    let mut c = server.conn();
    let at = tartarus::model::now_ms().to_string();
    let _: String = redis::cmd("XADD")
        .arg(keys.events())
        .arg("*")
        .arg(&[
            "kind",
            "run",
            "run",
            &runs[0].id,
            "from",
            "queued",
            "to",
            "cancelled",
            "at",
            &at,
            "message",
            "by v2",
        ])
        .query(&mut c)
        .unwrap();
    // What a version-3 binary wrote: a run's history in a list of its own.
    let _: i64 = redis::cmd("RPUSH")
        .arg(keys.run_events(&runs[1].id))
        .arg(r#"{"id":"1-0","at":1,"from":"queued","to":"pending","message":"by v3"}"#)
        .query(&mut c)
        .unwrap();
    let _: () = redis::cmd("SET")
        .arg(keys.schema())
        .arg("2")
        .query(&mut c)
        .unwrap();

    let out = tartarus_on(&server)
        .env("TARTARUS_CELL", "up")
        .args(["queue", "stats"])
        .output()
        .unwrap();
    let err = assert_code(&out, exit::SCHEMA);
    assert!(err.contains("older") && err.contains("migrate"), "{err}");

    let out = tartarus_on(&server)
        .env("TARTARUS_CELL", "up")
        .args(["migrate", "--yes"])
        .output()
        .unwrap();
    let err = assert_code(&out, exit::CONFLICT);
    assert!(err.contains("agent of node v2-node"), "{err}");
    assert_eq!(schema_of(&server, "up").as_deref(), Some("2"));

    // The agent's lease lapses (`node list` counts it alive a second past it).
    tokio::time::sleep(Duration::from_millis(2800)).await;
    let before = keyspace_content(&server);
    let plan = cli_json(&server, "up", &["migrate", "--dry-run"]);
    assert_eq!(plan["result"], "upgraded", "{plan}");
    assert_eq!(plan["schema_before"], 2);
    assert_eq!(
        keyspace_content(&server),
        before,
        "a dry run writes nothing"
    );

    let report = cli_json(&server, "up", &["migrate", "--yes"]);
    assert_eq!(report["result"], "upgraded", "{report}");
    assert_eq!(report["schema_after"], SCHEMA_VERSION);
    assert_eq!(report["keys"], 0);
    assert_eq!(schema_of(&server, "up"), Some(SCHEMA_VERSION.to_string()));
    let again = cli_json(&server, "up", &["migrate", "--yes"]);
    assert_eq!(again["result"], "already_current", "{again}");

    let events = store
        .read_events(Some("0"), 100, Duration::ZERO)
        .await
        .unwrap();
    let seen: Vec<(Option<&str>, Option<&str>, Option<&str>)> = events
        .iter()
        .map(|e| (e.run.as_deref(), e.to.as_deref(), e.message.as_deref()))
        .collect();
    let mut want: Vec<(Option<&str>, Option<&str>, Option<&str>)> = runs
        .iter()
        .map(|r| (Some(r.id.as_str()), Some("queued"), None))
        .collect();
    want.push((Some(runs[0].id.as_str()), Some("cancelled"), Some("by v2")));
    assert_eq!(seen, want);
    let stats = cli_json(&server, "up", &["queue", "stats"]);
    assert_eq!(stats["states"]["queued"], 3, "{stats}");

    // The run with the old history list: its new events go into its hash, read after the list.
    store
        .cancel(&runs[1].id, "after the upgrade")
        .await
        .unwrap();
    let history = store.run_events(&runs[1].id).await.unwrap();
    let seen: Vec<(Option<&str>, Option<&str>)> = history
        .iter()
        .map(|e| (e.to.as_deref(), e.message.as_deref()))
        .collect();
    assert_eq!(
        seen,
        [
            (Some("pending"), Some("by v3")),
            (Some("cancelled"), Some("after the upgrade"))
        ]
    );
    let sid = &history[1].id;
    let stream = store
        .read_events(Some("0"), 100, Duration::ZERO)
        .await
        .unwrap();
    assert!(
        stream
            .iter()
            .any(|e| &e.id == sid && e.to.as_deref() == Some("cancelled")),
        "{sid} in {stream:?}"
    );
}
