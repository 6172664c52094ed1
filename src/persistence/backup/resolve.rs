//! Resolution of a backup reference (`ID|PATH`) to a backup folder, refusing links and escapes.

use std::path::{Path, PathBuf};

use crate::persistence::{PersistenceError, Result};

/// True when `reference` names a folder by path rather than a backup by id.
pub fn is_path(reference: &str) -> bool {
    reference.contains('/') || reference.contains('\\') || Path::new(reference).is_absolute()
}

/// Resolves `ID|PATH` to a backup folder.
///
/// - An id (a plain name such as `20260102T030405Z-file`) is looked up directly inside `dir`,
///   which is then required; `.`, `..` and hidden or temporary (`.tmp-*`) names are refused.
/// - A path (anything with a `/`) is the backup folder itself, wherever it lies: `dir` is not
///   needed (a backup copied back from offsite is verified where it is).
///
/// Backups never follow links: a folder that is a symbolic link fails verification
/// ([`PersistenceError::VerificationFailed`], exit `BACKUP_INVALID`), naming it.
pub fn resolve(dir: Option<&Path>, reference: &str) -> Result<PathBuf> {
    let bad = |reason: &str| PersistenceError::BadBackupRef {
        reference: reference.to_string(),
        reason: reason.to_string(),
    };
    if reference.is_empty() {
        return Err(bad("empty"));
    }
    let candidate = if is_path(reference) {
        PathBuf::from(reference)
    } else {
        if reference == "." || reference == ".." || reference.starts_with('.') {
            return Err(bad("not a backup id (hidden, temporary or relative name)"));
        }
        let dir = dir.ok_or_else(|| PersistenceError::NoBackupDir {
            reference: reference.to_string(),
        })?;
        dir.join(reference)
    };
    let hidden = candidate
        .file_name()
        .map(|n| n.to_string_lossy().starts_with('.'))
        .unwrap_or(true);
    if hidden {
        return Err(bad(
            "a temporary or hidden folder (an interrupted backup?), or not a folder name",
        ));
    }
    let md = std::fs::symlink_metadata(&candidate).map_err(|_| bad("no such backup"))?;
    if md.file_type().is_symlink() {
        return Err(PersistenceError::VerificationFailed {
            path: candidate,
            reason: "the backup folder is a symbolic link (backups never follow links)".into(),
        });
    }
    if !md.is_dir() {
        return Err(bad("not a directory"));
    }
    Ok(candidate)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exit;

    #[test]
    fn ids_stay_inside_the_directory_and_paths_need_none() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("backups");
        std::fs::create_dir_all(dir.join("20260101T000000Z-file")).unwrap();
        std::fs::create_dir_all(root.path().join("outside")).unwrap();
        std::fs::create_dir_all(dir.join(".tmp-20260101T000000Z-file")).unwrap();
        let d = Some(dir.as_path());
        assert_eq!(
            resolve(d, "20260101T000000Z-file").unwrap(),
            dir.join("20260101T000000Z-file")
        );
        let abs = dir.join("20260101T000000Z-file");
        assert!(resolve(d, abs.to_str().unwrap()).is_ok());
        assert!(resolve(None, abs.to_str().unwrap()).is_ok(), "a path alone");
        let outside = root.path().join("outside");
        assert!(resolve(None, outside.to_str().unwrap()).is_ok());
        for id in ["..", ".", ".tmp-20260101T000000Z-file", ""] {
            assert_eq!(resolve(d, id).unwrap_err().code(), exit::NOT_FOUND, "{id}");
        }
        let tmp = dir.join(".tmp-20260101T000000Z-file");
        assert!(resolve(None, tmp.to_str().unwrap()).is_err());
        assert_eq!(resolve(d, "nope").unwrap_err().code(), exit::NOT_FOUND);
        assert_eq!(
            resolve(None, "20260101T000000Z-file").unwrap_err().code(),
            exit::USAGE
        );
        std::fs::write(dir.join("20260102T000000Z-file"), b"").unwrap();
        assert_eq!(
            resolve(d, "20260102T000000Z-file").unwrap_err().code(),
            exit::NOT_FOUND
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_linked_backup_folder_is_invalid() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("backups");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::create_dir_all(root.path().join("elsewhere")).unwrap();
        std::os::unix::fs::symlink(
            root.path().join("elsewhere"),
            dir.join("20260101T000000Z-file"),
        )
        .unwrap();
        let e = resolve(Some(&dir), "20260101T000000Z-file").unwrap_err();
        assert_eq!(e.code(), exit::BACKUP_INVALID);
        assert!(e.to_string().contains("symbolic link"), "{e}");
        let link = dir.join("20260101T000000Z-file");
        let e = resolve(None, link.to_str().unwrap()).unwrap_err();
        assert_eq!(e.code(), exit::BACKUP_INVALID);
    }
}
