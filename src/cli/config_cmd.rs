//! `tartarus config`: the effective configuration and where each value came from.

use anyhow::Result;
use clap::Subcommand;
use serde::Serialize;

use super::Ctx;
use crate::config::{Backend, Setting};
use crate::output::{columns, emit, Render};

#[derive(Debug, Subcommand)]
pub enum ConfigCmd {
    /// Print every setting, its value and its source (flag, env, url, default); the password is redacted
    Show,
}

#[derive(Serialize)]
struct Shown {
    environment: String,
    backend: &'static str,
    settings: Vec<Setting>,
}

impl Render for Shown {
    fn render_table(&self, _wide: bool) -> String {
        let mut rows = vec![vec![
            "backend".to_string(),
            self.backend.to_string(),
            "-".to_string(),
        ]];
        rows.extend(
            self.settings
                .iter()
                .map(|s| vec![s.name.to_string(), s.value.clone(), s.source.to_string()]),
        );
        columns(&["SETTING", "VALUE", "SOURCE"], rows)
    }
}

impl ConfigCmd {
    pub async fn run(self, ctx: &Ctx) -> Result<u8> {
        match self {
            ConfigCmd::Show => {
                let shown = Shown {
                    environment: format!("{:?}", ctx.config.environment).to_lowercase(),
                    backend: match ctx.config.backend {
                        Backend::Memory => "in-memory",
                        Backend::Redis(_) => "redis",
                    },
                    settings: ctx.config.settings.clone(),
                };
                emit(ctx.output, &shown)?;
                Ok(0)
            }
        }
    }
}
