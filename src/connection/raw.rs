//! A raw byte stream to the node a connection talks to, plain or TLS with the connection's own settings: for the replication protocol (`SYNC`), which the redis crate cannot speak.

use std::pin::Pin;
use std::task::{Context, Poll};

use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::TcpStream;

use super::error::{Failure, FailureKind, Result};
use super::tls::Material;
use super::Connection;
use crate::config::{Endpoint, RedisTarget};

/// A socket to one node: plain TCP or TLS.
pub enum RawStream {
    Plain(TcpStream),
    Tls(Box<tokio_rustls::client::TlsStream<TcpStream>>),
}

impl AsyncRead for RawStream {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        match self.get_mut() {
            RawStream::Plain(s) => Pin::new(s).poll_read(cx, buf),
            RawStream::Tls(s) => Pin::new(s.as_mut()).poll_read(cx, buf),
        }
    }
}

impl AsyncWrite for RawStream {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<std::io::Result<usize>> {
        match self.get_mut() {
            RawStream::Plain(s) => Pin::new(s).poll_write(cx, buf),
            RawStream::Tls(s) => Pin::new(s.as_mut()).poll_write(cx, buf),
        }
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        match self.get_mut() {
            RawStream::Plain(s) => Pin::new(s).poll_flush(cx),
            RawStream::Tls(s) => Pin::new(s.as_mut()).poll_flush(cx),
        }
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        match self.get_mut() {
            RawStream::Plain(s) => Pin::new(s).poll_shutdown(cx),
            RawStream::Tls(s) => Pin::new(s.as_mut()).poll_shutdown(cx),
        }
    }
}

impl Connection {
    /// A raw stream to the node this connection talks to now (the master, or the replica of
    /// `Role::Replica`), within the connect timeout, TLS included. Authentication is the
    /// caller's: the stream is bare.
    pub async fn raw_stream(&self) -> Result<(RawStream, Endpoint)> {
        let endpoint = self.endpoint().await?;
        let stream = open_raw(
            &endpoint,
            self.inner.tls.as_ref(),
            self.inner.target.connect_timeout,
            &self.describe(Some(&endpoint)),
        )
        .await?;
        Ok((stream, endpoint))
    }
}

/// A raw stream to `endpoint` with the target's TLS settings and connect timeout (no
/// authentication: the caller speaks first).
pub async fn open_raw_stream(target: &RedisTarget, endpoint: &Endpoint) -> Result<RawStream> {
    super::tls::install_crypto_provider();
    let describe = endpoint.to_string();
    let material = target
        .tls
        .as_ref()
        .map(Material::new)
        .transpose()
        .map_err(|mut f| {
            f.server = describe.clone();
            f
        })?;
    open_raw(
        endpoint,
        material.as_ref(),
        target.connect_timeout,
        &describe,
    )
    .await
}

async fn open_raw(
    endpoint: &Endpoint,
    tls: Option<&Material>,
    timeout: std::time::Duration,
    describe: &str,
) -> Result<RawStream> {
    let timed_out = || {
        Failure::new(
            FailureKind::ConnectTimeout,
            describe,
            format!("no connection within {}ms", timeout.as_millis()),
        )
    };
    let unavailable =
        |e: std::io::Error| Failure::from_redis(describe, &redis::RedisError::from(e));
    let tcp = tokio::time::timeout(
        timeout,
        TcpStream::connect((endpoint.host.as_str(), endpoint.port)),
    )
    .await
    .map_err(|_| timed_out())?
    .map_err(unavailable)?;
    let _ = tcp.set_nodelay(true);
    let Some(material) = tls else {
        return Ok(RawStream::Plain(tcp));
    };
    let name = Material::server_name(&endpoint.host)?;
    let connector = tokio_rustls::TlsConnector::from(material.rustls.clone());
    let stream = tokio::time::timeout(timeout, connector.connect(name, tcp))
        .await
        .map_err(|_| timed_out())?
        .map_err(unavailable)?;
    Ok(RawStream::Tls(Box::new(stream)))
}
