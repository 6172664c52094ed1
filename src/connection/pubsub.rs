//! Subscriptions that outlive their socket: each on a connection of its own to the master of the moment, renewed when lost or when the master moved, until the receiver is dropped.

use std::sync::atomic::Ordering;
use std::time::Duration;

use futures::StreamExt;
use tokio::sync::mpsc;

use super::error::{Failure, FailureKind, Result};
use super::Connection;

impl Connection {
    /// Subscribes to `channel`: its messages' payloads arrive on the receiver. The first
    /// subscription is made before this returns (so a failure shows here); later ones replace
    /// it whenever it is lost, until the receiver is dropped. Messages published while no
    /// subscription stands are missed: readers must not rely on every one arriving.
    pub async fn subscribe(&self, channel: &str) -> Result<mpsc::Receiver<Vec<u8>>> {
        let first = self.open_pubsub(channel).await?;
        let (tx, rx) = mpsc::channel(64);
        let conn = self.clone();
        let channel = channel.to_string();
        tokio::spawn(async move {
            let mut current = Some(first);
            loop {
                if let Some((pubsub, epoch)) = current.take() {
                    if !conn.forward(pubsub, epoch, &tx).await {
                        return;
                    }
                }
                tokio::select! {
                    _ = tx.closed() => return,
                    _ = tokio::time::sleep(Duration::from_secs(1)) => {}
                }
                match conn.open_pubsub(&channel).await {
                    Ok(sub) => {
                        tracing::debug!("subscribed to {channel} again");
                        current = Some(sub);
                    }
                    Err(f) => tracing::debug!("subscribing to {channel} again: {f}"),
                }
            }
        });
        Ok(rx)
    }

    /// A pub/sub socket to the node of this connection's role, subscribed to `channel`, and the
    /// epoch it was opened in.
    async fn open_pubsub(&self, channel: &str) -> Result<(redis::aio::PubSub, u64)> {
        let epoch = self.inner.epoch.load(Ordering::Acquire);
        let endpoint = match &self.inner.kind {
            super::Kind::Cluster(seeds) => self.cluster_pubsub_node(seeds).await?,
            _ => self.resolve().await?,
        };
        let describe = self.describe(Some(&endpoint));
        let client = self.data_client(&endpoint)?;
        let timeout = self.inner.target.connect_timeout;
        let mut pubsub = tokio::time::timeout(timeout, client.get_async_pubsub())
            .await
            .map_err(|_| {
                Failure::new(
                    FailureKind::ConnectTimeout,
                    &describe,
                    format!("no pub/sub connection within {}ms", timeout.as_millis()),
                )
            })?
            .map_err(|e| Failure::from_redis(&describe, &e))?;
        pubsub
            .subscribe(channel)
            .await
            .map_err(|e| Failure::from_redis(&describe, &e))?;
        Ok((pubsub, epoch))
    }

    /// Hands on messages until the subscription ends or the master moved (true: subscribe
    /// again) or the receiver is gone (false: stop).
    async fn forward(
        &self,
        pubsub: redis::aio::PubSub,
        epoch: u64,
        tx: &mpsc::Sender<Vec<u8>>,
    ) -> bool {
        let mut messages = pubsub.into_on_message();
        let mut tick = tokio::time::interval(Duration::from_secs(1));
        loop {
            tokio::select! {
                msg = messages.next() => match msg {
                    Some(m) => {
                        if tx.send(m.get_payload_bytes().to_vec()).await.is_err() {
                            return false;
                        }
                    }
                    None => return true,
                },
                _ = tick.tick() => {
                    if self.inner.epoch.load(Ordering::Acquire) != epoch {
                        return true;
                    }
                }
                _ = tx.closed() => return false,
            }
        }
    }
}
