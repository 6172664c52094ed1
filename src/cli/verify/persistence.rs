//! `verify persistence`: flags and the verdict table; the check is `persistence::canary`.

use std::time::Duration;

use anyhow::Result;
use clap::Args;

use crate::cli::metrics::{record_outcome, TextfileArg};
use crate::cli::progress::Reporter;
use crate::cli::{parse_duration_arg, Ctx};
use crate::exit;
use crate::metrics::textfile::Overrides;
use crate::output::{columns, emit, Render};
use crate::persistence::backup::Location;
use crate::persistence::canary::{self, CanaryOptions, Verdict};
use crate::persistence::canary_record::{self, PersistenceRecord};
use crate::persistence::{require_redis, RedisAdmin};

pub const EXAMPLES: &str = "\
Examples:
  # the real proof: restart Redis and read the canary back (exit 0 only if it persisted)
  tartarus verify persistence --restart-cmd 'docker restart redis' --wait 60s -o json

  # without a restart: BGSAVE, and AOF or save rules must be configured
  tartarus verify persistence

  # from cron: record the verdict for node_exporter (success and failure alike)
  tartarus verify persistence --textfile /var/lib/node_exporter/textfile/tartarus.prom";

#[derive(Debug, Args)]
pub struct PersistenceArgs {
    /// Shell command that restarts Redis (run with `sh -c`; its output goes to stderr)
    #[arg(long, value_name = "CMD")]
    pub restart_cmd: Option<String>,
    /// How long to wait for Redis to answer and finish loading after the restart
    #[arg(long, value_name = "DURATION", default_value = "30s", value_parser = parse_duration_arg)]
    pub wait: Duration,
    /// How long the restart command may run before it is killed, with everything it started
    /// (its process group: SIGTERM, then SIGKILL 2 s later)
    #[arg(long, value_name = "DURATION", default_value = "2m", value_parser = parse_duration_arg)]
    pub restart_timeout: Duration,
    /// The backup directory whose figures the textfile reports too (with --textfile)
    #[arg(
        long,
        env = "TARTARUS_BACKUP_DIR",
        hide_env_values = true,
        value_name = "DIR",
        value_parser = crate::cli::metrics::parse_location
    )]
    pub dir: Option<Location>,
    #[command(flatten)]
    pub textfile: TextfileArg,
}

impl Render for Verdict {
    fn render_table(&self, _wide: bool) -> String {
        let rows = self
            .checks
            .iter()
            .map(|s| {
                vec![
                    s.name.to_string(),
                    if s.ok { "ok" } else { "FAILED" }.to_string(),
                    s.detail.clone(),
                ]
            })
            .collect();
        let error = match &self.error {
            Some(e) => format!("\n\nerror: {e}"),
            None => String::new(),
        };
        format!(
            "{}: {} ({}, {:.1}s)\n\n{}{error}\n\ncleanup: {}",
            self.target,
            if self.persisted {
                "the canary persisted"
            } else if self.error.is_some() {
                "the check could NOT finish"
            } else {
                "the canary did NOT persist"
            },
            self.mode,
            self.elapsed_ms as f64 / 1000.0,
            columns(&["CHECK", "RESULT", "DETAIL"], rows),
            self.cleanup
        )
    }
}

pub async fn run(ctx: &Ctx, args: PersistenceArgs) -> Result<u8> {
    let target = require_redis(&ctx.config.backend, "verify persistence")?;
    let opts = CanaryOptions {
        restart_cmd: args.restart_cmd.clone(),
        wait: args.wait,
        restart_timeout: args.restart_timeout,
        ..Default::default()
    };
    let reporter = Reporter::new(ctx);
    let progress = |p| reporter.report(p);
    let open_store = || -> futures::future::BoxFuture<'_, Result<_>> { Box::pin(ctx.store()) };
    let (verdict, outcome) =
        canary::verify_persistence(&target, &open_store, &opts, &progress).await;
    reporter.finish();
    // Recorded in the cell for `metrics --textfile`; when Redis is not back, only this
    // command's own textfile can say so.
    let record = PersistenceRecord::from_verdict(&verdict, crate::model::now_ms());
    let key = ctx.config.keys().persistence_verdict();
    let stored = async {
        let admin = RedisAdmin::connect(&target).await?;
        canary_record::record(&admin, &key, &record).await
    }
    .await;
    if let Err(e) = stored {
        tracing::warn!("the verdict was not recorded in Redis: {e}");
    }
    let overrides = Overrides {
        persistence: Some(record),
        ..Default::default()
    };
    let recorded = record_outcome(
        ctx,
        args.textfile.textfile.as_deref(),
        args.dir.as_ref().and_then(Location::folder),
        args.dir.as_ref().filter(|d| d.is_remote()),
        overrides,
    )
    .await;
    // CI parses stdout: the verdict comes out on every path, saying why.
    let emitted = emit(ctx.output, &verdict);
    if verdict.error.is_some() {
        tracing::warn!("canary cleanup: {}", verdict.cleanup);
    }
    recorded.finish(emitted.and(outcome).map(|()| exit::OK))
}
