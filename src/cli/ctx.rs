//! What every command runs with: the checked configuration, the output choices, the store, and confirmations.

use std::io::IsTerminal;

use anyhow::{Context as _, Result};

use super::{CliError, GlobalOpts};
use crate::config::{Backend, Config, Environment};
use crate::output::OutputFormat;
use crate::store::memory::MemoryStore;
use crate::store::redis::RedisStore;
use crate::store::{SharedStore, StoreError, StoreSettings};

/// What every command runs with: the checked config and the output choices.
pub struct Ctx {
    pub config: Config,
    pub output: OutputFormat,
    pub yes: bool,
    pub quiet: bool,
    pub store_settings: StoreSettings,
}

impl Ctx {
    pub fn new(config: Config, g: &GlobalOpts) -> Ctx {
        Ctx {
            config,
            output: g.output,
            yes: g.yes,
            quiet: g.quiet,
            store_settings: StoreSettings::default(),
        }
    }

    /// Connects to the configured store, logging which backend is in use; a new cell is
    /// initialised.
    pub async fn store(&self) -> Result<SharedStore> {
        self.open_store(true).await
    }

    /// Connects like [`Ctx::store`], for commands that only read: a new cell is not initialised
    /// (a mistyped `--cell` is reported, and leaves nothing behind).
    pub async fn store_to_read(&self) -> Result<SharedStore> {
        self.open_store(false).await
    }

    async fn open_store(&self, initialise: bool) -> Result<SharedStore> {
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
                let (keys, settings) = (self.config.keys(), self.store_settings.clone());
                let opened = if initialise {
                    RedisStore::open(target, keys, settings).await
                } else {
                    RedisStore::open_to_read(target, keys, settings).await
                };
                let store = opened
                    .map_err(|e| match e {
                        // A cell this binary must not use: the message says what to do.
                        StoreError::Schema(_) => anyhow::Error::from(e),
                        e => {
                            let context = if self.config.environment == Environment::Production {
                                format!("fatal: production needs Redis at {} (no fallback)", target.display())
                            } else {
                                format!("connecting to Redis at {} (set REDIS_ADDR, or REDIS_ADDR=\"\" for the in-memory store)", target.display())
                            };
                            anyhow::Error::from(e).context(context)
                        }
                    })?;
                tracing::info!(
                    "Using Redis queue {} in cell {} at {}",
                    self.config.queue_key,
                    self.config.cell,
                    target.display()
                );
                tracing::info!("Using Redis registry at {}", target.display());
                Ok(std::sync::Arc::new(store))
            }
        }
    }

    /// Connects like [`Ctx::store`], but waits while Redis is unavailable (down, restarting,
    /// loading, refusing credentials), with backoff and one log line per change: for the
    /// long-running commands (`scheduler run`, `agent run`, `up`), which must come up by
    /// themselves after a Redis restart. Short commands fail fast instead.
    pub async fn store_waiting(&self) -> Result<SharedStore> {
        let mut log = crate::backoff::OutageLog::new("startup");
        let mut backoff = crate::backoff::Backoff::new(
            std::time::Duration::from_millis(200),
            std::time::Duration::from_secs(5),
        );
        loop {
            match self.store().await {
                Ok(store) => {
                    log.ok();
                    return Ok(store);
                }
                Err(e) => {
                    let unavailable = e.chain().find_map(|c| {
                        c.downcast_ref::<crate::store::StoreError>()
                            .filter(|s| s.is_unavailable())
                    });
                    match unavailable {
                        Some(se) => log.failed("connecting to Redis", se),
                        None => return Err(e),
                    }
                }
            }
            tokio::time::sleep(backoff.next_delay()).await;
        }
    }

    /// Asks before a destructive step. `--yes` skips the question; without a terminal it refuses.
    pub fn confirm(&self, question: &str) -> Result<()> {
        if self.yes {
            return Ok(());
        }
        if !std::io::stdin().is_terminal() || !std::io::stderr().is_terminal() {
            return Err(CliError::NoTerminal(question.to_string()).into());
        }
        let answer = dialoguer::Confirm::new()
            .with_prompt(format!("{}?", capitalize(question)))
            .default(false)
            .interact()
            .context("reading the confirmation")?;
        if answer {
            Ok(())
        } else {
            Err(CliError::Declined.into())
        }
    }

    /// True when progress bars and spinners should be drawn.
    pub fn interactive(&self) -> bool {
        !self.quiet && std::io::stderr().is_terminal()
    }

    /// True when the store is the in-memory one (nothing outside this process can see it).
    pub fn in_memory(&self) -> bool {
        matches!(self.config.backend, Backend::Memory)
    }
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}
