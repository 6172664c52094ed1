//! `sandbox wait` (and `submit --wait`): waits for runs, printing them at the end; the exit code is the worst run's.

use std::time::Duration;

use anyhow::Result;
use clap::Args;

use super::render::run_page;
use crate::cli::args::parse_duration_arg;
use crate::cli::Ctx;
use crate::ops::wait::{wait_for_runs, worst_code, WaitError, WaitOptions, WaitProgress};
use crate::output::emit_page;
use crate::store::Store;

#[derive(Debug, Args)]
pub struct WaitArgs {
    /// Run ids
    #[arg(required = true)]
    pub ids: Vec<String>,
    /// Give up after this long (exit 15); no default, a run may last days
    #[arg(long, value_name = "DURATION", value_parser = parse_duration_arg)]
    pub timeout: Option<Duration>,
    /// Fail (exit 17) when a run stays pending this long with no node that could ever take it;
    /// 0 waits for ever
    #[arg(long, value_name = "DURATION", default_value = "2m", value_parser = parse_duration_arg)]
    pub pending_timeout: Duration,
}

/// The wait flags of `sandbox submit --wait` (its `--timeout` is the sandbox's own).
#[derive(Debug, Args)]
pub struct WaitFlags {
    /// With --wait: give up after this long (exit 15)
    #[arg(long, value_name = "DURATION", value_parser = parse_duration_arg, requires = "wait")]
    pub wait_timeout: Option<Duration>,
    /// With --wait: fail (exit 17) when a run stays pending this long with no node that could
    /// ever take it; 0 waits for ever
    #[arg(long, value_name = "DURATION", default_value = "2m", value_parser = parse_duration_arg)]
    pub pending_timeout: Duration,
}

impl WaitFlags {
    pub fn options(&self) -> WaitOptions {
        WaitOptions {
            timeout_flag: "--wait-timeout",
            ..options(self.wait_timeout, self.pending_timeout)
        }
    }
}

fn options(timeout: Option<Duration>, pending_timeout: Duration) -> WaitOptions {
    WaitOptions {
        timeout,
        pending_timeout: (!pending_timeout.is_zero()).then_some(pending_timeout),
        ..Default::default()
    }
}

/// Waits with a spinner on a terminal, prints the runs as they ended up (also when the wait
/// fails, so scripts see where each run is), and returns the worst run's code.
pub async fn wait_and_report(
    ctx: &Ctx,
    store: &dyn Store,
    ids: &[String],
    opts: &WaitOptions,
) -> Result<u8> {
    let spinner = ctx.interactive().then(|| {
        let s = indicatif::ProgressBar::new_spinner();
        s.enable_steady_tick(Duration::from_millis(120));
        s
    });
    let result = wait_for_runs(store, ids, opts, &mut |p: WaitProgress| {
        if let Some(s) = &spinner {
            s.set_message(format!(
                "{}/{} finished, {} running",
                p.finished, p.total, p.running
            ));
        }
    })
    .await;
    if let Some(s) = spinner {
        s.finish_and_clear();
    }
    match result {
        Ok(runs) => {
            emit_page(ctx.output, &run_page(&runs, None))?;
            Ok(worst_code(runs.iter().map(|r| r.state)))
        }
        Err(WaitError::Store(e)) => Err(e.into()),
        Err(e) => {
            if let Ok(runs) = store.get_runs(ids).await {
                let runs: Vec<_> = runs.into_iter().flatten().collect();
                emit_page(ctx.output, &run_page(&runs, None))?;
            }
            Err(e.into())
        }
    }
}

pub async fn run(ctx: &Ctx, args: WaitArgs) -> Result<u8> {
    let store = ctx.store_to_read().await?;
    wait_and_report(
        ctx,
        &*store,
        &args.ids,
        &options(args.timeout, args.pending_timeout),
    )
    .await
}
