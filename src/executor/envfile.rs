//! `envFrom` files: `KEY=VALUE` lines read on the agent's host when a sandbox starts, so secrets reach the sandbox without passing through Redis — and only from the folder the operator set aside for them (`--env-from-dir`), never from anywhere else the root agent could read.
//!
//! The rule, enforced here because a spec comes from Redis and may be hostile:
//! - the agent reads envFrom files only when it has an `--env-from-dir`; without one every
//!   `envFrom` fails the run;
//! - the spec's path must lie inside that folder, checked on the text of the path before anything
//!   is opened (so the answer says nothing about files elsewhere: no existence oracle);
//! - the file is opened relative to the folder with `openat2(RESOLVE_BENEATH |
//!   RESOLVE_NO_MAGICLINKS)`: `..` and symlinks may not lead out of it (symlinks that stay inside,
//!   like a Kubernetes secret volume's `..data/KEY`, work); on kernels without `openat2`, no
//!   symlink is followed at all;
//! - the folder and the file must belong to root or to the agent's user and must not be writable
//!   by group or others; the file must be a regular file (a FIFO or a device is refused without
//!   blocking: it is opened non-blocking);
//! - at most [`MAX_ENV_FILE_BYTES`]; errors name the file and line, never a value.

use std::collections::BTreeMap;
use std::io::Read;
use std::os::fd::OwnedFd;
use std::path::{Component, Path, PathBuf};

use rustix::fs::{Mode, OFlags, ResolveFlags};

/// Largest accepted file.
pub const MAX_ENV_FILE_BYTES: u64 = 1 << 20;

/// Why an envFrom file was not used. Every message names the spec's path and never a value.
#[derive(Debug, thiserror::Error)]
pub enum EnvFileError {
    #[error("envFrom file {0}: this agent reads envFrom files only from its --env-from-dir, and it has none")]
    NoFolder(String),
    #[error("envFrom file {path}: outside this agent's --env-from-dir {dir} (envFrom files must lie inside it)")]
    Outside { path: String, dir: PathBuf },
    #[error("envFrom file {path}: {message}")]
    Refused { path: String, message: String },
    #[error("envFrom file {path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
}

/// Reads the envFrom file `path` (the spec's absolute path) from inside `dir` (the agent's
/// `--env-from-dir`); see the module documentation for the rule.
pub fn read_beneath(
    dir: Option<&Path>,
    path: &str,
) -> Result<BTreeMap<String, String>, EnvFileError> {
    let dir = dir.ok_or_else(|| EnvFileError::NoFolder(path.to_string()))?;
    let outside = || EnvFileError::Outside {
        path: path.to_string(),
        dir: dir.to_path_buf(),
    };
    let rel = Path::new(path).strip_prefix(dir).map_err(|_| outside())?;
    let mut parts = Vec::new();
    for c in rel.components() {
        match c {
            Component::Normal(p) => parts.push(p),
            Component::CurDir => {}
            _ => return Err(outside()),
        }
    }
    if parts.is_empty() {
        return Err(outside());
    }
    let rel: PathBuf = parts.iter().collect();
    let io = |source: std::io::Error| EnvFileError::Io {
        path: path.to_string(),
        source,
    };
    let refused = |message: String| EnvFileError::Refused {
        path: path.to_string(),
        message,
    };
    let dir_fd = rustix::fs::open(
        dir,
        OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC,
        Mode::empty(),
    )
    .map_err(|e| io(e.into()))?;
    trusted(&dir_fd).map_err(|m| refused(format!("--env-from-dir {}: {m}", dir.display())))?;
    let file = open_beneath(&dir_fd, &rel).map_err(|e| match e.raw_os_error() {
        Some(libc::EXDEV) | Some(libc::ELOOP) => {
            refused("a symlink or `..` in it leads out of --env-from-dir (refused)".to_string())
        }
        _ => io(e),
    })?;
    let st = rustix::fs::fstat(&file).map_err(|e| io(e.into()))?;
    if rustix::fs::FileType::from_raw_mode(st.st_mode) != rustix::fs::FileType::RegularFile {
        return Err(refused("not a regular file (refused)".into()));
    }
    trusted(&file).map_err(refused)?;
    let mut text = String::new();
    std::fs::File::from(file)
        .take(MAX_ENV_FILE_BYTES + 1)
        .read_to_string(&mut text)
        .map_err(io)?;
    if text.len() as u64 > MAX_ENV_FILE_BYTES {
        return Err(refused(format!("larger than {MAX_ENV_FILE_BYTES} bytes")));
    }
    parse(&text).map_err(refused)
}

/// Checks the `--env-from-dir` folder at agent start: a folder, owned by root or the agent's user,
/// not writable by group or others.
pub fn check_folder(dir: &Path) -> Result<(), String> {
    let fd = rustix::fs::open(
        dir,
        OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC,
        Mode::empty(),
    )
    .map_err(|e| std::io::Error::from(e).to_string())?;
    trusted(&fd)
}

/// Opens `rel` (plain components only) beneath `dir`, never leaving it.
fn open_beneath(dir: &OwnedFd, rel: &Path) -> std::io::Result<OwnedFd> {
    let flags = OFlags::RDONLY | OFlags::CLOEXEC | OFlags::NONBLOCK | OFlags::NOCTTY;
    match rustix::fs::openat2(
        dir,
        rel,
        flags,
        Mode::empty(),
        ResolveFlags::BENEATH | ResolveFlags::NO_MAGICLINKS,
    ) {
        Err(rustix::io::Errno::NOSYS) => {}
        other => return other.map_err(Into::into),
    }
    // No openat2 (Linux < 5.6): walk the components, following no symlink at all.
    let comps: Vec<_> = rel.components().collect();
    let mut cur: Option<OwnedFd> = None;
    for (i, c) in comps.iter().enumerate() {
        let at = cur.as_ref().unwrap_or(dir);
        let last = i + 1 == comps.len();
        let f = if last {
            flags | OFlags::NOFOLLOW
        } else {
            OFlags::RDONLY | OFlags::DIRECTORY | OFlags::NOFOLLOW | OFlags::CLOEXEC
        };
        cur = Some(rustix::fs::openat(at, c.as_os_str(), f, Mode::empty())?);
    }
    cur.ok_or_else(|| std::io::Error::from_raw_os_error(libc::ENOENT))
}

/// Owned by root or by this process's user, and not writable by group or others.
fn trusted(fd: &OwnedFd) -> Result<(), String> {
    let st = rustix::fs::fstat(fd).map_err(|e| e.to_string())?;
    // SAFETY: geteuid cannot fail.
    let me = unsafe { libc::geteuid() };
    if st.st_uid != 0 && st.st_uid != me {
        return Err(format!(
            "owned by uid {}, not by root or the agent (refused)",
            st.st_uid
        ));
    }
    if st.st_mode & 0o022 != 0 {
        return Err(format!(
            "mode {:04o} lets group or others write it (refused)",
            st.st_mode & 0o7777
        ));
    }
    Ok(())
}

/// Parses the text of an env file: one `KEY=VALUE` per line (the value is taken verbatim up to
/// the end of the line); empty lines and lines starting with `#` are skipped; names use letters,
/// digits and `_`. The error never quotes a value.
pub fn parse(text: &str) -> Result<BTreeMap<String, String>, String> {
    let mut out = BTreeMap::new();
    for (n, line) in text.lines().enumerate() {
        let trimmed = line.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let Some((key, value)) = trimmed.split_once('=') else {
            return Err(format!("line {}: expected KEY=VALUE", n + 1));
        };
        let valid = !key.is_empty()
            && !key.starts_with(|c: char| c.is_ascii_digit())
            && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
        if !valid || value.contains('\0') {
            return Err(format!(
                "line {}: variable names use letters, digits and `_`, not starting with a digit",
                n + 1
            ));
        }
        out.insert(key.to_string(), value.to_string());
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_refuses() {
        let m = parse("# secrets\nA=1\n\nB=x=y z\n").unwrap();
        assert_eq!(m.get("A").map(String::as_str), Some("1"));
        assert_eq!(m.get("B").map(String::as_str), Some("x=y z"));
        assert!(parse("no equals").unwrap_err().contains("line 1"));
        assert!(parse("1A=x").is_err());
    }

    #[test]
    fn paths_outside_the_folder_are_refused_before_anything_is_opened() {
        let dir = Path::new("/nonexistent/env");
        for p in [
            "/etc/shadow",
            "/nonexistent/env",
            "/nonexistent/env/../../etc/shadow",
            "/nonexistent/envx/a",
            "/nonexistent/env/a/../../x",
        ] {
            let e = read_beneath(Some(dir), p).unwrap_err();
            assert!(matches!(e, EnvFileError::Outside { .. }), "{p}: {e}");
        }
        let e = read_beneath(None, "/etc/shadow").unwrap_err();
        assert!(matches!(e, EnvFileError::NoFolder(_)), "{e}");
        // Inside: only now is the folder opened.
        let e = read_beneath(Some(dir), "/nonexistent/env/a").unwrap_err();
        assert!(e.to_string().contains("No such file"), "{e}");
    }
}
