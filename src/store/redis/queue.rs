//! Acheron on Redis: claims under leases, the scheduler's decisions, pending and dead letters, stats, purge and pause.

use std::time::Duration;

use ::redis::Value;

use super::conn::*;
use super::scripts::*;
use super::RedisStore;
use crate::model::node::Resources;
use crate::model::now_ms;
use crate::model::run::{field, Run, RunState};
use crate::store::*;

impl RedisStore {
    pub(super) async fn move_to_queue(
        &self,
        source: &str,
        max_score: &str,
        ids: &[String],
    ) -> StoreResult<Vec<String>> {
        let mut moved = Vec::new();
        for chunk in ids.chunks(500) {
            let mut keys = self.base_keys();
            keys.extend(chunk.iter().map(|id| self.keys.run(id)));
            let mut args = self.common_args();
            args.push(source.to_string());
            args.push(max_score.to_string());
            args.extend(chunk.iter().cloned());
            moved.extend(strings(
                self.eval(Call {
                    script: ScriptId::MoveToQueue,
                    keys,
                    args,
                })
                .await?,
            ));
        }
        Ok(moved)
    }

    /// Keeps at most `dead_letter_cap` dead letters, deleting the oldest with their data.
    pub(super) async fn trim_dead(&self) -> StoreResult<()> {
        let mut p = ::redis::pipe();
        p.zcard(self.keys.dead());
        let (count,): (u64,) = self.query(&p).await?;
        if count <= self.settings.dead_letter_cap {
            return Ok(());
        }
        let excess = (count - self.settings.dead_letter_cap) as isize;
        let mut p = ::redis::pipe();
        p.zrange(self.keys.dead(), 0, excess - 1);
        let (ids,): (Vec<String>,) = self.query(&p).await?;
        self.delete_dead(&ids).await?;
        Ok(())
    }

    /// Deletes dead letters with all their data, their idempotency keys included.
    pub(super) async fn delete_dead(&self, ids: &[String]) -> StoreResult<u64> {
        let mut n = 0;
        for chunk in ids.chunks(500) {
            let mut p = ::redis::pipe();
            for id in chunk {
                p.hget(self.keys.run(id), field::IDEMPOTENCY_KEY);
            }
            let idem: Vec<Option<String>> = self.query(&p).await?;
            let mut keys = self.base_keys();
            for (id, k) in chunk.iter().zip(idem) {
                keys.push(self.keys.run(id));
                keys.push(self.keys.run_events(id));
                keys.push(self.keys.idempotency(k.as_deref().unwrap_or("")));
            }
            let mut args = self.common_args();
            args.extend(chunk.iter().cloned());
            let call = Call {
                script: ScriptId::DeleteDead,
                keys,
                args,
            };
            n += int(&self.eval(call).await?).unwrap_or(0) as u64;
        }
        Ok(n)
    }

    /// Runs a script over runs in chunks, passing each run's hash and events keys; sums the counts it returns.
    pub(super) async fn count_on_runs(&self, script: ScriptId, ids: &[String]) -> StoreResult<u64> {
        let mut n = 0;
        for chunk in ids.chunks(500) {
            let mut keys = self.base_keys();
            for id in chunk {
                keys.push(self.keys.run(id));
                keys.push(self.keys.run_events(id));
            }
            let mut args = self.common_args();
            args.extend(chunk.iter().cloned());
            n += int(&self.eval(Call { script, keys, args }).await?).unwrap_or(0) as u64;
        }
        Ok(n)
    }
}

pub(super) async fn claim(
    store: &RedisStore,
    max: usize,
    lease: Duration,
) -> StoreResult<Vec<Claim>> {
    let deadline = now_ms() + ms(lease);
    let mut keys = store.base_keys();
    keys.push(store.keys.paused());
    let mut args = store.common_args();
    args.push(max.to_string());
    args.push(deadline.to_string());
    let ids = strings(
        store
            .eval(Call {
                script: ScriptId::Claim,
                keys,
                args,
            })
            .await?,
    );
    Ok(ids
        .into_iter()
        .map(|id| Claim {
            id,
            lease_deadline_ms: deadline,
        })
        .collect())
}

pub(super) async fn claim_runs(
    store: &RedisStore,
    max: usize,
    lease: Duration,
) -> StoreResult<Vec<ClaimedRun>> {
    let deadline = now_ms() + ms(lease);
    let mut keys = store.base_keys();
    keys.push(store.keys.paused());
    let mut args = store.common_args();
    args.push(max.to_string());
    args.push(deadline.to_string());
    args.push(store.keys.run(""));
    let reply = items(
        store
            .eval(Call {
                script: ScriptId::ClaimRuns,
                keys,
                args,
            })
            .await?,
    );
    let mut out = Vec::with_capacity(reply.len() / 2);
    let mut it = reply.into_iter();
    while let (Some(id), Some(fields)) = (it.next(), it.next()) {
        let id = text(&id).ok_or_else(|| corrupt("a claimed id is not text"))?;
        let h = hash(fields);
        // One unreadable run must not stop the batch: it reads as absent (the scheduler
        // dead-letters it).
        let run = if h.is_empty() {
            None
        } else {
            Run::from_fields(&h)
                .map_err(|e| tracing::error!("{e}"))
                .ok()
        };
        out.push(ClaimedRun {
            claim: Claim {
                id,
                lease_deadline_ms: deadline,
            },
            run,
        });
    }
    Ok(out)
}

pub(super) async fn extend_leases(
    store: &RedisStore,
    ids: &[String],
    lease: Duration,
) -> StoreResult<()> {
    if ids.is_empty() {
        return Ok(());
    }
    let deadline = now_ms() + ms(lease);
    let mut p = ::redis::pipe();
    for chunk in ids.chunks(1000) {
        let mut c = ::redis::cmd("ZADD");
        c.arg(store.keys.leases()).arg("XX");
        for id in chunk {
            c.arg(deadline).arg(id);
        }
        p.add_command(c).ignore();
    }
    let _: () = store.query(&p).await?;
    Ok(())
}

pub(super) async fn release(store: &RedisStore, ids: &[String]) -> StoreResult<()> {
    store
        .move_to_queue("leases", "9e300", ids)
        .await
        .map(|_| ())
}

pub(super) async fn reap_expired_leases(store: &RedisStore) -> StoreResult<Vec<String>> {
    let now = now_ms();
    let mut p = ::redis::pipe();
    p.cmd("ZRANGE")
        .arg(store.keys.leases())
        .arg("-inf")
        .arg(now)
        .arg("BYSCORE")
        .arg("LIMIT")
        .arg(0)
        .arg(5000);
    let (ids,): (Vec<String>,) = store.query(&p).await?;
    store.move_to_queue("leases", &now.to_string(), &ids).await
}

/// Decisions per script call: a batch is one call up to this size (KEYS stay within Lua's stack).
const OUTCOMES_PER_CALL: usize = 500;

pub(super) async fn apply_outcomes(
    store: &RedisStore,
    outcomes: &[Outcome],
) -> StoreResult<Vec<Applied>> {
    let calls: Vec<Call> = outcomes
        .chunks(OUTCOMES_PER_CALL)
        .map(|chunk| {
            let mut keys = store.base_keys();
            let mut args = store.common_args();
            args.push(chunk.len().to_string());
            for o in chunk {
                let (decision, node, want) = match &o.decision {
                    Decision::Deny => ("deny", "", Resources::default()),
                    Decision::Reject => ("reject", "", Resources::default()),
                    Decision::Pending => ("pending", "", Resources::default()),
                    Decision::Assign { node, want } => ("assign", node.as_str(), *want),
                };
                keys.extend([
                    store.keys.run(&o.id),
                    store.keys.node(node),
                    store.keys.node_runs(node),
                ]);
                args.extend([
                    o.id.clone(),
                    decision.to_string(),
                    o.verdict.as_str().to_string(),
                    serde_json::to_string(&o.reasons).unwrap_or_else(|_| "[]".into()),
                    o.policy_version.to_string(),
                    o.heat.as_str().to_string(),
                    if o.quarantined { "1" } else { "0" }.to_string(),
                    o.message.clone().unwrap_or_default(),
                    node.to_string(),
                    want.cpu_millis.to_string(),
                    want.memory_bytes.to_string(),
                    want.gpu.to_string(),
                    want.slots.to_string(),
                ]);
            }
            Call {
                script: ScriptId::ApplyOutcomes,
                keys,
                args,
            }
        })
        .collect();
    let mut out = Vec::with_capacity(outcomes.len());
    for group in calls.chunks(16) {
        for reply in store.eval_many(group).await? {
            for v in items(reply) {
                out.push(match text(&v).as_deref() {
                    Some("stale") => Applied::Stale,
                    Some("node_unavailable") => Applied::NodeUnavailable,
                    Some(s) => Applied::Done(
                        RunState::parse(s)
                            .ok_or_else(|| corrupt(format!("unknown outcome {s}")))?,
                    ),
                    None => return Err(corrupt("empty outcome reply")),
                });
            }
        }
    }
    if out.len() != outcomes.len() {
        return Err(corrupt(format!(
            "the scheduler's decisions were answered for {} of {} runs",
            out.len(),
            outcomes.len()
        )));
    }
    Ok(out)
}

pub(super) async fn wake_pending(store: &RedisStore, max: usize) -> StoreResult<u64> {
    let mut total = 0;
    loop {
        let want = (max as u64).saturating_sub(total).min(1000) as isize;
        if want == 0 {
            return Ok(total);
        }
        let mut p = ::redis::pipe();
        p.zrange(store.keys.pending(), 0, want - 1);
        let (ids,): (Vec<String>,) = store.query(&p).await?;
        if ids.is_empty() {
            return Ok(total);
        }
        let moved = store.move_to_queue("pending", "9e300", &ids).await?;
        total += moved.len() as u64;
        if (ids.len() as isize) < want {
            return Ok(total);
        }
    }
}

pub(super) async fn queue_stats(store: &RedisStore) -> StoreResult<QueueStats> {
    let k = &store.keys;
    let mut p = ::redis::pipe();
    p.zcard(k.queue())
        .zcard(k.leases())
        .zcard(k.pending())
        .zcard(k.dead())
        .exists(k.paused())
        .zrange(k.queue(), 0, 0)
        .zcard(k.runs())
        .zrange(k.schedulers(), 0, -1)
        .zcard(k.finished())
        .zcard(k.finished_ttl())
        .zrange_withscores(k.finished(), 0, 0)
        .hget(k.settings(), "retain_finished_ms");
    for s in RunState::ALL {
        p.zcard(k.state(s));
    }
    let v: Vec<Value> = store.query(&p).await?;
    let n = |i: usize| v.get(i).and_then(int).unwrap_or(0).max(0) as u64;
    let head = v.get(5).cloned().map(strings).unwrap_or_default();
    let scheduler_ids = v.get(7).cloned().map(strings).unwrap_or_default();
    let oldest_finished = v
        .get(10)
        .cloned()
        .map(strings)
        .and_then(|pair| pair.get(1).and_then(|s| s.parse::<f64>().ok()));
    let window = super::retention::parse_window(v.get(11).and_then(text))?;
    let schedulers = store.read_schedulers(&scheduler_ids).await?;
    let own_ttl_oldest = if n(9) > 0 {
        oldest_own_ttl_finish(store).await?
    } else {
        None
    };
    let oldest_finished = match (oldest_finished.map(|t| t as i64), own_ttl_oldest) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
    let now = now_ms();
    Ok(QueueStats {
        finished_retained: n(8) + n(9),
        finished_oldest_age_ms: oldest_finished.map(|t| (now - t).max(0)),
        retain_finished_ms: ms(window.finished).max(0) as u64,
        live_schedulers: schedulers.len() as u64,
        schedulers,
        queue_key: k.queue(),
        depth: n(0),
        in_flight: n(1),
        pending: n(2),
        dead: n(3),
        paused: n(4) > 0,
        oldest_age_ms: head.first().and_then(|id| memory::ulid_age(id)),
        total_runs: n(6),
        states: RunState::ALL
            .iter()
            .enumerate()
            .map(|(i, s)| (s.as_str().to_string(), n(12 + i)))
            .collect(),
    })
}

/// The earliest finish time among the runs kept for their own `ttlAfterFinished`. Their index
/// (`finished:ttl`) is ordered by expiry, not by finish time, so members' `finished_at` are read,
/// a page of 1,000 per round trip, and only the first [`OWN_TTL_OLDEST_SCAN`] by expiry: the cost
/// of `queue stats` (and of each metrics scrape) stays bounded however many runs have their own ttl.
async fn oldest_own_ttl_finish(store: &RedisStore) -> StoreResult<Option<i64>> {
    const PAGE: isize = 1000;
    let k = &store.keys;
    let mut oldest: Option<i64> = None;
    let mut start = 0;
    while (start as usize) < OWN_TTL_OLDEST_SCAN {
        let mut p = ::redis::pipe();
        p.zrange(k.finished_ttl(), start, start + PAGE - 1);
        let (ids,): (Vec<String>,) = store.query(&p).await?;
        if ids.is_empty() {
            return Ok(oldest);
        }
        let mut p = ::redis::pipe();
        for id in &ids {
            p.hget(k.run(id), field::FINISHED_AT);
        }
        let times: Vec<Value> = store.query(&p).await?;
        for t in times.iter().filter_map(int) {
            oldest = Some(oldest.map_or(t, |o| o.min(t)));
        }
        if (ids.len() as isize) < PAGE {
            return Ok(oldest);
        }
        start += PAGE;
    }
    Ok(oldest)
}

pub(super) async fn queue_entries(
    store: &RedisStore,
    which: QueueName,
    offset: usize,
    limit: usize,
) -> StoreResult<Vec<QueueEntry>> {
    let key = match which {
        QueueName::Queued => store.keys.queue(),
        QueueName::Leased => store.keys.leases(),
        QueueName::Pending => store.keys.pending(),
        QueueName::Dead => store.keys.dead(),
    };
    if limit == 0 {
        return Ok(Vec::new());
    }
    let mut p = ::redis::pipe();
    p.cmd("ZRANGE")
        .arg(&key)
        .arg(offset)
        .arg(offset + limit - 1)
        .arg("WITHSCORES");
    let (pairs,): (Vec<(String, f64)>,) = store.query(&p).await?;
    let mut p = ::redis::pipe();
    for (id, _) in &pairs {
        p.hget(store.keys.run(id), field::PRIORITY);
    }
    let prios: Vec<Option<u32>> = if pairs.is_empty() {
        Vec::new()
    } else {
        store.query(&p).await?
    };
    Ok(pairs
        .into_iter()
        .zip(prios)
        .map(|((id, score), priority)| QueueEntry {
            id,
            score,
            priority,
        })
        .collect())
}

pub(super) async fn purge(store: &RedisStore, which: QueueName) -> StoreResult<u64> {
    let key = match which {
        QueueName::Queued => store.keys.queue(),
        QueueName::Leased => store.keys.leases(),
        QueueName::Pending => store.keys.pending(),
        QueueName::Dead => store.keys.dead(),
    };
    let label = match which {
        QueueName::Queued => "queued",
        QueueName::Leased => "leased",
        QueueName::Pending => "pending",
        QueueName::Dead => "dead",
    };
    let mut total = 0;
    loop {
        let mut p = ::redis::pipe();
        p.zrange(&key, 0, 499);
        let (ids,): (Vec<String>,) = store.query(&p).await?;
        if ids.is_empty() {
            return Ok(total);
        }
        if which == QueueName::Dead {
            total += store.delete_dead(&ids).await?;
        } else {
            let message = format!("purged from the {label} list");
            let calls: Vec<Call> = ids
                .iter()
                .map(|id| {
                    let mut args = store.common_args();
                    args.extend([id.clone(), String::new(), message.clone()]);
                    Call {
                        script: ScriptId::Cancel,
                        keys: store.run_node_keys(id, ""),
                        args,
                    }
                })
                .collect();
            let replies = store.eval_many(&calls).await?;
            let mut p = ::redis::pipe();
            for (id, r) in ids.iter().zip(&replies) {
                if text(r).as_deref() == Some("cancelled") {
                    total += 1;
                } else {
                    // Not cancellable (already finished, or a stray entry): just drop the entry.
                    p.zrem(&key, id).ignore();
                }
            }
            let _: () = store.query(&p).await?;
        }
    }
}

pub(super) async fn retry_dead(store: &RedisStore, ids: Option<&[String]>) -> StoreResult<u64> {
    let chosen: Vec<String> = match ids {
        Some(ids) => ids.to_vec(),
        None => {
            let mut p = ::redis::pipe();
            p.zrange(store.keys.dead(), 0, -1);
            let (all,): (Vec<String>,) = store.query(&p).await?;
            all
        }
    };
    store.count_on_runs(ScriptId::RetryDead, &chosen).await
}

pub(super) async fn set_paused(store: &RedisStore, paused: bool) -> StoreResult<()> {
    let mut p = ::redis::pipe();
    if paused {
        p.set(store.keys.paused(), now_ms()).ignore();
    } else {
        p.del(store.keys.paused()).ignore();
    }
    store.query::<()>(&p).await
}
