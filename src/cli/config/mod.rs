//! `tartarus config show`: the effective configuration and where each value came from.

use anyhow::Result;
use clap::Subcommand;

use super::examples;
use super::Ctx;
use crate::config::{Backend, Setting, Source};
use crate::exit;
use crate::output::{emit_page, Page};

#[derive(Debug, Subcommand)]
pub enum ConfigCmd {
    /// Print every setting, its value and its source (flag, env, url, store, default); the
    /// password is redacted, and a setting that is not set is null (JSON) or `-` (table). Cell
    /// settings kept in Redis (the retention window, `retain_finished_ms`) are read from the store
    /// (null, with a warning, when it cannot be reached)
    #[command(after_long_help = examples::CONFIG_SHOW)]
    Show,
}

fn value_text(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::Null => "-".into(),
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// The cell's retention window as the store holds it.
async fn retention_setting(ctx: &Ctx) -> Setting {
    let read = async {
        ctx.store_to_read()
            .await?
            .retention()
            .await
            .map_err(anyhow::Error::from)
    };
    match read.await {
        Ok(r) => Setting {
            name: "retain_finished_ms",
            value: serde_json::Value::from(r.finished.as_millis() as u64),
            source: if r.stored {
                Source::Store
            } else {
                Source::Default
            },
        },
        Err(e) => {
            tracing::warn!("reading the cell's settings from the store: {e:#}");
            Setting {
                name: "retain_finished_ms",
                value: serde_json::Value::Null,
                source: Source::Store,
            }
        }
    }
}

impl ConfigCmd {
    pub async fn run(self, ctx: &Ctx) -> Result<u8> {
        match self {
            ConfigCmd::Show => {
                let mut settings = vec![Setting {
                    name: "backend",
                    value: serde_json::Value::from(match ctx.config.backend {
                        Backend::Memory => "in-memory",
                        Backend::Redis(_) => "redis",
                    }),
                    // The backend follows from the setting that chose the topology (REDIS_ADDR,
                    // REDIS_SENTINEL_ADDRS, --in-memory).
                    source: ctx
                        .config
                        .settings
                        .iter()
                        .find(|s| s.name == "topology")
                        .map_or(Source::Default, |s| s.source),
                }];
                settings.extend(ctx.config.settings.iter().cloned());
                settings.push(retention_setting(ctx).await);
                let page = Page::all(settings, vec!["SETTING", "VALUE", "SOURCE"], |s| {
                    vec![
                        s.name.to_string(),
                        value_text(&s.value),
                        s.source.to_string(),
                    ]
                });
                emit_page(ctx.output, &page)?;
                Ok(exit::OK)
            }
        }
    }
}
