//! `tartarus bench`: throughput of the store as configured (bulk submit, claim), next to the raw Redis rate measured in the same run.

use std::time::{Duration, Instant};

use anyhow::{Context as _, Result};
use clap::Args;
use serde::Serialize;

use super::Ctx;
use crate::config::Backend;
use crate::model::spec::parse_sandbox_documents;
use crate::output::{columns, emit, Render};
use crate::store::keys::Keys;
use crate::store::memory::MemoryStore;
use crate::store::redis::RedisStore;
use crate::store::SharedStore;

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct BenchArgs {
    #[command(subcommand)]
    pub what: Option<BenchWhat>,
    /// Runs to submit
    #[arg(long, default_value_t = 100_000)]
    pub runs: usize,
    /// Runs per claim
    #[arg(long, default_value_t = 1000)]
    pub claim_batch: usize,
    /// Skip running redis-benchmark for the raw server rate
    #[arg(long)]
    pub no_raw: bool,
    /// Runs for the end-to-end figure (submit → admitted → scheduled, one scheduler, 16 nodes, 10 policies)
    #[arg(long, default_value_t = 50_000)]
    pub e2e_runs: usize,
    /// Scheduler batch size for the end-to-end figure
    #[arg(long, default_value_t = 1000)]
    pub e2e_batch: usize,
    /// Seconds of steady 1,000 runs/s for the latency figure (0 skips it)
    #[arg(long, default_value_t = 5)]
    pub latency_secs: u64,
}

/// `tartarus bench <what>`; without one, the store throughput figures.
#[derive(Debug, clap::Subcommand)]
pub enum BenchWhat {
    /// Backup and restore speed against redis-cli (--rdb and --pipe) on the same server
    #[command(after_long_help = super::bench_backup::EXAMPLES)]
    Backup(super::bench_backup::BenchBackupArgs),
}

#[derive(Serialize)]
pub struct Figure {
    pub name: String,
    pub count: u64,
    pub seconds: f64,
    pub per_second: f64,
    pub note: String,
}

#[derive(Serialize)]
pub struct BenchReport {
    pub backend: String,
    pub figures: Vec<Figure>,
}

impl Render for BenchReport {
    fn render_table(&self, _wide: bool) -> String {
        let rows = self
            .figures
            .iter()
            .map(|f| {
                vec![
                    f.name.clone(),
                    f.count.to_string(),
                    format!("{:.3}", f.seconds),
                    format!("{:.0}", f.per_second),
                    f.note.clone(),
                ]
            })
            .collect();
        format!(
            "backend: {}\n{}",
            self.backend,
            columns(
                &["BENCHMARK", "COUNT", "SECONDS", "PER SECOND", "NOTE"],
                rows
            )
        )
    }
}

pub fn figure(name: &str, count: u64, elapsed: Duration, note: String) -> Figure {
    let seconds = elapsed.as_secs_f64();
    Figure {
        name: name.into(),
        count,
        seconds,
        per_second: if seconds > 0.0 {
            count as f64 / seconds
        } else {
            0.0
        },
        note,
    }
}

/// The bench writes under its own key prefix (`tartarus-bench:`) and deletes it afterwards.
pub const BENCH_PREFIX: &str = "tartarus-bench";

pub async fn bench_store(ctx: &Ctx) -> Result<(SharedStore, Option<crate::config::RedisTarget>)> {
    Ok(match &ctx.config.backend {
        Backend::Memory => (
            std::sync::Arc::new(MemoryStore::new(ctx.store_settings.clone())),
            None,
        ),
        Backend::Redis(t) => {
            let keys = Keys {
                prefix: BENCH_PREFIX.into(),
                queue: format!("{BENCH_PREFIX}:queue"),
            };
            let store = RedisStore::connect_with_keys(t, keys, ctx.store_settings.clone())
                .await
                .context("connecting to Redis")?;
            (std::sync::Arc::new(store), Some(t.clone()))
        }
    })
}

/// The raw server rate from `redis-benchmark` (SET, pipelined 64 deep), when it is installed.
pub fn raw_redis_rate(target: &crate::config::RedisTarget) -> Option<f64> {
    let mut cmd = std::process::Command::new("redis-benchmark");
    cmd.args([
        "-h",
        &target.host,
        "-p",
        &target.port.to_string(),
        "-t",
        "set",
        "-P",
        "64",
        "-n",
        "1000000",
        "-q",
        "-r",
        "100000",
    ]);
    cmd.args(["-d", "200", "--dbnum", &target.db.to_string()]);
    if let Some(user) = &target.username {
        cmd.args(["--user", user]);
    }
    if let Some(p) = &target.password {
        // The password goes through the environment, never the argument list.
        cmd.env("REDISCLI_AUTH", p.expose());
    }
    let out = cmd.output().ok()?;
    let text = String::from_utf8_lossy(&out.stdout);
    // redis-benchmark redraws its progress with carriage returns; the summary is the last piece.
    let line = text
        .split(['\r', '\n'])
        .rev()
        .find(|l| l.contains("requests per second"))?;
    let after = line.split(':').nth(1)?.trim();
    after.split_whitespace().next()?.parse().ok()
}

pub async fn cleanup(target: &crate::config::RedisTarget) -> Result<()> {
    let client = redis::Client::open(target.connection_info()?)?;
    let mut conn = client.get_multiplexed_async_connection().await?;
    let mut cursor: u64 = 0;
    loop {
        let (next, keys): (u64, Vec<String>) = redis::cmd("SCAN")
            .arg(cursor)
            .arg("MATCH")
            .arg(format!("{BENCH_PREFIX}:*"))
            .arg("COUNT")
            .arg(5000)
            .query_async(&mut conn)
            .await?;
        if !keys.is_empty() {
            let _: () = redis::cmd("UNLINK")
                .arg(&keys)
                .query_async(&mut conn)
                .await?;
        }
        cursor = next;
        if cursor == 0 {
            return Ok(());
        }
    }
}

pub async fn run(ctx: &Ctx, args: BenchArgs) -> Result<u8> {
    if let Some(BenchWhat::Backup(a)) = args.what {
        return super::bench_backup::run(ctx, a).await;
    }
    let (store, target) = bench_store(ctx).await?;
    if let Some(t) = &target {
        cleanup(t).await?;
    }
    let spec = parse_sandbox_documents(
        "bench",
        "metadata: {name: bench, labels: {suite: bench}}\nspec:\n  image: alpine:3.20\n  command: [\"true\"]\n  resources: {cpu: 100m, memory: 64Mi}\n  timeout: 30s\n",
    )?
    .remove(0);
    let mut figures = Vec::new();
    let runs = super::sandbox::new_runs(vec![spec; args.runs]);
    let t = Instant::now();
    for chunk in runs.chunks(20_000) {
        store.submit(chunk).await?;
    }
    figures.push(figure(
        "submit (bulk, pipelined)",
        runs.len() as u64,
        t.elapsed(),
        format!("batches of {}", ctx.store_settings.submit_batch),
    ));
    drop(runs);

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

    let t = Instant::now();
    let mut claimed = 0u64;
    loop {
        let c = store
            .claim(args.claim_batch, Duration::from_secs(60))
            .await?;
        if c.is_empty() {
            break;
        }
        claimed += c.len() as u64;
    }
    figures.push(figure(
        "claim (batch under lease)",
        claimed,
        t.elapsed(),
        format!("batches of {}", args.claim_batch),
    ));

    if let Some(t) = &target {
        cleanup(t).await?;
    }
    let (store, _) = bench_store(ctx).await?;
    figures.extend(
        end_to_end(
            store.clone(),
            args.e2e_runs,
            args.e2e_batch,
            args.latency_secs,
        )
        .await?,
    );

    if let Some(target) = &target {
        if !args.no_raw {
            match raw_redis_rate(target) {
                Some(rate) => {
                    let submit = figures[0].per_second;
                    figures.push(Figure {
                        name: "raw redis SET (redis-benchmark -P 64)".into(),
                        count: 1_000_000,
                        seconds: 1_000_000.0 / rate,
                        per_second: rate,
                        note: format!(
                            "submit = {:.1}% of raw SET rate (a submit is ~6 writes)",
                            submit / rate * 100.0
                        ),
                    });
                }
                None => figures.push(Figure {
                    name: "raw redis".into(),
                    count: 0,
                    seconds: 0.0,
                    per_second: 0.0,
                    note: "redis-benchmark not available".into(),
                }),
            }
        }
        cleanup(target).await?;
    }
    emit(
        ctx.output,
        &BenchReport {
            backend: store.backend_name().to_string(),
            figures,
        },
    )?;
    Ok(0)
}

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

/// Submit → admitted → routed → scheduled through one in-process scheduler, then the latency
/// from submit to scheduled at a steady 1,000 runs/s.
async fn end_to_end(
    store: SharedStore,
    runs: usize,
    batch_size: usize,
    latency_secs: u64,
) -> Result<Vec<Figure>> {
    use crate::scheduler::{Scheduler, SchedulerConfig};
    use crate::store::{Heartbeat, StoredPolicy};
    let mut figures = Vec::new();
    for i in 0..16 {
        let mut labels = std::collections::BTreeMap::new();
        if i % 4 == 0 {
            labels.insert(
                crate::model::node::PHLEGETHON_LABEL.to_string(),
                "true".to_string(),
            );
        }
        store
            .heartbeat(&Heartbeat {
                name: format!("bench-node-{i:02}"),
                labels,
                capacity: crate::model::node::Resources {
                    cpu_millis: 10_000_000,
                    memory_bytes: 1 << 50,
                    gpu: 0,
                    slots: 1_000_000,
                },
                version: "bench".into(),
                ttl: Duration::from_secs(600),
            })
            .await?;
    }
    let policies = crate::control::parse_policies("bench", BENCH_POLICIES)
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let docs: Vec<StoredPolicy> = policies
        .iter()
        .map(|p| StoredPolicy {
            name: p.name().to_string(),
            document: p.to_json(),
        })
        .collect();
    store
        .apply_policies(&docs, "bench", crate::store::History::Keep)
        .await?;
    let spec = parse_sandbox_documents("bench", "spec:\n  image: alpine:3.20\n  command: [\"true\"]\n  resources: {cpu: 100m, memory: 64Mi}\n")?.remove(0);
    let config = SchedulerConfig {
        batch: batch_size.max(1),
        ..Default::default()
    };

    let batch = super::sandbox::new_runs(vec![spec.clone(); runs]);
    let t = Instant::now();
    for chunk in batch.chunks(20_000) {
        store.submit(chunk).await?;
    }
    let submitted = t.elapsed();
    let mut sched = Scheduler::new(store.clone(), config.clone()).await?;
    let (_stop, rx) = tokio::sync::watch::channel(false);
    let t2 = Instant::now();
    let report = sched.run(rx, true).await?;
    let scheduling = t2.elapsed();
    figures.push(figure(
        "end to end: submit + schedule",
        report.scheduled,
        submitted + scheduling,
        format!(
            "16 nodes, 10 policies; scheduling alone {:.0}/s",
            report.scheduled as f64 / scheduling.as_secs_f64().max(1e-9)
        ),
    ));

    if latency_secs > 0 {
        let (stop_tx, stop_rx) = tokio::sync::watch::channel(false);
        let mut sched = Scheduler::new(store.clone(), config).await?;
        let handle = tokio::spawn(async move { sched.run(stop_rx, false).await });
        let total = latency_secs as usize * 1000;
        let mut ids = Vec::with_capacity(total);
        let mut tick = tokio::time::interval(Duration::from_millis(1));
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Burst);
        for _ in 0..total {
            tick.tick().await;
            let one = super::sandbox::new_runs(vec![spec.clone()]);
            store.submit(&one).await?;
            ids.push(one[0].id.clone());
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
        let _ = stop_tx.send(true);
        let _ = handle.await;
        let mut lat = Vec::with_capacity(total);
        for chunk in ids.chunks(1000) {
            for ev_run in store.get_runs(chunk).await?.into_iter().flatten() {
                if ev_run.state == crate::model::run::RunState::Scheduled {
                    lat.push((ev_run.updated_at - ev_run.created_at).max(0));
                }
            }
        }
        lat.sort_unstable();
        let pct = |p: f64| {
            lat.get(((lat.len() as f64 * p) as usize).min(lat.len().saturating_sub(1)))
                .copied()
                .unwrap_or(0)
        };
        figures.push(Figure {
            name: "latency submit → scheduled @1000/s".into(),
            count: lat.len() as u64,
            seconds: latency_secs as f64,
            per_second: lat.len() as f64 / latency_secs as f64,
            note: format!(
                "p50 {} ms, p99 {} ms, max {} ms (of {total} submitted)",
                pct(0.50),
                pct(0.99),
                lat.last().copied().unwrap_or(0)
            ),
        });
    }
    Ok(figures)
}
