//! `verify persistence`: flags and the verdict table; the check is `persistence::canary`.

use std::time::Duration;

use anyhow::Result;
use clap::Args;

use crate::cli::progress::Reporter;
use crate::cli::{parse_duration_arg, Ctx};
use crate::exit;
use crate::output::{columns, emit, Render};
use crate::persistence::canary::{self, CanaryOptions, Verdict};
use crate::persistence::require_redis;

pub const EXAMPLES: &str = "\
Examples:
  # the real proof: restart Redis and read the canary back (exit 0 only if it persisted)
  tartarus verify persistence --restart-cmd 'docker restart redis' --wait 60s -o json

  # without a restart: BGSAVE, and AOF or save rules must be configured
  tartarus verify persistence";

#[derive(Debug, Args)]
pub struct PersistenceArgs {
    /// Shell command that restarts Redis (run with `sh -c`; its output goes to stderr)
    #[arg(long, value_name = "CMD")]
    pub restart_cmd: Option<String>,
    /// How long to wait for Redis to answer and finish loading after the restart
    #[arg(long, value_name = "DURATION", default_value = "30s", value_parser = parse_duration_arg)]
    pub wait: Duration,
    /// How long the restart command may run before it is killed
    #[arg(long, value_name = "DURATION", default_value = "2m", value_parser = parse_duration_arg)]
    pub restart_timeout: Duration,
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
        restart_cmd: args.restart_cmd,
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
    // CI parses stdout: the verdict comes out on every path, saying why.
    emit(ctx.output, &verdict)?;
    if verdict.error.is_some() {
        tracing::warn!("canary cleanup: {}", verdict.cleanup);
    }
    outcome.map(|()| exit::OK)
}
