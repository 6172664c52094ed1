//! Node lists for `up` (`--nodes FILE`, `--agent NAME:LABELS`, the built-in three nodes) turned into heartbeats.

use std::collections::BTreeMap;
use std::time::Duration;

use serde::Deserialize;

use crate::model::documents::{check_documents, Limits};
use crate::model::node::Resources;
use crate::model::units::{parse_bytes, parse_cpu_millis};
use crate::ops::input::{Input, InputError};
use crate::store::Heartbeat;

/// A node in a `--nodes` file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NodeDoc {
    pub name: String,
    #[serde(default)]
    pub labels: BTreeMap<String, String>,
    #[serde(default = "default_cpu")]
    pub cpu: serde_yaml::Value,
    #[serde(default = "default_memory")]
    pub memory: String,
    #[serde(default)]
    pub gpu: u32,
    #[serde(default = "default_slots")]
    pub slots: u32,
}

fn default_cpu() -> serde_yaml::Value {
    serde_yaml::Value::from(4)
}
fn default_memory() -> String {
    "8Gi".into()
}
fn default_slots() -> u32 {
    8
}

/// The nodes `up` starts agents for when neither `--nodes` nor `--agent` is given.
pub const DEFAULT_NODES: &str = r#"
- name: standard-1
  cpu: 8
  memory: 16Gi
  slots: 8
- name: phlegethon-1
  labels: {tartarus.io/phlegethon: "true"}
  cpu: 16
  memory: 64Gi
  gpu: 1
  slots: 4
- name: typhon-1
  labels: {tartarus.io/typhon: "true"}
  cpu: 4
  memory: 8Gi
  slots: 4
"#;

/// The heartbeats a node list describes; any bad entry fails the whole list.
pub fn parse_nodes(input: &Input) -> Result<Vec<Heartbeat>, InputError> {
    let invalid = |message: String| InputError::Invalid {
        name: input.name.clone(),
        message,
    };
    // The linear pre-scan of sandbox and policy files first: the YAML parser's time grows faster
    // than linearly with nesting, so a deeply nested list never reaches it.
    let limits = Limits {
        max_documents: 1,
        max_document_bytes: input.text.len(),
        ..Limits::SANDBOX
    };
    check_documents(&input.name, input.text.as_bytes(), limits)?;
    let docs: Vec<NodeDoc> =
        serde_yaml::from_str(&input.text).map_err(|e| invalid(e.to_string()))?;
    let mut out = Vec::new();
    for (i, d) in docs.into_iter().enumerate() {
        let bad = |m: String| invalid(format!("node {i}: {m}"));
        crate::model::node::check_node_name("name", &d.name).map_err(|e| bad(e.to_string()))?;
        if out.iter().any(|b: &Heartbeat| b.name == d.name) {
            return Err(bad(format!(
                "`{}` is already defined by an earlier node: two agents cannot share a node",
                d.name
            )));
        }
        for (key, value) in &d.labels {
            crate::model::spec::check_name("label", key).map_err(|e| bad(e.to_string()))?;
            crate::model::text::reject_control_chars(&format!("label {key}"), value)
                .map_err(|e| bad(e.to_string()))?;
        }
        let cpu_text = match &d.cpu {
            serde_yaml::Value::Number(n) => n.to_string(),
            serde_yaml::Value::String(s) => s.clone(),
            _ => return Err(bad("cpu must be a number or a quantity like 500m".into())),
        };
        let capacity = Resources {
            cpu_millis: parse_cpu_millis(&cpu_text).map_err(|m| bad(format!("cpu: {m}")))?,
            memory_bytes: parse_bytes(&d.memory).map_err(|m| bad(format!("memory: {m}")))?,
            gpu: d.gpu,
            slots: d.slots,
        };
        capacity.check_capacity().map_err(bad)?;
        out.push(Heartbeat {
            name: d.name,
            labels: d.labels,
            capacity,
            version: env!("CARGO_PKG_VERSION").into(),
            ttl: Duration::from_secs(3600),
        });
    }
    Ok(out)
}

/// The built-in nodes.
pub fn default_nodes() -> Result<Vec<Heartbeat>, InputError> {
    parse_nodes(&Input {
        name: "built-in nodes".into(),
        text: DEFAULT_NODES.into(),
    })
}

/// One node with the defaults of a node list entry (4 cpu, 8Gi, 8 slots) and these labels.
pub fn plain_node(name: &str, labels: BTreeMap<String, String>) -> Result<Heartbeat, InputError> {
    let mut beats = parse_nodes(&Input {
        name: "--agent".into(),
        text: format!("- name: {}\n", serde_json::Value::from(name)),
    })?;
    let mut beat = beats.remove(0);
    beat.labels = labels;
    Ok(beat)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn node_lists() {
        let beats = default_nodes().unwrap();
        assert_eq!(beats.len(), 3);
        assert_eq!(beats[1].capacity.gpu, 1);
        let err = parse_nodes(&Input {
            name: "n.yaml".into(),
            text: "- name: a\n  cpu: lots\n".into(),
        })
        .unwrap_err();
        assert!(err.to_string().contains("n.yaml: node 0: cpu"), "{err}");
        assert_eq!(err.code(), crate::exit::INVALID_INPUT);
        let one = plain_node("x-1", BTreeMap::new()).unwrap();
        assert_eq!((one.name.as_str(), one.capacity.slots), ("x-1", 8));
    }

    /// Found while fuzzing the YAML readers: a node list nested 200,000 levels deep went straight
    /// to the YAML parser (seconds of CPU, growing quadratically); it is refused by the pre-scan.
    #[test]
    fn a_deep_node_list_is_refused_before_parsing() {
        let depth = 200_000;
        let text = format!("{}{}\n", "[".repeat(depth), "]".repeat(depth));
        let started = std::time::Instant::now();
        let err = parse_nodes(&Input {
            name: "deep.yaml".into(),
            text,
        })
        .unwrap_err();
        assert!(
            err.to_string()
                .starts_with("deep.yaml: document 0 (line 1): nested deeper than 64 levels"),
            "{err}"
        );
        assert_eq!(err.code(), crate::exit::INVALID_INPUT);
        // Generous: the scan is linear; the parser took seconds.
        assert!(started.elapsed() < std::time::Duration::from_secs(5));
        let err = parse_nodes(&Input {
            name: "laughs.yaml".into(),
            text: "- &a {name: a}\n- *a\n".into(),
        })
        .unwrap_err();
        assert!(
            err.to_string().contains("alias *a refers to a collection"),
            "{err}"
        );
        let err = parse_nodes(&Input {
            name: "two.yaml".into(),
            text: "- name: a\n---\n- name: b\n".into(),
        })
        .unwrap_err();
        assert!(err.to_string().contains("more than 1 documents"), "{err}");
    }
}
