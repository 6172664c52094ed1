//! `backup verify`: every file's size and SHA-256, RDB structure and CRC-64, the AOF manifest, the
//! RESTORE file of logical backups, and `redis-check-rdb` / `redis-check-aof` when installed.

use std::path::{Path, PathBuf};

use serde::Serialize;

use super::hashing::sha256_reader;
use super::{read_manifest, BackupManifest, BackupMethod, AOF_DIR, MANIFEST, RDB_FILE};
use crate::persistence::{aof, files, rdb, PersistenceError};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum CheckOutcome {
    Ok,
    Failed,
    Skipped,
}

#[derive(Clone, Debug, Serialize)]
pub struct VerifyCheck {
    pub name: String,
    pub outcome: CheckOutcome,
    pub detail: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct VerifyReport {
    pub path: String,
    pub id: Option<String>,
    pub method: Option<BackupMethod>,
    pub ok: bool,
    pub checks: Vec<VerifyCheck>,
}

impl VerifyReport {
    /// The failed checks, joined, for error messages.
    pub fn failure_reason(&self) -> String {
        self.checks
            .iter()
            .filter(|c| c.outcome == CheckOutcome::Failed)
            .map(|c| format!("{}: {}", c.name, c.detail))
            .collect::<Vec<_>>()
            .join("; ")
    }
}

fn find_tool(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|d| d.join(name))
        .find(|p| p.is_file())
}

fn run_tool(tool: &str, arg: &Path) -> VerifyCheck {
    let name = tool.to_string();
    let Some(bin) = find_tool(tool) else {
        return VerifyCheck {
            name,
            outcome: CheckOutcome::Skipped,
            detail: "not installed".into(),
        };
    };
    match std::process::Command::new(bin)
        .arg(arg)
        .stdin(std::process::Stdio::null())
        .output()
    {
        Ok(o) => {
            let text = format!(
                "{}{}",
                String::from_utf8_lossy(&o.stdout),
                String::from_utf8_lossy(&o.stderr)
            );
            let last = text
                .lines()
                .rev()
                .find(|l| !l.trim().is_empty())
                .unwrap_or("")
                .trim()
                .to_string();
            if o.status.success() {
                VerifyCheck {
                    name,
                    outcome: CheckOutcome::Ok,
                    detail: last,
                }
            } else {
                VerifyCheck {
                    name,
                    outcome: CheckOutcome::Failed,
                    detail: format!("exit {:?}: {last}", o.status.code()),
                }
            }
        }
        Err(e) => VerifyCheck {
            name,
            outcome: CheckOutcome::Skipped,
            detail: format!("could not run: {e}"),
        },
    }
}

fn check(name: impl Into<String>, ok: bool, detail: impl Into<String>) -> VerifyCheck {
    VerifyCheck {
        name: name.into(),
        outcome: if ok {
            CheckOutcome::Ok
        } else {
            CheckOutcome::Failed
        },
        detail: detail.into(),
    }
}

/// Full verification of a backup folder: no links or special files anywhere, the manifest,
/// sizes and SHA-256 of every file, RDB magic/version/CRC-64, AOF manifest consistency, the RESP
/// file of logical backups, and `redis-check-rdb` / `redis-check-aof` when installed.
pub fn verify(folder: &Path) -> VerifyReport {
    verify_with(folder, true)
}

/// The part of [`verify`] that reads every file once: entries, manifest, sizes and SHA-256 (plus
/// RDB/AOF structure checks, which are cheap) — no RESP re-parse and no external tools. Used
/// before an online restore, which parses the RESP file anyway.
pub fn verify_checksums(folder: &Path) -> VerifyReport {
    verify_with(folder, false)
}

fn verify_with(folder: &Path, deep: bool) -> VerifyReport {
    let mut rep = VerifyReport {
        path: folder.display().to_string(),
        id: None,
        method: None,
        ok: false,
        checks: Vec::new(),
    };
    if let Some(reason) = not_a_backup(folder) {
        rep.checks.push(check("manifest", false, reason));
        return rep;
    }
    // Every entry is lstat-ed before anything is read: a link fails here, naming it.
    match files::check_tree(folder) {
        Ok(present) => rep.checks.push(check(
            "entries",
            true,
            format!("{} file(s), no links or special files", present.len()),
        )),
        Err(bad) => {
            rep.checks.push(check(
                "entries",
                false,
                format!("{}: {}", bad.entry, bad.reason),
            ));
            return rep;
        }
    }
    let m = match read_manifest(folder) {
        Ok(m) => m,
        Err(e) => {
            rep.checks.push(check("manifest", false, e.to_string()));
            return rep;
        }
    };
    rep.id = Some(m.id.clone());
    rep.method = Some(m.method);
    rep.checks.push(check(
        "manifest",
        true,
        format!("format {}, {} file(s)", m.format_version, m.files.len()),
    ));
    let all_files_ok = check_files(folder, &m, &mut rep);
    // One server's files are at the top; a Cluster backup's under each master's folder.
    for prefix in member_prefixes(&m) {
        let aof_dir = format!("{prefix}{AOF_DIR}");
        let has_aof = m
            .files
            .iter()
            .any(|f| f.name.starts_with(&format!("{aof_dir}/")));
        let mut aof_ok = true;
        if has_aof {
            let r = aof::verify_dir(&folder.join(&aof_dir));
            aof_ok = r.ok;
            rep.checks.push(check(
                if prefix.is_empty() {
                    "aof manifest".to_string()
                } else {
                    format!("aof manifest {aof_dir}")
                },
                r.ok,
                if r.ok {
                    format!("{} file(s) listed, all present", r.entries.len())
                } else {
                    r.problems.join("; ")
                },
            ));
        }
        // The deep checks only on files whose checksums matched: a corrupt file already failed,
        // and parsing it would only repeat the error (or trip over a garbage length).
        // redis-check-aof only on an AOF manifest that passed: it opens the files it names.
        if deep && all_files_ok {
            deep_checks(folder, &m, &prefix, has_aof && aof_ok, &mut rep);
        }
    }
    rep.ok = rep.checks.iter().all(|c| c.outcome != CheckOutcome::Failed);
    rep
}

/// A real folder (not a link: the tree check names that) without `manifest.json` is no backup
/// at all: say so before walking it (`backup verify /tmp` would list thousands of entries).
fn not_a_backup(folder: &Path) -> Option<String> {
    let md = std::fs::symlink_metadata(folder).ok()?;
    if !md.is_dir() {
        return None;
    }
    match std::fs::symlink_metadata(folder.join(MANIFEST)) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Some(format!(
            "{} has no {MANIFEST}: it is not a backup folder",
            folder.display()
        )),
        _ => None,
    }
}

/// Size and SHA-256 of every listed file (opened without following links), and the structure
/// of RDB files. True when every file matched.
fn check_files(folder: &Path, m: &BackupManifest, rep: &mut VerifyReport) -> bool {
    let mut all_ok = true;
    for f in &m.files {
        let name = format!("file {}", f.name);
        let path = folder.join(&f.name);
        let hashed = files::open_beneath(folder, &f.name)
            .map_err(|e| PersistenceError::io(&path, e))
            .and_then(|file| sha256_reader(file, &path));
        let c = match hashed {
            Ok((size, _)) if size != f.size_bytes => check(
                name,
                false,
                format!("{size} bytes, manifest says {}", f.size_bytes),
            ),
            Ok((_, sha)) if sha != f.sha256 => check(name, false, "SHA-256 mismatch"),
            Ok((size, _)) => check(name, true, format!("{size} bytes, SHA-256 ok")),
            Err(e) => check(name, false, e.to_string()),
        };
        all_ok &= c.outcome == CheckOutcome::Ok;
        rep.checks.push(c);
        if f.name.ends_with(".rdb") {
            rep.checks.push(check_rdb(folder, &f.name));
        }
    }
    all_ok
}

/// RDB magic, version, EOF opcode and CRC-64, in words.
fn check_rdb(folder: &Path, name: &str) -> VerifyCheck {
    let label = format!("rdb {name}");
    let path = folder.join(name);
    let r = files::open_beneath(folder, name)
        .map_err(|e| PersistenceError::io(&path, e))
        .and_then(|f| rdb::verify_file(f, &path));
    match r {
        Ok(r) if r.ok => check(
            label,
            true,
            format!(
                "RDB version {}, {}",
                r.version.unwrap_or(0),
                r.checksum.unwrap_or(rdb::ChecksumStatus::Absent).describe()
            ),
        ),
        Ok(r) => check(label, false, r.problems.join("; ")),
        Err(e) => check(label, false, e.to_string()),
    }
}

/// Where the files of each server of the backup are: `""` for one server, `<node id>/` for each
/// master of a Cluster backup.
fn member_prefixes(m: &BackupManifest) -> Vec<String> {
    if m.is_cluster() {
        m.masters
            .iter()
            .map(|x| format!("{}/", x.node_id))
            .collect()
    } else {
        vec![String::new()]
    }
}

/// The RESTORE file of a logical backup against the manifest's key count, and the Redis tools
/// on the files of one server (`prefix`, see [`member_prefixes`]).
fn deep_checks(
    folder: &Path,
    m: &BackupManifest,
    prefix: &str,
    has_aof: bool,
    rep: &mut VerifyReport,
) {
    if m.method == BackupMethod::Logical {
        let expected = m.total_keys();
        match crate::persistence::logical::count_restore_commands(folder) {
            Ok(n) => rep.checks.push(check(
                "resp commands",
                n == expected,
                format!("{n} RESTORE commands, manifest says {expected} keys"),
            )),
            Err(e) => rep
                .checks
                .push(check("resp commands", false, e.to_string())),
        }
    }
    let rdb = format!("{prefix}{RDB_FILE}");
    if m.files.iter().any(|f| f.name == rdb) {
        rep.checks
            .push(run_tool("redis-check-rdb", &folder.join(&rdb)));
    }
    if has_aof {
        let dir = folder.join(format!("{prefix}{AOF_DIR}"));
        if let Ok(p) = aof::find_manifest(&dir, Some("appendonly.aof")) {
            rep.checks.push(run_tool("redis-check-aof", &p));
        }
    }
}
