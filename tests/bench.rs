//! `tartarus bench` against a server that holds a live deployment: the live keys stay byte-for-byte the same, no policy change reaches live schedulers, and no bench key is left.

mod support;

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

use support::{changed_keys, json, keyspace_digest, target, tartarus_on, RedisServer};
use tartarus::model::node::Resources;
use tartarus::model::spec::parse_sandbox_documents;
use tartarus::scheduler::{Scheduler, SchedulerConfig};
use tartarus::store::redis::RedisStore;
use tartarus::store::{Heartbeat, History, SharedStore, StoreSettings};

/// A live deployment: policies (with history), a node, runs in several states, events, and a
/// key of some other application on the same server.
async fn live_dataset(server: &RedisServer) -> SharedStore {
    let store: SharedStore = Arc::new(
        RedisStore::connect(
            &target(server),
            tartarus::store::keys::Keys::default(),
            StoreSettings::default(),
        )
        .await
        .unwrap(),
    );
    let policies = tartarus::ops::policies::parse(
        "examples/policies.yaml",
        include_bytes!("../examples/policies.yaml"),
    )
    .unwrap();
    store
        .apply_policies(&policies, "alice", History::Keep)
        .await
        .unwrap();
    store
        .heartbeat(&Heartbeat {
            name: "live-1".into(),
            labels: BTreeMap::new(),
            capacity: Resources {
                cpu_millis: 4000,
                memory_bytes: 8 << 30,
                gpu: 0,
                slots: 4,
            },
            version: "live".into(),
            ttl: Duration::from_secs(3600),
        })
        .await
        .unwrap();
    let ok =
        "spec:\n  image: alpine\n  command: [\"true\"]\n  resources: {cpu: 500m, memory: 256Mi}\n";
    let privileged = "spec:\n  image: alpine\n  command: [\"true\"]\n  privileged: true\n";
    let mut specs = vec![parse_sandbox_documents("ok", ok).unwrap().remove(0); 8];
    specs.push(
        parse_sandbox_documents("bad", privileged)
            .unwrap()
            .remove(0),
    );
    let runs = tartarus::cli::sandbox::new_runs(specs);
    store.submit(&runs).await.unwrap();
    let mut sched = Scheduler::new(store.clone(), SchedulerConfig::default())
        .await
        .unwrap();
    let (_stop, rx) = tokio::sync::watch::channel(false);
    sched.run(rx, true).await.unwrap();
    store.cancel(&runs[0].id, "live cancel").await.unwrap();
    let more =
        tartarus::cli::sandbox::new_runs(vec![
            parse_sandbox_documents("ok", ok).unwrap().remove(0);
            3
        ]);
    store.submit(&more).await.unwrap();
    let mut c = server.conn();
    let _: () = redis::cmd("SET")
        .arg("other-app:session:1")
        .arg("keep me")
        .query(&mut c)
        .unwrap();
    store
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bench_leaves_a_live_deployment_untouched() {
    let server = RedisServer::start();
    let store = live_dataset(&server).await;
    let live_version = store.policy_version().await.unwrap();
    let before = keyspace_digest(&server);
    assert!(
        before.contains_key("themis:{default}:policies")
            && before.contains_key("tartarus:{default}:queue"),
        "the live dataset is in place: {:?}",
        before.keys().collect::<Vec<_>>()
    );
    let mut updates = store.watch_policies().await.unwrap();

    let out = tartarus_on(&server)
        .args([
            "bench",
            "--runs",
            "300",
            "--claim-batch",
            "50",
            "--e2e-runs",
            "200",
            "--e2e-batch",
            "50",
            "--latency-secs",
            "1",
            "--lifecycle-runs",
            "300",
            "--raw-requests",
            "5000",
            "-o",
            "json",
        ])
        .timeout(Duration::from_secs(300))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report = json(&out.stdout);
    assert_eq!(report["prefix"], "tartarus-bench");
    let figures = report["figures"].as_array().unwrap();
    let by_name = |start: &str| {
        figures
            .iter()
            .find(|f| f["name"].as_str().unwrap_or_default().starts_with(start))
            .unwrap_or_else(|| panic!("no {start} figure: {report}"))
    };
    assert_eq!(by_name("submit")["count"], 300);
    assert_eq!(by_name("claim")["count"], 300);
    assert_eq!(by_name("end to end")["count"], 200);
    assert!(by_name("latency")["latency"]["p99_ms"].is_i64());
    // The whole lifecycle: every run succeeded through a scheduler and the bench's agent, and its
    // Redis cost is reported per run; the five transition events of each run go to the stream in
    // entries of up to 32 events per batch step (tests/contract.rs checks each event is there).
    let lifecycle = by_name("lifecycle");
    assert_eq!(lifecycle["count"], 300, "{lifecycle}");
    let cost = &lifecycle["redis"];
    assert!(cost["cpu_us_per_run"].as_f64().unwrap() >= 0.0, "{cost}");
    assert!(cost["commands_per_run"].as_f64().unwrap() > 5.0, "{cost}");
    assert!(
        cost["script_calls_per_run"].as_f64().unwrap() > 0.0,
        "{cost}"
    );
    let top = cost["top_commands"].as_array().unwrap();
    let per_run = |name: &str| {
        top.iter()
            .find(|c| c["command"] == name)
            .and_then(|c| c["per_run"].as_f64())
    };
    let xadd = per_run("xadd").unwrap_or_else(|| panic!("no xadd among {cost}"));
    assert!((5.0 / 32.0..1.0).contains(&xadd), "{cost}");
    // Each run's history goes into the writes of its hash that the steps make anyway (schema 4):
    // no list push per event.
    assert!(per_run("rpush").unwrap_or(0.0) < 0.05, "{cost}");
    assert!(by_name("submit")["redis"]["commands_per_run"].is_number());
    // redis-benchmark ran, on keys under the bench prefix.
    assert_eq!(by_name("raw redis SET")["count"], 5000);
    for f in figures {
        assert!(f["elapsed_ms"].is_u64(), "{f}");
        assert!(f["per_second"].is_number(), "{f}");
    }

    let after = keyspace_digest(&server);
    let leftovers: Vec<&String> = after
        .keys()
        .filter(|k| k.starts_with("tartarus-bench"))
        .take(10)
        .collect();
    assert!(leftovers.is_empty(), "bench keys left: {leftovers:?}");
    let changed = changed_keys(&before, &after);
    assert!(changed.is_empty(), "live keys changed: {changed:?}");
    assert_eq!(store.policy_version().await.unwrap(), live_version);
    // Live schedulers heard nothing: the bench's policy publishes went to its own channel.
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert!(
        updates.try_recv().is_err(),
        "a policy version was published to live schedulers"
    );
}

/// `bench cells`: each cell's scheduler schedules exactly its own runs, the CPU of the server is
/// reported, and the live deployment is untouched, with no bench key left.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bench_cells_schedules_each_cell_on_its_own() {
    let server = RedisServer::start();
    let _store = live_dataset(&server).await;
    let before = keyspace_digest(&server);
    let out = tartarus_on(&server)
        .args([
            "bench", "cells", "--cells", "1,2", "--runs", "150", "--batch", "50", "-o", "json",
        ])
        .timeout(Duration::from_secs(300))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report = json(&out.stdout);
    let rounds = report["rounds"].as_array().unwrap();
    assert_eq!(rounds.len(), 2);
    for (round, n) in rounds.iter().zip([1, 2]) {
        let cells = round["cells"].as_array().unwrap();
        assert_eq!(cells.len(), n, "{round}");
        for c in cells {
            assert_eq!(c["runs"], 150, "{round}");
            assert!(c["scheduled_per_second"].as_f64().unwrap() > 0.0);
        }
        assert_eq!(round["masters"].as_array().unwrap().len(), 1, "{round}");
        assert!(round["masters"][0]["cpu_ms"].is_u64(), "{round}");
    }
    let after = keyspace_digest(&server);
    assert!(changed_keys(&before, &after).is_empty());
    assert!(after.keys().all(|k| !k.starts_with("tartarus-bench")));
}
