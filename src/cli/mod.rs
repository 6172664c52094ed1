//! The command line: the command tree, dispatch to each group, and the context every command runs with.
//!
//! `src/cli` only declares (clap), dispatches and renders; the use cases live in `src/ops`,
//! `src/persistence`, `src/store`. One folder per command group, one file per verb of any size.

use anyhow::Result;
use clap::{Parser, Subcommand};

pub mod agent;
pub mod args;
pub mod backup;
pub mod bench;
pub mod bench_backup;
pub mod bench_cells;
pub mod config;
mod ctx;
pub mod docs;
mod error;
pub mod examples;
mod global;
pub mod metrics;
pub mod migrate;
pub mod node;
pub mod policy;
pub mod progress;
pub mod queue;
pub mod redis;
pub mod sandbox;
pub mod scheduler;
pub mod signal;
pub mod top;
pub mod verify;

pub use args::parse_duration_arg;
pub use ctx::Ctx;
pub use error::CliError;
pub use global::{build_config, GlobalOpts};

/// The version `-V`, man page headers and node heartbeats show; stable across commits.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// `--version`: the version with the commit and the build date (`unknown` outside a git checkout).
pub const LONG_VERSION: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    "\ncommit: ",
    env!("TARTARUS_GIT_COMMIT"),
    "\nbuilt:  ",
    env!("TARTARUS_BUILD_DATE"),
);

/// Administration tool and embedded control plane for Tartarus sandboxes.
///
/// All durable state lives in Redis: runs in the Hades registry, waiting runs in the Acheron
/// queue, nodes, and Themis policies. Point it at Redis with REDIS_ADDR (default
/// localhost:6379 in development); REDIS_ADDR="" or --in-memory uses an in-memory store that is
/// lost when the process exits.
#[derive(Debug, Parser)]
#[command(
    name = "tartarus",
    version = VERSION,
    long_version = LONG_VERSION,
    max_term_width = 100,
    after_long_help = examples::TOP
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalOpts,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Submit, list, inspect, wait for and cancel sandbox runs (Hades)
    #[command(subcommand, after_long_help = examples::SANDBOX)]
    Sandbox(Box<sandbox::SandboxCmd>),
    /// Inspect and repair the Acheron queue
    #[command(subcommand, after_long_help = examples::QUEUE)]
    Queue(queue::QueueCmd),
    /// The node registry: heartbeats, labels, drain, remove
    #[command(subcommand, after_long_help = examples::NODE)]
    Node(node::NodeCmd),
    /// Themis admission policies: apply, list, test, history, rollback
    #[command(subcommand, after_long_help = examples::POLICY)]
    Policy(policy::PolicyCmd),
    /// The embedded scheduler loop (Rhadamanthus admission, Phlegethon/Typhon routing)
    #[command(subcommand, after_long_help = examples::SCHEDULER)]
    Scheduler(scheduler::SchedulerCmd),
    /// A node agent that runs the sandboxes scheduled to its node
    #[command(subcommand, after_long_help = examples::AGENT)]
    Agent(agent::AgentCmd),
    /// Everything in one process: local agents, a scheduler, optional policies and a sandbox file;
    /// with --until-idle, runs the file to the end and prints a summary
    #[command(after_long_help = examples::UP)]
    Up(scheduler::up::UpArgs),
    /// A live view: queue depth per state, runs per second, schedulers, nodes, latest events
    /// (JSON lines when stdout is not a terminal or with -o json; YAML documents with -o yaml)
    #[command(after_long_help = examples::TOP_VIEW)]
    Top(top::TopArgs),
    /// Show the effective configuration
    #[command(subcommand, after_long_help = examples::CONFIG)]
    Config(config::ConfigCmd),
    /// Redis persistence: health checks (monitoring exit codes) and the recommended settings
    #[command(subcommand, after_long_help = redis::EXAMPLES)]
    Redis(redis::RedisCmd),
    /// Backups: create, list, verify, prune, restore
    #[command(subcommand, after_long_help = backup::EXAMPLES)]
    Backup(backup::BackupCmd),
    /// Node_exporter textfile metrics for cron jobs: backups (local and off-machine), verify
    /// results, Redis persistence status, queue depth
    ///
    /// Writes the textfile atomically (a temporary file in the same folder, fsync, rename), so
    /// node_exporter's textfile collector never reads half of one. `backup create`, `backup
    /// copy`, `backup verify` and `verify persistence` take `--textfile` too, and write the same
    /// figures with their own outcome: point them all at one file.
    #[command(after_long_help = metrics::EXAMPLES)]
    Metrics(metrics::MetricsArgs),
    /// End-to-end checks for CI (`verify persistence`)
    #[command(subcommand, after_long_help = verify::EXAMPLES)]
    Verify(verify::VerifyCmd),
    /// Bring a cell to this version's schema: raise an older cell's version, or move a
    /// deployment from the key layout before cells into a cell (in place, or --from an old
    /// server); resumable, --dry-run counts
    #[command(after_long_help = examples::MIGRATE)]
    Migrate(migrate::MigrateArgs),
    /// Measure throughput against the configured store (`bench backup`: backup and restore speed)
    Bench(bench::BenchArgs),
    /// Print shell completions (bash, zsh, fish, powershell, elvish)
    #[command(after_long_help = examples::COMPLETIONS)]
    Completions(docs::CompletionsArgs),
    /// Write man pages for every command into a folder
    #[command(after_long_help = examples::MAN)]
    Man(docs::ManArgs),
}

impl Command {
    /// Commands that run until stopped: their logs carry timestamps.
    pub fn is_long_running(&self) -> bool {
        matches!(
            self,
            Command::Scheduler(_) | Command::Agent(_) | Command::Up(_)
        )
    }
}

/// Runs a parsed command line and returns its exit code (the error, for `main` to print, when
/// it failed).
pub fn run(cli: Cli) -> Result<u8> {
    global::init_logging(&cli.global, cli.command.is_long_running());
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| anyhow::anyhow!("starting the async runtime: {e}"))?;
    runtime.block_on(dispatch(cli))
}

async fn dispatch(cli: Cli) -> Result<u8> {
    // Commands that need no configuration at all.
    match &cli.command {
        Command::Completions(args) => return docs::completions(args),
        Command::Man(args) => return docs::man(args),
        _ => {}
    }
    let ctx = Ctx::new(build_config(&cli.global)?, &cli.global);
    match cli.command {
        Command::Sandbox(cmd) => cmd.run(&ctx).await,
        Command::Queue(cmd) => cmd.run(&ctx).await,
        Command::Config(cmd) => cmd.run(&ctx).await,
        Command::Node(cmd) => cmd.run(&ctx).await,
        Command::Policy(cmd) => cmd.run(&ctx).await,
        Command::Scheduler(cmd) => cmd.run(&ctx).await,
        Command::Up(args) => scheduler::up::run(&ctx, args).await,
        Command::Agent(cmd) => cmd.run(&ctx).await,
        Command::Redis(cmd) => cmd.run(&ctx).await,
        Command::Backup(cmd) => cmd.run(&ctx).await,
        Command::Verify(cmd) => cmd.run(&ctx).await,
        Command::Metrics(args) => metrics::run(&ctx, args).await,
        Command::Bench(args) => bench::run(&ctx, args).await,
        Command::Migrate(args) => migrate::run(&ctx, args).await,
        Command::Top(args) => top::run(&ctx, args).await,
        Command::Completions(_) | Command::Man(_) => Ok(crate::exit::OK),
    }
}

/// Parses the command line. When an argument holds a control character, a parse error (which
/// may quote it) is printed without colours, its escape sequences stripped and any other control
/// character escaped, and exits with clap's code (usage); otherwise clap prints it as usual.
pub fn parse_command_line() -> Cli {
    use clap::Parser;
    match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let hostile =
                std::env::args_os().any(|a| a.to_string_lossy().chars().any(char::is_control));
            if !hostile || !e.use_stderr() {
                e.exit()
            }
            // Plain text: clap strips escape sequences from it.
            let plain = e.render().to_string();
            let safe = crate::output::terminal_safe(&plain);
            let _ = std::io::Write::write_all(&mut std::io::stderr(), safe.as_bytes());
            std::process::exit(e.exit_code())
        }
    }
}

/// The lines `main` prints for an error: the error, then each cause that adds something (a cause
/// whose text the lines above already contain is left out, so nothing is said twice).
///
/// Messages quote what people gave (an image, a label, a file's content), so every control
/// character but the line break is escaped (`\u{1b}`): an error never writes a terminal escape.
pub fn error_lines(err: &anyhow::Error) -> Vec<String> {
    error_lines_raw(err)
        .into_iter()
        .map(|l| crate::output::terminal_safe(&l).into_owned())
        .collect()
}

fn error_lines_raw(err: &anyhow::Error) -> Vec<String> {
    let mut lines = vec![format!("error: {err}")];
    let mut said = err.to_string();
    for cause in err.chain().skip(1) {
        let text = cause.to_string();
        if text.is_empty() || said.contains(&text) {
            continue;
        }
        lines.push(format!("  caused by: {text}"));
        said.push('\n');
        said.push_str(&text);
    }
    lines
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    #[test]
    fn command_tree_is_consistent() {
        super::Cli::command().debug_assert();
    }

    #[test]
    fn error_lines_escape_control_characters_but_keep_line_breaks() {
        let err = anyhow::anyhow!("image `al\x1b]0;x\x07pine`\nsecond line\u{9b}")
            .context("submitting \x1b[31m");
        let lines = super::error_lines(&err);
        assert_eq!(
            lines,
            [
                "error: submitting \\u{1b}[31m",
                "  caused by: image `al\\u{1b}]0;x\\u{7}pine`\nsecond line\\u{9b}"
            ]
        );
    }

    #[test]
    fn an_error_and_its_causes_are_said_once() {
        let inner = crate::store::StoreError::RunNotFound("r1".into());
        let err = anyhow::Error::from(inner).context("waiting for r1");
        assert_eq!(
            super::error_lines(&err),
            ["error: waiting for r1", "  caused by: run r1 not found"]
        );
        let err = anyhow::anyhow!("run r1 not found").context("cancel failed: run r1 not found");
        assert_eq!(super::error_lines(&err).len(), 1);
    }
}
