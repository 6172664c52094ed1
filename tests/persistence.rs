//! Integration tests of the persistence module against real redis-server processes.

mod support;

use std::collections::BTreeMap;
use std::path::Path;
use std::time::Duration;

use support::{RedisServer, ServerOptions};
use tartarus::config::RedisTarget;
use tartarus::exit;
use tartarus::persistence::backup::{self, BackupMethod, BackupOptions};
use tartarus::persistence::configure::{self, Profile};
use tartarus::persistence::health::{self, HealthOptions, HealthStatus as Status};
use tartarus::persistence::restore::{self, LogicalRestoreOptions, OfflineRestoreOptions};
use tartarus::persistence::{no_progress, PersistenceError, RedisAdmin};

fn target_port(port: u16) -> RedisTarget {
    let mut t = RedisTarget::standalone("127.0.0.1", port);
    t.connect_timeout = Duration::from_secs(2);
    t.command_timeout = Duration::from_secs(30);
    t
}

fn target(s: &RedisServer) -> RedisTarget {
    let mut t = target_port(s.port);
    t.password = s.options.password.clone().map(tartarus::config::Secret);
    t
}

fn opts(method: BackupMethod) -> BackupOptions {
    BackupOptions {
        method,
        bgsave_timeout: Duration::from_secs(60),
        ..Default::default()
    }
}

/// Every key type, some with TTLs, in the patterns a logical backup covers, plus one outside them.
fn fill(c: &mut redis::Connection) {
    let q = |c: &mut redis::Connection, args: &[&str]| {
        let mut cmd = redis::cmd(args[0]);
        for a in &args[1..] {
            cmd.arg(*a);
        }
        let _: redis::Value = cmd.query(c).expect("fill command");
    };
    q(c, &["SET", "tartarus:str", "hello"]);
    q(c, &["SET", "tartarus:ttl", "short-lived", "EX", "300"]);
    q(
        c,
        &["HSET", "tartarus:hash", "a", "1", "b", "2", "c", "three"],
    );
    q(c, &["EXPIRE", "tartarus:hash", "500"]);
    q(c, &["RPUSH", "tartarus:list", "x", "y", "z", "x"]);
    q(c, &["SADD", "themis:set", "m1", "m2", "m3"]);
    q(
        c,
        &["ZADD", "themis:zset", "1.5", "one", "2", "two", "-3", "neg"],
    );
    q(c, &["PEXPIRE", "themis:zset", "800000"]);
    q(c, &["XADD", "tartarus:stream", "1-1", "f", "v"]);
    q(c, &["XADD", "tartarus:stream", "2-1", "f2", "v2", "g", "w"]);
    q(c, &["XGROUP", "CREATE", "tartarus:stream", "grp", "0"]);
    let _: () = redis::cmd("SET")
        .arg(b"tartarus:bin\xff\x00key".as_slice())
        .arg(b"\x00\x01\x02\xff".as_slice())
        .query(c)
        .expect("bin");
    for i in 0..500 {
        q(
            c,
            &["SET", &format!("tartarus:many:{i}"), &format!("value-{i}")],
        );
    }
    q(c, &["SET", "other:outside", "not in the patterns"]);
}

/// key -> (type, value, ttl). The ttl is PTTL (relative, what a logical restore re-creates) or,
/// with `absolute`, PEXPIRETIME (the expiry instant an RDB keeps, so time spent between backup and
/// restart does not count against the ±1 s).
fn snapshot_ttl(
    c: &mut redis::Connection,
    pattern: &str,
    absolute: bool,
) -> BTreeMap<Vec<u8>, (String, String, i64)> {
    let keys: Vec<Vec<u8>> = redis::cmd("KEYS").arg(pattern).query(c).expect("keys");
    let mut out = BTreeMap::new();
    for k in keys {
        let t: String = redis::cmd("TYPE").arg(&k).query(c).expect("type");
        let v: String = match t.as_str() {
            "string" => format!(
                "{:?}",
                redis::cmd("GET").arg(&k).query::<Vec<u8>>(c).expect("get")
            ),
            "hash" => format!(
                "{:?}",
                redis::cmd("HGETALL")
                    .arg(&k)
                    .query::<BTreeMap<String, String>>(c)
                    .expect("hgetall")
            ),
            "list" => format!(
                "{:?}",
                redis::cmd("LRANGE")
                    .arg(&k)
                    .arg(0)
                    .arg(-1)
                    .query::<Vec<String>>(c)
                    .expect("lrange")
            ),
            "set" => {
                let mut m: Vec<String> = redis::cmd("SMEMBERS").arg(&k).query(c).expect("smembers");
                m.sort();
                format!("{m:?}")
            }
            "zset" => format!(
                "{:?}",
                redis::cmd("ZRANGE")
                    .arg(&k)
                    .arg(0)
                    .arg(-1)
                    .arg("WITHSCORES")
                    .query::<Vec<String>>(c)
                    .expect("zrange")
            ),
            "stream" => {
                let r: redis::Value = redis::cmd("XRANGE")
                    .arg(&k)
                    .arg("-")
                    .arg("+")
                    .query(c)
                    .expect("xrange");
                let g: redis::Value = redis::cmd("XINFO")
                    .arg("GROUPS")
                    .arg(&k)
                    .query(c)
                    .expect("xinfo");
                format!("{r:?} {g:?}")
            }
            other => panic!("unexpected type {other}"),
        };
        let ttl: i64 = redis::cmd(if absolute { "PEXPIRETIME" } else { "PTTL" })
            .arg(&k)
            .query(c)
            .expect("pttl");
        out.insert(k, (t, v, ttl));
    }
    out
}

fn snapshot(c: &mut redis::Connection, pattern: &str) -> BTreeMap<Vec<u8>, (String, String, i64)> {
    snapshot_ttl(c, pattern, false)
}

fn snapshot_abs(c: &mut redis::Connection) -> BTreeMap<Vec<u8>, (String, String, i64)> {
    snapshot_ttl(c, "*", true)
}

fn assert_same(
    before: &BTreeMap<Vec<u8>, (String, String, i64)>,
    after: &BTreeMap<Vec<u8>, (String, String, i64)>,
) {
    assert_eq!(before.len(), after.len(), "key count differs");
    for (k, (t, v, ttl)) in before {
        let (t2, v2, ttl2) = after.get(k).unwrap_or_else(|| {
            panic!("key {:?} missing after restore", String::from_utf8_lossy(k))
        });
        assert_eq!(t, t2, "type of {:?}", String::from_utf8_lossy(k));
        assert_eq!(v, v2, "value of {:?}", String::from_utf8_lossy(k));
        if *ttl < 0 {
            assert_eq!(ttl, ttl2, "ttl of {:?}", String::from_utf8_lossy(k));
        } else {
            assert!(
                (ttl - ttl2).abs() <= 1000,
                "ttl of {:?}: {ttl} vs {ttl2}",
                String::from_utf8_lossy(k)
            );
        }
    }
}

fn flushall(s: &RedisServer) {
    let _: () = redis::cmd("FLUSHALL")
        .query(&mut s.conn())
        .expect("flushall");
    let n: i64 = redis::cmd("DBSIZE").query(&mut s.conn()).expect("dbsize");
    assert_eq!(n, 0);
}

fn backups_dir() -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix("tartarus-backups-")
        .tempdir()
        .expect("tempdir")
}

#[tokio::test]
async fn file_backup_restores_offline_into_appendonly_yes() {
    let mut s = RedisServer::start_with(ServerOptions::aof("always"));
    fill(&mut s.conn());
    let before = snapshot_abs(&mut s.conn());
    assert_eq!(before.len(), 509);
    let admin = RedisAdmin::connect(&target(&s)).await.unwrap();
    let pct_before = admin
        .config_get_one("auto-aof-rewrite-percentage")
        .await
        .unwrap();
    let dir = backups_dir();
    let m = backup::create(
        &admin,
        &target(&s),
        dir.path(),
        &opts(BackupMethod::File),
        &no_progress,
    )
    .await
    .unwrap();
    assert_eq!(m.method, BackupMethod::File);
    assert!(m.aof_enabled);
    assert_eq!(m.rdb_version, Some(10));
    assert_eq!(m.key_counts.per_db.get("db0"), Some(&509));
    assert!(m.files.iter().any(|f| f.name == "dump.rdb"));
    assert!(
        m.files
            .iter()
            .any(|f| f.name == "appendonlydir/appendonly.aof.manifest"),
        "{:?}",
        m.files
    );
    assert!(
        m.files.iter().any(|f| f.name.ends_with(".incr.aof")),
        "{:?}",
        m.files
    );
    // The rewrite setting was never touched.
    assert_eq!(
        admin
            .config_get_one("auto-aof-rewrite-percentage")
            .await
            .unwrap(),
        pct_before
    );
    let path = dir.path().join(&m.id);
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o700
        );
        assert_eq!(
            std::fs::metadata(path.join("dump.rdb"))
                .unwrap()
                .permissions()
                .mode()
                & 0o777,
            0o600
        );
    }
    let v = backup::verify(&path);
    assert!(v.ok, "{:?}", v.checks);
    let tools: Vec<_> = v
        .checks
        .iter()
        .filter(|c| c.name.starts_with("redis-check"))
        .collect();
    assert_eq!(
        tools.len(),
        2,
        "redis-check-rdb and redis-check-aof both ran: {tools:?}"
    );
    assert!(
        tools.iter().all(|c| c.outcome == backup::CheckOutcome::Ok),
        "{tools:?}"
    );
    // Auto picks the file method for a loopback server whose dir is readable here.
    assert_eq!(
        backup::auto_method("127.0.0.1", Some(s.data_dir())),
        BackupMethod::File
    );
    assert_eq!(
        backup::auto_method("10.1.2.3", Some(s.data_dir())),
        BackupMethod::Replication
    );
    assert_eq!(
        backup::resolve(Some(dir.path()), &m.id).unwrap(),
        path.canonicalize().unwrap()
    );
    let listed = backup::list(dir.path()).unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].status, "complete");

    flushall(&s);
    drop(admin);
    let mut ro = OfflineRestoreOptions::new(s.data_dir(), true);
    ro.server_addr = Some(("127.0.0.1".into(), s.port));
    // Refuses while the server runs.
    let err = restore::restore_offline(&path, &ro, &no_progress).unwrap_err();
    assert!(matches!(err, PersistenceError::ServerRunning(_)), "{err}");
    s.shutdown();
    let rep = restore::restore_offline(&path, &ro, &no_progress).unwrap();
    // The BGSAVE of the backup left a dump.rdb next to the AOF: both are moved aside.
    assert_eq!(
        rep.moved,
        vec!["dump.rdb".to_string(), "appendonlydir".to_string()]
    );
    let aside = rep.moved_aside_to.clone().unwrap();
    assert!(
        Path::new(&aside).join("appendonlydir").is_dir(),
        "old AOF kept"
    );
    assert!(!rep.next_steps.is_empty());
    s.restart();
    let after = snapshot_abs(&mut s.conn());
    assert_same(&before, &after);
    // The server keeps appending to the installed AOF: a write survives another restart.
    let _: () = redis::cmd("SET")
        .arg("tartarus:new")
        .arg("1")
        .query(&mut s.conn())
        .unwrap();
    s.kill9();
    s.restart();
    let n: i64 = redis::cmd("DBSIZE").query(&mut s.conn()).unwrap();
    assert_eq!(n, 510);
}

#[tokio::test]
async fn replication_backup_restores_offline_into_appendonly_no() {
    let mut s =
        RedisServer::start_with(ServerOptions::default().with("repl-diskless-sync-delay", "0"));
    fill(&mut s.conn());
    let before = snapshot_abs(&mut s.conn());
    let admin = RedisAdmin::connect(&target(&s)).await.unwrap();
    let dir = backups_dir();
    let events = std::sync::Mutex::new(Vec::new());
    let progress = |p: tartarus::persistence::Progress| events.lock().unwrap().push(p.phase);
    let m = backup::create(
        &admin,
        &target(&s),
        dir.path(),
        &opts(BackupMethod::Replication),
        &progress,
    )
    .await
    .unwrap();
    assert_eq!(m.method, BackupMethod::Replication);
    assert!(!m.aof_enabled);
    assert!(events.lock().unwrap().iter().any(|p| p == "stream rdb"));
    let path = dir.path().join(&m.id);
    let v = backup::verify(&path);
    assert!(v.ok, "{:?}", v.checks);

    flushall(&s);
    drop(admin);
    s.kill9();
    let ro = OfflineRestoreOptions::new(s.data_dir(), false);
    let rep = restore::restore_offline(&path, &ro, &no_progress).unwrap();
    assert!(rep.installed[0].ends_with("dump.rdb"));
    s.restart();
    assert_same(&before, &snapshot_abs(&mut s.conn()));
}

#[tokio::test]
async fn replication_backup_with_password_restores_into_appendonly_yes() {
    let mut o = ServerOptions::aof("everysec").with("repl-diskless-sync-delay", "0");
    o.password = Some("s3cret-pw".into());
    let mut s = RedisServer::start_with(o);
    fill(&mut s.conn());
    let before = snapshot_abs(&mut s.conn());
    let t = target(&s);
    let admin = RedisAdmin::connect(&t).await.unwrap();
    let dir = backups_dir();
    let m = backup::create(
        &admin,
        &t,
        dir.path(),
        &opts(BackupMethod::Replication),
        &no_progress,
    )
    .await
    .unwrap();
    let manifest_text =
        std::fs::read_to_string(dir.path().join(&m.id).join("manifest.json")).unwrap();
    assert!(!manifest_text.contains("s3cret-pw"));
    flushall(&s);
    drop(admin);
    s.shutdown();
    restore::restore_offline(
        &dir.path().join(&m.id),
        &OfflineRestoreOptions::new(s.data_dir(), true),
        &no_progress,
    )
    .unwrap();
    s.restart();
    assert_same(&before, &snapshot_abs(&mut s.conn()));
}

#[tokio::test]
async fn logical_backup_restores_online() {
    let s = RedisServer::start();
    fill(&mut s.conn());
    let before = snapshot(&mut s.conn(), "*");
    let admin = RedisAdmin::connect(&target(&s)).await.unwrap();
    let dir = backups_dir();
    let mut o = opts(BackupMethod::Logical);
    o.batch = 64; // several pipelines
    let m = backup::create(&admin, &target(&s), dir.path(), &o, &no_progress)
        .await
        .unwrap();
    assert_eq!(m.key_counts.per_pattern.get("tartarus:*"), Some(&506));
    assert_eq!(m.key_counts.per_pattern.get("themis:*"), Some(&2));
    let path = dir.path().join(&m.id);
    let v = backup::verify(&path);
    assert!(v.ok, "{:?}", v.checks);

    flushall(&s);
    let _: () = redis::cmd("SET")
        .arg("other:outside")
        .arg("changed")
        .query(&mut s.conn())
        .unwrap();
    let _: () = redis::cmd("SET")
        .arg("tartarus:stale")
        .arg("deleted by flush")
        .query(&mut s.conn())
        .unwrap();
    let ro = LogicalRestoreOptions {
        flush: true,
        batch: 100,
        ..Default::default()
    };
    let rep = restore::restore_logical(&admin, &path, &ro, &no_progress)
        .await
        .unwrap();
    assert_eq!(rep.restored, 508);
    assert_eq!(rep.flushed, 1);
    let mut after = snapshot(&mut s.conn(), "*");
    let other = after.remove(b"other:outside".as_slice()).unwrap();
    assert_eq!(
        other.1,
        format!("{:?}", b"changed".to_vec()),
        "keys outside the patterns are untouched"
    );
    let mut expected = before.clone();
    expected.remove(b"other:outside".as_slice());
    assert_same(&expected, &after);

    // The file also loads with redis-cli --pipe.
    flushall(&s);
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!(
            "redis-cli -p {} --pipe < {}",
            s.port,
            path.join("keys.resp").display()
        ))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let mut after = snapshot(&mut s.conn(), "*");
    assert!(after.remove(b"other:outside".as_slice()).is_none());
    assert_same(&expected, &after);
}

#[tokio::test]
async fn corrupted_backup_fails_verify_and_restore_refuses() {
    let mut s =
        RedisServer::start_with(ServerOptions::default().with("repl-diskless-sync-delay", "0"));
    fill(&mut s.conn());
    let admin = RedisAdmin::connect(&target(&s)).await.unwrap();
    let dir = backups_dir();
    let m = backup::create(
        &admin,
        &target(&s),
        dir.path(),
        &opts(BackupMethod::Replication),
        &no_progress,
    )
    .await
    .unwrap();
    let path = dir.path().join(&m.id);
    let rdb = path.join("dump.rdb");
    let mut bytes = std::fs::read(&rdb).unwrap();
    let mid = bytes.len() / 2;
    bytes[mid] ^= 0x20;
    std::fs::write(&rdb, &bytes).unwrap();

    let v = backup::verify(&path);
    assert!(!v.ok);
    assert!(
        v.failure_reason().contains("SHA-256 mismatch"),
        "{}",
        v.failure_reason()
    );
    assert!(
        v.failure_reason().contains("CRC-64 mismatch"),
        "{}",
        v.failure_reason()
    );
    assert_eq!(
        backup::list(dir.path()).unwrap()[0].status,
        "complete",
        "list is the cheap check (sizes only): it does not claim more than that"
    );

    // Even with a manifest that matches the flipped file, the RDB CRC still catches it.
    let mut manifest = backup::read_manifest(&path).unwrap();
    let (size, sha) = backup::sha256_file(&rdb).unwrap();
    manifest.files[0].size_bytes = size;
    manifest.files[0].sha256 = sha;
    std::fs::write(
        path.join("manifest.json"),
        serde_json::to_vec(&manifest).unwrap(),
    )
    .unwrap();
    let v = backup::verify(&path);
    assert!(!v.ok);
    assert!(
        v.failure_reason().contains("CRC-64"),
        "{}",
        v.failure_reason()
    );

    drop(admin);
    s.kill9();
    let entries_before: Vec<_> = std::fs::read_dir(s.data_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    let err = restore::restore_offline(
        &path,
        &OfflineRestoreOptions::new(s.data_dir(), false),
        &no_progress,
    )
    .unwrap_err();
    assert!(
        matches!(err, PersistenceError::VerificationFailed { .. }),
        "{err}"
    );
    assert!(err.to_string().contains("CRC-64"), "{err}");
    let entries_after: Vec<_> = std::fs::read_dir(s.data_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(entries_before, entries_after, "nothing moved or installed");
}

#[tokio::test]
async fn interrupted_backup_leaves_no_complete_looking_folder() {
    use futures::FutureExt;
    let s =
        RedisServer::start_with(ServerOptions::default().with("enable-protected-configs", "yes"));
    fill(&mut s.conn());
    let admin = RedisAdmin::connect(&target(&s)).await.unwrap();
    let dir = backups_dir();
    // 1. A panic mid-way (after keys were written), e.g. the CLI's progress bar blowing up.
    let mut o = opts(BackupMethod::Logical);
    o.batch = 50;
    let boom = |p: tartarus::persistence::Progress| {
        if p.phase == "dump keys" && p.done >= 100 {
            panic!("simulated crash mid-backup");
        }
    };
    let r =
        std::panic::AssertUnwindSafe(backup::create(&admin, &target(&s), dir.path(), &o, &boom))
            .catch_unwind()
            .await;
    assert!(r.is_err(), "the simulated crash happened");
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        0,
        "temp folder removed"
    );
    assert!(backup::list(dir.path()).unwrap().is_empty());

    // 2. A failure mid-way: BGSAVE fails (the server's dir was deleted under it and recreated empty).
    let victim = tempfile::tempdir().unwrap();
    let victim_path = victim.path().to_path_buf();
    let _: () = redis::cmd("CONFIG")
        .arg("SET")
        .arg("dir")
        .arg(victim_path.to_str().unwrap())
        .query(&mut s.conn())
        .unwrap();
    drop(victim);
    std::fs::create_dir_all(&victim_path).unwrap();
    let err = backup::create(
        &admin,
        &target(&s),
        dir.path(),
        &opts(BackupMethod::File),
        &no_progress,
    )
    .await
    .unwrap_err();
    std::fs::remove_dir_all(&victim_path).unwrap();
    // Redis reports an empty `dir` once its cwd is gone (getcwd fails): the file method stops after the temp folder exists.
    assert!(
        matches!(
            err,
            PersistenceError::BgsaveFailed(_) | PersistenceError::DataDirNotLocal { .. }
        ),
        "{err}"
    );
    assert!(backup::list(dir.path()).unwrap().is_empty());
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");

    // 3. A hard kill (no cleanup) leaves only a .tmp- folder: not listed, not resolvable.
    let tmp = dir.path().join(".tmp-20260101T000000Z-file");
    std::fs::create_dir_all(&tmp).unwrap();
    std::fs::write(tmp.join("dump.rdb"), b"REDIS0010").unwrap();
    assert!(backup::list(dir.path()).unwrap().is_empty());
    assert!(backup::resolve(Some(dir.path()), ".tmp-20260101T000000Z-file").is_err());
    assert!(backup::resolve(Some(dir.path()), tmp.to_str().unwrap()).is_err());
}

#[tokio::test]
async fn health_levels() {
    let opts = HealthOptions::default();
    // appendonly no + save "" → CRITICAL
    let s = RedisServer::start();
    let r = health::check(&target(&s), &opts).await;
    assert_eq!(r.overall, Status::Critical, "{:?}", r.checks);
    assert_eq!(r.check("appendonly").unwrap().status, Status::Critical);
    assert_eq!(r.code(), exit::HEALTH_CRITICAL);

    // recommended profile → OK
    let good = ServerOptions {
        appendfsync: Some("everysec"),
        save: "3600 1 300 100 60 10000",
        ..Default::default()
    }
    .with("maxmemory-policy", "noeviction")
    .with("aof-use-rdb-preamble", "yes");
    let s2 = RedisServer::start_with(good.clone());
    let r = health::check(&target(&s2), &opts).await;
    assert_eq!(
        r.overall,
        Status::Ok,
        "{:?}",
        r.checks
            .iter()
            .filter(|c| c.status != Status::Ok)
            .collect::<Vec<_>>()
    );
    assert_eq!(r.code(), exit::HEALTH_OK);
    let conn = r.check("connection").unwrap();
    assert!(conn.value.is_number(), "a number: {:?}", conn.value);
    assert_eq!(conn.unit, Some("ms"));

    // allkeys-lru → WARNING
    let s3 = RedisServer::start_with(good.with("maxmemory-policy", "allkeys-lru"));
    let r = health::check(&target(&s3), &opts).await;
    assert_eq!(r.overall, Status::Warning);
    assert_eq!(r.check("maxmemory_policy").unwrap().status, Status::Warning);
    assert_eq!(r.code(), exit::HEALTH_WARNING);

    // closed port → UNKNOWN
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let r = health::check(&target_port(port), &opts).await;
    assert_eq!(r.overall, Status::Unknown);
    assert_eq!(r.code(), exit::HEALTH_UNKNOWN);
    assert_eq!(r.checks.len(), 1);
}

async fn wait_aof_rewrite(admin: &RedisAdmin) {
    for _ in 0..200 {
        let p = admin.info_section("persistence").await.unwrap();
        if p.get("aof_rewrite_in_progress").map(String::as_str) == Some("0")
            && p.get("aof_rewrite_scheduled").map(String::as_str) == Some("0")
        {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("AOF rewrite did not finish");
}

#[tokio::test]
async fn configure_apply_without_config_file_makes_live_settings_ok() {
    let s = RedisServer::start();
    let admin = RedisAdmin::connect(&target(&s)).await.unwrap();
    let plan = configure::plan(&admin, Profile::Recommended).await.unwrap();
    assert!(plan.needs_changes());
    assert_eq!(plan.dir.as_deref(), Some(s.data_dir().to_str().unwrap()));
    assert_eq!(plan.config_file, None);
    let rep = configure::apply(&admin, Profile::Recommended)
        .await
        .unwrap();
    assert!(!rep.persisted);
    assert!(
        rep.message.contains("without a config file"),
        "{}",
        rep.message
    );
    assert!(
        rep.applied.contains(&"appendonly".to_string())
            && rep.applied.contains(&"save".to_string())
    );
    wait_aof_rewrite(&admin).await;
    let r = health::check(&target(&s), &HealthOptions::default()).await;
    assert_eq!(
        r.overall,
        Status::Ok,
        "{:?}",
        r.checks
            .iter()
            .filter(|c| c.status != Status::Ok)
            .collect::<Vec<_>>()
    );
    assert_eq!(
        admin.config_get_one("appendonly").await.unwrap().as_deref(),
        Some("yes")
    );
    assert!(!configure::plan(&admin, Profile::Recommended)
        .await
        .unwrap()
        .needs_changes());
    // strict wants appendfsync always
    let strict = configure::plan(&admin, Profile::Strict).await.unwrap();
    assert_eq!(
        strict
            .changes
            .iter()
            .filter(|c| c.change_needed)
            .map(|c| c.setting.as_str())
            .collect::<Vec<_>>(),
        vec!["appendfsync"]
    );
}

/// A redis-server started from a config file (so CONFIG REWRITE works). Killed on drop.
struct ConfServer {
    child: std::process::Child,
    port: u16,
    dir: tempfile::TempDir,
}
impl Drop for ConfServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start_conf_server() -> ConfServer {
    let dir = tempfile::tempdir().unwrap();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let conf = dir.path().join("redis.conf");
    std::fs::write(
        &conf,
        format!(
            "port {port}\nbind 127.0.0.1\ndir {}\nappendonly no\nsave \"\"\nmaxmemory-policy allkeys-lru\nlogfile {}\n",
            dir.path().display(),
            dir.path().join("redis.log").display()
        ),
    )
    .unwrap();
    let child = std::process::Command::new("redis-server")
        .arg(&conf)
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let server = ConfServer { child, port, dir };
    for _ in 0..200 {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return server;
        }
        std::thread::sleep(Duration::from_millis(25));
    }
    panic!("redis-server with config file did not start");
}

#[tokio::test]
async fn configure_apply_with_config_file_persists() {
    let s = start_conf_server();
    let t = target_port(s.port);
    let r = health::check(&t, &HealthOptions::default()).await;
    assert_eq!(r.overall, Status::Critical);
    let admin = RedisAdmin::connect(&t).await.unwrap();
    let rep = configure::apply(&admin, Profile::Strict).await.unwrap();
    assert!(rep.persisted, "{}", rep.message);
    assert!(rep.plan.config_file.is_some());
    wait_aof_rewrite(&admin).await;
    let r = health::check(&t, &HealthOptions::default()).await;
    assert_eq!(
        r.overall,
        Status::Ok,
        "{:?}",
        r.checks
            .iter()
            .filter(|c| c.status != Status::Ok)
            .collect::<Vec<_>>()
    );
    let conf = std::fs::read_to_string(s.dir.path().join("redis.conf")).unwrap();
    assert!(conf.contains("appendonly yes"), "{conf}");
    assert!(conf.contains("appendfsync always"), "{conf}");
    assert!(conf.contains("maxmemory-policy noeviction"), "{conf}");
    assert!(
        conf.contains("save 3600 1") && conf.contains("60 10000") && !conf.contains("save \"\""),
        "{conf}"
    );
}

/// A small but verifying logical backup folder with a chosen timestamp.
fn fake_backup(dir: &Path, id: &str, valid: bool) {
    let folder = dir.join(id);
    std::fs::create_dir_all(&folder).unwrap();
    let mut resp = Vec::new();
    backup::write_restore_command(&mut resp, b"tartarus:k", 0, b"payload").unwrap();
    std::fs::write(folder.join("keys.resp"), &resp).unwrap();
    let (size, sha) = backup::sha256_file(&folder.join("keys.resp")).unwrap();
    let (t, _) = backup::parse_backup_id(id).unwrap();
    let m = backup::BackupManifest {
        format_version: 1,
        id: id.into(),
        method: BackupMethod::Logical,
        created_at: t,
        finished_at: t,
        source: "127.0.0.1:6379/0".into(),
        redis_version: "7.0.15".into(),
        rdb_version: None,
        files: vec![backup::BackupFile {
            name: "keys.resp".into(),
            size_bytes: size,
            sha256: if valid { sha } else { "0".repeat(64) },
        }],
        key_counts: backup::KeyCounts {
            per_db: BTreeMap::new(),
            per_pattern: [("tartarus:*".to_string(), 1u64)].into_iter().collect(),
        },
        aof_enabled: false,
        patterns: vec!["tartarus:*".into()],
        masters: Vec::new(),
    };
    std::fs::write(
        folder.join("manifest.json"),
        serde_json::to_vec(&m).unwrap(),
    )
    .unwrap();
}

#[test]
fn prune_keeps_exactly_what_the_rules_say() {
    let now = tartarus::output::parse_timestamp("2026-06-30T00:00:00Z").unwrap();
    let d = backups_dir();
    for id in [
        "20260629T000000Z-file",
        "20260627T000000Z-logical",
        "20260620T000000Z-replication",
        "20260610T000000Z-file",
        "20260521T000000Z-file",
    ] {
        fake_backup(d.path(), id, true);
    }
    std::fs::create_dir_all(d.path().join("notes")).unwrap();
    std::os::unix::fs::symlink(
        d.path().join("notes"),
        d.path().join("20200101T000000Z-file"),
    )
    .unwrap();

    let dry = backup::prune_at(d.path(), 7, 1, true, now).unwrap();
    use backup::{PruneAction, PruneKind};
    let kept = |r: &backup::PruneReport| r.ids(PruneKind::Backup, PruneAction::Keep);
    let deleted = |r: &backup::PruneReport| r.ids(PruneKind::Backup, PruneAction::Delete);
    assert_eq!(
        kept(&dry),
        vec!["20260629T000000Z-file", "20260627T000000Z-logical"]
    );
    assert_eq!(
        deleted(&dry),
        vec![
            "20260620T000000Z-replication",
            "20260610T000000Z-file",
            "20260521T000000Z-file"
        ]
    );
    let listed = backup::list(d.path()).unwrap();
    assert_eq!(listed.len(), 6, "dry run deletes nothing");
    // The link named like a backup is listed as invalid, never followed (nor pruned).
    assert_eq!(listed[0].id, "20200101T000000Z-file");
    assert!(
        listed[0].status.starts_with("invalid"),
        "{}",
        listed[0].status
    );

    let rep = backup::prune_at(d.path(), 7, 3, false, now).unwrap();
    assert_eq!(
        kept(&rep),
        vec![
            "20260629T000000Z-file",
            "20260627T000000Z-logical",
            "20260620T000000Z-replication"
        ]
    );
    assert_eq!(
        deleted(&rep),
        vec!["20260610T000000Z-file", "20260521T000000Z-file"]
    );
    let left: Vec<_> = backup::list(d.path())
        .unwrap()
        .into_iter()
        .map(|b| b.id)
        .collect();
    assert_eq!(
        left,
        vec![
            "20200101T000000Z-file",
            "20260620T000000Z-replication",
            "20260627T000000Z-logical",
            "20260629T000000Z-file"
        ]
    );
    assert!(
        d.path().join("notes").is_dir() && d.path().join("20200101T000000Z-file").exists(),
        "non-backups and symlinks untouched"
    );

    // The newest backup that verifies survives even when every rule would delete it.
    let d2 = backups_dir();
    fake_backup(d2.path(), "20260601T000000Z-file", true);
    fake_backup(d2.path(), "20260610T000000Z-file", false);
    fake_backup(d2.path(), "20260615T000000Z-file", false);
    let rep = backup::prune_at(d2.path(), 7, 1, false, now).unwrap();
    assert_eq!(
        kept(&rep),
        vec!["20260615T000000Z-file", "20260601T000000Z-file"]
    );
    let oldest = rep
        .items
        .iter()
        .find(|e| e.id == "20260601T000000Z-file")
        .unwrap();
    assert!(
        oldest.reason.contains("newest backup that verifies"),
        "{}",
        oldest.reason
    );
    assert_eq!(deleted(&rep), vec!["20260610T000000Z-file"]);
    let rep = backup::prune_at(d2.path(), 0, 0, false, now).unwrap();
    assert_eq!(kept(&rep), vec!["20260601T000000Z-file"]);
    assert_eq!(deleted(&rep), vec!["20260615T000000Z-file"]);
}

fn env_u64(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Speed comparison with redis-cli. Run: `cargo test --release --test persistence bench -- --ignored --nocapture`
/// (BENCH_KEYS=3000000 BENCH_LOGICAL_KEYS=1000000 by default).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore]
async fn bench_replication_and_logical_vs_redis_cli() {
    use std::time::Instant;
    let keys = env_u64("BENCH_KEYS", 3_000_000);
    let s = RedisServer::start_with(
        ServerOptions::default()
            .with("repl-diskless-sync-delay", "0")
            .with("enable-debug-command", "yes")
            .with("rdbcompression", "no"),
    );
    let t = target(&s);
    let _: () = redis::cmd("DEBUG")
        .arg("POPULATE")
        .arg(keys)
        .arg("key")
        .arg(300)
        .query(&mut s.conn())
        .unwrap();
    let out = tempfile::tempdir().unwrap();
    for round in 0..env_u64("BENCH_ROUNDS", 3) {
        let cli = out.path().join("cli.rdb");
        let start = Instant::now();
        let st = std::process::Command::new("redis-cli")
            .arg("-p")
            .arg(s.port.to_string())
            .arg("--rdb")
            .arg(&cli)
            .output()
            .unwrap();
        assert!(st.status.success());
        let cli_t = start.elapsed();
        let cli_size = std::fs::metadata(&cli).unwrap().len();
        std::fs::remove_file(&cli).unwrap();

        let ours = out.path().join("ours.rdb");
        let start = Instant::now();
        let stats = tartarus::persistence::replication::stream_rdb(&t, &ours, false, &no_progress)
            .await
            .unwrap();
        let ours_t = start.elapsed();
        let ours_size = std::fs::metadata(&ours).unwrap().len();
        assert_eq!(stats.bytes, ours_size);
        if round == 0 {
            let r = tartarus::persistence::rdb::verify(&ours).unwrap();
            assert!(r.ok, "{:?}", r.problems);
        }
        std::fs::remove_file(&ours).unwrap();

        let start = Instant::now();
        let hashed = tartarus::persistence::replication::stream_rdb(&t, &ours, true, &no_progress)
            .await
            .unwrap();
        let hashed_t = start.elapsed();
        if round == 0 {
            assert_eq!(
                backup::sha256_file(&ours).unwrap().1,
                hashed.sha256.clone().unwrap()
            );
        }
        std::fs::remove_file(&ours).unwrap();
        println!(
            "BENCH replication round {round}: redis-cli --rdb {cli_size} bytes in {:.2}s ({:.0} MB/s); stream_rdb {ours_size} bytes in {:.2}s ({:.0} MB/s), ratio ours/cli {:.2}; with inline sha256 {:.2}s",
            cli_t.as_secs_f64(),
            cli_size as f64 / 1e6 / cli_t.as_secs_f64(),
            ours_t.as_secs_f64(),
            ours_size as f64 / 1e6 / ours_t.as_secs_f64(),
            ours_t.as_secs_f64() / cli_t.as_secs_f64(),
            hashed_t.as_secs_f64()
        );
    }

    let lkeys = env_u64("BENCH_LOGICAL_KEYS", 1_000_000);
    if lkeys == 0 {
        return;
    }
    flushall(&s);
    let _: () = redis::cmd("DEBUG")
        .arg("POPULATE")
        .arg(lkeys)
        .arg("key")
        .arg(300)
        .query(&mut s.conn())
        .unwrap();
    let admin = RedisAdmin::connect(&t).await.unwrap();
    let bdir = backups_dir();
    let o = BackupOptions {
        method: BackupMethod::Logical,
        patterns: vec!["key:*".into()],
        ..Default::default()
    };
    let start = Instant::now();
    let m = backup::create(&admin, &t, bdir.path(), &o, &no_progress)
        .await
        .unwrap();
    println!(
        "BENCH logical backup: {} keys in {:.2}s ({} bytes)",
        m.key_counts.per_pattern["key:*"],
        start.elapsed().as_secs_f64(),
        m.files[0].size_bytes
    );
    let path = bdir.path().join(&m.id);
    for round in 0..2 {
        for in_flight in [1usize, 4, 8, 16] {
            flushall(&s);
            let ro = LogicalRestoreOptions {
                in_flight,
                ..Default::default()
            };
            let start = Instant::now();
            let rep = restore::restore_logical(&admin, &path, &ro, &no_progress)
                .await
                .unwrap();
            let ours = start.elapsed().as_secs_f64();
            assert_eq!(rep.restored, lkeys);
            println!(
                "BENCH logical restore round {round} in_flight {in_flight}: {} keys in {:.2}s total = {:.0} keys/s (verify {} ms; load only {:.0} keys/s)",
                rep.restored,
                ours,
                rep.restored as f64 / ours,
                rep.verify_ms,
                rep.keys_per_sec
            );
        }
        flushall(&s);
        let start = Instant::now();
        let st = std::process::Command::new("sh")
            .arg("-c")
            .arg(format!(
                "redis-cli -p {} --pipe < {}",
                s.port,
                path.join("keys.resp").display()
            ))
            .output()
            .unwrap();
        assert!(st.status.success());
        let cli = start.elapsed().as_secs_f64();
        let n: u64 = redis::cmd("DBSIZE").query(&mut s.conn()).unwrap();
        assert_eq!(n, lkeys);
        println!(
            "BENCH redis-cli --pipe round {round}: {n} keys in {cli:.2}s = {:.0} keys/s",
            n as f64 / cli
        );
    }
}

#[tokio::test]
async fn replication_handles_disk_based_length_framing() {
    // repl-diskless-sync no: the master saves to disk (sending \n keepalives) and replies `$<len>`.
    let s = RedisServer::start_with(ServerOptions::default().with("repl-diskless-sync", "no"));
    fill(&mut s.conn());
    let out = tempfile::tempdir().unwrap();
    let dest = out.path().join("x.rdb");
    let st = tartarus::persistence::replication::stream_rdb(&target(&s), &dest, true, &no_progress)
        .await
        .unwrap();
    assert!(!st.eof_framing);
    assert_eq!(st.bytes, std::fs::metadata(&dest).unwrap().len());
    assert_eq!(st.sha256.unwrap(), backup::sha256_file(&dest).unwrap().1);
    let r = tartarus::persistence::rdb::verify(&dest).unwrap();
    assert!(r.ok, "{:?}", r.problems);
    assert_eq!(
        r.checksum,
        Some(tartarus::persistence::rdb::ChecksumStatus::Ok)
    );
    // Wrong password: a clear error, and the password is not in it.
    let mut t = target(&s);
    t.password = Some(tartarus::config::Secret("wrong-pw-123".into()));
    let err = tartarus::persistence::replication::stream_rdb(&t, &dest, false, &no_progress)
        .await
        .unwrap_err();
    assert!(!err.to_string().contains("wrong-pw-123"), "{err}");
    assert!(err.to_string().contains("AUTH"), "{err}");
}

/// The file method no longer pauses automatic AOF rewrites: rewrites running during the copy are
/// detected (the manifest changes, listed files vanish) and the copy starts over, so the backup
/// is consistent, and the server's `auto-aof-rewrite-percentage` is never touched.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn file_backup_stays_consistent_while_the_aof_is_rewritten() {
    let s =
        RedisServer::start_with(ServerOptions::aof("everysec").with("enable-debug-command", "yes"));
    fill(&mut s.conn());
    let _: () = redis::cmd("DEBUG")
        .arg("POPULATE")
        .arg(100_000)
        .arg("tartarus:bulk")
        .arg(200)
        .query(&mut s.conn())
        .unwrap();
    let admin = RedisAdmin::connect(&target(&s)).await.unwrap();
    wait_aof_rewrite(&admin).await;
    // The watcher polls the folder: on a loaded machine it can miss a fast copy altogether, or
    // start its rewrite only after the copy was already checked against the manifest (a
    // consistent backup, no restart needed). Then the backup is taken again, up to 3 times; each
    // one taken must verify whatever happened.
    let mut tries = 0;
    let (dir, created, n, retries) = loop {
        tries += 1;
        let dir = backups_dir();
        let (created, n, retries) = backup_under_rewrites(&s, &admin, &dir).await;
        eprintln!("{n} rewrites started during the backup, {retries} copy restart(s)");
        if let Ok(m) = &created {
            let v = backup::verify(&dir.path().join(&m.id));
            assert!(v.ok, "attempt {tries}: {}", v.failure_reason());
        }
        if retries >= 1 || tries == 3 {
            break (dir, created, n, retries);
        }
    };
    let m = created.expect("the backup retries after each rewrite and succeeds");
    assert!(n >= 1 && retries >= 1, "{n} rewrites, {retries} restarts");
    let v = backup::verify(&dir.path().join(&m.id));
    assert!(v.ok, "{}", v.failure_reason());
    assert!(
        v.checks
            .iter()
            .any(|c| c.name == "redis-check-aof" && c.outcome == backup::CheckOutcome::Ok),
        "{:?}",
        v.checks
    );
    assert_eq!(
        admin
            .config_get_one("auto-aof-rewrite-percentage")
            .await
            .unwrap()
            .as_deref(),
        Some("100")
    );
}

/// One file backup while a thread starts AOF rewrites whenever it sees the AOF copy under way:
/// the result, the rewrites it started and the copy restarts the backup reported.
async fn backup_under_rewrites(
    s: &RedisServer,
    admin: &RedisAdmin,
    dir: &tempfile::TempDir,
) -> (
    Result<backup::BackupManifest, PersistenceError>,
    usize,
    usize,
) {
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let rewrites = {
        let stop = stop.clone();
        let mut c = s.conn();
        let backups = dir.path().to_path_buf();
        std::thread::spawn(move || {
            // Whenever the backup is copying the AOF directory (a copied file has bytes), append
            // and start a rewrite — twice at most, so that the third attempt can succeed.
            let copying = || {
                std::fs::read_dir(&backups)
                    .ok()
                    .into_iter()
                    .flatten()
                    .any(|e| {
                        let e = e.unwrap();
                        e.file_name().to_string_lossy().starts_with(".tmp-")
                            && std::fs::read_dir(e.path().join("appendonlydir"))
                                .ok()
                                .into_iter()
                                .flatten()
                                .any(|f| {
                                    f.unwrap().metadata().map(|m| m.len() > 0).unwrap_or(false)
                                })
                    })
            };
            let mut n = 0;
            while n < 2 && !stop.load(std::sync::atomic::Ordering::Relaxed) {
                if copying() {
                    let _: () = redis::cmd("SET")
                        .arg("tartarus:churn")
                        .arg(n)
                        .query(&mut c)
                        .unwrap();
                    let r: redis::RedisResult<String> = redis::cmd("BGREWRITEAOF").query(&mut c);
                    if r.is_ok() {
                        n += 1;
                        // Until that copy attempt has been thrown away.
                        while copying() && !stop.load(std::sync::atomic::Ordering::Relaxed) {
                            std::thread::sleep(Duration::from_millis(1));
                        }
                    }
                }
                std::thread::sleep(Duration::from_millis(1));
            }
            n
        })
    };
    let phases = std::sync::Mutex::new(Vec::new());
    let progress = |p: tartarus::persistence::Progress| {
        if p.phase.contains("starting over") {
            phases.lock().unwrap().push(p.phase);
        }
    };
    let mut o = opts(BackupMethod::File);
    o.bgsave_timeout = Duration::from_secs(120);
    let created = backup::create(admin, &target(s), dir.path(), &o, &progress).await;
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let n = rewrites.join().unwrap();
    let retries = phases.lock().unwrap().len();
    (created, n, retries)
}

/// The persistence canary is a library use case: called directly, it proves a server with AOF
/// keeps the canary (BGSAVE mode), fails with PERSISTENCE_FAILED on one that cannot persist, and
/// removes the canary either way.
#[tokio::test]
async fn the_persistence_canary_runs_from_the_library() {
    use tartarus::persistence::canary::{self, CanaryOptions};
    use tartarus::store::redis::RedisStore;
    use tartarus::store::{SharedStore, StoreSettings};

    async fn check(s: &RedisServer) -> (canary::Verdict, anyhow::Result<()>) {
        let t = target(s);
        let open = || -> futures::future::BoxFuture<'_, anyhow::Result<SharedStore>> {
            let t = t.clone();
            Box::pin(async move {
                let store = RedisStore::connect(
                    &t,
                    tartarus::store::keys::Keys::default(),
                    StoreSettings::default(),
                )
                .await?;
                Ok(std::sync::Arc::new(store) as SharedStore)
            })
        };
        let opts = CanaryOptions {
            bgsave_timeout: Duration::from_secs(60),
            ..Default::default()
        };
        canary::verify_persistence(&t, &open, &opts, &no_progress).await
    }
    let keys = |s: &RedisServer| -> Vec<String> {
        redis::cmd("KEYS")
            .arg("tartarus:{default}:run:*")
            .query(&mut s.conn())
            .unwrap()
    };

    let aof = RedisServer::start_with(ServerOptions::aof("everysec"));
    let (verdict, outcome) = check(&aof).await;
    assert!(outcome.is_ok(), "{:?}", outcome);
    assert!(verdict.persisted, "{verdict:?}");
    assert_eq!(verdict.mode, "bgsave");
    let names: Vec<&str> = verdict.checks.iter().map(|c| c.name).collect();
    assert_eq!(
        names,
        [
            "canary written",
            "persistence configured",
            "bgsave",
            "aof writes",
            "canary run",
            "canary policy"
        ]
    );
    assert!(verdict.cleanup.contains("deleted"), "{}", verdict.cleanup);
    assert!(keys(&aof).is_empty(), "the canary run is gone");

    // No AOF, no save rules: the canary is read back (nothing restarted) but persistence is not
    // configured, so the check fails with the code that says so.
    let bare = RedisServer::start();
    let (verdict, outcome) = check(&bare).await;
    let err = outcome.unwrap_err();
    assert_eq!(exit::code_for(&err), exit::PERSISTENCE_FAILED, "{err:#}");
    assert!(!verdict.persisted);
    assert!(
        verdict.error.is_none(),
        "it ran to the end: {:?}",
        verdict.error
    );
    assert!(
        verdict.failures().contains("persistence configured"),
        "{}",
        verdict.failures()
    );
    assert!(keys(&bare).is_empty(), "the canary run is gone");
}
