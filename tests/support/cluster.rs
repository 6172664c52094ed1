//! A real Redis Cluster for tests: `redis-server --cluster-enabled yes` × (masters × (1 +
//! replicas)), each in its own folder, joined by `redis-cli --cluster create`, killed on drop.
//!
//! The cluster bus listens on port + 10000, so ports come from 10000–22767 (a port from bind(0)
//! is often above 55535), each chosen with both it and its bus port free. Both stay below Linux's
//! ephemeral range (32768 and up), so no outgoing connection takes one while a node is down.

use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};
use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// One node of the cluster.
pub struct ClusterNode {
    pub port: u16,
    pub dir: PathBuf,
    /// `requirepass` and `masterauth` of every node, when the cluster has one.
    pub password: Option<String>,
    child: Option<Child>,
}

impl ClusterNode {
    pub fn addr(&self) -> String {
        format!("127.0.0.1:{}", self.port)
    }

    /// `redis://[:password@]127.0.0.1:PORT/`.
    pub fn url(&self) -> String {
        match &self.password {
            Some(p) => format!("redis://:{p}@127.0.0.1:{}/", self.port),
            None => format!("redis://127.0.0.1:{}/", self.port),
        }
    }

    pub fn conn(&self) -> redis::Connection {
        redis::Client::open(self.url())
            .and_then(|c| c.get_connection())
            .unwrap_or_else(|e| panic!("connect to cluster node {}: {e}", self.port))
    }

    fn args(&self) -> Vec<String> {
        // The password in a 0600 config file (the first argument), never on the command line.
        let mut auth = Vec::new();
        if let Some(p) = &self.password {
            auth.push(super::auth_config(
                &self.dir,
                &format!("requirepass {p}\nmasterauth {p}\n"),
            ));
        }
        let (port, dir) = (self.port.to_string(), self.dir.display().to_string());
        let log = self.dir.join("redis.log").display().to_string();
        let rest = [
            "--port",
            &port,
            "--bind",
            "127.0.0.1",
            "--dir",
            &dir,
            "--cluster-enabled",
            "yes",
            "--cluster-config-file",
            "nodes.conf",
            "--cluster-node-timeout",
            "3000",
            "--appendonly",
            "yes",
            "--appendfsync",
            "everysec",
            "--save",
            "",
            "--daemonize",
            "no",
            "--logfile",
            &log,
        ];
        auth.into_iter()
            .chain(rest.iter().map(|s| s.to_string()))
            .collect()
    }

    /// Starts the process; false when it died at once (its port was taken meanwhile).
    fn spawn(&mut self) -> bool {
        let child = Command::new(super::redis_server_binary())
            .args(self.args())
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn redis-server");
        self.child = Some(child);
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline {
            if let Some(Ok(Some(_))) = self.child.as_mut().map(|c| c.try_wait()) {
                self.child = None;
                return false;
            }
            let ok = redis::Client::open(self.url())
                .and_then(|c| c.get_connection())
                .and_then(|mut c| redis::cmd("PING").query::<String>(&mut c))
                .is_ok();
            if ok {
                return true;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("cluster node {} did not answer within 20s", self.port);
    }

    /// Starts the node again after [`ClusterNode::kill9`], on its port and folder (its
    /// nodes.conf brings it back into the cluster).
    pub fn restart(&mut self) {
        // A few tries: the old process's sockets may take a moment to go.
        for _ in 0..10 {
            if self.spawn() {
                return;
            }
            std::thread::sleep(Duration::from_millis(200));
        }
        panic!("cluster node {} did not restart", self.port);
    }

    /// `kill -9`.
    pub fn kill9(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    pub fn pid(&self) -> Option<u32> {
        self.child.as_ref().map(|c| c.id())
    }

    /// `used_cpu_sys + used_cpu_user` from `INFO cpu`, in seconds.
    pub fn cpu_seconds(&self) -> f64 {
        let info: String = redis::cmd("INFO")
            .arg("cpu")
            .query(&mut self.conn())
            .unwrap();
        info.lines()
            .filter_map(|l| {
                l.strip_prefix("used_cpu_sys:")
                    .or_else(|| l.strip_prefix("used_cpu_user:"))
            })
            .filter_map(|v| v.trim().parse::<f64>().ok())
            .sum()
    }
}

impl Drop for ClusterNode {
    fn drop(&mut self) {
        self.kill9();
    }
}

/// One line of `CLUSTER NODES`.
#[derive(Clone, Debug)]
pub struct NodeInfo {
    pub port: u16,
    /// `master` or `replica`.
    pub role: String,
    /// A replica's master.
    pub master: Option<u16>,
    /// A master's slot ranges.
    pub slots: Vec<(u16, u16)>,
}

/// A running cluster; every node is killed when it is dropped.
pub struct RedisCluster {
    pub nodes: Vec<ClusterNode>,
    _dir: tempfile::TempDir,
}

fn random_port() -> u16 {
    let mut h = RandomState::new().build_hasher();
    h.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0),
    );
    10_000 + (h.finish() % 12_768) as u16
}

/// A port in 10000–22767 whose cluster bus port (+10000) is free too.
fn free_cluster_port(taken: &[u16]) -> u16 {
    for _ in 0..1000 {
        let port = random_port();
        if taken
            .iter()
            .any(|t| *t == port || *t + 10_000 == port || port + 10_000 == *t)
        {
            continue;
        }
        let a = TcpListener::bind(("127.0.0.1", port));
        let b = TcpListener::bind(("127.0.0.1", port + 10_000));
        if a.is_ok() && b.is_ok() {
            return port;
        }
    }
    panic!("no free port pair in 10000-22767");
}

impl RedisCluster {
    /// `masters` masters, each with `replicas` replicas, all slots assigned, `cluster_state:ok`
    /// everywhere and every replica in sync.
    pub fn start(masters: usize, replicas: usize) -> RedisCluster {
        RedisCluster::start_with(masters, replicas, None)
    }

    /// [`RedisCluster::start`] with `requirepass` and `masterauth` set to `password` on every node.
    pub fn start_with(masters: usize, replicas: usize, password: Option<&str>) -> RedisCluster {
        let dir = tempfile::Builder::new()
            .prefix("tartarus-cluster-")
            .tempdir()
            .expect("tempdir");
        let mut nodes: Vec<ClusterNode> = Vec::new();
        for i in 0..masters * (1 + replicas) {
            let node_dir = dir.path().join(format!("node{i}"));
            std::fs::create_dir_all(&node_dir).expect("node dir");
            let mut started = None;
            for _ in 0..10 {
                let taken: Vec<u16> = nodes.iter().map(|n| n.port).collect();
                let mut node = ClusterNode {
                    port: free_cluster_port(&taken),
                    dir: node_dir.clone(),
                    password: password.map(str::to_string),
                    child: None,
                };
                if node.spawn() {
                    started = Some(node);
                    break;
                }
            }
            nodes.push(started.expect("a cluster node could not start on 10 port pairs"));
        }
        let mut create = Command::new("redis-cli");
        if let Some(p) = password {
            // In the environment, not the arguments.
            create.env("REDISCLI_AUTH", p);
        }
        create.arg("--cluster").arg("create");
        for n in &nodes {
            create.arg(n.addr());
        }
        let out = create
            .args(["--cluster-replicas", &replicas.to_string(), "--cluster-yes"])
            .output()
            .expect("run redis-cli --cluster create");
        assert!(
            out.status.success(),
            "redis-cli --cluster create failed: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        let cluster = RedisCluster { nodes, _dir: dir };
        cluster.wait_healthy(masters, masters * replicas, Duration::from_secs(60));
        cluster
    }

    /// The connection layer's target for this cluster (every node a seed).
    pub fn target(&self) -> tartarus::config::RedisTarget {
        let mut t = tartarus::config::RedisTarget::cluster(
            self.nodes
                .iter()
                .map(|n| tartarus::config::Endpoint::new("127.0.0.1", n.port))
                .collect(),
        );
        t.password = self
            .nodes
            .first()
            .and_then(|n| n.password.clone())
            .map(tartarus::config::Secret);
        t
    }

    /// `tartarus` pointed at this cluster, in `cell`.
    pub fn tartarus(&self, cell: &str) -> assert_cmd::Command {
        let mut cmd = super::tartarus();
        cmd.env("REDIS_CLUSTER_ADDRS", self.addrs())
            .env("TARTARUS_CELL", cell);
        if let Some(p) = self.nodes.first().and_then(|n| n.password.as_ref()) {
            cmd.env("REDIS_PASSWORD", p);
        }
        cmd
    }

    /// `127.0.0.1:P1,127.0.0.1:P2,…` (every node), as `REDIS_CLUSTER_ADDRS` takes it.
    pub fn addrs(&self) -> String {
        self.nodes
            .iter()
            .map(|n| n.addr())
            .collect::<Vec<_>>()
            .join(",")
    }

    pub fn node(&self, port: u16) -> &ClusterNode {
        self.nodes
            .iter()
            .find(|n| n.port == port)
            .unwrap_or_else(|| panic!("no node on port {port}"))
    }

    pub fn node_mut(&mut self, port: u16) -> &mut ClusterNode {
        self.nodes
            .iter_mut()
            .find(|n| n.port == port)
            .unwrap_or_else(|| panic!("no node on port {port}"))
    }

    /// A live node's connection (the first that answers).
    pub fn any_conn(&self) -> redis::Connection {
        for n in &self.nodes {
            if n.child.is_some() {
                if let Ok(c) = redis::Client::open(n.url()).and_then(|c| c.get_connection()) {
                    return c;
                }
            }
        }
        panic!("no cluster node answers");
    }

    /// `CLUSTER NODES`, one entry per node.
    pub fn topology(&self) -> Vec<NodeInfo> {
        let text: String = redis::cmd("CLUSTER")
            .arg("NODES")
            .query(&mut self.any_conn())
            .unwrap();
        let lines: Vec<Vec<String>> = text
            .lines()
            .map(|l| l.split_whitespace().map(str::to_string).collect())
            .filter(|f: &Vec<String>| f.len() >= 8)
            .collect();
        let port_of = |addr: &str| -> u16 {
            addr.split('@')
                .next()
                .and_then(|a| a.rsplit(':').next())
                .and_then(|p| p.parse().ok())
                .unwrap_or(0)
        };
        let id_port: Vec<(String, u16)> = lines
            .iter()
            .map(|f| (f[0].clone(), port_of(&f[1])))
            .collect();
        lines
            .iter()
            .map(|f| {
                let role = if f[2].contains("master") {
                    "master"
                } else {
                    "replica"
                };
                let master = id_port.iter().find(|(id, _)| *id == f[3]).map(|(_, p)| *p);
                let slots = f[8..]
                    .iter()
                    .filter(|s| !s.starts_with('['))
                    .filter_map(|s| match s.split_once('-') {
                        Some((a, b)) => Some((a.parse().ok()?, b.parse().ok()?)),
                        None => s.parse().ok().map(|x| (x, x)),
                    })
                    .collect();
                NodeInfo {
                    port: port_of(&f[1]),
                    role: role.to_string(),
                    master,
                    slots,
                }
            })
            .collect()
    }

    /// The ports of the masters, in slot order.
    pub fn masters(&self) -> Vec<u16> {
        let mut m: Vec<(u16, u16)> = self
            .topology()
            .into_iter()
            .filter(|n| n.role == "master" && !n.slots.is_empty())
            .map(|n| (n.slots[0].0, n.port))
            .collect();
        m.sort();
        m.into_iter().map(|(_, p)| p).collect()
    }

    /// The master that holds a slot.
    pub fn master_of_slot(&self, slot: u16) -> u16 {
        self.topology()
            .into_iter()
            .find(|n| n.role == "master" && n.slots.iter().any(|(a, b)| (*a..=*b).contains(&slot)))
            .map(|n| n.port)
            .unwrap_or_else(|| panic!("no master holds slot {slot}"))
    }

    /// A replica of this master.
    pub fn replica_of(&self, master: u16) -> u16 {
        self.topology()
            .into_iter()
            .find(|n| n.role == "replica" && n.master == Some(master))
            .map(|n| n.port)
            .unwrap_or_else(|| panic!("master {master} has no replica"))
    }

    /// `CLUSTER KEYSLOT` of a key, asked of the server.
    pub fn keyslot(&self, key: &str) -> u16 {
        redis::cmd("CLUSTER")
            .arg("KEYSLOT")
            .arg(key)
            .query(&mut self.any_conn())
            .unwrap()
    }

    /// `n` cell names whose hash tags land on `n` different masters (`cellN-…`, slots asked of
    /// the server with CLUSTER KEYSLOT).
    pub fn cells_on_distinct_masters(&self, n: usize) -> Vec<(String, u16)> {
        let mut out: Vec<(String, u16)> = Vec::new();
        for i in 0..10_000 {
            let name = format!("cell{i}");
            let master = self.master_of_slot(self.keyslot(&format!("{{{name}}}")));
            if out.iter().all(|(_, m)| *m != master) {
                out.push((name, master));
                if out.len() == n {
                    return out;
                }
            }
        }
        panic!("could not place {n} cells on distinct masters");
    }

    /// Waits for `cluster_state:ok` on every live node, all masters with slots, and every replica
    /// linked to its master.
    pub fn wait_healthy(&self, masters: usize, replicas: usize, within: Duration) {
        let deadline = Instant::now() + within;
        loop {
            let ok = self.nodes.iter().filter(|n| n.child.is_some()).all(|n| {
                redis::Client::open(n.url())
                    .and_then(|c| c.get_connection())
                    .and_then(|mut c| {
                        let info: String = redis::cmd("CLUSTER").arg("INFO").query(&mut c)?;
                        let repl: String = redis::cmd("INFO").arg("replication").query(&mut c)?;
                        Ok(info.contains("cluster_state:ok")
                            && (repl.contains("role:master")
                                || repl.contains("master_link_status:up")))
                    })
                    .unwrap_or(false)
            });
            let shape = ok && {
                let t = self.topology();
                t.iter()
                    .filter(|n| n.role == "master" && !n.slots.is_empty())
                    .count()
                    == masters
                    && t.iter().filter(|n| n.role == "replica").count() >= replicas
            };
            if shape {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "the cluster did not become healthy: {:?}",
                self.topology()
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// `CLUSTER FAILOVER` on a replica of `master`; returns once the replica is a master (its old
    /// master a replica). Returns the new master's port.
    pub fn failover(&self, master: u16) -> u16 {
        let replica = self.replica_of(master);
        let _: () = redis::cmd("CLUSTER")
            .arg("FAILOVER")
            .query(&mut self.node(replica).conn())
            .unwrap();
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let role: String = redis::cmd("INFO")
                .arg("replication")
                .query(&mut self.node(replica).conn())
                .unwrap();
            if role.contains("role:master") && self.masters().contains(&replica) {
                return replica;
            }
            assert!(
                Instant::now() < deadline,
                "failover of {master} did not complete"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

/// A tartarus process (scheduler, agent) on a cluster cell, its stderr kept. Killed on drop.
pub struct ClusterProc {
    child: Child,
    lines: std::sync::Arc<std::sync::Mutex<Vec<String>>>,
}

impl Drop for ClusterProc {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl ClusterProc {
    /// `tartarus ARGS` with `REDIS_CLUSTER_ADDRS` and `TARTARUS_CELL`, and `extra` variables.
    pub fn spawn(
        cluster: &RedisCluster,
        cell: &str,
        extra: &[(&str, &str)],
        args: &[&str],
    ) -> ClusterProc {
        use std::io::{BufRead, BufReader};
        let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("tartarus"));
        cmd.env_remove("REDIS_ADDR")
            .env_remove("REDIS_SENTINEL_ADDRS")
            .env_remove("HADES_LABEL")
            .env("REDIS_CLUSTER_ADDRS", cluster.addrs())
            .env("TARTARUS_CELL", cell)
            .env("NO_COLOR", "1");
        for (k, v) in extra {
            cmd.env(k, v);
        }
        let mut child = cmd
            .args(["--redis-timeout", "3s", "--redis-connect-timeout", "2s"])
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn tartarus");
        let lines = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let sink = lines.clone();
        let stderr = child.stderr.take().expect("stderr");
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                sink.lock().unwrap().push(line);
            }
        });
        ClusterProc { child, lines }
    }

    /// A scheduler and an agent (its work and log folders under `dir`, which must be 0711).
    pub fn control_plane(
        cluster: &RedisCluster,
        cell: &str,
        extra: &[(&str, &str)],
        dir: &std::path::Path,
    ) -> (ClusterProc, ClusterProc) {
        let scheduler = ClusterProc::spawn(cluster, cell, extra, &["scheduler", "run"]);
        let (work, logs) = (
            dir.join(format!("work-{cell}")),
            dir.join(format!("logs-{cell}")),
        );
        let name = format!("agent-{cell}");
        let agent = ClusterProc::spawn(
            cluster,
            cell,
            extra,
            &[
                "agent",
                "run",
                "--name",
                &name,
                "--poll",
                "50ms",
                "--ttl",
                "20s",
                "--work-dir",
                work.to_str().unwrap(),
                "--log-dir",
                logs.to_str().unwrap(),
            ],
        );
        (scheduler, agent)
    }

    pub fn log(&self) -> String {
        self.lines.lock().unwrap().join("\n")
    }

    pub fn assert_running(&mut self, what: &str) {
        if let Ok(Some(status)) = self.child.try_wait() {
            panic!("{what} exited ({status}):\n{}", self.log());
        }
    }
}
