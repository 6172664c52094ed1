//! `backup list`: the backup folders of a directory with a quick status (sizes only, no contents read).

use std::path::Path;

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::manifest::safe_relative;
use super::{parse_backup_id, read_manifest, BackupManifest, BackupMethod, MANIFEST};
use crate::persistence::{PersistenceError, Result};

#[derive(Clone, Debug, Serialize)]
pub struct BackupSummary {
    pub id: String,
    pub path: String,
    pub method: Option<BackupMethod>,
    pub created_at: Option<DateTime<Utc>>,
    pub size: u64,
    pub files: usize,
    /// [`STATUS_COMPLETE`] when the manifest is readable and every file it lists is present with
    /// its size, else `incomplete: <what is wrong>`. Only sizes are compared: checksums are not
    /// read, so a complete backup with a flipped byte still says complete — use verify.
    pub status: String,
}

/// The `status` of a backup whose files are all there with their sizes (contents unverified).
pub const STATUS_COMPLETE: &str = "complete";

fn quick_status(folder: &Path) -> (Option<BackupManifest>, String) {
    match read_manifest(folder) {
        Err(e) => (None, format!("incomplete: {e}")),
        Ok(m) => {
            for f in &m.files {
                if !safe_relative(&f.name) {
                    return (
                        Some(m.clone()),
                        format!("incomplete: unsafe file name {:?}", f.name),
                    );
                }
                match std::fs::metadata(folder.join(&f.name)) {
                    Ok(md) if md.len() == f.size => {}
                    Ok(md) => {
                        return (
                            Some(m.clone()),
                            format!(
                                "incomplete: {} is {} bytes, manifest says {}",
                                f.name,
                                md.len(),
                                f.size
                            ),
                        )
                    }
                    Err(_) => return (Some(m.clone()), format!("incomplete: {} missing", f.name)),
                }
            }
            (Some(m), STATUS_COMPLETE.into())
        }
    }
}

/// Backup folders in `dir`, oldest first. Temporary (`.tmp-*`) folders of running or interrupted backups are not listed.
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
        if name.starts_with('.') || !ft.is_dir() {
            continue;
        }
        let path = e.path();
        let parsed = parse_backup_id(&name);
        if parsed.is_none() && !path.join(MANIFEST).is_file() {
            continue;
        }
        let (m, status) = quick_status(&path);
        out.push(BackupSummary {
            id: name,
            path: path.display().to_string(),
            method: m.as_ref().map(|m| m.method).or(parsed.map(|p| p.1)),
            created_at: m.as_ref().map(|m| m.created_at).or(parsed.map(|p| p.0)),
            size: m
                .as_ref()
                .map(|m| m.files.iter().map(|f| f.size).sum())
                .unwrap_or(0),
            files: m.as_ref().map(|m| m.files.len()).unwrap_or(0),
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
