//! The Redis backend of the store contract: pipelined reads, one Lua script per atomic step, and no `KEYS`.

mod batch_scripts;
mod conn;
mod events;
mod migrate;
mod nodes;
mod policies;
mod queue;
mod retention;
mod runs;
mod schema;
mod scripts;

pub use self::migrate::Migration;

use super::keys::Keys;
use super::*;
use crate::config::RedisTarget;
use crate::connection::{Connection, Scripts};
use crate::model::now_ms;

/// The Redis store. Clones share one connection (see `crate::connection`: its lanes follow the
/// master across failovers).
#[derive(Clone)]
pub struct RedisStore {
    conn: Connection,
    target: RedisTarget,
    keys: Keys,
    settings: StoreSettings,
    scripts: std::sync::Arc<Scripts>,
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
