//! Test harness: a real redis-server per test, on a free port in a temporary folder, that can be killed and restarted.
#![allow(dead_code)]

pub mod backups;
pub mod cluster;
pub mod legacy;

use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Once;
use std::time::{Duration, Instant};

pub mod sentinel;
pub mod tls;

/// How a test wants its server configured.
#[derive(Clone, Debug, Default)]
pub struct ServerOptions {
    /// `None`: AOF off. `Some("always" | "everysec" | "no")`: AOF on with that fsync policy.
    pub appendfsync: Option<&'static str>,
    /// RDB save rules; `""` disables snapshots (the default for tests).
    pub save: &'static str,
    /// Extra `--name value` arguments.
    pub extra: Vec<(String, String)>,
    /// Require this password.
    pub password: Option<String>,
}

impl ServerOptions {
    pub fn aof(fsync: &'static str) -> Self {
        ServerOptions {
            appendfsync: Some(fsync),
            ..Default::default()
        }
    }
    pub fn with(mut self, name: &str, value: &str) -> Self {
        self.extra.push((name.to_string(), value.to_string()));
        self
    }
}

/// A running redis-server owned by one test. Killed (and waited for) on drop.
pub struct RedisServer {
    pub port: u16,
    pub dir: tempfile::TempDir,
    pub options: ServerOptions,
    child: Option<Child>,
}

static CHECK: Once = Once::new();

/// Path of redis-server; tests fail with a clear message when it is missing.
pub fn redis_server_binary() -> PathBuf {
    CHECK.call_once(|| {
        let ok = Command::new("redis-server")
            .arg("--version")
            .output()
            .map(|o| o.status.success())
            .unwrap_or(false);
        assert!(
            ok,
            "redis-server is not installed: run the README's test command (it installs it)"
        );
    });
    PathBuf::from("redis-server")
}

fn free_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind port 0");
    listener.local_addr().expect("local addr").port()
}

impl RedisServer {
    pub fn start() -> RedisServer {
        RedisServer::start_with(ServerOptions::default())
    }

    pub fn start_with(options: ServerOptions) -> RedisServer {
        // A port picked by the OS can be taken again before the server binds it: retry a few times.
        for _ in 0..5 {
            let dir = tempfile::Builder::new()
                .prefix("tartarus-redis-")
                .tempdir()
                .expect("tempdir");
            let mut server = RedisServer {
                port: free_port(),
                dir,
                options: options.clone(),
                child: None,
            };
            if server.spawn() {
                return server;
            }
        }
        panic!("could not start redis-server on a free port after 5 tries");
    }

    fn args(&self) -> Vec<String> {
        let mut a = Vec::new();
        // The password goes in a 0600 config file, never on the command line: a redis-server's
        // arguments are readable in /proc/<pid>/cmdline by anyone (for the few ms before it
        // rewrites its title), and the hostile-sandbox tests scan every process's command line
        // for passwords while other tests start servers.
        if let Some(p) = &self.options.password {
            a.push(auth_config(self.dir.path(), &format!("requirepass {p}\n")));
        }
        a.extend([
            "--port".to_string(),
            self.port.to_string(),
            "--bind".into(),
            "127.0.0.1".into(),
            "--dir".into(),
            self.dir.path().display().to_string(),
            "--save".into(),
            self.options.save.to_string(),
            "--daemonize".into(),
            "no".into(),
            "--logfile".into(),
            self.dir.path().join("redis.log").display().to_string(),
        ]);
        match self.options.appendfsync {
            Some(fsync) => {
                a.extend([
                    "--appendonly".into(),
                    "yes".into(),
                    "--appendfsync".into(),
                    fsync.to_string(),
                ]);
            }
            None => a.extend(["--appendonly".into(), "no".into()]),
        }
        for (k, v) in &self.options.extra {
            a.push(format!("--{k}"));
            a.push(v.clone());
        }
        a
    }

    /// Starts the process, without waiting for it.
    fn launch(&mut self) {
        let child = Command::new(redis_server_binary())
            .args(self.args())
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn redis-server");
        self.child = Some(child);
    }

    /// Starts the process and waits until it answers PING. False when it died (e.g. port taken).
    fn spawn(&mut self) -> bool {
        self.launch();
        // Generous: a restart on a big dataset loads for a while, and slower on a loaded machine.
        let deadline = Instant::now() + Duration::from_secs(120);
        while Instant::now() < deadline {
            if let Some(child) = self.child.as_mut() {
                if let Ok(Some(_)) = child.try_wait() {
                    self.child = None;
                    return false;
                }
            }
            if self.ping() && self.answers_from_our_child() {
                return true;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!(
            "redis-server on port {} did not answer within 120s; log: {}",
            self.port,
            self.log()
        );
    }

    /// True when the server answering on the port is the process this harness started (after a
    /// restart, another test's server may have taken the port first).
    fn answers_from_our_child(&self) -> bool {
        let Some(pid) = self.child.as_ref().map(|c| c.id()) else {
            return false;
        };
        let Ok(mut c) = self.client().get_connection() else {
            return false;
        };
        let info: String = redis::cmd("INFO")
            .arg("server")
            .query(&mut c)
            .unwrap_or_default();
        info.lines()
            .any(|l| l.trim() == format!("process_id:{pid}"))
    }

    /// True when the server answers PING and is not loading.
    pub fn ping(&self) -> bool {
        if TcpStream::connect(("127.0.0.1", self.port)).is_err() {
            return false;
        }
        match self.client().get_connection() {
            Ok(mut c) => redis::cmd("PING").query::<String>(&mut c).is_ok(),
            Err(_) => false,
        }
    }

    pub fn host_port(&self) -> String {
        format!("127.0.0.1:{}", self.port)
    }

    pub fn url(&self) -> String {
        match &self.options.password {
            Some(p) => format!(
                "redis://:{}@127.0.0.1:{}/",
                percent_encoding::utf8_percent_encode(p, percent_encoding::NON_ALPHANUMERIC),
                self.port
            ),
            None => format!("redis://127.0.0.1:{}/", self.port),
        }
    }

    pub fn client(&self) -> redis::Client {
        redis::Client::open(self.url()).expect("client")
    }

    /// A blocking connection for assertions.
    pub fn conn(&self) -> redis::Connection {
        self.client()
            .get_connection()
            .expect("connect to test redis")
    }

    pub fn data_dir(&self) -> &Path {
        self.dir.path()
    }

    pub fn log(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("redis.log")).unwrap_or_default()
    }

    pub fn pid(&self) -> Option<u32> {
        self.child.as_ref().map(|c| c.id())
    }

    /// `kill -9`: no shutdown save, no fsync beyond what the policy already did.
    pub fn kill9(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    /// A clean stop (SHUTDOWN, which saves/fsyncs as configured).
    pub fn shutdown(&mut self) {
        if let Ok(mut c) = self.client().get_connection() {
            let _: redis::RedisResult<()> = redis::cmd("SHUTDOWN").query(&mut c);
        }
        if let Some(mut child) = self.child.take() {
            let deadline = Instant::now() + Duration::from_secs(10);
            while Instant::now() < deadline {
                if let Ok(Some(_)) = child.try_wait() {
                    return;
                }
                std::thread::sleep(Duration::from_millis(20));
            }
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    /// Starts again on the same port and folder (after `kill9` or `shutdown`).
    pub fn restart(&mut self) {
        if self.child.is_some() {
            self.shutdown();
        }
        for _ in 0..50 {
            if self.spawn() {
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        panic!(
            "redis-server did not restart on port {}; log: {}",
            self.port,
            self.log()
        );
    }

    /// A server that answers `LOADING` for about `keys` × `delay_us` µs (plus the machine's
    /// slowness) from its return on: `keys` keys are saved into its RDB file, then it is
    /// restarted with a delay per key loaded (`key-load-delay`) and told to answer clients while
    /// it loads. Returns once a PING was answered `LOADING`.
    pub fn start_loading(keys: u64, delay_us: u32) -> RedisServer {
        let mut server = RedisServer::start_with(
            ServerOptions::default()
                .with("enable-debug-command", "local")
                .with("loading-process-events-interval-bytes", "1024")
                .with("key-load-delay", &delay_us.to_string()),
        );
        let mut c = server.conn();
        let _: () = redis::cmd("DEBUG")
            .arg("POPULATE")
            .arg(keys)
            .arg("loading:ballast")
            .arg(16)
            .query(&mut c)
            .expect("DEBUG POPULATE");
        let _: () = redis::cmd("SAVE").query(&mut c).expect("SAVE");
        drop(c);
        server.shutdown();
        server.launch();
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let reply = server
                .client()
                .get_connection()
                .and_then(|mut c| redis::cmd("PING").query::<String>(&mut c));
            match reply {
                Err(e) if e.code() == Some("LOADING") => return server,
                Ok(_) => panic!("redis-server loaded {keys} keys before it was asked anything"),
                Err(_) => {}
            }
            assert!(
                Instant::now() < deadline,
                "redis-server did not start loading within 60s; log: {}",
                server.log()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// True while the server is still loading its dataset.
    pub fn is_loading(&self) -> bool {
        let reply = self
            .client()
            .get_connection()
            .and_then(|mut c| redis::cmd("PING").query::<String>(&mut c));
        matches!(reply, Err(e) if e.code() == Some("LOADING"))
    }

    /// A shell command that restarts this server (for `--restart-cmd`): kills by pid file-less port match.
    pub fn command_line(&self) -> String {
        let mut parts = vec!["redis-server".to_string()];
        for a in self.args() {
            parts.push(format!("'{}'", a.replace('\'', "'\\''")));
        }
        parts.join(" ")
    }
}

/// Writes `text` to `<dir>/auth.conf` (0600) and returns its path: a redis-server config file,
/// which must be the server's first argument.
pub fn auth_config(dir: &Path, text: &str) -> String {
    use std::io::Write as _;
    use std::os::unix::fs::OpenOptionsExt as _;
    let path = dir.join("auth.conf");
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(&path)
        .expect("write auth.conf");
    f.write_all(text.as_bytes()).expect("write auth.conf");
    path.display().to_string()
}

impl Drop for RedisServer {
    fn drop(&mut self) {
        self.kill9();
    }
}

/// The built `tartarus` binary as a command, with a clean environment for Redis settings.
pub fn tartarus() -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("tartarus").expect("tartarus binary");
    for var in [
        "TARTARUS_ENV",
        "REDIS_ADDR",
        "REDIS_DB",
        "REDIS_QUEUE_KEY",
        "REDIS_PASSWORD",
        "REDIS_PASS",
        "REDIS_USERNAME",
        "REDIS_TLS",
        "REDIS_TLS_CA_FILE",
        "REDIS_TLS_CERT_FILE",
        "REDIS_TLS_KEY_FILE",
        "REDIS_TLS_INSECURE",
        "REDIS_SENTINEL_ADDRS",
        "REDIS_SENTINEL_MASTER",
        "REDIS_SENTINEL_USERNAME",
        "REDIS_SENTINEL_PASSWORD",
        "REDIS_CLUSTER_ADDRS",
        "REDIS_MIN_REPLICAS_ACK",
        "REDIS_MIN_REPLICAS_TIMEOUT",
        "HADES_LABEL",
        "NO_COLOR",
    ] {
        cmd.env_remove(var);
    }
    cmd.env("NO_COLOR", "1");
    cmd
}

/// `tartarus` pointed at this server.
pub fn tartarus_on(server: &RedisServer) -> assert_cmd::Command {
    let mut cmd = tartarus();
    cmd.env("REDIS_ADDR", server.host_port());
    if let Some(p) = &server.options.password {
        cmd.env("REDIS_PASSWORD", p);
    }
    cmd
}

/// A command's stderr as text.
pub fn stderr_of(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Runs `cmd`, asserts it succeeded (showing its stderr when not) and parses its stdout as JSON.
pub fn ok_json(cmd: &mut assert_cmd::Command) -> serde_json::Value {
    let out = cmd.output().unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    json(&out.stdout)
}

/// Asserts the command exited with `code` (a constant of `tartarus::exit`), showing its stderr
/// when not; returns the stderr.
pub fn assert_code(out: &std::process::Output, code: u8) -> String {
    let stderr = stderr_of(out);
    assert_eq!(out.status.code(), Some(i32::from(code)), "{stderr}");
    stderr
}

/// Parses a command's stdout as JSON, showing the text when it is not.
pub fn json(out: &[u8]) -> serde_json::Value {
    serde_json::from_slice(out)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(out)))
}

/// The items of a `{"items": [...], "next": ...}` list.
pub fn items(list: &serde_json::Value) -> Vec<serde_json::Value> {
    list["items"]
        .as_array()
        .cloned()
        .unwrap_or_else(|| panic!("not a list (`items` missing): {list}"))
}

/// A run as `sandbox get`/`list` print it (`metadata`, `spec`, `status`), flattened for tests
/// that look at its status fields: the status, plus `name` and `spec`.
pub fn flat_run(view: &serde_json::Value) -> serde_json::Value {
    let mut run = view["status"].clone();
    if let Some(map) = run.as_object_mut() {
        map.insert("name".into(), view["metadata"]["name"].clone());
        map.insert("spec".into(), view["spec"].clone());
    }
    run
}

/// Every key of the database with its type and DUMP payload (SCAN, never KEYS): compare two of
/// these to prove a command wrote nothing (TTLs are not part of DUMP, so they may tick).
pub fn keyspace_digest(
    server: &RedisServer,
) -> std::collections::BTreeMap<String, (String, Vec<u8>)> {
    let mut c = server.conn();
    let mut out = std::collections::BTreeMap::new();
    let mut cursor = 0u64;
    loop {
        let (next, keys): (u64, Vec<String>) = redis::cmd("SCAN")
            .arg(cursor)
            .arg("COUNT")
            .arg(1000)
            .query(&mut c)
            .expect("SCAN");
        for key in keys {
            let kind: String = redis::cmd("TYPE").arg(&key).query(&mut c).expect("TYPE");
            let dump: Vec<u8> = redis::cmd("DUMP").arg(&key).query(&mut c).expect("DUMP");
            out.insert(key, (kind, dump));
        }
        cursor = next;
        if cursor == 0 {
            return out;
        }
    }
}

/// The keys whose type or content differ between two digests (at most 10, for messages).
pub fn changed_keys(
    before: &std::collections::BTreeMap<String, (String, Vec<u8>)>,
    after: &std::collections::BTreeMap<String, (String, Vec<u8>)>,
) -> Vec<String> {
    let mut keys: Vec<String> = before
        .keys()
        .chain(after.keys())
        .filter(|k| before.get(*k) != after.get(*k))
        .cloned()
        .collect();
    keys.sort();
    keys.dedup();
    keys.truncate(10);
    keys
}

/// `tartarus queue stats -o json` against this server.
pub fn queue_stats(server: &RedisServer) -> serde_json::Value {
    json(
        &tartarus_on(server)
            .args(["queue", "stats", "-o", "json"])
            .output()
            .expect("run tartarus")
            .stdout,
    )
}

/// A connection target for this server, for tests that use the library directly.
pub fn target(server: &RedisServer) -> tartarus::config::RedisTarget {
    let mut t = tartarus::config::RedisTarget::standalone("127.0.0.1", server.port);
    t.password = server
        .options
        .password
        .clone()
        .map(tartarus::config::Secret);
    t.connect_timeout = Duration::from_secs(2);
    t.command_timeout = Duration::from_secs(10);
    t
}

/// Every key of the database with its type and content read by type (hash fields sorted, set
/// members sorted, zsets and lists in order, stream entries with their ids) and whether it has a
/// TTL: equal for equal data whatever its encoding (DUMP is not, for a hash restored elsewhere).
pub fn keyspace_content(
    server: &RedisServer,
) -> std::collections::BTreeMap<String, (String, String)> {
    keyspace_content_on(&mut server.conn())
}

/// [`keyspace_content`] of the node behind this connection (one cluster master, for instance).
pub fn keyspace_content_on(
    c: &mut redis::Connection,
) -> std::collections::BTreeMap<String, (String, String)> {
    let mut out = std::collections::BTreeMap::new();
    let mut cursor = 0u64;
    loop {
        let (next, keys): (u64, Vec<String>) = redis::cmd("SCAN")
            .arg(cursor)
            .arg("COUNT")
            .arg(1000)
            .query(c)
            .expect("SCAN");
        for key in keys {
            let kind: String = redis::cmd("TYPE").arg(&key).query(c).expect("TYPE");
            let content = match kind.as_str() {
                "string" => format!("{:?}", redis::cmd("GET").arg(&key).query::<Vec<u8>>(c)),
                "hash" => format!(
                    "{:?}",
                    redis::cmd("HGETALL")
                        .arg(&key)
                        .query::<std::collections::BTreeMap<String, String>>(c)
                ),
                "list" => format!(
                    "{:?}",
                    redis::cmd("LRANGE")
                        .arg(&key)
                        .arg(0)
                        .arg(-1)
                        .query::<Vec<String>>(c)
                ),
                "set" => format!(
                    "{:?}",
                    redis::cmd("SMEMBERS")
                        .arg(&key)
                        .query::<std::collections::BTreeSet<String>>(c)
                ),
                "zset" => format!(
                    "{:?}",
                    redis::cmd("ZRANGE")
                        .arg(&key)
                        .arg(0)
                        .arg(-1)
                        .arg("WITHSCORES")
                        .query::<Vec<(String, f64)>>(c)
                ),
                "stream" => format!(
                    "{:?}",
                    redis::cmd("XRANGE")
                        .arg(&key)
                        .arg("-")
                        .arg("+")
                        .query::<redis::Value>(c)
                ),
                other => format!("unexpected type {other}"),
            };
            let pttl: i64 = redis::cmd("PTTL").arg(&key).query(c).expect("PTTL");
            out.insert(key, (kind, format!("{content} ttl={}", pttl > 0)));
        }
        cursor = next;
        if cursor == 0 {
            return out;
        }
    }
}
