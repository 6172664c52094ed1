//! A copy into a folder (an NFS or EFS mount, a second disk): written under `.tmp-<id>`, renamed
//! when complete, then read back against the manifest.

use std::io::{Read, Write};
use std::path::Path;

use super::CopyReport;
use crate::persistence::backup::{
    outcome, read_manifest, verify_checksums, BackupManifest, MANIFEST, MAX_MANIFEST_BYTES,
};
use crate::persistence::files::{open_beneath, read_bounded, resolve_destination};
use crate::persistence::{PersistenceError, Result};

/// Removes a temporary folder unless disarmed.
struct TmpGuard(Option<std::path::PathBuf>);
impl Drop for TmpGuard {
    fn drop(&mut self) {
        if let Some(p) = self.0.take() {
            let _ = std::fs::remove_dir_all(p);
        }
    }
}

/// Copies the backup folder `src` into `dir/<id>`.
pub(super) fn copy(src: &Path, dir: &Path) -> Result<CopyReport> {
    let manifest = read_manifest(src)?;
    let manifest_bytes = read_bounded(
        open_beneath(src, MANIFEST).map_err(|e| PersistenceError::io(src.join(MANIFEST), e))?,
        MAX_MANIFEST_BYTES,
        &src.join(MANIFEST),
    )?;
    crate::persistence::files::check_folder_destination(dir)?;
    refuse_copy_into_source(src, dir, &manifest.id)?;
    if !dir.is_dir() {
        crate::persistence::create_private_dir(dir)?;
    }
    let final_path = dir.join(&manifest.id);
    let already_there = match std::fs::symlink_metadata(&final_path) {
        Err(_) => false,
        Ok(md) if md.is_dir() && !md.file_type().is_symlink() => {
            let theirs = open_beneath(&final_path, MANIFEST)
                .map_err(|e| PersistenceError::io(final_path.join(MANIFEST), e))
                .and_then(|f| read_bounded(f, MAX_MANIFEST_BYTES, &final_path.join(MANIFEST)));
            match theirs {
                Ok(b) if b == manifest_bytes => true,
                _ => return Err(conflict(&final_path)),
            }
        }
        Ok(_) => return Err(conflict(&final_path)),
    };
    if !already_there {
        write_copy(src, dir, &manifest, &manifest_bytes)?;
    }
    // Read back what is at the destination now (a second reader: the files, not our buffers).
    let check = verify_checksums(&final_path);
    let reason = (!check.ok).then(|| check.failure_reason());
    if let Err(e) = outcome::record_verify(&final_path, check.ok, reason.clone(), "copy read-back")
    {
        tracing::warn!(
            "could not record the read-back in {}: {e}",
            final_path.display()
        );
    }
    if let Some(reason) = reason {
        return Err(PersistenceError::VerificationFailed {
            path: final_path,
            reason: format!("the copy does not match the manifest: {reason}"),
        });
    }
    Ok(CopyReport {
        id: manifest.id.clone(),
        destination: final_path.display().to_string(),
        files: manifest.files.len(),
        size_bytes: manifest.total_bytes(),
        already_there,
        verified: true,
        elapsed_ms: 0,
    })
}

/// Refuses a destination that is the backup `src` itself or a folder inside it (the copy would
/// nest in the source, or write its read-back record there), and the folder holding `src`
/// (`dir/<id>` would be `src`). Links are resolved on both sides.
fn refuse_copy_into_source(src: &Path, dir: &Path, id: &str) -> Result<()> {
    let source = std::fs::canonicalize(src).map_err(|e| PersistenceError::io(src, e))?;
    let dest = resolve_destination(dir)?;
    let why = if dest.starts_with(&source) {
        "is the backup being copied, or a folder inside it"
    } else if dest.join(id) == source {
        "is the folder that holds the backup being copied: the copy would land on the backup itself"
    } else {
        return Ok(());
    };
    Err(PersistenceError::CopyIntoSource(format!(
        "the destination {} {why} ({}): copy it to another folder; nothing was written",
        dir.display(),
        source.display()
    )))
}

fn conflict(path: &Path) -> PersistenceError {
    PersistenceError::CopyConflict(format!(
        "{} already exists and is not this backup (another manifest, or not a folder): \
         nothing was copied",
        path.display()
    ))
}

/// Writes every listed file, then the manifest, into `dir/.tmp-<id>`, and renames it to `<id>`.
fn write_copy(
    src: &Path,
    dir: &Path,
    manifest: &BackupManifest,
    manifest_bytes: &[u8],
) -> Result<()> {
    let tmp = dir.join(format!(".tmp-{}", manifest.id));
    if std::fs::symlink_metadata(&tmp).is_ok() {
        // A copy that was interrupted: start over (a link is removed, never followed).
        if std::fs::symlink_metadata(&tmp).is_ok_and(|m| m.is_dir() && !m.file_type().is_symlink())
        {
            std::fs::remove_dir_all(&tmp).map_err(|e| PersistenceError::io(&tmp, e))?;
        } else {
            std::fs::remove_file(&tmp).map_err(|e| PersistenceError::io(&tmp, e))?;
        }
    }
    crate::persistence::create_new_private_dir(&tmp)?;
    let mut guard = TmpGuard(Some(tmp.clone()));
    for f in &manifest.files {
        let mut parent = tmp.clone();
        let parts: Vec<&str> = f.name.split('/').collect();
        for part in &parts[..parts.len().saturating_sub(1)] {
            parent = parent.join(part);
            if std::fs::symlink_metadata(&parent).is_err() {
                crate::persistence::create_new_private_dir(&parent)?;
            }
        }
        let from = src.join(&f.name);
        let mut reader = open_beneath(src, &f.name)
            .map_err(|e| PersistenceError::io(&from, e))?
            .take(f.size_bytes.saturating_add(1));
        let to = tmp.join(&f.name);
        let mut out = crate::persistence::create_private_file(&to)?;
        let n = std::io::copy(&mut reader, &mut out).map_err(|e| PersistenceError::io(&to, e))?;
        if n != f.size_bytes {
            return Err(PersistenceError::VerificationFailed {
                path: from,
                reason: format!("{n} bytes, manifest says {}", f.size_bytes),
            });
        }
        out.sync_all().map_err(|e| PersistenceError::io(&to, e))?;
        crate::persistence::sync_dir(&parent)?;
    }
    let mpath = tmp.join(MANIFEST);
    let mut m = crate::persistence::create_private_file(&mpath)?;
    m.write_all(manifest_bytes)
        .map_err(|e| PersistenceError::io(&mpath, e))?;
    m.sync_all().map_err(|e| PersistenceError::io(&mpath, e))?;
    crate::persistence::sync_dir(&tmp)?;
    let final_path = dir.join(&manifest.id);
    std::fs::rename(&tmp, &final_path).map_err(|e| PersistenceError::io(&final_path, e))?;
    guard.0 = None;
    crate::persistence::sync_dir(dir)
}
