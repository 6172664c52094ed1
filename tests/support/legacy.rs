//! A populated dataset in the layout from before cells (`tartarus:*`, `themis:*`, no schema key),
//! written the way the previous binary wrote it: through the store with [`Keys::legacy`] (the
//! Lua scripts and stored formats did not change with cells, only the key names, which
//! `keys::tests::legacy_layout_is_the_pre_cell_one` pins to the previous ones).

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

use tartarus::config::RedisTarget;
use tartarus::model::node::Resources;
use tartarus::model::run::{Run, RunState, Verdict};
use tartarus::model::spec::{parse_sandbox_documents, Heat};
use tartarus::store::keys::{Keys, LEGACY_QUEUE_KEY};
use tartarus::store::redis::RedisStore;
use tartarus::store::*;

/// The store of the old layout on this server.
pub async fn legacy_store(target: &RedisTarget) -> SharedStore {
    Arc::new(
        RedisStore::connect(
            target,
            Keys::legacy(LEGACY_QUEUE_KEY),
            StoreSettings::default(),
        )
        .await
        .expect("connect to the old layout"),
    )
}

/// `n` new queued runs of one spec.
#[allow(dead_code)]
pub fn runs_of(n: usize) -> Vec<Run> {
    specs(n, 0)
}

fn specs(n: usize, priority: u32) -> Vec<Run> {
    let text = format!(
        "metadata: {{name: old-{priority}, labels: {{team: t{priority}}}}}\nspec:\n  image: alpine\n  command: [\"true\"]\n  priority: {priority}\n  resources: {{cpu: 100m, memory: 64Mi}}\n"
    );
    let spec = parse_sandbox_documents("t", &text).unwrap().remove(0);
    tartarus::cli::sandbox::new_runs(vec![spec; n])
}

fn outcome(id: &str, decision: Decision) -> Outcome {
    Outcome {
        id: id.to_string(),
        decision,
        verdict: Verdict::Allow,
        reasons: vec!["no policy matched".into()],
        policy_version: 2,
        heat: Heat::Warm,
        quarantined: false,
        message: Some("from the old layout".into()),
    }
}

async fn node(store: &SharedStore, name: &str, ttl: Duration) {
    store
        .heartbeat(&Heartbeat {
            name: name.into(),
            labels: BTreeMap::from([("zone".to_string(), "a".to_string())]),
            capacity: Resources {
                cpu_millis: 64_000,
                memory_bytes: 64 << 30,
                gpu: 0,
                slots: 64,
            },
            version: "old".into(),
            ttl,
        })
        .await
        .unwrap();
}

/// Runs in every state (queued, leased, pending, scheduled, running, succeeded, failed, denied,
/// rejected, cancelled, dead), a paused queue, two nodes whose agents died (their heartbeats
/// expire after `node_ttl`, their placed runs remain), a crashed scheduler's index entry, three
/// Themis versions with history, and the event stream. `bulk` more queued runs make it bigger.
pub async fn populate(store: &SharedStore, bulk: usize, node_ttl: Duration) {
    let policies = tartarus::ops::policies::parse(
        "examples/policies.yaml",
        include_bytes!("../../examples/policies.yaml"),
    )
    .unwrap();
    store
        .apply_policies(&policies, "alice", History::Keep)
        .await
        .unwrap();
    let extra = tartarus::ops::policies::parse(
        "extra",
        b"metadata: {name: no-gpu}\nspec: {rules: [{name: r, when: {gpu: {gt: 0}}, verdict: deny}]}\n",
    )
    .unwrap();
    store
        .apply_policies(&extra, "bob", History::Keep)
        .await
        .unwrap();
    store
        .delete_policies(&[policies[0].name.clone()], "carol", History::Keep)
        .await
        .unwrap();

    node(store, "old-1", node_ttl).await;
    node(store, "old-2", node_ttl).await;
    let mut runs = specs(24, 5);
    runs.extend(specs(6, 900));
    store.submit(&runs).await.unwrap();
    let claimed = store.claim(21, Duration::from_secs(3600)).await.unwrap();
    assert_eq!(claimed.len(), 21);
    let ids: Vec<String> = claimed.into_iter().map(|c| c.id).collect();
    let assign = |id: &str, node: &str| {
        outcome(
            id,
            Decision::Assign {
                node: node.into(),
                want: Resources {
                    cpu_millis: 100,
                    memory_bytes: 64 << 20,
                    gpu: 0,
                    slots: 1,
                },
            },
        )
    };
    let mut outcomes = vec![
        outcome(&ids[0], Decision::Deny),
        outcome(&ids[1], Decision::Reject),
        outcome(&ids[2], Decision::Pending),
        outcome(&ids[3], Decision::Pending),
    ];
    for (i, id) in ids[4..16].iter().enumerate() {
        outcomes.push(assign(id, if i % 2 == 0 { "old-1" } else { "old-2" }));
    }
    // ids[16..21] stay leased.
    let applied = store.apply_outcomes(&outcomes).await.unwrap();
    assert!(
        applied[4..]
            .iter()
            .all(|a| *a == Applied::Done(RunState::Scheduled)),
        "{applied:?}"
    );
    for (i, id) in ids[4..12].iter().enumerate() {
        let node = if i % 2 == 0 { "old-1" } else { "old-2" };
        store.start_run(id, node, 1, None).await.unwrap();
    }
    let done = |state, code| Completion {
        state,
        exit_code: Some(code),
        message: None,
        log_tail: format!("exit {code}\n"),
    };
    store
        .finish_run(&ids[4], "old-1", 1, &done(RunState::Succeeded, 0))
        .await
        .unwrap();
    store
        .finish_run(&ids[5], "old-2", 1, &done(RunState::Failed, 3))
        .await
        .unwrap();
    let dead = store
        .hand_back(&ids[6], "old-1", 1, "the agent gave up", 1)
        .await
        .unwrap();
    assert!(
        matches!(dead, Some(Recovery::DeadLettered { .. })),
        "{dead:?}"
    );
    store.cancel(&ids[7], "cancelled by dave").await.unwrap();
    let queued = store
        .list_runs(
            &RunFilter {
                state: Some(RunState::Queued),
                ..Default::default()
            },
            None,
            1,
        )
        .await
        .unwrap();
    store
        .cancel(&queued.runs[0].id, "cancelled while queued")
        .await
        .unwrap();
    if bulk > 0 {
        for chunk in specs(bulk, 1).chunks(5000) {
            store.submit(chunk).await.unwrap();
        }
    }
    store
        .announce_scheduler(&SchedulerBeat {
            id: "01OLDSCHEDULER".into(),
            host: "old-host".into(),
            pid: 4242,
            version: "old".into(),
            started_at: tartarus::model::now_ms() - 60_000,
            ttl: Duration::from_millis(300),
        })
        .await
        .unwrap();
    store.set_paused(true).await.unwrap();
}

/// What the old layout holds, read through the store: the runs as `sandbox list --all -o json`
/// prints them, the policy history as `policy history -o json` prints it, and `queue stats`
/// without its time-dependent fields.
pub async fn views(
    store: &SharedStore,
) -> (serde_json::Value, serde_json::Value, serde_json::Value) {
    let all = tartarus::ops::list::list_runs(&**store, &RunFilter::default(), None, 1000, true)
        .await
        .unwrap();
    let runs = serde_json::to_value(tartarus::cli::sandbox::run_page(&all.runs, None)).unwrap();
    let history = serde_json::json!({
        "items": serde_json::to_value(store.policy_history(1000).await.unwrap()).unwrap(),
        "next": null,
    });
    let stats = stable_stats(serde_json::to_value(store.queue_stats().await.unwrap()).unwrap());
    (runs, history, stats)
}

/// `queue stats` JSON without what depends on time or on the key name.
pub fn stable_stats(mut stats: serde_json::Value) -> serde_json::Value {
    if let Some(map) = stats.as_object_mut() {
        for field in [
            "queue_key",
            "oldest_age_ms",
            "schedulers",
            "live_schedulers",
            "finished_oldest_age_ms",
        ] {
            map.remove(field);
        }
    }
    stats
}
