//! `tartarus policy`: versioned Themis admission policies — apply, list, get, delete, history, rollback, and an offline `test`.

use std::path::PathBuf;

use anyhow::Result;
use clap::Subcommand;

use super::examples;
use super::Ctx;

pub mod apply;
pub mod change;
pub mod show;
pub mod test;

#[derive(Debug, Subcommand)]
pub enum PolicyCmd {
    /// Validate and store policies from a YAML file (one bad document applies nothing)
    #[command(after_long_help = examples::POLICY_APPLY)]
    Apply {
        /// Policy file, one or more documents (`-` reads stdin)
        #[arg(short = 'f', long = "file", value_name = "FILE")]
        file: PathBuf,
    },
    /// Stored policies with their mode and rule count
    #[command(after_long_help = examples::POLICY_LIST)]
    List,
    /// One stored policy as YAML/JSON
    #[command(after_long_help = examples::POLICY_GET)]
    Get {
        /// Policy name
        name: String,
    },
    /// Delete policies (one version bump)
    #[command(after_long_help = examples::POLICY_DELETE)]
    Delete {
        /// Policy names
        #[arg(required = true)]
        names: Vec<String>,
    },
    /// Changes, newest first: version, time, who, what
    #[command(after_long_help = examples::POLICY_HISTORY)]
    History {
        /// Most changes to show
        #[arg(long, default_value_t = 20)]
        limit: usize,
    },
    /// Restore the policy set as it stood after version N (recorded as a new version)
    #[command(after_long_help = examples::POLICY_ROLLBACK)]
    Rollback {
        /// The version whose policy set comes back (see `policy history`)
        #[arg(long = "to-version", value_name = "N")]
        to_version: u64,
    },
    /// Judge a sandbox file against the stored policies (or --policies FILE, offline) and explain
    /// the verdict; exits 0 allow, 20 deny, 21 quarantine
    #[command(after_long_help = examples::POLICY_TEST)]
    Test {
        /// Sandbox file to judge (`-` reads stdin)
        #[arg(short = 'f', long = "file", value_name = "FILE")]
        file: PathBuf,
        /// Judge against this policy file instead of the stored set (no Redis needed)
        #[arg(long)]
        policies: Option<PathBuf>,
    },
}

/// Who a policy change is recorded as: the operator's login name.
pub fn who() -> String {
    std::env::var("USER")
        .or_else(|_| std::env::var("LOGNAME"))
        .unwrap_or_else(|_| "unknown".into())
}

impl PolicyCmd {
    pub async fn run(self, ctx: &Ctx) -> Result<u8> {
        match self {
            PolicyCmd::Test { file, policies } => test::run(ctx, &file, policies.as_deref()).await,
            PolicyCmd::Apply { file } => apply::run(ctx, &file).await,
            PolicyCmd::List => show::list(ctx).await,
            PolicyCmd::Get { name } => show::get(ctx, name).await,
            PolicyCmd::History { limit } => show::history(ctx, limit).await,
            PolicyCmd::Delete { names } => change::delete(ctx, names).await,
            PolicyCmd::Rollback { to_version } => change::rollback(ctx, to_version).await,
        }
    }
}
