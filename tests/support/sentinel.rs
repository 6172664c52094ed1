//! A Sentinel deployment for failover tests: one master and one or more replicas (AOF on, `min-replicas-to-write 1`), watched by three Sentinels (`redis-server FILE --sentinel`) with writable config files, all on free loopback ports.

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use super::{RedisServer, ServerOptions};

/// The master name the Sentinels monitor.
pub const MASTER: &str = "mymaster";

/// One `redis-sentinel` process. Killed on drop.
pub struct Sentinel {
    pub port: u16,
    pub dir: tempfile::TempDir,
    child: Child,
}

impl Drop for Sentinel {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Sentinel {
    fn start(master_port: u16, password: Option<&str>) -> Sentinel {
        for _ in 0..5 {
            let dir = tempfile::Builder::new()
                .prefix("tartarus-sentinel-")
                .tempdir()
                .expect("tempdir");
            let port = super::free_port();
            let mut conf = format!(
                "port {port}\nbind 127.0.0.1\ndir {}\nlogfile {}\n\
                 sentinel monitor {MASTER} 127.0.0.1 {master_port} 2\n\
                 sentinel down-after-milliseconds {MASTER} 2000\n\
                 sentinel failover-timeout {MASTER} 10000\n\
                 sentinel parallel-syncs {MASTER} 1\n",
                dir.path().display(),
                dir.path().join("sentinel.log").display()
            );
            if let Some(p) = password {
                // The Sentinels' own password; they use it with each other too.
                conf.push_str(&format!("requirepass {p}\nsentinel sentinel-pass {p}\n"));
            }
            let file = dir.path().join("sentinel.conf");
            std::fs::write(&file, conf).expect("write sentinel.conf");
            // `redis-server FILE --sentinel` is what the redis-sentinel package's binary runs.
            let child = Command::new(super::redis_server_binary())
                .arg(&file)
                .arg("--sentinel")
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .expect("spawn redis-server --sentinel");
            let mut s = Sentinel { port, dir, child };
            let deadline = Instant::now() + Duration::from_secs(10);
            while Instant::now() < deadline {
                if let Ok(Some(_)) = s.child.try_wait() {
                    break;
                }
                if s.ask(password, &["PING"]).is_some() {
                    return s;
                }
                std::thread::sleep(Duration::from_millis(50));
            }
        }
        panic!("could not start redis-sentinel after 5 tries");
    }

    /// One command to this Sentinel; its reply as text, `None` when it could not be asked.
    pub fn ask(&self, password: Option<&str>, args: &[&str]) -> Option<String> {
        let mut cmd = Command::new("redis-cli");
        cmd.args(["-h", "127.0.0.1", "-p", &self.port.to_string()]);
        if let Some(p) = password {
            cmd.env("REDISCLI_AUTH", p);
        }
        let out = cmd.args(args).output().ok()?;
        let text = String::from_utf8_lossy(&out.stdout).trim().to_string();
        (out.status.success() && !text.is_empty() && !text.contains("Connection refused"))
            .then_some(text)
    }

    pub fn log(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("sentinel.log")).unwrap_or_default()
    }
}

/// Master, replicas and Sentinels. `nodes[0]` is the master at the start.
pub struct SentinelSet {
    pub nodes: Vec<RedisServer>,
    pub sentinels: Vec<Sentinel>,
    pub password: Option<String>,
}

fn data_node() -> RedisServer {
    RedisServer::start_with(
        ServerOptions::aof("everysec")
            .with("min-replicas-to-write", "1")
            .with("min-replicas-max-lag", "10")
            .with("repl-diskless-sync", "yes")
            .with("repl-diskless-sync-delay", "0"),
    )
}

impl SentinelSet {
    /// One master, `replicas` replicas in sync, three Sentinels agreeing on a quorum.
    pub fn start(replicas: usize) -> SentinelSet {
        SentinelSet::start_with(replicas, None)
    }

    /// With `password`, the Sentinels require it (`requirepass`).
    pub fn start_with(replicas: usize, password: Option<&str>) -> SentinelSet {
        let master = data_node();
        let mut nodes = vec![master];
        for _ in 0..replicas {
            let replica = data_node();
            let mut c = replica.conn();
            let _: () = redis::cmd("REPLICAOF")
                .arg("127.0.0.1")
                .arg(nodes[0].port)
                .query(&mut c)
                .expect("REPLICAOF");
            nodes.push(replica);
        }
        let set = SentinelSet {
            sentinels: (0..3)
                .map(|_| Sentinel::start(nodes[0].port, password))
                .collect(),
            nodes,
            password: password.map(str::to_string),
        };
        set.wait_until(
            Duration::from_secs(30),
            "replicas in sync and a quorum",
            || set.online_replicas(set.nodes[0].port) == replicas && set.quorum_ok(),
        );
        set
    }

    /// `REDIS_SENTINEL_ADDRS`.
    pub fn addrs(&self) -> String {
        self.sentinels
            .iter()
            .map(|s| format!("127.0.0.1:{}", s.port))
            .collect::<Vec<_>>()
            .join(",")
    }

    /// The master's port as the Sentinels name it now (the first one that answers).
    pub fn master_port(&self) -> Option<u16> {
        self.sentinels.iter().find_map(|s| {
            let reply = s.ask(
                self.password.as_deref(),
                &["SENTINEL", "GET-MASTER-ADDR-BY-NAME", MASTER],
            )?;
            reply.lines().nth(1)?.trim().parse().ok()
        })
    }

    /// The data node on `port`.
    pub fn node(&self, port: u16) -> &RedisServer {
        self.nodes
            .iter()
            .find(|n| n.port == port)
            .unwrap_or_else(|| panic!("no data node on port {port}"))
    }

    pub fn node_mut(&mut self, port: u16) -> &mut RedisServer {
        self.nodes
            .iter_mut()
            .find(|n| n.port == port)
            .unwrap_or_else(|| panic!("no data node on port {port}"))
    }

    /// Replicas of the node on `port` in state `online`.
    pub fn online_replicas(&self, port: u16) -> usize {
        let Ok(mut c) = self.node(port).client().get_connection() else {
            return 0;
        };
        let info: String = redis::cmd("INFO")
            .arg("replication")
            .query(&mut c)
            .unwrap_or_default();
        info.lines()
            .filter(|l| l.starts_with("slave") && l.contains("state=online"))
            .count()
    }

    /// True when a Sentinel says the quorum can be reached.
    pub fn quorum_ok(&self) -> bool {
        self.sentinels.iter().any(|s| {
            s.ask(self.password.as_deref(), &["SENTINEL", "CKQUORUM", MASTER])
                .is_some_and(|r| r.starts_with("OK"))
        })
    }

    /// `SENTINEL FAILOVER` on the first Sentinel.
    pub fn failover(&self) {
        let reply =
            self.sentinels[0].ask(self.password.as_deref(), &["SENTINEL", "FAILOVER", MASTER]);
        assert_eq!(reply.as_deref(), Some("OK"), "SENTINEL FAILOVER: {reply:?}");
    }

    /// Polls `ok` every 100 ms; panics with the Sentinels' logs when it stays false.
    pub fn wait_until(&self, limit: Duration, what: &str, mut ok: impl FnMut() -> bool) {
        let deadline = Instant::now() + limit;
        while Instant::now() < deadline {
            if ok() {
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        panic!(
            "not reached within {limit:?}: {what}\nsentinel log:\n{}",
            self.sentinels[0].log()
        );
    }
}
