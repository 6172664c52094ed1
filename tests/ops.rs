//! The use cases of `src/ops` called directly, on the in-memory store: waits that fail fast (stuck
//! pending, timeout) and do not fail when a run only waits for capacity, and `up` to the end.

use std::collections::BTreeMap;
use std::os::unix::fs::PermissionsExt;
use std::sync::Arc;
use std::time::{Duration, Instant};

use tartarus::exit;
use tartarus::model::node::Resources;
use tartarus::model::spec::parse_sandbox_documents;
use tartarus::ops::submit::new_runs;
use tartarus::ops::up::{run_up, UpPlan};
use tartarus::ops::wait::{wait_for_runs, WaitError, WaitOptions};
use tartarus::scheduler::{Scheduler, SchedulerConfig};
use tartarus::store::memory::MemoryStore;
use tartarus::store::{Heartbeat, SharedStore, StoreSettings};
use tokio::sync::watch;

fn store() -> SharedStore {
    Arc::new(MemoryStore::new(StoreSettings::default()))
}

fn runs(yaml: &str) -> Vec<tartarus::model::run::Run> {
    new_runs(parse_sandbox_documents("test", yaml).unwrap())
}

/// A scheduler loop in the background until the returned sender says stop.
async fn scheduler(store: &SharedStore) -> watch::Sender<bool> {
    let (tx, rx) = watch::channel(false);
    let mut s = Scheduler::new(store.clone(), SchedulerConfig::default())
        .await
        .unwrap();
    tokio::spawn(async move { s.run(rx, false).await });
    tx
}

fn node(name: &str, slots: u32) -> Heartbeat {
    Heartbeat {
        name: name.into(),
        labels: BTreeMap::new(),
        capacity: Resources {
            cpu_millis: 4000,
            memory_bytes: 8 << 30,
            gpu: 0,
            slots,
        },
        version: "test".into(),
        ttl: Duration::from_secs(60),
    }
}

fn quick(pending: Duration, timeout: Option<Duration>) -> WaitOptions {
    WaitOptions {
        timeout,
        pending_timeout: Some(pending),
        check_every: Duration::from_millis(50),
        ..Default::default()
    }
}

#[tokio::test]
async fn a_run_no_node_can_take_fails_the_wait_with_the_reason() {
    let store = store();
    let stop = scheduler(&store).await;
    // A GPU run on a pool without GPUs: pending, and no node would ever take it.
    let batch = runs("spec: {image: x, command: ['true'], resources: {gpu: 1}, heat: inferno}\n");
    store.heartbeat(&node("plain", 4)).await.unwrap();
    store.submit(&batch).await.unwrap();
    let ids = vec![batch[0].id.clone()];
    let t = Instant::now();
    let err = wait_for_runs(
        &*store,
        &ids,
        &quick(Duration::from_millis(300), Some(Duration::from_secs(20))),
        &mut |_| {},
    )
    .await
    .unwrap_err();
    assert!(matches!(err, WaitError::StuckPending { .. }), "{err}");
    assert_eq!(err.code(), exit::STUCK_PENDING);
    let text = err.to_string();
    assert!(text.contains("nodes available"), "the run's reason: {text}");
    assert!(t.elapsed() < Duration::from_secs(10), "{:?}", t.elapsed());
    let _ = stop.send(true);
}

#[tokio::test]
async fn a_run_waiting_for_capacity_is_not_stuck() {
    let store = store();
    let stop = scheduler(&store).await;
    store.heartbeat(&node("one-slot", 1)).await.unwrap();
    // No agent: the first run keeps the only slot (scheduled); the second waits for it.
    let batch =
        runs("spec: {image: x, command: ['true']}\n---\nspec: {image: x, command: ['true']}\n");
    store.submit(&batch).await.unwrap();
    let ids = vec![batch[1].id.clone()];
    let err = wait_for_runs(
        &*store,
        &ids,
        &quick(
            Duration::from_millis(200),
            Some(Duration::from_millis(1500)),
        ),
        &mut |_| {},
    )
    .await
    .unwrap_err();
    assert!(matches!(err, WaitError::TimedOut { .. }), "{err}");
    assert_eq!(err.code(), exit::WAIT_TIMED_OUT);
    let states = store.run_states(&ids).await.unwrap();
    assert_eq!(
        states[0].as_ref().map(|s| s.state),
        Some(tartarus::model::run::RunState::Pending),
        "it really was pending"
    );
    let _ = stop.send(true);
}

#[tokio::test]
async fn a_wait_for_finished_runs_returns_them() {
    let store = store();
    let batch = runs("spec: {image: x, command: ['true']}\n");
    store.submit(&batch).await.unwrap();
    store.cancel(&batch[0].id, "test").await.unwrap();
    let got = wait_for_runs(
        &*store,
        &[batch[0].id.clone()],
        &WaitOptions::default(),
        &mut |_| {},
    )
    .await
    .unwrap();
    assert_eq!(got.len(), 1);
    assert_eq!(
        tartarus::ops::wait::worst_code(got.iter().map(|r| r.state)),
        exit::RUN_CANCELLED
    );
    let err = wait_for_runs(
        &*store,
        &["nope".to_string()],
        &WaitOptions::default(),
        &mut |_| {},
    )
    .await
    .unwrap_err();
    assert_eq!(err.code(), exit::NOT_FOUND);
}

#[tokio::test]
async fn up_runs_a_file_to_the_end_and_reports_the_worst_run() {
    let store = store();
    let dir = tempfile::tempdir().unwrap();
    // Sandbox uids (when the tests run as root) must be able to traverse to their folders.
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o711)).unwrap();
    let base = dir.path().to_path_buf();
    let executor_for: tartarus::ops::up::ExecutorFor = Arc::new(move |name: &str| {
        let mut c = tartarus::executor::ExecutorConfig::new(
            tartarus::executor::Runtime::Process,
            base.join(name).join("work"),
            base.join(name).join("logs"),
        );
        // The supervisor is the tartarus binary in its hidden mode, not this test binary.
        c.supervisor_exe = env!("CARGO_BIN_EXE_tartarus").into();
        c
    });
    let plan = UpPlan {
        nodes: vec![node("n1", 4)],
        agents: Some(executor_for),
        policies: Vec::new(),
        runs: runs("metadata: {name: ok}\nspec: {image: x, command: ['true']}\n---\nmetadata: {name: bad}\nspec: {image: x, command: [sh, -c, 'exit 4']}\n"),
        until_idle: true,
        scheduler: SchedulerConfig::default(),
    };
    let (_tx, rx) = watch::channel(false);
    let outcome = tokio::time::timeout(Duration::from_secs(60), run_up(store, plan, rx))
        .await
        .expect("up went idle")
        .unwrap();
    let by_name: BTreeMap<_, _> = outcome
        .runs
        .iter()
        .map(|r| (r.name.as_str(), (r.state, r.exit_code)))
        .collect();
    use tartarus::model::run::RunState;
    assert_eq!(by_name["ok"], (RunState::Succeeded, Some(0)));
    assert_eq!(by_name["bad"], (RunState::Failed, Some(4)));
    assert_eq!(outcome.exit_code(), exit::RUN_FAILED);
    assert_eq!(outcome.agents, 1);
}

#[tokio::test]
async fn a_wait_without_a_live_scheduler_fails_fast() {
    let store = store();
    let batch = runs("spec: {image: x, command: ['true']}\n");
    store.submit(&batch).await.unwrap();
    let opts = WaitOptions {
        scheduler_grace: Duration::from_millis(300),
        ..Default::default()
    };
    let t = Instant::now();
    let err = wait_for_runs(&*store, &[batch[0].id.clone()], &opts, &mut |_| {})
        .await
        .unwrap_err();
    assert!(matches!(err, WaitError::NoScheduler { .. }), "{err}");
    assert_eq!(err.code(), exit::NO_SCHEDULER);
    assert!(
        err.to_string().contains("scheduler run"),
        "says what to do: {err}"
    );
    assert!(t.elapsed() < Duration::from_secs(3), "{:?}", t.elapsed());
}

#[tokio::test]
async fn a_scheduler_that_dies_during_the_wait_is_noticed() {
    let store = store();
    let stop = scheduler(&store).await;
    // No node: the run stays queued/pending, which needs a scheduler to move on.
    let batch = runs("spec: {image: x, command: ['true']}\n");
    store.submit(&batch).await.unwrap();
    let killer = {
        tokio::spawn(async move {
            tokio::time::sleep(Duration::from_millis(500)).await;
            let _ = stop.send(true); // a clean exit retires the announcement
        })
    };
    let opts = WaitOptions {
        pending_timeout: None,
        check_every: Duration::from_millis(100),
        scheduler_grace: Duration::from_millis(100),
        ..Default::default()
    };
    let err = wait_for_runs(&*store, &[batch[0].id.clone()], &opts, &mut |_| {})
        .await
        .unwrap_err();
    killer.await.unwrap();
    assert_eq!(err.code(), exit::NO_SCHEDULER, "{err}");
}

#[tokio::test]
async fn a_placed_run_needs_no_scheduler_to_finish() {
    let store = store();
    store.heartbeat(&node("n1", 2)).await.unwrap();
    let batch = runs("spec: {image: x, command: ['true']}\n");
    store.submit(&batch).await.unwrap();
    // One batch by hand: the run is scheduled on n1, and no scheduler stays alive.
    let mut s = Scheduler::new(store.clone(), SchedulerConfig::default())
        .await
        .unwrap();
    s.schedule_batch().await.unwrap();
    assert!(store.schedulers().await.unwrap().is_empty());
    let opts = WaitOptions {
        timeout: Some(Duration::from_millis(800)),
        check_every: Duration::from_millis(50),
        scheduler_grace: Duration::from_millis(50),
        ..Default::default()
    };
    let err = wait_for_runs(&*store, &[batch[0].id.clone()], &opts, &mut |_| {})
        .await
        .unwrap_err();
    assert!(
        matches!(err, WaitError::TimedOut { .. }),
        "an agent can still finish it: {err}"
    );
}
