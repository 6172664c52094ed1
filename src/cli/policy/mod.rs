//! `tartarus policy`: versioned Themis admission policies — apply, list, get, delete, history, rollback, and an offline `test`.

use std::path::PathBuf;

use anyhow::Result;
use clap::{Args, Subcommand};

use super::args::InputLimitArgs;
use super::examples;
use super::Ctx;

pub mod apply;
pub mod change;
pub mod show;
pub mod test;

#[derive(Debug, Subcommand)]
pub enum PolicyCmd {
    /// Validate and store policies from a YAML file (one bad document applies nothing); an
    /// unchanged set is reported as such and bumps nothing
    #[command(after_long_help = examples::POLICY_APPLY)]
    Apply {
        /// Policy file, one or more documents (`-` reads stdin)
        #[arg(short = 'f', long = "file", value_name = "FILE")]
        file: PathBuf,
        #[command(flatten)]
        change: ChangeArgs,
        #[command(flatten)]
        limits: InputLimitArgs,
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
        #[command(flatten)]
        change: ChangeArgs,
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
        #[command(flatten)]
        change: ChangeArgs,
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
        #[command(flatten)]
        limits: InputLimitArgs,
    },
}

/// Options of the verbs that change the policy set.
#[derive(Debug, Args)]
pub struct ChangeArgs {
    /// Print what would change (policy names and a diff of their documents) and write nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Name recorded in the history [default: $TARTARUS_WHO, else the OS user]
    #[arg(long, value_name = "NAME")]
    pub who: Option<String>,
}

impl PolicyCmd {
    pub async fn run(self, ctx: &Ctx) -> Result<u8> {
        match self {
            PolicyCmd::Test {
                file,
                policies,
                limits,
            } => test::run(ctx, &file, policies.as_deref(), limits.limits()).await,
            PolicyCmd::Apply {
                file,
                change,
                limits,
            } => apply::run(ctx, &file, &change, limits.limits()).await,
            PolicyCmd::List => show::list(ctx).await,
            PolicyCmd::Get { name } => show::get(ctx, name).await,
            PolicyCmd::History { limit } => show::history(ctx, limit).await,
            PolicyCmd::Delete { names, change } => change::delete(ctx, names, &change).await,
            PolicyCmd::Rollback { to_version, change } => {
                change::rollback(ctx, to_version, &change).await
            }
        }
    }
}
