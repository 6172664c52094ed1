//! Hostile input files are refused before any expensive work (exit 3, a message naming the file and the limit, in a generous time bound), and bulk submit runs in memory that does not grow with the number of documents.

mod support;

use std::io::Write;
use std::path::Path;
use std::time::{Duration, Instant};

use support::{tartarus, tartarus_on, RedisServer};
use tartarus::exit;

/// What a refused command printed, and how long it took.
struct Refusal {
    code: i32,
    stderr: String,
    elapsed: Duration,
}

fn run(args: &[&str], stdin: Option<&Path>) -> Refusal {
    let mut cmd = tartarus();
    cmd.args(args);
    if let Some(path) = stdin {
        cmd.pipe_stdin(path).expect("stdin file");
    }
    let t = Instant::now();
    let out = cmd.output().expect("run tartarus");
    Refusal {
        code: out.status.code().unwrap_or(-1),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        elapsed: t.elapsed(),
    }
}

/// Every command that reads sandbox or policy documents, on `file`.
fn readers(file: &str) -> Vec<Vec<String>> {
    let f = file.to_string();
    vec![
        vec![
            "sandbox".into(),
            "submit".into(),
            "--in-memory".into(),
            "-f".into(),
            f.clone(),
        ],
        vec![
            "policy".into(),
            "apply".into(),
            "--in-memory".into(),
            "-f".into(),
            f.clone(),
        ],
        vec![
            "policy".into(),
            "test".into(),
            "--in-memory".into(),
            "-f".into(),
            f.clone(),
        ],
        vec![
            "up".into(),
            "--in-memory".into(),
            "--no-agents".into(),
            "--until-idle".into(),
            "--submit".into(),
            f,
        ],
    ]
}

fn assert_refused(r: &Refusal, what: &str, needle: &str, bound: Duration) {
    assert_eq!(
        r.code,
        i32::from(exit::INVALID_INPUT),
        "{what}: {}",
        r.stderr
    );
    assert!(
        r.stderr.contains(needle),
        "{what}: no `{needle}` in: {}",
        r.stderr
    );
    assert!(
        r.elapsed < bound,
        "{what}: took {:?} (bound {bound:?})",
        r.elapsed
    );
}

#[test]
fn deep_nesting_is_refused_before_the_parser_in_milliseconds() {
    let dir = tempfile::tempdir().unwrap();
    // 400 KB nested 200,000 levels: the parser alone took more than a minute on this.
    let flow = dir.path().join("flow.yaml");
    std::fs::write(
        &flow,
        format!("spec: {}{}\n", "[".repeat(200_000), "]".repeat(200_000)),
    )
    .unwrap();
    let block = dir.path().join("block.yaml");
    let mut text = String::from("spec:\n");
    for i in 1..880 {
        text.push_str(&format!("{}k{i}:\n", " ".repeat(i)));
    }
    std::fs::write(&block, text).unwrap();
    let compact = dir.path().join("compact.yaml");
    std::fs::write(
        &compact,
        format!(
            "spec: {{image: x, command: [a]}}\nstatus:\n  {}x\n",
            "- ".repeat(100_000)
        ),
    )
    .unwrap();
    for file in [&flow, &block, &compact] {
        for args in readers(&file.display().to_string()) {
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            let r = run(&args, None);
            // A policy document may be 64 KiB at most: a longer nested line meets that limit first.
            let needle =
                if args[0] == "policy" && args[1] == "apply" && !file.ends_with("block.yaml") {
                    "larger than 64 KiB"
                } else {
                    "nested deeper than 64 levels"
                };
            assert_refused(&r, &format!("{args:?}"), needle, Duration::from_secs(10));
            assert!(
                r.stderr.contains(&file.display().to_string()),
                "{}",
                r.stderr
            );
        }
    }
}

#[test]
fn alias_bombs_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    // "Billion laughs": nine levels of ten aliases each, reached through a field that accepts anything.
    let mut lol = String::from("spec: {image: x, command: [a]}\nl0: &l0 lol\n");
    for i in 1..10 {
        let refs = vec![format!("*l{}", i - 1); 10].join(", ");
        lol.push_str(&format!("l{i}: &l{i} [{refs}]\n"));
    }
    lol.push_str("status: *l9\n");
    let bomb = dir.path().join("lol.yaml");
    std::fs::write(&bomb, lol).unwrap();
    // Many aliases of one scalar: each is one value, but their number is bounded too.
    let many = dir.path().join("many.yaml");
    let refs = vec!["*a"; 1001].join(", ");
    std::fs::write(&many, format!("spec: {{image: &a x, command: [{refs}]}}\n")).unwrap();
    for (file, needle) in [
        (&bomb, "refers to a collection"),
        (&many, "more than 1000 aliases"),
    ] {
        for args in readers(&file.display().to_string()) {
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            assert_refused(
                &run(&args, None),
                &format!("{args:?}"),
                needle,
                Duration::from_secs(10),
            );
        }
    }
    // Aliases of scalars below the bound are fine.
    let ok = dir.path().join("ok.yaml");
    std::fs::write(&ok, "spec: {image: &img alpine, command: [*img]}\n").unwrap();
    tartarus()
        .args(["sandbox", "submit", "--in-memory", "-f"])
        .arg(&ok)
        .assert()
        .success();
}

#[test]
fn a_million_and_one_tiny_documents_streamed_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("many.yaml");
    let mut f = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    for _ in 0..1_000_001 {
        f.write_all(b"---\n").unwrap();
    }
    f.flush().unwrap();
    drop(f);
    let r = run(
        &[
            "sandbox",
            "submit",
            "--in-memory",
            "--max-documents",
            "1000000",
            "-f",
            "-",
        ],
        Some(&path),
    );
    assert_refused(
        &r,
        "1,000,001 documents on stdin",
        "<stdin>: more than 1000000 documents",
        Duration::from_secs(60),
    );
    // The default is 100,000, and the flag cannot go past 1,000,000.
    let r = run(
        &[
            "sandbox",
            "submit",
            "--in-memory",
            "-f",
            &path.display().to_string(),
        ],
        None,
    );
    assert_refused(
        &r,
        "default limit",
        "more than 100000 documents",
        Duration::from_secs(60),
    );
    let r = run(
        &[
            "sandbox",
            "submit",
            "--in-memory",
            "--max-documents",
            "1000001",
            "-f",
            "x",
        ],
        None,
    );
    assert_eq!(r.code, i32::from(exit::USAGE), "{}", r.stderr);
}

#[test]
fn files_over_the_size_limit_are_refused_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.yaml");
    let doc = format!(
        "---\nspec: {{image: x, command: [a]}}\n# {}\n",
        "x".repeat(100_000)
    );
    std::fs::write(&path, doc.repeat(21)).unwrap();
    let file = path.display().to_string();
    let r = run(
        &[
            "sandbox",
            "submit",
            "--in-memory",
            "--max-file-size",
            "1Mi",
            "-f",
            &file,
        ],
        None,
    );
    assert_refused(
        &r,
        "file size",
        "is larger than 1.0 MiB",
        Duration::from_secs(10),
    );
    assert!(r.stderr.contains(&file), "{}", r.stderr);
    let r = run(
        &[
            "sandbox",
            "submit",
            "--in-memory",
            "--max-file-size",
            "1Mi",
            "-f",
            "-",
        ],
        Some(&path),
    );
    assert_refused(
        &r,
        "stdin size",
        "<stdin> is larger than 1.0 MiB",
        Duration::from_secs(10),
    );
    // Under the default limit the same file is fine.
    tartarus()
        .args(["sandbox", "submit", "--in-memory", "-f", &file])
        .assert()
        .success();
}

#[test]
fn a_policy_with_a_50_mb_description_is_refused_unparsed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.yaml");
    let mut f = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    f.write_all(b"metadata:\n  name: huge\n  description: \"")
        .unwrap();
    let chunk = vec![b'x'; 1 << 20];
    for _ in 0..50 {
        f.write_all(&chunk).unwrap();
    }
    f.write_all(b"\"\nspec: {rules: [{name: r, verdict: deny}]}\n")
        .unwrap();
    f.flush().unwrap();
    drop(f);
    let file = path.display().to_string();
    let sandbox = dir.path().join("sandbox.yaml");
    std::fs::write(&sandbox, "spec: {image: x, command: [a]}\n").unwrap();
    let sandbox = sandbox.display().to_string();
    for args in [
        vec!["policy", "apply", "--in-memory", "-f", &file],
        vec!["policy", "test", "-f", &sandbox, "--policies", &file],
    ] {
        assert_refused(
            &run(&args, None),
            &format!("{args:?}"),
            "document 0 is larger than 64 KiB",
            Duration::from_secs(20),
        );
    }
}

#[test]
fn more_than_a_thousand_policies_in_a_file_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("many.yaml");
    let text: String = (0..1001)
        .map(|i| {
            format!(
                "---\nmetadata: {{name: p{i}}}\nspec: {{rules: [{{name: r, verdict: deny}}]}}\n"
            )
        })
        .collect();
    std::fs::write(&path, text).unwrap();
    assert_refused(
        &run(
            &[
                "policy",
                "apply",
                "--in-memory",
                "-f",
                &path.display().to_string(),
            ],
            None,
        ),
        "1,001 policies",
        "more than 1000 documents",
        Duration::from_secs(20),
    );
}

#[test]
fn invalid_utf8_is_an_input_error_naming_the_offset() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.yaml");
    std::fs::write(&path, b"spec:\n  image: x\n  command: [\"\xff\xfe\"]\n").unwrap();
    for args in readers(&path.display().to_string()) {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let r = run(&args, None);
        assert_refused(
            &r,
            &format!("{args:?}"),
            "not UTF-8",
            Duration::from_secs(10),
        );
        assert!(r.stderr.contains("offset 30"), "{}", r.stderr);
    }
}

/// Peak resident memory (KiB) of `tartarus sandbox submit -f FILE` against `server`: its
/// `VmHWM` (the kernel's high-water mark of its own address space), polled until it exits.
/// (`wait4`'s `ru_maxrss` is no good here: it also counts the test process's memory, which the
/// child shared between fork and exec.)
fn submit_peak_rss_kib(server: &RedisServer, file: &Path) -> u64 {
    let bin = assert_cmd::cargo::cargo_bin("tartarus");
    let mut child = std::process::Command::new(bin)
        .args([
            "sandbox",
            "submit",
            "-o",
            "json",
            "--max-file-size",
            "1Gi",
            "--max-documents",
            "1000000",
            "-f",
        ])
        .arg(file)
        .env("REDIS_ADDR", server.host_port())
        .env_remove("REDIS_PASSWORD")
        .env("TARTARUS_LOG", "error")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("spawn tartarus");
    let status_file = format!("/proc/{}/status", child.id());
    let mut peak = 0;
    loop {
        if let Ok(text) = std::fs::read_to_string(&status_file) {
            if let Some(kib) = text
                .lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
            {
                peak = peak.max(kib);
            }
        }
        if let Some(status) = child.try_wait().expect("wait") {
            assert!(
                status.success(),
                "submit of {} failed: {status}",
                file.display()
            );
            return peak;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

fn sandbox_file(path: &Path, documents: usize) {
    let mut f = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    for i in 0..documents {
        writeln!(
            f,
            "---\nmetadata: {{name: job-{i}, labels: {{suite: rss}}}}\nspec:\n  image: alpine:3.20\n  command: [\"sh\", \"-c\", \"echo {i}\"]\n  resources: {{cpu: 100m, memory: 64Mi}}\n  timeout: 30s"
        )
        .unwrap();
    }
    f.flush().unwrap();
}

/// Bulk submit holds one batch, not the file: ten times the documents, the same peak memory.
#[test]
fn bulk_submit_memory_is_flat_in_the_number_of_documents() {
    let server = RedisServer::start();
    let dir = tempfile::tempdir().unwrap();
    let small = dir.path().join("10k.yaml");
    let large = dir.path().join("100k.yaml");
    sandbox_file(&small, 10_000);
    sandbox_file(&large, 100_000);
    let rss_small = submit_peak_rss_kib(&server, &small);
    let rss_large = submit_peak_rss_kib(&server, &large);
    eprintln!("peak RSS: 10k documents {rss_small} KiB, 100k documents {rss_large} KiB");
    let ratio = rss_large as f64 / rss_small as f64;
    assert!(
        (1.0 / 1.3..1.3).contains(&ratio),
        "peak RSS grew from {rss_small} KiB to {rss_large} KiB ({ratio:.2}x) with ten times the documents"
    );
    // Every run was written, once.
    let stats = support::queue_stats(&server);
    assert_eq!(stats["depth"], 110_000, "{stats}");
    let out = tartarus_on(&server)
        .args(["queue", "stats", "-o", "json"])
        .output()
        .unwrap();
    assert!(out.status.success());
}

/// Node names name folders on the agent's host (`<tmp>/tartarus-agent/<name>`): a name that is a
/// path is refused by every way a node is named, before anything is created; and two agents of
/// one `up` never share a node.
#[test]
fn node_names_that_are_paths_and_shared_nodes_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let tmp = dir.path().join("tmp");
    std::fs::create_dir(&tmp).unwrap();
    let escape = "a/../../escaped";
    let mut agent = tartarus();
    agent
        .env("TMPDIR", &tmp)
        .args(["--in-memory", "agent", "run", "--name", escape])
        .timeout(Duration::from_secs(60)); // an accepted name would run an agent
    let out = agent.output().unwrap();
    assert_eq!(out.status.code(), Some(exit::USAGE.into()), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("must not contain `/`"));
    assert!(!dir.path().join("escaped").exists());
    assert!(!tmp.join("tartarus-agent").exists(), "nothing created");
    let out = tartarus()
        .args(["--in-memory", "node", "register", escape])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(exit::USAGE.into()), "{out:?}");
    // A node that can never hold a sandbox, or whose heartbeat would last no time.
    for args in [
        ["--slots", "0"],
        ["--cpu", "0"],
        ["--memory", "0"],
        ["--ttl", "0s"],
    ] {
        let out = tartarus()
            .args(["--in-memory", "node", "register", "n1"])
            .args(args)
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(exit::USAGE.into()),
            "{args:?}: {out:?}"
        );
    }
    let out = tartarus()
        .args([
            "--in-memory",
            "agent",
            "run",
            "--name",
            "n1",
            "--slots",
            "0",
        ])
        .timeout(Duration::from_secs(60))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(exit::USAGE.into()), "{out:?}");
    let out = tartarus()
        .args(["--in-memory", "up", "--until-idle", "--agent", "x/../y:"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(exit::USAGE.into()), "{out:?}");
    // In a node list: a path, a shared name, a bad label key. Each names the file and the node.
    for (text, says) in [
        ("- name: a/../../escaped\n", "must not contain `/`"),
        (
            "- name: a\n  cpu: 1\n- name: a\n  cpu: 2\n",
            "node 1: `a` is already defined",
        ),
        ("- name: a\n  labels: {\"bad key\": x}\n", "node 0: label"),
        (
            "- name: a\n  slots: 0\n",
            "node 0: slots must be at least 1",
        ),
        ("- name: a\n  cpu: 0\n", "node 0: cpu must be more than 0"),
        // A label value with ESC (YAML's "\e"): refused, and echoed escaped, never raw.
        (
            "- name: a\n  labels: {k: \"\\e[31mred\"}\n",
            "node 0: label k",
        ),
    ] {
        let file = dir.path().join("nodes.yaml");
        std::fs::write(&file, text).unwrap();
        let r = run(
            &[
                "--in-memory",
                "up",
                "--until-idle",
                "--nodes",
                file.to_str().unwrap(),
            ],
            None,
        );
        assert_eq!(
            r.code,
            i32::from(exit::INVALID_INPUT),
            "{text}: {}",
            r.stderr
        );
        assert!(
            r.stderr.contains("nodes.yaml") && r.stderr.contains(says),
            "{text}: {}",
            r.stderr
        );
        assert!(!r.stderr.contains('\u{1b}'), "{text}: {}", r.stderr);
    }
    // --nodes and --agent naming one node.
    let file = dir.path().join("nodes.yaml");
    std::fs::write(&file, "- name: a\n").unwrap();
    let r = run(
        &[
            "--in-memory",
            "up",
            "--until-idle",
            "--nodes",
            file.to_str().unwrap(),
            "--agent",
            "a:",
        ],
        None,
    );
    assert_eq!(r.code, i32::from(exit::USAGE), "{}", r.stderr);
    assert!(r.stderr.contains("already defined"), "{}", r.stderr);
}
