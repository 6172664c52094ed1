//! The store benchmark (`tartarus bench`): throughput of bulk submit, claim, `queue stats` and the scheduler, next to redis-benchmark's raw rate, all under a key prefix of its own that is removed afterwards.
//!
//! Isolation is the point: the bench runs against servers that may be live. Every key it writes
//! (runs, queue, nodes, its scheduler's announcement, events, and its 10 Themis policies) lives
//! under [`BENCH_PREFIX`] through [`Keys::isolated`], its policy publishes go to that prefix's
//! channel (so live schedulers never reload), redis-benchmark writes under `BENCH_PREFIX:raw:`,
//! and the cleanup deletes that prefix with SCAN + UNLINK before and after (never KEYS, never
//! FLUSHDB), also when a step fails.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{Context as _, Result};
use serde::Serialize;

use crate::config::{Backend, Endpoint, RedisTarget};
use crate::model::node::{Resources, PHLEGETHON_LABEL};
use crate::model::run::{Run, RunState};
use crate::model::spec::{parse_sandbox_documents, SandboxSpec};
use crate::ops::submit::{new_runs_from, FILE_BATCH};
use crate::persistence::RedisAdmin;
use crate::scheduler::{Scheduler, SchedulerConfig};
use crate::store::keys::{Cell, Keys};
use crate::store::memory::MemoryStore;
use crate::store::redis::RedisStore;
use crate::store::{Heartbeat, History, SharedStore, Store, StoreSettings};

use super::bench_lifecycle::{Meter, RedisCost};

/// Every bench key starts with `tartarus-bench:`.
pub const BENCH_PREFIX: &str = "tartarus-bench";

/// What to measure, and how much.
#[derive(Clone, Debug)]
pub struct BenchOptions {
    /// Runs for the bulk submit, `queue stats` and claim figures.
    pub runs: usize,
    /// Runs per claim.
    pub claim_batch: usize,
    /// SET requests for redis-benchmark's raw rate (0 skips it).
    pub raw_requests: u64,
    /// Runs for the end-to-end figure (submit → admitted → scheduled).
    pub e2e_runs: usize,
    /// Scheduler batch size for the end-to-end figure.
    pub e2e_batch: usize,
    /// Seconds of a steady 1,000 runs/s for the latency figure (0 skips it).
    pub latency_secs: u64,
    /// Runs for the whole-lifecycle figure (submit → succeeded; 0 skips it).
    pub lifecycle_runs: usize,
}

/// Latency percentiles of one figure.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Latency {
    pub p50_ms: i64,
    pub p99_ms: i64,
    pub max_ms: i64,
}

/// One measured figure.
#[derive(Clone, Debug, Serialize)]
pub struct Figure {
    pub name: String,
    pub count: u64,
    pub elapsed_ms: u64,
    pub per_second: f64,
    /// Percentiles, for the latency figure.
    pub latency: Option<Latency>,
    /// What the phase cost Redis per run (`null` in memory, and for figures not measured so).
    pub redis: Option<RedisCost>,
    pub note: String,
}

/// Everything one bench run measured.
#[derive(Clone, Debug, Serialize)]
pub struct BenchReport {
    pub backend: String,
    /// The key prefix the bench wrote under (and removed); `null` in memory.
    pub prefix: Option<String>,
    pub figures: Vec<Figure>,
}

/// A figure for `count` operations done in `elapsed`.
pub fn figure(name: &str, count: u64, elapsed: Duration, note: String) -> Figure {
    let seconds = elapsed.as_secs_f64();
    Figure {
        name: name.into(),
        count,
        elapsed_ms: u64::try_from(elapsed.as_millis()).unwrap_or(u64::MAX),
        per_second: if seconds > 0.0 {
            count as f64 / seconds
        } else {
            0.0
        },
        latency: None,
        redis: None,
        note,
    }
}

/// The key layout of the bench: everything of its cell under [`BENCH_PREFIX`]
/// (`tartarus-bench:{<cell>}:*`, one slot like any cell).
pub fn bench_keys() -> Keys {
    Keys::isolated(BENCH_PREFIX, &Cell::default())
}

/// What the cleanup deletes: every bench cell and redis-benchmark's keys.
fn cleanup_patterns() -> Vec<String> {
    vec![format!("{BENCH_PREFIX}:*")]
}

/// A fresh store for the bench on the configured backend (Redis: under the bench prefix).
pub async fn bench_store(backend: &Backend, settings: &StoreSettings) -> Result<SharedStore> {
    Ok(match backend {
        Backend::Memory => Arc::new(MemoryStore::new(settings.clone())),
        Backend::Redis(t) => Arc::new(
            RedisStore::connect(t, bench_keys(), settings.clone())
                .await
                .context("connecting to Redis")?,
        ),
    })
}

/// Deletes every key of the bench layout (SCAN on its own patterns + UNLINK); returns how many.
pub async fn cleanup(target: &RedisTarget) -> Result<u64> {
    let patterns = cleanup_patterns();
    // The cleanup deletes by pattern: refuse anything that could reach beyond the bench's keys.
    if let Some(p) = patterns
        .iter()
        .find(|p| !p.starts_with(&format!("{BENCH_PREFIX}:")))
    {
        anyhow::bail!("refusing to clean up `{p}`: it is not under the bench prefix");
    }
    let mut removed = 0;
    // On Redis Cluster the bench's keys are on every master: each is scanned in turn.
    for (_, node) in crate::persistence::admin::one_server_targets(target).await? {
        let admin = RedisAdmin::connect(&node).await?;
        removed += admin.flush_keys(&patterns).await?;
    }
    Ok(removed)
}

/// Runs the bench. Against Redis the bench prefix is removed before it starts and after it ends,
/// whether it succeeded or not.
pub async fn run(
    backend: &Backend,
    settings: &StoreSettings,
    options: &BenchOptions,
) -> Result<BenchReport> {
    let target = match backend {
        Backend::Redis(t) => Some(t),
        Backend::Memory => None,
    };
    if let Some(t) = target {
        cleanup(t)
            .await
            .context("removing an earlier bench's keys")?;
    }
    let result = measure(backend, settings, options).await;
    if let Some(t) = target {
        let removed = cleanup(t).await.context("removing the bench's keys");
        if result.is_ok() {
            removed?;
        } else if let Err(e) = removed {
            tracing::warn!("{e:#}");
        }
    }
    let figures = result?;
    Ok(BenchReport {
        backend: match backend {
            Backend::Memory => "in-memory".into(),
            Backend::Redis(t) => match t.replica_ack {
                Some(a) => format!(
                    "Redis {} (--min-replicas-ack {})",
                    t.topology.name(),
                    a.replicas
                ),
                None => format!("Redis {}", t.topology.name()),
            },
        },
        prefix: target.map(|_| BENCH_PREFIX.to_string()),
        figures,
    })
}

async fn measure(
    backend: &Backend,
    settings: &StoreSettings,
    options: &BenchOptions,
) -> Result<Vec<Figure>> {
    let target = match backend {
        Backend::Redis(t) => Some(t),
        Backend::Memory => None,
    };
    let meter = Meter::connect(target.map(|t| &**t)).await?;
    let mut figures = throughput(backend, settings, options, &meter).await?;
    if let Some(t) = target {
        cleanup(t).await?;
    }
    let store = bench_store(backend, settings).await?;
    figures.extend(end_to_end(store.clone(), options, &meter).await?);
    if options.lifecycle_runs > 0 {
        if let Some(t) = target {
            cleanup(t).await?;
        }
        let store = bench_store(backend, settings).await?;
        let docs = crate::ops::policies::parse("the bench policies", BENCH_POLICIES.as_bytes())?;
        store.apply_policies(&docs, "bench", History::Keep).await?;
        figures.push(
            super::bench_lifecycle::lifecycle(
                store,
                &e2e_sandbox()?,
                options.lifecycle_runs,
                options.e2e_batch,
                &meter,
            )
            .await?,
        );
    }
    if let Backend::Redis(target) = backend {
        if target.topology.is_cluster() {
            figures.push(figure(
                "raw redis",
                0,
                Duration::ZERO,
                "not measured on Redis Cluster (redis-benchmark talks to one node)".into(),
            ));
        } else if options.raw_requests > 0 {
            // redis-benchmark talks to one server: the master of the moment.
            let node = RedisAdmin::connect(target).await?.endpoint().await?;
            figures.push(raw_figure(target, &node, options.raw_requests, &figures));
        }
    }
    Ok(figures)
}

fn sandbox(yaml: &str) -> Result<SandboxSpec> {
    parse_sandbox_documents("the bench sandbox", yaml)?
        .into_iter()
        .next()
        .context("the bench sandbox document is empty")
}

/// Bulk submit, `queue stats` with the whole submission queued, and claim.
async fn throughput(
    backend: &Backend,
    settings: &StoreSettings,
    options: &BenchOptions,
    meter: &Meter,
) -> Result<Vec<Figure>> {
    let store = bench_store(backend, settings).await?;
    let spec = sandbox(
        "metadata: {name: bench, labels: {suite: bench}}\nspec:\n  image: alpine:3.20\n  command: [\"true\"]\n  resources: {cpu: 100m, memory: 64Mi}\n  timeout: 30s\n",
    )?;
    let mut figures = Vec::new();
    let before = meter.read().await?;
    let t = Instant::now();
    let submitted = submit_in_batches(&*store, &spec, options.runs).await?;
    let mut f = figure(
        "submit (bulk, pipelined)",
        submitted,
        t.elapsed(),
        format!("batches of {}", settings.submit_batch),
    );
    f.redis = meter.cost_since(before, submitted).await?;
    figures.push(f);

    // With the whole submission still queued: the figure must not grow with the queue.
    let queued = store.queue_stats().await?.depth;
    let t = Instant::now();
    for _ in 0..200 {
        store.queue_stats().await?;
    }
    let stats_elapsed = t.elapsed();
    figures.push(figure(
        "queue stats",
        200,
        stats_elapsed,
        format!(
            "{:.2} ms each, {queued} runs queued",
            stats_elapsed.as_secs_f64() * 1000.0 / 200.0
        ),
    ));

    let before = meter.read().await?;
    let t = Instant::now();
    let mut claimed = 0u64;
    loop {
        let c = store
            .claim(options.claim_batch.max(1), Duration::from_secs(60))
            .await?;
        if c.is_empty() {
            break;
        }
        claimed += c.len() as u64;
    }
    let mut f = figure(
        "claim (batch under lease)",
        claimed,
        t.elapsed(),
        format!("batches of {}", options.claim_batch.max(1)),
    );
    f.redis = meter.cost_since(before, claimed).await?;
    figures.push(f);
    Ok(figures)
}

/// Submits `count` copies of `spec` the way a bulk submit from a file does: one batch of
/// [`FILE_BATCH`] runs made, written and dropped at a time, so the bench's memory does not grow
/// with `--runs`.
async fn submit_in_batches(store: &dyn Store, spec: &SandboxSpec, count: usize) -> Result<u64> {
    let mut gen = ulid::Generator::new();
    let mut left = count;
    while left > 0 {
        let n = left.min(FILE_BATCH);
        let runs = new_runs_from(&mut gen, vec![spec.clone(); n]);
        store.submit(&runs).await?;
        left -= n;
    }
    Ok(count as u64)
}

/// The raw server rate from `redis-benchmark` (SET of 200 bytes, pipelined 64 deep, on keys
/// under the bench prefix), when it is installed.
fn raw_figure(target: &RedisTarget, node: &Endpoint, requests: u64, figures: &[Figure]) -> Figure {
    match raw_redis_rate(target, node, requests) {
        Some(rate) => {
            let submit = figures.first().map(|f| f.per_second).unwrap_or(0.0);
            let mut f = figure(
                "raw redis SET (redis-benchmark -P 64)",
                requests,
                Duration::from_secs_f64(requests as f64 / rate.max(1e-9)),
                format!(
                    "submit = {:.1}% of raw SET rate (a submit is ~6 writes)",
                    submit / rate * 100.0
                ),
            );
            f.per_second = rate;
            f
        }
        None => figure(
            "raw redis",
            0,
            Duration::ZERO,
            "redis-benchmark not available".into(),
        ),
    }
}

/// Runs `redis-benchmark` with an explicit SET command whose keys carry the bench prefix
/// (`tartarus-bench:raw:<n>`, n < 100,000), so its keys are the bench's to delete.
pub fn raw_redis_rate(target: &RedisTarget, node: &Endpoint, requests: u64) -> Option<f64> {
    let mut cmd = std::process::Command::new("redis-benchmark");
    cmd.args(["-h", &node.host, "-p", &node.port.to_string()]);
    cmd.args(["-P", "64", "-q", "-r", "100000"]);
    cmd.args(["-n", &requests.to_string()]);
    cmd.args(["--dbnum", &target.db.to_string()]);
    if let Some(tls) = &target.tls {
        cmd.arg("--tls");
        if let Some(ca) = &tls.ca {
            cmd.arg("--cacert").arg(&ca.path);
        }
        if let Some((cert, key)) = &tls.client {
            cmd.arg("--cert")
                .arg(&cert.path)
                .arg("--key")
                .arg(&key.path);
        }
        if tls.insecure {
            cmd.arg("--insecure");
        }
    }
    if let Some(user) = &target.username {
        cmd.args(["--user", user]);
    }
    if let Some(p) = &target.password {
        // The password goes through the environment, never the argument list.
        cmd.env("REDISCLI_AUTH", p.expose());
    }
    cmd.args([
        "SET",
        &format!("{BENCH_PREFIX}:raw:__rand_int__"),
        &"x".repeat(200),
    ]);
    let out = cmd.output().ok()?;
    parse_rate(&String::from_utf8_lossy(&out.stdout))
}

/// The rate in redis-benchmark's `-q` summary (`NAME: 123456.79 requests per second, …`); it
/// redraws its progress with carriage returns, so the summary is the last such piece.
fn parse_rate(text: &str) -> Option<f64> {
    let line = text
        .split(['\r', '\n'])
        .rev()
        .find(|l| l.contains("requests per second"))?;
    line.split("requests per second")
        .next()?
        .split_whitespace()
        .last()?
        .parse()
        .ok()
}

/// Ten policies of every condition kind, for the end-to-end figure.
const BENCH_POLICIES: &str = r#"
metadata: {name: p0}
spec: {rules: [{name: r, when: {privileged: true}, verdict: deny}]}
---
metadata: {name: p1}
spec: {rules: [{name: r, when: {image: {in: ["evil.example/*"]}}, verdict: deny}]}
---
metadata: {name: p2}
spec: {rules: [{name: r, when: {registry: {notIn: ["docker.io", "ghcr.io"]}}, verdict: quarantine}]}
---
metadata: {name: p3}
spec: {rules: [{name: r, when: {cpu: {gt: 32}}, verdict: deny}]}
---
metadata: {name: p4}
spec: {rules: [{name: r, when: {memory: {gt: 128Gi}}, verdict: deny}]}
---
metadata: {name: p5}
spec: {rules: [{name: r, when: {timeout: {gt: 3d}}, verdict: deny}]}
---
metadata: {name: p6}
spec: {rules: [{name: r, when: {env: {"*SECRET*": {present: true}}}, verdict: deny}]}
---
metadata: {name: p7}
spec: {mode: audit, rules: [{name: r, when: {network: true}, verdict: quarantine}]}
---
metadata: {name: p8}
spec: {match: {labels: {team: payments}}, rules: [{name: r, when: {gpu: {gt: 0}}, verdict: deny}]}
---
metadata: {name: p9}
spec: {rules: [{name: r, when: {labels: {tier: {equals: untrusted}}}, verdict: quarantine}]}
"#;

/// A bench node: capacity no benchmark runs out of (10,000 cores, 1 PiB, a million slots), alive
/// for 10 minutes.
pub(crate) fn bench_node(name: String, labels: BTreeMap<String, String>) -> Heartbeat {
    Heartbeat {
        name,
        labels,
        capacity: Resources {
            cpu_millis: 10_000_000,
            memory_bytes: 1 << 50,
            gpu: 0,
            slots: 1_000_000,
        },
        version: "bench".into(),
        ttl: Duration::from_secs(600),
    }
}

/// Sixteen bench nodes (every fourth in the Phlegethon pool) and the ten bench policies.
pub(crate) async fn bench_nodes_and_policies(store: &SharedStore) -> Result<()> {
    for i in 0..16 {
        let mut labels = BTreeMap::new();
        if i % 4 == 0 {
            labels.insert(PHLEGETHON_LABEL.to_string(), "true".to_string());
        }
        store
            .heartbeat(&bench_node(format!("bench-node-{i:02}"), labels))
            .await?;
    }
    let docs = crate::ops::policies::parse("the bench policies", BENCH_POLICIES.as_bytes())?;
    store.apply_policies(&docs, "bench", History::Keep).await?;
    Ok(())
}

/// Submit → admitted → routed → scheduled through one in-process scheduler, then the latency
/// from submit to scheduled at a steady 1,000 runs/s.
/// The sandbox of the end-to-end figures: one small run, admitted by every bench policy.
pub(crate) fn e2e_sandbox() -> Result<SandboxSpec> {
    sandbox(
        "spec:\n  image: alpine:3.20\n  command: [\"true\"]\n  resources: {cpu: 100m, memory: 64Mi}\n",
    )
}

async fn end_to_end(
    store: SharedStore,
    options: &BenchOptions,
    meter: &Meter,
) -> Result<Vec<Figure>> {
    bench_nodes_and_policies(&store).await?;
    let spec = e2e_sandbox()?;
    let config = SchedulerConfig {
        batch: options.e2e_batch.max(1),
        ..Default::default()
    };
    let before = meter.read().await?;
    let t = Instant::now();
    submit_in_batches(&*store, &spec, options.e2e_runs).await?;
    let submitted = t.elapsed();
    let mut sched = Scheduler::new(store.clone(), config.clone()).await?;
    let (_stop, rx) = tokio::sync::watch::channel(false);
    let t2 = Instant::now();
    let report = sched.run(rx, true).await?;
    let scheduling = t2.elapsed();
    let mut e2e = figure(
        "end to end: submit + schedule",
        report.scheduled,
        submitted + scheduling,
        format!(
            "16 nodes, 10 policies; scheduling alone {:.0}/s",
            report.scheduled as f64 / scheduling.as_secs_f64().max(1e-9)
        ),
    );
    e2e.redis = meter.cost_since(before, report.scheduled).await?;
    let mut figures = vec![e2e];
    if options.latency_secs > 0 {
        figures.push(latency(store, config, spec, options.latency_secs).await?);
    }
    Ok(figures)
}

/// Submits one run per millisecond for `secs` seconds to a running scheduler and measures
/// submit → scheduled from each run's timestamps.
async fn latency(
    store: SharedStore,
    config: SchedulerConfig,
    spec: SandboxSpec,
    secs: u64,
) -> Result<Figure> {
    let (stop_tx, stop_rx) = tokio::sync::watch::channel(false);
    let mut sched = Scheduler::new(store.clone(), config).await?;
    let handle = tokio::spawn(async move { sched.run(stop_rx, false).await });
    let total = usize::try_from(secs)
        .unwrap_or(usize::MAX)
        .saturating_mul(1000);
    let mut ids = Vec::with_capacity(total);
    let mut tick = tokio::time::interval(Duration::from_millis(1));
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Burst);
    for _ in 0..total {
        tick.tick().await;
        let one: Vec<Run> = crate::cli::sandbox::new_runs(vec![spec.clone()]);
        store.submit(&one).await?;
        ids.extend(one.into_iter().map(|r| r.id));
    }
    tokio::time::sleep(Duration::from_millis(200)).await;
    let _ = stop_tx.send(true);
    match handle.await {
        Ok(r) => {
            r?;
        }
        Err(e) => anyhow::bail!("the bench scheduler task failed: {e}"),
    }
    let mut lat = Vec::with_capacity(total);
    for chunk in ids.chunks(1000) {
        for run in store.get_runs(chunk).await?.into_iter().flatten() {
            if run.state == RunState::Scheduled {
                lat.push((run.updated_at - run.created_at).max(0));
            }
        }
    }
    lat.sort_unstable();
    let pct = |p: f64| {
        lat.get(((lat.len() as f64 * p) as usize).min(lat.len().saturating_sub(1)))
            .copied()
            .unwrap_or(0)
    };
    let latency = Latency {
        p50_ms: pct(0.50),
        p99_ms: pct(0.99),
        max_ms: lat.last().copied().unwrap_or(0),
    };
    let mut f = figure(
        "latency submit → scheduled @1000/s",
        lat.len() as u64,
        Duration::from_secs(secs),
        format!(
            "p50 {} ms, p99 {} ms, max {} ms (of {total} submitted)",
            latency.p50_ms, latency.p99_ms, latency.max_ms
        ),
    );
    f.latency = Some(latency);
    Ok(f)
}

#[cfg(test)]
mod tests {
    #[test]
    fn parses_the_summary_of_a_custom_command() {
        let text = "SET tartarus-bench:raw:__rand_int__ xxxx: rps=0.0\r\
            SET tartarus-bench:raw:__rand_int__ xxxx: 651465.88 requests per second, p50=0.719 msec\n";
        assert_eq!(super::parse_rate(text), Some(651465.88));
        assert_eq!(super::parse_rate("ERR unknown command"), None);
    }
}
