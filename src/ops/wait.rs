//! Waiting for runs to finish, failing fast when nothing can finish them: no live scheduler, or a
//! run pending with no feasible node for longer than a bound. Also the exit codes that mirror
//! finished runs, and which of many runs is the worst.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use crate::control::{route, RouteDecision, RouteRequest};
use crate::exit;
use crate::model::now_ms;
use crate::model::run::{Run, RunState};
use crate::model::spec::Heat;
use crate::model::units::format_duration;
use crate::store::{Store, StoreError, StoreResult};

/// How long a run may stay pending with no node that could ever take it, by default.
pub const DEFAULT_PENDING_TIMEOUT: Duration = Duration::from_secs(120);

/// How a wait behaves.
#[derive(Debug, Clone)]
pub struct WaitOptions {
    /// Give up after this long (no default: a run may legitimately last days).
    pub timeout: Option<Duration>,
    /// The flag that set `timeout`, named when it passes (`--timeout` of `sandbox wait`,
    /// `--wait-timeout` of `sandbox submit --wait`, whose `--timeout` is the sandbox's own).
    pub timeout_flag: &'static str,
    /// Fail when a run has been pending with no feasible node for this long; `None` never does.
    pub pending_timeout: Option<Duration>,
    /// How often scheduler liveness and pending feasibility are checked.
    pub check_every: Duration,
    /// At the start, how long a missing scheduler is given to announce itself (one starting
    /// next to the wait) before the wait fails.
    pub scheduler_grace: Duration,
}

impl Default for WaitOptions {
    fn default() -> Self {
        WaitOptions {
            timeout: None,
            timeout_flag: "--timeout",
            pending_timeout: Some(DEFAULT_PENDING_TIMEOUT),
            check_every: Duration::from_secs(2),
            scheduler_grace: Duration::from_secs(3),
        }
    }
}

/// Why a wait ended before every run finished.
#[derive(Debug, thiserror::Error)]
pub enum WaitError {
    #[error(
        "no scheduler is alive: nothing will move run {id} out of `{state}` (start one with \
         `tartarus scheduler run` or `tartarus up`; `tartarus queue stats` lists the live ones)"
    )]
    NoScheduler { id: String, state: RunState },
    #[error(
        "run {id} has been pending for {waited} with no node that could take it \
         (--pending-timeout {bound}): {reason}"
    )]
    StuckPending {
        id: String,
        waited: String,
        bound: String,
        reason: String,
    },
    #[error("gave up waiting after {waited}: {flag} passed before {unfinished} of {total} run(s) finished")]
    TimedOut {
        waited: String,
        /// The flag that set the timeout.
        flag: &'static str,
        unfinished: usize,
        total: usize,
    },
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl WaitError {
    /// The process exit code this error leads to.
    pub fn code(&self) -> u8 {
        match self {
            WaitError::NoScheduler { .. } => exit::NO_SCHEDULER,
            WaitError::StuckPending { .. } => exit::STUCK_PENDING,
            WaitError::TimedOut { .. } => exit::WAIT_TIMED_OUT,
            WaitError::Store(e) => e.code(),
        }
    }
}

/// Progress of a wait, for a spinner.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WaitProgress {
    pub finished: usize,
    pub running: usize,
    pub total: usize,
}

/// The exit code that mirrors a finished run (`sandbox wait`'s code for it).
pub fn exit_code_for(state: RunState) -> u8 {
    match state {
        RunState::Succeeded => exit::OK,
        RunState::Failed => exit::RUN_FAILED,
        RunState::TimedOut => exit::RUN_TIMED_OUT,
        RunState::Cancelled => exit::RUN_CANCELLED,
        RunState::Denied | RunState::Rejected => exit::RUN_REFUSED,
        RunState::Dead => exit::RUN_DEAD,
        // Still pending: stuck, as far as the caller is concerned; anything else unfinished.
        RunState::Pending => exit::STUCK_PENDING,
        RunState::Queued
        | RunState::Admitted
        | RunState::Scheduled
        | RunState::Running
        | RunState::Lost => exit::WAIT_TIMED_OUT,
    }
}

/// The code of the worst of many runs: the highest of their codes, so 17 (left pending) > 15
/// (unfinished) > 14 (dead) > 13 (denied/rejected) > 12 (cancelled) > 11 (timed out) >
/// 10 (failed) > 0 (succeeded). No runs is success.
pub fn worst_code(states: impl IntoIterator<Item = RunState>) -> u8 {
    states
        .into_iter()
        .map(exit_code_for)
        .max()
        .unwrap_or(exit::OK)
}

/// States that only a scheduler moves on (admission, placement, recovery).
fn needs_scheduler(state: RunState) -> bool {
    matches!(
        state,
        RunState::Queued | RunState::Admitted | RunState::Pending | RunState::Lost
    )
}

/// How many schedulers are alive now (announced within their TTL).
pub async fn live_schedulers(store: &dyn Store) -> StoreResult<usize> {
    Ok(store.schedulers().await?.len())
}

/// True when some alive node could take the run if it were empty: the run waits for capacity
/// (which comes back as other runs end), not for a node that does not exist.
fn could_ever_fit(run: &Run, nodes: &[crate::model::node::Node], now: i64) -> bool {
    let empty: Vec<_> = nodes
        .iter()
        .map(|n| {
            let mut n = n.clone();
            n.usage = Default::default();
            n
        })
        .collect();
    let heat = run.heat.or(run.spec.heat).unwrap_or(Heat::Cold);
    let req = RouteRequest::for_spec(&run.spec, heat, run.quarantined);
    matches!(route(&req, &empty, now), RouteDecision::Assign { .. })
}

/// Tracks, per run, since when it has been waiting for a node that could ever take it. The clock
/// keeps running while the scheduler's retries move the run between `pending` and the queue; it
/// stops when the run is placed or finishes, or when some node could take it once free.
#[derive(Default)]
struct StuckClock {
    since: HashMap<String, Instant>,
}

/// States of a run that waits to be placed (a pending run is retried through the queue).
fn awaiting_placement(state: RunState) -> bool {
    matches!(
        state,
        RunState::Queued | RunState::Admitted | RunState::Pending
    )
}

impl StuckClock {
    /// Looks at the runs still waiting; fails with the first pending one stuck for longer than
    /// `bound`.
    async fn check(
        &mut self,
        store: &dyn Store,
        states: &[(&String, RunState)],
        bound: Duration,
    ) -> Result<(), WaitError> {
        self.since.retain(|id, _| {
            states
                .iter()
                .any(|(i, s)| *i == id && awaiting_placement(*s))
        });
        let pending: Vec<String> = states
            .iter()
            .filter(|(_, s)| *s == RunState::Pending)
            .map(|(id, _)| id.to_string())
            .collect();
        if pending.is_empty() {
            return Ok(());
        }
        let nodes = store.nodes().await?;
        let now = now_ms();
        let runs = store.get_runs(&pending).await?;
        for run in runs.into_iter().flatten() {
            if run.state != RunState::Pending || could_ever_fit(&run, &nodes, now) {
                self.since.remove(&run.id);
                continue;
            }
            let since = *self
                .since
                .entry(run.id.clone())
                .or_insert_with(Instant::now);
            if since.elapsed() >= bound {
                return Err(WaitError::StuckPending {
                    waited: format_duration(since.elapsed()),
                    bound: format_duration(bound),
                    reason: run
                        .message
                        .clone()
                        .unwrap_or_else(|| "no reason recorded".into()),
                    id: run.id,
                });
            }
        }
        Ok(())
    }
}

/// The checks that make a wait fail fast, for any loop that waits on runs (`sandbox wait`,
/// `submit --wait`, `logs -f`): `--timeout`, a live scheduler while a run needs one, and the
/// pending bound. Call [`Watchdog::check`] on every poll; it does the store calls only every
/// `check_every`.
pub struct Watchdog {
    opts: WaitOptions,
    started: Instant,
    next_check: Instant,
    stuck: StuckClock,
}

impl Watchdog {
    pub fn new(opts: WaitOptions) -> Watchdog {
        let now = Instant::now();
        Watchdog {
            opts,
            started: now,
            next_check: now,
            stuck: StuckClock::default(),
        }
    }

    /// Fails when the wait should end: `states` are the unfinished runs waited on.
    pub async fn check(
        &mut self,
        store: &dyn Store,
        states: &[(&String, RunState)],
        total: usize,
    ) -> Result<(), WaitError> {
        if let Some(t) = self.opts.timeout.filter(|t| self.started.elapsed() >= *t) {
            return Err(WaitError::TimedOut {
                waited: format_duration(t),
                flag: self.opts.timeout_flag,
                unfinished: states.iter().filter(|(_, s)| !s.is_terminal()).count(),
                total,
            });
        }
        if Instant::now() < self.next_check {
            return Ok(());
        }
        self.next_check = Instant::now() + self.opts.check_every;
        if let Some((id, state)) = states.iter().find(|(_, s)| needs_scheduler(*s)) {
            if live_schedulers(store).await? == 0 {
                if self.started.elapsed() >= self.opts.scheduler_grace {
                    return Err(WaitError::NoScheduler {
                        id: id.to_string(),
                        state: *state,
                    });
                }
                // Within the grace: look again soon, a scheduler may be starting.
                self.next_check = Instant::now() + Duration::from_millis(250);
            }
        }
        if let Some(bound) = self.opts.pending_timeout {
            self.stuck.check(store, states, bound).await?;
        }
        Ok(())
    }
}

/// Waits until every run in `ids` is finished and returns them, calling `progress` as states
/// change. Fails with [`WaitError`] when `--timeout` passes, when no scheduler is alive while a
/// run needs one (checked at the start, after `scheduler_grace`, and every `check_every`), or
/// when a run has been pending with no node that could ever take it for `pending_timeout`.
pub async fn wait_for_runs(
    store: &dyn Store,
    ids: &[String],
    opts: &WaitOptions,
    progress: &mut dyn FnMut(WaitProgress),
) -> Result<Vec<Run>, WaitError> {
    let mut poll = Duration::from_millis(20);
    let mut watchdog = Watchdog::new(opts.clone());
    loop {
        let states = store.run_states(ids).await?;
        if let Some((id, _)) = ids.iter().zip(&states).find(|(_, s)| s.is_none()) {
            return Err(StoreError::RunNotFound(id.clone()).into());
        }
        let states: Vec<(&String, RunState)> = ids
            .iter()
            .zip(states.iter().flatten())
            .map(|(id, s)| (id, s.state))
            .collect();
        let finished = states.iter().filter(|(_, s)| s.is_terminal()).count();
        progress(WaitProgress {
            finished,
            running: states
                .iter()
                .filter(|(_, s)| *s == RunState::Running)
                .count(),
            total: ids.len(),
        });
        if finished == ids.len() {
            return Ok(store.get_runs(ids).await?.into_iter().flatten().collect());
        }
        watchdog.check(store, &states, ids.len()).await?;
        tokio::time::sleep(poll).await;
        poll = (poll * 2).min(Duration::from_millis(250));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_worst_run_decides() {
        use RunState::*;
        assert_eq!(worst_code([Succeeded, Succeeded]), exit::OK);
        assert_eq!(worst_code([]), exit::OK);
        assert_eq!(
            worst_code([Succeeded, Failed, Cancelled]),
            exit::RUN_CANCELLED
        );
        assert_eq!(worst_code([Dead, Denied, Failed]), exit::RUN_DEAD);
        assert_eq!(worst_code([Failed, Pending]), exit::STUCK_PENDING);
        assert_eq!(worst_code([TimedOut, Running]), exit::WAIT_TIMED_OUT);
    }
}
