//! How runs look: the run list (table, wide, and the `{items, next}` page) and one run in detail.

use std::collections::BTreeMap;

use crate::model::run::{Event, Run};
use crate::model::view::RunView;
use crate::output::{age, columns, dash, fields, timestamp, Page};

/// Labels as `k=v,k=v`.
pub fn label_text(labels: &BTreeMap<String, String>) -> String {
    if labels.is_empty() {
        return "-".into();
    }
    labels
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join(",")
}

const HEADERS: [&str; 7] = ["ID", "NAME", "STATE", "HEAT", "VERDICT", "NODE", "AGE"];
const WIDE_HEADERS: [&str; 11] = [
    "ID", "NAME", "STATE", "HEAT", "VERDICT", "NODE", "AGE", "PRIORITY", "ATTEMPTS", "EXIT",
    "MESSAGE",
];

fn row(r: &Run, wide: bool) -> Vec<String> {
    let mut row = vec![
        r.id.clone(),
        r.name.clone(),
        r.state.to_string(),
        dash(r.heat),
        dash(r.verdict),
        dash(r.node.as_ref()),
        age(r.created_at),
    ];
    if wide {
        row.extend([
            r.priority.to_string(),
            r.attempts.to_string(),
            dash(r.exit_code),
            dash(r.message.as_ref()),
        ]);
    }
    row
}

/// A page of runs: documents with their status in JSON/YAML, columns in tables.
pub fn run_page(runs: &[Run], next: Option<String>) -> Page<RunView> {
    Page::new(runs.iter().map(RunView::of).collect(), next)
        .table(
            HEADERS.to_vec(),
            runs.iter().map(|r| row(r, false)).collect(),
        )
        .wide(
            WIDE_HEADERS.to_vec(),
            runs.iter().map(|r| row(r, true)).collect(),
        )
}

/// `up`'s summary: where each run went and how it ended.
pub fn summary_page(runs: &[Run]) -> Page<RunView> {
    let rows = runs
        .iter()
        .map(|r| {
            let duration = match (r.started_at, r.finished_at) {
                (Some(s), Some(f)) => crate::model::units::format_duration(
                    std::time::Duration::from_millis((f - s).max(0) as u64),
                ),
                _ => "-".into(),
            };
            vec![
                r.id.clone(),
                r.name.clone(),
                dash(r.verdict),
                dash(r.heat),
                dash(r.node.as_ref()),
                r.state.to_string(),
                dash(r.exit_code),
                duration,
                dash(r.message.as_ref()),
            ]
        })
        .collect();
    Page::new(runs.iter().map(RunView::of).collect(), None).table(
        vec![
            "ID", "NAME", "VERDICT", "HEAT", "NODE", "STATE", "EXIT", "DURATION", "MESSAGE",
        ],
        rows,
    )
}

/// One run in detail, for people.
pub fn detail_text(r: &Run, events: &[Event]) -> String {
    let s = &r.spec;
    let mut out = fields(vec![
        ("ID", r.id.clone()),
        ("Name", r.name.clone()),
        ("State", r.state.to_string()),
        ("Message", dash(r.message.as_ref())),
        ("Image", s.image.clone()),
        ("Command", s.command.join(" ")),
        (
            "Resources",
            format!(
                "cpu {} memory {} gpu {}",
                s.cpu_display(),
                s.memory_display(),
                s.gpu
            ),
        ),
        (
            "Timeout",
            crate::model::units::format_duration(std::time::Duration::from_secs(s.timeout_secs)),
        ),
        ("Priority", r.priority.to_string()),
        ("Heat", dash(r.heat)),
        ("Verdict", dash(r.verdict)),
        (
            "Reasons",
            if r.reasons.is_empty() {
                "-".into()
            } else {
                r.reasons.join("; ")
            },
        ),
        ("Policy version", dash(r.policy_version)),
        ("Quarantined", r.quarantined.to_string()),
        ("Node", dash(r.node.as_ref())),
        ("Attempts", r.attempts.to_string()),
        ("Exit code", dash(r.exit_code)),
        ("Labels", label_text(&s.labels)),
        ("Created", timestamp(r.created_at)),
        ("Started", dash(r.started_at.map(timestamp))),
        ("Finished", dash(r.finished_at.map(timestamp))),
    ]);
    out.push_str("\n\nEvents:\n");
    let mut rows = vec![vec![
        timestamp(r.created_at),
        "-".into(),
        "queued".into(),
        "-".into(),
        "submitted".into(),
    ]];
    rows.extend(events.iter().map(|e| {
        vec![
            timestamp(e.at),
            dash(e.from.as_ref()),
            dash(e.to.as_ref()),
            dash(e.node.as_ref()),
            dash(e.message.as_ref()),
        ]
    }));
    out.push_str(&columns(&["TIME", "FROM", "TO", "NODE", "MESSAGE"], rows));
    if !r.log_tail.is_empty() {
        out.push_str("\n\nLog tail:\n");
        out.push_str(&r.log_tail);
    }
    out
}
