//! `tartarus redis`: persistence health checks (monitoring-plugin exit codes) and the recommended
//! persistence settings; one file per verb.

mod configure;
mod health;

use anyhow::Result;
use clap::Subcommand;

use super::Ctx;

/// The group's EXAMPLES (`tartarus redis --help`).
pub const EXAMPLES: &str = "\
Examples:
  # is Redis set up to keep what tartarus writes? (exit 0/1/2/3 for monitoring)
  tartarus redis health

  # the recommended persistence settings, then apply them
  tartarus redis configure
  tartarus redis configure --apply";

#[derive(Debug, Subcommand)]
pub enum RedisCmd {
    /// Persistence health: one row per check (AOF, RDB saves, save rules, eviction policy, memory,
    /// loading, the role, each replica with its lag, the Sentinels' quorum, the ACL user), each
    /// OK / WARNING / CRITICAL with what it means and how to fix it.
    ///
    /// Exit codes follow the monitoring-plugin convention: 0 OK, 1 WARNING, 2 CRITICAL,
    /// 3 UNKNOWN (Redis cannot be reached, no Redis is configured, or a bad threshold). `-o json`
    /// for monitoring systems: each check's value is a number where it is a quantity, with its
    /// unit (`ms`, `bytes`, `percent`).
    #[command(after_long_help = health::EXAMPLES)]
    Health(health::HealthArgs),
    /// Compare the live settings with the recommended persistence profile; `--apply` sets them.
    ///
    /// Recommended: appendonly yes, appendfsync everysec (always with --profile strict),
    /// aof-use-rdb-preamble yes, save "3600 1 300 100 60 10000", maxmemory-policy noeviction,
    /// and min-replicas-to-write 1 when the master has replicas.
    /// `--apply` asks first, then runs CONFIG SET for each difference and CONFIG REWRITE; a server
    /// started without a config file keeps the settings only until it restarts (said clearly).
    /// `dir` and `dbfilename` are shown, never changed.
    #[command(after_long_help = configure::EXAMPLES)]
    Configure(configure::ConfigureArgs),
}

impl RedisCmd {
    pub async fn run(self, ctx: &Ctx) -> Result<u8> {
        match self {
            RedisCmd::Health(args) => health::run(ctx, args).await,
            RedisCmd::Configure(args) => configure::run(ctx, args).await,
        }
    }
}
