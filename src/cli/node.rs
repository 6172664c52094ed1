//! `tartarus node`: the node registry — register a heartbeat, list, inspect, label, drain, remove.

use std::collections::BTreeMap;
use std::time::Duration;

use anyhow::{Context as _, Result};
use clap::Subcommand;
use serde::Serialize;

use super::sandbox::label_text;
use super::Ctx;
use crate::exit::{self, CodedError};
use crate::model::node::{parse_label_list, Node, Resources};
use crate::model::units::{format_bytes, format_cpu_millis, parse_bytes, parse_cpu_millis};
use crate::output::{age, columns, emit, fields, timestamp, Message, Render};
use crate::store::{Heartbeat, Recovery, StoreError};

#[derive(Debug, Subcommand)]
pub enum NodeCmd {
    /// Send one heartbeat for a node (for scripts; agents heartbeat on their own)
    Register {
        /// Node name
        name: String,
        /// Labels k=v,k=v (defaults to $HADES_LABEL, e.g. HADES_LABEL="tartarus.io/typhon=true")
        #[arg(long)]
        labels: Option<String>,
        #[arg(long, default_value = "4")]
        cpu: String,
        #[arg(long, default_value = "8Gi")]
        memory: String,
        #[arg(long, default_value_t = 0)]
        gpu: u32,
        /// Concurrent sandboxes
        #[arg(long, default_value_t = 8)]
        slots: u32,
        /// How long the heartbeat is valid
        #[arg(long, default_value = "30s", value_parser = super::parse_duration_arg)]
        ttl: Duration,
    },
    /// Every known node: alive or expired, pools, capacity, usage, heartbeat age
    List,
    /// One node with the runs placed on it
    Get { name: String },
    /// Set labels (k=v) or remove them (k-) on a live node
    Label {
        name: String,
        #[arg(required = true, value_name = "K=V|K-")]
        changes: Vec<String>,
    },
    /// Stop placing new work on a node (`--undo` to resume)
    Drain {
        name: String,
        #[arg(long)]
        undo: bool,
    },
    /// Forget a node; its runs are requeued (or dead-lettered after too many attempts)
    Remove {
        name: String,
        #[arg(long, default_value_t = 3)]
        max_attempts: u32,
    },
}

#[derive(Serialize)]
#[serde(transparent)]
struct NodeList(Vec<Node>);

fn pool(n: &Node) -> &'static str {
    if n.is_typhon() {
        "typhon"
    } else if n.is_phlegethon() {
        "phlegethon"
    } else {
        "standard"
    }
}

fn status(n: &Node) -> &'static str {
    match (n.alive, n.draining) {
        (false, _) => "expired",
        (true, true) => "draining",
        (true, false) => "alive",
    }
}

impl Render for NodeList {
    fn render_table(&self, wide: bool) -> String {
        let mut headers = vec![
            "NAME",
            "STATUS",
            "POOL",
            "CPU",
            "MEMORY",
            "GPU",
            "SLOTS",
            "HEARTBEAT",
        ];
        if wide {
            headers.extend(["LABELS", "VERSION"]);
        }
        let rows = self
            .0
            .iter()
            .map(|n| {
                let mut r = vec![
                    n.name.clone(),
                    status(n).into(),
                    pool(n).into(),
                    format!(
                        "{}/{}",
                        format_cpu_millis(n.usage.cpu_millis),
                        format_cpu_millis(n.capacity.cpu_millis)
                    ),
                    format!(
                        "{}/{}",
                        format_bytes(n.usage.memory_bytes),
                        format_bytes(n.capacity.memory_bytes)
                    ),
                    format!("{}/{}", n.usage.gpu, n.capacity.gpu),
                    format!("{}/{}", n.usage.slots, n.capacity.slots),
                    if n.last_heartbeat > 0 {
                        format!("{} ago", age(n.last_heartbeat))
                    } else {
                        "-".into()
                    },
                ];
                if wide {
                    r.extend([label_text(&n.labels), n.version.clone()]);
                }
                r
            })
            .collect();
        columns(&headers, rows)
    }
}

#[derive(Serialize)]
struct NodeDetail {
    #[serde(flatten)]
    node: Node,
    runs: Vec<String>,
}

impl Render for NodeDetail {
    fn render_table(&self, _wide: bool) -> String {
        let n = &self.node;
        fields(vec![
            ("Name", n.name.clone()),
            ("Status", status(n).into()),
            ("Pool", pool(n).into()),
            ("Labels", label_text(&n.labels)),
            (
                "CPU",
                format!(
                    "{} of {}",
                    format_cpu_millis(n.usage.cpu_millis),
                    format_cpu_millis(n.capacity.cpu_millis)
                ),
            ),
            (
                "Memory",
                format!(
                    "{} of {}",
                    format_bytes(n.usage.memory_bytes),
                    format_bytes(n.capacity.memory_bytes)
                ),
            ),
            ("GPU", format!("{} of {}", n.usage.gpu, n.capacity.gpu)),
            (
                "Slots",
                format!("{} of {}", n.usage.slots, n.capacity.slots),
            ),
            (
                "Last heartbeat",
                if n.last_heartbeat > 0 {
                    timestamp(n.last_heartbeat)
                } else {
                    "-".into()
                },
            ),
            ("TTL", format!("{}s", n.ttl_secs)),
            ("Version", n.version.clone()),
            (
                "Runs",
                if self.runs.is_empty() {
                    "-".into()
                } else {
                    self.runs.join(", ")
                },
            ),
        ])
    }
}

#[derive(Serialize)]
struct Removed {
    node: String,
    requeued: Vec<String>,
    dead_lettered: Vec<String>,
}

/// Labels from `--labels` or, like the product docs show, from `HADES_LABEL`.
pub fn labels_from(flag: Option<&str>) -> Result<BTreeMap<String, String>> {
    let text = match flag {
        Some(t) => t.to_string(),
        None => std::env::var("HADES_LABEL").unwrap_or_default(),
    };
    parse_label_list(&text).map_err(|m| CodedError::new(exit::USAGE, format!("labels: {m}")).into())
}

impl NodeCmd {
    pub async fn run(self, ctx: &Ctx) -> Result<u8> {
        let store = ctx.store().await?;
        match self {
            NodeCmd::Register {
                name,
                labels,
                cpu,
                memory,
                gpu,
                slots,
                ttl,
            } => {
                crate::model::spec::check_name("node name", &name)
                    .map_err(|e| CodedError::new(exit::USAGE, e.to_string()))?;
                let capacity = Resources {
                    cpu_millis: parse_cpu_millis(&cpu)
                        .map_err(|m| CodedError::new(exit::USAGE, m))?,
                    memory_bytes: parse_bytes(&memory)
                        .map_err(|m| CodedError::new(exit::USAGE, m))?,
                    gpu,
                    slots,
                };
                let beat = Heartbeat {
                    name: name.clone(),
                    labels: labels_from(labels.as_deref())?,
                    capacity,
                    version: env!("CARGO_PKG_VERSION").into(),
                    ttl,
                };
                store.heartbeat(&beat).await?;
                let node = store
                    .node(&name)
                    .await?
                    .ok_or_else(|| StoreError::NodeNotFound(name.clone()))?;
                emit(
                    ctx.output,
                    &NodeDetail {
                        node,
                        runs: Vec::new(),
                    },
                )?;
            }
            NodeCmd::List => emit(ctx.output, &NodeList(store.nodes().await?))?,
            NodeCmd::Get { name } => {
                let node = store
                    .node(&name)
                    .await?
                    .ok_or_else(|| StoreError::NodeNotFound(name.clone()))?;
                let runs = store.node_runs(&name).await?;
                emit(ctx.output, &NodeDetail { node, runs })?;
            }
            NodeCmd::Label { name, changes } => {
                let mut set = BTreeMap::new();
                let mut remove = Vec::new();
                for c in &changes {
                    if let Some(k) = c.strip_suffix('-').filter(|_| !c.contains('=')) {
                        remove.push(k.to_string());
                    } else {
                        set.extend(
                            parse_label_list(c).map_err(|m| CodedError::new(exit::USAGE, m))?,
                        );
                    }
                }
                let node = store
                    .label_node(&name, &set, &remove)
                    .await
                    .context("labelling the node (it must be alive)")?;
                emit(
                    ctx.output,
                    &NodeDetail {
                        node,
                        runs: Vec::new(),
                    },
                )?;
            }
            NodeCmd::Drain { name, undo } => {
                let node = store.drain_node(&name, !undo).await?;
                emit(
                    ctx.output,
                    &NodeDetail {
                        node,
                        runs: Vec::new(),
                    },
                )?;
            }
            NodeCmd::Remove { name, max_attempts } => {
                if store.node(&name).await?.is_none() {
                    return Err(StoreError::NodeNotFound(name).into());
                }
                let n = store.node_runs(&name).await?.len();
                ctx.confirm(&format!("remove node {name} and requeue its {n} run(s)"))?;
                let rec = store.remove_node(&name, max_attempts).await?;
                let mut removed = Removed {
                    node: name.clone(),
                    requeued: Vec::new(),
                    dead_lettered: Vec::new(),
                };
                for r in rec {
                    match r {
                        Recovery::Requeued { id, .. } => removed.requeued.push(id),
                        Recovery::DeadLettered { id, .. } => removed.dead_lettered.push(id),
                    }
                }
                let text = format!(
                    "removed {name}: {} run(s) requeued, {} dead-lettered",
                    removed.requeued.len(),
                    removed.dead_lettered.len()
                );
                emit(
                    ctx.output,
                    &Message {
                        data: removed,
                        text,
                    },
                )?;
            }
        }
        Ok(exit::OK)
    }
}
