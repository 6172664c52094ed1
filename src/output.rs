//! Rendering of command results: tables (comfy-table), JSON and YAML, chosen by `-o`.
//!
//! The conventions every command follows, so scripts read all of them the same way:
//! - a list is `{"items": [...], "next": CURSOR_OR_NULL}` ([`Page`]);
//! - a time is an RFC 3339 UTC string with milliseconds (`2026-11-29T23:27:30.123Z`, [`rfc3339`]);
//! - a duration is an integer number of milliseconds in a field named `*_ms`;
//! - a size is an integer number of bytes in a field named `*_bytes`;
//! - a missing value is `null`, never a placeholder string;
//! - tables show times as ages (`5s`, `3m`) in `table` and as RFC 3339 in `wide`;
//! - text for terminals (`table`, `wide`) never carries a control character raw: each is escaped
//!   as `\u{1b}`, `\n`, ... ([`terminal_safe`]; a table cell keeps no line break, a field value
//!   and a message keep theirs), whatever a value holds — also data stored by an older version
//!   that did not refuse them. JSON and YAML escape them by their own rules.

use std::borrow::Cow;
use std::io::Write;

use comfy_table::{presets, ContentArrangement, Table};
use serde::Serialize;

use crate::model::text::{escape_control, escape_control_except};

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
        OutputFormat::Table => terminal_safe(&value.render_table(false)).into_owned(),
        OutputFormat::Wide => terminal_safe(&value.render_table(true)).into_owned(),
        OutputFormat::Json => json_safe(serde_json::to_string_pretty(value)?),
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

/// Text for a terminal: every control character but the line break escaped (`\u{1b}`), so no
/// value can move the cursor, recolour or retitle the terminal of whoever prints it.
pub fn terminal_safe(text: &str) -> Cow<'_, str> {
    escape_control_except(text, &['\n'])
}

/// JSON text with DEL and the C1 control characters escaped (`\u009b`) as well: serde_json
/// escapes only C0, and a raw U+009B is a CSI to some terminals. Outside strings JSON text is
/// ASCII, so every such character is inside a string, where the escape means the same.
pub fn json_safe(json: String) -> String {
    if !json.chars().any(|c| c.is_control() && c as u32 >= 0x7f) {
        return json;
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if c.is_control() && c as u32 >= 0x7f {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// One table cell: every control character escaped, line breaks too (a row stays one line).
pub fn cell(text: &str) -> Cow<'_, str> {
    escape_control(text)
}

/// Columns with a header row, kubectl style.
pub fn columns(headers: &[&str], rows: Vec<Vec<String>>) -> String {
    let mut t = Table::new();
    t.load_preset(presets::NOTHING)
        .set_content_arrangement(ContentArrangement::Disabled);
    t.set_header(headers.iter().map(|h| h.to_string()).collect::<Vec<_>>());
    for r in rows {
        t.add_row(r.iter().map(|c| cell(c).into_owned()).collect::<Vec<_>>());
    }
    trim_lines(&t.to_string())
}

/// Two columns, field and value, for one object (a value may span lines).
pub fn fields(rows: Vec<(&str, String)>) -> String {
    let mut t = Table::new();
    t.load_preset(presets::NOTHING)
        .set_content_arrangement(ContentArrangement::Disabled);
    for (k, v) in rows {
        t.add_row(vec![format!("{k}:"), terminal_safe(&v).into_owned()]);
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

/// A size for people: `512 B`, `1.2 GiB` (JSON keeps the integer bytes).
pub fn human_bytes(n: u64) -> String {
    const UNITS: [&str; 5] = ["B", "KiB", "MiB", "GiB", "TiB"];
    let mut v = n as f64;
    let mut u = 0;
    while v >= 1024.0 && u < UNITS.len() - 1 {
        v /= 1024.0;
        u += 1;
    }
    if u == 0 {
        format!("{n} B")
    } else {
        format!("{v:.1} {}", UNITS[u])
    }
}

pub fn dash(v: Option<impl ToString>) -> String {
    v.map(|v| v.to_string()).unwrap_or_else(|| "-".into())
}

/// The one list shape every command prints in JSON and YAML: `{"items": [...], "next": null}`.
///
/// `next` is the cursor of the following page (pass it back with `--cursor`), or `null` when this
/// is the last page. Commands that always return everything still use this shape, with
/// `next: null`, so a script reads every list the same way.
#[derive(Serialize)]
pub struct Page<T: Serialize> {
    pub items: Vec<T>,
    pub next: Option<String>,
    /// Column headers for the table form.
    #[serde(skip)]
    pub headers: Vec<&'static str>,
    /// Rows for the table form, one per item.
    #[serde(skip)]
    pub rows: Vec<Vec<String>>,
    /// Headers and rows for `-o wide`, when it shows more than the table.
    #[serde(skip)]
    pub wide: Option<(Vec<&'static str>, Vec<Vec<String>>)>,
}

impl<T: Serialize> Page<T> {
    /// A complete list (no further page).
    pub fn all(items: Vec<T>, headers: Vec<&'static str>, row: impl Fn(&T) -> Vec<String>) -> Self {
        let rows = items.iter().map(row).collect();
        Page::new(items, None).table(headers, rows)
    }

    /// A page of `items`; `next` is the cursor of the page after it.
    pub fn new(items: Vec<T>, next: Option<String>) -> Self {
        Page {
            items,
            next,
            headers: Vec::new(),
            rows: Vec::new(),
            wide: None,
        }
    }

    /// The table form.
    pub fn table(mut self, headers: Vec<&'static str>, rows: Vec<Vec<String>>) -> Self {
        self.headers = headers;
        self.rows = rows;
        self
    }

    /// The `-o wide` form.
    pub fn wide(mut self, headers: Vec<&'static str>, rows: Vec<Vec<String>>) -> Self {
        self.wide = Some((headers, rows));
        self
    }
}

impl<T: Serialize> Render for Page<T> {
    fn render_table(&self, wide: bool) -> String {
        match (&self.wide, wide) {
            (Some((headers, rows)), true) => columns(headers, rows.clone()),
            _ => columns(&self.headers, self.rows.clone()),
        }
    }
}

/// Prints a page; in table form, a following page is announced on stderr (`more results:
/// --cursor X`) even with `-q`, so a table never ends silently short. JSON and YAML carry it as
/// `next`.
pub fn emit_page<T: Serialize>(format: OutputFormat, page: &Page<T>) -> anyhow::Result<()> {
    emit(format, page)?;
    if let (Some(next), OutputFormat::Table | OutputFormat::Wide) = (&page.next, format) {
        let _ = writeln!(std::io::stderr(), "more results: --cursor {next}");
    }
    Ok(())
}

/// A list printed while it is produced, in exactly the shape [`emit_page`] prints a complete
/// [`Page`] (with `next: null`), so a command that reports many items (a bulk submit) never holds
/// them all. Table columns have fixed widths (given for every column but the last, which is
/// never padded), since later rows cannot be measured in advance.
pub struct PageWriter<W: Write> {
    format: OutputFormat,
    out: W,
    widths: Vec<usize>,
    items: u64,
}

impl<W: Write> PageWriter<W> {
    /// Starts the list: the table header, or the opening of the JSON/YAML object.
    pub fn start(
        format: OutputFormat,
        mut out: W,
        headers: &[&str],
        widths: &[usize],
    ) -> std::io::Result<Self> {
        let widths: Vec<usize> = headers
            .iter()
            .zip(widths.iter().chain(std::iter::repeat(&0)))
            .map(|(h, w)| (*w).max(h.len()))
            .collect();
        if matches!(format, OutputFormat::Table | OutputFormat::Wide) {
            let header: Vec<String> = headers.iter().map(|h| h.to_string()).collect();
            writeln!(out, "{}", fixed_row(&widths, &header))?;
        } else if format == OutputFormat::Json {
            write!(out, "{{\n  \"items\": [")?;
        }
        Ok(PageWriter {
            format,
            out,
            widths,
            items: 0,
        })
    }

    /// One item, with its table row.
    pub fn item<T: Serialize>(&mut self, item: &T, row: &[String]) -> anyhow::Result<()> {
        match self.format {
            OutputFormat::Table | OutputFormat::Wide => {
                writeln!(self.out, "{}", fixed_row(&self.widths, row))?
            }
            OutputFormat::Json => {
                let text = json_safe(serde_json::to_string_pretty(item)?);
                let sep = if self.items == 0 { "\n" } else { ",\n" };
                write!(self.out, "{sep}")?;
                for (i, line) in text.lines().enumerate() {
                    let nl = if i == 0 { "" } else { "\n" };
                    write!(self.out, "{nl}    {line}")?;
                }
            }
            OutputFormat::Yaml => {
                if self.items == 0 {
                    writeln!(self.out, "items:")?;
                }
                write!(self.out, "{}", serde_yaml::to_string(&[item])?)?;
            }
        }
        self.items += 1;
        Ok(())
    }

    /// Ends the list (`next` is null: everything was printed) and flushes.
    pub fn finish(mut self) -> std::io::Result<()> {
        match self.format {
            OutputFormat::Table | OutputFormat::Wide => {}
            OutputFormat::Json => {
                let close = if self.items == 0 { "]" } else { "\n  ]" };
                writeln!(self.out, "{close},\n  \"next\": null\n}}")?;
            }
            OutputFormat::Yaml => {
                if self.items == 0 {
                    writeln!(self.out, "items: []")?;
                }
                writeln!(self.out, "next: null")?;
            }
        }
        self.out.flush()
    }
}

impl<W: Write> PageWriter<W> {
    /// Ends the list of a command that stopped early: after the items (`next` null), a second
    /// list `name` of what it did not do, then `error`. In a table the second list's rows follow
    /// the items. The second list is written as it is read (an error reading it ends it).
    pub fn finish_incomplete<T: Serialize>(
        mut self,
        name: &str,
        rest: impl Iterator<Item = anyhow::Result<T>>,
        row: impl Fn(&T) -> Vec<String>,
        error: &str,
    ) -> anyhow::Result<()> {
        match self.format {
            OutputFormat::Table | OutputFormat::Wide => {
                for item in rest {
                    writeln!(self.out, "{}", fixed_row(&self.widths, &row(&item?)))?;
                }
            }
            OutputFormat::Json => {
                let close = if self.items == 0 { "]" } else { "\n  ]" };
                write!(self.out, "{close},\n  \"next\": null,\n  \"{name}\": [")?;
                let mut n = 0;
                for item in rest {
                    let text = json_safe(serde_json::to_string_pretty(&item?)?);
                    write!(self.out, "{}", if n == 0 { "\n" } else { ",\n" })?;
                    for (i, line) in text.lines().enumerate() {
                        write!(self.out, "{}    {line}", if i == 0 { "" } else { "\n" })?;
                    }
                    n += 1;
                }
                let close = if n == 0 { "]" } else { "\n  ]" };
                writeln!(
                    self.out,
                    "{close},\n  \"error\": {}\n}}",
                    json_safe(serde_json::to_string(error)?)
                )?;
            }
            OutputFormat::Yaml => {
                if self.items == 0 {
                    writeln!(self.out, "items: []")?;
                }
                writeln!(self.out, "next: null")?;
                let mut n = 0;
                for item in rest {
                    if n == 0 {
                        writeln!(self.out, "{name}:")?;
                    }
                    write!(self.out, "{}", serde_yaml::to_string(&[item?])?)?;
                    n += 1;
                }
                if n == 0 {
                    writeln!(self.out, "{name}: []")?;
                }
                write!(
                    self.out,
                    "{}",
                    serde_yaml::to_string(&serde_json::json!({ "error": error }))?
                )?;
            }
        }
        self.out.flush()?;
        Ok(())
    }
}

/// Cells padded to fixed widths, two spaces apart (the table layout of [`columns`]).
fn fixed_row(widths: &[usize], cells: &[String]) -> String {
    let mut line = String::new();
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            line.push_str("  ");
        }
        let w = widths.get(i).copied().unwrap_or(0);
        let cell = self::cell(cell);
        line.push_str(&format!("{cell:<w$}"));
    }
    line.trim_end().to_string()
}

/// Serde helpers for the JSON unit rule: a time is an RFC 3339 UTC string with milliseconds.
///
/// Use on Unix-millisecond fields: `#[serde(with = "crate::output::rfc3339")]`, or
/// `crate::output::rfc3339::option` for `Option<i64>` (a missing time is `null`).
/// Serializes an empty text as `null` (the convention for a missing value) and any other as
/// itself: for fields that are empty rather than absent in the Rust type.
pub fn empty_as_null<S: serde::Serializer>(text: &str, ser: S) -> Result<S::Ok, S::Error> {
    if text.is_empty() {
        ser.serialize_none()
    } else {
        ser.serialize_str(text)
    }
}

pub mod rfc3339 {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(ms: &i64, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&super::timestamp(*ms))
    }

    /// Accepts the RFC 3339 string, and a bare integer of milliseconds for older data.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<i64, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Either {
            Ms(i64),
            Text(String),
        }
        match Either::deserialize(d)? {
            Either::Ms(ms) => Ok(ms),
            Either::Text(t) => super::parse_timestamp(&t).map_err(serde::de::Error::custom),
        }
    }

    pub mod option {
        use serde::{Deserialize, Deserializer, Serializer};

        pub fn serialize<S: Serializer>(ms: &Option<i64>, s: S) -> Result<S::Ok, S::Error> {
            match ms {
                Some(ms) => s.serialize_str(&super::super::timestamp(*ms)),
                None => s.serialize_none(),
            }
        }

        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
            #[derive(Deserialize)]
            struct Wrap(#[serde(with = "super")] i64);
            Ok(Option::<Wrap>::deserialize(d)?.map(|w| w.0))
        }
    }
}

/// Parses an RFC 3339 time into Unix milliseconds.
pub fn parse_timestamp(text: &str) -> Result<i64, String> {
    chrono::DateTime::parse_from_rfc3339(text)
        .map(|t| t.timestamp_millis())
        .map_err(|e| format!("`{text}` is not an RFC 3339 time (like 2026-01-31T12:00:00Z): {e}"))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize)]
    struct Item {
        id: String,
        name: String,
    }

    fn streamed(format: OutputFormat, items: &[Item]) -> String {
        let mut out = Vec::new();
        let mut w = PageWriter::start(format, &mut out, &["ID", "NAME"], &[26]).unwrap();
        for i in items {
            w.item(i, &[i.id.clone(), i.name.clone()]).unwrap();
        }
        w.finish().unwrap();
        String::from_utf8(out).unwrap()
    }

    /// A streamed list prints byte for byte what the same complete page prints.
    #[test]
    fn a_streamed_page_matches_a_complete_one() {
        let make = |n: usize| -> Vec<Item> {
            (0..n)
                .map(|i| Item {
                    id: format!("01J{i:023}"),
                    name: format!("job-{}", "x".repeat(i)),
                })
                .collect()
        };
        for n in [0, 1, 3] {
            let page = Page::all(make(n), vec!["ID", "NAME"], |i| {
                vec![i.id.clone(), i.name.clone()]
            });
            let json = serde_json::to_string_pretty(&page).unwrap() + "\n";
            assert_eq!(streamed(OutputFormat::Json, &make(n)), json, "{n} items");
            let yaml = serde_yaml::to_string(&page).unwrap();
            assert_eq!(streamed(OutputFormat::Yaml, &make(n)), yaml, "{n} items");
            if n > 0 {
                let table = page.render_table(false) + "\n";
                assert_eq!(streamed(OutputFormat::Table, &make(n)), table, "{n} items");
            }
        }
    }

    const HOSTILE: &str = "k=\x1b[31mred\x1b]0;pwned\x07\u{9b}2J\u{7f}\r\nrow";

    fn no_raw_control(text: &str, keep_newlines: bool) {
        assert!(
            !text
                .chars()
                .any(|c| c.is_control() && !(keep_newlines && c == '\n')),
            "{text:?}"
        );
    }

    /// Stored values (an older version did not refuse them) never reach a terminal raw.
    #[test]
    fn tables_fields_and_streamed_rows_escape_control_characters() {
        let table = columns(&["NAME", "LABELS"], vec![vec!["a".into(), HOSTILE.into()]]);
        no_raw_control(&table, true);
        assert_eq!(table.lines().count(), 2, "a row stays one line: {table}");
        assert!(table.contains("\\u{1b}[31mred"), "{table}");
        assert!(table.contains("\\u{9b}2J"), "{table}");
        let f = fields(vec![("Labels", HOSTILE.into()), ("Reasons", "a\nb".into())]);
        no_raw_control(&f, true);
        assert!(f.contains("\\u{1b}]0;pwned\\u{7}"), "{f}");
        let message = Message {
            data: (),
            text: format!("cancelled {HOSTILE}"),
        };
        no_raw_control(&terminal_safe(&message.render_table(false)), true);
        let mut out = Vec::new();
        let mut w =
            PageWriter::start(OutputFormat::Table, &mut out, &["ID", "NAME"], &[4]).unwrap();
        w.item(&(), &["1".into(), HOSTILE.into()]).unwrap();
        w.finish().unwrap();
        no_raw_control(&String::from_utf8(out).unwrap(), true);
    }

    /// serde_yaml escapes every control character; serde_json escapes C0 only, so JSON output
    /// escapes DEL and C1 too, and still reads back as the same value.
    #[test]
    fn json_and_yaml_carry_no_raw_control_character() {
        #[derive(Serialize)]
        struct V {
            label: String,
        }
        let v = V {
            label: HOSTILE.into(),
        };
        let yaml = serde_yaml::to_string(&v).unwrap();
        no_raw_control(&yaml, true);
        let back: serde_json::Value = serde_yaml::from_str(&yaml).unwrap();
        assert_eq!(back["label"], HOSTILE);
        let json = json_safe(serde_json::to_string_pretty(&v).unwrap());
        no_raw_control(&json, true);
        assert!(json.contains("\\u009b"), "{json}");
        let back: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(back["label"], HOSTILE);
        let plain = "{\"a\": \"ü 日本\"}".to_string();
        assert_eq!(json_safe(plain.clone()), plain);
    }
}
