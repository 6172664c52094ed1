//! The command line: global options, the command tree, and the context every command runs with.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::time::Duration;

use anyhow::{Context as _, Result};
use clap::{Args, Parser, Subcommand};

use crate::config::{pick, Backend, Config, Environment, RawSettings, Source};
use crate::exit::{self, CodedError};
use crate::output::OutputFormat;
use crate::store::memory::MemoryStore;
use crate::store::redis::RedisStore;
use crate::store::{SharedStore, StoreSettings};

pub mod agent_cmd;
pub mod backup;
pub mod bench;
pub mod bench_backup;
pub mod config_cmd;
pub mod docs;
pub mod node;
pub mod policy;
pub mod progress;
pub mod queue;
pub mod redis;
pub mod sandbox;
pub mod scheduler_cmd;
pub mod verify;

/// Administration tool and embedded control plane for Tartarus sandboxes.
///
/// All durable state lives in Redis: runs in the Hades registry, waiting runs in the Acheron
/// queue, nodes, and Themis policies. Point it at Redis with REDIS_ADDR (default
/// localhost:6379 in development); REDIS_ADDR="" or --in-memory uses an in-memory store that is
/// lost when the process exits.
#[derive(Debug, Parser)]
#[command(
    name = "tartarus",
    version,
    propagate_version = true,
    max_term_width = 100
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalOpts,
    #[command(subcommand)]
    pub command: Command,
}

/// Options every command takes. Each has an environment variable; the flag wins.
#[derive(Debug, Args)]
pub struct GlobalOpts {
    /// Output format
    #[arg(short = 'o', long, global = true, value_enum, default_value = "table")]
    pub output: OutputFormat,

    /// Answer yes to confirmations of destructive steps (required without a terminal)
    #[arg(short = 'y', long, global = true)]
    pub yes: bool,

    /// Print only results and errors
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,

    /// More log output (-v info, -vv debug)
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,

    /// Deployment environment: development or production [env: TARTARUS_ENV]
    #[arg(long = "environment", global = true, value_name = "ENV")]
    pub environment: Option<String>,

    /// Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]
    #[arg(long, global = true, value_name = "ADDR")]
    pub redis_addr: Option<String>,

    /// Redis database number [env: REDIS_DB]
    #[arg(long, global = true, value_name = "N")]
    pub redis_db: Option<String>,

    /// Key of the Acheron queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]
    #[arg(long, global = true, value_name = "KEY")]
    pub queue_key: Option<String>,

    /// ACL user name [env: REDIS_USERNAME]
    #[arg(long, global = true, value_name = "USER")]
    pub redis_username: Option<String>,

    /// Read the Redis password from this file (a flag never takes the password itself, so it
    /// stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]
    #[arg(long, global = true, value_name = "FILE")]
    pub redis_password_file: Option<PathBuf>,

    /// Use TLS to reach Redis (implied by rediss:// addresses) [env: REDIS_TLS=1]
    #[arg(long, global = true)]
    pub tls: bool,

    /// Use the in-memory store (development only; state is lost on exit)
    #[arg(long, global = true)]
    pub in_memory: bool,

    /// How long each Redis command may take (named so to leave `--timeout` to the commands
    /// whose own timeouts it sets, like `sandbox submit --timeout`)
    #[arg(long = "redis-timeout", global = true, value_name = "DURATION", default_value = "5s", value_parser = parse_duration_arg)]
    pub redis_timeout: Duration,

    /// How long connecting to Redis may take
    #[arg(long = "redis-connect-timeout", global = true, value_name = "DURATION", default_value = "3s", value_parser = parse_duration_arg)]
    pub redis_connect_timeout: Duration,
}

pub fn parse_duration_arg(s: &str) -> Result<Duration, String> {
    crate::model::units::parse_duration(s)
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Submit, list, inspect and cancel sandbox runs (Hades)
    #[command(subcommand)]
    Sandbox(Box<sandbox::SandboxCmd>),
    /// Inspect and repair the Acheron queue
    #[command(subcommand)]
    Queue(queue::QueueCmd),
    /// The node registry: heartbeats, labels, drain, remove
    #[command(subcommand)]
    Node(node::NodeCmd),
    /// Themis admission policies: apply, list, test, history, rollback
    #[command(subcommand)]
    Policy(policy::PolicyCmd),
    /// The embedded scheduler loop (Rhadamanthus admission, Phlegethon/Typhon routing)
    #[command(subcommand)]
    Scheduler(scheduler_cmd::SchedulerCmd),
    /// A node agent that runs the sandboxes scheduled to its node
    #[command(subcommand)]
    Agent(agent_cmd::AgentCmd),
    /// Everything in one process: local agents, a scheduler, optional policies and a sandbox file;
    /// with --until-idle, runs the file to the end and prints a summary
    Up(scheduler_cmd::UpArgs),
    /// Show the effective configuration
    #[command(subcommand)]
    Config(config_cmd::ConfigCmd),
    /// Redis persistence: health checks (monitoring exit codes) and the recommended settings
    #[command(subcommand, after_long_help = redis::EXAMPLES)]
    Redis(redis::RedisCmd),
    /// Backups: create, list, verify, prune, restore
    #[command(subcommand, after_long_help = backup::EXAMPLES)]
    Backup(backup::BackupCmd),
    /// End-to-end checks for CI (`verify persistence`)
    #[command(subcommand, after_long_help = verify::EXAMPLES)]
    Verify(verify::VerifyCmd),
    /// Measure throughput against the configured store (`bench backup`: backup and restore speed)
    Bench(bench::BenchArgs),
    /// Print shell completions (bash, zsh, fish, powershell, elvish)
    Completions(docs::CompletionsArgs),
    /// Write man pages for every command into a folder
    Man(docs::ManArgs),
}

/// What every command runs with: the checked config and the output choices.
pub struct Ctx {
    pub config: Config,
    pub output: OutputFormat,
    pub yes: bool,
    pub quiet: bool,
    pub store_settings: StoreSettings,
}

impl Ctx {
    /// Connects to the configured store, logging which backend is in use.
    pub async fn store(&self) -> Result<SharedStore> {
        match &self.config.backend {
            Backend::Memory => {
                tracing::warn!(
                    "Using in-memory queue and registry: all state is lost when this process exits"
                );
                Ok(std::sync::Arc::new(MemoryStore::new(
                    self.store_settings.clone(),
                )))
            }
            Backend::Redis(target) => {
                let store = RedisStore::connect(target, &self.config.queue_key, self.store_settings.clone())
                    .await
                    .with_context(|| {
                        if self.config.environment == Environment::Production {
                            format!("fatal: production needs Redis at {} (no fallback)", target.display())
                        } else {
                            format!("connecting to Redis at {} (set REDIS_ADDR, or REDIS_ADDR=\"\" for the in-memory store)", target.display())
                        }
                    })?;
                tracing::info!(
                    "Using Redis queue {} at {}",
                    self.config.queue_key,
                    target.display()
                );
                tracing::info!("Using Redis registry at {}", target.display());
                Ok(std::sync::Arc::new(store))
            }
        }
    }

    /// Asks before a destructive step. `--yes` skips the question; without a terminal it refuses.
    pub fn confirm(&self, question: &str) -> Result<()> {
        if self.yes {
            return Ok(());
        }
        if !std::io::stdin().is_terminal() || !std::io::stderr().is_terminal() {
            return Err(CodedError::new(
                exit::REFUSED,
                format!("refusing to {question} without confirmation: stdin is not a terminal; pass --yes"),
            )
            .into());
        }
        let answer = dialoguer::Confirm::new()
            .with_prompt(format!("{}?", capitalize(question)))
            .default(false)
            .interact()
            .context("reading the confirmation")?;
        if answer {
            Ok(())
        } else {
            Err(CodedError::new(exit::REFUSED, "cancelled: nothing was changed").into())
        }
    }

    /// True when progress bars and spinners should be drawn.
    pub fn interactive(&self) -> bool {
        !self.quiet && std::io::stderr().is_terminal()
    }
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// Builds the checked configuration from flags and environment (flags win).
pub fn build_config(g: &GlobalOpts) -> Result<Config> {
    let password_from_file = match &g.redis_password_file {
        Some(path) => Some(
            std::fs::read_to_string(path)
                .with_context(|| format!("reading the Redis password file {}", path.display()))?
                .trim_end_matches(['\n', '\r'])
                .to_string(),
        ),
        None => None,
    };
    let tls_env = std::env::var("REDIS_TLS")
        .map(|v| matches!(v.as_str(), "1" | "true" | "yes"))
        .unwrap_or(false);
    let raw = RawSettings {
        env: pick(g.environment.clone(), &["TARTARUS_ENV"]),
        redis_addr: pick(g.redis_addr.clone(), &["REDIS_ADDR"]),
        redis_db: pick(g.redis_db.clone(), &["REDIS_DB"]),
        queue_key: pick(g.queue_key.clone(), &["REDIS_QUEUE_KEY"]),
        password: match password_from_file {
            Some(p) => (Some(p), Source::Flag),
            None => pick(None, &["REDIS_PASSWORD", "REDIS_PASS"]),
        },
        username: pick(g.redis_username.clone(), &["REDIS_USERNAME"]),
        tls: g.tls || tls_env,
        in_memory: g.in_memory,
        connect_timeout: g.redis_connect_timeout,
        command_timeout: g.redis_timeout,
    };
    Ok(Config::from_raw(raw)?)
}

fn init_logging(g: &GlobalOpts) {
    let level = if g.quiet {
        "error"
    } else {
        match g.verbose {
            0 => "warn,tartarus=info",
            1 => "info",
            _ => "debug",
        }
    };
    let filter = tracing_subscriber::EnvFilter::try_from_env("TARTARUS_LOG")
        .unwrap_or_else(|_| level.into());
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_target(false)
        .without_time()
        .with_ansi(std::env::var_os("NO_COLOR").is_none() && std::io::stderr().is_terminal())
        .try_init();
}

/// Parses, runs, and returns the exit code. Errors are printed once, with their context chain.
pub fn main() -> u8 {
    let cli = Cli::parse();
    init_logging(&cli.global);
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: starting the async runtime: {e}");
            return exit::FAILURE;
        }
    };
    match runtime.block_on(run(cli)) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("error: {err}");
            for cause in err.chain().skip(1) {
                eprintln!("  caused by: {cause}");
            }
            exit::code_for(&err)
        }
    }
}

async fn run(cli: Cli) -> Result<u8> {
    // Commands that need no configuration at all.
    match &cli.command {
        Command::Completions(args) => return docs::completions(args),
        Command::Man(args) => return docs::man(args),
        _ => {}
    }
    let config = build_config(&cli.global)?;
    let ctx = Ctx {
        config,
        output: cli.global.output,
        yes: cli.global.yes,
        quiet: cli.global.quiet,
        store_settings: StoreSettings::default(),
    };
    match cli.command {
        Command::Sandbox(cmd) => cmd.run(&ctx).await,
        Command::Queue(cmd) => cmd.run(&ctx).await,
        Command::Config(cmd) => cmd.run(&ctx).await,
        Command::Node(cmd) => cmd.run(&ctx).await,
        Command::Policy(cmd) => cmd.run(&ctx).await,
        Command::Scheduler(cmd) => cmd.run(&ctx).await,
        Command::Up(args) => scheduler_cmd::up(&ctx, args).await,
        Command::Agent(cmd) => cmd.run(&ctx).await,
        Command::Redis(cmd) => cmd.run(&ctx).await,
        Command::Backup(cmd) => cmd.run(&ctx).await,
        Command::Verify(cmd) => cmd.run(&ctx).await,
        Command::Bench(args) => bench::run(&ctx, args).await,
        Command::Completions(_) | Command::Man(_) => Ok(exit::OK),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn command_tree_is_consistent() {
        use clap::CommandFactory;
        super::Cli::command().debug_assert();
    }
}
