//! `node list` and `node get`, and how a node looks for people.

use anyhow::Result;

use crate::cli::sandbox::label_text;
use crate::cli::Ctx;
use crate::model::node::Node;
use crate::model::units::{format_bytes, format_cpu_millis};
use crate::model::view::{node_pool, node_status, NodeView};
use crate::output::{age, emit, emit_page, fields, timestamp, Message, Page};
use crate::store::{Store, StoreError};

fn row(n: &Node, wide: bool) -> Vec<String> {
    let mut r = vec![
        n.name.clone(),
        node_status(n).into(),
        node_pool(n).into(),
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
}

const HEADERS: [&str; 8] = [
    "NAME",
    "STATUS",
    "POOL",
    "CPU",
    "MEMORY",
    "GPU",
    "SLOTS",
    "HEARTBEAT",
];

pub async fn list(ctx: &Ctx, store: &dyn Store) -> Result<()> {
    let nodes = store.nodes().await?;
    let mut wide = HEADERS.to_vec();
    wide.extend(["LABELS", "VERSION"]);
    let page = Page::new(nodes.iter().map(NodeView::of).collect(), None)
        .table(
            HEADERS.to_vec(),
            nodes.iter().map(|n| row(n, false)).collect(),
        )
        .wide(wide, nodes.iter().map(|n| row(n, true)).collect());
    emit_page(ctx.output, &page)
}

/// One node in detail: fields for people, the node view for scripts; `runs` (placed on it) when
/// they were read.
pub fn detail(n: &Node, runs: Option<Vec<String>>) -> Message<NodeView> {
    let text = fields(vec![
        ("Name", n.name.clone()),
        ("Status", node_status(n).into()),
        ("Pool", node_pool(n).into()),
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
            match &runs {
                Some(r) if !r.is_empty() => r.join(", "),
                _ => "-".into(),
            },
        ),
    ]);
    let mut data = NodeView::of(n);
    data.runs = runs;
    Message { data, text }
}

pub async fn get(ctx: &Ctx, store: &dyn Store, name: &str) -> Result<()> {
    let node = store
        .node(name)
        .await?
        .ok_or_else(|| StoreError::NodeNotFound(name.to_string()))?;
    let runs = store.node_runs(name).await?;
    emit(ctx.output, &detail(&node, Some(runs)))
}
