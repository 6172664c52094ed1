//! One step of the agent's loop: record how finished sandboxes ended, stop what is no longer ours, and start what was placed here — each batch of store calls sent together, so a wake-up costs a round trip or two whatever the number of runs.

use std::time::{Duration, Instant};

use futures::future::join_all;

use super::{Agent, LoopState, Pending, Record, Stop, Wake};
use crate::executor::Status;
use crate::model::run::RunState;
use crate::store::{Completion, PlacedStart, RunFinish, Started, StoreError};

/// How often runs placed here but without a sandbox are looked for (and handed back).
const ORPHAN_CHECK: Duration = Duration::from_secs(5);

impl Agent {
    /// Hands one run back. An error keeps it for the next step (it is written as soon as Redis
    /// answers). Returns whether the hand-back requeued the run.
    async fn hand_back(&self, p: &Pending) -> Result<bool, StoreError> {
        let Record::HandBack(reason) = &p.what else {
            return Ok(false);
        };
        self.store
            .hand_back(
                &p.id,
                &self.config.name,
                p.attempt,
                reason,
                self.config.max_attempts,
            )
            .await
            .map(|r| r.is_some())
    }

    /// Writes every outcome waiting, all sent at once: the completions as one batched step
    /// (`finish_runs`: each run its own atomic step, fenced by its own attempt), the hand-backs
    /// each on its own. The ones Redis did not take stay for the next step.
    async fn record_all(&self, st: &mut LoopState) -> Result<(), StoreError> {
        if st.unrecorded.is_empty() {
            return Ok(());
        }
        let (finishes, hand_backs): (Vec<Pending>, Vec<Pending>) =
            std::mem::take(&mut st.unrecorded)
                .into_iter()
                .partition(|p| matches!(p.what, Record::Finish(_)));
        let batch: Vec<RunFinish> = finishes
            .iter()
            .filter_map(|p| match &p.what {
                Record::Finish(c) => Some(RunFinish {
                    id: p.id.clone(),
                    attempt: p.attempt,
                    done: c.clone(),
                }),
                Record::HandBack(_) => None,
            })
            .collect();
        let name = &self.config.name;
        let (finished, handed) = tokio::join!(
            async {
                if batch.is_empty() {
                    Ok(Vec::new())
                } else {
                    self.store.finish_runs(name, &batch).await
                }
            },
            join_all(hand_backs.iter().map(|p| self.hand_back(p)))
        );
        let mut failure = None;
        if let Err(e) = finished {
            failure = Some(e);
            st.unrecorded.extend(finishes);
        }
        for (p, r) in hand_backs.into_iter().zip(handed) {
            match r {
                Ok(true) => st.report.handed_back += 1,
                Ok(false) => {}
                Err(e) => {
                    failure.get_or_insert(e);
                    st.unrecorded.push(p);
                }
            }
        }
        failure.map_or(Ok(()), Err)
    }

    /// Turns every finished sandbox into an outcome to record (a completion, or a hand-back when
    /// the agent stopped it or lost it), and frees its slot.
    async fn collect_finished(&self, st: &mut LoopState) {
        let name = &self.config.name;
        let done: Vec<String> = st
            .active
            .iter()
            .filter(|(_, a)| a.has_ended())
            .map(|(id, _)| id.clone())
            .collect();
        for id in done {
            let Some(a) = st.active.remove(&id) else {
                continue;
            };
            st.free_slots.push(a.slot);
            crate::retention::logs::stamp_finished(
                &self.config.executor.log_dir.join(format!("{id}.log")),
            );
            let timeout = st.timeouts.remove(&id).unwrap_or(0);
            let ready = a.done.lock().ok().and_then(|mut d| d.take());
            let outcome = match ready {
                Some(o) => o,
                None => {
                    // No outcome: the executor task panicked (or was aborted).
                    let why = match a.task.await {
                        Err(e) => e.to_string(),
                        Ok(()) => "it ended without an outcome".to_string(),
                    };
                    tracing::error!("sandbox {id}: executor task failed: {why}");
                    st.unrecorded.push(Pending {
                        id,
                        attempt: a.attempt,
                        what: Record::HandBack(format!("agent {name}: executor failed")),
                    });
                    continue;
                }
            };
            for w in &outcome.warnings {
                tracing::warn!("sandbox {id}: {w}");
            }
            // A sandbox the agent stopped (drain deadline, lost lease) is handed back — unless it
            // ended by itself before the stop landed: then that is its outcome (written only if
            // its attempt is still the run's current one).
            let stopped = matches!(outcome.status, Status::Cancelled | Status::Lost { .. });
            let what = match (a.stop, &outcome.status) {
                (_, Status::Lost { message }) => {
                    Record::HandBack(format!("agent {name}: {message}"))
                }
                (Stop::HandBack, _) if stopped => {
                    Record::HandBack(format!("agent {name} drained before it finished"))
                }
                // Fenced: the run belongs to another node by now; handing back is a no-op then.
                (Stop::Fenced, _) if stopped => {
                    Record::HandBack(format!("agent {name} lost contact with Redis"))
                }
                _ => {
                    let completion = super::completion_for(&outcome, timeout);
                    match completion.state {
                        RunState::Succeeded => st.report.succeeded += 1,
                        RunState::TimedOut => st.report.timed_out += 1,
                        RunState::Cancelled => st.report.cancelled += 1,
                        _ => st.report.failed += 1,
                    }
                    Record::Finish(completion)
                }
            };
            st.unrecorded.push(Pending {
                id,
                attempt: a.attempt,
                what,
            });
        }
    }

    /// Stops the sandboxes whose run is no longer ours: cancelled, or moved to another node.
    async fn stop_unowned(&self, st: &mut LoopState) -> Result<(), StoreError> {
        if st.active.is_empty() {
            return Ok(());
        }
        let name = &self.config.name;
        let ids: Vec<String> = st.active.keys().cloned().collect();
        let statuses = self.store.run_states(&ids).await?;
        for (id, status) in ids.iter().zip(statuses) {
            let Some(a) = st.active.get(id) else { continue };
            // Ours means: running here, under the attempt this sandbox was started for.
            let ours = status.is_some_and(|s| {
                s.state == RunState::Running
                    && s.node.as_deref() == Some(name.as_str())
                    && s.attempts == a.attempt
            });
            if !ours {
                let _ = a.cancel.send(true);
            }
        }
        Ok(())
    }

    /// One step. Outcomes are recorded on every step; the checks that only matter now and then
    /// (cancelled runs, orphans, old logs) run once per poll interval; new work is looked for
    /// unless the step was only woken by a sandbox's end (work placed here wakes the agent by
    /// itself, and the poll interval catches a missed wake-up).
    pub(super) async fn step(
        &self,
        st: &mut LoopState,
        draining: bool,
        woken: Wake,
    ) -> Result<(), StoreError> {
        // 1. Collect finished sandboxes into outcomes, and record them.
        self.collect_finished(st).await;
        self.record_all(st).await?;
        let periodic = st
            .last_checks
            .is_none_or(|t| t.elapsed() >= self.config.poll);
        if periodic {
            st.last_checks = Some(Instant::now());
            // 2. Stop sandboxes whose run is no longer ours.
            self.stop_unowned(st).await?;
            // 3. Now and then, hand back runs this agent has no sandbox for.
            if st
                .last_orphan_check
                .is_none_or(|t| t.elapsed() >= ORPHAN_CHECK)
            {
                st.last_orphan_check = Some(Instant::now());
                self.hand_back_orphans(&st.active, &st.unrecorded, &mut st.report)
                    .await?;
            }
            // 4. Now and then, delete logs past the cell's retention window.
            if st.next_log_sweep.is_none_or(|t| Instant::now() >= t) {
                self.sweep_logs(st).await?;
            }
        }
        if draining || st.active.values().any(|a| a.stop == Stop::Fenced) {
            return Ok(());
        }
        // 5. Start what was scheduled here.
        if periodic || woken != Wake::Finished {
            self.start_placed(st).await?;
        }
        Ok(())
    }

    /// Starts the runs scheduled here: one read of the node's runs, then one atomic step that
    /// moves the new ones that are still scheduled here to `running` (as many as there are free
    /// slots) and answers with each one's attempt and spec. A sandbox starts only for the runs
    /// that step started, for the attempt it answered (a run cancelled or placed again meanwhile
    /// is not started); a run whose stored spec cannot be read fails at once.
    async fn start_placed(&self, st: &mut LoopState) -> Result<(), StoreError> {
        let name = &self.config.name;
        if st.free_slots.is_empty() {
            return Ok(());
        }
        let starts: Vec<PlacedStart> = self
            .store
            .node_runs(name)
            .await?
            .into_iter()
            .filter(|id| !st.active.contains_key(id))
            .map(|id| {
                let log = self.config.executor.log_dir.join(format!("{id}.log"));
                PlacedStart {
                    log_path: Some(log.display().to_string()),
                    id,
                }
            })
            .collect();
        if starts.is_empty() {
            return Ok(());
        }
        let started = self
            .store
            .start_placed(name, &starts, st.free_slots.len())
            .await?;
        for (s, started) in starts.into_iter().zip(started) {
            let Some(Started { attempt, spec }) = started else {
                continue;
            };
            let spec = match spec {
                Ok(spec) => spec,
                Err(why) => {
                    tracing::error!("run {}: cannot start it: {why}", s.id);
                    st.unrecorded.push(Pending {
                        id: s.id,
                        attempt,
                        what: Record::Finish(Completion {
                            state: RunState::Failed,
                            exit_code: None,
                            message: Some(format!("the run cannot be started: {why}")),
                            log_tail: String::new(),
                        }),
                    });
                    continue;
                }
            };
            let Some(slot) = st.free_slots.pop() else {
                break; // cannot happen: no more runs than free slots were started
            };
            st.timeouts.insert(s.id.clone(), spec.timeout_secs);
            let a = self.spawn(&s.id, attempt, spec, slot);
            st.active.insert(s.id, a);
            st.report.started += 1;
        }
        Ok(())
    }

    /// Deletes the logs of runs finished longer ago than the cell's window (and orphans as old);
    /// the window is read from the store, so every agent of the cell follows the same one.
    async fn sweep_logs(&self, st: &mut LoopState) -> Result<(), StoreError> {
        let window = self.store.retention().await?.finished;
        let interval = crate::retention::logs::sweep_interval(window);
        st.next_log_sweep = Some(Instant::now() + interval);
        let dir = self.config.executor.log_dir.clone();
        let active: std::collections::HashSet<String> = st.active.keys().cloned().collect();
        let name = self.config.name.clone();
        let swept = tokio::task::spawn_blocking(move || {
            crate::retention::logs::sweep(&dir, window, &active)
        })
        .await;
        match swept {
            Ok(Ok(done)) if done.deleted > 0 => {
                tracing::debug!(
                    "agent {name}: {} log(s) past retention deleted",
                    done.deleted
                )
            }
            Ok(Ok(_)) => {}
            Ok(Err(e)) => tracing::warn!("agent {name}: sweeping old logs: {e}"),
            Err(e) => tracing::warn!("agent {name}: the log sweep failed: {e}"),
        }
        Ok(())
    }
}
