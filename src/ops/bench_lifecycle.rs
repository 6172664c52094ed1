//! The bench's whole-lifecycle figure (submit → admitted → scheduled → running → succeeded, one scheduler and one in-process agent whose executor completes instantly) and the Redis cost of every bench phase: CPU µs, commands and script calls per run, read from `INFO cpu` and `INFO commandstats` before and after the phase.
//!
//! The cost is the difference of two `INFO` readings, not a `CONFIG RESETSTAT`: the bench may run
//! against a live server, whose statistics it must not reset. Everything else that server does
//! in the meantime is counted too, so figures are only clean on a server of the bench's own.

use std::collections::{BTreeMap, HashSet};
use std::time::{Duration, Instant};

use anyhow::{Context as _, Result};
use serde::Serialize;

use crate::model::run::RunState;
use crate::model::spec::SandboxSpec;
use crate::persistence::RedisAdmin;
use crate::scheduler::{Scheduler, SchedulerConfig};
use crate::store::{Applied, Completion, PlacedStart, RunFinish, SharedStore, StoreResult};
use tokio::task::JoinHandle;

use super::bench::{bench_node, figure, Figure};

/// What one phase cost Redis, per run.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct RedisCost {
    /// redis-server CPU (`used_cpu_sys + used_cpu_user`) per run, in µs.
    pub cpu_us_per_run: f64,
    /// Commands per run, those run inside scripts included (as `INFO commandstats` counts them).
    pub commands_per_run: f64,
    /// `EVALSHA`/`EVAL` calls per run.
    pub script_calls_per_run: f64,
    /// Commands per run by name, the most frequent first (at most 12).
    pub top_commands: Vec<CommandShare>,
}

/// One command's calls per run, and the time Redis spent in them per run (a script's time
/// includes the commands it ran, which are listed on their own too).
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct CommandShare {
    pub command: String,
    pub per_run: f64,
    pub us_per_run: f64,
}

/// A reading of the server's CPU and command counters.
pub struct Reading {
    cpu_seconds: f64,
    /// Per command: calls, µs.
    calls: BTreeMap<String, (u64, u64)>,
}

/// Reads the cost of bench phases from the server's `INFO` (nothing in memory).
pub struct Meter {
    admin: Option<RedisAdmin>,
}

/// Commands of the measuring and of connection set-up, left out of the counts.
const NOT_COUNTED: [&str; 6] = ["info", "config", "client", "hello", "select", "auth"];

impl Meter {
    /// A meter on the master of `target`, or one that measures nothing (in memory).
    pub async fn connect(target: Option<&crate::config::RedisTarget>) -> Result<Meter> {
        Ok(Meter {
            admin: match target {
                Some(t) => Some(RedisAdmin::connect(t).await?),
                None => None,
            },
        })
    }

    /// The counters now (`None` in memory).
    pub async fn read(&self) -> Result<Option<Reading>> {
        let Some(admin) = &self.admin else {
            return Ok(None);
        };
        let cpu = admin.info_section("cpu").await?;
        let stats = admin.info_section("commandstats").await?;
        Ok(Some(Reading {
            cpu_seconds: super::bench_cells::cpu_seconds(&cpu),
            calls: command_calls(&stats),
        }))
    }

    /// What happened since `before`, per run of `runs` (`None` for no run).
    pub async fn cost_since(
        &self,
        before: Option<Reading>,
        runs: u64,
    ) -> Result<Option<RedisCost>> {
        if runs == 0 {
            return Ok(None);
        }
        let (Some(before), Some(after)) = (before, self.read().await?) else {
            return Ok(None);
        };
        Ok(Some(cost_between(&before, &after, runs)))
    }
}

/// `cmdstat_<name>` → (calls, µs), from an `INFO commandstats` reply (subcommands as
/// `config|get`).
fn command_calls(stats: &BTreeMap<String, String>) -> BTreeMap<String, (u64, u64)> {
    stats
        .iter()
        .filter_map(|(k, v)| {
            let name = k.strip_prefix("cmdstat_")?;
            let field = |f: &str| -> Option<u64> {
                v.split(',')
                    .find_map(|part| part.strip_prefix(f))?
                    .trim()
                    .parse()
                    .ok()
            };
            Some((
                name.to_string(),
                (field("calls=")?, field("usec=").unwrap_or(0)),
            ))
        })
        .collect()
}

fn cost_between(before: &Reading, after: &Reading, runs: u64) -> RedisCost {
    let per = runs.max(1) as f64;
    let mut by_name: Vec<(String, u64, u64)> = after
        .calls
        .iter()
        .filter(|(name, _)| {
            let base = name.split('|').next().unwrap_or(name);
            !NOT_COUNTED.contains(&base)
        })
        .map(|(name, (n, us))| {
            let (was, was_us) = before.calls.get(name).copied().unwrap_or((0, 0));
            (
                name.clone(),
                n.saturating_sub(was),
                us.saturating_sub(was_us),
            )
        })
        .filter(|(_, n, _)| *n > 0)
        .collect();
    by_name.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let total: u64 = by_name.iter().map(|(_, n, _)| n).sum();
    let scripts: u64 = by_name
        .iter()
        .filter(|(name, _, _)| matches!(name.as_str(), "evalsha" | "eval" | "fcall"))
        .map(|(_, n, _)| n)
        .sum();
    RedisCost {
        cpu_us_per_run: (after.cpu_seconds - before.cpu_seconds).max(0.0) * 1e6 / per,
        commands_per_run: total as f64 / per,
        script_calls_per_run: scripts as f64 / per,
        top_commands: by_name
            .into_iter()
            .take(12)
            .map(|(command, n, us)| CommandShare {
                command,
                per_run: n as f64 / per,
                us_per_run: us as f64 / per,
            })
            .collect(),
    }
}

/// The node the bench's agent serves.
pub const AGENT_NODE: &str = "bench-agent";

/// Submit → … → succeeded for `count` runs: a producer submits them in batches of `batch` while
/// one scheduler places them on the agent's node and the agent starts and finishes each one as
/// soon as it sees it. Timed from the first submit to the last run succeeded.
pub async fn lifecycle(
    store: SharedStore,
    spec: &SandboxSpec,
    count: usize,
    batch: usize,
    meter: &Meter,
) -> Result<Figure> {
    store
        .heartbeat(&bench_node(AGENT_NODE.into(), BTreeMap::new()))
        .await?;
    let batch = batch.max(1);
    let config = SchedulerConfig {
        batch,
        ..Default::default()
    };
    let mut sched = Scheduler::new(store.clone(), config).await?;
    let (stop_tx, stop_rx) = tokio::sync::watch::channel(false);
    let before = meter.read().await?;
    let t = Instant::now();
    let scheduler = tokio::spawn(async move { sched.run(stop_rx, false).await });
    let agent = tokio::spawn(agent_loop(store.clone(), count as u64));
    let produced = produce(&store, spec, count, batch).await;
    let agent_result = if produced.is_ok() {
        agent.await
    } else {
        agent.abort();
        Ok(Ok(0))
    };
    let elapsed = t.elapsed();
    let _ = stop_tx.send(true);
    let scheduled = scheduler.await;
    produced?;
    let finished = agent_result.context("the bench agent failed")??;
    match scheduled {
        Ok(r) => {
            r?;
        }
        Err(e) => anyhow::bail!("the bench scheduler task failed: {e}"),
    }
    let succeeded = store
        .state_counts()
        .await?
        .get(&RunState::Succeeded)
        .copied()
        .unwrap_or(0);
    if succeeded != count as u64 || finished != count as u64 {
        anyhow::bail!("lifecycle: {succeeded} of {count} runs succeeded");
    }
    let mut f = figure(
        "lifecycle: submit → succeeded",
        succeeded,
        elapsed,
        format!("one scheduler, one agent (instant executor, batched start/finish), 1 node, 10 policies, batches of {batch}"),
    );
    f.redis = meter.cost_since(before, succeeded).await?;
    Ok(f)
}

async fn produce(
    store: &SharedStore,
    spec: &SandboxSpec,
    count: usize,
    batch: usize,
) -> Result<()> {
    let mut gen = ulid::Generator::new();
    let mut left = count;
    while left > 0 {
        let n = left.min(batch);
        let runs = super::submit::new_runs_from(&mut gen, vec![spec.clone(); n]);
        store.submit(&runs).await?;
        left -= n;
    }
    Ok(())
}

/// The finishes of one wake-up, in flight while the agent looks for the next work.
type Finishing = (Vec<String>, JoinHandle<StoreResult<Vec<Applied>>>);

/// The bench's agent: what a real agent does per wake-up with an executor that completes at
/// once — read the runs placed on its node, start the new ones in one atomic step that answers
/// with each one's attempt and spec (`start_placed`, as the real agent does), report each as
/// succeeded for that attempt (`finish_runs`, the batched `finish_run`). The finishes of one
/// wake-up are sent while the next one reads and starts, as an agent with sandboxes still
/// running would. Polls every millisecond when idle; stops after `count` runs, or after 60 s
/// without progress.
async fn agent_loop(store: SharedStore, count: u64) -> Result<u64> {
    let mut done = 0u64;
    // Runs started and not yet known to be finished: not offered to `start_placed` again.
    let mut seen: HashSet<String> = HashSet::new();
    let mut finishing: Option<Finishing> = None;
    let mut last_progress = Instant::now();
    while done < count {
        let placed = store.node_runs(AGENT_NODE).await?;
        let new: Vec<String> = placed.into_iter().filter(|id| !seen.contains(id)).collect();
        if new.is_empty() {
            if let Some(f) = finishing.take() {
                done += finished(f, &mut seen).await?;
                continue;
            }
            if last_progress.elapsed() > Duration::from_secs(60) {
                anyhow::bail!("the bench agent saw no new run for 60 s ({done} of {count} done)");
            }
            tokio::time::sleep(Duration::from_millis(1)).await;
            continue;
        }
        last_progress = Instant::now();
        let starts: Vec<PlacedStart> = new
            .iter()
            .map(|id| PlacedStart {
                id: id.clone(),
                log_path: None,
            })
            .collect();
        seen.extend(new);
        let started = store.start_placed(AGENT_NODE, &starts, usize::MAX).await?;
        let finishes: Vec<RunFinish> = starts
            .into_iter()
            .zip(started)
            .filter_map(|(s, started)| {
                started.map(|st| RunFinish {
                    id: s.id,
                    attempt: st.attempt,
                    done: Completion::succeeded(""),
                })
            })
            .collect();
        // The previous wake-up's finishes land before this one's are sent.
        if let Some(f) = finishing.take() {
            done += finished(f, &mut seen).await?;
        }
        let ids = finishes.iter().map(|f| f.id.clone()).collect();
        let store = store.clone();
        finishing = Some((
            ids,
            tokio::spawn(async move { store.finish_runs(AGENT_NODE, &finishes).await }),
        ));
    }
    Ok(done)
}

/// Waits for a wake-up's finishes; returns how many runs succeeded, and forgets the finished
/// runs (they left the node's list), so memory stays flat.
async fn finished(f: Finishing, seen: &mut HashSet<String>) -> Result<u64> {
    let (ids, handle) = f;
    let answers = handle
        .await
        .context("the bench agent's finish task failed")??;
    for id in ids {
        seen.remove(&id);
    }
    Ok(answers
        .iter()
        .filter(|a| **a == Applied::Done(RunState::Succeeded))
        .count() as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cost_is_the_difference_per_run_without_the_measuring() {
        let stats = |evalsha: u64, hset: u64, info: u64| {
            BTreeMap::from([
                (
                    "cmdstat_evalsha".to_string(),
                    format!("calls={evalsha},usec=10,usec_per_call=1.00"),
                ),
                (
                    "cmdstat_hset".to_string(),
                    format!("calls={hset},usec=10,usec_per_call=1.00"),
                ),
                (
                    "cmdstat_info".to_string(),
                    format!("calls={info},usec=10,usec_per_call=1.00"),
                ),
            ])
        };
        let before = Reading {
            cpu_seconds: 1.0,
            calls: command_calls(&stats(5, 100, 3)),
        };
        let after = Reading {
            cpu_seconds: 1.5,
            calls: command_calls(&stats(15, 400, 9)),
        };
        let c = cost_between(&before, &after, 100);
        assert_eq!(c.cpu_us_per_run, 5000.0);
        assert_eq!(c.commands_per_run, 3.1);
        assert_eq!(c.script_calls_per_run, 0.1);
        assert_eq!(c.top_commands[0].command, "hset");
        assert_eq!(c.top_commands.len(), 2);
    }
}
