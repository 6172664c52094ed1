//! The store contract, run against every backend: a real redis-server, a real Redis Cluster (3
//! masters, each case in a cell of its own, so the cells spread over the masters) and the
//! in-memory store.

mod support;

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

use support::{target, RedisServer};
use tartarus::model::node::Resources;
use tartarus::model::run::{Event, Run, RunState, Verdict};
use tartarus::model::spec::{parse_sandbox_documents, Heat};
use tartarus::store::memory::MemoryStore;
use tartarus::store::redis::RedisStore;
use tartarus::store::*;

fn settings() -> StoreSettings {
    StoreSettings {
        dead_letter_cap: 3,
        submit_batch: 7,
        policy_history_bytes: 64 << 10,
        idempotency_ttl: Duration::from_secs(2),
        ..Default::default()
    }
}

async fn redis_store(server: &RedisServer) -> SharedStore {
    Arc::new(
        RedisStore::connect(
            &target(server),
            tartarus::store::keys::Keys::default(),
            settings(),
        )
        .await
        .expect("connect"),
    )
}

fn runs(n: usize, priority: u32) -> Vec<Run> {
    let text = format!("metadata: {{name: job, labels: {{team: a}}}}\nspec:\n  image: alpine\n  command: [\"true\"]\n  priority: {priority}\n  resources: {{cpu: 1, memory: 1Gi}}\n");
    let spec = parse_sandbox_documents("t", &text).unwrap().remove(0);
    tartarus::cli::sandbox::new_runs(vec![spec; n])
}

fn outcome(id: &str, decision: Decision) -> Outcome {
    Outcome {
        id: id.to_string(),
        decision,
        verdict: Verdict::Allow,
        reasons: vec!["no policy matched".into()],
        policy_version: 4,
        heat: Heat::Warm,
        quarantined: false,
        message: None,
    }
}

fn one_cpu() -> Resources {
    Resources {
        cpu_millis: 1000,
        memory_bytes: 1 << 30,
        gpu: 0,
        slots: 1,
    }
}

async fn node(store: &SharedStore, name: &str, slots: u32, ttl: Duration) {
    let capacity = Resources {
        cpu_millis: 4000,
        memory_bytes: 8 << 30,
        gpu: 0,
        slots,
    };
    node_of(store, name, capacity, ttl).await;
}

fn labels(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

/// A heartbeat of node `name` declaring these labels (4 CPUs, 4 slots), alive for `ttl`.
async fn beat(store: &SharedStore, name: &str, declared: &[(&str, &str)], ttl: Duration) {
    store
        .heartbeat(&Heartbeat {
            name: name.into(),
            labels: labels(declared),
            capacity: Resources {
                cpu_millis: 4000,
                memory_bytes: 8 << 30,
                gpu: 0,
                slots: 4,
            },
            version: "test".into(),
            ttl,
        })
        .await
        .unwrap();
}

/// A node (zone `a`) of this capacity, alive for `ttl`.
async fn node_of(store: &SharedStore, name: &str, capacity: Resources, ttl: Duration) {
    store
        .heartbeat(&Heartbeat {
            name: name.into(),
            labels: BTreeMap::from([("zone".to_string(), "a".to_string())]),
            capacity,
            version: "test".into(),
            ttl,
        })
        .await
        .unwrap();
}

async fn submit_get_list_and_count(store: SharedStore) {
    let batch = runs(25, 0);
    store.submit(&batch).await.unwrap();
    let got = store
        .get_run(&batch[3].id)
        .await
        .unwrap()
        .expect("run stored");
    assert_eq!(got.spec, batch[3].spec);
    assert_eq!(got.state, RunState::Queued);
    assert!(store.get_run("01NOPE").await.unwrap().is_none());
    let counts = store.state_counts().await.unwrap();
    assert_eq!(counts[&RunState::Queued], 25);
    // Paging: 10 + 10 + 5, in creation order, no overlap.
    let f = RunFilter::default();
    let p1 = store.list_runs(&f, None, 10).await.unwrap();
    let p2 = store
        .list_runs(&f, p1.next_cursor.as_deref(), 10)
        .await
        .unwrap();
    let p3 = store
        .list_runs(&f, p2.next_cursor.as_deref(), 10)
        .await
        .unwrap();
    let ids: Vec<String> = p1
        .runs
        .iter()
        .chain(&p2.runs)
        .chain(&p3.runs)
        .map(|r| r.id.clone())
        .collect();
    assert_eq!(ids, batch.iter().map(|r| r.id.clone()).collect::<Vec<_>>());
    assert!(p3.next_cursor.is_none());
    let by_state = RunFilter {
        state: Some(RunState::Running),
        ..Default::default()
    };
    assert!(store
        .list_runs(&by_state, None, 10)
        .await
        .unwrap()
        .runs
        .is_empty());
    let by_label = RunFilter {
        label: Some(("team".into(), "b".into())),
        ..Default::default()
    };
    assert!(store
        .list_runs(&by_label, None, 10)
        .await
        .unwrap()
        .runs
        .is_empty());
    let stats = store.queue_stats().await.unwrap();
    assert_eq!(
        (stats.depth, stats.in_flight, stats.total_runs),
        (25, 0, 25)
    );
}

async fn claim_order_leases_and_reaping(store: SharedStore) {
    let low = runs(3, 0);
    let high = runs(2, 500);
    store.submit(&low).await.unwrap();
    store.submit(&high).await.unwrap();
    let c = store.claim(3, Duration::from_secs(30)).await.unwrap();
    let got: Vec<&str> = c.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(
        got,
        vec![high[0].id.as_str(), high[1].id.as_str(), low[0].id.as_str()]
    );
    let stats = store.queue_stats().await.unwrap();
    assert_eq!((stats.depth, stats.in_flight), (2, 3));
    // Release puts them back; a short lease expires and is reaped.
    store.release(&[high[0].id.clone()]).await.unwrap();
    assert_eq!(store.queue_stats().await.unwrap().depth, 3);
    let c2 = store.claim(10, Duration::from_millis(1)).await.unwrap();
    assert_eq!(c2.len(), 3);
    tokio::time::sleep(Duration::from_millis(20)).await;
    let mut reaped = store.reap_expired_leases().await.unwrap();
    reaped.sort();
    let mut expect: Vec<String> = c2.iter().map(|c| c.id.clone()).collect();
    expect.sort();
    assert_eq!(reaped, expect);
    let stats = store.queue_stats().await.unwrap();
    assert_eq!((stats.depth, stats.in_flight), (3, 2));
    // Paused: nothing is claimed.
    store.set_paused(true).await.unwrap();
    assert!(store
        .claim(10, Duration::from_secs(5))
        .await
        .unwrap()
        .is_empty());
    assert!(store.queue_stats().await.unwrap().paused);
    store.set_paused(false).await.unwrap();
    assert_eq!(
        store.claim(10, Duration::from_secs(5)).await.unwrap().len(),
        3
    );
}

async fn outcomes_are_atomic_and_capacity_checked(store: SharedStore) {
    node(&store, "n1", 2, Duration::from_secs(30)).await;
    let batch = runs(6, 0);
    store.submit(&batch).await.unwrap();
    let ids: Vec<String> = batch.iter().map(|r| r.id.clone()).collect();
    // An unclaimed run cannot be decided.
    let r = store
        .apply_outcomes(&[outcome(&ids[0], Decision::Deny)])
        .await
        .unwrap();
    assert_eq!(r, vec![Applied::Stale]);
    store.claim(6, Duration::from_secs(30)).await.unwrap();
    let assign = |id: &str| {
        outcome(
            id,
            Decision::Assign {
                node: "n1".into(),
                want: one_cpu(),
            },
        )
    };
    let mut pending = outcome(&ids[4], Decision::Pending);
    pending.message = Some("0/1 nodes available: 1 full".into());
    let applied = store
        .apply_outcomes(&[
            outcome(&ids[0], Decision::Deny),
            outcome(&ids[1], Decision::Reject),
            assign(&ids[2]),
            assign(&ids[3]),
            pending,
            assign(&ids[5]),
        ])
        .await
        .unwrap();
    assert_eq!(
        applied,
        vec![
            Applied::Done(RunState::Denied),
            Applied::Done(RunState::Rejected),
            Applied::Done(RunState::Scheduled),
            Applied::Done(RunState::Scheduled),
            Applied::Done(RunState::Pending),
            Applied::NodeUnavailable,
        ]
    );
    let n1 = store.node("n1").await.unwrap().unwrap();
    assert_eq!((n1.usage.slots, n1.usage.cpu_millis), (2, 2000));
    let scheduled = store.get_run(&ids[2]).await.unwrap().unwrap();
    assert_eq!(
        (
            scheduled.node.as_deref(),
            scheduled.attempts,
            scheduled.policy_version
        ),
        (Some("n1"), 1, Some(4))
    );
    assert_eq!(scheduled.verdict, Some(Verdict::Allow));
    let parked = store.get_run(&ids[4]).await.unwrap().unwrap();
    assert_eq!(
        parked.message.as_deref(),
        Some("0/1 nodes available: 1 full")
    );
    let stats = store.queue_stats().await.unwrap();
    assert_eq!((stats.depth, stats.pending, stats.in_flight), (1, 1, 0));
    assert_eq!(store.node_runs("n1").await.unwrap().len(), 2);
    // Deciding the same run twice does nothing.
    assert_eq!(
        store
            .apply_outcomes(&[outcome(&ids[0], Decision::Deny)])
            .await
            .unwrap(),
        vec![Applied::Stale]
    );
    // Pending runs wake up into the queue.
    assert_eq!(store.wake_pending(0).await.unwrap(), 0);
    assert_eq!(store.wake_pending(10).await.unwrap(), 1);
    assert_eq!(store.queue_stats().await.unwrap().depth, 2);
    let counts = store.state_counts().await.unwrap();
    assert_eq!(
        (
            counts[&RunState::Denied],
            counts[&RunState::Rejected],
            counts[&RunState::Scheduled],
            counts[&RunState::Pending]
        ),
        (1, 1, 2, 1)
    );
    // History of a scheduled run: queued→admitted→scheduled.
    let events = store.run_events(&ids[2]).await.unwrap();
    let path: Vec<(Option<String>, Option<String>)> = events
        .iter()
        .map(|e| (e.from.clone(), e.to.clone()))
        .collect();
    assert_eq!(
        path,
        vec![
            (Some("queued".into()), Some("admitted".into())),
            (Some("admitted".into()), Some("scheduled".into()))
        ]
    );
}

async fn cancel_frees_capacity_and_refuses_finished_runs(store: SharedStore) {
    node(&store, "n1", 4, Duration::from_secs(30)).await;
    let batch = runs(2, 0);
    store.submit(&batch).await.unwrap();
    store.claim(1, Duration::from_secs(30)).await.unwrap();
    store
        .apply_outcomes(&[outcome(
            &batch[0].id,
            Decision::Assign {
                node: "n1".into(),
                want: one_cpu(),
            },
        )])
        .await
        .unwrap();
    assert_eq!(
        store.start_run(&batch[0].id, "n1", 1, None).await.unwrap(),
        Applied::Done(RunState::Running)
    );
    let c = store.cancel(&batch[0].id, "operator").await.unwrap();
    assert_eq!(
        (c.state, c.message.as_deref()),
        (RunState::Cancelled, Some("operator"))
    );
    assert_eq!(store.node("n1").await.unwrap().unwrap().usage.slots, 0);
    assert!(store.node_runs("n1").await.unwrap().is_empty());
    // Queued run: leaves the queue.
    store.cancel(&batch[1].id, "operator").await.unwrap();
    assert_eq!(store.queue_stats().await.unwrap().depth, 0);
    assert!(matches!(
        store.cancel(&batch[1].id, "again").await,
        Err(StoreError::Conflict { .. })
    ));
    assert!(matches!(
        store.cancel("01NOPE", "x").await,
        Err(StoreError::RunNotFound(_))
    ));
    // The agent's late completion is stale, but the output it produced is kept.
    let done = Completion::succeeded("partial output\n");
    assert_eq!(
        store
            .finish_run(&batch[0].id, "n1", 1, &done)
            .await
            .unwrap(),
        Applied::Stale
    );
    let run = store.get_run(&batch[0].id).await.unwrap().unwrap();
    assert_eq!(
        (run.state, run.log_tail.as_str()),
        (RunState::Cancelled, "partial output\n")
    );
}

async fn delete_discard_and_quiet_policy_changes(store: SharedStore) {
    node(&store, "n1", 4, Duration::from_secs(30)).await;
    let batch = runs(3, 0);
    store.submit(&batch).await.unwrap();
    store.claim(3, Duration::from_secs(30)).await.unwrap();
    store
        .apply_outcomes(&[outcome(
            &batch[0].id,
            Decision::Assign {
                node: "n1".into(),
                want: one_cpu(),
            },
        )])
        .await
        .unwrap();
    // Delete a placed run: its reservation goes back, nothing of it is left.
    assert!(store.delete_run(&batch[0].id).await.unwrap());
    assert!(!store.delete_run(&batch[0].id).await.unwrap());
    assert!(store.get_run(&batch[0].id).await.unwrap().is_none());
    assert_eq!(
        store.node("n1").await.unwrap().unwrap().usage,
        Resources::default()
    );
    assert!(store.node_runs("n1").await.unwrap().is_empty());
    // Discard a claimed run: it leaves the leases and is dead-lettered with the reason.
    store
        .discard_unreadable(&batch[1].id, "unreadable spec")
        .await
        .unwrap();
    let dead = store.get_run(&batch[1].id).await.unwrap().unwrap();
    assert_eq!(
        (dead.state, dead.message.as_deref()),
        (RunState::Dead, Some("unreadable spec"))
    );
    let stats = store.queue_stats().await.unwrap();
    assert_eq!((stats.in_flight, stats.dead, stats.total_runs), (1, 1, 2));
    assert_eq!(store.state_counts().await.unwrap()[&RunState::Dead], 1);
    // The newest event id moves with every event.
    let before = store
        .latest_event_id()
        .await
        .unwrap()
        .expect("events exist");
    store.cancel(&batch[2].id, "x").await.unwrap();
    let after = store.latest_event_id().await.unwrap().unwrap();
    assert_ne!(before, after);
    let next = store
        .read_events(Some(&before), 10, Duration::ZERO)
        .await
        .unwrap();
    assert_eq!(next.last().map(|e| e.id.clone()), Some(after));
    // Policy changes without history still bump the version and publish.
    let p = StoredPolicy {
        name: "canary".into(),
        document: "{}".into(),
    };
    assert_eq!(
        store
            .apply_policies(&[p], "verify", History::Skip)
            .await
            .unwrap(),
        PolicyWrite {
            version: 1,
            changed: true
        }
    );
    assert_eq!(
        store
            .delete_policies(&["canary".into()], "verify", History::Skip)
            .await
            .unwrap(),
        PolicyWrite {
            version: 2,
            changed: true
        }
    );
    assert!(store.policy_history(10).await.unwrap().is_empty());
}

async fn agent_lifecycle(store: SharedStore) {
    node(&store, "n1", 4, Duration::from_secs(30)).await;
    let batch = runs(1, 0);
    let id = batch[0].id.clone();
    store.submit(&batch).await.unwrap();
    store.claim(1, Duration::from_secs(30)).await.unwrap();
    store
        .apply_outcomes(&[outcome(
            &id,
            Decision::Assign {
                node: "n1".into(),
                want: one_cpu(),
            },
        )])
        .await
        .unwrap();
    assert_eq!(
        store.start_run(&id, "n2", 1, None).await.unwrap(),
        Applied::Stale
    );
    assert_eq!(
        store
            .start_run(&id, "n1", 1, Some("/var/log/t.log"))
            .await
            .unwrap(),
        Applied::Done(RunState::Running)
    );
    assert_eq!(
        store
            .run_states(&[id.clone(), "nope".into()])
            .await
            .unwrap(),
        vec![
            Some(RunStatus {
                state: RunState::Running,
                node: Some("n1".into()),
                attempts: 1,
            }),
            None
        ]
    );
    let done = Completion {
        state: RunState::Failed,
        exit_code: Some(3),
        message: Some("exit 3".into()),
        log_tail: "boom\n".into(),
    };
    assert_eq!(
        store.finish_run(&id, "n1", 1, &done).await.unwrap(),
        Applied::Done(RunState::Failed)
    );
    let run = store.get_run(&id).await.unwrap().unwrap();
    assert_eq!(
        (run.state, run.exit_code, run.log_tail.as_str()),
        (RunState::Failed, Some(3), "boom\n")
    );
    assert!(run.started_at.is_some() && run.finished_at.is_some());
    assert_eq!(run.log_path.as_deref(), Some("/var/log/t.log"));
    assert_eq!(
        store.node("n1").await.unwrap().unwrap().usage,
        Resources::default()
    );
}

/// The node's heartbeat counter, TTL and run count as a scheduler reads them.
async fn lease_of(store: &SharedStore, name: &str) -> NodeLease {
    store
        .node_leases()
        .await
        .unwrap()
        .into_iter()
        .find(|l| l.name == name)
        .expect("the node is listed")
}

async fn lapsed_nodes_requeue_then_dead_letter(store: SharedStore) {
    let batch = runs(5, 0);
    store.submit(&batch).await.unwrap();
    let max_attempts = 2;
    for attempt in 1..=2u32 {
        node(&store, "short", 10, Duration::from_millis(300)).await;
        let claimed = store.claim(10, Duration::from_secs(30)).await.unwrap();
        assert_eq!(claimed.len(), 5, "attempt {attempt}");
        let outs: Vec<Outcome> = claimed
            .iter()
            .map(|c| {
                outcome(
                    &c.id,
                    Decision::Assign {
                        node: "short".into(),
                        want: Resources {
                            slots: 1,
                            ..Default::default()
                        },
                    },
                )
            })
            .collect();
        assert!(store
            .apply_outcomes(&outs)
            .await
            .unwrap()
            .iter()
            .all(|a| *a == Applied::Done(RunState::Scheduled)));
        let seen = lease_of(&store, "short").await;
        assert_eq!((seen.ttl, seen.runs), (Some(Duration::from_millis(300)), 5));
        // A heartbeat after the scheduler looked: the node is alive, nothing is recovered.
        node(&store, "short", 10, Duration::from_millis(300)).await;
        let now = lease_of(&store, "short").await;
        assert_eq!(
            now.beats,
            seen.beats.map(|b| b + 1),
            "every heartbeat counts"
        );
        assert_eq!(
            store
                .recover_lapsed_node("short", seen.beats, "lapsed", max_attempts)
                .await
                .unwrap(),
            LapseRecovery::Alive
        );
        assert_eq!(store.node_runs("short").await.unwrap().len(), 5);
        // The lease is the scheduler's to judge: an expired heartbeat alone recovers nothing,
        // and the node's record outlives its TTL (shown as not alive).
        tokio::time::sleep(Duration::from_millis(1450)).await;
        let n = store.node("short").await.unwrap().unwrap();
        assert!(!n.alive);
        assert_eq!(store.node_runs("short").await.unwrap().len(), 5);
        let LapseRecovery::Recovered(rec) = store
            .recover_lapsed_node("short", now.beats, "node short lease lapsed", max_attempts)
            .await
            .unwrap()
        else {
            panic!("the counter did not move: the runs are recovered");
        };
        assert_eq!(rec.len(), 5);
        if attempt == 1 {
            assert!(
                rec.iter()
                    .all(|r| matches!(r, Recovery::Requeued { attempts: 1, .. })),
                "{rec:?}"
            );
            assert_eq!(store.queue_stats().await.unwrap().depth, 5);
        } else {
            assert!(
                rec.iter()
                    .all(|r| matches!(r, Recovery::DeadLettered { attempts: 2, .. })),
                "{rec:?}"
            );
        }
        assert_eq!(lease_of(&store, "short").await.runs, 0);
    }
    // Dead letters are capped at 3: the two oldest are gone with their data.
    let stats = store.queue_stats().await.unwrap();
    assert_eq!(stats.dead, 3);
    assert_eq!(store.state_counts().await.unwrap()[&RunState::Dead], 3);
    assert_eq!(stats.total_runs, 3);
    let dead = store.queue_entries(QueueName::Dead, 0, 10).await.unwrap();
    let run = store.get_run(&dead[0].id).await.unwrap().unwrap();
    assert_eq!((run.state, run.attempts), (RunState::Dead, 2));
    assert!(run
        .message
        .unwrap_or_default()
        .contains("dead-lettered after 2 attempts"));
    // Retry one, purge the rest.
    assert_eq!(
        store.retry_dead(Some(&[dead[0].id.clone()])).await.unwrap(),
        1
    );
    // Attempt numbers keep counting (they fence placements); the budget starts again.
    let retried = store.get_run(&dead[0].id).await.unwrap().unwrap();
    assert_eq!(
        (retried.state, retried.attempts, retried.attempts_base),
        (RunState::Queued, 2, 2)
    );
    assert_eq!(store.purge(QueueName::Dead).await.unwrap(), 2);
    assert!(store.get_run(&dead[1].id).await.unwrap().is_none());
    assert_eq!(store.purge(QueueName::Queued).await.unwrap(), 1);
    assert_eq!(
        store.get_run(&dead[0].id).await.unwrap().unwrap().state,
        RunState::Cancelled
    );
    let stats = store.queue_stats().await.unwrap();
    assert_eq!((stats.depth, stats.dead, stats.total_runs), (0, 0, 1));
}

async fn nodes_labels_drain_remove(store: SharedStore) {
    node(&store, "n1", 4, Duration::from_secs(30)).await;
    let n = store
        .label_node(
            "n1",
            &BTreeMap::from([("tartarus.io/typhon".into(), "true".into())]),
            &["zone".to_string()],
        )
        .await
        .unwrap();
    assert_eq!(
        n.labels,
        BTreeMap::from([("tartarus.io/typhon".to_string(), "true".to_string())])
    );
    // A heartbeat of a live node keeps the operator's labels.
    node(&store, "n1", 4, Duration::from_secs(30)).await;
    assert!(store.node("n1").await.unwrap().unwrap().is_typhon());
    // Its agent restarted within the TTL with other labels: they apply at once, with the
    // operator's edits on top (typhon set, zone removed, even when declared again).
    let labels_of = async |name: &str| store.node(name).await.unwrap().unwrap().labels;
    beat(
        &store,
        "n1",
        &[("team", "x"), ("zone", "b")],
        Duration::from_secs(30),
    )
    .await;
    assert_eq!(
        labels_of("n1").await,
        labels(&[("team", "x"), ("tartarus.io/typhon", "true")])
    );
    // A node declared typhon, re-declared without it within the TTL, is no longer typhon (and the
    // other way round): the declaration is not kept from the first heartbeat.
    let ttl = Duration::from_secs(2);
    beat(&store, "n2", &[("tartarus.io/typhon", "true")], ttl).await;
    assert!(store.node("n2").await.unwrap().unwrap().is_typhon());
    beat(&store, "n2", &[("team", "x")], ttl).await;
    assert_eq!(labels_of("n2").await, labels(&[("team", "x")]));
    beat(&store, "n2", &[("tartarus.io/typhon", "true")], ttl).await;
    assert!(store.node("n2").await.unwrap().unwrap().is_typhon());
    // A new incarnation (the lease lapsed) takes its declaration and forgets the edits.
    store
        .label_node("n2", &labels(&[("extra", "1")]), &[])
        .await
        .unwrap();
    tokio::time::sleep(ttl + Duration::from_millis(200)).await;
    beat(&store, "n2", &[("team", "y")], ttl).await;
    assert_eq!(labels_of("n2").await, labels(&[("team", "y")]));
    store.remove_node("n2", 3).await.unwrap();
    assert!(store.drain_node("n1", true).await.unwrap().draining);
    let batch = runs(1, 0);
    store.submit(&batch).await.unwrap();
    store.claim(1, Duration::from_secs(30)).await.unwrap();
    let r = store
        .apply_outcomes(&[outcome(
            &batch[0].id,
            Decision::Assign {
                node: "n1".into(),
                want: one_cpu(),
            },
        )])
        .await
        .unwrap();
    assert_eq!(
        r,
        vec![Applied::NodeUnavailable],
        "a draining node takes no work"
    );
    assert!(matches!(
        store.label_node("ghost", &BTreeMap::new(), &[]).await,
        Err(StoreError::NodeNotFound(_))
    ));
    assert_eq!(store.nodes().await.unwrap().len(), 1);
    store.remove_node("n1", 3).await.unwrap();
    assert!(store.node("n1").await.unwrap().is_none());
    assert!(store.nodes().await.unwrap().is_empty());
}

async fn policies_are_versioned(store: SharedStore) {
    let mut watch = store.watch_policies().await.unwrap();
    assert_eq!(store.policy_version().await.unwrap(), 0);
    let p = |n: &str, d: &str| StoredPolicy {
        name: n.into(),
        document: d.into(),
    };
    let v1 = store
        .apply_policies(
            &[p("a", "{\"x\":1}"), p("b", "{\"x\":2}")],
            "alice",
            History::Keep,
        )
        .await
        .unwrap();
    let v2 = store
        .delete_policies(&["a".to_string()], "bob", History::Keep)
        .await
        .unwrap();
    assert_eq!((v1.version, v2.version), (1, 2));
    assert!(v1.changed && v2.changed);
    assert!(matches!(
        store
            .delete_policies(&["zzz".to_string()], "bob", History::Keep)
            .await,
        Err(StoreError::PolicyNotFound(_))
    ));
    assert_eq!(
        store.policy_version().await.unwrap(),
        2,
        "a failed delete changes nothing"
    );
    let (v, list) = store.policies().await.unwrap();
    assert_eq!((v, list), (2, vec![p("b", "{\"x\":2}")]));
    let hist = store.policy_history(10).await.unwrap();
    assert_eq!(hist.len(), 2);
    assert_eq!(
        (
            hist[0].version,
            hist[0].who.as_str(),
            hist[0].action.as_str()
        ),
        (2, "bob", "delete")
    );
    assert_eq!(hist[1].snapshot.len(), 2);
    let v3 = store
        .replace_policies(&hist[1].snapshot, "carol", "rollback to v1")
        .await
        .unwrap();
    assert_eq!(v3.version, 3);
    assert_eq!(store.policies().await.unwrap().1.len(), 2);
    let mut seen = Vec::new();
    while seen.len() < 3 {
        match tokio::time::timeout(Duration::from_secs(3), watch.recv()).await {
            Ok(Some(v)) => seen.push(v),
            _ => break,
        }
    }
    assert_eq!(seen, vec![1, 2, 3]);
}

async fn unchanged_policies_change_nothing(store: SharedStore) {
    let p = |n: &str, d: &str| StoredPolicy {
        name: n.into(),
        document: d.into(),
    };
    let first = store
        .apply_policies(
            &[p("a", "{\"x\":1}"), p("b", "{\"x\":2}")],
            "alice",
            History::Keep,
        )
        .await
        .unwrap();
    assert_eq!(
        first,
        PolicyWrite {
            version: 1,
            changed: true
        }
    );
    let mut watch = store.watch_policies().await.unwrap();
    let events_before = store.latest_event_id().await.unwrap();
    // The same documents again, all or a part of them: nothing is written, published or recorded.
    for again in [
        vec![p("a", "{\"x\":1}"), p("b", "{\"x\":2}")],
        vec![p("b", "{\"x\":2}")],
    ] {
        let w = store
            .apply_policies(&again, "bob", History::Keep)
            .await
            .unwrap();
        assert_eq!(
            w,
            PolicyWrite {
                version: 1,
                changed: false
            }
        );
    }
    let w = store
        .replace_policies(
            &BTreeMap::from([
                ("a".to_string(), "{\"x\":1}".to_string()),
                ("b".to_string(), "{\"x\":2}".to_string()),
            ]),
            "carol",
            "rollback to v1",
        )
        .await
        .unwrap();
    assert_eq!(
        w,
        PolicyWrite {
            version: 1,
            changed: false
        }
    );
    assert_eq!(store.policy_version().await.unwrap(), 1);
    assert_eq!(store.policy_history(10).await.unwrap().len(), 1);
    assert_eq!(store.latest_event_id().await.unwrap(), events_before);
    // One changed document is a change; a replace that drops a policy is one too.
    let w = store
        .apply_policies(
            &[p("a", "{\"x\":1}"), p("b", "{\"x\":3}")],
            "dave",
            History::Keep,
        )
        .await
        .unwrap();
    assert_eq!(
        w,
        PolicyWrite {
            version: 2,
            changed: true
        }
    );
    let w = store
        .replace_policies(
            &BTreeMap::from([("a".to_string(), "{\"x\":1}".to_string())]),
            "erin",
            "rollback",
        )
        .await
        .unwrap();
    assert_eq!(
        w,
        PolicyWrite {
            version: 3,
            changed: true
        }
    );
    let hist = store.policy_history(10).await.unwrap();
    let who: Vec<&str> = hist.iter().map(|h| h.who.as_str()).collect();
    assert_eq!(who, ["erin", "dave", "alice"]);
    let mut seen = Vec::new();
    while let Ok(Some(v)) = tokio::time::timeout(Duration::from_millis(500), watch.recv()).await {
        seen.push(v);
    }
    assert_eq!(seen, vec![2, 3], "only real changes are published");
}

async fn events_stream(store: SharedStore) {
    let batch = runs(3, 0);
    store.submit(&batch).await.unwrap();
    let first = store
        .read_events(Some("0"), 100, Duration::ZERO)
        .await
        .unwrap();
    assert_eq!(first.len(), 3);
    assert!(first.iter().all(|e| e.to.as_deref() == Some("queued")));
    let last = first.last().unwrap().id.clone();
    let waiter = {
        let store = store.clone();
        tokio::spawn(async move {
            store
                .read_events(Some(&last), 10, Duration::from_secs(3))
                .await
        })
    };
    tokio::time::sleep(Duration::from_millis(100)).await;
    store.cancel(&batch[0].id, "bye").await.unwrap();
    let next = waiter.await.unwrap().unwrap();
    assert_eq!(next.len(), 1);
    assert_eq!(
        (next[0].run.as_deref(), next[0].to.as_deref()),
        (Some(batch[0].id.as_str()), Some("cancelled"))
    );
}

fn scheduler_beat(id: &str, ttl: Duration) -> SchedulerBeat {
    SchedulerBeat {
        id: id.into(),
        host: "host-a".into(),
        pid: 4242,
        version: "test".into(),
        started_at: 1_700_000_000_000,
        ttl,
    }
}

async fn schedulers_announce_expire_and_retire(store: SharedStore) {
    assert!(store.schedulers().await.unwrap().is_empty());
    assert_eq!(store.queue_stats().await.unwrap().live_schedulers, 0);
    let before = tartarus::model::now_ms();
    store
        .announce_scheduler(&scheduler_beat("s-long", Duration::from_secs(30)))
        .await
        .unwrap();
    let mut short = scheduler_beat("s-short", Duration::from_millis(300));
    short.started_at += 1;
    store.announce_scheduler(&short).await.unwrap();
    let live = store.schedulers().await.unwrap();
    let ids: Vec<&str> = live.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["s-long", "s-short"], "oldest first");
    let s = &live[0];
    assert_eq!(
        (
            s.host.as_str(),
            s.pid,
            s.version.as_str(),
            s.started_at,
            s.ttl_ms
        ),
        ("host-a", 4242, "test", 1_700_000_000_000, 30_000)
    );
    assert!(s.last_beat >= before && s.last_beat <= tartarus::model::now_ms());
    let stats = store.queue_stats().await.unwrap();
    assert_eq!(stats.live_schedulers, 2);
    assert_eq!(stats.schedulers, live);
    // A scheduler that stops announcing drops out after its TTL; a refresh keeps the other.
    tokio::time::sleep(Duration::from_millis(500)).await;
    store
        .announce_scheduler(&scheduler_beat("s-long", Duration::from_secs(30)))
        .await
        .unwrap();
    let live = store.schedulers().await.unwrap();
    assert_eq!(live.len(), 1);
    assert_eq!(live[0].id, "s-long");
    assert!(
        live[0].last_beat > s.last_beat,
        "the refresh moved last_beat"
    );
    // A clean exit removes it at once; retiring an unknown id is harmless.
    store.retire_scheduler("s-long").await.unwrap();
    store.retire_scheduler("never-seen").await.unwrap();
    assert!(store.schedulers().await.unwrap().is_empty());
    let stats = store.queue_stats().await.unwrap();
    assert_eq!((stats.live_schedulers, stats.schedulers.len()), (0, 0));
}

/// Room for 100 one-CPU runs.
fn room_for_100() -> Resources {
    Resources {
        cpu_millis: 100_000,
        memory_bytes: 100 << 30,
        gpu: 0,
        slots: 100,
    }
}

/// Starts every run of `batch` placed on `node` at attempt 1, all in one batch step.
async fn start_all(store: &SharedStore, node: &str, batch: &[Run]) {
    let starts: Vec<RunStart> = batch
        .iter()
        .map(|r| RunStart {
            id: r.id.clone(),
            attempt: 1,
            log_path: None,
        })
        .collect();
    let started = store.start_runs(node, &starts).await.unwrap();
    assert!(started
        .iter()
        .all(|a| *a == Applied::Done(RunState::Running)));
}

/// Places every queued run on `node` (one claim, one assignment each).
async fn place_all(store: &SharedStore, node: &str) {
    let claimed = store.claim(100, Duration::from_secs(30)).await.unwrap();
    let outs: Vec<Outcome> = claimed
        .iter()
        .map(|c| {
            outcome(
                &c.id,
                Decision::Assign {
                    node: node.into(),
                    want: one_cpu(),
                },
            )
        })
        .collect();
    let applied = store.apply_outcomes(&outs).await.unwrap();
    assert!(
        applied
            .iter()
            .all(|a| *a == Applied::Done(RunState::Scheduled)),
        "{applied:?}"
    );
}

async fn stale_events(store: &SharedStore, id: &str) -> Vec<String> {
    store
        .run_events(id)
        .await
        .unwrap()
        .into_iter()
        .filter(|e| e.kind == "stale")
        .map(|e| e.message.unwrap_or_default())
        .collect()
}

/// A placement's attempt is its token: an agent starts, finishes and hands back only the
/// current one; an old attempt's outcome is kept as an event and changes nothing.
async fn fencing_by_attempt(store: SharedStore) {
    node(&store, "n1", 4, Duration::from_secs(30)).await;
    let batch = runs(1, 0);
    let id = batch[0].id.clone();
    store.submit(&batch).await.unwrap();
    place_all(&store, "n1").await;
    assert_eq!(
        store.start_run(&id, "n1", 1, None).await.unwrap(),
        Applied::Done(RunState::Running)
    );
    // The lease lapsed: the run is requeued and placed again, on the same node.
    let seen = lease_of(&store, "n1").await;
    let rec = store
        .recover_lapsed_node("n1", seen.beats, "lapsed", 5)
        .await
        .unwrap();
    assert!(
        matches!(rec, LapseRecovery::Recovered(ref r) if r.len() == 1),
        "{rec:?}"
    );
    place_all(&store, "n1").await;
    // Attempt 1's agent comes back: it cannot start, finish or hand back attempt 2.
    assert_eq!(
        store.start_run(&id, "n1", 1, None).await.unwrap(),
        Applied::Stale
    );
    let done = Completion::succeeded("first\n");
    assert_eq!(
        store.finish_run(&id, "n1", 1, &done).await.unwrap(),
        Applied::Stale
    );
    assert_eq!(
        store
            .hand_back(&id, "n1", 1, "lost contact", 5)
            .await
            .unwrap(),
        None
    );
    let run = store.get_run(&id).await.unwrap().unwrap();
    assert_eq!(
        (run.state, run.attempts, run.log_tail.as_str()),
        (RunState::Scheduled, 2, "")
    );
    let stale = stale_events(&store, &id).await;
    assert_eq!(stale.len(), 2, "{stale:?}");
    assert!(
        stale[0].starts_with("stale outcome from attempt 1 on node n1: succeeded (exit code 0)"),
        "{stale:?}"
    );
    assert!(stale[1].contains("handed back (lost contact)"), "{stale:?}");
    // Attempt 2 runs and finishes; a repeat of its own outcome (a retry after a timeout) is
    // not stale news.
    assert_eq!(
        store.start_run(&id, "n1", 2, None).await.unwrap(),
        Applied::Done(RunState::Running)
    );
    assert_eq!(
        store.run_states(std::slice::from_ref(&id)).await.unwrap()[0]
            .as_ref()
            .map(|s| s.attempts),
        Some(2)
    );
    assert_eq!(
        store.finish_run(&id, "n1", 2, &done).await.unwrap(),
        Applied::Done(RunState::Succeeded)
    );
    assert_eq!(
        store.finish_run(&id, "n1", 2, &done).await.unwrap(),
        Applied::Stale
    );
    assert_eq!(stale_events(&store, &id).await.len(), 2);
    assert_eq!(
        store.node("n1").await.unwrap().unwrap().usage,
        Resources::default()
    );
}

fn keyed(key: &str, command: &str) -> Run {
    let text = format!(
        "metadata: {{name: job, idempotencyKey: \"{key}\"}}\nspec:\n  image: alpine\n  command: [\"{command}\"]\n"
    );
    let spec = parse_sandbox_documents("t", &text).unwrap().remove(0);
    tartarus::cli::sandbox::new_runs(vec![spec]).remove(0)
}

/// Idempotency keys: a repeated key returns the stored run, other content is refused, and a key
/// holds until it expires or its run is deleted.
async fn idempotent_submit(store: SharedStore) {
    let first: Vec<Run> = (0..3).map(|i| keyed(&format!("k{i}"), "true")).collect();
    assert_eq!(
        store.submit(&first).await.unwrap(),
        vec![Admission::Created; 3]
    );
    assert_eq!(first[0].idempotency_key.as_deref(), Some("k0"));
    // The same command again (new run ids): the stored runs come back, nothing new is stored.
    let again: Vec<Run> = (0..3).map(|i| keyed(&format!("k{i}"), "true")).collect();
    let ids: Vec<Admission> = first
        .iter()
        .map(|r| Admission::Existing { id: r.id.clone() })
        .collect();
    assert_eq!(store.submit(&again).await.unwrap(), ids);
    // The very same runs again (a retry after a timeout): nothing is written twice.
    assert_eq!(store.submit(&first).await.unwrap(), ids);
    assert_eq!(store.queue_stats().await.unwrap().total_runs, 3);
    // Same key, other content: refused, naming the run that holds the key; the rest is stored.
    let mixed = vec![keyed("k1", "false"), keyed("k9", "true")];
    assert_eq!(
        store.submit(&mixed).await.unwrap(),
        vec![
            Admission::Conflict {
                id: first[1].id.clone()
            },
            Admission::Created
        ]
    );
    assert!(store.get_run(&mixed[0].id).await.unwrap().is_none());
    // One key twice in one call: the second is the first's run, or a conflict.
    let twice = vec![keyed("d", "true"), keyed("d", "true"), keyed("d", "false")];
    assert_eq!(
        store.submit(&twice).await.unwrap(),
        vec![
            Admission::Created,
            Admission::Existing {
                id: twice[0].id.clone()
            },
            Admission::Conflict {
                id: twice[0].id.clone()
            }
        ]
    );
    assert_eq!(
        store
            .get_run(&first[0].id)
            .await
            .unwrap()
            .unwrap()
            .idempotency_key
            .as_deref(),
        Some("k0")
    );
    // Deleting the run releases its key.
    assert!(store.delete_run(&first[0].id).await.unwrap());
    let other = keyed("k0", "false");
    assert_eq!(
        store.submit(std::slice::from_ref(&other)).await.unwrap(),
        vec![Admission::Created]
    );
    // Keys expire (2 s in these tests, 24 h by default).
    tokio::time::sleep(Duration::from_millis(2100)).await;
    assert_eq!(
        store.submit(&[keyed("k2", "false")]).await.unwrap(),
        vec![Admission::Created]
    );
}

/// On Redis, the key itself is removed with its run (deleted or trimmed dead letter), not left
/// to expire.
#[tokio::test]
async fn idempotency_keys_leave_redis_with_their_run() {
    let server = RedisServer::start();
    let store = redis_store(&server).await;
    let runs = vec![keyed("gone", "true"), keyed("kept", "true")];
    store.submit(&runs).await.unwrap();
    let mut c = server.conn();
    let exists = |c: &mut ::redis::Connection, k: &str| -> bool {
        ::redis::cmd("EXISTS").arg(k).query::<i64>(c).unwrap() == 1
    };
    assert!(exists(&mut c, "tartarus:{default}:idem:gone"));
    let pttl: i64 = ::redis::cmd("PTTL")
        .arg("tartarus:{default}:idem:gone")
        .query(&mut c)
        .unwrap();
    assert!(pttl > 0 && pttl <= 2000, "{pttl}");
    assert!(store.delete_run(&runs[0].id).await.unwrap());
    assert!(!exists(&mut c, "tartarus:{default}:idem:gone"));
    assert!(exists(&mut c, "tartarus:{default}:idem:kept"));
    // A dead letter purged with its data takes its key along.
    node(&store, "n1", 4, Duration::from_secs(30)).await;
    place_all(&store, "n1").await;
    let seen = lease_of(&store, "n1").await;
    store
        .recover_lapsed_node("n1", seen.beats, "lapsed", 1)
        .await
        .unwrap();
    assert_eq!(store.queue_stats().await.unwrap().dead, 1);
    assert_eq!(store.purge(QueueName::Dead).await.unwrap(), 1);
    assert!(!exists(&mut c, "tartarus:{default}:idem:kept"));
}

/// A batch step picks its stream entries' ids itself (so that each run's history entry, written
/// with the run's other fields, can name its entry): they must come after the stream's last id
/// even when that id is ahead of the clock, or when every entry was trimmed away (the
/// stream keeps its last id), or the entry could not be written.
#[tokio::test]
async fn batch_entry_ids_follow_the_streams_last_id() {
    let server = RedisServer::start();
    let store = redis_store(&server).await;
    let mut c = server.conn();
    let stream = tartarus::store::keys::Keys::default().events();
    // A foreign entry an hour ahead of the clock.
    let ahead = tartarus::model::now_ms() + 3_600_000;
    let foreign: String = ::redis::cmd("XADD")
        .arg(&stream)
        .arg(format!("{ahead}-7"))
        .arg("kind")
        .arg("note")
        .query(&mut c)
        .unwrap();
    let batch = runs(40, 0);
    let answers = store.submit(&batch).await.unwrap();
    assert_eq!(answers.len(), 40);
    node_of(&store, "n1", room_for_100(), Duration::from_secs(30)).await;
    place_all(&store, "n1").await;
    let parse = |id: &str| -> (i64, i64) {
        let (ms, seq) = id.split_once('-').unwrap();
        (ms.parse().unwrap(), seq.parse().unwrap())
    };
    let after_foreign = store
        .read_events(Some(&foreign), 100, Duration::ZERO)
        .await
        .unwrap();
    // 40 queued and 80 decision events, in entries of up to 32, all after the foreign one.
    assert_eq!(after_foreign.len(), 120);
    assert!(after_foreign.iter().all(|e| parse(&e.id).0 == ahead));
    assert!(after_foreign.iter().all(|e| parse(&e.id).1 > 7));

    // Every entry trimmed away: the stream is empty but keeps its last id.
    let _: i64 = ::redis::cmd("XTRIM")
        .arg(&stream)
        .arg("MAXLEN")
        .arg(0)
        .query(&mut c)
        .unwrap();
    let last_before = after_foreign.last().unwrap().id.clone();
    start_all(&store, "n1", &batch).await;
    let left = store
        .read_events(Some("0-0"), 100, Duration::ZERO)
        .await
        .unwrap();
    assert_eq!(left.len(), 40);
    assert!(left.iter().all(|e| parse(&e.id) > parse(&last_before)));
    // Each run's history names the entry that holds its start.
    for run in &batch {
        let history = store.run_events(&run.id).await.unwrap();
        let start = history.last().unwrap();
        assert_eq!(start.to.as_deref(), Some("running"));
        assert!(
            left.iter()
                .any(|e| e.id == start.id && e.run.as_deref() == Some(run.id.as_str())),
            "{start:?}"
        );
    }
}

async fn retention_deletes_only_finished_runs_past_their_window(store: SharedStore) {
    assert_eq!(store.retention().await.unwrap(), Retention::default());
    assert_eq!(
        Retention::default().finished,
        Duration::from_secs(7 * 86_400)
    );
    store
        .set_retention(Duration::from_millis(300))
        .await
        .unwrap();
    assert_eq!(
        store.retention().await.unwrap(),
        Retention {
            finished: Duration::from_millis(300),
            stored: true
        }
    );
    node(&store, "n1", 8, Duration::from_secs(30)).await;
    let mut batch = runs(6, 0);
    // One run keeps itself for no time at all once finished: its own ttlAfterFinished.
    batch[5].spec.ttl_after_finished_ms = Some(0);
    // Run 0 holds an idempotency key: retention frees it with the run.
    batch[0].idempotency_key = Some("ret-0".into());
    store.submit(&batch).await.unwrap();
    let id = |i: usize| batch[i].id.clone();
    // 0 succeeds on n1; 1 is denied; 2 and 5 are cancelled; 3 stays queued; 4 stays running.
    for i in [0, 4] {
        // Claim everything, decide only this one; the rest go back to the queue.
        let claimed: Vec<String> = store
            .claim(100, Duration::from_secs(30))
            .await
            .unwrap()
            .into_iter()
            .map(|c| c.id)
            .collect();
        let others: Vec<String> = claimed.iter().filter(|c| **c != id(i)).cloned().collect();
        store.release(&others).await.unwrap();
        let applied = store
            .apply_outcomes(&[outcome(
                &id(i),
                Decision::Assign {
                    node: "n1".into(),
                    want: one_cpu(),
                },
            )])
            .await
            .unwrap();
        assert_eq!(applied, [Applied::Done(RunState::Scheduled)]);
        store.start_run(&id(i), "n1", 1, None).await.unwrap();
    }
    let done = Completion::succeeded("ok\n");
    store.finish_run(&id(0), "n1", 1, &done).await.unwrap();
    store.claim(100, Duration::from_secs(30)).await.unwrap();
    assert_eq!(
        store
            .apply_outcomes(&[outcome(&id(1), Decision::Deny)])
            .await
            .unwrap(),
        [Applied::Done(RunState::Denied)]
    );
    store.reap_expired_leases().await.unwrap();
    let leased: Vec<String> = [2, 3, 5].iter().map(|i| id(*i)).collect();
    store.release(&leased).await.unwrap();
    store.cancel(&id(2), "no longer needed").await.unwrap();
    store.cancel(&id(5), "no longer needed").await.unwrap();
    let stats = store.queue_stats().await.unwrap();
    assert_eq!(
        (stats.finished_retained, stats.retain_finished_ms),
        (4, 300)
    );
    assert!(stats.finished_oldest_age_ms.is_some_and(|a| a < 300));
    // Right away only the run with its own (zero) window is due.
    let now = tartarus::model::now_ms();
    let window = Duration::from_millis(300);
    assert_eq!(store.expired_runs(now, window, 100).await.unwrap(), [id(5)]);
    tokio::time::sleep(Duration::from_millis(350)).await;
    let now = tartarus::model::now_ms();
    let mut due = store.expired_runs(now, window, 100).await.unwrap();
    due.sort();
    let mut finished: Vec<String> = [0, 1, 2, 5].iter().map(|i| id(*i)).collect();
    finished.sort();
    assert_eq!(due, finished);
    assert_eq!(store.expired_runs(now, window, 2).await.unwrap().len(), 2);
    // Asked to delete unfinished and unknown runs too: only finished ones go.
    let mut asked = due.clone();
    asked.extend([id(3), id(4), "01NOPE".to_string()]);
    let mut deleted = store.delete_expired(&asked, now, window).await.unwrap();
    deleted.sort();
    assert_eq!(deleted, finished);
    // A second pass (another scheduler) deletes nothing and fails on nothing.
    assert!(store
        .delete_expired(&asked, now, window)
        .await
        .unwrap()
        .is_empty());
    for i in [0, 1, 2, 5] {
        assert!(store.get_run(&id(i)).await.unwrap().is_none());
        assert!(store.run_events(&id(i)).await.unwrap().is_empty());
    }
    let mut again = runs(1, 0);
    again[0].idempotency_key = Some("ret-0".into());
    assert_eq!(
        store.submit(&again).await.unwrap(),
        [Admission::Created],
        "the deleted run's idempotency key was freed"
    );
    assert!(store.delete_run(&again[0].id).await.unwrap());
    assert_eq!(
        store.get_run(&id(3)).await.unwrap().unwrap().state,
        RunState::Queued
    );
    assert_eq!(
        store.get_run(&id(4)).await.unwrap().unwrap().state,
        RunState::Running
    );
    assert_eq!(store.node_runs("n1").await.unwrap(), [id(4)]);
    let stats = store.queue_stats().await.unwrap();
    assert_eq!((stats.finished_retained, stats.total_runs), (0, 2));
    assert_eq!(stats.finished_oldest_age_ms, None);
    let counts = store.state_counts().await.unwrap();
    assert_eq!(counts.values().sum::<u64>(), 2);
    assert!(store
        .list_runs(&RunFilter::default(), None, 10)
        .await
        .unwrap()
        .runs
        .iter()
        .all(|r| r.id == id(3) || r.id == id(4)));
    // A dead letter that is retried leaves retention: it is not finished any more.
    store.claim(100, Duration::from_secs(30)).await.unwrap();
    store.discard_unreadable(&id(3), "test").await.unwrap();
    assert_eq!(store.queue_stats().await.unwrap().finished_retained, 1);
    assert_eq!(store.retry_dead(Some(&[id(3)])).await.unwrap(), 1);
    tokio::time::sleep(Duration::from_millis(350)).await;
    let now = tartarus::model::now_ms();
    assert!(store
        .expired_runs(now, window, 100)
        .await
        .unwrap()
        .is_empty());
    assert!(store
        .delete_expired(&[id(3)], now, window)
        .await
        .unwrap()
        .is_empty());
    assert_eq!(
        store.get_run(&id(3)).await.unwrap().unwrap().state,
        RunState::Queued
    );
    // Many runs with their histories at once, in the order asked, absent ones as None.
    let read = store
        .runs_with_events(&["01NOPE".into(), id(4), id(3)])
        .await
        .unwrap();
    assert_eq!(read.len(), 3);
    assert!(read[0].is_none());
    for (i, read) in [(4, &read[1]), (3, &read[2])] {
        let (run, events) = read.as_ref().unwrap();
        assert_eq!(run, &store.get_run(&id(i)).await.unwrap().unwrap());
        assert_eq!(events, &store.run_events(&id(i)).await.unwrap());
    }
    let (run, events) = read[1].as_ref().unwrap();
    assert_eq!(run.state, RunState::Running);
    assert!(events.iter().any(|e| e.to.as_deref() == Some("running")));
}

/// `queue stats` reports the oldest finished run kept, whichever index keeps it: the cell's
/// window (by finish time) or its own `ttlAfterFinished` (`finished:ttl`, by expiry).
async fn oldest_finished_counts_runs_with_their_own_ttl(store: SharedStore) {
    let mut batch = runs(3, 0);
    batch[0].spec.ttl_after_finished_ms = Some(3_600_000);
    batch[1].spec.ttl_after_finished_ms = Some(60_000);
    store.submit(&batch).await.unwrap();
    store.cancel(&batch[0].id, "first").await.unwrap();
    // Only a run with its own ttl is kept: it is counted, and it has an age.
    let stats = store.queue_stats().await.unwrap();
    assert_eq!(stats.finished_retained, 1);
    assert!(stats.finished_oldest_age_ms.is_some(), "{stats:?}");
    tokio::time::sleep(Duration::from_millis(400)).await;
    // Finished later: one with a shorter own ttl (expires before the first), one under the window.
    store.cancel(&batch[1].id, "second").await.unwrap();
    store.cancel(&batch[2].id, "third").await.unwrap();
    let stats = store.queue_stats().await.unwrap();
    assert_eq!(stats.finished_retained, 3);
    let age = stats.finished_oldest_age_ms.unwrap();
    assert!(
        (400..60_000).contains(&age),
        "the oldest is the first run, finished 400 ms before the others: {age} ms"
    );
    let first = store.get_run(&batch[0].id).await.unwrap().unwrap();
    let finished = first.finished_at.unwrap();
    let since_first = tartarus::model::now_ms() - finished;
    assert!(
        age <= since_first && age + 5_000 >= since_first,
        "{age} / {since_first}"
    );
}

/// An event as `batch_steps_record_every_event` compares it: kind, from, to, node.
type Step<'a> = (&'a str, Option<&'a str>, Option<&'a str>, Option<&'a str>);

/// Every transition of a batch step is in the stream, in order, with its node and message, and
/// each run's history entries carry the id of the stream entry that holds the same event: on
/// Redis a batch's events share entries (up to 32 each), so 70 runs take several entries per step.
async fn batch_steps_record_every_event(store: SharedStore) {
    node_of(&store, "n1", room_for_100(), Duration::from_secs(30)).await;
    let batch = runs(70, 0);
    store.submit(&batch).await.unwrap();
    place_all(&store, "n1").await;
    start_all(&store, "n1", &batch).await;
    let mut finishes: Vec<RunFinish> = batch
        .iter()
        .enumerate()
        .map(|(i, r)| RunFinish {
            id: r.id.clone(),
            attempt: 1,
            done: Completion {
                state: if i % 2 == 0 {
                    RunState::Succeeded
                } else {
                    RunState::Failed
                },
                exit_code: Some((i % 2) as i32),
                message: (i % 2 == 1).then(|| format!("failed number {i}")),
                log_tail: String::new(),
            },
        })
        .collect();
    // An old attempt's outcome in the same batch: a `stale` note, not a transition.
    finishes.insert(
        10,
        RunFinish {
            id: batch[3].id.clone(),
            attempt: 9,
            done: Completion {
                state: RunState::Failed,
                exit_code: Some(1),
                message: None,
                log_tail: String::new(),
            },
        },
    );
    store.finish_runs("n1", &finishes).await.unwrap();

    let mut all = Vec::new();
    let mut after = "0".to_string();
    loop {
        let page = store
            .read_events(Some(&after), 5, Duration::ZERO)
            .await
            .unwrap();
        let Some(last) = page.last() else { break };
        after = last.id.clone();
        all.extend(page);
    }
    for (i, run) in batch.iter().enumerate() {
        let mine: Vec<&Event> = all
            .iter()
            .filter(|e| e.run.as_deref() == Some(run.id.as_str()))
            .collect();
        let steps: Vec<Step> = mine
            .iter()
            .map(|e| {
                (
                    e.kind.as_str(),
                    e.from.as_deref(),
                    e.to.as_deref(),
                    e.node.as_deref(),
                )
            })
            .collect();
        let end = if i % 2 == 0 { "succeeded" } else { "failed" };
        let mut want = vec![
            ("run", None, Some("queued"), None),
            ("run", Some("queued"), Some("admitted"), None),
            ("run", Some("admitted"), Some("scheduled"), Some("n1")),
            ("run", Some("scheduled"), Some("running"), Some("n1")),
            ("run", Some("running"), Some(end), Some("n1")),
        ];
        if i == 3 {
            want.push(("stale", None, None, Some("n1")));
        }
        assert_eq!(steps, want, "run {i}");
        let message = mine[4].message.clone();
        assert_eq!(message, (i % 2 == 1).then(|| format!("failed number {i}")));
        if i == 3 {
            let stale = mine[5].message.as_deref().unwrap_or_default();
            assert!(stale.starts_with("stale outcome from attempt 9"), "{stale}");
        }
        assert!(mine.iter().all(|e| e.at > 0), "{mine:?}");
        // The run's own history names the stream entries of the same events.
        let history = store.run_events(&run.id).await.unwrap();
        let from_stream: Vec<(String, Option<String>)> = mine
            .iter()
            .filter(|e| e.to.as_deref() != Some("queued"))
            .map(|e| (e.id.clone(), e.to.clone()))
            .collect();
        let own: Vec<(String, Option<String>)> = history
            .iter()
            .filter(|e| e.to.as_deref() != Some("queued"))
            .map(|e| (e.id.clone(), e.to.clone()))
            .collect();
        assert_eq!(own, from_stream, "run {i}");
    }
    assert_eq!(all.len(), 70 * 5 + 1);
}

/// A run's history keeps its newest events up to the cap (`run_events_cap`), whichever step wrote
/// them: rounds of `pending` with a new message each (a step that appends to the history on its
/// own), then a placement, a start and a finish (steps that write the history entry together
/// with the run's other fields). Older entries are dropped, oldest first, and the newest stay in
/// order.
async fn run_history_keeps_its_newest_events(store: SharedStore) {
    let cap = settings().run_events_cap as usize;
    node(&store, "n1", 1, Duration::from_secs(30)).await;
    let run = runs(1, 0).remove(0);
    store.submit(std::slice::from_ref(&run)).await.unwrap();
    let rounds = cap + 3;
    for i in 0..rounds {
        assert_eq!(
            store.claim(1, Duration::from_secs(30)).await.unwrap().len(),
            1
        );
        let mut parked = outcome(&run.id, Decision::Pending);
        parked.message = Some(format!("round {i}"));
        assert_eq!(
            store.apply_outcomes(&[parked]).await.unwrap(),
            vec![Applied::Done(RunState::Pending)]
        );
        assert_eq!(store.wake_pending(10).await.unwrap(), 1, "round {i}");
    }
    assert_eq!(
        store.claim(1, Duration::from_secs(30)).await.unwrap().len(),
        1
    );
    let placed = Decision::Assign {
        node: "n1".into(),
        want: one_cpu(),
    };
    assert_eq!(
        store
            .apply_outcomes(&[outcome(&run.id, placed)])
            .await
            .unwrap(),
        vec![Applied::Done(RunState::Scheduled)]
    );
    let start = RunStart {
        id: run.id.clone(),
        attempt: 1,
        log_path: None,
    };
    store.start_runs("n1", &[start]).await.unwrap();
    let done = Completion::succeeded("");
    let finish = RunFinish {
        id: run.id.clone(),
        attempt: 1,
        done,
    };
    store.finish_runs("n1", &[finish]).await.unwrap();

    let history = store.run_events(&run.id).await.unwrap();
    assert_eq!(history.len(), cap);
    let steps: Vec<(Option<&str>, Option<&str>)> = history
        .iter()
        .map(|e| (e.to.as_deref(), e.message.as_deref()))
        .collect();
    // The last rounds that fit, in order, then the four transitions of the placement.
    let mut want: Vec<(Option<&str>, Option<String>)> = (rounds + 4 - cap..rounds)
        .map(|i| (Some("pending"), Some(format!("round {i}"))))
        .collect();
    for to in ["admitted", "scheduled", "running", "succeeded"] {
        want.push((Some(to), None));
    }
    let want: Vec<(Option<&str>, Option<&str>)> =
        want.iter().map(|(t, m)| (*t, m.as_deref())).collect();
    assert_eq!(steps, want);
    assert_eq!(history[cap - 1].node.as_deref(), Some("n1"));
}

async fn events_are_trimmed_by_age(store: SharedStore) {
    store.submit(&runs(3, 0)).await.unwrap();
    tokio::time::sleep(Duration::from_millis(20)).await;
    let cut = tartarus::model::now_ms();
    tokio::time::sleep(Duration::from_millis(20)).await;
    let late = runs(2, 0);
    store.submit(&late).await.unwrap();
    // Stream entries: one per event in memory, the three queued events in one entry on Redis.
    assert!(store.trim_events(cut).await.unwrap() >= 1);
    let left = store
        .read_events(Some("0-0"), 100, Duration::ZERO)
        .await
        .unwrap();
    let runs_left: Vec<String> = left.iter().filter_map(|e| e.run.clone()).collect();
    assert_eq!(
        runs_left,
        late.iter().map(|r| r.id.clone()).collect::<Vec<_>>()
    );
    assert_eq!(store.trim_events(cut).await.unwrap(), 0);
}

async fn policy_history_is_capped_by_count_and_bytes(store: SharedStore) {
    let doc = |name: &str, text: &str| {
        tartarus::ops::policies::parse(
            "t",
            format!("metadata: {{name: {name}, description: \"{text}\"}}\nspec: {{rules: [{{name: r, verdict: deny}}]}}\n").as_bytes(),
        )
        .unwrap()
    };
    for i in 0..105 {
        store
            .apply_policies(&doc("p", &format!("v{i}")), "t", History::Keep)
            .await
            .unwrap();
    }
    let history = store.policy_history(1000).await.unwrap();
    assert_eq!(history.len(), 100, "at most 100 versions");
    assert_eq!(history[0].version, 105);
    // Big snapshots: at most 64 KiB of history (these settings), the newest entry always kept.
    let big = "x".repeat(30_000);
    for i in 0..4 {
        store
            .apply_policies(&doc(&format!("big{i}"), &big), "t", History::Keep)
            .await
            .unwrap();
    }
    let history = store.policy_history(1000).await.unwrap();
    assert_eq!(history[0].version, 109);
    assert_eq!(history.len(), 1, "the newest snapshot alone is over 64 KiB");
    let size: usize = history[0].snapshot.values().map(String::len).sum();
    assert!(size > 64 << 10, "{size}");
}

/// The claim that returns each run's data: priority order, a lease per run, the stored run as
/// `get_run` reads it, nothing while paused.
async fn claim_runs_returns_the_runs_data(store: SharedStore) {
    let low = runs(2, 0);
    let high = runs(1, 900);
    store.submit(&low).await.unwrap();
    store.submit(&high).await.unwrap();
    store.set_paused(true).await.unwrap();
    assert!(store
        .claim_runs(10, Duration::from_secs(30))
        .await
        .unwrap()
        .is_empty());
    store.set_paused(false).await.unwrap();
    let claimed = store.claim_runs(2, Duration::from_secs(30)).await.unwrap();
    let ids: Vec<&str> = claimed.iter().map(|c| c.claim.id.as_str()).collect();
    assert_eq!(ids, vec![high[0].id.as_str(), low[0].id.as_str()]);
    for c in &claimed {
        let stored = store.get_run(&c.claim.id).await.unwrap();
        assert_eq!(c.run, stored, "{}", c.claim.id);
        let run = c.run.as_ref().unwrap();
        assert_eq!(
            (run.state, run.spec.image.as_str()),
            (RunState::Queued, "alpine")
        );
        assert!(c.claim.lease_deadline_ms > 0);
    }
    let stats = store.queue_stats().await.unwrap();
    assert_eq!((stats.depth, stats.in_flight), (1, 2));
    // Claimed under a lease like `claim`: only the holder's decision counts, once.
    let applied = store
        .apply_outcomes(&[
            outcome(&high[0].id, Decision::Deny),
            outcome(&high[0].id, Decision::Reject),
        ])
        .await
        .unwrap();
    assert_eq!(
        applied,
        vec![Applied::Done(RunState::Denied), Applied::Stale]
    );
}

/// One batch of decisions re-checks every run as if alone: a run not leased, decided twice,
/// cancelled while leased, too big for what is left, or for a draining or unknown node, is
/// answered for itself, while the others are placed; capacity is never exceeded and the counts,
/// reservations and events match what was answered.
async fn batch_decisions_recheck_every_run(store: SharedStore) {
    node(&store, "n1", 3, Duration::from_secs(30)).await;
    node(&store, "n2", 4, Duration::from_secs(30)).await;
    store.drain_node("n2", true).await.unwrap();
    let batch = runs(9, 0);
    store.submit(&batch).await.unwrap();
    let id = |i: usize| batch[i].id.clone();
    let claimed = store.claim_runs(8, Duration::from_secs(30)).await.unwrap();
    assert_eq!(claimed.len(), 8);
    // Run 8 stays queued (never leased); run 3 is cancelled while leased.
    store.cancel(&id(3), "changed my mind").await.unwrap();
    let assign = |i: usize, node: &str| {
        outcome(
            &id(i),
            Decision::Assign {
                node: node.into(),
                want: one_cpu(),
            },
        )
    };
    let applied = store
        .apply_outcomes(&[
            assign(0, "n1"),
            assign(8, "n1"), // not leased
            assign(0, "n1"), // decided already in this batch
            assign(3, "n1"), // cancelled
            assign(1, "n1"),
            assign(4, "n2"),   // draining
            assign(5, "gone"), // no such node
            assign(2, "n1"),
            assign(6, "n1"), // n1 is full by now
            outcome(&id(7), Decision::Pending),
        ])
        .await
        .unwrap();
    assert_eq!(
        applied,
        vec![
            Applied::Done(RunState::Scheduled),
            Applied::Stale,
            Applied::Stale,
            Applied::Stale,
            Applied::Done(RunState::Scheduled),
            Applied::NodeUnavailable,
            Applied::NodeUnavailable,
            Applied::Done(RunState::Scheduled),
            Applied::NodeUnavailable,
            Applied::Done(RunState::Pending),
        ]
    );
    let n1 = store.node("n1").await.unwrap().unwrap();
    assert_eq!((n1.usage.slots, n1.usage.cpu_millis), (3, 3000));
    assert_eq!(store.node("n2").await.unwrap().unwrap().usage.slots, 0);
    let mut placed = store.node_runs("n1").await.unwrap();
    placed.sort();
    assert_eq!(placed, vec![id(0), id(1), id(2)]);
    let counts = store.state_counts().await.unwrap();
    assert_eq!(
        (
            counts[&RunState::Scheduled],
            counts[&RunState::Queued],
            counts[&RunState::Pending],
            counts[&RunState::Cancelled]
        ),
        (3, 4, 1, 1)
    );
    let stats = store.queue_stats().await.unwrap();
    // Back in the queue: the three that did not fit, and the one never claimed.
    assert_eq!((stats.depth, stats.in_flight, stats.pending), (4, 0, 1));
    for i in [0, 1, 2] {
        let run = store.get_run(&id(i)).await.unwrap().unwrap();
        assert_eq!(
            (run.state, run.node.as_deref(), run.attempts),
            (RunState::Scheduled, Some("n1"), 1)
        );
        let path: Vec<Option<String>> = store
            .run_events(&id(i))
            .await
            .unwrap()
            .into_iter()
            .map(|e| e.to)
            .collect();
        assert_eq!(
            path,
            vec![Some("admitted".to_string()), Some("scheduled".to_string())]
        );
    }
    let unplaced = store.get_run(&id(6)).await.unwrap().unwrap();
    assert_eq!((unplaced.state, unplaced.node), (RunState::Queued, None));
    assert_eq!(unplaced.verdict, Some(Verdict::Allow));
}

/// Batched starts and finishes: each run re-checked for its own node and attempt; a stale
/// outcome is an event; a cancelled run keeps its output; the node's capacity is given back
/// exactly; finished runs join the retention index and the per-state counts.
async fn batched_agent_steps(store: SharedStore) {
    node(&store, "n1", 4, Duration::from_secs(30)).await;
    let batch = runs(4, 0);
    store.submit(&batch).await.unwrap();
    place_all(&store, "n1").await;
    let id = |i: usize| batch[i].id.clone();
    let start = |i: usize, attempt: u32| RunStart {
        id: id(i),
        attempt,
        log_path: Some(format!("/logs/{i}.log")),
    };
    let started = store
        .start_runs(
            "n1",
            &[
                start(0, 1),
                start(1, 1),
                start(1, 1),
                start(2, 7),
                start(3, 1),
            ],
        )
        .await
        .unwrap();
    assert_eq!(
        started,
        vec![
            Applied::Done(RunState::Running),
            Applied::Done(RunState::Running),
            Applied::Stale,
            Applied::Stale,
            Applied::Done(RunState::Running),
        ]
    );
    assert_eq!(
        store.start_runs("n2", &[start(2, 1)]).await.unwrap(),
        vec![Applied::Stale]
    );
    store.cancel(&id(3), "stop").await.unwrap();
    let ok = |code: i32, tail: &str| Completion {
        state: if code == 0 {
            RunState::Succeeded
        } else {
            RunState::Failed
        },
        exit_code: Some(code),
        message: None,
        log_tail: tail.into(),
    };
    let finish = |i: usize, attempt: u32, done: Completion| RunFinish {
        id: id(i),
        attempt,
        done,
    };
    let finished = store
        .finish_runs(
            "n1",
            &[
                finish(0, 1, ok(0, "zero\n")),
                finish(1, 2, ok(0, "wrong attempt\n")),
                finish(1, 1, ok(4, "one\n")),
                finish(1, 1, ok(0, "again\n")),
                finish(3, 1, ok(0, "cancelled but said this\n")),
            ],
        )
        .await
        .unwrap();
    assert_eq!(
        finished,
        vec![
            Applied::Done(RunState::Succeeded),
            Applied::Stale,
            Applied::Done(RunState::Failed),
            Applied::Stale,
            Applied::Stale,
        ]
    );
    let r0 = store.get_run(&id(0)).await.unwrap().unwrap();
    assert_eq!(
        (
            r0.state,
            r0.exit_code,
            r0.log_tail.as_str(),
            r0.log_path.as_deref()
        ),
        (RunState::Succeeded, Some(0), "zero\n", Some("/logs/0.log"))
    );
    assert!(r0.started_at.is_some() && r0.finished_at.is_some());
    let r1 = store.get_run(&id(1)).await.unwrap().unwrap();
    assert_eq!((r1.state, r1.exit_code), (RunState::Failed, Some(4)));
    let stale = stale_events(&store, &id(1)).await;
    assert_eq!(stale.len(), 1, "{stale:?}");
    assert!(
        stale[0].starts_with("stale outcome from attempt 2 on node n1: succeeded (exit code 0)"),
        "{stale:?}"
    );
    let r3 = store.get_run(&id(3)).await.unwrap().unwrap();
    assert_eq!(
        (r3.state, r3.log_tail.as_str()),
        (RunState::Cancelled, "cancelled but said this\n")
    );
    // Run 2 is still scheduled on n1 (its one slot); the others gave theirs back.
    let n1 = store.node("n1").await.unwrap().unwrap();
    assert_eq!((n1.usage.slots, n1.usage.cpu_millis), (1, 1000));
    assert_eq!(store.node_runs("n1").await.unwrap(), vec![id(2)]);
    let counts = store.state_counts().await.unwrap();
    assert_eq!(
        (
            counts[&RunState::Succeeded],
            counts[&RunState::Failed],
            counts[&RunState::Scheduled],
            counts[&RunState::Running]
        ),
        (1, 1, 1, 0)
    );
    let path: Vec<Option<String>> = store
        .run_events(&id(0))
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.to)
        .collect();
    assert_eq!(
        path,
        ["admitted", "scheduled", "running", "succeeded"]
            .map(|s| Some(s.to_string()))
            .to_vec()
    );
    // Finished runs are in the retention index (the cancelled one too).
    let mut due = store
        .expired_runs(tartarus::model::now_ms() + 1, Duration::ZERO, 10)
        .await
        .unwrap();
    due.sort();
    let mut expect = vec![id(0), id(1), id(3)];
    expect.sort();
    assert_eq!(due, expect);
}

/// An agent's start step answers with what it needs (the attempt it started, the spec), so it
/// reads nothing first: only runs scheduled on that node start, each once, at most `max`, and
/// the run, its indexes and its history are as after `start_run`; the attempt answered fences
/// the outcome. History entries keep free text exactly (quotes, backslashes, new lines).
async fn start_placed_answers_attempt_and_spec(store: SharedStore) {
    node(&store, "n1", 4, Duration::from_secs(30)).await;
    let batch = runs(4, 0);
    store.submit(&batch).await.unwrap();
    let id = |i: usize| batch[i].id.clone();
    // Run 3 is placed with a message that needs escaping in JSON.
    let claimed = store.claim(100, Duration::from_secs(30)).await.unwrap();
    let text = "say \"hi\"\\ then\nnew line / tab\t é";
    let outs: Vec<Outcome> = claimed
        .iter()
        .map(|c| {
            let mut o = outcome(
                &c.id,
                Decision::Assign {
                    node: "n1".into(),
                    want: one_cpu(),
                },
            );
            if c.id == id(3) {
                o.message = Some(text.to_string());
            }
            o
        })
        .collect();
    store.apply_outcomes(&outs).await.unwrap();
    store.cancel(&id(1), "stop").await.unwrap();
    let start = |i: usize| PlacedStart {
        id: id(i),
        log_path: Some(format!("/logs/{i}.log")),
    };
    // Not this node's runs: nothing starts, nothing changes.
    assert_eq!(
        store.start_placed("n2", &[start(0)], 10).await.unwrap(),
        vec![None]
    );
    let gone = PlacedStart {
        id: "01J00000000000000000000000".into(),
        log_path: None,
    };
    let started = store
        .start_placed(
            "n1",
            &[start(0), start(0), start(1), gone, start(3), start(2)],
            2,
        )
        .await
        .unwrap();
    let expect = |i: usize| {
        Some(Started {
            attempt: 1,
            spec: Ok(batch[i].spec.clone()),
        })
    };
    // 0 starts once, 1 was cancelled, the unknown run is not there, 3 starts, 2 is beyond max.
    assert_eq!(started, vec![expect(0), None, None, None, expect(3), None]);
    let r0 = store.get_run(&id(0)).await.unwrap().unwrap();
    assert_eq!(
        (r0.state, r0.log_path.as_deref(), r0.attempts),
        (RunState::Running, Some("/logs/0.log"), 1)
    );
    assert!(r0.started_at.is_some());
    let r3 = store.get_run(&id(3)).await.unwrap().unwrap();
    assert_eq!((r3.state, r3.message), (RunState::Running, None));
    let counts = store.state_counts().await.unwrap();
    assert_eq!(
        (
            counts[&RunState::Running],
            counts[&RunState::Scheduled],
            counts[&RunState::Cancelled]
        ),
        (2, 1, 1)
    );
    let history = store.run_events(&id(3)).await.unwrap();
    let steps: Vec<(Option<String>, Option<String>, Option<String>)> = history
        .iter()
        .map(|e| (e.to.clone(), e.node.clone(), e.message.clone()))
        .collect();
    assert_eq!(
        steps,
        vec![
            (Some("admitted".into()), None, None),
            (
                Some("scheduled".into()),
                Some("n1".into()),
                Some(text.to_string())
            ),
            (Some("running".into()), Some("n1".into()), None),
        ]
    );
    assert!(history
        .iter()
        .all(|e| e.kind == "run" && e.run.as_deref() == Some(id(3).as_str())));
    // The attempt answered is the fence: another attempt's outcome is stale.
    let done = Completion::succeeded("");
    assert_eq!(
        store.finish_run(&id(0), "n1", 2, &done).await.unwrap(),
        Applied::Stale
    );
    assert_eq!(
        store.finish_run(&id(0), "n1", 1, &done).await.unwrap(),
        Applied::Done(RunState::Succeeded)
    );
    // Run 2 is still there to start.
    assert_eq!(
        store.start_placed("n1", &[start(2)], 1).await.unwrap(),
        vec![expect(2)]
    );
}

/// A submit that queues new runs wakes the cell's schedulers; one that queues nothing (the same
/// runs again) does not.
async fn submits_wake_schedulers(store: SharedStore) {
    let mut rx = store.queue_wakeups().await.unwrap();
    assert!(!rx.has_changed().unwrap());
    let batch = runs(3, 0);
    store.submit(&batch).await.unwrap();
    tokio::time::timeout(Duration::from_secs(5), rx.changed())
        .await
        .expect("a submit wakes the schedulers")
        .unwrap();
    store.submit(&batch).await.unwrap();
    // Time for a wake-up to arrive, were one sent.
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(!rx.has_changed().unwrap(), "nothing new was queued");
    store.submit(&runs(1, 0)).await.unwrap();
    tokio::time::timeout(Duration::from_secs(5), rx.changed())
        .await
        .expect("the next submit wakes them again")
        .unwrap();
}

/// A finish that frees capacity while runs are parked as pending moves up to two of them per run
/// freed back to the queue and wakes the schedulers; a finish while none is parked, and one that
/// frees nothing (a stale outcome), move and wake nothing.
async fn finishes_that_free_capacity_requeue_parked_runs(store: SharedStore) {
    node(&store, "n1", 4, Duration::from_secs(60)).await;
    let batch = runs(5, 0);
    // Subscribed first, and the submit's own wake-up seen before the finish: on Cluster a
    // message reaches the subscriber's node over the cluster bus, and could land late.
    let mut rx = store.queue_wakeups().await.unwrap();
    store.submit(&batch[..2]).await.unwrap();
    tokio::time::timeout(Duration::from_secs(5), rx.changed())
        .await
        .expect("the submit wakes the schedulers")
        .unwrap();
    place_all(&store, "n1").await;
    start_all(&store, "n1", &batch[..2]).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    rx.borrow_and_update();
    let done = Completion::succeeded("");
    // Nothing parked: the freed slot moves and wakes nothing.
    assert_eq!(
        store
            .finish_run(&batch[0].id, "n1", 1, &done)
            .await
            .unwrap(),
        Applied::Done(RunState::Succeeded)
    );
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(!rx.has_changed().unwrap(), "nothing was parked");
    // Three more, all parked as pending.
    store.submit(&batch[2..]).await.unwrap();
    tokio::time::timeout(Duration::from_secs(5), rx.changed())
        .await
        .expect("the submit wakes the schedulers")
        .unwrap();
    let claimed = store.claim(10, Duration::from_secs(30)).await.unwrap();
    assert_eq!(claimed.len(), 3);
    let parked: Vec<Outcome> = claimed
        .iter()
        .map(|c| outcome(&c.id, Decision::Pending))
        .collect();
    let applied = store.apply_outcomes(&parked).await.unwrap();
    assert!(applied
        .iter()
        .all(|a| *a == Applied::Done(RunState::Pending)));
    // A stale outcome (another attempt) frees nothing.
    assert_eq!(
        store
            .finish_run(&batch[1].id, "n1", 2, &done)
            .await
            .unwrap(),
        Applied::Stale
    );
    let stats = store.queue_stats().await.unwrap();
    assert_eq!((stats.depth, stats.pending), (0, 3), "{stats:?}");
    // Time for a wake-up to arrive, were one sent.
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(!rx.has_changed().unwrap(), "nothing was freed");
    // One run freed: two of the three parked go back to the queue, the schedulers are woken.
    assert_eq!(
        store
            .finish_run(&batch[1].id, "n1", 1, &done)
            .await
            .unwrap(),
        Applied::Done(RunState::Succeeded)
    );
    tokio::time::timeout(Duration::from_secs(5), rx.changed())
        .await
        .expect("a finish that frees capacity while runs wait wakes the schedulers")
        .unwrap();
    let stats = store.queue_stats().await.unwrap();
    assert_eq!((stats.depth, stats.pending), (2, 1), "{stats:?}");
    let back = store.claim(10, Duration::from_secs(30)).await.unwrap();
    assert_eq!(back.len(), 2);
    for c in &back {
        let run = store.get_run(&c.id).await.unwrap().unwrap();
        assert_eq!(run.state, RunState::Pending, "{}", c.id);
    }
}

/// A wake-up reaches the woken node's watcher only, promptly; several may merge into one change;
/// waking a node nobody watches (or no node) is not an error.
async fn nodes_are_woken_by_name(store: SharedStore) {
    let mut a = store.node_wakeups("a").await.unwrap();
    let mut b = store.node_wakeups("b").await.unwrap();
    store.wake_nodes(&[]).await.unwrap();
    store.wake_nodes(&["nobody".to_string()]).await.unwrap();
    store.wake_nodes(&["a".to_string()]).await.unwrap();
    tokio::time::timeout(Duration::from_secs(5), a.changed())
        .await
        .expect("node a is woken")
        .unwrap();
    assert!(!b.has_changed().unwrap(), "node b was not woken");
    store
        .wake_nodes(&["a".to_string(), "b".to_string()])
        .await
        .unwrap();
    for rx in [&mut a, &mut b] {
        tokio::time::timeout(Duration::from_secs(5), rx.changed())
            .await
            .expect("both nodes are woken")
            .unwrap();
    }
    // The scheduler wakes each node given work once per batch, and only for placements that
    // took: a stale or refused placement wakes nobody.
    let assign = |id: &str, node: &str| {
        outcome(
            id,
            Decision::Assign {
                node: node.into(),
                want: one_cpu(),
            },
        )
    };
    let scheduled = Applied::Done(RunState::Scheduled);
    assert_eq!(
        assigned_nodes(
            &[
                assign("1", "b"),
                outcome("2", Decision::Pending),
                assign("3", "a"),
                assign("4", "b"),
                assign("5", "c"),
                assign("6", "d"),
            ],
            &[
                scheduled.clone(),
                Applied::Done(RunState::Pending),
                scheduled.clone(),
                scheduled,
                Applied::Stale,
                Applied::NodeUnavailable,
            ]
        ),
        ["a", "b"]
    );
}

macro_rules! contract {
    ($($name:ident),* $(,)?) => {
        mod redis_backend {
            use super::*;
            $(
                #[tokio::test]
                async fn $name() {
                    let server = RedisServer::start();
                    super::$name(redis_store(&server).await).await;
                }
            )*
        }
        mod cluster_backend {
            use super::*;
            /// One cluster for the whole suite (starting six... three servers per case would
            /// cost more than the cases): every case runs in turn, in its own cell.
            #[tokio::test]
            async fn the_whole_contract_on_redis_cluster() {
                let cluster = support::cluster::RedisCluster::start(3, 0);
                let mut masters = std::collections::BTreeSet::new();
                $(
                    eprintln!("cluster contract: {}", stringify!($name));
                    let cell = tartarus::store::keys::Cell::new(stringify!($name)).unwrap();
                    let keys = tartarus::store::keys::Keys::for_cell(&cell);
                    masters.insert(cluster.master_of_slot(cluster.keyslot(&keys.queue())));
                    let store = RedisStore::connect(&cluster.target(), keys, settings())
                        .await
                        .expect("connect to the cluster");
                    super::$name(Arc::new(store)).await;
                )*
                assert!(masters.len() > 1, "the cells all landed on one master: {masters:?}");
            }
        }
        mod memory_backend {
            use super::*;
            $(
                #[tokio::test]
                async fn $name() {
                    super::$name(Arc::new(MemoryStore::new(settings()))).await;
                }
            )*
        }
    };
}

contract!(
    submit_get_list_and_count,
    claim_order_leases_and_reaping,
    outcomes_are_atomic_and_capacity_checked,
    cancel_frees_capacity_and_refuses_finished_runs,
    agent_lifecycle,
    lapsed_nodes_requeue_then_dead_letter,
    fencing_by_attempt,
    idempotent_submit,
    retention_deletes_only_finished_runs_past_their_window,
    oldest_finished_counts_runs_with_their_own_ttl,
    events_are_trimmed_by_age,
    batch_steps_record_every_event,
    run_history_keeps_its_newest_events,
    policy_history_is_capped_by_count_and_bytes,
    nodes_labels_drain_remove,
    policies_are_versioned,
    events_stream,
    delete_discard_and_quiet_policy_changes,
    schedulers_announce_expire_and_retire,
    unchanged_policies_change_nothing,
    claim_runs_returns_the_runs_data,
    batch_decisions_recheck_every_run,
    batched_agent_steps,
    nodes_are_woken_by_name,
    start_placed_answers_attempt_and_spec,
    submits_wake_schedulers,
    finishes_that_free_capacity_requeue_parked_runs,
);
