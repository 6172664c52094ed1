//! The schema version of a cell: which layout of keys and stored formats it holds, and the rule
//! every process follows before it touches the cell.
//!
//! Each cell keeps its version in one key of its own ([`crate::store::keys::Keys::schema`]). When
//! a process opens the store it reads that key and
//! - runs when it is [`SCHEMA_VERSION`];
//! - initialises the cell at [`SCHEMA_VERSION`] (`SET NX`) when the cell has no version and the
//!   database holds nothing of the pre-cell layout: a new cell;
//! - refuses, exit [`crate::exit::SCHEMA`], when the version is newer than it knows (upgrade
//!   tartarus), older (run `tartarus migrate`), when a migration into the cell has not finished,
//!   or when the cell is new but the database still holds the pre-cell layout (schema
//!   [`LEGACY_SCHEMA_VERSION`], which has no version key): starting an empty cell next to data
//!   that was never migrated is exactly the mistake an upgrade must not make silently.
//!
//! A change of stored formats bumps [`SCHEMA_VERSION`] and gives `tartarus migrate` a step from
//! the version before; the README's "Upgrades" section gives the order to roll it out in.

use serde::{Deserialize, Serialize};

/// The layout this binary reads and writes: every key of a cell under its hash tag, the event
/// stream's batch entries (version 3; see `store::redis::batch_scripts`), and each run's history
/// in its own hash (version 4; see `store::redis::scripts`).
pub const SCHEMA_VERSION: u64 = 4;
/// The first version of the cell layout; a cell at it or later is upgraded by `tartarus migrate`
/// raising its version (each such version reads what the one before stored).
pub const CELL_SCHEMA_VERSION: u64 = 2;
/// The layout from before cells (`tartarus:*`, `themis:*`, no version key).
pub const LEGACY_SCHEMA_VERSION: u64 = 1;

/// What `tartarus migrate` leaves in a cell while it moves data in; removed, in the same
/// transaction that writes the schema version, when it is done.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MigrationMarker {
    /// `in_place` or `copy`.
    pub mode: String,
    /// Where the data comes from (an address, never a password).
    pub source: String,
    /// The schema version being migrated from.
    pub from_version: u64,
    /// Unix ms when the (first) attempt began.
    pub started_at: i64,
    /// `host pid` of the process that began it.
    pub by: String,
}

/// What a cell holds, as read before a process uses it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SchemaState {
    /// The cell's version key holds this version.
    Version(u64),
    /// No version key, no migration under way, and nothing of the pre-cell layout: a new cell.
    Empty,
    /// No version key, and the database holds these keys of the pre-cell layout.
    PreCell { found: Vec<String> },
    /// A migration into the cell began and did not finish (its marker is still there).
    Migrating(MigrationMarker),
}

/// Why a process refuses to use a cell.
#[derive(Debug, thiserror::Error)]
pub enum SchemaError {
    #[error("cell `{cell}` holds schema version {found}, newer than the {known} this tartarus knows: upgrade tartarus before using this cell (README: Upgrades)")]
    TooNew {
        cell: String,
        found: u64,
        known: u64,
    },
    #[error("cell `{cell}` holds schema version {found}, older than the {known} this tartarus needs: stop its schedulers and agents, then run `tartarus --cell {cell} migrate` (README: Upgrades)")]
    TooOld {
        cell: String,
        found: u64,
        known: u64,
    },
    #[error("cell `{cell}` is new, but this Redis database holds tartarus data in the layout from before cells ({found}): stop every scheduler and agent of the previous version, then run `tartarus --cell {cell} migrate` to move it into the cell (README: Upgrades)")]
    PreCellLayout { cell: String, found: String },
    #[error("a migration into cell `{cell}` (from {from}, started {started}) has not finished: run `tartarus --cell {cell} migrate` again to complete it")]
    MigrationUnfinished {
        cell: String,
        from: String,
        started: String,
    },
    #[error("cell `{cell}` has an unreadable schema version `{value}` in {key}")]
    Unreadable {
        cell: String,
        key: String,
        value: String,
    },
}

impl SchemaError {
    /// The process exit code this error leads to.
    pub fn code(&self) -> u8 {
        crate::exit::SCHEMA
    }
}

/// What a process does with a cell in a given state.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Admission {
    /// The cell is at this binary's version: use it.
    Ready,
    /// A new cell: write the current version, then use it.
    Initialise,
}

impl SchemaState {
    /// The rule of the module documentation: use the cell, initialise it, or refuse (why).
    pub fn admit(&self, cell: &str) -> Result<Admission, SchemaError> {
        match self {
            SchemaState::Version(v) if *v == SCHEMA_VERSION => Ok(Admission::Ready),
            SchemaState::Version(v) if *v > SCHEMA_VERSION => Err(SchemaError::TooNew {
                cell: cell.into(),
                found: *v,
                known: SCHEMA_VERSION,
            }),
            SchemaState::Version(v) => Err(SchemaError::TooOld {
                cell: cell.into(),
                found: *v,
                known: SCHEMA_VERSION,
            }),
            SchemaState::Empty => Ok(Admission::Initialise),
            SchemaState::PreCell { found } => Err(SchemaError::PreCellLayout {
                cell: cell.into(),
                found: found.join(", "),
            }),
            SchemaState::Migrating(marker) => Err(SchemaError::MigrationUnfinished {
                cell: cell.into(),
                from: marker.source.clone(),
                started: crate::output::timestamp(marker.started_at),
            }),
        }
    }
}

/// Reads a stored version: a decimal integer.
pub fn parse_version(cell: &str, key: &str, value: &str) -> Result<u64, SchemaError> {
    value
        .trim()
        .parse::<u64>()
        .ok()
        .filter(|v| *v > 0)
        .ok_or_else(|| SchemaError::Unreadable {
            cell: cell.into(),
            key: key.into(),
            value: value.chars().take(40).collect(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_process_uses_only_its_own_version() {
        assert_eq!(
            SchemaState::Version(SCHEMA_VERSION).admit("c").unwrap(),
            Admission::Ready
        );
        assert_eq!(
            SchemaState::Empty.admit("c").unwrap(),
            Admission::Initialise
        );
        let newer = SchemaState::Version(SCHEMA_VERSION + 1)
            .admit("c")
            .unwrap_err();
        assert!(matches!(newer, SchemaError::TooNew { .. }));
        assert!(newer.to_string().contains("upgrade tartarus"), "{newer}");
        let older = SchemaState::Version(LEGACY_SCHEMA_VERSION)
            .admit("c")
            .unwrap_err();
        assert!(older.to_string().contains("tartarus --cell c migrate"));
        let pre = SchemaState::PreCell {
            found: vec!["tartarus:runs".into()],
        }
        .admit("c")
        .unwrap_err();
        assert!(pre.to_string().contains("tartarus:runs"), "{pre}");
        assert!(pre.to_string().contains("migrate"), "{pre}");
        assert_eq!(pre.code(), crate::exit::SCHEMA);
    }

    #[test]
    fn versions_are_positive_integers() {
        assert_eq!(parse_version("c", "k", " 2\n").unwrap(), 2);
        for bad in ["", "two", "0", "-1", "2.0"] {
            assert!(parse_version("c", "k", bad).is_err(), "{bad}");
        }
    }
}
