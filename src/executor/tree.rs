//! Folders a sandbox controlled, handled by the (root) agent without being turned against the host: emptying, removing and resetting them never follows a symlink and never resolves a path a sandbox could change, so a planted symlink, or a folder swapped for one mid-way, cannot make root delete, chmod or chown anything outside.
//!
//! Every step is relative to an open directory descriptor: entries are opened with
//! `O_NOFOLLOW | O_DIRECTORY` and removed with `unlinkat` in the folder they were listed in;
//! modes and owners are changed with `fchmod`/`fchown` on an open descriptor. Depth is bounded
//! without following `..`: a subtree deeper than [`MAX_DEPTH`] is first moved (`renameat`,
//! `RENAME_NOREPLACE`) up to the top folder and emptied from there, so a tree thousands of levels
//! deep costs at most [`MAX_DEPTH`] open descriptors. A folder that keeps changing (something is
//! still writing into it) is given up after [`MAX_PASSES`] passes, with an error.

use std::ffi::OsStr;
use std::io;
use std::os::fd::{AsFd, BorrowedFd, OwnedFd};
use std::os::unix::ffi::OsStrExt;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};

use rustix::fs::{AtFlags, Dir, FileType, Mode, OFlags, RenameFlags};
use rustix::io::Errno;

/// Levels of folders held open at once while emptying.
pub const MAX_DEPTH: usize = 32;
/// Passes over a folder before giving up on it as one that keeps changing. A tree N levels deep
/// takes about N / [`MAX_DEPTH`] passes.
pub const MAX_PASSES: usize = 4096;

/// Prefix of the names subtrees are moved to at the top while being emptied.
const FLATTENED: &str = ".tartarus-flat-";

fn dir_flags() -> OFlags {
    OFlags::RDONLY | OFlags::DIRECTORY | OFlags::NOFOLLOW | OFlags::CLOEXEC
}

fn is_root() -> bool {
    // SAFETY: geteuid cannot fail.
    unsafe { libc::geteuid() == 0 }
}

/// Opens the folder `name` in `parent` without following a symlink. A folder the agent may not
/// read (an unprivileged agent, and a sandbox of the same uid that made it 0000) is made 0700
/// through an `O_PATH` descriptor of that very folder first.
pub fn open_dir(parent: BorrowedFd<'_>, name: &OsStr) -> io::Result<OwnedFd> {
    match rustix::fs::openat(parent, name, dir_flags(), Mode::empty()) {
        Err(Errno::ACCESS) if !is_root() => {
            let path_fd = rustix::fs::openat(
                parent,
                name,
                OFlags::PATH | OFlags::DIRECTORY | OFlags::NOFOLLOW | OFlags::CLOEXEC,
                Mode::empty(),
            )?;
            // chmod through /proc/self/fd/N reaches the inode the O_PATH descriptor holds.
            let proc_path = format!(
                "/proc/self/fd/{}",
                std::os::fd::AsRawFd::as_raw_fd(&path_fd)
            );
            rustix::fs::chmod(proc_path.as_str(), Mode::from_raw_mode(0o700))?;
            Ok(rustix::fs::openat(
                parent,
                name,
                dir_flags(),
                Mode::empty(),
            )?)
        }
        other => Ok(other?),
    }
}

/// Opens `path` (a folder the agent owns, e.g. the work root; symlinks in it are the operator's).
pub fn open_trusted_dir(path: &Path) -> io::Result<OwnedFd> {
    Ok(rustix::fs::open(
        path,
        OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC,
        Mode::empty(),
    )?)
}

/// Removes the entry `name` of `parent` whatever it is (a whole folder tree included).
pub fn remove_entry(parent: BorrowedFd<'_>, name: &OsStr) -> io::Result<()> {
    match rustix::fs::unlinkat(parent, name, AtFlags::empty()) {
        Ok(()) | Err(Errno::NOENT) => return Ok(()),
        Err(Errno::ISDIR) | Err(Errno::PERM) => {}
        Err(e) => return Err(e.into()),
    }
    let dir = match open_dir(parent, name) {
        Ok(d) => d,
        Err(e) if e.raw_os_error() == Some(libc::ENOENT) => return Ok(()),
        // Swapped for a non-folder since: unlink whatever is there now.
        Err(e) if matches!(e.raw_os_error(), Some(libc::ENOTDIR) | Some(libc::ELOOP)) => {
            return match rustix::fs::unlinkat(parent, name, AtFlags::empty()) {
                Ok(()) | Err(Errno::NOENT) => Ok(()),
                Err(e) => Err(e.into()),
            };
        }
        Err(e) => return Err(e),
    };
    empty(dir.as_fd(), None)?;
    drop(dir);
    match rustix::fs::unlinkat(parent, name, AtFlags::REMOVEDIR) {
        Ok(()) | Err(Errno::NOENT) => Ok(()),
        Err(e) => Err(e.into()),
    }
}

/// Removes the folder at `path` and everything in it; `path`'s parent is trusted (the agent's),
/// the folder itself and its contents are not. Missing is fine.
pub fn remove_path(path: &Path) -> io::Result<()> {
    let (Some(parent), Some(name)) = (path.parent(), path.file_name()) else {
        return Err(io::Error::other(format!(
            "{}: not removable",
            path.display()
        )));
    };
    let parent = match open_trusted_dir(parent) {
        Ok(p) => p,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e),
    };
    remove_entry(parent.as_fd(), name)
}

/// Empties the folder `top`, keeping the entry named `keep` when it is a real folder (which is
/// emptied too). Returns once a pass finds nothing left to remove.
pub fn empty(top: BorrowedFd<'_>, keep: Option<&OsStr>) -> io::Result<()> {
    for _ in 0..MAX_PASSES {
        if !empty_pass(top, top, keep, 0)? {
            return Ok(());
        }
    }
    Err(io::Error::other(format!(
        "the folder kept changing while it was emptied ({MAX_PASSES} passes)"
    )))
}

/// One pass over `dir` (at `depth` below `top`). Returns true when it removed or moved anything.
fn empty_pass(
    top: BorrowedFd<'_>,
    dir: BorrowedFd<'_>,
    keep: Option<&OsStr>,
    depth: usize,
) -> io::Result<bool> {
    let mut changed = false;
    let mut entries = Dir::read_from(dir)?;
    while let Some(entry) = entries.read() {
        let entry = entry?;
        let name = entry.file_name();
        if name == c"." || name == c".." {
            continue;
        }
        let name = OsStr::from_bytes(name.to_bytes());
        if keep == Some(name) {
            match open_dir(dir, name) {
                Ok(kept) => {
                    // Emptied in place (its own passes); by itself no reason for another pass.
                    empty(kept.as_fd(), None)?;
                    continue;
                }
                Err(e) if matches!(e.raw_os_error(), Some(libc::ENOTDIR) | Some(libc::ELOOP)) => {}
                Err(e) if e.raw_os_error() == Some(libc::ENOENT) => continue,
                Err(e) => return Err(e),
            }
        }
        changed = true;
        remove_bounded(top, dir, name, entry.file_type(), depth)?;
    }
    Ok(changed)
}

static FLAT_COUNTER: AtomicU64 = AtomicU64::new(0);

/// Removes `name` in `dir`; a folder at the depth limit is moved up to `top` instead (to be
/// emptied from there on the next pass).
fn remove_bounded(
    top: BorrowedFd<'_>,
    dir: BorrowedFd<'_>,
    name: &OsStr,
    hint: FileType,
    depth: usize,
) -> io::Result<()> {
    if hint != FileType::Directory && hint != FileType::Unknown {
        match rustix::fs::unlinkat(dir, name, AtFlags::empty()) {
            Ok(()) | Err(Errno::NOENT) => return Ok(()),
            Err(Errno::ISDIR) | Err(Errno::PERM) => {} // swapped for a folder since
            Err(e) => return Err(e.into()),
        }
    }
    if depth + 1 >= MAX_DEPTH {
        loop {
            let n = FLAT_COUNTER.fetch_add(1, Ordering::Relaxed);
            let to = format!("{FLATTENED}{}-{n}", std::process::id());
            match rustix::fs::renameat_with(dir, name, top, to.as_str(), RenameFlags::NOREPLACE) {
                Ok(()) | Err(Errno::NOENT) => return Ok(()),
                Err(Errno::EXIST) => continue,
                Err(e) => return Err(e.into()),
            }
        }
    }
    let child = match open_dir(dir, name) {
        Ok(c) => c,
        Err(e) if e.raw_os_error() == Some(libc::ENOENT) => return Ok(()),
        Err(e) if matches!(e.raw_os_error(), Some(libc::ENOTDIR) | Some(libc::ELOOP)) => {
            return match rustix::fs::unlinkat(dir, name, AtFlags::empty()) {
                Ok(()) | Err(Errno::NOENT) => Ok(()),
                Err(e) => Err(e.into()),
            };
        }
        Err(e) => return Err(e),
    };
    for _ in 0..MAX_PASSES {
        if !empty_pass(top, child.as_fd(), None, depth + 1)? {
            break;
        }
    }
    drop(child);
    match rustix::fs::unlinkat(dir, name, AtFlags::REMOVEDIR) {
        Ok(()) | Err(Errno::NOENT) => Ok(()),
        // Refilled meanwhile: the caller's next pass sees it again.
        Err(Errno::NOTEMPTY) => Ok(()),
        Err(e) => Err(e.into()),
    }
}

/// Makes the open folder `fd` mode `mode` and, when given, owned by `ids`.
pub fn reset(fd: BorrowedFd<'_>, mode: u32, ids: Option<(u32, u32)>) -> io::Result<()> {
    rustix::fs::fchmod(fd, Mode::from_raw_mode(mode))?;
    if let Some((uid, gid)) = ids {
        rustix::fs::fchown(
            fd,
            Some(rustix::fs::Uid::from_raw(uid)),
            Some(rustix::fs::Gid::from_raw(gid)),
        )?;
    }
    Ok(())
}

/// Opens (creating when needed, replacing a non-folder) the folder `name` in `parent`.
pub fn ensure_dir(parent: BorrowedFd<'_>, name: &OsStr) -> io::Result<OwnedFd> {
    match open_dir(parent, name) {
        Ok(d) => return Ok(d),
        Err(e) if e.raw_os_error() == Some(libc::ENOENT) => {}
        Err(e) if matches!(e.raw_os_error(), Some(libc::ENOTDIR) | Some(libc::ELOOP)) => {
            remove_entry(parent, name)?;
        }
        Err(e) => return Err(e),
    }
    match rustix::fs::mkdirat(parent, name, Mode::from_raw_mode(0o700)) {
        Ok(()) | Err(Errno::EXIST) => {}
        Err(e) => return Err(e.into()),
    }
    open_dir(parent, name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    use std::sync::atomic::AtomicBool;
    use std::sync::Arc;

    /// Files outside the folder a hostile sandbox aims at; their content, mode and owner.
    struct Canary {
        dir: PathBuf,
        files: Vec<(PathBuf, Vec<u8>, u32, u32)>,
    }

    use std::path::PathBuf;

    impl Canary {
        fn new(base: &Path) -> Canary {
            let dir = base.join("canary");
            std::fs::create_dir_all(dir.join("sub")).unwrap();
            let mut files = Vec::new();
            for (name, mode) in [("secret", 0o600), ("sub/conf", 0o644)] {
                let p = dir.join(name);
                std::fs::write(&p, format!("canary {name}")).unwrap();
                std::fs::set_permissions(&p, std::fs::Permissions::from_mode(mode)).unwrap();
                let m = std::fs::metadata(&p).unwrap();
                files.push((p, format!("canary {name}").into_bytes(), m.mode(), m.uid()));
            }
            Canary { dir, files }
        }

        fn check(&self) {
            let m = std::fs::metadata(&self.dir).unwrap();
            assert_eq!(m.mode() & 0o7777, 0o755, "canary folder mode changed");
            for (p, content, mode, uid) in &self.files {
                let m =
                    std::fs::metadata(p).unwrap_or_else(|e| panic!("{} is gone: {e}", p.display()));
                assert_eq!(&std::fs::read(p).unwrap(), content);
                assert_eq!((m.mode(), m.uid()), (*mode, *uid), "{}", p.display());
            }
        }
    }

    fn base() -> tempfile::TempDir {
        let d = tempfile::tempdir().unwrap();
        std::fs::set_permissions(d.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
        d
    }

    #[test]
    fn planted_links_fifos_and_deep_trees_are_removed_without_touching_the_outside() {
        let d = base();
        let canary = Canary::new(d.path());
        std::fs::set_permissions(&canary.dir, std::fs::Permissions::from_mode(0o755)).unwrap();
        let w = d.path().join("w");
        std::fs::create_dir_all(w.join("tmp")).unwrap();
        std::os::unix::fs::symlink(&canary.dir, w.join("dirlink")).unwrap();
        std::os::unix::fs::symlink(canary.dir.join("secret"), w.join("tmp/filelink")).unwrap();
        std::fs::hard_link(canary.dir.join("secret"), w.join("hard")).unwrap();
        let fifo = std::ffi::CString::new(w.join("fifo").to_str().unwrap()).unwrap();
        assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o600) }, 0);
        let _sock = std::os::unix::net::UnixListener::bind(w.join("sock")).unwrap();
        // 2,000 levels: more than a descriptor per level would allow with a small limit, and
        // deeper than PATH_MAX as a path.
        let mut p = w.join("deep");
        std::fs::create_dir(&p).unwrap();
        let deep = tree_fd(&p);
        let mut cur = deep;
        for _ in 0..2000 {
            rustix::fs::mkdirat(&cur, "d", Mode::from_raw_mode(0o700)).unwrap();
            cur = rustix::fs::openat(&cur, "d", dir_flags(), Mode::empty()).unwrap();
        }
        rustix::fs::mkdirat(&cur, "locked", Mode::from_raw_mode(0o000)).unwrap();
        drop(cur);
        p.push("d");
        std::fs::set_permissions(&w, std::fs::Permissions::from_mode(0o500)).unwrap();

        // Emptying keeps `tmp` (emptied), removing takes everything.
        let fd = open_trusted_dir(&w).unwrap();
        empty(fd.as_fd(), Some(OsStr::new("tmp"))).unwrap();
        let left: Vec<_> = std::fs::read_dir(&w)
            .unwrap()
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert_eq!(left, vec![std::ffi::OsString::from("tmp")]);
        assert_eq!(std::fs::read_dir(w.join("tmp")).unwrap().count(), 0);
        remove_path(&w).unwrap();
        assert!(!w.exists());
        canary.check();
    }

    fn tree_fd(p: &Path) -> OwnedFd {
        open_trusted_dir(p).unwrap()
    }

    /// A racer keeps exchanging `w/tmp` (a real folder holding entries named like the canary's)
    /// with a symlink to the canary folder (`renameat2(RENAME_EXCHANGE)`, atomic) while the
    /// folder is emptied again and again.
    #[test]
    fn a_racing_swap_of_folders_for_symlinks_never_reaches_outside() {
        let d = base();
        let canary = Canary::new(d.path());
        let w = d.path().join("w");
        std::fs::create_dir_all(&w).unwrap();
        let stop = Arc::new(AtomicBool::new(false));
        let racer = {
            let (w, stop, target) = (w.clone(), stop.clone(), canary.dir.clone());
            std::thread::spawn(move || {
                let wfd = open_trusted_dir(&w).unwrap();
                while !stop.load(Ordering::Relaxed) {
                    // Put back what the emptying removed: a real folder full of the canary's
                    // names, and the symlink.
                    let _ = rustix::fs::mkdirat(&wfd, "tmp", Mode::from_raw_mode(0o755));
                    let _ = rustix::fs::symlinkat(&target, &wfd, "alt");
                    for n in ["tmp", "alt"] {
                        let Ok(real) = rustix::fs::openat(&wfd, n, dir_flags(), Mode::empty())
                        else {
                            continue;
                        };
                        let _ = rustix::fs::mkdirat(&real, "sub", Mode::from_raw_mode(0o755));
                        for f in ["secret", "sub/conf"] {
                            let _ = rustix::fs::openat(
                                &real,
                                f,
                                OFlags::CREATE | OFlags::WRONLY | OFlags::NOFOLLOW,
                                Mode::from_raw_mode(0o644),
                            );
                        }
                    }
                    for _ in 0..16 {
                        let _ = rustix::fs::renameat_with(
                            &wfd,
                            "tmp",
                            &wfd,
                            "alt",
                            RenameFlags::EXCHANGE,
                        );
                    }
                }
            })
        };
        let fd = open_trusted_dir(&w).unwrap();
        let t = std::time::Instant::now();
        let mut passes = 0;
        while t.elapsed() < std::time::Duration::from_secs(3) {
            let _ = empty(fd.as_fd(), Some(OsStr::new("tmp")));
            passes += 1;
        }
        stop.store(true, Ordering::Relaxed);
        racer.join().unwrap();
        assert!(passes > 10, "{passes}");
        canary.check();
        remove_path(&w).unwrap();
        canary.check();
    }
}
