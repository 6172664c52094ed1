//! Riding out a Redis outage: capped exponential backoff with jitter, and an outage log that speaks once per change of state instead of once per retry.

use std::time::{Duration, Instant};

use crate::store::StoreError;

/// Capped exponential backoff with "equal jitter": each delay is drawn from
/// `[d/2, d]`, and `d` doubles up to the cap. Many agents retrying after one Redis restart spread
/// out instead of arriving together.
#[derive(Clone, Debug)]
pub struct Backoff {
    base: Duration,
    cap: Duration,
    next: Duration,
    rng: u64,
}

impl Backoff {
    pub fn new(base: Duration, cap: Duration) -> Backoff {
        let seed = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos() as u64)
            .unwrap_or(0)
            ^ (u64::from(std::process::id()) << 32);
        Backoff {
            base,
            cap: cap.max(base),
            next: base,
            rng: seed | 1,
        }
    }

    /// The delay before the next retry; the one after it is up to twice as long (capped).
    pub fn next_delay(&mut self) -> Duration {
        let d = self.next;
        self.next = (self.next * 2).min(self.cap);
        let half = d / 2;
        let spread = (d - half).as_nanos() as u64;
        let jitter = if spread == 0 {
            0
        } else {
            self.random() % (spread + 1)
        };
        half + Duration::from_nanos(jitter)
    }

    /// Back to the shortest delay (after a success).
    pub fn reset(&mut self) {
        self.next = self.base;
    }

    /// xorshift64*: plenty for jitter, no dependency.
    fn random(&mut self) -> u64 {
        let mut x = self.rng;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.rng = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
}

/// Logs a dependency's health once per change: the first failure (and a different one later) as
/// a warning, the recovery as info with how long it lasted. Repeats of the same failure go to
/// debug, so an outage of minutes writes two lines, not thousands.
#[derive(Debug)]
pub struct OutageLog {
    who: String,
    down: Option<(Instant, String)>,
}

impl OutageLog {
    /// `who` starts each line, e.g. `agent n1` or `scheduler`.
    pub fn new(who: impl Into<String>) -> OutageLog {
        OutageLog {
            who: who.into(),
            down: None,
        }
    }

    /// True while the last call was a failure.
    pub fn is_down(&self) -> bool {
        self.down.is_some()
    }

    /// How long the current outage has lasted.
    pub fn down_for(&self) -> Option<Duration> {
        self.down.as_ref().map(|(t, _)| t.elapsed())
    }

    /// Records a failure of `what`; logs it when it is new or different from the last one.
    pub fn failed(&mut self, what: &str, e: &StoreError) {
        let text = e.to_string();
        let class = error_class(e);
        match &mut self.down {
            Some((_, last)) if *last == class => {
                tracing::debug!("{}: {what} failed again: {text}", self.who);
            }
            Some((since, last)) => {
                tracing::warn!(
                    "{}: {what} failed ({:.1}s into the outage), now: {text}; retrying",
                    self.who,
                    since.elapsed().as_secs_f64()
                );
                *last = class;
            }
            None => {
                let how = if e.is_unavailable() {
                    "store unavailable"
                } else {
                    "store error"
                };
                tracing::warn!(
                    "{}: {how}: {what} failed: {text}; retrying with backoff",
                    self.who
                );
                self.down = Some((Instant::now(), class));
            }
        }
    }

    /// Records a success; logs the end of an outage once.
    pub fn ok(&mut self) {
        if let Some((since, _)) = self.down.take() {
            tracing::info!(
                "{}: the store answers again after {:.1}s",
                self.who,
                since.elapsed().as_secs_f64()
            );
        }
    }
}

/// Runs `op` until it succeeds or fails with something other than unavailability, waiting with
/// [`Backoff`] in between and logging through `log`. `Ok(None)` when `shutdown` turned true first.
/// Only for steps that are safe to repeat.
pub async fn until_available<T, F, Fut>(
    what: &str,
    log: &mut OutageLog,
    shutdown: &mut tokio::sync::watch::Receiver<bool>,
    mut op: F,
) -> Result<Option<T>, StoreError>
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Result<T, StoreError>>,
{
    let mut backoff = Backoff::new(Duration::from_millis(100), Duration::from_secs(5));
    loop {
        if *shutdown.borrow() {
            return Ok(None);
        }
        match op().await {
            Ok(v) => {
                log.ok();
                return Ok(Some(v));
            }
            Err(e) if e.is_unavailable() => log.failed(what, &e),
            Err(e) => return Err(e),
        }
        tokio::select! {
            _ = tokio::time::sleep(backoff.next_delay()) => {}
            _ = shutdown.changed() => {}
        }
    }
}

/// What makes two failures "the same" for the log: the variant and the server's error code (the
/// first word of the message), not the details that vary from one try to the next.
fn error_class(e: &StoreError) -> String {
    match e {
        StoreError::Unavailable { message, .. } | StoreError::Auth { message, .. } => {
            let first = message.split_whitespace().next().unwrap_or("");
            format!("{:?}:{first}", std::mem::discriminant(e))
        }
        other => format!("{:?}", std::mem::discriminant(other)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delays_grow_to_the_cap_with_jitter_and_reset() {
        let mut b = Backoff::new(Duration::from_millis(100), Duration::from_secs(2));
        let mut last_nominal = Duration::from_millis(100);
        for i in 0..10 {
            let d = b.next_delay();
            assert!(
                d >= last_nominal / 2 && d <= last_nominal,
                "try {i}: {d:?} outside [{:?}, {last_nominal:?}]",
                last_nominal / 2
            );
            last_nominal = (last_nominal * 2).min(Duration::from_secs(2));
        }
        assert!(b.next_delay() >= Duration::from_secs(1));
        b.reset();
        assert!(b.next_delay() <= Duration::from_millis(100));
    }

    #[test]
    fn the_outage_log_tracks_one_outage() {
        let mut log = OutageLog::new("test");
        assert!(!log.is_down());
        let e = StoreError::Unavailable {
            addr: "x".into(),
            message: "LOADING Redis is loading".into(),
        };
        log.failed("heartbeat", &e);
        log.failed("heartbeat", &e);
        assert!(log.is_down() && log.down_for().is_some());
        log.ok();
        assert!(!log.is_down());
    }
}
