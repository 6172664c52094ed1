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
    /// Print every setting, its value and its source (flag, env, url, default); the password is
    /// redacted, and a setting that is not set is null (JSON) or `-` (table)
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
