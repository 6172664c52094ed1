//! Who a sandbox runs as: one unprivileged uid per slot when the agent is root (`uid = base + slot`), the agent's own uid otherwise; and the minimal `/etc/passwd` and `/etc/group` a bwrap sandbox sees.

use std::path::Path;

/// Default first sandbox uid (`agent run --uid-base`): above the usual ranges of system and
/// login users, and of the subordinate ids most distributions hand out.
pub const DEFAULT_UID_BASE: u32 = 100_000;

/// The uid and gid a sandbox runs as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SandboxIds {
    pub uid: u32,
    pub gid: u32,
    /// True when the ids were changed from the agent's (the agent runs as root).
    pub dropped: bool,
}

/// How sandbox ids are chosen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UidScheme {
    /// Root agent: slot `i` runs as uid and gid `base + i`, groups cleared.
    PerSlot { base: u32 },
    /// Unprivileged agent: sandboxes keep the agent's uid and gid (it cannot change them).
    AgentUid,
}

impl UidScheme {
    /// Per-slot uids when this process is root, else the agent's uid.
    pub fn detect(base: u32) -> UidScheme {
        // SAFETY: geteuid cannot fail.
        if unsafe { libc::geteuid() } == 0 {
            UidScheme::PerSlot { base }
        } else {
            UidScheme::AgentUid
        }
    }

    /// The ids of the sandbox in `slot`. `privileged` sandboxes keep the agent's ids.
    pub fn ids(&self, slot: u32, privileged: bool) -> SandboxIds {
        match self {
            UidScheme::PerSlot { base } if !privileged => {
                let id = base.saturating_add(slot);
                SandboxIds {
                    uid: id,
                    gid: id,
                    dropped: true,
                }
            }
            _ => {
                // SAFETY: getuid/getgid cannot fail.
                let (uid, gid) = unsafe { (libc::getuid(), libc::getgid()) };
                SandboxIds {
                    uid,
                    gid,
                    dropped: false,
                }
            }
        }
    }

    /// One line for the agent's start-up log.
    pub fn describe(&self, slots: u32) -> String {
        match self {
            UidScheme::PerSlot { base } => format!(
                "sandboxes run as uids {base}..{} (one per slot, groups cleared)",
                base.saturating_add(slots.saturating_sub(1))
            ),
            UidScheme::AgentUid => {
                // SAFETY: getuid cannot fail.
                let uid = unsafe { libc::getuid() };
                format!("not root: sandboxes run as the agent's own uid {uid} (no per-slot uid; run the agent as root for that)")
            }
        }
    }
}

/// `/etc/passwd` for a bwrap sandbox: root, the sandbox user (home = its working folder), nobody.
pub fn passwd(ids: SandboxIds, home: &Path) -> String {
    let mut s = String::from("root:x:0:0:root:/root:/bin/sh\n");
    if ids.uid != 0 && ids.uid != 65534 {
        s.push_str(&format!(
            "sandbox:x:{}:{}:sandbox:{}:/bin/sh\n",
            ids.uid,
            ids.gid,
            home.display()
        ));
    }
    s.push_str("nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n");
    s
}

/// `/etc/group` for a bwrap sandbox.
pub fn group(ids: SandboxIds) -> String {
    let mut s = String::from("root:x:0:\n");
    if ids.gid != 0 && ids.gid != 65534 {
        s.push_str(&format!("sandbox:x:{}:\n", ids.gid));
    }
    s.push_str("nogroup:x:65534:\n");
    s
}

/// Gives `path` to `ids` (not following a symlink).
pub fn chown(path: &Path, ids: SandboxIds) -> std::io::Result<()> {
    std::os::unix::fs::lchown(path, Some(ids.uid), Some(ids.gid))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn per_slot_ids() {
        let s = UidScheme::PerSlot { base: 100_000 };
        assert_eq!(
            s.ids(3, false),
            SandboxIds {
                uid: 100_003,
                gid: 100_003,
                dropped: true
            }
        );
        assert!(!s.ids(3, true).dropped);
        let p = passwd(s.ids(0, false), Path::new("/w/r"));
        assert!(
            p.contains("sandbox:x:100000:100000:sandbox:/w/r:/bin/sh\n"),
            "{p}"
        );
        assert!(group(s.ids(0, false)).contains("sandbox:x:100000:\n"));
    }
}
