//! Executor tests against real processes (plain and under bubblewrap).

use std::collections::BTreeMap;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use tartarus::executor::{truncation_marker, Executor, ExecutorConfig, Outcome, Runtime, Status};
use tartarus::model::spec::SandboxSpec;
use tokio::sync::watch;

fn spec(cmd: &[&str]) -> SandboxSpec {
    SandboxSpec {
        name: "t".into(),
        image: "local".into(),
        command: cmd.iter().map(|s| s.to_string()).collect(),
        env: BTreeMap::new(),
        env_from: None,
        cpu_millis: 1000,
        memory_bytes: 256 << 20,
        gpu: 0,
        timeout_secs: 60,
        heat: None,
        priority: 0,
        labels: BTreeMap::new(),
        annotations: BTreeMap::new(),
        tenant: None,
        network: false,
        privileged: false,
        ttl_after_finished_ms: None,
        idempotency_key: None,
    }
}

fn cfg(dir: &Path, runtime: Runtime) -> ExecutorConfig {
    let mut c = ExecutorConfig::new(runtime, dir.join("work"), dir.join("logs"));
    c.supervisor_exe = env!("CARGO_BIN_EXE_tartarus").into();
    c
}

/// A temporary folder sandbox uids may traverse (tempfile makes them 0700).
fn tempdir() -> tempfile::TempDir {
    let d = tempfile::tempdir().unwrap();
    std::fs::set_permissions(d.path(), std::fs::Permissions::from_mode(0o711)).unwrap();
    d
}

fn executor(c: &ExecutorConfig) -> Executor {
    Executor::start(c.clone()).expect("executor starts")
}

async fn run(cfg: &ExecutorConfig, id: &str, s: &SandboxSpec) -> Outcome {
    let (_tx, rx) = watch::channel(false);
    executor(cfg).execute(id, s, 0, rx, |_| {}).await
}

/// Live (non-zombie) processes whose process group is `pgid`.
fn group_members(pgid: u32) -> Vec<String> {
    let mut out = Vec::new();
    for e in std::fs::read_dir("/proc").unwrap().flatten() {
        let Ok(stat) = std::fs::read_to_string(e.path().join("stat")) else {
            continue;
        };
        // pid (comm) state ppid pgrp ...
        let Some(close) = stat.rfind(')') else {
            continue;
        };
        let fields: Vec<&str> = stat[close + 2..].split_whitespace().collect();
        // Zombies (state Z) are dead already, merely not reaped by their new parent.
        if fields.first() != Some(&"Z")
            && fields.get(2).and_then(|p| p.parse::<u32>().ok()) == Some(pgid)
        {
            out.push(stat[..close + 1].to_string());
        }
    }
    out
}

#[tokio::test]
async fn success_exit_zero_and_output_in_tail() {
    let d = tempdir();
    let c = cfg(d.path(), Runtime::Process);
    let o = run(
        &c,
        "ok1",
        &spec(&["sh", "-c", "echo hello; echo oops >&2; pwd"]),
    )
    .await;
    assert_eq!(o.status, Status::Succeeded, "{o:?}");
    assert_eq!(o.exit_code, Some(0));
    let workdir = d.path().join("work/ok1");
    assert!(o.log_tail.contains("hello\n"), "{o:?}");
    assert!(o.log_tail.contains("oops\n"), "{o:?}");
    assert!(
        o.log_tail.contains(&format!("{}\n", workdir.display())),
        "ran in its working folder: {o:?}"
    );
    assert!(!workdir.exists(), "working folder removed");
    let log = o.log_path.clone().unwrap();
    assert_eq!(log, d.path().join("logs/ok1.log"));
    assert_eq!(
        std::fs::metadata(&log).unwrap().permissions().mode() & 0o777,
        0o600
    );
    assert_eq!(
        std::fs::read_to_string(&log).unwrap().len(),
        o.log_tail.len()
    );
    assert_eq!(o.bytes_dropped, 0);
    assert!(o.warnings.is_empty(), "{o:?}");
}

#[tokio::test]
async fn failure_exit_code_three() {
    let d = tempdir();
    let c = cfg(d.path(), Runtime::Process);
    let o = run(&c, "fail3", &spec(&["sh", "-c", "echo bad >&2; exit 3"])).await;
    assert_eq!(
        o.status,
        Status::Failed {
            exit_code: Some(3),
            signal: None
        },
        "{o:?}"
    );
    assert_eq!(o.exit_code, Some(3));
    assert_eq!(o.log_tail, "bad\n");
}

#[tokio::test]
async fn timeout_kills_the_whole_group() {
    let d = tempdir();
    let mut c = cfg(d.path(), Runtime::Process);
    c.timeout_override = Some(Duration::from_secs(1));
    // sh ignores TERM and has a background sleep too: both must be gone afterwards.
    let s = spec(&["sh", "-c", "trap '' TERM; sleep 30 & sleep 30; wait"]);
    let (_tx, rx) = watch::channel(false);
    let mut pid = 0;
    let t = Instant::now();
    let o = executor(&c).execute("to1", &s, 0, rx, |p| pid = p).await;
    let took = t.elapsed();
    assert_eq!(o.status, Status::TimedOut, "{o:?}");
    // 1 s timeout + 2 s grace; generous for a loaded machine, far below the 30 s sleep.
    assert!(took < Duration::from_secs(10), "took {took:?}");
    assert!(took >= Duration::from_secs(1), "took {took:?}");
    assert!(pid > 0);
    tokio::time::sleep(Duration::from_millis(100)).await;
    assert_eq!(
        group_members(pid),
        Vec::<String>::new(),
        "processes left in the group"
    );
    assert!(!d.path().join("work/to1").exists());
}

#[tokio::test]
async fn timeout_with_sigterm_respected_is_quick() {
    let d = tempdir();
    let mut c = cfg(d.path(), Runtime::Process);
    c.timeout_override = Some(Duration::from_secs(1));
    let (_tx, rx) = watch::channel(false);
    let mut pid = 0;
    let t = Instant::now();
    let o = executor(&c)
        .execute("to2", &spec(&["sleep", "30"]), 0, rx, |p| pid = p)
        .await;
    assert_eq!(o.status, Status::TimedOut, "{o:?}");
    assert!(t.elapsed() < Duration::from_secs(10), "{:?}", t.elapsed());
    assert_eq!(o.exit_code, None, "killed by SIGTERM");
    assert_eq!(group_members(pid), Vec::<String>::new());
}

#[tokio::test]
async fn cancel_reaches_the_group_quickly() {
    let d = tempdir();
    let c = cfg(d.path(), Runtime::Process);
    let (tx, rx) = watch::channel(false);
    let s = spec(&["sleep", "30"]);
    let (pid_tx, pid_rx) = tokio::sync::oneshot::channel();
    let t0 = Instant::now();
    let task = tokio::spawn(async move {
        executor(&c)
            .execute("cancel1", &s, 0, rx, |p| {
                let _ = pid_tx.send(p);
            })
            .await
    });
    let pid = pid_rx.await.unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    let t = Instant::now();
    tx.send(true).unwrap();
    let o = task.await.unwrap();
    assert_eq!(o.status, Status::Cancelled, "{o:?}");
    assert!(t.elapsed() < Duration::from_secs(10), "{:?}", t.elapsed());
    assert!(t0.elapsed() < Duration::from_secs(15));
    assert_eq!(group_members(pid), Vec::<String>::new());
    assert!(!d.path().join("work/cancel1").exists());
}

#[tokio::test]
async fn cancelled_before_start_never_spawns() {
    let d = tempdir();
    let c = cfg(d.path(), Runtime::Process);
    let (_tx, rx) = watch::channel(true);
    let mut called = false;
    let o = executor(&c)
        .execute("pre", &spec(&["sleep", "30"]), 0, rx, |_| called = true)
        .await;
    assert_eq!(o.status, Status::Cancelled);
    assert!(!called);
}

#[tokio::test]
async fn nonexistent_command_fails_to_start_quickly() {
    let d = tempdir();
    let c = cfg(d.path(), Runtime::Process);
    let t = Instant::now();
    let mut called = false;
    let (_tx, rx) = watch::channel(false);
    let o = executor(&c)
        .execute("nosuch", &spec(&["nosuchcmd-tartarus", "x"]), 0, rx, |_| {
            called = true
        })
        .await;
    assert!(t.elapsed() < Duration::from_secs(10));
    assert!(!called);
    assert_eq!(
        o.status,
        Status::FailedToStart {
            message: "spawn `nosuchcmd-tartarus`: No such file or directory (os error 2)".into()
        }
    );
    assert!(!d.path().join("work/nosuch").exists());
}

#[tokio::test]
async fn bad_run_id_is_refused() {
    let d = tempdir();
    let c = cfg(d.path(), Runtime::Process);
    let o = run(&c, "../escape", &spec(&["true"])).await;
    assert!(
        matches!(&o.status, Status::FailedToStart { message } if message.contains("run id")),
        "{o:?}"
    );
}

fn vm_hwm_kib() -> u64 {
    let s = std::fs::read_to_string("/proc/self/status").unwrap();
    let line = s.lines().find(|l| l.starts_with("VmHWM:")).unwrap();
    line.split_whitespace().nth(1).unwrap().parse().unwrap()
}

/// The bytes `seq 1 n` prints, last `k` of them, computed without materialising the whole output.
fn seq_tail(n: u64, k: usize) -> Vec<u8> {
    let mut parts: Vec<u8> = Vec::new();
    let mut i = n;
    while parts.len() < k && i > 0 {
        let mut line = format!("{i}\n").into_bytes();
        line.extend_from_slice(&parts);
        parts = line;
        i -= 1;
    }
    parts[parts.len() - k..].to_vec()
}

#[tokio::test]
async fn fifty_megabytes_of_output_stay_bounded() {
    let d = tempdir();
    let mut c = cfg(d.path(), Runtime::Process);
    c.log_max_bytes = 1 << 20;
    let n: u64 = 7_000_000; // `seq 1 7000000` prints 54,888,896 bytes
    let total: u64 = 54_888_896;
    let hwm_before = vm_hwm_kib();
    let o = run(&c, "big", &spec(&["seq", "1", &n.to_string()])).await;
    let hwm_after = vm_hwm_kib();
    assert_eq!(o.status, Status::Succeeded, "{:?}", o.status);
    assert_eq!(o.bytes_total, total);
    assert_eq!(o.log_tail.len(), c.tail_bytes);
    assert_eq!(o.log_tail.as_bytes(), &seq_tail(n, c.tail_bytes)[..]);
    let log = std::fs::read(o.log_path.as_ref().unwrap()).unwrap();
    let marker = truncation_marker(c.log_max_bytes);
    assert_eq!(log.len() as u64, c.log_max_bytes + marker.len() as u64);
    assert!(log.starts_with(b"1\n2\n3\n"));
    assert!(log.ends_with(marker.as_bytes()));
    assert_eq!(o.bytes_dropped, total - c.log_max_bytes);
    assert!(
        hwm_after - hwm_before < 32 << 10,
        "peak RSS grew by {} KiB",
        hwm_after - hwm_before
    );
}

#[tokio::test]
async fn environment_is_isolated() {
    // A variable of this test process (cargo sets it; set_var would race other threads' spawns).
    assert!(std::env::var_os("CARGO_PKG_NAME").is_some());
    let d = tempdir();
    let c = cfg(d.path(), Runtime::Process);
    let mut s = spec(&["sh", "-c", "echo secret=${CARGO_PKG_NAME-unset} mine=$MINE home=$HOME tmp=$TMPDIR; env | cut -d= -f1 | sort | tr '\\n' ' '"]);
    s.env.insert("MINE".into(), "hello world".into());
    let o = run(&c, "env1", &s).await;
    assert_eq!(o.status, Status::Succeeded, "{o:?}");
    let w = d.path().join("work/env1");
    let first = o.log_tail.lines().next().unwrap();
    assert_eq!(
        first,
        format!(
            "secret=unset mine=hello world home={} tmp={}/tmp",
            w.display(),
            w.display()
        )
    );
    let names: Vec<&str> = o
        .log_tail
        .lines()
        .nth(1)
        .unwrap()
        .split_whitespace()
        .collect();
    for n in &names {
        assert!(
            ["HOME", "MINE", "PATH", "PWD", "TMPDIR", "SHLVL", "OLDPWD", "_"].contains(n),
            "unexpected var {n}: {names:?}"
        );
    }
    assert!(!w.exists());
}

#[tokio::test]
async fn working_folder_is_private_and_removed_even_with_locked_subfolders() {
    let d = tempdir();
    let c = cfg(d.path(), Runtime::Process);
    let o = run(
        &c,
        "wd1",
        &spec(&[
            "sh",
            "-c",
            "stat -c %a .; mkdir -p a/b && touch a/b/f && chmod 000 a/b a",
        ]),
    )
    .await;
    assert_eq!(o.status, Status::Succeeded, "{o:?}");
    assert_eq!(o.log_tail, "700\n");
    assert!(!d.path().join("work/wd1").exists(), "{o:?}");
}

#[tokio::test]
async fn rlimits_are_applied() {
    let d = tempdir();
    let mut c = cfg(d.path(), Runtime::Process);
    c.max_open_files = 77;
    let mut s = spec(&["sh", "-c", "ulimit -n; ulimit -c; ulimit -v"]);
    s.memory_bytes = 64 << 20;
    let o = run(&c, "rl", &s).await;
    assert_eq!(o.status, Status::Succeeded, "{o:?}");
    // RLIMIT_AS = 64 MiB + 512 MiB headroom = 576 MiB = 589824 KiB.
    assert_eq!(o.log_tail, "77\n0\n589824\n");
}

// ---------- bubblewrap ----------

/// The bwrap runtime, or None (with a loud reason) when this host cannot run it. When
/// `TARTARUS_REQUIRE_BWRAP=1` (set by scripts/test.sh once it has seen bwrap sandbox a command)
/// a missing runtime fails the test instead of skipping it.
async fn bwrap_runtime() -> Option<Runtime> {
    let probe_uid = (unsafe { libc::geteuid() } == 0).then_some(100_000);
    match Runtime::bwrap().check_available(probe_uid).await {
        Ok(r) => Some(r),
        Err(e) => {
            assert!(
                std::env::var("TARTARUS_REQUIRE_BWRAP").as_deref() != Ok("1"),
                "bubblewrap is required here but unusable: {e}"
            );
            eprintln!("\n!!!!! SKIPPING bwrap test: {e} !!!!!\n");
            None
        }
    }
}

#[tokio::test]
async fn bwrap_success_and_exec_failure() {
    let Some(rt) = bwrap_runtime().await else {
        return;
    };
    let d = tempdir();
    let c = cfg(d.path(), rt);
    let o = run(&c, "bw1", &spec(&["sh", "-c", "echo in-bwrap; exit 4"])).await;
    assert_eq!(
        o.status,
        Status::Failed {
            exit_code: Some(4),
            signal: None
        },
        "{o:?}"
    );
    assert_eq!(o.log_tail, "in-bwrap\n");
    let o = run(&c, "bw2", &spec(&["nosuchcmd-tartarus"])).await;
    assert_eq!(
        o.status,
        Status::FailedToStart {
            message: "spawn `nosuchcmd-tartarus`: No such file or directory (os error 2)".into()
        }
    );
    // Exists on the host but not visible in the sandbox's filesystem => bwrap's own exec error.
    let hidden = d.path().join("hidden.sh");
    std::fs::write(&hidden, "#!/bin/sh\necho hi\n").unwrap();
    std::fs::set_permissions(&hidden, std::fs::Permissions::from_mode(0o755)).unwrap();
    let o = run(&c, "bw3", &spec(&[hidden.to_str().unwrap()])).await;
    assert!(
        matches!(&o.status, Status::FailedToStart { message } if message.starts_with("spawn `")),
        "{o:?}"
    );
}

#[tokio::test]
async fn bwrap_sees_only_its_env_and_runs_in_its_folder() {
    let Some(rt) = bwrap_runtime().await else {
        return;
    };
    assert!(std::env::var_os("CARGO_PKG_NAME").is_some());
    let d = tempdir();
    let c = cfg(d.path(), rt);
    let mut s = spec(&["sh", "-c", "echo ${CARGO_PKG_NAME-unset} $MINE $(pwd)"]);
    s.env.insert("MINE".into(), "mine".into());
    let o = run(&c, "bwenv", &s).await;
    assert_eq!(o.status, Status::Succeeded, "{o:?}");
    assert_eq!(
        o.log_tail,
        format!("unset mine {}\n", d.path().join("work/bwenv").display())
    );
}

#[tokio::test]
async fn bwrap_writes_only_inside_the_working_folder() {
    let Some(rt) = bwrap_runtime().await else {
        return;
    };
    let d = tempdir();
    let outside = tempfile::tempdir_in("/var/tmp").unwrap();
    let c = cfg(d.path(), rt);
    let script = format!(
        "touch /usr/tartarus-x 2>/dev/null && echo usr-writable; \
         touch {o}/x 2>/dev/null && echo outside-writable; \
         touch /etc/tartarus-x 2>/dev/null && echo etc-writable; \
         echo data > inside && cat inside; touch /tmp/tartarus-bwfs-{pid} && echo tmp-ok",
        pid = std::process::id(),
        o = outside.path().display()
    );
    let o = run(&c, "bwfs", &spec(&["sh", "-c", &script])).await;
    assert_eq!(o.status, Status::Succeeded, "{o:?}");
    assert_eq!(o.log_tail, "data\ntmp-ok\n");
    assert!(!Path::new("/usr/tartarus-x").exists());
    assert!(!Path::new("/etc/tartarus-x").exists());
    assert!(!outside.path().join("x").exists());
    assert!(
        !Path::new(&format!("/tmp/tartarus-bwfs-{}", std::process::id())).exists(),
        "/tmp is private"
    );
}

fn connect_script(port: u16) -> Vec<String> {
    vec![
        "bash".into(),
        "-c".into(),
        format!("exec 3<>/dev/tcp/127.0.0.1/{port} && echo connected"),
    ]
}

#[tokio::test]
async fn bwrap_network_only_when_asked() {
    let Some(rt) = bwrap_runtime().await else {
        return;
    };
    let d = tempdir();
    let c = cfg(d.path(), rt);
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    listener.set_nonblocking(true).unwrap();

    let mut s = spec(&["true"]);
    s.command = connect_script(port);
    s.network = false;
    let o = run(&c, "nonet", &s).await;
    assert_eq!(
        o.status,
        Status::Failed {
            exit_code: Some(1),
            signal: None
        },
        "{o:?}"
    );
    assert!(o.log_tail.contains("Connection refused"), "{o:?}");
    assert!(listener.accept().is_err(), "no connection may have arrived");

    s.network = true;
    let o = run(&c, "net", &s).await;
    assert_eq!(o.status, Status::Succeeded, "{o:?}");
    assert_eq!(o.log_tail, "connected\n");
    assert!(listener.accept().is_ok(), "the connection arrived");
}

#[tokio::test]
async fn bwrap_cancel_and_timeout_kill_the_sandbox() {
    let Some(rt) = bwrap_runtime().await else {
        return;
    };
    let d = tempdir();
    let mut c = cfg(d.path(), rt);
    let s = spec(&[
        "sh",
        "-c",
        "trap 'echo got-term; exit 9' TERM; sleep 30 & wait",
    ]);
    let (tx, rx) = watch::channel(false);
    let c2 = c.clone();
    let s2 = s.clone();
    let (pid_tx, pid_rx) = tokio::sync::oneshot::channel();
    let task = tokio::spawn(async move {
        executor(&c2)
            .execute("bwcancel", &s2, 0, rx, |p| {
                let _ = pid_tx.send(p);
            })
            .await
    });
    let pid = pid_rx.await.unwrap();
    tokio::time::sleep(Duration::from_millis(500)).await;
    let t = Instant::now();
    tx.send(true).unwrap();
    let o = task.await.unwrap();
    assert_eq!(o.status, Status::Cancelled, "{o:?}");
    assert!(t.elapsed() < Duration::from_secs(10), "{:?}", t.elapsed());
    assert!(
        o.log_tail.contains("got-term"),
        "SIGTERM reached the sandboxed command: {o:?}"
    );
    assert_eq!(group_members(pid), Vec::<String>::new());
    assert!(!d.path().join("work/bwcancel").exists());

    c.timeout_override = Some(Duration::from_secs(1));
    let t = Instant::now();
    let o = run(&c, "bwto", &spec(&["sleep", "30"])).await;
    assert_eq!(o.status, Status::TimedOut, "{o:?}");
    assert!(t.elapsed() < Duration::from_secs(10), "{:?}", t.elapsed());
}

#[tokio::test]
async fn leftover_background_processes_are_killed_after_exit() {
    let d = tempdir();
    let c = cfg(d.path(), Runtime::Process);
    let (_tx, rx) = watch::channel(false);
    let mut pid = 0;
    let t = Instant::now();
    let o = executor(&c)
        .execute(
            "left",
            &spec(&["sh", "-c", "sleep 30 & echo started"]),
            0,
            rx,
            |p| pid = p,
        )
        .await;
    assert_eq!(o.status, Status::Succeeded, "{o:?}");
    assert_eq!(o.log_tail, "started\n");
    assert!(t.elapsed() < Duration::from_secs(10), "{:?}", t.elapsed());
    assert!(o.warnings.is_empty(), "{o:?}");
    tokio::time::sleep(Duration::from_millis(100)).await;
    assert_eq!(group_members(pid), Vec::<String>::new());
}

#[tokio::test]
async fn an_escaped_process_holding_the_pipes_does_not_hang_the_executor() {
    let d = tempdir();
    let mut c = cfg(d.path(), Runtime::Process);
    c.drain_timeout = Duration::from_millis(500);
    let t = Instant::now();
    // `setsid` leaves the group; the escaped sleep keeps stdout open for 30 s.
    let o = run(
        &c,
        "esc",
        &spec(&["sh", "-c", "setsid sleep 30 & sleep 0.3; echo out"]),
    )
    .await;
    assert_eq!(o.status, Status::Succeeded, "{o:?}");
    assert!(t.elapsed() < Duration::from_secs(10), "{:?}", t.elapsed());
    assert_eq!(o.log_tail, "out\n");
    if unsafe { libc::geteuid() } == 0 {
        // A uid of its own: the supervisor (its subreaper) kills what escaped with that uid when
        // the sandbox ends, so the pipes close at once.
        assert!(o.warnings.is_empty(), "{o:?}");
    } else {
        // Same uid as the agent: the escaped process lives until the agent goes; the executor
        // stops reading after the drain timeout.
        assert!(
            o.warnings
                .iter()
                .any(|w| w.contains("output pipes still open")),
            "{o:?}"
        );
    }
}

#[tokio::test]
async fn a_slot_s_next_run_finds_an_empty_folder() {
    let d = tempdir();
    let c = cfg(d.path(), Runtime::Process);
    let ex = executor(&c);
    let (_tx, rx) = watch::channel(false);
    let o = ex
        .execute(
            "first",
            &spec(&[
                "sh",
                "-c",
                "echo s > left; mkdir -p d/e; echo s > d/e/f; echo s > tmp/t; chmod 777 .; ln -s / tmp/root",
            ]),
            3,
            rx,
            |_| {},
        )
        .await;
    assert_eq!(o.status, Status::Succeeded, "{o:?}");
    let (_tx, rx) = watch::channel(false);
    let o = ex
        .execute(
            "second",
            &spec(&["sh", "-c", "pwd; ls -A; ls -A tmp; stat -c %a ."]),
            3,
            rx,
            |_| {},
        )
        .await;
    assert_eq!(o.status, Status::Succeeded, "{o:?}");
    let home = d.path().join("work/second");
    assert_eq!(o.log_tail, format!("{}\ntmp\n700\n", home.display()));
    assert!(!home.exists() && !d.path().join("work/first").exists());
}

/// A tiny image root: the host's `sh` and the libraries `ldd` names, nothing else.
fn tiny_image(images: &Path, name: &str) -> bool {
    let root = images.join(name);
    let Ok(out) = std::process::Command::new("ldd").arg("/bin/sh").output() else {
        return false;
    };
    let mut files = vec![PathBuf::from("/bin/sh")];
    for line in String::from_utf8_lossy(&out.stdout).lines() {
        if let Some(p) = line.split_whitespace().find(|w| w.starts_with('/')) {
            files.push(PathBuf::from(p));
        }
    }
    for f in files {
        let Ok(real) = std::fs::canonicalize(&f) else {
            return false;
        };
        let dest = root.join(f.strip_prefix("/").unwrap());
        std::fs::create_dir_all(dest.parent().unwrap()).unwrap();
        std::fs::copy(&real, &dest).unwrap();
    }
    for d in ["proc", "dev", "tmp", "etc"] {
        std::fs::create_dir_all(root.join(d)).unwrap();
    }
    std::fs::write(root.join("etc/image-marker"), "tiny\n").unwrap();
    for dir in [images, &root] {
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    true
}

#[tokio::test]
async fn bwrap_runs_in_an_image_root() {
    let Some(rt) = bwrap_runtime().await else {
        return;
    };
    let d = tempdir();
    let images = d.path().join("images");
    if !tiny_image(&images, "tiny_1") {
        eprintln!("no ldd: skipping");
        return;
    }
    let mut c = cfg(d.path(), rt);
    c.image_dir = Some(images);
    let mut s = spec(&[
        "/bin/sh",
        "-c",
        "read m < /etc/image-marker; echo $m; echo $HOME; test -e /usr/bin/env || echo no-host-usr; echo x > f && echo writable",
    ]);
    s.image = "tiny:1".into();
    let o = run(&c, "img", &s).await;
    assert_eq!(o.status, Status::Succeeded, "{o:?}");
    assert_eq!(o.log_tail, "tiny\n/tmp/work\nno-host-usr\nwritable\n");
    s.image = "absent:2".into();
    let o = run(&c, "img2", &s).await;
    match o.status {
        Status::FailedToStart { message } => assert!(message.contains("absent:2"), "{message}"),
        other => panic!("{other:?}"),
    }
}

/// Writes an executable script through a child process: this multi-threaded test process never
/// holds it open for writing, so no other thread's fork can keep it busy (ETXTBSY) when it runs.
fn write_script(path: &std::path::Path, text: &str) {
    use std::io::Write as _;
    let mut child = std::process::Command::new("sh")
        .args(["-c", "cat > \"$1\" && chmod 755 \"$1\"", "sh"])
        .arg(path)
        .stdin(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
    assert!(
        child.wait().unwrap().success(),
        "writing {}",
        path.display()
    );
}

/// A supervisor that starts late (a loaded machine) must not kill, on its way up, the sandboxes of
/// a newer executor that already claimed the same state folder: `Executor::start` returns only
/// once its supervisor is ready (it has killed the previous incarnation's leftovers and recorded
/// itself, so the next claim stops it instead).
#[tokio::test]
async fn a_slow_supervisor_never_kills_the_sandboxes_of_the_next_executor() {
    let d = tempdir();
    let slow = d.path().join("slow-supervisor");
    write_script(
        &slow,
        &format!(
            "#!/bin/sh\n/bin/sleep 0.4\nexec '{}' \"$@\"\n",
            env!("CARGO_BIN_EXE_tartarus")
        ),
    );
    let mut c = cfg(d.path(), Runtime::Process);
    c.supervisor_exe = slow;
    for round in 0..2 {
        let t = Instant::now();
        drop(executor(&c));
        assert!(
            t.elapsed() >= Duration::from_millis(400),
            "round {round}: start returned before its supervisor was ready"
        );
        let ex = executor(&c);
        let (_tx, rx) = watch::channel(false);
        let o = ex
            .execute(
                "late",
                &spec(&["sh", "-c", "sleep 1; echo survived"]),
                0,
                rx,
                |_| {},
            )
            .await;
        assert_eq!(o.status, Status::Succeeded, "round {round}: {o:?}");
        assert_eq!(o.log_tail, "survived\n", "round {round}");
    }
}

/// A supervisor that dies while starting is reported by `Executor::start`, not discovered later.
#[tokio::test]
async fn a_supervisor_that_dies_at_start_fails_the_executor_start() {
    let d = tempdir();
    let broken = d.path().join("broken-supervisor");
    write_script(&broken, "#!/bin/sh\nexit 3\n");
    let mut c = cfg(d.path(), Runtime::Process);
    c.supervisor_exe = broken;
    let err = Executor::start(c).err().expect("refused");
    assert!(err.to_string().contains("exited while starting"), "{err}");
}
