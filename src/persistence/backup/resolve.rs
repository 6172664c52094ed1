//! Safe resolution of a backup reference (`ID|PATH`) to a backup folder.

use std::path::{Path, PathBuf};

use crate::persistence::{PersistenceError, Result};

/// Resolves `ID|PATH` to a backup folder that is directly inside `dir`. Rejects `..`, hidden
/// names, paths outside `dir`, and symlinks whose target escapes it.
pub fn resolve(dir: &Path, reference: &str) -> Result<PathBuf> {
    let bad = |reason: &str| PersistenceError::BadBackupRef {
        reference: reference.to_string(),
        reason: reason.to_string(),
    };
    if reference.is_empty() {
        return Err(bad("empty"));
    }
    let canon_dir = dir
        .canonicalize()
        .map_err(|e| PersistenceError::io(dir, e))?;
    let is_path =
        reference.contains('/') || reference.contains('\\') || Path::new(reference).is_absolute();
    let candidate = if is_path {
        PathBuf::from(reference)
    } else {
        if reference == ".." || reference == "." || reference.starts_with('.') {
            return Err(bad("not a backup id"));
        }
        dir.join(reference)
    };
    if candidate
        .components()
        .any(|c| matches!(c, std::path::Component::ParentDir))
    {
        return Err(bad("must not contain '..'"));
    }
    std::fs::symlink_metadata(&candidate).map_err(|_| bad("no such backup"))?;
    let canon = candidate
        .canonicalize()
        .map_err(|e| PersistenceError::io(&candidate, e))?;
    if canon.parent() != Some(canon_dir.as_path()) {
        return Err(bad("not a folder directly inside the backup directory"));
    }
    if canon
        .file_name()
        .map(|n| n.to_string_lossy().starts_with('.'))
        .unwrap_or(true)
    {
        return Err(bad("temporary or hidden folder"));
    }
    if !canon.is_dir() {
        return Err(bad("not a directory"));
    }
    Ok(canon)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolve_rejects_escapes() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("backups");
        std::fs::create_dir_all(dir.join("20260101T000000Z-file")).unwrap();
        std::fs::create_dir_all(root.path().join("outside")).unwrap();
        assert!(resolve(&dir, "20260101T000000Z-file").is_ok());
        let abs = dir.join("20260101T000000Z-file");
        assert!(resolve(&dir, abs.to_str().unwrap()).is_ok());
        assert!(resolve(&dir, "..").is_err());
        assert!(resolve(&dir, "../outside").is_err());
        assert!(resolve(&dir, root.path().join("outside").to_str().unwrap()).is_err());
        assert!(resolve(&dir, "/etc").is_err());
        assert!(resolve(&dir, "nope").is_err());
        assert!(resolve(&dir, ".tmp-x").is_err());
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(root.path().join("outside"), dir.join("evil")).unwrap();
            assert!(resolve(&dir, "evil").is_err());
        }
    }
}
