//! `tartarus bench cells`: the whole submit → scheduled path in N cells at once, one scheduler
//! per cell, with each cell's rate, the total, and the Redis CPU each master spent (from
//! `INFO cpu` before and after), so that scale-out across Redis Cluster masters shows even where
//! the client machine cannot drive them all at full speed.

use std::time::{Duration, Instant};

use anyhow::{Context as _, Result};
use futures::future::BoxFuture;
use serde::Serialize;

use crate::model::spec::SandboxSpec;
use crate::scheduler::{Scheduler, SchedulerConfig};
use crate::store::SharedStore;

/// One cell of a round: its name, where it lives, and its store (an isolated bench layout).
pub struct BenchCell {
    pub name: String,
    /// The master that holds the cell's slot (`host:port`), or the server.
    pub master: String,
    pub store: SharedStore,
}

/// Reads `used_cpu_sys + used_cpu_user` (seconds) of every master, by `host:port`.
pub type CpuSampler<'a> = &'a (dyn Fn() -> BoxFuture<'a, Result<Vec<(String, f64)>>> + Send + Sync);

/// One cell's figures in a round.
#[derive(Clone, Debug, Serialize)]
pub struct CellFigure {
    pub cell: String,
    pub master: String,
    pub runs: u64,
    /// Submit of the cell's runs (bulk, before the schedulers start).
    pub submit_ms: u64,
    /// From the schedulers' start until this cell's scheduler had scheduled every run.
    pub schedule_ms: u64,
    pub scheduled_per_second: f64,
}

/// The Redis CPU one master spent during a round's scheduling phase.
#[derive(Clone, Debug, Serialize)]
pub struct MasterCpu {
    pub master: String,
    pub cpu_ms: u64,
    /// CPU time over the phase's wall time (1.0 = one core busy all the time).
    pub utilisation: f64,
}

/// A round: N cells scheduling at once.
#[derive(Clone, Debug, Serialize)]
pub struct CellsRound {
    /// `standalone` or `cluster`.
    pub topology: String,
    pub cells: Vec<CellFigure>,
    /// Every cell's runs over the round's wall time.
    pub total_per_second: f64,
    pub wall_ms: u64,
    pub masters: Vec<MasterCpu>,
}

fn ms(d: Duration) -> u64 {
    u64::try_from(d.as_millis()).unwrap_or(u64::MAX)
}

/// Submits `runs` runs in each cell, then runs one scheduler per cell at once until each is
/// idle; the CPU of every master is sampled around the scheduling phase.
pub async fn round(
    topology: &str,
    cells: Vec<BenchCell>,
    spec: &SandboxSpec,
    runs: usize,
    batch: usize,
    cpu: CpuSampler<'_>,
) -> Result<CellsRound> {
    let mut submitted = Vec::with_capacity(cells.len());
    for cell in &cells {
        super::bench::bench_nodes_and_policies(&cell.store)
            .await
            .with_context(|| format!("preparing bench cell {}", cell.name))?;
        let t = Instant::now();
        let all = crate::ops::submit::new_runs(vec![spec.clone(); runs]);
        for chunk in all.chunks(20_000) {
            cell.store.submit(chunk).await?;
        }
        submitted.push(t.elapsed());
    }
    let config = SchedulerConfig {
        batch: batch.max(1),
        ..Default::default()
    };
    let mut schedulers = Vec::with_capacity(cells.len());
    for cell in &cells {
        schedulers.push(Scheduler::new(cell.store.clone(), config.clone()).await?);
    }
    let before = cpu().await?;
    let start = Instant::now();
    let handles: Vec<_> = schedulers
        .into_iter()
        .map(|mut s| {
            tokio::spawn(async move {
                let (_stop, rx) = tokio::sync::watch::channel(false);
                let report = s.run(rx, true).await;
                (report, start.elapsed())
            })
        })
        .collect();
    let mut figures = Vec::with_capacity(cells.len());
    for ((handle, cell), submit) in handles.into_iter().zip(&cells).zip(submitted) {
        let (report, took) = handle
            .await
            .map_err(|e| anyhow::anyhow!("the scheduler of cell {} failed: {e}", cell.name))?;
        let report = report?;
        figures.push(CellFigure {
            cell: cell.name.clone(),
            master: cell.master.clone(),
            runs: report.scheduled,
            submit_ms: ms(submit),
            schedule_ms: ms(took),
            scheduled_per_second: report.scheduled as f64 / took.as_secs_f64().max(1e-9),
        });
    }
    let wall = start.elapsed();
    let after = cpu().await?;
    let masters = after
        .iter()
        .map(|(master, seconds)| {
            let earlier = before
                .iter()
                .find(|(m, _)| m == master)
                .map_or(0.0, |(_, s)| *s);
            let spent = (seconds - earlier).max(0.0);
            MasterCpu {
                master: master.clone(),
                cpu_ms: (spent * 1000.0) as u64,
                utilisation: spent / wall.as_secs_f64().max(1e-9),
            }
        })
        .collect();
    let total: u64 = figures.iter().map(|f| f.runs).sum();
    Ok(CellsRound {
        topology: topology.to_string(),
        total_per_second: total as f64 / wall.as_secs_f64().max(1e-9),
        wall_ms: ms(wall),
        cells: figures,
        masters,
    })
}

/// Every round of `tartarus bench cells`.
#[derive(Clone, Debug, Serialize)]
pub struct CellsReport {
    /// The key prefix the bench wrote under (and removed).
    pub prefix: String,
    pub rounds: Vec<CellsRound>,
}

/// A bench cell's store: `tartarus-bench:{<name>}:*`, on the server or the cluster master
/// `master`.
async fn bench_cell(
    target: &crate::config::RedisTarget,
    name: &str,
    master: String,
    settings: &crate::store::StoreSettings,
) -> Result<BenchCell> {
    let cell = crate::store::keys::Cell::new(name).map_err(anyhow::Error::msg)?;
    let keys = crate::store::keys::Keys::isolated(super::bench::BENCH_PREFIX, &cell);
    let store = crate::store::redis::RedisStore::connect(target, keys, settings.clone())
        .await
        .context("connecting to Redis")?;
    Ok(BenchCell {
        name: name.to_string(),
        master,
        store: std::sync::Arc::new(store),
    })
}

/// `n` bench cell names and their masters: on Redis Cluster spread over the masters (each cell on
/// a master with the fewest cells so far, slots computed as the server does), else all on the
/// one server.
fn place_cells(n: usize, masters: &[crate::connection::ClusterNode]) -> Vec<(String, String)> {
    if masters.is_empty() {
        return (0..n)
            .map(|i| (format!("bench-{i}"), String::new()))
            .collect();
    }
    let mut load = vec![0usize; masters.len()];
    let mut out: Vec<(String, String)> = Vec::with_capacity(n);
    let mut candidate = 0usize;
    while out.len() < n && candidate < 100_000 {
        let name = format!("bench-{candidate}");
        candidate += 1;
        let slot = crate::store::keys::key_slot(format!("{{{name}}}"));
        let Some(m) = masters.iter().position(|m| m.holds(slot)) else {
            continue;
        };
        let least = load.iter().copied().min().unwrap_or(0);
        if load[m] == least {
            load[m] += 1;
            out.push((name, masters[m].endpoint.to_string()));
        }
    }
    out
}

/// Rounds of 1, 2, … cells (as `counts` says) on one server or on Redis Cluster (cells spread
/// over the masters), each cell with `runs` runs; the bench prefix is removed before, between and
/// after the rounds.
pub async fn run_rounds(
    target: &crate::config::RedisTarget,
    settings: &crate::store::StoreSettings,
    counts: &[usize],
    runs: usize,
    batch: usize,
) -> Result<CellsReport> {
    let spec = super::bench::e2e_sandbox()?;
    let masters = match crate::connection::Connection::connect(target).await {
        Ok(conn) => match conn.cluster_masters().await {
            Some(m) => m.map_err(|f| anyhow::anyhow!("reading the cluster's masters: {f}"))?,
            None => Vec::new(),
        },
        Err(f) => return Err(anyhow::anyhow!("connecting to {}: {f}", target.display())),
    };
    // The CPU of every master (or of the server), each through its own connection.
    let mut admins = Vec::new();
    for (name, node) in crate::persistence::admin::one_server_targets(target).await? {
        admins.push((name, crate::persistence::RedisAdmin::connect(&node).await?));
    }
    let sample = || -> BoxFuture<'_, Result<Vec<(String, f64)>>> {
        Box::pin(async {
            let mut out = Vec::with_capacity(admins.len());
            for (name, admin) in &admins {
                let info = admin.info_section("cpu").await?;
                out.push((name.clone(), cpu_seconds(&info)));
            }
            Ok(out)
        })
    };
    let mut rounds = Vec::new();
    for &n in counts {
        super::bench::cleanup(target).await?;
        let mut cells = Vec::with_capacity(n);
        for (name, master) in place_cells(n, &masters) {
            let master = if master.is_empty() {
                target.display()
            } else {
                master
            };
            cells.push(bench_cell(target, &name, master, settings).await?);
        }
        let result = round(target.topology.name(), cells, &spec, runs, batch, &sample).await;
        if result.is_err() {
            let _ = super::bench::cleanup(target).await;
        }
        rounds.push(result?);
    }
    super::bench::cleanup(target).await?;
    Ok(CellsReport {
        prefix: super::bench::BENCH_PREFIX.to_string(),
        rounds,
    })
}

/// `used_cpu_sys + used_cpu_user` of an `INFO cpu` reply, in seconds.
pub fn cpu_seconds(info: &std::collections::BTreeMap<String, String>) -> f64 {
    ["used_cpu_sys", "used_cpu_user"]
        .iter()
        .filter_map(|k| info.get(*k).and_then(|v| v.trim().parse::<f64>().ok()))
        .sum()
}
