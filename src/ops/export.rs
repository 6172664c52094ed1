//! `sandbox export`: finished runs (finished before a time) with their events, as JSON lines — the same lines as the retention archive — gzipped when the file name ends in `.gz`, written to a private temporary file and renamed into place only when complete.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};
use serde::Serialize;

use crate::model::run::RunState;
use crate::retention::archive;
use crate::store::{RunFilter, Store};

/// Runs read (and written) per page.
const PAGE: usize = 500;

/// What to export.
#[derive(Clone, Debug)]
pub struct ExportOptions {
    /// Finished at or before this time (Unix ms).
    pub finished_before: i64,
    /// The file to write; `.gz` at the end compresses it.
    pub to: PathBuf,
}

/// What an export wrote.
#[derive(Clone, Debug, Serialize)]
pub struct ExportReport {
    pub file: String,
    pub runs: u64,
    pub compressed: bool,
    pub size_bytes: u64,
    #[serde(with = "crate::output::rfc3339")]
    pub finished_before: i64,
}

/// Where export lines go: straight to the file, or through gzip.
enum Sink {
    Plain(std::io::BufWriter<std::fs::File>),
    Gzip(flate2::write::GzEncoder<std::io::BufWriter<std::fs::File>>),
}

impl Sink {
    /// Writes what is buffered (and the gzip trailer).
    fn finish(self) -> std::io::Result<()> {
        match self {
            Sink::Plain(mut b) => b.flush(),
            Sink::Gzip(g) => g.finish()?.flush(),
        }
    }
}

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self {
            Sink::Plain(w) => w.write(buf),
            Sink::Gzip(w) => w.write(buf),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match self {
            Sink::Plain(w) => w.flush(),
            Sink::Gzip(w) => w.flush(),
        }
    }
}

/// True when the file name asks for gzip.
pub fn gzipped(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "gz")
}

/// Writes every finished run finished at or before `finished_before`, with its events, one JSON
/// line each (state by state, oldest first within a state), calling `progress` with the count so
/// far. Nothing appears at `to` unless the whole export succeeded; the file is 0600.
pub async fn export(
    store: &dyn Store,
    options: &ExportOptions,
    progress: &mut dyn FnMut(u64),
) -> Result<ExportReport> {
    let dir = match options.to.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    // NamedTempFile is created 0600 and removed if anything below fails.
    let temp = tempfile::Builder::new()
        .prefix(".tartarus-export-")
        .tempfile_in(&dir)
        .with_context(|| format!("creating a temporary file in {}", dir.display()))?;
    let compressed = gzipped(&options.to);
    let buffered = std::io::BufWriter::with_capacity(1 << 16, temp.as_file().try_clone()?);
    let mut out = if compressed {
        Sink::Gzip(flate2::write::GzEncoder::new(
            buffered,
            flate2::Compression::default(),
        ))
    } else {
        Sink::Plain(buffered)
    };
    let mut runs = 0u64;
    for state in RunState::ALL.into_iter().filter(|s| s.is_terminal()) {
        let filter = RunFilter {
            state: Some(state),
            ..Default::default()
        };
        let mut cursor: Option<String> = None;
        loop {
            let page = store.list_runs(&filter, cursor.as_deref(), PAGE).await?;
            let chosen: Vec<_> = page
                .runs
                .into_iter()
                .filter(|r| r.finished_at.is_some_and(|t| t <= options.finished_before))
                .collect();
            let ids: Vec<String> = chosen.iter().map(|r| r.id.clone()).collect();
            // A run that retention deleted since the page was listed lost its events with it,
            // and reads as absent here: only runs read together with their events are written.
            for (run, events) in store.runs_with_events(&ids).await?.iter().flatten() {
                out.write_all(archive::record(run, events)?.as_bytes())?;
                out.write_all(b"\n")?;
                runs += 1;
            }
            progress(runs);
            match page.next_cursor {
                Some(c) => cursor = Some(c),
                None => break,
            }
        }
    }
    out.finish()?;
    temp.as_file().sync_all()?;
    let size_bytes = temp.as_file().metadata()?.len();
    temp.persist(&options.to)
        .with_context(|| format!("moving the export into place at {}", options.to.display()))?;
    if let Ok(d) = std::fs::File::open(&dir) {
        let _ = d.sync_all();
    }
    Ok(ExportReport {
        file: options.to.display().to_string(),
        runs,
        compressed,
        size_bytes,
        finished_before: options.finished_before,
    })
}
