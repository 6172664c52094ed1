//! Restore: offline (install an RDB into a stopped server's data dir, AOF on or off) and online (logical RESTORE pipelines).

use std::io::{BufRead, Read};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use futures::stream::{FuturesOrdered, StreamExt};
use serde::Serialize;

use super::admin::{RedisAdmin, RestoreItem};
use super::backup::{self, BackupMethod};
use super::{aof, PersistenceError, Progress, ProgressFn, Result};

/// Copies `src` to `dst` through a temporary file in the same folder: fsync, rename, fsync dir. Mode 0600.
pub fn copy_file_durable(src: &Path, dst: &Path) -> Result<u64> {
    let parent = dst.parent().unwrap_or(Path::new("."));
    let name = dst
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = parent.join(format!(".{name}.tmp"));
    let mut input = std::fs::File::open(src).map_err(|e| PersistenceError::io(src, e))?;
    let mut out = super::create_private_file(&tmp)?;
    let n = std::io::copy(&mut input, &mut out).map_err(|e| PersistenceError::io(&tmp, e))?;
    out.sync_all().map_err(|e| PersistenceError::io(&tmp, e))?;
    drop(out);
    std::fs::rename(&tmp, dst).map_err(|e| PersistenceError::io(dst, e))?;
    super::sync_dir(parent)?;
    Ok(n)
}

/// Where and how to install an offline restore.
#[derive(Clone, Debug)]
pub struct OfflineRestoreOptions {
    /// The stopped server's `dir`.
    pub data_dir: PathBuf,
    /// Whether the target server runs with `appendonly yes` (read from its redis.conf by the CLI).
    pub appendonly: bool,
    pub appenddirname: String,
    pub appendfilename: String,
    pub dbfilename: String,
    /// Address that must NOT answer (the server must be stopped); None skips the check.
    pub server_addr: Option<(String, u16)>,
    /// Restore even when a server answers there.
    pub force: bool,
    /// The caller has just run the full [`backup::verify`] on this folder and it passed: skip the
    /// module's own verification (it reads every file and runs redis-check-rdb/-aof, so doing it
    /// twice doubles the time before anything is installed). False: verify here.
    pub verified: bool,
}

impl OfflineRestoreOptions {
    pub fn new(data_dir: impl Into<PathBuf>, appendonly: bool) -> Self {
        OfflineRestoreOptions {
            data_dir: data_dir.into(),
            appendonly,
            appenddirname: "appendonlydir".into(),
            appendfilename: "appendonly.aof".into(),
            dbfilename: "dump.rdb".into(),
            server_addr: None,
            force: false,
            verified: false,
        }
    }
}

/// Reads a `redis.conf` (and the files it `include`s) for the settings that decide what a
/// restarted server loads: `appendonly`, `appenddirname`, `appendfilename`, `dbfilename`. The last
/// value wins, as in Redis; absent settings keep Redis's defaults (`appendonly no`).
pub fn options_from_redis_conf(
    conf: &Path,
    data_dir: impl Into<PathBuf>,
) -> Result<OfflineRestoreOptions> {
    let mut opts = OfflineRestoreOptions::new(data_dir, false);
    read_redis_conf(conf, &mut opts, 0)?;
    Ok(opts)
}

fn conf_value(rest: &str) -> String {
    let v = rest.trim();
    let unquoted = v
        .strip_prefix('"')
        .and_then(|x| x.strip_suffix('"'))
        .or_else(|| v.strip_prefix('\'').and_then(|x| x.strip_suffix('\'')));
    unquoted.unwrap_or(v).to_string()
}

fn read_redis_conf(conf: &Path, opts: &mut OfflineRestoreOptions, depth: usize) -> Result<()> {
    if depth > 8 {
        return Err(PersistenceError::invalid(
            conf.display().to_string(),
            "include nesting deeper than 8",
        ));
    }
    let text = std::fs::read_to_string(conf).map_err(|e| PersistenceError::io(conf, e))?;
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (key, rest) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
        let value = conf_value(rest);
        match key.to_ascii_lowercase().as_str() {
            "appendonly" => {
                opts.appendonly = match value.to_ascii_lowercase().as_str() {
                    "yes" => true,
                    "no" => false,
                    other => {
                        return Err(PersistenceError::invalid(
                            format!("{} line {}", conf.display(), n + 1),
                            format!("appendonly {other:?} (expected yes or no)"),
                        ))
                    }
                }
            }
            "appenddirname" => opts.appenddirname = value,
            "appendfilename" => opts.appendfilename = value,
            "dbfilename" => opts.dbfilename = value,
            "include" => {
                let inc = PathBuf::from(&value);
                let inc = if inc.is_absolute() {
                    inc
                } else {
                    conf.parent().unwrap_or(Path::new(".")).join(inc)
                };
                read_redis_conf(&inc, opts, depth + 1)?;
            }
            _ => {}
        }
    }
    Ok(())
}

#[derive(Clone, Debug, Serialize)]
pub struct OfflineRestoreReport {
    pub backup_id: String,
    pub data_dir: String,
    /// Files written into the data dir.
    pub installed: Vec<String>,
    /// Where the previous files were moved (None when there was nothing to move).
    pub moved_aside_to: Option<String>,
    pub moved: Vec<String>,
    pub next_steps: Vec<String>,
}

fn server_answers(host: &str, port: u16) -> bool {
    use std::net::ToSocketAddrs;
    let Ok(addrs) = (host, port).to_socket_addrs() else {
        return false;
    };
    addrs
        .into_iter()
        .any(|a| std::net::TcpStream::connect_timeout(&a, Duration::from_millis(500)).is_ok())
}

fn check_name(what: &str, name: &str) -> Result<()> {
    if name.is_empty() || name.contains('/') || name.contains('\\') || name == "." || name == ".." {
        return Err(PersistenceError::invalid(
            what,
            format!("{name:?} must be a plain file name"),
        ));
    }
    Ok(())
}

/// Installs a file or replication backup into a stopped server's data dir so it loads on start.
/// Existing data files are moved into `<data_dir>/pre-restore-<timestamp>/`, never deleted.
pub fn restore_offline(
    backup_path: &Path,
    opts: &OfflineRestoreOptions,
    progress: ProgressFn<'_>,
) -> Result<OfflineRestoreReport> {
    check_name("appenddirname", &opts.appenddirname)?;
    check_name("appendfilename", &opts.appendfilename)?;
    check_name("dbfilename", &opts.dbfilename)?;
    if let Some((host, port)) = &opts.server_addr {
        if !opts.force && server_answers(host, *port) {
            return Err(PersistenceError::ServerRunning(format!("{host}:{port}")));
        }
    }
    if !opts.verified {
        progress(Progress::phase("verify backup"));
        let report = backup::verify(backup_path);
        if !report.ok {
            return Err(PersistenceError::VerificationFailed {
                path: backup_path.to_path_buf(),
                reason: report.failure_reason(),
            });
        }
    }
    let manifest = backup::read_manifest(backup_path)?;
    if manifest.method == BackupMethod::Logical {
        return Err(PersistenceError::Unsupported(
            "a logical backup is restored online (restore_logical), not into a data dir".into(),
        ));
    }
    let rdb = backup_path.join(backup::RDB_FILE);
    if !rdb.is_file() {
        return Err(PersistenceError::invalid("backup", "has no dump.rdb"));
    }
    let dd = &opts.data_dir;
    if !dd.is_dir() {
        return Err(PersistenceError::io(
            dd,
            std::io::Error::new(std::io::ErrorKind::NotFound, "data dir does not exist"),
        ));
    }

    // Move aside whatever the server would load instead of (or on top of) the backup.
    let candidates = [
        opts.dbfilename.clone(),
        opts.appenddirname.clone(),
        opts.appendfilename.clone(),
    ];
    let present: Vec<&String> = candidates
        .iter()
        .filter(|n| std::fs::symlink_metadata(dd.join(n)).is_ok())
        .collect();
    let mut moved = Vec::new();
    let mut aside = None;
    if !present.is_empty() {
        let ts = super::compact_utc(chrono::Utc::now());
        let mut folder = dd.join(format!("pre-restore-{ts}"));
        let mut n = 2;
        while folder.exists() {
            folder = dd.join(format!("pre-restore-{ts}-{n}"));
            n += 1;
        }
        super::create_private_dir(&folder)?;
        for name in present {
            let from = dd.join(name);
            let to = folder.join(name);
            std::fs::rename(&from, &to).map_err(|e| PersistenceError::io(&from, e))?;
            moved.push(name.clone());
        }
        super::sync_dir(dd)?;
        aside = Some(folder.display().to_string());
    }

    progress(Progress::phase("install"));
    let installed: Vec<PathBuf> = if opts.appendonly {
        aof::write_rdb_as_base(&rdb, &dd.join(&opts.appenddirname), &opts.appendfilename)?
    } else {
        let dst = dd.join(&opts.dbfilename);
        copy_file_durable(&rdb, &dst)?;
        vec![dst]
    };
    let owner = match_owner(dd, &installed);
    let mut next_steps = vec![format!(
        "start redis-server with dir {} and appendonly {}",
        dd.display(),
        if opts.appendonly { "yes" } else { "no" }
    )];
    if opts.appendonly {
        next_steps.push(format!(
            "it loads {}/{}.manifest (base = the backup's RDB)",
            opts.appenddirname, opts.appendfilename
        ));
        next_steps.push(
            "do not start it with appendonly no: it would load an empty dump.rdb instead".into(),
        );
    } else {
        next_steps.push(format!("it loads {}; if you later turn appendonly on, use CONFIG SET appendonly yes on the running server (not the config file) so the AOF is created from the data", opts.dbfilename));
    }
    next_steps.push("check the data: tartarus redis health, and DBSIZE / INFO keyspace against the backup's key counts".into());
    if let Some(a) = &aside {
        next_steps.push(format!(
            "the previous files are in {a}; delete them once the restore is confirmed"
        ));
    }
    if let Some(o) = owner {
        next_steps.push(o);
    }
    Ok(OfflineRestoreReport {
        backup_id: manifest.id,
        data_dir: dd.display().to_string(),
        installed: installed.iter().map(|p| p.display().to_string()).collect(),
        moved_aside_to: aside,
        moved,
        next_steps,
    })
}

/// When running as root, gives the installed files to the data dir's owner (redis-server usually
/// runs as `redis` and could not read root's 0600 files). Returns a note for the next steps.
#[cfg(unix)]
fn match_owner(data_dir: &Path, installed: &[PathBuf]) -> Option<String> {
    use std::os::unix::fs::MetadataExt;
    // SAFETY: geteuid has no preconditions and cannot fail.
    if unsafe { libc::geteuid() } != 0 {
        return None;
    }
    let md = std::fs::metadata(data_dir).ok()?;
    let (uid, gid) = (md.uid(), md.gid());
    if uid == 0 {
        return None;
    }
    let mut paths: Vec<PathBuf> = installed.to_vec();
    for p in installed {
        if let Some(parent) = p.parent() {
            if parent != data_dir && !paths.iter().any(|x| x == parent) {
                paths.push(parent.to_path_buf());
            }
        }
    }
    let failed: Vec<String> = paths
        .iter()
        .filter(|p| std::os::unix::fs::chown(p, Some(uid), Some(gid)).is_err())
        .map(|p| p.display().to_string())
        .collect();
    if failed.is_empty() {
        Some(format!(
            "installed files were given to the data dir's owner (uid {uid}, gid {gid})"
        ))
    } else {
        Some(format!(
            "could not chown {} to uid {uid}: fix ownership before starting redis-server",
            failed.join(", ")
        ))
    }
}

#[cfg(not(unix))]
fn match_owner(_data_dir: &Path, _installed: &[PathBuf]) -> Option<String> {
    None
}

// ---------------------------------------------------------------- logical (online) restore

/// The longest bulk string a RESP file may hold: Redis's own limit (`proto-max-bulk-len`, 512 MiB
/// by default). A length above it is a corrupt or hostile file, never a reason to allocate.
pub const MAX_BULK_LEN: u64 = 512 * 1024 * 1024;

/// Most arguments a command of a logical backup has (`RESTORE key ttl payload REPLACE` has 5).
pub const MAX_ARGS: u64 = 64;

/// Why a RESP file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum RespError {
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("malformed RESP at command {command}: {detail}")]
    Malformed { command: u64, detail: String },
    #[error(
        "bulk string length {len} at command {command} exceeds the {max}-byte limit (corrupt file)"
    )]
    BulkTooLong { command: u64, len: u64, max: u64 },
    #[error("truncated RESP command {command}")]
    Truncated { command: u64 },
}

/// Streaming reader of RESP arrays of bulk strings (the `redis-cli --pipe` format).
///
/// Lengths read from the file are untrusted: they are parsed as `u64`, capped by [`MAX_ARGS`] and
/// [`MAX_BULK_LEN`] before any arithmetic or allocation, and a large bulk string is read
/// incrementally so that a truncated file never makes it allocate more than the file holds.
pub struct RespReader<R: BufRead> {
    r: R,
    line: Vec<u8>,
    /// Commands read so far (for error messages).
    commands: u64,
}

impl<R: BufRead> RespReader<R> {
    pub fn new(r: R) -> Self {
        RespReader {
            r,
            line: Vec::new(),
            commands: 0,
        }
    }

    fn malformed(&self, detail: impl Into<String>) -> RespError {
        RespError::Malformed {
            command: self.commands + 1,
            detail: detail.into(),
        }
    }

    fn header(&mut self, prefix: u8) -> Result<Option<u64>, RespError> {
        self.line.clear();
        // A header line is short: a length line longer than this is not RESP.
        let n = (&mut self.r).take(64).read_until(b'\n', &mut self.line)?;
        if n == 0 {
            return Ok(None);
        }
        if self.line.len() < 3 || !self.line.ends_with(b"\r\n") || self.line[0] != prefix {
            return Err(self.malformed(format!("expected a '{}' header", prefix as char)));
        }
        let digits = std::str::from_utf8(&self.line[1..self.line.len() - 2])
            .ok()
            .filter(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()));
        let Some(digits) = digits else {
            return Err(self.malformed("bad length"));
        };
        // Too many digits for a u64 is as corrupt as any other oversized length.
        match digits.parse::<u64>() {
            Ok(n) => Ok(Some(n)),
            Err(_) => Ok(Some(u64::MAX)),
        }
    }

    /// The next command's arguments; None at a clean end of file.
    pub fn next_command(&mut self) -> Result<Option<Vec<Vec<u8>>>, RespError> {
        let command = self.commands + 1;
        let truncated = || RespError::Truncated { command };
        let Some(argc) = self.header(b'*')? else {
            return Ok(None);
        };
        if argc == 0 || argc > MAX_ARGS {
            return Err(self.malformed(format!("unexpected argument count {argc}")));
        }
        let mut args = Vec::with_capacity(argc as usize);
        for _ in 0..argc {
            let len = self.header(b'$')?.ok_or_else(truncated)?;
            if len > MAX_BULK_LEN {
                return Err(RespError::BulkTooLong {
                    command,
                    len,
                    max: MAX_BULK_LEN,
                });
            }
            // Checked even though the cap makes it impossible to overflow.
            let with_crlf = usize::try_from(len)
                .ok()
                .and_then(|l| l.checked_add(2))
                .ok_or_else(|| self.malformed("length does not fit in memory"))?;
            let len = with_crlf - 2;
            let arg = if with_crlf <= 1 << 20 {
                let mut arg = vec![0u8; with_crlf];
                self.r.read_exact(&mut arg).map_err(|e| match e.kind() {
                    std::io::ErrorKind::UnexpectedEof => truncated(),
                    _ => RespError::Io(e),
                })?;
                arg
            } else {
                // Grows with what the file really holds, not with what the header claims.
                let mut arg = Vec::with_capacity(1 << 20);
                (&mut self.r).take(with_crlf as u64).read_to_end(&mut arg)?;
                if arg.len() < with_crlf {
                    return Err(truncated());
                }
                arg
            };
            let mut arg = arg;
            if &arg[len..] != b"\r\n" {
                return Err(self.malformed("bulk string not followed by CRLF"));
            }
            arg.truncate(len);
            args.push(arg);
        }
        self.commands += 1;
        Ok(Some(args))
    }
}

/// A [`RespError`] of the file at `path` as a [`PersistenceError`].
pub(crate) fn resp_error(path: &Path, e: RespError) -> PersistenceError {
    match e {
        RespError::Io(io) => PersistenceError::io(path, io),
        other => PersistenceError::invalid(path.display().to_string(), other.to_string()),
    }
}

/// Turns `RESTORE key ttl payload [REPLACE]` into a [`RestoreItem`].
pub fn restore_item(mut args: Vec<Vec<u8>>) -> std::result::Result<RestoreItem, String> {
    if args.len() < 4 || !args[0].eq_ignore_ascii_case(b"RESTORE") {
        return Err("not a RESTORE command".into());
    }
    let ttl = std::str::from_utf8(&args[2])
        .ok()
        .and_then(|s| s.parse::<i64>().ok())
        .filter(|t| *t >= 0)
        .ok_or("bad ttl")?;
    let payload = std::mem::take(&mut args[3]);
    let key = std::mem::take(&mut args[1]);
    Ok((key, ttl, payload))
}

#[derive(Clone, Debug)]
pub struct LogicalRestoreOptions {
    /// Delete keys matching the patterns first (the CLI asks for confirmation).
    pub flush: bool,
    /// Patterns for `flush`; empty → the backup's own patterns.
    pub patterns: Vec<String>,
    /// RESTORE commands per pipeline.
    pub batch: usize,
    /// Pipelines in flight at once.
    pub in_flight: usize,
    /// The caller has just run the full [`backup::verify`] on this folder and it passed: skip the
    /// checksum pass here (the CLI verifies before it asks for confirmation, so verifying again
    /// would read the whole file a second time). False: check the checksums here.
    pub verified: bool,
}

impl Default for LogicalRestoreOptions {
    fn default() -> Self {
        LogicalRestoreOptions {
            flush: false,
            patterns: Vec::new(),
            batch: 1000,
            in_flight: 4,
            verified: false,
        }
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct LogicalRestoreReport {
    pub backup_id: String,
    pub target: String,
    pub flushed: u64,
    pub restored: u64,
    /// Time spent checking the backup's checksums before loading (0 when the caller had verified it).
    pub verify_ms: u64,
    /// Total time (verify, flush, load).
    pub elapsed_ms: u64,
    /// Load rate (RESTORE pipelines only).
    pub keys_per_sec: f64,
}

/// Loads a logical backup into a running server: RESTORE … REPLACE, pipelined in batches.
pub async fn restore_logical(
    admin: &RedisAdmin,
    backup_path: &Path,
    opts: &LogicalRestoreOptions,
    progress: ProgressFn<'_>,
) -> Result<LogicalRestoreReport> {
    let start = Instant::now();
    if !opts.verified {
        progress(Progress::phase("verify backup"));
        // Checksums only: the RESP file is parsed while restoring anyway (a truncated or malformed
        // command stops the restore with an error), so the full verify would read it twice.
        let report = backup::verify_checksums(backup_path);
        if !report.ok {
            return Err(PersistenceError::VerificationFailed {
                path: backup_path.to_path_buf(),
                reason: report.failure_reason(),
            });
        }
    }
    let manifest = backup::read_manifest(backup_path)?;
    if manifest.method != BackupMethod::Logical {
        return Err(PersistenceError::Unsupported("only logical backups restore online; use the offline restore for file/replication backups".into()));
    }
    let verify_ms = start.elapsed().as_millis() as u64;
    let mut flushed = 0;
    if opts.flush {
        progress(Progress::phase("delete existing keys"));
        let patterns = if opts.patterns.is_empty() {
            manifest.patterns.clone()
        } else {
            opts.patterns.clone()
        };
        flushed = admin.flush_keys(&patterns).await?;
    }
    let load_start = Instant::now();
    let total: u64 = manifest.key_counts.per_pattern.values().sum();
    let path = backup_path.join(backup::LOGICAL_FILE);
    let f = std::fs::File::open(&path).map_err(|e| PersistenceError::io(&path, e))?;
    let mut reader = RespReader::new(std::io::BufReader::with_capacity(8 << 20, f));
    let batch_size = opts.batch.max(1);
    let mut in_flight = FuturesOrdered::new();
    let mut restored = 0u64;
    let mut eof = false;
    let mut last = Instant::now();
    loop {
        while !eof && in_flight.len() < opts.in_flight.max(1) {
            let mut batch: Vec<RestoreItem> = Vec::with_capacity(batch_size);
            while batch.len() < batch_size {
                match reader.next_command().map_err(|e| resp_error(&path, e))? {
                    Some(args) => {
                        batch.push(restore_item(args).map_err(|e| {
                            PersistenceError::invalid(path.display().to_string(), e)
                        })?)
                    }
                    None => {
                        eof = true;
                        break;
                    }
                }
            }
            if batch.is_empty() {
                break;
            }
            in_flight.push_back(async move { admin.restore_batch(&batch).await });
        }
        match in_flight.next().await {
            Some(r) => {
                restored += r? as u64;
                if last.elapsed() > Duration::from_millis(200) {
                    progress(Progress::keys("restore keys", restored, Some(total)));
                    last = Instant::now();
                }
            }
            None => break,
        }
    }
    progress(Progress::keys("restore keys", restored, Some(total)));
    if restored != total {
        return Err(PersistenceError::invalid(
            path.display().to_string(),
            format!("restored {restored} keys, the manifest says {total}"),
        ));
    }
    let load = load_start.elapsed().as_secs_f64();
    Ok(LogicalRestoreReport {
        backup_id: manifest.id,
        target: admin.display().to_string(),
        flushed,
        restored,
        verify_ms,
        elapsed_ms: start.elapsed().as_millis() as u64,
        keys_per_sec: if load > 0.0 {
            restored as f64 / load
        } else {
            0.0
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redis_conf_settings() {
        let d = tempfile::tempdir().unwrap();
        std::fs::write(
            d.path().join("extra.conf"),
            "appendonly yes\nappenddirname \"aof dir\"\n",
        )
        .unwrap();
        std::fs::write(
            d.path().join("redis.conf"),
            "# comment\nport 6379\nappendonly no\ndbfilename 'data.rdb'\ninclude extra.conf\nappendfilename x.aof\n",
        )
        .unwrap();
        let o = options_from_redis_conf(&d.path().join("redis.conf"), "/data").unwrap();
        assert!(o.appendonly, "the include set it last");
        assert_eq!(
            (
                o.appenddirname.as_str(),
                o.appendfilename.as_str(),
                o.dbfilename.as_str()
            ),
            ("aof dir", "x.aof", "data.rdb")
        );
        std::fs::write(d.path().join("bad.conf"), "appendonly maybe\n").unwrap();
        assert!(options_from_redis_conf(&d.path().join("bad.conf"), "/data").is_err());
        std::fs::write(d.path().join("plain.conf"), "port 1\n").unwrap();
        assert!(
            !options_from_redis_conf(&d.path().join("plain.conf"), "/data")
                .unwrap()
                .appendonly
        );
    }

    #[test]
    fn resp_reader_rejects_garbage_lengths_without_allocating() {
        for (input, want) in [
            (&b"*5\r\n$18446744073709551615\r\nx\r\n"[..], "exceeds"),
            (b"*5\r\n$99999999999999\r\nx\r\n", "exceeds"),
            (b"*5\r\n$999999999999999999999999\r\nx\r\n", "exceeds"),
            (b"*5\r\n$536870913\r\nx\r\n", "exceeds"),
            (b"*18446744073709551615\r\n", "argument count"),
            (b"*1\r\n$-1\r\n", "bad length"),
            (b"*1\r\n$+3\r\nabc\r\n", "bad length"),
            // Within the cap but longer than the file: truncated, read as it comes.
            (b"*1\r\n$536870912\r\nabc\r\n", "truncated"),
        ] {
            let mut r = RespReader::new(std::io::Cursor::new(input.to_vec()));
            let e = r.next_command().unwrap_err().to_string();
            assert!(
                e.contains(want),
                "{:?}: {e}",
                String::from_utf8_lossy(input)
            );
        }
    }

    #[test]
    fn resp_reader_roundtrip() {
        let mut v = Vec::new();
        backup::write_restore_command(&mut v, b"a\r\nb", 1500, b"\xff\x00\r\n").unwrap();
        backup::write_restore_command(&mut v, b"k2", 0, b"").unwrap();
        let mut r = RespReader::new(std::io::Cursor::new(v.clone()));
        let a = restore_item(r.next_command().unwrap().unwrap()).unwrap();
        assert_eq!(a, (b"a\r\nb".to_vec(), 1500, b"\xff\x00\r\n".to_vec()));
        let b = restore_item(r.next_command().unwrap().unwrap()).unwrap();
        assert_eq!(b, (b"k2".to_vec(), 0, Vec::new()));
        assert!(r.next_command().unwrap().is_none());
        // Truncated input is an error, not a silent end.
        let mut r = RespReader::new(std::io::Cursor::new(v[..v.len() - 5].to_vec()));
        r.next_command().unwrap();
        assert!(r.next_command().is_err());
    }
}
