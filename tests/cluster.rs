//! Redis Cluster: the harness (3 masters, 3 replicas on ports below 55536), cells placed on
//! distinct masters, and tartarus's key slots against the server's; the topology in `config show`
//! and `redis health`, `migrate` in place refused with what to do instead, two cells on two
//! masters running at once (scheduler and agent processes each), and `migrate --from` into a
//! cluster cell. The failover under load is in `tests/cluster_failover.rs`; the store contract on
//! Cluster in `tests/contract.rs`.

mod support;

use std::collections::BTreeMap;
use std::os::unix::fs::PermissionsExt;
use std::time::{Duration, Instant};

use support::cluster::{ClusterProc, RedisCluster};
use support::legacy::{legacy_store, populate, stable_stats, views};
use support::RedisServer;
use support::{assert_code, ok_json};
use tartarus::store::keys::{key_slot, Cell, Keys, LEGACY_QUEUE_KEY};

#[test]
fn cells_land_on_distinct_masters_and_slots_match_the_server() {
    let cluster = RedisCluster::start(3, 1);
    assert_eq!(cluster.masters().len(), 3);
    // The cluster bus is port + 10000: every port leaves room for it.
    assert!(
        cluster.nodes.iter().all(|n| n.port < 55_536),
        "{}",
        cluster.addrs()
    );
    let cells = cluster.cells_on_distinct_masters(3);
    let masters: std::collections::BTreeSet<u16> = cells.iter().map(|(_, m)| *m).collect();
    assert_eq!(masters.len(), 3, "{cells:?}");
    for (name, _) in &cells {
        let keys = Keys::for_cell(&Cell::new(name).unwrap());
        for key in [keys.runs(), keys.queue(), keys.policies(), keys.run("01X")] {
            assert_eq!(key_slot(&key), cluster.keyslot(&key), "{key}");
            assert_eq!(cluster.keyslot(&key), cluster.keyslot(&keys.schema()));
        }
    }
}

/// A cell's whole run lifecycle on the master that holds its slot, with cluster mode enforcing
/// slots: the batch scripts (the claim that reads the runs it pops, batch decisions, batched
/// starts and finishes) touch only keys of the cell's one slot.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_batched_lifecycle_stays_in_the_cells_slot() {
    use std::sync::Arc;
    use std::time::Duration;
    use tartarus::model::run::RunState;
    use tartarus::store::redis::RedisStore;
    use tartarus::store::*;

    let cluster = RedisCluster::start(3, 0);
    let (cell, port) = cluster.cells_on_distinct_masters(1).remove(0);
    let mut target = tartarus::config::RedisTarget::standalone("127.0.0.1", port);
    target.connect_timeout = Duration::from_secs(2);
    target.command_timeout = Duration::from_secs(10);
    let store: SharedStore = Arc::new(
        RedisStore::connect(
            &target,
            Keys::for_cell(&Cell::new(&cell).unwrap()),
            StoreSettings::default(),
        )
        .await
        .unwrap(),
    );
    let want = tartarus::model::node::Resources {
        cpu_millis: 100,
        memory_bytes: 1 << 20,
        gpu: 0,
        slots: 1,
    };
    store
        .heartbeat(&Heartbeat {
            name: "n1".into(),
            labels: Default::default(),
            capacity: tartarus::model::node::Resources {
                cpu_millis: 100_000,
                memory_bytes: 1 << 40,
                gpu: 0,
                slots: 100,
            },
            version: "test".into(),
            ttl: Duration::from_secs(60),
        })
        .await
        .unwrap();
    let spec = tartarus::model::spec::parse_sandbox_documents(
        "t",
        "spec:\n  image: alpine\n  command: [\"true\"]\n",
    )
    .unwrap()
    .remove(0);
    let runs = tartarus::cli::sandbox::new_runs(vec![spec; 20]);
    store.submit(&runs).await.unwrap();
    let claimed = store.claim_runs(50, Duration::from_secs(30)).await.unwrap();
    assert_eq!(claimed.len(), 20);
    assert!(claimed.iter().all(|c| c.run.is_some()));
    let outcomes: Vec<Outcome> = claimed
        .iter()
        .map(|c| Outcome {
            id: c.claim.id.clone(),
            decision: Decision::Assign {
                node: "n1".into(),
                want,
            },
            verdict: tartarus::model::run::Verdict::Allow,
            reasons: vec![],
            policy_version: 0,
            heat: tartarus::model::spec::Heat::Warm,
            quarantined: false,
            message: None,
        })
        .collect();
    let applied = store.apply_outcomes(&outcomes).await.unwrap();
    assert!(applied
        .iter()
        .all(|a| *a == Applied::Done(RunState::Scheduled)));
    let starts: Vec<RunStart> = claimed
        .iter()
        .map(|c| RunStart {
            id: c.claim.id.clone(),
            attempt: 1,
            log_path: None,
        })
        .collect();
    let started = store.start_runs("n1", &starts).await.unwrap();
    assert!(started
        .iter()
        .all(|a| *a == Applied::Done(RunState::Running)));
    let finishes: Vec<RunFinish> = starts
        .into_iter()
        .map(|s| RunFinish {
            id: s.id,
            attempt: 1,
            done: Completion::succeeded(""),
        })
        .collect();
    let finished = store.finish_runs("n1", &finishes).await.unwrap();
    assert!(finished
        .iter()
        .all(|a| *a == Applied::Done(RunState::Succeeded)));
    assert_eq!(
        store.state_counts().await.unwrap()[&RunState::Succeeded],
        20
    );
    assert_eq!(store.node("n1").await.unwrap().unwrap().usage.slots, 0);
}

/// `config show` names the topology; health has the cluster's state and each master's rows;
/// `migrate` in place refuses with what to do instead; the topology settings exclude each other;
/// an untagged queue key is refused.
#[test]
fn cluster_config_health_and_what_it_refuses() {
    let cluster = RedisCluster::start(3, 0);
    let cfg = ok_json(
        cluster
            .tartarus("blue")
            .args(["config", "show", "-o", "json"]),
    );
    let value = |name: &str| {
        support::items(&cfg)
            .into_iter()
            .find(|s| s["name"] == name)
            .map(|s| s["value"].clone())
            .unwrap_or_else(|| panic!("{name}: {cfg}"))
    };
    assert_eq!(value("topology"), "cluster");
    assert_eq!(value("REDIS_CLUSTER_ADDRS"), cluster.addrs().as_str());
    assert_eq!(value("REDIS_ADDR"), serde_json::Value::Null);

    let out = cluster
        .tartarus("blue")
        .args(["redis", "health", "-o", "json"])
        .output()
        .unwrap();
    let report = support::json(&out.stdout);
    let checks = report["checks"].as_array().unwrap().clone();
    let row = |name: &str| {
        checks
            .iter()
            .find(|c| c["name"] == name)
            .cloned()
            .unwrap_or_else(|| panic!("{name}: {report}"))
    };
    assert_eq!(row("cluster_state")["status"], "OK", "{report}");
    assert_eq!(row("cluster_state")["value"], "ok");
    assert_eq!(row("cluster_slots")["value"], 16384);
    assert_eq!(row("cluster_nodes_failing")["value"], 0);
    for master in cluster.masters() {
        let prefix = format!("127.0.0.1:{master} ");
        let rows: Vec<&serde_json::Value> = checks
            .iter()
            .filter(|c| c["name"].as_str().is_some_and(|n| n.starts_with(&prefix)))
            .collect();
        assert!(
            rows.iter()
                .any(|c| c["name"] == format!("{prefix}appendonly") && c["value"] == "yes"),
            "{report}"
        );
        assert!(
            rows.iter().any(|c| c["name"] == format!("{prefix}role")),
            "{report}"
        );
    }

    let out = cluster
        .tartarus("blue")
        .args(["migrate", "--yes"])
        .output()
        .unwrap();
    let stderr = assert_code(&out, tartarus::exit::USAGE);
    assert!(
        stderr.contains("--from") && stderr.contains("RENAMENX"),
        "{stderr}"
    );

    let out = cluster
        .tartarus("blue")
        .env("REDIS_QUEUE_KEY", "jobs")
        .args(["queue", "stats"])
        .output()
        .unwrap();
    let stderr = assert_code(&out, tartarus::exit::CONFIG);
    assert!(stderr.contains("REDIS_QUEUE_KEY"), "{stderr}");
    for other in [
        ("REDIS_ADDR", "127.0.0.1:6379"),
        ("REDIS_SENTINEL_ADDRS", "127.0.0.1:26379"),
    ] {
        let out = cluster
            .tartarus("blue")
            .env(other.0, other.1)
            .args(["queue", "stats"])
            .output()
            .unwrap();
        let stderr = assert_code(&out, tartarus::exit::CONFIG);
        assert!(
            stderr.contains(&format!("{} (env)", other.0))
                && stderr.contains("REDIS_CLUSTER_ADDRS (env)"),
            "{stderr}"
        );
    }
    let out = support::tartarus()
        .args([
            "--redis-cluster",
            &cluster.addrs(),
            "--redis-db",
            "2",
            "queue",
            "stats",
        ])
        .output()
        .unwrap();
    let stderr = assert_code(&out, tartarus::exit::CONFIG);
    assert!(stderr.contains("database 0"), "{stderr}");
}

/// The ids of the runs of a cell, and how many are in each state, through the CLI.
fn cell_states(cluster: &RedisCluster, cell: &str) -> BTreeMap<String, String> {
    let list = ok_json(
        cluster
            .tartarus(cell)
            .args(["sandbox", "list", "--all", "-o", "json", "--limit", "1000"]),
    );
    support::items(&list)
        .iter()
        .map(|r| {
            let r = support::flat_run(r);
            (
                r["id"].as_str().unwrap_or_default().to_string(),
                r["state"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

/// Two cells whose hash tags are on two different masters, each with its own scheduler and agent
/// (processes), take submissions at once; each cell runs its own work to the end, sees only its
/// own runs, and its keys are all in its one slot on its master.
#[test]
fn two_cells_on_different_masters_run_at_once() {
    let cluster = RedisCluster::start(3, 0);
    let cells = cluster.cells_on_distinct_masters(2);
    let dir = tempfile::tempdir().unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o711)).unwrap();
    let mut planes: Vec<(ClusterProc, ClusterProc)> = cells
        .iter()
        .map(|(cell, _)| ClusterProc::control_plane(&cluster, cell, &[], dir.path()))
        .collect();
    let per_cell = 12;
    let yaml: String = (0..per_cell)
        .map(|i| {
            format!(
                "metadata: {{name: job-{i}}}\nspec:\n  image: alpine\n  command: [\"true\"]\n  resources: {{cpu: 100m, memory: 16Mi}}\n  timeout: 30s\n---\n"
            )
        })
        .collect();
    let mut submitted: Vec<Vec<String>> = Vec::new();
    for (cell, _) in &cells {
        let out = ok_json(
            cluster
                .tartarus(cell)
                .args(["-q", "sandbox", "submit", "-o", "json", "-f", "-"])
                .write_stdin(yaml.clone()),
        );
        let ids: Vec<String> = support::items(&out)
            .iter()
            .map(|r| r["id"].as_str().unwrap().to_string())
            .collect();
        assert_eq!(ids.len(), per_cell, "{out}");
        submitted.push(ids);
    }
    let deadline = Instant::now() + Duration::from_secs(90);
    for ((cell, _), ids) in cells.iter().zip(&submitted) {
        loop {
            for (s, a) in planes.iter_mut() {
                s.assert_running("a scheduler");
                a.assert_running("an agent");
            }
            let states = cell_states(&cluster, cell);
            let mine: Vec<String> = states.keys().cloned().collect();
            let mut expected = ids.clone();
            expected.sort();
            assert_eq!(mine, expected, "cell {cell} sees exactly its own runs");
            let done = states.values().filter(|s| *s == "succeeded").count();
            if done == ids.len() {
                break;
            }
            let (s, a) = &planes[0];
            assert!(
                Instant::now() < deadline,
                "cell {cell}: {done} of {} succeeded: {states:?}\nscheduler:\n{}\nagent:\n{}",
                ids.len(),
                s.log(),
                a.log()
            );
            std::thread::sleep(Duration::from_millis(500));
        }
    }
    // Every key of each cell is in the cell's one slot, on its master.
    for (cell, master) in &cells {
        let keys = Keys::for_cell(&Cell::new(cell).unwrap());
        let slot = cluster.keyslot(&keys.queue());
        assert_eq!(cluster.master_of_slot(slot), *master);
        let content = support::keyspace_content_on(&mut cluster.node(*master).conn());
        let in_cell: Vec<&String> = content
            .keys()
            .filter(|k| k.contains(&format!("{{{cell}}}")))
            .collect();
        assert!(in_cell.len() > per_cell, "{in_cell:?}");
        assert!(in_cell.iter().all(|k| key_slot(k) == slot), "{in_cell:?}");
    }
}

/// `tartarus migrate --from OLD` copies a populated dataset of the layout before cells into a
/// Cluster cell (DUMP on the old server, RESTORE into the cell's slot) with nothing lost: the
/// runs, policy history and queue stats read the same through the CLI, and key by key.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn migrate_from_an_old_server_fills_a_cluster_cell() {
    let old_server = RedisServer::start();
    let old = legacy_store(&support::target(&old_server)).await;
    populate(&old, 40, Duration::from_millis(300)).await;
    // The old layout's agents and scheduler must be gone for the migration to start.
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let (runs, history, stats) = views(&old).await;
    let content = support::keyspace_content(&old_server);
    let cluster = RedisCluster::start(3, 0);
    let cell = "eu-1";
    let from = ["migrate", "--from", &old_server.host_port()];
    let mut report = serde_json::Value::Null;
    let deadline = Instant::now() + Duration::from_secs(30);
    while Instant::now() < deadline {
        let out = cluster
            .tartarus(cell)
            .args(from)
            .args(["--yes", "-o", "json"])
            .output()
            .unwrap();
        if out.status.success() {
            report = support::json(&out.stdout);
            break;
        }
        // Heartbeats of the populated nodes lapse a second past their lease.
        assert_code(&out, tartarus::exit::CONFLICT);
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    assert_eq!(report["result"], "migrated", "{report}");
    assert_eq!(report["mode"], "copy");
    assert_eq!(report["moved"].as_u64().unwrap() as usize, content.len());
    assert_eq!(
        support::keyspace_content(&old_server),
        content,
        "the old server is untouched"
    );
    // Key by key, on the master of the cell's slot.
    let keys = Keys::for_cell(&Cell::new(cell).unwrap());
    let master = cluster.master_of_slot(cluster.keyslot(&keys.queue()));
    let after = support::keyspace_content_on(&mut cluster.node(master).conn());
    let legacy = Keys::legacy(LEGACY_QUEUE_KEY);
    let expected: BTreeMap<String, (String, String)> = content
        .iter()
        .map(|(k, v)| (keys.translate(&legacy, k).unwrap().0, v.clone()))
        .collect();
    let got: BTreeMap<String, (String, String)> = after
        .into_iter()
        .filter(|(k, _)| *k != keys.schema())
        .collect();
    assert_eq!(got, expected);
    // Through the CLI, as users see it.
    let cli = |args: &[&str]| ok_json(cluster.tartarus(cell).args(args).args(["-o", "json"]));
    assert_eq!(cli(&["sandbox", "list", "--all"]), runs);
    assert_eq!(cli(&["policy", "history"]), history);
    // The age of the oldest finished run grows while the test runs.
    let without_age = |mut v: serde_json::Value| {
        v.as_object_mut()
            .map(|m| m.remove("finished_oldest_age_ms"));
        v
    };
    assert_eq!(
        without_age(stable_stats(cli(&["queue", "stats"]))),
        without_age(stats)
    );
}

/// A schema-2 cell on a Cluster is upgraded by `migrate` without moving a key (the in-place
/// rename of the layout before cells is what a Cluster cannot do, not an upgrade).
#[test]
fn a_schema_2_cell_on_a_cluster_is_upgraded() {
    let cluster = RedisCluster::start(3, 0);
    let cell = "old-cell";
    ok_json(
        cluster
            .tartarus(cell)
            .args(["queue", "stats", "-o", "json"]),
    );
    let keys = Keys::for_cell(&Cell::new(cell).unwrap());
    let master = cluster.master_of_slot(cluster.keyslot(&keys.queue()));
    let mut c = cluster.node(master).conn();
    let _: () = redis::cmd("SET")
        .arg(keys.schema())
        .arg(2)
        .query(&mut c)
        .unwrap();
    let out = cluster
        .tartarus(cell)
        .args(["queue", "stats"])
        .output()
        .unwrap();
    assert_code(&out, tartarus::exit::SCHEMA);
    let report = ok_json(
        cluster
            .tartarus(cell)
            .args(["migrate", "--yes", "-o", "json"]),
    );
    assert_eq!(report["result"], "upgraded", "{report}");
    assert_eq!(report["schema_before"], 2);
    let now: String = redis::cmd("GET").arg(keys.schema()).query(&mut c).unwrap();
    assert_eq!(now, tartarus::store::schema::SCHEMA_VERSION.to_string());
    ok_json(
        cluster
            .tartarus(cell)
            .args(["queue", "stats", "-o", "json"]),
    );
}

/// The password (`requirepass` on every node) and an ACL user work on Cluster as on one server;
/// without them, or with a wrong one, the command exits 5 and never shows a password.
#[test]
fn a_cluster_with_a_password_and_an_acl_user() {
    let cluster = RedisCluster::start_with(3, 0, Some("cluster-secret"));
    let submitted = ok_json(cluster.tartarus("blue").args([
        "-q", "sandbox", "submit", "-o", "json", "--image", "alpine", "--", "true",
    ]));
    assert_eq!(support::items(&submitted).len(), 1, "{submitted}");
    let stats = ok_json(
        cluster
            .tartarus("blue")
            .args(["queue", "stats", "-o", "json"]),
    );
    assert_eq!(stats["total_runs"], 1, "{stats}");
    for node in &cluster.nodes {
        let _: () = redis::cmd("ACL")
            .arg("SETUSER")
            .arg("tartarus")
            .arg("on")
            .arg(">user-secret")
            .arg("~*")
            .arg("&*")
            .arg("+@all")
            .query(&mut node.conn())
            .unwrap();
    }
    let stats = ok_json(
        cluster
            .tartarus("blue")
            .env("REDIS_USERNAME", "tartarus")
            .env("REDIS_PASSWORD", "user-secret")
            .args(["queue", "stats", "-o", "json"]),
    );
    assert_eq!(stats["total_runs"], 1, "{stats}");
    for (user, pass) in [(None, None), (Some("tartarus"), Some("wrong-secret"))] {
        let mut cmd = support::tartarus();
        cmd.env("REDIS_CLUSTER_ADDRS", cluster.addrs())
            .env("TARTARUS_CELL", "blue")
            .args(["--redis-connect-timeout", "1s", "queue", "stats"]);
        if let (Some(u), Some(p)) = (user, pass) {
            cmd.env("REDIS_USERNAME", u).env("REDIS_PASSWORD", p);
        }
        let out = cmd.output().unwrap();
        let stderr = assert_code(&out, tartarus::exit::UNAVAILABLE);
        assert!(
            !stderr.contains("secret") && !String::from_utf8_lossy(&out.stdout).contains("secret"),
            "{stderr}"
        );
    }
}
