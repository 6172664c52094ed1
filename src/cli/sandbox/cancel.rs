//! `sandbox cancel`: cancels each run on its own; the ones that could not be cancelled are one error, said once. `--dry-run` shows what would be cancelled and writes nothing.

use anyhow::Result;
use clap::Args;

use super::render::run_page;
use crate::cli::Ctx;
use crate::exit;
use crate::ops::cancel::{cancel_runs, plan_cancel};
use crate::output::emit_page;

#[derive(Debug, Args)]
pub struct CancelArgs {
    /// Run ids
    #[arg(required = true)]
    pub ids: Vec<String>,
    /// Reason recorded on the run
    #[arg(long, default_value = "cancelled by operator")]
    pub reason: String,
    /// List the runs that would be cancelled (and the ones that could not be) and change nothing
    #[arg(long)]
    pub dry_run: bool,
}

pub async fn run(ctx: &Ctx, args: CancelArgs) -> Result<u8> {
    let store = ctx.store().await?;
    let result = if args.dry_run {
        plan_cancel(&*store, &args.ids).await?
    } else {
        ctx.confirm(&format!("cancel {} run(s)", args.ids.len()))?;
        cancel_runs(&*store, &args.ids, &args.reason).await
    };
    if args.dry_run && !ctx.quiet {
        eprintln!(
            "dry run: {} of {} run(s) would be cancelled; nothing was changed",
            result.done.len(),
            args.ids.len()
        );
    }
    if !result.done.is_empty() {
        emit_page(ctx.output, &run_page(&result.done, None))?;
    }
    let total = args.ids.len();
    let mut failed = result.failed.into_iter();
    let Some((first_id, first)) = failed.next() else {
        return Ok(exit::OK);
    };
    let others: Vec<String> = failed.map(|(id, e)| format!("{id}: {e}")).collect();
    if total == 1 {
        return Err(first.into());
    }
    // The first failure decides the exit code; every failure is named once.
    let mut context = format!(
        "{} of {total} runs were not cancelled: {first_id}",
        others.len() + 1
    );
    if !others.is_empty() {
        context.push_str(&format!(" (also {})", others.join("; ")));
    }
    Err(anyhow::Error::from(first).context(context))
}
