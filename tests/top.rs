//! `tartarus top` against a real redis-server: under a pseudo-terminal it draws and quits cleanly on `q` and Ctrl-C with the terminal restored; without a terminal it prints valid JSON snapshots.

mod support;

use std::io::{Read, Write};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use support::{json, queue_stats, tartarus_on, RedisServer};

/// A pseudo-terminal pair: the master end (ours) and the slave end (the program's terminal).
struct Pty {
    master: OwnedFd,
    slave: OwnedFd,
}

fn open_pty() -> Pty {
    let (mut master, mut slave) = (-1, -1);
    let size = libc::winsize {
        ws_row: 40,
        ws_col: 120,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    // SAFETY: openpty writes two descriptors into the given ints; the winsize is read only.
    let rc = unsafe {
        libc::openpty(
            &mut master,
            &mut slave,
            std::ptr::null_mut(),
            std::ptr::null(),
            &size,
        )
    };
    assert_eq!(rc, 0, "openpty failed");
    // SAFETY: both descriptors were just opened and are owned by nobody else.
    unsafe {
        Pty {
            master: OwnedFd::from_raw_fd(master),
            slave: OwnedFd::from_raw_fd(slave),
        }
    }
}

/// The terminal flags that raw mode changes (canonical mode, echo, signals).
fn local_flags(fd: &OwnedFd) -> libc::tcflag_t {
    // SAFETY: a zeroed termios is a valid out-parameter for tcgetattr.
    let mut t: libc::termios = unsafe { std::mem::zeroed() };
    // SAFETY: fd is an open terminal descriptor.
    assert_eq!(unsafe { libc::tcgetattr(fd.as_raw_fd(), &mut t) }, 0);
    t.c_lflag & (libc::ICANON | libc::ECHO | libc::ISIG)
}

fn contains(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Runs `top` on a pseudo-terminal, waits for it to draw, types `key`, and checks that it exits
/// 0 with the terminal as it found it.
fn quit_with(server: &RedisServer, key: &[u8]) {
    let pty = open_pty();
    let flags_before = local_flags(&pty.slave);
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("tartarus"));
    cmd.env("REDIS_ADDR", server.host_port())
        .env("TERM", "xterm")
        .env_remove("TARTARUS_LOG_FORMAT")
        .args(["top", "--interval", "200ms"])
        .stdin(Stdio::from(pty.slave.try_clone().unwrap()))
        .stdout(Stdio::from(pty.slave.try_clone().unwrap()))
        .stderr(Stdio::from(pty.slave.try_clone().unwrap()));
    // SAFETY: setsid and the TIOCSCTTY ioctl are async-signal-safe; they make the pty the
    // child's controlling terminal, as a shell would.
    unsafe {
        cmd.pre_exec(|| {
            libc::setsid();
            libc::ioctl(0, libc::TIOCSCTTY, 0);
            Ok(())
        });
    }
    let mut child = cmd.spawn().expect("spawn tartarus top");
    let screen = Arc::new(Mutex::new(Vec::new()));
    let sink = screen.clone();
    let mut reader = std::fs::File::from(pty.master.try_clone().unwrap());
    std::thread::spawn(move || {
        let mut buf = [0u8; 4096];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            sink.lock().unwrap().extend_from_slice(&buf[..n]);
        }
    });
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let drawn = {
            let s = screen.lock().unwrap();
            contains(&s, b"NODES (").is_some() && contains(&s, b"QUEUE").is_some()
        };
        if drawn {
            break;
        }
        if let Ok(Some(status)) = child.try_wait() {
            panic!(
                "top exited before drawing ({status}): {}",
                String::from_utf8_lossy(&screen.lock().unwrap())
            );
        }
        assert!(
            Instant::now() < deadline,
            "top never drew: {}",
            String::from_utf8_lossy(&screen.lock().unwrap())
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    assert_ne!(
        local_flags(&pty.slave),
        flags_before,
        "top runs the terminal in raw mode"
    );
    let mut master = std::fs::File::from(pty.master.try_clone().unwrap());
    master.write_all(key).unwrap();
    let deadline = Instant::now() + Duration::from_secs(10);
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("top did not quit on {key:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    assert_eq!(status.code(), Some(0), "top's exit status");
    // The reader thread may still be copying the last bytes from the pty.
    let deadline = Instant::now() + Duration::from_secs(10);
    while contains(&screen.lock().unwrap(), b"\x1b[?1049l").is_none() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    let out = screen.lock().unwrap().clone();
    let entered = contains(&out, b"\x1b[?1049h").expect("entered the alternate screen");
    let left = contains(&out, b"\x1b[?1049l").expect("left the alternate screen");
    assert!(left > entered);
    assert!(
        contains(&out[entered..], b"\x1b[?25h").is_some(),
        "cursor shown again"
    );
    assert_eq!(
        local_flags(&pty.slave),
        flags_before,
        "terminal modes restored"
    );
}

fn seed(server: &RedisServer) {
    let out = tartarus_on(server)
        .args(["-q", "node", "register", "seen-node", "--ttl", "1h"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = tartarus_on(server)
        .args(["-q", "sandbox", "submit", "-f", "-"])
        .write_stdin(
            "spec: {image: x, command: [\"true\"]}\n---\nspec: {image: x, command: [\"true\"]}\n",
        )
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn top_draws_under_a_terminal_and_quits_on_q_and_ctrl_c() {
    let server = RedisServer::start();
    seed(&server);
    quit_with(&server, b"q");
    quit_with(&server, b"\x03");
}

/// What `tartarus -q ARGS --interval 150ms` printed without a terminal (it must succeed).
fn top_output(server: &RedisServer, args: &[&str]) -> String {
    let out = tartarus_on(server)
        .arg("-q")
        .args(args)
        .args(["--interval", "150ms"])
        .timeout(Duration::from_secs(60))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn top_without_a_terminal_prints_json_snapshots() {
    let server = RedisServer::start();
    seed(&server);
    let text = top_output(&server, &["top", "--count", "3", "--events", "5"]);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    let stats = queue_stats(&server);
    let mut times = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let s = json(line.as_bytes());
        times.push(s["at"].as_str().unwrap().to_string());
        assert_eq!(s["queue"]["depth"], stats["depth"]);
        assert_eq!(s["states"]["queued"], 2);
        assert_eq!(s["states"]["succeeded"], 0, "every state is listed");
        assert!(s["queue"]["oldest_queued_age_ms"].as_i64().is_some());
        assert_eq!(s["nodes"][0]["name"], "seen-node");
        assert!(s["nodes"][0]["capacity"]["slots"].is_number());
        assert!(s["schedulers"].as_array().unwrap().is_empty());
        let events = s["events"].as_array().unwrap();
        assert!(!events.is_empty() && events.len() <= 5, "{events:?}");
        let rates = &s["runs_per_second"];
        if i == 0 {
            assert!(rates["submitted"].is_null());
        } else {
            assert_eq!(rates["submitted"], 0.0);
        }
    }
    assert!(times.windows(2).all(|w| w[0] < w[1]), "{times:?}");
}

/// `-o yaml` streams one YAML document per snapshot (it was ignored: JSON lines came out).
#[test]
fn top_with_o_yaml_prints_yaml_documents() {
    let server = RedisServer::start();
    seed(&server);
    let text = top_output(&server, &["-o", "yaml", "top", "--count", "2"]);
    let docs: Vec<serde_yaml::Value> = text
        .split("---\n")
        .filter(|d| !d.trim().is_empty())
        .map(|d| serde_yaml::from_str(d).unwrap())
        .collect();
    assert_eq!(docs.len(), 2, "{text}");
    for d in &docs {
        assert_eq!(d["states"]["queued"], serde_yaml::Value::from(2), "{text}");
        assert_eq!(d["nodes"][0]["name"], serde_yaml::Value::from("seen-node"));
    }
}
