//! The metrics endpoint: a small HTTP/1.1 server on a tokio listener answering `GET /metrics`, `/healthz` and `/readyz`, hardened against slow, huge or garbage requests.
//!
//! Each connection carries one request and is closed after the answer. A request head is read
//! within [`READ_TIMEOUT`] and at most [`MAX_HEAD`] bytes; at most [`MAX_CONNECTIONS`] are served
//! at once (more are closed at once). Nothing a client sends can panic or stall the process.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context as _, Result};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Semaphore;
use tokio::task::JoinHandle;

use super::probe::{max_sample_age, run_sampler, Probe, Readiness, SharedReadiness};

/// Largest request head read (request line and headers).
pub const MAX_HEAD: usize = 8 * 1024;
/// Time a client has to send its request head.
pub const READ_TIMEOUT: Duration = Duration::from_secs(5);
/// Time an answer may take to write.
const WRITE_TIMEOUT: Duration = Duration::from_secs(10);
/// Connections served at once.
pub const MAX_CONNECTIONS: usize = 64;

/// A running metrics endpoint and its sampler; both stop when this is dropped.
pub struct MetricsServer {
    addr: SocketAddr,
    readiness: SharedReadiness,
    tasks: Vec<JoinHandle<()>>,
}

impl MetricsServer {
    /// The address actually bound (useful with port 0).
    pub fn local_addr(&self) -> SocketAddr {
        self.addr
    }

    /// The last readiness sample.
    pub fn readiness(&self) -> Readiness {
        self.readiness.lock().map(|r| r.clone()).unwrap_or_default()
    }
}

impl Drop for MetricsServer {
    fn drop(&mut self) {
        for t in &self.tasks {
            t.abort();
        }
    }
}

/// Binds `addr` and serves the metrics and probes of `probe`'s process until the returned
/// server is dropped. Fails only when the address cannot be bound.
pub async fn serve(addr: SocketAddr, probe: Probe) -> Result<MetricsServer> {
    let listener = TcpListener::bind(addr)
        .await
        .with_context(|| format!("--metrics-addr {addr}: cannot listen"))?;
    let local = listener.local_addr().unwrap_or(addr);
    super::mark_started(probe.role);
    let readiness: SharedReadiness = Default::default();
    let max_age = max_sample_age(&probe);
    let sampler = tokio::spawn(run_sampler(probe, readiness.clone()));
    let shared = readiness.clone();
    let server = tokio::spawn(async move {
        let limit = Arc::new(Semaphore::new(MAX_CONNECTIONS));
        loop {
            let (stream, _) = match listener.accept().await {
                Ok(c) => c,
                Err(e) => {
                    // Out of file descriptors and the like: wait a little rather than spin.
                    tracing::warn!("metrics endpoint: accept failed: {e}");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            };
            let Ok(permit) = limit.clone().try_acquire_owned() else {
                drop(stream);
                continue;
            };
            let readiness = shared.clone();
            tokio::spawn(async move {
                handle(stream, &readiness, max_age).await;
                drop(permit);
            });
        }
    });
    tracing::info!("metrics: serving http://{local}/metrics, /healthz and /readyz");
    Ok(MetricsServer {
        addr: local,
        readiness,
        tasks: vec![sampler, server],
    })
}

/// An answer: status line, content type, body.
struct Answer {
    status: &'static str,
    content_type: &'static str,
    body: String,
    allow: bool,
}

fn text(status: &'static str, body: impl Into<String>) -> Answer {
    Answer {
        status,
        content_type: "text/plain; charset=utf-8",
        body: body.into(),
        allow: false,
    }
}

async fn handle(mut stream: TcpStream, readiness: &SharedReadiness, max_age: Duration) {
    let head = match tokio::time::timeout(READ_TIMEOUT, read_head(&mut stream)).await {
        Ok(Ok(head)) => head,
        Ok(Err(answer)) => {
            let _ = write_answer(&mut stream, &answer, true).await;
            return;
        }
        Err(_) => {
            let _ = write_answer(
                &mut stream,
                &text("408 Request Timeout", "timed out\n"),
                true,
            )
            .await;
            return;
        }
    };
    let (answer, with_body) = route(&head, readiness, max_age);
    let _ = write_answer(&mut stream, &answer, with_body).await;
}

/// Reads up to the end of the request head (`\r\n\r\n`, or `\n\n` from lax clients).
async fn read_head(stream: &mut TcpStream) -> Result<Vec<u8>, Answer> {
    let mut buf = Vec::with_capacity(512);
    let mut chunk = [0u8; 1024];
    loop {
        let n = stream
            .read(&mut chunk)
            .await
            .map_err(|_| text("400 Bad Request", "unreadable request\n"))?;
        if n == 0 {
            return Err(text("400 Bad Request", "incomplete request\n"));
        }
        buf.extend_from_slice(&chunk[..n]);
        if find(&buf, b"\r\n\r\n").is_some() || find(&buf, b"\n\n").is_some() {
            return Ok(buf);
        }
        if buf.len() > MAX_HEAD {
            return Err(text(
                "431 Request Header Fields Too Large",
                "request head too large\n",
            ));
        }
    }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Parses the request line and picks the answer; the flag says whether to send the body (not for HEAD).
fn route(head: &[u8], readiness: &SharedReadiness, max_age: Duration) -> (Answer, bool) {
    let bad = || (text("400 Bad Request", "bad request\n"), true);
    let Ok(head) = std::str::from_utf8(head) else {
        return bad();
    };
    let line = head.lines().next().unwrap_or_default();
    let mut parts = line.split(' ');
    let (Some(method), Some(target), Some(version), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return bad();
    };
    if !version.starts_with("HTTP/1.") || !target.starts_with('/') {
        return bad();
    }
    let with_body = match method {
        "GET" => true,
        "HEAD" => false,
        _ => {
            let mut a = text("405 Method Not Allowed", "only GET and HEAD\n");
            a.allow = true;
            return (a, true);
        }
    };
    let path = target.split('?').next().unwrap_or_default();
    let answer = match path {
        "/metrics" => Answer {
            status: "200 OK",
            content_type: super::CONTENT_TYPE,
            body: super::render(),
            allow: false,
        },
        "/healthz" | "/livez" => text("200 OK", "ok\n"),
        "/readyz" => {
            let r = readiness.lock().map(|r| r.clone()).unwrap_or_default();
            match r.answer(max_age) {
                Ok(()) => text("200 OK", "ready\n"),
                Err(reason) => text("503 Service Unavailable", format!("not ready: {reason}\n")),
            }
        }
        "/" => text(
            "200 OK",
            "tartarus metrics: /metrics (Prometheus text), /healthz (alive), /readyz (ready)\n",
        ),
        _ => text("404 Not Found", "not found\n"),
    };
    (answer, with_body)
}

async fn write_answer(stream: &mut TcpStream, a: &Answer, with_body: bool) -> std::io::Result<()> {
    let mut out = format!(
        "HTTP/1.1 {}\r\nContent-Type: {}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n",
        a.status,
        a.content_type,
        a.body.len()
    );
    if a.allow {
        out.push_str("Allow: GET, HEAD\r\n");
    }
    out.push_str("\r\n");
    let write = async {
        stream.write_all(out.as_bytes()).await?;
        if with_body {
            stream.write_all(a.body.as_bytes()).await?;
        }
        stream.flush().await?;
        stream.shutdown().await
    };
    match tokio::time::timeout(WRITE_TIMEOUT, write).await {
        Ok(r) => r,
        Err(_) => Err(std::io::ErrorKind::TimedOut.into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ready() -> SharedReadiness {
        Arc::new(std::sync::Mutex::new(Readiness {
            reasons: Vec::new(),
            sampled_at: Some(std::time::Instant::now()),
        }))
    }

    #[test]
    fn routes_and_refusals() {
        let r = ready();
        let age = Duration::from_secs(10);
        let status = |req: &[u8]| route(req, &r, age).0.status;
        assert_eq!(status(b"GET /healthz HTTP/1.1\r\n\r\n"), "200 OK");
        assert_eq!(status(b"GET /readyz?verbose HTTP/1.0\r\n\r\n"), "200 OK");
        assert_eq!(status(b"GET /nope HTTP/1.1\r\n\r\n"), "404 Not Found");
        assert_eq!(
            status(b"POST /metrics HTTP/1.1\r\n\r\n"),
            "405 Method Not Allowed"
        );
        for garbage in [
            &b"\xff\xfe\r\n\r\n"[..],
            b"GET\r\n\r\n",
            b"GET /metrics\r\n\r\n",
            b"GET metrics HTTP/1.1\r\n\r\n",
            b"GET /metrics SPDY/3 extra\r\n\r\n",
            b"",
        ] {
            assert_eq!(status(garbage), "400 Bad Request", "{garbage:?}");
        }
        let (a, body) = route(b"HEAD /metrics HTTP/1.1\r\n\r\n", &r, age);
        assert!(!body && a.status == "200 OK");
    }

    #[test]
    fn readiness_reasons_and_stale_samples() {
        let r = ready();
        r.lock().unwrap().reasons = vec!["Redis does not answer".into()];
        let (a, _) = route(b"GET /readyz HTTP/1.1\r\n\r\n", &r, Duration::from_secs(10));
        assert_eq!(a.status, "503 Service Unavailable");
        assert!(a.body.contains("Redis does not answer"), "{}", a.body);
        let fresh = Readiness::default();
        assert!(fresh.answer(Duration::from_secs(1)).is_err());
        let old = Readiness {
            reasons: Vec::new(),
            sampled_at: std::time::Instant::now().checked_sub(Duration::from_secs(60)),
        };
        assert!(old.answer(Duration::from_secs(5)).is_err());
    }
}
