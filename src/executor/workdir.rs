//! The per-run private working folder: run-id validation, creation (0700) and removal.

use std::io;
use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
use std::path::{Path, PathBuf};

/// Longest accepted run id.
pub const MAX_RUN_ID_LEN: usize = 128;

/// Why a run could not be prepared.
#[derive(Debug, thiserror::Error)]
pub enum PrepareError {
    #[error("run id `{0}` is not usable as a file name (1 to 128 of A-Z a-z 0-9 . _ -, not starting with `.`)")]
    BadRunId(String),
    #[error("working folder {path}: {source}")]
    WorkDir { path: PathBuf, source: io::Error },
    #[error("working folder {0} is not valid UTF-8 (required by the bwrap runtime)")]
    NonUtf8WorkDir(PathBuf),
    #[error("log file {path}: {source}")]
    LogFile { path: PathBuf, source: io::Error },
    #[error("spec.command is empty")]
    EmptyCommand,
    #[error("spawn `{program}`: {source}")]
    Spawn { program: String, source: io::Error },
    #[error("status pipe for bwrap: {0}")]
    StatusPipe(io::Error),
    #[error("the agent's lease on its node has run out")]
    LeaseLapsed,
}

pub(crate) fn validate_run_id(run_id: &str) -> Result<(), PrepareError> {
    // No leading dot: `.state` (the agent's state folder) and `.`/`..` live beside the run folders.
    let ok = !run_id.is_empty()
        && run_id.len() <= MAX_RUN_ID_LEN
        && !run_id.starts_with('.')
        && run_id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'));
    if ok {
        Ok(())
    } else {
        Err(PrepareError::BadRunId(
            run_id.chars().take(MAX_RUN_ID_LEN).collect(),
        ))
    }
}

/// Creates the work root if needed and makes it 0711 (owned by the agent: sandboxes may traverse it
/// to their own folder but not list it). With per-slot uids, every folder above it must be
/// traversable by others, or no sandbox could reach its folder: that is checked here.
pub(crate) fn prepare_root(root: &Path, other_uids: bool) -> Result<(), String> {
    std::fs::create_dir_all(root).map_err(|e| e.to_string())?;
    std::fs::set_permissions(root, std::fs::Permissions::from_mode(0o711))
        .map_err(|e| e.to_string())?;
    if other_uids {
        let abs = std::fs::canonicalize(root).map_err(|e| e.to_string())?;
        for dir in abs.ancestors().skip(1) {
            let mode = std::fs::metadata(dir)
                .map_err(|e| format!("{}: {e}", dir.display()))?
                .permissions()
                .mode();
            if mode & 0o001 == 0 {
                return Err(format!(
                    "sandboxes run as their own uids and cannot reach it: {} is {:04o} (others may not traverse it); choose a --work-dir whose parent folders are at least 0711",
                    dir.display(),
                    mode & 0o7777
                ));
            }
        }
    }
    Ok(())
}

/// Creates `dir` (and parents) and makes it 0700: private to the agent (the log folder).
pub(crate) fn prepare_private(dir: &Path) -> io::Result<()> {
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)?;
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))
}

/// The root filesystem folder of `image` in `images`: the image reference with `/` and `:`
/// replaced by `_` (`alpine:3.20` → `<images>/alpine_3.20`).
pub(crate) fn image_root(images: &Path, image: &str) -> Result<PathBuf, String> {
    let name: String = image
        .chars()
        .map(|c| if c == '/' || c == ':' { '_' } else { c })
        .collect();
    let dir = images.join(&name);
    if name.starts_with('.') || !dir.is_dir() {
        return Err(format!(
            "image `{image}` has no root filesystem folder {} (--image-dir)",
            dir.display()
        ));
    }
    Ok(dir)
}

/// The spare folder of `slot`: an emptied working folder kept between runs of that slot's uid.
fn spare(root: &Path, slot: u32) -> PathBuf {
    root.join(format!(".slot-{slot}"))
}

/// Creates `<root>/<run_id>` (0700, owned by the sandbox's uid) with a `tmp` folder inside. A stale
/// folder of the same run (left by a crashed agent) is removed first.
///
/// With a uid of its own, the slot's spare folder (see [`WorkDirGuard::release_now`]) is renamed
/// into place instead of creating folders: a no-op run then allocates no inode for its folders
/// (on ext4, allocating inodes among recently deleted ones was the top cost of such runs).
pub(crate) fn create(
    root: &Path,
    run_id: &str,
    ids: super::SandboxIds,
    slot: u32,
) -> Result<PathBuf, PrepareError> {
    let dir = root.join(run_id);
    if ids.dropped && std::fs::symlink_metadata(&dir).is_err() {
        let spare = spare(root, slot);
        if std::fs::symlink_metadata(&spare).is_ok_and(|m| m.is_dir())
            && std::fs::rename(&spare, &dir).is_ok()
        {
            let ready = (|| -> io::Result<()> {
                let tmp = dir.join("tmp");
                if !std::fs::symlink_metadata(&tmp).is_ok_and(|m| m.is_dir()) {
                    let _ = std::fs::remove_file(&tmp);
                    std::fs::DirBuilder::new().mode(0o700).create(&tmp)?;
                }
                for p in [&tmp, &dir] {
                    std::fs::set_permissions(p, std::fs::Permissions::from_mode(0o700))?;
                    super::identity::chown(p, ids)?;
                }
                Ok(())
            })();
            if ready.is_ok() {
                return Ok(dir);
            }
            let _ = remove(&dir);
        }
    }
    create_new(root, run_id, ids)
}

fn create_new(root: &Path, run_id: &str, ids: super::SandboxIds) -> Result<PathBuf, PrepareError> {
    let err = |path: &Path| {
        let path = path.to_path_buf();
        move |source| PrepareError::WorkDir { path, source }
    };
    std::fs::create_dir_all(root).map_err(err(root))?;
    let dir = root.join(run_id);
    if std::fs::symlink_metadata(&dir).is_ok() {
        remove(&dir).map_err(err(&dir))?;
    }
    std::fs::DirBuilder::new()
        .mode(0o700)
        .create(&dir)
        .map_err(err(&dir))?;
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o700)).map_err(err(&dir))?;
    let tmp = dir.join("tmp");
    std::fs::DirBuilder::new()
        .mode(0o700)
        .create(&tmp)
        .map_err(err(&tmp))?;
    if ids.dropped {
        super::identity::chown(&tmp, ids).map_err(err(&tmp))?;
        super::identity::chown(&dir, ids).map_err(err(&dir))?;
    }
    Ok(dir)
}

/// Removes a working folder, also when the sandbox left folders without write/search permission.
pub(crate) fn remove(dir: &Path) -> io::Result<()> {
    match std::fs::remove_dir_all(dir) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(_) => {
            open_up(dir);
            match std::fs::remove_dir_all(dir) {
                Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
                other => other,
            }
        }
    }
}

/// Makes every real folder below `dir` (symlinks not followed) 0700 so it can be emptied.
fn open_up(dir: &Path) {
    let Ok(meta) = std::fs::symlink_metadata(dir) else {
        return;
    };
    if !meta.is_dir() {
        return;
    }
    let _ = std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700));
    if let Ok(entries) = std::fs::read_dir(dir) {
        for entry in entries.flatten() {
            open_up(&entry.path());
        }
    }
}

/// Empties `dir` (not following symlinks), keeping a real `tmp` folder, which is emptied too.
fn empty(dir: &Path) -> io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        let meta = std::fs::symlink_metadata(&path)?;
        if meta.is_dir() && entry.file_name() == "tmp" {
            empty(&path)?;
        } else if meta.is_dir() {
            remove(&path)?;
        } else {
            std::fs::remove_file(&path)?;
        }
    }
    Ok(())
}

/// Removes the working folder when dropped (also when the `execute` future is dropped mid-run).
pub(crate) struct WorkDirGuard(pub Option<PathBuf>);

impl WorkDirGuard {
    /// Ends the run's use of its folder: emptied and kept as the slot's spare folder when the
    /// sandbox had a uid of its own (whatever it left is gone, nothing of it runs any more), else
    /// removed. Returns a warning on failure.
    pub async fn release_now(&mut self, slot: Option<u32>) -> Option<String> {
        let Some(slot) = slot else {
            return self.remove_now().await;
        };
        let dir = self.0.take()?;
        let d = dir.clone();
        let kept = tokio::task::spawn_blocking(move || -> io::Result<()> {
            let root = d.parent().ok_or_else(|| io::Error::other("no parent"))?;
            empty(&d)?;
            std::fs::rename(&d, spare(root, slot))
        })
        .await;
        if matches!(kept, Ok(Ok(()))) {
            return None;
        }
        self.0 = Some(dir);
        self.remove_now().await
    }

    /// Removes the folder off the async threads; returns a warning on failure.
    pub async fn remove_now(&mut self) -> Option<String> {
        let dir = self.0.take()?;
        let d = dir.clone();
        let res = tokio::task::spawn_blocking(move || remove(&d)).await;
        match res {
            Ok(Ok(())) => None,
            Ok(Err(e)) => Some(format!("working folder {} not removed: {e}", dir.display())),
            Err(e) => Some(format!("working folder {} not removed: {e}", dir.display())),
        }
    }
}

impl Drop for WorkDirGuard {
    fn drop(&mut self) {
        if let Some(dir) = self.0.take() {
            let _ = remove(&dir);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn run_ids() {
        assert!(validate_run_id("01J9ZK3Q8Y2W6X").is_ok());
        assert!(validate_run_id("run-1.a_b").is_ok());
        for bad in [
            "",
            ".",
            "..",
            ".state",
            "a/b",
            "../x",
            "a b",
            &"x".repeat(129),
        ] {
            assert!(validate_run_id(bad).is_err(), "{bad}");
        }
    }
}
