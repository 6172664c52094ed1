//! The bubblewrap command line for a sandbox, as a pure function of its inputs (unit-tested below).

use std::path::Path;

/// What a top-level system path is on the host, which decides how it appears in the sandbox.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HostEntry {
    /// A real directory: bound read-only at the same path.
    Dir,
    /// A symlink (merged-/usr systems: `/bin -> usr/bin`): recreated with the same target.
    Symlink(String),
    /// Not present: left out.
    Absent,
}

/// The host's layout of the system paths made visible (read-only) besides `/usr`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HostLayout {
    pub entries: Vec<(String, HostEntry)>,
}

/// Top-level paths (besides `/usr`, always bound) looked at by [`HostLayout::detect`].
/// `/etc` is bound whole (resolv.conf, passwd, ld.so.cache, alternatives, ssl certs); files in it
/// readable by the agent's UID are readable by the sandbox, so run the agent unprivileged.
pub const SYSTEM_PATHS: [&str; 7] = [
    "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32", "/etc",
];

impl HostLayout {
    /// Looks at [`SYSTEM_PATHS`] on this host.
    pub fn detect() -> HostLayout {
        let entries = SYSTEM_PATHS
            .iter()
            .map(|p| {
                let entry = match std::fs::symlink_metadata(p) {
                    Ok(m) if m.file_type().is_symlink() => match std::fs::read_link(p) {
                        Ok(t) => match t.to_str() {
                            Some(t) => HostEntry::Symlink(t.to_string()),
                            None => HostEntry::Absent,
                        },
                        Err(_) => HostEntry::Absent,
                    },
                    Ok(m) if m.is_dir() => HostEntry::Dir,
                    _ => HostEntry::Absent,
                };
                (p.to_string(), entry)
            })
            .collect();
        HostLayout { entries }
    }
}

/// Inputs of [`bwrap_args`].
#[derive(Clone, Debug)]
pub struct BwrapPlan<'a> {
    /// The per-run working folder: bound read-write at the same path and made the current directory.
    pub workdir: &'a str,
    /// The complete environment of the sandboxed command (`--clearenv` drops everything else).
    pub env: &'a [(String, String)],
    /// The command (argv[0] is looked up on the sandbox PATH by bwrap).
    pub argv: &'a [String],
    /// Keep the host network namespace (`--share-net`); otherwise only an isolated loopback.
    pub network: bool,
    /// Keep capabilities when the agent runs as root (no `--cap-drop ALL`).
    pub privileged: bool,
    /// File descriptor bwrap reports `{"child-pid": N}` on (`--json-status-fd`).
    pub status_fd: Option<i32>,
    pub layout: &'a HostLayout,
}

/// The arguments (without the `bwrap` program itself) that run `plan.argv` in a sandbox with:
/// every namespace unshared (`--unshare-all`; network kept only with `plan.network`), the sandbox
/// killed when bwrap dies (`--die-with-parent`), a new terminal session (`--new-session`, no
/// TIOCSTI injection), no capabilities unless privileged, `/usr` and the system paths read-only,
/// fresh `/proc`, minimal `/dev`, a private tmpfs `/tmp`, the working folder as the only writable
/// host path (and current directory), and exactly `plan.env` as environment.
pub fn bwrap_args(plan: &BwrapPlan<'_>) -> Vec<String> {
    let mut a: Vec<String> = Vec::with_capacity(40 + plan.env.len() * 3 + plan.argv.len());
    let mut push = |items: &[&str]| a.extend(items.iter().map(|s| s.to_string()));
    push(&["--unshare-all"]);
    if plan.network {
        push(&["--share-net"]);
    }
    push(&["--die-with-parent", "--new-session"]);
    if !plan.privileged {
        push(&["--cap-drop", "ALL"]);
    }
    push(&["--ro-bind", "/usr", "/usr"]);
    for (path, entry) in &plan.layout.entries {
        match entry {
            HostEntry::Dir => push(&["--ro-bind", path, path]),
            HostEntry::Symlink(target) => push(&["--symlink", target, path]),
            HostEntry::Absent => {}
        }
    }
    push(&["--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp"]);
    push(&[
        "--bind",
        plan.workdir,
        plan.workdir,
        "--chdir",
        plan.workdir,
    ]);
    push(&["--clearenv"]);
    for (k, v) in plan.env {
        push(&["--setenv", k, v]);
    }
    if let Some(fd) = plan.status_fd {
        a.push("--json-status-fd".into());
        a.push(fd.to_string());
    }
    a.push("--".into());
    a.extend(plan.argv.iter().cloned());
    a
}

/// Extracts N from bwrap's `{ "child-pid": N, ... }` status line.
pub(crate) fn parse_child_pid(buf: &[u8]) -> Option<i32> {
    let text = std::str::from_utf8(buf).ok()?;
    let rest = &text[text.find("\"child-pid\"")? + "\"child-pid\"".len()..];
    let rest = rest.trim_start().strip_prefix(':')?.trim_start();
    let digits: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
    if digits.is_empty()
        || !rest[digits.len()..].starts_with(|c: char| c == ',' || c == '}' || c.is_whitespace())
    {
        return None;
    }
    digits.parse().ok().filter(|p| *p > 0)
}

/// True when `p` is inside one of the paths the sandbox can see at the same location.
pub(crate) fn visible_in_sandbox(p: &Path, workdir: &Path, layout: &HostLayout) -> bool {
    if p.starts_with("/usr")
        || p.starts_with(workdir)
        || p.starts_with("/proc")
        || p.starts_with("/dev")
    {
        return true;
    }
    layout
        .entries
        .iter()
        .any(|(path, e)| *e != HostEntry::Absent && p.starts_with(path))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layout() -> HostLayout {
        HostLayout {
            entries: vec![
                ("/bin".into(), HostEntry::Symlink("usr/bin".into())),
                ("/lib".into(), HostEntry::Symlink("usr/lib".into())),
                ("/lib64".into(), HostEntry::Dir),
                ("/libx32".into(), HostEntry::Absent),
                ("/etc".into(), HostEntry::Dir),
            ],
        }
    }

    fn strs(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn full_argument_list_without_network() {
        let env = vec![
            ("PATH".to_string(), "/usr/bin:/bin".to_string()),
            ("A".to_string(), "x y".to_string()),
        ];
        let argv = strs(&["sh", "-c", "echo --bind / /"]);
        let l = layout();
        let plan = BwrapPlan {
            workdir: "/w/run1",
            env: &env,
            argv: &argv,
            network: false,
            privileged: false,
            status_fd: Some(3),
            layout: &l,
        };
        let expected = strs(&[
            "--unshare-all",
            "--die-with-parent",
            "--new-session",
            "--cap-drop",
            "ALL",
            "--ro-bind",
            "/usr",
            "/usr",
            "--symlink",
            "usr/bin",
            "/bin",
            "--symlink",
            "usr/lib",
            "/lib",
            "--ro-bind",
            "/lib64",
            "/lib64",
            "--ro-bind",
            "/etc",
            "/etc",
            "--proc",
            "/proc",
            "--dev",
            "/dev",
            "--tmpfs",
            "/tmp",
            "--bind",
            "/w/run1",
            "/w/run1",
            "--chdir",
            "/w/run1",
            "--clearenv",
            "--setenv",
            "PATH",
            "/usr/bin:/bin",
            "--setenv",
            "A",
            "x y",
            "--json-status-fd",
            "3",
            "--",
            "sh",
            "-c",
            "echo --bind / /",
        ]);
        assert_eq!(bwrap_args(&plan), expected);
    }

    #[test]
    fn network_and_privileged_flags() {
        let l = HostLayout { entries: vec![] };
        let argv = strs(&["true"]);
        let plan = BwrapPlan {
            workdir: "/w",
            env: &[],
            argv: &argv,
            network: true,
            privileged: true,
            status_fd: None,
            layout: &l,
        };
        let args = bwrap_args(&plan);
        assert_eq!(
            &args[..4],
            &strs(&[
                "--unshare-all",
                "--share-net",
                "--die-with-parent",
                "--new-session"
            ])[..]
        );
        assert!(!args.contains(&"--cap-drop".to_string()));
        assert!(!args.contains(&"--json-status-fd".to_string()));
        assert_eq!(&args[args.len() - 2..], &strs(&["--", "true"])[..]);
        // The only writable bind is the working folder.
        assert_eq!(args.iter().filter(|a| *a == "--bind").count(), 1);
    }

    #[test]
    fn child_pid_parsing() {
        assert_eq!(
            parse_child_pid(br#"{ "child-pid": 10253, "cgroup-namespace": 1 }"#),
            Some(10253)
        );
        assert_eq!(parse_child_pid(br#"{"child-pid":7}"#), Some(7));
        assert_eq!(parse_child_pid(br#"{ "child-pid": 12"#), None); // incomplete
        assert_eq!(parse_child_pid(br#"{ "exit-code": 0 }"#), None);
    }
}
