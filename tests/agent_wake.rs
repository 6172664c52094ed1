//! Agents woken by push: a standalone `agent run` starts placed work without waiting for its poll, and its poll still starts work whose wake-up was lost (the subscription killed). Also an ignored benchmark printing the scheduled → started latency of a standalone agent at a steady rate.

mod support;

use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use support::{target, RedisServer};
use tartarus::model::spec::parse_sandbox_documents;
use tartarus::store::keys::Keys;
use tartarus::store::redis::RedisStore;
use tartarus::store::{SharedStore, StoreSettings};

/// A `tartarus` process that is killed when the test ends.
struct Proc(Child);

impl Drop for Proc {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn spawn(server: &RedisServer, args: &[&str]) -> Proc {
    // The benchmark may run a release build's agent and scheduler from a debug test binary.
    let bin = std::env::var_os("TARTARUS_BENCH_BIN")
        .unwrap_or_else(|| env!("CARGO_BIN_EXE_tartarus").into());
    let child = Command::new(bin)
        .env("REDIS_ADDR", server.host_port())
        .env_remove("HADES_LABEL")
        .arg("-q")
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn tartarus");
    Proc(child)
}

/// A folder sandbox uids may traverse (tempfile makes them 0700).
fn tempdir() -> tempfile::TempDir {
    use std::os::unix::fs::PermissionsExt;
    let d = tempfile::tempdir().unwrap();
    std::fs::set_permissions(d.path(), std::fs::Permissions::from_mode(0o711)).unwrap();
    d
}

/// `agent run` for node `name` polling every `poll`.
fn agent(server: &RedisServer, dir: &std::path::Path, name: &str, poll: &str, slots: &str) -> Proc {
    let work = dir.join(format!("{name}-work"));
    let logs = dir.join(format!("{name}-logs"));
    spawn(
        server,
        &[
            "agent",
            "run",
            "--name",
            name,
            "--slots",
            slots,
            "--cpu",
            "64",
            "--poll",
            poll,
            "--work-dir",
            work.to_str().unwrap(),
            "--log-dir",
            logs.to_str().unwrap(),
        ],
    )
}

async fn store(server: &RedisServer) -> SharedStore {
    Arc::new(
        RedisStore::connect(&target(server), Keys::default(), StoreSettings::default())
            .await
            .expect("connect"),
    )
}

/// Subscribers of node `name`'s wake channel.
fn subscribers(server: &RedisServer, name: &str) -> i64 {
    let channel = Keys::default().node_wake_channel(name);
    let (_, n): (String, i64) = redis::cmd("PUBSUB")
        .arg("NUMSUB")
        .arg(&channel)
        .query(&mut server.conn())
        .unwrap();
    n
}

async fn wait_for<T>(what: &str, within: Duration, mut f: impl AsyncFnMut() -> Option<T>) -> T {
    let t = Instant::now();
    loop {
        if let Some(v) = f().await {
            return v;
        }
        assert!(t.elapsed() < within, "{what}: not within {within:?}");
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}

async fn submit(store: &SharedStore, command: &str) -> String {
    let text = format!("spec: {{image: x, command: {command}}}\n");
    let spec = parse_sandbox_documents("t", &text).unwrap().remove(0);
    let runs = tartarus::ops::submit::new_runs(vec![spec]);
    store.submit(&runs).await.unwrap();
    runs[0].id.clone()
}

async fn state(store: &SharedStore, id: &str) -> String {
    store
        .get_run(id)
        .await
        .unwrap()
        .map(|r| r.state.as_str().to_string())
        .unwrap_or_default()
}

/// An agent that is subscribed and past its first poll, which is 30 s away.
async fn idle_agent(server: &RedisServer, dir: &std::path::Path, name: &str) -> Proc {
    let a = agent(server, dir, name, "30s", "4");
    wait_for(
        "the agent subscribed",
        Duration::from_secs(15),
        async || (subscribers(server, name) == 1).then_some(()),
    )
    .await;
    // Its startup step is over once it has announced itself and subscribed; leave it asleep.
    tokio::time::sleep(Duration::from_millis(300)).await;
    a
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn placed_work_starts_without_waiting_for_the_agent_s_poll() {
    let server = RedisServer::start();
    let dir = tempdir();
    let store = store(&server).await;
    let _scheduler = spawn(&server, &["scheduler", "run"]);
    let _agent = idle_agent(&server, dir.path(), "w1").await;
    let t = Instant::now();
    let id = submit(&store, "[\"true\"]").await;
    // A functional bound, far below the 30 s poll: only the wake-up can start it this soon.
    while state(&store, &id).await != "succeeded" {
        if t.elapsed() > Duration::from_secs(5) {
            let events = store.run_events(&id).await.unwrap();
            panic!("the run did not succeed within 5 s: {events:#?}");
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    eprintln!("submitted → succeeded in {:?}", t.elapsed());
    // A second one, so the first wake-up was not a one-off.
    let id = submit(&store, "[\"true\"]").await;
    wait_for(
        "the second run succeeded",
        Duration::from_secs(5),
        async || (state(&store, &id).await == "succeeded").then_some(()),
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_poll_starts_work_whose_wake_up_was_lost() {
    let server = RedisServer::start();
    let dir = tempdir();
    let store = store(&server).await;
    let _scheduler = spawn(&server, &["scheduler", "run"]);
    // Polls every 3 s: the safety net under test.
    let a = agent(&server, dir.path(), "w2", "3s", "4");
    wait_for(
        "the agent subscribed",
        Duration::from_secs(15),
        async || (subscribers(&server, "w2") == 1).then_some(()),
    )
    .await;
    // Kill the subscription; the connection layer renews it only after a pause, so the wake-up
    // of the run placed now has no listener.
    let killed: i64 = redis::cmd("CLIENT")
        .arg("KILL")
        .arg("TYPE")
        .arg("pubsub")
        .query(&mut server.conn())
        .unwrap();
    assert!(killed >= 1, "the agent's subscription was killed");
    assert_eq!(subscribers(&server, "w2"), 0, "nobody listens now");
    let id = submit(&store, "[\"true\"]").await;
    wait_for("the run scheduled", Duration::from_secs(5), async || {
        (state(&store, &id).await != "queued").then_some(())
    })
    .await;
    // The subscription comes back after about a second: on a slow machine it may already be
    // back when the run is placed (then the wake-up starts it, and this run proves less).
    if subscribers(&server, "w2") != 0 {
        eprintln!("note: the agent subscribed again before the run was placed");
    }
    // Only the poll can start it now (within the 3 s poll, plus a generous margin).
    wait_for("the run succeeded", Duration::from_secs(15), async || {
        (state(&store, &id).await == "succeeded").then_some(())
    })
    .await;
    // The subscription came back by itself: the next run is woken again.
    wait_for("subscribed again", Duration::from_secs(10), async || {
        (subscribers(&server, "w2") == 1).then_some(())
    })
    .await;
    let id = submit(&store, "[\"true\"]").await;
    wait_for(
        "the next run succeeded",
        Duration::from_secs(15),
        async || (state(&store, &id).await == "succeeded").then_some(()),
    )
    .await;
    drop(a);
}

/// Percentile `p` (0–100) of sorted values.
fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let i = ((p / 100.0) * (sorted.len() - 1) as f64).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

/// The benchmark of issue 12: a standalone `agent run` (default poll, 200 ms) and a
/// `scheduler run` against a real Redis, runs submitted one by one at a steady 200/s; each
/// sandbox is `date +%s%N`, so it prints the wall-clock time at which it was executed. Prints
/// p50/p99/max of scheduled (the run's `scheduled` event) → started (`started_at`, written right
/// before the spawn) and scheduled → process executed (the sandbox's own clock).
///
/// `cargo build --release && TARTARUS_BENCH_BIN=target/release/tartarus cargo test --test
/// agent_wake bench -- --ignored --nocapture` (`AGENT_BENCH_RUNS`, `AGENT_BENCH_RATE` change the
/// defaults 2000 and 200; without `TARTARUS_BENCH_BIN` the test build's binary runs).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore]
async fn bench_scheduled_to_started_at_a_steady_rate() {
    let env = |k: &str, d: u64| {
        std::env::var(k)
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(d)
    };
    let (total, rate) = (env("AGENT_BENCH_RUNS", 2000), env("AGENT_BENCH_RATE", 200));
    let server = RedisServer::start();
    let dir = tempdir();
    let store = store(&server).await;
    let _scheduler = spawn(&server, &["scheduler", "run"]);
    let _agent = agent(&server, dir.path(), "b1", "200ms", "64");
    wait_for(
        "the agent subscribed",
        Duration::from_secs(15),
        async || (subscribers(&server, "b1") == 1).then_some(()),
    )
    .await;
    let spec = parse_sandbox_documents(
        "t",
        "spec: {image: x, command: [date, \"+%s%N\"], resources: {cpu: 0.1, memory: 16Mi}}\n",
    )
    .unwrap()
    .remove(0);
    let period = Duration::from_secs_f64(1.0 / rate as f64);
    let mut ids = Vec::new();
    let t0 = tokio::time::Instant::now();
    for i in 0..total {
        tokio::time::sleep_until(t0 + period * i as u32).await;
        let runs = tartarus::ops::submit::new_runs(vec![spec.clone()]);
        store.submit(&runs).await.unwrap();
        ids.push(runs[0].id.clone());
    }
    let submitted = t0.elapsed();
    wait_for("every run finished", Duration::from_secs(120), async || {
        let states = store.run_states(&ids).await.unwrap();
        states
            .iter()
            .all(|s| s.as_ref().is_some_and(|s| s.state.is_terminal()))
            .then_some(())
    })
    .await;
    let runs = store.runs_with_events(&ids).await.unwrap();
    let (mut to_running, mut to_exec) = (Vec::new(), Vec::new());
    let mut failed = 0;
    for (run, events) in runs.into_iter().flatten() {
        let scheduled = events
            .iter()
            .find(|e| e.to.as_deref() == Some("scheduled"))
            .map(|e| e.at);
        let (Some(scheduled), Some(started)) = (scheduled, run.started_at) else {
            failed += 1;
            continue;
        };
        to_running.push((started - scheduled) as f64);
        match run.log_tail.trim().parse::<u128>() {
            Ok(ns) => to_exec.push(ns as f64 / 1e6 - scheduled as f64),
            Err(_) => failed += 1,
        }
    }
    to_running.sort_by(f64::total_cmp);
    to_exec.sort_by(f64::total_cmp);
    let line = |what: &str, v: &[f64]| {
        println!(
            "{what}: p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms ({} runs)",
            percentile(v, 50.0),
            percentile(v, 99.0),
            percentile(v, 100.0),
            v.len()
        )
    };
    println!(
        "standalone agent (poll 200 ms), {total} runs of `date` submitted at {rate}/s (took {submitted:?}); times in ms, from event timestamps (1 ms resolution)"
    );
    line("scheduled → running (started_at)", &to_running);
    line("scheduled → sandbox process executing", &to_exec);
    assert_eq!(failed, 0, "every run has its times and printed its clock");
}
