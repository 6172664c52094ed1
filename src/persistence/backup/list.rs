//! `backup list`: the backup folders of a directory with a quick status (sizes only, no contents read).

use std::path::Path;

use serde::Serialize;

use super::{parse_backup_id, read_manifest, BackupManifest, BackupMethod, MANIFEST};
use crate::persistence::{PersistenceError, Result};

#[derive(Clone, Debug, Serialize)]
pub struct BackupSummary {
    pub id: String,
    pub path: String,
    pub method: Option<BackupMethod>,
    /// Unix ms; RFC 3339 in JSON, null when neither the manifest nor the name says.
    #[serde(with = "crate::output::rfc3339::option")]
    pub created_at: Option<i64>,
    /// The files the manifest lists, together.
    pub size_bytes: u64,
    pub files: usize,
    /// A Redis Cluster backup: how many masters it holds (one RDB each); null for one server.
    pub masters: Option<usize>,
    /// [`STATUS_COMPLETE`] when the manifest is readable and every file it lists is present with
    /// its size, else `incomplete: <what is wrong>`, or `invalid: <why>` for a folder that is not
    /// safe to read (a symbolic link). Only sizes are compared: checksums are not read, so a
    /// complete backup with a flipped byte still says complete — use verify.
    pub status: String,
}

/// The `status` of a backup whose files are all there with their sizes (contents unverified).
pub const STATUS_COMPLETE: &str = "complete";

fn quick_status(folder: &Path) -> (Option<BackupManifest>, String) {
    let m = match read_manifest(folder) {
        Err(e) => return (None, format!("incomplete: {e}")),
        Ok(m) => m,
    };
    for f in &m.files {
        // lstat: a link in a backup is never followed, so it is not the file.
        match std::fs::symlink_metadata(folder.join(&f.name)) {
            Ok(md) if md.file_type().is_symlink() => {
                return (
                    Some(m.clone()),
                    format!("invalid: {} is a symbolic link", f.name),
                )
            }
            Ok(md) if md.is_file() && md.len() == f.size_bytes => {}
            Ok(md) => {
                return (
                    Some(m.clone()),
                    format!(
                        "incomplete: {} is {} bytes, manifest says {}",
                        f.name,
                        md.len(),
                        f.size_bytes
                    ),
                )
            }
            Err(_) => return (Some(m.clone()), format!("incomplete: {} missing", f.name)),
        }
    }
    (Some(m), STATUS_COMPLETE.into())
}

/// Backup folders in `dir`, oldest first. Temporary (`.tmp-*`) folders of running or interrupted
/// backups are not listed; a link named like a backup is listed as invalid, never followed.
pub fn list(dir: &Path) -> Result<Vec<BackupSummary>> {
    let mut out = Vec::new();
    let rd = match std::fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(out),
        Err(e) => return Err(PersistenceError::io(dir, e)),
    };
    for e in rd {
        let e = e.map_err(|e| PersistenceError::io(dir, e))?;
        let name = e.file_name().to_string_lossy().into_owned();
        let ft = e
            .file_type()
            .map_err(|err| PersistenceError::io(e.path(), err))?;
        let path = e.path();
        let parsed = parse_backup_id(&name);
        if name.starts_with('.') {
            continue;
        }
        let is_backup_folder = ft.is_dir()
            && (parsed.is_some()
                || std::fs::symlink_metadata(path.join(MANIFEST)).is_ok_and(|m| m.is_file()));
        let (m, status) = if ft.is_symlink() && parsed.is_some() {
            (
                None,
                "invalid: a symbolic link (backups never follow links)".to_string(),
            )
        } else if is_backup_folder {
            quick_status(&path)
        } else {
            continue;
        };
        out.push(BackupSummary {
            id: name,
            path: path.display().to_string(),
            method: m.as_ref().map(|m| m.method).or(parsed.map(|p| p.1)),
            created_at: m.as_ref().map(|m| m.created_at).or(parsed.map(|p| p.0)),
            size_bytes: m.as_ref().map_or(0, BackupManifest::total_bytes),
            files: m.as_ref().map_or(0, |m| m.files.len()),
            masters: m.as_ref().and_then(BackupManifest::master_count),
            status,
        });
    }
    out.sort_by(|a, b| {
        a.created_at
            .cmp(&b.created_at)
            .then_with(|| a.id.cmp(&b.id))
    });
    Ok(out)
}
