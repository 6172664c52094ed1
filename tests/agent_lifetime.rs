//! A sandbox's life is tied to its agent's lease and process, with real processes: `kill -9` of the agent, a stopped agent past its lease, a restarted agent finding leftovers (and sparing reused pids).

mod support;

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use support::{flat_run, json, tartarus_on, RedisServer};
use tartarus::executor::procfs;
use tartarus::executor::state::{self, ProcessRecord, StateDir};

/// A `tartarus` process killed when the test ends.
struct Proc(Child);

impl Drop for Proc {
    fn drop(&mut self) {
        unsafe {
            libc::kill(self.0.id() as i32, libc::SIGCONT);
        }
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn spawn(server: &RedisServer, args: &[&str]) -> Proc {
    let child = Command::new(env!("CARGO_BIN_EXE_tartarus"))
        .env("REDIS_ADDR", server.host_port())
        .env_remove("HADES_LABEL")
        .args(["-q"])
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn tartarus");
    Proc(child)
}

/// Test folder layout: traversable by sandbox uids, with a `shared` folder they may write to.
fn folders() -> (tempfile::TempDir, PathBuf) {
    let d = tempfile::tempdir().unwrap();
    std::fs::set_permissions(d.path(), std::fs::Permissions::from_mode(0o711)).unwrap();
    let shared = d.path().join("shared");
    std::fs::create_dir(&shared).unwrap();
    std::fs::set_permissions(&shared, std::fs::Permissions::from_mode(0o777)).unwrap();
    (d, shared)
}

fn agent(server: &RedisServer, dir: &Path, name: &str, ttl: &str) -> Proc {
    let work = dir.join(format!("{name}-work"));
    let logs = dir.join(format!("{name}-logs"));
    spawn(
        server,
        &[
            "agent",
            "run",
            "--name",
            name,
            "--ttl",
            ttl,
            "--poll",
            "50ms",
            "--work-dir",
            work.to_str().unwrap(),
            "--log-dir",
            logs.to_str().unwrap(),
        ],
    )
}

fn submit(server: &RedisServer, yaml: &str) -> String {
    let out = tartarus_on(server)
        .args(["-q", "sandbox", "submit", "-o", "json", "-f", "-"])
        .write_stdin(yaml.to_string())
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let v = json(&out.stdout);
    let first = if v["items"].is_array() {
        &v["items"][0]
    } else {
        &v[0]
    };
    first["id"].as_str().expect("an id").to_string()
}

fn get(server: &RedisServer, id: &str) -> serde_json::Value {
    let out = tartarus_on(server)
        .args(["sandbox", "get", id, "-o", "json"])
        .output()
        .unwrap();
    flat_run(&json(&out.stdout))
}

fn wait_for<T>(what: &str, within: Duration, mut f: impl FnMut() -> Option<T>) -> T {
    let t = Instant::now();
    loop {
        if let Some(v) = f() {
            return v;
        }
        assert!(t.elapsed() < within, "{what}: not within {within:?}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn read_pid(path: &Path) -> Option<i32> {
    std::fs::read_to_string(path).ok()?.trim().parse().ok()
}

fn alive(pid: i32) -> bool {
    procfs::start_time(pid).is_some()
}

fn now_ms() -> u128 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_millis()
}

/// A run that records its own pid, and a grandchild that double-forked and left the session.
fn escaping_run(shared: &Path) -> String {
    format!(
        "spec:\n  image: x\n  env: {{S: \"{}\"}}\n  command: [sh, -c, \"echo $$ > $S/main.pid; (setsid sh -c 'echo $$ > $S/grand.pid; exec sleep 120' &); exec sleep 120\"]\n",
        shared.display()
    )
}

#[test]
fn kill_9_of_the_agent_takes_its_sandboxes_and_escaped_grandchildren_with_it() {
    let server = RedisServer::start();
    let (dir, shared) = folders();
    let _scheduler = spawn(&server, &["scheduler", "run"]);
    let mut a = agent(&server, dir.path(), "k1", "30s");
    let id = submit(&server, &escaping_run(&shared));
    let main = wait_for("sandbox pid", Duration::from_secs(15), || {
        read_pid(&shared.join("main.pid"))
    });
    let grand = wait_for("grandchild pid", Duration::from_secs(5), || {
        read_pid(&shared.join("grand.pid"))
    });
    let sup = state::read_record(&dir.path().join("k1-work/.state/supervisor"))
        .expect("a supervisor record");
    assert!(alive(main) && alive(grand) && sup.is_alive());
    assert_eq!(get(&server, &id)["state"], "running");
    // The grandchild left the sandbox's session and group.
    let g = procfs::stat(grand).unwrap();
    assert_ne!(g.pgrp, main, "the grandchild must have escaped the group");
    a.0.kill().unwrap();
    let _ = a.0.wait();
    let t = Instant::now();
    wait_for(
        "sandbox, grandchild and supervisor gone",
        Duration::from_secs(5),
        || (!alive(main) && !alive(grand) && !sup.is_alive()).then_some(()),
    );
    eprintln!("gone {:?} after kill -9", t.elapsed());
}

#[test]
fn a_stopped_agent_s_sandbox_is_killed_before_the_lease_runs_out() {
    let server = RedisServer::start();
    let (dir, shared) = folders();
    // One placement only: the run is dead-lettered when its node is lost, so nothing but the
    // stopped agent could run it again.
    let _scheduler = spawn(&server, &["scheduler", "run", "--max-attempts", "1"]);
    let ttl = Duration::from_secs(3);
    let a = agent(&server, dir.path(), "s1", "3s");
    let yaml = format!(
        "spec:\n  image: x\n  env: {{S: \"{}\"}}\n  command: [sh, -c, \"echo start >> $S/starts; while true; do date +%s%3N > $S/tick.tmp; mv $S/tick.tmp $S/tick; sleep 0.05; done\"]\n",
        shared.display()
    );
    let id = submit(&server, &yaml);
    wait_for("first tick", Duration::from_secs(15), || {
        std::fs::metadata(shared.join("tick")).ok()
    });
    std::thread::sleep(Duration::from_millis(500));
    // The last acknowledged heartbeat was sent before this instant: the lease ends before
    // stopped_at + TTL, and the sandbox must be dead by then.
    let stopped_at = now_ms();
    unsafe {
        libc::kill(a.0.id() as i32, libc::SIGSTOP);
    }
    std::thread::sleep(ttl + Duration::from_secs(2));
    let last_tick: u128 = std::fs::read_to_string(shared.join("tick"))
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    let deadline = stopped_at + ttl.as_millis();
    eprintln!(
        "last tick {} ms after SIGSTOP (lease ends by {} ms)",
        last_tick as i128 - stopped_at as i128,
        ttl.as_millis()
    );
    assert!(
        last_tick < deadline,
        "the sandbox ran {} ms past the lease",
        last_tick - deadline
    );
    let frozen = std::fs::read_to_string(shared.join("tick")).unwrap();
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(
        std::fs::read_to_string(shared.join("tick")).unwrap(),
        frozen,
        "still ticking while the agent is stopped"
    );
    unsafe {
        libc::kill(a.0.id() as i32, libc::SIGCONT);
    }
    std::thread::sleep(Duration::from_secs(3));
    let run = get(&server, &id);
    assert_ne!(run["state"], "running", "{run}");
    assert_eq!(
        std::fs::read_to_string(shared.join("starts")).unwrap(),
        "start\n",
        "the resumed agent started the killed run again"
    );
    assert_eq!(
        std::fs::read_to_string(shared.join("tick")).unwrap(),
        frozen,
        "ticking again after SIGCONT"
    );
}

#[test]
fn a_restarted_agent_kills_what_its_stopped_supervisor_left() {
    let server = RedisServer::start();
    let (dir, shared) = folders();
    let _scheduler = spawn(&server, &["scheduler", "run"]);
    let mut a = agent(&server, dir.path(), "r1", "30s");
    let _id = submit(&server, &escaping_run(&shared));
    let main = wait_for("sandbox pid", Duration::from_secs(15), || {
        read_pid(&shared.join("main.pid"))
    });
    let sup = state::read_record(&dir.path().join("r1-work/.state/supervisor")).unwrap();
    // A supervisor that cannot act (stopped) when its agent dies: its sandbox outlives both.
    unsafe {
        libc::kill(sup.pid, libc::SIGSTOP);
    }
    a.0.kill().unwrap();
    let _ = a.0.wait();
    std::thread::sleep(Duration::from_millis(500));
    assert!(alive(main), "the sandbox is a leftover now");
    let _b = agent(&server, dir.path(), "r1", "30s");
    wait_for("leftovers killed", Duration::from_secs(10), || {
        (!alive(main) && !sup.is_alive()).then_some(())
    });
}

#[test]
fn claiming_a_state_folder_kills_matching_leftovers_and_spares_reused_pids() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state");
    let mut leftover = Command::new("sleep")
        .arg("60")
        .process_group(0)
        .spawn()
        .unwrap();
    let mut bystander = Command::new("sleep")
        .arg("60")
        .process_group(0)
        .spawn()
        .unwrap();
    let (l, b) = (leftover.id() as i32, bystander.id() as i32);
    std::fs::create_dir_all(&path).unwrap();
    let rec = ProcessRecord::of(l, Some("run-a")).unwrap();
    // The bystander got a pid that a previous sandbox had: another start time.
    let mut reused = ProcessRecord::of(b, Some("run-b")).unwrap();
    reused.start_time -= 1;
    // A journal as a supervisor leaves it: one ended sandbox, two still recorded as running.
    std::fs::write(
        path.join(state::SANDBOXES_FILE),
        format!(
            "+ 4000000 1 run-gone\n+ {}+ {}- 4000000\n",
            rec.to_line(),
            reused.to_line()
        ),
    )
    .unwrap();
    // The previous agent's own record: a dead pid.
    let dead = ProcessRecord {
        pid: i32::MAX - 1,
        start_time: 1,
        run_id: None,
    };
    state::write_record(&path.join(state::AGENT_FILE), &dead).unwrap();

    let (_claimed, left) = StateDir::claim(&path).unwrap();
    assert_eq!(left.killed, vec![rec]);
    assert_eq!(left.stale, vec![reused]);
    let status = leftover.wait().unwrap();
    assert_eq!(
        std::os::unix::process::ExitStatusExt::signal(&status),
        Some(libc::SIGKILL)
    );
    assert!(
        bystander.try_wait().unwrap().is_none(),
        "a reused pid was killed"
    );
    // A live owner refuses a second claim.
    let mut owner = Command::new("sleep").arg("60").spawn().unwrap();
    let rec = ProcessRecord::of(owner.id() as i32, None).unwrap();
    state::write_record(&path.join(state::AGENT_FILE), &rec).unwrap();
    assert!(matches!(
        StateDir::claim(&path),
        Err(state::StateError::InUse { .. })
    ));
    for c in [&mut bystander, &mut owner] {
        let _ = c.kill();
        let _ = c.wait();
    }
}

use std::os::unix::process::CommandExt;

#[test]
fn a_redis_outage_longer_than_the_lease_stops_the_sandbox_in_time() {
    let mut server = RedisServer::start();
    let (dir, shared) = folders();
    let _scheduler = spawn(&server, &["scheduler", "run"]);
    let ttl = Duration::from_secs(3);
    let _a = agent(&server, dir.path(), "o1", "3s");
    let yaml = format!(
        "spec:\n  image: x\n  env: {{S: \"{}\"}}\n  command: [sh, -c, \"while true; do date +%s%3N > $S/tick.tmp; mv $S/tick.tmp $S/tick; sleep 0.05; done\"]\n",
        shared.display()
    );
    submit(&server, &yaml);
    wait_for("first tick", Duration::from_secs(15), || {
        std::fs::metadata(shared.join("tick")).ok()
    });
    std::thread::sleep(Duration::from_millis(500));
    // Every heartbeat after this instant fails: the lease ends before down_at + TTL.
    let down_at = now_ms();
    server.kill9();
    std::thread::sleep(ttl + Duration::from_secs(1));
    let last_tick: u128 = std::fs::read_to_string(shared.join("tick"))
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    eprintln!(
        "last tick {} ms after Redis went down (lease ends by {} ms)",
        last_tick as i128 - down_at as i128,
        ttl.as_millis()
    );
    assert!(
        last_tick < down_at + ttl.as_millis(),
        "the sandbox outlived the lease by {} ms",
        last_tick - (down_at + ttl.as_millis())
    );
}
