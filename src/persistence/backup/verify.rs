//! `backup verify`: every file's size and SHA-256, RDB structure and CRC-64, the AOF manifest, the
//! RESTORE file of logical backups, and `redis-check-rdb` / `redis-check-aof` when installed.

use std::path::{Path, PathBuf};

use serde::Serialize;

use super::manifest::safe_relative;
use super::{
    read_manifest, sha256_file, BackupMethod, AOF_DIR, FORMAT_VERSION, LOGICAL_FILE, RDB_FILE,
};
use crate::persistence::{aof, rdb};

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

/// Full verification of a backup folder: manifest, sizes and SHA-256 of every file, RDB
/// magic/version/CRC-64, AOF manifest consistency, the RESP file of logical backups, and
/// `redis-check-rdb` / `redis-check-aof` when installed.
pub fn verify(folder: &Path) -> VerifyReport {
    verify_with(folder, true)
}

/// The part of [`verify`] that reads every file once: manifest, sizes and SHA-256 (plus RDB/AOF structure
/// checks, which are cheap) — no RESP re-parse and no external tools. Used before an online restore, which
/// parses the RESP file anyway.
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
        m.format_version <= FORMAT_VERSION && !m.files.is_empty(),
        format!("format {}, {} file(s)", m.format_version, m.files.len()),
    ));
    let mut all_files_ok = true;
    for f in &m.files {
        if !safe_relative(&f.name) {
            rep.checks.push(check(
                format!("file {}", f.name),
                false,
                "unsafe name in manifest",
            ));
            all_files_ok = false;
            continue;
        }
        let c = match sha256_file(&folder.join(&f.name)) {
            Ok((size, _)) if size != f.size => check(
                format!("file {}", f.name),
                false,
                format!("{size} bytes, manifest says {}", f.size),
            ),
            Ok((_, sha)) if sha != f.sha256 => {
                check(format!("file {}", f.name), false, "SHA-256 mismatch")
            }
            Ok((size, _)) => check(
                format!("file {}", f.name),
                true,
                format!("{size} bytes, sha256 ok"),
            ),
            Err(e) => check(format!("file {}", f.name), false, e.to_string()),
        };
        all_files_ok &= c.outcome == CheckOutcome::Ok;
        rep.checks.push(c);
        if f.name.ends_with(".rdb") {
            match rdb::verify(&folder.join(&f.name)) {
                Ok(r) if r.ok => rep.checks.push(check(
                    format!("rdb {}", f.name),
                    true,
                    format!(
                        "version {}, crc {:?}",
                        r.version.unwrap_or(0),
                        r.checksum.unwrap_or(rdb::ChecksumStatus::Absent)
                    ),
                )),
                Ok(r) => rep.checks.push(check(
                    format!("rdb {}", f.name),
                    false,
                    r.problems.join("; "),
                )),
                Err(e) => rep
                    .checks
                    .push(check(format!("rdb {}", f.name), false, e.to_string())),
            }
        }
    }
    let has_aof = m
        .files
        .iter()
        .any(|f| f.name.starts_with(&format!("{AOF_DIR}/")));
    if has_aof {
        let r = aof::verify_dir(&folder.join(AOF_DIR));
        rep.checks.push(check(
            "aof manifest",
            r.ok,
            if r.ok {
                format!("{} file(s) listed, all present", r.entries.len())
            } else {
                r.problems.join("; ")
            },
        ));
    }
    // The RESP parse only on a file whose checksum matched: a corrupt file already failed, and
    // parsing it would only repeat the error (or trip over a garbage length).
    if deep && all_files_ok && m.method == BackupMethod::Logical {
        let expected: u64 = m.key_counts.per_pattern.values().sum();
        match crate::persistence::logical::count_restore_commands(&folder.join(LOGICAL_FILE)) {
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
    // External tools only on files whose checksums matched (they would just repeat the error).
    if deep && all_files_ok {
        if m.files.iter().any(|f| f.name == RDB_FILE) {
            rep.checks
                .push(run_tool("redis-check-rdb", &folder.join(RDB_FILE)));
        }
        if has_aof {
            if let Ok(p) = aof::find_manifest(&folder.join(AOF_DIR), Some("appendonly.aof")) {
                rep.checks.push(run_tool("redis-check-aof", &p));
            }
        }
    }
    rep.ok = rep.checks.iter().all(|c| c.outcome != CheckOutcome::Failed);
    rep
}
