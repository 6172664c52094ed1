//! Backups on Redis Cluster: one RDB per master under one manifest (from the replicas), listed,
//! verified, restored online into a flushed cluster with every master's keys equal to before;
//! refused (exit CONFLICT) when a slot moved, and (USAGE) for a one-server backup or target;
//! hostile manifests of a cluster backup refused (BACKUP_INVALID); `redis configure` per node.

mod support;

use std::collections::BTreeMap;

use support::cluster::RedisCluster;
use support::{assert_code, ok_json};

fn tmpdir() -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix("cluster-backup-")
        .tempdir()
        .unwrap()
}

/// Every key of one master with its content read by type and whether it expires
/// (`support::keyspace_content_on`; DUMP is not stable for a big hash rebuilt elsewhere), plus
/// each stream's groups (consumers, pending counts, last delivered ids).
fn master_digest(cluster: &RedisCluster, port: u16) -> BTreeMap<String, (String, String)> {
    let mut c = cluster.node(port).conn();
    let mut out = support::keyspace_content_on(&mut c);
    for (key, (kind, content)) in out.iter_mut() {
        if kind == "stream" {
            let mut groups: Vec<BTreeMap<String, redis::Value>> = redis::cmd("XINFO")
                .arg("GROUPS")
                .arg(key)
                .query(&mut c)
                .unwrap();
            // A Redis 7.0 replica keeps no `entries-read` (nil, and so no `lag`) for groups it
            // learnt by replication, and the backup comes from the replicas.
            for g in &mut groups {
                g.remove("entries-read");
                g.remove("lag");
            }
            content.push_str(&format!(" groups={groups:?}"));
        }
    }
    out
}

/// Keys of every type and encoding in the cell's slot (so on the cell's master): compressed
/// strings, integers, big and small hashes, sets, sorted sets and lists, a stream with a group
/// and pending entries, and a key that expires.
fn fill_cell(cluster: &RedisCluster, cell: &str, port: u16) {
    let mut c = cluster.node(port).conn();
    let k = |name: &str| format!("data:{{{cell}}}:{name}");
    let long = "tartarus ".repeat(40);
    let _: () = redis::cmd("SET")
        .arg(k("long"))
        .arg(&long)
        .query(&mut c)
        .unwrap();
    let _: () = redis::cmd("SET")
        .arg(k("int"))
        .arg(12345)
        .query(&mut c)
        .unwrap();
    let _: () = redis::cmd("SET")
        .arg(k("ttl"))
        .arg("soon")
        .arg("EX")
        .arg(3600)
        .query(&mut c)
        .unwrap();
    for i in 0..600 {
        let _: () = redis::cmd("HSET")
            .arg(k("bighash"))
            .arg(format!("field-{i}"))
            .arg(format!("{long}{i}"))
            .query(&mut c)
            .unwrap();
        let _: () = redis::cmd("SADD")
            .arg(k("bigset"))
            .arg(format!("m{i}"))
            .query(&mut c)
            .unwrap();
        let _: () = redis::cmd("ZADD")
            .arg(k("bigzset"))
            .arg(i as f64 / 3.0)
            .arg(format!("z{i}"))
            .query(&mut c)
            .unwrap();
        let _: () = redis::cmd("RPUSH")
            .arg(k("list"))
            .arg(format!("{long}{i}"))
            .query(&mut c)
            .unwrap();
    }
    let _: () = redis::cmd("HSET")
        .arg(k("hash"))
        .arg("a")
        .arg("1")
        .query(&mut c)
        .unwrap();
    let _: () = redis::cmd("SADD")
        .arg(k("intset"))
        .arg(1)
        .arg(2)
        .arg(3)
        .query(&mut c)
        .unwrap();
    let _: () = redis::cmd("ZADD")
        .arg(k("zset"))
        .arg(1.5)
        .arg("x")
        .query(&mut c)
        .unwrap();
    for i in 0..50 {
        let _: String = redis::cmd("XADD")
            .arg(k("stream"))
            .arg("*")
            .arg("n")
            .arg(i)
            .query(&mut c)
            .unwrap();
    }
    let _: () = redis::cmd("XGROUP")
        .arg("CREATE")
        .arg(k("stream"))
        .arg("workers")
        .arg("0")
        .query(&mut c)
        .unwrap();
    let _: redis::Value = redis::cmd("XREADGROUP")
        .arg("GROUP")
        .arg("workers")
        .arg("w1")
        .arg("COUNT")
        .arg(7)
        .arg("STREAMS")
        .arg(k("stream"))
        .arg(">")
        .query(&mut c)
        .unwrap();
    // And tartarus's own keys: runs submitted into the cell.
    let submitted = ok_json(cluster.tartarus(cell).args([
        "-q", "sandbox", "submit", "-o", "json", "--image", "alpine", "--", "true",
    ]));
    assert_eq!(support::items(&submitted).len(), 1, "{submitted}");
}

fn flush_masters(cluster: &RedisCluster) {
    for port in cluster.masters() {
        let _: () = redis::cmd("FLUSHALL")
            .query(&mut cluster.node(port).conn())
            .unwrap();
    }
}

/// Backup from the replicas → list, verify → flush → dry run → restore online: every master's
/// keys (DUMP payloads, expiry, stream groups) equal to before.
#[test]
fn a_cluster_backup_restores_online_master_by_master() {
    let cluster = RedisCluster::start(3, 1);
    let cells = cluster.cells_on_distinct_masters(3);
    for (cell, port) in &cells {
        fill_cell(&cluster, cell, *port);
    }
    let masters = cluster.masters();
    let before: Vec<_> = masters
        .iter()
        .map(|p| master_digest(&cluster, *p))
        .collect();
    assert!(before.iter().all(|d| d.len() > 10), "every master has data");
    // The replicas have it too before the backup reads them.
    for port in &masters {
        let _: i64 = redis::cmd("WAIT")
            .arg(1)
            .arg(10_000)
            .query(&mut cluster.node(*port).conn())
            .unwrap();
    }
    let dir = tmpdir();
    let d = dir.path().to_str().unwrap();
    let created = ok_json(cluster.tartarus("blue").args([
        "backup",
        "create",
        "--dir",
        d,
        "--from-replica",
        "--verify",
        "-o",
        "json",
    ]));
    let id = created["id"].as_str().unwrap().to_string();
    assert_eq!(created["format_version"], 2, "{created}");
    assert_eq!(created["verify"]["ok"], true, "{created}");
    let listed = created["masters"].as_array().unwrap().clone();
    assert_eq!(listed.len(), 3, "{created}");
    let topology = cluster.topology();
    let mut slots_total = 0;
    for m in &listed {
        let port: u16 = m["address"]
            .as_str()
            .unwrap()
            .rsplit(':')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        let node = topology.iter().find(|n| n.port == port).unwrap();
        assert_eq!(node.role, "master", "{m}");
        let slots: Vec<(u16, u16)> = m["slots"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| (r[0].as_u64().unwrap() as u16, r[1].as_u64().unwrap() as u16))
            .collect();
        assert_eq!(slots, node.slots, "{m}");
        slots_total += slots
            .iter()
            .map(|(a, b)| u32::from(*b - *a) + 1)
            .sum::<u32>();
        // Taken from this master's replica.
        let replica = format!("127.0.0.1:{} (replica)", cluster.replica_of(port));
        assert_eq!(m["taken_from"], replica.as_str(), "{m}");
        let node_id = m["node_id"].as_str().unwrap();
        assert_eq!(m["rdb"]["name"], format!("{node_id}/dump.rdb"));
        let path = dir.path().join(&id).join(node_id).join("dump.rdb");
        assert_eq!(
            std::fs::metadata(&path).unwrap().len(),
            m["rdb"]["size_bytes"].as_u64().unwrap()
        );
        assert!(created["files"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f == &m["rdb"]));
    }
    assert_eq!(slots_total, 16384);
    // No temporary folder left; listed as one complete backup of 3 masters.
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(names.iter().all(|n| !n.starts_with(".tmp-")), "{names:?}");
    let list = ok_json(support::tartarus().args(["backup", "list", "--dir", d, "-o", "json"]));
    let item = &support::items(&list)[0];
    assert_eq!(
        (item["status"].as_str(), item["masters"].as_u64()),
        (Some("complete"), Some(3))
    );
    ok_json(support::tartarus().args(["backup", "verify", &id, "--dir", d, "-o", "json"]));

    flush_masters(&cluster);
    let plan = ok_json(cluster.tartarus("blue").args([
        "backup",
        "restore",
        &id,
        "--dir",
        d,
        "--online",
        "--dry-run",
        "-o",
        "json",
    ]));
    let planned = plan["masters"].as_array().unwrap();
    assert_eq!(planned.len(), 3, "{plan}");
    assert!(
        planned
            .iter()
            .all(|m| m["keys_now"] == 0 && m["restore_into"] == m["address"]),
        "{plan}"
    );
    assert!(
        masters
            .iter()
            .all(|p| master_digest(&cluster, *p).is_empty()),
        "dry run wrote"
    );

    let restored = ok_json(cluster.tartarus("blue").args([
        "backup", "restore", &id, "--dir", d, "--online", "--yes", "-o", "json",
    ]));
    let total: usize = before.iter().map(BTreeMap::len).sum();
    assert_eq!(
        restored["restored"].as_u64(),
        Some(total as u64),
        "{restored}"
    );
    for (port, want) in masters.iter().zip(&before) {
        let got = master_digest(&cluster, *port);
        assert_eq!(got.len(), want.len(), "master {port}");
        for (key, value) in want {
            assert!(
                got.get(key) == Some(value),
                "master {port} key {key} differs"
            );
        }
    }
    // The cells work on the restored data.
    for (cell, _) in &cells {
        let runs = ok_json(
            cluster
                .tartarus(cell)
                .args(["sandbox", "list", "-o", "json"]),
        );
        assert_eq!(support::items(&runs).len(), 1, "{runs}");
    }
}

/// A slot moved since the backup: refused with CONFLICT, nothing written. A one-server backup
/// into the cluster and the cluster backup into one server: USAGE. Hostile manifests and links:
/// BACKUP_INVALID.
#[test]
fn a_cluster_restore_refuses_another_slot_map_and_hostile_backups() {
    let cluster = RedisCluster::start(3, 0);
    let (cell, port) = cluster.cells_on_distinct_masters(1).remove(0);
    fill_cell(&cluster, &cell, port);
    let dir = tmpdir();
    let d = dir.path().to_str().unwrap();
    let created = ok_json(
        cluster
            .tartarus("blue")
            .args(["backup", "create", "--dir", d, "-o", "json"]),
    );
    let id = created["id"].as_str().unwrap().to_string();

    // Move one empty slot from the first master to the second.
    let masters = cluster.masters();
    let (from, to) = (masters[0], masters[1]);
    let node_id = |p: u16| -> String {
        redis::cmd("CLUSTER")
            .arg("MYID")
            .query(&mut cluster.node(p).conn())
            .unwrap()
    };
    let slot = cluster
        .topology()
        .iter()
        .find(|n| n.port == from)
        .unwrap()
        .slots[0]
        .0;
    let (from_id, to_id) = (node_id(from), node_id(to));
    for (p, args) in [
        (to, vec!["IMPORTING", from_id.as_str()]),
        (from, vec!["MIGRATING", to_id.as_str()]),
        (from, vec!["NODE", to_id.as_str()]),
        (to, vec!["NODE", to_id.as_str()]),
    ] {
        let _: () = redis::cmd("CLUSTER")
            .arg("SETSLOT")
            .arg(slot)
            .arg(&args)
            .query(&mut cluster.node(p).conn())
            .unwrap();
    }
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while !cluster
        .topology()
        .iter()
        .all(|n| n.port != from || n.slots.first().map(|s| s.0) != Some(slot))
    {
        assert!(
            std::time::Instant::now() < deadline,
            "slot {slot} did not move"
        );
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    let keys_before: Vec<_> = masters
        .iter()
        .map(|p| master_digest(&cluster, *p))
        .collect();
    for extra in [vec!["--dry-run"], vec!["--yes"]] {
        let out = cluster
            .tartarus("blue")
            .args(["backup", "restore", &id, "--dir", d, "--online", "--flush"])
            .args(&extra)
            .output()
            .unwrap();
        let stderr = assert_code(&out, tartarus::exit::CONFLICT);
        assert!(
            stderr.contains("slot map differs") && stderr.contains(&format!("127.0.0.1:{from}")),
            "{stderr}"
        );
    }
    let keys_after: Vec<_> = masters
        .iter()
        .map(|p| master_digest(&cluster, *p))
        .collect();
    assert_eq!(keys_before, keys_after, "a refused restore wrote");

    // A one-server backup into the cluster; the cluster backup into one server.
    let server = support::RedisServer::start();
    let single = ok_json(support::tartarus_on(&server).args([
        "backup",
        "create",
        "--dir",
        d,
        "--method",
        "replication",
        "-o",
        "json",
    ]));
    let out = cluster
        .tartarus("blue")
        .args([
            "backup",
            "restore",
            single["id"].as_str().unwrap(),
            "--dir",
            d,
            "--online",
            "--dry-run",
        ])
        .output()
        .unwrap();
    let stderr = assert_code(&out, tartarus::exit::USAGE);
    assert!(stderr.contains("not from a Redis Cluster"), "{stderr}");
    let out = support::tartarus_on(&server)
        .args([
            "backup",
            "restore",
            &id,
            "--dir",
            d,
            "--online",
            "--dry-run",
        ])
        .output()
        .unwrap();
    let stderr = assert_code(&out, tartarus::exit::USAGE);
    assert!(stderr.contains("is not a cluster"), "{stderr}");
    // Offline: which master must be said; a wrong one is refused.
    let data = tmpdir();
    let out = support::tartarus()
        .args([
            "backup",
            "restore",
            &id,
            "--dir",
            d,
            "--data-dir",
            data.path().to_str().unwrap(),
            "--appendonly",
            "no",
            "--dry-run",
        ])
        .output()
        .unwrap();
    let stderr = assert_code(&out, tartarus::exit::USAGE);
    assert!(stderr.contains("--node"), "{stderr}");
    let first = &created["masters"][0];
    let plan = ok_json(support::tartarus().args([
        "backup",
        "restore",
        &id,
        "--dir",
        d,
        "--data-dir",
        data.path().to_str().unwrap(),
        "--appendonly",
        "yes",
        "--node",
        first["address"].as_str().unwrap(),
        "--dry-run",
        "-o",
        "json",
    ]));
    assert_eq!(plan["cluster_node"]["node_id"], first["node_id"], "{plan}");
    assert!(
        plan["install"][0]["from"]
            .as_str()
            .unwrap()
            .ends_with(&format!("{}/dump.rdb", first["node_id"].as_str().unwrap())),
        "{plan}"
    );
    let installed = ok_json(support::tartarus().args([
        "backup",
        "restore",
        &id,
        "--dir",
        d,
        "--data-dir",
        data.path().to_str().unwrap(),
        "--appendonly",
        "no",
        "--node",
        first["node_id"].as_str().unwrap(),
        "--yes",
        "-o",
        "json",
    ]));
    assert_eq!(
        std::fs::read(data.path().join("dump.rdb")).unwrap(),
        std::fs::read(
            dir.path()
                .join(&id)
                .join(first["node_id"].as_str().unwrap())
                .join("dump.rdb")
        )
        .unwrap(),
        "{installed}"
    );
    assert!(
        installed["next_steps"][0]
            .as_str()
            .unwrap()
            .contains("nodes.conf"),
        "{installed}"
    );

    // Hostile copies of the backup: each refused by verify and restore, exit BACKUP_INVALID.
    let original = dir.path().join(&id);
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(original.join("manifest.json")).unwrap()).unwrap();
    let node = manifest["masters"][0]["node_id"]
        .as_str()
        .unwrap()
        .to_string();
    let mut cases: Vec<(&str, serde_json::Value)> = Vec::new();
    let mut m = manifest.clone();
    m["masters"][0]["node_id"] = "../../etc".into();
    cases.push(("plain name", m));
    let mut m = manifest.clone();
    m["masters"][0]["rdb"]["name"] = format!("../{node}/dump.rdb").into();
    cases.push(("not", m));
    let mut m = manifest.clone();
    m["masters"][1]["slots"] = manifest["masters"][0]["slots"].clone();
    cases.push(("same slot", m));
    let mut m = manifest.clone();
    m["masters"][0]["rdb"]["size_bytes"] = (u64::MAX).into();
    cases.push(("as listed in files", m));
    let mut m = manifest.clone();
    m["format_version"] = 1.into();
    cases.push(("format 1", m));
    for (i, (want, m)) in cases.into_iter().enumerate() {
        let copy = dir.path().join(format!("hostile{i}"));
        copy_tree(&original, &copy);
        std::fs::write(copy.join("manifest.json"), serde_json::to_vec(&m).unwrap()).unwrap();
        for verb in [vec!["backup", "verify"], vec!["backup", "restore"]] {
            let mut cmd = cluster.tartarus("blue");
            cmd.args(&verb).arg(copy.to_str().unwrap());
            if verb[1] == "restore" {
                cmd.args(["--online", "--dry-run"]);
            }
            let out = cmd.output().unwrap();
            let stderr = assert_code(&out, tartarus::exit::BACKUP_INVALID);
            assert!(stderr.contains(want), "{want}: {stderr}");
        }
    }
    // A master's RDB replaced by a link (to a FIFO, which would block a reader).
    let copy = dir.path().join("hostile-link");
    copy_tree(&original, &copy);
    let fifo = dir.path().join("fifo");
    assert!(std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    std::fs::remove_file(copy.join(&node).join("dump.rdb")).unwrap();
    std::os::unix::fs::symlink(&fifo, copy.join(&node).join("dump.rdb")).unwrap();
    let out = cluster
        .tartarus("blue")
        .args([
            "backup",
            "restore",
            copy.to_str().unwrap(),
            "--online",
            "--dry-run",
        ])
        .output()
        .unwrap();
    let stderr = assert_code(&out, tartarus::exit::BACKUP_INVALID);
    assert!(stderr.contains("symbolic link"), "{stderr}");
}

fn copy_tree(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let dest = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_tree(&e.path(), &dest);
        } else {
            std::fs::copy(e.path(), dest).unwrap();
        }
    }
}

/// `redis configure` reads every node, recommends min-replicas-to-write in groups with
/// replicas (replicas included), and --apply sets it on every node.
#[test]
fn configure_runs_on_every_node() {
    let cluster = RedisCluster::start(3, 1);
    let plan = ok_json(
        cluster
            .tartarus("blue")
            .args(["redis", "configure", "-o", "json"]),
    );
    let nodes = support::items(&plan);
    assert_eq!(nodes.len(), 6, "{plan}");
    assert_eq!(nodes.iter().filter(|n| n["role"] == "master").count(), 3);
    for n in &nodes {
        assert_eq!(n["group_replicas"], 1, "{n}");
        assert!(n["error"].is_null(), "{n}");
        let changes = n["plan"]["changes"].as_array().unwrap();
        assert!(
            changes
                .iter()
                .any(|c| c["setting"] == "min-replicas-to-write" && c["change_needed"] == true),
            "{n}"
        );
    }
    let applied = ok_json(cluster.tartarus("blue").args([
        "redis",
        "configure",
        "--apply",
        "--yes",
        "-o",
        "json",
    ]));
    assert_eq!(support::items(&applied).len(), 6, "{applied}");
    for node in &cluster.nodes {
        let v: Vec<String> = redis::cmd("CONFIG")
            .arg("GET")
            .arg("min-replicas-to-write")
            .query(&mut node.conn())
            .unwrap();
        assert_eq!(v[1], "1", "node {}", node.port);
        let v: Vec<String> = redis::cmd("CONFIG")
            .arg("GET")
            .arg("maxmemory-policy")
            .query(&mut node.conn())
            .unwrap();
        assert_eq!(v[1], "noeviction", "node {}", node.port);
    }
    let again = ok_json(
        cluster
            .tartarus("blue")
            .args(["redis", "configure", "-o", "json"]),
    );
    assert!(
        support::items(&again)
            .iter()
            .all(|n| n["needs_changes"].is_null()
                && n["plan"]["changes"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .all(|c| c["change_needed"] == false)),
        "{again}"
    );
}
