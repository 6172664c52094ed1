//! Streams an RDB snapshot from a (possibly remote) server over raw RESP, the way `redis-cli --rdb` does.

use std::io::Write;
use std::path::Path;
use std::time::{Duration, Instant};

use serde::Serialize;
use tokio::io::{AsyncReadExt, AsyncWriteExt, BufReader};

use super::resp::{self, Line};
use super::{PersistenceError, Progress, ProgressFn, Result};
use crate::config::{Endpoint, RedisTarget};
use crate::connection::{open_raw_stream, Connection, RawStream};

/// Size of each chunk handed to the writer thread.
const CHUNK: usize = 4 << 20;
/// Length of the `$EOF:` delimiter.
const MARK_LEN: usize = 40;
/// No byte at all for this long (keepalive newlines count) → give up.
const IDLE_TIMEOUT: Duration = Duration::from_secs(120);

#[derive(Clone, Debug, Serialize)]
pub struct StreamStats {
    pub bytes: u64,
    /// SHA-256 of the file written (hex), when asked for.
    pub sha256: Option<String>,
    pub elapsed_ms: u64,
    /// True when the server used the diskless `$EOF:<mark>` framing.
    pub eof_framing: bool,
}

fn net(target: &RedisTarget, e: std::io::Error) -> PersistenceError {
    PersistenceError::Net {
        target: target.display(),
        error: e,
    }
}

async fn read_byte(r: &mut BufReader<RawStream>, target: &RedisTarget) -> Result<u8> {
    match tokio::time::timeout(IDLE_TIMEOUT, r.read_u8()).await {
        Ok(Ok(b)) => Ok(b),
        Ok(Err(e)) => Err(net(target, e)),
        Err(_) => Err(PersistenceError::Timeout(format!(
            "no data from {} for {:?}",
            target.display(),
            IDLE_TIMEOUT
        ))),
    }
}

/// Reads one reply line (without CRLF), skipping the bare `\n` keepalives the master sends while preparing.
async fn read_line(r: &mut BufReader<RawStream>, target: &RedisTarget) -> Result<Vec<u8>> {
    let mut line = Vec::new();
    loop {
        let b = read_byte(r, target).await?;
        if b == b'\n' {
            if line.is_empty() {
                continue; // keepalive
            }
            if line.last() == Some(&b'\r') {
                line.pop();
            }
            return Ok(line);
        }
        line.push(b);
        if line.len() > 64 * 1024 {
            return Err(PersistenceError::Protocol {
                command: "SYNC".into(),
                detail: "reply line too long".into(),
            });
        }
    }
}

async fn simple_command(
    w: &mut BufReader<RawStream>,
    target: &RedisTarget,
    args: &[&[u8]],
    name: &str,
) -> Result<()> {
    send(w, target, &resp::command(args)).await?;
    let line = read_line(w, target).await?;
    match resp::parse_line(&line) {
        Ok(Line::Error(err)) => Err(PersistenceError::Command {
            command: name.into(),
            reason: String::from_utf8_lossy(err).into_owned(),
        }),
        Ok(_) => Ok(()),
        Err(detail) => Err(PersistenceError::Protocol {
            command: name.into(),
            detail,
        }),
    }
}

/// Writes a whole command and flushes it (TLS keeps records until flushed).
async fn send(w: &mut BufReader<RawStream>, target: &RedisTarget, bytes: &[u8]) -> Result<()> {
    let stream = w.get_mut();
    stream.write_all(bytes).await.map_err(|e| net(target, e))?;
    stream.flush().await.map_err(|e| net(target, e))
}

/// Connects (TLS when the target says so), authenticates, asks for an RDB-only SYNC, and reads
/// its framing: the connection positioned at the payload, the `$EOF:` mark (diskless) or the
/// length (from disk).
async fn start_sync(
    target: &RedisTarget,
    endpoint: &Endpoint,
    progress: ProgressFn<'_>,
) -> Result<(BufReader<RawStream>, Option<Vec<u8>>, Option<u64>)> {
    let stream =
        open_raw_stream(target, endpoint)
            .await
            .map_err(|f| PersistenceError::Connect {
                target: format!("{} ({endpoint})", target.display()),
                reason: f.message,
            })?;
    let mut r = BufReader::with_capacity(64 * 1024, stream);

    if let Some(pw) = &target.password {
        let mut args: Vec<&[u8]> = vec![b"AUTH"];
        if let Some(u) = &target.username {
            args.push(u.as_bytes());
        }
        args.push(pw.expose().as_bytes());
        // The error text from Redis never contains the password.
        simple_command(&mut r, target, &args, "AUTH").await?;
    }
    simple_command(
        &mut r,
        target,
        &[b"REPLCONF", b"capa", b"eof"],
        "REPLCONF capa eof",
    )
    .await?;
    // Older servers (< 7.0) do not know rdb-only: they will stream commands after the RDB, which we ignore.
    let _ = simple_command(
        &mut r,
        target,
        &[b"REPLCONF", b"rdb-only", b"1"],
        "REPLCONF rdb-only",
    )
    .await;
    send(&mut r, target, &resp::command(&[b"SYNC"])).await?;
    progress(Progress::phase("waiting for the server's snapshot"));
    let header = read_line(&mut r, target).await?;
    let (mark, total) = sync_framing(&header)?;
    Ok((r, mark, total))
}

/// Streams the master's RDB into `dest` (created 0600), over TLS when the target uses it.
/// Behind Sentinel, the master is found first.
///
/// With `sha256`, the writer thread hashes the data on the way (about +15% stream time on 2 cores,
/// but cheaper than reading the file again); without it `StreamStats::sha256` is `None`.
pub async fn stream_rdb(
    target: &RedisTarget,
    dest: &Path,
    sha256: bool,
    progress: ProgressFn<'_>,
) -> Result<StreamStats> {
    let endpoint = match target.standalone_endpoint() {
        Some(e) => e.clone(),
        None => {
            let master = async { Connection::connect(target).await?.endpoint().await };
            master.await.map_err(|f| PersistenceError::Connect {
                target: f.server,
                reason: f.message,
            })?
        }
    };
    stream_rdb_from(target, &endpoint, dest, sha256, progress).await
}

/// Streams the RDB of the node at `endpoint` (the master, or a replica) into `dest`.
pub async fn stream_rdb_from(
    target: &RedisTarget,
    endpoint: &Endpoint,
    dest: &Path,
    sha256: bool,
    progress: ProgressFn<'_>,
) -> Result<StreamStats> {
    let start = Instant::now();
    let (mut r, mark, total) = start_sync(target, endpoint, progress).await?;

    // Disk writes happen on a thread so they overlap the network reads. Buffers go back to the
    // reader for reuse: fresh multi-MB allocations would page-fault on every chunk.
    let file = super::create_private_file(dest)?;
    let (tx, mut rx) = tokio::sync::mpsc::channel::<Vec<u8>>(4);
    let (back_tx, back_rx) = std::sync::mpsc::channel::<Vec<u8>>();
    let dest_owned = dest.to_path_buf();
    // The writer also computes the SHA-256 for the backup manifest, saving a second pass over the file.
    let writer = std::thread::spawn(move || -> Result<Option<String>> {
        use sha2::Digest;
        let mut file = file;
        let mut hasher = if sha256 {
            Some(sha2::Sha256::new())
        } else {
            None
        };
        while let Some(chunk) = rx.blocking_recv() {
            file.write_all(&chunk)
                .map_err(|e| PersistenceError::io(&dest_owned, e))?;
            if let Some(h) = hasher.as_mut() {
                h.update(&chunk);
            }
            let _ = back_tx.send(chunk);
        }
        file.sync_all()
            .map_err(|e| PersistenceError::io(&dest_owned, e))?;
        Ok(hasher.map(|h| h.finalize().iter().map(|b| format!("{b:02x}")).collect()))
    });

    let activity = std::sync::atomic::AtomicU64::new(0);
    let result = tokio::select! {
        r = pump(&mut r, target, mark.as_deref(), total, &tx, &back_rx, &activity, progress) => r,
        e = watchdog(&activity, target) => Err(e),
    };
    drop(tx);
    let written = writer
        .join()
        .map_err(|_| PersistenceError::invalid("RDB writer", "thread panicked"))?;
    let bytes = result?;
    let sha256 = written?;
    progress(Progress::bytes("stream rdb", bytes, Some(bytes)));
    Ok(StreamStats {
        bytes,
        sha256,
        elapsed_ms: start.elapsed().as_millis() as u64,
        eof_framing: mark.is_some(),
    })
}

/// The framing of the SYNC reply: `$EOF:<40-byte mark>` (diskless) or `$<length>` (from disk).
/// The length is not capped: the payload is streamed to a file, never allocated whole.
fn sync_framing(header: &[u8]) -> Result<(Option<Vec<u8>>, Option<u64>)> {
    let protocol = |detail: String| PersistenceError::Protocol {
        command: "SYNC".into(),
        detail,
    };
    match resp::parse_line(header) {
        Ok(Line::Error(err)) => Err(PersistenceError::Command {
            command: "SYNC".into(),
            reason: String::from_utf8_lossy(err).into_owned(),
        }),
        Ok(Line::BulkEof(mark)) if mark.len() == MARK_LEN => Ok((Some(mark.to_vec()), None)),
        Ok(Line::BulkEof(_)) => Err(protocol("EOF mark is not 40 bytes".into())),
        Ok(Line::Bulk(n)) => Ok((None, Some(n))),
        Ok(_) => Err(protocol(format!(
            "unexpected reply {:?}",
            String::from_utf8_lossy(header)
        ))),
        Err(e) => Err(protocol(format!(
            "{e} in {:?}",
            String::from_utf8_lossy(header)
        ))),
    }
}

/// Fails when no byte arrived for [`IDLE_TIMEOUT`] (cheaper than a timer per read).
async fn watchdog(
    activity: &std::sync::atomic::AtomicU64,
    target: &RedisTarget,
) -> PersistenceError {
    let mut last = u64::MAX;
    let mut idle = Duration::ZERO;
    let tick = Duration::from_secs(1);
    loop {
        tokio::time::sleep(tick).await;
        let now = activity.load(std::sync::atomic::Ordering::Relaxed);
        if now == last {
            idle += tick;
            if idle >= IDLE_TIMEOUT {
                return PersistenceError::Timeout(format!(
                    "no data from {} for {:?}",
                    target.display(),
                    IDLE_TIMEOUT
                ));
            }
        } else {
            idle = Duration::ZERO;
            last = now;
        }
    }
}

/// Copies the payload to the writer; returns the payload size.
#[allow(clippy::too_many_arguments)]
async fn pump(
    r: &mut BufReader<RawStream>,
    target: &RedisTarget,
    mark: Option<&[u8]>,
    total: Option<u64>,
    tx: &tokio::sync::mpsc::Sender<Vec<u8>>,
    recycled: &std::sync::mpsc::Receiver<Vec<u8>>,
    activity: &std::sync::atomic::AtomicU64,
    progress: ProgressFn<'_>,
) -> Result<u64> {
    let closed = || PersistenceError::invalid("replication stream", "writer stopped (disk error?)");
    let mut buf: Vec<u8> = vec![0u8; CHUNK];
    let mut filled = 0usize;
    let mut sent = 0u64;
    let mut last_report = Instant::now();
    let mut remaining = total.unwrap_or(u64::MAX);
    loop {
        if filled == buf.len() {
            // Hand the chunk over, keeping the last MARK_LEN bytes when looking for the end mark.
            let keep = if mark.is_some() { MARK_LEN } else { 0 };
            let mut next = match recycled.try_recv() {
                Ok(mut b) => {
                    b.resize(CHUNK, 0);
                    b
                }
                Err(_) => vec![0u8; CHUNK],
            };
            next[..keep].copy_from_slice(&buf[filled - keep..filled]);
            buf.truncate(filled - keep);
            sent += buf.len() as u64;
            tx.send(std::mem::replace(&mut buf, next))
                .await
                .map_err(|_| closed())?;
            filled = keep;
            if last_report.elapsed() > Duration::from_millis(200) {
                progress(Progress::bytes("stream rdb", sent, total));
                last_report = Instant::now();
            }
        }
        if remaining == 0 {
            break;
        }
        let want = (buf.len() - filled).min(remaining.min(usize::MAX as u64) as usize);
        let n = r
            .read(&mut buf[filled..filled + want])
            .await
            .map_err(|e| net(target, e))?;
        if n == 0 {
            return Err(PersistenceError::invalid(
                "replication stream",
                format!(
                    "connection closed after {} bytes, before the end of the RDB",
                    sent + filled as u64
                ),
            ));
        }
        activity.fetch_add(n as u64, std::sync::atomic::Ordering::Relaxed);
        filled += n;
        if total.is_some() {
            remaining -= n as u64;
        }
        if let Some(m) = mark {
            if filled >= MARK_LEN && &buf[filled - MARK_LEN..filled] == m {
                filled -= MARK_LEN;
                break;
            }
        }
    }
    buf.truncate(filled);
    sent += buf.len() as u64;
    if !buf.is_empty() {
        tx.send(buf).await.map_err(|_| closed())?;
    }
    Ok(sent)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sync_reply_framing() {
        let mark = [b'a'; MARK_LEN];
        let mut eof = b"$EOF:".to_vec();
        eof.extend_from_slice(&mark);
        assert_eq!(sync_framing(&eof).unwrap(), (Some(mark.to_vec()), None));
        assert_eq!(sync_framing(b"$1234").unwrap(), (None, Some(1234)));
        assert!(sync_framing(b"$EOF:short").is_err());
        assert!(sync_framing(b"-NOPERM no")
            .unwrap_err()
            .to_string()
            .contains("NOPERM"));
        assert!(sync_framing(b"+FULLRESYNC x 0").is_err());
        assert!(sync_framing(b"$x").is_err());
    }
}
