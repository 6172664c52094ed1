//! The connection layer: the only code that builds or holds the redis crate's clients and connections.
//!
//! It speaks to a standalone server, to the master behind Sentinel, or to a Redis Cluster (see
//! [`cluster`]), each over TLS when asked and as an ACL user. Every failure is classified once,
//! in [`error`]. Traffic goes on three *lanes*, each its own socket, so none waits behind another:
//! the shared lane (ordinary commands and pipelines), the blocking lane (`XREAD BLOCK`), and the
//! acknowledged lane, where a write batch and the `WAIT` that follows it travel together (`WAIT`
//! must run on the connection that wrote, and it blocks that connection until the replicas
//! answer, so heartbeats never sit behind it).
//!
//! After a failover the layer follows the master: a reply that says the server is no longer the
//! master (`READONLY`, `MASTERDOWN`), a lost or silent connection, or a `+switch-master`
//! announced by a Sentinel bumps an *epoch*; every lane then asks the topology again on its next
//! call (redis-rs's `ConnectionManager` would keep reconnecting to the old address). Scripts are
//! reloaded on `NOSCRIPT` (the script cache is not replicated), subscriptions are renewed on the
//! new master, and each reconnect is counted by `crate::metrics::redis_reconnected`.

mod cluster;
mod error;
mod pubsub;
mod raw;
mod scripts;
mod sentinel;
mod tls;
pub mod value;

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use redis::aio::MultiplexedConnection;
use redis::cluster_async::ClusterConnection;

pub use cluster::{parse_cluster_nodes, ClusterNode};
pub use error::{Failure, FailureKind, Result, LOADING_WORDS};
pub use raw::{open_raw_stream, RawStream};
/// The vocabulary for building commands: the store and the persistence code write their
/// commands with these and hand them to a [`Connection`].
pub use redis::{cmd, pipe, Cmd, FromRedisValue, Pipeline, Value};
pub use scripts::{ScriptCall, Scripts};
pub use tls::install_crypto_provider;

use crate::config::{Endpoint, RedisTarget, ReplicaAck, SentinelSettings, Topology};

/// Which node of the deployment a connection talks to.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Role {
    /// The master: all tartarus traffic.
    #[default]
    Primary,
    /// A healthy replica (`backup create --from-replica`).
    Replica,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Primary => "master",
            Role::Replica => "replica",
        }
    }
}

/// How a [`Connection`] behaves beyond what the target says.
#[derive(Clone, Copy, Debug, Default)]
pub struct Options {
    pub role: Role,
    /// No response timeout on the shared lane (for commands that take as long as they take,
    /// such as `DEBUG POPULATE` of millions of keys).
    pub unlimited_responses: bool,
}

/// How the layer finds the node it talks to.
enum Kind {
    Standalone(Endpoint),
    Sentinel(SentinelSettings),
    /// Redis Cluster, from these seeds: a `ClusterConnection` per lane instead of a multiplexed
    /// one, with the slot routing done by the redis crate.
    Cluster(Vec<Endpoint>),
}

/// A lane's socket: one node's multiplexed connection, or a cluster connection (which holds one
/// per node and routes each request by its keys' slot).
#[derive(Clone)]
enum Socket {
    Node(MultiplexedConnection),
    Cluster(ClusterConnection),
}

impl redis::aio::ConnectionLike for Socket {
    fn req_packed_command<'a>(&'a mut self, cmd: &'a Cmd) -> redis::RedisFuture<'a, Value> {
        match self {
            Socket::Node(c) => c.req_packed_command(cmd),
            Socket::Cluster(c) => c.req_packed_command(cmd),
        }
    }

    fn req_packed_commands<'a>(
        &'a mut self,
        pipeline: &'a Pipeline,
        offset: usize,
        count: usize,
    ) -> redis::RedisFuture<'a, Vec<Value>> {
        match self {
            Socket::Node(c) => c.req_packed_commands(pipeline, offset, count),
            Socket::Cluster(c) => c.req_packed_commands(pipeline, offset, count),
        }
    }

    fn get_db(&self) -> i64 {
        match self {
            Socket::Node(c) => c.get_db(),
            Socket::Cluster(c) => c.get_db(),
        }
    }
}

/// The three sockets of a connection (see the module documentation).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Lane {
    Shared = 0,
    Blocking = 1,
    Acked = 2,
}

/// One lane's socket, replaced when the epoch moves on.
#[derive(Default)]
struct Slot {
    current: Mutex<Option<Active>>,
    /// Held while (re)connecting, so concurrent callers wait for one attempt.
    connecting: tokio::sync::Mutex<()>,
    /// This lane had a socket that was given up: its next socket is a reconnect.
    lost: AtomicBool,
}

#[derive(Clone)]
struct Active {
    socket: Socket,
    endpoint: Endpoint,
    epoch: u64,
}

struct Inner {
    target: RedisTarget,
    options: Options,
    kind: Kind,
    tls: Option<tls::Material>,
    /// Bumped when the master may have moved: every lane reconnects before its next call.
    epoch: Arc<AtomicU64>,
    lanes: [Slot; 3],
    /// The Sentinel `+switch-master` watcher, stopped with the connection.
    watcher: Mutex<Option<tokio::task::JoinHandle<()>>>,
}

impl Drop for Inner {
    fn drop(&mut self) {
        if let Ok(mut w) = self.watcher.lock() {
            if let Some(task) = w.take() {
                task.abort();
            }
        }
    }
}

/// A connection to the deployment a [`RedisTarget`] describes. Clones share the sockets.
#[derive(Clone)]
pub struct Connection {
    inner: Arc<Inner>,
}

impl Connection {
    /// Connects to the master (within the connect timeout); the credentials are checked here.
    pub async fn connect(target: &RedisTarget) -> Result<Connection> {
        Connection::connect_with(target, Options::default()).await
    }

    /// Connects to the node `options.role` asks for.
    pub async fn connect_with(target: &RedisTarget, options: Options) -> Result<Connection> {
        tls::install_crypto_provider();
        let tls = target
            .tls
            .as_ref()
            .map(tls::Material::new)
            .transpose()
            .map_err(|mut f| {
                f.server = target.display();
                f
            })?;
        let kind = match &target.topology {
            Topology::Standalone(e) => Kind::Standalone(e.clone()),
            Topology::Sentinel(s) => Kind::Sentinel(s.clone()),
            Topology::Cluster(nodes) if options.role == Role::Primary => {
                Kind::Cluster(nodes.clone())
            }
            Topology::Cluster(_) => {
                return Err(Failure::new(
                    FailureKind::Command,
                    target.display(),
                    "reading from a replica is not supported on Redis Cluster: point \
                     REDIS_ADDR at the replica itself",
                ))
            }
        };
        let conn = Connection {
            inner: Arc::new(Inner {
                target: target.clone(),
                options,
                kind,
                tls,
                epoch: Arc::new(AtomicU64::new(0)),
                lanes: Default::default(),
                watcher: Mutex::new(None),
            }),
        };
        conn.lane(Lane::Shared).await?;
        if let Kind::Sentinel(settings) = &conn.inner.kind {
            let task = sentinel::watch_switches(
                target.clone(),
                settings.clone(),
                conn.inner.tls.clone(),
                conn.inner.epoch.clone(),
            );
            if let Ok(mut w) = conn.inner.watcher.lock() {
                *w = Some(task);
            }
        }
        Ok(conn)
    }

    pub fn target(&self) -> &RedisTarget {
        &self.inner.target
    }

    /// The `WAIT` the acknowledged writes get, if any.
    pub fn replica_ack(&self) -> Option<ReplicaAck> {
        self.inner.target.replica_ack
    }

    /// The target, as messages show it (never a password).
    pub fn display(&self) -> String {
        self.inner.target.display()
    }

    /// The node the shared lane talks to now (the master, found again after a failover). On
    /// Cluster, the node that holds slot 0 (ask [`Connection::cluster_masters`] for the others).
    pub async fn endpoint(&self) -> Result<Endpoint> {
        if let Some(masters) = self.cluster_masters().await {
            return masters?
                .into_iter()
                .next()
                .map(|m| m.endpoint)
                .ok_or_else(|| {
                    Failure::new(
                        FailureKind::Unavailable,
                        self.display(),
                        "no cluster master",
                    )
                });
        }
        Ok(self.lane(Lane::Shared).await?.endpoint)
    }

    /// The target and, behind Sentinel, the node, for failures.
    fn describe(&self, endpoint: Option<&Endpoint>) -> String {
        match (&self.inner.kind, endpoint) {
            (Kind::Sentinel(_), Some(e)) => format!(
                "{} ({} at {e})",
                self.display(),
                self.inner.options.role.as_str()
            ),
            _ => self.display(),
        }
    }

    /// The socket of a lane, (re)connecting when there is none for the current epoch.
    async fn lane(&self, lane: Lane) -> Result<Active> {
        let slot = &self.inner.lanes[lane as usize];
        let current = |epoch: u64| -> Option<Active> {
            let guard = slot.current.lock().ok()?;
            guard.as_ref().filter(|a| a.epoch == epoch).cloned()
        };
        if let Some(a) = current(self.inner.epoch.load(Ordering::Acquire)) {
            return Ok(a);
        }
        let _one_at_a_time = slot.connecting.lock().await;
        let epoch = self.inner.epoch.load(Ordering::Acquire);
        if let Some(a) = current(epoch) {
            return Ok(a);
        }
        if let Ok(mut guard) = slot.current.lock() {
            if guard.take().is_some() {
                slot.lost.store(true, Ordering::Release);
            }
        }
        let (socket, endpoint) = self.open(lane).await?;
        let active = Active {
            socket,
            endpoint,
            epoch,
        };
        if let Ok(mut guard) = slot.current.lock() {
            *guard = Some(active.clone());
        }
        if slot.lost.swap(false, Ordering::AcqRel) && lane == Lane::Shared {
            crate::metrics::redis_reconnected();
            tracing::info!(
                "reconnected to Redis: {}",
                self.describe(Some(&active.endpoint))
            );
        }
        Ok(active)
    }

    /// Finds the node for this connection's role and opens a socket to it.
    async fn open(&self, lane: Lane) -> Result<(Socket, Endpoint)> {
        let target = &self.inner.target;
        let response = match lane {
            Lane::Shared if self.inner.options.unlimited_responses => None,
            Lane::Shared | Lane::Blocking => Some(target.command_timeout),
            Lane::Acked => Some(
                target.command_timeout + target.replica_ack.map_or(Duration::ZERO, |a| a.timeout),
            ),
        };
        if let Kind::Cluster(seeds) = &self.inner.kind {
            let socket = cluster::open(
                target,
                seeds,
                self.inner.tls.as_ref(),
                response,
                &self.display(),
            )
            .await?;
            let first = seeds
                .first()
                .cloned()
                .unwrap_or_else(|| Endpoint::new("", 0));
            return Ok((Socket::Cluster(socket), first));
        }
        let endpoint = self.resolve().await?;
        let describe = self.describe(Some(&endpoint));
        let client = self.data_client(&endpoint).map_err(|mut f| {
            f.server = describe.clone();
            f
        })?;
        let socket = open_socket(&client, target, response, &describe).await?;
        if let Kind::Sentinel(s) = &self.inner.kind {
            sentinel::check_role(&socket, self.inner.options.role, &s.master, &describe).await?;
        }
        Ok((Socket::Node(socket), endpoint))
    }

    /// Where the node of this connection's role is now.
    async fn resolve(&self) -> Result<Endpoint> {
        let role = self.inner.options.role;
        match &self.inner.kind {
            Kind::Standalone(e) if role == Role::Primary => Ok(e.clone()),
            Kind::Standalone(master) => {
                let client = self.data_client(master)?;
                let describe = self.display();
                let socket = open_socket(
                    &client,
                    &self.inner.target,
                    Some(self.inner.target.command_timeout),
                    &describe,
                )
                .await?;
                sentinel::replica_of_standalone(socket, master, &describe).await
            }
            Kind::Sentinel(s) => {
                sentinel::resolve(&self.inner.target, s, self.inner.tls.as_ref(), role).await
            }
            Kind::Cluster(seeds) => seeds.first().cloned().ok_or_else(|| {
                Failure::new(
                    FailureKind::Command,
                    self.display(),
                    "no cluster node given",
                )
            }),
        }
    }

    /// A client for one data node, with the target's database, user, password and TLS.
    fn data_client(&self, endpoint: &Endpoint) -> Result<redis::Client> {
        let t = &self.inner.target;
        client_for(
            endpoint,
            self.inner.tls.as_ref(),
            t.db,
            t.username.as_deref(),
            t.password.as_ref().map(|p| p.expose()),
        )
        .map_err(|e| Failure::from_redis(&self.display(), &e))
    }

    /// Gives up the lane's socket (and, when the master may have moved, every lane's) after a
    /// failure that says it is no good any more.
    fn failed(&self, active: &Active, failure: &Failure) {
        if failure.needs_reconnect() {
            // Only the first failure of an epoch moves it on: the other calls that were in flight
            // on the same sockets must not throw away the new ones.
            let _ = self.inner.epoch.compare_exchange(
                active.epoch,
                active.epoch + 1,
                Ordering::AcqRel,
                Ordering::Acquire,
            );
        }
    }

    async fn on_lane<T: FromRedisValue>(&self, lane: Lane, work: Work<'_>) -> Result<T> {
        let active = self.lane(lane).await?;
        let mut socket = active.socket.clone();
        let reply = match work {
            Work::Pipe(p) if p.is_empty() => Ok(Value::Array(Vec::new())),
            Work::Pipe(p) => p.query_async::<Value>(&mut socket).await,
            Work::Cmd(c) => c.query_async::<Value>(&mut socket).await,
        };
        let value = reply.map_err(|e| {
            let f = Failure::from_redis(&self.describe(Some(&active.endpoint)), &e);
            self.failed(&active, &f);
            f
        })?;
        T::from_redis_value(value.clone()).map_err(|e| {
            Failure::new(
                FailureKind::Command,
                self.display(),
                format!("unexpected reply ({e}): {value:?}"),
            )
        })
    }

    /// A pipeline on the shared lane.
    pub async fn query<T: FromRedisValue>(&self, pipe: &Pipeline) -> Result<T> {
        self.on_lane(Lane::Shared, Work::Pipe(pipe)).await
    }

    /// One command on the shared lane.
    pub async fn query_cmd<T: FromRedisValue>(&self, cmd: &Cmd) -> Result<T> {
        self.on_lane(Lane::Shared, Work::Cmd(cmd)).await
    }

    /// One blocking command (`XREAD BLOCK`) on the blocking lane, so it never stalls the others.
    pub async fn query_blocking<T: FromRedisValue>(&self, cmd: &Cmd) -> Result<T> {
        self.on_lane(Lane::Blocking, Work::Cmd(cmd)).await
    }

    /// One command to the first Sentinel that answers (`None` when not on Sentinel).
    pub async fn sentinel_query(&self, cmd: &Cmd) -> Option<Vec<(Endpoint, Result<Value>)>> {
        match &self.inner.kind {
            Kind::Sentinel(s) => {
                Some(sentinel::ask_each(&self.inner.target, s, self.inner.tls.as_ref(), cmd).await)
            }
            Kind::Standalone(_) | Kind::Cluster(_) => None,
        }
    }

    /// The Sentinel settings, when on Sentinel.
    pub fn sentinel_settings(&self) -> Option<&SentinelSettings> {
        match &self.inner.kind {
            Kind::Sentinel(s) => Some(s),
            Kind::Standalone(_) | Kind::Cluster(_) => None,
        }
    }
}

/// What a lane call sends.
enum Work<'a> {
    Pipe(&'a Pipeline),
    Cmd(&'a Cmd),
}

/// The address of `endpoint`, over TLS when `tls` is given (no credentials).
fn node_info(
    endpoint: &Endpoint,
    tls: Option<&tls::Material>,
) -> redis::RedisResult<redis::ConnectionInfo> {
    use redis::IntoConnectionInfo;
    let addr = match tls {
        Some(m) => redis::ConnectionAddr::TcpTls {
            host: endpoint.host.clone(),
            port: endpoint.port,
            insecure: m.insecure,
            tls_params: None,
        },
        None => redis::ConnectionAddr::Tcp(endpoint.host.clone(), endpoint.port),
    };
    addr.into_connection_info()
}

/// A client for `endpoint` with these credentials, over TLS when `tls` is given.
fn client_for(
    endpoint: &Endpoint,
    tls: Option<&tls::Material>,
    db: i64,
    username: Option<&str>,
    password: Option<&str>,
) -> redis::RedisResult<redis::Client> {
    let mut settings = redis::RedisConnectionInfo::default().set_db(db);
    if let Some(user) = username {
        settings = settings.set_username(user);
    }
    if let Some(pass) = password {
        settings = settings.set_password(pass);
    }
    let info = node_info(endpoint, tls)?.set_redis_settings(settings);
    match tls.and_then(|m| m.certificates.as_ref()) {
        Some(certs) => redis::Client::build_with_tls(info, certs.clone()),
        None => redis::Client::open(info),
    }
}

/// Opens a multiplexed socket within the connect timeout (the handshake, AUTH and SELECT
/// included: a server that accepts and then never answers must not hang us).
async fn open_socket(
    client: &redis::Client,
    target: &RedisTarget,
    response_timeout: Option<Duration>,
    describe: &str,
) -> Result<MultiplexedConnection> {
    let config = redis::AsyncConnectionConfig::new()
        .set_connection_timeout(Some(target.connect_timeout))
        .set_response_timeout(response_timeout);
    let guard = target.connect_timeout + Duration::from_millis(200);
    tokio::time::timeout(
        guard,
        client.get_multiplexed_async_connection_with_config(&config),
    )
    .await
    .map_err(|_| {
        Failure::new(
            FailureKind::ConnectTimeout,
            describe,
            format!("no connection within {}ms", guard.as_millis()),
        )
    })?
    .map_err(|e| Failure::from_redis(describe, &e).while_connecting())
}
