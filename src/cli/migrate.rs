//! `tartarus migrate`: flags, the confirmation (which says how many keys move where) and the
//! report; the migration itself is [`crate::store::redis::Migration`].

use std::path::PathBuf;

use anyhow::{Context as _, Result};
use clap::Args;

use super::progress::Reporter;
use super::{CliError, Ctx};
use crate::config::{other_target, read_password_file, Backend, Secret};
use crate::output::{emit, fields, Render};
use crate::store::keys::{Keys, LEGACY_QUEUE_KEY};
use crate::store::migrate::{MigrateMode, MigrateOptions, MigrateReport, MigrateResult};
use crate::store::redis::{Migration, RedisStore};

#[derive(Debug, Args)]
pub struct MigrateArgs {
    /// Copy from this old server (host:port, redis://… or rediss://…) into the configured Redis
    /// (a single server or a Redis Cluster) instead of renaming in place; the old server is not
    /// changed
    #[arg(long, value_name = "ADDR")]
    pub from: Option<String>,
    /// Read the old server's password from this file (with --from)
    #[arg(long, value_name = "FILE", requires = "from")]
    pub from_password_file: Option<PathBuf>,
    /// The queue key of the old layout (what REDIS_QUEUE_KEY was before the upgrade)
    #[arg(long, value_name = "KEY", default_value = LEGACY_QUEUE_KEY)]
    pub from_queue_key: String,
    /// Count what would move and check for conflicts; change nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Keys per round trip
    #[arg(long, value_name = "N", default_value_t = 500, value_parser = clap::value_parser!(u64).range(1..=10_000))]
    pub batch: u64,
    /// Go on although schedulers or agents of the previous version still announce themselves
    #[arg(long)]
    pub force: bool,
}

impl Render for MigrateReport {
    fn render_table(&self, _wide: bool) -> String {
        let headline = match self.result {
            MigrateResult::AlreadyCurrent => format!(
                "cell {} already has schema version {}: nothing to do",
                self.cell,
                self.schema_before.unwrap_or_default()
            ),
            MigrateResult::WouldMigrate => format!(
                "dry run: {} key(s) would move into cell {}; nothing was changed",
                self.keys, self.cell
            ),
            MigrateResult::Initialised if self.dry_run => format!(
                "dry run: nothing of the old layout found; cell {} would be initialised",
                self.cell
            ),
            MigrateResult::Initialised => format!(
                "nothing of the old layout found: cell {} initialised at schema version {}",
                self.cell,
                self.schema_after.unwrap_or_default()
            ),
            MigrateResult::Upgraded if self.dry_run => format!(
                "dry run: cell {} would go from schema version {} to {}; nothing was changed",
                self.cell,
                self.schema_before.unwrap_or_default(),
                crate::store::schema::SCHEMA_VERSION
            ),
            MigrateResult::Upgraded => format!(
                "cell {} upgraded from schema version {} to {} (its data is read as it is)",
                self.cell,
                self.schema_before.unwrap_or_default(),
                self.schema_after.unwrap_or_default()
            ),
            MigrateResult::Migrated => format!(
                "migrated {} key(s) into cell {} (schema version {})",
                self.moved + self.already_moved,
                self.cell,
                self.schema_after.unwrap_or_default()
            ),
        };
        let version = |v: Option<u64>| v.map_or("none".to_string(), |v| v.to_string());
        let mut rows = vec![
            ("Mode", self.mode.as_str().replace('_', " ")),
            ("From", self.source.clone()),
            ("Into", format!("{} (cell {})", self.target, self.cell)),
            (
                "Schema",
                format!(
                    "{} → {}",
                    version(self.schema_before),
                    version(self.schema_after)
                ),
            ),
            ("Keys found", self.keys.to_string()),
        ];
        if !self.dry_run {
            rows.push(("Moved", self.moved.to_string()));
            rows.push(("Already moved", self.already_moved.to_string()));
            rows.push(("Expired meanwhile", self.vanished.to_string()));
            rows.push(("Resumed", self.resumed.to_string()));
        }
        for (kind, n) in &self.kinds {
            rows.push((kind.as_str(), n.to_string()));
        }
        format!("{headline}\n{}", fields(rows))
    }
}

pub async fn run(ctx: &Ctx, args: MigrateArgs) -> Result<u8> {
    let Backend::Redis(target) = &ctx.config.backend else {
        return Err(CliError::usage(
            "migrate moves keys between Redis layouts; the in-memory store has none",
        ));
    };
    let (source_target, mode) = match &args.from {
        Some(addr) => {
            let password = match &args.from_password_file {
                Some(path) => Some(Secret(read_password_file(path)?)),
                None => None,
            };
            (
                other_target("--from", addr, password, target)?,
                MigrateMode::Copy,
            )
        }
        None => ((**target).clone(), MigrateMode::InPlace),
    };
    let settings = ctx.store_settings.clone();
    let source = RedisStore::connect(
        &source_target,
        Keys::legacy(&args.from_queue_key),
        settings.clone(),
    )
    .await
    .with_context(|| format!("connecting to {}", source_target.display()))?;
    let cell = RedisStore::connect(target, ctx.config.keys(), settings)
        .await
        .with_context(|| format!("connecting to {}", target.display()))?;
    let migration = Migration::new(source, cell, mode);
    let options = MigrateOptions {
        dry_run: args.dry_run,
        batch: usize::try_from(args.batch).unwrap_or(500),
        force: args.force,
    };
    let reporter = Reporter::new(ctx);
    let report_progress = |p| reporter.report(p);
    let plan = migration.plan(&options, &report_progress).await;
    reporter.finish();
    let plan = plan?;
    if args.dry_run || plan.result == MigrateResult::AlreadyCurrent {
        emit(ctx.output, &plan)?;
        return Ok(crate::exit::OK);
    }
    let how = match mode {
        MigrateMode::InPlace => "rename",
        MigrateMode::Copy => "copy",
    };
    let what = if plan.result == MigrateResult::Upgraded {
        format!(
            "raise cell {}'s schema version from {} to {} on {} (no key moves; processes of the \
             older version can no longer use the cell)",
            plan.cell,
            plan.schema_before.unwrap_or_default(),
            crate::store::schema::SCHEMA_VERSION,
            plan.target
        )
    } else {
        format!(
            "{how} {} key(s) of the layout before cells from {} into cell {} on {}",
            plan.keys, plan.source, plan.cell, plan.target
        )
    };
    ctx.confirm(&what)?;
    let reporter = Reporter::new(ctx);
    let report_progress = |p| reporter.report(p);
    let report = migration.run(&options, &report_progress).await;
    reporter.finish();
    emit(ctx.output, &report?)?;
    Ok(crate::exit::OK)
}
