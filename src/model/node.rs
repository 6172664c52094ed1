//! A node in the registry: labels, capacity, what is reserved on it, and its heartbeat.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// Label that admits a node to the Phlegethon (hot/inferno) pool.
pub const PHLEGETHON_LABEL: &str = "tartarus.io/phlegethon";
/// Label that makes a node a Typhon (quarantine) node; it then takes no ordinary work.
pub const TYPHON_LABEL: &str = "tartarus.io/typhon";

/// Capacity or usage of a node.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Resources {
    pub cpu_millis: u64,
    pub memory_bytes: u64,
    pub gpu: u32,
    /// Concurrent sandboxes.
    pub slots: u32,
}

impl Resources {
    /// Checks a node's capacity: a node that can never hold a sandbox (no CPU, no memory or no
    /// slot) is a mistake, not a node.
    pub fn check_capacity(&self) -> Result<(), String> {
        if self.slots == 0 {
            return Err("slots must be at least 1".into());
        }
        if self.cpu_millis == 0 {
            return Err("cpu must be more than 0".into());
        }
        if self.memory_bytes == 0 {
            return Err("memory must be more than 0".into());
        }
        Ok(())
    }

    /// True when `want` more fits next to `used` within `self`.
    pub fn fits(&self, used: &Resources, want: &Resources) -> bool {
        // Saturating: usage comes from the store and must not be able to overflow (and panic) here.
        used.cpu_millis.saturating_add(want.cpu_millis) <= self.cpu_millis
            && used.memory_bytes.saturating_add(want.memory_bytes) <= self.memory_bytes
            && used.gpu.saturating_add(want.gpu) <= self.gpu
            && used.slots.saturating_add(want.slots) <= self.slots
    }
}

/// A node as announced by its agent (or `node register`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Node {
    pub name: String,
    pub labels: BTreeMap<String, String>,
    pub capacity: Resources,
    pub usage: Resources,
    /// A draining node takes no new work.
    pub draining: bool,
    pub version: String,
    /// Unix ms of the last heartbeat.
    pub last_heartbeat: i64,
    /// Seconds the heartbeat is valid for.
    pub ttl_secs: u64,
    /// False when the heartbeat has expired (the node is dead).
    pub alive: bool,
    /// How many times capacity was given back on this node (runs ended, were cancelled or
    /// moved); a change tells schedulers to retry pending runs even when usage looks the same.
    #[serde(default)]
    pub releases: u64,
}

/// Checks a node name: a name (1 to 64 of `[A-Za-z0-9._-]`, starting and ending with a letter or
/// digit) with no `/`. Agents name their state, work and log folders after their node, so a name
/// must be one plain path component (never `..`, never a path that leaves the agent's folder).
pub fn check_node_name(field: &str, name: &str) -> Result<(), crate::model::spec::FieldError> {
    crate::model::spec::check_name(field, name)?;
    if name.contains('/') {
        return Err(crate::model::spec::FieldError {
            field: field.to_string(),
            message: format!(
                "`{name}` must not contain `/` (node names name folders on the agent's host)"
            ),
        });
    }
    Ok(())
}

impl Node {
    pub fn label_is_true(&self, key: &str) -> bool {
        self.labels.get(key).is_some_and(|v| v == "true")
    }
    pub fn is_typhon(&self) -> bool {
        self.label_is_true(TYPHON_LABEL)
    }
    pub fn is_phlegethon(&self) -> bool {
        self.label_is_true(PHLEGETHON_LABEL)
    }
}

/// Parses `k=v,k2=v2` label lists (as in `--labels` and `HADES_LABEL`).
pub fn parse_label_list(text: &str) -> Result<BTreeMap<String, String>, String> {
    let mut out = BTreeMap::new();
    for part in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let (k, v) = part.split_once('=').ok_or_else(|| {
            format!(
                "label `{}` must be written key=value",
                crate::model::text::escape_control(part)
            )
        })?;
        crate::model::spec::check_name("label", k.trim()).map_err(|e| e.to_string())?;
        crate::model::text::reject_control_chars(&format!("label {}", k.trim()), v)
            .map_err(|e| e.to_string())?;
        out.insert(k.trim().to_string(), v.trim().to_string());
    }
    Ok(out)
}
