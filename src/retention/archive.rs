//! The archive of finished runs: one JSON line per run (the `sandbox get -o json` document with its events), appended to an hourly file and fsynced before retention deletes the run; the same lines are what `sandbox export` writes.
//!
//! A line is `RunView::detailed` serialized compactly, so times are RFC 3339, durations `*_ms`,
//! and the document can be submitted again. Files are 0600 in a 0700 folder (a run's `env` is in
//! them). Appends are whole batches in one write followed by `fdatasync`; a crash mid-write leaves
//! at most one torn last line, which the next append closes with a newline before it writes, so a
//! reader skips it. The run it held was not deleted (deletion follows the sync) and is archived
//! again in full by the next pass: a crash loses nothing and may at worst leave a run twice.

use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

use crate::model::run::{Event, Run};
use crate::model::view::RunView;

/// One archive line (without its newline) for a run and its events.
pub fn record(run: &Run, events: &[Event]) -> serde_json::Result<String> {
    serde_json::to_string(&RunView::detailed(run, events))
}

/// The archive file for the hour of `now_ms` (UTC): `DIR/2026-11-30T01.jsonl`.
pub fn hourly_file(dir: &Path, now_ms: i64) -> PathBuf {
    let hour = chrono::DateTime::from_timestamp_millis(now_ms)
        .unwrap_or_default()
        .format("%Y-%m-%dT%H");
    dir.join(format!("{hour}.jsonl"))
}

/// Appends `lines` to the hourly archive file of `now_ms` in `dir` and makes them durable
/// (`fdatasync` of the file; of the folder too when the file is new). Returns the file.
pub fn append(dir: &Path, now_ms: i64, lines: &[String]) -> std::io::Result<PathBuf> {
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)?;
    let path = hourly_file(dir, now_ms);
    let created = !path.exists();
    let mut file = OpenOptions::new()
        .read(true)
        .append(true)
        .create(true)
        .mode(0o600)
        .custom_flags(libc::O_NOFOLLOW)
        .open(&path)?;
    let mut buf = Vec::with_capacity(lines.iter().map(|l| l.len() + 1).sum::<usize>() + 1);
    if ends_torn(&mut file)? {
        buf.push(b'\n');
    }
    for line in lines {
        buf.extend_from_slice(line.as_bytes());
        buf.push(b'\n');
    }
    file.write_all(&buf)?;
    file.sync_data()?;
    if created {
        File::open(dir)?.sync_all()?;
    }
    Ok(path)
}

/// True when the file's last byte is not a newline (a write cut short by a crash).
fn ends_torn(file: &mut File) -> std::io::Result<bool> {
    let len = file.metadata()?.len();
    if len == 0 {
        return Ok(false);
    }
    file.seek(SeekFrom::Start(len - 1))?;
    let mut last = [0u8; 1];
    file.read_exact(&mut last)?;
    Ok(last[0] != b'\n')
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn names_files_by_utc_hour() {
        // 2026-11-30T01:59:59.999Z
        let t = 1_796_003_999_999;
        assert_eq!(
            hourly_file(Path::new("/a"), t),
            Path::new("/a/2026-11-30T01.jsonl")
        );
    }

    #[test]
    fn appends_private_lines_and_closes_a_torn_one() {
        let dir = tempfile::tempdir().unwrap();
        let archive = dir.path().join("archive");
        let path = append(&archive, 0, &["{\"a\":1}".into()]).unwrap();
        // A crash cut the next write short.
        OpenOptions::new()
            .append(true)
            .open(&path)
            .unwrap()
            .write_all(b"{\"b\":")
            .unwrap();
        append(&archive, 0, &["{\"c\":3}".into(), "{\"d\":4}".into()]).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(text, "{\"a\":1}\n{\"b\":\n{\"c\":3}\n{\"d\":4}\n");
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&path), 0o600);
        assert_eq!(mode(&archive), 0o700);
    }
}
