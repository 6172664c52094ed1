//! The per-run private working folder: run-id validation, creation (0700) and removal.

use std::ffi::OsStr;
use std::io;
use std::os::fd::{AsFd, BorrowedFd};
use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
use std::path::{Path, PathBuf};

use super::tree;

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

/// Creates the agent's folder `path` (and missing parents, 0755) after checking every existing
/// component from `/` down: a folder or symlink owned by another user, or a folder others may
/// write to without the sticky bit, could be used to swap the agent's folders for links to
/// elsewhere (a log file truncated through a planted symlink, a state folder holding a forged
/// journal), so it is refused. A path under `/tmp` works when each part below `/tmp` is the
/// agent's (or root's) own.
pub(crate) fn create_owned(path: &Path) -> Result<(), String> {
    // SAFETY: geteuid cannot fail.
    let me = unsafe { libc::geteuid() };
    let abs = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()
            .map_err(|e| e.to_string())?
            .join(path)
    };
    let mut cur = PathBuf::from("/");
    for comp in abs.components() {
        match comp {
            std::path::Component::Normal(c) => cur.push(c),
            std::path::Component::ParentDir => {
                cur.pop();
                continue;
            }
            _ => continue,
        }
        let meta = match std::fs::symlink_metadata(&cur) {
            Ok(m) => m,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                match std::fs::DirBuilder::new().mode(0o755).create(&cur) {
                    Ok(()) => {}
                    Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
                    Err(e) => return Err(format!("{}: {e}", cur.display())),
                }
                std::fs::symlink_metadata(&cur).map_err(|e| format!("{}: {e}", cur.display()))?
            }
            Err(e) => return Err(format!("{}: {e}", cur.display())),
        };
        use std::os::unix::fs::MetadataExt;
        let what = if meta.file_type().is_symlink() {
            "a symlink"
        } else if meta.is_dir() {
            "a folder"
        } else {
            return Err(format!("{} is not a folder", cur.display()));
        };
        if meta.uid() != 0 && meta.uid() != me {
            return Err(format!(
                "{} is {what} owned by uid {}, neither root nor the agent: that user could swap the agent's folders (refused)",
                cur.display(),
                meta.uid()
            ));
        }
        if meta.is_dir() && meta.mode() & 0o022 != 0 && meta.mode() & 0o1000 == 0 {
            return Err(format!(
                "{} is {:04o}: group or others may write it and it has no sticky bit, so they could swap the agent's folders (refused)",
                cur.display(),
                meta.mode() & 0o7777
            ));
        }
    }
    Ok(())
}

/// Creates the work root if needed and makes it 0711 (owned by the agent: sandboxes may traverse it
/// to their own folder but not list it). With per-slot uids, every folder above it must be
/// traversable by others, or no sandbox could reach its folder: that is checked here.
pub(crate) fn prepare_root(root: &Path, other_uids: bool) -> Result<(), String> {
    create_owned(root)?;
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

/// Creates `dir` (and parents, see [`create_owned`]) and makes it 0700: private to the agent (the
/// log and state folders).
pub(crate) fn prepare_private(dir: &Path) -> io::Result<()> {
    create_owned(dir).map_err(io::Error::other)?;
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

/// The name of the spare folder of `slot` in the work root: an emptied working folder kept
/// between runs of that slot's uid (root's while it waits).
fn spare_name(slot: u32) -> String {
    format!(".slot-{slot}")
}

/// Creates `<root>/<run_id>` (0700, owned by the sandbox's uid) with a `tmp` folder inside. A stale
/// folder of the same run (left by a crashed agent) is removed first.
///
/// With a uid of its own, the slot's spare folder (see [`WorkDirGuard::release_now`]) is renamed
/// into place instead of creating folders: a no-op run then allocates no inode for its folders
/// (on ext4, allocating inodes among recently deleted ones was the top cost of such runs).
///
/// Everything a sandbox could have touched (the spare folder, a stale folder) is handled through
/// [`super::tree`]: relative to open descriptors, never following a symlink.
pub(crate) fn create(
    root: &Path,
    run_id: &str,
    ids: super::SandboxIds,
    slot: u32,
) -> Result<PathBuf, PrepareError> {
    let dir = root.join(run_id);
    let err = |path: &Path| {
        let path = path.to_path_buf();
        move |source| PrepareError::WorkDir { path, source }
    };
    std::fs::create_dir_all(root).map_err(err(root))?;
    let root_fd = tree::open_trusted_dir(root).map_err(err(root))?;
    let name = OsStr::new(run_id);
    let owner = ids.dropped.then_some((ids.uid, ids.gid));
    if ids.dropped {
        let spare = spare_name(slot);
        let renamed = rustix::fs::renameat_with(
            &root_fd,
            spare.as_str(),
            &root_fd,
            name,
            rustix::fs::RenameFlags::NOREPLACE,
        );
        if renamed.is_ok() {
            if ready(root_fd.as_fd(), name, owner).is_ok() {
                return Ok(dir);
            }
            let _ = tree::remove_entry(root_fd.as_fd(), name);
        }
    }
    tree::remove_entry(root_fd.as_fd(), name).map_err(err(&dir))?;
    rustix::fs::mkdirat(&root_fd, name, rustix::fs::Mode::from_raw_mode(0o700))
        .map_err(|e| err(&dir)(e.into()))?;
    ready(root_fd.as_fd(), name, owner).map_err(err(&dir))?;
    Ok(dir)
}

/// Makes `name` in the work root (a new folder, or a renamed spare one) ready for a run: 0700,
/// owned by the sandbox, with an empty 0700 `tmp` folder of the sandbox's inside.
fn ready(root: BorrowedFd<'_>, name: &OsStr, owner: Option<(u32, u32)>) -> io::Result<()> {
    let dir = tree::open_dir(root, name)?;
    // Owner last-but-one and mode first: until the chown, only the agent can enter.
    tree::reset(dir.as_fd(), 0o700, None)?;
    let tmp = tree::ensure_dir(dir.as_fd(), OsStr::new("tmp"))?;
    tree::reset(tmp.as_fd(), 0o700, owner)?;
    tree::reset(dir.as_fd(), 0o700, owner)
}

/// Removes a working folder (and everything a sandbox left in it, whatever its modes), without
/// following any symlink in it.
pub(crate) fn remove(dir: &Path) -> io::Result<()> {
    tree::remove_path(dir)
}

/// Empties `dir`, keeping a real `tmp` folder (emptied too), then renames it to the spare name
/// of `slot`, all relative to open descriptors.
fn empty_into_spare(dir: &Path, slot: u32) -> io::Result<()> {
    let (Some(root), Some(name)) = (dir.parent(), dir.file_name()) else {
        return Err(io::Error::other("no parent"));
    };
    let root_fd = tree::open_trusted_dir(root)?;
    let fd = tree::open_dir(root_fd.as_fd(), name)?;
    tree::empty(fd.as_fd(), Some(OsStr::new("tmp")))?;
    // Root's until the next run takes it: nothing of the sandbox may reach it meanwhile.
    tree::reset(fd.as_fd(), 0o700, Some((0, 0)).filter(|_| is_root()))?;
    drop(fd);
    rustix::fs::renameat(&root_fd, name, &root_fd, spare_name(slot).as_str())?;
    Ok(())
}

fn is_root() -> bool {
    // SAFETY: geteuid cannot fail.
    unsafe { libc::geteuid() == 0 }
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
        let kept = tokio::task::spawn_blocking(move || empty_into_spare(&d, slot)).await;
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
            "/etc",
            "a\0b",
            "..\u{2215}x",
            &"x".repeat(129),
            &"x".repeat(5000),
        ] {
            assert!(validate_run_id(bad).is_err(), "{bad}");
        }
    }
}
