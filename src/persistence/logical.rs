//! The logical backup file (`keys.resp`): `RESTORE key ttl payload REPLACE` commands in RESP,
//! written from SCAN + DUMP + PTTL, read back for verification and the online restore.

use std::collections::{BTreeMap, HashSet};
use std::io::BufWriter;
use std::path::Path;

use super::admin::{RedisAdmin, RestoreItem};
use super::backup::{BackupFile, BackupOptions, LOGICAL_FILE};
use super::resp::{self, RespError};
use super::{PersistenceError, Progress, ProgressFn, Result};

/// Appends one `RESTORE key ttl payload REPLACE` command in RESP.
pub fn write_restore_command<W: std::io::Write>(
    w: &mut W,
    key: &[u8],
    ttl_ms: i64,
    payload: &[u8],
) -> std::io::Result<()> {
    let ttl = ttl_ms.to_string();
    resp::write_command(w, &[b"RESTORE", key, ttl.as_bytes(), payload, b"REPLACE"])
}

/// Turns `RESTORE key ttl payload [REPLACE]` into a [`RestoreItem`].
pub fn restore_item(mut args: Vec<Vec<u8>>) -> std::result::Result<RestoreItem, String> {
    if args.len() < 4 || !args[0].eq_ignore_ascii_case(b"RESTORE") {
        return Err("not a RESTORE command".into());
    }
    let ttl = std::str::from_utf8(&args[2])
        .ok()
        .and_then(|s| s.parse::<i64>().ok())
        .filter(|t| *t >= 0)
        .ok_or("bad ttl")?;
    let payload = std::mem::take(&mut args[3]);
    let key = std::mem::take(&mut args[1]);
    Ok((key, ttl, payload))
}

/// A [`RespError`] of the file at `path` as a [`PersistenceError`].
pub(crate) fn resp_error(path: &Path, e: RespError) -> PersistenceError {
    match e {
        RespError::Io(io) => PersistenceError::io(path, io),
        other => PersistenceError::invalid(path.display().to_string(), other.to_string()),
    }
}

/// Reads the RESTORE commands of a logical backup file one by one.
pub struct RestoreReader<R: std::io::BufRead> {
    reader: resp::Reader<R>,
    path: std::path::PathBuf,
}

impl<R: std::io::BufRead> RestoreReader<R> {
    pub fn new(r: R, path: &Path) -> Self {
        RestoreReader {
            reader: resp::Reader::new(r),
            path: path.to_path_buf(),
        }
    }

    /// The next key to restore; None at the end of the file.
    pub fn next_item(&mut self) -> Result<Option<RestoreItem>> {
        match self
            .reader
            .next_command()
            .map_err(|e| resp_error(&self.path, e))?
        {
            Some(args) => restore_item(args)
                .map(Some)
                .map_err(|e| PersistenceError::invalid(self.path.display().to_string(), e)),
            None => Ok(None),
        }
    }
}

/// Counts the RESTORE commands of a backup folder's `keys.resp`, checking each one.
pub(crate) fn count_restore_commands(folder: &Path) -> Result<u64> {
    let path = folder.join(LOGICAL_FILE);
    let f = super::files::open_beneath(folder, LOGICAL_FILE)
        .map_err(|e| PersistenceError::io(&path, e))?;
    let mut r = RestoreReader::new(std::io::BufReader::with_capacity(1 << 20, f), &path);
    let mut n = 0;
    while r.next_item()?.is_some() {
        n += 1;
    }
    Ok(n)
}

/// Writes every key matching `opts.patterns` into `<folder>/keys.resp` (0600, fsynced).
/// Returns the file entry for the manifest and the keys written per pattern.
pub(crate) async fn dump_keys(
    admin: &RedisAdmin,
    folder: &Path,
    opts: &BackupOptions,
    progress: ProgressFn<'_>,
) -> Result<(BackupFile, BTreeMap<String, u64>)> {
    let path = folder.join(LOGICAL_FILE);
    let f = super::create_private_file(&path)?;
    let mut w = BufWriter::with_capacity(8 << 20, super::backup::HashingWriter::new(f));
    let mut seen: HashSet<Vec<u8>> = HashSet::new();
    let mut counts = BTreeMap::new();
    let mut total = 0u64;
    let batch = opts.batch.max(1);
    for pattern in &opts.patterns {
        let mut n = 0u64;
        let mut cursor = 0u64;
        loop {
            let (next, keys) = admin.scan_page(cursor, pattern, batch).await?;
            let fresh: Vec<Vec<u8>> = keys
                .into_iter()
                .filter(|k| seen.insert(k.clone()))
                .collect();
            for chunk in fresh.chunks(batch) {
                let dumps = admin.dump_with_pttl(chunk).await?;
                for (k, d) in chunk.iter().zip(dumps) {
                    // Keys that vanished between SCAN and DUMP are skipped.
                    if let Some((ttl, payload)) = d {
                        write_restore_command(&mut w, k, ttl, &payload)
                            .map_err(|e| PersistenceError::io(&path, e))?;
                        n += 1;
                    }
                }
            }
            progress(Progress::keys("dump keys", total + n, None));
            if next == 0 {
                break;
            }
            cursor = next;
        }
        total += n;
        counts.insert(pattern.clone(), n);
    }
    let hw = w
        .into_inner()
        .map_err(|e| PersistenceError::io(&path, e.into_error()))?;
    hw.inner
        .sync_all()
        .map_err(|e| PersistenceError::io(&path, e))?;
    Ok((
        BackupFile {
            name: LOGICAL_FILE.into(),
            size_bytes: hw.bytes,
            sha256: hw.hex_digest(),
        },
        counts,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn restore_command_encoding() {
        let mut v = Vec::new();
        write_restore_command(&mut v, b"k", 0, b"\x00\x01").unwrap();
        assert_eq!(
            v,
            b"*5\r\n$7\r\nRESTORE\r\n$1\r\nk\r\n$1\r\n0\r\n$2\r\n\x00\x01\r\n$7\r\nREPLACE\r\n"
                .to_vec()
        );
    }

    #[test]
    fn restore_items_roundtrip() {
        let mut v = Vec::new();
        write_restore_command(&mut v, b"a\r\nb", 1500, b"\xff\x00\r\n").unwrap();
        write_restore_command(&mut v, b"k2", 0, b"").unwrap();
        let mut r = RestoreReader::new(std::io::Cursor::new(v), Path::new("x"));
        assert_eq!(
            r.next_item().unwrap().unwrap(),
            (b"a\r\nb".to_vec(), 1500, b"\xff\x00\r\n".to_vec())
        );
        assert_eq!(
            r.next_item().unwrap().unwrap(),
            (b"k2".to_vec(), 0, Vec::new())
        );
        assert!(r.next_item().unwrap().is_none());
        let bad = resp::command(&[b"SET", b"k", b"v", b"x"]);
        let mut r = RestoreReader::new(std::io::Cursor::new(bad), Path::new("x"));
        assert!(r
            .next_item()
            .unwrap_err()
            .to_string()
            .contains("not a RESTORE"));
        let ttl = resp::command(&[b"RESTORE", b"k", b"-5", b"v"]);
        let mut r = RestoreReader::new(std::io::Cursor::new(ttl), Path::new("x"));
        assert!(r.next_item().unwrap_err().to_string().contains("bad ttl"));
    }
}
