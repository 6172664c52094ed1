//! Rendering of command results: tables (comfy-table), JSON and YAML, chosen by `-o`.

use std::io::Write;

use comfy_table::{presets, ContentArrangement, Table};
use serde::Serialize;

/// `-o`: how results are printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    /// Aligned columns for people.
    Table,
    /// Columns with more detail.
    Wide,
    /// JSON, for scripts.
    Json,
    /// YAML.
    Yaml,
}

/// A command result that knows how to look as a table; JSON and YAML come from `Serialize`.
pub trait Render: Serialize {
    fn render_table(&self, wide: bool) -> String;
}

/// Prints a result in the chosen format to stdout.
pub fn emit<T: Render + ?Sized>(format: OutputFormat, value: &T) -> anyhow::Result<()> {
    let text = match format {
        OutputFormat::Table => value.render_table(false),
        OutputFormat::Wide => value.render_table(true),
        OutputFormat::Json => serde_json::to_string_pretty(value)?,
        OutputFormat::Yaml => serde_yaml::to_string(value)?,
    };
    let mut out = std::io::stdout().lock();
    if text.is_empty() {
        return Ok(());
    }
    // A closed pipe (`| head`) is not an error worth a message.
    let _ = writeln!(out, "{}", text.trim_end_matches('\n'));
    Ok(())
}

/// Columns with a header row, kubectl style.
pub fn columns(headers: &[&str], rows: Vec<Vec<String>>) -> String {
    let mut t = Table::new();
    t.load_preset(presets::NOTHING)
        .set_content_arrangement(ContentArrangement::Disabled);
    t.set_header(headers.iter().map(|h| h.to_string()).collect::<Vec<_>>());
    for r in rows {
        t.add_row(r);
    }
    trim_lines(&t.to_string())
}

/// Two columns, field and value, for one object.
pub fn fields(rows: Vec<(&str, String)>) -> String {
    let mut t = Table::new();
    t.load_preset(presets::NOTHING)
        .set_content_arrangement(ContentArrangement::Disabled);
    for (k, v) in rows {
        t.add_row(vec![format!("{k}:"), v]);
    }
    trim_lines(&t.to_string())
}

fn trim_lines(s: &str) -> String {
    s.lines()
        .map(|l| l.trim_end().trim_start_matches(' '))
        .collect::<Vec<_>>()
        .join("\n")
}

/// `5s`, `3m`, `2h`, `4d` since a Unix-ms time.
pub fn age(since_ms: i64) -> String {
    let now = crate::model::now_ms();
    let secs = ((now - since_ms).max(0) / 1000) as u64;
    match secs {
        s if s < 120 => format!("{s}s"),
        s if s < 7200 => format!("{}m", s / 60),
        s if s < 172_800 => format!("{}h", s / 3600),
        s => format!("{}d", s / 86_400),
    }
}

/// RFC 3339 for a Unix-ms time.
pub fn timestamp(ms: i64) -> String {
    chrono::DateTime::from_timestamp_millis(ms)
        .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Millis, true))
        .unwrap_or_else(|| ms.to_string())
}

pub fn dash(v: Option<impl ToString>) -> String {
    v.map(|v| v.to_string()).unwrap_or_else(|| "-".into())
}

/// A plain list of serializable rows with fixed columns.
#[derive(Serialize)]
#[serde(transparent)]
pub struct Listing<T: Serialize> {
    pub items: Vec<T>,
    #[serde(skip)]
    pub headers: Vec<&'static str>,
    #[serde(skip)]
    pub rows: Vec<Vec<String>>,
}

impl<T: Serialize> Render for Listing<T> {
    fn render_table(&self, _wide: bool) -> String {
        columns(&self.headers, self.rows.clone())
    }
}

/// A message for people (table) that is also a JSON/YAML object for scripts.
#[derive(Serialize)]
pub struct Message<T: Serialize> {
    #[serde(flatten)]
    pub data: T,
    #[serde(skip)]
    pub text: String,
}

impl<T: Serialize> Render for Message<T> {
    fn render_table(&self, _wide: bool) -> String {
        self.text.clone()
    }
}
