//! Hashing while copying: SHA-256 and size of what goes into a backup, streamed, never buffered whole.

use std::io::{Read, Write};
use std::path::Path;
use std::time::{Duration, Instant};

use sha2::{Digest, Sha256};

use crate::persistence::{PersistenceError, Progress, ProgressFn, Result};

/// A writer that hashes and counts what goes through it.
pub(crate) struct HashingWriter<W: Write> {
    pub(crate) inner: W,
    hasher: Sha256,
    pub(crate) bytes: u64,
}

impl<W: Write> HashingWriter<W> {
    pub(crate) fn new(inner: W) -> Self {
        HashingWriter {
            inner,
            hasher: Sha256::new(),
            bytes: 0,
        }
    }

    /// The SHA-256 (hex) of everything written.
    pub(crate) fn hex_digest(&self) -> String {
        hex(&self.hasher.clone().finalize())
    }
}

impl<W: Write> Write for HashingWriter<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.hasher.update(&buf[..n]);
        self.bytes += n as u64;
        Ok(n)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// SHA-256 and size of a file, streamed (a link at `path` is not followed).
pub fn sha256_file(path: &Path) -> Result<(u64, String)> {
    let f = crate::persistence::files::open_nofollow(path)
        .map_err(|e| PersistenceError::io(path, e))?;
    sha256_reader(f, path)
}

/// SHA-256 and size of everything `r` yields (`path` names it in errors).
pub(crate) fn sha256_reader(mut r: impl Read, path: &Path) -> Result<(u64, String)> {
    let mut h = Sha256::new();
    let mut buf = vec![0u8; 1 << 20];
    let mut size = 0u64;
    loop {
        let n = r
            .read(&mut buf)
            .map_err(|e| PersistenceError::io(path, e))?;
        if n == 0 {
            break;
        }
        h.update(&buf[..n]);
        size += n as u64;
    }
    Ok((size, hex(&h.finalize())))
}

pub(crate) fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

/// Copies `src` (at most `limit` bytes) to a new 0600 file `dst`, hashing on the way, fsynced.
pub(crate) fn copy_hashed(
    src: &Path,
    dst: &Path,
    limit: Option<u64>,
    phase: &str,
    progress: ProgressFn<'_>,
) -> Result<(u64, String)> {
    let f = std::fs::File::open(src).map_err(|e| PersistenceError::io(src, e))?;
    let total = match limit {
        Some(l) => l,
        None => f
            .metadata()
            .map_err(|e| PersistenceError::io(src, e))?
            .len(),
    };
    let mut reader = f.take(limit.unwrap_or(u64::MAX));
    let out = crate::persistence::create_private_file(dst)?;
    let mut w = HashingWriter::new(out);
    let mut buf = vec![0u8; 1 << 20];
    let mut last = Instant::now();
    loop {
        let n = reader
            .read(&mut buf)
            .map_err(|e| PersistenceError::io(src, e))?;
        if n == 0 {
            break;
        }
        w.write_all(&buf[..n])
            .map_err(|e| PersistenceError::io(dst, e))?;
        if last.elapsed() > Duration::from_millis(200) {
            progress(Progress::bytes(phase, w.bytes, Some(total)));
            last = Instant::now();
        }
    }
    w.inner
        .sync_all()
        .map_err(|e| PersistenceError::io(dst, e))?;
    progress(Progress::bytes(phase, w.bytes, Some(total)));
    Ok((w.bytes, w.hex_digest()))
}
