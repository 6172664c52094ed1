//! Schedulers announce themselves: a TTL key per running scheduler (library loop and `tartarus scheduler run`), gone on a clean exit and expired after a crash.

mod support;

use std::sync::Arc;
use std::time::{Duration, Instant};

use support::{json, target, tartarus_on, RedisServer};
use tartarus::scheduler::{Scheduler, SchedulerConfig};
use tartarus::store::redis::RedisStore;
use tartarus::store::{SharedStore, StoreSettings};

async fn store(server: &RedisServer) -> SharedStore {
    Arc::new(
        RedisStore::connect(
            &target(server),
            tartarus::store::keys::Keys::default(),
            StoreSettings::default(),
        )
        .await
        .unwrap(),
    )
}

/// Polls `probe` every 50 ms until it holds or `limit` passes.
async fn eventually(limit: Duration, mut probe: impl AsyncFnMut() -> bool) -> bool {
    let deadline = Instant::now() + limit;
    while Instant::now() < deadline {
        if probe().await {
            return true;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    probe().await
}

fn scheduler_keys(server: &RedisServer) -> Vec<String> {
    let mut c = server.conn();
    let mut keys = Vec::new();
    let mut cursor = 0u64;
    loop {
        let (next, batch): (u64, Vec<String>) = redis::cmd("SCAN")
            .arg(cursor)
            .arg("MATCH")
            .arg("tartarus:{default}:scheduler*")
            .arg("COUNT")
            .arg(1000)
            .query(&mut c)
            .unwrap();
        keys.extend(batch);
        cursor = next;
        if cursor == 0 {
            break;
        }
    }
    keys.sort();
    keys
}

#[tokio::test]
async fn a_running_scheduler_is_listed_until_it_stops() {
    let server = RedisServer::start();
    let store = store(&server).await;
    let mut sched = Scheduler::new(store.clone(), SchedulerConfig::default())
        .await
        .unwrap();
    let id = sched.id().to_string();
    let (stop, rx) = tokio::sync::watch::channel(false);
    let task = tokio::spawn(async move { sched.run(rx, false).await });
    assert!(
        eventually(Duration::from_secs(10), async || store
            .schedulers()
            .await
            .unwrap()
            .len()
            == 1)
        .await,
        "the scheduler never announced itself"
    );
    let live = store.schedulers().await.unwrap();
    assert_eq!(live[0].id, id);
    assert_eq!(live[0].pid, std::process::id());
    assert_eq!(live[0].version, env!("CARGO_PKG_VERSION"));
    assert_eq!(live[0].ttl_ms, 5_000);
    // The key carries a TTL, as a node's does.
    let mut c = server.conn();
    let pttl: i64 = redis::cmd("PTTL")
        .arg(format!("tartarus:{{default}}:scheduler:{id}"))
        .query(&mut c)
        .unwrap();
    assert!(pttl > 0 && pttl <= 5_000, "PTTL {pttl}");
    // The announcement is refreshed from the loop: after more than a TTL it is still there.
    // (Refreshed every TTL/3, 1.7 s: polled for up to 10 s, a loaded machine is slow.)
    let first_beat = live[0].last_beat;
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    loop {
        tokio::time::sleep(Duration::from_millis(100)).await;
        let live = store.schedulers().await.unwrap();
        assert_eq!(live.len(), 1);
        if live[0].last_beat > first_beat {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "last_beat never moved in 10 s"
        );
    }

    stop.send(true).unwrap();
    task.await.unwrap().unwrap();
    assert!(store.schedulers().await.unwrap().is_empty());
    assert_eq!(
        scheduler_keys(&server),
        Vec::<String>::new(),
        "a clean exit leaves no scheduler key"
    );
    assert_eq!(
        support::queue_stats(&server)["live_schedulers"],
        serde_json::json!(0)
    );
}

#[tokio::test]
async fn a_crashed_scheduler_expires_after_its_ttl() {
    let server = RedisServer::start();
    let store = store(&server).await;
    let config = SchedulerConfig {
        announce_ttl: Duration::from_millis(600),
        ..Default::default()
    };
    let mut sched = Scheduler::new(store.clone(), config).await.unwrap();
    let (_stop, rx) = tokio::sync::watch::channel(false);
    let task = tokio::spawn(async move { sched.run(rx, false).await });
    assert!(
        eventually(Duration::from_secs(10), async || store
            .schedulers()
            .await
            .unwrap()
            .len()
            == 1)
        .await
    );
    // Killed mid-loop: no clean exit, so nothing retires the announcement.
    task.abort();
    let _ = task.await;
    let started = Instant::now();
    assert!(
        eventually(Duration::from_secs(10), async || store
            .schedulers()
            .await
            .unwrap()
            .is_empty())
        .await,
        "the announcement outlived its TTL"
    );
    assert!(started.elapsed() >= Duration::from_millis(100));
}

#[test]
fn queue_stats_shows_the_scheduler_process() {
    let server = RedisServer::start();
    let bin = assert_cmd::cargo::cargo_bin("tartarus");
    let mut child = std::process::Command::new(bin)
        .args(["scheduler", "run", "-q"])
        .env("REDIS_ADDR", server.host_port())
        .env_remove("REDIS_QUEUE_KEY")
        .env_remove("TARTARUS_ENV")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(20);
    let mut stats = serde_json::Value::Null;
    while Instant::now() < deadline {
        stats = json(
            &tartarus_on(&server)
                .args(["queue", "stats", "-o", "json"])
                .output()
                .unwrap()
                .stdout,
        );
        if stats["live_schedulers"] == 1 {
            break;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    assert_eq!(stats["live_schedulers"], 1, "{stats}");
    let s = &stats["schedulers"][0];
    assert_eq!(s["pid"], child.id());
    assert_eq!(s["ttl_ms"], 5_000);
    for time in ["started_at", "last_beat"] {
        let text = s[time].as_str().unwrap_or_default();
        assert!(
            text.ends_with('Z') && tartarus::output::parse_timestamp(text).is_ok(),
            "{time}: {s}"
        );
    }
    let table = tartarus_on(&server)
        .args(["queue", "stats"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&table.stdout);
    assert!(
        text.contains(&format!("pid {}", child.id())),
        "the table names the scheduler: {text}"
    );
    // SIGTERM: a clean exit removes the announcement at once (no waiting for the TTL).
    unsafe { libc::kill(child.id() as i32, libc::SIGTERM) };
    let status = child.wait().unwrap();
    assert!(status.success(), "{status:?}");
    assert_eq!(support::queue_stats(&server)["live_schedulers"], 0);
    assert!(scheduler_keys(&server).is_empty());
}
