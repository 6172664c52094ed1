//! Backups that leave the machine: `backup create --copy-to`, `backup copy`, and `list`,
//! `verify`, `restore` and `prune` of the copies, into a folder (always) and into S3 (a real
//! S3-compatible server, moto's server mode, started here when `TARTARUS_S3_TESTS=1`; install it
//! with `pip install 'moto[server]'`, `MOTO_SERVER` naming its `moto_server` when not on PATH).

mod support;

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use support::backups::{assert_exit, create_backup, flip_byte, stderr, verify};
use support::{items, json, tartarus_on, RedisServer, ServerOptions};
use tartarus::exit;

/// A server with a few tartarus keys.
fn server_with_keys() -> RedisServer {
    let s = RedisServer::start_with(ServerOptions::aof("everysec"));
    let mut c = s.conn();
    for i in 0..5 {
        let _: () = redis::cmd("SET")
            .arg(format!("tartarus:test:{i}"))
            .arg(format!("value {i}"))
            .query(&mut c)
            .unwrap();
    }
    s
}

fn keys_of(s: &RedisServer) -> Vec<String> {
    let mut keys: Vec<String> = redis::cmd("KEYS")
        .arg("tartarus:test:*")
        .query(&mut s.conn())
        .unwrap();
    keys.sort();
    keys
}

/// Creates a logical backup in `dir`, copied to `dest`; returns its JSON.
fn create_and_copy(
    s: &RedisServer,
    dir: &Path,
    dest: &str,
    extra_env: &[(&str, String)],
) -> serde_json::Value {
    create_backup(
        s,
        dir,
        &["--method", "logical", "--verify", "--copy-to", dest],
        extra_env,
    )
}

#[test]
fn a_folder_copy_round_trips() {
    let s = server_with_keys();
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("local");
    let nfs = root.path().join("nfs");
    let made = create_and_copy(&s, &dir, nfs.to_str().unwrap(), &[]);
    let id = made["id"].as_str().unwrap().to_string();
    assert_eq!(made["copy"]["verified"], true, "{made}");
    assert_eq!(made["copy"]["already_there"], false);
    assert_eq!(
        made["copy"]["destination"],
        nfs.join(&id).display().to_string()
    );
    // The copy is a backup folder like any other: listed complete, verified, restored.
    let out = tartarus_on(&s)
        .args(["backup", "list", "-o", "json", "--dir"])
        .arg(&nfs)
        .output()
        .unwrap();
    let list = items(&json(&out.stdout));
    assert_eq!(list.len(), 1, "{list:?}");
    assert_eq!(
        (list[0]["id"].as_str(), list[0]["status"].as_str()),
        (Some(id.as_str()), Some("complete"))
    );
    assert_exit(&verify(&s, &id, &nfs, &[]), exit::OK);
    let target = RedisServer::start();
    let out = tartarus_on(&target)
        .args([
            "backup", "restore", &id, "--online", "--yes", "-o", "json", "--dir",
        ])
        .arg(&nfs)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(keys_of(&target), keys_of(&s));
    // Copying again finds it there and reads it back again.
    let out = tartarus_on(&s)
        .args(["backup", "copy", &id])
        .arg(&nfs)
        .arg("--dir")
        .arg(&dir)
        .args(["-o", "json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(json(&out.stdout)["already_there"], true);
    // Another backup under the same id is refused, and nothing is written.
    let theirs = nfs.join(&id).join("manifest.json");
    let mut m: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&theirs).unwrap()).unwrap();
    m["source"] = "elsewhere:6379/0".into();
    std::fs::write(&theirs, serde_json::to_vec_pretty(&m).unwrap()).unwrap();
    let before = std::fs::read(&theirs).unwrap();
    let out = tartarus_on(&s)
        .args(["backup", "copy", &id])
        .arg(&nfs)
        .arg("--dir")
        .arg(&dir)
        .output()
        .unwrap();
    assert_exit(&out, exit::CONFLICT);
    assert_eq!(std::fs::read(&theirs).unwrap(), before);
    // A copy corrupted at the destination fails verification there (exit 31).
    std::fs::copy(dir.join(&id).join("manifest.json"), &theirs).unwrap();
    let resp = nfs.join(&id).join("keys.resp");
    let last = std::fs::metadata(&resp).unwrap().len() as usize - 3;
    flip_byte(&resp, last, 0x20);
    assert_exit(&verify(&s, &id, &nfs, &[]), exit::BACKUP_INVALID);
    // An interrupted copy (.tmp-<id>) is never listed.
    std::fs::create_dir_all(nfs.join(format!(".tmp-{id}-2"))).unwrap();
    let out = tartarus_on(&s)
        .args(["backup", "list", "-o", "json", "--dir"])
        .arg(&nfs)
        .output()
        .unwrap();
    assert_eq!(items(&json(&out.stdout)).len(), 1);
    // A corrupt local backup is never sent.
    flip_byte(&dir.join(&id).join("keys.resp"), last, 0x20);
    let elsewhere = root.path().join("elsewhere");
    let out = tartarus_on(&s)
        .args(["backup", "copy", &id])
        .arg(&elsewhere)
        .arg("--dir")
        .arg(&dir)
        .output()
        .unwrap();
    assert_exit(&out, exit::BACKUP_INVALID);
    assert!(!elsewhere.join(&id).exists());
}

/// Every file under `root` with its bytes, for "nothing was written" checks.
fn tree(root: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push((p.clone(), std::fs::read(&p).unwrap()));
            }
        }
    }
    out.sort();
    out
}

/// `backup copy ID DEST --dir DIR`.
fn copy_to(s: &RedisServer, id: &str, dest: &Path, dir: &Path) -> std::process::Output {
    tartarus_on(s)
        .args(["backup", "copy", id])
        .arg(dest)
        .arg("--dir")
        .arg(dir)
        .args(["-o", "json"])
        .output()
        .unwrap()
}

#[test]
fn a_copy_into_its_own_backup_or_onto_a_file_is_refused() {
    let s = server_with_keys();
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("local");
    let made = create_backup(&s, &dir, &["--method", "logical", "--verify"], &[]);
    let id = made["id"].as_str().unwrap().to_string();
    let source = dir.join(&id);
    let before = tree(&source);
    std::os::unix::fs::symlink(&source, root.path().join("link")).unwrap();
    let refused = [
        source.clone(),                     // the backup folder itself
        source.join("nested"),              // a folder inside it (created by the copy)
        source.join("nested/../deeper/.."), // the same, with dots
        dir.clone(),                        // the copy would land on the backup itself
        root.path().join("link"),           // a link to the backup folder
        root.path().join("link/inside"),    // through the link, inside it
    ];
    for dest in &refused {
        let out = copy_to(&s, &id, dest, &dir);
        assert_exit(&out, exit::USAGE);
        let err = stderr(&out);
        assert!(
            err.contains("the backup being copied") && err.contains(&dest.display().to_string()),
            "{}: {err}",
            dest.display()
        );
        assert_eq!(tree(&source), before, "{}: nothing written", dest.display());
    }
    assert!(!source.join("nested").exists() && !source.join("deeper").exists());
    // A regular file as DEST, or under DEST, and as `backup create --dir`: not a directory.
    let file = root.path().join("somefile");
    std::fs::write(&file, b"keep").unwrap();
    for dest in [file.clone(), file.join("sub")] {
        let out = copy_to(&s, &id, &dest, &dir);
        assert_exit(&out, exit::USAGE);
        let err = stderr(&out);
        assert!(
            err.contains(&format!("{} is not a directory", file.display())),
            "{err}"
        );
        assert!(!err.contains("os error"), "{err}");
    }
    let out = tartarus_on(&s)
        .args(["backup", "create", "--method", "logical", "--dir"])
        .arg(&file)
        .output()
        .unwrap();
    assert_exit(&out, exit::USAGE);
    assert!(
        stderr(&out).contains(&format!("{} is not a directory", file.display())),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read(&file).unwrap(), b"keep");
    // A sibling folder, even one whose name starts like the backup's, is an ordinary copy.
    let sibling = dir.join(format!("{id}-offsite"));
    let out = copy_to(&s, &id, &sibling, &dir);
    assert_exit(&out, exit::OK);
    assert_eq!(json(&out.stdout)["verified"], true);
    assert!(sibling.join(&id).join("manifest.json").is_file());
    assert_eq!(tree(&source), before);
}

// ---------------------------------------------------------------------------------------------
// S3, against moto's server mode.

struct Moto {
    child: Child,
    port: u16,
}

impl Drop for Moto {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn moto_binary() -> PathBuf {
    if let Some(p) = std::env::var_os("MOTO_SERVER") {
        return PathBuf::from(p);
    }
    std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default())
        .map(|d| d.join("moto_server"))
        .find(|p| p.is_file())
        .expect("TARTARUS_S3_TESTS=1 needs moto_server (pip install 'moto[server]', or set MOTO_SERVER)")
}

/// A raw HTTP request to moto (it does not check signatures): the status code and body.
fn http(port: u16, method: &str, path: &str, body: &[u8]) -> (u16, Vec<u8>) {
    let mut s = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    write!(
        s,
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    )
    .unwrap();
    s.write_all(body).unwrap();
    let mut out = Vec::new();
    s.read_to_end(&mut out).unwrap();
    let text = String::from_utf8_lossy(&out);
    let status = text
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    let body = match out.windows(4).position(|w| w == b"\r\n\r\n") {
        Some(i) => out[i + 4..].to_vec(),
        None => Vec::new(),
    };
    (status, body)
}

fn start_moto() -> Moto {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let child = Command::new(moto_binary())
        .args(["-H", "127.0.0.1", "-p", &port.to_string()])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start moto_server");
    let moto = Moto { child, port };
    let deadline = Instant::now() + Duration::from_secs(30);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "moto_server did not start");
        std::thread::sleep(Duration::from_millis(100));
    }
    moto
}

fn s3_env(moto: &Moto) -> Vec<(&'static str, String)> {
    vec![
        (
            "AWS_ENDPOINT_URL",
            format!("http://127.0.0.1:{}", moto.port),
        ),
        ("AWS_ACCESS_KEY_ID", "testing".into()),
        ("AWS_SECRET_ACCESS_KEY", "testing".into()),
        ("AWS_REGION", "us-east-1".into()),
    ]
}

fn s3_tests() -> bool {
    if std::env::var("TARTARUS_S3_TESTS").as_deref() == Ok("1") {
        return true;
    }
    eprintln!("SKIPPED: set TARTARUS_S3_TESTS=1 (and install moto[server]) to run the S3 tests");
    false
}

fn with_env(mut cmd: assert_cmd::Command, env: &[(&'static str, String)]) -> assert_cmd::Command {
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd
}

#[test]
fn an_s3_copy_round_trips_and_is_never_half_written() {
    if !s3_tests() {
        return;
    }
    let moto = start_moto();
    let env = s3_env(&moto);
    assert_eq!(
        http(moto.port, "PUT", "/backups", b"").0,
        200,
        "create the bucket"
    );
    let s = server_with_keys();
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("local");
    let dest = "s3://backups/tartarus/prod";
    let made = create_and_copy(&s, &dir, dest, &env);
    let id = made["id"].as_str().unwrap().to_string();
    assert_eq!(made["copy"]["verified"], true, "{made}");
    assert_eq!(made["copy"]["destination"], format!("{dest}/{id}"));
    // What is in the bucket: the files, the manifest, the read-back record.
    let (_, listing) = http(
        moto.port,
        "GET",
        "/backups?list-type=2&prefix=tartarus/prod/",
        b"",
    );
    let listing = String::from_utf8_lossy(&listing).to_string();
    for name in ["keys.resp", "manifest.json", "verify-result.json"] {
        assert!(
            listing.contains(&format!("tartarus/prod/{id}/{name}")),
            "{name}: {listing}"
        );
    }
    let run = |args: &[&str]| with_env(tartarus_on(&s), &env).args(args).output().unwrap();
    // list, verify (by --dir and by s3:// reference), restore into another server.
    let out = run(&["backup", "list", "--dir", dest, "-o", "json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let list = items(&json(&out.stdout));
    assert_eq!(list.len(), 1, "{list:?}");
    assert_eq!(list[0]["status"], "complete");
    assert_eq!(list[0]["path"], format!("{dest}/{id}"));
    let out = run(&["backup", "verify", &id, "--dir", dest]);
    assert!(out.status.success(), "{}", stderr(&out));
    let reference = format!("{dest}/{id}");
    let out = run(&["backup", "verify", &reference, "-o", "json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(json(&out.stdout)["ok"], true);
    let target = RedisServer::start();
    let out = with_env(tartarus_on(&target), &env)
        .args(["backup", "restore", &reference, "--online", "--yes"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(keys_of(&target), keys_of(&s));
    // Nothing downloaded is left behind.
    let tmp = root.path().join("tmp");
    std::fs::create_dir_all(&tmp).unwrap();
    let out = with_env(tartarus_on(&s), &env)
        .env("TMPDIR", &tmp)
        .args(["backup", "verify", &reference])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(std::fs::read_dir(&tmp).unwrap().count(), 0);
    // Copying again: already there, read back again.
    let out = run(&[
        "backup",
        "copy",
        &id,
        dest,
        "--dir",
        dir.to_str().unwrap(),
        "-o",
        "json",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(json(&out.stdout)["already_there"], true);

    // An interrupted copy (files, no manifest) is not listed; prune keeps it while it is young.
    let partial = "20200101T000000Z-logical";
    assert_eq!(
        http(
            moto.port,
            "PUT",
            &format!("/backups/tartarus/prod/{partial}/keys.resp"),
            b"xx"
        )
        .0,
        200
    );
    let out = run(&["backup", "list", "--dir", dest, "-o", "json"]);
    assert_eq!(items(&json(&out.stdout)).len(), 1);
    let out = run(&[
        "backup",
        "prune",
        "--dir",
        dest,
        "--keep-days",
        "0",
        "--keep-last",
        "1",
        "--dry-run",
        "-o",
        "json",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let rep = json(&out.stdout);
    let entry = items(&rep)
        .into_iter()
        .find(|e| e["id"] == partial)
        .unwrap();
    assert_eq!(
        (entry["kind"].as_str(), entry["action"].as_str()),
        (Some("temporary"), Some("keep"))
    );

    // A hostile manifest: a name outside the backup is refused before anything is downloaded.
    let evil = "20200102T000000Z-logical";
    let mut m: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join(&id).join("manifest.json")).unwrap())
            .unwrap();
    m["id"] = evil.into();
    m["files"][0]["name"] = "../../escape".into();
    http(
        moto.port,
        "PUT",
        &format!("/backups/tartarus/prod/{evil}/manifest.json"),
        &serde_json::to_vec(&m).unwrap(),
    );
    let out = with_env(tartarus_on(&s), &env)
        .env("TMPDIR", &tmp)
        .args(["backup", "verify", evil, "--dir", dest])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("plain relative path"),
        "{}",
        stderr(&out)
    );
    assert!(!root.path().join("escape").exists() && !tmp.join("escape").exists());
    // A file larger than its manifest says is cut off at the recorded size + 1 and fails.
    let big = "20200103T000000Z-logical";
    let mut m2 = m.clone();
    m2["id"] = big.into();
    m2["files"][0]["name"] = "keys.resp".into();
    m2["files"][0]["size_bytes"] = 4.into();
    http(
        moto.port,
        "PUT",
        &format!("/backups/tartarus/prod/{big}/keys.resp"),
        &vec![b'x'; 1 << 20],
    );
    http(
        moto.port,
        "PUT",
        &format!("/backups/tartarus/prod/{big}/manifest.json"),
        &serde_json::to_vec(&m2).unwrap(),
    );
    let out = run(&["backup", "verify", big, "--dir", dest]);
    assert_exit(&out, exit::BACKUP_INVALID);
    assert!(
        stderr(&out).contains("5 bytes, manifest says 4"),
        "{}",
        stderr(&out)
    );
    let out = run(&["backup", "list", "--dir", dest, "-o", "json"]);
    let list = items(&json(&out.stdout));
    let status = |i: &str| {
        list.iter()
            .find(|b| b["id"] == i)
            .map(|b| b["status"].as_str().unwrap().to_string())
    };
    assert_eq!(status(&id).as_deref(), Some("complete"));
    assert!(status(big).unwrap().starts_with("incomplete"), "{list:?}");
    assert!(status(evil).unwrap().starts_with("incomplete"), "{list:?}");

    // The textfile reports the newest remote backup.
    let prom = root.path().join("t.prom");
    let out = run(&[
        "metrics",
        "--textfile",
        prom.to_str().unwrap(),
        "--dir",
        dir.to_str().unwrap(),
        "--remote",
        dest,
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = std::fs::read_to_string(&prom).unwrap();
    let created = chrono::DateTime::parse_from_rfc3339(made["created_at"].as_str().unwrap())
        .unwrap()
        .timestamp_millis() as f64
        / 1000.0;
    let line = format!(
        "tartarus_backup_newest_verified_timestamp_seconds{{location=\"remote\"}} {created}"
    );
    assert!(text.contains(&line), "{line} in\n{text}");
    assert!(
        text.contains("tartarus_backup_last_verify_success{location=\"remote\"} 0"),
        "the last remote verify (of `big`) failed:\n{text}"
    );

    // Retention: keep 1 → the hostile ones (older names) go, the real one stays; manifest first.
    let out = run(&[
        "backup",
        "prune",
        "--dir",
        dest,
        "--keep-days",
        "0",
        "--keep-last",
        "1",
        "--yes",
        "-o",
        "json",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let (_, listing) = http(
        moto.port,
        "GET",
        "/backups?list-type=2&prefix=tartarus/prod/",
        b"",
    );
    let listing = String::from_utf8_lossy(&listing).to_string();
    assert!(
        !listing.contains(big) && !listing.contains(evil),
        "{listing}"
    );
    assert!(
        listing.contains(&format!("{id}/manifest.json")),
        "{listing}"
    );
}

/// Bad credentials or a missing bucket: a clear error, never a half-written copy reported done.
#[test]
fn an_s3_failure_is_reported_and_recorded() {
    if !s3_tests() {
        return;
    }
    let moto = start_moto();
    let env = s3_env(&moto);
    let s = server_with_keys();
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("local");
    let prom = root.path().join("t.prom");
    let out = with_env(tartarus_on(&s), &env)
        .args(["backup", "create", "--method", "logical", "--dir"])
        .arg(&dir)
        .args(["--copy-to", "s3://no-such-bucket/x", "--textfile"])
        .arg(&prom)
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("s3://no-such-bucket/x"),
        "{}",
        stderr(&out)
    );
    let text = std::fs::read_to_string(&prom).unwrap();
    assert!(
        text.contains("tartarus_backup_last_copy_success 0"),
        "{text}"
    );
    assert!(
        text.contains("tartarus_backup_last_create_success 1"),
        "the backup itself stands:\n{text}"
    );
}
