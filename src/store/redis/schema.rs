//! The cell's schema version on Redis: reading it, initialising a new cell, and finding the
//! pre-cell layout (the rules are in [`crate::store::schema`]).

use ::redis::Value;

use super::RedisStore;
use crate::config::RedisTarget;
use crate::store::keys::{Keys, LEGACY_QUEUE_KEY};
use crate::store::schema::Admission;
use crate::store::schema::*;
use crate::store::*;

impl RedisStore {
    /// Connects and checks the cell's schema as every process must before it uses the cell:
    /// a new cell is initialised at [`SCHEMA_VERSION`]; anything else this binary cannot use is a
    /// [`SchemaError`] (exit [`crate::exit::SCHEMA`]).
    pub async fn open(
        target: &RedisTarget,
        keys: Keys,
        settings: StoreSettings,
    ) -> StoreResult<RedisStore> {
        let store = RedisStore::connect(target, keys, settings).await?;
        store.ensure_schema().await?;
        Ok(store)
    }

    /// Like [`RedisStore::open`], for commands that only read: a cell this binary cannot use is
    /// refused as there, but a new (empty) cell is not initialised, only reported, so a mistyped
    /// `--cell` leaves nothing behind.
    pub async fn open_to_read(
        target: &RedisTarget,
        keys: Keys,
        settings: StoreSettings,
    ) -> StoreResult<RedisStore> {
        let store = RedisStore::connect(target, keys, settings).await?;
        let cell = store.cell_name();
        if let Admission::Initialise = store.schema_state().await?.admit(&cell)? {
            tracing::warn!(
                "cell {cell} holds nothing: no process has used it yet (check --cell or \
                 TARTARUS_CELL)"
            );
        }
        Ok(store)
    }

    fn cell_name(&self) -> String {
        self.keys
            .namespace()
            .cell()
            .map(|c| c.to_string())
            .unwrap_or_default()
    }

    /// What the cell holds: its version, a migration under way, nothing, or nothing while the
    /// database holds the pre-cell layout.
    pub async fn schema_state(&self) -> StoreResult<SchemaState> {
        let k = &self.keys;
        let mut p = ::redis::pipe();
        p.get(k.schema()).get(k.migration());
        let (version, marker): (Option<String>, Option<String>) = self.query(&p).await?;
        if let Some(text) = marker {
            let marker = serde_json::from_str(&text).unwrap_or(MigrationMarker {
                mode: "unknown".into(),
                source: "an unknown source".into(),
                from_version: LEGACY_SCHEMA_VERSION,
                started_at: 0,
                by: String::new(),
            });
            return Ok(SchemaState::Migrating(marker));
        }
        if let Some(text) = version {
            return Ok(SchemaState::Version(parse_version(
                &self.cell_name(),
                &k.schema(),
                &text,
            )?));
        }
        let found = self.pre_cell_keys().await?;
        Ok(if found.is_empty() {
            SchemaState::Empty
        } else {
            SchemaState::PreCell { found }
        })
    }

    /// Which of the pre-cell layout's index keys exist. One command per key: in Redis Cluster
    /// they live in different slots.
    async fn pre_cell_keys(&self) -> StoreResult<Vec<String>> {
        let markers = Keys::legacy(LEGACY_QUEUE_KEY).layout_markers();
        let checks = markers.iter().map(|key| {
            let mut cmd = ::redis::cmd("EXISTS");
            cmd.arg(key);
            async move { self.query_cmd::<i64>(&cmd).await }
        });
        let exists = futures::future::try_join_all(checks).await?;
        Ok(markers
            .into_iter()
            .zip(exists)
            .filter(|(_, n)| *n > 0)
            .map(|(key, _)| key)
            .collect())
    }

    /// Refuses a cell this binary cannot use, and initialises a new one (`SET NX`, so two
    /// processes starting at once agree).
    pub async fn ensure_schema(&self) -> StoreResult<()> {
        let cell = self.cell_name();
        for _ in 0..3 {
            match self.schema_state().await?.admit(&cell)? {
                Admission::Ready => return Ok(()),
                Admission::Initialise => {
                    let mut cmd = ::redis::cmd("SET");
                    cmd.arg(self.keys.schema()).arg(SCHEMA_VERSION).arg("NX");
                    let set: Value = self.query_cmd(&cmd).await?;
                    if matches!(set, Value::Okay) {
                        tracing::info!(
                            "initialised cell {cell} at schema version {SCHEMA_VERSION}"
                        );
                        return Ok(());
                    }
                    // Another process initialised it first: read what it wrote.
                }
            }
        }
        Err(StoreError::Backend(format!(
            "the schema version of cell {cell} kept changing while it was read"
        )))
    }
}
