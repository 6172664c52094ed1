//! The Redis backend of the store contract: pipelined reads, one Lua script per atomic step, and no `KEYS`.

mod conn;
mod events;
mod nodes;
mod policies;
mod queue;
mod retention;
mod runs;
mod scripts;

use ::redis::aio::ConnectionManager;

use self::scripts::*;
use super::keys::Keys;
use super::*;
use crate::config::RedisTarget;
use crate::model::now_ms;

/// The Redis store. Clones share one multiplexed, self-reconnecting connection.
#[derive(Clone)]
pub struct RedisStore {
    conn: ConnectionManager,
    /// A second connection for blocking reads (XREAD BLOCK), so they never stall the pipeline.
    blocking: std::sync::Arc<tokio::sync::OnceCell<ConnectionManager>>,
    client: ::redis::Client,
    config: ::redis::aio::ConnectionManagerConfig,
    target: RedisTarget,
    keys: Keys,
    settings: StoreSettings,
    scripts: std::sync::Arc<Vec<(ScriptId, String, String)>>,
}

impl RedisStore {
    pub fn keys(&self) -> &Keys {
        &self.keys
    }

    pub(super) fn base_keys(&self) -> Vec<String> {
        scripts::base_keys(&self.keys)
    }

    pub(super) fn common_args(&self) -> Vec<String> {
        vec![
            self.settings.events_cap.to_string(),
            self.settings.run_events_cap.to_string(),
            now_ms().to_string(),
        ]
    }

    /// KEYS for a step on one run that may touch its node.
    pub(super) fn run_node_keys(&self, id: &str, node: &str) -> Vec<String> {
        let mut keys = self.base_keys();
        keys.push(self.keys.run(id));
        keys.push(self.keys.run_events(id));
        keys.push(self.keys.node(node));
        keys.push(self.keys.node_runs(node));
        keys
    }
}

store_by_modules!(RedisStore, "Redis", conn);
