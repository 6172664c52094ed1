//! Hostile backups (issue 10), built by hand from real ones: a symbolic link anywhere in a backup,
//! names that point outside it, and sizes or lengths crafted to exhaust memory. `backup verify`
//! refuses each with BACKUP_INVALID, naming the entry; `backup restore` refuses it before reading
//! anything; nothing outside the backup is read (a FIFO outside would block a reader forever) or
//! written. Also: backups are written 0600 in 0700 folders.

mod support;

use std::collections::BTreeMap;
use std::os::unix::fs::{symlink, PermissionsExt};
use std::path::{Path, PathBuf};
use std::time::Duration;

use sha2::Digest;
use support::{tartarus, tartarus_on, RedisServer, ServerOptions};
use tartarus::exit;

/// Long enough for a slow machine; a command that opened a FIFO outside would never finish.
const LIMIT: Duration = Duration::from_secs(60);

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn code(c: u8) -> Option<i32> {
    Some(i32::from(c))
}

/// A backup taken by the CLI into `dir`: its folder.
fn backup(server: &RedisServer, dir: &Path, method: &str) -> PathBuf {
    let out = tartarus_on(server)
        .args([
            "backup", "create", "--method", method, "-o", "json", "--dir",
        ])
        .arg(dir)
        .timeout(LIMIT)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let m: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    dir.join(m["id"].as_str().unwrap())
}

/// A server with AOF on and some data, and a file backup of it (dump.rdb + appendonlydir/).
fn aof_server_and_backup(dir: &Path) -> (RedisServer, PathBuf) {
    let s = RedisServer::start_with(ServerOptions::aof("everysec"));
    for i in 0..50 {
        let _: () = redis::cmd("SET")
            .arg(format!("tartarus:k{i}"))
            .arg(i)
            .query(&mut s.conn())
            .unwrap();
    }
    let folder = backup(&s, dir, "file");
    assert!(folder.join("appendonlydir").is_dir());
    (s, folder)
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let dst = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_tree(&e.path(), &dst);
        } else {
            std::fs::copy(e.path(), &dst).unwrap();
        }
    }
}

/// Every file and folder below `root` with its size and modification time.
fn snapshot(root: &Path) -> BTreeMap<PathBuf, (u64, std::time::SystemTime)> {
    let mut out = BTreeMap::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let e = e.unwrap();
            let md = std::fs::symlink_metadata(e.path()).unwrap();
            out.insert(e.path(), (md.len(), md.modified().unwrap()));
            if md.is_dir() {
                stack.push(e.path());
            }
        }
    }
    out
}

fn mkfifo(path: &Path) {
    let c = std::ffi::CString::new(path.to_str().unwrap()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
}

/// `backup verify PATH` with no Redis and no backup directory.
fn verify(path: &Path) -> std::process::Output {
    tartarus()
        .env("REDIS_ADDR", "")
        .env_remove("TARTARUS_BACKUP_DIR")
        .args(["backup", "verify"])
        .arg(path)
        .timeout(LIMIT)
        .output()
        .unwrap()
}

/// `backup restore PATH` offline into `data_dir` (appendonly yes), no server to check.
fn restore_offline(path: &Path, data_dir: &Path) -> std::process::Output {
    tartarus()
        .env("REDIS_ADDR", "")
        .env_remove("TARTARUS_BACKUP_DIR")
        .args([
            "backup",
            "restore",
            "--yes",
            "--appendonly",
            "yes",
            "--data-dir",
        ])
        .arg(data_dir)
        .arg(path)
        .timeout(LIMIT)
        .output()
        .unwrap()
}

/// Asserts `out` is a BACKUP_INVALID refusal that names `entry` and says `why`.
fn assert_refused(out: &std::process::Output, entry: &str, why: &str) {
    let err = stderr(out);
    assert_eq!(out.status.code(), code(exit::BACKUP_INVALID), "{err}");
    assert!(err.contains(entry) && err.contains(why), "{entry}: {err}");
    assert!(!err.contains("panicked"), "{err}");
}

/// Rewrites the sizes and SHA-256 in manifest.json to match the files, so that verification
/// gets past the checksums to the parsers behind them.
fn reseal(folder: &Path) {
    let path = folder.join("manifest.json");
    let mut m: serde_json::Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    for f in m["files"].as_array_mut().unwrap() {
        let bytes = std::fs::read(folder.join(f["name"].as_str().unwrap())).unwrap();
        f["size_bytes"] = bytes.len().into();
        f["sha256"] = format!("{:x}", sha2::Sha256::digest(&bytes)).into();
    }
    std::fs::write(&path, m.to_string()).unwrap();
}

fn edit_manifest(folder: &Path, edit: impl FnOnce(&mut serde_json::Value)) {
    let path = folder.join("manifest.json");
    let mut m: serde_json::Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    edit(&mut m);
    std::fs::write(&path, m.to_string()).unwrap();
}

fn aof_file(folder: &Path, suffix: &str) -> String {
    std::fs::read_dir(folder.join("appendonlydir"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .find(|n| n.ends_with(suffix))
        .unwrap_or_else(|| panic!("no *{suffix} in the AOF directory"))
}

/// A symbolic link in place of any entry — pointing at a good copy outside, so that following
/// it would pass — fails verification naming the entry, and restore refuses it, writing nothing.
#[test]
fn a_link_anywhere_in_a_backup_is_refused_naming_it() {
    let root = tempfile::tempdir().unwrap();
    let (_server, good) = aof_server_and_backup(&root.path().join("backups"));
    assert_eq!(
        verify(&good).status.code(),
        code(exit::OK),
        "the original verifies"
    );
    let outside = root.path().join("outside");
    copy_tree(&good, &outside);
    let base = format!("appendonlydir/{}", aof_file(&good, ".base.rdb"));
    let aof_manifest = format!("appendonlydir/{}", aof_file(&good, ".manifest"));
    let data_dir = root.path().join("data");
    std::fs::create_dir_all(&data_dir).unwrap();
    std::fs::write(data_dir.join("dump.rdb"), b"the server's own data").unwrap();
    let data_before = snapshot(&data_dir);
    for (i, entry) in [
        "dump.rdb",
        "manifest.json",
        "appendonlydir",
        &base,
        &aof_manifest,
    ]
    .into_iter()
    .enumerate()
    {
        let hostile = root.path().join(format!("hostile-{i}"));
        copy_tree(&good, &hostile);
        let target = hostile.join(entry);
        if target.is_dir() {
            std::fs::remove_dir_all(&target).unwrap();
        } else {
            std::fs::remove_file(&target).unwrap();
        }
        symlink(outside.join(entry), &target).unwrap();
        assert_refused(&verify(&hostile), entry, "symbolic link");
        assert_refused(
            &restore_offline(&hostile, &data_dir),
            entry,
            "symbolic link",
        );
        assert_eq!(snapshot(&data_dir), data_before, "{entry}: nothing written");
    }
}

/// A link to a FIFO outside: a reader that followed it would block forever. Verification and
/// restore finish, refusing it, so they never opened it.
#[test]
fn a_link_to_a_fifo_outside_is_never_opened() {
    let root = tempfile::tempdir().unwrap();
    let s = RedisServer::start_with(ServerOptions::default().with("repl-diskless-sync-delay", "0"));
    let good = backup(&s, &root.path().join("backups"), "replication");
    let fifo = root.path().join("fifo");
    mkfifo(&fifo);
    std::fs::remove_file(good.join("dump.rdb")).unwrap();
    symlink(&fifo, good.join("dump.rdb")).unwrap();
    assert_refused(&verify(&good), "dump.rdb", "symbolic link");
    let data_dir = root.path().join("data");
    std::fs::create_dir_all(&data_dir).unwrap();
    assert_refused(
        &restore_offline(&good, &data_dir),
        "dump.rdb",
        "symbolic link",
    );
    assert!(snapshot(&data_dir).is_empty());
    // A FIFO inside the backup (not a link) is refused the same way, without blocking.
    std::fs::remove_file(good.join("dump.rdb")).unwrap();
    mkfifo(&good.join("dump.rdb"));
    assert_refused(&verify(&good), "dump.rdb", "not a regular file");
}

/// The backup folder itself as a link inside the backup directory: by id, by path, and in list.
#[test]
fn a_linked_backup_folder_is_refused() {
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("backups");
    let s = RedisServer::start_with(ServerOptions::default().with("repl-diskless-sync-delay", "0"));
    let good = backup(&s, &root.path().join("elsewhere"), "replication");
    std::fs::create_dir_all(&dir).unwrap();
    let id = good.file_name().unwrap().to_str().unwrap().to_string();
    symlink(&good, dir.join(&id)).unwrap();
    let by_id = tartarus()
        .env("REDIS_ADDR", "")
        .env("TARTARUS_BACKUP_DIR", &dir)
        .args(["backup", "verify", &id])
        .timeout(LIMIT)
        .output()
        .unwrap();
    assert_refused(&by_id, &id, "symbolic link");
    assert_refused(&verify(&dir.join(&id)), &id, "symbolic link");
    let data_dir = root.path().join("data");
    std::fs::create_dir_all(&data_dir).unwrap();
    assert_refused(
        &restore_offline(&dir.join(&id), &data_dir),
        &id,
        "symbolic link",
    );
    let list = tartarus()
        .env("REDIS_ADDR", "")
        .args(["backup", "list", "-o", "json", "--dir"])
        .arg(&dir)
        .output()
        .unwrap();
    let list: serde_json::Value = serde_json::from_slice(&list.stdout).unwrap();
    assert_eq!(list["items"][0]["id"], id.as_str());
    assert!(
        list["items"][0]["status"]
            .as_str()
            .unwrap()
            .starts_with("invalid"),
        "{list}"
    );
    // prune neither follows nor deletes it.
    let out = tartarus()
        .env("REDIS_ADDR", "")
        .args([
            "backup",
            "prune",
            "--keep-days",
            "0",
            "--keep-last",
            "0",
            "--yes",
            "--dir",
        ])
        .arg(&dir)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(std::fs::symlink_metadata(dir.join(&id)).is_ok());
    assert!(
        good.join("dump.rdb").is_file(),
        "the link's target is untouched"
    );
}

/// A change made to a manifest.json.
type Edit = Box<dyn Fn(&mut serde_json::Value)>;

/// Manifests naming files outside the backup, twice, or with crafted sizes and counts.
#[test]
fn crafted_manifests_are_refused_without_reading_outside() {
    let root = tempfile::tempdir().unwrap();
    let s = RedisServer::start_with(ServerOptions::default().with("repl-diskless-sync-delay", "0"));
    let good = backup(&s, &root.path().join("backups"), "replication");
    // Anything named outside the backup is a FIFO: opening it would block.
    mkfifo(&root.path().join("backups/outside.rdb"));
    mkfifo(&root.path().join("outside.rdb"));
    let cases: Vec<(&str, Edit, &str)> = vec![
        (
            "parent",
            Box::new(|m| m["files"][0]["name"] = "../outside.rdb".into()),
            "not a plain relative path",
        ),
        (
            "absolute",
            Box::new(|m| m["files"][0]["name"] = "/etc/passwd".into()),
            "not a plain relative path",
        ),
        (
            "through",
            Box::new(|m| m["files"][0]["name"] = "appendonlydir/../../../outside.rdb".into()),
            "not a plain relative path",
        ),
        (
            "twice",
            Box::new(|m| {
                let f = m["files"][0].clone();
                m["files"].as_array_mut().unwrap().push(f);
            }),
            "twice",
        ),
        (
            "size",
            Box::new(|m| m["files"][0]["size_bytes"] = u64::MAX.into()),
            "manifest says 18446744073709551615",
        ),
        (
            "many",
            Box::new(|m| {
                let f = m["files"][0].clone();
                let many: Vec<serde_json::Value> = (0..20_000)
                    .map(|i| {
                        let mut f = f.clone();
                        f["name"] = format!("f{i}").into();
                        f
                    })
                    .collect();
                m["files"] = many.into();
            }),
            "more than 10000 files",
        ),
        (
            "version",
            Box::new(|m| m["format_version"] = 99.into()),
            "newer",
        ),
    ];
    for (name, edit, why) in cases {
        let hostile = root.path().join(format!("backups/hostile-{name}"));
        copy_tree(&good, &hostile);
        edit_manifest(&hostile, edit);
        let out = verify(&hostile);
        assert_refused(&out, "", why);
        let data_dir = root.path().join(format!("data-{name}"));
        std::fs::create_dir_all(&data_dir).unwrap();
        assert_refused(&restore_offline(&hostile, &data_dir), "", why);
        assert!(snapshot(&data_dir).is_empty(), "{name}: nothing written");
    }
    // A manifest.json larger than any real one is not read whole.
    let big = root.path().join("backups/hostile-big");
    copy_tree(&good, &big);
    std::fs::write(big.join("manifest.json"), vec![b' '; 5 << 20]).unwrap();
    assert_refused(&verify(&big), "manifest.json", "limit");
}

/// An RDB and an AOF manifest crafted behind matching checksums: refused by their own checks.
#[test]
fn crafted_rdb_and_aof_manifests_are_refused() {
    let root = tempfile::tempdir().unwrap();
    let (_server, good) = aof_server_and_backup(&root.path().join("backups"));
    let manifest = format!("appendonlydir/{}", aof_file(&good, ".manifest"));
    mkfifo(&root.path().join("outside.aof"));
    let cases: Vec<(&str, String, Vec<u8>, &str)> = vec![
        (
            "rdb-magic",
            "dump.rdb".into(),
            b"RADIS0010xxxxxxxxxxxx".to_vec(),
            "magic",
        ),
        (
            "rdb-short",
            "dump.rdb".into(),
            b"REDIS".to_vec(),
            "too short",
        ),
        (
            "rdb-version",
            "dump.rdb".into(),
            b"REDISab10\xfe\x00\xff\x00\x00\x00\x00\x00\x00\x00\x01".to_vec(),
            "4 digits",
        ),
        (
            "aof-parent",
            manifest.clone(),
            b"file ../../../outside.aof seq 1 type b\n".to_vec(),
            "plain name",
        ),
        (
            "aof-absolute",
            manifest.clone(),
            b"file /etc/passwd seq 1 type b\n".to_vec(),
            "plain name",
        ),
        (
            "aof-seq",
            manifest.clone(),
            b"file a seq 99999999999999999999999999 type b\n".to_vec(),
            "seq is not a number",
        ),
        ("aof-huge", manifest.clone(), vec![b'#'; 2 << 20], "limit"),
    ];
    for (name, entry, bytes, why) in cases {
        let hostile = root.path().join(format!("hostile-{name}"));
        copy_tree(&good, &hostile);
        std::fs::write(hostile.join(&entry), bytes).unwrap();
        reseal(&hostile);
        let out = verify(&hostile);
        assert_refused(&out, "", why);
        let data_dir = root.path().join(format!("data-{name}"));
        std::fs::create_dir_all(&data_dir).unwrap();
        assert_refused(&restore_offline(&hostile, &data_dir), "", why);
        assert!(snapshot(&data_dir).is_empty(), "{name}: nothing written");
    }
}

/// A crafted logical backup restored online loads nothing.
#[test]
fn a_crafted_logical_backup_loads_nothing() {
    let root = tempfile::tempdir().unwrap();
    let s = RedisServer::start();
    let _: () = redis::cmd("SET")
        .arg("tartarus:k")
        .arg("v")
        .query(&mut s.conn())
        .unwrap();
    let good = backup(&s, &root.path().join("backups"), "logical");
    let _: () = redis::cmd("FLUSHALL").query(&mut s.conn()).unwrap();
    let outside = root.path().join("outside.resp");
    std::fs::copy(good.join("keys.resp"), &outside).unwrap();
    std::fs::remove_file(good.join("keys.resp")).unwrap();
    symlink(&outside, good.join("keys.resp")).unwrap();
    let out = tartarus_on(&s)
        .env_remove("TARTARUS_BACKUP_DIR")
        .args(["backup", "restore", "--online", "--yes"])
        .arg(&good)
        .timeout(LIMIT)
        .output()
        .unwrap();
    assert_refused(&out, "keys.resp", "symbolic link");
    let n: i64 = redis::cmd("DBSIZE").query(&mut s.conn()).unwrap();
    assert_eq!(n, 0, "nothing was loaded");
    // Key counts crafted to overflow a sum: a clear mismatch, no panic, nothing loaded.
    std::fs::remove_file(good.join("keys.resp")).unwrap();
    std::fs::copy(&outside, good.join("keys.resp")).unwrap();
    edit_manifest(&good, |m| {
        m["key_counts"]["per_pattern"] = serde_json::json!({"a": u64::MAX, "b": u64::MAX});
    });
    let out = verify(&good);
    assert_refused(
        &out,
        "resp commands",
        "manifest says 18446744073709551615 keys",
    );
    let out = tartarus_on(&s)
        .env_remove("TARTARUS_BACKUP_DIR")
        .args(["backup", "restore", "--online", "--yes"])
        .arg(&good)
        .timeout(LIMIT)
        .output()
        .unwrap();
    assert_refused(&out, "resp commands", "18446744073709551615");
    let n: i64 = redis::cmd("DBSIZE").query(&mut s.conn()).unwrap();
    assert_eq!(n, 0, "nothing was loaded");
}

fn assert_private(root: &Path) {
    let mode = |p: &Path| std::fs::symlink_metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(root), 0o700, "{}", root.display());
    for (p, _) in snapshot(root) {
        let md = std::fs::symlink_metadata(&p).unwrap();
        let want = if md.is_dir() { 0o700 } else { 0o600 };
        assert_eq!(mode(&p), want, "{}", p.display());
    }
}

/// Every method writes its files 0600 in 0700 folders; an offline restore installs them so too.
#[test]
fn backups_and_restored_files_are_private() {
    let root = tempfile::tempdir().unwrap();
    let (server, file) = aof_server_and_backup(&root.path().join("backups"));
    assert_private(&file);
    assert_private(&backup(&server, &root.path().join("backups"), "logical"));
    let s2 =
        RedisServer::start_with(ServerOptions::default().with("repl-diskless-sync-delay", "0"));
    let replication = backup(&s2, &root.path().join("backups"), "replication");
    assert_private(&replication);
    let data_dir = root.path().join("data");
    std::fs::create_dir_all(&data_dir).unwrap();
    let out = restore_offline(&replication, &data_dir);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_private(&data_dir.join("appendonlydir"));
}
