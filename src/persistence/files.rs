//! Files of backups and restores: private modes (files 0600, folders 0700), durable writes, and
//! reads that never follow a symbolic link nor block on a special file.
//!
//! A backup may come from anywhere (copied back from offsite, say), so everything in it is
//! untrusted: [`check_tree`] `lstat`s every entry before anything is read, and [`open_beneath`]
//! opens a file inside a folder one component at a time with `O_NOFOLLOW`, so a link swapped in
//! afterwards is refused too. Only regular files are read (a FIFO would block, a device would
//! never end); [`read_bounded`] caps what is read into memory.

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

use super::{PersistenceError, Result};

/// How many entries a backup folder may hold (a Redis 7 AOF directory has a handful).
pub const MAX_TREE_ENTRIES: usize = 10_000;

/// How deep a backup folder may nest (`appendonlydir/<file>` is depth 2).
pub const MAX_TREE_DEPTH: usize = 8;

/// Creates a directory (and parents) with mode 0700 on the last component. A path that exists
/// as something else than a folder (or lies under a file) is [`PersistenceError::NotADirectory`].
pub(crate) fn create_private_dir(path: &Path) -> Result<()> {
    check_folder_destination(path)?;
    std::fs::create_dir_all(path).map_err(|e| PersistenceError::io(path, e))?;
    set_mode(path, 0o700)
}

/// Refuses a folder destination that exists (links followed: a mount point may be one) and is
/// not a folder, or whose nearest existing ancestor is not one: say so, with the path, instead
/// of `File exists (os error 17)`. A path that does not exist yet is fine.
pub fn check_folder_destination(path: &Path) -> Result<()> {
    for p in path.ancestors().filter(|p| !p.as_os_str().is_empty()) {
        match std::fs::metadata(p) {
            Ok(md) if md.is_dir() => return Ok(()),
            Ok(_) => {
                return Err(PersistenceError::NotADirectory {
                    path: p.to_path_buf(),
                })
            }
            Err(e) if e.raw_os_error() == Some(libc::ENOTDIR) => continue,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => return Err(PersistenceError::io(p, e)),
        }
    }
    Ok(())
}

/// The path `path` names once the folders missing in it are created: its longest existing
/// ancestor canonicalized (links resolved), the rest appended with `.` and `..` applied.
pub fn resolve_destination(path: &Path) -> Result<PathBuf> {
    let absolute = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()
            .map_err(|e| PersistenceError::io(".", e))?
            .join(path)
    };
    let mut rest = Vec::new();
    let mut base = absolute.as_path();
    let mut resolved = loop {
        match std::fs::canonicalize(base) {
            Ok(c) => break c,
            Err(_) => match (base.parent(), base.file_name()) {
                (Some(parent), Some(name)) => {
                    rest.push(name.to_os_string());
                    base = parent;
                }
                // `..` at the end, or the root itself: apply it lexically below.
                (Some(parent), None) => {
                    rest.push("..".into());
                    base = parent;
                }
                (None, _) => break base.to_path_buf(),
            },
        }
    };
    for part in rest.iter().rev() {
        match part.to_str() {
            Some("..") => {
                resolved.pop();
            }
            Some(".") => {}
            _ => resolved.push(part),
        }
    }
    Ok(resolved)
}

/// Creates a directory that must not exist yet (not even as a link), mode 0700.
pub(crate) fn create_new_private_dir(path: &Path) -> Result<()> {
    let mut b = std::fs::DirBuilder::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        b.mode(0o700);
    }
    b.create(path).map_err(|e| PersistenceError::io(path, e))?;
    set_mode(path, 0o700)
}

#[cfg(unix)]
pub(crate) fn set_mode(path: &Path, mode: u32) -> Result<()> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
        .map_err(|e| PersistenceError::io(path, e))
}

#[cfg(not(unix))]
pub(crate) fn set_mode(_path: &Path, _mode: u32) -> Result<()> {
    Ok(())
}

/// Creates (truncating) a file with mode 0600. A symbolic link at `path` is refused, never followed.
pub(crate) fn create_private_file(path: &Path) -> Result<File> {
    let mut o = std::fs::OpenOptions::new();
    o.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        o.mode(0o600)
            .custom_flags(libc::O_NOFOLLOW | libc::O_CLOEXEC);
    }
    let f = o.open(path).map_err(|e| PersistenceError::io(path, e))?;
    #[cfg(unix)]
    {
        // On the open file: a path could have been swapped meanwhile.
        use std::os::unix::fs::PermissionsExt;
        f.set_permissions(std::fs::Permissions::from_mode(0o600))
            .map_err(|e| PersistenceError::io(path, e))?;
    }
    Ok(f)
}

/// fsyncs a directory so a rename inside it is durable (best effort on platforms without it).
pub(crate) fn sync_dir(path: &Path) -> Result<()> {
    match File::open(path) {
        Ok(f) => f
            .sync_all()
            .or_else(|e| {
                if e.kind() == std::io::ErrorKind::InvalidInput {
                    Ok(())
                } else {
                    Err(e)
                }
            })
            .map_err(|e| PersistenceError::io(path, e)),
        Err(e) => Err(PersistenceError::io(path, e)),
    }
}

/// Says what an open error means for a backup: a link or a special file, in words.
fn explain(e: std::io::Error) -> std::io::Error {
    #[cfg(unix)]
    if e.raw_os_error() == Some(libc::ELOOP) {
        return std::io::Error::new(e.kind(), "is a symbolic link (backups never follow links)");
    }
    e
}

#[cfg(unix)]
fn openat(dir: Option<&std::os::fd::OwnedFd>, name: &[u8], flags: i32) -> std::io::Result<File> {
    use std::os::fd::{AsRawFd, FromRawFd};
    let c = std::ffi::CString::new(name).map_err(|_| {
        std::io::Error::new(std::io::ErrorKind::InvalidInput, "name contains a NUL byte")
    })?;
    let flags = flags | libc::O_NOFOLLOW | libc::O_CLOEXEC;
    let dirfd = dir.map_or(libc::AT_FDCWD, |d| d.as_raw_fd());
    // SAFETY: `c` is a NUL-terminated string that outlives the call; `dirfd` is AT_FDCWD or an
    // open descriptor owned by `dir`; openat has no other preconditions.
    let fd = unsafe { libc::openat(dirfd, c.as_ptr(), flags) };
    if fd < 0 {
        return Err(explain(std::io::Error::last_os_error()));
    }
    // SAFETY: `fd` was just returned by openat, is valid, and nothing else owns it.
    Ok(unsafe { File::from_raw_fd(fd) })
}

/// Fails unless `f` is a regular file.
fn require_regular(f: File) -> std::io::Result<File> {
    if f.metadata()?.is_file() {
        Ok(f)
    } else {
        Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "is not a regular file",
        ))
    }
}

/// Opens an existing regular file for reading without following a link at `path` (its last
/// component) and without blocking on a FIFO.
pub fn open_nofollow(path: &Path) -> std::io::Result<File> {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        require_regular(openat(
            None,
            path.as_os_str().as_bytes(),
            libc::O_RDONLY | libc::O_NONBLOCK,
        )?)
    }
    #[cfg(not(unix))]
    {
        require_regular(File::open(path)?)
    }
}

/// Opens the regular file `rel` (a `/`-separated relative path of plain components) inside the
/// folder `root`, following no link: neither `root` itself, nor any folder on the way, nor the file.
pub fn open_beneath(root: &Path, rel: &str) -> std::io::Result<File> {
    let parts: Vec<&str> = rel.split('/').collect();
    if rel.is_empty()
        || parts
            .iter()
            .any(|p| p.is_empty() || *p == "." || *p == "..")
    {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "not a plain relative path inside the backup",
        ));
    }
    #[cfg(unix)]
    {
        use std::os::fd::OwnedFd;
        use std::os::unix::ffi::OsStrExt;
        let dir_flags = libc::O_RDONLY | libc::O_DIRECTORY;
        let mut dir: OwnedFd = openat(None, root.as_os_str().as_bytes(), dir_flags)?.into();
        let (last, folders) = parts.split_last().unwrap_or((&"", &[]));
        for part in folders {
            dir = openat(Some(&dir), part.as_bytes(), dir_flags)?.into();
        }
        require_regular(openat(
            Some(&dir),
            last.as_bytes(),
            libc::O_RDONLY | libc::O_NONBLOCK,
        )?)
    }
    #[cfg(not(unix))]
    {
        require_regular(File::open(root.join(rel))?)
    }
}

/// Reads a whole file that must not be larger than `max` bytes (checked while reading, so a file
/// that grows meanwhile is refused too). `path` names it in errors.
pub(crate) fn read_bounded(f: File, max: u64, path: &Path) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    f.take(max + 1)
        .read_to_end(&mut out)
        .map_err(|e| PersistenceError::io(path, e))?;
    if out.len() as u64 > max {
        return Err(PersistenceError::invalid(
            path.display().to_string(),
            format!("larger than the {max}-byte limit for this file"),
        ));
    }
    Ok(out)
}

/// Why a backup folder is not safe to read: the entry (relative path) and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnsafeEntry {
    pub entry: String,
    pub reason: String,
}

/// `lstat`s `root` and everything below it, following no link: every entry must be a folder or a
/// regular file. Returns the relative paths of the regular files, or the first entry that is a
/// symbolic link or a special file (or one too many, or too deep).
pub fn check_tree(root: &Path) -> std::result::Result<Vec<String>, UnsafeEntry> {
    let bad = |entry: &str, reason: String| UnsafeEntry {
        entry: entry.to_string(),
        reason,
    };
    let md = std::fs::symlink_metadata(root).map_err(|e| bad(".", e.to_string()))?;
    if md.file_type().is_symlink() {
        return Err(bad(
            ".",
            "the backup folder is a symbolic link (backups never follow links)".into(),
        ));
    }
    if !md.is_dir() {
        return Err(bad(".", "the backup is not a folder".into()));
    }
    let mut files = Vec::new();
    let mut seen = 0usize;
    let mut stack = vec![(String::new(), 0usize)];
    while let Some((rel, depth)) = stack.pop() {
        let dir = if rel.is_empty() {
            root.to_path_buf()
        } else {
            root.join(&rel)
        };
        let rd = std::fs::read_dir(&dir).map_err(|e| bad(&rel, e.to_string()))?;
        for e in rd {
            let e = e.map_err(|e| bad(&rel, e.to_string()))?;
            let name = e.file_name().to_string_lossy().into_owned();
            let child = if rel.is_empty() {
                name
            } else {
                format!("{rel}/{name}")
            };
            seen += 1;
            if seen > MAX_TREE_ENTRIES {
                return Err(bad(
                    &child,
                    format!("more than {MAX_TREE_ENTRIES} entries in the backup"),
                ));
            }
            // DirEntry::file_type is the lstat type: a link is reported as a link.
            let ft = e.file_type().map_err(|err| bad(&child, err.to_string()))?;
            if ft.is_symlink() {
                return Err(bad(
                    &child,
                    "is a symbolic link (backups never follow links)".into(),
                ));
            } else if ft.is_dir() {
                if depth + 1 >= MAX_TREE_DEPTH {
                    return Err(bad(&child, "folders nested too deep".into()));
                }
                stack.push((child, depth + 1));
            } else if ft.is_file() {
                files.push(child);
            } else {
                return Err(bad(
                    &child,
                    "is not a regular file (a FIFO, socket or device)".into(),
                ));
            }
        }
    }
    files.sort();
    Ok(files)
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    #[test]
    fn open_beneath_follows_no_link() {
        let d = tempfile::tempdir().unwrap();
        let root = d.path().join("b");
        std::fs::create_dir_all(root.join("sub")).unwrap();
        std::fs::write(root.join("sub/f"), b"x").unwrap();
        std::fs::write(d.path().join("outside"), b"secret").unwrap();
        let mut s = String::new();
        open_beneath(&root, "sub/f")
            .unwrap()
            .read_to_string(&mut s)
            .unwrap();
        assert_eq!(s, "x");
        symlink(d.path().join("outside"), root.join("link")).unwrap();
        let e = open_beneath(&root, "link").unwrap_err();
        assert!(e.to_string().contains("symbolic link"), "{e}");
        symlink(d.path(), root.join("dirlink")).unwrap();
        assert!(open_beneath(&root, "dirlink/outside").is_err());
        symlink(&root, d.path().join("rootlink")).unwrap();
        assert!(open_beneath(&d.path().join("rootlink"), "sub/f").is_err());
        for bad in ["", "../outside", "sub/../sub/f", "/etc/passwd", "sub//f"] {
            assert!(open_beneath(&root, bad).is_err(), "{bad}");
        }
        assert!(
            open_beneath(&root, "sub").is_err(),
            "a folder is not a file"
        );
        assert!(open_nofollow(&root.join("link")).is_err());
        assert!(open_nofollow(&root.join("sub/f")).is_ok());
    }

    #[test]
    fn a_fifo_is_refused_without_blocking() {
        let d = tempfile::tempdir().unwrap();
        let fifo = d.path().join("fifo");
        let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
        // SAFETY: a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        let e = open_beneath(d.path(), "fifo").unwrap_err();
        assert!(e.to_string().contains("not a regular file"), "{e}");
        let e = check_tree(d.path()).unwrap_err();
        assert_eq!(e.entry, "fifo");
    }

    #[test]
    fn check_tree_names_the_link() {
        let d = tempfile::tempdir().unwrap();
        let root = d.path().join("b");
        std::fs::create_dir_all(root.join("appendonlydir")).unwrap();
        std::fs::write(root.join("manifest.json"), b"{}").unwrap();
        std::fs::write(root.join("appendonlydir/a.aof"), b"").unwrap();
        assert_eq!(
            check_tree(&root).unwrap(),
            vec![
                "appendonlydir/a.aof".to_string(),
                "manifest.json".to_string()
            ]
        );
        symlink("/etc/passwd", root.join("appendonlydir/x")).unwrap();
        let e = check_tree(&root).unwrap_err();
        assert_eq!(e.entry, "appendonlydir/x");
        assert!(e.reason.contains("symbolic link"));
        symlink(&root, d.path().join("link")).unwrap();
        assert_eq!(check_tree(&d.path().join("link")).unwrap_err().entry, ".");
    }

    #[test]
    fn bounded_reads() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("f");
        std::fs::write(&p, vec![b'a'; 100]).unwrap();
        assert_eq!(
            read_bounded(File::open(&p).unwrap(), 100, &p)
                .unwrap()
                .len(),
            100
        );
        let e = read_bounded(File::open(&p).unwrap(), 99, &p).unwrap_err();
        assert!(e.to_string().contains("limit"), "{e}");
    }

    #[test]
    fn private_files_refuse_links() {
        let d = tempfile::tempdir().unwrap();
        std::fs::write(d.path().join("target"), b"keep").unwrap();
        symlink(d.path().join("target"), d.path().join("link")).unwrap();
        assert!(create_private_file(&d.path().join("link")).is_err());
        assert_eq!(std::fs::read(d.path().join("target")).unwrap(), b"keep");
        assert!(create_new_private_dir(&d.path().join("link")).is_err());
        use std::os::unix::fs::PermissionsExt;
        create_new_private_dir(&d.path().join("new")).unwrap();
        let mode = std::fs::metadata(d.path().join("new"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o700);
        create_private_file(&d.path().join("new/f")).unwrap();
        let mode = std::fs::metadata(d.path().join("new/f"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}
