//! Output collection: stdout and stderr are read concurrently into one bounded tail ring and a capped log file.
//!
//! Memory stays bounded whatever the sandbox prints: each pipe is read in [`READ_CHUNK`]-byte chunks
//! into a channel of [`CHANNEL_CHUNKS`] slots, and a single collector keeps only the last
//! `tail_bytes` in a ring and streams the rest to the log file until `log_max_bytes`, after which
//! output is still drained (so the sandbox never blocks on a full pipe) but dropped. Peak memory is
//! about `tail_bytes + (CHANNEL_CHUNKS + 2) * READ_CHUNK` (≈ 1.1 MiB + tail) per run.

use std::path::PathBuf;

use tokio::io::{AsyncRead, AsyncReadExt, AsyncWriteExt};
use tokio::sync::mpsc;

/// Bytes read from a pipe at a time.
pub const READ_CHUNK: usize = 64 << 10;
/// Chunks that may wait between the pipe readers and the collector.
pub const CHANNEL_CHUNKS: usize = 16;
/// Start of the line appended to a log file once its cap is reached.
pub const TRUNCATION_MARKER_PREFIX: &str = "[tartarus: log capped at ";
/// How many leading output bytes are kept to recognise bwrap's own exec failure message.
const HEAD_BYTES: usize = 256;

/// The marker line appended (once) to a log file whose output went past `cap` bytes.
pub fn truncation_marker(cap: u64) -> String {
    format!("\n{TRUNCATION_MARKER_PREFIX}{cap} bytes; further output dropped]\n")
}

/// A fixed-size ring that keeps the last `cap` bytes pushed into it.
#[derive(Debug)]
pub struct TailRing {
    buf: Vec<u8>,
    end: usize,
    len: usize,
}

impl TailRing {
    pub fn new(cap: usize) -> TailRing {
        TailRing {
            buf: vec![0; cap],
            end: 0,
            len: 0,
        }
    }

    pub fn push(&mut self, data: &[u8]) {
        let cap = self.buf.len();
        if cap == 0 || data.is_empty() {
            return;
        }
        let data = if data.len() > cap {
            &data[data.len() - cap..]
        } else {
            data
        };
        let n = data.len();
        let first = n.min(cap - self.end);
        self.buf[self.end..self.end + first].copy_from_slice(&data[..first]);
        self.buf[..n - first].copy_from_slice(&data[first..]);
        self.end = (self.end + n) % cap;
        self.len = (self.len + n).min(cap);
    }

    /// The kept bytes, oldest first.
    pub fn bytes(&self) -> Vec<u8> {
        if self.len < self.buf.len() {
            // Never wrapped: the data starts at 0 and ends at `end`.
            return self.buf[..self.len].to_vec();
        }
        let mut out = Vec::with_capacity(self.len);
        out.extend_from_slice(&self.buf[self.end..]);
        out.extend_from_slice(&self.buf[..self.end]);
        out
    }

    /// The kept bytes as UTF-8 (lossy). When older output was discarded, leading UTF-8 continuation
    /// bytes (at most 3) are skipped so the text starts at a character boundary.
    pub fn to_string_lossy(&self, truncated: bool) -> String {
        let bytes = self.bytes();
        let mut start = 0;
        if truncated {
            while start < bytes.len().min(3) && (bytes[start] & 0xC0) == 0x80 {
                start += 1;
            }
        }
        String::from_utf8_lossy(&bytes[start..]).into_owned()
    }
}

/// What the collector saw, handed back when output ends.
#[derive(Debug)]
pub(crate) struct Collected {
    pub tail: String,
    pub head: Vec<u8>,
    pub bytes_total: u64,
    pub bytes_dropped: u64,
    pub warnings: Vec<String>,
}

/// Owns the tail ring and the capped log file.
pub(crate) struct Collector {
    tail: TailRing,
    head: Vec<u8>,
    file: Option<tokio::fs::File>,
    path: PathBuf,
    cap: u64,
    written: u64,
    dropped: u64,
    total: u64,
    marker_written: bool,
    warnings: Vec<String>,
}

impl Collector {
    pub fn new(tail_bytes: usize, file: tokio::fs::File, path: PathBuf, cap: u64) -> Collector {
        Collector {
            tail: TailRing::new(tail_bytes),
            head: Vec::new(),
            file: Some(file),
            path,
            cap,
            written: 0,
            dropped: 0,
            total: 0,
            marker_written: false,
            warnings: Vec::new(),
        }
    }

    pub async fn accept(&mut self, chunk: &[u8]) {
        let n = chunk.len() as u64;
        self.total += n;
        if self.head.len() < HEAD_BYTES {
            let take = (HEAD_BYTES - self.head.len()).min(chunk.len());
            self.head.extend_from_slice(&chunk[..take]);
        }
        self.tail.push(chunk);
        let Some(file) = self.file.as_mut() else {
            self.dropped += n;
            return;
        };
        let take = self.cap.saturating_sub(self.written).min(n);
        if take > 0 {
            // `take` ≤ chunk.len(), so the cast cannot truncate.
            if let Err(e) = file.write_all(&chunk[..take as usize]).await {
                self.warnings.push(format!(
                    "log {}: write failed, further output not logged: {e}",
                    self.path.display()
                ));
                self.file = None;
                self.dropped += n;
                return;
            }
            self.written += take;
        }
        if take < n {
            self.dropped += n - take;
            if !self.marker_written {
                self.marker_written = true;
                if let Err(e) = file.write_all(truncation_marker(self.cap).as_bytes()).await {
                    self.warnings.push(format!(
                        "log {}: writing the cap marker failed: {e}",
                        self.path.display()
                    ));
                }
            }
        }
    }

    pub async fn finish(mut self) -> Collected {
        if let Some(mut file) = self.file.take() {
            if let Err(e) = file.flush().await {
                self.warnings
                    .push(format!("log {}: flush failed: {e}", self.path.display()));
            }
        }
        let truncated = self.total > self.tail.bytes().len() as u64;
        Collected {
            tail: self.tail.to_string_lossy(truncated),
            head: self.head,
            bytes_total: self.total,
            bytes_dropped: self.dropped,
            warnings: self.warnings,
        }
    }
}

/// Reads `reader` to end-of-file in bounded chunks, sending each to the collector.
pub(crate) async fn pump<R: AsyncRead + Unpin>(
    mut reader: R,
    tx: mpsc::Sender<Vec<u8>>,
) -> std::io::Result<()> {
    loop {
        // Allocated, not zeroed: most sandboxes print little or nothing.
        let mut buf = Vec::with_capacity(READ_CHUNK);
        let n = reader.read_buf(&mut buf).await?;
        if n == 0 {
            return Ok(());
        }
        if tx.send(buf).await.is_err() {
            return Ok(());
        }
    }
}

/// Runs the collector until every sender is gone.
pub(crate) async fn collect(mut col: Collector, mut rx: mpsc::Receiver<Vec<u8>>) -> Collected {
    while let Some(chunk) = rx.recv().await {
        col.accept(&chunk).await;
    }
    col.finish().await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ring_keeps_the_last_bytes() {
        let mut r = TailRing::new(5);
        r.push(b"ab");
        assert_eq!(r.bytes(), b"ab");
        r.push(b"cde");
        assert_eq!(r.bytes(), b"abcde");
        r.push(b"fg");
        assert_eq!(r.bytes(), b"cdefg");
        r.push(b"0123456789");
        assert_eq!(r.bytes(), b"56789");
        r.push(b"x");
        assert_eq!(r.bytes(), b"6789x");
    }

    #[test]
    fn ring_cuts_at_a_char_boundary() {
        let mut r = TailRing::new(4);
        r.push("aé€".as_bytes()); // 1 + 2 + 3 bytes; the last 4 are é's 2nd byte + €
        assert_eq!(r.to_string_lossy(true), "€");
        let mut r = TailRing::new(0);
        r.push(b"abc");
        assert_eq!(r.to_string_lossy(true), "");
    }
}
