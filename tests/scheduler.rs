//! The scheduler against a real redis-server: concurrency, crashes, policy refresh, node expiry.

mod support;

use std::collections::{BTreeMap, HashSet};
use std::sync::Arc;
use std::time::Duration;

use support::{target, tartarus_on, RedisServer};
use tartarus::model::node::Resources;
use tartarus::model::run::{RunState, Verdict};
use tartarus::model::spec::parse_sandbox_documents;
use tartarus::scheduler::{Scheduler, SchedulerConfig};
use tartarus::store::redis::RedisStore;
use tartarus::store::{
    Applied, Completion, Heartbeat, RunFinish, RunStart, SharedStore, StoreSettings, StoredPolicy,
};

async fn store(server: &RedisServer) -> SharedStore {
    let t = target(server);
    Arc::new(
        RedisStore::connect(
            &t,
            tartarus::store::keys::Keys::default(),
            StoreSettings::default(),
        )
        .await
        .unwrap(),
    )
}

fn runs(n: usize, extra: &str) -> Vec<tartarus::model::run::Run> {
    let text = format!("spec:\n  image: alpine\n  command: [\"true\"]\n  resources: {{cpu: 500m, memory: 256Mi}}\n{extra}");
    let spec = parse_sandbox_documents("t", &text).unwrap().remove(0);
    tartarus::cli::sandbox::new_runs(vec![spec; n])
}

async fn nodes(store: &SharedStore, count: usize, slots: u32, ttl: Duration, prefix: &str) {
    for i in 0..count {
        store
            .heartbeat(&Heartbeat {
                name: format!("{prefix}{i:02}"),
                labels: BTreeMap::new(),
                capacity: Resources {
                    cpu_millis: slots as u64 * 500,
                    memory_bytes: slots as u64 * (256 << 20),
                    gpu: 0,
                    slots,
                },
                version: "t".into(),
                ttl,
            })
            .await
            .unwrap();
    }
}

fn config() -> SchedulerConfig {
    SchedulerConfig {
        batch: 200,
        lease: Duration::from_secs(5),
        ..Default::default()
    }
}

/// Every run is in exactly one place: scheduled on one node (listed there once) or pending.
async fn check_exactly_once(store: &SharedStore, ids: &[String]) -> (u64, u64) {
    let all = store.get_runs(ids).await.unwrap();
    let mut scheduled = 0;
    let mut pending = 0;
    let mut placed = HashSet::new();
    for n in store.nodes().await.unwrap() {
        assert!(
            n.capacity.fits(&Resources::default(), &n.usage),
            "node {} over capacity: {:?} > {:?}",
            n.name,
            n.usage,
            n.capacity
        );
        let on = store.node_runs(&n.name).await.unwrap();
        assert_eq!(
            on.len() as u32,
            n.usage.slots,
            "slots used = runs listed on {}",
            n.name
        );
        for id in on {
            assert!(placed.insert(id.clone()), "run {id} is on two nodes");
        }
    }
    for r in all {
        let r = r.expect("run kept");
        match r.state {
            RunState::Scheduled => {
                scheduled += 1;
                assert!(
                    placed.contains(&r.id),
                    "scheduled run {} not on its node",
                    r.id
                );
                assert_eq!(r.attempts, 1);
            }
            RunState::Pending => {
                pending += 1;
                assert!(
                    r.message
                        .as_deref()
                        .unwrap_or("")
                        .contains("nodes available"),
                    "{:?}",
                    r.message
                );
            }
            other => panic!("run {} ended {other}", r.id),
        }
    }
    assert_eq!(placed.len() as u64, scheduled);
    (scheduled, pending)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_schedulers_assign_each_run_exactly_once() {
    let server = RedisServer::start();
    let s = store(&server).await;
    nodes(&s, 16, 500, Duration::from_secs(60), "n").await; // 8,000 slots for 10,000 runs
    let batch = runs(10_000, "");
    let ids: Vec<String> = batch.iter().map(|r| r.id.clone()).collect();
    s.submit(&batch).await.unwrap();
    let mut a = Scheduler::new(store(&server).await, config())
        .await
        .unwrap();
    let mut b = Scheduler::new(store(&server).await, config())
        .await
        .unwrap();
    let (_tx, rx) = tokio::sync::watch::channel(false);
    let (ra, rb) = tokio::join!(a.run(rx.clone(), true), b.run(rx, true));
    let (ra, rb) = (ra.unwrap(), rb.unwrap());
    assert!(
        ra.scheduled > 0 && rb.scheduled > 0,
        "both worked: {ra:?} {rb:?}"
    );
    let (scheduled, pending) = check_exactly_once(&s, &ids).await;
    assert_eq!((scheduled, pending), (8_000, 2_000));
    assert_eq!(ra.scheduled + rb.scheduled, 8_000);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kill_9_of_a_scheduler_loses_and_duplicates_nothing() {
    let server = RedisServer::start();
    let s = store(&server).await;
    nodes(&s, 4, 1000, Duration::from_secs(120), "k").await;
    let batch = runs(5_000, "");
    let ids: Vec<String> = batch.iter().map(|r| r.id.clone()).collect();
    s.submit(&batch).await.unwrap();
    let bin = assert_cmd::cargo::cargo_bin("tartarus");
    let mut child = std::process::Command::new(bin)
        .env("REDIS_ADDR", server.host_port())
        .args(["-q", "scheduler", "run", "--batch", "50", "--lease", "1s"])
        .spawn()
        .unwrap();
    // Kill it once it is mid-way.
    for _ in 0..200 {
        let counts = s.state_counts().await.unwrap();
        if counts[&RunState::Scheduled] >= 500 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let mid = s.state_counts().await.unwrap()[&RunState::Scheduled];
    assert!(
        mid < 5_000,
        "the kill landed after the work was done ({mid}); the test proves nothing"
    );
    tokio::time::sleep(Duration::from_millis(1100)).await; // leases of the dead scheduler expire
    let mut again = Scheduler::new(s.clone(), config()).await.unwrap();
    let (_tx, rx) = tokio::sync::watch::channel(false);
    again.run(rx, true).await.unwrap();
    let (scheduled, pending) = check_exactly_once(&s, &ids).await;
    assert_eq!((scheduled, pending), (4_000, 1_000));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn policy_changes_reach_running_and_deaf_schedulers() {
    let server = RedisServer::start();
    let s = store(&server).await;
    nodes(&s, 1, 100, Duration::from_secs(60), "p").await;
    let mut sched = Scheduler::new(s.clone(), config()).await.unwrap();
    s.submit(&runs(1, "")).await.unwrap();
    assert_eq!(sched.schedule_batch().await.unwrap().scheduled, 1);
    // A published change: the next batch judges with it.
    let deny = tartarus::control::parse_policies(
        "p",
        "metadata: {name: no-alpine}\nspec:\n  rules:\n    - name: r\n      when: {image: {in: [\"*alpine*\"]}}\n      verdict: deny\n      message: no alpine\n",
    )
    .unwrap()
    .remove(0);
    s.apply_policies(
        &[StoredPolicy {
            name: "no-alpine".into(),
            document: deny.to_json(),
        }],
        "test",
        tartarus::store::History::Keep,
    )
    .await
    .unwrap();
    let batch = runs(1, "");
    s.submit(&batch).await.unwrap();
    let r = sched.schedule_batch().await.unwrap();
    assert_eq!((r.denied, r.scheduled), (1, 0));
    let run = s.get_run(&batch[0].id).await.unwrap().unwrap();
    assert_eq!(
        (run.state, run.verdict, run.policy_version),
        (RunState::Denied, Some(Verdict::Deny), Some(1))
    );
    assert!(
        run.reasons.iter().any(|r| r.contains("no alpine")),
        "{:?}",
        run.reasons
    );
    // A change that was never published (written behind its back): the version check catches it.
    let mut c = server.conn();
    let _: () = redis::cmd("HDEL")
        .arg("themis:{default}:policies")
        .arg("no-alpine")
        .query(&mut c)
        .unwrap();
    let _: () = redis::cmd("INCR")
        .arg("themis:{default}:policies:version")
        .query(&mut c)
        .unwrap();
    let batch = runs(1, "");
    s.submit(&batch).await.unwrap();
    let r = sched.schedule_batch().await.unwrap();
    assert_eq!((r.denied, r.scheduled), (0, 1));
    assert_eq!(sched.policy_version(), 2);
}

/// Runs maintenance every 50 ms until `done` holds for its report (within 10 s); returns that
/// report and how long it took.
async fn maintain_until(
    sched: &mut Scheduler,
    done: impl Fn(&tartarus::scheduler::Report) -> bool,
) -> (tartarus::scheduler::Report, Duration) {
    let t = std::time::Instant::now();
    loop {
        let m = sched.maintenance().await.unwrap();
        if done(&m) {
            return (m, t.elapsed());
        }
        assert!(t.elapsed() < Duration::from_secs(10), "not within 10 s");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn expired_node_runs_move_to_another_node_then_dead_letter() {
    let server = RedisServer::start();
    let s = store(&server).await;
    nodes(&s, 1, 10, Duration::from_millis(400), "short").await;
    let batch = runs(3, "");
    s.submit(&batch).await.unwrap();
    let cfg = SchedulerConfig {
        max_attempts: 2,
        maintenance_every: Duration::ZERO,
        ..config()
    };
    let mut sched = Scheduler::new(s.clone(), cfg).await.unwrap();
    assert_eq!(sched.schedule_batch().await.unwrap().scheduled, 3);
    // The short node dies (no more heartbeats); another one appears. The scheduler requeues
    // only after watching the node's silence for TTL + margin (400 + 40 ms) on its own clock.
    nodes(&s, 1, 10, Duration::from_secs(30), "other").await;
    let (m, watched) = maintain_until(&mut sched, |m| m.requeued_lost > 0).await;
    assert_eq!(m.requeued_lost, 3);
    assert!(watched >= Duration::from_millis(440), "{watched:?}");
    assert_eq!(sched.schedule_batch().await.unwrap().scheduled, 3);
    for r in s
        .get_runs(&batch.iter().map(|r| r.id.clone()).collect::<Vec<_>>())
        .await
        .unwrap()
    {
        let r = r.unwrap();
        assert_eq!(
            (r.state, r.node.as_deref(), r.attempts),
            (RunState::Scheduled, Some("other00"), 2)
        );
        let path: Vec<String> = s
            .run_events(&r.id)
            .await
            .unwrap()
            .into_iter()
            .filter_map(|e| e.to)
            .collect();
        assert_eq!(
            path,
            [
                "admitted",
                "scheduled",
                "lost",
                "queued",
                "admitted",
                "scheduled"
            ]
        );
    }
    // It dies too (a heartbeat with a short TTL, then silence): attempts reached the maximum,
    // so they are dead-lettered.
    nodes(&s, 1, 10, Duration::from_millis(400), "other").await;
    let (m, _) = maintain_until(&mut sched, |m| m.dead_lettered > 0).await;
    assert_eq!(m.dead_lettered, 3, "{m:?}");
    let stats = s.queue_stats().await.unwrap();
    assert_eq!((stats.dead, stats.depth), (3, 0));
    // The operator sees it with the CLI.
    let out = tartarus_on(&server)
        .args(["queue", "list", "dead", "-o", "json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["items"].as_array().map(Vec::len), Some(3));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_corrupt_run_is_dead_lettered_and_the_rest_proceed() {
    let server = RedisServer::start();
    let s = store(&server).await;
    nodes(&s, 1, 10, Duration::from_secs(60), "c").await;
    let batch = runs(3, "");
    s.submit(&batch).await.unwrap();
    let mut c = server.conn();
    let _: () = redis::cmd("HSET")
        .arg(format!("tartarus:{{default}}:run:{}", batch[1].id))
        .arg("spec")
        .arg("{not json")
        .query(&mut c)
        .unwrap();
    let mut sched = Scheduler::new(s.clone(), config()).await.unwrap();
    let r = sched.schedule_batch().await.unwrap();
    assert_eq!((r.claimed, r.scheduled, r.dead_lettered), (3, 2, 1));
    let stats = s.queue_stats().await.unwrap();
    assert_eq!((stats.depth, stats.in_flight, stats.dead), (0, 0, 1));
    // `sandbox get` says what is wrong with it instead of pretending it is gone.
    let out = tartarus_on(&server)
        .args(["sandbox", "get", &batch[1].id])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("corrupt"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// An idle scheduler backs off up to its idle sleep, but a submit wakes it: the run is scheduled
/// long before the sleep it was in would have ended (it had backed off to about 8 s; the bound
/// allows half of that, so the poll alone cannot pass).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_submit_wakes_an_idle_scheduler() {
    let server = RedisServer::start();
    let s = store(&server).await;
    nodes(&s, 1, 4, Duration::from_secs(120), "n").await;
    let cfg = SchedulerConfig {
        idle_sleep: Duration::from_secs(60),
        ..config()
    };
    let (stop, running) = background_loop(&server, cfg).await;
    // Idle sleeps double from 1 ms: after 9 s the one under way lasts about 8 s.
    tokio::time::sleep(Duration::from_secs(9)).await;
    let batch = runs(1, "");
    let submitted = std::time::Instant::now();
    s.submit(&batch).await.unwrap();
    let what = "the submit did not wake the scheduler";
    scheduled_within(&s, &batch[0].id, submitted, Duration::from_secs(4), what).await;
    stop.send(true).unwrap();
    running.await.unwrap().unwrap();
}

/// A scheduler loop with `cfg` running in the background: send `true` to stop it.
async fn background_loop(
    server: &RedisServer,
    cfg: SchedulerConfig,
) -> (
    tokio::sync::watch::Sender<bool>,
    tokio::task::JoinHandle<
        Result<tartarus::scheduler::Report, tartarus::scheduler::SchedulerError>,
    >,
) {
    let mut sched = Scheduler::new(store(server).await, cfg).await.unwrap();
    let (stop, rx) = tokio::sync::watch::channel(false);
    (
        stop,
        tokio::spawn(async move { sched.run(rx, false).await }),
    )
}

/// Waits until run `id` is scheduled, failing with `what` once `within` has passed since `since`.
async fn scheduled_within(
    s: &SharedStore,
    id: &str,
    since: std::time::Instant,
    within: Duration,
    what: &str,
) -> tartarus::model::run::Run {
    loop {
        let run = s.get_run(id).await.unwrap().unwrap();
        if run.state == RunState::Scheduled {
            return run;
        }
        assert!(since.elapsed() < within, "{what}: still {:?}", run.state);
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// A run parked as pending because its node was full is placed as soon as a finish frees a slot,
/// not at the scheduler's next maintenance (an hour away here, so only the finish's requeue and
/// wake-up can do it).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_finish_that_frees_capacity_places_a_pending_run_at_once() {
    let server = RedisServer::start();
    let s = store(&server).await;
    nodes(&s, 1, 1, Duration::from_secs(120), "n").await;
    let cfg = SchedulerConfig {
        idle_sleep: Duration::from_secs(60),
        maintenance_every: Duration::from_secs(3600),
        ..config()
    };
    let (stop, running) = background_loop(&server, cfg).await;
    let batch = runs(2, "");
    s.submit(&batch).await.unwrap();
    let ids: Vec<String> = batch.iter().map(|r| r.id.clone()).collect();
    let decided = std::time::Instant::now();
    let (placed, parked) = loop {
        assert!(
            decided.elapsed() < Duration::from_secs(10),
            "the two runs were not decided"
        );
        let all = s.get_runs(&ids).await.unwrap();
        let states: Vec<RunState> = all.iter().flatten().map(|r| r.state).collect();
        if let [a, b] = states[..] {
            match (a, b) {
                (RunState::Scheduled, RunState::Pending) => break (0, 1),
                (RunState::Pending, RunState::Scheduled) => break (1, 0),
                _ => {}
            }
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    };
    // Let the scheduler go idle (its idle sleep grows towards a minute).
    tokio::time::sleep(Duration::from_secs(2)).await;
    assert_eq!(
        s.get_run(&ids[parked]).await.unwrap().unwrap().state,
        RunState::Pending
    );
    let freed = std::time::Instant::now();
    run_to_end(&s, "n00", &ids[placed]).await;
    let what = "the freed slot did not bring the run back";
    let run = scheduled_within(&s, &ids[parked], freed, Duration::from_secs(5), what).await;
    assert_eq!(run.node.as_deref(), Some("n00"));
    stop.send(true).unwrap();
    running.await.unwrap().unwrap();
}

/// A scheduler that routes on the same read of the nodes for an hour (so every batch after the
/// first routes on that snapshot, with its own placements added).
async fn snapshot_scheduler(s: &SharedStore) -> Scheduler {
    let cfg = SchedulerConfig {
        node_snapshot_age: Duration::from_secs(3600),
        maintenance_every: Duration::from_secs(3600),
        ..config()
    };
    Scheduler::new(s.clone(), cfg).await.unwrap()
}

/// Runs a placed run to its end on `node`.
async fn run_to_end(s: &SharedStore, node: &str, id: &str) {
    let start = RunStart {
        id: id.to_string(),
        attempt: 1,
        log_path: None,
    };
    assert_eq!(
        s.start_runs(node, &[start]).await.unwrap(),
        vec![Applied::Done(RunState::Running)]
    );
    let done = RunFinish {
        id: id.to_string(),
        attempt: 1,
        done: Completion::succeeded(""),
    };
    assert_eq!(
        s.finish_runs(node, &[done]).await.unwrap(),
        vec![Applied::Done(RunState::Succeeded)]
    );
}

/// Between reads of the nodes a scheduler routes on its last read. A snapshot never holds a run
/// back: capacity freed after it was read is not in it, so a run that fits no node in it is
/// decided again on a fresh read instead of being parked as pending.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_snapshot_of_the_nodes_holds_no_run_back() {
    let server = RedisServer::start();
    let s = store(&server).await;
    nodes(&s, 1, 2, Duration::from_secs(30), "one").await;
    let mut sched = snapshot_scheduler(&s).await;
    let first = runs(2, "");
    s.submit(&first).await.unwrap();
    assert_eq!(sched.schedule_batch().await.unwrap().scheduled, 2);
    // The snapshot has one00 full; one of its runs ends, so a new run fits there.
    run_to_end(&s, "one00", &first[0].id).await;
    let second = runs(1, "");
    s.submit(&second).await.unwrap();
    let r = sched.schedule_batch().await.unwrap();
    assert_eq!((r.scheduled, r.pending), (1, 0), "{r:?}");
    let placed = s.get_run(&second[0].id).await.unwrap().unwrap();
    assert_eq!(placed.node.as_deref(), Some("one00"));
}

/// A snapshot never places a run where it no longer fits: a node drained after the snapshot was
/// read still has room in it, the store refuses the placement (the run goes back to the queue),
/// and the next batch reads the nodes again and places it elsewhere.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_snapshot_of_the_nodes_places_no_run_where_it_no_longer_fits() {
    let server = RedisServer::start();
    let s = store(&server).await;
    nodes(&s, 1, 3, Duration::from_secs(30), "one").await;
    let mut sched = snapshot_scheduler(&s).await;
    s.submit(&runs(1, "")).await.unwrap();
    assert_eq!(sched.schedule_batch().await.unwrap().scheduled, 1);
    s.drain_node("one00", true).await.unwrap();
    nodes(&s, 1, 3, Duration::from_secs(30), "two").await;
    let late = runs(1, "");
    s.submit(&late).await.unwrap();
    let r = sched.schedule_batch().await.unwrap();
    assert_eq!((r.scheduled, r.retried), (0, 1), "{r:?}");
    let r = sched.schedule_batch().await.unwrap();
    assert_eq!(r.scheduled, 1, "{r:?}");
    let placed = s.get_run(&late[0].id).await.unwrap().unwrap();
    assert_eq!(placed.node.as_deref(), Some("two00"));
    let one = s.node("one00").await.unwrap().unwrap();
    assert_eq!(one.usage.slots, 1, "{one:?}");
}
