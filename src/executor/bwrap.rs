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
pub const SYSTEM_PATHS: [&str; 6] = ["/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32"];

/// The parts of `/etc` every sandbox sees (read-only, when present on the host): the dynamic
/// linker's cache, `alternatives` (command symlinks such as `awk`), CA certificates, time zone.
/// `passwd` and `group` are generated for the sandbox's uid instead; nothing else of `/etc`
/// (no `shadow`, no host configuration) is visible.
pub const ETC_PATHS: [&str; 8] = [
    "/etc/ld.so.cache",
    "/etc/ld.so.conf",
    "/etc/ld.so.conf.d",
    "/etc/alternatives",
    "/etc/ssl",
    "/etc/ca-certificates",
    "/etc/pki",
    "/etc/localtime",
];

/// Added when the sandbox has network: name resolution.
pub const ETC_NETWORK_PATHS: [&str; 4] = [
    "/etc/resolv.conf",
    "/etc/hosts",
    "/etc/nsswitch.conf",
    "/etc/gai.conf",
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
    /// The per-run working folder on the host: bound read-write at `inner_workdir`.
    pub workdir: &'a str,
    /// Where the working folder appears inside (and the current directory): the same path on the
    /// host layout, `/tmp/work` in an image root.
    pub inner_workdir: &'a str,
    /// The complete environment of the sandboxed command (`--clearenv` drops everything else).
    pub env: &'a [(String, String)],
    /// The command (argv[0] is looked up on the sandbox PATH by bwrap).
    pub argv: &'a [String],
    /// Keep the host network namespace (`--share-net`); otherwise only an isolated loopback.
    pub network: bool,
    /// Keep capabilities and the agent's identity (no user namespace, no seccomp).
    pub privileged: bool,
    /// File descriptor bwrap reports `{"child-pid": N}` on (`--json-status-fd`).
    pub status_fd: Option<i32>,
    /// Descriptors holding the generated `/etc/passwd` and `/etc/group`.
    pub passwd_fd: Option<i32>,
    pub group_fd: Option<i32>,
    /// Descriptors holding seccomp programs (`--add-seccomp-fd`).
    pub seccomp_fds: &'a [i32],
    /// An image root filesystem folder used as `/` instead of the host's system folders.
    pub rootfs: Option<&'a str>,
    pub layout: &'a HostLayout,
}

/// The arguments (without the `bwrap` program itself) that run `plan.argv` in a sandbox with:
/// every namespace unshared (`--unshare-all`, network kept only with `plan.network`), a user
/// namespace in which no further one can be made (`--disable-userns`), the sandbox killed when
/// bwrap dies (`--die-with-parent`), a new terminal session (`--new-session`, no TIOCSTI
/// injection), no capabilities, the seccomp programs, `/usr` and the system paths read-only (or an
/// image root), only [`ETC_PATHS`] of `/etc` (plus [`ETC_NETWORK_PATHS`] with network) and a
/// generated `passwd`/`group`, fresh `/proc`, minimal `/dev`, a private tmpfs `/tmp`, the working
/// folder as the only writable host path (and current directory), and exactly `plan.env`.
pub fn bwrap_args(plan: &BwrapPlan<'_>) -> Vec<String> {
    let mut a: Vec<String> = Vec::with_capacity(80 + plan.env.len() * 3 + plan.argv.len());
    let mut push = |items: &[&str]| a.extend(items.iter().map(|s| s.to_string()));
    push(&["--unshare-all"]);
    if plan.network {
        push(&["--share-net"]);
    }
    if !plan.privileged {
        push(&["--unshare-user", "--disable-userns"]);
    }
    push(&["--die-with-parent", "--new-session"]);
    if !plan.privileged {
        push(&["--cap-drop", "ALL"]);
    }
    match plan.rootfs {
        Some(root) => push(&["--ro-bind", root, "/"]),
        None => {
            push(&["--ro-bind", "/usr", "/usr"]);
            for (path, entry) in &plan.layout.entries {
                match entry {
                    HostEntry::Dir => push(&["--ro-bind", path, path]),
                    HostEntry::Symlink(target) => push(&["--symlink", target, path]),
                    HostEntry::Absent => {}
                }
            }
            for path in ETC_PATHS {
                push(&["--ro-bind-try", path, path]);
            }
            if plan.network {
                for path in ETC_NETWORK_PATHS {
                    push(&["--ro-bind-try", path, path]);
                }
            }
        }
    }
    for (fd, dest) in [
        (plan.passwd_fd, "/etc/passwd"),
        (plan.group_fd, "/etc/group"),
    ] {
        if let Some(fd) = fd {
            push(&["--perms", "0444", "--ro-bind-data", &fd.to_string(), dest]);
        }
    }
    push(&["--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp"]);
    push(&[
        "--bind",
        plan.workdir,
        plan.inner_workdir,
        "--chdir",
        plan.inner_workdir,
    ]);
    if plan.rootfs.is_none() {
        // The folders bwrap made on its root tmpfs (`/etc`, …) become read-only too.
        push(&["--remount-ro", "/"]);
    }
    for fd in plan.seccomp_fds {
        push(&["--add-seccomp-fd", &fd.to_string()]);
    }
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
                ("/lib64".into(), HostEntry::Dir),
                ("/libx32".into(), HostEntry::Absent),
            ],
        }
    }

    fn strs(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    fn plan<'a>(
        env: &'a [(String, String)],
        argv: &'a [String],
        l: &'a HostLayout,
    ) -> BwrapPlan<'a> {
        BwrapPlan {
            workdir: "/w/run1",
            inner_workdir: "/w/run1",
            env,
            argv,
            network: false,
            privileged: false,
            status_fd: Some(3),
            passwd_fd: Some(4),
            group_fd: Some(5),
            seccomp_fds: &[6, 7],
            rootfs: None,
            layout: l,
        }
    }

    #[test]
    fn full_argument_list_without_network() {
        let env = vec![("A".to_string(), "x y".to_string())];
        let argv = strs(&["sh", "-c", "echo --bind / /"]);
        let l = layout();
        let mut expected = strs(&[
            "--unshare-all",
            "--unshare-user",
            "--disable-userns",
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
            "--ro-bind",
            "/lib64",
            "/lib64",
        ]);
        for p in ETC_PATHS {
            expected.extend(strs(&["--ro-bind-try", p, p]));
        }
        expected.extend(strs(&[
            "--perms",
            "0444",
            "--ro-bind-data",
            "4",
            "/etc/passwd",
            "--perms",
            "0444",
            "--ro-bind-data",
            "5",
            "/etc/group",
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
            "--remount-ro",
            "/",
            "--add-seccomp-fd",
            "6",
            "--add-seccomp-fd",
            "7",
            "--clearenv",
            "--setenv",
            "A",
            "x y",
            "--json-status-fd",
            "3",
            "--",
            "sh",
            "-c",
            "echo --bind / /",
        ]));
        assert_eq!(bwrap_args(&plan(&env, &argv, &l)), expected);
    }

    #[test]
    fn no_etc_beyond_the_listed_parts() {
        let argv = strs(&["true"]);
        let l = layout();
        let args = bwrap_args(&plan(&[], &argv, &l));
        let etc: Vec<&String> = args.iter().filter(|a| a.starts_with("/etc")).collect();
        assert!(etc
            .iter()
            .all(|p| ETC_PATHS.contains(&p.as_str()) || *p == "/etc/passwd" || *p == "/etc/group"));
        assert!(!args.contains(&"/etc/resolv.conf".to_string()));
        assert!(
            !args.iter().any(|a| a == "/etc"),
            "/etc is never bound whole"
        );
    }

    #[test]
    fn network_privileged_and_image_root() {
        let l = HostLayout { entries: vec![] };
        let argv = strs(&["true"]);
        let mut p = plan(&[], &argv, &l);
        p.network = true;
        p.privileged = true;
        p.status_fd = None;
        let args = bwrap_args(&p);
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
        assert!(args.contains(&"/etc/resolv.conf".to_string()));
        assert_eq!(&args[args.len() - 2..], &strs(&["--", "true"])[..]);
        assert_eq!(args.iter().filter(|a| *a == "--bind").count(), 1);

        let mut p = plan(&[], &argv, &l);
        p.rootfs = Some("/images/alpine");
        p.inner_workdir = "/tmp/work";
        let args = bwrap_args(&p);
        let i = args.iter().position(|a| a == "/images/alpine").unwrap();
        assert_eq!(
            (&args[i - 1], &args[i + 1]),
            (&"--ro-bind".to_string(), &"/".to_string())
        );
        assert!(!args.contains(&"/usr".to_string()));
        assert!(args
            .windows(3)
            .any(|w| w == strs(&["--bind", "/w/run1", "/tmp/work"])));
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
