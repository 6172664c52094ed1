//! A `CLUSTER FAILOVER` of the master that holds a cell, and separately a `kill -9` of it (its
//! replica elected by the cluster, the killed node started again), during a workload: idempotent submits
//! (each retried with its key until acknowledged, `--min-replicas-ack 1`), a scheduler and an
//! agent (processes). Nothing acknowledged is lost, every run ends in exactly one terminal state,
//! and the time until submits are acknowledged again is printed.

mod support;

use std::collections::BTreeMap;
use std::os::unix::fs::PermissionsExt;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use support::cluster::{ClusterProc, RedisCluster};
use tartarus::config::{RedisTarget, ReplicaAck};
use tartarus::model::run::{Run, RunState};
use tartarus::model::spec::parse_sandbox_documents;
use tartarus::store::keys::{Cell, Keys};
use tartarus::store::redis::RedisStore;
use tartarus::store::{Admission, RunFilter, Store, StoreSettings};

fn target(cluster: &RedisCluster, ack: bool) -> RedisTarget {
    let mut t = cluster.target();
    t.connect_timeout = Duration::from_secs(2);
    t.command_timeout = Duration::from_secs(3);
    if ack {
        t.replica_ack = Some(ReplicaAck {
            replicas: 1,
            timeout: Duration::from_secs(1),
        });
    }
    t
}

fn keyed_run(key: &str) -> Run {
    let spec = parse_sandbox_documents(
        "t",
        &format!(
            "metadata: {{idempotencyKey: {key}}}\nspec:\n  image: alpine\n  command: [\"true\"]\n  resources: {{cpu: 100m, memory: 16Mi}}\n  timeout: 30s\n"
        ),
    )
    .unwrap()
    .remove(0);
    let mut runs = tartarus::cli::sandbox::new_runs(vec![spec]);
    runs.remove(0)
}

/// What the submitting loop saw.
#[derive(Default)]
struct Submits {
    /// Acknowledged run ids, with when.
    acked: Vec<(Instant, String)>,
    /// Failed attempts (each retried with the same idempotency key).
    failed: Vec<(Instant, String)>,
}

/// Submits one keyed run at a time until `stop`; a failed submit is sent again, same key, until
/// it is acknowledged (a Created or an Existing answer: the run is there once either way).
async fn submit_loop(store: RedisStore, stop: Arc<AtomicBool>, seen: Arc<Mutex<Submits>>) {
    let mut i = 0u64;
    while !stop.load(Ordering::Acquire) {
        let key = format!("failover-{i}");
        let run = keyed_run(&key);
        loop {
            match store.submit(std::slice::from_ref(&run)).await {
                Ok(admissions) => {
                    let id = match admissions.into_iter().next() {
                        Some(Admission::Created) => run.id.clone(),
                        Some(Admission::Existing { id }) => id,
                        other => panic!("submit of {key}: {other:?}"),
                    };
                    seen.lock().unwrap().acked.push((Instant::now(), id));
                    break;
                }
                Err(e) => {
                    seen.lock()
                        .unwrap()
                        .failed
                        .push((Instant::now(), e.to_string()));
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
            }
        }
        i += 1;
        tokio::time::sleep(Duration::from_millis(40)).await;
    }
}

/// Every run is in exactly one state index, a terminal one, and its events end it once.
async fn check_ended_once(store: &RedisStore, ids: &[String]) {
    let mut places: BTreeMap<String, Vec<RunState>> = BTreeMap::new();
    for state in RunState::ALL {
        let mut cursor = None;
        loop {
            let filter = RunFilter {
                state: Some(state),
                ..Default::default()
            };
            let page = store
                .list_runs(&filter, cursor.as_deref(), 1000)
                .await
                .unwrap();
            for r in page.runs {
                places.entry(r.id).or_default().push(state);
            }
            match page.next_cursor {
                Some(c) => cursor = Some(c),
                None => break,
            }
        }
    }
    for id in ids {
        let states = places.get(id).cloned().unwrap_or_default();
        assert!(
            states.len() == 1 && states[0].is_terminal(),
            "run {id} is in {states:?}"
        );
        let events = store.run_events(id).await.unwrap();
        let endings = events
            .iter()
            .filter(|e| {
                e.to.as_deref()
                    .and_then(RunState::parse)
                    .is_some_and(RunState::is_terminal)
            })
            .count();
        assert_eq!(endings, 1, "run {id} ended {endings} times: {events:?}");
    }
}

/// How the test takes the cell's master away.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Fault {
    /// `CLUSTER FAILOVER` on its replica (a coordinated hand-over).
    ClusterFailover,
    /// `kill -9` of the master; its replica is elected after the node timeout (3 s), and the
    /// killed node is started again once it is (it comes back as the new master's replica, so
    /// `WAIT 1` can be satisfied again).
    Kill9,
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_cluster_failover_of_the_cells_master_loses_nothing_acknowledged() {
    survive(Fault::ClusterFailover, Duration::from_secs(20)).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_killed_master_of_the_cell_loses_nothing_acknowledged() {
    survive(Fault::Kill9, Duration::from_secs(30)).await;
}

async fn survive(fault: Fault, resume_within: Duration) {
    let mut cluster = RedisCluster::start(3, 1);
    let (cell, master) = cluster.cells_on_distinct_masters(1).remove(0);
    let keys = Keys::for_cell(&Cell::new(&cell).unwrap());
    let dir = tempfile::tempdir().unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o711)).unwrap();
    let ack = [("REDIS_MIN_REPLICAS_ACK", "1")];
    let (mut scheduler, mut agent) = ClusterProc::control_plane(&cluster, &cell, &ack, dir.path());

    let store = RedisStore::connect(
        &target(&cluster, true),
        keys.clone(),
        StoreSettings::default(),
    )
    .await
    .expect("connect to the cluster");
    let stop = Arc::new(AtomicBool::new(false));
    let seen = Arc::new(Mutex::new(Submits::default()));
    let load = tokio::spawn(submit_loop(store, stop.clone(), seen.clone()));
    tokio::time::sleep(Duration::from_secs(4)).await;

    let started = Instant::now();
    let replica = cluster.replica_of(master);
    if fault == Fault::Kill9 {
        cluster.node_mut(master).kill9();
    }
    let promoted = tokio::task::spawn_blocking({
        let cluster_addrs = cluster.addrs();
        move || {
            // CLUSTER FAILOVER on the replica (or nothing: the cluster elects it after the
            // kill); returns when it says it is the master.
            let c = redis::Client::open(format!("redis://127.0.0.1:{replica}/")).unwrap();
            let mut c = c.get_connection().unwrap();
            if fault == Fault::ClusterFailover {
                let _: () = redis::cmd("CLUSTER").arg("FAILOVER").query(&mut c).unwrap();
            }
            let deadline = Instant::now() + Duration::from_secs(60);
            loop {
                let info: String = redis::cmd("INFO").arg("replication").query(&mut c).unwrap();
                if info.contains("role:master") {
                    return (replica, Instant::now());
                }
                assert!(
                    Instant::now() < deadline,
                    "no failover within 60s ({cluster_addrs})"
                );
                std::thread::sleep(Duration::from_millis(20));
            }
        }
    })
    .await
    .unwrap();
    let (new_master, promoted_at) = promoted;
    if fault == Fault::Kill9 {
        cluster.node_mut(master).restart();
    }
    // Keep submitting until well after the first acknowledgement on the new master.
    let deadline = Instant::now() + Duration::from_secs(30);
    while Instant::now() < deadline
        && !seen
            .lock()
            .unwrap()
            .acked
            .iter()
            .any(|(t, _)| *t > promoted_at)
    {
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    tokio::time::sleep(Duration::from_secs(3)).await;
    stop.store(true, Ordering::Release);
    load.await.unwrap();
    let seen = std::mem::take(&mut *seen.lock().unwrap());

    // The longest pause between acknowledgements around the failover, and the resume time.
    let times: Vec<Instant> = seen.acked.iter().map(|(t, _)| *t).collect();
    let longest_gap = times
        .windows(2)
        .map(|w| w[1].duration_since(w[0]))
        .max()
        .unwrap_or_default();
    let resumed = seen
        .acked
        .iter()
        .find(|(t, _)| *t > promoted_at)
        .map(|(t, _)| t.duration_since(promoted_at));
    eprintln!(
        "{fault:?} of {master} (cell {cell}): {new_master} promoted {:?} after the \
         command; first acknowledged submit {resumed:?} after the promotion; longest pause \
         between acknowledgements {longest_gap:?}; {} acknowledged, {} failed attempts (first: \
         {:?})",
        promoted_at.duration_since(started),
        seen.acked.len(),
        seen.failed.len(),
        seen.failed.first().map(|(_, e)| e.as_str()),
    );
    for (at, e) in &seen.failed {
        eprintln!(
            "  failed attempt {:?} after the fault: {}",
            at.saturating_duration_since(started),
            e.chars().take(160).collect::<String>()
        );
    }
    let resumed = resumed.expect("no submit acknowledged after the failover");
    assert!(resumed < resume_within, "resumed only after {resumed:?}");
    assert!(
        seen.acked.len() > 40,
        "the workload barely ran: {}",
        seen.acked.len()
    );
    assert_eq!(
        cluster.master_of_slot(cluster.keyslot(&keys.queue())),
        new_master
    );

    // Nothing acknowledged is lost; every run ends once.
    let ids: Vec<String> = seen.acked.iter().map(|(_, id)| id.clone()).collect();
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), ids.len(), "one idempotency key gave two ids");
    let store = RedisStore::connect(&target(&cluster, false), keys, StoreSettings::default())
        .await
        .unwrap();
    let found = store.get_runs(&ids).await.unwrap();
    let lost: Vec<&String> = ids
        .iter()
        .zip(&found)
        .filter(|(_, r)| r.is_none())
        .map(|(id, _)| id)
        .collect();
    assert!(
        lost.is_empty(),
        "{} acknowledged submits lost: {lost:?}",
        lost.len()
    );
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        scheduler.assert_running("the scheduler");
        agent.assert_running("the agent");
        let runs = store.get_runs(&ids).await.unwrap();
        let open = runs
            .iter()
            .flatten()
            .filter(|r| !r.state.is_terminal())
            .count();
        if open == 0 {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "{open} runs never finished after the failover\nscheduler:\n{}\nagent:\n{}",
            scheduler.log(),
            agent.log()
        );
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    check_ended_once(&store, &ids).await;
    let succeeded = store
        .get_runs(&ids)
        .await
        .unwrap()
        .iter()
        .flatten()
        .filter(|r| r.state == RunState::Succeeded)
        .count();
    assert_eq!(succeeded, ids.len(), "every run should succeed");
}

/// The port of the node where a client is subscribed (`CLIENT LIST` shows `sub=1`).
fn subscribed_node(cluster: &RedisCluster) -> Option<u16> {
    cluster.nodes.iter().find_map(|n| {
        let mut c = redis::Client::open(format!("redis://127.0.0.1:{}/", n.port))
            .and_then(|c| c.get_connection())
            .ok()?;
        let list: String = redis::cmd("CLIENT").arg("LIST").query(&mut c).ok()?;
        list.lines()
            .any(|l| l.contains(" sub=1 "))
            .then_some(n.port)
    })
}

/// A scheduler's policy-change subscription sits on one node (a PUBLISH reaches every node of a
/// cluster); when that node is killed it is made again on another, and changes arrive again.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_policy_subscription_outlives_the_node_it_was_on() {
    use tartarus::store::{History, StoredPolicy};
    let mut cluster = RedisCluster::start(3, 1);
    let (cell, _) = cluster.cells_on_distinct_masters(1).remove(0);
    let keys = Keys::for_cell(&Cell::new(&cell).unwrap());
    let store = RedisStore::connect(&target(&cluster, false), keys, StoreSettings::default())
        .await
        .unwrap();
    let mut watch = store.watch_policies().await.unwrap();
    let policy = |n: u32| StoredPolicy {
        name: "p".into(),
        document: format!("{{\"n\":{n}}}"),
    };
    let first = store
        .apply_policies(&[policy(0)], "t", History::Keep)
        .await
        .unwrap();
    let got = tokio::time::timeout(Duration::from_secs(10), watch.recv())
        .await
        .expect("no change message within 10s");
    assert_eq!(got, Some(first.version));
    let port = subscribed_node(&cluster).expect("no node holds the subscription");
    cluster.node_mut(port).kill9();
    let killed = Instant::now();
    // Changes go on (with retries while a failover of that node, if it was the cell's master,
    // completes) until one arrives through the new subscription.
    let deadline = killed + Duration::from_secs(60);
    let mut n = 1;
    let arrived = loop {
        assert!(
            Instant::now() < deadline,
            "no change arrived after the kill"
        );
        if store
            .apply_policies(&[policy(n)], "t", History::Keep)
            .await
            .is_ok()
        {
            n += 1;
            if let Ok(Some(v)) = tokio::time::timeout(Duration::from_secs(1), watch.recv()).await {
                break v;
            }
        } else {
            tokio::time::sleep(Duration::from_millis(300)).await;
        }
    };
    let now_on = subscribed_node(&cluster);
    eprintln!(
        "subscription on {port} killed; change {arrived} arrived {:?} later, subscription now on {now_on:?}",
        killed.elapsed()
    );
    assert!(arrived > first.version);
    assert!(now_on.is_some_and(|p| p != port), "{now_on:?}");
}
