//! Hostile sandboxes on both runtimes, with real processes: they cannot reach the agent's Redis password (given through the environment or a file), run as an unprivileged uid, cannot read /etc/shadow or use unshare/mount/ptrace; folders have the documented modes; `envFrom` values reach the sandbox and never Redis.

mod support;

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use support::{flat_run, json, tartarus_on, RedisServer, ServerOptions};

const PASSWORD: &str = "pw-Q7zK-hunter2-secret";

struct Proc(Child);

impl Drop for Proc {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn server() -> RedisServer {
    RedisServer::start_with(ServerOptions {
        password: Some(PASSWORD.to_string()),
        ..Default::default()
    })
}

fn is_root() -> bool {
    unsafe { libc::geteuid() == 0 }
}

fn folders() -> (tempfile::TempDir, PathBuf) {
    let d = tempfile::tempdir().unwrap();
    std::fs::set_permissions(d.path(), std::fs::Permissions::from_mode(0o711)).unwrap();
    let shared = d.path().join("shared");
    std::fs::create_dir(&shared).unwrap();
    std::fs::set_permissions(&shared, std::fs::Permissions::from_mode(0o777)).unwrap();
    (d, shared)
}

/// How the agent gets the password.
#[derive(Clone, Copy, Debug)]
enum Given {
    Env,
    File,
}

struct Agent {
    proc: Proc,
    stderr: PathBuf,
    logs: PathBuf,
    work: PathBuf,
    password_file: PathBuf,
}

fn start_agent_with(
    server: &RedisServer,
    dir: &Path,
    name: &str,
    runtime: &str,
    given: Given,
    extra: &[&str],
) -> Agent {
    start_agent_as(server, dir, name, runtime, given, extra, None)
}

/// Starts an agent, as `as_uid` (a non-root agent, whose sandboxes share its uid) when given.
fn start_agent_as(
    server: &RedisServer,
    dir: &Path,
    name: &str,
    runtime: &str,
    given: Given,
    extra: &[&str],
    as_uid: Option<u32>,
) -> Agent {
    let work = dir.join(format!("{name}-work"));
    let logs = dir.join(format!("{name}-logs"));
    let stderr = dir.join(format!("{name}.stderr"));
    let password_file = dir.join(format!("{name}.password"));
    std::fs::write(&password_file, PASSWORD).unwrap();
    std::fs::set_permissions(&password_file, std::fs::Permissions::from_mode(0o600)).unwrap();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_tartarus"));
    if let Some(uid) = as_uid {
        for (d, mode) in [(&work, 0o711), (&logs, 0o700)] {
            std::fs::create_dir(d).unwrap();
            std::fs::set_permissions(d, std::fs::Permissions::from_mode(mode)).unwrap();
            std::os::unix::fs::chown(d, Some(uid), Some(uid)).unwrap();
        }
        if matches!(given, Given::File) {
            std::os::unix::fs::chown(&password_file, Some(uid), Some(uid)).unwrap();
        }
        // SAFETY: only system calls between fork and exec.
        unsafe {
            cmd.pre_exec(move || {
                if libc::setgroups(0, std::ptr::null()) == -1
                    || libc::setresgid(uid, uid, uid) == -1
                    || libc::setresuid(uid, uid, uid) == -1
                {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
    }
    cmd.env("REDIS_ADDR", server.host_port())
        .env_remove("REDIS_PASSWORD")
        .env_remove("REDIS_PASS")
        .env("TARTARUS_LOG", "debug")
        .args([
            "agent",
            "run",
            "--name",
            name,
            "--runtime",
            runtime,
            "--poll",
            "50ms",
            "--work-dir",
            work.to_str().unwrap(),
            "--log-dir",
            logs.to_str().unwrap(),
        ])
        .args(extra)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(&stderr).unwrap());
    match given {
        Given::Env => {
            cmd.env("REDIS_PASSWORD", PASSWORD);
        }
        Given::File => {
            cmd.arg("--redis-password-file").arg(&password_file);
        }
    }
    Agent {
        proc: Proc(cmd.spawn().unwrap()),
        stderr,
        logs,
        work,
        password_file,
    }
}

fn submit_json(server: &RedisServer, doc: &serde_json::Value) -> String {
    let out = tartarus_on(server)
        .args(["-q", "sandbox", "submit", "-o", "json", "-f", "-"])
        .write_stdin(doc.to_string())
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let v = json(&out.stdout);
    let first = if v["items"].is_array() {
        &v["items"][0]
    } else {
        &v[0]
    };
    first["id"].as_str().unwrap().to_string()
}

fn wait_done(server: &RedisServer, id: &str) -> serde_json::Value {
    let t = Instant::now();
    loop {
        let out = tartarus_on(server)
            .args(["sandbox", "get", id, "-o", "json"])
            .output()
            .unwrap();
        let run = flat_run(&json(&out.stdout));
        if ["succeeded", "failed", "timed_out", "cancelled"]
            .contains(&run["state"].as_str().unwrap_or(""))
        {
            return run;
        }
        assert!(t.elapsed() < Duration::from_secs(30), "run not done: {run}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Pid of the live process whose command line contains `marker`.
fn find_process(marker: &str) -> Option<i32> {
    for e in std::fs::read_dir("/proc").ok()?.flatten() {
        let Ok(pid) = e.file_name().to_string_lossy().parse::<i32>() else {
            continue;
        };
        let cmdline = std::fs::read(e.path().join("cmdline")).unwrap_or_default();
        if String::from_utf8_lossy(&cmdline)
            .replace('\0', " ")
            .contains(marker)
        {
            return Some(pid);
        }
    }
    None
}

const SYSCALLS: &str = "import ctypes\nl = ctypes.CDLL(None, use_errno=True)\nfor name, call in [('unshare', lambda: l.unshare(0x10000000)), ('mount', lambda: l.mount(b'none', b'/tmp', b'tmpfs', 0, None)), ('ptrace', lambda: l.ptrace(0, 0, None, None))]:\n    r = call(); print('syscall', name, r, ctypes.get_errno())\n";

/// The hostile script: tries every place the password could be, prints what it got.
fn hostile_script(marker: &str) -> String {
    format!(
        r#"exec 2>&1
echo ppid; cat /proc/$PPID/environ; cat /proc/$PPID/cmdline
echo all; for f in /proc/[0-9]*/environ /proc/[0-9]*/cmdline; do cat $f; echo; done
echo agent; cat /proc/$AGENT_PID/environ; cat /proc/$AGENT_PID/cmdline; cat /proc/$AGENT_PID/maps | head -3
ls /proc/$AGENT_PID/fd/ >/dev/null 2>&1 && echo AGENT-FDS""-LISTED || echo agent-fds-denied
for f in /proc/$AGENT_PID/fd/* /proc/$PPID/fd/*; do timeout 1 cat $f 2>/dev/null | head -c 200; done
echo ps; ps -eo pid,args 2>&1 | head -200
strace -f -o /dev/null true >/dev/null 2>&1 && echo STRACE""-WORKED || echo strace-denied
/usr/bin/python3 -c "
import os
needle = os.environ['PWREV'][::-1].encode()
for who, pid in [('agent', '$AGENT_PID'), ('parent', '$PPID')]:
  try:
    maps = open('/proc/%s/maps' % pid).read().splitlines()
    mem = open('/proc/%s/mem' % pid, 'rb')
    for line in maps:
        a, b = [int(x, 16) for x in line.split()[0].split('-')]
        try:
            mem.seek(a); data = mem.read(min(b - a, 1 << 22))
            if needle in data: print('MEM-HAS-' + 'PASSWORD')
        except Exception: pass
    print('mem read done', who)
  except Exception as e: print('mem denied', who, e)
"
echo own; env
echo file; cat $PWFILE
echo logs
# Not its own log: reading the file its output is appended to would feed on itself up to the cap.
for f in $AGENT_LOGS/*; do case "$f" in *"$TARTARUS_RUN_ID"*) ;; *) head -c 65536 "$f";; esac; done
cat /etc/shadow >/dev/null 2>&1 && echo SHADOW""-READ || echo shadow-denied
/usr/bin/python3 -c "$SYSCALLS"
stat -c 'home %a %u' "$HOME"
sleep {marker}
echo end"#
    )
}

fn hostile_run(
    server: &RedisServer,
    dir: &Path,
    runtime: &str,
    given: Given,
    name: &str,
    as_uid: Option<u32>,
) {
    let agent = start_agent_as(server, dir, name, runtime, given, &[], as_uid);
    std::thread::sleep(Duration::from_millis(500));
    // Unique among the tests running at once (the sandbox is found by its `sleep` argument).
    static NEXT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(1);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let marker = format!("2.{}{n}", std::process::id());
    let doc = serde_json::json!({
        "spec": {
            "image": "x",
            "command": ["sh", "-c", hostile_script(&marker)],
            "env": {
                "AGENT_PID": agent.proc.0.id().to_string(),
                "PWFILE": agent.password_file.to_str().unwrap(),
                "AGENT_LOGS": agent.logs.to_str().unwrap(),
                "SYSCALLS": SYSCALLS,
                // The password reversed: the script can look for it without holding it.
                "PWREV": PASSWORD.chars().rev().collect::<String>(),
            }
        }
    });
    let id = submit_json(server, &doc);
    // From outside: the sandbox's uid.
    let t = Instant::now();
    let pid = loop {
        if let Some(p) = find_process(&format!("sleep {marker}")) {
            break p;
        }
        if t.elapsed() > Duration::from_secs(20) {
            let out = tartarus_on(server)
                .args(["sandbox", "get", &id, "-o", "json"])
                .output()
                .unwrap();
            panic!(
                "sandbox never reached its sleep: {}\nagent: {}",
                String::from_utf8_lossy(&out.stdout),
                std::fs::read_to_string(&agent.stderr).unwrap_or_default()
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    let uid: u32 = status
        .lines()
        .find(|l| l.starts_with("Uid:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|u| u.parse().ok())
        .unwrap();
    if is_root() {
        assert!(uid >= 100_000, "sandbox uid {uid} on {runtime}");
    } else {
        assert_ne!(uid, 0);
    }
    let run = wait_done(server, &id);
    assert_eq!(run["state"], "succeeded", "{run}");
    let log = std::fs::read_to_string(run["log_path"].as_str().unwrap()).unwrap();
    let tail = run["log_tail"].as_str().unwrap();
    for (what, text) in [("log", log.as_str()), ("log_tail", tail)] {
        assert!(
            !text.contains("hunter2"),
            "{runtime}/{given:?}: the sandbox read the password ({what}):\n{text}"
        );
    }
    for bad in [
        "MEM-HAS-PASSWORD",
        "SHADOW-READ",
        "AGENT-FDS-LISTED",
        "STRACE-WORKED",
        "mem read done agent",
    ] {
        assert!(!log.contains(bad), "{runtime}/{given:?}: {bad}:\n{log}");
    }
    if runtime == "process" {
        // Its parent is the supervisor (root's, or non-dumpable with a non-root agent).
        assert!(!log.contains("mem read done parent"), "{log}");
    }
    for call in ["unshare", "mount", "ptrace"] {
        assert!(
            log.contains(&format!("syscall {call} -1 {}", libc::EPERM)),
            "{runtime}: {call} not refused with EPERM:\n{log}"
        );
    }
    if is_root() {
        assert!(log.contains(&format!("home 700 {uid}")), "{log}");
    }
    // From outside too: the agent's environment and command line never hold it, nor its logs.
    let apid = agent.proc.0.id();
    let environ = std::fs::read(format!("/proc/{apid}/environ")).unwrap();
    let cmdline = std::fs::read(format!("/proc/{apid}/cmdline")).unwrap();
    assert!(
        !String::from_utf8_lossy(&environ).contains("hunter2"),
        "{given:?}: /proc/<agent>/environ"
    );
    assert!(!String::from_utf8_lossy(&cmdline).contains("hunter2"));
    let status = std::fs::read_to_string(format!("/proc/{apid}/status")).unwrap();
    assert!(status.contains("\nUid:"), "{status}");
    // A clean stop (SIGTERM: drain, leave the registry), so the next agent gets the next run.
    let mut proc = agent.proc;
    unsafe {
        libc::kill(proc.0.id() as i32, libc::SIGTERM);
    }
    let _ = proc.0.wait();
    let stderr = std::fs::read_to_string(&agent.stderr).unwrap();
    assert!(
        !stderr.contains("hunter2"),
        "agent log holds the password:\n{stderr}"
    );
    // Modes: work root 0711 (agent's), log folder 0700, log files 0600.
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o7777;
    assert_eq!(mode(&agent.work), 0o711);
    assert_eq!(
        std::fs::metadata(&agent.work).unwrap().uid(),
        as_uid.unwrap_or(unsafe { libc::geteuid() })
    );
    assert_eq!(mode(&agent.logs), 0o700);
    assert_eq!(mode(Path::new(run["log_path"].as_str().unwrap())), 0o600);
}

#[test]
fn a_hostile_process_sandbox_cannot_reach_the_password() {
    let server = server();
    let (dir, _shared) = folders();
    let _scheduler = Proc(
        Command::new(env!("CARGO_BIN_EXE_tartarus"))
            .env("REDIS_ADDR", server.host_port())
            .env("REDIS_PASSWORD", PASSWORD)
            .args(["-q", "scheduler", "run"])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    hostile_run(&server, dir.path(), "process", Given::Env, "pe", None);
    hostile_run(&server, dir.path(), "process", Given::File, "pf", None);
}

/// A non-root agent cannot give its sandboxes another uid: they share its uid, and only its
/// non-dumpable state (and the supervisor's) keeps `/proc/<agent>/{environ,mem,fd}` from them.
/// Its files (a password file, logs) are readable by a `process` sandbox of the same uid (the
/// README says so, and the agent warns): that case runs under bwrap, which does not show them.
#[test]
fn a_non_root_agent_s_sandbox_cannot_reach_the_password() {
    if !is_root() {
        return; // needs root to start the agent as another user
    }
    let server = server();
    let (dir, _shared) = folders();
    let _scheduler = Proc(
        Command::new(env!("CARGO_BIN_EXE_tartarus"))
            .env("REDIS_ADDR", server.host_port())
            .env("REDIS_PASSWORD", PASSWORD)
            .args(["-q", "scheduler", "run"])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    hostile_run(
        &server,
        dir.path(),
        "process",
        Given::Env,
        "ne",
        Some(100_600),
    );
    let bwrap = tartarus::executor::Runtime::bwrap();
    let rt = tokio::runtime::Runtime::new().unwrap();
    match rt.block_on(bwrap.check_available(Some(100_600))) {
        Ok(_) => hostile_run(
            &server,
            dir.path(),
            "bwrap",
            Given::File,
            "nf",
            Some(100_600),
        ),
        Err(e) => eprintln!("\n!!!!! SKIPPING the non-root bwrap case: {e} !!!!!\n"),
    }
}

#[test]
fn a_hostile_bwrap_sandbox_cannot_reach_the_password_or_the_host() {
    let probe_uid = is_root().then_some(100_000);
    let rt = tokio::runtime::Runtime::new().unwrap();
    if let Err(e) = rt.block_on(tartarus::executor::Runtime::bwrap().check_available(probe_uid)) {
        assert!(
            std::env::var("TARTARUS_REQUIRE_BWRAP").as_deref() != Ok("1"),
            "bubblewrap is required here but unusable: {e}"
        );
        eprintln!("\n!!!!! SKIPPING bwrap test: {e} !!!!!\n");
        return;
    }
    let server = server();
    let (dir, _shared) = folders();
    let _scheduler = Proc(
        Command::new(env!("CARGO_BIN_EXE_tartarus"))
            .env("REDIS_ADDR", server.host_port())
            .env("REDIS_PASSWORD", PASSWORD)
            .args(["-q", "scheduler", "run"])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    hostile_run(&server, dir.path(), "bwrap", Given::Env, "be", None);
    hostile_run(&server, dir.path(), "bwrap", Given::File, "bf", None);
}

/// Every value in Redis, as text (hashes, strings, lists, sets, sorted sets, streams).
fn redis_text(server: &RedisServer) -> String {
    let mut conn = server.conn();
    let keys: Vec<String> = redis::cmd("KEYS").arg("*").query(&mut conn).unwrap();
    let mut out = String::new();
    for k in keys {
        let t: String = redis::cmd("TYPE").arg(&k).query(&mut conn).unwrap();
        let v: redis::Value = match t.as_str() {
            "hash" => redis::cmd("HGETALL").arg(&k).query(&mut conn).unwrap(),
            "string" => redis::cmd("GET").arg(&k).query(&mut conn).unwrap(),
            "list" => redis::cmd("LRANGE")
                .arg(&k)
                .arg(0)
                .arg(-1)
                .query(&mut conn)
                .unwrap(),
            "set" => redis::cmd("SMEMBERS").arg(&k).query(&mut conn).unwrap(),
            "zset" => redis::cmd("ZRANGE")
                .arg(&k)
                .arg(0)
                .arg(-1)
                .query(&mut conn)
                .unwrap(),
            "stream" => redis::cmd("XRANGE")
                .arg(&k)
                .arg("-")
                .arg("+")
                .query(&mut conn)
                .unwrap(),
            _ => redis::Value::Nil,
        };
        out.push_str(&format!("{k} {v:?}\n"));
    }
    out
}

#[test]
fn env_from_reaches_the_sandbox_and_never_redis() {
    let server = server();
    let (dir, shared) = folders();
    let env_dir = dir.path().join("env");
    std::fs::create_dir(&env_dir).unwrap();
    std::fs::set_permissions(&env_dir, std::fs::Permissions::from_mode(0o700)).unwrap();
    let secret_file = env_dir.join("secrets.env");
    std::fs::write(&secret_file, "# for the job\nAPI_TOKEN=tok-5e1f-77aa\n").unwrap();
    std::fs::set_permissions(&secret_file, std::fs::Permissions::from_mode(0o600)).unwrap();
    let _scheduler = Proc(
        Command::new(env!("CARGO_BIN_EXE_tartarus"))
            .env("REDIS_ADDR", server.host_port())
            .env("REDIS_PASSWORD", PASSWORD)
            .args(["-q", "scheduler", "run"])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let _agent = start_agent_with(
        &server,
        dir.path(),
        "ef",
        "process",
        Given::File,
        &["--env-from-dir", env_dir.to_str().unwrap()],
    );
    let out = shared.join("got");
    let doc = serde_json::json!({"spec": {
        "image": "x",
        "envFrom": {"file": secret_file.to_str().unwrap()},
        "env": {"OUT": out.to_str().unwrap()},
        "command": ["sh", "-c", "printf %s \"$API_TOKEN\" > $OUT"],
    }});
    let id = submit_json(&server, &doc);
    let run = wait_done(&server, &id);
    assert_eq!(run["state"], "succeeded", "{run}");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "tok-5e1f-77aa");
    let everything = redis_text(&server);
    assert!(
        everything.contains(secret_file.to_str().unwrap()),
        "the path is stored"
    );
    assert!(
        !everything.contains("tok-5e1f"),
        "the value reached Redis:\n{everything}"
    );
    // A missing file fails the run with a clear message; a file outside --env-from-dir (the
    // agent is root: /etc/shadow, its password file…) is refused without being opened.
    let missing = env_dir.join("missing.env");
    let password_file = dir.path().join("ef.password");
    for (file, why) in [
        (missing.to_str().unwrap(), "No such file"),
        ("/etc/shadow", "outside this agent's --env-from-dir"),
        (
            password_file.to_str().unwrap(),
            "outside this agent's --env-from-dir",
        ),
    ] {
        let doc = serde_json::json!({"spec": {
            "image": "x",
            "envFrom": {"file": file},
            "command": ["true"],
        }});
        let id = submit_json(&server, &doc);
        let run = wait_done(&server, &id);
        assert_eq!(run["state"], "failed", "{run}");
        let message = run["message"].as_str().unwrap_or_default();
        assert!(
            message.contains(&format!("envFrom file {file}")) && message.contains(why),
            "{message}"
        );
    }
}

/// `up` re-executes itself without the password too: its local agent's sandboxes cannot reach it.
#[test]
fn up_s_sandboxes_cannot_reach_the_password() {
    let server = server();
    let (dir, _shared) = folders();
    let spec_file = dir.path().join("hostile.yaml");
    let marker = format!("0.{}7", std::process::id());
    // The agent is `up` itself: the parent of the supervisor.
    let script = format!(
        "AGENT_PID=$(awk '{{print $4}}' /proc/$PPID/stat); {}",
        hostile_script(&marker)
    );
    let doc = serde_json::json!({"spec": {
        "image": "x",
        "command": ["sh", "-c", script],
        "env": {
            "PWFILE": "/nonexistent",
            "AGENT_LOGS": "/nonexistent",
            "SYSCALLS": SYSCALLS,
            "PWREV": PASSWORD.chars().rev().collect::<String>(),
        }
    }});
    std::fs::write(&spec_file, doc.to_string()).unwrap();
    let stderr = dir.path().join("up.stderr");
    let status = Command::new(env!("CARGO_BIN_EXE_tartarus"))
        .env("REDIS_ADDR", server.host_port())
        .env("REDIS_PASSWORD", PASSWORD)
        .env("TMPDIR", dir.path())
        .args(["up", "--agent", "upn", "--until-idle", "--submit"])
        .arg(&spec_file)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(&stderr).unwrap())
        .status()
        .unwrap();
    let errors = std::fs::read_to_string(&stderr).unwrap();
    assert!(status.success(), "{errors}");
    assert!(!errors.contains("hunter2"), "{errors}");
    let out = tartarus_on(&server)
        .args(["sandbox", "list", "-o", "json"])
        .output()
        .unwrap();
    let list = support::items(&json(&out.stdout));
    assert_eq!(list.len(), 1, "{list:?}");
    let run = flat_run(&list[0]);
    assert_eq!(run["state"], "succeeded", "{run}");
    let log = std::fs::read_to_string(run["log_path"].as_str().unwrap()).unwrap();
    assert!(
        log.contains("strace-denied") && log.contains("mem denied agent"),
        "{log}"
    );
    for bad in [
        "hunter2",
        "MEM-HAS-PASSWORD",
        "AGENT-FDS-LISTED",
        "STRACE-WORKED",
        "mem read done agent",
        "mem read done parent",
    ] {
        assert!(!log.contains(bad), "up: {bad}:\n{log}");
    }
}
