//! Redis Cluster: the harness (3 masters, 3 replicas on ports below 55536), cells placed on
//! distinct masters, and tartarus's key slots against the server's.

mod support;

use support::cluster::RedisCluster;
use tartarus::store::keys::{key_slot, Cell, Keys};

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
            done: Completion {
                state: RunState::Succeeded,
                exit_code: Some(0),
                message: None,
                log_tail: String::new(),
            },
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
