//! Hostile sandboxes against the executor, with real processes: what leaks into a sandbox (descriptors), what it can reach (other slots, the supervisor, system calls), whether it can outlive its run (chains of sessions, fork bombs), and whether it can turn the root-run clean-up of its folder against the host.

use std::collections::BTreeMap;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use tartarus::executor::{Executor, ExecutorConfig, Outcome, Runtime, Status};
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
        memory_bytes: 0,
        gpu: 0,
        timeout_secs: 60,
        heat: None,
        priority: 0,
        labels: BTreeMap::new(),
        annotations: BTreeMap::new(),
        tenant: None,
        network: false,
        privileged: false,
        idempotency_key: None,
        ttl_after_finished_ms: None,
    }
}

fn sh(script: &str) -> SandboxSpec {
    spec(&["sh", "-c", script])
}

fn is_root() -> bool {
    unsafe { libc::geteuid() == 0 }
}

fn cfg(dir: &Path, runtime: Runtime) -> ExecutorConfig {
    let mut c = ExecutorConfig::new(runtime, dir.join("work"), dir.join("logs"));
    c.supervisor_exe = env!("CARGO_BIN_EXE_tartarus").into();
    c
}

/// A temporary folder sandbox uids may traverse, with a `shared` folder they may write to.
fn folders() -> (tempfile::TempDir, PathBuf) {
    let d = tempfile::tempdir().unwrap();
    std::fs::set_permissions(d.path(), std::fs::Permissions::from_mode(0o711)).unwrap();
    let shared = d.path().join("shared");
    std::fs::create_dir(&shared).unwrap();
    std::fs::set_permissions(&shared, std::fs::Permissions::from_mode(0o777)).unwrap();
    (d, shared)
}

async fn run_on(ex: &Executor, id: &str, s: &SandboxSpec, slot: u32) -> Outcome {
    let (_tx, rx) = watch::channel(false);
    ex.execute(id, s, slot, rx, |_| {}).await
}

/// The bwrap runtime, or None (loudly) when this host cannot run it; required under
/// `TARTARUS_REQUIRE_BWRAP=1`.
async fn bwrap_runtime() -> Option<Runtime> {
    let probe_uid = is_root().then_some(100_000);
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

async fn runtimes() -> Vec<Runtime> {
    let mut v = vec![Runtime::Process];
    v.extend(bwrap_runtime().await);
    v
}

fn read_pid(path: &Path) -> Option<i32> {
    std::fs::read_to_string(path).ok()?.trim().parse().ok()
}

/// True while `pid` runs (not a zombie).
fn alive(pid: i32) -> bool {
    tartarus::executor::procfs::start_time(pid).is_some()
}

fn wait_until(within: Duration, mut f: impl FnMut() -> bool) -> bool {
    let t = Instant::now();
    while t.elapsed() < within {
        if f() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    f()
}

/// A `sleep` argument unique to this test process and `n`, to find its sleepers from outside
/// (other test runs on the host may use the same sandbox uids).
fn marker(n: u32) -> String {
    format!("59.{}{n:02}", std::process::id())
}

/// Live processes whose command line contains `needle`.
fn processes_with(needle: &str) -> Vec<i32> {
    std::fs::read_dir("/proc")
        .unwrap()
        .flatten()
        .filter_map(|e| e.file_name().to_str()?.parse::<i32>().ok())
        .filter(|pid| {
            let cmd = std::fs::read(format!("/proc/{pid}/cmdline")).unwrap_or_default();
            alive(*pid) && String::from_utf8_lossy(&cmd).contains(needle)
        })
        .collect()
}

#[tokio::test]
async fn only_the_standard_descriptors_reach_a_sandbox() {
    for rt in runtimes().await.into_iter().rev() {
        let (d, _) = folders();
        let ex = Executor::start(cfg(d.path(), rt.clone())).unwrap();
        // What a process of the sandbox inherits: a child's descriptors, listed from outside it.
        // The list is taken once the child is `sleep` and asleep: before its exec the shell
        // points its stdin at /dev/null (fd 0 may be missing for a moment), and right after it
        // the loader opens the C library as fd 3. Only builtins run in the wait.
        let o = run_on(
            &ex,
            "fds",
            &sh("sleep 5 & p=$!; i=0; \
                 while [ $i -lt 100000 ]; do \
                   read -r c < /proc/$p/comm; read -r x y st rest < /proc/$p/stat; \
                   [ \"$c $st\" = 'sleep S' ] && break; i=$((i+1)); \
                 done; \
                 ls -l /proc/$p/fd/ > list; kill $p; tail -n +2 list | awk '{print $9, $11}'"),
            0,
        )
        .await;
        assert_eq!(o.status, Status::Succeeded, "{rt:?}: {o:?}");
        let fds: Vec<&str> = o
            .log_tail
            .lines()
            .map(|l| l.split_whitespace().next().unwrap_or(""))
            .collect();
        assert_eq!(
            fds,
            ["0", "1", "2"],
            "{rt:?}: descriptors leaked in:\n{}",
            o.log_tail
        );
    }
}

#[tokio::test]
async fn a_chain_of_sessions_does_not_outlive_its_run() {
    let mut cases: Vec<(Runtime, bool)> = runtimes().await.into_iter().map(|r| (r, true)).collect();
    // Without cgroups (a host that has none to give): the uid sweep.
    if is_root() {
        cases.push((Runtime::Process, false));
    }
    for (rt, cgroups) in cases {
        let (d, shared) = folders();
        let mut c = cfg(d.path(), rt.clone());
        c.cgroups = cgroups;
        let ex = Executor::start(c).unwrap();
        // main -> A (own session, waits) -> B (own session): when main exits, A is re-parented to
        // the supervisor and killed; B is re-parented only once A is gone.
        // Under bwrap only the working folder is visible: the pids go there (and are namespaced).
        let s_dir = match rt {
            Runtime::Process => shared.display().to_string(),
            _ => ".".to_string(),
        };
        let script = format!(
            "setsid sh -c 'setsid sh -c \"echo \\$\\$ > {s}/b.pid; exec sleep {m}\" & echo $$ > {s}/a.pid; wait' & \
             while [ ! -s {s}/b.pid ]; do sleep 0.01; done; echo up",
            s = s_dir,
            m = marker(1)
        );
        let o = run_on(&ex, "chain", &sh(&script), 0).await;
        assert_eq!(o.status, Status::Succeeded, "{rt:?}: {o:?}");
        if matches!(rt, Runtime::Bwrap { .. }) {
            // Inside bwrap's pid namespace the recorded pid is not the host's: look for the sleeper.
            assert!(
                wait_until(Duration::from_secs(2), || processes_with(&marker(1))
                    .is_empty()),
                "{rt:?}: the sleeper two sessions deep outlived the run"
            );
            continue;
        }
        let b = read_pid(&shared.join("b.pid")).expect("b.pid");
        assert!(
            wait_until(Duration::from_millis(500), || !alive(b)),
            "{rt:?} (cgroups {cgroups}): pid {b} (two sessions deep) outlived its run"
        );
    }
}

#[tokio::test]
async fn a_sandbox_cannot_signal_or_inspect_the_supervisor_or_another_slot() {
    if !is_root() {
        return;
    }
    for rt in runtimes().await {
        let (d, _) = folders();
        let ex = std::sync::Arc::new(Executor::start(cfg(d.path(), rt.clone())).unwrap());
        let sup = ex.supervisor_pid();
        // Slot 0: a victim (its host pid from the executor's on_start).
        let ex0 = ex.clone();
        let (pid_tx, pid_rx) = tokio::sync::oneshot::channel();
        let (stop_tx, stop_rx) = watch::channel(false);
        let victim = tokio::spawn(async move {
            ex0.execute("victim", &spec(&["sleep", "30"]), 0, stop_rx, |p| {
                let _ = pid_tx.send(p);
            })
            .await
        });
        let victim_pid = pid_rx.await.unwrap();
        let script = format!(
            r#"for p in {sup} {victim_pid} {me}; do
  kill -0 $p 2>/dev/null && echo "signal $p ok" || echo "signal $p denied"
  kill -STOP $p 2>/dev/null && echo "stop $p ok"
  cat /proc/$p/environ >/dev/null 2>&1 && echo "environ $p read"
  ls /proc/$p/fd >/dev/null 2>&1 && echo "fds $p listed"
  prlimit --pid $p --nofile=1:1 2>/dev/null && echo "prlimit $p ok"
done
echo done"#,
            me = std::process::id()
        );
        let o = run_on(&ex, "attacker", &sh(&script), 1).await;
        let _ = stop_tx.send(true);
        let v = victim.await.unwrap();
        assert_eq!(
            v.status,
            Status::Cancelled,
            "{rt:?}: the victim was disturbed: {v:?}"
        );
        assert_eq!(o.status, Status::Succeeded, "{rt:?}: {o:?}");
        let expected: String = [sup as i32, victim_pid as i32, std::process::id() as i32]
            .iter()
            .map(|p| format!("signal {p} denied\n"))
            .collect::<String>()
            + "done\n";
        assert_eq!(o.log_tail, expected, "{rt:?}");
    }
}

/// Python that tries system calls a sandbox must not have and prints `name result errno`.
const SYSCALL_PROBE: &str = r#"
import ctypes
l = ctypes.CDLL(None, use_errno=True)
buf = ctypes.create_string_buffer(256)
for name, nr, args in [
    ("io_uring_setup", 425, (1, ctypes.addressof(buf))),
    ("pidfd_getfd", 438, (0, 0, 0)),
    ("process_madvise", 440, (0, 0, 0, 0, 0)),
    ("personality", 135, (0x0400000,)),
    ("x32_getpid", 0x40000000 + 39, ()),
    ("keyctl", 250, (0, 0, 0, 0, 0)),
    ("add_key", 248, (0, 0, 0, 0, 0)),
    ("unshare", 272, (0x10000000,)),
    ("clone3", 435, (0, 0)),
    # NEWNS with CLONE_FS: the kernel itself answers EINVAL (before any permission check), so
    # only the filter answers EPERM.
    ("clone_newns", 56, (0x00020000 | 0x200 | 17, 0, 0, 0, 0)),
]:
    ctypes.set_errno(0)
    r = l.syscall(nr, *args)
    print(name, r, ctypes.get_errno())
"#;

#[tokio::test]
async fn dangerous_system_calls_fail_in_both_runtimes() {
    if !Path::new("/usr/bin/python3").exists() {
        eprintln!("no python3: skipping");
        return;
    }
    for rt in runtimes().await {
        let (d, _) = folders();
        let ex = Executor::start(cfg(d.path(), rt.clone())).unwrap();
        let o = run_on(
            &ex,
            "sys",
            &spec(&["/usr/bin/python3", "-c", SYSCALL_PROBE]),
            0,
        )
        .await;
        assert_eq!(o.status, Status::Succeeded, "{rt:?}: {o:?}");
        for line in o.log_tail.lines() {
            let f: Vec<&str> = line.split_whitespace().collect();
            let (name, r, errno) = (f[0], f[1], f[2].parse::<i32>().unwrap());
            assert_eq!(r, "-1", "{rt:?}: {name} succeeded: {}", o.log_tail);
            // x32 numbers fail as unknown (ENOSYS) whether the kernel has the x32 ABI or not,
            // and so does clone3 (so C libraries fall back to clone, whose flags are checked).
            let want = if name.starts_with("x32") || name == "clone3" {
                libc::ENOSYS
            } else {
                libc::EPERM
            };
            assert_eq!(errno, want, "{rt:?}: {name}: {}", o.log_tail);
        }
        assert_eq!(o.log_tail.lines().count(), 10, "{}", o.log_tail);
    }
}

#[tokio::test]
async fn a_fork_bomb_is_bounded_per_slot_and_dies_with_its_run() {
    if !is_root() {
        return;
    }
    for rt in runtimes().await {
        let (d, _) = folders();
        let mut c = cfg(d.path(), rt.clone());
        c.max_processes = 64;
        c.timeout_override = Some(Duration::from_secs(3));
        let ex = Executor::start(c).unwrap();
        let script = format!(
            "n=0; while [ $n -lt 500 ]; do (setsid sleep {m} &) 2>/dev/null || break; n=$((n+1)); done; \
             echo forked $n; sleep {m}",
            m = marker(2)
        );
        let o = run_on(&ex, "bomb", &sh(&script), 2).await;
        assert_eq!(o.status, Status::TimedOut, "{rt:?}: {o:?}");
        let n: u32 = o
            .log_tail
            .lines()
            .find_map(|l| l.strip_prefix("forked "))
            .and_then(|n| n.trim().parse().ok())
            .unwrap_or_else(|| panic!("{rt:?}: {}", o.log_tail));
        assert!(
            n < 64,
            "{rt:?}: RLIMIT_NPROC did not bound the bomb ({n} forks)"
        );
        assert!(
            wait_until(Duration::from_secs(2), || processes_with(&marker(2))
                .is_empty()),
            "{rt:?}: processes of the bomb outlived the run"
        );
    }
}

fn message(o: &Outcome) -> String {
    match &o.status {
        Status::FailedToStart { message } => message.clone(),
        other => panic!("expected a failure to start, got {other:?}: {o:?}"),
    }
}

#[tokio::test]
async fn env_from_reads_only_trusted_files_inside_the_env_from_dir() {
    let (d, _) = folders();
    let envdir = d.path().join("env");
    let write = |p: &Path, text: &str, mode: u32| {
        std::fs::write(p, text).unwrap();
        std::fs::set_permissions(p, std::fs::Permissions::from_mode(mode)).unwrap();
    };
    std::fs::create_dir_all(envdir.join("sub")).unwrap();
    std::fs::create_dir_all(envdir.join("..v1")).unwrap();
    write(&envdir.join("ok.env"), "TOKEN=fine\n", 0o600);
    write(&envdir.join("sub/ok2.env"), "TOKEN=sub\n", 0o600);
    write(&envdir.join("..v1/k.env"), "TOKEN=k8s\n", 0o600);
    // A Kubernetes secret volume: KEY -> ..data/KEY, ..data -> ..v1 (both stay inside).
    std::os::unix::fs::symlink("..v1", envdir.join("..data")).unwrap();
    std::os::unix::fs::symlink("..data/k.env", envdir.join("k.env")).unwrap();
    // Stand-ins for /etc/shadow or /root/.ssh: root's files outside the folder.
    let outside = d.path().join("outside.env");
    write(&outside, "STOLEN=yes\n", 0o600);
    std::os::unix::fs::symlink("../outside.env", envdir.join("rel-link.env")).unwrap();
    std::os::unix::fs::symlink(&outside, envdir.join("abs-link.env")).unwrap();
    write(&envdir.join("open.env"), "A=1\n", 0o666);
    let fifo = std::ffi::CString::new(envdir.join("fifo").to_str().unwrap()).unwrap();
    assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o600) }, 0);
    if is_root() {
        write(&envdir.join("theirs.env"), "A=1\n", 0o600);
        std::os::unix::fs::lchown(envdir.join("theirs.env"), Some(100_007), None).unwrap();
    }
    let show = sh("echo TOKEN=${TOKEN-unset} STOLEN=${STOLEN-unset}");
    let with = |file: &str| {
        let mut s = show.clone();
        s.env_from = Some(tartarus::model::spec::EnvFrom { file: file.into() });
        s
    };
    let e = |name: &str| envdir.join(name).to_str().unwrap().to_string();

    // Without --env-from-dir nothing is read.
    let ex = Executor::start(cfg(d.path(), Runtime::Process)).unwrap();
    let o = run_on(&ex, "nodir", &with(&e("ok.env")), 0).await;
    assert!(message(&o).contains("--env-from-dir"), "{o:?}");
    drop(ex);

    let mut c = cfg(d.path(), Runtime::Process);
    c.env_from_dir = Some(envdir.clone());
    let ex = Executor::start(c).unwrap();
    for (file, want) in [
        (e("ok.env"), "TOKEN=fine STOLEN=unset\n"),
        (e("sub/ok2.env"), "TOKEN=sub STOLEN=unset\n"),
        (e("k.env"), "TOKEN=k8s STOLEN=unset\n"),
    ] {
        let o = run_on(&ex, "okenv", &with(&file), 0).await;
        assert_eq!(o.status, Status::Succeeded, "{file}: {o:?}");
        assert_eq!(o.log_tail, want, "{file}");
    }
    let refused: Vec<(String, &str)> = vec![
        (outside.to_str().unwrap().to_string(), "outside"),
        ("/etc/shadow".into(), "outside"),
        (format!("{}/../outside.env", envdir.display()), "outside"),
        (e("rel-link.env"), "leads out"),
        (e("abs-link.env"), "leads out"),
        (e("open.env"), "mode 0666"),
        (e("fifo"), "not a regular file"),
        (e("missing.env"), "No such file"),
    ];
    for (file, why) in refused {
        let t = Instant::now();
        let o = run_on(&ex, "badenv", &with(&file), 0).await;
        let m = message(&o);
        assert!(m.contains(why) && m.contains(&file), "{file}: {m}");
        assert!(!m.contains("STOLEN") && !m.contains("yes"), "{m}");
        assert!(t.elapsed() < Duration::from_secs(2), "{file}: blocked");
    }
    if is_root() {
        let o = run_on(&ex, "theirs", &with(&e("theirs.env")), 0).await;
        assert!(message(&o).contains("owned by uid 100007"), "{o:?}");
    }
    drop(ex);

    // A folder others may write to is refused when the executor starts.
    std::fs::set_permissions(&envdir, std::fs::Permissions::from_mode(0o777)).unwrap();
    let mut c = cfg(d.path(), Runtime::Process);
    c.env_from_dir = Some(envdir.clone());
    let err = Executor::start(c).err().expect("refused");
    assert!(err.to_string().contains("--env-from-dir"), "{err}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_sandbox_runs_in_its_own_cgroup_and_a_restart_finds_leftovers_there() {
    if !is_root() {
        return;
    }
    let (d, shared) = folders();
    let c = cfg(d.path(), Runtime::Process);
    let ex = Executor::start(c.clone()).unwrap();
    let Some(parent) = ex.cgroup_parent().map(Path::to_path_buf) else {
        eprintln!("no writable cgroup v2 with cgroup.kill here: skipping");
        return;
    };
    let o = run_on(&ex, "cg", &sh("cat /proc/self/cgroup"), 0).await;
    let line = o
        .log_tail
        .lines()
        .find(|l| l.starts_with("0::"))
        .unwrap_or_default()
        .to_string();
    let name = parent.file_name().unwrap().to_str().unwrap();
    assert!(
        line.contains(&format!("/{name}/")),
        "{line} not under {}",
        parent.display()
    );
    // A sandbox whose grandchild left its session; then its supervisor dies stopped (it cannot
    // clean up) and the journal is lost: only the cgroup still knows the grandchild.
    let m = marker(3);
    let script = format!(
        "setsid sh -c 'exec sleep {m}' & echo started > {}/started; exec sleep {m}",
        shared.display()
    );
    let ex = std::sync::Arc::new(ex);
    let ex2 = ex.clone();
    let task = tokio::spawn(async move { run_on(&ex2, "left", &sh(&script), 1).await });
    assert!(wait_until(Duration::from_secs(10), || processes_with(&m)
        .len()
        == 2));
    let sup = ex.supervisor_pid() as i32;
    unsafe {
        libc::kill(sup, libc::SIGSTOP);
    }
    std::fs::remove_file(c.state_dir.join(tartarus::executor::state::SANDBOXES_FILE)).unwrap();
    unsafe {
        libc::kill(sup, libc::SIGKILL);
    }
    assert!(
        wait_until(Duration::from_secs(5), || processes_with(&m).len() == 1),
        "the escaped sleeper is a leftover now"
    );
    task.abort();
    let _ = task.await;
    drop(ex);
    let again = Executor::start(c).unwrap();
    assert!(
        wait_until(Duration::from_secs(3), || processes_with(&m).is_empty()),
        "the restarted executor did not kill what the cgroup held"
    );
    assert!(
        !again.leftovers().killed.is_empty(),
        "{:?}",
        again.leftovers()
    );
}

#[tokio::test]
async fn folders_another_user_could_swap_are_refused_at_start() {
    if !is_root() {
        return;
    }
    let (d, _) = folders();
    let attacker = 100_500;
    // A sticky, world-writable folder like /tmp, where another user planted things first.
    let sticky = d.path().join("sticky");
    std::fs::create_dir(&sticky).unwrap();
    std::fs::set_permissions(&sticky, std::fs::Permissions::from_mode(0o1777)).unwrap();
    let victim = d.path().join("victim");
    std::fs::create_dir(&victim).unwrap();
    std::fs::write(victim.join("passwd"), "root:x:0:0\n").unwrap();
    std::os::unix::fs::symlink(&victim, sticky.join("agent")).unwrap();
    std::os::unix::fs::lchown(sticky.join("agent"), Some(attacker), Some(attacker)).unwrap();
    let theirs = sticky.join("theirs");
    std::fs::create_dir(&theirs).unwrap();
    std::os::unix::fs::lchown(&theirs, Some(attacker), Some(attacker)).unwrap();
    let open = d.path().join("open");
    std::fs::create_dir(&open).unwrap();
    std::fs::set_permissions(&open, std::fs::Permissions::from_mode(0o777)).unwrap();

    let cases: Vec<(ExecutorConfig, &str)> = vec![
        // The work root through the attacker's symlink (it would have been chmod-ed, and its
        // state and logs written, at the victim's place).
        (
            ExecutorConfig::new(
                Runtime::Process,
                sticky.join("agent/work"),
                d.path().join("l1"),
            ),
            "a symlink owned by uid 100500",
        ),
        // The log folder the attacker made (it could plant <run>.log -> /etc/shadow).
        (
            ExecutorConfig::new(Runtime::Process, d.path().join("w2"), theirs.join("logs")),
            "a folder owned by uid 100500",
        ),
        // The state folder in a folder anyone may write, without the sticky bit.
        (
            {
                let mut c =
                    ExecutorConfig::new(Runtime::Process, d.path().join("w3"), d.path().join("l3"));
                c.state_dir = open.join("state");
                c
            },
            "no sticky bit",
        ),
    ];
    for (mut c, why) in cases {
        c.supervisor_exe = env!("CARGO_BIN_EXE_tartarus").into();
        let err = Executor::start(c.clone())
            .err()
            .unwrap_or_else(|| panic!("{c:?} accepted"));
        assert!(err.to_string().contains(why), "{why}: {err}");
    }
    let left: Vec<_> = std::fs::read_dir(&victim)
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert_eq!(
        left,
        vec![std::ffi::OsString::from("passwd")],
        "the victim folder was written"
    );
    use std::os::unix::fs::MetadataExt;
    assert_eq!(std::fs::metadata(&victim).unwrap().mode() & 0o7777, 0o755);
    // The agent's own folders below a sticky /tmp-like folder are fine.
    let mut c = cfg(&sticky.join("mine"), Runtime::Process);
    c.supervisor_exe = env!("CARGO_BIN_EXE_tartarus").into();
    Executor::start(c).expect("own folders under a sticky folder");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_sandbox_that_clears_its_death_signal_dies_when_its_supervisor_is_replaced() {
    if !Path::new("/usr/bin/python3").exists() {
        return;
    }
    for cgroups in [true, false] {
        let (d, _) = folders();
        let mut c = cfg(d.path(), Runtime::Process);
        c.cgroups = cgroups;
        let ex = std::sync::Arc::new(Executor::start(c).unwrap());
        let m = marker(4 + cgroups as u32);
        // prctl(PR_SET_PDEATHSIG, 0), then become the sleeper.
        let py = format!(
            "import ctypes, os; ctypes.CDLL(None).prctl(1, 0, 0, 0, 0); os.execv('/bin/sleep', ['sleep', '{m}'])"
        );
        let ex2 = ex.clone();
        let task = tokio::spawn(async move {
            run_on(&ex2, "nodeath", &spec(&["/usr/bin/python3", "-c", &py]), 0).await
        });
        let sleeping = || {
            processes_with(&m).into_iter().any(|p| {
                std::fs::read_to_string(format!("/proc/{p}/comm"))
                    .is_ok_and(|c| c.trim() == "sleep")
            })
        };
        assert!(wait_until(Duration::from_secs(10), sleeping));
        unsafe {
            libc::kill(ex.supervisor_pid() as i32, libc::SIGKILL);
        }
        let o = task.await.unwrap();
        assert!(matches!(o.status, Status::Lost { .. }), "{o:?}");
        std::thread::sleep(Duration::from_millis(300));
        assert_eq!(
            processes_with(&m).len(),
            1,
            "cgroups {cgroups}: it outlived its supervisor"
        );
        assert!(ex.ensure_supervisor().unwrap());
        assert!(
            wait_until(Duration::from_secs(3), || processes_with(&m).is_empty()),
            "cgroups {cgroups}: the new supervisor left the old one's sandbox running"
        );
    }
}

#[test]
fn a_forged_journal_never_makes_a_restarted_agent_kill_itself_or_others() {
    use tartarus::executor::state::{self, ProcessRecord, StateDir};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state");
    std::fs::create_dir(&path).unwrap();
    let me = ProcessRecord::of(std::process::id() as i32, Some("me")).unwrap();
    let parent = ProcessRecord::of(unsafe { libc::getppid() }, Some("parent")).unwrap();
    std::fs::write(
        path.join(state::SANDBOXES_FILE),
        format!(
            "+ {}+ {}+ 1 1 init\n+ -7 1 neg\n+ 0 0 zero\ngarbage\n+ 99999999999 1 huge\n- x\n",
            me.to_line(),
            parent.to_line()
        ),
    )
    .unwrap();
    let (_claimed, left) = StateDir::claim(&path).unwrap();
    assert!(left.killed.is_empty(), "{left:?}");
    // Still here: the test process was not signalled.
    assert_eq!(left.stale.len(), 2, "{left:?}");
}

#[tokio::test]
async fn a_bwrap_sandbox_sees_little_of_the_host() {
    let Some(rt) = bwrap_runtime().await else {
        return;
    };
    let (d, _) = folders();
    let ex = Executor::start(cfg(d.path(), rt)).unwrap();
    let script = r#"
echo sys $(ls -A /sys 2>/dev/null | wc -l)
echo procs $(ls /proc | grep -c '^[0-9]')
echo net $(tail -n +3 /proc/net/dev | cut -d: -f1 | tr -d ' ' | tr '\n' ' ')
echo dev $(ls -A /dev | tr '\n' ' ')
echo tmp $(ls -A /tmp | tr '\n' ' ')
echo etc $(ls -A /etc | tr '\n' ' ')
echo root $(ls -A / | tr '\n' ' ')
unshare -U true 2>/dev/null && echo USERNS""-OK || echo userns-denied
"#;
    let o = run_on(&ex, "view", &sh(script), 0).await;
    assert_eq!(o.status, Status::Succeeded, "{o:?}");
    let line = |key: &str| -> String {
        o.log_tail
            .lines()
            .find_map(|l| l.strip_prefix(&format!("{key} ")))
            .unwrap_or_default()
            .trim()
            .to_string()
    };
    assert_eq!(line("sys"), "0", "{}", o.log_tail);
    let procs: u32 = line("procs").parse().unwrap();
    assert!(procs <= 6, "own pid namespace: {}", o.log_tail);
    assert_eq!(line("net"), "lo", "{}", o.log_tail);
    for dev in line("dev").split_whitespace() {
        assert!(
            [
                "null", "zero", "full", "random", "urandom", "tty", "shm", "pts", "ptmx", "fd",
                "stdin", "stdout", "stderr", "core", "mqueue"
            ]
            .contains(&dev),
            "/dev/{dev}: {}",
            o.log_tail
        );
    }
    // Private /tmp: at most the way down to the working folder when it lives under /tmp.
    let way = d
        .path()
        .strip_prefix("/tmp")
        .ok()
        .and_then(|r| r.components().next())
        .map(|c| c.as_os_str().to_string_lossy().into_owned());
    for entry in line("tmp").split_whitespace() {
        assert_eq!(Some(entry.to_string()), way, "private /tmp: {}", o.log_tail);
    }
    let etc = line("etc");
    for bad in [
        "shadow",
        "gshadow",
        "sudoers",
        "ssh",
        "hostname",
        "machine-id",
    ] {
        assert!(
            !etc.split_whitespace().any(|e| e == bad),
            "/etc/{bad}: {etc}"
        );
    }
    assert!(
        !line("root")
            .split_whitespace()
            .any(|e| e == "root" || e == "home" || e == "work"),
        "{}",
        o.log_tail
    );
    assert!(o.log_tail.contains("userns-denied"), "{}", o.log_tail);
}

/// Not a test: the cost of a sandbox's own cgroup. Sequential no-op runs with and without cgroups,
/// interleaved; prints runs per second. `cargo test --release --test sandbox_hostile -- --ignored
/// --nocapture cgroup_cost`.
#[tokio::test]
#[ignore]
async fn cgroup_cost() {
    let (d, _) = folders();
    for round in 0..3 {
        for cgroups in [false, true] {
            let mut c = cfg(
                &d.path().join(format!("r{round}{cgroups}")),
                Runtime::Process,
            );
            c.cgroups = cgroups;
            let ex = Executor::start(c).unwrap();
            let n = 300;
            let t = Instant::now();
            for i in 0..n {
                let o = run_on(&ex, &format!("n{i}"), &spec(&["true"]), 0).await;
                assert_eq!(o.status, Status::Succeeded);
            }
            let rate = n as f64 / t.elapsed().as_secs_f64();
            println!("round {round} cgroups {cgroups}: {rate:.0} runs/s (one slot, sequential)");
        }
    }
}
