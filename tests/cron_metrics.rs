//! Monitoring for cron jobs and plugins, end to end against real redis-server processes: the
//! textfile of `metrics --textfile` and of each command's `--textfile` (read back with a
//! Prometheus text-format parser, on success and failure paths), `redis health`'s plugin line
//! (checked against the perfdata grammar), and the memory forecast.

mod support;

use std::collections::BTreeMap;
use std::path::Path;

use support::backups::{assert_exit, create_backup, flip_byte, stderr, verify};
use support::{json, tartarus, tartarus_on, RedisServer, ServerOptions};
use tartarus::exit;

/// A textfile, parsed by `prometheus-parse`: `name{label=value,…}` → value. Every sample line
/// must parse (the parser skips what it cannot read, so the count is compared).
fn parse_textfile(path: &Path) -> BTreeMap<String, f64> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let lines = text.lines().map(|l| Ok(l.to_string()));
    let scrape = prometheus_parse::Scrape::parse(lines).expect("the text format");
    let sample_lines = text
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .count();
    assert_eq!(
        scrape.samples.len(),
        sample_lines,
        "every line parses:\n{text}"
    );
    for l in text.lines().filter(|l| l.starts_with("# TYPE ")) {
        assert!(l.ends_with(" gauge"), "{l}");
    }
    let mut out = BTreeMap::new();
    for s in scrape.samples {
        let value = match s.value {
            prometheus_parse::Value::Gauge(v) | prometheus_parse::Value::Untyped(v) => v,
            other => panic!("{}: not a gauge: {other:?}", s.metric),
        };
        let mut labels: Vec<String> = s.labels.iter().map(|(k, v)| format!("{k}={v}")).collect();
        labels.sort();
        let key = if labels.is_empty() {
            s.metric.clone()
        } else {
            format!("{}{{{}}}", s.metric, labels.join(","))
        };
        assert!(out.insert(key.clone(), value).is_none(), "{key} twice");
    }
    out
}

fn now_s() -> f64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs_f64()
}

fn closed_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn server() -> RedisServer {
    RedisServer::start_with(ServerOptions {
        save: "3600 1",
        ..ServerOptions::aof("everysec")
    })
}

/// A textfile that cannot be written is said once: a command that succeeded exits
/// `TEXTFILE_NOT_WRITTEN` (its output still says what it did), one that failed keeps its own code.
#[test]
fn a_textfile_that_cannot_be_written_is_said_once_and_fails_a_success() {
    let s = server();
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("backups");
    let prom = root.path().join("nonexistent/x.prom");
    let prom_arg = prom.to_str().unwrap();
    let once = |out: &std::process::Output| {
        let err = stderr(out);
        assert_eq!(err.matches(prom_arg).count(), 1, "{err}");
    };
    let out = tartarus_on(&s)
        .args([
            "backup", "create", "--method", "logical", "-o", "json", "--dir",
        ])
        .arg(&dir)
        .args(["--textfile", prom_arg])
        .output()
        .unwrap();
    assert_exit(&out, exit::TEXTFILE_NOT_WRITTEN);
    once(&out);
    let id = json(&out.stdout)["id"].as_str().unwrap().to_string();
    assert!(
        dir.join(&id).join("manifest.json").is_file(),
        "the backup stands"
    );
    // The same for verify, copy and verify persistence.
    let out = verify(&s, &id, &dir, &["--textfile", prom_arg]);
    assert_exit(&out, exit::TEXTFILE_NOT_WRITTEN);
    once(&out);
    let out = tartarus_on(&s)
        .args(["backup", "copy", &id])
        .arg(root.path().join("offsite"))
        .arg("--dir")
        .arg(&dir)
        .args(["--textfile", prom_arg])
        .output()
        .unwrap();
    assert_exit(&out, exit::TEXTFILE_NOT_WRITTEN);
    once(&out);
    let out = tartarus_on(&s)
        .args([
            "verify",
            "persistence",
            "-o",
            "json",
            "--textfile",
            prom_arg,
        ])
        .output()
        .unwrap();
    assert_exit(&out, exit::TEXTFILE_NOT_WRITTEN);
    once(&out);
    assert_eq!(json(&out.stdout)["persisted"], true);
    // A command that failed keeps its code; the textfile is one warning.
    let out = verify(&s, "20200101T000000Z-file", &dir, &["--textfile", prom_arg]);
    assert_exit(&out, exit::NOT_FOUND);
    once(&out);
    assert!(!prom.exists());
}

/// The textfile says what the commands did: the backup just made (time, size, duration from its
/// manifest), its verification, the queue depth, Redis's persistence status, and the verdict of
/// `verify persistence`, which another process (`metrics`) reads back from the cell.
#[test]
fn the_textfile_reports_what_the_commands_did() {
    let s = server();
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("backups");
    let prom = root.path().join("textfile/tartarus.prom");
    std::fs::create_dir_all(prom.parent().unwrap()).unwrap();
    for i in 0..3 {
        tartarus_on(&s)
            .args(["sandbox", "submit", "--image", "alpine", "--name"])
            .arg(format!("r{i}"))
            .args(["--", "true"])
            .assert()
            .success();
    }
    let prom_arg = prom.to_str().unwrap();
    let made = create_backup(&s, &dir, &["--verify", "--textfile", prom_arg], &[]);
    let t = parse_textfile(&prom);
    let created = chrono::DateTime::parse_from_rfc3339(made["created_at"].as_str().unwrap())
        .unwrap()
        .timestamp_millis() as f64
        / 1000.0;
    let finished = chrono::DateTime::parse_from_rfc3339(made["finished_at"].as_str().unwrap())
        .unwrap()
        .timestamp_millis() as f64
        / 1000.0;
    let size: u64 = made["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["size_bytes"].as_u64().unwrap())
        .sum();
    let local = |name: &str| t[&format!("{name}{{location=local}}")];
    assert_eq!(local("tartarus_backup_newest_timestamp_seconds"), created);
    assert_eq!(
        local("tartarus_backup_newest_verified_timestamp_seconds"),
        created
    );
    assert_eq!(local("tartarus_backup_newest_size_bytes"), size as f64);
    let took = local("tartarus_backup_newest_duration_seconds");
    assert!((took - (finished - created)).abs() < 0.002, "{took}");
    assert_eq!(local("tartarus_backup_last_verify_success"), 1.0);
    assert_eq!(t["tartarus_backup_last_create_success"], 1.0);
    assert!((t["tartarus_backup_last_create_timestamp_seconds"] - now_s()).abs() < 60.0);
    assert_eq!(t["tartarus_queue_depth{queue=queued}"], 3.0);
    assert_eq!(t["tartarus_queue_depth{queue=dead}"], 0.0);
    assert_eq!(t["tartarus_redis_rdb_last_bgsave_status"], 1.0);
    assert_eq!(t["tartarus_redis_aof_last_write_status"], 1.0);
    assert_eq!(t["tartarus_textfile_redis_up"], 1.0);
    let lastsave: f64 = redis::cmd("LASTSAVE").query::<i64>(&mut s.conn()).unwrap() as f64;
    assert_eq!(
        t["tartarus_redis_rdb_last_save_timestamp_seconds"],
        lastsave
    );
    assert!((t["tartarus_textfile_timestamp_seconds"] - now_s()).abs() < 60.0);
    // No temporary file is left next to it (node_exporter reads every *.prom).
    let names: Vec<_> = std::fs::read_dir(prom.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["tartarus.prom"]);

    // verify persistence records its verdict in the cell; `metrics` (another process) reads it.
    let out = tartarus_on(&s)
        .args(["verify", "persistence", "-o", "json", "--textfile"])
        .arg(&prom)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        parse_textfile(&prom)["tartarus_persistence_verify_success"],
        1.0
    );
    let other = root.path().join("textfile/other.prom");
    tartarus_on(&s)
        .args(["metrics", "--textfile"])
        .arg(&other)
        .arg("--dir")
        .arg(&dir)
        .assert()
        .success();
    let t = parse_textfile(&other);
    assert_eq!(t["tartarus_persistence_verify_success"], 1.0);
    assert!((t["tartarus_persistence_verify_timestamp_seconds"] - now_s()).abs() < 60.0);
    assert_eq!(
        t["tartarus_backup_newest_timestamp_seconds{location=local}"],
        created
    );
    assert_eq!(t["tartarus_backup_last_create_success"], 1.0);
    // Without --textfile the same figures go to stdout.
    let out = tartarus_on(&s).args(["metrics"]).output().unwrap();
    assert!(out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("tartarus_queue_depth{queue=\"queued\"} 3")
    );
}

/// A failed verify, a failed backup and a failed persistence check write failure values (and
/// the commands still exit with their own failure codes).
#[test]
fn failures_write_failure_values() {
    let s = server();
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("backups");
    let prom = root.path().join("tartarus.prom");
    let made = create_backup(&s, &dir, &["--verify"], &[]);
    let id = made["id"].as_str().unwrap().to_string();
    // Flip a byte of the RDB: the next verify fails, and says so in the textfile.
    flip_byte(&dir.join(&id).join("dump.rdb"), 12, 0xff);
    let out = verify(&s, &id, &dir, &["--textfile", prom.to_str().unwrap()]);
    assert_exit(&out, exit::BACKUP_INVALID);
    let t = parse_textfile(&prom);
    assert_eq!(
        t["tartarus_backup_last_verify_success{location=local}"],
        0.0
    );
    assert!(
        !t.contains_key("tartarus_backup_newest_verified_timestamp_seconds{location=local}"),
        "the only backup no longer verifies: {t:?}"
    );
    // `metrics` reads the same from the record next to the manifest.
    tartarus_on(&s)
        .args(["metrics", "--textfile"])
        .arg(&prom)
        .arg("--dir")
        .arg(&dir)
        .assert()
        .success();
    assert_eq!(
        parse_textfile(&prom)["tartarus_backup_last_verify_success{location=local}"],
        0.0
    );

    // Redis down: the backup fails (unavailable), and the textfile says so.
    let down = format!("127.0.0.1:{}", closed_port());
    let out = tartarus()
        .env("REDIS_ADDR", &down)
        .args(["backup", "create", "--dir"])
        .arg(&dir)
        .arg("--textfile")
        .arg(&prom)
        .output()
        .unwrap();
    assert_exit(&out, exit::UNAVAILABLE);
    let t = parse_textfile(&prom);
    assert_eq!(t["tartarus_backup_last_create_success"], 0.0);
    assert_eq!(t["tartarus_textfile_redis_up"], 0.0);
    // The last create is recorded in the directory for later `metrics` runs.
    let rec: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join(".last-create.json")).unwrap()).unwrap();
    assert_eq!(rec["ok"], false);
    assert!(rec["error"].as_str().unwrap().contains("connect"), "{rec}");

    // verify persistence with Redis down: 5, and a failure value.
    let out = tartarus()
        .env("REDIS_ADDR", &down)
        .args(["verify", "persistence", "--textfile"])
        .arg(&prom)
        .output()
        .unwrap();
    assert_exit(&out, exit::UNAVAILABLE);
    let t = parse_textfile(&prom);
    assert_eq!(t["tartarus_persistence_verify_success"], 0.0);
    assert!((t["tartarus_persistence_verify_timestamp_seconds"] - now_s()).abs() < 60.0);
}

/// `'label'=value[UOM];[warn];[crit];[min];[max]` (the monitoring-plugin guidelines), strictly.
fn plugin_line_regex() -> regex::Regex {
    let num = r"-?[0-9]+(\.[0-9]+)?";
    let range = format!(r"@?(~|{num})?(:({num})?)?");
    let label = r"('[^'=]+'|[A-Za-z0-9_.-]+)";
    let perf = format!(
        r"{label}=(U|{num}(s|ms|us|%|B|KB|MB|TB|c)?)(;({range})?(;({range})?(;({num})?(;({num})?)?)?)?)?"
    );
    regex::Regex::new(&format!(
        r"^REDIS (OK|WARNING|CRITICAL|UNKNOWN) - [^|\n]+ \| {perf}( {perf})*$"
    ))
    .unwrap()
}

#[test]
fn the_first_line_is_a_plugin_status_with_perfdata() {
    let s = RedisServer::start_with(
        ServerOptions {
            save: "3600 1",
            ..ServerOptions::aof("everysec")
        }
        .with("maxmemory", "64mb"),
    );
    let re = plugin_line_regex();
    assert!(
        !re.is_match("REDIS OK - x | a=1;;;;;"),
        "the regex must be able to say no"
    );
    assert!(!re.is_match("REDIS OK - x | a=1 GB"));
    let out = tartarus_on(&s).args(["redis", "health"]).output().unwrap();
    assert_exit(&out, exit::HEALTH_OK);
    let text = String::from_utf8_lossy(&out.stdout);
    let first = text.lines().next().unwrap();
    assert!(re.is_match(first), "{first}");
    assert!(first.starts_with("REDIS OK - "), "{first}");
    for want in [
        "last_save_age=",
        ";7200;86400;0 ",
        "used_memory_pct=",
        ";80;95;0;100",
        "memory_full_in=U;86400:",
    ] {
        assert!(first.contains(want), "{want} in {first}");
    }
    // Thresholds: memory above 0% is a warning; the line and the exit code say so.
    let out = tartarus_on(&s)
        .args([
            "redis",
            "health",
            "--warning",
            "memory=0.1%",
            "--critical",
            "last_save_age=1h",
        ])
        .output()
        .unwrap();
    assert_exit(&out, exit::HEALTH_WARNING);
    let text = String::from_utf8_lossy(&out.stdout);
    let first = text.lines().next().unwrap();
    assert!(re.is_match(first), "{first}");
    assert!(
        first.starts_with("REDIS WARNING - ") && first.contains("memory WARNING"),
        "{first}"
    );
    assert!(
        first.contains(";0.1;95;0;100") && first.contains(";7200;3600;0"),
        "{first}"
    );
    // A bad threshold is UNKNOWN (3), never clap's 2.
    let out = tartarus_on(&s)
        .args(["redis", "health", "--warning", "nonsense=1"])
        .output()
        .unwrap();
    assert_exit(&out, exit::HEALTH_UNKNOWN);
    assert!(stderr(&out).contains("--warning"), "{}", stderr(&out));
    // In JSON the perfdata are numbers.
    let out = tartarus_on(&s)
        .args(["redis", "health", "-o", "json"])
        .output()
        .unwrap();
    let r = json(&out.stdout);
    let perf = r["perfdata"].as_array().unwrap();
    let used = perf.iter().find(|p| p["label"] == "used_memory").unwrap();
    assert!(
        used["value"].is_number() && used["max"] == 64.0 * 1024.0 * 1024.0,
        "{used}"
    );
    // Redis down: UNKNOWN, still a plugin line.
    let out = tartarus()
        .env("REDIS_ADDR", format!("127.0.0.1:{}", closed_port()))
        .args(["redis", "health"])
        .output()
        .unwrap();
    assert_exit(&out, exit::HEALTH_UNKNOWN);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("REDIS UNKNOWN - "), "{text}");
}

fn forecast_row(r: &serde_json::Value) -> serde_json::Value {
    r["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "memory_forecast")
        .cloned()
        .unwrap_or_else(|| panic!("no memory_forecast in {r}"))
}

/// Memory filled between two samples: the forecast extrapolates the growth to maxmemory and
/// warns, naming the retention setting as the fix.
#[test]
fn the_forecast_warns_when_memory_fills_within_a_day() {
    let s = RedisServer::start_with(
        ServerOptions {
            save: "3600 1",
            ..Default::default()
        }
        .with("maxmemory", "256mb"),
    );
    let key = tartarus::store::keys::Keys::default().memory_samples();
    let health = || {
        let out = tartarus_on(&s)
            .args(["redis", "health", "-o", "json"])
            .output()
            .unwrap();
        (out.status.code(), json(&out.stdout))
    };
    let (_, first) = health();
    assert_eq!(forecast_row(&first)["status"], "OK");
    assert!(forecast_row(&first)["message"]
        .as_str()
        .unwrap()
        .contains("not enough history"));
    // That sample was taken 30 minutes ago (as a monitoring run would have).
    let mut c = s.conn();
    let sample: String = redis::cmd("LINDEX").arg(&key).arg(0).query(&mut c).unwrap();
    let parts: Vec<i64> = sample.split(' ').map(|p| p.parse().unwrap()).collect();
    let shifted = format!("{} {} {}", parts[0] - 30 * 60_000, parts[1], parts[2]);
    let _: () = redis::cmd("LSET")
        .arg(&key)
        .arg(0)
        .arg(&shifted)
        .query(&mut c)
        .unwrap();
    // Fill about 40 MiB.
    let blob = vec![b'x'; 1 << 20];
    for i in 0..40 {
        let _: () = redis::cmd("SET")
            .arg(format!("fill:{i}"))
            .arg(&blob)
            .query(&mut c)
            .unwrap();
    }
    let (code_now, r) = health();
    assert_eq!(code_now, Some(i32::from(exit::HEALTH_WARNING)), "{r}");
    let row = forecast_row(&r);
    assert_eq!(row["status"], "WARNING", "{row}");
    assert!(
        row["fix"].as_str().unwrap().contains("--retain-finished"),
        "{row}"
    );
    assert!(
        row["message"]
            .as_str()
            .unwrap()
            .contains("reaches maxmemory"),
        "{row}"
    );
    // The figures are those of the two samples stored.
    let list: Vec<String> = redis::cmd("LRANGE")
        .arg(&key)
        .arg(0)
        .arg(-1)
        .query(&mut c)
        .unwrap();
    assert_eq!(list.len(), 2, "{list:?}");
    let p = |s: &str| -> Vec<f64> { s.split(' ').map(|x| x.parse().unwrap()).collect() };
    let (new, old) = (p(&list[0]), p(&list[1]));
    let per_ms = (new[2] - old[2]) / (new[0] - old[0]);
    let f = &r["forecast"];
    let growth = f["growth_bytes_per_hour"].as_f64().unwrap();
    assert!((growth - per_ms * 3_600_000.0).abs() <= 1.0, "{f}");
    assert!(growth > 60.0 * 1024.0 * 1024.0, "about 80 MiB/h: {f}");
    assert_eq!(f["limit_bytes"], 256u64 << 20);
    assert_eq!(f["limit_source"], "maxmemory");
    let expected = ((256u64 << 20) as f64 - new[1]) / per_ms;
    let full_in = f["full_in_ms"].as_f64().unwrap();
    assert!((full_in - expected).abs() <= 1.0, "{full_in} vs {expected}");
    assert_eq!(row["value"].as_f64().unwrap(), full_in);
    assert!(full_in < 24.0 * 3_600_000.0);
    // The plugin line carries it, below the 24 h horizon.
    let out = tartarus_on(&s)
        .args(["redis", "health", "--no-record"])
        .output()
        .unwrap();
    let first = String::from_utf8_lossy(&out.stdout)
        .lines()
        .next()
        .unwrap()
        .to_string();
    assert!(plugin_line_regex().is_match(&first), "{first}");
    assert!(first.contains("memory_forecast WARNING"), "{first}");
    assert!(
        first.contains("memory_full_in=") && first.contains("s;86400:;;0"),
        "{first}"
    );
    let n: i64 = redis::cmd("LLEN").arg(&key).query(&mut c).unwrap();
    assert_eq!(n, 2, "--no-record stores nothing");
}

/// With maxmemory 0 the machine's memory is the limit.
#[test]
fn without_maxmemory_the_machine_is_the_limit() {
    let s = RedisServer::start();
    let out = tartarus_on(&s)
        .args(["redis", "health", "-o", "json"])
        .output()
        .unwrap();
    let r = json(&out.stdout);
    assert_eq!(r["forecast"]["limit_source"], "total_system_memory", "{r}");
    let total: u64 = {
        let info: String = redis::cmd("INFO")
            .arg("memory")
            .query(&mut s.conn())
            .unwrap();
        info.lines()
            .find_map(|l| l.strip_prefix("total_system_memory:"))
            .unwrap()
            .trim()
            .parse()
            .unwrap()
    };
    assert_eq!(r["forecast"]["limit_bytes"], total);
}

/// `examples/backup-cron.sh` end to end: backup, verify, copy off the machine, retention, and
/// one textfile that says all of it.
#[test]
fn the_cron_example_records_everything_in_one_textfile() {
    let s = server();
    let root = tempfile::tempdir().unwrap();
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/backup-cron.sh");
    let prom = root.path().join("textfile/tartarus.prom");
    let run = || {
        std::process::Command::new("bash")
            .arg(&script)
            .env("TARTARUS_BACKUP_DEFAULTS", root.path().join("none"))
            .env("REDIS_ADDR", s.host_port())
            .env("TARTARUS", env!("CARGO_BIN_EXE_tartarus"))
            .env("TARTARUS_BACKUP_DIR", root.path().join("backups"))
            .env("BACKUP_METHOD", "logical")
            .env("BACKUP_COPY_TO", root.path().join("offsite"))
            .env("TEXTFILE", &prom)
            .env_remove("TARTARUS_TEXTFILE")
            .env_remove("TARTARUS_BACKUP_COPY_TO")
            .output()
            .unwrap()
    };
    let out = run();
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        stderr(&out)
    );
    let t = parse_textfile(&prom);
    for name in [
        "tartarus_backup_last_create_success",
        "tartarus_backup_last_copy_success",
        "tartarus_backup_last_verify_success{location=local}",
        "tartarus_backup_last_verify_success{location=remote}",
        "tartarus_textfile_redis_up",
        "tartarus_redis_rdb_last_bgsave_status",
    ] {
        assert_eq!(t.get(name), Some(&1.0), "{name}: {t:?}");
    }
    let local = t["tartarus_backup_newest_verified_timestamp_seconds{location=local}"];
    let remote = t["tartarus_backup_newest_verified_timestamp_seconds{location=remote}"];
    assert_eq!(local, remote, "the copy is of the newest backup");
    assert!((local - now_s()).abs() < 120.0);
    assert_eq!(t["tartarus_queue_depth{queue=queued}"], 0.0);
    let mode = std::fs::metadata(&prom).unwrap().permissions();
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(
        mode.mode() & 0o077,
        0o044,
        "node_exporter (another user) can read it"
    );
}
