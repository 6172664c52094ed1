//! Clap mirrors of domain enums (run states, heat, queue lists, environments) and shared value parsers.
//!
//! Domain types stay free of clap: each mirror converts both ways, and the tests map every domain
//! variant to its mirror and back, so the two cannot drift apart.

use std::net::SocketAddr;
use std::time::Duration;

use clap::ValueEnum;

use crate::config::Environment;
use crate::model::run::RunState;
use crate::model::spec::Heat;
use crate::store::QueueName;

/// Help heading of the monitoring options of long-running commands.
pub const MONITORING_HEADING: &str = "Monitoring options";

/// `--metrics-addr`, shared by `scheduler run`, `agent run` and `up`.
#[derive(Debug, clap::Args, Clone, Default)]
pub struct MetricsArgs {
    /// Serve Prometheus metrics at http://HOST:PORT/metrics, with /healthz (alive) and /readyz
    /// (Redis answers, policies loaded, node registered) probes; off by default
    #[arg(long, value_name = "HOST:PORT", env = "TARTARUS_METRICS_ADDR", value_parser = parse_listen_addr, help_heading = MONITORING_HEADING)]
    pub metrics_addr: Option<SocketAddr>,
}

impl MetricsArgs {
    /// Starts the metrics endpoint when asked; keep the returned server alive while the command runs.
    pub async fn start(
        &self,
        probe: impl FnOnce() -> crate::metrics::Probe,
    ) -> anyhow::Result<Option<crate::metrics::MetricsServer>> {
        match self.metrics_addr {
            Some(addr) => Ok(Some(crate::metrics::serve(addr, probe()).await?)),
            None => Ok(None),
        }
    }
}

/// A listen address: `HOST:PORT` (`0.0.0.0:9090`, `[::1]:9090`, `localhost:9090`).
pub fn parse_listen_addr(s: &str) -> Result<SocketAddr, String> {
    if let Ok(a) = s.parse::<SocketAddr>() {
        return Ok(a);
    }
    let bad = || format!("`{s}` is not HOST:PORT (e.g. 0.0.0.0:9090 or localhost:9090)");
    if !s.contains(':') {
        return Err(bad());
    }
    std::net::ToSocketAddrs::to_socket_addrs(s)
        .map_err(|_| bad())?
        .next()
        .ok_or_else(bad)
}

/// Help heading of the input limits of commands that read YAML files.
pub const INPUT_LIMITS_HEADING: &str = "Input limits";

/// `--max-file-size` and `--max-documents`, shared by every command that reads documents from a
/// file; both are checked before anything is parsed.
#[derive(Debug, clap::Args, Clone)]
pub struct InputLimitArgs {
    /// Largest input file (`64Mi`, `1Gi`; at most 4Gi)
    #[arg(long, value_name = "SIZE", default_value = "64Mi", value_parser = parse_file_size, help_heading = INPUT_LIMITS_HEADING)]
    pub max_file_size: u64,
    /// Most documents in one input file (at most 1000000)
    #[arg(long, value_name = "N", default_value_t = crate::model::documents::DEFAULT_MAX_DOCUMENTS as u64,
          value_parser = clap::value_parser!(u64).range(1..=crate::model::documents::MAX_DOCUMENTS_CEILING as u64),
          help_heading = INPUT_LIMITS_HEADING)]
    pub max_documents: u64,
}

impl Default for InputLimitArgs {
    fn default() -> Self {
        let d = crate::ops::input::InputLimits::default();
        InputLimitArgs {
            max_file_size: d.max_file_bytes,
            max_documents: d.max_documents as u64,
        }
    }
}

impl InputLimitArgs {
    pub fn limits(&self) -> crate::ops::input::InputLimits {
        crate::ops::input::InputLimits {
            max_file_bytes: self.max_file_size,
            max_documents: usize::try_from(self.max_documents).unwrap_or(usize::MAX),
        }
    }
}

/// A file size flag: `64Mi`, `1Gi`, `500000` (bytes), between 1 byte and 4 GiB.
pub fn parse_file_size(s: &str) -> Result<u64, String> {
    let n = crate::model::units::parse_bytes(s)?;
    let max = crate::ops::input::MAX_FILE_BYTES_CEILING;
    if n == 0 || n > max {
        return Err(format!(
            "must be between 1 byte and {}",
            crate::output::human_bytes(max)
        ));
    }
    Ok(n)
}

/// A count flag that must be at least 1 (`--limit`, `--batch`, `--max-attempts`, ...).
pub fn parse_positive_count(s: &str) -> Result<usize, String> {
    match s.trim().parse::<usize>() {
        Ok(0) => Err("must be at least 1".into()),
        Ok(n) => Ok(n),
        Err(_) => Err("expected a whole number, at least 1".into()),
    }
}

/// A duration flag that must be more than zero (`--redis-timeout`, `--lease`, ...).
pub fn parse_positive_duration(s: &str) -> Result<Duration, String> {
    let d = parse_duration_arg(s)?;
    if d.is_zero() {
        return Err("must be more than zero".into());
    }
    Ok(d)
}

/// `sandbox list --cursor`: the `next` a previous page printed (a run id).
pub fn parse_run_cursor(s: &str) -> Result<String, String> {
    ulid::Ulid::from_string(s)
        .map(|_| s.to_string())
        .map_err(|_| "not a cursor of `sandbox list` (the `next` it printed, a run id)".into())
}

/// `--log-format`: how log lines are written to stderr.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum LogFormat {
    /// Human-readable lines
    #[default]
    Text,
    /// One JSON object per line: timestamp (RFC 3339), level, message, fields
    Json,
}

/// A duration flag: `30s`, `5m`, `1h30m`, `250ms`, or bare seconds.
pub fn parse_duration_arg(s: &str) -> Result<Duration, String> {
    crate::model::units::parse_duration(s)
}

/// `--state`: spelled exactly as the output spells it (`timed_out`; `timed-out` is accepted too).
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum StateArg {
    #[value(name = "queued")]
    Queued,
    #[value(name = "admitted")]
    Admitted,
    #[value(name = "pending")]
    Pending,
    #[value(name = "scheduled")]
    Scheduled,
    #[value(name = "running")]
    Running,
    #[value(name = "succeeded")]
    Succeeded,
    #[value(name = "failed")]
    Failed,
    #[value(name = "timed_out", alias = "timed-out")]
    TimedOut,
    #[value(name = "cancelled")]
    Cancelled,
    #[value(name = "denied")]
    Denied,
    #[value(name = "rejected")]
    Rejected,
    #[value(name = "lost")]
    Lost,
    #[value(name = "dead")]
    Dead,
}

impl From<StateArg> for RunState {
    fn from(s: StateArg) -> RunState {
        match s {
            StateArg::Queued => RunState::Queued,
            StateArg::Admitted => RunState::Admitted,
            StateArg::Pending => RunState::Pending,
            StateArg::Scheduled => RunState::Scheduled,
            StateArg::Running => RunState::Running,
            StateArg::Succeeded => RunState::Succeeded,
            StateArg::Failed => RunState::Failed,
            StateArg::TimedOut => RunState::TimedOut,
            StateArg::Cancelled => RunState::Cancelled,
            StateArg::Denied => RunState::Denied,
            StateArg::Rejected => RunState::Rejected,
            StateArg::Lost => RunState::Lost,
            StateArg::Dead => RunState::Dead,
        }
    }
}

impl From<RunState> for StateArg {
    fn from(s: RunState) -> StateArg {
        match s {
            RunState::Queued => StateArg::Queued,
            RunState::Admitted => StateArg::Admitted,
            RunState::Pending => StateArg::Pending,
            RunState::Scheduled => StateArg::Scheduled,
            RunState::Running => StateArg::Running,
            RunState::Succeeded => StateArg::Succeeded,
            RunState::Failed => StateArg::Failed,
            RunState::TimedOut => StateArg::TimedOut,
            RunState::Cancelled => StateArg::Cancelled,
            RunState::Denied => StateArg::Denied,
            RunState::Rejected => StateArg::Rejected,
            RunState::Lost => StateArg::Lost,
            RunState::Dead => StateArg::Dead,
        }
    }
}

/// `--heat`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum HeatArg {
    Cold,
    Warm,
    Hot,
    Inferno,
}

impl From<HeatArg> for Heat {
    fn from(h: HeatArg) -> Heat {
        match h {
            HeatArg::Cold => Heat::Cold,
            HeatArg::Warm => Heat::Warm,
            HeatArg::Hot => Heat::Hot,
            HeatArg::Inferno => Heat::Inferno,
        }
    }
}

impl From<Heat> for HeatArg {
    fn from(h: Heat) -> HeatArg {
        match h {
            Heat::Cold => HeatArg::Cold,
            Heat::Warm => HeatArg::Warm,
            Heat::Hot => HeatArg::Hot,
            Heat::Inferno => HeatArg::Inferno,
        }
    }
}

/// Which Acheron list a `queue` verb works on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum QueueArg {
    /// Waiting to be claimed by a scheduler
    Queued,
    /// Claimed by a scheduler under a lease
    Leased,
    /// Waiting for a feasible node
    Pending,
    /// Dead letters
    Dead,
}

impl From<QueueArg> for QueueName {
    fn from(q: QueueArg) -> QueueName {
        match q {
            QueueArg::Queued => QueueName::Queued,
            QueueArg::Leased => QueueName::Leased,
            QueueArg::Pending => QueueName::Pending,
            QueueArg::Dead => QueueName::Dead,
        }
    }
}

impl From<QueueName> for QueueArg {
    fn from(q: QueueName) -> QueueArg {
        match q {
            QueueName::Queued => QueueArg::Queued,
            QueueName::Leased => QueueArg::Leased,
            QueueName::Pending => QueueArg::Pending,
            QueueName::Dead => QueueArg::Dead,
        }
    }
}

/// `--environment` (`TARTARUS_ENV`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum EnvironmentArg {
    /// REDIS_ADDR defaults to localhost:6379; "" selects the in-memory store
    #[value(alias = "dev")]
    Development,
    /// REDIS_ADDR is required and Redis must answer; no in-memory store
    #[value(alias = "prod")]
    Production,
}

impl From<EnvironmentArg> for Environment {
    fn from(e: EnvironmentArg) -> Environment {
        match e {
            EnvironmentArg::Development => Environment::Development,
            EnvironmentArg::Production => Environment::Production,
        }
    }
}

impl From<Environment> for EnvironmentArg {
    fn from(e: Environment) -> EnvironmentArg {
        match e {
            Environment::Development => EnvironmentArg::Development,
            Environment::Production => EnvironmentArg::Production,
        }
    }
}

impl EnvironmentArg {
    /// The name `Config` parses (the flag is passed on as text, like the variable).
    pub fn as_str(self) -> &'static str {
        match self {
            EnvironmentArg::Development => "development",
            EnvironmentArg::Production => "production",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name<T: ValueEnum>(v: T) -> String {
        v.to_possible_value()
            .map(|p| p.get_name().to_string())
            .unwrap_or_default()
    }

    #[test]
    fn every_state_has_its_mirror_spelled_as_the_output() {
        assert_eq!(StateArg::value_variants().len(), RunState::ALL.len());
        for s in RunState::ALL {
            let arg = StateArg::from(s);
            assert_eq!(RunState::from(arg), s);
            assert_eq!(
                name(arg),
                s.as_str(),
                "the filter must be spelled as the output"
            );
            assert_eq!(StateArg::from_str(s.as_str(), false), Ok(arg));
        }
        assert_eq!(
            StateArg::from_str("timed-out", false),
            Ok(StateArg::TimedOut)
        );
    }

    #[test]
    fn every_heat_queue_and_environment_has_its_mirror() {
        assert_eq!(HeatArg::value_variants().len(), Heat::ALL.len());
        for h in Heat::ALL {
            assert_eq!(Heat::from(HeatArg::from(h)), h);
            assert_eq!(name(HeatArg::from(h)), h.as_str());
        }
        for q in [
            QueueName::Queued,
            QueueName::Leased,
            QueueName::Pending,
            QueueName::Dead,
        ] {
            assert_eq!(QueueName::from(QueueArg::from(q)), q);
            assert_eq!(
                serde_json::to_value(q).ok(),
                Some(serde_json::Value::String(name(QueueArg::from(q))))
            );
        }
        assert_eq!(QueueArg::value_variants().len(), 4);
        for e in [Environment::Development, Environment::Production] {
            let arg = EnvironmentArg::from(e);
            assert_eq!(Environment::from(arg), e);
            assert_eq!(name(arg), arg.as_str());
        }
        assert_eq!(EnvironmentArg::value_variants().len(), 2);
    }
}
